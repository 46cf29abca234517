#include "config.h"
/*
 * History: the open workshop's audit log, newest first — when, who, what
 * (table, row name, field) and old → new, long values shortened.  Filters
 * by person (p cycles) and by screen (s cycles), a to show all again,
 * Enter for the whole change.  u undoes one of your own changes by writing
 * the old value back as a NEW change (audited like any other), and only
 * when the value is still the one that change wrote.  Supported: field
 * updates (every field of store_update) and answers (set, changed or
 * cleared); creations, deletions, moves, scores and votes are refused with
 * a message.  Not a numbered tab: H or :history opens it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

#define HISTORY_LIMIT 2000

struct hscreen {
	struct list list;
	struct audit_entry *all;
	size_t n_all;
	size_t *rows;          /* indices into all, after the filters */
	char **text;           /* search text per row */
	size_t n;
	char *person;          /* filter, NULL = everyone */
	const char *screen;    /* screen id filter, NULL = all */
	int64_t undo_id;       /* the entry waiting for y/n */
};

/* Which screen shows a change (by table and field). */
static const char *entry_screen(const struct audit_entry *en)
{
	static const struct {
		const char *tbl, *field, *screen;
	} map[] = {
		{ "answer", NULL, "interview" },
		{ "approach", NULL, "approaches" },
		{ "criterion", NULL, "tradeoffs" },
		{ "score", NULL, "tradeoffs" },
		{ "vote", NULL, "tradeoffs" },
		{ "judgement", NULL, "tradeoffs" },
		{ "workshop", "weighting", "tradeoffs" },
		{ "workshop", "scale_min", "tradeoffs" },
		{ "workshop", "scale_max", "tradeoffs" },
		{ "decision", NULL, "decision" },
		{ "risk", NULL, "risks" },
		{ "metric", NULL, "metrics" },
		{ "phase", NULL, "roadmap" },
		{ "workshop", "next_steps", "roadmap" },
		{ "parking", NULL, "room" },
		{ "agenda", NULL, "room" },
		{ "timer", NULL, "room" },
		{ "ready", NULL, "room" },
		{ "workshop", NULL, "workshops" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq(map[i].tbl, en->tbl) &&
		    (!map[i].field || str_eq(map[i].field, en->field)))
			return map[i].screen;
	return "workshops";
}

static const char *screen_title(const char *id)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (str_eq(tui_screens[i].id, id))
			return _(tui_screens[i].title);
	return id;
}

static const char *crit_name(const struct workshop_data *d, const char *key)
{
	int i = wsdata_criterion_index(d, key);

	return i >= 0 && !str_empty(d->criteria[i].name) ? d->criteria[i].name
							  : key;
}

/* "GitLab CI + Flux on Security posture" (new string). */
static char *cell_name(const struct workshop_data *d, const char *ak,
		       const char *ck)
{
	int ai = wsdata_approach_index(d, ak);

	return str_printf(_("%s on %s"),
			  ai >= 0 && !str_empty(d->approaches[ai].name)
			  ? d->approaches[ai].name : ak, crit_name(d, ck));
}

/* The name of the row a change is about, from the data on screen. */
static char *row_name(struct app *a, const struct audit_entry *en)
{
	const struct workshop_data *d = app_data(a);

	if (str_eq(en->tbl, "answer") && en->field) {
		const struct question *q = app_k(a) ? knowledge_question(app_k(a), en->field)
						: NULL;

		return str_dup(q ? q->prompt : en->field);
	}
	if (!d)
		return str_printf("#%lld", (long long)en->row);
	if (str_eq(en->tbl, "workshop"))
		return str_dup(d->ws.title);
	for (size_t i = 0; str_eq(en->tbl, "approach") && i < d->n_approaches; i++)
		if (d->approaches[i].id == en->row)
			return str_dup(d->approaches[i].name ? d->approaches[i].name
				       : d->approaches[i].key);
	for (size_t i = 0; str_eq(en->tbl, "criterion") && i < d->n_criteria; i++)
		if (d->criteria[i].id == en->row)
			return str_dup(d->criteria[i].name ? d->criteria[i].name
				       : d->criteria[i].key);
	for (size_t i = 0; str_eq(en->tbl, "risk") && i < d->n_risks; i++)
		if (d->risks[i].id == en->row)
			return str_dup(d->risks[i].key);
	for (size_t i = 0; str_eq(en->tbl, "metric") && i < d->n_metrics; i++)
		if (d->metrics[i].id == en->row)
			return str_dup(d->metrics[i].name ? d->metrics[i].name
				       : d->metrics[i].key);
	for (size_t i = 0; str_eq(en->tbl, "phase") && i < d->n_roadmap; i++)
		if (d->roadmap[i].id == en->row)
			return str_dup(d->roadmap[i].name ? d->roadmap[i].name : "");
	for (size_t i = 0; str_eq(en->tbl, "decision") && i < d->n_decisions; i++)
		if (d->decisions[i].id == en->row)
			return str_printf("ADR-%d %s", d->decisions[i].number,
					  d->decisions[i].title ? d->decisions[i].title
					  : "");
	for (size_t i = 0; str_eq(en->tbl, "parking") && i < d->n_parking; i++)
		if (d->parking[i].id == en->row)
			return str_dup(d->parking[i].text ? d->parking[i].text
				       : "");
	/* Scores and votes by their cell, judgements by their pair. */
	for (size_t i = 0; str_eq(en->tbl, "score") && i < d->n_scores; i++)
		if (d->scores[i].id == en->row)
			return cell_name(d, d->scores[i].approach,
					 d->scores[i].criterion);
	for (size_t i = 0; str_eq(en->tbl, "vote") && i < d->n_votes; i++)
		if (d->votes[i].id == en->row)
			return cell_name(d, d->votes[i].approach,
					 d->votes[i].criterion);
	for (size_t i = 0; str_eq(en->tbl, "judgement") && i < d->n_pairwise; i++)
		if (d->pairwise[i].id == en->row)
			return str_printf(_("%s vs %s"),
					  crit_name(d, d->pairwise[i].a),
					  crit_name(d, d->pairwise[i].b));
	/* Gone: a deletion names it in its old value. */
	if (!en->field && en->old_value && !en->new_value)
		return str_dup(en->old_value);
	if (!en->field && en->new_value && !en->old_value)
		return str_dup(en->new_value);
	return str_printf("#%lld", (long long)en->row);
}

/* One line, at most `cols` columns, ending with "…" when cut. */
static void shorten(struct buf *b, const char *s, int cols)
{
	char *flat = str_dup(s ? s : "");

	if (!flat)
		return;
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	if (utf8_width(flat) <= cols) {
		buf_puts(b, flat);
	} else {
		size_t n = utf8_fit(flat, cols > 1 ? cols - 1 : 0, NULL);

		buf_add(b, flat, n);
		buf_puts(b, "…");
	}
	free(flat);
}

/* "old → new", "created …", "deleted …", "cleared (was …)". */
static char *change_text(const struct audit_entry *en, int cols)
{
	struct buf b;
	int half = cols / 2 - 2;

	buf_init(&b);
	if (half < 6)
		half = 6;
	if (!en->old_value && en->new_value &&
	    (!en->field || str_eq(en->tbl, "workshop"))) {
		buf_puts(&b, _("created "));
		shorten(&b, en->new_value, cols - 8);
	} else if (!en->new_value && !en->field) {
		buf_puts(&b, _("deleted "));
		shorten(&b, en->old_value, cols - 8);
	} else if (!en->new_value) {
		buf_puts(&b, _("cleared, was "));
		shorten(&b, en->old_value, cols - 13);
	} else if (!en->old_value) {
		buf_puts(&b, _("set to "));
		shorten(&b, en->new_value, cols - 7);
	} else {
		shorten(&b, *en->old_value ? en->old_value : "—", half);
		buf_puts(&b, " → ");
		shorten(&b, *en->new_value ? en->new_value : "—", cols - half - 3);
	}
	return buf_detach(&b);
}

static char *what_text(struct app *a, const struct audit_entry *en)
{
	char *name = row_name(a, en);
	char *s;

	if (str_eq(en->tbl, "answer"))
		s = str_printf("%s “%s”", _("answer"), name ? name : "");
	else if (str_eq(en->tbl, "score") || str_eq(en->tbl, "vote"))
		s = str_printf("%s %s%s", str_eq(en->tbl, "vote") ? _("vote")
			       : str_eq(en->field, "rationale") ? _("why")
			       : _("score"), name ? name : "", "");
	else if (str_eq(en->tbl, "judgement"))
		s = str_printf("%s %s", _("judgement"), name ? name : "");
	else if (str_eq(en->field, "pos"))
		s = str_printf("%s %s · %s", en->tbl, name ? name : "",
			       _("moved"));
	else if (en->field && !str_eq(en->tbl, "workshop"))
		s = str_printf("%s %s · %s", en->tbl, name ? name : "", en->field);
	else if (en->field)
		s = str_printf("%s · %s", en->tbl, en->field);
	else
		s = str_printf("%s %s", en->tbl, name ? name : "");
	free(name);
	return s;
}

static void when_text(int64_t at, char *buf, size_t size)
{
	time_t t = (time_t)at;
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(buf, size, "%m-%d %H:%M", &tm))
		snprintf(buf, size, "?");
}

static const char *row_text(void *ctx, size_t i)
{
	struct hscreen *s = ctx;

	return i < s->n ? s->text[i] : NULL;
}

static void rows_free(struct hscreen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->text[i]);
	free(s->text);
	free(s->rows);
	s->text = NULL;
	s->rows = NULL;
	s->n = 0;
}

static bool matches(struct hscreen *s, const struct audit_entry *en)
{
	if (s->person && !str_eq(s->person, en->who))
		return false;
	if (s->screen && !str_eq(s->screen, entry_screen(en)))
		return false;
	return true;
}

static void build_rows(struct app *a, struct hscreen *s)
{
	int64_t keep = s->n && s->list.sel < s->n
		       ? s->all[s->rows[s->list.sel]].id : 0;

	rows_free(s);
	s->rows = calloc(s->n_all ? s->n_all : 1, sizeof(*s->rows));
	s->text = calloc(s->n_all ? s->n_all : 1, sizeof(*s->text));
	if (!s->rows || !s->text) {
		free(s->rows);
		free(s->text);
		s->rows = NULL;
		s->text = NULL;
		list_set_count(&s->list, 0);
		return;
	}
	for (size_t i = 0; i < s->n_all; i++) {
		const struct audit_entry *en = &s->all[i];
		char *what, *chg;

		if (!matches(s, en))
			continue;
		what = what_text(a, en);
		chg = change_text(en, 200);
		s->rows[s->n] = i;
		s->text[s->n] = str_printf("%s %s %s", en->who,
					   what ? what : "", chg ? chg : "");
		s->n++;
		free(what);
		free(chg);
	}
	list_set_count(&s->list, s->n);
	for (size_t i = 0; keep && i < s->n; i++)
		if (s->all[s->rows[i]].id == keep) {
			list_select(&s->list, i);
			break;
		}
}

static void hi_refresh(struct app *a, void *state)
{
	struct hscreen *s = state;
	struct audit_entry *list = NULL;
	struct error e;
	size_t n = 0;

	err_clear(&e);
	if (!app_ws(a) || session_history(a->s, HISTORY_LIMIT, &list, &n,
					  &e) < 0) {
		if (app_ws(a))
			app_error(a, &e);
		list = NULL;
		n = 0;
	}
	/* Keep the rows' selection: build_rows reads the old entries. */
	if (s->n && s->list.sel < s->n) {
		int64_t keep = s->all[s->rows[s->list.sel]].id;

		session_history_free(&s->all, s->n_all);
		s->all = list;
		s->n_all = n;
		rows_free(s);
		build_rows(a, s);
		for (size_t i = 0; i < s->n; i++)
			if (s->all[s->rows[i]].id == keep) {
				list_select(&s->list, i);
				break;
			}
		return;
	}
	session_history_free(&s->all, s->n_all);
	s->all = list;
	s->n_all = n;
	build_rows(a, s);
}

/* Opened again: the newest change first, as it was just made. */
static void hi_entered(struct app *a, void *state)
{
	struct hscreen *s = state;

	hi_refresh(a, s);
	list_select(&s->list, 0);
	list_scroll(&s->list, s->list.height);
}

static int hi_open(struct app *a, void **state)
{
	struct hscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	hi_refresh(a, s);
	return ST_OK;
}

static void hi_close(struct app *a, void *state)
{
	struct hscreen *s = state;

	(void)a;
	rows_free(s);
	session_history_free(&s->all, s->n_all);
	free(s->person);
	list_free(&s->list);
	free(s);
}

static struct list *hi_list(struct app *a, void *state)
{
	(void)a;
	return &((struct hscreen *)state)->list;
}

/* The selected change under a rule: what it was in full and its
 * change, wrapped on the rows left (Enter shows the values whole). */
static void draw_selected(struct app *a, const struct audit_entry *en, int y,
			  int x, int h, int w)
{
	char *what = what_text(a, en), *chg = change_text(en, 2 * w), *t;

	draw_role(CR_DIM);
	draw_hline(y, x, w);
	t = str_printf("%s · %s", what ? what : "", chg ? chg : "");
	draw_role(CR_NORMAL);
	draw_wrapped(y + 1, x + 1, h - 1, w - 2, t);
	free(t);
	free(what);
	free(chg);
}

static void hi_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct hscreen *s = state;
	int ww = 11, wp = w >= 120 ? 22 : 14, wt, wc, lh = h - 2;
	/* Below the rows, the selected change in full (What is cut). */
	int dh = h >= 12 ? 3 : 0;
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s · %s · %s", _("History"),
		   s->person ? s->person : _("everyone"),
		   s->screen ? screen_title(s->screen) : _("all screens"));
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	b.len = 0;
	wt = (w - ww - wp - 4) * 2 / 5;
	wc = w - ww - wp - wt - 4;
	draw_cell(&b, _("When"), ww, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Who"), wp, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("What"), wt, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Change"), wc, false);
	draw_role(CR_DIM);
	draw_line(y + 1, x + 1, buf_str(&b), w - 1);
	if (s->n == 0) {
		draw_role(CR_DIM);
		draw_line(y + 3, x + 2, s->n_all
			  ? _("No change matches the filter (a shows all).")
			  : _("No change recorded yet."), w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	lh -= dh;
	list_scroll(&s->list, lh);
	list_place(&s->list, y + 2);
	for (int r = 0; r < lh; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct audit_entry *en;
		char when[32], *what, *chg;

		if (i >= s->n)
			break;
		en = &s->all[s->rows[i]];
		when_text(en->at, when, sizeof(when));
		what = what_text(a, en);
		chg = change_text(en, wc);
		b.len = 0;
		draw_cell(&b, when, ww, false);
		buf_putc(&b, ' ');
		draw_cell(&b, en->who, wp, false);
		buf_putc(&b, ' ');
		draw_cell(&b, what ? what : "", wt, false);
		buf_putc(&b, ' ');
		draw_cell(&b, chg ? chg : "", wc, false);
		draw_role(i == s->list.sel ? CR_SELECTED : CR_NORMAL);
		draw_fill(y + 2 + r, x, 1, w);
		if (i == s->list.sel)
			draw_text(y + 2 + r, x, "›", 1);
		draw_text(y + 2 + r, x + 1, buf_str(&b), w - 1);
		free(what);
		free(chg);
	}
	if (dh && s->list.sel < s->n)
		draw_selected(a, &s->all[s->rows[s->list.sel]], y + h - dh, x,
			      dh, w);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* ---- filters --------------------------------------------------------------- */
static void cycle_person(struct app *a, struct hscreen *s)
{
	struct strv people = { 0 };
	size_t at = 0;

	for (size_t i = 0; i < s->n_all; i++)
		if (!strv_contains(&people, s->all[i].who))
			strv_push(&people, s->all[i].who);
	if (!people.n) {
		app_msg(a, MSG_INFO, "%s", _("nobody has changed anything yet"));
		return;
	}
	if (s->person)
		for (at = 0; at < people.n && !str_eq(people.v[at], s->person); at++)
			;
	free(s->person);
	s->person = !s->person ? str_dup(people.v[0])
		    : at + 1 < people.n ? str_dup(people.v[at + 1]) : NULL;
	app_msg(a, MSG_INFO, _("history of %s (p: next person)"),
		s->person ? s->person : _("everyone"));
	strv_free(&people);
	build_rows(a, s);
}

static void cycle_screen(struct app *a, struct hscreen *s)
{
	size_t start = 0;
	const char *next = NULL;

	if (s->screen)
		for (size_t i = 0; i < tui_n_screens; i++)
			if (str_eq(tui_screens[i].id, s->screen))
				start = i + 1;
	/* The next screen (in tab order) that has changes. */
	for (size_t i = start; i < tui_n_screens && !next; i++)
		for (size_t j = 0; j < s->n_all; j++)
			if (str_eq(entry_screen(&s->all[j]), tui_screens[i].id)) {
				next = tui_screens[i].id;
				break;
			}
	s->screen = next;
	app_msg(a, MSG_INFO, _("changes on %s (s: next screen)"),
		next ? screen_title(next) : _("all screens"));
	build_rows(a, s);
}

static const struct audit_entry *sel_entry(struct hscreen *s)
{
	return s->n && s->list.sel < s->n ? &s->all[s->rows[s->list.sel]] : NULL;
}

static void show_entry(struct app *a, struct hscreen *s)
{
	const struct audit_entry *en = sel_entry(s);
	struct strv lines = { 0 };
	char when[32], *t;

	if (!en)
		return;
	when_text(en->at, when, sizeof(when));
	t = what_text(a, en);
	strv_push(&lines, t ? t : "");
	free(t);
	t = str_printf(_("by %s, %s (change #%lld)"), en->who, when,
		       (long long)en->id);
	strv_push(&lines, t ? t : "");
	free(t);
	strv_push(&lines, "");
	t = str_printf("\x01%s", _("Before"));
	strv_push(&lines, t ? t : "");
	free(t);
	strv_split(&lines, en->old_value ? en->old_value : _("(nothing)"), '\n');
	strv_push(&lines, "");
	t = str_printf("\x01%s", _("After"));
	strv_push(&lines, t ? t : "");
	free(t);
	strv_split(&lines, en->new_value ? en->new_value : _("(nothing)"), '\n');
	app_push(a, overlay_new(_("Change"), &lines));
	if (a->n_modals)
		a->modals[a->n_modals - 1]->scope = SC_NAV;
	strv_free(&lines);
}

/* ---- undo ------------------------------------------------------------------ */
static bool undo_confirmed(struct app *a, struct modal *m, bool ok)
{
	size_t i = tui_n_screens;
	struct hscreen *s;
	struct sess_result r = { 0 };
	char *what = NULL;

	(void)m;
	for (size_t k = 0; k < tui_n_screens; k++)
		if (tui_screens[k].ops == &screen_history_ops)
			i = k;
	if (!ok || i == tui_n_screens || !a->opened[i])
		return true;
	s = a->state[i];
	for (size_t k = 0; k < s->n_all; k++) {
		const struct audit_entry *en = &s->all[k];

		if (en->id != s->undo_id)
			continue;
		/* Named before the undo: it may reload the data. */
		what = what_text(a, en);
		if (session_undo_entry(a->s, en, &r) == ST_OK) {
			if (str_eq(en->tbl, "answer"))
				app_msg(a, MSG_OK, _("undone, as a new change: the answer is “%s” again"),
					en->old_value ? en->old_value : _("no answer"));
			else if (!en->field || str_eq(en->field, "pos"))
				app_msg(a, MSG_OK, _("undone, as a new change: %s"),
					what ? what : "");
			else
				app_msg(a, MSG_OK, _("undone, as a new change: %s is “%s” again"),
					what ? what : en->field,
					en->old_value ? en->old_value : "—");
		} else {
			app_msg(a, r.status == SESS_FAILED ? MSG_ERROR : MSG_WARN,
				"%s", r.msg);
		}
		sess_result_clear(&r);
		free(what);
		break;
	}
	return true;
}

static void undo(struct app *a, struct hscreen *s)
{
	const struct audit_entry *en = sel_entry(s);
	struct sess_result r = { 0 };
	char *q, *name;

	if (!en)
		return;
	if (session_undo_check(a->s, en, &r) < 0) {
		app_msg(a, r.status == SESS_FAILED ? MSG_ERROR : MSG_WARN, "%s",
			r.msg);
		sess_result_clear(&r);
		return;
	}
	sess_result_clear(&r);
	s->undo_id = en->id;
	name = what_text(a, en);
	q = str_printf(_("Undo your change of %s: set it back to “%s”?"),
		       name ? name : "", en->old_value ? en->old_value
		       : _("no answer"));
	free(name);
	app_confirm(a, &(struct confirm_req){ .title = _("Undo"),
		    .question = q, .done = undo_confirmed });
	free(q);
}

static enum reaction hi_key(struct app *a, void *state, enum action act)
{
	struct hscreen *s = state;

	switch (act) {
	case A_HI_PERSON:
		cycle_person(a, s);
		return R_DONE;
	case A_HI_SCREEN:
		cycle_screen(a, s);
		return R_DONE;
	case A_HI_ALL:
		free(s->person);
		s->person = NULL;
		s->screen = NULL;
		app_msg(a, MSG_INFO, "%s", _("all changes"));
		build_rows(a, s);
		return R_DONE;
	case A_HI_SHOW:
		show_entry(a, s);
		return R_DONE;
	case A_HI_UNDO:
		undo(a, s);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void hi_status(struct app *a, void *state, char *buf, size_t size)
{
	struct hscreen *s = state;

	(void)a;
	snprintf(buf, size, _("%zu of %zu changes"), s->n, s->n_all);
}

static void hi_selection(struct app *a, void *state, char *buf, size_t size)
{
	const struct audit_entry *en = sel_entry(state);

	(void)a;
	snprintf(buf, size, "%lld", en ? (long long)en->id : 0LL);
}

static bool hi_select(struct app *a, void *state, const char *sel)
{
	struct hscreen *s = state;
	long long id = strtoll(sel, NULL, 10);

	(void)a;
	for (size_t i = 0; i < s->n; i++)
		if (s->all[s->rows[i]].id == id) {
			list_select(&s->list, i);
			return true;
		}
	return false;
}

const struct screen_ops screen_history_ops = {
	.open = hi_open,
	.close = hi_close,
	.draw = hi_draw,
	.key = hi_key,
	.refresh = hi_refresh,
	.entered = hi_entered,
	.list = hi_list,
	.status = hi_status,
	.selection = hi_selection,
	.select = hi_select,
};

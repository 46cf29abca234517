#include "config.h"
/*
 * screen 6, Decision: the workshop's ADRs (number, status, date, title) and
 * a scrolling detail pane of the selected one: status and links, deciders,
 * chosen approach, context, decision, rationale, consequences and the
 * alternatives considered -- generated from the other approaches' weighted
 * totals, ranks and main pros and cons until someone edits them.  New ADRs
 * are numbered by the store (never reused), start proposed and dated
 * today, and may be based on the top-ranked approach.  Every field can be
 * edited (a conflict with someone else's edit opens the keep mine / take
 * theirs dialog); "superseded by N" links both records in one store call.
 */

#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* One wrapped line of the detail pane. */
struct dline {
	enum role role;
	char *text;
};

struct dscreen {
	struct app *a;
	struct list list;
	int64_t sel_id;        /* selected ADR, kept across reloads */
	int64_t shown_id;      /* the ADR the scroll offset belongs to */
	int scroll;            /* first detail line shown */
	int page;              /* detail rows shown by the last draw */
	struct dline *lines;
	size_t n_lines, cap;
};

enum dfield {
	DF_TITLE = 0, DF_STATUS, DF_DATE, DF_DECIDERS, DF_CONSULTED,
	DF_INFORMED, DF_CONTEXT, DF_DECISION, DF_RATIONALE, DF_POSITIVE,
	DF_NEGATIVE, DF_RISKS, DF_CHOSEN, DF_SUPERSEDES, DF_ALTERNATIVES,
	DF_COUNT
};

static const char *const dfield_ids[DF_COUNT] = {
	"title", "status", "date", "deciders", "consulted", "informed",
	"context", "decision", "rationale", "positive", "negative", "risks",
	"chosen", "supersedes", "alternatives"
};
static const char *const dfield_names[DF_COUNT] = {
	N_("Title"), N_("Status"), N_("Date"), N_("Deciders"),
	N_("Consulted"), N_("Informed"), N_("Context"), N_("Decision"),
	N_("Rationale"), N_("Positive consequences"),
	N_("Negative consequences"), N_("Risks"), N_("Chosen approach"),
	N_("Supersedes"), N_("Alternatives considered")
};

static bool is_list(enum dfield f)
{
	return f == DF_DECIDERS || f == DF_CONSULTED || f == DF_INFORMED ||
	       f == DF_POSITIVE || f == DF_NEGATIVE || f == DF_RISKS;
}

static struct dscreen *self(struct app *a)
{
	return tui_screen_state(a, &screen_decision_ops);
}

static const struct decision *row_adr(const struct dscreen *s, size_t i)
{
	const struct workshop_data *d = app_data(s->a);

	return d && i < d->n_decisions ? &d->decisions[i] : NULL;
}

static const struct decision *sel_adr(const struct dscreen *s)
{
	return row_adr(s, s->list.sel);
}

static const struct decision *adr_by_id(struct app *a, int64_t id)
{
	for (size_t i = 0; app_data(a) && i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].id == id)
			return &app_data(a)->decisions[i];
	return NULL;
}

static const char *row_text(void *ctx, size_t i)
{
	const struct decision *dc = row_adr(ctx, i);

	return dc ? dc->title : NULL;
}

static void dc_refresh(struct app *a, void *state)
{
	struct dscreen *s = state;

	list_set_count(&s->list, app_data(a) ? app_data(a)->n_decisions : 0);
	for (size_t i = 0; s->sel_id && app_data(a) && i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].id == s->sel_id)
			list_select(&s->list, i);
}

static int dc_open(struct app *a, void **state)
{
	struct dscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	dc_refresh(a, s);
	return ST_OK;
}

static void lines_clear(struct dscreen *s)
{
	for (size_t i = 0; i < s->n_lines; i++)
		free(s->lines[i].text);
	s->n_lines = 0;
}

static void dc_close(struct app *a, void *state)
{
	struct dscreen *s = state;

	(void)a;
	lines_clear(s);
	free(s->lines);
	list_free(&s->list);
	free(s);
}

static struct list *dc_list(struct app *a, void *state)
{
	(void)a;
	return &((struct dscreen *)state)->list;
}

/* ---- the generated alternatives ---------------------------------------- */
/* "a; b" from the first `max` items of a list (new string). */
/* ---- the detail pane ----------------------------------------------------- */
static void add_line(struct dscreen *s, enum role role, const char *t,
		     size_t n)
{
	char *copy;

	if (s->n_lines == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 64;
		struct dline *p = realloc(s->lines, nc * sizeof(*p));

		if (!p)
			return;
		s->lines = p;
		s->cap = nc;
	}
	copy = str_ndup(t, n);
	if (!copy)
		return;
	s->lines[s->n_lines].role = role;
	s->lines[s->n_lines].text = copy;
	s->n_lines++;
}

/* Wrap text to w columns; every line after the first gets `indent`. */
static void add_para(struct dscreen *s, enum role role, const char *prefix,
		     const char *text, int w, int indent)
{
	char *full = str_printf("%s%s", prefix ? prefix : "", text ? text : "");
	size_t st[256], ln[256], n;

	if (!full)
		return;
	n = draw_wrap(full, w - indent, st, ln, 256);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || !indent) {
			add_line(s, role, full + st[i], ln[i]);
		} else {
			char *t = str_printf("%*s%.*s", indent, "", (int)ln[i],
					     full + st[i]);

			if (t)
				add_line(s, role, t, strlen(t));
			free(t);
		}
	}
	free(full);
}

static void add_field(struct dscreen *s, const char *label, const char *text,
		      int w)
{
	char *p = str_printf("%s: ", label);

	add_para(s, str_empty(text) ? CR_DIM : CR_NORMAL, p,
		 str_empty(text) ? "—" : text, w, 2);
	free(p);
}

/*
 * Prose as Markdown shows it: a single line break inside a paragraph
 * becomes a space, a blank line still separates paragraphs (new string).
 */
static char *reflow(const char *t)
{
	struct buf b;

	buf_init(&b);
	for (const char *p = t ? t : ""; *p; p++) {
		if (*p == '\n' && p[1] && p[1] != '\n' && p > t && p[-1] != '\n')
			buf_putc(&b, ' ');
		else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static void add_prose(struct dscreen *s, const char *label, const char *text,
		      int w)
{
	char *t = reflow(text);

	add_field(s, label, t, w);
	free(t);
}

static void add_items(struct dscreen *s, const char *bullet,
		      const struct strv *v, enum role role, int w)
{
	for (size_t i = 0; i < v->n; i++)
		add_para(s, role, bullet, v->v[i], w, 4);
}

static void build_detail(struct app *a, struct dscreen *s,
			 const struct decision *dc, int w)
{
	const struct workshop_data *d = app_data(a);
	struct buf b;
	char *t, *alt;
	int ci;

	lines_clear(s);
	if (!dc)
		return;
	t = str_printf("ADR-%04d  %s", dc->number, dc->title ? dc->title : "");
	add_para(s, CR_HEADING, NULL, t, w, 10);
	free(t);

	buf_init(&b);
	buf_printf(&b, "%s: %s", _("Status"), adr_status_label(dc->status));
	if (dc->superseded_by)
		buf_printf(&b, _(" by ADR %d"), dc->superseded_by);
	buf_printf(&b, " · %s: %s", _("Date"), str_empty(dc->date) ? "—" : dc->date);
	for (size_t i = 0; i < dc->n_supersedes; i++)
		buf_printf(&b, i ? ", %d" : _(" · supersedes ADR %d"),
			   dc->supersedes[i]);
	add_para(s, dc->status == ADR_ACCEPTED ? CR_OK
		 : dc->status == ADR_PROPOSED ? CR_WARNING : CR_DIM,
		 NULL, buf_str(&b), w, 2);
	buf_free(&b);

	t = strv_join(&dc->deciders, ", ");
	add_field(s, _("Deciders"), t, w);
	free(t);
	if (dc->consulted.n || dc->informed.n) {
		char *c = strv_join(&dc->consulted, ", ");
		char *i = strv_join(&dc->informed, ", ");

		t = str_printf("%s: %s · %s: %s", _("consulted"),
			       str_empty(c) ? "—" : c, _("informed"),
			       str_empty(i) ? "—" : i);
		add_para(s, CR_DIM, "  ", t, w, 4);
		free(t);
		free(c);
		free(i);
	}
	ci = dc->chosen ? wsdata_approach_index(d, dc->chosen) : -1;
	add_field(s, _("Chosen approach"), ci >= 0 ? d->approaches[ci].name
		  : dc->chosen, w);
	add_prose(s, _("Context"), dc->context, w);
	add_prose(s, _("Decision"), dc->decision, w);
	add_prose(s, _("Rationale"), dc->rationale, w);
	if (dc->positive.n || dc->negative.n || dc->risks.n) {
		add_para(s, CR_HEADING, NULL, _("Consequences"), w, 0);
		add_items(s, "  + ", &dc->positive, CR_NORMAL, w);
		add_items(s, "  − ", &dc->negative, CR_NORMAL, w);
		add_items(s, "  ! ", &dc->risks, CR_WARNING, w);
	} else {
		add_field(s, _("Consequences"), NULL, w);
	}
	if (!str_empty(dc->alternatives)) {
		add_para(s, CR_HEADING, NULL,
			 _("Alternatives considered (edited; x resets to generated)"),
			 w, 0);
		add_para(s, CR_NORMAL, "  ", dc->alternatives, w, 2);
		return;
	}
	alt = session_alternatives_text(a->s, dc);
	add_para(s, CR_HEADING, NULL,
		 _("Alternatives considered (generated; a edits them)"), w, 0);
	if (alt && *alt)
		add_para(s, CR_NORMAL, "  ", alt, w, 2);
	else
		add_para(s, CR_DIM, "  ", ci < 0
			 ? _("Choose the approach this ADR adopts (c): the others become its alternatives.")
			 : _("No other approach was considered."), w, 2);
	free(alt);
}

static void draw_detail(struct app *a, struct dscreen *s, int y, int x,
			int h, int w)
{
	const struct decision *dc = sel_adr(s);
	int rows = h;

	if (dc && dc->id != s->shown_id) {
		s->shown_id = dc->id;
		s->scroll = 0;
	}
	build_detail(a, s, dc, w);
	if ((int)s->n_lines > h && h > 1)
		rows = h - 1;
	if (s->scroll > (int)s->n_lines - rows)
		s->scroll = (int)s->n_lines - rows;
	if (s->scroll < 0)
		s->scroll = 0;
	s->page = rows;
	for (int r = 0; r < rows; r++) {
		size_t i = (size_t)(s->scroll + r);

		if (i >= s->n_lines)
			break;
		draw_role(s->lines[i].role);
		draw_line(y + r, x, s->lines[i].text, w);
	}
	if (rows < h) {
		char *t = str_printf(_("lines %d–%d of %zu · ] or Space more, [ back"),
				     s->scroll + 1, s->scroll + rows, s->n_lines);

		draw_role(CR_DIM);
		draw_line(y + rows, x, t ? t : "", w);
		free(t);
	}
	draw_role(CR_NORMAL);
}

static void status_cell(const struct decision *dc, char *buf, size_t size)
{
	if (dc->status == ADR_SUPERSEDED && dc->superseded_by)
		snprintf(buf, size, _("Superseded by %d"), dc->superseded_by);
	else
		snprintf(buf, size, "%s", adr_status_label(dc->status));
}

static const char *adr_title(const void *ctx, size_t i)
{
	return ((const struct workshop_data *)ctx)->decisions[i].title;
}

static void draw_list(struct dscreen *s, int y, int x, int h, int w)
{
	int cn = 8, cs = 16, cd = 10, ct = w - 2 - cn - cs - cd - 3;
	char **cut;
	size_t n;
	struct buf b;

	if (ct < 8)
		ct = 8;
	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, _("ADR"), cn, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Status"), cs, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Date"), cd, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Title"), ct, false);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!app_data(s->a)->n_decisions) {
		draw_role(CR_DIM);
		draw_line(y + 1, x + 2, _("No decision recorded yet: n starts an ADR."), w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 1);
	list_place(&s->list, y + 1);
	/* Titles that share a long start are cut where they differ. */
	n = app_data(s->a)->n_decisions;
	cut = names_fit_each(n, ct, adr_title, app_data(s->a));
	for (int r = 0; r < h - 1; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct decision *dc = row_adr(s, i);
		char num[16], st[64];

		if (!dc)
			break;
		b.len = 0;
		snprintf(num, sizeof(num), "ADR-%04d", dc->number);
		status_cell(dc, st, sizeof(st));
		buf_puts(&b, i == s->list.sel ? "› " : "  ");
		draw_cell(&b, num, cn, false);
		buf_putc(&b, ' ');
		draw_cell(&b, st, cs, false);
		buf_putc(&b, ' ');
		draw_cell(&b, dc->date ? dc->date : "—", cd, false);
		buf_putc(&b, ' ');
		draw_cell(&b, cut && cut[i] ? cut[i] : dc->title, ct, false);
		draw_role(i == s->list.sel ? CR_SELECTED
			  : dc->status == ADR_ACCEPTED ? CR_OK
			  : dc->status == ADR_PROPOSED ? CR_NORMAL : CR_DIM);
		draw_line(y + 1 + r, x, buf_str(&b), w);
	}
	names_drop(&cut, n);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static void dc_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct dscreen *s = state;
	size_t n = app_data(a)->n_decisions;

	s->sel_id = sel_adr(s) ? sel_adr(s)->id : 0;
	if (w >= 120) {
		int lw = w * 2 / 5;

		draw_list(s, y, x, h, lw);
		draw_role(CR_DIM);
		draw_vline(y, x + lw, h);
		draw_detail(a, s, y, x + lw + 2, h, w - lw - 3);
		return;
	}
	{
		int lh = (int)n + 1;

		if (lh < 2)
			lh = 2;
		if (lh > h / 3)
			lh = h / 3 < 3 ? 3 : h / 3;
		draw_list(s, y, x, lh, w);
		draw_role(CR_DIM);
		draw_hline(y + lh, x, w);
		draw_detail(a, s, y + lh + 1, x + 1, h - lh - 1, w - 2);
	}
}

/* ---- saving -------------------------------------------------------------- */
/*
 * One field of one ADR through app_save_field: a conflict opens the keep
 * mine / take theirs dialog; bad input (a date, numbers) keeps the editor
 * open with the store's explanation as its hint.
 */
static int save(struct app *a, struct modal *m, int64_t id, int64_t version,
		const char *field, const char *value)
{
	int rc = app_save_field(a, "decision", id, field, value, version);

	if (rc == ST_INPUT && m && m->ops && m->draft_where)
		edit_set_hint(m, a->msg);
	return rc;
}

/* Editor text cleaned for its field: lists lose blank items and outer
 * spaces, texts trailing blank lines, one-liners outer spaces. */
static char *clean_text(const char *in, enum dfield f)
{
	struct strv v = { 0 };
	char *t;
	size_t l;

	if (is_list(f)) {
		char *out;

		if (strv_split(&v, in, '\n') < 0)
			return NULL;
		{
			struct strv keep = { 0 };

			for (size_t i = 0; i < v.n; i++) {
				str_trim(v.v[i]);
				if (*v.v[i] && strv_push(&keep, v.v[i]) < 0)
					break;
			}
			out = strv_join(&keep, "\n");
			strv_free(&keep);
		}
		strv_free(&v);
		return out ? out : str_dup("");
	}
	t = str_dup(in);
	if (!t)
		return NULL;
	if (f == DF_TITLE || f == DF_DATE || f == DF_SUPERSEDES)
		return str_trim(t);
	l = strlen(t);
	while (l > 0 && (t[l - 1] == '\n' || t[l - 1] == ' '))
		t[--l] = '\0';
	return t;
}

/*
 * "3, 5", "3 5", "ADR-0003" or "#3": the ADR numbers of the Supersedes
 * field into *nums (new array; *n of them).  False, with the word that is
 * no number in `bad`, when one is not.
 */
static bool parse_numbers(const char *t, int **nums, size_t *n, char *bad,
			  size_t size)
{
	const char *p = t;

	*nums = NULL;
	*n = 0;
	while (*p) {
		const char *w = p;
		long v = 0;
		int *grown;

		if (*p == ',' || *p == ' ' || *p == ';') {
			p++;
			continue;
		}
		if (strncasecmp(p, "ADR", 3) == 0)
			p += 3;
		if (*p == '-' || *p == '#')
			p++;
		if (*p < '0' || *p > '9') {
			while (*p && *p != ',' && *p != ' ' && *p != ';')
				p++;
			snprintf(bad, size, "%.*s", (int)(p - w), w);
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		while (*p >= '0' && *p <= '9' && v < 100000000)
			v = v * 10 + (*p++ - '0');
		if (*p && *p != ',' && *p != ' ' && *p != ';') {
			while (*p && *p != ',' && *p != ' ' && *p != ';')
				p++;
			snprintf(bad, size, "%.*s", (int)(p - w), w);
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		grown = realloc(*nums, (*n + 1) * sizeof(**nums));
		if (!grown) {
			snprintf(bad, size, "%s", _("out of memory"));
			return false;
		}
		*nums = grown;
		(*nums)[(*n)++] = (int)v;
	}
	return true;
}

/* The Supersedes field: every link through the session, both records at
 * once; a refusal (the ADR itself, an unknown number) keeps the editor
 * open with the reason. */
static bool supersedes_done(struct app *a, struct modal *m, const char *t)
{
	const struct decision *dc = adr_by_id(a, m->id);
	struct sess_result r = { 0 };
	struct buf list;
	char bad[64], hint[200];
	int *nums = NULL, number;
	size_t n = 0;
	bool close;

	if (!dc)
		return true;
	number = dc->number;
	if (!parse_numbers(t, &nums, &n, bad, sizeof(bad))) {
		snprintf(hint, sizeof(hint), _("“%s” is not an ADR number: numbers separated by commas · Esc cancels"),
			 bad);
		edit_set_hint(m, hint);
		app_msg(a, MSG_ERROR, "%s", hint);
		return false;
	}
	buf_init(&list);
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%d", i ? ", " : "", nums[i]);
	session_set_supersedes(a->s, number, nums, n, &r);
	free(nums);
	close = sess_ok(&r);
	if (!close) {
		edit_set_hint(m, r.msg);
		app_result(a, &r, NULL);
	} else if (r.status == SESS_UNCHANGED) {
		app_msg(a, MSG_INFO, _("ADR %d: the links are already so"), number);
	} else if (n == 0) {
		app_msg(a, MSG_OK, _("ADR %d supersedes none now: those ADRs have their old status back"),
			number);
	} else {
		app_msg(a, MSG_OK, ngettext("ADR %d supersedes ADR %s: it is marked superseded by ADR %d (u undoes both)",
					    "ADR %d supersedes ADRs %s: they are marked superseded by ADR %d (u undoes it all)",
					    n), number, buf_str(&list), number);
	}
	buf_free(&list);
	sess_result_clear(&r);
	if (close)
		app_draft_done(a, m->draft_where);
	return close;
}

static bool text_done(struct app *a, struct modal *m, bool ok)
{
	enum dfield f = (enum dfield)m->kind;
	const struct decision *dc;
	char *t;
	int rc;

	if (!ok)
		return true;
	if (f == DF_SUPERSEDES) {
		bool close;

		t = clean_text(edit_text(m), f);
		close = supersedes_done(a, m, t ? t : "");
		free(t);
		return close;
	}
	t = clean_text(edit_text(m), f);
	if (!t)
		return true;
	if (f == DF_TITLE && !*t) {
		free(t);
		edit_set_hint(m, _("a title is required (Esc cancels)"));
		return false;
	}
	rc = save(a, m, m->id, m->version, dfield_ids[f], t);
	if (rc == ST_OK) {
		dc = adr_by_id(a, m->id);
		if (f == DF_ALTERNATIVES)
			app_msg(a, MSG_OK, *t
				? _("ADR %d: alternatives saved as edited text (x resets them to generated)")
				: _("ADR %d: alternatives generated again"),
				dc ? dc->number : 0);
		else
			app_msg(a, MSG_OK, _("ADR %d: %s saved"), dc ? dc->number : 0,
				_(dfield_names[f]));
	}
	free(t);
	/* Other failures keep the editor open with what was typed. */
	return rc == ST_OK || rc == ST_CONFLICT;
}

/* ---- status ---------------------------------------------------------------- */
/*
 * The ADR changed since the picker opened (someone else's edit came in):
 * say so and let the user choose again on what is there now.  Plain status
 * changes go through app_save_field, which has its own conflict dialog;
 * the supersede link is one store call without a version, so this is its
 * guard.
 */
static bool changed_meanwhile(struct app *a, const struct decision *dc,
			      int64_t version)
{
	if (dc->version == version)
		return false;
	app_msg(a, MSG_WARN, _("ADR %d was changed by someone else while you chose (it is %s now): nothing saved, choose again"),
		dc->number, adr_status_label(dc->status));
	return true;
}

static void set_status(struct app *a, int64_t id, int64_t version,
		       enum adr_status st)
{
	const struct decision *dc = adr_by_id(a, id);
	struct sess_result r = { 0 };
	int number, old_by;

	if (!dc)
		return;
	number = dc->number;
	old_by = dc->superseded_by;
	if (!old_by) {
		if (app_save_field(a, "decision", id, "status",
				   adr_status_id(st), version) == ST_OK)
			app_msg(a, MSG_OK, _("ADR %d is now %s"), number,
				adr_status_label(st));
		return;
	}
	if (changed_meanwhile(a, dc, version))
		return;
	/* Leaving "superseded": the link goes on both sides, at once. */
	session_unsupersede(a->s, number, st, &r);
	app_result(a, &r, _("ADR %d is now %s, no longer superseded by ADR %d (2 records)"),
		   number, adr_status_label(st), old_by);
	sess_result_clear(&r);
}

static bool superseder_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = adr_by_id(a, m->id), *o = NULL;
	struct sess_result r = { 0 };
	size_t k = 0;
	int number, by, old_by;

	if (!ok || !dc)
		return true;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++) {
		if (app_data(a)->decisions[i].id == dc->id)
			continue;
		if (k++ == picker_selected(m))
			o = &app_data(a)->decisions[i];
	}
	if (!o || changed_meanwhile(a, dc, m->version))
		return true;
	number = dc->number;
	by = o->number;
	old_by = dc->superseded_by;
	/* Both records (and a former superseder) in one transaction. */
	if (session_supersede(a->s, number, by, &r) < 0) {
		app_result(a, &r, NULL);
		sess_result_clear(&r);
		return true;
	}
	sess_result_clear(&r);
	if (old_by && old_by != by)
		app_msg(a, MSG_OK, _("ADR %d is superseded by ADR %d (no longer by ADR %d); ADR %d now supersedes %d"),
			number, by, old_by, by, number);
	else
		app_msg(a, MSG_OK, _("ADR %d is superseded by ADR %d; ADR %d now supersedes %d (2 records)"),
			number, by, by, number);
	return true;
}

static bool status_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = adr_by_id(a, m->id);
	enum adr_status st = (enum adr_status)picker_selected(m);
	const char **lab;
	struct modal *p;
	size_t n = 0;

	if (!ok || !dc || st >= ADR_STATUS_COUNT)
		return true;
	if (st != ADR_SUPERSEDED) {
		set_status(a, m->id, m->version, st);
		return true;
	}
	if (app_data(a)->n_decisions < 2) {
		app_msg(a, MSG_WARN, "%s", _("there is no other ADR that could supersede this one"));
		return true;
	}
	lab = calloc(app_data(a)->n_decisions, sizeof(*lab));
	if (!lab)
		return true;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++) {
		const struct decision *o = &app_data(a)->decisions[i];

		if (o->id == dc->id)
			continue;
		lab[n++] = str_printf("ADR-%04d  %s", o->number,
				      o->title ? o->title : "");
	}
	{
		char *title = str_printf(_("ADR %d is superseded by which ADR?"),
					 dc->number);

		p = picker_new(PICK_ONE, title ? title : "", lab, n, 0,
			       superseder_done);
		free(title);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)lab[i]);
	free(lab);
	if (p) {
		p->scope = SC_PICKER;
		p->id = m->id;
		p->version = m->version;
	}
	app_push(a, p);
	return true;
}

static void status_picker(struct app *a, const struct decision *dc)
{
	const char *lab[ADR_STATUS_COUNT];
	char *sup = NULL;
	struct modal *m;

	for (size_t i = 0; i < ADR_STATUS_COUNT; i++)
		lab[i] = adr_status_label((enum adr_status)i);
	sup = str_printf("%s…", adr_status_label(ADR_SUPERSEDED));
	if (sup)
		lab[ADR_SUPERSEDED] = sup;
	m = picker_new(PICK_ONE, _("Status"), lab, ADR_STATUS_COUNT,
		       (size_t)dc->status, status_done);
	free(sup);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
		m->version = dc->version;
		/* What the choice started from (per-field conflicts). */
		m->base = str_dup(adr_status_id(dc->status));
	}
	app_push(a, m);
}

/* ---- chosen approach ------------------------------------------------------- */
static bool chosen_done(struct app *a, struct modal *m, bool ok)
{
	size_t i = picker_selected(m);
	const struct decision *dc;
	char *key, *name = NULL;

	if (!ok)
		return true;
	if (i < app_data(a)->n_approaches) {
		key = str_dup(app_data(a)->approaches[i].key);
		name = str_dup(app_data(a)->approaches[i].name);
	} else {
		key = str_dup("");
	}
	/* The reload inside frees the approaches: copies above. */
	if (key && save(a, NULL, m->id, m->version, "chosen", key) == ST_OK) {
		dc = adr_by_id(a, m->id);
		if (*key)
			app_msg(a, MSG_OK, _("ADR %d adopts “%s”; the other approaches are its alternatives"),
				dc ? dc->number : 0, name ? name : key);
		else
			app_msg(a, MSG_OK, _("ADR %d adopts no approach of the workshop"),
				dc ? dc->number : 0);
	}
	free(key);
	free(name);
	return true;
}

static void chosen_picker(struct app *a, const struct decision *dc)
{
	char tot[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	const struct sess_view *v = app_view(a);
	char **lab = calloc(d->n_approaches + 1, sizeof(*lab));
	bool scored = d->n_approaches && v->scored;
	size_t sel;
	struct modal *m;

	if (!lab)
		return;
	for (size_t i = 0; i < d->n_approaches; i++)
		lab[i] = scored
			? str_printf(_("%s  (rank %d, %s)"), d->approaches[i].name,
				     v->sc.rank[i],
				     num_fmt(tot, sizeof(tot), NUM_TOTAL,
					     v->sc.totals[i]))
			: str_dup(d->approaches[i].name);
	lab[d->n_approaches] = str_dup(_("(none of the workshop's approaches)"));
	sel = dc->chosen && wsdata_approach_index(d, dc->chosen) >= 0
	      ? (size_t)wsdata_approach_index(d, dc->chosen) : d->n_approaches;
	m = picker_new(PICK_ONE, _("Chosen approach"), (const char *const *)lab,
		       d->n_approaches + 1, sel, chosen_done);
	for (size_t i = 0; i <= d->n_approaches; i++)
		free(lab[i]);
	free(lab);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
		m->version = dc->version;
		m->base = str_dup(dc->chosen ? dc->chosen : "");
	}
	app_push(a, m);
}

/* ---- editing fields -------------------------------------------------------- */
static void edit_alternatives(struct app *a, const struct decision *dc)
{
	char where[64], *gen = NULL;

	if (str_empty(dc->alternatives))
		gen = session_alternatives_text(a->s, dc);
	snprintf(where, sizeof(where), "decision:%lld:alternatives",
		 (long long)dc->id);
	app_edit(a, &(struct edit_req){
		.where = where, .title = _("Alternatives considered"),
		.init = !str_empty(dc->alternatives) ? dc->alternatives
			: gen ? gen : "",
		.multi = true, .done = text_done, .id = dc->id,
		.version = dc->version, .kind = DF_ALTERNATIVES });
	free(gen);
}

static void edit_field(struct app *a, const struct decision *dc,
		       enum dfield f)
{
	char where[64], *init = NULL, *title;
	const char *it = NULL, *hint = NULL;

	switch (f) {
	case DF_STATUS:
		status_picker(a, dc);
		return;
	case DF_CHOSEN:
		chosen_picker(a, dc);
		return;
	case DF_ALTERNATIVES:
		edit_alternatives(a, dc);
		return;
	case DF_TITLE: it = dc->title; break;
	case DF_DATE:
		it = dc->date;
		hint = _("YYYY-MM-DD · Enter save · Esc cancel");
		break;
	case DF_CONTEXT: it = dc->context; break;
	case DF_DECISION: it = dc->decision; break;
	case DF_RATIONALE: it = dc->rationale; break;
	case DF_DECIDERS: init = strv_join(&dc->deciders, "\n"); break;
	case DF_CONSULTED: init = strv_join(&dc->consulted, "\n"); break;
	case DF_INFORMED: init = strv_join(&dc->informed, "\n"); break;
	case DF_POSITIVE: init = strv_join(&dc->positive, "\n"); break;
	case DF_NEGATIVE: init = strv_join(&dc->negative, "\n"); break;
	case DF_RISKS: init = strv_join(&dc->risks, "\n"); break;
	case DF_SUPERSEDES: {
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < dc->n_supersedes; i++)
			buf_printf(&b, "%s%d", i ? ", " : "", dc->supersedes[i]);
		init = buf_detach(&b);
		hint = _("ADR numbers separated by commas · Enter save");
		break;
	}
	default:
		return;
	}
	snprintf(where, sizeof(where), "decision:%lld:%s", (long long)dc->id,
		 dfield_ids[f]);
	title = str_printf("ADR %d: %s%s", dc->number, _(dfield_names[f]),
			   is_list(f) ? _(" (one per line)") : "");
	app_edit(a, &(struct edit_req){
		.where = where, .title = title ? title : _(dfield_names[f]),
		.init = init ? init : it ? it : "",
		.hint = hint ? hint : f == DF_TITLE ? _("Enter save · Esc cancel")
			: NULL,
		.multi = !(f == DF_TITLE || f == DF_DATE || f == DF_SUPERSEDES),
		.done = text_done, .id = dc->id, .version = dc->version,
		.kind = (int)f });
	free(title);
	free(init);
}

static bool field_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = adr_by_id(a, m->id);

	if (!ok || !dc || picker_selected(m) >= DF_COUNT)
		return true;
	edit_field(a, dc, (enum dfield)picker_selected(m));
	return true;
}

static void field_picker(struct app *a, const struct decision *dc)
{
	const char *lab[DF_COUNT];
	struct modal *m;

	for (size_t f = 0; f < DF_COUNT; f++)
		lab[f] = _(dfield_names[f]);
	m = picker_new(PICK_ONE, _("Edit which field?"), lab, DF_COUNT, 0,
		       field_done);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
	}
	app_push(a, m);
}

/* ---- new ADR ------------------------------------------------------------- */
/* The people present and the current user, once each. */
static void deciders_now(struct app *a, struct strv *out)
{
	const struct strv *others = session_others(a->s);
	const char *me = session_who(a->s);

	if (me)
		strv_push(out, me);
	for (size_t i = 0; i < others->n; i++)
		if (!strv_contains(out, others->v[i]))
			strv_push(out, others->v[i]);
}

/* Index of the top-ranked approach and its total; -1 when none. */
static int top_approach(struct app *a, double *total)
{
	const struct sess_view *v = app_view(a);
	int top;

	if (!app_data(a)->n_approaches || !v->scored || !v->sc.n_app)
		return -1;
	top = (int)v->sc.order[0];
	*total = v->sc.totals[top];
	return top;
}

static void create_adr(struct app *a, const char *title, int base)
{
	struct decision dc;
	struct sess_result r = { 0 };
	struct dscreen *s = self(a);
	char today[16];
	char *text = NULL;

	memset(&dc, 0, sizeof(dc));
	clock_today(today, sizeof(today));
	dc.title = (char *)title;
	dc.status = ADR_PROPOSED;
	dc.date = today;
	deciders_now(a, &dc.deciders);
	if (base >= 0 && (size_t)base < app_data(a)->n_approaches) {
		const struct approach *ap = &app_data(a)->approaches[base];

		dc.chosen = ap->key;
		text = str_printf(_("We will adopt %s.%s%s"), ap->name,
				  str_empty(ap->summary) ? "" : " ",
				  str_empty(ap->summary) ? "" : ap->summary);
		dc.decision = text;
	}
	if (session_add_decision(a->s, &dc, &r) == ST_OK && s)
		s->sel_id = r.id;
	app_result(a, &r, _("created ADR %d (proposed, %s): e edits a field, s sets the status"),
		   r.number, today);
	sess_result_clear(&r);
	strv_free(&dc.deciders);
	free(text);
}

static bool base_done(struct app *a, struct modal *m, bool ok)
{
	create_adr(a, m->key, ok ? m->kind : -1);
	return true;
}

static bool new_title_done(struct app *a, struct modal *m, bool ok)
{
	char tot[NUM_BUF];
	double total = 0;
	char *title, *text;
	int top;

	if (!ok)
		return true;
	title = edit_text_trimmed(m, _("a title is required (Esc cancels)"));
	if (!title)
		return false;
	top = top_approach(a, &total);
	if (top < 0) {
		create_adr(a, title, -1);
		free(title);
		return true;
	}
	text = str_printf(_("Base the ADR on the top-ranked approach “%s” (weighted total %s)? y makes it the chosen approach and writes the decision text from it; n leaves both empty."),
			  app_data(a)->approaches[top].name,
			  num_fmt(tot, sizeof(tot), NUM_TOTAL, total));
	app_confirm(a, &(struct confirm_req){ .title = _("New ADR"),
		    .question = text, .done = base_done, .key = title,
		    .kind = top });
	free(text);
	free(title);
	return true;
}

/* ---- reset, delete --------------------------------------------------------- */
static bool reset_done(struct app *a, struct modal *m, bool ok)
{
	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("the edited alternatives stay"));
		return true;
	}
	if (save(a, NULL, m->id, m->version, "alternatives", "") != ST_OK)
		return true;
	app_msg(a, MSG_OK, "%s", _("alternatives reset: they are generated from the approaches again"));
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_delete_decision(a->s, m->id, m->version, &r);
	app_result(a, &r, _("deleted ADR %d (u brings it back; otherwise its number is not used again)"),
		   m->kind);
	sess_result_clear(&r);
	return true;
}

static void confirm(struct app *a, const struct decision *dc,
		    const char *title, const char *q, modal_done_fn done)
{
	app_confirm(a, &(struct confirm_req){ .title = title, .question = q,
		    .done = done, .id = dc->id, .version = dc->version,
		    .kind = dc->number });
}

static enum reaction dc_key(struct app *a, void *state, enum action act)
{
	struct dscreen *s = state;
	const struct decision *dc = sel_adr(s);
	struct modal *m;
	char *q;

	switch (act) {
	case A_DC_NEW:
		m = lineedit_new(_("New ADR: title"), "",
				 _("Enter create · Esc cancel"), new_title_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	case A_DC_SCROLL_DOWN:
		s->scroll += s->page > 2 ? s->page - 2 : 1;
		return R_DONE;
	case A_DC_SCROLL_UP:
		s->scroll -= s->page > 2 ? s->page - 2 : 1;
		if (s->scroll < 0)
			s->scroll = 0;
		return R_DONE;
	default:
		break;
	}
	if (!dc) {
		app_msg(a, MSG_WARN, "%s", _("no ADR selected (n starts one)"));
		return R_DONE;
	}
	switch (act) {
	case A_DC_EDIT:
		field_picker(a, dc);
		return R_DONE;
	case A_DC_STATUS:
		status_picker(a, dc);
		return R_DONE;
	case A_DC_CHOSEN:
		chosen_picker(a, dc);
		return R_DONE;
	case A_DC_ALT_EDIT:
		edit_alternatives(a, dc);
		return R_DONE;
	case A_DC_ALT_RESET:
		if (str_empty(dc->alternatives)) {
			app_msg(a, MSG_INFO, "%s", _("the alternatives are already generated"));
			return R_DONE;
		}
		q = str_printf(_("Drop the edited alternatives of ADR %d and generate them from the approaches again?"),
			       dc->number);
		confirm(a, dc, _("Reset alternatives"), q, reset_done);
		free(q);
		return R_DONE;
	case A_DC_DELETE:
		q = str_printf(_("Delete ADR %d “%s”? The number %d will not be reused."),
			       dc->number, dc->title ? dc->title : "", dc->number);
		app_confirm_delete(a, "decision", dc->id, &(struct confirm_req){
			.title = _("Delete ADR"), .question = q,
			.done = delete_done, .id = dc->id,
			.version = dc->version, .kind = dc->number });
		free(q);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void dc_status(struct app *a, void *state, char *buf, size_t size)
{
	size_t acc = 0;

	(void)state;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].status == ADR_ACCEPTED)
			acc++;
	snprintf(buf, size, ngettext("%zu ADR · %zu accepted", "%zu ADRs · %zu accepted",
				       app_data(a)->n_decisions), app_data(a)->n_decisions, acc);
}

/* Follow mode by item: an ADR by its number. */
static void dc_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct decision *dc = row_adr(state, row);

	(void)a;
	if (dc)
		snprintf(buf, size, "adr:%d", dc->number);
}

const struct screen_ops screen_decision_ops = {
	.open = dc_open,
	.close = dc_close,
	.draw = dc_draw,
	.key = dc_key,
	.refresh = dc_refresh,
	.list = dc_list,
	.status = dc_status,
	.item = dc_item,
};

const struct decision *decision_selected(struct app *a)
{
	struct dscreen *s = self(a);

	return s && app_data(a) ? sel_adr(s) : NULL;
}

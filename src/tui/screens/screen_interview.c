#include "config.h"
/*
 * screen 2, Interview: the template's sections and their questions as one
 * scrolling form (prompt, answer or "—", a marker for the unanswered), the
 * selected question's help in a panel, an editor per question kind, notes,
 * skip to the next unanswered question, clear with undo.  show_if is
 * re-evaluated after every saved answer, so questions appear and disappear
 * at once.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

struct irow {
	bool heading;
	size_t idx;        /* section or question index in the knowledge */
	char *search;      /* prompt and answer, for '/' */
};

struct iscreen {
	struct list list;
	struct irow *rows;
	size_t n;
	size_t answered, visible;
	/* The question just answered: the cursor goes on to the next open
	 * one, again once the reload shows what the answer revealed
	 * (show_if); dropped when the screen is next drawn. */
	char *advance;
	char *saved;           /* the answer, as the message shows it */
};

static const char *row_text(void *ctx, size_t i)
{
	struct iscreen *s = ctx;

	return i < s->n ? s->rows[i].search : NULL;
}

static bool row_selectable(void *ctx, size_t i)
{
	struct iscreen *s = ctx;

	return i < s->n && !s->rows[i].heading;
}

static void rows_free(struct iscreen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->rows[i].search);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

static const char *option_label(const struct question *q, const char *id)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (str_eq(q->options[i].id, id))
			return q->options[i].label ? q->options[i].label : id;
	return id;
}

/* The answer as shown in the form (new string; "" when unanswered). */
static char *answer_text(const struct question *q, const struct answer *an)
{
	char num[64];
	struct buf b;

	if (!an || an->value.kind == VAL_NONE)
		return str_dup("");
	buf_init(&b);
	switch (an->value.kind) {
	case VAL_TEXT:
		if (q->kind == Q_CHOICE)
			buf_puts(&b, option_label(q, an->value.text));
		else
			buf_puts(&b, an->value.text ? an->value.text : "");
		break;
	case VAL_NUMBER:
		num_fmt(num, sizeof(num), NUM_VALUE, an->value.number);
		buf_puts(&b, num);
		if (q->kind == Q_SCALE)
			buf_puts(&b, " / 5");
		else if (!str_empty(q->unit))
			buf_printf(&b, " %s", q->unit);
		break;
	case VAL_LIST:
		for (size_t i = 0; i < an->value.list.n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
				   option_label(q, an->value.list.v[i]));
		break;
	default:
		break;
	}
	/* One line in the form: newlines shown as a return mark. */
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\n' || b.data[i] == '\t')
			b.data[i] = ' ';
	return buf_detach(&b);
}

/* "0–100", "≥ 0", "≤ 100" or "" for a number question's bounds. */
static void range_text(const struct question *q, char *buf, size_t size)
{
	char lo[32], hi[32];

	num_fmt(lo, sizeof(lo), NUM_VALUE, q->min);
	num_fmt(hi, sizeof(hi), NUM_VALUE, q->max);
	if (q->has_min && q->has_max)
		snprintf(buf, size, "%s–%s", lo, hi);
	else if (q->has_min)
		snprintf(buf, size, "≥ %s", lo);
	else if (q->has_max)
		snprintf(buf, size, "≤ %s", hi);
	else
		buf[0] = '\0';
}

static bool answered(const struct answer *an)
{
	return an && an->value.kind != VAL_NONE &&
	       !(an->value.kind == VAL_LIST && an->value.list.n == 0);
}

static const struct question *row_question(struct app *a, const struct irow *r)
{
	return r && !r->heading ? &app_k(a)->questions[r->idx] : NULL;
}

static struct irow *sel_row(struct iscreen *s)
{
	return s->n && s->list.sel < s->n ? &s->rows[s->list.sel] : NULL;
}

static int add_row(struct iscreen *s, size_t *cap, bool heading, size_t idx,
		   char *search)
{
	if (s->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct irow *p = realloc(s->rows, nc * sizeof(*p));

		if (!p) {
			free(search);
			return ST_ERROR;
		}
		s->rows = p;
		*cap = nc;
	}
	s->rows[s->n].heading = heading;
	s->rows[s->n].idx = idx;
	s->rows[s->n].search = search;
	s->n++;
	return ST_OK;
}

/* Rows for one section (heading only when a question of it is shown). */
static void add_section(struct app *a, struct iscreen *s, size_t *cap,
			size_t si)
{
	const struct section *sec = &app_k(a)->sections[si];
	bool head = false;

	for (size_t qi = 0; qi < app_k(a)->n_questions; qi++) {
		const struct question *q = &app_k(a)->questions[qi];
		char *ans;

		if (!str_eq(q->section, sec->id) || !app_view(a)->q_visible[qi])
			continue;
		if (!head) {
			add_row(s, cap, true, si, str_dup(sec->title));
			head = true;
		}
		ans = answer_text(q, wsdata_answer(app_data(a), q->id));
		s->visible++;
		if (answered(wsdata_answer(app_data(a), q->id)))
			s->answered++;
		add_row(s, cap, false, qi,
			str_printf("%s %s", q->prompt, ans ? ans : ""));
		free(ans);
	}
}

static void advance_cursor(struct app *a, struct iscreen *s);

static void iv_refresh(struct app *a, void *state)
{
	struct iscreen *s = state;
	const char *keep = NULL;
	char *keep_id = NULL;
	size_t cap = 0, keep_pos = s->list.sel;

	if (sel_row(s) && !sel_row(s)->heading)
		keep = app_k(a)->questions[sel_row(s)->idx].id;
	keep_id = str_dup(keep);
	rows_free(s);
	s->answered = s->visible = 0;
	if (!app_data(a) || !app_k(a)) {
		free(keep_id);
		list_set_count(&s->list, 0);
		return;
	}
	if (session_template(a->s) && session_template(a->s)->sections.n) {
		for (size_t i = 0; i < session_template(a->s)->sections.n; i++)
			for (size_t si = 0; si < app_k(a)->n_sections; si++)
				if (str_eq(app_k(a)->sections[si].id,
					   session_template(a->s)->sections.v[i]))
					add_section(a, s, &cap, si);
	} else {
		for (size_t si = 0; si < app_k(a)->n_sections; si++)
			add_section(a, s, &cap, si);
	}
	list_set_count(&s->list, s->n);
	/* Stay on the same question; if it was hidden, near where it was. */
	list_select(&s->list, keep_pos < s->n ? keep_pos : (s->n ? s->n - 1 : 0));
	for (size_t i = 0; keep_id && i < s->n; i++)
		if (!s->rows[i].heading &&
		    str_eq(app_k(a)->questions[s->rows[i].idx].id, keep_id))
			list_select(&s->list, i);
	free(keep_id);
	if (s->advance)
		advance_cursor(a, s);
}

static int iv_open(struct app *a, void **state)
{
	struct iscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	list_init(&s->list, s, row_text, row_selectable);
	*state = s;
	iv_refresh(a, s);
	return ST_OK;
}

static void iv_close(struct app *a, void *state)
{
	struct iscreen *s = state;

	(void)a;
	rows_free(s);
	list_free(&s->list);
	free(s->advance);
	free(s->saved);
	free(s);
}

static struct list *iv_list(struct app *a, void *state)
{
	(void)a;
	return &((struct iscreen *)state)->list;
}

/* ---- drawing ------------------------------------------------------------- */
/* The selected question's help, bounds and note; below the form (with a
 * rule above) or beside it. */
static void draw_panel(struct app *a, struct iscreen *s, int y, int x, int h,
		       int w, bool rule)
{
	const struct question *q = row_question(a, sel_row(s));
	const struct answer *an;
	struct buf b;
	size_t st[64], ln[64], n;
	int r = 0;

	draw_role(CR_DIM);
	if (rule) {
		draw_hline(y, x, w);
		y++;
		h--;
	}
	if (!q || h < 1)
		return;
	an = wsdata_answer(app_data(a), q->id);
	buf_init(&b);
	/* A written answer is cut in its column; the panel shows it whole
	 * (an observer, who cannot open the editor, reads it here). */
	if (an && (q->kind == Q_TEXT || q->kind == Q_LONGTEXT) &&
	    an->value.kind == VAL_TEXT && !str_empty(an->value.text))
		buf_printf(&b, "%s: %s", _("Answer"), an->value.text);
	if (!str_empty(q->help))
		buf_printf(&b, "%s%s", b.len ? "\n" : "", q->help);
	if (q->kind == Q_NUMBER) {
		char range[80];

		range_text(q, range, sizeof(range));
		buf_printf(&b, "%s%s%s%s%s%s", b.len ? "\n" : "", _("Number"),
			   q->unit ? _(" in ") : "", q->unit ? q->unit : "",
			   *range ? ", " : "", range);
	}
	if (an && !str_empty(an->note))
		buf_printf(&b, "%s%s: %s", b.len ? "\n" : "", _("Note"), an->note);
	if (!b.len)
		buf_puts(&b, _("No help for this question."));
	draw_role(CR_HEADING);
	draw_line(y, x + 1, q->prompt, w - 2);
	n = draw_wrap(buf_str(&b), w - 2, st, ln, 64);
	draw_role(CR_DIM);
	for (size_t i = 0; i < n && r < h - 1; i++, r++) {
		char *t = str_ndup(buf_str(&b) + st[i], ln[i]);

		draw_line(y + 1 + r, x + 1, t ? t : "", w - 2);
		free(t);
	}
	buf_free(&b);
	draw_role(CR_NORMAL);
}

static void iv_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct iscreen *s = state;
	int panel_h = 0, panel_w = 0, lh, lw, pw, aw;

	if (w >= 130) {
		panel_w = 44;
	} else if (h >= 12) {
		panel_h = h >= 30 ? 8 : h >= 18 ? 5 : 4;
	}
	lh = h - panel_h;
	lw = w - panel_w;
	/* The answer's move is done: a later reload keeps the cursor. */
	free(s->advance);
	s->advance = NULL;
	if (s->n == 0) {
		draw_role(CR_DIM);
		draw_line(y + 1, x + 2, _("This workshop's template has no interview questions."), lw - 2);
		draw_role(CR_NORMAL);
		return;
	}
	/* Prompt column: about half, answer column: the rest. */
	pw = (lw - 4) * 3 / 5;
	aw = lw - 4 - pw - 1;
	list_scroll(&s->list, lh);
	list_place(&s->list, y);
	for (int r = 0; r < lh; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct irow *row;
		const struct question *q;
		const struct answer *an;
		char *ans;
		if (i >= s->n)
			break;
		row = &s->rows[i];
		if (row->heading) {
			draw_role(CR_HEADING);
			draw_line(y + r, x, app_k(a)->sections[row->idx].title, lw);
			continue;
		}
		q = &app_k(a)->questions[row->idx];
		an = wsdata_answer(app_data(a), q->id);
		ans = answer_text(q, an);
		draw_role(i == s->list.sel ? CR_SELECTED : CR_NORMAL);
		draw_fill(y + r, x, 1, lw);
		if (i == s->list.sel)
			draw_text(y + r, x, "›", 1);
		if (!answered(an)) {
			if (i != s->list.sel)
				draw_role(CR_MARK);
			draw_text(y + r, x + 1, "•", 1);
			draw_role(i == s->list.sel ? CR_SELECTED : CR_NORMAL);
		}
		draw_clip(y + r, x + 3, q->prompt, pw);
		if (answered(an)) {
			draw_clip(y + r, x + 4 + pw, ans, aw - 2);
		} else {
			if (i != s->list.sel)
				draw_role(CR_DIM);
			draw_text(y + r, x + 4 + pw, "—", aw);
		}
		if (an && !str_empty(an->note) && aw > 4) {
			if (i != s->list.sel)
				draw_role(CR_DIM);
			draw_text(y + r, x + lw - 2, "✎", 1);
		}
		free(ans);
	}
	draw_role(CR_NORMAL);
	if (panel_h)
		draw_panel(a, s, y + lh, x, panel_h, w, true);
	else if (panel_w) {
		draw_role(CR_DIM);
		draw_vline(y, x + lw, h);
		draw_panel(a, s, y, x + lw + 1, h, panel_w - 1, false);
	}
}

/* ---- saving -------------------------------------------------------------- */
/* The first unanswered question after row `from` (wrapping round), the
 * question `skip` left out: its row, or -1. */
static long next_open(struct app *a, struct iscreen *s, size_t from,
		      const char *skip)
{
	for (size_t k = 1; k <= s->n; k++) {
		size_t i = (from + k) % s->n;
		const struct question *q;

		if (s->rows[i].heading)
			continue;
		q = &app_k(a)->questions[s->rows[i].idx];
		if (!str_eq(q->id, skip) &&
		    !answered(wsdata_answer(app_data(a), q->id)))
			return (long)i;
	}
	return -1;
}

/* After an answer: on to the next unanswered question, or say that
 * every question shown is answered. */
static void advance_cursor(struct app *a, struct iscreen *s)
{
	size_t from = s->list.sel;
	long i;

	for (size_t k = 0; k < s->n; k++)
		if (!s->rows[k].heading &&
		    str_eq(app_k(a)->questions[s->rows[k].idx].id, s->advance))
			from = k;
	i = next_open(a, s, from, s->advance);
	if (i >= 0)
		list_select(&s->list, (size_t)i);
	else
		app_msg(a, MSG_OK, _("saved: %s · every question shown is answered (3: the findings)"),
			s->saved ? s->saved : "");
}

static void answered_now(struct app *a, const char *qid, const char *shown)
{
	struct iscreen *s = tui_screen_state(a, &screen_interview_ops);

	if (!s)
		return;
	str_set(&s->advance, qid);
	str_set(&s->saved, shown);
	advance_cursor(a, s);
}

/* Returns false when the editor should stay open (not saved). */
static bool save_value(struct app *a, const char *qid, const struct value *v,
		       int64_t version, const char *where)
{
	struct sess_result r = { 0 };
	const struct question *q = knowledge_question(app_k(a), qid);

	if (v->kind == VAL_NONE ||
	    (v->kind == VAL_LIST && v->list.n == 0) ||
	    (v->kind == VAL_TEXT && str_empty(v->text))) {
		/* Nothing typed where nothing was: nothing to clear or say. */
		if (!wsdata_answer(app_data(a), qid)) {
			app_draft_done(a, where);
			a->msg[0] = '\0';
			return true;
		}
		session_clear_answer(a->s, qid, &r);
		app_result(a, &r, _("answer cleared: %s"), q ? q->prompt : qid);
		sess_result_clear(&r);
	} else {
		char *shown;
		struct answer tmp = { .value = *v };
		int rc;

		/* A conflict opens the keep-mine / take-theirs dialog; a
		 * busy database keeps the editor open. */
		rc = app_save_answer(a, qid, v, version, q ? q->prompt : qid);
		if (rc < 0)
			return rc == ST_CONFLICT;
		shown = q ? answer_text(q, &tmp) : NULL;
		app_msg(a, MSG_OK, _("saved: %s"), shown ? shown : "");
		answered_now(a, qid, shown ? shown : "");
		free(shown);
		return true;
	}
	app_draft_done(a, where);
	return true;
}

static bool text_done(struct app *a, struct modal *m, bool ok)
{
	struct value v = { .kind = VAL_TEXT };
	char *t;

	if (!ok)
		return true;
	t = str_dup(edit_text(m));
	if (!t)
		return true;
	/* A one-line answer keeps no outer blanks; a long text keeps its
	 * lines but not trailing empty ones. */
	if (m->kind == Q_TEXT) {
		str_trim(t);
	} else {
		size_t l = strlen(t);

		while (l > 0 && (t[l - 1] == '\n' || t[l - 1] == ' '))
			t[--l] = '\0';
	}
	v.text = t;
	ok = save_value(a, m->key, &v, m->version, m->draft_where);
	free(t);
	return ok;
}

static bool number_done(struct app *a, struct modal *m, bool ok)
{
	const struct question *q;
	struct value v = { .kind = VAL_NUMBER };
	char *t, *end, msg[200], lo[32], hi[32];
	double x;

	if (!ok)
		return true;
	q = knowledge_question(app_k(a), m->key);
	t = str_dup(edit_text(m));
	if (!t || !q) {
		free(t);
		return true;
	}
	str_trim(t);
	if (!*t) {
		free(t);
		v.kind = VAL_NONE;
		save_value(a, m->key, &v, m->version, m->draft_where);
		return true;
	}
	errno = 0;
	x = strtod(t, &end);
	if (errno || *end || end == t || !isfinite(x)) {
		snprintf(msg, sizeof(msg), _("“%s” is not a number"), t);
		free(t);
		edit_set_hint(m, msg);
		return false;
	}
	free(t);
	if ((q->has_min && x < q->min) || (q->has_max && x > q->max)) {
		num_fmt(lo, sizeof(lo), NUM_VALUE, q->min);
		num_fmt(hi, sizeof(hi), NUM_VALUE, q->max);
		if (q->has_min && q->has_max)
			snprintf(msg, sizeof(msg), _("must be between %s and %s"), lo, hi);
		else if (q->has_min)
			snprintf(msg, sizeof(msg), _("must be at least %s"), lo);
		else
			snprintf(msg, sizeof(msg), _("must be at most %s"), hi);
		edit_set_hint(m, msg);
		return false;
	}
	v.number = x;
	return save_value(a, m->key, &v, m->version, m->draft_where);
}

static bool choice_done(struct app *a, struct modal *m, bool ok)
{
	const struct question *q = knowledge_question(app_k(a), m->key);
	struct value v = { .kind = VAL_TEXT };

	if (!ok || !q || picker_selected(m) >= q->n_options)
		return true;
	v.text = q->options[picker_selected(m)].id;
	save_value(a, m->key, &v, m->version, NULL);
	return true;
}

static bool multi_done(struct app *a, struct modal *m, bool ok)
{
	const struct question *q = knowledge_question(app_k(a), m->key);
	struct value v = { .kind = VAL_LIST };

	if (!ok || !q)
		return true;
	for (size_t i = 0; i < q->n_options; i++)
		if (picker_checked(m, i) && strv_push(&v.list, q->options[i].id) < 0)
			break;
	save_value(a, m->key, &v, m->version, NULL);
	strv_free(&v.list);
	return true;
}

static bool scale_done(struct app *a, struct modal *m, bool ok)
{
	struct value v = { .kind = VAL_NUMBER };

	if (!ok)
		return true;
	v.number = (double)(picker_selected(m) + 1);
	save_value(a, m->key, &v, m->version, NULL);
	return true;
}

static bool note_done(struct app *a, struct modal *m, bool ok)
{
	char *t;
	size_t l;
	int rc;

	if (!ok)
		return true;
	t = str_dup(edit_text(m));
	if (!t)
		return true;
	l = strlen(t);
	while (l > 0 && (t[l - 1] == '\n' || t[l - 1] == ' '))
		t[--l] = '\0';
	rc = app_save_field(a, "answer", m->id, "note", t, m->version);
	if (rc == ST_OK)
		app_msg(a, MSG_OK, "%s", *t ? _("note saved") : _("note removed"));
	free(t);
	return rc == ST_OK || rc == ST_CONFLICT;
}

/* ---- editing --------------------------------------------------------------- */
static void edit_question(struct app *a, const struct question *q)
{
	const struct answer *an = wsdata_answer(app_data(a), q->id);
	int64_t version = an ? an->version : 0;
	char where[300], hint[200], range[80];
	const char **labels = NULL;
	struct modal *m = NULL;
	size_t sel = 0;

	snprintf(where, sizeof(where), "answer:%s", q->id);
	switch (q->kind) {
	case Q_TEXT:
	case Q_LONGTEXT:
		app_edit(a, &(struct edit_req){
			.where = where, .title = q->prompt,
			.init = an && an->value.kind == VAL_TEXT ? an->value.text : "",
			.hint = q->kind == Q_TEXT ? _("Enter save · Esc cancel · empty clears") : NULL,
			.multi = q->kind == Q_LONGTEXT, .done = text_done,
			.version = version, .key = q->id, .kind = (int)q->kind });
		return;
	case Q_NUMBER: {
		char init[64] = "";

		if (an && an->value.kind == VAL_NUMBER)
			str_number(init, sizeof(init), an->value.number);
		range_text(q, range, sizeof(range));
		snprintf(hint, sizeof(hint), "%s%s%s%s%s · %s",
			 _("number"), q->unit ? _(" in ") : "", q->unit ? q->unit : "",
			 *range ? ", " : "", range, _("empty clears"));
		app_edit(a, &(struct edit_req){
			.where = where, .title = q->prompt, .init = init,
			.hint = hint, .done = number_done, .version = version,
			.key = q->id, .kind = (int)q->kind });
		return;
	}
	case Q_CHOICE:
	case Q_MULTICHOICE:
		if (!q->n_options) {
			app_msg(a, MSG_ERROR, "%s", _("this question has no options"));
			return;
		}
		labels = calloc(q->n_options, sizeof(*labels));
		if (!labels)
			return;
		for (size_t i = 0; i < q->n_options; i++) {
			labels[i] = q->options[i].label ? q->options[i].label
							: q->options[i].id;
			if (an && an->value.kind == VAL_TEXT &&
			    str_eq(an->value.text, q->options[i].id))
				sel = i;
		}
		m = picker_new(q->kind == Q_CHOICE ? PICK_ONE : PICK_MANY,
			       q->prompt, labels, q->n_options, sel,
			       q->kind == Q_CHOICE ? choice_done : multi_done);
		free(labels);
		if (m && q->kind == Q_MULTICHOICE && an && an->value.kind == VAL_LIST)
			for (size_t i = 0; i < q->n_options; i++)
				picker_check(m, i, strv_contains(&an->value.list,
								 q->options[i].id));
		break;
	case Q_SCALE: {
		static const char *const pts[] = { "1", "2", "3", "4", "5" };
		char *lab[5];

		for (size_t i = 0; i < 5; i++)
			lab[i] = i < q->n_options && q->options[i].label
				 ? str_printf("%s  %s", pts[i], q->options[i].label)
				 : str_dup(pts[i]);
		if (an && an->value.kind == VAL_NUMBER && an->value.number >= 1 &&
		    an->value.number <= 5)
			sel = (size_t)an->value.number - 1;
		else
			sel = 2;
		m = picker_new(PICK_SCALE, q->prompt, (const char *const *)lab, 5,
			       sel, scale_done);
		for (size_t i = 0; i < 5; i++)
			free(lab[i]);
		break;
	}
	default:
		return;
	}
	if (m) {
		m->scope = SC_PICKER;
		m->key = str_dup(q->id);
		m->version = version;
		/* What the choice started from: a note saved meanwhile is no
		 * conflict. */
		m->base = an ? value_to_text(&an->value) : str_dup("");
	}
	app_push(a, m);
}

static void skip_unanswered(struct app *a, struct iscreen *s)
{
	for (size_t k = 1; k <= s->n; k++) {
		size_t i = (s->list.sel + k) % s->n;
		const struct irow *r = &s->rows[i];

		if (r->heading)
			continue;
		if (!answered(wsdata_answer(app_data(a), app_k(a)->questions[r->idx].id))) {
			list_select(&s->list, i);
			return;
		}
	}
	app_msg(a, MSG_OK, "%s", _("every question shown is answered"));
}

static void section_jump(struct iscreen *s, int dir)
{
	size_t i = s->list.sel;

	if (dir > 0) {
		for (i = i + 1; i < s->n; i++)
			if (s->rows[i].heading) {
				list_select(&s->list, i + 1);
				return;
			}
	} else {
		bool passed = false;

		while (i-- > 0) {
			if (!s->rows[i].heading)
				continue;
			if (passed) {
				list_select(&s->list, i + 1);
				return;
			}
			passed = true;
		}
		list_select(&s->list, 0);
	}
}

static void clear_answer(struct app *a, const struct question *q)
{
	const struct answer *an = wsdata_answer(app_data(a), q->id);
	struct sess_result r = { 0 };

	if (!answered(an)) {
		app_msg(a, MSG_INFO, "%s", _("nothing to clear"));
		return;
	}
	session_clear_answer(a->s, q->id, &r);
	app_result(a, &r, _("cleared: %s (u undoes)"), q->prompt);
	sess_result_clear(&r);
}

static enum reaction iv_key(struct app *a, void *state, enum action act)
{
	struct iscreen *s = state;
	const struct question *q = row_question(a, sel_row(s));
	const struct answer *an;
	char where[300];

	switch (act) {
	case A_IV_SKIP:
		skip_unanswered(a, s);
		return R_DONE;
	case A_IV_SECTION_NEXT:
	case A_IV_SECTION_PREV:
		section_jump(s, act == A_IV_SECTION_NEXT ? 1 : -1);
		return R_DONE;
	default:
		break;
	}
	if (!q)
		return R_PASS;
	switch (act) {
	case A_IV_EDIT:
		edit_question(a, q);
		return R_DONE;
	case A_IV_CLEAR:
		clear_answer(a, q);
		return R_DONE;
	case A_IV_NOTE:
		an = wsdata_answer(app_data(a), q->id);
		if (!an) {
			app_msg(a, MSG_WARN, "%s", _("answer the question first, then add a note"));
			return R_DONE;
		}
		snprintf(where, sizeof(where), "note:%s", q->id);
		app_edit(a, &(struct edit_req){
			.where = where, .title = _("Note"), .init = an->note ? an->note : "",
			.multi = true, .done = note_done, .id = an->id,
			.version = an->version, .key = q->id });
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void iv_status(struct app *a, void *state, char *buf, size_t size)
{
	struct iscreen *s = state;

	(void)a;
	snprintf(buf, size, _("%zu/%zu answered"), s->answered, s->visible);
}

/* Follow mode by item: a question by its id (a heading is none). */
static void iv_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct iscreen *s = state;

	if (row < s->n && !s->rows[row].heading && app_k(a) &&
	    s->rows[row].idx < app_k(a)->n_questions)
		snprintf(buf, size, "q:%s", app_k(a)->questions[s->rows[row].idx].id);
}

const struct screen_ops screen_interview_ops = {
	.open = iv_open,
	.close = iv_close,
	.draw = iv_draw,
	.key = iv_key,
	.refresh = iv_refresh,
	.list = iv_list,
	.status = iv_status,
	.item = iv_item,
};

const struct question *interview_selected(struct app *a, char **answer)
{
	struct iscreen *s = tui_screen_state(a, &screen_interview_ops);
	const struct question *q = s && app_data(a) && app_k(a)
				   ? row_question(a, sel_row(s)) : NULL;

	*answer = q ? answer_text(q, wsdata_answer(app_data(a), q->id)) : NULL;
	return q;
}

#include "config.h"
/*
 * screen 9, Roadmap: the phases in order with their duration, the weeks
 * each one spans counted from the start, and the total; under them the
 * selected phase's items beside the workshop's next steps.  Phases are
 * added, renamed, given a duration (a number of weeks above zero), their
 * items edited one per line, moved and deleted; the next steps are edited
 * one per line too, and p takes open parking-lot items into them.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* Beyond ten years a duration is a typo. */
#define WEEKS_MAX 520

enum rm_edit { RE_NAME = 0, RE_WEEKS, RE_ITEMS, RE_STEPS, RE_NEW_NAME,
	       RE_NEW_WEEKS };

struct rscreen {
	struct app *a;
	struct list list;
	int64_t sel_id;     /* selected phase, kept over reloads */
	int64_t want;       /* select this id at the next refresh */
};

static const char *row_text(void *ctx, size_t i)
{
	struct rscreen *s = ctx;
	const struct workshop_data *d = app_data(s->a);

	return d && i < d->n_roadmap ? d->roadmap[i].name : NULL;
}

static const struct phase *cur_phase(struct rscreen *s)
{
	const struct workshop_data *d = app_data(s->a);

	return d && s->list.sel < d->n_roadmap ? &d->roadmap[s->list.sel] : NULL;
}

static void rm_refresh(struct app *a, void *state)
{
	struct rscreen *s = state;
	const struct workshop_data *d = app_data(a);
	size_t n = d ? d->n_roadmap : 0;
	int64_t target = s->want ? s->want : s->sel_id;

	s->a = a;
	s->want = 0;
	list_set_count(&s->list, n);
	for (size_t i = 0; target && i < n; i++)
		if (d->roadmap[i].id == target)
			list_select(&s->list, i);
	s->sel_id = cur_phase(s) ? cur_phase(s)->id : 0;
}

static int rm_open(struct app *a, void **state)
{
	struct rscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	rm_refresh(a, s);
	return ST_OK;
}

static void rm_close(struct app *a, void *state)
{
	struct rscreen *s = state;

	(void)a;
	list_free(&s->list);
	free(s);
}

static struct list *rm_list(struct app *a, void *state)
{
	struct rscreen *s = state;

	s->a = a;
	return &s->list;
}

/* ---- drawing ---------------------------------------------------------------- */
static double total_weeks(const struct workshop_data *d)
{
	double t = 0;

	for (size_t i = 0; i < d->n_roadmap; i++)
		t += d->roadmap[i].weeks;
	return t;
}

/* "weeks 4-7" for a phase that starts after `before` weeks. */
static void span_text(double before, double weeks, char *buf, size_t size)
{
	char a[32], b[32];
	double from = floor(before) + 1, to = ceil(before + weeks);

	if (to < from)
		to = from;
	num_fmt(a, sizeof(a), NUM_VALUE, from);
	num_fmt(b, sizeof(b), NUM_VALUE, to);
	if (from == to)
		snprintf(buf, size, _("week %s"), a);
	else
		snprintf(buf, size, _("weeks %s–%s"), a, b);
}

static void column(struct app *a, int y, int x, int h, int w,
		   const char *title, const struct strv *items, bool numbered,
		   const char *empty)
{
	size_t st[64], ln[64];
	int r = 1;

	(void)a;
	draw_role(CR_HEADING);
	/* The phase's whole name: on a second row when it needs one. */
	r = draw_wrapped(y, x, h > 4 ? 2 : 1, w, title);
	if (r < 1)
		r = 1;
	y += r - 1;
	h -= r - 1;
	r = 1;
	if (!items->n) {
		draw_role(CR_DIM);
		if (h > 1)
			draw_clip(y + 1, x + 1, empty, w - 1);
		draw_role(CR_NORMAL);
		return;
	}
	draw_role(CR_NORMAL);
	for (size_t i = 0; i < items->n && r < h; i++) {
		char mark[32];
		int mw;
		size_t n;

		if (numbered)
			snprintf(mark, sizeof(mark), "%zu. ", i + 1);
		else
			snprintf(mark, sizeof(mark), "• ");
		mw = utf8_width(mark);
		n = draw_wrap(items->v[i], w - 1 - mw, st, ln, 64);
		for (size_t k = 0; k < n && r < h; k++, r++) {
			char *t = str_ndup(items->v[i] + st[k], ln[k]);

			if (k == 0)
				draw_text(y + r, x + 1, mark, mw);
			draw_text(y + r, x + 1 + mw, t ? t : "", w - 1 - mw);
			free(t);
		}
	}
	if (r >= h && h > 1) {
		draw_role(CR_DIM);
		draw_text(y + h - 1, x + w - 1, "↓", 1);
	}
	draw_role(CR_NORMAL);
}

static void rm_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct rscreen *s = state;
	const struct workshop_data *d = app_data(a);
	const struct phase *p;
	int cn = 3, cw = 7, cspan = 14, ci = 6,
	    cname = w - 1 - cn - cw - cspan - ci - 5, rows, top_h, r;
	char num[32], wk[32], span[64], its[32], *title;
	double before = 0;
	struct buf b;

	s->a = a;
	s->sel_id = cur_phase(s) ? cur_phase(s)->id : 0;
	if (cname < 8)
		cname = 8;
	if (cname > 60)
		cname = 60;
	/* The table takes what it needs, up to half the body. */
	rows = (int)d->n_roadmap;
	top_h = rows + 2;
	if (top_h > h / 2)
		top_h = h / 2;
	if (top_h < 3)
		top_h = 3;
	rows = top_h - 2;
	buf_init(&b);
	buf_puts(&b, " ");
	draw_cell(&b, "#", cn, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Phase"), cname, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Weeks"), cw, true);
	buf_puts(&b, "  ");
	draw_cell(&b, _("Span"), cspan, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Items"), ci, true);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!d->n_roadmap) {
		draw_role(CR_DIM);
		draw_line(y + 1, x + 2, _("No phases planned yet: n adds one."), w - 2);
	}
	list_scroll(&s->list, rows);
	list_place(&s->list, y + 1);
	for (size_t i = 0; i < s->list.top && i < d->n_roadmap; i++)
		before += d->roadmap[i].weeks;
	for (r = 0; r < rows; r++) {
		size_t i = s->list.top + (size_t)r;
		bool sel;

		if (i >= d->n_roadmap)
			break;
		p = &d->roadmap[i];
		sel = i == s->list.sel;
		b.len = 0;
		buf_puts(&b, sel ? "›" : " ");
		snprintf(num, sizeof(num), "%zu.", i + 1);
		draw_cell(&b, num, cn, false);
		buf_putc(&b, ' ');
		draw_cell(&b, p->name, cname, false);
		buf_putc(&b, ' ');
		num_fmt(wk, sizeof(wk), NUM_VALUE, p->weeks);
		draw_cell(&b, wk, cw, true);
		buf_puts(&b, "  ");
		span_text(before, p->weeks, span, sizeof(span));
		draw_cell(&b, span, cspan, false);
		buf_putc(&b, ' ');
		snprintf(its, sizeof(its), "%zu", p->items.n);
		draw_cell(&b, its, ci, true);
		draw_role(sel ? CR_SELECTED : CR_NORMAL);
		draw_line(y + 1 + r, x, buf_str(&b), w);
		before += p->weeks;
	}
	/* The total under the weeks column. */
	b.len = 0;
	buf_puts(&b, " ");
	draw_cell(&b, "", cn, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Total"), cname, true);
	buf_putc(&b, ' ');
	num_fmt(wk, sizeof(wk), NUM_VALUE, total_weeks(d));
	draw_cell(&b, wk, cw, true);
	buf_puts(&b, "  ");
	if (total_weeks(d) > 0)
		span_text(0, total_weeks(d), span, sizeof(span));
	else
		span[0] = '\0';
	draw_cell(&b, span, cspan, false);
	draw_role(CR_HEADING);
	draw_line(y + top_h - 1, x, buf_str(&b), w);
	buf_free(&b);

	draw_role(CR_DIM);
	draw_hline(y + top_h, x, w);
	{
		int by = y + top_h + 1, bh = h - top_h - 1, lw = (w - 1) / 2;
		struct strv none = { 0 };

		p = cur_phase(s);
		title = p ? str_printf(_("Items of %s"), p->name)
			  : str_dup(_("Items"));
		column(a, by, x + 1, bh, lw - 2, title ? title : "",
		       p ? &p->items : &none, false,
		       p ? _("none yet: i adds them") : "");
		free(title);
		draw_role(CR_DIM);
		draw_vline(by, x + lw, bh);
		title = str_printf(_("Next steps (%zu)"), d->next_steps.n);
		column(a, by, x + lw + 2, bh, w - lw - 2, title ? title : "",
		       &d->next_steps, true, _("none yet: s edits them"));
		free(title);
	}
	draw_role(CR_NORMAL);
}

static void rm_status(struct app *a, void *state, char *buf, size_t size)
{
	char wk[32], ph[48];
	double weeks = total_weeks(app_data(a));

	(void)state;
	num_fmt(wk, sizeof(wk), NUM_VALUE, weeks);
	/* "1 phase", "1 week": each count takes its own plural. */
	snprintf(ph, sizeof(ph), ngettext("%zu phase", "%zu phases",
					  app_data(a)->n_roadmap), app_data(a)->n_roadmap);
	snprintf(buf, size, weeks == 1 ? _("%s · %s week") : _("%s · %s weeks"),
		 ph, wk);
}

/* ---- editing ---------------------------------------------------------------- */
static struct rscreen *screen_state(struct app *a)
{
	return tui_screen_state(a, &screen_roadmap_ops);
}

/* Weeks typed: a number above zero; else a hint says why and -1. */
static double parse_weeks(struct modal *m)
{
	char *t = str_dup(edit_text(m)), *end, msg[160];
	double x;

	if (!t)
		return -1;
	str_trim(t);
	errno = 0;
	x = strtod(t, &end);
	if (!*t || errno || *end || !isfinite(x)) {
		snprintf(msg, sizeof(msg), _("“%s” is not a number of weeks (Esc cancels)"), t);
		edit_set_hint(m, msg);
		x = -1;
	} else if (x <= 0 || x > WEEKS_MAX) {
		snprintf(msg, sizeof(msg), _("weeks must be above 0 and at most %d (Esc cancels)"),
			 WEEKS_MAX);
		edit_set_hint(m, msg);
		x = -1;
	}
	free(t);
	return x;
}

/*
 * The next steps have no row version (the list is replaced whole), so the
 * editor keeps the text it started from in m->key, and the session
 * compares it with the steps as they are: when someone else changed them
 * meanwhile nothing is written, the editor stays open with mine and shows
 * theirs, and a second save writes mine over theirs (Esc keeps theirs).
 */
static int save_steps(struct app *a, struct modal *m, const char *text)
{
	struct strv steps = { 0 }, base = { 0 };
	struct sess_result r = { 0 };
	int rc;

	if ((*text && strv_split(&steps, text, '\n') < 0) ||
	    (m->key && *m->key && strv_split(&base, m->key, '\n') < 0)) {
		strv_free(&steps);
		strv_free(&base);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return ST_ERROR;
	}
	rc = session_set_next_steps(a->s, &steps, &base, m->draft_where, &r);
	if (r.status == SESS_CONFLICT) {
		/* Mine stays in the open editor: no draft needed. */
		app_draft_done(a, m->draft_where);
		edit_set_hint(m, _("theirs changed: C-s writes yours over theirs · Esc keeps theirs"));
		conflict_show_both(a, r.who, r.theirs, edit_text(m));
		app_msg(a, MSG_WARN, _("not saved: %s changed the next steps meanwhile; both are shown"),
			r.who ? r.who : _("someone else"));
		free(m->key);
		m->key = r.theirs;
		r.theirs = NULL;
		/* Keep the editor open: this is no dialog's conflict. */
		rc = ST_BUSY;
	} else if (!sess_ok(&r)) {
		app_result(a, &r, NULL);
	}
	sess_result_clear(&r);
	strv_free(&steps);
	strv_free(&base);
	return rc;
}

static bool add_phase(struct app *a, struct modal *m, double weeks)
{
	struct phase p;
	struct rscreen *s = screen_state(a);
	struct sess_result r = { 0 };

	memset(&p, 0, sizeof(p));
	p.name = m->key;
	p.weeks = weeks;
	if (session_add_phase(a->s, &p, &r) == ST_OK && s)
		s->want = r.id;
	app_result(a, &r, _("added the phase “%s”: i edits its items"), m->key);
	sess_result_clear(&r);
	return true;
}

static bool edit_done(struct app *a, struct modal *m, bool ok)
{
	char *t = NULL, wk[32];
	double x;
	int rc = 0;

	if (!ok)
		return true;
	switch ((enum rm_edit)m->kind) {
	case RE_NAME:
	case RE_NEW_NAME:
		t = edit_text_trimmed(m, _("a phase needs a name (Esc cancels)"));
		if (!t)
			return false;
		if (m->kind == RE_NEW_NAME) {
			struct modal *n = lineedit_new(_("Weeks for the new phase"), "",
						       _("a number above 0 · Enter add · Esc cancel"),
						       edit_done);

			if (n) {
				n->scope = SC_EDIT;
				n->kind = RE_NEW_WEEKS;
				n->key = t;
				t = NULL;
			}
			free(t);
			app_push(a, n);
			return true;
		}
		rc = app_save_field(a, "phase", m->id, "name", t, m->version);
		break;
	case RE_WEEKS:
	case RE_NEW_WEEKS:
		x = parse_weeks(m);
		if (x < 0)
			return false;
		if (m->kind == RE_NEW_WEEKS)
			return add_phase(a, m, x);
		str_number(wk, sizeof(wk), x);
		rc = app_save_field(a, "phase", m->id, "weeks", wk, m->version);
		break;
	case RE_ITEMS:
		t = edit_text_lines(m);
		if (!t)
			return true;
		rc = app_save_field(a, "phase", m->id, "items", t, m->version);
		break;
	case RE_STEPS:
		t = edit_text_lines(m);
		if (!t)
			return true;
		rc = save_steps(a, m, t);
		break;
	}
	free(t);
	/* A conflict opened the keep mine / take theirs dialog; any other
	 * failure was said and keeps the editor open with what was typed. */
	if (rc < 0)
		return rc == ST_CONFLICT;
	app_msg(a, MSG_OK, _("saved: %s"), m->kind == RE_NAME ? _("name")
		: m->kind == RE_WEEKS ? _("weeks") : m->kind == RE_ITEMS
		? _("items") : _("next steps"));
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_delete_phase(a->s, m->id, m->version, &r);
	app_result(a, &r, _("deleted the phase “%s” (u brings it back)"), m->key);
	sess_result_clear(&r);
	return true;
}

static void edit(struct app *a, const struct phase *p, enum rm_edit kind)
{
	char where[96], wk[32], *init = NULL;

	if (kind == RE_STEPS) {
		init = strv_join(&app_data(a)->next_steps, "\n");
		snprintf(where, sizeof(where), "next-steps");
		app_edit(a, &(struct edit_req){
			.where = where, .title = _("Next steps"),
			.init = init ? init : "", .multi = true,
			.hint = _("one step per line · C-s save · Esc cancel"),
			.done = edit_done, .kind = kind,
			/* what the edit started from: see steps_unchanged */
			.key = init ? init : "" });
		free(init);
		return;
	}
	snprintf(where, sizeof(where), "phase:%lld:%s", (long long)p->id,
		 kind == RE_NAME ? "name" : kind == RE_WEEKS ? "weeks" : "items");
	if (kind == RE_ITEMS)
		init = strv_join(&p->items, "\n");
	else if (kind == RE_WEEKS)
		str_number(wk, sizeof(wk), p->weeks);
	app_edit(a, &(struct edit_req){
		.where = where,
		.title = kind == RE_NAME ? _("Phase name")
			 : kind == RE_WEEKS ? _("Weeks") : _("Items"),
		.init = kind == RE_NAME ? p->name : kind == RE_WEEKS ? wk
			: init ? init : "",
		.hint = kind == RE_NAME ? _("Enter save · Esc cancel")
			: kind == RE_WEEKS ? _("a number above 0 · Enter save · Esc cancel")
			: _("one item per line · C-s save · Esc cancel"),
		.multi = kind == RE_ITEMS, .done = edit_done, .id = p->id,
		.version = p->version, .kind = kind });
	free(init);
}

static enum reaction rm_key(struct app *a, void *state, enum action act)
{
	struct rscreen *s = state;
	const struct phase *p = cur_phase(s);
	struct sess_result res = { 0 };
	struct modal *m;
	char *q;

	s->a = a;
	switch (act) {
	case A_RM_NEW:
		m = lineedit_new(_("New phase: name"), "",
				 _("Enter next (weeks) · Esc cancel"), edit_done);
		if (m) {
			m->scope = SC_EDIT;
			m->kind = RE_NEW_NAME;
		}
		app_push(a, m);
		return R_DONE;
	case A_RM_STEPS:
		edit(a, NULL, RE_STEPS);
		return R_DONE;
	case A_RM_PARKED:
		room_take_from_lot(a);
		return R_DONE;
	default:
		break;
	}
	if (!p) {
		app_msg(a, MSG_WARN, "%s", _("no phase yet: n adds one"));
		return R_DONE;
	}
	switch (act) {
	case A_RM_EDIT:
		edit(a, p, RE_NAME);
		return R_DONE;
	case A_RM_WEEKS:
		edit(a, p, RE_WEEKS);
		return R_DONE;
	case A_RM_ITEMS:
		edit(a, p, RE_ITEMS);
		return R_DONE;
	case A_RM_MOVE_UP:
	case A_RM_MOVE_DOWN:
		if (act == A_RM_MOVE_UP ? s->list.sel == 0
		    : s->list.sel + 1 >= app_data(a)->n_roadmap) {
			app_msg(a, MSG_INFO, "%s", act == A_RM_MOVE_UP
				? _("already the first phase")
				: _("already the last phase"));
			return R_DONE;
		}
		if (session_move_phase(a->s, p->id, act == A_RM_MOVE_UP ? -1 : 1,
				       &res) == ST_OK)
			s->want = p->id;
		app_result(a, &res, _("moved to position %zu"),
			   act == A_RM_MOVE_UP ? s->list.sel : s->list.sel + 2);
		sess_result_clear(&res);
		return R_DONE;
	case A_RM_DELETE: {
		char wk[32];

		num_fmt(wk, sizeof(wk), NUM_VALUE, p->weeks);
		q = str_printf(ngettext("Delete the phase “%s” (%s weeks, %zu item)? (u brings it back)",
					"Delete the phase “%s” (%s weeks, %zu items)? (u brings it back)",
					p->items.n), p->name, wk, p->items.n);
		app_confirm_delete(a, "phase", p->id, &(struct confirm_req){
			.title = _("Delete phase"), .question = q,
			.done = delete_done, .id = p->id,
			.version = p->version, .key = p->name });
		free(q);
		return R_DONE;
	}
	default:
		return R_PASS;
	}
}

/* Follow mode by item: a phase by its id. */
static void rm_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct workshop_data *d = app_data(a);

	(void)state;
	if (d && row < d->n_roadmap)
		snprintf(buf, size, "ph:%lld", (long long)d->roadmap[row].id);
}

const struct screen_ops screen_roadmap_ops = {
	.open = rm_open,
	.close = rm_close,
	.draw = rm_draw,
	.key = rm_key,
	.refresh = rm_refresh,
	.list = rm_list,
	.status = rm_status,
	.item = rm_item,
};

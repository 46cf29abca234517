#include "config.h"
/*
 * The Room's agenda: the stages the workshop runs through with their
 * planned time, the time spent on each (counted while the countdown runs
 * on it, so a row moves while it is the room's stage), the difference and
 * the totals; the room's stage is marked.  While the workshop has no agenda
 * of its own the template's timeboxes stand in, and say so.  Only the
 * facilitator changes it: plan a stage (25, 25m, 1h15m; 0 for no
 * timebox), add one that is not on it, move one, take one off.  Anyone
 * else is told why before an editor opens.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens/room.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* Column widths: each figure; the stage's at most, at least, and the
 * room the "◀ now, 3:00 left" after the figures would like. */
#define COL_FIG 12
#define COL_STAGE_MAX 18
#define COL_STAGE_MIN 12
#define COL_NOW 19

void agenda_rebuild(struct app *a, struct room *r)
{
	int target = r->want_stage >= 0 ? r->want_stage : r->sel_stage;

	r->want_stage = -1;
	session_agenda_clear(&r->ag);
	if (session_agenda(a->s, &r->ag) < 0)
		memset(&r->ag, 0, sizeof(r->ag));
	list_set_count(&r->agenda, r->ag.n);
	for (size_t i = 0; target >= 0 && i < r->ag.n; i++)
		if ((int)r->ag.rows[i].stage == target)
			list_select(&r->agenda, i);
	if (r->agenda.sel < r->ag.n)
		r->sel_stage = (int)r->ag.rows[r->agenda.sel].stage;
}

static const struct room_agenda_row *cur_row(struct room *r)
{
	return r->agenda.sel < r->ag.n ? &r->ag.rows[r->agenda.sel] : NULL;
}

/* "◀ now, 9:05 left": the room's stage and its countdown. */
static void now_text(struct app *a, const struct room_agenda_row *row,
		     char *buf, size_t size)
{
	const struct room_timer *t = session_timer(a->s);
	char left[32];

	buf[0] = '\0';
	if (!row->current)
		return;
	session_timer_text(a->s, left, sizeof(left));
	if (!t || !t->set || t->stage != row->stage ||
	    t->state == TIMER_STOPPED || !*left)
		snprintf(buf, size, "%s", _("◀ now"));
	else if (t->state == TIMER_PAUSED)
		snprintf(buf, size, _("◀ now, paused at %s"), left);
	else if (left[0] == '+')
		snprintf(buf, size, _("◀ now, %s over"), left + 1);
	else
		snprintf(buf, size, _("◀ now, %s left"), left);
}

static void figures(struct buf *b, const char *p, const char *s,
		    const char *d)
{
	draw_cell(b, p, COL_FIG, true);
	buf_putc(b, ' ');
	draw_cell(b, s, COL_FIG, true);
	buf_putc(b, ' ');
	draw_cell(b, d, COL_FIG, true);
}

/* A note under the table, wrapped; returns the rows used. */
static int note(int y, int x, int w, int max, enum role role,
		const char *text)
{
	int rows;

	draw_role(role);
	rows = room_wrapped(text, y, x, w, max);
	draw_role(CR_NORMAL);
	return rows;
}

void agenda_draw(struct app *a, struct room *r, int y, int x, int h, int w)
{
	char p[NUM_BUF], sp[NUM_BUF], d[NUM_BUF * 2], now[96], *txt;
	const char *fac = session_facilitator(a->s);
	int rows, row = 0,
	    cstage = w - 4 - 3 * (COL_FIG + 1) - COL_NOW;
	struct buf b;

	if (cstage > COL_STAGE_MAX)
		cstage = COL_STAGE_MAX;
	if (cstage < COL_STAGE_MIN)
		cstage = COL_STAGE_MIN;
	/* The time spent moves while the countdown runs: build it now, on
	 * the stage the cursor is on. */
	if (r->agenda.sel < r->ag.n)
		r->sel_stage = (int)r->ag.rows[r->agenda.sel].stage;
	agenda_rebuild(a, r);
	buf_init(&b);
	buf_puts(&b, "   ");
	draw_cell(&b, _("Stage"), cstage, false);
	buf_putc(&b, ' ');
	figures(&b, _("Planned"), _("Spent"), _("Difference"));
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!r->ag.n) {
		note(y + 1, x + 2, w - 2, 2, CR_DIM,
		     _("No stage is on the agenda: n adds one."));
	}
	rows = (int)r->ag.n;
	if (rows > h - 4)
		rows = h - 4;
	if (rows < 1)
		rows = 1;
	list_scroll(&r->agenda, rows);
	for (row = 0; row < rows; row++) {
		size_t i = r->agenda.top + (size_t)row;
		const struct room_agenda_row *ar;
		bool sel;

		if (i >= r->ag.n)
			break;
		ar = &r->ag.rows[i];
		sel = i == r->agenda.sel;
		b.len = 0;
		buf_puts(&b, sel ? "›" : " ");
		buf_puts(&b, ar->current ? "● " : "  ");
		draw_cell(&b, stage_label(ar->stage), cstage, false);
		buf_putc(&b, ' ');
		figures(&b, ar->planned ? num_duration(p, sizeof(p), ar->planned)
			    : _("no timebox"),
			session_spent_text(sp, sizeof(sp), ar->spent),
			ar->planned ? session_diff_text(d, sizeof(d), ar->spent,
						     ar->planned) : "–");
		now_text(a, ar, now, sizeof(now));
		/* Whole or not at all: the ● marks the stage anyway. */
		if (*now && utf8_width(buf_str(&b)) + 2 + utf8_width(now) <= w) {
			buf_puts(&b, "  ");
			buf_puts(&b, now);
		}
		draw_role(sel ? CR_SELECTED : CR_NORMAL);
		draw_line(y + 1 + row, x, buf_str(&b), w);
	}
	/* The totals under the figures. */
	b.len = 0;
	buf_puts(&b, "   ");
	draw_cell(&b, _("Total"), cstage, false);
	buf_putc(&b, ' ');
	figures(&b, num_duration(p, sizeof(p), r->ag.planned_total),
		session_spent_text(sp, sizeof(sp), r->ag.spent_total),
		session_diff_text(d, sizeof(d), r->ag.spent_total,
			       (int)r->ag.planned_total));
	draw_role(CR_HEADING);
	draw_line(y + 1 + rows, x, buf_str(&b), w);
	buf_free(&b);

	row = rows + 3;
	if (r->ag.defaults && row < h)
		row += note(y + row, x + 2, w - 3, h - row, CR_DIM,
			    _("(the template's timeboxes: the workshop has no agenda of its own yet; the first change makes it one)"));
	if (row < h)
		row += note(y + row, x + 2, w - 3, h - row, CR_DIM,
			    _("● the room's stage.  Time spent counts while the countdown runs on a stage (:timer)."));
	if (session_is_facilitator(a->s) || row + 1 >= h)
		return;
	txt = fac ? str_printf(_("Only the facilitator (%s) changes the agenda; you see it as it is."), fac)
		  : str_dup(_("Nobody facilitates this workshop: :facilitate takes the role, and with it the agenda."));
	note(y + row + 1, x + 2, w - 3, h - row - 1, CR_NORMAL, txt ? txt : "");
	free(txt);
}

void agenda_status(struct app *a, struct room *r, char *buf, size_t size)
{
	char p[NUM_BUF], s[NUM_BUF];

	(void)a;
	snprintf(buf, size, _("planned %s · spent %s"),
		 num_duration(p, sizeof(p), r->ag.planned_total),
		 session_spent_text(s, sizeof(s), r->ag.spent_total));
}

/* ---- editing (facilitator) ------------------------------------------------ */
/* Not the facilitator: say why (true: refused). */
static bool refused(struct app *a)
{
	struct sess_result res = { 0 };
	bool no = session_agenda_check(a->s, &res) < 0;

	if (no)
		app_result(a, &res, NULL);
	sess_result_clear(&res);
	return no;
}

/* Minutes typed ("25", "25m", "1h15m", "0"); else a hint says why and -1. */
static int parse_minutes(struct modal *m)
{
	char *t = str_dup(edit_text(m)), hint[300];
	struct error e;
	long secs = 0;
	int minutes = -1;

	if (!t)
		return -1;
	str_trim(t);
	err_clear(&e);
	if (str_eq(t, "0")) {
		minutes = 0;
	} else if (session_duration_parse(t, &secs, &e) < 0) {
		snprintf(hint, sizeof(hint), _("%s (Esc cancels)"), e.msg);
		edit_set_hint(m, hint);
	} else if (secs % 60) {
		snprintf(hint, sizeof(hint),
			 _("a timebox is whole minutes, not %ld min %ld s (Esc cancels)"),
			 secs / 60, secs % 60);
		edit_set_hint(m, hint);
	} else {
		minutes = (int)(secs / 60);
	}
	free(t);
	return minutes;
}

static bool plan_done(struct app *a, struct modal *m, bool ok)
{
	struct room *r = room_state(a);
	struct sess_result res = { 0 };
	enum stage st = (enum stage)m->kind;
	int minutes;
	bool close;

	if (!ok)
		return true;
	if ((minutes = parse_minutes(m)) < 0)
		return false;
	if (session_agenda_plan(a->s, st, minutes, &res) == ST_OK && r)
		r->want_stage = (int)st;
	/* A busy database keeps the editor open with what was typed. */
	close = res.status != SESS_BUSY && res.status != SESS_FAILED;
	app_result(a, &res, NULL);
	if (close)
		app_draft_done(a, m->draft_where);
	sess_result_clear(&res);
	return close;
}

static void plan(struct app *a, enum stage st, int minutes, bool added)
{
	char where[64], init[16], *title;

	snprintf(where, sizeof(where), "agenda:%s", stage_id(st));
	if (minutes > 0)
		snprintf(init, sizeof(init), "%d", minutes);
	else
		init[0] = '\0';
	title = str_printf(added ? _("Add %s: planned time")
			   : _("Planned time for %s"), stage_label(st));
	app_edit(a, &(struct edit_req){
		.where = where, .title = title ? title : "", .init = init,
		.hint = _("minutes: 25, 25m or 1h15m; 0 no timebox · Enter save · Esc cancel"),
		.done = plan_done, .kind = (int)st });
	free(title);
}

/* The template's timebox of a stage, 0 when it has none. */
static int template_minutes(struct app *a, enum stage st)
{
	const struct template_def *t = session_template(a->s);

	for (size_t i = 0; t && i < t->n_agenda; i++)
		if (t->agenda[i].stage == st)
			return t->agenda[i].minutes;
	return 0;
}

static bool add_done(struct app *a, struct modal *m, bool ok)
{
	const int *stages = m->ctx;
	size_t i;

	if (!ok)
		return true;
	i = picker_selected(m);
	if (i >= (size_t)m->kind)
		return true;
	/* The picker goes first: the editor takes its place. */
	plan(a, (enum stage)stages[i], template_minutes(a, (enum stage)stages[i]),
	     true);
	return true;
}

static void add(struct app *a, struct room *r)
{
	const char *labels[STAGE_DONE];
	int *stages = calloc(STAGE_DONE, sizeof(*stages));
	size_t n = 0;
	struct modal *m;

	if (!stages) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	for (int st = STAGE_INTERVIEW; st < STAGE_DONE; st++) {
		bool on = false;

		for (size_t i = 0; i < r->ag.n && !on; i++)
			on = (int)r->ag.rows[i].stage == st;
		if (on)
			continue;
		stages[n] = st;
		labels[n++] = stage_label((enum stage)st);
	}
	if (!n) {
		free(stages);
		app_msg(a, MSG_INFO, "%s", _("every stage is on the agenda already"));
		return;
	}
	m = picker_new(PICK_ONE, _("Add a stage to the agenda"), labels, n, 0,
		       add_done);
	if (!m) {
		free(stages);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->scope = SC_PICKER;
	m->kind = (int)n;
	m->ctx = stages;
	m->ctx_free = free;
	app_push(a, m);
}

static bool remove_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result res = { 0 };
	enum stage st = (enum stage)m->kind;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("the agenda is as it was"));
		return true;
	}
	session_agenda_remove(a->s, st, &res);
	app_result(a, &res, _("%s is off the agenda (n puts it back)"),
		   stage_label(st));
	sess_result_clear(&res);
	return true;
}

enum reaction agenda_key(struct app *a, struct room *r, enum action act)
{
	const struct room_agenda_row *row = cur_row(r);
	struct sess_result res = { 0 };
	char p[NUM_BUF], *q;
	int delta;

	switch (act) {
	case A_AG_ADD:
		if (!refused(a))
			add(a, r);
		return R_DONE;
	case A_AG_PLAN:
	case A_AG_REMOVE:
	case A_AG_MOVE_UP:
	case A_AG_MOVE_DOWN:
		break;
	default:
		return R_PASS;
	}
	if (refused(a))
		return R_DONE;
	if (!row) {
		app_msg(a, MSG_WARN, "%s", _("no stage on the agenda yet: n adds one"));
		return R_DONE;
	}
	switch (act) {
	case A_AG_PLAN:
		plan(a, row->stage, row->planned, false);
		return R_DONE;
	case A_AG_REMOVE:
		if (row->spent > 0) {
			/* Nothing to ask: the session keeps a stage time was
			 * spent on, and says why. */
			session_agenda_remove(a->s, row->stage, &res);
			app_result(a, &res, NULL);
			sess_result_clear(&res);
			return R_DONE;
		}
		q = str_printf(_("Take %s (%s) off the agenda?"),
			       stage_label(row->stage), row->planned
			       ? num_duration(p, sizeof(p), row->planned)
			       : _("no timebox"));
		app_confirm(a, &(struct confirm_req){
			.title = _("Agenda"), .question = q,
			.done = remove_done, .kind = (int)row->stage });
		free(q);
		return R_DONE;
	default:
		delta = act == A_AG_MOVE_UP ? -1 : 1;
		if (delta < 0 ? r->agenda.sel == 0
			      : r->agenda.sel + 1 >= r->ag.n) {
			app_msg(a, MSG_INFO, "%s", delta < 0
				? _("already the first stage")
				: _("already the last stage"));
			return R_DONE;
		}
		if (session_agenda_move(a->s, row->stage, delta, &res) == ST_OK)
			r->want_stage = (int)row->stage;
		app_result(a, &res, _("%s moved to place %zu"),
			   stage_label(row->stage),
			   delta < 0 ? r->agenda.sel : r->agenda.sel + 2);
		sess_result_clear(&res);
		return R_DONE;
	}
}

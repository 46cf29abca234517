#include "config.h"
/*
 * The Room: the facilitator's agenda and the parking lot, on a screen of
 * their own that is no numbered tab (R or :room opens it from anywhere; q
 * or Esc goes back to the screen before).  Two parts, Tab switches:
 *   - the agenda: every stage with its planned time, the time spent (live
 *     while the countdown runs on it), the difference and the totals, the
 *     room's stage marked; the facilitator plans, adds, moves and takes
 *     stages off, everyone else reads it and is told why when they try
 *     (room_agenda.c);
 *   - the parking lot: every item with who raised it, when, and what
 *     became of it; anyone adds, edits, marks done, takes an item into
 *     the roadmap's next steps, deletes (room_park.c).
 * w opens the wrap-up (screen_wrapup.c).  Following the facilitator
 * follows the part and the row too.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/room.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct room *room_state(struct app *a)
{
	return tui_screen_state(a, &screen_room_ops);
}

int room_wrapped(const char *text, int y, int x, int w, int max)
{
	size_t st[16], ln[16], n = draw_wrap(text, w, st, ln, 16);
	int row = 0;

	for (size_t i = 0; i < n && row < max; i++, row++) {
		char *t = str_ndup(text + st[i], ln[i]);

		/* A text cut short ends with "…". */
		if (row == max - 1 && i + 1 < n)
			draw_clip(y + row, x, t ? t : "", w - 1);
		else
			draw_line(y + row, x, t ? t : "", w);
		free(t);
	}
	return row;
}

static const char *agenda_row_text(void *ctx, size_t i)
{
	struct room *r = ctx;

	return i < r->ag.n ? stage_label(r->ag.rows[i].stage) : NULL;
}

static const char *lot_row_text(void *ctx, size_t i)
{
	struct room *r = ctx;
	const struct workshop_data *d = app_data(r->a);

	return d && i < d->n_parking ? d->parking[i].text : NULL;
}

static void room_refresh(struct app *a, void *state)
{
	struct room *r = state;

	agenda_rebuild(a, r);
	park_rebuild(a, r);
}

static int room_open(struct app *a, void **state)
{
	struct room *r = calloc(1, sizeof(*r));

	if (!r)
		return ST_ERROR;
	r->a = a;
	r->sel_stage = r->want_stage = -1;
	list_init(&r->agenda, r, agenda_row_text, NULL);
	list_init(&r->lot, r, lot_row_text, NULL);
	*state = r;
	room_refresh(a, r);
	return ST_OK;
}

static void room_close(struct app *a, void *state)
{
	struct room *r = state;

	(void)a;
	session_agenda_clear(&r->ag);
	list_free(&r->agenda);
	list_free(&r->lot);
	free(r);
}

/* "[ Agenda ]   Parking lot (3)": the part shown in brackets, so that it
 * reads without colour too. */
static void draw_parts(struct app *a, struct room *r, int y, int x, int w)
{
	const struct workshop_data *d = app_data(a);
	char lot[64], *part[RP_COUNT];
	int cx = x + 1;

	snprintf(lot, sizeof(lot), _("Parking lot (%zu)"), d->n_parking);
	part[RP_AGENDA] = _("Agenda");
	part[RP_PARKING] = lot;
	draw_role(CR_NORMAL);
	draw_fill(y, x, 1, w);
	for (int i = 0; i < RP_COUNT && cx < x + w; i++) {
		char lab[96];

		snprintf(lab, sizeof(lab), i == (int)r->part ? "[ %s ]" : "  %s  ",
			 part[i]);
		draw_role(i == (int)r->part ? CR_HEADING : CR_DIM);
		cx += draw_text(y, cx, lab, x + w - cx);
		cx += draw_text(y, cx, "  ", x + w - cx);
	}
	draw_role(CR_DIM);
	draw_clip(y, cx, _("Tab switches · w wrap-up"), x + w - cx);
	draw_role(CR_NORMAL);
}

static void room_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct room *r = state;

	draw_parts(a, r, y, x, w);
	if (h < 3)
		return;
	if (r->part == RP_AGENDA)
		agenda_draw(a, r, y + 2, x, h - 2, w);
	else
		park_draw(a, r, y + 2, x, h - 2, w);
}

static enum reaction room_key(struct app *a, void *state, enum action act)
{
	struct room *r = state;

	switch (act) {
	case A_RO_SWITCH:
		r->part = r->part == RP_AGENDA ? RP_PARKING : RP_AGENDA;
		a->msg[0] = '\0';
		follow_stop(a, NULL);
		app_presence_beat(a, true);
		return R_DONE;
	case A_RO_WRAPUP:
		a->msg[0] = '\0';
		follow_stop(a, NULL);
		app_goto_id(a, "wrapup");
		return R_DONE;
	default:
		break;
	}
	return r->part == RP_AGENDA ? agenda_key(a, r, act)
				    : park_key(a, r, act);
}

static struct list *room_list(struct app *a, void *state)
{
	struct room *r = state;

	(void)a;
	return r->part == RP_AGENDA ? &r->agenda : &r->lot;
}

static enum scope room_scope(struct app *a, void *state)
{
	struct room *r = state;

	(void)a;
	return r->part == RP_AGENDA ? SC_AGENDA : SC_PARKING;
}

static void room_status(struct app *a, void *state, char *buf, size_t size)
{
	struct room *r = state;

	if (r->part == RP_AGENDA)
		agenda_status(a, r, buf, size);
	else
		park_status(a, r, buf, size);
}

/* Follow mode: "agenda:tradeoffs", "park:12". */
static void room_selection(struct app *a, void *state, char *buf,
			   size_t size)
{
	struct room *r = state;
	const struct park_item *p;

	if (r->part == RP_AGENDA)
		snprintf(buf, size, "agenda:%s", r->agenda.sel < r->ag.n
			 ? stage_id(r->ag.rows[r->agenda.sel].stage) : "");
	else if ((p = park_selected(a, r)))
		snprintf(buf, size, "park:%lld", (long long)p->id);
	else
		snprintf(buf, size, "park:");
}

static bool room_select(struct app *a, void *state, const char *sel)
{
	struct room *r = state;
	const struct workshop_data *d = app_data(a);
	enum stage st;

	if (strncmp(sel, "agenda:", 7) == 0) {
		r->part = RP_AGENDA;
		if (stage_from_id(sel + 7, &st) < 0)
			return true;
		for (size_t i = 0; i < r->ag.n; i++)
			if (r->ag.rows[i].stage == st)
				list_select(&r->agenda, i);
		r->sel_stage = (int)st;
		return true;
	}
	if (strncmp(sel, "park:", 5) == 0) {
		long long id = strtoll(sel + 5, NULL, 10);

		r->part = RP_PARKING;
		for (size_t i = 0; d && i < d->n_parking; i++)
			if (d->parking[i].id == id)
				list_select(&r->lot, i);
		return true;
	}
	return false;
}

const struct screen_ops screen_room_ops = {
	.open = room_open,
	.close = room_close,
	.draw = room_draw,
	.key = room_key,
	.refresh = room_refresh,
	.list = room_list,
	.status = room_status,
	.scope = room_scope,
	.selection = room_selection,
	.select = room_select,
};

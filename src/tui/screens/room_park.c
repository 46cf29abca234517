#include "config.h"
/*
 * The parking lot: what does not belong to the stage at hand, parked so
 * the room can move on.  On the Room screen, every item with who raised
 * it, when, and what became of it (open, taken into the roadmap's next
 * steps, done), the selected one whole below.  Anyone adds, edits (a
 * conflict with someone else's edit gets the dialog every screen uses),
 * marks done or open again, takes an item into the next steps and
 * deletes (asks; u brings it back).  From any screen, L or `:park TEXT`
 * parks an item, and the roadmap picks open items into its next steps.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/room.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

#define COL_BY 14
#define COL_WHEN 11
/* Narrower than this, the item gives up the When column first. */
#define ITEM_MIN 20
/* Rows under the list for the selected item. */
#define DETAIL_ROWS 4

const struct park_item *park_selected(struct app *a, struct room *r)
{
	const struct workshop_data *d = app_data(a);

	return d && r->lot.sel < d->n_parking ? &d->parking[r->lot.sel] : NULL;
}

void park_rebuild(struct app *a, struct room *r)
{
	const struct workshop_data *d = app_data(a);
	size_t n = d ? d->n_parking : 0;
	int64_t target = r->want_item ? r->want_item : r->sel_item;
	const struct park_item *p;

	r->want_item = 0;
	list_set_count(&r->lot, n);
	for (size_t i = 0; target && i < n; i++)
		if (d->parking[i].id == target)
			list_select(&r->lot, i);
	p = park_selected(a, r);
	r->sel_item = p ? p->id : 0;
}

/* "01-05 09:12" (local time), "" when unknown. */
static void when_text(int64_t at, const char *fmt, char *buf, size_t size)
{
	time_t t = (time_t)at;
	struct tm tm;

	buf[0] = '\0';
	if (at > 0 && localtime_r(&t, &tm))
		strftime(buf, size, fmt, &tm);
}

/* The selected item whole, and who raised it when and what it became. */
static void detail(const struct park_item *p, int y, int x, int h, int w)
{
	char when[32], *line;
	int row;

	if (!p || h < 2)
		return;
	draw_role(CR_NORMAL);
	row = room_wrapped(p->text, y, x, w, h - 1 > 2 ? 2 : h - 1);
	when_text(p->added_at, "%Y-%m-%d %H:%M", when, sizeof(when));
	if (p->status == PARK_ROADMAP && !str_empty(p->next_step))
		line = str_printf(_("Raised by %s on %s · became the next step “%s”"),
				  str_empty(p->added_by) ? "?" : p->added_by,
				  when, p->next_step);
	else
		line = str_printf(_("Raised by %s on %s · %s"),
				  str_empty(p->added_by) ? "?" : p->added_by,
				  when, park_status_label(p->status));
	draw_role(CR_DIM);
	room_wrapped(line ? line : "", y + row, x, w, h - row);
	draw_role(CR_NORMAL);
	free(line);
}

/* The status column: as wide as the longest status shown. */
static int status_width(const struct workshop_data *d)
{
	int cw = utf8_width(_("Status"));

	for (size_t i = 0; i < d->n_parking; i++) {
		int lw = utf8_width(park_status_label(d->parking[i].status));

		if (lw > cw)
			cw = lw;
	}
	return cw;
}

void park_draw(struct app *a, struct room *r, int y, int x, int h, int w)
{
	const struct workshop_data *d = app_data(a);
	int cstatus = status_width(d), cwhen = COL_WHEN,
	    citem = w - 2 - COL_BY - cwhen - cstatus - 3, rows;
	struct buf b;

	if (citem < ITEM_MIN) {
		/* The detail below says when. */
		cwhen = 0;
		citem = w - 2 - COL_BY - cstatus - 2;
	}
	if (citem < 10)
		citem = 10;
	list_set_count(&r->lot, d->n_parking);
	r->sel_item = park_selected(a, r) ? park_selected(a, r)->id : 0;
	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, _("Item"), citem, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Raised by"), COL_BY, false);
	buf_putc(&b, ' ');
	if (cwhen) {
		draw_cell(&b, _("When"), cwhen, false);
		buf_putc(&b, ' ');
	}
	draw_cell(&b, _("Status"), cstatus, false);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!d->n_parking) {
		draw_role(CR_DIM);
		draw_clip(y + 1, x + 2,
			  _("Nothing parked yet: n adds an item (L or :park TEXT from any screen)."),
			  w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	rows = h - 1 - (DETAIL_ROWS + 1);
	if (rows < 1)
		rows = 1;
	list_scroll(&r->lot, rows);
	for (int row = 0; row < rows; row++) {
		size_t i = r->lot.top + (size_t)row;
		const struct park_item *p;
		char when[32];
		bool sel;

		if (i >= d->n_parking)
			break;
		p = &d->parking[i];
		sel = i == r->lot.sel;
		when_text(p->added_at, "%m-%d %H:%M", when, sizeof(when));
		b.len = 0;
		buf_puts(&b, sel ? "› " : "  ");
		draw_cell(&b, p->text, citem, false);
		buf_putc(&b, ' ');
		draw_cell(&b, str_empty(p->added_by) ? "?" : p->added_by,
			  COL_BY, false);
		buf_putc(&b, ' ');
		if (cwhen) {
			draw_cell(&b, when, cwhen, false);
			buf_putc(&b, ' ');
		}
		draw_cell(&b, park_status_label(p->status), cstatus, false);
		draw_role(sel ? CR_SELECTED : p->status == PARK_OPEN
			  ? CR_NORMAL : CR_DIM);
		draw_line(y + 1 + row, x, buf_str(&b), w);
	}
	if (r->lot.top + (size_t)rows < d->n_parking) {
		draw_role(CR_DIM);
		draw_text(y + rows, x + w - 1, "↓", 1);
	}
	buf_free(&b);
	draw_role(CR_DIM);
	draw_hline(y + 1 + rows, x, w);
	detail(park_selected(a, r), y + 2 + rows, x + 2, h - 2 - rows, w - 3);
}

void park_status(struct app *a, struct room *r, char *buf, size_t size)
{
	const struct workshop_data *d = app_data(a);
	size_t open = 0;

	(void)r;
	for (size_t i = 0; i < d->n_parking; i++)
		open += d->parking[i].status == PARK_OPEN;
	snprintf(buf, size, _("%zu parked · %zu open"), d->n_parking, open);
}

/* ---- parking from anywhere -------------------------------------------------- */
/* Park text; false when it was not saved and the editor should stay. */
static bool park_add(struct app *a, const char *text)
{
	struct room *r = room_state(a);
	struct sess_result res = { 0 };
	bool keep;

	if (session_park_add(a->s, text, &res) == ST_OK && r)
		r->want_item = res.id;
	keep = res.status == SESS_BUSY || res.status == SESS_FAILED;
	app_result(a, &res, _("parked: %s"), text);
	sess_result_clear(&res);
	return !keep;
}

static bool park_new_done(struct app *a, struct modal *m, bool ok)
{
	char *t;
	bool done;

	if (!ok)
		return true;
	t = edit_text_trimmed(m, _("a parking-lot item needs some text (Esc cancels)"));
	if (!t)
		return false;
	done = park_add(a, t);
	free(t);
	return done;
}

void room_park(struct app *a, const char *text)
{
	struct modal *m;

	if (app_refuse_readonly(a))
		return;
	if (!app_ws(a)) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first: the parking lot is a workshop's"));
		return;
	}
	if (text && *text) {
		park_add(a, text);
		return;
	}
	m = lineedit_new(_("Park an item"), "",
			 _("one line · Enter park · Esc cancel"), park_new_done);
	if (m)
		m->scope = SC_EDIT;
	app_push(a, m);
}

/* ---- the Room's keys ------------------------------------------------------- */
static bool edit_done(struct app *a, struct modal *m, bool ok)
{
	char *t, *label;
	int rc;

	if (!ok)
		return true;
	t = edit_text_trimmed(m, _("an item needs some text (d on the list deletes it)"));
	if (!t)
		return false;
	/* Named by its text when the edit began, in the conflict dialog. */
	label = str_printf(_("the parking-lot item “%s”"), m->base ? m->base : "");
	rc = app_save_text(a, session_park_edit, m->id, t, m->version,
			   label ? label : "");
	free(label);
	free(t);
	/* A conflict opened the dialog; any other failure was said and
	 * keeps the editor open with what was typed. */
	if (rc < 0)
		return rc == ST_CONFLICT;
	app_msg(a, MSG_OK, "%s", _("saved: the parking-lot item"));
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result res = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_park_delete(a->s, m->id, m->version, &res);
	app_result(a, &res, _("deleted “%s” (u brings it back)"), m->key);
	sess_result_clear(&res);
	return true;
}

static void take(struct app *a, const struct park_item *p)
{
	struct sess_result res = { 0 };
	size_t at = app_data(a)->next_steps.n + 1;

	if (p->status == PARK_ROADMAP) {
		app_msg(a, MSG_INFO, _("already taken into the roadmap: the next step “%s”"),
			str_empty(p->next_step) ? p->text : p->next_step);
		return;
	}
	session_park_take(a->s, p->id, &res);
	app_result(a, &res, _("taken into the roadmap as next step %zu (9 shows it; u takes it back)"),
		   at);
	sess_result_clear(&res);
}

enum reaction park_key(struct app *a, struct room *r, enum action act)
{
	const struct park_item *p = park_selected(a, r);
	struct sess_result res = { 0 };
	char where[64], *q;

	if (act == A_PL_NEW) {
		room_park(a, NULL);
		return R_DONE;
	}
	if (act != A_PL_EDIT && act != A_PL_DONE && act != A_PL_TAKE &&
	    act != A_PL_DELETE)
		return R_PASS;
	if (!p) {
		app_msg(a, MSG_WARN, "%s", _("nothing parked yet: n adds an item"));
		return R_DONE;
	}
	switch (act) {
	case A_PL_EDIT:
		snprintf(where, sizeof(where), "park:%lld", (long long)p->id);
		app_edit(a, &(struct edit_req){
			.where = where, .title = _("Parking-lot item"),
			.init = p->text,
			.hint = _("one line · Enter save · Esc cancel"),
			.done = edit_done, .id = p->id, .version = p->version });
		return R_DONE;
	case A_PL_DONE:
		if (p->status == PARK_DONE)
			session_park_reopen(a->s, p->id, &res);
		else
			session_park_done(a->s, p->id, &res);
		app_result(a, &res, p->status == PARK_DONE
			   ? _("open again: “%s”") : _("done: “%s” (x opens it again)"),
			   p->text);
		sess_result_clear(&res);
		return R_DONE;
	case A_PL_TAKE:
		take(a, p);
		return R_DONE;
	default:
		q = str_printf(_("Delete the parking-lot item “%s”? (u brings it back)"),
			       p->text);
		app_confirm(a, &(struct confirm_req){
			.title = _("Delete item"), .question = q,
			.done = delete_done, .id = p->id, .version = p->version,
			.key = p->text });
		free(q);
		return R_DONE;
	}
}

/* ---- the roadmap's picker ------------------------------------------------------ */
static bool take_done(struct app *a, struct modal *m, bool ok)
{
	const int64_t *ids = m->ctx;
	size_t n = picker_count(m), taken = 0, any = 0;
	size_t at = app_data(a)->next_steps.n + 1;
	struct sess_result res = { 0 };

	if (!ok)
		return true;
	for (size_t i = 0; i < n; i++)
		any += picker_checked(m, i);
	for (size_t i = 0; i < n; i++) {
		/* Nothing ticked: the one under the cursor. */
		if (any ? !picker_checked(m, i) : i != picker_selected(m))
			continue;
		session_park_take(a->s, ids[i], &res);
		if (!sess_ok(&res)) {
			app_result(a, &res, NULL);
			sess_result_clear(&res);
			return true;
		}
		sess_result_clear(&res);
		taken++;
	}
	if (taken == 1)
		app_msg(a, MSG_OK, _("taken from the parking lot as next step %zu (u takes it back)"),
			at);
	else
		app_msg(a, MSG_OK, ngettext("taken from the parking lot: %zu item, next steps %zu-%zu",
					    "taken from the parking lot: %zu items, next steps %zu-%zu",
					    taken), taken, at, at + taken - 1);
	return true;
}

void room_take_from_lot(struct app *a)
{
	const struct workshop_data *d = app_data(a);
	const char **labels;
	int64_t *ids;
	size_t n = 0;
	struct modal *m;

	for (size_t i = 0; i < d->n_parking; i++)
		n += d->parking[i].status == PARK_OPEN;
	if (!n) {
		app_msg(a, MSG_INFO, "%s", _("no open item in the parking lot (L parks one)"));
		return;
	}
	labels = calloc(n, sizeof(*labels));
	ids = calloc(n, sizeof(*ids));
	if (!labels || !ids) {
		free(labels);
		free(ids);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	n = 0;
	for (size_t i = 0; i < d->n_parking; i++) {
		if (d->parking[i].status != PARK_OPEN)
			continue;
		ids[n] = d->parking[i].id;
		labels[n++] = d->parking[i].text;
	}
	m = picker_new(PICK_MANY, _("Take into the next steps"), labels, n, 0,
		       take_done);
	free(labels);
	if (!m) {
		free(ids);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->scope = SC_PICKER;
	m->ctx = ids;
	m->ctx_free = free;
	app_push(a, m);
}

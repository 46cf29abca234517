#include "config.h"
/*
 * layout: how the screen is divided: the title bar (workshop, stage, who
 * you are, who else is here), the tab bar of the workflow screens, the
 * read-only banner, the current screen's body, the message line, the
 * status bar with the keys that matter here, the modals on top, and the
 * "terminal too small" notice.
 */

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/room.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

/* "charrette · TITLE · Stage 9:05 · 2/3 ready · who · with others ·
 * read-only": the workshop title gives way (with "…") so the rest always
 * shows.  The stage is the room's (the one the countdown runs on); an
 * overrun countdown ("+1:30") is drawn as a warning. */
static void draw_title(struct app *a)
{
	struct buf head, tail;
	struct room_title rt;
	const char *who = session_who(a->s);
	int x, room;

	room_title(a, &rt);
	buf_init(&head);
	buf_init(&tail);
	if (app_data(a))
		buf_printf(&head, " · %s", stage_label(session_room_stage(a->s)));
	if (rt.timer[0])
		buf_printf(&head, " %s%s", rt.timer, rt.paused ? _(" paused") : "");
	if (rt.ready[0])
		buf_printf(&tail, " · %s", rt.ready);
	buf_printf(&tail, " · %s", who ? who : "?");
	if (session_following(a->s) && session_facilitator(a->s))
		buf_printf(&tail, " · %s %s", _("following"), session_facilitator(a->s));
	if (session_others(a->s)->n) {
		char *with = strv_join(session_others(a->s), ", ");

		buf_printf(&tail, " · %s %s", _("with"), with ? with : "");
		free(with);
	}
	if (app_read_only(a))
		buf_printf(&tail, " · %s", _("read-only"));
	draw_role(CR_TITLE);
	draw_fill(0, 0, 1, a->t.cols);
	x = draw_text(0, 0, " charrette", a->t.cols);
	if (app_data(a)) {
		x += draw_text(0, x, " · ", a->t.cols - x);
		room = a->t.cols - x - utf8_width(buf_str(&head)) -
		       utf8_width(buf_str(&tail));
		if (room < 8)
			room = 8;
		x += draw_clip(0, x, app_data(a)->ws.title, room);
	}
	if (rt.timer[0] && x < a->t.cols) {
		/* The stage, then its countdown in the warning colour once
		 * it has run out. */
		size_t cut = head.len - strlen(rt.timer) - 1 -
			     (rt.paused ? strlen(_(" paused")) : 0);
		char *stage = str_ndup(buf_str(&head), cut);

		x += draw_clip(0, x, stage ? stage : "", a->t.cols - x);
		free(stage);
		if (rt.overrun)
			draw_role(CR_WARNING);
		x += draw_clip(0, x, buf_str(&head) + cut, a->t.cols - x);
		draw_role(CR_TITLE);
	} else if (x < a->t.cols) {
		x += draw_clip(0, x, buf_str(&head), a->t.cols - x);
	}
	if (x < a->t.cols)
		draw_clip(0, x, buf_str(&tail), a->t.cols - x);
	buf_free(&head);
	buf_free(&tail);
}

/*
 * Tabs: " N Title " each, side by side.  Full titles when they all fit,
 * else short ones, else numbers; the active tab always shows its full
 * title.  A screen without a number (History, Room, Wrap-up) has a tab
 * only while it is shown, " History ", after the numbered ones.  tab_label() is the one layout that
 * drawing and mouse clicks use; it gives "" for a tab not shown.
 */
static int tab_mode(struct app *a);

static void tab_label(struct app *a, size_t i, int mode, char *buf,
		      size_t size)
{
	const char *t = mode == 0 || i == a->cur ? _(tui_screens[i].title)
			: mode == 1 ? _(tui_screens[i].short_title) : "";

	if (tui_screens[i].number == 0 && i != a->cur)
		snprintf(buf, size, "%s", "");
	else if (tui_screens[i].number == 0)
		snprintf(buf, size, " %s ", _(tui_screens[i].title));
	else
		snprintf(buf, size, " %d%s%s ", tui_screens[i].number,
			 *t ? " " : "", t);
}

static int tab_mode(struct app *a)
{
	for (int mode = 0; mode < 2; mode++) {
		int width = 0;

		for (size_t i = 0; i < tui_n_screens; i++) {
			char lab[128];

			tab_label(a, i, mode, lab, sizeof(lab));
			width += utf8_width(lab);
		}
		if (width <= a->t.cols)
			return mode;
	}
	return 2;
}

static void draw_tabs(struct app *a)
{
	int mode = tab_mode(a), x = 0;

	draw_role(CR_TAB);
	draw_fill(1, 0, 1, a->t.cols);
	for (size_t i = 0; i < tui_n_screens && x < a->t.cols; i++) {
		char lab[128];

		tab_label(a, i, mode, lab, sizeof(lab));
		draw_role(i == a->cur ? CR_TAB_ACTIVE : CR_TAB);
		/* Screens that need a workshop are dimmed until one is open. */
		if (tui_screens[i].needs_workshop && !app_ws(a) && i != a->cur)
			attron(A_DIM);
		x += draw_text(1, x, lab, a->t.cols - x);
	}
	draw_role(CR_NORMAL);
}

/* Which tab is at column x of the tab bar (0 = none). */
int app_tab_at(struct app *a, int x)
{
	int mode = tab_mode(a), pos = 0;

	for (size_t i = 0; i < tui_n_screens; i++) {
		char lab[128];
		int w;

		tab_label(a, i, mode, lab, sizeof(lab));
		w = utf8_width(lab);
		if (x >= pos && x < pos + w)
			return tui_screens[i].number > 0 ? tui_screens[i].number
							 : 0;
		pos += w;
	}
	return 0;
}

/* One "key label" hint, drawn only when it fits whole. */
static void bar_item(int y, int *x, int maxx, const char *key,
		     const char *label)
{
	int need = utf8_width(key) + 1 + utf8_width(label);

	if (*x + need > maxx)
		return;
	draw_role(CR_KEY);
	*x += draw_text(y, *x, key, maxx - *x);
	draw_role(CR_BAR);
	*x += draw_text(y, *x, " ", maxx - *x);
	*x += draw_text(y, *x, label, maxx - *x);
	if (*x + 2 <= maxx)
		*x += draw_text(y, *x, "  ", maxx - *x);
}

/* The scope's hints; `skip` (A_NONE for none) is one not to show. */
static void bar_scope(int y, int *x, int maxx, enum scope sc, enum action skip)
{
	for (size_t i = 0; i < tui_n_keys; i++) {
		char nm[32];

		if (tui_keys[i].scope != sc || !tui_keys[i].bar ||
		    (skip != A_NONE && tui_keys[i].action == skip))
			continue;
		/* A range of keys shows as its label ("1-9"). */
		if (tui_keys[i].label)
			snprintf(nm, sizeof(nm), "%s", tui_keys[i].label);
		else
			key_describe(key_parse(tui_keys[i].keys[0]), nm,
				     sizeof(nm));
		bar_item(y, x, maxx, nm, _(tui_keys[i].bar));
	}
}

static void draw_status(struct app *a)
{
	int y = a->t.rows - 1, x = 1, right = 0, maxx;
	struct list *l;
	char rbuf[128] = "";
	const struct screen_def *sd = &tui_screens[a->cur];

	draw_role(CR_BAR);
	draw_fill(y, 0, 1, a->t.cols);
	l = a->n_modals ? NULL : app_cur_list(a);
	if (l && l->search) {
		/* A search shows its text and where it is, as tig does. */
		size_t pos, n = list_search_count(l, &pos);

		if (pos)
			snprintf(rbuf, sizeof(rbuf), _("/%s · match %zu of %zu"),
				 l->search, pos, n);
		else if (n)
			snprintf(rbuf, sizeof(rbuf),
				 ngettext("/%s · %zu match (n goes to it)",
					  "/%s · %zu matches (n goes on)", n),
				 l->search, n);
		else
			snprintf(rbuf, sizeof(rbuf), _("/%s · no match"), l->search);
	} else if (!a->n_modals && sd->ops->status && a->opened[a->cur] &&
		   (!sd->needs_workshop || app_data(a))) {
		sd->ops->status(a, a->state[a->cur], rbuf, sizeof(rbuf));
	}
	if (*rbuf) {
		right = utf8_width(rbuf) + 2;
		if (right > a->t.cols / 2)
			right = a->t.cols / 2;
		draw_clip(y, a->t.cols - right + 1, rbuf, right - 2);
	}
	maxx = a->t.cols - right;
	if (a->n_modals) {
		struct modal *m = a->modals[a->n_modals - 1];
		const struct strv *eb = edit_bar(m) ? edit_bar(m)
						     : conflict_bar(m);

		/* An editor's bar says what its keys do here, from the
		 * opener's hint ("Enter next (weeks)"). */
		for (size_t i = 0; eb && i + 1 < eb->n; i += 2)
			bar_item(y, &x, maxx, eb->v[i], eb->v[i + 1]);
		if (eb) {
			draw_role(CR_NORMAL);
			return;
		}
		/* Pickers share one scope; Space toggles only where several
		 * options can be chosen. */
		bar_scope(y, &x, maxx, m->scope,
			  m->scope == SC_PICKER && !picker_is_many(m)
			  ? A_PK_TOGGLE : A_NONE);
		if (m->scope == SC_TEXT)
			bar_item(y, &x, maxx, "Esc", _("cancel"));
		draw_role(CR_NORMAL);
		return;
	}
	bar_item(y, &x, maxx, "?", _("help"));
	bar_scope(y, &x, maxx, sd->ops->scope && a->opened[a->cur] &&
		  (!sd->needs_workshop || app_data(a))
		  ? sd->ops->scope(a, a->state[a->cur]) : sd->scope, A_NONE);
	bar_item(y, &x, maxx, "q", sd->number == 0 ? _("back") : _("quit"));
	draw_role(CR_NORMAL);
}

static void draw_message(struct app *a)
{
	static const enum role roles[] = { CR_NORMAL, CR_OK, CR_WARNING, CR_ERROR };

	/* A message too long for the line ends with "…", so that it never
	 * looks complete when it is not. */
	draw_role(roles[a->msg_kind]);
	draw_fill(a->t.rows - 2, 0, 1, a->t.cols);
	draw_clip(a->t.rows - 2, 0, a->msg, a->t.cols);
	draw_role(CR_NORMAL);
}

static void draw_too_small(struct app *a)
{
	char l1[64], l2[96];
	int y = a->t.rows / 2 - 1;

	snprintf(l1, sizeof(l1), "%s", _("terminal too small"));
	snprintf(l2, sizeof(l2), _("need %d×%d, have %d×%d"), APP_MIN_W,
		 APP_MIN_H, a->t.cols, a->t.rows);
	draw_role(CR_WARNING);
	draw_text(y < 0 ? 0 : y, (a->t.cols - utf8_width(l1)) / 2 > 0 ?
		  (a->t.cols - utf8_width(l1)) / 2 : 0, l1, a->t.cols);
	draw_role(CR_NORMAL);
	if (y + 1 < a->t.rows)
		draw_text(y + 1, (a->t.cols - utf8_width(l2)) / 2 > 0 ?
			  (a->t.cols - utf8_width(l2)) / 2 : 0, l2, a->t.cols);
}

/*
 * What a frame shows besides the current screen's own state and the
 * title bar's countdown: the screen, its modals, the data, the terminal's
 * size, who is here.  A light frame (the title bar, the status and message
 * lines and what the screen says changed) is drawn only while this is what
 * the last full frame showed.
 */
static uint64_t frame_sig(const struct app *a)
{
	uint64_t h = 1469598103934665603ULL;
	const struct strv *others = session_others(a->s);
	uint64_t parts[] = {
		a->cur + 1, a->n_modals, a->shown_gen, (uint64_t)a->t.rows,
		(uint64_t)a->t.cols, a->t.too_small, app_read_only(a),
		session_following(a->s), others->n, a->presenting,
	};

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		h = (h ^ parts[i]) * 1099511628211ULL;
	for (size_t i = 0; i < others->n; i++)
		for (const char *p = others->v[i]; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h ? h : 1;
}

/* The body rectangle under the title, tabs and banner. */
static int body_top(const struct app *a)
{
	return app_read_only(a) ? 3 : 2;
}

void app_draw_frame(struct app *a)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	uint64_t sig = frame_sig(a);
	int top = body_top(a);
	bool covered = false;

	/* A modal that draws nothing over the screen (side by side) lets
	 * the screen draw a light frame; any other wants a full one. */
	for (size_t i = 0; i < a->n_modals; i++)
		covered = covered || !a->modals[i]->transparent;
	if (a->t.frame == sig && !covered && !a->presenting && sd->ops->draw_light &&
	    a->opened[a->cur] &&
	    (!sd->needs_workshop || app_data(a)) &&
	    sd->ops->draw_light(a, a->state[a->cur], top, 0,
				a->t.rows - 2 - top, a->t.cols)) {
		/* The title too: the countdown and the ready count move
		 * without anything else changing. */
		draw_title(a);
		draw_message(a);
		draw_status(a);
		return;
	}
	app_draw(a);
	a->t.frame = sig;
}

static void draw_modals(struct app *a)
{
	for (size_t i = 0; i < a->n_modals; i++) {
		if (i + 1 == a->n_modals)
			curs_set(0);
		a->modals[i]->ops->draw(a->modals[i], a, a->t.rows, a->t.cols);
	}
}

void app_draw(struct app *a)
{
	const struct screen_def *sd;
	int top = 2, h;

	draw_role(CR_NORMAL);
	erase();
	curs_set(0);
	if (a->t.too_small) {
		draw_too_small(a);
		return;
	}
	if (a->presenting) {
		presenter_draw(a);
		draw_modals(a);
		return;
	}
	sd = &tui_screens[a->cur];
	draw_title(a);
	draw_tabs(a);
	if (app_read_only(a)) {
		draw_role(CR_BANNER);
		draw_line(2, 0, _(" READ-ONLY: browsing only; edits are refused"),
			  a->t.cols);
		top = 3;
	}
	h = a->t.rows - 2 - top;
	draw_role(CR_NORMAL);
	if (a->opened[a->cur] && (!sd->needs_workshop || app_data(a)))
		sd->ops->draw(a, a->state[a->cur], top, 0, h, a->t.cols);
	draw_message(a);
	draw_status(a);
	draw_modals(a);
}

int app_save_display(struct app *a, const char *path, struct error *e)
{
	app_draw(a);
	return draw_save_display(path, e);
}


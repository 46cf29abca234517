#include "config.h"
/*
 * navigate: which screen is shown and which workshop is open: going to a
 * screen by number or id (opening its state the first time), closing a
 * view back to the screen before it, opening and closing a workshop, and
 * rebuilding the opened screens when the session's data changed.
 */

#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- workshop data ----------------------------------------------------- */
static void refresh_screens(struct app *a)
{
	a->shown_gen = session_generation(a->s);
	for (size_t i = 0; i < tui_n_screens; i++)
		if (a->opened[i] && tui_screens[i].ops->refresh)
			(tui_screens[i].ops->refresh)(a, a->state[i]);
}

void app_close_screens(struct app *a, bool all)
{
	for (size_t i = 0; i < tui_n_screens; i++) {
		if (!a->opened[i] || (!all && !tui_screens[i].needs_workshop))
			continue;
		if (tui_screens[i].ops->close)
			tui_screens[i].ops->close(a, a->state[i]);
		a->state[i] = NULL;
		a->opened[i] = false;
	}
}


/* The open workshop is gone: back to the list. */
void app_workshop_gone(struct app *a)
{
	app_close_screens(a, false);
	a->cur = app_screen_index(1);
	app_msg(a, MSG_WARN, "%s", _("the workshop was deleted by someone else"));
}

void app_refresh(struct app *a)
{
	const char *note;

	if (a->shown_gen != session_generation(a->s))
		refresh_screens(a);
	if ((note = session_notice(a->s)))
		app_msg(a, MSG_INFO, "%s", note);
}

int app_reload(struct app *a)
{
	struct error e;
	int rc;

	err_clear(&e);
	rc = session_reload(a->s, &e);
	if (rc == ST_NOTFOUND) {
		session_close(a->s);
		app_workshop_gone(a);
	} else if (rc < 0) {
		app_msg(a, MSG_ERROR, "%s", e.msg);
	}
	refresh_screens(a);
	return rc;
}

size_t app_screen_index(int number)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (tui_screens[i].number == number)
			return i;
	return (size_t)-1;
}

bool app_open_screen(struct app *a, size_t i)
{
	if (a->opened[i])
		return true;
	if (tui_screens[i].ops->open &&
	    tui_screens[i].ops->open(a, &a->state[i]) < 0) {
		app_msg(a, MSG_ERROR, _("cannot open the %s screen"),
			_(tui_screens[i].title));
		return false;
	}
	a->opened[i] = true;
	return true;
}

/*
 * A workshop's stage is the furthest workflow screen anyone has worked on:
 * moving forward to screen N (2 = interview ... 9 = roadmap) records it,
 * so the list, the title and the next opening show where the room is.
 * Going back never lowers it.  Observers record nothing.
 */
static void advance_stage(struct app *a, int number)
{
	if (number >= 2 && number <= 9)
		session_reach_stage(a->s, (enum stage)(number - 2));
}

static bool goto_index(struct app *a, size_t i, int number)
{
	if (i >= tui_n_screens)
		return false;
	if (tui_screens[i].needs_workshop && !app_ws(a)) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first (Enter on the list)"));
		return false;
	}
	if (!app_open_screen(a, i))
		return false;
	if (a->cur != i) {
		if (tui_screens[a->cur].number > 0)
			a->back = a->cur;
		a->cur = i;
		if (tui_screens[i].ops->entered)
			tui_screens[i].ops->entered(a, a->state[i]);
		app_presence_beat(a, true);
	}
	advance_stage(a, number);
	return true;
}

bool app_goto(struct app *a, int number)
{
	return goto_index(a, app_screen_index(number), number);
}

bool app_goto_id(struct app *a, const char *id)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (str_eq(tui_screens[i].id, id))
			return goto_index(a, i, tui_screens[i].number);
	return false;
}

void app_close_view(struct app *a)
{
	if (tui_screens[a->cur].number != 0)
		return;
	if (a->back < tui_n_screens &&
	    (!tui_screens[a->back].needs_workshop || app_ws(a)))
		a->cur = a->back;
	else
		a->cur = app_screen_index(1);
	app_presence_beat(a, true);
}

void app_close_workshop(struct app *a)
{
	session_follow_stop(a->s);
	app_close_screens(a, false);
	session_close(a->s);
	a->cur = app_screen_index(1);
	refresh_screens(a);
}

int app_open_workshop(struct app *a, int64_t id, int screen)
{
	struct error e;
	int rc;

	if (app_ws(a) != id)
		app_close_screens(a, false);
	err_clear(&e);
	rc = session_open(a->s, id, &e);
	if (rc < 0) {
		app_error(a, &e);
		a->cur = app_screen_index(1);
		refresh_screens(a);
		return rc;
	}
	refresh_screens(a);
	if (screen == 0) {
		/* Open where the workshop stands: the screen of its stage. */
		int st = (int)app_data(a)->ws.stage;

		screen = st >= (int)STAGE_DONE ? 2 : st + 2;
		if (app_screen_index(screen) == (size_t)-1)
			screen = 2;
	}
	if (!app_goto(a, screen))
		app_goto(a, 1);
	app_presence_beat(a, true);
	/* Its creator opening it for the first time facilitates it. */
	session_claim_new(a->s);
	return ST_OK;
}

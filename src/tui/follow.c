#include "config.h"
/*
 * follow: the facilitator and follow mode, as the terminal shows them.
 * The session knows who facilitates, publishes positions and tells when
 * the facilitator moved; this file turns a screen and its selection into
 * a position and back: where I am (for the others to follow), and moving
 * a follower to where the facilitator is.  A position names the selected
 * item (a risk's key, an ADR's number), not a row number, so a follower
 * who sorts differently lands on the same item; and a follower whose
 * editor or dialog is open stays put until they close it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"

/* The selection part of the current position ("" when nothing). */
static void cur_selection(struct app *a, char *buf, size_t size)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	void *st = a->state[a->cur];

	buf[0] = '\0';
	if (!a->opened[a->cur] || (sd->needs_workshop && !app_data(a)))
		return;
	if (sd->ops->selection) {
		sd->ops->selection(a, st, buf, size);
	} else if (sd->ops->list) {
		struct list *l = sd->ops->list(a, st);

		if (l && l->n && sd->ops->item)
			sd->ops->item(a, st, l->sel, buf, size);
		if (l && l->n && !buf[0])
			snprintf(buf, size, "#%zu", l->sel);
	}
}

/* Select the row holding item `sel` (by the screen's item hook), else row
 * "#N"; true when found. */
static bool select_item(struct app *a, const struct screen_def *sd, void *st,
			const char *sel)
{
	struct list *l = sd->ops->list ? sd->ops->list(a, st) : NULL;
	char buf[256];

	if (!l)
		return false;
	if (sel[0] == '#') {
		char *end;
		unsigned long n = strtoul(sel + 1, &end, 10);

		if (*end || n >= l->n)
			return false;
		list_select(l, (size_t)n);
		return true;
	}
	for (size_t i = 0; sd->ops->item && i < l->n; i++) {
		buf[0] = '\0';
		sd->ops->item(a, st, i, buf, sizeof(buf));
		if (buf[0] && str_eq(buf, sel)) {
			list_select(l, i);
			return true;
		}
	}
	return false;
}

static const struct screen_def *screen_by_id(const char *id)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (str_eq(tui_screens[i].id, id))
			return &tui_screens[i];
	return NULL;
}

/*
 * A follower whose editor or dialog is open is never moved: they are told
 * once where the facilitator went and follow when they close it.
 */
static void follow_wait(struct app *a)
{
	const struct sess_role *role = session_role(a->s);
	const struct screen_def *sd;
	char *screen;

	if (!session_follow_waiting(a->s, &screen))
		return;
	sd = screen_by_id(screen);
	app_msg(a, MSG_INFO, edit_is_editor(a->modals[a->n_modals - 1])
		? _("%s moved to %s — you follow when you close the editor")
		: _("%s moved to %s — you follow when you close this"),
		role->holder ? role->holder : _("the facilitator"),
		sd ? _(sd->title) : screen);
	free(screen);
	a->dirty = true;
}

void app_presence_beat(struct app *a, bool now)
{
	char sel[256];

	cur_selection(a, sel, sizeof(sel));
	session_publish(a->s, tui_screens[a->cur].id, sel, now);
}

void follow_stop(struct app *a, const char *why)
{
	if (!session_following(a->s))
		return;
	session_follow_stop(a->s);
	app_msg(a, MSG_INFO, _("stopped following %s%s (F follows again)"),
		session_facilitator(a->s) ? session_facilitator(a->s) : "",
		why ? why : "");
}

/* Move to where the facilitator is, if that changed. */
static void follow_apply(struct app *a)
{
	char *screen, *sel;
	size_t i;

	/* Someone typing is never moved: they follow once they close it. */
	if (a->n_modals) {
		if (session_following(a->s))
			follow_wait(a);
		return;
	}
	if (!session_follow_next(a->s, &screen, &sel))
		return;

	for (i = 0; i < tui_n_screens; i++)
		if (str_eq(tui_screens[i].id, screen))
			break;
	/* Told to wait for this move: say that it happened now. */
	if (session_follow_told(a->s, screen, sel))
		app_msg(a, MSG_INFO, _("following %s: now on %s"),
			session_role(a->s)->holder ? session_role(a->s)->holder
						   : _("the facilitator"),
			i < tui_n_screens ? _(tui_screens[i].title) : screen);
	if (i < tui_n_screens && app_goto_id(a, tui_screens[i].id) && *sel &&
	    a->opened[a->cur]) {
		const struct screen_def *sd = &tui_screens[a->cur];
		void *st = a->state[a->cur];

		if (sd->ops->select)
			sd->ops->select(a, st, sel);
		else
			select_item(a, sd, st, sel);
	}
	free(screen);
	free(sel);
}

void follow_toggle(struct app *a)
{
	struct sess_result r = { 0 };

	if (session_following(a->s)) {
		follow_stop(a, NULL);
		return;
	}
	session_follow_start(a->s, &r);
	app_msg(a, r.status == SESS_REFUSED ? MSG_WARN : MSG_INFO, "%s", r.msg);
	sess_result_clear(&r);
	follow_apply(a);
}

void follow_tick(struct app *a)
{
	app_publish_editing(a);
	if (session_is_facilitator(a->s))
		app_presence_beat(a, true);
	follow_role_requests(a);
	follow_apply(a);
}

static bool take_role_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	(void)m;
	if (!ok)
		return true;
	session_take_role(a->s, &r);
	app_result(a, &r, NULL);
	sess_result_clear(&r);
	return true;
}

void follow_take_role(struct app *a)
{
	const struct workshop_data *d = app_data(a);
	const struct sess_role *role = session_role(a->s);
	char *q;

	if (!d) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first"));
		return;
	}
	if (app_refuse_readonly(a))
		return;
	if (role->mine) {
		app_msg(a, MSG_INFO, "%s", _("you are already the facilitator"));
		return;
	}
	q = role->holder && role->present
		? str_printf(_("Ask %s for the facilitator role of “%s”? It passes to you when they say yes."),
			     role->holder, d->ws.title)
		: role->holder
		? str_printf(_("Take the facilitator role of “%s” from %s, who is away? Whoever follows will follow you."),
			     d->ws.title, role->holder)
		: str_printf(_("Become the facilitator of “%s”? The others can then follow you."),
			     d->ws.title);
	app_confirm(a, &(struct confirm_req){ .title = _("Facilitate"),
		    .question = q, .done = take_role_done });
	free(q);
}

/* The holder is asked for the role: once per request, y or n. */
static bool request_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	(void)m;
	session_answer_role(a->s, ok, &r);
	app_result(a, &r, NULL);
	sess_result_clear(&r);
	return true;
}

void follow_role_requests(struct app *a)
{
	const struct sess_role *role = session_role(a->s);
	char *q;

	if (!role->mine || !role->request_name || role->declined ||
	    role->version == a->role_asked || app_has_modal(a))
		return;
	a->role_asked = role->version;
	q = str_printf(_("%s asks for the facilitator role. Hand it over? (n: you stay the facilitator)"),
		       role->request_name);
	app_confirm(a, &(struct confirm_req){ .title = _("Facilitator role"),
		    .question = q, .done = request_done });
	free(q);
	a->dirty = true;
}

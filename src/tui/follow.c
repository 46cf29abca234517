#include "config.h"
/*
 * follow: the facilitator and follow mode.  The facilitator of a workshop
 * is the `facilitator` field (its creator on first open, or whoever takes
 * the role with :facilitate).  Every process publishes its position —
 * screen id and selection — with its presence heartbeat; the facilitator's
 * process publishes at once whenever it moves.  A follower reads the
 * facilitator's newest heartbeat on every idle tick and moves there, until
 * the follower moves on their own or presses F again.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "store/store.h"
#include "store/store_share.h"
#include "tui/app.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"

/* The selection part of the current position ("" when nothing). */
static void cur_selection(struct app *a, char *buf, size_t size)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	void *st = a->state[a->cur];

	buf[0] = '\0';
	if (!a->opened[a->cur] || (sd->needs_workshop && !a->d))
		return;
	if (sd->ops->selection) {
		sd->ops->selection(a, st, buf, size);
	} else if (sd->ops->list) {
		struct list *l = sd->ops->list(a, st);

		if (l && l->n)
			snprintf(buf, size, "#%zu", l->sel);
	}
}

char *follow_position(struct app *a)
{
	char sel[256];

	cur_selection(a, sel, sizeof(sel));
	return str_printf("%s|%s", tui_screens[a->cur].id, sel);
}

void app_presence_beat(struct app *a)
{
	struct error e;
	char sel[256];

	if (a->read_only)
		return;
	cur_selection(a, sel, sizeof(sel));
	err_clear(&e);
	if (store_presence_beat(a->store, a->ws, tui_screens[a->cur].id,
				*sel ? sel : NULL, &e) == 0) {
		free(a->published);
		a->published = follow_position(a);
	}
}

void follow_reloaded(struct app *a)
{
	const char *fac = a->d && !str_empty(a->d->ws.facilitator)
			  ? a->d->ws.facilitator : NULL;

	if (!str_eq(fac, a->facilitator)) {
		free(a->facilitator);
		a->facilitator = str_dup(fac);
		free(a->followed);
		a->followed = NULL;
	}
	a->is_facilitator = fac &&
		(share_same_person(store_who(a->store), fac) ||
		 str_eq(store_who(a->store), fac));
	if (a->following && (!fac || a->is_facilitator)) {
		a->following = false;
		app_msg(a, MSG_INFO, "%s", a->is_facilitator
			? _("you are the facilitator now: the others can follow you")
			: _("stopped following: the workshop has no facilitator"));
	}
}

void follow_workshop_opened(struct app *a)
{
	struct error e;
	char *creator = NULL;

	follow_reloaded(a);
	if (!a->d || a->facilitator || a->read_only)
		return;
	err_clear(&e);
	if (store_share_creator(a->store, a->ws, &creator, &e) == 0 &&
	    creator && str_eq(creator, store_who(a->store)) &&
	    store_update(a->store, "workshop", a->ws, "facilitator",
			 store_who(a->store), a->d->ws.version, NULL, &e) == 0)
		app_reload(a);   /* quietly: :who shows it */
	free(creator);
}

void follow_stop(struct app *a, const char *why)
{
	if (!a->following)
		return;
	a->following = false;
	free(a->followed);
	a->followed = NULL;
	app_msg(a, MSG_INFO, _("stopped following %s%s (F follows again)"),
		a->facilitator ? a->facilitator : "", why ? why : "");
}

/* Move to where the facilitator is, if that changed. */
static void follow_apply(struct app *a)
{
	struct share_pos p;
	struct error e;
	char *pos;
	const char *sel;
	size_t i;

	if (!a->following || !a->ws || !a->facilitator || a->n_modals)
		return;
	err_clear(&e);
	if (store_share_position(a->store, a->ws, a->facilitator,
				 a->presence_max_age, &p, &e) < 0)
		return;
	sel = p.selection ? p.selection : "";
	pos = str_printf("%s|%s", p.screen ? p.screen : "", sel);
	if (!pos || str_eq(pos, a->followed)) {
		free(pos);
		share_pos_clear(&p);
		return;
	}
	free(a->followed);
	a->followed = pos;
	for (i = 0; i < tui_n_screens; i++)
		if (str_eq(tui_screens[i].id, p.screen))
			break;
	if (i < tui_n_screens && app_goto(a, tui_screens[i].number) &&
	    *sel && a->opened[a->cur]) {
		const struct screen_def *sd = &tui_screens[a->cur];
		void *st = a->state[a->cur];

		if (sd->ops->select) {
			sd->ops->select(a, st, sel);
		} else if (sd->ops->list && sel[0] == '#') {
			struct list *l = sd->ops->list(a, st);
			char *end;
			unsigned long n = strtoul(sel + 1, &end, 10);

			if (l && !*end && n < l->n)
				list_select(l, (size_t)n);
		}
	}
	share_pos_clear(&p);
}

void follow_toggle(struct app *a)
{
	if (a->following) {
		follow_stop(a, NULL);
		return;
	}
	if (!a->ws) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first: follow mode tracks its facilitator"));
		return;
	}
	if (!a->facilitator) {
		app_msg(a, MSG_WARN, "%s", _("this workshop has no facilitator to follow (:facilitate takes the role)"));
		return;
	}
	if (a->is_facilitator) {
		app_msg(a, MSG_INFO, "%s", _("you are the facilitator: the others follow you"));
		return;
	}
	a->following = true;
	free(a->followed);
	a->followed = NULL;
	app_msg(a, MSG_INFO, _("following %s: your view tracks theirs; a move of your own or F stops it"),
		a->facilitator);
	follow_apply(a);
}

void follow_tick(struct app *a)
{
	if (a->is_facilitator && a->ws && !a->read_only) {
		char *pos = follow_position(a);

		if (pos && !str_eq(pos, a->published))
			app_presence_beat(a);
		free(pos);
	}
	follow_apply(a);
}

static bool take_role_done(struct app *a, struct modal *m, bool ok)
{
	(void)m;
	if (!ok || !a->d)
		return true;
	if (app_save_field(a, "workshop", a->ws, "facilitator",
			   store_who(a->store), a->d->ws.version) == ST_OK)
		app_msg(a, MSG_OK, "%s", _("you are the facilitator now: the others can follow you with F"));
	return true;
}

void follow_take_role(struct app *a)
{
	char *q;

	if (!a->d) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first"));
		return;
	}
	if (app_refuse_readonly(a))
		return;
	if (a->is_facilitator) {
		app_msg(a, MSG_INFO, "%s", _("you are already the facilitator"));
		return;
	}
	q = a->facilitator
		? str_printf(_("Take the facilitator role of “%s” from %s? Whoever follows will follow you."),
			     a->d->ws.title, a->facilitator)
		: str_printf(_("Become the facilitator of “%s”? The others can then follow you."),
			     a->d->ws.title);
	app_confirm(a, &(struct confirm_req){ .title = _("Facilitate"),
		    .question = q, .done = take_role_done });
	free(q);
}

void follow_free(struct app *a)
{
	free(a->facilitator);
	free(a->followed);
	free(a->published);
	a->facilitator = a->followed = a->published = NULL;
	a->following = a->is_facilitator = false;
}

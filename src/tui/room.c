#include "config.h"
/*
 * room: running the room from the keyboard — the countdown (`:timer`, T),
 * blind voting rounds (`:round`, B on the matrix), votes by ids (`:vote`)
 * and ready marks (`:ready`, .), and what the title bar shows of them.
 * Every rule (who may, what stays hidden) is the session's: this file
 * turns keys and commands into session calls and says what they did.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/room.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/picker.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/str.h"

/* The stage of the screen in front of the participant: a numbered
 * workflow screen is its stage; elsewhere the room's stage. */
enum stage room_screen_stage(const struct app *a)
{
	int n = tui_screens[a->cur].number;

	if (n >= 2 && n <= 9)
		return (enum stage)(STAGE_INTERVIEW + (n - 2));
	return session_room_stage(a->s);
}

static bool need_workshop(struct app *a)
{
	if (app_data(a))
		return true;
	app_msg(a, MSG_WARN, "%s", _("open a workshop first (screen 1)"));
	return false;
}

static void said(struct app *a, struct sess_result *r)
{
	app_result(a, r, NULL);
	sess_result_clear(r);
}

/* ---- the countdown ------------------------------------------------------ */
void room_cmd_timer(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };

	if (!need_workshop(a))
		return;
	session_timer_command(a->s, room_screen_stage(a), arg, &r);
	said(a, &r);
}

/* T: start the screen's timebox, pause a running countdown, resume a
 * paused one. */
void room_key_timer(struct app *a)
{
	const struct room_timer *t;
	struct sess_result r = { 0 };
	long left;

	if (!need_workshop(a))
		return;
	t = session_timer(a->s);
	if (t && t->state == TIMER_RUNNING && session_timer_left(a->s, &left))
		session_timer_pause(a->s, &r);
	else if (t && t->state == TIMER_PAUSED)
		session_timer_resume(a->s, &r);
	else
		session_timer_start(a->s, room_screen_stage(a), 0, &r);
	said(a, &r);
}

/* ---- ready ------------------------------------------------------------- */
void room_cmd_ready(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };

	if (!need_workshop(a))
		return;
	if (str_eq(arg, "clear"))
		session_ready_clear(a->s, &r);
	else if (*arg) {
		app_msg(a, MSG_ERROR, "%s", _("usage: :ready [clear]"));
		return;
	} else
		session_ready_toggle(a->s, &r);
	said(a, &r);
}

/* ---- voting rounds ------------------------------------------------------ */
void room_cmd_round(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };

	if (!need_workshop(a))
		return;
	if (!*arg) {
		app_msg(a, MSG_ERROR, "%s",
			_("usage: :round open [all|spread|criterion KEY|approach KEY|KEY] or :round reveal"));
		return;
	}
	session_round_command(a->s, arg, &r);
	said(a, &r);
}

void room_cmd_vote(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };
	char ap[200], cr[200], sc[64], extra[2];

	if (!need_workshop(a))
		return;
	if (sscanf(arg, "%199s %199s %63s %1s", ap, cr, sc, extra) != 3) {
		app_msg(a, MSG_ERROR, "%s",
			_("usage: :vote APPROACH CRITERION SCORE (ids as on the matrix; - takes your vote back)"));
		return;
	}
	session_vote_by_ids(a->s, ap, cr, sc, &r);
	said(a, &r);
}

/* What B offers while no round is open. */
enum round_choice { RC_ALL = 0, RC_CRITERION, RC_APPROACH, RC_SPREAD };

struct round_pick {
	enum round_choice what[4];
	char *approach, *criterion;
};

static void round_pick_free(void *p)
{
	struct round_pick *rp = p;

	if (!rp)
		return;
	free(rp->approach);
	free(rp->criterion);
	free(rp);
}

static bool round_picked(struct app *a, struct modal *m, bool ok)
{
	struct round_pick *rp = m->ctx;
	struct sess_result r = { 0 };

	if (!ok || !rp)
		return true;
	switch (rp->what[picker_selected(m)]) {
	case RC_ALL:
		session_round_open(a->s, ROUND_ALL, NULL, &r);
		break;
	case RC_CRITERION:
		session_round_open(a->s, ROUND_CRITERION, rp->criterion, &r);
		break;
	case RC_APPROACH:
		session_round_open(a->s, ROUND_APPROACH, rp->approach, &r);
		break;
	case RC_SPREAD:
		session_round_open_spread(a->s, &r);
		break;
	}
	said(a, &r);
	return true;
}

static bool reveal_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	(void)m;
	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("the round stays open"));
		return true;
	}
	session_round_reveal(a->s, &r);
	said(a, &r);
	return true;
}

/* Has the newest round a spread cell to vote on again? */
static bool latest_has_spread(const struct app *a)
{
	const struct vote_round *lr = session_round_latest(a->s);
	const struct workshop_data *d = app_data(a);

	if (!lr || lr->state != ROUND_REVEALED)
		return false;
	for (size_t ai = 0; ai < d->n_approaches; ai++)
		for (size_t ci = 0; ci < d->n_criteria; ci++) {
			const struct sess_cell *c = session_cell(a->s, ai, ci);
			const struct sess_room_cell *rc =
				session_room_cell(a->s, ai, ci);

			if (c && rc && rc->round == lr->number && c->spread)
				return true;
		}
	return false;
}

void room_key_round(struct app *a, size_t ai, size_t ci)
{
	const struct workshop_data *d = app_data(a);
	const struct vote_round *open;
	struct round_pick *rp;
	const char *labels[4];
	char *own[3] = { NULL, NULL, NULL };
	size_t n = 0;
	struct modal *m;

	if (!need_workshop(a))
		return;
	if (!session_is_facilitator(a->s)) {
		app_msg(a, MSG_WARN, _("only the facilitator (%s) opens and reveals voting rounds"),
			session_facilitator(a->s) ? session_facilitator(a->s)
						  : _("nobody yet"));
		return;
	}
	open = session_round_current(a->s);
	if (open) {
		struct sess_round_progress p = { 0 };
		char *q;

		session_round_progress(a->s, &p);
		q = str_printf(_("Reveal round %d? %zu of %zu have voted on every cell; everyone then sees every vote."),
			       open->number, p.n_done, p.names.n);
		sess_round_progress_clear(&p);
		app_push(a, confirm_new(_("Reveal the round"), q ? q : "",
					reveal_done));
		free(q);
		return;
	}
	rp = calloc(1, sizeof(*rp));
	if (!rp) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	rp->what[n] = RC_ALL;
	labels[n++] = _("every cell of the matrix");
	if (ci < d->n_criteria) {
		rp->criterion = str_dup(d->criteria[ci].key);
		own[0] = str_printf(_("the cells of the criterion “%s”"),
				    d->criteria[ci].name);
		rp->what[n] = RC_CRITERION;
		labels[n++] = own[0] ? own[0] : "";
	}
	if (ai < d->n_approaches) {
		rp->approach = str_dup(d->approaches[ai].key);
		own[1] = str_printf(_("the cells of the approach “%s”"),
				    d->approaches[ai].name);
		rp->what[n] = RC_APPROACH;
		labels[n++] = own[1] ? own[1] : "";
	}
	if (latest_has_spread(a)) {
		own[2] = str_printf(_("the spread cells of round %d again (its median and range shown)"),
				    session_round_latest(a->s)->number);
		rp->what[n] = RC_SPREAD;
		labels[n++] = own[2] ? own[2] : "";
	}
	m = picker_new(PICK_ONE, _("Open a blind voting round on"), labels, n,
		       0, round_picked);
	for (size_t i = 0; i < 3; i++)
		free(own[i]);
	if (!m) {
		round_pick_free(rp);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->ctx = rp;
	m->ctx_free = round_pick_free;
	app_push(a, m);
}

/* ---- the title bar ------------------------------------------------------ */
void room_title(const struct app *a, struct room_title *t)
{
	const struct room_timer *tm = session_timer(a->s);
	size_t ready = 0, present = 0;
	long left = 0;

	memset(t, 0, sizeof(*t));
	if (!app_data(a))
		return;
	session_timer_text(a->s, t->timer, sizeof(t->timer));
	t->overrun = session_timer_left(a->s, &left) && left < 0;
	t->paused = tm && tm->state == TIMER_PAUSED && t->timer[0];
	session_ready_count(a->s, &ready, &present);
	if (ready)
		session_ready_text(a->s, t->ready, sizeof(t->ready));
}

bool room_title_changed(struct app *a)
{
	struct room_title t;
	char both[sizeof(a->t.room_shown)];

	room_title(a, &t);
	snprintf(both, sizeof(both), "%s|%d|%s", t.timer, t.paused, t.ready);
	if (strcmp(both, a->t.room_shown) == 0)
		return false;
	snprintf(a->t.room_shown, sizeof(a->t.room_shown), "%s", both);
	return true;
}

long room_title_next_ms(const struct app *a)
{
	const struct room_timer *tm = session_timer(a->s);
	long left;

	/* The countdown counts whole seconds of the wall clock (a little
	 * after the second, so that it has turned). */
	if (!tm || tm->state != TIMER_RUNNING ||
	    !session_timer_left(a->s, &left))
		return -1;
	return clock_ms_to_second() + 5;
}

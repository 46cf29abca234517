#include "config.h"
/*
 * session_agenda: the facilitator's countdown and agenda, with the parser
 * of `:timer` arguments; "ready" marks; the parking lot; the wrap-up.
 * Blind voting rounds are in session_room.c.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_room.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/num.h"

/* ---- parsing `:timer` -------------------------------------------------------- */

static int bad_duration(const char *text, struct error *e)
{
	return err_set(e, ST_INPUT, _("'%s' is not a duration: write it as 10m, 1h15m, 90s or 4:30"),
		       text);
}

/* "4:30": minutes and seconds. */
static int clock_duration(const char *text, const char *p, long *seconds,
			  struct error *e)
{
	long m = 0, sec = 0;
	int digits = 0;

	while (isdigit((unsigned char)*p) && m < 100000) {
		m = m * 10 + (*p++ - '0');
		digits++;
	}
	if (!digits || *p++ != ':' || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]))
		return bad_duration(text, e);
	sec = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p || sec >= 60)
		return bad_duration(text, e);
	*seconds = m * 60 + sec;
	return ST_OK;
}

/* The unit after a number: 'h', 'm' or 's' (0: none); p moves past it. */
static int unit(const char **p)
{
	static const struct {
		const char *word;
		int unit;
	} units[] = {
		{ "hours", 'h' }, { "hour", 'h' }, { "h", 'h' },
		{ "minutes", 'm' }, { "min", 'm' }, { "m", 'm' },
		{ "seconds", 's' }, { "sec", 's' }, { "s", 's' },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].word);

		if (strncasecmp(*p, units[i].word, n) == 0 &&
		    !isalpha((unsigned char)(*p)[n])) {
			*p += n;
			return units[i].unit;
		}
	}
	return 0;
}

int session_duration_parse(const char *text, long *seconds, struct error *e)
{
	const char *p = text ? text : "";
	long total = 0;
	int last = 0, groups = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return err_set(e, ST_INPUT, "%s",
			       _("give a duration, such as 10m, 1h15m or 90s"));
	if (strchr(p, ':')) {
		if (clock_duration(text, p, &total, e) < 0)
			return ST_INPUT;
		p += strlen(p);
	}
	while (*p) {
		long n = 0;
		int digits = 0, u;

		while (isdigit((unsigned char)*p)) {
			if (n > 100000)
				return bad_duration(text, e);
			n = n * 10 + (*p++ - '0');
			digits++;
		}
		if (!digits)
			return bad_duration(text, e);
		while (*p == ' ')
			p++;
		u = unit(&p);
		groups++;
		/* A bare number is minutes, when it is all there is. */
		if (!u) {
			while (*p == ' ' || *p == '\t')
				p++;
			if (groups > 1 || *p)
				return bad_duration(text, e);
			u = 'm';
		}
		/* Hours, then minutes, then seconds, each once. */
		if ((u == 'h' && last) || (u == 'm' && last && last != 'h') ||
		    (u == 's' && last == 's'))
			return bad_duration(text, e);
		last = u;
		total += n * (u == 'h' ? 3600 : u == 'm' ? 60 : 1);
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (total <= 0 || total > STORE_ROOM_MAX_SECONDS)
		return err_set(e, ST_INPUT, _("a countdown is 1 second to %d hours, not '%s'"),
			       STORE_ROOM_MAX_SECONDS / 3600, text);
	*seconds = total;
	return ST_OK;
}

int session_timer_parse(const char *arg, struct sess_timer_cmd *cmd,
			struct error *e)
{
	static const struct {
		const char *word;
		enum sess_timer_verb verb;
	} words[] = {
		{ "start", SESS_TIMER_START }, { "pause", SESS_TIMER_PAUSE },
		{ "resume", SESS_TIMER_RESUME }, { "stop", SESS_TIMER_STOP },
	};
	char *t = str_dup(arg ? arg : "");
	int rc = ST_OK;

	memset(cmd, 0, sizeof(*cmd));
	if (!t)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	str_trim(t);
	if (!*t) {
		cmd->verb = SESS_TIMER_START;
		goto out;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcasecmp(t, words[i].word) == 0) {
			cmd->verb = words[i].verb;
			goto out;
		}
	}
	if (t[0] == '+' || t[0] == '-') {
		cmd->verb = SESS_TIMER_EXTEND;
		rc = session_duration_parse(t + 1, &cmd->seconds, e);
		if (t[0] == '-')
			cmd->seconds = -cmd->seconds;
	} else {
		cmd->verb = SESS_TIMER_START;
		rc = session_duration_parse(t, &cmd->seconds, e);
	}
	if (rc < 0 && isalpha((unsigned char)t[0]))
		err_set(e, ST_INPUT, _("'%s' is not a timer command: :timer 10m, :timer pause, :timer resume, :timer +5m or :timer stop"),
			t);
out:
	free(t);
	return rc;
}

/* ---- the countdown ---------------------------------------------------------- */

const struct room_timer *session_timer(const struct session *s)
{
	return s->d ? &s->d->timer : NULL;
}

bool session_timer_left(const struct session *s, long *seconds)
{
	const struct room_timer *t = session_timer(s);

	*seconds = 0;
	if (!t || !t->set || t->state == TIMER_STOPPED)
		return false;
	*seconds = room_timer_left(t, clock_now());
	return true;
}

char *session_timer_text(const struct session *s, char *buf, size_t size)
{
	long left;

	if (!size)
		return buf;
	if (session_timer_left(s, &left))
		num_clock(buf, size, left);
	else
		buf[0] = '\0';
	return buf;
}

enum stage session_room_stage(const struct session *s)
{
	return s->d ? room_stage(s->d) : STAGE_INTERVIEW;
}

/* The timebox of stage st: the agenda's, else the template's (0: none). */
static int timebox(const struct session *s, enum stage st)
{
	const struct agenda_item *a = wsdata_agenda(s->d, st);

	if (a || s->d->n_agenda)
		return a ? a->planned : 0;
	for (size_t i = 0; s->tpl && i < s->tpl->n_agenda; i++)
		if (s->tpl->agenda[i].stage == st)
			return s->tpl->agenda[i].minutes;
	return 0;
}

/* A workshop without an agenda takes its template's before the first
 * change that needs rows (a countdown's time spent, a timebox edited). */
static int seed(struct session *s, struct error *e)
{
	struct agenda_item *items;
	int rc;

	if (s->d->n_agenda || !s->tpl || !s->tpl->n_agenda)
		return ST_OK;
	if (!(items = calloc(s->tpl->n_agenda, sizeof(*items))))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < s->tpl->n_agenda; i++) {
		items[i].stage = s->tpl->agenda[i].stage;
		items[i].planned = s->tpl->agenda[i].minutes;
	}
	rc = store_agenda_seed(s->store, s->ws, items, s->tpl->n_agenda, e);
	free(items);
	return rc;
}

static bool refuse_stage(enum stage st, struct sess_result *r)
{
	if ((unsigned)st < STAGE_DONE)
		return false;
	sess_refuse_msg(r, "%s", _("the timer and the agenda take the stages from the interview to the roadmap"));
	return true;
}

int session_timer_start(struct session *s, enum stage st, long seconds,
			struct sess_result *r)
{
	struct error e;
	char left[NUM_BUF];
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("runs the timer"), r) ||
	    refuse_stage(st, r))
		return r->code;
	if (seconds <= 0) {
		int minutes = timebox(s, st);

		if (minutes <= 0) {
			sess_refuse_msg(r, _("%s has no timebox on the agenda: give the time (:timer 10m)"),
					stage_label(st));
			return r->code;
		}
		seconds = minutes * 60L;
	}
	err_clear(&e);
	rc = seed(s, &e);
	if (rc == ST_OK)
		rc = store_timer_start(s->store, s->ws, st, seconds, &e);
	if (sess_finish(s, rc, &e, NULL, NULL, r) == ST_OK)
		snprintf(r->msg, sizeof(r->msg), _("timer: %s on %s"),
			 num_clock(left, sizeof(left), seconds),
			 stage_label(st));
	return rc;
}

/* Pause, resume, extend, stop: the store says when it is not possible. */
static int timer_op(struct session *s, int which, long seconds,
		    struct sess_result *r)
{
	struct error e;
	char left[NUM_BUF], by[NUM_BUF];
	long now = 0;
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("runs the timer"), r))
		return r->code;
	err_clear(&e);
	switch (which) {
	case SESS_TIMER_PAUSE:
		rc = store_timer_pause(s->store, s->ws, &e);
		break;
	case SESS_TIMER_RESUME:
		rc = store_timer_resume(s->store, s->ws, &e);
		break;
	case SESS_TIMER_EXTEND:
		rc = store_timer_extend(s->store, s->ws, seconds, &e);
		break;
	default:
		/* Time spent is added to the agenda's row: make sure the
		 * template's agenda is there to take it. */
		rc = seed(s, &e);
		if (rc == ST_OK)
			rc = store_timer_stop(s->store, s->ws, &e);
		break;
	}
	if (sess_finish(s, rc, &e, NULL, NULL, r) < 0)
		return rc;
	session_timer_left(s, &now);
	switch (which) {
	case SESS_TIMER_PAUSE:
		snprintf(r->msg, sizeof(r->msg), _("timer paused at %s"),
			 num_clock(left, sizeof(left), now));
		break;
	case SESS_TIMER_RESUME:
		snprintf(r->msg, sizeof(r->msg), _("timer: %s left"),
			 num_clock(left, sizeof(left), now));
		break;
	case SESS_TIMER_EXTEND:
		num_duration(by, sizeof(by), seconds / 60);
		if (seconds % 60)
			snprintf(by, sizeof(by), "%ld s", seconds);
		snprintf(r->msg, sizeof(r->msg), _("timer: %s%s, %s left"),
			 seconds > 0 ? "+" : "", by,
			 num_clock(left, sizeof(left), now + seconds));
		break;
	default:
		snprintf(r->msg, sizeof(r->msg), "%s", _("timer stopped"));
		break;
	}
	return rc;
}

int session_timer_pause(struct session *s, struct sess_result *r)
{
	return timer_op(s, SESS_TIMER_PAUSE, 0, r);
}

int session_timer_resume(struct session *s, struct sess_result *r)
{
	return timer_op(s, SESS_TIMER_RESUME, 0, r);
}

int session_timer_extend(struct session *s, long seconds,
			 struct sess_result *r)
{
	return timer_op(s, SESS_TIMER_EXTEND, seconds, r);
}

int session_timer_stop(struct session *s, struct sess_result *r)
{
	return timer_op(s, SESS_TIMER_STOP, 0, r);
}

int session_timer_command(struct session *s, enum stage st, const char *arg,
			  struct sess_result *r)
{
	struct sess_timer_cmd cmd;
	struct error e;

	sess_result_clear(r);
	err_clear(&e);
	if (session_timer_parse(arg, &cmd, &e) < 0) {
		sess_refuse_msg(r, "%s", e.msg);
		return r->code;
	}
	switch (cmd.verb) {
	case SESS_TIMER_START:
		return session_timer_start(s, st, cmd.seconds, r);
	case SESS_TIMER_PAUSE:
		return session_timer_pause(s, r);
	case SESS_TIMER_RESUME:
		return session_timer_resume(s, r);
	case SESS_TIMER_EXTEND:
		return session_timer_extend(s, cmd.seconds, r);
	case SESS_TIMER_STOP:
		return session_timer_stop(s, r);
	}
	return ST_ERROR;
}

/* ---- the agenda --------------------------------------------------------------- */

int session_agenda(const struct session *s, struct room_agenda *out)
{
	if (!s->d) {
		memset(out, 0, sizeof(*out));
		return ST_OK;
	}
	return room_agenda_build(s->d, s->tpl, clock_now(), out);
}

int64_t session_stage_spent(const struct session *s, enum stage st)
{
	return s->d ? room_stage_spent(s->d, st, clock_now()) : 0;
}

int session_agenda_plan(struct session *s, enum stage st, int minutes,
			struct sess_result *r)
{
	const struct agenda_item *a;
	struct error e;
	char dur[NUM_BUF];
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("changes the agenda"), r) ||
	    refuse_stage(st, r))
		return r->code;
	a = wsdata_agenda(s->d, st);
	err_clear(&e);
	rc = seed(s, &e);
	if (rc == ST_OK)
		rc = store_agenda_plan(s->store, s->ws, st, minutes,
				       a ? a->version : 0, &r->version, &e);
	if (sess_finish(s, rc, &e, NULL, NULL, r) == ST_OK)
		snprintf(r->msg, sizeof(r->msg), _("%s: %s planned"),
			 stage_label(st), num_duration(dur, sizeof(dur), minutes));
	return rc;
}

int session_agenda_remove(struct session *s, enum stage st,
			  struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("changes the agenda"), r) ||
	    refuse_stage(st, r))
		return r->code;
	err_clear(&e);
	rc = seed(s, &e);
	if (rc == ST_OK)
		rc = store_agenda_remove(s->store, s->ws, st, &e);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_agenda_move(struct session *s, enum stage st, int delta,
			struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("changes the agenda"), r) ||
	    refuse_stage(st, r))
		return r->code;
	err_clear(&e);
	rc = seed(s, &e);
	if (rc == ST_OK)
		rc = store_agenda_move(s->store, s->ws, st, delta, &e);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* ---- ready -------------------------------------------------------------------- */

bool session_ready_mine(const struct session *s)
{
	return s->d && room_is_ready(s->d, room_stage(s->d), session_who(s));
}

void session_ready_count(const struct session *s, size_t *ready,
			 size_t *present)
{
	struct strv here = { 0 };

	*ready = *present = 0;
	if (!s->d || session_present(s, &here) < 0) {
		strv_free(&here);
		return;
	}
	*present = here.n;
	*ready = room_ready_count(s->d, room_stage(s->d), &here);
	strv_free(&here);
}

char *session_ready_text(const struct session *s, char *buf, size_t size)
{
	size_t ready, present;

	session_ready_count(s, &ready, &present);
	snprintf(buf, size, _("%zu/%zu ready"), ready, present);
	return buf;
}

int session_ready_toggle(struct session *s, struct sess_result *r)
{
	struct error e;
	enum stage st;
	bool now;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	st = room_stage(s->d);
	if (refuse_stage(st, r))
		return r->code;
	now = !session_ready_mine(s);
	err_clear(&e);
	rc = store_ready_set(s->store, s->ws, st, now, &e);
	if (sess_finish(s, rc, &e, NULL, NULL, r) == ST_OK)
		snprintf(r->msg, sizeof(r->msg),
			 now ? _("you are ready with %s")
			     : _("you are not ready with %s any more"),
			 stage_label(st));
	return rc;
}

int session_ready_clear(struct session *s, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("clears the ready marks"), r))
		return r->code;
	err_clear(&e);
	rc = store_ready_clear(s->store, s->ws, room_stage(s->d), &r->count,
			       &e);
	sess_finish(s, rc, &e, NULL, NULL, r);
	if (rc == ST_OK && !r->count)
		r->status = SESS_UNCHANGED;
	return rc;
}

/* ---- the parking lot ------------------------------------------------------------ */

int session_park_add(struct session *s, const char *text,
		     struct sess_result *r)
{
	struct error e;
	int64_t id = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_park_add(s->store, s->ws, text, &id, &e);
	if (sess_finish(s, rc, &e, NULL, NULL, r) == ST_OK) {
		sess_park_step(s, "add", NULL, id, NULL, text);
		r->id = id;
		r->version = 1;
		snprintf(r->msg, sizeof(r->msg), "%s",
			 _("parked: it is in the parking lot"));
	}
	return rc;
}

/* The item as loaded, or refuse. */
static const struct park_item *item(struct session *s, int64_t id,
				    struct sess_result *r)
{
	const struct park_item *p = wsdata_park(s->d, id);

	if (!p)
		sess_refuse_msg(r, _("there is no parking-lot item %lld"),
				(long long)id);
	return p;
}

/* After a conflict: the item's text now, from the database. */
static void park_theirs(struct session *s, int64_t id, struct sess_result *r)
{
	struct workshop_data *d = NULL;
	const struct park_item *p;
	struct error e;

	err_clear(&e);
	if (session_load_visible(s, s->ws, &d, &e) < 0)
		return;
	p = wsdata_park(d, id);
	r->gone = !p;
	if (p) {
		r->theirs = str_dup(p->text);
		r->their_version = p->version;
	}
	r->who = session_changed_by(s, "parking", id, NULL);
	wsdata_free(&d);
}

int session_park_edit(struct session *s, int64_t id, int64_t version,
		      const char *text, const char *where,
		      struct sess_result *r)
{
	const struct park_item *p;
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	/* The text before, for undo: the one loaded, if the edit started
	 * from that version. */
	p = wsdata_park(s->d, id);
	if (p && p->version != version)
		p = NULL;
	err_clear(&e);
	rc = store_park_text(s->store, id, text, version, &r->version, &e);
	sess_finish(s, rc, &e, where, text, r);
	if (rc == ST_OK && p && r->version != version)
		sess_park_step(s, "text", NULL, id, p->text, text);
	if (rc == ST_CONFLICT)
		park_theirs(s, id, r);
	return rc;
}

/* take (st PARK_ROADMAP), done, reopen. */
static int park_move(struct session *s, int64_t id, enum park_status st,
		     struct sess_result *r)
{
	const struct park_item *p;
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	if (!(p = item(s, id, r)))
		return r->code;
	if (p->status == st) {
		r->status = SESS_UNCHANGED;
		r->version = p->version;
		return ST_OK;
	}
	err_clear(&e);
	rc = st == PARK_ROADMAP
		? store_park_take(s->store, id, p->version, &r->version, &e)
		: store_park_status(s->store, id, st, p->version, &r->version,
				    &e);
	if (sess_finish(s, rc, &e, NULL, NULL, r) == ST_OK)
		sess_park_step(s, st == PARK_ROADMAP ? "take" : "status", p, id,
			       park_status_id(p->status), park_status_id(st));
	if (rc == ST_OK)
		snprintf(r->msg, sizeof(r->msg), "%s",
			 st == PARK_ROADMAP
			 ? _("taken into the roadmap's next steps")
			 : st == PARK_DONE ? _("parking-lot item done")
					   : _("parking-lot item open again"));
	else if (rc == ST_CONFLICT)
		park_theirs(s, id, r);
	return rc;
}

int session_park_take(struct session *s, int64_t id, struct sess_result *r)
{
	return park_move(s, id, PARK_ROADMAP, r);
}

int session_park_done(struct session *s, int64_t id, struct sess_result *r)
{
	return park_move(s, id, PARK_DONE, r);
}

int session_park_reopen(struct session *s, int64_t id,
			struct sess_result *r)
{
	return park_move(s, id, PARK_OPEN, r);
}

int session_park_delete(struct session *s, int64_t id, int64_t version,
			struct sess_result *r)
{
	const struct park_item *p;
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	p = wsdata_park(s->d, id);
	if (p && p->version != version)
		p = NULL;
	rc = store_park_delete(s->store, id, version, &e);
	sess_finish(s, rc, &e, NULL, NULL, r);
	if (rc == ST_OK && p)
		sess_park_step(s, "delete", p, id, p->text, NULL);
	if (rc == ST_CONFLICT)
		park_theirs(s, id, r);
	return rc;
}

/* ---- wrap-up ----------------------------------------------------------------- */

int session_wrapup(const struct session *s, struct wrapup *w)
{
	if (!s->d) {
		memset(w, 0, sizeof(*w));
		return ST_INPUT;
	}
	return wrapup_build(s->d, s->k, s->tpl, clock_now(), w);
}

/* ---- the agenda as the screens write it ------------------------------------ */

void session_agenda_clear(struct room_agenda *ag)
{
	room_agenda_clear(ag);
}

void session_wrapup_clear(struct wrapup *w)
{
	wrapup_clear(w);
}

char *session_spent_text(char *buf, size_t size, int64_t seconds)
{
	return num_duration(buf, size, room_minutes(seconds));
}

char *session_diff_text(char *buf, size_t size, int64_t spent, int planned)
{
	long d = room_minutes(spent) - planned;
	char t[NUM_BUF];

	if (d == 0)
		snprintf(buf, size, "%s", _("on time"));
	else
		snprintf(buf, size, "%s%s", d > 0 ? "+" : "",
			 num_duration(t, sizeof(t), d));
	return buf;
}

#include "config.h"
/*
 * store_room: the agenda, the countdown, ready marks and the parking lot
 * (see store_room.h for what each means).  Voting rounds and the room's
 * part of loading and importing a workshop are in store_room_data.c.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_room.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/utf8.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* A statement, or leave with its error. */
#define STMT(st, sql)                                   \
	do {                                            \
		if (!((st) = store_stmt(s, (sql), e))) { \
			rc = e->code;                   \
			goto out;                       \
		}                                       \
	} while (0)

static bool timed_stage(enum stage st)
{
	return (unsigned)st < STAGE_DONE;
}

static int bad_stage(enum stage st, struct error *e)
{
	return err_set(e, ST_INPUT, _("'%s' is not a stage of the agenda "
				      "(interview to roadmap)"), stage_id(st));
}

/* ---- agenda ------------------------------------------------------------- */

/* The agenda row of a stage: id 0 when it has none. */
static int agenda_row(struct store *s, int64_t ws, enum stage st,
		      int64_t *id, int *planned, int64_t *spent,
		      int64_t *version, struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT id, planned, spent, version "
				     "FROM agenda WHERE workshop_id = ?1 AND "
				     "stage = ?2", e);
	int rc;

	*id = 0;
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, stage_id(st));
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(q, 0);
		if (planned)
			*planned = sqlite3_column_int(q, 1);
		if (spent)
			*spent = sqlite3_column_int64(q, 2);
		if (version)
			*version = sqlite3_column_int64(q, 3);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_sqlerr(s, rc, e);
}

static int agenda_count(struct store *s, int64_t ws, int64_t *n,
			struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT count(*) FROM agenda WHERE "
				     "workshop_id = ?1", e);
	int rc;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	rc = sqlite3_step(q);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

/* Insert a stage at the end of the agenda. */
static int agenda_insert(struct store *s, int64_t ws, enum stage st,
			 int planned, int64_t spent, int64_t *id,
			 struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "INSERT INTO agenda(workshop_id, "
				     "stage, pos, planned, spent) VALUES (?1, "
				     "?2, (SELECT coalesce(max(pos) + 1, 0) "
				     "FROM agenda WHERE workshop_id = ?1), ?3, "
				     "?4)", e);
	int rc;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, stage_id(st));
	sqlite3_bind_int(q, 3, planned);
	sqlite3_bind_int64(q, 4, spent);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK && id)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_agenda_seed(struct store *s, int64_t ws,
		      const struct agenda_item *items, size_t n,
		      struct error *e)
{
	int64_t have = 0, id;
	char what[64];
	int rc;

	if (!n)
		return ST_OK;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0 ||
	    (rc = agenda_count(s, ws, &have, e)) < 0 || have)
		return store_end(s, rc, e);
	for (size_t i = 0; i < n && rc == ST_OK; i++) {
		if (!timed_stage(items[i].stage) || items[i].planned < 0 ||
		    items[i].planned > STORE_ROOM_MAX_MINUTES) {
			rc = bad_stage(items[i].stage, e);
			break;
		}
		rc = agenda_insert(s, ws, items[i].stage, items[i].planned, 0,
				   &id, e);
		if (rc == ST_OK) {
			snprintf(what, sizeof(what), "%d", items[i].planned);
			rc = store_audit(s, ws, "agenda", id,
					 stage_id(items[i].stage), NULL, what, e);
		}
	}
	return store_end(s, rc, e);
}

int store_agenda_plan(struct store *s, int64_t ws, enum stage st,
		      int minutes, int64_t expect_version,
		      int64_t *new_version, struct error *e)
{
	char old[24], now[24], what[96];
	int64_t id, version = 0;
	int planned = 0, rc;
	sqlite3_stmt *q;

	if (!timed_stage(st))
		return bad_stage(st, e);
	if (minutes < 0 || minutes > STORE_ROOM_MAX_MINUTES)
		return err_set(e, ST_INPUT, _("a timebox is 0 to %d minutes, "
					      "not %d"), STORE_ROOM_MAX_MINUTES,
			       minutes);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0 ||
	    (rc = agenda_row(s, ws, st, &id, &planned, NULL, &version, e)) < 0)
		goto out;
	snprintf(now, sizeof(now), "%d", minutes);
	if (!id) {
		if ((rc = agenda_insert(s, ws, st, minutes, 0, &id, e)) == ST_OK)
			rc = store_audit(s, ws, "agenda", id, stage_id(st), NULL,
					 now, e);
		if (new_version)
			*new_version = 1;
		goto out;
	}
	if (expect_version && version != expect_version) {
		snprintf(what, sizeof(what), _("the timebox of %s"),
			 stage_label(st));
		rc = store_conflict(s, "agenda", id, what, false, e);
		goto out;
	}
	if (new_version)
		*new_version = version;
	if (planned == minutes)
		goto out;
	STMT(q, "UPDATE agenda SET planned = ?2, version = version + 1 "
	     "WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, minutes);
	snprintf(old, sizeof(old), "%d", planned);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, ws, "agenda", id, "planned", old, now, e);
	if (rc == ST_OK && new_version)
		*new_version = version + 1;
out:
	return store_end(s, rc, e);
}

int store_agenda_remove(struct store *s, int64_t ws, enum stage st,
			struct error *e)
{
	int64_t id, spent = 0;
	int planned = 0, rc;
	char old[24];
	sqlite3_stmt *q;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = agenda_row(s, ws, st, &id, &planned, &spent, NULL, e)) < 0 ||
	    !id)
		goto out;
	if (spent > 0) {
		rc = err_set(e, ST_INPUT, _("%s stays on the agenda: time was "
					    "spent on it (set its timebox to 0 "
					    "instead)"), stage_label(st));
		goto out;
	}
	STMT(q, "DELETE FROM agenda WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	snprintf(old, sizeof(old), "%d", planned);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, ws, "agenda", id, stage_id(st), old, NULL,
				 e);
out:
	return store_end(s, rc, e);
}

int store_agenda_move(struct store *s, int64_t ws, enum stage st, int delta,
		      struct error *e)
{
	int64_t id, other = 0;
	int pos = 0, opos = 0, rc;
	char a[24], b[24];
	sqlite3_stmt *q;

	if (delta != -1 && delta != 1)
		return err_set(e, ST_INPUT, "%s", _("a stage moves one place at "
						    "a time"));
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = agenda_row(s, ws, st, &id, NULL, NULL, NULL, e)) < 0)
		goto out;
	if (!id) {
		rc = err_set(e, ST_NOTFOUND, _("%s is not on the agenda"),
			     stage_label(st));
		goto out;
	}
	STMT(q, delta < 0
	     ? "SELECT b.id, a.pos, b.pos FROM agenda a JOIN agenda b ON "
	       "b.workshop_id = a.workshop_id AND b.pos < a.pos WHERE a.id = ?1 "
	       "ORDER BY b.pos DESC LIMIT 1"
	     : "SELECT b.id, a.pos, b.pos FROM agenda a JOIN agenda b ON "
	       "b.workshop_id = a.workshop_id AND b.pos > a.pos WHERE a.id = ?1 "
	       "ORDER BY b.pos LIMIT 1");
	sqlite3_bind_int64(q, 1, id);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		other = sqlite3_column_int64(q, 0);
		pos = sqlite3_column_int(q, 1);
		opos = sqlite3_column_int(q, 2);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rc = store_sqlerr(s, rc, e);
		goto out;
	}
	rc = ST_OK;
	if (!other)
		goto out;   /* first or last already */
	STMT(q, "UPDATE agenda SET pos = ?2 WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, opos);
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		goto out;
	STMT(q, "UPDATE agenda SET pos = ?2 WHERE id = ?1");
	sqlite3_bind_int64(q, 1, other);
	sqlite3_bind_int(q, 2, pos);
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		goto out;
	snprintf(a, sizeof(a), "%d", pos);
	snprintf(b, sizeof(b), "%d", opos);
	rc = store_audit(s, ws, "agenda", id, "pos", a, b, e);
out:
	return store_end(s, rc, e);
}

/* ---- the countdown ---------------------------------------------------------- */

int store_timer_get(struct store *s, int64_t ws, struct room_timer *t,
		    struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT stage, state, ends_at, "
				     "remaining, started_at, duration, version "
				     "FROM room_timer WHERE workshop_id = ?1",
				     e);
	int rc;

	memset(t, 0, sizeof(*t));
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		t->set = true;
		if (stage_from_id((const char *)sqlite3_column_text(q, 0),
				  &t->stage) < 0)
			t->stage = STAGE_INTERVIEW;
		if (timer_state_from_id((const char *)sqlite3_column_text(q, 1),
					&t->state) < 0)
			t->state = TIMER_STOPPED;
		t->ends_at = sqlite3_column_int64(q, 2);
		t->remaining = sqlite3_column_int64(q, 3);
		t->started_at = sqlite3_column_int64(q, 4);
		t->duration = sqlite3_column_int64(q, 5);
		t->version = sqlite3_column_int64(q, 6);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_sqlerr(s, rc, e);
}

static int timer_put(struct store *s, int64_t ws, const struct room_timer *t,
		     const char *op, const char *old, struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "INSERT INTO room_timer(workshop_id, "
				     "stage, state, ends_at, remaining, "
				     "started_at, duration) VALUES (?1, ?2, ?3, "
				     "?4, ?5, ?6, ?7) ON CONFLICT(workshop_id) "
				     "DO UPDATE SET stage = excluded.stage, "
				     "state = excluded.state, ends_at = "
				     "excluded.ends_at, remaining = "
				     "excluded.remaining, started_at = "
				     "excluded.started_at, duration = "
				     "excluded.duration, version = version + 1",
				     e);
	char now[96];
	int rc;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, stage_id(t->stage));
	store_bind_text(q, 3, timer_state_id(t->state));
	if (t->state == TIMER_RUNNING) {
		sqlite3_bind_int64(q, 4, t->ends_at);
		sqlite3_bind_int64(q, 6, t->started_at);
	}
	if (t->state == TIMER_PAUSED)
		sqlite3_bind_int64(q, 5, t->remaining);
	sqlite3_bind_int64(q, 7, t->duration);
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		return rc;
	if (t->state == TIMER_RUNNING)
		snprintf(now, sizeof(now), "%s %s, %" PRId64 " s left",
			 timer_state_id(t->state), stage_id(t->stage),
			 t->ends_at - t->started_at);
	else if (t->state == TIMER_PAUSED)
		snprintf(now, sizeof(now), "%s %s, %" PRId64 " s left",
			 timer_state_id(t->state), stage_id(t->stage),
			 t->remaining);
	else
		snprintf(now, sizeof(now), "%s %s", timer_state_id(t->state),
			 stage_id(t->stage));
	return store_audit(s, ws, "timer", ws, op, old, now, e);
}

/* Add the time a running countdown ran to its stage's agenda row. */
static int accrue(struct store *s, int64_t ws, const struct room_timer *t,
		  int64_t now, struct error *e)
{
	int64_t id, secs = now - t->started_at;
	sqlite3_stmt *q;
	int rc;

	if (!t->set || t->state != TIMER_RUNNING || secs <= 0 ||
	    !timed_stage(t->stage))
		return ST_OK;
	if ((rc = agenda_row(s, ws, t->stage, &id, NULL, NULL, NULL, e)) < 0)
		return rc;
	if (!id)
		return agenda_insert(s, ws, t->stage, 0, secs, NULL, e);
	/* Time spent is not an edit: the row's version stays. */
	if (!(q = store_stmt(s, "UPDATE agenda SET spent = spent + ?2 "
			     "WHERE id = ?1", e)))
		return e->code;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, secs);
	return store_exec_stmt(s, q, e);
}

/* What one timer operation does to the countdown at time `now`. */
enum timer_op { OP_START, OP_PAUSE, OP_RESUME, OP_EXTEND, OP_STOP };

static int timer_apply(struct store *s, int64_t ws, enum timer_op op,
		       enum stage st, int64_t seconds, struct error *e)
{
	static const char *const names[] = {
		"start", "pause", "resume", "extend", "stop"
	};
	struct room_timer t, was;
	int64_t now = clock_now();
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0 ||
	    (rc = store_timer_get(s, ws, &t, e)) < 0)
		goto out;
	was = t;
	switch (op) {
	case OP_START:
		if ((rc = accrue(s, ws, &t, now, e)) < 0)
			goto out;
		t.stage = st;
		t.state = TIMER_RUNNING;
		t.started_at = now;
		t.ends_at = now + seconds;
		t.duration = seconds;
		break;
	case OP_PAUSE:
		if (t.state != TIMER_RUNNING) {
			rc = err_set(e, ST_INPUT, "%s",
				     _("the timer is not running"));
			goto out;
		}
		if ((rc = accrue(s, ws, &t, now, e)) < 0)
			goto out;
		t.state = TIMER_PAUSED;
		t.remaining = t.ends_at - now;
		break;
	case OP_RESUME:
		if (t.state != TIMER_PAUSED) {
			rc = err_set(e, ST_INPUT, "%s",
				     _("the timer is not paused"));
			goto out;
		}
		t.state = TIMER_RUNNING;
		t.started_at = now;
		t.ends_at = now + t.remaining;
		break;
	case OP_EXTEND:
		if (t.state == TIMER_STOPPED) {
			rc = err_set(e, ST_INPUT, "%s",
				     _("no countdown to extend: start one first"));
			goto out;
		}
		if (t.state == TIMER_RUNNING)
			t.ends_at += seconds;
		else
			t.remaining += seconds;
		t.duration += seconds;
		break;
	case OP_STOP:
		if (t.state == TIMER_STOPPED) {
			rc = err_set(e, ST_INPUT, "%s",
				     _("the timer is stopped already"));
			goto out;
		}
		if ((rc = accrue(s, ws, &t, now, e)) < 0)
			goto out;
		t.state = TIMER_STOPPED;
		break;
	}
	if (op == OP_PAUSE || op == OP_STOP)
		t.started_at = 0;
	rc = timer_put(s, ws, &t, names[op],
		       was.set ? timer_state_id(was.state) : NULL, e);
out:
	return store_end(s, rc, e);
}

static int check_seconds(int64_t seconds, bool may_be_negative,
			 struct error *e)
{
	if ((seconds > 0 || (may_be_negative && seconds < 0)) &&
	    seconds <= STORE_ROOM_MAX_SECONDS &&
	    seconds >= -STORE_ROOM_MAX_SECONDS)
		return ST_OK;
	return err_set(e, ST_INPUT, _("a countdown is 1 second to %d hours, "
				      "not %" PRId64 " seconds"),
		       STORE_ROOM_MAX_SECONDS / 3600, seconds);
}

int store_timer_start(struct store *s, int64_t ws, enum stage st,
		      int64_t seconds, struct error *e)
{
	int rc;

	if (!timed_stage(st))
		return bad_stage(st, e);
	if ((rc = check_seconds(seconds, false, e)) < 0)
		return rc;
	return timer_apply(s, ws, OP_START, st, seconds, e);
}

int store_timer_pause(struct store *s, int64_t ws, struct error *e)
{
	return timer_apply(s, ws, OP_PAUSE, STAGE_INTERVIEW, 0, e);
}

int store_timer_resume(struct store *s, int64_t ws, struct error *e)
{
	return timer_apply(s, ws, OP_RESUME, STAGE_INTERVIEW, 0, e);
}

int store_timer_extend(struct store *s, int64_t ws, int64_t seconds,
		       struct error *e)
{
	int rc;

	if ((rc = check_seconds(seconds, true, e)) < 0)
		return rc;
	return timer_apply(s, ws, OP_EXTEND, STAGE_INTERVIEW, seconds, e);
}

int store_timer_stop(struct store *s, int64_t ws, struct error *e)
{
	return timer_apply(s, ws, OP_STOP, STAGE_INTERVIEW, 0, e);
}

/* ---- ready ------------------------------------------------------------------ */

int store_ready_set(struct store *s, int64_t ws, enum stage st, bool ready,
		    struct error *e)
{
	sqlite3_stmt *q;
	int rc;

	if (!timed_stage(st))
		return bad_stage(st, e);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0)
		goto out;
	if (ready)
		STMT(q, "INSERT OR IGNORE INTO ready_mark(workshop_id, "
		     "participant, stage, at) VALUES (?1, ?2, ?3, ?4)");
	else
		STMT(q, "DELETE FROM ready_mark WHERE workshop_id = ?1 AND "
		     "participant = ?2 AND stage = ?3");
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, s->who);
	store_bind_text(q, 3, stage_id(st));
	if (ready)
		sqlite3_bind_int64(q, 4, clock_now());
	if ((rc = store_exec_stmt(s, q, e)) < 0 || !sqlite3_changes(s->db))
		goto out;
	rc = store_audit(s, ws, "ready", 0, stage_id(st),
			 ready ? NULL : "ready", ready ? "ready" : NULL, e);
out:
	return store_end(s, rc, e);
}

int store_ready_clear(struct store *s, int64_t ws, enum stage st, size_t *n,
		      struct error *e)
{
	sqlite3_stmt *q;
	char count[24];
	int rc, changed = 0;

	if (n)
		*n = 0;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	STMT(q, "DELETE FROM ready_mark WHERE workshop_id = ?1 AND stage = ?2");
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, stage_id(st));
	if ((rc = store_exec_stmt(s, q, e)) < 0 ||
	    !(changed = sqlite3_changes(s->db)))
		goto out;
	snprintf(count, sizeof(count), "%d", changed);
	rc = store_audit(s, ws, "ready", 0, stage_id(st), count, NULL, e);
	if (rc == ST_OK && n)
		*n = (size_t)changed;
out:
	return store_end(s, rc, e);
}

/* ---- the parking lot ---------------------------------------------------------- */

int store_park_check(const char *text, struct error *e)
{
	const char *p = text;

	while (p && (*p == ' ' || *p == '\t'))
		p++;
	if (str_empty(p))
		return err_set(e, ST_INPUT, "%s",
			       _("a parking-lot item needs some text"));
	if (!utf8_valid(text, strlen(text), NULL) ||
	    !utf8_one_line(text, NULL))
		return err_set(e, ST_INPUT, "%s",
			       _("a parking-lot item is one line of text "
				 "without control characters"));
	return ST_OK;
}

struct park_row {
	int64_t ws;
	char *text;
	enum park_status status;
	int64_t version;
};

static int park_get(struct store *s, int64_t id, struct park_row *p,
		    struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT workshop_id, text, status, "
				     "version FROM parking WHERE id = ?1", e);
	int rc, ret = ST_OK;

	memset(p, 0, sizeof(*p));
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		p->ws = sqlite3_column_int64(q, 0);
		if (!store_col_text(q, 1, &p->text))
			ret = OOM(e);
		if (park_status_from_id((const char *)sqlite3_column_text(q, 2),
					&p->status) < 0)
			p->status = PARK_OPEN;
		p->version = sqlite3_column_int64(q, 3);
	} else if (rc == SQLITE_DONE) {
		ret = store_conflict(s, "parking", id,
				     _("the parking-lot item"), true, e);
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(q);
	return ret;
}

/* Fetch the item and check the version the edit started from. */
static int park_begin(struct store *s, int64_t id, int64_t expect,
		      struct park_row *p, struct error *e)
{
	int rc;

	memset(p, 0, sizeof(*p));
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = park_get(s, id, p, e)) < 0)
		return rc;
	if (p->version != expect)
		return store_conflict(s, "parking", id,
				      _("the parking-lot item"), false, e);
	return ST_OK;
}

int store_park_add(struct store *s, int64_t ws, const char *text,
		   int64_t *id, struct error *e)
{
	sqlite3_stmt *q;
	int rc;

	*id = 0;
	if ((rc = store_park_check(text, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0)
		goto out;
	STMT(q, "INSERT INTO parking(workshop_id, text, added_by, added_at) "
	     "VALUES (?1, ?2, ?3, ?4)");
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, text);
	store_bind_text(q, 3, s->who);
	sqlite3_bind_int64(q, 4, clock_now());
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		goto out;
	*id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "parking", *id, NULL, NULL, text, e);
out:
	if ((rc = store_end(s, rc, e)) < 0)
		*id = 0;
	return rc;
}

int store_park_text(struct store *s, int64_t id, const char *text,
		    int64_t expect_version, int64_t *new_version,
		    struct error *e)
{
	struct park_row p;
	sqlite3_stmt *q;
	int rc;

	if ((rc = store_park_check(text, e)) < 0)
		return rc;
	if ((rc = park_begin(s, id, expect_version, &p, e)) < 0)
		goto out;
	if (new_version)
		*new_version = p.version;
	if (str_eq(p.text, text))
		goto out;
	STMT(q, "UPDATE parking SET text = ?2, version = version + 1 "
	     "WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, text);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, p.ws, "parking", id, "text", p.text, text, e);
	if (rc == ST_OK && new_version)
		*new_version = p.version + 1;
out:
	free(p.text);
	return store_end(s, rc, e);
}

static int park_set_status(struct store *s, const struct park_row *p,
			   int64_t id, enum park_status st,
			   const char *next_step, struct error *e)
{
	sqlite3_stmt *q = next_step
		? store_stmt(s, "UPDATE parking SET status = ?2, next_step = ?3, "
			     "version = version + 1 WHERE id = ?1", e)
		: store_stmt(s, "UPDATE parking SET status = ?2, "
			     "version = version + 1 WHERE id = ?1", e);
	int rc;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, park_status_id(st));
	if (next_step)
		store_bind_text(q, 3, next_step);
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		return rc;
	return store_audit(s, p->ws, "parking", id, "status",
			   park_status_id(p->status), park_status_id(st), e);
}

int store_park_status(struct store *s, int64_t id, enum park_status st,
		      int64_t expect_version, int64_t *new_version,
		      struct error *e)
{
	struct park_row p;
	int rc;

	if (st != PARK_OPEN && st != PARK_DONE)
		return err_set(e, ST_INPUT, "%s",
			       _("an item goes into the roadmap by taking it "
				 "there"));
	if ((rc = park_begin(s, id, expect_version, &p, e)) < 0)
		goto out;
	if (new_version)
		*new_version = p.version;
	if (p.status == st)
		goto out;
	rc = park_set_status(s, &p, id, st, NULL, e);
	if (rc == ST_OK && new_version)
		*new_version = p.version + 1;
out:
	free(p.text);
	return store_end(s, rc, e);
}

int store_park_take(struct store *s, int64_t id, int64_t expect_version,
		    int64_t *new_version, struct error *e)
{
	struct park_row p;
	struct strv steps = { 0 };
	char *old = NULL, *now = NULL;
	sqlite3_stmt *q;
	int rc;

	if ((rc = park_begin(s, id, expect_version, &p, e)) < 0)
		goto out;
	if (p.status == PARK_ROADMAP) {
		rc = err_set(e, ST_INPUT, "%s",
			     _("this item is in the roadmap's next steps already"));
		goto out;
	}
	STMT(q, "SELECT next_steps FROM workshop WHERE id = ?1");
	sqlite3_bind_int64(q, 1, p.ws);
	rc = sqlite3_step(q);
	rc = rc == SQLITE_ROW ? (store_col_text(q, 0, &old) ? ST_OK : OOM(e))
			      : store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	if (rc < 0)
		goto out;
	if (store_dec_list(old, &steps) < 0 || strv_push(&steps, p.text) < 0 ||
	    !(now = store_enc_list(&steps))) {
		rc = OOM(e);
		goto out;
	}
	STMT(q, "UPDATE workshop SET next_steps = ?2 WHERE id = ?1");
	sqlite3_bind_int64(q, 1, p.ws);
	store_bind_text(q, 2, now);
	if ((rc = store_exec_stmt(s, q, e)) < 0 ||
	    (rc = store_audit(s, p.ws, "workshop", p.ws, "next_steps", old, now,
			      e)) < 0 ||
	    (rc = park_set_status(s, &p, id, PARK_ROADMAP, p.text, e)) < 0)
		goto out;
	if (new_version)
		*new_version = p.version + 1;
out:
	strv_free(&steps);
	free(old);
	free(now);
	free(p.text);
	return store_end(s, rc, e);
}

int store_park_delete(struct store *s, int64_t id, int64_t expect_version,
		      struct error *e)
{
	struct park_row p;
	sqlite3_stmt *q;
	int rc;

	if ((rc = park_begin(s, id, expect_version, &p, e)) < 0)
		goto out;
	STMT(q, "DELETE FROM parking WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, p.ws, "parking", id, NULL, p.text, NULL, e);
out:
	free(p.text);
	return store_end(s, rc, e);
}

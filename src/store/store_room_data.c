#include "config.h"
/*
 * store_room_data: blind voting rounds (opening, revealing, which round a
 * cell's votes go to) and the room's part of loading, importing and
 * duplicating a workshop: agenda, countdown, rounds with their cells,
 * covers, votes and ballots, earlier votes, ready marks, parking lot.
 * The agenda, countdown, ready and parking-lot writes are in store_room.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_room.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))
/* A stage the agenda and the countdown take (interview to roadmap). */
#define ROOM_STAGE(st) ((unsigned)(st) < STAGE_DONE)

/* A statement, or leave with its error. */
#define STMT(st, sql)                                   \
	do {                                            \
		if (!((st) = store_stmt(s, (sql), e))) { \
			rc = e->code;                   \
			goto out;                       \
		}                                       \
	} while (0)

/* ---- blind voting rounds -------------------------------------------------- */

int store_cell_round(struct store *s, int64_t ws, int64_t approach_id,
		     int64_t criterion_id, int *number, struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT " STORE_CELL_ROUND("?1", "?2",
								  "?3"), e);
	int rc;

	*number = 0;
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	sqlite3_bind_int64(q, 2, approach_id);
	sqlite3_bind_int64(q, 3, criterion_id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*number = sqlite3_column_int(q, 0);
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

/* The round numbered n: id 0 when there is none. */
static int round_row(struct store *s, int64_t ws, int n, int64_t *id,
		     enum round_state *state, struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT id, state FROM vote_round "
				     "WHERE workshop_id = ?1 AND number = ?2", e);
	int rc;

	*id = 0;
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	sqlite3_bind_int(q, 2, n);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(q, 0);
		if (round_state_from_id((const char *)sqlite3_column_text(q, 1),
					state) < 0)
			*state = ROUND_REVEALED;
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_sqlerr(s, rc, e);
}

/* The open round (0: none) and the highest number used. */
static int rounds_now(struct store *s, int64_t ws, int *open, int *last,
		      struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT coalesce(max(number), 0), "
				     "coalesce(max(CASE WHEN state = 'open' "
				     "THEN number END), 0) FROM vote_round "
				     "WHERE workshop_id = ?1", e);
	int rc;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	rc = sqlite3_step(q);
	*last = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
	*open = rc == SQLITE_ROW ? sqlite3_column_int(q, 1) : 0;
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

/* Insert one round row (no checks, no audit): open and import. */
static int round_insert(struct store *s, int64_t ws,
			const struct vote_round *r, int64_t *id,
			struct error *e)
{
	sqlite3_stmt *q;
	int64_t sid = 0;
	int rc;

	if (r->scope == ROUND_CRITERION || r->scope == ROUND_APPROACH) {
		rc = store_key_id(s, r->scope == ROUND_CRITERION ? "criterion"
				  : "approach", ws, r->scope_key, &sid, e);
		if (rc == ST_NOTFOUND)
			sid = 0;   /* a round on what was deleted since */
		else if (rc < 0)
			return rc;
	}
	q = store_stmt(s, "INSERT INTO vote_round(workshop_id, number, scope, "
		       "approach_id, criterion_id, scope_key, follows, state, "
		       "opened_by, opened_at, revealed_by, revealed_at) VALUES "
		       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", e);
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	sqlite3_bind_int(q, 2, r->number);
	store_bind_text(q, 3, round_scope_id(r->scope));
	if (sid && r->scope == ROUND_APPROACH)
		sqlite3_bind_int64(q, 4, sid);
	if (sid && r->scope == ROUND_CRITERION)
		sqlite3_bind_int64(q, 5, sid);
	if (r->scope == ROUND_CRITERION || r->scope == ROUND_APPROACH)
		store_bind_text(q, 6, r->scope_key);
	sqlite3_bind_int(q, 7, r->follows);
	store_bind_text(q, 8, round_state_id(r->state));
	store_bind_text(q, 9, r->opened_by ? r->opened_by : s->who);
	sqlite3_bind_int64(q, 10, r->opened_at);
	if (r->state == ROUND_REVEALED) {
		store_bind_text(q, 11, r->revealed_by);
		sqlite3_bind_int64(q, 12, r->revealed_at);
	}
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < r->n_cells; i++) {
		int64_t aid, cid;

		if ((rc = store_key_id(s, "approach", ws, r->cells[i].approach,
				       &aid, e)) < 0 ||
		    (rc = store_key_id(s, "criterion", ws, r->cells[i].criterion,
				       &cid, e)) < 0) {
			char why[sizeof(e->msg)];

			if (rc != ST_NOTFOUND)
				return rc;
			memcpy(why, e->msg, sizeof(why));
			return err_set(e, ST_INPUT, _("round %d names a cell "
						      "that is not in the "
						      "matrix (%s)"),
				       r->number, why);
		}
		q = store_stmt(s, "INSERT OR IGNORE INTO round_cell(round_id, "
			       "approach_id, criterion_id) VALUES (?1, ?2, ?3)",
			       e);
		if (!q)
			return e->code;
		sqlite3_bind_int64(q, 1, *id);
		sqlite3_bind_int64(q, 2, aid);
		sqlite3_bind_int64(q, 3, cid);
		if ((rc = store_exec_stmt(s, q, e)) < 0)
			return rc;
	}
	return ST_OK;
}

int store_round_open(struct store *s, int64_t ws, enum round_scope scope,
		     const char *key, const struct round_cell *cells,
		     size_t n, int follows, int *number, struct error *e)
{
	struct vote_round r = { 0 };
	int64_t id = 0, fid = 0, sid;
	enum round_state fst = ROUND_OPEN;
	int open = 0, last = 0, rc;
	char what[160];

	*number = 0;
	if ((unsigned)scope >= ROUND_SCOPE_COUNT)
		return err_set(e, ST_INPUT, "%s", _("unknown round scope"));
	if (scope == ROUND_CELLS && !n)
		return err_set(e, ST_INPUT, "%s",
			       _("a round on cells needs at least one cell"));
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0 ||
	    (rc = rounds_now(s, ws, &open, &last, e)) < 0)
		goto out;
	if (open) {
		rc = err_set(e, ST_INPUT, _("round %d is still open: reveal it "
					    "before opening another"), open);
		goto out;
	}
	if (scope == ROUND_CRITERION || scope == ROUND_APPROACH) {
		rc = store_key_id(s, scope == ROUND_CRITERION ? "criterion"
				  : "approach", ws, key, &sid, e);
		if (rc < 0) {
			if (rc == ST_NOTFOUND)
				rc = e->code = ST_INPUT;
			goto out;
		}
	}
	if (follows) {
		if ((rc = round_row(s, ws, follows, &fid, &fst, e)) < 0)
			goto out;
		if (!fid || fst != ROUND_REVEALED) {
			rc = err_set(e, ST_INPUT, _("round %d follows round %d, "
						    "which is not revealed"),
				     last + 1, follows);
			goto out;
		}
	}
	r.number = last + 1;
	r.scope = scope;
	r.scope_key = (char *)key;
	r.follows = follows;
	r.cells = (struct round_cell *)cells;
	r.n_cells = scope == ROUND_CELLS ? n : 0;
	r.state = ROUND_OPEN;
	r.opened_at = clock_now();
	if ((rc = round_insert(s, ws, &r, &id, e)) < 0)
		goto out;
	if (scope == ROUND_CRITERION || scope == ROUND_APPROACH)
		snprintf(what, sizeof(what), "%s %s", round_scope_id(scope), key);
	else if (scope == ROUND_CELLS)
		snprintf(what, sizeof(what), "%zu cells", n);
	else
		snprintf(what, sizeof(what), "all");
	rc = store_audit(s, ws, "vote_round", id, NULL, NULL, what, e);
	if (rc == ST_OK)
		*number = r.number;
out:
	return store_end(s, rc, e);
}

int store_round_reveal(struct store *s, int64_t ws, int number,
		       struct error *e)
{
	enum round_state st = ROUND_OPEN;
	sqlite3_stmt *q;
	int64_t id;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = round_row(s, ws, number, &id, &st, e)) < 0)
		goto out;
	if (!id) {
		rc = err_set(e, ST_NOTFOUND, _("there is no round %d"), number);
		goto out;
	}
	if (st != ROUND_OPEN) {
		rc = err_set(e, ST_INPUT, _("round %d is revealed already"),
			     number);
		goto out;
	}
	STMT(q, "UPDATE vote_round SET state = 'revealed', revealed_by = ?2, "
	     "revealed_at = ?3, version = version + 1 WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, s->who);
	sqlite3_bind_int64(q, 3, clock_now());
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, ws, "vote_round", id, "state", "open",
				 "revealed", e);
out:
	return store_end(s, rc, e);
}

/* ---- load --------------------------------------------------------------------- */

static int load_agenda(struct store *s, struct workshop_data *d,
		       struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT id, stage, pos, planned, "
				     "spent, version FROM agenda WHERE "
				     "workshop_id = ?1 ORDER BY pos, id", e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		enum stage st;
		struct agenda_item *a;

		if (stage_from_id((const char *)sqlite3_column_text(q, 1),
				  &st) < 0 || !ROOM_STAGE(st))
			continue;
		if (!(a = wsdata_add_agenda(d))) {
			ret = OOM(e);
			break;
		}
		a->id = sqlite3_column_int64(q, 0);
		a->stage = st;
		a->pos = sqlite3_column_int(q, 2);
		a->planned = sqlite3_column_int(q, 3);
		a->spent = sqlite3_column_int64(q, 4);
		a->version = sqlite3_column_int64(q, 5);
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

/* The columns every vote query below selects, in this order. */
#define VOTE_COLUMNS "v.id, v.participant, a.key, c.key, v.value, " \
	"v.version, v.round"
#define VOTE_JOIN "FROM vote v JOIN approach a ON a.id = v.approach_id " \
	"JOIN criterion c ON c.id = v.criterion_id "
#define VOTE_ORDER "ORDER BY v.round, v.participant, a.pos, a.id, c.pos, c.id"

static bool read_vote(sqlite3_stmt *q, struct vote *v)
{
	v->id = sqlite3_column_int64(q, 0);
	v->value = sqlite3_column_double(q, 4);
	v->version = sqlite3_column_int64(q, 5);
	v->round = sqlite3_column_int(q, 6);
	return store_col_text(q, 1, &v->participant) &&
	       store_col_text(q, 2, &v->approach) &&
	       store_col_text(q, 3, &v->criterion);
}

static struct vote_round *round_of(struct workshop_data *d, int number)
{
	return (struct vote_round *)wsdata_round(d, number);
}

static int load_round_rows(struct store *s, struct workshop_data *d,
			   struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT id, number, scope, scope_key, "
				     "follows, state, opened_by, opened_at, "
				     "revealed_by, revealed_at, version FROM "
				     "vote_round WHERE workshop_id = ?1 ORDER "
				     "BY number", e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct vote_round *r = wsdata_add_round(d);

		if (!r || !store_col_text(q, 3, &r->scope_key) ||
		    !store_col_text(q, 6, &r->opened_by) ||
		    !store_col_text(q, 8, &r->revealed_by)) {
			ret = OOM(e);
			break;
		}
		r->id = sqlite3_column_int64(q, 0);
		r->number = sqlite3_column_int(q, 1);
		if (round_scope_from_id((const char *)sqlite3_column_text(q, 2),
					&r->scope) < 0)
			r->scope = ROUND_CELLS;   /* unknown: its cell list */
		r->follows = sqlite3_column_int(q, 4);
		if (round_state_from_id((const char *)sqlite3_column_text(q, 5),
					&r->state) < 0)
			r->state = ROUND_OPEN;    /* unknown: keep it blind */
		r->opened_at = sqlite3_column_int64(q, 7);
		r->revealed_at = sqlite3_column_int64(q, 9);
		r->version = sqlite3_column_int64(q, 10);
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

/* Cell lists: the cells given (cover = false) or covered now (true). */
static int load_round_cells(struct store *s, struct workshop_data *d,
			    bool cover, struct error *e)
{
	sqlite3_stmt *q = cover
		? store_stmt(s, "SELECT r.number, a.key, c.key FROM vote_round r "
			     "JOIN approach a ON a.workshop_id = r.workshop_id "
			     "JOIN criterion c ON c.workshop_id = r.workshop_id "
			     "WHERE r.workshop_id = ?1 AND "
			     STORE_ROUND_COVERS("r", "a.id", "c.id")
			     " ORDER BY r.number, a.pos, a.id, c.pos, c.id", e)
		: store_stmt(s, "SELECT r.number, a.key, c.key FROM round_cell k "
			     "JOIN vote_round r ON r.id = k.round_id "
			     "JOIN approach a ON a.id = k.approach_id "
			     "JOIN criterion c ON c.id = k.criterion_id "
			     "WHERE r.workshop_id = ?1 "
			     "ORDER BY r.number, a.pos, a.id, c.pos, c.id", e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct vote_round *r = round_of(d, sqlite3_column_int(q, 0));
		struct round_cell *c;

		if (!r)
			continue;
		c = cover ? round_add_cover(r) : round_add_cell(r);
		if (!c || !store_col_text(q, 1, &c->approach) ||
		    !store_col_text(q, 2, &c->criterion)) {
			ret = OOM(e);
			break;
		}
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

/* Every vote cast in a round, into its round, with a ballot each; and the
 * votes outside rounds on cells a round has covered since. */
static int load_round_votes(struct store *s, struct workshop_data *d,
			    struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT " VOTE_COLUMNS ", "
				     STORE_CELL_ROUND("v.workshop_id",
						      "v.approach_id",
						      "v.criterion_id")
				     " " VOTE_JOIN "WHERE v.workshop_id = ?1 "
				     VOTE_ORDER, e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int round = sqlite3_column_int(q, 6);
		int current = sqlite3_column_int(q, 7);
		struct vote_round *r = round ? round_of(d, round) : NULL;
		struct vote *v;
		struct ballot *b;

		if (round == 0 && current == 0)
			continue;   /* in d->votes (store_workshop.c) */
		if (round && !r)
			continue;   /* a round that is not there */
		v = r ? round_add_vote(r) : wsdata_add_earlier_vote(d);
		if (!v || !read_vote(q, v)) {
			ret = OOM(e);
			break;
		}
		if (!r)
			continue;
		b = round_add_ballot(r);
		if (!b || !(b->participant = str_dup(v->participant)) ||
		    !(b->approach = str_dup(v->approach)) ||
		    !(b->criterion = str_dup(v->criterion))) {
			ret = OOM(e);
			break;
		}
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

static int load_timer(struct store *s, struct workshop_data *d,
		      struct error *e)
{
	return store_timer_get(s, d->ws.id, &d->timer, e);
}

static int load_ready(struct store *s, struct workshop_data *d,
		      struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT participant, stage, at FROM "
				     "ready_mark WHERE workshop_id = ?1 ORDER "
				     "BY at, participant", e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		enum stage st;
		struct ready_mark *m;

		if (stage_from_id((const char *)sqlite3_column_text(q, 1),
				  &st) < 0)
			continue;
		if (!(m = wsdata_add_ready(d)) ||
		    !store_col_text(q, 0, &m->participant)) {
			ret = OOM(e);
			break;
		}
		m->stage = st;
		m->at = sqlite3_column_int64(q, 2);
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

static int load_parking(struct store *s, struct workshop_data *d,
			struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT id, text, added_by, added_at, "
				     "status, next_step, version FROM parking "
				     "WHERE workshop_id = ?1 ORDER BY id", e);
	int rc, ret = ST_OK;

	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, d->ws.id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct park_item *p = wsdata_add_park(d);

		if (!p || !store_col_text(q, 1, &p->text) ||
		    !store_col_text(q, 2, &p->added_by) ||
		    !store_col_text(q, 5, &p->next_step)) {
			ret = OOM(e);
			break;
		}
		p->id = sqlite3_column_int64(q, 0);
		p->added_at = sqlite3_column_int64(q, 3);
		if (park_status_from_id((const char *)sqlite3_column_text(q, 4),
					&p->status) < 0)
			p->status = PARK_OPEN;
		p->version = sqlite3_column_int64(q, 6);
	}
	if (ret == ST_OK && rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	return ret;
}

int store_room_load(struct store *s, struct workshop_data *d,
		    struct error *e)
{
	int rc;

	if ((rc = load_agenda(s, d, e)) < 0 ||
	    (rc = load_timer(s, d, e)) < 0 ||
	    (rc = load_round_rows(s, d, e)) < 0 ||
	    (rc = load_round_cells(s, d, false, e)) < 0 ||
	    (rc = load_round_cells(s, d, true, e)) < 0 ||
	    (rc = load_round_votes(s, d, e)) < 0 ||
	    (rc = load_ready(s, d, e)) < 0)
		return rc;
	return load_parking(s, d, e);
}

/* ---- import ------------------------------------------------------------------ */

static int insert_votes(struct store *s, int64_t ws, const struct vote *v,
			size_t n, int round, struct error *e)
{
	for (size_t i = 0; i < n; i++) {
		struct vote one = v[i];
		int rc;

		one.round = round;
		if ((rc = store_insert_vote(s, ws, &one, e)) < 0)
			return rc;
	}
	return ST_OK;
}

static int insert_agenda_timer(struct store *s, int64_t ws,
			       const struct workshop_data *d, struct error *e)
{
	sqlite3_stmt *q;
	int rc;

	for (size_t i = 0; i < d->n_agenda; i++) {
		const struct agenda_item *a = &d->agenda[i];

		if (!ROOM_STAGE(a->stage) || a->planned < 0 ||
		    a->planned > STORE_ROOM_MAX_MINUTES || a->spent < 0)
			return err_set(e, ST_INPUT, _("agenda: %s is not a stage "
						      "with a timebox of 0 to %d "
						      "minutes"),
				       stage_id(a->stage),
				       STORE_ROOM_MAX_MINUTES);
		if (!(q = store_stmt(s, "INSERT INTO agenda(workshop_id, stage, "
				     "pos, planned, spent) VALUES (?1, ?2, ?3, "
				     "?4, ?5)", e)))
			return e->code;
		sqlite3_bind_int64(q, 1, ws);
		store_bind_text(q, 2, stage_id(a->stage));
		sqlite3_bind_int(q, 3, (int)i);
		sqlite3_bind_int(q, 4, a->planned);
		sqlite3_bind_int64(q, 5, a->spent);
		if ((rc = store_exec_stmt(s, q, e)) < 0)
			return rc;
	}
	if (!d->timer.set)
		return ST_OK;
	if (!(q = store_stmt(s, "INSERT INTO room_timer(workshop_id, stage, "
			     "state, ends_at, remaining, started_at, duration) "
			     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e)))
		return e->code;
	sqlite3_bind_int64(q, 1, ws);
	store_bind_text(q, 2, stage_id(d->timer.stage));
	store_bind_text(q, 3, timer_state_id(d->timer.state));
	if (d->timer.state == TIMER_RUNNING) {
		sqlite3_bind_int64(q, 4, d->timer.ends_at);
		sqlite3_bind_int64(q, 6, d->timer.started_at);
	}
	if (d->timer.state == TIMER_PAUSED)
		sqlite3_bind_int64(q, 5, d->timer.remaining);
	sqlite3_bind_int64(q, 7, d->timer.duration);
	return store_exec_stmt(s, q, e);
}

int store_room_insert(struct store *s, int64_t ws,
		      const struct workshop_data *d, struct error *e)
{
	sqlite3_stmt *q;
	int64_t id;
	int rc;

	if ((rc = insert_agenda_timer(s, ws, d, e)) < 0)
		return rc;
	for (size_t i = 0; i < d->n_rounds; i++) {
		const struct vote_round *r = &d->rounds[i];

		if (r->number < 1)
			return err_set(e, ST_INPUT, "%s",
				       _("a voting round needs a number of 1 "
					 "or more"));
		if ((rc = round_insert(s, ws, r, &id, e)) < 0 ||
		    (rc = insert_votes(s, ws, r->votes, r->n_votes, r->number,
				       e)) < 0)
			return rc;
	}
	if ((rc = insert_votes(s, ws, d->earlier_votes, d->n_earlier_votes, 0,
			       e)) < 0)
		return rc;
	for (size_t i = 0; i < d->n_ready; i++) {
		if (!(q = store_stmt(s, "INSERT OR IGNORE INTO ready_mark("
				     "workshop_id, participant, stage, at) "
				     "VALUES (?1, ?2, ?3, ?4)", e)))
			return e->code;
		sqlite3_bind_int64(q, 1, ws);
		store_bind_text(q, 2, d->ready[i].participant);
		store_bind_text(q, 3, stage_id(d->ready[i].stage));
		sqlite3_bind_int64(q, 4, d->ready[i].at);
		if ((rc = store_exec_stmt(s, q, e)) < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_parking; i++) {
		const struct park_item *p = &d->parking[i];

		if ((rc = store_park_check(p->text ? p->text : "", e)) < 0)
			return rc;
		if (!(q = store_stmt(s, "INSERT INTO parking(workshop_id, text, "
				     "added_by, added_at, status, next_step) "
				     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e)))
			return e->code;
		sqlite3_bind_int64(q, 1, ws);
		store_bind_text(q, 2, p->text);
		store_bind_text(q, 3, p->added_by ? p->added_by : s->who);
		sqlite3_bind_int64(q, 4, p->added_at);
		store_bind_text(q, 5, park_status_id(p->status));
		store_bind_text(q, 6, p->next_step);
		if ((rc = store_exec_stmt(s, q, e)) < 0)
			return rc;
	}
	return ST_OK;
}

/*
 * Unit tests of store_room and the schema it needs: the upgrade to
 * schema 3 keeps every vote (as cast outside rounds); votes are kept per
 * round (a later round on the same cell leaves the earlier round's row as
 * it was) and the load counts the newest round's; round rules (one open
 * at a time, unknown scopes and cells refused with nothing written); the
 * countdown's arithmetic of time spent (with the clock moved through
 * CHARRETTE_NOW), a stage timed off the agenda; the parking lot's
 * versions and taking an item into the next steps; an audit row for each
 * write.  What is written is checked with a plain SQLite connection.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_room.h"
#include "util/str.h"

#define T0 1700000000L

struct fx {
	char dir[64];
	char *db;
	struct store *s;      /* alice */
	struct store *b;      /* bob */
	int64_t ws;
};

static void at(long t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", t);
	setenv("CHARRETTE_NOW", buf, 1);
}

static void sql(const char *db, const char *q)
{
	sqlite3 *h;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	if (sqlite3_exec(h, q, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", q, msg);
	sqlite3_close(h);
}

static int64_t num(const char *db, const char *q)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void okay(int rc, const struct error *e)
{
	if (rc != ST_OK)
		fail_msg("%d: %s", rc, e->msg);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct workshop_data *d = wsdata_new();
	struct error e;
	static const char *const ak[] = { "sqs", "kafka" };
	static const char *const ck[] = { "dx", "cost" };

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-sroom-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	at(T0);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_open(&f->b, f->db, 0, "bob", &e), ST_OK);
	d->ws.title = str_dup("Room");
	for (int i = 0; i < 2; i++) {
		struct approach *a = wsdata_add_approach(d);
		struct criterion *c = wsdata_add_criterion(d);

		a->key = str_dup(ak[i]);
		c->key = str_dup(ck[i]);
		c->weight = 1;
	}
	okay(store_workshop_import(f->s, d, &f->ws, &e), &e);
	wsdata_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm", ".bak-v1" };

	store_close(&f->s);
	store_close(&f->b);
	for (size_t i = 0; i < 4; i++) {
		char *p = str_printf("%s%s", f->db, ext[i]);

		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	at(T0);
	return 0;
}

static char *v1_sql(void)
{
	char *path = str_printf("%s/tests/data/store/v1.sql", TOP_SRCDIR);
	FILE *fp = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	assert_non_null(fp);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	free(path);
	return buf_detach(&b);
}

/* A version-1 database with votes: after the upgrade every vote is there,
 * cast outside rounds, and the cells count them. */
static void test_upgrade_keeps_votes(void **state)
{
	struct fx *f = *state;
	struct workshop_data *d = NULL;
	struct error e;
	char *v1 = v1_sql();
	int number = 0;
	double two = 2;

	store_close(&f->s);
	store_close(&f->b);
	unlink(f->db);
	sql(f->db, v1);
	free(v1);
	sql(f->db, "INSERT INTO approach(id, workshop_id, key, pos) VALUES "
	    "(10, 1, 'sqs', 0);"
	    "INSERT INTO criterion(id, workshop_id, key, pos, weight) VALUES "
	    "(20, 1, 'dx', 0, 1);"
	    "INSERT INTO vote(workshop_id, participant, approach_id, "
	    "criterion_id, value, version) VALUES (1, 'bob', 10, 20, 4, 3),"
	    "(1, 'carol', 10, 20, 1.5, 1);");
	err_clear(&e);
	okay(store_open(&f->s, f->db, 0, "alice", &e), &e);
	assert_int_equal(num(f->db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(num(f->db, "SELECT count(*) FROM vote WHERE round = 0"),
			 2);
	okay(store_workshop_load(f->s, 1, &d, &e), &e);
	assert_int_equal(d->n_votes, 2);
	assert_string_equal(d->votes[0].participant, "bob");
	assert_true(d->votes[0].value == 4);
	assert_int_equal(d->votes[0].version, 3);
	assert_int_equal(d->votes[0].round, 0);
	assert_int_equal(d->n_rounds, 0);
	assert_int_equal(d->n_agenda, 0);
	wsdata_free(&d);
	/* The unique key takes the round: bob votes again in round 1. */
	okay(store_round_open(f->s, 1, ROUND_ALL, NULL, NULL, 0, 0, &number,
			      &e), &e);
	okay(store_open(&f->b, f->db, 0, "bob", &e), &e);
	okay(store_vote_set(f->b, 1, "sqs", "dx", &two, 0, NULL, &e), &e);
	assert_int_equal(num(f->db, "SELECT count(*) FROM vote WHERE "
			     "participant = 'bob'"), 2);
	okay(store_workshop_load(f->s, 1, &d, &e), &e);
	assert_int_equal(d->n_votes, 1);   /* round 1's: bob's 2 */
	assert_true(d->votes[0].value == 2);
	assert_int_equal(d->n_earlier_votes, 2);
	assert_int_equal(d->rounds[0].n_votes, 1);
	wsdata_free(&d);
}

static void test_votes_per_round(void **state)
{
	struct fx *f = *state;
	struct workshop_data *d = NULL;
	struct round_cell bad = { .approach = "sqs", .criterion = "nope" };
	struct error e;
	double v1 = 1, v5 = 5, v3 = 3;
	int n = 0;
	int64_t audits;

	err_clear(&e);
	okay(store_round_open(f->s, f->ws, ROUND_ALL, NULL, NULL, 0, 0, &n, &e),
	     &e);
	assert_int_equal(n, 1);
	okay(store_vote_set(f->b, f->ws, "sqs", "dx", &v1, 0, NULL, &e), &e);
	okay(store_vote_set(f->b, f->ws, "kafka", "dx", &v5, 0, NULL, &e), &e);
	/* One round open at a time. */
	assert_int_equal(store_round_open(f->s, f->ws, ROUND_ALL, NULL, NULL, 0,
					  0, &n, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "round 1 is still open"));
	okay(store_round_reveal(f->s, f->ws, 1, &e), &e);
	assert_int_equal(store_round_reveal(f->s, f->ws, 1, &e), ST_INPUT);
	assert_int_equal(store_round_reveal(f->s, f->ws, 7, &e), ST_NOTFOUND);
	/* Refused, and nothing written. */
	audits = num(f->db, "SELECT count(*) FROM audit");
	assert_int_equal(store_round_open(f->s, f->ws, ROUND_CRITERION, "nope",
					  NULL, 0, 0, &n, &e), ST_INPUT);
	assert_int_equal(store_round_open(f->s, f->ws, ROUND_CELLS, NULL, &bad,
					  1, 1, &n, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "not in the matrix"));
	assert_int_equal(store_round_open(f->s, f->ws, ROUND_CELLS, NULL, NULL,
					  0, 1, &n, &e), ST_INPUT);
	assert_int_equal(num(f->db, "SELECT count(*) FROM vote_round"), 1);
	assert_int_equal(num(f->db, "SELECT count(*) FROM audit"), audits);
	/* Round 2 on one cell: its vote is a row of its own. */
	okay(store_round_open(f->s, f->ws, ROUND_CELLS, NULL,
			      &(struct round_cell){ .approach = "sqs",
						    .criterion = "dx" }, 1, 1,
			      &n, &e), &e);
	assert_int_equal(n, 2);
	okay(store_vote_set(f->b, f->ws, "sqs", "dx", &v3, 0, NULL, &e), &e);
	assert_int_equal(num(f->db, "SELECT value FROM vote WHERE round = 1 AND "
			     "value = 1"), 1);
	assert_int_equal(num(f->db, "SELECT count(*) FROM vote WHERE round = 2"),
			 1);
	okay(store_workshop_load(f->s, f->ws, &d, &e), &e);
	assert_int_equal(d->n_rounds, 2);
	assert_int_equal(d->rounds[0].n_votes, 2);
	assert_int_equal(d->rounds[0].n_covers, 4);
	assert_int_equal(d->rounds[1].n_covers, 1);
	assert_int_equal(d->rounds[1].n_cells, 1);
	assert_int_equal(d->rounds[1].follows, 1);
	assert_string_equal(d->rounds[1].opened_by, "alice");
	/* Counted now: round 2 on sqs/dx, round 1 on kafka/dx. */
	assert_int_equal(d->n_votes, 2);
	for (size_t i = 0; i < d->n_votes; i++)
		assert_true(str_eq(d->votes[i].approach, "sqs")
			    ? d->votes[i].value == 3 && d->votes[i].round == 2
			    : d->votes[i].value == 5 && d->votes[i].round == 1);
	wsdata_free(&d);
	/* A round on a criterion that is deleted stays, covering nothing. */
	okay(store_round_reveal(f->s, f->ws, 2, &e), &e);
	okay(store_round_open(f->s, f->ws, ROUND_CRITERION, "cost", NULL, 0, 0,
			      &n, &e), &e);
	sql(f->db, "PRAGMA foreign_keys = ON; DELETE FROM criterion WHERE "
	    "key = 'cost'");
	okay(store_workshop_load(f->s, f->ws, &d, &e), &e);
	assert_int_equal(d->n_rounds, 3);
	assert_string_equal(d->rounds[2].scope_key, "cost");
	assert_int_equal(d->rounds[2].n_covers, 0);
	wsdata_free(&d);
	assert_true(num(f->db, "SELECT count(*) FROM audit WHERE tbl = "
			"'vote_round'") >= 5);
}

static int64_t spent(struct fx *f, const char *stage)
{
	char *q = str_printf("SELECT spent FROM agenda WHERE stage = '%s'",
			     stage);
	int64_t v = num(f->db, q);

	free(q);
	return v;
}

static void test_timer_spent(void **state)
{
	struct fx *f = *state;
	struct workshop_data *d = NULL;
	struct agenda_item plan[2] = {
		{ .stage = STAGE_TRADEOFFS, .planned = 30 },
		{ .stage = STAGE_DECISION, .planned = 15 },
	};
	struct error e;

	err_clear(&e);
	okay(store_agenda_seed(f->s, f->ws, plan, 2, &e), &e);
	/* A second seed changes nothing. */
	okay(store_agenda_seed(f->s, f->ws, plan, 1, &e), &e);
	assert_int_equal(num(f->db, "SELECT count(*) FROM agenda"), 2);
	assert_int_equal(store_timer_pause(f->s, f->ws, &e), ST_INPUT);
	assert_int_equal(store_timer_extend(f->s, f->ws, 60, &e), ST_INPUT);
	assert_int_equal(store_timer_start(f->s, f->ws, STAGE_TRADEOFFS, 0, &e),
			 ST_INPUT);
	okay(store_timer_start(f->s, f->ws, STAGE_TRADEOFFS, 600, &e), &e);
	at(T0 + 100);
	okay(store_timer_pause(f->s, f->ws, &e), &e);
	assert_int_equal(spent(f, "tradeoffs"), 100);
	assert_int_equal(num(f->db, "SELECT remaining FROM room_timer"), 500);
	at(T0 + 1000);   /* paused: no time spent */
	okay(store_timer_extend(f->s, f->ws, -60, &e), &e);
	okay(store_timer_resume(f->s, f->ws, &e), &e);
	assert_int_equal(num(f->db, "SELECT ends_at FROM room_timer"),
			 T0 + 1000 + 440);
	at(T0 + 1500);   /* 60 s over */
	/* Restarting on a stage off the agenda ends this one. */
	okay(store_timer_start(f->s, f->ws, STAGE_METRICS, 120, &e), &e);
	assert_int_equal(spent(f, "tradeoffs"), 600);
	at(T0 + 1530);
	okay(store_timer_stop(f->s, f->ws, &e), &e);
	assert_int_equal(store_timer_stop(f->s, f->ws, &e), ST_INPUT);
	assert_int_equal(spent(f, "metrics"), 30);
	assert_int_equal(num(f->db, "SELECT planned FROM agenda WHERE stage = "
			     "'metrics'"), 0);
	okay(store_workshop_load(f->s, f->ws, &d, &e), &e);
	assert_int_equal(d->n_agenda, 3);
	assert_int_equal(d->agenda[2].stage, STAGE_METRICS);
	assert_true(d->timer.set);
	assert_int_equal(d->timer.state, TIMER_STOPPED);
	assert_int_equal(d->timer.stage, STAGE_METRICS);
	assert_int_equal(d->timer.duration, 120);
	wsdata_free(&d);
	/* Every operation wrote an audit row. */
	assert_int_equal(num(f->db, "SELECT count(*) FROM audit WHERE tbl = "
			     "'timer'"), 6);
	/* The timebox of a stage: conflict on a stale version. */
	okay(store_agenda_plan(f->s, f->ws, STAGE_DECISION, 20, 1, NULL, &e),
	     &e);
	assert_int_equal(store_agenda_plan(f->b, f->ws, STAGE_DECISION, 25, 1,
					   NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "alice"));
	assert_int_equal(store_agenda_plan(f->s, f->ws, STAGE_DONE, 5, 0, NULL,
					   &e), ST_INPUT);
}

static void test_ready_and_parking(void **state)
{
	struct fx *f = *state;
	struct workshop_data *d = NULL;
	struct error e;
	int64_t id = 0, v = 0;
	size_t n = 0;

	err_clear(&e);
	okay(store_ready_set(f->b, f->ws, STAGE_TRADEOFFS, true, &e), &e);
	okay(store_ready_set(f->b, f->ws, STAGE_TRADEOFFS, true, &e), &e);
	okay(store_ready_set(f->s, f->ws, STAGE_TRADEOFFS, true, &e), &e);
	assert_int_equal(num(f->db, "SELECT count(*) FROM ready_mark"), 2);
	assert_int_equal(num(f->db, "SELECT count(*) FROM audit WHERE tbl = "
			     "'ready'"), 2);
	okay(store_ready_clear(f->s, f->ws, STAGE_TRADEOFFS, &n, &e), &e);
	assert_int_equal(n, 2);

	assert_int_equal(store_park_add(f->b, f->ws, "a\x1b[31m", &id, &e),
			 ST_INPUT);
	assert_int_equal(store_park_add(f->b, f->ws, " \t", &id, &e), ST_INPUT);
	okay(store_park_add(f->b, f->ws, "Budget for staging", &id, &e), &e);
	okay(store_park_text(f->s, id, "Budget for the staging cluster", 1, &v,
			     &e), &e);
	assert_int_equal(v, 2);
	assert_int_equal(store_park_text(f->b, id, "Staging", 1, NULL, &e),
			 ST_CONFLICT);
	assert_non_null(strstr(e.msg, "alice"));
	okay(store_park_take(f->b, id, 2, &v, &e), &e);
	assert_int_equal(store_park_take(f->b, id, 3, NULL, &e), ST_INPUT);
	okay(store_workshop_load(f->s, f->ws, &d, &e), &e);
	assert_int_equal(d->n_parking, 1);
	assert_string_equal(d->parking[0].added_by, "bob");
	assert_int_equal(d->parking[0].added_at, T0);
	assert_int_equal(d->parking[0].status, PARK_ROADMAP);
	assert_string_equal(d->parking[0].next_step,
			    "Budget for the staging cluster");
	assert_int_equal(d->next_steps.n, 1);
	assert_string_equal(d->next_steps.v[0], "Budget for the staging cluster");
	wsdata_free(&d);
	okay(store_park_status(f->s, id, PARK_DONE, 3, NULL, &e), &e);
	assert_int_equal(store_park_status(f->s, id, PARK_ROADMAP, 4, NULL, &e),
			 ST_INPUT);
	assert_int_equal(store_park_delete(f->s, id, 3, &e), ST_CONFLICT);
	okay(store_park_delete(f->s, id, 4, &e), &e);
	assert_int_equal(num(f->db, "SELECT count(*) FROM parking"), 0);
	assert_int_equal(num(f->db, "SELECT count(*) FROM audit WHERE tbl = "
			     "'parking'"), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_keeps_votes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_votes_per_round, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_timer_spent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ready_and_parking, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

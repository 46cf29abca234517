/*
 * Unit tests of the session layer, without a terminal: a score set and
 * the totals it moves, a conflicting save from a second session on the
 * same database (and none when only another field of the row changed), a
 * nudge applied once and only once, undo of a field, an answer, a score
 * and an add, and a draft kept when a save fails on a locked database.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "store/store_share.h"
#include "util/str.h"

struct fx {
	char dir[64];
	char *db;
	struct knowledge *k;
	struct store *st_a, *st_b;
	struct session *a, *b;
	int64_t ws;
};

static struct session *open_session(struct fx *f, struct store **st,
				    const char *who)
{
	struct session *s = NULL;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_open(st, f->db, 0, who, &e), ST_OK);
	assert_int_equal(session_new(&s, &(struct session_opts){
		.store = *st, .k = f->k }, &e), ST_OK);
	return s;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct sess_result r = { 0 };
	struct diag dg = { 0 };
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-session-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	assert_int_equal(content_load(&f->k, TOP_SRCDIR "/data", NULL, 0, &dg),
			 ST_OK);
	diag_clear(&dg);
	f->a = open_session(f, &f->st_a, "alice");
	f->b = open_session(f, &f->st_b, "bob");
	assert_int_equal(session_workshop_create(f->a, "Queue choice", "devops",
						 &r), ST_OK);
	f->ws = r.id;
	sess_result_clear(&r);
	err_clear(&e);
	assert_int_equal(session_open(f->a, f->ws, &e), ST_OK);
	assert_int_equal(session_open(f->b, f->ws, &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	session_free(&f->a);
	session_free(&f->b);
	store_close(&f->st_a);
	store_close(&f->st_b);
	knowledge_free(&f->k);
	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s%s", f->db, ext[i]);

		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

static void add_approach(struct session *s, const char *name)
{
	struct approach ap = { .key = "", .name = (char *)name };
	struct sess_result r = { 0 };

	assert_int_equal(session_add_approach(s, &ap, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	sess_result_clear(&r);
	session_sync(s);
}

static const struct risk *risk_by_key(struct session *s, const char *key)
{
	const struct workshop_data *d = session_data(s);

	for (size_t i = 0; i < d->n_risks; i++)
		if (str_eq(d->risks[i].key, key))
			return &d->risks[i];
	return NULL;
}

static void test_score_moves_totals(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	const struct sess_view *v;
	unsigned gen;
	double five = 5;

	add_approach(f->a, "Managed queue");
	add_approach(f->a, "Self-run Kafka");
	d = session_data(f->a);
	assert_int_equal(d->n_approaches, 2);
	assert_true(d->n_criteria >= 2);
	gen = session_generation(f->a);
	assert_int_equal(session_set_score(f->a, d->approaches[1].key,
					   d->criteria[0].key, &five, 0, &r),
			 ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Nothing reloads under a handler: the data is stale until a sync. */
	assert_int_equal(session_generation(f->a), gen);
	assert_int_equal(session_sync(f->a) & SP_DATA, SP_DATA);
	assert_true(session_generation(f->a) != gen);
	v = session_view(f->a);
	assert_true(v->scored);
	assert_true(v->sc.totals[1] > v->sc.totals[0]);
	assert_int_equal(v->sc.rank[1], 1);
	assert_non_null(session_cell(f->a, 1, 0)->score);
	/* The same value again writes nothing. */
	d = session_data(f->a);
	assert_int_equal(session_set_score(f->a, d->approaches[1].key,
					   d->criteria[0].key, &five,
					   session_cell(f->a, 1, 0)->score->version,
					   &r), ST_OK);
	assert_int_equal(r.status, SESS_UNCHANGED);
	/* Bob sees it when he polls. */
	assert_true(session_poll(f->b) & SP_DATA);
	assert_true(session_view(f->b)->sc.totals[1] ==
		    session_view(f->a)->sc.totals[1]);
	sess_result_clear(&r);
}

static void test_conflict_per_field(void **state)
{
	struct fx *f = *state;
	struct risk rk = { .key = "", .description = "Broker outage",
			   .probability = 3, .impact = 4 };
	struct sess_result r = { 0 };
	const struct risk *ra, *rb;
	int64_t id, version;
	char where[64];

	assert_int_equal(session_add_risk(f->a, &rk, &r), ST_OK);
	id = r.id;
	session_sync(f->a);
	session_poll(f->b);
	ra = risk_by_key(f->a, "R1");
	rb = risk_by_key(f->b, "R1");
	assert_non_null(ra);
	assert_non_null(rb);
	version = ra->version;
	/* Bob sets the owner first. */
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "risk", .field = "owner", .id = id,
		.version = rb->version, .base = "", .value = "bob" }, &r),
		ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Alice's mitigation started from the old row version: another field
	 * changed, not hers, so it is saved. */
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "risk", .field = "mitigation", .id = id,
		.version = version, .base = "", .value = "Two brokers" }, &r),
		ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Alice's owner edit from the old version conflicts with Bob's. */
	snprintf(where, sizeof(where), "risk:%lld:owner", (long long)id);
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "risk", .field = "owner", .id = id,
		.version = version, .base = "", .value = "alice",
		.where = where }, &r), ST_CONFLICT);
	assert_int_equal(r.status, SESS_CONFLICT);
	assert_string_equal(r.theirs, "bob");
	assert_string_equal(r.who, "bob");
	assert_true(r.draft_kept);
	sess_result_clear(&r);
	{
		char *draft = NULL;

		assert_int_equal(session_draft_get(f->a, where, "bob", &draft),
				 ST_OK);
		assert_string_equal(draft, "alice");
		free(draft);
	}
	session_sync(f->a);
	ra = risk_by_key(f->a, "R1");
	assert_string_equal(ra->owner, "bob");
	assert_string_equal(ra->mitigation, "Two brokers");
}

/* Answers that make the findings nudge a weight: a team under twenty
 * engineers favours time to value (rules.yaml, velocity-small-team). */
static void test_nudge_once(void **state)
{
	struct fx *f = *state;
	struct value v = { .kind = VAL_NUMBER, .number = 8 };
	struct sess_result r = { 0 };
	const struct sess_view *view;
	size_t which = (size_t)-1, again;
	double before = 0;
	int ci = -1;

	assert_int_equal(session_set_answer(f->a, "team_size", &v, 0, NULL, &r),
			 ST_OK);
	session_sync(f->a);
	view = session_view(f->a);
	assert_true(view->have_findings);
	for (size_t i = 0; i < view->n_nudges; i++)
		if (str_eq(session_data(f->a)->criteria[view->nudges[i].criterion].key,
			   "ttv"))
			which = i;
	assert_true(which != (size_t)-1);
	assert_false(view->nudges[which].applied);
	ci = (int)view->nudges[which].criterion;
	before = session_data(f->a)->criteria[ci].weight;
	assert_int_equal(session_apply_nudges(f->a, &which, 1, &r), ST_OK);
	assert_int_equal(r.count, 1);
	session_sync(f->a);
	view = session_view(f->a);
	assert_true(view->nudges[which].applied);
	assert_true(fabs(session_data(f->a)->criteria[ci].weight -
			 (before + view->nudges[which].delta)) < 1e-9);
	/* Asked again (from another screen): nothing more happens. */
	again = which;
	assert_int_equal(session_apply_nudges(f->a, &again, 1, &r), ST_OK);
	assert_int_equal(r.count, 0);
	assert_int_equal(r.status, SESS_UNCHANGED);
	session_sync(f->a);
	assert_true(fabs(session_data(f->a)->criteria[ci].weight -
			 (before + session_view(f->a)->nudges[which].delta)) <
		    1e-9);
	sess_result_clear(&r);
}

static void test_undo(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	double four = 4;
	char *title;

	add_approach(f->a, "Managed queue");
	add_approach(f->a, "Self-run Kafka");
	d = session_data(f->a);
	title = str_dup(d->ws.title);
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = d->ws.version, .value = "Renamed" }, &r), ST_OK);
	session_sync(f->a);
	d = session_data(f->a);
	assert_int_equal(session_set_score(f->a, d->approaches[0].key,
					   d->criteria[0].key, &four, 0, &r),
			 ST_OK);
	session_sync(f->a);
	assert_true(session_can_undo(f->a));
	/* Last first: the score goes. */
	assert_int_equal(session_undo(f->a, &r), ST_OK);
	session_sync(f->a);
	assert_null(session_cell(f->a, 0, 0)->score &&
		    session_cell(f->a, 0, 0)->score->has_value
		    ? session_cell(f->a, 0, 0)->score : NULL);
	/* Then the title. */
	assert_int_equal(session_undo(f->a, &r), ST_OK);
	session_sync(f->a);
	assert_string_equal(session_data(f->a)->ws.title, title);
	/* Then the second approach that was added. */
	assert_int_equal(session_undo(f->a, &r), ST_OK);
	session_sync(f->a);
	assert_int_equal(session_data(f->a)->n_approaches, 1);
	/* Bob changed the title meanwhile?  Then undo refuses to overwrite. */
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(f->a)->ws.version, .value = "Mine" },
		&r), ST_OK);
	session_poll(f->b);
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(f->b)->ws.version, .value = "Bob's" },
		&r), ST_OK);
	session_poll(f->a);
	assert_true(session_undo(f->a, &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	session_sync(f->a);
	assert_string_equal(session_data(f->a)->ws.title, "Bob's");
	free(title);
	sess_result_clear(&r);
}

/* An approach deleted with its scores and votes comes back whole. */
static void test_undo_delete(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	double four = 4, two = 2;
	char *key;

	add_approach(f->a, "Managed queue");
	add_approach(f->a, "Self-run Kafka");
	d = session_data(f->a);
	key = str_dup(d->approaches[1].key);
	assert_int_equal(session_set_score(f->a, key, d->criteria[0].key, &four,
					   0, &r), ST_OK);
	assert_int_equal(session_set_vote(f->a, key, d->criteria[1].key, &two,
					  0, &r), ST_OK);
	session_sync(f->a);
	session_poll(f->b);
	d = session_data(f->b);
	assert_int_equal(session_set_vote(f->b, key, d->criteria[1].key, &four,
					  0, &r), ST_OK);
	session_poll(f->a);
	d = session_data(f->a);
	assert_int_equal(session_delete_approach(f->a, d->approaches[1].id,
						 d->approaches[1].version, &r),
			 ST_OK);
	session_sync(f->a);
	d = session_data(f->a);
	assert_int_equal(d->n_approaches, 1);
	assert_int_equal(d->n_votes, 0);
	assert_int_equal(session_undo(f->a, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	session_sync(f->a);
	d = session_data(f->a);
	assert_int_equal(d->n_approaches, 2);
	assert_string_equal(d->approaches[1].key, key);
	assert_non_null(session_cell(f->a, 1, 0)->score);
	assert_true(session_cell(f->a, 1, 0)->score->value == 4);
	/* Both participants' votes are back. */
	assert_int_equal(session_cell(f->a, 1, 1)->n_votes, 2);
	free(key);
	sess_result_clear(&r);
}

static void test_draft_after_failed_save(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	sqlite3 *lock;
	char *draft = NULL;

	/* Another process holds the write lock. */
	assert_int_equal(sqlite3_open(f->db, &lock), SQLITE_OK);
	assert_int_equal(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL),
			 SQLITE_OK);
	store_share_busy_ms(f->st_a, 20);
	session_set_field(f->a, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(f->a)->ws.version,
		.value = "Typed while locked", .where = "workshop:title" }, &r);
	assert_int_equal(r.status, SESS_BUSY);
	assert_true(r.draft_kept);
	sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(lock);
	assert_int_equal(session_draft_get(f->a, "workshop:title",
					   session_data(f->a)->ws.title, &draft),
			 ST_OK);
	assert_string_equal(draft, "Typed while locked");
	free(draft);
	/* Saved later: the draft goes. */
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(f->a)->ws.version,
		.value = "Typed while locked", .where = "workshop:title" }, &r),
		ST_OK);
	assert_int_equal(session_draft_get(f->a, "workshop:title", "", &draft),
			 ST_OK);
	assert_null(draft);
	sess_result_clear(&r);
}

static void test_observer_refused(void **state)
{
	struct fx *f = *state;
	struct session *obs = NULL;
	struct sess_result r = { 0 };
	struct error e;

	err_clear(&e);
	assert_int_equal(session_new(&obs, &(struct session_opts){
		.store = f->st_b, .k = f->k, .read_only = true }, &e), ST_OK);
	assert_int_equal(session_open(obs, f->ws, &e), ST_OK);
	session_set_field(obs, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(obs)->ws.version, .value = "x" }, &r);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "read-only"));
	session_free(&obs);
}

static const struct decision *adr(struct session *s, int number)
{
	return wsdata_decision(session_data(s), number);
}

/* The Supersedes field through the session: the record itself and an
 * unknown number are refused with nothing written; a link changes both
 * records; clearing it gives the old one back the status it had (here
 * proposed, not a default); u takes a whole save back. */
static void test_supersedes_both_sides(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	struct decision d1 = { .title = "Old way", .status = ADR_PROPOSED };
	struct decision d2 = { .title = "New way", .status = ADR_ACCEPTED };
	const int self[] = { 2 }, unknown[] = { 9 }, one[] = { 1 };

	assert_int_equal(session_add_decision(f->a, &d1, &r), ST_OK);
	assert_int_equal(session_add_decision(f->a, &d2, &r), ST_OK);
	session_sync(f->a);

	assert_true(session_set_supersedes(f->a, 2, self, 1, &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "cannot supersede itself"));
	assert_true(session_set_supersedes(f->a, 2, unknown, 1, &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "no ADR 9"));
	session_sync(f->a);
	assert_int_equal(adr(f->a, 2)->n_supersedes, 0);
	assert_int_equal(adr(f->a, 1)->status, ADR_PROPOSED);

	assert_int_equal(session_set_supersedes(f->a, 2, one, 1, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	session_sync(f->a);
	assert_int_equal(adr(f->a, 1)->status, ADR_SUPERSEDED);
	assert_int_equal(adr(f->a, 1)->superseded_by, 2);
	assert_int_equal(adr(f->a, 2)->n_supersedes, 1);
	assert_int_equal(adr(f->a, 2)->supersedes[0], 1);
	/* The same again changes nothing. */
	assert_int_equal(session_set_supersedes(f->a, 2, one, 1, &r), ST_OK);
	assert_int_equal(r.status, SESS_UNCHANGED);

	/* ADR 1 cannot supersede ADR 2 now: a loop. */
	{
		const int two[] = { 2 };

		assert_true(session_set_supersedes(f->a, 1, two, 1, &r) < 0);
		assert_non_null(strstr(r.msg, "loop"));
	}

	assert_int_equal(session_set_supersedes(f->a, 2, NULL, 0, &r), ST_OK);
	session_sync(f->a);
	assert_int_equal(adr(f->a, 1)->status, ADR_PROPOSED);
	assert_int_equal(adr(f->a, 1)->superseded_by, 0);
	assert_int_equal(adr(f->a, 2)->n_supersedes, 0);

	/* u puts the link back on both sides. */
	assert_int_equal(session_undo(f->a, &r), ST_OK);
	session_sync(f->a);
	assert_int_equal(adr(f->a, 1)->status, ADR_SUPERSEDED);
	assert_int_equal(adr(f->a, 1)->superseded_by, 2);
	assert_int_equal(adr(f->a, 2)->n_supersedes, 1);
	sess_result_clear(&r);
}

static void test_idle_wait(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	struct session *s = NULL;
	struct error e;
	sqlite3 *lock;

	/* Idle, the session's next work is its heartbeat (an hour here, so
	 * that no slow machine blurs it with the retries below). */
	err_clear(&e);
	assert_int_equal(session_new(&s, &(struct session_opts){
		.store = f->st_a, .k = f->k, .beat_seconds = 3600 }, &e), ST_OK);
	assert_int_equal(session_open(s, f->ws, &e), ST_OK);
	assert_in_range(session_idle_ms(s), 3000000, 3600001);
	/* My own write: reload at once. */
	assert_int_equal(session_set_field(s, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(s)->ws.version,
		.value = "Queue choice, again" }, &r), ST_OK);
	assert_int_equal(session_idle_ms(s), 0);
	session_sync(s);
	assert_in_range(session_idle_ms(s), 3000000, 3600001);
	/* A draft the locked database did not take is retried soon, but
	 * not in a spin; once it is written, the heartbeat is next again. */
	assert_int_equal(sqlite3_open(f->db, &lock), SQLITE_OK);
	assert_int_equal(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL),
			 SQLITE_OK);
	store_share_busy_ms(f->st_a, 20);
	session_set_field(s, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(s)->ws.version,
		.value = "Typed while locked", .where = "workshop:title" }, &r);
	assert_true(r.draft_kept);
	session_sync(s);
	assert_int_equal(session_idle_ms(s), 250);
	sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(lock);
	session_poll(s);
	assert_in_range(session_idle_ms(s), 3000000, 3600001);
	sess_result_clear(&r);
	session_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_score_moves_totals, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_conflict_per_field, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_nudge_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_delete, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_draft_after_failed_save,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_observer_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_supersedes_both_sides,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_wait, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

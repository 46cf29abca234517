/*
 * Unit tests of undo on the parking lot (session_park_undo.c), with two
 * sessions on one database (alice and bob): u takes back an item parked,
 * an edit of its text, done and reopen, taking it into the roadmap's next
 * steps (the step goes again) and a deletion (the item comes back with
 * its id, author, time and status); a later change by someone else is
 * never overwritten, and the audit log records every undo as a change.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/str.h"

#define T0 1700000000L

struct fx {
	char dir[64];
	char *db;
	struct knowledge *k;
	struct store *st[2];
	struct session *s[2];   /* alice, bob */
	int64_t ws;
};

enum { ALICE, BOB };
static const char *const names[] = { "alice", "bob" };

static void at(long t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", t);
	setenv("CHARRETTE_NOW", buf, 1);
}

static void ok(int rc, struct sess_result *r)
{
	if (rc != ST_OK || !sess_ok(r))
		fail_msg("not saved: %s", r->msg);
	sess_result_clear(r);
}

static void sync_all(struct fx *f)
{
	for (int i = 0; i < 2; i++) {
		session_sync(f->s[i]);
		session_poll(f->s[i]);
	}
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct sess_result r = { 0 };
	struct diag dg = { 0 };
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-park-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	at(T0);
	assert_int_equal(content_load(&f->k, TOP_SRCDIR "/data", NULL, 0, &dg),
			 ST_OK);
	diag_clear(&dg);
	for (int i = 0; i < 2; i++) {
		err_clear(&e);
		assert_int_equal(store_open(&f->st[i], f->db, 0, names[i], &e),
				 ST_OK);
		assert_int_equal(store_testing_account(f->st[i], names[i]),
				 ST_OK);
		assert_int_equal(session_new(&f->s[i], &(struct session_opts){
			.store = f->st[i], .k = f->k }, &e), ST_OK);
	}
	assert_int_equal(session_workshop_create(f->s[ALICE], "Queue choice",
						 "generic", &r), ST_OK);
	f->ws = r.id;
	sess_result_clear(&r);
	for (int i = 0; i < 2; i++)
		assert_int_equal(session_open(f->s[i], f->ws, &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	for (int i = 0; i < 2; i++) {
		session_free(&f->s[i]);
		store_close(&f->st[i]);
	}
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

static const struct park_item *item(struct fx *f, int who, int64_t id)
{
	return wsdata_park(session_data(f->s[who]), id);
}

/* u, which must succeed; its message. */
static void undo(struct fx *f, int who, const char *msg)
{
	struct sess_result r = { 0 };

	assert_true(session_can_undo(f->s[who]));
	if (session_undo(f->s[who], &r) != ST_OK || !sess_ok(&r))
		fail_msg("not undone: %s", r.msg);
	if (msg && !strstr(r.msg, msg))
		fail_msg("undo said \"%s\", not \"%s\"", r.msg, msg);
	sess_result_clear(&r);
	sync_all(f);
}

/* u, which must be refused with msg. */
static void undo_refused(struct fx *f, int who, const char *msg)
{
	struct sess_result r = { 0 };

	assert_true(session_undo(f->s[who], &r) < 0);
	if (!strstr(r.msg, msg))
		fail_msg("undo said \"%s\", not \"%s\"", r.msg, msg);
	sess_result_clear(&r);
	sync_all(f);
}

static int64_t park(struct fx *f, int who, const char *text)
{
	struct sess_result r = { 0 };
	int64_t id;

	assert_int_equal(session_park_add(f->s[who], text, &r), ST_OK);
	id = r.id;
	sess_result_clear(&r);
	sync_all(f);
	return id;
}

static void test_add_and_edit(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	int64_t a = park(f, BOB, "Who pays for staging?");

	assert_non_null(item(f, ALICE, a));
	assert_string_equal(session_undo_label(f->s[BOB]),
			    "parking “Who pays for staging?”");
	undo(f, BOB, "undone: parking “Who pays for staging?”");
	assert_null(item(f, ALICE, a));
	assert_false(session_can_undo(f->s[BOB]));

	/* An edit goes back to the text before it. */
	a = park(f, BOB, "Who pays for staging?");
	ok(session_park_edit(f->s[BOB], a, item(f, BOB, a)->version,
			     "Who pays for the staging cluster?", NULL, &r), &r);
	sync_all(f);
	undo(f, BOB, "the edit of the parking-lot item");
	assert_string_equal(item(f, ALICE, a)->text, "Who pays for staging?");

	/* Not over someone else's later edit: theirs stays. */
	ok(session_park_edit(f->s[BOB], a, item(f, BOB, a)->version,
			     "Who pays?", NULL, &r), &r);
	sync_all(f);
	ok(session_park_edit(f->s[ALICE], a, item(f, ALICE, a)->version,
			     "Who pays, and from which budget?", NULL, &r), &r);
	sync_all(f);
	undo_refused(f, BOB, "changed since");
	assert_string_equal(item(f, BOB, a)->text,
			    "Who pays, and from which budget?");
	/* And the add below it is not taken back over alice's text. */
	undo_refused(f, BOB, "changed since");
	assert_non_null(item(f, BOB, a));
}

static void test_status_and_take(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	int64_t a = park(f, BOB, "Rename the team channel");
	int64_t b = park(f, BOB, "Who pays for staging?");

	ok(session_park_done(f->s[ALICE], a, &r), &r);
	sync_all(f);
	assert_int_equal(item(f, BOB, a)->status, PARK_DONE);
	undo(f, ALICE, "marking “Rename the team channel” done");
	assert_int_equal(item(f, BOB, a)->status, PARK_OPEN);

	/* Into the next steps, after one typed by hand with the same text:
	 * undo takes out the step the item became, the last one. */
	{
		struct strv steps = { 0 }, base = { 0 };

		assert_int_equal(strv_push(&steps, "Who pays for staging?"), 0);
		assert_int_equal(strv_push(&steps, "Book the kick-off"), 0);
		ok(session_set_next_steps(f->s[ALICE], &steps, &base, NULL, &r),
		   &r);
		strv_free(&steps);
		sync_all(f);
	}
	ok(session_park_done(f->s[ALICE], b, &r), &r);
	sync_all(f);
	ok(session_park_take(f->s[ALICE], b, &r), &r);
	sync_all(f);
	d = session_data(f->s[BOB]);
	assert_int_equal(d->next_steps.n, 3);
	assert_string_equal(d->next_steps.v[2], "Who pays for staging?");
	assert_int_equal(item(f, BOB, b)->status, PARK_ROADMAP);
	undo(f, ALICE, "taking “Who pays for staging?” into the next steps");
	d = session_data(f->s[BOB]);
	assert_int_equal(d->next_steps.n, 2);
	assert_string_equal(d->next_steps.v[0], "Who pays for staging?");
	assert_string_equal(d->next_steps.v[1], "Book the kick-off");
	/* Back to done, as it was before it was taken. */
	assert_int_equal(item(f, BOB, b)->status, PARK_DONE);
	undo(f, ALICE, "marking “Who pays for staging?” done");
	assert_int_equal(item(f, BOB, b)->status, PARK_OPEN);

	/* Taken again, then reopened by bob: alice's undo of the take is
	 * refused, the step and bob's reopen stay. */
	ok(session_park_take(f->s[ALICE], b, &r), &r);
	sync_all(f);
	ok(session_park_reopen(f->s[BOB], b, &r), &r);
	sync_all(f);
	undo_refused(f, ALICE, "changed since");
	assert_int_equal(item(f, ALICE, b)->status, PARK_OPEN);
	assert_int_equal(session_data(f->s[ALICE])->next_steps.n, 3);
	/* Bob's reopen goes back: it is in the roadmap again, with its one
	 * step (no second one). */
	undo(f, BOB, "reopening");
	assert_int_equal(item(f, ALICE, b)->status, PARK_ROADMAP);
	assert_int_equal(session_data(f->s[ALICE])->next_steps.n, 3);
	/* The refused step is gone from alice's undo, as every step that
	 * can no longer be taken back: none of hers on the lot is left. */
	assert_true(!session_undo_label(f->s[ALICE]) ||
		    !strstr(session_undo_label(f->s[ALICE]), "“"));
}

static void test_delete_comes_back(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct park_item *p;
	int64_t a = park(f, BOB, "Is PCI DSS in scope for refunds?");
	int64_t added_at, n_audit;
	sqlite3_stmt *q;

	ok(session_park_done(f->s[BOB], a, &r), &r);
	sync_all(f);
	added_at = item(f, ALICE, a)->added_at;
	at(T0 + 600);
	ok(session_park_delete(f->s[ALICE], a, item(f, ALICE, a)->version, &r),
	   &r);
	sync_all(f);
	assert_null(item(f, BOB, a));
	undo(f, ALICE, "the deletion of the parking-lot item");
	p = item(f, BOB, a);
	assert_non_null(p);
	assert_string_equal(p->text, "Is PCI DSS in scope for refunds?");
	assert_string_equal(p->added_by, "bob");
	assert_int_equal(p->added_at, added_at);
	assert_int_equal(p->status, PARK_DONE);
	/* The undo is a change of its own in the history. */
	assert_non_null(q = store_stmt(f->st[BOB], "SELECT count(*) FROM audit "
				       "WHERE tbl = 'parking' AND row_id = ?1 "
				       "AND old_value IS NULL AND who = 'alice'",
				       &(struct error){ 0 }));
	sqlite3_bind_int64(q, 1, a);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	n_audit = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	assert_int_equal(n_audit, 1);
	/* Deleted again, by bob this time, and back again by his undo. */
	ok(session_park_delete(f->s[BOB], a, p->version, &r), &r);
	sync_all(f);
	assert_null(item(f, ALICE, a));
	undo(f, BOB, "the deletion");
	assert_string_equal(item(f, ALICE, a)->added_by, "bob");
	/* Then bob's done below it: the item is open again. */
	undo(f, BOB, "marking");
	assert_int_equal(item(f, ALICE, a)->status, PARK_OPEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_edit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_status_and_take, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_delete_comes_back, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

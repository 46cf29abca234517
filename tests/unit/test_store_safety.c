/*
 * Unit tests of the store's safety on a shared box (issue 11): files with
 * objects that are not ours are refused untouched, the file's triggers
 * never run, a stop request ends a runaway query; the facilitator role
 * passes between accounts only by consent or absence, with stale requests
 * refused; observers are listed; the trash keeps everything and lets only
 * the facilitator or creator delete and purge; the migration to schema 3
 * maps recorded names to accounts.  Two connections act as two accounts
 * (store_testing_account): the Unix account is one per process.
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "test_store.h"
#include "store/store_int.h"
#include "store/store_roles.h"
#include "store/store_share.h"
#include "store/store_trash.h"
#include "util/str.h"

/* A second connection as another account ("bob"), named `who`. */
static struct store *open_as(const char *db, const char *who,
			     const char *account, int flags)
{
	struct store *s = NULL;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_open(&s, db, flags, who, &e), ST_OK);
	assert_int_equal(store_testing_account(s, account), ST_OK);
	return s;
}

static void set_now(long t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", t);
	setenv("CHARRETTE_NOW", buf, 1);
}

/* ---- files that are not ours -------------------------------------------- */

/* Make a database of ours, close it, then plant `sql` with plain SQLite. */
static void plant(struct fixture *f, const char *sql)
{
	struct error e;
	int64_t ws;

	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Queues", NULL, &ws, &e),
			 ST_OK);
	store_close(&f->s);
	raw_exec(f->db, "PRAGMA wal_checkpoint(TRUNCATE);");
	raw_exec(f->db, sql);
	raw_exec(f->db, "PRAGMA wal_checkpoint(TRUNCATE);");
}

/* Opening is refused with ST_INPUT naming `what`, the file unchanged. */
static void refused(struct fixture *f, int flags, const char *what)
{
	unsigned char *before;
	struct error e;
	size_t n;

	before = slurp(f->db, &n);
	assert_non_null(before);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, flags, "alice", &e),
			 ST_INPUT);
	if (!strstr(e.msg, what))
		fail_msg("no '%s' in: %s", what, e.msg);
	assert_non_null(strstr(e.msg, "did not create"));
	assert_non_null(strstr(e.msg, "unchanged"));
	assert_null(f->s);
	assert_same_bytes(before, n, f->db);
	free(before);
}

static void test_refuse_planted_trigger(void **state)
{
	struct fixture *f = *state;

	/* The trigger of the issue: it rewrites every decision and empties
	 * the audit log whenever a workshop is created. */
	plant(f, "CREATE TRIGGER rewrite AFTER INSERT ON workshop BEGIN "
		 "UPDATE decision SET decision = 'pwned'; DELETE FROM audit; "
		 "END;");
	refused(f, 0, "trigger \"rewrite\" on workshop");
	refused(f, STORE_READONLY, "trigger \"rewrite\" on workshop");
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"), 2);
}

static void test_refuse_foreign_objects(void **state)
{
	struct fixture *f = *state;

	plant(f, "CREATE VIEW v AS SELECT * FROM workshop;"
		 "CREATE TABLE notes(x);"
		 "CREATE INDEX risk_owner ON risk(owner);"
		 "ALTER TABLE risk ADD COLUMN evil TEXT DEFAULT 'x';");
	refused(f, 0, "view \"v\"");
	refused(f, 0, "table \"notes\"");
	refused(f, 0, "index \"risk_owner\" on risk");
	refused(f, 0, "table \"risk\" (changed)");
}

static void test_refuse_looping_trigger(void **state)
{
	struct fixture *f = *state;
	time_t t0 = time(NULL);

	plant(f, "CREATE TRIGGER spin AFTER UPDATE ON workshop BEGIN "
		 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
		 "FROM c) SELECT count(*) FROM c; END;");
	refused(f, 0, "trigger \"spin\" on workshop");
	assert_true(time(NULL) - t0 < 2);
}

/* SQLite's statistics tables (ANALYZE) are no threat: still opens. */
static void test_statistics_tables_are_fine(void **state)
{
	struct fixture *f = *state;
	struct error e;

	plant(f, "ANALYZE;");
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM sqlite_schema "
				 "WHERE name = 'sqlite_stat1'"), 1);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
}

/* A trigger planted while the store has the file open never runs in the
 * store's connection (triggers of the file are off), and defensive mode
 * and trusted_schema are as they should be. */
static void test_triggers_never_run(void **state)
{
	struct fixture *f = *state;
	struct error e;
	int64_t ws, ver = 1;
	int on = -1;

	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Queues", NULL, &ws, &e),
			 ST_OK);
	raw_exec(f->db, "CREATE TRIGGER wipe AFTER UPDATE ON workshop BEGIN "
		 "DELETE FROM audit; UPDATE workshop SET title = 'pwned'; END;");
	assert_int_equal(store_update(f->s, "workshop", ws, "title", "Brokers",
				      ver, &ver, &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "field = 'title'"), 1);
	assert_int_equal(raw_int(f->db, "SELECT title = 'Brokers' FROM "
				 "workshop"), 1);
	assert_int_equal(sqlite3_db_config(f->s->db, SQLITE_DBCONFIG_DEFENSIVE,
					   -1, &on), SQLITE_OK);
	assert_int_equal(on, 1);
	assert_int_equal(sqlite3_db_config(f->s->db,
					   SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1,
					   &on), SQLITE_OK);
	assert_int_equal(on, 0);
	/* Defensive mode: the schema cannot be written behind SQLite. */
	assert_int_not_equal(sqlite3_exec(f->s->db, "PRAGMA writable_schema = "
					  "ON; UPDATE sqlite_schema SET sql = '' "
					  "WHERE name = 'risk';", NULL, NULL,
					  NULL), SQLITE_OK);
}

/* ---- stopping a runaway statement ----------------------------------------- */

static volatile sig_atomic_t alarmed;

static void on_alarm(int sig)
{
	(void)sig;
	alarmed = 1;
}

static bool stop_when_alarmed(void *arg)
{
	(void)arg;
	return alarmed != 0;
}

static void test_stop_ends_a_long_query(void **state)
{
	struct fixture *f = *state;
	struct itimerval it = { { 0, 0 }, { 0, 300000 } };
	struct sigaction sa;
	struct timespec t0, t1;
	sqlite3_stmt *st;
	struct error e;
	long ms;
	int rc;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGALRM, &sa, NULL), 0);
	alarmed = 0;
	store_set_stop(f->s, stop_when_alarmed, NULL);
	err_clear(&e);
	/* Endless without the stop. */
	st = store_stmt(f->s, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
			"SELECT x + 1 FROM c) SELECT count(*) FROM c", &e);
	assert_non_null(st);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(setitimer(ITIMER_REAL, &it, NULL), 0);
	rc = sqlite3_step(st);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sqlite3_reset(st);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_int_equal(rc & 0xff, SQLITE_INTERRUPT);
	assert_true(ms < 2000);
	assert_int_equal(store_sqlerr(f->s, rc, &e), ST_ERROR);
	assert_non_null(strstr(e.msg, "stopped by a signal"));
	/* Nor is a lock waited for (5 s and retries otherwise). */
	{
		sqlite3 *raw;

		assert_int_equal(sqlite3_open(f->db, &raw), SQLITE_OK);
		assert_int_equal(sqlite3_exec(raw, "BEGIN IMMEDIATE", NULL, NULL,
					      NULL), SQLITE_OK);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		assert_int_equal(store_begin(f->s, &e), ST_BUSY);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (t1.tv_sec - t0.tv_sec) * 1000 +
		     (t1.tv_nsec - t0.tv_nsec) / 1000000;
		assert_true(ms < 1000);
		sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(raw);
	}
	signal(SIGALRM, SIG_DFL);
	store_set_stop(f->s, NULL, NULL);
}

/* ---- the facilitator role ------------------------------------------------- */

static void beat(struct store *s, int64_t ws)
{
	struct error e;

	err_clear(&e);
	assert_int_equal(store_presence_beat(s, ws, "tradeoffs", NULL, &e),
			 ST_OK);
}

static int64_t role_version(struct store *s, int64_t ws,
			    struct store_role *r)
{
	struct error e;

	err_clear(&e);
	store_role_clear(r);
	assert_int_equal(store_role_get(s, ws, 0, r, &e), ST_OK);
	return r->version;
}

static void test_role_by_consent(void **state)
{
	struct fixture *f = *state;
	struct store *alice, *bob;
	struct store_role r = { 0 };
	struct error e;
	int64_t ws, v;
	char *val = NULL;

	set_now(1700000000);
	alice = open_as(f->db, "alice", "alice", 0);
	/* Another account typing --as alice is "alice (via bob)". */
	bob = open_as(f->db, "alice (via bob)", "bob", 0);
	err_clear(&e);
	assert_int_equal(store_workshop_create(alice, "Queues", NULL, &ws, &e),
			 ST_OK);
	v = role_version(alice, ws, &r);
	assert_null(r.account);
	assert_string_equal(r.creator_account, "alice");
	assert_int_equal(store_role_take(alice, ws, v, 0, &e), ST_OK);
	beat(alice, ws);
	beat(bob, ws);

	/* bob cannot take it while alice is here, by any name. */
	v = role_version(bob, ws, &r);
	assert_string_equal(r.account, "alice");
	assert_true(r.present);
	assert_false(r.mine);
	assert_int_equal(store_role_take(bob, ws, v, 0, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "account alice"));
	assert_int_equal(store_update(bob, "workshop", ws, "facilitator",
				      "alice (via bob)", 1, NULL, &e),
			 ST_DENIED);
	assert_int_equal(store_update(bob, "workshop", ws, "facilitator",
				      "alice", 1, NULL, &e), ST_INPUT);
	assert_int_equal(store_role_release(bob, ws, v, &e), ST_DENIED);
	assert_int_equal(store_role_answer(bob, ws, v, true, &e), ST_DENIED);
	assert_int_equal(raw_int(f->db, "SELECT facilitator_account = 'alice' "
				 "FROM workshop"), 1);

	/* He asks; alice says no; the answer waits for him. */
	assert_int_equal(store_role_request(bob, ws, v, &e), ST_OK);
	assert_int_equal(store_role_request(bob, ws, v, &e), ST_CONFLICT);
	v = role_version(alice, ws, &r);
	assert_string_equal(r.request_account, "bob");
	assert_string_equal(r.request_name, "alice (via bob)");
	assert_int_equal(store_role_answer(alice, ws, v, false, &e), ST_OK);
	assert_int_equal(store_role_answer(alice, ws, v + 1, false, &e),
			 ST_INPUT);
	v = role_version(bob, ws, &r);
	assert_true(r.declined);
	assert_true(r.requested_by_me);
	assert_string_equal(r.account, "alice");
	assert_int_equal(store_role_withdraw(bob, ws, v, &e), ST_OK);
	v = role_version(bob, ws, &r);
	assert_null(r.request_account);

	/* He asks again; an answer decided on an old view is refused. */
	assert_int_equal(store_role_request(bob, ws, v, &e), ST_OK);
	assert_int_equal(store_role_answer(alice, ws, v, true, &e),
			 ST_CONFLICT);
	assert_non_null(strstr(e.msg, "changed meanwhile"));
	assert_int_equal(raw_int(f->db, "SELECT facilitator_account = 'alice' "
				 "FROM workshop"), 1);
	v = role_version(alice, ws, &r);
	assert_int_equal(store_role_answer(alice, ws, v, true, &e), ST_OK);
	v = role_version(bob, ws, &r);
	assert_true(r.mine);
	assert_string_equal(r.name, "alice (via bob)");
	assert_null(r.request_account);
	/* The name shown follows (the app reads it). */
	assert_int_equal(store_get_field(alice, "workshop", ws, "facilitator",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "alice (via bob)");
	free(val);

	/* Handing over: only to an account that is here. */
	assert_int_equal(store_role_hand(bob, ws, v, "carol", 0, &e),
			 ST_NOTFOUND);
	assert_int_equal(store_role_hand(alice, ws, v, "alice", 0, &e),
			 ST_DENIED);
	assert_int_equal(store_role_hand(bob, ws, v, "alice", 0, &e), ST_OK);
	v = role_version(alice, ws, &r);
	assert_true(r.mine);
	assert_string_equal(r.name, "alice");

	/* Every change is in the history, by account. */
	assert_true(raw_int(f->db, "SELECT count(*) FROM audit WHERE field IN "
			    "('facilitator', 'facilitator_request')") >= 7);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "field = 'facilitator' AND "
				 "new_value = 'alice (via bob)' AND "
				 "account = 'alice'"), 1);
	store_role_clear(&r);
	store_close(&alice);
	store_close(&bob);
}

static void test_role_by_absence(void **state)
{
	struct fixture *f = *state;
	struct store *alice, *bob;
	struct store_role r = { 0 };
	struct share_pos pos = { 0 };
	struct error e;
	int64_t ws, v;

	set_now(1700000000);
	alice = open_as(f->db, "alice", "alice", 0);
	bob = open_as(f->db, "bob", "bob", 0);
	err_clear(&e);
	assert_int_equal(store_workshop_create(alice, "Queues", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(store_update(alice, "workshop", ws, "facilitator",
				      "alice", 1, NULL, &e), ST_OK);
	beat(alice, ws);
	assert_int_equal(store_role_position(bob, ws, 0, &pos, &e), ST_OK);
	assert_string_equal(pos.who, "alice");
	share_pos_clear(&pos);
	/* bob beats as "alice" too: following goes by account. */
	set_now(1700000005);
	{
		struct store *fake = open_as(f->db, "alice", "bob", 0);

		fake->session = 4242;   /* another process */
		assert_int_equal(store_presence_beat(fake, ws, "risks", "R1",
						     &e), ST_OK);
		assert_int_equal(store_role_position(bob, ws, 0, &pos, &e),
				 ST_OK);
		assert_string_equal(pos.screen, "tradeoffs");
		share_pos_clear(&pos);
		store_close(&fake);
	}

	/* 14 s after her last heartbeat she still holds it ... */
	set_now(1700000014);
	v = role_version(bob, ws, &r);
	assert_true(r.present);
	assert_int_equal(store_role_take(bob, ws, v, 0, &e), ST_DENIED);
	/* ... past the timeout it can be taken. */
	set_now(1700000016);
	v = role_version(bob, ws, &r);
	assert_false(r.present);
	assert_int_equal(store_role_take(bob, ws, v, 0, &e), ST_OK);
	assert_int_equal(store_role_take(alice, ws, v, 0, &e), ST_CONFLICT);
	v = role_version(bob, ws, &r);
	assert_true(r.mine);
	assert_int_equal(store_role_release(bob, ws, v, &e), ST_OK);
	v = role_version(alice, ws, &r);
	assert_null(r.account);
	assert_null(r.name);
	assert_int_equal(store_role_request(alice, ws, v, &e), ST_INPUT);
	store_role_clear(&r);
	store_close(&alice);
	store_close(&bob);
}

/* Observers are listed with their account; undo knows whose a change is. */
static void test_presence_rows_and_audit_owner(void **state)
{
	struct fixture *f = *state;
	struct store *alice, *bob, *obs;
	struct presence_row *rows = NULL;
	struct audit_entry *au = NULL;
	struct error e;
	size_t n = 0, na = 0;
	int64_t ws;
	bool mine;

	set_now(1700000000);
	alice = open_as(f->db, "alice", "alice", 0);
	err_clear(&e);
	assert_int_equal(store_workshop_create(alice, "Queues", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(store_update(alice, "workshop", ws, "facilitator",
				      "alice", 1, NULL, &e), ST_OK);
	bob = open_as(f->db, "alice (via bob)", "bob", 0);
	obs = open_as(f->db, "olga", "olga", STORE_READONLY);
	beat(alice, ws);
	beat(bob, ws);
	beat(obs, ws);
	assert_int_equal(store_presence_rows(bob, ws, 0, &rows, &n, &e), ST_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].who, "alice");
	assert_true(rows[0].facilitator);
	assert_false(rows[0].mine);
	assert_string_equal(rows[1].who, "alice (via bob)");
	assert_string_equal(rows[1].account, "bob");
	assert_false(rows[1].facilitator);
	assert_true(rows[1].mine);
	assert_string_equal(rows[2].who, "olga");
	assert_true(rows[2].read_only);
	store_presence_rows_free(&rows, n);

	assert_int_equal(store_update(bob, "workshop", ws, "title", "Brokers",
				      1, NULL, &e), ST_OK);
	assert_int_equal(store_audit_list(alice, ws, NULL, 1, &au, &na, &e),
			 ST_OK);
	assert_int_equal(na, 1);
	assert_int_equal(store_audit_mine(alice, au[0].id, &mine, &e), ST_OK);
	assert_false(mine);
	assert_int_equal(store_audit_mine(bob, au[0].id, &mine, &e), ST_OK);
	assert_true(mine);
	store_audit_list_free(&au, na);
	store_close(&alice);
	store_close(&bob);
	store_close(&obs);
}

/* ---- the trash ---------------------------------------------------------- */

static void test_trash(void **state)
{
	struct fixture *f = *state;
	struct store *alice, *bob, *carol;
	struct workshop_data *before = NULL, *after = NULL;
	struct trashed *list = NULL;
	struct risk r;
	struct error e;
	int64_t ws, other, rid, id, v;
	size_t n = 0, purged, kept;
	struct store_role role = { 0 };

	set_now(1700000000);
	alice = open_as(f->db, "alice", "alice", 0);
	bob = open_as(f->db, "bob", "bob", 0);
	carol = open_as(f->db, "carol", "carol", 0);
	err_clear(&e);
	assert_int_equal(store_workshop_create(alice, "Queues", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(store_workshop_create(bob, "Brokers", NULL, &other,
					       &e), ST_OK);
	memset(&r, 0, sizeof(r));
	r.description = "the broker runs out of disk";
	r.probability = 2;
	r.impact = 4;
	assert_int_equal(store_risk_add(bob, ws, &r, &rid, &e), ST_OK);
	assert_int_equal(store_draft_save(bob, ws, "risk.R1.mitigation",
					  "half typed", &e), ST_OK);
	assert_int_equal(store_workshop_load(alice, ws, &before, &e), ST_OK);

	/* bob is neither facilitator nor creator. */
	assert_int_equal(store_trash_may(bob, ws, &e), ST_DENIED);
	assert_int_equal(store_workshop_delete(bob, ws, &e), ST_DENIED);
	assert_non_null(strstr(e.msg, "created"));
	assert_non_null(strstr(e.msg, "you are bob"));
	/* carol facilitates it: she may. */
	assert_int_equal(store_role_get(carol, ws, 0, &role, &e), ST_OK);
	assert_int_equal(store_role_take(carol, ws, role.version, 0, &e), ST_OK);
	store_role_clear(&role);
	assert_int_equal(store_trash_may(carol, ws, &e), ST_OK);
	assert_int_equal(store_workshop_delete(alice, ws, &e), ST_OK);
	assert_int_equal(store_workshop_delete(alice, ws, &e), ST_NOTFOUND);

	/* Gone from every listing and lookup; edits refused. */
	assert_int_equal(store_workshop_find(bob, "Queues", &id, &e),
			 ST_NOTFOUND);
	assert_int_equal(store_workshop_find(bob, "1", &id, &e), ST_NOTFOUND);
	assert_non_null(strstr(e.msg, "in the trash (deleted by alice)"));
	assert_int_equal(store_update(bob, "risk", rid, "owner", "bob", 1, &v,
				      &e), ST_NOTFOUND);
	assert_non_null(strstr(e.msg, "in the trash"));
	assert_int_equal(store_risk_add(bob, ws, &r, &id, &e), ST_NOTFOUND);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM risk"), 1);

	assert_int_equal(store_trash_list(bob, &list, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].title, "Queues");
	assert_string_equal(list[0].deleted_account, "alice");
	assert_false(list[0].may_purge);
	store_trash_list_free(&list, n);
	assert_int_equal(store_trash_find(bob, "que", &id, &e), ST_OK);
	assert_int_equal(id, ws);
	assert_int_equal(store_trash_find(bob, "Brokers", &id, &e),
			 ST_NOTFOUND);

	/* Anyone may restore; it comes back whole. */
	assert_int_equal(store_trash_restore(bob, ws, &e), ST_OK);
	assert_int_equal(store_trash_restore(bob, ws, &e), ST_NOTFOUND);
	assert_int_equal(store_workshop_load(bob, ws, &after, &e), ST_OK);
	assert_int_equal(after->n_risks, 1);
	assert_string_equal(after->risks[0].description,
			    before->risks[0].description);
	assert_int_equal(after->risks[0].version, before->risks[0].version);
	assert_int_equal(after->n_criteria, before->n_criteria);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM draft"), 1);
	wsdata_free(&before);
	wsdata_free(&after);

	/* Purge: only from the trash, only by the facilitator or creator. */
	assert_int_equal(store_trash_purge(alice, ws, &e), ST_NOTFOUND);
	assert_int_equal(store_workshop_delete(carol, ws, &e), ST_OK);
	assert_int_equal(store_workshop_delete(bob, other, &e), ST_OK);
	assert_int_equal(store_trash_purge(bob, ws, &e), ST_DENIED);
	assert_int_equal(store_trash_purge_all(bob, &purged, &kept, &e), ST_OK);
	assert_int_equal(purged, 1);
	assert_int_equal(kept, 1);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 1);
	assert_int_equal(store_trash_purge(alice, ws, &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM risk"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM draft"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl = 'workshop' AND row_id = 1 AND "
				 "new_value IS NULL AND field IS NULL"), 1);
	store_close(&alice);
	store_close(&bob);
	store_close(&carol);
}

/* ---- conflicts per field ---------------------------------------------------- */

/* Two people edit one risk: a change of its owner does not make a
 * concurrent mitigation edit conflict; a change of the same field does,
 * naming who made it. */
static void test_conflicts_per_field(void **state)
{
	struct fixture *f = *state;
	struct store *alice, *bob;
	struct risk r;
	struct criterion c;
	struct approach a;
	struct value was, v;
	struct error e;
	int64_t ws, rid, cid, aid, ver, aver;
	double three = 3, four = 4, five = 5;
	char *val = NULL;

	set_now(1700000000);
	alice = open_as(f->db, "alice", "alice", 0);
	bob = open_as(f->db, "bob", "bob", 0);
	err_clear(&e);
	assert_int_equal(store_workshop_create(alice, "Queues", NULL, &ws, &e),
			 ST_OK);
	memset(&r, 0, sizeof(r));
	r.description = "the broker runs out of disk";
	r.owner = "ops";
	r.mitigation = "alerts at 80%";
	r.probability = 2;
	r.impact = 4;
	assert_int_equal(store_risk_add(alice, ws, &r, &rid, &e), ST_OK);

	/* Both started from version 1. */
	assert_int_equal(store_update_field(alice, "risk", rid, "owner", "ops",
					    "alice", &ver, &e), ST_OK);
	/* By row version, bob's mitigation would conflict ... */
	assert_int_equal(store_update(bob, "risk", rid, "mitigation",
				      "alerts at 70%", 1, NULL, &e),
			 ST_CONFLICT);
	/* ... by field it does not. */
	assert_int_equal(store_update_field(bob, "risk", rid, "mitigation",
					    "alerts at 80%", "alerts at 70%",
					    &ver, &e), ST_OK);
	assert_int_equal(ver, 3);
	assert_int_equal(store_get_field(alice, "risk", rid, "owner", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "alice");
	free(val);
	/* The same field: a conflict naming the field and who changed it,
	 * nothing written. */
	assert_int_equal(store_update_field(bob, "risk", rid, "owner", "ops",
					    "bob", NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "owner was changed by alice"));
	assert_int_equal(raw_int(f->db, "SELECT owner = 'alice' FROM risk"), 1);
	/* Saving what the other saved is no conflict, and no change. */
	assert_int_equal(store_update_field(bob, "risk", rid, "owner", "ops",
					    "alice", &ver, &e), ST_OK);
	assert_int_equal(ver, 3);
	/* Values are compared as stored: "3.0" is the weight 3. */
	memset(&c, 0, sizeof(c));
	c.key = "dx";
	c.name = "Developer experience";
	c.weight = 3;
	assert_int_equal(store_criterion_add(alice, ws, &c, &cid, &e), ST_OK);
	assert_int_equal(store_update_field(alice, "criterion", cid, "name",
					    "Developer experience", "DX", NULL,
					    &e), ST_OK);
	assert_int_equal(store_update_field(bob, "criterion", cid, "weight",
					    "3.0", "4", NULL, &e), ST_OK);
	/* A row deleted meanwhile is still a conflict. */
	assert_int_equal(store_risk_delete(alice, rid, 3, &e), ST_OK);
	assert_int_equal(store_update_field(bob, "risk", rid, "mitigation",
					    "alerts at 70%", "x", NULL, &e),
			 ST_CONFLICT);
	assert_non_null(strstr(e.msg, "deleted by alice"));

	/* A score cell: its rationale and its value are two fields. */
	memset(&a, 0, sizeof(a));
	a.key = "kafka";
	a.name = "Kafka";
	assert_int_equal(store_approach_add(alice, ws, &a, &aid, &e), ST_OK);
	assert_int_equal(store_score_set(alice, ws, "kafka", "dx", &three, 0,
					 NULL, &e), ST_OK);
	assert_int_equal(store_score_rationale_from(alice, ws, "kafka", "dx",
						    NULL, "mature", NULL, &e),
			 ST_OK);
	assert_int_equal(store_score_set(bob, ws, "kafka", "dx", &four, 1, NULL,
					 &e), ST_CONFLICT);
	assert_int_equal(store_score_set_from(bob, ws, "kafka", "dx", &three,
					      &four, NULL, &e), ST_OK);
	assert_int_equal(store_score_set_from(alice, ws, "kafka", "dx", &three,
					      &five, NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "value was changed by bob"));
	assert_int_equal(raw_int(f->db, "SELECT value = 4 AND rationale = "
				 "'mature' FROM score"), 1);
	assert_int_equal(store_score_rationale_from(bob, ws, "kafka", "dx",
						    "", "proven", NULL, &e),
			 ST_CONFLICT);

	/* An answer: its value and its note are two fields. */
	memset(&v, 0, sizeof(v));
	memset(&was, 0, sizeof(was));
	v.kind = VAL_NUMBER;
	v.number = 12;
	assert_int_equal(store_answer_set(alice, ws, "team_size", &v, 0, &aver,
					  &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM answer"), 1);
	{
		int64_t an = raw_int(f->db, "SELECT id FROM answer");

		assert_int_equal(store_update_field(alice, "answer", an, "note",
						    NULL, "a guess", NULL, &e),
				 ST_OK);
	}
	was = v;
	v.number = 14;
	assert_int_equal(store_answer_set(bob, ws, "team_size", &v, aver, NULL,
					  &e), ST_CONFLICT);
	assert_int_equal(store_answer_set_from(bob, ws, "team_size", &was, &v,
					       NULL, &e), ST_OK);
	v.number = 13;
	assert_int_equal(store_answer_set_from(alice, ws, "team_size", &was, &v,
					       NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "changed by bob"));
	assert_int_equal(raw_int(f->db, "SELECT number = 14 AND note = "
				 "'a guess' FROM answer"), 1);
	/* "No answer when I started" against one given meanwhile. */
	v.number = 5;
	assert_int_equal(store_answer_set_from(alice, ws, "services", NULL, &v,
					       NULL, &e), ST_OK);
	v.number = 6;
	assert_int_equal(store_answer_set_from(bob, ws, "services", NULL, &v,
					       NULL, &e), ST_CONFLICT);
	store_close(&alice);
	store_close(&bob);
}

/* ---- the migration to schema 3 --------------------------------------------- */

static void test_migration_maps_names_to_accounts(void **state)
{
	struct fixture *f = *state;
	struct error e;
	char *sql = NULL;
	FILE *fp;
	char *path = str_printf("%s/tests/data/store/v1.sql", TOP_SRCDIR);
	long len;

	assert_non_null(path);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	len = ftell(fp);
	rewind(fp);
	sql = calloc(1, (size_t)len + 1);
	assert_non_null(sql);
	assert_int_equal(fread(sql, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	free(path);
	raw_exec(f->db, sql);
	free(sql);
	/* root is an account on every box; the others are not. */
	raw_exec(f->db, "INSERT INTO workshop(id, title, created, updated, "
		 "facilitator) VALUES (2, 'b', 1, 1, 'root'), "
		 "(3, 'c', 1, 1, 'maya (via root)'), "
		 "(4, 'd', 1, 1, 'no-such-account-here');"
		 "UPDATE workshop SET facilitator = 'maya' WHERE id = 1;");
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop WHERE "
				 "facilitator_account = 'root'"), 2);
	assert_int_equal(raw_int(f->db, "SELECT facilitator_account IS NULL "
				 "FROM workshop WHERE id = 4"), 1);
	assert_int_equal(raw_int(f->db, "SELECT facilitator = "
				 "'no-such-account-here' FROM workshop "
				 "WHERE id = 4"), 1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_dir, teardown_dir)
#define TO(fn) cmocka_unit_test_setup_teardown(fn, setup_open, teardown_dir)

const struct CMUnitTest store_safety_tests[] = {
	T(test_refuse_planted_trigger),
	T(test_refuse_foreign_objects),
	T(test_refuse_looping_trigger),
	T(test_statistics_tables_are_fine),
	T(test_triggers_never_run),
	TO(test_stop_ends_a_long_query),
	T(test_role_by_consent),
	T(test_role_by_absence),
	T(test_presence_rows_and_audit_owner),
	T(test_trash),
	T(test_conflicts_per_field),
	T(test_migration_maps_names_to_accounts),
};
const size_t store_safety_tests_n =
	sizeof(store_safety_tests) / sizeof(store_safety_tests[0]);

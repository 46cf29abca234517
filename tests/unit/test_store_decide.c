/*
 * Unit tests of store_decide: superseding writes both ADRs (status,
 * superseded_by, supersedes), bumps each version once and audits each
 * field; it refuses self-supersede, cycles and unknown numbers with
 * nothing changed; a failure of the last write (a TEMP trigger makes it fail)
 * leaves no side linked; re-pointing and the reverse unlink the other side.
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

#include "model/model.h"
#include "store/store.h"
#include "store/store_decide.h"
#include "store/store_int.h"
#include "util/str.h"

struct fx {
	char dir[64];
	char *db;
	struct store *s;
	int64_t ws;
	sqlite3 *raw;          /* a second connection to look and meddle */
};

static void add_adr(struct fx *f, int64_t ws, const char *title, int want)
{
	struct decision d;
	struct error e;
	int64_t id = 0;
	int n = 0;

	memset(&d, 0, sizeof(d));
	d.title = (char *)title;
	err_clear(&e);
	assert_int_equal(store_decision_add(f->s, ws, &d, &id, &n, &e), ST_OK);
	assert_int_equal(n, want);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-decide-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	assert_non_null(f->db);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Queues", NULL, &f->ws, &e),
			 ST_OK);
	add_adr(f, f->ws, "Use Kafka", 1);
	add_adr(f, f->ws, "Use NATS", 2);
	add_adr(f, f->ws, "Use SQS", 3);
	assert_int_equal(sqlite3_open_v2(f->db, &f->raw, SQLITE_OPEN_READWRITE,
					 NULL), SQLITE_OK);
	sqlite3_busy_timeout(f->raw, 2000);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	sqlite3_close(f->raw);
	store_close(&f->s);
	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s%s", f->db, ext[i]);

		if (p)
			unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

/* One text value of a query on the raw connection (new string). */
static char *query(struct fx *f, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(f->raw, sql, -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = str_dup(sqlite3_column_text(st, 0)
		      ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	assert_non_null(out);
	return out;
}

/* Every decision as "number|status|by|supersedes|version", and the size
 * of the audit log: what must not move when an operation fails. */
static char *snapshot(struct fx *f)
{
	return query(f, "SELECT (SELECT group_concat(r, ';') FROM (SELECT "
		     "workshop_id || ':' || number || '|' || status || '|' || "
		     "coalesce(superseded_by, '-') || '|' || "
		     "coalesce(supersedes, '-') || '|' || version AS r "
		     "FROM decision ORDER BY workshop_id, number)) || ' #' || "
		     "(SELECT count(*) FROM audit)");
}

static char *adr_row(struct fx *f, int number)
{
	char sql[300];

	snprintf(sql, sizeof(sql), "SELECT status || '|' || "
		 "coalesce(superseded_by, '-') || '|' || "
		 "coalesce(supersedes, '-') || '|' || version FROM decision "
		 "WHERE workshop_id = %lld AND number = %d",
		 (long long)f->ws, number);
	return query(f, sql);
}

/* The audit rows after id `after`, as "who field old>new" lines. */
static char *audit_after(struct fx *f, const char *after)
{
	char sql[400];

	snprintf(sql, sizeof(sql), "SELECT coalesce(group_concat(r, '\n'), "
		 "'') FROM (SELECT who || ' ' || (SELECT number FROM decision "
		 "d WHERE d.id = row_id) || '.' || field || ' ' || "
		 "coalesce(old_value, '-') || '>' || coalesce(new_value, '-') "
		 "AS r FROM audit WHERE id > %s AND tbl = 'decision' "
		 "ORDER BY id)", after);
	return query(f, sql);
}

static void expect_row(struct fx *f, int number, const char *want)
{
	char *got = adr_row(f, number);

	assert_string_equal(got, want);
	free(got);
}

static void test_supersede_links_both_sides(void **state)
{
	struct fx *f = *state;
	char *mark = query(f, "SELECT max(id) FROM audit"), *log, *before;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 2, &e), ST_OK);
	expect_row(f, 1, "superseded|2||2");
	expect_row(f, 2, "proposed|-|1|2");
	expect_row(f, 3, "proposed|-||1");
	log = audit_after(f, mark);
	assert_string_equal(log, "alice 1.status proposed>superseded\n"
			    "alice 1.superseded_by >2\n"
			    "alice 2.supersedes >1");
	free(log);

	/* Already linked: nothing written, no audit row. */
	before = snapshot(f);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 2, &e), ST_OK);
	log = snapshot(f);
	assert_string_equal(log, before);
	free(log);
	free(before);

	/* The loaded workshop sees both sides. */
	{
		struct workshop_data *d = NULL;
		const struct decision *d1, *d2;

		assert_int_equal(store_workshop_load(f->s, f->ws, &d, &e), ST_OK);
		d1 = wsdata_decision(d, 1);
		d2 = wsdata_decision(d, 2);
		assert_non_null(d1);
		assert_non_null(d2);
		assert_int_equal(d1->status, ADR_SUPERSEDED);
		assert_int_equal(d1->superseded_by, 2);
		assert_int_equal(d2->n_supersedes, 1);
		assert_int_equal(d2->supersedes[0], 1);
		wsdata_free(&d);
	}
	free(mark);
}

static void test_supersede_keeps_other_numbers(void **state)
{
	struct fx *f = *state;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 3, &e), ST_OK);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 2, 3, &e), ST_OK);
	expect_row(f, 3, "proposed|-|1,2|3");
	expect_row(f, 2, "superseded|3||2");
}

static void test_refuses_self_and_cycles(void **state)
{
	struct fx *f = *state;
	char *before, *after;
	struct error e;

	err_clear(&e);
	before = snapshot(f);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 2, 2, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "itself"));
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);

	/* 1 by 2, so 2 by 1 would loop. */
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 2, &e), ST_OK);
	before = snapshot(f);
	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 2, 1, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "cycle"));
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);

	/* 1 by 2 by 3: 3 by 1 loops through 2. */
	assert_int_equal(store_decision_supersede(f->s, f->ws, 2, 3, &e), ST_OK);
	before = snapshot(f);
	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 3, 1, &e),
			 ST_INPUT);
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

static void test_unknown_numbers_change_nothing(void **state)
{
	struct fx *f = *state;
	char *before = snapshot(f), *after;
	struct error e;
	int64_t ws2 = 0;

	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 99, &e),
			 ST_NOTFOUND);
	assert_non_null(strstr(e.msg, "99"));
	assert_int_equal(store_decision_supersede(f->s, f->ws, 99, 1, &e),
			 ST_NOTFOUND);
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);

	/* Numbers are per workshop: ADR 4 of another one is not ours. */
	assert_int_equal(store_workshop_create(f->s, "Other", NULL, &ws2, &e),
			 ST_OK);
	add_adr(f, ws2, "a", 1);
	add_adr(f, ws2, "b", 2);
	add_adr(f, ws2, "c", 3);
	add_adr(f, ws2, "d", 4);
	before = snapshot(f);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 4, &e),
			 ST_NOTFOUND);
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

/* The first ADR is written, then the second refuses: all goes back. */
static void test_atomic_when_the_second_write_fails(void **state)
{
	struct fx *f = *state;
	char *before, *after;
	struct error e;

	/* A trigger of the file never runs in the store's connection (see
	 * store_check.c); a TEMP trigger of that connection itself does. */
	assert_int_equal(sqlite3_exec(f->s->db,
		"CREATE TEMP TRIGGER refuse BEFORE UPDATE OF supersedes ON "
		"main.decision "
		"WHEN NEW.number = 2 AND NEW.supersedes IS NOT OLD.supersedes "
		"BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
		NULL, NULL, NULL), SQLITE_OK);
	before = snapshot(f);
	err_clear(&e);
	assert_true(store_decision_supersede(f->s, f->ws, 1, 2, &e) < 0);
	after = snapshot(f);
	/* ADR 1 is not left superseded by a 2 that does not know it. */
	assert_string_equal(after, before);
	expect_row(f, 1, "proposed|-||1");
	free(after);
	free(before);

	/* The same for re-pointing: 1 by 3, then 1 by 2 fails. */
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 3, &e), ST_OK);
	before = snapshot(f);
	assert_true(store_decision_supersede(f->s, f->ws, 1, 2, &e) < 0);
	after = snapshot(f);
	assert_string_equal(after, before);
	expect_row(f, 3, "proposed|-|1|2");
	free(after);
	free(before);
}

static void test_repointing_unlinks_the_old_superseder(void **state)
{
	struct fx *f = *state;
	char *mark, *log;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 2, &e), ST_OK);
	mark = query(f, "SELECT max(id) FROM audit");
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 3, &e), ST_OK);
	expect_row(f, 1, "superseded|3||3");
	expect_row(f, 2, "proposed|-||3");
	expect_row(f, 3, "proposed|-|1|2");
	log = audit_after(f, mark);
	assert_string_equal(log, "alice 1.superseded_by 2>3\n"
			    "alice 2.supersedes 1>\n"
			    "alice 3.supersedes >1");
	free(log);
	free(mark);
}

static void test_unsupersede(void **state)
{
	struct fx *f = *state;
	char *mark, *log, *before, *after;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 1, 2, &e), ST_OK);
	assert_int_equal(store_decision_supersede(f->s, f->ws, 3, 2, &e), ST_OK);
	before = snapshot(f);
	assert_int_equal(store_decision_unsupersede(f->s, f->ws, 1,
						    ADR_SUPERSEDED, &e),
			 ST_INPUT);
	assert_int_equal(store_decision_unsupersede(f->s, f->ws, 42,
						    ADR_ACCEPTED, &e),
			 ST_NOTFOUND);
	after = snapshot(f);
	assert_string_equal(after, before);
	free(after);
	free(before);

	mark = query(f, "SELECT max(id) FROM audit");
	assert_int_equal(store_decision_unsupersede(f->s, f->ws, 1,
						    ADR_ACCEPTED, &e), ST_OK);
	expect_row(f, 1, "accepted|-||3");
	expect_row(f, 2, "proposed|-|3|4");
	expect_row(f, 3, "superseded|2||2");
	log = audit_after(f, mark);
	assert_string_equal(log, "alice 1.status superseded>accepted\n"
			    "alice 1.superseded_by 2>\n"
			    "alice 2.supersedes 1,3>3");
	free(log);
	free(mark);

	/* Not superseded: only the status moves. */
	assert_int_equal(store_decision_unsupersede(f->s, f->ws, 1,
						    ADR_DEPRECATED, &e), ST_OK);
	expect_row(f, 1, "deprecated|-||4");
	expect_row(f, 2, "proposed|-|3|4");
}

static void test_read_only_store_refuses(void **state)
{
	struct fx *f = *state;
	struct store *ro = NULL;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_open(&ro, f->db, STORE_READONLY, "bob", &e),
			 ST_OK);
	assert_int_equal(store_decision_supersede(ro, f->ws, 1, 2, &e),
			 ST_READONLY);
	store_close(&ro);
	expect_row(f, 1, "proposed|-||1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_supersede_links_both_sides,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_supersede_keeps_other_numbers,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_self_and_cycles,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_numbers_change_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_atomic_when_the_second_write_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_repointing_unlinks_the_old_superseder,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsupersede,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_store_refuses,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

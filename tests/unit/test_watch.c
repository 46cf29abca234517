/* Unit tests for src/util/watch.c: another connection's commit wakes the
 * watch of a WAL database, nothing else does, and the looks again after
 * a write come due in order. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "util/watch.h"

static char dir[512], db[600];

static int setup(void **state)
{
	const char *t = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/charrette-watch-XXXXXX",
		 t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db, sizeof(db), "%s/w.db", dir);
	return 0;
}

static int teardown(void **state)
{
	char p[700];

	(void)state;
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
	unlink(db);
	rmdir(dir);
	return 0;
}

static sqlite3 *open_db(void)
{
	sqlite3 *c = NULL;

	assert_int_equal(sqlite3_open(db, &c), SQLITE_OK);
	assert_int_equal(sqlite3_exec(c, "PRAGMA journal_mode = WAL", NULL,
				      NULL, NULL), SQLITE_OK);
	return c;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

static void test_commit_wakes(void **state)
{
	sqlite3 *mine, *other;
	struct watch *w = NULL;

	(void)state;
#ifndef __linux__
	skip();
#endif
	mine = open_db();
	assert_int_equal(sqlite3_exec(mine, "CREATE TABLE t(x); "
				      "INSERT INTO t VALUES (1)", NULL, NULL,
				      NULL), SQLITE_OK);
	other = open_db();
	assert_int_equal(watch_open(&w, db), 0);
	assert_true(watch_fd(w) >= 0);
	/* What creating the table wrote is not news. */
	watch_read(w);
	assert_false(watch_read(w));
	assert_int_equal(watch_next_ms(w), -1);

	/* Reading wakes nobody. */
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM t", NULL,
				      NULL, NULL), SQLITE_OK);
	assert_false(watch_read(w));

	/* Another connection's commit does, once. */
	assert_int_equal(sqlite3_exec(other, "INSERT INTO t VALUES (2)", NULL,
				      NULL, NULL), SQLITE_OK);
	assert_true(watch_read(w));
	assert_false(watch_read(w));

	/* Then two looks again: the first within 50 ms of the write, the
	 * second within half a second; then none. */
	assert_in_range(watch_next_ms(w), 0, 51);
	sleep_ms(60);
	assert_int_equal(watch_next_ms(w), 0);
	watch_looked(w);
	assert_in_range(watch_next_ms(w), 0, 451);
	sleep_ms(460);
	assert_int_equal(watch_next_ms(w), 0);
	watch_looked(w);
	assert_int_equal(watch_next_ms(w), -1);

	watch_free(&w);
	assert_null(w);
	sqlite3_close(other);
	sqlite3_close(mine);
}

/* Write to path: "w" creates it empty, "a" appends a frame. */
static void write_file(const char *path, const char *mode)
{
	FILE *f = fopen(path, mode);

	assert_non_null(f);
	if (*mode == 'a')
		fputs("frame", f);
	assert_int_equal(fclose(f), 0);
}

static void test_wal_comes_back(void **state)
{
	struct watch *w = NULL;
	char wal[700];

	(void)state;
#ifndef __linux__
	skip();
#endif
	snprintf(wal, sizeof(wal), "%s-wal", db);
	write_file(db, "w");
	/* No -wal yet: the database alone is watched. */
	assert_int_equal(watch_open(&w, db), 0);
	write_file(wal, "w");
	watch_rearm(w);
	write_file(wal, "a");
	assert_true(watch_read(w));
	/* Deleted, it is news; created again, it is watched again. */
	assert_int_equal(unlink(wal), 0);
	assert_true(watch_read(w));
	write_file(wal, "w");
	watch_read(w);
	watch_rearm(w);
	write_file(wal, "a");
	assert_true(watch_read(w));
	/* The database itself too. */
	write_file(db, "a");
	assert_true(watch_read(w));
	watch_free(&w);
}

static void test_nothing_to_watch(void **state)
{
	struct watch *w = (struct watch *)1;

	(void)state;
	assert_int_equal(watch_open(&w, ":memory:"), -1);
	assert_null(w);
	assert_int_equal(watch_open(&w, "/nonexistent/charrette.db"), -1);
	assert_null(w);
	/* Without a watch everything is a no-op. */
	assert_int_equal(watch_fd(NULL), -1);
	assert_false(watch_read(NULL));
	assert_int_equal(watch_next_ms(NULL), -1);
	watch_looked(NULL);
	watch_rearm(NULL);
	watch_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_commit_wakes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_wal_comes_back, setup,
						teardown),
		cmocka_unit_test(test_nothing_to_watch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

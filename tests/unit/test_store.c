/*
 * Unit tests of the store: opening, migrations, refusals that leave files
 * untouched, read-only use, two connections on one file, busy handling,
 * audit rows and stale-version conflicts.  The row-level tests live in
 * test_store_data.c.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_store.h"
#include "store/store_int.h"
#include "util/str.h"

/* ---- helpers ------------------------------------------------------------ */

int setup_dir(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	assert_non_null(f->db);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	*state = f;
	return 0;
}

int setup_open(void **state)
{
	struct fixture *f;
	struct error e;

	setup_dir(state);
	f = *state;
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	return 0;
}

int teardown_dir(void **state)
{
	struct fixture *f = *state;
	DIR *d;
	struct dirent *de;

	store_close(&f->s);
	chmod(f->dir, 0700);
	d = opendir(f->dir);
	if (d) {
		while ((de = readdir(d))) {
			char *p;

			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			p = str_printf("%s/%s", f->dir, de->d_name);
			if (p)
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

unsigned char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf;
	long n;

	*len = 0;
	if (!fp)
		return NULL;
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("raw_exec: %s", msg);
	sqlite3_close(db);
}

int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
					 NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("raw_int: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

int64_t count_rows(const char *path, const char *tbl, int64_t ws)
{
	char sql[128];

	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM %s WHERE workshop_id = %lld", tbl,
		 (long long)ws);
	return raw_int(path, sql);
}

static void assert_same_bytes(const unsigned char *a, size_t na,
			      const char *path)
{
	size_t nb;
	unsigned char *b = slurp(path, &nb);

	assert_non_null(b);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(b);
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* ---- opening and migrating ------------------------------------------------ */

static void test_open_empty_file_migrates(void **state)
{
	struct fixture *f = *state;
	struct error e;

	write_bytes(f->db, "", 0);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_false(store_is_readonly(f->s));
	assert_string_equal(store_who(f->s), "alice");
	assert_string_equal(store_path(f->s), f->db);
	store_close(&f->s);
	assert_null(f->s);

	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM charrette_meta "
				 "WHERE key = 'application' AND "
				 "value = 'charrette'"), 1);
	{
		/* WAL mode: file format bytes 18 and 19 are 2 */
		size_t n;
		unsigned char *head = slurp(f->db, &n);
		char *bak = str_printf("%s.bak-v0", f->db);

		assert_true(n > 100);
		assert_int_equal(head[18], 2);
		assert_int_equal(head[19], 2);
		free(head);
		/* nothing to back up in an empty file */
		assert_false(exists(bak));
		free(bak);
	}
}

static void test_open_missing_creates(void **state)
{
	struct fixture *f = *state;
	struct error e;
	int64_t v1 = 0;

	err_clear(&e);
	assert_false(exists(f->db));
	assert_int_equal(store_open(&f->s, f->db, 0, "bob", &e), ST_OK);
	assert_true(exists(f->db));
	assert_int_equal(store_data_version(f->s, &v1, &e), ST_OK);
	store_close(&f->s);
	/* Reopening a current database migrates nothing and backs up
	 * nothing. */
	assert_int_equal(store_open(&f->s, f->db, 0, "bob", &e), ST_OK);
	store_close(&f->s);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl = 'schema'"), 1);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
}

static void test_refuse_newer_schema(void **state)
{
	struct fixture *f = *state;
	unsigned char *before;
	size_t n;
	struct error e;

	raw_exec(f->db, "CREATE TABLE charrette_meta(key TEXT PRIMARY KEY, "
		 "value TEXT); INSERT INTO charrette_meta VALUES "
		 "('application', 'charrette'); PRAGMA user_version = 7;");
	before = slurp(f->db, &n);
	assert_non_null(before);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_INPUT);
	assert_null(f->s);
	{
		char want[80];

		snprintf(want, sizeof(want), "was written by a newer charrette "
			 "(schema 7, this build knows %d)", STORE_SCHEMA_VERSION);
		assert_non_null(strstr(e.msg, want));
	}
	assert_non_null(strstr(e.msg, f->db));
	assert_same_bytes(before, n, f->db);
	free(before);
}

static void test_refuse_not_sqlite(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "title: not a database at all\n"
				   "this file is plain text, long enough\n";
	unsigned char *before;
	size_t n;
	struct error e;

	write_bytes(f->db, text, sizeof(text) - 1);
	before = slurp(f->db, &n);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "is not a SQLite database"));
	assert_same_bytes(before, n, f->db);
	free(before);

	/* shorter than a header */
	write_bytes(f->db, "SQLite", 6);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "is not a SQLite database"));
	assert_same_bytes((const unsigned char *)"SQLite", 6, f->db);

	/* a folder */
	assert_int_equal(store_open(&f->s, f->dir, 0, "alice", &e), ST_INPUT);
}

static void test_refuse_foreign_database(void **state)
{
	struct fixture *f = *state;
	unsigned char *before;
	size_t n;
	struct error e;

	raw_exec(f->db, "CREATE TABLE people(name TEXT); "
		 "INSERT INTO people VALUES ('ada');");
	before = slurp(f->db, &n);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "is a SQLite database of another "
			       "application"));
	assert_same_bytes(before, n, f->db);

	/* no tables but a schema version of someone else's */
	unlink(f->db);
	raw_exec(f->db, "PRAGMA user_version = 3;");
	free(before);
	before = slurp(f->db, &n);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "another application"));
	assert_same_bytes(before, n, f->db);
	free(before);
	before = NULL;

	/* read-only is refused the same way */
	assert_int_equal(store_open(&f->s, f->db, STORE_READONLY, "alice", &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "another application"));
}

static void test_backup_before_migrating(void **state)
{
	struct fixture *f = *state;
	struct error e;
	char *bak = str_printf("%s.bak-v0", f->db);
	char *bak2 = str_printf("%s.bak-v0-2", f->db);
	unsigned char *before, *copy;
	size_t n, ncopy;

	/* A version-0 file of ours that holds data. */
	raw_exec(f->db, "CREATE TABLE charrette_meta(key TEXT PRIMARY KEY, "
		 "value TEXT); INSERT INTO charrette_meta VALUES "
		 "('application', 'charrette'), ('note', 'precious');");
	before = slurp(f->db, &n);
	assert_non_null(before);
	err_clear(&e);
	/* read-only cannot upgrade it, and leaves it alone */
	assert_int_equal(store_open(&f->s, f->db, STORE_READONLY, "alice", &e),
			 ST_READONLY);
	assert_non_null(strstr(e.msg, "needs an upgrade"));
	assert_same_bytes(before, n, f->db);
	assert_false(exists(bak));

	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	store_close(&f->s);

	assert_true(exists(bak));
	copy = slurp(bak, &ncopy);
	assert_non_null(copy);
	assert_memory_equal(copy, "SQLite format 3", 16);
	free(copy);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 0);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM charrette_meta "
				 "WHERE value = 'precious'"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM sqlite_master "
				 "WHERE name = 'workshop'"), 0);
	/* the original is upgraded and keeps its data */
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM charrette_meta "
				 "WHERE value = 'precious'"), 1);

	/* Another v0 file migrated beside an existing backup keeps both. */
	unlink(f->db);
	write_bytes(f->db, before, n);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	store_close(&f->s);
	assert_true(exists(bak2));
	free(before);
	free(bak);
	free(bak2);
}

/* tests/data/store/v1.sql: a database the version-1 build wrote. */
static char *v1_sql(void)
{
	const char *top = getenv("top_srcdir");
	char *path = str_printf("%s/tests/data/store/v1.sql",
				top && *top ? top : TOP_SRCDIR);
	unsigned char *text;
	size_t n;

	assert_non_null(path);
	text = slurp(path, &n);
	if (!text)
		fail_msg("cannot read %s", path);
	text[n] = '\0';
	free(path);
	return (char *)text;
}

static void test_migrate_v1_to_v2(void **state)
{
	struct fixture *f = *state;
	struct workshop_data *d = NULL;
	struct error e;
	char *sql = v1_sql(), *bak = str_printf("%s.bak-v1", f->db), *val;
	unsigned char *before;
	size_t n;
	int64_t version;

	raw_exec(f->db, sql);
	free(sql);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM pragma_table_info"
				 "('decision') WHERE name = 'links'"), 0);
	before = slurp(f->db, &n);
	assert_non_null(before);

	/* Read-only cannot upgrade it and leaves it alone. */
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, STORE_READONLY, "alice", &e),
			 ST_READONLY);
	{
		char want[32];

		snprintf(want, sizeof(want), "schema 1 to %d",
			 STORE_SCHEMA_VERSION);
		assert_non_null(strstr(e.msg, want));
	}
	assert_same_bytes(before, n, f->db);
	assert_false(exists(bak));

	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	/* The copy is the version-1 file as it was, data and all. */
	assert_true(exists(bak));
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM decision"), 6);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM pragma_table_info"
				 "('decision') WHERE name = 'markdown'"), 0);
	/* The upgrade is in the audit log. */
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl = 'schema' AND old_value = '1'"), 1);

	/* Every row is still there; the new columns hold their defaults. */
	assert_int_equal(store_workshop_load(f->s, 1, &d, &e), ST_OK);
	assert_string_equal(d->ws.title, "ADRs from tests/data/adr/adr-tools");
	assert_int_equal(d->n_decisions, 6);
	assert_string_equal(d->decisions[3].title,
			    "Cache build artifacts between jobs");
	assert_non_null(strstr(d->decisions[3].decision, "```yaml\n"));
	assert_non_null(strstr(d->decisions[3].rationale, "## Compliance"));
	assert_int_equal(d->decisions[3].positive.n, 2);
	assert_int_equal(d->decisions[0].superseded_by, 3);
	assert_int_equal(d->decisions[5].n_supersedes, 1);
	assert_int_equal(d->decisions[5].supersedes[0], 5);
	for (size_t i = 0; i < d->n_decisions; i++) {
		assert_int_equal(d->decisions[i].links.n, 0);
		assert_false(d->decisions[i].markdown);
		assert_int_equal(d->decisions[i].version, 1);
	}

	/* The new fields can be written and read back. */
	assert_int_equal(store_update(f->s, "decision", d->decisions[3].id,
				      "links", "Amends\t2\n", 1, &version, &e),
			 ST_OK);
	assert_int_equal(store_update(f->s, "decision", d->decisions[3].id,
				      "markdown", "1", version, &version, &e),
			 ST_OK);
	assert_int_equal(store_get_field(f->s, "decision", d->decisions[3].id,
					 "links", &val, NULL, &e), ST_OK);
	assert_string_equal(val, "Amends\t2");
	free(val);
	wsdata_free(&d);
	store_close(&f->s);

	/* A second open migrates nothing more and copies nothing more. */
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, 1, &d, &e), ST_OK);
	assert_int_equal(d->decisions[3].links.n, 1);
	assert_string_equal(d->decisions[3].links.v[0], "Amends\t2");
	assert_true(d->decisions[3].markdown);
	assert_false(d->decisions[2].markdown);
	wsdata_free(&d);
	{
		char *bak2 = str_printf("%s.bak-v1-2", f->db);

		assert_false(exists(bak2));
		free(bak2);
	}
	free(before);
	free(bak);
}

static void test_readonly_flag(void **state)
{
	struct fixture *f = *state;
	struct workshop *list = NULL;
	size_t n = 0;
	struct error e;
	int64_t id = 0, ws;
	unsigned char *before;
	size_t nb;

	err_clear(&e);
	/* missing + read-only: not found, and nothing is created */
	assert_int_equal(store_open(&f->s, f->db, STORE_READONLY, "alice", &e),
			 ST_NOTFOUND);
	assert_false(exists(f->db));

	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Platform", "devops", &ws,
					       &e), ST_OK);
	store_close(&f->s);
	before = slurp(f->db, &nb);

	assert_int_equal(store_open(&f->s, f->db, STORE_READONLY, "bob", &e),
			 ST_OK);
	assert_true(store_is_readonly(f->s));
	assert_int_equal(store_workshop_list(f->s, true, &list, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].title, "Platform");
	store_workshop_list_free(&list, n);

	assert_int_equal(store_workshop_create(f->s, "Other", NULL, &id, &e),
			 ST_READONLY);
	assert_non_null(strstr(e.msg, " is open read-only: --read-only was given"));
	assert_int_equal(store_update(f->s, "workshop", ws, "title", "X", 1,
				      NULL, &e), ST_READONLY);
	assert_int_equal(store_presence_beat(f->s, ws, "approaches", NULL, &e),
			 ST_READONLY);
	assert_int_equal(store_workshop_delete(f->s, ws, &e), ST_READONLY);
	store_close(&f->s);
	assert_same_bytes(before, nb, f->db);
	free(before);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 1);
}

/* A folder the user cannot write (WAL files cannot be created there):
 * the store opens read-only and still reads.  Root writes anywhere, so
 * this only means something for ordinary users. */
static void test_readonly_folder(void **state)
{
	struct fixture *f = *state;
	struct workshop *list = NULL;
	size_t n = 0;
	struct error e;
	int64_t ws;

	if (geteuid() == 0)
		skip();
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Platform", NULL, &ws, &e),
			 ST_OK);
	store_close(&f->s);
	assert_int_equal(chmod(f->db, 0444), 0);
	assert_int_equal(chmod(f->dir, 0555), 0);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_true(store_is_readonly(f->s));
	assert_int_equal(store_workshop_list(f->s, true, &list, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	store_workshop_list_free(&list, n);
	assert_int_equal(store_workshop_create(f->s, "B", NULL, &ws, &e),
			 ST_READONLY);
	store_close(&f->s);

	/* a read-only file in a writable folder */
	assert_int_equal(chmod(f->dir, 0700), 0);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_true(store_is_readonly(f->s));
	assert_int_equal(store_workshop_list(f->s, true, &list, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	store_workshop_list_free(&list, n);
	assert_int_equal(store_update(f->s, "workshop", ws, "title", "B", 1,
				      NULL, &e), ST_READONLY);
	store_close(&f->s);
}

/* ---- several connections -------------------------------------------------- */

static void test_two_connections(void **state)
{
	struct fixture *f = *state;
	struct store *b = NULL;
	struct workshop w;
	struct error e;
	int64_t ws, dv1, dv2, dv3, ver;
	char *val = NULL;

	err_clear(&e);
	assert_int_equal(store_open(&b, f->db, 0, "bob", &e), ST_OK);
	assert_int_equal(store_data_version(b, &dv1, &e), ST_OK);
	assert_int_equal(store_data_version(b, &dv2, &e), ST_OK);
	assert_true(dv1 == dv2);

	assert_int_equal(store_workshop_create(f->s, "Shared", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(store_data_version(b, &dv2, &e), ST_OK);
	assert_true(dv2 != dv1);
	assert_int_equal(store_workshop_get(b, ws, &w, &e), ST_OK);
	assert_string_equal(w.title, "Shared");
	workshop_clear(&w);

	/* Both start editing the title at version 1; alice saves first. */
	assert_int_equal(store_update(f->s, "workshop", ws, "title",
				      "Shared platform", 1, &ver, &e), ST_OK);
	assert_int_equal(ver, 2);
	assert_int_equal(store_data_version(b, &dv3, &e), ST_OK);
	assert_true(dv3 != dv2);
	assert_int_equal(store_update(b, "workshop", ws, "title", "Bob's", 1,
				      &ver, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "alice"));
	assert_non_null(strstr(e.msg, "title"));
	assert_int_equal(store_get_field(b, "workshop", ws, "title", &val, &ver,
					 &e), ST_OK);
	assert_string_equal(val, "Shared platform");
	assert_int_equal(ver, 2);
	free(val);
	store_close(&b);
}

static void test_busy(void **state)
{
	struct fixture *f = *state;
	struct error e;
	sqlite3 *db;
	int64_t ws = 0;

	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
			 SQLITE_OK);
	store_set_busy_timeout(f->s, 5);
	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "Locked", NULL, &ws, &e),
			 ST_BUSY);
	assert_non_null(strstr(e.msg, ": the database is busy (another "
			       "program holds its write lock); try again"));
	assert_null(strstr(e.msg, "SQLITE"));
	assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_workshop_create(f->s, "Free", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 1);
}

/* ---- audit and versions ----------------------------------------------------- */

static void test_audit_rows(void **state)
{
	struct fixture *f = *state;
	struct audit_entry *log = NULL;
	struct risk r = { 0 };
	struct error e;
	size_t n = 0;
	int64_t ws, rid, ver, before;

	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "Audit me", NULL, &ws, &e),
			 ST_OK);
	r.description = "Cluster upgrade breaks pipelines";
	r.probability = 3;
	r.impact = 4;
	assert_int_equal(store_risk_add(f->s, ws, &r, &rid, &e), ST_OK);
	setenv("CHARRETTE_NOW", "1700000100", 1);
	assert_int_equal(store_update(f->s, "risk", rid, "impact", "5", 1, &ver,
				      &e), ST_OK);
	assert_int_equal(ver, 2);
	assert_int_equal(store_risk_delete(f->s, rid, 2, &e), ST_OK);

	assert_int_equal(store_audit_list(f->s, ws, NULL, 0, &log, &n, &e),
			 ST_OK);
	assert_int_equal(n, 4);
	/* newest first: delete, update, create risk, create workshop */
	assert_string_equal(log[0].tbl, "risk");
	assert_int_equal(log[0].row, rid);
	assert_string_equal(log[0].old_value, "R1");
	assert_null(log[0].new_value);
	assert_string_equal(log[0].who, "alice");
	assert_int_equal(log[0].at, 1700000100);

	assert_string_equal(log[1].field, "impact");
	assert_string_equal(log[1].old_value, "4");
	assert_string_equal(log[1].new_value, "5");
	assert_int_equal(log[1].workshop_id, ws);

	assert_string_equal(log[2].tbl, "risk");
	assert_null(log[2].old_value);
	assert_string_equal(log[2].new_value, "R1");
	assert_int_equal(log[2].at, 1700000000);

	assert_string_equal(log[3].tbl, "workshop");
	assert_null(log[3].old_value);
	assert_string_equal(log[3].new_value, "Audit me");
	store_audit_list_free(&log, n);
	assert_null(log);

	/* limit, and filtering by who */
	assert_int_equal(store_audit_list(f->s, ws, NULL, 2, &log, &n, &e),
			 ST_OK);
	assert_int_equal(n, 2);
	store_audit_list_free(&log, n);
	assert_int_equal(store_audit_list(f->s, ws, "nobody", 0, &log, &n, &e),
			 ST_OK);
	assert_int_equal(n, 0);
	store_audit_list_free(&log, n);
	/* every workshop (ws 0) includes the schema row */
	before = raw_int(f->db, "SELECT count(*) FROM audit");
	assert_int_equal(store_audit_list(f->s, 0, "alice", 0, &log, &n, &e),
			 ST_OK);
	assert_int_equal((int64_t)n, before);
	store_audit_list_free(&log, n);

	/* editing bumped the workshop's `updated` */
	assert_int_equal(raw_int(f->db, "SELECT updated FROM workshop"),
			 1700000100);
}

static void test_stale_version(void **state)
{
	struct fixture *f = *state;
	struct error e;
	struct criterion c = { 0 };
	int64_t ws, cid, audits, ver = -1;
	char *val = NULL;

	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "Stale", NULL, &ws, &e),
			 ST_OK);
	c.name = "Developer experience";
	c.weight = 3;
	assert_int_equal(store_criterion_add(f->s, ws, &c, &cid, &e), ST_OK);
	assert_int_equal(store_update(f->s, "criterion", cid, "weight", "4", 1,
				      &ver, &e), ST_OK);
	audits = raw_int(f->db, "SELECT count(*) FROM audit");

	assert_int_equal(store_update(f->s, "criterion", cid, "weight", "1", 1,
				      &ver, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "criterion developer-experience"));
	assert_non_null(strstr(e.msg, "weight"));
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"), audits);
	assert_int_equal(store_get_field(f->s, "criterion", cid, "weight", &val,
					 &ver, &e), ST_OK);
	assert_string_equal(val, "4");
	assert_int_equal(ver, 2);
	free(val);

	/* a stale delete writes nothing either */
	assert_int_equal(store_criterion_delete(f->s, cid, 1, &e), ST_CONFLICT);
	assert_int_equal(count_rows(f->db, "criterion", ws), 1);
	/* a row deleted by someone else */
	assert_int_equal(store_criterion_delete(f->s, cid, 2, &e), ST_OK);
	assert_int_equal(store_update(f->s, "criterion", cid, "weight", "2", 2,
				      &ver, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "deleted by alice"));
	assert_int_equal(store_update(f->s, "criterion", 9999, "weight", "2", 1,
				      &ver, &e), ST_NOTFOUND);
}

int main(void)
{
	const struct CMUnitTest base[] = {
		cmocka_unit_test_setup_teardown(test_open_empty_file_migrates,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_open_missing_creates,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrate_v1_to_v2,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_refuse_newer_schema,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_refuse_not_sqlite,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_refuse_foreign_database,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_backup_before_migrating,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_readonly_flag,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_readonly_folder,
						setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_two_connections,
						setup_open, teardown_dir),
		cmocka_unit_test_setup_teardown(test_busy,
						setup_open, teardown_dir),
		cmocka_unit_test_setup_teardown(test_audit_rows,
						setup_open, teardown_dir),
		cmocka_unit_test_setup_teardown(test_stale_version,
						setup_open, teardown_dir),
	};
	int failed = cmocka_run_group_tests_name("store", base, NULL, NULL);

	failed += _cmocka_run_group_tests("store data", store_data_tests,
					  store_data_tests_n, NULL, NULL);
	return failed;
}

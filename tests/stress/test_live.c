#include "config.h"
/*
 * test_live: two people on one database file, each through their own store
 * handle, the way two charrette sessions on the shared box are.  What one
 * commits, the other notices with one PRAGMA data_version poll and sees in
 * a reload; both editing from the same version makes the second one
 * conflict with nothing written, and the loser can read the winner's value
 * to offer "keep mine" or "take theirs".
 */

#include <dirent.h>
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
#include "util/error.h"
#include "util/str.h"

struct live {
	char dir[64];
	char *db;
	struct store *alice, *bob;
	int64_t ws;
	int64_t risk;          /* id of risk R1 */
};

static struct workshop_data *small_workshop(void)
{
	static const char *const akeys[] = { "monolith", "services" };
	static const char *const ckeys[] = { "cost", "speed" };
	struct workshop_data *d = wsdata_new();

	assert_non_null(d);
	assert_non_null(d->ws.title = str_dup("Live"));
	for (size_t i = 0; i < 2; i++) {
		struct criterion *c = wsdata_add_criterion(d);
		struct approach *a = wsdata_add_approach(d);

		assert_non_null(c);
		assert_non_null(a);
		assert_non_null(c->key = str_dup(ckeys[i]));
		assert_non_null(c->name = str_dup(ckeys[i]));
		c->weight = 1;
		assert_non_null(a->key = str_dup(akeys[i]));
		assert_non_null(a->name = str_dup(akeys[i]));
	}
	for (size_t i = 0; i < 4; i++) {
		struct score *sc = wsdata_add_score(d);

		assert_non_null(sc);
		assert_non_null(sc->approach = str_dup(akeys[i / 2]));
		assert_non_null(sc->criterion = str_dup(ckeys[i % 2]));
		sc->has_value = true;
		sc->value = 3;
	}
	{
		struct risk *r = wsdata_add_risk(d);

		assert_non_null(r);
		assert_non_null(r->key = str_dup("R1"));
		assert_non_null(r->description = str_dup("vendor lock-in"));
		r->probability = 3;
		r->impact = 4;
	}
	return d;
}

static int setup(void **state)
{
	struct live *l = calloc(1, sizeof(*l));
	struct workshop_data *d = small_workshop(), *got = NULL;
	struct error e;

	assert_non_null(l);
	snprintf(l->dir, sizeof(l->dir), "/tmp/charrette-live-XXXXXX");
	assert_non_null(mkdtemp(l->dir));
	assert_non_null(l->db = str_printf("%s/team.db", l->dir));
	err_clear(&e);
	assert_int_equal(store_open(&l->alice, l->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_import(l->alice, d, &l->ws, &e), ST_OK);
	wsdata_free(&d);
	assert_int_equal(store_open(&l->bob, l->db, 0, "bob", &e), ST_OK);
	assert_int_equal(store_workshop_load(l->bob, l->ws, &got, &e), ST_OK);
	assert_int_equal(got->n_risks, 1);
	l->risk = got->risks[0].id;
	wsdata_free(&got);
	*state = l;
	return 0;
}

static int teardown(void **state)
{
	struct live *l = *state;
	struct dirent *de;
	DIR *d;

	store_close(&l->alice);
	store_close(&l->bob);
	if ((d = opendir(l->dir))) {
		while ((de = readdir(d))) {
			char *p;

			if (de->d_name[0] == '.')
				continue;
			p = str_printf("%s/%s", l->dir, de->d_name);
			if (p)
				unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(l->dir);
	free(l->db);
	free(l);
	return 0;
}

static int64_t data_version(struct store *s)
{
	struct error e;
	int64_t v = -1;

	err_clear(&e);
	assert_int_equal(store_data_version(s, &v, &e), ST_OK);
	return v;
}

static const struct risk *risk_of(const struct workshop_data *d)
{
	assert_int_equal(d->n_risks, 1);
	return &d->risks[0];
}

static int64_t audit_rows(struct live *l)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n;

	assert_int_equal(sqlite3_open_v2(l->db, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit",
					    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Alice's edit shows in Bob's very next poll and in his reload. */
static void test_edit_seen_in_one_poll(void **state)
{
	struct live *l = *state;
	struct workshop_data *d = NULL;
	const struct score *sc;
	struct error e;
	int64_t before, after, ver;
	double v = 4.5;

	err_clear(&e);
	before = data_version(l->bob);
	assert_int_equal(data_version(l->bob), before);   /* steady */

	assert_int_equal(store_update(l->alice, "risk", l->risk, "description",
				      "vendor lock-in (cloud)", 1, &ver, &e),
			 ST_OK);
	assert_int_equal(ver, 2);
	after = data_version(l->bob);
	assert_true(after != before);
	assert_int_equal(data_version(l->bob), after);    /* steady again */

	assert_int_equal(store_workshop_load(l->bob, l->ws, &d, &e), ST_OK);
	assert_string_equal(risk_of(d)->description, "vendor lock-in (cloud)");
	assert_int_equal(risk_of(d)->version, 2);
	wsdata_free(&d);

	/* A score cell, too. */
	assert_int_equal(store_score_set(l->alice, l->ws, "services", "speed",
					 &v, 1, &ver, &e), ST_OK);
	assert_true(data_version(l->bob) != after);
	assert_int_equal(store_workshop_load(l->bob, l->ws, &d, &e), ST_OK);
	sc = wsdata_score(d, "services", "speed");
	assert_non_null(sc);
	assert_true(sc->has_value);
	assert_true(sc->value == 4.5);
	assert_int_equal(sc->version, 2);
	wsdata_free(&d);
}

/* Several edits between two polls still show as one change, and the
 * reload has the last of them. */
static void test_many_edits_between_polls(void **state)
{
	struct live *l = *state;
	struct workshop_data *d = NULL;
	struct error e;
	int64_t before, ver = 1;
	char text[32];

	err_clear(&e);
	before = data_version(l->bob);
	for (int i = 0; i < 5; i++) {
		snprintf(text, sizeof(text), "draft %d", i);
		assert_int_equal(store_update(l->alice, "risk", l->risk,
					      "description", text, ver, &ver,
					      &e), ST_OK);
	}
	assert_true(data_version(l->bob) != before);
	assert_int_equal(store_workshop_load(l->bob, l->ws, &d, &e), ST_OK);
	assert_string_equal(risk_of(d)->description, "draft 4");
	assert_int_equal(risk_of(d)->version, 6);
	wsdata_free(&d);
}

/* One's own commits do not look like someone else's: the UI need not
 * reload after every keystroke it saved itself. */
static void test_own_edit_not_a_change(void **state)
{
	struct live *l = *state;
	struct error e;
	int64_t before;

	err_clear(&e);
	before = data_version(l->bob);
	assert_int_equal(store_update(l->bob, "risk", l->risk, "owner", "bob", 1,
				      NULL, &e), ST_OK);
	assert_int_equal(data_version(l->bob), before);
	assert_true(data_version(l->alice) != 0);
}

/* Both start from version 1; Alice saves first, Bob's save is refused with
 * nothing written, and Bob can see what Alice saved. */
static void test_conflict_keep_or_take(void **state)
{
	struct live *l = *state;
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ver, audit0, dv;
	char *val = NULL;

	err_clear(&e);
	assert_int_equal(store_get_field(l->bob, "risk", l->risk, "description",
					 &val, &ver, &e), ST_OK);
	assert_string_equal(val, "vendor lock-in");
	assert_int_equal(ver, 1);
	free(val);

	assert_int_equal(store_update(l->alice, "risk", l->risk, "description",
				      "Alice's wording", 1, NULL, &e), ST_OK);
	audit0 = audit_rows(l);
	dv = data_version(l->alice);
	assert_int_equal(store_update(l->bob, "risk", l->risk, "description",
				      "Bob's wording", 1, NULL, &e),
			 ST_CONFLICT);
	assert_non_null(strstr(e.msg, "alice"));
	assert_non_null(strstr(e.msg, "description"));
	/* Nothing written: no audit row, no commit Alice could notice. */
	assert_int_equal(audit_rows(l), audit0);
	assert_int_equal(data_version(l->alice), dv);

	/* What the UI shows beside "keep mine / take theirs". */
	assert_int_equal(store_get_field(l->bob, "risk", l->risk, "description",
					 &val, &ver, &e), ST_OK);
	assert_string_equal(val, "Alice's wording");
	assert_int_equal(ver, 2);
	free(val);

	/* Keep mine: save again from the version just read. */
	assert_int_equal(store_update(l->bob, "risk", l->risk, "description",
				      "Bob's wording", ver, &ver, &e), ST_OK);
	assert_int_equal(ver, 3);
	assert_true(data_version(l->alice) != dv);
	assert_int_equal(store_workshop_load(l->alice, l->ws, &d, &e), ST_OK);
	assert_string_equal(risk_of(d)->description, "Bob's wording");
	assert_int_equal(risk_of(d)->version, 3);
	wsdata_free(&d);

	/* Alice, still at version 2, is refused in turn; taking theirs
	 * writes nothing. */
	audit0 = audit_rows(l);
	assert_int_equal(store_update(l->alice, "risk", l->risk, "description",
				      "Alice again", 2, NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "bob"));
	assert_int_equal(audit_rows(l), audit0);
}

/* The same on a score cell, read back through the whole aggregate. */
static void test_score_conflict(void **state)
{
	struct live *l = *state;
	struct workshop_data *d = NULL;
	const struct score *sc;
	struct error e;
	double a = 2, b = 5;
	int64_t ver;

	err_clear(&e);
	assert_int_equal(store_score_set(l->alice, l->ws, "monolith", "cost", &a,
					 1, &ver, &e), ST_OK);
	assert_int_equal(store_score_set(l->bob, l->ws, "monolith", "cost", &b,
					 1, &ver, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "alice"));
	assert_int_equal(store_workshop_load(l->bob, l->ws, &d, &e), ST_OK);
	sc = wsdata_score(d, "monolith", "cost");
	assert_non_null(sc);
	assert_true(sc->value == 2);
	assert_int_equal(sc->version, 2);
	wsdata_free(&d);
}

/* An edit of a row the other deleted meanwhile names who deleted it. */
static void test_edit_of_deleted_row(void **state)
{
	struct live *l = *state;
	struct error e;
	char *val = NULL;

	err_clear(&e);
	assert_int_equal(store_risk_delete(l->alice, l->risk, 1, &e), ST_OK);
	assert_int_equal(store_update(l->bob, "risk", l->risk, "description",
				      "too late", 1, NULL, &e), ST_CONFLICT);
	assert_non_null(strstr(e.msg, "deleted"));
	assert_non_null(strstr(e.msg, "alice"));
	assert_int_equal(store_get_field(l->bob, "risk", l->risk, "description",
					 &val, NULL, &e), ST_NOTFOUND);
	assert_null(val);
}

/* Someone who may only read (a read-only handle) follows along live. */
static void test_readonly_viewer_follows(void **state)
{
	struct live *l = *state;
	struct workshop_data *d = NULL;
	struct store *viewer = NULL;
	struct error e;
	int64_t before;

	err_clear(&e);
	assert_int_equal(store_open(&viewer, l->db, STORE_READONLY, "carol",
				    &e), ST_OK);
	assert_true(store_is_readonly(viewer));
	before = data_version(viewer);
	assert_int_equal(store_update(l->alice, "workshop", l->ws, "title",
				      "Live, renamed", 1, NULL, &e), ST_OK);
	assert_true(data_version(viewer) != before);
	assert_int_equal(store_workshop_load(viewer, l->ws, &d, &e), ST_OK);
	assert_string_equal(d->ws.title, "Live, renamed");
	wsdata_free(&d);
	assert_int_equal(store_update(viewer, "workshop", l->ws, "title", "x", 2,
				      NULL, &e), ST_READONLY);
	store_close(&viewer);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_edit_seen_in_one_poll,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_edits_between_polls,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_edit_not_a_change,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_keep_or_take,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_score_conflict,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_of_deleted_row,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_viewer_follows,
						setup, teardown),
	};

	setenv("CHARRETTE_NOW", "1700000000", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

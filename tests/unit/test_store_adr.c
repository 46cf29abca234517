/*
 * Unit tests of store_adr: a decision keeps its ADR file (name, folder,
 * bytes, checksums), its status in the file's words and its unsorted
 * consequences, through load, duplicate and delete; numbers of added
 * records are never ones the workshop gave before; an update at a stale
 * version is a conflict and writes nothing; every field changed is in the
 * audit log, and recording the file alone is no edit.
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

#include "model/model.h"
#include "store/store.h"
#include "store/store_adr.h"
#include "util/str.h"

struct fx {
	char dir[64];
	char *db;
	struct store *s;
	int64_t ws;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	const char *t = getenv("TMPDIR");
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "%s/charrette-store-adr-XXXXXX",
		 t && *t && strlen(t) < 30 ? t : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	assert_non_null(f->db);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "W", "generic", &f->ws,
					       &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char *cmd = str_printf("rm -rf '%s'", f->dir);

	store_close(&f->s);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f->db);
	free(f);
	return 0;
}

static void record(struct decision *d, int number, const char *file)
{
	memset(d, 0, sizeof(*d));
	d->number = number;
	d->title = str_printf("Record %d", number);
	d->status = ADR_ACCEPTED;
	d->status_text = str_dup("Partially Implemented");
	d->consequences = str_dup("* Neutral, because it is a change.");
	d->file = str_dup(file);
	d->file_dir = str_dup("/srv/repo/doc/adr");
	d->source = str_printf("# %d. Record %d\n", number, number);
	d->file_sums = str_dup("0123");
	d->markdown = true;
}

static const struct decision *by_number(const struct workshop_data *d,
					int n)
{
	for (size_t i = 0; i < d->n_decisions; i++)
		if (d->decisions[i].number == n)
			return &d->decisions[i];
	fail_msg("no decision %d", n);
	return NULL;
}

static void test_add_load(void **state)
{
	struct fx *f = *state;
	struct workshop_data *w = NULL;
	struct decision a, b;
	struct error e;
	int64_t id;
	int n;

	record(&a, 7, "0007-record.md");
	record(&b, 3, "0003-record.md");
	assert_int_equal(store_adr_begin(f->s, &e), ST_OK);
	assert_int_equal(store_adr_add(f->s, f->ws, &a, &id, &n, &e), ST_OK);
	/* The file's number, being above every number given. */
	assert_int_equal(n, 7);
	assert_int_equal(store_adr_add(f->s, f->ws, &b, &id, &n, &e), ST_OK);
	/* 3 is below the numbers given: the next one. */
	assert_int_equal(n, 8);
	assert_int_equal(store_adr_end(f->s, ST_OK, &e), ST_OK);

	assert_int_equal(store_workshop_load(f->s, f->ws, &w, &e), ST_OK);
	assert_int_equal(w->n_decisions, 2);
	{
		const struct decision *x = by_number(w, 7);

		assert_string_equal(x->status_text, "Partially Implemented");
		assert_string_equal(x->consequences,
				    "* Neutral, because it is a change.");
		assert_string_equal(x->file, "0007-record.md");
		assert_string_equal(x->file_dir, "/srv/repo/doc/adr");
		assert_string_equal(x->source, "# 7. Record 7\n");
		assert_string_equal(x->file_sums, "0123");
		assert_string_equal(decision_status_shown(x),
				    "Partially Implemented");
	}
	assert_string_equal(by_number(w, 8)->file, "0003-record.md");
	wsdata_free(&w);

	/* A duplicate keeps the files; a deleted decision takes its file. */
	{
		int64_t dup;

		assert_int_equal(store_workshop_duplicate(f->s, f->ws, "W2", &dup,
							  &e), ST_OK);
		assert_int_equal(store_workshop_load(f->s, dup, &w, &e), ST_OK);
		assert_string_equal(by_number(w, 7)->source, "# 7. Record 7\n");
		assert_int_equal(store_decision_delete(f->s, by_number(w, 7)->id,
						       by_number(w, 7)->version, &e),
				 ST_OK);
		wsdata_free(&w);
		assert_int_equal(store_workshop_load(f->s, dup, &w, &e), ST_OK);
		assert_int_equal(w->n_decisions, 1);
		wsdata_free(&w);
	}
	decision_clear(&a);
	decision_clear(&b);
}

static void test_update(void **state)
{
	struct fx *f = *state;
	struct workshop_data *w = NULL;
	struct decision a, now;
	struct audit_entry *log = NULL;
	size_t n_log = 0;
	struct error e;
	int64_t id, version;
	int n;

	record(&a, 2, "0002-record.md");
	assert_int_equal(store_adr_begin(f->s, &e), ST_OK);
	assert_int_equal(store_adr_add(f->s, f->ws, &a, &id, &n, &e), ST_OK);
	assert_int_equal(store_adr_end(f->s, ST_OK, &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, f->ws, &w, &e), ST_OK);
	version = w->decisions[0].version;

	/* The file alone: no new version, no audit row. */
	memset(&now, 0, sizeof(now));
	assert_int_equal(decision_copy(&now, &w->decisions[0]), 0);
	str_set(&now.source, "# 2. Record 2\n\nEdited.\n");
	assert_int_equal(store_adr_begin(f->s, &e), ST_OK);
	assert_int_equal(store_adr_update(f->s, f->ws, &w->decisions[0], &now,
					  SA_FILE, &e), ST_OK);
	assert_int_equal(store_adr_end(f->s, ST_OK, &e), ST_OK);
	wsdata_free(&w);
	assert_int_equal(store_workshop_load(f->s, f->ws, &w, &e), ST_OK);
	assert_int_equal(w->decisions[0].version, version);
	assert_string_equal(w->decisions[0].source, "# 2. Record 2\n\nEdited.\n");

	/* A field: a new version and its audit row. */
	now.status = ADR_DEPRECATED;
	str_set(&now.status_text, "Deprecated");
	assert_int_equal(store_adr_begin(f->s, &e), ST_OK);
	assert_int_equal(store_adr_update(f->s, f->ws, &w->decisions[0], &now,
					  SA_STATUS, &e), ST_OK);
	assert_int_equal(store_adr_end(f->s, ST_OK, &e), ST_OK);
	assert_int_equal(store_audit_list(f->s, f->ws, NULL, 5, &log, &n_log,
					  &e), ST_OK);
	assert_true(n_log >= 1);
	assert_string_equal(log[0].field, "status");
	assert_string_equal(log[0].new_value, "deprecated (Deprecated)");
	store_audit_list_free(&log, n_log);

	/* At the old version: a conflict, nothing written. */
	str_set(&now.title, "Stale");
	assert_int_equal(store_adr_begin(f->s, &e), ST_OK);
	assert_int_equal(store_adr_update(f->s, f->ws, &w->decisions[0], &now,
					  SA_TITLE, &e), ST_CONFLICT);
	assert_int_equal(store_adr_end(f->s, ST_CONFLICT, &e), ST_CONFLICT);
	wsdata_free(&w);
	assert_int_equal(store_workshop_load(f->s, f->ws, &w, &e), ST_OK);
	assert_string_equal(w->decisions[0].title, "Record 2");
	assert_int_equal(w->decisions[0].status, ADR_DEPRECATED);
	wsdata_free(&w);
	decision_clear(&now);
	decision_clear(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

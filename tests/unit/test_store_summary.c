/*
 * Unit tests of store_summary: every workshop's counts agree with what
 * loading the whole workshop finds (the way the Workshops screen counted
 * before), an answer holding only a note or cleared is not counted,
 * archived workshops are left out unless asked for, edits show in the next
 * call, and an empty database gives no rows.
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
#include "store/store_summary.h"
#include "util/str.h"

struct fx {
	char dir[256];
	char *db;
	struct store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "%s/charrette-summary-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	assert_non_null(f->db);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

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

/*
 * A workshop with `answers` answers holding a value, one more holding only
 * a note, and the given numbers of approaches, decisions and risks.
 */
static int64_t add_ws(struct store *s, const char *title, size_t answers,
		      size_t approaches, size_t decisions, size_t risks)
{
	struct workshop_data *d = wsdata_new();
	struct answer *an;
	struct error e;
	int64_t id = 0;

	assert_non_null(d);
	assert_non_null(d->ws.title = str_dup(title));
	assert_non_null(d->ws.template_name = str_dup("devops"));
	d->ws.stage = STAGE_TRADEOFFS;
	for (size_t i = 0; i < answers; i++) {
		assert_non_null(an = wsdata_add_answer(d));
		assert_non_null(an->question = str_printf("q%zu", i));
		an->value.kind = VAL_NUMBER;
		an->value.number = (double)i;
	}
	assert_non_null(an = wsdata_add_answer(d));
	assert_non_null(an->question = str_dup("noted"));
	assert_non_null(an->note = str_dup("only a note, no answer yet"));
	for (size_t i = 0; i < approaches; i++) {
		struct approach *a = wsdata_add_approach(d);

		assert_non_null(a);
		assert_non_null(a->key = str_printf("a%zu", i));
		assert_non_null(a->name = str_printf("Approach %zu", i));
	}
	for (size_t i = 0; i < decisions; i++) {
		struct decision *x = wsdata_add_decision(d);

		assert_non_null(x);
		x->number = (int)i + 1;
		assert_non_null(x->title = str_printf("Decision %zu", i));
	}
	for (size_t i = 0; i < risks; i++) {
		struct risk *r = wsdata_add_risk(d);

		assert_non_null(r);
		assert_non_null(r->key = str_printf("R%zu", i + 1));
		assert_non_null(r->description = str_dup("risk"));
		r->probability = r->impact = 2;
	}
	err_clear(&e);
	assert_int_equal(store_workshop_import(s, d, &id, &e), ST_OK);
	wsdata_free(&d);
	return id;
}

static size_t answered(const struct workshop_data *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n_answers; i++)
		if (d->answers[i].value.kind != VAL_NONE)
			n++;
	return n;
}

/* Each summary against the loaded workshop and the list's row. */
static void check_against_load(struct store *s, bool with_archived)
{
	struct workshop_summary *sum = NULL;
	struct workshop *rows = NULL;
	size_t n = 0, nrows = 0;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_workshop_summaries(s, with_archived, SUMMARY_ALL, &sum, &n,
						  &e), ST_OK);
	assert_int_equal(store_workshop_list(s, with_archived, &rows, &nrows,
					     &e), ST_OK);
	assert_int_equal(n, nrows);
	for (size_t i = 0; i < n; i++) {
		struct workshop_data *d = NULL;

		assert_int_equal(sum[i].w.id, rows[i].id);
		assert_string_equal(sum[i].w.title, rows[i].title);
		assert_string_equal(sum[i].w.template_name,
				    rows[i].template_name);
		assert_int_equal(sum[i].w.stage, rows[i].stage);
		assert_int_equal(sum[i].w.updated, rows[i].updated);
		assert_int_equal(sum[i].w.archived, rows[i].archived);
		assert_int_equal(sum[i].w.version, rows[i].version);
		assert_int_equal(store_workshop_load(s, sum[i].w.id, &d, &e),
				 ST_OK);
		assert_int_equal(sum[i].answered, answered(d));
		assert_int_equal(sum[i].approaches, d->n_approaches);
		assert_int_equal(sum[i].decisions, d->n_decisions);
		assert_int_equal(sum[i].risks, d->n_risks);
		wsdata_free(&d);
	}
	store_workshop_summaries_free(&sum, n);
	assert_null(sum);
	store_workshop_list_free(&rows, nrows);
}

static void test_empty(void **state)
{
	struct fx *f = *state;
	struct workshop_summary *sum = (void *)f;
	size_t n = 99;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_workshop_summaries(f->s, true, SUMMARY_ALL, &sum, &n, &e),
			 ST_OK);
	assert_null(sum);
	assert_int_equal(n, 0);
	store_workshop_summaries_free(&sum, n);
}

static void test_counts(void **state)
{
	struct fx *f = *state;
	struct workshop_summary *sum = NULL;
	size_t n = 0;
	struct error e;
	int64_t a, b, c;

	a = add_ws(f->s, "Alpha", 3, 2, 1, 4);
	b = add_ws(f->s, "Bravo", 0, 0, 0, 0);
	c = add_ws(f->s, "Charlie", 7, 5, 12, 1);
	err_clear(&e);
	assert_int_equal(store_workshop_summaries(f->s, false, SUMMARY_ALL, &sum, &n, &e),
			 ST_OK);
	assert_int_equal(n, 3);
	/* The figures themselves, not only their agreement with a load. */
	assert_int_equal(sum[0].w.id, a);
	assert_string_equal(sum[0].w.title, "Alpha");
	assert_int_equal(sum[0].w.stage, STAGE_TRADEOFFS);
	assert_int_equal(sum[0].answered, 3);
	assert_int_equal(sum[0].approaches, 2);
	assert_int_equal(sum[0].decisions, 1);
	assert_int_equal(sum[0].risks, 4);
	assert_int_equal(sum[1].w.id, b);
	assert_int_equal(sum[1].answered, 0);
	assert_int_equal(sum[1].approaches, 0);
	assert_int_equal(sum[1].decisions, 0);
	assert_int_equal(sum[1].risks, 0);
	assert_int_equal(sum[2].w.id, c);
	assert_int_equal(sum[2].answered, 7);
	assert_int_equal(sum[2].approaches, 5);
	assert_int_equal(sum[2].decisions, 12);
	assert_int_equal(sum[2].risks, 1);
	store_workshop_summaries_free(&sum, n);
	check_against_load(f->s, false);
}

static void test_archived_and_edits(void **state)
{
	struct fx *f = *state;
	struct workshop_summary *sum = NULL;
	struct workshop w;
	struct value v = { .kind = VAL_TEXT, .text = "yes" };
	size_t n = 0;
	struct error e;
	int64_t a, b;

	a = add_ws(f->s, "Alpha", 2, 2, 0, 0);
	b = add_ws(f->s, "Bravo", 1, 3, 2, 2);
	err_clear(&e);
	assert_int_equal(store_workshop_get(f->s, b, &w, &e), ST_OK);
	assert_int_equal(store_update(f->s, "workshop", b, "archived", "1",
				      w.version, NULL, &e), ST_OK);
	workshop_clear(&w);

	assert_int_equal(store_workshop_summaries(f->s, false, SUMMARY_ALL, &sum, &n, &e),
			 ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sum[0].w.id, a);
	store_workshop_summaries_free(&sum, n);

	assert_int_equal(store_workshop_summaries(f->s, true, SUMMARY_ALL, &sum, &n, &e),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(sum[1].w.id, b);
	assert_true(sum[1].w.archived);
	assert_int_equal(sum[1].approaches, 3);
	store_workshop_summaries_free(&sum, n);

	/* An answer given and one cleared, a risk added: the next call sees
	 * them. */
	assert_int_equal(store_answer_set(f->s, a, "extra", &v, 0, NULL, &e),
			 ST_OK);
	assert_int_equal(store_answer_clear(f->s, a, "q0", &e), ST_OK);
	{
		struct risk r = { .key = "", .description = "late",
				  .probability = 3, .impact = 3 };
		int64_t id;

		assert_int_equal(store_risk_add(f->s, a, &r, &id, &e), ST_OK);
	}
	assert_int_equal(store_workshop_summaries(f->s, true, SUMMARY_ALL, &sum, &n, &e),
			 ST_OK);
	assert_int_equal(sum[0].answered, 2);   /* q1 and extra */
	assert_int_equal(sum[0].risks, 1);
	store_workshop_summaries_free(&sum, n);
	check_against_load(f->s, true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_archived_and_edits, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for src/engine/score.c: normalisation, weighted totals,
 * competition ranking with ties, the leader. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/score.h"
#include "util/error.h"

#define assert_near(a, b, eps)                                          \
	do {                                                            \
		double a_ = (a), b_ = (b);                              \
		if (!(fabs(a_ - b_) <= (eps))) {                        \
			print_error("%.17g != %.17g (eps %g)\n", a_, b_, \
				    (double)(eps));                     \
			fail();                                         \
		}                                                       \
	} while (0)

static void test_normalise(void **state)
{
	const double raw[] = { 2, 1, 1, 0 };
	double w[4];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(score_normalise(raw, 4, w, &e), ST_OK);
	assert_near(w[0], 0.5, 1e-15);
	assert_near(w[1], 0.25, 1e-15);
	assert_near(w[2], 0.25, 1e-15);
	assert_near(w[3], 0, 0);   /* a zero weight stays zero */
}

static void test_normalise_errors(void **state)
{
	const double neg[] = { 1, -2, 3 };
	const double zero[] = { 0, 0, 0 };
	const double huge[] = { DBL_MAX, DBL_MAX };
	double nan_w[] = { 1, 1 };
	double inf_w[] = { 1, 1 };
	double w[3] = { 7, 7, 7 };
	struct error e;

	(void)state;
	nan_w[1] = NAN;
	inf_w[0] = INFINITY;

	err_clear(&e);
	assert_int_equal(score_normalise(neg, 3, w, &e), ST_INPUT);
	assert_int_equal(e.code, ST_INPUT);
	assert_non_null(strstr(e.msg, "weight 2 is negative"));
	assert_near(w[0], 7, 0);   /* nothing written on error */

	err_clear(&e);
	assert_int_equal(score_normalise(zero, 3, w, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "all weights are zero"));

	err_clear(&e);
	assert_int_equal(score_normalise(nan_w, 2, w, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "weight 2 is not a finite number"));

	err_clear(&e);
	assert_int_equal(score_normalise(inf_w, 2, w, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "weight 1 is not a finite number"));

	err_clear(&e);
	assert_int_equal(score_normalise(zero, 0, w, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "no weights"));

	err_clear(&e);
	assert_int_equal(score_normalise(huge, 2, w, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "too large"));
}

/*
 * Published example: Wikipedia, "Weighted sum model", section "Example"
 * (https://en.wikipedia.org/wiki/Weighted_sum_model): three alternatives on
 * four criteria with weights 0.20, 0.15, 0.40, 0.25,
 *	A1 = 25 20 15 30  -> WSM score 21.50
 *	A2 = 10 30 20 30  -> 22.00
 *	A3 = 30 10 30 10  -> 22.00
 * A2 and A3 tie for first place.
 */
static void test_wikipedia_wsm(void **state)
{
	const double v[] = {
		25, 20, 15, 30,
		10, 30, 20, 30,
		30, 10, 30, 10,
	};
	const double w[] = { 0.20, 0.15, 0.40, 0.25 };
	struct matrix m = { 3, 4, v, NULL };
	double totals[3];
	bool complete[3] = { false, false, false };
	int rank[3];
	size_t order[3];

	(void)state;
	score_totals(&m, w, totals, complete);
	assert_near(totals[0], 21.50, 1e-12);
	assert_near(totals[1], 22.00, 1e-12);
	assert_near(totals[2], 22.00, 1e-12);
	assert_true(complete[0] && complete[1] && complete[2]);

	score_rank(totals, 3, rank, order);
	assert_int_equal(rank[0], 3);
	assert_int_equal(rank[1], 1);
	assert_int_equal(rank[2], 1);
	assert_int_equal(order[0], 1);   /* tied: input order */
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 0);
	assert_int_equal(score_leader(totals, 3), 1);
}

static void test_unset_cells(void **state)
{
	const double v[] = {
		4, 99, 2,
		3, 3, 3,
	};
	const bool set[] = {
		true, false, true,
		true, true, true,
	};
	const double w[] = { 0.5, 0.25, 0.25 };
	struct matrix m = { 2, 3, v, set };
	double totals[2];
	bool complete[2];

	(void)state;
	score_totals(&m, w, totals, complete);
	/* the unset 99 counts 0: 0.5*4 + 0.25*2 */
	assert_near(totals[0], 2.5, 1e-15);
	assert_near(totals[1], 3.0, 1e-15);
	assert_false(complete[0]);
	assert_true(complete[1]);
	/* complete may be NULL */
	totals[0] = totals[1] = -1;
	score_totals(&m, w, totals, NULL);
	assert_near(totals[0], 2.5, 1e-15);
}

static void test_competition_ranking(void **state)
{
	const double t[] = { 3, 5, 5, 1, 5 };
	int rank[5];
	size_t order[5];

	(void)state;
	score_rank(t, 5, rank, order);
	assert_int_equal(rank[0], 4);
	assert_int_equal(rank[1], 1);
	assert_int_equal(rank[2], 1);
	assert_int_equal(rank[3], 5);
	assert_int_equal(rank[4], 1);
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 4);
	assert_int_equal(order[3], 0);
	assert_int_equal(order[4], 3);
	assert_int_equal(score_leader(t, 5), 1);
	/* order is optional */
	memset(rank, 0, sizeof(rank));
	score_rank(t, 5, rank, NULL);
	assert_int_equal(rank[3], 5);
}

/* The sorted ranking of many rows agrees with counting every pair, with
 * exact ties and chains of near-ties inside the tolerance; the order is
 * by rank, ties in input order. */
static void test_rank_many(void **state)
{
	enum { N = 2000 };
	static double t[N];
	static int rank[N], want[N];
	static size_t order[N];
	unsigned x = 12345;

	(void)state;
	for (size_t i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		/* Few distinct values, some nudged by fractions of the
		 * tolerance: equal totals and near-ties aplenty. */
		t[i] = (double)((x >> 16) % 7) +
		       (double)((x >> 8) % 3) * SCORE_TIE_EPS * 0.6;
	}
	score_rank(t, N, want, NULL);
	score_rank(t, N, rank, order);
	for (size_t i = 0; i < N; i++) {
		int r = 1;

		for (size_t j = 0; j < N; j++)
			if (t[j] > t[i] + SCORE_TIE_EPS)
				r++;
		assert_int_equal(want[i], r);
		assert_int_equal(rank[i], r);
	}
	for (size_t p = 1; p < N; p++)
		assert_true(rank[order[p - 1]] < rank[order[p]] ||
			    (rank[order[p - 1]] == rank[order[p]] &&
			     order[p - 1] < order[p]));
}

static void test_tie_tolerance(void **state)
{
	double t[2];
	int rank[2];

	(void)state;
	/* within SCORE_TIE_EPS: tied, the first listed leads */
	t[0] = 1.0;
	t[1] = 1.0 + SCORE_TIE_EPS / 2;
	score_rank(t, 2, rank, NULL);
	assert_int_equal(rank[0], 1);
	assert_int_equal(rank[1], 1);
	assert_int_equal(score_leader(t, 2), 0);
	/* beyond it: a real difference */
	t[1] = 1.0 + SCORE_TIE_EPS * 2;
	score_rank(t, 2, rank, NULL);
	assert_int_equal(rank[0], 2);
	assert_int_equal(rank[1], 1);
	assert_int_equal(score_leader(t, 2), 1);
}

static void test_single_and_empty(void **state)
{
	const double v[] = { 3, 4 };
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 1, 2, v, NULL };
	double total;
	int rank = 0;
	size_t order = 9;

	(void)state;
	score_totals(&m, w, &total, NULL);
	assert_near(total, 3.5, 1e-15);
	score_rank(&total, 1, &rank, &order);
	assert_int_equal(rank, 1);
	assert_int_equal(order, 0);
	assert_int_equal(score_leader(&total, 1), 0);
	assert_int_equal(score_leader(NULL, 0), 0);
	score_rank(NULL, 0, NULL, NULL);   /* nothing to do, no crash */
}

static void test_zero_weights(void **state)
{
	/* A criterion weighted 0 does not move the totals at all. */
	const double v[] = {
		1, 9,
		2, 0,
	};
	const double w[] = { 1, 0 };
	struct matrix m = { 2, 2, v, NULL };
	double totals[2];

	(void)state;
	score_totals(&m, w, totals, NULL);
	assert_near(totals[0], 1, 0);
	assert_near(totals[1], 2, 0);
	assert_int_equal(score_leader(totals, 2), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_normalise_errors),
		cmocka_unit_test(test_wikipedia_wsm),
		cmocka_unit_test(test_unset_cells),
		cmocka_unit_test(test_competition_ranking),
		cmocka_unit_test(test_tie_tolerance),
		cmocka_unit_test(test_rank_many),
		cmocka_unit_test(test_single_and_empty),
		cmocka_unit_test(test_zero_weights),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for src/engine/sensitivity.c: where each criterion's weight
 * would hand the lead to another approach. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/sensitivity.h"
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

/*
 * Hand-computed example.  Weights w = (0.5, 0.3, 0.2);
 *	A = (4, 2, 3)  total 2.0 + 0.6 + 0.6 = 3.2   (leader)
 *	B = (2, 4, 4)  total 1.0 + 1.2 + 0.8 = 3.0
 *	C = (1, 1, 1)  total 1.0
 *
 * Criterion 0 at weight t, the others rescaled by (1 - t) / 0.5, i.e.
 * w1 = 0.6 (1 - t), w2 = 0.4 (1 - t):
 *	A(t) = 4t + (1 - t)(0.6*2 + 0.4*3) = 2.4 + 1.6t
 *	B(t) = 2t + (1 - t)(0.6*4 + 0.4*4) = 4 - 2t
 *	A = B  <=>  3.6t = 1.6  <=>  t = 4/9 = 0.444...; below it B leads.
 * Criterion 1 (w = 0.3), others scaled by (1 - t) / 0.7:
 *	A(t) = 26/7 - 12/7 t,  B(t) = 18/7 + 10/7 t  ->  t = 8/22 = 4/11.
 * Criterion 2 (w = 0.2), others scaled by (1 - t) / 0.8:
 *	A(t) = 3.25 - 0.25t,   B(t) = 2.75 + 1.25t   ->  t = 0.5/1.5 = 1/3.
 * C is never in the running.
 */
static void test_hand_example(void **state)
{
	const double v[] = {
		4, 2, 3,
		2, 4, 4,
		1, 1, 1,
	};
	const double w[] = { 0.5, 0.3, 0.2 };
	struct matrix m = { 3, 3, v, NULL };
	struct sensitivity s[3];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);

	assert_near(s[0].weight, 0.5, 0);
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 4.0 / 9, 1e-12);
	assert_int_equal(s[0].new_leader, 1);

	assert_near(s[1].weight, 0.3, 0);
	assert_true(s[1].flips);
	assert_near(s[1].flip_at, 4.0 / 11, 1e-12);
	assert_int_equal(s[1].new_leader, 1);

	assert_near(s[2].weight, 0.2, 0);
	assert_true(s[2].flips);
	assert_near(s[2].flip_at, 1.0 / 3, 1e-12);
	assert_int_equal(s[2].new_leader, 1);
}

/* A dominates on every criterion: no weighting makes anyone else lead. */
static void test_robust(void **state)
{
	const double v[] = {
		5, 4, 5,
		3, 4, 2,
		1, 2, 4,
	};
	const double w[] = { 0.2, 0.5, 0.3 };
	struct matrix m = { 3, 3, v, NULL };
	struct sensitivity s[3];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	for (int c = 0; c < 3; c++) {
		assert_false(s[c].flips);
		assert_int_equal(s[c].new_leader, 0);
		assert_near(s[c].weight, w[c], 0);
	}
}

/*
 * Weight 1 on criterion 0, so the other two share (1 - t) equally:
 *	A = (5, 1, 1): A(t) = 5t + (1 - t) * 1        = 1 + 4t
 *	B = (3, 4, 2): B(t) = 3t + (1 - t) * (4+2)/2  = 3
 *	A = B at t = 0.5; below it B leads.
 * Criterion 1 at weight 0 (w1 = 0, the others keep proportions 1 : 0):
 *	A(t) = 5(1 - t) + t = 5 - 4t,  B(t) = 3(1 - t) + 4t = 3 + t
 *	-> t = 0.4.
 * Criterion 2 likewise: A(t) = 5 - 4t, B(t) = 3 - t -> t = 2/3.
 */
static void test_full_weight_and_zero_weights(void **state)
{
	const double v[] = {
		5, 1, 1,
		3, 4, 2,
	};
	const double w[] = { 1, 0, 0 };
	struct matrix m = { 2, 3, v, NULL };
	struct sensitivity s[3];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 0.5, 1e-12);
	assert_int_equal(s[0].new_leader, 1);
	assert_true(s[1].flips);
	assert_near(s[1].flip_at, 0.4, 1e-12);
	assert_int_equal(s[1].new_leader, 1);
	assert_true(s[2].flips);
	assert_near(s[2].flip_at, 2.0 / 3, 1e-12);
}

/* The nearest crossing wins when there are several challengers:
 *	w = (0.5, 0.5); A = (3, 3) leads with 3.
 *	B = (5, 0): B(t) = 5t       crosses A (= 3) at t = 0.6
 *	C = (0, 4): C(t) = 4(1 - t) crosses A at t = 0.25
 * From 0.5 the nearer is 0.6 (distance 0.1), so B.  On criterion 1 the
 * roles swap: B(t) = 5(1 - t) at 0.4, C(t) = 4t at 0.75 -> 0.4, B. */
static void test_nearest_crossing(void **state)
{
	const double v[] = {
		3, 3,
		5, 0,
		0, 4,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 3, 2, v, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 0.6, 1e-12);
	assert_int_equal(s[0].new_leader, 1);
	assert_true(s[1].flips);
	assert_near(s[1].flip_at, 0.4, 1e-12);
	assert_int_equal(s[1].new_leader, 1);
}

/* Equally near crossings on both sides: the lower weight is reported.
 *	w = (0.5, 0.5); A = (3, 3); B = (4, 1): B(t) = 1 + 3t, 3 at t = 2/3;
 *	C = (1, 4): C(t) = 4 - 3t, 3 at t = 1/3.  Both 1/6 away -> 1/3, C. */
static void test_equal_distance(void **state)
{
	const double v[] = {
		3, 3,
		4, 1,
		1, 4,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 3, 2, v, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 1.0 / 3, 1e-12);
	assert_int_equal(s[0].new_leader, 2);
}

/* Ties: an approach tied with the leader now takes over with any move in
 * its favour (flip_at = the current weight); identical approaches never
 * overtake each other. */
static void test_ties(void **state)
{
	const double tied[] = {
		4, 2,
		2, 4,
	};
	const double same[] = {
		3, 1,
		3, 1,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 2, 2, tied, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	/* both 3; A leads by being listed first.  Less weight on criterion
	 * 0 favours B at once. */
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 0.5, 1e-12);
	assert_int_equal(s[0].new_leader, 1);
	assert_true(s[1].flips);
	assert_near(s[1].flip_at, 0.5, 1e-12);
	assert_int_equal(s[1].new_leader, 1);

	m.v = same;
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_false(s[0].flips);
	assert_false(s[1].flips);
	assert_int_equal(s[0].new_leader, 0);
}

/* A crossing exactly at the end of the range is a tie there, not a flip:
 *	w = (0.5, 0.5); A = (2, 4) = 3, B = (4, 2) = 3 ... is a tie now, so
 * use A = (4, 4) = 4, B = (4, 2) = 3: on criterion 0, A(t) = 4,
 * B(t) = 4t + 2(1 - t) = 2 + 2t reaches 4 only at t = 1 -> no flip. */
static void test_tie_at_range_end(void **state)
{
	const double v[] = {
		4, 4,
		4, 2,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 2, 2, v, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_false(s[0].flips);
	assert_false(s[1].flips);
}

/* Two approaches that score the same on a criterion only tie there at
 * weight 1, which is not a flip, even where the rounding of the weights
 * puts the computed crossing a hair inside the range (8/13 and 5/13 put
 * it at 0.99999999999999978; found by a random search over matrices). */
static void test_tie_only_at_full_weight(void **state)
{
	const double v[] = {
		4, 3,
		4, 1,
	};
	const double w[] = { 8.0 / 13, 5.0 / 13 };
	const double v7[] = {
		5, 1, 5, 4, 2, 1,
		5, 1, 1, 2, 1, 1,
		5, 4, 2, 2, 5, 4,
	};
	const double raw7[] = { 11, 16, 1, 28, 5, 26 };
	double w7[6], sum = 0;
	struct matrix m = { 2, 2, v, NULL }, m7 = { 3, 6, v7, NULL };
	struct sensitivity s[6];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_false(s[0].flips);
	assert_int_equal(s[0].new_leader, 0);
	for (size_t j = 0; j < 6; j++)
		sum += raw7[j];
	for (size_t j = 0; j < 6; j++)
		w7[j] = raw7[j] / sum;
	assert_int_equal(sensitivity_analyse(&m7, w7, s, &e), ST_OK);
	assert_false(s[0].flips);
}

/* With the lower-listed approach behind, the tie at t = 0 is not a flip
 * either (B listed first would lead a tie, but a tie is not overtaking):
 *	B = (4, 2), A = (4, 4): on criterion 1 (t = w1), B(t) = 4 - 2t...
 * B trails A = 4 everywhere except t = 0, where both are 4. */
static void test_tie_at_zero_lower_index(void **state)
{
	const double v[] = {
		4, 2,
		4, 4,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 2, 2, v, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_false(s[1].flips);
	assert_int_equal(s[1].new_leader, 1);
}

/* Unset cells count 0, as in the totals:
 *	w = (0.5, 0.5); A = (4, unset) = 2, B = (1, 2) = 1.5.
 *	Criterion 1: A(t) = 4(1 - t), B(t) = (1 - t) + 2t = 1 + t
 *	-> 4 - 4t = 1 + t at t = 0.6, B. */
static void test_unset_cells(void **state)
{
	const double v[] = {
		4, 99,
		1, 2,
	};
	const bool set[] = {
		true, false,
		true, true,
	};
	const double w[] = { 0.5, 0.5 };
	struct matrix m = { 2, 2, v, set };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, w, s, &e), ST_OK);
	assert_true(s[1].flips);
	assert_near(s[1].flip_at, 0.6, 1e-12);
	assert_int_equal(s[1].new_leader, 1);
	/* criterion 0: A(t) = 4t, B(t) = t + 2(1 - t) = 2 - t -> t = 0.4 */
	assert_true(s[0].flips);
	assert_near(s[0].flip_at, 0.4, 1e-12);
}

static void test_degenerate(void **state)
{
	const double one_row[] = { 3, 4 };
	const double one_col[] = { 3, 4 };
	const double w2[] = { 0.5, 0.5 };
	const double w1[] = { 1 };
	struct matrix m = { 1, 2, one_row, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	err_clear(&e);
	/* one approach: nothing to overtake it */
	assert_int_equal(sensitivity_analyse(&m, w2, s, &e), ST_OK);
	assert_false(s[0].flips);
	assert_false(s[1].flips);
	assert_near(s[1].weight, 0.5, 0);

	/* one criterion: its weight is 1 whatever happens */
	m.rows = 2;
	m.cols = 1;
	m.v = one_col;
	assert_int_equal(sensitivity_analyse(&m, w1, s, &e), ST_OK);
	assert_false(s[0].flips);
	assert_int_equal(s[0].new_leader, 1);

	/* no criteria: nothing to report, and no error */
	m.cols = 0;
	assert_int_equal(sensitivity_analyse(&m, w2, s, &e), ST_OK);

	/* no approaches at all */
	m.rows = 0;
	m.cols = 2;
	assert_int_equal(sensitivity_analyse(&m, w2, s, &e), ST_OK);
	assert_false(s[0].flips);
}

static void test_bad_weights(void **state)
{
	const double v[] = { 1, 2, 3, 4 };
	const double not_normal[] = { 2, 2 };
	const double negative[] = { 1.5, -0.5 };
	double nan_w[] = { 0.5, 0.5 };
	struct matrix m = { 2, 2, v, NULL };
	struct sensitivity s[2];
	struct error e;

	(void)state;
	nan_w[0] = NAN;
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, not_normal, s, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "weight 1"));
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, negative, s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "weight 1"));
	err_clear(&e);
	assert_int_equal(sensitivity_analyse(&m, nan_w, s, &e), ST_INPUT);
	err_clear(&e);
	{
		const double low[] = { 0.25, 0.25 };

		assert_int_equal(sensitivity_analyse(&m, low, s, &e),
				 ST_INPUT);
		assert_non_null(strstr(e.msg, "sum to 0.5"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_example),
		cmocka_unit_test(test_robust),
		cmocka_unit_test(test_full_weight_and_zero_weights),
		cmocka_unit_test(test_nearest_crossing),
		cmocka_unit_test(test_equal_distance),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_tie_at_range_end),
		cmocka_unit_test(test_tie_only_at_full_weight),
		cmocka_unit_test(test_tie_at_zero_lower_index),
		cmocka_unit_test(test_unset_cells),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_bad_weights),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

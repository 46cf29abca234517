/* Unit tests for src/engine/aggregate.c: vote statistics and the
 * geometric mean of participants' comparison matrices. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/aggregate.h"
#include "engine/ahp.h"
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

static void test_stats_odd(void **state)
{
	/* 2 4 4 4 5 5 7 9 is the textbook population-sd-2 set; drop the 9
	 * to get an odd count, unsorted on purpose. */
	const double v[] = { 5, 7, 2, 4, 4, 5, 4 };
	struct stats s;

	(void)state;
	agg_stats(v, 7, &s);
	assert_int_equal(s.n, 7);
	assert_near(s.mean, 31.0 / 7, 1e-12);
	assert_near(s.median, 4, 0);
	assert_near(s.min, 2, 0);
	assert_near(s.max, 7, 0);
	/* squared deviations: 151 - 31^2/7 = 13.714285...; / 6 = 2.285714...;
	 * sqrt = 1.5118578... */
	assert_near(s.stddev, sqrt((151.0 - 961.0 / 7) / 6), 1e-12);
	assert_near(s.stddev, 1.51185789, 1e-8);
}

static void test_stats_even(void **state)
{
	const double v[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	const double two[] = { 5, 1 };
	struct stats s;

	(void)state;
	agg_stats(v, 8, &s);
	assert_near(s.mean, 5, 0);
	assert_near(s.median, 4.5, 0);
	/* population sd is 2; the sample sd is sqrt(32 / 7) */
	assert_near(s.stddev, sqrt(32.0 / 7), 1e-12);

	agg_stats(two, 2, &s);
	assert_near(s.median, 3, 0);
	assert_near(s.min, 1, 0);
	assert_near(s.max, 5, 0);
	assert_near(s.stddev, sqrt(8), 1e-12);
}

static void test_stats_small(void **state)
{
	const double one[] = { 3.5 };
	const double same[] = { 2, 2, 2 };
	struct stats s;

	(void)state;
	memset(&s, 0x5a, sizeof(s));
	agg_stats(NULL, 0, &s);
	assert_int_equal(s.n, 0);
	assert_near(s.mean, 0, 0);
	assert_near(s.median, 0, 0);
	assert_near(s.min, 0, 0);
	assert_near(s.max, 0, 0);
	assert_near(s.stddev, 0, 0);

	agg_stats(one, 1, &s);
	assert_int_equal(s.n, 1);
	assert_near(s.mean, 3.5, 0);
	assert_near(s.median, 3.5, 0);
	assert_near(s.stddev, 0, 0);   /* n < 2 */

	agg_stats(same, 3, &s);
	assert_near(s.median, 2, 0);
	assert_near(s.stddev, 0, 0);
}

/* Two participants' matrices on three criteria; the group matrix is the
 * element-wise geometric mean and stays reciprocal. */
static void test_geomean_two(void **state)
{
	const double alice[] = {
		1,       3,   9,
		1.0 / 3, 1,   1,
		1.0 / 9, 1,   1,
	};
	const double bob[] = {
		1,       1.0 / 3, 1,
		3,       1,       4,
		1,       1.0 / 4, 1,
	};
	const double *both[] = { alice, bob };
	double g[9], w[3];
	struct ahp_result res;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(agg_geomean(both, 2, 3, g, &e), ST_OK);
	assert_near(g[0], 1, 1e-15);
	assert_near(g[1], 1, 1e-12);          /* sqrt(3 * 1/3) */
	assert_near(g[2], 3, 1e-12);          /* sqrt(9 * 1) */
	assert_near(g[5], 2, 1e-12);          /* sqrt(1 * 4) */
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 3; k++)
			assert_near(g[i * 3 + k] * g[k * 3 + i], 1, 1e-12);
	/* and it is usable as an AHP matrix */
	assert_int_equal(ahp_weights(g, 3, w, &res, &e), ST_OK);
	assert_near(w[0] + w[1] + w[2], 1, 1e-12);

	/* one matrix is its own mean */
	assert_int_equal(agg_geomean(both, 1, 3, g, &e), ST_OK);
	for (int i = 0; i < 9; i++)
		assert_near(g[i], alice[i], 1e-12);
}

static void test_geomean_errors(void **state)
{
	const double ok[] = { 1, 2, 0.5, 1 };
	const double zero[] = { 1, 0, 0.5, 1 };
	const double *mats[] = { ok, zero };
	double g[4];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(agg_geomean(mats, 0, 2, g, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "no matrices"));
	err_clear(&e);
	assert_int_equal(agg_geomean(mats, 2, 2, g, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "matrix 2, entry (1, 2)"));
	{
		const double inf[] = { 1, INFINITY, 0.5, 1 };
		const double *one[] = { inf };

		err_clear(&e);
		assert_int_equal(agg_geomean(one, 1, 2, g, &e), ST_INPUT);
		assert_non_null(strstr(e.msg, "matrix 1, entry (1, 2)"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_odd),
		cmocka_unit_test(test_stats_even),
		cmocka_unit_test(test_stats_small),
		cmocka_unit_test(test_geomean_two),
		cmocka_unit_test(test_geomean_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for src/engine/dora.c: performance bands and target
 * direction. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/dora.h"

static struct band_def band(enum band b, bool has_min, double min,
			    bool has_max, double max)
{
	struct band_def d;

	d.band = b;
	d.has_min = has_min;
	d.min = min;
	d.has_max = has_max;
	d.max = max;
	return d;
}

/* Lead time for changes in hours, lower is better: elite up to a day,
 * high up to a week, medium up to a month, low beyond.  Neighbouring
 * bands share their edge; the band listed first owns it. */
static struct metric_def lead_time(void)
{
	struct metric_def m;

	memset(&m, 0, sizeof(m));
	m.higher_is_better = false;
	m.bands[0] = band(BAND_ELITE, false, 0, true, 24);
	m.bands[1] = band(BAND_HIGH, true, 24, true, 168);
	m.bands[2] = band(BAND_MEDIUM, true, 168, true, 720);
	m.bands[3] = band(BAND_LOW, true, 720, false, 0);
	m.n_bands = 4;
	return m;
}

static void test_band_edges(void **state)
{
	struct metric_def m = lead_time();

	(void)state;
	assert_int_equal(dora_band(&m, 0), BAND_ELITE);
	assert_int_equal(dora_band(&m, -5), BAND_ELITE);   /* open bottom */
	assert_int_equal(dora_band(&m, 24), BAND_ELITE);   /* shared edge */
	assert_int_equal(dora_band(&m, 24.001), BAND_HIGH);
	assert_int_equal(dora_band(&m, 168), BAND_HIGH);
	assert_int_equal(dora_band(&m, 168.5), BAND_MEDIUM);
	assert_int_equal(dora_band(&m, 720), BAND_MEDIUM);
	assert_int_equal(dora_band(&m, 720.01), BAND_LOW);
	assert_int_equal(dora_band(&m, 1e9), BAND_LOW);    /* open top */
	assert_int_equal(dora_band(&m, NAN), BAND_NONE);
	assert_int_equal(dora_band(NULL, 3), BAND_NONE);
}

/* Deployments per week, higher is better, with a gap between low and
 * medium and nothing below zero: values in no band are BAND_NONE. */
static void test_band_gaps(void **state)
{
	struct metric_def m;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.higher_is_better = true;
	m.bands[0] = band(BAND_ELITE, true, 7, false, 0);
	m.bands[1] = band(BAND_HIGH, true, 1, true, 7);
	m.bands[2] = band(BAND_MEDIUM, true, 0.25, true, 0.99);
	m.bands[3] = band(BAND_LOW, true, 0, true, 0.2);
	m.n_bands = 4;
	assert_int_equal(dora_band(&m, 7), BAND_ELITE);
	assert_int_equal(dora_band(&m, 6.99), BAND_HIGH);
	assert_int_equal(dora_band(&m, 1), BAND_HIGH);
	assert_int_equal(dora_band(&m, 0.995), BAND_NONE);   /* gap */
	assert_int_equal(dora_band(&m, 0.25), BAND_MEDIUM);
	assert_int_equal(dora_band(&m, 0.22), BAND_NONE);    /* gap */
	assert_int_equal(dora_band(&m, 0), BAND_LOW);
	assert_int_equal(dora_band(&m, -1), BAND_NONE);

	m.n_bands = 0;
	assert_int_equal(dora_band(&m, 3), BAND_NONE);
}

static void test_target_worse(void **state)
{
	struct metric_def lower = lead_time();
	struct metric_def higher;

	(void)state;
	memset(&higher, 0, sizeof(higher));
	higher.higher_is_better = true;

	assert_true(dora_target_worse(&lower, 48, 72));
	assert_false(dora_target_worse(&lower, 48, 24));
	assert_false(dora_target_worse(&lower, 48, 48));
	assert_true(dora_target_worse(&higher, 5, 2));
	assert_false(dora_target_worse(&higher, 5, 9));
	assert_false(dora_target_worse(&higher, 5, 5));
	assert_false(dora_target_worse(&higher, NAN, 5));
	assert_false(dora_target_worse(&higher, 5, NAN));
	assert_false(dora_target_worse(NULL, 1, 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band_edges),
		cmocka_unit_test(test_band_gaps),
		cmocka_unit_test(test_target_worse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for src/engine/ahp.c: comparison matrices from judgements,
 * eigenvector weights, consistency, the worst judgement. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

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

/* The judgement structs hold non-const strings; the tests never free
 * them, so literals are fine. */
static struct judgement jg(const char *a, const char *b, double v,
			   const char *participant)
{
	struct judgement j;

	memset(&j, 0, sizeof(j));
	j.a = (char *)a;
	j.b = (char *)b;
	j.value = v;
	j.participant = (char *)participant;
	return j;
}

/*
 * Published example: T. L. Saaty, "Decision making with the analytic
 * hierarchy process", Int. J. Services Sciences 1(1), 2008, pp. 83-98,
 * section 2, Table 2 ("Which drink is consumed more in the US?").  The
 * judgements below are that table's upper triangle (row over column, in
 * the table's order coffee, wine, tea, beer, sodas, milk, water), several
 * given in the reverse orientation to exercise reciprocals.  Saaty reports
 * the derived priorities .177 .019 .042 .116 .190 .129 .327 and a
 * consistency ratio of .022.
 */
static void test_saaty_drinks(void **state)
{
	const char *keys[] = {
		"coffee", "wine", "tea", "beer", "sodas", "milk", "water"
	};
	const double published[] = {
		0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327
	};
	struct judgement j[] = {
		jg("coffee", "wine", 9, NULL),
		jg("coffee", "tea", 5, NULL),
		jg("coffee", "beer", 2, NULL),
		jg("coffee", "sodas", 1, NULL),
		jg("coffee", "milk", 1, NULL),
		jg("water", "coffee", 2, NULL),     /* coffee/water = 1/2 */
		jg("tea", "wine", 3, NULL),         /* wine/tea = 1/3 */
		jg("wine", "beer", 1.0 / 9, NULL),
		jg("wine", "sodas", 1.0 / 9, NULL),
		jg("milk", "wine", 9, NULL),
		jg("wine", "water", 1.0 / 9, NULL),
		jg("tea", "beer", 1.0 / 3, NULL),
		jg("sodas", "tea", 4, NULL),        /* tea/sodas = 1/4 */
		jg("tea", "milk", 1.0 / 3, NULL),
		jg("tea", "water", 1.0 / 9, NULL),
		jg("beer", "sodas", 0.5, NULL),
		jg("beer", "milk", 1, NULL),
		jg("beer", "water", 1.0 / 3, NULL),
		jg("sodas", "milk", 2, NULL),
		jg("sodas", "water", 0.5, NULL),
		jg("water", "milk", 3, NULL),       /* milk/water = 1/3 */
	};
	double m[49], w[7], sum = 0;
	struct ahp_result res;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 7, j, 21, NULL, m, &e), ST_OK);
	/* spot-check the matrix: reciprocals and orientation */
	assert_near(m[0 * 7 + 6], 0.5, 1e-15);    /* coffee over water */
	assert_near(m[6 * 7 + 0], 2, 1e-15);
	assert_near(m[1 * 7 + 2], 1.0 / 3, 1e-15); /* wine over tea */
	assert_near(m[3 * 7 + 3], 1, 0);

	assert_int_equal(ahp_weights(m, 7, w, &res, &e), ST_OK);
	for (int i = 0; i < 7; i++) {
		assert_near(w[i], published[i], 0.0005);
		sum += w[i];
	}
	assert_near(sum, 1, 1e-12);
	assert_near(res.cr, 0.022, 0.0005);
	assert_false(res.inconsistent);
	assert_true(res.lambda_max > 7);
	assert_near(res.ci, (res.lambda_max - 7) / 6, 1e-12);
	assert_near(res.cr, res.ci / 1.32, 1e-12);
}

/* A matrix built from known weights is perfectly consistent: lambda max is
 * n, CR is 0, and power iteration gives the weights back. */
static void test_consistent_recovers_weights(void **state)
{
	const double known[] = { 0.4, 0.3, 0.2, 0.1 };
	double m[16], w[4];
	struct ahp_result res;
	struct error e;

	(void)state;
	for (int i = 0; i < 4; i++)
		for (int k = 0; k < 4; k++)
			m[i * 4 + k] = known[i] / known[k];
	err_clear(&e);
	assert_int_equal(ahp_weights(m, 4, w, &res, &e), ST_OK);
	for (int i = 0; i < 4; i++)
		assert_near(w[i], known[i], 1e-9);
	assert_near(res.lambda_max, 4, 1e-9);
	assert_near(res.ci, 0, 1e-9);
	assert_near(res.cr, 0, 1e-9);
	assert_false(res.inconsistent);
}

/*
 * Break one judgement of a consistent matrix and the consistency ratio
 * must flag it and name that pair.  From weights (0.4, 0.3, 0.2, 0.1) the
 * consistent a[0][3] is 4 (criterion 0 matters 4x criterion 3); we say
 * the reverse, 1/9.  Every other judgement still agrees with the others.
 */
static void test_inconsistent_worst_pair(void **state)
{
	const char *keys[] = { "a", "b", "c", "d" };
	const double known[] = { 0.4, 0.3, 0.2, 0.1 };
	struct judgement j[6];
	double m[16], w[4];
	struct ahp_result res;
	struct error e;
	int n = 0;

	(void)state;
	for (int r = 0; r < 4; r++)
		for (int c = r + 1; c < 4; c++)
			j[n++] = jg(keys[r], keys[c], known[r] / known[c],
				    NULL);
	j[2].value = 1.0 / 9;   /* (a, d) */
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 4, j, 6, NULL, m, &e), ST_OK);
	assert_int_equal(ahp_weights(m, 4, w, &res, &e), ST_OK);
	assert_true(res.cr > AHP_CR_LIMIT);
	assert_true(res.inconsistent);
	assert_int_equal(res.worst_a, 0);
	assert_int_equal(res.worst_b, 3);

	/* Break (b, c) instead, more gently: 1/5 where 1.5 belongs. */
	j[2].value = 4;
	j[3].value = 1.0 / 5;   /* (b, c) */
	assert_int_equal(ahp_matrix(keys, 4, j, 6, NULL, m, &e), ST_OK);
	assert_int_equal(ahp_weights(m, 4, w, &res, &e), ST_OK);
	assert_true(res.inconsistent);
	assert_int_equal(res.worst_a, 1);
	assert_int_equal(res.worst_b, 2);
}

static void test_missing_and_bad_judgements(void **state)
{
	const char *keys[] = { "dx", "ops", "cost" };
	struct judgement j[] = {
		jg("dx", "ops", 3, NULL),
		jg("cost", "dx", 5, NULL),
		jg("ops", "cost", 2, "alice"),  /* not the agreed matrix */
	};
	double m[9];
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	assert_int_equal(e.code, ST_INPUT);
	assert_string_equal(e.msg, "missing judgement: ops vs cost");

	/* alice has only the one judgement */
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 3, j, 3, "alice", m, &e),
			 ST_INPUT);
	assert_string_equal(e.msg, "missing judgement: dx vs ops");

	/* out of Saaty's scale, either way, or not positive */
	j[2].participant = NULL;
	j[1].value = 10;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "cost vs dx"));
	assert_non_null(strstr(e.msg, "10"));
	j[1].value = 0.1;
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "cost vs dx"));
	j[1].value = 0;
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	j[1].value = -3;
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	j[1].value = NAN;
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_INPUT);
	/* the ends of the scale are fine, 1/9 even as stored to 6 digits */
	j[1].value = 0.111111;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_OK);
	assert_near(m[0 * 3 + 2], 1 / 0.111111, 1e-9);  /* dx over cost */
	j[1].value = 9;
	assert_int_equal(ahp_matrix(keys, 3, j, 3, NULL, m, &e), ST_OK);
	assert_near(m[0 * 3 + 2], 1.0 / 9, 1e-15);
	assert_near(m[2 * 3 + 0], 9, 0);
	assert_near(m[1 * 3 + 2], 2, 0);
	assert_near(m[2 * 3 + 1], 0.5, 0);
}

static void test_participant_matrix(void **state)
{
	const char *keys[] = { "x", "y" };
	struct judgement j[] = {
		jg("x", "y", 3, NULL),
		jg("y", "x", 4, "bob"),
		jg("x", "y", 2, "alice"),
	};
	double m[4], w[2];
	struct ahp_result res;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 2, j, 3, "bob", m, &e), ST_OK);
	assert_near(m[1], 0.25, 0);
	assert_int_equal(ahp_matrix(keys, 2, j, 3, "alice", m, &e), ST_OK);
	assert_near(m[1], 2, 0);
	assert_int_equal(ahp_matrix(keys, 2, j, 3, NULL, m, &e), ST_OK);
	assert_near(m[1], 3, 0);
	assert_near(m[2], 1.0 / 3, 1e-15);

	/* two criteria: always consistent, weights 3 : 1 */
	assert_int_equal(ahp_weights(m, 2, w, &res, &e), ST_OK);
	assert_near(w[0], 0.75, 1e-12);
	assert_near(w[1], 0.25, 1e-12);
	assert_near(res.cr, 0, 0);
	assert_near(res.lambda_max, 2, 1e-12);
	assert_false(res.inconsistent);
	assert_int_equal(res.worst_a, 0);
	assert_int_equal(res.worst_b, 1);
}

static void test_small_sizes(void **state)
{
	const char *keys[] = { "only" };
	double m[1], w[1];
	struct ahp_result res;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ahp_matrix(keys, 1, NULL, 0, NULL, m, &e), ST_OK);
	assert_near(m[0], 1, 0);
	assert_int_equal(ahp_weights(m, 1, w, &res, &e), ST_OK);
	assert_near(w[0], 1, 0);
	assert_near(res.cr, 0, 0);
	assert_near(res.ci, 0, 0);
	assert_int_equal(ahp_matrix(NULL, 0, NULL, 0, NULL, m, &e), ST_OK);
	assert_int_equal(ahp_weights(m, 0, w, &res, &e), ST_OK);
	assert_near(res.lambda_max, 0, 0);
	assert_false(res.inconsistent);
}

static void test_bad_matrix(void **state)
{
	double m[] = { 1, 2, 0, 1 };
	double w[2];
	struct ahp_result res;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(ahp_weights(m, 2, w, &res, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "(2, 1)"));
	m[2] = INFINITY;
	assert_int_equal(ahp_weights(m, 2, w, &res, &e), ST_INPUT);
}

static void test_random_index(void **state)
{
	const double saaty[] = {
		0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
	};

	(void)state;
	for (size_t n = 0; n <= 10; n++)
		assert_near(ahp_random_index(n), saaty[n], 0);
	assert_near(ahp_random_index(11), 1.49, 0);
	assert_near(ahp_random_index(40), 1.49, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_saaty_drinks),
		cmocka_unit_test(test_consistent_recovers_weights),
		cmocka_unit_test(test_inconsistent_worst_pair),
		cmocka_unit_test(test_missing_and_bad_judgements),
		cmocka_unit_test(test_participant_matrix),
		cmocka_unit_test(test_small_sizes),
		cmocka_unit_test(test_bad_matrix),
		cmocka_unit_test(test_random_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

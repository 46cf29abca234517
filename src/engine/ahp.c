#include "config.h"

/*
 * ahp: Saaty's Analytic Hierarchy Process for criteria weights.  It owns
 * turning stored judgements into a reciprocal comparison matrix, the
 * principal eigenvector (by power iteration), lambda max, the consistency
 * index and ratio, and naming the judgement that disagrees most with the
 * weights it produced, so the room knows which one to revisit.
 */

#include <math.h>
#include <stdlib.h>

#include "engine/ahp.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/str.h"

#define AHP_TOL 1e-12
#define AHP_MAX_ITER 100000
/* Saaty's scale is 1/9..9; allow for values stored with a few digits. */
#define AHP_SCALE_SLACK 1e-6

double ahp_random_index(size_t n)
{
	/* Saaty's random consistency index for n = 3..10. */
	static const double ri[] = {
		0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
	};

	if (n < 3)
		return 0;
	if (n > 10)
		return ri[7];
	return ri[n - 3];
}

static const char *key_or(const char *k)
{
	return k ? k : "?";
}

/* The judgement on keys a and b (either orientation), as "a over b";
 * NULL when there is none. */
static const struct judgement *find_pair(const struct judgement *j,
					 size_t nj, const char *a,
					 const char *b, const char *participant,
					 bool *reversed)
{
	for (size_t i = 0; i < nj; i++) {
		if (!str_eq(j[i].participant, participant))
			continue;
		if (str_eq(j[i].a, a) && str_eq(j[i].b, b)) {
			*reversed = false;
			return &j[i];
		}
		if (str_eq(j[i].a, b) && str_eq(j[i].b, a)) {
			*reversed = true;
			return &j[i];
		}
	}
	return NULL;
}

int ahp_matrix(const char *const *keys, size_t n, const struct judgement *j,
	       size_t nj, const char *participant, double *matrix,
	       struct error *e)
{
	for (size_t r = 0; r < n; r++) {
		matrix[r * n + r] = 1;
		for (size_t c = r + 1; c < n; c++) {
			const struct judgement *jg;
			bool rev = false;
			double v;

			jg = find_pair(j, nj, keys[r], keys[c], participant,
				       &rev);
			if (!jg)
				return err_set(e, ST_INPUT,
					       _("missing judgement: %s vs %s"),
					       key_or(keys[r]),
					       key_or(keys[c]));
			v = jg->value;
			if (!isfinite(v) || v <= 0 ||
			    v < (1.0 / 9) * (1 - AHP_SCALE_SLACK) ||
			    v > 9 * (1 + AHP_SCALE_SLACK))
				return err_set(e, ST_INPUT,
					       _("judgement %s vs %s: %g is "
						 "outside Saaty's scale 1/9 "
						 "to 9"),
					       key_or(jg->a), key_or(jg->b), v);
			if (rev)
				v = 1 / v;
			matrix[r * n + c] = v;
			matrix[c * n + r] = 1 / v;
		}
	}
	return ST_OK;
}

/* y = A x */
static void mat_vec(const double *a, size_t n, const double *x, double *y)
{
	for (size_t r = 0; r < n; r++) {
		double s = 0;

		for (size_t c = 0; c < n; c++)
			s += a[r * n + c] * x[c];
		y[r] = s;
	}
}

int ahp_weights(const double *matrix, size_t n, double *weights,
		struct ahp_result *res, struct error *e)
{
	double *y;
	double lambda = 0, worst = 0;

	res->lambda_max = (double)n;
	res->ci = 0;
	res->cr = 0;
	res->inconsistent = false;
	res->worst_a = 0;
	res->worst_b = n > 1 ? 1 : 0;
	if (n == 0)
		return ST_OK;
	for (size_t i = 0; i < n * n; i++)
		if (!isfinite(matrix[i]) || matrix[i] <= 0)
			return err_set(e, ST_INPUT,
				       _("comparison (%zu, %zu) is not a "
					 "positive number"),
				       i / n + 1, i % n + 1);
	y = malloc(n * sizeof(*y));
	if (!y)
		return err_set(e, ST_ERROR, _("out of memory"));

	for (size_t i = 0; i < n; i++)
		weights[i] = 1.0 / (double)n;
	/* A positive matrix: power iteration converges to the Perron vector
	 * (Perron-Frobenius), usually in a few dozen steps. */
	for (int it = 0; it < AHP_MAX_ITER; it++) {
		double sum = 0, change = 0;

		mat_vec(matrix, n, weights, y);
		for (size_t i = 0; i < n; i++)
			sum += y[i];
		for (size_t i = 0; i < n; i++) {
			double v = y[i] / sum;

			if (fabs(v - weights[i]) > change)
				change = fabs(v - weights[i]);
			weights[i] = v;
		}
		if (change < AHP_TOL)
			break;
	}
	/* With sum(w) = 1, A w = lambda w sums to lambda. */
	mat_vec(matrix, n, weights, y);
	for (size_t i = 0; i < n; i++)
		lambda += y[i];
	free(y);

	res->lambda_max = lambda;
	if (n > 1) {
		res->ci = (lambda - (double)n) / (double)(n - 1);
		if (res->ci < 0)
			res->ci = 0;   /* rounding: lambda max >= n in theory */
	}
	if (n >= 3)
		res->cr = res->ci / ahp_random_index(n);
	res->inconsistent = res->cr > AHP_CR_LIMIT;

	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			double dev = matrix[i * n + j] * weights[j] /
				     weights[i];

			if (dev < 1)
				dev = 1 / dev;
			if (dev > worst + 1e-12) {
				worst = dev;
				res->worst_a = i;
				res->worst_b = j;
			}
		}
	}
	return ST_OK;
}

#include "config.h"

/*
 * aggregate: combining what several participants said.  Summary statistics
 * of the votes on one cell (the spread shows where the room disagrees) and
 * the element-wise geometric mean of pairwise-comparison matrices, the
 * aggregation that keeps a group matrix reciprocal (Aczel and Saaty).
 */

#include <math.h>

#include "engine/aggregate.h"
#include "util/error.h"
#include "util/i18n.h"

/* The k-th smallest value (0-based) without a sorted copy: the vote counts
 * per cell are small, and stats has no way to report a failed malloc. */
static double kth_smallest(const double *v, size_t n, size_t k)
{
	for (size_t i = 0; i < n; i++) {
		size_t lt = 0, eq = 0;

		for (size_t j = 0; j < n; j++) {
			if (v[j] < v[i])
				lt++;
			else if (v[j] == v[i])
				eq++;
		}
		if (lt <= k && k < lt + eq)
			return v[i];
	}
	return v[0];   /* only with NaN in the input */
}

void agg_stats(const double *values, size_t n, struct stats *out)
{
	double sum = 0, sq = 0;

	out->n = n;
	out->mean = out->median = out->min = out->max = out->stddev = 0;
	if (n == 0)
		return;
	out->min = out->max = values[0];
	for (size_t i = 0; i < n; i++) {
		sum += values[i];
		if (values[i] < out->min)
			out->min = values[i];
		if (values[i] > out->max)
			out->max = values[i];
	}
	out->mean = sum / (double)n;
	if (n % 2)
		out->median = kth_smallest(values, n, n / 2);
	else
		out->median = (kth_smallest(values, n, n / 2 - 1) +
			       kth_smallest(values, n, n / 2)) / 2;
	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++)
		sq += (values[i] - out->mean) * (values[i] - out->mean);
	out->stddev = sqrt(sq / (double)(n - 1));
}

int agg_geomean(const double *const *matrices, size_t k, size_t n,
		double *out, struct error *e)
{
	if (k == 0)
		return err_set(e, ST_INPUT, _("no matrices to combine"));
	for (size_t i = 0; i < n * n; i++) {
		double s = 0;

		for (size_t m = 0; m < k; m++) {
			double v = matrices[m][i];

			if (!isfinite(v) || v <= 0)
				return err_set(e, ST_INPUT,
					       _("matrix %zu, entry (%zu, %zu):"
						 " %g is not a positive "
						 "number"),
					       m + 1, i / n + 1, i % n + 1, v);
			s += log(v);
		}
		out[i] = exp(s / (double)k);
	}
	return ST_OK;
}

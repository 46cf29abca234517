#include "config.h"

/*
 * score: weighted-sum scoring of an approaches x criteria matrix.  It owns
 * the normalisation of raw weights, the weighted totals, and the one
 * definition of ranking and ties (SCORE_TIE_EPS) that sensitivity and every
 * screen rely on.  Pure arithmetic, no allocation.
 */

#include <math.h>
#include <stddef.h>

#include "engine/score.h"
#include "util/error.h"
#include "util/i18n.h"

int score_normalise(const double *raw, size_t n, double *out,
		    struct error *e)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		if (!isfinite(raw[i]))
			return err_set(e, ST_INPUT,
				       _("weight %zu is not a finite number"),
				       i + 1);
		if (raw[i] < 0)
			return err_set(e, ST_INPUT,
				       _("weight %zu is negative (%g)"), i + 1,
				       raw[i]);
		sum += raw[i];
	}
	if (n == 0)
		return err_set(e, ST_INPUT, _("there are no weights"));
	if (!(sum > 0))
		return err_set(e, ST_INPUT, _("all weights are zero"));
	if (!isfinite(sum))
		return err_set(e, ST_INPUT, _("the weights are too large"));
	for (size_t i = 0; i < n; i++)
		out[i] = raw[i] / sum;
	return ST_OK;
}

void score_totals(const struct matrix *m, const double *w, double *totals,
		  bool *complete)
{
	for (size_t r = 0; r < m->rows; r++) {
		double t = 0;
		bool all = true;

		for (size_t c = 0; c < m->cols; c++) {
			size_t k = r * m->cols + c;

			if (m->set && !m->set[k]) {
				all = false;
				continue;
			}
			t += w[c] * m->v[k];
		}
		totals[r] = t;
		if (complete)
			complete[r] = all;
	}
}

/*
 * Rank = 1 + the number of rows that beat this one by more than the tie
 * tolerance.  Counting (rather than walking a sorted list and chaining
 * near-equal neighbours) keeps a tie a property of two totals alone, so
 * sensitivity can reason about it pairwise.
 */
void score_rank(const double *totals, size_t n, int *rank, size_t *order)
{
	for (size_t i = 0; i < n; i++) {
		int r = 1;

		for (size_t j = 0; j < n; j++)
			if (totals[j] > totals[i] + SCORE_TIE_EPS)
				r++;
		rank[i] = r;
	}
	if (!order)
		return;
	/* Insertion sort by (rank, index): stable, and n is a handful. */
	for (size_t i = 0; i < n; i++) {
		size_t k = i;

		while (k > 0 && rank[order[k - 1]] > rank[i]) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
}

size_t score_leader(const double *totals, size_t n)
{
	double best;

	if (n == 0)
		return 0;
	best = totals[0];
	for (size_t i = 1; i < n; i++)
		if (totals[i] > best)
			best = totals[i];
	/* Ranked first = nobody beats it by more than the tolerance. */
	for (size_t i = 0; i < n; i++)
		if (!(best > totals[i] + SCORE_TIE_EPS))
			return i;
	return 0;
}

#include "config.h"

/*
 * score: weighted-sum scoring of an approaches x criteria matrix.  It owns
 * the normalisation of raw weights, the weighted totals, and the one
 * definition of ranking and ties (SCORE_TIE_EPS) that sensitivity and every
 * screen rely on.  Pure arithmetic, no allocation.
 */

#include <math.h>
#include <stdbool.h>
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
 * sensitivity can reason about it pairwise.  With `order` to sort in, the
 * count is taken along the totals sorted high to low (the rows that beat
 * a total are a prefix there, and the prefix only grows), so a workshop of
 * thousands of approaches ranks in n log n; without it, by comparing every
 * pair.
 */

/* Heap sort of idx[0..n), what comes before(a, b) first: in place, no
 * allocation; the comparisons are a strict total order, so stability does
 * not matter. */
typedef bool (*before_fn)(size_t a, size_t b, const void *ctx);

static void sift(size_t *idx, size_t root, size_t n, before_fn before,
		 const void *ctx)
{
	for (;;) {
		size_t child = 2 * root + 1, tmp;

		if (child >= n)
			return;
		if (child + 1 < n && before(idx[child], idx[child + 1], ctx))
			child++;
		if (!before(idx[root], idx[child], ctx))
			return;
		tmp = idx[root];
		idx[root] = idx[child];
		idx[child] = tmp;
		root = child;
	}
}

static void heap_sort(size_t *idx, size_t n, before_fn before,
		      const void *ctx)
{
	for (size_t i = n / 2; i > 0; i--)
		sift(idx, i - 1, n, before, ctx);
	for (size_t end = n; end > 1; end--) {
		size_t tmp = idx[0];

		idx[0] = idx[end - 1];
		idx[end - 1] = tmp;
		sift(idx, 0, end - 1, before, ctx);
	}
}

/* Higher total first, then lower index. */
static bool by_total(size_t a, size_t b, const void *ctx)
{
	const double *t = ctx;

	return t[a] > t[b] || (t[a] == t[b] && a < b);
}

/* Better rank first, then lower index. */
static bool by_rank(size_t a, size_t b, const void *ctx)
{
	const int *r = ctx;

	return r[a] < r[b] || (r[a] == r[b] && a < b);
}

void score_rank(const double *totals, size_t n, int *rank, size_t *order)
{
	size_t beat = 0;

	if (!order) {
		for (size_t i = 0; i < n; i++) {
			int r = 1;

			for (size_t j = 0; j < n; j++)
				if (totals[j] > totals[i] + SCORE_TIE_EPS)
					r++;
			rank[i] = r;
		}
		return;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	heap_sort(order, n, by_total, totals);
	for (size_t p = 0; p < n; p++) {
		double t = totals[order[p]];

		while (beat < p && totals[order[beat]] > t + SCORE_TIE_EPS)
			beat++;
		rank[order[p]] = (int)beat + 1;
	}
	/* Ties (within the tolerance, not only equal) in input order. */
	heap_sort(order, n, by_rank, rank);
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

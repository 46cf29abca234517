#include "config.h"

/*
 * sensitivity: for each criterion, the weight at which the leading
 * approach would change.
 *
 * Moving criterion c's weight to t rescales the others proportionally,
 * w_j' = w_j (1 - t) / (1 - w_c), so they still sum to 1.  When w_c is
 * already 1 the others are all zero and have no proportions to keep; we
 * then let them share (1 - t) equally, the neutral choice.  Either way
 * every total is linear in t:
 *
 *	total_r(t) = S_r + t (v_rc - S_r)
 *
 * where S_r is row r's score on the other criteria under their rescaled
 * weights (unset cells count 0, as in score_totals).  The leader L can only
 * change where another row's line crosses L's, so the crossings are solved
 * exactly instead of sampling t.
 *
 * "Changes" means strictly overtaken: at the crossing itself the two are
 * tied (same rank, as score_rank treats totals within SCORE_TIE_EPS), and a
 * tie is not a new winner; an approach that would at best tie the leader
 * at the end of the range (both scoring the same on the criterion) never
 * flips it.  A crossing counts only if the weight can move
 * past it inside [0, 1]; flip_at is the crossing, the boundary beyond which
 * the other approach leads.  Lines that never cross (identical approaches,
 * parallel totals) never flip.  With equally near crossings on both sides
 * the lower weight is reported.
 */

#include <math.h>
#include <stdlib.h>

#include "engine/sensitivity.h"
#include "util/error.h"
#include "util/i18n.h"

/* Slopes closer than this are parallel: no crossing worth reporting. */
#define SLOPE_EPS 1e-12

/* Line of row r when criterion c's weight becomes t. */
static void row_line(const struct matrix *m, const double *w, size_t r,
		     size_t c, double *a, double *b)
{
	double wc = w[c];
	double s = 0;
	size_t others = m->cols - 1;

	for (size_t j = 0; j < m->cols; j++) {
		size_t k = r * m->cols + j;
		double v;

		if (j == c || (m->set && !m->set[k]))
			continue;
		v = m->v[k];
		if (wc < 1)
			s += w[j] * v / (1 - wc);
		else
			s += v / (double)others;
	}
	*a = s;
	if (m->set && !m->set[r * m->cols + c])
		*b = -s;
	else
		*b = m->v[r * m->cols + c] - s;
}

/*
 * Who leads just past t in direction dir (+1 or -1): the highest total at
 * t, then (among those tied within the tolerance) the one rising fastest
 * in that direction, then the lowest index, as score_leader would.
 */
static size_t leader_beyond(const double *a, const double *b, size_t n,
			    double t, double dir)
{
	size_t best = 0;

	for (size_t r = 1; r < n; r++) {
		double tr = a[r] + b[r] * t, tb = a[best] + b[best] * t;

		if (tr > tb + SCORE_TIE_EPS ||
		    (fabs(tr - tb) <= SCORE_TIE_EPS &&
		     dir * b[r] > dir * b[best] + SLOPE_EPS))
			best = r;
	}
	return best;
}

static void analyse_one(const struct matrix *m, const double *w, size_t c,
			const double *totals, double *a, double *b,
			struct sensitivity *out)
{
	size_t n = m->rows;
	size_t lead = score_leader(totals, n);
	double wc = w[c];
	bool found = false;
	double best_t = 0, best_dist = 0;
	size_t best_new = 0;

	out->weight = wc;
	out->flips = false;
	out->flip_at = 0;
	out->new_leader = lead;
	if (n < 2 || m->cols < 2)
		return;   /* one approach, or one criterion: nothing can move */
	for (size_t r = 0; r < n; r++)
		row_line(m, w, r, c, &a[r], &b[r]);

	for (size_t r = 0; r < n; r++) {
		double d0, d1, t, dir, dist;
		size_t nl;

		if (r == lead)
			continue;
		/* d(t) = total_r(t) - total_lead(t) */
		d0 = a[r] - a[lead];
		d1 = b[r] - b[lead];
		if (fabs(d1) <= SLOPE_EPS)
			continue;
		if (fabs(totals[r] - totals[lead]) <= SCORE_TIE_EPS) {
			/* tied now: any move in r's favour hands it over */
			t = wc;
		} else {
			t = -d0 / d1;
		}
		dir = d1 > 0 ? 1 : -1;
		if (!(t >= 0 && t <= 1))
			continue;
		if ((dir > 0 && t >= 1) || (dir < 0 && t <= 0))
			continue;   /* a tie at the end of the range, no more */
		/* Past the crossing r gains on the leader all the way to the
		 * end of the range: if it is not strictly ahead even there,
		 * they only tie (a crossing computed a hair inside the range,
		 * such as 0.9999999999999999 for two equal scores, is no
		 * flip). */
		if (d0 + d1 * (dir > 0 ? 1 : 0) <= SCORE_TIE_EPS)
			continue;
		dist = fabs(t - wc);
		if (found && (dist > best_dist + SLOPE_EPS ||
			      (fabs(dist - best_dist) <= SLOPE_EPS &&
			       t >= best_t)))
			continue;
		nl = leader_beyond(a, b, n, t, dir);
		if (nl == lead)
			continue;
		found = true;
		best_t = t;
		best_dist = dist;
		best_new = nl;
	}
	if (found) {
		out->flips = true;
		out->flip_at = best_t;
		out->new_leader = best_new;
	}
}

int sensitivity_analyse(const struct matrix *m, const double *w,
			struct sensitivity *out, struct error *e)
{
	double *totals, *a, *b;
	size_t n = m->rows ? m->rows : 1;
	double sum = 0;

	for (size_t c = 0; c < m->cols; c++) {
		if (!isfinite(w[c]) || w[c] < 0 || w[c] > 1)
			return err_set(e, ST_INPUT,
				       _("weight %zu (%g) is not a normalised "
					 "weight"), c + 1, w[c]);
		sum += w[c];
	}
	if (m->cols > 0 && fabs(sum - 1) > 1e-6)
		return err_set(e, ST_INPUT,
			       _("the weights sum to %g, not 1"), sum);

	totals = malloc(n * sizeof(*totals));
	a = malloc(n * sizeof(*a));
	b = malloc(n * sizeof(*b));
	if (!totals || !a || !b) {
		free(totals);
		free(a);
		free(b);
		return err_set(e, ST_ERROR, _("out of memory"));
	}
	score_totals(m, w, totals, NULL);
	for (size_t c = 0; c < m->cols; c++)
		analyse_one(m, w, c, totals, a, b, &out[c]);
	free(totals);
	free(a);
	free(b);
	return ST_OK;
}

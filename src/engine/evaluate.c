#include "config.h"

/*
 * evaluate: the whole scoring of one workshop in one call, so the CLI, the
 * report and the trade-off screen cannot disagree.  It owns the choice of
 * weights (direct or AHP on the agreed judgements), the effective score of
 * each cell (the agreed score, else the mean of the participants' votes,
 * else unscored), and assembling totals, ranks and sensitivity.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/evaluate.h"
#include "engine/score.h"
#include "util/error.h"
#include "util/i18n.h"

static const char *crit_label(const struct criterion *c)
{
	if (!str_empty(c->key))
		return c->key;
	return str_empty(c->name) ? "?" : c->name;
}

static int direct_weights(const struct workshop_data *d, double *w,
			  struct error *e)
{
	double *raw = malloc(d->n_criteria * sizeof(*raw));
	bool any_weight = false;
	int rc;

	if (!raw)
		return err_set(e, ST_ERROR, _("out of memory"));
	for (size_t i = 0; i < d->n_criteria; i++) {
		const struct criterion *c = &d->criteria[i];

		/* Name the criterion; score_normalise only knows indexes. */
		if (!isfinite(c->weight) || c->weight < 0) {
			free(raw);
			return err_set(e, ST_INPUT,
				       _("criterion %s: weight %g must be zero "
					 "or more"),
				       crit_label(c), c->weight);
		}
		raw[i] = c->weight;
	}
	for (size_t i = 0; i < d->n_criteria && !any_weight; i++)
		any_weight = raw[i] > 0;
	if (!any_weight) {
		free(raw);
		return err_set(e, ST_INPUT,
			       _("all criterion weights are zero"));
	}
	rc = score_normalise(raw, d->n_criteria, w, e);
	free(raw);
	return rc;
}

static int ahp_from_judgements(const struct workshop_data *d, double *w,
			       struct ahp_result *res, struct error *e)
{
	size_t n = d->n_criteria;
	const char **keys = malloc(n * sizeof(*keys));
	double *m = malloc(n * n * sizeof(*m));
	int rc;

	if (!keys || !m) {
		free(keys);
		free(m);
		return err_set(e, ST_ERROR, _("out of memory"));
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = d->criteria[i].key;
	rc = ahp_matrix(keys, n, d->pairwise, d->n_pairwise, NULL, m, e);
	if (rc == ST_OK)
		rc = ahp_weights(m, n, w, res, e);
	free(keys);
	free(m);
	return rc;
}

/* Effective value of one cell; returns its source. */
static enum cell_source cell_value(const struct workshop_data *d,
				   const char *app, const char *crit,
				   double *out)
{
	const struct score *s = wsdata_score(d, app, crit);
	double sum = 0;
	size_t n = 0;

	if (s && s->has_value && isfinite(s->value)) {
		*out = s->value;
		return CELL_AGREED;
	}
	for (size_t i = 0; i < d->n_votes; i++) {
		const struct vote *v = &d->votes[i];

		if (str_eq(v->approach, app) && str_eq(v->criterion, crit) &&
		    isfinite(v->value)) {
			sum += v->value;
			n++;
		}
	}
	if (n) {
		*out = sum / (double)n;
		return CELL_VOTES;
	}
	*out = 0;
	return CELL_NONE;
}

static void *alloc0(size_t n, size_t size)
{
	return calloc(n ? n : 1, size);
}

static int compute(const struct workshop_data *d, bool sensitivity,
		   struct ws_scores *out, struct error *e)
{
	size_t na = d->n_approaches, nc = d->n_criteria;
	struct matrix m;
	int rc;

	out->n_app = na;
	out->n_crit = nc;
	out->weights = alloc0(nc, sizeof(*out->weights));
	out->cells = alloc0(na * nc, sizeof(*out->cells));
	out->set = alloc0(na * nc, sizeof(*out->set));
	out->source = alloc0(na * nc, sizeof(*out->source));
	out->totals = alloc0(na, sizeof(*out->totals));
	out->rank = alloc0(na, sizeof(*out->rank));
	out->order = alloc0(na, sizeof(*out->order));
	out->complete = alloc0(na, sizeof(*out->complete));
	if (!out->weights || !out->cells || !out->set || !out->source ||
	    !out->totals || !out->rank || !out->order || !out->complete)
		return err_set(e, ST_ERROR, _("out of memory"));

	if (d->ws.weighting == WEIGHTING_AHP) {
		out->has_ahp = true;
		rc = ahp_from_judgements(d, out->weights, &out->ahp, e);
	} else {
		rc = direct_weights(d, out->weights, e);
	}
	if (rc)
		return rc;

	for (size_t a = 0; a < na; a++) {
		bool scored = false;

		for (size_t c = 0; c < nc; c++) {
			size_t k = a * nc + c;

			out->source[k] = cell_value(d, d->approaches[a].key,
						    d->criteria[c].key,
						    &out->cells[k]);
			out->set[k] = out->source[k] != CELL_NONE;
			scored = scored || out->set[k];
		}
		out->n_scored += scored;
	}
	m.rows = na;
	m.cols = nc;
	m.v = out->cells;
	m.set = out->set;
	score_totals(&m, out->weights, out->totals, out->complete);
	score_rank(out->totals, na, out->rank, out->order);

	if (sensitivity) {
		out->sens = alloc0(nc, sizeof(*out->sens));
		if (!out->sens)
			return err_set(e, ST_ERROR, _("out of memory"));
		rc = sensitivity_analyse(&m, out->weights, out->sens, e);
		if (rc)
			return rc;
	}
	return ST_OK;
}

int ws_scores_compute(const struct workshop_data *d, bool sensitivity,
		      struct ws_scores *out, struct error *e)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if (d->n_criteria == 0)
		return err_set(e, ST_INPUT, _("no criteria to score against"));
	rc = compute(d, sensitivity, out, e);
	if (rc)
		ws_scores_clear(out);
	return rc;
}

bool ws_scores_comparable(const struct ws_scores *s)
{
	return s->n_scored >= 2;
}

void ws_scores_clear(struct ws_scores *s)
{
	if (!s)
		return;
	free(s->weights);
	free(s->cells);
	free(s->set);
	free(s->source);
	free(s->totals);
	free(s->rank);
	free(s->order);
	free(s->complete);
	free(s->sens);
	memset(s, 0, sizeof(*s));
}

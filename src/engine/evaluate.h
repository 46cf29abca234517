/*
 * evaluate: the scoring of a whole workshop, as every consumer wants it
 * (CLI `score`, the report, the trade-off screen): weights (direct or AHP),
 * effective cell scores (agreed score, else the mean of the votes, else
 * unscored), totals, ranks, and optionally sensitivity.
 */
#ifndef CHARRETTE_ENGINE_EVALUATE_H
#define CHARRETTE_ENGINE_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/ahp.h"
#include "engine/sensitivity.h"
#include "model/model.h"

struct error;

enum cell_source { CELL_NONE = 0, CELL_AGREED, CELL_VOTES };

struct ws_scores {
	size_t n_app;               /* = d->n_approaches, same order */
	size_t n_crit;              /* = d->n_criteria, same order */
	double *weights;            /* normalised, n_crit */
	bool has_ahp;               /* weights came from AHP */
	struct ahp_result ahp;
	double *cells;              /* n_app * n_crit effective scores */
	bool *set;
	enum cell_source *source;
	double *totals;             /* n_app */
	int *rank;                  /* n_app, 1-based */
	size_t *order;              /* n_app, indices by rank */
	bool *complete;             /* n_app */
	size_t n_scored;            /* approaches with at least one score */
	struct sensitivity *sens;   /* n_crit, NULL unless asked */
};

/* Errors (ST_INPUT): no criteria, all weights zero, missing AHP pairs. */
int ws_scores_compute(const struct workshop_data *d, bool sensitivity,
		      struct ws_scores *out, struct error *e);
void ws_scores_clear(struct ws_scores *s);

/* Whether a ranking can be compared at all: with fewer than two scored
 * approaches every weight would look "robust" only because nothing else
 * competes, so sensitivity is not worth showing. */
bool ws_scores_comparable(const struct ws_scores *s);

#endif

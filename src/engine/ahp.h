/*
 * ahp: criteria weights from pairwise comparisons (Saaty's Analytic
 * Hierarchy Process): principal eigenvector, lambda max, consistency index
 * and ratio with Saaty's random index table.
 */
#ifndef CHARRETTE_ENGINE_AHP_H
#define CHARRETTE_ENGINE_AHP_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"

struct error;

#define AHP_CR_LIMIT 0.10

struct ahp_result {
	double lambda_max;
	double ci;
	double cr;           /* 0 when n < 3 (always consistent) */
	bool inconsistent;   /* cr > AHP_CR_LIMIT */
	size_t worst_a;      /* the judgement furthest from the weights */
	size_t worst_b;
};

/* Fill an n*n reciprocal matrix from judgements on criteria keys[0..n).
 * Only judgements whose participant matches (NULL = agreed) are used.
 * A missing pair or a value outside [1/9, 9] is ST_INPUT naming the pair. */
int ahp_matrix(const char *const *keys, size_t n, const struct judgement *j,
	       size_t nj, const char *participant, double *matrix,
	       struct error *e);
/* Weights (n, summing to 1) by power iteration to 1e-12. */
int ahp_weights(const double *matrix, size_t n, double *weights,
		struct ahp_result *res, struct error *e);
/* Saaty's random index for n (0 for n < 3; n > 10 uses 1.49). */
double ahp_random_index(size_t n);

#endif

/*
 * score: weighted-sum scoring.  Pure arithmetic on arrays; no I/O.
 *
 * A matrix has one row per approach and one column per criterion; a cell is
 * either set or unscored (counts 0 and marks the approach incomplete).
 */
#ifndef CHARRETTE_ENGINE_SCORE_H
#define CHARRETTE_ENGINE_SCORE_H

#include <stdbool.h>
#include <stddef.h>

struct error;

#define SCORE_TIE_EPS 1e-9

struct matrix {
	size_t rows;        /* approaches */
	size_t cols;        /* criteria */
	const double *v;    /* rows * cols, row-major */
	const bool *set;    /* rows * cols; NULL = every cell set */
};

/* Raw weights -> weights summing to 1.  Negative or non-finite weights and
 * an all-zero vector are ST_INPUT errors naming the problem. */
int score_normalise(const double *raw, size_t n, double *out,
		    struct error *e);
/* totals[r] = sum_c w[c] * v[r][c] (unset cells count 0);
 * complete[r] (may be NULL) = every cell of row r set. */
void score_totals(const struct matrix *m, const double *w, double *totals,
		  bool *complete);
/* 1-based ranks by total, highest first; totals within SCORE_TIE_EPS share
 * a rank (competition ranking: 1, 1, 3).  order (may be NULL) gets row
 * indices sorted by rank, ties in input order. */
void score_rank(const double *totals, size_t n, int *rank, size_t *order);
/* Index of the leader (lowest row index among those ranked 1). */
size_t score_leader(const double *totals, size_t n);

#endif

/*
 * sensitivity: how far each criterion's weight must move before the
 * top-ranked approach changes, the other weights rescaled proportionally so
 * that all still sum to 1.
 */
#ifndef CHARRETTE_ENGINE_SENSITIVITY_H
#define CHARRETTE_ENGINE_SENSITIVITY_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/score.h"

struct sensitivity {
	double weight;      /* current normalised weight */
	bool flips;         /* false: no weight in [0, 1] changes the leader */
	double flip_at;     /* the weight nearest the current one that does */
	size_t new_leader;  /* row index of the approach that would lead */
};

/* w: normalised weights (cols).  out: one entry per criterion. */
int sensitivity_analyse(const struct matrix *m, const double *w,
			struct sensitivity *out, struct error *e);

#endif

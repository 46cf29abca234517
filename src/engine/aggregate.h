/*
 * aggregate: combining participants' votes and judgements.
 */
#ifndef CHARRETTE_ENGINE_AGGREGATE_H
#define CHARRETTE_ENGINE_AGGREGATE_H

#include <stddef.h>

struct error;

struct stats {
	size_t n;
	double mean;
	double median;
	double min;
	double max;
	double stddev;       /* sample standard deviation; 0 when n < 2 */
};

/* n may be 0 (all fields 0). */
void agg_stats(const double *values, size_t n, struct stats *out);
/* Element-wise geometric mean of k matrices of n*n entries. */
int agg_geomean(const double *const *matrices, size_t k, size_t n,
		double *out, struct error *e);

#endif

#include "config.h"

/*
 * dora: which performance band (Low, Medium, High, Elite) a delivery metric
 * value falls in, from the band table of its metric definition, and whether
 * a target moves the wrong way.
 */

#include <math.h>

#include "engine/dora.h"

enum band dora_band(const struct metric_def *m, double value)
{
	if (!m || isnan(value))
		return BAND_NONE;
	/* Bands are listed in the content's order; the first that holds wins,
	 * so a shared edge belongs to the band listed first. */
	for (size_t i = 0; i < m->n_bands && i < 4; i++) {
		const struct band_def *b = &m->bands[i];

		if (b->has_min && value < b->min)
			continue;
		if (b->has_max && value > b->max)
			continue;
		return b->band;
	}
	return BAND_NONE;
}

bool dora_target_worse(const struct metric_def *m, double current,
		       double target)
{
	if (!m || isnan(current) || isnan(target))
		return false;
	return m->higher_is_better ? target < current : target > current;
}

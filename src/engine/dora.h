/*
 * dora: performance bands of delivery metrics.
 */
#ifndef CHARRETTE_ENGINE_DORA_H
#define CHARRETTE_ENGINE_DORA_H

#include <stdbool.h>

#include "model/knowledge.h"

/* The band a value falls in (BAND_NONE when no band holds). */
enum band dora_band(const struct metric_def *m, double value);
/* True when target is worse than current for this metric's direction. */
bool dora_target_worse(const struct metric_def *m, double current,
		       double target);

#endif

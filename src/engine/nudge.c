#include "config.h"
/* nudge: a criterion's raw weight after a findings nudge (see nudge.h). */

#include "engine/nudge.h"

double nudge_weight(double weight, double delta)
{
	double w = weight + delta;

	return w < 0 ? 0 : w;
}

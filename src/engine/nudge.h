/*
 * nudge: what a finding's weight nudge does to a criterion's raw weight.
 * A nudge adds its delta; a weight never goes below zero (a criterion
 * nudged away entirely simply stops counting).
 */
#ifndef CHARRETTE_ENGINE_NUDGE_H
#define CHARRETTE_ENGINE_NUDGE_H

double nudge_weight(double weight, double delta);

#endif

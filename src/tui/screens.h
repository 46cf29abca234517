/*
 * screens: the screen_ops of every workflow screen, for the table in
 * screens.c.
 */
#ifndef CHARRETTE_TUI_SCREENS_H
#define CHARRETTE_TUI_SCREENS_H

#include "tui/app.h"

extern const struct screen_ops screen_workshops_ops;
extern const struct screen_ops screen_interview_ops;
extern const struct screen_ops screen_findings_ops;
extern const struct screen_ops screen_approaches_ops;
extern const struct screen_ops screen_tradeoffs_ops;
extern const struct screen_ops screen_decision_ops;
extern const struct screen_ops screen_risks_ops;
extern const struct screen_ops screen_metrics_ops;
extern const struct screen_ops screen_roadmap_ops;
/* Not numbered tabs: the Room (R, :room) and the wrap-up (:wrap-up). */
extern const struct screen_ops screen_room_ops;
extern const struct screen_ops screen_wrapup_ops;

/* Park an item in the parking lot from any screen (`:park TEXT`); NULL
 * or "" opens a one-line editor to type it (L). */
void room_park(struct app *a, const char *text);
/* On the roadmap: pick open parking-lot items to take into the next
 * steps. */
void room_take_from_lot(struct app *a);

/* A new approach from library pattern p, named after it, at once (Enter
 * on the findings): screen 4 opens on it (screen_approaches'
 * approach_fields.c). */
struct pattern;
void ap_add_pattern(struct app *a, const struct pattern *p);

#endif

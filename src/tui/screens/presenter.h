/*
 * presenter: the presenter view (P, :present) for a projector: the
 * current screen's essence in block letters (bigtext) over the whole
 * terminal, with the countdown in a corner and the ready count.  The
 * screen underneath stays current: its selection keys still move (the
 * next question, the next risk), its editing keys are refused.
 */
#ifndef CHARRETTE_TUI_SCREENS_PRESENTER_H
#define CHARRETTE_TUI_SCREENS_PRESENTER_H

#include <stdbool.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "util/i18n.h"

struct question;
struct risk;
struct decision;
struct workshop;

/* What an edit in the view is told. */
#define PRESENTER_REFUSED N_("leave the presenter view (P) to edit")

/* Turn the view on or off (P, :present), saying so. */
void presenter_toggle(struct app *a);
/* A key while the view is on: true when the view took it (P, q and Esc
 * leave it; an editing key is refused with a message); false lets the
 * loop dispatch it to the screen underneath as usual. */
bool presenter_key(struct app *a, int key);
/* Draw the view over the whole terminal (the modals go on top). */
void presenter_draw(struct app *a);
/* Idle: the countdown's text changed since it was drawn: draw again. */
void presenter_tick(struct app *a);

/* ---- what the view asks of the screens (each in its screen's file) ---- */
/* Interview: the selected question (NULL: none) and its answer as the
 * form shows it (a new string in *answer, "" unanswered; NULL with no
 * question). */
const struct question *interview_selected(struct app *a, char **answer);
/* Risks: the selected risk (NULL: none) and the colour of a score's band
 * on the heat map. */
const struct risk *risks_selected(struct app *a);
enum role risks_band_role(int score);
/* Decision: the selected ADR (NULL: none). */
const struct decision *decision_selected(struct app *a);
/* Workshops: the selected workshop of the list (NULL: none). */
const struct workshop *workshops_selected(struct app *a);

#endif

/*
 * picker: choose one option (Enter), several (Space toggles, Enter
 * confirms), or a scale value (digits pick at once); Esc cancels.
 */
#ifndef CHARRETTE_TUI_WIDGETS_PICKER_H
#define CHARRETTE_TUI_WIDGETS_PICKER_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

enum picker_mode { PICK_ONE = 0, PICK_MANY, PICK_SCALE };

/* labels: n option labels (copied).  sel: the row to start on. */
struct modal *picker_new(enum picker_mode mode, const char *title,
			 const char *const *labels, size_t n, size_t sel,
			 modal_done_fn done);
/* Mark an option as checked (PICK_MANY) before the picker is shown. */
void picker_check(struct modal *m, size_t i, bool on);
size_t picker_selected(struct modal *m);
bool picker_checked(struct modal *m, size_t i);
size_t picker_count(struct modal *m);
/* Whether m is a picker of several options (Space toggles); false for
 * single-choice and scale pickers and for any other modal. */
bool picker_is_many(const struct modal *m);

#endif

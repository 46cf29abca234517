/*
 * entry: an explicit entry mode over a screen, for the places where
 * digits are values (the scoring matrix, the pairwise judgements).  The
 * screen underneath keeps drawing itself with its cursor; while the mode
 * is open every key goes to it, so a digit is a value there and a screen
 * switch everywhere else.  Esc (or Enter, or q) leaves it.
 */
#ifndef CHARRETTE_TUI_WIDGETS_ENTRY_H
#define CHARRETTE_TUI_WIDGETS_ENTRY_H

#include "tui/app.h"

/*
 * What the screen does with an action of the mode's scope (key: the key
 * behind it, for digits): MODAL_CONTINUE stays in the mode, MODAL_OK
 * leaves it.  Keys outside the scope are refused with a message.
 */
typedef enum modal_result (*entry_fn)(struct app *a, enum action act,
				      int key);

/* A mode in scope sc (its keys in the key table) named `title` on the
 * status bar. */
struct modal *entry_new(enum scope sc, const char *title, entry_fn fn);

#endif

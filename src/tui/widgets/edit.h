/*
 * edit: the single-line editor and the multi-line text editor, as modals.
 * Text is UTF-8; the cursor moves by character and columns are measured
 * with wcwidth, so wide characters take two cells.  Input arrives one
 * character at a time, so pasted text (bracketed or not) simply types in.
 */
#ifndef CHARRETTE_TUI_WIDGETS_EDIT_H
#define CHARRETTE_TUI_WIDGETS_EDIT_H

#include <stddef.h>

#include "tui/app.h"

/* A one-line field in a small centred box: Enter saves, Esc cancels. */
struct modal *lineedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done);
/* A multi-line editor: Enter is a new line, C-s / C-d save, C-e runs
 * $EDITOR on the text, Esc cancels. */
struct modal *textedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done);
/* The text being edited (owned by the modal). */
const char *edit_text(struct modal *m);
/* Replace the hint line (validation messages). */
void edit_set_hint(struct modal *m, const char *hint);
/* The text without surrounding white space (new string).  When it is empty
 * and `required` is not NULL, that hint is shown and NULL returned: keep
 * the editor open.  NULL also when out of memory. */
char *edit_text_trimmed(struct modal *m, const char *required);
/* The lines typed as list entries: each trimmed, blank ones dropped,
 * joined by newlines (new string, "" when none; NULL: out of memory). */
char *edit_text_lines(struct modal *m);

/* ---- the editing buffer, shared by both editors (unit-testable) ---- */
struct ebuf {
	char *s;          /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;       /* byte offset of the cursor */
};

int ebuf_init(struct ebuf *b, const char *init);
void ebuf_free(struct ebuf *b);
int ebuf_insert(struct ebuf *b, const char *s, size_t n);
int ebuf_insert_cp(struct ebuf *b, unsigned cp);
/* Apply an editing action; returns 1 when it was one. */
int ebuf_action(struct ebuf *b, enum action act);

#endif

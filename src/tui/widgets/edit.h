/*
 * edit: the single-line editor and the multi-line text editor, as modals.
 * Text is UTF-8; the cursor moves and deletes by grapheme cluster (a
 * letter with its accents, an emoji sequence) and columns are counted by
 * cluster, so wide characters take two cells and nothing pushes the frame
 * out.  Input arrives one character at a time, so pasted text (bracketed
 * or not) simply types in; inside a bracketed paste a line break is text.
 *
 * An open editor takes every key.  C-s saves every editor, Enter a
 * one-line one; Esc closes unchanged text at once, keeps changed text as
 * a draft of the field (the modal's draft_where), or asks "Discard what
 * you typed? y/n" where there is no field yet; C-c drops the text and
 * says so.
 */
#ifndef CHARRETTE_TUI_WIDGETS_EDIT_H
#define CHARRETTE_TUI_WIDGETS_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

struct strv;

/* A one-line field in a small centred box: Enter and C-s save.  `hint`
 * says what the keys do ("Enter next (weeks) · Esc cancel"); the status
 * bar shows its "KEY what" parts. */
struct modal *lineedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done);
/* A multi-line editor: Enter is a new line, C-s / C-d save, C-e runs
 * $EDITOR on the text. */
struct modal *textedit_new(const char *title, const char *init,
			   const char *hint, modal_done_fn done);
/* Show another text whole under the field, read-only, headed `title`
 * (a merge shows theirs under mine); PgUp and PgDn scroll it.  0, or
 * ST_ERROR when out of memory. */
int edit_set_aside(struct modal *m, const char *title, const char *text);
/* The text being edited (owned by the modal). */
const char *edit_text(struct modal *m);
/* Show a message in place of the hint (validation) until the text
 * changes. */
void edit_set_hint(struct modal *m, const char *hint);
/* A search or a command line: Esc and C-c drop the text without asking. */
void edit_set_scratch(struct modal *m);
bool edit_is_editor(struct modal *m);
/* Tab in a one-line editor calls fn (with the Tabs pressed in a row: 1,
 * 2, ...) instead of saying the key does nothing. */
void edit_set_complete(struct modal *m,
		       void (*fn)(struct app *a, struct modal *m, int tabs));
/* Replace the text; the cursor goes to its end. */
int edit_set_text(struct modal *m, const char *text);
/* The status-bar hints of an editor (key, label, key, label...), NULL
 * when m is no editor or its hint names no key. */
const struct strv *edit_bar(struct modal *m);
/* The "KEY what" parts of a hint, appended to out as pairs. */
int edit_bar_parse(struct strv *out, const char *hint);
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
/* May this key be typed into the text?  No control character, surrogate
 * or code point past U+10FFFF; a tab only in a multi-line text. */
bool ebuf_typable(int key, bool multi);
/* Apply an editing action; returns 1 when it was one. */
int ebuf_action(struct ebuf *b, enum action act);

#endif

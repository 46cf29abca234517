/*
 * draw: the terminal layer below the screens: colour roles from a theme
 * table (monochrome attributes when NO_COLOR is set or the terminal has no
 * colours), UTF-8 text drawn clipped to a number of columns, boxes, and the
 * screen read back as text for :save-display.
 */
#ifndef CHARRETTE_TUI_DRAW_H
#define CHARRETTE_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

struct error;
struct buf;

enum role {
	CR_NORMAL = 0,
	CR_TITLE,        /* title bar */
	CR_TAB,          /* tab bar */
	CR_TAB_ACTIVE,
	CR_SELECTED,     /* the cursor row */
	CR_HEADING,      /* section headings, column titles */
	CR_DIM,          /* secondary text */
	CR_WARNING,
	CR_ERROR,
	CR_OK,
	CR_BAR,          /* status bar */
	CR_KEY,          /* a key name in the status bar */
	CR_BANNER,       /* read-only banner */
	CR_DIALOG,       /* dialog and overlay frames */
	CR_INPUT,        /* an input field */
	CR_MARK,         /* unanswered marker */
	CR_ROLE_COUNT
};

/* Pick colours or monochrome (after newterm).  color false = NO_COLOR. */
void draw_init(bool color);
/* The curses attribute of a role. */
int draw_attr(enum role r);
/* Set the role for what follows (stdscr). */
void draw_role(enum role r);

/*
 * Draw UTF-8 text at (y, x) within `cols` columns; returns the columns
 * used.  Control characters show as '?'; a wide character that would be cut
 * in half is replaced by a space.  Text is never wrapped.
 */
int draw_text(int y, int x, const char *s, int cols);
/* As draw_text, but a text that does not fit ends with "…". */
int draw_clip(int y, int x, const char *s, int cols);
/* As draw_text, then pad with spaces up to `cols`. */
void draw_line(int y, int x, const char *s, int cols);
/* Fill a rectangle with spaces in the current role. */
void draw_fill(int y, int x, int h, int w);
/* Horizontal and vertical rules. */
void draw_hline(int y, int x, int w);
void draw_vline(int y, int x, int h);
/* A frame with a title; the inside is cleared. */
void draw_box(int y, int x, int h, int w, const char *title);

/*
 * Wrap text into lines of at most `cols` columns (words kept whole when
 * they fit; '\n' starts a new line).  Returns the number of lines; each
 * line's byte range goes to starts/lens (up to max entries).
 */
size_t draw_wrap(const char *s, int cols, size_t *starts, size_t *lens,
		 size_t max);

/* Draw s wrapped (draw_wrap) on at most h rows from (y, x), `cols`
 * wide; the last row ends with "…" when text remains.  Returns the rows
 * used. */
int draw_wrapped(int y, int x, int h, int cols, const char *s);

/* Append s to b padded (or cut, ending with "…") to exactly `cols`
 * columns; right-aligned when `right`. */
void draw_cell(struct buf *b, const char *s, int cols, bool right);

/* The virtual screen as UTF-8 text, one line per row, trailing spaces
 * trimmed, written atomically to path. */
int draw_save_display(const char *path, struct error *e);
/* The screen as text, one line per row, trailing spaces trimmed. */
struct buf;
void draw_screen_text(struct buf *b);

/* The attributes of the screen, one letter per cell, for tests: '.' plain,
 * 'c' coloured, else r(everse) b(old) u(nderline) d(im) by priority. */
int draw_save_attrs(const char *path, struct error *e);

#endif

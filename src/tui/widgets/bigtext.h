/*
 * bigtext: text in large letters made of block characters, for the
 * presenter view on a projector.  Two bitmap fonts of our own: a 3×5
 * one drawn with half blocks (▀ ▄ █) in 3 rows, and a 5×7 one drawn with
 * half blocks in 4 rows or doubled in 7 rows.  They cover digits, A–Z,
 * lowercase (as capitals in the small font, small capitals in the others)
 * and common punctuation; any other grapheme cluster (an accented letter,
 * CJK, an emoji) is drawn in normal size, centred in a box of its own, so
 * nothing comes out as garbage.
 *
 * Text is measured before it is drawn, wrapped at spaces (and after a
 * hyphen or a slash), and bigtext_fit picks the biggest size in which it
 * fits a rectangle; BIG_NORMAL is ordinary text, wrapped the same way.
 */
#ifndef CHARRETTE_TUI_WIDGETS_BIGTEXT_H
#define CHARRETTE_TUI_WIDGETS_BIGTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum bigtext_size {
	BIG_NORMAL = 0,   /* ordinary text, one row per line */
	BIG_SMALL,        /* 3×5 font: 3 rows */
	BIG_MEDIUM,       /* 5×7 font: 4 rows */
	BIG_LARGE,        /* 5×7 font doubled: 7 rows */
	BIG_SIZES
};

enum bigtext_align { BIG_LEFT = 0, BIG_CENTRE, BIG_RIGHT };

/* Rows one line takes, and rows from one line to the next. */
int bigtext_rows(enum bigtext_size sz);
int bigtext_pitch(enum bigtext_size sz);
/* Columns s (or its first n bytes) takes on one line. */
int bigtext_width(const char *s, enum bigtext_size sz);
int bigtext_width_n(const char *s, size_t n, enum bigtext_size sz);
/* Does the font of sz draw this code point (rather than the fallback)? */
bool bigtext_has_glyph(uint32_t cp, enum bigtext_size sz);

/* One wrapped line: bytes s[start, start + len), `cols` columns wide. */
struct bigtext_line {
	size_t start, len;
	int cols;
};

/*
 * Wrap s into lines of at most `cols` columns: at spaces (dropped), after
 * a hyphen or a slash (kept), at a newline.  Returns the number of lines
 * (all of them; at most `max` are stored).  A word wider than `cols` is
 * cut at a character; in the big sizes that means the text does not fit:
 * *fits (may be NULL) is false then.
 */
size_t bigtext_wrap(const char *s, enum bigtext_size sz, int cols,
		    struct bigtext_line *lines, size_t max, bool *fits);
/* Rows s takes wrapped to `cols`; -1 when a word does not fit. */
int bigtext_height(const char *s, enum bigtext_size sz, int cols);
/*
 * The biggest size up to `max` in which s, wrapped to `cols`, takes at
 * most `rows` rows; BIG_NORMAL when no big size does, or when most of s
 * is made of characters the fonts do not have.
 */
enum bigtext_size bigtext_fit(const char *s, int rows, int cols,
			      enum bigtext_size max);

/*
 * Draw s wrapped into the rectangle in size sz with the current
 * attributes; lines that do not fit whole are left out.  Returns the
 * rows used.
 */
int bigtext_draw(int y, int x, int h, int w, const char *s,
		 enum bigtext_size sz, enum bigtext_align al);

/* The fonts are well formed (rows of one width, only '#' and '.'):
 * 0, or -1 with the glyph at fault in why. */
int bigtext_font_check(char *why, size_t size);

#endif

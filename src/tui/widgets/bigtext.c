#include "config.h"
/*
 * bigtext: large letters of block characters.  The glyphs are bitmaps
 * ('#' a pixel, '.' none), one string per pixel row, each glyph as wide as
 * its rows; half blocks put two pixel rows in one cell row, so a pixel is
 * about square on a terminal whose cells are twice as high as wide.
 *
 * Lowercase: the small font draws capitals; the 5×7 one draws small
 * capitals, five pixel rows high, made from the capital's rows 0, 2, 3, 4
 * and 6 unless a letter has a small capital of its own below (M, W, V, J
 * lose their shape when rows are dropped).
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/widgets/bigtext.h"
#include "util/str.h"
#include "util/utf8.h"

struct glyph {
	uint32_t cp;
	const char *row[7];
};

/* 3×5 (a few letters wider), drawn in 3 rows. */
static const struct glyph small_font[] = {
	{ '0', { "###", "#.#", "#.#", "#.#", "###" } },
	{ '1', { ".#.", "##.", ".#.", ".#.", "###" } },
	{ '2', { "###", "..#", "###", "#..", "###" } },
	{ '3', { "###", "..#", ".##", "..#", "###" } },
	{ '4', { "#.#", "#.#", "###", "..#", "..#" } },
	{ '5', { "###", "#..", "###", "..#", "###" } },
	{ '6', { "###", "#..", "###", "#.#", "###" } },
	{ '7', { "###", "..#", "..#", ".#.", ".#." } },
	{ '8', { "###", "#.#", "###", "#.#", "###" } },
	{ '9', { "###", "#.#", "###", "..#", "###" } },
	{ 'A', { ".#.", "#.#", "###", "#.#", "#.#" } },
	{ 'B', { "##.", "#.#", "##.", "#.#", "##." } },
	{ 'C', { ".##", "#..", "#..", "#..", ".##" } },
	{ 'D', { "##.", "#.#", "#.#", "#.#", "##." } },
	{ 'E', { "###", "#..", "##.", "#..", "###" } },
	{ 'F', { "###", "#..", "##.", "#..", "#.." } },
	{ 'G', { ".##", "#..", "#.#", "#.#", ".##" } },
	{ 'H', { "#.#", "#.#", "###", "#.#", "#.#" } },
	{ 'I', { "###", ".#.", ".#.", ".#.", "###" } },
	{ 'J', { "..#", "..#", "..#", "#.#", ".#." } },
	{ 'K', { "#.#", "#.#", "##.", "#.#", "#.#" } },
	{ 'L', { "#..", "#..", "#..", "#..", "###" } },
	{ 'M', { "#...#", "##.##", "#.#.#", "#...#", "#...#" } },
	{ 'N', { "#..#", "##.#", "#.##", "#..#", "#..#" } },
	{ 'O', { ".#.", "#.#", "#.#", "#.#", ".#." } },
	{ 'P', { "##.", "#.#", "##.", "#..", "#.." } },
	{ 'Q', { ".#.", "#.#", "#.#", "##.", ".##" } },
	{ 'R', { "##.", "#.#", "##.", "#.#", "#.#" } },
	{ 'S', { ".##", "#..", ".#.", "..#", "##." } },
	{ 'T', { "###", ".#.", ".#.", ".#.", ".#." } },
	{ 'U', { "#.#", "#.#", "#.#", "#.#", "###" } },
	{ 'V', { "#.#", "#.#", "#.#", "#.#", ".#." } },
	{ 'W', { "#...#", "#...#", "#.#.#", "##.##", "#...#" } },
	{ 'X', { "#.#", "#.#", ".#.", "#.#", "#.#" } },
	{ 'Y', { "#.#", "#.#", ".#.", ".#.", ".#." } },
	{ 'Z', { "###", "..#", ".#.", "#..", "###" } },
	{ '.', { ".", ".", ".", ".", "#" } },
	{ ',', { "..", "..", "..", ".#", "#." } },
	{ ':', { ".", "#", ".", "#", "." } },
	{ ';', { "..", ".#", "..", ".#", "#." } },
	{ '!', { "#", "#", "#", ".", "#" } },
	{ '?', { "###", "..#", ".##", "...", ".#." } },
	{ '-', { "..", "..", "##", "..", ".." } },
	{ '+', { "...", ".#.", "###", ".#.", "..." } },
	{ '/', { "..#", "..#", ".#.", "#..", "#.." } },
	{ '%', { "#.#", "..#", ".#.", "#..", "#.#" } },
	{ '(', { ".#", "#.", "#.", "#.", ".#" } },
	{ ')', { "#.", ".#", ".#", ".#", "#." } },
	{ '[', { "##", "#.", "#.", "#.", "##" } },
	{ ']', { "##", ".#", ".#", ".#", "##" } },
	{ '\'', { "#", "#", ".", ".", "." } },
	{ '"', { "#.#", "#.#", "...", "...", "..." } },
	{ '#', { "#.#", "###", "#.#", "###", "#.#" } },
	{ '&', { ".#..", "#.#.", ".#..", "#.#.", ".#.#" } },
	{ '*', { "...", "#.#", ".#.", "#.#", "..." } },
	{ '=', { "...", "###", "...", "###", "..." } },
	{ '_', { "...", "...", "...", "...", "###" } },
	{ '<', { "..#", ".#.", "#..", ".#.", "..#" } },
	{ '>', { "#..", ".#.", "..#", ".#.", "#.." } },
	{ 0x00B7, { ".", ".", "#", ".", "." } },                 /* · */
	{ 0x00D7, { "...", "#.#", ".#.", "#.#", "..." } },       /* × */
	{ 0x2026, { ".....", ".....", ".....", ".....", "#.#.#" } }, /* … */
	{ 0x2192, { "....", "..#.", "####", "..#.", "...." } },  /* → */
};

/* 5×7, drawn in 4 rows of half blocks or doubled in 7 rows. */
static const struct glyph big_font[] = {
	{ '0', { ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#",
		 ".###." } },
	{ '1', { "..#..", ".##..", "..#..", "..#..", "..#..", "..#..",
		 ".###." } },
	{ '2', { ".###.", "#...#", "....#", "...#.", "..#..", ".#...",
		 "#####" } },
	{ '3', { "#####", "...#.", "..#..", "...#.", "....#", "#...#",
		 ".###." } },
	{ '4', { "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.",
		 "...#." } },
	{ '5', { "#####", "#....", "####.", "....#", "....#", "#...#",
		 ".###." } },
	{ '6', { "..##.", ".#...", "#....", "####.", "#...#", "#...#",
		 ".###." } },
	{ '7', { "#####", "....#", "...#.", "..#..", ".#...", ".#...",
		 ".#..." } },
	{ '8', { ".###.", "#...#", "#...#", ".###.", "#...#", "#...#",
		 ".###." } },
	{ '9', { ".###.", "#...#", "#...#", ".####", "....#", "...#.",
		 ".##.." } },
	{ 'A', { ".###.", "#...#", "#...#", "#####", "#...#", "#...#",
		 "#...#" } },
	{ 'B', { "####.", "#...#", "#...#", "####.", "#...#", "#...#",
		 "####." } },
	{ 'C', { ".###.", "#...#", "#....", "#....", "#....", "#...#",
		 ".###." } },
	{ 'D', { "####.", "#...#", "#...#", "#...#", "#...#", "#...#",
		 "####." } },
	{ 'E', { "#####", "#....", "#....", "####.", "#....", "#....",
		 "#####" } },
	{ 'F', { "#####", "#....", "#....", "####.", "#....", "#....",
		 "#...." } },
	{ 'G', { ".###.", "#...#", "#....", "#.###", "#...#", "#...#",
		 ".###." } },
	{ 'H', { "#...#", "#...#", "#...#", "#####", "#...#", "#...#",
		 "#...#" } },
	{ 'I', { "###", ".#.", ".#.", ".#.", ".#.", ".#.", "###" } },
	{ 'J', { "..###", "...#.", "...#.", "...#.", "...#.", "#..#.",
		 ".##.." } },
	{ 'K', { "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.",
		 "#...#" } },
	{ 'L', { "#....", "#....", "#....", "#....", "#....", "#....",
		 "#####" } },
	{ 'M', { "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#",
		 "#...#" } },
	{ 'N', { "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#",
		 "#...#" } },
	{ 'O', { ".###.", "#...#", "#...#", "#...#", "#...#", "#...#",
		 ".###." } },
	{ 'P', { "####.", "#...#", "#...#", "####.", "#....", "#....",
		 "#...." } },
	{ 'Q', { ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.",
		 ".##.#" } },
	{ 'R', { "####.", "#...#", "#...#", "####.", "#.#..", "#..#.",
		 "#...#" } },
	{ 'S', { ".####", "#....", "#....", ".###.", "....#", "....#",
		 "####." } },
	{ 'T', { "#####", "..#..", "..#..", "..#..", "..#..", "..#..",
		 "..#.." } },
	{ 'U', { "#...#", "#...#", "#...#", "#...#", "#...#", "#...#",
		 ".###." } },
	{ 'V', { "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.",
		 "..#.." } },
	{ 'W', { "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#",
		 ".#.#." } },
	{ 'X', { "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#",
		 "#...#" } },
	{ 'Y', { "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..",
		 "..#.." } },
	{ 'Z', { "#####", "....#", "...#.", "..#..", ".#...", "#....",
		 "#####" } },
	{ '.', { "..", "..", "..", "..", "..", "##", "##" } },
	{ ',', { "..", "..", "..", "..", ".#", ".#", "#." } },
	{ ':', { "..", "##", "##", "..", "##", "##", ".." } },
	{ ';', { "..", "##", "##", "..", "##", ".#", "#." } },
	{ '!', { "##", "##", "##", "##", "##", "..", "##" } },
	{ '?', { ".###.", "#...#", "....#", "...#.", "..#..", ".....",
		 "..#.." } },
	{ '-', { "....", "....", "....", "####", "....", "....", "...." } },
	{ '+', { ".....", "..#..", "..#..", "#####", "..#..", "..#..",
		 "....." } },
	{ '/', { "....#", "....#", "...#.", "..#..", ".#...", "#....",
		 "#...." } },
	{ '%', { "##...", "##..#", "...#.", "..#..", ".#...", "#..##",
		 "...##" } },
	{ '(', { "..#", ".#.", "#..", "#..", "#..", ".#.", "..#" } },
	{ ')', { "#..", ".#.", "..#", "..#", "..#", ".#.", "#.." } },
	{ '[', { "###", "#..", "#..", "#..", "#..", "#..", "###" } },
	{ ']', { "###", "..#", "..#", "..#", "..#", "..#", "###" } },
	{ '\'', { "##", "##", ".#", "#.", "..", "..", ".." } },
	{ '"', { "##.##", "##.##", ".#..#", "#..#.", ".....", ".....",
		 "....." } },
	{ '#', { ".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.",
		 ".#.#." } },
	{ '&', { ".##..", "#..#.", "#.#..", ".#...", "#.#.#", "#..#.",
		 ".##.#" } },
	{ '*', { ".....", "#.#.#", ".###.", "#####", ".###.", "#.#.#",
		 "....." } },
	{ '=', { ".....", ".....", "#####", ".....", "#####", ".....",
		 "....." } },
	{ '_', { ".....", ".....", ".....", ".....", ".....", ".....",
		 "#####" } },
	{ '<', { "...#", "..#.", ".#..", "#...", ".#..", "..#.", "...#" } },
	{ '>', { "#...", ".#..", "..#.", "...#", "..#.", ".#..", "#..." } },
	{ 0x00B7, { "..", "..", "##", "##", "..", "..", ".." } },      /* · */
	{ 0x00D7, { ".....", ".....", "#...#", ".#.#.", "..#..", ".#.#.",
		    "#...#" } },                                        /* × */
	{ 0x2026, { ".....", ".....", ".....", ".....", ".....", "#.#.#",
		    "#.#.#" } },                                        /* … */
	{ 0x2192, { ".......", "....#..", ".....#.", "#######", ".....#.",
		    "....#..", "......." } },                           /* → */
};

/* Small capitals (5 rows) where dropping rows of the capital spoils it. */
static const struct glyph big_smallcaps[] = {
	{ 'j', { "..###", "...#.", "...#.", "#..#.", ".##.." } },
	{ 'm', { "#...#", "##.##", "#.#.#", "#...#", "#...#" } },
	{ 'v', { "#...#", "#...#", "#...#", ".#.#.", "..#.." } },
	{ 'w', { "#...#", "#...#", "#.#.#", "##.##", "#...#" } },
};

/* Other spellings of characters the fonts have. */
static const struct {
	uint32_t cp, as;
} aliases[] = {
	{ 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201C, '"' }, { 0x201D, '"' },
	{ 0x2013, '-' }, { 0x2014, '-' }, { 0x2212, '-' }, { 0x2010, '-' },
	{ 0x2011, '-' },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

struct face {
	const struct glyph *font;
	size_t n;
	int scale;        /* columns per pixel */
	bool half;        /* two pixel rows per cell row */
	int rows;         /* cell rows of a line */
	int gap;          /* columns between two glyphs */
	int line_gap;     /* rows between two lines */
	int space;        /* pixels of a space */
	int box;          /* columns of the box a fallback is centred in */
	bool caps_only;   /* lowercase drawn as capitals */
};

static const struct face faces[BIG_SIZES] = {
	[BIG_NORMAL] = { NULL, 0, 1, false, 1, 0, 0, 1, 0, false },
	[BIG_SMALL] = { small_font, N_OF(small_font), 1, true, 3, 1, 1, 1, 3,
			true },
	[BIG_MEDIUM] = { big_font, N_OF(big_font), 1, true, 4, 1, 1, 2, 5,
			 false },
	[BIG_LARGE] = { big_font, N_OF(big_font), 2, false, 7, 2, 1, 2, 10,
			false },
};

static const struct face *face_of(enum bigtext_size sz)
{
	return &faces[(unsigned)sz < BIG_SIZES ? sz : BIG_NORMAL];
}

/* ---- one grapheme cluster as the font sees it ----------------------------- */
enum item_kind { IT_GLYPH = 0, IT_SPACE, IT_NEWLINE, IT_OTHER };
/* How a glyph's rows are placed: as they are, a small capital derived
 * from the capital, or a small capital of its own (5 rows, 2 down). */
enum item_mode { IM_PLAIN = 0, IM_DERIVED, IM_SHIFTED };

struct item {
	enum item_kind kind;
	enum item_mode mode;
	const struct glyph *g;
	uint32_t cp;
	size_t len;       /* bytes of the cluster */
	int cols;         /* columns it takes (without the gap) */
	int shown;        /* IT_OTHER: its own display width */
};

static const struct glyph *find(const struct glyph *font, size_t n,
				uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (font[i].cp == cp)
			return &font[i];
	return NULL;
}

static uint32_t unalias(uint32_t cp)
{
	for (size_t i = 0; i < N_OF(aliases); i++)
		if (aliases[i].cp == cp)
			return aliases[i].as;
	return cp;
}

/* The glyph of a single code point in face f (NULL: none), and how its
 * rows are placed. */
static const struct glyph *glyph_of(const struct face *f, uint32_t cp,
				    enum item_mode *mode)
{
	const struct glyph *g;

	*mode = IM_PLAIN;
	if (!f->font)
		return NULL;
	cp = unalias(cp);
	if (cp >= 'a' && cp <= 'z') {
		if (!f->caps_only &&
		    (g = find(big_smallcaps, N_OF(big_smallcaps), cp))) {
			*mode = IM_SHIFTED;
			return g;
		}
		if (!f->caps_only)
			*mode = IM_DERIVED;
		cp = cp - 'a' + 'A';
	}
	return find(f->font, f->n, cp);
}

static int glyph_width(const struct glyph *g)
{
	return (int)strlen(g->row[0]);
}

static void item_at(const char *s, size_t len, size_t off,
		    const struct face *f, struct item *it)
{
	size_t end = utf8_cluster_next(s, len, off);
	size_t n = end > off ? end - off : 1;
	uint32_t cp = 0xFFFD;
	size_t cpl = utf8_decode(s + off, len - off, &cp);

	memset(it, 0, sizeof(*it));
	it->len = n;
	it->cp = cp;
	if (s[off] == '\n' || s[off] == '\r') {
		it->kind = IT_NEWLINE;
		return;
	}
	if (cpl == n && (cp == ' ' || cp == '\t')) {
		it->kind = IT_SPACE;
		it->cols = f->space * f->scale;
		return;
	}
	it->shown = utf8_cluster_width(s + off, n);
	if (cpl == n && (it->g = glyph_of(f, cp, &it->mode))) {
		it->kind = IT_GLYPH;
		it->cols = glyph_width(it->g) * f->scale;
		return;
	}
	it->kind = IT_OTHER;
	it->cols = it->shown > f->box ? it->shown : f->box;
}

/* Is pixel (pr, c) of the item's glyph set? */
static bool pixel(const struct item *it, int pr, int c)
{
	static const int keep[5] = { 0, 2, 3, 4, 6 };
	const char *row = NULL;

	if (pr < 0 || pr >= 7)
		return false;
	switch (it->mode) {
	case IM_PLAIN:
		row = it->g->row[pr];
		break;
	case IM_DERIVED:
		row = pr >= 2 ? it->g->row[keep[pr - 2]] : NULL;
		break;
	case IM_SHIFTED:
		row = pr >= 2 ? it->g->row[pr - 2] : NULL;
		break;
	}
	return row && row[c] == '#';
}

/* ---- measuring ------------------------------------------------------------- */
int bigtext_rows(enum bigtext_size sz)
{
	return face_of(sz)->rows;
}

int bigtext_pitch(enum bigtext_size sz)
{
	return face_of(sz)->rows + face_of(sz)->line_gap;
}

int bigtext_width_n(const char *s, size_t n, enum bigtext_size sz)
{
	const struct face *f = face_of(sz);
	size_t off = 0;
	int w = 0, items = 0;

	while (s && off < n && s[off]) {
		struct item it;

		item_at(s, n, off, f, &it);
		if (it.kind != IT_NEWLINE) {
			w += (items ? f->gap : 0) + it.cols;
			items++;
		}
		off += it.len;
	}
	return w;
}

int bigtext_width(const char *s, enum bigtext_size sz)
{
	return s ? bigtext_width_n(s, strlen(s), sz) : 0;
}

bool bigtext_has_glyph(uint32_t cp, enum bigtext_size sz)
{
	enum item_mode mode;

	return glyph_of(face_of(sz), cp, &mode) != NULL;
}

static size_t skip_blanks(const char *s, size_t len, size_t off)
{
	while (off < len && (s[off] == ' ' || s[off] == '\t'))
		off++;
	return off;
}

size_t bigtext_wrap(const char *s, enum bigtext_size sz, int cols,
		    struct bigtext_line *lines, size_t max, bool *fits)
{
	const struct face *f = face_of(sz);
	size_t len = s ? strlen(s) : 0, n = 0;
	size_t off = skip_blanks(s, len, 0);
	bool ok = true;

	if (cols < 1)
		cols = 1;
	do {
		size_t start = off, p = off, end = len, next = len;
		size_t brk_end = 0, brk_next = 0;
		int w = 0, brk_w = 0, lw = 0, items = 0;
		bool have_brk = false, in_space = false, done = false;

		while (p < len && !done) {
			struct item it;
			int add;

			item_at(s, len, p, f, &it);
			add = (items ? f->gap : 0) + it.cols;
			if (it.kind == IT_NEWLINE) {
				end = in_space ? brk_end : p;
				lw = in_space ? brk_w : w;
				next = p + it.len;
				done = true;
			} else if (it.kind == IT_SPACE) {
				/* Spaces never overflow: a line ending in
				 * them ends before them. */
				if (!in_space) {
					brk_end = p;
					brk_w = w;
				}
				have_brk = in_space = true;
				w += add;
				items++;
				p += it.len;
				brk_next = p;
			} else if (w + add > cols && items > 0) {
				if (have_brk) {
					end = brk_end;
					lw = brk_w;
					next = brk_next;
				} else {
					/* A word wider than the line. */
					end = next = p;
					lw = w;
					if (sz != BIG_NORMAL)
						ok = false;
				}
				done = true;
			} else {
				if (w + add > cols && sz != BIG_NORMAL)
					ok = false;
				in_space = false;
				w += add;
				items++;
				p += it.len;
				/* After a hyphen or a slash the line may
				 * break too, keeping it. */
				if (it.cp == '-' || it.cp == '/' ||
				    it.cp == 0x2013 || it.cp == 0x2014) {
					brk_end = brk_next = p;
					brk_w = w;
					have_brk = true;
				}
			}
		}
		if (!done) {
			end = in_space ? brk_end : len;
			lw = in_space ? brk_w : w;
			next = len;
		}
		if (n < max) {
			lines[n].start = start;
			lines[n].len = end - start;
			lines[n].cols = lw;
		}
		n++;
		off = skip_blanks(s, len, next);
	} while (off < len);
	if (fits)
		*fits = ok;
	return n;
}

int bigtext_height(const char *s, enum bigtext_size sz, int cols)
{
	bool fits;
	size_t n = bigtext_wrap(s, sz, cols, NULL, 0, &fits);

	if (!fits)
		return -1;
	return (int)n * bigtext_rows(sz) + ((int)n - 1) * face_of(sz)->line_gap;
}

/* More clusters the fonts cannot draw than ones they can? */
static bool mostly_foreign(const char *s)
{
	const struct face *f = face_of(BIG_MEDIUM);
	size_t len = s ? strlen(s) : 0, off = 0;
	size_t known = 0, other = 0;

	while (off < len) {
		struct item it;

		item_at(s, len, off, f, &it);
		if (it.kind == IT_GLYPH)
			known++;
		else if (it.kind == IT_OTHER)
			other++;
		off += it.len;
	}
	return other > known;
}

enum bigtext_size bigtext_fit(const char *s, int rows, int cols,
			      enum bigtext_size max)
{
	if (!s || mostly_foreign(s))
		return BIG_NORMAL;
	if (max >= BIG_SIZES)
		max = BIG_SIZES - 1;
	for (int sz = (int)max; sz > BIG_NORMAL; sz--) {
		int h = bigtext_height(s, (enum bigtext_size)sz, cols);

		if (h >= 0 && h <= rows)
			return (enum bigtext_size)sz;
	}
	return BIG_NORMAL;
}

/* ---- drawing ---------------------------------------------------------------- */
static void spaces(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(b, ' ');
}

/* Cell row r of one glyph into b. */
static void glyph_row(struct buf *b, const struct face *f,
		      const struct item *it, int r)
{
	int gw = glyph_width(it->g);

	for (int c = 0; c < gw; c++) {
		if (f->half) {
			bool top = pixel(it, 2 * r, c);
			bool bot = pixel(it, 2 * r + 1, c);

			buf_puts(b, top && bot ? "█" : top ? "▀"
				 : bot ? "▄" : " ");
		} else {
			bool on = pixel(it, r, c);

			for (int k = 0; k < f->scale; k++)
				buf_puts(b, on ? "█" : " ");
		}
	}
}

static void draw_big_line(int y, int x, int w, const char *s, size_t n,
			  const struct face *f)
{
	struct buf b;

	buf_init(&b);
	for (int r = 0; r < f->rows; r++) {
		size_t p = 0;
		int items = 0;

		b.len = 0;
		while (p < n) {
			struct item it;

			item_at(s, n, p, f, &it);
			if (it.kind == IT_NEWLINE) {
				p += it.len;
				continue;
			}
			if (items++)
				spaces(&b, f->gap);
			if (it.kind == IT_GLYPH) {
				glyph_row(&b, f, &it, r);
			} else if (it.kind == IT_OTHER && r == f->rows / 2) {
				/* Normal size, centred in its box. */
				int pad = (it.cols - it.shown) / 2;

				spaces(&b, pad);
				utf8_cluster_shown(&b, s + p, it.len);
				spaces(&b, it.cols - it.shown - pad);
			} else {
				spaces(&b, it.cols);
			}
			p += it.len;
		}
		draw_text(y + r, x, buf_str(&b), w);
	}
	buf_free(&b);
}

int bigtext_draw(int y, int x, int h, int w, const char *s,
		 enum bigtext_size sz, enum bigtext_align al)
{
	const struct face *f = face_of(sz);
	struct bigtext_line *lines;
	size_t max, n;
	int row = 0, used = 0;

	if (!s || h <= 0 || w <= 0)
		return 0;
	max = (size_t)(h / bigtext_pitch(sz)) + 1;
	lines = calloc(max, sizeof(*lines));
	if (!lines)
		return 0;
	n = bigtext_wrap(s, sz, w, lines, max, NULL);
	for (size_t i = 0; i < n && i < max && row + f->rows <= h; i++) {
		int off = al == BIG_CENTRE ? (w - lines[i].cols) / 2
			  : al == BIG_RIGHT ? w - lines[i].cols : 0;

		if (off < 0)
			off = 0;
		if (sz == BIG_NORMAL) {
			char *t = str_ndup(s + lines[i].start, lines[i].len);

			draw_text(y + row, x + off, t ? t : "", w - off);
			free(t);
		} else {
			draw_big_line(y + row, x + off, w - off,
				      s + lines[i].start, lines[i].len, f);
		}
		used = row + f->rows;
		row += f->rows + f->line_gap;
	}
	free(lines);
	return used;
}

/* ---- the fonts' sanity, for the tests -------------------------------------- */
static int check_font(const struct glyph *font, size_t n, int rows,
		      const char *name, char *why, size_t size)
{
	for (size_t i = 0; i < n; i++) {
		const struct glyph *g = &font[i];
		size_t w = g->row[0] ? strlen(g->row[0]) : 0;

		for (int r = 0; r < 7; r++) {
			const char *row = g->row[r];
			bool bad = r < rows ? !row || strlen(row) != w || w == 0
				   || strspn(row, "#.") != w : row != NULL;

			if (bad) {
				snprintf(why, size, "%s: U+%04X row %d", name,
					 (unsigned)g->cp, r);
				return -1;
			}
		}
		for (size_t j = 0; j < i; j++)
			if (font[j].cp == g->cp) {
				snprintf(why, size, "%s: U+%04X twice", name,
					 (unsigned)g->cp);
				return -1;
			}
	}
	return 0;
}

int bigtext_font_check(char *why, size_t size)
{
	if (check_font(small_font, N_OF(small_font), 5, "small", why, size) ||
	    check_font(big_font, N_OF(big_font), 7, "big", why, size) ||
	    check_font(big_smallcaps, N_OF(big_smallcaps), 5, "small caps",
		       why, size))
		return -1;
	/* Both fonts draw the same characters. */
	for (size_t i = 0; i < N_OF(small_font); i++)
		if (!find(big_font, N_OF(big_font), small_font[i].cp)) {
			snprintf(why, size, "U+%04X only in the small font",
				 (unsigned)small_font[i].cp);
			return -1;
		}
	if (N_OF(small_font) != N_OF(big_font)) {
		snprintf(why, size, "the fonts differ in size");
		return -1;
	}
	return 0;
}

#include "config.h"
/*
 * draw: colour roles, clipped UTF-8 text, boxes and the screen dump.  All
 * drawing goes to stdscr; widths come from util/utf8 so that our column
 * accounting and the terminal's agree (a character the C library does not
 * know is drawn as '?' placeholders of the width we counted).
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/draw.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/safetext.h"
#include "util/str.h"
#include "util/utf8.h"

struct theme_entry {
	short fg, bg;     /* -1 = terminal default */
	int color_attr;   /* added when colours are on */
	int mono_attr;    /* used alone when they are off */
};

/* One table of roles, as htop's CRT_colorSchemes; 8 colours suffice. */
static const struct theme_entry theme[CR_ROLE_COUNT] = {
	[CR_NORMAL]     = { -1, -1, 0, 0 },
	[CR_TITLE]      = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[CR_TAB]        = { COLOR_WHITE, COLOR_BLACK, 0, A_UNDERLINE },
	[CR_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[CR_SELECTED]   = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[CR_HEADING]    = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[CR_DIM]        = { COLOR_CYAN, -1, 0, A_DIM },
	[CR_WARNING]    = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[CR_ERROR]      = { COLOR_RED, -1, A_BOLD, A_BOLD | A_REVERSE },
	[CR_OK]         = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[CR_BAR]        = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
	[CR_KEY]        = { COLOR_BLUE, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[CR_BANNER]     = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[CR_DIALOG]     = { COLOR_WHITE, COLOR_BLUE, 0, A_BOLD },
	[CR_INPUT]      = { COLOR_BLACK, COLOR_WHITE, 0, A_UNDERLINE },
	[CR_MARK]       = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
};

/* Resolved attributes; plain data, set once by draw_init. */
static int role_attr[CR_ROLE_COUNT];

void draw_init(bool color)
{
	bool on = color && has_colors() && start_color() == OK;

	if (on && use_default_colors() != OK) {
		/* No default colours: black background everywhere. */
	}
	for (int r = 0; r < CR_ROLE_COUNT; r++) {
		if (!on) {
			role_attr[r] = theme[r].mono_attr;
			continue;
		}
		if (r == CR_NORMAL) {
			role_attr[r] = 0;
			continue;
		}
		if (init_pair((short)r, theme[r].fg, theme[r].bg) == ERR)
			init_pair((short)r, theme[r].fg < 0 ? COLOR_WHITE : theme[r].fg,
				  theme[r].bg < 0 ? COLOR_BLACK : theme[r].bg);
		role_attr[r] = (int)COLOR_PAIR(r) | theme[r].color_attr;
	}
}

int draw_attr(enum role r)
{
	return (unsigned)r < CR_ROLE_COUNT ? role_attr[r] : 0;
}

void draw_role(enum role r)
{
	attrset(draw_attr(r));
}

/* Add one cell (base + combining marks) at the cursor. */
static void put_cell(const wchar_t *cell)
{
	cchar_t cc;
	attr_t at;
	short pair;

	if (attr_get(&at, &pair, NULL) == ERR) {
		at = 0;
		pair = 0;
	}
	if (setcchar(&cc, cell, at, pair, NULL) == OK)
		add_wch(&cc);
}

/* A run of printable ASCII at (y, x) in the current attributes, the
 * cursor after it: copied into the window as cells (addchnstr), without
 * the character-by-character processing of addnstr. */
static void put_ascii(int y, int x, const char *s, size_t n)
{
	chtype cells[256];
	chtype at = (chtype)getattrs(stdscr);

	while (n > 0) {
		size_t k = n < 256 ? n : 256;

		for (size_t i = 0; i < k; i++)
			cells[i] = (chtype)(unsigned char)s[i] | at;
		mvaddchnstr(y, x, cells, (int)k);
		s += k;
		x += (int)k;
		n -= k;
	}
	move(y, x < COLS ? x : COLS - 1);
}

/* Printable ASCII: one column each, drawn as a run. */
static bool plain_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

int draw_text(int y, int x, const char *s, int cols)
{
	size_t len, off = 0;
	int used = 0;
	wchar_t cell[6];
	size_t n = 0;

	if (cols <= 0 || !s)
		return 0;
	if (move(y, x) == ERR)
		return 0;
	len = strlen(s);
	while (off < len) {
		uint32_t cp;
		size_t step;
		int w;
		bool known;

		/* Most text is ASCII: add it a run at a time.  The last one
		 * before anything else goes the slow way, for the combining
		 * marks that may follow it. */
		if (plain_ascii((unsigned char)s[off])) {
			size_t run = 1;

			while (off + run < len &&
			       plain_ascii((unsigned char)s[off + run]))
				run++;
			if (off + run < len)
				run--;
			if (run > 0) {
				if (n) {
					put_cell(cell);
					n = 0;
				}
				if (used >= cols)
					break;
				if (run > (size_t)(cols - used))
					run = (size_t)(cols - used);
				put_ascii(y, x + used, s + off, run);
				off += run;
				used += (int)run;
				continue;
			}
		}
		step = utf8_decode(s + off, len - off, &cp);
		w = utf8_cp_width(cp);
		known = !safe_cp_harmful(cp) && wcwidth((wchar_t)cp) == w;

		off += step ? step : 1;
		if (w == 0 && known) {
			if (n > 0 && n < 5) {
				cell[n++] = (wchar_t)cp;
				cell[n] = 0;
			}
			continue;
		}
		if (n) {
			put_cell(cell);
			n = 0;
		}
		if (used + w > cols) {
			/* Half a wide character: pad instead. */
			while (used < cols) {
				addch(' ');
				used++;
			}
			break;
		}
		if (cp == '\n' || cp == '\t' || cp == '\r') {
			/* Line breaks of a text shown on one line read as
			 * spaces, not as unknown characters. */
			addch(' ');
		} else if (!known) {
			for (int i = 0; i < w; i++)
				addch('?');
		} else {
			cell[0] = (wchar_t)cp;
			cell[1] = 0;
			n = 1;
		}
		used += w;
	}
	if (n)
		put_cell(cell);
	return used;
}

int draw_clip(int y, int x, const char *s, int cols)
{
	if (!s || cols <= 0)
		return 0;
	if (utf8_width(s) <= cols)
		return draw_text(y, x, s, cols);
	/* Cut one column short and mark the cut. */
	{
		int used = 0;
		size_t fit = utf8_fit(s, cols - 1, &used);
		char *t = str_ndup(s, fit);

		used = draw_text(y, x, t ? t : "", cols - 1);
		free(t);
		return used + draw_text(y, x + used, "…", 1);
	}
}

/* w blanks in the current attributes from (y, x), the cursor left
 * after them as addch would leave it. */
static void blanks(int y, int x, int w)
{
	if (w > 0 && mvhline(y, x, ' ' | (chtype)getattrs(stdscr), w) != ERR)
		move(y, x + w < COLS ? x + w : COLS - 1);
}

void draw_line(int y, int x, const char *s, int cols)
{
	int used = draw_text(y, x, s ? s : "", cols);

	if (used < cols)
		blanks(y, x + used, cols - used);
}

void draw_fill(int y, int x, int h, int w)
{
	for (int r = 0; r < h; r++)
		blanks(y + r, x, w);
}

void draw_hline(int y, int x, int w)
{
	if (w > 0)
		mvhline_set(y, x, WACS_HLINE, w);
}

void draw_vline(int y, int x, int h)
{
	if (h > 0)
		mvvline_set(y, x, WACS_VLINE, h);
}

void draw_box(int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	draw_fill(y, x, h, w);
	/* The wide-character line set: real box characters in a UTF-8
	 * locale, so the screen dump shows them too. */
	mvadd_wch(y, x, WACS_ULCORNER);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	if (title && *title && w > 6) {
		int used;

		mvaddch(y, x + 1, ' ');
		used = draw_clip(y, x + 2, title, w - 6);
		mvaddch(y, x + 2 + used, ' ');
	}
}

size_t draw_wrap(const char *s, int cols, size_t *starts, size_t *lens,
		 size_t max)
{
	size_t n = 0, off = 0, len;

	if (!s || cols <= 0)
		return 0;
	len = strlen(s);
	while (off <= len && n < max) {
		size_t eol = off, fit, brk;
		int used;
		char *line;

		while (eol < len && s[eol] != '\n')
			eol++;
		line = str_ndup(s + off, eol - off);
		if (!line)
			return n;
		fit = utf8_fit(line, cols, &used);
		if (fit < eol - off) {
			/* Break at the last space that fits, if any. */
			brk = fit;
			while (brk > 0 && line[brk] != ' ')
				brk--;
			if (brk > 0)
				fit = brk;
			else if (fit == 0)
				fit = utf8_next(line, eol - off, 0);
			starts[n] = off;
			lens[n] = fit;
			n++;
			off += fit;
			while (off < eol && s[off] == ' ')
				off++;
		} else {
			starts[n] = off;
			lens[n] = eol - off;
			n++;
			off = eol + 1;
		}
		free(line);
		if (eol >= len && off >= len)
			break;
	}
	return n;
}

int draw_wrapped(int y, int x, int h, int cols, const char *s)
{
	size_t st[32], ln[32], n;
	int r = 0;

	if (h <= 0 || cols <= 0 || !s || !*s)
		return 0;
	n = draw_wrap(s, cols, st, ln, 32);
	for (size_t i = 0; i < n && r < h; i++, r++) {
		struct buf b;

		buf_init(&b);
		buf_add(&b, s + st[i], ln[i]);
		/* The last row that fits ends with "…" when text remains. */
		if (r == h - 1 && i + 1 < n) {
			buf_puts(&b, " …");
			draw_clip(y + r, x, buf_str(&b), cols);
		} else {
			draw_line(y + r, x, buf_str(&b), cols);
		}
		buf_free(&b);
	}
	return r;
}

void draw_cell(struct buf *b, const char *s, int cols, bool right)
{
	int w, used = 0;
	size_t fit;

	if (!s)
		s = "";
	if (cols <= 0)
		return;
	w = utf8_width(s);
	if (w > cols) {
		fit = utf8_fit(s, cols - 1, &used);
		buf_add(b, s, fit);
		buf_puts(b, "…");
		used++;
		while (used++ < cols)
			buf_putc(b, ' ');
		return;
	}
	if (right)
		for (int i = w; i < cols; i++)
			buf_putc(b, ' ');
	buf_puts(b, s);
	if (!right)
		for (int i = w; i < cols; i++)
			buf_putc(b, ' ');
}

void draw_screen_text(struct buf *b)
{
	for (int y = 0; y < LINES; y++) {
		size_t keep;

		for (int x = 0; x < COLS; ) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t at;
			short pair;
			int w = 1;

			if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &at, &pair, NULL) == ERR) {
				buf_putc(b, ' ');
				x++;
				continue;
			}
			if (wch[0] == 0) {
				buf_putc(b, ' ');
			} else {
				for (int i = 0; i < CCHARW_MAX && wch[i]; i++) {
					char u[4];
					size_t l = utf8_encode((uint32_t)wch[i], u);

					buf_add(b, u, l);
				}
				w = wcwidth(wch[0]);
				if (w < 1)
					w = 1;
			}
			x += w;
		}
		/* Trim trailing spaces of this row. */
		keep = b->len;
		while (keep > 0 && b->data[keep - 1] == ' ')
			keep--;
		b->len = keep;
		if (b->data)
			b->data[keep] = '\0';
		buf_putc(b, '\n');
	}
}

/* Write b to path (replacing it) and free b. */
static int save_buf(const char *path, struct buf *b, struct error *e)
{
	int rc;

	if (b->oom) {
		buf_free(b);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	rc = atomic_write(path, buf_str(b), b->len, ATOMIC_OVERWRITE, e);
	buf_free(b);
	return rc;
}

int draw_save_display(const char *path, struct error *e)
{
	struct buf b;

	buf_init(&b);
	draw_screen_text(&b);
	return save_buf(path, &b, e);
}

int draw_save_attrs(const char *path, struct error *e)
{
	struct buf b;

	buf_init(&b);
	for (int y = 0; y < LINES; y++) {
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t at = 0;
			short pair = 0;
			char c = '.';

			if (mvwin_wch(stdscr, y, x, &cc) == OK &&
			    getcchar(&cc, wch, &at, &pair, NULL) != ERR) {
				if (pair)
					c = 'c';
				else if (at & A_REVERSE)
					c = 'r';
				else if (at & A_BOLD)
					c = 'b';
				else if (at & A_UNDERLINE)
					c = 'u';
				else if (at & A_DIM)
					c = 'd';
			}
			buf_putc(&b, c);
		}
		buf_putc(&b, '\n');
	}
	return save_buf(path, &b, e);
}

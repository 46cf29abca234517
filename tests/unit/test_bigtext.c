#include "config.h"
/*
 * test_bigtext: the block-letter widget of the presenter view: the fonts
 * are well formed and cover what they promise, widths are measured as
 * drawn, text wraps at spaces and after hyphens, the biggest size that
 * fits is chosen, and what is drawn (read back from a curses screen on
 * /dev/null) is the glyphs, a fallback in normal size, never more than the
 * width it was given.
 */

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "tui/draw.h"
#include "tui/widgets/bigtext.h"
#include "util/str.h"
#include "util/utf8.h"

static void test_fonts(void **state)
{
	static const char punct[] = ".,:;!?-+/%()'\"";
	static const uint32_t more[] = { 0x00B7, 0x2026, 0x2019, 0x201C,
					 0x2013 };
	char why[128] = "";

	(void)state;
	if (bigtext_font_check(why, sizeof(why)) < 0)
		fail_msg("font: %s", why);
	for (int sz = BIG_SMALL; sz < BIG_SIZES; sz++) {
		for (uint32_t c = '0'; c <= '9'; c++)
			assert_true(bigtext_has_glyph(c, (enum bigtext_size)sz));
		for (uint32_t c = 'A'; c <= 'Z'; c++) {
			assert_true(bigtext_has_glyph(c, (enum bigtext_size)sz));
			assert_true(bigtext_has_glyph(c - 'A' + 'a',
						      (enum bigtext_size)sz));
		}
		for (const char *p = punct; *p; p++)
			if (!bigtext_has_glyph((uint32_t)*p, (enum bigtext_size)sz))
				fail_msg("no glyph for %c in size %d", *p, sz);
		for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
			assert_true(bigtext_has_glyph(more[i], (enum bigtext_size)sz));
		/* Not in the fonts: drawn by the fallback. */
		assert_false(bigtext_has_glyph(0x00E9, (enum bigtext_size)sz));
		assert_false(bigtext_has_glyph(0x674E, (enum bigtext_size)sz));
		assert_false(bigtext_has_glyph('~', (enum bigtext_size)sz));
	}
	assert_false(bigtext_has_glyph('A', BIG_NORMAL));
	assert_int_equal(bigtext_rows(BIG_NORMAL), 1);
	assert_int_equal(bigtext_rows(BIG_SMALL), 3);
	assert_int_equal(bigtext_rows(BIG_MEDIUM), 4);
	assert_int_equal(bigtext_rows(BIG_LARGE), 7);
	assert_int_equal(bigtext_pitch(BIG_SMALL), 4);
}

static void test_width(void **state)
{
	(void)state;
	/* Digits are 3 / 5 / 10 columns, a point 1 / 2 / 4, gaps 1 / 1 / 2. */
	assert_int_equal(bigtext_width("0", BIG_SMALL), 3);
	assert_int_equal(bigtext_width("10", BIG_SMALL), 7);
	assert_int_equal(bigtext_width("3.95", BIG_SMALL), 13);
	assert_int_equal(bigtext_width("3.95", BIG_MEDIUM), 20);
	assert_int_equal(bigtext_width("3.95", BIG_LARGE), 40);
	assert_int_equal(bigtext_width("+1:30", BIG_SMALL), 3 + 3 + 1 + 3 + 3 + 4);
	/* A space is a pixel (small) or two, between two gaps. */
	assert_int_equal(bigtext_width("A B", BIG_SMALL), 3 + 1 + 1 + 1 + 3);
	assert_int_equal(bigtext_width("A B", BIG_LARGE), 10 + 2 + 4 + 2 + 10);
	/* Lowercase: capitals in the small font, small capitals of the
	 * capital's width in the others. */
	assert_int_equal(bigtext_width("m", BIG_SMALL),
			 bigtext_width("M", BIG_SMALL));
	assert_int_equal(bigtext_width("ab", BIG_MEDIUM), 11);
	/* A character the fonts lack takes a box of a glyph's width, or its
	 * own width when wider; one cluster is one box. */
	assert_int_equal(bigtext_width("李", BIG_SMALL), 3);
	assert_int_equal(bigtext_width("李", BIG_LARGE), 10);
	assert_int_equal(bigtext_width("e\xcc\x81", BIG_SMALL), 3);
	assert_int_equal(bigtext_width("A\xc3\xa9", BIG_MEDIUM), 5 + 1 + 5);
	/* Normal size is the display width. */
	assert_int_equal(bigtext_width("李x", BIG_NORMAL), 3);
	assert_int_equal(bigtext_width_n("ABC", 2, BIG_SMALL), 7);
	assert_int_equal(bigtext_width("", BIG_LARGE), 0);
	assert_int_equal(bigtext_width(NULL, BIG_LARGE), 0);
}

static void test_wrap(void **state)
{
	struct bigtext_line l[8];
	bool fits;
	size_t n;

	(void)state;
	/* "AB CD" is 7 + 2 + 7 columns in the small font. */
	n = bigtext_wrap("AB CD", BIG_SMALL, 17, l, 8, &fits);
	assert_int_equal(n, 1);
	assert_true(fits);
	assert_int_equal(l[0].cols, 17);
	n = bigtext_wrap("AB CD", BIG_SMALL, 16, l, 8, &fits);
	assert_int_equal(n, 2);
	assert_true(fits);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].len, 2);
	assert_int_equal(l[0].cols, 7);
	assert_int_equal(l[1].start, 3);
	assert_int_equal(l[1].len, 2);
	/* After a hyphen (kept on the first line). */
	n = bigtext_wrap("AB-CD", BIG_SMALL, 10, l, 8, &fits);
	assert_int_equal(n, 2);
	assert_true(fits);
	assert_int_equal(l[0].len, 3);
	assert_int_equal(l[0].cols, 10);
	assert_int_equal(l[1].start, 3);
	/* A word wider than the line is cut, and does not fit. */
	n = bigtext_wrap("ABCDEF", BIG_SMALL, 10, l, 8, &fits);
	assert_int_equal(n, 3);
	assert_false(fits);
	assert_int_equal(l[0].len + l[1].len + l[2].len, 6);
	for (size_t i = 0; i < n; i++)
		assert_true(l[i].cols <= 10);
	/* ... which is how normal text is always wrapped. */
	n = bigtext_wrap("abcdefghij", BIG_NORMAL, 4, l, 8, &fits);
	assert_int_equal(n, 3);
	assert_true(fits);
	/* Spaces around and between words go; a newline breaks. */
	n = bigtext_wrap("  AB  ", BIG_SMALL, 40, l, 8, &fits);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 2);
	assert_int_equal(l[0].len, 2);
	assert_int_equal(l[0].cols, 7);
	n = bigtext_wrap("AB   CD", BIG_SMALL, 8, l, 8, NULL);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].len, 2);
	assert_int_equal(l[1].start, 5);
	n = bigtext_wrap("AB\nCD", BIG_SMALL, 40, l, 8, NULL);
	assert_int_equal(n, 2);
	assert_int_equal(l[1].start, 3);
	/* Wide characters count two columns in normal text. */
	n = bigtext_wrap("李小龍李", BIG_NORMAL, 4, l, 8, NULL);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].cols, 4);
	assert_int_equal(l[0].len, 6);
	/* Nothing at all is one empty line; only `max` are stored. */
	n = bigtext_wrap("", BIG_LARGE, 10, l, 8, &fits);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].len, 0);
	assert_int_equal(bigtext_wrap("A B C D", BIG_SMALL, 3, l, 2, NULL), 4);
}

static void test_fit(void **state)
{
	(void)state;
	assert_int_equal(bigtext_height("AB CD", BIG_SMALL, 16), 7);
	assert_int_equal(bigtext_height("AB CD", BIG_SMALL, 17), 3);
	assert_int_equal(bigtext_height("ABCDEF", BIG_SMALL, 10), -1);
	/* "AB" is 22 columns by 7 rows in the large size, 11 by 4 medium,
	 * 7 by 3 small. */
	assert_int_equal(bigtext_fit("AB", 7, 100, BIG_LARGE), BIG_LARGE);
	assert_int_equal(bigtext_fit("AB", 6, 100, BIG_LARGE), BIG_MEDIUM);
	assert_int_equal(bigtext_fit("AB", 3, 100, BIG_LARGE), BIG_SMALL);
	assert_int_equal(bigtext_fit("AB", 2, 100, BIG_LARGE), BIG_NORMAL);
	assert_int_equal(bigtext_fit("AB", 7, 21, BIG_LARGE), BIG_MEDIUM);
	assert_int_equal(bigtext_fit("AB", 7, 6, BIG_LARGE), BIG_NORMAL);
	assert_int_equal(bigtext_fit("AB", 7, 100, BIG_MEDIUM), BIG_MEDIUM);
	/* Two lines of medium (4 + 1 + 4) beat one line of small. */
	assert_int_equal(bigtext_fit("AB CD", 9, 16, BIG_LARGE), BIG_MEDIUM);
	/* Text the fonts mostly lack stays in normal size. */
	assert_int_equal(bigtext_fit("李小龍", 40, 200, BIG_LARGE), BIG_NORMAL);
	assert_int_equal(bigtext_fit("Café", 40, 200, BIG_LARGE), BIG_LARGE);
	assert_int_equal(bigtext_fit(NULL, 40, 200, BIG_LARGE), BIG_NORMAL);
}

/* ---- drawing, read back from a screen on /dev/null ------------------------ */
static SCREEN *scr;
static FILE *scr_out, *scr_in;

static int screen_up(void **state)
{
	static const char *const terms[] = { "xterm-256color", "xterm",
					     "vt100", "ansi", "dumb" };

	(void)state;
	scr_out = fopen("/dev/null", "w");
	scr_in = fopen("/dev/null", "r");
	for (size_t i = 0; scr_out && scr_in && !scr && i < 5; i++)
		scr = newterm(terms[i], scr_out, scr_in);
	if (scr) {
		set_term(scr);
		resizeterm(12, 60);
	}
	return 0;
}

static int screen_down(void **state)
{
	(void)state;
	if (scr) {
		endwin();
		delscreen(scr);
	}
	if (scr_out)
		fclose(scr_out);
	if (scr_in)
		fclose(scr_in);
	return 0;
}

/* Row y of the screen as text (trailing spaces trimmed). */
static char *row_text(int y)
{
	struct buf b;
	char *all, *p, *r;

	buf_init(&b);
	draw_screen_text(&b);
	all = buf_detach(&b);
	p = all;
	for (int i = 0; i < y && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	r = p ? str_ndup(p, strcspn(p, "\n")) : str_dup("");
	free(all);
	return r;
}

static void assert_row(int y, const char *want)
{
	char *got = row_text(y);

	if (strcmp(got, want) != 0)
		fail_msg("row %d: got \"%s\", want \"%s\"", y, got, want);
	free(got);
}

static void test_draw(void **state)
{
	(void)state;
	if (!scr)
		skip();
	erase();
	/* A: .#. #.# ### #.# #.# in half blocks. */
	assert_int_equal(bigtext_draw(0, 0, 3, 60, "A", BIG_SMALL, BIG_LEFT), 3);
	assert_row(0, "▄▀▄");
	assert_row(1, "█▀█");
	assert_row(2, "▀ ▀");
	/* A character the font lacks: normal size on the middle row, centred
	 * in its box. */
	erase();
	bigtext_draw(0, 0, 3, 60, "1李é", BIG_SMALL, BIG_LEFT);
	assert_row(0, "▄█");
	assert_row(1, " █  李   é");
	assert_row(2, "▀▀▀");
	/* The large size doubles the medium font's pixels. */
	erase();
	assert_int_equal(bigtext_draw(0, 0, 12, 60, "I", BIG_LARGE, BIG_LEFT), 7);
	assert_row(0, "██████");
	assert_row(1, "  ██");
	assert_row(6, "██████");
	/* Small capitals: two pixel rows down, five high. */
	erase();
	bigtext_draw(0, 0, 4, 60, "Ee", BIG_MEDIUM, BIG_LEFT);
	assert_row(0, "█▀▀▀▀");
	assert_row(1, "█▄▄▄  █▀▀▀▀");
	assert_row(3, "▀▀▀▀▀ ▀▀▀▀▀");
	/* Centred, and wrapped lines never wider than the rectangle; a line
	 * that does not fit whole in the height is left out. */
	erase();
	assert_int_equal(bigtext_draw(0, 0, 12, 16, "AB CD EF", BIG_SMALL,
				      BIG_CENTRE), 11);
	for (int y = 0; y < 12; y++) {
		char *r = row_text(y);

		assert_true(utf8_width(r) <= 16);
		free(r);
	}
	assert_row(0, "    ▄▀▄ █▀▄");
	assert_row(8, "    █▀▀ █▀▀");
	erase();
	assert_int_equal(bigtext_draw(0, 0, 6, 16, "AB CD EF", BIG_SMALL,
				      BIG_LEFT), 3);
	assert_row(4, "");
	/* Normal size: the text itself, wrapped. */
	erase();
	assert_int_equal(bigtext_draw(0, 0, 5, 8, "one two three", BIG_NORMAL,
				      BIG_LEFT), 2);
	assert_row(0, "one two");
	assert_row(1, "three");
	/* Control characters and invalid bytes never reach the terminal. */
	erase();
	bigtext_draw(0, 0, 3, 60, "A\x01\xff", BIG_SMALL, BIG_LEFT);
	{
		char *r = row_text(1);

		assert_null(strchr(r, '\x01'));
		assert_true(utf8_valid(r, strlen(r), NULL));
		free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fonts),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_fit),
		cmocka_unit_test_setup_teardown(test_draw, screen_up, screen_down),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

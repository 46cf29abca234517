#include "config.h"
/*
 * test_tui: the parts of the terminal layer that need no terminal: key
 * names and the key table, the editing buffer, the list cursor and search,
 * the key-script parser, text wrapping and column padding.
 */

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <curses.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/names.h"
#include "tui/script.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/error.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- keys ---------------------------------------------------------------- */
static void test_key_parse(void **state)
{
	char nm[32];

	(void)state;
	assert_int_equal(key_parse("<Enter>"), TK_ENTER);
	assert_int_equal(key_parse("<Esc>"), TK_ESC);
	assert_int_equal(key_parse("<C-w>"), 23);
	assert_int_equal(key_parse("<C-A>"), 1);
	assert_int_equal(key_parse("<S-Tab>"), TK_FN(KEY_BTAB));
	assert_int_equal(key_parse("<Space>"), ' ');
	assert_int_equal(key_parse("<lt>"), '<');
	assert_int_equal(key_parse("j"), 'j');
	assert_int_equal(key_parse("é"), 0xE9);
	assert_int_equal(key_parse("李"), 0x674E);
	assert_int_equal(key_parse("<Bogus>"), -1);
	assert_int_equal(key_parse("ab"), -1);
	assert_int_equal(key_parse(""), -1);
	key_describe(TK_FN(KEY_PPAGE), nm, sizeof(nm));
	assert_string_equal(nm, "PgUp");
	key_describe(5, nm, sizeof(nm));
	assert_string_equal(nm, "C-e");
	key_describe(0x674E, nm, sizeof(nm));
	assert_string_equal(nm, "李");
}

/* Every key name in the table parses, and no key is bound twice in one
 * scope (the dispatcher would silently pick the first). */
static void test_key_table_sane(void **state)
{
	(void)state;
	for (size_t i = 0; i < tui_n_keys; i++) {
		assert_non_null(tui_keys[i].help);
		for (size_t j = 0; j < 10 && tui_keys[i].keys[j]; j++) {
			int k = key_parse(tui_keys[i].keys[j]);

			if (k < 0)
				fail_msg("key table: '%s' does not parse",
					 tui_keys[i].keys[j]);
			for (size_t i2 = i + 1; i2 < tui_n_keys; i2++) {
				if (tui_keys[i2].scope != tui_keys[i].scope)
					continue;
				for (size_t j2 = 0; j2 < 10 && tui_keys[i2].keys[j2]; j2++)
					if (key_parse(tui_keys[i2].keys[j2]) == k)
						fail_msg("key %s bound twice in scope %d",
							 tui_keys[i].keys[j],
							 (int)tui_keys[i].scope);
			}
		}
	}
}

static void test_key_lookup(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup(SC_NAV, 'j'), A_DOWN);
	assert_int_equal(keys_lookup(SC_NAV, TK_FN(KEY_DOWN)), A_DOWN);
	assert_int_equal(keys_lookup(SC_WORKSHOPS, 'n'), A_WS_NEW);
	assert_int_equal(keys_lookup(SC_SEARCH, 'n'), A_SEARCH_NEXT);
	assert_int_equal(keys_lookup(SC_GLOBAL, '7'), A_GOTO);
	/* Enter arrives as CR, LF or KEY_ENTER; Backspace in three ways. */
	assert_int_equal(keys_lookup(SC_EDIT, '\r'), A_ED_SAVE);
	assert_int_equal(keys_lookup(SC_EDIT, TK_FN(KEY_ENTER)), A_ED_SAVE);
	assert_int_equal(keys_lookup(SC_EDIT, TK_FN(KEY_BACKSPACE)), A_ED_BACKSPACE);
	assert_int_equal(keys_lookup(SC_TEXT, TK_ENTER), A_ED_NEWLINE);
	assert_int_equal(keys_lookup(SC_TEXT, TK_CTRL('e')), A_ED_EXTERNAL);
	assert_int_equal(keys_lookup(SC_EDIT, TK_CTRL('e')), A_ED_END);
	assert_int_equal(keys_lookup(SC_WORKSHOPS, 'z'), A_NONE);
	assert_non_null(keys_def(SC_WORKSHOPS, A_WS_DELETE));
	assert_true(keys_def(SC_WORKSHOPS, A_WS_DELETE)->edits);
	assert_false(keys_def(SC_WORKSHOPS, A_WS_OPEN)->edits);
}

/* ---- editing buffer -------------------------------------------------------- */
static void test_ebuf_utf8(void **state)
{
	struct ebuf b;

	(void)state;
	assert_int_equal(ebuf_init(&b, "a李🚀b"), 0);
	assert_int_equal(b.cur, strlen("a李🚀b"));
	ebuf_action(&b, A_ED_LEFT);          /* before b */
	ebuf_action(&b, A_ED_BACKSPACE);     /* deletes the whole emoji */
	assert_string_equal(b.s, "a李b");
	ebuf_action(&b, A_ED_LEFT);          /* before 李 */
	ebuf_insert_cp(&b, 0xE9);
	assert_string_equal(b.s, "aé李b");
	ebuf_action(&b, A_ED_DELETE);        /* deletes 李 */
	assert_string_equal(b.s, "aéb");
	ebuf_action(&b, A_ED_HOME);
	assert_int_equal(b.cur, 0);
	ebuf_action(&b, A_ED_BACKSPACE);     /* nothing before the start */
	assert_string_equal(b.s, "aéb");
	ebuf_action(&b, A_ED_END);
	assert_int_equal(b.cur, b.len);
	ebuf_action(&b, A_ED_RIGHT);         /* nothing after the end */
	assert_int_equal(b.cur, b.len);
	ebuf_free(&b);
	/* Invalid UTF-8 in the initial text is replaced, not kept. */
	assert_int_equal(ebuf_init(&b, "x\xff"), 0);
	assert_string_equal(b.s, "x\xef\xbf\xbd");
	ebuf_free(&b);
}

static void test_ebuf_kill(void **state)
{
	struct ebuf b;

	(void)state;
	assert_int_equal(ebuf_init(&b, "first line\nsecond  word here"), 0);
	ebuf_action(&b, A_ED_KILL_WORD);
	assert_string_equal(b.s, "first line\nsecond  word ");
	ebuf_action(&b, A_ED_KILL_WORD);     /* blanks, then the word */
	assert_string_equal(b.s, "first line\nsecond  ");
	ebuf_action(&b, A_ED_KILL_START);    /* only this line */
	assert_string_equal(b.s, "first line\n");
	b.cur = 5;
	ebuf_action(&b, A_ED_KILL_END);
	assert_string_equal(b.s, "first\n");
	ebuf_action(&b, A_ED_END);
	assert_int_equal(b.cur, 5);
	assert_int_equal(ebuf_action(&b, A_QUIT), 0);
	ebuf_free(&b);
}

/* The sequence: backspace and moves step over whole clusters. */
static void test_ebuf_clusters(void **state)
{
	struct ebuf b;

	(void)state;
	assert_int_equal(ebuf_init(&b, "测试👩‍💻🚀é"), 0);
	ebuf_action(&b, A_ED_BACKSPACE);     /* é */
	ebuf_action(&b, A_ED_BACKSPACE);     /* 🚀 */
	assert_string_equal(b.s, "测试👩‍💻");
	ebuf_action(&b, A_ED_LEFT);          /* over the whole ZWJ sequence */
	assert_int_equal(b.cur, strlen("测试"));
	ebuf_action(&b, A_ED_LEFT);
	assert_int_equal(b.cur, strlen("测"));
	ebuf_insert_cp(&b, 'X');
	assert_string_equal(b.s, "测X试👩‍💻");
	ebuf_action(&b, A_ED_END);
	ebuf_action(&b, A_ED_BACKSPACE);
	assert_string_equal(b.s, "测X试");
	ebuf_free(&b);

	/* A letter and its combining accent go together... */
	assert_int_equal(ebuf_init(&b, "ae\xCC\x81"), 0);
	ebuf_action(&b, A_ED_LEFT);
	assert_int_equal(b.cur, 1);
	ebuf_action(&b, A_ED_DELETE);
	assert_string_equal(b.s, "a");
	/* ... also when the accent is typed after the letter. */
	ebuf_insert_cp(&b, 'e');
	ebuf_insert_cp(&b, 0x301);
	assert_int_equal(b.cur, b.len);
	ebuf_action(&b, A_ED_LEFT);
	assert_int_equal(b.cur, 1);
	ebuf_free(&b);
	/* A letter typed before a lone mark joins it: the cursor goes after
	 * the pair, never inside it. */
	assert_int_equal(ebuf_init(&b, "\xCC\x81"), 0);
	ebuf_action(&b, A_ED_HOME);
	ebuf_insert_cp(&b, 'o');
	assert_int_equal(b.cur, 3);
	ebuf_free(&b);
	/* A flag is one character. */
	assert_int_equal(ebuf_init(&b, "🇫🇷!"), 0);
	ebuf_action(&b, A_ED_HOME);
	ebuf_action(&b, A_ED_DELETE);
	assert_string_equal(b.s, "!");
	ebuf_free(&b);
}

/* What typing may put into a text: never a control character, a
 * surrogate or a code point past U+10FFFF (they would reach the
 * terminal or break the UTF-8). */
static void test_ebuf_typable(void **state)
{
	(void)state;
	assert_true(ebuf_typable('a', false));
	assert_true(ebuf_typable(0xE9, false));
	assert_true(ebuf_typable(0x1F680, false));
	assert_true(ebuf_typable('\t', true));
	assert_false(ebuf_typable('\t', false));
	assert_false(ebuf_typable(27, true));
	assert_false(ebuf_typable(0x7F, true));
	assert_false(ebuf_typable(0x85, true));      /* C1 NEL */
	assert_false(ebuf_typable(0x9B, true));      /* C1 CSI */
	assert_false(ebuf_typable(0xD800, true));
	assert_false(ebuf_typable(0x110000, true));
	assert_false(ebuf_typable(TK_FN(KEY_F(5)), true));
	assert_false(ebuf_typable(TK_ALT('d'), true));
}

/* Esc and what the terminal sent with it in one burst. */
struct burst {
	const int *k;
	size_t n, i;
};

static int burst_next(void *ctx)
{
	struct burst *b = ctx;

	return b->i < b->n ? b->k[b->i++] : -1;
}

static int after_esc(const int *k, size_t n, size_t *used)
{
	struct burst b = { k, n, 0 };
	int key = keys_after_esc(burst_next, &b);

	*used = b.i;
	return key;
}

static void test_keys_after_esc(void **state)
{
	static const int alt_d[] = { 'd' };
	static const int paste_on[] = { '[', '2', '0', '0', '~', 'x' };
	static const int paste_off[] = { '[', '2', '0', '1', '~' };
	static const int c_left[] = { '[', '1', ';', '5', 'D', 'j' };
	static const int ss3[] = { 'O', 'P' };
	static const int lone_o[] = { 'O' };
	static const int bad[] = { '[', '1', 0x263A };
	char nm[32];
	size_t used;

	(void)state;
	assert_int_equal(after_esc(NULL, 0, &used), TK_ESC);
	assert_int_equal(after_esc(alt_d, 1, &used), TK_ALT('d'));
	assert_int_equal(after_esc(paste_on, 6, &used), TK_PASTE_BEGIN);
	assert_int_equal(used, 5);                   /* the text stays */
	assert_int_equal(after_esc(paste_off, 5, &used), TK_PASTE_END);
	/* A sequence curses does not know is one key, read to its end. */
	assert_int_equal(after_esc(c_left, 6, &used), TK_SEQ);
	assert_int_equal(used, 5);
	assert_int_equal(after_esc(ss3, 2, &used), TK_SEQ);
	assert_int_equal(after_esc(lone_o, 1, &used), TK_ALT('O'));
	assert_int_equal(after_esc(bad, 3, &used), TK_SEQ);
	assert_false(TK_IS_ALT(TK_SEQ));
	assert_true(TK_IS_FN(TK_ALT('d')));
	assert_int_equal(key_parse("<M-d>"), TK_ALT('d'));
	assert_int_equal(key_parse("<M-é>"), TK_ALT(0xE9));
	assert_int_equal(key_parse("<PasteBegin>"), TK_PASTE_BEGIN);
	assert_int_equal(key_parse("<M->"), -1);
	key_describe(TK_ALT('d'), nm, sizeof(nm));
	assert_string_equal(nm, "M-d");
}

/* The status bar of an editor reads the opener's hint. */
static void test_edit_bar(void **state)
{
	struct strv v = { 0 };

	(void)state;
	assert_int_equal(edit_bar_parse(&v, "a number above 0 · Enter next (weeks) · Esc cancel"), 0);
	assert_int_equal(v.n, 4);
	assert_string_equal(v.v[0], "Enter");
	assert_string_equal(v.v[1], "next (weeks)");
	assert_string_equal(v.v[2], "Esc");
	assert_string_equal(v.v[3], "cancel");
	strv_free(&v);
	assert_int_equal(edit_bar_parse(&v, "C-s save · Esc cancel · C-e $EDITOR"), 0);
	assert_int_equal(v.n, 6);
	assert_string_equal(v.v[4], "C-e");
	strv_free(&v);
	/* Words that are no key names give nothing. */
	assert_int_equal(edit_bar_parse(&v, "export FORMAT · goto N · who · help"), 0);
	assert_int_equal(v.n, 0);
	assert_int_equal(edit_bar_parse(&v, NULL), 0);
	assert_int_equal(v.n, 0);
}

/* ---- list ------------------------------------------------------------------ */
static const char *const rows[] = {
	"Heading", "alpha", "beta", "Heading 2", "gamma", "alphabet", "delta"
};

static const char *row_text(void *ctx, size_t i)
{
	(void)ctx;
	return rows[i];
}

static bool row_sel(void *ctx, size_t i)
{
	(void)ctx;
	return i != 0 && i != 3;
}

static void test_list_nav(void **state)
{
	struct list l;

	(void)state;
	list_init(&l, NULL, row_text, row_sel);
	l.height = 3;
	list_set_count(&l, 7);
	assert_int_equal(l.sel, 1);           /* the heading is skipped */
	list_nav(&l, A_DOWN);
	list_nav(&l, A_DOWN);
	assert_int_equal(l.sel, 4);           /* over "Heading 2" */
	assert_true(l.sel >= l.top && l.sel < l.top + 3);
	list_nav(&l, A_UP);
	assert_int_equal(l.sel, 2);
	list_nav(&l, A_LAST);
	assert_int_equal(l.sel, 6);
	assert_int_equal(l.top, 4);
	list_nav(&l, A_FIRST);
	assert_int_equal(l.sel, 1);
	assert_int_equal(l.top, 0);
	list_nav(&l, A_PAGE_DOWN);
	assert_true(l.sel > 1);
	/* Rows going away keep the cursor in range. */
	list_set_count(&l, 3);
	assert_true(l.sel < 3 && l.sel != 0);
	list_set_count(&l, 0);
	assert_int_equal(l.sel, 0);
	list_free(&l);
}

static void test_list_search(void **state)
{
	struct list l;

	(void)state;
	list_init(&l, NULL, row_text, row_sel);
	list_set_count(&l, 7);
	assert_true(list_search_set(&l, "ALPHA"));   /* case-insensitive */
	assert_int_equal(l.sel, 1);
	assert_true(list_search_step(&l, 1));
	assert_int_equal(l.sel, 5);
	assert_true(list_search_step(&l, 1));        /* wraps around */
	assert_int_equal(l.sel, 1);
	assert_true(list_search_step(&l, -1));
	assert_int_equal(l.sel, 5);
	assert_true(list_row_matches(&l, 5));
	assert_false(list_row_matches(&l, 2));
	/* Headings match the text but the cursor never rests on them. */
	assert_false(list_search_set(&l, "heading"));
	assert_int_equal(l.sel, 5);
	assert_false(list_search_set(&l, "zzz"));
	assert_true(list_search_set(&l, NULL));
	assert_null(l.search);
	assert_false(list_search_step(&l, 1));
	list_free(&l);
}

/* ---- script ------------------------------------------------------------------ */
static char *write_tmp(const char *text)
{
	char *path = strdup("/tmp/test_tui_XXXXXX");
	int fd;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_script_parse(void **state)
{
	struct script *s = NULL;
	struct error e;
	const struct sevent *ev;
	char *p = write_tmp("# comment\n\n"
			    "jk\n"
			    "<Down><Enter>\n"
			    "type: <a>: é\n"
			    ":save-display out.screen  \n"
			    "<Resize 60x16>\n"
			    "<Signal HUP>\n"
			    "<Click 3,1>\n"
			    "<Mouse:7,9,5>\n"
			    "<lt>x\n");

	(void)state;
	err_clear(&e);
	assert_int_equal(script_load(p, &s, &e), 0);
	unlink(p);
	free(p);
	{
		static const int keys[] = { 'j', 'k', 0, TK_ENTER, '<', 'a',
					    '>', ':', ' ', 0xE9 };

		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			ev = script_next(s);
			assert_non_null(ev);
			assert_int_equal(ev->kind, SEV_KEY);
			if (keys[i])
				assert_int_equal(ev->key, keys[i]);
			else
				assert_int_equal(ev->key, TK_FN(KEY_DOWN));
		}
	}
	ev = script_next(s);
	assert_int_equal(ev->kind, SEV_COMMAND);
	assert_string_equal(ev->command, "save-display out.screen");
	ev = script_next(s);
	assert_int_equal(ev->kind, SEV_RESIZE);
	assert_int_equal(ev->a, 60);
	assert_int_equal(ev->b, 16);
	ev = script_next(s);
	assert_int_equal(ev->kind, SEV_SIGNAL);
	ev = script_next(s);
	assert_int_equal(ev->kind, SEV_CLICK);
	assert_int_equal(ev->a, 3);
	assert_int_equal(ev->b, 1);
	assert_int_equal(ev->c, 1);
	ev = script_next(s);
	assert_int_equal(ev->kind, SEV_CLICK);
	assert_int_equal(ev->a, 7);
	assert_int_equal(ev->b, 9);
	assert_int_equal(ev->c, 5);
	ev = script_next(s);
	assert_int_equal(ev->key, '<');
	ev = script_next(s);
	assert_int_equal(ev->key, 'x');
	assert_null(script_next(s));
	script_free(&s);
	assert_null(s);
}

static void test_script_errors(void **state)
{
	struct script *s = NULL;
	struct error e;
	char *p = write_tmp("j\n\n<Nope>\n");

	(void)state;
	err_clear(&e);
	assert_int_equal(script_load(p, &s, &e), ST_INPUT);
	assert_null(s);
	assert_int_equal(e.line, 3);
	assert_non_null(strstr(e.msg, "<Nope>"));
	unlink(p);
	free(p);
	p = write_tmp("<Signal KILL>\n");
	err_clear(&e);
	assert_int_equal(script_load(p, &s, &e), ST_INPUT);
	unlink(p);
	free(p);
	/* A mouse button other than a press or the wheel, or junk after. */
	p = write_tmp("<Mouse:1,2,3>\n");
	err_clear(&e);
	assert_int_equal(script_load(p, &s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "bad mouse event"));
	unlink(p);
	free(p);
	p = write_tmp("<Mouse:1,2,4>x\n");
	err_clear(&e);
	assert_int_equal(script_load(p, &s, &e), ST_INPUT);
	unlink(p);
	free(p);
	err_clear(&e);
	assert_true(script_load("/nonexistent/script", &s, &e) < 0);
}

/* ---- wrapping and cells ------------------------------------------------------ */
static void test_wrap(void **state)
{
	size_t st[16], ln[16], n;
	const char *t = "one two three four";

	(void)state;
	n = draw_wrap(t, 9, st, ln, 16);
	assert_int_equal(n, 3);
	assert_int_equal(ln[0], 7);              /* "one two" */
	assert_memory_equal(t + st[1], "three", 5);
	assert_memory_equal(t + st[2], "four", 4);
	/* A word longer than the width is cut, not lost. */
	n = draw_wrap("abcdefghij", 4, st, ln, 16);
	assert_int_equal(n, 3);
	assert_int_equal(ln[0] + ln[1] + ln[2], 10);
	/* Newlines start lines; wide characters count two columns. */
	n = draw_wrap("李小龍李\nx", 4, st, ln, 16);
	assert_int_equal(n, 3);
	assert_int_equal(ln[0], 6);              /* two wide characters */
	assert_int_equal(draw_wrap("", 10, st, ln, 16), 1);
}

static void test_cell(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	draw_cell(&b, "ab", 4, false);
	assert_string_equal(buf_str(&b), "ab  ");
	b.len = 0;
	draw_cell(&b, "ab", 4, true);
	assert_string_equal(buf_str(&b), "  ab");
	b.len = 0;
	draw_cell(&b, "abcdef", 4, false);
	assert_string_equal(buf_str(&b), "abc…");
	b.len = 0;
	draw_cell(&b, "李小龍", 5, false);
	assert_string_equal(buf_str(&b), "李小…");
	b.len = 0;
	/* A wide character that does not fit whole is replaced by padding. */
	draw_cell(&b, "李小龍", 4, false);
	assert_string_equal(buf_str(&b), "李… ");
	b.len = 0;
	draw_cell(&b, "李小", 4, false);
	assert_string_equal(buf_str(&b), "李小");
	buf_free(&b);
}

/* ---- names cut apart ------------------------------------------------------ */
static void test_names_fit(void **state)
{
	const char *two[] = {
		"Deliver every service through one shared GitOps pipeline",
		"Deliver every service through one shared internal platform",
		"Short name",
	};
	const char *mid[] = {
		"Deliver every service through GitOps with a canary stage",
		"Deliver every service through Jenkins with a canary stage",
	};
	const char *same[] = { "Same long name for both rows", "Same long name for both rows" };
	const char *wide[] = { "寬字元寬字元寬字元寬字元甲", "寬字元寬字元寬字元寬字元乙" };
	char *out[3];

	(void)state;
	/* At 38 columns: the plain cut would read "Deliver every service
	 * through one s…" twice. */
	names_fit(two, 3, 38, out);
	assert_string_equal(out[0], "Deliver…one shared GitOps pipeline");
	assert_string_equal(out[1], "Deliver…one shared internal platform");
	assert_string_equal(out[2], "Short name");
	names_free(out, 3);
	/* Narrow: still told apart by their ends. */
	names_fit(two, 2, 18, out);
	assert_string_equal(out[0], "Deliver…pipeline");
	assert_string_equal(out[1], "Deliver…platform");
	assert_true(utf8_width(out[0]) <= 18 && utf8_width(out[1]) <= 18);
	names_free(out, 2);
	/* The same end: the middle where they differ shows. */
	names_fit(mid, 2, 24, out);
	assert_string_equal(out[0], "Deliver…GitOps with a c…");
	assert_string_equal(out[1], "Deliver…Jenkins with a …");
	assert_non_null(strstr(out[0], "GitOps"));
	assert_non_null(strstr(out[1], "Jenkins"));
	assert_true(utf8_width(out[0]) <= 24 && utf8_width(out[1]) <= 24);
	names_free(out, 2);
	/* Equal names stay equal; a name that fits is left whole. */
	names_fit(same, 2, 12, out);
	assert_string_equal(out[0], out[1]);
	assert_string_equal(out[0], "Same long n…");
	names_free(out, 2);
	/* Wide characters: never half of one, never more than the width. */
	names_fit(wide, 2, 11, out);
	assert_string_not_equal(out[0], out[1]);
	assert_true(utf8_width(out[0]) <= 11 && utf8_width(out[1]) <= 11);
	assert_non_null(strstr(out[0], "甲"));
	names_free(out, 2);
	out[0] = names_cut("Developer experience", 6);
	assert_string_equal(out[0], "Devel…");
	free(out[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_parse),
		cmocka_unit_test(test_key_table_sane),
		cmocka_unit_test(test_key_lookup),
		cmocka_unit_test(test_ebuf_utf8),
		cmocka_unit_test(test_ebuf_kill),
		cmocka_unit_test(test_ebuf_clusters),
		cmocka_unit_test(test_ebuf_typable),
		cmocka_unit_test(test_keys_after_esc),
		cmocka_unit_test(test_edit_bar),
		cmocka_unit_test(test_list_nav),
		cmocka_unit_test(test_list_search),
		cmocka_unit_test(test_script_parse),
		cmocka_unit_test(test_script_errors),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_cell),
		cmocka_unit_test(test_names_fit),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests of the safety helpers below the store: util/safetext (what
 * reaches a terminal), util/yaml_depth's alias expansion limit, the content
 * diag list that tells each problem once, and util/account.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "util/account.h"
#include "util/safetext.h"
#include "util/str.h"
#include "util/utf8.h"
#include "util/yaml_depth.h"

static void check_safe(const char *in, int flags, const char *want)
{
	char *got = safe_text(in, flags);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(safe_is_clean(in, strlen(in), flags),
			 strcmp(in, want) == 0);
	free(got);
}

static void test_safetext(void **state)
{
	(void)state;
	check_safe("plain text, é and 日本", 0, "plain text, é and 日本");
	/* OSC 0 (title), CSI 2 J (clear), OSC 52 (clipboard), DEL */
	check_safe("a\033]0;pwned\007b", 0, "a?]0;pwned?b");
	check_safe("\033[2J\033]52;c;aGk=\007\177", 0, "?[2J?]52;c;aGk=??");
	/* C1 CSI (U+009B) and the bidi controls */
	check_safe("x\xc2\x9b" "31m", 0, "x?31m");
	check_safe("\xe2\x80\xae" "txet" "\xe2\x81\xa6" "\xe2\x81\xa9" "\xd8\x9c"
		   "\xe2\x80\x8f", 0, "?txet????");
	/* line breaks and tabs: kept when asked, spaces otherwise */
	check_safe("a\nb\tc\r\nd", 0, "a b c  d");
	check_safe("a\nb\tc\r\nd\re", SAFE_KEEP_NL | SAFE_KEEP_TAB,
		   "a\nb\tc\nd e");
	/* invalid UTF-8 becomes U+FFFD */
	check_safe("caf\xe9!", 0, "caf\xef\xbf\xbd!");
	/* NULL is "" */
	{
		char *t = safe_text(NULL, 0);

		assert_string_equal(t, "");
		free(t);
	}
	/* what is harmful counts one column (shown as one '?') */
	assert_true(safe_cp_harmful(0x202E));
	assert_true(safe_cp_harmful(0x1B));
	assert_false(safe_cp_harmful(0x200B));
	assert_false(safe_cp_harmful('a'));
	assert_int_equal(utf8_cp_width(0x202E), 1);
	assert_int_equal(utf8_width("\xe2\x80\xae" "ab"), 3);
}

static void test_safe_fwrite(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(safe_fputs("t\033]0;x\007\n", SAFE_KEEP_NL, f), 0);
	assert_int_equal(safe_fwrite("ok", 2, 0, f), 0);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(text, "t?]0;x?\nok");
	free(text);
}

/* ---- the alias expansion limit ------------------------------------------ */

static int limits(const char *yaml, size_t max, struct error *e)
{
	err_clear(e);
	return yaml_limits_check("t.yaml", yaml, strlen(yaml), max, e);
}

static void test_alias_limit(void **state)
{
	struct buf b;
	struct error e;

	(void)state;
	/* Without aliases the file's own size is its callers' to check. */
	assert_int_equal(limits("a: [x, y, z, w]\n", 10, &e), ST_OK);
	/* Each alias counts as a copy of "&x [1234567890]" (15 bytes) in
	 * place of its own 2: 35 bytes of file, 74 expanded. */
	assert_int_equal(limits("a: &x [1234567890]\nb: [*x, *x, *x]\n", 74,
				&e), ST_OK);
	assert_int_equal(limits("a: &x [1234567890]\nb: [*x, *x, *x]\n", 73,
				&e), ST_INPUT);
	assert_string_equal(e.file, "t.yaml");
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 13);
	assert_non_null(strstr(e.msg, "aliases expand"));
	/* Nested aliases multiply: nine of nine of nine ... */
	buf_init(&b);
	buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i <= 9; i++) {
		buf_printf(&b, "a%d: &a%d [", i, i);
		for (int k = 0; k < 9; k++)
			buf_printf(&b, "%s*a%d", k ? ", " : "", i - 1);
		buf_puts(&b, "]\n");
	}
	assert_false(b.oom);
	err_clear(&e);
	assert_int_equal(yaml_limits_check("bomb.yaml", b.data, b.len,
					   16u << 20, &e), ST_INPUT);
	assert_true(e.line >= 7);
	/* ... and the same file is fine for the depth check alone. */
	assert_int_equal(yaml_depth_check("bomb.yaml", b.data, b.len, &e), ST_OK);
	buf_free(&b);
	/* An alias inside the node it names loops for ever. */
	assert_int_equal(limits("a: &l [x, *l]\n", 1 << 20, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "*l is inside the node it names"));
	/* A redefined anchor: the newest counts (73 + 4 x 4 bytes). */
	assert_int_equal(limits("a: &x [0123456789012345678901234567890123]\n"
				"b: &x [1]\nc: [*x, *x, *x, *x]\n", 89, &e), ST_OK);
	/* An undefined alias is the loader's to report. */
	assert_int_equal(limits("a: *nosuch\n", 100, &e), ST_OK);
	/* Depth is still checked. */
	buf_init(&b);
	for (int i = 0; i < 70; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < 70; i++)
		buf_putc(&b, ']');
	assert_int_equal(yaml_limits_check("deep.yaml", b.data, b.len,
					   1 << 20, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "nested more than"));
	buf_free(&b);
}

/* ---- each problem once ------------------------------------------------- */

static void test_diag_once(void **state)
{
	struct diag d = { 0 };
	struct error e;
	char line[2048];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		err_setloc(&e, ST_INPUT, "rules.yaml", 4, 7, "unknown key 'x'");
		assert_int_equal(diag_add(&d, &e), ST_OK);
		err_setloc(&e, ST_INPUT, "rules.yaml", 4, 7 + (i % 3),
			   "unknown key 'y'");
		assert_int_equal(diag_add(&d, &e), ST_OK);
	}
	assert_int_equal(d.n, 4);
	assert_int_equal(d.times[0], 5000);
	assert_string_equal(diag_format(&d, 0, line, sizeof(line)),
			    "rules.yaml:4:7: unknown key 'x' (reported 5000 "
			    "times)");
	assert_int_equal(d.times[1] + d.times[2] + d.times[3], 5000);
	/* Past DIAG_MAX different problems, the rest are only counted. */
	for (int i = 0; i < DIAG_MAX + 50; i++) {
		err_setloc(&e, ST_INPUT, "rules.yaml", i + 10, 1, "bad");
		assert_int_equal(diag_add(&d, &e), ST_OK);
	}
	assert_int_equal(d.n, DIAG_MAX);
	assert_int_equal(d.dropped, 54);
	err_setloc(&e, ST_INPUT, "other.yaml", 1, 1, "once");
	assert_int_equal(diag_add(&d, &e), ST_OK);
	assert_int_equal(d.dropped, 55);
	assert_string_equal(diag_format(&d, 5, line, sizeof(line)),
			    "rules.yaml:11:1: bad");
	diag_clear(&d);
	assert_int_equal(d.n, 0);
	assert_null(d.v);
}

/* ---- accounts ------------------------------------------------------------ */

static void test_accounts(void **state)
{
	char *a = NULL, *me = account_current(), *t;

	(void)state;
	assert_non_null(me);
	t = account_display(NULL, me);
	assert_string_equal(t, me);
	free(t);
	t = account_display(me, me);
	assert_string_equal(t, me);
	free(t);
	t = account_display("Maya", "ops");
	assert_string_equal(t, "Maya (via ops)");
	free(t);
	assert_int_equal(account_of_name("Maya (via ops)", &a), ST_OK);
	assert_string_equal(a, "ops");
	free(a);
	assert_int_equal(account_of_name("root", &a), ST_OK);
	assert_string_equal(a, "root");
	free(a);
	assert_int_equal(account_of_name("no-such-account-here", &a), ST_OK);
	assert_null(a);
	assert_int_equal(account_of_name("x (via )", &a), ST_OK);
	assert_null(a);
	assert_int_equal(account_of_name(NULL, &a), ST_OK);
	assert_null(a);
	free(me);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safetext),
		cmocka_unit_test(test_safe_fwrite),
		cmocka_unit_test(test_alias_limit),
		cmocka_unit_test(test_diag_once),
		cmocka_unit_test(test_accounts),
	};

	return cmocka_run_group_tests_name("safety", tests, NULL, NULL);
}

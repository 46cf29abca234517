/* Unit tests for src/util: strings, UTF-8, paths, atomic files, errors. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/atomic.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/num.h"
#include "util/path.h"
#include "util/shared.h"
#include "util/str.h"
#include "util/utf8.h"

static char tmpdir[64];

static int setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/charrette-util-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_buf(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_puts(&b, "abc"), 0);
	assert_int_equal(buf_printf(&b, "-%d-%s", 42, "x"), 0);
	assert_int_equal(buf_putc(&b, '!'), 0);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_putc(&b, 'z'), 0);
	assert_int_equal(b.len, 1009);
	assert_memory_equal(b.data, "abc-42-x!z", 10);
	s = buf_detach(&b);
	assert_non_null(s);
	assert_int_equal(strlen(s), 1009);
	assert_null(b.data);
	free(s);
	s = buf_detach(&b);   /* empty buffer still yields a string */
	assert_string_equal(s, "");
	free(s);
}

static void test_strv(void **state)
{
	struct strv a = { 0 }, b = { 0 };
	char *joined;

	(void)state;
	assert_int_equal(strv_split(&a, "one\ntwo\n\nfour", '\n'), 0);
	assert_int_equal(a.n, 4);
	assert_string_equal(a.v[2], "");
	assert_true(strv_contains(&a, "two"));
	assert_false(strv_contains(&a, "three"));
	joined = strv_join(&a, "|");
	assert_string_equal(joined, "one|two||four");
	free(joined);
	assert_int_equal(strv_copy(&b, &a), 0);
	assert_true(strv_equal(&a, &b));
	strv_push(&b, "five");
	assert_false(strv_equal(&a, &b));
	strv_free(&a);
	strv_free(&b);
	assert_int_equal(strv_split(&a, "", '\n'), 0);
	assert_int_equal(a.n, 0);
	assert_int_equal(a.n, 0);
}

static void test_str_helpers(void **state)
{
	char buf[64];
	char *s = NULL;
	char t[] = "  \t padded \n";

	(void)state;
	assert_true(str_eq(NULL, NULL));
	assert_false(str_eq("a", NULL));
	assert_true(str_empty(""));
	assert_true(str_empty(NULL));
	assert_true(str_startswith("charrette", "char"));
	assert_string_equal(str_trim(t), "padded");
	assert_int_equal(str_set(&s, "x"), 0);
	assert_int_equal(str_set(&s, "yz"), 0);
	assert_string_equal(s, "yz");
	assert_int_equal(str_set(&s, NULL), 0);
	assert_null(s);
	str_number(buf, sizeof(buf), 100);
	assert_string_equal(buf, "100");
	str_number(buf, sizeof(buf), 0.25);
	assert_string_equal(buf, "0.25");
	str_number(buf, sizeof(buf), 0.1 + 0.2);
	assert_true(strtod(buf, NULL) == 0.1 + 0.2);
	str_number(buf, sizeof(buf), -3);
	assert_string_equal(buf, "-3");
	str_number(buf, sizeof(buf), 1.0 / 3.0);
	assert_true(strtod(buf, NULL) == 1.0 / 3.0);
}

static void test_utf8(void **state)
{
	size_t bad = 99;
	uint32_t cp;
	char enc[4];
	char *clean;
	int used;
	const char *mixed = "a\xE6\x97\xA5\xF0\x9F\x98\x80z";  /* a 日 😀 z */

	(void)state;
	assert_true(utf8_one_line("caf\xC3\xA9 \xE6\x97\xA5", NULL));
	assert_false(utf8_one_line("two\nlines", &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_one_line("a\tb", &bad));
	assert_int_equal(bad, 1);
	assert_false(utf8_one_line("x\x7F", &bad));
	assert_int_equal(bad, 1);
	assert_false(utf8_one_line("ab\xC2\x9B[2J", &bad)); /* C1 CSI */
	assert_int_equal(bad, 2);
	assert_true(utf8_valid("plain", 5, NULL));
	assert_true(utf8_valid(mixed, strlen(mixed), NULL));
	assert_false(utf8_valid("ab\xC3", 3, &bad));  /* truncated */
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xC0\xAF", 2, &bad)); /* overlong '/' */
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
	assert_false(utf8_valid("\xF4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
	assert_int_equal(utf8_decode("\xE6\x97\xA5", 3, &cp), 3);
	assert_int_equal(cp, 0x65E5);
	assert_int_equal(utf8_encode(0x1F600, enc), 4);
	assert_memory_equal(enc, "\xF0\x9F\x98\x80", 4);
	assert_int_equal(utf8_encode(0xE9, enc), 2);
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width(mixed), 6);   /* 1 + 2 + 2 + 1 */
	/* A wide character never straddles the cut. */
	assert_int_equal(utf8_fit(mixed, 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(utf8_fit(mixed, 3, &used), 4);
	assert_int_equal(used, 3);
	assert_int_equal(utf8_next(mixed, strlen(mixed), 1), 4);
	assert_int_equal(utf8_prev(mixed, 4), 1);
	assert_int_equal(utf8_prev(mixed, 0), 0);
	clean = utf8_sanitize("ok\xFFok");
	assert_string_equal(clean, "ok\xEF\xBF\xBDok");
	free(clean);
}

static void test_error(void **state)
{
	struct error e;
	char line[256];

	(void)state;
	err_clear(&e);
	assert_int_equal(err_set(&e, ST_INPUT, "bad %s", "thing"), ST_INPUT);
	assert_string_equal(err_format(&e, line, sizeof(line)), "bad thing");
	err_setloc(&e, ST_INPUT, "data/x.yaml", 3, 7, "unknown key '%s'", "foo");
	assert_string_equal(err_format(&e, line, sizeof(line)),
			    "data/x.yaml:3:7: unknown key 'foo'");
	err_setloc(&e, ST_INPUT, "adr.md", 4, 0, "no title");
	assert_string_equal(err_format(&e, line, sizeof(line)), "adr.md:4: no title");
	assert_int_equal(err_exit_code(ST_OK), 0);
	assert_int_equal(err_exit_code(ST_INPUT), 2);
	assert_int_equal(err_exit_code(ST_NOTFOUND), 2);
	assert_int_equal(err_exit_code(ST_ERROR), 1);
	assert_int_equal(err_exit_code(ST_CONFLICT), 1);
}

static void test_paths(void **state)
{
	struct error e;
	char *p, *dir;

	(void)state;
	err_clear(&e);
	p = path_join("a/", "b");
	assert_string_equal(p, "a/b");
	free(p);
	p = path_join("a", "b");
	assert_string_equal(p, "a/b");
	free(p);
	setenv("XDG_DATA_HOME", "/srv/xdg", 1);
	p = path_default_db(&e);
	assert_string_equal(p, "/srv/xdg/charrette/charrette.db");
	free(p);
	/* A relative XDG value is invalid and ignored (XDG spec). */
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/tester", 1);
	p = path_default_db(&e);
	assert_string_equal(p, "/home/tester/.local/share/charrette/charrette.db");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = path_user_data_dir(&e);
	assert_string_equal(p, "/home/tester/.config/charrette/data");
	free(p);
	p = path_dirname("/x/y/z.db");
	assert_string_equal(p, "/x/y");
	free(p);
	p = path_dirname("z.db");
	assert_string_equal(p, ".");
	free(p);
	assert_string_equal(path_basename("/x/y/z.db"), "z.db");

	dir = str_printf("%s/one/two/three", tmpdir);
	assert_int_equal(path_mkdir_p(dir, 0755, &e), 0);
	assert_int_equal(access(dir, W_OK), 0);
	assert_int_equal(path_mkdir_p(dir, 0755, &e), 0);  /* exists: fine */
	free(dir);
	/* A component that is a regular file cannot become a folder. */
	p = str_printf("%s/file", tmpdir);
	assert_int_equal(atomic_write(p, "x", 1, 0, &e), 0);
	dir = str_printf("%s/sub", p);
	assert_int_equal(path_mkdir_p(dir, 0755, &e), ST_ERROR);
	assert_non_null(strstr(e.msg, "cannot create folder"));
	free(dir);
	free(p);
}

static void test_atomic(void **state)
{
	struct error e;
	char *path = str_printf("%s/out.md", tmpdir);
	char *link = str_printf("%s/link.md", tmpdir);
	char *victim = str_printf("%s/victim.txt", tmpdir);
	char *data = NULL;
	size_t len;
	struct stat st;

	(void)state;
	err_clear(&e);
	assert_int_equal(atomic_write(path, "hello\n", 6, 0, &e), 0);
	assert_int_equal(file_read_all(path, &data, &len, &e), 0);
	assert_int_equal(len, 6);
	assert_string_equal(data, "hello\n");
	free(data);
	/* Same content again: fine, nothing to do. */
	assert_int_equal(atomic_write(path, "hello\n", 6, 0, &e), 0);
	/* Different content is refused without the overwrite flag ... */
	assert_int_equal(atomic_write(path, "other\n", 6, 0, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "already exists"));
	assert_int_equal(file_read_all(path, &data, &len, &e), 0);
	assert_string_equal(data, "hello\n");
	free(data);
	/* ... and replaces it with the flag. */
	assert_int_equal(atomic_write(path, "other\n", 6, ATOMIC_OVERWRITE, &e), 0);
	assert_int_equal(file_read_all(path, &data, &len, &e), 0);
	assert_string_equal(data, "other\n");
	free(data);
	/* A symlink at the target is never followed. */
	assert_int_equal(atomic_write(victim, "keep", 4, 0, &e), 0);
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(atomic_write(link, "evil", 4, ATOMIC_OVERWRITE, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "symbolic link"));
	assert_int_equal(file_read_all(victim, &data, &len, &e), 0);
	assert_string_equal(data, "keep");
	free(data);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	/* Missing file reads as not found. */
	assert_int_equal(file_read_all("/nonexistent/charrette", &data, &len, &e),
			 ST_NOTFOUND);
	free(path);
	free(link);
	free(victim);
}

static void test_shared(void **state)
{
	struct error e;
	struct strv w = { 0 };
	char *dir = str_printf("%s/team", tmpdir);
	char *db = str_printf("%s/team/team.db", tmpdir);
	char *solo = str_printf("%s/solo.db", tmpdir);
	struct stat st;
	mode_t old = umask(077);

	(void)state;
	err_clear(&e);
	/* A setgid group folder: the database is created 0660 despite the
	 * creator's umask 077, and nothing is wrong. */
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(chmod(dir, 02770), 0);
	assert_int_equal(shared_prepare_db(db, &w, &e), 0);
	assert_int_equal(stat(db, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
	assert_int_equal(w.n, 0);
	/* A file that lost its group write bit is reported with the fix. */
	assert_int_equal(chmod(db, 0600), 0);
	assert_int_equal(shared_prepare_db(db, &w, &e), 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0], "not group-writable"));
	assert_non_null(strstr(w.v[0], "chmod g+w"));
	strv_free(&w);
	/* Group-writable without setgid is worth a warning too. */
	assert_int_equal(chmod(db, 0660), 0);
	assert_int_equal(chmod(dir, 0770), 0);
	assert_int_equal(shared_prepare_db(db, &w, &e), 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0], "setgid"));
	strv_free(&w);
	/* A private folder is left alone: no file is created in advance. */
	assert_int_equal(shared_prepare_db(solo, &w, &e), 0);
	assert_int_equal(w.n, 0);
	assert_int_not_equal(stat(solo, &st), 0);
	umask(old);
	free(dir);
	free(db);
	free(solo);
}

static void test_clock(void **state)
{
	char day[16];

	(void)state;
	setenv("CHARRETTE_NOW", "1795651200", 1);   /* 2026-11-26 00:00 UTC */
	assert_int_equal(clock_now(), 1795651200);
	clock_today(day, sizeof(day));
	assert_string_equal(day, "2026-11-26");
	setenv("CHARRETTE_NOW", "garbage", 1);
	assert_true(clock_now() > 1700000000);
	unsetenv("CHARRETTE_NOW");
}

static void test_num(void **state)
{
	char b[NUM_BUF];
	double v = -1;

	(void)state;
	assert_string_equal(num_fmt(b, sizeof(b), NUM_VALUE, 10.0 / 3), "3.33");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_VALUE, 4.5), "4.5");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_VALUE, 150), "150");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_VALUE, 0.2299), "0.23");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_VALUE, -0.001), "0");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_TOTAL, 3.5), "3.50");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_TOTAL, 3.5949), "3.59");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_TOTAL, -0.0), "0.00");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_RATIO, 0.0224), "0.022");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_PERCENT, 0.1429), "14%");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_PERCENT1, 0.1429), "14.3%");
	assert_string_equal(num_fmt(b, sizeof(b), NUM_TOTAL, 0.0 / 0.0), "–");

	assert_int_equal(num_parse(" 4.5 ", &v), 0);
	assert_true(v == 4.5);
	assert_int_equal(num_parse("4,5", &v), 0);
	assert_true(v == 4.5);
	assert_int_equal(num_parse("-2", &v), 0);
	assert_true(v == -2);
	assert_int_equal(num_parse(".5", &v), 0);
	assert_true(v == 0.5);
	v = 7;
	assert_int_equal(num_parse("", &v), ST_INPUT);
	assert_int_equal(num_parse("  ", &v), ST_INPUT);
	assert_int_equal(num_parse("1e3", &v), ST_INPUT);
	assert_int_equal(num_parse("0x10", &v), ST_INPUT);
	assert_int_equal(num_parse("nan", &v), ST_INPUT);
	assert_int_equal(num_parse("1.2.3", &v), ST_INPUT);
	assert_int_equal(num_parse("3 hours", &v), ST_INPUT);
	assert_int_equal(num_parse("-", &v), ST_INPUT);
	assert_true(v == 7);

	assert_string_equal(num_unit(1, "hour", "hours"), "hour");
	assert_string_equal(num_unit(2, "hour", "hours"), "hours");
	assert_string_equal(num_unit(1, NULL, "%"), "%");

	assert_string_equal(num_duration(b, sizeof(b), 10), "10 min");
	assert_string_equal(num_duration(b, sizeof(b), 0), "0 min");
	assert_string_equal(num_duration(b, sizeof(b), 60), "1 h");
	assert_string_equal(num_duration(b, sizeof(b), 75), "1 h 15 min");
	assert_string_equal(num_duration(b, sizeof(b), -5), "-5 min");
	assert_string_equal(num_clock(b, sizeof(b), 545), "9:05");
	assert_string_equal(num_clock(b, sizeof(b), 0), "0:00");
	assert_string_equal(num_clock(b, sizeof(b), -61), "+1:01");
}

/* Grapheme clusters: what the editors step over, delete and measure. */
static size_t next_of(const char *s, size_t off)
{
	return utf8_cluster_next(s, strlen(s), off);
}

static char *shown(const char *s)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	utf8_cluster_shown(&b, s, strlen(s));
	return buf_detach(&b);
}

static void test_utf8_clusters(void **state)
{
	/* 测 试 👩‍💻 🚀 é(e + U+0301) 🇫🇷 👍🏽 ❤️ 1️⃣ */
	const char *t = "\xE6\xB5\x8B\xE8\xAF\x95"
			"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"
			"\xF0\x9F\x9A\x80" "e\xCC\x81"
			"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"
			"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
			"\xE2\x9D\xA4\xEF\xB8\x8F" "1\xEF\xB8\x8F\xE2\x83\xA3";
	static const size_t ends[] = { 3, 6, 17, 21, 24, 32, 40, 46, 53 };
	static const int widths[] = { 2, 2, 2, 2, 1, 2, 2, 2, 2 };
	const char *ri3 = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xAA";
	size_t off = 0, len = strlen(t);
	char *v;

	(void)state;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t e = next_of(t, off);

		assert_int_equal(e, ends[i]);
		assert_int_equal(utf8_cluster_width(t + off, e - off), widths[i]);
		assert_int_equal(utf8_cluster_prev(t, e), off);
		off = e;
	}
	assert_int_equal(off, len);
	assert_int_equal(utf8_cluster_span(t, 0, len), 17);
	assert_int_equal(utf8_cluster_prev(t, 0), 0);
	/* A cursor inside a cluster steps back to its start. */
	assert_int_equal(utf8_cluster_prev(t, 10), 6);

	/* Three regional indicators: a flag, then a lone one. */
	assert_int_equal(next_of(ri3, 0), 8);
	assert_int_equal(next_of(ri3, 8), 12);
	assert_int_equal(utf8_cluster_width(ri3 + 8, 4), 1);
	/* A ZWJ joins emoji only: after a letter the next letter is apart. */
	assert_int_equal(next_of("a\xE2\x80\x8D" "b", 0), 4);
	/* CR LF is one; other controls and invalid bytes stand alone. */
	assert_int_equal(next_of("\r\nx", 0), 2);
	assert_int_equal(utf8_cluster_prev("x\r\n", 3), 1);
	assert_int_equal(next_of("\t\xCC\x81", 0), 1);
	assert_int_equal(next_of("\xFF\xCC\x81", 0), 1);
	assert_int_equal(utf8_cluster_width("\xFF", 1), 1);
	assert_int_equal(utf8_cluster_width("\x01", 1), 1);
	assert_int_equal(next_of("", 0), 0);

	/* What is drawn has the width counted, code point by code point. */
	v = shown("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
	assert_string_equal(v, "\xF0\x9F\x91\xA9");          /* 👩 */
	free(v);
	v = shown("\xE2\x9D\xA4\xEF\xB8\x8F");
	assert_string_equal(v, "\xE2\x9D\xA4 ");              /* ❤ + space */
	free(v);
	v = shown("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
	assert_string_equal(v, "\xF0\x9F\x91\x8D");          /* 👍 */
	free(v);
	v = shown("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7");       /* the flag */
	assert_string_equal(v, "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7");
	assert_int_equal(utf8_width(v), 2);
	free(v);
	v = shown("e\xCC\x81");
	assert_string_equal(v, "e\xCC\x81");
	free(v);
	/* Every cluster of the sample: the same count both ways. */
	for (off = 0; off < len; ) {
		size_t e = next_of(t, off);
		char *one = malloc(e - off + 1);

		assert_non_null(one);
		memcpy(one, t + off, e - off);
		one[e - off] = '\0';
		v = shown(one);
		assert_int_equal(utf8_width(v), utf8_cluster_width(one, e - off));
		free(v);
		free(one);
		off = e;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_strv),
		cmocka_unit_test(test_str_helpers),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_clusters),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_atomic),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_num),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}

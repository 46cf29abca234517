/* test_fileset: util/atomic's set of files written all or nothing. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/atomic.h"
#include "util/error.h"
#include "util/str.h"

static char *tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *d = str_printf("%s/test-fileset-XXXXXX", t && *t ? t : "/tmp");

	assert_non_null(d);
	assert_non_null(mkdtemp(d));
	return d;
}

static void put(const char *dir, const char *name, const char *text)
{
	char *p = str_printf("%s/%s", dir, name);
	FILE *f = p ? fopen(p, "w") : NULL;

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
	free(p);
}

/* The content of dir/name, or NULL when it is missing. */
static char *get(const char *dir, const char *name)
{
	char *p = str_printf("%s/%s", dir, name), *text = NULL;
	size_t len;

	assert_non_null(p);
	if (file_read_all(p, &text, &len, NULL) < 0)
		text = NULL;
	free(p);
	return text;
}

static void assert_file(const char *dir, const char *name, const char *want)
{
	char *got = get(dir, name);

	if (!want) {
		if (got)
			fail_msg("%s should not exist, holds '%s'", name, got);
		return;
	}
	if (!got)
		fail_msg("%s is missing", name);
	assert_string_equal(got, want);
	free(got);
}

/* How many entries of dir start with prefix. */
static int count_prefix(const char *dir, const char *prefix)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)))
		n += strncmp(de->d_name, prefix, strlen(prefix)) == 0;
	closedir(dp);
	return n;
}

static void rm_tree(const char *dir)
{
	char *cmd = str_printf("rm -rf '%s'", dir);

	assert_non_null(cmd);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void test_commit(void **state)
{
	char *dir = tmpdir();
	struct fileset *fs = fileset_new(dir);
	struct error e;

	(void)state;
	assert_non_null(fs);
	put(dir, "b.md", "old b\n");
	assert_int_equal(fileset_add(fs, "a.md", "new a\n", 6, &e), ST_OK);
	assert_int_equal(fileset_add(fs, "b.md", "first\n", 6, &e), ST_OK);
	/* A second add of a name replaces the first. */
	assert_int_equal(fileset_add(fs, "b.md", "new b\n", 6, &e), ST_OK);
	assert_int_equal(fileset_add(fs, "c.md", "", 0, &e), ST_OK);
	assert_int_equal(fileset_count(fs), 3);
	assert_int_equal(fileset_add(fs, "../x.md", "x", 1, &e), ST_INPUT);
	assert_int_equal(fileset_add(fs, ".hidden", "x", 1, &e), ST_INPUT);
	assert_int_equal(fileset_commit(fs, &e), ST_OK);
	assert_file(dir, "a.md", "new a\n");
	assert_file(dir, "b.md", "new b\n");
	assert_file(dir, "c.md", "");
	/* Nothing of ours is left behind. */
	assert_int_equal(count_prefix(dir, ".charrette"), 0);
	fileset_free(&fs);
	assert_null(fs);
	rm_tree(dir);
	free(dir);
}

/* A symlink among the targets: refused, and none of the set is written. */
static void test_symlink_refused(void **state)
{
	char *dir = tmpdir(), *victim = str_printf("%s/victim", dir);
	char *link = str_printf("%s/b.md", dir);
	struct fileset *fs = fileset_new(dir);
	struct error e;

	(void)state;
	assert_non_null(fs);
	put(dir, "victim", "keep\n");
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(fileset_add(fs, "a.md", "a\n", 2, &e), ST_OK);
	assert_int_equal(fileset_add(fs, "b.md", "evil\n", 5, &e), ST_OK);
	assert_int_equal(fileset_commit(fs, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "symbolic link"));
	assert_file(dir, "victim", "keep\n");
	assert_file(dir, "a.md", NULL);
	assert_int_equal(count_prefix(dir, ".charrette"), 0);
	fileset_free(&fs);
	free(victim);
	free(link);
	rm_tree(dir);
	free(dir);
}

/* What a crash leaves: before the journal, stray temporary files (removed);
 * after it, renames still to do (completed). */
static void test_recover(void **state)
{
	char *dir = tmpdir();
	struct error e;
	bool did;

	(void)state;
	put(dir, "a.md", "old a\n");
	put(dir, "b.md", "old b\n");
	put(dir, ".charrette-tmp-a.md.000001", "new a\n");
	put(dir, ".charrette-tmp-b.md.000002", "new b\n");
	put(dir, ".charrette-tmp-c.md.000003", "stray\n");
	put(dir, ".charrette-journal",
	    ".charrette-tmp-a.md.000001\ta.md\n"
	    ".charrette-tmp-b.md.000002\tb.md\n");
	/* One rename already happened before the crash. */
	{
		char *from = str_printf("%s/.charrette-tmp-a.md.000001", dir);
		char *to = str_printf("%s/a.md", dir);

		assert_int_equal(rename(from, to), 0);
		free(from);
		free(to);
	}
	assert_int_equal(fileset_recover(dir, &did, &e), ST_OK);
	assert_true(did);
	assert_file(dir, "a.md", "new a\n");
	assert_file(dir, "b.md", "new b\n");
	assert_int_equal(count_prefix(dir, ".charrette"), 0);
	assert_int_equal(fileset_recover(dir, &did, &e), ST_OK);
	assert_false(did);
	/* A folder that does not exist has nothing to recover. */
	assert_int_equal(fileset_recover("/nonexistent/charrette", &did, &e),
			 ST_OK);
	rm_tree(dir);
	free(dir);
}

/* Killed part-way through the renames (as kill -9 would): the folder holds
 * a mix until the next commit or recovery completes the new set. */
static void test_killed_midway(void **state)
{
	char *dir = tmpdir();
	char name[32], text[32];
	pid_t pid;
	int status;
	struct error e;
	bool did;

	(void)state;
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "%02d.md", i);
		put(dir, name, "old\n");
	}
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct fileset *fs = fileset_new(dir);

		setenv("CHARRETTE_TEST_CRASH", "fileset:4", 1);
		for (int i = 0; i < 10 && fs; i++) {
			snprintf(name, sizeof(name), "%02d.md", i);
			if (fileset_add(fs, name, "new\n", 4, &e) < 0)
				_exit(3);
		}
		fileset_commit(fs, &e);
		_exit(4);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	assert_file(dir, "00.md", "new\n");
	assert_file(dir, "09.md", "old\n");
	assert_int_equal(count_prefix(dir, ".charrette-journal"), 1);
	assert_int_equal(fileset_recover(dir, &did, &e), ST_OK);
	assert_true(did);
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "%02d.md", i);
		snprintf(text, sizeof(text), "new\n");
		assert_file(dir, name, text);
	}
	assert_int_equal(count_prefix(dir, ".charrette"), 0);
	rm_tree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit),
		cmocka_unit_test(test_symlink_refused),
		cmocka_unit_test(test_recover),
		cmocka_unit_test(test_killed_midway),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * golden: comparing an exporter's output with its golden file under
 * tests/golden/, for the export unit tests (test_export.c, test_report.c).
 * CHARRETTE_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing
 * (review them before committing); a difference leaves the output in
 * ./NAME.actual for a look.  Include after cmocka.h.
 */
#ifndef CHARRETTE_TESTS_GOLDEN_H
#define CHARRETTE_TESTS_GOLDEN_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/atomic.h"
#include "util/error.h"
#include "util/path.h"
#include "util/str.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

/* A path under the source tree ($top_srcdir when make check sets it). */
static char *srcpath(const char *rel)
{
	const char *top = getenv("top_srcdir");
	char *p = path_join(top && *top ? top : TOP_SRCDIR, rel);

	assert_non_null(p);
	return p;
}

static bool updating(void)
{
	const char *u = getenv("CHARRETTE_UPDATE_GOLDEN");

	return u && strcmp(u, "1") == 0;
}

static void golden(const char *name, const struct buf *b)
{
	char *rel = str_printf("tests/golden/%s", name);
	char *path = srcpath(rel);
	char *want = NULL;
	size_t len = 0;
	struct error e;

	assert_false(b->oom);
	if (updating()) {
		char *dir = path_dirname(path);

		assert_int_equal(path_mkdir_p(dir, 0777, &e), 0);
		assert_int_equal(atomic_write(path, buf_str(b), b->len,
					      ATOMIC_OVERWRITE, &e), 0);
		free(dir);
	} else {
		if (file_read_all(path, &want, &len, &e) < 0)
			fail_msg("%s", e.msg);
		if (len != b->len || memcmp(want, buf_str(b), len) != 0) {
			char *actual = str_printf("%s.actual", path_basename(path));

			atomic_write(actual, buf_str(b), b->len,
				     ATOMIC_OVERWRITE, &e);
			fail_msg("%s differs from the golden file (this output is in ./%s)",
				 rel, actual);
		}
		free(want);
	}
	free(rel);
	free(path);
}

#endif

#include "config.h"
/*
 * replay: run a fuzz harness without libFuzzer.  Every file named on the
 * command line, and every file of every folder named there (sorted, not
 * recursing), is fed to LLVMFuzzerTestOneInput once.  This is how `make
 * check` keeps the seed and regression corpora passing, under valgrind or
 * the sanitizers as the build has them.  A broken invariant aborts.
 */

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/path.h"
#include "util/str.h"
#include "fuzz.h"

/* The whole file; NULL (and a message) when it cannot be read. */
static uint8_t *slurp(const char *path, size_t *len)
{
	struct buf b;
	char chunk[8192];
	size_t n;
	FILE *f;

	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&b, chunk, n) < 0)
			break;
	if (ferror(f) || b.oom) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	/* An empty input is fed as a valid pointer, as libFuzzer does. */
	if (!b.data && buf_add(&b, "", 1) < 0) {
		buf_free(&b);
		return NULL;
	}
	return (uint8_t *)buf_detach(&b);
}

static int run_file(const char *path)
{
	uint8_t *data;
	size_t len = 0;

	data = slurp(path, &len);
	if (!data)
		return -1;
	/* Named first: an input that aborts is then the last one shown. */
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order; returns how many failed to
 * read, or -1 when dir cannot be listed.  *count gets the files run. */
static int run_dir(const char *dir, size_t *count)
{
	struct strv names = { 0 };
	struct dirent *de;
	int failed = 0;
	DIR *d;

	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (strv_push(&names, de->d_name) < 0) {
			fprintf(stderr, "replay: out of memory\n");
			failed++;
			break;
		}
	}
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof(names.v[0]), cmp_names);
	for (size_t i = 0; i < names.n; i++) {
		char *path = path_join(dir, names.v[i]);
		struct stat st;

		if (!path) {
			failed++;
			break;
		}
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(path) < 0)
				failed++;
			else
				(*count)++;
		}
		free(path);
	}
	strv_free(&names);
	return failed;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
				strerror(errno));
			failed++;
		} else if (S_ISDIR(st.st_mode)) {
			int rc = run_dir(argv[i], &count);

			failed += rc < 0 ? 1 : rc;
		} else if (run_file(argv[i]) < 0) {
			failed++;
		} else {
			count++;
		}
	}
	printf("replay: %zu inputs run, %d unreadable\n", count, failed);
	if (failed)
		return 1;
	/* An empty corpus tests nothing: say so rather than pass. */
	return count ? 0 : 1;
}

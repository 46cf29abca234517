/*
 * Unit tests of content/cache: a cached load gives exactly the knowledge
 * the files give (the whole encoding compared) and is used on the next
 * load; it is never stale (a file changed with the same size and time, a
 * file added to a user folder); a load with problems is not cached and
 * reports them exactly as content_load does; a damaged or truncated cache
 * file is ignored and rewritten; no cache folder means a plain load.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "content/content.h"
#include "content/internal.h"
#include "model/knowledge.h"
#include "util/path.h"
#include "util/str.h"

struct fx {
	char root[256];
	char *shipped;   /* a copy of data/ */
	char *user;      /* a user content folder, absent at first */
	char *cache;     /* the cache folder, absent at first */
};

static char *src_data(void)
{
	const char *top = getenv("top_srcdir");

	if (top && *top)
		return path_join(top, "data");
	return str_dup(SRCDATADIR);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(buf_add(&b, chunk, n), 0);
	fclose(f);
	*len = b.len;
	buf_add(&b, "", 1);
	return buf_detach(&b);
}

static void spit(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		char *p;
		struct stat st;

		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		p = path_join(dir, de->d_name);
		assert_non_null(p);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			rm_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	char *src = src_data();
	struct strv names = { 0 };

	assert_non_null(f);
	assert_non_null(src);
	snprintf(f->root, sizeof(f->root), "%s/charrette-cache-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(f->root));
	f->shipped = path_join(f->root, "data");
	f->user = path_join(f->root, "user");
	f->cache = path_join(f->root, "cache");
	assert_non_null(f->shipped);
	assert_non_null(f->user);
	assert_non_null(f->cache);
	assert_int_equal(mkdir(f->shipped, 0700), 0);
	assert_int_equal(content_files(src, true, &names), 0);
	assert_true(names.n > 3);
	for (size_t i = 0; i < names.n; i++) {
		char *from = path_join(src, names.v[i]);
		char *to = path_join(f->shipped, names.v[i]);
		size_t len;
		char *text;

		assert_non_null(from);
		assert_non_null(to);
		text = slurp(from, &len);
		spit(to, text, len);
		free(text);
		free(from);
		free(to);
	}
	strv_free(&names);
	free(src);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	rm_tree(f->root);
	free(f->shipped);
	free(f->user);
	free(f->cache);
	free(f);
	return 0;
}

/* A load through the cache: ST_OK expected, the encoding returned. */
static struct buf cached(struct fx *f, struct knowledge **k)
{
	const char *extra[1] = { f->user };
	struct diag d = { 0 };
	struct buf b;

	assert_int_equal(content_load_cached(k, f->shipped, extra, 1, f->cache,
					     &d), ST_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(content_cache_encode(*k, &b), ST_OK);
	diag_clear(&d);
	return b;
}

static struct buf plain(struct fx *f, struct knowledge **k)
{
	const char *extra[1] = { f->user };
	struct diag d = { 0 };
	struct buf b;

	assert_int_equal(content_load(k, f->shipped, extra, 1, &d), ST_OK);
	assert_int_equal(content_cache_encode(*k, &b), ST_OK);
	diag_clear(&d);
	return b;
}

/* Make the payload hash of a cache file right again after an edit (the
 * layout: magic, key length, key, payload length, payload FNV-1a hash,
 * payload). */
static void rehash(char *text, size_t len)
{
	size_t off = strlen("charrette content cache 1\n");
	uint64_t klen, plen, h = 0xcbf29ce484222325ULL;

	memcpy(&klen, text + off, 8);
	off += 8 + (size_t)klen;
	memcpy(&plen, text + off, 8);
	assert_int_equal(off + 16 + plen, len);
	for (size_t i = off + 16; i < len; i++) {
		h ^= (unsigned char)text[i];
		h *= 0x100000001b3ULL;
	}
	memcpy(text + off + 8, &h, 8);
}

static void assert_same(const struct buf *a, const struct buf *b)
{
	assert_int_equal(a->len, b->len);
	assert_memory_equal(a->data, b->data, a->len);
}

/* The one file in the cache folder (asserts there is exactly one). */
static char *cache_file(struct fx *f)
{
	DIR *d = opendir(f->cache);
	struct dirent *de;
	char *found = NULL;

	assert_non_null(d);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		assert_null(found);
		found = path_join(f->cache, de->d_name);
	}
	closedir(d);
	assert_non_null(found);
	return found;
}

static void test_round_trip_and_hit(void **state)
{
	struct fx *f = *state;
	struct knowledge *k1 = NULL, *k2 = NULL, *k3 = NULL;
	struct buf want, first, second;
	char *file, *text, *at;
	size_t len;

	want = plain(f, &k1);
	first = cached(f, &k2);     /* a miss: loads and writes */
	assert_same(&want, &first);
	file = cache_file(f);
	second = cached(f, &k3);    /* a hit, with the same content */
	assert_same(&want, &second);
	assert_non_null(knowledge_template(k3, "devops"));
	assert_string_equal(knowledge_criterion(k3, "security")->at.file,
			    knowledge_criterion(k1, "security")->at.file);
	knowledge_free(&k3);

	/* Proof that the second load came from the cache: a name changed
	 * in the cache file (its hash made right) comes back. */
	text = slurp(file, &len);
	at = memmem(text, len, "Security posture", 16);
	assert_non_null(at);
	at[0] = 'Z';
	rehash(text, len);
	spit(file, text, len);
	free(text);
	buf_free(&second);
	second = cached(f, &k3);
	assert_string_equal(knowledge_criterion(k3, "security")->name,
			    "Zecurity posture");
	free(file);
	buf_free(&want);
	buf_free(&first);
	buf_free(&second);
	knowledge_free(&k1);
	knowledge_free(&k2);
	knowledge_free(&k3);
}

/* Same size, same modification time, one letter changed: a cache keyed on
 * file times would give the old name back. */
static void test_never_stale(void **state)
{
	struct fx *f = *state;
	struct knowledge *k = NULL;
	struct buf b;
	char *path = path_join(f->shipped, "criteria.yaml"), *text, *at;
	struct timespec times[2];
	struct stat st;
	size_t len;
	const struct criterion_def *c;

	assert_non_null(path);
	b = cached(f, &k);
	c = knowledge_criterion(k, "security");
	assert_non_null(c);
	assert_non_null(strstr(c->name, "Security"));
	buf_free(&b);
	knowledge_free(&k);

	assert_int_equal(stat(path, &st), 0);
	text = slurp(path, &len);
	at = strstr(text, "name: Security");
	assert_non_null(at);
	at[6] = 'Z';   /* "Zecurity" */
	spit(path, text, len);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	free(text);
	b = cached(f, &k);
	c = knowledge_criterion(k, "security");
	assert_non_null(c);
	assert_non_null(strstr(c->name, "Zecurity"));
	buf_free(&b);
	knowledge_free(&k);

	/* A user folder that appears, with an override in it. */
	assert_int_equal(mkdir(f->user, 0700), 0);
	free(path);
	path = path_join(f->user, "mine.yaml");
	assert_non_null(path);
	text = str_dup("kind: criteria\nversion: 1\ncriteria:\n"
		       "  - id: security\n    name: Ours\n"
		       "    description: d\n    low: l\n    high: h\n"
		       "    weight: 5\n");
	assert_non_null(text);
	spit(path, text, strlen(text));
	free(text);
	b = cached(f, &k);
	assert_string_equal(knowledge_criterion(k, "security")->name, "Ours");
	buf_free(&b);
	knowledge_free(&k);
	/* And that goes away again. */
	unlink(path);
	b = cached(f, &k);
	assert_non_null(strstr(knowledge_criterion(k, "security")->name,
			       "Zecurity"));
	buf_free(&b);
	knowledge_free(&k);
	free(path);
}

/* Problems come from the files, every time, exactly as without a cache. */
static void test_errors_not_cached(void **state)
{
	struct fx *f = *state;
	const char *extra[1] = { f->user };
	struct knowledge *k = NULL;
	struct diag want = { 0 }, got = { 0 };
	char *path, *file;
	static const char bad[] =
		"kind: criteria\nversion: 1\ncriteria:\n  - id: x\n"
		"    name: [unclosed\n";
	struct buf b;

	b = cached(f, &k);   /* a good cache first */
	buf_free(&b);
	knowledge_free(&k);
	assert_int_equal(mkdir(f->user, 0700), 0);
	path = path_join(f->user, "bad.yaml");
	assert_non_null(path);
	spit(path, bad, sizeof(bad) - 1);
	assert_int_equal(content_load(&k, f->shipped, extra, 1, &want),
			 ST_INPUT);
	knowledge_free(&k);
	assert_true(want.n > 0);
	for (int round = 0; round < 2; round++) {
		assert_int_equal(content_load_cached(&k, f->shipped, extra, 1,
						     f->cache, &got), ST_INPUT);
		knowledge_free(&k);
		assert_int_equal(got.n, want.n);
		for (size_t i = 0; i < want.n; i++) {
			assert_string_equal(got.v[i].file, want.v[i].file);
			assert_int_equal(got.v[i].line, want.v[i].line);
			assert_int_equal(got.v[i].col, want.v[i].col);
			assert_string_equal(got.v[i].msg, want.v[i].msg);
		}
		diag_clear(&got);
	}
	/* Mending the file brings the cache back in use. */
	unlink(path);
	b = cached(f, &k);
	buf_free(&b);
	knowledge_free(&k);
	file = cache_file(f);
	free(file);
	diag_clear(&want);
	free(path);
}

static void test_damaged_cache(void **state)
{
	struct fx *f = *state;
	struct knowledge *k = NULL;
	struct buf want, got;
	char *file, *text, *good;
	size_t len, glen;

	want = plain(f, &k);
	knowledge_free(&k);
	got = cached(f, &k);
	buf_free(&got);
	knowledge_free(&k);
	file = cache_file(f);
	text = slurp(file, &len);
	assert_true(len > 1000);

	/* One byte changed near the end (inside the payload): ignored, and
	 * the file written again as it was. */
	good = slurp(file, &glen);
	text[len - 10] ^= 0x5a;
	spit(file, text, len);
	got = cached(f, &k);
	assert_same(&want, &got);
	buf_free(&got);
	knowledge_free(&k);
	free(text);
	text = slurp(file, &len);
	assert_int_equal(len, glen);
	assert_memory_equal(text, good, len);
	free(good);

	/* Cut in half, then empty, then garbage after the magic line. */
	{
		static const char junk[] =
			"charrette content cache 1\nxxxxxxxxxxxxxxxxxxxxxxxx";
		const struct { const char *data; size_t len; } bad[] = {
			{ text, len / 2 }, { "", 0 }, { junk, sizeof(junk) - 1 },
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			spit(file, bad[i].data, bad[i].len);
			got = cached(f, &k);
			assert_same(&want, &got);
			buf_free(&got);
			knowledge_free(&k);
		}
	}
	free(text);
	free(file);
	buf_free(&want);
}

static void test_no_cache_dir(void **state)
{
	struct fx *f = *state;
	const char *extra[1] = { f->user };
	struct knowledge *k = NULL;
	struct diag d = { 0 };
	struct stat st;

	assert_int_equal(content_load_cached(&k, f->shipped, extra, 1, NULL,
					     &d), ST_OK);
	assert_non_null(knowledge_template(k, "devops"));
	knowledge_free(&k);
	assert_int_not_equal(stat(f->cache, &st), 0);
	/* An unusable cache folder (a file in its way) is only slower. */
	spit(f->cache, "x", 1);
	assert_int_equal(content_load_cached(&k, f->shipped, extra, 1,
					     f->cache, &d), ST_OK);
	assert_non_null(knowledge_template(k, "devops"));
	knowledge_free(&k);
	diag_clear(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_and_hit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_never_stale, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_errors_not_cached, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_damaged_cache, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_no_cache_dir, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "config.h"
/*
 * content/cache: the loaded knowledge kept in a file under the user's cache
 * folder, so that a start does not parse every content file again (that was
 * 32 M of the 40 M instructions every start cost).
 *
 * The cache is never stale: its key is the whole set of content files as
 * they are now (every file content_load would read, in order, with its size
 * and a hash of its bytes) and the program itself (its size, modification
 * and change times), so a changed file, an added or removed one, or another
 * build of charrette misses and loads the files as before.  Only a load
 * without any problem is cached: errors, with their file:line:col, always
 * come from reading the files.  A cache file that is unreadable, truncated
 * or damaged (its payload carries a hash too) is ignored and rewritten.
 *
 * The format is the program's own memory layout (native integers and
 * doubles), which is why the program is part of the key.  One function per
 * struct both writes and reads it (struct ser knows which), so the two
 * directions cannot drift apart.
 */

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/internal.h"
#include "util/atomic.h"
#include "util/path.h"
#include "util/str.h"

#define CACHE_MAGIC "charrette content cache 3\n"
#define MAX_COND_DEPTH 64

/*
 * Adding a field to one of these structs without visiting it below would
 * leave it empty in every cached load: the sizes make the build fail until
 * this file is looked at (and CACHE_MAGIC moved on).  Checked on LP64 only.
 */
#if defined(__LP64__) || defined(_LP64)
_Static_assert(sizeof(struct origin) == 16, "update content/cache.c");
_Static_assert(sizeof(struct value) == 40, "update content/cache.c");
_Static_assert(sizeof(struct cond) == 104, "update content/cache.c");
_Static_assert(sizeof(struct q_option) == 16, "update content/cache.c");
_Static_assert(sizeof(struct question) == 120, "update content/cache.c");
_Static_assert(sizeof(struct section) == 40, "update content/cache.c");
_Static_assert(sizeof(struct criterion_def) == 64, "update content/cache.c");
_Static_assert(sizeof(struct tech) == 48, "update content/cache.c");
_Static_assert(sizeof(struct category) == 32, "update content/cache.c");
_Static_assert(sizeof(struct component) == 16, "update content/cache.c");
_Static_assert(sizeof(struct pattern) == 200, "update content/cache.c");
_Static_assert(sizeof(struct nudge) == 16, "update content/cache.c");
_Static_assert(sizeof(struct suggested_risk) == 24, "update content/cache.c");
_Static_assert(sizeof(struct rule) == 120, "update content/cache.c");
_Static_assert(sizeof(struct antipattern) == 56, "update content/cache.c");
_Static_assert(sizeof(struct band_def) == 24, "update content/cache.c");
_Static_assert(sizeof(struct metric_def) == 168, "update content/cache.c");
_Static_assert(sizeof(struct template_def) == 160, "update content/cache.c");
_Static_assert(sizeof(struct knowledge) == 160, "update content/cache.c");
#endif

/* ---- hashing ------------------------------------------------------------ */

/* FNV-1a, 64 bits: not for secrecy, only to tell contents apart. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_START 0xcbf29ce484222325ULL

/* ---- one visitor, both directions --------------------------------------- */

struct ser {
	bool rd;                        /* reading, else writing */
	bool bad;                       /* sticky: out of memory or bad data */
	struct buf out;                 /* writing */
	const unsigned char *p, *end;   /* reading */
};

static void s_raw(struct ser *s, void *v, size_t n)
{
	if (s->bad) {
		if (s->rd)
			memset(v, 0, n);
		return;
	}
	if (!s->rd) {
		if (buf_add(&s->out, v, n) < 0)
			s->bad = true;
		return;
	}
	if ((size_t)(s->end - s->p) < n) {
		s->bad = true;
		memset(v, 0, n);
		return;
	}
	memcpy(v, s->p, n);
	s->p += n;
}

static void s_int(struct ser *s, int *v)
{
	s_raw(s, v, sizeof(*v));
}

static void s_double(struct ser *s, double *v)
{
	s_raw(s, v, sizeof(*v));
}

static void s_bool(struct ser *s, bool *v)
{
	unsigned char c = *v ? 1 : 0;

	s_raw(s, &c, 1);
	if (c > 1)
		s->bad = true;
	*v = c == 1;
}

/* An enum stored as an int, checked to lie in [0, count). */
#define S_ENUM(s, field, count)                                        \
	do {                                                           \
		int t_ = (int)(field);                                 \
		s_int((s), &t_);                                       \
		if (t_ < 0 || t_ >= (int)(count)) {                    \
			(s)->bad = true;                               \
			t_ = 0;                                        \
		}                                                      \
		(field) = t_;                                          \
	} while (0)

/* A count of things still to read: each takes at least one byte, so a
 * damaged count cannot ask for more memory than the file holds. */
static void s_count(struct ser *s, size_t *n)
{
	uint64_t v = *n;

	s_raw(s, &v, sizeof(v));
	if (s->rd && !s->bad && v > (uint64_t)(s->end - s->p)) {
		s->bad = true;
		v = 0;
	}
	*n = (size_t)v;
}

static void s_str(struct ser *s, char **v)
{
	uint32_t len = *v ? (uint32_t)strlen(*v) : UINT32_MAX;

	if (!s->rd) {
		s_raw(s, &len, sizeof(len));
		if (*v)
			s_raw(s, *v, len);
		return;
	}
	*v = NULL;
	s_raw(s, &len, sizeof(len));
	if (s->bad || len == UINT32_MAX)
		return;
	if (len > (size_t)(s->end - s->p) || !(*v = malloc((size_t)len + 1))) {
		s->bad = true;
		return;
	}
	memcpy(*v, s->p, len);
	(*v)[len] = '\0';
	s->p += len;
}

/* An array of n items of size sz: allocated (zeroed) when reading. */
static bool s_array(struct ser *s, void **v, size_t *n, size_t sz)
{
	s_count(s, n);
	if (!s->rd || s->bad)
		return !s->bad;
	*v = NULL;
	if (*n == 0)
		return true;
	if (!(*v = calloc(*n, sz))) {
		s->bad = true;
		*n = 0;
		return false;
	}
	return true;
}

static void s_strv(struct ser *s, struct strv *v)
{
	if (!s_array(s, (void **)&v->v, &v->n, sizeof(*v->v)))
		return;
	for (size_t i = 0; i < v->n; i++) {
		s_str(s, &v->v[i]);
		/* A strv never holds NULL. */
		if (s->rd && !v->v[i] && !(v->v[i] = str_dup("")))
			s->bad = true;
	}
}

static void s_origin(struct ser *s, struct origin *o)
{
	s_str(s, &o->file);
	s_int(s, &o->line);
	s_int(s, &o->col);
}

static void s_value(struct ser *s, struct value *v)
{
	S_ENUM(s, v->kind, VAL_LIST + 1);
	s_str(s, &v->text);
	s_double(s, &v->number);
	s_strv(s, &v->list);
}

static void s_cond(struct ser *s, struct cond *c, int depth)
{
	if (depth > MAX_COND_DEPTH) {
		s->bad = true;
		return;
	}
	S_ENUM(s, c->op, COND_NOT + 1);
	s_str(s, &c->question);
	s_value(s, &c->arg);
	s_double(s, &c->lo);
	s_double(s, &c->hi);
	if (s_array(s, (void **)&c->sub, &c->n_sub, sizeof(*c->sub)))
		for (size_t i = 0; i < c->n_sub; i++)
			s_cond(s, &c->sub[i], depth + 1);
	s_origin(s, &c->at);
}

/* An optional condition (NULL = none). */
static void s_cond_ptr(struct ser *s, struct cond **c)
{
	bool has = *c != NULL;

	s_bool(s, &has);
	if (s->rd) {
		*c = NULL;
		if (s->bad || !has)
			return;
		if (!(*c = calloc(1, sizeof(**c)))) {
			s->bad = true;
			return;
		}
	}
	if (has)
		s_cond(s, *c, 0);
}

static void s_section(struct ser *s, struct section *x)
{
	s_str(s, &x->id);
	s_str(s, &x->title);
	s_str(s, &x->intro);
	s_origin(s, &x->at);
}

static void s_question(struct ser *s, struct question *x)
{
	s_str(s, &x->id);
	s_str(s, &x->section);
	s_str(s, &x->prompt);
	s_str(s, &x->help);
	S_ENUM(s, x->kind, Q_KIND_COUNT);
	s_str(s, &x->unit);
	s_str(s, &x->unit_one);
	s_bool(s, &x->has_min);
	s_bool(s, &x->has_max);
	s_double(s, &x->min);
	s_double(s, &x->max);
	if (s_array(s, (void **)&x->options, &x->n_options,
		    sizeof(*x->options)))
		for (size_t i = 0; i < x->n_options; i++) {
			s_str(s, &x->options[i].id);
			s_str(s, &x->options[i].label);
		}
	s_cond_ptr(s, &x->show_if);
	s_origin(s, &x->at);
}

static void s_criterion(struct ser *s, struct criterion_def *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_str(s, &x->description);
	s_str(s, &x->low);
	s_str(s, &x->high);
	s_double(s, &x->weight);
	s_origin(s, &x->at);
}

static void s_category(struct ser *s, struct category *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_origin(s, &x->at);
}

static void s_tech(struct ser *s, struct tech *x)
{
	s_str(s, &x->id);
	s_str(s, &x->category);
	s_str(s, &x->name);
	s_str(s, &x->best_for);
	s_origin(s, &x->at);
}

static void s_pattern(struct ser *s, struct pattern *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_str(s, &x->summary);
	s_cond_ptr(s, &x->fits);
	s_strv(s, &x->fit_reasons);
	if (s_array(s, (void **)&x->components, &x->n_components,
		    sizeof(*x->components)))
		for (size_t i = 0; i < x->n_components; i++) {
			s_str(s, &x->components[i].category);
			s_str(s, &x->components[i].name);
		}
	s_str(s, &x->deployment);
	s_str(s, &x->observability);
	s_str(s, &x->security);
	s_str(s, &x->complexity);
	s_str(s, &x->cost);
	s_strv(s, &x->stages);
	s_strv(s, &x->decisions);
	s_strv(s, &x->tradeoffs);
	s_strv(s, &x->pros);
	s_strv(s, &x->cons);
	s_origin(s, &x->at);
}

static void s_rule(struct ser *s, struct rule *x)
{
	s_str(s, &x->id);
	s_str(s, &x->title);
	s_str(s, &x->goal);
	s_cond_ptr(s, &x->when);
	s_str(s, &x->recommendation);
	s_strv(s, &x->controls);
	if (s_array(s, (void **)&x->nudges, &x->n_nudges, sizeof(*x->nudges)))
		for (size_t i = 0; i < x->n_nudges; i++) {
			s_str(s, &x->nudges[i].criterion);
			s_double(s, &x->nudges[i].delta);
		}
	if (s_array(s, (void **)&x->risks, &x->n_risks, sizeof(*x->risks)))
		for (size_t i = 0; i < x->n_risks; i++) {
			s_str(s, &x->risks[i].description);
			s_int(s, &x->risks[i].probability);
			s_int(s, &x->risks[i].impact);
			s_str(s, &x->risks[i].mitigation);
		}
	s_strv(s, &x->patterns);
	s_origin(s, &x->at);
}

static void s_antipattern(struct ser *s, struct antipattern *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_str(s, &x->description);
	s_cond_ptr(s, &x->when);
	s_str(s, &x->remedy);
	s_origin(s, &x->at);
}

static void s_metric(struct ser *s, struct metric_def *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_str(s, &x->unit);
	s_str(s, &x->unit_one);
	s_str(s, &x->description);
	s_bool(s, &x->higher_is_better);
	s_count(s, &x->n_bands);
	if (x->n_bands > sizeof(x->bands) / sizeof(x->bands[0])) {
		s->bad = true;
		x->n_bands = 0;
	}
	for (size_t i = 0; i < x->n_bands; i++) {
		S_ENUM(s, x->bands[i].band, BAND_ELITE + 1);
		s_bool(s, &x->bands[i].has_min);
		s_bool(s, &x->bands[i].has_max);
		s_double(s, &x->bands[i].min);
		s_double(s, &x->bands[i].max);
	}
	s_origin(s, &x->at);
}

static void s_template(struct ser *s, struct template_def *x)
{
	s_str(s, &x->id);
	s_str(s, &x->name);
	s_str(s, &x->description);
	s_strv(s, &x->sections);
	s_strv(s, &x->criteria);
	s_bool(s, &x->all_patterns);
	s_strv(s, &x->patterns);
	s_strv(s, &x->rules);
	s_strv(s, &x->antipatterns);
	s_strv(s, &x->metrics);
	s_origin(s, &x->at);
	if (s_array(s, (void **)&x->agenda, &x->n_agenda, sizeof(*x->agenda)))
		for (size_t i = 0; i < x->n_agenda; i++) {
			S_ENUM(s, x->agenda[i].stage, STAGE_COUNT);
			s_int(s, &x->agenda[i].minutes);
		}
}

#define S_LIST(s, k, field, fn)                                        \
	do {                                                           \
		if (s_array((s), (void **)&(k)->field, &(k)->n_##field, \
			    sizeof(*(k)->field)))                      \
			for (size_t i_ = 0; i_ < (k)->n_##field; i_++) \
				fn((s), &(k)->field[i_]);              \
	} while (0)

static void s_knowledge(struct ser *s, struct knowledge *k)
{
	S_LIST(s, k, sections, s_section);
	S_LIST(s, k, questions, s_question);
	S_LIST(s, k, criteria, s_criterion);
	S_LIST(s, k, categories, s_category);
	S_LIST(s, k, techs, s_tech);
	S_LIST(s, k, patterns, s_pattern);
	S_LIST(s, k, rules, s_rule);
	S_LIST(s, k, antipatterns, s_antipattern);
	S_LIST(s, k, metrics, s_metric);
	S_LIST(s, k, templates, s_template);
}

int content_cache_encode(struct knowledge *k, struct buf *out)
{
	struct ser s = { .rd = false };

	buf_init(&s.out);
	s_knowledge(&s, k);
	if (s.bad || s.out.oom) {
		buf_free(&s.out);
		return ST_ERROR;
	}
	*out = s.out;
	return ST_OK;
}

/* ---- the key ------------------------------------------------------------ */

static void key_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s) + 1);
}

static void key_u64(struct buf *b, uint64_t v)
{
	buf_add(b, (const char *)&v, sizeof(v));
}

/* A content file: its name, size and a hash of its bytes (or a mark that
 * it cannot be read, which content_load will report). */
static void key_file(struct buf *b, const char *path)
{
	char chunk[16384];
	uint64_t h = FNV_START, size = 0;
	size_t n;
	FILE *f = fopen(path, "rb");

	key_str(b, path);
	if (!f) {
		key_u64(b, UINT64_MAX);
		return;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		h = fnv(h, chunk, n);
		size += n;
	}
	if (ferror(f))
		size = h = UINT64_MAX;
	fclose(f);
	key_u64(b, size);
	key_u64(b, h);
}

static void key_dir(struct buf *b, const char *dir, bool shipped)
{
	struct strv names = { 0 };
	int rc = content_files(dir, shipped, &names);

	key_str(b, dir);
	key_u64(b, rc < 0 ? UINT64_MAX : names.n);
	if (rc == -ENOMEM)
		b->oom = true;
	for (size_t i = 0; rc == 0 && i < names.n; i++) {
		char *path = path_join(dir, names.v[i]);

		if (!path) {
			b->oom = true;
			break;
		}
		key_file(b, path);
		free(path);
	}
	strv_free(&names);
}

/* The program itself: another build may read or check files otherwise.
 * (Through its name: valgrind answers for its client there.) */
static bool key_program(struct buf *b)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat st;

	if (n <= 0 || (size_t)n >= sizeof(exe) - 1)
		return false;
	exe[n] = '\0';
	if (stat(exe, &st) != 0)
		return false;
	key_str(b, exe);
	key_u64(b, (uint64_t)st.st_size);
	key_u64(b, (uint64_t)st.st_ino);
	key_u64(b, (uint64_t)st.st_mtim.tv_sec);
	key_u64(b, (uint64_t)st.st_mtim.tv_nsec);
	key_u64(b, (uint64_t)st.st_ctim.tv_sec);
	key_u64(b, (uint64_t)st.st_ctim.tv_nsec);
	return true;
}

static bool make_key(struct buf *b, const char *shipped_dir,
		     const char *const *extra_dirs, size_t n_extra)
{
	buf_init(b);
	key_str(b, CACHE_MAGIC);
	if (!key_program(b)) {
		buf_free(b);
		return false;
	}
	key_dir(b, shipped_dir, true);
	for (size_t i = 0; i < n_extra; i++)
		if (extra_dirs[i])
			key_dir(b, extra_dirs[i], false);
	if (b->oom) {
		buf_free(b);
		return false;
	}
	return true;
}

/* ---- the file ------------------------------------------------------------
 * CACHE_MAGIC, key length (u64), key, payload length (u64), payload hash
 * (u64), payload. */

static struct knowledge *read_cache(const char *path, const struct buf *key)
{
	struct knowledge *k = NULL;
	struct ser s = { .rd = true };
	struct error e;
	char *data = NULL;
	size_t len = 0, off = strlen(CACHE_MAGIC);
	uint64_t klen, plen, phash;

	if (file_read_all(path, &data, &len, &e) < 0)
		return NULL;
	if (len < off + 3 * sizeof(uint64_t) ||
	    memcmp(data, CACHE_MAGIC, off) != 0)
		goto out;
	memcpy(&klen, data + off, sizeof(klen));
	off += sizeof(klen);
	if (klen != key->len || len - off < klen ||
	    memcmp(data + off, key->data, key->len) != 0)
		goto out;
	off += klen;
	if (len - off < 2 * sizeof(uint64_t))
		goto out;
	memcpy(&plen, data + off, sizeof(plen));
	memcpy(&phash, data + off + sizeof(plen), sizeof(phash));
	off += 2 * sizeof(uint64_t);
	if (plen != len - off ||
	    fnv(FNV_START, data + off, (size_t)plen) != phash)
		goto out;
	if (!(k = calloc(1, sizeof(*k))))
		goto out;
	s.p = (const unsigned char *)data + off;
	s.end = s.p + plen;
	s_knowledge(&s, k);
	if (s.bad || s.p != s.end)
		knowledge_free(&k);
out:
	free(data);
	return k;
}

static void write_cache(const char *dir, const char *path,
			const struct buf *key, struct knowledge *k)
{
	struct ser s = { .rd = false };
	struct buf file;
	struct error e;
	uint64_t klen = key->len, plen, phash;

	if (content_cache_encode(k, &s.out) < 0)
		return;
	plen = s.out.len;
	phash = fnv(FNV_START, s.out.data, s.out.len);
	buf_init(&file);
	buf_add(&file, CACHE_MAGIC, strlen(CACHE_MAGIC));
	buf_add(&file, (const char *)&klen, sizeof(klen));
	buf_add(&file, key->data, key->len);
	buf_add(&file, (const char *)&plen, sizeof(plen));
	buf_add(&file, (const char *)&phash, sizeof(phash));
	buf_add(&file, s.out.data, s.out.len);
	buf_free(&s.out);
	/* A cache that cannot be written is only a slower next start. */
	err_clear(&e);
	if (!file.oom && path_mkdir_p(dir, 0700, &e) == ST_OK)
		atomic_write(path, file.data, file.len, ATOMIC_OVERWRITE, &e);
	buf_free(&file);
}

/* The cache file of this set of folders. */
static char *cache_path(const char *cache_dir, const char *shipped_dir,
			const char *const *extra_dirs, size_t n_extra)
{
	uint64_t h = fnv(FNV_START, shipped_dir, strlen(shipped_dir) + 1);

	for (size_t i = 0; i < n_extra; i++)
		if (extra_dirs[i])
			h = fnv(h, extra_dirs[i], strlen(extra_dirs[i]) + 1);
	return str_printf("%s/content-%016llx.cache", cache_dir,
			  (unsigned long long)h);
}

int content_load_cached(struct knowledge **out, const char *shipped_dir,
			const char *const *extra_dirs, size_t n_extra,
			const char *cache_dir, struct diag *diags)
{
	struct buf key;
	char *path;
	int rc;

	*out = NULL;
	if (!cache_dir || !make_key(&key, shipped_dir, extra_dirs, n_extra))
		return content_load(out, shipped_dir, extra_dirs, n_extra,
				    diags);
	path = cache_path(cache_dir, shipped_dir, extra_dirs, n_extra);
	if (path && (*out = read_cache(path, &key))) {
		free(path);
		buf_free(&key);
		return ST_OK;
	}
	rc = content_load(out, shipped_dir, extra_dirs, n_extra, diags);
	if (rc == ST_OK && path) {
		/* A file that changed while it was read would cache the new
		 * text under the old key. */
		struct buf again;

		if (make_key(&again, shipped_dir, extra_dirs, n_extra)) {
			if (again.len == key.len &&
			    memcmp(again.data, key.data, key.len) == 0)
				write_cache(cache_dir, path, &key, *out);
			buf_free(&again);
		}
	}
	free(path);
	buf_free(&key);
	return rc;
}

#include "config.h"
/*
 * adr_folder: owns an ADR folder as an export finds it and leaves it: the
 * files in it, the names and numbers of new records, what each decision's
 * file becomes (the same bytes, a patch, a new file, a conflict), the
 * index and the template, and writing all of it as one set (see
 * adr_export.h).  The adr-tools and MADR layouts themselves are
 * adr_write.c and madr_write.c; the README's lines, adr_index.c.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adr/adr_export.h"
#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/atomic.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/path.h"

/* Existing files larger than this are listed but not read. */
#define READ_MAX ADR_MAX_FILE

void adr_changes_clear(struct adr_changes *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].file);
		free(c->v[i].what);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* ---- the folder as it is ------------------------------------------------- */

void adr_folder_clear(struct folder *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].text);
	}
	free(f->v);
	free(f->readme);
	memset(f, 0, sizeof(*f));
}

/* A regular file's bytes (never through a symlink, never a FIFO). */
static char *read_regular(int dfd, const char *name, size_t *len)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
			O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t got = 0;

	*len = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > (off_t)READ_MAX ||
	    !(buf = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* Our decision number in a file's marker ("<!-- charrette: SLUG decision
 * N ...-->" near its end), or -1. */
static int marker_of(const char *text, size_t len, const char *mine)
{
	size_t k = strlen(mine), from = len > 512 ? len - 512 : 0;

	for (size_t i = len; i-- > from;) {
		if (i + k <= len && memcmp(text + i, mine, k) == 0)
			return atoi(text + i + k);
	}
	return -1;
}

/* How the folder names its numbered files ("0001-x.md", "adr-001-x.md",
 * "ADR-12.md"): the most common way wins. */
static void naming(struct folder *f)
{
	size_t votes[3][10] = { { 0 } }, best = 0, slug = 0, plain = 0;
	const char *prefixes[3] = { "", "adr-", "ADR-" };

	f->width = 4;
	f->slug = true;
	f->prefix = "";
	for (size_t i = 0; i < f->n; i++) {
		const char *s = f->v[i].name;
		size_t p = 0, k = 0;

		if (!f->v[i].numbered)
			continue;
		if (strncmp(s, "adr-", 4) == 0 || strncmp(s, "adr_", 4) == 0)
			p = 1;
		else if (strncasecmp(s, "adr-", 4) == 0)
			p = 2;
		s += p ? 4 : 0;
		while (s[k] >= '0' && s[k] <= '9')
			k++;
		/* "12" has no padding; "0012", "012" do. */
		votes[p][s[0] == '0' && k > 1 ? (k < 9 ? k : 9) : 0]++;
		if (strcmp(s + k, ".md") == 0)
			plain++;
		else
			slug++;
	}
	for (int p = 0; p < 3; p++)
		for (int w = 0; w < 10; w++)
			if (votes[p][w] > best) {
				best = votes[p][w];
				f->prefix = prefixes[p];
				f->width = w;
			}
	f->slug = slug >= plain;
	f->dated = !best && f->n_dated > 0;
}

static int cmp_ffile(const void *a, const void *b)
{
	return strcmp(((const struct ffile *)a)->name,
		      ((const struct ffile *)b)->name);
}

int adr_folder_scan(struct folder *f, const char *dir, const char *mine,
		    struct error *e)
{
	DIR *dp;
	struct dirent *de;
	int dfd, rc = ST_OK;

	memset(f, 0, sizeof(*f));
	f->prefix = "";
	f->width = 4;
	f->slug = true;
	if ((rc = fileset_recover(dir, NULL, e)) < 0)
		return rc;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return ST_OK;
		return err_set(e, ST_ERROR, "%s: %s", dir, strerror(errno));
	}
	if (!(dp = fdopendir(dfd))) {
		close(dfd);
		return err_set(e, ST_ERROR, "%s: %s", dir, strerror(errno));
	}
	f->exists = true;
	while ((de = readdir(dp)) != NULL && rc == ST_OK) {
		const char *name = de->d_name;
		struct ffile *x, *v;

		if (strcasecmp(name, "README.md") == 0) {
			f->readme = read_regular(dirfd(dp), name, &f->readme_len);
			f->has_readme = true;
			continue;
		}
		if (strcasecmp(name, "template.md") == 0)
			f->has_template = true;
		if (!adr_record_name(name))
			continue;
		if (f->n == f->cap) {
			size_t cap = f->cap ? 2 * f->cap : 64;

			if (!(v = realloc(f->v, cap * sizeof(*v)))) {
				rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
				break;
			}
			f->v = v;
			f->cap = cap;
		}
		x = &f->v[f->n++];
		memset(x, 0, sizeof(*x));
		x->marker = -1;
		if (!(x->name = str_dup(name))) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			break;
		}
		adr_name_info(name, &x->number, x->date);
		x->numbered = x->number > 0 || strncmp(name, "0000", 4) == 0;
		f->n_dated += x->date[0] != '\0';
		if (x->number > f->max_number)
			f->max_number = x->number;
		x->text = read_regular(dirfd(dp), name, &x->len);
		if (x->text && mine)
			x->marker = marker_of(x->text, x->len, mine);
		if (x->text && x->len >= 3 && strstr(x->text, "\n## Status") == NULL &&
		    (strncmp(x->text, "---", 3) == 0 ||
		     strstr(x->text, "Decision Outcome") != NULL))
			f->n_madr++;
	}
	closedir(dp);
	if (rc == ST_OK && f->n) {
		qsort(f->v, f->n, sizeof(*f->v), cmp_ffile);
		naming(f);
	}
	return rc;
}

struct ffile *adr_folder_file(struct folder *f, const char *name)
{
	size_t lo = 0, hi = f->n;

	/* The files are in name order (adr_folder_scan). */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(f->v[mid].name, name);

		if (c == 0)
			return &f->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool adr_folder_is_madr(const char *dir)
{
	struct folder f;
	struct error e;
	bool madr;

	if (adr_folder_scan(&f, dir, NULL, &e) < 0)
		return false;
	madr = f.n && f.n_madr * 2 > f.n;
	adr_folder_clear(&f);
	return madr;
}

/* ---- names of new files ---------------------------------------------------- */

char *adr_folder_name(const struct folder *f, int number, const char *title)
{
	char *slug = md_slug(title, "decision", number), *name;
	char today[16];

	if (!slug)
		return NULL;
	if (f->dated) {
		/* A folder named by date (log4brains): the day it is written. */
		clock_today(today, sizeof(today));
		name = str_printf("%.4s%.2s%.2s-%s.md", today, today + 5,
				  today + 8, slug);
	} else if (f->slug) {
		name = str_printf("%s%0*d-%s.md", f->prefix, f->width, number,
				  slug);
	} else {
		name = str_printf("%s%0*d.md", f->prefix, f->width, number);
	}
	free(slug);
	return name;
}

/* ---- the marker's checksum -------------------------------------------------- */

static unsigned long long fnv1a(unsigned long long h, const char *s,
				 size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

#define FNV_START 1469598103934665603ULL

/* The checksum of a file of ours: every byte but its marker line. */
static unsigned long long file_sum(const char *text, size_t len, size_t at)
{
	size_t after = at;

	while (after < len && text[after] != '\n')
		after++;
	if (after < len)
		after++;
	return fnv1a(fnv1a(FNV_START, text, at), text + after, len - after);
}

/* Where the marker line of our file starts, or SIZE_MAX. */
static size_t marker_line(const char *text, size_t len)
{
	size_t k = sizeof(X_MARKER_PREFIX) - 1;

	for (size_t i = len; i-- > 0;)
		if ((i == 0 || text[i - 1] == '\n') && i + k <= len &&
		    memcmp(text + i, X_MARKER_PREFIX, k) == 0)
			return i;
	return SIZE_MAX;
}

int adr_seal(struct buf *b)
{
	size_t at = marker_line(buf_str(b), b->len);
	char sum[40];
	size_t close;

	if (at == SIZE_MAX)
		return ST_OK;
	/* "... decision 3 -->" -> "... decision 3 sum=0123456789abcdef -->" */
	for (close = b->len; close > at + 3; close--)
		if (memcmp(b->data + close - 3, "-->", 3) == 0)
			break;
	if (close <= at + 4)
		return ST_OK;
	snprintf(sum, sizeof(sum), "sum=%016llx ", file_sum(b->data, b->len, at));
	{
		struct buf t;

		buf_init(&t);
		buf_add(&t, b->data, close - 3);
		buf_puts(&t, sum);
		buf_add(&t, b->data + close - 3, b->len - (close - 3));
		if (t.oom) {
			buf_free(&t);
			return ST_ERROR;
		}
		buf_free(b);
		*b = t;
	}
	return ST_OK;
}

bool adr_pristine(const char *text, size_t len)
{
	size_t at = marker_line(text, len);
	const char *s;
	unsigned long long want;

	if (at == SIZE_MAX)
		return false;
	s = strstr(text + at, " sum=");
	if (!s || s > text + len)
		return false;
	want = strtoull(s + 5, NULL, 16);
	return file_sum(text, len, at) == want;
}

/* a and b without the line that starts at `at` (and its line end). */
static void without_line(const char *t, size_t len, size_t at,
			 const char **tail, size_t *tlen)
{
	size_t after = at;

	while (after < len && t[after] != '\n')
		after++;
	if (after < len)
		after++;
	*tail = t + after;
	*tlen = len - after;
}

bool adr_same_but_marker(const char *a, size_t na, const char *b, size_t nb)
{
	size_t ma = marker_line(a, na), mb = marker_line(b, nb), ta, tb;
	const char *ra, *rb;

	if (ma == SIZE_MAX || mb == SIZE_MAX || ma != mb ||
	    memcmp(a, b, ma) != 0)
		return false;
	without_line(a, na, ma, &ra, &ta);
	without_line(b, nb, mb, &rb, &tb);
	return ta == tb && memcmp(ra, rb, ta) == 0;
}

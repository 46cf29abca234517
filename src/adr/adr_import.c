#include "config.h"
/*
 * adr_import: owns reading existing ADR folders: which files are records,
 * the numbers they get (the folder's own, then the next free ones for
 * duplicates and date-named files), resolving supersede links across the
 * folder, and moving links to new numbers.  Parsing one file is
 * adr_parse.c.  No store access here: the caller decides where the
 * decisions go.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adr/adr_import.h"
#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "util/atomic.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"

/* ---- a folder -------------------------------------------------------- */

void adr_import_report_clear(struct adr_import_report *rep)
{
	if (!rep)
		return;
	adr_msgs_clear(&rep->msgs);
	for (size_t i = 0; i < rep->n_origins; i++)
		free(rep->origins[i].file);
	free(rep->origins);
	memset(rep, 0, sizeof(*rep));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted candidate file names of dir. */
static int list_dir(const char *dir, struct strv *names, struct error *e)
{
	DIR *dp;
	struct dirent *de;
	int rc = ST_OK;

	if (!(dp = opendir(dir)))
		return err_setloc(e, errno == ENOMEM ? ST_ERROR : ST_INPUT, dir,
				  0, 0, _("cannot open the folder: %s"),
				  strerror(errno));
	errno = 0;
	while (rc == ST_OK && (de = readdir(dp))) {
		char *full;
		struct stat st;

		if (!adr_record_name(de->d_name))
			continue;
		if (!(full = path_join(dir, de->d_name))) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			break;
		}
		/* Subfolders that happen to end in .md are not records; a
		 * symlink (which may point out of the folder), a FIFO or a
		 * device is never opened. */
		if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    strv_push(names, de->d_name) < 0)
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		free(full);
		errno = 0;
	}
	if (rc == ST_OK && errno)
		rc = err_setloc(e, ST_ERROR, dir, 0, 0,
				_("cannot read the folder: %s"), strerror(errno));
	closedir(dp);
	if (rc == ST_OK && names->n)
		qsort(names->v, names->n, sizeof(*names->v), cmp_str);
	return rc;
}

/* Whole file; ST_INPUT (with *e) when it cannot be read.  Only a regular
 * file is read: it is opened without following a symlink and without
 * waiting on a FIFO put there since the folder was listed. */
static int read_all(const char *path, char **data, size_t *len,
		    struct error *e)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	struct buf b;
	char chunk[16384];
	ssize_t got;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return err_setloc(e, errno == ENOMEM ? ST_ERROR : ST_INPUT, path,
				  0, 0, _("cannot read: %s"),
				  errno == ELOOP ? _("a symbolic link") :
						   strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_setloc(e, ST_INPUT, path, 0, 0,
				  _("not a regular file; not read"));
	}
	buf_init(&b);
	while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			int err = errno;

			if (err == EINTR)
				continue;
			close(fd);
			buf_free(&b);
			return err_setloc(e, ST_INPUT, path, 0, 0,
					  _("cannot read: %s"), strerror(err));
		}
		if (buf_add(&b, chunk, (size_t)got) < 0 || b.len > ADR_MAX_FILE)
			break;
	}
	close(fd);
	if (b.oom) {
		buf_free(&b);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	*len = b.len;
	*data = b.data;
	return ST_OK;
}

struct recs {
	struct adr_record *v;
	size_t n;
};

static const char *sort_date(const struct adr_record *r)
{
	if (r->d.date && adr_valid_date(r->d.date, strlen(r->d.date)))
		return r->d.date;
	if (r->file_date[0])
		return r->file_date;
	return "~";   /* after every date */
}

static int cmp_undated(const void *a, const void *b)
{
	const struct adr_record *x = *(const struct adr_record *const *)a;
	const struct adr_record *y = *(const struct adr_record *const *)b;
	int c = strcmp(sort_date(x), sort_date(y));

	return c ? c : strcmp(x->path, y->path);
}

static int cmp_number(const void *a, const void *b)
{
	const struct adr_record *x = a, *y = b;

	return (x->d.number > y->d.number) - (x->d.number < y->d.number);
}

/*
 * Give every record its number: the folder's own where it is free, then
 * the next free ones to the second holders of a taken number, then to
 * unnumbered (date-named) records in date order.
 */
static int number_records(struct recs *rs, struct adr_import_report *rep)
{
	struct adr_record **later;
	size_t n_later = 0;
	int next = 0;
	int rc = ST_OK;

	for (size_t i = 0; i < rs->n; i++)
		if (rs->v[i].d.number > next)
			next = rs->v[i].d.number;
	next++;
	for (size_t i = 0; i < rs->n && rc == ST_OK; i++) {
		struct adr_record *r = &rs->v[i];

		if (!r->d.number)
			continue;
		for (size_t j = 0; j < i; j++) {
			if (rs->v[j].d.number != r->d.number)
				continue;
			rc = adr_warnf(&rep->msgs, r->path, 1,
				   _("ADR number %d is also used by %s; the "
				     "file keeps its name, and is ADR %d in "
				     "the workshop"),
				   r->d.number, path_basename(rs->v[j].path),
				   next);
			r->d.number = next++;
			rep->n_renumbered++;
			break;
		}
	}
	if (rc < 0)
		return rc;
	if (!(later = calloc(rs->n ? rs->n : 1, sizeof(*later))))
		return ST_ERROR;
	for (size_t i = 0; i < rs->n; i++)
		if (!rs->v[i].d.number)
			later[n_later++] = &rs->v[i];
	qsort(later, n_later, sizeof(*later), cmp_undated);
	for (size_t i = 0; i < n_later; i++) {
		later[i]->d.number = next++;
		if (!rep->n_assigned++)
			rep->first_assigned = later[i]->d.number;
		rep->last_assigned = later[i]->d.number;
	}
	free(later);
	return ST_OK;
}

/* Every record's links in the numbers the records were given. */
static int resolve_links(struct recs *rs, struct adr_import_report *rep)
{
	struct adr_ref *v = calloc(rs->n ? rs->n : 1, sizeof(*v));
	struct adr_refs refs;
	int rc = ST_OK;

	if (!v)
		return ST_ERROR;
	for (size_t i = 0; i < rs->n; i++) {
		const struct adr_record *r = &rs->v[i];

		v[i].number = r->d.number;
		v[i].file_number = r->file_number ? r->file_number :
				   r->title_number;
		v[i].file = path_basename(r->path);
		v[i].title = r->d.title;
	}
	rc = adr_refs_init(&refs, v, rs->n);
	free(v);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < rs->n && rc == ST_OK; i++)
		rc = adr_resolve_links(&rs->v[i], &refs, &rep->msgs);
	adr_refs_clear(&refs);
	return rc;
}

static void recs_free(struct recs *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		adr_record_clear(&rs->v[i]);
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

/* A 0000 file whose title is a placeholder: a template, not a record. */
static bool zero_template(const struct adr_record *r, const char *name)
{
	const char *t = r->d.title;

	if (strncmp(name, "0000", 4) != 0 && strncasecmp(name, "adr-0000", 8) != 0)
		return false;
	return adr_placeholder_title(t, strlen(t));
}

/* Read and parse one file into rs->v[rs->n] (room for it is there);
 * skipped files are reported, not fatal. */
static int import_file(const char *dir, const char *real, const char *name,
		       struct recs *rs, struct adr_import_report *rep,
		       struct error *e)
{
	char *path = path_join(dir, name), *data = NULL;
	struct adr_record *r = &rs->v[rs->n];
	struct error fe;
	size_t len;
	int rc;

	if (!path)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	err_clear(&fe);
	rc = read_all(path, &data, &len, &fe);
	if (rc == ST_OK)
		rc = adr_parse(path, data, len, r, &rep->msgs, &fe);
	free(path);
	if (rc == ST_OK && zero_template(r, name)) {
		adr_record_clear(r);
		free(data);
		rep->n_templates++;
		return ST_OK;
	}
	if (rc == ST_OK) {
		/* The file itself goes with the decision: an export writes it
		 * back where nothing changed. */
		r->d.source = data ? data : str_dup("");
		r->d.file = str_dup(name);
		r->d.file_dir = str_dup(real);
		data = NULL;
		if (!r->d.source || !r->d.file || !r->d.file_dir)
			rc = err_set(&fe, ST_ERROR, "%s", _("out of memory"));
		rs->n++;
	}
	free(data);
	if (rc == ST_INPUT) {
		rep->n_skipped++;
		return adr_msgs_push(&rep->msgs, &fe) < 0 ?
			err_set(e, ST_ERROR, "%s", _("out of memory")) : ST_OK;
	}
	if (rc < 0)
		*e = fe;
	return rc;
}

/* The records as decisions of `into`, in number order. */
static int hand_over(struct recs *rs, struct workshop_data *into,
		     struct adr_import_report *rep, struct error *e)
{
	struct decision *v;

	if (!rs->n)
		return ST_OK;
	qsort(rs->v, rs->n, sizeof(*rs->v), cmp_number);
	v = realloc(into->decisions,
		    (into->n_decisions + rs->n) * sizeof(*v));
	rep->origins = calloc(rs->n, sizeof(*rep->origins));
	if (v)
		into->decisions = v;
	if (!v || !rep->origins)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < rs->n; i++) {
		struct adr_origin *o = &rep->origins[rep->n_origins++];

		o->file = rs->v[i].path;
		o->file_number = rs->v[i].file_number;
		o->number = rs->v[i].d.number;
		rs->v[i].path = NULL;
		/* The fields as the file gives them, to tell later what the
		 * workshop changed. */
		if (adr_fields_sums(&rs->v[i].d, &rs->v[i].d.file_sums) < 0)
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		into->decisions[into->n_decisions++] = rs->v[i].d;
		memset(&rs->v[i].d, 0, sizeof(rs->v[i].d));
		rep->n_imported++;
	}
	return ST_OK;
}

int adr_import_dir(const char *dir, struct workshop_data *into,
		   struct adr_import_report *rep, struct error *e)
{
	struct strv names = { 0 };
	struct recs rs = { 0 };
	struct stat st;
	char *real = NULL;
	int rc;

	if (stat(dir, &st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return err_setloc(e, ST_INPUT, dir, 0, 0,
					  _("no such folder"));
		return err_setloc(e, errno == ENOMEM ? ST_ERROR : ST_INPUT, dir,
				  0, 0, _("cannot open the folder: %s"),
				  strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return err_setloc(e, ST_INPUT, dir, 0, 0, _("not a folder"));
	/* An export that a crash interrupted is finished first, so that
	 * the folder is read as one set. */
	if ((rc = fileset_recover(dir, NULL, e)) < 0)
		return rc;
	if (!(real = realpath(dir, NULL)))
		return err_setloc(e, ST_INPUT, dir, 0, 0,
				  _("cannot open the folder: %s"),
				  strerror(errno));
	if ((rc = list_dir(dir, &names, e)) < 0)
		goto done;
	rep->n_files = names.n;
	if (!(rs.v = calloc(names.n ? names.n : 1, sizeof(*rs.v)))) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < names.n; i++)
		if ((rc = import_file(dir, real, names.v[i], &rs, rep, e)) < 0)
			goto done;
	if (number_records(&rs, rep) < 0 || resolve_links(&rs, rep) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	if ((rc = hand_over(&rs, into, rep, e)) < 0)
		goto done;
	rc = ST_OK;
	if (!rep->n_imported)
		rc = err_setloc(e, ST_INPUT, dir, 0, 0,
				_("no ADR could be imported (%zu of %zu files "
				  "skipped)"), rep->n_skipped, rep->n_files);
done:
	recs_free(&rs);
	strv_free(&names);
	free(real);
	return rc;
}

size_t adr_renumber_links(struct decision *d, size_t n, const int *old_num,
			  const int *new_num, size_t n_map)
{
	size_t dropped = 0;
	bool oom = false;

	for (size_t i = 0; i < n; i++) {
		struct decision *x = &d[i];
		size_t k = 0;
		bool hit;

		for (size_t j = 0; j < x->n_supersedes; j++) {
			hit = false;
			for (size_t m = 0; m < n_map && !hit; m++) {
				if (old_num[m] == x->supersedes[j]) {
					x->supersedes[k++] = new_num[m];
					hit = true;
				}
			}
			dropped += !hit;
		}
		x->n_supersedes = k;
		k = 0;
		for (size_t j = 0; j < x->links.n; j++) {
			const char *rel;
			size_t rlen;
			int num;
			char *moved = NULL;

			hit = false;
			if (decision_link_parse(x->links.v[j], &rel, &rlen,
						&num) == ST_OK) {
				for (size_t m = 0; m < n_map && !hit; m++) {
					if (old_num[m] != num)
						continue;
					hit = true;
					moved = str_printf("%.*s\t%d", (int)rlen,
							   rel, new_num[m]);
				}
			}
			if (hit && !moved) {
				oom = true;
				hit = false;
			}
			if (!hit) {
				free(x->links.v[j]);
				dropped++;
				continue;
			}
			free(x->links.v[j]);
			x->links.v[k++] = moved;
		}
		x->links.n = k;
		if (x->superseded_by) {
			hit = false;
			for (size_t m = 0; m < n_map && !hit; m++) {
				if (old_num[m] == x->superseded_by) {
					x->superseded_by = new_num[m];
					hit = true;
				}
			}
			if (!hit) {
				x->superseded_by = 0;
				dropped++;
			}
		}
	}
	return oom ? SIZE_MAX : dropped;
}

char *adr_import_title(const char *dir)
{
	char *copy = str_dup(dir), *title;
	size_t n;

	if (!copy)
		return NULL;
	n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	if (strcmp(copy, ".") == 0 || strcmp(copy, "..") == 0 ||
	    str_empty(copy)) {
		char *real = realpath(dir, NULL);

		if (real) {
			free(copy);
			copy = real;
		}
	}
	title = str_printf(_("ADRs from %s"), copy);
	free(copy);
	return title;
}

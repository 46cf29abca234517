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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "adr/adr_import.h"
#include "adr/adr_import_int.h"
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

static bool candidate_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.' || n < 4 || strcasecmp(name + n - 3, ".md") != 0)
		return false;
	return strcasecmp(name, "README.md") != 0 &&
	       strcasecmp(name, "index.md") != 0 &&
	       strcasecmp(name, "template.md") != 0;
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

		if (!candidate_name(de->d_name))
			continue;
		if (!(full = path_join(dir, de->d_name))) {
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			break;
		}
		/* Subfolders that happen to end in .md are not records. */
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
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

/* Whole file; ST_INPUT (with *e) when it cannot be read. */
static int read_all(const char *path, char **data, size_t *len,
		    struct error *e)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[8192];
	size_t got;

	*data = NULL;
	*len = 0;
	if (!f)
		return err_setloc(e, errno == ENOMEM ? ST_ERROR : ST_INPUT, path,
				  0, 0, _("cannot read: %s"), strerror(errno));
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (buf_add(&b, chunk, got) < 0)
			break;
		if (b.len > ADR_MAX_FILE)
			break;
	}
	if (ferror(f)) {
		int err = errno;

		fclose(f);
		buf_free(&b);
		return err_setloc(e, ST_INPUT, path, 0, 0, _("cannot read: %s"),
				  strerror(err));
	}
	fclose(f);
	if (b.oom) {
		buf_free(&b);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	*len = b.len;
	*data = b.data ? b.data : NULL;
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
				   _("ADR number %d is also used by %s; "
				     "imported as ADR %d"),
				   r->d.number, rs->v[j].path, next);
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

/* Number a link points at, by target file name, else by its number. */
static int resolve_link(const struct recs *rs, const struct adr_link *l,
			bool *found)
{
	*found = true;
	if (l->target)
		for (size_t i = 0; i < rs->n; i++)
			if (strcmp(path_basename(rs->v[i].path), l->target) == 0)
				return rs->v[i].d.number;
	if (l->number) {
		/* The first holder of a number kept it. */
		for (size_t i = 0; i < rs->n; i++)
			if (rs->v[i].file_number == l->number ||
			    (!rs->v[i].file_number &&
			     rs->v[i].title_number == l->number))
				return rs->v[i].d.number;
	}
	*found = false;
	return l->number;
}

/*
 * Put a link line back into the rationale: at the top of the "## Links"
 * section the parser kept there (the rest of the Status section), else
 * under a new one at the end.
 */
static int rationale_link_text(struct decision *x, const char *text)
{
	static const char head[] = "## Links\n\n";
	const char *at = NULL, *r = x->rationale;
	char *next;

	for (const char *p = r; p && *p;) {
		if (strncmp(p, head, sizeof(head) - 1) == 0) {
			at = p + sizeof(head) - 1;
			break;
		}
		if ((p = strchr(p, '\n')))
			p++;
	}
	if (at)
		next = str_printf("%.*s%s\n\n%s", (int)(at - r), r, text, at);
	else if (!r)
		next = str_printf("%s%s", head, text);
	else
		next = str_printf("%s\n\n%s%s", r, head, text);
	if (!next)
		return ST_ERROR;
	free(x->rationale);
	x->rationale = next;
	return ST_OK;
}

/*
 * A link other than supersede: into links when it points at a record of
 * the folder; else the line stays as text in the rationale, so that only
 * links to decisions that exist are ever stored.
 */
static int other_link(struct adr_record *r, const struct adr_link *l,
		      bool found, int num, struct adr_import_report *rep)
{
	struct decision *x = &r->d;
	int rc;

	if (found && num != x->number) {
		rc = decision_link_add(x, l->relation, num);
		return rc == ST_ERROR ? ST_ERROR : ST_OK;
	}
	if (!found && adr_warnf(&rep->msgs, r->path, l->line,
				_("linked ADR %d (%s) is not in the folder; the "
				  "line is kept as text"), num,
				l->target ? l->target : "?") < 0)
		return ST_ERROR;
	return rationale_link_text(x, l->text ? l->text : "");
}

static int resolve_links(struct recs *rs, struct adr_import_report *rep)
{
	for (size_t i = 0; i < rs->n; i++) {
		struct adr_record *r = &rs->v[i];
		struct decision *x = &r->d;

		free(x->supersedes);
		x->supersedes = NULL;
		x->n_supersedes = 0;
		x->superseded_by = 0;
		strv_free(&x->links);
		for (size_t k = 0; k < r->n_links; k++) {
			const struct adr_link *l = &r->links[k];
			bool found, dup = false;
			int num = resolve_link(rs, l, &found);
			int rc = ST_OK;

			if (l->relation) {
				if (other_link(r, l, found, num, rep) < 0)
					return ST_ERROR;
				continue;
			}

			if (!found && !num) {
				rc = adr_warnf(&rep->msgs, r->path, l->line,
					   _("cannot tell which ADR this link "
					     "points to; link dropped"));
			} else if (!found) {
				rc = adr_warnf(&rep->msgs, r->path, l->line,
					   _("linked ADR %d (%s) is not in the "
					     "folder; link kept"), num,
					   l->target ? l->target : "?");
			}
			if (rc < 0)
				return rc;
			if (!num || num == x->number)
				continue;
			if (l->superseded_by) {
				if (x->superseded_by && x->superseded_by != num) {
					if (adr_warnf(&rep->msgs, r->path, l->line,
						  _("superseded twice; keeping "
						    "ADR %d, not %d"),
						  x->superseded_by, num) < 0)
						return ST_ERROR;
					continue;
				}
				x->superseded_by = num;
				continue;
			}
			for (size_t j = 0; j < x->n_supersedes; j++)
				dup = dup || x->supersedes[j] == num;
			if (!dup) {
				int *v = realloc(x->supersedes,
						 (x->n_supersedes + 1) * sizeof(*v));

				if (!v)
					return ST_ERROR;
				x->supersedes = v;
				v[x->n_supersedes++] = num;
			}
		}
	}
	return ST_OK;
}

static void recs_free(struct recs *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		adr_record_clear(&rs->v[i]);
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

/* Read and parse one file; skipped files are reported, not fatal. */
static int import_file(const char *dir, const char *name, struct recs *rs,
		       struct adr_import_report *rep, struct error *e)
{
	char *path = path_join(dir, name), *data = NULL;
	struct adr_record *v;
	struct error fe;
	size_t len;
	int rc;

	if (!path)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	err_clear(&fe);
	rc = read_all(path, &data, &len, &fe);
	if (rc == ST_OK) {
		v = realloc(rs->v, (rs->n + 1) * sizeof(*v));
		if (!v) {
			rc = err_set(&fe, ST_ERROR, "%s", _("out of memory"));
		} else {
			rs->v = v;
			rc = adr_parse(path, data, len, &rs->v[rs->n],
				       &rep->msgs, &fe);
			if (rc == ST_OK)
				rs->n++;
		}
	}
	free(data);
	free(path);
	if (rc == ST_INPUT) {
		rep->n_skipped++;
		return adr_msgs_push(&rep->msgs, &fe) < 0 ?
			err_set(e, ST_ERROR, "%s", _("out of memory")) : ST_OK;
	}
	if (rc < 0)
		*e = fe;
	return rc;
}

int adr_import_dir(const char *dir, struct workshop_data *into,
		   struct adr_import_report *rep, struct error *e)
{
	struct strv names = { 0 };
	struct recs rs = { 0 };
	struct stat st;
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
	if ((rc = list_dir(dir, &names, e)) < 0)
		goto done;
	rep->n_files = names.n;
	for (size_t i = 0; i < names.n; i++)
		if ((rc = import_file(dir, names.v[i], &rs, rep, e)) < 0)
			goto done;
	if (number_records(&rs, rep) < 0 || resolve_links(&rs, rep) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	if (rs.n)
		qsort(rs.v, rs.n, sizeof(*rs.v), cmp_number);
	for (size_t i = 0; i < rs.n; i++) {
		struct adr_origin *o;
		struct decision *x;

		o = realloc(rep->origins, (rep->n_origins + 1) * sizeof(*o));
		if (!o || !(x = wsdata_add_decision(into))) {
			if (o)
				rep->origins = o;
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
			goto done;
		}
		rep->origins = o;
		o = &o[rep->n_origins++];
		o->file = rs.v[i].path;
		o->file_number = rs.v[i].file_number;
		o->number = rs.v[i].d.number;
		rs.v[i].path = NULL;
		*x = rs.v[i].d;
		memset(&rs.v[i].d, 0, sizeof(rs.v[i].d));
		rep->n_imported++;
	}
	rc = ST_OK;
	if (!rep->n_imported)
		rc = err_setloc(e, ST_INPUT, dir, 0, 0,
				_("no ADR could be imported (%zu of %zu files "
				  "skipped)"), rep->n_skipped, rep->n_files);
done:
	recs_free(&rs);
	strv_free(&names);
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

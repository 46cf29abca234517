#include "config.h"
/*
 * adr_export: owns a workshop's export into an ADR folder (adr_export.h):
 * the plan (which file each decision goes to, the numbers of new files),
 * what each file becomes, and the set written in the end.  The folder as
 * found is adr_folder.c; the layouts, adr_write.c and madr_write.c.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "adr/adr_export.h"
#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/atomic.h"
#include "util/i18n.h"
#include "util/path.h"

struct job {
	size_t di;              /* index into d->decisions */
	size_t pi;              /* index into plan.v */
	enum adr_action act;
	unsigned fields;        /* the fields the write changes */
	bool native;            /* written from the model */
	struct buf body;
	char *note;
	char *old_title;        /* as the folder had them, for the index */
	char *old_status;
};

struct ctx {
	const struct workshop_data *d;
	const struct knowledge *k;
	int flags;
	bool madr;
	struct folder f;
	struct adr_plan plan;
	struct adr_refs refs;
	struct job *jobs;       /* one per decision, plan order */
	char *mine;             /* our marker, up to the decision number */
	const char *dir;
	bool all_ours;          /* every record in the folder is charrette's */
};

/* ---- the plan --------------------------------------------------------------- */

void export_adr_plan_clear(struct adr_plan *plan)
{
	for (size_t i = 0; i < plan->n; i++) {
		struct adr_entry *en = &plan->v[i];

		free(en->file);
		free(en->title);
		free(en->status);
		free(en->date);
	}
	free(plan->v);
	free(plan->order);
	free(plan->superseder);
	free(plan->sup_first);
	free(plan->sup_next);
	memset(plan, 0, sizeof(*plan));
}

static const struct decision *dec_of(const struct workshop_data *d,
				     const size_t *by_num, int number)
{
	size_t lo = 0, hi = d->n_decisions;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct decision *x = &d->decisions[by_num[mid]];

		if (x->number == number)
			return x;
		if (x->number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Who supersedes whom, computed once: by a decision's superseded_by, or
 * by another's supersedes list. */
static int plan_links(struct adr_plan *p, const struct workshop_data *d,
		      const size_t *by_num)
{
	size_t n = d->n_decisions ? d->n_decisions : 1;

	p->superseder = malloc(n * sizeof(int));
	p->sup_first = malloc(n * sizeof(int));
	p->sup_next = malloc(n * sizeof(int));
	if (!p->superseder || !p->sup_first || !p->sup_next)
		return ST_ERROR;
	for (size_t i = 0; i < d->n_decisions; i++)
		p->superseder[i] = p->sup_first[i] = p->sup_next[i] = -1;
	for (size_t j = d->n_decisions; j-- > 0;) {
		const struct decision *o = &d->decisions[j];
		const struct decision *t;

		for (size_t s = 0; s < o->n_supersedes; s++) {
			t = dec_of(d, by_num, o->supersedes[s]);
			if (t && t != o)
				p->superseder[t - d->decisions] = (int)j;
		}
	}
	for (size_t i = d->n_decisions; i-- > 0;) {
		const struct decision *x = &d->decisions[i];
		const struct decision *t;

		if (x->superseded_by <= 0 ||
		    !(t = dec_of(d, by_num, x->superseded_by)) || t == x)
			continue;
		/* superseded_by wins over another's list. */
		p->superseder[i] = (int)(t - d->decisions);
		p->sup_next[i] = p->sup_first[t - d->decisions];
		p->sup_first[t - d->decisions] = (int)i;
	}
	return ST_OK;
}

/* The status the index shows for decision i. */
static char *index_status(const struct workshop_data *d,
			  const struct adr_plan *p, size_t i)
{
	const struct decision *x = &d->decisions[i];
	int by = p->superseder ? p->superseder[i] : -1;
	const struct adr_entry *en;

	if (by >= 0 && (en = x_plan_entry(p, d, d->decisions[by].number)))
		return str_printf(_("Superseded by ADR %d"), en->number);
	if (x->status == ADR_SUPERSEDED && x->superseded_by > 0)
		return str_printf(_("Superseded by ADR %d"), x->superseded_by);
	return str_dup(decision_status_shown(x));
}

static const struct workshop_data *sort_d;
static const size_t *sort_by_num;

static int cmp_file_rank(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_d->decisions[sort_by_num[x]].file,
		       sort_d->decisions[sort_by_num[y]].file);

	return c ? c : (x > y) - (x < y);
}

/* dup[r]: decision by_num[r] has the file name of one before it (two
 * records from two folders, say): it gets a file of its own. */
static bool *dup_files(const struct workshop_data *d, const size_t *by_num)
{
	size_t n = 0, *v = malloc((d->n_decisions + 1) * sizeof(*v));
	bool *dup = calloc(d->n_decisions + 1, sizeof(*dup));

	if (!v || !dup) {
		free(v);
		free(dup);
		return NULL;
	}
	for (size_t r = 0; r < d->n_decisions; r++)
		if (d->decisions[by_num[r]].file)
			v[n++] = r;
	sort_d = d;
	sort_by_num = by_num;
	qsort(v, n, sizeof(*v), cmp_file_rank);
	for (size_t i = 1; i < n; i++)
		if (strcmp(d->decisions[by_num[v[i]]].file,
			   d->decisions[by_num[v[i - 1]]].file) == 0)
			dup[v[i]] = true;
	free(v);
	return dup;
}

/* Where decision `number` is in the number order, or SIZE_MAX. */
static size_t rank_of(const struct workshop_data *d, const size_t *by_num,
		      int number)
{
	size_t lo = 0, hi = d->n_decisions;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int n = d->decisions[by_num[mid]].number;

		if (n == number)
			return mid;
		if (n < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* The file of each decision: its own, the one our marker names, or a new
 * one numbered after the highest number in the folder. */
static int plan_files(struct adr_plan *p, const struct workshop_data *d,
		      struct folder *f, const size_t *by_num)
{
	int max = f->max_number;
	bool foreign = false, *dup = dup_files(d, by_num);

	if (!dup)
		return ST_ERROR;
	for (size_t i = 0; i < f->n; i++)
		foreign = foreign || (f->v[i].numbered && f->v[i].marker < 0);
	for (size_t r = 0; r < d->n_decisions; r++) {
		const struct decision *x = &d->decisions[by_num[r]];
		struct adr_entry *en = &p->v[r];
		char date[11];

		en->decision = (int)by_num[r];
		if (x->file && !dup[r]) {
			struct ffile *ff = adr_folder_file(f, x->file);

			en->file = str_dup(x->file);
			if (ff)
				ff->claimed = true;
			adr_name_info(x->file, &en->number, date);
			if (!en->number && strncmp(x->file, "0000", 4) != 0)
				en->number = x->number;
			if (!en->file)
				goto oom;
		}
	}
	/* Files of ours, by the decision their marker names. */
	for (size_t k = 0; k < f->n; k++) {
		struct ffile *ff = &f->v[k];
		size_t r;

		if (ff->marker <= 0 || ff->claimed ||
		    (r = rank_of(d, by_num, ff->marker)) == SIZE_MAX ||
		    p->v[r].file || d->decisions[by_num[r]].file)
			continue;
		if (!(p->v[r].file = str_dup(ff->name)))
			goto oom;
		p->v[r].number = ff->number ? ff->number : ff->marker;
		ff->claimed = true;
	}
	for (size_t r = 0; r < d->n_decisions; r++)
		if (p->v[r].file && p->v[r].number > max)
			max = p->v[r].number;
	/* New files, in decision order, after everything there is: a
	 * decision keeps its number where nothing of another's is there. */
	for (size_t r = 0; r < d->n_decisions; r++) {
		const struct decision *x = &d->decisions[by_num[r]];
		struct adr_entry *en = &p->v[r];

		if (en->file)
			continue;
		en->number = !foreign && x->number > max ? x->number : max + 1;
		max = en->number;
		en->file = adr_folder_name(f, en->number, x->title);
		if (!en->file)
			goto oom;
	}
	free(dup);
	return ST_OK;
oom:
	free(dup);
	return ST_ERROR;
}

static size_t *number_order(const struct workshop_data *d)
{
	return x_decision_order(d);
}

/* Everything else in the folder, for the index. */
static int plan_others(struct adr_plan *p, struct folder *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct ffile *ff = &f->v[i];
		struct adr_entry *nv, *en;
		struct adr_record r;
		struct adr_msgs m = { 0 };
		struct error e;

		if (ff->claimed || !ff->text)
			continue;
		nv = realloc(p->v, (p->n + 1) * sizeof(*nv));
		if (!nv)
			return ST_ERROR;
		p->v = nv;
		en = &nv[p->n++];
		memset(en, 0, sizeof(*en));
		en->decision = -1;
		en->exists = true;
		en->markdown = true;
		en->number = ff->number;
		if (!(en->file = str_dup(ff->name)))
			return ST_ERROR;
		if (adr_parse(ff->name, ff->text, ff->len, &r, NULL, &e) == ST_OK) {
			en->title = str_dup(r.d.title);
			en->status = str_dup(decision_status_shown(&r.d));
			en->date = r.d.date ? str_dup(r.d.date) : NULL;
			adr_record_clear(&r);
		}
		adr_msgs_clear(&m);
	}
	return ST_OK;
}

static int plan_build(struct adr_plan *p, const struct workshop_data *d,
		      struct folder *f, bool madr, bool with_others)
{
	size_t *by_num = number_order(d);
	int rc = ST_ERROR;

	memset(p, 0, sizeof(*p));
	p->index_ours = !f->readme || strstr(f->readme, X_INDEX_MARKER);
	p->v = calloc(d->n_decisions + 1, sizeof(*p->v));
	p->order = malloc((d->n_decisions + 1) * sizeof(*p->order));
	if (!by_num || !p->v || !p->order)
		goto out;
	p->n = p->n_ours = d->n_decisions;
	if (plan_files(p, d, f, by_num) < 0)
		goto out;
	/* Our entries are in decision order already. */
	for (size_t i = 0; i < d->n_decisions; i++)
		p->order[i] = i;
	if (plan_links(p, d, by_num) < 0)
		goto out;
	for (size_t r = 0; r < d->n_decisions; r++) {
		struct adr_entry *en = &p->v[r];
		const struct decision *x = &d->decisions[en->decision];
		struct ffile *ff = adr_folder_file(f, en->file);

		en->exists = ff != NULL;
		en->title = str_dup(x_decision_title(x));
		en->markdown = x->markdown;
		en->madr = madr;
		en->status = index_status(d, p, (size_t)en->decision);
		en->date = x->date ? str_dup(x->date) : NULL;
		if (!en->title || !en->status || (x->date && !en->date))
			goto out;
	}
	if (with_others && plan_others(p, f) < 0)
		goto out;
	rc = ST_OK;
out:
	free(by_num);
	if (rc < 0)
		export_adr_plan_clear(p);
	return rc;
}

int export_adr_plan(const struct workshop_data *d, const char *dir,
		    struct adr_plan *plan, struct error *e)
{
	struct folder f;
	char *mine = x_marker_mine(d);
	int rc;

	memset(&f, 0, sizeof(f));
	f.prefix = "";
	f.width = 4;
	f.slug = true;
	if (!mine)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (dir && (rc = adr_folder_scan(&f, dir, mine, e)) < 0) {
		free(mine);
		return rc;
	}
	rc = plan_build(plan, d, &f, false, true);
	adr_folder_clear(&f);
	free(mine);
	return rc < 0 ? err_set(e, ST_ERROR, "%s", _("out of memory")) : ST_OK;
}

const struct adr_entry *x_plan_entry(const struct adr_plan *plan,
				     const struct workshop_data *d,
				     int number)
{
	size_t lo = 0, hi = plan->n_ours;

	/* Ours are in decision-number order. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int di = plan->v[plan->order ? plan->order[mid] : mid].decision;
		int num = di >= 0 && (size_t)di < d->n_decisions ?
			  d->decisions[di].number : 0;

		if (num == number)
			return &plan->v[plan->order ? plan->order[mid] : mid];
		if (num < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int x_plan_superseder(const struct adr_plan *plan,
		      const struct workshop_data *d, size_t i)
{
	if (plan->superseder && i < d->n_decisions)
		return plan->superseder[i];
	return x_superseder(d, i);
}

/* ---- what each file becomes -------------------------------------------------- */

static int add_change(struct adr_changes *c, const char *file, int number,
		      enum adr_action act, const char *what)
{
	struct adr_change *v;

	if (!c)
		return ST_OK;
	if (act == ADR_SAME) {
		c->n_same++;
		return ST_OK;
	}
	v = realloc(c->v, (c->n + 1) * sizeof(*v));
	if (!v)
		return ST_ERROR;
	c->v = v;
	v = &v[c->n];
	v->file = str_dup(file);
	v->what = what ? str_dup(what) : NULL;
	v->number = number;
	v->action = act;
	if (!v->file || (what && !v->what))
		return ST_ERROR;
	c->n++;
	return ST_OK;
}

/* The refs links are written through: every decision and its file. */
static int build_refs(struct ctx *c)
{
	struct adr_ref *v = calloc(c->plan.n_ours + 1, sizeof(*v));
	int rc;

	if (!v)
		return ST_ERROR;
	for (size_t i = 0; i < c->plan.n_ours; i++) {
		const struct adr_entry *en = &c->plan.v[i];
		const struct decision *x = &c->d->decisions[en->decision];
		int fn = 0;
		char date[11];

		adr_name_info(en->file, &fn, date);
		v[i].number = x->number;
		v[i].file_number = fn ? fn : en->number;
		v[i].file = en->file;
		v[i].title = en->title;
	}
	rc = adr_refs_init(&c->refs, v, c->plan.n_ours);
	free(v);
	return rc;
}

/* A file parsed and its links read through the plan; *out cleared. */
static int read_record(struct ctx *c, const char *name, const char *text,
		       size_t len, struct adr_record *out)
{
	struct error e;
	int rc = adr_parse(name, text, len, out, NULL, &e);

	if (rc < 0)
		return rc;
	return adr_resolve_links(out, &c->refs, NULL);
}

static bool family_madr(enum adr_format f)
{
	return f != ADR_FORMAT_NYGARD;
}

/* Render decision di natively into job->body (sealed). */
static int render_native(struct ctx *c, struct job *j, struct error *e)
{
	int rc;

	buf_puts(&j->body, "");
	if (c->madr)
		rc = export_madr_one(c->d, c->k, &c->plan, j->di, &j->body, e);
	else
		rc = export_adr_one(c->d, c->k, &c->plan, j->di, &j->body, e);
	if (rc == ST_OK && adr_seal(&j->body) < 0)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	j->native = true;
	return rc;
}

static int set_note(struct job *j, unsigned fields, const char *extra)
{
	struct buf b;

	buf_init(&b);
	adr_fields_names(&b, fields);
	if (extra)
		buf_printf(&b, "%s%s", b.len ? "; " : "", extra);
	free(j->note);
	j->note = b.len ? buf_detach(&b) : NULL;
	buf_free(&b);
	return ST_OK;
}

static int read_record(struct ctx *c, const char *name, const char *text,
		       size_t len, struct adr_record *out);

/* Do the file and what charrette would write say the same, field by
 * field, whatever their bytes? */
static bool says_the_same(struct ctx *c, const struct ffile *ff,
			  const struct buf *body)
{
	struct adr_record a, b;
	bool same;

	if (read_record(c, ff->name, ff->text, ff->len, &a) < 0)
		return false;
	if (read_record(c, ff->name, buf_str(body), body->len, &b) < 0) {
		adr_record_clear(&a);
		return false;
	}
	same = adr_fields_diff(&a.d, &b.d) == 0;
	adr_record_clear(&a);
	adr_record_clear(&b);
	return same;
}

/* A decision made in the workshop. */
static int job_native(struct ctx *c, struct job *j, struct ffile *ff,
		      struct error *e)
{
	int rc = render_native(c, j, e);

	if (rc < 0)
		return rc;
	if (!ff) {
		j->act = ADR_NEW;
		return ST_OK;
	}
	if (ff->text && ff->len == j->body.len &&
	    memcmp(ff->text, buf_str(&j->body), ff->len) == 0) {
		j->act = ADR_SAME;
		return ST_OK;
	}
	if (ff->text && (adr_pristine(ff->text, ff->len) ||
			 adr_same_but_marker(ff->text, ff->len,
					     buf_str(&j->body), j->body.len))) {
		j->act = ADR_CHANGE;
		return set_note(j, 0, _("written again"));
	}
	/* Edited in the folder (adr-tools' `adr new -s`, a hand edit): left
	 * as it is while it says what the workshop says. */
	if (ff->text && says_the_same(c, ff, &j->body)) {
		j->act = ADR_THEIRS;
		return set_note(j, 0, _("edited in the folder; it says what the workshop says"));
	}
	j->act = ADR_CONFLICT;
	return set_note(j, 0, _("edited in the folder since charrette wrote it"));
}

/* The old title and status a folder's file shows, for the index. */
static int remember_old(struct job *j, const struct adr_record *r)
{
	j->old_title = str_dup(r->d.title);
	j->old_status = str_dup(decision_status_shown(&r->d));
	return j->old_title && j->old_status ? ST_OK : ST_ERROR;
}

/* The folder's file was edited: the workshop's changes made to it. */
static int job_edited(struct ctx *c, struct job *j, const struct decision *x,
		      const struct adr_record *r0, unsigned fw,
		      struct ffile *ff)
{
	struct adr_record rd;
	unsigned fd, both, todo;
	int rc;

	if ((rc = read_record(c, ff->name, ff->text, ff->len, &rd)) < 0)
		return rc;
	fd = adr_fields_diff(&r0->d, &rd.d);
	todo = fw & adr_fields_diff(&rd.d, x);
	both = fw & fd & todo;
	rc = remember_old(j, &rd);
	if (rc == ST_OK && todo)
		rc = adr_patch(ff->text, ff->len, &rd, x, todo, &c->refs,
			       &j->body);
	adr_record_clear(&rd);
	if (rc < 0)
		return rc;
	j->fields = todo;
	if (!todo) {
		j->act = ADR_THEIRS;
		return set_note(j, 0, _("edited in the folder; the workshop's changes are in it already"));
	}
	if (both) {
		struct buf b;

		j->act = ADR_CONFLICT;
		buf_init(&b);
		adr_fields_names(&b, both);
		set_note(j, 0, NULL);
		j->note = str_printf(_("changed in the folder and in the workshop: %s"),
				     buf_str(&b));
		buf_free(&b);
		return j->note ? ST_OK : ST_ERROR;
	}
	j->act = ADR_CHANGE;
	return set_note(j, todo, NULL);
}

/* A decision read from a file. */
static int job_sourced(struct ctx *c, struct job *j, struct ffile *ff,
		       struct error *e)
{
	const struct decision *x = &c->d->decisions[j->di];
	size_t slen = strlen(x->source);
	struct adr_record r0;
	unsigned fw;
	int rc;

	if ((rc = read_record(c, x->file, x->source, slen, &r0)) < 0) {
		/* The stored bytes no longer read: written from the model. */
		return job_native(c, j, ff, e);
	}
	if (!ff && family_madr(r0.format) != c->madr) {
		/* Into another folder in another format: converted. */
		adr_record_clear(&r0);
		return job_native(c, j, ff, e);
	}
	/* What the workshop changed: by the checksums of the fields as the
	 * file gave them (whatever this version of the parser reads now),
	 * else by reading the stored file again. */
	if (!adr_fields_changed(x, &fw))
		fw = adr_fields_diff(&r0.d, x);
	if (ff && ff->text && (ff->len != slen ||
			       memcmp(ff->text, x->source, slen) != 0)) {
		if (!fw) {
			j->act = ADR_THEIRS;
			rc = set_note(j, 0, _("edited in the folder, not in the workshop: left as it is"));
		} else {
			rc = job_edited(c, j, x, &r0, fw, ff);
		}
		adr_record_clear(&r0);
		return rc < 0 ? err_set(e, ST_ERROR, "%s", _("out of memory")) : rc;
	}
	rc = remember_old(j, &r0);
	if (rc == ST_OK && fw)
		rc = adr_patch(x->source, slen, &r0, x, fw, &c->refs, &j->body);
	else if (rc == ST_OK)
		buf_add(&j->body, x->source, slen);
	adr_record_clear(&r0);
	if (rc < 0 || j->body.oom)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	j->fields = fw;
	j->act = !ff ? ADR_NEW : fw ? ADR_CHANGE : ADR_SAME;
	if (j->act == ADR_CHANGE && ff->len == j->body.len &&
	    memcmp(ff->text, buf_str(&j->body), ff->len) == 0)
		j->act = ADR_SAME;
	return set_note(j, fw, NULL);
}

static int plan_jobs(struct ctx *c, struct error *e)
{
	c->jobs = calloc(c->plan.n_ours + 1, sizeof(*c->jobs));
	if (!c->jobs)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < c->plan.n_ours; i++) {
		struct job *j = &c->jobs[i];
		const struct adr_entry *en = &c->plan.v[i];
		const struct decision *x = &c->d->decisions[en->decision];
		struct ffile *ff = adr_folder_file(&c->f, en->file);
		int rc;

		j->di = (size_t)en->decision;
		j->pi = i;
		buf_init(&j->body);
		if (ff && !ff->text)
			return err_set(e, ST_INPUT,
				       _("%s/%s cannot be read (too large, or not a regular file); nothing was written"),
				       c->dir, en->file);
		rc = x->source && x->file && strcmp(x->file, en->file) == 0 ?
			job_sourced(c, j, ff, e) : job_native(c, j, ff, e);
		if (rc < 0)
			return rc;
	}
	return ST_OK;
}

/* ---- the index and the template ----------------------------------------------- */

/* The README's lines for new records and for changed titles and statuses. */
static int index_edits(struct ctx *c, struct adr_index_edit **added,
		       size_t *na, struct adr_index_edit **renamed, size_t *nr)
{
	size_t n = c->plan.n_ours;

	*na = *nr = 0;
	*added = calloc(n + 1, sizeof(**added));
	*renamed = calloc(n + 1, sizeof(**renamed));
	if (!*added || !*renamed)
		return ST_ERROR;
	for (size_t i = 0; i < n; i++) {
		const struct job *j = &c->jobs[i];
		const struct adr_entry *en = &c->plan.v[j->pi];
		struct adr_index_edit x = {
			.file = en->file, .number = en->number,
			.title = en->title, .old_title = j->old_title,
			.status = en->status, .old_status = j->old_status,
			.date = en->date,
		};

		if (j->act == ADR_NEW && !en->exists)
			(*added)[(*na)++] = x;
		else if ((j->act == ADR_CHANGE || j->act == ADR_CONFLICT) &&
			 j->old_title)
			(*renamed)[(*nr)++] = x;
	}
	return ST_OK;
}

/* What README.md becomes (act ADR_SAME: nothing to write). */
static int index_job(struct ctx *c, struct buf *out, enum adr_action *act,
		     struct error *e)
{
	struct adr_index_edit *added = NULL, *renamed = NULL;
	size_t na, nr;
	bool changed = false;
	int rc;

	*act = ADR_SAME;
	if (!c->f.readme && (!c->all_ours || c->f.has_readme))
		return ST_OK;
	if (!c->f.readme || strstr(c->f.readme, X_INDEX_MARKER)) {
		if ((rc = export_adr_index(&c->plan, out, e)) < 0)
			return rc;
		if (!c->f.readme)
			*act = ADR_NEW;
		else if (c->f.readme_len != out->len ||
			 memcmp(c->f.readme, buf_str(out), out->len) != 0)
			*act = ADR_CHANGE;
		return ST_OK;
	}
	rc = index_edits(c, &added, &na, &renamed, &nr);
	if (rc == ST_OK)
		rc = adr_index_update(c->f.readme, c->f.readme_len, added, na,
				      renamed, nr, &c->plan, out, &changed);
	free(added);
	free(renamed);
	if (rc < 0)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	*act = changed ? ADR_CHANGE : ADR_SAME;
	return ST_OK;
}

/* ---- the whole export ---------------------------------------------------------- */

static void ctx_clear(struct ctx *c)
{
	for (size_t i = 0; c->jobs && i < c->plan.n_ours; i++) {
		buf_free(&c->jobs[i].body);
		free(c->jobs[i].note);
		free(c->jobs[i].old_title);
		free(c->jobs[i].old_status);
	}
	free(c->jobs);
	adr_refs_clear(&c->refs);
	export_adr_plan_clear(&c->plan);
	adr_folder_clear(&c->f);
	free(c->mine);
}

/* Every record in the folder is charrette's own (or there are none), and
 * no decision came from a file: the index and template are ours to add. */
static bool all_ours(const struct ctx *c)
{
	for (size_t i = 0; i < c->f.n; i++)
		if (c->f.v[i].marker < 0)
			return false;
	/* A record read from a file charrette wrote is charrette's too. */
	for (size_t i = 0; i < c->d->n_decisions; i++)
		if (c->d->decisions[i].source &&
		    !strstr(c->d->decisions[i].source, X_MARKER_PREFIX))
			return false;
	return true;
}

static int report(struct ctx *c, struct adr_changes *ch, size_t *conflicts)
{
	*conflicts = 0;
	for (size_t i = 0; i < c->plan.n_ours; i++) {
		const struct job *j = &c->jobs[i];
		const struct adr_entry *en = &c->plan.v[j->pi];

		*conflicts += j->act == ADR_CONFLICT;
		if (add_change(ch, en->file, c->d->decisions[j->di].number,
			       j->act, j->note) < 0)
			return ST_ERROR;
	}
	return ST_OK;
}

/* Add the files to write to fs; their paths to written. */
static int collect(struct ctx *c, struct fileset *fs, struct strv *written,
		   struct error *e)
{
	for (size_t i = 0; i < c->plan.n_ours; i++) {
		const struct job *j = &c->jobs[i];
		const char *name = c->plan.v[j->pi].file;
		char *path;
		int rc;

		if (j->act != ADR_NEW && j->act != ADR_CHANGE &&
		    j->act != ADR_CONFLICT)
			continue;
		if ((rc = fileset_add(fs, name, buf_str(&j->body), j->body.len,
				      e)) < 0)
			return rc;
		if (written) {
			if (!(path = path_join(c->dir, name)) ||
			    strv_push(written, path) < 0) {
				free(path);
				return err_set(e, ST_ERROR, "%s",
					       _("out of memory"));
			}
			free(path);
		}
	}
	return ST_OK;
}

static int add_extra(struct ctx *c, struct fileset *fs, const char *name,
		     const struct buf *b, enum adr_action act,
		     struct adr_changes *ch, struct strv *written,
		     struct error *e)
{
	char *path;
	int rc;

	if (add_change(ch, name, 0, act, NULL) < 0)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (act == ADR_SAME || !fs)
		return ST_OK;
	if ((rc = fileset_add(fs, name, buf_str(b), b->len, e)) < 0)
		return rc;
	if (written) {
		if (!(path = path_join(c->dir, name)) ||
		    strv_push(written, path) < 0) {
			free(path);
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		}
		free(path);
	}
	return ST_OK;
}

static int conflict_error(struct ctx *c, size_t n, struct error *e)
{
	for (size_t i = 0; i < c->plan.n_ours; i++)
		if (c->jobs[i].act == ADR_CONFLICT)
			return err_set(e, ST_INPUT,
				       _("%s/%s: %s; %zu record(s) conflict, nothing was written (see `charrette diff`; --force writes the workshop's side)"),
				       c->dir, c->plan.v[c->jobs[i].pi].file,
				       c->jobs[i].note ? c->jobs[i].note : "",
				       n);
	return ST_OK;
}

static int finish_export(struct ctx *c, struct adr_changes *ch,
			 struct strv *written, struct error *e)
{
	struct buf idx, tpl;
	enum adr_action ia, ta = ADR_SAME;
	struct fileset *fs = NULL;
	size_t conflicts;
	bool dry = c->flags & ADR_EXPORT_DRY_RUN;
	int rc;

	buf_init(&idx);
	buf_init(&tpl);
	if ((rc = index_job(c, &idx, &ia, e)) < 0)
		goto out;
	if (c->madr && c->all_ours && !c->f.has_template) {
		adr_madr_template(&tpl);
		ta = ADR_NEW;
	}
	if ((rc = report(c, ch, &conflicts)) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto out;
	}
	if (conflicts && !(c->flags & ADR_EXPORT_FORCE) && !dry) {
		rc = conflict_error(c, conflicts, e);
		goto out;
	}
	if (!dry && !(fs = fileset_new(c->dir))) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto out;
	}
	if ((!dry && (rc = collect(c, fs, written, e)) < 0) ||
	    (rc = add_extra(c, fs, "README.md", &idx, ia, ch, written, e)) < 0 ||
	    (rc = add_extra(c, fs, "template.md", &tpl, ta, ch, written, e)) < 0)
		goto out;
	if (!dry)
		rc = fileset_commit(fs, e);
out:
	fileset_free(&fs);
	buf_free(&idx);
	buf_free(&tpl);
	return rc;
}

int adr_export_dir(const struct workshop_data *d, const struct knowledge *k,
		   const char *dir, int flags, struct adr_changes *changes,
		   struct strv *written, struct error *e)
{
	struct ctx c;
	bool with_others;
	int rc;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.k = k;
	c.flags = flags;
	c.madr = flags & ADR_EXPORT_MADR;
	c.dir = dir;
	if (!(flags & ADR_EXPORT_DRY_RUN) && (rc = x_ensure_dir(dir, e)) < 0)
		return rc;
	if (!(c.mine = x_marker_mine(d)))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if ((rc = adr_folder_scan(&c.f, dir, c.mine, e)) < 0)
		goto out;
	c.all_ours = all_ours(&c);
	/* The index lists (or links) the folder's other records too. */
	with_others = c.f.readme || c.all_ours;
	if ((rc = plan_build(&c.plan, d, &c.f, c.madr, with_others)) < 0 ||
	    (rc = build_refs(&c)) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto out;
	}
	if ((rc = plan_jobs(&c, e)) < 0)
		goto out;
	rc = finish_export(&c, changes, written, e);
out:
	ctx_clear(&c);
	return rc;
}

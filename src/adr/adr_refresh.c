#include "config.h"
/*
 * adr_refresh: owns reading a folder again into a workshop that has some
 * of its records (see adr_refresh.h): which file is which decision, and
 * what of a file's changes the workshop takes.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_export.h"
#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "adr/adr_refresh.h"
#include "util/i18n.h"
#include "export/export.h"
#include "util/path.h"

static const struct workshop_data *sort_w;

static int cmp_file(const void *a, const void *b)
{
	const struct decision *x = &sort_w->decisions[*(const size_t *)a];
	const struct decision *y = &sort_w->decisions[*(const size_t *)b];

	return strcmp(x->file, y->file);
}

/* The decisions of w with a file, by file name. */
static size_t *by_file(const struct workshop_data *w, size_t *n)
{
	size_t *v = malloc((w->n_decisions + 1) * sizeof(*v));

	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < w->n_decisions; i++)
		if (w->decisions[i].file)
			v[(*n)++] = i;
	sort_w = w;
	qsort(v, *n, sizeof(*v), cmp_file);
	sort_w = NULL;
	return v;
}

/* The decision of w whose file is `file` (in folder dir, unless any
 * folder will do), not yet taken. */
static int find_file(const struct workshop_data *w, const size_t *v, size_t n,
		     const char *file, const char *dir, const bool *taken)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(w->decisions[v[mid]].file, file);

		if (c == 0) {
			while (mid > 0 &&
			       strcmp(w->decisions[v[mid - 1]].file, file) == 0)
				mid--;
			for (; mid < n && strcmp(w->decisions[v[mid]].file,
						 file) == 0; mid++) {
				const struct decision *x = &w->decisions[v[mid]];

				if (!taken[v[mid]] &&
				    (!dir || str_eq(x->file_dir, dir)))
					return (int)v[mid];
			}
			return -1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Do the workshop's files all come from one folder other than dir? Then
 * the folder has moved (a clone elsewhere), and names alone match. */
static bool one_other_folder(const struct workshop_data *w, const char *dir)
{
	const char *seen = NULL;

	for (size_t i = 0; i < w->n_decisions; i++) {
		const char *f = w->decisions[i].file_dir;

		if (!w->decisions[i].file || !f)
			continue;
		if (str_eq(f, dir) || (seen && !str_eq(seen, f)))
			return false;
		seen = f;
	}
	return seen != NULL;
}

/* A file of ours: the decision its marker names, and whether it was
 * edited since charrette wrote it. */
static int by_marker(const struct workshop_data *w, const struct decision *x,
		     const char *mine, bool *edited)
{
	size_t len = strlen(x->source), k = strlen(mine);
	const char *p = x->source, *hit = NULL;

	for (const char *q = p; (q = strstr(q, mine)); q += k)
		hit = q;
	if (!hit)
		return -1;
	*edited = !adr_pristine(x->source, len);
	for (size_t i = 0; i < w->n_decisions; i++)
		if (w->decisions[i].number == atoi(hit + k) &&
		    !w->decisions[i].file)
			return (int)i;
	return -1;
}

/* A file renamed in the folder: a decision of this folder with the same
 * number whose file is not there any more. */
static int by_number(const struct workshop_data *w,
		     const struct workshop_data *imp, const char *dir,
		     const struct decision *x, const bool *taken)
{
	int num = 0, n2;
	char date[11];

	adr_name_info(x->file, &num, date);
	if (!num)
		return -1;
	for (size_t i = 0; i < w->n_decisions; i++) {
		const struct decision *o = &w->decisions[i];
		bool there = false;

		if (taken[i] || !o->file || !str_eq(o->file_dir, dir))
			continue;
		adr_name_info(o->file, &n2, date);
		if (n2 != num)
			continue;
		for (size_t j = 0; j < imp->n_decisions && !there; j++)
			there = str_eq(imp->decisions[j].file, o->file);
		if (!there)
			return (int)i;
	}
	return -1;
}

int adr_refresh_match(const struct workshop_data *w,
		      const struct workshop_data *imp, const char *dir,
		      const char *mine, int *match, int *ours,
		      struct adr_msgs *msgs)
{
	size_t n, *v = by_file(w, &n);
	bool *taken = calloc(w->n_decisions + 1, sizeof(*taken));
	bool moved = one_other_folder(w, dir);
	int rc = ST_OK;

	if (!v || !taken) {
		free(v);
		free(taken);
		return ST_ERROR;
	}
	for (size_t i = 0; i < imp->n_decisions && rc == ST_OK; i++) {
		const struct decision *x = &imp->decisions[i];
		bool edited = false;
		int j = find_file(w, v, n, x->file, moved ? NULL : dir, taken);

		if (j < 0 && (j = by_marker(w, x, mine, &edited)) >= 0) {
			/* Written by the workshop: its decision is the record. */
			match[i] = j;
			ours[i] = edited ? ADR_OURS_EDITED : ADR_OURS;
			taken[j] = true;
			continue;
		}
		if (j < 0)
			j = by_number(w, imp, dir, x, taken);
		match[i] = j;
		ours[i] = 0;
		if (j >= 0)
			taken[j] = true;
	}
	free(v);
	free(taken);
	return rc;
}

/* ---- merging ------------------------------------------------------------- */

static int copy_text(char **dst, const char *src)
{
	free(*dst);
	*dst = NULL;
	return !src || (*dst = str_dup(src)) ? ST_OK : ST_ERROR;
}

static int copy_list(struct strv *dst, const struct strv *src)
{
	strv_free(dst);
	return strv_copy(dst, src);
}

/* Field f of src into dst. */
static int copy_field(struct decision *dst, const struct decision *src, int f)
{
	switch (f) {
	case ADR_F_TITLE: return copy_text(&dst->title, src->title);
	case ADR_F_STATUS:
		dst->status = src->status;
		dst->superseded_by = src->superseded_by;
		return copy_text(&dst->status_text, src->status_text);
	case ADR_F_DATE: return copy_text(&dst->date, src->date);
	case ADR_F_DECIDERS: return copy_list(&dst->deciders, &src->deciders);
	case ADR_F_CONSULTED: return copy_list(&dst->consulted, &src->consulted);
	case ADR_F_INFORMED: return copy_list(&dst->informed, &src->informed);
	case ADR_F_CONTEXT: return copy_text(&dst->context, src->context);
	case ADR_F_DECISION: return copy_text(&dst->decision, src->decision);
	case ADR_F_RATIONALE: return copy_text(&dst->rationale, src->rationale);
	case ADR_F_ALTERNATIVES:
		return copy_text(&dst->alternatives, src->alternatives);
	case ADR_F_CONSEQUENCES:
		return copy_text(&dst->consequences, src->consequences);
	case ADR_F_POSITIVE: return copy_list(&dst->positive, &src->positive);
	case ADR_F_NEGATIVE: return copy_list(&dst->negative, &src->negative);
	case ADR_F_RISKS: return copy_list(&dst->risks, &src->risks);
	case ADR_F_LINKS: {
		int *v = NULL;

		if (src->n_supersedes &&
		    !(v = malloc(src->n_supersedes * sizeof(*v))))
			return ST_ERROR;
		if (v)
			memcpy(v, src->supersedes, src->n_supersedes * sizeof(*v));
		free(dst->supersedes);
		dst->supersedes = v;
		dst->n_supersedes = src->n_supersedes;
		dst->superseded_by = src->superseded_by;
		return copy_list(&dst->links, &src->links);
	}
	default:
		return ST_OK;
	}
}

int adr_refresh_merge(const struct decision *now, const struct decision *file,
		      const struct adr_refs *refs, struct decision *merged,
		      unsigned *fields, unsigned *conflict)
{
	struct adr_record r0;
	struct error e;
	unsigned ff, fw, fdiff;
	int rc;

	*fields = *conflict = 0;
	memset(merged, 0, sizeof(*merged));
	if (decision_copy(merged, now) < 0)
		return ST_ERROR;
	if ((rc = adr_parse(now->file, now->source, strlen(now->source), &r0,
			    NULL, &e)) == ST_OK)
		rc = adr_resolve_links(&r0, refs, NULL);
	if (rc == ST_ERROR)
		goto fail;
	/* What the file changed since the workshop read it (all of it when
	 * the old bytes no longer read), and what the workshop changed. */
	ff = rc == ST_OK ? adr_fields_diff(&r0.d, file) : adr_fields_diff(now, file);
	if (!adr_fields_changed(now, &fw))
		fw = rc == ST_OK ? adr_fields_diff(&r0.d, now) : 0;
	fdiff = adr_fields_diff(file, now);
	if (rc == ST_OK)
		adr_record_clear(&r0);
	for (int f = 0; f < ADR_F_COUNT; f++) {
		unsigned bit = 1u << f;

		if (!(ff & bit) || !(fdiff & bit))
			continue;
		if (fw & bit) {
			*conflict |= bit;
			continue;
		}
		if (copy_field(merged, file, f) < 0)
			goto fail;
		*fields |= bit;
	}
	/* The checksums are the file's: the fields kept from the workshop
	 * still count as changed there. */
	if (copy_text(&merged->source, file->source) < 0 ||
	    copy_text(&merged->file, file->file) < 0 ||
	    copy_text(&merged->file_dir, file->file_dir) < 0 ||
	    adr_fields_sums(file, &merged->file_sums) < 0)
		goto fail;
	return ST_OK;
fail:
	decision_clear(merged);
	return ST_ERROR;
}

/* The refs of a plan: each decision by the file the plan gives it. */
static int plan_refs(const struct workshop_data *w, const struct adr_plan *p,
		     struct adr_refs *refs)
{
	struct adr_ref *v = calloc(p->n_ours + 1, sizeof(*v));
	int rc;

	if (!v)
		return ST_ERROR;
	for (size_t i = 0; i < p->n_ours; i++) {
		char date[11];

		v[i].number = w->decisions[p->v[i].decision].number;
		v[i].file = p->v[i].file;
		v[i].title = p->v[i].title;
		adr_name_info(p->v[i].file, &v[i].file_number, date);
	}
	rc = adr_refs_init(refs, v, p->n_ours);
	free(v);
	return rc;
}

int adr_refresh_native(const struct workshop_data *w, size_t j,
		       const struct decision *file, const char *dir,
		       const struct knowledge *k, struct decision *merged,
		       unsigned *fields)
{
	struct adr_plan plan;
	struct adr_refs refs = { 0 };
	struct adr_record r0, rf;
	struct buf b;
	struct error e;
	size_t len = strlen(file->source);
	bool madr;
	int rc;

	*fields = 0;
	memset(merged, 0, sizeof(*merged));
	memset(&r0, 0, sizeof(r0));
	if (adr_parse(file->file, file->source, len, &rf, NULL, &e) < 0)
		return ST_OK;   /* unreadable now: nothing to take */
	madr = rf.format != ADR_FORMAT_NYGARD;
	adr_record_clear(&rf);
	if (export_adr_plan(w, dir, &plan, &e) < 0)
		return ST_ERROR;
	buf_init(&b);
	rc = madr ? export_madr_one(w, k, &plan, j, &b, &e) :
		    export_adr_one(w, k, &plan, j, &b, &e);
	if (rc == ST_OK && (rc = plan_refs(w, &plan, &refs)) == ST_OK &&
	    (rc = adr_parse(file->file, buf_str(&b), b.len, &r0, NULL, &e)) ==
	    ST_OK)
		rc = adr_resolve_links(&r0, &refs, NULL);
	if (rc == ST_OK && decision_copy(merged, &w->decisions[j]) < 0)
		rc = ST_ERROR;
	/* What the file says now that charrette did not write: taken. */
	for (int f = 0; rc == ST_OK && f < ADR_F_COUNT; f++) {
		if (!(adr_fields_diff(&r0.d, file) & (1u << f)))
			continue;
		if ((rc = copy_field(merged, file, f)) == ST_OK)
			*fields |= 1u << f;
	}
	if (rc != ST_OK)
		decision_clear(merged);
	adr_record_clear(&r0);
	adr_refs_clear(&refs);
	buf_free(&b);
	export_adr_plan_clear(&plan);
	return rc < 0 ? ST_ERROR : ST_OK;
}

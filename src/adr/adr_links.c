#include "config.h"
/*
 * adr_links: owns what a link in an ADR file points at.  The records a
 * link can reach (a folder being imported, or the files of an export) are
 * a struct adr_refs; a parsed record's links are resolved through them to
 * workshop numbers the same way at import and at export, so that an export
 * can tell whether the workshop changed a record's links.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "util/i18n.h"

static const struct adr_ref *sort_base;

static int cmp_number(const void *a, const void *b)
{
	const struct adr_ref *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

static int cmp_file(const void *a, const void *b)
{
	const struct adr_ref *x = &sort_base[*(const size_t *)a];
	const struct adr_ref *y = &sort_base[*(const size_t *)b];
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");

	return c ? c : cmp_number(x, y);
}

int adr_refs_init(struct adr_refs *r, const struct adr_ref *v, size_t n)
{
	memset(r, 0, sizeof(*r));
	r->v = malloc((n ? n : 1) * sizeof(*r->v));
	r->by_file = malloc((n ? n : 1) * sizeof(*r->by_file));
	if (!r->v || !r->by_file) {
		adr_refs_clear(r);
		return ST_ERROR;
	}
	if (n)
		memcpy(r->v, v, n * sizeof(*v));
	r->n = n;
	qsort(r->v, n, sizeof(*r->v), cmp_number);
	for (size_t i = 0; i < n; i++)
		r->by_file[i] = i;
	sort_base = r->v;
	qsort(r->by_file, n, sizeof(*r->by_file), cmp_file);
	sort_base = NULL;
	return ST_OK;
}

void adr_refs_clear(struct adr_refs *r)
{
	free(r->v);
	free(r->by_file);
	memset(r, 0, sizeof(*r));
}

const struct adr_ref *adr_refs_number(const struct adr_refs *r, int number)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->v[mid].number == number)
			return &r->v[mid];
		if (r->v[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct adr_ref *adr_refs_file(const struct adr_refs *r,
				    const char *file)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct adr_ref *x = &r->v[r->by_file[mid]];
		int c = strcmp(x->file ? x->file : "", file);

		if (c == 0) {
			/* The first of equal names. */
			while (mid > 0 &&
			       strcmp(r->v[r->by_file[mid - 1]].file ?
				      r->v[r->by_file[mid - 1]].file : "",
				      file) == 0)
				mid--;
			return &r->v[r->by_file[mid]];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct adr_ref *adr_refs_link(const struct adr_refs *r,
				    const struct adr_link *l)
{
	const struct adr_ref *x;

	if (l->target && (x = adr_refs_file(r, l->target)))
		return x;
	if (!l->number)
		return NULL;
	/* The first file (by name) holding the number kept it. */
	for (size_t i = 0; i < r->n; i++) {
		x = &r->v[r->by_file[i]];
		if (x->file_number == l->number)
			return x;
	}
	x = adr_refs_number(r, l->number);
	return x && !x->file_number ? x : NULL;
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
 * A link other than supersede: into links when it points at a record;
 * else the line stays as text in the rationale, so that only links to
 * decisions that exist are ever stored.
 */
static int other_link(struct adr_record *r, const struct adr_link *l,
		      bool found, int num, struct adr_msgs *msgs)
{
	struct decision *x = &r->d;
	int rc;

	if (found && num != x->number) {
		rc = decision_link_add(x, l->relation, num);
		return rc == ST_ERROR ? ST_ERROR : ST_OK;
	}
	if (!found && adr_warnf(msgs, r->path, l->line,
				_("linked ADR %d (%s) is not in the folder; the "
				  "line is kept as text"), num,
				l->target ? l->target : "?") < 0)
		return ST_ERROR;
	if (found)
		return ST_OK;
	return rationale_link_text(x, l->text ? l->text : "");
}

static int add_supersedes(struct decision *x, int num)
{
	int *v;

	for (size_t j = 0; j < x->n_supersedes; j++)
		if (x->supersedes[j] == num)
			return ST_OK;
	v = realloc(x->supersedes, (x->n_supersedes + 1) * sizeof(*v));
	if (!v)
		return ST_ERROR;
	x->supersedes = v;
	v[x->n_supersedes++] = num;
	return ST_OK;
}

/* A supersede link: found through refs (num), or kept by its number. */
static int supersede_link(struct adr_record *r, const struct adr_link *l,
			  bool found, int num, struct adr_msgs *msgs)
{
	struct decision *x = &r->d;
	int rc = ST_OK;

	if (!found && !num)
		rc = adr_warnf(msgs, r->path, l->line,
			       _("cannot tell which ADR this link points to; "
				 "link dropped"));
	else if (!found)
		rc = adr_warnf(msgs, r->path, l->line,
			       _("linked ADR %d (%s) is not in the folder; link kept"),
			       num, l->target ? l->target : "?");
	if (rc < 0)
		return rc;
	if (!num || num == x->number)
		return ST_OK;
	if (!l->superseded_by)
		return add_supersedes(x, num);
	if (x->superseded_by && x->superseded_by != num)
		return adr_warnf(msgs, r->path, l->line,
				 _("superseded twice; keeping ADR %d, not %d"),
				 x->superseded_by, num);
	x->superseded_by = num;
	return ST_OK;
}

int adr_resolve_links(struct adr_record *r, const struct adr_refs *refs,
		      struct adr_msgs *msgs)
{
	struct decision *x = &r->d;

	free(x->supersedes);
	x->supersedes = NULL;
	x->n_supersedes = 0;
	x->superseded_by = 0;
	strv_free(&x->links);
	for (size_t k = 0; k < r->n_links; k++) {
		const struct adr_link *l = &r->links[k];
		const struct adr_ref *to = adr_refs_link(refs, l);
		int num = to ? to->number : l->number;
		int rc = l->relation ? other_link(r, l, to != NULL, num, msgs) :
				       supersede_link(r, l, to != NULL, num, msgs);

		if (rc < 0)
			return rc;
	}
	return ST_OK;
}

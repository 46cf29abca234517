/*
 * adr_patch: a record's file rewritten where, and only where, the workshop
 * changed the record.  The file is parsed (adr_parse) for the place of
 * every field; each changed field is written at its places in the file's
 * own style (its list markers, quotes, date form, status case, line ends),
 * a field that had no place gets one where its template would put it, and
 * every other byte stays as it was.
 *
 * Links are compared and written in the workshop's numbers: a file's links
 * are read through the records a link can point at (struct adr_refs),
 * found by the target's file name first, then by number.
 */
#ifndef CHARRETTE_ADR_PATCH_H
#define CHARRETTE_ADR_PATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "adr/adr_import.h"
#include "model/model.h"
#include "util/str.h"

/* A record a link can point at. */
struct adr_ref {
	int number;           /* its number in the workshop */
	int file_number;      /* the number in its file name, 0 when none */
	const char *file;     /* its file name */
	const char *title;
};

struct adr_refs {
	struct adr_ref *v;    /* by number */
	size_t n;
	size_t *by_file;      /* indices into v, by file name (then number) */
};

/* Build from v[0..n) (copied; the strings are not). */
int adr_refs_init(struct adr_refs *r, const struct adr_ref *v, size_t n);
void adr_refs_clear(struct adr_refs *r);
const struct adr_ref *adr_refs_number(const struct adr_refs *r, int number);
const struct adr_ref *adr_refs_file(const struct adr_refs *r,
				    const char *file);
/* The record a file's link points at: by target name, else by the number
 * in a file name (the first file holding it), else by workshop number. */
const struct adr_ref *adr_refs_link(const struct adr_refs *r,
				    const struct adr_link *l);

/*
 * The supersede and other links of a parsed record in workshop numbers
 * (into r->d), as import-adr resolves them: an unresolved supersede link
 * keeps its number, an unresolved other link goes back into the rationale
 * as text under "## Links".  Warnings go to msgs (may be NULL).
 */
int adr_resolve_links(struct adr_record *r, const struct adr_refs *refs,
		      struct adr_msgs *msgs);

/* The fields (1 << enum adr_field) in which a and b differ. */
unsigned adr_fields_diff(const struct decision *a, const struct decision *b);
/* A checksum of each field of x (new string into *out; replaces it),
 * kept with a record read from a file: the fields as the file gave them. */
int adr_fields_sums(const struct decision *x, char **out);
/* The fields whose values are not those x->file_sums was made of; false
 * (and *fields 0) when x has no such checksums. */
bool adr_fields_changed(const struct decision *x, unsigned *fields);
/* Their names, ", "-separated ("status, context"). */
void adr_fields_names(struct buf *out, unsigned fields);

/*
 * Write into out the file `text` (parsed as rb, links resolved) with the
 * fields in `fields` set from `now`.  refs gives the numbers, files and
 * titles of the records links point at.
 */
int adr_patch(const char *text, size_t len, const struct adr_record *rb,
	      const struct decision *now, unsigned fields,
	      const struct adr_refs *refs, struct buf *out);

#endif

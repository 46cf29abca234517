/*
 * adr_patch_int: what adr_patch.c (the edits, scalar fields, new places)
 * and adr_patch_text.c (text fields, lists, links) share.  Internal.
 */
#ifndef CHARRETTE_ADR_PATCH_INT_H
#define CHARRETTE_ADR_PATCH_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "adr/adr_patch.h"

struct edit {
	size_t start, end;
	size_t seq;        /* order of insertion, for edits at one place */
	char *text;
};

struct patch {
	const char *text;
	size_t len;
	const struct adr_record *rb;
	const struct decision *now;
	const struct adr_refs *refs;
	struct edit *v;
	size_t n, cap;
	bool oom;
	bool madr;          /* the MADR family (else Nygard) */
	bool spell_adr;     /* the file spells "Supercedes", as adr-tools */
	bool lower;         /* status words in lower case */
};

/* Replace [start, end) with s (line ends as the file has them). */
void adr_p_edit(struct patch *p, size_t start, size_t end, const char *s);
/* The same with b's text; b is freed. */
void adr_p_edit_buf(struct patch *p, size_t start, size_t end,
		    struct buf *b);
/* The whole lines [from, to) removed (and a blank line, where two would
 * be left). */
void adr_p_remove_lines(struct patch *p, size_t from, size_t to);
/* The newlines that make a blank line before `at`, into b. */
void adr_p_blank_before(const struct patch *p, size_t at, struct buf *b);
/* Where the section of field f ends, or SIZE_MAX when it has none. */
size_t adr_p_section_end(const struct patch *p, int f);
/* Insert "## NAME\n\nbody" where field f's section goes. */
void adr_p_add_section(struct patch *p, int f, const char *body);
/* "0005-x" of "0005-x.md". */
void adr_p_stem(struct buf *out, const char *file);
/* The number a record's file shows. */
int adr_p_ref_number(const struct adr_ref *r);

void adr_p_text(struct patch *p, int f);
void adr_p_list(struct patch *p, int f);
void adr_p_links(struct patch *p);

#endif

/*
 * export_priv: what the ADR writers (src/adr/adr_write.c, madr_write.c)
 * share with the Markdown exports.  The export side of it lives in
 * helpers.h (the scored view, names, lookups, numbers, people), tables.h
 * (the shared tables) and md.h (Markdown primitives); this header gathers
 * them for the ADR writers and declares the helpers those writers define
 * themselves (their home is src/adr, where they will move with it).  No
 * file of src/export includes this header but export.c, for the ADR folder
 * formats it dispatches to.
 */
#ifndef CHARRETTE_EXPORT_PRIV_H
#define CHARRETTE_EXPORT_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"
#include "export/helpers.h"
#include "export/tables.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/str.h"

struct error;

/* ---- defined in src/adr ------------------------------------------------ */
/* Index of the decision that supersedes decisions[i] (by its
 * superseded_by, or by another's supersedes list), or -1. */
int x_superseder(const struct workshop_data *d, size_t i);
/* Our plan entry of the decision numbered `number`, or NULL. */
const struct adr_entry *x_plan_entry(const struct adr_plan *plan,
				     const struct workshop_data *d,
				     int number);
/* Before writing decision i of the plan (one ADR file): its plan entry in
 * *en and the context in x (xctx_clear it after); ST_INPUT when the
 * decision or its entry is missing. */
int x_adr_begin(struct xctx *x, const struct workshop_data *d,
		const struct knowledge *k, const struct adr_plan *plan,
		size_t i, const struct adr_entry **en, struct error *e);
/* A file name as a link destination (percent-encoded where needed). */
void x_link_target(struct buf *out, const char *file);
/* Non-blank items as a list ("- item"), each after `prefix` (our text,
 * may be NULL), and a blank line; returns how many. */
size_t x_list(struct buf *out, const char *bullet, const struct strv *sv,
	      const char *prefix);
bool x_has_items(const struct strv *sv);
/* x_list, or with markdown the items written as Markdown source. */
size_t x_list_md(struct buf *out, const char *bullet, const struct strv *sv,
		 const char *prefix, bool markdown);
/* A paragraph of a decision's text: md_para, or md_source_para when the
 * decision holds Markdown source. */
void x_para(struct buf *out, const struct decision *dec, const char *s,
	    const char *fallback);
/*
 * A decision's rationale in two: its own text (*head, a new string, NULL
 * when blank) and, for a Markdown decision, the sections of an imported
 * record beyond ours ("## Compliance", ...) from the first "## " heading on
 * (*sections points into dec->rationale, NULL when there are none).  The
 * writers put those sections after Consequences, under their own headings.
 * false when out of memory.
 */
bool x_rationale_split(const struct decision *dec, char **head,
		       const char **sections);
/* The list marker for our items in a decision: the one its Markdown text
 * uses first ("-", "*", "+"), else dflt. */
const char *x_bullet(const struct decision *dec, const char *dflt);
/* The relation of a link ("Amends"), as written for a Markdown decision. */
void x_link_relation(struct buf *out, const struct decision *dec,
		     const char *rel, size_t n);

/* End an ADR file: one newline, a blank line, the marker comment. */
void x_marker_line(struct buf *out, const struct workshop_data *d,
		   int number);

/* The adr / madr formats: plan, render, check, then write the folder. */
int x_write_dir(const struct workshop_data *d, const struct knowledge *k,
		bool madr, const char *dir, int flags, struct strv *written,
		struct error *e);

#endif

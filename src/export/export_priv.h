/*
 * export_priv: what the export writers share among themselves (not part of
 * the module's interface): the scored view of a workshop, lookups in the
 * knowledge that accept NULL, and the tables that appear in more than one
 * document.
 */
#ifndef CHARRETTE_EXPORT_PRIV_H
#define CHARRETTE_EXPORT_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/evaluate.h"
#include "export/export.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/str.h"

struct error;

/* A workshop with its scores computed once for a whole document. */
struct xctx {
	const struct workshop_data *d;
	const struct knowledge *k;
	struct ws_scores sc;
	bool scored;            /* sc is valid */
	char why[1024];         /* why not, when !scored */
};

int xctx_init(struct xctx *x, const struct workshop_data *d,
	      const struct knowledge *k, struct error *e);
void xctx_clear(struct xctx *x);

/* s, or fallback when s is NULL or blank. */
const char *x_or(const char *s, const char *fallback);
/* Display names that never come out empty ("Approach 2"); tmp holds the
 * generated ones. */
const char *x_approach_name(const struct workshop_data *d, size_t i,
			    char *tmp, size_t size);
const char *x_criterion_name(const struct xctx *x, size_t i, char *tmp,
			     size_t size);
const char *x_decision_title(const struct decision *dec);
const char *x_risk_status_label(enum risk_status s);

/* Lookups that accept k == NULL. */
const struct question *x_question(const struct knowledge *k, const char *id);
const struct section *x_section(const struct knowledge *k, const char *id);
const struct criterion_def *x_criterion_def(const struct knowledge *k,
					    const char *id);
const struct metric_def *x_metric_def(const struct knowledge *k,
				      const char *id);
const struct category *x_category(const struct knowledge *k,
				  const char *id);
const struct tech *x_tech(const struct knowledge *k, const char *category,
			  const char *name);

/* Index of the approach a decision chose, or -1. */
int x_chosen(const struct workshop_data *d, const struct decision *dec);
/* Decision indices sorted by number. */
size_t *x_decision_order(const struct workshop_data *d);

/* Numbers with "." as the decimal point in any locale: shortest form
 * ("3", "0.25"), fixed decimals, a total ("3.85"), a percentage ("18.2%"). */
void x_num(char *buf, size_t size, double v);
void x_fmt_fixed(char *buf, size_t size, double v, int decimals);
void x_fmt_total(char *buf, size_t size, double v);
void x_fmt_percent(char *buf, size_t size, double v);

/* The approaches other than `chosen` (-1: all) with totals, ranks, pros,
 * cons and why they were not chosen. */
void x_alternatives_table(struct buf *out, const struct xctx *x, int chosen);
/* Criteria x approaches: weights, scores, totals, ranks, sensitivity; one
 * line instead when nothing can be scored. */
void x_scoring_table(struct buf *out, const struct xctx *x);
/* The risk register sorted by score (highest first), and the metrics with
 * their DORA bands. */
void x_risks_table(struct buf *out, const struct workshop_data *d);
void x_metrics_table(struct buf *out, const struct workshop_data *d,
		     const struct knowledge *k);

/* The marker comment that ends every ADR file we write, so that a later
 * export recognises its own files: "<!-- charrette: SLUG decision N -->". */
char *x_marker(const struct workshop_data *d, int number);
#define X_MARKER_PREFIX "<!-- charrette: "
#define X_INDEX_MARKER "<!-- charrette: index -->"

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

/* Create dir (and its parents) and check that it is a folder. */
int x_ensure_dir(const char *dir, struct error *e);
/* The adr / madr formats: plan, render, check, then write the folder. */
int x_write_dir(const struct workshop_data *d, const struct knowledge *k,
		bool madr, const char *dir, int flags, struct strv *written,
		struct error *e);

/* If b ran out of memory, say so in e; returns ST_ERROR or 0. */
int x_out_of_memory(struct buf *b, struct error *e);

#endif

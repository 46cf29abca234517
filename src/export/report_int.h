/*
 * report_int: the parts of the architecture report (report*.c) and what
 * they share: one context for the whole document, and one writer per
 * section of the section table in report.c.
 */
#ifndef CHARRETTE_EXPORT_REPORT_INT_H
#define CHARRETTE_EXPORT_REPORT_INT_H

#include <stdbool.h>

#include "engine/rules.h"
#include "export/helpers.h"
#include "util/str.h"

struct rctx {
	struct buf *out;
	struct xctx x;                  /* the workshop, scored once */
	const struct template_def *tpl; /* the workshop's template, or NULL */
	struct findings f;              /* rules_evaluate, as screen 3 */
	bool have_findings;
	int rec;                        /* the recommended approach, or -1 */
	const struct decision *rec_by;  /* the decision that chose it */
};

/* One section of the report: writes its body (the heading is written by
 * report.c); says so in a sentence when there is nothing to show. */
typedef void (*report_section_fn)(struct rctx *r);

/* report_state.c: what the interview says. */
void report_current_state(struct rctx *r);
void report_requirements(struct rctx *r);
/* An answer as plain words ("35 engineers", "SOC 2 and PCI DSS"), labels
 * looked up in k (may be NULL); nothing for a NULL answer. */
void report_answer_text(struct buf *b, const struct knowledge *k,
			const struct answer *a);

/* report_arch.c: findings, the approaches, the recommendation. */
void report_findings(struct rctx *r);
void report_approaches(struct rctx *r);
void report_recommended(struct rctx *r);
void report_alternatives(struct rctx *r);

/* report_tradeoff.c: the matrix, its rationales, sensitivity, charts. */
void report_tradeoffs(struct rctx *r);
void report_risks(struct rctx *r);

/* report.c: small pieces the parts share. */
/* "Nothing has been recorded." as a paragraph of our own text. */
void report_none(struct rctx *r, const char *sentence);
/* A bold lead-in ("**Pain points.** ") that starts a paragraph. */
void report_lead(struct rctx *r, const char *label);
/* Non-blank items of sv as a numbered (bullet NULL) or bulleted list and
 * a blank line; returns how many. */
size_t report_list(struct rctx *r, const char *bullet, const struct strv *sv);
bool report_has_items(const struct strv *sv);

#endif

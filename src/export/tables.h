/*
 * tables: the tables that appear in more than one document (the report,
 * the risks and metrics exports, the ADR writers of src/adr): the
 * alternatives, the trade-off matrix, the risk register and the metrics
 * with their DORA bands.  Each appends Markdown to out and records
 * out-of-memory in out->oom.
 */
#ifndef CHARRETTE_EXPORT_TABLES_H
#define CHARRETTE_EXPORT_TABLES_H

#include "export/helpers.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/str.h"

/* The approaches other than `chosen` (-1: all) with totals, ranks, pros,
 * cons and why they were not chosen. */
void x_alternatives_table(struct buf *out, const struct xctx *x, int chosen);
/* Criteria x approaches: weights, scores, totals, ranks, sensitivity; one
 * line instead when nothing can be scored. */
void x_scoring_table(struct buf *out, const struct xctx *x);
/* The risk register sorted by score (highest first), and the metrics with
 * their DORA bands.  People are named as `names` says. */
void x_risks_table(struct buf *out, const struct workshop_data *d);
void x_risks_table_named(struct buf *out, const struct workshop_data *d,
			 enum x_names names);
void x_metrics_table(struct buf *out, const struct workshop_data *d,
		     const struct knowledge *k);

/* What an unscored or missing value shows in a table. */
#define X_NONE_CELL "–"

#endif

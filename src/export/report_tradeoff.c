#include "config.h"

/*
 * report_tradeoff: the trade-off analysis (the matrix with its weights, a
 * chart of the weighted totals, the rationale of every score, what the
 * sensitivity analysis found) and the risk register with its probability x
 * impact quadrant.  The charts are Mermaid (xychart-beta, quadrantChart),
 * beside the tables that hold the same figures.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/helpers.h"
#include "export/md.h"
#include "export/report_int.h"
#include "export/tables.h"
#include "util/i18n.h"

/* At most this many bars: a chart of a hundred approaches shows nothing. */
#define CHART_MAX_BARS 12

static void totals_chart(struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	const struct ws_scores *sc = &r->x.sc;
	size_t n = sc->n_app < CHART_MAX_BARS ? sc->n_app : CHART_MAX_BARS;
	double top = d->ws.scale_max > 0 ? d->ws.scale_max : 5;
	char num[NUM_BUF];

	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		if (sc->totals[sc->order[i]] > top)
			top = ceil(sc->totals[sc->order[i]]);
	buf_puts(r->out, "```mermaid\nxychart-beta\n    title ");
	md_mermaid_string(r->out, _("Weighted totals"));
	buf_puts(r->out, "\n    x-axis [");
	for (size_t i = 0; i < n; i++) {
		char tmp[32];

		if (i)
			buf_puts(r->out, ", ");
		md_mermaid_string(r->out, x_approach_name(d, sc->order[i], tmp,
						    sizeof(tmp)));
	}
	buf_puts(r->out, "]\n    y-axis ");
	md_mermaid_string(r->out, _("Weighted total"));
	x_num(num, sizeof(num), top);
	buf_printf(r->out, " 0 --> %s\n    bar [", num);
	for (size_t i = 0; i < n; i++) {
		x_fmt_total(num, sizeof(num), sc->totals[sc->order[i]]);
		buf_printf(r->out, "%s%s", i ? ", " : "", num);
	}
	buf_puts(r->out, "]\n```\n\n");
	if (sc->n_app > n) {
		buf_printf(r->out, _("The chart shows the %zu highest of %zu weighted totals."),
			   n, sc->n_app);
		buf_puts(r->out, "\n\n");
	}
}

/* Every scored cell with its rationale, criterion by criterion. */
static void rationales(struct rctx *r)
{
	const char *head[4] = {
		_("Criterion"), _("Approach"), _("Score"), _("Rationale")
	};
	const struct workshop_data *d = r->x.d;
	const struct ws_scores *sc = &r->x.sc;
	size_t with = 0;

	md_heading(r->out, 3, _("Score rationales"));
	for (size_t i = 0; i < d->n_scores; i++)
		if (x_or(d->scores[i].rationale, NULL))
			with++;
	if (!with) {
		report_none(r, _("No score has a rationale yet."));
		return;
	}
	md_table_head(r->out, head, 4, "llrl");
	for (size_t c = 0; c < sc->n_crit; c++) {
		for (size_t a = 0; a < sc->n_app; a++) {
			const struct score *s = wsdata_score(d,
				d->approaches[a].key, d->criteria[c].key);
			size_t i = a * sc->n_crit + c;
			char tmp[32], tmp2[32], num[NUM_BUF + 8];

			if (!sc->set[i] && !(s && x_or(s->rationale, NULL)))
				continue;
			buf_putc(r->out, '|');
			md_table_cell(r->out, x_criterion_name(&r->x, c, tmp,
							       sizeof(tmp)));
			md_table_cell(r->out, x_approach_name(d, a, tmp2,
							      sizeof(tmp2)));
			if (sc->set[i]) {
				x_num(num, sizeof(num), sc->cells[i]);
				if (sc->source[i] == CELL_VOTES)
					strcat(num, " (v)");
			} else {
				snprintf(num, sizeof(num), "%s", X_NONE_CELL);
			}
			buf_printf(r->out, " %s |", num);
			md_table_cell(r->out, s && x_or(s->rationale, NULL) ?
				      s->rationale : "–");
			buf_putc(r->out, '\n');
		}
	}
	buf_putc(r->out, '\n');
}

/* The smallest weight change that hands the lead to another approach. */
static void sensitivity_summary(struct rctx *r)
{
	const struct ws_scores *sc = &r->x.sc;
	const struct workshop_data *d = r->x.d;
	size_t best = SIZE_MAX, robust = 0;
	double gap = INFINITY;
	char tmp[32], tmp2[32], a[NUM_BUF], b[NUM_BUF];

	md_heading(r->out, 3, _("Sensitivity"));
	if (!sc->sens) {
		report_none(r, _("The sensitivity of the result could not be worked out."));
		return;
	}
	if (!ws_scores_comparable(sc)) {
		report_none(r, _("Nothing to compare yet: fewer than two approaches have scores."));
		return;
	}
	for (size_t c = 0; c < sc->n_crit; c++) {
		const struct sensitivity *s = &sc->sens[c];

		if (!s->flips) {
			robust++;
		} else if (fabs(s->flip_at - s->weight) < gap &&
			   s->new_leader < d->n_approaches) {
			gap = fabs(s->flip_at - s->weight);
			best = c;
		}
	}
	buf_puts(r->out, _("The leader is "));
	md_inline(r->out, x_approach_name(d, sc->order[0], tmp, sizeof(tmp)));
	if (best == SIZE_MAX) {
		buf_puts(r->out, _(" whatever weight any single criterion is given: the result is robust."));
	} else {
		const struct sensitivity *s = &sc->sens[best];

		x_fmt_percent(a, sizeof(a), s->weight);
		x_fmt_percent(b, sizeof(b), s->flip_at);
		buf_puts(r->out, _(". The smallest change that alters the result: "));
		md_inline(r->out, x_criterion_name(&r->x, best, tmp2,
						   sizeof(tmp2)));
		buf_printf(r->out, _(" moving from %s to %s of the weight puts "),
			   a, b);
		md_inline(r->out, x_approach_name(d, s->new_leader, tmp,
						  sizeof(tmp)));
		buf_puts(r->out, _(" first."));
		buf_printf(r->out, _(" %zu of %zu criteria cannot change the leader at any weight."),
			   robust, sc->n_crit);
	}
	buf_puts(r->out, "\n\n");
}

void report_tradeoffs(struct rctx *r)
{
	x_scoring_table(r->out, &r->x);
	if (!r->x.scored)
		return;
	totals_chart(r);
	rationales(r);
	sensitivity_summary(r);
}

/* ---- risks ----------------------------------------------------------- */

/* Probability and impact 1..5 as a point in the unit square, the middle
 * of its cell; risks in the same cell are spread along a diagonal so that
 * each stays readable.  Mermaid reads "0.nn" and "1" only. */
static void coordinate(struct buf *out, int v, int nth)
{
	int at;

	if (v < 1)
		v = 1;
	if (v > 5)
		v = 5;
	at = (v - 1) * 20 + 10 + (nth % 4) * 3;
	buf_printf(out, "0.%02d", at > 99 ? 99 : at);
}

static void risks_chart(struct rctx *r, const size_t *order)
{
	const struct workshop_data *d = r->x.d;
	int seen[6][6] = { { 0 } };

	buf_puts(r->out, "```mermaid\nquadrantChart\n    title ");
	buf_puts(r->out, _("Risks by probability and impact"));
	buf_printf(r->out, "\n    x-axis %s --> %s\n", _("Low probability"),
		   _("High probability"));
	buf_printf(r->out, "    y-axis %s --> %s\n", _("Low impact"),
		   _("High impact"));
	buf_printf(r->out, "    quadrant-1 %s\n", _("Act now"));
	buf_printf(r->out, "    quadrant-2 %s\n", _("Prepare a response"));
	buf_printf(r->out, "    quadrant-3 %s\n", _("Watch"));
	buf_printf(r->out, "    quadrant-4 %s\n", _("Make it less likely"));
	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *k = &d->risks[order[i]];
		int p = k->probability < 1 ? 1 : k->probability > 5 ? 5 :
			k->probability;
		int im = k->impact < 1 ? 1 : k->impact > 5 ? 5 : k->impact;
		int nth = seen[p][im]++;
		char name[32];

		buf_puts(r->out, "    ");
		snprintf(name, sizeof(name), _("Risk %zu"), order[i] + 1);
		md_mermaid_string(r->out, x_or(k->key, name));
		buf_puts(r->out, ": [");
		coordinate(r->out, p, nth);
		buf_puts(r->out, ", ");
		coordinate(r->out, im, nth);
		buf_puts(r->out, "]\n");
	}
	buf_puts(r->out, "```\n\n");
}

void report_risks(struct rctx *r)
{
	size_t *o;

	x_risks_table_named(r->out, r->x.d, r->x.names);
	if (!r->x.d->n_risks)
		return;
	if (!(o = x_risk_order(r->x.d))) {
		r->out->oom = true;
		return;
	}
	risks_chart(r, o);
	free(o);
}

#include "config.h"

/*
 * tables: the tables that appear in several documents (alternatives, the
 * trade-off matrix, the risk register, the metrics with DORA bands) and the
 * risks / metrics exports on their own, as Markdown and as CSV.
 *
 * A table cell holds one line: a list in a cell is its items joined with
 * "; ", never HTML.  CSV follows RFC 4180 (see csv.h): a header row, CRLF
 * line ends, UTF-8 as stored, formula-leading fields neutralised.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/dora.h"
#include "export/csv.h"
#include "export/export.h"
#include "export/helpers.h"
#include "export/md.h"
#include "export/tables.h"
#include "util/error.h"
#include "util/i18n.h"

static void cell(struct buf *out, const char *s)
{
	md_table_cell(out, s);
}

/* A cell of our own Markdown (numbers, bold labels). */
static void cell_raw(struct buf *out, const char *s)
{
	buf_putc(out, ' ');
	buf_puts(out, s);
	buf_puts(out, *s ? " |" : "|");
}

/* ---- alternatives ------------------------------------------------------ */

/* The criteria on which `chosen` gains most weighted points over `alt`,
 * best first; returns how many (at most max) gain anything. */
static size_t gaps(const struct xctx *x, size_t alt, size_t chosen,
		   size_t *top, size_t max)
{
	const struct ws_scores *sc = &x->sc;
	double best[3] = { 0, 0, 0 };
	size_t n = 0;

	if (max > 3)
		max = 3;
	for (size_t c = 0; c < sc->n_crit; c++) {
		double g = sc->weights[c] *
			(sc->cells[chosen * sc->n_crit + c] -
			 sc->cells[alt * sc->n_crit + c]);
		size_t at;

		if (!(g > 1e-9) || (n == max && g <= best[max - 1]))
			continue;
		/* Insert in order; a full list drops its last. */
		for (at = n < max ? n : max - 1; at > 0 && best[at - 1] < g;
		     at--) {
			best[at] = best[at - 1];
			top[at] = top[at - 1];
		}
		best[at] = g;
		top[at] = c;
		if (n < max)
			n++;
	}
	return n;
}

/* "Developer experience (2 against 4: <its rationale>)" */
static void gap_item(struct buf *out, const struct xctx *x, size_t alt,
		     size_t chosen, size_t c, bool why)
{
	const struct ws_scores *sc = &x->sc;
	const struct score *s;
	char tmp[32], a[NUM_BUF], b[NUM_BUF];

	x_num(a, sizeof(a), sc->cells[alt * sc->n_crit + c]);
	x_num(b, sizeof(b), sc->cells[chosen * sc->n_crit + c]);
	md_cell(out, x_criterion_name(x, c, tmp, sizeof(tmp)));
	if (sc->set[alt * sc->n_crit + c])
		buf_printf(out, _(" (%s against %s"), a, b);
	else
		buf_printf(out, _(" (not scored, against %s"), b);
	s = why ? wsdata_score(x->d, x->d->approaches[alt].key,
			       x->d->criteria[c].key) : NULL;
	if (s && x_or(s->rationale, NULL)) {
		buf_puts(out, ": ");
		md_cell(out, s->rationale);
	}
	buf_putc(out, ')');
}

static void why_not(struct buf *out, const struct xctx *x, size_t i,
		    int chosen)
{
	char a[NUM_BUF], b[NUM_BUF], diff[NUM_BUF], tmp[32];
	size_t top[2], n;

	buf_putc(out, ' ');
	if (chosen < 0) {
		buf_puts(out, _("No option has been chosen yet."));
	} else if (!x->scored) {
		buf_puts(out, _("Not chosen; see the decision's rationale."));
	} else {
		x_fmt_total(a, sizeof(a), x->sc.totals[i]);
		x_fmt_total(b, sizeof(b), x->sc.totals[chosen]);
		x_fmt_total(diff, sizeof(diff),
			    x->sc.totals[chosen] - x->sc.totals[i]);
		n = gaps(x, i, (size_t)chosen, top, 2);
		if (x->sc.totals[i] < x->sc.totals[chosen])
			buf_printf(out, _("Trails by %s (%s against %s)"),
				   diff, a, b);
		else
			buf_printf(out, _("Scored %s, no less than %s; chosen otherwise for the reasons in the decision"),
				   a, b);
		if (n) {
			buf_puts(out, _("; weaker on "));
			for (size_t k = 0; k < n; k++) {
				if (k)
					buf_puts(out, _(" and "));
				gap_item(out, x, i, (size_t)chosen, top[k],
					 k == 0);
			}
		}
		buf_puts(out, _(" than "));
		md_cell(out, x_approach_name(x->d, (size_t)chosen, tmp,
					     sizeof(tmp)));
		buf_putc(out, '.');
	}
	buf_puts(out, " |");
}

void x_alternatives_table(struct buf *out, const struct xctx *x, int chosen)
{
	static const char *cols[] = {
		N_("Approach"), N_("Weighted total"), N_("Rank"), N_("Pros"),
		N_("Cons"), N_("Why not chosen")
	};
	const char *head[6];
	const struct workshop_data *d = x->d;
	size_t shown = 0;

	for (size_t c = 0; c < 6; c++)
		head[c] = _(cols[c]);
	for (size_t r = 0; r < d->n_approaches; r++)
		if ((int)r != chosen)
			shown++;
	if (shown == 0) {
		buf_puts(out, _("No other approach was considered."));
		buf_puts(out, "\n\n");
		return;
	}
	md_table_head(out, head, 6, "lrrlll");
	for (size_t r = 0; r < d->n_approaches; r++) {
		size_t i = x->scored ? x->sc.order[r] : r;
		char tmp[32], num[NUM_BUF];

		if ((int)i == chosen)
			continue;
		buf_putc(out, '|');
		cell(out, x_approach_name(d, i, tmp, sizeof(tmp)));
		if (x->scored) {
			x_fmt_total(num, sizeof(num), x->sc.totals[i]);
			cell_raw(out, num);
			snprintf(num, sizeof(num), "%d", x->sc.rank[i]);
			cell_raw(out, num);
		} else {
			cell_raw(out, X_NONE_CELL);
			cell_raw(out, X_NONE_CELL);
		}
		md_table_list(out, &d->approaches[i].pros);
		md_table_list(out, &d->approaches[i].cons);
		why_not(out, x, i, chosen);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

/* ---- the trade-off matrix ---------------------------------------------- */

static void sensitivity_cell(struct buf *out, const struct xctx *x, size_t c)
{
	const struct sensitivity *s = x->sc.sens ? &x->sc.sens[c] : NULL;
	char tmp[32], pct[NUM_BUF];

	buf_putc(out, ' ');
	if (!s || !ws_scores_comparable(&x->sc)) {
		buf_puts(out, X_NONE_CELL);
	} else if (!s->flips) {
		buf_puts(out, _("robust"));
	} else {
		x_fmt_percent(pct, sizeof(pct), s->flip_at);
		buf_puts(out, _("flips to "));
		md_cell(out, s->new_leader < x->d->n_approaches ?
			x_approach_name(x->d, s->new_leader, tmp,
					sizeof(tmp)) : "?");
		buf_printf(out, _(" at weight %s"), pct);
	}
	buf_puts(out, " |");
}

static bool scoring_head(struct buf *out, const struct xctx *x)
{
	const struct workshop_data *d = x->d;
	size_t ncol = d->n_approaches + 3;
	const char **head = calloc(ncol, sizeof(*head));
	char **owned = calloc(ncol, sizeof(*owned));
	char *align = calloc(ncol + 1, 1);
	char tmp[32];
	bool ok = head && owned && align;

	/* Approach names are user text: md_table_head escapes them. */
	for (size_t a = 0; ok && a < d->n_approaches; a++) {
		owned[a] = str_dup(x_approach_name(d, a, tmp, sizeof(tmp)));
		ok = owned[a] != NULL;
		head[a + 2] = owned[a];
		align[a + 2] = 'r';
	}
	if (ok) {
		head[0] = _("Criterion");
		head[1] = _("Weight");
		head[ncol - 1] = _("Sensitivity");
		align[0] = 'l';
		align[1] = 'r';
		align[ncol - 1] = 'l';
		md_table_head(out, head, ncol, align);
	}
	if (owned)
		for (size_t a = 0; a < ncol; a++)
			free(owned[a]);
	free(owned);
	free(head);
	free(align);
	if (!ok)
		out->oom = true;
	return ok;
}

/* The rows of weighted totals and ranks; true when a total misses
 * scores. */
static bool total_rows(struct buf *out, const struct ws_scores *sc)
{
	char num[NUM_BUF];
	bool incomplete = false;

	buf_putc(out, '|');
	cell_raw(out, _("**Weighted total**"));
	cell_raw(out, "100%");
	for (size_t a = 0; a < sc->n_app; a++) {
		x_fmt_total(num, sizeof(num), sc->totals[a]);
		if (sc->rank[a] == 1)
			buf_printf(out, " **%s**", num);
		else
			buf_printf(out, " %s", num);
		if (!sc->complete[a]) {
			buf_puts(out, "\\*");
			incomplete = true;
		}
		buf_puts(out, " |");
	}
	cell_raw(out, "");
	buf_puts(out, "\n|");
	cell_raw(out, _("**Rank**"));
	cell_raw(out, "");
	for (size_t a = 0; a < sc->n_app; a++) {
		snprintf(num, sizeof(num), "%d", sc->rank[a]);
		cell_raw(out, num);
	}
	cell_raw(out, "");
	buf_puts(out, "\n\n");
	return incomplete;
}

void x_scoring_table(struct buf *out, const struct xctx *x)
{
	const struct ws_scores *sc = &x->sc;
	char tmp[32], num[NUM_BUF + 8];
	bool votes = false, incomplete;

	if (!x->scored) {
		buf_puts(out, _("The options cannot be scored yet: "));
		md_inline(out, x->why);
		buf_puts(out, ".\n\n");
		return;
	}
	if (!scoring_head(out, x))
		return;
	for (size_t c = 0; c < sc->n_crit; c++) {
		buf_putc(out, '|');
		cell(out, x_criterion_name(x, c, tmp, sizeof(tmp)));
		x_fmt_percent(num, sizeof(num), sc->weights[c]);
		cell_raw(out, num);
		for (size_t a = 0; a < sc->n_app; a++) {
			size_t i = a * sc->n_crit + c;

			if (!sc->set[i]) {
				cell_raw(out, X_NONE_CELL);
				continue;
			}
			x_num(num, sizeof(num), sc->cells[i]);
			if (sc->source[i] == CELL_VOTES) {
				votes = true;
				strcat(num, " (v)");
			}
			cell_raw(out, num);
		}
		sensitivity_cell(out, x, c);
		buf_putc(out, '\n');
	}
	incomplete = total_rows(out, sc);

	x_fmt(num, sizeof(num), NUM_RATIO, sc->ahp.cr);
	if (sc->has_ahp)
		buf_printf(out, _("Weights come from pairwise comparison (AHP); consistency ratio %s (%s).\n\n"),
			   num, sc->ahp.inconsistent ?
			   _("above the 0.10 limit, revisit the judgements") :
			   _("acceptable"));
	else
		buf_puts(out, _("Weights are the direct weights, normalised to sum to 100%.\n\n"));
	if (ws_scores_comparable(sc))
		buf_puts(out, _("Sensitivity tells how far a criterion's weight must move (the others rescaled) before another approach leads; \"robust\" means no weight changes the leader.\n\n"));
	if (votes)
		buf_puts(out, _("(v): no agreed score yet; the mean of the participants' votes is used.\n\n"));
	if (incomplete)
		buf_puts(out, _("A total marked \\* misses some scores, which count as zero.\n\n"));
}

/* ---- risks ------------------------------------------------------------- */

void x_risks_table(struct buf *out, const struct workshop_data *d)
{
	x_risks_table_named(out, d, X_NAMES_REAL);
}

void x_risks_table_named(struct buf *out, const struct workshop_data *d,
			 enum x_names names)
{
	static const char *cols[] = {
		N_("ID"), N_("Risk"), N_("P"), N_("I"), N_("Score"),
		N_("Owner"), N_("Mitigation"), N_("Status")
	};
	const char *head[8];
	struct x_names_memo memo = { 0 };
	size_t *o;

	if (d->n_risks == 0) {
		buf_puts(out, _("No risks have been recorded."));
		buf_puts(out, "\n\n");
		return;
	}
	if (!(o = x_risk_order(d))) {
		out->oom = true;
		return;
	}
	for (size_t c = 0; c < 8; c++)
		head[c] = _(cols[c]);
	md_table_head(out, head, 8, "llrrrlll");
	for (size_t r = 0; r < d->n_risks; r++) {
		const struct risk *k = &d->risks[o[r]];
		char num[32], who[256];

		buf_putc(out, '|');
		cell(out, k->key);
		cell(out, k->description);
		snprintf(num, sizeof(num), "%d", k->probability);
		cell_raw(out, num);
		snprintf(num, sizeof(num), "%d", k->impact);
		cell_raw(out, num);
		snprintf(num, sizeof(num), "%d", risk_score(k));
		cell_raw(out, num);
		cell(out, x_person(k->owner, names, &memo, who, sizeof(who)));
		cell(out, k->mitigation);
		cell_raw(out, x_risk_status_label(k->status));
		buf_putc(out, '\n');
	}
	buf_puts(out, "\n");
	buf_puts(out, _("P: probability, I: impact (1 to 5); score = P × I.\n\n"));
	x_names_memo_clear(&memo);
	free(o);
}

/* ---- metrics ----------------------------------------------------------- */

static const char *metric_name(const struct metric *m,
			       const struct metric_def *def)
{
	return x_or(m->name, def ? x_or(def->name, x_or(m->key, "?")) :
			     x_or(m->key, "?"));
}

static const char *metric_unit(const struct metric *m,
			       const struct metric_def *def)
{
	return x_or(m->unit, def ? x_or(def->unit, NULL) : NULL);
}

/* The singular of the unit in use, when the content knows it. */
static const char *metric_unit_one(const struct metric *m,
				   const struct metric_def *def)
{
	const char *unit = metric_unit(m, def);

	return def && unit && str_eq(unit, def->unit) ? def->unit_one : NULL;
}

static void metric_cell(struct buf *out, bool has, double v,
			const struct metric *m, const struct metric_def *def)
{
	struct buf t;
	enum band b;

	buf_putc(out, ' ');
	if (!has) {
		buf_puts(out, X_NONE_CELL " |");
		return;
	}
	buf_init(&t);
	x_quantity(&t, v, metric_unit_one(m, def), metric_unit(m, def));
	md_cell(out, buf_str(&t));
	if (t.oom)
		out->oom = true;
	buf_free(&t);
	b = def ? dora_band(def, v) : BAND_NONE;
	if (b != BAND_NONE)
		buf_printf(out, " (%s)", band_label(b));
	buf_puts(out, " |");
}

void x_metrics_table(struct buf *out, const struct workshop_data *d,
		     const struct knowledge *k)
{
	static const char *cols[] = {
		N_("Metric"), N_("Current"), N_("Target (3 months)"),
		N_("Target (6 months)")
	};
	const char *head[4];
	bool banded = false;

	if (d->n_metrics == 0) {
		buf_puts(out, _("No success metrics have been recorded."));
		buf_puts(out, "\n\n");
		return;
	}
	for (size_t c = 0; c < 4; c++)
		head[c] = _(cols[c]);
	md_table_head(out, head, 4, NULL);
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];
		const struct metric_def *def = x_metric_def(k, m->key);

		if (def && def->n_bands)
			banded = true;
		buf_putc(out, '|');
		cell(out, metric_name(m, def));
		metric_cell(out, m->has_current, m->current, m, def);
		metric_cell(out, m->has_target_3m, m->target_3m, m, def);
		metric_cell(out, m->has_target_6m, m->target_6m, m, def);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	if (banded)
		buf_puts(out, _("Bands in brackets are the DORA performance bands (Low, Medium, High, Elite) of each value.\n\n"));
}

/* ---- the tables as documents of their own ------------------------------- */

static void doc_title(struct buf *out, const struct workshop_data *d,
		      const char *what)
{
	struct buf t;

	buf_init(&t);
	buf_printf(&t, "%s: %s", x_or(d->ws.title, _("Untitled workshop")),
		   what);
	md_heading(out, 1, buf_str(&t));
	if (t.oom)
		out->oom = true;
	buf_free(&t);
}

int export_risks_md(const struct workshop_data *d, struct buf *out,
		    struct error *e)
{
	return export_risks_md_with(d, 0, out, e);
}

int export_risks_md_with(const struct workshop_data *d, int flags,
			 struct buf *out, struct error *e)
{
	doc_title(out, d, _("risks and mitigations"));
	x_risks_table_named(out, d, (flags & EXPORT_RECORDED_NAMES) ?
			    X_NAMES_RECORDED : X_NAMES_REAL);
	md_end(out);
	return x_out_of_memory(out, e);
}

int export_metrics_md(const struct workshop_data *d,
		      const struct knowledge *k, struct buf *out,
		      struct error *e)
{
	doc_title(out, d, _("success metrics"));
	x_metrics_table(out, d, k);
	md_end(out);
	return x_out_of_memory(out, e);
}

int export_risks_csv(const struct workshop_data *d, struct buf *out,
		     struct error *e)
{
	size_t *o = x_risk_order(d);

	if (!o)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	buf_puts(out, "id,description,probability,impact,score,owner,mitigation,status\r\n");
	for (size_t r = 0; r < d->n_risks; r++) {
		const struct risk *k = &d->risks[o[r]];

		csv_field(out, k->key);
		buf_putc(out, ',');
		csv_field(out, k->description);
		buf_printf(out, ",%d,%d,%d,", k->probability, k->impact,
			   risk_score(k));
		csv_field(out, k->owner);
		buf_putc(out, ',');
		csv_field(out, k->mitigation);
		buf_putc(out, ',');
		csv_field(out, risk_status_id(k->status));
		buf_puts(out, "\r\n");
	}
	free(o);
	return x_out_of_memory(out, e);
}

static void csv_value(struct buf *out, bool has, double v,
		      const struct metric_def *def)
{
	enum band b;

	if (has)
		csv_number(out, v);
	buf_putc(out, ',');
	b = has && def ? dora_band(def, v) : BAND_NONE;
	if (b != BAND_NONE)
		csv_field(out, band_label_c(b));
}

int export_metrics_csv(const struct workshop_data *d,
		       const struct knowledge *k, struct buf *out,
		       struct error *e)
{
	buf_puts(out, "key,name,unit,current,current_band,target_3m,target_3m_band,target_6m,target_6m_band\r\n");
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];
		const struct metric_def *def = x_metric_def(k, m->key);

		csv_field(out, m->key);
		buf_putc(out, ',');
		csv_field(out, metric_name(m, def));
		buf_putc(out, ',');
		csv_field(out, metric_unit(m, def));
		buf_putc(out, ',');
		csv_value(out, m->has_current, m->current, def);
		buf_putc(out, ',');
		csv_value(out, m->has_target_3m, m->target_3m, def);
		buf_putc(out, ',');
		csv_value(out, m->has_target_6m, m->target_6m, def);
		buf_puts(out, "\r\n");
	}
	return x_out_of_memory(out, e);
}

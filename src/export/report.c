#include "config.h"

/*
 * report: the whole workshop as one architecture report, in the order of
 * the playbook's output format: current state, requirements, recommended
 * architecture (overview, Mermaid diagram, technology stack, pipeline),
 * alternatives, trade-off matrix, key decisions, roadmap, risks, metrics,
 * next steps.  A section with nothing in it says so in one line.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/i18n.h"

/* Interview sections (ids of data/interview*.yaml) that describe where
 * the team is today; every other section goes under the requirements. */
static const char *const current_sections[] = {
	"team", "infrastructure", "practices", "pain", "problem",
	"stakeholders", "current", "current_state",
};

static bool is_current_section(const char *id)
{
	for (size_t i = 0; i < sizeof(current_sections) /
			       sizeof(current_sections[0]); i++)
		if (str_eq(id, current_sections[i]))
			return true;
	return false;
}

/* ---- answers ----------------------------------------------------------- */

static const char *option_label(const struct question *q, const char *id)
{
	if (q)
		for (size_t i = 0; i < q->n_options; i++)
			if (str_eq(q->options[i].id, id))
				return x_or(q->options[i].label, id);
	return id;
}

static void answer_value(struct buf *out, const struct answer *a,
			 const struct question *q)
{
	const struct value *v = &a->value;
	char num[64];

	switch (v->kind) {
	case VAL_TEXT:
		md_text(out, option_label(q, v->text), "  ", 1);
		break;
	case VAL_NUMBER:
		x_num(num, sizeof(num), v->number);
		if (q && q->kind == Q_SCALE) {
			buf_printf(out, _("%s of 5"), num);
		} else {
			buf_puts(out, num);
			if (q && x_or(q->unit, NULL)) {
				buf_putc(out, ' ');
				md_inline(out, q->unit);
			}
		}
		break;
	case VAL_LIST:
		for (size_t i = 0; i < v->list.n; i++) {
			if (i)
				buf_puts(out, ", ");
			md_inline(out, option_label(q, v->list.v[i]));
		}
		break;
	case VAL_NONE:
		break;
	}
}

static bool answered(const struct answer *a)
{
	switch (a->value.kind) {
	case VAL_TEXT:
		return x_or(a->value.text, NULL) != NULL;
	case VAL_NUMBER:
		return true;
	case VAL_LIST:
		return a->value.list.n > 0;
	case VAL_NONE:
		break;
	}
	return false;
}

static void answer_item(struct buf *out, const struct answer *a,
			const struct question *q)
{
	buf_puts(out, "- **");
	md_inline(out, q ? x_or(q->prompt, a->question) :
		       x_or(a->question, "?"));
	buf_puts(out, "**: ");
	answer_value(out, a, q);
	buf_putc(out, '\n');
	if (x_or(a->note, NULL)) {
		buf_puts(out, "  - ");
		buf_puts(out, _("Note: "));
		md_text(out, a->note, "    ", 1);
		buf_putc(out, '\n');
	}
}

/* The answers of one group (current state or requirements), by section in
 * the interview's order; answers to questions k does not know go last
 * (under requirements).  Returns how many were written. */
static size_t answers_group(struct buf *out, const struct xctx *x,
			    bool current)
{
	const struct workshop_data *d = x->d;
	const struct knowledge *k = x->k;
	size_t written = 0;

	for (size_t s = 0; k && s < k->n_sections; s++) {
		const struct section *sec = &k->sections[s];
		bool head = false;

		if (is_current_section(sec->id) != current)
			continue;
		if (x_section(k, sec->id) != sec)
			continue;  /* overridden by a later entry */
		for (size_t qi = 0; qi < k->n_questions; qi++) {
			const struct question *q = &k->questions[qi];
			const struct answer *a;

			if (!str_eq(q->section, sec->id) ||
			    x_question(k, q->id) != q)
				continue;
			a = wsdata_answer(d, q->id);
			if (!a || !answered(a))
				continue;
			if (!head) {
				md_heading(out, 3, x_or(sec->title, sec->id));
				head = true;
			}
			answer_item(out, a, q);
			written++;
		}
		if (head)
			buf_putc(out, '\n');
	}
	if (!current) {
		bool head = false;

		for (size_t i = 0; i < d->n_answers; i++) {
			const struct answer *a = &d->answers[i];
			const struct question *q = x_question(k, a->question);

			if (!answered(a) || (q && x_section(k, q->section)))
				continue;
			if (!head && k) {
				md_heading(out, 3, _("Other answers"));
			}
			head = true;
			answer_item(out, a, q);
			written++;
		}
		if (head)
			buf_putc(out, '\n');
	}
	return written;
}

/* ---- recommended architecture ------------------------------------------ */

/* The approach the report recommends: the one the latest accepted decision
 * chose, else the top-ranked one; -1 when there is neither. */
static int recommended(const struct xctx *x, const struct decision **by)
{
	const struct workshop_data *d = x->d;
	const struct decision *best = NULL;

	for (size_t i = 0; i < d->n_decisions; i++) {
		const struct decision *dec = &d->decisions[i];

		if (dec->status == ADR_ACCEPTED && x_chosen(d, dec) >= 0 &&
		    (!best || dec->number > best->number))
			best = dec;
	}
	*by = best;
	if (best)
		return x_chosen(d, best);
	if (x->scored && d->n_approaches > 0)
		return (int)x->sc.order[0];
	return -1;
}

static void detail(struct buf *out, const char *label, const char *s)
{
	if (!x_or(s, NULL))
		return;
	buf_printf(out, "- **%s**: ", label);
	md_text(out, s, "  ", 1);
	buf_putc(out, '\n');
}

static const char *category_name(const struct knowledge *k, const char *id)
{
	const struct category *c = x_category(k, id);

	return c && x_or(c->name, NULL) ? c->name : x_or(id, "");
}

static void diagram(struct buf *out, const struct xctx *x,
		    const struct approach *a)
{
	struct buf label;

	if (a->n_components == 0 && a->stages.n == 0) {
		buf_puts(out, _("No components or pipeline stages have been recorded for this approach."));
		buf_puts(out, "\n\n");
		return;
	}
	/* Node ids are ours (dev, s1.., c1..); user text only ever appears
	 * in quoted labels. */
	buf_init(&label);
	buf_puts(out, "```mermaid\ngraph LR\n    dev[");
	md_mermaid_label(out, _("Developer"));
	buf_puts(out, "]\n");
	if (a->stages.n) {
		buf_puts(out, "    subgraph pipeline[");
		md_mermaid_label(out, _("Pipeline stages"));
		buf_puts(out, "]\n");
		for (size_t i = 0; i < a->stages.n; i++) {
			buf_printf(out, "        s%zu[", i + 1);
			md_mermaid_label(out, a->stages.v[i]);
			buf_puts(out, "]\n");
		}
		buf_puts(out, "    end\n");
	}
	if (a->n_components) {
		buf_puts(out, "    subgraph stack[");
		md_mermaid_label(out, _("Technology stack"));
		buf_puts(out, "]\n");
		for (size_t i = 0; i < a->n_components; i++) {
			const struct component *c = &a->components[i];

			label.len = 0;
			buf_puts(&label, "");
			if (x_or(c->category, NULL))
				buf_printf(&label, "%s: ",
					   category_name(x->k, c->category));
			buf_puts(&label, x_or(c->name, "?"));
			buf_printf(out, "        c%zu[", i + 1);
			md_mermaid_label(out, buf_str(&label));
			buf_puts(out, "]\n");
		}
		buf_puts(out, "    end\n");
	}
	if (a->stages.n) {
		buf_puts(out, "    dev --> s1\n");
		for (size_t i = 1; i < a->stages.n; i++)
			buf_printf(out, "    s%zu --> s%zu\n", i, i + 1);
		if (a->n_components)
			buf_printf(out, "    s%zu --> stack\n", a->stages.n);
	} else {
		buf_puts(out, "    dev --> stack\n");
	}
	buf_puts(out, "```\n\n");
	if (label.oom)
		out->oom = true;
	buf_free(&label);
}

static void stack_table(struct buf *out, const struct xctx *x,
			const struct approach *a)
{
	const char *head[3] = {
		_("Category"), _("Technology"), _("Rationale")
	};

	if (a->n_components == 0) {
		buf_puts(out, _("No technologies have been picked for this approach."));
		buf_puts(out, "\n\n");
		return;
	}
	md_table_head(out, head, 3, NULL);
	for (size_t i = 0; i < a->n_components; i++) {
		const struct component *c = &a->components[i];
		const struct tech *t = x_tech(x->k, c->category, c->name);

		buf_putc(out, '|');
		md_table_cell(out, category_name(x->k, c->category));
		md_table_cell(out, x_or(c->name, "–"));
		md_table_cell(out, t && x_or(t->best_for, NULL) ?
			      t->best_for : "–");
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

static void numbered(struct buf *out, const struct strv *sv)
{
	char bullet[32];
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		snprintf(bullet, sizeof(bullet), "%zu.", ++n);
		md_item(out, bullet, sv->v[i]);
	}
	buf_putc(out, '\n');
}

static void recommended_section(struct buf *out, const struct xctx *x,
				int *rec_out)
{
	const struct workshop_data *d = x->d;
	const struct decision *by;
	const struct approach *a;
	int rec = recommended(x, &by);
	char tmp[32], num[32];

	*rec_out = rec;
	md_heading(out, 2, _("Recommended architecture"));
	md_heading(out, 3, _("Overview"));
	if (rec < 0) {
		buf_puts(out, _("No approach has been chosen or ranked yet."));
		buf_puts(out, "\n\n");
		md_heading(out, 3, _("Pipeline stages"));
		buf_puts(out, _("No pipeline has been recorded yet."));
		buf_puts(out, "\n\n");
		return;
	}
	a = &d->approaches[rec];
	buf_puts(out, _("The recommended approach is **"));
	md_inline(out, x_approach_name(d, (size_t)rec, tmp, sizeof(tmp)));
	buf_puts(out, "**");
	if (by) {
		buf_printf(out, _(", as decided in ADR %d ("), by->number);
		if (by->markdown)
			md_inline_source(out, x_decision_title(by), 0);
		else
			md_inline(out, x_decision_title(by));
		buf_puts(out, ").\n\n");
	} else {
		x_fmt_total(num, sizeof(num), x->sc.totals[rec]);
		buf_printf(out, _(", ranked first in the trade-off analysis with a weighted total of %s; no decision has been accepted yet.\n\n"),
			   num);
	}
	if (x_or(a->summary, NULL))
		md_para(out, a->summary, "");
	if (x_or(a->deployment, NULL) || x_or(a->observability, NULL) ||
	    x_or(a->security, NULL) || x_or(a->complexity, NULL) ||
	    x_or(a->cost, NULL)) {
		detail(out, _("Deployment"), a->deployment);
		detail(out, _("Observability"), a->observability);
		detail(out, _("Security"), a->security);
		detail(out, _("Complexity"), a->complexity);
		detail(out, _("Cost"), a->cost);
		buf_putc(out, '\n');
	}
	md_heading(out, 3, _("Architecture diagram"));
	diagram(out, x, a);
	md_heading(out, 3, _("Technology stack"));
	stack_table(out, x, a);
	md_heading(out, 3, _("Pipeline stages"));
	if (x_has_items(&a->stages))
		numbered(out, &a->stages);
	else {
		buf_puts(out, _("No pipeline stages have been recorded for this approach."));
		buf_puts(out, "\n\n");
	}
}

/* ---- decisions, roadmap ------------------------------------------------ */

static void decisions_table(struct buf *out, const struct workshop_data *d)
{
	const char *head[4] = {
		_("ADR"), _("Decision"), _("Status"), _("Date")
	};
	size_t *o;

	if (d->n_decisions == 0) {
		buf_puts(out, _("No decisions have been recorded."));
		buf_puts(out, "\n\n");
		return;
	}
	o = x_decision_order(d);
	if (!o) {
		out->oom = true;
		return;
	}
	md_table_head(out, head, 4, "rlll");
	for (size_t r = 0; r < d->n_decisions; r++) {
		const struct decision *dec = &d->decisions[o[r]];

		buf_printf(out, "| %d |", dec->number);
		if (dec->markdown) {
			/* An imported title is Markdown source already. */
			buf_putc(out, ' ');
			md_inline_source(out, x_decision_title(dec), 1);
			buf_puts(out, " |");
		} else {
			md_table_cell(out, x_decision_title(dec));
		}
		buf_printf(out, " %s", adr_status_label(dec->status));
		if (dec->superseded_by > 0)
			buf_printf(out, _(" by ADR %d"), dec->superseded_by);
		buf_puts(out, " |");
		md_table_cell(out, x_or(dec->date, "–"));
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	free(o);
}

static bool whole(double w)
{
	return isfinite(w) && w >= 0 && w == floor(w) && w < 1e6;
}

static void weeks(struct buf *out, double w)
{
	char num[64];

	x_num(num, sizeof(num), w);
	if (w == 1)
		buf_puts(out, _("1 week"));
	else
		buf_printf(out, _("%s weeks"), num);
}

static void roadmap(struct buf *out, const struct workshop_data *d)
{
	double total = 0;
	bool ranges = true;

	if (d->n_roadmap == 0) {
		buf_puts(out, _("No roadmap has been drawn up yet."));
		buf_puts(out, "\n\n");
		return;
	}
	for (size_t i = 0; i < d->n_roadmap; i++)
		if (!whole(d->roadmap[i].weeks))
			ranges = false;
	for (size_t i = 0; i < d->n_roadmap; i++) {
		const struct phase *p = &d->roadmap[i];
		struct buf h;

		buf_init(&h);
		buf_printf(&h, _("Phase %zu"), i + 1);
		if (x_or(p->name, NULL))
			buf_printf(&h, ": %s", p->name);
		md_heading(out, 3, buf_str(&h));
		if (h.oom)
			out->oom = true;
		buf_free(&h);
		if (ranges && p->weeks >= 1) {
			buf_printf(out, _("Weeks %.0f–%.0f ("), total + 1,
				   total + p->weeks);
			weeks(out, p->weeks);
			buf_puts(out, ").\n\n");
		} else if (p->weeks > 0) {
			buf_puts(out, _("Duration: "));
			weeks(out, p->weeks);
			buf_puts(out, ".\n\n");
		} else {
			buf_puts(out, _("No duration has been set."));
			buf_puts(out, "\n\n");
		}
		if (isfinite(p->weeks) && p->weeks > 0)
			total += p->weeks;
		x_list(out, "-", &p->items, NULL);
	}
	buf_puts(out, _("Total duration: "));
	weeks(out, total);
	buf_puts(out, ".\n\n");
}

/* ---- the report -------------------------------------------------------- */

int export_report(const struct workshop_data *d, const struct knowledge *k,
		  struct buf *out, struct error *e)
{
	struct xctx x;
	struct buf t;
	char today[16];
	int rc, rec;

	rc = xctx_init(&x, d, k, e);
	if (rc < 0)
		return rc;
	buf_init(&t);
	buf_printf(&t, _("%s: architecture report"),
		   x_or(d->ws.title, _("Untitled workshop")));
	md_heading(out, 1, buf_str(&t));
	if (t.oom)
		out->oom = true;
	buf_free(&t);
	clock_today(today, sizeof(today));
	buf_printf(out, _("Exported from charrette on %s."), today);
	if (x_or(d->ws.facilitator, NULL)) {
		buf_puts(out, _(" Facilitator: "));
		md_inline(out, d->ws.facilitator);
		buf_putc(out, '.');
	}
	buf_puts(out, "\n\n");

	md_heading(out, 2, _("Current state assessment"));
	if (answers_group(out, &x, true) == 0) {
		buf_puts(out, _("No answers about the current state have been recorded."));
		buf_puts(out, "\n\n");
	}
	md_heading(out, 2, _("Requirements summary"));
	if (answers_group(out, &x, false) == 0) {
		buf_puts(out, _("No requirements have been recorded."));
		buf_puts(out, "\n\n");
	}
	recommended_section(out, &x, &rec);
	md_heading(out, 2, _("Alternatives considered"));
	if (d->n_approaches == 0) {
		buf_puts(out, _("No approaches have been recorded."));
		buf_puts(out, "\n\n");
	} else {
		x_alternatives_table(out, &x, rec);
	}
	md_heading(out, 2, _("Trade-off matrix"));
	x_scoring_table(out, &x);
	md_heading(out, 2, _("Key decisions"));
	decisions_table(out, d);
	md_heading(out, 2, _("Implementation roadmap"));
	roadmap(out, d);
	md_heading(out, 2, _("Risks and mitigations"));
	x_risks_table(out, d);
	md_heading(out, 2, _("Success metrics"));
	x_metrics_table(out, d, k);
	md_heading(out, 2, _("Next steps"));
	if (x_has_items(&d->next_steps))
		numbered(out, &d->next_steps);
	else {
		buf_puts(out, _("No next steps have been recorded."));
		buf_puts(out, "\n\n");
	}
	md_end(out);
	xctx_clear(&x);
	return x_out_of_memory(out, e);
}

#include "config.h"

/*
 * report_arch: the findings (what screen 3 shows: rules with the answers
 * that fired them and their required controls, anti-patterns with their
 * remedies, patterns by fit, weight nudges), every approach explored in
 * full, and the recommended architecture: overview, a Mermaid diagram of
 * its components and how they connect, the technology stack with a
 * rationale per component, the pipeline stages with trigger, actions and
 * gate, and the alternatives with the reasons they lost.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content/content.h"
#include "engine/rules.h"
#include "export/helpers.h"
#include "export/md.h"
#include "export/report_int.h"
#include "export/tables.h"
#include "util/i18n.h"

/* ---- findings ------------------------------------------------------------ */

/* The questions whose answers make a condition that holds hold: every
 * member of an "all", the members of an "any" that hold, the questions of
 * a "not" (whose inner condition fails on them). */
static bool fired_by(const struct cond *c, const struct workshop_data *d,
		     struct strv *qs)
{
	bool ok = true;

	if (!c)
		return true;
	switch (c->op) {
	case COND_ALL:
	case COND_ANY:
		for (size_t i = 0; i < c->n_sub; i++)
			if (c->op == COND_ALL || cond_eval(&c->sub[i], d))
				ok &= fired_by(&c->sub[i], d, qs);
		return ok;
	case COND_NOT:
		for (size_t i = 0; i < c->n_sub; i++)
			ok &= fired_by(&c->sub[i], d, qs);
		return ok;
	default:
		break;
	}
	if (!c->question || !wsdata_answer(d, c->question))
		return true;
	for (size_t i = 0; i < qs->n; i++)
		if (strcmp(qs->v[i], c->question) == 0)
			return true;
	return strv_push(qs, c->question) == 0;
}

/* "  - Fired by: prompt: answer; prompt: answer" */
static void fired_item(struct rctx *r, const struct cond *when)
{
	struct strv qs = { 0 };
	struct buf b;

	if (!fired_by(when, r->x.d, &qs))
		r->out->oom = true;
	if (!qs.n) {
		strv_free(&qs);
		return;
	}
	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < qs.n; i++) {
		const struct question *q = x_question(r->x.k, qs.v[i]);
		const struct answer *a = wsdata_answer(r->x.d, qs.v[i]);

		if (i)
			buf_puts(&b, "; ");
		buf_puts(&b, q ? x_or(q->prompt, qs.v[i]) : qs.v[i]);
		buf_puts(&b, " — ");
		report_answer_text(&b, r->x.k, a);
	}
	buf_puts(r->out, "  - ");
	buf_puts(r->out, _("Fired by: "));
	md_text(r->out, buf_str(&b), "    ", 1);
	buf_putc(r->out, '\n');
	if (b.oom)
		r->out->oom = true;
	buf_free(&b);
	strv_free(&qs);
}

static void rules_found(struct rctx *r)
{
	const struct knowledge *k = r->x.k;

	md_heading(r->out, 3, _("Decision rules that apply"));
	if (!r->f.n_rules) {
		report_none(r, _("No decision rule matches the answers."));
		return;
	}
	for (size_t i = 0; i < r->f.n_rules; i++) {
		const struct rule *ru = &k->rules[r->f.rules[i]];

		buf_puts(r->out, "- ");
		md_inline(r->out, x_or(ru->title, ru->id));
		if (x_or(ru->goal, NULL)) {
			buf_puts(r->out, " (");
			md_inline(r->out, ru->goal);
			buf_putc(r->out, ')');
		}
		if (x_or(ru->recommendation, NULL)) {
			buf_puts(r->out, ": ");
			md_text(r->out, ru->recommendation, "  ", 1);
		}
		buf_putc(r->out, '\n');
		fired_item(r, ru->when);
		if (report_has_items(&ru->controls)) {
			buf_puts(r->out, "  - ");
			buf_puts(r->out, _("Required controls:"));
			buf_putc(r->out, '\n');
			for (size_t c = 0; c < ru->controls.n; c++)
				if (x_or(ru->controls.v[c], NULL)) {
					buf_puts(r->out, "    ");
					md_item(r->out, "-", ru->controls.v[c]);
				}
		}
	}
	buf_putc(r->out, '\n');
}

static void antipatterns_found(struct rctx *r)
{
	const struct knowledge *k = r->x.k;

	md_heading(r->out, 3, _("Anti-pattern warnings"));
	if (!r->f.n_antipatterns) {
		report_none(r, _("No anti-pattern was detected in the answers."));
		return;
	}
	for (size_t i = 0; i < r->f.n_antipatterns; i++) {
		const struct antipattern *ap =
			&k->antipatterns[r->f.antipatterns[i]];

		buf_puts(r->out, "- ");
		md_inline(r->out, x_or(ap->name, ap->id));
		if (x_or(ap->description, NULL)) {
			buf_puts(r->out, ": ");
			md_text(r->out, ap->description, "  ", 1);
		}
		buf_putc(r->out, '\n');
		fired_item(r, ap->when);
		if (x_or(ap->remedy, NULL)) {
			buf_puts(r->out, "  - ");
			buf_puts(r->out, _("Remedy: "));
			md_text(r->out, ap->remedy, "    ", 1);
			buf_putc(r->out, '\n');
		}
	}
	buf_putc(r->out, '\n');
}

/* Does any question a condition looks at have an answer? */
static bool cond_answered(const struct cond *c, const struct workshop_data *d)
{
	if (c->question && wsdata_answer(d, c->question))
		return true;
	for (size_t i = 0; i < c->n_sub; i++)
		if (cond_answered(&c->sub[i], d))
			return true;
	return false;
}

/* The reasons a pattern fits, marked as screen 3 marks them when they line
 * up with the members of its "all" condition. */
static void fit_reasons(struct buf *out, const struct rctx *r,
			const struct pattern *p)
{
	const struct cond *c = p->fits;
	bool marked = c && c->op == COND_ALL && c->n_sub == p->fit_reasons.n;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < p->fit_reasons.n; i++) {
		if (i)
			buf_putc(&b, ' ');
		if (marked) {
			const struct cond *sub = &c->sub[i];

			buf_puts(&b, cond_eval(sub, r->x.d) ? "✓ " :
				 cond_answered(sub, r->x.d) ? "✗ " : "? ");
		}
		buf_puts(&b, p->fit_reasons.v[i]);
	}
	md_table_cell(out, buf_str(&b));
	if (b.oom)
		out->oom = true;
	buf_free(&b);
}

static void patterns_found(struct rctx *r)
{
	const char *head[4] = {
		_("Pattern"), _("Fit"), _("Favoured by rules"), _("Reasons")
	};
	const struct knowledge *k = r->x.k;

	md_heading(r->out, 3, _("Library patterns by fit"));
	if (!r->f.n_patterns) {
		report_none(r, _("The content has no library patterns."));
		return;
	}
	md_table_head(r->out, head, 4, "lrrl");
	for (size_t i = 0; i < r->f.n_patterns; i++) {
		const struct pattern_fit *pf = &r->f.patterns[i];
		const struct pattern *p = &k->patterns[pf->pattern];
		char num[NUM_BUF];

		buf_putc(r->out, '|');
		md_table_cell(r->out, x_or(p->name, p->id));
		x_fmt(num, sizeof(num), NUM_PERCENT, pf->fit);
		buf_printf(r->out, " %s | %zu |", num, pf->favoured_by);
		fit_reasons(r->out, r, p);
		buf_putc(r->out, '\n');
	}
	buf_putc(r->out, '\n');
	buf_puts(r->out, _("Reasons: ✓ holds, ✗ does not hold, ? not answered yet."));
	buf_puts(r->out, "\n\n");
}

static void nudges_found(struct rctx *r)
{
	md_heading(r->out, 3, _("Suggested weight changes"));
	if (!r->f.n_nudges) {
		report_none(r, _("The matched rules suggest no change to the criteria weights."));
		return;
	}
	for (size_t i = 0; i < r->f.n_nudges; i++) {
		const struct nudge *nd = &r->f.nudges[i];
		int ci = wsdata_criterion_index(r->x.d, nd->criterion);
		const struct criterion_def *def = x_criterion_def(r->x.k,
								  nd->criterion);
		char num[NUM_BUF], tmp[32];

		x_num(num, sizeof(num), nd->delta);
		buf_puts(r->out, "- ");
		md_inline(r->out, ci >= 0 ?
			  x_criterion_name(&r->x, (size_t)ci, tmp, sizeof(tmp)) :
			  def && x_or(def->name, NULL) ? def->name :
			  nd->criterion);
		buf_printf(r->out, ": %s%s\n", nd->delta > 0 ? "+" : "", num);
	}
	buf_putc(r->out, '\n');
	buf_puts(r->out, _("A change is added to the criterion's raw weight; the weights in the trade-off matrix show what was applied."));
	buf_puts(r->out, "\n\n");
}

void report_findings(struct rctx *r)
{
	if (!r->x.k) {
		report_none(r, _("The content (rules, anti-patterns, patterns) was not loaded, so no findings can be shown."));
		return;
	}
	if (!r->have_findings) {
		report_none(r, _("The findings could not be evaluated."));
		return;
	}
	rules_found(r);
	antipatterns_found(r);
	patterns_found(r);
	nudges_found(r);
}

/* ---- the approaches ---------------------------------------------------- */

static const char *category_name(const struct knowledge *k, const char *id)
{
	const struct category *c = x_category(k, id);

	return c && x_or(c->name, NULL) ? c->name : x_or(id, "");
}

static void detail(struct rctx *r, const char *label, const char *s)
{
	if (!x_or(s, NULL))
		return;
	buf_printf(r->out, "- %s: ", label);
	md_text(r->out, s, "  ", 1);
	buf_putc(r->out, '\n');
}

static void detail_list(struct rctx *r, const char *label,
			const struct strv *sv)
{
	if (!report_has_items(sv))
		return;
	buf_printf(r->out, "- %s:\n", label);
	for (size_t i = 0; i < sv->n; i++)
		if (x_or(sv->v[i], NULL)) {
			buf_puts(r->out, "  ");
			md_item(r->out, "-", sv->v[i]);
		}
}

static void components_detail(struct rctx *r, const struct approach *a)
{
	if (!a->n_components)
		return;
	buf_printf(r->out, "- %s:\n", _("Components"));
	for (size_t i = 0; i < a->n_components; i++) {
		const struct component *c = &a->components[i];
		struct buf b;

		buf_init(&b);
		if (x_or(c->category, NULL))
			buf_printf(&b, "%s: ", category_name(r->x.k,
							    c->category));
		buf_puts(&b, x_or(c->name, "–"));
		buf_puts(r->out, "  ");
		md_item(r->out, "-", buf_str(&b));
		if (b.oom)
			r->out->oom = true;
		buf_free(&b);
	}
}

static void approach_one(struct rctx *r, size_t i)
{
	const struct approach *a = &r->x.d->approaches[i];
	char tmp[32], num[NUM_BUF];
	struct buf h;

	buf_init(&h);
	buf_printf(&h, _("Approach %zu: %s"), i + 1,
		   x_approach_name(r->x.d, i, tmp, sizeof(tmp)));
	md_heading(r->out, 3, buf_str(&h));
	if (h.oom)
		r->out->oom = true;
	buf_free(&h);
	if (x_or(a->summary, NULL))
		md_para(r->out, a->summary, "");
	if (r->x.scored) {
		x_fmt_total(num, sizeof(num), r->x.sc.totals[i]);
		buf_printf(r->out, _("Weighted total %s, rank %d of %zu."),
			   num, r->x.sc.rank[i], r->x.d->n_approaches);
		buf_puts(r->out, "\n\n");
	}
	if (x_or(a->pattern, NULL)) {
		const struct pattern *p = r->x.k ?
			knowledge_pattern(r->x.k, a->pattern) : NULL;

		buf_puts(r->out, _("Started from the library pattern "));
		md_inline(r->out, p ? x_or(p->name, a->pattern) : a->pattern);
		buf_puts(r->out, ".\n\n");
	}
	components_detail(r, a);
	detail(r, _("Deployment pattern"), a->deployment);
	detail(r, _("Observability"), a->observability);
	detail(r, _("Security model"), a->security);
	detail(r, _("Complexity"), a->complexity);
	detail(r, _("Cost"), a->cost);
	detail_list(r, _("Pros"), &a->pros);
	detail_list(r, _("Cons"), &a->cons);
	detail_list(r, _("Pipeline stages"), &a->stages);
	if (a->n_components || x_or(a->deployment, NULL) ||
	    x_or(a->observability, NULL) || x_or(a->security, NULL) ||
	    x_or(a->complexity, NULL) || x_or(a->cost, NULL) ||
	    report_has_items(&a->pros) || report_has_items(&a->cons) ||
	    report_has_items(&a->stages))
		buf_putc(r->out, '\n');
	else if (!x_or(a->summary, NULL))
		report_none(r, _("Nothing has been written about this approach yet."));
}

void report_approaches(struct rctx *r)
{
	if (!r->x.d->n_approaches) {
		report_none(r, _("No approaches have been recorded."));
		return;
	}
	for (size_t i = 0; i < r->x.d->n_approaches; i++)
		approach_one(r, i);
}

/* ---- the recommended architecture -------------------------------------- */

/* How the parts of a delivery platform connect, by catalogue category:
 * the first category in `to` that the approach has gets the edge. */
static const struct flow {
	const char *from;
	const char *to[3];
	const char *label;
} flows[] = {
	{ "developer", { "scm", "cicd", "gitops" }, N_("git push") },
	{ "developer", { "platform" }, N_("self-service") },
	{ "platform", { "scm", "cicd" }, N_("scaffolds") },
	{ "scm", { "cicd" }, N_("triggers") },
	{ "cicd", { "supply_chain" }, N_("scans and signs") },
	{ "cicd", { "registry" }, N_("publishes") },
	{ "cicd", { "gitops", "containers" }, N_("deploys") },
	{ "policy", { "iac", "containers" }, N_("checks") },
	{ "iac", { "containers" }, N_("provisions") },
	{ "registry", { "containers" }, N_("images") },
	{ "gitops", { "containers" }, N_("syncs") },
	{ "progressive", { "containers" }, N_("shifts traffic") },
	{ "secrets", { "containers" }, N_("secrets") },
	{ "containers", { "observability" }, N_("telemetry") },
	{ "observability", { "progressive" }, N_("analysis") },
	{ "cost", { "containers" }, N_("watches spend") },
};

/* The distinct categories of an approach's components, in order of
 * appearance ("" for components without one). */
static size_t categories(const struct approach *a, const char **cat,
			 size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < a->n_components; i++) {
		const char *c = x_or(a->components[i].category, "");
		size_t j;

		for (j = 0; j < n && strcmp(cat[j], c) != 0; j++)
			;
		if (j == n && n < max)
			cat[n++] = c;
	}
	return n;
}

static int category_at(const char *const *cat, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(cat[i], id) == 0)
			return (int)i;
	return -1;
}

static void diagram(struct rctx *r, const struct approach *a)
{
	const char *cat[64];
	size_t n = categories(a, cat, 64);
	struct buf label;

	if (!n) {
		report_none(r, _("No components have been recorded for this approach."));
		return;
	}
	/* Node ids are ours (dev, n1..); user text is only ever in quoted
	 * labels.  One node per category, naming its technologies. */
	buf_init(&label);
	buf_puts(r->out, "```mermaid\ngraph LR\n    dev[");
	md_mermaid_label(r->out, _("Developer"));
	buf_puts(r->out, "]\n");
	for (size_t c = 0; c < n; c++) {
		size_t shown = 0;

		label.len = 0;
		buf_puts(&label, "");
		if (*cat[c])
			buf_printf(&label, "%s: ", category_name(r->x.k, cat[c]));
		for (size_t i = 0; i < a->n_components; i++) {
			const struct component *co = &a->components[i];

			if (strcmp(x_or(co->category, ""), cat[c]) != 0)
				continue;
			if (shown++)
				buf_puts(&label, ", ");
			buf_puts(&label, x_or(co->name, "?"));
		}
		buf_printf(r->out, "    n%zu[", c + 1);
		md_mermaid_label(r->out, buf_str(&label));
		buf_puts(r->out, "]\n");
	}
	for (size_t f = 0; f < sizeof(flows) / sizeof(flows[0]); f++) {
		int from = strcmp(flows[f].from, "developer") == 0 ? 0 :
			category_at(cat, n, flows[f].from) + 1;
		int to = 0;

		if (from <= 0 && strcmp(flows[f].from, "developer") != 0)
			continue;
		for (size_t t = 0; t < 3 && flows[f].to[t] && !to; t++)
			to = category_at(cat, n, flows[f].to[t]) + 1;
		if (!to)
			continue;
		if (from)
			buf_printf(r->out, "    n%d -->|", from);
		else
			buf_puts(r->out, "    dev -->|");
		md_mermaid_label(r->out, _(flows[f].label));
		buf_printf(r->out, "| n%d\n", to);
	}
	buf_puts(r->out, "```\n\n");
	if (label.oom)
		r->out->oom = true;
	buf_free(&label);
}

/* The catalogue entry a component names: the same name or id, else the
 * longest catalogue name the component's name starts with as a word
 * ("Terraform with GitLab-managed state"), the same category preferred. */
static const struct tech *stack_tech(const struct knowledge *k,
				     const struct component *c)
{
	const struct tech *best = x_tech(k, c->category, c->name);
	size_t best_len = 0;
	bool best_cat = false;

	if (best || !k || !c->name)
		return best;
	for (size_t i = 0; i < k->n_techs; i++) {
		const struct tech *t = &k->techs[i];
		size_t len = t->name ? strlen(t->name) : 0;
		bool cat = str_eq(t->category, c->category);

		if (!len || strncasecmp(c->name, t->name, len) != 0 ||
		    (c->name[len] && strchr(" ,;:(/", c->name[len]) == NULL))
			continue;
		if ((cat && !best_cat) || (cat == best_cat && len > best_len)) {
			best = t;
			best_len = len;
			best_cat = cat;
		}
	}
	return best;
}

/* What the approach itself says about a component's part of the system,
 * and under which of its headings (*label). */
static const char *approach_on(const struct approach *a, const char *cat,
			       const char **label)
{
	static const struct {
		const char *cat;
		size_t off;
		const char *label;
	} on[] = {
		{ "gitops", offsetof(struct approach, deployment), N_("Deployment pattern") },
		{ "progressive", offsetof(struct approach, deployment), N_("Deployment pattern") },
		{ "containers", offsetof(struct approach, deployment), N_("Deployment pattern") },
		{ "registry", offsetof(struct approach, deployment), N_("Deployment pattern") },
		{ "observability", offsetof(struct approach, observability), N_("Observability") },
		{ "secrets", offsetof(struct approach, security), N_("Security model") },
		{ "supply_chain", offsetof(struct approach, security), N_("Security model") },
		{ "policy", offsetof(struct approach, security), N_("Security model") },
		{ "cost", offsetof(struct approach, cost), N_("Cost") },
	};

	for (size_t i = 0; i < sizeof(on) / sizeof(on[0]); i++) {
		if (str_eq(cat, on[i].cat)) {
			*label = _(on[i].label);
			return x_or(*(char *const *)((const char *)a + on[i].off),
				    NULL);
		}
	}
	return NULL;
}

static void stack_table(struct rctx *r, const struct approach *a)
{
	const char *head[3] = {
		_("Component"), _("Technology"), _("Rationale")
	};

	if (a->n_components == 0) {
		report_none(r, _("No technologies have been picked for this approach."));
		return;
	}
	md_table_head(r->out, head, 3, NULL);
	for (size_t i = 0; i < a->n_components; i++) {
		const struct component *c = &a->components[i];
		const struct tech *t = stack_tech(r->x.k, c);
		const char *label = NULL;
		const char *on = approach_on(a, c->category, &label);
		struct buf why;

		/* The catalogue says what the technology is best for; where
		 * it does not know it, the approach's own words on that part
		 * of the system. */
		buf_init(&why);
		buf_puts(&why, "");
		if (t && x_or(t->best_for, NULL))
			buf_printf(&why, _("Best for: %s"), t->best_for);
		else if (on)
			buf_printf(&why, "%s: %s", label, on);
		buf_putc(r->out, '|');
		md_table_cell(r->out, category_name(r->x.k, c->category));
		md_table_cell(r->out, x_or(c->name, "–"));
		md_table_cell(r->out, why.len ? buf_str(&why) : "–");
		buf_putc(r->out, '\n');
		if (why.oom)
			r->out->oom = true;
		buf_free(&why);
	}
	buf_putc(r->out, '\n');
}

/*
 * A pipeline stage as typed: its name, then optional clauses after
 * semicolons, "trigger: ...", "actions: ..." and "gate: ..." (see
 * charrette-data(5)); text after a semicolon that names no clause belongs
 * to the clause before it.
 */
struct stage_parts {
	struct buf name, trigger, actions, gate;
};

static struct buf *stage_clause(struct stage_parts *p, const char **s)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "trigger:", offsetof(struct stage_parts, trigger) },
		{ "triggers:", offsetof(struct stage_parts, trigger) },
		{ "actions:", offsetof(struct stage_parts, actions) },
		{ "action:", offsetof(struct stage_parts, actions) },
		{ "gate:", offsetof(struct stage_parts, gate) },
		{ "gates:", offsetof(struct stage_parts, gate) },
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t n = strlen(keys[i].key);

		if (strncasecmp(*s, keys[i].key, n) == 0) {
			*s += n;
			while (**s == ' ')
				(*s)++;
			return (struct buf *)((char *)p + keys[i].off);
		}
	}
	return NULL;
}

static void stage_parse(const char *text, struct stage_parts *p)
{
	struct buf *cur = &p->name;
	const char *s = text;

	while (s && *s) {
		const char *end = strchr(s, ';');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		struct buf *to;

		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if ((to = stage_clause(p, &s)) != NULL) {
			cur = to;
			n = end ? (size_t)(end - s) : strlen(s);
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n) {
			if (cur->len)
				buf_puts(cur, "; ");
			buf_add(cur, s, n);
		}
		s = end ? end + 1 : NULL;
	}
}

static void stages_table(struct rctx *r, const struct approach *a)
{
	const char *head[5] = {
		_("#"), _("Stage"), _("Trigger"), _("Actions"), _("Gate")
	};
	size_t n = 0;

	if (!report_has_items(&a->stages)) {
		report_none(r, _("No pipeline stages have been recorded for this approach."));
		return;
	}
	md_table_head(r->out, head, 5, "rllll");
	for (size_t i = 0; i < a->stages.n; i++) {
		struct stage_parts p;

		if (!x_or(a->stages.v[i], NULL))
			continue;
		memset(&p, 0, sizeof(p));
		stage_parse(a->stages.v[i], &p);
		buf_printf(r->out, "| %zu |", ++n);
		md_table_cell(r->out, x_or(buf_str(&p.name), "–"));
		if (p.trigger.len) {
			md_table_cell(r->out, buf_str(&p.trigger));
		} else if (n > 1) {
			buf_printf(r->out, _(" After stage %zu passes |"), n - 1);
		} else {
			buf_puts(r->out, " – |");
		}
		md_table_cell(r->out, x_or(buf_str(&p.actions), "–"));
		md_table_cell(r->out, x_or(buf_str(&p.gate), "–"));
		buf_putc(r->out, '\n');
		if (p.name.oom || p.trigger.oom || p.actions.oom || p.gate.oom)
			r->out->oom = true;
		buf_free(&p.name);
		buf_free(&p.trigger);
		buf_free(&p.actions);
		buf_free(&p.gate);
	}
	buf_putc(r->out, '\n');
	buf_puts(r->out, _("A stage records its trigger, actions and gate when they are typed after its name (\"Deploy; trigger: merge to main; actions: sync, smoke tests; gate: error rate under 1%\"); a stage without a trigger runs when the one before it passes."));
	buf_puts(r->out, "\n\n");
}

static void overview(struct rctx *r, const struct approach *a)
{
	char tmp[32], num[NUM_BUF];

	buf_puts(r->out, _("The recommended approach is "));
	md_inline(r->out, x_approach_name(r->x.d, (size_t)r->rec, tmp,
					  sizeof(tmp)));
	if (r->rec_by) {
		buf_printf(r->out, _(", as decided in ADR %d ("),
			   r->rec_by->number);
		if (r->rec_by->markdown)
			md_inline_source(r->out, x_decision_title(r->rec_by), 0);
		else
			md_inline(r->out, x_decision_title(r->rec_by));
		buf_puts(r->out, ")");
		if (r->x.scored) {
			x_fmt_total(num, sizeof(num), r->x.sc.totals[r->rec]);
			buf_printf(r->out, _("; its weighted total is %s, rank %d of %zu"),
				   num, r->x.sc.rank[r->rec],
				   r->x.d->n_approaches);
		}
		buf_puts(r->out, ".\n\n");
	} else {
		x_fmt_total(num, sizeof(num), r->x.sc.totals[r->rec]);
		buf_printf(r->out, _(", ranked first in the trade-off analysis with a weighted total of %s; no decision has been accepted yet.\n\n"),
			   num);
	}
	if (x_or(a->summary, NULL))
		md_para(r->out, a->summary, "");
	if (r->rec_by && x_or(r->rec_by->decision, NULL)) {
		if (r->rec_by->markdown)
			md_source_para(r->out, r->rec_by->decision, "");
		else
			md_para(r->out, r->rec_by->decision, "");
	}
}

void report_recommended(struct rctx *r)
{
	const struct approach *a;

	md_heading(r->out, 3, _("Overview"));
	if (r->rec < 0) {
		report_none(r, _("No approach has been chosen or ranked yet."));
		return;
	}
	a = &r->x.d->approaches[r->rec];
	overview(r, a);
	md_heading(r->out, 3, _("Architecture diagram"));
	diagram(r, a);
	md_heading(r->out, 3, _("Technology stack"));
	stack_table(r, a);
	md_heading(r->out, 3, _("Pipeline stages"));
	stages_table(r, a);
}

void report_alternatives(struct rctx *r)
{
	const struct decision *by = r->rec_by;

	if (!r->x.d->n_approaches) {
		report_none(r, _("No approaches have been recorded."));
		return;
	}
	x_alternatives_table(r->out, &r->x, r->rec);
	if (by && x_or(by->alternatives, NULL)) {
		buf_printf(r->out, _("ADR %d adds about the alternatives:"),
			   by->number);
		buf_puts(r->out, "\n\n");
		if (by->markdown)
			md_source_para(r->out, by->alternatives, "");
		else
			md_para(r->out, by->alternatives, "");
	}
}

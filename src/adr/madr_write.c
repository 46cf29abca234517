#include "config.h"

/*
 * madr: one decision in the MADR 4 layout: YAML front matter (status,
 * date, decision-makers, consulted, informed), then Context and Problem
 * Statement, Decision Drivers (the weighted criteria), Considered Options,
 * Decision Outcome with its Consequences, Pros and Cons of the Options and
 * More Information (the full scoring table and its sensitivity).  Numbering,
 * file names and the index are shared with the adr-tools layout (adr.c).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/i18n.h"

static void yaml_list(struct buf *out, const char *key,
		      const struct strv *sv)
{
	if (!x_has_items(sv))
		return;
	buf_printf(out, "%s: [", key);
	for (size_t i = 0, n = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		if (n++)
			buf_puts(out, ", ");
		md_yaml_quoted(out, sv->v[i]);
	}
	buf_puts(out, "]\n");
}

static bool is_iso_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";

	if (!s || strlen(s) != 10)
		return false;
	for (size_t i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return false;
	return true;
}

static void front_matter(struct buf *out, const struct workshop_data *d,
			 const struct adr_plan *plan, size_t i)
{
	const struct decision *dec = &d->decisions[i];
	int by = x_superseder(d, i);
	const struct adr_entry *en = NULL;
	char today[16];
	struct buf st;

	buf_init(&st);
	if (by >= 0)
		en = x_plan_entry(plan, d, d->decisions[by].number);
	if (en)
		buf_printf(&st, "superseded by ADR-%04d", en->number);
	else if (dec->status == ADR_SUPERSEDED && dec->superseded_by > 0)
		buf_printf(&st, "superseded by ADR-%04d", dec->superseded_by);
	else
		buf_puts(&st, adr_status_id(dec->status));
	clock_today(today, sizeof(today));

	buf_puts(out, "---\nstatus: ");
	md_yaml_quoted(out, buf_str(&st));
	buf_puts(out, "\ndate: ");
	if (is_iso_date(dec->date) || !x_or(dec->date, NULL))
		buf_puts(out, is_iso_date(dec->date) ? dec->date : today);
	else
		md_yaml_quoted(out, dec->date);
	buf_putc(out, '\n');
	yaml_list(out, "decision-makers", &dec->deciders);
	yaml_list(out, "consulted", &dec->consulted);
	yaml_list(out, "informed", &dec->informed);
	buf_puts(out, "---\n\n");
	if (st.oom)
		out->oom = true;
	buf_free(&st);
}

static void drivers(struct buf *out, const struct xctx *x)
{
	const struct workshop_data *d = x->d;
	char tmp[32], pct[32];

	md_heading(out, 2, _("Decision Drivers"));
	if (d->n_criteria == 0) {
		buf_puts(out, _("No criteria have been recorded."));
		buf_puts(out, "\n\n");
		return;
	}
	for (size_t c = 0; c < d->n_criteria; c++) {
		const struct criterion *cr = &d->criteria[c];
		const struct criterion_def *def = x_criterion_def(x->k, cr->key);
		const char *desc = x_or(cr->description,
					def ? def->description : NULL);

		buf_puts(out, "* ");
		md_inline(out, x_criterion_name(x, c, tmp, sizeof(tmp)));
		if (x->scored) {
			x_fmt_percent(pct, sizeof(pct), x->sc.weights[c]);
			buf_printf(out, _(" (weight %s)"), pct);
		}
		if (x_or(desc, NULL)) {
			buf_puts(out, ": ");
			md_text(out, desc, "  ", 1);
		}
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

/* One list: the "Good, because" items, then the "Bad, because" ones. */
static void good_bad(struct buf *out, const char *bullet,
		     const struct strv *good, const struct strv *bad,
		     bool markdown)
{
	struct buf t;

	buf_init(&t);
	x_list_md(&t, bullet, good, _("Good, because "), markdown);
	md_end(&t);
	x_list_md(&t, bullet, bad, _("Bad, because "), markdown);
	md_end(&t);
	buf_puts(out, buf_str(&t));
	buf_putc(out, '\n');
	if (t.oom)
		out->oom = true;
	buf_free(&t);
}

static void outcome(struct buf *out, const struct xctx *x,
		    const struct decision *dec, int chosen)
{
	const struct workshop_data *d = x->d;
	char tmp[32], num[32], *own;
	const char *extra;

	md_heading(out, 2, _("Decision Outcome"));
	if (chosen < 0 && dec->markdown) {
		/* An imported record says what was chosen in its text. */
	} else if (chosen < 0) {
		buf_puts(out, _("No option has been chosen yet."));
		buf_puts(out, "\n\n");
	} else {
		buf_puts(out, _("Chosen option: \""));
		md_inline(out, x_approach_name(d, (size_t)chosen, tmp,
					       sizeof(tmp)));
		buf_puts(out, "\", ");
		if (x->scored && x->sc.rank[chosen] == 1) {
			x_fmt_total(num, sizeof(num), x->sc.totals[chosen]);
			buf_printf(out, _("because it comes out best in the weighted trade-off analysis (total %s; see More Information)."),
				   num);
		} else if (x_or(dec->rationale, NULL)) {
			buf_puts(out, _("because of the rationale below."));
		} else {
			buf_puts(out, _("because the deciders judged it the best fit."));
		}
		buf_puts(out, "\n\n");
	}
	if (x_or(dec->decision, NULL))
		x_para(out, dec, dec->decision, "");
	if (!x_rationale_split(dec, &own, &extra))
		out->oom = true;
	if (own)
		x_para(out, dec, own, "");

	md_heading(out, 3, _("Consequences"));
	if (!x_has_items(&dec->positive) && !x_has_items(&dec->negative)) {
		buf_puts(out, _("No consequences have been recorded."));
		buf_puts(out, "\n\n");
	} else {
		good_bad(out, x_bullet(dec, "*"), &dec->positive,
			 &dec->negative, dec->markdown);
	}
	if (x_has_items(&dec->risks)) {
		md_heading(out, 3, _("Risks"));
		x_list_md(out, x_bullet(dec, "*"), &dec->risks, NULL,
			  dec->markdown);
	}
	/* Sections of an imported record beyond ours, with their own
	 * headings, after the outcome. */
	if (extra)
		md_source_para(out, extra, "");
	free(own);
}

/* Links other than supersede, as a list under More Information. */
static void links_list(struct buf *out, const struct workshop_data *d,
		       const struct adr_plan *plan,
		       const struct decision *dec)
{
	size_t n = 0;

	for (size_t k = 0; k < dec->links.n; k++) {
		const struct adr_entry *o;
		const char *rel;
		size_t rlen;
		int num;

		if (decision_link_parse(dec->links.v[k], &rel, &rlen, &num) < 0)
			continue;
		buf_printf(out, "%s ", x_bullet(dec, "*"));
		x_link_relation(out, dec, rel, rlen);
		if ((o = x_plan_entry(plan, d, num))) {
			buf_printf(out, " [ADR-%04d](", o->number);
			x_link_target(out, o->file);
			buf_putc(out, ')');
		} else {
			buf_printf(out, " ADR %d", num);
		}
		buf_putc(out, '\n');
		n++;
	}
	if (n)
		buf_putc(out, '\n');
}

static void pros_cons(struct buf *out, const struct xctx *x)
{
	const struct workshop_data *d = x->d;
	char tmp[32];

	md_heading(out, 2, _("Pros and Cons of the Options"));
	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *a = &d->approaches[i];

		md_heading(out, 3, x_approach_name(d, i, tmp, sizeof(tmp)));
		if (x_or(a->summary, NULL))
			md_para(out, a->summary, "");
		if (!x_has_items(&a->pros) && !x_has_items(&a->cons)) {
			buf_puts(out, _("No pros or cons have been recorded."));
			buf_puts(out, "\n\n");
			continue;
		}
		good_bad(out, "*", &a->pros, &a->cons, false);
	}
}

int export_madr_one(const struct workshop_data *d,
		    const struct knowledge *k, const struct adr_plan *plan,
		    size_t i, struct buf *out, struct error *e)
{
	const struct decision *dec;
	const struct adr_entry *en;
	struct xctx x;
	char tmp[32];
	int rc, chosen;
	bool bare;

	rc = x_adr_begin(&x, d, k, plan, i, &en, e);
	if (rc < 0)
		return rc;
	dec = &d->decisions[i];
	chosen = x_chosen(d, dec);

	/* An imported record in a workshop without criteria or approaches
	 * gets no empty sections of ours about them. */
	bare = dec->markdown && d->n_criteria == 0 && d->n_approaches == 0;
	front_matter(out, d, plan, i);
	if (dec->markdown)
		md_heading_source(out, 1, x_decision_title(dec));
	else
		md_heading(out, 1, x_decision_title(dec));
	md_heading(out, 2, _("Context and Problem Statement"));
	x_para(out, dec, dec->context, _("No context has been recorded."));
	if (!bare)
		drivers(out, &x);

	if (!bare)
		md_heading(out, 2, _("Considered Options"));
	if (bare) {
		/* nothing to list */
	} else if (d->n_approaches == 0) {
		buf_puts(out, _("No options have been recorded."));
		buf_puts(out, "\n\n");
	} else {
		for (size_t a = 0; a < d->n_approaches; a++) {
			buf_puts(out, "* ");
			md_inline(out, x_approach_name(d, a, tmp, sizeof(tmp)));
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	outcome(out, &x, dec, chosen);
	if (!bare)
		pros_cons(out, &x);

	if (!bare || dec->n_supersedes || dec->links.n ||
	    x_or(dec->alternatives, NULL))
		md_heading(out, 2, _("More Information"));
	for (size_t s = 0; s < dec->n_supersedes; s++) {
		const struct adr_entry *o = x_plan_entry(plan, d,
							 dec->supersedes[s]);

		if (o) {
			buf_printf(out, _("This decision supersedes [ADR-%04d]("),
				   o->number);
			x_link_target(out, o->file);
			buf_puts(out, ").\n\n");
		} else {
			buf_printf(out, _("This decision supersedes ADR %d.\n\n"),
				   dec->supersedes[s]);
		}
	}
	links_list(out, d, plan, dec);
	if (x_or(dec->alternatives, NULL)) {
		md_heading(out, 3, _("Alternatives considered"));
		x_para(out, dec, dec->alternatives, "");
	}
	if (!bare) {
		md_heading(out, 3, _("Scoring"));
		x_scoring_table(out, &x);
	}
	x_marker_line(out, d, dec->number);
	xctx_clear(&x);
	return x_out_of_memory(out, e);
}

#include "config.h"

/*
 * madr_write: owns one decision made in the workshop in the MADR layout:
 * the title, metadata as a list under it ("- Status: accepted", "- Date:",
 * "- Deciders:"), as MADR 2 writes it and log4brains 1.x reads it (log4brains
 * reads no front matter: a superseded record must say "superseded by
 * [0005-slug](0005-slug.md)" there, the slug being how it names records),
 * then Context and Problem Statement, Decision Drivers, Considered Options,
 * Decision Outcome with its Consequences, Pros and Cons of the Options,
 * More Information (the scoring) and Links (supersede and other links, as
 * log4brains writes them).  The drivers, options, pros and cons and the
 * scoring belong to the decision that chose one of the workshop's
 * approaches; any other decision (a process decision, say) gets only its
 * own text.  Pros and cons read "Good: ..." / "Bad: ...": they are
 * phrases as often as sentences ("Good, because Daily deploys" does not
 * read).  Numbers, file names and the index are shared with the adr-tools
 * layout (adr_export.c, adr_write.c).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"
#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/error.h"
#include "util/i18n.h"

/* "0005-use-x" of "0005-use-x.md": log4brains' name of a record. */
static void slug_of(struct buf *out, const char *file)
{
	size_t n = strlen(file);

	buf_add(out, file, n > 3 && strcmp(file + n - 3, ".md") == 0 ? n - 3 : n);
}

/* "[0005-use-x](0005-use-x.md)" */
static void madr_link(struct buf *out, const struct adr_entry *en)
{
	buf_putc(out, '[');
	slug_of(out, en->file);
	buf_puts(out, "](");
	adr_link_target(out, en->file);
	buf_putc(out, ')');
}

static void people(struct buf *out, const char *bullet, const char *label,
		   const struct strv *sv)
{
	size_t n = 0;

	if (!x_has_items(sv))
		return;
	buf_printf(out, "%s %s: ", bullet, label);
	for (size_t i = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		if (n++)
			buf_puts(out, ", ");
		md_inline(out, sv->v[i]);
	}
	buf_putc(out, '\n');
}

static void metadata(struct buf *out, const struct workshop_data *d,
		     const struct adr_plan *plan, size_t i, const char *bullet)
{
	const struct decision *dec = &d->decisions[i];
	int by = x_plan_superseder(plan, d, i);
	const struct adr_entry *en = NULL;

	if (by >= 0)
		en = x_plan_entry(plan, d, d->decisions[by].number);
	buf_printf(out, "%s Status: ", bullet);
	if (en) {
		buf_puts(out, "superseded by ");
		madr_link(out, en);
	} else if (dec->status == ADR_SUPERSEDED && dec->superseded_by > 0) {
		buf_printf(out, "superseded by ADR-%04d", dec->superseded_by);
	} else {
		x_status_word(out, dec, true);
	}
	buf_putc(out, '\n');
	/* log4brains reads YYYY-MM-DD; nothing is written without a date. */
	if (x_or(dec->date, NULL)) {
		buf_printf(out, "%s Date: ", bullet);
		md_inline(out, dec->date);
		buf_putc(out, '\n');
	}
	people(out, bullet, "Deciders", &dec->deciders);
	people(out, bullet, "Consulted", &dec->consulted);
	people(out, bullet, "Informed", &dec->informed);
	buf_putc(out, '\n');
}

static void drivers(struct buf *out, const struct xctx *x, const char *bullet)
{
	const struct workshop_data *d = x->d;
	char tmp[32], pct[32];

	if (d->n_criteria == 0)
		return;
	md_heading(out, 2, "Decision Drivers");
	for (size_t c = 0; c < d->n_criteria; c++) {
		const struct criterion *cr = &d->criteria[c];
		const struct criterion_def *def = x_criterion_def(x->k, cr->key);
		const char *desc = x_or(cr->description,
					def ? def->description : NULL);

		buf_printf(out, "%s ", bullet);
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

/* One list: the good items, then the bad ones. */
static void good_bad(struct buf *out, const char *bullet,
		     const struct strv *good, const struct strv *bad,
		     bool markdown)
{
	struct buf t;

	buf_init(&t);
	x_list_md(&t, bullet, good, "Good: ", markdown);
	md_end(&t);
	x_list_md(&t, bullet, bad, "Bad: ", markdown);
	md_end(&t);
	buf_puts(out, buf_str(&t));
	buf_putc(out, '\n');
	if (t.oom)
		out->oom = true;
	buf_free(&t);
}

static void options(struct buf *out, const struct workshop_data *d,
		    const struct decision *dec, int chosen, const char *bullet)
{
	char tmp[32];

	if (x_or(dec->alternatives, NULL)) {
		md_heading(out, 2, "Considered Options");
		x_para(out, dec, dec->alternatives, "");
		return;
	}
	if (chosen < 0 || d->n_approaches == 0)
		return;
	md_heading(out, 2, "Considered Options");
	for (size_t a = 0; a < d->n_approaches; a++) {
		buf_printf(out, "%s ", bullet);
		md_inline(out, x_approach_name(d, a, tmp, sizeof(tmp)));
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

static void outcome(struct buf *out, const struct xctx *x,
		    const struct decision *dec, int chosen, const char *bullet)
{
	const struct workshop_data *d = x->d;
	char tmp[32], num[32], *own;
	const char *extra;

	md_heading(out, 2, "Decision Outcome");
	if (chosen >= 0) {
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
	} else if (!x_or(dec->decision, NULL)) {
		buf_puts(out, _("No decision text has been recorded."));
		buf_puts(out, "\n\n");
	}
	if (x_or(dec->decision, NULL))
		x_para(out, dec, dec->decision, "");
	if (!x_rationale_split(dec, &own, &extra))
		out->oom = true;
	if (own)
		x_para(out, dec, own, "");

	if (x_has_items(&dec->positive) || x_has_items(&dec->negative) ||
	    x_or(dec->consequences, NULL)) {
		md_heading(out, 3, "Consequences");
		if (x_has_items(&dec->positive) || x_has_items(&dec->negative))
			good_bad(out, bullet, &dec->positive, &dec->negative,
				 dec->markdown);
		if (x_or(dec->consequences, NULL))
			md_source_para(out, dec->consequences, "");
	}
	if (x_has_items(&dec->risks)) {
		md_heading(out, 3, "Risks");
		x_list_md(out, bullet, &dec->risks, NULL, dec->markdown);
	}
	/* Sections of an imported record beyond ours, with their own
	 * headings, after the outcome. */
	if (extra)
		md_source_para(out, extra, "");
	free(own);
}

static void pros_cons(struct buf *out, const struct xctx *x,
		      const char *bullet)
{
	const struct workshop_data *d = x->d;
	char tmp[32];

	md_heading(out, 2, "Pros and Cons of the Options");
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
		good_bad(out, bullet, &a->pros, &a->cons, false);
	}
}

/* Supersede and other links, one an item, as log4brains writes them. */
static void links(struct buf *out, const struct workshop_data *d,
		  const struct adr_plan *plan, size_t i, const char *bullet)
{
	const struct decision *dec = &d->decisions[i];
	const struct adr_entry *o;
	struct buf t;

	buf_init(&t);
	for (size_t s = 0; s < dec->n_supersedes; s++) {
		buf_printf(&t, "%s Supersedes ", bullet);
		if ((o = x_plan_entry(plan, d, dec->supersedes[s])))
			madr_link(&t, o);
		else
			buf_printf(&t, "ADR-%04d", dec->supersedes[s]);
		buf_putc(&t, '\n');
	}
	/* One that names this one as its superseder, missing from the list. */
	for (int j = plan->sup_first ? plan->sup_first[i] : -1; j >= 0;
	     j = plan->sup_next[j]) {
		bool listed = false;

		for (size_t s = 0; s < dec->n_supersedes; s++)
			listed = listed ||
				 dec->supersedes[s] == d->decisions[j].number;
		if (listed || (size_t)j == i ||
		    !(o = x_plan_entry(plan, d, d->decisions[j].number)))
			continue;
		buf_printf(&t, "%s Supersedes ", bullet);
		madr_link(&t, o);
		buf_putc(&t, '\n');
	}
	for (size_t k = 0; k < dec->links.n; k++) {
		const char *rel;
		size_t rlen;
		int num;

		if (decision_link_parse(dec->links.v[k], &rel, &rlen, &num) < 0)
			continue;
		buf_printf(&t, "%s ", bullet);
		x_link_relation(&t, dec, rel, rlen);
		buf_putc(&t, ' ');
		if ((o = x_plan_entry(plan, d, num)))
			madr_link(&t, o);
		else
			buf_printf(&t, "ADR-%04d", num);
		buf_putc(&t, '\n');
	}
	if (t.len) {
		md_heading(out, 2, "Links");
		buf_add(out, buf_str(&t), t.len);
		buf_putc(out, '\n');
	}
	if (t.oom)
		out->oom = true;
	buf_free(&t);
}

int export_madr_one(const struct workshop_data *d,
		    const struct knowledge *k, const struct adr_plan *plan,
		    size_t i, struct buf *out, struct error *e)
{
	const struct decision *dec;
	const struct adr_entry *en;
	struct xctx x;
	const char *bullet, *extra;
	char *own;
	int rc, chosen;
	bool more;

	rc = x_adr_begin(&x, d, k, plan, i, &en, e);
	if (rc < 0)
		return rc;
	dec = &d->decisions[i];
	chosen = x_chosen(d, dec);
	/* One list marker for the whole file (markdownlint MD004). */
	bullet = x_bullet(dec, "-");

	if (dec->markdown)
		md_heading_source(out, 1, x_decision_title(dec));
	else
		md_heading(out, 1, x_decision_title(dec));
	metadata(out, d, plan, i, bullet);
	md_heading(out, 2, "Context and Problem Statement");
	x_para(out, dec, dec->context, _("No context has been recorded."));
	if (chosen >= 0)
		drivers(out, &x, bullet);
	options(out, d, dec, chosen, bullet);
	outcome(out, &x, dec, chosen, bullet);
	if (chosen >= 0 && d->n_approaches)
		pros_cons(out, &x, bullet);
	if (chosen >= 0) {
		/* An imported record's own More Information stays the only
		 * one: the scoring then gets a heading of its own. */
		if (!x_rationale_split(dec, &own, &extra))
			out->oom = true;
		more = extra && strstr(extra, "## More Information");
		free(own);
		md_heading(out, 2, more ? "Scoring" : "More Information");
		x_scoring_table(out, &x);
	}
	links(out, d, plan, i, bullet);
	x_marker_line(out, d, dec->number);
	xctx_clear(&x);
	return x_out_of_memory(out, e);
}

#include "config.h"

/*
 * report: the whole workshop as one architecture report, the record a team
 * commits.  The sections follow the playbook's output format, with the
 * workshop's own stages in between: current state, requirements, findings,
 * the approaches explored, the trade-off analysis, the recommended
 * architecture, alternatives, key decisions, roadmap, risks, success
 * metrics, next steps; then, for a workshop run with the room's tools, its
 * agenda, parking lot and wrap-up.  The section table below is the order; a
 * section with nothing in it says so in one sentence.  The parts live in
 * report_state.c (interview), report_arch.c (findings, approaches,
 * recommendation) and report_tradeoff.c (matrix, charts, risks).
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "export/export.h"
#include "export/helpers.h"
#include "export/md.h"
#include "export/report_int.h"
#include "export/report_room.h"
#include "export/tables.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/i18n.h"

/* ---- shared pieces -------------------------------------------------------- */

void report_none(struct rctx *r, const char *sentence)
{
	buf_puts(r->out, sentence);
	buf_puts(r->out, "\n\n");
}

void report_lead(struct rctx *r, const char *label)
{
	buf_printf(r->out, "**%s.** ", label);
}

bool report_has_items(const struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		if (x_or(sv->v[i], NULL))
			return true;
	return false;
}

size_t report_list(struct rctx *r, const char *bullet, const struct strv *sv)
{
	char num[32];
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		snprintf(num, sizeof(num), "%zu.", n + 1);
		md_item(r->out, bullet ? bullet : num, sv->v[i]);
		n++;
	}
	if (n)
		buf_putc(r->out, '\n');
	return n;
}

/* ---- the recommendation ----------------------------------------------- */

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

/* ---- key decisions ---------------------------------------------------- */

/* A decision's own text in a cell: Markdown source (an imported record)
 * up to its first extra section, or typed text escaped. */
static void decision_cell(struct buf *out, const struct decision *dec,
			  const char *s)
{
	if (!x_or(s, NULL)) {
		md_table_cell(out, "–");
		return;
	}
	if (dec->markdown) {
		size_t n = md_source_sections(s);
		char *head = str_ndup(s, n);

		buf_putc(out, ' ');
		md_inline_source(out, x_or(head, "–"), 1);
		buf_puts(out, " |");
		free(head);
	} else {
		md_table_cell(out, s);
	}
}

static void decisions_table(struct rctx *r)
{
	const char *head[6] = {
		_("ADR"), _("Decision"), _("Status"), _("Deciders"),
		_("Rationale"), _("Trade-off accepted")
	};
	const struct workshop_data *d = r->x.d;
	size_t *o;

	if (d->n_decisions == 0) {
		report_none(r, _("No decisions have been recorded."));
		return;
	}
	if (!(o = x_decision_order(d))) {
		r->out->oom = true;
		return;
	}
	md_table_head(r->out, head, 6, "rlllll");
	for (size_t i = 0; i < d->n_decisions; i++) {
		const struct decision *dec = &d->decisions[o[i]];
		size_t before;

		buf_printf(r->out, "| %d |", dec->number);
		decision_cell(r->out, dec, x_decision_title(dec));
		buf_printf(r->out, " %s", adr_status_label(dec->status));
		if (dec->superseded_by > 0)
			buf_printf(r->out, _(" by ADR %d"), dec->superseded_by);
		if (x_or(dec->date, NULL)) {
			buf_puts(r->out, ", ");
			md_cell(r->out, dec->date);
		}
		buf_puts(r->out, " | ");
		before = r->out->len;
		x_people(r->out, &dec->deciders, r->x.names, &r->x.memo,
			 md_cell);
		buf_puts(r->out, r->out->len == before ? "|" : " |");
		decision_cell(r->out, dec, dec->rationale);
		if (dec->markdown) {
			buf_putc(r->out, ' ');
			for (size_t k = 0; k < dec->negative.n; k++) {
				if (k)
					buf_puts(r->out, "; ");
				md_inline_source(r->out, dec->negative.v[k], 1);
			}
			buf_puts(r->out, dec->negative.n ? " |" : "|");
		} else {
			md_table_list(r->out, &dec->negative);
		}
		buf_putc(r->out, '\n');
	}
	buf_putc(r->out, '\n');
	buf_puts(r->out, _("The trade-off accepted is what the decision records as its negative consequences."));
	buf_puts(r->out, "\n\n");
	free(o);
}

/* ---- roadmap ------------------------------------------------------------ */

static bool whole(double w)
{
	return isfinite(w) && w >= 0 && w == floor(w) && w < 1e6;
}

static void weeks(struct buf *out, double w)
{
	x_quantity(out, w, _("week"), _("weeks"));
}

static void phase_heading(struct rctx *r, size_t i, const struct phase *p)
{
	struct buf h;

	buf_init(&h);
	buf_printf(&h, _("Phase %zu"), i + 1);
	if (x_or(p->name, NULL))
		buf_printf(&h, ": %s", p->name);
	md_heading(r->out, 3, buf_str(&h));
	if (h.oom)
		r->out->oom = true;
	buf_free(&h);
}

static void roadmap(struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	double total = 0;
	bool ranges = true;

	if (d->n_roadmap == 0) {
		report_none(r, _("No roadmap has been drawn up yet."));
		return;
	}
	for (size_t i = 0; i < d->n_roadmap; i++)
		if (!whole(d->roadmap[i].weeks))
			ranges = false;
	for (size_t i = 0; i < d->n_roadmap; i++) {
		const struct phase *p = &d->roadmap[i];

		phase_heading(r, i, p);
		if (ranges && p->weeks >= 1) {
			if (p->weeks == 1)
				buf_printf(r->out, _("Week %.0f ("), total + 1);
			else
				buf_printf(r->out, _("Weeks %.0f–%.0f ("),
					   total + 1, total + p->weeks);
			weeks(r->out, p->weeks);
			buf_puts(r->out, ").\n\n");
		} else if (p->weeks > 0) {
			buf_puts(r->out, _("Duration: "));
			weeks(r->out, p->weeks);
			buf_puts(r->out, ".\n\n");
		} else {
			report_none(r, _("No duration has been set."));
		}
		if (isfinite(p->weeks) && p->weeks > 0)
			total += p->weeks;
		report_list(r, "-", &p->items);
	}
	buf_puts(r->out, _("Total duration: "));
	weeks(r->out, total);
	buf_puts(r->out, ".\n\n");
}

/* ---- the section table ------------------------------------------------ */

static void sec_current(struct rctx *r)
{
	report_current_state(r);
}

static void sec_requirements(struct rctx *r)
{
	report_requirements(r);
}

static void sec_metrics(struct rctx *r)
{
	x_metrics_table(r->out, r->x.d, r->x.k);
}

static void sec_next(struct rctx *r)
{
	if (!report_list(r, NULL, &r->x.d->next_steps))
		report_none(r, _("No next steps have been recorded."));
}

static const struct {
	const char *title;
	report_section_fn write;   /* NULL: a place kept, nothing written */
} sections[] = {
	{ N_("Current state assessment"), sec_current },
	{ N_("Requirements summary"), sec_requirements },
	{ N_("Findings"), report_findings },
	{ N_("Approaches explored"), report_approaches },
	{ N_("Trade-off analysis"), report_tradeoffs },
	{ N_("Recommended architecture"), report_recommended },
	{ N_("Alternatives considered"), report_alternatives },
	{ N_("Key decisions"), decisions_table },
	{ N_("Implementation roadmap"), roadmap },
	{ N_("Risks and mitigations"), report_risks },
	{ N_("Success metrics"), sec_metrics },
	{ N_("Next steps"), sec_next },
};

/*
 * The room's record after the playbook's sections (report_room.c, which
 * writes its own headings): the agenda when the countdown ran (its planned
 * and spent per stage), the parking lot when anything was parked, and the
 * wrap-up when either (what was decided, what is open, the actions with
 * their owners, the time).  A workshop that never used the room's tools
 * gets none of them: the template's timeboxes nobody ran, an empty lot and
 * a wrap-up that only repeats the sections above would be noise.
 */
static void room_sections(struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	int64_t now = clock_now();
	bool timed = d->timer.set, parked = d->n_parking > 0;

	for (size_t i = 0; i < d->n_agenda && !timed; i++)
		timed = d->agenda[i].spent > 0;
	if (timed)
		report_agenda(r->out, d, r->tpl, now, 2);
	if (parked)
		report_parking(r->out, d, 2, r->x.names);
	if (timed || parked)
		report_wrapup(r->out, d, r->x.k, r->tpl, now, 2, r->x.names);
}

static void title(struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	char today[16], who[256];
	const char *fac;
	struct buf t;

	buf_init(&t);
	buf_printf(&t, _("%s: architecture report"),
		   x_or(d->ws.title, _("Untitled workshop")));
	md_heading(r->out, 1, buf_str(&t));
	if (t.oom)
		r->out->oom = true;
	buf_free(&t);
	clock_today(today, sizeof(today));
	buf_printf(r->out, _("Exported from charrette on %s."), today);
	fac = x_person(d->ws.facilitator, r->x.names, &r->x.memo, who,
		       sizeof(who));
	if (fac) {
		buf_puts(r->out, _(" Facilitator: "));
		md_inline(r->out, fac);
		buf_putc(r->out, '.');
	}
	buf_puts(r->out, "\n\n");
}

int export_report(const struct workshop_data *d, const struct knowledge *k,
		  struct buf *out, struct error *e)
{
	return export_report_with(d, k, 0, out, e);
}

int export_report_with(const struct workshop_data *d,
		       const struct knowledge *k, int flags, struct buf *out,
		       struct error *e)
{
	struct rctx r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.out = out;
	rc = xctx_init(&r.x, d, k, e);
	if (rc < 0)
		return rc;
	r.x.names = (flags & EXPORT_RECORDED_NAMES) ? X_NAMES_RECORDED :
		X_NAMES_REAL;
	/* The findings exactly as screen 3 evaluates them. */
	r.tpl = k ? knowledge_template(k, d->ws.template_name) : NULL;
	r.have_findings = k && rules_evaluate(k, r.tpl, d, &r.f) == 0;
	r.rec = recommended(&r.x, &r.rec_by);

	title(&r);
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		if (!sections[i].write)
			continue;
		md_heading(out, 2, _(sections[i].title));
		sections[i].write(&r);
	}
	room_sections(&r);
	md_end(out);
	if (r.have_findings)
		findings_clear(&r.f);
	xctx_clear(&r.x);
	return x_out_of_memory(out, e);
}

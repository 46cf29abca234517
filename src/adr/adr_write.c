#include "config.h"

/*
 * adr_write: owns the adr-tools (Nygard) layout of a decision made in the
 * workshop, and what the layouts share: links to other records, lists,
 * the README.md index charrette writes, the marker that ends its files.
 *
 *   # N. Title / Date: / ## Status (word and link lines) / ## Context /
 *   ## Decision / ## Consequences
 *
 * with our Rationale and Alternatives considered sections added, as
 * adr-tools' own template allows (each only when it has content).  A date
 * is written only when the decision has one.  Status links are written
 * as adr-tools 3.0.0's `adr new -s` writes them through its _adr_add_link,
 * so its `adr link` and `adr generate` read ours:
 * "Supersedes [1. Title](0001-title.md)" and
 * "Superseded by [2. Title](0002-title.md)" (older adr-tools spelled them
 * "Supercedes", which is read too).  Being parsed by tools, they and the
 * status words are not translated.  Folders (numbers, what is in
 * them already, writing) are adr_export.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_export.h"
#include "adr/adr_folder.h"
#include "adr/adr_import_int.h"
#include "export/export.h"
#include "export/export_priv.h"
#include "export/md.h"
#include "util/error.h"
#include "util/i18n.h"

int x_superseder(const struct workshop_data *d, size_t i)
{
	const struct decision *dec = &d->decisions[i];

	for (size_t j = 0; j < d->n_decisions; j++) {
		const struct decision *o = &d->decisions[j];

		if (j == i)
			continue;
		if (dec->superseded_by > 0 && o->number == dec->superseded_by)
			return (int)j;
	}
	for (size_t j = 0; j < d->n_decisions; j++) {
		const struct decision *o = &d->decisions[j];

		if (j == i)
			continue;
		for (size_t s = 0; s < o->n_supersedes; s++)
			if (o->supersedes[s] == dec->number)
				return (int)j;
	}
	return -1;
}

int x_adr_begin(struct xctx *x, const struct workshop_data *d,
		const struct knowledge *k, const struct adr_plan *plan,
		size_t i, const struct adr_entry **en, struct error *e)
{
	if (i >= d->n_decisions)
		return err_set(e, ST_INPUT, "%s", _("no such decision"));
	*en = x_plan_entry(plan, d, d->decisions[i].number);
	if (!*en)
		return err_set(e, ST_INPUT, _("decision %d is not in the plan"),
			       d->decisions[i].number);
	return xctx_init(x, d, k, e);
}

/* A link destination: our names are plain, others are percent-encoded. */
void x_link_target(struct buf *out, const char *file)
{
	adr_link_target(out, file);
}

/* A title as link text: escaped, or as written for a Markdown decision
 * (only what would end the link text, or the table cell, escaped). */
static void link_title(struct buf *out, const struct adr_entry *en,
		       bool cell)
{
	if (!en->markdown) {
		if (cell)
			md_cell(out, x_or(en->title, en->file));
		else
			md_inline(out, en->title);
		return;
	}
	for (const char *p = en->title; p && *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			buf_putc(out, ' ');
			continue;
		}
		if ((*p == '[' || *p == ']' || (cell && *p == '|')) &&
		    (p == en->title || p[-1] != '\\'))
			buf_putc(out, '\\');
		buf_putc(out, *p);
	}
}

/* "[2. Title](0002-title.md)" */
static void adr_link(struct buf *out, const struct adr_entry *en)
{
	buf_printf(out, "[%d. ", en->number);
	link_title(out, en, false);
	buf_puts(out, "](");
	x_link_target(out, en->file);
	buf_putc(out, ')');
}

/* ---- the adr-tools layout ----------------------------------------------- */

/* As adr-tools 3.0.0's `adr new -s` writes them (see the top). */
#define LINK_SUPERSEDES "Supersedes"
#define LINK_SUPERSEDED_BY "Superseded by"

static void status_section(struct buf *out, const struct workshop_data *d,
			   const struct adr_plan *plan, size_t i)
{
	const struct decision *dec = &d->decisions[i];
	int by = x_plan_superseder(plan, d, i);
	const struct adr_entry *en;

	md_heading(out, 2, "Status");
	if (by >= 0 && (en = x_plan_entry(plan, d, d->decisions[by].number))) {
		/* adr-tools replaces the status word with the link. */
		buf_puts(out, LINK_SUPERSEDED_BY " ");
		adr_link(out, en);
	} else if (dec->status == ADR_SUPERSEDED && dec->superseded_by > 0) {
		buf_printf(out, LINK_SUPERSEDED_BY " ADR %d", dec->superseded_by);
	} else {
		x_status_word(out, dec, false);
	}
	buf_puts(out, "\n\n");
	for (size_t s = 0; s < dec->n_supersedes; s++) {
		en = x_plan_entry(plan, d, dec->supersedes[s]);
		if (en) {
			buf_puts(out, LINK_SUPERSEDES " ");
			adr_link(out, en);
		} else {
			buf_printf(out, LINK_SUPERSEDES " ADR %d",
				   dec->supersedes[s]);
		}
		buf_puts(out, "\n\n");
	}
	/* A decision marked as superseded by this one but missing from its
	 * list still gets its link. */
	for (int j = plan->sup_first ? plan->sup_first[i] : -1; j >= 0;
	     j = plan->sup_next[j]) {
		const struct decision *o = &d->decisions[j];
		bool listed = false;

		if ((size_t)j == i)
			continue;
		for (size_t s = 0; s < dec->n_supersedes; s++)
			if (dec->supersedes[s] == o->number)
				listed = true;
		if (listed || !(en = x_plan_entry(plan, d, o->number)))
			continue;
		buf_puts(out, LINK_SUPERSEDES " ");
		adr_link(out, en);
		buf_puts(out, "\n\n");
	}
	/* Other links, one a line as adr-tools' `adr link` writes them. */
	for (size_t k = 0; k < dec->links.n; k++) {
		const char *rel;
		size_t n;
		int num;

		if (decision_link_parse(dec->links.v[k], &rel, &n, &num) < 0)
			continue;
		x_link_relation(out, dec, rel, n);
		buf_putc(out, ' ');
		if ((en = x_plan_entry(plan, d, num)))
			adr_link(out, en);
		else
			buf_printf(out, "ADR %d", num);
		buf_puts(out, "\n\n");
	}
}

void x_link_relation(struct buf *out, const struct decision *dec,
		     const char *rel, size_t n)
{
	char *r = str_ndup(rel, n);

	if (!r) {
		out->oom = true;
		return;
	}
	if (dec->markdown)
		buf_puts(out, r);
	else
		md_inline(out, r);
	free(r);
}

static void people_line(struct buf *out, const char *label,
			const struct strv *sv)
{
	size_t n = 0;

	if (!x_has_items(sv))
		return;
	buf_printf(out, "%s: ", label);
	for (size_t i = 0; i < sv->n; i++) {
		if (!x_or(sv->v[i], NULL))
			continue;
		if (n++)
			buf_puts(out, ", ");
		md_inline(out, sv->v[i]);
	}
	buf_puts(out, "\n\n");
}

size_t x_list(struct buf *out, const char *bullet, const struct strv *sv,
	      const char *prefix)
{
	return x_list_md(out, bullet, sv, prefix, false);
}

size_t x_list_md(struct buf *out, const char *bullet, const struct strv *sv,
		 const char *prefix, bool markdown)
{
	size_t n = 0;

	for (size_t i = 0; i < sv->n; i++) {
		struct buf t;

		if (!x_or(sv->v[i], NULL))
			continue;
		buf_puts(out, bullet);
		buf_putc(out, ' ');
		if (prefix)
			buf_puts(out, prefix);
		buf_init(&t);
		if (markdown)
			md_source(&t, sv->v[i], "  ");
		else
			md_text(&t, sv->v[i], "  ", 1);
		buf_puts(out, buf_str(&t));
		if (t.oom)
			out->oom = true;
		buf_free(&t);
		buf_putc(out, '\n');
		n++;
	}
	if (n)
		buf_putc(out, '\n');
	return n;
}

/* The marker of the first bullet list in Markdown source, or 0. */
static char first_bullet(const char *s)
{
	bool fence = false;

	while (s && *s) {
		const char *p = s;

		while (*p == ' ')
			p++;
		if (strncmp(p, "```", 3) == 0 || strncmp(p, "~~~", 3) == 0)
			fence = !fence;
		else if (!fence && (*p == '-' || *p == '*' || *p == '+') &&
			 (p[1] == ' ' || p[1] == '\t'))
			return *p;
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	return 0;
}

const char *x_bullet(const struct decision *dec, const char *dflt)
{
	const char *texts[4];
	char c = 0;

	if (!dec->markdown)
		return dflt;
	texts[0] = dec->context;
	texts[1] = dec->decision;
	texts[2] = dec->rationale;
	texts[3] = dec->alternatives;
	for (size_t i = 0; i < 4 && !c; i++)
		c = first_bullet(texts[i]);
	return c == '-' ? "-" : c == '*' ? "*" : c == '+' ? "+" : dflt;
}

bool x_rationale_split(const struct decision *dec, char **head,
		       const char **sections)
{
	size_t at = dec->markdown ? md_source_sections(dec->rationale) :
		    (dec->rationale ? strlen(dec->rationale) : 0);

	*head = NULL;
	*sections = NULL;
	if (!x_or(dec->rationale, NULL))
		return true;
	if (dec->rationale[at])
		*sections = dec->rationale + at;
	if (at == 0)
		return true;
	*head = str_ndup(dec->rationale, at);
	if (!*head)
		return false;
	if (!x_or(*head, NULL)) {
		free(*head);
		*head = NULL;
	}
	return true;
}

void x_para(struct buf *out, const struct decision *dec, const char *s,
	    const char *fallback)
{
	if (dec->markdown)
		md_source_para(out, s, fallback);
	else
		md_para(out, s, fallback);
}

bool x_has_items(const struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		if (x_or(sv->v[i], NULL))
			return true;
	return false;
}

char *x_marker_mine(const struct workshop_data *d)
{
	char *m = x_marker(d, 0);
	char *mine;

	/* "<!-- charrette: SLUG decision 0 -->" less "0 -->" */
	if (!m)
		return NULL;
	mine = str_ndup(m, strlen(m) - strlen("0 -->"));
	free(m);
	return mine;
}

void x_status_word(struct buf *out, const struct decision *dec, bool lower)
{
	const char *w = decision_status_shown(dec);
	enum adr_status st;

	/* The record's own word while it still names the status; else the
	 * status id, which tools read (never translated). */
	if (dec->status_text && *dec->status_text &&
	    (adr_status_classify(dec->status_text, &st) == ST_OK ?
	     st == dec->status : dec->status == ADR_PROPOSED)) {
		buf_puts(out, w);
		return;
	}
	w = adr_status_id(dec->status);
	if (!lower && *w) {
		buf_putc(out, (char)(*w - 'a' + 'A'));
		w++;
	}
	buf_puts(out, w);
}

void x_marker_line(struct buf *out, const struct workshop_data *d,
		   int number)
{
	char *m = x_marker(d, number);

	md_end(out);
	if (!m) {
		out->oom = true;
		return;
	}
	buf_printf(out, "\n%s\n", m);
	free(m);
}

int export_adr_one(const struct workshop_data *d, const struct knowledge *k,
		   const struct adr_plan *plan, size_t i, struct buf *out,
		   struct error *e)
{
	const struct decision *dec;
	const struct adr_entry *en;
	struct xctx x;
	struct buf t;
	char tmp[32];
	int rc, chosen;
	const char *extra, *bullet;
	char *own;

	rc = x_adr_begin(&x, d, k, plan, i, &en, e);
	if (rc < 0)
		return rc;
	dec = &d->decisions[i];
	chosen = x_chosen(d, dec);

	buf_init(&t);
	buf_printf(&t, "%d. %s", en->number, x_decision_title(dec));
	if (dec->markdown)
		md_heading_source(out, 1, buf_str(&t));
	else
		md_heading(out, 1, buf_str(&t));
	if (t.oom)
		out->oom = true;
	buf_free(&t);
	/* No date is made up: a decision without one has none. */
	if (x_or(dec->date, NULL)) {
		buf_puts(out, "Date: ");
		md_inline(out, dec->date);
		buf_puts(out, "\n\n");
	}
	people_line(out, _("Deciders"), &dec->deciders);
	people_line(out, _("Consulted"), &dec->consulted);
	people_line(out, _("Informed"), &dec->informed);

	status_section(out, d, plan, i);

	md_heading(out, 2, "Context");
	x_para(out, dec, dec->context, _("No context has been recorded."));

	md_heading(out, 2, "Decision");
	if (x_or(dec->decision, NULL))
		x_para(out, dec, dec->decision, "");
	else if (chosen < 0)
		md_para(out, NULL, _("No decision text has been recorded."));
	if (chosen >= 0) {
		buf_puts(out, _("Chosen approach: **"));
		md_inline(out, x_approach_name(d, (size_t)chosen, tmp,
					       sizeof(tmp)));
		buf_puts(out, "**.\n\n");
	}

	/* Sections an imported record had beyond ours are kept in the
	 * rationale under their own headings: they go after Consequences,
	 * where adr-tools records have them, not under our Rationale. */
	if (!x_rationale_split(dec, &own, &extra))
		out->oom = true;
	if (own) {
		md_heading(out, 2, "Rationale");
		x_para(out, dec, own, "");
	}

	md_heading(out, 2, "Consequences");
	/* Our items use the imported record's own list marker, so that
	 * the file keeps one style (markdownlint MD004). */
	bullet = x_bullet(dec, "-");
	if (!x_has_items(&dec->positive) && !x_has_items(&dec->negative) &&
	    !x_has_items(&dec->risks) && !x_or(dec->consequences, NULL)) {
		buf_puts(out, _("No consequences have been recorded."));
		buf_puts(out, "\n\n");
	}
	/* What a record says of its consequences as a whole, as written. */
	if (x_or(dec->consequences, NULL))
		md_source_para(out, dec->consequences, "");
	if (x_has_items(&dec->positive)) {
		md_heading(out, 3, "Positive");
		x_list_md(out, bullet, &dec->positive, NULL, dec->markdown);
	}
	if (x_has_items(&dec->negative)) {
		md_heading(out, 3, "Negative");
		x_list_md(out, bullet, &dec->negative, NULL, dec->markdown);
	}
	if (x_has_items(&dec->risks)) {
		md_heading(out, 3, "Risks");
		x_list_md(out, bullet, &dec->risks, NULL, dec->markdown);
	}
	if (extra)
		md_source_para(out, extra, "");
	free(own);

	/* The workshop's approaches answer the question of the decision
	 * that chose one; another decision's alternatives are only what
	 * its author wrote, and an empty section is left out. */
	if (x_or(dec->alternatives, NULL)) {
		md_heading(out, 2, "Alternatives considered");
		x_para(out, dec, dec->alternatives, "");
	} else if (d->n_approaches > 0 && chosen >= 0) {
		md_heading(out, 2, "Alternatives considered");
		x_alternatives_table(out, &x, chosen);
	}
	x_marker_line(out, d, dec->number);
	xctx_clear(&x);
	return x_out_of_memory(out, e);
}

/* ---- the index ---------------------------------------------------------- */

int export_adr_index(const struct adr_plan *plan, struct buf *out,
		     struct error *e)
{
	const char *head[4] = {
		_("ADR"), _("Title"), _("Status"), _("Date")
	};
	size_t *o = malloc((plan->n ? plan->n : 1) * sizeof(*o));

	if (!o)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (size_t i = 0; i < plan->n; i++) {
		size_t j = i;
		const struct adr_entry *a = &plan->v[i];

		while (j > 0 && (plan->v[o[j - 1]].number > a->number ||
				 (plan->v[o[j - 1]].number == a->number &&
				  strcmp(plan->v[o[j - 1]].file, a->file) > 0))) {
			o[j] = o[j - 1];
			j--;
		}
		o[j] = i;
	}
	md_heading(out, 1, _("Architecture decision records"));
	if (plan->n == 0) {
		buf_puts(out, _("No decisions have been recorded."));
		buf_puts(out, "\n\n");
	} else {
		md_table_head(out, head, 4, "rlll");
		for (size_t r = 0; r < plan->n; r++) {
			const struct adr_entry *a = &plan->v[o[r]];

			buf_printf(out, "| %d | [", a->number);
			link_title(out, a, true);
			buf_puts(out, "](");
			x_link_target(out, a->file);
			buf_puts(out, ") |");
			md_table_cell(out, x_or(a->status, "–"));
			md_table_cell(out, x_or(a->date, "–"));
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	buf_puts(out, _("This index is written by charrette and rewritten on every export; edit the decisions, not this file."));
	buf_puts(out, "\n\n" X_INDEX_MARKER "\n");
	free(o);
	return x_out_of_memory(out, e);
}

/* ---- writing the folder ------------------------------------------------- */

int x_write_dir(const struct workshop_data *d, const struct knowledge *k,
		bool madr, const char *dir, int flags, struct strv *written,
		struct error *e)
{
	return adr_export_dir(d, k, dir,
			      (madr ? ADR_EXPORT_MADR : 0) |
			      ((flags & EXPORT_FORCE) ? ADR_EXPORT_FORCE : 0),
			      NULL, written, e);
}

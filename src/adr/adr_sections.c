#include "config.h"
/*
 * adr_sections: owns what the sections of an ADR file are (adr_parse.c
 * reads the file, its title and metadata): which field each goes to, the
 * consequences sorted into lists where the file sorts them, the status
 * and link lines, and the rest kept in the rationale, with the place of
 * each in the file.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr/adr_import.h"
#include "adr/adr_import_int.h"
#include "util/i18n.h"
#include "util/str.h"

enum ckind { CK_NONE = 0, CK_POS, CK_NEG, CK_RISK, CK_ANY };

/* ---- list items --------------------------------------------------------- */

struct item {
	size_t first, last;     /* line indices */
	size_t start;           /* offset of the item's text (after its marker) */
	bool bullet;
	size_t indent;
	struct buf text;
};

static void items_free(struct item *it, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_free(&it[i].text);
	free(it);
}

/*
 * Split the untaken lines of [from, to) into list items (a bullet and its
 * continuation lines, nested items included) and paragraphs.  The store
 * keeps a list item on one line, so the lines of an item are joined with a
 * space, which is what a soft line break means in Markdown anyway.
 */
static int collect_items(struct doc *d, size_t from, size_t to,
			 struct item **out, size_t *n_out)
{
	struct item *v = NULL, *cur = NULL;
	size_t n = 0;
	bool after_blank = true;

	*out = NULL;
	*n_out = 0;
	for (size_t i = from; i < to; i++) {
		const struct line *l = &d->ln[i];
		size_t indent = 0, at;
		bool bullet;
		const char *s;
		size_t len;

		if (d->taken[i] || adr_line_comment(l))
			continue;
		if (adr_line_blank(l)) {
			after_blank = true;
			continue;
		}
		if (d->hl[i]) {
			/* A heading ends a list and is no item. */
			cur = NULL;
			after_blank = true;
			continue;
		}
		while (indent < l->len && adr_blank_char(l->s[indent]))
			indent++;
		at = adr_skip_bullet(l->s, l->len, &bullet, NULL);
		s = l->s + (bullet ? at : indent);
		len = l->len - (size_t)(s - l->s);
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		/* Lazy continuation, an indented paragraph of a bullet, or a
		 * nested item: all part of the item above. */
		if (cur && (!bullet || indent > cur->indent) &&
		    (!after_blank || (cur->bullet && indent > cur->indent))) {
			buf_putc(&cur->text, ' ');
			buf_add(&cur->text, s, len);
			cur->last = i;
			after_blank = false;
			continue;
		}
		cur = realloc(v, (n + 1) * sizeof(*v));
		if (!cur) {
			items_free(v, n);
			return ST_ERROR;
		}
		v = cur;
		cur = &v[n++];
		cur->first = cur->last = i;
		cur->start = l->off + (size_t)(s - l->s);
		cur->bullet = bullet;
		cur->indent = indent;
		buf_init(&cur->text);
		buf_add(&cur->text, s, len);
		after_blank = false;
		if (bullet && !d->r->bullet)
			d->r->bullet = l->s[indent];
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].text.oom) {
			items_free(v, n);
			return ST_ERROR;
		}
	}
	*out = v;
	*n_out = n;
	return ST_OK;
}

/* Item it (its text after `skip` bytes) as an item of list field f. */
static int item_into(struct doc *d, int f, const struct item *it, size_t skip)
{
	struct strv *sv = f == ADR_F_POSITIVE ? &d->r->d.positive :
			  f == ADR_F_NEGATIVE ? &d->r->d.negative :
						&d->r->d.risks;
	const char *s = buf_str(&it->text) + skip;
	const struct line *z = &d->ln[it->last];
	size_t start = it->start + skip;
	size_t n0 = sv->n;

	while (*s == ' ' || *s == '\t') {
		s++;
		start++;
	}
	if (adr_push_item(sv, s, strlen(s)) < 0)
		return ST_ERROR;
	if (sv->n == n0)
		return ST_OK;
	if (adr_place(&d->r->at[f], ADR_AT_ITEM, start, z->off + z->len,
		      d->ln[it->first].off, z->next, sv->v[sv->n - 1],
		      strlen(sv->v[sv->n - 1])) < 0)
		return ST_ERROR;
	d->r->at[f].insert = z->next;
	adr_take(d, it->first, it->last + 1);
	return ST_OK;
}

/* Every list item and paragraph of [from, to) as one item of field f. */
static int items_into(struct doc *d, int f, size_t from, size_t to)
{
	struct item *it;
	size_t n;
	int rc = ST_OK;

	if (collect_items(d, from, to, &it, &n) < 0)
		return ST_ERROR;
	for (size_t i = 0; i < n && rc == ST_OK; i++)
		if (it[i].text.len)
			rc = item_into(d, f, &it[i], 0);
	items_free(it, n);
	return rc;
}

/* The prefix of a MADR pro or con: "Good, because ", "Good: ". */
static size_t good_bad_prefix(const char *s, int *f)
{
	static const struct {
		const char *p;
		int f;
	} prefixes[] = {
		{ "good, because", ADR_F_POSITIVE }, { "bad, because", ADR_F_NEGATIVE },
		{ "good:", ADR_F_POSITIVE }, { "bad:", ADR_F_NEGATIVE },
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		if (adr_istarts(s, strlen(s), prefixes[i].p)) {
			*f = prefixes[i].f;
			return strlen(prefixes[i].p);
		}
	}
	return 0;
}

/* "Good, because x" / "Bad, because y" items; *found when there are. */
static int good_bad(struct doc *d, size_t from, size_t to, size_t after,
		    bool *found)
{
	struct item *it;
	size_t n;
	int rc = ST_OK, f;

	*found = false;
	if (collect_items(d, from, to, &it, &n) < 0)
		return ST_ERROR;
	for (size_t i = 0; i < n; i++)
		if (it[i].bullet && good_bad_prefix(buf_str(&it[i].text), &f))
			*found = true;
	for (size_t i = 0; *found && i < n && rc == ST_OK; i++) {
		size_t skip;

		if (!it[i].bullet ||
		    !(skip = good_bad_prefix(buf_str(&it[i].text), &f)))
			continue;
		rc = item_into(d, f, &it[i], skip);
	}
	/* New pros go after the last pro (or con), new cons after the last
	 * con (or pro). */
	if (*found) {
		struct adr_places *pos = &d->r->at[ADR_F_POSITIVE];
		struct adr_places *neg = &d->r->at[ADR_F_NEGATIVE];

		if (!pos->n)
			pos->insert = neg->n ? neg->v[0].from : after;
		if (!neg->n)
			neg->insert = pos->n ? pos->insert : after;
	}
	items_free(it, n);
	return rc;
}

static enum ckind ckind_of(const char *s, size_t n)
{
	if (adr_icontains(s, n, "positive") || adr_istarts(s, n, "good") ||
	    adr_ieq(s, n, "pros"))
		return CK_POS;
	if (adr_icontains(s, n, "negative") || adr_istarts(s, n, "bad") ||
	    adr_ieq(s, n, "cons"))
		return CK_NEG;
	if (adr_icontains(s, n, "risk"))
		return CK_RISK;
	if (adr_icontains(s, n, "consequence"))
		return CK_ANY;
	return CK_NONE;
}

static int ckind_field(enum ckind k)
{
	return k == CK_POS ? ADR_F_POSITIVE : k == CK_NEG ? ADR_F_NEGATIVE :
							    ADR_F_RISKS;
}

/* What a Consequences section says beyond its kinds: into consequences. */
static int consequences_rest(struct doc *d, size_t from, size_t to)
{
	struct buf b;
	int rc;

	buf_init(&b);
	rc = adr_pieces(d, ADR_F_CONSEQUENCES, SIZE_MAX, 0, NULL, 0, from, to, &b);
	if (rc == ST_OK && b.len) {
		if (d->cons.len)
			buf_puts(&d->cons, "\n\n");
		buf_add(&d->cons, buf_str(&b), b.len);
		rc = d->cons.oom ? ST_ERROR : ST_OK;
	}
	buf_free(&b);
	return rc;
}

/*
 * The body [from, to) of a Consequences section (or subsection): its
 * Positive / Negative / Risks subsections, or its Good / Bad items, go to
 * those lists; the rest stays as written in consequences.
 */
static int consequences_body(struct doc *d, size_t head, size_t from,
			     size_t to)
{
	int lvl = adr_sub_level(d, from, to);
	bool structured = false, found;

	for (size_t i = from; lvl && i < to; i++) {
		const char *t;
		size_t tn, end;
		enum ckind k;
		int f;

		if (d->hl[i] != lvl)
			continue;
		adr_heading(&d->ln[i], &t, &tn);
		k = ckind_of(t, tn);
		if (k != CK_POS && k != CK_NEG && k != CK_RISK)
			continue;
		structured = true;
		end = adr_sub_end(d, i, to, lvl);
		f = ckind_field(k);
		d->taken[i] = true;
		d->r->at[f].insert = d->ln[i].next;
		if (items_into(d, f, i + 1, end) < 0)
			return ST_ERROR;
	}
	if (!structured) {
		if (good_bad(d, from, to, d->ln[head].next, &found) < 0)
			return ST_ERROR;
	}
	return consequences_rest(d, from, to);
}

/* ---- sections ------------------------------------------------------------ */

static int sect_consequences(struct doc *d, size_t head, size_t to)
{
	d->r->at[ADR_F_CONSEQUENCES].insert = d->ln[head].next;
	return consequences_body(d, head, head + 1, to);
}

/* Decision / Decision Outcome: consequence subsections are taken out. */
static int sect_decision(struct doc *d, size_t head, size_t to)
{
	int lvl = adr_sub_level(d, head + 1, to);

	for (size_t i = head + 1; lvl && i < to; i++) {
		const char *t;
		size_t tn, end;
		enum ckind k;
		int f;

		if (d->hl[i] != lvl)
			continue;
		adr_heading(&d->ln[i], &t, &tn);
		k = ckind_of(t, tn);
		if (k == CK_NONE)
			continue;
		end = adr_sub_end(d, i, to, lvl);
		d->taken[i] = true;
		if (k == CK_ANY) {
			d->r->at[ADR_F_CONSEQUENCES].insert = d->ln[i].next;
			if (consequences_body(d, i, i + 1, end) < 0)
				return ST_ERROR;
			continue;
		}
		f = ckind_field(k);
		d->r->at[f].insert = d->ln[i].next;
		if (items_into(d, f, i + 1, end) < 0)
			return ST_ERROR;
	}
	d->r->at[ADR_F_DECISION].insert = d->ln[head].next;
	return adr_field_text(d, ADR_F_DECISION, head + 1, to, &d->r->d.decision);
}

/* Does the text start with a status word ("Accepted", "Deprecated ...")? */
static bool status_word(const char *s, size_t n)
{
	enum adr_status st;
	char *copy = str_ndup(s, n);
	bool ok = copy && adr_status_classify(copy, &st) == ST_OK;

	free(copy);
	return ok;
}

/* A link line at line i: a supersede link, or another to a record. */
static int link_at(struct doc *d, size_t i, const char *k, size_t kn,
		   const char *t, size_t tn, const char *g, size_t gn,
		   bool *added)
{
	const struct line *l = &d->ln[i];
	struct adr_link *x;
	const char *s = l->s;
	size_t n = l->len;
	bool by = adr_kind_superseded_by(k, kn);

	*added = false;
	if (adr_external(g, gn))
		return ST_OK;
	if (adr_add_link(d, by, t, tn, g, gn, (int)i + 1) < 0)
		return ST_ERROR;
	x = &d->r->links[d->r->n_links - 1];
	if (!by && !adr_kind_supersedes(k, kn) &&
	    !(kn > 11 && adr_ieq(k + kn - 11, 11, " supersedes"))) {
		if (!x->number) {
			free(x->target);
			d->r->n_links--;
			return ST_OK;
		}
		adr_trim(&s, &n);
		if (!(x->relation = str_ndup(k, kn)) ||
		    !(x->text = str_ndup(s, n)))
			return ST_ERROR;
	}
	if (adr_place(&d->r->at[ADR_F_LINKS], ADR_AT_LINK, l->off,
		      l->off + l->len, l->off, l->next, NULL, 0) < 0)
		return ST_ERROR;
	d->r->at[ADR_F_LINKS].v[d->r->at[ADR_F_LINKS].n - 1].link =
		(int)d->r->n_links - 1;
	d->r->at[ADR_F_LINKS].insert = l->next;
	d->taken[i] = true;
	*added = true;
	return ST_OK;
}

/*
 * Status section, and a Links section: the status word, supersede links
 * and links to other records (Amends, Clarifies, ...) taken out; other
 * lines (prose, links elsewhere) kept under a heading.
 */
static int sect_status(struct doc *d, size_t head, size_t to, bool status)
{
	bool only_links = true;

	if (status)
		d->nygard = true;
	if (!status || d->r->at[ADR_F_LINKS].insert == SIZE_MAX)
		d->r->at[ADR_F_LINKS].insert = d->ln[head].next;
	for (size_t i = head + 1; i < to; i++) {
		const char *k, *t, *g;
		size_t kn, tn, gn;
		const struct line *l = &d->ln[i];
		bool added;

		if (adr_line_ignorable(l))
			continue;
		if (adr_link_line(l, &k, &kn, &t, &tn, &g, &gn) &&
		    !(status && !d->have_status &&
		      adr_kind_superseded_by(k, kn))) {
			if (status_word(k, kn) && !adr_kind_superseded_by(k, kn)) {
				/* "Accepted [by the board](url)": the status,
				 * and the line is kept for its link. */
				if (status && !d->have_status &&
				    adr_status_text(d, l->s, l->len, l->off,
						    (int)i + 1, ADR_AT_STATUS,
						    0) < 0)
					return ST_ERROR;
				continue;
			}
			if (link_at(d, i, k, kn, t, tn, g, gn, &added) < 0)
				return ST_ERROR;
			continue;
		}
		if (status && !d->have_status) {
			if (adr_status_text(d, l->s, l->len, l->off, (int)i + 1,
					    ADR_AT_STATUS, 0) < 0)
				return ST_ERROR;
			d->taken[i] = true;
			d->r->at[ADR_F_LINKS].insert = l->next;
			continue;
		}
		only_links = false;
	}
	if (status) {
		const char *name;
		size_t n;
		char *copy;
		int rc;

		if (only_links)
			return adr_keep_status_rest(d, "Links", head + 1, to);
		adr_heading(&d->ln[head], &name, &n);
		if (!(copy = str_ndup(name, n)))
			return ST_ERROR;
		rc = adr_keep_status_rest(d, copy, head + 1, to);
		free(copy);
		return rc;
	}
	return adr_keep_rest(d, head, head + 1, to);
}

/*
 * More Information (MADR): link lines to records are links, as in a
 * Status section ("* Amends [ADR-0002](0002-x.md)", and our own "This
 * decision supersedes [ADR-0001](0001-x.md)."); the rest is kept.
 */
static int sect_more_info(struct doc *d, size_t head, size_t to)
{
	char fc = 0;
	size_t fk = 0;

	for (size_t i = head + 1; i < to; i++) {
		const char *k, *t, *g;
		size_t kn, tn, gn, ck = 0;
		char c = adr_fence(&d->ln[i], &ck);
		bool added;

		/* Nothing inside fenced code is a link. */
		if (fc) {
			if (c == fc && ck >= fk)
				fc = 0;
			continue;
		}
		if (c) {
			fc = c;
			fk = ck;
			continue;
		}
		if (d->hl[i] || d->taken[i] ||
		    !adr_link_line(&d->ln[i], &k, &kn, &t, &tn, &g, &gn) ||
		    status_word(k, kn) || adr_kind_superseded_by(k, kn))
			continue;
		if (!d->r->at[ADR_F_LINKS].n)
			d->r->at[ADR_F_LINKS].insert = d->ln[head].next;
		if (link_at(d, i, k, kn, t, tn, g, gn, &added) < 0)
			return ST_ERROR;
	}
	return adr_keep_rest(d, head, head + 1, to);
}

/* A section whose text fills one field, or the rationale when taken. */
static int sect_field(struct doc *d, size_t head, size_t to, int f,
		      char **field)
{
	if (*field)
		return adr_keep_rest(d, head, head + 1, to);
	d->r->at[f].insert = d->ln[head].next;
	return adr_field_text(d, f, head + 1, to, field);
}

static int head_field(const char *name, size_t n)
{
	if (adr_ieq(name, n, "status"))
		return ADR_F_STATUS;
	if (adr_ieq(name, n, "links"))
		return ADR_F_LINKS;
	if (adr_istarts(name, n, "context"))
		return ADR_F_CONTEXT;
	if (adr_ieq(name, n, "decision") || adr_ieq(name, n, "decision outcome"))
		return ADR_F_DECISION;
	if (adr_istarts(name, n, "consequences"))
		return ADR_F_CONSEQUENCES;
	if (adr_ieq(name, n, "more information"))
		return ADR_F_COUNT + 1;
	if (adr_ieq(name, n, "alternatives") ||
	    adr_ieq(name, n, "alternatives considered") ||
	    adr_ieq(name, n, "considered alternatives") ||
	    adr_ieq(name, n, "considered options") ||
	    adr_ieq(name, n, "options considered"))
		return ADR_F_ALTERNATIVES;
	if (adr_ieq(name, n, "rationale"))
		return ADR_F_RATIONALE;
	return ADR_F_COUNT;
}

static int add_head(struct doc *d, size_t line, size_t to, int f)
{
	struct adr_head *v = realloc(d->r->heads,
				     (d->r->n_heads + 1) * sizeof(*v));

	if (!v)
		return ST_ERROR;
	d->r->heads = v;
	v[d->r->n_heads].off = d->ln[line].off;
	v[d->r->n_heads].end = to < d->n ? d->ln[to].off : d->len;
	v[d->r->n_heads].field = f > ADR_F_COUNT ? ADR_F_COUNT : f;
	d->r->n_heads++;
	return ST_OK;
}

int adr_section(struct doc *d, size_t head, size_t to)
{
	const char *name;
	size_t n;
	int lvl = adr_heading(&d->ln[head], &name, &n), f = ADR_F_COUNT;

	d->taken[head] = true;
	if (lvl == 2)
		f = head_field(name, n);
	if (lvl == 2 && add_head(d, head, to, f) < 0)
		return ST_ERROR;
	switch (f) {
	case ADR_F_STATUS:
		return sect_status(d, head, to, true);
	case ADR_F_LINKS:
		return sect_status(d, head, to, false);
	case ADR_F_CONTEXT:
		return sect_field(d, head, to, f, &d->r->d.context);
	case ADR_F_DECISION:
		if (d->r->d.decision)
			break;
		return sect_decision(d, head, to);
	case ADR_F_CONSEQUENCES:
		return sect_consequences(d, head, to);
	case ADR_F_ALTERNATIVES:
		return sect_field(d, head, to, f, &d->r->d.alternatives);
	case ADR_F_RATIONALE:
		if (d->rat_own.len)
			break;
		return adr_pieces(d, -1, SIZE_MAX, 0, NULL, 0, head + 1, to,
			      &d->rat_own);
	case ADR_F_COUNT + 1:
		return sect_more_info(d, head, to);
	default:
		break;
	}
	return adr_keep_rest(d, head, head + 1, to);
}

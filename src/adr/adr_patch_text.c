#include "config.h"
/*
 * adr_patch_text: the text fields, lists and links of a record's file
 * rewritten where the workshop changed them (see adr_patch.h): a text
 * field is pieces of the file joined by blank lines, of which those the
 * new value still starts and ends with stay; a list keeps the items it
 * still starts and ends with; a link line stays while its link does.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_import_int.h"
#include "adr/adr_patch_int.h"

/* ---- text fields ---------------------------------------------------------- */

static const char *text_of(const struct decision *x, int f)
{
	switch (f) {
	case ADR_F_CONTEXT: return x->context;
	case ADR_F_DECISION: return x->decision;
	case ADR_F_RATIONALE: return x->rationale;
	case ADR_F_ALTERNATIVES: return x->alternatives;
	case ADR_F_CONSEQUENCES: return x->consequences;
	default: return NULL;
	}
}

/* Does s[at..n) start with piece (followed by a blank line or the end)? */
static bool starts_piece(const char *s, size_t n, size_t at, const char *piece)
{
	size_t k = strlen(piece);

	if (at + k > n || memcmp(s + at, piece, k) != 0)
		return false;
	return at + k == n || (at + k + 2 <= n && s[at + k] == '\n' &&
			       s[at + k + 1] == '\n');
}

static bool ends_piece(const char *s, size_t lo, size_t hi, const char *piece)
{
	size_t k = strlen(piece);

	if (hi < lo + k || memcmp(s + hi - k, piece, k) != 0)
		return false;
	return hi - k == lo || (hi - k >= lo + 2 && s[hi - k - 1] == '\n' &&
				s[hi - k - 2] == '\n');
}

/*
 * A text field whose value is its pieces joined by blank lines: the pieces
 * the new value still starts and ends with stay; the ones between are
 * replaced by what is new between them (in the first one's place).
 */
void adr_p_text(struct patch *p, int f)
{
	const struct adr_places *pl = &p->rb->at[f];
	const char *nv = text_of(p->now, f);
	size_t n = nv ? strlen(nv) : 0, lo = 0, hi = n, kp = 0, ks = 0;
	char *mid;

	while (kp < pl->n && pl->v[kp].text &&
	       starts_piece(nv ? nv : "", n, lo, pl->v[kp].text)) {
		lo += strlen(pl->v[kp].text);
		lo = lo + 2 <= n ? lo + 2 : n;
		kp++;
	}
	while (ks < pl->n - kp && pl->v[pl->n - 1 - ks].text &&
	       ends_piece(nv ? nv : "", lo, hi, pl->v[pl->n - 1 - ks].text)) {
		hi -= strlen(pl->v[pl->n - 1 - ks].text);
		hi = hi >= lo + 2 ? hi - 2 : lo;
		ks++;
	}
	mid = str_ndup(nv ? nv + lo : "", hi > lo ? hi - lo : 0);
	if (!mid) {
		p->oom = true;
		return;
	}
	if (kp + ks < pl->n) {
		/* The pieces between: the first takes the new text. */
		bool placed = false;

		for (size_t i = kp; i < pl->n - ks; i++) {
			const struct adr_at *a = &pl->v[i];

			if (a->how == ADR_AT_KEPT)
				continue;
			if (!placed && *mid) {
				adr_p_edit(p, a->start, a->end, mid);
				placed = true;
			} else {
				adr_p_remove_lines(p, a->from, a->to);
			}
		}
		if (!placed && *mid) {
			struct buf b;

			buf_init(&b);
			buf_printf(&b, "%s\n\n", mid);
			adr_p_edit_buf(p, pl->v[kp].from, pl->v[kp].from, &b);
		}
	} else if (*mid) {
		struct buf b;

		buf_init(&b);
		if (kp > 0) {
			buf_printf(&b, "\n\n%s", mid);
			adr_p_edit_buf(p, pl->v[kp - 1].end, pl->v[kp - 1].end, &b);
		} else if (ks > 0) {
			buf_printf(&b, "%s\n\n", mid);
			adr_p_edit_buf(p, pl->v[0].from, pl->v[0].from, &b);
		} else if (pl->insert != SIZE_MAX) {
			/* The section is there, empty. */
			buf_printf(&b, "\n%s\n", mid);
			adr_p_edit_buf(p, pl->insert, pl->insert, &b);
		} else {
			adr_p_add_section(p, f, mid);
			buf_free(&b);
		}
	}
	free(mid);
}

/* ---- lists ----------------------------------------------------------------- */

static const struct strv *list_of(const struct decision *x, int f)
{
	return f == ADR_F_POSITIVE ? &x->positive :
	       f == ADR_F_NEGATIVE ? &x->negative : &x->risks;
}

/* What a new item of list f starts with: an existing item's marker and
 * prefix, else the template's. */
static void item_lead(struct patch *p, int f, struct buf *out)
{
	const struct adr_places *pl = &p->rb->at[f];
	const struct adr_places *sib =
		&p->rb->at[f == ADR_F_POSITIVE ? ADR_F_NEGATIVE : ADR_F_POSITIVE];
	char bullet = p->rb->bullet ? p->rb->bullet : p->madr ? '*' : '-';

	if (pl->n) {
		buf_add(out, p->text + pl->v[0].from,
			pl->v[0].start - pl->v[0].from);
		return;
	}
	if (f != ADR_F_RISKS && sib->n) {
		/* "* Good, because " beside "* Bad, because " */
		const char *s = p->text + sib->v[0].from;
		size_t n = sib->v[0].start - sib->v[0].from, k;
		bool b;

		k = adr_skip_bullet(s, n, &b, NULL);
		if (adr_icontains(s + k, n - k, "because") ||
		    adr_icontains(s + k, n - k, ":")) {
			bool colon = !adr_icontains(s + k, n - k, "because");

			buf_add(out, s, k);
			buf_puts(out, f == ADR_F_POSITIVE ?
				 (colon ? "Good: " : "Good, because ") :
				 (colon ? "Bad: " : "Bad, because "));
			return;
		}
	}
	buf_printf(out, "%c ", bullet);
	if (p->madr && f == ADR_F_POSITIVE)
		buf_puts(out, "Good, because ");
	else if (p->madr && f == ADR_F_NEGATIVE)
		buf_puts(out, "Bad, because ");
}

/* Does the line that ends at `at` start with a '#' (a heading)? */
static bool after_heading(const struct patch *p, size_t at)
{
	size_t k = at;

	if (k && p->text[k - 1] == '\n')
		k--;
	if (k && p->text[k - 1] == '\r')
		k--;
	while (k && p->text[k - 1] != '\n' && p->text[k - 1] != '\r')
		k--;
	return k < at && p->text[k] == '#';
}

/* Items new to the list, as lines inserted at `at`. */
static void add_items(struct patch *p, int f, size_t at, size_t from,
		      size_t to)
{
	const struct strv *sv = list_of(p->now, f);
	struct buf lead, b;

	buf_init(&lead);
	item_lead(p, f, &lead);
	buf_init(&b);
	if (after_heading(p, at))
		buf_putc(&b, '\n');
	for (size_t i = from; i < to; i++)
		buf_printf(&b, "%s%s\n", buf_str(&lead), sv->v[i]);
	buf_free(&lead);
	adr_p_edit_buf(p, at, at, &b);
}

/* A list with no item and no place: a block where its template has it. */
static void add_list_block(struct patch *p, int f)
{
	static const char *const heads[] = { "Positive", "Negative", "Risks" };
	const struct strv *sv = list_of(p->now, f);
	struct buf b, lead;
	size_t at;

	buf_init(&b);
	buf_init(&lead);
	item_lead(p, f, &lead);
	if (!p->madr || f == ADR_F_RISKS)
		buf_printf(&b, "### %s\n\n", heads[f - ADR_F_POSITIVE]);
	for (size_t i = 0; i < sv->n; i++)
		buf_printf(&b, "%s%s\n", buf_str(&lead), sv->v[i]);
	buf_free(&lead);
	if (b.len && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	at = adr_p_section_end(p, ADR_F_CONSEQUENCES);
	if (at != SIZE_MAX && !b.oom) {
		/* At the end of the Consequences section there is. */
		struct buf w;

		buf_init(&w);
		adr_p_blank_before(p, at, &w);
		buf_printf(&w, "%s\n", buf_str(&b));
		if (at < p->len)
			buf_putc(&w, '\n');
		adr_p_edit_buf(p, at, at, &w);
	} else if (!b.oom) {
		char *body = buf_detach(&b);

		if (body)
			adr_p_add_section(p, ADR_F_CONSEQUENCES, body);
		free(body);
	}
	buf_free(&b);
}

/* The items the new list still starts and ends with stay; those between
 * are rewritten in place, removed, or added after their neighbours. */
void adr_p_list(struct patch *p, int f)
{
	const struct adr_places *pl = &p->rb->at[f];
	const struct strv *sv = list_of(p->now, f);
	size_t no = pl->n, nn = sv->n, kp = 0, ks = 0, mo, mn, m;

	while (kp < no && kp < nn && str_eq(pl->v[kp].text, sv->v[kp]))
		kp++;
	while (ks < no - kp && ks < nn - kp &&
	       str_eq(pl->v[no - 1 - ks].text, sv->v[nn - 1 - ks]))
		ks++;
	mo = no - kp - ks;
	mn = nn - kp - ks;
	m = mo < mn ? mo : mn;
	for (size_t i = 0; i < m; i++)
		adr_p_edit(p, pl->v[kp + i].start, pl->v[kp + i].end, sv->v[kp + i]);
	for (size_t i = m; i < mo; i++)
		adr_p_edit(p, pl->v[kp + i].from, pl->v[kp + i].to, "");
	if (mn <= m)
		return;
	if (kp + m > 0)
		add_items(p, f, pl->v[kp + m - 1].to, kp + m, kp + mn);
	else if (no)
		add_items(p, f, pl->v[no - ks].from, kp + m, kp + mn);
	else if (pl->insert != SIZE_MAX)
		add_items(p, f, pl->insert, 0, nn);
	else
		add_list_block(p, f);
}

/* ---- links ------------------------------------------------------------------ */

/* A link of the workshop: a relation ("Amends"), or NULL with by for a
 * supersede link, and the number it points at. */
struct wlink {
	const char *rel;
	size_t rlen;
	bool by;
	int number;
};

static bool wlink_eq(const struct wlink *a, const struct wlink *b)
{
	if (a->number != b->number || !a->rel != !b->rel)
		return false;
	if (!a->rel)
		return a->by == b->by;
	return a->rlen == b->rlen && strncmp(a->rel, b->rel, a->rlen) == 0;
}

/* The links of `now` written on lines of their own (superseded-by only
 * where the file had such a line: elsewhere the status carries it). */
static size_t now_links(const struct patch *p, bool by_line,
			struct wlink *out, size_t max)
{
	const struct decision *x = p->now;
	size_t n = 0;

	for (size_t i = 0; i < x->n_supersedes && n < max; i++)
		out[n++] = (struct wlink){ NULL, 0, false, x->supersedes[i] };
	for (size_t i = 0; i < x->links.n && n < max; i++) {
		const char *rel;
		size_t rn;
		int num;

		if (decision_link_parse(x->links.v[i], &rel, &rn, &num) == ST_OK)
			out[n++] = (struct wlink){ rel, rn, false, num };
	}
	if (by_line && x->superseded_by && n < max)
		out[n++] = (struct wlink){ NULL, 0, true, x->superseded_by };
	return n;
}

/* The link of LINK place a as the workshop numbers it. */
static bool place_link(const struct patch *p, const struct adr_at *a,
		       struct wlink *out)
{
	const struct adr_link *l;
	const struct adr_ref *r;

	if (a->link < 0 || (size_t)a->link >= p->rb->n_links)
		return false;
	l = &p->rb->links[a->link];
	r = adr_refs_link(p->refs, l);
	out->rel = l->relation;
	out->rlen = l->relation ? strlen(l->relation) : 0;
	out->by = l->superseded_by;
	out->number = r ? r->number : l->number;
	return true;
}

/* A new link line, in the style of one the file has (tpl), else of its
 * template. */
static void link_line(struct patch *p, const struct wlink *w,
		      const struct adr_at *tpl, struct buf *out)
{
	const struct adr_ref *r = adr_refs_number(p->refs, w->number);
	const char *kind = w->rel;
	size_t kn = w->rlen;
	char bullet = p->rb->bullet ? p->rb->bullet : '*';

	if (!kind) {
		kind = w->by ? (p->spell_adr ? "Superceded by" : "Superseded by") :
			       (p->spell_adr ? "Supercedes" : "Supersedes");
		kn = strlen(kind);
	}
	if (tpl) {
		/* The marker and words before the link, as that line has them. */
		const char *s = p->text + tpl->start;
		size_t n = tpl->end - tpl->start, k;
		bool b;
		char mark;

		k = adr_skip_bullet(s, n, &b, &mark);
		if (b)
			buf_add(out, s, k);
	} else if (p->madr) {
		buf_printf(out, "%c ", bullet);
	}
	buf_add(out, kind, kn);
	buf_puts(out, " [");
	if (!r || !r->file) {
		buf_printf(out, "ADR-%04d](#)", w->number);
		return;
	}
	if (p->madr)
		adr_p_stem(out, r->file);
	else
		buf_printf(out, "%d. %s", adr_p_ref_number(r), r->title ? r->title : "");
	buf_puts(out, "](");
	adr_link_target(out, r->file);
	buf_putc(out, ')');
}

#define MAX_LINKS 256

void adr_p_links(struct patch *p)
{
	const struct adr_places *pl = &p->rb->at[ADR_F_LINKS];
	struct wlink want[MAX_LINKS], have;
	bool by_line = false, *kept;
	size_t nw, last = SIZE_MAX;
	const struct adr_at *tpl = NULL;

	for (size_t i = 0; i < pl->n; i++)
		if (place_link(p, &pl->v[i], &have) && have.by)
			by_line = true;
	nw = now_links(p, by_line, want, MAX_LINKS);
	if (!(kept = calloc(nw + 1, sizeof(*kept)))) {
		p->oom = true;
		return;
	}
	/* A supersede link the status carries is there already. */
	for (size_t i = 0; i < p->rb->n_links; i++) {
		const struct adr_link *l = &p->rb->links[i];
		const struct adr_ref *r;

		if (!l->in_status || l->superseded_by || l->relation ||
		    !(r = adr_refs_link(p->refs, l)))
			continue;
		for (size_t k = 0; k < nw; k++)
			if (!want[k].rel && !want[k].by &&
			    want[k].number == r->number)
				kept[k] = true;
	}
	for (size_t i = 0; i < pl->n; i++) {
		const struct adr_at *a = &pl->v[i];
		bool keep = false;

		if (!place_link(p, a, &have))
			continue;
		for (size_t k = 0; k < nw && !keep; k++)
			if (!kept[k] && wlink_eq(&have, &want[k]))
				keep = kept[k] = true;
		if (keep) {
			last = a->to;
			tpl = a;
		} else {
			adr_p_remove_lines(p, a->from, a->to);
		}
	}
	for (size_t k = 0; k < nw; k++) {
		struct buf b;
		size_t at = last != SIZE_MAX ? last : pl->insert;

		if (kept[k])
			continue;
		buf_init(&b);
		if (at == SIZE_MAX) {
			link_line(p, &want[k], tpl, &b);
			if (!b.oom) {
				char *body = buf_detach(&b);

				if (body)
					adr_p_add_section(p, p->madr ? ADR_F_LINKS :
						    ADR_F_STATUS, body);
				free(body);
			}
			buf_free(&b);
			continue;
		}
		/* Nygard status lines are paragraphs; list items follow
		 * each other. */
		if (!p->madr || !tpl)
			buf_putc(&b, '\n');
		link_line(p, &want[k], tpl ? tpl : pl->n ? &pl->v[0] : NULL, &b);
		buf_putc(&b, '\n');
		adr_p_edit_buf(p, at, at, &b);
	}
	free(kept);
}

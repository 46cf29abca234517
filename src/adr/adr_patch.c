#include "config.h"
/*
 * adr_patch: owns rewriting a record's file where the workshop changed the
 * record (see adr_patch.h).  Every change is an edit (replace the bytes
 * [start, end) with a text); the edits are collected field by field, then
 * applied in one pass over the file.  A field that has no place yet gets
 * one as its template would write it: a front matter key, a metadata
 * bullet or line, a section before the next section that follows it in
 * the template, a list item after its siblings.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr/adr_import_int.h"
#include "adr/adr_patch.h"
#include "adr/adr_patch_int.h"
#include "export/md.h"
#include "util/path.h"

/* ---- which fields differ ------------------------------------------------ */

static bool text_eq(const char *a, const char *b)
{
	return str_eq(a && *a ? a : NULL, b && *b ? b : NULL);
}

static bool numbers_eq(const int *a, size_t na, const int *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++) {
		bool found = false;

		for (size_t j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return false;
	}
	return true;
}

static bool set_eq(const struct strv *a, const struct strv *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!strv_contains(b, a->v[i]))
			return false;
	return true;
}

/* The status word of x that still names its status, or NULL. */
static const char *own_word(const struct decision *x)
{
	enum adr_status st;

	if (!x->status_text || !*x->status_text)
		return NULL;
	if (adr_status_classify(x->status_text, &st) == ST_OK ?
	    st == x->status : x->status == ADR_PROPOSED)
		return x->status_text;
	return NULL;
}

/* Two statuses are one where their categories (and superseders) are, and
 * the words that still name them, when both have one. */
static bool status_eq(const struct decision *a, const struct decision *b)
{
	const char *wa = own_word(a), *wb = own_word(b);

	bool na = a->status_text && !*a->status_text;
	bool nb = b->status_text && !*b->status_text;

	if (a->status != b->status || a->superseded_by != b->superseded_by)
		return false;
	if (wa && wb)
		return strcasecmp(wa, wb) == 0;
	/* A record with no status and one that says "proposed" differ. */
	if (a->status == ADR_PROPOSED && (wa || wb) && (na || nb))
		return false;
	return true;
}

unsigned adr_fields_diff(const struct decision *a, const struct decision *b)
{
	unsigned f = 0;

	if (!text_eq(a->title, b->title))
		f |= 1u << ADR_F_TITLE;
	if (!status_eq(a, b))
		f |= 1u << ADR_F_STATUS;
	if (!text_eq(a->date, b->date))
		f |= 1u << ADR_F_DATE;
	if (!strv_equal(&a->deciders, &b->deciders))
		f |= 1u << ADR_F_DECIDERS;
	if (!strv_equal(&a->consulted, &b->consulted))
		f |= 1u << ADR_F_CONSULTED;
	if (!strv_equal(&a->informed, &b->informed))
		f |= 1u << ADR_F_INFORMED;
	if (!text_eq(a->context, b->context))
		f |= 1u << ADR_F_CONTEXT;
	if (!text_eq(a->decision, b->decision))
		f |= 1u << ADR_F_DECISION;
	if (!text_eq(a->rationale, b->rationale))
		f |= 1u << ADR_F_RATIONALE;
	if (!text_eq(a->alternatives, b->alternatives))
		f |= 1u << ADR_F_ALTERNATIVES;
	if (!text_eq(a->consequences, b->consequences))
		f |= 1u << ADR_F_CONSEQUENCES;
	if (!strv_equal(&a->positive, &b->positive))
		f |= 1u << ADR_F_POSITIVE;
	if (!strv_equal(&a->negative, &b->negative))
		f |= 1u << ADR_F_NEGATIVE;
	if (!strv_equal(&a->risks, &b->risks))
		f |= 1u << ADR_F_RISKS;
	if (!numbers_eq(a->supersedes, a->n_supersedes, b->supersedes,
			b->n_supersedes) || !set_eq(&a->links, &b->links) ||
	    a->superseded_by != b->superseded_by)
		f |= 1u << ADR_F_LINKS;
	return f;
}

/* ---- checksums of the fields -------------------------------------------- */

struct hash {
	unsigned long long h;
};

static void h_add(struct hash *h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
	     p++) {
		h->h ^= *p;
		h->h *= 1099511628211ULL;
	}
	h->h ^= 0x1f;
	h->h *= 1099511628211ULL;
}

static void h_list(struct hash *h, const struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		h_add(h, sv->v[i]);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The supersede and other links as a set: in one order whatever theirs. */
static int h_links(struct hash *h, const struct decision *x)
{
	int *v = malloc((x->n_supersedes + 1) * sizeof(*v));
	char **l = malloc((x->links.n + 1) * sizeof(*l));
	char num[32];

	if (!v || !l) {
		free(v);
		free(l);
		return ST_ERROR;
	}
	if (x->n_supersedes)
		memcpy(v, x->supersedes, x->n_supersedes * sizeof(*v));
	qsort(v, x->n_supersedes, sizeof(*v), cmp_int);
	for (size_t i = 0; i < x->n_supersedes; i++) {
		snprintf(num, sizeof(num), "%d", v[i]);
		h_add(h, num);
	}
	snprintf(num, sizeof(num), "by %d", x->superseded_by);
	h_add(h, num);
	if (x->links.n)
		memcpy(l, x->links.v, x->links.n * sizeof(*l));
	qsort(l, x->links.n, sizeof(*l), cmp_str);
	for (size_t i = 0; i < x->links.n; i++)
		h_add(h, l[i]);
	free(v);
	free(l);
	return ST_OK;
}

static unsigned long long field_sum(const struct decision *x, int f)
{
	struct hash h = { 1469598103934665603ULL };
	char num[32];

	switch (f) {
	case ADR_F_TITLE: h_add(&h, x->title); break;
	case ADR_F_STATUS: {
		const char *w = own_word(x);
		char *low = str_dup(w ? w : "");

		for (char *c = low; c && *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		h_add(&h, adr_status_id(x->status));
		snprintf(num, sizeof(num), "%d", x->superseded_by);
		h_add(&h, num);
		h_add(&h, low);
		free(low);
		break;
	}
	case ADR_F_DATE: h_add(&h, x->date); break;
	case ADR_F_DECIDERS: h_list(&h, &x->deciders); break;
	case ADR_F_CONSULTED: h_list(&h, &x->consulted); break;
	case ADR_F_INFORMED: h_list(&h, &x->informed); break;
	case ADR_F_CONTEXT: h_add(&h, x->context); break;
	case ADR_F_DECISION: h_add(&h, x->decision); break;
	case ADR_F_RATIONALE: h_add(&h, x->rationale); break;
	case ADR_F_ALTERNATIVES: h_add(&h, x->alternatives); break;
	case ADR_F_CONSEQUENCES: h_add(&h, x->consequences); break;
	case ADR_F_POSITIVE: h_list(&h, &x->positive); break;
	case ADR_F_NEGATIVE: h_list(&h, &x->negative); break;
	case ADR_F_RISKS: h_list(&h, &x->risks); break;
	case ADR_F_LINKS: h_links(&h, x); break;
	default: break;
	}
	return h.h;
}

int adr_fields_sums(const struct decision *x, char **out)
{
	struct buf b;

	buf_init(&b);
	for (int f = 0; f < ADR_F_COUNT; f++)
		buf_printf(&b, "%s%016llx", f ? " " : "", field_sum(x, f));
	if (b.oom) {
		buf_free(&b);
		return ST_ERROR;
	}
	free(*out);
	*out = buf_detach(&b);
	return ST_OK;
}

bool adr_fields_changed(const struct decision *x, unsigned *fields)
{
	const char *s = x->file_sums;

	*fields = 0;
	if (!s || strlen(s) != ADR_F_COUNT * 17 - 1)
		return false;
	for (int f = 0; f < ADR_F_COUNT; f++) {
		unsigned long long want = strtoull(s + 17 * f, NULL, 16);

		if (field_sum(x, f) != want)
			*fields |= 1u << f;
	}
	return true;
}

static const char *const field_names[ADR_F_COUNT] = {
	"title", "status", "date", "deciders", "consulted", "informed",
	"context", "decision", "rationale", "alternatives", "consequences",
	"positive", "negative", "risks", "links"
};

void adr_fields_names(struct buf *out, unsigned fields)
{
	size_t n = 0;

	for (int f = 0; f < ADR_F_COUNT; f++)
		if (fields & (1u << f))
			buf_printf(out, "%s%s", n++ ? ", " : "", field_names[f]);
}

/* ---- edits ------------------------------------------------------------------ */

/* Replace [start, end) with s (line ends as the file has them). */
void adr_p_edit(struct patch *p, size_t start, size_t end, const char *s)
{
	struct buf b;
	struct edit *e;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		struct edit *v = realloc(p->v, cap * sizeof(*v));

		if (!v) {
			p->oom = true;
			return;
		}
		p->v = v;
		p->cap = cap;
	}
	buf_init(&b);
	buf_puts(&b, "");
	for (const char *c = s; c && *c; c++) {
		if (*c == '\n' && p->rb->crlf)
			buf_putc(&b, '\r');
		buf_putc(&b, *c);
	}
	if (b.oom) {
		p->oom = true;
		buf_free(&b);
		return;
	}
	e = &p->v[p->n];
	e->start = start;
	e->end = end;
	e->seq = p->n;
	e->text = buf_detach(&b);
	p->n++;
}

void adr_p_edit_buf(struct patch *p, size_t start, size_t end,
		     struct buf *b)
{
	/* An empty value after its key ("Date:"): a space between. */
	if (start == end && start > 0 && p->text[start - 1] == ':' && b->len &&
	    b->data[0] != ' ' && b->data[0] != '\n') {
		struct buf t;

		buf_init(&t);
		buf_putc(&t, ' ');
		buf_add(&t, buf_str(b), b->len);
		buf_free(b);
		*b = t;
	}
	if (b->oom)
		p->oom = true;
	adr_p_edit(p, start, end, buf_str(b));
	buf_free(b);
}

static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : 1;
}

static void apply(struct patch *p, struct buf *out)
{
	size_t at = 0;

	if (p->n)
		qsort(p->v, p->n, sizeof(*p->v), cmp_edit);
	for (size_t i = 0; i < p->n; i++) {
		const struct edit *e = &p->v[i];

		/* An edit inside one already made is dropped. */
		if (e->start < at)
			continue;
		buf_add(out, p->text + at, e->start - at);
		buf_puts(out, e->text);
		at = e->end > e->start ? e->end : e->start;
	}
	buf_add(out, p->text + at, p->len - at);
}

/* The whole lines [from, to) removed, with one blank line after them when
 * a blank line stands before them too (no two blank lines left). */
/* Is the line that ends at `at` (before it) blank, or at the start? */
static bool blank_before(const struct patch *p, size_t at)
{
	const char *t = p->text;

	if (at == 0)
		return true;
	if (t[at - 1] != '\n')
		return false;
	if (at >= 2 && t[at - 2] == '\r')
		return at == 2 || t[at - 3] == '\n';
	return at == 1 || t[at - 2] == '\n';
}

void adr_p_remove_lines(struct patch *p, size_t from, size_t to)
{
	const char *t = p->text;
	size_t k = to;

	if (blank_before(p, from)) {
		if (k < p->len && t[k] == '\r')
			k++;
		if (k < p->len && t[k] == '\n')
			to = k + 1;
		else if (to >= p->len && from > 0) {
			/* At the end: the blank line before goes instead. */
			from--;
			if (from > 0 && t[from - 1] == '\r')
				from--;
		}
	}
	adr_p_edit(p, from, to, "");
}

void adr_p_blank_before(const struct patch *p, size_t at, struct buf *b)
{
	if (at == 0 || blank_before(p, at))
		return;
	if (p->text[at - 1] != '\n')
		buf_putc(b, '\n');
	buf_putc(b, '\n');
}

size_t adr_p_section_end(const struct patch *p, int f)
{
	for (size_t i = 0; i < p->rb->n_heads; i++)
		if (p->rb->heads[i].field == f)
			return p->rb->heads[i].end;
	return SIZE_MAX;
}

/* ---- values as a file writes them ------------------------------------------ */

static bool yaml_plain_ok(const char *s)
{
	static const char *const words[] = {
		"yes", "no", "true", "false", "null", "on", "off", "~"
	};

	if (!*s || strchr("-?:,[]{}#&*!|>'\"%@`", *s) || isspace((unsigned char)*s))
		return false;
	if (strstr(s, ": ") || strstr(s, " #") || strchr(s, '\n'))
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return false;
	return !isspace((unsigned char)s[strlen(s) - 1]);
}

static void yaml_scalar(struct buf *out, const char *s, char quote)
{
	if (quote == '\'') {
		buf_putc(out, '\'');
		for (const char *c = s; *c; c++) {
			if (*c == '\'')
				buf_putc(out, '\'');
			buf_putc(out, *c == '\n' ? ' ' : *c);
		}
		buf_putc(out, '\'');
	} else if (quote == '"' || !yaml_plain_ok(s)) {
		md_yaml_quoted(out, s);
	} else {
		buf_puts(out, s);
	}
}

/* The bytes of place a, new string-less view. */
static const char *at_bytes(const struct patch *p, const struct adr_at *a,
			    size_t *n)
{
	*n = a->end - a->start;
	return p->text + a->start;
}

/* s written into table cell place a, keeping the cell's width. */
static void cell_text(struct patch *p, const struct adr_at *a, const char *s)
{
	size_t old, pad = 0, end = a->end;
	struct buf b;

	at_bytes(p, a, &old);
	while (end < p->len && p->text[end] == ' ' && end + 1 < p->len &&
	       p->text[end + 1] == ' ')
		end++;
	buf_init(&b);
	buf_puts(&b, s);
	if (end > a->end) {
		/* Padding to keep: the old width less the new text. */
		size_t width = end - a->start;

		pad = b.len < width ? width - b.len : 0;
		for (size_t i = 0; i < pad; i++)
			buf_putc(&b, ' ');
	}
	adr_p_edit_buf(p, a->start, end, &b);
}

static void capital(struct buf *out, const char *word, bool lower)
{
	size_t at = out->len;

	buf_puts(out, word);
	if (!lower && out->len > at && out->data[at] >= 'a' &&
	    out->data[at] <= 'z')
		out->data[at] = (char)(out->data[at] - 'a' + 'A');
}

/* A record's file name without ".md": what log4brains calls its slug. */
void adr_p_stem(struct buf *out, const char *file)
{
	size_t n = strlen(file);

	buf_add(out, file, n > 3 && strcmp(file + n - 3, ".md") == 0 ? n - 3 : n);
}

int adr_p_ref_number(const struct adr_ref *r)
{
	return r->file_number ? r->file_number : r->number;
}

/* The status word of `now` (its own words while they still name it). */
static void status_word(struct patch *p, struct buf *out)
{
	const struct decision *x = p->now;
	enum adr_status st;

	if (x->status_text && *x->status_text &&
	    (adr_status_classify(x->status_text, &st) == ST_OK ?
	     st == x->status : x->status == ADR_PROPOSED)) {
		buf_puts(out, x->status_text);
		return;
	}
	capital(out, adr_status_id(x->status), p->lower);
}

/* Supersede links the status itself carried ("accepted; supersedes
 * ADR-0045", JabRef) are written with it again while they hold. */
static void status_supersedes(struct patch *p, struct buf *out)
{
	const struct decision *x = p->now;

	for (size_t i = 0; i < p->rb->n_links; i++) {
		const struct adr_link *l = &p->rb->links[i];
		const struct adr_ref *r;
		bool holds = false;

		if (!l->in_status || l->superseded_by || l->relation)
			continue;
		r = adr_refs_link(p->refs, l);
		for (size_t k = 0; r && k < x->n_supersedes; k++)
			holds = holds || x->supersedes[k] == r->number;
		if (holds)
			buf_printf(out, "; supersedes ADR-%04d",
				   adr_p_ref_number(r));
	}
}

/* The status as it is written at place a. */
static void status_value(struct patch *p, const struct adr_at *a,
			 struct buf *out)
{
	const struct decision *x = p->now;
	const struct adr_ref *r = NULL;
	bool lower = p->lower;

	if (x->status == ADR_SUPERSEDED && x->superseded_by > 0)
		r = adr_refs_number(p->refs, x->superseded_by);
	if (!r && x->status == ADR_SUPERSEDED && x->superseded_by > 0) {
		capital(out, "superseded by ", lower);
		buf_printf(out, a->how == ADR_AT_YAML ? "ADR-%04d" : "ADR %d",
			   x->superseded_by);
		return;
	}
	if (!r) {
		status_word(p, out);
		status_supersedes(p, out);
		return;
	}
	switch (a->how) {
	case ADR_AT_STATUS:
		/* adr-tools replaces the word with the link. */
		capital(out, p->spell_adr ? "superceded by [" :
			"superseded by [", false);
		buf_printf(out, "%d. %s](", adr_p_ref_number(r), r->title);
		adr_link_target(out, r->file);
		buf_putc(out, ')');
		break;
	case ADR_AT_INLINE:
		/* log4brains takes the superseder from the link text. */
		capital(out, "superseded by [", lower);
		adr_p_stem(out, r->file);
		buf_puts(out, "](");
		adr_link_target(out, r->file);
		buf_putc(out, ')');
		break;
	default:
		capital(out, "superseded by ", lower);
		buf_printf(out, "ADR-%04d", adr_p_ref_number(r));
		break;
	}
}

/* ---- new places --------------------------------------------------------- */

/* A field's section heading in the file's family of templates, and its
 * order there (0: the field has no section). */
static int section_rank(bool madr, int f, const char **name)
{
	static const struct {
		int f;
		const char *nygard, *madr;
		int rn, rm;
	} t[] = {
		{ ADR_F_STATUS, "Status", NULL, 1, 0 },
		{ ADR_F_CONTEXT, "Context", "Context and Problem Statement", 2, 2 },
		{ ADR_F_ALTERNATIVES, "Alternatives considered",
		  "Considered Options", 6, 3 },
		{ ADR_F_DECISION, "Decision", "Decision Outcome", 3, 4 },
		{ ADR_F_RATIONALE, "Rationale", "Rationale", 4, 6 },
		{ ADR_F_CONSEQUENCES, "Consequences", "Consequences", 5, 5 },
		{ ADR_F_LINKS, "Links", "Links", 7, 7 },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (t[i].f != f)
			continue;
		if (name)
			*name = madr ? t[i].madr : t[i].nygard;
		return madr ? t[i].rm : t[i].rn;
	}
	return 0;
}

/* Where a new section for field f goes: before the first section that
 * follows it in the template, else at the end. */
static size_t section_at(const struct patch *p, int f)
{
	int rank = section_rank(p->madr, f, NULL);

	for (size_t i = 0; i < p->rb->n_heads; i++) {
		int r = p->rb->heads[i].field < ADR_F_COUNT ?
			section_rank(p->madr, p->rb->heads[i].field, NULL) : 0;

		if (r > rank)
			return p->rb->heads[i].off;
	}
	return p->len;
}

/* Insert "## NAME\n\nbody\n\n" at the place of field f's section. */
void adr_p_add_section(struct patch *p, int f, const char *body)
{
	const char *name = NULL;
	size_t at;
	struct buf b;

	section_rank(p->madr, f, &name);
	at = section_at(p, f);
	buf_init(&b);
	adr_p_blank_before(p, at, &b);
	buf_printf(&b, "## %s\n\n%s\n", name ? name : "Notes", body);
	/* Before a heading: a blank line between. */
	if (at < p->len)
		buf_putc(&b, '\n');
	adr_p_edit_buf(p, at, at, &b);
}

/* A metadata value that has no place yet: a front matter key, a bullet, a
 * line or a table row, as the file's other metadata are written. */
static void add_meta(struct patch *p, const char *key, const char *label,
		     const char *value)
{
	const struct adr_record *rb = p->rb;
	char bullet = rb->bullet ? rb->bullet : '*';
	struct buf b;

	buf_init(&b);
	if (rb->fm_end > rb->fm_start && (p->madr || !rb->meta_style)) {
		buf_printf(&b, "%s: ", key);
		yaml_scalar(&b, value, 0);
		buf_putc(&b, '\n');
		adr_p_edit_buf(p, rb->fm_end, rb->fm_end, &b);
		return;
	}
	switch (rb->meta_style) {
	case 'b':
		buf_printf(&b, "%c %s: %s\n", bullet, label, value);
		break;
	case 't':
		buf_printf(&b, "| %s | %s |\n", label, value);
		break;
	case 'l':
		/* adr-tools' "Date: ..." is a paragraph of its own. */
		buf_printf(&b, "\n%s: %s\n", label, value);
		break;
	default:
		if (p->madr)
			buf_printf(&b, "\n%c %s: %s\n", bullet, label, value);
		else
			buf_printf(&b, "\n%s: %s\n", label, value);
		adr_p_edit_buf(p, rb->title_end, rb->title_end, &b);
		return;
	}
	adr_p_edit_buf(p, rb->meta_end, rb->meta_end, &b);
}

/* ---- scalar fields -------------------------------------------------------- */

static void patch_title(struct patch *p)
{
	const struct adr_places *pl = &p->rb->at[ADR_F_TITLE];
	char *t = str_dup(p->now->title ? p->now->title : "");

	if (!t) {
		p->oom = true;
		return;
	}
	for (char *c = t; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	for (size_t i = 0; i < pl->n; i++) {
		const struct adr_at *a = &pl->v[i];
		struct buf b;

		buf_init(&b);
		if (a->how == ADR_AT_YAML)
			yaml_scalar(&b, t, a->quote);
		else
			buf_puts(&b, t);
		adr_p_edit_buf(p, a->start, a->end, &b);
	}
	free(t);
}

/* A scalar value written at place a: a YAML scalar quoted as it was, a
 * table cell at its width, else as it is. */
static void put_value(struct patch *p, const struct adr_at *a,
		      struct buf *b)
{
	if (a->how == ADR_AT_YAML) {
		struct buf q;

		buf_init(&q);
		yaml_scalar(&q, buf_str(b), a->quote);
		buf_free(b);
		*b = q;
	}
	if (a->how == ADR_AT_CELL) {
		cell_text(p, a, buf_str(b));
		buf_free(b);
		return;
	}
	adr_p_edit_buf(p, a->start, a->end, b);
}

static void patch_status(struct patch *p)
{
	const struct adr_places *pl = &p->rb->at[ADR_F_STATUS];
	struct buf b;

	for (size_t i = 0; i < pl->n; i++) {
		const struct adr_at *a = &pl->v[i];

		buf_init(&b);
		status_value(p, a, &b);
		put_value(p, a, &b);
	}
	if (pl->n)
		return;
	/* No status yet: where the template keeps it. */
	buf_init(&b);
	if (!p->madr && !p->rb->meta_style && !(p->rb->fm_end > p->rb->fm_start)) {
		struct adr_at a = { .how = ADR_AT_STATUS };

		status_value(p, &a, &b);
		if (!b.oom) {
			char *body = buf_detach(&b);

			if (body)
				adr_p_add_section(p, ADR_F_STATUS, body);
			free(body);
		}
		buf_free(&b);
		return;
	}
	{
		struct adr_at a = {
			.how = p->rb->fm_end > p->rb->fm_start && p->madr ?
			       ADR_AT_YAML : ADR_AT_INLINE
		};

		status_value(p, &a, &b);
		add_meta(p, "status", "Status", buf_str(&b));
		buf_free(&b);
	}
}

static void patch_date(struct patch *p)
{
	const struct adr_places *pl = &p->rb->at[ADR_F_DATE];
	const char *date = p->now->date;
	int form = p->rb->date_form < 0 ? ADR_DATE_ISO : p->rb->date_form;
	struct buf b;

	for (size_t i = 0; i < pl->n; i++) {
		const struct adr_at *a = &pl->v[i];

		if (!date || !*date) {
			if (a->how == ADR_AT_CELL)
				cell_text(p, a, "");
			else
				adr_p_remove_lines(p, a->from, a->to);
			continue;
		}
		buf_init(&b);
		adr_date_write(&b, date, (enum adr_date_form)form);
		put_value(p, a, &b);
	}
	if (pl->n || !date || !*date)
		return;
	buf_init(&b);
	adr_date_write(&b, date, (enum adr_date_form)form);
	add_meta(p, "date", "Date", buf_str(&b));
	buf_free(&b);
}

static const struct strv *people_of(const struct decision *x, int f)
{
	return f == ADR_F_DECIDERS ? &x->deciders :
	       f == ADR_F_CONSULTED ? &x->consulted : &x->informed;
}

static void patch_people(struct patch *p, int f)
{
	const struct adr_places *pl = &p->rb->at[f];
	const struct strv *sv = people_of(p->now, f);
	char *joined = strv_join(sv, ", ");
	struct buf b;

	if (!joined) {
		p->oom = true;
		return;
	}
	for (size_t i = 0; i < pl->n; i++) {
		const struct adr_at *a = &pl->v[i];

		if (!sv->n) {
			adr_p_remove_lines(p, a->from, a->to);
			continue;
		}
		buf_init(&b);
		if (a->how == ADR_AT_YAML_SEQ && a->text) {
			for (size_t k = 0; k < sv->n; k++) {
				buf_printf(&b, "\n%s", a->text);
				yaml_scalar(&b, sv->v[k], 0);
			}
		} else if (a->how == ADR_AT_YAML_SEQ) {
			buf_puts(&b, a->quote == '[' ? " [" : " [");
			for (size_t k = 0; k < sv->n; k++) {
				if (k)
					buf_puts(&b, ", ");
				yaml_scalar(&b, sv->v[k], 0);
			}
			buf_putc(&b, ']');
		} else if (a->how == ADR_AT_YAML) {
			yaml_scalar(&b, joined, a->quote);
		} else {
			buf_puts(&b, joined);
		}
		adr_p_edit_buf(p, a->start, a->end, &b);
	}
	if (!pl->n && sv->n) {
		static const char *const keys[] = { "deciders", "consulted",
						     "informed" };
		static const char *const labels[] = { "Deciders", "Consulted",
						       "Informed" };
		int k = f - ADR_F_DECIDERS;
		const char *key = k == 0 && p->rb->format == ADR_FORMAT_MADR4 ?
				  "decision-makers" : keys[k];

		add_meta(p, key, labels[k], joined);
	}
	free(joined);
}

/* ---- the whole file ------------------------------------------------------ */

int adr_patch(const char *text, size_t len, const struct adr_record *rb,
	      const struct decision *now, unsigned fields,
	      const struct adr_refs *refs, struct buf *out)
{
	struct patch p;

	memset(&p, 0, sizeof(p));
	p.text = text;
	p.len = len;
	p.rb = rb;
	p.now = now;
	p.refs = refs;
	p.madr = rb->format != ADR_FORMAT_NYGARD;
	/* A status written where there was none: as MADR writes it. */
	p.lower = rb->at[ADR_F_STATUS].n ? rb->status_lower : p.madr;
	p.spell_adr = adr_icontains(text, len, "supercede");
	/* A field that already reads as it should stays as it is. */
	fields &= adr_fields_diff(&rb->d, now);
	for (int f = 0; f < ADR_F_COUNT; f++) {
		if (!(fields & (1u << f)))
			continue;
		switch (f) {
		case ADR_F_TITLE:
			patch_title(&p);
			break;
		case ADR_F_STATUS:
			patch_status(&p);
			break;
		case ADR_F_DATE:
			patch_date(&p);
			break;
		case ADR_F_DECIDERS: case ADR_F_CONSULTED: case ADR_F_INFORMED:
			patch_people(&p, f);
			break;
		case ADR_F_POSITIVE: case ADR_F_NEGATIVE: case ADR_F_RISKS:
			adr_p_list(&p, f);
			break;
		case ADR_F_LINKS:
			adr_p_links(&p);
			break;
		default:
			adr_p_text(&p, f);
			break;
		}
	}
	if (!p.oom)
		apply(&p, out);
	for (size_t i = 0; i < p.n; i++)
		free(p.v[i].text);
	free(p.v);
	return p.oom || out->oom ? ST_ERROR : ST_OK;
}

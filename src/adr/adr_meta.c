#include "config.h"
/*
 * adr_meta: the metadata of an ADR file, wherever a template puts it:
 * YAML front matter (MADR 3/4, Brighter), bullets under the title (MADR 2,
 * log4brains), "Key: value" lines (adr-tools' Date), a metadata table
 * (NATS), and the status words and supersede links in any of them.  Each
 * value read is also a place of its field (adr_import.h), so that an
 * export can rewrite exactly those bytes.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "adr/adr_import_int.h"
#include "util/i18n.h"

int adr_place(struct adr_places *p, unsigned char how, size_t start,
	      size_t end, size_t from, size_t to, const char *text,
	      size_t tlen)
{
	struct adr_at *v = realloc(p->v, (p->n + 1) * sizeof(*v)), *a;

	if (!v)
		return ST_ERROR;
	p->v = v;
	a = &v[p->n];
	memset(a, 0, sizeof(*a));
	a->how = how;
	a->start = start;
	a->end = end;
	a->from = from;
	a->to = to;
	a->link = -1;
	if (text && !(a->text = str_ndup(text, tlen)))
		return ST_ERROR;
	p->n++;
	return ST_OK;
}

size_t adr_line_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->n;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (d->ln[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int adr_push_item(struct strv *sv, const char *s, size_t n)
{
	char *item;
	int rc;

	adr_trim(&s, &n);
	if (!n)
		return ST_OK;
	if (!(item = str_ndup(s, n)))
		return ST_ERROR;
	for (char *c = item; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	rc = strv_push(sv, item);
	free(item);
	return rc;
}

static int set_list(struct strv *sv, const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ',' && s[i] != ';')
			continue;
		if (adr_push_item(sv, s + start, i - start) < 0)
			return ST_ERROR;
		start = i + 1;
	}
	return ST_OK;
}

/* ---- links ------------------------------------------------------------ */

int adr_add_link(struct doc *d, bool by, const char *text, size_t tlen,
		 const char *target, size_t glen, int line)
{
	struct adr_link *v, *l;
	char date[11];
	size_t k;

	v = realloc(d->r->links, (d->r->n_links + 1) * sizeof(*v));
	if (!v)
		return ST_ERROR;
	d->r->links = v;
	l = &v[d->r->n_links];
	memset(l, 0, sizeof(*l));
	l->superseded_by = by;
	l->line = line;
	if (target) {
		/* "../adr/0003-x.md#status" -> "0003-x.md" */
		for (k = 0; k < glen; k++)
			if (target[k] == '#' || target[k] == '?')
				break;
		glen = k;
		for (k = glen; k > 0; k--)
			if (target[k - 1] == '/')
				break;
		target += k;
		glen -= k;
		adr_trim(&target, &glen);
		if (glen && !(l->target = str_ndup(target, glen)))
			return ST_ERROR;
	}
	if (l->target)
		adr_name_info(l->target, &l->number, date);
	if (!l->number && text) {
		for (k = 0; k < tlen; k++) {
			if (isdigit((unsigned char)text[k])) {
				l->number = adr_number_at(text + k, tlen - k,
							  NULL);
				break;
			}
		}
	}
	d->r->n_links++;
	return ST_OK;
}

/* ---- status ----------------------------------------------------------- */

/* The status as shown: Markdown links reduced to their text. */
static char *status_words(const char *s, size_t n)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const char *mid, *end;

		if (s[i] == '[' &&
		    (mid = memchr(s + i, ']', n - i)) && mid + 1 < s + n &&
		    mid[1] == '(' &&
		    (end = memchr(mid, ')', (size_t)(s + n - mid)))) {
			buf_add(&b, s + i + 1, (size_t)(mid - s - i - 1));
			i = (size_t)(end - s);
			continue;
		}
		buf_putc(&b, s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
	}
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	if (!b.data)
		return str_dup("");
	return buf_detach(&b);
}

/* A link written in the status: "superseded by [ADR-0005](0005-x.md)",
 * "superseded by ADR-0005", "accepted; supersedes ADR-0045". */
static int status_link(struct doc *d, const char *rest, size_t rn, bool by,
		       int line)
{
	const char *lb, *mid, *end;
	size_t k;

	lb = memchr(rest, '[', rn);
	mid = lb ? memchr(lb, ']', rn - (size_t)(lb - rest)) : NULL;
	end = mid ? memchr(mid, ')', rn - (size_t)(mid - rest)) : NULL;
	if (lb && mid && end && mid[1] == '(') {
		if (adr_add_link(d, by, lb + 1, (size_t)(mid - lb - 1), mid + 2,
				 (size_t)(end - mid - 2), line) < 0)
			return ST_ERROR;
	} else {
		for (k = 0; k < rn && !isdigit((unsigned char)rest[k]); k++)
			;
		if (k == rn)
			return ST_OK;
		if (adr_add_link(d, by, rest + k, rn - k, NULL, 0, line) < 0)
			return ST_ERROR;
	}
	d->r->links[d->r->n_links - 1].in_status = true;
	return ST_OK;
}

int adr_status_text(struct doc *d, const char *s, size_t n, size_t off,
		    int line, unsigned char how, char quote)
{
	const char *t = s;
	size_t tn = n, i;
	enum adr_status st;
	struct adr_places *p = &d->r->at[ADR_F_STATUS];
	size_t ln = adr_line_at(d, off);
	int rc;

	adr_strip_comment(t, &tn);
	adr_trim(&t, &tn);
	off += (size_t)(t - s);
	if (!tn)
		return ST_OK;
	if (adr_place(p, how, off, off + tn, d->ln[ln].off, d->ln[ln].next,
		      NULL, 0) < 0)
		return ST_ERROR;
	p->v[p->n - 1].quote = quote;
	if (d->have_status)
		return ST_OK;
	d->have_status = true;
	free(d->r->d.status_text);
	if (!(d->r->d.status_text = status_words(t, tn)))
		return ST_ERROR;
	for (i = 0; i < tn && !isalpha((unsigned char)t[i]); i++)
		;
	d->r->status_lower = i < tn && islower((unsigned char)t[i]);
	if (adr_status_classify(d->r->d.status_text, &st) == ST_OK) {
		d->r->d.status = st;
	} else {
		d->r->d.status = ADR_PROPOSED;
		rc = adr_warnf(d->msgs, d->path, line,
			       _("status '%.*s' is not one charrette knows; "
				 "kept as written, counted as proposed"),
			       (int)(tn > 60 ? 60 : tn), t);
		if (rc < 0)
			return rc;
	}
	/* The links a status carries. */
	for (size_t k = i; k + 13 <= tn; k++) {
		if (adr_kind_superseded_by(t + k, 13))
			return status_link(d, t + k + 13, tn - k - 13, true,
					   line);
		if (k + 10 <= tn && adr_kind_supersedes(t + k, 10) &&
		    (k + 10 == tn || !isalpha((unsigned char)t[k + 10])))
			return status_link(d, t + k + 10, tn - k - 10, false,
					   line);
	}
	return ST_OK;
}

/* ---- metadata keys and values ---------------------------------------- */

int adr_meta_key(const char *k, size_t n, bool *created)
{
	static const struct {
		const char *name;
		int field;
	} keys[] = {
		{ "status", ADR_F_STATUS }, { "date", ADR_F_DATE },
		{ "deciders", ADR_F_DECIDERS },
		{ "decision-makers", ADR_F_DECIDERS },
		{ "decision makers", ADR_F_DECIDERS },
		{ "consulted", ADR_F_CONSULTED }, { "informed", ADR_F_INFORMED },
		{ "created", ADR_F_DATE },
	};

	*created = false;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (adr_ieq(k, n, keys[i].name)) {
			*created = strcmp(keys[i].name, "created") == 0;
			return keys[i].field;
		}
	}
	return ADR_F_COUNT;
}

static int set_date(struct doc *d, const char *s, size_t n, int line)
{
	char iso[11];

	d->have_date = true;
	d->r->date_form = (int)adr_date_read(s, n, iso);
	free(d->r->d.date);
	d->r->d.date = iso[0] ? str_dup(iso) : str_ndup(s, n);
	if (!d->r->d.date)
		return ST_ERROR;
	if (!iso[0])
		return adr_warnf(d->msgs, d->path, line,
				 _("date '%.*s' is not in a form charrette reads; kept as written"),
				 (int)(n > 40 ? 40 : n), s);
	return ST_OK;
}

int adr_meta_apply(struct doc *d, int f, const char *v, size_t n, size_t off,
		   int line, unsigned char how, char quote)
{
	const char *t = v;
	size_t tn = n, ln;
	struct strv *sv;
	struct adr_places *p;

	adr_strip_comment(t, &tn);
	adr_trim(&t, &tn);
	off += (size_t)(t - v);
	if (f == ADR_F_STATUS)
		return adr_status_text(d, t, tn, off, line, how, quote);
	if (f >= ADR_F_COUNT)
		return ST_OK;
	p = &d->r->at[f];
	ln = adr_line_at(d, off);
	if (adr_place(p, how, off, off + tn, d->ln[ln].off, d->ln[ln].next,
		      NULL, 0) < 0)
		return ST_ERROR;
	p->v[p->n - 1].quote = quote;
	switch (f) {
	case ADR_F_DATE:
		if (!tn || d->have_date)
			return ST_OK;
		return set_date(d, t, tn, line);
	case ADR_F_DECIDERS:
	case ADR_F_CONSULTED:
	case ADR_F_INFORMED:
		sv = f == ADR_F_DECIDERS ? &d->r->d.deciders :
		     f == ADR_F_CONSULTED ? &d->r->d.consulted :
					    &d->r->d.informed;
		return sv->n ? ST_OK : set_list(sv, t, tn);
	default:
		return ST_OK;
	}
}

/* "| Status | Approved |": key and value cells of a table row. */
static int table_row(const struct line *l, const char **val, size_t *vlen,
		     bool *created)
{
	const char *s = l->s, *k, *end = l->s + l->len, *bar;
	size_t kn;

	while (s < end && adr_blank_char(*s))
		s++;
	if (s >= end || *s != '|')
		return ADR_F_COUNT;
	k = s + 1;
	if (!(bar = memchr(k, '|', (size_t)(end - k))))
		return ADR_F_COUNT;
	kn = (size_t)(bar - k);
	adr_trim(&k, &kn);
	if (kn > 4 && k[0] == '*' && k[1] == '*' && k[kn - 1] == '*' &&
	    k[kn - 2] == '*') {
		k += 2;
		kn -= 4;
	}
	*val = bar + 1;
	if (!(bar = memchr(*val, '|', (size_t)(end - *val))))
		bar = end;
	*vlen = (size_t)(bar - *val);
	return adr_meta_key(k, kn, created);
}

int adr_meta_line(const struct line *l, bool *bullet, bool *cell,
		  const char **val, size_t *vlen, bool *created)
{
	const char *s = l->s;
	size_t n = l->len, i, j;
	int key;

	*cell = false;
	*bullet = false;
	if ((key = table_row(l, val, vlen, created)) != ADR_F_COUNT) {
		*cell = true;
		return key;
	}
	i = adr_skip_bullet(s, n, bullet, NULL);
	if (i + 2 <= n && s[i] == '*' && s[i + 1] == '*')
		i += 2;
	for (j = i; j < n && (isalpha((unsigned char)s[j]) || s[j] == '-' ||
			      s[j] == ' '); j++)
		;
	if ((key = adr_meta_key(s + i, j - i, created)) == ADR_F_COUNT)
		return ADR_F_COUNT;
	if (j + 2 <= n && s[j] == '*' && s[j + 1] == '*')
		j += 2;
	if (j >= n || s[j] != ':')
		return ADR_F_COUNT;
	j++;
	if (j + 2 <= n && s[j] == '*' && s[j + 1] == '*')
		j += 2;
	*val = s + j;
	*vlen = n - j;
	return key;
}

/* ---- front matter (MADR 3 / 4, Brighter) ------------------------------ */

static int fm_list(struct strv *sv, yaml_document_t *doc, yaml_node_t *v)
{
	if (v->type == YAML_SCALAR_NODE)
		return set_list(sv, (const char *)v->data.scalar.value,
				v->data.scalar.length);
	if (v->type != YAML_SEQUENCE_NODE)
		return ST_OK;
	for (yaml_node_item_t *it = v->data.sequence.items.start;
	     it < v->data.sequence.items.top; it++) {
		yaml_node_t *x = yaml_document_get_node(doc, *it);

		if (x && x->type == YAML_SCALAR_NODE &&
		    adr_push_item(sv, (const char *)x->data.scalar.value,
				  x->data.scalar.length) < 0)
			return ST_ERROR;
	}
	return ST_OK;
}

/*
 * The bytes of a top-level value on its key's line "key: value # note":
 * from after the colon to the end, a comment cut; NULL when the value is
 * not on that line.
 */
static const char *fm_inline(const struct line *l, size_t *n, char *quote)
{
	const char *c = memchr(l->s, ':', l->len), *v;
	size_t k;

	*quote = 0;
	if (!c)
		return NULL;
	v = c + 1;
	k = l->len - (size_t)(v - l->s);
	while (k && adr_blank_char(*v)) {
		v++;
		k--;
	}
	if (!k)
		return NULL;
	if (*v == '"' || *v == '\'') {
		const char *close = memchr(v + 1, *v, k - 1);

		*quote = *v;
		if (close)
			k = (size_t)(close - v) + 1;
	} else {
		for (size_t i = 1; i < k; i++)
			if (v[i] == '#' && adr_blank_char(v[i - 1])) {
				k = i;
				break;
			}
	}
	while (k && adr_blank_char(v[k - 1]))
		k--;
	*n = k;
	return v;
}

/* One known key of the front matter, at lines [a, b] of the file. */
static int fm_pair(struct doc *d, yaml_document_t *doc, int f, bool created,
		   yaml_node_t *v, size_t a, size_t b)
{
	const struct line *l = &d->ln[a];
	size_t vn = 0, off;
	char quote;
	const char *vs = fm_inline(l, &vn, &quote);
	struct adr_places *p = &d->r->at[f];
	struct strv *sv;

	if (created && d->have_date)
		return ST_OK;
	if (v->type == YAML_SCALAR_NODE && vs && a == b &&
	    v->data.scalar.style != YAML_LITERAL_SCALAR_STYLE &&
	    v->data.scalar.style != YAML_FOLDED_SCALAR_STYLE) {
		off = l->off + (size_t)(vs - l->s);
		if (f == ADR_F_STATUS || f == ADR_F_DATE) {
			const char *val = (const char *)v->data.scalar.value;
			size_t n0 = p->n;

			/* The status and date as YAML reads them (quotes
			 * gone), placed at the bytes that hold them. */
			if (adr_meta_apply(d, f, val, v->data.scalar.length, off,
					   (int)a + 1, ADR_AT_YAML, quote) < 0)
				return ST_ERROR;
			if (p->n > n0) {
				p->v[p->n - 1].start = off;
				p->v[p->n - 1].end = off + vn;
			}
			return ST_OK;
		}
		if (adr_place(p, ADR_AT_YAML, off, off + vn, l->off, l->next,
			      NULL, 0) < 0)
			return ST_ERROR;
		p->v[p->n - 1].quote = quote;
	} else {
		/* A block: its value is every line after the key's colon. */
		const char *c = memchr(l->s, ':', l->len);
		char *prefix = NULL;
		size_t start = c ? l->off + (size_t)(c - l->s) + 1 : l->next;

		if (v->type == YAML_SEQUENCE_NODE && b > a) {
			const struct line *it = &d->ln[a + 1];
			size_t k = 0;

			while (k < it->len && adr_blank_char(it->s[k]))
				k++;
			if (k < it->len && it->s[k] == '-')
				prefix = str_ndup(it->s, k + 2 <= it->len ? k + 2 : k + 1);
		}
		if (adr_place(p, ADR_AT_YAML_SEQ, start,
			      d->ln[b].off + d->ln[b].len, l->off, d->ln[b].next,
			      prefix, prefix ? strlen(prefix) : 0) < 0) {
			free(prefix);
			return ST_ERROR;
		}
		free(prefix);
		if (v->type == YAML_SEQUENCE_NODE && vs && vs[0] == '[')
			p->v[p->n - 1].quote = '[';
	}
	if (f == ADR_F_TITLE) {
		if (v->type == YAML_SCALAR_NODE && !d->fm_title) {
			d->fm_title = str_ndup((const char *)v->data.scalar.value,
					       v->data.scalar.length);
			d->fm_title_line = (int)a + 1;
			if (!d->fm_title)
				return ST_ERROR;
		}
		return ST_OK;
	}
	if (f == ADR_F_STATUS || f == ADR_F_DATE)
		return adr_warnf(d->msgs, d->path, (int)a + 1,
				 _("front matter: '%s' should be one value; ignored"),
				 f == ADR_F_STATUS ? "status" : "date");
	sv = f == ADR_F_DECIDERS ? &d->r->d.deciders :
	     f == ADR_F_CONSULTED ? &d->r->d.consulted : &d->r->d.informed;
	return sv->n ? ST_OK : fm_list(sv, doc, v);
}

int adr_front_matter(struct doc *d, size_t from, size_t to)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	const char *start;
	size_t len;
	int rc = ST_OK;

	if (from >= to)
		return ST_OK;
	start = d->ln[from].s;
	len = (size_t)(d->ln[to - 1].s + d->ln[to - 1].len - start);
	if (!yaml_parser_initialize(&p))
		return ST_ERROR;
	yaml_parser_set_input_string(&p, (const unsigned char *)start, len);
	if (!yaml_parser_load(&p, &doc)) {
		rc = p.error == YAML_MEMORY_ERROR ? ST_ERROR :
			adr_warnf(d->msgs, d->path,
				  (int)(from + p.problem_mark.line) + 1,
				  _("front matter is not valid YAML (%s); ignored"),
				  p.problem ? p.problem : "?");
		yaml_parser_delete(&p);
		return rc;
	}
	yaml_parser_delete(&p);
	root = yaml_document_get_root_node(&doc);
	if (root && root->type != YAML_MAPPING_NODE) {
		rc = adr_warnf(d->msgs, d->path, (int)from + 1,
			       _("front matter is not a mapping; ignored"));
		yaml_document_delete(&doc);
		return rc;
	}
	for (yaml_node_pair_t *pr = root ? root->data.mapping.pairs.start : NULL;
	     rc == ST_OK && pr && pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
		size_t a, b;
		bool created = false;
		int f = ADR_F_COUNT;

		if (!k || !v || k->type != YAML_SCALAR_NODE)
			continue;
		if (adr_ieq((const char *)k->data.scalar.value,
			    k->data.scalar.length, "title"))
			f = ADR_F_TITLE;
		else
			f = adr_meta_key((const char *)k->data.scalar.value,
					 k->data.scalar.length, &created);
		if (f == ADR_F_COUNT)
			continue;   /* nav_order, tags, ...: the file's own */
		if (adr_ieq((const char *)k->data.scalar.value,
			    k->data.scalar.length, "decision-makers"))
			d->decision_makers = true;
		a = from + k->start_mark.line;
		b = from + v->end_mark.line;
		if (v->end_mark.column == 0 && b > a)
			b--;
		if (b >= to)
			b = to - 1;
		rc = fm_pair(d, &doc, f, created, v, a, b);
	}
	yaml_document_delete(&doc);
	return rc;
}

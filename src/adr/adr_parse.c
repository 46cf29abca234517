#include "config.h"
/*
 * adr_parse: owns reading one ADR file (adr-tools / Nygard, MADR 2, MADR 3
 * and 4) into a struct adr_record: metadata, title, sections, supersede
 * links, and the text kept in the rationale for want of a field.
 */

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "adr/adr_import.h"
#include "adr/adr_import_int.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"
#include "util/utf8.h"

struct line {
	const char *s;
	size_t len;
};

/* State while one file is parsed. */
struct doc {
	const char *path;
	struct line *ln;
	size_t n;
	unsigned char *hl;      /* heading level of each line, 0 = none
				   (always 0 inside fenced code) */
	bool *taken;            /* line already went into a field */
	struct adr_record *r;
	struct adr_msgs *msgs;
	struct buf rat_own;     /* text of a "Rationale" section */
	struct buf rat;         /* everything kept for want of a field */
	bool have_status;
	bool meta_bullets;      /* "* Status: ..." lines (MADR 2) */
	bool front_matter;
	bool decision_makers;   /* MADR 4 key seen */
};

enum meta_key {
	META_NONE = -1,
	META_STATUS,
	META_DATE,
	META_DECIDERS,
	META_MAKERS,
	META_CONSULTED,
	META_INFORMED
};

enum ckind { CK_NONE = 0, CK_POS, CK_NEG, CK_RISK, CK_ANY };

/* ---- messages ------------------------------------------------------- */

void adr_msgs_clear(struct adr_msgs *m)
{
	if (!m)
		return;
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

int adr_msgs_push(struct adr_msgs *m, const struct error *e)
{
	struct error *v;

	if (!m)
		return ST_OK;
	v = realloc(m->v, (m->n + 1) * sizeof(*v));
	if (!v)
		return ST_ERROR;
	m->v = v;
	m->v[m->n++] = *e;
	return ST_OK;
}

int adr_warnf(struct adr_msgs *m, const char *file, int line,
	      const char *fmt, ...)
{
	struct error e;
	va_list ap;

	if (!m)
		return ST_OK;
	va_start(ap, fmt);
	err_setv(&e, ST_OK, fmt, ap);
	va_end(ap);
	snprintf(e.file, sizeof(e.file), "%s", file);
	e.line = line;
	e.col = 0;
	return adr_msgs_push(m, &e);
}

/* ---- small text helpers --------------------------------------------- */

static bool is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

static void trim_span(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/* Drop a trailing "<!-- ... -->" (MADR templates mark optional parts so). */
static void strip_comment(const char *s, size_t *len)
{
	size_t n = *len;

	/* Only the end moves: callers keep their start pointer. */
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= 7 && memcmp(s + n - 3, "-->", 3) == 0) {
		for (size_t i = n - 3; i-- > 0;) {
			if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
				n = i;
				break;
			}
		}
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	*len = n;
}

static bool span_ieq(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

static bool span_istarts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncasecmp(s, prefix, k) == 0;
}

static bool span_icontains(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, word, k) == 0)
			return true;
	return false;
}

static bool line_blank(const struct line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (!isspace((unsigned char)l->s[i]))
			return false;
	return true;
}

/* A line that is only an HTML comment, as MADR templates leave them. */
static bool line_comment(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;

	trim_span(&s, &n);
	return n >= 7 && memcmp(s, "<!--", 4) == 0 &&
	       memcmp(s + n - 3, "-->", 3) == 0;
}

static bool line_ignorable(const struct line *l)
{
	return line_blank(l) || line_comment(l);
}

bool adr_valid_date(const char *s, size_t n)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= 31;
}

/* Leading digits as a number (at most 9 digits); 0 when there are none. */
static int span_number(const char *s, size_t n, size_t *used)
{
	size_t i = 0;
	int v = 0;

	while (i < n && i < 9 && isdigit((unsigned char)s[i]))
		v = v * 10 + (s[i++] - '0');
	if (used)
		*used = i;
	return v;
}

/*
 * The number or the date in a file name: "0004-x.md", "adr-0004-x.md",
 * "20240312-x.md", "2024-03-12-x.md".
 */
static void name_info(const char *base, int *number, char date[11])
{
	const char *s = base;
	size_t n = strlen(base), k;

	*number = 0;
	date[0] = '\0';
	if (n > 4 && strncasecmp(s, "adr", 3) == 0 &&
	    (s[3] == '-' || s[3] == '_')) {
		s += 4;
		n -= 4;
	}
	for (k = 0; k < n && isdigit((unsigned char)s[k]); k++)
		;
	if (k == 0)
		return;
	if (k == 8 && (s[8] == '-' || s[8] == '_' || s[8] == '.')) {
		char iso[11];

		snprintf(iso, sizeof(iso), "%.4s-%.2s-%.2s", s, s + 4, s + 6);
		if (adr_valid_date(iso, 10)) {
			memcpy(date, iso, 11);
			return;
		}
	}
	if (k == 4 && n > 11 && adr_valid_date(s, 10) &&
	    (s[10] == '-' || s[10] == '_' || s[10] == '.')) {
		memcpy(date, s, 10);
		date[10] = '\0';
		return;
	}
	if (k <= 9 && (s[k] == '-' || s[k] == '_' || s[k] == '.'))
		*number = span_number(s, k, NULL);
}

/* ---- lines, headings, text of a range ------------------------------- */

/* Fence opener/closer: up to 3 spaces, then 3+ backticks or tildes. */
static char fence_char(const struct line *l, size_t *count)
{
	size_t i = 0, k = 0;
	char c;

	while (i < l->len && i < 3 && l->s[i] == ' ')
		i++;
	if (i >= l->len || (l->s[i] != '`' && l->s[i] != '~'))
		return 0;
	c = l->s[i];
	while (i < l->len && l->s[i] == c) {
		i++;
		k++;
	}
	*count = k;
	return k >= 3 ? c : 0;
}

/* ATX heading: level 1..6 and its text (closing #s and comments cut). */
static int heading_of(const struct line *l, const char **text, size_t *tlen)
{
	size_t i = 0, lvl = 0, n;
	const char *t;

	while (i < l->len && i < 3 && l->s[i] == ' ')
		i++;
	while (i < l->len && l->s[i] == '#' && lvl < 7) {
		i++;
		lvl++;
	}
	if (lvl == 0 || lvl > 6 || (i < l->len && !is_blank_char(l->s[i])))
		return 0;
	t = l->s + i;
	n = l->len - i;
	strip_comment(t, &n);
	trim_span(&t, &n);
	/* A closing sequence " ##" is not part of the text. */
	if (n && t[n - 1] == '#') {
		size_t k = n;

		while (k && t[k - 1] == '#')
			k--;
		if (k == 0 || is_blank_char(t[k - 1])) {
			n = k;
			trim_span(&t, &n);
		}
	}
	if (text)
		*text = t;
	if (tlen)
		*tlen = n;
	return (int)lvl;
}

static void mark_headings(struct doc *d, size_t from)
{
	char fc = 0;
	size_t fk = 0;

	for (size_t i = from; i < d->n; i++) {
		size_t k = 0;
		char c = fence_char(&d->ln[i], &k);

		if (fc) {
			if (c == fc && k >= fk)
				fc = 0;
			continue;
		}
		if (c) {
			fc = c;
			fk = k;
			continue;
		}
		d->hl[i] = (unsigned char)heading_of(&d->ln[i], NULL, NULL);
	}
}

/*
 * The untaken lines of [from, to) joined with '\n', without leading and
 * trailing blank or comment-only lines; *out = NULL when nothing is left.
 * Where taken lines were cut out of the middle, the blank lines around the
 * gap are merged into one.
 */
static int span_text(struct doc *d, size_t from, size_t to, char **out)
{
	size_t first = to, last = to;
	struct buf b;
	bool prev_blank = false, gap = false, any = false;

	*out = NULL;
	for (size_t i = from; i < to; i++) {
		if (d->taken[i] || line_ignorable(&d->ln[i]))
			continue;
		if (first == to)
			first = i;
		last = i;
	}
	if (first == to)
		return ST_OK;
	buf_init(&b);
	for (size_t i = first; i <= last; i++) {
		bool blank;

		if (d->taken[i]) {
			gap = true;
			continue;
		}
		blank = line_blank(&d->ln[i]);
		if (blank && gap && prev_blank)
			continue;
		if (any)
			buf_putc(&b, '\n');
		buf_add(&b, d->ln[i].s, d->ln[i].len);
		any = true;
		prev_blank = blank;
		if (!blank)
			gap = false;
	}
	*out = buf_detach(&b);
	return *out ? ST_OK : ST_ERROR;
}

static void take(struct doc *d, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		d->taken[i] = true;
}

/* Append a block to the rationale, under a heading when level > 0. */
static int rat_add(struct buf *b, int level, const char *name, size_t nlen,
		   const char *body)
{
	if (str_empty(body))
		return ST_OK;
	if (b->len)
		buf_puts(b, "\n\n");
	if (level > 0) {
		for (int i = 0; i < level; i++)
			buf_putc(b, '#');
		buf_putc(b, ' ');
		buf_add(b, name, nlen);
		buf_puts(b, "\n\n");
	}
	buf_puts(b, body);
	return b->oom ? ST_ERROR : ST_OK;
}

/* Keep what is left of [from, to) in the rationale under a heading. */
static int keep_rest(struct doc *d, size_t from, size_t to, int level,
		     const char *name, size_t nlen)
{
	char *text;
	int rc;

	if (span_text(d, from, to, &text) < 0)
		return ST_ERROR;
	rc = rat_add(&d->rat, level, name, nlen, text);
	free(text);
	take(d, from, to);
	return rc;
}

/* Shallowest heading level inside (from, to), 0 when there is none. */
static int sub_level(const struct doc *d, size_t from, size_t to)
{
	int lvl = 0;

	for (size_t i = from; i < to; i++)
		if (d->hl[i] && (!lvl || d->hl[i] < lvl))
			lvl = d->hl[i];
	return lvl;
}

/* End of the subsection whose heading is at `head` (level lvl). */
static size_t sub_end(const struct doc *d, size_t head, size_t to, int lvl)
{
	size_t i;

	for (i = head + 1; i < to; i++)
		if (d->hl[i] && d->hl[i] <= lvl)
			break;
	return i;
}

/* ---- metadata, status and links ------------------------------------- */

/* One list item, trimmed, on one line (the store keeps lists as lines). */
static int push_item(struct strv *sv, const char *s, size_t n)
{
	char *item;
	int rc;

	trim_span(&s, &n);
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
		if (push_item(sv, s + start, i - start) < 0)
			return ST_ERROR;
		start = i + 1;
	}
	return ST_OK;
}

static int add_link(struct doc *d, bool by, const char *text, size_t tlen,
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
		trim_span(&target, &glen);
		if (glen && !(l->target = str_ndup(target, glen)))
			return ST_ERROR;
	}
	if (l->target)
		name_info(l->target, &l->number, date);
	if (!l->number && text) {
		for (k = 0; k < tlen; k++) {
			if (isdigit((unsigned char)text[k])) {
				l->number = span_number(text + k, tlen - k, NULL);
				break;
			}
		}
	}
	d->r->n_links++;
	return ST_OK;
}

/* A link target outside the folder ("https://...", "mailto:x"). */
static bool external_target(const char *g, size_t gn)
{
	for (size_t i = 0; i < gn; i++) {
		if (g[i] == ':')
			return true;
		if (g[i] == '/' || g[i] == '#' || g[i] == '?')
			break;
	}
	return false;
}

/*
 * A link line of another kind ("Amends [2. X](0002-x.md)"): a link when
 * its target names a record of the folder by number; *added tells.
 */
static int add_other_link(struct doc *d, const char *kind, size_t klen,
			  const char *text, size_t tlen, const char *target,
			  size_t glen, const struct line *l, int line,
			  bool *added)
{
	struct adr_link *k;
	const char *s = l->s;
	size_t n = l->len;

	*added = false;
	if (external_target(target, glen))
		return ST_OK;
	if (add_link(d, false, text, tlen, target, glen, line) < 0)
		return ST_ERROR;
	k = &d->r->links[d->r->n_links - 1];
	if (!k->number) {
		free(k->target);
		d->r->n_links--;
		return ST_OK;
	}
	trim_span(&s, &n);
	if (!(k->relation = str_ndup(kind, klen)) ||
	    !(k->text = str_ndup(s, n)))
		return ST_ERROR;
	*added = true;
	return ST_OK;
}

/* Skip a list marker ("* ", "- ", "+ ", "1. ") and what precedes it. */
static size_t skip_bullet(const char *s, size_t n, bool *bullet)
{
	size_t i = 0, k;

	*bullet = false;
	while (i < n && is_blank_char(s[i]))
		i++;
	if (i + 1 < n && (s[i] == '*' || s[i] == '-' || s[i] == '+') &&
	    is_blank_char(s[i + 1])) {
		*bullet = true;
		i += 2;
	} else if (span_number(s + i, n - i, &k) >= 0 && k > 0 && i + k + 1 < n &&
		   (s[i + k] == '.' || s[i + k] == ')') &&
		   is_blank_char(s[i + k + 1])) {
		*bullet = true;
		i += k + 2;
	}
	while (i < n && is_blank_char(s[i]))
		i++;
	return i;
}

/*
 * "Kind words [text](target)" alone on a line (a list marker allowed).
 * Returns true and the parts when the line is such a link.
 */
static bool link_line(const struct line *l, const char **kind, size_t *klen,
		      const char **text, size_t *tlen, const char **target,
		      size_t *glen)
{
	const char *s = l->s;
	size_t n = l->len, i, j, k;
	bool bullet;

	strip_comment(s, &n);
	i = skip_bullet(s, n, &bullet);
	for (j = i; j < n && s[j] != '['; j++)
		if (!isalpha((unsigned char)s[j]) && s[j] != ' ' &&
		    s[j] != '-' && s[j] != '\'')
			return false;
	if (j >= n || j == i || j - i > 40)
		return false;
	*kind = s + i;
	*klen = j - i;
	trim_span(kind, klen);
	if (!*klen)
		return false;
	for (k = j + 1; k < n && s[k] != ']'; k++)
		;
	if (k + 1 >= n || s[k + 1] != '(')
		return false;
	*text = s + j + 1;
	*tlen = k - j - 1;
	for (j = k + 2; j < n && s[j] != ')'; j++)
		;
	if (j >= n)
		return false;
	*target = s + k + 2;
	*glen = j - k - 2;
	for (j++; j < n; j++)
		if (!isspace((unsigned char)s[j]) && s[j] != '.')
			return false;
	return true;
}

static bool kind_superseded_by(const char *k, size_t n)
{
	return span_ieq(k, n, "superseded by") || span_ieq(k, n, "superceded by");
}

/* A status value: "Accepted", "superseded by [ADR-0005](0005-x.md)". */
static int status_text(struct doc *d, const char *s, size_t n, int line)
{
	char word[32];
	size_t i = 0, k = 0;
	enum adr_status st;

	strip_comment(s, &n);
	trim_span(&s, &n);
	while (i < n && !isalpha((unsigned char)s[i]) && s[i] != '{')
		i++;
	while (i < n && isalpha((unsigned char)s[i]) && k + 1 < sizeof(word))
		word[k++] = s[i++];
	word[k] = '\0';
	d->have_status = true;
	if (strcasecmp(word, "superseded") == 0 ||
	    strcasecmp(word, "superceded") == 0) {
		const char *rest = s + i, *lb, *mid, *end;
		size_t rn = n - i;

		d->r->d.status = ADR_SUPERSEDED;
		lb = memchr(rest, '[', rn);
		mid = lb ? memchr(lb, ']', rn - (size_t)(lb - rest)) : NULL;
		end = mid ? memchr(mid, ')', rn - (size_t)(mid - rest)) : NULL;
		if (lb && mid && end && mid[1] == '(')
			return add_link(d, true, lb + 1, (size_t)(mid - lb - 1),
					mid + 2, (size_t)(end - mid - 2), line);
		for (k = 0; k < rn; k++)
			if (isdigit((unsigned char)rest[k]))
				return add_link(d, true, rest + k, rn - k, NULL,
						0, line);
		return ST_OK;
	}
	if (adr_status_from_id(word, &st) == ST_OK) {
		d->r->d.status = st;
		return ST_OK;
	}
	d->r->d.status = ADR_PROPOSED;
	return adr_warnf(d->msgs, d->path, line,
		     _("unknown status '%.*s', taken as proposed"),
		     (int)(n > 60 ? 60 : n), s);
}

static int set_date(struct doc *d, const char *s, size_t n, int line)
{
	strip_comment(s, &n);
	trim_span(&s, &n);
	if (!n || d->r->d.date)
		return ST_OK;
	if (!(d->r->d.date = str_ndup(s, n)))
		return ST_ERROR;
	if (!adr_valid_date(s, n))
		return adr_warnf(d->msgs, d->path, line,
			     _("date '%.*s' is not YYYY-MM-DD; kept as written"),
			     (int)(n > 40 ? 40 : n), s);
	return ST_OK;
}

static enum meta_key meta_key_of(const char *k, size_t n)
{
	static const char *const names[] = {
		"status", "date", "deciders", "decision-makers", "consulted",
		"informed"
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (span_ieq(k, n, names[i]))
			return (enum meta_key)i;
	if (span_ieq(k, n, "decision makers"))
		return META_MAKERS;
	return META_NONE;
}

static int apply_meta(struct doc *d, enum meta_key key, const char *v,
		      size_t n, int line)
{
	strip_comment(v, &n);
	trim_span(&v, &n);
	switch (key) {
	case META_STATUS:
		if (d->have_status || !n)
			return ST_OK;
		return status_text(d, v, n, line);
	case META_DATE:
		return set_date(d, v, n, line);
	case META_MAKERS:
		d->decision_makers = true;
		/* fall through */
	case META_DECIDERS:
		return set_list(&d->r->d.deciders, v, n);
	case META_CONSULTED:
		return set_list(&d->r->d.consulted, v, n);
	case META_INFORMED:
		return set_list(&d->r->d.informed, v, n);
	case META_NONE:
		break;
	}
	return ST_OK;
}

/* "Date: x", "* Status: y", "**Deciders:** z"; META_NONE for other lines. */
static enum meta_key meta_line(const struct line *l, bool *bullet,
			       const char **val, size_t *vlen)
{
	const char *s = l->s, *k;
	size_t n = l->len, i, j;
	enum meta_key key;

	i = skip_bullet(s, n, bullet);
	if (i + 2 <= n && s[i] == '*' && s[i + 1] == '*')
		i += 2;
	for (j = i; j < n && (isalpha((unsigned char)s[j]) || s[j] == '-' ||
			      s[j] == ' '); j++)
		;
	k = s + i;
	if ((key = meta_key_of(k, j - i)) == META_NONE)
		return META_NONE;
	if (j + 2 <= n && s[j] == '*' && s[j + 1] == '*')
		j += 2;
	if (j >= n || s[j] != ':')
		return META_NONE;
	j++;
	if (j + 2 <= n && s[j] == '*' && s[j + 1] == '*')
		j += 2;
	*val = s + j;
	*vlen = n - j;
	return key;
}

/* ---- front matter (MADR 3 / 4) --------------------------------------- */

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
		    push_item(sv, (const char *)x->data.scalar.value,
			      x->data.scalar.length) < 0)
			return ST_ERROR;
	}
	return ST_OK;
}

/* Front matter in lines [from, to); unknown keys kept as written. */
static int front_matter(struct doc *d, size_t from, size_t to)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	const char *start;
	size_t len;
	struct buf other;
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
	buf_init(&other);
	for (yaml_node_pair_t *pr = root ? root->data.mapping.pairs.start : NULL;
	     rc == ST_OK && pr && pr < root->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
		enum meta_key key = META_NONE;
		int line;

		if (!k || !v)
			continue;
		line = (int)(from + k->start_mark.line) + 1;
		if (k->type == YAML_SCALAR_NODE)
			key = meta_key_of((const char *)k->data.scalar.value,
					  k->data.scalar.length);
		if (key == META_NONE) {
			/* Keep the lines of the pair as they were written. */
			size_t a = from + k->start_mark.line;
			size_t b = from + v->end_mark.line;

			if (v->end_mark.column == 0 && b > a)
				b--;
			for (size_t i = a; i <= b && i < to; i++) {
				if (other.len)
					buf_putc(&other, '\n');
				buf_add(&other, d->ln[i].s, d->ln[i].len);
			}
			continue;
		}
		if (key == META_MAKERS)
			d->decision_makers = true;
		if (key == META_DECIDERS || key == META_MAKERS)
			rc = fm_list(&d->r->d.deciders, &doc, v);
		else if (key == META_CONSULTED)
			rc = fm_list(&d->r->d.consulted, &doc, v);
		else if (key == META_INFORMED)
			rc = fm_list(&d->r->d.informed, &doc, v);
		else if (v->type == YAML_SCALAR_NODE)
			rc = apply_meta(d, key, (const char *)v->data.scalar.value,
					v->data.scalar.length, line);
		else
			rc = adr_warnf(d->msgs, d->path, line,
				   _("front matter: '%s' should be one value; ignored"),
				   key == META_STATUS ? "status" : "date");
	}
	yaml_document_delete(&doc);
	if (rc == ST_OK && other.len)
		rc = rat_add(&d->rat, 2, "Metadata", 8, buf_str(&other));
	if (other.oom)
		rc = ST_ERROR;
	buf_free(&other);
	return rc;
}

/* ---- sections -------------------------------------------------------- */

static enum ckind ckind_of(const char *s, size_t n)
{
	if (span_icontains(s, n, "positive") || span_istarts(s, n, "good"))
		return CK_POS;
	if (span_icontains(s, n, "negative") || span_istarts(s, n, "bad"))
		return CK_NEG;
	if (span_icontains(s, n, "risk"))
		return CK_RISK;
	if (span_icontains(s, n, "consequence"))
		return CK_ANY;
	return CK_NONE;
}

struct item {
	size_t from, to;
	bool bullet;
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
 * continuation lines) and paragraphs.  The store keeps a list item on one
 * line, so the lines of an item are joined with a space, which is what a
 * soft line break means in Markdown anyway.
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

		if (d->taken[i] || line_comment(l))
			continue;
		if (line_blank(l)) {
			after_blank = true;
			continue;
		}
		while (indent < l->len && is_blank_char(l->s[indent]))
			indent++;
		at = skip_bullet(l->s, l->len, &bullet);
		s = l->s + (bullet ? at : indent);
		len = l->len - (size_t)(s - l->s);
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		/* Lazy continuation, or an indented paragraph of a bullet. */
		if (cur && !bullet &&
		    (!after_blank || (cur->bullet && indent > 0))) {
			buf_putc(&cur->text, ' ');
			buf_add(&cur->text, s, len);
			cur->to = i + 1;
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
		cur->from = i;
		cur->to = i + 1;
		cur->bullet = bullet;
		buf_init(&cur->text);
		buf_add(&cur->text, s, len);
		after_blank = false;
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

/* Every list item and paragraph of [from, to) as one item of sv. */
static int items_into(struct doc *d, size_t from, size_t to, struct strv *sv)
{
	struct item *it;
	size_t n;
	int rc = ST_OK;

	if (collect_items(d, from, to, &it, &n) < 0)
		return ST_ERROR;
	for (size_t i = 0; i < n && rc == ST_OK; i++)
		if (it[i].text.len)
			rc = strv_push(sv, buf_str(&it[i].text));
	take(d, from, to);
	items_free(it, n);
	return rc;
}

/* "Good, because x" / "Bad, because y" bullets; *found when there are. */
static int good_bad(struct doc *d, size_t from, size_t to, bool *found)
{
	struct item *it;
	size_t n;
	int rc = ST_OK;

	*found = false;
	if (collect_items(d, from, to, &it, &n) < 0)
		return ST_ERROR;
	for (size_t i = 0; i < n; i++) {
		const char *s = buf_str(&it[i].text);

		if (it[i].bullet && (span_istarts(s, strlen(s), "good, because") ||
				     span_istarts(s, strlen(s), "bad, because")))
			*found = true;
	}
	for (size_t i = 0; *found && i < n && rc == ST_OK; i++) {
		const char *s = buf_str(&it[i].text);
		struct strv *sv;
		size_t skip;

		if (!it[i].bullet)
			continue;
		if (span_istarts(s, strlen(s), "good, because")) {
			sv = &d->r->d.positive;
			skip = 13;
		} else if (span_istarts(s, strlen(s), "bad, because")) {
			sv = &d->r->d.negative;
			skip = 12;
		} else {
			continue;
		}
		s += skip;
		while (*s == ' ' || *s == '\t')
			s++;
		rc = strv_push(sv, s);
		take(d, it[i].from, it[i].to);
	}
	items_free(it, n);
	return rc;
}

/* Consequences with no Positive/Negative/Risks subsections. */
static int consequences_plain(struct doc *d, size_t head, size_t from,
			      size_t to)
{
	const char *name;
	size_t nlen;
	int lvl = heading_of(&d->ln[head], &name, &nlen);
	bool found;

	if (good_bad(d, from, to, &found) < 0)
		return ST_ERROR;
	if (found)
		return keep_rest(d, from, to, lvl, name, nlen);
	return items_into(d, from, to, &d->r->d.positive);
}

static struct strv *ckind_list(struct doc *d, enum ckind k)
{
	return k == CK_POS ? &d->r->d.positive :
	       k == CK_NEG ? &d->r->d.negative : &d->r->d.risks;
}

/* A Consequences section (head = its heading line). */
static int sect_consequences(struct doc *d, size_t head, size_t to)
{
	int lvl = sub_level(d, head + 1, to);
	bool structured = false;
	const char *name;
	size_t nlen;
	int hlvl = heading_of(&d->ln[head], &name, &nlen);

	for (size_t i = head + 1; lvl && i < to; i++) {
		const char *t;
		size_t tn;
		enum ckind k;
		size_t end;

		if (d->hl[i] != lvl)
			continue;
		heading_of(&d->ln[i], &t, &tn);
		k = ckind_of(t, tn);
		if (k != CK_POS && k != CK_NEG && k != CK_RISK)
			continue;
		structured = true;
		end = sub_end(d, i, to, lvl);
		d->taken[i] = true;
		if (items_into(d, i + 1, end, ckind_list(d, k)) < 0)
			return ST_ERROR;
	}
	if (structured)
		return keep_rest(d, head + 1, to, hlvl, name, nlen);
	return consequences_plain(d, head, head + 1, to);
}

/* Decision / Decision Outcome: consequence subsections are taken out. */
static int sect_decision(struct doc *d, size_t head, size_t to)
{
	int lvl = sub_level(d, head + 1, to);

	for (size_t i = head + 1; lvl && i < to; i++) {
		const char *t;
		size_t tn, end;
		enum ckind k;

		if (d->hl[i] != lvl)
			continue;
		heading_of(&d->ln[i], &t, &tn);
		k = ckind_of(t, tn);
		if (k == CK_NONE)
			continue;
		end = sub_end(d, i, to, lvl);
		d->taken[i] = true;
		if (k == CK_ANY) {
			if (consequences_plain(d, i, i + 1, end) < 0)
				return ST_ERROR;
		} else if (items_into(d, i + 1, end, ckind_list(d, k)) < 0) {
			return ST_ERROR;
		}
	}
	if (span_text(d, head + 1, to, &d->r->d.decision) < 0)
		return ST_ERROR;
	take(d, head + 1, to);
	return ST_OK;
}

/* Does the text start with a status word ("Accepted", "Deprecated ...")? */
static bool status_word(const char *s, size_t n)
{
	char word[32];
	size_t k = 0;
	enum adr_status st;

	while (k < n && k + 1 < sizeof(word) && isalpha((unsigned char)s[k])) {
		word[k] = s[k];
		k++;
	}
	word[k] = '\0';
	return adr_status_from_id(word, &st) == ST_OK;
}

/*
 * Status section, and a Links section: the status word, supersede links
 * and links to other records (Amends, Clarifies, ...) taken out; other
 * lines (prose, links elsewhere) kept under a heading.
 */
static int sect_status(struct doc *d, size_t head, size_t to, bool status)
{
	bool only_links = true;
	const char *name;
	size_t nlen;

	for (size_t i = head + 1; i < to; i++) {
		const char *k, *t, *g;
		size_t kn, tn, gn;
		const struct line *l = &d->ln[i];

		if (line_ignorable(l))
			continue;
		if (link_line(l, &k, &kn, &t, &tn, &g, &gn)) {
			bool by = kind_superseded_by(k, kn);

			if (by || span_ieq(k, kn, "supersedes")) {
				if (add_link(d, by, t, tn, g, gn, (int)i + 1) < 0)
					return ST_ERROR;
				d->taken[i] = true;
			} else if (status_word(k, kn)) {
				/* "Accepted [by the board](url)": the status,
				 * and the line is kept for its link. */
				if (status && !d->have_status &&
				    status_text(d, k, kn, (int)i + 1) < 0)
					return ST_ERROR;
			} else {
				bool added;

				if (add_other_link(d, k, kn, t, tn, g, gn, l,
						   (int)i + 1, &added) < 0)
					return ST_ERROR;
				d->taken[i] = added;
			}
			continue;
		}
		if (status && !d->have_status) {
			if (status_text(d, l->s, l->len, (int)i + 1) < 0)
				return ST_ERROR;
			d->taken[i] = true;
			continue;
		}
		only_links = false;
	}
	if (status && only_links) {
		name = "Links";
		nlen = 5;
	} else {
		heading_of(&d->ln[head], &name, &nlen);
	}
	return keep_rest(d, head + 1, to, 2, name, nlen);
}

/*
 * More Information (MADR): link lines to records are links, as in a
 * Status section ("* Amends [ADR-0002](0002-x.md)", and our own "This
 * decision supersedes [ADR-0001](0001-x.md)."); the rest is kept.
 */
static int sect_more_info(struct doc *d, size_t head, size_t to)
{
	const char *name;
	size_t nlen;
	int lvl = heading_of(&d->ln[head], &name, &nlen);
	char fc = 0;
	size_t fk = 0;

	for (size_t i = head + 1; i < to; i++) {
		const char *k, *t, *g;
		size_t kn, tn, gn, ck = 0;
		const struct line *l = &d->ln[i];
		char c = fence_char(l, &ck);
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
		if (d->hl[i] || !link_line(l, &k, &kn, &t, &tn, &g, &gn) ||
		    status_word(k, kn))
			continue;
		if (span_ieq(k, kn, "supersedes") ||
		    (kn > 11 && span_ieq(k + kn - 11, 11, " supersedes"))) {
			if (external_target(g, gn))
				continue;
			if (add_link(d, false, t, tn, g, gn, (int)i + 1) < 0)
				return ST_ERROR;
			d->taken[i] = true;
			continue;
		}
		if (kind_superseded_by(k, kn))
			continue;
		if (add_other_link(d, k, kn, t, tn, g, gn, l, (int)i + 1,
				   &added) < 0)
			return ST_ERROR;
		d->taken[i] = added;
	}
	return keep_rest(d, head + 1, to, lvl, name, nlen);
}

/* A section whose text fills one field, or the rationale when taken. */
static int sect_field(struct doc *d, size_t head, size_t to, char **field)
{
	const char *name;
	size_t nlen;
	int lvl = heading_of(&d->ln[head], &name, &nlen);

	if (*field)
		return keep_rest(d, head + 1, to, lvl, name, nlen);
	if (span_text(d, head + 1, to, field) < 0)
		return ST_ERROR;
	take(d, head + 1, to);
	return ST_OK;
}

static int section(struct doc *d, size_t head, size_t to)
{
	const char *name;
	size_t n;
	int lvl = heading_of(&d->ln[head], &name, &n);

	d->taken[head] = true;
	if (lvl == 2) {
		if (span_ieq(name, n, "status"))
			return sect_status(d, head, to, true);
		if (span_ieq(name, n, "links"))
			return sect_status(d, head, to, false);
		if (span_istarts(name, n, "context"))
			return sect_field(d, head, to, &d->r->d.context);
		if ((span_ieq(name, n, "decision") ||
		     span_ieq(name, n, "decision outcome")) && !d->r->d.decision)
			return sect_decision(d, head, to);
		if (span_istarts(name, n, "consequences"))
			return sect_consequences(d, head, to);
		if (span_ieq(name, n, "more information"))
			return sect_more_info(d, head, to);
		if (span_ieq(name, n, "alternatives") ||
		    span_ieq(name, n, "alternatives considered") ||
		    span_ieq(name, n, "considered alternatives") ||
		    span_ieq(name, n, "considered options") ||
		    span_ieq(name, n, "options considered"))
			return sect_field(d, head, to, &d->r->d.alternatives);
		if (span_ieq(name, n, "rationale") && !d->rat_own.len) {
			char *text;
			int rc;

			if (span_text(d, head + 1, to, &text) < 0)
				return ST_ERROR;
			rc = rat_add(&d->rat_own, 0, NULL, 0, text);
			free(text);
			take(d, head + 1, to);
			return rc;
		}
	}
	return keep_rest(d, head + 1, to, lvl, name, n);
}

/* ---- one file -------------------------------------------------------- */

static void place_of(const char *text, size_t off, int *line, int *col)
{
	size_t bol = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	}
	*col = (int)(off - bol) + 1;
}

/* Copy without a BOM and with CRLF / CR line ends made LF; split lines. */
static int split_lines(struct doc *d, const char *text, size_t len,
		       char **norm)
{
	char *s;
	size_t n = 0, start = 0, k = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!(s = malloc(len + 1)))
		return ST_ERROR;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\r') {
			if (i + 1 < len && text[i + 1] == '\n')
				continue;
			s[k++] = '\n';
		} else {
			s[k++] = text[i];
		}
	}
	s[k] = '\0';
	*norm = s;
	for (size_t i = 0; i < k; i++)
		n += s[i] == '\n';
	n += k && s[k - 1] != '\n';
	d->ln = calloc(n ? n : 1, sizeof(*d->ln));
	d->hl = calloc(n ? n : 1, 1);
	d->taken = calloc(n ? n : 1, sizeof(*d->taken));
	if (!d->ln || !d->hl || !d->taken)
		return ST_ERROR;
	for (size_t i = 0; i <= k && d->n < n; i++) {
		if (i == k || s[i] == '\n') {
			d->ln[d->n].s = s + start;
			d->ln[d->n].len = i - start;
			d->n++;
			start = i + 1;
		}
	}
	return ST_OK;
}

static bool line_is(const struct line *l, const char *word)
{
	const char *s = l->s;
	size_t n = l->len;

	trim_span(&s, &n);
	return span_ieq(s, n, word);
}

/* Title "# 3. Use X" / "# ADR-0003: Use X" / "# Use X". */
static int title_of(struct doc *d, size_t at)
{
	const char *t, *p;
	size_t n, k, used;
	int num;

	heading_of(&d->ln[at], &t, &n);
	p = t;
	k = n;
	if (span_istarts(p, k, "adr")) {
		p += 3;
		k -= 3;
		if (k && (*p == '-' || *p == ' ' || *p == '_')) {
			p++;
			k--;
		}
	}
	num = span_number(p, k, &used);
	if (used && used < k && (p[used] == '.' || p[used] == ':') &&
	    (used + 1 == k || is_blank_char(p[used + 1]))) {
		d->r->title_number = num;
		t = p + used + 1;
		n = k - used - 1;
		trim_span(&t, &n);
	}
	if (!n)
		return ST_INPUT;
	d->r->d.title = str_ndup(t, n);
	return d->r->d.title ? ST_OK : ST_ERROR;
}

/* The title is shown in lists and headings and on everyone's terminal: a
 * control character in it (an escape sequence, a bell) is refused at its
 * place rather than stored. */
static int title_controls(struct doc *d, size_t at, struct error *e)
{
	const struct line *l = &d->ln[at];
	const char *t;
	size_t n, bad;
	char *copy;
	uint32_t cp;
	int line, col;
	bool ok;

	heading_of(l, &t, &n);
	if (!(copy = str_ndup(t, n)))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	ok = utf8_one_line(copy, &bad);
	free(copy);
	if (ok)
		return ST_OK;
	utf8_decode(t + bad, n - bad, &cp);
	place_of(l->s, (size_t)(t - l->s) + bad, &line, &col);
	return err_setloc(e, ST_INPUT, d->path, (int)at + 1, col,
			  _("control character (U+%04X) in the title"),
			  (unsigned)cp);
}

/* The file's text after the checks on bytes: front matter, title, body. */
static int parse_body(struct doc *d, struct error *e)
{
	size_t body = 0, title = SIZE_MAX, i, first = SIZE_MAX;
	int rc;

	if (d->n && line_is(&d->ln[0], "---")) {
		size_t c;

		for (c = 1; c < d->n; c++)
			if (line_is(&d->ln[c], "---") || line_is(&d->ln[c], "..."))
				break;
		if (c >= d->n)
			return err_setloc(e, ST_INPUT, d->path, 1, 0,
					  _("front matter opened here is never closed by '---'"));
		d->front_matter = true;
		take(d, 0, c + 1);
		if ((rc = front_matter(d, 1, c)) < 0)
			return rc;
		body = c + 1;
	}
	mark_headings(d, body);
	for (i = body; i < d->n; i++) {
		if (first == SIZE_MAX && !line_ignorable(&d->ln[i]))
			first = i;
		if (d->hl[i] == 1) {
			title = i;
			break;
		}
		if (d->hl[i])
			break;
	}
	if (title == SIZE_MAX || (rc = title_of(d, title)) == ST_INPUT)
		return err_setloc(e, ST_INPUT, d->path,
				  (int)(title != SIZE_MAX ? title :
					first != SIZE_MAX ? first : body) + 1, 0,
				  _("no title line ('# Title'); not an ADR"));
	if (rc < 0)
		return rc;
	if ((rc = title_controls(d, title, e)) < 0)
		return rc;
	d->taken[title] = true;

	/* Metadata lines and loose text up to the first section. */
	for (i = body; i < d->n && (i <= title || d->hl[i] == 0 || d->hl[i] > 2);
	     i++) {
		enum meta_key k;
		const char *v;
		size_t vn;
		bool bullet;

		if (d->taken[i])
			continue;
		k = meta_line(&d->ln[i], &bullet, &v, &vn);
		if (k == META_NONE)
			continue;
		d->meta_bullets = d->meta_bullets || bullet;
		if (apply_meta(d, k, v, vn, (int)i + 1) < 0)
			return ST_ERROR;
		d->taken[i] = true;
	}
	if (keep_rest(d, body, i, 0, NULL, 0) < 0)
		return ST_ERROR;

	while (i < d->n) {
		size_t head = i;

		for (i++; i < d->n; i++)
			if (d->hl[i] && d->hl[i] <= 2)
				break;
		if (section(d, head, i) < 0)
			return ST_ERROR;
	}
	return ST_OK;
}

static int finish(struct doc *d)
{
	struct adr_record *r = d->r;
	struct decision *x = &r->d;

	if (!d->have_status) {
		bool by = false;

		for (size_t i = 0; i < r->n_links; i++)
			by = by || r->links[i].superseded_by;
		x->status = by ? ADR_SUPERSEDED : ADR_PROPOSED;
		if (!by && adr_warnf(d->msgs, d->path, 1,
				 _("no status found; taken as proposed")) < 0)
			return ST_ERROR;
	}
	if (!x->date && r->file_date[0] && !(x->date = str_dup(r->file_date)))
		return ST_ERROR;
	if (r->file_number && r->title_number &&
	    r->file_number != r->title_number &&
	    adr_warnf(d->msgs, d->path, 1,
		  _("the title says ADR %d but the file name says %d; using %d"),
		  r->title_number, r->file_number, r->file_number) < 0)
		return ST_ERROR;
	x->number = r->file_number ? r->file_number : r->title_number;

	for (size_t i = 0; i < r->n_links; i++) {
		const struct adr_link *l = &r->links[i];

		if (!l->number)
			continue;
		if (l->relation) {
			if (l->number != x->number &&
			    decision_link_add(x, l->relation, l->number) ==
			    ST_ERROR)
				return ST_ERROR;
			continue;
		}
		if (l->superseded_by) {
			if (!x->superseded_by)
				x->superseded_by = l->number;
		} else {
			int *v = realloc(x->supersedes,
					 (x->n_supersedes + 1) * sizeof(*v));

			if (!v)
				return ST_ERROR;
			x->supersedes = v;
			v[x->n_supersedes++] = l->number;
		}
	}

	if (d->rat_own.len && d->rat.len)
		buf_puts(&d->rat_own, "\n\n");
	buf_add(&d->rat_own, buf_str(&d->rat), d->rat.len);
	if (d->rat_own.oom)
		return ST_ERROR;
	if (d->rat_own.len)
		x->rationale = buf_detach(&d->rat_own);
	x->markdown = true;
	r->format = d->front_matter ?
		(d->decision_makers ? ADR_FORMAT_MADR4 : ADR_FORMAT_MADR3) :
		d->meta_bullets ? ADR_FORMAT_MADR2 : ADR_FORMAT_NYGARD;
	return ST_OK;
}

void adr_record_clear(struct adr_record *r)
{
	if (!r)
		return;
	free(r->path);
	decision_clear(&r->d);
	for (size_t i = 0; i < r->n_links; i++) {
		free(r->links[i].target);
		free(r->links[i].relation);
		free(r->links[i].text);
	}
	free(r->links);
	memset(r, 0, sizeof(*r));
}

int adr_parse(const char *path, const char *text, size_t len,
	      struct adr_record *out, struct adr_msgs *msgs, struct error *e)
{
	struct doc d;
	char *norm = NULL;
	size_t bad, i;
	int rc, line, col;

	memset(&d, 0, sizeof(d));
	memset(out, 0, sizeof(*out));
	if (len > ADR_MAX_FILE)
		return err_setloc(e, ST_INPUT, path, 1, 0,
				  _("file too large for an ADR (%zu bytes)"), len);
	for (i = 0; i < len && isspace((unsigned char)text[i]); i++)
		;
	if (i == len)
		return err_setloc(e, ST_INPUT, path, 1, 0, _("empty file"));
	if ((text && memchr(text, '\0', len))) {
		place_of(text, (size_t)((const char *)memchr(text, '\0', len) - text),
			 &line, &col);
		return err_setloc(e, ST_INPUT, path, line, 0,
				  _("binary file (NUL byte), not an ADR"));
	}
	if (!utf8_valid(text, len, &bad)) {
		place_of(text, bad, &line, &col);
		return err_setloc(e, ST_INPUT, path, line, col,
				  _("invalid UTF-8 (byte 0x%02X)"),
				  (unsigned)(unsigned char)text[bad]);
	}

	d.path = path;
	d.r = out;
	d.msgs = msgs;
	buf_init(&d.rat);
	buf_init(&d.rat_own);
	if (!(out->path = str_dup(path))) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	name_info(path_basename(path), &out->file_number, out->file_date);
	if (split_lines(&d, text, len, &norm) < 0) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	rc = parse_body(&d, e);
	if (rc == ST_OK)
		rc = finish(&d);
	if (rc == ST_ERROR)
		err_set(e, ST_ERROR, "%s", _("out of memory"));
done:
	if (rc < 0)
		adr_record_clear(out);
	buf_free(&d.rat);
	buf_free(&d.rat_own);
	free(d.ln);
	free(d.hl);
	free(d.taken);
	free(norm);
	return rc;
}

#include "config.h"
/*
 * adr_text: the small pieces of reading Markdown ADR files that the
 * parser, the patcher and the folder scan share: lines, headings, fences,
 * list markers, link lines, file names, dates and messages.
 */

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr/adr_import_int.h"
#include "util/i18n.h"

/* ---- messages ------------------------------------------------------- */

void adr_msgs_clear(struct adr_msgs *m)
{
	if (!m)
		return;
	free(m->v);
	m->v = NULL;
	m->n = 0;
	m->cap = 0;
}

int adr_msgs_push(struct adr_msgs *m, const struct error *e)
{
	struct error *v;

	if (!m)
		return ST_OK;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 8;

		v = realloc(m->v, cap * sizeof(*v));
		if (!v)
			return ST_ERROR;
		m->v = v;
		m->cap = cap;
	}
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

/* ---- spans of text -------------------------------------------------- */

bool adr_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

void adr_trim(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

void adr_strip_comment(const char *s, size_t *len)
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

bool adr_ieq(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

bool adr_istarts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncasecmp(s, prefix, k) == 0;
}

bool adr_icontains(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, word, k) == 0)
			return true;
	return false;
}

bool adr_line_blank(const struct line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (!isspace((unsigned char)l->s[i]))
			return false;
	return true;
}

bool adr_line_comment(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->len;

	adr_trim(&s, &n);
	return n >= 7 && memcmp(s, "<!--", 4) == 0 &&
	       memcmp(s + n - 3, "-->", 3) == 0;
}

bool adr_line_ignorable(const struct line *l)
{
	return adr_line_blank(l) || adr_line_comment(l);
}

int adr_number_at(const char *s, size_t n, size_t *used)
{
	size_t i = 0;
	int v = 0;

	while (i < n && i < 9 && isdigit((unsigned char)s[i]))
		v = v * 10 + (s[i++] - '0');
	if (used)
		*used = i;
	return v;
}

/* ---- Markdown structure ---------------------------------------------- */

char adr_fence(const struct line *l, size_t *count)
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

int adr_heading(const struct line *l, const char **text, size_t *tlen)
{
	size_t i = 0, lvl = 0, n;
	const char *t;

	while (i < l->len && i < 3 && l->s[i] == ' ')
		i++;
	while (i < l->len && l->s[i] == '#' && lvl < 7) {
		i++;
		lvl++;
	}
	if (lvl == 0 || lvl > 6 || (i < l->len && !adr_blank_char(l->s[i])))
		return 0;
	t = l->s + i;
	n = l->len - i;
	adr_strip_comment(t, &n);
	adr_trim(&t, &n);
	/* A closing sequence " ##" is not part of the text. */
	if (n && t[n - 1] == '#') {
		size_t k = n;

		while (k && t[k - 1] == '#')
			k--;
		if (k == 0 || adr_blank_char(t[k - 1])) {
			n = k;
			adr_trim(&t, &n);
		}
	}
	if (text)
		*text = t;
	if (tlen)
		*tlen = n;
	return (int)lvl;
}

size_t adr_skip_bullet(const char *s, size_t n, bool *bullet, char *marker)
{
	size_t i = 0, k;

	*bullet = false;
	if (marker)
		*marker = 0;
	while (i < n && adr_blank_char(s[i]))
		i++;
	if (i + 1 < n && (s[i] == '*' || s[i] == '-' || s[i] == '+') &&
	    adr_blank_char(s[i + 1])) {
		*bullet = true;
		if (marker)
			*marker = s[i];
		i += 2;
	} else if (adr_number_at(s + i, n - i, &k) >= 0 && k > 0 &&
		   i + k + 1 < n && (s[i + k] == '.' || s[i + k] == ')') &&
		   adr_blank_char(s[i + k + 1])) {
		*bullet = true;
		if (marker)
			*marker = '.';
		i += k + 2;
	}
	while (i < n && adr_blank_char(s[i]))
		i++;
	return i;
}

bool adr_link_line(const struct line *l, const char **kind, size_t *klen,
		   const char **text, size_t *tlen, const char **target,
		   size_t *glen)
{
	const char *s = l->s;
	size_t n = l->len, i, j, k;
	bool bullet;

	adr_strip_comment(s, &n);
	i = adr_skip_bullet(s, n, &bullet, NULL);
	for (j = i; j < n && s[j] != '['; j++)
		if (!isalpha((unsigned char)s[j]) && s[j] != ' ' &&
		    s[j] != '-' && s[j] != '\'')
			return false;
	if (j >= n || j == i || j - i > 40)
		return false;
	*kind = s + i;
	*klen = j - i;
	adr_trim(kind, klen);
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

bool adr_external(const char *g, size_t gn)
{
	for (size_t i = 0; i < gn; i++) {
		if (g[i] == ':')
			return true;
		if (g[i] == '/' || g[i] == '#' || g[i] == '?')
			break;
	}
	return false;
}

bool adr_kind_superseded_by(const char *k, size_t n)
{
	return adr_ieq(k, n, "superseded by") || adr_ieq(k, n, "superceded by");
}

bool adr_kind_supersedes(const char *k, size_t n)
{
	return adr_ieq(k, n, "supersedes") || adr_ieq(k, n, "supercedes");
}

void adr_link_target(struct buf *out, const char *file)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			buf_putc(out, (char)*p);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hex[*p >> 4]);
			buf_putc(out, hex[*p & 15]);
		}
	}
}

/* ---- file names ------------------------------------------------------ */

void adr_name_info(const char *base, int *number, char date[11])
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
		*number = adr_number_at(s, k, NULL);
}

bool adr_record_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.' || n < 4 || strcasecmp(name + n - 3, ".md") != 0)
		return false;
	/* Indexes and templates are not records (log4brains reserves the
	 * same names, and backlog.md). */
	return strcasecmp(name, "README.md") != 0 &&
	       strcasecmp(name, "index.md") != 0 &&
	       strcasecmp(name, "backlog.md") != 0 && !adr_template_name(name);
}

bool adr_template_name(const char *base)
{
	size_t n = strlen(base);

	if (strcasecmp(base, "template.md") == 0)
		return true;
	/* "adr-template.md", "madr-template.md", "0000-template.md" */
	return n > 12 && strcasecmp(base + n - 12, "-template.md") == 0;
}

bool adr_placeholder_title(const char *t, size_t n)
{
	if (!n)
		return true;
	if ((t[0] == '[' && t[n - 1] == ']') || (t[0] == '{' && t[n - 1] == '}'))
		return true;
	return adr_ieq(t, n, "title") || adr_ieq(t, n, "template") ||
	       adr_istarts(t, n, "{short title") ||
	       adr_istarts(t, n, "[short title") ||
	       adr_istarts(t, n, "NUMBER. TITLE") ||
	       adr_istarts(t, n, "ADR template");
}

/* ---- dates ------------------------------------------------------------ */

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

/* "dd?sep?mm?sep?yyyy" or "yyyy?sep?mm?sep?dd" with one separator. */
static bool date_parts(const char *s, size_t n, char sep, bool year_first,
		       char iso[11])
{
	int a, b, c;
	size_t u1, u2, u3;

	a = adr_number_at(s, n, &u1);
	if (!u1 || u1 >= n || s[u1] != sep)
		return false;
	b = adr_number_at(s + u1 + 1, n - u1 - 1, &u2);
	if (!u2 || u1 + 1 + u2 >= n || s[u1 + 1 + u2] != sep)
		return false;
	c = adr_number_at(s + u1 + u2 + 2, n - u1 - u2 - 2, &u3);
	if (!u3 || u1 + u2 + u3 + 2 != n)
		return false;
	if (year_first ? (u1 != 4 || u2 > 2 || u3 > 2) :
			 (u1 > 2 || u2 > 2 || u3 != 4))
		return false;
	if (year_first)
		snprintf(iso, 11, "%04d-%02d-%02d", a, b, c);
	else
		snprintf(iso, 11, "%04d-%02d-%02d", c, b, a);
	return adr_valid_date(iso, 10);
}

enum adr_date_form adr_date_read(const char *s, size_t n, char iso[11])
{
	iso[0] = '\0';
	adr_trim(&s, &n);
	if (adr_valid_date(s, n)) {
		memcpy(iso, s, 10);
		iso[10] = '\0';
		return ADR_DATE_ISO;
	}
	if (date_parts(s, n, '.', false, iso))
		return ADR_DATE_DOTTED;
	if (date_parts(s, n, '/', false, iso))
		return ADR_DATE_SLASH_DMY;
	if (date_parts(s, n, '/', true, iso))
		return ADR_DATE_SLASH_YMD;
	iso[0] = '\0';
	return ADR_DATE_OTHER;
}

void adr_date_write(struct buf *out, const char *iso, enum adr_date_form f)
{
	if (!iso || !adr_valid_date(iso, strlen(iso)) || f == ADR_DATE_ISO ||
	    f == ADR_DATE_OTHER) {
		buf_puts(out, iso ? iso : "");
		return;
	}
	switch (f) {
	case ADR_DATE_DOTTED:
		buf_printf(out, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
		break;
	case ADR_DATE_SLASH_DMY:
		buf_printf(out, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
		break;
	default:
		buf_printf(out, "%.4s/%.2s/%.2s", iso, iso + 5, iso + 8);
		break;
	}
}

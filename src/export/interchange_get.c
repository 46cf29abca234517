#include "config.h"
/*
 * interchange_get: the interchange reader's node helpers and typed getters
 * (scalars typed as YAML 1.2's core schema does it, where a field wants a
 * type), each failing with the file:line:col of the node at fault.
 */

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "export/interchange.h"
#include "export/interchange_int.h"
#include "util/i18n.h"
#include "util/utf8.h"

int ix_fail(struct rd *r, const node_t *n, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_setloc(r->e, ST_INPUT, r->name,
			  n ? (int)n->start_mark.line + 1 : 0,
			  n ? (int)n->start_mark.column + 1 : 0, "%s", msg);
}

int ix_oom(struct rd *r)
{
	return err_set(r->e, ST_ERROR, "%s", _("out of memory"));
}

node_t *ix_nd(struct rd *r, int i)
{
	return yaml_document_get_node(r->doc, i);
}

const char *ix_sval(const node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* ---- scalar typing --------------------------------------------------- */

/* strtod in the C locale's notation whatever LC_NUMERIC says. */
static double c_strtod(const char *s)
{
	const char *dp = localeconv()->decimal_point;
	char tmp[128];
	size_t n = strlen(s);

	if (!dp || strcmp(dp, ".") == 0 || n >= sizeof(tmp) || !strchr(s, '.'))
		return strtod(s, NULL);
	if (strlen(dp) != 1)
		return strtod(s, NULL);
	memcpy(tmp, s, n + 1);
	for (char *q = tmp; *q; q++)
		if (*q == '.')
			*q = dp[0];
	return strtod(tmp, NULL);
}

/* A decimal number as YAML 1.2 core and JSON write them. */
static bool number_syntax(const char *s)
{
	const char *p = s;
	bool digits = false;

	if (*p == '+' || *p == '-')
		p++;
	while (isdigit((unsigned char)*p)) {
		p++;
		digits = true;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return *p == '\0' && p - s < 100;
}

static bool is_plain(const node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

bool ix_is_null(const node_t *n)
{
	const char *s;

	if (!is_plain(n))
		return false;
	s = ix_sval(n);
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

bool ix_is_number(const node_t *n, double *v)
{
	if (!is_plain(n) || !number_syntax(ix_sval(n)))
		return false;
	*v = c_strtod(ix_sval(n));
	return true;
}

const char *ix_kind_name(const node_t *n)
{
	double v;

	switch (n->type) {
	case YAML_MAPPING_NODE:
		return _("a mapping");
	case YAML_SEQUENCE_NODE:
		return _("a list");
	default:
		break;
	}
	if (ix_is_null(n))
		return _("null");
	if (ix_is_number(n, &v))
		return _("a number");
	return _("text");
}

/* ---- typed getters (n NULL = key absent: nothing is set) -------------- */

int ix_get_text(struct rd *r, const node_t *n, const char *field,
		char **dst)
{
	if (!n)
		return 0;
	if (n->type != YAML_SCALAR_NODE)
		return ix_fail(r, n, _("'%s' must be text, not %s"), field,
			    ix_kind_name(n));
	if (ix_is_null(n))
		return 0;
	if (strlen(ix_sval(n)) != n->data.scalar.length)
		return ix_fail(r, n, _("'%s' contains a NUL character"), field);
	if (str_set(dst, ix_sval(n)) < 0)
		return ix_oom(r);
	return 0;
}

/* A title, a name or an id: shown in lists and headings, so one line
 * with nothing that would steer the terminal. */
int ix_get_line(struct rd *r, const node_t *n, const char *field,
		char **dst)
{
	if (ix_get_text(r, n, field, dst) < 0)
		return -1;
	if (n && *dst && !utf8_one_line(*dst, NULL))
		return ix_fail(r, n, _("'%s' must be one line without control "
				    "characters"), field);
	return 0;
}

/* A required identifier: non-empty text. */
int ix_get_id(struct rd *r, const node_t *entry, const node_t *n,
	      const char *field, char **dst)
{
	if (!n || ix_is_null(n))
		return ix_fail(r, n ? n : entry, _("'%s' is missing"), field);
	if (ix_get_line(r, n, field, dst) < 0)
		return -1;
	if (!**dst)
		return ix_fail(r, n, _("'%s' must not be empty"), field);
	return 0;
}

int ix_get_number(struct rd *r, const node_t *n, const char *field,
		  double *out)
{
	double v;

	if (!ix_is_number(n, &v))
		return ix_fail(r, n, _("'%s' must be a number, not %s"), field,
			    ix_kind_name(n));
	if (!isfinite(v))
		return ix_fail(r, n, _("'%s' is out of range"), field);
	*out = v;
	return 0;
}

int ix_get_int(struct rd *r, const node_t *n, const char *field,
	       int lo, int hi, int *out)
{
	double v;

	if (ix_get_number(r, n, field, &v) < 0)
		return -1;
	if (v != floor(v) || v < lo || v > hi) {
		if (hi == 1000000000)
			return ix_fail(r, n, _("'%s' must be a whole number of at least %d"),
				    field, lo);
		return ix_fail(r, n, _("'%s' must be a whole number from %d to %d"),
			    field, lo, hi);
	}
	*out = (int)v;
	return 0;
}

int ix_get_bool(struct rd *r, const node_t *n, const char *field,
		bool *out)
{
	static const char *const t[] = { "true", "yes", "on" };
	static const char *const f[] = { "false", "no", "off" };

	if (is_plain(n)) {
		for (size_t i = 0; i < 3; i++) {
			if (strcasecmp(ix_sval(n), t[i]) == 0) {
				*out = true;
				return 0;
			}
			if (strcasecmp(ix_sval(n), f[i]) == 0) {
				*out = false;
				return 0;
			}
		}
	}
	return ix_fail(r, n, _("'%s' must be true or false"), field);
}

int ix_get_strv(struct rd *r, const node_t *n, const char *field,
		struct strv *sv)
{
	if (!n || ix_is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return ix_fail(r, n, _("'%s' must be a list, not %s"), field,
			    ix_kind_name(n));
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it);
		char *s = NULL;

		if (x->type != YAML_SCALAR_NODE || ix_is_null(x))
			return ix_fail(r, x, _("items of '%s' must be text, not %s"),
				    field, ix_kind_name(x));
		if (ix_get_text(r, x, field, &s) < 0)
			return -1;
		if (strv_push(sv, s) < 0) {
			free(s);
			return ix_oom(r);
		}
		free(s);
	}
	return 0;
}

int ix_expect_seq(struct rd *r, const node_t *n, const char *field)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return ix_fail(r, n, _("'%s' must be a list, not %s"), field,
			    ix_kind_name(n));
	if (N_ITEMS(n) > MAX_ENTRIES)
		return ix_fail(r, n, _("too many %s (%zu; at most %d)"), field,
			    N_ITEMS(n), MAX_ENTRIES);
	return 0;
}

/*
 * Check that n is a mapping whose keys are all in keys[] (NULL-terminated),
 * each at most once; vals[i] gets the value node of keys[i] or NULL.
 */
int ix_fields(struct rd *r, const node_t *n, const char *what,
	      const char *const *keys, node_t **vals)
{
	size_t nk = 0;

	while (keys[nk])
		vals[nk++] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return ix_fail(r, n, _("%s must be a mapping, not %s"), what,
			    ix_kind_name(n));
	FOR_PAIRS(p, n) {
		node_t *k = ix_nd(r, p->key);
		size_t i;

		if (k->type != YAML_SCALAR_NODE)
			return ix_fail(r, k, _("keys of %s must be text"), what);
		for (i = 0; i < nk; i++)
			if (strcmp(keys[i], ix_sval(k)) == 0)
				break;
		if (i == nk)
			return ix_fail(r, k, _("unknown key '%s' in %s"), ix_sval(k),
				    what);
		if (vals[i])
			return ix_fail(r, k, _("duplicate key '%s' in %s"),
				    ix_sval(k), what);
		vals[i] = ix_nd(r, p->value);
	}
	return 0;
}

/* A mapping with free keys (answers, scores): text keys, no duplicates. */
int ix_free_keys(struct rd *r, const node_t *n, const char *what)
{
	if (n->type != YAML_MAPPING_NODE)
		return ix_fail(r, n, _("'%s' must be a mapping, not %s"), what,
			    ix_kind_name(n));
	if ((size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start) >
	    MAX_ENTRIES)
		return ix_fail(r, n, _("too many entries in '%s' (at most %d)"),
			    what, MAX_ENTRIES);
	FOR_PAIRS(p, n) {
		node_t *k = ix_nd(r, p->key);

		if (k->type != YAML_SCALAR_NODE || ix_is_null(k))
			return ix_fail(r, k, _("keys of '%s' must be text"), what);
		if (strlen(ix_sval(k)) != k->data.scalar.length)
			return ix_fail(r, k, _("'%s' contains a NUL character"),
				    what);
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p;
		     q++)
			if (strcmp(ix_sval(ix_nd(r, q->key)), ix_sval(k)) == 0)
				return ix_fail(r, k, _("duplicate key '%s' in '%s'"),
					    ix_sval(k), what);
	}
	return 0;
}

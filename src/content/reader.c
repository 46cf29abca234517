/*
 * content/reader: walking a libyaml document with typed getters.  Every
 * getter reports a problem at the node's place (libyaml counts lines and
 * columns from 0; we show them from 1) and loading goes on.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/str.h"

static const char *const coll_names[COLL_COUNT] = {
	"section", "question", "criterion", "category", "technology",
	"pattern", "rule", "anti-pattern", "metric", "template"
};

const char *coll_what(enum coll c)
{
	return (unsigned)c < COLL_COUNT ? coll_names[c] : "entry";
}

static void ld_verror(struct loader *ld, enum status code, const char *file,
		      int line, int col, const char *fmt, va_list ap)
{
	struct error e;

	err_setv(&e, code, fmt, ap);
	snprintf(e.file, sizeof(e.file), "%s", file ? file : "");
	e.line = line;
	e.col = col;
	if (diag_add(ld->diags, &e) < 0)
		ld->oom = true;
}

void ld_error(struct loader *ld, const char *file, int line, int col,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ld_verror(ld, ST_INPUT, file, line, col, fmt, ap);
	va_end(ap);
}

void rd_error(struct rd *r, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	int line = n ? (int)n->start_mark.line + 1 : 0;
	int col = n ? (int)n->start_mark.column + 1 : 0;

	va_start(ap, fmt);
	ld_verror(r->ld, ST_INPUT, r->file, line, col, fmt, ap);
	va_end(ap);
}

void rd_oom(struct rd *r)
{
	r->ld->oom = true;
}

void rd_what(struct rd *r, yaml_node_t *m, const char *what, char *buf,
	     size_t size)
{
	snprintf(buf, size, "%s", what);
	if (!m || m->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = rd_node(r, p->key);
		yaml_node_t *v = rd_node(r, p->value);

		if (k && v && k->type == YAML_SCALAR_NODE &&
		    v->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "id") == 0 &&
		    v->data.scalar.length > 0 && v->data.scalar.length < 64) {
			snprintf(buf, size, "%s '%s'", what,
				 (const char *)v->data.scalar.value);
			return;
		}
	}
}

void rd_broken(struct rd *r, enum coll c, const char *id)
{
	if (id && strv_push(&r->ld->broken[c], id) < 0)
		rd_oom(r);
}

int rd_origin(struct rd *r, const yaml_node_t *n, struct origin *o)
{
	o->file = str_dup(r->file);
	o->line = (int)n->start_mark.line + 1;
	o->col = (int)n->start_mark.column + 1;
	if (!o->file) {
		rd_oom(r);
		return -1;
	}
	return 0;
}

yaml_node_t *rd_node(struct rd *r, int index)
{
	return yaml_document_get_node(r->doc, index);
}

const char *rd_type(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return _("a string");
	case YAML_SEQUENCE_NODE:
		return _("a list");
	case YAML_MAPPING_NODE:
		return _("a mapping");
	case YAML_NO_NODE:
		break;
	}
	return _("nothing");
}

/* A plain empty scalar, "~" or "null" is YAML's null: treat as absent. */
bool rd_is_null(const yaml_node_t *n)
{
	const char *s;

	if (!n)
		return true;
	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)n->data.scalar.value;
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

int rd_map(struct rd *r, yaml_node_t *m, const char *what,
	   const struct key *keys, size_t n, yaml_node_t **vals)
{
	yaml_node_pair_t *p;
	int rc = 0;

	for (size_t i = 0; i < n; i++)
		vals[i] = NULL;
	if (!m || m->type != YAML_MAPPING_NODE) {
		if (m)
			rd_error(r, m, _("expected a mapping for %s, found %s"),
				 what, rd_type(m));
		return -1;
	}
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *kn = rd_node(r, p->key);
		yaml_node_t *vn = rd_node(r, p->value);
		const char *name;
		size_t i;

		if (!kn || !vn)
			continue;
		if (kn->type != YAML_SCALAR_NODE) {
			rd_error(r, kn, _("a key in %s must be a string, not %s"),
				 what, rd_type(kn));
			rc = -1;
			continue;
		}
		name = (const char *)kn->data.scalar.value;
		for (i = 0; i < n; i++)
			if (strcmp(name, keys[i].name) == 0)
				break;
		if (i == n) {
			rd_error(r, kn, _("unknown key '%s' in %s"), name, what);
			continue;
		}
		if (vals[i]) {
			rd_error(r, kn, _("duplicate key '%s' in %s"), name,
				 what);
			continue;
		}
		vals[i] = vn;
	}
	for (size_t i = 0; i < n; i++) {
		if (!keys[i].required)
			continue;
		if (!vals[i]) {
			rd_error(r, m, _("%s is missing required key '%s'"),
				 what, keys[i].name);
			rc = -1;
		} else if (rd_is_null(vals[i])) {
			rd_error(r, vals[i], _("key '%s' of %s needs a value"),
				 keys[i].name, what);
			vals[i] = NULL;
			rc = -1;
		}
	}
	return rc;
}

int rd_str(struct rd *r, yaml_node_t *n, const char *key, char **out)
{
	char *s;

	if (!n || rd_is_null(n))
		return 0;
	if (n->type != YAML_SCALAR_NODE) {
		rd_error(r, n, _("'%s' must be a string, not %s"), key,
			 rd_type(n));
		return -1;
	}
	s = str_dup((const char *)n->data.scalar.value);
	if (!s) {
		rd_oom(r);
		return -1;
	}
	free(*out);
	*out = s;
	return 0;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

int rd_id(struct rd *r, yaml_node_t *n, const char *key, char **out)
{
	const char *s;

	if (!n || rd_is_null(n))
		return 0;
	if (n->type != YAML_SCALAR_NODE) {
		rd_error(r, n, _("'%s' must be an identifier, not %s"), key,
			 rd_type(n));
		return -1;
	}
	s = (const char *)n->data.scalar.value;
	for (const char *p = s; *p; p++) {
		if (!id_char(*p)) {
			rd_error(r, n, _("'%s' is not a valid identifier "
					 "(letters, digits, '_', '-', '.')"),
				 s);
			return -1;
		}
	}
	if (!*s) {
		rd_error(r, n, _("'%s' must not be empty"), key);
		return -1;
	}
	return rd_str(r, n, key, out);
}

bool content_parse_number(const char *s, double *out)
{
	double mant = 0, scale = 1;
	int exp = 0, esign = 1, digits = 0;
	bool neg = false;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		mant = mant * 10 + (*s - '0');
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			mant = mant * 10 + (*s - '0');
			scale *= 10;
		}
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			esign = *s++ == '-' ? -1 : 1;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		for (; *s >= '0' && *s <= '9'; s++)
			if (exp < 400)
				exp = exp * 10 + (*s - '0');
	}
	if (*s)
		return false;
	/* Dividing two exact integers rounds once, so "0.1" is exact as
	 * strtod would give it. */
	mant /= scale;
	if (exp)
		mant *= pow(10, esign * exp);
	if (!isfinite(mant))
		return false;
	*out = neg ? -mant : mant;
	return true;
}

int rd_num(struct rd *r, yaml_node_t *n, const char *key, double *out)
{
	if (!n || rd_is_null(n))
		return 0;
	if (n->type != YAML_SCALAR_NODE ||
	    !content_parse_number((const char *)n->data.scalar.value, out)) {
		if (n->type == YAML_SCALAR_NODE)
			rd_error(r, n, _("'%s' must be a number, not '%s'"),
				 key, (const char *)n->data.scalar.value);
		else
			rd_error(r, n, _("'%s' must be a number, not %s"),
				 key, rd_type(n));
		return -1;
	}
	return 0;
}

int rd_int(struct rd *r, yaml_node_t *n, const char *key, int lo, int hi,
	   int *out)
{
	double v = 0;

	if (!n || rd_is_null(n))
		return 0;
	if (rd_num(r, n, key, &v) < 0)
		return -1;
	if (v != floor(v) || v < lo || v > hi) {
		rd_error(r, n, _("'%s' must be a whole number from %d to %d"),
			 key, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int rd_bool(struct rd *r, yaml_node_t *n, const char *key, bool *out)
{
	const char *s;

	if (!n || rd_is_null(n))
		return 0;
	s = n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
					: NULL;
	if (s && strcmp(s, "true") == 0) {
		*out = true;
		return 0;
	}
	if (s && strcmp(s, "false") == 0) {
		*out = false;
		return 0;
	}
	rd_error(r, n, _("'%s' must be true or false"), key);
	return -1;
}

yaml_node_item_t *rd_seq(struct rd *r, yaml_node_t *n, const char *key,
			 size_t *count)
{
	*count = 0;
	if (!n || rd_is_null(n))
		return NULL;
	if (n->type != YAML_SEQUENCE_NODE) {
		rd_error(r, n, _("'%s' must be a list, not %s"), key,
			 rd_type(n));
		return NULL;
	}
	*count = (size_t)(n->data.sequence.items.top -
			  n->data.sequence.items.start);
	return n->data.sequence.items.start;
}

void rd_each(struct rd *r, yaml_node_t *n, const char *key, rd_item_fn fn)
{
	size_t count;
	yaml_node_item_t *it = rd_seq(r, n, key, &count);

	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (e)
			fn(r, e);
	}
}

int rd_strv(struct rd *r, yaml_node_t *n, const char *key, struct strv *out)
{
	yaml_node_item_t *it;
	size_t count;
	int rc = 0;

	if (!n || rd_is_null(n))
		return 0;
	it = rd_seq(r, n, key, &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e)
			continue;
		if (e->type != YAML_SCALAR_NODE || rd_is_null(e)) {
			rd_error(r, e, _("items of '%s' must be strings, not %s"),
				 key, rd_is_null(e) ? _("nothing") : rd_type(e));
			rc = -1;
			continue;
		}
		if (strv_push(out, (const char *)e->data.scalar.value) < 0) {
			rd_oom(r);
			return -1;
		}
	}
	return rc;
}

int rd_idv(struct rd *r, yaml_node_t *n, const char *key, enum coll c,
	   const char *context, struct strv *out)
{
	yaml_node_item_t *it;
	size_t count;
	int rc = 0;

	if (!n || rd_is_null(n))
		return 0;
	it = rd_seq(r, n, key, &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);
		char *id = NULL;

		if (!e)
			continue;
		if (rd_is_null(e)) {
			rd_error(r, e, _("items of '%s' must be identifiers"),
				 key);
			rc = -1;
			continue;
		}
		if (rd_id(r, e, key, &id) < 0 || !id) {
			rc = -1;
			continue;
		}
		if (strv_contains(out, id)) {
			rd_error(r, e, _("'%s' is listed twice in '%s'"), id,
				 key);
			free(id);
			rc = -1;
			continue;
		}
		if (strv_push(out, id) < 0) {
			free(id);
			rd_oom(r);
			return -1;
		}
		rd_ref(r, REF_ID, c, COND_EQ, id, NULL, context, e);
		free(id);
	}
	return rc;
}

void rd_ref(struct rd *r, enum ref_kind kind, enum coll target,
	    enum cond_op op, const char *id, const char *question,
	    const char *context, const yaml_node_t *at)
{
	struct loader *ld = r->ld;
	struct ref *v, *ref;

	if (ld->oom)
		return;
	v = realloc(ld->refs, (ld->n_refs + 1) * sizeof(*v));
	if (!v) {
		rd_oom(r);
		return;
	}
	ld->refs = v;
	ref = &v[ld->n_refs];
	memset(ref, 0, sizeof(*ref));
	ref->kind = kind;
	ref->target = target;
	ref->op = op;
	ref->id = str_dup(id);
	ref->question = str_dup(question);
	ref->context = str_dup(context);
	if ((id && !ref->id) || (question && !ref->question) ||
	    (context && !ref->context) || rd_origin(r, at, &ref->at) < 0) {
		free(ref->id);
		free(ref->question);
		free(ref->context);
		free(ref->at.file);
		rd_oom(r);
		return;
	}
	ld->n_refs++;
}

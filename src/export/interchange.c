#include "config.h"
/*
 * interchange: reading a whole workshop from one YAML document (JSON is read
 * through the same parser, JSON's syntax being YAML's flow style).  The text
 * is parsed with libyaml's document API and walked node by node; every value
 * is checked (types, ranges, ids, cross references) and the first problem is
 * reported with the file:line:col of the node at fault.  Nothing is returned
 * on error.  The writers live in interchange_write.c.
 *
 * Scalars are typed the way YAML 1.2's core schema does it, but only where a
 * field wants a type: a plain `35` is a number, `null`, `~` and an empty
 * plain scalar are "missing", anything quoted is text.  Text fields accept a
 * plain number as its literal text, so `name: 2024` is the name "2024".
 */

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <yaml.h>

#include "export/interchange.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/yaml_depth.h"

#define INTERCHANGE_VERSION 1
#define SAATY_MIN (1.0 / 9.0)
#define SAATY_MAX 9.0
/* Far beyond any workshop (the demo has a dozen of each); keeps the checks
 * for duplicates, which compare every pair, quick. */
#define MAX_ENTRIES 10000

struct rd {
	const char *name;
	yaml_document_t *doc;
	struct error *e;
	struct workshop_data *d;
};

typedef yaml_node_t node_t;

static int fail(struct rd *r, const node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct rd *r, const node_t *n, const char *fmt, ...)
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

static int oom(struct rd *r)
{
	return err_set(r->e, ST_ERROR, "%s", _("out of memory"));
}

static node_t *nd(struct rd *r, int i)
{
	return yaml_document_get_node(r->doc, i);
}

static const char *sval(const node_t *n)
{
	return (const char *)n->data.scalar.value;
}

#define FOR_PAIRS(p, n) \
	for (yaml_node_pair_t *p = (n)->data.mapping.pairs.start; \
	     p < (n)->data.mapping.pairs.top; p++)
#define FOR_ITEMS(it, n) \
	for (yaml_node_item_t *it = (n)->data.sequence.items.start; \
	     it < (n)->data.sequence.items.top; it++)
#define N_ITEMS(n) \
	((size_t)((n)->data.sequence.items.top - (n)->data.sequence.items.start))

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

static bool is_null(const node_t *n)
{
	const char *s;

	if (!is_plain(n))
		return false;
	s = sval(n);
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static bool is_number(const node_t *n, double *v)
{
	if (!is_plain(n) || !number_syntax(sval(n)))
		return false;
	*v = c_strtod(sval(n));
	return true;
}

static const char *kind_name(const node_t *n)
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
	if (is_null(n))
		return _("null");
	if (is_number(n, &v))
		return _("a number");
	return _("text");
}

/* ---- typed getters (n NULL = key absent: nothing is set) -------------- */

static int get_text(struct rd *r, const node_t *n, const char *field,
		    char **dst)
{
	if (!n)
		return 0;
	if (n->type != YAML_SCALAR_NODE)
		return fail(r, n, _("'%s' must be text, not %s"), field,
			    kind_name(n));
	if (is_null(n))
		return 0;
	if (strlen(sval(n)) != n->data.scalar.length)
		return fail(r, n, _("'%s' contains a NUL character"), field);
	if (str_set(dst, sval(n)) < 0)
		return oom(r);
	return 0;
}

/* A title, a name or an id: shown in lists and headings, so one line
 * with nothing that would steer the terminal. */
static int get_line(struct rd *r, const node_t *n, const char *field,
		    char **dst)
{
	if (get_text(r, n, field, dst) < 0)
		return -1;
	if (n && *dst && !utf8_one_line(*dst, NULL))
		return fail(r, n, _("'%s' must be one line without control "
				    "characters"), field);
	return 0;
}

/* A required identifier: non-empty text. */
static int get_id(struct rd *r, const node_t *entry, const node_t *n,
		  const char *field, char **dst)
{
	if (!n || is_null(n))
		return fail(r, n ? n : entry, _("'%s' is missing"), field);
	if (get_line(r, n, field, dst) < 0)
		return -1;
	if (!**dst)
		return fail(r, n, _("'%s' must not be empty"), field);
	return 0;
}

static int get_number(struct rd *r, const node_t *n, const char *field,
		      double *out)
{
	double v;

	if (!is_number(n, &v))
		return fail(r, n, _("'%s' must be a number, not %s"), field,
			    kind_name(n));
	if (!isfinite(v))
		return fail(r, n, _("'%s' is out of range"), field);
	*out = v;
	return 0;
}

static int get_int(struct rd *r, const node_t *n, const char *field,
		   int lo, int hi, int *out)
{
	double v;

	if (get_number(r, n, field, &v) < 0)
		return -1;
	if (v != floor(v) || v < lo || v > hi) {
		if (hi == 1000000000)
			return fail(r, n, _("'%s' must be a whole number of at least %d"),
				    field, lo);
		return fail(r, n, _("'%s' must be a whole number from %d to %d"),
			    field, lo, hi);
	}
	*out = (int)v;
	return 0;
}

static int get_bool(struct rd *r, const node_t *n, const char *field,
		    bool *out)
{
	static const char *const t[] = { "true", "yes", "on" };
	static const char *const f[] = { "false", "no", "off" };

	if (is_plain(n)) {
		for (size_t i = 0; i < 3; i++) {
			if (strcasecmp(sval(n), t[i]) == 0) {
				*out = true;
				return 0;
			}
			if (strcasecmp(sval(n), f[i]) == 0) {
				*out = false;
				return 0;
			}
		}
	}
	return fail(r, n, _("'%s' must be true or false"), field);
}

static int get_strv(struct rd *r, const node_t *n, const char *field,
		    struct strv *sv)
{
	if (!n || is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(r, n, _("'%s' must be a list, not %s"), field,
			    kind_name(n));
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it);
		char *s = NULL;

		if (x->type != YAML_SCALAR_NODE || is_null(x))
			return fail(r, x, _("items of '%s' must be text, not %s"),
				    field, kind_name(x));
		if (get_text(r, x, field, &s) < 0)
			return -1;
		if (strv_push(sv, s) < 0) {
			free(s);
			return oom(r);
		}
		free(s);
	}
	return 0;
}

static int expect_seq(struct rd *r, const node_t *n, const char *field)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(r, n, _("'%s' must be a list, not %s"), field,
			    kind_name(n));
	if (N_ITEMS(n) > MAX_ENTRIES)
		return fail(r, n, _("too many %s (%zu; at most %d)"), field,
			    N_ITEMS(n), MAX_ENTRIES);
	return 0;
}

/*
 * Check that n is a mapping whose keys are all in keys[] (NULL-terminated),
 * each at most once; vals[i] gets the value node of keys[i] or NULL.
 */
static int fields(struct rd *r, const node_t *n, const char *what,
		  const char *const *keys, node_t **vals)
{
	size_t nk = 0;

	while (keys[nk])
		vals[nk++] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return fail(r, n, _("%s must be a mapping, not %s"), what,
			    kind_name(n));
	FOR_PAIRS(p, n) {
		node_t *k = nd(r, p->key);
		size_t i;

		if (k->type != YAML_SCALAR_NODE)
			return fail(r, k, _("keys of %s must be text"), what);
		for (i = 0; i < nk; i++)
			if (strcmp(keys[i], sval(k)) == 0)
				break;
		if (i == nk)
			return fail(r, k, _("unknown key '%s' in %s"), sval(k),
				    what);
		if (vals[i])
			return fail(r, k, _("duplicate key '%s' in %s"),
				    sval(k), what);
		vals[i] = nd(r, p->value);
	}
	return 0;
}

/* A mapping with free keys (answers, scores): text keys, no duplicates. */
static int free_keys(struct rd *r, const node_t *n, const char *what)
{
	if (n->type != YAML_MAPPING_NODE)
		return fail(r, n, _("'%s' must be a mapping, not %s"), what,
			    kind_name(n));
	if ((size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start) >
	    MAX_ENTRIES)
		return fail(r, n, _("too many entries in '%s' (at most %d)"),
			    what, MAX_ENTRIES);
	FOR_PAIRS(p, n) {
		node_t *k = nd(r, p->key);

		if (k->type != YAML_SCALAR_NODE || is_null(k))
			return fail(r, k, _("keys of '%s' must be text"), what);
		if (strlen(sval(k)) != k->data.scalar.length)
			return fail(r, k, _("'%s' contains a NUL character"),
				    what);
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p;
		     q++)
			if (strcmp(sval(nd(r, q->key)), sval(k)) == 0)
				return fail(r, k, _("duplicate key '%s' in '%s'"),
					    sval(k), what);
	}
	return 0;
}

/* ---- sections --------------------------------------------------------- */

static int read_scale(struct rd *r, const node_t *n)
{
	double v[2];
	size_t i = 0;

	if (n->type != YAML_SEQUENCE_NODE || N_ITEMS(n) != 2)
		return fail(r, n, "%s",
			    _("'score_scale' must be a list of two numbers, as [1, 5]"));
	FOR_ITEMS(it, n)
		if (get_number(r, nd(r, *it), "score_scale", &v[i++]) < 0)
			return -1;
	if (!(v[0] < v[1]))
		return fail(r, n, "%s",
			    _("'score_scale' must go from a lower to a higher number"));
	r->d->ws.scale_min = v[0];
	r->d->ws.scale_max = v[1];
	return 0;
}

static int read_value(struct rd *r, const node_t *n, const char *q,
		      struct value *v)
{
	double num;

	if (n->type == YAML_SEQUENCE_NODE) {
		v->kind = VAL_LIST;
		return get_strv(r, n, q, &v->list);
	}
	if (n->type != YAML_SCALAR_NODE)
		return fail(r, n, _("answer '%s' must be text, a number or a list"),
			    q);
	if (is_null(n)) {
		v->kind = VAL_NONE;
		return 0;
	}
	if (is_number(n, &num)) {
		if (!isfinite(num))
			return fail(r, n, _("'%s' is out of range"), q);
		v->kind = VAL_NUMBER;
		v->number = num;
		return 0;
	}
	v->kind = VAL_TEXT;
	return get_text(r, n, q, &v->text);
}

static int read_answers(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "value", "note", NULL };

	if (free_keys(r, n, "answers") < 0)
		return -1;
	FOR_PAIRS(p, n) {
		node_t *k = nd(r, p->key), *v = nd(r, p->value), *f[2];
		struct answer *a = wsdata_add_answer(r->d);

		if (!a || !(a->question = str_dup(sval(k))))
			return oom(r);
		if (v->type != YAML_MAPPING_NODE)
			f[0] = v, f[1] = NULL;
		else if (fields(r, v, _("an answer with a note"), keys, f) < 0)
			return -1;
		if (f[0] && read_value(r, f[0], a->question, &a->value) < 0)
			return -1;
		if (get_text(r, f[1], "note", &a->note) < 0)
			return -1;
	}
	return 0;
}

static int read_criteria(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "name", "description", "weight", NULL
	};

	if (expect_seq(r, n, "criteria") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[4];
		struct criterion *c;

		if (fields(r, x, _("a criterion"), keys, f) < 0)
			return -1;
		if (!(c = wsdata_add_criterion(r->d)))
			return oom(r);
		c->pos = (int)(r->d->n_criteria - 1);
		c->weight = 1;
		if (get_id(r, x, f[0], "id", &c->key) < 0)
			return -1;
		if (wsdata_criterion_index(r->d, c->key) != c->pos)
			return fail(r, f[0], _("duplicate criterion id '%s'"),
				    c->key);
		if (get_line(r, f[1], "name", &c->name) < 0 ||
		    get_text(r, f[2], "description", &c->description) < 0)
			return -1;
		if (f[3] && get_number(r, f[3], "weight", &c->weight) < 0)
			return -1;
		if (c->weight < 0)
			return fail(r, f[3], "%s",
				    _("'weight' must not be negative"));
	}
	return 0;
}

static int known_criterion(struct rd *r, const node_t *n, const char *what,
			   char **dst)
{
	if (n->type != YAML_SCALAR_NODE || is_null(n))
		return fail(r, n, _("%s must be a criterion id"), what);
	if (wsdata_criterion_index(r->d, sval(n)) < 0)
		return fail(r, n, _("%s names an unknown criterion '%s'"),
			    what, sval(n));
	return get_text(r, n, what, dst);
}

static int known_approach(struct rd *r, const node_t *n, const char *what,
			  char **dst)
{
	if (n->type != YAML_SCALAR_NODE || is_null(n))
		return fail(r, n, _("%s must be an approach id"), what);
	if (wsdata_approach_index(r->d, sval(n)) < 0)
		return fail(r, n, _("%s names an unknown approach '%s'"),
			    what, sval(n));
	return get_text(r, n, what, dst);
}

/* A Saaty value: a number, or a fraction written "1/3". */
static int saaty_value(struct rd *r, const node_t *n, double *out)
{
	const char *s = sval(n);
	char *end;
	long a, b;

	if (n->type != YAML_SCALAR_NODE)
		goto bad;
	if (is_number(n, out))
		goto range;
	if (!isdigit((unsigned char)s[0]))
		goto bad;
	a = strtol(s, &end, 10);
	if (*end != '/' || !isdigit((unsigned char)end[1]))
		goto bad;
	b = strtol(end + 1, &end, 10);
	if (*end || b <= 0 || a > 1000 || b > 1000)
		goto bad;
	*out = (double)a / (double)b;
range:
	if (!(*out > 0))
		return fail(r, n, "%s",
			    _("a pairwise value must be greater than 0"));
	if (*out < SAATY_MIN * (1 - 1e-12) || *out > SAATY_MAX)
		return fail(r, n, "%s",
			    _("a pairwise value must be between 1/9 and 9"));
	return 0;
bad:
	return fail(r, n, "%s",
		    _("a pairwise value must be a number or a fraction such as 1/3"));
}

static int read_pairwise(struct rd *r, const node_t *n)
{
	if (expect_seq(r, n, "pairwise") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *el[4] = { NULL, NULL, NULL, NULL };
		struct judgement *j;
		size_t i = 0, cnt;

		if (x->type != YAML_SEQUENCE_NODE ||
		    (cnt = N_ITEMS(x)) < 3 || cnt > 4)
			return fail(r, x, "%s",
				    _("a pairwise entry must be a list [a, b, value] or [a, b, value, participant]"));
		FOR_ITEMS(e2, x)
			el[i++] = nd(r, *e2);
		if (!(j = wsdata_add_judgement(r->d)))
			return oom(r);
		if (known_criterion(r, el[0], _("a pairwise entry"), &j->a) < 0 ||
		    known_criterion(r, el[1], _("a pairwise entry"), &j->b) < 0)
			return -1;
		if (strcmp(j->a, j->b) == 0)
			return fail(r, el[1], _("criterion '%s' is compared with itself"),
				    j->a);
		if (saaty_value(r, el[2], &j->value) < 0)
			return -1;
		if (el[3] && get_id(r, x, el[3], "participant",
				    &j->participant) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_pairwise; k++) {
			const struct judgement *o = &r->d->pairwise[k];

			if (!str_eq(o->participant, j->participant))
				continue;
			if (str_eq(o->a, j->a) && str_eq(o->b, j->b))
				return fail(r, x, _("the pair %s/%s is given twice"),
					    j->a, j->b);
			if (str_eq(o->a, j->b) && str_eq(o->b, j->a))
				return fail(r, x, _("the pair %s/%s is given in both orders"),
					    j->a, j->b);
		}
	}
	return 0;
}

static int in_scale(struct rd *r, const node_t *n, double v)
{
	char lo[40], hi[40], s[40];

	if (v >= r->d->ws.scale_min && v <= r->d->ws.scale_max)
		return 0;
	str_number(lo, sizeof(lo), r->d->ws.scale_min);
	str_number(hi, sizeof(hi), r->d->ws.scale_max);
	str_number(s, sizeof(s), v);
	return fail(r, n, _("score %s is outside the scale [%s, %s]"), s, lo, hi);
}

/* scores: {crit: number|null} and rationale: {crit: text} of one approach;
 * rows are added in criteria order. */
static int read_scores(struct rd *r, const char *app, const node_t *sc,
		       const node_t *ra)
{
	size_t nc = r->d->n_criteria;
	node_t **cell = calloc(2 * (nc ? nc : 1), sizeof(*cell));
	int rc = -1;

	if (!cell)
		return oom(r);
	for (int pass = 0; pass < 2; pass++) {
		const node_t *m = pass ? ra : sc;
		const char *what = pass ? "rationale" : "scores";

		if (!m || is_null(m))
			continue;
		if (free_keys(r, m, what) < 0)
			goto out;
		FOR_PAIRS(p, m) {
			node_t *k = nd(r, p->key), *v = nd(r, p->value);
			int ci = wsdata_criterion_index(r->d, sval(k));

			if (ci < 0) {
				fail(r, k, pass ? _("rationale for unknown criterion '%s'")
						: _("score for unknown criterion '%s'"),
				     sval(k));
				goto out;
			}
			cell[2 * (size_t)ci + (size_t)pass] = v;
		}
	}
	for (size_t c = 0; c < nc; c++) {
		node_t *v = cell[2 * c], *t = cell[2 * c + 1];
		struct score *s;

		if (!v && !t)
			continue;
		if (!(s = wsdata_add_score(r->d)) || !(s->approach = str_dup(app)) ||
		    !(s->criterion = str_dup(r->d->criteria[c].key))) {
			oom(r);
			goto out;
		}
		if (v && !is_null(v)) {
			if (get_number(r, v, "score", &s->value) < 0 ||
			    in_scale(r, v, s->value) < 0)
				goto out;
			s->has_value = true;
		}
		if (t && get_text(r, t, "rationale", &s->rationale) < 0)
			goto out;
	}
	rc = 0;
out:
	free(cell);
	return rc;
}

static int read_components(struct rd *r, const node_t *n, struct approach *a)
{
	static const char *const keys[] = { "category", "name", NULL };

	if (is_null(n))
		return 0;
	if (expect_seq(r, n, "components") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[2];
		struct component *c;

		if (fields(r, x, _("a component"), keys, f) < 0)
			return -1;
		if (!(c = approach_add_component(a)))
			return oom(r);
		if (get_id(r, x, f[0], "category", &c->category) < 0 ||
		    get_id(r, x, f[1], "name", &c->name) < 0)
			return -1;
	}
	return 0;
}

static int read_approaches(struct rd *r, const node_t *n)
{
	enum { ID, NAME, PATTERN, SUMMARY, COMPONENTS, DEPLOYMENT, OBS, SEC,
	       COMPLEXITY, COST, PROS, CONS, STAGES, SCORES, RATIONALE };
	static const char *const keys[] = {
		"id", "name", "pattern", "summary", "components", "deployment",
		"observability", "security", "complexity", "cost", "pros",
		"cons", "stages", "scores", "rationale", NULL
	};

	if (expect_seq(r, n, "approaches") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[15];
		struct approach *a;

		if (fields(r, x, _("an approach"), keys, f) < 0)
			return -1;
		if (!(a = wsdata_add_approach(r->d)))
			return oom(r);
		a->pos = (int)(r->d->n_approaches - 1);
		if (get_id(r, x, f[ID], "id", &a->key) < 0)
			return -1;
		if (wsdata_approach_index(r->d, a->key) != a->pos)
			return fail(r, f[ID], _("duplicate approach id '%s'"),
				    a->key);
		if (get_line(r, f[NAME], "name", &a->name) < 0 ||
		    get_text(r, f[PATTERN], "pattern", &a->pattern) < 0 ||
		    get_text(r, f[SUMMARY], "summary", &a->summary) < 0 ||
		    (f[COMPONENTS] && read_components(r, f[COMPONENTS], a) < 0) ||
		    get_text(r, f[DEPLOYMENT], "deployment", &a->deployment) < 0 ||
		    get_text(r, f[OBS], "observability", &a->observability) < 0 ||
		    get_text(r, f[SEC], "security", &a->security) < 0 ||
		    get_text(r, f[COMPLEXITY], "complexity", &a->complexity) < 0 ||
		    get_text(r, f[COST], "cost", &a->cost) < 0 ||
		    get_strv(r, f[PROS], "pros", &a->pros) < 0 ||
		    get_strv(r, f[CONS], "cons", &a->cons) < 0 ||
		    get_strv(r, f[STAGES], "stages", &a->stages) < 0)
			return -1;
	}
	/* Scores after every approach is known, in approach order. */
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[15];
		size_t i = (size_t)(it - n->data.sequence.items.start);

		if (fields(r, x, _("an approach"), keys, f) < 0 ||
		    read_scores(r, r->d->approaches[i].key, f[SCORES],
				f[RATIONALE]) < 0)
			return -1;
	}
	return 0;
}

static int read_votes(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"participant", "approach", "criterion", "score", NULL
	};

	if (expect_seq(r, n, "votes") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[4];
		struct vote *v;

		if (fields(r, x, _("a vote"), keys, f) < 0)
			return -1;
		if (!(v = wsdata_add_vote(r->d)))
			return oom(r);
		if (get_id(r, x, f[0], "participant", &v->participant) < 0)
			return -1;
		if (!f[1] || !f[2] || !f[3])
			return fail(r, x, "%s",
				    _("a vote needs participant, approach, criterion and score"));
		if (known_approach(r, f[1], _("a vote"), &v->approach) < 0 ||
		    known_criterion(r, f[2], _("a vote"), &v->criterion) < 0 ||
		    get_number(r, f[3], "score", &v->value) < 0 ||
		    in_scale(r, f[3], v->value) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_votes; k++) {
			const struct vote *o = &r->d->votes[k];

			if (str_eq(o->participant, v->participant) &&
			    str_eq(o->approach, v->approach) &&
			    str_eq(o->criterion, v->criterion))
				return fail(r, x, _("%s votes twice on %s/%s"),
					    v->participant, v->approach,
					    v->criterion);
		}
	}
	return 0;
}

static int known_decision(struct rd *r, const node_t *n, int self)
{
	int num;

	if (get_int(r, n, _("a decision number"), 1, 1000000000, &num) < 0)
		return -1;
	if (!wsdata_decision(r->d, num))
		return fail(r, n, _("there is no decision number %d"), num);
	if (num == self)
		return fail(r, n, _("decision %d refers to itself"), num);
	return num;
}

/* links: [{relation: Amends, target: 2}, ...] of one decision. */
static int read_links(struct rd *r, const node_t *n, struct decision *d)
{
	static const char *const keys[] = { "relation", "target", NULL };

	if (expect_seq(r, n, "links") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[2];
		char *rel = NULL;
		int num, rc;

		if (fields(r, x, _("a link"), keys, f) < 0)
			return -1;
		if (!f[1] || is_null(f[1]))
			return fail(r, x, "%s", _("'target' is missing"));
		if (get_id(r, x, f[0], "relation", &rel) < 0) {
			free(rel);
			return -1;
		}
		if (strcspn(rel, "\t\r\n") != strlen(rel) ||
		    strspn(rel, " ") == strlen(rel)) {
			free(rel);
			return fail(r, f[0], "%s",
				    _("'relation' must be one line of text "
				      "without tabs"));
		}
		if ((num = known_decision(r, f[1], d->number)) < 0) {
			free(rel);
			return -1;
		}
		rc = decision_link_add(d, rel, num);
		free(rel);
		if (rc == ST_ERROR)
			return oom(r);
		if (rc < 0)
			return fail(r, x, "%s", _("not a valid link"));
	}
	return 0;
}

static int read_decisions(struct rd *r, const node_t *n)
{
	enum { NUMBER, TITLE, STATUS, SUP_BY, DATE, DECIDERS, CONSULTED,
	       INFORMED, CONTEXT, DECISION, RATIONALE, CONSEQ, CHOSEN, SUPERSEDES,
	       ALTERNATIVES, LINKS, MARKDOWN, N_KEYS };
	static const char *const keys[] = {
		"number", "title", "status", "superseded_by", "date",
		"deciders", "consulted", "informed", "context", "decision",
		"rationale", "consequences", "chosen", "supersedes",
		"alternatives", "links", "markdown", NULL
	};
	static const char *const ckeys[] = {
		"positive", "negative", "risks", NULL
	};

	if (expect_seq(r, n, "decisions") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[N_KEYS], *c[3] = { NULL, NULL, NULL };
		struct decision *d;

		if (fields(r, x, _("a decision"), keys, f) < 0)
			return -1;
		if (!(d = wsdata_add_decision(r->d)))
			return oom(r);
		if (!f[NUMBER])
			return fail(r, x, "%s", _("'number' is missing"));
		if (get_int(r, f[NUMBER], "number", 1, 1000000000, &d->number) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_decisions; k++)
			if (r->d->decisions[k].number == d->number)
				return fail(r, f[NUMBER], _("duplicate decision number %d"),
					    d->number);
		if (f[STATUS]) {
			if (f[STATUS]->type != YAML_SCALAR_NODE ||
			    adr_status_from_id(sval(f[STATUS]), &d->status) < 0)
				return fail(r, f[STATUS],
					    _("unknown decision status '%s' (expected proposed, accepted, rejected, deprecated or superseded)"),
					    f[STATUS]->type == YAML_SCALAR_NODE ?
					    sval(f[STATUS]) : "");
		}
		if (f[CONSEQ] && !is_null(f[CONSEQ]) &&
		    fields(r, f[CONSEQ], "'consequences'", ckeys, c) < 0)
			return -1;
		if (get_line(r, f[TITLE], "title", &d->title) < 0 ||
		    get_line(r, f[DATE], "date", &d->date) < 0 ||
		    get_strv(r, f[DECIDERS], "deciders", &d->deciders) < 0 ||
		    get_strv(r, f[CONSULTED], "consulted", &d->consulted) < 0 ||
		    get_strv(r, f[INFORMED], "informed", &d->informed) < 0 ||
		    get_text(r, f[CONTEXT], "context", &d->context) < 0 ||
		    get_text(r, f[DECISION], "decision", &d->decision) < 0 ||
		    get_text(r, f[RATIONALE], "rationale", &d->rationale) < 0 ||
		    get_strv(r, c[0], "positive", &d->positive) < 0 ||
		    get_strv(r, c[1], "negative", &d->negative) < 0 ||
		    get_strv(r, c[2], "risks", &d->risks) < 0 ||
		    get_text(r, f[ALTERNATIVES], "alternatives",
			     &d->alternatives) < 0)
			return -1;
		if (f[CHOSEN] && !is_null(f[CHOSEN]) &&
		    known_approach(r, f[CHOSEN], "'chosen'", &d->chosen) < 0)
			return -1;
		if (f[MARKDOWN] && !is_null(f[MARKDOWN]) &&
		    get_bool(r, f[MARKDOWN], "markdown", &d->markdown) < 0)
			return -1;
	}
	/* References to other decisions, once every number is known. */
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[N_KEYS];
		struct decision *d = &r->d->decisions[it - n->data.sequence.items.start];
		int num;

		if (fields(r, x, _("a decision"), keys, f) < 0)
			return -1;
		if (f[LINKS] && !is_null(f[LINKS]) && read_links(r, f[LINKS], d) < 0)
			return -1;
		if (f[SUP_BY] && !is_null(f[SUP_BY])) {
			if ((num = known_decision(r, f[SUP_BY], d->number)) < 0)
				return -1;
			d->superseded_by = num;
		}
		if (!f[SUPERSEDES] || is_null(f[SUPERSEDES]))
			continue;
		if (expect_seq(r, f[SUPERSEDES], "supersedes") < 0)
			return -1;
		d->supersedes = calloc(N_ITEMS(f[SUPERSEDES]) + 1, sizeof(int));
		if (!d->supersedes)
			return oom(r);
		FOR_ITEMS(s, f[SUPERSEDES]) {
			if ((num = known_decision(r, nd(r, *s), d->number)) < 0)
				return -1;
			d->supersedes[d->n_supersedes++] = num;
		}
	}
	return 0;
}

static int read_risks(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "description", "probability", "impact", "owner",
		"mitigation", "status", NULL
	};

	if (expect_seq(r, n, "risks") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[7];
		struct risk *k;

		if (fields(r, x, _("a risk"), keys, f) < 0)
			return -1;
		if (!(k = wsdata_add_risk(r->d)))
			return oom(r);
		if (get_id(r, x, f[0], "id", &k->key) < 0)
			return -1;
		for (size_t i = 0; i + 1 < r->d->n_risks; i++)
			if (str_eq(r->d->risks[i].key, k->key))
				return fail(r, f[0], _("duplicate risk id '%s'"),
					    k->key);
		if (!f[2])
			return fail(r, x, "%s", _("'probability' is missing"));
		if (!f[3])
			return fail(r, x, "%s", _("'impact' is missing"));
		if (get_text(r, f[1], "description", &k->description) < 0 ||
		    get_int(r, f[2], "probability", 1, 5, &k->probability) < 0 ||
		    get_int(r, f[3], "impact", 1, 5, &k->impact) < 0 ||
		    get_line(r, f[4], "owner", &k->owner) < 0 ||
		    get_text(r, f[5], "mitigation", &k->mitigation) < 0)
			return -1;
		if (f[6] && (f[6]->type != YAML_SCALAR_NODE ||
			     risk_status_from_id(sval(f[6]), &k->status) < 0))
			return fail(r, f[6],
				    _("unknown risk status '%s' (expected open, mitigating, accepted or closed)"),
				    f[6]->type == YAML_SCALAR_NODE ? sval(f[6]) : "");
	}
	return 0;
}

static int opt_number(struct rd *r, const node_t *n, const char *field,
		      bool *has, double *v)
{
	if (!n || is_null(n))
		return 0;
	if (get_number(r, n, field, v) < 0)
		return -1;
	*has = true;
	return 0;
}

static int read_metrics(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "name", "unit", "current", "target_3m", "target_6m", NULL
	};

	if (expect_seq(r, n, "metrics") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[6];
		struct metric *m;

		if (fields(r, x, _("a metric"), keys, f) < 0)
			return -1;
		if (!(m = wsdata_add_metric(r->d)))
			return oom(r);
		if (get_id(r, x, f[0], "id", &m->key) < 0)
			return -1;
		for (size_t i = 0; i + 1 < r->d->n_metrics; i++)
			if (str_eq(r->d->metrics[i].key, m->key))
				return fail(r, f[0], _("duplicate metric id '%s'"),
					    m->key);
		if (get_line(r, f[1], "name", &m->name) < 0 ||
		    get_line(r, f[2], "unit", &m->unit) < 0 ||
		    opt_number(r, f[3], "current", &m->has_current, &m->current) < 0 ||
		    opt_number(r, f[4], "target_3m", &m->has_target_3m,
			       &m->target_3m) < 0 ||
		    opt_number(r, f[5], "target_6m", &m->has_target_6m,
			       &m->target_6m) < 0)
			return -1;
	}
	return 0;
}

static int read_roadmap(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "phase", "weeks", "items", NULL };

	if (expect_seq(r, n, "roadmap") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[3];
		struct phase *p;

		if (fields(r, x, _("a roadmap phase"), keys, f) < 0)
			return -1;
		if (!(p = wsdata_add_phase(r->d)))
			return oom(r);
		p->pos = (int)(r->d->n_roadmap - 1);
		if (get_line(r, f[0], "phase", &p->name) < 0 ||
		    (f[1] && !is_null(f[1]) &&
		     get_number(r, f[1], "weeks", &p->weeks) < 0) ||
		    get_strv(r, f[2], "items", &p->items) < 0)
			return -1;
		if (p->weeks < 0)
			return fail(r, f[1], "%s", _("'weeks' must not be negative"));
	}
	return 0;
}

/* ---- running the room: agenda, timer, rounds, ready, parking lot -------
 * Kept apart from the sections above: each reads one top-level key. */

/* A Unix time or a count of seconds: a whole number >= lo. */
static int get_seconds(struct rd *r, const node_t *n, const char *field,
		       int64_t lo, int64_t *out)
{
	double v;

	if (get_number(r, n, field, &v) < 0)
		return -1;
	if (v != floor(v) || v < (double)lo || v > 1e15)
		return fail(r, n, _("'%s' must be a whole number of seconds of at least %lld"),
			    field, (long long)lo);
	*out = (int64_t)v;
	return 0;
}

/* A stage of the agenda: interview to roadmap. */
static int get_stage(struct rd *r, const node_t *n, const char *field,
		     enum stage *out)
{
	if (n->type != YAML_SCALAR_NODE || stage_from_id(sval(n), out) < 0 ||
	    *out == STAGE_DONE)
		return fail(r, n, _("'%s' must be a stage from interview to roadmap, not '%s'"),
			    field, n->type == YAML_SCALAR_NODE ? sval(n) : "");
	return 0;
}

static int read_agenda(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"stage", "minutes", "spent_seconds", NULL
	};

	if (expect_seq(r, n, "agenda") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[3];
		struct agenda_item *a;

		if (fields(r, x, _("an agenda stage"), keys, f) < 0)
			return -1;
		if (!f[0])
			return fail(r, x, "%s", _("'stage' is missing"));
		if (!(a = wsdata_add_agenda(r->d)))
			return oom(r);
		a->pos = (int)(r->d->n_agenda - 1);
		if (get_stage(r, f[0], "stage", &a->stage) < 0 ||
		    (f[1] && get_int(r, f[1], "minutes", 0, 24 * 60,
				     &a->planned) < 0) ||
		    (f[2] && get_seconds(r, f[2], "spent_seconds", 0,
					 &a->spent) < 0))
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_agenda; k++)
			if (r->d->agenda[k].stage == a->stage)
				return fail(r, f[0], _("stage '%s' is in the agenda twice"),
					    stage_id(a->stage));
	}
	return 0;
}

static int read_timer(struct rd *r, const node_t *n)
{
	enum { STAGE, STATE, ENDS, STARTED, REMAINING, DURATION, N };
	static const char *const keys[] = {
		"stage", "state", "ends_at", "started_at", "remaining",
		"duration", NULL
	};
	struct room_timer *t = &r->d->timer;
	node_t *f[N];

	if (fields(r, n, "'timer'", keys, f) < 0)
		return -1;
	if (!f[STAGE] || !f[STATE])
		return fail(r, n, "%s", _("the timer needs 'stage' and 'state'"));
	t->set = true;
	if (get_stage(r, f[STAGE], "stage", &t->stage) < 0)
		return -1;
	if (f[STATE]->type != YAML_SCALAR_NODE ||
	    timer_state_from_id(sval(f[STATE]), &t->state) < 0)
		return fail(r, f[STATE], _("unknown timer state '%s' (expected running, paused or stopped)"),
			    f[STATE]->type == YAML_SCALAR_NODE ? sval(f[STATE]) : "");
	if (t->state == TIMER_RUNNING && (!f[ENDS] || !f[STARTED]))
		return fail(r, n, "%s", _("a running timer needs 'ends_at' and 'started_at'"));
	if (t->state == TIMER_PAUSED && !f[REMAINING])
		return fail(r, n, "%s", _("a paused timer needs 'remaining'"));
	if ((f[ENDS] && get_seconds(r, f[ENDS], "ends_at", 0, &t->ends_at) < 0) ||
	    (f[STARTED] && get_seconds(r, f[STARTED], "started_at", 0,
				       &t->started_at) < 0) ||
	    (f[REMAINING] && get_seconds(r, f[REMAINING], "remaining",
					 -86400, &t->remaining) < 0) ||
	    (f[DURATION] && get_seconds(r, f[DURATION], "duration", 0,
					&t->duration) < 0))
		return -1;
	return 0;
}

/* Does round x cover the cell, by its scope (the reader has no loaded
 * cover list yet)? */
static bool scope_covers(const struct vote_round *x, const char *ak,
			 const char *ck)
{
	switch (x->scope) {
	case ROUND_ALL:
		return true;
	case ROUND_CRITERION:
		return str_eq(x->scope_key, ck);
	case ROUND_APPROACH:
		return str_eq(x->scope_key, ak);
	default:
		for (size_t i = 0; i < x->n_cells; i++)
			if (str_eq(x->cells[i].approach, ak) &&
			    str_eq(x->cells[i].criterion, ck))
				return true;
		return false;
	}
}

static int read_round_cells(struct rd *r, const node_t *n,
			    struct vote_round *x)
{
	static const char *const keys[] = { "approach", "criterion", NULL };

	if (expect_seq(r, n, "cells") < 0)
		return -1;
	if (!N_ITEMS(n))
		return fail(r, n, "%s", _("a round on cells needs at least one cell"));
	FOR_ITEMS(it, n) {
		node_t *y = nd(r, *it), *f[2];
		struct round_cell *c;

		if (fields(r, y, _("a cell"), keys, f) < 0)
			return -1;
		if (!f[0] || !f[1])
			return fail(r, y, "%s", _("a cell needs an approach and a criterion"));
		if (!(c = round_add_cell(x)))
			return oom(r);
		if (known_approach(r, f[0], _("a cell"), &c->approach) < 0 ||
		    known_criterion(r, f[1], _("a cell"), &c->criterion) < 0)
			return -1;
	}
	return 0;
}

static int read_round_votes(struct rd *r, const node_t *n,
			    struct vote_round *x)
{
	static const char *const keys[] = {
		"participant", "approach", "criterion", "score", NULL
	};

	if (expect_seq(r, n, "votes") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *y = nd(r, *it), *f[4];
		struct vote *v;
		struct ballot *b;

		if (fields(r, y, _("a vote"), keys, f) < 0)
			return -1;
		if (!(v = round_add_vote(x)) || !(b = round_add_ballot(x)))
			return oom(r);
		v->round = x->number;
		if (get_id(r, y, f[0], "participant", &v->participant) < 0)
			return -1;
		if (!f[1] || !f[2] || !f[3])
			return fail(r, y, "%s",
				    _("a vote needs participant, approach, criterion and score"));
		if (known_approach(r, f[1], _("a vote"), &v->approach) < 0 ||
		    known_criterion(r, f[2], _("a vote"), &v->criterion) < 0 ||
		    get_number(r, f[3], "score", &v->value) < 0 ||
		    in_scale(r, f[3], v->value) < 0)
			return -1;
		if (!scope_covers(x, v->approach, v->criterion))
			return fail(r, y, _("round %d does not cover %s/%s"),
				    x->number, v->approach, v->criterion);
		for (size_t k = 0; k + 1 < x->n_votes; k++)
			if (str_eq(x->votes[k].participant, v->participant) &&
			    str_eq(x->votes[k].approach, v->approach) &&
			    str_eq(x->votes[k].criterion, v->criterion))
				return fail(r, y, _("%s votes twice on %s/%s in round %d"),
					    v->participant, v->approach,
					    v->criterion, x->number);
		if (!(b->participant = str_dup(v->participant)) ||
		    !(b->approach = str_dup(v->approach)) ||
		    !(b->criterion = str_dup(v->criterion)))
			return oom(r);
	}
	return 0;
}

/* The cells a round covers, from its scope, as the store would list them. */
static int round_covers_all(struct rd *r, struct vote_round *x)
{
	for (size_t a = 0; a < r->d->n_approaches; a++) {
		for (size_t c = 0; c < r->d->n_criteria; c++) {
			const char *ak = r->d->approaches[a].key;
			const char *ck = r->d->criteria[c].key;
			struct round_cell *rc;

			if (!scope_covers(x, ak, ck))
				continue;
			if (!(rc = round_add_cover(x)) ||
			    !(rc->approach = str_dup(ak)) ||
			    !(rc->criterion = str_dup(ck)))
				return oom(r);
		}
	}
	return 0;
}

static int read_round(struct rd *r, const node_t *x)
{
	enum { NUMBER, SCOPE, CRIT, APP, CELLS, FOLLOWS, STATE, OPENED_BY,
	       OPENED_AT, REVEALED_BY, REVEALED_AT, VOTES, N };
	static const char *const keys[] = {
		"number", "scope", "criterion", "approach", "cells", "follows",
		"state", "opened_by", "opened_at", "revealed_by", "revealed_at",
		"votes", NULL
	};
	struct vote_round *v;
	node_t *f[N];

	if (fields(r, x, _("a voting round"), keys, f) < 0)
		return -1;
	if (!(v = wsdata_add_round(r->d)))
		return oom(r);
	v->state = ROUND_REVEALED;
	if (!f[NUMBER])
		return fail(r, x, "%s", _("'number' is missing"));
	if (get_int(r, f[NUMBER], "number", 1, 1000000000, &v->number) < 0)
		return -1;
	for (size_t k = 0; k + 1 < r->d->n_rounds; k++)
		if (r->d->rounds[k].number == v->number)
			return fail(r, f[NUMBER], _("duplicate round number %d"),
				    v->number);
	if (f[SCOPE] && (f[SCOPE]->type != YAML_SCALAR_NODE ||
			 round_scope_from_id(sval(f[SCOPE]), &v->scope) < 0))
		return fail(r, f[SCOPE], _("unknown round scope '%s' (expected all, criterion, approach or cells)"),
			    f[SCOPE]->type == YAML_SCALAR_NODE ? sval(f[SCOPE]) : "");
	if (v->scope == ROUND_CRITERION && !f[CRIT])
		return fail(r, x, "%s", _("a round on a criterion names it ('criterion')"));
	if (v->scope == ROUND_APPROACH && !f[APP])
		return fail(r, x, "%s", _("a round on an approach names it ('approach')"));
	if (v->scope == ROUND_CELLS && !f[CELLS])
		return fail(r, x, "%s", _("a round on cells lists them ('cells')"));
	if ((f[CRIT] && v->scope != ROUND_CRITERION) ||
	    (f[APP] && v->scope != ROUND_APPROACH) ||
	    (f[CELLS] && v->scope != ROUND_CELLS))
		return fail(r, f[CRIT] ? f[CRIT] : f[APP] ? f[APP] : f[CELLS],
			    _("this key does not go with scope '%s'"),
			    round_scope_id(v->scope));
	if ((f[CRIT] && known_criterion(r, f[CRIT], "'criterion'",
					&v->scope_key) < 0) ||
	    (f[APP] && known_approach(r, f[APP], "'approach'",
				      &v->scope_key) < 0) ||
	    (f[CELLS] && read_round_cells(r, f[CELLS], v) < 0))
		return -1;
	if (f[STATE] && (f[STATE]->type != YAML_SCALAR_NODE ||
			 round_state_from_id(sval(f[STATE]), &v->state) < 0))
		return fail(r, f[STATE], _("unknown round state '%s' (expected open or revealed)"),
			    f[STATE]->type == YAML_SCALAR_NODE ? sval(f[STATE]) : "");
	if (v->state == ROUND_OPEN && (f[REVEALED_BY] || f[REVEALED_AT]))
		return fail(r, f[REVEALED_BY] ? f[REVEALED_BY] : f[REVEALED_AT],
			    "%s", _("an open round has not been revealed"));
	if (f[FOLLOWS] && get_int(r, f[FOLLOWS], "follows", 0, v->number - 1,
				  &v->follows) < 0)
		return -1;
	if (get_line(r, f[OPENED_BY], "opened_by", &v->opened_by) < 0 ||
	    get_line(r, f[REVEALED_BY], "revealed_by", &v->revealed_by) < 0 ||
	    (f[OPENED_AT] && get_seconds(r, f[OPENED_AT], "opened_at", 0,
					 &v->opened_at) < 0) ||
	    (f[REVEALED_AT] && get_seconds(r, f[REVEALED_AT], "revealed_at", 0,
					   &v->revealed_at) < 0) ||
	    (f[VOTES] && !is_null(f[VOTES]) &&
	     read_round_votes(r, f[VOTES], v) < 0))
		return -1;
	return round_covers_all(r, v);
}

static int read_rounds(struct rd *r, const node_t *n)
{
	int open = 0;

	if (expect_seq(r, n, "rounds") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it);
		const struct vote_round *last;

		if (read_round(r, x) < 0)
			return -1;
		last = &r->d->rounds[r->d->n_rounds - 1];
		if (last->state != ROUND_OPEN)
			continue;
		if (open)
			return fail(r, x, _("rounds %d and %d are both open: one round is open at a time"),
				    open, last->number);
		open = last->number;
	}
	/* follows names a round of the file (after all are read). */
	for (size_t i = 0; i < r->d->n_rounds; i++)
		if (r->d->rounds[i].follows &&
		    !wsdata_round(r->d, r->d->rounds[i].follows))
			return fail(r, nd(r, n->data.sequence.items.start[i]),
				    _("round %d follows round %d, which is not in the file"),
				    r->d->rounds[i].number,
				    r->d->rounds[i].follows);
	return 0;
}

static int read_ready(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "participant", "stage", "at", NULL };

	if (expect_seq(r, n, "ready") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[3];
		struct ready_mark *m;

		if (fields(r, x, _("a ready mark"), keys, f) < 0)
			return -1;
		if (!f[1])
			return fail(r, x, "%s", _("'stage' is missing"));
		if (!(m = wsdata_add_ready(r->d)))
			return oom(r);
		if (get_id(r, x, f[0], "participant", &m->participant) < 0 ||
		    get_stage(r, f[1], "stage", &m->stage) < 0 ||
		    (f[2] && get_seconds(r, f[2], "at", 0, &m->at) < 0))
			return -1;
	}
	return 0;
}

static int read_parking(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"text", "added_by", "added_at", "status", "next_step", NULL
	};

	if (expect_seq(r, n, "parking_lot") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = nd(r, *it), *f[5];
		struct park_item *p;

		if (fields(r, x, _("a parking-lot item"), keys, f) < 0)
			return -1;
		if (!(p = wsdata_add_park(r->d)))
			return oom(r);
		if (get_id(r, x, f[0], "text", &p->text) < 0 ||
		    get_line(r, f[1], "added_by", &p->added_by) < 0 ||
		    (f[2] && get_seconds(r, f[2], "added_at", 0,
					 &p->added_at) < 0) ||
		    get_line(r, f[4], "next_step", &p->next_step) < 0)
			return -1;
		if (strspn(p->text, " \t") == strlen(p->text))
			return fail(r, f[0], "%s", _("'text' must not be blank"));
		if (f[3] && (f[3]->type != YAML_SCALAR_NODE ||
			     park_status_from_id(sval(f[3]), &p->status) < 0))
			return fail(r, f[3], _("unknown parking-lot status '%s' (expected open, roadmap or done)"),
				    f[3]->type == YAML_SCALAR_NODE ? sval(f[3]) : "");
	}
	return 0;
}

/* The round a cell's votes count in: the newest covering it (0: none). */
static int cell_round(const struct workshop_data *d, const char *ak,
		      const char *ck)
{
	int n = 0;

	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].number > n && round_covers(&d->rounds[i], ak, ck))
			n = d->rounds[i].number;
	return n;
}

static int by_voter_cell(const void *x, const void *y, void *ctx)
{
	const struct workshop_data *d = ctx;
	const struct vote *a = x, *b = y;
	int c = strcmp(a->participant, b->participant);

	if (!c)
		c = wsdata_approach_index(d, a->approach) -
		    wsdata_approach_index(d, b->approach);
	if (!c)
		c = wsdata_criterion_index(d, a->criterion) -
		    wsdata_criterion_index(d, b->criterion);
	return c;
}

/*
 * The votes as a loaded workshop has them: d->votes the votes each cell
 * counts (those of the newest round covering it, else those cast outside
 * rounds), in the store's order; votes outside rounds on cells a round
 * covers are earlier votes.
 */
static int settle_votes(struct rd *r)
{
	struct workshop_data *d = r->d;
	size_t k = 0;

	for (size_t i = 0; i < d->n_votes; i++) {
		struct vote *v = &d->votes[i], *e;

		if (!cell_round(d, v->approach, v->criterion)) {
			d->votes[k++] = *v;
			continue;
		}
		if (!(e = wsdata_add_earlier_vote(d))) {
			/* Keep what is left where it is, to be freed. */
			for (; i < d->n_votes; i++)
				d->votes[k++] = d->votes[i];
			d->n_votes = k;
			return oom(r);
		}
		*e = *v;
	}
	d->n_votes = k;
	for (size_t i = 0; i < d->n_rounds; i++) {
		const struct vote_round *x = &d->rounds[i];

		for (size_t j = 0; j < x->n_votes; j++) {
			const struct vote *v = &x->votes[j];
			struct vote *c;

			if (cell_round(d, v->approach, v->criterion) != x->number)
				continue;
			if (!(c = wsdata_add_vote(d)) || vote_copy(c, v) < 0)
				return oom(r);
		}
	}
	qsort_r(d->votes, d->n_votes, sizeof(*d->votes), by_voter_cell, d);
	return 0;
}

/* The room's keys of a workshop file (each may be absent or null). */
static int read_room(struct rd *r, node_t *agenda, node_t *timer,
		     node_t *rounds, node_t *ready, node_t *parking)
{
	if ((agenda && !is_null(agenda) && read_agenda(r, agenda) < 0) ||
	    (timer && !is_null(timer) && read_timer(r, timer) < 0) ||
	    (rounds && !is_null(rounds) && read_rounds(r, rounds) < 0) ||
	    (ready && !is_null(ready) && read_ready(r, ready) < 0) ||
	    (parking && !is_null(parking) && read_parking(r, parking) < 0))
		return -1;
	return r->d->n_rounds ? settle_votes(r) : 0;
}

enum top {
	T_VERSION, T_TITLE, T_TEMPLATE, T_STAGE, T_FACILITATOR, T_ARCHIVED,
	T_SCALE, T_ANSWERS, T_WEIGHTING, T_CRITERIA, T_PAIRWISE, T_APPROACHES,
	T_VOTES, T_DECISIONS, T_RISKS, T_METRICS, T_ROADMAP, T_NEXT,
	T_AGENDA, T_TIMER, T_ROUNDS, T_READY, T_PARKING, T_COUNT
};

static int read_root(struct rd *r, const node_t *root)
{
	static const char *const keys[T_COUNT + 1] = {
		"charrette", "title", "template", "stage", "facilitator",
		"archived", "score_scale", "answers", "weighting", "criteria",
		"pairwise", "approaches", "votes", "decisions", "risks",
		"metrics", "roadmap", "next_steps", "agenda", "timer", "rounds",
		"ready", "parking_lot", NULL
	};
	node_t *f[T_COUNT], *ver = NULL;
	struct workshop *w = &r->d->ws;
	int version;

	if (root->type != YAML_MAPPING_NODE)
		return fail(r, root, _("a workshop file must be a mapping, not %s"),
			    kind_name(root));
	/* The version first: a newer file's keys are not "unknown keys". */
	FOR_PAIRS(p, root) {
		node_t *k = nd(r, p->key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp(sval(k), "charrette") == 0) {
			ver = nd(r, p->value);
			break;
		}
	}
	if (!ver)
		return fail(r, root, "%s",
			    _("'charrette: 1' is missing: is this a charrette workshop file?"));
	if (get_int(r, ver, "charrette", 1, 1000000000, &version) < 0)
		return -1;
	if (version != INTERCHANGE_VERSION)
		return fail(r, ver, _("unsupported charrette file version %d (this build reads version %d)"),
			    version, INTERCHANGE_VERSION);
	if (fields(r, root, _("a workshop file"), keys, f) < 0)
		return -1;
	if (!f[T_TITLE] || is_null(f[T_TITLE]))
		return fail(r, f[T_TITLE] ? f[T_TITLE] : root, "%s",
			    _("'title' is missing"));
	if (get_line(r, f[T_TITLE], "title", &w->title) < 0 ||
	    get_line(r, f[T_TEMPLATE], "template", &w->template_name) < 0 ||
	    get_line(r, f[T_FACILITATOR], "facilitator", &w->facilitator) < 0)
		return -1;
	if (f[T_STAGE] && (f[T_STAGE]->type != YAML_SCALAR_NODE ||
			   stage_from_id(sval(f[T_STAGE]), &w->stage) < 0))
		return fail(r, f[T_STAGE], _("unknown stage '%s'"),
			    f[T_STAGE]->type == YAML_SCALAR_NODE ?
			    sval(f[T_STAGE]) : "");
	if (f[T_ARCHIVED] && get_bool(r, f[T_ARCHIVED], "archived",
				      &w->archived) < 0)
		return -1;
	if (f[T_WEIGHTING] && (f[T_WEIGHTING]->type != YAML_SCALAR_NODE ||
			       weighting_from_id(sval(f[T_WEIGHTING]),
						 &w->weighting) < 0))
		return fail(r, f[T_WEIGHTING], _("unknown weighting '%s' (expected direct or ahp)"),
			    f[T_WEIGHTING]->type == YAML_SCALAR_NODE ?
			    sval(f[T_WEIGHTING]) : "");
	if ((f[T_SCALE] && read_scale(r, f[T_SCALE]) < 0) ||
	    (f[T_ANSWERS] && !is_null(f[T_ANSWERS]) &&
	     read_answers(r, f[T_ANSWERS]) < 0) ||
	    (f[T_CRITERIA] && !is_null(f[T_CRITERIA]) &&
	     read_criteria(r, f[T_CRITERIA]) < 0) ||
	    (f[T_PAIRWISE] && !is_null(f[T_PAIRWISE]) &&
	     read_pairwise(r, f[T_PAIRWISE]) < 0) ||
	    (f[T_APPROACHES] && !is_null(f[T_APPROACHES]) &&
	     read_approaches(r, f[T_APPROACHES]) < 0) ||
	    (f[T_VOTES] && !is_null(f[T_VOTES]) &&
	     read_votes(r, f[T_VOTES]) < 0) ||
	    (f[T_DECISIONS] && !is_null(f[T_DECISIONS]) &&
	     read_decisions(r, f[T_DECISIONS]) < 0) ||
	    (f[T_RISKS] && !is_null(f[T_RISKS]) &&
	     read_risks(r, f[T_RISKS]) < 0) ||
	    (f[T_METRICS] && !is_null(f[T_METRICS]) &&
	     read_metrics(r, f[T_METRICS]) < 0) ||
	    (f[T_ROADMAP] && !is_null(f[T_ROADMAP]) &&
	     read_roadmap(r, f[T_ROADMAP]) < 0) ||
	    get_strv(r, f[T_NEXT], "next_steps", &r->d->next_steps) < 0 ||
	    read_room(r, f[T_AGENDA], f[T_TIMER], f[T_ROUNDS], f[T_READY],
		      f[T_PARKING]) < 0)
		return -1;
	return 0;
}

/* ---- text-level checks before libyaml sees the buffer ------------------ */

/* 1-based line and column (in code points) of byte offset off. */
static void locate(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off && i < len; i++)
		if (s[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = 1;
	for (size_t i = start; i < off && i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			(*col)++;
}

static int hexval(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/*
 * JSON writes characters beyond the BMP as UTF-16 surrogate pairs
 * ("\ud83d\ude00"), which YAML's double-quoted strings refuse.  In a JSON
 * document (it starts with '{' or '[') rewrite each pair inside a string
 * as YAML's "\U0001F600".  *out stays NULL when nothing needed rewriting.
 * The rewrite shortens a line by 2 columns per pair: later error columns
 * on that line are off by as much.
 */
static int json_surrogates(const char *s, size_t len, char **out,
			   size_t *out_len)
{
	size_t i = 0;
	bool in_str = false, changed = false;
	struct buf b;

	*out = NULL;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (i >= len || (s[i] != '{' && s[i] != '['))
		return 0;
	buf_init(&b);
	for (i = 0; i < len; i++) {
		char c = s[i];
		int hi, lo;

		if (!in_str) {
			in_str = c == '"';
			buf_putc(&b, c);
			continue;
		}
		if (c == '"') {
			in_str = false;
			buf_putc(&b, c);
			continue;
		}
		if (c != '\\' || i + 1 >= len) {
			buf_putc(&b, c);
			continue;
		}
		if (i + 12 <= len && s[i + 1] == 'u' && s[i + 6] == '\\' &&
		    s[i + 7] == 'u' && (hi = hexval(s + i + 2)) >= 0xD800 &&
		    hi <= 0xDBFF && (lo = hexval(s + i + 8)) >= 0xDC00 &&
		    lo <= 0xDFFF) {
			long cp = 0x10000 + ((long)(hi - 0xD800) << 10) +
				  (lo - 0xDC00);

			buf_printf(&b, "\\U%08lX", cp);
			changed = true;
			i += 11;
			continue;
		}
		buf_add(&b, s + i, 2);
		i++;
	}
	if (b.oom) {
		buf_free(&b);
		return ST_ERROR;
	}
	if (!changed) {
		buf_free(&b);
		return 0;
	}
	*out_len = b.len;
	*out = buf_detach(&b);
	return *out ? 0 : ST_ERROR;
}

static int yaml_problem(struct rd *r, yaml_parser_t *p, const char *data,
			size_t len)
{
	int line, col;
	char ctx[200] = "";

	if (p->error == YAML_MEMORY_ERROR)
		return oom(r);
	if (p->error == YAML_READER_ERROR) {
		locate(data, len, p->problem_offset, &line, &col);
		return err_setloc(r->e, ST_INPUT, r->name, line, col,
				  _("malformed YAML: %s"),
				  p->problem ? p->problem : "?");
	}
	if (p->context)
		snprintf(ctx, sizeof(ctx), _(" (%s at line %d)"), p->context,
			 (int)p->context_mark.line + 1);
	return err_setloc(r->e, ST_INPUT, r->name,
			  (int)p->problem_mark.line + 1,
			  (int)p->problem_mark.column + 1,
			  _("malformed YAML: %s%s"),
			  p->problem ? p->problem : "?", ctx);
}

static int too_large(const char *name, size_t len, struct error *e)
{
	return err_setloc(e, ST_INPUT, name, 0, 0,
			  _("too large for a workshop file (%zu bytes; at most "
			    "%d MiB)"), len, INTERCHANGE_MAX_BYTES >> 20);
}

int interchange_read_buffer(const char *name, const char *data, size_t len,
			    struct workshop_data **out, struct error *e)
{
	yaml_parser_t parser;
	yaml_document_t doc, extra;
	struct rd r = { name ? name : "-", &doc, e, NULL };
	char *fixed = NULL;
	size_t fixed_len = 0, bad;
	node_t *root;
	int rc = ST_INPUT;

	*out = NULL;
	if (len > INTERCHANGE_MAX_BYTES)
		return too_large(r.name, len, e);
	if (!utf8_valid(data, len, &bad)) {
		int line, col;

		locate(data, len, bad, &line, &col);
		return err_setloc(e, ST_INPUT, r.name, line, col,
				  _("invalid UTF-8 (byte 0x%02x)"),
				  (unsigned char)data[bad]);
	}
	if (json_surrogates(data, len, &fixed, &fixed_len) < 0)
		return oom(&r);
	if (fixed) {
		data = fixed;
		len = fixed_len;
	}
	/* Aliases count: the limit is on the text as the reader sees it. */
	if ((rc = yaml_limits_check(r.name, data, len, INTERCHANGE_MAX_BYTES,
				    e)) < 0) {
		free(fixed);
		return rc;
	}
	rc = ST_INPUT;
	if (!yaml_parser_initialize(&parser)) {
		free(fixed);
		return oom(&r);
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = yaml_problem(&r, &parser, data, len);
		goto out_parser;
	}
	root = yaml_document_get_root_node(&doc);
	if (!root) {
		rc = err_setloc(e, ST_INPUT, r.name, 1, 1, "%s",
				_("the file is empty"));
		goto out_doc;
	}
	if (!yaml_parser_load(&parser, &extra)) {
		rc = yaml_problem(&r, &parser, data, len);
		goto out_doc;
	}
	if (yaml_document_get_root_node(&extra)) {
		rc = err_setloc(e, ST_INPUT, r.name,
				(int)extra.start_mark.line + 1,
				(int)extra.start_mark.column + 1, "%s",
				_("a second YAML document: a file holds one workshop"));
		yaml_document_delete(&extra);
		goto out_doc;
	}
	yaml_document_delete(&extra);
	if (!(r.d = wsdata_new())) {
		rc = oom(&r);
		goto out_doc;
	}
	if (read_root(&r, root) < 0) {
		rc = e->code;
		wsdata_free(&r.d);
		goto out_doc;
	}
	*out = r.d;
	rc = ST_OK;
out_doc:
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
	free(fixed);
	return rc;
}

int interchange_read_file(const char *path, struct workshop_data **out,
			  struct error *e)
{
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	/* Refuse a huge file before reading it into memory. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > INTERCHANGE_MAX_BYTES)
		return too_large(path, (size_t)st.st_size, e);
	rc = file_read_all(path, &data, &len, e);
	if (rc < 0)
		return rc;
	rc = interchange_read_buffer(path, data, len, out, e);
	free(data);
	return rc;
}

#include "config.h"

/*
 * rules: conditions from the content files evaluated on a workshop's
 * answers, and the findings built from them: matched decision rules,
 * detected anti-patterns, library patterns ranked by fit, and the weight
 * nudges the matched rules suggest.
 *
 * Conventions, which content authors rely on:
 * - An unanswered question (no answer, VAL_NONE, empty text, empty list)
 *   makes every leaf on it false; NOT of such a leaf is true.
 * - Numbers are read without the C locale's help ("3.5" whatever
 *   LC_NUMERIC says): a text answer that is a number counts as one.
 * - EQ/NE between a number and a text that is not a number are both false
 *   (the two cannot be compared).  A list equals a text when it holds
 *   exactly that one element, and equals a list with the same elements.
 * - CONTAINS on a text answer is a substring test ignoring ASCII case, so
 *   "jenkins" finds "We run Jenkins".
 * - A rule or anti-pattern without a `when` never fires.
 * - Pattern fit = cond_fit of `fits` (1 when it has none), plus 0.1 for each
 *   matched rule that favours the pattern, capped at 1.
 */

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rules.h"
#include "util/error.h"

#define FAVOUR_BONUS 0.1
#define NUM_EQ_EPS 1e-9

/* A decimal number, surrounding blanks allowed, nothing else. */
static bool parse_number(const char *s, double *out)
{
	uint64_t mant = 0;
	int scale = 0, digits = 0, exp10 = 0;
	bool neg = false;
	double v;

	if (!s)
		return false;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; isdigit((unsigned char)*s); s++, digits++) {
		if (mant < UINT64_C(100000000000000000))
			mant = mant * 10 + (uint64_t)(*s - '0');
		else
			scale++;
	}
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++, digits++) {
			if (mant < UINT64_C(100000000000000000)) {
				mant = mant * 10 + (uint64_t)(*s - '0');
				scale--;
			}
		}
	}
	if (digits == 0)
		return false;
	if (*s == 'e' || *s == 'E') {
		bool eneg = false;
		int ed = 0;

		s++;
		if (*s == '+' || *s == '-')
			eneg = *s++ == '-';
		for (; isdigit((unsigned char)*s); s++, ed++)
			if (exp10 < 10000)
				exp10 = exp10 * 10 + (*s - '0');
		if (ed == 0)
			return false;
		scale += eneg ? -exp10 : exp10;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s)
		return false;
	/* Dividing by an exact power of ten rounds once, so short decimals
	 * ("0.1", "3.25") come out as the nearest double. */
	v = (double)mant;
	if (scale < 0)
		v /= pow(10, -scale);
	else if (scale > 0)
		v *= pow(10, scale);
	if (!isfinite(v))
		return false;
	*out = neg ? -v : v;
	return true;
}

static bool answered(const struct answer *a)
{
	if (!a)
		return false;
	switch (a->value.kind) {
	case VAL_TEXT:
		return !str_empty(a->value.text);
	case VAL_NUMBER:
		return !isnan(a->value.number);
	case VAL_LIST:
		return a->value.list.n > 0;
	case VAL_NONE:
	default:
		return false;
	}
}

/* The answer as a number, when it is one. */
static bool value_number(const struct value *v, double *out)
{
	if (v->kind == VAL_NUMBER) {
		*out = v->number;
		return true;
	}
	if (v->kind == VAL_TEXT)
		return parse_number(v->text, out);
	return false;
}

static bool num_eq(double a, double b)
{
	return fabs(a - b) <= NUM_EQ_EPS * fmax(1, fmax(fabs(a), fabs(b)));
}

/* Does text element s match the scalar value v (text or number)? */
static bool elem_matches(const char *s, const struct value *v)
{
	double x, y;

	if (v->kind == VAL_TEXT && str_eq(s, v->text))
		return true;
	if (v->kind == VAL_NUMBER || v->kind == VAL_TEXT) {
		/* "2" and "2.0" are the same number */
		if (value_number(v, &x) && parse_number(s, &y))
			return num_eq(x, y);
	}
	return false;
}

static bool same_set(const struct strv *a, const struct strv *b)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strv_contains(b, a->v[i]))
			return false;
	for (size_t i = 0; i < b->n; i++)
		if (!strv_contains(a, b->v[i]))
			return false;
	return true;
}

/* EQ: *ok false when the two cannot be compared. */
static bool equal_to(const struct value *ans, const struct value *arg,
		     bool *ok)
{
	double x, y;

	*ok = true;
	if (ans->kind == VAL_LIST) {
		if (arg->kind == VAL_LIST)
			return same_set(&ans->list, &arg->list);
		if (arg->kind == VAL_TEXT || arg->kind == VAL_NUMBER)
			return ans->list.n == 1 &&
			       elem_matches(ans->list.v[0], arg);
		*ok = false;
		return false;
	}
	if (ans->kind == VAL_TEXT && arg->kind == VAL_TEXT)
		return strcmp(ans->text, arg->text ? arg->text : "") == 0 ||
		       (parse_number(ans->text, &x) &&
			parse_number(arg->text, &y) && num_eq(x, y));
	/* one side is a number: compare as numbers or not at all */
	if (value_number(ans, &x) && arg->kind != VAL_LIST &&
	    value_number(arg, &y))
		return num_eq(x, y);
	*ok = false;
	return false;
}

static bool in_list(const struct value *ans, const struct value *arg)
{
	bool ok;

	if (arg->kind == VAL_TEXT || arg->kind == VAL_NUMBER) {
		/* a single value written without brackets */
		if (ans->kind != VAL_LIST)
			return equal_to(ans, arg, &ok);
		for (size_t i = 0; i < ans->list.n; i++)
			if (elem_matches(ans->list.v[i], arg))
				return true;
		return false;
	}
	if (arg->kind != VAL_LIST)
		return false;
	for (size_t k = 0; k < arg->list.n; k++) {
		if (ans->kind != VAL_LIST) {
			if (elem_matches(arg->list.v[k], ans))
				return true;
			continue;
		}
		if (strv_contains(&ans->list, arg->list.v[k]))
			return true;
	}
	return false;
}

/* Substring, ignoring ASCII case. */
static bool has_substring(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) ==
		       tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static bool contains(const struct value *ans, const struct value *arg)
{
	char num[64];
	const char *want = arg->text;

	if (arg->kind == VAL_NUMBER) {
		str_number(num, sizeof(num), arg->number);
		want = num;
	} else if (arg->kind != VAL_TEXT || !want) {
		return false;
	}
	if (ans->kind == VAL_LIST) {
		for (size_t i = 0; i < ans->list.n; i++)
			if (elem_matches(ans->list.v[i], arg))
				return true;
		return false;
	}
	if (ans->kind == VAL_TEXT)
		return has_substring(ans->text, want);
	return false;
}

static bool leaf_eval(const struct cond *c, const struct workshop_data *d)
{
	const struct answer *a = d ? wsdata_answer(d, c->question) : NULL;
	const struct value *v;
	double x;
	bool ok, r;

	if (!answered(a))
		return false;
	v = &a->value;
	switch (c->op) {
	case COND_EQ:
		return equal_to(v, &c->arg, &ok);
	case COND_NE:
		r = equal_to(v, &c->arg, &ok);
		return ok && !r;
	case COND_IN:
		return in_list(v, &c->arg);
	case COND_CONTAINS:
		return contains(v, &c->arg);
	case COND_LT:
		return value_number(v, &x) && x < c->lo;
	case COND_LE:
		return value_number(v, &x) && x <= c->lo;
	case COND_GT:
		return value_number(v, &x) && x > c->lo;
	case COND_GE:
		return value_number(v, &x) && x >= c->lo;
	case COND_BETWEEN:
		return value_number(v, &x) && c->lo <= x && x <= c->hi;
	case COND_ANSWERED:
		return true;
	case COND_ALL:
	case COND_ANY:
	case COND_NOT:
	default:
		return false;
	}
}

static bool is_group(const struct cond *c)
{
	return c->op == COND_ALL || c->op == COND_ANY || c->op == COND_NOT;
}

bool cond_eval(const struct cond *c, const struct workshop_data *d)
{
	if (!c)
		return true;
	switch (c->op) {
	case COND_ALL:
		for (size_t i = 0; i < c->n_sub; i++)
			if (!cond_eval(&c->sub[i], d))
				return false;
		return true;
	case COND_ANY:
		for (size_t i = 0; i < c->n_sub; i++)
			if (cond_eval(&c->sub[i], d))
				return true;
		return false;
	case COND_NOT:
		return !cond_eval(c->n_sub ? &c->sub[0] : NULL, d);
	default:
		return leaf_eval(c, d);
	}
}

/* Count leaves and those that hold; under a NOT a leaf holds when false. */
static void fit_count(const struct cond *c, const struct workshop_data *d,
		      bool negated, size_t *leaves, size_t *held)
{
	if (!is_group(c)) {
		(*leaves)++;
		if (leaf_eval(c, d) != negated)
			(*held)++;
		return;
	}
	if (c->op == COND_NOT) {
		if (c->n_sub)
			fit_count(&c->sub[0], d, !negated, leaves, held);
		return;
	}
	for (size_t i = 0; i < c->n_sub; i++)
		fit_count(&c->sub[i], d, negated, leaves, held);
}

double cond_fit(const struct cond *c, const struct workshop_data *d)
{
	size_t leaves = 0, held = 0;

	if (!c)
		return 1;
	fit_count(c, d, false, &leaves, &held);
	if (leaves == 0)
		return cond_eval(c, d) ? 1 : 0;
	return (double)held / (double)leaves;
}

bool question_visible(const struct question *q, const struct workshop_data *d)
{
	return q && (!q->show_if || cond_eval(q->show_if, d));
}

/* ---- findings ------------------------------------------------------- */

static bool uses(const struct template_def *t, const struct strv *ids,
		 const char *id)
{
	return !t || t->all_patterns || strv_contains(ids, id);
}

static int push_index(size_t **arr, size_t *n, size_t v)
{
	size_t *p = realloc(*arr, (*n + 1) * sizeof(**arr));

	if (!p)
		return ST_ERROR;
	p[(*n)++] = v;
	*arr = p;
	return ST_OK;
}

static int add_nudge(struct findings *f, const struct nudge *nu)
{
	struct nudge *p;

	for (size_t i = 0; i < f->n_nudges; i++) {
		if (str_eq(f->nudges[i].criterion, nu->criterion)) {
			f->nudges[i].delta += nu->delta;
			return ST_OK;
		}
	}
	p = realloc(f->nudges, (f->n_nudges + 1) * sizeof(*p));
	if (!p)
		return ST_ERROR;
	f->nudges = p;
	p[f->n_nudges].criterion = str_dup(nu->criterion);
	p[f->n_nudges].delta = nu->delta;
	if (nu->criterion && !p[f->n_nudges].criterion)
		return ST_ERROR;
	f->n_nudges++;
	return ST_OK;
}

static int fit_cmp(const void *pa, const void *pb)
{
	const struct pattern_fit *a = pa, *b = pb;

	if (a->fit > b->fit)
		return -1;
	if (a->fit < b->fit)
		return 1;
	/* equal fit: content order (qsort alone is not stable) */
	return a->pattern < b->pattern ? -1 : a->pattern > b->pattern;
}

static int evaluate(const struct knowledge *k, const struct template_def *t,
		    const struct workshop_data *d, struct findings *out)
{
	for (size_t i = 0; i < k->n_rules; i++) {
		const struct rule *r = &k->rules[i];

		if (!uses(t, t ? &t->rules : NULL, r->id) || !r->when ||
		    !cond_eval(r->when, d))
			continue;
		if (push_index(&out->rules, &out->n_rules, i))
			return ST_ERROR;
		for (size_t n = 0; n < r->n_nudges; n++)
			if (add_nudge(out, &r->nudges[n]))
				return ST_ERROR;
	}
	for (size_t i = 0; i < k->n_antipatterns; i++) {
		const struct antipattern *a = &k->antipatterns[i];

		if (!uses(t, t ? &t->antipatterns : NULL, a->id) || !a->when ||
		    !cond_eval(a->when, d))
			continue;
		if (push_index(&out->antipatterns, &out->n_antipatterns, i))
			return ST_ERROR;
	}
	if (k->n_patterns) {
		out->patterns = calloc(k->n_patterns, sizeof(*out->patterns));
		if (!out->patterns)
			return ST_ERROR;
	}
	for (size_t i = 0; i < k->n_patterns; i++) {
		const struct pattern *p = &k->patterns[i];
		struct pattern_fit *pf;

		if (!uses(t, t ? &t->patterns : NULL, p->id))
			continue;
		pf = &out->patterns[out->n_patterns++];
		pf->pattern = i;
		pf->fit = cond_fit(p->fits, d);
		for (size_t m = 0; m < out->n_rules; m++)
			if (strv_contains(&k->rules[out->rules[m]].patterns,
					  p->id))
				pf->favoured_by++;
		pf->fit += FAVOUR_BONUS * (double)pf->favoured_by;
		if (pf->fit > 1)
			pf->fit = 1;
	}
	if (out->n_patterns > 1)
		qsort(out->patterns, out->n_patterns, sizeof(*out->patterns),
		      fit_cmp);
	return ST_OK;
}

int rules_evaluate(const struct knowledge *k, const struct template_def *t,
		   const struct workshop_data *d, struct findings *out)
{
	memset(out, 0, sizeof(*out));
	if (evaluate(k, t, d, out)) {
		findings_clear(out);
		return ST_ERROR;
	}
	return ST_OK;
}

void findings_clear(struct findings *f)
{
	if (!f)
		return;
	free(f->rules);
	free(f->antipatterns);
	free(f->patterns);
	for (size_t i = 0; i < f->n_nudges; i++)
		free(f->nudges[i].criterion);
	free(f->nudges);
	memset(f, 0, sizeof(*f));
}

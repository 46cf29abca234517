#include "config.h"
/*
 * interchange_sections: the workshop's sections of an interchange file
 * (answers, criteria, judgements, approaches with their scores, votes,
 * decisions, risks, metrics, the roadmap), each checked as it is read.
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

/* ---- sections --------------------------------------------------------- */

int ix_read_scale(struct rd *r, const node_t *n)
{
	double v[2];
	size_t i = 0;

	if (n->type != YAML_SEQUENCE_NODE || N_ITEMS(n) != 2)
		return ix_fail(r, n, "%s",
			    _("'score_scale' must be a list of two numbers, as [1, 5]"));
	FOR_ITEMS(it, n)
		if (ix_get_number(r, ix_nd(r, *it), "score_scale", &v[i++]) < 0)
			return -1;
	if (!(v[0] < v[1]))
		return ix_fail(r, n, "%s",
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
		return ix_get_strv(r, n, q, &v->list);
	}
	if (n->type != YAML_SCALAR_NODE)
		return ix_fail(r, n, _("answer '%s' must be text, a number or a list"),
			    q);
	if (ix_is_null(n)) {
		v->kind = VAL_NONE;
		return 0;
	}
	if (ix_is_number(n, &num)) {
		if (!isfinite(num))
			return ix_fail(r, n, _("'%s' is out of range"), q);
		v->kind = VAL_NUMBER;
		v->number = num;
		return 0;
	}
	v->kind = VAL_TEXT;
	return ix_get_text(r, n, q, &v->text);
}

int ix_read_answers(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "value", "note", NULL };

	if (ix_free_keys(r, n, "answers") < 0)
		return -1;
	FOR_PAIRS(p, n) {
		node_t *k = ix_nd(r, p->key), *v = ix_nd(r, p->value), *f[2];
		struct answer *a = wsdata_add_answer(r->d);

		if (!a || !(a->question = str_dup(ix_sval(k))))
			return ix_oom(r);
		if (v->type != YAML_MAPPING_NODE)
			f[0] = v, f[1] = NULL;
		else if (ix_fields(r, v, _("an answer with a note"), keys, f) < 0)
			return -1;
		if (f[0] && read_value(r, f[0], a->question, &a->value) < 0)
			return -1;
		if (ix_get_text(r, f[1], "note", &a->note) < 0)
			return -1;
	}
	return 0;
}

int ix_read_criteria(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "name", "description", "weight", NULL
	};

	if (ix_expect_seq(r, n, "criteria") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[4];
		struct criterion *c;

		if (ix_fields(r, x, _("a criterion"), keys, f) < 0)
			return -1;
		if (!(c = wsdata_add_criterion(r->d)))
			return ix_oom(r);
		c->pos = (int)(r->d->n_criteria - 1);
		c->weight = 1;
		if (ix_get_id(r, x, f[0], "id", &c->key) < 0)
			return -1;
		if (wsdata_criterion_index(r->d, c->key) != c->pos)
			return ix_fail(r, f[0], _("duplicate criterion id '%s'"),
				    c->key);
		if (ix_get_line(r, f[1], "name", &c->name) < 0 ||
		    ix_get_text(r, f[2], "description", &c->description) < 0)
			return -1;
		if (f[3] && ix_get_number(r, f[3], "weight", &c->weight) < 0)
			return -1;
		if (c->weight < 0)
			return ix_fail(r, f[3], "%s",
				    _("'weight' must not be negative"));
	}
	return 0;
}

int ix_known_criterion(struct rd *r, const node_t *n, const char *what,
		       char **dst)
{
	if (n->type != YAML_SCALAR_NODE || ix_is_null(n))
		return ix_fail(r, n, _("%s must be a criterion id"), what);
	if (wsdata_criterion_index(r->d, ix_sval(n)) < 0)
		return ix_fail(r, n, _("%s names an unknown criterion '%s'"),
			    what, ix_sval(n));
	return ix_get_text(r, n, what, dst);
}

int ix_known_approach(struct rd *r, const node_t *n, const char *what,
		      char **dst)
{
	if (n->type != YAML_SCALAR_NODE || ix_is_null(n))
		return ix_fail(r, n, _("%s must be an approach id"), what);
	if (wsdata_approach_index(r->d, ix_sval(n)) < 0)
		return ix_fail(r, n, _("%s names an unknown approach '%s'"),
			    what, ix_sval(n));
	return ix_get_text(r, n, what, dst);
}

/* A Saaty value: a number, or a fraction written "1/3". */
static int saaty_value(struct rd *r, const node_t *n, double *out)
{
	const char *s = ix_sval(n);
	char *end;
	long a, b;

	if (n->type != YAML_SCALAR_NODE)
		goto bad;
	if (ix_is_number(n, out))
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
		return ix_fail(r, n, "%s",
			    _("a pairwise value must be greater than 0"));
	if (*out < SAATY_MIN * (1 - 1e-12) || *out > SAATY_MAX)
		return ix_fail(r, n, "%s",
			    _("a pairwise value must be between 1/9 and 9"));
	return 0;
bad:
	return ix_fail(r, n, "%s",
		    _("a pairwise value must be a number or a fraction such as 1/3"));
}

int ix_read_pairwise(struct rd *r, const node_t *n)
{
	if (ix_expect_seq(r, n, "pairwise") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *el[4] = { NULL, NULL, NULL, NULL };
		struct judgement *j;
		size_t i = 0, cnt;

		if (x->type != YAML_SEQUENCE_NODE ||
		    (cnt = N_ITEMS(x)) < 3 || cnt > 4)
			return ix_fail(r, x, "%s",
				    _("a pairwise entry must be a list [a, b, value] or [a, b, value, participant]"));
		FOR_ITEMS(e2, x)
			el[i++] = ix_nd(r, *e2);
		if (!(j = wsdata_add_judgement(r->d)))
			return ix_oom(r);
		if (ix_known_criterion(r, el[0], _("a pairwise entry"), &j->a) < 0 ||
		    ix_known_criterion(r, el[1], _("a pairwise entry"), &j->b) < 0)
			return -1;
		if (strcmp(j->a, j->b) == 0)
			return ix_fail(r, el[1], _("criterion '%s' is compared with itself"),
				    j->a);
		if (saaty_value(r, el[2], &j->value) < 0)
			return -1;
		if (el[3] && ix_get_id(r, x, el[3], "participant",
				    &j->participant) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_pairwise; k++) {
			const struct judgement *o = &r->d->pairwise[k];

			if (!str_eq(o->participant, j->participant))
				continue;
			if (str_eq(o->a, j->a) && str_eq(o->b, j->b))
				return ix_fail(r, x, _("the pair %s/%s is given twice"),
					    j->a, j->b);
			if (str_eq(o->a, j->b) && str_eq(o->b, j->a))
				return ix_fail(r, x, _("the pair %s/%s is given in both orders"),
					    j->a, j->b);
		}
	}
	return 0;
}

int ix_in_scale(struct rd *r, const node_t *n, double v)
{
	char lo[40], hi[40], s[40];

	if (v >= r->d->ws.scale_min && v <= r->d->ws.scale_max)
		return 0;
	str_number(lo, sizeof(lo), r->d->ws.scale_min);
	str_number(hi, sizeof(hi), r->d->ws.scale_max);
	str_number(s, sizeof(s), v);
	return ix_fail(r, n, _("score %s is outside the scale [%s, %s]"), s, lo, hi);
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
		return ix_oom(r);
	for (int pass = 0; pass < 2; pass++) {
		const node_t *m = pass ? ra : sc;
		const char *what = pass ? "rationale" : "scores";

		if (!m || ix_is_null(m))
			continue;
		if (ix_free_keys(r, m, what) < 0)
			goto out;
		FOR_PAIRS(p, m) {
			node_t *k = ix_nd(r, p->key), *v = ix_nd(r, p->value);
			int ci = wsdata_criterion_index(r->d, ix_sval(k));

			if (ci < 0) {
				ix_fail(r, k, pass ? _("rationale for unknown criterion '%s'")
						: _("score for unknown criterion '%s'"),
				     ix_sval(k));
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
			ix_oom(r);
			goto out;
		}
		if (v && !ix_is_null(v)) {
			if (ix_get_number(r, v, "score", &s->value) < 0 ||
			    ix_in_scale(r, v, s->value) < 0)
				goto out;
			s->has_value = true;
		}
		if (t && ix_get_text(r, t, "rationale", &s->rationale) < 0)
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

	if (ix_is_null(n))
		return 0;
	if (ix_expect_seq(r, n, "components") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[2];
		struct component *c;

		if (ix_fields(r, x, _("a component"), keys, f) < 0)
			return -1;
		if (!(c = approach_add_component(a)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "category", &c->category) < 0 ||
		    ix_get_id(r, x, f[1], "name", &c->name) < 0)
			return -1;
	}
	return 0;
}

int ix_read_approaches(struct rd *r, const node_t *n)
{
	enum { ID, NAME, PATTERN, SUMMARY, COMPONENTS, DEPLOYMENT, OBS, SEC,
	       COMPLEXITY, COST, PROS, CONS, STAGES, SCORES, RATIONALE };
	static const char *const keys[] = {
		"id", "name", "pattern", "summary", "components", "deployment",
		"observability", "security", "complexity", "cost", "pros",
		"cons", "stages", "scores", "rationale", NULL
	};

	if (ix_expect_seq(r, n, "approaches") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[15];
		struct approach *a;

		if (ix_fields(r, x, _("an approach"), keys, f) < 0)
			return -1;
		if (!(a = wsdata_add_approach(r->d)))
			return ix_oom(r);
		a->pos = (int)(r->d->n_approaches - 1);
		if (ix_get_id(r, x, f[ID], "id", &a->key) < 0)
			return -1;
		if (wsdata_approach_index(r->d, a->key) != a->pos)
			return ix_fail(r, f[ID], _("duplicate approach id '%s'"),
				    a->key);
		if (ix_get_line(r, f[NAME], "name", &a->name) < 0 ||
		    ix_get_text(r, f[PATTERN], "pattern", &a->pattern) < 0 ||
		    ix_get_text(r, f[SUMMARY], "summary", &a->summary) < 0 ||
		    (f[COMPONENTS] && read_components(r, f[COMPONENTS], a) < 0) ||
		    ix_get_text(r, f[DEPLOYMENT], "deployment", &a->deployment) < 0 ||
		    ix_get_text(r, f[OBS], "observability", &a->observability) < 0 ||
		    ix_get_text(r, f[SEC], "security", &a->security) < 0 ||
		    ix_get_text(r, f[COMPLEXITY], "complexity", &a->complexity) < 0 ||
		    ix_get_text(r, f[COST], "cost", &a->cost) < 0 ||
		    ix_get_strv(r, f[PROS], "pros", &a->pros) < 0 ||
		    ix_get_strv(r, f[CONS], "cons", &a->cons) < 0 ||
		    ix_get_strv(r, f[STAGES], "stages", &a->stages) < 0)
			return -1;
	}
	/* Scores after every approach is known, in approach order. */
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[15];
		size_t i = (size_t)(it - n->data.sequence.items.start);

		if (ix_fields(r, x, _("an approach"), keys, f) < 0 ||
		    read_scores(r, r->d->approaches[i].key, f[SCORES],
				f[RATIONALE]) < 0)
			return -1;
	}
	return 0;
}

int ix_read_votes(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"participant", "approach", "criterion", "score", NULL
	};

	if (ix_expect_seq(r, n, "votes") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[4];
		struct vote *v;

		if (ix_fields(r, x, _("a vote"), keys, f) < 0)
			return -1;
		if (!(v = wsdata_add_vote(r->d)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "participant", &v->participant) < 0)
			return -1;
		if (!f[1] || !f[2] || !f[3])
			return ix_fail(r, x, "%s",
				    _("a vote needs participant, approach, criterion and score"));
		if (ix_known_approach(r, f[1], _("a vote"), &v->approach) < 0 ||
		    ix_known_criterion(r, f[2], _("a vote"), &v->criterion) < 0 ||
		    ix_get_number(r, f[3], "score", &v->value) < 0 ||
		    ix_in_scale(r, f[3], v->value) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_votes; k++) {
			const struct vote *o = &r->d->votes[k];

			if (str_eq(o->participant, v->participant) &&
			    str_eq(o->approach, v->approach) &&
			    str_eq(o->criterion, v->criterion))
				return ix_fail(r, x, _("%s votes twice on %s/%s"),
					    v->participant, v->approach,
					    v->criterion);
		}
	}
	return 0;
}

static int known_decision(struct rd *r, const node_t *n, int self)
{
	int num;

	if (ix_get_int(r, n, _("a decision number"), 1, 1000000000, &num) < 0)
		return -1;
	if (!wsdata_decision(r->d, num))
		return ix_fail(r, n, _("there is no decision number %d"), num);
	if (num == self)
		return ix_fail(r, n, _("decision %d refers to itself"), num);
	return num;
}

/* links: [{relation: Amends, target: 2}, ...] of one decision. */
static int read_links(struct rd *r, const node_t *n, struct decision *d)
{
	static const char *const keys[] = { "relation", "target", NULL };

	if (ix_expect_seq(r, n, "links") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[2];
		char *rel = NULL;
		int num, rc;

		if (ix_fields(r, x, _("a link"), keys, f) < 0)
			return -1;
		if (!f[1] || ix_is_null(f[1]))
			return ix_fail(r, x, "%s", _("'target' is missing"));
		if (ix_get_id(r, x, f[0], "relation", &rel) < 0) {
			free(rel);
			return -1;
		}
		if (strcspn(rel, "\t\r\n") != strlen(rel) ||
		    strspn(rel, " ") == strlen(rel)) {
			free(rel);
			return ix_fail(r, f[0], "%s",
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
			return ix_oom(r);
		if (rc < 0)
			return ix_fail(r, x, "%s", _("not a valid link"));
	}
	return 0;
}

int ix_read_decisions(struct rd *r, const node_t *n)
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

	if (ix_expect_seq(r, n, "decisions") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[N_KEYS], *c[3] = { NULL, NULL, NULL };
		struct decision *d;

		if (ix_fields(r, x, _("a decision"), keys, f) < 0)
			return -1;
		if (!(d = wsdata_add_decision(r->d)))
			return ix_oom(r);
		if (!f[NUMBER])
			return ix_fail(r, x, "%s", _("'number' is missing"));
		if (ix_get_int(r, f[NUMBER], "number", 1, 1000000000, &d->number) < 0)
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_decisions; k++)
			if (r->d->decisions[k].number == d->number)
				return ix_fail(r, f[NUMBER], _("duplicate decision number %d"),
					    d->number);
		if (f[STATUS]) {
			if (f[STATUS]->type != YAML_SCALAR_NODE ||
			    adr_status_from_id(ix_sval(f[STATUS]), &d->status) < 0)
				return ix_fail(r, f[STATUS],
					    _("unknown decision status '%s' (expected proposed, accepted, rejected, deprecated or superseded)"),
					    f[STATUS]->type == YAML_SCALAR_NODE ?
					    ix_sval(f[STATUS]) : "");
		}
		if (f[CONSEQ] && !ix_is_null(f[CONSEQ]) &&
		    ix_fields(r, f[CONSEQ], "'consequences'", ckeys, c) < 0)
			return -1;
		if (ix_get_line(r, f[TITLE], "title", &d->title) < 0 ||
		    ix_get_line(r, f[DATE], "date", &d->date) < 0 ||
		    ix_get_strv(r, f[DECIDERS], "deciders", &d->deciders) < 0 ||
		    ix_get_strv(r, f[CONSULTED], "consulted", &d->consulted) < 0 ||
		    ix_get_strv(r, f[INFORMED], "informed", &d->informed) < 0 ||
		    ix_get_text(r, f[CONTEXT], "context", &d->context) < 0 ||
		    ix_get_text(r, f[DECISION], "decision", &d->decision) < 0 ||
		    ix_get_text(r, f[RATIONALE], "rationale", &d->rationale) < 0 ||
		    ix_get_strv(r, c[0], "positive", &d->positive) < 0 ||
		    ix_get_strv(r, c[1], "negative", &d->negative) < 0 ||
		    ix_get_strv(r, c[2], "risks", &d->risks) < 0 ||
		    ix_get_text(r, f[ALTERNATIVES], "alternatives",
			     &d->alternatives) < 0)
			return -1;
		if (f[CHOSEN] && !ix_is_null(f[CHOSEN]) &&
		    ix_known_approach(r, f[CHOSEN], "'chosen'", &d->chosen) < 0)
			return -1;
		if (f[MARKDOWN] && !ix_is_null(f[MARKDOWN]) &&
		    ix_get_bool(r, f[MARKDOWN], "markdown", &d->markdown) < 0)
			return -1;
	}
	/* References to other decisions, once every number is known. */
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[N_KEYS];
		struct decision *d = &r->d->decisions[it - n->data.sequence.items.start];
		int num;

		if (ix_fields(r, x, _("a decision"), keys, f) < 0)
			return -1;
		if (f[LINKS] && !ix_is_null(f[LINKS]) && read_links(r, f[LINKS], d) < 0)
			return -1;
		if (f[SUP_BY] && !ix_is_null(f[SUP_BY])) {
			if ((num = known_decision(r, f[SUP_BY], d->number)) < 0)
				return -1;
			d->superseded_by = num;
		}
		if (!f[SUPERSEDES] || ix_is_null(f[SUPERSEDES]))
			continue;
		if (ix_expect_seq(r, f[SUPERSEDES], "supersedes") < 0)
			return -1;
		d->supersedes = calloc(N_ITEMS(f[SUPERSEDES]) + 1, sizeof(int));
		if (!d->supersedes)
			return ix_oom(r);
		FOR_ITEMS(s, f[SUPERSEDES]) {
			if ((num = known_decision(r, ix_nd(r, *s), d->number)) < 0)
				return -1;
			d->supersedes[d->n_supersedes++] = num;
		}
	}
	return 0;
}

int ix_read_risks(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "description", "probability", "impact", "owner",
		"mitigation", "status", NULL
	};

	if (ix_expect_seq(r, n, "risks") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[7];
		struct risk *k;

		if (ix_fields(r, x, _("a risk"), keys, f) < 0)
			return -1;
		if (!(k = wsdata_add_risk(r->d)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "id", &k->key) < 0)
			return -1;
		for (size_t i = 0; i + 1 < r->d->n_risks; i++)
			if (str_eq(r->d->risks[i].key, k->key))
				return ix_fail(r, f[0], _("duplicate risk id '%s'"),
					    k->key);
		if (!f[2])
			return ix_fail(r, x, "%s", _("'probability' is missing"));
		if (!f[3])
			return ix_fail(r, x, "%s", _("'impact' is missing"));
		if (ix_get_text(r, f[1], "description", &k->description) < 0 ||
		    ix_get_int(r, f[2], "probability", 1, 5, &k->probability) < 0 ||
		    ix_get_int(r, f[3], "impact", 1, 5, &k->impact) < 0 ||
		    ix_get_line(r, f[4], "owner", &k->owner) < 0 ||
		    ix_get_text(r, f[5], "mitigation", &k->mitigation) < 0)
			return -1;
		if (f[6] && (f[6]->type != YAML_SCALAR_NODE ||
			     risk_status_from_id(ix_sval(f[6]), &k->status) < 0))
			return ix_fail(r, f[6],
				    _("unknown risk status '%s' (expected open, mitigating, accepted or closed)"),
				    f[6]->type == YAML_SCALAR_NODE ? ix_sval(f[6]) : "");
	}
	return 0;
}

static int opt_number(struct rd *r, const node_t *n, const char *field,
		      bool *has, double *v)
{
	if (!n || ix_is_null(n))
		return 0;
	if (ix_get_number(r, n, field, v) < 0)
		return -1;
	*has = true;
	return 0;
}

int ix_read_metrics(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"id", "name", "unit", "current", "target_3m", "target_6m", NULL
	};

	if (ix_expect_seq(r, n, "metrics") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[6];
		struct metric *m;

		if (ix_fields(r, x, _("a metric"), keys, f) < 0)
			return -1;
		if (!(m = wsdata_add_metric(r->d)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "id", &m->key) < 0)
			return -1;
		for (size_t i = 0; i + 1 < r->d->n_metrics; i++)
			if (str_eq(r->d->metrics[i].key, m->key))
				return ix_fail(r, f[0], _("duplicate metric id '%s'"),
					    m->key);
		if (ix_get_line(r, f[1], "name", &m->name) < 0 ||
		    ix_get_line(r, f[2], "unit", &m->unit) < 0 ||
		    opt_number(r, f[3], "current", &m->has_current, &m->current) < 0 ||
		    opt_number(r, f[4], "target_3m", &m->has_target_3m,
			       &m->target_3m) < 0 ||
		    opt_number(r, f[5], "target_6m", &m->has_target_6m,
			       &m->target_6m) < 0)
			return -1;
	}
	return 0;
}

int ix_read_roadmap(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "phase", "weeks", "items", NULL };

	if (ix_expect_seq(r, n, "roadmap") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[3];
		struct phase *p;

		if (ix_fields(r, x, _("a roadmap phase"), keys, f) < 0)
			return -1;
		if (!(p = wsdata_add_phase(r->d)))
			return ix_oom(r);
		p->pos = (int)(r->d->n_roadmap - 1);
		if (ix_get_line(r, f[0], "phase", &p->name) < 0 ||
		    (f[1] && !ix_is_null(f[1]) &&
		     ix_get_number(r, f[1], "weeks", &p->weeks) < 0) ||
		    ix_get_strv(r, f[2], "items", &p->items) < 0)
			return -1;
		if (p->weeks < 0)
			return ix_fail(r, f[1], "%s", _("'weeks' must not be negative"));
	}
	return 0;
}

#include "config.h"
/*
 * session_view: everything derived from the open workshop, computed once
 * per reload so that every screen, verb and export reads the same result:
 * the engine's weighted scoring (with sensitivity), the agreed pairwise
 * matrix's AHP weights and consistency, the findings and the weight
 * nudges they suggest, each cell's votes and their statistics, the risks
 * in both display orders, and which interview questions are shown.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content/content.h"
#include "engine/ahp.h"
#include "engine/dora.h"
#include "engine/nudge.h"
#include "session/session_int.h"
#include "util/i18n.h"

void view_clear(struct sess_view *v)
{
	if (v->scored)
		ws_scores_clear(&v->sc);
	free(v->ahp_w);
	if (v->have_findings)
		findings_clear(&v->f);
	free(v->nudges);
	free(v->risk_suggestions);
	for (size_t i = 0; v->fit_marks && i < v->n_fit_marks; i++)
		free(v->fit_marks[i]);
	free(v->fit_marks);
	if (v->cells) {
		/* n is not kept here: the votes arrays were allocated as one. */
		free(v->cells[0].votes);
	}
	free(v->cells);
	free(v->risks_by_score);
	free(v->risks_by_id);
	free(v->q_visible);
	free(v->metrics);
	memset(v, 0, sizeof(*v));
}

static void build_scores(const struct workshop_data *d, struct sess_view *v)
{
	struct error e;

	err_clear(&e);
	if (ws_scores_compute(d, true, &v->sc, &e) == 0) {
		v->scored = v->has_sensitivity = true;
		return;
	}
	snprintf(v->score_err, sizeof(v->score_err), "%s", e.msg);
	/* Totals without the sensitivity are better than nothing. */
	err_clear(&e);
	if (d->n_criteria && ws_scores_compute(d, false, &v->sc, &e) == 0)
		v->scored = true;
}

/* The agreed judgement of criteria i over k, either way round. */
static bool judgement(const struct workshop_data *d, size_t i, size_t k)
{
	const char *a = d->criteria[i].key, *b = d->criteria[k].key;

	for (size_t j = 0; j < d->n_pairwise; j++) {
		const struct judgement *jg = &d->pairwise[j];

		if (jg->participant)
			continue;
		if ((str_eq(jg->a, a) && str_eq(jg->b, b)) ||
		    (str_eq(jg->a, b) && str_eq(jg->b, a)))
			return true;
	}
	return false;
}

static int build_ahp(const struct workshop_data *d, struct sess_view *v)
{
	size_t n = d->n_criteria;
	const char **keys;
	double *m;
	struct error e;

	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			if (!judgement(d, i, k))
				v->ahp_missing++;
	if (n < 2) {
		snprintf(v->ahp_err, sizeof(v->ahp_err), "%s",
			 _("pairwise comparison needs at least two criteria"));
		return ST_OK;
	}
	if (v->ahp_missing)
		return ST_OK;
	keys = malloc(n * sizeof(*keys));
	m = malloc(n * n * sizeof(*m));
	v->ahp_w = calloc(n, sizeof(*v->ahp_w));
	err_clear(&e);
	if (!keys || !m || !v->ahp_w) {
		free(keys);
		free(m);
		return ST_ERROR;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = d->criteria[i].key;
	if (ahp_matrix(keys, n, d->pairwise, d->n_pairwise, NULL, m, &e) == 0 &&
	    ahp_weights(m, n, v->ahp_w, &v->ahp, &e) == 0)
		v->ahp_ok = true;
	else
		snprintf(v->ahp_err, sizeof(v->ahp_err), "%s", e.msg);
	free(keys);
	free(m);
	return ST_OK;
}

static int build_fit_marks(struct session *s, struct sess_view *v);

static int build_findings(struct session *s, struct sess_view *v)
{
	const struct workshop_data *d = s->d;

	if (!s->k)
		return ST_OK;
	if (rules_evaluate(s->k, s->tpl, d, &v->f) < 0 ||
	    build_fit_marks(s, v) < 0)
		return ST_ERROR;
	v->have_findings = true;
	v->nudges = calloc(v->f.n_nudges ? v->f.n_nudges : 1,
			   sizeof(*v->nudges));
	if (!v->nudges)
		return ST_ERROR;
	for (size_t i = 0; i < v->f.n_nudges; i++) {
		const struct nudge *nd = &v->f.nudges[i];
		int ci = wsdata_criterion_index(d, nd->criterion);
		struct sess_nudge *sn;

		if (ci < 0 || nd->delta == 0)
			continue;
		sn = &v->nudges[v->n_nudges++];
		sn->criterion = (size_t)ci;
		sn->delta = nd->delta;
		sn->from = d->criteria[ci].weight;
		sn->to = nudge_weight(sn->from, nd->delta);
		sn->applied = strv_contains(&s->applied, d->criteria[ci].key);
	}
	return ST_OK;
}

/* Does any question a condition looks at have an answer? */
static bool cond_answered(const struct cond *c, const struct workshop_data *d)
{
	if (c->question && wsdata_answer(d, c->question))
		return true;
	for (size_t i = 0; i < c->n_sub; i++)
		if (cond_answered(&c->sub[i], d))
			return true;
	return false;
}

/* Content lists one fit reason per member of a pattern's `all`
 * condition, in order: each is marked with whether it holds. */
static int build_fit_marks(struct session *s, struct sess_view *v)
{
	const struct knowledge *k = s->k;

	v->fit_marks = calloc(k->n_patterns ? k->n_patterns : 1,
			      sizeof(*v->fit_marks));
	if (!v->fit_marks)
		return ST_ERROR;
	v->n_fit_marks = k->n_patterns;
	for (size_t i = 0; i < k->n_patterns; i++) {
		const struct pattern *p = &k->patterns[i];
		const struct cond *c = p->fits;

		if (!c || c->op != COND_ALL || c->n_sub != p->fit_reasons.n ||
		    !c->n_sub)
			continue;
		v->fit_marks[i] = malloc(c->n_sub);
		if (!v->fit_marks[i])
			return ST_ERROR;
		for (size_t j = 0; j < c->n_sub; j++)
			v->fit_marks[i][j] = cond_eval(&c->sub[j], s->d) ? '+'
				: cond_answered(&c->sub[j], s->d) ? '-' : '?';
	}
	return ST_OK;
}

/* Is a risk with this description (case and outer spaces aside) in the
 * register? */
static bool in_register(const struct workshop_data *d, const char *desc)
{
	char *want = str_dup(desc);
	bool found = false;

	if (!want)
		return false;
	str_trim(want);
	for (size_t i = 0; !found && i < d->n_risks; i++) {
		char *have = str_dup(d->risks[i].description);

		if (have && strcasecmp(str_trim(have), want) == 0)
			found = true;
		free(have);
	}
	free(want);
	return found;
}

static int build_suggestions(struct session *s, struct sess_view *v)
{
	size_t cap = 0;

	for (size_t i = 0; v->have_findings && i < v->f.n_rules; i++) {
		const struct rule *r = &s->k->rules[v->f.rules[i]];

		for (size_t j = 0; j < r->n_risks; j++) {
			const struct suggested_risk *sr = &r->risks[j];
			bool dup = str_empty(sr->description) ||
				   in_register(s->d, sr->description);

			for (size_t k = 0; !dup && k < v->n_risk_suggestions; k++)
				dup = str_eq(v->risk_suggestions[k]->description,
					     sr->description);
			if (dup)
				continue;
			if (v->n_risk_suggestions == cap) {
				size_t nc = cap ? cap * 2 : 8;
				const struct suggested_risk **p =
					realloc(v->risk_suggestions,
						nc * sizeof(*p));

				if (!p)
					return ST_ERROR;
				v->risk_suggestions = p;
				cap = nc;
			}
			v->risk_suggestions[v->n_risk_suggestions++] = sr;
		}
	}
	return ST_OK;
}

/* Every vote's cell, then each cell's votes in one array. */
static int build_cells(struct session *s, struct sess_view *v)
{
	const struct workshop_data *d = s->d;
	size_t na = d->n_approaches, nc = d->n_criteria, cells = na * nc;
	const struct vote **all;
	size_t *at, used = 0;
	double *vals;

	if (!cells)
		return ST_OK;
	v->cells = calloc(cells, sizeof(*v->cells));
	all = calloc(d->n_votes ? d->n_votes : 1, sizeof(*all));
	at = calloc(d->n_votes ? d->n_votes : 1, sizeof(*at));
	vals = calloc(d->n_votes ? d->n_votes : 1, sizeof(*vals));
	if (!v->cells || !all || !at || !vals) {
		free(all);
		free(at);
		free(vals);
		free(v->cells);
		v->cells = NULL;
		return ST_ERROR;
	}
	for (size_t i = 0; i < d->n_scores; i++) {
		int ai = wsdata_approach_index(d, d->scores[i].approach);
		int ci = wsdata_criterion_index(d, d->scores[i].criterion);

		if (ai >= 0 && ci >= 0)
			v->cells[(size_t)ai * nc + (size_t)ci].score =
				&d->scores[i];
	}
	for (size_t i = 0; i < d->n_votes; i++) {
		int ai = wsdata_approach_index(d, d->votes[i].approach);
		int ci = wsdata_criterion_index(d, d->votes[i].criterion);

		at[i] = ai >= 0 && ci >= 0 ? (size_t)ai * nc + (size_t)ci
					   : cells;
		if (at[i] < cells)
			v->cells[at[i]].n_votes++;
	}
	/* Slices of one array, in cell order. */
	for (size_t c = 0; c < cells; c++) {
		v->cells[c].votes = all + used;
		used += v->cells[c].n_votes;
		v->cells[c].n_votes = 0;
	}
	for (size_t i = 0; i < d->n_votes; i++) {
		struct sess_cell *cl;

		if (at[i] >= cells)
			continue;
		cl = &v->cells[at[i]];
		cl->votes[cl->n_votes++] = &d->votes[i];
		if (str_eq(d->votes[i].participant, session_who(s)))
			cl->mine = &d->votes[i];
	}
	for (size_t c = 0; c < cells; c++) {
		struct sess_cell *cl = &v->cells[c];

		for (size_t i = 0; i < cl->n_votes; i++)
			vals[i] = cl->votes[i]->value;
		agg_stats(vals, cl->n_votes, &cl->st);
		cl->spread = cl->st.n >= 2 &&
			     cl->st.max - cl->st.min >= SESS_SPREAD - 1e-9;
	}
	free(at);
	free(vals);
	return ST_OK;
}

/* Score order: highest first, ties by id (the order people add them). */
static int by_score(const void *x, const void *y, void *ctx)
{
	const struct workshop_data *d = ctx;
	const struct risk *a = &d->risks[*(const size_t *)x];
	const struct risk *b = &d->risks[*(const size_t *)y];

	if (risk_score(a) != risk_score(b))
		return risk_score(b) - risk_score(a);
	return (a->id > b->id) - (a->id < b->id);
}

static int by_id(const void *x, const void *y, void *ctx)
{
	const struct workshop_data *d = ctx;
	const struct risk *a = &d->risks[*(const size_t *)x];
	const struct risk *b = &d->risks[*(const size_t *)y];

	return (a->id > b->id) - (a->id < b->id);
}

static int build_risks(const struct workshop_data *d, struct sess_view *v)
{
	size_t n = d->n_risks;

	v->risks_by_score = calloc(n ? n : 1, sizeof(size_t));
	v->risks_by_id = calloc(n ? n : 1, sizeof(size_t));
	if (!v->risks_by_score || !v->risks_by_id)
		return ST_ERROR;
	for (size_t i = 0; i < n; i++) {
		v->risks_by_score[i] = v->risks_by_id[i] = i;
		if (risk_band(risk_score(&d->risks[i])) == RISK_BAND_HIGH)
			v->n_risks_high++;
		if (d->risks[i].status == RISK_OPEN)
			v->n_risks_open++;
	}
	qsort_r(v->risks_by_score, n, sizeof(size_t), by_score, (void *)d);
	qsort_r(v->risks_by_id, n, sizeof(size_t), by_id, (void *)d);
	return ST_OK;
}

static bool answered(const struct answer *an)
{
	if (!an)
		return false;
	switch (an->value.kind) {
	case VAL_TEXT:
		return !str_empty(an->value.text);
	case VAL_LIST:
		return an->value.list.n > 0;
	case VAL_NUMBER:
		return true;
	default:
		return false;
	}
}

static int build_interview(struct session *s, struct sess_view *v)
{
	const struct knowledge *k = s->k;
	const struct template_def *t = s->tpl;

	if (!k)
		return ST_OK;
	v->q_visible = calloc(k->n_questions ? k->n_questions : 1,
			      sizeof(*v->q_visible));
	if (!v->q_visible)
		return ST_ERROR;
	for (size_t i = 0; i < k->n_questions; i++) {
		const struct question *q = &k->questions[i];

		v->q_visible[i] = question_visible(q, s->d);
		if (!v->q_visible[i] || (t && !strv_contains(&t->sections,
							     q->section)))
			continue;
		v->n_questions_shown++;
		if (answered(wsdata_answer(s->d, q->id)))
			v->n_questions_answered++;
	}
	return ST_OK;
}

static int build_metrics(struct session *s, struct sess_view *v)
{
	const struct workshop_data *d = s->d;

	v->metrics = calloc(d->n_metrics ? d->n_metrics : 1,
			    sizeof(*v->metrics));
	if (!v->metrics)
		return ST_ERROR;
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];
		struct sess_metric *sm = &v->metrics[i];
		const bool has[SESS_TIMES] = {
			m->has_current, m->has_target_3m, m->has_target_6m
		};
		const double val[SESS_TIMES] = {
			m->current, m->target_3m, m->target_6m
		};

		sm->def = s->k ? knowledge_metric(s->k, m->key) : NULL;
		for (int t = 0; t < SESS_TIMES; t++) {
			sm->band[t] = sm->def && has[t]
				      ? dora_band(sm->def, val[t]) : BAND_NONE;
			sm->worse[t] = sm->def && has[t] && t != SESS_NOW &&
				       m->has_current &&
				       dora_target_worse(sm->def, m->current,
							 val[t]);
			sm->any_worse = sm->any_worse || sm->worse[t];
		}
		if (sm->any_worse)
			v->n_metrics_worse++;
	}
	return ST_OK;
}

int view_build(struct session *s, struct error *e)
{
	struct sess_view *v = &s->view;
	const struct workshop_data *d = s->d;

	view_clear(v);
	if (!d)
		return ST_OK;
	build_scores(d, v);
	if (build_ahp(d, v) < 0 || build_findings(s, v) < 0 ||
	    build_suggestions(s, v) < 0 ||
	    build_cells(s, v) < 0 || build_risks(d, v) < 0 ||
	    build_interview(s, v) < 0 || build_metrics(s, v) < 0)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	return ST_OK;
}

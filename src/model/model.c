/* model: enum names, freeing, copying and the workshop_data container. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"
#include "model/model_int.h"
#include "util/error.h"
#include "util/i18n.h"

static const char *const stage_ids[STAGE_COUNT] = {
	"interview", "findings", "approaches", "tradeoffs", "decision",
	"risks", "metrics", "roadmap", "done"
};
static const char *const stage_labels[STAGE_COUNT] = {
	N_("Interview"), N_("Findings"), N_("Approaches"), N_("Trade-offs"),
	N_("Decision"), N_("Risks"), N_("Metrics"), N_("Roadmap"), N_("Done")
};
static const char *const adr_ids[ADR_STATUS_COUNT] = {
	"proposed", "accepted", "rejected", "deprecated", "superseded"
};
static const char *const adr_labels[ADR_STATUS_COUNT] = {
	N_("Proposed"), N_("Accepted"), N_("Rejected"), N_("Deprecated"),
	N_("Superseded")
};
static const char *const risk_labels[RISK_STATUS_COUNT] = {
	N_("Open"), N_("Mitigating"), N_("Accepted"), N_("Closed")
};
static const char *const band_labels[] = {
	N_("low"), N_("medium"), N_("high")
};
static const char *const risk_ids[RISK_STATUS_COUNT] = {
	"open", "mitigating", "accepted", "closed"
};

int model_lookup(const char *const *names, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcasecmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *stage_id(enum stage s)
{
	return (unsigned)s < STAGE_COUNT ? stage_ids[s] : "unknown";
}

const char *stage_label(enum stage s)
{
	return (unsigned)s < STAGE_COUNT ? _(stage_labels[s]) : "?";
}

int stage_from_id(const char *s, enum stage *out)
{
	int i = model_lookup(stage_ids, STAGE_COUNT, s);

	if (i < 0)
		return ST_INPUT;
	*out = (enum stage)i;
	return ST_OK;
}

const char *weighting_id(enum weighting w)
{
	return w == WEIGHTING_AHP ? "ahp" : "direct";
}

int weighting_from_id(const char *s, enum weighting *out)
{
	static const char *const ids[] = { "direct", "ahp" };
	int i = model_lookup(ids, 2, s);

	if (i < 0)
		return ST_INPUT;
	*out = (enum weighting)i;
	return ST_OK;
}

const char *adr_status_id(enum adr_status s)
{
	return (unsigned)s < ADR_STATUS_COUNT ? adr_ids[s] : "proposed";
}

const char *adr_status_label(enum adr_status s)
{
	return (unsigned)s < ADR_STATUS_COUNT ? _(adr_labels[s]) : "?";
}

int adr_status_from_id(const char *s, enum adr_status *out)
{
	int i = model_lookup(adr_ids, ADR_STATUS_COUNT, s);

	if (i < 0)
		return ST_INPUT;
	*out = (enum adr_status)i;
	return ST_OK;
}

const char *risk_status_id(enum risk_status s)
{
	return (unsigned)s < RISK_STATUS_COUNT ? risk_ids[s] : "open";
}

const char *risk_status_label(enum risk_status s)
{
	return (unsigned)s < RISK_STATUS_COUNT ? _(risk_labels[s]) : "?";
}

enum risk_band risk_band(int score)
{
	return score >= RISK_HIGH_MIN ? RISK_BAND_HIGH
	       : score >= RISK_MEDIUM_MIN ? RISK_BAND_MEDIUM : RISK_BAND_LOW;
}

const char *risk_band_label(enum risk_band b)
{
	return (unsigned)b <= RISK_BAND_HIGH ? _(band_labels[b]) : "?";
}

int risk_status_from_id(const char *s, enum risk_status *out)
{
	int i = model_lookup(risk_ids, RISK_STATUS_COUNT, s);

	if (i < 0)
		return ST_INPUT;
	*out = (enum risk_status)i;
	return ST_OK;
}

void value_clear(struct value *v)
{
	free(v->text);
	strv_free(&v->list);
	memset(v, 0, sizeof(*v));
}

int value_copy(struct value *dst, const struct value *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->kind = src->kind;
	dst->number = src->number;
	if (src->text && !(dst->text = str_dup(src->text)))
		return ST_ERROR;
	if (strv_copy(&dst->list, &src->list) < 0) {
		value_clear(dst);
		return ST_ERROR;
	}
	return ST_OK;
}

bool value_equal(const struct value *a, const struct value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case VAL_NONE:
		return true;
	case VAL_TEXT:
		return str_eq(a->text, b->text);
	case VAL_NUMBER:
		return a->number == b->number;
	case VAL_LIST:
		return strv_equal(&a->list, &b->list);
	}
	return false;
}

char *value_to_text(const struct value *v)
{
	char num[64];

	switch (v->kind) {
	case VAL_TEXT:
		return str_dup(v->text ? v->text : "");
	case VAL_NUMBER:
		str_number(num, sizeof(num), v->number);
		return str_dup(num);
	case VAL_LIST:
		return strv_join(&v->list, ", ");
	case VAL_NONE:
		break;
	}
	return str_dup("");
}

void workshop_clear(struct workshop *w)
{
	free(w->title);
	free(w->template_name);
	free(w->facilitator);
	memset(w, 0, sizeof(*w));
}

void answer_clear(struct answer *a)
{
	free(a->question);
	value_clear(&a->value);
	free(a->note);
	memset(a, 0, sizeof(*a));
}

void component_clear(struct component *c)
{
	free(c->category);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

void approach_clear(struct approach *a)
{
	free(a->key);
	free(a->name);
	free(a->summary);
	free(a->pattern);
	for (size_t i = 0; i < a->n_components; i++)
		component_clear(&a->components[i]);
	free(a->components);
	free(a->deployment);
	free(a->observability);
	free(a->security);
	free(a->complexity);
	free(a->cost);
	strv_free(&a->pros);
	strv_free(&a->cons);
	strv_free(&a->stages);
	memset(a, 0, sizeof(*a));
}

void criterion_clear(struct criterion *c)
{
	free(c->key);
	free(c->name);
	free(c->description);
	memset(c, 0, sizeof(*c));
}

void judgement_clear(struct judgement *j)
{
	free(j->a);
	free(j->b);
	free(j->participant);
	memset(j, 0, sizeof(*j));
}

void score_clear(struct score *s)
{
	free(s->approach);
	free(s->criterion);
	free(s->rationale);
	memset(s, 0, sizeof(*s));
}

void vote_clear(struct vote *v)
{
	free(v->participant);
	free(v->approach);
	free(v->criterion);
	memset(v, 0, sizeof(*v));
}

void decision_clear(struct decision *d)
{
	free(d->title);
	free(d->date);
	strv_free(&d->deciders);
	strv_free(&d->consulted);
	strv_free(&d->informed);
	free(d->context);
	free(d->decision);
	free(d->rationale);
	strv_free(&d->positive);
	strv_free(&d->negative);
	strv_free(&d->risks);
	free(d->chosen);
	free(d->supersedes);
	free(d->alternatives);
	strv_free(&d->links);
	free(d->status_text);
	free(d->consequences);
	free(d->file);
	free(d->file_dir);
	free(d->source);
	free(d->file_sums);
	memset(d, 0, sizeof(*d));
}

void risk_clear(struct risk *r)
{
	free(r->key);
	free(r->description);
	free(r->owner);
	free(r->mitigation);
	memset(r, 0, sizeof(*r));
}

void metric_clear(struct metric *m)
{
	free(m->key);
	free(m->name);
	free(m->unit);
	memset(m, 0, sizeof(*m));
}

void phase_clear(struct phase *p)
{
	free(p->name);
	strv_free(&p->items);
	memset(p, 0, sizeof(*p));
}

void participant_clear(struct participant *p)
{
	free(p->name);
	free(p->screen);
	memset(p, 0, sizeof(*p));
}

void audit_entry_clear(struct audit_entry *a)
{
	free(a->who);
	free(a->tbl);
	free(a->field);
	free(a->old_value);
	free(a->new_value);
	memset(a, 0, sizeof(*a));
}

bool model_dup_opt(char **dst, const char *src)
{
	*dst = NULL;
	return !src || (*dst = str_dup(src)) != NULL;
}

int workshop_copy(struct workshop *dst, const struct workshop *src)
{
	*dst = *src;
	dst->title = dst->template_name = dst->facilitator = NULL;
	if (!model_dup_opt(&dst->title, src->title) ||
	    !model_dup_opt(&dst->template_name, src->template_name) ||
	    !model_dup_opt(&dst->facilitator, src->facilitator)) {
		workshop_clear(dst);
		return ST_ERROR;
	}
	return ST_OK;
}

int approach_copy(struct approach *dst, const struct approach *src)
{
	*dst = *src;
	dst->key = dst->name = dst->summary = dst->pattern = NULL;
	dst->deployment = dst->observability = dst->security = NULL;
	dst->complexity = dst->cost = NULL;
	dst->components = NULL;
	dst->n_components = 0;
	memset(&dst->pros, 0, sizeof(dst->pros));
	memset(&dst->cons, 0, sizeof(dst->cons));
	memset(&dst->stages, 0, sizeof(dst->stages));
	if (!model_dup_opt(&dst->key, src->key) || !model_dup_opt(&dst->name, src->name) ||
	    !model_dup_opt(&dst->summary, src->summary) ||
	    !model_dup_opt(&dst->pattern, src->pattern) ||
	    !model_dup_opt(&dst->deployment, src->deployment) ||
	    !model_dup_opt(&dst->observability, src->observability) ||
	    !model_dup_opt(&dst->security, src->security) ||
	    !model_dup_opt(&dst->complexity, src->complexity) ||
	    !model_dup_opt(&dst->cost, src->cost) ||
	    strv_copy(&dst->pros, &src->pros) < 0 ||
	    strv_copy(&dst->cons, &src->cons) < 0 ||
	    strv_copy(&dst->stages, &src->stages) < 0)
		goto oom;
	for (size_t i = 0; i < src->n_components; i++) {
		struct component *c = approach_add_component(dst);

		if (!c || !model_dup_opt(&c->category, src->components[i].category) ||
		    !model_dup_opt(&c->name, src->components[i].name))
			goto oom;
	}
	return ST_OK;
oom:
	approach_clear(dst);
	return ST_ERROR;
}

int decision_copy(struct decision *dst, const struct decision *src)
{
	*dst = *src;
	dst->title = dst->date = dst->context = dst->decision = NULL;
	dst->rationale = dst->chosen = dst->alternatives = NULL;
	dst->supersedes = NULL;
	dst->n_supersedes = 0;
	dst->status_text = dst->consequences = NULL;
	dst->file = dst->file_dir = dst->source = dst->file_sums = NULL;
	memset(&dst->deciders, 0, sizeof(dst->deciders));
	memset(&dst->consulted, 0, sizeof(dst->consulted));
	memset(&dst->informed, 0, sizeof(dst->informed));
	memset(&dst->positive, 0, sizeof(dst->positive));
	memset(&dst->negative, 0, sizeof(dst->negative));
	memset(&dst->risks, 0, sizeof(dst->risks));
	memset(&dst->links, 0, sizeof(dst->links));
	if (!model_dup_opt(&dst->title, src->title) || !model_dup_opt(&dst->date, src->date) ||
	    !model_dup_opt(&dst->context, src->context) ||
	    !model_dup_opt(&dst->decision, src->decision) ||
	    !model_dup_opt(&dst->rationale, src->rationale) ||
	    !model_dup_opt(&dst->chosen, src->chosen) ||
	    !model_dup_opt(&dst->alternatives, src->alternatives) ||
	    !model_dup_opt(&dst->status_text, src->status_text) ||
	    !model_dup_opt(&dst->consequences, src->consequences) ||
	    !model_dup_opt(&dst->file, src->file) ||
	    !model_dup_opt(&dst->file_dir, src->file_dir) ||
	    !model_dup_opt(&dst->source, src->source) ||
	    !model_dup_opt(&dst->file_sums, src->file_sums) ||
	    strv_copy(&dst->deciders, &src->deciders) < 0 ||
	    strv_copy(&dst->consulted, &src->consulted) < 0 ||
	    strv_copy(&dst->informed, &src->informed) < 0 ||
	    strv_copy(&dst->positive, &src->positive) < 0 ||
	    strv_copy(&dst->negative, &src->negative) < 0 ||
	    strv_copy(&dst->risks, &src->risks) < 0 ||
	    strv_copy(&dst->links, &src->links) < 0)
		goto oom;
	if (src->n_supersedes) {
		dst->supersedes = malloc(src->n_supersedes * sizeof(int));
		if (!dst->supersedes)
			goto oom;
		memcpy(dst->supersedes, src->supersedes,
		       src->n_supersedes * sizeof(int));
		dst->n_supersedes = src->n_supersedes;
	}
	return ST_OK;
oom:
	decision_clear(dst);
	return ST_ERROR;
}

struct workshop_data *wsdata_new(void)
{
	struct workshop_data *d = calloc(1, sizeof(*d));

	if (d) {
		d->ws.scale_min = 1;
		d->ws.scale_max = 5;
	}
	return d;
}

void wsdata_free(struct workshop_data **p)
{
	struct workshop_data *d;

	if (!p || !*p)
		return;
	d = *p;
	workshop_clear(&d->ws);
	CLEAR_ARRAY(d->answers, d->n_answers, answer_clear);
	CLEAR_ARRAY(d->criteria, d->n_criteria, criterion_clear);
	CLEAR_ARRAY(d->pairwise, d->n_pairwise, judgement_clear);
	CLEAR_ARRAY(d->approaches, d->n_approaches, approach_clear);
	CLEAR_ARRAY(d->scores, d->n_scores, score_clear);
	CLEAR_ARRAY(d->votes, d->n_votes, vote_clear);
	CLEAR_ARRAY(d->decisions, d->n_decisions, decision_clear);
	CLEAR_ARRAY(d->risks, d->n_risks, risk_clear);
	CLEAR_ARRAY(d->metrics, d->n_metrics, metric_clear);
	CLEAR_ARRAY(d->roadmap, d->n_roadmap, phase_clear);
	strv_free(&d->next_steps);
	wsdata_index_reset(d);
	free(d->agenda);
	CLEAR_ARRAY(d->rounds, d->n_rounds, vote_round_clear);
	CLEAR_ARRAY(d->earlier_votes, d->n_earlier_votes, vote_clear);
	CLEAR_ARRAY(d->ready, d->n_ready, ready_mark_clear);
	CLEAR_ARRAY(d->parking, d->n_parking, park_item_clear);
	free(d);
	*p = NULL;
}

void *model_grow(void **arr, size_t *n, size_t size)
{
	char *p = realloc(*arr, (*n + 1) * size);

	if (!p)
		return NULL;
	*arr = p;
	memset(p + *n * size, 0, size);
	return p + (*n)++ * size;
}

ADDER(wsdata_add_answer, struct answer, answers, n_answers)
ADDER(wsdata_add_criterion, struct criterion, criteria, n_criteria)
ADDER(wsdata_add_judgement, struct judgement, pairwise, n_pairwise)
ADDER(wsdata_add_approach, struct approach, approaches, n_approaches)
ADDER(wsdata_add_score, struct score, scores, n_scores)
ADDER(wsdata_add_vote, struct vote, votes, n_votes)
ADDER(wsdata_add_decision, struct decision, decisions, n_decisions)
ADDER(wsdata_add_risk, struct risk, risks, n_risks)
ADDER(wsdata_add_metric, struct metric, metrics, n_metrics)
ADDER(wsdata_add_phase, struct phase, roadmap, n_roadmap)

struct component *approach_add_component(struct approach *a)
{
	return model_grow((void **)&a->components, &a->n_components,
		    sizeof(struct component));
}

int risk_score(const struct risk *r)
{
	return r->probability * r->impact;
}

/* ---- decision links ------------------------------------------------------ */

int decision_link_parse(const char *entry, const char **rel, size_t *rel_len,
			int *number)
{
	const char *tab, *p;
	long n = 0;
	bool blank = true;

	if (!entry || !(tab = strchr(entry, '\t')) || tab == entry)
		return ST_INPUT;
	for (p = entry; p < tab; p++) {
		if (*p == '\n' || *p == '\r')
			return ST_INPUT;
		if (*p != ' ')
			blank = false;
	}
	if (blank || tab[1] < '1' || tab[1] > '9')
		return ST_INPUT;
	for (p = tab + 1; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n > 1000000000L)
			return ST_INPUT;
	}
	if (*p)
		return ST_INPUT;
	*rel = entry;
	*rel_len = (size_t)(tab - entry);
	*number = (int)n;
	return ST_OK;
}

int decision_link_add(struct decision *d, const char *relation, int number)
{
	const char *r;
	size_t n;
	int num, rc;
	char *entry;

	if (!relation || number < 1 || number > 1000000000)
		return ST_INPUT;
	if (!(entry = str_printf("%s\t%d", relation, number)))
		return ST_ERROR;
	if (decision_link_parse(entry, &r, &n, &num) < 0 ||
	    n != strlen(relation)) {
		free(entry);
		return ST_INPUT;
	}
	for (size_t i = 0; i < d->links.n; i++) {
		if (strcmp(d->links.v[i], entry) == 0) {
			free(entry);
			return ST_OK;
		}
	}
	rc = strv_push(&d->links, entry);
	free(entry);
	return rc < 0 ? ST_ERROR : ST_OK;
}

/* ---- the rows a deletion takes with it, copied for undo ---------------- */
#define COPY_OR_FAIL(ok) do { if (!(ok)) goto oom; } while (0)

static int add_criterion_copy(struct workshop_data *d, const struct criterion *c)
{
	struct criterion *n = wsdata_add_criterion(d);

	if (!n)
		return ST_ERROR;
	*n = *c;
	n->key = n->name = n->description = NULL;
	if (!model_dup_opt(&n->key, c->key) || !model_dup_opt(&n->name, c->name) ||
	    !model_dup_opt(&n->description, c->description))
		return ST_ERROR;
	return ST_OK;
}

static int add_score_copy(struct workshop_data *d, const struct score *sc)
{
	struct score *n = wsdata_add_score(d);

	if (!n)
		return ST_ERROR;
	*n = *sc;
	n->approach = n->criterion = n->rationale = NULL;
	return model_dup_opt(&n->approach, sc->approach) &&
	       model_dup_opt(&n->criterion, sc->criterion) &&
	       model_dup_opt(&n->rationale, sc->rationale) ? ST_OK : ST_ERROR;
}

static int add_vote_copy(struct workshop_data *d, const struct vote *v)
{
	struct vote *n = wsdata_add_vote(d);

	return n ? vote_copy(n, v) : ST_ERROR;
}

static int add_judgement_copy(struct workshop_data *d, const struct judgement *j)
{
	struct judgement *n = wsdata_add_judgement(d);

	if (!n)
		return ST_ERROR;
	*n = *j;
	n->a = n->b = n->participant = NULL;
	return model_dup_opt(&n->a, j->a) && model_dup_opt(&n->b, j->b) &&
	       model_dup_opt(&n->participant, j->participant) ? ST_OK : ST_ERROR;
}

struct workshop_data *wsdata_part_of(const struct workshop_data *d,
				     const char *table, int64_t id)
{
	struct workshop_data *p = wsdata_new();
	const char *ak = NULL, *ck = NULL;

	if (!p)
		return NULL;
	p->ws.id = d->ws.id;
	if (str_eq(table, "approach")) {
		for (size_t i = 0; i < d->n_approaches; i++) {
			struct approach *n;

			if (d->approaches[i].id != id)
				continue;
			COPY_OR_FAIL((n = wsdata_add_approach(p)));
			COPY_OR_FAIL(approach_copy(n, &d->approaches[i]) == ST_OK);
			ak = d->approaches[i].key;
		}
	} else if (str_eq(table, "criterion")) {
		for (size_t i = 0; i < d->n_criteria; i++)
			if (d->criteria[i].id == id) {
				COPY_OR_FAIL(add_criterion_copy(p, &d->criteria[i]) == ST_OK);
				ck = d->criteria[i].key;
			}
	} else if (str_eq(table, "risk")) {
		for (size_t i = 0; i < d->n_risks; i++) {
			const struct risk *r = &d->risks[i];
			struct risk *n;

			if (r->id != id)
				continue;
			COPY_OR_FAIL((n = wsdata_add_risk(p)));
			*n = *r;
			n->key = n->description = n->owner = n->mitigation = NULL;
			COPY_OR_FAIL(model_dup_opt(&n->key, r->key) &&
				     model_dup_opt(&n->description, r->description) &&
				     model_dup_opt(&n->owner, r->owner) &&
				     model_dup_opt(&n->mitigation, r->mitigation));
		}
	} else if (str_eq(table, "metric")) {
		for (size_t i = 0; i < d->n_metrics; i++) {
			const struct metric *m = &d->metrics[i];
			struct metric *n;

			if (m->id != id)
				continue;
			COPY_OR_FAIL((n = wsdata_add_metric(p)));
			*n = *m;
			n->key = n->name = n->unit = NULL;
			COPY_OR_FAIL(model_dup_opt(&n->key, m->key) &&
				     model_dup_opt(&n->name, m->name) &&
				     model_dup_opt(&n->unit, m->unit));
		}
	} else if (str_eq(table, "phase")) {
		for (size_t i = 0; i < d->n_roadmap; i++) {
			const struct phase *ph = &d->roadmap[i];
			struct phase *n;

			if (ph->id != id)
				continue;
			COPY_OR_FAIL((n = wsdata_add_phase(p)));
			*n = *ph;
			n->name = NULL;
			memset(&n->items, 0, sizeof(n->items));
			COPY_OR_FAIL(model_dup_opt(&n->name, ph->name) &&
				     strv_copy(&n->items, &ph->items) == ST_OK);
		}
	} else if (str_eq(table, "decision")) {
		for (size_t i = 0; i < d->n_decisions; i++) {
			struct decision *n;

			if (d->decisions[i].id != id)
				continue;
			COPY_OR_FAIL((n = wsdata_add_decision(p)));
			COPY_OR_FAIL(decision_copy(n, &d->decisions[i]) == ST_OK);
		}
	}
	/* The scores, votes and judgements that go with an approach or a
	 * criterion. */
	for (size_t i = 0; (ak || ck) && i < d->n_scores; i++)
		if ((ak && str_eq(d->scores[i].approach, ak)) ||
		    (ck && str_eq(d->scores[i].criterion, ck)))
			COPY_OR_FAIL(add_score_copy(p, &d->scores[i]) == ST_OK);
	for (size_t i = 0; (ak || ck) && i < d->n_votes; i++)
		if ((ak && str_eq(d->votes[i].approach, ak)) ||
		    (ck && str_eq(d->votes[i].criterion, ck)))
			COPY_OR_FAIL(add_vote_copy(p, &d->votes[i]) == ST_OK);
	for (size_t i = 0; ck && i < d->n_pairwise; i++)
		if (str_eq(d->pairwise[i].a, ck) || str_eq(d->pairwise[i].b, ck))
			COPY_OR_FAIL(add_judgement_copy(p, &d->pairwise[i]) == ST_OK);
	return p;
oom:
	wsdata_free(&p);
	return NULL;
}

/* ---- status words -------------------------------------------------------- */

/* What teams write for each status, lower case; phrases before the words
 * they start with do not matter: the longest match wins. */
static const struct {
	const char *word;
	enum adr_status status;
} status_words[] = {
	{ "proposed", ADR_PROPOSED }, { "proposal", ADR_PROPOSED },
	{ "pending", ADR_PROPOSED }, { "draft", ADR_PROPOSED },
	{ "open", ADR_PROPOSED }, { "on hold", ADR_PROPOSED },
	{ "in progress", ADR_PROPOSED }, { "in review", ADR_PROPOSED },
	{ "under review", ADR_PROPOSED }, { "review", ADR_PROPOSED },
	{ "under discussion", ADR_PROPOSED }, { "discussion", ADR_PROPOSED },
	{ "rfc", ADR_PROPOSED }, { "wip", ADR_PROPOSED },
	{ "work in progress", ADR_PROPOSED }, { "suggested", ADR_PROPOSED },
	{ "planned", ADR_PROPOSED }, { "postponed", ADR_PROPOSED },
	{ "deferred", ADR_PROPOSED }, { "new", ADR_PROPOSED },
	{ "accepted", ADR_ACCEPTED }, { "approved", ADR_ACCEPTED },
	{ "implemented", ADR_ACCEPTED },
	{ "partially implemented", ADR_ACCEPTED },
	{ "partly implemented", ADR_ACCEPTED }, { "adopted", ADR_ACCEPTED },
	{ "agreed", ADR_ACCEPTED }, { "decided", ADR_ACCEPTED },
	{ "done", ADR_ACCEPTED }, { "active", ADR_ACCEPTED },
	{ "in effect", ADR_ACCEPTED }, { "final", ADR_ACCEPTED },
	{ "completed", ADR_ACCEPTED }, { "complete", ADR_ACCEPTED },
	/* Still in force, in part: the rest of it was replaced. */
	{ "partly superseded", ADR_ACCEPTED },
	{ "partially superseded", ADR_ACCEPTED },
	{ "partly superceded", ADR_ACCEPTED },
	{ "partially superceded", ADR_ACCEPTED },
	{ "rejected", ADR_REJECTED }, { "declined", ADR_REJECTED },
	{ "refused", ADR_REJECTED }, { "not accepted", ADR_REJECTED },
	{ "discarded", ADR_REJECTED }, { "dropped", ADR_REJECTED },
	{ "abandoned", ADR_REJECTED }, { "withdrawn", ADR_REJECTED },
	{ "cancelled", ADR_REJECTED }, { "canceled", ADR_REJECTED },
	{ "deprecated", ADR_DEPRECATED }, { "obsolete", ADR_DEPRECATED },
	{ "retired", ADR_DEPRECATED }, { "outdated", ADR_DEPRECATED },
	{ "archived", ADR_DEPRECATED }, { "inactive", ADR_DEPRECATED },
	{ "superseded", ADR_SUPERSEDED }, { "superceded", ADR_SUPERSEDED },
	{ "replaced", ADR_SUPERSEDED },
};

int adr_status_classify(const char *text, enum adr_status *out)
{
	const char *s = text;
	size_t best = 0;
	int found = -1;

	if (!s)
		return ST_INPUT;
	/* "`Approved`", "**Accepted**", "[x] Accepted", "- accepted" */
	while (*s && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		s++;
	for (size_t i = 0; i < sizeof(status_words) / sizeof(status_words[0]);
	     i++) {
		size_t n = strlen(status_words[i].word);
		char after;

		if (n <= best || strncasecmp(s, status_words[i].word, n) != 0)
			continue;
		after = s[n];
		if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'))
			continue;
		best = n;
		found = (int)i;
	}
	if (found < 0)
		return ST_INPUT;
	*out = status_words[found].status;
	return ST_OK;
}

const char *decision_status_shown(const struct decision *d)
{
	enum adr_status st;

	if (d->status_text) {
		if (!*d->status_text)
			return d->status == ADR_PROPOSED ? "" :
				adr_status_label(d->status);
		/* "accepted" as written is just the label. */
		if (strcasecmp(d->status_text, adr_status_id(d->status)) != 0 &&
		    (adr_status_classify(d->status_text, &st) == ST_OK ?
		     st == d->status : d->status == ADR_PROPOSED))
			return d->status_text;
	}
	return adr_status_label(d->status);
}

const char *decision_status_words(const struct decision *d)
{
	const char *id = adr_status_id(d->status), *t = d->status_text;

	/* "accepted", "superseded by ADR-5" (or adr-tools' "Superceded
	 * by") start with the category's own word: nothing more to say. */
	if (!t || !*t || strncasecmp(t, id, strlen(id)) == 0 ||
	    strncasecmp(t, "superceded", 10) == 0 ||
	    !str_eq(decision_status_shown(d), t))
		return NULL;
	return t;
}

/* model: enum names, freeing, copying and the workshop_data container. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"
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

static int lookup(const char *const *names, int n, const char *s)
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
	int i = lookup(stage_ids, STAGE_COUNT, s);

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
	int i = lookup(ids, 2, s);

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
	int i = lookup(adr_ids, ADR_STATUS_COUNT, s);

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
	int i = lookup(risk_ids, RISK_STATUS_COUNT, s);

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

/* Copy an optional string; false on OOM. */
static bool dup_opt(char **dst, const char *src)
{
	*dst = NULL;
	return !src || (*dst = str_dup(src)) != NULL;
}

int workshop_copy(struct workshop *dst, const struct workshop *src)
{
	*dst = *src;
	dst->title = dst->template_name = dst->facilitator = NULL;
	if (!dup_opt(&dst->title, src->title) ||
	    !dup_opt(&dst->template_name, src->template_name) ||
	    !dup_opt(&dst->facilitator, src->facilitator)) {
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
	if (!dup_opt(&dst->key, src->key) || !dup_opt(&dst->name, src->name) ||
	    !dup_opt(&dst->summary, src->summary) ||
	    !dup_opt(&dst->pattern, src->pattern) ||
	    !dup_opt(&dst->deployment, src->deployment) ||
	    !dup_opt(&dst->observability, src->observability) ||
	    !dup_opt(&dst->security, src->security) ||
	    !dup_opt(&dst->complexity, src->complexity) ||
	    !dup_opt(&dst->cost, src->cost) ||
	    strv_copy(&dst->pros, &src->pros) < 0 ||
	    strv_copy(&dst->cons, &src->cons) < 0 ||
	    strv_copy(&dst->stages, &src->stages) < 0)
		goto oom;
	for (size_t i = 0; i < src->n_components; i++) {
		struct component *c = approach_add_component(dst);

		if (!c || !dup_opt(&c->category, src->components[i].category) ||
		    !dup_opt(&c->name, src->components[i].name))
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
	memset(&dst->deciders, 0, sizeof(dst->deciders));
	memset(&dst->consulted, 0, sizeof(dst->consulted));
	memset(&dst->informed, 0, sizeof(dst->informed));
	memset(&dst->positive, 0, sizeof(dst->positive));
	memset(&dst->negative, 0, sizeof(dst->negative));
	memset(&dst->risks, 0, sizeof(dst->risks));
	memset(&dst->links, 0, sizeof(dst->links));
	if (!dup_opt(&dst->title, src->title) || !dup_opt(&dst->date, src->date) ||
	    !dup_opt(&dst->context, src->context) ||
	    !dup_opt(&dst->decision, src->decision) ||
	    !dup_opt(&dst->rationale, src->rationale) ||
	    !dup_opt(&dst->chosen, src->chosen) ||
	    !dup_opt(&dst->alternatives, src->alternatives) ||
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

#define CLEAR_ARRAY(arr, n, fn)                         \
	do {                                            \
		for (size_t i_ = 0; i_ < (n); i_++)     \
			fn(&(arr)[i_]);                 \
		free(arr);                              \
	} while (0)

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

/* Grow an array by one zeroed element; NULL on OOM. */
static void *grow(void **arr, size_t *n, size_t size)
{
	char *p = realloc(*arr, (*n + 1) * size);

	if (!p)
		return NULL;
	*arr = p;
	memset(p + *n * size, 0, size);
	return p + (*n)++ * size;
}

#define ADDER(fn, type, field, count)                                   \
	type *fn(struct workshop_data *d)                               \
	{                                                               \
		return grow((void **)&d->field, &d->count, sizeof(type)); \
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
	return grow((void **)&a->components, &a->n_components,
		    sizeof(struct component));
}

/* ---- keyed lookups ------------------------------------------------------ */

/*
 * Each lookup keeps a hash table from key to row, built on demand and kept
 * up to date from the array itself: rows appended since the last lookup
 * are indexed then, a row whose key was not set yet when it was seen is
 * looked at again on every lookup until it has one, and an array that
 * moved (realloc) or shrank is indexed anew.  A hit is always checked
 * against the row, so a table can miss but never answer wrongly; the first
 * row with a key wins, as a scan from the start would.  Only a key changed
 * in place on a row already indexed goes unseen: wsdata_index_reset().
 * Without memory for a table the lookup scans, as it always did.
 */

struct key {
	const char *a, *b;   /* one or two strings (a score: approach, criterion) */
	long num;            /* or a number (a decision) */
};

/* The key of row `row`; false when it has none yet. */
typedef bool (*key_of_fn)(const void *row, struct key *k);

struct key_table {
	const void *base;    /* the array indexed */
	size_t n;            /* rows [0, n) have been seen */
	size_t *slot;        /* row + 1; 0 is an empty slot */
	size_t cap;          /* power of two, or 0 */
	size_t used;
	size_t *pending;     /* rows seen without a key */
	size_t n_pending, cap_pending;
};

struct wsdata_index {
	struct key_table answers, approaches, criteria, scores, decisions;
};

static uint64_t hash_str(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t key_hash(const struct key *k)
{
	uint64_t h = 14695981039346656037ULL;

	if (!k->a)
		return h ^ (uint64_t)k->num * 0x9E3779B97F4A7C15ULL;
	h = hash_str(h, k->a);
	h ^= 0xFF;   /* no byte of UTF-8 text: ("ab", "c") != ("a", "bc") */
	h *= 1099511628211ULL;
	return hash_str(h, k->b);
}

static bool key_eq(const struct key *x, const struct key *y)
{
	if (!x->a || !y->a)
		return !x->a && !y->a && x->num == y->num;
	return strcmp(x->a, y->a) == 0 && str_eq(x->b, y->b);
}

static void table_free(struct key_table *t)
{
	free(t->slot);
	free(t->pending);
	memset(t, 0, sizeof(*t));
}

/* Put row in the table unless an earlier row has the same key. */
static void table_put(struct key_table *t, const char *base, size_t size,
		      key_of_fn key_of, size_t row, const struct key *k)
{
	size_t i = (size_t)key_hash(k) & (t->cap - 1);

	for (; t->slot[i]; i = (i + 1) & (t->cap - 1)) {
		struct key other;
		size_t r = t->slot[i] - 1;

		if (key_of(base + r * size, &other) && key_eq(&other, k)) {
			if (row < r)
				t->slot[i] = row + 1;
			return;
		}
	}
	t->slot[i] = row + 1;
	t->used++;
}

static bool table_grow(struct key_table *t, const char *base, size_t size,
		       key_of_fn key_of, size_t want)
{
	size_t cap = t->cap ? t->cap : 16, *old = t->slot, old_cap = t->cap;

	while (cap < 2 * want)
		cap *= 2;
	if (cap == t->cap)
		return true;
	if (!(t->slot = calloc(cap, sizeof(*t->slot)))) {
		t->slot = old;
		return false;
	}
	t->cap = cap;
	t->used = 0;
	for (size_t i = 0; i < old_cap; i++) {
		struct key k;
		size_t r;

		if (!old[i])
			continue;
		r = old[i] - 1;
		if (key_of(base + r * size, &k))
			table_put(t, base, size, key_of, r, &k);
	}
	free(old);
	return true;
}

static bool table_add(struct key_table *t, const char *base, size_t size,
		      key_of_fn key_of, size_t row)
{
	struct key k;

	if (!key_of(base + row * size, &k)) {
		if (t->n_pending == t->cap_pending) {
			size_t cap = t->cap_pending ? 2 * t->cap_pending : 8;
			size_t *p = realloc(t->pending, cap * sizeof(*p));

			if (!p)
				return false;
			t->pending = p;
			t->cap_pending = cap;
		}
		t->pending[t->n_pending++] = row;
		return true;
	}
	if (!table_grow(t, base, size, key_of, t->used + 1))
		return false;
	table_put(t, base, size, key_of, row, &k);
	return true;
}

/* Bring the table up to date with the array; false when out of memory
 * (the table is dropped and the caller scans). */
static bool table_sync(struct key_table *t, const void *arr, size_t n,
		       size_t size, key_of_fn key_of)
{
	const char *base = arr;
	size_t keep = 0;

	if (arr != t->base || n < t->n) {
		table_free(t);
		t->base = arr;
	}
	for (size_t i = 0; i < t->n_pending; i++) {
		size_t row = t->pending[i];
		struct key k;

		if (!key_of(base + row * size, &k)) {
			t->pending[keep++] = row;
			continue;
		}
		if (!table_grow(t, base, size, key_of, t->used + 1))
			goto oom;
		table_put(t, base, size, key_of, row, &k);
	}
	t->n_pending = keep;
	if (n > t->n && !table_grow(t, base, size, key_of, t->used + (n - t->n)))
		goto oom;
	for (; t->n < n; t->n++)
		if (!table_add(t, base, size, key_of, t->n))
			goto oom;
	return true;
oom:
	table_free(t);
	return false;
}

/* The row with key k, SIZE_MAX when there is none; *ok false when the
 * table could not be brought up to date. */
static size_t table_find(struct key_table *t, const void *arr, size_t n,
			 size_t size, key_of_fn key_of, const struct key *k,
			 bool *ok)
{
	const char *base = arr;

	*ok = table_sync(t, arr, n, size, key_of);
	if (!*ok || !t->cap)
		return SIZE_MAX;
	for (size_t i = (size_t)key_hash(k) & (t->cap - 1); t->slot[i];
	     i = (i + 1) & (t->cap - 1)) {
		struct key other;
		size_t r = t->slot[i] - 1;

		if (r < n && key_of(base + r * size, &other) &&
		    key_eq(&other, k))
			return r;
	}
	return SIZE_MAX;
}

static bool answer_key(const void *row, struct key *k)
{
	const struct answer *a = row;

	*k = (struct key){ a->question, NULL, 0 };
	return a->question != NULL;
}

static bool approach_key(const void *row, struct key *k)
{
	const struct approach *a = row;

	*k = (struct key){ a->key, NULL, 0 };
	return a->key != NULL;
}

static bool criterion_key(const void *row, struct key *k)
{
	const struct criterion *c = row;

	*k = (struct key){ c->key, NULL, 0 };
	return c->key != NULL;
}

static bool score_key(const void *row, struct key *k)
{
	const struct score *s = row;

	*k = (struct key){ s->approach, s->criterion, 0 };
	return s->approach && s->criterion;
}

static bool decision_key(const void *row, struct key *k)
{
	const struct decision *x = row;

	*k = (struct key){ NULL, NULL, x->number };
	return true;
}

/* The index of d, created on first use (NULL when out of memory).  The
 * index is a cache: filling it does not change what d holds, hence the
 * cast of a const workshop. */
static struct wsdata_index *index_of(const struct workshop_data *d)
{
	struct workshop_data *m = (struct workshop_data *)d;

	if (!m->index)
		m->index = calloc(1, sizeof(*m->index));
	return m->index;
}

void wsdata_index_reset(struct workshop_data *d)
{
	if (!d || !d->index)
		return;
	table_free(&d->index->answers);
	table_free(&d->index->approaches);
	table_free(&d->index->criteria);
	table_free(&d->index->scores);
	table_free(&d->index->decisions);
	free(d->index);
	d->index = NULL;
}

/* Find key k among arr[0..n): through the index when there is one, else
 * by a scan from the start.  `which` is the table's offset in the index. */
static size_t keyed_find(const struct workshop_data *d, size_t which,
			 const void *arr, size_t n, size_t size,
			 key_of_fn key_of, const struct key *k)
{
	struct wsdata_index *ix = index_of(d);
	const char *base = arr;
	size_t r = SIZE_MAX;
	bool ok = false;

	if (ix)
		r = table_find((struct key_table *)((char *)ix + which), arr, n,
			       size, key_of, k, &ok);
	if (ok)
		return r;
	for (size_t i = 0; i < n; i++) {
		struct key o;

		if (key_of(base + i * size, &o) && key_eq(&o, k))
			return i;
	}
	return SIZE_MAX;
}

#define FIND(d, table, arr, n, key_of, k)                                  \
	keyed_find((d), offsetof(struct wsdata_index, table), (arr), (n),   \
		   sizeof(*(arr)), (key_of), (k))

const struct answer *wsdata_answer(const struct workshop_data *d,
				   const char *question)
{
	struct key k = { question, NULL, 0 };
	size_t r;

	if (!question)
		return NULL;
	r = FIND(d, answers, d->answers, d->n_answers, answer_key, &k);
	return r == SIZE_MAX ? NULL : &d->answers[r];
}

int wsdata_approach_index(const struct workshop_data *d, const char *key)
{
	struct key k = { key, NULL, 0 };
	size_t r;

	if (!key)
		return -1;
	r = FIND(d, approaches, d->approaches, d->n_approaches, approach_key,
		 &k);
	return r == SIZE_MAX ? -1 : (int)r;
}

int wsdata_criterion_index(const struct workshop_data *d, const char *key)
{
	struct key k = { key, NULL, 0 };
	size_t r;

	if (!key)
		return -1;
	r = FIND(d, criteria, d->criteria, d->n_criteria, criterion_key, &k);
	return r == SIZE_MAX ? -1 : (int)r;
}

const struct score *wsdata_score(const struct workshop_data *d,
				 const char *approach, const char *criterion)
{
	struct key k = { approach, criterion, 0 };
	size_t r;

	if (!approach || !criterion)
		return NULL;
	r = FIND(d, scores, d->scores, d->n_scores, score_key, &k);
	return r == SIZE_MAX ? NULL : &d->scores[r];
}

const struct decision *wsdata_decision(const struct workshop_data *d,
				       int number)
{
	struct key k = { NULL, NULL, number };
	size_t r = FIND(d, decisions, d->decisions, d->n_decisions,
			decision_key, &k);

	return r == SIZE_MAX ? NULL : &d->decisions[r];
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
	if (!dup_opt(&n->key, c->key) || !dup_opt(&n->name, c->name) ||
	    !dup_opt(&n->description, c->description))
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
	return dup_opt(&n->approach, sc->approach) &&
	       dup_opt(&n->criterion, sc->criterion) &&
	       dup_opt(&n->rationale, sc->rationale) ? ST_OK : ST_ERROR;
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
	return dup_opt(&n->a, j->a) && dup_opt(&n->b, j->b) &&
	       dup_opt(&n->participant, j->participant) ? ST_OK : ST_ERROR;
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
			COPY_OR_FAIL(dup_opt(&n->key, r->key) &&
				     dup_opt(&n->description, r->description) &&
				     dup_opt(&n->owner, r->owner) &&
				     dup_opt(&n->mitigation, r->mitigation));
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
			COPY_OR_FAIL(dup_opt(&n->key, m->key) &&
				     dup_opt(&n->name, m->name) &&
				     dup_opt(&n->unit, m->unit));
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
			COPY_OR_FAIL(dup_opt(&n->name, ph->name) &&
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
/* ---- running the room ---------------------------------------------------- */

static const char *const timer_ids[TIMER_STATE_COUNT] = {
	"stopped", "running", "paused"
};
static const char *const scope_ids[ROUND_SCOPE_COUNT] = {
	"all", "criterion", "approach", "cells"
};
static const char *const round_state_ids[ROUND_STATE_COUNT] = {
	"open", "revealed"
};
static const char *const park_ids[PARK_STATUS_COUNT] = {
	"open", "roadmap", "done"
};
static const char *const park_labels[PARK_STATUS_COUNT] = {
	N_("Open"), N_("Taken into the roadmap"), N_("Done")
};

#define ENUM_NAMES(id_fn, from_fn, type, ids, count, dflt)             \
	const char *id_fn(type s)                                       \
	{                                                               \
		return (unsigned)s < (count) ? ids[s] : (dflt);         \
	}                                                               \
	int from_fn(const char *s, type *out)                           \
	{                                                               \
		int i = lookup(ids, (count), s);                        \
                                                                        \
		if (i < 0)                                              \
			return ST_INPUT;                                \
		*out = (type)i;                                         \
		return ST_OK;                                           \
	}

ENUM_NAMES(timer_state_id, timer_state_from_id, enum timer_state, timer_ids,
	   TIMER_STATE_COUNT, "stopped")
ENUM_NAMES(round_scope_id, round_scope_from_id, enum round_scope, scope_ids,
	   ROUND_SCOPE_COUNT, "all")
ENUM_NAMES(round_state_id, round_state_from_id, enum round_state,
	   round_state_ids, ROUND_STATE_COUNT, "open")
ENUM_NAMES(park_status_id, park_status_from_id, enum park_status, park_ids,
	   PARK_STATUS_COUNT, "open")

const char *park_status_label(enum park_status s)
{
	return (unsigned)s < PARK_STATUS_COUNT ? _(park_labels[s]) : "?";
}

void round_cell_clear(struct round_cell *c)
{
	free(c->approach);
	free(c->criterion);
	memset(c, 0, sizeof(*c));
}

void ballot_clear(struct ballot *b)
{
	free(b->participant);
	free(b->approach);
	free(b->criterion);
	memset(b, 0, sizeof(*b));
}

void vote_round_clear(struct vote_round *r)
{
	free(r->scope_key);
	free(r->opened_by);
	free(r->revealed_by);
	CLEAR_ARRAY(r->cells, r->n_cells, round_cell_clear);
	CLEAR_ARRAY(r->covers, r->n_covers, round_cell_clear);
	CLEAR_ARRAY(r->votes, r->n_votes, vote_clear);
	CLEAR_ARRAY(r->ballots, r->n_ballots, ballot_clear);
	memset(r, 0, sizeof(*r));
}

void ready_mark_clear(struct ready_mark *m)
{
	free(m->participant);
	memset(m, 0, sizeof(*m));
}

void park_item_clear(struct park_item *p)
{
	free(p->text);
	free(p->added_by);
	free(p->next_step);
	memset(p, 0, sizeof(*p));
}

ADDER(wsdata_add_agenda, struct agenda_item, agenda, n_agenda)
ADDER(wsdata_add_round, struct vote_round, rounds, n_rounds)
ADDER(wsdata_add_earlier_vote, struct vote, earlier_votes, n_earlier_votes)
ADDER(wsdata_add_ready, struct ready_mark, ready, n_ready)
ADDER(wsdata_add_park, struct park_item, parking, n_parking)

struct vote *round_add_vote(struct vote_round *r)
{
	return grow((void **)&r->votes, &r->n_votes, sizeof(struct vote));
}

struct ballot *round_add_ballot(struct vote_round *r)
{
	return grow((void **)&r->ballots, &r->n_ballots, sizeof(struct ballot));
}

struct round_cell *round_add_cell(struct vote_round *r)
{
	return grow((void **)&r->cells, &r->n_cells, sizeof(struct round_cell));
}

struct round_cell *round_add_cover(struct vote_round *r)
{
	return grow((void **)&r->covers, &r->n_covers,
		    sizeof(struct round_cell));
}

int vote_copy(struct vote *dst, const struct vote *src)
{
	*dst = *src;
	dst->participant = dst->approach = dst->criterion = NULL;
	if (!dup_opt(&dst->participant, src->participant) ||
	    !dup_opt(&dst->approach, src->approach) ||
	    !dup_opt(&dst->criterion, src->criterion)) {
		vote_clear(dst);
		return ST_ERROR;
	}
	return ST_OK;
}

const struct agenda_item *wsdata_agenda(const struct workshop_data *d,
					enum stage st)
{
	for (size_t i = 0; i < d->n_agenda; i++)
		if (d->agenda[i].stage == st)
			return &d->agenda[i];
	return NULL;
}

const struct vote_round *wsdata_round(const struct workshop_data *d, int n)
{
	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].number == n)
			return &d->rounds[i];
	return NULL;
}

const struct vote_round *wsdata_open_round(const struct workshop_data *d)
{
	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].state == ROUND_OPEN)
			return &d->rounds[i];
	return NULL;
}

const struct park_item *wsdata_park(const struct workshop_data *d,
				    int64_t id)
{
	for (size_t i = 0; i < d->n_parking; i++)
		if (d->parking[i].id == id)
			return &d->parking[i];
	return NULL;
}

bool round_covers(const struct vote_round *r, const char *approach,
		  const char *criterion)
{
	for (size_t i = 0; i < r->n_covers; i++)
		if (str_eq(r->covers[i].approach, approach) &&
		    str_eq(r->covers[i].criterion, criterion))
			return true;
	return false;
}

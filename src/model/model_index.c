/* model_index: keyed lookups of a workshop_data (answers, approaches,
 * criteria, scores, decisions by key), hash tables built on demand. */
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
#include "util/str.h"

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

#include "config.h"
/*
 * store_summary: workshop rows with their counts, for lists.  The rows come
 * from store_workshop_list itself, so whatever that leaves out (archived
 * workshops unless asked) is left out here too, in its order; the counts
 * come from one GROUP BY query per table, matched by workshop id.
 */

#include <stddef.h>
#include <stdlib.h>

#include "store/store_int.h"
#include "store/store_summary.h"
#include "util/clock.h"
#include "util/i18n.h"

/* Which count of a summary a query fills. */
struct count_query {
	const char *sql;
	size_t offset;   /* of the size_t in struct workshop_summary */
};

static const struct count_query counts[] = {
	/* The store writes kind 'none', 'text', 'number' or 'list'; "<>"
	 * costs half what IN does per row. */
	{ "SELECT workshop_id, count(*) FROM answer WHERE kind <> 'none' "
	  "GROUP BY workshop_id",
	  offsetof(struct workshop_summary, answered) },
	{ "SELECT workshop_id, count(*) FROM approach "
	  "GROUP BY workshop_id",
	  offsetof(struct workshop_summary, approaches) },
	{ "SELECT workshop_id, count(*) FROM decision "
	  "GROUP BY workshop_id",
	  offsetof(struct workshop_summary, decisions) },
	{ "SELECT workshop_id, count(*) FROM risk "
	  "GROUP BY workshop_id",
	  offsetof(struct workshop_summary, risks) },
};

static int by_id(const void *a, const void *b)
{
	const struct workshop_summary *x = *(struct workshop_summary *const *)a;
	const struct workshop_summary *y = *(struct workshop_summary *const *)b;

	return x->w.id < y->w.id ? -1 : x->w.id > y->w.id;
}

/* Fill one count from its query; idx holds the rows sorted by id, so the
 * list may come in any order. */
static int fill_counts(struct store *s, const struct count_query *q,
		       struct workshop_summary **idx, size_t n,
		       struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, q->sql, e);
	struct workshop_summary key, *kp = &key, **hit;
	int rc;

	if (!st)
		return e->code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		key.w.id = sqlite3_column_int64(st, 0);
		hit = bsearch(&kp, idx, n, sizeof(*idx), by_id);
		if (hit)
			*(size_t *)((char *)*hit + q->offset) =
				(size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : store_sqlerr(s, rc, e);
}

int store_workshop_summaries(struct store *s, bool with_archived,
			     unsigned counts_asked, struct workshop_summary **out,
			     size_t *n, struct error *e)
{
	struct workshop *rows = NULL;
	struct workshop_summary *list, **idx;
	size_t count = 0;
	int rc = ST_OK;

	*out = NULL;
	*n = 0;
	if ((rc = store_workshop_list(s, with_archived, &rows, &count, e)) < 0)
		return rc;
	if (count == 0)
		return ST_OK;
	list = calloc(count, sizeof(*list));
	idx = calloc(count, sizeof(*idx));
	if (!list || !idx) {
		free(list);
		free(idx);
		store_workshop_list_free(&rows, count);
		return err_set(e, ST_ERROR, _("out of memory"));
	}
	/* The strings move over: the rows are freed without them. */
	for (size_t i = 0; i < count; i++) {
		list[i].w = rows[i];
		idx[i] = &list[i];
	}
	free(rows);
	qsort(idx, count, sizeof(*idx), by_id);
	for (size_t i = 0; rc == ST_OK && i < sizeof(counts) / sizeof(counts[0]);
	     i++)
		if (counts_asked & (1u << i))
			rc = fill_counts(s, &counts[i], idx, count, e);
	free(idx);
	if (rc < 0) {
		store_workshop_summaries_free(&list, count);
		return rc;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_workshop_summaries_free(struct workshop_summary **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		workshop_clear(&(*list)[i].w);
	free(*list);
	*list = NULL;
}

int store_workshop_present(struct store *s, int max_age,
			   struct workshop_present **out, size_t *n,
			   struct error *e)
{
	struct workshop_present *list = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, "SELECT workshop_id, participant FROM presence "
			"WHERE workshop_id <> 0 AND last_seen >= ?1 "
			"GROUP BY workshop_id, participant "
			"ORDER BY workshop_id, participant", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, clock_now() - (max_age > 0 ? max_age : 0));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct workshop_present *q = realloc(list,
							     ncap * sizeof(*q));

			if (!q) {
				ret = err_set(e, ST_ERROR, _("out of memory"));
				goto cleanup;
			}
			list = q;
			cap = ncap;
		}
		list[count].workshop_id = sqlite3_column_int64(st, 0);
		list[count].who = NULL;
		if (!store_col_text(st, 1, &list[count++].who)) {
			ret = err_set(e, ST_ERROR, _("out of memory"));
			goto cleanup;
		}
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	if (ret < 0) {
		store_workshop_present_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_workshop_present_free(struct workshop_present **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		free((*list)[i].who);
	free(*list);
	*list = NULL;
}

#include "config.h"
/*
 * store_restore: putting back rows a deletion took, for undo.  The rows
 * come as a workshop_data "part" (wsdata_part_of): an approach or a
 * criterion with its scores, votes and judgements, a risk, a metric, a
 * phase or a decision, each with the key (or number) and position it had.
 * All of it goes back in one transaction, or none of it: a key or a number
 * taken meanwhile is a conflict, since that is someone else's row now.
 */

#include <stdio.h>
#include <stdlib.h>

#include "store/store_int.h"
#include "store/store_restore.h"
#include "util/i18n.h"

/* Make room at position pos of a positioned table. */
static int open_gap(struct store *s, const char *tbl, int64_t ws, int pos,
		    struct error *e)
{
	char sql[128];
	sqlite3_stmt *st;

	snprintf(sql, sizeof(sql), "UPDATE %s SET pos = pos + 1 WHERE "
		 "workshop_id = ?1 AND pos >= ?2", tbl);
	if (!(st = store_stmt(s, sql, e)))
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int(st, 2, pos);
	return store_exec_stmt(s, st, e);
}

/* The count of a table's rows in ws (the last position + 1). */
static int rows_in(struct store *s, const char *tbl, int64_t ws, int *n,
		   struct error *e)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE "
		 "workshop_id = ?1", tbl);
	if (!(st = store_stmt(s, sql, e)))
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

/* Is this key (or decision number) free in ws? */
static int key_free(struct store *s, const char *tbl, int64_t ws,
		    const char *key, int number, struct error *e)
{
	char sql[128];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE workshop_id = ?1 "
		 "AND %s = ?2", tbl, key ? "key" : "number");
	if (!(st = store_stmt(s, sql, e)))
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	if (key)
		store_bind_text(st, 2, key);
	else
		sqlite3_bind_int(st, 2, number);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return err_set(e, ST_CONFLICT, _("cannot put it back: %s %s is "
						 "taken by a newer one"),
			       tbl, key ? key : "");
	return rc == SQLITE_DONE ? ST_OK : store_sqlerr(s, rc, e);
}

/* A row back at its position (clamped to the end), audited. */
static int put_positioned(struct store *s, const char *tbl, int64_t ws,
			  int pos, const char *label, int64_t *row,
			  int (*insert)(struct store *, int64_t, const void *,
					int, int64_t *, struct error *),
			  const void *item, struct error *e)
{
	int n = 0, rc;

	if ((rc = rows_in(s, tbl, ws, &n, e)) < 0)
		return rc;
	if (pos > n)
		pos = n;
	if ((rc = open_gap(s, tbl, ws, pos, e)) < 0 ||
	    (rc = insert(s, ws, item, pos, row, e)) < 0)
		return rc;
	return store_audit(s, ws, tbl, *row, NULL, NULL, label, e);
}

static int ins_approach(struct store *s, int64_t ws, const void *x, int pos,
			int64_t *id, struct error *e)
{
	const struct approach *a = x;

	return store_insert_approach(s, ws, a, a->key, pos, id, e);
}

static int ins_criterion(struct store *s, int64_t ws, const void *x, int pos,
			 int64_t *id, struct error *e)
{
	const struct criterion *c = x;

	return store_insert_criterion(s, ws, c, c->key, pos, id, e);
}

static int ins_phase(struct store *s, int64_t ws, const void *x, int pos,
		     int64_t *id, struct error *e)
{
	return store_insert_phase(s, ws, x, pos, id, e);
}

static int restore_rows(struct store *s, int64_t ws,
			const struct workshop_data *p, struct error *e)
{
	int64_t row = 0;
	int rc = ST_OK;

	for (size_t i = 0; rc == ST_OK && i < p->n_approaches; i++)
		if ((rc = key_free(s, "approach", ws, p->approaches[i].key, 0,
				   e)) == ST_OK)
			rc = put_positioned(s, "approach", ws,
					    p->approaches[i].pos,
					    p->approaches[i].key, &row,
					    ins_approach, &p->approaches[i], e);
	for (size_t i = 0; rc == ST_OK && i < p->n_criteria; i++)
		if ((rc = key_free(s, "criterion", ws, p->criteria[i].key, 0,
				   e)) == ST_OK)
			rc = put_positioned(s, "criterion", ws,
					    p->criteria[i].pos,
					    p->criteria[i].key, &row,
					    ins_criterion, &p->criteria[i], e);
	for (size_t i = 0; rc == ST_OK && i < p->n_roadmap; i++)
		rc = put_positioned(s, "phase", ws, p->roadmap[i].pos,
				    p->roadmap[i].name ? p->roadmap[i].name : "",
				    &row, ins_phase, &p->roadmap[i], e);
	for (size_t i = 0; rc == ST_OK && i < p->n_risks; i++)
		if ((rc = key_free(s, "risk", ws, p->risks[i].key, 0, e)) ==
		    ST_OK &&
		    (rc = store_insert_risk(s, ws, &p->risks[i], p->risks[i].key,
					    &row, e)) == ST_OK)
			rc = store_audit(s, ws, "risk", row, NULL, NULL,
					 p->risks[i].key, e);
	for (size_t i = 0; rc == ST_OK && i < p->n_metrics; i++)
		if ((rc = key_free(s, "metric", ws, p->metrics[i].key, 0, e)) ==
		    ST_OK &&
		    (rc = store_insert_metric(s, ws, &p->metrics[i],
					      p->metrics[i].key, &row, e)) ==
		    ST_OK)
			rc = store_audit(s, ws, "metric", row, NULL, NULL,
					 p->metrics[i].key, e);
	for (size_t i = 0; rc == ST_OK && i < p->n_decisions; i++) {
		char num[16];

		snprintf(num, sizeof(num), "%d", p->decisions[i].number);
		if ((rc = key_free(s, "decision", ws, NULL,
				   p->decisions[i].number, e)) == ST_OK &&
		    (rc = store_insert_decision(s, ws, &p->decisions[i],
						p->decisions[i].number, &row,
						e)) == ST_OK)
			rc = store_audit(s, ws, "decision", row, NULL, NULL, num,
					 e);
	}
	for (size_t i = 0; rc == ST_OK && i < p->n_scores; i++)
		rc = store_insert_score(s, ws, &p->scores[i], e);
	for (size_t i = 0; rc == ST_OK && i < p->n_votes; i++)
		rc = store_insert_vote(s, ws, &p->votes[i], e);
	for (size_t i = 0; rc == ST_OK && i < p->n_pairwise; i++)
		rc = store_insert_judgement(s, ws, &p->pairwise[i], e);
	return rc;
}

int store_rows_restore(struct store *s, int64_t ws,
		       const struct workshop_data *part, struct error *e)
{
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	rc = restore_rows(s, ws, part, e);
	return store_end(s, rc, e);
}

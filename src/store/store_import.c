#include "config.h"
/*
 * store_import: a whole struct workshop_data written as a new workshop in
 * one transaction (import, a file's or another workshop's: duplicate),
 * keys and ADR numbers kept, missing ones made.
 */

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_adr.h"
#include "store/store_int.h"
#include "store/store_room.h"
#include "util/account.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* The workshop's own row: *id. */
static int insert_workshop_row(struct store *s, const struct workshop_data *d,
			       const char *title, bool keep_times,
			       int64_t updated, int64_t *id, struct error *e)
{
	int64_t now = clock_now();
	char *steps, *fac_account = NULL;
	sqlite3_stmt *st;
	int rc;

	if (!(steps = store_enc_list(&d->next_steps)))
		return OOM(e);
	st = store_stmt(s, "INSERT INTO workshop(title, template, stage, "
			"created, updated, archived, facilitator, weighting, "
			"scale_min, scale_max, next_steps, creator_account, "
			"facilitator_account) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
			"?12, ?13)", e);
	if (!st) {
		free(steps);
		return e->code;
	}
	/* The facilitator named in a file holds the role only if that name
	 * is an account here: else the role is free to take. */
	if (account_of_name(d->ws.facilitator, &fac_account) < 0) {
		free(steps);
		sqlite3_reset(st);
		return OOM(e);
	}
	store_bind_text(st, 1, title);
	store_bind_text(st, 2, d->ws.template_name);
	store_bind_text(st, 3, stage_id(d->ws.stage));
	sqlite3_bind_int64(st, 4, keep_times && d->ws.created ? d->ws.created
							      : now);
	sqlite3_bind_int64(st, 5, updated);
	sqlite3_bind_int(st, 6, d->ws.archived);
	store_bind_text(st, 7, d->ws.facilitator);
	store_bind_text(st, 8, weighting_id(d->ws.weighting));
	sqlite3_bind_double(st, 9, d->ws.scale_min);
	sqlite3_bind_double(st, 10, d->ws.scale_max);
	store_bind_text(st, 11, steps);
	store_bind_text(st, 12, s->account);
	store_bind_text(st, 13, fac_account);
	rc = store_exec_stmt(s, st, e);
	free(steps);
	free(fac_account);
	if (rc < 0)
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	return ST_OK;
}

/* Answers, criteria, approaches, judgements, scores and votes. */
static int insert_scoring(struct store *s, int64_t ws,
			  const struct workshop_data *d, struct error *e)
{
	int64_t row;
	char *key;
	int rc;

	for (size_t i = 0; i < d->n_answers; i++)
		if ((rc = store_insert_answer(s, ws, &d->answers[i], &row, e)) < 0)
			return rc;
	for (size_t i = 0; i < d->n_criteria; i++) {
		const struct criterion *c = &d->criteria[i];

		if (str_empty(c->key)) {
			if ((rc = store_unique_key(s, "criterion", ws, NULL,
						   c->name, "criterion", &key,
						   e)) < 0)
				return rc;
		} else if (!(key = str_dup(c->key))) {
			return OOM(e);
		}
		rc = store_insert_criterion(s, ws, c, key, (int)i, &row, e);
		free(key);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *a = &d->approaches[i];

		if (str_empty(a->key)) {
			if ((rc = store_unique_key(s, "approach", ws, NULL,
						   a->name, "approach", &key,
						   e)) < 0)
				return rc;
		} else if (!(key = str_dup(a->key))) {
			return OOM(e);
		}
		rc = store_insert_approach(s, ws, a, key, (int)i, &row, e);
		free(key);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_pairwise; i++)
		if ((rc = store_insert_judgement(s, ws, &d->pairwise[i], e)) < 0)
			return rc;
	for (size_t i = 0; i < d->n_scores; i++)
		if ((rc = store_insert_score(s, ws, &d->scores[i], e)) < 0)
			return rc;
	for (size_t i = 0; i < d->n_votes; i++)
		/* A vote of a round is inserted with its round, below. */
		if (!d->votes[i].round &&
		    (rc = store_insert_vote(s, ws, &d->votes[i], e)) < 0)
			return rc;
	return ST_OK;
}

/* Decisions (numbers kept; missing ones follow the highest), risks,
 * metrics and the roadmap.  *max_number: the highest ADR number. */
static int insert_plan(struct store *s, int64_t ws,
		       const struct workshop_data *d, int *max_number,
		       struct error *e)
{
	int64_t row;
	char *key;
	int rc;

	for (size_t i = 0; i < d->n_decisions; i++)
		if (d->decisions[i].number > *max_number)
			*max_number = d->decisions[i].number;
	for (size_t i = 0; i < d->n_decisions; i++) {
		int number = d->decisions[i].number;

		if (number <= 0)
			number = ++(*max_number);
		rc = store_insert_decision(s, ws, &d->decisions[i], number,
					   &row, e);
		if (rc < 0 ||
		    (rc = store_adr_save(s, row, &d->decisions[i], e)) < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *r = &d->risks[i];

		if (str_empty(r->key))
			rc = store_next_risk_key(s, ws, &key, e);
		else
			rc = (key = str_dup(r->key)) ? ST_OK : OOM(e);
		if (rc < 0)
			return rc;
		rc = store_insert_risk(s, ws, r, key, &row, e);
		free(key);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];

		if (str_empty(m->key))
			rc = store_unique_key(s, "metric", ws, NULL, m->name,
					      "metric", &key, e);
		else
			rc = (key = str_dup(m->key)) ? ST_OK : OOM(e);
		if (rc < 0)
			return rc;
		rc = store_insert_metric(s, ws, m, key, &row, e);
		free(key);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < d->n_roadmap; i++)
		if ((rc = store_insert_phase(s, ws, &d->roadmap[i], (int)i, &row,
					     e)) < 0)
			return rc;
	return ST_OK;
}

static int insert_all(struct store *s, const struct workshop_data *d,
		      const char *title, bool keep_times, const char *how,
		      int64_t *id, struct error *e)
{
	int64_t updated = keep_times && d->ws.updated ? d->ws.updated
						      : clock_now();
	int max_number = 0, rc;
	int64_t ws;
	sqlite3_stmt *st;

	if ((rc = store_check_title(title, e)) < 0 ||
	    (rc = insert_workshop_row(s, d, title, keep_times, updated, id,
				      e)) < 0)
		return rc;
	ws = *id;
	if ((rc = insert_scoring(s, ws, d, e)) < 0 ||
	    (rc = insert_plan(s, ws, d, &max_number, e)) < 0)
		return rc;
	if ((rc = store_room_insert(s, ws, d, e)) < 0)
		return rc;

	/* One audit row for the whole import, then the counters and times. */
	if ((rc = store_audit(s, ws, "workshop", ws, how, NULL, title, e)) < 0)
		return rc;
	st = store_stmt(s, "UPDATE workshop SET last_decision = ?1, "
			"updated = ?2 WHERE id = ?3", e);
	if (!st)
		return e->code;
	sqlite3_bind_int(st, 1, max_number);
	sqlite3_bind_int64(st, 2, updated);
	sqlite3_bind_int64(st, 3, ws);
	return store_exec_stmt(s, st, e);
}

int store_workshop_import(struct store *s, const struct workshop_data *d,
			  int64_t *id, struct error *e)
{
	int rc;

	*id = 0;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	rc = insert_all(s, d, d->ws.title, true, "import", id, e);
	if ((rc = store_end(s, rc, e)) < 0)
		*id = 0;
	return rc;
}

int store_workshop_duplicate(struct store *s, int64_t id, const char *title,
			     int64_t *new_id, struct error *e)
{
	struct workshop_data *d = NULL;
	int rc;

	*new_id = 0;
	if ((rc = store_check_title(title, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_load(s, id, &d, e)) == ST_OK) {
		d->ws.archived = false;
		rc = insert_all(s, d, title, false, "duplicate", new_id, e);
	}
	wsdata_free(&d);
	if ((rc = store_end(s, rc, e)) < 0)
		*new_id = 0;
	return rc;
}

#include "config.h"
/*
 * store_scoring: interview answers (upsert by question id), the agreed
 * scores and their rationales, each participant's own votes, and the AHP
 * pairwise judgements (kept once per pair: b-over-a is stored as the
 * reciprocal of a-over-b).
 */

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

static const char *const kind_ids[] = { "none", "text", "number", "list" };

static char *number_text(double v)
{
	char num[64];

	str_number(num, sizeof(num), v);
	return str_dup(num);
}

/* Turn a lookup failure into bad input: "a score refers to no approach
 * 'x' in this workshop". */
static int refers(struct error *e, const char *what)
{
	char msg[sizeof(e->msg)];

	memcpy(msg, e->msg, sizeof(msg));
	return err_set(e, ST_INPUT, _("%s refers to %s"), what, msg);
}

/* ---- answers ------------------------------------------------------------ */

/* Bind kind (?n), text (?n+1) and number (?n+2) of a value. */
static int bind_value(sqlite3_stmt *st, int n, const struct value *v)
{
	char *list;

	if ((unsigned)v->kind > VAL_LIST)
		return ST_INPUT;
	store_bind_text(st, n, kind_ids[v->kind]);
	switch (v->kind) {
	case VAL_TEXT:
		store_bind_text(st, n + 1, v->text ? v->text : "");
		break;
	case VAL_NUMBER:
		sqlite3_bind_double(st, n + 2, v->number);
		break;
	case VAL_LIST:
		if (!(list = store_enc_list(&v->list)))
			return ST_ERROR;
		sqlite3_bind_text(st, n + 1, list, -1, free);
		break;
	case VAL_NONE:
		break;
	}
	return ST_OK;
}

static int check_value(const struct value *v, const char *question,
		       struct error *e)
{
	if ((unsigned)v->kind > VAL_LIST)
		return err_set(e, ST_INPUT, _("%s: unknown kind of answer"),
			       question);
	if (v->kind == VAL_NUMBER && !isfinite(v->number))
		return err_set(e, ST_INPUT, _("%s: the answer is not a number"),
			       question);
	return ST_OK;
}

int store_insert_answer(struct store *s, int64_t ws, const struct answer *a,
			int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	if (str_empty(a->question))
		return err_set(e, ST_INPUT, _("an answer names no question"));
	if ((rc = check_value(&a->value, a->question, e)) < 0)
		return rc;
	st = store_stmt(s, "INSERT INTO answer(workshop_id, question, kind, "
			"text, number, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, a->question);
	if (bind_value(st, 3, &a->value) < 0) {
		sqlite3_reset(st);
		return OOM(e);
	}
	store_bind_text(st, 6, a->note);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_answer_find(struct store *s, int64_t ws, const char *question,
		      int64_t *id, int64_t *version, char **text,
		      struct error *e)
{
	struct value v = { 0 };
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*id = 0;
	*version = 0;
	*text = NULL;
	st = store_stmt(s, "SELECT id, version, kind, text, number FROM answer "
			"WHERE workshop_id = ?1 AND question = ?2", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, question);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		const char *t = (const char *)sqlite3_column_text(st, 3);

		*id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
		if (str_eq(kind, "text")) {
			v.kind = VAL_TEXT;
			v.text = (char *)(t ? t : "");
		} else if (str_eq(kind, "number")) {
			v.kind = VAL_NUMBER;
			v.number = sqlite3_column_double(st, 4);
		} else if (str_eq(kind, "list")) {
			v.kind = VAL_LIST;
			if (store_dec_list(t, &v.list) < 0)
				ret = OOM(e);
		}
		if (ret == ST_OK && !(*text = value_to_text(&v)))
			ret = OOM(e);
		strv_free(&v.list);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

/*
 * Set an answer's value.  The edit started from the row at *expect_version
 * (0: there was no answer), or, expect_version NULL, from the value `was`
 * (NULL: none): then only a change of the value meanwhile is a conflict,
 * not one of the answer's note.
 */
static int answer_set(struct store *s, int64_t ws, const char *question,
		      const struct value *v, const int64_t *expect_version,
		      const struct value *was, int64_t *new_version,
		      struct error *e)
{
	char *old = NULL, *new_text = NULL, *was_text = NULL, what[200];
	int64_t id, version;
	sqlite3_stmt *st;
	int rc;

	if (str_empty(question))
		return err_set(e, ST_INPUT, _("an answer names no question"));
	if ((rc = check_value(v, question, e)) < 0)
		return rc;
	if (!(new_text = value_to_text(v)))
		return OOM(e);
	if (!expect_version && was && was->kind != VAL_NONE &&
	    !(was_text = value_to_text(was))) {
		free(new_text);
		return OOM(e);
	}
	if ((rc = store_begin(s, e)) < 0) {
		free(new_text);
		free(was_text);
		return rc;
	}
	if ((rc = store_workshop_exists(s, ws, e)) < 0 ||
	    (rc = store_answer_find(s, ws, question, &id, &version, &old, e)) < 0)
		goto out;
	snprintf(what, sizeof(what), _("the answer to %s"), question);
	if (!expect_version) {
		/* By value: was_text NULL means "no answer then". */
		if (str_eq(old, new_text)) {
			if (new_version)
				*new_version = version;
			goto out;
		}
		if (!str_eq(old, was_text)) {
			if (id)
				rc = store_conflict_field(s, "answer", id,
							  question, what, e);
			else
				rc = err_set(e, ST_CONFLICT, _("%s was cleared "
							       "by someone else "
							       "while you edited "
							       "it; your change "
							       "was not saved"),
					     what);
			goto out;
		}
	} else if (!id && *expect_version) {
		rc = err_set(e, ST_CONFLICT, _("%s was cleared by someone else "
					       "while you edited it; your "
					       "change was not saved"), what);
		goto out;
	}
	if (expect_version && id && version != *expect_version) {
		rc = store_conflict(s, "answer", id, what, false, e);
		goto out;
	}
	st = id ? store_stmt(s, "UPDATE answer SET kind = ?3, text = ?4, "
			     "number = ?5, version = version + 1 "
			     "WHERE id = ?1", e)
		: store_stmt(s, "INSERT INTO answer(workshop_id, question, kind, "
			     "text, number) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id ? id : ws);
	if (!id)
		store_bind_text(st, 2, question);
	if (bind_value(st, 3, v) < 0) {
		sqlite3_reset(st);
		rc = OOM(e);
		goto out;
	}
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	if (!id)
		id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "answer", id, question, old, new_text, e);
	if (rc == ST_OK && new_version)
		*new_version = version + 1;
out:
	free(old);
	free(new_text);
	free(was_text);
	return store_end(s, rc, e);
}

int store_answer_set(struct store *s, int64_t ws, const char *question,
		     const struct value *v, int64_t expect_version,
		     int64_t *new_version, struct error *e)
{
	return answer_set(s, ws, question, v, &expect_version, NULL,
			  new_version, e);
}

int store_answer_set_from(struct store *s, int64_t ws, const char *question,
			  const struct value *was, const struct value *v,
			  int64_t *new_version, struct error *e)
{
	return answer_set(s, ws, question, v, NULL, was, new_version, e);
}

int store_answer_clear(struct store *s, int64_t ws, const char *question,
		       struct error *e)
{
	char *old = NULL;
	int64_t id, version;
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_answer_find(s, ws, question, &id, &version, &old, e)) < 0 ||
	    !id)
		goto out;
	if (!(st = store_stmt(s, "DELETE FROM answer WHERE id = ?1", e))) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		rc = store_audit(s, ws, "answer", id, question, old, NULL, e);
out:
	free(old);
	return store_end(s, rc, e);
}

/* ---- cells: scores and votes -------------------------------------------- */

static int cell_ids(struct store *s, int64_t ws, const char *approach,
		    const char *criterion, int64_t *aid, int64_t *cid,
		    struct error *e)
{
	int rc;

	if ((rc = store_key_id(s, "approach", ws, approach, aid, e)) < 0)
		return rc;
	return store_key_id(s, "criterion", ws, criterion, cid, e);
}

/* A score must be a finite number on the workshop's scale. */
static int check_score(struct store *s, int64_t ws, const double *value,
		       const char *field, struct error *e)
{
	struct workshop w;
	char v[64], lo[64], hi[64];
	int rc;

	if (!value)
		return ST_OK;
	if (!isfinite(*value))
		return err_set(e, ST_INPUT, _("%s: not a number"), field);
	if ((rc = store_workshop_get(s, ws, &w, e)) < 0)
		return rc;
	if (*value < w.scale_min || *value > w.scale_max) {
		str_number(v, sizeof(v), *value);
		str_number(lo, sizeof(lo), w.scale_min);
		str_number(hi, sizeof(hi), w.scale_max);
		rc = err_set(e, ST_INPUT, _("%s: %s is outside the scale %s to "
					    "%s"), field, v, lo, hi);
	}
	workshop_clear(&w);
	return rc;
}

int store_insert_score(struct store *s, int64_t ws, const struct score *sc,
		       struct error *e)
{
	int64_t aid, cid;
	sqlite3_stmt *st;
	int rc;

	if ((rc = cell_ids(s, ws, sc->approach, sc->criterion, &aid, &cid,
			   e)) < 0)
		return rc == ST_NOTFOUND ? refers(e, _("a score")) : rc;
	st = store_stmt(s, "INSERT INTO score(workshop_id, approach_id, "
			"criterion_id, value, rationale) "
			"VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int64(st, 2, aid);
	sqlite3_bind_int64(st, 3, cid);
	if (sc->has_value)
		sqlite3_bind_double(st, 4, sc->value);
	store_bind_text(st, 5, sc->rationale);
	return store_exec_stmt(s, st, e);
}

int store_insert_vote(struct store *s, int64_t ws, const struct vote *v,
		      struct error *e)
{
	int64_t aid, cid;
	sqlite3_stmt *st;
	int rc;

	if (str_empty(v->participant))
		return err_set(e, ST_INPUT, _("a vote names no participant"));
	if ((rc = cell_ids(s, ws, v->approach, v->criterion, &aid, &cid,
			   e)) < 0)
		return rc == ST_NOTFOUND ? refers(e, _("a vote")) : rc;
	st = store_stmt(s, "INSERT INTO vote(workshop_id, participant, "
			"approach_id, criterion_id, value, round) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, v->participant);
	sqlite3_bind_int64(st, 3, aid);
	sqlite3_bind_int64(st, 4, cid);
	sqlite3_bind_double(st, 5, v->value);
	sqlite3_bind_int(st, 6, v->round > 0 ? v->round : 0);
	return store_exec_stmt(s, st, e);
}

/* The row of a cell in `score` or `vote` (who = NULL for scores). */
struct cell {
	int64_t id;        /* 0 = no row */
	int64_t version;
	char *old;         /* old text of the column ("" for NULL) */
};

static int read_cell(struct store *s, const char *sql, int64_t aid,
		     int64_t cid, const char *who, int round, struct cell *c,
		     struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);
	int rc, ret = ST_OK;

	memset(c, 0, sizeof(*c));
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, aid);
	sqlite3_bind_int64(st, 2, cid);
	if (who)
		store_bind_text(st, 3, who);
	if (round >= 0)
		sqlite3_bind_int(st, 4, round);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->version = sqlite3_column_int64(st, 1);
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			c->old = str_dup("");
		else if (sqlite3_column_type(st, 2) == SQLITE_TEXT)
			c->old = str_dup((const char *)
					 sqlite3_column_text(st, 2));
		else
			c->old = number_text(sqlite3_column_double(st, 2));
		if (!c->old)
			ret = OOM(e);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

/* Check a cell's version against the caller's; fills *e on conflict. */
static int cell_version(struct store *s, const char *tbl, const struct cell *c,
			int64_t expect, const char *approach,
			const char *criterion, struct error *e)
{
	char what[200];

	if (c->id && c->version == expect)
		return ST_OK;
	if (!c->id && !expect)
		return ST_OK;
	snprintf(what, sizeof(what), _("the %s of %s on %s"), tbl, approach,
		 criterion);
	if (!c->id)
		return err_set(e, ST_CONFLICT, _("%s was removed by someone else "
					       "while you edited it; your change "
					       "was not saved"), what);
	return store_conflict(s, tbl, c->id, what, false, e);
}

/* Set one column of a score cell (value or rationale), creating the row.
 * The edit started from the row at *expect_version, or (expect_version
 * NULL) from the column holding was_text ("" = nothing): then only a
 * change of that column meanwhile is a conflict. */
static int score_column(struct store *s, int64_t ws, const char *approach,
			const char *criterion, const char *column,
			const double *value, const char *text,
			const int64_t *expect_version, const char *was_text,
			int64_t *new_version, struct error *e)
{
	struct cell c = { 0 };
	char *new_text;
	int64_t aid, cid;
	sqlite3_stmt *st;
	char sql[160];
	bool is_value = strcmp(column, "value") == 0;
	int rc;

	new_text = is_value ? (value ? number_text(*value) : str_dup(""))
			    : str_dup(text ? text : "");
	if (!new_text)
		return OOM(e);
	if ((rc = store_begin(s, e)) < 0) {
		free(new_text);
		return rc;
	}
	if ((rc = cell_ids(s, ws, approach, criterion, &aid, &cid, e)) < 0 ||
	    (is_value && (rc = check_score(s, ws, value, "score", e)) < 0))
		goto out;
	snprintf(sql, sizeof(sql), "SELECT id, version, %s FROM score "
		 "WHERE approach_id = ?1 AND criterion_id = ?2", column);
	if ((rc = read_cell(s, sql, aid, cid, NULL, -1, &c, e)) < 0 ||
	    (expect_version &&
	     (rc = cell_version(s, "score", &c, *expect_version, approach,
				criterion, e)) < 0))
		goto out;
	if (!expect_version && !str_eq(c.id ? c.old : "", was_text) &&
	    !str_eq(c.id ? c.old : "", new_text)) {
		char what[200];

		snprintf(what, sizeof(what), _("the score of %s on %s"),
			 approach, criterion);
		rc = c.id ? store_conflict_field(s, "score", c.id, column, what,
						 e)
			  : err_set(e, ST_CONFLICT, _("%s was removed by someone "
						      "else while you edited it; "
						      "your change was not "
						      "saved"), what);
		goto out;
	}
	if (c.id && str_eq(c.old, new_text)) {
		if (new_version)
			*new_version = c.version;
		goto out;
	}
	if (c.id)
		snprintf(sql, sizeof(sql), "UPDATE score SET %s = ?1, version = "
			 "version + 1 WHERE id = ?2", column);
	else
		snprintf(sql, sizeof(sql), "INSERT INTO score(%s, workshop_id, "
			 "approach_id, criterion_id) VALUES (?1, ?2, ?3, ?4)",
			 column);
	if (!(st = store_stmt(s, sql, e))) {
		rc = e->code;
		goto out;
	}
	if (is_value && value)
		sqlite3_bind_double(st, 1, *value);
	else if (!is_value && !str_empty(text))
		store_bind_text(st, 1, text);
	if (c.id) {
		sqlite3_bind_int64(st, 2, c.id);
	} else {
		sqlite3_bind_int64(st, 2, ws);
		sqlite3_bind_int64(st, 3, aid);
		sqlite3_bind_int64(st, 4, cid);
	}
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	if (!c.id)
		c.id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "score", c.id, column, c.old, new_text, e);
	if (rc == ST_OK && new_version)
		*new_version = c.version + 1;
out:
	free(c.old);
	free(new_text);
	return store_end(s, rc, e);
}

int store_score_set(struct store *s, int64_t ws, const char *approach,
		    const char *criterion, const double *value,
		    int64_t expect_version, int64_t *new_version,
		    struct error *e)
{
	return score_column(s, ws, approach, criterion, "value", value, NULL,
			    &expect_version, NULL, new_version, e);
}

int store_score_set_from(struct store *s, int64_t ws, const char *approach,
			 const char *criterion, const double *was,
			 const double *value, int64_t *new_version,
			 struct error *e)
{
	char *was_text = was ? number_text(*was) : str_dup("");
	int rc;

	if (!was_text)
		return OOM(e);
	rc = score_column(s, ws, approach, criterion, "value", value, NULL,
			  NULL, was_text, new_version, e);
	free(was_text);
	return rc;
}

int store_score_rationale(struct store *s, int64_t ws, const char *approach,
			  const char *criterion, const char *text,
			  int64_t expect_version, int64_t *new_version,
			  struct error *e)
{
	return score_column(s, ws, approach, criterion, "rationale", NULL, text,
			    &expect_version, NULL, new_version, e);
}

int store_score_rationale_from(struct store *s, int64_t ws,
			       const char *approach, const char *criterion,
			       const char *was, const char *text,
			       int64_t *new_version, struct error *e)
{
	return score_column(s, ws, approach, criterion, "rationale", NULL, text,
			    NULL, was ? was : "", new_version, e);
}

int store_vote_set(struct store *s, int64_t ws, const char *approach,
		   const char *criterion, const double *value,
		   int64_t expect_version, int64_t *new_version,
		   struct error *e)
{
	struct cell c = { 0 };
	char *new_text = NULL;
	int64_t aid, cid;
	sqlite3_stmt *st;
	int round = 0, rc;

	if (new_version)
		*new_version = 0;
	if (value && !(new_text = number_text(*value)))
		return OOM(e);
	if ((rc = store_begin(s, e)) < 0) {
		free(new_text);
		return rc;
	}
	if ((rc = cell_ids(s, ws, approach, criterion, &aid, &cid, e)) < 0 ||
	    (rc = check_score(s, ws, value, "vote", e)) < 0 ||
	    /* A vote goes to the newest round covering its cell. */
	    (rc = store_cell_round(s, ws, aid, cid, &round, e)) < 0 ||
	    (rc = read_cell(s, "SELECT id, version, value FROM vote WHERE "
			    "approach_id = ?1 AND criterion_id = ?2 AND "
			    "participant = ?3 AND round = ?4", aid, cid, s->who,
			    round, &c, e)) < 0 ||
	    (rc = cell_version(s, "vote", &c, expect_version, approach,
			       criterion, e)) < 0)
		goto out;
	if (!value) {
		/* Clearing a vote removes its row. */
		if (!c.id)
			goto out;
		if (!(st = store_stmt(s, "DELETE FROM vote WHERE id = ?1", e))) {
			rc = e->code;
			goto out;
		}
		sqlite3_bind_int64(st, 1, c.id);
		if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
			rc = store_audit(s, ws, "vote", c.id, "value", c.old,
					 NULL, e);
		goto out;
	}
	if (c.id && str_eq(c.old, new_text)) {
		if (new_version)
			*new_version = c.version;
		goto out;
	}
	st = c.id ? store_stmt(s, "UPDATE vote SET value = ?1, version = "
			       "version + 1 WHERE id = ?2", e)
		  : store_stmt(s, "INSERT INTO vote(value, workshop_id, "
			       "approach_id, criterion_id, participant, round) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_double(st, 1, *value);
	if (c.id) {
		sqlite3_bind_int64(st, 2, c.id);
	} else {
		sqlite3_bind_int64(st, 2, ws);
		sqlite3_bind_int64(st, 3, aid);
		sqlite3_bind_int64(st, 4, cid);
		store_bind_text(st, 5, s->who);
		sqlite3_bind_int(st, 6, round);
	}
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	if (!c.id)
		c.id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "vote", c.id, "value", c.old, new_text, e);
	if (rc == ST_OK && new_version)
		*new_version = c.version + 1;
out:
	free(c.old);
	free(new_text);
	return store_end(s, rc, e);
}

/* ---- judgements --------------------------------------------------------- */

/* Resolve a pair of criterion keys to the stored (lower id first) form. */
static int canonical_pair(struct store *s, int64_t ws, const char *a,
			  const char *b, double value, int64_t *ia, int64_t *ib,
			  double *v, struct error *e)
{
	int rc;

	if (!isfinite(value) || value <= 0)
		return err_set(e, ST_INPUT, _("judgement %s over %s: the value "
					      "must be a positive number"),
			       a ? a : "", b ? b : "");
	if ((rc = store_key_id(s, "criterion", ws, a, ia, e)) < 0 ||
	    (rc = store_key_id(s, "criterion", ws, b, ib, e)) < 0)
		return rc;
	if (*ia == *ib)
		return err_set(e, ST_INPUT, _("judgement: %s cannot be compared "
					      "with itself"), a);
	*v = value;
	if (*ia > *ib) {
		int64_t t = *ia;

		*ia = *ib;
		*ib = t;
		*v = 1.0 / value;
	}
	return ST_OK;
}

int store_insert_judgement(struct store *s, int64_t ws,
			   const struct judgement *j, struct error *e)
{
	int64_t ia, ib;
	double v;
	sqlite3_stmt *st;
	int rc;

	if ((rc = canonical_pair(s, ws, j->a, j->b, j->value, &ia, &ib, &v,
				 e)) < 0)
		return rc == ST_NOTFOUND ? refers(e, _("a judgement")) : rc;
	/* A pair given twice (either way round): the later one wins. */
	st = store_stmt(s, "INSERT INTO judgement(workshop_id, a, b, "
			"participant, value) VALUES (?1, ?2, ?3, ?4, ?5) "
			"ON CONFLICT(a, b, participant) DO UPDATE SET "
			"value = excluded.value", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int64(st, 2, ia);
	sqlite3_bind_int64(st, 3, ib);
	store_bind_text(st, 4, j->participant ? j->participant : "");
	sqlite3_bind_double(st, 5, v);
	return store_exec_stmt(s, st, e);
}

int store_judgement_set(struct store *s, int64_t ws, const char *a,
			const char *b, double value, const char *participant,
			struct error *e)
{
	struct cell c = { 0 };
	char *new_text = NULL;
	int64_t ia, ib;
	double v;
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = canonical_pair(s, ws, a, b, value, &ia, &ib, &v, e)) < 0 ||
	    (rc = read_cell(s, "SELECT id, version, value FROM judgement WHERE "
			    "a = ?1 AND b = ?2 AND participant = ?3", ia, ib,
			    participant ? participant : "", -1, &c, e)) < 0)
		goto out;
	if (!(new_text = number_text(v))) {
		rc = OOM(e);
		goto out;
	}
	if (c.id && str_eq(c.old, new_text))
		goto out;
	st = c.id ? store_stmt(s, "UPDATE judgement SET value = ?1, version = "
			       "version + 1 WHERE id = ?2", e)
		  : store_stmt(s, "INSERT INTO judgement(value, workshop_id, a, "
			       "b, participant) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_double(st, 1, v);
	if (c.id) {
		sqlite3_bind_int64(st, 2, c.id);
	} else {
		sqlite3_bind_int64(st, 2, ws);
		sqlite3_bind_int64(st, 3, ia);
		sqlite3_bind_int64(st, 4, ib);
		store_bind_text(st, 5, participant ? participant : "");
	}
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	if (!c.id)
		c.id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "judgement", c.id, "value", c.old, new_text, e);
out:
	free(c.old);
	free(new_text);
	return store_end(s, rc, e);
}

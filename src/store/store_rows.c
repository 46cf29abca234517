#include "config.h"
/*
 * store_rows: the rows of a workshop that are added and deleted one by one —
 * approaches, criteria, risks, metrics, roadmap phases and decisions — their
 * keys, positions and decision numbers, and the next-steps list.
 */

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* Table names reach SQL text only from this list, never from callers. */
static const char *const tables[] = {
	"approach", "criterion", "risk", "metric", "phase", "decision",
	"answer", "score", "vote", "judgement", "workshop"
};

static const char *known_table(const char *tbl)
{
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (str_eq(tables[i], tbl))
			return tables[i];
	return NULL;
}

/* A statement over one of the known tables: fmt has one %s for it. */
static sqlite3_stmt *table_stmt(struct store *s, const char *fmt,
				const char *tbl, struct error *e)
{
	char sql[512];
	const char *t = known_table(tbl);

	if (!t) {
		err_set(e, ST_ERROR, "store: unknown table '%s'", tbl);
		return NULL;
	}
	snprintf(sql, sizeof(sql), fmt, t, t, t);
	return store_stmt(s, sql, e);
}

/* ---- keys, positions ---------------------------------------------------- */

/* Lowercase ASCII letters and digits, other runs as one dash. */
static char *slug(const char *name)
{
	size_t n = 0, len = name ? strlen(name) : 0;
	char *out = malloc(len + 1);
	bool dash = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len && n < 40; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 128 && isalnum(c)) {
			if (dash && n)
				out[n++] = '-';
			out[n++] = (char)tolower(c);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[n] = '\0';
	return out;
}

static int key_taken(struct store *s, const char *tbl, int64_t ws,
		     const char *key, bool *taken, struct error *e)
{
	sqlite3_stmt *st = table_stmt(s, "SELECT 1 FROM %s WHERE workshop_id "
				      "= ?1 AND key = ?2", tbl, e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e);
	*taken = rc == SQLITE_ROW;
	return ST_OK;
}

int store_unique_key(struct store *s, const char *tbl, int64_t ws,
		     const char *base, const char *name,
		     const char *fallback, char **out, struct error *e)
{
	char *stem, *key = NULL;
	bool taken = true;
	int rc = ST_OK;

	*out = NULL;
	if (!str_empty(base))
		stem = str_dup(base);
	else if ((stem = slug(name)) && !*stem && str_set(&stem, fallback) < 0)
		return OOM(e);
	if (!stem)
		return OOM(e);
	for (int i = 1; taken; i++) {
		free(key);
		key = i == 1 ? str_dup(stem) : str_printf("%s-%d", stem, i);
		if (!key) {
			rc = OOM(e);
			break;
		}
		if ((rc = key_taken(s, tbl, ws, key, &taken, e)) < 0)
			break;
	}
	free(stem);
	if (rc < 0) {
		free(key);
		return rc;
	}
	*out = key;
	return ST_OK;
}

int store_next_risk_key(struct store *s, int64_t ws, char **out,
			struct error *e)
{
	sqlite3_stmt *st;
	long max = 0;
	int rc;

	*out = NULL;
	st = store_stmt(s, "SELECT key FROM risk WHERE workshop_id = ?1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		char *end;
		long n;

		if (!k || k[0] != 'R' || !isdigit((unsigned char)k[1]))
			continue;
		n = strtol(k + 1, &end, 10);
		if (*end == '\0' && n > max)
			max = n;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e);
	if (!(*out = str_printf("R%ld", max + 1)))
		return OOM(e);
	return ST_OK;
}

int store_row_workshop(struct store *s, const char *tbl, int64_t id,
		       int64_t *ws, struct error *e)
{
	sqlite3_stmt *st = table_stmt(s, "SELECT workshop_id FROM %s "
				      "WHERE id = ?1", tbl, e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*ws = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOTFOUND, _("no %s with id %" PRId64),
			       tbl, id);
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

int store_key_id(struct store *s, const char *tbl, int64_t ws,
		 const char *key, int64_t *id, struct error *e)
{
	sqlite3_stmt *st = table_stmt(s, "SELECT id FROM %s WHERE "
				      "workshop_id = ?1 AND key = ?2", tbl, e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOTFOUND, _("no %s '%s' in this workshop"),
			       tbl, key ? key : "");
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

static int next_pos(struct store *s, const char *tbl, int64_t ws, int *pos,
		    struct error *e)
{
	sqlite3_stmt *st = table_stmt(s, "SELECT coalesce(max(pos) + 1, 0) "
				      "FROM %s WHERE workshop_id = ?1", tbl, e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	*pos = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

/* ---- inserts ------------------------------------------------------------ */

int store_insert_approach(struct store *s, int64_t ws, const struct approach *a,
			  const char *key, int pos, int64_t *id,
			  struct error *e)
{
	char *comp = store_enc_components(a->components, a->n_components);
	char *pros = store_enc_list(&a->pros);
	char *cons = store_enc_list(&a->cons);
	char *stages = store_enc_list(&a->stages);
	sqlite3_stmt *st = NULL;
	int rc;

	if (!comp || !pros || !cons || !stages) {
		rc = OOM(e);
		goto out;
	}
	st = store_stmt(s, "INSERT INTO approach(workshop_id, key, pos, name, "
			"summary, pattern, components, deployment, "
			"observability, security, complexity, cost, pros, cons, "
			"stages) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
			"?10, ?11, ?12, ?13, ?14, ?15)", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	sqlite3_bind_int(st, 3, pos);
	store_bind_text(st, 4, a->name);
	store_bind_text(st, 5, a->summary);
	store_bind_text(st, 6, a->pattern);
	store_bind_text(st, 7, comp);
	store_bind_text(st, 8, a->deployment);
	store_bind_text(st, 9, a->observability);
	store_bind_text(st, 10, a->security);
	store_bind_text(st, 11, a->complexity);
	store_bind_text(st, 12, a->cost);
	store_bind_text(st, 13, pros);
	store_bind_text(st, 14, cons);
	store_bind_text(st, 15, stages);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
out:
	free(comp);
	free(pros);
	free(cons);
	free(stages);
	return rc;
}

int store_insert_criterion(struct store *s, int64_t ws,
			   const struct criterion *c, const char *key, int pos,
			   int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	st = store_stmt(s, "INSERT INTO criterion(workshop_id, key, pos, name, "
			"description, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	sqlite3_bind_int(st, 3, pos);
	store_bind_text(st, 4, c->name);
	store_bind_text(st, 5, c->description);
	sqlite3_bind_double(st, 6, c->weight);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_insert_risk(struct store *s, int64_t ws, const struct risk *r,
		      const char *key, int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	if (r->probability < 1 || r->probability > 5)
		return err_set(e, ST_INPUT, _("probability: risk %s needs a "
					      "probability from 1 to 5 (not "
					      "%d)"), key, r->probability);
	if (r->impact < 1 || r->impact > 5)
		return err_set(e, ST_INPUT, _("impact: risk %s needs an impact "
					      "from 1 to 5 (not %d)"), key,
			       r->impact);
	st = store_stmt(s, "INSERT INTO risk(workshop_id, key, description, "
			"probability, impact, owner, mitigation, status) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	store_bind_text(st, 3, r->description);
	sqlite3_bind_int(st, 4, r->probability);
	sqlite3_bind_int(st, 5, r->impact);
	store_bind_text(st, 6, r->owner);
	store_bind_text(st, 7, r->mitigation);
	store_bind_text(st, 8, risk_status_id(r->status));
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

static void bind_opt_double(sqlite3_stmt *st, int idx, bool has, double v)
{
	if (has)
		sqlite3_bind_double(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
}

int store_insert_metric(struct store *s, int64_t ws, const struct metric *m,
			const char *key, int64_t *id, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	st = store_stmt(s, "INSERT INTO metric(workshop_id, key, name, unit, "
			"current, target_3m, target_6m) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, key);
	store_bind_text(st, 3, m->name);
	store_bind_text(st, 4, m->unit);
	bind_opt_double(st, 5, m->has_current, m->current);
	bind_opt_double(st, 6, m->has_target_3m, m->target_3m);
	bind_opt_double(st, 7, m->has_target_6m, m->target_6m);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_insert_phase(struct store *s, int64_t ws, const struct phase *p,
		       int pos, int64_t *id, struct error *e)
{
	char *items = store_enc_list(&p->items);
	sqlite3_stmt *st;
	int rc;

	if (!items)
		return OOM(e);
	st = store_stmt(s, "INSERT INTO phase(workshop_id, pos, name, weeks, "
			"items) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!st) {
		free(items);
		return e->code;
	}
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int(st, 2, pos);
	store_bind_text(st, 3, p->name);
	sqlite3_bind_double(st, 4, p->weeks);
	store_bind_text(st, 5, items);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
	free(items);
	return rc;
}

int store_insert_decision(struct store *s, int64_t ws,
			  const struct decision *d, int number, int64_t *id,
			  struct error *e)
{
	const struct strv *lists[] = {
		&d->deciders, &d->consulted, &d->informed,
		&d->positive, &d->negative, &d->risks
	};
	char *enc[6] = { NULL };
	char *sup = store_enc_numbers(d->supersedes, d->n_supersedes);
	char *links = store_enc_list(&d->links);
	sqlite3_stmt *st = NULL;
	int rc = ST_OK;

	for (int i = 0; i < 6; i++)
		if (!(enc[i] = store_enc_list(lists[i])))
			rc = OOM(e);
	if (!sup || !links)
		rc = OOM(e);
	if (rc == ST_OK)
		rc = store_check_links(links, e);
	if (rc < 0)
		goto out;
	st = store_stmt(s, "INSERT INTO decision(workshop_id, number, title, "
			"status, superseded_by, date, deciders, consulted, "
			"informed, context, decision, rationale, positive, "
			"negative, risks, chosen, supersedes, alternatives, "
			"links, markdown) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
			"?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int(st, 2, number);
	store_bind_text(st, 3, d->title);
	store_bind_text(st, 4, adr_status_id(d->status));
	if (d->superseded_by > 0)
		sqlite3_bind_int(st, 5, d->superseded_by);
	store_bind_text(st, 6, d->date);
	store_bind_text(st, 7, enc[0]);
	store_bind_text(st, 8, enc[1]);
	store_bind_text(st, 9, enc[2]);
	store_bind_text(st, 10, d->context);
	store_bind_text(st, 11, d->decision);
	store_bind_text(st, 12, d->rationale);
	store_bind_text(st, 13, enc[3]);
	store_bind_text(st, 14, enc[4]);
	store_bind_text(st, 15, enc[5]);
	store_bind_text(st, 16, d->chosen);
	store_bind_text(st, 17, sup);
	store_bind_text(st, 18, d->alternatives);
	store_bind_text(st, 19, links);
	sqlite3_bind_int(st, 20, d->markdown ? 1 : 0);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		*id = sqlite3_last_insert_rowid(s->db);
out:
	for (int i = 0; i < 6; i++)
		free(enc[i]);
	free(sup);
	free(links);
	return rc;
}

/* ---- add ---------------------------------------------------------------- */

int store_approach_add(struct store *s, int64_t ws, const struct approach *a,
		       int64_t *id, struct error *e)
{
	char *key = NULL;
	int pos, rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) == ST_OK &&
	    (rc = store_unique_key(s, "approach", ws, a->key, a->name,
				   "approach", &key, e)) == ST_OK &&
	    (rc = next_pos(s, "approach", ws, &pos, e)) == ST_OK &&
	    (rc = store_insert_approach(s, ws, a, key, pos, id, e)) == ST_OK)
		rc = store_audit(s, ws, "approach", *id, NULL, NULL, key, e);
	free(key);
	return store_end(s, rc, e);
}

int store_approach_duplicate(struct store *s, int64_t id, int64_t *new_id,
			     struct error *e)
{
	sqlite3_stmt *st;
	char *key = NULL, *old_key = NULL, *name = NULL;
	int64_t ws = 0;
	int pos = 0, rc;

	*new_id = 0;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if (!(st = store_stmt(s, "SELECT workshop_id, key, name FROM approach "
			      "WHERE id = ?1", e)))
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 2);

		ws = sqlite3_column_int64(st, 0);
		rc = store_col_text(st, 1, &old_key) &&
		     (name = str_printf(_("%s (copy)"), n ? n : "")) ? ST_OK
								   : OOM(e);
	} else if (rc == SQLITE_DONE) {
		rc = err_set(e, ST_NOTFOUND, _("no approach with id %" PRId64),
			     id);
	} else {
		rc = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	if (rc < 0)
		goto out;
	if ((rc = store_unique_key(s, "approach", ws, old_key, NULL, "approach",
				   &key, e)) < 0 ||
	    (rc = next_pos(s, "approach", ws, &pos, e)) < 0)
		goto out;
	if (!(st = store_stmt(s, "INSERT INTO approach(workshop_id, key, pos, "
			      "name, summary, pattern, components, deployment, "
			      "observability, security, complexity, cost, pros, "
			      "cons, stages) SELECT workshop_id, ?2, ?3, ?4, "
			      "summary, pattern, components, deployment, "
			      "observability, security, complexity, cost, pros, "
			      "cons, stages FROM approach WHERE id = ?1", e))) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, key);
	sqlite3_bind_int(st, 3, pos);
	store_bind_text(st, 4, name);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	*new_id = sqlite3_last_insert_rowid(s->db);
	/* The agreed scores come along; personal votes stay with the
	 * original. */
	if (!(st = store_stmt(s, "INSERT INTO score(workshop_id, approach_id, "
			      "criterion_id, value, rationale) SELECT "
			      "workshop_id, ?2, criterion_id, value, rationale "
			      "FROM score WHERE approach_id = ?1", e))) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, *new_id);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	rc = store_audit(s, ws, "approach", *new_id, NULL, NULL, key, e);
out:
	free(key);
	free(old_key);
	free(name);
	if ((rc = store_end(s, rc, e)) < 0)
		*new_id = 0;
	return rc;
}

int store_criterion_add(struct store *s, int64_t ws,
			const struct criterion *c, int64_t *id,
			struct error *e)
{
	char *key = NULL;
	int pos, rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) == ST_OK &&
	    (rc = store_unique_key(s, "criterion", ws, c->key, c->name,
				   "criterion", &key, e)) == ST_OK &&
	    (rc = next_pos(s, "criterion", ws, &pos, e)) == ST_OK &&
	    (rc = store_insert_criterion(s, ws, c, key, pos, id, e)) == ST_OK)
		rc = store_audit(s, ws, "criterion", *id, NULL, NULL, key, e);
	free(key);
	return store_end(s, rc, e);
}

int store_risk_add(struct store *s, int64_t ws, const struct risk *r,
		   int64_t *id, struct error *e)
{
	char *key = NULL;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0)
		goto out;
	if (str_empty(r->key))
		rc = store_next_risk_key(s, ws, &key, e);
	else
		rc = store_unique_key(s, "risk", ws, r->key, NULL, "risk", &key,
				      e);
	if (rc == ST_OK &&
	    (rc = store_insert_risk(s, ws, r, key, id, e)) == ST_OK)
		rc = store_audit(s, ws, "risk", *id, NULL, NULL, key, e);
out:
	free(key);
	return store_end(s, rc, e);
}

int store_metric_add(struct store *s, int64_t ws, const struct metric *m,
		     int64_t *id, struct error *e)
{
	char *key = NULL;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) == ST_OK &&
	    (rc = store_unique_key(s, "metric", ws, m->key, m->name, "metric",
				   &key, e)) == ST_OK &&
	    (rc = store_insert_metric(s, ws, m, key, id, e)) == ST_OK)
		rc = store_audit(s, ws, "metric", *id, NULL, NULL, key, e);
	free(key);
	return store_end(s, rc, e);
}

int store_phase_add(struct store *s, int64_t ws, const struct phase *p,
		    int64_t *id, struct error *e)
{
	int pos, rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) == ST_OK &&
	    (rc = next_pos(s, "phase", ws, &pos, e)) == ST_OK &&
	    (rc = store_insert_phase(s, ws, p, pos, id, e)) == ST_OK)
		rc = store_audit(s, ws, "phase", *id, NULL, NULL,
				 p->name ? p->name : "", e);
	return store_end(s, rc, e);
}

int store_decision_add(struct store *s, int64_t ws, const struct decision *d,
		       int64_t *id, int *number, struct error *e)
{
	sqlite3_stmt *st;
	char label[32];
	int n = 0, rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0)
		return store_end(s, rc, e);
	/* The counter only grows, so a deleted number is never reused. */
	if (!(st = store_stmt(s, "UPDATE workshop SET last_decision = "
			      "last_decision + 1 WHERE id = ?1 "
			      "RETURNING last_decision", e)))
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_end(s, store_sqlerr(s, rc, e), e);
	if ((rc = store_insert_decision(s, ws, d, n, id, e)) == ST_OK) {
		snprintf(label, sizeof(label), "%d", n);
		rc = store_audit(s, ws, "decision", *id, NULL, NULL, label, e);
	}
	if ((rc = store_end(s, rc, e)) == ST_OK && number)
		*number = n;
	return rc;
}

/* ---- delete, move -------------------------------------------------------- */

/* Delete a row of `tbl` at the version the caller saw.  `label_sql` is the
 * column (expression) that names the row in the audit log; positioned
 * tables close the gap. */
static int delete_row(struct store *s, const char *tbl, const char *label_sql,
		      bool positioned, int64_t id, int64_t version,
		      struct error *e)
{
	char sql[256], what[160];
	sqlite3_stmt *st;
	char *label = NULL;
	int64_t ws = 0, cur = 0;
	int pos = 0, rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT workshop_id, version, %s, %s FROM "
		 "%%s WHERE id = ?1", label_sql, positioned ? "pos" : "0");
	if (!(st = table_stmt(s, sql, tbl, e)))
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		ws = sqlite3_column_int64(st, 0);
		cur = sqlite3_column_int64(st, 1);
		pos = sqlite3_column_int(st, 3);
		rc = store_col_text(st, 2, &label) ? ST_OK : OOM(e);
	} else if (rc == SQLITE_DONE) {
		rc = ST_NOTFOUND;
	} else {
		rc = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	if (label)
		snprintf(what, sizeof(what), "%s %s", tbl, label);
	else
		snprintf(what, sizeof(what), "%s %" PRId64, tbl, id);
	if (rc == ST_NOTFOUND || (rc == ST_OK && cur != version)) {
		rc = store_conflict(s, tbl, id, what, rc == ST_NOTFOUND, e);
		goto out;
	}
	if (rc < 0)
		goto out;
	if (!(st = table_stmt(s, "DELETE FROM %s WHERE id = ?1", tbl, e)))
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		goto out;
	if (positioned) {
		if (!(st = table_stmt(s, "UPDATE %s SET pos = pos - 1 WHERE "
				      "workshop_id = ?1 AND pos > ?2", tbl, e)))
			goto fail;
		sqlite3_bind_int64(st, 1, ws);
		sqlite3_bind_int(st, 2, pos);
		if ((rc = store_exec_stmt(s, st, e)) < 0)
			goto out;
	}
	rc = store_audit(s, ws, tbl, id, NULL, label ? label : "", NULL, e);
	goto out;
fail:
	rc = e->code;
out:
	free(label);
	return store_end(s, rc, e);
}

int store_approach_delete(struct store *s, int64_t id, int64_t version,
			  struct error *e)
{
	return delete_row(s, "approach", "key", true, id, version, e);
}

int store_criterion_delete(struct store *s, int64_t id, int64_t version,
			   struct error *e)
{
	return delete_row(s, "criterion", "key", true, id, version, e);
}

int store_risk_delete(struct store *s, int64_t id, int64_t version,
		      struct error *e)
{
	return delete_row(s, "risk", "key", false, id, version, e);
}

int store_metric_delete(struct store *s, int64_t id, int64_t version,
			struct error *e)
{
	return delete_row(s, "metric", "key", false, id, version, e);
}

int store_phase_delete(struct store *s, int64_t id, int64_t version,
		       struct error *e)
{
	return delete_row(s, "phase", "coalesce(name, '')", true, id, version,
			  e);
}

int store_decision_delete(struct store *s, int64_t id, int64_t version,
			  struct error *e)
{
	return delete_row(s, "decision", "number", false, id, version, e);
}

/* Swap a row with its neighbour in display order.  Positions are not an
 * edit of the row's content, so versions stay as they are (a move must not
 * make someone's open edit of the name conflict). */
static int move_row(struct store *s, const char *tbl, int64_t id, int delta,
		    struct error *e)
{
	sqlite3_stmt *st;
	int64_t ws = 0, other = 0;
	int pos = 0, other_pos = 0, rc;
	char from[16], to[16];

	if (delta != -1 && delta != 1)
		return err_set(e, ST_INPUT, _("move: by one place up (-1) or "
					      "down (+1), not %d"), delta);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if (!(st = table_stmt(s, "SELECT workshop_id, pos FROM %s WHERE id = ?1",
			      tbl, e)))
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		ws = sqlite3_column_int64(st, 0);
		pos = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return store_end(s, err_set(e, ST_NOTFOUND,
					    _("no %s with id %" PRId64), tbl,
					    id), e);
	if (rc != SQLITE_ROW)
		return store_end(s, store_sqlerr(s, rc, e), e);

	st = table_stmt(s, delta < 0
			? "SELECT id, pos FROM %s WHERE workshop_id = ?1 AND "
			  "pos < ?2 ORDER BY pos DESC LIMIT 1"
			: "SELECT id, pos FROM %s WHERE workshop_id = ?1 AND "
			  "pos > ?2 ORDER BY pos LIMIT 1", tbl, e);
	if (!st)
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int(st, 2, pos);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		other = sqlite3_column_int64(st, 0);
		other_pos = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		/* Already first (or last): nothing to do. */
		store_rollback(s);
		return ST_OK;
	}
	if (rc != SQLITE_ROW)
		return store_end(s, store_sqlerr(s, rc, e), e);

	if (!(st = table_stmt(s, "UPDATE %s SET pos = ?2 WHERE id = ?1", tbl,
			      e)))
		return store_end(s, e->code, e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, other_pos);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return store_end(s, rc, e);
	sqlite3_bind_int64(st, 1, other);
	sqlite3_bind_int(st, 2, pos);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return store_end(s, rc, e);
	snprintf(from, sizeof(from), "%d", pos);
	snprintf(to, sizeof(to), "%d", other_pos);
	rc = store_audit(s, ws, tbl, id, "pos", from, to, e);
	return store_end(s, rc, e);
}

int store_approach_move(struct store *s, int64_t id, int delta,
			struct error *e)
{
	return move_row(s, "approach", id, delta, e);
}

int store_criterion_move(struct store *s, int64_t id, int delta,
			 struct error *e)
{
	return move_row(s, "criterion", id, delta, e);
}

int store_phase_move(struct store *s, int64_t id, int delta,
		     struct error *e)
{
	return move_row(s, "phase", id, delta, e);
}

int store_next_steps_set(struct store *s, int64_t ws, const struct strv *steps,
			 struct error *e)
{
	char *text = store_enc_list(steps), *old = NULL;
	sqlite3_stmt *st;
	int rc;

	if (!text)
		return OOM(e);
	if ((rc = store_begin(s, e)) < 0) {
		free(text);
		return rc;
	}
	if (!(st = store_stmt(s, "SELECT next_steps FROM workshop WHERE id = ?1",
			      e))) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = store_col_text(st, 0, &old) ? ST_OK : OOM(e);
	else if (rc == SQLITE_DONE)
		rc = err_set(e, ST_NOTFOUND, _("no workshop with id %" PRId64),
			     ws);
	else
		rc = store_sqlerr(s, rc, e);
	sqlite3_reset(st);
	if (rc < 0 || str_eq(old, text))
		goto out;
	if (!(st = store_stmt(s, "UPDATE workshop SET next_steps = ?2 "
			      "WHERE id = ?1", e))) {
		rc = e->code;
		goto out;
	}
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, text);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK)
		rc = store_audit(s, ws, "workshop", ws, "next_steps", old, text,
				 e);
out:
	free(text);
	free(old);
	return store_end(s, rc, e);
}

#include "config.h"
/*
 * store_adr: the ADR file of a decision (decision_file: name, folder and
 * bytes as read; decision.status_text and decision.consequences) and the
 * bulk writes of import-adr (see store_adr.h).  Values in the audit log use
 * store_update's encodings.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_adr.h"
#include "store/store_int.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, "%s", _("out of memory"))

int store_adr_load(struct store *s, struct workshop_data *d,
		   struct error *e)
{
	sqlite3_stmt *st;
	size_t k = 0;
	int rc, ret = ST_OK;

	if (!d->n_decisions)
		return ST_OK;
	st = store_stmt(s, "SELECT d.id, d.status_text, d.consequences, "
			"f.name, f.folder, f.source, f.sums FROM decision d "
			"LEFT JOIN decision_file f ON f.decision_id = d.id "
			"WHERE d.workshop_id = ?1 ORDER BY d.number", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		struct decision *x = NULL;

		/* Both are in number order: walk them side by side. */
		for (size_t tries = 0; tries < d->n_decisions && !x; tries++) {
			if (d->decisions[k].id == id)
				x = &d->decisions[k];
			k = (k + 1) % d->n_decisions;
		}
		if (!x)
			continue;
		if (!store_col_text(st, 1, &x->status_text) ||
		    !store_col_text(st, 2, &x->consequences) ||
		    !store_col_text(st, 3, &x->file) ||
		    !store_col_text(st, 4, &x->file_dir) ||
		    !store_col_text(st, 5, &x->source) ||
		    !store_col_text(st, 6, &x->file_sums)) {
			ret = OOM(e);
			goto cleanup;
		}
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

/* decision_file of row id from d: written, or removed when d has none. */
static int save_file(struct store *s, int64_t id, const struct decision *d,
		     struct error *e)
{
	sqlite3_stmt *st;

	if (!d->file || !d->source) {
		st = store_stmt(s, "DELETE FROM decision_file "
				"WHERE decision_id = ?1", e);
		if (!st)
			return e->code;
		sqlite3_bind_int64(st, 1, id);
		return store_exec_stmt(s, st, e);
	}
	st = store_stmt(s, "INSERT OR REPLACE INTO decision_file(decision_id, "
			"name, folder, source, sums) VALUES (?1, ?2, ?3, ?4, ?5)",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, d->file);
	store_bind_text(st, 3, d->file_dir);
	store_bind_text(st, 4, d->source);
	store_bind_text(st, 5, d->file_sums);
	return store_exec_stmt(s, st, e);
}

int store_adr_save(struct store *s, int64_t id, const struct decision *d,
		   struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	/* A decision made in the workshop has none of it. */
	if (!d->status_text && !d->consequences && !(d->file && d->source))
		return ST_OK;
	st = store_stmt(s, "UPDATE decision SET status_text = ?1, "
			"consequences = ?2 WHERE id = ?3", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, d->status_text);
	store_bind_text(st, 2, d->consequences);
	sqlite3_bind_int64(st, 3, id);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return rc;
	return d->file && d->source ? save_file(s, id, d, e) : ST_OK;
}

int store_adr_begin(struct store *s, struct error *e)
{
	return store_begin(s, e);
}

int store_adr_end(struct store *s, int rc, struct error *e)
{
	return store_end(s, rc, e);
}

int store_adr_last_number(struct store *s, int64_t ws, int *last,
			  struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	*last = 0;
	if (!(st = store_stmt(s, "SELECT last_decision FROM workshop "
			      "WHERE id = ?1", e)))
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*last = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return err_set(e, ST_NOTFOUND, _("no workshop %lld"),
			       (long long)ws);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

int store_adr_add(struct store *s, int64_t ws, const struct decision *d,
		  int64_t *id, int *number, struct error *e)
{
	sqlite3_stmt *st;
	char label[32];
	int last = 0, n, rc;

	if ((rc = store_adr_last_number(s, ws, &last, e)) < 0)
		return rc;
	/* Every number up to `last` has been given once: never again. */
	n = d->number > last ? d->number : last + 1;
	if (!(st = store_stmt(s, "UPDATE workshop SET last_decision = ?1 "
			      "WHERE id = ?2", e)))
		return e->code;
	sqlite3_bind_int(st, 1, n);
	sqlite3_bind_int64(st, 2, ws);
	if ((rc = store_exec_stmt(s, st, e)) < 0 ||
	    (rc = store_insert_decision(s, ws, d, n, id, e)) < 0 ||
	    (rc = store_adr_save(s, *id, d, e)) < 0)
		return rc;
	snprintf(label, sizeof(label), "%d", n);
	if ((rc = store_audit(s, ws, "decision", *id, NULL, NULL, label, e)) < 0)
		return rc;
	*number = n;
	return ST_OK;
}

/* ---- updates ---------------------------------------------------------- */

/* The text of one field as store_update encodes it (new string). */
static char *field_text(const struct decision *d, unsigned f)
{
	char num[32];

	switch (f) {
	case SA_TITLE: return str_dup(d->title ? d->title : "");
	case SA_STATUS:
		return d->status_text ?
			str_printf("%s (%s)", adr_status_id(d->status),
				   d->status_text) :
			str_dup(adr_status_id(d->status));
	case SA_DATE: return str_dup(d->date ? d->date : "");
	case SA_DECIDERS: return store_enc_list(&d->deciders);
	case SA_CONSULTED: return store_enc_list(&d->consulted);
	case SA_INFORMED: return store_enc_list(&d->informed);
	case SA_CONTEXT: return str_dup(d->context ? d->context : "");
	case SA_DECISION: return str_dup(d->decision ? d->decision : "");
	case SA_RATIONALE: return str_dup(d->rationale ? d->rationale : "");
	case SA_POSITIVE: return store_enc_list(&d->positive);
	case SA_NEGATIVE: return store_enc_list(&d->negative);
	case SA_RISKS: return store_enc_list(&d->risks);
	case SA_ALTERNATIVES:
		return str_dup(d->alternatives ? d->alternatives : "");
	case SA_CONSEQUENCES:
		return str_dup(d->consequences ? d->consequences : "");
	case SA_SUPERSEDES:
		return store_enc_numbers(d->supersedes, d->n_supersedes);
	case SA_SUPERSEDED_BY:
		if (!d->superseded_by)
			return str_dup("");
		snprintf(num, sizeof(num), "%d", d->superseded_by);
		return str_dup(num);
	case SA_LINKS: return store_enc_list(&d->links);
	default: return str_dup("");
	}
}

static const struct {
	unsigned bit;
	const char *name;
} field_names[] = {
	{ SA_TITLE, "title" }, { SA_STATUS, "status" }, { SA_DATE, "date" },
	{ SA_DECIDERS, "deciders" }, { SA_CONSULTED, "consulted" },
	{ SA_INFORMED, "informed" }, { SA_CONTEXT, "context" },
	{ SA_DECISION, "decision" }, { SA_RATIONALE, "rationale" },
	{ SA_POSITIVE, "positive" }, { SA_NEGATIVE, "negative" },
	{ SA_RISKS, "risks" }, { SA_ALTERNATIVES, "alternatives" },
	{ SA_CONSEQUENCES, "consequences" }, { SA_SUPERSEDES, "supersedes" },
	{ SA_SUPERSEDED_BY, "superseded_by" }, { SA_LINKS, "links" },
};

static int audit_fields(struct store *s, int64_t ws,
			const struct decision *old, const struct decision *now,
			unsigned fields, struct error *e)
{
	int rc = ST_OK;

	for (size_t i = 0; i < sizeof(field_names) / sizeof(field_names[0]) &&
	     rc == ST_OK; i++) {
		char *a, *b;

		if (!(fields & field_names[i].bit))
			continue;
		a = field_text(old, field_names[i].bit);
		b = field_text(now, field_names[i].bit);
		rc = a && b ? store_audit(s, ws, "decision", old->id,
					  field_names[i].name, a, b, e) : OOM(e);
		free(a);
		free(b);
	}
	return rc;
}

/* The whole row from `now` (its unchanged fields hold the old values). */
static int write_row(struct store *s, const struct decision *old,
		     const struct decision *now, struct error *e)
{
	const struct strv *lists[] = {
		&now->deciders, &now->consulted, &now->informed,
		&now->positive, &now->negative, &now->risks, &now->links
	};
	char *enc[7] = { NULL }, *sup;
	sqlite3_stmt *st;
	int rc = ST_OK;

	sup = store_enc_numbers(now->supersedes, now->n_supersedes);
	for (int i = 0; i < 7; i++)
		if (!(enc[i] = store_enc_list(lists[i])))
			rc = OOM(e);
	if (!sup)
		rc = OOM(e);
	if (rc == ST_OK)
		rc = store_check_links(enc[6], e);
	if (rc < 0)
		goto out;
	st = store_stmt(s, "UPDATE decision SET title = ?1, status = ?2, "
			"status_text = ?3, date = ?4, deciders = ?5, "
			"consulted = ?6, informed = ?7, context = ?8, "
			"decision = ?9, rationale = ?10, positive = ?11, "
			"negative = ?12, risks = ?13, alternatives = ?14, "
			"consequences = ?15, supersedes = ?16, "
			"superseded_by = ?17, links = ?18, "
			"version = version + 1 "
			"WHERE id = ?19 AND version = ?20", e);
	if (!st) {
		rc = e->code;
		goto out;
	}
	store_bind_text(st, 1, now->title);
	store_bind_text(st, 2, adr_status_id(now->status));
	store_bind_text(st, 3, now->status_text);
	store_bind_text(st, 4, now->date);
	store_bind_text(st, 5, enc[0]);
	store_bind_text(st, 6, enc[1]);
	store_bind_text(st, 7, enc[2]);
	store_bind_text(st, 8, now->context);
	store_bind_text(st, 9, now->decision);
	store_bind_text(st, 10, now->rationale);
	store_bind_text(st, 11, enc[3]);
	store_bind_text(st, 12, enc[4]);
	store_bind_text(st, 13, enc[5]);
	store_bind_text(st, 14, now->alternatives);
	store_bind_text(st, 15, now->consequences);
	store_bind_text(st, 16, sup);
	if (now->superseded_by > 0)
		sqlite3_bind_int(st, 17, now->superseded_by);
	store_bind_text(st, 18, enc[6]);
	sqlite3_bind_int64(st, 19, old->id);
	sqlite3_bind_int64(st, 20, old->version);
	if ((rc = store_exec_stmt(s, st, e)) == ST_OK &&
	    sqlite3_changes(s->db) == 0)
		rc = store_conflict(s, "decision", old->id, _("this ADR"), false,
				    e);
out:
	for (int i = 0; i < 7; i++)
		free(enc[i]);
	free(sup);
	return rc;
}

int store_adr_update(struct store *s, int64_t ws, const struct decision *old,
		     const struct decision *now, unsigned fields,
		     struct error *e)
{
	int rc;

	if ((fields & ~(unsigned)SA_FILE) &&
	    ((rc = write_row(s, old, now, e)) < 0 ||
	     (rc = audit_fields(s, ws, old, now, fields & ~(unsigned)SA_FILE,
				e)) < 0))
		return rc;
	if (fields & SA_FILE)
		return save_file(s, old->id, now, e);
	return ST_OK;
}

#include "config.h"
/*
 * store_decide: the supersede link between two ADRs, written on both sides
 * in one transaction (see store_decide.h).  Rows are read and checked
 * first, then written; any failure rolls everything back, so a reader
 * never sees one side linked without the other.  Values in the audit log
 * use store_update's encodings (status by id, numbers as "3,5").
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_decide.h"
#include "store/store_int.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* Longest superseded-by chain followed when looking for a cycle. */
#define CHAIN_MAX 10000

/* One ADR as read inside the transaction, and what it becomes. */
struct adr {
	bool found;
	int64_t id, version;
	int number;
	char *status;          /* id, e.g. "accepted" */
	int by;                /* superseded_by, 0 = none */
	char *supersedes;      /* "3,5" or "" */
	/* new values (NULL / -1: unchanged) */
	const char *new_status;
	int new_by;
	char *new_supersedes;
};

static void adr_clear(struct adr *r)
{
	free(r->status);
	free(r->supersedes);
	free(r->new_supersedes);
	memset(r, 0, sizeof(*r));
}

static int read_adr(struct store *s, int64_t ws, int number, struct adr *r,
		    struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	adr_clear(r);
	r->new_by = -1;
	r->number = number;
	st = store_stmt(s, "SELECT id, version, status, superseded_by, "
			"supersedes FROM decision WHERE workshop_id = ?1 "
			"AND number = ?2", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int(st, 2, number);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->found = true;
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int64(st, 1);
		r->by = sqlite3_column_type(st, 3) == SQLITE_NULL
			? 0 : sqlite3_column_int(st, 3);
		if (!store_col_text(st, 2, &r->status) ||
		    !store_col_text(st, 4, &r->supersedes))
			ret = OOM(e);
		else if (!r->supersedes && !(r->supersedes = str_dup("")))
			ret = OOM(e);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

static int need(const struct adr *r, struct error *e)
{
	if (r->found)
		return ST_OK;
	return err_set(e, ST_NOTFOUND, _("there is no ADR %d in this workshop"),
		       r->number);
}

/* r's supersedes with `num` added or removed, into r->new_supersedes. */
static int change_supersedes(struct adr *r, int num, bool add,
			     struct error *e)
{
	int *v = NULL, *grown;
	size_t n = 0, k = 0;
	bool have = false;

	if (store_dec_numbers(r->supersedes, &v, &n) < 0)
		return OOM(e);
	for (size_t i = 0; i < n; i++) {
		if (v[i] == num) {
			have = true;
			if (!add)
				continue;
		}
		v[k++] = v[i];
	}
	if (add && !have) {
		if (!(grown = realloc(v, (k + 1) * sizeof(*v)))) {
			free(v);
			return OOM(e);
		}
		v = grown;
		v[k++] = num;
	}
	free(r->new_supersedes);
	r->new_supersedes = store_enc_numbers(v, k);
	free(v);
	return r->new_supersedes ? ST_OK : OOM(e);
}

static int audit_by(struct store *s, int64_t ws, const struct adr *r,
		    struct error *e)
{
	char o[16] = "", n[16] = "";

	if (r->by)
		snprintf(o, sizeof(o), "%d", r->by);
	if (r->new_by)
		snprintf(n, sizeof(n), "%d", r->new_by);
	return store_audit(s, ws, "decision", r->id, "superseded_by", o, n, e);
}

/* Write what changed in r (one version step) with an audit row a field. */
static int write_adr(struct store *s, int64_t ws, const struct adr *r,
		     struct error *e)
{
	bool st_ch = r->new_status && !str_eq(r->new_status, r->status);
	bool by_ch = r->new_by >= 0 && r->new_by != r->by;
	bool sup_ch = r->new_supersedes &&
		      !str_eq(r->new_supersedes, r->supersedes);
	sqlite3_stmt *st;
	int rc;

	if (!st_ch && !by_ch && !sup_ch)
		return ST_OK;
	st = store_stmt(s, "UPDATE decision SET status = ?1, "
			"superseded_by = ?2, supersedes = ?3, "
			"version = version + 1 WHERE id = ?4 AND version = ?5",
			e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, st_ch ? r->new_status : r->status);
	if (by_ch ? r->new_by : r->by)
		sqlite3_bind_int(st, 2, by_ch ? r->new_by : r->by);
	else
		sqlite3_bind_null(st, 2);
	store_bind_text(st, 3, sup_ch ? r->new_supersedes : r->supersedes);
	sqlite3_bind_int64(st, 4, r->id);
	sqlite3_bind_int64(st, 5, r->version);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return rc;
	if (sqlite3_changes(s->db) != 1)
		return err_set(e, ST_CONFLICT, _("ADR %d changed while it was "
						 "being linked; nothing was "
						 "saved"), r->number);
	if (st_ch && (rc = store_audit(s, ws, "decision", r->id, "status",
				       r->status, r->new_status, e)) < 0)
		return rc;
	if (by_ch && (rc = audit_by(s, ws, r, e)) < 0)
		return rc;
	if (sup_ch && (rc = store_audit(s, ws, "decision", r->id, "supersedes",
					r->supersedes, r->new_supersedes,
					e)) < 0)
		return rc;
	return ST_OK;
}

/* Would "old superseded by new" close a loop?  It does when new is
 * already superseded, directly or down a chain, by old. */
static int check_cycle(struct store *s, int64_t ws, const struct adr *old,
		       const struct adr *nw, struct error *e)
{
	struct adr cur = { 0 };
	int by = nw->by, steps = 0, rc = ST_OK;

	while (by && steps++ < CHAIN_MAX) {
		if (by == old->number) {
			rc = err_set(e, ST_INPUT, _("ADR %d cannot be superseded "
						    "by ADR %d: ADR %d is "
						    "already superseded by ADR "
						    "%d, that would make a "
						    "cycle"), old->number,
				     nw->number, nw->number, nw->by);
			break;
		}
		if ((rc = read_adr(s, ws, by, &cur, e)) < 0)
			break;
		by = cur.found ? cur.by : 0;
	}
	adr_clear(&cur);
	return rc;
}

int store_decision_supersede(struct store *s, int64_t ws, int old_number,
			     int new_number, struct error *e)
{
	struct adr old = { 0 }, nw = { 0 }, prev = { 0 };
	int rc;

	if (old_number == new_number)
		return err_set(e, ST_INPUT, _("ADR %d cannot supersede itself"),
			       old_number);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = read_adr(s, ws, old_number, &old, e)) < 0 ||
	    (rc = need(&old, e)) < 0 ||
	    (rc = read_adr(s, ws, new_number, &nw, e)) < 0 ||
	    (rc = need(&nw, e)) < 0 ||
	    (rc = check_cycle(s, ws, &old, &nw, e)) < 0)
		goto out;
	/* Superseded by another one before: that one lets go of it. */
	if (old.by && old.by != new_number) {
		if ((rc = read_adr(s, ws, old.by, &prev, e)) < 0)
			goto out;
		if (prev.found &&
		    (rc = change_supersedes(&prev, old_number, false, e)) < 0)
			goto out;
	}
	old.new_status = adr_status_id(ADR_SUPERSEDED);
	old.new_by = new_number;
	if ((rc = change_supersedes(&nw, old_number, true, e)) < 0 ||
	    (rc = write_adr(s, ws, &old, e)) < 0 ||
	    (prev.found && (rc = write_adr(s, ws, &prev, e)) < 0) ||
	    (rc = write_adr(s, ws, &nw, e)) < 0)
		goto out;
out:
	adr_clear(&old);
	adr_clear(&nw);
	adr_clear(&prev);
	return store_end(s, rc, e);
}

int store_decision_unsupersede(struct store *s, int64_t ws, int old_number,
			       enum adr_status status, struct error *e)
{
	struct adr old = { 0 }, by = { 0 };
	int rc;

	if (status == ADR_SUPERSEDED || (unsigned)status >= ADR_STATUS_COUNT)
		return err_set(e, ST_INPUT, _("choose the status ADR %d takes "
					      "instead of superseded"),
			       old_number);
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = read_adr(s, ws, old_number, &old, e)) < 0 ||
	    (rc = need(&old, e)) < 0)
		goto out;
	if (old.by) {
		if ((rc = read_adr(s, ws, old.by, &by, e)) < 0)
			goto out;
		if (by.found &&
		    (rc = change_supersedes(&by, old_number, false, e)) < 0)
			goto out;
	}
	old.new_status = adr_status_id(status);
	old.new_by = 0;
	if ((rc = write_adr(s, ws, &old, e)) < 0 ||
	    (by.found && (rc = write_adr(s, ws, &by, e)) < 0))
		goto out;
out:
	adr_clear(&old);
	adr_clear(&by);
	return store_end(s, rc, e);
}

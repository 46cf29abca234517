#include "config.h"
/*
 * store_roles: the facilitator role as an account's (the workshop row's
 * facilitator_account, facilitator for the name shown, role_request_* for
 * a pending request, role_version), presence rows with their account, and
 * whose an audit row is.  See store_roles.h for the rules.
 */

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_roles.h"
#include "store/store_share.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

void store_role_clear(struct store_role *r)
{
	free(r->account);
	free(r->name);
	free(r->creator_account);
	free(r->request_account);
	free(r->request_name);
	memset(r, 0, sizeof(*r));
}

static int max_age_or_default(int max_age)
{
	return max_age > 0 ? max_age : STORE_ROLE_ABSENT_S;
}

/* The newest heartbeat of `account` in ws (0 when none). */
static int account_seen(struct store *s, int64_t ws, const char *account,
			int64_t *at, struct error *e)
{
	sqlite3_stmt *st;
	int rc;

	*at = 0;
	if (!account)
		return ST_OK;
	st = store_stmt(s, "SELECT coalesce(max(last_seen), 0) FROM presence "
			"WHERE workshop_id = ?1 AND account = ?2", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, account);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*at = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : store_sqlerr(s, rc, e);
}

int store_role_get(struct store *s, int64_t ws, int max_age,
		   struct store_role *out, struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	memset(out, 0, sizeof(*out));
	st = store_stmt(s, "SELECT role_version, facilitator_account, "
			"facilitator, creator_account, role_request_account, "
			"role_request_name, coalesce(role_request_at, 0), "
			"role_declined FROM workshop WHERE id = ?1 "
			"AND deleted IS NULL", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->version = sqlite3_column_int64(st, 0);
		out->request_at = sqlite3_column_int64(st, 6);
		out->declined = sqlite3_column_int(st, 7) != 0;
		if (!store_col_text(st, 1, &out->account) ||
		    !store_col_text(st, 2, &out->name) ||
		    !store_col_text(st, 3, &out->creator_account) ||
		    !store_col_text(st, 4, &out->request_account) ||
		    !store_col_text(st, 5, &out->request_name))
			ret = OOM(e);
	} else if (rc == SQLITE_DONE) {
		ret = ST_NOTFOUND;
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	if (ret == ST_NOTFOUND)
		ret = store_trash_refusal(s, ws, e);
	if (ret == ST_OK)
		ret = account_seen(s, ws, out->account, &out->last_seen, e);
	if (ret < 0) {
		store_role_clear(out);
		return ret;
	}
	out->present = out->last_seen &&
		       out->last_seen >= clock_now() - max_age_or_default(max_age);
	out->mine = out->account && str_eq(out->account, s->account);
	out->requested_by_me = out->request_account &&
			       str_eq(out->request_account, s->account);
	return ST_OK;
}

/* The holder as a person reads it: "bob (via bob)" or the account. */
static const char *holder(const struct store_role *r)
{
	return r->name ? r->name : r->account;
}

/*
 * Start a change: open the transaction, read the role and check that it
 * is still what the caller saw.  On failure the transaction is over.
 */
static int role_begin(struct store *s, int64_t ws, int64_t seen, int max_age,
		      struct store_role *r, struct error *e)
{
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_role_get(s, ws, max_age, r, e)) < 0)
		return store_end(s, rc, e);
	if (r->version == seen)
		return ST_OK;
	if (r->request_account && !r->declined)
		rc = err_set(e, ST_CONFLICT, _("the facilitator role changed "
					       "meanwhile: %s holds it and %s "
					       "asked for it; nothing was done"),
			     r->account ? holder(r) : _("nobody"),
			     r->request_name);
	else
		rc = err_set(e, ST_CONFLICT, _("the facilitator role changed "
					       "meanwhile: %s holds it now; "
					       "nothing was done"),
			     r->account ? holder(r) : _("nobody"));
	store_role_clear(r);
	return store_end(s, rc, e);
}

/* Finish a change: rc < 0 rolls back. */
static int role_end(struct store *s, struct store_role *r, int rc,
		    struct error *e)
{
	store_role_clear(r);
	return store_end(s, rc, e);
}

/* Write the role (inside role_begin/role_end) and its audit row.  A
 * request that stays, declined, keeps the time it was made. */
static int role_write(struct store *s, int64_t ws, const struct store_role *was,
		      const char *account, const char *name,
		      const char *req_account, const char *req_name,
		      bool declined, struct error *e)
{
	sqlite3_stmt *st;
	const char *field = "facilitator", *old_v = was->name, *new_v = name;
	char *text = NULL;
	int rc;

	st = store_stmt(s, "UPDATE workshop SET facilitator_account = ?1, "
			"facilitator = ?2, role_request_account = ?3, "
			"role_request_name = ?4, role_request_at = ?5, "
			"role_declined = ?6, role_version = role_version + 1 "
			"WHERE id = ?7 AND role_version = ?8", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, account);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, req_account);
	store_bind_text(st, 4, req_name);
	if (req_account)
		sqlite3_bind_int64(st, 5, declined ? was->request_at
						   : clock_now());
	sqlite3_bind_int(st, 6, declined);
	sqlite3_bind_int64(st, 7, ws);
	sqlite3_bind_int64(st, 8, was->version);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return rc;
	if (str_eq(account, was->account) && str_eq(name, was->name)) {
		/* Only the request changed. */
		field = "facilitator_request";
		old_v = was->request_name;
		if (declined && req_name)
			new_v = text = str_printf(_("%s (declined)"), req_name);
		else
			new_v = req_name;
		if (declined && req_name && !text)
			return OOM(e);
	}
	rc = store_audit(s, ws, "workshop", ws, field, old_v, new_v, e);
	free(text);
	return rc;
}

int store_role_take(struct store *s, int64_t ws, int64_t seen_version,
		    int max_age, struct error *e)
{
	struct store_role r;
	int64_t ago;
	int rc;

	if ((rc = role_begin(s, ws, seen_version, max_age, &r, e)) < 0)
		return rc;
	if (r.mine && str_eq(r.name, s->who)) {
		rc = ST_OK;    /* already ours, under this name */
	} else if (!r.account || r.mine || !r.present) {
		rc = role_write(s, ws, &r, s->account, s->who, NULL, NULL,
				false, e);
	} else {
		ago = clock_now() - r.last_seen;
		rc = err_set(e, ST_DENIED, _("%s (account %s) holds the "
					     "facilitator role and was here %"
					     PRId64 " s ago: ask them for it, "
					     "or take it once they have been "
					     "away for %d s"),
			     holder(&r), r.account, ago < 0 ? 0 : ago,
			     max_age_or_default(max_age));
	}
	return role_end(s, &r, rc, e);
}

int store_role_request(struct store *s, int64_t ws, int64_t seen_version,
		       struct error *e)
{
	struct store_role r;
	int rc;

	if ((rc = role_begin(s, ws, seen_version, 0, &r, e)) < 0)
		return rc;
	if (!r.account)
		rc = err_set(e, ST_INPUT, "%s", _("nobody holds the facilitator "
						  "role: take it"));
	else if (r.mine)
		rc = err_set(e, ST_INPUT, "%s", _("you are the facilitator "
						  "already"));
	else if (r.requested_by_me && !r.declined && str_eq(r.request_name,
							    s->who))
		rc = ST_OK;    /* asked already */
	else if (r.request_account && !r.requested_by_me && !r.declined)
		rc = err_set(e, ST_DENIED, _("%s asked for the facilitator role "
					     "first; wait for %s's answer"),
			     r.request_name, holder(&r));
	else
		rc = role_write(s, ws, &r, r.account, r.name, s->account,
				s->who, false, e);
	return role_end(s, &r, rc, e);
}

int store_role_withdraw(struct store *s, int64_t ws, int64_t seen_version,
			struct error *e)
{
	struct store_role r;
	int rc;

	if ((rc = role_begin(s, ws, seen_version, 0, &r, e)) < 0)
		return rc;
	if (!r.requested_by_me)
		rc = err_set(e, ST_INPUT, "%s", _("you have not asked for the "
						  "facilitator role"));
	else
		rc = role_write(s, ws, &r, r.account, r.name, NULL, NULL,
				false, e);
	return role_end(s, &r, rc, e);
}

int store_role_answer(struct store *s, int64_t ws, int64_t seen_version,
		      bool yes, struct error *e)
{
	struct store_role r;
	int rc;

	if ((rc = role_begin(s, ws, seen_version, 0, &r, e)) < 0)
		return rc;
	if (!r.mine)
		rc = err_set(e, ST_DENIED, _("only the facilitator (%s) can "
					     "answer a request for the role"),
			     r.account ? holder(&r) : _("nobody"));
	else if (!r.request_account || r.declined)
		rc = err_set(e, ST_INPUT, "%s", _("nobody is asking for the "
						  "facilitator role"));
	else if (yes)
		rc = role_write(s, ws, &r, r.request_account, r.request_name,
				NULL, NULL, false, e);
	else
		rc = role_write(s, ws, &r, r.account, r.name, r.request_account,
				r.request_name, true, e);
	return role_end(s, &r, rc, e);
}

/* The name of the newest session of `account` in ws within max_age. */
static int present_name(struct store *s, int64_t ws, const char *account,
			int max_age, char **name, struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*name = NULL;
	st = store_stmt(s, "SELECT participant FROM presence WHERE "
			"workshop_id = ?1 AND account = ?2 AND last_seen >= ?3 "
			"ORDER BY last_seen DESC, rowid DESC LIMIT 1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, account);
	sqlite3_bind_int64(st, 3, clock_now() - max_age_or_default(max_age));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!store_col_text(st, 0, name))
			ret = OOM(e);
	} else if (rc == SQLITE_DONE) {
		ret = err_set(e, ST_NOTFOUND, _("nobody of the account %s is in "
						"the workshop now"), account);
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

int store_role_hand(struct store *s, int64_t ws, int64_t seen_version,
		    const char *account, int max_age, struct error *e)
{
	struct store_role r;
	char *name = NULL;
	int rc;

	if (str_empty(account))
		return err_set(e, ST_INPUT, "%s", _("hand the role to whom?"));
	if ((rc = role_begin(s, ws, seen_version, max_age, &r, e)) < 0)
		return rc;
	if (!r.mine)
		rc = err_set(e, ST_DENIED, _("only the facilitator (%s) can "
					     "hand the role over"),
			     r.account ? holder(&r) : _("nobody"));
	else if (str_eq(account, s->account))
		rc = ST_OK;
	else if ((rc = present_name(s, ws, account, max_age, &name, e)) == ST_OK)
		rc = role_write(s, ws, &r, account, name, NULL, NULL, false, e);
	free(name);
	return role_end(s, &r, rc, e);
}

int store_role_release(struct store *s, int64_t ws, int64_t seen_version,
		       struct error *e)
{
	struct store_role r;
	int rc;

	if ((rc = role_begin(s, ws, seen_version, 0, &r, e)) < 0)
		return rc;
	if (!r.mine)
		rc = err_set(e, ST_DENIED, _("only the facilitator (%s) can give "
					     "the role up"),
			     r.account ? holder(&r) : _("nobody"));
	else
		rc = role_write(s, ws, &r, NULL, NULL, NULL, NULL, false, e);
	return role_end(s, &r, rc, e);
}

int store_role_position(struct store *s, int64_t ws, int max_age,
			struct share_pos *out, struct error *e)
{
	struct store_role r;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	memset(out, 0, sizeof(*out));
	if ((rc = store_role_get(s, ws, max_age, &r, e)) < 0)
		return rc;
	if (!r.account) {
		rc = r.name ? store_share_position(s, ws, r.name, max_age, out,
						   e)
			    : ST_NOTFOUND;
		store_role_clear(&r);
		return rc;
	}
	st = store_stmt(s, "SELECT participant, screen, selection, last_seen "
			"FROM presence WHERE workshop_id = ?1 AND account = ?2 "
			"AND last_seen >= ?3 "
			"ORDER BY last_seen DESC, rowid DESC LIMIT 1", e);
	if (!st) {
		store_role_clear(&r);
		return e->code;
	}
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, r.account);
	sqlite3_bind_int64(st, 3, clock_now() - max_age_or_default(max_age));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->last_seen = sqlite3_column_int64(st, 3);
		if (!store_col_text(st, 0, &out->who) ||
		    !store_col_text(st, 1, &out->screen) ||
		    !store_col_text(st, 2, &out->selection)) {
			share_pos_clear(out);
			ret = OOM(e);
		}
	} else if (rc == SQLITE_DONE) {
		ret = ST_NOTFOUND;
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	store_role_clear(&r);
	return ret;
}

/* ---- presence rows, audit rows ---------------------------------------- */

int store_presence_rows(struct store *s, int64_t ws, int max_age,
			struct presence_row **out, size_t *n,
			struct error *e)
{
	struct presence_row *list = NULL;
	size_t count = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, "SELECT p.participant, p.account, p.screen, "
			"p.selection, p.session, p.last_seen, p.read_only, "
			"p.account IS NOT NULL AND "
			"p.account IS w.facilitator_account, p.editing "
			"FROM presence p LEFT JOIN workshop w "
			"ON w.id = p.workshop_id "
			"WHERE (?1 = 0 OR p.workshop_id = ?1) "
			"AND p.last_seen >= ?2 "
			"ORDER BY p.participant, p.session", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int64(st, 2, clock_now() - max_age_or_default(max_age));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct presence_row *p = realloc(list, (count + 1) *
						 sizeof(*p));

		if (!p) {
			ret = OOM(e);
			goto cleanup;
		}
		list = p;
		p = &list[count++];
		memset(p, 0, sizeof(*p));
		p->session = sqlite3_column_int64(st, 4);
		p->last_seen = sqlite3_column_int64(st, 5);
		p->read_only = sqlite3_column_int(st, 6) != 0;
		p->facilitator = sqlite3_column_int(st, 7) != 0;
		if (!store_col_text(st, 0, &p->who) ||
		    !store_col_text(st, 1, &p->account) ||
		    !store_col_text(st, 2, &p->screen) ||
		    !store_col_text(st, 3, &p->selection) ||
		    !store_col_text(st, 8, &p->editing)) {
			ret = OOM(e);
			goto cleanup;
		}
		p->mine = p->session == s->session && str_eq(p->who, s->who);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	if (ret < 0) {
		store_presence_rows_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_presence_rows_free(struct presence_row **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++) {
		free((*list)[i].who);
		free((*list)[i].account);
		free((*list)[i].screen);
		free((*list)[i].selection);
		free((*list)[i].editing);
	}
	free(*list);
	*list = NULL;
}

int store_audit_mine(struct store *s, int64_t id, bool *mine,
		     struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT account FROM audit "
				      "WHERE id = ?1", e);
	int rc, ret = ST_OK;

	*mine = false;
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*mine = str_eq((const char *)sqlite3_column_text(st, 0),
			       s->account);
	else if (rc == SQLITE_DONE)
		ret = err_set(e, ST_NOTFOUND, _("no change #%" PRId64 " in the "
						"history"), id);
	else
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(st);
	return ret;
}

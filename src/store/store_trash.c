#include "config.h"
/*
 * store_trash: a deleted workshop keeps every row where it is and gets a
 * `deleted` time (and who deleted it); everything that lists, finds, loads
 * or edits workshops passes it by.  Restore clears the mark; purge deletes
 * the rows (ON DELETE CASCADE), and with them the drafts and presence rows,
 * which have no foreign key.  See store_trash.h for who may do what.
 */

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store_int.h"
#include "store/store_trash.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

void trashed_clear(struct trashed *t)
{
	free(t->title);
	free(t->deleted_by);
	free(t->deleted_account);
	free(t->creator_account);
	free(t->facilitator_account);
	memset(t, 0, sizeof(*t));
}

/* The row of workshop id whether in the trash or not: title, the mark
 * and the two accounts.  ST_NOTFOUND (no message) when there is none. */
static int read_row(struct store *s, int64_t id, struct trashed *t,
		    struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	memset(t, 0, sizeof(*t));
	st = store_stmt(s, "SELECT id, title, coalesce(deleted, 0), deleted_by, "
			"deleted_account, creator_account, facilitator_account "
			"FROM workshop WHERE id = ?1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(st, 0);
		t->deleted = sqlite3_column_int64(st, 2);
		if (!store_col_text(st, 1, &t->title) ||
		    !store_col_text(st, 3, &t->deleted_by) ||
		    !store_col_text(st, 4, &t->deleted_account) ||
		    !store_col_text(st, 5, &t->creator_account) ||
		    !store_col_text(st, 6, &t->facilitator_account))
			ret = OOM(e);
		else if (!t->title && !(t->title = str_dup("")))
			ret = OOM(e);
	} else if (rc == SQLITE_DONE) {
		ret = ST_NOTFOUND;
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	if (ret < 0)
		trashed_clear(t);
	return ret;
}

static bool may_destroy(const struct store *s, const struct trashed *t)
{
	if (!t->creator_account && !t->facilitator_account)
		return true;
	return str_eq(s->account, t->creator_account) ||
	       str_eq(s->account, t->facilitator_account);
}

/* ST_DENIED naming who may `verb` the workshop. */
static int denied(const struct store *s, const struct trashed *t,
		  const char *verb, struct error *e)
{
	if (t->facilitator_account && t->creator_account &&
	    !str_eq(t->facilitator_account, t->creator_account))
		return err_set(e, ST_DENIED, _("only the facilitator (account "
					       "%s) or the creator (account %s) "
					       "of “%s” may %s it; you are %s"),
			       t->facilitator_account, t->creator_account,
			       t->title, verb, s->account);
	return err_set(e, ST_DENIED, _("only the account %s, which %s “%s”, "
				       "may %s it; you are %s"),
		       t->facilitator_account ? t->facilitator_account
					      : t->creator_account,
		       t->facilitator_account ? _("facilitates")
					      : _("created"),
		       t->title, verb, s->account);
}

static int no_workshop(int64_t id, struct error *e)
{
	return err_set(e, ST_NOTFOUND, _("no workshop with id %" PRId64), id);
}

int store_trash_refusal(struct store *s, int64_t ws, struct error *e)
{
	struct trashed t;
	int rc = read_row(s, ws, &t, e);

	if (rc == ST_NOTFOUND)
		return no_workshop(ws, e);
	if (rc < 0)
		return rc;
	if (t.deleted)
		rc = err_set(e, ST_NOTFOUND, _("workshop %" PRId64 " (“%s”) is "
					       "in the trash (deleted by %s); "
					       "charrette restore %" PRId64
					       " brings it back"),
			     ws, t.title, t.deleted_by ? t.deleted_by : "?", ws);
	else
		rc = no_workshop(ws, e);
	trashed_clear(&t);
	return rc;
}

int store_trash_check(struct store *s, int64_t ws, struct error *e)
{
	struct trashed t;
	int rc = read_row(s, ws, &t, e);

	if (rc == ST_NOTFOUND)
		return ST_OK;
	if (rc < 0)
		return rc;
	rc = t.deleted ? store_trash_refusal(s, ws, e) : ST_OK;
	trashed_clear(&t);
	return rc;
}

int store_trash_may(struct store *s, int64_t id, struct error *e)
{
	struct trashed t;
	int rc = read_row(s, id, &t, e);

	if (rc == ST_NOTFOUND)
		return no_workshop(id, e);
	if (rc < 0)
		return rc;
	rc = may_destroy(s, &t) ? ST_OK : denied(s, &t, _("delete"), e);
	trashed_clear(&t);
	return rc;
}

/* Run a statement on one workshop id (inside the caller's transaction). */
static int exec_id(struct store *s, const char *sql, int64_t id,
		   struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	return store_exec_stmt(s, st, e);
}

/* Mark workshop t as in the trash (inside a transaction). */
static int mark_deleted(struct store *s, const struct trashed *t,
			struct error *e)
{
	int64_t now = clock_now();
	sqlite3_stmt *st;
	int rc;

	/* The audit row first: store_audit refuses a workshop in the trash. */
	if ((rc = store_audit(s, t->id, "workshop", t->id, "deleted", NULL,
			      t->title, e)) < 0)
		return rc;
	if (!(st = store_stmt(s, "UPDATE workshop SET deleted = ?1, "
			      "deleted_by = ?2, deleted_account = ?3 "
			      "WHERE id = ?4", e)))
		return e->code;
	/* deleted must not be 0: 0 reads as "not deleted". */
	sqlite3_bind_int64(st, 1, now > 0 ? now : 1);
	store_bind_text(st, 2, s->who);
	store_bind_text(st, 3, s->account);
	sqlite3_bind_int64(st, 4, t->id);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return rc;
	/* Nobody is in it any more; drafts stay with it. */
	return exec_id(s, "DELETE FROM presence WHERE workshop_id = ?1", t->id,
		       e);
}

int store_trash_put(struct store *s, int64_t id, struct error *e)
{
	struct trashed t;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	rc = read_row(s, id, &t, e);
	if (rc == ST_NOTFOUND)
		return store_end(s, no_workshop(id, e), e);
	if (rc < 0)
		return store_end(s, rc, e);
	if (t.deleted)
		rc = store_trash_refusal(s, id, e);
	else if (!may_destroy(s, &t))
		rc = denied(s, &t, _("delete"), e);
	else
		rc = mark_deleted(s, &t, e);
	trashed_clear(&t);
	return store_end(s, rc, e);
}

/* Workshop id, which must be in the trash: ST_NOTFOUND otherwise. */
static int read_trashed(struct store *s, int64_t id, struct trashed *t,
			struct error *e)
{
	int rc = read_row(s, id, t, e);

	if (rc == ST_NOTFOUND)
		return no_workshop(id, e);
	if (rc == ST_OK && !t->deleted) {
		rc = err_set(e, ST_NOTFOUND, _("workshop %" PRId64 " (“%s”) is "
					       "not in the trash"), id,
			     t->title);
		trashed_clear(t);
	}
	return rc;
}

int store_trash_restore(struct store *s, int64_t id, struct error *e)
{
	struct trashed t;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = read_trashed(s, id, &t, e)) < 0)
		return store_end(s, rc, e);
	rc = exec_id(s, "UPDATE workshop SET deleted = NULL, deleted_by = NULL, "
		     "deleted_account = NULL WHERE id = ?1", id, e);
	if (rc == ST_OK)
		rc = store_audit(s, id, "workshop", id, "deleted", t.title, NULL,
				 e);
	trashed_clear(&t);
	return store_end(s, rc, e);
}

/* Delete one workshop of the trash for good (inside a transaction). */
static int purge_one(struct store *s, const struct trashed *t,
		     struct error *e)
{
	int rc;

	if ((rc = exec_id(s, "DELETE FROM presence WHERE workshop_id = ?1",
			  t->id, e)) < 0 ||
	    (rc = exec_id(s, "DELETE FROM draft WHERE workshop_id = ?1", t->id,
			  e)) < 0 ||
	    (rc = exec_id(s, "DELETE FROM workshop WHERE id = ?1", t->id,
			  e)) < 0)
		return rc;
	/* The history keeps a title (the audit log outlives its rows). */
	return store_audit(s, t->id, "workshop", t->id, NULL, t->title, NULL,
			   e);
}

int store_trash_purge(struct store *s, int64_t id, struct error *e)
{
	struct trashed t;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = read_trashed(s, id, &t, e)) < 0)
		return store_end(s, rc, e);
	rc = may_destroy(s, &t) ? purge_one(s, &t, e)
				: denied(s, &t, _("purge"), e);
	trashed_clear(&t);
	return store_end(s, rc, e);
}

int store_trash_purge_all(struct store *s, size_t *purged, size_t *kept,
			  struct error *e)
{
	struct trashed *list = NULL;
	size_t n = 0, done = 0, left = 0;
	int rc;

	if (purged)
		*purged = 0;
	if (kept)
		*kept = 0;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	rc = store_trash_list(s, &list, &n, e);
	for (size_t i = 0; rc == ST_OK && i < n; i++) {
		if (!list[i].may_purge) {
			left++;
			continue;
		}
		if ((rc = purge_one(s, &list[i], e)) == ST_OK)
			done++;
	}
	store_trash_list_free(&list, n);
	if ((rc = store_end(s, rc, e)) < 0)
		return rc;
	if (purged)
		*purged = done;
	if (kept)
		*kept = left;
	return ST_OK;
}

int store_trash_list(struct store *s, struct trashed **out, size_t *n,
		     struct error *e)
{
	struct trashed *list = NULL;
	size_t count = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, "SELECT id FROM workshop WHERE deleted IS NOT NULL "
			"ORDER BY deleted DESC, id DESC", e);
	if (!st)
		return e->code;
	/* Ids first, rows after: read_row uses a statement of its own. */
	{
		int64_t *ids = NULL;
		size_t nids = 0;

		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t *p = realloc(ids, (nids + 1) * sizeof(*p));

			if (!p) {
				ret = OOM(e);
				break;
			}
			ids = p;
			ids[nids++] = sqlite3_column_int64(st, 0);
		}
		if (ret == ST_OK && rc != SQLITE_DONE)
			ret = store_sqlerr(s, rc, e);
		sqlite3_reset(st);
		if (ret == ST_OK && nids &&
		    !(list = calloc(nids, sizeof(*list))))
			ret = OOM(e);
		for (size_t i = 0; ret == ST_OK && i < nids; i++) {
			if ((ret = read_row(s, ids[i], &list[count], e)) < 0)
				break;
			list[count].may_purge = may_destroy(s, &list[count]);
			count++;
		}
		free(ids);
	}
	if (ret < 0) {
		store_trash_list_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_trash_list_free(struct trashed **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		trashed_clear(&(*list)[i]);
	free(*list);
	*list = NULL;
}

int store_trash_find(struct store *s, const char *ref, int64_t *id,
		     struct error *e)
{
	struct trashed *list = NULL;
	size_t n = 0, exact = 0, prefix = 0, len;
	int64_t exact_id = 0, prefix_id = 0;
	bool digits = !str_empty(ref);
	int rc;

	*id = 0;
	if (str_empty(ref))
		return err_set(e, ST_INPUT, _("give a workshop id or title"));
	for (const char *p = ref; *p; p++)
		if (!isdigit((unsigned char)*p))
			digits = false;
	if ((rc = store_trash_list(s, &list, &n, e)) < 0)
		return rc;
	len = strlen(ref);
	for (size_t i = 0; i < n; i++) {
		if (digits && strtoll(ref, NULL, 10) == list[i].id) {
			*id = list[i].id;
			store_trash_list_free(&list, n);
			return ST_OK;
		}
		if (strcasecmp(list[i].title, ref) == 0 && !exact++)
			exact_id = list[i].id;
		if (strncasecmp(list[i].title, ref, len) == 0 && !prefix++)
			prefix_id = list[i].id;
	}
	store_trash_list_free(&list, n);
	if (exact == 1 || (!exact && prefix == 1)) {
		*id = exact == 1 ? exact_id : prefix_id;
		return ST_OK;
	}
	if (exact || prefix)
		return err_set(e, ST_INPUT, _("'%s' matches several workshops in "
					      "the trash (charrette list "
					      "--deleted lists them with their "
					      "ids)"), ref);
	return err_set(e, ST_NOTFOUND, _("no workshop in the trash matches "
					 "'%s'"), ref);
}

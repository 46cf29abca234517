#include "config.h"
/*
 * store_presence: reading the audit log, who is in which workshop and
 * screen (heartbeat rows, one per process), and drafts of a field that was
 * being edited when the connection dropped.  Heartbeats and drafts are not
 * edits of the workshop, so they write no audit rows.
 */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/path.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

/* ---- audit log ---------------------------------------------------------- */

int store_audit_list(struct store *s, int64_t ws, const char *who,
		     size_t limit, struct audit_entry **out, size_t *n,
		     struct error *e)
{
	struct audit_entry *list = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, "SELECT id, workshop_id, who, at, tbl, row_id, "
			"field, old_value, new_value FROM audit "
			"WHERE (?1 = 0 OR workshop_id = ?1) "
			"AND (?2 IS NULL OR who = ?2) "
			"ORDER BY id DESC LIMIT ?3", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, who);
	sqlite3_bind_int64(st, 3, limit ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *a;

		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct audit_entry *p = realloc(list, ncap * sizeof(*p));

			if (!p) {
				ret = OOM(e);
				goto cleanup;
			}
			list = p;
			cap = ncap;
		}
		a = &list[count];
		memset(a, 0, sizeof(*a));
		count++;
		a->id = sqlite3_column_int64(st, 0);
		a->workshop_id = sqlite3_column_int64(st, 1);
		a->at = sqlite3_column_int64(st, 3);
		a->row = sqlite3_column_int64(st, 5);
		if (!store_col_text(st, 2, &a->who) ||
		    !store_col_text(st, 4, &a->tbl) ||
		    !store_col_text(st, 6, &a->field) ||
		    !store_col_text(st, 7, &a->old_value) ||
		    !store_col_text(st, 8, &a->new_value)) {
			ret = OOM(e);
			goto cleanup;
		}
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	if (ret < 0) {
		store_audit_list_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_audit_list_free(struct audit_entry **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		audit_entry_clear(&(*list)[i]);
	free(*list);
	*list = NULL;
}

/* ---- presence ----------------------------------------------------------- */

/* A small write outside the audit log, still one BEGIN IMMEDIATE. */
static int small_write(struct store *s, sqlite3_stmt *st, struct error *e)
{
	int rc;

	if ((rc = store_begin(s, e)) < 0) {
		sqlite3_reset(st);
		return rc;
	}
	rc = store_exec_stmt(s, st, e);
	return store_end(s, rc, e);
}

/*
 * Observers appear in :who too.  A connection opened with --read-only
 * never writes the workshop, but when the file and its folder are
 * writable it keeps a second, read-write connection for its own presence
 * rows and nothing else.  A file the user cannot write leaves no trace.
 */
static int presence_conn(struct store *s, sqlite3 **db, struct error *e)
{
	char *dir;
	bool can;
	int rc;

	*db = s->db;
	if (!s->readonly)
		return ST_OK;
	if (s->presence_db) {
		*db = s->presence_db;
		return ST_OK;
	}
	if (!s->want_ro || strcmp(s->path, ":memory:") == 0)
		return store_readonly_err(s, e);
	if (!(dir = path_dirname(s->path)))
		return OOM(e);
	can = access(s->path, W_OK) == 0 && access(dir, W_OK) == 0;
	free(dir);
	if (!can)
		return err_set(e, ST_READONLY, _("%s cannot be written: an "
						 "observer is not listed"),
			       s->path);
	rc = sqlite3_open_v2(s->path, &s->presence_db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK && (rc = store_harden(s, s->presence_db, e)) < 0) {
		store_presence_close(s);
		return rc;
	}
	if (rc != SQLITE_OK) {
		rc = err_set(e, ST_READONLY, _("%s: cannot record your "
					       "presence: %s"), s->path,
			     s->presence_db ? sqlite3_errmsg(s->presence_db)
					    : sqlite3_errstr(rc));
		store_presence_close(s);
		return rc;
	}
	sqlite3_extended_result_codes(s->presence_db, 1);
	sqlite3_busy_timeout(s->presence_db, 2000);
	*db = s->presence_db;
	return ST_OK;
}

void store_presence_close(struct store *s)
{
	if (s->presence_db)
		sqlite3_close(s->presence_db);
	s->presence_db = NULL;
}

/* Run one presence statement: through the statement cache and a write
 * transaction on the main connection, or once on the observer's own. */
static int presence_write(struct store *s, const char *sql, int64_t ws,
			  const char *screen, const char *selection,
			  struct error *e)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int rc;

	if ((rc = presence_conn(s, &db, e)) < 0)
		return rc;
	if (db == s->db) {
		if (!(st = store_stmt(s, sql, e)))
			return e->code;
	} else if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) !=
		   SQLITE_OK) {
		sqlite3_finalize(st);
		return err_set(e, ST_ERROR, _("%s: database error: %s"),
			       s->path, sqlite3_errmsg(db));
	}
	store_bind_text(st, 1, s->who);
	sqlite3_bind_int64(st, 2, s->session);
	sqlite3_bind_int64(st, 3, ws);
	store_bind_text(st, 4, screen);
	store_bind_text(st, 5, selection);
	sqlite3_bind_int64(st, 6, clock_now());
	store_bind_text(st, 7, s->account);
	sqlite3_bind_int(st, 8, s->readonly);
	if (db == s->db)
		return small_write(s, st, e);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(e, (rc & 0xff) == SQLITE_BUSY ? ST_BUSY : ST_ERROR,
			       _("%s: cannot record your presence: %s"),
			       s->path, sqlite3_errstr(rc));
	return ST_OK;
}

int store_presence_beat(struct store *s, int64_t ws, const char *screen,
			const char *selection, struct error *e)
{
	return presence_write(s, "INSERT INTO presence(participant, session, "
			      "workshop_id, screen, selection, last_seen, "
			      "account, read_only) "
			      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
			      "ON CONFLICT(participant, session) DO UPDATE SET "
			      "workshop_id = excluded.workshop_id, "
			      "screen = excluded.screen, "
			      "selection = excluded.selection, "
			      "last_seen = excluded.last_seen, "
			      "account = excluded.account, "
			      "read_only = excluded.read_only",
			      ws, screen, selection, e);
}

int store_presence_leave(struct store *s, struct error *e)
{
	/* A read-only process that never beat has nothing to remove. */
	if (s->readonly && !s->presence_db)
		return ST_OK;
	/* presence_write binds ?3 .. ?8 too; SQLite ignores (SQLITE_RANGE)
	 * parameters a statement does not have. */
	return presence_write(s, "DELETE FROM presence WHERE participant = ?1 "
			      "AND session = ?2", 0, NULL, NULL, e);
}

int store_presence_editing(struct store *s, const char *where,
			   struct error *e)
{
	/* presence_write binds ?4 (here: what is edited) and the rest,
	 * which this statement does not have (see store_presence_leave). */
	return presence_write(s, "UPDATE presence SET editing = ?4 "
			      "WHERE participant = ?1 AND session = ?2", 0,
			      where, NULL, e);
}

int store_presence_list(struct store *s, int64_t ws, int max_age,
			struct participant **out, size_t *n, struct error *e)
{
	struct participant *list = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	/* One line per person: the screen of their latest heartbeat. */
	st = store_stmt(s, "SELECT participant, screen, max(last_seen) "
			"FROM presence WHERE (?1 = 0 OR workshop_id = ?1) "
			"AND last_seen >= ?2 GROUP BY participant "
			"ORDER BY participant", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	sqlite3_bind_int64(st, 2, clock_now() - (max_age > 0 ? max_age : 0));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct participant *p;

		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct participant *q = realloc(list, ncap * sizeof(*q));

			if (!q) {
				ret = OOM(e);
				goto cleanup;
			}
			list = q;
			cap = ncap;
		}
		p = &list[count++];
		memset(p, 0, sizeof(*p));
		p->last_seen = sqlite3_column_int64(st, 2);
		if (!store_col_text(st, 0, &p->name) ||
		    !store_col_text(st, 1, &p->screen)) {
			ret = OOM(e);
			goto cleanup;
		}
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	if (ret < 0) {
		store_presence_list_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_presence_list_free(struct participant **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		participant_clear(&(*list)[i]);
	free(*list);
	*list = NULL;
}

/* ---- drafts ------------------------------------------------------------- */

int store_draft_save(struct store *s, int64_t ws, const char *where,
		     const char *text, struct error *e)
{
	sqlite3_stmt *st;

	if (str_empty(where))
		return err_set(e, ST_INPUT, _("a draft needs a place"));
	st = store_stmt(s, "INSERT INTO draft(participant, workshop_id, place, "
			"text, saved) VALUES (?1, ?2, ?3, ?4, ?5) "
			"ON CONFLICT(participant, workshop_id, place) DO UPDATE "
			"SET text = excluded.text, saved = excluded.saved", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, s->who);
	sqlite3_bind_int64(st, 2, ws);
	store_bind_text(st, 3, where);
	store_bind_text(st, 4, text ? text : "");
	sqlite3_bind_int64(st, 5, clock_now());
	return small_write(s, st, e);
}

/* *text is NULL (and ST_OK) when there is no draft. */
int store_draft_get(struct store *s, int64_t ws, const char *where,
		    char **text, struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*text = NULL;
	st = store_stmt(s, "SELECT text FROM draft WHERE participant = ?1 "
			"AND workshop_id = ?2 AND place = ?3", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, s->who);
	sqlite3_bind_int64(st, 2, ws);
	store_bind_text(st, 3, where);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!store_col_text(st, 0, text))
			ret = OOM(e);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

int store_draft_delete(struct store *s, int64_t ws, const char *where,
		       struct error *e)
{
	sqlite3_stmt *st;

	st = store_stmt(s, "DELETE FROM draft WHERE participant = ?1 "
			"AND workshop_id = ?2 AND place = ?3", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, s->who);
	sqlite3_bind_int64(st, 2, ws);
	store_bind_text(st, 3, where);
	return small_write(s, st, e);
}

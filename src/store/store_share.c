#include "config.h"
/*
 * store_share: reads for the shared box — the content stamp (newest audit
 * row), the facilitator's position from the presence heartbeats, a
 * workshop's creator and an answer's current text.  Read-only queries:
 * they work on a database opened read-only too.
 */

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_share.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

int share_same_person(const char *who, const char *name)
{
	size_t n;

	if (!who || !name || !*name)
		return 0;
	if (strcmp(who, name) == 0)
		return 1;
	n = strlen(name);
	return strncmp(who, name, n) == 0 && strncmp(who + n, " (via ", 6) == 0;
}

int store_share_stamp(struct store *s, int64_t *stamp, struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*stamp = 0;
	if (!(st = store_stmt(s, "SELECT coalesce(max(id), 0) FROM audit", e)))
		return e->code;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*stamp = sqlite3_column_int64(st, 0);
	else
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(st);
	return ret;
}

void share_pos_clear(struct share_pos *p)
{
	free(p->who);
	free(p->screen);
	free(p->selection);
	memset(p, 0, sizeof(*p));
}

int store_share_position(struct store *s, int64_t ws, const char *name,
			 int max_age, struct share_pos *out, struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		return ST_NOTFOUND;
	/* "name" itself, or "name (via account)" as --as records it. */
	st = store_stmt(s, "SELECT participant, screen, selection, last_seen "
			"FROM presence WHERE workshop_id = ?1 "
			"AND (participant = ?2 OR substr(participant, 1, "
			"length(?2) + 6) = ?2 || ' (via ') "
			"AND last_seen >= ?3 "
			"ORDER BY last_seen DESC, rowid DESC LIMIT 1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, name);
	sqlite3_bind_int64(st, 3, clock_now() - (max_age > 0 ? max_age : 0));
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
	return ret;
}

int store_share_creator(struct store *s, int64_t ws, char **who,
			struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*who = NULL;
	st = store_stmt(s, "SELECT who FROM audit WHERE tbl = 'workshop' "
			"AND row_id = ?1 AND workshop_id = ?1 "
			"AND old_value IS NULL ORDER BY id LIMIT 1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!store_col_text(st, 0, who))
			ret = OOM(e);
	} else if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

int store_share_answer(struct store *s, int64_t ws, const char *question,
		       char **text, int64_t *version, struct error *e)
{
	int64_t id;

	return store_answer_find(s, ws, question, &id, version, text, e);
}

void store_share_busy_ms(struct store *s, int ms)
{
	if (ms > 0)
		store_set_busy_timeout(s, ms);
}

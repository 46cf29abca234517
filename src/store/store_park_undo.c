#include "config.h"
/*
 * store_park_undo: the two parking-lot writes that undo needs and the
 * ordinary ones cannot make: a deleted item put back as it was (its id,
 * who raised it and when, its status), and an item taken into the
 * roadmap's next steps taken back out of them, and an item reopened or done
 * after it was taken back to "taken" (its step is still there: taking it
 * again would add a second).  Each is one transaction
 * with its audit rows, like every store write (see store_room.h).
 */

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_room.h"
#include "util/clock.h"
#include "util/i18n.h"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

#define STMT(st, sql)                                   \
	do {                                            \
		if (!((st) = store_stmt(s, (sql), e))) { \
			rc = e->code;                   \
			goto out;                       \
		}                                       \
	} while (0)

int store_park_restore(struct store *s, int64_t ws,
		       const struct park_item *p, struct error *e)
{
	sqlite3_stmt *q;
	int64_t id = p->id;
	int rc;

	if ((rc = store_park_check(p->text, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = store_workshop_exists(s, ws, e)) < 0)
		goto out;
	/* Its own id when nobody's row took it since (ids are not reused
	 * while a newer row exists, but be sure). */
	STMT(q, "SELECT 1 FROM parking WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		id = 0;
	else if (rc != SQLITE_DONE) {
		rc = store_sqlerr(s, rc, e);
		goto out;
	}
	STMT(q, "INSERT INTO parking(id, workshop_id, text, added_by, "
	     "added_at, status, next_step) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (id)
		sqlite3_bind_int64(q, 1, id);
	else
		sqlite3_bind_null(q, 1);
	sqlite3_bind_int64(q, 2, ws);
	store_bind_text(q, 3, p->text);
	store_bind_text(q, 4, str_empty(p->added_by) ? s->who : p->added_by);
	sqlite3_bind_int64(q, 5, p->added_at ? p->added_at : clock_now());
	store_bind_text(q, 6, park_status_id(p->status));
	store_bind_text(q, 7, p->next_step);
	if ((rc = store_exec_stmt(s, q, e)) < 0)
		goto out;
	id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, ws, "parking", id, NULL, NULL, p->text, e);
out:
	return store_end(s, rc, e);
}

/* The item's workshop, status and next step, checked against the version
 * the undo expects (inside the caller's transaction). */
struct park_now {
	int64_t ws;
	char *status, *step;
};

static int park_now_get(struct store *s, int64_t id, int64_t expect_version,
			struct park_now *p, struct error *e)
{
	sqlite3_stmt *q = store_stmt(s, "SELECT workshop_id, status, "
				     "next_step, version FROM parking "
				     "WHERE id = ?1", e);
	int64_t version = 0;
	int rc;

	memset(p, 0, sizeof(*p));
	if (!q)
		return e->code;
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		p->ws = sqlite3_column_int64(q, 0);
		version = sqlite3_column_int64(q, 3);
		rc = store_col_text(q, 1, &p->status) &&
		     store_col_text(q, 2, &p->step) ? ST_OK : OOM(e);
	} else {
		rc = rc == SQLITE_DONE
		     ? store_conflict(s, "parking", id, _("the parking-lot item"),
				      true, e)
		     : store_sqlerr(s, rc, e);
	}
	sqlite3_reset(q);
	if (rc == ST_OK && version != expect_version)
		rc = store_conflict(s, "parking", id, _("the parking-lot item"),
				    false, e);
	return rc;
}

static void park_now_clear(struct park_now *p)
{
	free(p->status);
	free(p->step);
	memset(p, 0, sizeof(*p));
}

int store_park_untake(struct store *s, int64_t id, int64_t expect_version,
		      enum park_status back, struct error *e)
{
	struct strv steps = { 0 }, kept = { 0 };
	char *old = NULL, *now = NULL;
	struct park_now p = { 0 };
	sqlite3_stmt *q;
	size_t last;
	int rc;

	if (back != PARK_OPEN && back != PARK_DONE)
		return err_set(e, ST_INPUT, "%s",
			       _("an item taken back out of the roadmap is open or done"));
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = park_now_get(s, id, expect_version, &p, e)) < 0)
		goto out;
	if (!str_eq(p.status, "roadmap")) {
		rc = store_conflict(s, "parking", id, _("the parking-lot item"),
				    false, e);
		goto out;
	}
	STMT(q, "SELECT next_steps FROM workshop WHERE id = ?1");
	sqlite3_bind_int64(q, 1, p.ws);
	rc = sqlite3_step(q);
	rc = rc == SQLITE_ROW ? (store_col_text(q, 0, &old) ? ST_OK : OOM(e))
			      : store_sqlerr(s, rc, e);
	sqlite3_reset(q);
	if (rc < 0)
		goto out;
	if (store_dec_list(old, &steps) < 0) {
		rc = OOM(e);
		goto out;
	}
	/* The step it became: the last one with its text (someone may have
	 * written the same step by hand before). */
	last = steps.n;
	for (size_t i = 0; p.step && i < steps.n; i++)
		if (str_eq(steps.v[i], p.step))
			last = i;
	if (last < steps.n) {
		for (size_t i = 0; i < steps.n; i++)
			if (i != last && strv_push(&kept, steps.v[i]) < 0) {
				rc = OOM(e);
				goto out;
			}
		if (!(now = store_enc_list(&kept))) {
			rc = OOM(e);
			goto out;
		}
		STMT(q, "UPDATE workshop SET next_steps = ?2 WHERE id = ?1");
		sqlite3_bind_int64(q, 1, p.ws);
		store_bind_text(q, 2, now);
		if ((rc = store_exec_stmt(s, q, e)) < 0 ||
		    (rc = store_audit(s, p.ws, "workshop", p.ws, "next_steps", old,
				      now, e)) < 0)
			goto out;
	}
	/* The link to the step stays noted, as after done or reopen. */
	STMT(q, "UPDATE parking SET status = ?2, version = version + 1 "
	     "WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	store_bind_text(q, 2, park_status_id(back));
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, p.ws, "parking", id, "status", p.status,
				 park_status_id(back), e);
out:
	strv_free(&steps);
	strv_free(&kept);
	park_now_clear(&p);
	free(old);
	free(now);
	return store_end(s, rc, e);
}

int store_park_retaken(struct store *s, int64_t id, int64_t expect_version,
		       struct error *e)
{
	struct park_now p = { 0 };
	sqlite3_stmt *q;
	int rc;

	if ((rc = store_begin(s, e)) < 0)
		return rc;
	if ((rc = park_now_get(s, id, expect_version, &p, e)) < 0)
		goto out;
	if (str_empty(p.step)) {
		rc = err_set(e, ST_INPUT, "%s",
			     _("this item never became a next step"));
		goto out;
	}
	STMT(q, "UPDATE parking SET status = 'roadmap', version = version + 1 "
	     "WHERE id = ?1");
	sqlite3_bind_int64(q, 1, id);
	if ((rc = store_exec_stmt(s, q, e)) == ST_OK)
		rc = store_audit(s, p.ws, "parking", id, "status", p.status,
				 "roadmap", e);
out:
	park_now_clear(&p);
	return store_end(s, rc, e);
}

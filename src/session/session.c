#include "config.h"
/*
 * session: the life cycle of a participant's session, the open workshop
 * and its reloads, polling for other participants' commits, presence,
 * the facilitator and drafts.  Derived results are in session_view.c,
 * writes in session_write.c, undo in session_undo.c.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "session/session_int.h"
#include "store/store.h"
#include "store/store_roles.h"
#include "store/store_share.h"
#include "util/clock.h"
#include "util/i18n.h"

#define PRESENCE_MAX_AGE 15
#define BEAT_SECONDS 5

static void role_reloaded(struct session *s);

static void mem_drafts_flush(struct session *s);

int session_new(struct session **out, const struct session_opts *o,
		struct error *e)
{
	struct session *s;

	*out = NULL;
	if (!o || !o->store)
		return err_set(e, ST_INPUT, "%s", _("a session needs a database"));
	s = calloc(1, sizeof(*s));
	if (!s)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	s->store = o->store;
	s->k = o->k;
	s->read_only = o->read_only || store_is_readonly(o->store);
	s->presence_max_age = o->presence_max_age > 0 ? o->presence_max_age
						      : PRESENCE_MAX_AGE;
	s->beat_seconds = o->beat_seconds > 0 ? o->beat_seconds : BEAT_SECONDS;
	s->last_beat = clock_mono();
	if (o->busy_ms > 0)
		store_share_busy_ms(s->store, o->busy_ms);
	store_data_version(s->store, &s->data_version, e);
	store_share_stamp(s->store, &s->stamp, e);
	err_clear(e);
	*out = s;
	return ST_OK;
}

void session_close(struct session *s)
{
	if (!s)
		return;
	if (s->mem_where.n)
		mem_drafts_flush(s);
	sess_room_clear(s);
	view_clear(&s->view);
	wsdata_free(&s->d);
	s->ws = 0;
	s->tpl = NULL;
	s->stale = false;
	strv_free(&s->others);
	strv_free(&s->applied);
	strv_free(&s->mem_where);
	free(s->facilitator);
	free(s->followed);
	free(s->published);
	free(s->follow_told);
	s->facilitator = s->followed = s->published = s->follow_told = NULL;
	free(s->editing);
	s->editing = NULL;
	session_orphan_drop(s);
	s->following = false;
	sess_role_free(s);
	s->role_read = false;
	strv_free(&s->mem_text);
	undo_free_all(s);
	s->generation++;
}

void session_free(struct session **sp)
{
	struct session *s = sp ? *sp : NULL;
	struct error e;

	if (!s)
		return;
	/* Observers publish presence too (see store_roles.h). */
	err_clear(&e);
	store_presence_leave(s->store, &e);
	session_close(s);
	free(s->undo_text);
	free(s);
	*sp = NULL;
}

const char *session_who(const struct session *s)
{
	return store_who(s->store);
}

bool session_read_only(const struct session *s)
{
	return s->read_only;
}

const char *session_db_path(const struct session *s)
{
	return store_path(s->store);
}

const struct knowledge *session_knowledge(const struct session *s)
{
	return s->k;
}

int session_presence_max_age(const struct session *s)
{
	return s->presence_max_age;
}

int64_t session_ws(const struct session *s)
{
	return s->ws;
}

const struct workshop_data *session_data(const struct session *s)
{
	return s->d;
}

const struct template_def *session_template(const struct session *s)
{
	return s->tpl;
}

unsigned session_generation(const struct session *s)
{
	return s->generation;
}

const struct sess_view *session_view(const struct session *s)
{
	return &s->view;
}

const struct sess_cell *session_cell(const struct session *s, size_t ai,
				     size_t ci)
{
	if (!s->d || !s->view.cells || ai >= s->d->n_approaches ||
	    ci >= s->d->n_criteria)
		return NULL;
	return &s->view.cells[ai * s->d->n_criteria + ci];
}

/* ---- loading ------------------------------------------------------------- */
/* Who else is here; s->presence_moved when that changed. */
static void read_presence(struct session *s)
{
	struct participant *ps = NULL;
	struct strv now = { 0 };
	struct error e;
	size_t n = 0;

	err_clear(&e);
	if (s->ws && store_presence_list(s->store, s->ws, s->presence_max_age,
					 &ps, &n, &e) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (!str_eq(ps[i].name, session_who(s)) &&
		    !strv_contains(&now, ps[i].name))
			strv_push(&now, ps[i].name);
	store_presence_list_free(&ps, n);
	if (!strv_equal(&now, &s->others))
		s->presence_moved = true;
	strv_free(&s->others);
	s->others = now;
}

static void read_stamps(struct session *s)
{
	struct error e;

	err_clear(&e);
	store_data_version(s->store, &s->data_version, &e);
	store_share_stamp(s->store, &s->stamp, &e);
}

int session_reload(struct session *s, struct error *e)
{
	struct workshop_data *d = NULL;
	int rc;

	read_stamps(s);
	s->stale = false;
	if (!s->ws) {
		s->generation++;
		return ST_OK;
	}
	rc = store_workshop_load(s->store, s->ws, &d, e);
	if (rc < 0)
		return rc;
	sess_room_mask(session_who(s), d);
	sess_room_clear(s);
	view_clear(&s->view);
	sess_orphan_reloaded(s, s->d, d);
	wsdata_free(&s->d);
	s->d = d;
	s->tpl = s->k ? knowledge_template(s->k, d->ws.template_name) : NULL;
	rc = view_build(s, e);
	if (rc == ST_OK && sess_room_build(s) < 0)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	role_reloaded(s);
	s->generation++;
	return rc;
}

int session_open(struct session *s, int64_t ws, struct error *e)
{
	int64_t old = s->ws;
	int rc;

	if (old != ws)
		session_close(s);
	s->ws = ws;
	rc = session_reload(s, e);
	if (rc < 0) {
		session_close(s);
		return rc;
	}
	read_presence(s);
	return ST_OK;
}

/* The open workshop is gone (deleted by someone else). */
static int gone(struct session *s)
{
	int64_t ws = s->ws;

	session_close(s);
	sess_trash_notice(s, ws);
	return SP_GONE | SP_DATA;
}

int session_sync(struct session *s)
{
	struct error e;

	if (!s->stale)
		return SP_NONE;
	err_clear(&e);
	if (session_reload(s, &e) == ST_NOTFOUND)
		return gone(s);
	return SP_DATA;
}

int session_poll(struct session *s)
{
	struct error e;
	int64_t v = 0, stamp = 0;
	int bits = SP_NONE;

	err_clear(&e);
	if (s->mem_where.n)
		mem_drafts_flush(s);
	if (s->stale)
		bits |= session_sync(s);
	if (s->presence_moved) {
		/* A heartbeat's look found someone gone (or come): the
		 * facilitator too, perhaps. */
		s->presence_moved = false;
		sess_role_read(s);
		bits |= SP_PRESENCE;
	}
	if (!s->ws && (bits & SP_GONE))
		return bits;
	if (store_data_version(s->store, &v, &e) < 0 || v == s->data_version)
		return bits;
	s->data_version = v;
	if (store_share_stamp(s->store, &stamp, &e) < 0 || stamp != s->stamp) {
		err_clear(&e);
		if (s->ws && session_reload(s, &e) == ST_NOTFOUND)
			return bits | gone(s);
		if (!s->ws) {
			s->stamp = stamp;
			s->generation++;
		}
		bits |= SP_DATA;
	}
	read_presence(s);
	sess_role_read(s);
	return bits | SP_PRESENCE;
}

/* ---- presence and the facilitator ---------------------------------------- */
void session_publish(struct session *s, const char *screen,
		     const char *selection, bool now)
{
	struct error e;
	char *pos = str_printf("%s|%s", screen ? screen : "",
			       selection ? selection : "");
	bool moved = !str_eq(pos, s->published);

	if (!pos ||
	    !((now && moved) ||
	      clock_mono() - s->last_beat >= s->beat_seconds)) {
		free(pos);
		return;
	}
	err_clear(&e);
	if (store_presence_beat(s->store, s->ws, screen,
				selection && *selection ? selection : NULL,
				&e) == 0) {
		free(s->published);
		s->published = pos;
		pos = NULL;
		s->last_beat = clock_mono();
	}
	free(pos);
	read_presence(s);
}

void sess_notice(struct session *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->notice, sizeof(s->notice), fmt, ap);
	va_end(ap);
}

const char *session_notice(struct session *s)
{
	if (!s->notice[0])
		return NULL;
	memcpy(s->notice_out, s->notice, sizeof(s->notice_out));
	s->notice[0] = '\0';
	return s->notice_out;
}

/* After a reload: who facilitates now; stop following when it is nobody
 * or me. */
static void role_reloaded(struct session *s)
{
	sess_role_read(s);
	if (!str_eq(s->role.holder_account, s->facilitator)) {
		free(s->facilitator);
		s->facilitator = str_dup(s->role.holder_account);
		free(s->followed);
		s->followed = NULL;
	}
	if (s->following && (!s->role.holder || s->role.mine)) {
		s->following = false;
		sess_notice(s, "%s", s->role.mine
			    ? _("you are the facilitator now: the others can follow you")
			    : _("stopped following: the workshop has no facilitator"));
	}
}

bool session_following(const struct session *s)
{
	return s->following;
}

int session_follow_start(struct session *s, struct sess_result *r)
{
	sess_result_clear(r);
	if (!s->ws) {
		sess_refuse_msg(r, "%s", _("open a workshop first: follow mode tracks its facilitator"));
		return ST_INPUT;
	}
	if (!session_facilitator(s)) {
		sess_refuse_msg(r, "%s", _("this workshop has no facilitator to follow (:facilitate takes the role)"));
		return ST_INPUT;
	}
	if (session_is_facilitator(s)) {
		r->status = SESS_UNCHANGED;
		snprintf(r->msg, sizeof(r->msg), "%s",
			 _("you are the facilitator: the others follow you"));
		return ST_OK;
	}
	s->following = true;
	free(s->followed);
	s->followed = NULL;
	snprintf(r->msg, sizeof(r->msg),
		 _("following %s: your view tracks theirs; a move of your own or F stops it"),
		 session_facilitator(s));
	return ST_OK;
}

void session_follow_stop(struct session *s)
{
	s->following = false;
	free(s->followed);
	s->followed = NULL;
}

bool session_follow_next(struct session *s, char **screen, char **selection)
{
	char *pos;

	*screen = *selection = NULL;
	if (!s->following || !session_facilitator_position(s, screen, selection))
		return false;
	pos = str_printf("%s|%s", *screen, *selection);
	if (!pos || str_eq(pos, s->followed)) {
		free(pos);
		free(*screen);
		free(*selection);
		*screen = *selection = NULL;
		return false;
	}
	free(s->followed);
	s->followed = pos;
	return true;
}

const struct strv *session_others(const struct session *s)
{
	return &s->others;
}

int session_beat_seconds(const struct session *s)
{
	return s->beat_seconds;
}

bool session_claim_new(struct session *s)
{
	struct sess_result r = { 0 };
	struct store_role sr = { 0 };
	struct error e;
	bool took = false;

	if (!s->d || s->role.holder || s->read_only)
		return false;
	err_clear(&e);
	/* The workshop's creator, opening it first, facilitates it. */
	if (store_role_get(s->store, s->ws, s->presence_max_age, &sr, &e) == 0 &&
	    sr.creator_account && !sr.account &&
	    str_eq(sr.creator_account, store_account(s->store)))
		took = session_take_role(s, &r) == ST_OK;
	store_role_clear(&sr);
	sess_result_clear(&r);
	s->notice[0] = '\0';
	return took;
}

/* ---- drafts ----------------------------------------------------------------
 * Drafts live in the database (they survive a dropped connection), but a
 * draft is most needed when the database cannot be written (locked, disk
 * full): then it is kept in memory and written at the next chance. */
static size_t mem_draft(const struct session *s, const char *where)
{
	for (size_t i = 0; i < s->mem_where.n; i++)
		if (str_eq(s->mem_where.v[i], where))
			return i;
	return (size_t)-1;
}

static void mem_draft_remove(struct session *s, size_t i)
{
	free(s->mem_where.v[i]);
	free(s->mem_text.v[i]);
	for (size_t k = i + 1; k < s->mem_where.n; k++) {
		s->mem_where.v[k - 1] = s->mem_where.v[k];
		s->mem_text.v[k - 1] = s->mem_text.v[k];
	}
	s->mem_where.n--;
	s->mem_text.n--;
}

static void mem_drafts_flush(struct session *s)
{
	struct error e;

	for (size_t i = s->mem_where.n; i-- > 0; ) {
		err_clear(&e);
		if (store_draft_save(s->store, s->ws, s->mem_where.v[i],
				     s->mem_text.v[i], &e) == 0)
			mem_draft_remove(s, i);
	}
}

int session_draft_get(struct session *s, const char *where,
		      const char *current, char **text)
{
	struct error e;
	size_t i = mem_draft(s, where);
	char *t = NULL;

	*text = NULL;
	if (!where || !s->ws)
		return ST_OK;
	err_clear(&e);
	if (i != (size_t)-1)
		t = str_dup(s->mem_text.v[i]);
	else if (store_draft_get(s->store, s->ws, where, &t, &e) < 0)
		return e.code;
	if (t && str_eq(t, current ? current : "")) {
		free(t);
		t = NULL;
	}
	*text = t;
	return ST_OK;
}

bool session_draft_keep(struct session *s, const char *where,
			const char *text)
{
	struct error e;
	size_t i;

	if (!where || !text || s->read_only || !s->ws)
		return false;
	err_clear(&e);
	i = mem_draft(s, where);
	if (store_draft_save(s->store, s->ws, where, text, &e) == 0) {
		if (i != (size_t)-1)
			mem_draft_remove(s, i);
		return true;
	}
	if (i != (size_t)-1) {
		char *t = str_dup(text);

		if (!t)
			return false;
		free(s->mem_text.v[i]);
		s->mem_text.v[i] = t;
		return true;
	}
	if (strv_push(&s->mem_where, where) < 0)
		return false;
	if (strv_push(&s->mem_text, text) < 0) {
		free(s->mem_where.v[--s->mem_where.n]);
		return false;
	}
	return true;
}

void session_draft_drop(struct session *s, const char *where)
{
	struct error e;
	size_t i;

	if (!where || s->read_only || !s->ws)
		return;
	i = mem_draft(s, where);
	if (i != (size_t)-1)
		mem_draft_remove(s, i);
	err_clear(&e);
	store_draft_delete(s->store, s->ws, where, &e);
}

/* ---- history ------------------------------------------------------------- */
int session_history(struct session *s, size_t limit,
		    struct audit_entry **out, size_t *n, struct error *e)
{
	int rc;

	*out = NULL;
	*n = 0;
	if (!s->ws)
		return ST_OK;
	rc = store_audit_list(s->store, s->ws, NULL, limit, out, n, e);
	if (rc == ST_OK)
		sess_room_mask_audit(s, *out, *n);
	return rc;
}

void session_history_free(struct audit_entry **list, size_t n)
{
	store_audit_list_free(list, n);
}

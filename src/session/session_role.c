#include "config.h"
/*
 * session_role: the facilitator role as a participant meets it.  The role
 * belongs to a Unix account (store_roles.h): `--as alice` on another
 * account is never alice for the role.  It passes by consent (a request
 * the holder answers), by handover, or by the holder's absence past the
 * presence timeout.  The session reads the role at every reload and
 * presence change and turns what changed into notices: a request to
 * answer, a handover, the facilitator gone.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_roles.h"
#include "store/store_share.h"
#include "util/i18n.h"

static void role_copy_clear(struct sess_role *r)
{
	free(r->holder);
	free(r->holder_account);
	free(r->request_name);
	memset(r, 0, sizeof(*r));
}

void sess_role_free(struct session *s)
{
	role_copy_clear(&s->role);
}

/* Read the role; notices for what changed since the last read. */
void sess_role_read(struct session *s)
{
	struct store_role sr = { 0 };
	struct sess_role old = s->role, now = { 0 };
	struct error e;

	memset(&s->role, 0, sizeof(s->role));
	err_clear(&e);
	if (!s->ws || store_role_get(s->store, s->ws, s->presence_max_age, &sr,
				     &e) < 0) {
		s->role = old;
		return;
	}
	now.version = sr.version;
	now.holder = str_dup(sr.account ? (sr.name ? sr.name : sr.account)
			     : NULL);
	now.holder_account = str_dup(sr.account);
	now.mine = sr.mine && sr.account;
	now.present = sr.present;
	now.request_name = sr.request_account && !sr.requested_by_me
			   ? str_dup(sr.request_name ? sr.request_name
				     : sr.request_account) : NULL;
	now.requested_by_me = sr.requested_by_me;
	now.declined = sr.declined;
	store_role_clear(&sr);
	s->role = now;
	if (!s->role_read) {
		/* The first look says nothing: nothing changed yet. */
		s->role_read = true;
		role_copy_clear(&old);
		return;
	}
	if (now.mine && !old.mine && old.requested_by_me)
		sess_notice(s, "%s", _("the facilitator role is yours now: the others can follow you with F"));
	else if (now.mine && !old.mine)
		sess_notice(s, _("%s handed you the facilitator role: the others can follow you with F"),
			    old.holder ? old.holder : _("someone"));
	else if (!now.mine && old.mine)
		sess_notice(s, _("the facilitator role passed to %s"),
			    now.holder ? now.holder : _("nobody"));
	else if (now.declined && !old.declined && now.requested_by_me)
		sess_notice(s, _("%s said no: the facilitator role stays with them (:facilitate withdraw drops the request)"),
			    now.holder ? now.holder : "");
	else if (!str_eq(now.holder_account, old.holder_account) &&
		 now.holder && s->following)
		sess_notice(s, _("%s is the facilitator now: following them"),
			    now.holder);
	else if (old.present && !now.present && old.holder && s->following)
		sess_notice(s, _("the facilitator %s left: you stay here (F follows again when they are back)"),
			    old.holder);
	role_copy_clear(&old);
}

const struct sess_role *session_role(const struct session *s)
{
	return &s->role;
}

const char *session_facilitator(const struct session *s)
{
	return s->role.holder;
}

bool session_is_facilitator(const struct session *s)
{
	return s->role.mine;
}

bool session_who_facilitates(const struct session *s, const char *who)
{
	return s->role.holder && str_eq(who, s->role.holder);
}

/* A role call's status as a result (and the role read again). */
static int role_done(struct session *s, int rc, const struct error *e,
		     const char *ok_msg, struct sess_result *r)
{
	if (rc == ST_DENIED) {
		sess_refuse_msg(r, "%s", e->msg);
		r->code = rc;
	} else {
		sess_finish(s, rc, e, NULL, NULL, r);
		if (rc == ST_OK && ok_msg)
			snprintf(r->msg, sizeof(r->msg), "%s", ok_msg);
	}
	sess_role_read(s);
	s->notice[0] = '\0';    /* the result says it */
	return rc;
}

int session_take_role(struct session *s, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	sess_role_read(s);
	if (s->role.mine) {
		r->status = SESS_UNCHANGED;
		snprintf(r->msg, sizeof(r->msg), "%s",
			 _("you are already the facilitator"));
		return ST_OK;
	}
	err_clear(&e);
	if (!s->role.holder_account || !s->role.present) {
		rc = store_role_take(s->store, s->ws, s->role.version,
				     s->presence_max_age, &e);
		return role_done(s, rc, &e, _("you are the facilitator now: the others can follow you with F"),
				 r);
	}
	/* The holder is here: ask them. */
	rc = store_role_request(s->store, s->ws, s->role.version, &e);
	role_done(s, rc, &e, NULL, r);
	if (rc == ST_OK)
		snprintf(r->msg, sizeof(r->msg),
			 _("asked %s for the facilitator role: it passes when they say yes"),
			 s->role.holder ? s->role.holder : "");
	return rc;
}

int session_answer_role(struct session *s, bool yes, struct sess_result *r)
{
	struct error e;
	char who[256];
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	snprintf(who, sizeof(who), "%s",
		 s->role.request_name ? s->role.request_name : "");
	err_clear(&e);
	rc = store_role_answer(s->store, s->ws, s->role.version, yes, &e);
	role_done(s, rc, &e, NULL, r);
	if (rc == ST_OK)
		snprintf(r->msg, sizeof(r->msg), yes
			 ? _("%s is the facilitator now")
			 : _("you stay the facilitator; %s was told"), who);
	return rc;
}

int session_withdraw_role(struct session *s, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_role_withdraw(s->store, s->ws, s->role.version, &e);
	return role_done(s, rc, &e, _("request withdrawn"), r);
}

int session_hand_role(struct session *s, const char *to,
		      struct sess_result *r)
{
	struct presence_row *rows = NULL;
	const char *account = NULL;
	struct error e;
	size_t n = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	/* A name as shown (or an account) of someone present. */
	if (store_presence_rows(s->store, s->ws, s->presence_max_age, &rows,
				&n, &e) < 0)
		return role_done(s, e.code, &e, NULL, r);
	for (size_t i = 0; i < n && !account; i++)
		if (!rows[i].mine && rows[i].account &&
		    (str_eq(rows[i].who, to) || str_eq(rows[i].account, to)))
			account = rows[i].account;
	if (!account) {
		store_presence_rows_free(&rows, n);
		sess_refuse_msg(r, _("%s is not in this workshop now: the role goes only to someone here"),
				to);
		return ST_NOTFOUND;
	}
	rc = store_role_hand(s->store, s->ws, s->role.version, account,
			     s->presence_max_age, &e);
	role_done(s, rc, &e, NULL, r);
	if (rc == ST_OK)
		snprintf(r->msg, sizeof(r->msg),
			 _("handed the facilitator role to %s"), to);
	store_presence_rows_free(&rows, n);
	return rc;
}

int session_release_role(struct session *s, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_role_release(s->store, s->ws, s->role.version, &e);
	return role_done(s, rc, &e, _("you gave up the facilitator role: nobody holds it"),
			 r);
}

bool session_facilitator_position(struct session *s, char **screen,
				  char **selection)
{
	struct share_pos p;
	struct error e;

	*screen = *selection = NULL;
	if (!s->ws || !s->role.holder)
		return false;
	err_clear(&e);
	if (store_role_position(s->store, s->ws, s->presence_max_age, &p,
				&e) < 0)
		return false;
	*screen = str_dup(p.screen ? p.screen : "");
	*selection = str_dup(p.selection ? p.selection : "");
	share_pos_clear(&p);
	if (!*screen || !*selection) {
		free(*screen);
		free(*selection);
		*screen = *selection = NULL;
		return false;
	}
	return true;
}

/* Who is here, observers and every session of a name included. */
int session_presence(struct session *s, struct sess_presence **out,
		     size_t *n, struct error *e)
{
	struct presence_row *rows = NULL;
	struct sess_presence *list;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_presence_rows(s->store, s->ws, s->presence_max_age,
				      &rows, &count, e)) < 0)
		return rc;
	list = calloc(count ? count : 1, sizeof(*list));
	if (!list) {
		store_presence_rows_free(&rows, count);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < count; i++) {
		list[i].who = rows[i].who;
		list[i].account = rows[i].account;
		list[i].screen = rows[i].screen;
		rows[i].who = rows[i].account = rows[i].screen = NULL;
		list[i].last_seen = rows[i].last_seen;
		list[i].read_only = rows[i].read_only;
		list[i].facilitator = rows[i].facilitator;
		list[i].mine = rows[i].mine;
		list[i].editing = session_editing_words(s, rows[i].editing);
	}
	store_presence_rows_free(&rows, count);
	*out = list;
	*n = count;
	return ST_OK;
}

void session_presence_free(struct sess_presence **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++) {
		free((*list)[i].who);
		free((*list)[i].account);
		free((*list)[i].screen);
		free((*list)[i].editing);
	}
	free(*list);
	*list = NULL;
}

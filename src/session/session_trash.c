#include "config.h"
/*
 * session_trash: the trash as a participant sees it (store_trash.h does
 * the work): what is in it, whether I may move a workshop there, bringing
 * one back and purging one for good.  Permission goes by the Unix account;
 * a refusal says who may.
 */

#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_roles.h"
#include "store/store_trash.h"
#include "util/i18n.h"

/*
 * Who may destroy a workshop, short enough for the message line (the
 * store's refusal names the title too, for the command line): its
 * facilitator's and its creator's accounts, and mine.
 */
static char *who_may(struct session *s, const char *facilitator,
		     const char *creator, bool purge)
{
	const char *me = store_account(s->store);

	if (facilitator && creator && !str_eq(facilitator, creator))
		return str_printf(purge
			? _("only %s (its facilitator) or %s (its creator) may purge it; you are %s")
			: _("only %s (its facilitator) or %s (its creator) may delete it; you are %s"),
			facilitator, creator, me);
	if (facilitator)
		return str_printf(purge
			? _("only %s (its facilitator) may purge it; you are %s")
			: _("only %s (its facilitator) may delete it; you are %s"),
			facilitator, me);
	return str_printf(purge
		? _("only %s (its creator) may purge it; you are %s")
		: _("only %s (its creator) may delete it; you are %s"),
		creator ? creator : "?", me);
}

int session_trash_list(struct session *s, struct sess_trashed **out,
		       size_t *n, struct error *e)
{
	struct trashed *list = NULL;
	struct sess_trashed *v;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_trash_list(s->store, &list, &count, e)) < 0)
		return rc;
	v = calloc(count ? count : 1, sizeof(*v));
	if (!v) {
		store_trash_list_free(&list, count);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < count; i++) {
		v[i].id = list[i].id;
		v[i].deleted = list[i].deleted;
		v[i].may_purge = list[i].may_purge && !s->read_only;
		if (!list[i].may_purge &&
		    !(v[i].refusal = who_may(s, list[i].facilitator_account,
					     list[i].creator_account, true))) {
			store_trash_list_free(&list, count);
			session_trash_list_free(&v, i + 1);
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		}
		/* Taken over: the store's strings become the session's. */
		v[i].title = list[i].title;
		v[i].deleted_by = list[i].deleted_by;
		v[i].creator = list[i].creator_account;
		v[i].facilitator = list[i].facilitator_account;
		list[i].title = list[i].deleted_by = NULL;
		list[i].creator_account = list[i].facilitator_account = NULL;
	}
	store_trash_list_free(&list, count);
	*out = v;
	*n = count;
	return ST_OK;
}

void session_trash_list_free(struct sess_trashed **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++) {
		free((*list)[i].title);
		free((*list)[i].deleted_by);
		free((*list)[i].creator);
		free((*list)[i].facilitator);
		free((*list)[i].refusal);
	}
	free(*list);
	*list = NULL;
}

int session_workshop_may_delete(struct session *s, int64_t id,
				struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	rc = store_trash_may(s->store, id, &e);
	if (rc == ST_OK) {
		/* Only a question: nothing was written. */
		r->status = SESS_UNCHANGED;
		return ST_OK;
	}
	if (rc == ST_DENIED) {
		struct store_role role = { 0 };
		char *why = NULL;

		err_clear(&e);
		if (store_role_get(s->store, id, s->presence_max_age, &role,
				   &e) == ST_OK)
			why = who_may(s, role.account, role.creator_account,
				      false);
		store_role_clear(&role);
		if (why)
			sess_refuse_msg(r, "%s", why);
		free(why);
		if (why) {
			r->code = ST_DENIED;
			return ST_DENIED;
		}
		rc = store_trash_may(s->store, id, &e);
	}
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* A write of the trash on workshop id. */
static int trash_write(struct session *s, int64_t id,
		       int (*call)(struct store *, int64_t, struct error *),
		       struct sess_result *r)
{
	struct error e;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	return sess_finish(s, call(s->store, id, &e), &e, NULL, NULL, r);
}

int session_trash_restore(struct session *s, int64_t id,
			  struct sess_result *r)
{
	return trash_write(s, id, store_trash_restore, r);
}

int session_trash_purge(struct session *s, int64_t id, struct sess_result *r)
{
	return trash_write(s, id, store_trash_purge, r);
}

void sess_trash_notice(struct session *s, int64_t ws)
{
	struct trashed *list = NULL;
	struct error e;
	size_t n = 0;

	err_clear(&e);
	if (store_trash_list(s->store, &list, &n, &e) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == ws)
			sess_notice(s, _("%s moved “%s” to the trash · T shows the trash, r restores"),
				    list[i].deleted_by ? list[i].deleted_by : "?",
				    list[i].title);
	store_trash_list_free(&list, n);
}

#include "config.h"
/*
 * session_park_undo: u takes back the participant's parking-lot writes
 * like any other (session_undo.c): an item parked is removed again, an
 * edit of its text goes back to the text before, done and reopen go back,
 * an item taken into the roadmap's next steps comes out of them again
 * (open or done as it was), and a deleted item comes back as it was, with
 * who raised it and when.  As everywhere, only while the item still holds
 * what the write left: someone else's later change is never overwritten.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store_room.h"
#include "util/i18n.h"

/* A label quotes at most this many bytes of the item's text. */
#define LABEL_TEXT 60

static char *quoted(const char *fmt, const char *text)
{
	char cut[LABEL_TEXT + 8];
	size_t n = text ? strlen(text) : 0;

	if (n > LABEL_TEXT) {
		/* Back to the start of a UTF-8 character. */
		n = LABEL_TEXT;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
		snprintf(cut, sizeof(cut), "%.*s…", (int)n, text);
	} else {
		snprintf(cut, sizeof(cut), "%s", text ? text : "");
	}
	return str_printf(fmt, cut);
}

void sess_park_step(struct session *s, const char *what,
		    const struct park_item *p, int64_t id, const char *before,
		    const char *after)
{
	struct undo_step st = { .kind = UNDO_PARK, .table = "parking",
				.field = (char *)what, .id = id,
				.before = (char *)before,
				.after = (char *)after };
	const char *text = p ? p->text : after;
	char *label;

	if (str_eq(what, "add"))
		label = quoted(_("parking “%s”"), text);
	else if (str_eq(what, "text"))
		label = quoted(_("the edit of the parking-lot item “%s”"), text);
	else if (str_eq(what, "take"))
		label = quoted(_("taking “%s” into the next steps"), text);
	else if (str_eq(what, "delete"))
		label = quoted(_("the deletion of the parking-lot item “%s”"),
			       text);
	else if (str_eq(after, park_status_id(PARK_DONE)))
		label = quoted(_("marking “%s” done"), text);
	else
		label = quoted(_("reopening “%s”"), text);
	if (!label)
		return;
	st.label = label;
	if (str_eq(what, "delete")) {
		struct park_item *keep;

		/* The item as it was goes with the step (undo_push owns it). */
		if (!p || !(st.part = wsdata_new()) ||
		    !(keep = wsdata_add_park(st.part)) ||
		    !(keep->text = str_dup(p->text)) ||
		    (p->added_by && !(keep->added_by = str_dup(p->added_by))) ||
		    (p->next_step && !(keep->next_step = str_dup(p->next_step)))) {
			wsdata_free(&st.part);
			free(label);
			return;
		}
		keep->id = p->id;
		keep->added_at = p->added_at;
		keep->status = p->status;
	}
	undo_push(s, &st);
	free(label);
}

/* The item now (the data read afresh), or refuse. */
static const struct park_item *still_there(struct session *s, int64_t id,
					   struct sess_result *r)
{
	const struct park_item *p;

	session_sync(s);
	p = s->d ? wsdata_park(s->d, id) : NULL;
	if (!p)
		sess_refuse_msg(r, "%s", _("not undone: it was deleted meanwhile"));
	return p;
}

static int changed_since(struct sess_result *r, const struct park_item *p)
{
	sess_refuse_msg(r, _("not undone: the parking-lot item changed since (now “%s”, %s)"),
			p->text ? p->text : "", park_status_label(p->status));
	return ST_CONFLICT;
}

int sess_park_undo(struct session *s, const struct undo_step *st,
		   struct sess_result *r)
{
	const struct park_item *p;
	enum park_status want, back;
	struct error e;
	int rc;

	err_clear(&e);
	if (str_eq(st->field, "delete")) {
		if (!st->part || !st->part->n_parking)
			return ST_ERROR;
		rc = store_park_restore(s->store, s->ws, &st->part->parking[0],
					&e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	}
	if (!(p = still_there(s, st->id, r)))
		return ST_NOTFOUND;
	if (str_eq(st->field, "add")) {
		if (!str_eq(p->text, st->after) || p->status != PARK_OPEN)
			return changed_since(r, p);
		return session_park_delete(s, st->id, p->version, r);
	}
	if (str_eq(st->field, "text")) {
		if (!str_eq(p->text, st->after))
			return changed_since(r, p);
		return session_park_edit(s, st->id, p->version, st->before, NULL,
					 r);
	}
	if (park_status_from_id(st->after, &want) < 0 ||
	    park_status_from_id(st->before, &back) < 0)
		return ST_ERROR;
	if (p->status != want)
		return changed_since(r, p);
	if (str_eq(st->field, "take")) {
		rc = store_park_untake(s->store, st->id, p->version, back, &e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	}
	if (back == PARK_ROADMAP) {
		/* Reopened or done after it was taken: its step is still in
		 * the list, so it is marked taken without a second one. */
		rc = store_park_retaken(s->store, st->id, p->version, &e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	}
	return back == PARK_DONE ? session_park_done(s, st->id, r)
				 : session_park_reopen(s, st->id, r);
}

#include "config.h"
/*
 * modal: the stack of editors, pickers, dialogs and overlays over the
 * screens, the message line, and how the outcome of a session write is
 * shown.  Opening an editor on a field first offers back a draft that a
 * failed save or a dropped connection left of it.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/keys.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- messages ---------------------------------------------------------- */
void app_msg(struct app *a, enum msg_kind k, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof(a->msg), fmt, ap);
	va_end(ap);
	a->msg_kind = k;
}

void app_error(struct app *a, const struct error *e)
{
	char buf[1200];

	err_format(e, buf, sizeof(buf));
	if (e->code == ST_READONLY)
		app_msg(a, MSG_ERROR, _("read-only: %s"), buf);
	else
		app_msg(a, MSG_ERROR, "%s", buf);
}

void app_undo(struct app *a)
{
	struct sess_result r = { 0 };

	if (!session_can_undo(a->s)) {
		app_msg(a, MSG_INFO, "%s", _("nothing of yours to undo in this session (H shows the history)"));
		return;
	}
	session_undo(a->s, &r);
	app_result(a, &r, NULL);
	sess_result_clear(&r);
}

bool app_result(struct app *a, const struct sess_result *r,
		const char *ok_fmt, ...)
{
	va_list ap;

	switch (r->status) {
	case SESS_SAVED:
	case SESS_UNCHANGED:
		if (ok_fmt) {
			va_start(ap, ok_fmt);
			vsnprintf(a->msg, sizeof(a->msg), ok_fmt, ap);
			va_end(ap);
			a->msg_kind = MSG_OK;
		} else if (r->msg[0]) {
			app_msg(a, MSG_INFO, "%s", r->msg);
		}
		return true;
	case SESS_CONFLICT:
		app_msg(a, MSG_WARN, r->draft_kept
			? _("conflict: %s — the screen shows their version; yours is kept as a draft: edit it again to get it back")
			: _("conflict: %s — the screen now shows their version"),
			r->msg);
		return false;
	case SESS_BUSY:
		app_msg(a, MSG_WARN, "%s", r->draft_kept
			? _("not saved: the database is busy (someone else is saving); what you typed is kept as a draft: edit again to save it")
			: _("not saved: the database is busy (someone else is saving); try again in a moment"));
		return false;
	case SESS_REFUSED:
		app_msg(a, MSG_ERROR, "%s", r->msg);
		return false;
	case SESS_FAILED:
		app_msg(a, MSG_ERROR, r->draft_kept
			? _("not saved: %s — what you typed is kept as a draft")
			: _("not saved: %s"), r->msg);
		return false;
	}
	return false;
}

bool app_refuse_readonly(struct app *a)
{
	if (!app_read_only(a))
		return false;
	app_msg(a, MSG_ERROR, "%s",
		_("read-only: this database was opened read-only; nothing can be changed"));
	return true;
}

/* ---- the stack ---------------------------------------------------------- */
void modal_free(struct modal *m)
{
	if (!m)
		return;
	if (m->ops && m->ops->free)
		m->ops->free(m);
	if (m->ctx_free)
		m->ctx_free(m->ctx);
	free(m->draft_where);
	free(m->base);
	free(m->key);
	free(m);
}

void app_push(struct app *a, struct modal *m)
{
	if (!m) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	if (a->n_modals == APP_MAX_MODALS) {
		modal_free(m);
		return;
	}
	a->modals[a->n_modals++] = m;
}

bool app_has_modal(const struct app *a)
{
	return a->n_modals > 0;
}

void app_remove_modal(struct app *a, struct modal *m)
{
	for (size_t i = 0; i < a->n_modals; i++) {
		if (a->modals[i] != m)
			continue;
		memmove(&a->modals[i], &a->modals[i + 1],
			(a->n_modals - i - 1) * sizeof(a->modals[0]));
		a->n_modals--;
		modal_free(m);
		return;
	}
}

/* ---- drafts ------------------------------------------------------------ */
void app_draft_done(struct app *a, const char *where)
{
	session_draft_drop(a->s, where);
}

/* An edit waiting for the answer to "restore the draft?": a copy of the
 * request with its strings. */
struct pending_edit {
	struct edit_req r;
	char *where, *title, *init, *hint, *key, *draft;
};

static void pending_free(void *p)
{
	struct pending_edit *pe = p;

	if (!pe)
		return;
	free(pe->where);
	free(pe->title);
	free(pe->init);
	free(pe->hint);
	free(pe->key);
	free(pe->draft);
	if (pe->r.ctx_free)
		pe->r.ctx_free(pe->r.ctx);
	free(pe);
}

static void open_editor(struct app *a, const struct edit_req *r,
			const char *text)
{
	struct modal *m = r->multi
		? textedit_new(r->title, text, r->hint, r->done)
		: lineedit_new(r->title, text, r->hint, r->done);

	if (!m) {
		if (r->ctx_free)
			r->ctx_free(r->ctx);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->ctx = r->ctx;
	m->ctx_free = r->ctx_free;
	m->scope = r->multi ? SC_TEXT : SC_EDIT;
	m->id = r->id;
	m->version = r->version;
	m->kind = r->kind;
	m->key = str_dup(r->key);
	m->draft_where = str_dup(r->where);
	m->base = str_dup(r->init ? r->init : "");
	app_push(a, m);
}

static bool draft_offer_done(struct app *a, struct modal *m, bool ok)
{
	struct pending_edit *pe = m->ctx;

	open_editor(a, &pe->r, ok ? pe->draft : pe->r.init);
	/* The editor owns the context now. */
	pe->r.ctx = NULL;
	pe->r.ctx_free = NULL;
	app_draft_done(a, pe->r.where);
	if (ok)
		app_msg(a, MSG_INFO, "%s", _("draft restored: save it or press Esc to drop it"));
	return true;
}

void app_edit(struct app *a, const struct edit_req *r)
{
	struct pending_edit *pe;
	char *draft = NULL;
	struct modal *m;

	/* An editor opened by a key that is not marked as editing (Enter on
	 * a field, say) is refused in the presenter view too. */
	if (a->presenting) {
		app_msg(a, MSG_WARN, "%s", _(PRESENTER_REFUSED));
		if (r->ctx_free)
			r->ctx_free(r->ctx);
		return;
	}
	if (!r->where ||
	    session_draft_get(a->s, r->where, r->init, &draft) < 0 || !draft) {
		open_editor(a, r, r->init);
		return;
	}
	pe = calloc(1, sizeof(*pe));
	if (!pe) {
		free(draft);
		open_editor(a, r, r->init);
		return;
	}
	/* From here pe owns the request's context. */
	pe->r = *r;
	pe->r.where = pe->where = str_dup(r->where);
	pe->r.title = pe->title = str_dup(r->title);
	pe->r.init = pe->init = str_dup(r->init ? r->init : "");
	pe->r.hint = pe->hint = str_dup(r->hint);
	pe->r.key = pe->key = str_dup(r->key);
	pe->draft = draft;
	m = confirm_new(_("Draft found"),
			_("An unsaved draft of this field was kept (Esc, a failed save or a lost connection). Restore it?"),
			draft_offer_done);
	if (!m) {
		pending_free(pe);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->scope = SC_DIALOG;
	m->ctx = pe;
	m->ctx_free = pending_free;
	app_push(a, m);
}

void app_confirm(struct app *a, const struct confirm_req *r)
{
	struct modal *m = confirm_new(r->title, r->question ? r->question : "",
				      r->done);

	if (m) {
		m->scope = SC_DIALOG;
		m->id = r->id;
		m->version = r->version;
		m->key = str_dup(r->key);
		m->kind = r->kind;
		m->ctx = r->ctx;
		m->ctx_free = r->ctx_free;
	} else if (r->ctx_free) {
		r->ctx_free(r->ctx);
	}
	app_push(a, m);
}

#include "config.h"
/*
 * tui: the terminal application's life cycle and event loop.  Owns the
 * terminal (newterm, so an unknown TERM is reported, not fatal), the input
 * (keyboard with a timeout, or a key script for tests), signals (handlers
 * only set a flag), the layout (title bar, tabs, body, message line, status
 * bar), live refresh (PRAGMA data_version polled while idle) and presence.
 */

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content/content.h"
#include "model/model.h"
#include "store/store.h"
#include "store/store_share.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/script.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/shared.h"
#include "util/str.h"
#include "util/utf8.h"

/* Signal handlers may only set these (nothing else is async-safe). */
static volatile sig_atomic_t got_hangup;
static volatile sig_atomic_t got_term;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hangup = 1;
	else
		got_term = 1;
}

#define POLL_MS 250
#define BEAT_SECONDS 5
#define PRESENCE_MAX_AGE 15

/* A number of seconds from the environment (tests), else the default. */
static int env_seconds(const char *name, int def)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return def;
	n = strtol(v, &end, 10);
	return *end || n < 1 || n > 3600 ? def : (int)n;
}

static double now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- messages ---------------------------------------------------------- */
void app_msg(struct app *a, enum msg_kind k, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof(a->msg), fmt, ap);
	va_end(ap);
	a->msg_kind = k;
}

/*
 * An editor whose done callback is saving and failed: keep what was typed
 * as a draft of the field, so the next edit offers it back (screens that
 * do not use app_save_field yet close their editor on any error).
 */
static bool keep_typed(struct app *a)
{
	struct modal *m = a->finishing;
	struct error e;
	char *t;
	int rc;

	if (!m || !m->draft_where || !m->ops->draft || a->read_only || !a->ws)
		return false;
	t = m->ops->draft(m);
	err_clear(&e);
	rc = t ? store_draft_save(a->store, a->ws, m->draft_where, t, &e) : -1;
	free(t);
	return rc == 0;
}

void app_error(struct app *a, const struct error *e)
{
	char buf[1200];
	bool kept;

	err_format(e, buf, sizeof(buf));
	switch (e->code) {
	case ST_CONFLICT:
		kept = keep_typed(a);
		app_reload(a);
		app_msg(a, MSG_WARN, kept
			? _("conflict: %s — the screen shows their version; yours is kept as a draft: edit it again to get it back")
			: _("conflict: %s — the screen now shows their version"),
			e->msg);
		break;
	case ST_BUSY:
		kept = keep_typed(a);
		app_msg(a, MSG_WARN, "%s", kept
			? _("not saved: the database is busy (someone else is saving); what you typed is kept as a draft: edit again to save it")
			: _("not saved: the database is busy (someone else is saving); try again in a moment"));
		break;
	case ST_READONLY:
		app_msg(a, MSG_ERROR, _("read-only: %s"), buf);
		break;
	default:
		app_msg(a, MSG_ERROR, "%s", buf);
		break;
	}
}

bool app_refuse_readonly(struct app *a)
{
	if (!a->read_only)
		return false;
	app_msg(a, MSG_ERROR, "%s",
		_("read-only: this database was opened read-only; nothing can be changed"));
	return true;
}

/* ---- modals ------------------------------------------------------------ */
void modal_free(struct modal *m)
{
	if (!m)
		return;
	if (m->ops && m->ops->free)
		m->ops->free(m);
	free(m->draft_where);
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

static void finish_modal(struct app *a, struct modal *m, bool ok)
{
	struct modal *outer = a->finishing;
	bool close;

	/* While done runs, app_error and app_save_field know whose text it
	 * is (to keep it as a draft or hand it to the conflict dialog). */
	a->finishing = m;
	close = m->done ? m->done(a, m, ok) : true;
	a->finishing = outer;

	if (close)
		app_remove_modal(a, m);
}

/* ---- drafts ------------------------------------------------------------ */
void app_draft_done(struct app *a, const char *where)
{
	struct error e;

	if (!where || a->read_only)
		return;
	err_clear(&e);
	store_draft_delete(a->store, a->ws, where, &e);
}

static void pending_clear(struct app *a)
{
	free(a->pending_where);
	free(a->pending_title);
	free(a->pending_init);
	free(a->pending_hint);
	free(a->pending_key);
	free(a->pending_draft);
	a->pending_where = a->pending_title = a->pending_init = NULL;
	a->pending_hint = a->pending_key = a->pending_draft = NULL;
	memset(&a->pending, 0, sizeof(a->pending));
}

static void open_editor(struct app *a, const struct edit_req *r,
			const char *text)
{
	struct modal *m = r->multi
		? textedit_new(r->title, text, r->hint, r->done)
		: lineedit_new(r->title, text, r->hint, r->done);

	if (!m) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->scope = r->multi ? SC_TEXT : SC_EDIT;
	m->id = r->id;
	m->version = r->version;
	m->kind = r->kind;
	m->key = str_dup(r->key);
	m->draft_where = str_dup(r->where);
	app_push(a, m);
}

static bool draft_offer_done(struct app *a, struct modal *m, bool ok)
{
	(void)m;
	open_editor(a, &a->pending, ok ? a->pending_draft : a->pending.init);
	app_draft_done(a, a->pending.where);
	if (ok)
		app_msg(a, MSG_INFO, "%s", _("draft restored: save it or press Esc to drop it"));
	pending_clear(a);
	return true;
}

void app_edit(struct app *a, const struct edit_req *r)
{
	char *draft = NULL;
	struct error e;
	struct modal *m;

	err_clear(&e);
	if (r->where && a->ws &&
	    store_draft_get(a->store, a->ws, r->where, &draft, &e) == 0 &&
	    draft && strcmp(draft, r->init ? r->init : "") != 0) {
		pending_clear(a);
		a->pending = *r;
		a->pending_where = str_dup(r->where);
		a->pending_title = str_dup(r->title);
		a->pending_init = str_dup(r->init ? r->init : "");
		a->pending_hint = str_dup(r->hint);
		a->pending_key = str_dup(r->key);
		a->pending_draft = draft;
		a->pending.where = a->pending_where;
		a->pending.title = a->pending_title;
		a->pending.init = a->pending_init;
		a->pending.hint = a->pending_hint;
		a->pending.key = a->pending_key;
		m = confirm_new(_("Draft found"),
				_("An unsaved draft of this field was kept when a session ended. Restore it?"),
				draft_offer_done);
		if (m)
			m->scope = SC_DIALOG;
		app_push(a, m);
		return;
	}
	free(draft);
	open_editor(a, r, r->init);
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
	}
	app_push(a, m);
}

/* ---- workshop data ----------------------------------------------------- */
static void refresh_screens(struct app *a)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (a->opened[i] && tui_screens[i].ops->refresh)
			(tui_screens[i].ops->refresh)(a, a->state[i]);
}

static void close_screens(struct app *a, bool all)
{
	for (size_t i = 0; i < tui_n_screens; i++) {
		if (!a->opened[i] || (!all && !tui_screens[i].needs_workshop))
			continue;
		if (tui_screens[i].ops->close)
			tui_screens[i].ops->close(a, a->state[i]);
		a->state[i] = NULL;
		a->opened[i] = false;
	}
}

int app_reload(struct app *a)
{
	struct error e;
	int64_t v = 0;

	err_clear(&e);
	if (store_data_version(a->store, &v, &e) == 0)
		a->data_version = v;
	if (store_share_stamp(a->store, &v, &e) == 0)
		a->stamp = v;
	if (a->ws) {
		struct workshop_data *d = NULL;
		int rc = store_workshop_load(a->store, a->ws, &d, &e);

		if (rc == ST_NOTFOUND) {
			app_close_workshop(a);
			app_msg(a, MSG_WARN, "%s", _("the workshop was deleted by someone else"));
			refresh_screens(a);
			return rc;
		}
		if (rc < 0) {
			app_msg(a, MSG_ERROR, "%s", e.msg);
			return rc;
		}
		wsdata_free(&a->d);
		a->d = d;
		a->tpl = a->k ? knowledge_template(a->k, d->ws.template_name)
			      : NULL;
	}
	follow_reloaded(a);
	refresh_screens(a);
	return ST_OK;
}

static size_t screen_index(int number)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (tui_screens[i].number == number)
			return i;
	return (size_t)-1;
}

/* Who else is here, for the title bar. */
static void presence_read(struct app *a)
{
	struct participant *ps = NULL;
	struct buf b;
	struct error e;
	size_t n = 0;
	const char *me = store_who(a->store);

	err_clear(&e);
	free(a->present);
	a->present = NULL;
	if (!a->ws || store_presence_list(a->store, a->ws, a->presence_max_age,
					  &ps, &n, &e) < 0)
		return;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (str_eq(ps[i].name, me))
			continue;
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, ps[i].name);
	}
	store_presence_list_free(&ps, n);
	a->present = b.len ? buf_detach(&b) : NULL;
	buf_free(&b);
}

static void presence_beat(struct app *a)
{
	app_presence_beat(a);
	presence_read(a);
}

static bool open_screen(struct app *a, size_t i)
{
	if (a->opened[i])
		return true;
	if (tui_screens[i].ops->open &&
	    tui_screens[i].ops->open(a, &a->state[i]) < 0) {
		app_msg(a, MSG_ERROR, _("cannot open the %s screen"),
			_(tui_screens[i].title));
		return false;
	}
	a->opened[i] = true;
	return true;
}

/*
 * A workshop's stage is the furthest workflow screen anyone has worked on:
 * moving forward to screen N (2 = interview ... 9 = roadmap) records it,
 * so the list, the title and the next opening show where the room is.
 * Going back never lowers it.  Observers record nothing.
 */
static void advance_stage(struct app *a, int number)
{
	enum stage st = (enum stage)(number - 2);
	struct error e;
	int64_t version;

	if (a->read_only || !a->d || number < 2 || number > 9 ||
	    st <= a->d->ws.stage)
		return;
	err_clear(&e);
	version = a->d->ws.version;
	/* A lost race (someone moved the stage meanwhile) is harmless:
	 * the reload shows theirs. */
	if (store_update(a->store, "workshop", a->ws, "stage", stage_id(st),
			 version, NULL, &e) == ST_OK ||
	    e.code == ST_CONFLICT)
		app_reload(a);
}

bool app_goto(struct app *a, int number)
{
	size_t i = screen_index(number);

	if (i == (size_t)-1)
		return false;
	if (tui_screens[i].needs_workshop && !a->ws) {
		app_msg(a, MSG_WARN, "%s", _("open a workshop first (Enter on the list)"));
		return false;
	}
	if (!open_screen(a, i))
		return false;
	if (a->cur != i) {
		a->cur = i;
		presence_beat(a);
	}
	advance_stage(a, number);
	return true;
}

void app_close_workshop(struct app *a)
{
	follow_free(a);
	close_screens(a, false);
	wsdata_free(&a->d);
	a->ws = 0;
	a->tpl = NULL;
	a->cur = screen_index(1);
}

int app_open_workshop(struct app *a, int64_t id, int screen)
{
	int rc;
	int64_t old = a->ws;

	if (old != id)
		close_screens(a, false);
	a->ws = id;
	rc = app_reload(a);
	if (rc < 0) {
		a->ws = old ? old : 0;
		if (!old)
			wsdata_free(&a->d);
		return rc;
	}
	if (screen == 0) {
		/* Open where the workshop stands: the screen of its stage. */
		int st = (int)a->d->ws.stage;

		screen = st >= (int)STAGE_DONE ? 2 : st + 2;
		if (screen_index(screen) == (size_t)-1)
			screen = 2;
	}
	if (!app_goto(a, screen))
		app_goto(a, 1);
	presence_beat(a);
	follow_workshop_opened(a);
	return ST_OK;
}

/* ---- input and dispatch ------------------------------------------------ */
static struct list *cur_list(struct app *a)
{
	const struct screen_def *sd = &tui_screens[a->cur];

	if (!a->opened[a->cur] || !sd->ops->list ||
	    (sd->needs_workshop && !a->d))
		return NULL;
	return sd->ops->list(a, a->state[a->cur]);
}

static void search_changed(struct app *a, struct modal *m)
{
	struct list *l = cur_list(a);

	if (!l)
		return;
	l->sel = (size_t)m->id;
	if (!list_search_set(l, edit_text(m)))
		app_msg(a, MSG_WARN, _("no match for “%s”"), edit_text(m));
	else
		a->msg[0] = '\0';
}

static bool search_done(struct app *a, struct modal *m, bool ok)
{
	struct list *l = cur_list(a);

	if (!l)
		return true;
	if (!ok || !*edit_text(m)) {
		l->sel = (size_t)m->id;
		list_search_set(l, NULL);
		list_scroll(l, l->height);
		a->msg[0] = '\0';
		return true;
	}
	if (list_search_set(l, edit_text(m)))
		app_msg(a, MSG_INFO, _("search “%s”: n next, N previous, Esc ends"),
			edit_text(m));
	return true;
}

static void start_search(struct app *a, struct list *l)
{
	struct modal *m = lineedit_new(_("Search"), l->search ? l->search : "",
				       _("type to search · Enter keep · Esc cancel"),
				       search_done);

	if (!m)
		return;
	m->scope = SC_EDIT;
	m->id = (int64_t)l->sel;
	m->changed = search_changed;
	app_push(a, m);
}

static bool prompt_done(struct app *a, struct modal *m, bool ok)
{
	char *line;

	if (!ok)
		return true;
	line = str_dup(edit_text(m));
	/* The prompt closes first: a command may open its own modal. */
	app_remove_modal(a, m);
	if (line)
		app_command(a, line);
	free(line);
	return false;
}

static void next_screen(struct app *a, int dir)
{
	size_t n = tui_n_screens, i = a->cur;

	for (size_t k = 0; k < n; k++) {
		i = (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
		i %= n;
		if (tui_screens[i].number > 0 &&
		    (!tui_screens[i].needs_workshop || a->ws)) {
			app_goto(a, tui_screens[i].number);
			return;
		}
	}
}

/*
 * The user moves to another screen: the last message belonged to the
 * screen left behind ("added R4: e sets the owner" means nothing on the
 * metrics screen), so it goes; moving on your own also ends follow mode.
 */
static void leave_screen(struct app *a)
{
	a->msg[0] = '\0';
	follow_stop(a, NULL);
}

static void handle_global(struct app *a, enum action act, int key)
{
	struct modal *m;

	switch (act) {
	case A_QUIT:
		a->quit = true;
		break;
	case A_HELP:
		app_help(a);
		break;
	case A_PROMPT:
		m = lineedit_new(":", "", _("export FORMAT · goto N · who · history · help · quit"),
				 prompt_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		break;
	case A_NEXT_SCREEN:
		leave_screen(a);
		next_screen(a, 1);
		break;
	case A_PREV_SCREEN:
		leave_screen(a);
		next_screen(a, -1);
		break;
	case A_GOTO:
		leave_screen(a);
		app_goto(a, key - '0');
		break;
	case A_FOLLOW:
		follow_toggle(a);
		break;
	case A_HISTORY:
		leave_screen(a);
		app_goto(a, 0);
		break;
	case A_REDRAW:
		clearok(curscr, TRUE);
		break;
	case A_CANCEL:
		a->msg[0] = '\0';
		break;
	default:
		break;
	}
}

static void handle_mouse(struct app *a)
{
	if (a->mouse_y == 1) {
		int n = app_tab_at(a, a->mouse_x);

		if (n) {
			leave_screen(a);
			app_goto(a, n);
		}
	}
}

static void dispatch(struct app *a, int key)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	void *st = a->state[a->cur];
	struct list *l = cur_list(a);
	enum action act;
	char nm[32];

	if (key == TK_FN(KEY_MOUSE)) {
		handle_mouse(a);
		return;
	}
	if (l && l->search) {
		if (key == TK_ESC) {
			list_search_set(l, NULL);
			a->msg[0] = '\0';
			return;
		}
		act = keys_lookup(SC_SEARCH, key);
		if (act != A_NONE) {
			if (!list_search_step(l, act == A_SEARCH_NEXT ? 1 : -1))
				app_msg(a, MSG_WARN, _("no match for “%s”"), l->search);
			return;
		}
	}
	if (a->opened[a->cur] && (!sd->needs_workshop || a->d)) {
		/* The sub-view's scope first, then the screen's own. */
		enum scope scs[2] = { sd->scope, sd->scope };

		if (sd->ops->scope)
			scs[0] = sd->ops->scope(a, st);
		for (int i = 0; i < (scs[0] == scs[1] ? 1 : 2); i++) {
			const struct keydef *kd;

			act = keys_lookup(scs[i], key);
			if (act == A_NONE)
				continue;
			kd = keys_def(scs[i], act);
			if (kd && kd->edits && app_refuse_readonly(a))
				return;
			a->key = key;
			if (sd->ops->key && sd->ops->key(a, st, act))
				return;
		}
	}
	act = keys_lookup(SC_NAV, key);
	if (act != A_NONE && l) {
		/* Moving on your own ends follow mode. */
		follow_stop(a, NULL);
		if (act == A_SEARCH)
			start_search(a, l);
		else
			list_nav(l, act);
		return;
	}
	act = keys_lookup(SC_GLOBAL, key);
	if (act != A_NONE) {
		handle_global(a, act, key);
		return;
	}
	key_describe(key, nm, sizeof(nm));
	app_msg(a, MSG_WARN, _("%s does nothing here (? shows the keys)"), nm);
}

static void check_size(struct app *a)
{
	a->rows = LINES;
	a->cols = COLS;
	a->too_small = a->rows < APP_MIN_H || a->cols < APP_MIN_W;
}

static void handle_key(struct app *a, int key)
{
	if (key == TK_FN(KEY_RESIZE)) {
		check_size(a);
		clearok(curscr, TRUE);
		return;
	}
	if (a->too_small) {
		/* Nothing fits: only quitting works until it grows. */
		if (keys_lookup(SC_GLOBAL, key) == A_QUIT && !a->n_modals)
			a->quit = true;
		return;
	}
	if (a->n_modals) {
		struct modal *m = a->modals[a->n_modals - 1];
		enum modal_result r = m->ops->key(m, a, key);

		if (r == MODAL_CONTINUE) {
			if (m->changed)
				m->changed(a, m);
		} else {
			finish_modal(a, m, r == MODAL_OK);
		}
		return;
	}
	dispatch(a, key);
}

/* Save the field being edited as a draft, so a dropped connection loses
 * nothing; called before leaving on a hang-up or SIGTERM. */
static void save_drafts(struct app *a)
{
	for (size_t i = a->n_modals; i-- > 0; ) {
		struct modal *m = a->modals[i];
		struct error e;
		char *t;

		if (!m->draft_where || !m->ops->draft || a->read_only)
			continue;
		t = m->ops->draft(m);
		err_clear(&e);
		if (t)
			store_draft_save(a->store, a->ws, m->draft_where, t, &e);
		free(t);
	}
}

/*
 * Idle work: other users' commits and the presence heartbeat.  Any commit
 * changes data_version, heartbeats included; only a new audit row (an
 * edit) reloads the workshop, so the screens, their cursors and any open
 * editor stay as they are while people merely move around.
 */
static void tick(struct app *a)
{
	struct error e;
	int64_t v = 0, stamp = 0;

	err_clear(&e);
	if (store_data_version(a->store, &v, &e) == 0 && v != a->data_version) {
		a->data_version = v;
		if (store_share_stamp(a->store, &stamp, &e) < 0 ||
		    stamp != a->stamp)
			app_reload(a);
		presence_read(a);
	}
	if (!a->script && now_mono() - a->last_beat >= a->beat_seconds) {
		a->last_beat = now_mono();
		presence_beat(a);
	}
	follow_tick(a);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/*
 * Commands only scripts have, for tests with two processes on one
 * database: ":idle MS" waits as the idle loop does (polling, so live
 * refresh and follow mode run); ":signal NAME" creates the file
 * NAME.sync in the current folder; ":wait NAME" waits for
 * it (60 s at most) without polling the database; ":until TEXT" idles
 * until the screen shows TEXT (30 s at most), so a test on a loaded
 * machine waits for what it checks instead of for a fixed time.
 */
static bool script_command(struct app *a, const char *cmd)
{
	char name[200];
	long ms;

	if (sscanf(cmd, "idle %ld", &ms) == 1) {
		for (long t = 0; t < ms; t += POLL_MS) {
			sleep_ms(ms - t < POLL_MS ? ms - t : POLL_MS);
			tick(a);
		}
		return true;
	}
	if (strncmp(cmd, "until ", 6) == 0) {
		struct buf b;
		bool seen = false;

		buf_init(&b);
		for (long t = 0; t < 30000 && !seen; t += POLL_MS) {
			app_draw(a);
			b.len = 0;
			draw_screen_text(&b);
			seen = strstr(buf_str(&b), cmd + 6) != NULL;
			if (!seen) {
				sleep_ms(POLL_MS);
				tick(a);
			}
		}
		buf_free(&b);
		if (!seen)
			app_msg(a, MSG_ERROR, "timed out waiting for \"%s\"", cmd + 6);
		return true;
	}
	if (sscanf(cmd, "signal %199s", name) == 1) {
		char *path = str_printf("%s.sync", name);
		FILE *f = path ? fopen(path, "w") : NULL;

		if (!f || fclose(f) != 0)
			app_msg(a, MSG_ERROR, "cannot create %s", path ? path : name);
		free(path);
		return true;
	}
	if (sscanf(cmd, "wait %199s", name) == 1) {
		char *path = str_printf("%s.sync", name);
		int i = 0;

		while (path && access(path, F_OK) != 0 && i++ < 2400)
			sleep_ms(25);
		if (!path || access(path, F_OK) != 0)
			app_msg(a, MSG_ERROR, "timed out waiting for %s", name);
		free(path);
		return true;
	}
	return false;
}

static int run_script_event(struct app *a, const struct sevent *ev)
{
	switch (ev->kind) {
	case SEV_KEY:
		handle_key(a, ev->key);
		break;
	case SEV_COMMAND:
		if (!script_command(a, ev->command))
			app_command(a, ev->command);
		break;
	case SEV_RESIZE:
		resizeterm(ev->b, ev->a);
		handle_key(a, TK_FN(KEY_RESIZE));
		break;
	case SEV_SIGNAL:
		raise(ev->a);
		break;
	case SEV_CLICK:
		a->mouse_x = ev->a;
		a->mouse_y = ev->b;
		handle_key(a, TK_FN(KEY_MOUSE));
		break;
	}
	return 0;
}

/* One key from the terminal, or 0 after a timeout; -1 when input is gone. */
static int read_key(struct app *a, int *fast_errors)
{
	wint_t wc;
	double t0 = now_mono();
	int r = wget_wch(stdscr, &wc);

	if (r == ERR) {
		/* A timeout takes ~POLL_MS; an immediate ERR over and over is
		 * a dead terminal (EOF after an SSH drop): do not spin. */
		if (now_mono() - t0 < POLL_MS / 4000.0) {
			if (++*fast_errors >= 5)
				return -1;
		} else {
			*fast_errors = 0;
		}
		return 0;
	}
	*fast_errors = 0;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_MOUSE) {
			MEVENT me;

			if (getmouse(&me) != OK ||
			    !(me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
				return 0;
			a->mouse_x = me.x;
			a->mouse_y = me.y;
		}
		return TK_FN((int)wc);
	}
	return (int)wc;
}

static void run_loop(struct app *a)
{
	int fast_errors = 0;

	while (!a->quit) {
		int key;

		if (got_hangup || got_term) {
			save_drafts(a);
			break;
		}
		app_draw(a);
		refresh();
		if (a->script) {
			const struct sevent *ev = script_next(a->script);

			if (!ev)
				break;
			tick(a);
			run_script_event(a, ev);
			continue;
		}
		key = read_key(a, &fast_errors);
		if (key < 0) {
			save_drafts(a);
			break;
		}
		if (key == 0) {
			tick(a);
			continue;
		}
		handle_key(a, key);
	}
}

/* ---- start and stop ----------------------------------------------------- */
static SCREEN *start_terminal(struct app *a, FILE **out, FILE **in)
{
	const char *term = getenv("TERM");
	SCREEN *sc = NULL;

	*out = *in = NULL;
	if (a->no_display) {
		static const char *const fallbacks[] = {
			"xterm-256color", "xterm", "vt100", "ansi"
		};

		*out = fopen("/dev/null", "w");
		*in = fopen("/dev/null", "r");
		if (!*out || !*in)
			return NULL;
		for (size_t i = 0; !sc && i < 4; i++)
			sc = newterm(fallbacks[i], *out, *in);
		return sc;
	}
	if (!term || !*term)
		term = "";
	if (!isatty(STDOUT_FILENO) && !a->script) {
		fprintf(stderr, "charrette: %s\n",
			_("the terminal interface needs a terminal (see charrette --help for the verbs)"));
		return NULL;
	}
	sc = *term ? newterm(term, stdout, stdin) : NULL;
	if (sc) {
		const char *cup = tigetstr("cup");

		if (!cup || cup == (char *)-1) {
			endwin();
			delscreen(sc);
			sc = NULL;
		}
	}
	if (!sc)
		fprintf(stderr, _("charrette: terminal type '%s' is not supported (set TERM, e.g. xterm-256color)\n"),
			term);
	return sc;
}

static void app_free(struct app *a)
{
	while (a->n_modals)
		app_remove_modal(a, a->modals[a->n_modals - 1]);
	close_screens(a, true);
	wsdata_free(&a->d);
	pending_clear(a);
	free(a->present);
	follow_free(a);
	strv_free(&a->warnings);
	script_free(&a->script);
}

int tui_run(const struct tui_opts *o)
{
	struct app app, *a = &app;
	struct sigaction sa;
	const char *dump = getenv("CHARRETTE_DUMP_KEYS");
	const char *script = getenv("CHARRETTE_SCRIPT");
	const char *nd = getenv("CHARRETTE_NO_DISPLAY");
	FILE *out = NULL, *in = NULL;
	SCREEN *sc;
	struct error e;

	if (dump && *dump) {
		app_dump_keys(stdout, strcmp(dump, "roff") == 0);
		return 0;
	}
	memset(a, 0, sizeof(*a));
	err_clear(&e);
	a->o = o;
	a->store = o->store;
	a->k = o->k;
	a->read_only = o->read_only || store_is_readonly(o->store);
	a->exit_code = 0;
	a->no_display = nd && *nd && strcmp(nd, "0") != 0;
	a->presence_max_age = env_seconds("CHARRETTE_PRESENCE_TIMEOUT",
					  PRESENCE_MAX_AGE);
	a->beat_seconds = env_seconds("CHARRETTE_BEAT", BEAT_SECONDS);
	{
		/* Tests of a locked database wait less than 4 × 5 s. */
		const char *busy = getenv("CHARRETTE_BUSY_MS");

		if (busy && *busy)
			store_share_busy_ms(a->store, atoi(busy));
	}
	a->last_beat = now_mono();
	/* The CLI printed these before curses started; the screen hides
	 * them, so the message line repeats them. */
	if (store_path(a->store))
		shared_prepare_db(store_path(a->store), &a->warnings, &e);
	err_clear(&e);
	if (script && *script && script_load(script, &a->script, &e) < 0) {
		char buf[1200];

		fprintf(stderr, "charrette: %s\n", err_format(&e, buf, sizeof(buf)));
		return 2;
	}
	sc = start_terminal(a, &out, &in);
	if (!sc) {
		script_free(&a->script);
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		return 2;
	}
	set_term(sc);
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, POLL_MS);
	if (!a->script)
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	draw_init(getenv("NO_COLOR") == NULL);
	check_size(a);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	got_hangup = got_term = 0;

	a->cur = screen_index(1);
	open_screen(a, a->cur);
	if (o->workshop) {
		/* The demo opens on the trade-offs matrix, the heart of the
		 * tool, rather than on its stage (the roadmap): that is what
		 * a newcomer should see first.  A workshop of one's own opens
		 * where its work stands. */
		if (app_open_workshop(a, o->workshop, o->demo ? 5 : 0) < 0)
			app_msg(a, MSG_ERROR, "%s", _("cannot open the workshop"));
	} else {
		app_reload(a);
		presence_beat(a);
	}
	if (o->demo)
		app_msg(a, MSG_INFO, "%s", _("demo workshop in a temporary database: explore freely, it is deleted on exit"));
	if (a->warnings.n == 1)
		app_msg(a, MSG_WARN, _("shared folder: %s"), a->warnings.v[0]);
	else if (a->warnings.n > 1)
		app_msg(a, MSG_WARN, _("shared folder: %s (and %zu more: :warnings)"),
			a->warnings.v[0], a->warnings.n - 1);

	run_loop(a);

	if (!a->read_only) {
		err_clear(&e);
		store_presence_leave(a->store, &e);
	}
	app_free(a);
	endwin();
	delscreen(sc);
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	return a->exit_code;
}

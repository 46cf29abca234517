#include "config.h"
/*
 * tui: the terminal application's life cycle and event loop.  Owns the
 * terminal (newterm, so an unknown TERM is reported, not fatal), the input
 * (keyboard with a timeout, or a key script for tests), signals (handlers
 * only set a flag), the layout (title bar, tabs, body, message line, status
 * bar), live refresh (the idle loop sleeps until a key, a write to the
 * database, a heartbeat or a second of the countdown, then asks PRAGMA
 * data_version) and presence.
 */

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/room.h"
#include "tui/screens/presenter.h"
#include "tui/screens.h"
#include "tui/script.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/shared.h"
#include "util/str.h"
#include "util/utf8.h"
#include "util/watch.h"

/* The wheel turned down: button 5 where curses has it (ncurses 6). */
#ifdef BUTTON5_PRESSED
#define MOUSE_WHEEL_DOWN BUTTON5_PRESSED
#else
#define MOUSE_WHEEL_DOWN BUTTON2_PRESSED
#endif

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
static int env_int(const char *name, int def)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return def;
	n = strtol(v, &end, 10);
	return *end || n < 1 || n > 3600 ? def : (int)n;
}

/* ---- modals ------------------------------------------------------------ */
static void finish_modal(struct app *a, struct modal *m, bool ok)
{
	struct modal *outer = a->finishing;
	bool close;

	/* While done runs, app_save_field knows whose text it is (to keep it
	 * as a draft or hand it to the conflict dialog). */
	a->finishing = m;
	close = m->done ? m->done(a, m, ok) : true;
	a->finishing = outer;

	if (close)
		app_remove_modal(a, m);
}

/* ---- input and dispatch ------------------------------------------------ */
struct list *app_cur_list(struct app *a)
{
	const struct screen_def *sd = &tui_screens[a->cur];

	if (!a->opened[a->cur] || !sd->ops->list ||
	    (sd->needs_workshop && !app_data(a)))
		return NULL;
	return sd->ops->list(a, a->state[a->cur]);
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
		    (!tui_screens[i].needs_workshop || app_ws(a))) {
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
		/* q closes a view opened over the workflow (History); it
		 * quits only from a workflow screen. */
		if (tui_screens[a->cur].number == 0)
			app_close_view(a);
		else
			a->quit = true;
		break;
	case A_HELP:
		app_help(a);
		break;
	case A_PROMPT:
		m = lineedit_new(":", "", _("Tab completes · Enter runs · Esc cancel · :help lists the commands"),
				 prompt_done);
		if (m) {
			m->scope = SC_EDIT;
			edit_set_scratch(m);
			edit_set_complete(m, app_complete);
		}
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
	case A_PRESENTER:
		presenter_toggle(a);
		break;
	case A_ROOM:
		leave_screen(a);
		app_goto_id(a, "room");
		break;
	case A_PARK:
		room_park(a, NULL);
		break;
	case A_REDRAW:
		clearok(curscr, TRUE);
		a->t.frame = 0;
		break;
	case A_UNDO:
		app_undo(a);
		break;
	case A_TIMER:
		room_key_timer(a);
		break;
	case A_READY:
		room_cmd_ready(a, "");
		break;
	case A_CANCEL:
		if (tui_screens[a->cur].number == 0)
			app_close_view(a);
		a->msg[0] = '\0';
		break;
	default:
		break;
	}
}

/* Rows one turn of the wheel moves. */
#define WHEEL_ROWS 3

/*
 * The mouse where the terminal sends it: a press on a tab goes to that
 * screen, a press on a row selects it (the screen's click op, else the
 * row of its list under the pointer), the wheel moves the selection.
 */
static void handle_mouse(struct app *a)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	struct list *l = app_cur_list(a);
	bool ready = a->opened[a->cur] && (!sd->needs_workshop || app_data(a));
	int b = a->t.mouse_button;
	long i;

	if (b == 4 || b == 5) {
		for (int k = 0; l && k < WHEEL_ROWS; k++)
			list_nav(l, b == 4 ? A_UP : A_DOWN);
		if (l)
			follow_stop(a, NULL);
		return;
	}
	if (a->t.mouse_y == 1) {
		int n = app_tab_at(a, a->t.mouse_x);

		if (n) {
			leave_screen(a);
			app_goto(a, n);
		}
		return;
	}
	if (ready && sd->ops->click &&
	    sd->ops->click(a, a->state[a->cur], a->t.mouse_y, a->t.mouse_x)) {
		follow_stop(a, NULL);
		return;
	}
	if (l && (i = list_at(l, a->t.mouse_y)) >= 0) {
		follow_stop(a, NULL);
		list_select(l, (size_t)i);
	}
}

/* Do what a handler asked; false when it did not handle the key. */
static bool react(struct app *a, enum reaction r)
{
	if (r == R_PASS)
		return false;
	if (r & R_RELOAD)
		app_reload(a);
	if (r & R_CLOSE)
		app_close_view(a);
	if (r & R_QUIT)
		a->quit = true;
	return true;
}

static void dispatch(struct app *a, int key)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	void *st = a->state[a->cur];
	struct list *l = app_cur_list(a);
	enum action act;
	char nm[32];

	if (a->presenting && presenter_key(a, key))
		return;
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
			size_t was = l->sel;
			int dir = act == A_SEARCH_NEXT ? 1 : -1;

			if (!list_search_step(l, dir))
				app_msg(a, MSG_WARN, _("no match for “%s”"), l->search);
			else if (dir > 0 && l->sel <= was)
				app_search_say(a, l, _("past the last one: from the top again"));
			else if (dir < 0 && l->sel >= was)
				app_search_say(a, l, _("before the first one: from the bottom again"));
			else
				app_search_say(a, l, NULL);
			return;
		}
	}
	if (a->opened[a->cur] && (!sd->needs_workshop || app_data(a))) {
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
			a->t.key = key;
			if (sd->ops->key && react(a, sd->ops->key(a, st, act)))
				return;
		}
	}
	act = keys_lookup(SC_NAV, key);
	if (act != A_NONE && l) {
		/* Moving on your own ends follow mode. */
		follow_stop(a, NULL);
		if (act == A_SEARCH)
			app_start_search(a, l);
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
	a->t.rows = LINES;
	a->t.cols = COLS;
	a->t.too_small = a->t.rows < APP_MIN_H || a->t.cols < APP_MIN_W;
}

static void handle_key(struct app *a, int key)
{
	if (key == TK_FN(KEY_RESIZE)) {
		check_size(a);
		clearok(curscr, TRUE);
		a->t.frame = 0;
		return;
	}
	if (a->t.too_small) {
		/* Nothing fits: only quitting works until it grows. */
		if (keys_lookup(SC_GLOBAL, key) == A_QUIT && !a->n_modals)
			a->quit = true;
		return;
	}
	/* Pasted text is text: only an editor takes it, anywhere else its
	 * characters would run as commands. */
	if (key == TK_PASTE_BEGIN || key == TK_PASTE_END)
		a->t.pasting = key == TK_PASTE_BEGIN;
	if ((a->t.pasting || key == TK_PASTE_END) &&
	    !(a->n_modals && edit_is_editor(a->modals[a->n_modals - 1]))) {
		if (key == TK_PASTE_END)
			app_msg(a, MSG_WARN, "%s", _("pasted text ignored: open an editor first, then paste"));
		return;
	}
	if (a->n_modals) {
		struct modal *m = a->modals[a->n_modals - 1];
		enum modal_result r;

		/* Only a text overlay scrolls with the wheel: the mouse is no
		 * key for an editor, a picker or a question. */
		if (key == TK_FN(KEY_MOUSE) && !overlay_is(m))
			return;
		r = m->ops->key(m, a, key);

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
		char *t;

		if (!m->draft_where || !m->ops->draft)
			continue;
		t = m->ops->draft(m);
		session_draft_keep(a->s, m->draft_where, t);
		free(t);
	}
}

/*
 * Idle work: other users' commits, the presence heartbeat and follow
 * mode.  The session reloads only when someone edited (not when people
 * merely moved), so the screens, their cursors and any open editor stay
 * as they are.
 */
static void tick(struct app *a)
{
	size_t cur = a->cur;
	int bits;

	/* The heartbeat first: it also sees who dropped out. */
	if (!a->t.script)
		app_presence_beat(a, false);
	watch_rearm(a->t.watch);
	bits = session_poll(a->s);
	watch_looked(a->t.watch);
	if (bits & SP_GONE)
		app_workshop_gone(a);
	app_refresh(a);
	follow_tick(a);
	presenter_tick(a);
	/* Someone edited, came or went, or follow mode moved me, or the
	 * countdown ticked: draw. */
	if (room_title_changed(a) || bits != SP_NONE || cur != a->cur)
		a->dirty = true;
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
	if (sscanf(cmd, "clock %ld", &ms) == 1) {
		/* The pinned clock moved on (or back) by that many seconds. */
		char v[32];

		snprintf(v, sizeof(v), "%lld", (long long)clock_now() + ms);
		if (setenv("CHARRETTE_NOW", v, 1) != 0)
			app_msg(a, MSG_ERROR, "cannot set the clock");
		return true;
	}
	if (strncmp(cmd, "until ", 6) == 0 || sscanf(cmd, "within %ld", &ms) == 1) {
		/* ":within MS TEXT" is ":until TEXT" that must see it in MS. */
		bool within = strncmp(cmd, "within ", 7) == 0;
		long limit = within ? ms : 30000;
		const char *text = within ? strchr(cmd + 7, ' ') : cmd + 5;
		struct buf b;
		bool seen = false;

		if (!text || !text[1]) {
			app_msg(a, MSG_ERROR, "usage: :within MS TEXT");
			return true;
		}
		text++;
		buf_init(&b);
		for (long t = 0; t < limit && !seen; t += POLL_MS) {
			app_draw(a);
			b.len = 0;
			draw_screen_text(&b);
			seen = strstr(buf_str(&b), text) != NULL;
			if (!seen) {
				sleep_ms(POLL_MS);
				tick(a);
			}
		}
		buf_free(&b);
		if (!seen)
			app_msg(a, MSG_ERROR, "timed out (%ld ms) waiting for \"%s\"",
				limit, text);
		return true;
	}
	if (sscanf(cmd, "save-frame %199s", name) == 1) {
		/* The frame as the loop last drew it (a light one too), not
		 * drawn again as :save-display does. */
		struct error e;

		err_clear(&e);
		if (draw_save_display(name, &e) < 0)
			app_error(a, &e);
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
		a->t.mouse_x = ev->a;
		a->t.mouse_y = ev->b;
		a->t.mouse_button = ev->c ? ev->c : 1;
		handle_key(a, TK_FN(KEY_MOUSE));
		break;
	}
	return 0;
}

/* A character already waiting (the rest of an Esc burst), or -1.  A key
 * curses decoded (a resize, an arrow) is no part of the burst: it goes
 * back for the next read. */
static int key_waiting(void *ctx)
{
	wint_t wc;
	int r;

	(void)ctx;
	wtimeout(stdscr, 0);
	r = wget_wch(stdscr, &wc);
	wtimeout(stdscr, POLL_MS);
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	return r == OK ? (int)wc : -1;
}

/* One key from curses, waiting at most ms for it (0: only what curses
 * holds or what is there already); 0 when none came, -1 when input is
 * gone.  Esc and what came with it (Alt-x, a sequence curses does not
 * know, a paste mark) are one key: an editor must not see an Esc that
 * closes it followed by characters that run as commands. */
static int get_key(struct app *a, int ms, int *fast_errors)
{
	wint_t wc;
	double t0 = clock_mono();
	int r;

	wtimeout(stdscr, ms);
	r = wget_wch(stdscr, &wc);
	if (r == ERR) {
		/* A wait takes its time; an immediate ERR over and over is a
		 * dead terminal (EOF after an SSH drop): do not spin. */
		if (ms > 0 && clock_mono() - t0 < ms / 4000.0) {
			if (++*fast_errors >= 5)
				return -1;
		} else if (ms > 0) {
			*fast_errors = 0;
		}
		return 0;
	}
	*fast_errors = 0;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_MOUSE) {
			MEVENT me;

			if (getmouse(&me) != OK)
				return 0;
			if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
				a->t.mouse_button = 1;
			else if (me.bstate & BUTTON4_PRESSED)
				a->t.mouse_button = 4;
			else if (me.bstate & MOUSE_WHEEL_DOWN)
				a->t.mouse_button = 5;
			else
				return 0;
			a->t.mouse_x = me.x;
			a->t.mouse_y = me.y;
		}
		return TK_FN((int)wc);
	}
	if (wc == TK_ESC)
		return keys_after_esc(key_waiting, NULL);
	return (int)wc;
}

/* How long the loop may sleep: until the session's next idle work (a
 * heartbeat) or the countdown's next second.  Other people's commits wake
 * it through the watch on the database; without one it looks every
 * POLL_MS, as the live refresh needs. */
static int idle_wait_ms(struct app *a)
{
	long ms = session_idle_ms(a->s);
	long t = room_title_next_ms(a), w = watch_next_ms(a->t.watch);

	if (!a->t.watch && ms > POLL_MS)
		ms = POLL_MS;
	if (t >= 0 && t < ms)
		ms = t;
	if (w >= 0 && w < ms)
		ms = w;
	return ms > 3600000L ? 3600000 : (int)ms;
}

/* The next key, or 0 when it is time for idle work (a commit by someone
 * else, a heartbeat, a second of the countdown); -1 when input is gone.
 * The loop sleeps in ppoll(2) on the terminal and the database's watch:
 * a key is handled at once, and nothing wakes an idle session up for
 * nothing.  The signals that matter (a resize, SIGHUP, SIGTERM) are held
 * from the last look until the sleep, which lets them in: one arriving in
 * between ends the sleep instead of waiting for it. */
static int read_key(struct app *a, int *fast_errors)
{
	struct pollfd p[2] = {
		{ .fd = STDIN_FILENO, .events = POLLIN },
		{ .fd = watch_fd(a->t.watch), .events = POLLIN },
	};
	sigset_t held, old;
	struct timespec ts;
	int key = 0, r, ms;

	if (a->t.no_display)
		return get_key(a, POLL_MS, fast_errors);
	if (poll(p, 1, 0) != 0)
		return get_key(a, POLL_MS, fast_errors);
	sigemptyset(&held);
	sigaddset(&held, SIGWINCH);
	sigaddset(&held, SIGHUP);
	sigaddset(&held, SIGTERM);
	sigprocmask(SIG_BLOCK, &held, &old);
	/* Nothing to read: first what curses holds (a key given back, the
	 * rest of a burst, a resize it was told of), then sleep. */
	if (got_hangup || got_term ||
	    (key = get_key(a, 0, fast_errors)) != 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return key;
	}
	ms = idle_wait_ms(a);
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	r = ppoll(p, p[1].fd >= 0 ? 2 : 1, &ts, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (r < 0)
		/* A signal: a resize, which curses turns into a key, or one
		 * the loop looks at. */
		return get_key(a, 0, fast_errors);
	if (p[1].revents & ~POLLIN)
		watch_free(&a->t.watch);   /* broken: poll instead */
	else if (p[1].revents)
		watch_read(a->t.watch);
	if (!p[0].revents)
		return 0;
	return get_key(a, POLL_MS, fast_errors);
}

/* An event was handled: what it saved is read back, and the screens
 * rebuilt, before the next frame; an editor it opened or closed is told
 * to the others now (a write only when that changed), not at the next
 * heartbeat, so that deleting the row warns them at once. */
static void after_event(struct app *a)
{
	if (session_sync(a->s) & SP_GONE)
		app_workshop_gone(a);
	app_refresh(a);
	app_publish_editing(a);
	a->dirty = true;
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
		/* Draw only when something changed: a key, a resize, an
		 * edit by anyone, a move of the facilitator followed. */
		if (a->dirty) {
			app_draw_frame(a);
			refresh();
			a->dirty = false;
		}
		if (a->t.script) {
			const struct sevent *ev = script_next(a->t.script);

			if (!ev)
				break;
			tick(a);
			run_script_event(a, ev);
			after_event(a);
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
		after_event(a);
	}
}

/* ---- start and stop ----------------------------------------------------- */
static SCREEN *start_terminal(struct app *a, FILE **out, FILE **in)
{
	const char *term = getenv("TERM");
	SCREEN *sc = NULL;

	*out = *in = NULL;
	if (a->t.no_display) {
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
	if (!isatty(STDOUT_FILENO) && !a->t.script) {
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

/* The terminal's modes, the mouse, bracketed paste, colours, and the
 * signals that end the session (a hang-up keeps the drafts). */
static void setup_terminal(struct app *a)
{
	struct sigaction sa;

	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	wtimeout(stdscr, POLL_MS);
	if (!a->t.script)
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
			  MOUSE_WHEEL_DOWN, NULL);
	/* Bracketed paste: a pasted line break is text, not Enter. */
	if (!a->t.no_display) {
		putp("\033[?2004h");
		fflush(stdout);
	}
	draw_init(getenv("NO_COLOR") == NULL);
	check_size(a);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	got_hangup = got_term = 0;
}

static void app_free(struct app *a)
{
	while (a->n_modals)
		app_remove_modal(a, a->modals[a->n_modals - 1]);
	app_close_screens(a, true);
	session_free(&a->s);
	strv_free(&a->warnings);
	script_free(&a->t.script);
	watch_free(&a->t.watch);
}

int tui_run(const struct tui_opts *o)
{
	struct app app, *a = &app;
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
	a->exit_code = 0;
	a->t.no_display = nd && *nd && strcmp(nd, "0") != 0;
	if (session_new(&a->s, &(struct session_opts){
		.store = o->store, .k = o->k, .read_only = o->read_only,
		.presence_max_age = env_int("CHARRETTE_PRESENCE_TIMEOUT",
						PRESENCE_MAX_AGE),
		.beat_seconds = env_int("CHARRETTE_BEAT", BEAT_SECONDS),
		/* Tests of a locked database wait less than 4 × 5 s. */
		.busy_ms = env_int("CHARRETTE_BUSY_MS", 0) }, &e) < 0) {
		fprintf(stderr, "charrette: %s\n", e.msg);
		return 1;
	}
	/* The CLI printed these before curses started; the screen hides
	 * them, so the message line repeats them. */
	if (session_db_path(a->s))
		shared_prepare_db(session_db_path(a->s), &a->warnings, &e);
	err_clear(&e);
	if (script && *script && script_load(script, &a->t.script, &e) < 0) {
		char buf[1200];

		fprintf(stderr, "charrette: %s\n", err_format(&e, buf, sizeof(buf)));
		session_free(&a->s);
		strv_free(&a->warnings);
		return 2;
	}
	sc = start_terminal(a, &out, &in);
	if (!sc) {
		script_free(&a->t.script);
		session_free(&a->s);
		strv_free(&a->warnings);
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		return 2;
	}
	set_term(sc);
	setup_terminal(a);

	/* Other processes' commits wake the idle loop up (where the
	 * database can be watched; tests of the polling without a watch
	 * set CHARRETTE_NO_WATCH). */
	if (!a->t.script && session_db_path(a->s) &&
	    !getenv("CHARRETTE_NO_WATCH"))
		watch_open(&a->t.watch, session_db_path(a->s));
	a->cur = app_screen_index(1);
	a->dirty = true;
	app_open_screen(a, a->cur);
	if (o->workshop) {
		/* The demo opens on the trade-offs matrix, the heart of the
		 * tool, rather than on its stage (the roadmap): that is what
		 * a newcomer should see first.  A workshop of one's own opens
		 * where its work stands. */
		if (app_open_workshop(a, o->workshop, o->demo ? 5 : 0) < 0)
			app_msg(a, MSG_ERROR, "%s", _("cannot open the workshop"));
	} else {
		/* The list was read when its screen opened. */
		a->shown_gen = session_generation(a->s);
		app_presence_beat(a, true);
	}
	if (o->demo)
		app_msg(a, MSG_INFO, "%s", _("demo workshop in a temporary database: explore freely, it is deleted on exit"));
	if (a->warnings.n == 1)
		app_msg(a, MSG_WARN, _("shared folder: %s"), a->warnings.v[0]);
	else if (a->warnings.n > 1)
		app_msg(a, MSG_WARN, _("shared folder: %s (and %zu more: :warnings)"),
			a->warnings.v[0], a->warnings.n - 1);

	run_loop(a);

	app_free(a);
	if (!a->t.no_display) {
		putp("\033[?2004l");
		fflush(stdout);
	}
	endwin();
	delscreen(sc);
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	return a->exit_code;
}

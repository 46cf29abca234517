/*
 * app: the state of the running terminal application shared by the event
 * loop, the screens and the widgets: the open workshop and its data, the
 * screen registry, the modal stack (editors, pickers, dialogs, overlays) and
 * the message line.  Screens are views in the spirit of tig's view_ops: they
 * are opened once, drawn into a rectangle, fed actions from the key table,
 * and refreshed when the data changed underneath them.
 */
#ifndef CHARRETTE_TUI_APP_H
#define CHARRETTE_TUI_APP_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "session/session.h"
#include "tui/keys.h"
#include "tui/tui.h"
#include "util/error.h"
#include "util/str.h"

struct app;
struct value;
struct list;
struct workshop_data;
struct template_def;

/*
 * What the loop should do after a key (htop's Panel reactions): nothing
 * (the key was not this handler's), redraw, reload the data from the
 * database, close the current view, quit.  The loop also rebuilds every
 * screen whenever the session's data was reloaded, so a handler that
 * saved something just returns R_DONE.
 */
enum reaction {
	R_PASS = 0,        /* not handled: try the next scope */
	R_DONE = 1 << 0,   /* handled: redraw */
	R_RELOAD = 1 << 1, /* handled: reload from the database first */
	R_CLOSE = 1 << 2,  /* handled: close the view (History, overlays) */
	R_QUIT = 1 << 3    /* handled: leave the application */
};

/* ---- screens -------------------------------------------------------- */
struct screen_ops {
	/* Allocate the screen's state in *state; 0 or a negative status. */
	int (*open)(struct app *a, void **state);
	void (*close)(struct app *a, void *state);
	/* Draw into the body rectangle of stdscr. */
	void (*draw)(struct app *a, void *state, int y, int x, int h, int w);
	/* An action of the screen's scope: what the loop should do next
	 * (R_PASS when the screen does not handle it). */
	enum reaction (*key)(struct app *a, void *state, enum action act);
	/* The session's data was reloaded: rebuild rows, keep the selection
	 * by key.
	 * (Call it as (ops->refresh)(...): curses has a refresh() macro.) */
	void (*refresh)(struct app *a, void *state);
	/* The screen becomes the current one (optional): History opens on
	 * its newest change, whatever was selected the last time. */
	void (*entered)(struct app *a, void *state);
	/* The list that navigation and search keys move, or NULL. */
	struct list *(*list)(struct app *a, void *state);
	/* Right-hand part of the status bar (progress...), may be NULL. */
	void (*status)(struct app *a, void *state, char *buf, size_t size);
	/* The key scope of the part of the screen shown now (a screen with
	 * sub-views, e.g. the trade-offs matrix); NULL = screen_def.scope.
	 * Its keys are looked up first, then the screen's own scope. */
	enum scope (*scope)(struct app *a, void *state);
	/*
	 * Follow mode (optional).  selection: what is selected, as a short
	 * string that select() understands (a row key, say "q:deploy_freq");
	 * select: move there, true when found.  When both are NULL, the
	 * list's row number ("#12") is published and followed.
	 */
	void (*selection)(struct app *a, void *state, char *buf, size_t size);
	bool (*select)(struct app *a, void *state, const char *sel);
	/*
	 * Optional: redraw only what a move of the selection changed (the
	 * rows left and entered, the detail of the selection), on top of the
	 * last frame this screen drew in the same rectangle.  Called only
	 * when nothing else changed since that frame (no reload, modal,
	 * resize or screen change); false when the screen cannot (the list
	 * scrolled, a view changed) and wants a full frame.
	 */
	bool (*draw_light)(struct app *a, void *state, int y, int x, int h,
			   int w);
	/*
	 * Follow by item (optional, used when selection is NULL): the key
	 * of the item shown in row `row` of list() ("r:R2", "a:gitlab-flux",
	 * "q:deploy_freq", "adr:3"), or "" for a row that is no item (a
	 * heading).  The facilitator publishes the selected row's item; a
	 * follower selects the row that holds it, whatever their own sort
	 * order, so a differently sorted follower lands on the same item.
	 */
	void (*item)(struct app *a, void *state, size_t row, char *buf,
		     size_t size);
	/* A mouse press at screen row y, column x of the body (optional):
	 * true when it selected something.  Without it a press selects the
	 * row of the list() under it. */
	bool (*click)(struct app *a, void *state, int y, int x);
};

struct screen_def {
	int number;                /* 1..9: the tab and its number key;
				    * 0: no numbered tab (History, opened
				    * with H or :history) */
	const char *id;            /* presence and :goto name */
	const char *title;         /* tab title (translated at draw time) */
	const char *short_title;   /* when the tab bar is narrow */
	enum scope scope;          /* key-table scope of its own actions */
	bool needs_workshop;
	const struct screen_ops *ops;
};

extern const struct screen_def tui_screens[];
extern const size_t tui_n_screens;
/* The state of the opened screen with these ops (NULL: not opened). */
void *tui_screen_state(struct app *a, const struct screen_ops *ops);

/* ---- modals (editors, pickers, dialogs, overlays) -------------------- */
enum modal_result { MODAL_CONTINUE = 0, MODAL_OK, MODAL_CANCEL };

struct modal;

struct modal_ops {
	void (*draw)(struct modal *m, struct app *a, int h, int w);
	enum modal_result (*key)(struct modal *m, struct app *a, int key);
	/* Text being edited, for a draft on hang-up (new string or NULL). */
	char *(*draft)(struct modal *m);
	void (*free)(struct modal *m);
};

/*
 * Called when the modal finishes (ok or cancelled).  Return false to keep
 * it open (a validation error was shown).  It may push new modals.
 */
typedef bool (*modal_done_fn)(struct app *a, struct modal *m, bool ok);

struct modal {
	const struct modal_ops *ops;
	modal_done_fn done;
	/* Called after every key that leaves the modal open (incremental
	 * search), may be NULL. */
	void (*changed)(struct app *a, struct modal *m);
	enum scope scope;          /* its keys, for the status bar */
	bool transparent;          /* draws nothing over the screen (it only
				    * takes the keys of a view the screen
				    * draws, as side by side does) */
	char *draft_where;         /* draft key while editing a field */
	char *base;                /* the field's text when the edit began */
	/* Context for the done callback: a row, its version, a key, a kind;
	 * or anything else in ctx, freed with ctx_free when the modal goes. */
	int64_t id, version;
	char *key;
	int kind;
	void *ctx;
	void (*ctx_free)(void *ctx);
};

/* Takes ownership of m. */
void app_push(struct app *a, struct modal *m);
bool app_has_modal(const struct app *a);
/* Take m off the stack wherever it stands and free it. */
void app_remove_modal(struct app *a, struct modal *m);
void modal_free(struct modal *m);

/*
 * Open an editor on a field, offering first to restore a draft left by a
 * session that ended mid-edit (`where` names the field, e.g. "answer:q").
 * The editor's modal gets id, version, key and kind from the request.
 */
struct edit_req {
	const char *where;
	const char *title;
	const char *init;
	const char *hint;
	bool multi;
	modal_done_fn done;
	int64_t id, version;
	const char *key;
	int kind;
	void *ctx;                 /* handed to the editor (freed with it) */
	void (*ctx_free)(void *ctx);
};
/* ---- the application -------------------------------------------------- */
#define APP_MAX_MODALS 8
#define APP_MIN_W 60
#define APP_MIN_H 16

enum msg_kind { MSG_INFO = 0, MSG_OK, MSG_WARN, MSG_ERROR };

/* The terminal and the input: size, script mode, the last mouse press and
 * the key behind the action being handled (digits bound to one action). */
struct app_term {
	int rows, cols;
	bool too_small;
	bool no_display;
	struct script *script;
	int mouse_y, mouse_x;
	int mouse_button;              /* 1 press, 4 wheel up, 5 wheel down */
	int key;
	bool pasting;                  /* inside a bracketed paste */
	char room_shown[80];           /* the room's part of the title bar
					  as last drawn (tui/room.h) */
	uint64_t frame;                /* what the last full frame showed
					  (layout.c); 0: draw a full one */
	struct watch *watch;           /* on the database (util/watch.h) */
};

struct app {
	const struct tui_opts *o;
	struct session *s;             /* the participant's session */

	size_t cur;                    /* index into tui_screens */
	size_t back;                   /* the numbered screen before it */
	void *state[16];               /* per screen, NULL until opened */
	bool opened[16];
	unsigned shown_gen;            /* session generation the screens show */

	struct modal *modals[APP_MAX_MODALS];
	size_t n_modals;
	struct modal *finishing;       /* modal whose done callback runs */

	char msg[512];
	enum msg_kind msg_kind;

	struct app_term t;
	struct strv warnings;          /* shared-folder problems at start */
	bool dirty;                    /* the screen needs drawing */
	int64_t role_asked;            /* role version a request was asked at */
	bool quit;
	int exit_code;
	/* The presenter view (screens/presenter.c) is shown instead of the
	 * screen; the countdown as it last drew it. */
	bool presenting;
	char presented_timer[24];
};

/* The open workshop's data (NULL when none), its derived results, the
 * content, and whether a workshop is open: read from the session. */
static inline const struct workshop_data *app_data(const struct app *a)
{
	return session_data(a->s);
}

static inline const struct sess_view *app_view(const struct app *a)
{
	return session_view(a->s);
}

static inline const struct knowledge *app_k(const struct app *a)
{
	return session_knowledge(a->s);
}

static inline int64_t app_ws(const struct app *a)
{
	return session_ws(a->s);
}

static inline bool app_read_only(const struct app *a)
{
	return session_read_only(a->s);
}

/* Message line. */
void app_msg(struct app *a, enum msg_kind k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show an error the way every screen does. */
void app_error(struct app *a, const struct error *e);
/*
 * Show what a session write did: saved (ok_fmt, if given, is the
 * message), unchanged, refused or not saved (the reason, and that the
 * typed text is kept as a draft).  Returns true when it was saved or
 * there was nothing to change.  A conflict is only reported: screens that
 * offer keep mine / take theirs use app_save_field.
 */
bool app_result(struct app *a, const struct sess_result *r,
		const char *ok_fmt, ...) __attribute__((format(printf, 3, 4)));
/* u: undo the participant's last change of this session (message shown). */
void app_undo(struct app *a);
/* Refuse an edit in read-only mode (message shown); true = refused. */
bool app_refuse_readonly(struct app *a);

/* Reload the open workshop now (after an error, or R_RELOAD) and refresh
 * every opened screen. */
int app_reload(struct app *a);
/* Draw the next frame: only what a move of the selection changed when
 * the screen can and nothing else changed, else the whole screen. */
void app_draw_frame(struct app *a);
/* search.c: start a search of list l (an editor on the status line);
 * say where the active search is ("match 2 of 5", after `how` moved it),
 * false when nothing matches. */
void app_start_search(struct app *a, struct list *l);
bool app_search_say(struct app *a, struct list *l, const char *how);
/* navigate.c, for the loop in tui.c: the index of screen `number` in
 * tui_screens; open screen i's state (false: could not); close the opened
 * screens (all: Workshops too); the open workshop is gone (deleted or
 * moved to the trash by someone else): back to the list, and say so. */
size_t app_screen_index(int number);
bool app_open_screen(struct app *a, size_t i);
void app_close_screens(struct app *a, bool all);
void app_workshop_gone(struct app *a);
/* Rebuild the opened screens if the session's data changed since. */
void app_refresh(struct app *a);
/* Open a workshop (loads its data) and switch to a screen (0 = by stage). */
int app_open_workshop(struct app *a, int64_t id, int screen);
void app_close_workshop(struct app *a);
/* Leave a view opened over the workflow (History) for the screen before. */
void app_close_view(struct app *a);
/* Switch to the screen with this number (1..9; 0 = History). */
bool app_goto(struct app *a, int number);
/* Switch to the screen with this id ("room"): the screens without a
 * number have no other way. */
bool app_goto_id(struct app *a, const char *id);
/* Draw the whole screen (bars, body, modals); does not refresh. */
void app_draw(struct app *a);
/* The screen number of the tab at column x of the tab bar (0 = none). */
int app_tab_at(struct app *a, int x);
/* The list the navigation and search keys move now (NULL: none). */
struct list *app_cur_list(struct app *a);
/* Write the current screen as text. */
int app_save_display(struct app *a, const char *path, struct error *e);

void app_edit(struct app *a, const struct edit_req *r);

/* A y/n question (SC_DIALOG keys) whose done callback gets the modal with
 * id, version, kind and a copy of key from the request. */
struct confirm_req {
	const char *title;
	const char *question;      /* NULL shows an empty question */
	modal_done_fn done;
	int64_t id, version;
	const char *key;
	int kind;
	void *ctx;                 /* handed to the modal (and freed with it) */
	void (*ctx_free)(void *ctx);
};
void app_confirm(struct app *a, const struct confirm_req *r);

/* Help overlay generated from the key table (and the commands). */
void app_help(struct app *a);
/* The key table and the commands, as text or roff (--dump-keys). */
void app_dump_keys(FILE *f, bool roff);
/* Run a ':' command line (without the colon). */
void app_command(struct app *a, const char *line);
/* Tab on the ':' line: complete the command or its argument; the second
 * Tab in a row lists the candidates on the message line. */
void app_complete(struct app *a, struct modal *m, int tabs);
/* The text was saved: drop a draft of `where` if there was one. */
void app_draft_done(struct app *a, const char *where);

/* ---- shared box: saving with conflicts, follow mode, history ---------- */
/*
 * Save one field of an edit that started from row version `version`
 * through the session; the editor whose done callback saves gives the
 * field's text when the edit started, so a change of another field of
 * the row meanwhile is no conflict.
 * Call it from an editor's done callback; it returns the store status:
 *   ST_OK        saved (or nothing to change);
 *   ST_CONFLICT  someone changed the field meanwhile: a dialog now shows
 *                theirs and mine and offers keep mine / take theirs /
 *                edit a merge (your text is in it: close your editor);
 *   other < 0    not saved, the message is shown: keep your editor open
 *                (return false from done) so nothing typed is lost —
 *                ST_BUSY (database locked), ST_INPUT (invalid value).
 */
int app_save_field(struct app *a, const char *table, int64_t id,
		   const char *field, const char *value, int64_t version);
/* The same with the field's text the edit started from given (a value
 * worked out from the data on screen, not typed into an editor). */
int app_save_field_from(struct app *a, const char *table, int64_t id,
			const char *field, const char *value, int64_t version,
			const char *base);
/* The same for an answer (version 0 = there was no answer when the edit
 * started).  `label` names it in messages. */
int app_save_answer(struct app *a, const char *question,
		    const struct value *v, int64_t version, const char *label);
/* A text with a session write of its own (a parking-lot item's, whose
 * call is session_park_edit): saved as app_save_field saves a field, the
 * same dialog on a conflict, whose keep mine and merge write through
 * `save` against their version.  `label` names it in messages. */
typedef int (*app_text_save_fn)(struct session *s, int64_t id,
				int64_t version, const char *text,
				const char *where, struct sess_result *r);
int app_save_text(struct app *a, app_text_save_fn save, int64_t id,
		  const char *text, int64_t version, const char *label);
/* For a text no field save holds (its editor stays open with mine on a
 * conflict): theirs and mine in full in an overlay over the editor.
 * `who` changed theirs (NULL: unknown). */
void conflict_show_both(struct app *a, const char *who, const char *theirs,
			const char *mine);
/* A score (or my vote, `vote`) of approach ak on criterion ck that
 * someone set while I typed `mine` (NULL: I cleared it): the dialog with
 * theirs and mine, keep mine (written over their version) or take theirs.
 * r is the conflicting result.  ak NULL (several cells): a message only. */
void app_score_conflict(struct app *a, const char *ak, const char *ck,
			bool vote, const double *mine,
			const struct sess_result *r);

/* Deleting a row (table "risk", "approach", "criterion", "metric",
 * "phase", "decision"): the confirmation r, told first when someone else
 * is editing the row ("bob is editing this risk's mitigation (they can
 * add their text back as a new risk). Delete risk R2 …?"). */
void app_confirm_delete(struct app *a, const char *table, int64_t id,
			const struct confirm_req *r);
/* The status bar of a conflict dialog whose keys are not its scope's (a
 * score's, a deleted row's) as key, label pairs; NULL for any other. */
const struct strv *conflict_bar(struct modal *m);
/* Publish what my open editor edits, for the others' deletes (idle). */
void app_publish_editing(struct app *a);

/* Follow mode and the facilitator (follow.c). */
/* Publish where I am; at once when `now` (the facilitator moved). */
void app_presence_beat(struct app *a, bool now);
void follow_toggle(struct app *a);
/* A navigation key or a screen change of the user's own: stop following. */
void follow_stop(struct app *a, const char *why);
/* Idle work: publish my position (facilitator), track the facilitator's. */
void follow_tick(struct app *a);
/* :facilitate (asks y/n first). */
void follow_take_role(struct app *a);
/* The facilitator is asked once per request whether to hand it over. */
void follow_role_requests(struct app *a);

extern const struct screen_ops screen_history_ops;

#endif

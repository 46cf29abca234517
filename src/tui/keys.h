/*
 * keys: key codes, their names ("<Enter>", "<C-a>") and the ONE table that
 * binds keys to actions per scope with their help text.  The help overlay,
 * the status bar hints, the man page's KEYS section (--dump-keys) and the
 * dispatcher all read this table, so they cannot drift apart.
 */
#ifndef CHARRETTE_TUI_KEYS_H
#define CHARRETTE_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * A key is an int: a Unicode code point for characters (control characters
 * included: Ctrl-A is 1, Enter is 10, Esc is 27, Backspace is 127), or
 * TK_FN(KEY_x) for the function keys curses reports.
 */
#define TK_FN_BASE 0x200000
#define TK_FN(k) (TK_FN_BASE + (k))
#define TK_IS_FN(k) ((k) >= TK_FN_BASE)
#define TK_CTRL(c) ((c) & 0x1f)
#define TK_ENTER 10
#define TK_ESC 27
#define TK_TAB 9
#define TK_BACKSPACE 127
/*
 * Keys the terminal sends as Esc and more in one burst (keys_after_esc):
 * Alt with a character, a sequence the terminal database does not know
 * (one key, never an Esc followed by characters that would run commands),
 * and the marks around a bracketed paste.
 */
#define TK_ALT_BASE (TK_FN_BASE + 0x10000)
#define TK_ALT(c) (TK_ALT_BASE + (c))
#define TK_IS_ALT(k) ((k) >= TK_ALT_BASE)
#define TK_SEQ TK_FN(0xFFFC)
#define TK_PASTE_BEGIN TK_FN(0xFFFD)
#define TK_PASTE_END TK_FN(0xFFFE)

/* Parse one key name ("a", "<Enter>", "<C-w>", "<S-Tab>"); -1 if unknown. */
int key_parse(const char *name);
/* Name of a key for help and messages ("Enter", "C-w", "j"). */
void key_describe(int key, char *buf, size_t size);
/*
 * The terminal sent Esc: read what came with it (next() returns the next
 * key already waiting, or -1 when none is) and make one key of the
 * burst: TK_ESC alone, TK_ALT(c), TK_PASTE_BEGIN / TK_PASTE_END for
 * "Esc [ 200 ~" / "Esc [ 201 ~", TK_SEQ for any other sequence.
 */
int keys_after_esc(int (*next)(void *ctx), void *ctx);

enum scope {
	SC_GLOBAL = 0,   /* everywhere outside editors */
	SC_NAV,          /* moving in lists */
	SC_SEARCH,       /* while a search is active */
	SC_WORKSHOPS,
	SC_TRASH,        /* 1: the trash (T on the workshop list) */
	SC_INTERVIEW,
	SC_FINDINGS,
	SC_VIEW,         /* read-only views */
	SC_APPROACHES,   /* 4: the approach list and its fields */
	SC_COMPARE,      /* 4: side-by-side comparison */
	SC_TRADEOFFS,    /* 5: criteria and weights */
	SC_AHP,          /* 5: pairwise judgements */
	SC_MATRIX,       /* 5: the scoring matrix */
	SC_SCORING,      /* 5: scoring the matrix (entered with Enter) */
	SC_JUDGING,      /* 5: judging pairs (entered with Enter) */
	SC_DECISION,     /* 6 */
	SC_RISKS,        /* 7 */
	SC_METRICS,      /* 8 */
	SC_ROADMAP,      /* 9 */
	SC_HISTORY,      /* the audit log */
	SC_ROOM,         /* the Room screen (both parts) */
	SC_AGENDA,       /* the Room: the agenda */
	SC_PARKING,      /* the Room: the parking lot */
	SC_CONFLICT,     /* resolving an edit conflict */
	SC_EDIT,         /* line and text editors */
	SC_TEXT,         /* the multi-line editor (before SC_EDIT) */
	SC_PICKER,       /* choice pickers */
	SC_DIALOG,       /* y/n confirmation */
	SC_COUNT
};

#define ACTION_INFO(_) \
	_(NONE) \
	_(QUIT) _(HELP) _(PROMPT) _(NEXT_SCREEN) _(PREV_SCREEN) _(GOTO) \
	_(REDRAW) _(CANCEL) _(UNDO) _(TIMER) _(READY) \
	_(UP) _(DOWN) _(PAGE_UP) _(PAGE_DOWN) _(FIRST) _(LAST) _(SEARCH) \
	_(SEARCH_NEXT) _(SEARCH_PREV) _(MOUSE) \
	_(WS_OPEN) _(WS_NEW) _(WS_RENAME) _(WS_DUPLICATE) _(WS_ARCHIVE) \
	_(WS_DELETE) _(WS_SHOW_ARCHIVED) _(WS_TRASH) _(TR_RESTORE) \
	_(TR_PURGE) \
	_(IV_EDIT) _(IV_NOTE) _(IV_SKIP) _(IV_CLEAR) \
	_(IV_SECTION_NEXT) _(IV_SECTION_PREV) \
	_(FI_APPLY) _(FI_START) \
	/* -- screens 4 and 9: approaches, roadmap -- */ \
	_(AP_EDIT) _(AP_FIELDS) _(AP_LIST) _(AP_NEW) _(AP_COMPONENT) \
	_(AP_REMOVE) _(AP_MOVE_UP) _(AP_MOVE_DOWN) _(AP_DUPLICATE) \
	_(AP_DELETE) _(AP_COMPARE) _(CMP_LEFT) _(CMP_RIGHT) _(CMP_CLOSE) \
	_(RM_NEW) _(RM_EDIT) _(RM_WEEKS) _(RM_ITEMS) _(RM_STEPS) \
	_(RM_MOVE_UP) _(RM_MOVE_DOWN) _(RM_DELETE) \
	\
	/* -- screen 5: trade-offs -- */ \
	_(TO_VIEW_CRITERIA) _(TO_VIEW_PAIRWISE) _(TO_VIEW_MATRIX) \
	_(TO_VIEW_SENSITIVITY) _(TO_ADD) _(TO_EDIT) _(TO_DESCRIBE) \
	_(TO_WEIGHT) _(TO_MORE) _(TO_LESS) _(TO_DELETE) _(TO_MOVE_DOWN) \
	_(TO_MOVE_UP) _(TO_NUDGES) _(TO_WEIGHTING) \
	_(AHP_LEFT) _(AHP_RIGHT) _(AHP_SET) _(AHP_REVERSE) _(AHP_PICK) \
	_(AHP_WORST) _(AHP_MISSING) _(AHP_ENTER) \
	_(MX_LEFT) _(MX_RIGHT) _(MX_SCORE) _(MX_CLEAR) _(MX_RATIONALE) \
	_(MX_SHOW) _(MX_PERSON) _(MX_MINE) _(MX_ADOPT) _(MX_ADOPT_ALL) \
	_(MX_TYPE) _(MX_ENTER) _(MX_ROUND) \
	\
	/* -- screens 6-8: decision, risks, metrics -- */ \
	_(DC_NEW) _(DC_EDIT) _(DC_STATUS) _(DC_CHOSEN) _(DC_ALT_EDIT) \
	_(DC_ALT_RESET) _(DC_DELETE) _(DC_SCROLL_DOWN) _(DC_SCROLL_UP) \
	_(RK_NEW) _(RK_EDIT) _(RK_STATUS) _(RK_SORT) _(RK_SUGGEST) \
	_(RK_DELETE) \
	_(MT_NEW) _(MT_DORA) _(MT_EDIT) _(MT_DELETE) _(MT_INTERVIEW) \
	/* -- shared box: history, follow, conflicts -- */ \
	_(FOLLOW) _(HISTORY) _(HI_PERSON) _(HI_SCREEN) _(HI_ALL) _(HI_SHOW) \
	_(HI_UNDO) _(CF_MINE) _(CF_THEIRS) _(CF_MERGE) _(CF_READD) \
	_(PRESENTER) \
	/* -- the room: the Room screen, the parking lot, the wrap-up -- */ \
	_(ROOM) _(PARK) _(RO_SWITCH) _(RO_WRAPUP) _(AG_PLAN) _(AG_ADD) \
	_(AG_REMOVE) _(AG_MOVE_UP) _(AG_MOVE_DOWN) _(PL_NEW) _(PL_EDIT) \
	_(PL_DONE) _(PL_TAKE) _(PL_DELETE) _(RM_PARKED) \
	/* -- end of screen actions -- */ \
	_(ED_LEFT) _(ED_RIGHT) _(ED_HOME) _(ED_END) _(ED_BACKSPACE) \
	_(ED_DELETE) _(ED_KILL_WORD) _(ED_KILL_START) _(ED_KILL_END) \
	_(ED_SAVE) _(ED_NEWLINE) _(ED_UP) _(ED_DOWN) _(ED_EXTERNAL) \
	_(ED_DROP) _(ED_ASIDE_UP) _(ED_ASIDE_DOWN) _(ED_COMPLETE) \
	_(PK_TOGGLE) _(PK_CONFIRM) \
	_(DLG_YES) _(DLG_NO)

#define ACTION_ENUM(name) A_##name,
enum action { ACTION_INFO(ACTION_ENUM) A_COUNT };
#undef ACTION_ENUM

struct keydef {
	enum scope scope;
	enum action action;
	const char *keys[10];    /* key names, as key_parse reads them */
	const char *label;       /* how help shows the keys (NULL: joined) */
	const char *bar;         /* short status-bar hint, NULL = not shown */
	const char *help;        /* help text (translated at use) */
	bool edits;              /* changes data: refused when read-only */
};

extern const struct keydef tui_keys[];
extern const size_t tui_n_keys;

/* The action bound to key in scope, A_NONE if none. */
enum action keys_lookup(enum scope sc, int key);
/* The table entry of an action in a scope (NULL if none). */
const struct keydef *keys_def(enum scope sc, enum action act);
const char *scope_title(enum scope sc);
/* Does any key belong to this scope? (Empty scopes are not listed.) */
bool keys_scope_has_keys(enum scope sc);
/* "j Down" -> the label of a keydef's keys ("j, Down"). */
void keys_label(const struct keydef *kd, char *buf, size_t size);
/* Print the table: as plain text (format 0) or roff .TP items (1). */
void keys_dump(FILE *f, int roff);
/* s for roff: backslashes and hyphens escaped, a leading dot or quote
 * made harmless (the key table's and the commands' help). */
void keys_roff_puts(FILE *f, const char *s);

#endif

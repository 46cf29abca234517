/*
 * script: keys read from a file instead of the keyboard (CHARRETTE_SCRIPT),
 * for deterministic UI tests in the manner of tig's test suite.
 *
 * One entry per line; blank lines and lines starting with '#' are skipped.
 *   :COMMAND ARGS     run a command at once (even over an open editor),
 *                     e.g. ":save-display out.screen"
 *   type: TEXT        type TEXT literally, one key per character
 *   <Resize WxH>      resize the virtual terminal
 *   <Signal HUP>      raise a signal (HUP or TERM)
 *   <Click X,Y>       a mouse press at column X, row Y (0-based)
 *   <Mouse:X,Y,B>     a mouse event there: B 1 a press of the first
 *                     button, 4 the wheel up, 5 the wheel down
 *   anything else     keys: each <Name> token is one key (<Enter>, <C-w>,
 *                     <Down>, <lt> for a literal '<'), every other
 *                     character is typed as itself ("jj" = j j).
 */
#ifndef CHARRETTE_TUI_SCRIPT_H
#define CHARRETTE_TUI_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

struct error;

enum sevent_kind { SEV_KEY, SEV_COMMAND, SEV_RESIZE, SEV_SIGNAL, SEV_CLICK };

struct sevent {
	enum sevent_kind kind;
	int key;            /* SEV_KEY */
	char *command;      /* SEV_COMMAND, without the ':' */
	int a, b;           /* resize: cols, rows; click: x, y; signal: signo */
	int c;              /* click: the button (1, 4 wheel up, 5 down) */
	int line;
};

struct script {
	char *path;
	struct sevent *ev;
	size_t n, next;
};

/* Parse the whole file; errors name path:line. */
int script_load(const char *path, struct script **out, struct error *e);
void script_free(struct script **s);
/* The next event, or NULL at the end. */
const struct sevent *script_next(struct script *s);

#endif

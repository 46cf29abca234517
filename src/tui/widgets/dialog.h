/*
 * dialog: a y/n confirmation, and a scrollable text overlay (help, :who,
 * long messages) closed with Esc or q.
 */
#ifndef CHARRETTE_TUI_WIDGETS_DIALOG_H
#define CHARRETTE_TUI_WIDGETS_DIALOG_H

#include "tui/app.h"
#include "util/str.h"

/* y -> done(ok = true); n or Esc -> done(ok = false). */
struct modal *confirm_new(const char *title, const char *question,
			  modal_done_fn done);
/* Lines are taken over (the strv is emptied).  Lines starting with "\x01"
 * are drawn as headings (the marker is not shown). */
struct modal *overlay_new(const char *title, struct strv *lines);
/* Is m a text overlay?  (It searches with /, n and N, and scrolls with
 * the wheel.) */
bool overlay_is(const struct modal *m);

#endif

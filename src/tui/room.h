/*
 * room: the countdown, blind voting rounds, votes by ids and ready marks
 * from the keyboard and the `:` prompt, and what the title bar shows of
 * them (room.c).
 */
#ifndef CHARRETTE_TUI_ROOM_H
#define CHARRETTE_TUI_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"

/* The stage of the screen shown (a numbered workflow screen's own; the
 * room's stage elsewhere): what `:timer` and T count down. */
enum stage room_screen_stage(const struct app *a);

void room_cmd_timer(struct app *a, const char *arg);    /* :timer ARG */
void room_cmd_round(struct app *a, const char *arg);    /* :round ... */
void room_cmd_vote(struct app *a, const char *arg);     /* :vote A C S */
void room_cmd_ready(struct app *a, const char *arg);    /* :ready [clear] */
/* T: start the screen's timebox, or pause / resume the countdown. */
void room_key_timer(struct app *a);
/* B on the matrix: open a round (a picker: all cells, the cursor's
 * criterion or approach, the last round's spread cells) or, while one is
 * open, reveal it (asks first). */
void room_key_round(struct app *a, size_t ai, size_t ci);

/* What the title bar shows of the room. */
struct room_title {
	char timer[32];         /* "9:05", "+1:30"; "" without a countdown */
	bool overrun, paused;
	char ready[32];         /* "2/3 ready"; "" while nobody is */
};
void room_title(const struct app *a, struct room_title *t);
/* Has what the title bar shows of the room changed since last asked (a
 * second ticked, someone marked ready)?  The idle loop draws then. */
bool room_title_changed(struct app *a);
/* Milliseconds until what the title bar shows of the room next changes by
 * itself (the running countdown's next second); -1 when nothing there
 * changes with time. */
long room_title_next_ms(const struct app *a);

#endif

/*
 * store_room: what a facilitator runs the room with — the agenda (the
 * stages a workshop uses, in order, with their timeboxes and the time
 * spent on each), the countdown, blind voting rounds, participants'
 * "ready" marks and the parking lot.
 *
 * Like every store write, each function here is one short BEGIN IMMEDIATE
 * transaction with an audit row.  Who may do what (only the facilitator
 * runs the timer and the rounds) is decided by the session, not here.
 * Times come from util/clock.h (CHARRETTE_NOW fixes them in tests).
 *
 * Time spent on a stage is the time the countdown ran while that stage was
 * the room's stage, an overrun past 0:00 included (the countdown runs on
 * until it is paused or stopped): it is added to the stage's agenda row
 * whenever a running countdown pauses, stops or is restarted (on the same
 * or another stage).  A pause does not count, nor does a stage nobody
 * timed.  A stage timed that is not on the agenda is added to it, with no
 * timebox.
 *
 * Votes are kept per round (the vote table's `round` column, 0 outside
 * any round): a vote is cast into the newest round that covers its cell,
 * so round 2 on a cell leaves the votes of round 1 as they were.  After a
 * reveal, changing one's vote amends that round (the audit log keeps the
 * change); the facilitator opens a new round to vote again.
 *
 * All functions return 0 (ST_OK) or a negative status and fill *e; ST_INPUT
 * means "not possible now" with the reason in e->msg ("the timer is not
 * running", "round 2 is still open").
 */
#ifndef CHARRETTE_STORE_ROOM_H
#define CHARRETTE_STORE_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/error.h"

struct store;

/* The longest timebox or countdown (a day), in minutes and seconds. */
#define STORE_ROOM_MAX_MINUTES (24 * 60)
#define STORE_ROOM_MAX_SECONDS (24 * 60 * 60)

/* ---- agenda ---------------------------------------------------------- */
/* Workshop ws takes these items (stage and planned minutes, in order) as
 * its agenda when it has none yet (a workshop older than agendas, whose
 * template's timeboxes were shown as defaults); otherwise nothing. */
int store_agenda_seed(struct store *s, int64_t ws,
		      const struct agenda_item *items, size_t n,
		      struct error *e);
/* The planned minutes (0..STORE_ROOM_MAX_MINUTES) of stage st, which is
 * added at the end of the agenda when it is not on it.  expect_version is
 * the row's version when the edit started (0: do not check). */
int store_agenda_plan(struct store *s, int64_t ws, enum stage st,
		      int minutes, int64_t expect_version,
		      int64_t *new_version, struct error *e);
/* Take stage st off the agenda (ST_INPUT when time was spent on it). */
int store_agenda_remove(struct store *s, int64_t ws, enum stage st,
			struct error *e);
/* Swap stage st with its neighbour (delta -1 or +1). */
int store_agenda_move(struct store *s, int64_t ws, enum stage st, int delta,
		      struct error *e);

/* ---- the countdown ---------------------------------------------------- */
/* Count `seconds` (1..STORE_ROOM_MAX_SECONDS) down on stage st, which
 * becomes the room's stage; a countdown running before is stopped first
 * (its time added to its stage). */
int store_timer_start(struct store *s, int64_t ws, enum stage st,
		      int64_t seconds, struct error *e);
int store_timer_pause(struct store *s, int64_t ws, struct error *e);
int store_timer_resume(struct store *s, int64_t ws, struct error *e);
/* Add seconds (negative: take away) to a running or paused countdown. */
int store_timer_extend(struct store *s, int64_t ws, int64_t seconds,
		       struct error *e);
int store_timer_stop(struct store *s, int64_t ws, struct error *e);

/* ---- blind voting rounds ----------------------------------------------
 * A round covers all cells (ROUND_ALL), the cells of one criterion or
 * approach (key), or a list of cells (ROUND_CELLS: cells[0..n), for
 * instance the spread cells of round `follows`).  Only one round is open
 * at a time.  *number gets the new round's number. */
int store_round_open(struct store *s, int64_t ws, enum round_scope scope,
		     const char *key, const struct round_cell *cells,
		     size_t n, int follows, int *number, struct error *e);
int store_round_reveal(struct store *s, int64_t ws, int number,
		       struct error *e);

/* ---- ready ------------------------------------------------------------ */
/* Mark (or unmark) the participant (store_who) ready with stage st. */
int store_ready_set(struct store *s, int64_t ws, enum stage st, bool ready,
		    struct error *e);
/* Everyone's marks of stage st off; *n (may be NULL) gets how many. */
int store_ready_clear(struct store *s, int64_t ws, enum stage st, size_t *n,
		      struct error *e);

/* ---- the parking lot ----------------------------------------------------
 * Item text is one line (no control characters), not blank.  Edits name
 * the version they started from (ST_CONFLICT, nothing written, when
 * someone changed the item since). */
int store_park_add(struct store *s, int64_t ws, const char *text,
		   int64_t *id, struct error *e);
int store_park_text(struct store *s, int64_t id, const char *text,
		    int64_t expect_version, int64_t *new_version,
		    struct error *e);
/* PARK_OPEN or PARK_DONE (the next step an item became stays noted). */
int store_park_status(struct store *s, int64_t id, enum park_status st,
		      int64_t expect_version, int64_t *new_version,
		      struct error *e);
/* The item's text becomes the roadmap's last next step, and the item
 * PARK_ROADMAP with a link to it, in one transaction. */
int store_park_take(struct store *s, int64_t id, int64_t expect_version,
		    int64_t *new_version, struct error *e);
int store_park_delete(struct store *s, int64_t id, int64_t expect_version,
		      struct error *e);

/* ---- undoing parking-lot writes (store_park_undo.c) ----------------------
 * A deleted item back as it was (p: its id, text, author, time, status and
 * next step; a new id only if its own was taken); an item taken into the
 * roadmap's next steps taken back out of them (the last step with its
 * text goes) and `back` (PARK_OPEN or PARK_DONE) again; an item reopened
 * or done after it was taken marked taken again (its step is there). */
int store_park_restore(struct store *s, int64_t ws,
		       const struct park_item *p, struct error *e);
int store_park_untake(struct store *s, int64_t id, int64_t expect_version,
		      enum park_status back, struct error *e);
int store_park_retaken(struct store *s, int64_t id, int64_t expect_version,
		       struct error *e);

#endif

/*
 * session_room: running the room — the facilitator's countdown and agenda,
 * blind voting rounds, "ready" marks, the parking lot and the wrap-up.
 * Included by session/session.h; everything here follows its conventions
 * (writes fill a struct sess_result and leave the data stale until the
 * caller's session_sync; pointers into the data live until a reload).
 *
 * THE RULE.  Until a round is revealed nobody, the facilitator included,
 * sees another participant's vote value in that round: on no screen, in
 * no verb, in no export.  The session enforces it in one place, when the
 * data is loaded (session_reload, and session_load_visible for the CLI):
 * other participants' votes of an open round are taken out of d->votes
 * and out of the round's votes; the round's ballots keep who voted on
 * which cell.  So session_data(), session_view() (cell statistics, means,
 * medians, spread, the scoring that takes a cell's mean when it has no
 * agreed score) and every export computed from them carry only what is
 * visible.  The history (session_history) lists such votes without their
 * values.  One's own votes stay visible to their owner.
 *
 * Roles: only the facilitator (session_is_facilitator) runs the timer,
 * edits the agenda, opens and reveals rounds and clears ready marks; the
 * others are refused with why.  Everyone votes, marks ready and uses the
 * parking lot.
 *
 * "The room's stage" is the stage the countdown was last started on, or
 * the workshop's stage before any countdown.  Time spent on a stage is
 * the time its countdown ran, overrun included and pauses excluded (see
 * store/store_room.h).
 */
#ifndef CHARRETTE_SESSION_ROOM_H
#define CHARRETTE_SESSION_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/aggregate.h"
#include "engine/room.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

struct session;
struct sess_result;

/* ---- the countdown ------------------------------------------------------ */
enum sess_timer_verb {
	SESS_TIMER_START = 0,   /* seconds: the countdown; 0 = the timebox */
	SESS_TIMER_PAUSE,
	SESS_TIMER_RESUME,
	SESS_TIMER_EXTEND,      /* seconds: added (negative: taken away) */
	SESS_TIMER_STOP
};

struct sess_timer_cmd {
	enum sess_timer_verb verb;
	long seconds;
};

/*
 * The argument of `:timer`: a duration ("10m", "1h15m", "90s", "1h 5m",
 * "4:30", or a bare number of minutes, "25") starts the countdown; "+5m"
 * extends it ("-2m" shortens it); "pause", "resume", "stop"; "" or
 * "start" starts it with the stage's timebox.  0, or ST_INPUT with
 * e->msg naming what is wrong.
 */
int session_timer_parse(const char *arg, struct sess_timer_cmd *cmd,
			struct error *e);
/* A duration alone, as above, into whole seconds (1 s to 24 h). */
int session_duration_parse(const char *text, long *seconds, struct error *e);

/* `:timer ARG` typed on the screen of stage st (parse, then one of the
 * calls below; a parse error is SESS_REFUSED with the reason). */
int session_timer_command(struct session *s, enum stage st, const char *arg,
			  struct sess_result *r);
/* Count `seconds` down on stage st, which becomes the room's stage;
 * seconds <= 0 takes the stage's timebox from the agenda (refused when it
 * has none).  A countdown running on another stage stops first, its time
 * spent added to that stage. */
int session_timer_start(struct session *s, enum stage st, long seconds,
			struct sess_result *r);
int session_timer_pause(struct session *s, struct sess_result *r);
int session_timer_resume(struct session *s, struct sess_result *r);
int session_timer_extend(struct session *s, long seconds,
			 struct sess_result *r);
int session_timer_stop(struct session *s, struct sess_result *r);
/* The countdown as loaded (state, stage, end); NULL without a workshop. */
const struct room_timer *session_timer(const struct session *s);
/* Seconds left at this moment (negative: overrun); false when there is
 * no countdown (stopped or never started). */
bool session_timer_left(const struct session *s, long *seconds);
/* The title bar's text: "9:05", an overrun "+1:30", "" without a
 * countdown (paused shows the time left; session_timer() says paused).
 * Returns buf. */
char *session_timer_text(const struct session *s, char *buf, size_t size);
/* The room's stage (see above). */
enum stage session_room_stage(const struct session *s);

/* ---- the agenda --------------------------------------------------------- */
/* The agenda at this moment, planned and spent per stage with totals (the
 * template's timeboxes while the workshop has no agenda of its own:
 * out->defaults).  room_agenda_clear(out) after. */
int session_agenda(const struct session *s, struct room_agenda *out);
void session_agenda_clear(struct room_agenda *ag);
/* Time spent as the agenda shows it ("25 min", "1 h 15 min": whole
 * minutes, rounded), and its difference from the plan ("on time",
 * "+5 min", "-10 min"); both return buf. */
char *session_spent_text(char *buf, size_t size, int64_t seconds);
char *session_diff_text(char *buf, size_t size, int64_t spent, int planned);
/* Seconds spent on stage st by now. */
int64_t session_stage_spent(const struct session *s, enum stage st);
/* Facilitator: the timebox of stage st in minutes (0..1440; a stage not
 * on the agenda is added at its end), take a stage off the agenda (not
 * one that time was spent on), move a stage one place (delta -1 / +1). */
int session_agenda_plan(struct session *s, enum stage st, int minutes,
			struct sess_result *r);
int session_agenda_remove(struct session *s, enum stage st,
			  struct sess_result *r);
int session_agenda_move(struct session *s, enum stage st, int delta,
			struct sess_result *r);

/* ---- blind voting rounds ----------------------------------------------- */
/* Facilitator: open the next round on all cells (key NULL), the cells of
 * one criterion (ROUND_CRITERION, key) or of one approach (ROUND_APPROACH,
 * key).  Refused while a round is open. */
int session_round_open(struct session *s, enum round_scope scope,
		       const char *key, struct sess_result *r);
/* Facilitator: round N+1 on the spread cells of round N, the newest round
 * (revealed; refused when none of its cells is spread).  Before voting,
 * session_room_cell() gives each cell round N's median and range. */
int session_round_open_spread(struct session *s, struct sess_result *r);
/* Facilitator: reveal the open round: everyone sees its values. */
int session_round_reveal(struct session *s, struct sess_result *r);
/* `:round open [all | KEY | criterion KEY | approach KEY | spread]` and
 * `:round reveal` (KEY alone is a criterion's or an approach's key). */
int session_round_command(struct session *s, const char *arg,
			  struct sess_result *r);
/* The open round (NULL: none), the newest round (NULL: none yet), and the
 * number to show: the open round's, else the newest's, 0 before any. */
const struct vote_round *session_round_current(const struct session *s);
const struct vote_round *session_round_latest(const struct session *s);
int session_round_number(const struct session *s);

/* A cell of the matrix as the rounds see it. */
struct sess_room_cell {
	int round;              /* the round its votes count in, 0: none */
	bool blind;             /* that round is open: values hidden */
	struct strv voted;      /* who voted on it in that round (ballots) */
	bool i_voted;
	/* The newest revealed round before it on this cell (Delphi: shown
	 * before voting again), 0 none, and its votes' figures: median,
	 * min and max (the range), n. */
	int prev_round;
	struct stats prev;
};

/* The cell of approach ai and criterion ci (NULL out of range). */
const struct sess_room_cell *session_room_cell(const struct session *s,
					       size_t ai, size_t ci);
/* Participants here now: the others present and me (unless read-only). */
int session_present(const struct session *s, struct strv *names);
/* Of the present participants, who voted on the cell in its round and
 * who has not (names appended to both; not_voted may be NULL). */
int session_cell_voters(const struct session *s, size_t ai, size_t ci,
			struct strv *voted, struct strv *not_voted);

/* The open round's progress: how many cells it covers and, per present
 * participant (and anyone else who voted in it), on how many of them
 * they voted. */
struct sess_round_progress {
	int number;             /* 0: no round open */
	size_t n_cells;
	struct strv names;
	size_t *voted;          /* per name */
	size_t n_done;          /* names who voted on every cell */
};
int session_round_progress(const struct session *s,
			   struct sess_round_progress *p);
void sess_round_progress_clear(struct sess_round_progress *p);

/* `:vote APPROACH CRITERION SCORE`: my vote on the cell by the ids (keys)
 * of the approach and the criterion; SCORE a number on the workshop's
 * scale, or "-" to take my vote back.  Errors name what is wrong (an
 * unknown id, with the ids there are; a number off the scale). */
int session_vote_by_ids(struct session *s, const char *approach,
			const char *criterion, const char *score,
			struct sess_result *r);

/* ---- ready ---------------------------------------------------------------- */
/* Mark me ready with the room's stage, or not ready when I was. */
int session_ready_toggle(struct session *s, struct sess_result *r);
bool session_ready_mine(const struct session *s);
/* Present participants ready with the room's stage, of those present. */
void session_ready_count(const struct session *s, size_t *ready,
			 size_t *present);
/* "4/6 ready" (buf); returns buf. */
char *session_ready_text(const struct session *s, char *buf, size_t size);
/* Facilitator: everyone's marks of the room's stage off (r->count). */
int session_ready_clear(struct session *s, struct sess_result *r);

/* ---- the parking lot ------------------------------------------------------ */
/* Anyone, from any screen (`:park TEXT`): r->id is the new item. */
int session_park_add(struct session *s, const char *text,
		     struct sess_result *r);
/* An item's text; version the item's when the edit started; `where` names
 * the draft that keeps the text when it cannot be saved. */
int session_park_edit(struct session *s, int64_t id, int64_t version,
		      const char *text, const char *where,
		      struct sess_result *r);
/* Into the roadmap's next steps (the item keeps a link to the step). */
int session_park_take(struct session *s, int64_t id, struct sess_result *r);
int session_park_done(struct session *s, int64_t id, struct sess_result *r);
int session_park_reopen(struct session *s, int64_t id,
			struct sess_result *r);
int session_park_delete(struct session *s, int64_t id, int64_t version,
			struct sess_result *r);

/* ---- wrap-up and reading --------------------------------------------------- */
/* What the workshop came to (engine/room.h): ADRs and their status, open
 * questions and parking-lot items, open risks with owners, next steps,
 * the agenda planned vs spent.  Pointers into the data: valid until the
 * next reload.  session_wrapup_clear(w) after. */
int session_wrapup(const struct session *s, struct wrapup *w);
void session_wrapup_clear(struct wrapup *w);

/*
 * Workshop ws as this participant may see it, in a new struct the caller
 * frees (wsdata_free): the same load and the same masking as
 * session_open, without opening it.  The CLI's show, score and export
 * read through this.
 */
int session_load_visible(struct session *s, int64_t ws,
			 struct workshop_data **out, struct error *e);

/* Could I change the agenda now?  0, or SESS_REFUSED with the reason the
 * agenda's writes would give (session_agenda_check.c). */
int session_agenda_check(struct session *s, struct sess_result *r);

#endif

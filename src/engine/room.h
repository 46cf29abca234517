/*
 * room: the arithmetic of running a workshop — what the countdown shows at
 * a given moment, the time spent per stage, the agenda's planned and spent
 * rows with their totals (the template's timeboxes standing in until the
 * workshop has an agenda of its own), a round's figures on one cell (the
 * median and range shown before voting again), the spread cells of a
 * revealed round, the ready count, and the wrap-up: what was decided, what
 * is still open, and the actions with their owners.
 *
 * Pure functions of the data they are given and of `now` (Unix seconds):
 * the data is what the caller may see (the session removes other people's
 * vote values of an open round before anything here looks at them).
 */
#ifndef CHARRETTE_ENGINE_ROOM_H
#define CHARRETTE_ENGINE_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/aggregate.h"
#include "model/knowledge.h"
#include "model/model.h"

/* Seconds left on the countdown at `now`: negative when it ran over, 0
 * when it is stopped. */
long room_timer_left(const struct room_timer *t, int64_t now);
/* The room's stage: the countdown's, else the workshop's own. */
enum stage room_stage(const struct workshop_data *d);
/* Seconds spent on stage st by `now`: what was stored plus the stretch a
 * running countdown on st has run since it (re)started. */
int64_t room_stage_spent(const struct workshop_data *d, enum stage st,
			 int64_t now);

struct room_agenda_row {
	enum stage stage;
	int planned;            /* minutes; 0 = no timebox */
	int64_t spent;          /* seconds (room_stage_spent) */
	bool current;           /* the room's stage */
};

struct room_agenda {
	struct room_agenda_row *rows;
	size_t n;
	long planned_total;     /* minutes */
	int64_t spent_total;    /* seconds */
	bool defaults;          /* the template's timeboxes: nothing stored */
};

/* The workshop's agenda, or the template's (t may be NULL) while the
 * workshop has none. */
int room_agenda_build(const struct workshop_data *d,
		      const struct template_def *t, int64_t now,
		      struct room_agenda *out);
void room_agenda_clear(struct room_agenda *a);
/* Whole minutes of a number of seconds, rounded to the nearest. */
long room_minutes(int64_t seconds);

/* The visible votes of round r on one cell as statistics (n 0: none). */
void room_round_cell_stats(const struct vote_round *r, const char *approach,
			   const char *criterion, struct stats *st);
/* The cells of round r (r->covers) whose votes lie `spread` or more
 * apart: indices into r->covers, in its order (*idx NULL when none;
 * free it).  ST_ERROR when out of memory. */
int room_spread_cells(const struct vote_round *r, double spread,
		      size_t **idx, size_t *n);
/* Has participant `who` a vote in round r on the cell (ballots)? */
bool room_voted(const struct vote_round *r, const char *who,
		const char *approach, const char *criterion);

/* How many of the `present` participants are ready with stage st. */
size_t room_ready_count(const struct workshop_data *d, enum stage st,
			const struct strv *present);
bool room_is_ready(const struct workshop_data *d, enum stage st,
		   const char *who);

/* Does an answer hold something (text, a choice, a number)? */
bool room_answered(const struct answer *a);

/* What a workshop comes to at its end.  Pointers into d and k. */
struct wrapup {
	/* What was decided: every ADR, by number, with its status. */
	const struct decision **decided;
	size_t n_decided;
	/* Open questions: interview questions the template asks that are
	 * shown and not answered (k NULL: none), and the parking-lot items
	 * still open. */
	const struct question **questions;
	size_t n_questions;
	const struct park_item **parked;
	size_t n_parked;
	/* Actions: risks still open or being mitigated (highest score
	 * first, then by id), each with its owner or none yet, and the
	 * roadmap's next steps. */
	const struct risk **risks;
	size_t n_risks;
	size_t n_without_owner;
	const struct strv *next_steps;
	/* The agenda's planned and spent per stage. */
	struct room_agenda agenda;
};

int wrapup_build(const struct workshop_data *d, const struct knowledge *k,
		 const struct template_def *t, int64_t now, struct wrapup *w);
void wrapup_clear(struct wrapup *w);

#endif

#include "config.h"
/*
 * room: countdown, time spent, agenda rows, round figures, ready counts and
 * the wrap-up (see room.h).
 */

#include <stdlib.h>
#include <string.h>

#include "engine/room.h"
#include "engine/rules.h"
#include "util/error.h"

long room_timer_left(const struct room_timer *t, int64_t now)
{
	if (!t->set)
		return 0;
	switch (t->state) {
	case TIMER_RUNNING:
		return (long)(t->ends_at - now);
	case TIMER_PAUSED:
		return (long)t->remaining;
	default:
		return 0;
	}
}

enum stage room_stage(const struct workshop_data *d)
{
	return d->timer.set ? d->timer.stage : d->ws.stage;
}

int64_t room_stage_spent(const struct workshop_data *d, enum stage st,
			 int64_t now)
{
	const struct agenda_item *a = wsdata_agenda(d, st);
	int64_t spent = a ? a->spent : 0;

	if (d->timer.set && d->timer.state == TIMER_RUNNING &&
	    d->timer.stage == st && now > d->timer.started_at)
		spent += now - d->timer.started_at;
	return spent;
}

long room_minutes(int64_t seconds)
{
	return seconds >= 0 ? (long)((seconds + 30) / 60)
			    : -(long)((-seconds + 30) / 60);
}

void room_agenda_clear(struct room_agenda *a)
{
	free(a->rows);
	memset(a, 0, sizeof(*a));
}

static bool has_row(const struct room_agenda *a, enum stage st)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->rows[i].stage == st)
			return true;
	return false;
}

static void add_row(struct room_agenda *a, const struct workshop_data *d,
		    enum stage st, int planned, int64_t now)
{
	struct room_agenda_row *r = &a->rows[a->n++];

	r->stage = st;
	r->planned = planned;
	r->spent = room_stage_spent(d, st, now);
	r->current = room_stage(d) == st;
	a->planned_total += planned;
	a->spent_total += r->spent;
}

int room_agenda_build(const struct workshop_data *d,
		      const struct template_def *t, int64_t now,
		      struct room_agenda *out)
{
	size_t cap = (d->n_agenda ? d->n_agenda : t ? t->n_agenda : 0) + 1;

	memset(out, 0, sizeof(*out));
	if (!(out->rows = calloc(cap, sizeof(*out->rows))))
		return ST_ERROR;
	if (d->n_agenda) {
		for (size_t i = 0; i < d->n_agenda; i++)
			add_row(out, d, d->agenda[i].stage, d->agenda[i].planned,
				now);
	} else if (t) {
		out->defaults = t->n_agenda > 0;
		for (size_t i = 0; i < t->n_agenda; i++)
			add_row(out, d, t->agenda[i].stage, t->agenda[i].minutes,
				now);
	}
	/* A stage timed that the agenda does not list (yet). */
	if (d->timer.set && d->timer.stage < STAGE_DONE &&
	    !has_row(out, d->timer.stage) &&
	    room_stage_spent(d, d->timer.stage, now) > 0)
		add_row(out, d, d->timer.stage, 0, now);
	return ST_OK;
}

static void cell_values(const struct vote_round *r, const char *approach,
			const char *criterion, double *vals, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < r->n_votes; i++)
		if (str_eq(r->votes[i].approach, approach) &&
		    str_eq(r->votes[i].criterion, criterion))
			vals[(*n)++] = r->votes[i].value;
}

void room_round_cell_stats(const struct vote_round *r, const char *approach,
			   const char *criterion, struct stats *st)
{
	double *vals = malloc((r->n_votes ? r->n_votes : 1) * sizeof(*vals));
	size_t n = 0;

	if (vals)
		cell_values(r, approach, criterion, vals, &n);
	agg_stats(vals, n, st);
	free(vals);
}

int room_spread_cells(const struct vote_round *r, double spread,
		      size_t **idx, size_t *n)
{
	*idx = NULL;
	*n = 0;
	for (size_t i = 0; i < r->n_covers; i++) {
		struct stats st;

		room_round_cell_stats(r, r->covers[i].approach,
				      r->covers[i].criterion, &st);
		if (st.n < 2 || st.max - st.min < spread - 1e-9)
			continue;
		if (!*idx && !(*idx = calloc(r->n_covers, sizeof(**idx))))
			return ST_ERROR;
		(*idx)[(*n)++] = i;
	}
	return ST_OK;
}

bool room_voted(const struct vote_round *r, const char *who,
		const char *approach, const char *criterion)
{
	for (size_t i = 0; i < r->n_ballots; i++)
		if (str_eq(r->ballots[i].participant, who) &&
		    str_eq(r->ballots[i].approach, approach) &&
		    str_eq(r->ballots[i].criterion, criterion))
			return true;
	return false;
}

bool room_is_ready(const struct workshop_data *d, enum stage st,
		   const char *who)
{
	for (size_t i = 0; i < d->n_ready; i++)
		if (d->ready[i].stage == st &&
		    str_eq(d->ready[i].participant, who))
			return true;
	return false;
}

size_t room_ready_count(const struct workshop_data *d, enum stage st,
			const struct strv *present)
{
	size_t n = 0;

	for (size_t i = 0; i < present->n; i++)
		if (room_is_ready(d, st, present->v[i]))
			n++;
	return n;
}

bool room_answered(const struct answer *a)
{
	if (!a)
		return false;
	switch (a->value.kind) {
	case VAL_TEXT:
		return !str_empty(a->value.text);
	case VAL_LIST:
		return a->value.list.n > 0;
	case VAL_NUMBER:
		return true;
	default:
		return false;
	}
}

/* ---- wrap-up ---------------------------------------------------------------- */

static int by_number(const void *x, const void *y)
{
	const struct decision *a = *(const struct decision *const *)x;
	const struct decision *b = *(const struct decision *const *)y;

	return (a->number > b->number) - (a->number < b->number);
}

static int by_score(const void *x, const void *y)
{
	const struct risk *a = *(const struct risk *const *)x;
	const struct risk *b = *(const struct risk *const *)y;

	if (risk_score(a) != risk_score(b))
		return risk_score(b) - risk_score(a);
	return (a->id > b->id) - (a->id < b->id);
}

void wrapup_clear(struct wrapup *w)
{
	free(w->decided);
	free(w->questions);
	free(w->parked);
	free(w->risks);
	room_agenda_clear(&w->agenda);
	memset(w, 0, sizeof(*w));
}

static void *alloc_n(size_t n, size_t size)
{
	return calloc(n ? n : 1, size);
}

int wrapup_build(const struct workshop_data *d, const struct knowledge *k,
		 const struct template_def *t, int64_t now, struct wrapup *w)
{
	memset(w, 0, sizeof(*w));
	w->decided = alloc_n(d->n_decisions, sizeof(*w->decided));
	w->questions = alloc_n(k ? k->n_questions : 0, sizeof(*w->questions));
	w->parked = alloc_n(d->n_parking, sizeof(*w->parked));
	w->risks = alloc_n(d->n_risks, sizeof(*w->risks));
	if (!w->decided || !w->questions || !w->parked || !w->risks ||
	    room_agenda_build(d, t, now, &w->agenda) < 0) {
		wrapup_clear(w);
		return ST_ERROR;
	}
	for (size_t i = 0; i < d->n_decisions; i++)
		w->decided[w->n_decided++] = &d->decisions[i];
	qsort(w->decided, w->n_decided, sizeof(*w->decided), by_number);
	for (size_t i = 0; k && i < k->n_questions; i++) {
		const struct question *q = &k->questions[i];

		if ((t && !strv_contains(&t->sections, q->section)) ||
		    !question_visible(q, d) ||
		    room_answered(wsdata_answer(d, q->id)))
			continue;
		w->questions[w->n_questions++] = q;
	}
	for (size_t i = 0; i < d->n_parking; i++)
		if (d->parking[i].status == PARK_OPEN)
			w->parked[w->n_parked++] = &d->parking[i];
	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *r = &d->risks[i];

		if (r->status != RISK_OPEN && r->status != RISK_MITIGATING)
			continue;
		w->risks[w->n_risks++] = r;
		if (str_empty(r->owner))
			w->n_without_owner++;
	}
	qsort(w->risks, w->n_risks, sizeof(*w->risks), by_score);
	w->next_steps = &d->next_steps;
	return ST_OK;
}

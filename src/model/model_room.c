/* model_room: the room's part of the model (agenda, timer, voting rounds,
 * ready marks, the parking lot): names, freeing, growing, lookups. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"
#include "model/model_int.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- running the room ---------------------------------------------------- */

static const char *const timer_ids[TIMER_STATE_COUNT] = {
	"stopped", "running", "paused"
};
static const char *const scope_ids[ROUND_SCOPE_COUNT] = {
	"all", "criterion", "approach", "cells"
};
static const char *const round_state_ids[ROUND_STATE_COUNT] = {
	"open", "revealed"
};
static const char *const park_ids[PARK_STATUS_COUNT] = {
	"open", "roadmap", "done"
};
static const char *const park_labels[PARK_STATUS_COUNT] = {
	N_("Open"), N_("Taken into the roadmap"), N_("Done")
};

#define ENUM_NAMES(id_fn, from_fn, type, ids, count, dflt)             \
	const char *id_fn(type s)                                       \
	{                                                               \
		return (unsigned)s < (count) ? ids[s] : (dflt);         \
	}                                                               \
	int from_fn(const char *s, type *out)                           \
	{                                                               \
		int i = model_lookup(ids, (count), s);                        \
                                                                        \
		if (i < 0)                                              \
			return ST_INPUT;                                \
		*out = (type)i;                                         \
		return ST_OK;                                           \
	}

ENUM_NAMES(timer_state_id, timer_state_from_id, enum timer_state, timer_ids,
	   TIMER_STATE_COUNT, "stopped")
ENUM_NAMES(round_scope_id, round_scope_from_id, enum round_scope, scope_ids,
	   ROUND_SCOPE_COUNT, "all")
ENUM_NAMES(round_state_id, round_state_from_id, enum round_state,
	   round_state_ids, ROUND_STATE_COUNT, "open")
ENUM_NAMES(park_status_id, park_status_from_id, enum park_status, park_ids,
	   PARK_STATUS_COUNT, "open")

const char *park_status_label(enum park_status s)
{
	return (unsigned)s < PARK_STATUS_COUNT ? _(park_labels[s]) : "?";
}

void round_cell_clear(struct round_cell *c)
{
	free(c->approach);
	free(c->criterion);
	memset(c, 0, sizeof(*c));
}

void ballot_clear(struct ballot *b)
{
	free(b->participant);
	free(b->approach);
	free(b->criterion);
	memset(b, 0, sizeof(*b));
}

void vote_round_clear(struct vote_round *r)
{
	free(r->scope_key);
	free(r->opened_by);
	free(r->revealed_by);
	CLEAR_ARRAY(r->cells, r->n_cells, round_cell_clear);
	CLEAR_ARRAY(r->covers, r->n_covers, round_cell_clear);
	CLEAR_ARRAY(r->votes, r->n_votes, vote_clear);
	CLEAR_ARRAY(r->ballots, r->n_ballots, ballot_clear);
	memset(r, 0, sizeof(*r));
}

void ready_mark_clear(struct ready_mark *m)
{
	free(m->participant);
	memset(m, 0, sizeof(*m));
}

void park_item_clear(struct park_item *p)
{
	free(p->text);
	free(p->added_by);
	free(p->next_step);
	memset(p, 0, sizeof(*p));
}

ADDER(wsdata_add_agenda, struct agenda_item, agenda, n_agenda)
ADDER(wsdata_add_round, struct vote_round, rounds, n_rounds)
ADDER(wsdata_add_earlier_vote, struct vote, earlier_votes, n_earlier_votes)
ADDER(wsdata_add_ready, struct ready_mark, ready, n_ready)
ADDER(wsdata_add_park, struct park_item, parking, n_parking)

struct vote *round_add_vote(struct vote_round *r)
{
	return model_grow((void **)&r->votes, &r->n_votes, sizeof(struct vote));
}

struct ballot *round_add_ballot(struct vote_round *r)
{
	return model_grow((void **)&r->ballots, &r->n_ballots, sizeof(struct ballot));
}

struct round_cell *round_add_cell(struct vote_round *r)
{
	return model_grow((void **)&r->cells, &r->n_cells, sizeof(struct round_cell));
}

struct round_cell *round_add_cover(struct vote_round *r)
{
	return model_grow((void **)&r->covers, &r->n_covers,
		    sizeof(struct round_cell));
}

int vote_copy(struct vote *dst, const struct vote *src)
{
	*dst = *src;
	dst->participant = dst->approach = dst->criterion = NULL;
	if (!model_dup_opt(&dst->participant, src->participant) ||
	    !model_dup_opt(&dst->approach, src->approach) ||
	    !model_dup_opt(&dst->criterion, src->criterion)) {
		vote_clear(dst);
		return ST_ERROR;
	}
	return ST_OK;
}

const struct agenda_item *wsdata_agenda(const struct workshop_data *d,
					enum stage st)
{
	for (size_t i = 0; i < d->n_agenda; i++)
		if (d->agenda[i].stage == st)
			return &d->agenda[i];
	return NULL;
}

const struct vote_round *wsdata_round(const struct workshop_data *d, int n)
{
	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].number == n)
			return &d->rounds[i];
	return NULL;
}

const struct vote_round *wsdata_open_round(const struct workshop_data *d)
{
	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].state == ROUND_OPEN)
			return &d->rounds[i];
	return NULL;
}

const struct park_item *wsdata_park(const struct workshop_data *d,
				    int64_t id)
{
	for (size_t i = 0; i < d->n_parking; i++)
		if (d->parking[i].id == id)
			return &d->parking[i];
	return NULL;
}

bool round_covers(const struct vote_round *r, const char *approach,
		  const char *criterion)
{
	for (size_t i = 0; i < r->n_covers; i++)
		if (str_eq(r->covers[i].approach, approach) &&
		    str_eq(r->covers[i].criterion, criterion))
			return true;
	return false;
}

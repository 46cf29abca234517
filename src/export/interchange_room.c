#include "config.h"
/*
 * interchange_room: the room's keys of an interchange file (agenda,
 * timer, voting rounds with their votes, ready marks, the parking lot).
 */

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "export/interchange.h"
#include "export/interchange_int.h"
#include "util/i18n.h"
#include "util/utf8.h"

/* A Unix time or a count of seconds: a whole number >= lo. */
static int get_seconds(struct rd *r, const node_t *n, const char *field,
		       int64_t lo, int64_t *out)
{
	double v;

	if (ix_get_number(r, n, field, &v) < 0)
		return -1;
	if (v != floor(v) || v < (double)lo || v > 1e15)
		return ix_fail(r, n, _("'%s' must be a whole number of seconds of at least %lld"),
			    field, (long long)lo);
	*out = (int64_t)v;
	return 0;
}

/* A stage of the agenda: interview to roadmap. */
static int get_stage(struct rd *r, const node_t *n, const char *field,
		     enum stage *out)
{
	if (n->type != YAML_SCALAR_NODE || stage_from_id(ix_sval(n), out) < 0 ||
	    *out == STAGE_DONE)
		return ix_fail(r, n, _("'%s' must be a stage from interview to roadmap, not '%s'"),
			    field, n->type == YAML_SCALAR_NODE ? ix_sval(n) : "");
	return 0;
}

static int read_agenda(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"stage", "minutes", "spent_seconds", NULL
	};

	if (ix_expect_seq(r, n, "agenda") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[3];
		struct agenda_item *a;

		if (ix_fields(r, x, _("an agenda stage"), keys, f) < 0)
			return -1;
		if (!f[0])
			return ix_fail(r, x, "%s", _("'stage' is missing"));
		if (!(a = wsdata_add_agenda(r->d)))
			return ix_oom(r);
		a->pos = (int)(r->d->n_agenda - 1);
		if (get_stage(r, f[0], "stage", &a->stage) < 0 ||
		    (f[1] && ix_get_int(r, f[1], "minutes", 0, 24 * 60,
				     &a->planned) < 0) ||
		    (f[2] && get_seconds(r, f[2], "spent_seconds", 0,
					 &a->spent) < 0))
			return -1;
		for (size_t k = 0; k + 1 < r->d->n_agenda; k++)
			if (r->d->agenda[k].stage == a->stage)
				return ix_fail(r, f[0], _("stage '%s' is in the agenda twice"),
					    stage_id(a->stage));
	}
	return 0;
}

static int read_timer(struct rd *r, const node_t *n)
{
	enum { STAGE, STATE, ENDS, STARTED, REMAINING, DURATION, N };
	static const char *const keys[] = {
		"stage", "state", "ends_at", "started_at", "remaining",
		"duration", NULL
	};
	struct room_timer *t = &r->d->timer;
	node_t *f[N];

	if (ix_fields(r, n, "'timer'", keys, f) < 0)
		return -1;
	if (!f[STAGE] || !f[STATE])
		return ix_fail(r, n, "%s", _("the timer needs 'stage' and 'state'"));
	t->set = true;
	if (get_stage(r, f[STAGE], "stage", &t->stage) < 0)
		return -1;
	if (f[STATE]->type != YAML_SCALAR_NODE ||
	    timer_state_from_id(ix_sval(f[STATE]), &t->state) < 0)
		return ix_fail(r, f[STATE], _("unknown timer state '%s' (expected running, paused or stopped)"),
			    f[STATE]->type == YAML_SCALAR_NODE ? ix_sval(f[STATE]) : "");
	if (t->state == TIMER_RUNNING && (!f[ENDS] || !f[STARTED]))
		return ix_fail(r, n, "%s", _("a running timer needs 'ends_at' and 'started_at'"));
	if (t->state == TIMER_PAUSED && !f[REMAINING])
		return ix_fail(r, n, "%s", _("a paused timer needs 'remaining'"));
	if ((f[ENDS] && get_seconds(r, f[ENDS], "ends_at", 0, &t->ends_at) < 0) ||
	    (f[STARTED] && get_seconds(r, f[STARTED], "started_at", 0,
				       &t->started_at) < 0) ||
	    (f[REMAINING] && get_seconds(r, f[REMAINING], "remaining",
					 -86400, &t->remaining) < 0) ||
	    (f[DURATION] && get_seconds(r, f[DURATION], "duration", 0,
					&t->duration) < 0))
		return -1;
	return 0;
}

/* Does round x cover the cell, by its scope (the reader has no loaded
 * cover list yet)? */
static bool scope_covers(const struct vote_round *x, const char *ak,
			 const char *ck)
{
	switch (x->scope) {
	case ROUND_ALL:
		return true;
	case ROUND_CRITERION:
		return str_eq(x->scope_key, ck);
	case ROUND_APPROACH:
		return str_eq(x->scope_key, ak);
	default:
		for (size_t i = 0; i < x->n_cells; i++)
			if (str_eq(x->cells[i].approach, ak) &&
			    str_eq(x->cells[i].criterion, ck))
				return true;
		return false;
	}
}

static int read_round_cells(struct rd *r, const node_t *n,
			    struct vote_round *x)
{
	static const char *const keys[] = { "approach", "criterion", NULL };

	if (ix_expect_seq(r, n, "cells") < 0)
		return -1;
	if (!N_ITEMS(n))
		return ix_fail(r, n, "%s", _("a round on cells needs at least one cell"));
	FOR_ITEMS(it, n) {
		node_t *y = ix_nd(r, *it), *f[2];
		struct round_cell *c;

		if (ix_fields(r, y, _("a cell"), keys, f) < 0)
			return -1;
		if (!f[0] || !f[1])
			return ix_fail(r, y, "%s", _("a cell needs an approach and a criterion"));
		if (!(c = round_add_cell(x)))
			return ix_oom(r);
		if (ix_known_approach(r, f[0], _("a cell"), &c->approach) < 0 ||
		    ix_known_criterion(r, f[1], _("a cell"), &c->criterion) < 0)
			return -1;
	}
	return 0;
}

static int read_round_votes(struct rd *r, const node_t *n,
			    struct vote_round *x)
{
	static const char *const keys[] = {
		"participant", "approach", "criterion", "score", NULL
	};

	if (ix_expect_seq(r, n, "votes") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *y = ix_nd(r, *it), *f[4];
		struct vote *v;
		struct ballot *b;

		if (ix_fields(r, y, _("a vote"), keys, f) < 0)
			return -1;
		if (!(v = round_add_vote(x)) || !(b = round_add_ballot(x)))
			return ix_oom(r);
		v->round = x->number;
		if (ix_get_id(r, y, f[0], "participant", &v->participant) < 0)
			return -1;
		if (!f[1] || !f[2] || !f[3])
			return ix_fail(r, y, "%s",
				    _("a vote needs participant, approach, criterion and score"));
		if (ix_known_approach(r, f[1], _("a vote"), &v->approach) < 0 ||
		    ix_known_criterion(r, f[2], _("a vote"), &v->criterion) < 0 ||
		    ix_get_number(r, f[3], "score", &v->value) < 0 ||
		    ix_in_scale(r, f[3], v->value) < 0)
			return -1;
		if (!scope_covers(x, v->approach, v->criterion))
			return ix_fail(r, y, _("round %d does not cover %s/%s"),
				    x->number, v->approach, v->criterion);
		for (size_t k = 0; k + 1 < x->n_votes; k++)
			if (str_eq(x->votes[k].participant, v->participant) &&
			    str_eq(x->votes[k].approach, v->approach) &&
			    str_eq(x->votes[k].criterion, v->criterion))
				return ix_fail(r, y, _("%s votes twice on %s/%s in round %d"),
					    v->participant, v->approach,
					    v->criterion, x->number);
		if (!(b->participant = str_dup(v->participant)) ||
		    !(b->approach = str_dup(v->approach)) ||
		    !(b->criterion = str_dup(v->criterion)))
			return ix_oom(r);
	}
	return 0;
}

/* The cells a round covers, from its scope, as the store would list them. */
static int round_covers_all(struct rd *r, struct vote_round *x)
{
	for (size_t a = 0; a < r->d->n_approaches; a++) {
		for (size_t c = 0; c < r->d->n_criteria; c++) {
			const char *ak = r->d->approaches[a].key;
			const char *ck = r->d->criteria[c].key;
			struct round_cell *rc;

			if (!scope_covers(x, ak, ck))
				continue;
			if (!(rc = round_add_cover(x)) ||
			    !(rc->approach = str_dup(ak)) ||
			    !(rc->criterion = str_dup(ck)))
				return ix_oom(r);
		}
	}
	return 0;
}

static int read_round(struct rd *r, const node_t *x)
{
	enum { NUMBER, SCOPE, CRIT, APP, CELLS, FOLLOWS, STATE, OPENED_BY,
	       OPENED_AT, REVEALED_BY, REVEALED_AT, VOTES, N };
	static const char *const keys[] = {
		"number", "scope", "criterion", "approach", "cells", "follows",
		"state", "opened_by", "opened_at", "revealed_by", "revealed_at",
		"votes", NULL
	};
	struct vote_round *v;
	node_t *f[N];

	if (ix_fields(r, x, _("a voting round"), keys, f) < 0)
		return -1;
	if (!(v = wsdata_add_round(r->d)))
		return ix_oom(r);
	v->state = ROUND_REVEALED;
	if (!f[NUMBER])
		return ix_fail(r, x, "%s", _("'number' is missing"));
	if (ix_get_int(r, f[NUMBER], "number", 1, 1000000000, &v->number) < 0)
		return -1;
	for (size_t k = 0; k + 1 < r->d->n_rounds; k++)
		if (r->d->rounds[k].number == v->number)
			return ix_fail(r, f[NUMBER], _("duplicate round number %d"),
				    v->number);
	if (f[SCOPE] && (f[SCOPE]->type != YAML_SCALAR_NODE ||
			 round_scope_from_id(ix_sval(f[SCOPE]), &v->scope) < 0))
		return ix_fail(r, f[SCOPE], _("unknown round scope '%s' (expected all, criterion, approach or cells)"),
			    f[SCOPE]->type == YAML_SCALAR_NODE ? ix_sval(f[SCOPE]) : "");
	if (v->scope == ROUND_CRITERION && !f[CRIT])
		return ix_fail(r, x, "%s", _("a round on a criterion names it ('criterion')"));
	if (v->scope == ROUND_APPROACH && !f[APP])
		return ix_fail(r, x, "%s", _("a round on an approach names it ('approach')"));
	if (v->scope == ROUND_CELLS && !f[CELLS])
		return ix_fail(r, x, "%s", _("a round on cells lists them ('cells')"));
	if ((f[CRIT] && v->scope != ROUND_CRITERION) ||
	    (f[APP] && v->scope != ROUND_APPROACH) ||
	    (f[CELLS] && v->scope != ROUND_CELLS))
		return ix_fail(r, f[CRIT] ? f[CRIT] : f[APP] ? f[APP] : f[CELLS],
			    _("this key does not go with scope '%s'"),
			    round_scope_id(v->scope));
	if ((f[CRIT] && ix_known_criterion(r, f[CRIT], "'criterion'",
					&v->scope_key) < 0) ||
	    (f[APP] && ix_known_approach(r, f[APP], "'approach'",
				      &v->scope_key) < 0) ||
	    (f[CELLS] && read_round_cells(r, f[CELLS], v) < 0))
		return -1;
	if (f[STATE] && (f[STATE]->type != YAML_SCALAR_NODE ||
			 round_state_from_id(ix_sval(f[STATE]), &v->state) < 0))
		return ix_fail(r, f[STATE], _("unknown round state '%s' (expected open or revealed)"),
			    f[STATE]->type == YAML_SCALAR_NODE ? ix_sval(f[STATE]) : "");
	if (v->state == ROUND_OPEN && (f[REVEALED_BY] || f[REVEALED_AT]))
		return ix_fail(r, f[REVEALED_BY] ? f[REVEALED_BY] : f[REVEALED_AT],
			    "%s", _("an open round has not been revealed"));
	if (f[FOLLOWS] && ix_get_int(r, f[FOLLOWS], "follows", 0, v->number - 1,
				  &v->follows) < 0)
		return -1;
	if (ix_get_line(r, f[OPENED_BY], "opened_by", &v->opened_by) < 0 ||
	    ix_get_line(r, f[REVEALED_BY], "revealed_by", &v->revealed_by) < 0 ||
	    (f[OPENED_AT] && get_seconds(r, f[OPENED_AT], "opened_at", 0,
					 &v->opened_at) < 0) ||
	    (f[REVEALED_AT] && get_seconds(r, f[REVEALED_AT], "revealed_at", 0,
					   &v->revealed_at) < 0) ||
	    (f[VOTES] && !ix_is_null(f[VOTES]) &&
	     read_round_votes(r, f[VOTES], v) < 0))
		return -1;
	return round_covers_all(r, v);
}

static int read_rounds(struct rd *r, const node_t *n)
{
	int open = 0;

	if (ix_expect_seq(r, n, "rounds") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it);
		const struct vote_round *last;

		if (read_round(r, x) < 0)
			return -1;
		last = &r->d->rounds[r->d->n_rounds - 1];
		if (last->state != ROUND_OPEN)
			continue;
		if (open)
			return ix_fail(r, x, _("rounds %d and %d are both open: one round is open at a time"),
				    open, last->number);
		open = last->number;
	}
	/* follows names a round of the file (after all are read). */
	for (size_t i = 0; i < r->d->n_rounds; i++)
		if (r->d->rounds[i].follows &&
		    !wsdata_round(r->d, r->d->rounds[i].follows))
			return ix_fail(r, ix_nd(r, n->data.sequence.items.start[i]),
				    _("round %d follows round %d, which is not in the file"),
				    r->d->rounds[i].number,
				    r->d->rounds[i].follows);
	return 0;
}

static int read_ready(struct rd *r, const node_t *n)
{
	static const char *const keys[] = { "participant", "stage", "at", NULL };

	if (ix_expect_seq(r, n, "ready") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[3];
		struct ready_mark *m;

		if (ix_fields(r, x, _("a ready mark"), keys, f) < 0)
			return -1;
		if (!f[1])
			return ix_fail(r, x, "%s", _("'stage' is missing"));
		if (!(m = wsdata_add_ready(r->d)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "participant", &m->participant) < 0 ||
		    get_stage(r, f[1], "stage", &m->stage) < 0 ||
		    (f[2] && get_seconds(r, f[2], "at", 0, &m->at) < 0))
			return -1;
	}
	return 0;
}

static int read_parking(struct rd *r, const node_t *n)
{
	static const char *const keys[] = {
		"text", "added_by", "added_at", "status", "next_step", NULL
	};

	if (ix_expect_seq(r, n, "parking_lot") < 0)
		return -1;
	FOR_ITEMS(it, n) {
		node_t *x = ix_nd(r, *it), *f[5];
		struct park_item *p;

		if (ix_fields(r, x, _("a parking-lot item"), keys, f) < 0)
			return -1;
		if (!(p = wsdata_add_park(r->d)))
			return ix_oom(r);
		if (ix_get_id(r, x, f[0], "text", &p->text) < 0 ||
		    ix_get_line(r, f[1], "added_by", &p->added_by) < 0 ||
		    (f[2] && get_seconds(r, f[2], "added_at", 0,
					 &p->added_at) < 0) ||
		    ix_get_line(r, f[4], "next_step", &p->next_step) < 0)
			return -1;
		if (strspn(p->text, " \t") == strlen(p->text))
			return ix_fail(r, f[0], "%s", _("'text' must not be blank"));
		if (f[3] && (f[3]->type != YAML_SCALAR_NODE ||
			     park_status_from_id(ix_sval(f[3]), &p->status) < 0))
			return ix_fail(r, f[3], _("unknown parking-lot status '%s' (expected open, roadmap or done)"),
				    f[3]->type == YAML_SCALAR_NODE ? ix_sval(f[3]) : "");
	}
	return 0;
}

/* The round a cell's votes count in: the newest covering it (0: none). */
static int cell_round(const struct workshop_data *d, const char *ak,
		      const char *ck)
{
	int n = 0;

	for (size_t i = 0; i < d->n_rounds; i++)
		if (d->rounds[i].number > n && round_covers(&d->rounds[i], ak, ck))
			n = d->rounds[i].number;
	return n;
}

static int by_voter_cell(const void *x, const void *y, void *ctx)
{
	const struct workshop_data *d = ctx;
	const struct vote *a = x, *b = y;
	int c = strcmp(a->participant, b->participant);

	if (!c)
		c = wsdata_approach_index(d, a->approach) -
		    wsdata_approach_index(d, b->approach);
	if (!c)
		c = wsdata_criterion_index(d, a->criterion) -
		    wsdata_criterion_index(d, b->criterion);
	return c;
}

/*
 * The votes as a loaded workshop has them: d->votes the votes each cell
 * counts (those of the newest round covering it, else those cast outside
 * rounds), in the store's order; votes outside rounds on cells a round
 * covers are earlier votes.
 */
static int settle_votes(struct rd *r)
{
	struct workshop_data *d = r->d;
	size_t k = 0;

	for (size_t i = 0; i < d->n_votes; i++) {
		struct vote *v = &d->votes[i], *e;

		if (!cell_round(d, v->approach, v->criterion)) {
			d->votes[k++] = *v;
			continue;
		}
		if (!(e = wsdata_add_earlier_vote(d))) {
			/* Keep what is left where it is, to be freed. */
			for (; i < d->n_votes; i++)
				d->votes[k++] = d->votes[i];
			d->n_votes = k;
			return ix_oom(r);
		}
		*e = *v;
	}
	d->n_votes = k;
	for (size_t i = 0; i < d->n_rounds; i++) {
		const struct vote_round *x = &d->rounds[i];

		for (size_t j = 0; j < x->n_votes; j++) {
			const struct vote *v = &x->votes[j];
			struct vote *c;

			if (cell_round(d, v->approach, v->criterion) != x->number)
				continue;
			if (!(c = wsdata_add_vote(d)) || vote_copy(c, v) < 0)
				return ix_oom(r);
		}
	}
	qsort_r(d->votes, d->n_votes, sizeof(*d->votes), by_voter_cell, d);
	return 0;
}

/* The room's keys of a workshop file (each may be absent or null). */
int ix_read_room(struct rd *r, node_t *agenda, node_t *timer,
		 node_t *rounds, node_t *ready, node_t *parking)
{
	if ((agenda && !ix_is_null(agenda) && read_agenda(r, agenda) < 0) ||
	    (timer && !ix_is_null(timer) && read_timer(r, timer) < 0) ||
	    (rounds && !ix_is_null(rounds) && read_rounds(r, rounds) < 0) ||
	    (ready && !ix_is_null(ready) && read_ready(r, ready) < 0) ||
	    (parking && !ix_is_null(parking) && read_parking(r, parking) < 0))
		return -1;
	return r->d->n_rounds ? settle_votes(r) : 0;
}

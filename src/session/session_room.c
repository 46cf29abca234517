#include "config.h"
/*
 * session_room: blind voting rounds in the session — the one place where
 * other participants' vote values of an open round are taken out of what
 * this participant may see (sess_room_mask), the rounds' view of each
 * cell, opening and revealing rounds, who voted, `:vote` by ids, and
 * loading a workshop for the CLI under the same rule.  The countdown,
 * agenda, ready marks, parking lot and wrap-up are in session_agenda.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_room.h"
#include "util/i18n.h"
#include "util/num.h"

/* A name to show, else the key. */
static const char *name_or(const char *name, const char *key)
{
	return str_empty(name) ? key : name;
}

struct sess_room {
	struct sess_room_cell *cells;   /* n_approaches × n_criteria */
	size_t n_cells;
};

/* ---- THE RULE ------------------------------------------------------------- */

/* Drop (and free) the votes of round `round` (-1: any) that are not
 * `who`'s, keeping the order of the rest. */
static void filter_votes(struct vote *v, size_t *n, const char *who,
			 int round)
{
	size_t k = 0;

	for (size_t i = 0; i < *n; i++) {
		bool hide = (round < 0 || v[i].round == round) &&
			    !str_eq(v[i].participant, who);

		if (hide)
			vote_clear(&v[i]);
		else
			v[k++] = v[i];
	}
	*n = k;
}

void sess_room_mask(const char *who, struct workshop_data *d)
{
	for (size_t i = 0; i < d->n_rounds; i++) {
		struct vote_round *r = &d->rounds[i];

		if (r->state == ROUND_REVEALED)
			continue;
		/* Every vote a round holds is of that round. */
		filter_votes(r->votes, &r->n_votes, who, -1);
		filter_votes(d->votes, &d->n_votes, who, r->number);
		r->masked = true;
	}
}

void sess_room_mask_audit(const struct session *s, struct audit_entry *list,
			  size_t n)
{
	const struct vote_round *open = s->d ? wsdata_open_round(s->d) : NULL;

	if (!open)
		return;
	for (size_t i = 0; i < n; i++) {
		struct audit_entry *a = &list[i];

		/* Any vote of someone else's since the round opened: which
		 * round a vote went to is not in the log, so all of them. */
		if (!str_eq(a->tbl, "vote") || str_eq(a->who, session_who(s)) ||
		    a->at < open->opened_at)
			continue;
		if (a->old_value) {
			free(a->old_value);
			a->old_value = str_dup(_("(hidden until the reveal)"));
		}
		if (a->new_value) {
			free(a->new_value);
			a->new_value = str_dup(_("(hidden until the reveal)"));
		}
	}
}

int session_load_visible(struct session *s, int64_t ws,
			 struct workshop_data **out, struct error *e)
{
	int rc = store_workshop_load(s->store, ws, out, e);

	if (rc == ST_OK)
		sess_room_mask(session_who(s), *out);
	return rc;
}

/* ---- the rounds' view of the matrix --------------------------------------- */

void sess_room_clear(struct session *s)
{
	struct sess_room *v = s->room;

	if (!v)
		return;
	for (size_t i = 0; i < v->n_cells; i++)
		strv_free(&v->cells[i].voted);
	free(v->cells);
	free(v);
	s->room = NULL;
}

/* The newest round covering the cell, and the newest revealed one
 * before it. */
static void cell_rounds(const struct workshop_data *d, const char *ak,
			const char *ck, const struct vote_round **cur,
			const struct vote_round **prev)
{
	*cur = *prev = NULL;
	for (size_t i = 0; i < d->n_rounds; i++) {
		const struct vote_round *r = &d->rounds[i];

		if (!round_covers(r, ak, ck))
			continue;
		if (!*cur || r->number > (*cur)->number)
			*cur = r;
	}
	for (size_t i = 0; *cur && i < d->n_rounds; i++) {
		const struct vote_round *r = &d->rounds[i];

		if (r->number < (*cur)->number && r->state == ROUND_REVEALED &&
		    round_covers(r, ak, ck) && (!*prev ||
						r->number > (*prev)->number))
			*prev = r;
	}
}

static int build_cell(const struct session *s, size_t ai, size_t ci,
		      struct sess_room_cell *c)
{
	const struct workshop_data *d = s->d;
	const char *ak = d->approaches[ai].key, *ck = d->criteria[ci].key;
	const struct vote_round *cur, *prev;

	cell_rounds(d, ak, ck, &cur, &prev);
	if (!cur)
		return ST_OK;
	c->round = cur->number;
	c->blind = cur->state == ROUND_OPEN;
	for (size_t i = 0; i < cur->n_ballots; i++) {
		const struct ballot *b = &cur->ballots[i];

		if (!str_eq(b->approach, ak) || !str_eq(b->criterion, ck) ||
		    strv_contains(&c->voted, b->participant))
			continue;
		if (strv_push(&c->voted, b->participant) < 0)
			return ST_ERROR;
		if (str_eq(b->participant, session_who(s)))
			c->i_voted = true;
	}
	if (prev) {
		c->prev_round = prev->number;
		room_round_cell_stats(prev, ak, ck, &c->prev);
	}
	return ST_OK;
}

int sess_room_build(struct session *s)
{
	const struct workshop_data *d = s->d;
	struct sess_room *v;

	sess_room_clear(s);
	if (!d)
		return ST_OK;
	if (!(v = calloc(1, sizeof(*v))))
		return ST_ERROR;
	s->room = v;
	v->n_cells = d->n_approaches * d->n_criteria;
	if (!v->n_cells)
		return ST_OK;
	if (!(v->cells = calloc(v->n_cells, sizeof(*v->cells)))) {
		v->n_cells = 0;
		return ST_ERROR;
	}
	for (size_t ai = 0; ai < d->n_approaches; ai++)
		for (size_t ci = 0; ci < d->n_criteria; ci++)
			if (build_cell(s, ai, ci,
				       &v->cells[ai * d->n_criteria + ci]) < 0)
				return ST_ERROR;
	return ST_OK;
}

const struct sess_room_cell *session_room_cell(const struct session *s,
					       size_t ai, size_t ci)
{
	if (!s->d || !s->room || !s->room->cells || ai >= s->d->n_approaches ||
	    ci >= s->d->n_criteria)
		return NULL;
	return &s->room->cells[ai * s->d->n_criteria + ci];
}

bool sess_room_blind(const struct session *s, size_t ai, size_t ci)
{
	const struct sess_room_cell *c = session_room_cell(s, ai, ci);

	return c && c->blind;
}

const struct vote_round *session_round_current(const struct session *s)
{
	return s->d ? wsdata_open_round(s->d) : NULL;
}

const struct vote_round *session_round_latest(const struct session *s)
{
	const struct vote_round *last = NULL;

	for (size_t i = 0; s->d && i < s->d->n_rounds; i++)
		if (!last || s->d->rounds[i].number > last->number)
			last = &s->d->rounds[i];
	return last;
}

int session_round_number(const struct session *s)
{
	const struct vote_round *r = session_round_current(s);

	if (!r)
		r = session_round_latest(s);
	return r ? r->number : 0;
}

/* ---- who is here, who voted ----------------------------------------------- */

int session_present(const struct session *s, struct strv *names)
{
	if (!s->read_only && !strv_contains(names, session_who(s)) &&
	    strv_push(names, session_who(s)) < 0)
		return ST_ERROR;
	for (size_t i = 0; i < s->others.n; i++)
		if (!strv_contains(names, s->others.v[i]) &&
		    strv_push(names, s->others.v[i]) < 0)
			return ST_ERROR;
	return ST_OK;
}

int session_cell_voters(const struct session *s, size_t ai, size_t ci,
			struct strv *voted, struct strv *not_voted)
{
	const struct sess_room_cell *c = session_room_cell(s, ai, ci);
	struct strv here = { 0 };
	int rc = ST_OK;

	if (!c)
		return ST_NOTFOUND;
	for (size_t i = 0; rc == ST_OK && i < c->voted.n; i++)
		rc = strv_push(voted, c->voted.v[i]);
	if (rc == ST_OK && not_voted)
		rc = session_present(s, &here);
	for (size_t i = 0; rc == ST_OK && not_voted && i < here.n; i++)
		if (!strv_contains(&c->voted, here.v[i]))
			rc = strv_push(not_voted, here.v[i]);
	strv_free(&here);
	return rc < 0 ? ST_ERROR : ST_OK;
}

void sess_round_progress_clear(struct sess_round_progress *p)
{
	strv_free(&p->names);
	free(p->voted);
	memset(p, 0, sizeof(*p));
}

static int progress_name(struct sess_round_progress *p, const char *name,
			 size_t *at)
{
	for (size_t i = 0; i < p->names.n; i++) {
		if (str_eq(p->names.v[i], name)) {
			*at = i;
			return ST_OK;
		}
	}
	{
		size_t *nv = realloc(p->voted, (p->names.n + 1) * sizeof(*nv));

		if (!nv)
			return ST_ERROR;
		p->voted = nv;
	}
	if (strv_push(&p->names, name) < 0)
		return ST_ERROR;
	*at = p->names.n - 1;
	p->voted[*at] = 0;
	return ST_OK;
}

int session_round_progress(const struct session *s,
			   struct sess_round_progress *p)
{
	const struct vote_round *r = session_round_current(s);
	struct strv here = { 0 };
	size_t at;
	int rc;

	memset(p, 0, sizeof(*p));
	if (!r)
		return ST_OK;
	p->number = r->number;
	p->n_cells = r->n_covers;
	if ((rc = session_present(s, &here)) < 0)
		goto out;
	for (size_t i = 0; i < here.n; i++)
		if ((rc = progress_name(p, here.v[i], &at)) < 0)
			goto out;
	for (size_t i = 0; i < r->n_ballots; i++) {
		const struct ballot *b = &r->ballots[i];

		/* Only ballots on cells it still covers count. */
		if (!round_covers(r, b->approach, b->criterion))
			continue;
		if ((rc = progress_name(p, b->participant, &at)) < 0)
			goto out;
		p->voted[at]++;
	}
	for (size_t i = 0; i < p->names.n; i++)
		if (p->n_cells && p->voted[i] >= p->n_cells)
			p->n_done++;
out:
	strv_free(&here);
	if (rc < 0)
		sess_round_progress_clear(p);
	return rc;
}

/* ---- opening and revealing --------------------------------------------- */

bool sess_room_refuse_role(struct session *s, const char *what,
			   struct sess_result *r)
{
	const char *fac;

	if (sess_refuse(s, true, r))
		return true;
	if (session_is_facilitator(s))
		return false;
	fac = session_facilitator(s);
	if (fac)
		sess_refuse_msg(r, _("only the facilitator (%s) %s"), fac, what);
	else
		sess_refuse_msg(r, _("only the facilitator %s, and this workshop has none: :facilitate takes the role"),
				what);
	return true;
}

static int opened(struct session *s, int rc, const struct error *e,
		  int number, const char *scope, struct sess_result *r)
{
	sess_finish(s, rc, e, NULL, NULL, r);
	if (rc == ST_OK) {
		r->number = number;
		snprintf(r->msg, sizeof(r->msg),
			 _("round %d open on %s, blind until the reveal"),
			 number, scope);
	}
	return rc;
}

int session_round_open(struct session *s, enum round_scope scope,
		       const char *key, struct sess_result *r)
{
	struct error e;
	char what[200];
	int number = 0, rc;
	int idx;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("opens a voting round"), r))
		return r->code;
	switch (scope) {
	case ROUND_ALL:
		snprintf(what, sizeof(what), "%s", _("all cells"));
		key = NULL;
		break;
	case ROUND_CRITERION:
		idx = key ? wsdata_criterion_index(s->d, key) : -1;
		if (idx < 0) {
			sess_refuse_msg(r, _("no criterion '%s' in this workshop"),
					key ? key : "");
			return r->code;
		}
		snprintf(what, sizeof(what), _("the cells of %s"),
			 name_or(s->d->criteria[idx].name, key));
		break;
	case ROUND_APPROACH:
		idx = key ? wsdata_approach_index(s->d, key) : -1;
		if (idx < 0) {
			sess_refuse_msg(r, _("no approach '%s' in this workshop"),
					key ? key : "");
			return r->code;
		}
		snprintf(what, sizeof(what), _("the cells of %s"),
			 name_or(s->d->approaches[idx].name, key));
		break;
	default:
		sess_refuse_msg(r, "%s", _("a round on chosen cells is opened on the spread cells of the last round (:round open spread)"));
		return r->code;
	}
	if (!s->d->n_approaches || !s->d->n_criteria) {
		sess_refuse_msg(r, "%s", _("there is nothing to vote on: add approaches and criteria first"));
		return r->code;
	}
	err_clear(&e);
	rc = store_round_open(s->store, s->ws, scope, key, NULL, 0, 0, &number,
			      &e);
	return opened(s, rc, &e, number, what, r);
}

int session_round_open_spread(struct session *s, struct sess_result *r)
{
	const struct vote_round *last;
	struct round_cell *cells = NULL;
	size_t *idx = NULL, n = 0;
	struct error e;
	char what[96];
	int number = 0, rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("opens a voting round"), r))
		return r->code;
	last = session_round_latest(s);
	if (!last) {
		sess_refuse_msg(r, "%s", _("there is no round yet whose spread cells could be voted on again (:round open)"));
		return r->code;
	}
	if (last->state == ROUND_OPEN) {
		sess_refuse_msg(r, _("round %d is still open: reveal it first"),
				last->number);
		return r->code;
	}
	if (room_spread_cells(last, SESS_SPREAD, &idx, &n) < 0)
		return sess_finish(s, err_set(&e, ST_ERROR, "%s",
					      _("out of memory")), &e, NULL,
				   NULL, r);
	if (!n) {
		sess_refuse_msg(r, _("no cell of round %d is spread (votes %s or more apart): no second round needed"),
				last->number, "2");
		return r->code;
	}
	if (!(cells = calloc(n, sizeof(*cells)))) {
		free(idx);
		return sess_finish(s, err_set(&e, ST_ERROR, "%s",
					      _("out of memory")), &e, NULL,
				   NULL, r);
	}
	for (size_t i = 0; i < n; i++)
		cells[i] = last->covers[idx[i]];   /* borrowed keys */
	err_clear(&e);
	rc = store_round_open(s->store, s->ws, ROUND_CELLS, NULL, cells, n,
			      last->number, &number, &e);
	snprintf(what, sizeof(what),
		 n == 1 ? _("%zu spread cell of round %d")
			: _("%zu spread cells of round %d"), n, last->number);
	free(cells);
	free(idx);
	return opened(s, rc, &e, number, what, r);
}

int session_round_reveal(struct session *s, struct sess_result *r)
{
	const struct vote_round *open;
	struct error e;
	int number, rc;

	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("reveals a voting round"), r))
		return r->code;
	open = session_round_current(s);
	if (!open) {
		sess_refuse_msg(r, "%s", _("no voting round is open"));
		return r->code;
	}
	number = open->number;
	err_clear(&e);
	rc = store_round_reveal(s->store, s->ws, number, &e);
	sess_finish(s, rc, &e, NULL, NULL, r);
	if (rc == ST_OK) {
		r->number = number;
		snprintf(r->msg, sizeof(r->msg),
			 _("round %d is revealed: everyone sees its votes"),
			 number);
	}
	return rc;
}

/* The next word of *p (spaces skipped), NUL-terminated in place. */
static char *word(char **p)
{
	char *w;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (!**p)
		return NULL;
	w = *p;
	while (**p && **p != ' ' && **p != '\t')
		(*p)++;
	if (**p)
		*(*p)++ = '\0';
	return w;
}

int session_round_command(struct session *s, const char *arg,
			  struct sess_result *r)
{
	char *copy = str_dup(arg ? arg : ""), *p = copy, *verb, *a, *b, *extra;
	int rc;

	sess_result_clear(r);
	if (!copy) {
		struct error e;

		return sess_finish(s, err_set(&e, ST_ERROR, "%s",
					      _("out of memory")), &e, NULL,
				   NULL, r);
	}
	verb = word(&p);
	a = word(&p);
	b = word(&p);
	extra = word(&p);
	if (verb && str_eq(verb, "reveal") && !a) {
		rc = session_round_reveal(s, r);
	} else if (!verb || !str_eq(verb, "open") || extra ||
		   (b && !str_eq(a, "criterion") && !str_eq(a, "approach"))) {
		sess_refuse_msg(r, "%s", _("usage: :round open [all | spread | criterion KEY | approach KEY | KEY], :round reveal"));
		rc = r->code;
	} else if (!a || (str_eq(a, "all") && !b)) {
		rc = session_round_open(s, ROUND_ALL, NULL, r);
	} else if (str_eq(a, "spread") && !b) {
		rc = session_round_open_spread(s, r);
	} else if (str_eq(a, "criterion") || str_eq(a, "approach")) {
		rc = session_round_open(s, str_eq(a, "criterion")
					? ROUND_CRITERION : ROUND_APPROACH, b, r);
	} else if (s->d && wsdata_criterion_index(s->d, a) >= 0 &&
		   wsdata_approach_index(s->d, a) >= 0) {
		sess_refuse_msg(r, _("'%s' is both a criterion and an approach: say which (:round open criterion %s)"),
				a, a);
		rc = r->code;
	} else {
		rc = session_round_open(s, s->d && wsdata_approach_index(s->d, a)
					>= 0 ? ROUND_APPROACH : ROUND_CRITERION,
					a, r);
		if (r->status == SESS_REFUSED && s->d &&
		    wsdata_criterion_index(s->d, a) < 0)
			snprintf(r->msg, sizeof(r->msg),
				 _("no criterion or approach '%s' in this workshop"),
				 a);
	}
	free(copy);
	return rc;
}

/* ---- :vote by ids ---------------------------------------------------------- */

/* "the ids are a, b, c" for an error message. */
static void list_keys(char *buf, size_t size, const struct workshop_data *d,
		      bool approaches)
{
	struct buf b;
	size_t n = approaches ? d->n_approaches : d->n_criteria;

	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "",
			   approaches ? d->approaches[i].key
				      : d->criteria[i].key);
	snprintf(buf, size, "%s", n ? buf_str(&b) : _("none yet"));
	buf_free(&b);
}

int session_vote_by_ids(struct session *s, const char *approach,
			const char *criterion, const char *score,
			struct sess_result *r)
{
	const struct sess_cell *c;
	const struct sess_room_cell *rc_;
	char keys[512], lo[NUM_BUF], hi[NUM_BUF], num[NUM_BUF], *label;
	double v = 0;
	bool clear;
	int ai, ci, rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	if (str_empty(approach) || str_empty(criterion) || str_empty(score)) {
		sess_refuse_msg(r, "%s", _("usage: :vote APPROACH CRITERION SCORE (the ids of both, a score on the scale or - to take the vote back)"));
		return r->code;
	}
	if ((ai = wsdata_approach_index(s->d, approach)) < 0) {
		list_keys(keys, sizeof(keys), s->d, true);
		sess_refuse_msg(r, _("no approach '%s' (approaches: %s)"),
				approach, keys);
		return r->code;
	}
	if ((ci = wsdata_criterion_index(s->d, criterion)) < 0) {
		list_keys(keys, sizeof(keys), s->d, false);
		sess_refuse_msg(r, _("no criterion '%s' (criteria: %s)"),
				criterion, keys);
		return r->code;
	}
	clear = str_eq(score, "-");
	num_fmt(lo, sizeof(lo), NUM_VALUE, s->d->ws.scale_min);
	num_fmt(hi, sizeof(hi), NUM_VALUE, s->d->ws.scale_max);
	if (!clear && num_parse(score, &v) < 0) {
		sess_refuse_msg(r, _("'%s' is not a score: give a number from %s to %s, or - to take your vote back"),
				score, lo, hi);
		return r->code;
	}
	if (!clear && (v < s->d->ws.scale_min || v > s->d->ws.scale_max)) {
		sess_refuse_msg(r, _("%s is outside the scale %s to %s"), score,
				lo, hi);
		return r->code;
	}
	c = session_cell(s, (size_t)ai, (size_t)ci);
	rc_ = session_room_cell(s, (size_t)ai, (size_t)ci);
	rc = session_set_vote(s, approach, criterion, clear ? NULL : &v,
			      c && c->mine ? c->mine->version : 0, r);
	if (!sess_ok(r))
		return rc;
	label = sess_cell_label(s, approach, criterion);
	num_fmt(num, sizeof(num), NUM_VALUE, v);
	if (clear)
		snprintf(r->msg, sizeof(r->msg), _("your vote on %s is taken back"),
			 label ? label : "");
	else if (rc_ && rc_->blind)
		snprintf(r->msg, sizeof(r->msg),
			 _("your vote on %s: %s (round %d: hidden from the others until the reveal)"),
			 label ? label : "", num, rc_->round);
	else
		snprintf(r->msg, sizeof(r->msg), _("your vote on %s: %s"),
			 label ? label : "", num);
	free(label);
	return rc;
}

#include "config.h"
/*
 * session_history: undoing a row of the history (the audit log), for the
 * History screen.  Only one's own changes (by account, whatever name they
 * were made under), and only while the thing still holds what the change
 * wrote, so that someone's later edit is never overwritten; the undo is a
 * new, recorded change.  Every kind of change a participant makes can be
 * taken back: a field, an answer, a score or its rationale, one's own
 * vote, a judgement, a move, a creation, a supersede link, and a deletion
 * made in this session (its rows are kept in memory until the session
 * ends).
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_decide.h"
#include "store/store_roles.h"
#include "util/i18n.h"
#include "util/num.h"

enum hist_kind {
	HK_FIELD, HK_ANSWER, HK_CELL, HK_RATIONALE, HK_JUDGEMENT, HK_MOVE,
	HK_CREATED, HK_DELETED, HK_LINK, HK_NONE
};

static enum hist_kind classify(const struct audit_entry *en)
{
	if (str_eq(en->tbl, "answer"))
		return HK_ANSWER;
	if (!en->field)
		return !en->old_value ? HK_CREATED : !en->new_value
		       ? HK_DELETED : HK_NONE;
	if (str_eq(en->tbl, "workshop") &&
	    (str_eq(en->field, "import") || str_eq(en->field, "duplicate")))
		return HK_CREATED;
	if (str_eq(en->field, "pos"))
		return HK_MOVE;
	if (str_eq(en->tbl, "score"))
		return str_eq(en->field, "rationale") ? HK_RATIONALE : HK_CELL;
	if (str_eq(en->tbl, "vote"))
		return HK_CELL;
	if (str_eq(en->tbl, "judgement"))
		return HK_JUDGEMENT;
	if (str_eq(en->tbl, "decision") && str_eq(en->field, "superseded_by"))
		return HK_LINK;
	if (!en->old_value)
		return HK_NONE;
	return HK_FIELD;
}

/* The score or vote row of an audit entry in the loaded data. */
static bool cell_of(struct session *s, const struct audit_entry *en,
		    const char **ak, const char **ck, double *now, bool *has)
{
	const struct workshop_data *d = s->d;

	for (size_t i = 0; str_eq(en->tbl, "score") && i < d->n_scores; i++)
		if (d->scores[i].id == en->row) {
			*ak = d->scores[i].approach;
			*ck = d->scores[i].criterion;
			*has = d->scores[i].has_value;
			*now = d->scores[i].value;
			return true;
		}
	for (size_t i = 0; str_eq(en->tbl, "vote") && i < d->n_votes; i++)
		if (d->votes[i].id == en->row) {
			*ak = d->votes[i].approach;
			*ck = d->votes[i].criterion;
			*has = true;
			*now = d->votes[i].value;
			return true;
		}
	return false;
}

/* Does a text number (NULL: none) match what a cell holds? */
static bool same_number(const char *text, bool has, double now)
{
	double v;

	if (!text || !*text)
		return !has;
	return has && num_parse(text, &v) == 0 && fabs(v - now) < 1e-9;
}

static const struct judgement *judgement_of(struct session *s, int64_t id)
{
	for (size_t i = 0; i < s->d->n_pairwise; i++)
		if (s->d->pairwise[i].id == id)
			return &s->d->pairwise[i];
	return NULL;
}

static int row_pos(struct session *s, const char *tbl, int64_t id)
{
	const struct workshop_data *d = s->d;

	for (size_t i = 0; str_eq(tbl, "approach") && i < d->n_approaches; i++)
		if (d->approaches[i].id == id)
			return d->approaches[i].pos;
	for (size_t i = 0; str_eq(tbl, "criterion") && i < d->n_criteria; i++)
		if (d->criteria[i].id == id)
			return d->criteria[i].pos;
	for (size_t i = 0; str_eq(tbl, "phase") && i < d->n_roadmap; i++)
		if (d->roadmap[i].id == id)
			return d->roadmap[i].pos;
	return -1;
}

static const struct decision *decision_of(struct session *s, int64_t id)
{
	for (size_t i = 0; i < s->d->n_decisions; i++)
		if (s->d->decisions[i].id == id)
			return &s->d->decisions[i];
	return NULL;
}

static int changed_since(struct sess_result *r)
{
	sess_refuse_msg(r, "%s", _("not undone: it changed since"));
	return ST_CONFLICT;
}

/* Is it still as the entry left it?  0 when undo may go ahead. */
static int check_kind(struct session *s, const struct audit_entry *en,
		      enum hist_kind k, struct sess_result *r)
{
	const char *ak, *ck;
	double now;
	bool has;
	int64_t ver;

	switch (k) {
	case HK_FIELD:
		return sess_still_mine(s, en->tbl, en->row, en->field,
				       en->new_value, &ver, r);
	case HK_ANSWER:
		return sess_still_mine(s, "answer", 0, en->field, en->new_value,
				       &ver, r);
	case HK_CELL:
		if (!cell_of(s, en, &ak, &ck, &now, &has))
			break;
		return same_number(en->new_value, has, now) ? ST_OK
							    : changed_since(r);
	case HK_RATIONALE: {
		const struct score *sc = NULL;

		for (size_t i = 0; i < s->d->n_scores; i++)
			if (s->d->scores[i].id == en->row)
				sc = &s->d->scores[i];
		if (!sc)
			break;
		return str_eq(sc->rationale ? sc->rationale : "",
			      en->new_value ? en->new_value : "")
		       ? ST_OK : changed_since(r);
	}
	case HK_JUDGEMENT: {
		const struct judgement *j = judgement_of(s, en->row);

		if (!j)
			break;
		if (!en->old_value) {
			sess_refuse_msg(r, "%s", _("a first judgement is undone by judging the pair again on screen 5"));
			return ST_INPUT;
		}
		return same_number(en->new_value, true, j->value) ? ST_OK
		       : changed_since(r);
	}
	case HK_MOVE: {
		int pos = row_pos(s, en->tbl, en->row);

		if (pos < 0)
			break;
		return same_number(en->new_value, true, pos + 1.0) ||
		       same_number(en->new_value, true, pos) ? ST_OK
		       : changed_since(r);
	}
	case HK_CREATED:
		if (str_eq(en->tbl, "workshop")) {
			sess_refuse_msg(r, "%s", _("undo a workshop's creation by deleting it on screen 1 (it goes to the trash)"));
			return ST_INPUT;
		}
		return sess_row_version(s, en->tbl, en->row) ? ST_OK
		       : changed_since(r);
	case HK_DELETED:
		if (sess_undo_delete_of(s, en->tbl, en->row))
			return ST_OK;
		sess_refuse_msg(r, "%s", _("not undone: it was deleted in an earlier session, and what it held is gone"));
		return ST_INPUT;
	case HK_LINK: {
		const struct decision *dc = decision_of(s, en->row);
		char now_by[16];

		if (!dc)
			break;
		snprintf(now_by, sizeof(now_by), "%d", dc->superseded_by);
		return str_eq(dc->superseded_by ? now_by : "",
			      en->new_value ? en->new_value : "")
		       ? ST_OK : changed_since(r);
	}
	case HK_NONE:
		sess_refuse_msg(r, "%s", _("this change cannot be undone here"));
		return ST_INPUT;
	}
	sess_refuse_msg(r, "%s", _("not undone: it no longer exists"));
	return ST_NOTFOUND;
}

int session_undo_check(struct session *s, const struct audit_entry *en,
		       struct sess_result *r)
{
	struct error e;
	bool mine = false;

	sess_result_clear(r);
	if (!s->d) {
		sess_refuse_msg(r, "%s", _("open a workshop first"));
		return ST_INPUT;
	}
	err_clear(&e);
	/* Ownership is the account's: a --as name never makes it mine. */
	if (store_audit_mine(s->store, en->id, &mine, &e) < 0 || !mine) {
		sess_refuse_msg(r, _("you can undo only your own changes; this one is %s's"),
				en->who);
		return ST_INPUT;
	}
	/* A supersede link is one change of two records: undoing the new
	 * record's list alone would leave the old one superseded. */
	if (str_eq(en->tbl, "decision") && str_eq(en->field, "supersedes")) {
		sess_refuse_msg(r, "%s", _("undo the link on the superseded ADR's row (superseded by): that changes both records"));
		return ST_INPUT;
	}
	return check_kind(s, en, classify(en), r);
}

static int apply_kind(struct session *s, const struct audit_entry *en,
		      enum hist_kind k, struct sess_result *r)
{
	const char *ak = NULL, *ck = NULL;
	double now = 0, v = 0;
	bool has = false;
	int64_t ver = 0;
	struct error e;
	int rc;

	err_clear(&e);
	switch (k) {
	case HK_FIELD:
		sess_still_mine(s, en->tbl, en->row, en->field, en->new_value,
				&ver, r);
		rc = store_update(s->store, en->tbl, en->row, en->field,
				  en->old_value ? en->old_value : "", ver, NULL,
				  &e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	case HK_ANSWER:
		sess_still_mine(s, "answer", 0, en->field, en->new_value, &ver,
				r);
		return sess_put_answer(s, en->field, en->old_value, ver, r);
	case HK_CELL: {
		const struct sess_cell *c;
		int ai, ci;

		cell_of(s, en, &ak, &ck, &now, &has);
		ai = wsdata_approach_index(s->d, ak);
		ci = wsdata_criterion_index(s->d, ck);
		c = session_cell(s, (size_t)ai, (size_t)ci);
		if (en->old_value && num_parse(en->old_value, &v) < 0)
			return changed_since(r);
		if (str_eq(en->tbl, "vote"))
			return session_set_vote(s, ak, ck,
						en->old_value ? &v : NULL,
						c && c->mine ? c->mine->version
						: 0, r);
		return session_set_score(s, ak, ck, en->old_value ? &v : NULL,
					 c && c->score ? c->score->version : 0,
					 r);
	}
	case HK_RATIONALE:
		for (size_t i = 0; i < s->d->n_scores; i++)
			if (s->d->scores[i].id == en->row)
				return session_set_rationale(s,
					s->d->scores[i].approach,
					s->d->scores[i].criterion,
					en->old_value ? en->old_value : "",
					s->d->scores[i].version, NULL, r);
		break;
	case HK_JUDGEMENT: {
		const struct judgement *j = judgement_of(s, en->row);

		if (!j || num_parse(en->old_value, &v) < 0)
			break;
		return session_set_judgement(s, j->a, j->b, v, r);
	}
	case HK_MOVE: {
		int from = row_pos(s, en->tbl, en->row);
		double old = 0, neu = 0;
		int delta;

		if (num_parse(en->old_value, &old) < 0 ||
		    num_parse(en->new_value, &neu) < 0)
			break;
		delta = (int)(old - neu);
		(void)from;
		for (int i = 0; i != delta; i += delta > 0 ? 1 : -1) {
			rc = sess_move_row(s, en->tbl, en->row,
					   delta > 0 ? 1 : -1, r);
			if (rc < 0)
				return rc;
			session_sync(s);
		}
		return ST_OK;
	}
	case HK_CREATED:
		return sess_delete_row(s, en->tbl, en->row, r);
	case HK_DELETED: {
		struct undo_step *st = sess_undo_delete_of(s, en->tbl, en->row);

		if (!st)
			break;
		rc = sess_undo_one(s, st, r);
		if (rc == ST_OK)
			sess_undo_forget(s, st);
		return rc;
	}
	case HK_LINK: {
		const struct decision *dc = decision_of(s, en->row);
		double by = 0;

		if (!dc)
			break;
		if (en->old_value && *en->old_value &&
		    num_parse(en->old_value, &by) == 0)
			return session_supersede(s, dc->number, (int)by, r);
		return session_unsupersede(s, dc->number, sess_status_before_superseded(s, en->row, en->id),
					   r);
	}
	case HK_NONE:
		break;
	}
	return check_kind(s, en, HK_NONE, r);
}

int session_undo_entry(struct session *s, const struct audit_entry *en,
		       struct sess_result *r)
{
	enum hist_kind k = classify(en);

	if (sess_refuse(s, true, r))
		return r->code;
	if (session_undo_check(s, en, r) < 0)
		return r->code ? r->code : ST_CONFLICT;
	sess_result_clear(r);
	return apply_kind(s, en, k, r);
}

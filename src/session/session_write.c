#include "config.h"
/*
 * session_write: every write a participant makes to the open workshop's
 * fields, answers and scores.  Each one is refused up front for an
 * observer, is written through the store with the version the edit
 * started from, and ends in a struct sess_result a screen can show.  What
 * could not be saved is kept as a draft; what was saved can be undone.
 * Rows that are added, deleted and moved are in session_rows.c.
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_share.h"
#include "util/i18n.h"
#include "util/num.h"

void sess_result_clear(struct sess_result *r)
{
	free(r->theirs);
	free(r->who);
	memset(r, 0, sizeof(*r));
}

bool sess_ok(const struct sess_result *r)
{
	return r->status == SESS_SAVED || r->status == SESS_UNCHANGED;
}

void sess_refuse_msg(struct sess_result *r, const char *fmt, ...)
{
	va_list ap;

	r->status = SESS_REFUSED;
	r->code = ST_INPUT;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof(r->msg), fmt, ap);
	va_end(ap);
}

bool sess_refuse(struct session *s, bool needs_ws, struct sess_result *r)
{
	if (s->read_only) {
		struct error e;

		if (store_is_readonly(s->store)) {
			/* Which file, and why it cannot be written. */
			err_clear(&e);
			store_readonly_err(s->store, &e);
			sess_refuse_msg(r, "%s", e.msg);
		} else {
			sess_refuse_msg(r, "%s", _("read-only: this database was opened read-only; nothing can be changed"));
		}
		r->code = ST_READONLY;
		return true;
	}
	if (needs_ws && (!s->ws || !s->d)) {
		sess_refuse_msg(r, "%s", _("open a workshop first"));
		return true;
	}
	return false;
}

int sess_finish(struct session *s, int rc, const struct error *e,
		const char *where, const char *typed, struct sess_result *r)
{
	r->code = rc;
	switch (rc) {
	case ST_OK:
		r->status = SESS_SAVED;
		s->stale = true;
		session_draft_drop(s, where);
		return ST_OK;
	case ST_CONFLICT:
		r->status = SESS_CONFLICT;
		snprintf(r->msg, sizeof(r->msg), "%s", e->msg);
		s->stale = true;
		break;
	case ST_BUSY:
		r->status = SESS_BUSY;
		snprintf(r->msg, sizeof(r->msg), "%s",
			 _("not saved: the database is busy (someone else is saving)"));
		break;
	case ST_READONLY:
		r->status = SESS_REFUSED;
		snprintf(r->msg, sizeof(r->msg), _("read-only: %s"), e->msg);
		return rc;
	case ST_INPUT:
	case ST_DENIED:
		r->status = SESS_REFUSED;
		snprintf(r->msg, sizeof(r->msg), "%s", e->msg);
		return rc;
	case ST_NOTFOUND:
		r->status = SESS_REFUSED;
		r->gone = true;
		snprintf(r->msg, sizeof(r->msg), "%s", *e->msg ? e->msg
			 : _("it was deleted meanwhile"));
		s->stale = true;
		break;
	default:
		r->status = SESS_FAILED;
		snprintf(r->msg, sizeof(r->msg), "%s", e->msg);
		break;
	}
	if (where && typed)
		r->draft_kept = session_draft_keep(s, where, typed);
	return rc;
}

char *session_changed_by(struct session *s, const char *tbl, int64_t row,
			 const char *field)
{
	struct audit_entry *list = NULL;
	struct error e;
	char *who = NULL;
	size_t n = 0;

	err_clear(&e);
	if (store_audit_list(s->store, s->ws, NULL, 200, &list, &n, &e) < 0)
		return NULL;
	for (size_t i = 0; i < n && !who; i++)
		if (str_eq(list[i].tbl, tbl) && list[i].row == row &&
		    (!field || str_eq(list[i].field, field)))
			who = str_dup(list[i].who);
	store_audit_list_free(&list, n);
	return who;
}

/* ---- one field ----------------------------------------------------------- */
int session_get_field(struct session *s, const char *table, int64_t id,
		      const char *field, char **value, int64_t *version,
		      struct error *e)
{
	return store_get_field(s->store, table, id, field, value, version, e);
}

static void label_of(char *buf, size_t size, const struct sess_edit *ed)
{
	if (ed->label)
		snprintf(buf, size, "%s", ed->label);
	else
		snprintf(buf, size, "%s %s", ed->table, ed->field);
}

/* The row's version in the loaded data (0: not there), the open
 * workshop's own row included. */
static int64_t loaded_version(const struct session *s, const char *table,
			      int64_t id)
{
	if (str_eq(table, "workshop"))
		return s->d && id == s->ws ? s->d->ws.version : 0;
	return sess_row_version(s, table, id);
}

int session_set_field(struct session *s, const struct sess_edit *ed,
		      struct sess_result *r)
{
	struct error e;
	char *now = NULL, label[256];
	int64_t version = ed->version, nowv = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	rc = store_get_field(s->store, ed->table, ed->id, ed->field, &now,
			     &nowv, &e);
	if (rc == ST_NOTFOUND) {
		/* Deleted while I edited: keep the row as I had it, so that
		 * my text can become a new one; say who deleted it. */
		sess_orphan_keep(s, ed->table, ed->id, ed->field);
		sess_finish(s, rc, &e, ed->where, ed->value, r);
		r->who = session_changed_by(s, ed->table, ed->id, NULL);
		return rc;
	}
	if (rc < 0)
		return sess_finish(s, rc, &e, ed->where, ed->value, r);
	if (str_eq(now, ed->value ? ed->value : "")) {
		/* Already so (someone typed the same, or nothing changed). */
		free(now);
		r->status = SESS_UNCHANGED;
		r->version = nowv;
		session_draft_drop(s, ed->where);
		return ST_OK;
	}
	/* Another field of the row changed meanwhile, this one did not: it
	 * is not a conflict, write against the row's version now.  An edit
	 * that names no starting value but started from the data loaded
	 * now (a key, a picker) asks the history whether its field changed
	 * since that load. */
	if (nowv != version &&
	    (ed->base ? str_eq(now, ed->base)
		      : version == loaded_version(s, ed->table, ed->id) &&
			!sess_field_changed_since_load(s, ed->table, ed->id,
						       ed->field)))
		version = nowv;
	rc = store_update(s->store, ed->table, ed->id, ed->field, ed->value,
			  version, &r->version, &e);
	if (rc == ST_OK) {
		label_of(label, sizeof(label), ed);
		undo_push(s, &(struct undo_step){
			.kind = UNDO_FIELD, .table = (char *)ed->table,
			.field = (char *)ed->field, .id = ed->id,
			.before = now, .after = (char *)ed->value,
			.had_before = true, .label = label });
		free(now);
		return sess_finish(s, rc, &e, ed->where, ed->value, r);
	}
	free(now);
	sess_finish(s, rc, &e, ed->where, ed->value, r);
	if (rc == ST_CONFLICT) {
		err_clear(&e);
		rc = store_get_field(s->store, ed->table, ed->id, ed->field,
				     &r->theirs, &r->their_version, &e);
		r->gone = rc == ST_NOTFOUND;
		r->who = session_changed_by(s, ed->table, ed->id, ed->field);
		return ST_CONFLICT;
	}
	return r->code;
}

/* ---- answers ------------------------------------------------------------- */
int session_set_answer(struct session *s, const char *question,
		       const struct value *v, int64_t version,
		       const char *where, struct sess_result *r)
{
	return session_set_answer_from(s, question, NULL, v, version, where,
				       r);
}

int session_set_answer_from(struct session *s, const char *question,
			    const char *base, const struct value *v,
			    int64_t version, const char *where,
			    struct sess_result *r)
{
	const struct answer *old;
	struct error e;
	char *typed, *before;
	bool by_value;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	old = wsdata_answer(s->d, question);
	typed = value_to_text(v);
	before = old ? value_to_text(&old->value) : NULL;
	/* Per field: when the loaded answer is the one the edit started
	 * from (same version, or the same value as the edit's base), only a
	 * change of the value since is a conflict, not one of its note. */
	by_value = base ? str_eq(before ? before : "", base)
			: (old ? old->version : 0) == version;
	err_clear(&e);
	rc = by_value
		? store_answer_set_from(s->store, s->ws, question,
					old ? &old->value : NULL, v,
					&r->version, &e)
		: store_answer_set(s->store, s->ws, question, v, version,
				   &r->version, &e);
	if (rc == ST_OK)
		undo_push(s, &(struct undo_step){
			.kind = UNDO_ANSWER, .key1 = (char *)question,
			.before = before, .had_before = old != NULL,
			.after = typed, .label = (char *)question });
	sess_finish(s, rc, &e, where, typed, r);
	if (rc == ST_CONFLICT) {
		err_clear(&e);
		store_share_answer(s->store, s->ws, question, &r->theirs,
				   &r->their_version, &e);
		r->gone = false;
	}
	free(typed);
	free(before);
	return rc;
}

int session_clear_answer(struct session *s, const char *question,
			 struct sess_result *r)
{
	const struct answer *old;
	struct error e;
	char *before;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	old = wsdata_answer(s->d, question);
	if (!old) {
		r->status = SESS_UNCHANGED;
		return ST_OK;
	}
	before = value_to_text(&old->value);
	err_clear(&e);
	rc = store_answer_clear(s->store, s->ws, question, &e);
	if (rc == ST_OK)
		undo_push(s, &(struct undo_step){
			.kind = UNDO_ANSWER, .key1 = (char *)question,
			.before = before, .had_before = true,
			.note = old->note, .label = (char *)question });
	free(before);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* ---- scores and votes ---------------------------------------------------- */
/* What a cell holds now (agreed, or my vote), from the loaded data. */
static bool cell_now(struct session *s, const char *ak, const char *ck,
		     bool vote, double *value)
{
	int ai = wsdata_approach_index(s->d, ak);
	int ci = wsdata_criterion_index(s->d, ck);
	const struct sess_cell *c = ai >= 0 && ci >= 0
		? session_cell(s, (size_t)ai, (size_t)ci) : NULL;

	if (!c)
		return false;
	if (vote) {
		if (c->mine)
			*value = c->mine->value;
		return c->mine != NULL;
	}
	if (c->score && c->score->has_value)
		*value = c->score->value;
	return c->score && c->score->has_value;
}

/* The agreed score's row version in the loaded data (0: no row). */
static int64_t cell_version(struct session *s, const char *ak, const char *ck)
{
	const struct score *sc = s->d ? wsdata_score(s->d, ak, ck) : NULL;

	return sc ? sc->version : 0;
}

/* After a conflict on a cell: what it holds now and who set it, read
 * from the database (NULL theirs: no value). */
static void cell_theirs(struct session *s, bool vote, const char *ak,
			const char *ck, struct sess_result *r)
{
	struct workshop_data *d = NULL;
	struct error e;
	char num[NUM_BUF];

	err_clear(&e);
	if (store_workshop_load(s->store, s->ws, &d, &e) < 0)
		return;
	if (vote) {
		for (size_t i = 0; i < d->n_votes; i++) {
			const struct vote *v = &d->votes[i];

			if (str_eq(v->approach, ak) && str_eq(v->criterion, ck) &&
			    str_eq(v->participant, session_who(s))) {
				str_number(num, sizeof(num), v->value);
				r->theirs = str_dup(num);
				r->their_version = v->version;
				r->who = session_changed_by(s, "vote", v->id,
							    NULL);
			}
		}
	} else {
		const struct score *sc = wsdata_score(d, ak, ck);

		if (sc && sc->has_value) {
			str_number(num, sizeof(num), sc->value);
			r->theirs = str_dup(num);
		}
		if (sc) {
			r->their_version = sc->version;
			r->who = session_changed_by(s, "score", sc->id, NULL);
		}
	}
	wsdata_free(&d);
}

static int set_cell(struct session *s, bool vote, const char *ak,
		    const char *ck, const double *value, int64_t version,
		    struct sess_result *r)
{
	struct error e;
	char before[NUM_BUF], after[NUM_BUF];
	double prev = 0;
	bool had;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	had = cell_now(s, ak, ck, vote, &prev);
	if ((!had && !value) || (had && value && fabs(prev - *value) < 1e-12)) {
		r->status = SESS_UNCHANGED;
		return ST_OK;
	}
	err_clear(&e);
	/* Per field: a score set from the cell as loaded conflicts only
	 * when the score changed since, not when its rationale did. */
	if (!vote && cell_version(s, ak, ck) == version)
		rc = store_score_set_from(s->store, s->ws, ak, ck,
					  had ? &prev : NULL, value,
					  &r->version, &e);
	else
		rc = vote ? store_vote_set(s->store, s->ws, ak, ck, value,
					   version, &r->version, &e)
			  : store_score_set(s->store, s->ws, ak, ck, value,
					    version, &r->version, &e);
	if (rc == ST_OK) {
		char *label = sess_cell_label(s, ak, ck);

		str_number(before, sizeof(before), prev);
		if (value)
			str_number(after, sizeof(after), *value);
		undo_push(s, &(struct undo_step){
			.kind = vote ? UNDO_VOTE : UNDO_SCORE,
			.key1 = (char *)ak, .key2 = (char *)ck,
			.before = had ? before : NULL, .had_before = had,
			.after = value ? after : NULL, .label = label });
		free(label);
	}
	sess_finish(s, rc, &e, NULL, NULL, r);
	if (rc == ST_CONFLICT)
		cell_theirs(s, vote, ak, ck, r);
	return rc;
}

int session_set_score(struct session *s, const char *ak, const char *ck,
		      const double *value, int64_t version,
		      struct sess_result *r)
{
	return set_cell(s, false, ak, ck, value, version, r);
}

int session_set_vote(struct session *s, const char *ak, const char *ck,
		     const double *value, int64_t version,
		     struct sess_result *r)
{
	return set_cell(s, true, ak, ck, value, version, r);
}

int session_set_rationale(struct session *s, const char *ak, const char *ck,
			  const char *text, int64_t version,
			  const char *where, struct sess_result *r)
{
	const struct score *sc;
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	sc = wsdata_score(s->d, ak, ck);
	if (str_eq(sc ? (sc->rationale ? sc->rationale : "") : "",
		   text ? text : "")) {
		r->status = SESS_UNCHANGED;
		session_draft_drop(s, where);
		return ST_OK;
	}
	err_clear(&e);
	/* Per field, as for the score: started from the loaded cell, only
	 * a change of the rationale since is a conflict. */
	rc = (sc ? sc->version : 0) == version
		? store_score_rationale_from(s->store, s->ws, ak, ck,
					     sc ? sc->rationale : NULL,
					     text ? text : "", &r->version, &e)
		: store_score_rationale(s->store, s->ws, ak, ck,
					text ? text : "", version,
					&r->version, &e);
	sess_finish(s, rc, &e, where, text, r);
	if (rc == ST_CONFLICT) {
		/* Theirs is what the reload brings; who from the audit. */
		struct workshop_data *d = NULL;
		struct error e2;

		err_clear(&e2);
		if (store_workshop_load(s->store, s->ws, &d, &e2) == 0) {
			const struct score *now = wsdata_score(d, ak, ck);

			r->theirs = str_dup(now && now->rationale ? now->rationale
					    : "");
			r->their_version = now ? now->version : 0;
			r->who = now ? session_changed_by(s, "score", now->id, "rationale")
				     : NULL;
			wsdata_free(&d);
		}
	}
	return rc;
}

int session_set_judgement(struct session *s, const char *a, const char *b,
			  double value, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_judgement_set(s->store, s->ws, a, b, value, NULL, &e);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_adopt_median(struct session *s, size_t ai, size_t ci,
			 struct sess_result *r)
{
	const struct sess_cell *c = session_cell(s, ai, ci);
	const struct score *sc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	if (c && sess_room_blind(s, ai, ci)) {
		/* Its median would be of the votes I may see: mine. */
		sess_refuse_msg(r, "%s", _("this cell is in an open voting round: reveal it before adopting the median"));
		return r->code;
	}
	if (!c || !c->n_votes) {
		r->status = SESS_UNCHANGED;
		return ST_OK;
	}
	sc = c->score;
	if (sc && sc->has_value && fabs(sc->value - c->st.median) < 1e-12) {
		r->status = SESS_UNCHANGED;
		return ST_OK;
	}
	set_cell(s, false, s->d->approaches[ai].key, s->d->criteria[ci].key,
		 &c->st.median, sc ? sc->version : 0, r);
	r->count = sess_ok(r) ? 1 : 0;
	return r->code;
}

int session_adopt_medians(struct session *s, struct sess_result *r)
{
	struct sess_result one = { 0 };
	size_t done = 0;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	/* One action: u takes every cell back at once.  r->count is the
	 * cells that changed; cells already at their median are left. */
	sess_group_begin(s);
	for (size_t ai = 0; ai < s->d->n_approaches; ai++) {
		for (size_t ci = 0; ci < s->d->n_criteria; ci++) {
			if (session_adopt_median(s, ai, ci, &one) < 0) {
				sess_group_end(s);
				*r = one;
				r->count = done;
				return r->code;
			}
			done += one.count;
			sess_result_clear(&one);
		}
	}
	sess_group_end(s);
	r->status = done ? SESS_SAVED : SESS_UNCHANGED;
	r->count = done;
	return ST_OK;
}

/* ---- nudges -------------------------------------------------------------- */
int session_apply_nudges(struct session *s, const size_t *which, size_t n,
			 struct sess_result *r)
{
	const struct sess_view *v = &s->view;
	struct sess_result one = { 0 };
	size_t done = 0;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	for (size_t i = 0; i < n; i++) {
		const struct sess_nudge *nd;
		const struct criterion *c;
		char w[NUM_BUF], base[NUM_BUF];

		if (which[i] >= v->n_nudges)
			continue;
		nd = &v->nudges[which[i]];
		c = &s->d->criteria[nd->criterion];
		if (nd->applied || strv_contains(&s->applied, c->key))
			continue;
		str_number(w, sizeof(w), nd->to);
		str_number(base, sizeof(base), nd->from);
		session_set_field(s, &(struct sess_edit){
			.table = "criterion", .field = "weight", .id = c->id,
			.version = c->version, .base = base, .value = w,
			.label = c->name }, &one);
		if (!sess_ok(&one)) {
			*r = one;
			r->count = done;
			return r->code;
		}
		strv_push(&s->applied, c->key);
		done++;
	}
	sess_result_clear(&one);
	r->status = done ? SESS_SAVED : SESS_UNCHANGED;
	r->count = done;
	return ST_OK;
}

/* ---- the stage ----------------------------------------------------------- */
int session_reach_stage(struct session *s, enum stage st)
{
	struct error e;
	int rc;

	if (s->read_only || !s->d || st <= s->d->ws.stage || st >= STAGE_COUNT)
		return ST_OK;
	err_clear(&e);
	rc = store_update(s->store, "workshop", s->ws, "stage", stage_id(st),
			  s->d->ws.version, NULL, &e);
	/* A lost race (someone moved the stage meanwhile) is harmless: the
	 * reload shows theirs. */
	if (rc == ST_OK || rc == ST_CONFLICT)
		s->stale = true;
	return rc == ST_CONFLICT ? ST_OK : rc;
}

#include "config.h"
/*
 * session_undo: taking back what this participant did.  Every saved write
 * pushes a step that says how to put things back (the field's, answer's or
 * cell's value before; the row an add created; the move made).  Undoing
 * is a new, recorded change, made only while the thing still holds what
 * the step wrote: someone else's later edit is never overwritten.  The
 * history screen undoes any of my audit rows the same way.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "session/session_int.h"
#include "store/store.h"
#include "store/store_restore.h"
#include "store/store_share.h"
#include "util/i18n.h"
#include "util/num.h"

#define UNDO_MAX 100

static void step_clear(struct undo_step *st)
{
	free(st->table);
	free(st->field);
	free(st->key1);
	free(st->key2);
	free(st->before);
	free(st->after);
	free(st->label);
	free(st->note);
	wsdata_free(&st->part);
	memset(st, 0, sizeof(*st));
}

void undo_free_all(struct session *s)
{
	for (size_t i = 0; i < s->n_undo; i++)
		step_clear(&s->undo[i]);
	free(s->undo);
	s->undo = NULL;
	s->n_undo = 0;
}

static bool s_dup(char **dst, const char *src)
{
	*dst = NULL;
	return !src || (*dst = str_dup(src)) != NULL;
}

void undo_push(struct session *s, const struct undo_step *in)
{
	struct undo_step st = { 0 };

	if (s->undoing_now) {
		struct workshop_data *part = in->part;

		wsdata_free(&part);
		return;
	}
	st.kind = in->kind;
	st.id = in->id;
	st.part = in->part;     /* taken over */
	st.had_before = in->had_before;
	st.delta = in->delta;
	st.group = in->group ? in->group : s->group;
	if (!s_dup(&st.table, in->table) || !s_dup(&st.field, in->field) ||
	    !s_dup(&st.key1, in->key1) || !s_dup(&st.key2, in->key2) ||
	    !s_dup(&st.before, in->before) || !s_dup(&st.after, in->after) ||
	    !s_dup(&st.label, in->label) || !s_dup(&st.note, in->note)) {
		step_clear(&st);
		return;
	}
	if (s->n_undo == UNDO_MAX) {
		step_clear(&s->undo[0]);
		memmove(s->undo, s->undo + 1,
			(UNDO_MAX - 1) * sizeof(s->undo[0]));
		s->n_undo--;
	}
	if (!s->undo) {
		s->undo = calloc(UNDO_MAX, sizeof(*s->undo));
		if (!s->undo) {
			step_clear(&st);
			return;
		}
	}
	s->undo[s->n_undo++] = st;
}

char *sess_cell_label(const struct session *s, const char *ak,
		      const char *ck)
{
	int ai = s->d ? wsdata_approach_index(s->d, ak) : -1;
	int ci = s->d ? wsdata_criterion_index(s->d, ck) : -1;
	const char *an = ai >= 0 && !str_empty(s->d->approaches[ai].name)
			 ? s->d->approaches[ai].name : ak;
	const char *cn = ci >= 0 && !str_empty(s->d->criteria[ci].name)
			 ? s->d->criteria[ci].name : ck;

	return str_printf("%s · %s", an, cn);
}

bool session_can_undo(const struct session *s)
{
	return s->n_undo > 0;
}

const char *session_undo_label(const struct session *s)
{
	return s->n_undo ? s->undo[s->n_undo - 1].label : NULL;
}

/* ---- answers from text --------------------------------------------------- */
/* An answer's text (as the audit log and value_to_text write it) as a
 * value of the question's kind. */
static int answer_value(const struct knowledge *k, const char *qid,
			const char *text, struct value *v)
{
	const struct question *q = k ? knowledge_question(k, qid) : NULL;

	memset(v, 0, sizeof(*v));
	if (q && (q->kind == Q_NUMBER || q->kind == Q_SCALE)) {
		v->kind = VAL_NUMBER;
		return num_parse(text, &v->number);
	}
	if (q && q->kind == Q_MULTICHOICE) {
		const char *p = text;

		v->kind = VAL_LIST;
		while (*p) {
			const char *c = strstr(p, ", ");
			size_t len = c ? (size_t)(c - p) : strlen(p);
			char *item = str_ndup(p, len);

			if (!item || strv_push(&v->list, item) < 0) {
				free(item);
				return ST_ERROR;
			}
			free(item);
			p += len + (c ? 2 : 0);
		}
		return ST_OK;
	}
	v->kind = VAL_TEXT;
	v->text = str_dup(text);
	return v->text ? ST_OK : ST_ERROR;
}

/* ---- checks ----------------------------------------------------------------
 * Is the thing still as the change left it?  0 with its version in *ver;
 * else r says why not. */
int sess_still_mine(struct session *s, const char *tbl, int64_t row,
		      const char *field, const char *after, int64_t *ver,
		      struct sess_result *r)
{
	struct error e;
	char *cur = NULL;
	bool same;
	int rc;

	err_clear(&e);
	*ver = 0;
	if (str_eq(tbl, "answer")) {
		rc = store_share_answer(s->store, s->ws, field, &cur, ver, &e);
		same = str_eq(cur, after);
	} else {
		rc = store_get_field(s->store, tbl, row, field, &cur, ver, &e);
		same = str_eq(cur ? cur : "", after ? after : "");
	}
	if (rc == ST_INPUT)
		sess_refuse_msg(r, _("undo is not supported for %s %s; change it on its screen"),
				tbl, field);
	else if (rc == ST_NOTFOUND)
		sess_refuse_msg(r, "%s", _("not undone: it no longer exists"));
	else if (rc < 0)
		sess_finish(s, rc, &e, NULL, NULL, r);
	else if (!same) {
		sess_refuse_msg(r, _("not undone: it changed since (now “%s”)"),
				cur ? cur : _("no answer"));
		rc = ST_CONFLICT;
	}
	free(cur);
	return rc;
}

/* The note of question q's answer back, once the answer is there again
 * (the reload finds the row). */
static void sess_put_note(struct session *s, const char *q, const char *note)
{
	const struct answer *an;
	struct error e;

	err_clear(&e);
	if (str_empty(note) || session_reload(s, &e) < 0)
		return;
	an = wsdata_answer(s->d, q);
	if (an && store_update(s->store, "answer", an->id, "note", note,
			       an->version, NULL, &e) == ST_OK)
		s->stale = true;
}

int sess_put_answer(struct session *s, const char *q, const char *text,
		      int64_t ver, struct sess_result *r)
{
	struct error e;
	struct value v;
	int rc;

	err_clear(&e);
	if (!text)
		return sess_finish(s, store_answer_clear(s->store, s->ws, q, &e),
				   &e, NULL, NULL, r);
	if (answer_value(s->k, q, text, &v) < 0) {
		value_clear(&v);
		sess_refuse_msg(r, "%s", _("not undone: the old answer does not fit the question any more"));
		return ST_INPUT;
	}
	rc = store_answer_set(s->store, s->ws, q, &v, ver, NULL, &e);
	value_clear(&v);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* ---- undoing a step ------------------------------------------------------ */
static int undo_cell(struct session *s, const struct undo_step *st,
		     struct sess_result *r)
{
	bool vote = st->kind == UNDO_VOTE;
	int ai = wsdata_approach_index(s->d, st->key1);
	int ci = wsdata_criterion_index(s->d, st->key2);
	const struct sess_cell *c = ai >= 0 && ci >= 0
		? session_cell(s, (size_t)ai, (size_t)ci) : NULL;
	bool has = false;
	double now = 0, before = 0, after = 0;
	int64_t ver = 0;

	if (!c) {
		sess_refuse_msg(r, "%s", _("not undone: that cell no longer exists"));
		return ST_NOTFOUND;
	}
	if (vote && c->mine) {
		has = true;
		now = c->mine->value;
		ver = c->mine->version;
	} else if (!vote && c->score) {
		has = c->score->has_value;
		now = c->score->value;
		ver = c->score->version;
	}
	if ((st->after != NULL) != has ||
	    (has && (num_parse(st->after, &after) < 0 ||
		     fabs(after - now) > 1e-9))) {
		sess_refuse_msg(r, _("not undone: %s changed since"), st->label);
		return ST_CONFLICT;
	}
	if (st->before && num_parse(st->before, &before) < 0)
		return ST_INPUT;
	return vote ? session_set_vote(s, st->key1, st->key2,
				       st->before ? &before : NULL, ver, r)
		    : session_set_score(s, st->key1, st->key2,
					st->before ? &before : NULL, ver, r);
}

static int undo_step(struct session *s, const struct undo_step *st,
		     struct sess_result *r)
{
	struct error e;
	int64_t ver = 0;
	int rc;

	err_clear(&e);
	switch (st->kind) {
	case UNDO_FIELD:
		if (sess_still_mine(s, st->table, st->id, st->field, st->after, &ver,
			       r) < 0)
			return r->code ? r->code : ST_CONFLICT;
		rc = store_update(s->store, st->table, st->id, st->field,
				  st->before ? st->before : "", ver, NULL, &e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	case UNDO_ANSWER:
		if (sess_still_mine(s, "answer", 0, st->key1, st->after, &ver, r) < 0)
			return r->code ? r->code : ST_CONFLICT;
		if (sess_put_answer(s, st->key1, st->had_before ? st->before : NULL,
			       ver, r) < 0)
			return r->code;
		sess_put_note(s, st->key1, st->note);
		return ST_OK;
	case UNDO_SCORE:
	case UNDO_VOTE:
		return undo_cell(s, st, r);
	case UNDO_ADD:
		return sess_delete_row(s, st->table, st->id, r);
	case UNDO_MOVE:
		return sess_move_row(s, st->table, st->id, -st->delta, r);
	case UNDO_DELETE:
		rc = store_rows_restore(s->store, s->ws, st->part, &e);
		return sess_finish(s, rc, &e, NULL, NULL, r);
	case UNDO_LINK: {
		double num = 0, by = 0;
		enum adr_status was = ADR_ACCEPTED;

		if (num_parse(st->key1, &num) < 0)
			return ST_ERROR;
		if (st->before && num_parse(st->before, &by) == 0)
			return session_supersede(s, (int)num, (int)by, r);
		adr_status_from_id(st->note, &was);
		return session_unsupersede(s, (int)num, was == ADR_SUPERSEDED
					   ? ADR_ACCEPTED : was, r);
	}
	case UNDO_PARK:
		return sess_park_undo(s, st, r);
	}
	return ST_ERROR;
}

/* What was put back, in the words of the screen that made the change. */
static void undone_msg(const struct undo_step *st, struct sess_result *r)
{
	const char *label = st->label ? st->label : "";
	char v[NUM_BUF] = "";
	double x;

	if (st->before && num_parse(st->before, &x) == 0)
		num_fmt(v, sizeof(v), NUM_VALUE, x);
	switch (st->kind) {
	case UNDO_ANSWER:
		snprintf(r->msg, sizeof(r->msg), "%s", _("answer restored"));
		break;
	case UNDO_SCORE:
		if (st->before)
			snprintf(r->msg, sizeof(r->msg), _("%s scored %s"), label, v);
		else
			snprintf(r->msg, sizeof(r->msg), _("%s: score cleared"),
				 label);
		break;
	case UNDO_VOTE:
		if (st->before)
			snprintf(r->msg, sizeof(r->msg), _("your vote on %s: %s"),
				 label, v);
		else
			snprintf(r->msg, sizeof(r->msg), _("your vote on %s cleared"),
				 label);
		break;
	case UNDO_DELETE:
		snprintf(r->msg, sizeof(r->msg), "%s", label);
		break;
	default:
		snprintf(r->msg, sizeof(r->msg), _("undone: %s"), label);
		break;
	}
}

int session_undo(struct session *s, struct sess_result *r)
{
	struct undo_step st;
	int group, rc = ST_OK;
	size_t done = 0;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	if (!s->n_undo) {
		sess_refuse_msg(r, "%s", _("nothing of yours to undo in this session"));
		return ST_INPUT;
	}
	group = s->undo[s->n_undo - 1].group;
	/* The steps of one action go back together, newest first. */
	s->undoing_now = true;
	while (s->n_undo) {
		st = s->undo[s->n_undo - 1];
		if (done && (group == 0 || st.group != group))
			break;
		s->n_undo--;
		rc = undo_step(s, &st, r);
		if (rc == ST_OK) {
			free(r->theirs);
			r->theirs = NULL;
			undone_msg(&st, r);
			done++;
		}
		step_clear(&st);
		if (rc < 0)
			break;
	}
	s->undoing_now = false;
	r->count = done;
	if (done > 1 && rc == ST_OK)
		snprintf(r->msg, sizeof(r->msg),
			 ngettext("undone: %zu change, back as it was",
				  "undone: %zu changes, back as they were", done),
			 done);
	if (done && rc < 0)
		/* Part of the action went back: say so, not only the error. */
		r->status = SESS_SAVED;
	return done ? ST_OK : rc;
}

void sess_group_begin(struct session *s)
{
	s->group = ++s->next_group;
}

void sess_group_end(struct session *s)
{
	s->group = 0;
}

struct undo_step *sess_undo_delete_of(struct session *s, const char *table,
				      int64_t id)
{
	for (size_t i = s->n_undo; i-- > 0; ) {
		struct undo_step *st = &s->undo[i];
		const struct workshop_data *p = st->part;

		if (st->kind != UNDO_DELETE || !p || !str_eq(st->table, table))
			continue;
#define HAS(arr, n) for (size_t k = 0; k < (n); k++) if ((arr)[k].id == id) return st
		HAS(p->approaches, p->n_approaches);
		HAS(p->criteria, p->n_criteria);
		HAS(p->risks, p->n_risks);
		HAS(p->metrics, p->n_metrics);
		HAS(p->roadmap, p->n_roadmap);
		HAS(p->decisions, p->n_decisions);
#undef HAS
	}
	return NULL;
}

void sess_undo_forget(struct session *s, struct undo_step *st)
{
	size_t i = (size_t)(st - s->undo);

	if (i >= s->n_undo)
		return;
	step_clear(st);
	memmove(&s->undo[i], &s->undo[i + 1],
		(s->n_undo - i - 1) * sizeof(s->undo[0]));
	s->n_undo--;
}

int sess_undo_one(struct session *s, struct undo_step *st,
		  struct sess_result *r)
{
	int rc;

	s->undoing_now = true;
	rc = undo_step(s, st, r);
	if (rc == ST_OK)
		undone_msg(st, r);
	s->undoing_now = false;
	return rc;
}

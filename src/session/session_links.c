#include "config.h"
/*
 * session_links: an ADR's Supersedes field as a whole.  The field names the
 * ADRs this one replaces; every link it adds or drops goes through
 * session_supersede / session_unsupersede, so both records change together
 * (the old one becomes "superseded by" this one, or goes back to the status
 * it had before), never one side alone.  Everything is checked against the
 * loaded data before anything is written: the record itself, a number no
 * ADR of the workshop has, a link that would close a loop.  The links
 * changed by one save undo as one step.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "util/i18n.h"

static bool has(const int *v, size_t n, int x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return true;
	return false;
}

/* Would "old superseded by number" close a loop: is `number` superseded,
 * directly or down a chain, by `old`? */
static bool loops(const struct workshop_data *d, int old, int number)
{
	const struct decision *dc = wsdata_decision(d, number);

	for (size_t steps = 0; dc && dc->superseded_by && steps <= d->n_decisions;
	     steps++) {
		if (dc->superseded_by == old)
			return true;
		dc = wsdata_decision(d, dc->superseded_by);
	}
	return false;
}

enum adr_status sess_status_before_superseded(struct session *s,
					      int64_t decision, int64_t near)
{
	struct audit_entry *list = NULL;
	enum adr_status st = ADR_ACCEPTED;
	struct error e;
	size_t n = 0;

	err_clear(&e);
	if (session_history(s, 1000, &list, &n, &e) < 0)
		return st;
	/* The history is newest first: the first change found is the last
	 * one made. */
	for (size_t i = 0; i < n; i++) {
		const struct audit_entry *en = &list[i];

		if (en->row == decision && str_eq(en->tbl, "decision") &&
		    str_eq(en->field, "status") &&
		    str_eq(en->new_value, adr_status_id(ADR_SUPERSEDED)) &&
		    en->old_value && (!near || llabs(en->id - near) <= 3)) {
			adr_status_from_id(en->old_value, &st);
			break;
		}
	}
	session_history_free(&list, n);
	return st == ADR_SUPERSEDED ? ADR_ACCEPTED : st;
}

static int check(struct session *s, const struct decision *me,
		 const int *nums, size_t n, struct sess_result *r)
{
	for (size_t i = 0; i < n; i++) {
		const struct decision *o = wsdata_decision(s->d, nums[i]);

		if (nums[i] == me->number) {
			sess_refuse_msg(r, _("ADR %d cannot supersede itself"),
					me->number);
			return r->code;
		}
		if (!o) {
			sess_refuse_msg(r, _("there is no ADR %d in this workshop"),
					nums[i]);
			return r->code;
		}
		if (o->superseded_by != me->number &&
		    loops(s->d, nums[i], me->number)) {
			sess_refuse_msg(r, _("ADR %d cannot supersede ADR %d: ADR %d is already superseded by ADR %d, that would make a loop"),
					me->number, nums[i], me->number,
					me->superseded_by);
			return r->code;
		}
	}
	return ST_OK;
}

int session_set_supersedes(struct session *s, int number, const int *nums,
			   size_t n, struct sess_result *r)
{
	const struct decision *me;
	struct sess_result one = { 0 };
	int *drop = NULL, *add = NULL;
	enum adr_status *was = NULL;
	size_t nd = 0, na = 0;
	int rc = ST_OK;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	me = wsdata_decision(s->d, number);
	if (!me) {
		sess_refuse_msg(r, _("there is no ADR %d in this workshop"), number);
		return r->code;
	}
	if (check(s, me, nums, n, r) < 0)
		return r->code;
	drop = calloc(me->n_supersedes + 1, sizeof(*drop));
	was = calloc(me->n_supersedes + 1, sizeof(*was));
	add = calloc(n + 1, sizeof(*add));
	if (!drop || !was || !add) {
		rc = ST_ERROR;
		r->status = SESS_FAILED;
		r->code = ST_ERROR;
		snprintf(r->msg, sizeof(r->msg), "%s", _("out of memory"));
		goto out;
	}
	/* What the data says now, both ways: a link one side has and the
	 * other lacks (an old one-sided edit) is mended by saving. */
	for (size_t i = 0; i < me->n_supersedes; i++) {
		const struct decision *o = wsdata_decision(s->d, me->supersedes[i]);

		if (o && !has(nums, n, o->number) && !has(drop, nd, o->number) &&
		    o->superseded_by == number) {
			was[nd] = sess_status_before_superseded(s, o->id, 0);
			drop[nd++] = o->number;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct decision *o = wsdata_decision(s->d, nums[i]);

		if (!has(add, na, nums[i]) &&
		    (o->superseded_by != number ||
		     !has(me->supersedes, me->n_supersedes, nums[i])))
			add[na++] = nums[i];
	}
	if (!nd && !na) {
		/* The field may still carry a number that links nothing (a
		 * one-sided edit from before): it goes when asked to. */
		if (me->n_supersedes != n) {
			struct sess_edit ed = {
				.table = "decision", .field = "supersedes",
				.id = me->id, .version = me->version,
				.value = "" };
			struct buf b;
			char *v;

			buf_init(&b);
			for (size_t i = 0; i < n; i++)
				buf_printf(&b, "%s%d", i ? "," : "", nums[i]);
			v = buf_detach(&b);
			ed.value = v ? v : "";
			rc = session_set_field(s, &ed, r);
			free(v);
			goto out;
		}
		r->status = SESS_UNCHANGED;
		goto out;
	}
	sess_group_begin(s);
	for (size_t i = 0; i < nd && rc == ST_OK; i++) {
		rc = session_unsupersede(s, drop[i], was[i], &one);
		if (rc < 0)
			*r = one;
		else
			sess_result_clear(&one);
	}
	for (size_t i = 0; i < na && rc == ST_OK; i++) {
		rc = session_supersede(s, add[i], number, &one);
		if (rc < 0)
			*r = one;
		else
			sess_result_clear(&one);
	}
	sess_group_end(s);
	if (rc == ST_OK) {
		r->status = SESS_SAVED;
		r->code = ST_OK;
		r->count = nd + na;
	}
out:
	free(drop);
	free(was);
	free(add);
	return rc;
}

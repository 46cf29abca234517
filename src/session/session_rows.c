#include "config.h"
/*
 * session_rows: the writes that add, delete and move whole rows of the
 * open workshop (approaches, criteria, risks, metrics, phases, decisions),
 * the roadmap's next steps, supersede links, and the workshops
 * themselves; and exporting.  Like every session write, each ends in a
 * struct sess_result.  Adds and moves can be undone; deletes ask on the
 * screen first.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "export/export.h"
#include "export/interchange.h"
#include "session/session_int.h"
#include "store/store.h"
#include "store/store_decide.h"
#include "store/store_summary.h"
#include "util/i18n.h"

/* A row added: remember it so that undo deletes it again. */
static int added(struct session *s, int rc, const struct error *e,
		 const char *table, int64_t id, const char *label,
		 struct sess_result *r)
{
	if (rc == ST_OK) {
		r->id = id;
		undo_push(s, &(struct undo_step){ .kind = UNDO_ADD,
			  .table = (char *)table, .id = id,
			  .label = (char *)label });
	}
	return sess_finish(s, rc, e, NULL, NULL, r);
}

static int moved(struct session *s, int rc, const struct error *e,
		 const char *table, int64_t id, int delta,
		 struct sess_result *r)
{
	if (rc == ST_OK)
		undo_push(s, &(struct undo_step){ .kind = UNDO_MOVE,
			  .table = (char *)table, .id = id, .delta = delta,
			  .label = _("a move") });
	return sess_finish(s, rc, e, NULL, NULL, r);
}

/* The version of row id of a table in the loaded data (0: not there). */
int64_t sess_row_version(const struct session *s, const char *table,
			 int64_t id)
{
	const struct workshop_data *d = s->d;

#define FIND(arr, n)                                                    \
	do {                                                            \
		for (size_t i_ = 0; i_ < (n); i_++)                     \
			if ((arr)[i_].id == id)                         \
				return (arr)[i_].version;               \
	} while (0)
	if (!d)
		return 0;
	if (str_eq(table, "approach"))
		FIND(d->approaches, d->n_approaches);
	else if (str_eq(table, "criterion"))
		FIND(d->criteria, d->n_criteria);
	else if (str_eq(table, "risk"))
		FIND(d->risks, d->n_risks);
	else if (str_eq(table, "metric"))
		FIND(d->metrics, d->n_metrics);
	else if (str_eq(table, "phase"))
		FIND(d->roadmap, d->n_roadmap);
	else if (str_eq(table, "decision"))
		FIND(d->decisions, d->n_decisions);
#undef FIND
	return 0;
}

int sess_delete_row(struct session *s, const char *table, int64_t id,
		    struct sess_result *r)
{
	int64_t v;

	/* Undo runs on fresh data: the add may have been reloaded since. */
	session_sync(s);
	v = sess_row_version(s, table, id);
	if (!v) {
		sess_refuse_msg(r, "%s", _("not undone: it was deleted meanwhile"));
		return ST_NOTFOUND;
	}
	if (str_eq(table, "approach"))
		return session_delete_approach(s, id, v, r);
	if (str_eq(table, "criterion"))
		return session_delete_criterion(s, id, v, r);
	if (str_eq(table, "risk"))
		return session_delete_risk(s, id, v, r);
	if (str_eq(table, "metric"))
		return session_delete_metric(s, id, v, r);
	if (str_eq(table, "phase"))
		return session_delete_phase(s, id, v, r);
	if (str_eq(table, "decision"))
		return session_delete_decision(s, id, v, r);
	return ST_ERROR;
}

int sess_move_row(struct session *s, const char *table, int64_t id,
		  int delta, struct sess_result *r)
{
	if (str_eq(table, "approach"))
		return session_move_approach(s, id, delta, r);
	if (str_eq(table, "criterion"))
		return session_move_criterion(s, id, delta, r);
	if (str_eq(table, "phase"))
		return session_move_phase(s, id, delta, r);
	return ST_ERROR;
}

/* ---- approaches ----------------------------------------------------------- */
/* A new row of `table` from *row, its name (for messages) row->label. */
#define ADD_FN(name, type, table, call, label)                              \
	int name(struct session *s, const type *row, struct sess_result *r) \
	{                                                                   \
		struct error e;                                             \
		int64_t id = 0;                                             \
		int rc;                                                     \
                                                                            \
		sess_result_clear(r);                                       \
		if (sess_refuse(s, true, r))                                \
			return r->code;                                     \
		err_clear(&e);                                              \
		rc = call(s->store, s->ws, row, &id, &e);                   \
		return added(s, rc, &e, table, id, row->label, r);          \
	}

ADD_FN(session_add_approach, struct approach, "approach", store_approach_add,
       name)
ADD_FN(session_add_criterion, struct criterion, "criterion",
       store_criterion_add, name)
ADD_FN(session_add_risk, struct risk, "risk", store_risk_add, description)
ADD_FN(session_add_metric, struct metric, "metric", store_metric_add, name)
ADD_FN(session_add_phase, struct phase, "phase", store_phase_add, name)

int session_duplicate_approach(struct session *s, int64_t id,
			       struct sess_result *r)
{
	struct error e;
	int64_t nid = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_approach_duplicate(s->store, id, &nid, &e);
	return added(s, rc, &e, "approach", nid, _("a copy"), r);
}

/* What undo says when it brings `part` back; one sentence per kind of
 * row, so that a translation can agree with the noun. */
static char *back_label(const struct workshop_data *part)
{
	if (part->n_approaches)
		return str_printf(_("the deleted approach “%s” is back"),
				  part->approaches[0].name);
	if (part->n_criteria)
		return str_printf(_("the deleted criterion “%s” is back"),
				  part->criteria[0].name);
	if (part->n_risks)
		return str_printf(_("the deleted risk %s is back"),
				  part->risks[0].key);
	if (part->n_metrics)
		return str_printf(_("the deleted metric “%s” is back"),
				  part->metrics[0].name);
	if (part->n_roadmap)
		return str_printf(_("the deleted phase “%s” is back"),
				  part->roadmap[0].name);
	if (part->n_decisions)
		return str_printf(_("the deleted ADR “%s” is back"),
				  part->decisions[0].title);
	return str_dup(_("the deleted row is back"));
}

/* A row deleted: what it took is kept, so that undo puts it back. */
static int deleted(struct session *s, int rc, const struct error *e,
		   const char *table, struct workshop_data *part,
		   struct sess_result *r)
{
	if (rc == ST_OK && part) {
		char *label = back_label(part);

		undo_push(s, &(struct undo_step){ .kind = UNDO_DELETE,
			  .table = (char *)table, .part = part,
			  .label = label });
		free(label);
	} else {
		wsdata_free(&part);
	}
	return sess_finish(s, rc, e, NULL, NULL, r);
}

#define DELETE_FN(name, table, call)                                        \
	int name(struct session *s, int64_t id, int64_t version,            \
		 struct sess_result *r)                                     \
	{                                                                   \
		struct workshop_data *part;                                 \
		struct error e;                                             \
		int rc;                                                     \
                                                                            \
		sess_result_clear(r);                                       \
		if (sess_refuse(s, true, r))                                \
			return r->code;                                     \
		part = wsdata_part_of(s->d, table, id);                     \
		err_clear(&e);                                              \
		rc = call(s->store, id, version, &e);                       \
		return deleted(s, rc, &e, table, part, r);                  \
	}

#define MOVE_FN(name, table, call)                                          \
	int name(struct session *s, int64_t id, int delta,                  \
		 struct sess_result *r)                                     \
	{                                                                   \
		struct error e;                                             \
                                                                            \
		sess_result_clear(r);                                       \
		if (sess_refuse(s, true, r))                                \
			return r->code;                                     \
		err_clear(&e);                                              \
		return moved(s, call(s->store, id, delta, &e), &e, table,   \
			     id, delta, r);                                 \
	}

DELETE_FN(session_delete_approach, "approach", store_approach_delete)
DELETE_FN(session_delete_criterion, "criterion", store_criterion_delete)
DELETE_FN(session_delete_risk, "risk", store_risk_delete)
DELETE_FN(session_delete_metric, "metric", store_metric_delete)
DELETE_FN(session_delete_phase, "phase", store_phase_delete)
DELETE_FN(session_delete_decision, "decision", store_decision_delete)
MOVE_FN(session_move_approach, "approach", store_approach_move)
MOVE_FN(session_move_criterion, "criterion", store_criterion_move)
MOVE_FN(session_move_phase, "phase", store_phase_move)

/* ---- other rows ------------------------------------------------------------ */
int session_add_decision(struct session *s, const struct decision *d,
			 struct sess_result *r)
{
	struct error e;
	int64_t id = 0;
	int number = 0, rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_decision_add(s->store, s->ws, d, &id, &number, &e);
	r->number = number;
	return added(s, rc, &e, "decision", id, d->title, r);
}

int session_set_next_steps(struct session *s, const struct strv *steps,
			   const struct strv *base, const char *where,
			   struct sess_result *r)
{
	struct workshop_data *now = NULL;
	struct error e;
	char *typed;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	typed = strv_join(steps, "\n");
	err_clear(&e);
	/* The steps have no row version: compare with what is stored now. */
	if (base && store_workshop_load(s->store, s->ws, &now, &e) == 0 &&
	    !strv_equal(&now->next_steps, base)) {
		r->theirs = strv_join(&now->next_steps, "\n");
		r->who = session_changed_by(s, "workshop", s->ws, "next_steps");
		wsdata_free(&now);
		err_set(&e, ST_CONFLICT, _("the next steps were changed by %s meanwhile: not saved"),
			r->who ? r->who : _("someone else"));
		rc = sess_finish(s, ST_CONFLICT, &e, where, typed, r);
		free(typed);
		return rc;
	}
	wsdata_free(&now);
	err_clear(&e);
	rc = store_next_steps_set(s->store, s->ws, steps, &e);
	rc = sess_finish(s, rc, &e, where, typed, r);
	free(typed);
	return rc;
}

/* A supersede link changed: undo puts back the link (or the status) the
 * old record had. */
static void push_link(struct session *s, int number)
{
	const struct decision *d = wsdata_decision(s->d, number);
	char by[16], num[16];
	char *label;

	if (!d)
		return;
	snprintf(by, sizeof(by), "%d", d->superseded_by);
	snprintf(num, sizeof(num), "%d", number);
	label = str_printf(_("the supersede link of ADR %d"), number);
	undo_push(s, &(struct undo_step){ .kind = UNDO_LINK,
		  .key1 = num, .before = d->superseded_by ? by : NULL,
		  .note = (char *)adr_status_id(d->status),
		  .label = label });
	free(label);
}

int session_supersede(struct session *s, int old_number, int new_number,
		      struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_decision_supersede(s->store, s->ws, old_number, new_number,
				      &e);
	if (rc == ST_OK)
		push_link(s, old_number);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_unsupersede(struct session *s, int old_number,
			enum adr_status status, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	err_clear(&e);
	rc = store_decision_unsupersede(s->store, s->ws, old_number, status,
					&e);
	if (rc == ST_OK)
		push_link(s, old_number);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* ---- workshops -------------------------------------------------------------- */
int session_workshop_rows(struct session *s, bool with_archived,
			  unsigned counts, struct sess_workshop_row **out,
			  size_t *n, struct error *e)
{
	struct workshop_summary *sum = NULL;
	struct workshop_present *here = NULL;
	struct sess_workshop_row *rows;
	size_t ns = 0, nh = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	_Static_assert((int)SESS_COUNT_ANSWERS == (int)SUMMARY_ANSWERS &&
		       (int)SESS_COUNT_APPROACHES == (int)SUMMARY_APPROACHES &&
		       (int)SESS_COUNT_DECISIONS == (int)SUMMARY_DECISIONS &&
		       (int)SESS_COUNT_RISKS == (int)SUMMARY_RISKS,
		       "the session's counts are the store's");
	if ((rc = store_workshop_summaries(s->store, with_archived, counts,
					   &sum, &ns, e)) < 0)
		return rc;
	if ((rc = store_workshop_present(s->store, s->presence_max_age, &here,
					 &nh, e)) < 0) {
		store_workshop_summaries_free(&sum, ns);
		return rc;
	}
	rows = calloc(ns ? ns : 1, sizeof(*rows));
	if (!rows) {
		store_workshop_summaries_free(&sum, ns);
		store_workshop_present_free(&here, nh);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	/* Both lists are in id order: one walk pairs them. */
	for (size_t i = 0; i < ns; i++) {
		struct buf b;

		rows[i].w = sum[i].w;
		memset(&sum[i].w, 0, sizeof(sum[i].w));
		rows[i].answered = sum[i].answered;
		rows[i].approaches = sum[i].approaches;
		rows[i].decisions = sum[i].decisions;
		rows[i].risks = sum[i].risks;
		while (k < nh && here[k].workshop_id < rows[i].w.id)
			k++;
		buf_init(&b);
		for (; k < nh && here[k].workshop_id == rows[i].w.id; k++)
			buf_printf(&b, "%s%s", b.len ? ", " : "", here[k].who);
		rows[i].here = b.len ? buf_detach(&b) : NULL;
		buf_free(&b);
	}
	store_workshop_summaries_free(&sum, ns);
	store_workshop_present_free(&here, nh);
	*out = rows;
	*n = ns;
	return ST_OK;
}

void session_workshop_rows_free(struct sess_workshop_row **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++) {
		workshop_clear(&(*list)[i].w);
		free((*list)[i].here);
	}
	free(*list);
	*list = NULL;
}

int session_workshop_create(struct session *s, const char *title,
			    const char *template_id, struct sess_result *r)
{
	struct workshop_data *d = NULL;
	struct error e;
	int64_t id = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	if (!s->k) {
		sess_refuse_msg(r, "%s", _("no content loaded: no template to start from"));
		return ST_INPUT;
	}
	rc = content_workshop_from_template(s->k, template_id, title, &d, &e);
	if (rc == ST_OK)
		rc = store_workshop_import(s->store, d, &id, &e);
	wsdata_free(&d);
	r->id = id;
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_workshop_duplicate(struct session *s, int64_t id,
			       const char *title, struct sess_result *r)
{
	struct error e;
	int64_t nid = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	rc = store_workshop_duplicate(s->store, id, title, &nid, &e);
	r->id = nid;
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_workshop_delete(struct session *s, int64_t id,
			    struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	rc = store_workshop_delete(s->store, id, &e);
	if (rc == ST_OK && id == s->ws)
		session_close(s);
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

int session_workshop_import(struct session *s, const struct workshop_data *d,
			    struct sess_result *r)
{
	struct error e;
	int64_t id = 0;
	int rc;

	sess_result_clear(r);
	if (sess_refuse(s, false, r))
		return r->code;
	err_clear(&e);
	rc = store_workshop_import(s->store, d, &id, &e);
	r->id = id;
	return sess_finish(s, rc, &e, NULL, NULL, r);
}

/* ---- exports ---------------------------------------------------------------- */
int session_export(struct session *s, const char *format, const char *path,
		   int flags, struct strv *written, struct sess_result *r)
{
	struct error e;
	int rc;

	sess_result_clear(r);
	if (!s->d) {
		sess_refuse_msg(r, "%s", _("open a workshop first"));
		return ST_INPUT;
	}
	err_clear(&e);
	if (str_eq(format, "yaml") || str_eq(format, "json")) {
		/* The interchange file, as `charrette export --format yaml`
		 * writes it. */
		char *file = NULL;

		rc = interchange_export(s->d, format[0] == 'j', path,
					(flags & EXPORT_FORCE) != 0, &file, &e);
		if (rc == ST_OK && written)
			strv_push(written, file);
		free(file);
	} else {
		rc = export_run(s->d, s->k, format, path, flags, written, &e);
	}
	r->code = rc;
	if (rc == ST_OK) {
		r->status = SESS_SAVED;
		return rc;
	}
	r->status = rc == ST_INPUT ? SESS_REFUSED : SESS_FAILED;
	if (rc == ST_INPUT)
		snprintf(r->msg, sizeof(r->msg), "%s", e.msg);
	else
		err_format(&e, r->msg, sizeof(r->msg));
	return rc;
}

#include "config.h"
/*
 * store_workshop: the workshop aggregate — listing, finding by id or title
 * prefix, creating, deleting, and loading a whole struct workshop_data in
 * one go (store_import.c imports and duplicates one).
 */

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store_adr.h"
#include "store/store_int.h"
#include "store/store_trash.h"
#include "util/account.h"
#include "util/clock.h"
#include "util/i18n.h"

#define WS_COLUMNS "id, title, template, stage, created, updated, archived, " \
	"facilitator, weighting, scale_min, scale_max, version"

#define OOM(e) err_set((e), ST_ERROR, _("out of memory"))

static int read_workshop(sqlite3_stmt *st, struct workshop *w,
			 struct error *e)
{
	const char *stage = (const char *)sqlite3_column_text(st, 3);
	const char *weighting = (const char *)sqlite3_column_text(st, 8);

	memset(w, 0, sizeof(*w));
	w->id = sqlite3_column_int64(st, 0);
	if (!store_col_text(st, 1, &w->title) ||
	    !store_col_text(st, 2, &w->template_name) ||
	    !store_col_text(st, 7, &w->facilitator)) {
		workshop_clear(w);
		return OOM(e);
	}
	if (stage_from_id(stage, &w->stage) < 0)
		w->stage = STAGE_INTERVIEW;
	if (weighting_from_id(weighting, &w->weighting) < 0)
		w->weighting = WEIGHTING_DIRECT;
	w->created = sqlite3_column_int64(st, 4);
	w->updated = sqlite3_column_int64(st, 5);
	w->archived = sqlite3_column_int(st, 6) != 0;
	w->scale_min = sqlite3_column_double(st, 9);
	w->scale_max = sqlite3_column_double(st, 10);
	w->version = sqlite3_column_int64(st, 11);
	return ST_OK;
}

int store_workshop_list(struct store *s, bool with_archived,
			struct workshop **out, size_t *n, struct error *e)
{
	struct workshop *list = NULL;
	size_t count = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, "SELECT " WS_COLUMNS " FROM workshop "
			"WHERE (?1 OR archived = 0) AND deleted IS NULL "
			"ORDER BY id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int(st, 1, with_archived);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct workshop *p = realloc(list, ncap * sizeof(*p));

			if (!p) {
				ret = OOM(e);
				goto cleanup;
			}
			list = p;
			cap = ncap;
		}
		if ((ret = read_workshop(st, &list[count], e)) < 0)
			goto cleanup;
		count++;
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	if (ret < 0) {
		store_workshop_list_free(&list, count);
		return ret;
	}
	*out = list;
	*n = count;
	return ST_OK;
}

void store_workshop_list_free(struct workshop **list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		workshop_clear(&(*list)[i]);
	free(*list);
	*list = NULL;
}

int store_workshop_get(struct store *s, int64_t id, struct workshop *out,
		       struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret;

	memset(out, 0, sizeof(*out));
	st = store_stmt(s, "SELECT " WS_COLUMNS " FROM workshop WHERE id = ?1 "
			"AND deleted IS NULL", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ret = read_workshop(st, out, e);
	else if (rc == SQLITE_DONE)
		ret = store_trash_refusal(s, id, e);
	else
		ret = store_sqlerr(s, rc, e);
	sqlite3_reset(st);
	return ret;
}

int store_workshop_exists(struct store *s, int64_t ws, struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM workshop WHERE id = ?1 "
				      "AND deleted IS NULL", e);
	int rc;

	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, ws);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc == SQLITE_DONE)
		return store_trash_refusal(s, ws, e);
	return store_sqlerr(s, rc, e);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* The candidates of an ambiguous reference, as "id  title" lines. */
static int ambiguous(const char *ref, const int64_t *ids, char **titles,
		     size_t n, struct error *e)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, _("'%s' matches several workshops:"), ref);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "\n  %" PRId64 "  %s", ids[i], titles[i]);
	if (b.oom) {
		buf_free(&b);
		return OOM(e);
	}
	err_set(e, ST_INPUT, "%s", buf_str(&b));
	buf_free(&b);
	return ST_INPUT;
}

int store_workshop_find(struct store *s, const char *ref, int64_t *id,
			struct error *e)
{
	int64_t *ids = NULL;
	char **titles = NULL;
	size_t n = 0, cap = 0, n_exact = 0, n_prefix = 0, len;
	size_t exact_at = 0, prefix_at = 0;
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	*id = 0;
	if (str_empty(ref))
		return err_set(e, ST_INPUT, _("give a workshop id or title"));
	if (all_digits(ref)) {
		char *end;
		long long v = strtoll(ref, &end, 10);

		if (v > 0 && store_workshop_exists(s, v, e) == ST_OK) {
			*id = v;
			return ST_OK;
		}
		if (v > 0 && e->code != ST_NOTFOUND)
			return e->code;
		/* "workshop 3 is in the trash" says more than "no match". */
		if (v > 0 && (rc = store_trash_check(s, v, e)) < 0)
			return rc;
	}
	len = strlen(ref);
	st = store_stmt(s, "SELECT id, title FROM workshop WHERE deleted IS NULL "
			"ORDER BY id", e);
	if (!st)
		return e->code;
	/* Collect exact matches first in ids[], then prefix matches. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 1);
		bool exact, prefix;

		if (!t)
			continue;
		exact = strcasecmp(t, ref) == 0;
		prefix = strncasecmp(t, ref, len) == 0;
		if (!prefix)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			int64_t *pi = realloc(ids, ncap * sizeof(*pi));
			char **pt;

			if (!pi) {
				ret = OOM(e);
				goto cleanup;
			}
			ids = pi;
			pt = realloc(titles, ncap * sizeof(*pt));
			if (!pt) {
				ret = OOM(e);
				goto cleanup;
			}
			titles = pt;
			cap = ncap;
		}
		if (!(titles[n] = str_dup(t))) {
			ret = OOM(e);
			goto cleanup;
		}
		ids[n] = sqlite3_column_int64(st, 0);
		if (exact) {
			if (!n_exact++)
				exact_at = n;
		}
		if (!n_prefix++)
			prefix_at = n;
		n++;
	}
	if (rc != SQLITE_DONE) {
		ret = store_sqlerr(s, rc, e);
		goto cleanup;
	}
	if (n_exact == 1) {
		*id = ids[exact_at];
	} else if (n_exact > 1) {
		/* Several identical titles: list just those. */
		size_t k = 0;

		for (size_t i = 0; i < n; i++) {
			if (strcasecmp(titles[i], ref) == 0) {
				char *t = titles[k];

				titles[k] = titles[i];
				titles[i] = t;
				ids[k++] = ids[i];
			}
		}
		ret = ambiguous(ref, ids, titles, k, e);
	} else if (n_prefix == 1) {
		*id = ids[prefix_at];
	} else if (n_prefix > 1) {
		ret = ambiguous(ref, ids, titles, n, e);
	} else {
		ret = err_set(e, ST_NOTFOUND, _("no workshop matches '%s'"),
			      ref);
	}
cleanup:
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++)
		free(titles[i]);
	free(titles);
	free(ids);
	return ret;
}

int store_check_title(const char *title, struct error *e)
{
	const char *p = title;

	while (p && isspace((unsigned char)*p))
		p++;
	if (str_empty(p))
		return err_set(e, ST_INPUT, _("title: a workshop needs a title"));
	return ST_OK;
}

int store_workshop_create(struct store *s, const char *title,
			  const char *template_name, int64_t *id,
			  struct error *e)
{
	int64_t now = clock_now();
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_check_title(title, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	st = store_stmt(s, "INSERT INTO workshop(title, template, created, "
			"updated, creator_account) VALUES (?1, ?2, ?3, ?3, ?4)",
			e);
	if (!st)
		return store_end(s, e->code, e);
	store_bind_text(st, 1, title);
	store_bind_text(st, 2, template_name);
	sqlite3_bind_int64(st, 3, now);
	store_bind_text(st, 4, s->account);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return store_end(s, rc, e);
	*id = sqlite3_last_insert_rowid(s->db);
	rc = store_audit(s, *id, "workshop", *id, NULL, NULL, title, e);
	return store_end(s, rc, e);
}

int store_workshop_delete(struct store *s, int64_t id, struct error *e)
{
	return store_trash_put(s, id, e);
}

/* ---- load --------------------------------------------------------------- */

static int load_criteria(struct store *s, struct workshop_data *d,
			 struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, key, pos, name, description, weight, "
			"version FROM criterion WHERE workshop_id = ?1 "
			"ORDER BY pos, id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct criterion *c = wsdata_add_criterion(d);

		if (!c || !store_col_text(st, 1, &c->key) ||
		    !store_col_text(st, 3, &c->name) ||
		    !store_col_text(st, 4, &c->description)) {
			ret = OOM(e);
			goto cleanup;
		}
		c->id = sqlite3_column_int64(st, 0);
		c->pos = sqlite3_column_int(st, 2);
		c->weight = sqlite3_column_double(st, 5);
		c->version = sqlite3_column_int64(st, 6);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_approaches(struct store *s, struct workshop_data *d,
			   struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, key, pos, name, summary, pattern, "
			"components, deployment, observability, security, "
			"complexity, cost, pros, cons, stages, version "
			"FROM approach WHERE workshop_id = ?1 ORDER BY pos, id",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct approach *a = wsdata_add_approach(d);

		if (!a || !store_col_text(st, 1, &a->key) ||
		    !store_col_text(st, 3, &a->name) ||
		    !store_col_text(st, 4, &a->summary) ||
		    !store_col_text(st, 5, &a->pattern) ||
		    store_dec_components((const char *)
					 sqlite3_column_text(st, 6), a) < 0 ||
		    !store_col_text(st, 7, &a->deployment) ||
		    !store_col_text(st, 8, &a->observability) ||
		    !store_col_text(st, 9, &a->security) ||
		    !store_col_text(st, 10, &a->complexity) ||
		    !store_col_text(st, 11, &a->cost) ||
		    store_dec_list((const char *)sqlite3_column_text(st, 12),
				   &a->pros) < 0 ||
		    store_dec_list((const char *)sqlite3_column_text(st, 13),
				   &a->cons) < 0 ||
		    store_dec_list((const char *)sqlite3_column_text(st, 14),
				   &a->stages) < 0) {
			ret = OOM(e);
			goto cleanup;
		}
		a->id = sqlite3_column_int64(st, 0);
		a->pos = sqlite3_column_int(st, 2);
		a->version = sqlite3_column_int64(st, 15);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_answers(struct store *s, struct workshop_data *d,
			struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, question, kind, text, number, note, "
			"version FROM answer WHERE workshop_id = ?1 ORDER BY id",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct answer *a = wsdata_add_answer(d);
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		const char *text = (const char *)sqlite3_column_text(st, 3);

		if (!a || !store_col_text(st, 1, &a->question) ||
		    !store_col_text(st, 5, &a->note)) {
			ret = OOM(e);
			goto cleanup;
		}
		a->id = sqlite3_column_int64(st, 0);
		a->version = sqlite3_column_int64(st, 6);
		if (str_eq(kind, "text")) {
			a->value.kind = VAL_TEXT;
			if (!(a->value.text = str_dup(text ? text : "")))
				ret = OOM(e);
		} else if (str_eq(kind, "number")) {
			a->value.kind = VAL_NUMBER;
			a->value.number = sqlite3_column_double(st, 4);
		} else if (str_eq(kind, "list")) {
			a->value.kind = VAL_LIST;
			if (store_dec_list(text, &a->value.list) < 0)
				ret = OOM(e);
		}
		if (ret < 0)
			goto cleanup;
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_judgements(struct store *s, struct workshop_data *d,
			   struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT j.id, ca.key, cb.key, j.value, "
			"j.participant, j.version FROM judgement j "
			"JOIN criterion ca ON ca.id = j.a "
			"JOIN criterion cb ON cb.id = j.b "
			"WHERE j.workshop_id = ?1 "
			"ORDER BY j.participant, ca.pos, cb.pos, j.id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct judgement *j = wsdata_add_judgement(d);
		const char *who = (const char *)sqlite3_column_text(st, 4);

		if (!j || !store_col_text(st, 1, &j->a) ||
		    !store_col_text(st, 2, &j->b) ||
		    (!str_empty(who) && !(j->participant = str_dup(who)))) {
			ret = OOM(e);
			goto cleanup;
		}
		j->id = sqlite3_column_int64(st, 0);
		j->value = sqlite3_column_double(st, 3);
		j->version = sqlite3_column_int64(st, 5);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_scores(struct store *s, struct workshop_data *d,
		       struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT sc.id, a.key, c.key, sc.value, "
			"sc.rationale, sc.version FROM score sc "
			"JOIN approach a ON a.id = sc.approach_id "
			"JOIN criterion c ON c.id = sc.criterion_id "
			"WHERE sc.workshop_id = ?1 "
			"ORDER BY a.pos, a.id, c.pos, c.id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct score *sc = wsdata_add_score(d);

		if (!sc || !store_col_text(st, 1, &sc->approach) ||
		    !store_col_text(st, 2, &sc->criterion) ||
		    !store_col_text(st, 4, &sc->rationale)) {
			ret = OOM(e);
			goto cleanup;
		}
		sc->id = sqlite3_column_int64(st, 0);
		sc->has_value = sqlite3_column_type(st, 3) != SQLITE_NULL;
		sc->value = sc->has_value ? sqlite3_column_double(st, 3) : 0;
		sc->version = sqlite3_column_int64(st, 5);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_votes(struct store *s, struct workshop_data *d,
		      struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	/* The votes each cell counts now: those of the newest round that
	 * covers it (store_room.c loads the rest into the rounds). */
	st = store_stmt(s, "SELECT v.id, v.participant, a.key, c.key, v.value, "
			"v.version, v.round FROM vote v "
			"JOIN approach a ON a.id = v.approach_id "
			"JOIN criterion c ON c.id = v.criterion_id "
			"WHERE v.workshop_id = ?1 AND v.round = "
			STORE_CELL_ROUND("v.workshop_id", "v.approach_id",
					 "v.criterion_id") " "
			"ORDER BY v.participant, a.pos, a.id, c.pos, c.id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vote *v = wsdata_add_vote(d);

		if (!v || !store_col_text(st, 1, &v->participant) ||
		    !store_col_text(st, 2, &v->approach) ||
		    !store_col_text(st, 3, &v->criterion)) {
			ret = OOM(e);
			goto cleanup;
		}
		v->id = sqlite3_column_int64(st, 0);
		v->value = sqlite3_column_double(st, 4);
		v->version = sqlite3_column_int64(st, 5);
		v->round = sqlite3_column_int(st, 6);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_decisions(struct store *s, struct workshop_data *d,
			  struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, number, title, status, superseded_by, "
			"date, deciders, consulted, informed, context, "
			"decision, rationale, positive, negative, risks, "
			"chosen, supersedes, alternatives, version, links, "
			"markdown "
			"FROM decision WHERE workshop_id = ?1 ORDER BY number",
			e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct decision *x = wsdata_add_decision(d);
		const char *status = (const char *)sqlite3_column_text(st, 3);

#define LIST(col, field) \
	store_dec_list((const char *)sqlite3_column_text(st, col), &x->field) < 0
		if (!x || !store_col_text(st, 2, &x->title) ||
		    !store_col_text(st, 5, &x->date) ||
		    LIST(6, deciders) || LIST(7, consulted) ||
		    LIST(8, informed) ||
		    !store_col_text(st, 9, &x->context) ||
		    !store_col_text(st, 10, &x->decision) ||
		    !store_col_text(st, 11, &x->rationale) ||
		    LIST(12, positive) || LIST(13, negative) ||
		    LIST(14, risks) ||
		    !store_col_text(st, 15, &x->chosen) ||
		    store_dec_numbers((const char *)sqlite3_column_text(st, 16),
				      &x->supersedes, &x->n_supersedes) < 0 ||
		    !store_col_text(st, 17, &x->alternatives) ||
		    LIST(19, links)) {
			ret = OOM(e);
			goto cleanup;
		}
#undef LIST
		x->id = sqlite3_column_int64(st, 0);
		x->number = sqlite3_column_int(st, 1);
		if (adr_status_from_id(status, &x->status) < 0)
			x->status = ADR_PROPOSED;
		x->superseded_by = sqlite3_column_int(st, 4);
		x->version = sqlite3_column_int64(st, 18);
		x->markdown = sqlite3_column_int(st, 20) != 0;
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_risks(struct store *s, struct workshop_data *d,
		      struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, key, description, probability, impact, "
			"owner, mitigation, status, version FROM risk "
			"WHERE workshop_id = ?1 ORDER BY id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct risk *r = wsdata_add_risk(d);
		const char *status = (const char *)sqlite3_column_text(st, 7);

		if (!r || !store_col_text(st, 1, &r->key) ||
		    !store_col_text(st, 2, &r->description) ||
		    !store_col_text(st, 5, &r->owner) ||
		    !store_col_text(st, 6, &r->mitigation)) {
			ret = OOM(e);
			goto cleanup;
		}
		r->id = sqlite3_column_int64(st, 0);
		r->probability = sqlite3_column_int(st, 3);
		r->impact = sqlite3_column_int(st, 4);
		if (risk_status_from_id(status, &r->status) < 0)
			r->status = RISK_OPEN;
		r->version = sqlite3_column_int64(st, 8);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_metrics(struct store *s, struct workshop_data *d,
			struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, key, name, unit, current, target_3m, "
			"target_6m, version FROM metric WHERE workshop_id = ?1 "
			"ORDER BY id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct metric *m = wsdata_add_metric(d);

		if (!m || !store_col_text(st, 1, &m->key) ||
		    !store_col_text(st, 2, &m->name) ||
		    !store_col_text(st, 3, &m->unit)) {
			ret = OOM(e);
			goto cleanup;
		}
		m->id = sqlite3_column_int64(st, 0);
		m->has_current = sqlite3_column_type(st, 4) != SQLITE_NULL;
		m->current = m->has_current ? sqlite3_column_double(st, 4) : 0;
		m->has_target_3m = sqlite3_column_type(st, 5) != SQLITE_NULL;
		m->target_3m = m->has_target_3m ? sqlite3_column_double(st, 5) : 0;
		m->has_target_6m = sqlite3_column_type(st, 6) != SQLITE_NULL;
		m->target_6m = m->has_target_6m ? sqlite3_column_double(st, 6) : 0;
		m->version = sqlite3_column_int64(st, 7);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_phases(struct store *s, struct workshop_data *d,
		       struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT id, pos, name, weeks, items, version "
			"FROM phase WHERE workshop_id = ?1 ORDER BY pos, id", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct phase *p = wsdata_add_phase(d);

		if (!p || !store_col_text(st, 2, &p->name) ||
		    store_dec_list((const char *)sqlite3_column_text(st, 4),
				   &p->items) < 0) {
			ret = OOM(e);
			goto cleanup;
		}
		p->id = sqlite3_column_int64(st, 0);
		p->pos = sqlite3_column_int(st, 1);
		p->weeks = sqlite3_column_double(st, 3);
		p->version = sqlite3_column_int64(st, 5);
	}
	if (rc != SQLITE_DONE)
		ret = store_sqlerr(s, rc, e);
cleanup:
	sqlite3_reset(st);
	return ret;
}

static int load_next_steps(struct store *s, struct workshop_data *d,
			   struct error *e)
{
	sqlite3_stmt *st;
	int rc, ret = ST_OK;

	st = store_stmt(s, "SELECT next_steps FROM workshop WHERE id = ?1", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, d->ws.id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (store_dec_list((const char *)sqlite3_column_text(st, 0),
				   &d->next_steps) < 0)
			ret = OOM(e);
	} else {
		ret = store_sqlerr(s, rc, e);
	}
	sqlite3_reset(st);
	return ret;
}

int store_workshop_load(struct store *s, int64_t id,
			struct workshop_data **out, struct error *e)
{
	struct workshop_data *d = wsdata_new();
	bool own_tx = sqlite3_get_autocommit(s->db) != 0;
	int rc;

	*out = NULL;
	if (!d)
		return OOM(e);
	/* One read transaction, so the aggregate is a consistent snapshot
	 * (unless the caller's write transaction already is one). */
	if (own_tx &&
	    (rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
		wsdata_free(&d);
		return store_sqlerr(s, rc, e);
	}
	if ((rc = store_workshop_get(s, id, &d->ws, e)) < 0 ||
	    (rc = load_answers(s, d, e)) < 0 ||
	    (rc = load_criteria(s, d, e)) < 0 ||
	    (rc = load_judgements(s, d, e)) < 0 ||
	    (rc = load_approaches(s, d, e)) < 0 ||
	    (rc = load_scores(s, d, e)) < 0 ||
	    (rc = load_votes(s, d, e)) < 0 ||
	    (rc = load_decisions(s, d, e)) < 0 ||
	    (rc = store_adr_load(s, d, e)) < 0 ||
	    (rc = load_risks(s, d, e)) < 0 ||
	    (rc = load_metrics(s, d, e)) < 0 ||
	    (rc = load_phases(s, d, e)) < 0 ||
	    (rc = load_next_steps(s, d, e)) < 0 ||
	    (rc = store_room_load(s, d, e)) < 0)
		wsdata_free(&d);
	if (own_tx)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	*out = d;
	return rc;
}

#include "config.h"
/*
 * session_edits: what a participant's edits need to know about the others'
 * on a shared box.  Conflicts go per field: an edit that names no starting
 * value still conflicts only when its own field changed since the data it
 * started from was loaded (the audit log says which fields changed).
 * Each session publishes what its open editor edits, so that deleting a
 * row someone is typing into says so first; and a save that finds its
 * row deleted keeps the row as it was loaded, so that the text typed into
 * it can become a new row.
 */

#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "store/store_roles.h"
#include "util/i18n.h"

/* How far back the history is read for it; beyond, assume it changed. */
#define SINCE_LIMIT 500

bool sess_field_changed_since_load(struct session *s, const char *table,
				   int64_t id, const char *field)
{
	struct audit_entry *list = NULL;
	struct error e;
	size_t n = 0, i;
	bool changed = false;

	err_clear(&e);
	if (store_audit_list(s->store, s->ws, NULL, SINCE_LIMIT, &list, &n,
			     &e) < 0)
		return true;
	for (i = 0; i < n && list[i].id > s->stamp && !changed; i++)
		changed = str_eq(list[i].tbl, table) && list[i].row == id &&
			  (!list[i].field || str_eq(list[i].field, field));
	/* Every row read is newer than the load: there may be more. */
	if (!changed && i == SINCE_LIMIT)
		changed = true;
	store_audit_list_free(&list, n);
	return changed;
}

/* ---- what the others are editing ----------------------------------------- */
void session_publish_editing(struct session *s, const char *where)
{
	struct error e;

	if (str_eq(where, s->editing) || !s->ws)
		return;
	err_clear(&e);
	if (store_presence_editing(s->store, where, &e) < 0)
		return;
	free(s->editing);
	s->editing = where ? str_dup(where) : NULL;
}

/*
 * The field of row `id` of `table` a draft key names, or NULL: the keys
 * the screens use are "TABLE:ID:FIELD" ("risk:12:mitigation") and, for
 * criteria, "criterion-FIELD:ID".
 */
static char *field_of_key(const char *key, const char *table, int64_t id)
{
	size_t tl = strlen(table);
	char *end;
	long long n;

	if (!key || strncmp(key, table, tl) != 0)
		return NULL;
	if (key[tl] == ':') {
		n = strtoll(key + tl + 1, &end, 10);
		return n == id && *end == ':' && end[1] ? str_dup(end + 1) : NULL;
	}
	if (key[tl] == '-') {
		const char *colon = strrchr(key, ':');

		if (!colon || colon <= key + tl + 1)
			return NULL;
		n = strtoll(colon + 1, &end, 10);
		return n == id && !*end ? str_ndup(key + tl + 1,
						   (size_t)(colon - key - tl - 1))
				       : NULL;
	}
	return NULL;
}

char *session_editing_row(struct session *s, const char *table, int64_t id,
			  char **field)
{
	struct presence_row *rows = NULL;
	struct error e;
	char *who = NULL;
	size_t n = 0;

	*field = NULL;
	err_clear(&e);
	if (!s->ws || store_presence_rows(s->store, s->ws, s->presence_max_age,
					  &rows, &n, &e) < 0)
		return NULL;
	for (size_t i = 0; i < n && !who; i++) {
		char *f;

		if (rows[i].mine || !(f = field_of_key(rows[i].editing, table,
						       id)))
			continue;
		who = str_dup(rows[i].who);
		if (who)
			*field = f;
		else
			free(f);
	}
	store_presence_rows_free(&rows, n);
	return who;
}

/* ---- a row deleted under an edit ------------------------------------------ */
static const char *const row_tables[] = {
	"risk", "approach", "criterion", "metric", "phase", "decision"
};

/* Is row id of table in d? */
static bool row_in(const struct workshop_data *d, const char *table,
		   int64_t id, struct workshop_data **part)
{
	struct workshop_data *p = d ? wsdata_part_of(d, table, id) : NULL;
	bool in = p && (p->n_risks || p->n_approaches || p->n_criteria ||
			p->n_metrics || p->n_roadmap || p->n_decisions);

	if (in && part)
		*part = p;
	else
		wsdata_free(&p);
	return in;
}

void sess_orphan_reloaded(struct session *s, const struct workshop_data *old,
			  const struct workshop_data *now)
{
	for (size_t t = 0; s->editing && t < sizeof(row_tables) /
	     sizeof(row_tables[0]); t++) {
		const char *table = row_tables[t], *p;
		struct workshop_data *part = NULL;
		char *field, *end;
		long long id;

		/* "risk:12:mitigation", "criterion-name:3": the id. */
		p = strchr(s->editing, ':');
		if (!p || strncmp(s->editing, table, strlen(table)) != 0)
			continue;
		id = strtoll(p + 1, &end, 10);
		if (!(field = field_of_key(s->editing, table, id)))
			continue;
		/* The reload took away the row my editor edits: keep it as
		 * it was, for my save to offer it back as a new row. */
		if (!session_orphan(s, table, id) &&
		    row_in(old, table, id, &part) && !row_in(now, table, id,
							     NULL)) {
			session_orphan_drop(s);
			s->orphan = part;
			s->orphan_table = str_dup(table);
			s->orphan_field = str_dup(field);
			s->orphan_id = id;
			if (!s->orphan_table || !s->orphan_field)
				session_orphan_drop(s);
			part = NULL;
		}
		wsdata_free(&part);
		free(field);
		return;
	}
}

void sess_orphan_keep(struct session *s, const char *table, int64_t id,
		      const char *field)
{
	struct workshop_data *part;
	char *f;

	if (session_orphan(s, table, id)) {
		/* Saved again from the same editor: the row was reloaded
		 * away, the one kept stays. */
		if ((f = str_dup(field))) {
			free(s->orphan_field);
			s->orphan_field = f;
		}
		return;
	}
	session_orphan_drop(s);
	if (!s->d || !sess_row_version(s, table, id))
		return;
	part = wsdata_part_of(s->d, table, id);
	s->orphan_table = str_dup(table);
	s->orphan_field = str_dup(field);
	if (!part || !s->orphan_table || !s->orphan_field) {
		wsdata_free(&part);
		session_orphan_drop(s);
		return;
	}
	s->orphan = part;
	s->orphan_id = id;
}

void session_orphan_drop(struct session *s)
{
	wsdata_free(&s->orphan);
	free(s->orphan_table);
	free(s->orphan_field);
	s->orphan_table = s->orphan_field = NULL;
	s->orphan_id = 0;
}

bool session_orphan(const struct session *s, const char *table, int64_t id)
{
	return s->orphan && str_eq(s->orphan_table, table) &&
	       s->orphan_id == id;
}

/* Add the kept row as a new one (a risk gets a new key). */
static int add_part(struct session *s, const struct workshop_data *p,
		    struct sess_result *r)
{
	if (p->n_risks) {
		struct risk rk = p->risks[0];

		rk.key = "";
		return session_add_risk(s, &rk, r);
	}
	if (p->n_approaches)
		return session_add_approach(s, &p->approaches[0], r);
	if (p->n_criteria)
		return session_add_criterion(s, &p->criteria[0], r);
	if (p->n_metrics)
		return session_add_metric(s, &p->metrics[0], r);
	if (p->n_roadmap)
		return session_add_phase(s, &p->roadmap[0], r);
	if (p->n_decisions)
		return session_add_decision(s, &p->decisions[0], r);
	sess_refuse_msg(r, "%s", _("there is no row to add back"));
	return ST_INPUT;
}

int session_orphan_add(struct session *s, const char *text,
		       struct sess_result *r)
{
	struct sess_result one = { 0 };
	struct error e;
	char *cur = NULL, *table, *field;
	int64_t id, ver = 0;
	int number, rc;

	sess_result_clear(r);
	if (sess_refuse(s, true, r))
		return r->code;
	if (!s->orphan) {
		sess_refuse_msg(r, "%s", _("there is no deleted row to add back"));
		return ST_INPUT;
	}
	/* One step for undo: the new row and my text in it. */
	sess_group_begin(s);
	if ((rc = add_part(s, s->orphan, r)) < 0) {
		sess_group_end(s);
		return rc;
	}
	id = r->id;
	number = r->number;
	table = s->orphan_table;
	field = s->orphan_field;
	err_clear(&e);
	if (text && (rc = store_get_field(s->store, table, id, field, &cur,
					  &ver, &e)) == ST_OK)
		rc = session_set_field(s, &(struct sess_edit){
			.table = table, .field = field, .id = id,
			.version = ver, .base = cur, .value = text }, &one);
	free(cur);
	sess_group_end(s);
	if (rc < 0 || (text && !sess_ok(&one))) {
		/* The row is there; my text is not: say why. */
		if (rc < 0 && !one.msg[0])
			sess_finish(s, rc, &e, NULL, NULL, &one);
		*r = one;
		r->id = id;
		return r->code ? r->code : ST_ERROR;
	}
	sess_result_clear(&one);
	r->status = SESS_SAVED;
	r->code = ST_OK;
	r->id = id;
	r->number = number;
	session_orphan_drop(s);
	return ST_OK;
}

/* ---- what someone edits, in words -------------------------------------- */
/* How the screens name row id of table ("R8", "“Pilot”", "ADR 7"). */
char *session_row_name(const struct session *s, const char *table,
		       int64_t id)
{
	const struct workshop_data *d = s->d;

	if (!d)
		return NULL;
	if (str_eq(table, "risk")) {
		for (size_t i = 0; i < d->n_risks; i++)
			if (d->risks[i].id == id)
				return str_dup(d->risks[i].key);
	} else if (str_eq(table, "approach")) {
		for (size_t i = 0; i < d->n_approaches; i++)
			if (d->approaches[i].id == id)
				return str_printf("“%s”", d->approaches[i].name);
	} else if (str_eq(table, "criterion")) {
		for (size_t i = 0; i < d->n_criteria; i++)
			if (d->criteria[i].id == id)
				return str_printf("“%s”", d->criteria[i].name);
	} else if (str_eq(table, "metric")) {
		for (size_t i = 0; i < d->n_metrics; i++)
			if (d->metrics[i].id == id)
				return str_printf("“%s”", d->metrics[i].name
						  ? d->metrics[i].name
						  : d->metrics[i].key);
	} else if (str_eq(table, "phase")) {
		for (size_t i = 0; i < d->n_roadmap; i++)
			if (d->roadmap[i].id == id)
				return str_printf("“%s”", d->roadmap[i].name);
	} else if (str_eq(table, "decision")) {
		for (size_t i = 0; i < d->n_decisions; i++)
			if (d->decisions[i].id == id)
				return str_printf(_("ADR %d"),
						  d->decisions[i].number);
	}
	return NULL;
}

/* A row's field: "R3 · mitigation" ("target_3m" reads "target 3m"). */
static char *row_words(const struct session *s, const char *table,
		       int64_t id, const char *field)
{
	char *label = session_row_name(s, table, id), *f = str_dup(field);
	char *out;

	for (char *p = f; p && *p; p++)
		if (*p == '_')
			*p = ' ';
	out = label && f ? str_printf(_("%s · %s"), label, f) : NULL;
	free(label);
	free(f);
	return out;
}

char *session_editing_words(const struct session *s, const char *key)
{
	static const char *const tables[] = {
		"risk", "approach", "criterion", "metric", "phase", "decision"
	};
	const char *p;
	char *field, *end;
	long long id;

	if (!key || !*key)
		return NULL;
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		size_t tl = strlen(tables[t]);
		char *out;

		if (strncmp(key, tables[t], tl) != 0 ||
		    (key[tl] != ':' && key[tl] != '-'))
			continue;
		/* "risk:12:mitigation" or "criterion-name:3". */
		p = key[tl] == ':' ? key + tl : strrchr(key, ':');
		id = p ? strtoll(p + 1, &end, 10) : 0;
		if (!p || !(field = field_of_key(key, tables[t], id)))
			break;
		out = row_words(s, tables[t], id, field);
		free(field);
		if (out)
			return out;
		break;
	}
	if (strncmp(key, "answer:", 7) == 0 && key[7])
		return str_printf(_("the answer to %s"), key + 7);
	if (strncmp(key, "note:", 5) == 0 && key[5])
		return str_printf(_("the note on %s"), key + 5);
	if (strncmp(key, "park:", 5) == 0)
		return str_dup(_("a parking-lot item"));
	if (strncmp(key, "agenda:", 7) == 0)
		return str_dup(_("the agenda"));
	if (str_eq(key, "next-steps"))
		return str_dup(_("the next steps"));
	if (strncmp(key, "workshop-title:", 15) == 0)
		return str_dup(_("the workshop's title"));
	/* A row loaded since, or a key of a newer version: say only that. */
	return str_dup(_("something"));
}

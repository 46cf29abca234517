#include "config.h"
/*
 * store_check: what keeps a database file from acting against whoever
 * opens it.  On a shared box every member of the workshop group can write
 * the file, so it may hold a trigger that rewrites decisions, a view or a
 * default that calls a function, or a trigger that loops for ever.
 *
 * Every connection is hardened before it reads anything: defensive mode,
 * schema objects may call only innocuous functions (trusted_schema off),
 * triggers and views of the file never run, no extensions, and a progress
 * handler that ends any statement once a stop was requested (SIGINT,
 * SIGTERM, SIGHUP: the flag main's signal handlers set).  Then, before an
 * existing file is used, its sqlite_schema is compared with what our own
 * migrations create at the file's version: a table, index, trigger or view
 * that is not ours, or one whose SQL differs, and the file is refused
 * unchanged with a message that names them.
 */

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/account.h"
#include "util/i18n.h"

/* How many virtual machine steps between two looks at the stop flag. */
#define PROGRESS_STEPS 1000
/* Objects named in a refusal; the rest are counted. */
#define MAX_NAMED 8

static int progress(void *arg)
{
	return store_stopping(arg);
}

/* charrette_account(name): the account a recorded name stands for (see
 * util/account.h), NULL if none; for the migration to schema 3. */
static void sql_account(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *who = sqlite3_value_text(argv[0]);
	char *acct;

	(void)argc;
	if (!who) {
		sqlite3_result_null(ctx);
		return;
	}
	if (account_of_name((const char *)who, &acct) < 0)
		sqlite3_result_error_nomem(ctx);
	else if (acct)
		sqlite3_result_text(ctx, acct, -1, free);
	else
		sqlite3_result_null(ctx);
}

int store_harden(struct store *s, sqlite3 *db, struct error *e)
{
	static const int off[] = {
		SQLITE_DBCONFIG_TRUSTED_SCHEMA,
		SQLITE_DBCONFIG_ENABLE_TRIGGER,
		SQLITE_DBCONFIG_ENABLE_VIEW,
		SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
	};
	int got = -1, rc;

	rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &got);
	if (rc != SQLITE_OK || got != 1)
		return err_set(e, ST_ERROR, _("%s: cannot turn on SQLite's "
					      "defensive mode"), s->path);
	for (size_t i = 0; i < sizeof(off) / sizeof(off[0]); i++) {
		got = -1;
		rc = sqlite3_db_config(db, off[i], 0, &got);
		if (rc != SQLITE_OK || got != 0)
			return err_set(e, ST_ERROR, _("%s: cannot restrict what "
						      "the database file may "
						      "run"), s->path);
	}
	sqlite3_progress_handler(db, PROGRESS_STEPS, progress, s);
	/* Direct SQL only: no trigger, view or default can call it. */
	rc = sqlite3_create_function(db, "charrette_account", 1,
				     SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				     SQLITE_DIRECTONLY, NULL, sql_account,
				     NULL, NULL);
	if (rc != SQLITE_OK)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	return ST_OK;
}

/* ---- the schema check ---------------------------------------------------- */

struct object {
	char *type, *name, *tbl, *sql;   /* sql "" when SQLite made it */
};

struct objects {
	struct object *v;
	size_t n;
};

static void objects_free(struct objects *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].type);
		free(o->v[i].name);
		free(o->v[i].tbl);
		free(o->v[i].sql);
	}
	free(o->v);
	o->v = NULL;
	o->n = 0;
}

/* SQL with every run of white space made one space, and none beside a
 * parenthesis or a comma: SQLite keeps the text as it was written, and
 * only its words and punctuation matter (an older build wrote
 * "meta(key" where ours writes "meta( key"). */
static char *squeeze(const char *sql)
{
	char *out = malloc(strlen(sql) + 1), *q = out;
	bool space = false;

	if (!out)
		return NULL;
	for (const char *p = sql; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = q != out;
			continue;
		}
		if (space && !strchr("),", *p) && !strchr("(,", q[-1]))
			*q++ = ' ';
		space = false;
		*q++ = *p;
	}
	*q = '\0';
	return out;
}

/* Every object of db's main schema; SQLite's own statistics tables do not
 * count (ANALYZE makes them, they hold no code). */
static int read_objects(sqlite3 *db, struct objects *o)
{
	sqlite3_stmt *st;
	int rc;

	o->v = NULL;
	o->n = 0;
	rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, "
				"coalesce(sql, '') FROM main.sqlite_schema "
				"WHERE name NOT LIKE 'sqlite\\_stat_' ESCAPE '\\' "
				"AND name <> 'sqlite_sequence' ORDER BY name",
				-1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct object *p = realloc(o->v, (o->n + 1) * sizeof(*p));
		struct object *ob;

		if (!p) {
			rc = SQLITE_NOMEM;
			break;
		}
		o->v = p;
		ob = &o->v[o->n++];
		ob->type = str_dup((const char *)sqlite3_column_text(st, 0));
		ob->name = str_dup((const char *)sqlite3_column_text(st, 1));
		ob->tbl = str_dup((const char *)sqlite3_column_text(st, 2));
		ob->sql = squeeze((const char *)sqlite3_column_text(st, 3));
		if (!ob->type || !ob->name || !ob->tbl || !ob->sql) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* What our migrations create at `version`, in a database in memory.  A
 * version-0 file of ours holds just the meta table (see schema_v1). */
static int reference_objects(struct store *s, int64_t version,
			     struct objects *o, struct error *e)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE |
				 SQLITE_OPEN_MEMORY, NULL);

	o->v = NULL;
	o->n = 0;
	if (rc == SQLITE_OK && store_harden(s, db, e) < 0) {
		sqlite3_close(db);
		return e->code;
	}
	/* About 4 ms: each ALTER TABLE makes SQLite parse the whole schema
	 * again.  Worth it once per process. */
	for (int64_t v = 0; rc == SQLITE_OK && v < version; v++)
		for (const char *const *q = store_migration(v);
		     rc == SQLITE_OK && *q; q++)
			rc = sqlite3_exec(db, *q, NULL, NULL, NULL);
	if (rc == SQLITE_OK && version == 0)
		rc = sqlite3_exec(db, store_migration(0)[0], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = read_objects(db, o);
	if (rc != SQLITE_OK) {
		err_set(e, ST_ERROR, _("cannot build the schema to compare %s "
				       "with: %s"), s->path,
			db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		objects_free(o);
	}
	sqlite3_close(db);
	return rc == SQLITE_OK ? ST_OK : ST_ERROR;
}

static const struct object *find_object(const struct objects *o,
					const char *type, const char *name)
{
	for (size_t i = 0; i < o->n; i++)
		if (str_eq(o->v[i].type, type) && str_eq(o->v[i].name, name))
			return &o->v[i];
	return NULL;
}

/* "trigger "x" on decision" into b. */
static void name_object(struct buf *b, const struct object *ob,
			const char *how)
{
	buf_printf(b, "%s \"%s\"", ob->type, ob->name);
	if (!str_eq(ob->type, "table") && !str_eq(ob->name, ob->tbl))
		buf_printf(b, _(" on %s"), ob->tbl);
	if (how)
		buf_printf(b, " (%s)", how);
}

/* FNV-1a over every object's type, name, table and squeezed SQL, in name
 * order: equal for two schemas that the comparison below finds equal. */
static uint64_t objects_hash(const struct objects *o)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < o->n; i++) {
		const char *part[4] = {
			o->v[i].type, o->v[i].name, o->v[i].tbl, o->v[i].sql
		};

		for (size_t k = 0; k < 4; k++)
			for (const char *p = part[k]; ; p++) {
				h = (h ^ (unsigned char)*p) * 1099511628211ULL;
				if (!*p)
					break;
			}
	}
	return h;
}

int store_schema_reference_hash(struct store *s, int64_t version,
				uint64_t *hash, struct error *e)
{
	struct objects ours;
	int rc = reference_objects(s, version, &ours, e);

	if (rc < 0)
		return rc;
	*hash = objects_hash(&ours);
	objects_free(&ours);
	return ST_OK;
}

int store_check_schema(struct store *s, int64_t version, struct error *e)
{
	struct objects file, ours;
	struct buf foreign, missing;
	size_t n_foreign = 0, n_missing = 0;
	int rc;

	if ((rc = read_objects(s->db, &file)) != SQLITE_OK)
		return store_sqlerr(s, rc, e);
	/* A file of this version that is exactly ours needs no reference
	 * built (building it costs some 30 M instructions a start). */
	if (version == STORE_SCHEMA_VERSION &&
	    objects_hash(&file) == STORE_SCHEMA_HASH) {
		objects_free(&file);
		return ST_OK;
	}
	if ((rc = reference_objects(s, version, &ours, e)) < 0) {
		objects_free(&file);
		return rc;
	}
	buf_init(&foreign);
	buf_init(&missing);
	buf_puts(&foreign, "");
	buf_puts(&missing, "");
	for (size_t i = 0; i < file.n; i++) {
		const struct object *ob = &file.v[i];
		const struct object *ref = find_object(&ours, ob->type,
						       ob->name);

		if (ref && str_eq(ref->sql, ob->sql) && str_eq(ref->tbl, ob->tbl))
			continue;
		if (n_foreign++ < MAX_NAMED) {
			if (n_foreign > 1)
				buf_puts(&foreign, ", ");
			name_object(&foreign, ob, ref ? _("changed") : NULL);
		}
	}
	for (size_t i = 0; i < ours.n; i++) {
		if (find_object(&file, ours.v[i].type, ours.v[i].name))
			continue;
		if (n_missing++ < MAX_NAMED) {
			if (n_missing > 1)
				buf_puts(&missing, ", ");
			name_object(&missing, &ours.v[i], NULL);
		}
	}
	if (n_foreign > MAX_NAMED)
		buf_printf(&foreign, _(" and %zu more"), n_foreign - MAX_NAMED);
	if (n_missing > MAX_NAMED)
		buf_printf(&missing, _(" and %zu more"), n_missing - MAX_NAMED);
	if (foreign.oom || missing.oom)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	else if (n_foreign)
		rc = err_set(e, ST_INPUT, _("%s holds what charrette did not "
					    "create: %s; it was not opened and "
					    "is unchanged (drop them with "
					    "sqlite3, or restore a backup)"),
			     s->path, buf_str(&foreign));
	else if (n_missing && version > 0)
		rc = err_set(e, ST_INPUT, _("%s lacks what charrette needs: %s; "
					    "it was not opened and is unchanged "
					    "(restore a backup)"),
			     s->path, buf_str(&missing));
	else
		rc = ST_OK;
	buf_free(&foreign);
	buf_free(&missing);
	objects_free(&file);
	objects_free(&ours);
	return rc;
}

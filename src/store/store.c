#include "config.h"
/*
 * store: opening the SQLite file (with the refusals that leave foreign or
 * newer files untouched), connection pragmas, running the schema's
 * migrations (store_schema.c), the prepared-statement cache, write
 * transactions with retry, the audit log and PRAGMA data_version.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/account.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/path.h"

#define BUSY_TIMEOUT_MS 5000
#define BUSY_RETRIES 3

/* ---- statement cache, errors ----------------------------------------- */

sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct error *e)
{
	struct stmt_slot *slot;
	sqlite3_stmt *st;
	int rc;

	for (size_t i = 0; i < s->n_stmts; i++) {
		if (strcmp(s->stmts[i].sql, sql) == 0) {
			sqlite3_reset(s->stmts[i].st);
			sqlite3_clear_bindings(s->stmts[i].st);
			return s->stmts[i].st;
		}
	}
	if (s->n_stmts == s->cap_stmts) {
		size_t cap = s->cap_stmts ? s->cap_stmts * 2 : 64;
		struct stmt_slot *p = realloc(s->stmts, cap * sizeof(*p));

		if (!p) {
			err_set(e, ST_ERROR, _("out of memory"));
			return NULL;
		}
		s->stmts = p;
		s->cap_stmts = cap;
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK) {
		store_sqlerr(s, rc, e);
		sqlite3_finalize(st);
		return NULL;
	}
	slot = &s->stmts[s->n_stmts];
	if (!(slot->sql = str_dup(sql))) {
		sqlite3_finalize(st);
		err_set(e, ST_ERROR, _("out of memory"));
		return NULL;
	}
	slot->st = st;
	s->n_stmts++;
	return st;
}

int store_readonly_err(struct store *s, struct error *e)
{
	if (!s)
		return err_set(e, ST_READONLY, "%s",
			       _("the database is open read-only"));
	return err_set(e, ST_READONLY, _("%s is open read-only: %s"), s->path,
		       s->ro_why ? _(s->ro_why) :
		       _("it cannot be written"));
}

/* Did the last failure of the connection come from a full disk (or a
 * quota)?  SQLite says SQLITE_FULL, or an I/O error with ENOSPC behind it. */
static bool disk_full(struct store *s, int rc)
{
	int err;

	if ((rc & 0xff) == SQLITE_FULL)
		return true;
	if (!s || !s->db || ((rc & 0xff) != SQLITE_IOERR &&
			     (rc & 0xff) != SQLITE_CANTOPEN))
		return false;
	err = sqlite3_system_errno(s->db);
	return err == ENOSPC || err == EDQUOT;
}

int store_sqlerr(struct store *s, int rc, struct error *e)
{
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

	if (disk_full(s, rc))
		return err_set(e, ST_ERROR, _("disk full: cannot write %s "
					      "(nothing was saved; free some "
					      "space and try again)"),
			       s ? s->path : "");
	switch (rc & 0xff) {
	case SQLITE_INTERRUPT:
		return err_set(e, ST_ERROR, _("%s: stopped by a signal before "
					      "it finished; nothing was saved"),
			       s ? s->path : "");
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ST_BUSY, _("%s: the database is busy (another "
					     "program holds its write lock); "
					     "try again"), s ? s->path : "");
	case SQLITE_READONLY:
		return store_readonly_err(s, e);
	case SQLITE_CONSTRAINT:
		return err_set(e, ST_INPUT, _("%s: %s"), s ? s->path : "", msg);
	case SQLITE_NOMEM:
		return err_set(e, ST_ERROR, _("out of memory"));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(e, ST_ERROR, _("%s is damaged (%s); restore it "
					      "from a backup, or rescue what "
					      "is left with: sqlite3 %s "
					      ".recover"),
			       s ? s->path : "", msg, s ? s->path : "FILE");
	default:
		return err_set(e, ST_ERROR, _("%s: database error: %s"),
			       s ? s->path : "", msg);
	}
}

int store_exec_stmt(struct store *s, sqlite3_stmt *st, struct error *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

int store_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	if (!text)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT);
}

bool store_col_text(sqlite3_stmt *st, int col, char **out)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	*out = NULL;
	if (!t) {
		/* NULL column, or out of memory converting it */
		return sqlite3_column_type(st, col) == SQLITE_NULL;
	}
	*out = str_dup((const char *)t);
	return *out != NULL;
}

/* Run one SQL command without results, through the cache. */
static int exec_cached(struct store *s, const char *sql, struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, sql, e);

	if (!st)
		return e ? e->code : ST_ERROR;
	return store_exec_stmt(s, st, e);
}

/* ---- transactions ----------------------------------------------------- */

/*
 * Waiting for the write lock.  SQLite's own busy_timeout sleeps longer and
 * longer (up to 100 ms), so under contention a writer that has waited a
 * while keeps losing the lock to newcomers that poll sooner: the stress
 * benchmark saw single edits wait up to 6 s.  Short sleeps with jitter
 * (1 to 4 ms) keep every waiter in the race, for at most busy_ms.
 */
static int busy_wait(void *arg, int count)
{
	struct store *s = arg;
	struct timespec now, nap;
	long waited;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		s->busy_since = now;
	waited = (now.tv_sec - s->busy_since.tv_sec) * 1000L +
		 (now.tv_nsec - s->busy_since.tv_nsec) / 1000000L;
	if (waited >= s->busy_ms || store_stopping(s))
		return 0;
	nap.tv_sec = 0;
	nap.tv_nsec = (1 + (long)(rand_r(&s->busy_seed) % 4)) * 1000000L;
	nanosleep(&nap, NULL);
	return 1;
}

static void set_busy_handler(struct store *s)
{
	sqlite3_busy_handler(s->db, busy_wait, s);
}

void store_set_busy_timeout(struct store *s, int ms)
{
	s->busy_ms = ms;
	set_busy_handler(s);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

int store_begin(struct store *s, struct error *e)
{
	sqlite3_stmt *st;
	int rc = SQLITE_BUSY;
	long backoff = 20;

	if (s->readonly)
		return store_readonly_err(s, e);
	if (!(st = store_stmt(s, "BEGIN IMMEDIATE", e)))
		return e->code;
	/* busy_timeout already waited on each attempt; a few more tries
	 * with backoff ride out a writer that keeps the lock a long time. */
	for (int i = 0; i <= BUSY_RETRIES; i++) {
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return ST_OK;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		if (store_stopping(s))
			break;
		if (i < BUSY_RETRIES) {
			sleep_ms(backoff);
			backoff *= 2;
		}
	}
	return store_sqlerr(s, rc, e);
}

int store_commit(struct store *s, struct error *e)
{
	int rc = exec_cached(s, "COMMIT", e);

	if (rc < 0)
		store_rollback(s);
	return rc;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_end(struct store *s, int rc, struct error *e)
{
	if (rc < 0) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, e);
}

/* ---- audit ------------------------------------------------------------ */

int store_audit(struct store *s, int64_t ws, const char *tbl, int64_t row,
		const char *field, const char *old_value,
		const char *new_value, struct error *e)
{
	int64_t now = clock_now();
	sqlite3_stmt *st;
	int rc;

	st = store_stmt(s, "INSERT INTO audit(workshop_id, who, at, tbl, "
			"row_id, field, old_value, new_value, account) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", e);
	if (!st)
		return e->code;
	if (ws)
		sqlite3_bind_int64(st, 1, ws);
	store_bind_text(st, 2, s->who);
	sqlite3_bind_int64(st, 3, now);
	store_bind_text(st, 4, tbl);
	sqlite3_bind_int64(st, 5, row);
	store_bind_text(st, 6, field);
	store_bind_text(st, 7, old_value);
	store_bind_text(st, 8, new_value);
	store_bind_text(st, 9, s->account);
	if ((rc = store_exec_stmt(s, st, e)) < 0 || !ws)
		return rc;
	/* Every edit comes here, so this is where an edit of a workshop in
	 * the trash is refused (the caller rolls back). */
	st = store_stmt(s, "UPDATE workshop SET updated = ?1 WHERE id = ?2 "
			"AND deleted IS NULL", e);
	if (!st)
		return e->code;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, ws);
	if ((rc = store_exec_stmt(s, st, e)) < 0)
		return rc;
	if (sqlite3_changes(s->db) == 0)
		return store_trash_check(s, ws, e);
	return ST_OK;
}

int store_conflict(struct store *s, const char *tbl, int64_t row,
		   const char *what, bool gone, struct error *e)
{
	sqlite3_stmt *st;
	char *who = NULL, *field = NULL;
	bool deleted = false, found = false;
	int rc;

	st = store_stmt(s, "SELECT who, field, new_value IS NULL FROM audit "
			"WHERE tbl = ?1 AND row_id = ?2 "
			"ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, tbl);
	sqlite3_bind_int64(st, 2, row);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		found = true;
		if (!store_col_text(st, 0, &who) ||
		    !store_col_text(st, 1, &field)) {
			sqlite3_reset(st);
			free(who);
			return err_set(e, ST_ERROR, _("out of memory"));
		}
		deleted = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e);

	if (gone && !deleted)
		rc = err_set(e, ST_NOTFOUND, _("%s does not exist"), what);
	else if (!found)
		rc = err_set(e, ST_CONFLICT, _("%s was changed by someone else "
					       "while you edited it; your "
					       "change was not saved"), what);
	else if (deleted)
		rc = err_set(e, ST_CONFLICT, _("%s was deleted by %s while you "
					       "edited it; your change was "
					       "not saved"), what, who);
	else if (!str_empty(field))
		rc = err_set(e, ST_CONFLICT, _("%s was changed by %s (%s) "
					       "while you edited it; your "
					       "change was not saved"),
			     what, who, field);
	else
		rc = err_set(e, ST_CONFLICT, _("%s was changed by %s while you "
					       "edited it; your change was "
					       "not saved"), what, who);
	free(who);
	free(field);
	return rc;
}

int store_conflict_field(struct store *s, const char *tbl, int64_t row,
			 const char *field, const char *what, struct error *e)
{
	sqlite3_stmt *st;
	char *who = NULL;
	int rc;

	st = store_stmt(s, "SELECT who FROM audit WHERE tbl = ?1 AND "
			"row_id = ?2 AND field = ?3 ORDER BY id DESC LIMIT 1",
			e);
	if (!st)
		return e->code;
	store_bind_text(st, 1, tbl);
	sqlite3_bind_int64(st, 2, row);
	store_bind_text(st, 3, field);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !store_col_text(st, 0, &who)) {
		sqlite3_reset(st);
		return err_set(e, ST_ERROR, _("out of memory"));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e);
	if (who)
		rc = err_set(e, ST_CONFLICT, _("%s: %s was changed by %s while "
					       "you edited it; your change was "
					       "not saved"), what, field, who);
	else
		rc = err_set(e, ST_CONFLICT, _("%s: %s was changed by someone "
					       "else while you edited it; your "
					       "change was not saved"), what,
			     field);
	free(who);
	return rc;
}

/* ---- opening ---------------------------------------------------------- */

static int set_pragmas(struct store *s, struct error *e)
{
	int rc;

	set_busy_handler(s);
	rc = sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e);
	if (s->readonly)
		return ST_OK;
	rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e);
	/*
	 * NORMAL, not FULL: a commit no longer waits for an fsync of the log,
	 * only checkpoints do.  Every acknowledged edit still survives a
	 * crash or kill of any process; a power cut or kernel crash can take
	 * back the last edits since the log was last synced (never half an
	 * edit, never a damaged file).  With 8 writers this took p99 from
	 * 26-44 ms to 4-8 ms and the worst edit from 97-130 ms to 20-30 ms
	 * (tests/stress/bench 100; see README, "Sharing a workshop").
	 */
	rc = sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL,
			  NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

/* An int from a one-value query (-1 + *e on error). */
static int query_int(struct store *s, const char *sql, int64_t *out,
		     struct error *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return store_sqlerr(s, rc, e);
	}
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

/* What a read-only look at an existing file found. */
struct inspection {
	int64_t version;   /* user_version */
	int64_t tables;    /* tables in the file */
	bool ours;         /* a charrette_meta row says application=charrette */
};

static int inspect(struct store *s, struct inspection *in, struct error *e)
{
	int64_t meta = 0;
	int rc;

	if ((rc = query_int(s, "PRAGMA user_version", &in->version, e)) < 0 ||
	    (rc = query_int(s, "SELECT count(*) FROM sqlite_master "
			    "WHERE type = 'table'", &in->tables, e)) < 0 ||
	    (rc = query_int(s, "SELECT count(*) FROM sqlite_master "
			    "WHERE type = 'table' AND name = 'charrette_meta'",
			    &meta, e)) < 0)
		return rc;
	in->ours = false;
	if (meta) {
		rc = query_int(s, "SELECT count(*) FROM charrette_meta WHERE "
			       "key = 'application' AND value = 'charrette'",
			       &meta, e);
		if (rc < 0)
			return rc;
		in->ours = meta > 0;
	}
	return ST_OK;
}

/* Percent-encode a path for a file: URI. */
static char *file_uri(const char *path, const char *query)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_putc(&b, *p);
	}
	buf_puts(&b, query);
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static int open_db(struct store *s, bool readonly, bool create,
		   struct error *e)
{
	int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
	char *uri, *dir, *shm;
	const char *query = "";
	int rc;

	if (s->db) {
		sqlite3_close(s->db);
		s->db = NULL;
	}
	if (readonly) {
		flags |= SQLITE_OPEN_READONLY;
		/* A WAL database needs its -shm file; when it does not exist
		 * and the folder is not writable, read the file as immutable
		 * (nobody can be writing it without that folder either). */
		dir = path_dirname(s->path);
		shm = str_printf("%s-shm", s->path);
		if (!dir || !shm) {
			free(dir);
			free(shm);
			return err_set(e, ST_ERROR, _("out of memory"));
		}
		if (access(dir, W_OK) != 0 && !file_exists(shm))
			query = "?immutable=1";
		free(dir);
		free(shm);
	} else {
		flags |= SQLITE_OPEN_READWRITE;
		if (create)
			flags |= SQLITE_OPEN_CREATE;
	}
	if (!(uri = file_uri(s->path, query)))
		return err_set(e, ST_ERROR, _("out of memory"));
	rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		err_set(e, rc == SQLITE_CANTOPEN ? ST_NOTFOUND : ST_ERROR,
			_("cannot open %s: %s"), s->path,
			s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		s->db = NULL;
		return e->code;
	}
	sqlite3_extended_result_codes(s->db, 1);
	return store_harden(s, s->db, e);
}

/* Copy the database beside itself before migrating it: FILE.bak-vN, or
 * FILE.bak-vN-2, ... when an older copy is already there. */
static int backup(struct store *s, int64_t version, struct error *e)
{
	sqlite3_stmt *st = NULL;
	char *name = NULL;
	int rc;

	for (int i = 1; i < 1000; i++) {
		free(name);
		name = i == 1 ? str_printf("%s.bak-v%lld", s->path,
					   (long long)version)
			      : str_printf("%s.bak-v%lld-%d", s->path,
					   (long long)version, i);
		if (!name)
			return err_set(e, ST_ERROR, _("out of memory"));
		if (!file_exists(name))
			break;
	}
	rc = sqlite3_prepare_v2(s->db, "VACUUM INTO ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && rc != SQLITE_DONE && disk_full(s, rc)) {
		err_set(e, ST_ERROR, _("disk full: cannot write %s (the copy "
				       "of %s made before upgrading it); "
				       "nothing was changed"), name, s->path);
		free(name);
		return ST_ERROR;
	}
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		err_set(e, ST_ERROR, _("cannot copy %s to %s before upgrading "
				       "it: %s"), s->path, name,
			sqlite3_errmsg(s->db));
		free(name);
		return ST_ERROR;
	}
	free(name);
	return ST_OK;
}

static int migrate(struct store *s, bool existing, struct error *e)
{
	int64_t version = 0;
	char sql[64], from[24], to[24];
	int rc;

	if ((rc = query_int(s, "PRAGMA user_version", &version, e)) < 0)
		return rc;
	if (version >= STORE_SCHEMA_VERSION)
		return ST_OK;
	if (existing && (rc = backup(s, version, e)) < 0)
		return rc;
	if ((rc = store_begin(s, e)) < 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = query_int(s, "PRAGMA user_version", &version, e)) < 0 ||
	    version >= STORE_SCHEMA_VERSION)
		return store_end(s, rc, e);
	for (int64_t v = version; v < STORE_SCHEMA_VERSION; v++) {
		for (const char *const *sql1 = store_migration(v); *sql1; sql1++) {
			rc = sqlite3_exec(s->db, *sql1, NULL, NULL, NULL);
			if (rc == SQLITE_OK)
				continue;
			if (disk_full(s, rc) || (rc & 0xff) == SQLITE_INTERRUPT)
				return store_end(s, store_sqlerr(s, rc, e), e);
			err_set(e, ST_ERROR, _("%s: cannot upgrade the schema "
					       "to version %lld: %s"), s->path,
				(long long)v + 1, sqlite3_errmsg(s->db));
			return store_end(s, ST_ERROR, e);
		}
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		 STORE_SCHEMA_VERSION);
	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_end(s, store_sqlerr(s, rc, e), e);
	snprintf(from, sizeof(from), "%lld", (long long)version);
	snprintf(to, sizeof(to), "%d", STORE_SCHEMA_VERSION);
	rc = store_audit(s, 0, "schema", 0, "user_version", from, to, e);
	return store_end(s, rc, e);
}

/* Is the file a SQLite database?  Reads its 16-byte header ourselves so
 * that SQLite never touches a file that is not one. */
static int check_header(const char *path, struct error *e)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return err_set(e, errno == ENOENT ? ST_NOTFOUND : ST_ERROR,
			       _("cannot open %s: %s"), path, strerror(errno));
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n < 0)
		return err_set(e, ST_ERROR, _("cannot read %s: %s"), path,
			       strerror(errno));
	if (n != (ssize_t)sizeof(head) || memcmp(head, magic, sizeof(head)))
		return err_set(e, ST_INPUT, _("%s is not a SQLite database"),
			       path);
	return ST_OK;
}

/*
 * SQLite creates the -wal and -shm files with the database's own mode, and
 * a read-only connection never removes them.  So a member who could only
 * read a database that had lost g+w leaves behind files that are theirs
 * and not group-writable, and the others stay locked out after the chmod
 * g+w that util/shared.c asks for.  In a setgid group folder, make the ones
 * we own group-writable.  lstat + AT_SYMLINK_NOFOLLOW: never follow a link
 * someone put there; no open + close, which would drop SQLite's POSIX
 * locks on the -shm file.  Best effort: util/shared.c warns about the rest.
 */
static void share_sidecars(const char *path)
{
	static const char *const ext[] = { "-wal", "-shm" };
	char *dir = path_dirname(path), *f;
	struct stat dst, st;

	if (!dir)
		return;
	if (stat(dir, &dst) == 0 && (dst.st_mode & S_ISGID) &&
	    (dst.st_mode & S_IWGRP)) {
		for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
			if (!(f = str_printf("%s%s", path, ext[i])))
				break;
			if (lstat(f, &st) == 0 && S_ISREG(st.st_mode) &&
			    st.st_uid == geteuid() && st.st_gid == dst.st_gid &&
			    (st.st_mode & (S_IRGRP | S_IWGRP)) !=
			    (S_IRGRP | S_IWGRP) &&
			    fchmodat(AT_FDCWD, f, (st.st_mode & 07777) | S_IRGRP |
				     S_IWGRP, AT_SYMLINK_NOFOLLOW) != 0) {
				/* left as it is; the warning names it */
			}
			free(f);
		}
	}
	free(dir);
}

/* Open an existing non-empty file: refuse what is not ours, then reopen
 * read-write (unless read-only) and migrate. */
static int open_existing(struct store *s, bool want_ro, struct error *e)
{
	struct inspection in = { 0 };
	char *dir;
	bool ro;
	int rc;

	if ((rc = check_header(s->path, e)) < 0)
		return rc;
	if ((rc = open_db(s, true, false, e)) < 0)
		return rc;
	set_busy_handler(s);
	if ((rc = inspect(s, &in, e)) < 0) {
		if (rc == ST_ERROR && sqlite3_errcode(s->db) == SQLITE_NOTADB)
			return err_set(e, ST_INPUT,
				       _("%s is not a SQLite database"),
				       s->path);
		return rc;
	}
	/* Tables (or a schema version) without our meta row: not ours. */
	if (!in.ours && (in.tables || in.version))
		return err_set(e, ST_INPUT, _("%s is a SQLite database of "
					      "another application"), s->path);
	if (in.version > STORE_SCHEMA_VERSION)
		return err_set(e, ST_INPUT, _("%s was written by a newer "
					      "charrette (schema %lld, this "
					      "build knows %d)"), s->path,
			       (long long)in.version, STORE_SCHEMA_VERSION);
	/* Tables, triggers, views or indexes we did not create: refused
	 * before anything of the file runs or changes. */
	if ((rc = store_check_schema(s, in.version, e)) < 0)
		return rc;

	dir = path_dirname(s->path);
	if (!dir)
		return err_set(e, ST_ERROR, _("out of memory"));
	/* SQLite needs the folder too, for the -wal and -shm files. */
	if (want_ro)
		s->ro_why = N_("--read-only was given");
	else if (access(s->path, W_OK) != 0)
		s->ro_why = N_("the file is not writable");
	else if (access(dir, W_OK) != 0)
		s->ro_why = N_("its folder is not writable (SQLite keeps "
			       "FILE-wal and FILE-shm beside it)");
	ro = s->ro_why != NULL;
	free(dir);
	if (ro) {
		s->readonly = true;
		if (in.version < STORE_SCHEMA_VERSION && in.tables)
			return err_set(e, ST_READONLY, _("%s needs an upgrade "
							 "(schema %lld to %d) but "
							 "is open read-only"),
				       s->path, (long long)in.version,
				       STORE_SCHEMA_VERSION);
		if (!in.tables)
			return err_set(e, ST_NOTFOUND, _("%s holds no charrette "
							 "database yet"), s->path);
		share_sidecars(s->path);
		return set_pragmas(s, e);
	}
	if ((rc = open_db(s, false, false, e)) < 0 ||
	    (rc = set_pragmas(s, e)) < 0)
		return rc;
	share_sidecars(s->path);
	return migrate(s, in.tables > 0, e);
}

int store_open(struct store **out, const char *path, int flags,
	       const char *who, struct error *e)
{
	struct store *s;
	struct stat sb;
	bool want_ro = (flags & STORE_READONLY) != 0;
	int rc;

	*out = NULL;
	if (!(s = calloc(1, sizeof(*s))))
		return err_set(e, ST_ERROR, _("out of memory"));
	s->busy_ms = BUSY_TIMEOUT_MS;
	s->busy_seed = (unsigned)getpid() ^ (unsigned)time(NULL);
	s->session = (int64_t)getpid();
	s->path = str_dup(path);
	s->who = str_dup(str_empty(who) ? "unknown" : who);
	s->account = account_current();
	s->want_ro = want_ro;
	if (!s->path || !s->who || !s->account) {
		rc = err_set(e, ST_ERROR, _("out of memory"));
		goto fail;
	}

	if (strcmp(path, ":memory:") == 0) {
		if (want_ro) {
			rc = err_set(e, ST_NOTFOUND, _("%s does not exist"), path);
			goto fail;
		}
		rc = sqlite3_open(path, &s->db);
		if (rc != SQLITE_OK) {
			rc = store_sqlerr(s, rc, e);
			goto fail;
		}
		sqlite3_extended_result_codes(s->db, 1);
		if ((rc = store_harden(s, s->db, e)) < 0 ||
		    (rc = set_pragmas(s, e)) < 0 ||
		    (rc = migrate(s, false, e)) < 0)
			goto fail;
	} else if (stat(path, &sb) != 0 && errno != ENOENT) {
		/* Not "missing": a folder on the way we may not enter (a
		 * shared folder of a group we are not in) is a permission
		 * problem, and creating the file would fail anyway. */
		int err = errno;

		/* A file where a folder should be, or a loop of links: the
		 * path given is wrong (exit 2); other reasons are runtime. */
		rc = err_set(e, err == ENOTDIR || err == ELOOP ||
			     err == ENAMETOOLONG ? ST_INPUT : ST_ERROR,
			     _("cannot open %s: %s"), path, strerror(err));
		goto fail;
	} else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		rc = err_set(e, ST_INPUT, _("%s is a folder, not a database"),
			     path);
		goto fail;
	} else if (stat(path, &sb) == 0 && sb.st_size > 0) {
		if ((rc = open_existing(s, want_ro, e)) < 0)
			goto fail;
	} else if (want_ro) {
		if (access(path, F_OK) == 0)
			rc = err_set(e, ST_NOTFOUND, _("%s holds no charrette "
						       "database yet"), path);
		else
			rc = err_set(e, ST_NOTFOUND, _("%s does not exist"),
				     path);
		goto fail;
	} else {
		/* Missing or empty: a new database. */
		if ((rc = open_db(s, false, true, e)) < 0 ||
		    (rc = set_pragmas(s, e)) < 0 ||
		    (rc = migrate(s, false, e)) < 0)
			goto fail;
	}
	*out = s;
	return ST_OK;
fail:
	store_close(&s);
	return rc;
}

void store_close(struct store **sp)
{
	struct store *s;

	if (!sp || !*sp)
		return;
	s = *sp;
	for (size_t i = 0; i < s->n_stmts; i++) {
		sqlite3_finalize(s->stmts[i].st);
		free(s->stmts[i].sql);
	}
	free(s->stmts);
	if (s->db)
		sqlite3_close(s->db);
	store_presence_close(s);
	free(s->path);
	free(s->who);
	free(s->account);
	free(s);
	*sp = NULL;
}

bool store_is_readonly(const struct store *s)
{
	return s->readonly;
}

const char *store_who(const struct store *s)
{
	return s->who;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

const char *store_account(const struct store *s)
{
	return s->account;
}

void store_set_stop(struct store *s, bool (*stopping)(void *arg), void *arg)
{
	s->stop = stopping;
	s->stop_arg = arg;
}

bool store_stopping(const struct store *s)
{
	return s->stop && s->stop(s->stop_arg);
}

int store_testing_account(struct store *s, const char *account)
{
	return str_set(&s->account, account);
}

int store_data_version(struct store *s, int64_t *out, struct error *e)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version", e);
	int rc;

	if (!st)
		return e->code;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_sqlerr(s, rc, e);
	return ST_OK;
}

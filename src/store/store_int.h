/*
 * store_int: what the store's files share and nobody else sees — the
 * connection struct, the statement cache, transactions, the audit log and
 * the text encodings of lists, components and supersedes.
 */
#ifndef CHARRETTE_STORE_INT_H
#define CHARRETTE_STORE_INT_H

#include <sqlite3.h>
#include <time.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "store/store.h"
#include "util/error.h"
#include "util/str.h"

struct stmt_slot {
	char *sql;
	sqlite3_stmt *st;
};

struct store {
	sqlite3 *db;
	char *path;
	char *who;
	char *account;          /* the Unix account (util/account.h) */
	bool readonly;
	bool want_ro;           /* --read-only was asked for */
	sqlite3 *presence_db;   /* read-write, for presence only (observers) */
	bool (*stop)(void *);   /* true: end the statement (store_set_stop) */
	void *stop_arg;
	const char *ro_why;     /* why it is read-only (a static string) */
	int busy_ms;            /* how long one attempt waits for the lock */
	struct timespec busy_since;  /* when the current wait began */
	unsigned busy_seed;     /* jitter of the short sleeps while waiting */
	int64_t session;        /* tells this process's presence row apart */
	struct stmt_slot *stmts;
	size_t n_stmts, cap_stmts;
};

/* A cached prepared statement, reset and with its bindings cleared; the
 * caller resets it again when done (the `cleanup:` path).  NULL + *e set on
 * error. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct error *e);
/* Fill *e from a SQLite result code and return the matching status. */
int store_sqlerr(struct store *s, int rc, struct error *e);
/* Step a statement that must finish (INSERT/UPDATE/DELETE) and reset it. */
int store_exec_stmt(struct store *s, sqlite3_stmt *st, struct error *e);

/* BEGIN IMMEDIATE with retry (ST_READONLY, ST_BUSY), COMMIT, ROLLBACK. */
int store_begin(struct store *s, struct error *e);
int store_commit(struct store *s, struct error *e);
void store_rollback(struct store *s);
/* Finish a write: commit when rc is ST_OK, else roll back; returns the
 * final status. */
int store_end(struct store *s, int rc, struct error *e);

/* Append an audit row and touch the workshop's `updated` time. */
int store_audit(struct store *s, int64_t ws, const char *tbl, int64_t row,
		const char *field, const char *old_value,
		const char *new_value, struct error *e);
/* A stale edit of `what` (row `row` of `tbl`): ST_CONFLICT with a message
 * naming who changed or deleted it.  `gone`: the row no longer exists;
 * ST_NOTFOUND when the audit log does not show it deleted either. */
int store_conflict(struct store *s, const char *tbl, int64_t row,
		   const char *what, bool gone, struct error *e);

/* The same, for an edit that started from a field's value: ST_CONFLICT
 * naming `field` and who changed it last. */
int store_conflict_field(struct store *s, const char *tbl, int64_t row,
			 const char *field, const char *what, struct error *e);

/* Binding NULL-able text; 0 or a SQLite code. */
int store_bind_text(sqlite3_stmt *st, int idx, const char *text);
/* Copy column text (NULL stays NULL); false on OOM. */
bool store_col_text(sqlite3_stmt *st, int col, char **out);

/* Encodings shared by store_update, store_get_field and the loaders. */
char *store_enc_list(const struct strv *sv);             /* "a\nb" */
int store_dec_list(const char *text, struct strv *sv);
char *store_enc_components(const struct component *c, size_t n);
int store_dec_components(const char *text, struct approach *a);
char *store_enc_numbers(const int *v, size_t n);         /* "3,5" */
int store_dec_numbers(const char *text, int **v, size_t *n);
/* Check decision links as stored ("RELATION\tNUMBER" lines, "" = none);
 * ST_INPUT with a message naming the bad line. */
int store_check_links(const char *text, struct error *e);
/* Strictly parse "3,5" (spaces allowed); ST_INPUT on anything else. */
int store_parse_numbers(const char *text, int **v, size_t *n);

/* A key unique in the workshop's table ("approach", "criterion", "risk",
 * "metric"): base, base-2, base-3, ...; an empty base is derived from
 * name (or `fallback`).  New string in *out. */
int store_unique_key(struct store *s, const char *tbl, int64_t ws,
		     const char *base, const char *name,
		     const char *fallback, char **out, struct error *e);
/* Next free "R<n>" risk key. */
int store_next_risk_key(struct store *s, int64_t ws, char **out,
			struct error *e);
/* Workshop of a row in one of the child tables; ST_NOTFOUND if none. */
int store_row_workshop(struct store *s, const char *tbl, int64_t id,
		       int64_t *ws, struct error *e);
/* ST_NOTFOUND unless the workshop exists. */
int store_workshop_exists(struct store *s, int64_t ws, struct error *e);
/* The stored answer to a question: id (0 = none), version and its text
 * (new string, NULL when none) as the audit log writes it. */
int store_answer_find(struct store *s, int64_t ws, const char *question,
		      int64_t *id, int64_t *version, char **text,
		      struct error *e);
/* Id of an approach or criterion by key in a workshop (ST_NOTFOUND). */
int store_key_id(struct store *s, const char *tbl, int64_t ws,
		 const char *key, int64_t *id, struct error *e);

/* Row inserts shared by the *_add functions and the whole-workshop import.
 * They only insert (no transaction, no audit); the key given is used as is. */
int store_insert_approach(struct store *s, int64_t ws, const struct approach *a,
			  const char *key, int pos, int64_t *id,
			  struct error *e);
int store_insert_criterion(struct store *s, int64_t ws,
			   const struct criterion *c, const char *key, int pos,
			   int64_t *id, struct error *e);
int store_insert_risk(struct store *s, int64_t ws, const struct risk *r,
		      const char *key, int64_t *id, struct error *e);
int store_insert_metric(struct store *s, int64_t ws, const struct metric *m,
			const char *key, int64_t *id, struct error *e);
int store_insert_phase(struct store *s, int64_t ws, const struct phase *p,
		       int pos, int64_t *id, struct error *e);
int store_insert_decision(struct store *s, int64_t ws,
			  const struct decision *d, int number, int64_t *id,
			  struct error *e);
int store_insert_answer(struct store *s, int64_t ws, const struct answer *a,
			int64_t *id, struct error *e);
int store_insert_score(struct store *s, int64_t ws, const struct score *sc,
		       struct error *e);
int store_insert_vote(struct store *s, int64_t ws, const struct vote *v,
		      struct error *e);
int store_insert_judgement(struct store *s, int64_t ws,
			   const struct judgement *j, struct error *e);

/* ---- store_room.c: what the workshop load and import share ----------- */
/* SQL: does round R (a vote_round alias) cover the cell of approach id A
 * and criterion id C (SQL expressions)?  The one definition of coverage:
 * loading, voting and the rounds' cell lists all use it. */
#define STORE_ROUND_COVERS(R, A, C)                                       \
	"(" R ".scope = 'all' OR (" R ".scope = 'criterion' AND "         \
	R ".criterion_id = " C ") OR (" R ".scope = 'approach' AND "      \
	R ".approach_id = " A ") OR (" R ".scope = 'cells' AND EXISTS "   \
	"(SELECT 1 FROM round_cell k WHERE k.round_id = " R ".id AND "    \
	"k.approach_id = " A " AND k.criterion_id = " C ")))"
/* SQL: the number of the newest round of workshop W covering the cell
 * (0: none), the round its votes count in now. */
#define STORE_CELL_ROUND(W, A, C)                                         \
	"(SELECT coalesce(max(r.number), 0) FROM vote_round r "           \
	"WHERE r.workshop_id = " W " AND " STORE_ROUND_COVERS("r", A, C) ")"
/* The countdown row of a workshop (t->set false: none); the check of a
 * parking-lot item's text (store_room.c). */
int store_timer_get(struct store *s, int64_t ws, struct room_timer *t,
		    struct error *e);
int store_park_check(const char *text, struct error *e);
/* The newest round covering a cell (0: none), the one a vote goes to. */
int store_cell_round(struct store *s, int64_t ws, int64_t approach_id,
		     int64_t criterion_id, int *number, struct error *e);
/* The room's part of a workshop (agenda, timer, rounds with their votes,
 * earlier votes, ready marks, parking lot), into d (d->ws.id set). */
int store_room_load(struct store *s, struct workshop_data *d,
		    struct error *e);
/* Insert the room's part of d into new workshop ws (inside the caller's
 * transaction, no audit): the import and duplicate of a workshop. */
int store_room_insert(struct store *s, int64_t ws,
		      const struct workshop_data *d, struct error *e);

/* Set SQLITE busy handling for tests (milliseconds per attempt). */
void store_set_busy_timeout(struct store *s, int ms);

/* ---- safety (store_check.c, store_roles.c, store_trash.c) ------------- */
/* The SQL of migration `version` -> `version` + 1 (NULL past the last). */
const char *const *store_migration(int64_t version);
/* A workshop's title is not blank (ST_INPUT says so). */
int store_check_title(const char *title, struct error *e);
/* Defensive mode, trusted_schema off, no triggers, views or extensions of
 * the file, the stop-flag progress handler, charrette_account(). */
int store_harden(struct store *s, sqlite3 *db, struct error *e);
/* ST_INPUT naming every table, index, trigger or view of s->db that the
 * migrations do not create at `version` (or create otherwise). */
int store_check_schema(struct store *s, int64_t version, struct error *e);
/* The hash store_check_schema compares a file of the current version with
 * before it builds the reference schema: tests/unit/test_store.c checks
 * that it is the hash of what the migrations create (update it when a
 * migration changes; the test says to what). */
#define STORE_SCHEMA_HASH 0x2aeda9306c708179ULL
int store_schema_reference_hash(struct store *s, int64_t version,
				uint64_t *hash, struct error *e);
/* True once the stop flag given to store_set_stop is set. */
bool store_stopping(const struct store *s);
/* The refusal of an edit in workshop ws, which is in the trash (or gone):
 * ST_NOTFOUND naming it and who deleted it. */
int store_trash_refusal(struct store *s, int64_t ws, struct error *e);
/* ST_OK unless workshop ws is in the trash (then the refusal above); a
 * workshop that is gone (just purged) is no refusal. */
int store_trash_check(struct store *s, int64_t ws, struct error *e);
/* Close the presence-only connection of an observer, if open. */
void store_presence_close(struct store *s);
/* Tests only: act as `account` (the Unix account is fixed per process). */
int store_testing_account(struct store *s, const char *account);

#endif

/*
 * store: the only code that speaks SQL.  One SQLite file per team, WAL mode,
 * foreign keys on, busy timeout set.  The schema is versioned with
 * PRAGMA user_version and upgraded by an ordered array of migrations.
 *
 * Every write is one short BEGIN IMMEDIATE transaction that also appends an
 * audit row (who, when, table, row, field, old, new).  Editable rows carry a
 * version; an update names the version it started from and gets ST_CONFLICT
 * (nothing written) when someone else changed the row since.
 *
 * All functions return 0 (ST_OK) or a negative enum status and fill *e.
 */
#ifndef CHARRETTE_STORE_H
#define CHARRETTE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/error.h"

struct store;

enum store_flags {
	STORE_READONLY = 1 << 0,  /* open read-only, never write */
};

/* Schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 6

/*
 * Open (creating if missing, unless read-only) and migrate.  Refuses, with
 * ST_INPUT and the file left byte-for-byte unchanged: a file that is not a
 * SQLite database, a database newer than this build, a database of another
 * application.  A file the user cannot write opens read-only.  Before
 * migrating an existing non-empty database a copy is written beside it
 * (FILE.bak-vN).  `who` is the participant name recorded in the audit log.
 */
int store_open(struct store **out, const char *path, int flags,
	       const char *who, struct error *e);
void store_close(struct store **s);
bool store_is_readonly(const struct store *s);
/* ST_READONLY with "FILE is open read-only: why" in *e. */
int store_readonly_err(struct store *s, struct error *e);
const char *store_who(const struct store *s);
const char *store_path(const struct store *s);
/* The Unix account of the connection (getpwuid(getuid())): what roles,
 * the trash's permission and "is this mine" go by; store_who() is only the
 * name shown ("NAME (via account)"). */
const char *store_account(const struct store *s);
/* Asked every thousand steps of SQLite and while waiting for a lock:
 * once stopping(arg) is true (the caller's handler of SIGINT, SIGTERM or
 * SIGHUP set its flag), the statement running ends (ST_ERROR "stopped by a
 * signal") and no lock is waited for.  NULL: never stop. */
void store_set_stop(struct store *s, bool (*stopping)(void *arg), void *arg);
/* PRAGMA data_version: changes when another connection commits. */
int store_data_version(struct store *s, int64_t *out, struct error *e);

/* ---- workshops -------------------------------------------------------- */
int store_workshop_list(struct store *s, bool with_archived,
			struct workshop **out, size_t *n, struct error *e);
void store_workshop_list_free(struct workshop **list, size_t n);
int store_workshop_get(struct store *s, int64_t id, struct workshop *out,
		       struct error *e);
/* Resolve an id or a unique title prefix.  An ambiguous prefix returns
 * ST_INPUT with the candidates ("id  title" lines) in e->msg. */
int store_workshop_find(struct store *s, const char *ref, int64_t *id,
			struct error *e);
int store_workshop_create(struct store *s, const char *title,
			  const char *template_name, int64_t *id,
			  struct error *e);
int store_workshop_duplicate(struct store *s, int64_t id, const char *title,
			     int64_t *new_id, struct error *e);
/* Moves the workshop and everything in it to the trash, if this account
 * may (its facilitator or creator): store_trash_put, see store_trash.h. */
int store_workshop_delete(struct store *s, int64_t id, struct error *e);
/* The whole aggregate, rows in display order. */
int store_workshop_load(struct store *s, int64_t id,
			struct workshop_data **out, struct error *e);
/* Insert a whole workshop (interchange import, demo) in one transaction:
 * all or nothing.  Ids and versions in d are ignored. */
int store_workshop_import(struct store *s, const struct workshop_data *d,
			  int64_t *id, struct error *e);

/*
 * Generic one-field update, the way every edit in the UI is saved.  `table`
 * and `field` must be in the store's whitelist (see store_fields.c):
 *   workshop:  title stage archived facilitator weighting scale_min scale_max
 *   approach:  name summary pattern deployment observability security
 *              complexity cost pros cons stages components
 *   criterion: name description weight
 *   decision:  title status superseded_by date deciders consulted informed
 *              context decision rationale positive negative risks chosen
 *              supersedes alternatives links markdown
 *   risk:      description probability impact owner mitigation status
 *   metric:    name unit current target_3m target_6m
 *   phase:     name weeks items
 *   answer:    note
 * Values are text: numbers as decimal text ("" = none), lists as lines
 * joined by '\n', components as "category\tname" lines, decision links as
 * "RELATION\tNUMBER" lines, flags (archived, markdown) as "0" / "1" (yes,
 * no, true, false are read too), enums by id.
 * ST_CONFLICT when the row's version is not expect_version.
 * On success *new_version (may be NULL) gets the row's new version.
 */
int store_update(struct store *s, const char *table, int64_t id,
		 const char *field, const char *value, int64_t expect_version,
		 int64_t *new_version, struct error *e);
/*
 * Conflicts per field: as store_update, but the edit names the field's
 * value it started from (`was`, as store_get_field or the loaded row gave
 * it; NULL = empty) instead of the row's version.  It is refused
 * (ST_CONFLICT, naming who changed that field) only when that field
 * changed meanwhile to something else than `value`; a change of another
 * field of the row (the owner of a risk while I edit its mitigation) is
 * no conflict, and neither is someone saving what I save.
 */
int store_update_field(struct store *s, const char *table, int64_t id,
		       const char *field, const char *was, const char *value,
		       int64_t *new_version, struct error *e);
/* Current text of a field (same encoding as store_update). */
int store_get_field(struct store *s, const char *table, int64_t id,
		    const char *field, char **value, int64_t *version,
		    struct error *e);

/* ---- answers (upsert by question id) ---------------------------------- */
/* expect_version 0 means "there was no answer when I started". */
int store_answer_set(struct store *s, int64_t ws, const char *question,
		     const struct value *v, int64_t expect_version,
		     int64_t *new_version, struct error *e);
int store_answer_clear(struct store *s, int64_t ws, const char *question,
		       struct error *e);
/* Conflicts per field: the value the edit started from (`was`, NULL or
 * VAL_NONE = no answer) instead of the row's version; a change of the
 * answer's note meanwhile is no conflict (see store_update_field). */
int store_answer_set_from(struct store *s, int64_t ws, const char *question,
			  const struct value *was, const struct value *v,
			  int64_t *new_version, struct error *e);

/* ---- rows with a position ------------------------------------------------
 * add: inserts at the end (key made unique if taken: "k", "k-2", ...);
 * *id gets the new rowid.  delete: by id and expected version.
 * move: swap with the neighbour (delta -1 or +1). */
int store_approach_add(struct store *s, int64_t ws, const struct approach *a,
		       int64_t *id, struct error *e);
int store_approach_duplicate(struct store *s, int64_t id, int64_t *new_id,
			     struct error *e);
int store_approach_delete(struct store *s, int64_t id, int64_t version,
			  struct error *e);
int store_approach_move(struct store *s, int64_t id, int delta,
			struct error *e);

int store_criterion_add(struct store *s, int64_t ws,
			const struct criterion *c, int64_t *id,
			struct error *e);
int store_criterion_delete(struct store *s, int64_t id, int64_t version,
			   struct error *e);
int store_criterion_move(struct store *s, int64_t id, int delta,
			 struct error *e);

int store_risk_add(struct store *s, int64_t ws, const struct risk *r,
		   int64_t *id, struct error *e);   /* key "" => next "R<n>" */
int store_risk_delete(struct store *s, int64_t id, int64_t version,
		      struct error *e);

int store_metric_add(struct store *s, int64_t ws, const struct metric *m,
		     int64_t *id, struct error *e);
int store_metric_delete(struct store *s, int64_t id, int64_t version,
			struct error *e);

int store_phase_add(struct store *s, int64_t ws, const struct phase *p,
		    int64_t *id, struct error *e);
int store_phase_delete(struct store *s, int64_t id, int64_t version,
		       struct error *e);
int store_phase_move(struct store *s, int64_t id, int delta,
		     struct error *e);

int store_next_steps_set(struct store *s, int64_t ws, const struct strv *steps,
			 struct error *e);

/* ---- decisions: numbers assigned on creation, never reused ------------ */
int store_decision_add(struct store *s, int64_t ws, const struct decision *d,
		       int64_t *id, int *number, struct error *e);
int store_decision_delete(struct store *s, int64_t id, int64_t version,
			  struct error *e);

/* ---- scoring ------------------------------------------------------------
 * Cells are addressed by approach and criterion keys.  expect_version 0
 * means "the cell had no row when I started". */
int store_score_set(struct store *s, int64_t ws, const char *approach,
		    const char *criterion, const double *value /* NULL=clear */,
		    int64_t expect_version, int64_t *new_version,
		    struct error *e);
int store_score_rationale(struct store *s, int64_t ws, const char *approach,
			  const char *criterion, const char *text,
			  int64_t expect_version, int64_t *new_version,
			  struct error *e);
/* Conflicts per field: the cell's value (rationale) the edit started from
 * (NULL = none) instead of the row's version, so a rationale saved
 * meanwhile does not make a score conflict, nor the other way round. */
int store_score_set_from(struct store *s, int64_t ws, const char *approach,
			 const char *criterion, const double *was,
			 const double *value, int64_t *new_version,
			 struct error *e);
int store_score_rationale_from(struct store *s, int64_t ws,
			       const char *approach, const char *criterion,
			       const char *was, const char *text,
			       int64_t *new_version, struct error *e);
/* A participant's own vote (participant = store_who()). */
int store_vote_set(struct store *s, int64_t ws, const char *approach,
		   const char *criterion, const double *value /* NULL=clear */,
		   int64_t expect_version, int64_t *new_version,
		   struct error *e);
/* Pairwise judgement a over b (participant NULL = the agreed matrix). */
int store_judgement_set(struct store *s, int64_t ws, const char *a,
			const char *b, double value, const char *participant,
			struct error *e);

/* ---- audit, presence, drafts ------------------------------------------ */
/* Newest first; ws 0 = every workshop; who NULL = everyone. */
int store_audit_list(struct store *s, int64_t ws, const char *who,
		     size_t limit, struct audit_entry **out, size_t *n,
		     struct error *e);
void store_audit_list_free(struct audit_entry **list, size_t n);

int store_presence_beat(struct store *s, int64_t ws, const char *screen,
			const char *selection, struct error *e);
int store_presence_leave(struct store *s, struct error *e);
/* What this session is editing now (a draft key, "risk:12:mitigation";
 * NULL: nothing), on its presence row (store_presence_rows reads it). */
int store_presence_editing(struct store *s, const char *where,
			   struct error *e);
/* Participants seen within max_age seconds. */
int store_presence_list(struct store *s, int64_t ws, int max_age,
			struct participant **out, size_t *n, struct error *e);
void store_presence_list_free(struct participant **list, size_t n);

/* A field being edited when the connection dropped, kept per user. */
int store_draft_save(struct store *s, int64_t ws, const char *where,
		     const char *text, struct error *e);
int store_draft_get(struct store *s, int64_t ws, const char *where,
		    char **text, struct error *e);
int store_draft_delete(struct store *s, int64_t ws, const char *where,
		       struct error *e);

#endif

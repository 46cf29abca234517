/*
 * session: one open workshop for one participant, with no curses and no
 * SQL.  The terminal application and the CLI's write verbs sit on top of
 * it; the store, the engine, the content and the exporters below.
 *
 * A session owns
 *   - the store handle (borrowed: the caller opened it and closes it after
 *     session_free) and the content knowledge (borrowed likewise);
 *   - the open workshop's data and the data-version stamps that tell when
 *     another participant committed;
 *   - everything derived from the data, computed once per reload
 *     (struct sess_view: scores, ranks, sensitivity, AHP weights and CR,
 *     findings and nudges, vote statistics per cell, risk orders, question
 *     visibility and progress), so no screen recomputes any of it;
 *   - the participant's session state: nudges applied, the undo stack,
 *     drafts of unsaved text, presence and the facilitator's position;
 *   - every write a participant can make.  Each fills a struct sess_result
 *     that says what happened in words a screen can show: saved, nothing
 *     to change, conflict with someone else's edit (theirs attached),
 *     refused and why, or not saved (database busy, disk full...) with the
 *     typed text kept as a draft.
 *
 * Writes never reload at once: they mark the data stale, and the caller's
 * loop calls session_sync() once the event is handled, so pointers into
 * session_data() stay valid while a handler runs.  session_generation()
 * changes whenever the data was reloaded, which is how a screen knows to
 * rebuild its rows.
 */
#ifndef CHARRETTE_SESSION_H
#define CHARRETTE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/aggregate.h"
#include "engine/evaluate.h"
#include "engine/rules.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

struct session;
struct store;

struct session_opts {
	struct store *store;          /* borrowed: closed by the caller */
	const struct knowledge *k;    /* borrowed; NULL: no content */
	bool read_only;               /* an observer: every write refused */
	int presence_max_age;         /* seconds; 0 = the default (15) */
	int beat_seconds;             /* heartbeat; 0 = the default (5) */
	int busy_ms;                  /* wait for a lock; 0 = the store's */
};

int session_new(struct session **out, const struct session_opts *o,
		struct error *e);
void session_free(struct session **s);

/* The participant as recorded ("alice", "ops (via deploy)"). */
const char *session_who(const struct session *s);
bool session_read_only(const struct session *s);
/* The database file (NULL for an in-memory one). */
const char *session_db_path(const struct session *s);
const struct knowledge *session_knowledge(const struct session *s);
int session_presence_max_age(const struct session *s);

/* ---- the open workshop ------------------------------------------------ */
/* Load workshop ws (ST_NOTFOUND when it is not there). */
int session_open(struct session *s, int64_t ws, struct error *e);
void session_close(struct session *s);
int64_t session_ws(const struct session *s);          /* 0 = none open */
/* The data and its template; NULL when no workshop is open. */
const struct workshop_data *session_data(const struct session *s);
const struct template_def *session_template(const struct session *s);
/* Bumped by every reload (of the open workshop or of the list). */
unsigned session_generation(const struct session *s);

/*
 * What other participants did since the last look (bits): SP_DATA the
 * workshop was reloaded, SP_PRESENCE someone came, went or moved, SP_GONE
 * the open workshop was deleted (and is closed now).
 */
enum sess_poll { SP_NONE = 0, SP_DATA = 1, SP_PRESENCE = 2, SP_GONE = 4 };
int session_poll(struct session *s);
/* Reload now if this session's own writes made the data stale; the same
 * bits as session_poll. */
int session_sync(struct session *s);
/* Reload whatever happens (after an error, say). */
int session_reload(struct session *s, struct error *e);

/* ---- derived results, computed once per reload ------------------------ */
/* One cell of the scoring matrix. */
struct sess_cell {
	const struct score *score;     /* the agreed score's row, or NULL */
	const struct vote **votes;     /* every vote on the cell */
	size_t n_votes;
	struct stats st;               /* of the votes */
	bool spread;                   /* votes SESS_SPREAD or more apart */
	const struct vote *mine;       /* my vote, or NULL */
};

/* Votes this far apart (max - min) are a disagreement worth a word. */
#define SESS_SPREAD 2.0

/* A weight nudge from the findings that applies to a criterion here. */
struct sess_nudge {
	size_t criterion;              /* index into data->criteria */
	double delta;
	double from, to;               /* raw weight now, and nudged */
	bool applied;                  /* applied in this session already */
};

/* A metric's DORA bands: now, the 3-month and the 6-month target. */
enum { SESS_NOW = 0, SESS_3M, SESS_6M, SESS_TIMES };
struct sess_metric {
	const struct metric_def *def;  /* NULL: a custom metric */
	enum band band[SESS_TIMES];    /* BAND_NONE without a value or def */
	bool worse[SESS_TIMES];        /* a target worse than now */
	bool any_worse;
};

struct sess_view {
	/* Weighted scoring (with sensitivity when it could be had). */
	bool scored;
	bool has_sensitivity;
	struct ws_scores sc;
	char score_err[1100];           /* why there is no (full) result */
	/* The agreed pairwise matrix's AHP result. */
	bool ahp_ok;
	double *ahp_w;                 /* n_criteria */
	struct ahp_result ahp;
	size_t ahp_missing;            /* pairs without a judgement */
	char ahp_err[1100];
	/* Findings (empty without content). */
	bool have_findings;
	struct findings f;
	struct sess_nudge *nudges;
	size_t n_nudges;
	/* Per library pattern (knowledge order), whether each of its fit
	 * reasons holds on the answers: '+' holds, '-' does not, '?' not
	 * answered yet; NULL when the reasons do not line up with the
	 * members of its `all` condition (shown unmarked). */
	char **fit_marks;
	size_t n_fit_marks;
	/* The risks the matched rules suggest that the register does not
	 * hold yet (by description), each once, in findings order. */
	const struct suggested_risk **risk_suggestions;
	size_t n_risk_suggestions;
	/* The matrix, n_approaches × n_criteria, row-major. */
	struct sess_cell *cells;
	/* Risks in display order: by score (highest first, ties by id), by
	 * id; indices into data->risks. */
	size_t *risks_by_score, *risks_by_id;
	size_t n_risks_high, n_risks_open;
	/* Per metric of the data, in its order. */
	struct sess_metric *metrics;
	size_t n_metrics_worse;
	/* The interview: per question of the knowledge, whether it is shown
	 * now; questions shown and answered (of the template's sections). */
	bool *q_visible;
	size_t n_questions_shown, n_questions_answered;
};

const struct sess_view *session_view(const struct session *s);
/* The cell of approach ai and criterion ci (NULL out of range). */
const struct sess_cell *session_cell(const struct session *s, size_t ai,
				     size_t ci);

/*
 * The alternatives an ADR considered, as plain text generated from the
 * workshop's other approaches (best ranked first, with total and rank and
 * their main pros and cons): a new string, NULL when the ADR has no
 * chosen approach or the workshop no other approach.
 */
char *session_alternatives_text(const struct session *s,
				const struct decision *dc);

/* ---- results of writes ------------------------------------------------ */
enum sess_status {
	SESS_SAVED = 0,     /* written */
	SESS_UNCHANGED,     /* nothing to write: it is already so */
	SESS_CONFLICT,      /* someone else changed it since: theirs below */
	SESS_REFUSED,       /* not allowed or not valid: msg says why */
	SESS_BUSY,          /* the database is locked: not saved, try again */
	SESS_FAILED         /* not saved (disk full, I/O...): msg says why */
};

struct sess_result {
	enum sess_status status;
	int code;                 /* the store's status behind it (ST_...) */
	char msg[1024];           /* what to tell the participant */
	/* SESS_CONFLICT: their value now (NULL: deleted or no answer), its
	 * row version, and who changed it (NULL: unknown). */
	char *theirs;
	bool gone;
	int64_t their_version;
	char *who;
	/* Not saved: the typed text was kept as a draft of `where`. */
	bool draft_kept;
	/* Adds: the new row. */
	int64_t id;
	int number;
	int64_t version;
	size_t count;             /* bulk writes: rows written */
};

void sess_result_clear(struct sess_result *r);
bool sess_ok(const struct sess_result *r);   /* SAVED or UNCHANGED */

/*
 * An edit of one field.  `version` is the row's version when the edit
 * started; `base` the field's value then (NULL: unknown), so that an edit
 * conflicts only when this field changed, not when someone changed
 * another field of the same row.  `where` names the draft that keeps the
 * typed text if it cannot be saved (NULL: none); `label` names the thing
 * in messages ("risk R2 owner").
 */
struct sess_edit {
	const char *table, *field;
	int64_t id, version;
	const char *base;
	const char *value;
	const char *where;
	const char *label;
};

/* The store_update fields (see store.h for the tables and encodings). */
int session_set_field(struct session *s, const struct sess_edit *ed,
		      struct sess_result *r);
/* The current text and version of a field (for a merge). */
int session_get_field(struct session *s, const char *table, int64_t id,
		      const char *field, char **value, int64_t *version,
		      struct error *e);

/* Answers: version 0 means "there was no answer when I started". */
int session_set_answer(struct session *s, const char *question,
		       const struct value *v, int64_t version,
		       const char *where, struct sess_result *r);
int session_clear_answer(struct session *s, const char *question,
			 struct sess_result *r);
/* The same, naming the answer's text the edit started from (`base`, as
 * value_to_text writes it; NULL: unknown): a change of the answer's note
 * meanwhile is then no conflict, only one of its value. */
int session_set_answer_from(struct session *s, const char *question,
			    const char *base, const struct value *v,
			    int64_t version, const char *where,
			    struct sess_result *r);

/* Scoring, by approach and criterion keys; value NULL clears. */
int session_set_score(struct session *s, const char *ak, const char *ck,
		      const double *value, int64_t version,
		      struct sess_result *r);
int session_set_vote(struct session *s, const char *ak, const char *ck,
		     const double *value, int64_t version,
		     struct sess_result *r);
int session_set_rationale(struct session *s, const char *ak, const char *ck,
			  const char *text, int64_t version,
			  const char *where, struct sess_result *r);
/* The votes' median becomes the agreed score of a cell (r->count 1 when
 * the cell has votes, 0 when it has none); of every cell with votes, as
 * one step that undo takes back whole. */
int session_adopt_median(struct session *s, size_t ai, size_t ci,
			 struct sess_result *r);
int session_adopt_medians(struct session *s, struct sess_result *r);
/* The agreed judgement of criterion a over b. */
int session_set_judgement(struct session *s, const char *a, const char *b,
			  double value, struct sess_result *r);
/* Apply the nudges with these indices into view->nudges, each once in a
 * session (one already applied is skipped); r->count says how many. */
int session_apply_nudges(struct session *s, const size_t *which, size_t n,
			 struct sess_result *r);

/* Rows with a position.  r->id (and r->number for decisions) is the new
 * row of an add. */
int session_add_approach(struct session *s, const struct approach *ap,
			 struct sess_result *r);
int session_duplicate_approach(struct session *s, int64_t id,
			       struct sess_result *r);
int session_delete_approach(struct session *s, int64_t id, int64_t version,
			    struct sess_result *r);
int session_move_approach(struct session *s, int64_t id, int delta,
			  struct sess_result *r);
int session_add_criterion(struct session *s, const struct criterion *c,
			  struct sess_result *r);
int session_delete_criterion(struct session *s, int64_t id, int64_t version,
			     struct sess_result *r);
int session_move_criterion(struct session *s, int64_t id, int delta,
			   struct sess_result *r);
int session_add_risk(struct session *s, const struct risk *rk,
		     struct sess_result *r);
int session_delete_risk(struct session *s, int64_t id, int64_t version,
			struct sess_result *r);
int session_add_metric(struct session *s, const struct metric *m,
		       struct sess_result *r);
int session_delete_metric(struct session *s, int64_t id, int64_t version,
			  struct sess_result *r);
int session_add_phase(struct session *s, const struct phase *p,
		      struct sess_result *r);
int session_delete_phase(struct session *s, int64_t id, int64_t version,
			 struct sess_result *r);
int session_move_phase(struct session *s, int64_t id, int delta,
		       struct sess_result *r);
/* The roadmap's next steps as a whole; `base` the steps the edit
 * started from (a conflict when they changed meanwhile). */
int session_set_next_steps(struct session *s, const struct strv *steps,
			   const struct strv *base, const char *where,
			   struct sess_result *r);
int session_add_decision(struct session *s, const struct decision *d,
			 struct sess_result *r);
int session_delete_decision(struct session *s, int64_t id, int64_t version,
			    struct sess_result *r);
int session_supersede(struct session *s, int old_number, int new_number,
		      struct sess_result *r);
int session_unsupersede(struct session *s, int old_number,
			enum adr_status status, struct sess_result *r);
/* ADR `number` supersedes exactly nums[0..n) (session_links.c): each
 * link added or dropped changes both records (session_supersede /
 * session_unsupersede; a dropped one gets back the status it had); the
 * record itself, a number no ADR has and a loop are refused before
 * anything is written; undo takes the whole save back.  r->count: the
 * links changed. */
int session_set_supersedes(struct session *s, int number, const int *nums,
			   size_t n, struct sess_result *r);
/* The workshop's stage moves forward to st (never back); observers and
 * a lost race change nothing. */
int session_reach_stage(struct session *s, enum stage st);

/* ---- workshops -------------------------------------------------------- */
/* A row of the workshop list: the workshop, what it holds, who is in it
 * now (names joined by ", ", NULL when nobody). */
struct sess_workshop_row {
	struct workshop w;
	size_t answered, approaches, decisions, risks;
	char *here;
};
/* Which counts a list needs (the others stay 0). */
enum sess_counts {
	SESS_COUNT_ANSWERS = 1 << 0,
	SESS_COUNT_APPROACHES = 1 << 1,
	SESS_COUNT_DECISIONS = 1 << 2,
	SESS_COUNT_RISKS = 1 << 3
};
/* Every workshop (archived ones too when asked), without loading any,
 * with the counts asked for (sess_counts bits). */
int session_workshop_rows(struct session *s, bool with_archived,
			  unsigned counts, struct sess_workshop_row **out,
			  size_t *n, struct error *e);
void session_workshop_rows_free(struct sess_workshop_row **list, size_t n);
int session_workshop_create(struct session *s, const char *title,
			    const char *template_id, struct sess_result *r);
int session_workshop_duplicate(struct session *s, int64_t id,
			       const char *title, struct sess_result *r);
int session_workshop_delete(struct session *s, int64_t id,
			    struct sess_result *r);
int session_workshop_import(struct session *s, const struct workshop_data *d,
			    struct sess_result *r);

/* ---- drafts: text that could not be saved, kept per participant ------- */
/* *text NULL when there is none (or it equals `current`). */
int session_draft_get(struct session *s, const char *where,
		      const char *current, char **text);
/* Kept in the database, or in memory until it can be written; false
 * only when it could not be kept at all. */
bool session_draft_keep(struct session *s, const char *where,
			const char *text);
void session_draft_drop(struct session *s, const char *where);

/* ---- presence, the facilitator, follow -------------------------------- */
/* Others present in the open workshop, names (me left out). */
const struct strv *session_others(const struct session *s);
/* Everyone here now: every session, observers included. */
struct sess_presence {
	char *who;                 /* the name shown */
	char *account;             /* the Unix account behind it */
	char *screen;
	int64_t last_seen;
	bool read_only, facilitator, mine;
	char *editing;             /* what their open editor edits, in words
				    * (session_editing_words), or NULL */
};
int session_presence(struct session *s, struct sess_presence **out,
		     size_t *n, struct error *e);
void session_presence_free(struct sess_presence **list, size_t n);

/*
 * The facilitator role belongs to a Unix account and passes by consent,
 * handover or absence (see store_roles.h).  session_role tells the state
 * as of the last reload or presence change; the writes below change it
 * and say what happened in r->msg.
 */
struct sess_role {
	int64_t version;
	char *holder;              /* the facilitator's name; NULL = nobody */
	char *holder_account;
	bool mine;                 /* I hold it */
	bool present;              /* the holder is here */
	char *request_name;        /* someone asks me for it (I hold it) */
	bool requested_by_me;      /* I asked for it */
	bool declined;             /* ... and was told no */
};
const struct sess_role *session_role(const struct session *s);
const char *session_facilitator(const struct session *s);
bool session_is_facilitator(const struct session *s);
/* Is the participant `who` (as presence lists them) the facilitator? */
bool session_who_facilitates(const struct session *s, const char *who);
int session_beat_seconds(const struct session *s);
/* On first open by its creator, a workshop without a facilitator gets
 * its creator as facilitator; true when that happened. */
bool session_claim_new(struct session *s);
/* Take the role: at once when nobody holds it or its holder is away past
 * the presence timeout; else ask the holder (r->msg says which). */
int session_take_role(struct session *s, struct sess_result *r);
int session_answer_role(struct session *s, bool yes, struct sess_result *r);
int session_withdraw_role(struct session *s, struct sess_result *r);
/* Hand it to someone here now (a name as shown, or an account). */
int session_hand_role(struct session *s, const char *to,
		      struct sess_result *r);
int session_release_role(struct session *s, struct sess_result *r);
/* The facilitator's newest position ("screen", "selection"), false when
 * they are not here.  New strings in *screen and *selection. */
bool session_facilitator_position(struct session *s, char **screen,
				  char **selection);

/*
 * Follow mode: my view tracks the facilitator's screen and selection.
 * session_follow_next gives the facilitator's position when it moved
 * since the last call (new strings), false when it did not.
 */
bool session_following(const struct session *s);
int session_follow_start(struct session *s, struct sess_result *r);
void session_follow_stop(struct session *s);
bool session_follow_next(struct session *s, char **screen, char **selection);
/* Publish my position: at once when `now` (the facilitator moved) and it
 * changed, else with the heartbeat every `beat` seconds. */
void session_publish(struct session *s, const char *screen,
		     const char *selection, bool now);
/* Something the participant should be told that nobody asked for (the
 * facilitator changed, following stopped...); NULL when nothing.  The
 * text stays valid until the next session call. */
const char *session_notice(struct session *s);

/* Who last changed field `field` (NULL: any) of row `row` of `tbl`, from
 * the history (new string, NULL when unknown). */
char *session_changed_by(struct session *s, const char *tbl, int64_t row,
			 const char *field);

/* ---- history and undo ------------------------------------------------- */
/* The open workshop's changes, newest first (audit rows). */
int session_history(struct session *s, size_t limit,
		    struct audit_entry **out, size_t *n, struct error *e);
void session_history_free(struct audit_entry **list, size_t n);
/* Undo one change of the history (mine, and only while the value is
 * still the one it wrote), as a new recorded change. */
int session_undo_entry(struct session *s, const struct audit_entry *en,
		       struct sess_result *r);
/* Undo my last change of this session (scores and votes included).  It
 * may reload the data: hold no pointer into it across the call. */
bool session_can_undo(const struct session *s);
/* What u would undo, in words ("score of GitLab on Cost"); NULL if none. */
const char *session_undo_label(const struct session *s);
int session_undo(struct session *s, struct sess_result *r);
/* Could session_undo_entry undo it?  0, or r says why not. */
int session_undo_check(struct session *s, const struct audit_entry *en,
		       struct sess_result *r);

/* ---- running the room: timer, agenda, rounds, ready, parking lot ------ */
#include "session/session_room.h"

/* ---- exports ---------------------------------------------------------- */
/* Export the open workshop (export_run's formats, flags, written; yaml
 * and json: the interchange file, as the CLI writes it). */
int session_export(struct session *s, const char *format, const char *path,
		   int flags, struct strv *written, struct sess_result *r);

/* ---- the trash (session_trash.c, see store_trash.h) ------------------- */
/* A workshop in the trash: who deleted it when, and whether this account
 * may purge it (its facilitator's or creator's; NULL when unknown). */
struct sess_trashed {
	int64_t id;
	char *title;
	int64_t deleted;            /* Unix seconds */
	char *deleted_by;           /* the name recorded */
	char *creator, *facilitator;   /* accounts */
	bool may_purge;
	char *refusal;              /* !may_purge: who may, in words */
};
/* Most recently deleted first. */
int session_trash_list(struct session *s, struct sess_trashed **out,
		       size_t *n, struct error *e);
void session_trash_list_free(struct sess_trashed **list, size_t n);
/* May I move workshop id to the trash?  ST_OK (nothing written), else
 * r says who may (SESS_REFUSED). */
int session_workshop_may_delete(struct session *s, int64_t id,
				struct sess_result *r);
/* Bring workshop id back from the trash with everything in it. */
int session_trash_restore(struct session *s, int64_t id,
			  struct sess_result *r);
/* Delete workshop id, which is in the trash, for good. */
int session_trash_purge(struct session *s, int64_t id, struct sess_result *r);

/* ---- follow mode while busy (session_follow.c) ------------------------ */
/* Following, the facilitator moved to a position not applied yet (my
 * editor is open, say) that I was not told of: true once per move, with
 * the facilitator's screen id (a new string).  session_follow_next still
 * hands the move over when I am free. */
bool session_follow_waiting(struct session *s, char **screen);
/* ---- what the others edit, and rows deleted under an edit
 * (session_edits.c) ----------------------------------------------------- */
/* Publish what my open editor edits (its draft key, "risk:12:mitigation";
 * NULL: no editor open); written only when it changed. */
void session_publish_editing(struct session *s, const char *where);
/* A draft key ("risk:12:mitigation", "answer:deploy_freq") in words for
 * people: "R3 · mitigation", "ADR 2 · context", "the answer to
 * deploy_freq"; NULL for none
 * (new string). */
char *session_editing_words(const struct session *s, const char *key);
/* How the screens name row `id` of `table` ("R8", "“Pilot”", "ADR 7"):
 * a new string, NULL when it is not in the data. */
char *session_row_name(const struct session *s, const char *table,
		       int64_t id);
/* Someone else here is editing row `id` of `table`: their name (a new
 * string) and the field (*field, a new string); NULL when nobody is. */
char *session_editing_row(struct session *s, const char *table, int64_t id,
			  char **field);
/* A field save found its row deleted (r->gone; r->who deleted it): the row
 * as I had it is kept.  session_orphan: is it row id of table?
 * session_orphan_add adds it as a new row (a risk with a new key) with
 * `text` in the field the save was for, as one step undo takes back;
 * r->id (r->number for an ADR) is the new row.  session_orphan_drop
 * forgets it. */
bool session_orphan(const struct session *s, const char *table, int64_t id);
int session_orphan_add(struct session *s, const char *text,
		       struct sess_result *r);
void session_orphan_drop(struct session *s);
/* Was I told of that position while busy (session_follow_waiting)? */
bool session_follow_told(const struct session *s, const char *screen,
			 const char *selection);
/* ---- one screen's answers for the next (session_flow.c) --------------- */
/* A metric's value as the interview answered it: the 6-month target of
 * the DORA keys the interview asks about (cadence, lead time, change
 * failure rate). */
struct sess_from_interview {
	int when;                      /* SESS_6M */
	double value;
	enum band band;                /* of the value (BAND_NONE: no def) */
	const struct question *question;   /* NULL without content */
	const struct answer *answer;
	bool typed;                    /* the metric holds a value there: it
					* stays, the answer is only shown */
};
bool session_metric_from_interview(const struct session *s,
				   const struct metric *m,
				   struct sess_from_interview *out);
/* The interview's values into every metric field still empty, as one
 * step for undo; r->count says how many. */
int session_metrics_take_interview(struct session *s, struct sess_result *r);
/* ---- idle ------------------------------------------------------------- */
/* Milliseconds the idle loop may wait before session_poll has work beyond
 * other processes' commits (the next heartbeat, a retry): 0 = now. */
long session_idle_ms(const struct session *s);

#endif

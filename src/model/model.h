/*
 * model: the plain structs and enums of charrette's domain.  No I/O here.
 *
 * A workshop is kept in memory as one `struct workshop_data` (the whole
 * aggregate: answers, criteria, approaches, scores, votes, decisions, risks,
 * metrics, roadmap).  The store loads and saves it, the exporters and the
 * engine read it, the interchange format maps onto it one to one.
 *
 * Rows that the store keeps have an `id` (SQLite rowid, 0 when not stored
 * yet) and a `version` (bumped on every update; an update names the version
 * it started from).  Approaches and criteria also have a `key`: a short
 * stable identifier unique within the workshop ("gha-argo", "dx") that
 * scores, votes, judgements and decisions refer to.
 */
#ifndef CHARRETTE_MODEL_H
#define CHARRETTE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/str.h"

/* The workflow screens double as the stages a workshop moves through. */
enum stage {
	STAGE_INTERVIEW = 0,
	STAGE_FINDINGS,
	STAGE_APPROACHES,
	STAGE_TRADEOFFS,
	STAGE_DECISION,
	STAGE_RISKS,
	STAGE_METRICS,
	STAGE_ROADMAP,
	STAGE_DONE,
	STAGE_COUNT
};

enum weighting { WEIGHTING_DIRECT = 0, WEIGHTING_AHP };

enum adr_status {
	ADR_PROPOSED = 0,
	ADR_ACCEPTED,
	ADR_REJECTED,
	ADR_DEPRECATED,
	ADR_SUPERSEDED,
	ADR_STATUS_COUNT
};

enum risk_status {
	RISK_OPEN = 0,
	RISK_MITIGATING,
	RISK_ACCEPTED,
	RISK_CLOSED,
	RISK_STATUS_COUNT
};

/* A typed answer value: a choice answer is VAL_TEXT holding the option id,
 * a multi-choice answer is VAL_LIST of option ids. */
enum value_kind { VAL_NONE = 0, VAL_TEXT, VAL_NUMBER, VAL_LIST };

struct value {
	enum value_kind kind;
	char *text;          /* VAL_TEXT */
	double number;       /* VAL_NUMBER */
	struct strv list;    /* VAL_LIST */
};

struct workshop {
	int64_t id;
	char *title;
	char *template_name;   /* "devops", "generic", ... */
	enum stage stage;
	int64_t created;       /* Unix seconds */
	int64_t updated;
	bool archived;
	char *facilitator;     /* participant name; NULL = none yet */
	enum weighting weighting;
	double scale_min;      /* score scale, default [1, 5] */
	double scale_max;
	int64_t version;
};

struct answer {
	int64_t id;
	char *question;        /* question id from the interview content */
	struct value value;
	char *note;            /* per-question note, may be NULL */
	int64_t version;
};

/* A technology picked for an approach, by catalogue category. */
struct component {
	char *category;        /* "cicd", "iac", "gitops", ... */
	char *name;            /* "GitHub Actions" */
};

struct approach {
	int64_t id;
	char *key;
	int pos;               /* display order, 0-based */
	char *name;
	char *summary;
	char *pattern;         /* library pattern id it started from, or NULL */
	struct component *components;
	size_t n_components;
	char *deployment;      /* deployment pattern, e.g. "pull-based GitOps" */
	char *observability;
	char *security;
	char *complexity;
	char *cost;
	struct strv pros;
	struct strv cons;
	struct strv stages;    /* pipeline stages, in order */
	int64_t version;
};

struct criterion {
	int64_t id;
	char *key;
	int pos;
	char *name;
	char *description;
	double weight;         /* raw weight as typed (direct weighting) */
	int64_t version;
};

/* "a matters `value` times as much as b" on Saaty's 1..9 scale
 * (values below 1 are reciprocals: 1/3 means b matters 3x more). */
struct judgement {
	int64_t id;
	char *a;               /* criterion key */
	char *b;
	double value;
	char *participant;     /* NULL for the agreed matrix */
	int64_t version;
};

/* The agreed score of one approach on one criterion. */
struct score {
	int64_t id;
	char *approach;        /* approach key */
	char *criterion;       /* criterion key */
	bool has_value;
	double value;
	char *rationale;       /* may be NULL */
	int64_t version;
};

/* One participant's own score for a cell. */
struct vote {
	int64_t id;
	char *participant;
	char *approach;
	char *criterion;
	double value;
	int64_t version;
	int round;             /* the voting round it was cast in, 0: none */
};

struct decision {
	int64_t id;
	int number;            /* assigned on creation, never reused */
	char *title;
	enum adr_status status;
	int superseded_by;     /* number of the ADR that replaces it, or 0 */
	char *date;            /* YYYY-MM-DD */
	struct strv deciders;
	struct strv consulted;
	struct strv informed;
	char *context;
	char *decision;
	char *rationale;
	struct strv positive;
	struct strv negative;
	struct strv risks;
	char *chosen;          /* approach key, or NULL */
	int *supersedes;       /* numbers of ADRs this one replaces */
	size_t n_supersedes;
	char *alternatives;    /* edited "alternatives considered" text, or NULL
				  to generate it from the other approaches */
	/* Other links to decisions, one "RELATION\tNUMBER" entry each, as an
	 * imported ADR folder has them ("Amends\t2", "Amended by\t4");
	 * supersede links are always in supersedes / superseded_by. */
	struct strv links;
	/* The text fields (context, decision, rationale, consequence items,
	 * alternatives) hold Markdown source (an imported record), written
	 * verbatim on export; false: plain text as typed, escaped on export. */
	bool markdown;
	int64_t version;
	/* ---- what an ADR file says that the fields above cannot ---- */
	/* The status in the record's own words ("Partially Implemented",
	 * "superseded by ADR-0005"): shown while it still names `status`
	 * (decision_status_shown); NULL: none, "": the file gives none. */
	char *status_text;
	/* Consequences not sorted into positive, negative and risks (Nygard
	 * prose, MADR "Neutral, because" items), Markdown as written. */
	char *consequences;
	/* The file the record was read from: its base name, the folder it
	 * was in and its bytes as read; an export writes them back where
	 * nothing changed.  NULL for a decision made in the workshop. */
	char *file;
	char *file_dir;
	char *source;
	/* A checksum of each field as the file gave it (adr_fields_sums):
	 * how an export tells what the workshop changed since. */
	char *file_sums;
};

struct risk {
	int64_t id;
	char *key;             /* "R1" */
	char *description;
	int probability;       /* 1..5 */
	int impact;            /* 1..5 */
	char *owner;
	char *mitigation;
	enum risk_status status;
	int64_t version;
};

struct metric {
	int64_t id;
	char *key;             /* "deploy_freq" (DORA keys) or a custom id */
	char *name;
	char *unit;
	bool has_current, has_target_3m, has_target_6m;
	double current;
	double target_3m;
	double target_6m;
	int64_t version;
};

struct phase {
	int64_t id;
	int pos;
	char *name;
	double weeks;
	struct strv items;
	int64_t version;
};

struct participant {
	char *name;            /* as shown: "alice" or "ops (via deploy)" */
	char *screen;          /* where they are, may be NULL */
	int64_t last_seen;
};

struct audit_entry {
	int64_t id;
	int64_t workshop_id;
	char *who;
	int64_t at;
	char *tbl;
	int64_t row;
	char *field;
	char *old_value;       /* NULL when the row was created */
	char *new_value;       /* NULL when the row was deleted */
};

/* Keyed lookups of a workshop_data (model.c): a cache, built on demand. */
struct wsdata_index;

/* ---- running the room: agenda, timer, blind rounds, ready, parking ---- */

/* One stage of a workshop's agenda with its timebox.  `spent` is the time
 * the countdown ran while this stage was the room's stage (pauses and a
 * stopped timer do not count), as stored: the running stretch since
 * timer.started_at is added by room_stage_spent (engine/room.h). */
struct agenda_item {
	int64_t id;
	enum stage stage;
	int pos;
	int planned;           /* minutes; 0 = no timebox */
	int64_t spent;         /* seconds */
	int64_t version;
};

enum timer_state {
	TIMER_STOPPED = 0,
	TIMER_RUNNING,
	TIMER_PAUSED,
	TIMER_STATE_COUNT
};

/* The facilitator's countdown, one per workshop.  Times are Unix seconds
 * (util/clock.h). */
struct room_timer {
	bool set;              /* the workshop has a timer row */
	enum stage stage;      /* the room's current stage */
	enum timer_state state;
	int64_t ends_at;       /* RUNNING: when the countdown reaches 0:00 */
	int64_t remaining;     /* PAUSED: seconds left (negative: overrun) */
	int64_t started_at;    /* RUNNING: since when it runs (time spent) */
	int64_t duration;      /* seconds set, extensions included */
	int64_t version;
};

/* Which cells a blind voting round covers. */
enum round_scope {
	ROUND_ALL = 0,         /* every cell of the matrix */
	ROUND_CRITERION,       /* the cells of one criterion */
	ROUND_APPROACH,        /* the cells of one approach */
	ROUND_CELLS,           /* a list (the spread cells of a round) */
	ROUND_SCOPE_COUNT
};

enum round_state { ROUND_OPEN = 0, ROUND_REVEALED, ROUND_STATE_COUNT };

struct round_cell {
	char *approach;        /* keys */
	char *criterion;
};

/* Who voted on which cell in a round, without the value. */
struct ballot {
	char *participant;
	char *approach;
	char *criterion;
};

/*
 * A blind voting round.  Its votes are kept per round: a later round on
 * the same cells does not touch them.  While a round is open the session
 * removes every other participant's vote value from what it shows
 * (votes holds the visible ones, `masked` says values were removed);
 * ballots always list every vote cast in it.
 */
struct vote_round {
	int64_t id;
	int number;            /* 1, 2, ... per workshop */
	enum round_scope scope;
	char *scope_key;       /* ROUND_CRITERION / ROUND_APPROACH: its key */
	int follows;           /* ROUND_CELLS: the round whose spread cells
				  it votes on again, 0 = none */
	struct round_cell *cells;   /* ROUND_CELLS: the cells given */
	size_t n_cells;
	struct round_cell *covers;  /* every cell it covers now (loaded) */
	size_t n_covers;
	enum round_state state;
	char *opened_by;
	int64_t opened_at;
	char *revealed_by;     /* NULL while open */
	int64_t revealed_at;
	struct vote *votes;    /* its votes (value as visible), round = number */
	size_t n_votes;
	struct ballot *ballots;
	size_t n_ballots;
	bool masked;
	int64_t version;
};

/* "Done with this stage" of one participant. */
struct ready_mark {
	char *participant;
	enum stage stage;
	int64_t at;
};

enum park_status {
	PARK_OPEN = 0,
	PARK_ROADMAP,          /* taken into the roadmap's next steps */
	PARK_DONE,
	PARK_STATUS_COUNT
};

/* An item of the parking lot: what does not belong to the stage at hand. */
struct park_item {
	int64_t id;
	char *text;
	char *added_by;
	int64_t added_at;
	enum park_status status;
	char *next_step;       /* PARK_ROADMAP: the next step it became */
	int64_t version;
};

/* A whole workshop in memory. */
struct workshop_data {
	struct workshop ws;
	struct answer *answers;       size_t n_answers;
	struct criterion *criteria;   size_t n_criteria;
	struct judgement *pairwise;   size_t n_pairwise;
	struct approach *approaches;  size_t n_approaches;
	struct score *scores;         size_t n_scores;
	struct vote *votes;           size_t n_votes;
	struct decision *decisions;   size_t n_decisions;
	struct risk *risks;           size_t n_risks;
	struct metric *metrics;       size_t n_metrics;
	struct phase *roadmap;        size_t n_roadmap;
	struct strv next_steps;
	struct wsdata_index *index;   /* lookups below; NULL until the first */
	/* Running the room.  `votes` above holds the votes each cell counts
	 * now: those of the newest round that covers it (0: no round).  The
	 * rounds keep theirs; earlier_votes are votes cast outside any round
	 * on cells a round has covered since (kept, no longer counted). */
	struct agenda_item *agenda;   size_t n_agenda;
	struct room_timer timer;
	struct vote_round *rounds;    size_t n_rounds;
	struct vote *earlier_votes;   size_t n_earlier_votes;
	struct ready_mark *ready;     size_t n_ready;
	struct park_item *parking;    size_t n_parking;
};

/* ---- names of enums (stable identifiers used in files and the DB) ---- */
const char *stage_id(enum stage s);            /* "interview", ... */
const char *stage_label(enum stage s);         /* "Interview", ... (i18n) */
int stage_from_id(const char *s, enum stage *out);
const char *weighting_id(enum weighting w);    /* "direct" / "ahp" */
int weighting_from_id(const char *s, enum weighting *out);
const char *adr_status_id(enum adr_status s);  /* "proposed", ... */
const char *adr_status_label(enum adr_status s); /* "Proposed", ... */
int adr_status_from_id(const char *s, enum adr_status *out); /* any case */
const char *risk_status_id(enum risk_status s);
int risk_status_from_id(const char *s, enum risk_status *out);
const char *timer_state_id(enum timer_state s);    /* "running", ... */
int timer_state_from_id(const char *s, enum timer_state *out);
const char *round_scope_id(enum round_scope s);    /* "all", ... */
int round_scope_from_id(const char *s, enum round_scope *out);
const char *round_state_id(enum round_state s);    /* "open", "revealed" */
int round_state_from_id(const char *s, enum round_state *out);
const char *park_status_id(enum park_status s);    /* "open", ... */
const char *park_status_label(enum park_status s); /* "Open", ... (i18n) */
int park_status_from_id(const char *s, enum park_status *out);

/* ---- lifetime: *_clear frees the members, the struct itself is not freed */
void value_clear(struct value *v);
int value_copy(struct value *dst, const struct value *src);
bool value_equal(const struct value *a, const struct value *b);
/* Canonical text of a value ("35", "soc2, hipaa"); new string. */
char *value_to_text(const struct value *v);

void workshop_clear(struct workshop *w);
void answer_clear(struct answer *a);
void component_clear(struct component *c);
void approach_clear(struct approach *a);
void criterion_clear(struct criterion *c);
void judgement_clear(struct judgement *j);
void score_clear(struct score *s);
void vote_clear(struct vote *v);
void decision_clear(struct decision *d);
void risk_clear(struct risk *r);
void metric_clear(struct metric *m);
void phase_clear(struct phase *p);
void participant_clear(struct participant *p);
void audit_entry_clear(struct audit_entry *a);
void round_cell_clear(struct round_cell *c);
void ballot_clear(struct ballot *b);
void vote_round_clear(struct vote_round *r);
void ready_mark_clear(struct ready_mark *m);
void park_item_clear(struct park_item *p);

/* Deep copies; dst must be zeroed.  Return 0 or ST_ERROR (OOM). */
int workshop_copy(struct workshop *dst, const struct workshop *src);
int approach_copy(struct approach *dst, const struct approach *src);
int decision_copy(struct decision *dst, const struct decision *src);

struct workshop_data *wsdata_new(void);   /* zeroed, scale [1, 5] */
void wsdata_free(struct workshop_data **p);

/*
 * A copy of one row of `table` ("approach", "criterion", "risk", "metric",
 * "phase", "decision") with the scores, votes and judgements that go with
 * it (an approach's or a criterion's): what deleting it takes away, kept
 * so that it can be put back.  NULL on OOM; empty when id is not there.
 */
struct workshop_data *wsdata_part_of(const struct workshop_data *d,
				     const char *table, int64_t id);

/* Append a zeroed element and return it (NULL on OOM). */
struct answer *wsdata_add_answer(struct workshop_data *d);
struct criterion *wsdata_add_criterion(struct workshop_data *d);
struct judgement *wsdata_add_judgement(struct workshop_data *d);
struct approach *wsdata_add_approach(struct workshop_data *d);
struct score *wsdata_add_score(struct workshop_data *d);
struct vote *wsdata_add_vote(struct workshop_data *d);
struct decision *wsdata_add_decision(struct workshop_data *d);
struct risk *wsdata_add_risk(struct workshop_data *d);
struct metric *wsdata_add_metric(struct workshop_data *d);
struct phase *wsdata_add_phase(struct workshop_data *d);
struct component *approach_add_component(struct approach *a);
struct agenda_item *wsdata_add_agenda(struct workshop_data *d);
struct vote_round *wsdata_add_round(struct workshop_data *d);
struct vote *wsdata_add_earlier_vote(struct workshop_data *d);
struct ready_mark *wsdata_add_ready(struct workshop_data *d);
struct park_item *wsdata_add_park(struct workshop_data *d);
struct vote *round_add_vote(struct vote_round *r);
struct ballot *round_add_ballot(struct vote_round *r);
struct round_cell *round_add_cell(struct vote_round *r);
struct round_cell *round_add_cover(struct vote_round *r);
/* Copy a vote (strings too) into a zeroed dst: 0 or ST_ERROR. */
int vote_copy(struct vote *dst, const struct vote *src);

/*
 * Lookups by key (NULL / -1 when absent; NULL keys match nothing), in
 * constant time on average: a hash table per kind is built on demand and
 * follows rows appended with wsdata_add_* (keys filled in after the add
 * are seen too).  The first row with a key wins, as in a scan.  A key
 * changed in place on a row that was already looked up needs
 * wsdata_index_reset(), which drops the tables (they are rebuilt on the
 * next lookup).
 */
void wsdata_index_reset(struct workshop_data *d);
const struct answer *wsdata_answer(const struct workshop_data *d,
				   const char *question);
int wsdata_approach_index(const struct workshop_data *d, const char *key);
int wsdata_criterion_index(const struct workshop_data *d, const char *key);
const struct score *wsdata_score(const struct workshop_data *d,
				 const char *approach, const char *criterion);
const struct decision *wsdata_decision(const struct workshop_data *d,
				       int number);
/* The agenda item of a stage, the round numbered n, the open round (at
 * most one), a parking-lot item by id. */
const struct agenda_item *wsdata_agenda(const struct workshop_data *d,
					enum stage st);
const struct vote_round *wsdata_round(const struct workshop_data *d, int n);
const struct vote_round *wsdata_open_round(const struct workshop_data *d);
const struct park_item *wsdata_park(const struct workshop_data *d,
				    int64_t id);
/* Does round r cover the cell (as loaded: r->covers)? */
bool round_covers(const struct vote_round *r, const char *approach,
		  const char *criterion);

/*
 * Decision links ("RELATION\tNUMBER").  decision_link_parse checks one
 * entry: a relation that is not blank and holds no tab or line break, a
 * tab, a decision number 1..1000000000; *rel / *rel_len point into entry.
 * Returns 0 or ST_INPUT.  decision_link_add appends a well-formed entry
 * unless the same one is there (0, ST_INPUT for a bad relation or number,
 * ST_ERROR on OOM).
 */
int decision_link_parse(const char *entry, const char **rel, size_t *rel_len,
			int *number);
int decision_link_add(struct decision *d, const char *relation, int number);

/*
 * Status words.  adr_status_classify reads the category of a status as a
 * team writes it: MADR's five words and what other templates use for them
 * ("Pending", "Approved", "Implemented", "Partially superseded", "On
 * hold", "Obsolete", ...), case and surrounding punctuation ignored, the
 * longest known phrase at the start winning ("superseded by ADR-3").
 * ST_INPUT when no known word starts the text.  decision_status_shown is
 * the status to show: the record's own word while it still names the
 * decision's status, else the status label ("" when the file had none and
 * the status is still the default).
 */
int adr_status_classify(const char *text, enum adr_status *out);
const char *decision_status_shown(const struct decision *d);
/* The record's own status words where they say more than the category
 * ("Partially Implemented", "Approved" for accepted), else NULL: what
 * `show` and the Decision screen put beside the status. */
const char *decision_status_words(const struct decision *d);

/* Risk score = probability x impact. */
int risk_score(const struct risk *r);

/* Score bands of the register, the heat map and the exports. */
enum risk_band { RISK_BAND_LOW = 0, RISK_BAND_MEDIUM, RISK_BAND_HIGH };
#define RISK_HIGH_MIN 15     /* a score of 15 or more is high */
#define RISK_MEDIUM_MIN 8    /* 8 to 14 is medium, below is low */
enum risk_band risk_band(int score);
const char *risk_band_label(enum risk_band b);    /* "high", ... (i18n) */
const char *risk_status_label(enum risk_status s); /* "Open", ... (i18n) */

#endif

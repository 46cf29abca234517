/*
 * session_int: what the files of src/session share and nobody else sees.
 */
#ifndef CHARRETTE_SESSION_INT_H
#define CHARRETTE_SESSION_INT_H

#include "session/session.h"

struct undo_step;

struct session {
	struct store *store;
	const struct knowledge *k;
	bool read_only;
	int presence_max_age;
	int beat_seconds;

	int64_t ws;
	struct workshop_data *d;
	const struct template_def *tpl;
	struct sess_view view;
	unsigned generation;
	bool stale;                /* my own writes: reload at the next sync */

	int64_t data_version;      /* PRAGMA data_version last seen */
	int64_t stamp;             /* newest audit row last seen */

	struct strv others;        /* present, me left out */
	bool presence_moved;       /* others changed since the last poll */
	char *facilitator;         /* as of the last reload */
	bool following;
	char *followed;            /* "screen|selection" last applied */
	char *published;           /* "screen|selection" last published */
	double last_beat;          /* monotonic seconds */
	char notice[256];
	char notice_out[256];
	struct sess_role role;     /* as of the last look */
	bool role_read;            /* looked at least once */
	struct strv applied;       /* criterion keys nudged this session */
	/* Drafts the database could not take yet: where and text. */
	struct strv mem_where, mem_text;

	struct undo_step *undo;    /* oldest first */
	size_t n_undo;
	bool undoing_now;          /* an undo writes: push no steps */
	int group;                 /* steps pushed now belong together */
	int next_group;
	char *undo_text;           /* session_undo_label's buffer */

	struct sess_room *room;    /* session_room.c: the rounds per cell */
	char *follow_told;         /* session_follow.c: the move last told
				    * while the participant was busy */
	/* session_edits.c: what my editor edits (as published), and the
	 * row a save found deleted, as it was loaded, with its field. */
	char *editing;
	struct workshop_data *orphan;
	char *orphan_table, *orphan_field;
	int64_t orphan_id;
};

/* session.c: a notice for the participant (session_notice). */
void sess_notice(struct session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* session_role.c: read the role (notices for what changed); free it. */
void sess_role_read(struct session *s);
void sess_role_free(struct session *s);
/* session_room.c: THE RULE (session_room.h) — other participants' vote
 * values of an open round out of d; called wherever data is loaded. */
void sess_room_mask(const char *who, struct workshop_data *d);
/* The rounds' view of the matrix, after view_build; and its end. */
int sess_room_build(struct session *s);
void sess_room_clear(struct session *s);
/* History rows of other participants' votes cast while a round is open
 * lose their values. */
void sess_room_mask_audit(const struct session *s, struct audit_entry *list,
			  size_t n);
/* Is the cell in an open round (its values blind)? */
bool sess_room_blind(const struct session *s, size_t ai, size_t ci);
/* Refuse unless I facilitate (false = go ahead); `what` is the action
 * ("starts the timer"). */
bool sess_room_refuse_role(struct session *s, const char *what,
			   struct sess_result *r);

/* session_view.c */
int view_build(struct session *s, struct error *e);
void view_clear(struct sess_view *v);

/* session_write.c: turn a store status into a result; on success the data
 * is stale, else the typed text is kept as a draft of `where`. */
int sess_finish(struct session *s, int rc, const struct error *e,
		const char *where, const char *typed, struct sess_result *r);
/* Refuse when read-only or no workshop is open (false = go ahead). */
bool sess_refuse(struct session *s, bool needs_ws, struct sess_result *r);
void sess_refuse_msg(struct sess_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* session_undo.c: remember how to take back a write that was saved. */
enum undo_kind {
	UNDO_FIELD = 0,     /* table/id/field back to `before` */
	UNDO_ANSWER,        /* question back to `before` (NULL: none) */
	UNDO_SCORE,         /* cell back to `before` */
	UNDO_VOTE,
	UNDO_ADD,           /* delete the row table/id that was added */
	UNDO_MOVE,          /* move table/id back by -delta */
	UNDO_DELETE,        /* put back `part`, what a deletion took */
	UNDO_LINK,          /* ADR key1 back to superseded by `before`
			     * (NULL: not superseded, status `note`) */
	UNDO_PARK           /* a parking-lot write (session_park_undo.c):
			     * field says which, id the item */
};

struct undo_step {
	enum undo_kind kind;
	char *table, *field;    /* FIELD, ADD, MOVE */
	int64_t id;
	char *key1, *key2;      /* SCORE/VOTE: approach, criterion;
				 * ANSWER: question */
	char *before, *after;   /* as text; NULL: none */
	char *note;             /* ANSWER: the note a clear took with it */
	bool had_before;
	int delta;
	char *label;            /* what it was, in words */
	int group;              /* steps of one action share a group */
	struct workshop_data *part;  /* DELETE: owned */
};

void undo_push(struct session *s, const struct undo_step *st);
/* Is field of row of tbl ("answer": field is the question) still `after`?
 * 0 with its version in *ver; else r says why not. */
int sess_still_mine(struct session *s, const char *tbl, int64_t row,
		    const char *field, const char *after, int64_t *ver,
		    struct sess_result *r);
/* An answer back to its text (NULL: none), against version ver. */
int sess_put_answer(struct session *s, const char *q, const char *text,
		    int64_t ver, struct sess_result *r);
/* The step that put back a deletion of row id of table (NULL: none). */
struct undo_step *sess_undo_delete_of(struct session *s, const char *table,
				      int64_t id);
void sess_undo_forget(struct session *s, struct undo_step *st);
int sess_undo_one(struct session *s, struct undo_step *st,
		  struct sess_result *r);
void undo_free_all(struct session *s);
/* session_rows.c: delete or move a row of a table by id (for undo). */
int sess_delete_row(struct session *s, const char *table, int64_t id,
		    struct sess_result *r);
int sess_move_row(struct session *s, const char *table, int64_t id,
		  int delta, struct sess_result *r);
/* The version of row id of a table in the loaded data (0: not there). */
int64_t sess_row_version(const struct session *s, const char *table,
			 int64_t id);
/* Steps pushed between begin and end undo together. */
void sess_group_begin(struct session *s);
void sess_group_end(struct session *s);
/* session_links.c: the status decision (a row id) had before a change
 * made it superseded, from the history; `near` (an audit id, 0: none) the
 * link that change came with.  Accepted when the history does not say. */
enum adr_status sess_status_before_superseded(struct session *s,
					      int64_t decision, int64_t near);
/* A label for a cell or a row, in words (new string). */
char *sess_cell_label(const struct session *s, const char *ak,
		      const char *ck);

/* session_park_undo.c: remember a parking-lot write that was saved
 * (what: "add", "text", "status", "take" or "delete"; before and after as
 * text, a status by its id; `gone` the item a deletion took), and take it
 * back. */
void sess_park_step(struct session *s, const char *what,
		    const struct park_item *p, int64_t id, const char *before,
		    const char *after);
int sess_park_undo(struct session *s, const struct undo_step *st,
		   struct sess_result *r);
/* session_trash.c: the open workshop ws was deleted: tell who moved it to
 * the trash (a notice), if it is there. */
void sess_trash_notice(struct session *s, int64_t ws);
/* session_edits.c: did someone change field `field` of row `id` of
 * `table` (or the whole row: added, deleted) since the data was loaded?
 * True when it cannot tell. */
bool sess_field_changed_since_load(struct session *s, const char *table,
				   int64_t id, const char *field);
/* A save of `field` found row `id` of `table` deleted: keep the row as
 * loaded (session_orphan_add brings it back as a new row). */
void sess_orphan_keep(struct session *s, const char *table, int64_t id,
		      const char *field);
/* A reload (old data to now) took away the row my editor edits: keep it
 * as it was loaded. */
void sess_orphan_reloaded(struct session *s, const struct workshop_data *old,
			  const struct workshop_data *now);

#endif

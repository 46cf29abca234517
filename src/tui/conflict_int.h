/*
 * conflict_int: what the conflict dialogs share (conflict.c: texts,
 * answers and scores; conflict_orphan.c: a row deleted while someone
 * edited it).  Internal to src/tui.
 */
#ifndef CHARRETTE_TUI_CONFLICT_INT_H
#define CHARRETTE_TUI_CONFLICT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "tui/app.h"
#include "util/str.h"

/* A conflict dialog: a modal, with what the save was and both sides. */
struct conflict {
	struct modal m;
	bool answer;           /* an answer, else a store_update field */
	app_text_save_fn save; /* else this text's own session write */
	char *table, *field;   /* field */
	char *question;        /* answer */
	enum value_kind vkind; /* answer: the kind of mine */
	struct value mine_v;   /* answer: mine as a value */
	int64_t row;
	char *label;           /* names the thing in messages */
	char *explain;         /* the store's message: who changed it */
	char *mine, *theirs;   /* theirs NULL: deleted / no answer */
	bool gone;             /* the row was deleted: mine cannot be written */
	int64_t their_version;
	bool multi;
	/* A cell of the matrix: the agreed score (or my vote) of approach
	 * ak on criterion ck; mine_num is mine (has_mine false: cleared). */
	bool score, vote;
	char *ak, *ck;
	bool has_mine;
	double mine_num;
	char *who;             /* who set theirs (NULL: unknown) */
	/* The row was deleted while I edited it (the session kept it as
	 * loaded): n adds it as a new row with mine. */
	bool orphan;
	struct strv bar;       /* the status bar of these two kinds */
};

/* Show the dialog c, whose strings were all copied (ok), else drop it
 * (out of memory); true when it is shown. */
bool conflict_push(struct app *a, struct conflict *c, bool ok);
/* A save that failed for another reason than a conflict: said, and the
 * status to return. */
int conflict_not_saved(struct app *a, const struct sess_result *r);
/* The conflict dialog right under modal m (an editor it opened), or NULL. */
struct conflict *conflict_under(struct app *a, struct modal *m);
/* conflict_orphan.c: a save of `field` found its row deleted (r->gone):
 * the dialog that offers to add it back as a new row with `value`. */
void conflict_orphaned(struct app *a, const char *table, int64_t id,
		       const char *field, const char *value,
		       const struct sess_result *r, const char *where);
/* Its keys. */
enum modal_result conflict_orphan_key(struct conflict *c, struct app *a,
				      enum action act);

#endif

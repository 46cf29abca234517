/*
 * store_share: small reads the shared-box features of the terminal
 * application need beyond store.h: a stamp that changes only when the
 * content changed (not on heartbeats), the facilitator's position, who
 * created a workshop, and an answer's current text.
 *
 * All functions return 0 (ST_OK) or a negative enum status and fill *e.
 */
#ifndef CHARRETTE_STORE_SHARE_H
#define CHARRETTE_STORE_SHARE_H

#include <stdint.h>

#include "util/error.h"

struct store;

/*
 * The id of the newest audit row (0 when none).  Every edit of a workshop
 * writes an audit row and heartbeats and drafts do not, so a changed stamp
 * means "reload", an unchanged one means "only presence moved".
 */
int store_share_stamp(struct store *s, int64_t *stamp, struct error *e);

/* Where someone is: their newest heartbeat in a workshop. */
struct share_pos {
	char *who;          /* the participant as recorded */
	char *screen;       /* screen id, may be NULL */
	char *selection;    /* what is selected there, may be NULL */
	int64_t last_seen;
};
void share_pos_clear(struct share_pos *p);

/*
 * The newest heartbeat, within max_age seconds, in workshop ws of the
 * participant `name` — recorded as "name" or as "name (via account)".
 * ST_NOTFOUND (without a message) when there is none.
 */
int store_share_position(struct store *s, int64_t ws, const char *name,
			 int max_age, struct share_pos *out, struct error *e);

/* Who created workshop ws (its first audit row); *who NULL if unknown. */
int store_share_creator(struct store *s, int64_t ws, char **who,
			struct error *e);

/*
 * The current answer to a question, as the audit log writes it (text;
 * numbers as decimal text; lists joined by ", ").  *text NULL and
 * *version 0 when there is no answer.
 */
int store_share_answer(struct store *s, int64_t ws, const char *question,
		       char **text, int64_t *version, struct error *e);

/* How long one attempt to write waits for a lock, in milliseconds (the
 * store retries a few times); for tests of a busy database. */
void store_share_busy_ms(struct store *s, int ms);

/* Does the participant `who` ("name" or "name (via account)") count as
 * `name`? */
int share_same_person(const char *who, const char *name);

#endif

/*
 * store_trash: deleting a workshop moves it, with everything in it, to a
 * trash; it comes back whole with restore and is gone only when purged.
 * A workshop in the trash is kept as it was, row for row (answers, scores,
 * votes, judgements, ADRs, risks, metrics, roadmap, drafts, its history),
 * but no listing, lookup, load or edit sees it: edits to it are refused.
 *
 * Only the workshop's facilitator or the account that created it may move
 * it to the trash or purge it (a workshop whose facilitator and creator
 * are both unknown, from an old database, may be deleted by anyone); anyone
 * who can write the database may restore one.  Permission goes by the Unix
 * account (store_account()), never by the name shown.
 *
 * All functions return 0 (ST_OK) or a negative enum status and fill *e:
 * ST_DENIED when the account may not, ST_NOTFOUND when the workshop is not
 * where the call expects it (not in the trash for restore and purge, in it
 * or missing for delete).
 */
#ifndef CHARRETTE_STORE_TRASH_H
#define CHARRETTE_STORE_TRASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct store;

/* A workshop in the trash. */
struct trashed {
	int64_t id;
	char *title;
	int64_t deleted;        /* when it went to the trash (Unix seconds) */
	char *deleted_by;       /* the name recorded: "bob (via bob)" */
	char *deleted_account;  /* the account that deleted it */
	char *creator_account;  /* NULL when unknown */
	char *facilitator_account;
	bool may_purge;         /* this connection's account may purge it */
};
void trashed_clear(struct trashed *t);

/* May this connection's account delete (or purge) workshop id?  ST_OK, or
 * ST_DENIED with a message naming who may; ST_NOTFOUND if there is no such
 * workshop (in the trash or not). */
int store_trash_may(struct store *s, int64_t id, struct error *e);

/* Move workshop id to the trash (one audit row; presence rows go).  Also
 * what store_workshop_delete does. */
int store_trash_put(struct store *s, int64_t id, struct error *e);
/* Bring workshop id back from the trash as it was. */
int store_trash_restore(struct store *s, int64_t id, struct error *e);
/* Delete workshop id, which must be in the trash, for good. */
int store_trash_purge(struct store *s, int64_t id, struct error *e);
/* Purge every workshop in the trash this account may purge, in one
 * transaction; *purged and *kept (may be NULL) count what was and was not. */
int store_trash_purge_all(struct store *s, size_t *purged, size_t *kept,
			  struct error *e);

/* The trash, most recently deleted first. */
int store_trash_list(struct store *s, struct trashed **out, size_t *n,
		     struct error *e);
void store_trash_list_free(struct trashed **list, size_t n);
/* Resolve an id or a unique title prefix among the workshops in the trash
 * (as store_workshop_find does among the others). */
int store_trash_find(struct store *s, const char *ref, int64_t *id,
		     struct error *e);

#endif

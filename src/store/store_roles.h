/*
 * store_roles: who may do what on a shared box.  Identity is the Unix
 * account of the connection (store_account()); the name shown
 * (store_who(), "NAME (via account)" with --as) is only a name.
 *
 * The facilitator role of a workshop belongs to an account.  It passes by
 * consent or by absence, never by a name typed with --as:
 *   take      the role is free, already this account's, or its holder has
 *             not been seen in the workshop for max_age seconds;
 *   request   ask the holder for it (one request at a time);
 *   answer    the holder says yes (the role passes to the one who asked)
 *             or no (the request stays, marked declined, until withdrawn);
 *   withdraw  the one who asked drops the request (or the declined notice);
 *   hand      the holder gives the role to an account present in the
 *             workshop;
 *   release   the holder gives it up: nobody holds it.
 * Every change of the role bumps its version; each call names the version
 * it was decided on and is refused with ST_CONFLICT, nothing written, when
 * the role changed meanwhile.  Refusals: ST_DENIED (not yours to do: the
 * holder is here and did not agree, you do not hold it), ST_INPUT (nothing
 * to do: no request to answer, asking for a free role), ST_NOTFOUND (no
 * such workshop, nobody of that account present).  Each change is one
 * transaction with an audit row (field "facilitator" or
 * "facilitator_request"), so every open session notices it.
 *
 * Also here: presence rows with their account and whether the session is
 * read-only (observers are listed too), and whether an audit row is this
 * account's own (what undo may touch).
 */
#ifndef CHARRETTE_STORE_ROLES_H
#define CHARRETTE_STORE_ROLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct store;
struct share_pos;

/* How long a holder may be silent before the role can be taken: the
 * presence timeout of the terminal app (a heartbeat every 5 s). */
#define STORE_ROLE_ABSENT_S 15

struct store_role {
	int64_t version;        /* bumped by every change below */
	char *account;          /* the facilitator's account; NULL = free */
	char *name;             /* the name shown for the facilitator */
	char *creator_account;  /* who created the workshop; NULL = unknown */
	int64_t last_seen;      /* the holder's newest heartbeat here, 0 none */
	bool present;           /* ... within max_age seconds */
	bool mine;              /* account is this connection's account */
	char *request_account;  /* an account asking for the role, or NULL */
	char *request_name;     /* the name it asked under */
	int64_t request_at;
	bool declined;          /* the holder said no to that request */
	bool requested_by_me;
};
void store_role_clear(struct store_role *r);

/* The role of workshop ws, with the holder's presence judged against
 * max_age seconds (<= 0: STORE_ROLE_ABSENT_S). */
int store_role_get(struct store *s, int64_t ws, int max_age,
		   struct store_role *out, struct error *e);

int store_role_take(struct store *s, int64_t ws, int64_t seen_version,
		    int max_age, struct error *e);
int store_role_request(struct store *s, int64_t ws, int64_t seen_version,
		       struct error *e);
int store_role_withdraw(struct store *s, int64_t ws, int64_t seen_version,
			struct error *e);
int store_role_answer(struct store *s, int64_t ws, int64_t seen_version,
		      bool yes, struct error *e);
int store_role_hand(struct store *s, int64_t ws, int64_t seen_version,
		    const char *account, int max_age, struct error *e);
int store_role_release(struct store *s, int64_t ws, int64_t seen_version,
		       struct error *e);

/*
 * Where the facilitator is: the newest heartbeat in ws, within max_age
 * seconds, of the facilitator's account (a workshop whose facilitator is
 * only a name, from an imported file, is looked up by that name).
 * ST_NOTFOUND (no message) when there is none.
 */
int store_role_position(struct store *s, int64_t ws, int max_age,
			struct share_pos *out, struct error *e);

/* One open session in a workshop. */
struct presence_row {
	char *who;              /* the name shown */
	char *account;          /* its Unix account (NULL in very old rows) */
	char *screen;           /* may be NULL */
	char *selection;        /* may be NULL */
	int64_t session;
	int64_t last_seen;
	bool read_only;         /* an observer */
	bool facilitator;       /* account holds the facilitator role */
	bool mine;              /* this connection's own row */
	char *editing;          /* the draft key of its open editor, or NULL */
};
/* Sessions in workshop ws (0 = anywhere) seen within max_age seconds,
 * by name then session. */
int store_presence_rows(struct store *s, int64_t ws, int max_age,
			struct presence_row **out, size_t *n,
			struct error *e);
void store_presence_rows_free(struct presence_row **list, size_t n);

/* Was audit row `id` written by this connection's account?  (Undo takes
 * back only one's own edits, whatever name they were made under.) */
int store_audit_mine(struct store *s, int64_t id, bool *mine,
		     struct error *e);

#endif

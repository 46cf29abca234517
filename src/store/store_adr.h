/*
 * store_adr: what the store keeps of the ADR files decisions were read
 * from (their name, folder and bytes, the status in the file's own words,
 * consequences the file does not sort), and the bulk writes of import-adr:
 * a whole folder added to, or refreshed in, a workshop in one transaction.
 *
 *   store_adr_begin(s)            BEGIN IMMEDIATE
 *   store_adr_add / _update ...   any number of them
 *   store_adr_end(s, rc)          COMMIT when rc is ST_OK, else ROLLBACK
 *
 * Every added decision and every changed field writes its audit row, as a
 * single edit would.
 */
#ifndef CHARRETTE_STORE_ADR_H
#define CHARRETTE_STORE_ADR_H

#include <stdint.h>

#include "model/model.h"
#include "util/error.h"

struct store;

/* The fields of a decision an update may change, one bit each. */
enum store_adr_field {
	SA_TITLE = 1u << 0,
	SA_STATUS = 1u << 1,        /* status and status_text */
	SA_DATE = 1u << 2,
	SA_DECIDERS = 1u << 3,
	SA_CONSULTED = 1u << 4,
	SA_INFORMED = 1u << 5,
	SA_CONTEXT = 1u << 6,
	SA_DECISION = 1u << 7,
	SA_RATIONALE = 1u << 8,
	SA_POSITIVE = 1u << 9,
	SA_NEGATIVE = 1u << 10,
	SA_RISKS = 1u << 11,
	SA_ALTERNATIVES = 1u << 12,
	SA_CONSEQUENCES = 1u << 13,
	SA_SUPERSEDES = 1u << 14,
	SA_SUPERSEDED_BY = 1u << 15,
	SA_LINKS = 1u << 16,
	SA_FILE = 1u << 17          /* file, file_dir, source */
};

/* Fill status_text, consequences, file, file_dir and source of the
 * decisions of d (already loaded, with their ids). */
int store_adr_load(struct store *s, struct workshop_data *d,
		   struct error *e);
/* Save those of decision row `id`, just inserted (inside the caller's
 * transaction). */
int store_adr_save(struct store *s, int64_t id, const struct decision *d,
		   struct error *e);

int store_adr_begin(struct store *s, struct error *e);
int store_adr_end(struct store *s, int rc, struct error *e);

/* The highest number workshop ws has given a decision (inside the
 * transaction, the next ones store_adr_add gives are above it). */
int store_adr_last_number(struct store *s, int64_t ws, int *last,
			  struct error *e);
/*
 * Add d to workshop ws.  Its number is kept when it is above every number
 * the workshop has given (numbers are never reused) and unused; else the
 * next one is given.  *number gets it, *id the row.
 */
int store_adr_add(struct store *s, int64_t ws, const struct decision *d,
		  int64_t *id, int *number, struct error *e);
/*
 * Write the fields in `fields` of decision `old` (as read, with its id
 * and version) from `now`; ST_CONFLICT when the row changed since it was
 * read.  SA_FILE alone does not count as an edit (no new version, no audit
 * row): it records what the file now holds.
 */
int store_adr_update(struct store *s, int64_t ws, const struct decision *old,
		     const struct decision *now, unsigned fields,
		     struct error *e);

#endif

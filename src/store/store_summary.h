/*
 * store_summary: what a list of workshops shows, without loading any of
 * them: the workshop rows and how many answers, approaches, decisions and
 * risks each holds.  Five queries whatever the number of workshops (the
 * rows of store_workshop_list, then one grouped count per table), so a
 * Workshops screen on 200 workshops costs about what one on 2 does.
 */
#ifndef CHARRETTE_STORE_SUMMARY_H
#define CHARRETTE_STORE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "store/store.h"
#include "util/error.h"

struct workshop_summary {
	struct workshop w;     /* the row, as store_workshop_list reads it */
	size_t answered;       /* answers holding a value (not cleared ones) */
	size_t approaches;
	size_t decisions;
	size_t risks;
};

/* Which counts to make (the others stay 0): a screen that shows only the
 * answers asks only for them, one query instead of four. */
enum summary_counts {
	SUMMARY_ANSWERS = 1 << 0,
	SUMMARY_APPROACHES = 1 << 1,
	SUMMARY_DECISIONS = 1 << 2,
	SUMMARY_RISKS = 1 << 3,
	SUMMARY_ALL = 0xf
};

/*
 * The workshops store_workshop_list(s, with_archived) returns, in the same
 * order (by id), each with the counts asked for.  *out is NULL when there are none;
 * free with store_workshop_summaries_free.
 */
int store_workshop_summaries(struct store *s, bool with_archived,
			     unsigned counts, struct workshop_summary **out,
			     size_t *n, struct error *e);
void store_workshop_summaries_free(struct workshop_summary **list, size_t n);

/*
 * Who is in which workshop now (a heartbeat within max_age seconds), one
 * query for every workshop: pairs ordered by workshop, then name.
 */
struct workshop_present {
	int64_t workshop_id;
	char *who;
};
int store_workshop_present(struct store *s, int max_age,
			   struct workshop_present **out, size_t *n,
			   struct error *e);
void store_workshop_present_free(struct workshop_present **list, size_t n);

#endif

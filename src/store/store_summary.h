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

/*
 * The workshops store_workshop_list(s, with_archived) returns, in the same
 * order (by id), each with its counts.  *out is NULL when there are none;
 * free with store_workshop_summaries_free.
 */
int store_workshop_summaries(struct store *s, bool with_archived,
			     struct workshop_summary **out, size_t *n,
			     struct error *e);
void store_workshop_summaries_free(struct workshop_summary **list, size_t n);

#endif

/*
 * store_restore: rows a deletion took, put back (undo).  `part` holds the
 * rows with their keys, numbers and positions (wsdata_part_of): approaches
 * and criteria with their scores, votes and judgements, risks, metrics,
 * phases, decisions.  One transaction: ST_CONFLICT and nothing written
 * when a key or number was taken meanwhile.
 */
#ifndef CHARRETTE_STORE_RESTORE_H
#define CHARRETTE_STORE_RESTORE_H

#include <stdint.h>

#include "model/model.h"
#include "util/error.h"

struct store;

int store_rows_restore(struct store *s, int64_t ws,
		       const struct workshop_data *part, struct error *e);

#endif

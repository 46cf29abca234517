/*
 * store_decide: changes to decisions that touch more than one record and
 * must happen together or not at all.  "ADR N is superseded by ADR M" is
 * written on both sides (N's status and superseded_by, M's supersedes); a
 * failure halfway would leave one side linked, so each operation is one
 * BEGIN IMMEDIATE transaction with an audit row per field it changes.
 *
 * All functions return 0 (ST_OK) or a negative enum status and fill *e.
 */
#ifndef CHARRETTE_STORE_DECIDE_H
#define CHARRETTE_STORE_DECIDE_H

#include <stdint.h>

#include "model/model.h"
#include "util/error.h"

struct store;

/*
 * In workshop ws, ADR old_number is superseded by ADR new_number: old gets
 * status "superseded" and superseded_by new_number, new gets old_number in
 * its supersedes list.  An ADR that old was superseded by before loses
 * old_number from its supersedes.  Each changed record's version goes up
 * once.  Nothing changes when the link is already there.
 *   ST_INPUT     an ADR cannot supersede itself; a cycle (new_number is
 *                already superseded, directly or through others, by
 *                old_number) is refused;
 *   ST_NOTFOUND  either number is not an ADR of the workshop.
 */
int store_decision_supersede(struct store *s, int64_t ws, int old_number,
			     int new_number, struct error *e);

/*
 * The reverse: ADR old_number takes `status` (anything but superseded),
 * its superseded_by is cleared and the ADR that superseded it loses
 * old_number from its supersedes.  ST_INPUT for status superseded,
 * ST_NOTFOUND when old_number is not an ADR of the workshop.
 */
int store_decision_unsupersede(struct store *s, int64_t ws, int old_number,
			       enum adr_status status, struct error *e);

#endif

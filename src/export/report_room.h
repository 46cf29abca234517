/*
 * report_room: the architecture report's sections about running the room,
 * as functions the report (export/report.c) calls where they belong:
 *   - "Agenda": a table of the stages with their timeboxes (planned) and
 *     the time spent on each, and the totals;
 *   - "Parking lot": the items parked, who raised them and what became of
 *     each (still open, done, or the roadmap's next step it became);
 *   - "Wrap-up": what was decided (the ADRs and their status), the open
 *     questions (interview questions not answered, parking-lot items still
 *     open), the actions with their owners (open risks, next steps) and
 *     the agenda's planned against spent.
 * Durations are written as people write them ("10 min", "1 h 15 min").
 * Each function appends to out (its heading at `level`, 2 for "##") and
 * returns 0, or ST_ERROR when out of memory.  `now` is the moment the
 * time spent is counted to (a running countdown counts so far); t (the
 * workshop's template, may be NULL) gives the timeboxes of a workshop
 * without an agenda; k (may be NULL) the interview's questions; `names`
 * how people (who raised an item, a risk's owner) are named, as in the
 * rest of the report (x_person: "bob (via root)" is bob, root nobody).
 */
#ifndef CHARRETTE_EXPORT_REPORT_ROOM_H
#define CHARRETTE_EXPORT_REPORT_ROOM_H

#include <stdint.h>

#include "export/helpers.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/str.h"

int report_agenda(struct buf *out, const struct workshop_data *d,
		  const struct template_def *t, int64_t now, int level);
int report_parking(struct buf *out, const struct workshop_data *d,
		   int level, enum x_names names);
int report_wrapup(struct buf *out, const struct workshop_data *d,
		  const struct knowledge *k, const struct template_def *t,
		  int64_t now, int level, enum x_names names);

#endif

/*
 * adr_refresh: an ADR folder read again into a workshop that has some of
 * its records already (`import-adr DIR --into WORKSHOP` a second time).
 * Records are matched by file name (in the same folder), then by the
 * charrette marker of a file the workshop wrote, then by number (a file
 * renamed in the folder); what is matched is updated where the file
 * changed since the workshop read it, what is not is added.  No SQL here:
 * the caller writes the result (store_adr).
 */
#ifndef CHARRETTE_ADR_REFRESH_H
#define CHARRETTE_ADR_REFRESH_H

#include <stdbool.h>
#include <stddef.h>

#include "adr/adr_import.h"
#include "model/model.h"

/* A file the workshop wrote itself (its marker names the decision). */
enum { ADR_OURS = 1, ADR_OURS_EDITED = 2 };

/*
 * For each decision of `imp` (just read from the folder whose real path is
 * `dir`), the index of the decision of `w` it is, or -1 (new: added), into
 * match[0..imp->n_decisions); ours[i] is ADR_OURS or ADR_OURS_EDITED for a
 * file charrette wrote (unedited, or edited since: see
 * adr_refresh_native), else 0.  mine: our marker for w, up to the number.
 */
int adr_refresh_match(const struct workshop_data *w,
		      const struct workshop_data *imp, const char *dir,
		      const char *mine, int *match, int *ours,
		      struct adr_msgs *msgs);

/*
 * The decision `now` of the workshop after its file is read again: file is
 * the record as the folder has it now (links in workshop numbers), the
 * workshop's decision had been read from now->source.  *merged gets now
 * with each field the file changed since taken from the file, except where
 * the workshop changed it too (then the workshop's stays, and the field is
 * in *conflict); *fields gets the fields taken (1 << enum adr_field).
 * refs: the workshop's records by file.
 */
struct adr_refs;
int adr_refresh_merge(const struct decision *now, const struct decision *file,
		      const struct adr_refs *refs, struct decision *merged,
		      unsigned *fields, unsigned *conflict);

/*
 * A file charrette wrote for decision w->decisions[j], edited in the
 * folder since (adr-tools' `adr new -s` marks it superseded, say): what
 * the file says that charrette's own rendering of the decision does not,
 * taken into *merged (a copy of the decision); *fields tells which.  The
 * decision stays the workshop's (no file is kept with it).  dir: the
 * folder; k may be NULL.
 */
struct knowledge;
int adr_refresh_native(const struct workshop_data *w, size_t j,
		       const struct decision *file, const char *dir,
		       const struct knowledge *k, struct decision *merged,
		       unsigned *fields);

#endif

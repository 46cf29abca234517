/*
 * adr_export: a workshop's decisions written into an ADR folder that may
 * already hold records, and what that would change (`charrette diff`,
 * `export --dry-run`).
 *
 *   - A decision read from a file keeps that file's name.  Written back
 *     unchanged it is the same bytes; changed in the workshop, only its
 *     changed fields are rewritten (adr_patch), in its own format, whatever
 *     format was asked for, when the folder holds its file; into another
 *     folder it is converted to the format asked for.
 *   - A file edited in the folder since the workshop read it is left as
 *     it is, unless the workshop changed the record too: then the
 *     workshop's changes are made to the edited file, and a field changed
 *     on both sides differently is a conflict (nothing is written without
 *     --force; with it the workshop's side wins).
 *   - A decision made in the workshop is written in the format asked for;
 *     its file ends with a marker naming the workshop, the decision and a
 *     checksum, so that a later export knows the file and whether anyone
 *     edited it since (an edited one is a conflict, as above).  New files
 *     take the numbers after the highest number in the folder at export
 *     time, and the folder's way of naming files.
 *   - The index: a README.md that charrette wrote is written again; one
 *     that lists the records in a way of its own gets lines for new
 *     records and the changed titles and statuses, and keeps every other
 *     byte; a folder with no README.md gets one only when charrette wrote
 *     all its records.  A MADR folder of charrette's own also gets the
 *     template.md that log4brains' `adr new` needs.
 *   - Everything is written as one set (util/atomic's fileset): all of it
 *     or, on any failure, none of it.
 */
#ifndef CHARRETTE_ADR_EXPORT_H
#define CHARRETTE_ADR_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/knowledge.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

enum adr_action {
	ADR_SAME = 0,      /* the file is as the workshop would write it */
	ADR_NEW,           /* a file that is not in the folder */
	ADR_CHANGE,        /* the workshop changed the record */
	ADR_THEIRS,        /* edited in the folder, not in the workshop: kept */
	ADR_CONFLICT       /* changed on both sides (written with --force) */
};

struct adr_change {
	char *file;            /* base name */
	int number;            /* the decision's number (0: the index) */
	enum adr_action action;
	char *what;            /* the fields, "status, context", or a note */
};

struct adr_changes {
	struct adr_change *v;
	size_t n;
	size_t n_same;
};

void adr_changes_clear(struct adr_changes *c);

enum adr_export_flags {
	ADR_EXPORT_FORCE = 1 << 0,    /* conflicts: the workshop wins */
	ADR_EXPORT_DRY_RUN = 1 << 1,  /* plan and report; write nothing */
	ADR_EXPORT_MADR = 1 << 2,     /* new records in MADR (else adr-tools) */
};

/*
 * Export d into dir (created when missing).  changes (may be NULL) gets
 * every file the export writes or would write, and why; written (may be
 * NULL) the path of every file written.  ST_INPUT when a conflict stops it
 * (the conflicts are in changes and in e), or a target is not a file we
 * can write.
 */
int adr_export_dir(const struct workshop_data *d, const struct knowledge *k,
		   const char *dir, int flags, struct adr_changes *changes,
		   struct strv *written, struct error *e);

/* The marker that ends the files of workshop d's decisions, up to the
 * decision number: "<!-- charrette: SLUG decision " (new string). */
char *x_marker_mine(const struct workshop_data *d);

/* The format a folder's records are in, for new ones: true for MADR.
 * A folder with no records: false. */
bool adr_folder_is_madr(const char *dir);

#endif

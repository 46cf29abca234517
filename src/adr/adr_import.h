/*
 * adr_import: reading an existing folder of Architecture Decision Records
 * into `struct decision`s.
 *
 * Formats understood (detected per file):
 *   adr-tools / Nygard  "# 3. Title", "Date: ...", "## Status" holding the
 *                       status word and link lines ("Supersedes [1. X](0001-x.md)",
 *                       "Superseded by ...", adr-tools' "Superceded by ...").
 *   MADR 2              "# Title" and bullet metadata ("* Status: accepted",
 *                       "* Deciders: a, b", "* Date: 2024-01-31").
 *   MADR 3 / MADR 4     YAML front matter: status, date, deciders (MADR 3) or
 *                       decision-makers (MADR 4), consulted, informed.
 * File names: "NNNN-slug.md" (optionally "adr-NNNN-slug.md") carry the
 * number; "YYYYMMDD-slug.md" and "YYYY-MM-DD-slug.md" carry a date and no
 * number: such records are numbered after the highest numbered file, in date
 * order.
 *
 * Where the text goes:
 *   Context / Context and Problem Statement        -> context
 *   Decision / Decision Outcome                    -> decision (its
 *       "### ... Consequences" subsections are taken out as consequences)
 *   Consequences: Positive / Negative / Risks subsections, or "Good,
 *       because" / "Bad, because" bullets -> positive / negative / risks;
 *       other consequences text -> `positive`, one item per list item or
 *       paragraph.  Items are one line each (the store keeps lists as
 *       lines), so the lines of an item are joined with a space.
 *   Alternatives / Alternatives Considered / Considered Options -> alternatives
 *   Status (and Links) link lines other than supersede links
 *       ("Amends [2. X](0002-x.md)", "Amended by ...", "Clarifies ..."),
 *       and such lines in a MADR "More Information" section (where
 *       "This decision supersedes [ADR-0001](...)." is a supersede link)
 *                                                  -> links
 *       ("Amends\t2"), once the target is known to be a record of the
 *       folder; a link that cannot be resolved stays as text in the
 *       rationale under "## Links"
 *   Rationale                                      -> rationale (first)
 *   every other section, text before the first section and unknown front
 *   matter keys -> rationale, each under its heading, in file order, so no
 *   text is lost.
 * Every imported record is marked `markdown`: its texts are Markdown
 * source, written back verbatim on export.
 * Section texts are kept exactly; only leading and trailing blank lines (and
 * lone HTML comment lines there, as MADR templates leave them) are trimmed.
 */
#ifndef CHARRETTE_EXPORT_ADR_IMPORT_H
#define CHARRETTE_EXPORT_ADR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

enum adr_format {
	ADR_FORMAT_NYGARD = 0,   /* adr-tools and other plain Nygard records */
	ADR_FORMAT_MADR2,        /* bullet metadata under the title */
	ADR_FORMAT_MADR3,        /* front matter with `deciders` (or none) */
	ADR_FORMAT_MADR4         /* front matter with `decision-makers` */
};

/*
 * Problems found while reading, each with its place (file:line, and a column
 * where there is one).  code is ST_INPUT for a file that was skipped and
 * ST_OK for a warning about a record that was still imported.
 */
struct adr_msgs {
	struct error *v;
	size_t n;
};

void adr_msgs_clear(struct adr_msgs *m);

/* A link to another record as written in it, before it is resolved. */
struct adr_link {
	char *relation;      /* "Amends", "Amended by", ... as written; NULL
				for a supersede link */
	bool superseded_by;  /* "Superseded by" (else "Supersedes"); only
				when relation is NULL */
	int number;          /* from the target's file name or the link text;
				0 when neither has one */
	char *target;        /* base name of the link target ("0001-x.md"),
				NULL when the link has none */
	char *text;          /* the line as written (other links only): put
				back into the rationale when the link cannot
				be resolved */
	int line;            /* where it was written */
};

/* One parsed file. */
struct adr_record {
	char *path;            /* as given to adr_parse */
	int file_number;       /* number in the file name, 0 when none */
	int title_number;      /* number in the title ("# 3. X"), 0 when none */
	char file_date[11];    /* "YYYY-MM-DD" of a date-named file, else "" */
	enum adr_format format;
	/* number = file_number, else title_number, else 0 (assigned by
	 * adr_import_dir).  supersedes / superseded_by are filled from the
	 * links whose number is known. */
	struct decision d;
	struct adr_link *links;
	size_t n_links;
};

void adr_record_clear(struct adr_record *r);

/*
 * Parse one record.  path names the file in messages and gives the number
 * or date of its name (only its base name is looked at); text need not be
 * NUL-terminated.  Returns ST_OK (warnings appended to *msgs, which may be
 * NULL), ST_INPUT with a located *e when the file cannot be read as a record
 * (empty, binary, invalid UTF-8, no title line, unclosed front matter), or
 * ST_ERROR when out of memory.  *out must be zeroed; it is left cleared on
 * failure.
 */
int adr_parse(const char *path, const char *text, size_t len,
	      struct adr_record *out, struct adr_msgs *msgs, struct error *e);

/* Where one imported decision came from. */
struct adr_origin {
	char *file;            /* path of the file */
	int file_number;       /* number in its name (0 for a date-named one) */
	int number;            /* number it was given */
};

struct adr_import_report {
	size_t n_files;        /* candidate files (*.md but README, index,
				  template) */
	size_t n_imported;
	size_t n_skipped;
	size_t n_renumbered;   /* duplicate numbers moved to a free number */
	size_t n_assigned;     /* unnumbered (date-named) files numbered */
	int first_assigned;    /* numbers given to them, when n_assigned */
	int last_assigned;
	struct adr_msgs msgs;  /* skips and warnings, in file order */
	struct adr_origin *origins;   /* one per imported decision, in the
					 order they were appended */
	size_t n_origins;
};

void adr_import_report_clear(struct adr_import_report *rep);

/*
 * Read every record of the folder dir (not its subfolders) and append them
 * to into->decisions, ordered by number.  Numbers are the folder's own;
 * duplicate numbers are kept apart (the second file gets the next free
 * number, with a warning naming both files) and supersede links are
 * resolved by target file name first, so they follow a renumbering.
 * Returns ST_OK when at least one record was imported (files that could not
 * be read are counted and reported in rep->msgs), ST_INPUT when dir is not a
 * readable folder or nothing could be imported, ST_ERROR on a runtime
 * failure.  *rep must be zeroed (or cleared) before the call.
 */
int adr_import_dir(const char *dir, struct workshop_data *into,
		   struct adr_import_report *rep, struct error *e);

/*
 * Move the supersede links and other links of d[0..n) from old numbers to
 * new ones (pairs old_num[i] -> new_num[i]), as needed when the store gives
 * the decisions new numbers.  Links to a number outside the map are
 * dropped; returns how many were (SIZE_MAX when out of memory).
 */
size_t adr_renumber_links(struct decision *d, size_t n, const int *old_num,
			  const int *new_num, size_t n_map);

/* The workshop title for a folder: "ADRs from doc/adr". New string. */
char *adr_import_title(const char *dir);

#endif

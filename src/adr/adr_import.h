/*
 * adr_import: reading an existing folder of Architecture Decision Records
 * into `struct decision`s, and where in each file every field was found,
 * so that an export can write an unchanged record back byte for byte and a
 * changed one with only its changed parts replaced (adr_patch.h).
 *
 * Formats understood (detected per file, and mixed within one):
 *   adr-tools / Nygard  "# 3. Title", "Date: ...", "## Status" holding the
 *                       status word and link lines ("Supersedes [1. X](0001-x.md)",
 *                       adr-tools' own "Supercedes" and "Superceded by").
 *   MADR 2, log4brains  "# Title" and bullet metadata ("* Status: accepted",
 *                       "- Deciders: a, b", "* Date: 2024-01-31").
 *   MADR 3 / MADR 4     YAML front matter: status, date, deciders (MADR 3) or
 *                       decision-makers (MADR 4), consulted, informed.
 *   NATS                a metadata table under the title ("| Status | Approved |").
 *   Brighter            front matter (title, status, created) over a Nygard
 *                       body: the same status and title in both places.
 * File names: "NNNN-slug.md", "adr-NNN-slug.md", "ADR-12.md" carry the
 * number; "YYYYMMDD-slug.md" and "YYYY-MM-DD-slug.md" carry a date and no
 * number.  "template.md", "*-template.md" and a 0000 file whose title is a
 * placeholder are templates, not records; README.md and index.md are not
 * records either.
 *
 * Where the text goes:
 *   Context / Context and Problem Statement        -> context
 *   Decision / Decision Outcome                    -> decision (its
 *       "### ... Consequences" subsections are taken out as consequences)
 *   Consequences: Positive / Negative / Risks subsections, or "Good,
 *       because" / "Bad, because" items -> positive / negative / risks;
 *       whatever else a Consequences section says (Nygard prose, "Neutral,
 *       because" items, other subsections) -> consequences, as written.
 *       Items are one line each (the store keeps lists as lines): the lines
 *       of an item, nested items included, are joined with a space.
 *   Alternatives / Alternatives Considered / Considered Options -> alternatives
 *   Status words -> status (the category) and status_text (the words as
 *       written, links reduced to their text: "superseded by ADR-0005").
 *   Status (and Links) link lines other than supersede links ("Amends
 *       [2. X](0002-x.md)"), and such lines in a MADR "More Information"
 *       section -> links, once the target is known to be a record of the
 *       folder; a link that cannot be resolved stays as text in the
 *       rationale under "## Links"
 *   Rationale                                      -> rationale (first)
 *   every other section and text before the first section -> rationale,
 *   each under its heading, in file order, so that a reader of the
 *   workshop sees it.  Front matter keys and table rows that are no field
 *   (nav_order, tags, Author) are left to the file.
 * Every imported record is marked `markdown`: its texts are Markdown
 * source.  Dates in a known form (2024-03-05, 05.03.2024, 05/03/2024,
 * 2024/03/05) are read as YYYY-MM-DD; others are kept as written.
 */
#ifndef CHARRETTE_ADR_IMPORT_H
#define CHARRETTE_ADR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/error.h"

enum adr_format {
	ADR_FORMAT_NYGARD = 0,   /* adr-tools and other Nygard records (a
				    Status section, "Date:" lines, a NATS
				    table, Brighter's front matter) */
	ADR_FORMAT_MADR2,        /* bullet metadata under the title */
	ADR_FORMAT_MADR3,        /* front matter with `deciders` (or none) */
	ADR_FORMAT_MADR4         /* front matter with `decision-makers` */
};

/* The fields an export may have to change in a record's file. */
enum adr_field {
	ADR_F_TITLE = 0, ADR_F_STATUS, ADR_F_DATE, ADR_F_DECIDERS,
	ADR_F_CONSULTED, ADR_F_INFORMED, ADR_F_CONTEXT, ADR_F_DECISION,
	ADR_F_RATIONALE, ADR_F_ALTERNATIVES, ADR_F_CONSEQUENCES,
	ADR_F_POSITIVE, ADR_F_NEGATIVE, ADR_F_RISKS, ADR_F_LINKS,
	ADR_F_COUNT
};

/* How a value is written at one place of a file. */
enum adr_how {
	ADR_AT_INLINE = 0,  /* text on a line: "Date: X", a bullet's value */
	ADR_AT_STATUS,      /* the status line of a Status section */
	ADR_AT_YAML,        /* a front matter scalar */
	ADR_AT_YAML_SEQ,    /* a front matter list, [flow] or a block */
	ADR_AT_CELL,        /* a table cell */
	ADR_AT_HEADING,     /* the title in its heading, after any number */
	ADR_AT_BODY,        /* the lines of (part of) a section's body */
	ADR_AT_SECTION,     /* a whole section, heading included */
	ADR_AT_ITEM,        /* one list item, after its marker and prefix */
	ADR_AT_LINK,        /* a link line (the whole line) */
	ADR_AT_KEPT         /* text read from lines that are not one span:
			       shown, never rewritten */
};

/*
 * One place of a field.  [start, end) is the value's bytes in the file;
 * [from, to) its whole lines, line ends included (what removing it
 * removes).  text is the value there as the field has it (a piece of a
 * text field, an item of a list), NULL for the other kinds.
 */
struct adr_at {
	size_t start, end;
	size_t from, to;
	char *text;
	unsigned char how;      /* enum adr_how */
	char quote;             /* ADR_AT_YAML: '"', '\'' or 0 */
	int link;               /* ADR_AT_LINK: index into the record's links */
};

struct adr_places {
	struct adr_at *v;
	size_t n;
	/* Where a value goes when the field has no place yet (a byte
	 * offset), and the section heading it would get. */
	size_t insert;
};

/* A level-2 heading: where it is and which field's section it is
 * (ADR_F_COUNT for others), for putting new sections in order. */
struct adr_head {
	size_t off;
	size_t end;            /* where the section ends */
	int field;
};

/*
 * Problems found while reading, each with its place (file:line, and a column
 * where there is one).  code is ST_INPUT for a file that was skipped and
 * ST_OK for a warning about a record that was still imported.
 */
struct adr_msgs {
	struct error *v;
	size_t n, cap;
};

void adr_msgs_clear(struct adr_msgs *m);

/* A link to another record as written in it, before it is resolved. */
struct adr_link {
	char *relation;      /* "Amends", "Amended by", ... as written; NULL
				for a supersede link */
	bool in_status;      /* written as the status ("Superseded by [..]"
				on the status line), not on a line of its own */
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
	/* Where each field is in the file (see adr_patch.h). */
	struct adr_places at[ADR_F_COUNT];
	struct adr_head *heads;
	size_t n_heads;
	size_t title_end;      /* after the title line */
	size_t meta_end;       /* after the metadata under the title (as
				  bullets, lines or a table), else title_end */
	size_t fm_start, fm_end;   /* the front matter's inside: after the
				      opening '---' line, at the closing one;
				      0, 0 without one */
	char meta_style;       /* 'b' bullets, 'l' "Key: value" lines, 't' a
				  table, 0 none */
	char bullet;           /* the list marker the file uses first */
	bool crlf;             /* the file's lines end in "\r\n" */
	int date_form;         /* enum adr_date_form of its date, -1 none */
	bool status_lower;     /* its status word is written in lower case */
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
	size_t n_templates;    /* 0000 files with a placeholder title */
	size_t n_renumbered;   /* files whose number another file has too:
				  their names stay, the workshop gives them
				  the next free numbers */
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

/* The number or the date in a file name: "0004-x.md", "adr-0004-x.md",
 * "ADR-4.md", "20240312-x.md", "2024-03-12-x.md" (0 / "" for none). */
void adr_name_info(const char *base, int *number, char date[11]);

/* The workshop title for a folder: "ADRs from doc/adr". New string. */
char *adr_import_title(const char *dir);

#endif

/*
 * adr_import_int: what the files of src/adr share and nobody else: the
 * lines of a file and their headings, small text helpers, and the state of
 * one file being parsed.
 */
#ifndef CHARRETTE_ADR_IMPORT_INT_H
#define CHARRETTE_ADR_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adr/adr_import.h"
#include "util/str.h"

/* Nobody writes a 16 MiB decision record; such a file is something else. */
#define ADR_MAX_FILE (16u << 20)

/* Append a copy of *e (m may be NULL: then nothing is kept). */
int adr_msgs_push(struct adr_msgs *m, const struct error *e);
/* Append a warning (code ST_OK) about file:line. */
int adr_warnf(struct adr_msgs *m, const char *file, int line,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- text ------------------------------------------------------------- */

/* One line of a file: its bytes without the line end, where it starts in
 * the file and where the next line starts (after "\n", "\r\n" or "\r"). */
struct line {
	const char *s;
	size_t len;
	size_t off;
	size_t next;
};

bool adr_blank_char(char c);
void adr_trim(const char **s, size_t *len);
/* Drop a trailing "<!-- ... -->" (MADR templates mark optional parts so). */
void adr_strip_comment(const char *s, size_t *len);
bool adr_ieq(const char *s, size_t n, const char *word);
bool adr_istarts(const char *s, size_t n, const char *prefix);
bool adr_icontains(const char *s, size_t n, const char *word);
bool adr_line_blank(const struct line *l);
/* A line that is only an HTML comment, as MADR templates leave them. */
bool adr_line_comment(const struct line *l);
bool adr_line_ignorable(const struct line *l);
/* Leading digits as a number (at most 9 digits); 0 when there are none. */
int adr_number_at(const char *s, size_t n, size_t *used);
/* Fence opener/closer: up to 3 spaces, then 3+ backticks or tildes. */
char adr_fence(const struct line *l, size_t *count);
/* ATX heading: level 1..6 and its text (closing #s and comments cut). */
int adr_heading(const struct line *l, const char **text, size_t *tlen);
/* Skip a list marker ("* ", "- ", "+ ", "1. ") and the blanks around it;
 * *bullet tells whether there was one, *marker is it ('*', '-', '+', '.'). */
size_t adr_skip_bullet(const char *s, size_t n, bool *bullet, char *marker);
/* "Kind words [text](target)" alone on a line (a list marker allowed). */
bool adr_link_line(const struct line *l, const char **kind, size_t *klen,
		   const char **text, size_t *tlen, const char **target,
		   size_t *glen);
/* A link target outside the folder ("https://...", "mailto:x"). */
bool adr_external(const char *g, size_t gn);
/* A file that may be a record: "*.md" but no index (README.md, index.md,
 * backlog.md) and no template. */
bool adr_record_name(const char *name);
/* A template rather than a record: "template.md", "adr-template.md",
 * "0000-template.md"; a 0000 file is one only when its title is a
 * placeholder ("[short title ...]", "{title}", "Title"), see adr_parse. */
bool adr_template_name(const char *base);
bool adr_placeholder_title(const char *t, size_t n);

/* A file name as a link destination: plain where it can be, else
 * percent-encoded. */
void adr_link_target(struct buf *out, const char *file);

/* ---- dates ------------------------------------------------------------ */

/* s[0..n) is a plausible YYYY-MM-DD date. */
bool adr_valid_date(const char *s, size_t n);
/* The forms of dates in files. */
enum adr_date_form {
	ADR_DATE_ISO = 0,       /* 2024-03-05 */
	ADR_DATE_DOTTED,        /* 05.03.2024 */
	ADR_DATE_SLASH_DMY,     /* 05/03/2024 (log4brains reads this one) */
	ADR_DATE_SLASH_YMD,     /* 2024/03/05 */
	ADR_DATE_OTHER          /* anything else: kept as written */
};
/* Read a date as written: *iso gets YYYY-MM-DD when the form is known. */
enum adr_date_form adr_date_read(const char *s, size_t n, char iso[11]);
/* Write YYYY-MM-DD in a form (ISO for ADR_DATE_OTHER). */
void adr_date_write(struct buf *out, const char *iso, enum adr_date_form f);

/* ---- status ----------------------------------------------------------- */

/* The words "Superseded by", "Superceded by" (adr-tools' spelling). */
bool adr_kind_superseded_by(const char *k, size_t n);
bool adr_kind_supersedes(const char *k, size_t n);

/* ---- one file being parsed (adr_parse.c, adr_meta.c) ----------------- */

struct doc {
	const char *path;
	const char *text;       /* the file as given (offsets are into it) */
	size_t len;
	struct line *ln;
	size_t n;
	unsigned char *hl;      /* heading level of each line, 0 = none
				   (always 0 inside fenced code) */
	bool *taken;            /* line already went into a field */
	struct adr_record *r;
	struct adr_msgs *msgs;
	struct buf rat_own;     /* text of a "Rationale" section */
	struct buf rat;         /* everything kept for want of a field */
	struct buf cons;        /* consequences not sorted into kinds */
	struct adr_places own;  /* the place of rat_own (at most one) */
	bool have_status;
	bool have_date;
	bool meta_bullets;      /* "* Status: ..." lines (MADR 2) */
	bool front_matter;
	bool decision_makers;   /* MADR 4 key seen */
	bool nygard;            /* a Status section, "Date:" line, "# N." */
	char *fm_title;         /* title: in the front matter */
	int fm_title_line;
};

/* Which metadata a key names ("Status", "decision-makers", "Date"...):
 * a field, or ADR_F_COUNT for none; *created for Brighter's "created". */
int adr_meta_key(const char *k, size_t n, bool *created);
/* A value for metadata field f found at [off, off + n) of the file, on
 * line `line` (1-based), written `how` (quote: YAML's quote or 0). */
int adr_meta_apply(struct doc *d, int f, const char *v, size_t n, size_t off,
		   int line, unsigned char how, char quote);
/* The status found at [off, off + n) ("Accepted", "superseded by
 * [ADR-0005](0005-x.md)"), written `how`. */
int adr_status_text(struct doc *d, const char *s, size_t n, size_t off,
		    int line, unsigned char how, char quote);
/* "Date: x", "* Status: y", "**Deciders:** z", "| Status | y |": the
 * field, its value (pointers into the line) and how it is written;
 * ADR_F_COUNT for other lines. */
int adr_meta_line(const struct line *l, bool *bullet, bool *cell,
		  const char **val, size_t *vlen, bool *created);
/* Front matter in lines [from, to). */
int adr_front_matter(struct doc *d, size_t from, size_t to);
/* Add a link as written (by: "superseded by"); target may be NULL. */
int adr_add_link(struct doc *d, bool by, const char *text, size_t tlen,
		 const char *target, size_t glen, int line);
/* Append a place to a field (the text is copied; may be NULL). */
int adr_place(struct adr_places *p, unsigned char how, size_t start,
	      size_t end, size_t from, size_t to, const char *text,
	      size_t tlen);
/* One list item, trimmed, on one line, into sv. */
int adr_push_item(struct strv *sv, const char *s, size_t n);
/* Line index holding byte offset off. */
size_t adr_line_at(const struct doc *d, size_t off);

/* ---- sections (adr_parse.c reads, adr_sections.c sorts) ---------------- */

/* Lines [from, to) went into a field. */
void adr_take(struct doc *d, size_t from, size_t to);
/*
 * The untaken text of [from, to) into a text field (field < 0: the
 * Rationale section's own text): each run of untaken lines a piece (a
 * BODY place), their texts joined by a blank line onto *value.  With head
 * (a heading line, else SIZE_MAX) the heading comes first, a piece of its
 * own, written with `level` #s and name.
 */
int adr_pieces(struct doc *d, int field, size_t head, int level,
	       const char *name, size_t nlen, size_t from, size_t to,
	       struct buf *value);
/* A text field from [from, to): *field gets it (NULL when empty). */
int adr_field_text(struct doc *d, int f, size_t from, size_t to,
		   char **field);
/* Keep what is left of [from, to) in the rationale, under the heading at
 * line head (SIZE_MAX: none). */
int adr_keep_rest(struct doc *d, size_t head, size_t from, size_t to);
/* What is left of a Status section, under `name`, never rewritten. */
int adr_keep_status_rest(struct doc *d, const char *name, size_t from,
			 size_t to);
/* Shallowest heading level inside [from, to) (0: none), and the end of
 * the subsection whose heading is at `head`. */
int adr_sub_level(const struct doc *d, size_t from, size_t to);
size_t adr_sub_end(const struct doc *d, size_t head, size_t to, int lvl);
/* The section whose heading is at line head, up to line to. */
int adr_section(struct doc *d, size_t head, size_t to);

#endif

/*
 * md: the Markdown primitives every writer needs: escaping user-typed text
 * for running text, headings and table cells; tables; Mermaid labels;
 * Markdown source written as it is; file name slugs and the YAML quoting
 * of front matter.  Every function appends to a struct buf and accepts NULL
 * text (as empty).  Out-of-memory is recorded in the buffer's sticky `oom`
 * flag, which the callers check once at the end.  This header depends on
 * nothing but util/str.h.
 *
 * Escaping is minimal and correct: text reads as typed ("->", "&", "~",
 * "99.95%" stay as they are) and only what would change the meaning at
 * its place gets a backslash: a line start that would open a block ("# ",
 * "- ", "1. ", "> ", a fence, a rule, a table delimiter row, an HTML
 * block), "|" in a table cell, a character that occurs in two runs or more
 * and so could pair up as emphasis, code, strikethrough or math ("*", "_"
 * outside words, "`", "~", "$"), brackets that could form a link, "<" that
 * could open a tag, "&" that would start an entity, a backslash before
 * punctuation, bare URLs (as autolinks) and "www." and e-mail addresses
 * that GFM would link by itself.
 */
#ifndef CHARRETTE_EXPORT_MD_H
#define CHARRETTE_EXPORT_MD_H

#include <stddef.h>

#include "util/str.h"

/*
 * Inline text on one line: what could turn into emphasis, code, links or
 * HTML is escaped, bare URLs become autolinks, line breaks become spaces.
 * Nothing is done about the start of the line: use md_text() or
 * md_heading() where the text starts a line.
 */
void md_inline(struct buf *out, const char *s);

/*
 * Running text that may span lines: paragraphs are kept (runs of blank lines
 * collapse to one), lines inside a paragraph end in a hard break, and a line
 * start that would become structure ("# ", "- ", "1. ", "===") is escaped.
 * Continuation lines are prefixed with `indent` (for list items), and when
 * `one_para` is set blank lines do not start a new paragraph.  Nothing is
 * written for empty text; no final newline is written.
 */
void md_text(struct buf *out, const char *s, const char *indent,
	     int one_para);

/* A whole paragraph followed by a blank line, or `fallback` (plain text we
 * wrote ourselves) when s is empty. */
void md_para(struct buf *out, const char *s, const char *fallback);

/* "## Title" on one line and a blank line after; text is escaped. */
void md_heading(struct buf *out, int level, const char *text);

/* "- item" for one user-typed item (multi-line items stay in the item). */
void md_item(struct buf *out, const char *bullet, const char *s);

/* The text of one table cell: inline escaping, "|" as "\|", the lines of
 * the text joined with spaces (a cell is one line; no HTML). */
void md_cell(struct buf *out, const char *s);

/* One cell of a table row: " text |" (" |" when empty), after the "|"
 * that starts the row or ends the previous cell. */
void md_table_cell(struct buf *out, const char *s);

/* One cell holding a list of user-typed items: the items that are not
 * blank, joined with "; " (" |" when there are none). */
void md_table_list(struct buf *out, const struct strv *sv);

/*
 * Markdown source written as it is (the text of an imported record, which
 * is Markdown already, not typed text to escape).  Line ends become "\n",
 * leading and trailing blank lines are dropped, continuation lines get
 * `indent` (for list items), and a code fence or HTML comment left open is
 * closed, so that the rest of the document keeps its structure.  Nothing
 * is written for empty text; no final newline is written.
 */
void md_source(struct buf *out, const char *s, const char *indent);

/* md_source() as a block followed by a blank line, or `fallback` (plain
 * text we wrote ourselves) when s is empty. */
void md_source_para(struct buf *out, const char *s, const char *fallback);

/* "## Title" with the text as written (Markdown source, on one line). */
void md_heading_source(struct buf *out, int level, const char *text);

/* Inline Markdown source on one line (a title): line breaks as spaces;
 * in a table cell (cell != 0) "|" is escaped as "\|". */
void md_inline_source(struct buf *out, const char *s, int cell);

/* Where the first level-2 section ("## Notes" at the start of a line,
 * outside code fences) of Markdown source starts: its byte offset, or
 * strlen(s) when there is none (0 for NULL). */
size_t md_source_sections(const char *s);

/* End a document with exactly one newline (markdownlint MD012, MD047). */
void md_end(struct buf *out);

/* A table header and its delimiter row; `align` has one char per column:
 * 'l', 'r' or 'c' (NULL = all left). */
void md_table_head(struct buf *out, const char *const *cols, size_t n,
		   const char *align);

/* A label for a Mermaid node, quoted, with characters that Mermaid would
 * read as syntax written as its #NN; entities. */
void md_mermaid_label(struct buf *out, const char *s);

/* A string of a Mermaid chart (xychart-beta, quadrantChart), quoted: their
 * grammars allow no quote inside and read a leading backtick as Markdown,
 * so both become apostrophes; line breaks and controls become spaces. */
void md_mermaid_string(struct buf *out, const char *s);

/* A YAML double-quoted scalar (front matter). */
void md_yaml_quoted(struct buf *out, const char *s);

/*
 * A file name slug: lower-case [a-z0-9-], common accented Latin letters
 * transliterated, runs of anything else as one dash, trimmed, at most
 * MD_SLUG_MAX bytes cut at a dash.  When nothing usable remains the slug
 * is "<fallback>-<n>" ("decision-3").  New string, NULL on OOM.
 */
#define MD_SLUG_MAX 60
char *md_slug(const char *title, const char *fallback, int n);

#endif

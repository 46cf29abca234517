/*
 * safetext: stored text made harmless for a terminal.  On a shared box
 * anyone in the workshop group can write the database, so a title, a risk
 * or an answer may hold an escape sequence (ESC ] 0 ; ... BEL sets a
 * window title, ESC [ 2 J clears the screen, OSC 52 writes the clipboard)
 * or a bidirectional override that makes text read differently from what
 * it is.  Every place that shows stored text — the terminal app's drawing
 * and every command-line verb — asks this module which code points are
 * harmful and shows each of them as '?', the same mark in both.
 */
#ifndef CHARRETTE_UTIL_SAFETEXT_H
#define CHARRETTE_UTIL_SAFETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct buf;

/* What a harmful code point is shown as. */
#define SAFE_MARK '?'

/*
 * True for the code points that must never reach a terminal raw: C0
 * controls (tab and line feed included: callers decide where those are
 * allowed), DEL, C1 controls, and the bidirectional formatting characters
 * (ALM U+061C, LRM/RLM U+200E-U+200F, embeddings and overrides
 * U+202A-U+202E, isolates U+2066-U+2069).
 */
bool safe_cp_harmful(uint32_t cp);

enum safe_flags {
	SAFE_KEEP_NL = 1 << 0,   /* keep line feeds (CR LF becomes LF) */
	SAFE_KEEP_TAB = 1 << 1,  /* keep tabs */
};

/*
 * Append s[0..len) to b with every harmful code point shown as SAFE_MARK.
 * A line feed, tab or carriage return that the flags do not keep becomes a
 * space (as the app shows a line break in one-line text); invalid UTF-8
 * becomes U+FFFD.  Text without anything to change is appended as is.
 */
void safe_append(struct buf *b, const char *s, size_t len, int flags);
/* The same as a new string (NULL only when out of memory; s NULL = ""). */
char *safe_text(const char *s, int flags);
/* True when safe_append would append s[0..len) unchanged. */
bool safe_is_clean(const char *s, size_t len, int flags);
/* Write s[0..len) made safe to f; returns 0, or EOF on a write error. */
int safe_fwrite(const char *s, size_t len, int flags, FILE *f);
/* safe_fwrite of a string (NULL writes nothing). */
int safe_fputs(const char *s, int flags, FILE *f);

#endif

/*
 * utf8: validation, decoding and display width of UTF-8 text.  Widths come
 * from wcwidth(), so callers must have called setlocale() for a UTF-8 locale.
 */
#ifndef CHARRETTE_UTIL_UTF8_H
#define CHARRETTE_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is valid UTF-8; else *bad gets the offending offset. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* Decode one code point at s (at most len bytes); returns its byte length,
 * or 0 on invalid input (then *cp = U+FFFD). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes at most); returns the length. */
size_t utf8_encode(uint32_t cp, char out[4]);
/* True when s (valid UTF-8) holds no control character: nothing below
 * U+0020, no DEL, no C1 control (U+0080-U+009F), so it prints as one line
 * and sends nothing to the terminal; else *bad gets the byte offset. */
bool utf8_one_line(const char *s, size_t *bad);
/* Terminal columns taken by one code point (0 for combining, 2 for wide;
 * control characters and bidirectional controls count 1 as they are shown
 * as a replacement, see util/safetext.h). */
int utf8_cp_width(uint32_t cp);
/* Columns taken by a string. */
int utf8_width(const char *s);
/* Byte length of the longest prefix of s that fits in `cols` columns. */
size_t utf8_fit(const char *s, int cols, int *used);
/* Byte offset of the previous / next code point boundary. */
size_t utf8_prev(const char *s, size_t off);
size_t utf8_next(const char *s, size_t len, size_t off);
/* Copy of s with invalid sequences replaced by U+FFFD. */
char *utf8_sanitize(const char *s);

/*
 * Grapheme clusters: what a reader takes for one character, so what the
 * cursor steps over and backspace deletes.  A simplified UAX #29 that
 * covers what people type: a base with its combining marks and variation
 * selectors (every code point the C library gives no width joins the one
 * before), emoji modifiers, emoji joined by ZWJ, regional-indicator pairs
 * (flags), CR LF.  A control character or an invalid byte is a cluster of
 * its own.
 */
/* End of the cluster that starts at off (s holds len bytes). */
size_t utf8_cluster_next(const char *s, size_t len, size_t off);
/* Start of the cluster that ends at off (0 at the start). */
size_t utf8_cluster_prev(const char *s, size_t off);
/* Columns of the cluster s[0..n): the base's wcwidth (combining marks add
 * nothing), 2 for emoji presentation (a flag, a ZWJ sequence, an emoji
 * modifier, VS16), 1 for a control character shown as a replacement. */
int utf8_cluster_width(const char *s, size_t n);
/* Columns of s[a..b) counted by cluster. */
int utf8_cluster_span(const char *s, size_t a, size_t b);

struct buf;
/*
 * Append to b what to draw for the cluster s[0..n) so that the curses
 * library and every terminal give it utf8_cluster_width() columns.
 * Terminals disagree on emoji sequences (tmux 3.3a draws a ZWJ sequence
 * in 2 columns, a skin-tone modifier in 4 and a heart with VS16 in 1;
 * curses counts 4, 4 and 1), so such a cluster is shown by its base
 * alone, padded with a space when the base is narrow.  Anything else is
 * appended as it is.  The text itself is never changed.
 */
void utf8_cluster_shown(struct buf *b, const char *s, size_t n);

#endif

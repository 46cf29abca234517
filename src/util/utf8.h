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

#endif

/* utf8: a strict decoder (no overlongs, no surrogates) and widths. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/safetext.h"
#include "util/str.h"
#include "util/utf8.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		n = 2;
		c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3;
		c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (n == 0) {
			if (bad)
				*bad = off;
			return false;
		}
		off += n;
	}
	return true;
}

bool utf8_one_line(const char *s, size_t *bad)
{
	size_t len = strlen(s), off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (n == 0) {
			n = 1;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			if (bad)
				*bad = off;
			return false;
		}
		off += n;
	}
	return true;
}

int utf8_cp_width(uint32_t cp)
{
	int w;

	/* Shown as one '?' (util/safetext), whatever wcwidth says. */
	if (safe_cp_harmful(cp))
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		/* Unknown to the C library: treat East Asian and emoji blocks
		 * as wide so columns never overlap, the rest as narrow. */
		if ((cp >= 0x1100 && cp <= 0x115F) ||
		    (cp >= 0x2E80 && cp <= 0xA4CF) ||
		    (cp >= 0xAC00 && cp <= 0xD7A3) ||
		    (cp >= 0xF900 && cp <= 0xFAFF) ||
		    (cp >= 0xFE30 && cp <= 0xFE4F) ||
		    (cp >= 0xFF00 && cp <= 0xFF60) ||
		    (cp >= 0xFFE0 && cp <= 0xFFE6) ||
		    (cp >= 0x1F300 && cp <= 0x1FAFF) ||
		    (cp >= 0x20000 && cp <= 0x3FFFD))
			return 2;
		return 1;
	}
	return w;
}

int utf8_width(const char *s)
{
	size_t len = strlen(s), off = 0;
	int cols = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		cols += utf8_cp_width(cp);
		off += n ? n : 1;
	}
	return cols;
}

size_t utf8_fit(const char *s, int cols, int *used)
{
	size_t len = strlen(s), off = 0;
	int w = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);
		int cw = utf8_cp_width(cp);

		if (w + cw > cols)
			break;
		w += cw;
		off += n ? n : 1;
	}
	if (used)
		*used = w;
	return off;
}

size_t utf8_prev(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

size_t utf8_next(const char *s, size_t len, size_t off)
{
	uint32_t cp;
	size_t n;

	if (off >= len)
		return len;
	n = utf8_decode(s + off, len - off, &cp);
	return off + (n ? n : 1);
}

char *utf8_sanitize(const char *s)
{
	struct buf b;
	size_t len = strlen(s), off = 0;

	buf_init(&b);
	buf_puts(&b, "");
	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (n == 0) {
			buf_add(&b, "\xEF\xBF\xBD", 3);
			off++;
		} else {
			buf_add(&b, s + off, n);
			off += n;
		}
	}
	return buf_detach(&b);
}

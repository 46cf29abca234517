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

/* ---- grapheme clusters ------------------------------------------------- */
static bool is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

static bool is_ri(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static bool is_modifier(uint32_t c)
{
	return c >= 0x1F3FB && c <= 0x1F3FF;
}

/* Extended_Pictographic, by the blocks that hold it (close enough for
 * joining emoji; the exact table is long and changes every year). */
static bool is_pict(uint32_t c)
{
	if (c < 0xA9)
		return false;
	if (c >= 0x1F000 && c <= 0x1FFFD)
		return !is_ri(c) && !is_modifier(c);
	return c == 0xA9 || c == 0xAE || c == 0x203C || c == 0x2049 ||
	       c == 0x2122 || c == 0x2139 || (c >= 0x2194 && c <= 0x21AA) ||
	       (c >= 0x231A && c <= 0x23FF) || c == 0x24C2 ||
	       (c >= 0x25AA && c <= 0x25FE) || (c >= 0x2600 && c <= 0x27BF) ||
	       c == 0x2934 || c == 0x2935 || (c >= 0x2B05 && c <= 0x2B55) ||
	       c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

static bool is_keycap_base(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '#' || c == '*';
}

/* Joins the cluster before it (GB9): combining marks, ZWJ, variation
 * selectors, emoji modifiers, tags, and whatever else has no width. */
static bool is_extend(uint32_t c)
{
	if (is_control(c))
		return false;
	if (c == 0x200D || is_modifier(c) || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF))
		return true;
	return wcwidth((wchar_t)c) == 0;
}

size_t utf8_cluster_next(const char *s, size_t len, size_t off)
{
	uint32_t c, d;
	size_t n, p;
	bool ri, pict, zwj = false;

	if (off >= len)
		return len;
	n = utf8_decode(s + off, len - off, &c);
	if (n == 0)
		return off + 1;
	p = off + n;
	if (c == '\r')
		return p < len && s[p] == '\n' ? p + 1 : p;
	if (is_control(c))
		return p;
	ri = is_ri(c);
	pict = is_pict(c);
	while (p < len && (n = utf8_decode(s + p, len - p, &d)) > 0) {
		if (is_extend(d)) {
			zwj = d == 0x200D;
		} else if (zwj && pict && is_pict(d)) {
			zwj = false;            /* GB11: emoji ZWJ emoji */
		} else if (ri && is_ri(d)) {
			ri = false;             /* GB12: a pair, not three */
		} else {
			break;
		}
		p += n;
	}
	return p;
}

size_t utf8_cluster_prev(const char *s, size_t off)
{
	size_t q, p, n;

	if (off == 0)
		return 0;
	/* Every ASCII character but LF after CR starts a cluster: walk
	 * forward from the nearest one instead of from the text's start. */
	q = off - 1;
	while (q > 0 && (unsigned char)s[q] >= 0x80)
		q--;
	if (q > 0 && s[q] == '\n' && s[q - 1] == '\r')
		q--;
	for (p = q; (n = utf8_cluster_next(s, off, p)) < off; p = n)
		;
	return p;
}

/* What the cluster is, for its width and its look. */
struct cluster_info {
	uint32_t base;
	int sum;          /* columns counted code point by code point */
	bool emoji;       /* emoji presentation: 2 columns */
	bool flag;        /* a regional-indicator pair */
	bool valid;
};

static void cluster_info(const char *s, size_t n, struct cluster_info *ci)
{
	size_t off, k;
	uint32_t d;

	memset(ci, 0, sizeof(*ci));
	k = utf8_decode(s, n, &ci->base);
	if (k == 0) {
		ci->sum = 1;
		return;
	}
	ci->valid = true;
	ci->sum = utf8_cp_width(ci->base);
	for (off = k; off < n && (k = utf8_decode(s + off, n - off, &d)) > 0;
	     off += k) {
		ci->sum += utf8_cp_width(d);
		if (is_modifier(d) || is_pict(d))
			ci->emoji = true;
		else if (d == 0xFE0F && (is_pict(ci->base) ||
					 is_keycap_base(ci->base)))
			ci->emoji = true;
		else if (is_ri(ci->base) && is_ri(d))
			ci->emoji = ci->flag = true;
	}
}

int utf8_cluster_width(const char *s, size_t n)
{
	struct cluster_info ci;

	if (n == 0)
		return 0;
	cluster_info(s, n, &ci);
	return ci.emoji ? 2 : ci.sum;
}

int utf8_cluster_span(const char *s, size_t a, size_t b)
{
	int w = 0;

	while (a < b) {
		size_t e = utf8_cluster_next(s, b, a);

		w += utf8_cluster_width(s + a, e - a);
		a = e;
	}
	return w;
}

void utf8_cluster_shown(struct buf *b, const char *s, size_t n)
{
	struct cluster_info ci;
	char u[4];
	int w;

	if (n == 0)
		return;
	cluster_info(s, n, &ci);
	if (!ci.emoji || ci.flag || ci.sum == 2) {
		/* Curses counts it as we do (a flag is 1 + 1 everywhere). */
		buf_add(b, s, n);
		return;
	}
	w = utf8_cp_width(ci.base);
	if (w > 0 && w <= 2)
		buf_add(b, u, utf8_encode(ci.base, u));
	else
		w = 0;
	for (; w < 2; w++)
		buf_putc(b, ' ');
}

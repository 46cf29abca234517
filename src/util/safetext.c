/* safetext: which code points are harmful, and text with them replaced. */
#include "config.h"

#include <string.h>

#include "util/safetext.h"
#include "util/str.h"
#include "util/utf8.h"

bool safe_cp_harmful(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* What the code point at s (n bytes; 0 = invalid UTF-8) becomes: NULL for
 * itself, else its replacement ("" drops the CR of a kept CR LF). */
static const char *replacement(const char *s, size_t len, size_t n,
			       uint32_t cp, int flags)
{
	if (n == 0)
		return "\xEF\xBF\xBD";
	if (cp == '\n')
		return (flags & SAFE_KEEP_NL) ? NULL : " ";
	if (cp == '\t')
		return (flags & SAFE_KEEP_TAB) ? NULL : " ";
	if (cp == '\r')
		return (flags & SAFE_KEEP_NL) && len > 1 && s[1] == '\n' ? ""
									: " ";
	return safe_cp_harmful(cp) ? "?" : NULL;
}

bool safe_is_clean(const char *s, size_t len, int flags)
{
	size_t off = 0;

	while (off < len) {
		unsigned char c = (unsigned char)s[off];
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7F) {
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (replacement(s + off, len - off, n, cp, flags))
			return false;
		off += n;
	}
	return true;
}

void safe_append(struct buf *b, const char *s, size_t len, int flags)
{
	size_t off = 0, clean = 0;

	while (off < len) {
		unsigned char c = (unsigned char)s[off];
		const char *rep;
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7F) {
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		rep = replacement(s + off, len - off, n, cp, flags);
		if (!rep) {
			off += n;
			continue;
		}
		buf_add(b, s + clean, off - clean);
		buf_puts(b, rep);
		off += n ? n : 1;
		clean = off;
	}
	buf_add(b, s + clean, len - clean);
}

char *safe_text(const char *s, int flags)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	if (s)
		safe_append(&b, s, strlen(s), flags);
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int safe_fwrite(const char *s, size_t len, int flags, FILE *f)
{
	struct buf b;
	int rc = 0;

	if (safe_is_clean(s, len, flags))
		return len && fwrite(s, 1, len, f) != len ? EOF : 0;
	buf_init(&b);
	safe_append(&b, s, len, flags);
	if (b.oom || fwrite(b.data, 1, b.len, f) != b.len)
		rc = EOF;
	buf_free(&b);
	return rc;
}

int safe_fputs(const char *s, int flags, FILE *f)
{
	return s ? safe_fwrite(s, strlen(s), flags, f) : 0;
}

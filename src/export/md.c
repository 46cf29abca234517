#include "config.h"

/*
 * md: escaping of user-typed text for Markdown (GitHub-flavoured, as
 * markdownlint reads it), table rows, Mermaid labels, YAML and CSV quoting,
 * and file name slugs.  The rule for every writer: whatever the user typed
 * must render as typed and must never turn into structure (headings, lists,
 * HTML, links, tables, code).
 */

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "export/md.h"
#include "util/utf8.h"

/* Flags of put_inline(). */
enum {
	IN_CELL = 1 << 0,        /* table cell: "|" and breaks as <br> */
	IN_LINE_START = 1 << 1,  /* the text starts a Markdown line */
	IN_HEADING = 1 << 2,     /* every "#" escaped (closing sequences) */
};

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Characters a URL may hold in an autolink we write. */
static int is_url_char(char c)
{
	return is_alnum(c) || (c && strchr("-._~:/?#@!$&'()*+,;=%", c));
}

/* Length of a bare http(s) URL at s (0 when there is none): the scheme,
 * at least one more character, trailing punctuation left out. */
static size_t url_len(const char *s, size_t len)
{
	size_t n, scheme, open = 0, close = 0;

	if (len > 8 && strncmp(s, "https://", 8) == 0)
		scheme = 8;
	else if (len > 7 && strncmp(s, "http://", 7) == 0)
		scheme = 7;
	else
		return 0;
	n = scheme;
	while (n < len && is_url_char(s[n]))
		n++;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '(')
			open++;
		else if (s[i] == ')')
			close++;
	}
	while (n > 0 && strchr(".,;:!?'*)", s[n - 1])) {
		if (s[n - 1] == ')') {
			if (close <= open)
				break;
			close--;
		}
		n--;
	}
	return n > scheme ? n : 0;
}

/*
 * The heart of the escaping: s[0..len) holds no line break unless IN_CELL
 * (then a break is written as <br>).  Invalid UTF-8 becomes U+FFFD, control
 * characters are dropped, tabs become spaces.
 */
static void put_inline(struct buf *out, const char *s, size_t len, int flags)
{
	size_t i = 0;

	if (flags & IN_LINE_START) {
		/* What would open a block at the start of a line. */
		size_t d = 0;

		while (d < len && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > 0 && d < len && (s[d] == '.' || s[d] == ')')) {
			buf_add(out, s, d);
			buf_putc(out, '\\');
			buf_putc(out, s[d]);
			i = d + 1;
		} else if (len > 0 && strchr("#-+=", s[0])) {
			buf_putc(out, '\\');
			buf_putc(out, s[0]);
			i = 1;
		}
	}
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t u;

		if (c >= 0x80) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, len - i, &cp);

			if (n == 0) {
				buf_puts(out, "\xEF\xBF\xBD");
				i++;
			} else {
				buf_add(out, s + i, n);
				i += n;
			}
			continue;
		}
		if (c == 'h' && (i == 0 || !is_alnum(s[i - 1])) &&
		    (u = url_len(s + i, len - i)) > 0) {
			buf_putc(out, '<');
			buf_add(out, s + i, u);
			buf_putc(out, '>');
			i += u;
			continue;
		}
		/* GFM turns "www.x" and "a@b.c" into links of their own
		 * (markdownlint calls them bare URLs): escape the dot, the
		 * at sign, and they stay text. */
		if ((c == 'w' || c == 'W') && (i == 0 || !is_alnum(s[i - 1])) &&
		    i + 3 < len && strncasecmp(s + i, "www.", 4) == 0) {
			buf_add(out, s + i, 3);
			buf_puts(out, "\\.");
			i += 4;
			continue;
		}
		if (c == '@' && i > 0 && (is_alnum(s[i - 1]) ||
					  strchr(".-_+", s[i - 1]))) {
			buf_puts(out, "\\@");
			i++;
			continue;
		}
		switch (c) {
		case '\n':
			buf_puts(out, (flags & IN_CELL) ? "<br>" : " ");
			break;
		case '\t':
			buf_putc(out, ' ');
			break;
		case '&':
			buf_puts(out, "&amp;");
			break;
		case '<':
			buf_puts(out, "&lt;");
			break;
		case '>':
			buf_puts(out, "&gt;");
			break;
		case '_':
			/* Inside a word an underscore is never emphasis; keep
			 * snake_case readable in the source. */
			if (i > 0 && i + 1 < len && is_alnum(s[i - 1]) &&
			    is_alnum(s[i + 1]))
				buf_putc(out, '_');
			else
				buf_puts(out, "\\_");
			break;
		case '#':
			if (flags & IN_HEADING)
				buf_putc(out, '\\');
			buf_putc(out, '#');
			break;
		case '\\': case '`': case '*': case '[': case ']': case '~':
		case '|': case '$':
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
			break;
		default:
			if (c >= 0x20 && c != 0x7f)
				buf_putc(out, (char)c);
			break;
		}
		i++;
	}
}

/* The next line of s starting at *off: [*start, *end) trimmed of blanks;
 * returns 0 at the end of the text. */
static int next_line(const char *s, size_t *off, size_t *start, size_t *end)
{
	size_t i = *off, a, b;

	if (s[i] == '\0')
		return 0;
	a = i;
	while (s[i] && s[i] != '\n' && s[i] != '\r')
		i++;
	b = i;
	if (s[i] == '\r' && s[i + 1] == '\n')
		i += 2;
	else if (s[i])
		i++;
	while (a < b && (is_space(s[a]) || (unsigned char)s[a] < 0x20))
		a++;
	while (b > a && (is_space(s[b - 1]) || (unsigned char)s[b - 1] < 0x20))
		b--;
	*off = i;
	*start = a;
	*end = b;
	return 1;
}

void md_inline(struct buf *out, const char *s)
{
	size_t off = 0, a, b;
	int first = 1;

	if (!s)
		return;
	while (next_line(s, &off, &a, &b)) {
		if (a == b)
			continue;
		if (!first)
			buf_putc(out, ' ');
		put_inline(out, s + a, b - a, 0);
		first = 0;
	}
}

void md_text(struct buf *out, const char *s, const char *indent,
	     int one_para)
{
	size_t off = 0, a, b;
	int started = 0, blank = 0;

	if (!s)
		return;
	while (next_line(s, &off, &a, &b)) {
		if (a == b) {
			blank = started;
			continue;
		}
		if (started) {
			/* A line break typed inside a paragraph stays a
			 * soft break: the text reflows as Markdown does,
			 * and the file reads like prose, not "\"-ends. */
			if (blank && !one_para)
				buf_puts(out, "\n\n");
			else
				buf_puts(out, "\n");
			buf_puts(out, indent ? indent : "");
		}
		put_inline(out, s + a, b - a, IN_LINE_START);
		started = 1;
		blank = 0;
	}
}

static int has_text(const char *s)
{
	if (!s)
		return 0;
	for (; *s; s++)
		if (!is_space(*s) && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

void md_para(struct buf *out, const char *s, const char *fallback)
{
	if (has_text(s))
		md_text(out, s, NULL, 0);
	else
		buf_puts(out, fallback);
	buf_puts(out, "\n\n");
}

void md_heading(struct buf *out, int level, const char *text)
{
	size_t off = 0, a, b;
	int first = 1;

	for (int i = 0; i < level; i++)
		buf_putc(out, '#');
	buf_putc(out, ' ');
	if (text) {
		while (next_line(text, &off, &a, &b)) {
			if (a == b)
				continue;
			if (!first)
				buf_putc(out, ' ');
			put_inline(out, text + a, b - a, IN_HEADING);
			first = 0;
		}
	}
	buf_puts(out, "\n\n");
}

void md_item(struct buf *out, const char *bullet, const char *s)
{
	size_t blen = strlen(bullet);
	char indent[16];

	/* Continuation lines line up with the item's text. */
	if (blen + 1 >= sizeof(indent))
		blen = sizeof(indent) - 2;
	memset(indent, ' ', blen + 1);
	indent[blen + 1] = '\0';
	buf_puts(out, bullet);
	buf_putc(out, ' ');
	md_text(out, s, indent, 1);
	buf_putc(out, '\n');
}

void md_cell(struct buf *out, const char *s)
{
	size_t off = 0, a, b;
	int first = 1;

	if (!s)
		return;
	while (next_line(s, &off, &a, &b)) {
		if (!first)
			buf_puts(out, "<br>");
		put_inline(out, s + a, b - a, IN_CELL);
		first = 0;
	}
	/* A cell of blank lines only would end in <br>s: drop them. */
	while (out->len >= 4 && strcmp(out->data + out->len - 4, "<br>") == 0) {
		out->len -= 4;
		out->data[out->len] = '\0';
	}
}

void md_table_cell(struct buf *out, const char *s)
{
	size_t before;

	buf_putc(out, ' ');
	before = out->len;
	md_cell(out, s);
	/* An empty cell is "| |": markdownlint's MD060 counts the blanks. */
	if (out->len == before)
		buf_puts(out, "|");
	else
		buf_puts(out, " |");
}

void md_table_head(struct buf *out, const char *const *cols, size_t n,
		   const char *align)
{
	buf_putc(out, '|');
	for (size_t i = 0; i < n; i++)
		md_table_cell(out, cols[i]);
	buf_puts(out, "\n|");
	for (size_t i = 0; i < n; i++) {
		char a = align ? align[i] : 'l';

		buf_puts(out, a == 'r' ? " ---: |" : a == 'c' ? " :---: |" :
			 " --- |");
	}
	buf_putc(out, '\n');
}

void md_mermaid_label(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"':
			buf_puts(out, "#quot;");
			break;
		case '#':
			buf_puts(out, "#35;");
			break;
		case '&':
			buf_puts(out, "#amp;");
			break;
		case '<':
			buf_puts(out, "#lt;");
			break;
		case '>':
			buf_puts(out, "#gt;");
			break;
		case '`':
			buf_puts(out, "#96;");
			break;
		case '\n': case '\r': case '\t':
			buf_putc(out, ' ');
			break;
		default:
			if (c >= 0x20 && c != 0x7f)
				buf_putc(out, (char)c);
			break;
		}
	}
	buf_putc(out, '"');
}

void md_yaml_quoted(struct buf *out, const char *s)
{
	size_t len = s ? strlen(s) : 0, i = 0;

	buf_putc(out, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, len - i, &cp);

			if (n == 0) {
				buf_puts(out, "\\uFFFD");
				i++;
				continue;
			}
			/* Line breaks YAML would fold; write them escaped. */
			if (cp == 0x85)
				buf_puts(out, "\\N");
			else if (cp == 0x2028)
				buf_puts(out, "\\L");
			else if (cp == 0x2029)
				buf_puts(out, "\\P");
			else
				buf_add(out, s + i, n);
			i += n;
			continue;
		}
		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\n') {
			buf_puts(out, "\\n");
		} else if (c == '\t') {
			buf_puts(out, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			buf_printf(out, "\\x%02X", c);
		} else {
			buf_putc(out, (char)c);
		}
		i++;
	}
	buf_putc(out, '"');
}

void md_csv_field(struct buf *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	int quote = len > 0 && (is_space(s[0]) || is_space(s[len - 1]));

	for (size_t i = 0; i < len && !quote; i++)
		if (strchr(",\"\r\n", s[i]))
			quote = 1;
	if (!quote) {
		buf_add(out, s ? s : "", len);
		return;
	}
	buf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
}

/* ---- slugs ------------------------------------------------------------ */

struct translit {
	uint32_t lo, hi;
	const char *ascii;
};

/* Latin-1 Supplement and Latin Extended-A letters, in code point order;
 * ranges not listed (× ÷ and everything else) count as separators. */
static const struct translit translits[] = {
	{ 0x00C0, 0x00C5, "a" }, { 0x00C6, 0x00C6, "ae" },
	{ 0x00C7, 0x00C7, "c" }, { 0x00C8, 0x00CB, "e" },
	{ 0x00CC, 0x00CF, "i" }, { 0x00D0, 0x00D0, "d" },
	{ 0x00D1, 0x00D1, "n" }, { 0x00D2, 0x00D6, "o" },
	{ 0x00D8, 0x00D8, "o" }, { 0x00D9, 0x00DC, "u" },
	{ 0x00DD, 0x00DD, "y" }, { 0x00DE, 0x00DE, "th" },
	{ 0x00DF, 0x00DF, "ss" }, { 0x00E0, 0x00E5, "a" },
	{ 0x00E6, 0x00E6, "ae" }, { 0x00E7, 0x00E7, "c" },
	{ 0x00E8, 0x00EB, "e" }, { 0x00EC, 0x00EF, "i" },
	{ 0x00F0, 0x00F0, "d" }, { 0x00F1, 0x00F1, "n" },
	{ 0x00F2, 0x00F6, "o" }, { 0x00F8, 0x00F8, "o" },
	{ 0x00F9, 0x00FC, "u" }, { 0x00FD, 0x00FD, "y" },
	{ 0x00FE, 0x00FE, "th" }, { 0x00FF, 0x00FF, "y" },
	{ 0x0100, 0x0105, "a" }, { 0x0106, 0x010D, "c" },
	{ 0x010E, 0x0111, "d" }, { 0x0112, 0x011B, "e" },
	{ 0x011C, 0x0123, "g" }, { 0x0124, 0x0127, "h" },
	{ 0x0128, 0x0131, "i" }, { 0x0132, 0x0133, "ij" },
	{ 0x0134, 0x0135, "j" }, { 0x0136, 0x0138, "k" },
	{ 0x0139, 0x0142, "l" }, { 0x0143, 0x014B, "n" },
	{ 0x014C, 0x0151, "o" }, { 0x0152, 0x0153, "oe" },
	{ 0x0154, 0x0159, "r" }, { 0x015A, 0x0161, "s" },
	{ 0x0162, 0x0167, "t" }, { 0x0168, 0x0173, "u" },
	{ 0x0174, 0x0175, "w" }, { 0x0176, 0x0178, "y" },
	{ 0x0179, 0x017E, "z" }, { 0x017F, 0x017F, "s" },
};

static const char *translit_of(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(translits) / sizeof(translits[0]); i++)
		if (cp >= translits[i].lo && cp <= translits[i].hi)
			return translits[i].ascii;
	return NULL;
}

char *md_slug(const char *title, const char *fallback, int n)
{
	struct buf b;
	size_t len = title ? strlen(title) : 0, i = 0;
	int dash = 0;

	buf_init(&b);
	buf_puts(&b, "");
	while (i < len) {
		unsigned char c = (unsigned char)title[i];
		const char *t = NULL;
		char one[2] = { 0, 0 };

		if (c >= 0x80) {
			uint32_t cp;
			size_t k = utf8_decode(title + i, len - i, &cp);

			t = k ? translit_of(cp) : NULL;
			i += k ? k : 1;
		} else {
			if (is_alnum((char)c)) {
				one[0] = (char)(c >= 'A' && c <= 'Z' ?
						c - 'A' + 'a' : c);
				t = one;
			}
			i++;
		}
		if (!t) {
			dash = 1;
			continue;
		}
		if (dash && b.len > 0)
			buf_putc(&b, '-');
		dash = 0;
		buf_puts(&b, t);
	}
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	if (b.len > MD_SLUG_MAX) {
		size_t cut = MD_SLUG_MAX;

		/* Cut at the last dash that keeps the slug short enough. */
		while (cut > 0 && b.data[cut] != '-')
			cut--;
		if (cut == 0)
			cut = MD_SLUG_MAX;
		b.len = cut;
		b.data[cut] = '\0';
		while (b.len > 0 && b.data[b.len - 1] == '-')
			b.data[--b.len] = '\0';
	}
	if (b.len == 0) {
		buf_free(&b);
		return str_printf("%s-%d", fallback ? fallback : "item", n);
	}
	return buf_detach(&b);
}

/* ---- Markdown source ---------------------------------------------------- */

/* A fence line: up to 3 spaces, 3+ backticks or tildes (0 when not);
 * *closing: nothing but blanks follows, so it may close a fence. */
static char source_fence(const char *s, size_t len, size_t *count,
			 int *closing)
{
	size_t i = 0, k = 0;
	char c;

	while (i < len && i < 3 && s[i] == ' ')
		i++;
	if (i >= len || (s[i] != '`' && s[i] != '~'))
		return 0;
	c = s[i];
	while (i < len && s[i] == c) {
		i++;
		k++;
	}
	if (k < 3)
		return 0;
	*count = k;
	*closing = 1;
	for (; i < len; i++) {
		if (!is_space(s[i]))
			*closing = 0;
		/* No backtick in the info string of a backtick fence. */
		if (c == '`' && s[i] == '`')
			return 0;
	}
	return c;
}

static int blank_span(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_space(s[i]) && s[i] != '\r')
			return 0;
	return 1;
}

void md_source(struct buf *out, const char *s, const char *indent)
{
	size_t off, first = SIZE_MAX, last = 0, fence_n = 0;
	char fence = 0;
	int comment = 0;

	if (!s)
		return;
	/* From the first line that is not blank to the end of the last. */
	for (size_t i = 0;;) {
		size_t a = i;

		while (s[i] && s[i] != '\n')
			i++;
		if (!blank_span(s + a, i - a)) {
			if (first == SIZE_MAX)
				first = a;
			last = i;
		}
		if (!s[i])
			break;
		i++;
	}
	if (first == SIZE_MAX)
		return;
	for (off = first; off < last;) {
		size_t a = off, b, k = 0;
		int closing = 0;
		char c;

		while (off < last && s[off] != '\n')
			off++;
		b = off;
		if (b > a && s[b - 1] == '\r')
			b--;
		if (off < last)
			off++;
		if (a > first)
			buf_putc(out, '\n');
		/* A line of blanks is written empty: no trailing spaces. */
		if (blank_span(s + a, b - a))
			continue;
		if (a > first && indent)
			buf_puts(out, indent);
		buf_add(out, s + a, b - a);
		c = source_fence(s + a, b - a, &k, &closing);
		if (fence) {
			if (c == fence && k >= fence_n && closing)
				fence = 0;
			continue;
		}
		if (c) {
			fence = c;
			fence_n = k;
			continue;
		}
		/* HTML comments: what opens and closes on this line. */
		for (size_t i = a; i < b; i++) {
			if (!comment && i + 4 <= b &&
			    memcmp(s + i, "<!--", 4) == 0) {
				comment = 1;
				i += 3;
			} else if (comment && i + 3 <= b &&
				   memcmp(s + i, "-->", 3) == 0) {
				comment = 0;
				i += 2;
			}
		}
	}
	/* Close what was left open, or it would swallow the rest. */
	if (fence) {
		buf_putc(out, '\n');
		if (indent)
			buf_puts(out, indent);
		for (size_t i = 0; i < fence_n; i++)
			buf_putc(out, fence);
	} else if (comment) {
		buf_puts(out, " -->");
	}
}

void md_source_para(struct buf *out, const char *s, const char *fallback)
{
	if (has_text(s))
		md_source(out, s, NULL);
	else
		buf_puts(out, fallback);
	buf_puts(out, "\n\n");
}

void md_heading_source(struct buf *out, int level, const char *text)
{
	for (int i = 0; i < level; i++)
		buf_putc(out, '#');
	buf_putc(out, ' ');
	md_inline_source(out, text, 0);
	buf_puts(out, "\n\n");
}

void md_inline_source(struct buf *out, const char *s, int cell)
{
	size_t off = 0, a, b;
	int first = 1;

	while (s && next_line(s, &off, &a, &b)) {
		if (a == b)
			continue;
		if (!first)
			buf_putc(out, ' ');
		for (size_t i = a; i < b; i++) {
			if (cell && s[i] == '|' && (i == a || s[i - 1] != '\\'))
				buf_putc(out, '\\');
			buf_putc(out, s[i]);
		}
		first = 0;
	}
}

size_t md_source_sections(const char *s)
{
	size_t off = 0, fence_n = 0;
	char fence = 0;

	if (!s)
		return 0;
	while (s[off]) {
		size_t a = off, b, k = 0;
		int closing = 0;
		char c;

		while (s[off] && s[off] != '\n')
			off++;
		b = off;
		if (s[off])
			off++;
		c = source_fence(s + a, b - a, &k, &closing);
		if (fence) {
			if (c == fence && k >= fence_n && closing)
				fence = 0;
			continue;
		}
		if (c) {
			fence = c;
			fence_n = k;
			continue;
		}
		if (b - a >= 3 && memcmp(s + a, "## ", 3) == 0)
			return a;
	}
	return off;
}

void md_end(struct buf *out)
{
	while (out->len >= 2 && out->data[out->len - 1] == '\n' &&
	       out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}

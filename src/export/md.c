#include "config.h"

/*
 * md: escaping of user-typed text for Markdown (GitHub-flavoured, as
 * markdownlint reads it), table rows, Mermaid labels, YAML and CSV quoting,
 * and file name slugs.  The rule for every writer: whatever the user typed
 * must render as typed and must never turn into structure (headings, lists,
 * HTML, links, tables, code).
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "export/md.h"
#include "util/utf8.h"

/* Flags of put_inline(). */
enum {
	IN_CELL = 1 << 0,        /* table cell: "|" escaped */
	IN_LINE_START = 1 << 1,  /* the text starts a Markdown line */
};

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int is_punct(char c)
{
	return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
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
 * What a text could turn into when written as it is.  Emphasis, code
 * spans, strikethrough and (GitHub) math each need an opening and a
 * closing run of their character, so a character that occurs in one run
 * only is written as typed; a link needs "](" (a reference link needs a
 * definition, and a line that could define one is escaped, see
 * block_start); a tag needs a ">" after its "<".  An underscore inside a word never opens or
 * closes emphasis and does not count.
 */
struct esc {
	bool star, under, tick, tilde, dollar, bracket, angle;
};

static void esc_scan(const char *s, size_t len, struct esc *e)
{
	size_t runs[128] = { 0 };
	bool open_bracket = false;

	memset(e, 0, sizeof(*e));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '[')
			open_bracket = true;
		else if (c == ']' && open_bracket && i + 1 < len &&
			 s[i + 1] == '(')
			e->bracket = true;   /* "[text](url)", "![alt](src)" */
		else if (c == '>')
			e->angle = true;
		if (c == '_' && i > 0 && i + 1 < len && is_alnum(s[i - 1]) &&
		    is_alnum(s[i + 1]))
			continue;
		if (c < 128 && strchr("*_`~$", (int)c) &&
		    (i == 0 || s[i - 1] != (char)c))
			runs[c]++;
	}
	e->star = runs['*'] > 1;
	e->under = runs['_'] > 1;
	e->tick = runs['`'] > 1;
	e->tilde = runs['~'] > 1;
	e->dollar = runs['$'] > 1;
}

/* A line made of one of the characters in `set` and blanks only (at least
 * `min` of that character): a thematic break or a setext underline. */
static bool rule_line(const char *s, size_t len, const char *set, size_t min)
{
	size_t n = 0;
	char c = 0;

	for (size_t i = 0; i < len; i++) {
		if (is_space(s[i]))
			continue;
		if (!c && strchr(set, s[i]))
			c = s[i];
		if (s[i] != c)
			return false;
		n++;
	}
	return c && n >= min;
}

/* A line that could be a table's delimiter row ("|---|:-:|"). */
static bool delimiter_line(const char *s, size_t len)
{
	bool dash = false, other = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-')
			dash = true;
		else if (s[i] == '|' || s[i] == ':')
			other = true;
		else if (!is_space(s[i]))
			return false;
	}
	return dash && other;
}

/* Where a line that starts with s[0..len) would open a block: the index of
 * the character to escape, or SIZE_MAX when it stays a paragraph. */
static size_t block_start(const char *s, size_t len)
{
	size_t d = 0, h = 0;

	if (len == 0)
		return SIZE_MAX;
	while (d < len && d < 10 && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d > 0 && d < 10 && d < len && (s[d] == '.' || s[d] == ')') &&
	    (d + 1 == len || is_space(s[d + 1])))
		return d;                                  /* "1. " */
	while (h < len && s[h] == '#')
		h++;
	if (h > 0 && h <= 6 && (h == len || is_space(s[h])))
		return 0;                                  /* "# " */
	if (s[0] == '>')
		return 0;                                  /* "> " */
	if (strchr("-+*", s[0]) && (len == 1 || is_space(s[1])))
		return 0;                                  /* "- " */
	if (rule_line(s, len, "-=", 1) || rule_line(s, len, "*_", 3))
		return 0;                                  /* "---", "===" */
	if (len >= 3 && (strncmp(s, "```", 3) == 0 ||
			 strncmp(s, "~~~", 3) == 0))
		return 0;                                  /* a fence */
	if (delimiter_line(s, len))
		return 0;                                  /* "|---|" */
	if (s[0] == '<' && len > 1 && (is_alpha(s[1]) || strchr("/!?", s[1])))
		return 0;                                  /* an HTML block */
	if (s[0] == '[') {
		const char *close = memchr(s, ']', len);

		if (close && (size_t)(close - s) + 1 < len &&
		    close[1] == ':')
			return 0;                          /* "[x]: url" */
		if (len >= 3 && strchr(" xX", s[1]) && s[2] == ']' &&
		    (len == 3 || is_space(s[3])))
			return 0;                          /* "[ ] task" */
	}
	return SIZE_MAX;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* An "&" that starts an entity or character reference ("&amp;", "&#35;",
 * "&#x23;"), which Markdown would turn into the character it names. */
static bool entity_at(const char *s, size_t len)
{
	size_t i = 1, n = 0;

	if (i < len && s[i] == '#') {
		bool hex = ++i < len && (s[i] == 'x' || s[i] == 'X');

		if (hex)
			i++;
		for (; i < len && n < 8 && (hex ? is_hex(s[i]) :
				      s[i] >= '0' && s[i] <= '9'); i++)
			n++;
	} else {
		for (; i < len && n < 32 && is_alnum(s[i]); i++)
			n++;
	}
	return n > 0 && i < len && s[i] == ';';
}

/* One character that needs a backslash here; e describes the whole text. */
static bool needs_escape(const char *s, size_t len, size_t i, int flags,
			 const struct esc *e)
{
	switch (s[i]) {
	case '*':
		return e->star;
	case '_':
		/* Inside a word an underscore is never emphasis. */
		if (i > 0 && i + 1 < len && is_alnum(s[i - 1]) &&
		    is_alnum(s[i + 1]))
			return false;
		return e->under;
	case '`':
		return e->tick;
	case '~':
		return e->tilde;
	case '$':
		return e->dollar;
	case '[': case ']':
		return e->bracket;
	case '|':
		return (flags & IN_CELL) != 0;
	case '\\':
		/* Before punctuation it escapes; at a line's end it breaks. */
		return i + 1 == len || is_punct(s[i + 1]);
	case '&':
		return entity_at(s + i, len - i);
	case '<':
		return e->angle && i + 1 < len &&
		       (is_alpha(s[i + 1]) || strchr("/!?", s[i + 1]));
	default:
		return false;
	}
}

/*
 * The heart of the escaping: s[0..len) holds no line break.  Only what
 * would change the meaning of the text at this place gets a backslash
 * (see struct esc and block_start); invalid UTF-8 becomes U+FFFD, control
 * characters are dropped, tabs become spaces.
 */
static void put_inline(struct buf *out, const char *s, size_t len, int flags,
		       const struct esc *e)
{
	size_t i = 0, lead = SIZE_MAX;

	if (flags & IN_LINE_START)
		lead = block_start(s, len);
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
		if (i == lead || needs_escape(s, len, i, flags, e)) {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\t') {
			buf_putc(out, ' ');
		} else if (c >= 0x20 && c != 0x7f) {
			buf_putc(out, (char)c);
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

/* The lines of s that are not blank, escaped as flags say and joined with
 * `sep` (one line of Markdown). */
static void put_joined(struct buf *out, const char *s, int flags,
		       const char *sep)
{
	size_t off = 0, a, b;
	struct esc e;
	int first = 1;

	if (!s)
		return;
	esc_scan(s, strlen(s), &e);
	while (next_line(s, &off, &a, &b)) {
		if (a == b)
			continue;
		if (!first)
			buf_puts(out, sep);
		put_inline(out, s + a, b - a, flags, &e);
		first = 0;
	}
}

void md_inline(struct buf *out, const char *s)
{
	put_joined(out, s, 0, " ");
}

void md_text(struct buf *out, const char *s, const char *indent,
	     int one_para)
{
	size_t off = 0, a, b;
	int started = 0, blank = 0;
	struct esc e;

	if (!s)
		return;
	esc_scan(s, strlen(s), &e);
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
		put_inline(out, s + a, b - a, IN_LINE_START, &e);
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
	size_t start, end, run;

	for (int i = 0; i < level; i++)
		buf_putc(out, '#');
	buf_putc(out, ' ');
	start = out->len;
	put_joined(out, text, 0, " ");
	/* A closing sequence ("Title #") would be dropped: escape it. */
	end = out->len;
	for (run = end; run > start && out->data[run - 1] == '#'; run--)
		;
	if (run < end && !out->oom &&
	    (run == start || out->data[run - 1] == ' ')) {
		buf_putc(out, '#');
		if (!out->oom) {
			memmove(out->data + run + 1, out->data + run,
				end - run);
			out->data[run] = '\\';
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
	/* A cell is one line: the lines of the text become one. */
	put_joined(out, s, IN_CELL, " ");
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

void md_table_list(struct buf *out, const struct strv *sv)
{
	size_t before;
	bool first = true;

	buf_putc(out, ' ');
	before = out->len;
	for (size_t i = 0; i < sv->n; i++) {
		if (!has_text(sv->v[i]))
			continue;
		if (!first)
			buf_puts(out, "; ");
		md_cell(out, sv->v[i]);
		first = false;
	}
	buf_puts(out, out->len == before ? "|" : " |");
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

void md_mermaid_string(struct buf *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			buf_add(out, n ? s + i : "\xEF\xBF\xBD", n ? n : 3);
			i += n ? n : 1;
			continue;
		}
		if (c == '"' || c == '`')
			buf_putc(out, '\'');
		else if (c < 0x20 || c == 0x7f)
			buf_putc(out, ' ');
		else
			buf_putc(out, (char)c);
		i++;
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

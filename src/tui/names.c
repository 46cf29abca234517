#include "config.h"
/*
 * names: cutting names so that they stay told apart (see names.h).  Three
 * forms are tried for a name whose plain cut another name shares:
 *   head…tail     its first word (or a third of the width) and as much
 *                 of its end as fits, the end starting at a word;
 *   head…middle…  the part where it first differs from the names it is
 *                 confused with, starting at that word;
 * and the plain cut stays when neither tells it apart (equal names).
 */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tui/names.h"
#include "util/str.h"
#include "util/utf8.h"

static const char ELLIPSIS[] = "…";

/* Columns of s[0..n), by cluster. */
static int width_n(const char *s, size_t n)
{
	return utf8_cluster_span(s, 0, n);
}

/* Byte length of the longest prefix of s that fits in cols columns, by
 * cluster (a wide character or an emoji is never cut in half). */
static size_t prefix_fit(const char *s, int cols, int *used)
{
	size_t len = strlen(s), off = 0;
	int w = 0;

	while (off < len) {
		size_t next = utf8_cluster_next(s, len, off);
		int cw = utf8_cluster_width(s + off, next - off);

		if (w + cw > cols)
			break;
		w += cw;
		off = next;
	}
	if (used)
		*used = w;
	return off;
}

/* Byte offset where the longest suffix of s that fits in cols starts;
 * moved on to the start of a word when that keeps at least half. */
static size_t suffix_fit(const char *s, int cols)
{
	size_t len = strlen(s), off = len, word;
	int w = 0;

	while (off > 0) {
		size_t prev = utf8_cluster_prev(s, off);
		int cw = utf8_cluster_width(s + prev, off - prev);

		if (w + cw > cols)
			break;
		w += cw;
		off = prev;
	}
	if (off == 0 || s[off - 1] == ' ')
		return off;
	word = off;
	while (word < len && s[word] != ' ')
		word++;
	if (word < len && utf8_width(s + word + 1) * 2 >= w)
		return word + 1;
	return off;
}

char *names_cut(const char *s, int cols)
{
	size_t n;

	if (!s)
		s = "";
	if (utf8_width(s) <= cols)
		return str_dup(s);
	if (cols < 1)
		return str_dup("");
	n = prefix_fit(s, cols - 1, NULL);
	return str_printf("%.*s%s", (int)n, s, ELLIPSIS);
}

/* The start kept before "…": the first word when it takes at most half
 * the width, else a third of the width. */
static size_t head_of(const char *s, int cols)
{
	const char *sp = strchr(s, ' ');
	size_t n;
	int used;

	if (sp && width_n(s, (size_t)(sp - s)) * 2 <= cols)
		return (size_t)(sp - s);
	n = prefix_fit(s, cols / 3, &used);
	return n;
}

/* head…tail in cols columns (new string). */
static char *head_tail(const char *s, int cols)
{
	size_t h = head_of(s, cols), t;
	int hw = width_n(s, h);

	t = suffix_fit(s + h, cols - hw - 1) + h;
	return str_printf("%.*s%s%s", (int)h, s, ELLIPSIS, s + t);
}

/* head…middle[…]: from the word where s first differs from `other`. */
static char *head_middle(const char *s, const char *other, int cols)
{
	size_t h = head_of(s, cols), d = 0;
	int hw = width_n(s, h), room;
	char *mid, *out;

	while (s[d] && s[d] == other[d])
		d++;
	/* Back to the start of the word (and the cluster) it is in. */
	while (d > h && s[d - 1] != ' ')
		d--;
	if (d <= h)
		return NULL;
	room = cols - hw - 1;
	if (room < 2)
		return NULL;
	if (utf8_width(s + d) <= room)
		mid = str_dup(s + d);
	else
		mid = str_printf("%.*s%s", (int)prefix_fit(s + d, room - 1, NULL),
				 s + d, ELLIPSIS);
	if (!mid)
		return NULL;
	out = str_printf("%.*s%s%s", (int)h, s, ELLIPSIS, mid);
	free(mid);
	return out;
}

/* Is out[i] the same as another output whose name differs? */
static bool confused(const char *const *in, char **out, size_t n, size_t i,
		     size_t *with)
{
	for (size_t j = 0; j < n; j++) {
		if (j == i || !out[j] || !out[i])
			continue;
		if (str_eq(out[i], out[j]) &&
		    !str_eq(in[i] ? in[i] : "", in[j] ? in[j] : "")) {
			if (with)
				*with = j;
			return true;
		}
	}
	return false;
}

void names_fit(const char *const *in, size_t n, int cols, char **out)
{
	bool *cut = calloc(n ? n : 1, sizeof(*cut));

	for (size_t i = 0; i < n; i++) {
		const char *s = in[i] ? in[i] : "";

		out[i] = names_cut(s, cols);
		if (cut)
			cut[i] = utf8_width(s) > cols;
	}
	if (!cut || cols < 5)
		goto done;
	/* First the ends for every name that is confused; then, for those
	 * the ends did not tell apart, the middle where each differs from
	 * the one it is confused with (partners found before any change, so
	 * both get the same kind of cut). */
	for (size_t pass = 0; pass < 2; pass++) {
		size_t *with = calloc(n ? n : 1, sizeof(*with));
		bool *redo = calloc(n ? n : 1, sizeof(*redo));

		for (size_t i = 0; with && redo && i < n; i++)
			redo[i] = cut[i] && confused(in, out, n, i, &with[i]);
		for (size_t i = 0; with && redo && i < n; i++) {
			const char *s = in[i] ? in[i] : "";
			const char *o = in[with[i]] ? in[with[i]] : "";
			char *t;

			if (!redo[i])
				continue;
			t = pass == 0 ? head_tail(s, cols)
				      : head_middle(s, o, cols);
			if (t && utf8_width(t) <= cols) {
				free(out[i]);
				out[i] = t;
			} else {
				free(t);
			}
		}
		free(with);
		free(redo);
	}
done:
	free(cut);
}

void names_free(char **out, size_t n)
{
	for (size_t i = 0; out && i < n; i++) {
		free(out[i]);
		out[i] = NULL;
	}
}

char **names_fit_each(size_t n, int cols,
		      const char *(*name)(const void *ctx, size_t i),
		      const void *ctx)
{
	const char **in = calloc(n + 1, sizeof(*in));
	char **out = calloc(n + 1, sizeof(*out));

	if (!in || !out) {
		free(in);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		in[i] = name(ctx, i);
	names_fit(in, n, cols, out);
	free(in);
	return out;
}

void names_drop(char ***v, size_t n)
{
	if (!*v)
		return;
	names_free(*v, n);
	free(*v);
	*v = NULL;
}

/*
 * names: names cut to a width so that two different names never look
 * alike.  A list cuts its names to a column; when two names share a long
 * start, the plain cut ("Deliver every service thr…") makes two rows read
 * the same.  names_fit cuts those where they differ instead, keeping
 * their start and showing the part that tells them apart:
 * "Deliver…GitOps pipeline" and "Deliver…internal platform".
 */
#ifndef CHARRETTE_TUI_NAMES_H
#define CHARRETTE_TUI_NAMES_H

#include <stddef.h>

/*
 * Each of the n names in[] (NULL counts as "") fitted to at most `cols`
 * columns into out[] (new strings, out[i] NULL only when out of memory):
 * a name that fits as it is; else cut with "…" at the end, or, when that
 * cut would equal another name's, its start, "…", and the end or the
 * middle part where it differs.  Equal names stay equal (nothing tells
 * them apart).  Widths by grapheme cluster, never half a wide character.
 */
void names_fit(const char *const *in, size_t n, int cols, char **out);
void names_free(char **out, size_t n);
/* The same for n names given one by one (name(ctx, i)), into a new array
 * (NULL when out of memory); names_drop frees it and sets *v to NULL. */
char **names_fit_each(size_t n, int cols,
		      const char *(*name)(const void *ctx, size_t i),
		      const void *ctx);
void names_drop(char ***v, size_t n);

/* One name cut to `cols` columns with "…" at the end, as draw_cell does
 * (new string). */
char *names_cut(const char *s, int cols);

#endif

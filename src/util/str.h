/*
 * str: growable buffers, string vectors and small string helpers.  Every
 * allocation is checked; functions that can fail return NULL or a status.
 */
#ifndef CHARRETTE_UTIL_STR_H
#define CHARRETTE_UTIL_STR_H

#include <stdbool.h>
#include <stddef.h>

/* A growable byte buffer, always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
	bool oom;   /* sticky: set when an append failed for lack of memory */
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
int buf_add(struct buf *b, const char *s, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand over the string (never NULL unless out of memory); b is reset. */
char *buf_detach(struct buf *b);
/* The current contents as a string ("" when empty). */
const char *buf_str(const struct buf *b);

/* A vector of owned strings. */
struct strv {
	char **v;
	size_t n;
};

void strv_free(struct strv *sv);
int strv_push(struct strv *sv, const char *s);            /* copies s */
int strv_copy(struct strv *dst, const struct strv *src);  /* dst empty */
bool strv_contains(const struct strv *sv, const char *s);
bool strv_equal(const struct strv *a, const struct strv *b);
/* Join with sep into a new string; split a string on one separator. */
char *strv_join(const struct strv *sv, const char *sep);
int strv_split(struct strv *sv, const char *s, char sep);

/* strdup that accepts NULL (returns NULL) and reports OOM through *ok. */
char *str_dup(const char *s);
char *str_ndup(const char *s, size_t n);
char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool str_eq(const char *a, const char *b);         /* NULL-safe */
bool str_empty(const char *s);                      /* NULL or "" */
bool str_startswith(const char *s, const char *prefix);
/* Replace *dst with a copy of src; returns 0 or ST_ERROR on OOM. */
int str_set(char **dst, const char *src);
/* Trim ASCII white space in place at both ends; returns s. */
char *str_trim(char *s);
/* Shortest round-trip representation of a number ("3", "0.25"). */
void str_number(char *buf, size_t size, double v);

#endif

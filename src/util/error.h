/*
 * error: the one way a function below the user interface reports what went
 * wrong.  It fills a struct error; only main and the TUI decide how to show it.
 */
#ifndef CHARRETTE_UTIL_ERROR_H
#define CHARRETTE_UTIL_ERROR_H

#include <stdarg.h>

/* Status codes shared by every module: 0 is success, failures are negative. */
enum status {
	ST_OK = 0,
	ST_ERROR = -1,     /* runtime failure (I/O, SQLite, out of memory) */
	ST_INPUT = -2,     /* bad input: usage, malformed file, validation */
	ST_CONFLICT = -3,  /* a stale row version: someone else changed it */
	ST_NOTFOUND = -4,  /* no such row or file */
	ST_READONLY = -5,  /* the database cannot be written */
	ST_BUSY = -6,      /* the database stayed locked after retrying */
	ST_DENIED = -7     /* not yours to do (a role, a workshop's owner) */
};

struct error {
	enum status code;
	char file[512];   /* empty when the error has no place */
	int line;         /* 1-based; 0 when unknown */
	int col;          /* 1-based; 0 when unknown */
	char msg[1024];
};

void err_clear(struct error *e);
/* Set code and message; returns code so callers can `return err_set(...)`. */
int err_set(struct error *e, enum status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int err_setv(struct error *e, enum status code, const char *fmt, va_list ap);
/* As err_set, with a place: file, 1-based line and column (0 = unknown). */
int err_setloc(struct error *e, enum status code, const char *file, int line,
	       int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* "FILE:LINE:COL: message" (parts omitted when unknown) into buf. */
const char *err_format(const struct error *e, char *buf, size_t size);
/* Exit code of the CLI contract: 0 ok, 2 usage/input, 1 otherwise (a
 * refusal by role, ST_DENIED, is 1 like any permission problem). */
int err_exit_code(enum status code);

#endif

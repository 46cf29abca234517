/*
 * adr_import_int: what adr_parse.c and adr_import.c share, and nobody else.
 */
#ifndef CHARRETTE_EXPORT_ADR_IMPORT_INT_H
#define CHARRETTE_EXPORT_ADR_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "adr/adr_import.h"

/* Nobody writes a 16 MiB decision record; such a file is something else. */
#define ADR_MAX_FILE (16u << 20)

/* Append a copy of *e (m may be NULL: then nothing is kept). */
int adr_msgs_push(struct adr_msgs *m, const struct error *e);
/* Append a warning (code ST_OK) about file:line. */
int adr_warnf(struct adr_msgs *m, const char *file, int line,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* s[0..n) is a plausible YYYY-MM-DD date. */
bool adr_valid_date(const char *s, size_t n);

#endif

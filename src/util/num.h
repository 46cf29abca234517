/*
 * num: the one place numbers are read from people and written for people.
 *
 * Files (interchange, the store's text encoding) use str_number, the
 * shortest text that reads back to the same double.  Everything a person
 * reads (the app, the CLI, Markdown exports) goes through num_fmt, with
 * the precision of each kind of number stated once here, so a total reads
 * "3.59" on every screen, verb and export, and a mean of votes "3.33", not
 * "3.3333333333333335".  Display text follows LC_NUMERIC (the decimal
 * separator); num_parse accepts '.' and ',' whatever the locale.
 */
#ifndef CHARRETTE_UTIL_NUM_H
#define CHARRETTE_UTIL_NUM_H

#include <stddef.h>

/* Big enough for any number num_fmt writes. */
#define NUM_BUF 48

enum num_kind {
	NUM_VALUE = 0,  /* typed values, scores, means: ≤ 2 decimals, zeros
			 * trimmed: "4", "4.5", "3.33", "0.23" */
	NUM_TOTAL,      /* weighted totals: exactly 2 decimals, "3.59" */
	NUM_RATIO,      /* AHP weights, consistency ratio, λmax: 3 decimals */
	NUM_PERCENT,    /* a share 0..1 as a whole percentage: "14%" */
	NUM_PERCENT1,   /* a share 0..1 with one decimal: "14.3%" */
	NUM_KIND_COUNT
};

/* Format v as `kind` into buf (NUM_BUF bytes suffice); returns buf.
 * Negative zero prints as 0; NaN and infinities as "–". */
char *num_fmt(char *buf, size_t size, enum num_kind kind, double v);

/*
 * Read a number typed by a person: optional spaces, an optional sign,
 * digits with one '.' or ',' as the decimal separator, optional spaces.
 * No exponent, hex, inf or nan.  Returns 0, or ST_INPUT (nothing stored
 * in *out) for anything else, empty text included.
 */
int num_parse(const char *s, double *out);

/*
 * A unit after a number, singular where the number is exactly 1 and a
 * singular form is known ("1 hour", "2 hours", "1 deploy per week").
 * one may be NULL (the unit has one form).
 */
const char *num_unit(double v, const char *one, const char *other);

/*
 * A duration in whole minutes as people write it: "0 min", "10 min",
 * "1 h", "1 h 15 min", "26 h".  Negative durations get a leading '-'.
 */
char *num_duration(char *buf, size_t size, long minutes);

/* A countdown in seconds as m:ss ("9:05", "0:00", "75:00"); an overrun
 * (negative) as "+m:ss". */
char *num_clock(char *buf, size_t size, long seconds);

#endif

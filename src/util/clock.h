/*
 * clock: the current time.  $CHARRETTE_NOW (Unix seconds) fixes the clock so
 * that tests and golden files are reproducible.
 */
#ifndef CHARRETTE_UTIL_CLOCK_H
#define CHARRETTE_UTIL_CLOCK_H

#include <stddef.h>
#include <stdint.h>

int64_t clock_now(void);
/* clock_now() as "YYYY-MM-DD" (UTC). */
void clock_today(char *buf, size_t size);
/* Seconds of a monotonic clock (intervals, never dates). */
double clock_mono(void);
/* Milliseconds until the wall clock's next whole second (1 ... 1000). */
long clock_ms_to_second(void);

#endif

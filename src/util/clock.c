/* clock: wall time, or the fixed time tests ask for. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "util/clock.h"

int64_t clock_now(void)
{
	const char *fixed = getenv("CHARRETTE_NOW");

	if (fixed && *fixed) {
		char *end;
		long long v = strtoll(fixed, &end, 10);

		if (*end == '\0' && v >= 0)
			return (int64_t)v;
	}
	return (int64_t)time(NULL);
}

void clock_today(char *buf, size_t size)
{
	time_t t = (time_t)clock_now();
	struct tm tm;

	if (gmtime_r(&t, &tm))
		strftime(buf, size, "%Y-%m-%d", &tm);
	else
		snprintf(buf, size, "1970-01-01");
}

double clock_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long clock_ms_to_second(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return 1000 - ts.tv_nsec / 1000000L;
}

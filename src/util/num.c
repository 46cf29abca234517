#include "config.h"
/*
 * num: display formatting and parsing of numbers (see num.h).  The
 * precision of each kind lives in one table.
 */

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/num.h"

static const struct {
	int decimals;
	bool trim;        /* drop trailing zeros (and a bare separator) */
	double scale;     /* percentages: 100 */
	const char *suffix;
} kinds[NUM_KIND_COUNT] = {
	[NUM_VALUE]    = { 2, true,  1,   "" },
	[NUM_TOTAL]    = { 2, false, 1,   "" },
	[NUM_RATIO]    = { 3, false, 1,   "" },
	[NUM_PERCENT]  = { 0, false, 100, "%" },
	[NUM_PERCENT1] = { 1, false, 100, "%" },
};

static void trim_zeros(char *s)
{
	const char *dp = localeconv()->decimal_point;
	char *sep = strstr(s, dp && *dp ? dp : ".");
	size_t n;

	if (!sep)
		return;
	n = strlen(s);
	while (n > (size_t)(sep - s) + 1 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n == (size_t)(sep - s) + strlen(dp))
		*sep = '\0';
}

char *num_fmt(char *buf, size_t size, enum num_kind kind, double v)
{
	double x;

	if (!buf || !size)
		return buf;
	if ((unsigned)kind >= NUM_KIND_COUNT)
		kind = NUM_VALUE;
	if (!isfinite(v)) {
		snprintf(buf, size, "–");
		return buf;
	}
	x = v * kinds[kind].scale;
	/* Round first so that -0.001 at 2 decimals does not print "-0.00". */
	if (fabs(x) < 0.5 * pow(10, -kinds[kind].decimals))
		x = 0;
	snprintf(buf, size, "%.*f", kinds[kind].decimals, x);
	if (kinds[kind].trim)
		trim_zeros(buf);
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
	if (*kinds[kind].suffix) {
		size_t n = strlen(buf);

		snprintf(buf + n, size - n, "%s", kinds[kind].suffix);
	}
	return buf;
}

int num_parse(const char *s, double *out)
{
	char tmp[64];
	size_t n = 0;
	bool digits = false, sep = false;
	const char *p = s;
	char *end;
	double v;

	if (!s)
		return ST_INPUT;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '+' || *p == '-')
		tmp[n++] = *p++;
	for (; *p && n < sizeof(tmp) - 1; p++) {
		if (*p >= '0' && *p <= '9') {
			digits = true;
			tmp[n++] = *p;
		} else if ((*p == '.' || *p == ',') && !sep) {
			sep = true;
			tmp[n++] = '.';
		} else {
			break;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!digits || *p || n >= sizeof(tmp) - 1)
		return ST_INPUT;
	tmp[n] = '\0';
	/* strtod reads the locale's separator; the C locale's is '.'. */
	{
		locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);

		if (c == (locale_t)0)
			return ST_ERROR;
		v = strtod_l(tmp, &end, c);
		freelocale(c);
	}
	if (*end || !isfinite(v))
		return ST_INPUT;
	*out = v == 0 ? 0.0 : v;
	return ST_OK;
}

const char *num_unit(double v, const char *one, const char *other)
{
	return v == 1 && one && *one ? one : other;
}

char *num_duration(char *buf, size_t size, long minutes)
{
	const char *sign = minutes < 0 ? "-" : "";
	unsigned long m = minutes < 0 ? 0UL - (unsigned long)minutes
				      : (unsigned long)minutes;

	if (m < 60)
		snprintf(buf, size, _("%s%lu min"), sign, m);
	else if (m % 60 == 0)
		snprintf(buf, size, _("%s%lu h"), sign, m / 60);
	else
		snprintf(buf, size, _("%s%lu h %lu min"), sign, m / 60, m % 60);
	return buf;
}

char *num_clock(char *buf, size_t size, long seconds)
{
	unsigned long s = seconds < 0 ? 0UL - (unsigned long)seconds
				      : (unsigned long)seconds;

	snprintf(buf, size, "%s%lu:%02lu", seconds < 0 ? "+" : "", s / 60,
		 s % 60);
	return buf;
}

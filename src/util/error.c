/* error: filling and formatting struct error. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"

void err_clear(struct error *e)
{
	if (!e)
		return;
	e->code = ST_OK;
	e->file[0] = '\0';
	e->line = 0;
	e->col = 0;
	e->msg[0] = '\0';
}

int err_setv(struct error *e, enum status code, const char *fmt, va_list ap)
{
	if (!e)
		return code;
	e->code = code;
	e->file[0] = '\0';
	e->line = 0;
	e->col = 0;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	return code;
}

int err_set(struct error *e, enum status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_setv(e, code, fmt, ap);
	va_end(ap);
	return code;
}

int err_setloc(struct error *e, enum status code, const char *file, int line,
	       int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_setv(e, code, fmt, ap);
	va_end(ap);
	if (e) {
		snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
		e->line = line;
		e->col = col;
	}
	return code;
}

const char *err_format(const struct error *e, char *buf, size_t size)
{
	if (!e->file[0])
		snprintf(buf, size, "%s", e->msg);
	else if (e->line <= 0)
		snprintf(buf, size, "%s: %s", e->file, e->msg);
	else if (e->col <= 0)
		snprintf(buf, size, "%s:%d: %s", e->file, e->line, e->msg);
	else
		snprintf(buf, size, "%s:%d:%d: %s", e->file, e->line, e->col,
			 e->msg);
	return buf;
}

int err_exit_code(enum status code)
{
	if (code == ST_OK)
		return 0;
	if (code == ST_INPUT || code == ST_NOTFOUND)
		return 2;
	return 1;
}

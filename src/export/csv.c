#include "config.h"

/*
 * csv: RFC 4180 fields with spreadsheet formula injection neutralised
 * (OWASP, "CSV Injection").
 */

#include <string.h>

#include "export/csv.h"
#include "export/interchange.h"

/* What makes a spreadsheet read a cell as a formula. */
static int formula_lead(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	       c == '\r';
}

void csv_field(struct buf *out, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	int formula = len > 0 && formula_lead(s[0]);
	int quote = formula || (len > 0 && (s[0] == ' ' || s[0] == '\t' ||
					    s[len - 1] == ' ' ||
					    s[len - 1] == '\t'));

	for (size_t i = 0; i < len && !quote; i++)
		if (strchr(",\"\r\n", s[i]))
			quote = 1;
	if (!quote) {
		buf_add(out, s ? s : "", len);
		return;
	}
	buf_putc(out, '"');
	if (formula)
		buf_putc(out, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
}

void csv_number(struct buf *out, double v)
{
	char num[64];

	interchange_number(num, sizeof(num), v);
	buf_puts(out, num);
}

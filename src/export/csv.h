/*
 * csv: fields of the CSV exports (RFC 4180), safe to open in a spreadsheet.
 */
#ifndef CHARRETTE_EXPORT_CSV_H
#define CHARRETTE_EXPORT_CSV_H

#include "util/str.h"

/*
 * One field of user text: quoted when it holds a comma, a quote, a line
 * break or edge blanks.  A field a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is neutralised
 * as OWASP recommends: a single quote goes before it and the field is
 * quoted, so that Excel, LibreOffice and Google Sheets show the text as
 * typed instead of evaluating it.  NULL is an empty field.
 */
void csv_field(struct buf *out, const char *s);
/* A number we wrote (never neutralised), exact and with "." as the
 * decimal point. */
void csv_number(struct buf *out, double v);

#endif

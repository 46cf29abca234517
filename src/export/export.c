#include "config.h"

/*
 * export: the entry point shared by the CLI and the terminal UI
 * (export_run): the format table, the dispatch to the document writers
 * (report.c, tables.c; the ADR folders of src/adr) and the writing of the
 * result to standard output or a file.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export/export.h"
#include "export/export_priv.h"   /* x_write_dir, from src/adr */
#include "export/helpers.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"

/* ---- formats ---------------------------------------------------------- */

static const struct {
	const char *id;
	const char *file;   /* default name inside a folder; NULL = folder */
} formats[EXPORT_FORMAT_COUNT] = {
	[EXPORT_REPORT] = { "report", "report.md" },
	[EXPORT_ADR] = { "adr", NULL },
	[EXPORT_MADR] = { "madr", NULL },
	[EXPORT_RISKS] = { "risks", "risks.md" },
	[EXPORT_METRICS] = { "metrics", "metrics.md" },
	[EXPORT_RISKS_CSV] = { "risks-csv", "risks.csv" },
	[EXPORT_METRICS_CSV] = { "metrics-csv", "metrics.csv" },
};

int export_format_from_id(const char *s, enum export_format *out)
{
	if (!s)
		return ST_INPUT;
	if (strcmp(s, "csv") == 0) {
		*out = EXPORT_RISKS_CSV;
		return ST_OK;
	}
	for (int i = 0; i < EXPORT_FORMAT_COUNT; i++) {
		if (strcmp(s, formats[i].id) == 0) {
			*out = (enum export_format)i;
			return ST_OK;
		}
	}
	return ST_INPUT;
}

const char *export_format_id(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT ? formats[f].id : "?";
}

bool export_format_is_dir(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT && !formats[f].file;
}

const char *export_default_name(enum export_format f)
{
	return (unsigned)f < EXPORT_FORMAT_COUNT ? formats[f].file : NULL;
}

/* ---- writing ----------------------------------------------------------- */

int export_render(const struct workshop_data *d, const struct knowledge *k,
		  enum export_format f, struct buf *out, struct error *e)
{
	return export_render_with(d, k, f, 0, out, e);
}

int export_render_with(const struct workshop_data *d,
		       const struct knowledge *k, enum export_format f,
		       int flags, struct buf *out, struct error *e)
{
	switch (f) {
	case EXPORT_REPORT:
		return export_report_with(d, k, flags, out, e);
	case EXPORT_RISKS:
		return export_risks_md_with(d, flags, out, e);
	case EXPORT_METRICS:
		return export_metrics_md(d, k, out, e);
	case EXPORT_RISKS_CSV:
		return export_risks_csv(d, out, e);
	case EXPORT_METRICS_CSV:
		return export_metrics_csv(d, k, out, e);
	case EXPORT_ADR: case EXPORT_MADR: case EXPORT_FORMAT_COUNT:
		break;
	}
	return err_set(e, ST_INPUT, "%s", _("not a single-file format"));
}

static int write_stdout(const struct buf *b, struct error *e)
{
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		return err_set(e, ST_ERROR, _("standard output: %s"),
			       strerror(errno));
	if (fflush(stdout) != 0)
		return err_set(e, ST_ERROR, _("standard output: %s"),
			       strerror(errno));
	return ST_OK;
}

static int write_file(const char *path, enum export_format f,
		      const struct buf *b, int flags, struct strv *written,
		      struct error *e)
{
	struct stat st;
	size_t plen = strlen(path);
	char *target, *dir;
	int rc;

	if ((plen > 0 && path[plen - 1] == '/') ||
	    (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		if (x_ensure_dir(path, e) < 0)
			return e->code;
		target = path_join(path, export_default_name(f));
	} else {
		target = str_dup(path);
		dir = path_dirname(path);
		if (!dir) {
			free(target);
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		}
		rc = x_ensure_dir(dir, e);
		free(dir);
		if (rc < 0) {
			free(target);
			return rc;
		}
	}
	if (!target)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	rc = atomic_write(target, b->data ? b->data : "", b->len,
			  (flags & EXPORT_FORCE) ? ATOMIC_OVERWRITE : 0, e);
	if (rc == ST_OK && written && strv_push(written, target) < 0)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	free(target);
	return rc;
}

/*
 * ADR folders are a file format that other tools read back (adr-tools
 * looks for "## Status" and "Superceded by", log4brains for MADR's
 * headings, import-adr for both): their headings and status words must not
 * depend on who exported them, so they are written with the C locale's
 * messages, like CSV and the interchange format.  (Reports and tables are
 * for reading and follow the reader's language.)
 */
static int write_adr_dir(const struct workshop_data *d,
			 const struct knowledge *k, bool madr, const char *dir,
			 int flags, struct strv *written, struct error *e)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	char *saved = cur ? str_dup(cur) : NULL;
	int rc;

	if (cur && !saved)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	setlocale(LC_MESSAGES, "C");
	rc = x_write_dir(d, k, madr, dir, flags, written, e);
	if (saved)
		setlocale(LC_MESSAGES, saved);
	free(saved);
	return rc;
}

int export_run(const struct workshop_data *d, const struct knowledge *k,
	       const char *format, const char *path, int flags,
	       struct strv *written, struct error *e)
{
	enum export_format f;
	struct buf b;
	int rc;

	if (export_format_from_id(format, &f) < 0)
		return err_set(e, ST_INPUT,
			       _("unknown export format \"%s\" (use report, adr, madr, risks, metrics, risks-csv or metrics-csv)"),
			       format ? format : "");
	if (export_format_is_dir(f))
		return write_adr_dir(d, k, f == EXPORT_MADR,
				     path ? path : EXPORT_ADR_DIR, flags,
				     written, e);
	buf_init(&b);
	buf_puts(&b, "");
	rc = export_render_with(d, k, f, flags, &b, e);
	if (rc == ST_OK)
		rc = x_out_of_memory(&b, e);
	if (rc == ST_OK)
		rc = path ? write_file(path, f, &b, flags, written, e) :
			    write_stdout(&b, e);
	buf_free(&b);
	return rc;
}

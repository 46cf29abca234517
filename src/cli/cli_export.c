#include "config.h"
/*
 * cli_export: `charrette export WORKSHOP --format FORMAT [-o PATH]
 * [--force]`.  Markdown and CSV come from src/export (export_run, the same
 * entry point as the terminal UI's export), yaml and json from the
 * interchange writers.  Without -o a single-file format goes to standard
 * output and adr / madr go to ./doc/adr.  Every file written is named on
 * standard output, one per line, so scripts can pick them up.
 *
 * FORMAT: report, adr, madr, risks, metrics, risks-csv, metrics-csv, yaml,
 * json; "csv" is short for risks-csv.  With adr and madr, --dry-run lists
 * what the export would write instead (as `charrette diff` does).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr/adr_export.h"
#include "cli/cli.h"
#include "export/export.h"
#include "export/interchange.h"
#include "model/model.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/str.h"

/* yaml / json: to -o (interchange_export, as the terminal's :export) or
 * to standard output. */
static int write_interchange(struct cli_ctx *ctx,
			     const struct workshop_data *d, bool json,
			     const char *path, bool force, struct error *e)
{
	struct buf b;
	char *target = NULL;
	int rc;

	if (path) {
		rc = interchange_export(d, json, path, force, &target, e);
		if (rc == ST_OK)
			fprintf(ctx->out, "%s\n", target);
		free(target);
		return rc;
	}
	buf_init(&b);
	rc = interchange_render(d, json, &b, e);
	if (rc == ST_OK) {
		fwrite(buf_str(&b), 1, b.len, ctx->out);
		rc = cli_check_out(ctx, e);
	}
	buf_free(&b);
	return rc;
}

static int run(struct cli_ctx *ctx, const struct workshop_data *d,
	       const char *format, const char *path, bool force,
	       struct error *e)
{
	struct strv written = { 0 };
	struct knowledge *k;
	struct error ke;
	enum export_format f;
	int rc;

	/* Without content the documents still come out, with ids for
	 * labels: better than no export at all. */
	err_clear(&ke);
	k = cli_knowledge(ctx, &ke);
	if (!k) {
		char line[2048];

		fprintf(ctx->err, _("charrette: warning: %s; exporting without content (ids instead of labels)\n"),
			err_format(&ke, line, sizeof(line)));
	}
	if (export_format_from_id(format, &f) < 0)
		return err_set(e, ST_INPUT, _("unknown export format '%s'"),
			       format);
	if (!path && !export_format_is_dir(f)) {
		struct buf b;

		buf_init(&b);
		buf_puts(&b, "");
		rc = export_render(d, k, f, &b, e);
		if (rc == ST_OK && b.oom)
			rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		if (rc == ST_OK) {
			fwrite(buf_str(&b), 1, b.len, ctx->out);
			rc = cli_check_out(ctx, e);
		}
		buf_free(&b);
		return rc;
	}
	rc = export_run(d, k, format, path, force ? EXPORT_FORCE : 0,
			&written, e);
	for (size_t i = 0; rc == ST_OK && i < written.n; i++)
		fprintf(ctx->out, "%s\n", written.v[i]);
	strv_free(&written);
	return rc;
}

/* adr / madr --dry-run: what the export would write, and why. */
static int dry_run_adr(struct cli_ctx *ctx, const struct workshop_data *d,
		       const char *format, const char *path, bool force,
		       struct error *e)
{
	struct adr_changes ch = { 0 };
	struct error ke;
	int rc;

	err_clear(&ke);
	rc = adr_export_dir(d, cli_knowledge(ctx, &ke),
			    path ? path : EXPORT_ADR_DIR,
			    ADR_EXPORT_DRY_RUN |
			    (strcmp(format, "madr") == 0 ? ADR_EXPORT_MADR : 0) |
			    (force ? ADR_EXPORT_FORCE : 0), &ch, NULL, e);
	if (rc == ST_OK)
		rc = cli_adr_print_changes(ctx, &ch);
	adr_changes_clear(&ch);
	return rc;
}

int cli_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *ref = NULL, *format = NULL, *path = NULL;
	struct workshop_data *d = NULL;
	enum export_format f;
	bool force = false, positional = false, dry_run = false;
	struct error e;
	long long id = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!positional && (strcmp(a, "--format") == 0 ||
				    strcmp(a, "-f") == 0)) {
			if (++i >= argc)
				return cli_usage(ctx, _("export: %s needs a value"), a);
			if (cli_set_once(ctx, "export", "--format", &format,
					 argv[i]))
				return 2;
		} else if (!positional && str_startswith(a, "--format=")) {
			if (cli_set_once(ctx, "export", "--format", &format,
					 a + strlen("--format=")))
				return 2;
		} else if (!positional && (strcmp(a, "-o") == 0 ||
					   strcmp(a, "--output") == 0)) {
			if (++i >= argc)
				return cli_usage(ctx, _("export: %s needs a path"), a);
			if (cli_set_once(ctx, "export", "-o", &path, argv[i]))
				return 2;
		} else if (!positional && str_startswith(a, "--output=")) {
			if (cli_set_once(ctx, "export", "-o", &path,
					 a + strlen("--output=")))
				return 2;
		} else if (!positional && strcmp(a, "--force") == 0) {
			force = true;
		} else if (!positional && strcmp(a, "--dry-run") == 0) {
			dry_run = true;
		} else if (!positional && strcmp(a, "--") == 0) {
			positional = true;
		} else if (!positional && a[0] == '-' && a[1]) {
			return cli_usage(ctx, _("export: unknown option '%s'"), a);
		} else if (!ref) {
			ref = a;
		} else {
			return cli_usage(ctx, _("export: unexpected argument '%s'"),
					 a);
		}
	}
	if (!ref || !format)
		return cli_usage(ctx, "%s", _("usage: charrette export WORKSHOP --format report|adr|madr|risks|metrics|risks-csv|metrics-csv|yaml|json [-o PATH] [--force] [--dry-run]"));
	if (dry_run && strcmp(format, "adr") != 0 && strcmp(format, "madr") != 0)
		return cli_usage(ctx, "%s", _("export: --dry-run lists what an adr or madr export would change; other formats write one file"));
	if (path && !*path)
		return cli_usage(ctx, "%s", _("export: -o needs a non-empty path"));
	if (strcmp(format, "yaml") != 0 && strcmp(format, "json") != 0 &&
	    export_format_from_id(format, &f) < 0)
		return cli_usage(ctx, _("export: unknown format '%s' (expected report, adr, madr, risks, metrics, risks-csv, metrics-csv, yaml or json)"),
				 format);

	err_clear(&e);
	if (cli_find_workshop(ctx, ref, &id, &e) < 0)
		return cli_fail(ctx, &e);
	if (cli_workshop_load(ctx, id, &d, &e) < 0)
		return cli_fail(ctx, &e);
	if (strcmp(format, "yaml") == 0 || strcmp(format, "json") == 0)
		rc = write_interchange(ctx, d, format[0] == 'j', path, force,
				       &e);
	else if (dry_run)
		rc = dry_run_adr(ctx, d, format, path, force, &e);
	else
		rc = run(ctx, d, format, path, force, &e);
	wsdata_free(&d);
	if (rc < 0)
		return cli_fail(ctx, &e);
	return 0;
}

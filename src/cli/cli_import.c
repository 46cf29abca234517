#include "config.h"
/*
 * cli_import: `charrette import FILE` (a workshop from the YAML or JSON
 * interchange format) and the bundled demo workshop.  The file is read and
 * validated completely before the database is even opened, and the store
 * inserts it in one transaction: on any error nothing is written.
 */

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "export/interchange.h"
#include "session/session.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"

/* Read all of stdin ("import -"). */
static int read_stdin(struct buf *b, struct error *e)
{
	char chunk[8192];
	size_t n;

	/* One byte past the limit is enough for the reader to refuse it. */
	while (b->len <= INTERCHANGE_MAX_BYTES &&
	       (n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		if (buf_add(b, chunk, n) < 0)
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (ferror(stdin))
		return err_set(e, ST_ERROR, "%s",
			       _("cannot read the standard input"));
	return ST_OK;
}

static int import_data(struct cli_ctx *ctx, const struct workshop_data *d,
		       long long *id, struct error *e)
{
	struct sess_result r = { 0 };
	struct session *s = cli_session(ctx, false, e);
	int rc;

	if (!s)
		return e->code ? e->code : ST_ERROR;
	rc = session_workshop_import(s, d, &r);
	if (rc < 0)
		err_set(e, (enum status)rc, "%s", r.msg);
	*id = (long long)r.id;
	sess_result_clear(&r);
	return rc;
}

int cli_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct workshop_data *d = NULL;
	struct error e;
	long long id = 0;
	const char *file;
	int rc;

	if (argc != 2)
		return cli_usage(ctx, "%s", _("usage: charrette import FILE (or - for the standard input)"));
	file = argv[1];
	if (file[0] == '-' && file[1])
		return cli_usage(ctx, _("import: unknown option '%s'"), file);
	if (ctx->read_only)
		return cli_usage(ctx, "%s", _("import: cannot import with --read-only"));
	err_clear(&e);
	if (strcmp(file, "-") == 0) {
		struct buf b;

		buf_init(&b);
		rc = read_stdin(&b, &e);
		if (rc == ST_OK)
			rc = interchange_read_buffer(_("<stdin>"), buf_str(&b),
						     b.len, &d, &e);
		buf_free(&b);
	} else {
		rc = interchange_read_file(file, &d, &e);
	}
	if (rc < 0)
		return cli_fail(ctx, &e);
	rc = import_data(ctx, d, &id, &e);
	wsdata_free(&d);
	if (rc < 0)
		return cli_fail(ctx, &e);
	fprintf(ctx->out, "%lld\n", id);
	return 0;
}

int cli_demo_load(struct cli_ctx *ctx, long long *id, struct error *e)
{
	struct workshop_data *d = NULL;
	char *path = path_join(path_data_dir(), "demo.yaml");
	int rc;

	*id = 0;
	if (!path)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	rc = interchange_read_file(path, &d, e);
	free(path);
	if (rc < 0)
		return rc;
	rc = import_data(ctx, d, id, e);
	wsdata_free(&d);
	return rc;
}

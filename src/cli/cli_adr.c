#include "config.h"
/*
 * cli_adr: the import-adr verb.  Reads an existing ADR folder (through
 * adr/adr_import) into a new workshop, or adds its records to an
 * existing one, where the store gives them new numbers and the supersede
 * links are moved to follow.
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "adr/adr_import.h"
#include "store/store.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/str.h"

static void print_msgs(struct cli_ctx *ctx, const struct adr_msgs *m)
{
	char line[2048];

	for (size_t i = 0; i < m->n; i++)
		fprintf(ctx->err, "charrette: %s\n",
			err_format(&m->v[i], line, sizeof(line)));
}

static void print_summary(struct cli_ctx *ctx,
			  const struct adr_import_report *rep)
{
	fprintf(ctx->out, _("imported %zu, skipped %zu (of %zu files)\n"),
		rep->n_imported, rep->n_skipped, rep->n_files);
	if (rep->n_assigned == 1)
		fprintf(ctx->out,
			_("1 file without a number (date-named) became ADR %d\n"),
			rep->first_assigned);
	else if (rep->n_assigned)
		fprintf(ctx->out,
			_("%zu files without a number (date-named) became ADR %d-%d, in date order\n"),
			rep->n_assigned, rep->first_assigned,
			rep->last_assigned);
	if (rep->n_renumbered)
		fprintf(ctx->out,
			_("%zu file(s) with a number already taken got the next free number\n"),
			rep->n_renumbered);
}

/* One field of a stored decision, at whatever version it has now. */
static int update_field(struct store *s, int64_t id, const char *field,
			const char *value, struct error *e)
{
	char *cur = NULL;
	int64_t version = 0;
	int rc;

	if ((rc = store_get_field(s, "decision", id, field, &cur, &version,
				  e)) < 0)
		return rc;
	free(cur);
	return store_update(s, "decision", id, field, value, version, NULL, e);
}

/*
 * Add the decisions to workshop ws.  The store numbers them, so links are
 * written once every record has its new number.
 */
static int add_into(struct cli_ctx *ctx, int64_t ws, struct workshop_data *d,
		    int *first, int *last, struct error *e)
{
	size_t n = d->n_decisions;
	int *old_num = calloc(n, sizeof(int)), *new_num = calloc(n, sizeof(int));
	int64_t *ids = calloc(n, sizeof(int64_t));
	size_t dropped;
	int rc = ST_OK;

	if (!old_num || !new_num || !ids) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < n && rc == ST_OK; i++) {
		struct decision *x = &d->decisions[i];
		int *sup = x->supersedes, by = x->superseded_by;
		size_t n_sup = x->n_supersedes;
		struct strv links = x->links;

		x->supersedes = NULL;
		x->n_supersedes = 0;
		x->superseded_by = 0;
		memset(&x->links, 0, sizeof(x->links));
		old_num[i] = x->number;
		rc = store_decision_add(ctx->store, ws, x, &ids[i], &new_num[i],
					e);
		x->supersedes = sup;
		x->n_supersedes = n_sup;
		x->superseded_by = by;
		x->links = links;
	}
	if (rc < 0)
		goto done;
	/* In another workshop a number outside the folder means some other
	 * decision, so such links cannot be kept. */
	dropped = adr_renumber_links(d->decisions, n, old_num, new_num, n);
	if (dropped == SIZE_MAX) {
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
		goto done;
	}
	if (dropped)
		fprintf(ctx->err,
			_("charrette: %zu link(s) to ADRs outside the folder dropped\n"),
			dropped);
	for (size_t i = 0; i < n && rc == ST_OK; i++) {
		struct decision *x = &d->decisions[i];

		if (x->n_supersedes) {
			struct buf b;

			/* The store reads a number list as "3, 7". */
			buf_init(&b);
			for (size_t k = 0; k < x->n_supersedes; k++)
				buf_printf(&b, "%s%d", k ? ", " : "",
					   x->supersedes[k]);
			rc = b.oom ? err_set(e, ST_ERROR, "%s", _("out of memory")) :
				update_field(ctx->store, ids[i], "supersedes",
					     buf_str(&b), e);
			buf_free(&b);
		}
		if (rc == ST_OK && x->superseded_by) {
			char num[32];

			snprintf(num, sizeof(num), "%d", x->superseded_by);
			rc = update_field(ctx->store, ids[i], "superseded_by",
					  num, e);
		}
		if (rc == ST_OK && x->links.n) {
			char *lines = strv_join(&x->links, "\n");

			rc = !lines ? err_set(e, ST_ERROR, "%s", _("out of memory")) :
				update_field(ctx->store, ids[i], "links", lines,
					     e);
			free(lines);
		}
	}
	if (rc == ST_OK && n) {
		*first = new_num[0];
		*last = new_num[n - 1];
	}
done:
	free(old_num);
	free(new_num);
	free(ids);
	return rc;
}

int cli_import_adr(struct cli_ctx *ctx, int argc, char **argv)
{
	struct adr_import_report rep;
	struct workshop_data *d = NULL;
	const char *dir = NULL, *into = NULL;
	struct error e;
	long long ws = 0;
	int64_t id = 0;
	int rc, first = 0, last = 0;

	err_clear(&e);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--into") == 0 && i + 1 < argc) {
			if (cli_set_once(ctx, "import-adr", "--into", &into,
					 argv[++i]))
				return 2;
		} else if (strncmp(argv[i], "--into=", 7) == 0) {
			if (cli_set_once(ctx, "import-adr", "--into", &into,
					 argv[i] + 7))
				return 2;
		} else if (strcmp(argv[i], "--into") == 0) {
			return cli_usage(ctx, "%s", _("import-adr: --into needs a WORKSHOP"));
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(ctx, _("import-adr: unknown option '%s'"),
					 argv[i]);
		} else if (!dir) {
			dir = argv[i];
		} else {
			return cli_usage(ctx, "%s", _("import-adr: one folder at a time"));
		}
	}
	if (!dir || (into && !*into))
		return cli_usage(ctx, "%s", _("usage: charrette import-adr DIR [--into WORKSHOP]"));
	if (ctx->read_only)
		return cli_usage(ctx, "%s", _("import-adr: cannot import with --read-only"));

	memset(&rep, 0, sizeof(rep));
	if (!(d = wsdata_new())) {
		err_set(&e, ST_ERROR, "%s", _("out of memory"));
		return cli_fail(ctx, &e);
	}
	rc = adr_import_dir(dir, d, &rep, &e);
	print_msgs(ctx, &rep.msgs);
	if (rc < 0) {
		if (rep.n_files)
			print_summary(ctx, &rep);
		goto fail;
	}

	if (into) {
		if ((rc = cli_find_workshop(ctx, into, &ws, &e)) < 0 ||
		    (rc = add_into(ctx, (int64_t)ws, d, &first, &last, &e)) < 0)
			goto fail;
		id = (int64_t)ws;
	} else {
		d->ws.title = adr_import_title(dir);
		d->ws.template_name = str_dup("generic");
		if (!d->ws.title || !d->ws.template_name) {
			rc = err_set(&e, ST_ERROR, "%s", _("out of memory"));
			goto fail;
		}
		d->ws.stage = STAGE_DECISION;
		d->ws.created = d->ws.updated = clock_now();
		if (!cli_store(ctx, &e)) {
			rc = e.code;
			goto fail;
		}
		if ((rc = store_workshop_import(ctx->store, d, &id, &e)) < 0)
			goto fail;
	}
	print_summary(ctx, &rep);
	if (into)
		fprintf(ctx->out, _("added as ADR %d-%d to workshop %" PRId64 "\n"),
			first, last, id);
	else
		fprintf(ctx->out, _("workshop %" PRId64 ": %s\n"), id,
			d->ws.title);
	adr_import_report_clear(&rep);
	wsdata_free(&d);
	return 0;
fail:
	adr_import_report_clear(&rep);
	wsdata_free(&d);
	return cli_fail(ctx, &e);
}

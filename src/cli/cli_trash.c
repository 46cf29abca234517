/*
 * cli_trash: the trash on the command line — `charrette delete WORKSHOP`
 * (moves it to the trash), `list --deleted`, `restore WORKSHOP` and
 * `purge WORKSHOP|--all` (empties it, only on request).  Deleting and
 * purging are for the workshop's facilitator or the account that created
 * it; the store decides (store_trash.h) and says who may.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "store/store.h"
#include "store/store_trash.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

static void fmt_when(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || !gmtime_r(&tt, &tm))
		snprintf(buf, size, "-");
	else
		strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

/* Writes need a database open for writing: say so before anything. */
static int refuse_read_only(struct cli_ctx *ctx, const char *verb)
{
	return cli_usage(ctx, _("%s: cannot change the trash with --read-only"),
			 verb);
}

/* A workshop in the trash by id or title prefix. */
static int find_trashed(struct cli_ctx *ctx, const char *ref, int64_t *id,
			struct error *e)
{
	if (!cli_store(ctx, e))
		return e->code;
	return store_trash_find(ctx->store, ref, id, e);
}

static const char *title_of(struct cli_ctx *ctx, int64_t id, char *buf,
			    size_t size)
{
	struct trashed *list = NULL;
	struct error e;
	size_t n = 0;

	err_clear(&e);
	snprintf(buf, size, "%" PRId64, id);
	if (store_trash_list(ctx->store, &list, &n, &e) < 0)
		return buf;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			snprintf(buf, size, "%s", list[i].title);
	store_trash_list_free(&list, n);
	return buf;
}

int cli_list_deleted(struct cli_ctx *ctx)
{
	struct trashed *list = NULL;
	struct error e;
	size_t n = 0;
	int by_w = utf8_width(_("DELETED BY"));

	err_clear(&e);
	if (!cli_store(ctx, &e))
		return cli_fail(ctx, &e);
	if (store_trash_list(ctx->store, &list, &n, &e) < 0)
		return cli_fail(ctx, &e);
	if (n == 0) {
		fprintf(ctx->out, "%s\n", _("The trash is empty."));
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		int w = utf8_width(list[i].deleted_by ? list[i].deleted_by : "?");

		if (w > by_w)
			by_w = w;
	}
	fprintf(ctx->out, "%-4s  %-16s  ", "ID", _("DELETED"));
	fputs(_("DELETED BY"), ctx->out);
	for (int c = utf8_width(_("DELETED BY")); c < by_w; c++)
		fputc(' ', ctx->out);
	fprintf(ctx->out, "  %s\n", _("TITLE"));
	for (size_t i = 0; i < n; i++) {
		const char *by = list[i].deleted_by ? list[i].deleted_by : "?";
		char when[32];

		fmt_when(when, sizeof(when), list[i].deleted);
		fprintf(ctx->out, "%-4" PRId64 "  %-16s  %s", list[i].id, when,
			by);
		for (int c = utf8_width(by); c < by_w; c++)
			fputc(' ', ctx->out);
		fprintf(ctx->out, "  %s\n", list[i].title);
	}
	store_trash_list_free(&list, n);
	return 0;
}

int cli_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct workshop w;
	struct error e;
	long long id;
	int rc;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage(ctx, "%s", _("usage: charrette delete WORKSHOP "
					      "(moves it to the trash)"));
	if (ctx->read_only)
		return refuse_read_only(ctx, argv[0]);
	err_clear(&e);
	if (cli_find_workshop(ctx, argv[1], &id, &e) < 0)
		return cli_fail(ctx, &e);
	if (store_workshop_get(ctx->store, (int64_t)id, &w, &e) < 0)
		return cli_fail(ctx, &e);
	rc = store_trash_put(ctx->store, (int64_t)id, &e);
	if (rc == ST_OK)
		fprintf(ctx->out, _("moved “%s” (%lld) to the trash; charrette "
				    "restore %lld brings it back\n"),
			w.title, id, id);
	workshop_clear(&w);
	return rc < 0 ? cli_fail(ctx, &e) : 0;
}

int cli_restore(struct cli_ctx *ctx, int argc, char **argv)
{
	struct error e;
	char title[512];
	int64_t id = 0;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage(ctx, "%s", _("usage: charrette restore WORKSHOP "
					      "(see charrette list --deleted)"));
	if (ctx->read_only)
		return refuse_read_only(ctx, argv[0]);
	err_clear(&e);
	if (find_trashed(ctx, argv[1], &id, &e) < 0)
		return cli_fail(ctx, &e);
	title_of(ctx, id, title, sizeof(title));
	if (store_trash_restore(ctx->store, id, &e) < 0)
		return cli_fail(ctx, &e);
	fprintf(ctx->out, _("restored “%s” (%" PRId64 ")\n"), title, id);
	return 0;
}

int cli_purge(struct cli_ctx *ctx, int argc, char **argv)
{
	struct error e;
	char title[512];
	size_t purged = 0, kept = 0;
	int64_t id = 0;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1] &&
			  strcmp(argv[1], "--all") != 0))
		return cli_usage(ctx, "%s", _("usage: charrette purge "
					      "WORKSHOP|--all (empties the "
					      "trash for good)"));
	if (ctx->read_only)
		return refuse_read_only(ctx, argv[0]);
	err_clear(&e);
	if (strcmp(argv[1], "--all") == 0) {
		if (!cli_store(ctx, &e) ||
		    store_trash_purge_all(ctx->store, &purged, &kept, &e) < 0)
			return cli_fail(ctx, &e);
		fprintf(ctx->out, ngettext("purged %zu workshop from the trash",
					   "purged %zu workshops from the trash",
					   purged), purged);
		if (kept)
			fprintf(ctx->out, ngettext("; %zu is left (only its "
						   "facilitator or creator may "
						   "purge it)",
						   "; %zu are left (only their "
						   "facilitators or creators "
						   "may purge them)", kept),
				kept);
		fputc('\n', ctx->out);
		return 0;
	}
	if (find_trashed(ctx, argv[1], &id, &e) < 0)
		return cli_fail(ctx, &e);
	title_of(ctx, id, title, sizeof(title));
	if (store_trash_purge(ctx->store, id, &e) < 0)
		return cli_fail(ctx, &e);
	fprintf(ctx->out, _("purged “%s” (%" PRId64 ") for good\n"), title, id);
	return 0;
}

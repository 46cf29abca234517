/* cli_common: what every verb shares: the lazily opened store and content,
 * error printing, and resolving a WORKSHOP argument. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/ioerr.h"
#include "util/path.h"
#include "util/safetext.h"
#include "util/shared.h"
#include "util/str.h"

struct store *cli_store(struct cli_ctx *ctx, struct error *e)
{
	char *dir;
	int flags = ctx->read_only ? STORE_READONLY : 0;

	if (ctx->store)
		return ctx->store;
	if (!ctx->read_only) {
		struct stat st;

		/* Create the default folder tree, but only when the file is
		 * not there yet: never touch folders of an existing DB. */
		if (stat(ctx->db_path, &st) != 0) {
			dir = path_dirname(ctx->db_path);
			if (!dir) {
				err_set(e, ST_ERROR, "%s", _("out of memory"));
				return NULL;
			}
			if (path_mkdir_p(dir, 0777, e) < 0) {
				free(dir);
				return NULL;
			}
			free(dir);
		}
	}
	if (!ctx->read_only) {
		struct strv warnings = { 0 };

		if (shared_prepare_db(ctx->db_path, &warnings, e) < 0)
			return NULL;
		for (size_t i = 0; i < warnings.n; i++)
			fprintf(ctx->err, "charrette: warning: %s\n", warnings.v[i]);
		strv_free(&warnings);
	}
	if (store_open(&ctx->store, ctx->db_path, flags, ctx->who, e) < 0)
		return NULL;
	store_set_stop(ctx->store, ctx->stopping, NULL);
	return ctx->store;
}

struct session *cli_session(struct cli_ctx *ctx, bool with_content,
			    struct error *e)
{
	if (ctx->s)
		return ctx->s;
	if (with_content && !cli_knowledge(ctx, e))
		return NULL;
	if (!cli_store(ctx, e))
		return NULL;
	if (session_new(&ctx->s, &(struct session_opts){
		.store = ctx->store, .k = ctx->k,
		.read_only = ctx->read_only }, e) < 0)
		return NULL;
	return ctx->s;
}

int cli_workshop_load(struct cli_ctx *ctx, long long id,
		      struct workshop_data **d, struct error *e)
{
	struct session *s = NULL;
	int rc;

	*d = NULL;
	if (!cli_store(ctx, e))
		return e->code;
	if ((rc = session_new(&s, &(struct session_opts){
		.store = ctx->store, .k = ctx->k, .read_only = true }, e)) < 0)
		return rc;
	rc = session_load_visible(s, (int64_t)id, d, e);
	session_free(&s);
	return rc;
}

int cli_result(struct cli_ctx *ctx, const struct sess_result *r)
{
	if (sess_ok(r))
		return 0;
	fprintf(ctx->err, "charrette: %s\n", r->msg);
	return err_exit_code(r->code < 0 ? (enum status)r->code : ST_ERROR);
}

struct knowledge *cli_knowledge(struct cli_ctx *ctx, struct error *e)
{
	struct diag diags = { 0 };
	const char *extra[2];
	size_t n_extra = 0;
	char *user_dir, *cache_dir;
	int rc;

	if (ctx->k)
		return ctx->k;
	user_dir = path_user_data_dir(NULL);
	if (user_dir)
		extra[n_extra++] = user_dir;
	if (ctx->extra_data)
		extra[n_extra++] = ctx->extra_data;
	/* Without a cache folder the files are parsed, as by check-data. */
	cache_dir = path_user_cache_dir(NULL);
	rc = content_load_cached(&ctx->k, path_data_dir(), extra, n_extra,
				 cache_dir, &diags);
	free(cache_dir);
	free(user_dir);
	if (rc < 0) {
		/* Show every problem but the first, which the caller shows. */
		char line[2048];

		for (size_t i = 1; i < diags.n; i++)
			fprintf(ctx->err, "charrette: %s\n",
				diag_format(&diags, i, line, sizeof(line)));
		if (diags.dropped)
			fprintf(ctx->err, _("charrette: ... and %zu more "
					    "problems, not shown\n"),
				diags.dropped);
		if (diags.n)
			*e = diags.v[0];
		else
			err_set(e, ST_ERROR, "%s", _("cannot load content"));
		diag_clear(&diags);
		knowledge_free(&ctx->k);
		return NULL;
	}
	diag_clear(&diags);
	return ctx->k;
}

/* Messages quote stored text and arguments: shown through util/safetext
 * (line breaks kept: an ambiguous title lists its candidates). */
int cli_fail(struct cli_ctx *ctx, const struct error *e)
{
	struct error shown = *e;
	char line[2048];

	/* "disk full: FILE: write error: No space left on device" */
	ioerr_name_full(&shown);
	fputs("charrette: ", ctx->err);
	safe_fputs(err_format(&shown, line, sizeof(line)), SAFE_KEEP_NL,
		   ctx->err);
	fputc('\n', ctx->err);
	return err_exit_code(e->code);
}

int cli_usage(struct cli_ctx *ctx, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fputs("charrette: ", ctx->err);
	safe_fputs(line, SAFE_KEEP_NL, ctx->err);
	fputc('\n', ctx->err);
	return 2;
}

int cli_set_once(struct cli_ctx *ctx, const char *verb, const char *opt,
		 const char **dst, const char *value)
{
	if (*dst)
		return cli_usage(ctx, _("%s: %s given twice"), verb, opt);
	*dst = value;
	return 0;
}

int cli_find_workshop(struct cli_ctx *ctx, const char *ref, long long *id,
		      struct error *e)
{
	int64_t found = 0;
	int rc;

	if (!cli_store(ctx, e))
		return e->code;
	rc = store_workshop_find(ctx->store, ref, &found, e);
	if (rc < 0)
		return rc;
	*id = (long long)found;
	return ST_OK;
}

int cli_check_out(struct cli_ctx *ctx, struct error *e)
{
	/* A write that already failed left its errno, when it was the last
	 * thing done (callers check right after writing). */
	int err = ferror(ctx->out) ? errno : 0;

	if (fflush(ctx->out) != 0)
		err = errno;
	else if (!ferror(ctx->out))
		return ST_OK;
	if (!err)
		err = EIO;
	if (ioerr_is_full(err))
		return err_set(e, ST_ERROR, _("disk full: cannot write to the "
					      "standard output (%s)"),
			       strerror(err));
	return err_set(e, ST_ERROR, _("cannot write to the standard output: %s"),
		       strerror(err));
}

void cli_ctx_clear(struct cli_ctx *ctx)
{
	session_free(&ctx->s);
	store_close(&ctx->store);
	knowledge_free(&ctx->k);
}

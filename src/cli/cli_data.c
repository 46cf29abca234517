/*
 * cli_data: `charrette check-data [DIR]`, validating content files.  Without
 * DIR it checks what the program would load (shipped content, the user's
 * content folder and --data); with DIR it checks the shipped content with
 * DIR on top, as a user content folder.  Every problem is listed with its
 * place, then one summary line.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "content/content.h"
#include "util/i18n.h"
#include "util/path.h"

static void summary(struct cli_ctx *ctx, const struct knowledge *k)
{
	fprintf(ctx->out,
		_("content ok: %zu sections, %zu questions, %zu criteria, "
		  "%zu categories, %zu technologies, %zu patterns, %zu rules, "
		  "%zu anti-patterns, %zu metrics, %zu templates\n"),
		k->n_sections, k->n_questions, k->n_criteria,
		k->n_categories, k->n_techs, k->n_patterns, k->n_rules,
		k->n_antipatterns, k->n_metrics, k->n_templates);
}

int cli_check_data(struct cli_ctx *ctx, int argc, char **argv)
{
	struct knowledge *k = NULL;
	struct diag diags = { 0 };
	const char *extra[2];
	size_t n_extra = 0;
	char *user_dir = NULL;
	char line[2048];
	int rc, code;

	if (argc > 2)
		return cli_usage(ctx, _("usage: charrette check-data [DIR]"));
	if (argc == 2) {
		struct stat st;

		if (argv[1][0] == '-')
			return cli_usage(ctx, _("%s: unknown option '%s'"),
					 argv[0], argv[1]);
		if (stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode))
			return cli_usage(ctx, _("%s: no such folder: %s"),
					 argv[0], argv[1]);
		extra[n_extra++] = argv[1];
	} else {
		user_dir = path_user_data_dir(NULL);
		if (user_dir)
			extra[n_extra++] = user_dir;
		if (ctx->extra_data)
			extra[n_extra++] = ctx->extra_data;
	}
	rc = content_load(&k, path_data_dir(), extra, n_extra, &diags);
	/* Each problem once (with how often it came), and at most DIAG_MAX
	 * of them: a hostile folder cannot flood the terminal. */
	for (size_t i = 0; i < diags.n; i++)
		fprintf(ctx->err, "charrette: %s\n",
			diag_format(&diags, i, line, sizeof(line)));
	if (diags.dropped)
		fprintf(ctx->err, _("charrette: ... and %zu more problems, not "
				    "shown\n"), diags.dropped);
	if (rc == ST_OK) {
		summary(ctx, k);
		code = 0;
	} else {
		size_t n = diags.n + diags.dropped;

		fprintf(ctx->err,
			n == 1 ? _("charrette: %zu problem in content\n")
			       : _("charrette: %zu problems in content\n"), n);
		/* Bad content is an input error; an unreadable folder or
		 * lack of memory is a runtime failure. */
		code = err_exit_code(rc);
	}
	knowledge_free(&k);
	diag_clear(&diags);
	free(user_dir);
	return code;
}

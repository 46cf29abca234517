/*
 * cli_tsv: listings for scripts and shell completion: `list --format tsv`
 * and the templates verb.  A TSV field is one line whatever is stored: a
 * control character prints as a space and invalid UTF-8 as U+FFFD, so a
 * reader can split on tabs and newlines.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "content/content.h"
#include "model/model.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

void cli_tsv_field(FILE *f, const char *s)
{
	size_t len, i = 0;

	if (!s)
		return;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (n == 0) {
			fputs("\xEF\xBF\xBD", f);
			i++;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			fputc(' ', f);
			i += n;
		} else {
			fwrite(s + i, 1, n, f);
			i += n;
		}
	}
}

int cli_opt_format(struct cli_ctx *ctx, const char *verb, int argc,
		   char **argv, int *i, const char **format)
{
	const char *v;

	if (strcmp(argv[*i], "--format") == 0) {
		if (*i + 1 >= argc) {
			cli_usage(ctx, _("%s: --format needs a value (table or tsv)"),
				  verb);
			return -1;
		}
		v = argv[++*i];
	} else if (str_startswith(argv[*i], "--format=")) {
		v = argv[*i] + strlen("--format=");
	} else {
		return 0;
	}
	if (cli_set_once(ctx, verb, "--format", format, v))
		return -1;
	if (strcmp(v, "table") != 0 && strcmp(v, "tsv") != 0) {
		cli_usage(ctx, _("%s: unknown format '%s' (expected table or tsv)"),
			  verb, v);
		return -1;
	}
	return 1;
}

void cli_list_tsv(FILE *f, const struct workshop *list, size_t n)
{
	fputs("id\ttitle\tstage\tupdated\tarchived\n", f);
	for (size_t i = 0; i < n; i++) {
		time_t t = (time_t)list[i].updated;
		char when[32] = "";
		struct tm tm;

		if (list[i].updated > 0 && gmtime_r(&t, &tm))
			strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		fprintf(f, "%" PRId64 "\t", list[i].id);
		cli_tsv_field(f, list[i].title);
		fprintf(f, "\t%s\t%s\t%s\n", stage_id(list[i].stage), when,
			list[i].archived ? "yes" : "no");
	}
}

int cli_templates(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = NULL;
	const struct knowledge *k;
	struct error e;
	int width = 0;

	for (int i = 1; i < argc; i++) {
		int r = cli_opt_format(ctx, "templates", argc, argv, &i, &format);

		if (r < 0)
			return 2;
		if (r == 0)
			return cli_usage(ctx, _("templates: unexpected argument '%s'"),
					 argv[i]);
	}
	err_clear(&e);
	if (!(k = cli_knowledge(ctx, &e)))
		return cli_fail(ctx, &e);
	if (format && strcmp(format, "tsv") == 0) {
		fputs("id\tname\tdescription\n", ctx->out);
		for (size_t i = 0; i < k->n_templates; i++) {
			cli_tsv_field(ctx->out, k->templates[i].id);
			fputc('\t', ctx->out);
			cli_tsv_field(ctx->out, k->templates[i].name);
			fputc('\t', ctx->out);
			cli_tsv_field(ctx->out, k->templates[i].description);
			fputc('\n', ctx->out);
		}
		return 0;
	}
	/* Content is checked on load (ids are one-line words); names and
	 * descriptions still go through cli_tsv_field, which keeps them on
	 * one line and sends no control character to the terminal. */
	for (size_t i = 0; i < k->n_templates; i++) {
		int w = utf8_width(k->templates[i].id);

		if (w > width)
			width = w;
	}
	for (size_t i = 0; i < k->n_templates; i++) {
		const struct template_def *t = &k->templates[i];

		cli_tsv_field(ctx->out, t->id);
		fprintf(ctx->out, "%*s", width - utf8_width(t->id) + 2, "");
		cli_tsv_field(ctx->out, t->name);
		fputc('\n', ctx->out);
		if (!str_empty(t->description)) {
			fprintf(ctx->out, "%*s", width + 2, "");
			cli_tsv_field(ctx->out, t->description);
			fputc('\n', ctx->out);
		}
	}
	return 0;
}

#include "config.h"
/*
 * cli_score: `charrette score WORKSHOP [--format table|tsv|json]
 * [--sensitivity]`.  The numbers all come from the engine
 * (ws_scores_compute); this file only lays them out: an aligned table for
 * people (widths measured in terminal columns), TSV for spreadsheets and
 * shell pipelines, JSON for programs.  Approaches are listed by rank.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/evaluate.h"
#include "export/interchange.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

enum score_format { FMT_TABLE, FMT_TSV, FMT_JSON };

#define BAR_WIDTH 20
#define NAME_MAX_COLS 40

static void put_padded(FILE *f, const char *s, int cols, bool right)
{
	int w = utf8_width(s);

	if (right)
		for (int i = w; i < cols; i++)
			fputc(' ', f);
	fputs(s, f);
	if (!right)
		for (int i = w; i < cols; i++)
			fputc(' ', f);
}

/* Name cut to `cols` columns with an ellipsis; new string. */
static char *fit_name(const char *s, int cols)
{
	int used = 0;
	size_t n;

	if (utf8_width(s) <= cols)
		return str_dup(s);
	n = utf8_fit(s, cols - 1, &used);
	return str_printf("%.*s\xe2\x80\xa6", (int)n, s);
}

/* Text of one cell: the score, "~" when it is the mean of votes, "-" when
 * nobody scored it. */
static void cell_text(const struct ws_scores *s, size_t a, size_t c,
		      char *buf, size_t size)
{
	size_t i = a * s->n_crit + c;
	char num[64];

	if (!s->set[i]) {
		snprintf(buf, size, "-");
		return;
	}
	num_fmt(num, sizeof(num), NUM_VALUE, s->cells[i]);
	snprintf(buf, size, "%s%s", num,
		 s->source[i] == CELL_VOTES ? "~" : "");
}

static const char *app_name(const struct approach *a)
{
	return a->name && *a->name ? a->name : a->key;
}

/* The title, the weighting and, under AHP, the consistency ratio. */
static void print_weighting(FILE *f, const struct workshop_data *d,
			    const struct ws_scores *s)
{
	size_t nc = s->n_crit;
	char buf[128];

	fprintf(f, "%s\n", d->ws.title ? d->ws.title : "");
	fprintf(f, _("Weighting: %s\n"),
		s->has_ahp ? _("AHP (pairwise comparison)") : _("direct weights"));
	if (s->has_ahp) {
		num_fmt(buf, sizeof(buf), NUM_RATIO, s->ahp.cr);
		if (s->ahp.inconsistent && s->ahp.worst_a < nc &&
		    s->ahp.worst_b < nc)
			fprintf(f, _("Consistency ratio: %s (inconsistent: above %.2f; revisit %s vs %s)\n"),
				buf, AHP_CR_LIMIT, d->criteria[s->ahp.worst_a].key,
				d->criteria[s->ahp.worst_b].key);
		else
			fprintf(f, _("Consistency ratio: %s (acceptable, limit %.2f)\n"),
				buf, AHP_CR_LIMIT);
	}
	fputc('\n', f);
}

/* How far each weight must move before the leader changes. */
static void print_sensitivity(FILE *f, const struct workshop_data *d,
			      const struct ws_scores *s)
{
	size_t nc = s->n_crit, na = s->n_app;
	char buf[128];
	int kw = 0;

	fprintf(f, "\n%s\n", _("Sensitivity: how far each weight must move before the leader changes"));
	if (!ws_scores_comparable(s)) {
		fprintf(f, "  %s\n", _("nothing to compare yet: score the matrix first"));
		return;
	}
	for (size_t c = 0; c < nc; c++)
		if (utf8_width(d->criteria[c].key) > kw)
			kw = utf8_width(d->criteria[c].key);
	for (size_t c = 0; c < nc; c++) {
		const struct sensitivity *x = &s->sens[c];

		fputs("  ", f);
		put_padded(f, d->criteria[c].key, kw, false);
		num_fmt(buf, sizeof(buf), NUM_RATIO, x->weight);
		fprintf(f, "  %s  ", buf);
		if (!x->flips || x->new_leader >= na) {
			fprintf(f, "%s\n", _("robust"));
		} else {
			num_fmt(buf, sizeof(buf), NUM_RATIO, x->flip_at);
			fprintf(f, _("flips to %s at weight %s\n"),
				app_name(&d->approaches[x->new_leader]),
				buf);
		}
	}
}

static void print_table(struct cli_ctx *ctx, const struct workshop_data *d,
			const struct ws_scores *s)
{
	FILE *f = ctx->out;
	size_t nc = s->n_crit, na = s->n_app;
	int *w = calloc(nc + 1, sizeof(int));
	int name_w = utf8_width(_("Approach")), total_w = utf8_width(_("Total"));
	double top = 0;
	bool any_incomplete = false, any_votes = false;
	char buf[128];

	if (!w) {
		fprintf(ctx->err, "charrette: %s\n", _("out of memory"));
		return;
	}
	for (size_t a = 0; a < na; a++) {
		int nw = utf8_width(app_name(&d->approaches[a])) + 1;

		if (nw > NAME_MAX_COLS)
			nw = NAME_MAX_COLS;
		if (nw > name_w)
			name_w = nw;
		if (s->totals[a] > top)
			top = s->totals[a];
		num_fmt(buf, sizeof(buf), NUM_TOTAL, s->totals[a]);
		if (utf8_width(buf) > total_w)
			total_w = utf8_width(buf);
	}
	for (size_t c = 0; c < nc; c++) {
		w[c] = utf8_width(d->criteria[c].key);
		num_fmt(buf, sizeof(buf), NUM_RATIO, s->weights[c]);
		if (utf8_width(buf) > w[c])
			w[c] = utf8_width(buf);
		for (size_t a = 0; a < na; a++) {
			cell_text(s, a, c, buf, sizeof(buf));
			if (utf8_width(buf) > w[c])
				w[c] = utf8_width(buf);
			if (s->source[a * nc + c] == CELL_VOTES)
				any_votes = true;
		}
	}

	print_weighting(f, d, s);
	/* Header: criterion keys, then their normalised weights. */
	put_padded(f, _("Approach"), name_w, false);
	for (size_t c = 0; c < nc; c++) {
		fputs("  ", f);
		put_padded(f, d->criteria[c].key, w[c], true);
	}
	fputs("  ", f);
	put_padded(f, _("Total"), total_w, true);
	fprintf(f, "  %s\n", _("Rank"));
	put_padded(f, _("(weight)"), name_w, false);
	for (size_t c = 0; c < nc; c++) {
		num_fmt(buf, sizeof(buf), NUM_RATIO, s->weights[c]);
		fputs("  ", f);
		put_padded(f, buf, w[c], true);
	}
	fputc('\n', f);

	for (size_t r = 0; r < na; r++) {
		size_t a = s->order[r];
		char *name = fit_name(app_name(&d->approaches[a]), name_w - 1);
		char *label = name ? str_printf("%s%s", name,
						s->complete[a] ? "" : "*") : NULL;
		int bar = top > 0 ? (int)lround(BAR_WIDTH * s->totals[a] / top) : 0;

		put_padded(f, label ? label : "?", name_w, false);
		free(name);
		free(label);
		if (!s->complete[a])
			any_incomplete = true;
		for (size_t c = 0; c < nc; c++) {
			cell_text(s, a, c, buf, sizeof(buf));
			fputs("  ", f);
			put_padded(f, buf, w[c], true);
		}
		num_fmt(buf, sizeof(buf), NUM_TOTAL, s->totals[a]);
		fputs("  ", f);
		put_padded(f, buf, total_w, true);
		snprintf(buf, sizeof(buf), "%d", s->rank[a]);
		fputs("  ", f);
		put_padded(f, buf, utf8_width(_("Rank")), true);
		fputs("  ", f);
		for (int i = 0; i < bar; i++)
			fputc('#', f);
		fputc('\n', f);
	}
	if (any_incomplete || any_votes)
		fputc('\n', f);
	if (any_incomplete)
		fprintf(f, "%s\n", _("* incomplete: some criteria are not scored yet (they count 0)"));
	if (any_votes)
		fprintf(f, "%s\n", _("~ no agreed score: the mean of the participants' votes"));

	if (s->sens)
		print_sensitivity(f, d, s);
	free(w);
}

/* TSV cells cannot hold tabs or line breaks. */
static void tsv_field(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void print_tsv(struct cli_ctx *ctx, const struct workshop_data *d,
		      const struct ws_scores *s)
{
	FILE *f = ctx->out;
	char buf[64];

	fputs("rank\tapproach\tname", f);
	for (size_t c = 0; c < s->n_crit; c++) {
		fputc('\t', f);
		tsv_field(f, d->criteria[c].key);
	}
	fputs("\ttotal\tcomplete\n", f);
	for (size_t r = 0; r < s->n_app; r++) {
		size_t a = s->order[r];

		fprintf(f, "%d\t", s->rank[a]);
		tsv_field(f, d->approaches[a].key);
		fputc('\t', f);
		tsv_field(f, d->approaches[a].name);
		for (size_t c = 0; c < s->n_crit; c++) {
			size_t i = a * s->n_crit + c;

			fputc('\t', f);
			if (s->set[i]) {
				interchange_number(buf, sizeof(buf), s->cells[i]);
				fputs(buf, f);
			}
		}
		interchange_number(buf, sizeof(buf), s->totals[a]);
		fprintf(f, "\t%s\t%s\n", buf, s->complete[a] ? "yes" : "no");
	}
}

static void json_num(struct buf *b, double v)
{
	char num[64];

	interchange_number(num, sizeof(num), v);
	buf_puts(b, num);
}

static int print_json(struct cli_ctx *ctx, const struct workshop_data *d,
		      const struct ws_scores *s)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\"workshop\": ");
	interchange_json_string(&b, d->ws.title);
	buf_puts(&b, ", \"weighting\": ");
	interchange_json_string(&b, weighting_id(d->ws.weighting));
	buf_puts(&b, ", \"consistency_ratio\": ");
	if (s->has_ahp)
		json_num(&b, s->ahp.cr);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\n \"criteria\": [");
	for (size_t c = 0; c < s->n_crit; c++) {
		buf_puts(&b, c ? ",\n   {\"id\": " : "{\"id\": ");
		interchange_json_string(&b, d->criteria[c].key);
		buf_puts(&b, ", \"weight\": ");
		json_num(&b, s->weights[c]);
		buf_putc(&b, '}');
	}
	buf_puts(&b, "],\n \"approaches\": [");
	for (size_t r = 0; r < s->n_app; r++) {
		size_t a = s->order[r];

		buf_puts(&b, r ? ",\n   {\"id\": " : "{\"id\": ");
		interchange_json_string(&b, d->approaches[a].key);
		buf_puts(&b, ", \"total\": ");
		json_num(&b, s->totals[a]);
		buf_printf(&b, ", \"rank\": %d, \"complete\": %s}", s->rank[a],
			   s->complete[a] ? "true" : "false");
	}
	buf_putc(&b, ']');
	if (s->sens && !ws_scores_comparable(s)) {
		buf_puts(&b, ",\n \"sensitivity\": null");
	} else if (s->sens) {
		buf_puts(&b, ",\n \"sensitivity\": [");
		for (size_t c = 0; c < s->n_crit; c++) {
			const struct sensitivity *x = &s->sens[c];
			bool flips = x->flips && x->new_leader < s->n_app;

			buf_puts(&b, c ? ",\n   {\"criterion\": " :
					 "{\"criterion\": ");
			interchange_json_string(&b, d->criteria[c].key);
			buf_puts(&b, ", \"weight\": ");
			json_num(&b, x->weight);
			buf_puts(&b, ", \"flip_at\": ");
			if (flips)
				json_num(&b, x->flip_at);
			else
				buf_puts(&b, "null");
			buf_puts(&b, ", \"new_leader\": ");
			if (flips)
				interchange_json_string(
					&b, d->approaches[x->new_leader].key);
			else
				buf_puts(&b, "null");
			buf_putc(&b, '}');
		}
		buf_putc(&b, ']');
	}
	buf_puts(&b, "}\n");
	if (b.oom) {
		buf_free(&b);
		fprintf(ctx->err, "charrette: %s\n", _("out of memory"));
		return 1;
	}
	fputs(buf_str(&b), ctx->out);
	buf_free(&b);
	return 0;
}

int cli_score(struct cli_ctx *ctx, int argc, char **argv)
{
	enum score_format fmt = FMT_TABLE;
	const char *ref = NULL, *fmt_name = NULL;
	bool sens = false;
	struct workshop_data *d = NULL;
	struct ws_scores s;
	struct error e;
	long long id = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--sensitivity") == 0) {
			sens = true;
		} else if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc)
				return cli_usage(ctx, "%s", _("score: --format needs a value (table, tsv or json)"));
			if (cli_set_once(ctx, "score", "--format", &fmt_name,
					 argv[i]))
				return 2;
		} else if (str_startswith(argv[i], "--format=")) {
			if (cli_set_once(ctx, "score", "--format", &fmt_name,
					 argv[i] + strlen("--format=")))
				return 2;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(ctx, _("score: unknown option '%s'"),
					 argv[i]);
		} else if (!ref) {
			ref = argv[i];
		} else {
			return cli_usage(ctx, _("score: unexpected argument '%s'"),
					 argv[i]);
		}
	}
	if (!ref)
		return cli_usage(ctx, "%s", _("usage: charrette score WORKSHOP [--format table|tsv|json] [--sensitivity]"));
	if (fmt_name) {
		if (strcmp(fmt_name, "table") == 0)
			fmt = FMT_TABLE;
		else if (strcmp(fmt_name, "tsv") == 0)
			fmt = FMT_TSV;
		else if (strcmp(fmt_name, "json") == 0)
			fmt = FMT_JSON;
		else
			return cli_usage(ctx, _("score: unknown format '%s' (expected table, tsv or json)"),
					 fmt_name);
	}
	err_clear(&e);
	if (cli_find_workshop(ctx, ref, &id, &e) < 0)
		return cli_fail(ctx, &e);
	if (cli_workshop_load(ctx, id, &d, &e) < 0)
		return cli_fail(ctx, &e);
	memset(&s, 0, sizeof(s));
	rc = ws_scores_compute(d, sens, &s, &e);
	if (rc < 0) {
		wsdata_free(&d);
		return cli_fail(ctx, &e);
	}
	rc = 0;
	switch (fmt) {
	case FMT_TABLE:
		print_table(ctx, d, &s);
		break;
	case FMT_TSV:
		print_tsv(ctx, d, &s);
		break;
	case FMT_JSON:
		rc = print_json(ctx, d, &s);
		break;
	}
	if (rc == 0) {
		struct error we;

		err_clear(&we);
		if (cli_check_out(ctx, &we) < 0)
			rc = cli_fail(ctx, &we);
	}
	ws_scores_clear(&s);
	wsdata_free(&d);
	return rc;
}

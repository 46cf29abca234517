/* cli_basic: the verbs list, new and show. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

static void fmt_time(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || !gmtime_r(&tt, &tm))
		snprintf(buf, size, "-");
	else
		strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

/* Print s padded with spaces to `cols` terminal columns. */
static void put_padded(FILE *f, const char *s, int cols)
{
	int w = utf8_width(s);

	fputs(s, f);
	for (; w < cols; w++)
		fputc(' ', f);
}

int cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct error e;
	struct workshop *list = NULL;
	size_t n = 0;
	bool all = false, deleted = false;
	const char *format = NULL;
	int r;

	err_clear(&e);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = true;
		else if (strcmp(argv[i], "--deleted") == 0)
			deleted = true;
		else if ((r = cli_opt_format(ctx, "list", argc, argv, &i, &format)) < 0)
			return 2;
		else if (r == 0)
			return cli_usage(ctx, "list: unexpected argument '%s'",
					 argv[i]);
	}
	if (all && deleted)
		return cli_usage(ctx, "%s", _("list: --all or --deleted, not both"));
	if (deleted)
		return cli_list_deleted(ctx);
	if (!cli_store(ctx, &e))
		return cli_fail(ctx, &e);
	if (store_workshop_list(ctx->store, all, &list, &n, &e) < 0)
		return cli_fail(ctx, &e);
	if (format && strcmp(format, "tsv") == 0) {
		cli_list_tsv(ctx->out, list, n);
	} else if (n == 0) {
		fprintf(ctx->out, _("No workshops yet. Create one with: charrette new TITLE\n"));
	} else {
		fprintf(ctx->out, "%-4s  %-11s  %-16s  %s\n", "ID", _("STAGE"),
			_("UPDATED"), _("TITLE"));
		for (size_t i = 0; i < n; i++) {
			char when[32];

			fmt_time(when, sizeof(when), list[i].updated);
			fprintf(ctx->out, "%-4" PRId64 "  ", list[i].id);
			put_padded(ctx->out, stage_id(list[i].stage), 11);
			fprintf(ctx->out, "  %-16s  %s%s\n", when, list[i].title,
				list[i].archived ? _(" (archived)") : "");
		}
	}
	store_workshop_list_free(&list, n);
	return 0;
}

int cli_new(struct cli_ctx *ctx, int argc, char **argv)
{
	struct error e;
	const char *title = NULL, *tmpl = NULL;
	struct sess_result r = { 0 };
	struct session *s;
	int rc;

	err_clear(&e);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--template") == 0 && i + 1 < argc) {
			if (cli_set_once(ctx, "new", "--template", &tmpl,
					 argv[++i]))
				return 2;
		} else if (strncmp(argv[i], "--template=", 11) == 0) {
			if (cli_set_once(ctx, "new", "--template", &tmpl,
					 argv[i] + 11))
				return 2;
		} else if (strcmp(argv[i], "--template") == 0) {
			return cli_usage(ctx, "%s", _("new: --template needs a NAME"));
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage(ctx, "new: unknown option '%s'", argv[i]);
		} else if (!title) {
			title = argv[i];
		} else {
			return cli_usage(ctx, "new: give the title as one argument (quote it)");
		}
	}
	if (ctx->read_only)
		return cli_usage(ctx, "%s", _("new: cannot create a workshop with --read-only"));
	if (!tmpl)
		tmpl = "devops";
	if (!title || !*str_trim((char *)title))
		return cli_usage(ctx, "usage: charrette new TITLE [--template NAME]");
	if (!utf8_valid(title, strlen(title), NULL))
		return cli_usage(ctx, "new: the title is not valid UTF-8");
	if (!utf8_one_line(title, NULL))
		return cli_usage(ctx, "%s", _("new: the title must be one line "
					      "without control characters"));
	if (!(s = cli_session(ctx, true, &e)))
		return cli_fail(ctx, &e);
	if (session_workshop_create(s, title, tmpl, &r) < 0) {
		rc = cli_result(ctx, &r);
		sess_result_clear(&r);
		return rc;
	}
	fprintf(ctx->out, "%" PRId64 "\n", r.id);
	sess_result_clear(&r);
	return 0;
}

static void show_list(FILE *f, const char *label, const struct strv *sv)
{
	if (!sv->n)
		return;
	fprintf(f, "    %s:\n", label);
	for (size_t i = 0; i < sv->n; i++)
		fprintf(f, "      - %s\n", sv->v[i]);
}

static void show_field(FILE *f, const char *label, const char *v)
{
	if (!str_empty(v))
		fprintf(f, "    %s: %s\n", label, v);
}

static void show_number(FILE *f, const char *label, bool has, double v)
{
	char num[64];

	if (!has)
		return;
	num_fmt(num, sizeof(num), NUM_VALUE, v);
	fprintf(f, "    %s: %s\n", label, num);
}

/* The workshop itself and its answers. */
static void show_header(FILE *f, const struct workshop_data *d)
{
	const struct workshop *w = &d->ws;
	char t1[32], t2[32], num[64], num2[64];

	fmt_time(t1, sizeof(t1), w->created);
	fmt_time(t2, sizeof(t2), w->updated);
	fprintf(f, "Workshop %" PRId64 ": %s\n", w->id, w->title);
	fprintf(f, "  Template: %s\n", w->template_name ? w->template_name : "-");
	fprintf(f, "  Stage: %s%s\n", stage_label(w->stage),
		w->archived ? " (archived)" : "");
	fprintf(f, "  Created: %s  Updated: %s\n", t1, t2);
	if (w->facilitator)
		fprintf(f, "  Facilitator: %s\n", w->facilitator);
	num_fmt(num, sizeof(num), NUM_VALUE, w->scale_min);
	num_fmt(num2, sizeof(num2), NUM_VALUE, w->scale_max);
	fprintf(f, "  Weighting: %s, score scale %s-%s\n",
		weighting_id(w->weighting), num, num2);

	fprintf(f, "\nAnswers (%zu)\n", d->n_answers);
	for (size_t i = 0; i < d->n_answers; i++) {
		char *v = value_to_text(&d->answers[i].value);

		fprintf(f, "  %s: %s\n", d->answers[i].question, v ? v : "");
		show_field(f, "note", d->answers[i].note);
		free(v);
	}
}

/* Criteria, judgements, approaches, scores and votes. */
static void show_scoring(FILE *f, const struct workshop_data *d)
{
	char num[64];

	fprintf(f, "\nCriteria (%zu)\n", d->n_criteria);
	for (size_t i = 0; i < d->n_criteria; i++) {
		num_fmt(num, sizeof(num), NUM_VALUE, d->criteria[i].weight);
		fprintf(f, "  %s  %s  weight %s\n", d->criteria[i].key,
			d->criteria[i].name, num);
	}
	for (size_t i = 0; i < d->n_pairwise; i++) {
		num_fmt(num, sizeof(num), NUM_VALUE, d->pairwise[i].value);
		fprintf(f, "  pairwise %s over %s: %s%s%s\n", d->pairwise[i].a,
			d->pairwise[i].b, num,
			d->pairwise[i].participant ? " by " : "",
			d->pairwise[i].participant ? d->pairwise[i].participant : "");
	}

	fprintf(f, "\nApproaches (%zu)\n", d->n_approaches);
	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *a = &d->approaches[i];

		fprintf(f, "  %s  %s\n", a->key, a->name);
		show_field(f, "summary", a->summary);
		show_field(f, "pattern", a->pattern);
		for (size_t c = 0; c < a->n_components; c++)
			fprintf(f, "    component %s: %s\n",
				a->components[c].category, a->components[c].name);
		show_field(f, "deployment", a->deployment);
		show_field(f, "observability", a->observability);
		show_field(f, "security", a->security);
		show_field(f, "complexity", a->complexity);
		show_field(f, "cost", a->cost);
		show_list(f, "pros", &a->pros);
		show_list(f, "cons", &a->cons);
		show_list(f, "stages", &a->stages);
	}

	fprintf(f, "\nScores (%zu)\n", d->n_scores);
	for (size_t i = 0; i < d->n_scores; i++) {
		const struct score *s = &d->scores[i];

		if (s->has_value)
			num_fmt(num, sizeof(num), NUM_VALUE, s->value);
		fprintf(f, "  %s / %s: %s%s%s\n", s->approach, s->criterion,
			s->has_value ? num : "-", s->rationale ? "  # " : "",
			s->rationale ? s->rationale : "");
	}
	fprintf(f, "\nVotes (%zu)\n", d->n_votes);
	for (size_t i = 0; i < d->n_votes; i++) {
		num_fmt(num, sizeof(num), NUM_VALUE, d->votes[i].value);
		fprintf(f, "  %s: %s / %s: %s\n", d->votes[i].participant,
			d->votes[i].approach, d->votes[i].criterion, num);
	}
}

/* The ADRs with their links. */
static void show_decisions(FILE *f, const struct workshop_data *d)
{
	fprintf(f, "\nDecisions (%zu)\n", d->n_decisions);
	for (size_t i = 0; i < d->n_decisions; i++) {
		const struct decision *x = &d->decisions[i];

		fprintf(f, "  ADR %d: %s [%s", x->number, x->title,
			adr_status_id(x->status));
		if (x->superseded_by)
			fprintf(f, " by %d", x->superseded_by);
		/* The status in the record's own words, where they are other
		 * than the category's ("Partially Implemented"). */
		if (decision_status_words(x))
			fprintf(f, " \"%s\"", decision_status_words(x));
		fprintf(f, "]%s%s\n", x->date ? " " : "", x->date ? x->date : "");
		show_list(f, "deciders", &x->deciders);
		show_field(f, "context", x->context);
		show_field(f, "decision", x->decision);
		show_field(f, "rationale", x->rationale);
		show_field(f, "consequences", x->consequences);
		show_field(f, "chosen", x->chosen);
		show_list(f, "positive", &x->positive);
		show_list(f, "negative", &x->negative);
		show_list(f, "risks", &x->risks);
		for (size_t s = 0; s < x->n_supersedes; s++)
			fprintf(f, "    supersedes ADR %d\n", x->supersedes[s]);
		for (size_t k = 0; k < x->links.n; k++) {
			const char *rel;
			size_t n;
			int target;

			if (decision_link_parse(x->links.v[k], &rel, &n,
						&target) == 0)
				fprintf(f, "    %.*s ADR %d\n", (int)n, rel,
					target);
		}
	}
}

/* Risks, metrics, the roadmap and next steps. */
static void show_plan(FILE *f, const struct workshop_data *d)
{
	char num[64];

	fprintf(f, "\nRisks (%zu)\n", d->n_risks);
	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *r = &d->risks[i];

		fprintf(f, "  %s  P%d x I%d = %d  [%s]  %s\n", r->key,
			r->probability, r->impact, risk_score(r),
			risk_status_id(r->status), r->description);
		show_field(f, "owner", r->owner);
		show_field(f, "mitigation", r->mitigation);
	}

	fprintf(f, "\nMetrics (%zu)\n", d->n_metrics);
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];

		fprintf(f, "  %s  %s (%s)\n", m->key, m->name, m->unit ? m->unit : "");
		show_number(f, "current", m->has_current, m->current);
		show_number(f, "3-month target", m->has_target_3m, m->target_3m);
		show_number(f, "6-month target", m->has_target_6m, m->target_6m);
	}

	fprintf(f, "\nRoadmap (%zu)\n", d->n_roadmap);
	for (size_t i = 0; i < d->n_roadmap; i++) {
		num_fmt(num, sizeof(num), NUM_VALUE, d->roadmap[i].weeks);
		fprintf(f, "  %zu. %s (%s %s)\n", i + 1, d->roadmap[i].name, num,
			num_unit(d->roadmap[i].weeks, _("week"), _("weeks")));
		for (size_t j = 0; j < d->roadmap[i].items.n; j++)
			fprintf(f, "    - %s\n", d->roadmap[i].items.v[j]);
	}
	if (d->next_steps.n) {
		fprintf(f, "\nNext steps\n");
		for (size_t i = 0; i < d->next_steps.n; i++)
			fprintf(f, "  - %s\n", d->next_steps.v[i]);
	}
}

/* The room: agenda (planned and spent), voting rounds with who voted,
 * the parking lot.  Nothing when the workshop has none of them. */
static void show_room(FILE *f, const struct workshop_data *d)
{
	char planned[64], spent[64];

	if (d->n_agenda)
		fprintf(f, "\nAgenda (%zu)\n", d->n_agenda);
	for (size_t i = 0; i < d->n_agenda; i++) {
		const struct agenda_item *it = &d->agenda[i];

		num_duration(planned, sizeof(planned), it->planned);
		num_clock(spent, sizeof(spent), (long)it->spent);
		fprintf(f, "  %s: planned %s, spent %s\n", stage_label(it->stage),
			it->planned ? planned : "-", spent);
	}
	if (d->n_rounds)
		fprintf(f, "\nVoting rounds (%zu)\n", d->n_rounds);
	for (size_t i = 0; i < d->n_rounds; i++) {
		const struct vote_round *r = &d->rounds[i];

		fprintf(f, "  round %d on %s%s%s [%s]: %zu %s, %zu %s%s\n",
			r->number, round_scope_id(r->scope),
			r->scope_key ? " " : "", r->scope_key ? r->scope_key : "",
			round_state_id(r->state), r->n_covers,
			num_unit((double)r->n_covers, "cell", "cells"),
			r->n_ballots,
			num_unit((double)r->n_ballots, "vote", "votes"),
			r->state == ROUND_OPEN
			? " (values hidden until the reveal)" : "");
		for (size_t b = 0; b < r->n_ballots; b++)
			fprintf(f, "    %s voted on %s / %s\n",
				r->ballots[b].participant, r->ballots[b].approach,
				r->ballots[b].criterion);
	}
	if (d->n_parking)
		fprintf(f, "\nParking lot (%zu)\n", d->n_parking);
	for (size_t i = 0; i < d->n_parking; i++) {
		const struct park_item *it = &d->parking[i];

		fprintf(f, "  %" PRId64 ". %s [%s] (%s)\n", it->id, it->text,
			park_status_id(it->status), it->added_by);
		show_field(f, "next step", it->next_step);
	}
}

static void show_data(FILE *f, const struct workshop_data *d)
{
	show_header(f, d);
	show_scoring(f, d);
	show_decisions(f, d);
	show_plan(f, d);
	show_room(f, d);
}

int cli_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct error e;
	struct workshop_data *d = NULL;
	long long id;

	err_clear(&e);
	if (argc != 2)
		return cli_usage(ctx, "usage: charrette show WORKSHOP");
	if (cli_find_workshop(ctx, argv[1], &id, &e) < 0)
		return cli_fail(ctx, &e);
	if (cli_workshop_load(ctx, id, &d, &e) < 0)
		return cli_fail(ctx, &e);
	show_data(ctx->out, d);
	wsdata_free(&d);
	return 0;
}

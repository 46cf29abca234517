#include "config.h"

/*
 * report_state: the interview as the report's current state and
 * requirements, in sentences.  Each answer the table below knows becomes a
 * sentence of one topic ("Deployment process", "Constraints", ...); a topic
 * is one paragraph that starts with its name in bold.  Answers to questions
 * the table does not know (content of one's own) are listed after the
 * requirements with their prompts, so that nothing typed is lost.
 *
 * The phrasing is ours, one row per question of the shipped interviews
 * (data/interview.yaml, data/interview-generic.yaml): a frame with "%s"
 * for the answer, or a sentence per option where a frame would not read.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/dora.h"
#include "engine/rules.h"
#include "export/helpers.h"
#include "export/md.h"
#include "export/report_int.h"
#include "util/i18n.h"

enum topic {
	/* current state */
	T_PROBLEM, T_PROCESS, T_FREQUENCY, T_PAIN, T_TOOLS, T_PRACTICES,
	T_MATURITY, T_STAKEHOLDERS,
	/* requirements */
	T_FUNCTIONAL, T_NONFUNCTIONAL, T_CONSTRAINTS,
	T_COUNT
};

#define T_FIRST_REQUIREMENT T_FUNCTIONAL

static const char *const topic_names[T_COUNT] = {
	[T_PROBLEM] = N_("Problem"),
	[T_PROCESS] = N_("Deployment process"),
	[T_FREQUENCY] = N_("Deployment frequency"),
	[T_PAIN] = N_("Pain points"),
	[T_TOOLS] = N_("Tools in use"),
	[T_PRACTICES] = N_("Practices"),
	[T_MATURITY] = N_("Team maturity"),
	[T_STAKEHOLDERS] = N_("Stakeholders"),
	[T_FUNCTIONAL] = N_("Functional"),
	[T_NONFUNCTIONAL] = N_("Non-functional"),
	[T_CONSTRAINTS] = N_("Constraints"),
};

/* For a choice question the whole sentence of one option; for a
 * multi-choice question the words that stand for the option in the
 * frame (instead of its label). */
struct opt_text {
	const char *option;
	const char *text;
};

struct phrase {
	const char *question;
	enum topic topic;
	const char *frame;        /* "%s" is the answer; NULL: opts or the text */
	bool lower;               /* labels start lower-case inside the frame */
	const struct opt_text *opts;   /* ends with { NULL, NULL } */
};

#define OPTS(...) ((const struct opt_text[]){ __VA_ARGS__, { NULL, NULL } })

static const struct phrase phrases[] = {
	/* ---- devops interview: current state ---------------------------- */
	{ "current_state", T_PROCESS, NULL, false, NULL },
	{ "rollback", T_PROCESS, NULL, false, OPTS(
		{ "manual", N_("A bad release is undone by hand, following notes or memory.") },
		{ "automated", N_("A bad release is rolled back automatically by the pipeline or the platform.") },
		{ "none", N_("There is no real way back from a bad release.") }) },
	{ "pain_points", T_PAIN, N_("The team lives with these problems: %s."),
	  true, NULL },
	{ "pain_detail", T_PAIN, NULL, false, NULL },
	{ "existing_tools", T_TOOLS,
	  N_("The tools in use, which the new setup must work with, are %s."),
	  false, NULL },
	{ "clouds", T_CONSTRAINTS, N_("Workloads run on %s."), false, OPTS(
		{ "on_prem", N_("the team's own data centres") },
		{ "other", N_("another provider") }) },
	{ "observability_stack", T_TOOLS,
	  N_("In production the team can see %s."), true, OPTS(
		{ "none", N_("little or nothing") }) },
	{ "iac_coverage", T_PRACTICES, NULL, false, OPTS(
		{ "none", N_("Hardly any infrastructure is described in code; servers are set up by hand.") },
		{ "partial", N_("Some of the infrastructure is described in code.") },
		{ "full", N_("All of the infrastructure is described in code and applied by a pipeline.") }) },
	{ "secrets_storage", T_PRACTICES, NULL, false, OPTS(
		{ "secrets_manager", N_("Credentials and keys live in a secrets manager or vault.") },
		{ "ci_variables", N_("Credentials and keys live in CI variables and environment settings.") },
		{ "in_repo", N_("Some credentials are committed to the repositories.") },
		{ "unknown", N_("Nobody is quite sure where credentials and keys live.") }) },
	{ "ssh_changes", T_PRACTICES, NULL, false, OPTS(
		{ "never", N_("Nobody logs in to servers to change them; everything goes through code.") },
		{ "emergencies", N_("People log in to servers only in emergencies, through a bastion.") },
		{ "routine", N_("Logging in to servers to fix things is routine.") }) },
	{ "pipeline_reuse", T_PRACTICES, NULL, false, OPTS(
		{ "shared", N_("Build pipelines share templates or libraries.") },
		{ "some", N_("Build pipelines share some of their parts.") },
		{ "none", N_("Every build pipeline is written from scratch.") }) },
	{ "alerting", T_PRACTICES, NULL, false, OPTS(
		{ "slo_based", N_("People are paged when error budgets burn against SLOs.") },
		{ "thresholds", N_("People are paged on fixed thresholds per metric.") },
		{ "none", N_("Nobody is paged: users report the problems.") }) },
	{ "security_scanning", T_PRACTICES, NULL, false, OPTS(
		{ "in_pipeline", N_("Code and dependencies are scanned for vulnerabilities on every change, before merge.") },
		{ "periodic", N_("Code and dependencies are scanned now and then, or after incidents.") },
		{ "none", N_("Code and dependencies are not scanned for vulnerabilities.") }) },
	{ "db_migrations", T_PRACTICES, NULL, false, OPTS(
		{ "tool", N_("Schema changes reach production as versioned migrations run by a tool.") },
		{ "manual", N_("Schema changes are run by hand in SQL.") },
		{ "none", N_("There is no database, or its schema never changes.") }) },
	{ "env_parity", T_PRACTICES, NULL, false, OPTS(
		{ "same_code", N_("Test environments are built from the same code as production, with other values.") },
		{ "similar", N_("Test environments are similar to production, with known differences.") },
		{ "different", N_("Test environments are quite different from production.") }) },
	{ "cost_tracking", T_PRACTICES, NULL, false, OPTS(
		{ "tagged_alerts", N_("Cloud spending is watched through tagged resources, budgets and alerts.") },
		{ "monthly_review", N_("Someone reviews the cloud bill now and then.") },
		{ "none", N_("Nobody looks at cloud spending until it hurts.") }) },
	{ "knowledge_spread", T_PRACTICES, NULL, false, OPTS(
		{ "documented", N_("The release process is written down and practised, so others can ship.") },
		{ "some_people", N_("Two or three people could ship if the one who knows releases best were away.") },
		{ "one_person", N_("Shipping depends on one person.") }) },
	{ "team_size", T_MATURITY, N_("The platform serves %s."), false, NULL },
	{ "team_structure", T_MATURITY, N_("%s."), false, NULL },
	{ "maturity", T_MATURITY, NULL, false, OPTS(
		{ "manual", N_("Releases are mostly manual steps and checklists.") },
		{ "automated", N_("Releases run through automated pipelines that a few people drive.") },
		{ "self_service", N_("Teams serve themselves through paved paths.") }) },
	{ "k8s_experience", T_MATURITY,
	  N_("Hands-on Kubernetes experience is %s."), false, NULL },
	/* ---- devops interview: requirements ------------------------------ */
	{ "deploy_frequency", T_FUNCTIONAL,
	  N_("The team wants to be able to deploy to production %s."), true,
	  NULL },
	{ "lead_time_target", T_FUNCTIONAL,
	  N_("A merged change should reach production within %s."), false,
	  NULL },
	{ "change_fail_target", T_FUNCTIONAL,
	  N_("At most %s of deployments may need a fix or a rollback."),
	  false, NULL },
	{ "zero_downtime", T_FUNCTIONAL, NULL, false, OPTS(
		{ "yes", N_("Deployments must not cause any downtime.") },
		{ "no", N_("Short maintenance windows are acceptable for deployments.") }) },
	{ "sla", T_NONFUNCTIONAL, N_("The promised availability is %s."),
	  false, NULL },
	{ "compliance", T_NONFUNCTIONAL, N_("Frameworks that apply: %s."),
	  false, OPTS({ "none", N_("none") }) },
	{ "audit_trail", T_NONFUNCTIONAL, NULL, false, OPTS(
		{ "yes", N_("Every production change must leave an audit trail.") },
		{ "no", N_("Production changes need no audit trail.") }) },
	{ "change_approval", T_NONFUNCTIONAL, NULL, false, OPTS(
		{ "none", N_("Production changes need no formal approval.") },
		{ "peer_review", N_("A production change needs a reviewed and approved merge request.") },
		{ "cab", N_("A change advisory board signs off every production change.") }) },
	{ "slsa_target", T_NONFUNCTIONAL, NULL, false, OPTS(
		{ "none", N_("There is no SLSA target for build artifacts.") },
		{ "l1", N_("Build artifacts should reach SLSA level 1 (recorded provenance).") },
		{ "l2", N_("Build artifacts should reach SLSA level 2 (signed provenance from a trusted build service).") },
		{ "l3", N_("Build artifacts should reach SLSA level 3 (hardened, isolated builds).") },
		{ "l4", N_("Build artifacts should reach SLSA level 4 (two-person review as well).") }) },
	{ "services", T_NONFUNCTIONAL, N_("The system has %s to deploy."),
	  false, NULL },
	{ "request_volume", T_NONFUNCTIONAL, N_("It must handle a peak of %s."),
	  false, NULL },
	{ "regions", T_NONFUNCTIONAL, N_("It runs in %s."), false, NULL },
	{ "distributed", T_NONFUNCTIONAL,
	  N_("Its intricacy as a distributed system is %s."), false, NULL },
	{ "workload", T_NONFUNCTIONAL, N_("The workload is mostly %s."), true,
	  OPTS({ "mixed", N_("The workload is a mix of services, functions and jobs.") }) },
	{ "traffic_pattern", T_NONFUNCTIONAL, NULL, false, OPTS(
		{ "steady", N_("Traffic is steady and predictable.") },
		{ "variable", N_("Traffic has clear peaks and quiet hours.") },
		{ "spiky", N_("Traffic comes in sudden bursts that are hard to predict.") }) },
	{ "company_stage", T_CONSTRAINTS, NULL, false, OPTS(
		{ "startup", N_("The organisation is a start-up or at an early stage.") },
		{ "scale_up", N_("The organisation is a scale-up with fast-growing bills.") },
		{ "enterprise", N_("The organisation is an established enterprise.") }) },
	/* ---- generic interview -------------------------------------------- */
	{ "problem_statement", T_PROBLEM, NULL, false, NULL },
	{ "decision_scope", T_PROBLEM, NULL, false, OPTS(
		{ "component", N_("The decision reaches one component or service.") },
		{ "system", N_("The decision reaches a whole system.") },
		{ "organisation", N_("The decision reaches several teams or the whole organisation.") }) },
	{ "decision_makers", T_STAKEHOLDERS,
	  N_("The final call rests with %s."), false, NULL },
	{ "stakeholder_list", T_STAKEHOLDERS, NULL, false, NULL },
	{ "agreement", T_STAKEHOLDERS,
	  N_("How far the people involved already agree: %s."), false, NULL },
	{ "deadline_weeks", T_CONSTRAINTS,
	  N_("The decision must be made within %s."), false, NULL },
	{ "budget", T_CONSTRAINTS, NULL, false, OPTS(
		{ "tight", N_("The budget is tight; every cost needs a case.") },
		{ "moderate", N_("The budget is moderate.") },
		{ "generous", N_("The budget is generous for the right option.") }) },
	{ "reversibility", T_CONSTRAINTS, NULL, false, OPTS(
		{ "easy", N_("Changing course later would be easy: a two-way door.") },
		{ "costly", N_("Changing course later is possible but costly.") },
		{ "hard", N_("Changing course later would be hard or impossible: a one-way door.") }) },
	{ "constraints_detail", T_CONSTRAINTS, NULL, false, NULL },
};

#define N_PHRASES (sizeof(phrases) / sizeof(phrases[0]))

static const struct phrase *phrase_of(const char *question)
{
	for (size_t i = 0; i < N_PHRASES; i++)
		if (str_eq(phrases[i].question, question))
			return &phrases[i];
	return NULL;
}

static const char *opt_text(const struct phrase *p, const char *option)
{
	for (const struct opt_text *o = p->opts; o && o->option; o++)
		if (str_eq(o->option, option))
			return _(o->text);
	return NULL;
}

static bool answered(const struct answer *a)
{
	switch (a->value.kind) {
	case VAL_TEXT:
		return x_or(a->value.text, NULL) != NULL;
	case VAL_NUMBER:
		return true;
	case VAL_LIST:
		for (size_t i = 0; i < a->value.list.n; i++)
			if (x_or(a->value.list.v[i], NULL))
				return true;
		return false;
	case VAL_NONE:
		break;
	}
	return false;
}

/* A label inside a sentence: "Deployments take too long" reads
 * "deployments take too long"; "SLOs ..." and "AWS" stay as they are. */
static void put_label(struct buf *b, const char *s, bool lower)
{
	if (lower && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z') {
		buf_putc(b, (char)(s[0] - 'A' + 'a'));
		buf_puts(b, s + 1);
	} else {
		buf_puts(b, s);
	}
}

/* "a, b and c"; with "; " between items when an item holds a comma. */
static void put_list(struct buf *b, const struct phrase *p,
		     const struct question *q, const struct strv *ids)
{
	const char *items[64];
	size_t n = 0;
	bool semi = false;

	for (size_t i = 0; i < ids->n && n < 64; i++) {
		const char *t;

		if (!x_or(ids->v[i], NULL))
			continue;
		t = opt_text(p, ids->v[i]);
		items[n] = t ? t : x_option_label(q, ids->v[i]);
		if (strchr(items[n], ','))
			semi = true;
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 < n ? (semi ? "; " : ", ") :
				 _(" and "));
		put_label(b, items[i], p->lower && !opt_text(p, ids->v[i]));
	}
}

/* The answer as the words that fill a frame. */
static void answer_words(struct buf *b, const struct phrase *p,
			 const struct question *q, const struct answer *a)
{
	const struct value *v = &a->value;
	char num[NUM_BUF];

	switch (v->kind) {
	case VAL_TEXT:
		if (q && (q->kind == Q_CHOICE || q->kind == Q_MULTICHOICE))
			put_label(b, x_option_label(q, v->text), p->lower);
		else
			buf_puts(b, v->text);
		break;
	case VAL_NUMBER:
		if (q && q->kind == Q_SCALE) {
			x_num(num, sizeof(num), v->number);
			buf_printf(b, _("%s on a scale of 1 to 5"), num);
		} else {
			x_quantity(b, v->number, q ? q->unit_one : NULL,
				   q ? q->unit : NULL);
		}
		break;
	case VAL_LIST:
		put_list(b, p, q, &v->list);
		break;
	case VAL_NONE:
		break;
	}
}

void report_answer_text(struct buf *b, const struct knowledge *k,
			const struct answer *a)
{
	const struct phrase none = { NULL, T_CONSTRAINTS, NULL, false, NULL };
	const struct phrase *p;

	if (!a)
		return;
	p = phrase_of(a->question);
	answer_words(b, p ? p : &none, x_question(k, a->question), a);
}

/* Append the sentence(s) an answer makes to the paragraph text b. */
static void answer_sentence(struct buf *b, const struct phrase *p,
			    const struct question *q, const struct answer *a)
{
	const char *whole = a->value.kind == VAL_TEXT ?
		opt_text(p, a->value.text) : NULL;

	if (b->len)
		buf_putc(b, ' ');
	if (whole && q && q->kind == Q_CHOICE) {
		buf_puts(b, whole);
	} else if (p->frame) {
		const char *f = _(p->frame), *at = strstr(f, "%s");

		if (at) {
			buf_add(b, f, (size_t)(at - f));
			answer_words(b, p, q, a);
			buf_puts(b, at + 2);
		} else {
			buf_puts(b, f);
		}
	} else if (a->value.kind == VAL_TEXT) {
		/* Text as typed; an unknown option by its label. */
		buf_puts(b, q && q->kind == Q_CHOICE ?
			 x_option_label(q, a->value.text) : a->value.text);
	} else {
		answer_words(b, p, q, a);
	}
	if (x_or(a->note, NULL)) {
		buf_puts(b, _(" The team notes: "));
		buf_puts(b, a->note);
	}
}

/* The current DORA figures, for the deployment frequency paragraph. */
static void metric_sentences(struct buf *b, const struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	size_t n = 0, shown = 0;

	for (size_t i = 0; i < d->n_metrics; i++)
		if (d->metrics[i].has_current)
			n++;
	if (!n)
		return;
	if (b->len)
		buf_putc(b, ' ');
	buf_puts(b, _("The figures today: "));
	/* Deployment frequency first, the others in the register's order. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < d->n_metrics; i++) {
			const struct metric *m = &d->metrics[i];
			const struct metric_def *def = x_metric_def(r->x.k,
								    m->key);
			const char *name, *unit;
			enum band band;

			if (!m->has_current ||
			    (str_eq(m->key, "deploy_freq") != (pass == 0)))
				continue;
			if (shown)
				buf_puts(b, shown + 1 < n ? ", " : _(" and "));
			name = x_or(m->name, def ? def->name : NULL);
			put_label(b, x_or(name, x_or(m->key, "?")), true);
			buf_putc(b, ' ');
			unit = x_or(m->unit, def ? def->unit : NULL);
			x_quantity(b, m->current,
				   def && str_eq(unit, def->unit) ?
				   def->unit_one : NULL, unit);
			band = def ? dora_band(def, m->current) : BAND_NONE;
			if (band != BAND_NONE)
				buf_printf(b, _(" (DORA %s band)"),
					   band_label(band));
			shown++;
		}
	}
	buf_putc(b, '.');
}

/* One topic's paragraph: its answers in the table's order; returns
 * whether it wrote one. */
static bool topic_para(struct rctx *r, enum topic t)
{
	const struct workshop_data *d = r->x.d;
	struct buf b;
	bool any;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < N_PHRASES; i++) {
		const struct answer *a;
		const struct question *q;

		if (phrases[i].topic != t)
			continue;
		/* Without the question (no content loaded) the answer is an
		 * id with no unit or label: it goes to the other answers. */
		q = x_question(r->x.k, phrases[i].question);
		a = q ? wsdata_answer(d, phrases[i].question) : NULL;
		if (a && answered(a))
			answer_sentence(&b, &phrases[i], q, a);
	}
	if (t == T_FREQUENCY)
		metric_sentences(&b, r);
	any = b.len > 0;
	if (any) {
		report_lead(r, _(topic_names[t]));
		md_text(r->out, buf_str(&b), NULL, 0);
		buf_puts(r->out, "\n\n");
	}
	if (b.oom)
		r->out->oom = true;
	buf_free(&b);
	return any;
}

void report_current_state(struct rctx *r)
{
	size_t n = 0;

	for (enum topic t = 0; t < T_FIRST_REQUIREMENT; t++)
		n += topic_para(r, t);
	if (!n)
		report_none(r, _("No answers about the current state have been recorded."));
}

/* Answers the table does not place: by prompt, in the workshop's order. */
static size_t other_answers(struct rctx *r)
{
	const struct workshop_data *d = r->x.d;
	size_t n = 0;

	for (size_t i = 0; i < d->n_answers; i++) {
		const struct answer *a = &d->answers[i];
		const struct question *q = x_question(r->x.k, a->question);
		const struct phrase p = { a->question, T_CONSTRAINTS, NULL,
					  false, NULL };
		struct buf b;

		if (!answered(a) || (q && phrase_of(a->question)))
			continue;
		if (!n++) {
			md_heading(r->out, 3, _("Other answers"));
		}
		buf_init(&b);
		buf_puts(&b, "");
		answer_words(&b, &p, q, a);
		buf_puts(r->out, "- **");
		md_inline(r->out, q ? x_or(q->prompt, a->question) :
			  x_or(a->question, "?"));
		buf_puts(r->out, "**: ");
		md_text(r->out, buf_str(&b), "  ", 1);
		buf_putc(r->out, '\n');
		if (x_or(a->note, NULL)) {
			buf_puts(r->out, "  - ");
			buf_puts(r->out, _("Note: "));
			md_text(r->out, a->note, "    ", 1);
			buf_putc(r->out, '\n');
		}
		if (b.oom)
			r->out->oom = true;
		buf_free(&b);
	}
	if (n)
		buf_putc(r->out, '\n');
	return n;
}

void report_requirements(struct rctx *r)
{
	size_t n = 0;

	for (enum topic t = T_FIRST_REQUIREMENT; t < T_COUNT; t++)
		n += topic_para(r, t);
	n += other_answers(r);
	if (!n)
		report_none(r, _("No requirements have been recorded."));
}

#include "config.h"
/*
 * Unit tests of the Markdown export: escaping and slugs, golden files of
 * every format for a rich realistic workshop (with content) and a hostile
 * one (without), and the file-system behaviour of export_run: refusals,
 * symlinks, missing and unwritable folders, ADR numbering after files
 * already in a folder, the regenerated index.
 *
 * CHARRETTE_UPDATE_GOLDEN=1 rewrites the golden files under
 * tests/golden/ instead of comparing (review them before committing).
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/export.h"
#include "export/csv.h"
#include "export/md.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/path.h"
#include "util/str.h"

#include "golden.h"

/* 2024-06-01 12:00:00 UTC */
#define FIXED_NOW "1717243200"

/* ---- building workshops ------------------------------------------------ */

static char *S(const char *s)
{
	char *c = str_dup(s);

	assert_true(s == NULL || c != NULL);
	return c;
}

static void push(struct strv *sv, const char *s)
{
	assert_int_equal(strv_push(sv, s), 0);
}

static void pushv(struct strv *sv, const char *const *items)
{
	for (; *items; items++)
		push(sv, *items);
}

static struct approach *approach(struct workshop_data *d, const char *key,
				 const char *name, const char *summary)
{
	struct approach *a = wsdata_add_approach(d);

	assert_non_null(a);
	a->key = S(key);
	a->name = S(name);
	a->summary = S(summary);
	a->pos = (int)d->n_approaches - 1;
	return a;
}

static void component(struct approach *a, const char *cat, const char *name)
{
	struct component *c = approach_add_component(a);

	assert_non_null(c);
	c->category = S(cat);
	c->name = S(name);
}

static void criterion(struct workshop_data *d, const char *key,
		      const char *name, double weight)
{
	struct criterion *c = wsdata_add_criterion(d);

	assert_non_null(c);
	c->key = S(key);
	c->name = S(name);
	c->weight = weight;
	c->pos = (int)d->n_criteria - 1;
}

static void score(struct workshop_data *d, const char *a, const char *c,
		  double v, const char *why)
{
	struct score *s = wsdata_add_score(d);

	assert_non_null(s);
	s->approach = S(a);
	s->criterion = S(c);
	s->has_value = true;
	s->value = v;
	s->rationale = S(why);
}

static void vote(struct workshop_data *d, const char *who, const char *a,
		 const char *c, double v)
{
	struct vote *s = wsdata_add_vote(d);

	assert_non_null(s);
	s->participant = S(who);
	s->approach = S(a);
	s->criterion = S(c);
	s->value = v;
}

static struct decision *decision(struct workshop_data *d, int number,
				 const char *title, enum adr_status st,
				 const char *date)
{
	struct decision *x = wsdata_add_decision(d);

	assert_non_null(x);
	x->number = number;
	x->title = S(title);
	x->status = st;
	x->date = S(date);
	return x;
}

static void supersedes(struct decision *x, int number)
{
	int *v = realloc(x->supersedes, (x->n_supersedes + 1) * sizeof(*v));

	assert_non_null(v);
	v[x->n_supersedes++] = number;
	x->supersedes = v;
}

static void risk(struct workshop_data *d, const char *key, const char *desc,
		 int p, int i, const char *owner, const char *mit,
		 enum risk_status st)
{
	struct risk *r = wsdata_add_risk(d);

	assert_non_null(r);
	r->key = S(key);
	r->description = S(desc);
	r->probability = p;
	r->impact = i;
	r->owner = S(owner);
	r->mitigation = S(mit);
	r->status = st;
}

static struct metric *metric(struct workshop_data *d, const char *key,
			     const char *name, const char *unit)
{
	struct metric *m = wsdata_add_metric(d);

	assert_non_null(m);
	m->key = S(key);
	m->name = S(name);
	m->unit = S(unit);
	return m;
}

static void values(struct metric *m, double cur, double t3, double t6)
{
	m->has_current = m->has_target_3m = m->has_target_6m = true;
	m->current = cur;
	m->target_3m = t3;
	m->target_6m = t6;
}

static struct phase *phase(struct workshop_data *d, const char *name,
			   double weeks)
{
	struct phase *p = wsdata_add_phase(d);

	assert_non_null(p);
	p->name = S(name);
	p->weeks = weeks;
	p->pos = (int)d->n_roadmap - 1;
	return p;
}

static struct answer *answer(struct workshop_data *d, const char *q)
{
	struct answer *a = wsdata_add_answer(d);

	assert_non_null(a);
	a->question = S(q);
	return a;
}

static void answer_text(struct workshop_data *d, const char *q,
			const char *text, const char *note)
{
	struct answer *a = answer(d, q);

	a->value.kind = VAL_TEXT;
	a->value.text = S(text);
	a->note = S(note);
}

static void answer_number(struct workshop_data *d, const char *q, double v)
{
	struct answer *a = answer(d, q);

	a->value.kind = VAL_NUMBER;
	a->value.number = v;
}

static void answer_list(struct workshop_data *d, const char *q,
			const char *const *items)
{
	struct answer *a = answer(d, q);

	a->value.kind = VAL_LIST;
	pushv(&a->value.list, items);
}

static const char *const crit_keys[8] = {
	"dx", "ops", "security", "scale", "cost", "lockin", "ttv", "obs"
};

static struct workshop_data *rich_workshop(void)
{
	struct workshop_data *d = wsdata_new();
	struct approach *a;
	struct decision *x;
	struct metric *m;
	struct phase *p;
	/* Scores per approach on the eight criteria, in crit_keys order. */
	static const double sc[3][8] = {
		{ 5, 4, 4, 4, 4, 3, 5, 4 },
		{ 4, 4, 5, 4, 3, 3, 4, 4 },
		{ 2, 2, 3, 3, 3, 4, 2, 3 },
	};
	static const char *const app_keys[3] = {
		"gha-argo", "gitlab-flux", "jenkins-helm"
	};

	assert_non_null(d);
	d->ws.id = 7;
	d->ws.title = S("Payments platform delivery");
	d->ws.template_name = S("devops");
	d->ws.facilitator = S("alice");

	answer_text(d, "deploy_frequency", "daily", NULL);
	answer_number(d, "lead_time_target", 24);
	answer_list(d, "compliance", (const char *const[]){ "soc2",
			"pci_dss", NULL });
	answer_number(d, "team_size", 35);
	answer_text(d, "team_structure", "central_platform",
		    "Two platform engineers today; a third joins in July.");
	answer_number(d, "k8s_experience", 2);
	answer_list(d, "clouds", (const char *const[]){ "aws", NULL });
	answer_list(d, "pain_points", (const char *const[]){ "slow_deploys",
			"manual_steps", NULL });
	answer_text(d, "current_state",
		    "Engineers merge to main, then a release manager runs a Jenkins job by hand.\n"
		    "Staging and production drift apart within weeks.", NULL);

	a = approach(d, "gha-argo", "GitHub Actions + Argo CD on EKS",
		     "Build in GitHub Actions, deliver with Argo CD pulling from a GitOps repository into EKS.");
	component(a, "cicd", "GitHub Actions");
	component(a, "gitops", "Argo CD");
	component(a, "containers", "AWS EKS");
	component(a, "iac", "Terraform");
	component(a, "observability", "Prometheus");
	a->deployment = S("Pull-based GitOps with canary releases");
	a->security = S("OIDC federation to AWS, no long-lived keys");
	a->complexity = S("Medium");
	a->cost = S("Moderate: EKS control plane plus Actions minutes");
	pushv(&a->pros, (const char *const[]){ "Team already knows GitHub",
			"Argo CD UI shows drift at a glance", NULL });
	pushv(&a->cons, (const char *const[]){ "More moving parts than a PaaS",
			NULL });
	pushv(&a->stages, (const char *const[]){ "Build and unit test",
			"Security scan", "Publish image", "Deploy to staging",
			"Canary to production", NULL });

	a = approach(d, "gitlab-flux", "GitLab CI + Flux on AKS",
		     "Move source and CI to GitLab; Flux reconciles AKS.");
	component(a, "cicd", "GitLab CI/CD");
	component(a, "gitops", "Flux");
	pushv(&a->pros, (const char *const[]){ "One tool for source, CI and scans",
			NULL });
	pushv(&a->cons, (const char *const[]){ "Migration off GitHub",
			"Flux has no UI of its own", NULL });
	pushv(&a->stages, (const char *const[]){ "Build", "Scan", "Deploy",
			NULL });

	a = approach(d, "jenkins-helm", "Jenkins + Helm",
		     "Keep Jenkins, add Helm charts and Terraform.");
	component(a, "cicd", "Jenkins");
	pushv(&a->pros, (const char *const[]){ "No migration of pipelines",
			NULL });
	pushv(&a->cons, (const char *const[]){ "Plugin upkeep",
			"Push-based deploys, no drift detection", NULL });

	criterion(d, "dx", "Developer experience", 3);
	criterion(d, "ops", "Operational complexity", 2);
	criterion(d, "security", "Security posture", 3);
	criterion(d, "scale", "Scalability", 1);
	criterion(d, "cost", "Cost efficiency", 2);
	criterion(d, "lockin", "Vendor lock-in risk", 1);
	criterion(d, "ttv", "Time to value", 2);
	criterion(d, "obs", "Observability depth", 1);
	for (size_t i = 0; i < 3; i++)
		for (size_t c = 0; c < 8; c++) {
			if (i == 2 && c == 7)
				continue;  /* scored by votes only */
			score(d, app_keys[i], crit_keys[c], sc[i][c],
			      c == 0 ? "From the pilot team's feedback" : NULL);
		}
	vote(d, "alice", "jenkins-helm", "obs", 3);
	vote(d, "bob", "jenkins-helm", "obs", 2);

	x = decision(d, 1, "Use Flux for GitOps", ADR_SUPERSEDED, "2024-05-02");
	x->superseded_by = 3;
	x->chosen = S("gitlab-flux");
	x->context = S("We need a GitOps controller for the new clusters.");
	x->decision = S("We will use Flux.");
	x->rationale = S("Flux is light and CNCF graduated.");
	pushv(&x->deciders, (const char *const[]){ "alice", "bob", NULL });
	pushv(&x->positive, (const char *const[]){ "Small footprint", NULL });
	pushv(&x->negative, (const char *const[]){ "No built-in UI", NULL });

	x = decision(d, 2, "Adopt GitHub Actions for CI", ADR_ACCEPTED,
		     "2024-05-10");
	x->chosen = S("gha-argo");
	x->context = S("Jenkins needs a full-time caretaker.\n\n"
		       "The team already works in GitHub every day.");
	x->decision = S("All pipelines move to GitHub Actions by the end of Q3.");
	x->rationale = S("Highest weighted total; the team knows the tool.");
	pushv(&x->deciders, (const char *const[]){ "alice", "bob", "carol",
			NULL });
	pushv(&x->consulted, (const char *const[]){ "security team", NULL });
	pushv(&x->informed, (const char *const[]){ "all engineers", NULL });
	pushv(&x->positive, (const char *const[]){ "No Jenkins upkeep",
			"Pipelines live next to the code", NULL });
	pushv(&x->negative, (const char *const[]){ "Minutes are billed", NULL });
	pushv(&x->risks, (const char *const[]){ "Runner capacity at month end; mitigate with self-hosted runners",
			NULL });

	x = decision(d, 3, "Use Argo CD instead of Flux", ADR_ACCEPTED,
		     "2024-05-20");
	x->chosen = S("gha-argo");
	supersedes(x, 1);
	x->context = S("The pilot showed that developers want to see sync state.");
	x->decision = S("Replace Flux with Argo CD on every cluster.");
	x->rationale = S("Argo CD's UI answers \"what is deployed where\" without kubectl.");
	x->alternatives = S("Flux with Weave GitOps UI: an extra component to run.\n"
			    "Keep Flux without a UI: developers keep asking the platform team.");
	pushv(&x->deciders, (const char *const[]){ "alice", NULL });
	pushv(&x->positive, (const char *const[]){ "Visible sync state", NULL });

	risk(d, "R1", "Team lacks Kubernetes experience", 4, 4, "alice",
	     "Training and pairing with an experienced SRE", RISK_MITIGATING);
	risk(d, "R2", "Argo CD adds components to run", 3, 2, "bob",
	     "Start with staging; document the runbook", RISK_OPEN);
	risk(d, "R3", "Migration causes downtime", 2, 5, "carol",
	     "Run old and new side by side; rehearse the failback",
	     RISK_OPEN);
	risk(d, "R4", "EKS costs overrun", 3, 3, "dave",
	     "Cost alerts and spot instances outside production",
	     RISK_ACCEPTED);

	m = metric(d, "deploy_freq", "Deployment frequency", "deploys per week");
	values(m, 1, 5, 14);
	m = metric(d, "lead_time", "Lead time for changes", "hours");
	values(m, 72, 4, 1);
	m = metric(d, "change_fail", "Change failure rate", "%");
	values(m, 25, 10, 5);
	m = metric(d, "restore_time", "Time to restore service", "hours");
	values(m, 2, 0.5, 0.25);
	m = metric(d, "dev_sat", "Developer satisfaction", "of 5");
	m->has_current = true;
	m->current = 3;
	m->has_target_6m = true;
	m->target_6m = 4.5;

	p = phase(d, "Foundation", 2);
	pushv(&p->items, (const char *const[]){ "EKS cluster with Terraform",
			"Build and test in GitHub Actions", NULL });
	p = phase(d, "GitOps", 2);
	pushv(&p->items, (const char *const[]){ "Install Argo CD",
			"First service deployed through GitOps", NULL });
	p = phase(d, "Progressive delivery", 3);
	pushv(&p->items, (const char *const[]){ "Canary releases with automated rollback",
			NULL });

	pushv(&d->next_steps, (const char *const[]){
		"Book the Kubernetes training for the platform team",
		"Create the GitOps repository",
		"Review this report with the security team", NULL });
	return d;
}

/* Text that tries every trick Markdown has. */
static const char long_line_seed[] = "A long line without breaks. ";

static struct workshop_data *hostile_workshop(void)
{
	struct workshop_data *d = wsdata_new();
	struct approach *a;
	struct decision *x;
	struct metric *m;
	struct phase *p;
	struct buf longb;

	assert_non_null(d);
	buf_init(&longb);
	while (longb.len < 2000)
		buf_puts(&longb, long_line_seed);
	assert_false(longb.oom);

	d->ws.id = 13;
	d->ws.title = S("Pipes | <script>alert(1)</script> `rm -rf /` 架构评审 🚀 #1");
	answer_text(d, "q|1", "# not a heading\n- not a list\n1. not a list\n> not a quote\n```\nnot code\n```\n===\n    not indented code",
		    "note with *stars* and _underscores_ and [a](link)");
	answer_text(d, "long", buf_str(&longb), NULL);
	answer_text(d, "urls", "see https://example.com/a_(b)?x=1&y=2. and www.example.com or ops@example.com", "");
	answer_list(d, "empty-list", (const char *const[]){ NULL });
	answer(d, "none");

	a = approach(d, "a|1", "Option | A <b>bold</b>", "# Summary line\n\n\n\n+ plus\n* star\n2) paren");
	component(a, "cicd", "Tool \"quoted\" <x> & `tick` #hash");
	component(a, NULL, NULL);
	pushv(&a->pros, (const char *const[]){ "pro | with pipe", "", "line\nbreak", NULL });
	pushv(&a->cons, (const char *const[]){ "<script>alert(2)</script>", NULL });
	pushv(&a->stages, (const char *const[]){ "stage \"one\"", "end", "--> arrow", NULL });
	a = approach(d, NULL, NULL, NULL);
	a = approach(d, "cjk", "漢字 approach 🚀", "$5 to $10 ~~strike~~ \\backslash");

	criterion(d, "x|y", NULL, 1);
	criterion(d, "c2", "Crit with `code` and **bold**", 2);
	score(d, "a|1", "x|y", 3, "why | not");
	score(d, "cjk", "x|y", 4, NULL);
	score(d, "a|1", "c2", 5, NULL);

	x = decision(d, 1, "# Not a heading | `code` <script>", ADR_ACCEPTED, NULL);
	x->chosen = S("a|1");
	x->context = S("- item\n1. one\n> quote\n\n\n\nafter blanks\n```\n|a|b|\n|-|-|");
	x->decision = S(buf_str(&longb));
	pushv(&x->deciders, (const char *const[]){ "Ann \"The\" Lead", "bob: x", "", NULL });
	pushv(&x->positive, (const char *const[]){ "# hash item", "", NULL });
	pushv(&x->negative, (const char *const[]){ "", NULL });
	x = decision(d, 2, "", ADR_PROPOSED, "not a date");
	x = decision(d, 3, "🚀🚀", ADR_SUPERSEDED, "2024-01-01");
	x->superseded_by = 9;
	x = decision(d, 4, "../../etc/passwd", ADR_REJECTED, "2024-02-30");
	supersedes(x, 3);
	supersedes(x, 42);

	risk(d, "R|1", NULL, 0, 9, "owner | pipe", "<img src=x onerror=alert(1)>", RISK_CLOSED);
	risk(d, NULL, "多言語 risk 🚀", 5, 5, NULL, NULL, RISK_OPEN);

	m = metric(d, "custom", NULL, NULL);
	m = metric(d, "weird", "Weird | metric", "%");
	values(m, -1, 1e-3, 1e12);

	p = phase(d, NULL, 1.5);
	pushv(&p->items, (const char *const[]){ "1. numbered item", NULL });
	p = phase(d, "# Phase", 0);

	pushv(&d->next_steps, (const char *const[]){ "* star", "", "line one\nline two", NULL });
	buf_free(&longb);
	return d;
}

/* ADRs as import-adr leaves them: Markdown source (lists, emphasis, code
 * fences, extra sections under their own headings), links other than
 * supersede; and one typed decision with a link, escaped as ever. */
static struct workshop_data *imported_workshop(void)
{
	struct workshop_data *d = wsdata_new();
	struct decision *x;

	assert_non_null(d);
	d->ws.id = 21;
	d->ws.title = S("ADRs from doc/adr");
	d->ws.template_name = S("generic");
	d->ws.stage = STAGE_DECISION;

	x = decision(d, 1, "Use `kubectl` *carefully*", ADR_SUPERSEDED,
		     "2023-02-06");
	x->markdown = true;
	x->superseded_by = 3;
	x->context = S("\n\r\nWe deploy by hand:\r\n\r\n* with **scripts**\r\n"
		       "* and *hope*\r\n   \r\n\n");
	x->decision = S("Run it from CI:\n\n```sh\n# not a heading\n"
			"kubectl apply -f k8s/\n```\n\nDone.");
	pushv(&x->positive, (const char *const[]){ "**Fast** feedback",
		"`make deploy` stays", NULL });
	x->rationale = S("## Compliance\n\nNo secrets in the *cache*.\n\n"
			 "## Notes\n\n1. measured\n2. in June");
	decision_link_add(x, "Amended by", 2);

	x = decision(d, 2, "Cache builds", ADR_ACCEPTED, "2023-06-19");
	x->markdown = true;
	decision_link_add(x, "Amends", 1);
	decision_link_add(x, "Clarified by", 3);
	decision_link_add(x, "Relates to", 99);   /* not in the folder */
	x->context = S("Slow <!-- to measure");
	x->decision = S("Keep a cache:\n\n```sh\nmake cache");
	x->rationale = S("Because it is *fast*.\n\n## Notes\n\nSee below.");
	pushv(&x->negative, (const char *const[]){ "A cache can be *poisoned*",
		NULL });
	pushv(&x->risks, (const char *const[]){ "Keys\n\n```yaml\nkey: x", NULL });
	x->alternatives = S("* No cache\n* A [shared](https://example.org) one");

	x = decision(d, 3, "Typed * title", ADR_ACCEPTED, "2024-01-15");
	supersedes(x, 1);
	decision_link_add(x, "Clarifies [x]", 2);
	x->context = S("Typed *text* stays escaped.");
	pushv(&x->positive, (const char *const[]){ "one", NULL });
	return d;
}

/* A small knowledge base in C: enough to map ids to labels and give the
 * rich workshop its DORA bands, independent of the shipped data files. */
static struct q_option freq_opts[] = {
	{ "weekly", "About once a week" }, { "daily", "About once a day" },
};
static struct q_option comp_opts[] = {
	{ "soc2", "SOC 2" }, { "pci_dss", "PCI DSS" },
};
static struct q_option struct_opts[] = {
	{ "central_platform", "A central platform team serves the others" },
};
static struct q_option cloud_opts[] = { { "aws", "AWS" } };
static struct q_option pain_opts[] = {
	{ "slow_deploys", "Deployments take too long" },
	{ "manual_steps", "Too many manual steps" },
};
static struct section k_sections[] = {
	{ "delivery", "Delivery", NULL, { 0 } },
	{ "team", "Team", NULL, { 0 } },
	{ "compliance", "Compliance", NULL, { 0 } },
	{ "infrastructure", "Infrastructure", NULL, { 0 } },
	{ "pain", "Pain points", NULL, { 0 } },
};
static struct question k_questions[] = {
	{ .id = "deploy_frequency", .section = "delivery",
	  .prompt = "How often should the team be able to deploy?",
	  .kind = Q_CHOICE, .options = freq_opts, .n_options = 2 },
	{ .id = "lead_time_target", .section = "delivery",
	  .prompt = "What lead time from commit to production is acceptable?",
	  .kind = Q_NUMBER, .unit = "hours", .unit_one = "hour" },
	{ .id = "team_size", .section = "team",
	  .prompt = "How many engineers ship code through this platform?",
	  .kind = Q_NUMBER },
	{ .id = "team_structure", .section = "team",
	  .prompt = "How is the team organised?", .kind = Q_CHOICE,
	  .options = struct_opts, .n_options = 1 },
	{ .id = "k8s_experience", .section = "team",
	  .prompt = "How much Kubernetes experience does the team have?",
	  .kind = Q_SCALE },
	{ .id = "compliance", .section = "compliance",
	  .prompt = "Which frameworks or regulations apply?",
	  .kind = Q_MULTICHOICE, .options = comp_opts, .n_options = 2 },
	{ .id = "clouds", .section = "infrastructure",
	  .prompt = "Where do the workloads run?", .kind = Q_MULTICHOICE,
	  .options = cloud_opts, .n_options = 1 },
	{ .id = "pain_points", .section = "pain",
	  .prompt = "Which of these problems does the team live with?",
	  .kind = Q_MULTICHOICE, .options = pain_opts, .n_options = 2 },
	{ .id = "current_state", .section = "pain",
	  .prompt = "Describe how a change travels to production today.",
	  .kind = Q_LONGTEXT },
};
static struct category k_categories[] = {
	{ "cicd", "CI/CD", { 0 } }, { "gitops", "GitOps", { 0 } },
	{ "containers", "Containers and runtime", { 0 } },
	{ "iac", "Infrastructure as code", { 0 } },
	{ "observability", "Observability", { 0 } },
};
static struct tech k_techs[] = {
	{ "github-actions", "cicd", "GitHub Actions",
	  "Teams already on GitHub.", { 0 } },
	{ "argocd", "gitops", "Argo CD",
	  "Kubernetes teams that want a UI for sync state.", { 0 } },
	{ "terraform", "iac", "Terraform", "Multi-cloud infrastructure.",
	  { 0 } },
};
static struct metric_def k_metrics[] = {
	{ .id = "deploy_freq", .name = "Deployment frequency",
	  .unit = "deploys per week", .unit_one = "deploy per week",
	  .higher_is_better = true,
	  .bands = { { BAND_ELITE, true, false, 7, 0 },
		     { BAND_HIGH, true, true, 1, 7 },
		     { BAND_MEDIUM, true, true, 0.23, 1 },
		     { BAND_LOW, false, true, 0, 0.23 } },
	  .n_bands = 4 },
	{ .id = "lead_time", .name = "Lead time for changes", .unit = "hours",
	  .unit_one = "hour", .higher_is_better = false,
	  .bands = { { BAND_ELITE, false, true, 0, 24 },
		     { BAND_HIGH, true, true, 24, 168 },
		     { BAND_MEDIUM, true, true, 168, 720 },
		     { BAND_LOW, true, false, 720, 0 } },
	  .n_bands = 4 },
};

static struct knowledge test_k = {
	.sections = k_sections, .n_sections = 5,
	.questions = k_questions, .n_questions = 9,
	.categories = k_categories, .n_categories = 5,
	.techs = k_techs, .n_techs = 3,
	.metrics = k_metrics, .n_metrics = 2,
};

static void render_all(const char *name, const struct workshop_data *d,
		       const struct knowledge *k)
{
	struct adr_plan plan;
	struct error e;
	struct buf b;
	char file[256];

	buf_init(&b);
	assert_int_equal(export_report_with(d, k, EXPORT_RECORDED_NAMES, &b, &e), 0);
	snprintf(file, sizeof(file), "%s/report.md", name);
	golden(file, &b);

	b.len = 0;
	assert_int_equal(export_risks_md_with(d, EXPORT_RECORDED_NAMES, &b, &e), 0);
	snprintf(file, sizeof(file), "%s/risks.md", name);
	golden(file, &b);
	b.len = 0;
	assert_int_equal(export_metrics_md(d, k, &b, &e), 0);
	snprintf(file, sizeof(file), "%s/metrics.md", name);
	golden(file, &b);
	b.len = 0;
	assert_int_equal(export_risks_csv(d, &b, &e), 0);
	snprintf(file, sizeof(file), "%s/risks.csv", name);
	golden(file, &b);
	b.len = 0;
	assert_int_equal(export_metrics_csv(d, k, &b, &e), 0);
	snprintf(file, sizeof(file), "%s/metrics.csv", name);
	golden(file, &b);

	for (int madr = 0; madr < 2; madr++) {
		assert_int_equal(export_adr_plan(d, NULL, &plan, &e), 0);
		assert_int_equal(plan.n_ours, d->n_decisions);
		for (size_t i = 0; i < plan.n_ours; i++) {
			const struct adr_entry *en = &plan.v[i];

			b.len = 0;
			if (madr)
				assert_int_equal(export_madr_one(d, k, &plan,
						 (size_t)en->decision, &b, &e), 0);
			else
				assert_int_equal(export_adr_one(d, k, &plan,
						 (size_t)en->decision, &b, &e), 0);
			snprintf(file, sizeof(file), "%s/%s/%s", name,
				 madr ? "madr" : "adr", en->file);
			golden(file, &b);
		}
		b.len = 0;
		assert_int_equal(export_adr_index(&plan, &b, &e), 0);
		snprintf(file, sizeof(file), "%s/%s/README.md", name,
			 madr ? "madr" : "adr");
		golden(file, &b);
		export_adr_plan_clear(&plan);
	}
	buf_free(&b);
}

static void test_golden_rich(void **state)
{
	struct workshop_data *d = rich_workshop();

	(void)state;
	render_all("rich", d, &test_k);
	wsdata_free(&d);
}

static void test_golden_hostile(void **state)
{
	struct workshop_data *d = hostile_workshop();

	(void)state;
	render_all("hostile", d, NULL);
	wsdata_free(&d);
}

static void test_golden_imported(void **state)
{
	struct workshop_data *d = imported_workshop();

	(void)state;
	render_all("imported", d, NULL);
	wsdata_free(&d);
}

/* The rich workshop without content still exports, by ids. */
static void test_golden_rich_no_content(void **state)
{
	struct workshop_data *d = rich_workshop();
	struct error e;
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_int_equal(export_report_with(d, NULL, EXPORT_RECORDED_NAMES, &b, &e), 0);
	golden("rich/report-no-content.md", &b);
	assert_non_null(strstr(buf_str(&b), "**deploy_frequency**: daily"));
	assert_null(strstr(buf_str(&b), "(Elite)"));
	buf_free(&b);
	wsdata_free(&d);
}

/* AHP weights: the trade-off matrix says where the weights came from and
 * how consistent the judgements were. */
static void test_ahp_weights(void **state)
{
	struct workshop_data *d = rich_workshop();
	struct error e;
	struct buf b;

	(void)state;
	d->ws.weighting = WEIGHTING_AHP;
	/* Judgements from the direct weights: perfectly consistent. */
	for (size_t i = 0; i < d->n_criteria; i++)
		for (size_t j = i + 1; j < d->n_criteria; j++) {
			struct judgement *jg = wsdata_add_judgement(d);

			assert_non_null(jg);
			jg->a = S(d->criteria[i].key);
			jg->b = S(d->criteria[j].key);
			jg->value = d->criteria[i].weight / d->criteria[j].weight;
		}
	buf_init(&b);
	assert_int_equal(export_report_with(d, &test_k, EXPORT_RECORDED_NAMES, &b, &e), 0);
	assert_non_null(strstr(buf_str(&b),
			       "Weights come from pairwise comparison (AHP); consistency ratio 0.000 (acceptable)."));
	assert_non_null(strstr(buf_str(&b),
			       "| Developer experience | 20.0% | 5 | 4 | 2 | robust |"));
	/* Missing pairs: the report still comes out and says why. */
	judgement_clear(&d->pairwise[0]);
	d->n_pairwise = 0;
	for (size_t i = 1; i < 28; i++)
		judgement_clear(&d->pairwise[i]);
	b.len = 0;
	assert_int_equal(export_report_with(d, &test_k, EXPORT_RECORDED_NAMES, &b, &e), 0);
	assert_non_null(strstr(buf_str(&b), "The options cannot be scored yet: "));
	buf_free(&b);
	wsdata_free(&d);
}

/* An empty workshop: every section says it is empty. */
static void test_golden_empty(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct adr_plan plan;
	struct error e;
	struct buf b;

	(void)state;
	assert_non_null(d);
	buf_init(&b);
	assert_int_equal(export_report_with(d, NULL, EXPORT_RECORDED_NAMES, &b, &e), 0);
	golden("empty/report.md", &b);
	b.len = 0;
	assert_int_equal(export_adr_plan(d, NULL, &plan, &e), 0);
	assert_int_equal(plan.n, 0);
	assert_int_equal(export_adr_index(&plan, &b, &e), 0);
	golden("empty/README.md", &b);
	export_adr_plan_clear(&plan);
	buf_free(&b);
	wsdata_free(&d);
}

/* ---- escaping and slugs ------------------------------------------------ */

static void check_md(void (*fn)(struct buf *, const char *), const char *in,
		     const char *want)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	fn(&b, in);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void text_para(struct buf *b, const char *s)
{
	md_text(b, s, "  ", 0);
}

static void heading2(struct buf *b, const char *s)
{
	md_heading(b, 2, s);
}

static void source(struct buf *b, const char *s)
{
	md_source(b, s, NULL);
}

static void source_item(struct buf *b, const char *s)
{
	md_source(b, s, "  ");
}

static void inline_source(struct buf *b, const char *s)
{
	md_inline_source(b, s, 1);
}

static void heading_source(struct buf *b, const char *s)
{
	md_heading_source(b, 2, s);
}

static void test_escape(void **state)
{
	(void)state;
	/* Text reads as typed: what cannot change the meaning stays. */
	check_md(md_inline, "a | b", "a | b");
	check_md(md_inline, "Dev opens PR -> 1 review", "Dev opens PR -> 1 review");
	check_md(md_inline, "Security & Compliance", "Security & Compliance");
	check_md(md_inline, "lost ~€40k, 99.95% up", "lost ~€40k, 99.95% up");
	check_md(md_inline, "a < b > c, x<5 ms", "a < b > c, x<5 ms");
	check_md(md_inline, "2 * 3 = 6, $5, C:\\path, `x", "2 * 3 = 6, $5, C:\\path, `x");
	check_md(md_inline, "snake_case and __init__-ish", "snake_case and \\_\\_init\\_\\_-ish");
	check_md(md_inline, "[draft] R1]", "[draft] R1]");
	/* What would change it is escaped. */
	check_md(md_inline, "<script>x</script>", "\\<script>x\\</script>");
	check_md(md_inline, "<b>bold</b> and <!-- c -->", "\\<b>bold\\</b> and \\<!-- c -->");
	check_md(md_inline, "&amp; &#35; &#x23; &copy; & ;", "\\&amp; \\&#35; \\&#x23; \\&copy; & ;");
	check_md(md_inline, "`code` *em* [l](u) ~s~ \\",
		 "\\`code\\` \\*em\\* \\[l\\](u) \\~s\\~ \\\\");
	check_md(md_inline, "~~strike~~ and **bold**", "\\~\\~strike\\~\\~ and \\*\\*bold\\*\\*");
	check_md(md_inline, "$5 to $10", "\\$5 to \\$10");
	check_md(md_inline, "snake_case _em_", "snake_case \\_em\\_");
	check_md(md_inline, "a\\*b \\", "a\\\\*b \\\\");
	check_md(md_inline, "two\nlines", "two lines");
	check_md(md_inline, "tab\there", "tab here");
	check_md(md_inline, "ctl\x01\x7f", "ctl");
	check_md(md_inline, "bad \xff byte", "bad \xEF\xBF\xBD byte");
	check_md(md_inline, "漢字 🚀", "漢字 🚀");
	check_md(md_inline, "see https://x.org/a_(b)?q=1&r=2.",
		 "see <https://x.org/a_(b)?q=1&r=2>.");
	check_md(md_inline, "(https://x.org/p)", "(<https://x.org/p>)");
	check_md(md_inline, "https:// alone", "https:// alone");
	check_md(md_inline, "www.example.com ops@example.com",
		 "www\\.example.com ops\\@example.com");
	check_md(md_inline, NULL, "");

	/* Line starts that would become structure. */
	check_md(text_para, "# h", "\\# h");
	check_md(text_para, "#1 and ###### six", "#1 and ###### six");
	check_md(text_para, "####### seven", "####### seven");
	check_md(text_para, "- a\n+ b\n* c", "\\- a\n  \\+ b\n  \\* c");
	check_md(text_para, "-5% or +3", "-5% or +3");
	check_md(text_para, "1. one\n22) two", "1\\. one\n  22\\) two");
	check_md(text_para, "99.95% up\n2024. A year", "99.95% up\n  2024\\. A year");
	check_md(text_para, "> q", "\\> q");
	check_md(text_para, "text\n===", "text\n  \\===");
	check_md(text_para, "text\n---\n***\n- - -", "text\n  \\---\n  \\***\n  \\- - -");
	check_md(text_para, "```\nx\n~~~", "\\```\n  x\n  \\~~~");
	check_md(text_para, "| a | b |\n|---|:-:|", "| a | b |\n  \\|---|:-:|");
	check_md(text_para, "<div>\nx", "\\<div>\n  x");
	check_md(text_para, "[ref]: https://x.org", "\\[ref]: <https://x.org>");
	check_md(text_para, "[^1]: note\n[x] done", "\\[^1]: note\n  \\[x] done");
	check_md(text_para, "    code", "code");
	check_md(text_para, "a\n\n\n\nb", "a\n\n  b");
	check_md(text_para, "a\r\nb  \n", "a\n  b");
	check_md(text_para, "mid # - 1. > ok", "mid # - 1. > ok");
	check_md(text_para, "ends in \\\nnext", "ends in \\\\\n  next");

	/* Markdown source: as written, trimmed, what is open closed. */
	check_md(source, "\n  \n# H\r\n\r\n* *a*  \n  \n`b` <x>\n\n",
		 "# H\n\n* *a*  \n\n`b` <x>");
	check_md(source, "```sh\ncode\n\nmore", "```sh\ncode\n\nmore\n```");
	check_md(source, "~~~~\n```\n~~~\nstill code", "~~~~\n```\n~~~\nstill code\n~~~~");
	check_md(source, "```\na\n```\nb <!-- open\n", "```\na\n```\nb <!-- open -->");
	check_md(source, "<!-- a -->\n```\n<!--\n```", "<!-- a -->\n```\n<!--\n```");
	check_md(source, "`` ``` `` not a fence", "`` ``` `` not a fence");
	check_md(source, "```a`b\nno fence", "```a`b\nno fence");
	check_md(source, " \n\t\n", "");
	check_md(source, NULL, "");
	check_md(source_item, "one\n\n```\ntwo", "one\n\n  ```\n  two\n  ```");
	check_md(inline_source, "a | `b|c`\n*d*", "a \\| `b\\|c` *d*");
	check_md(heading_source, "`x` *y*\nz", "## `x` *y* z\n\n");
	assert_int_equal(md_source_sections("## Notes\nx"), 0);
	assert_int_equal(md_source_sections("Text\n\n## Notes\n"), 6);
	assert_int_equal(md_source_sections("```\n## no\n```\n## Yes"), 14);
	assert_int_equal(md_source_sections("### Deeper\n#### x"), 17);
	assert_int_equal(md_source_sections(NULL), 0);

	check_md(md_cell, "a|b\nc\n\n", "a\\|b c");
	check_md(md_cell, "# not a heading in a cell", "# not a heading in a cell");
	check_md(md_cell, "", "");
	check_md(heading2, "Title #\nmore", "## Title # more\n\n");
	check_md(heading2, "Title #", "## Title \\#\n\n");
	check_md(heading2, "Issue #12 ##", "## Issue #12 \\##\n\n");
	check_md(heading2, "#", "## \\#\n\n");
	check_md(heading2, "C# & F#", "## C# & F#\n\n");
	check_md(heading2, NULL, "## \n\n");
	check_md(md_mermaid_label, "a \"b\" <c> #d `e`\nf",
		 "\"a #quot;b#quot; #lt;c#gt; #35;d #96;e#96; f\"");
	check_md(md_mermaid_string, "a \"b\" `c` | [d] 漢字\n\x01" "e",
		 "\"a 'b' 'c' | [d] 漢字  e\"");
	check_md(md_mermaid_string, "bad \xff", "\"bad \xEF\xBF\xBD\"");
	check_md(md_yaml_quoted, "a \"b\" \\ \n\t\x01 é",
		 "\"a \\\"b\\\" \\\\ \\n\\t\\x01 é\"");
	check_md(csv_field, "plain", "plain");
	check_md(csv_field, "a,b", "\"a,b\"");
	check_md(csv_field, "say \"hi\"\nbye", "\"say \"\"hi\"\"\nbye\"");
	check_md(csv_field, " edge", "\" edge\"");
	check_md(csv_field, NULL, "");
	/* Formulas reach a spreadsheet as text (OWASP CSV injection). */
	check_md(csv_field, "=HYPERLINK(\"http://x\",\"y\")",
		 "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_md(csv_field, "+1 (555)", "\"'+1 (555)\"");
	check_md(csv_field, "-2+3", "\"'-2+3\"");
	check_md(csv_field, "@SUM(A1)", "\"'@SUM(A1)\"");
	check_md(csv_field, "\tcmd", "\"'\tcmd\"");
	check_md(csv_field, "\rcmd", "\"'\rcmd\"");
	check_md(csv_field, "a=b", "a=b");
}

static void check_slug(const char *title, int n, const char *want)
{
	char *s = md_slug(title, "decision", n);

	assert_non_null(s);
	assert_string_equal(s, want);
	assert_null(strchr(s, '/'));
	assert_null(strstr(s, ".."));
	assert_true(strlen(s) <= MD_SLUG_MAX);
	free(s);
}

static void test_slug(void **state)
{
	(void)state;
	check_slug("Use Argo CD instead of Flux", 1,
		   "use-argo-cd-instead-of-flux");
	check_slug("Café déjà vu: Über-Straße, Ærø, Ålborg, Çà, Ñandú", 1,
		   "cafe-deja-vu-uber-strasse-aero-alborg-ca-nandu");
	check_slug("Łódź Šibenik Œuvre", 1, "lodz-sibenik-oeuvre");
	check_slug("../../etc/passwd", 2, "etc-passwd");
	check_slug("..", 3, "decision-3");
	check_slug("", 4, "decision-4");
	check_slug(NULL, 5, "decision-5");
	check_slug("🚀🚀", 6, "decision-6");
	check_slug("漢字", 7, "decision-7");
	check_slug("  --Hello,   World!--  ", 1, "hello-world");
	check_slug("bad \xff\xfe utf8", 1, "bad-utf8");
	/* Long titles are cut at a dash, within the limit. */
	check_slug("one two three four five six seven eight nine ten eleven twelve",
		   1, "one-two-three-four-five-six-seven-eight-nine-ten-eleven");
	check_slug("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
		   1, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh");
}

static void test_formats(void **state)
{
	enum export_format f;

	(void)state;
	assert_int_equal(export_format_from_id("report", &f), 0);
	assert_int_equal(f, EXPORT_REPORT);
	assert_int_equal(export_format_from_id("csv", &f), 0);
	assert_int_equal(f, EXPORT_RISKS_CSV);
	assert_int_equal(export_format_from_id("metrics-csv", &f), 0);
	assert_int_equal(f, EXPORT_METRICS_CSV);
	assert_true(export_format_from_id("yaml", &f) < 0);
	assert_true(export_format_from_id(NULL, &f) < 0);
	assert_true(export_format_is_dir(EXPORT_ADR));
	assert_true(export_format_is_dir(EXPORT_MADR));
	assert_false(export_format_is_dir(EXPORT_RISKS));
	assert_string_equal(export_default_name(EXPORT_METRICS), "metrics.md");
}

/* ---- files ------------------------------------------------------------- */

struct tmp {
	char dir[64];
};

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof(*t));

	if (!t)
		return -1;
	snprintf(t->dir, sizeof(t->dir), "/tmp/charrette-export-XXXXXX");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	char *cmd = str_printf("chmod -R u+w '%s' && rm -rf '%s'", t->dir,
			       t->dir);

	if (cmd && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
	free(cmd);
	free(t);
	return 0;
}

static char *tpath(void **state, const char *rel)
{
	struct tmp *t = *state;
	char *p = path_join(t->dir, rel);

	assert_non_null(p);
	return p;
}

static void put_file(const char *path, const char *text)
{
	struct error e;

	assert_int_equal(atomic_write(path, text, strlen(text),
				      ATOMIC_OVERWRITE, &e), 0);
}

static char *get_file(const char *path)
{
	char *s = NULL;
	struct error e;

	if (file_read_all(path, &s, NULL, &e) < 0)
		fail_msg("%s", e.msg);
	return s;
}

/* Files in dir other than . and .. (temp files would show up here). */
static int count_files(const char *dir)
{
	char *cmd = str_printf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;

	assert_non_null(p);
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	free(cmd);
	return n;
}

static void test_run_file(void **state)
{
	struct workshop_data *d = rich_workshop();
	char *path = tpath(state, "missing/sub/report.md");
	char *dir = tpath(state, "missing/sub");
	struct strv written = { 0 };
	struct error e;
	char *first, *now;

	/* -o into a missing folder creates it. */
	assert_int_equal(export_run(d, &test_k, "report", path, 0, &written,
				    &e), 0);
	assert_int_equal(written.n, 1);
	assert_string_equal(written.v[0], path);
	first = get_file(path);
	assert_non_null(strstr(first, "# Payments platform delivery: architecture report"));
	/* The same content again is fine. */
	assert_int_equal(export_run(d, &test_k, "report", path, 0, NULL, &e), 0);
	/* A differing file is refused, and left alone. */
	str_set(&d->ws.title, "Renamed");
	assert_int_equal(export_run(d, &test_k, "report", path, 0, NULL, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "already exists"));
	now = get_file(path);
	assert_string_equal(now, first);
	free(now);
	/* ... unless forced. */
	assert_int_equal(export_run(d, &test_k, "report", path, EXPORT_FORCE,
				    NULL, &e), 0);
	now = get_file(path);
	assert_non_null(strstr(now, "# Renamed: architecture report"));
	free(now);
	assert_int_equal(count_files(dir), 1);
	/* A folder as -o gets the default name. */
	assert_int_equal(export_run(d, &test_k, "risks-csv", dir, 0, NULL, &e),
			 0);
	now = tpath(state, "missing/sub/risks.csv");
	free(get_file(now));
	free(now);
	/* Unknown formats are usage errors. */
	assert_int_equal(export_run(d, &test_k, "pdf", dir, 0, NULL, &e),
			 ST_INPUT);
	free(first);
	free(path);
	free(dir);
	strv_free(&written);
	wsdata_free(&d);
}

static void test_run_symlink(void **state)
{
	struct workshop_data *d = rich_workshop();
	char *victim = tpath(state, "victim.txt");
	char *link = tpath(state, "report.md");
	char *adrdir = tpath(state, "adr");
	char *adrlink = tpath(state, "adr/0001-use-flux-for-gitops.md");
	struct error e;
	char *s;

	put_file(victim, "keep me\n");
	/* The first decision was read from a file of that name. */
	str_set(&d->decisions[0].file, "0001-use-flux-for-gitops.md");
	str_set(&d->decisions[0].source, "# Use Flux for GitOps\n");
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(export_run(d, &test_k, "report", link, EXPORT_FORCE,
				    NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "symbolic link"));
	s = get_file(victim);
	assert_string_equal(s, "keep me\n");
	free(s);

	/* In an ADR folder, a record's file: refused before anything is
	 * written.  (A README.md that is a symlink is not ours: left alone.) */
	assert_int_equal(mkdir(adrdir, 0777), 0);
	assert_int_equal(symlink(victim, adrlink), 0);
	assert_int_equal(export_run(d, &test_k, "adr", adrdir, EXPORT_FORCE,
				    NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "0001-use-flux-for-gitops.md"));
	assert_int_equal(count_files(adrdir), 1);
	s = get_file(victim);
	assert_string_equal(s, "keep me\n");
	free(s);
	free(victim);
	free(link);
	free(adrdir);
	free(adrlink);
	wsdata_free(&d);
}

static void test_run_unwritable(void **state)
{
	struct workshop_data *d = rich_workshop();
	char *file = tpath(state, "plain-file");
	char *under = tpath(state, "plain-file/sub/report.md");
	char *adr = tpath(state, "plain-file/adr");
	char *ro = tpath(state, "read-only");
	char *ro_out = tpath(state, "read-only/report.md");
	struct tmp *t = *state;
	struct error e;

	/* A folder that cannot be created: a regular file is in the way. */
	put_file(file, "x");
	assert_true(export_run(d, &test_k, "report", under, 0, NULL, &e) < 0);
	assert_non_null(strstr(e.msg, "plain-file"));
	assert_true(export_run(d, &test_k, "adr", adr, 0, NULL, &e) < 0);
	assert_non_null(strstr(e.msg, "plain-file"));
	assert_int_equal(count_files(t->dir), 1);

	/* A folder without write permission (root writes anyway). */
	assert_int_equal(mkdir(ro, 0555), 0);
	if (geteuid() == 0) {
		fprintf(stderr, "skipped the read-only folder case: running as root\n");
	} else {
		assert_int_equal(export_run(d, &test_k, "report", ro_out, 0,
					    NULL, &e), ST_ERROR);
		assert_non_null(strstr(e.msg, "read-only"));
		assert_int_equal(count_files(ro), 0);
	}
	free(file);
	free(under);
	free(adr);
	free(ro);
	free(ro_out);
	wsdata_free(&d);
}

static const char existing_1[] =
	"# 1. Record architecture decisions\n\nDate: 2023-01-05\n\n"
	"## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n";
static const char existing_2[] =
	"# 2. Use PostgreSQL\n\nDate: 2023-02-11\n\n## Status\n\n"
	"Superseded by [5. Something](0005-something.md)\n\n## Context\n\nData.\n";

static void test_adr_numbering(void **state)
{
	struct workshop_data *d = rich_workshop();
	char *dir = tpath(state, "doc/adr");
	char *f1 = tpath(state, "doc/adr/0001-record-architecture-decisions.md");
	char *f2 = tpath(state, "doc/adr/0002-use-postgresql.md");
	char *ours3 = tpath(state, "doc/adr/0003-use-flux-for-gitops.md");
	char *ours5 = tpath(state, "doc/adr/0005-use-argo-cd-instead-of-flux.md");
	char *readme = tpath(state, "doc/adr/README.md");
	struct strv written = { 0 };
	struct error e;
	char *s;

	assert_int_equal(path_mkdir_p(dir, 0777, &e), 0);
	put_file(f1, existing_1);
	put_file(f2, existing_2);
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, &written, &e), 0);
	/* Three ADRs after the folder's highest number; the folder had no
	 * index, and its records are not ours: none is added. */
	assert_int_equal(written.n, 3);
	assert_int_equal(count_files(dir), 5);
	s = get_file(ours3);
	assert_true(str_startswith(s, "# 3. Use Flux for GitOps\n\nDate: 2024-05-02\n"));
	assert_non_null(strstr(s, "## Status\n\nSuperseded by [5. Use Argo CD instead of Flux](0005-use-argo-cd-instead-of-flux.md)\n"));
	free(s);
	s = get_file(ours5);
	assert_non_null(strstr(s, "## Status\n\nAccepted\n\nSupersedes [3. Use Flux for GitOps](0003-use-flux-for-gitops.md)\n"));
	free(s);
	/* The existing files are untouched. */
	s = get_file(f1);
	assert_string_equal(s, existing_1);
	free(s);
	assert_null(fopen(readme, "r"));

	/* Exporting again recognises our files: same numbers, no copies,
	 * nothing written. */
	strv_free(&written);
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, &written, &e), 0);
	assert_int_equal(count_files(dir), 5);
	assert_int_equal(written.n, 0);

	/* A decision changed in the workshop: its file, untouched since we
	 * wrote it, is written again; only it. */
	str_set(&d->decisions[0].context, "New context.");
	strv_free(&written);
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, &written, &e), 0);
	assert_int_equal(written.n, 1);
	assert_true(strstr(written.v[0], "0003-use-flux-for-gitops.md") != NULL);
	s = get_file(ours3);
	assert_non_null(strstr(s, "New context."));
	free(s);

	/* Edited by hand since, and changed in the workshop: refused
	 * without --force, taken with it. */
	s = get_file(ours3);
	{
		char *edited = str_printf("%s\nA note by hand.\n", s);

		put_file(ours3, edited);
		free(edited);
	}
	free(s);
	str_set(&d->decisions[0].context, "Newer context.");
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, NULL, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "0003-use-flux-for-gitops.md"));
	s = get_file(ours3);
	assert_non_null(strstr(s, "A note by hand."));
	free(s);
	assert_int_equal(export_run(d, &test_k, "adr", dir, EXPORT_FORCE, NULL,
				    &e), 0);
	s = get_file(ours3);
	assert_non_null(strstr(s, "Newer context."));
	free(s);

	/* A new decision continues after the highest number. */
	{
		struct decision *x = decision(d, 4, "Canary releases with Flagger",
					      ADR_PROPOSED, "2024-06-01");

		(void)x;
	}
	if (export_run(d, &test_k, "adr", dir, 0, NULL, &e) != 0)
		fail_msg("%s", e.msg);
	s = tpath(state, "doc/adr/0006-canary-releases-with-flagger.md");
	free(get_file(s));
	free(s);
	assert_int_equal(count_files(dir), 6);

	/* MADR into a fresh folder numbers from 1, writes its index and the
	 * template log4brains needs. */
	free(dir);
	dir = tpath(state, "madr");
	assert_int_equal(export_run(d, &test_k, "madr", dir, 0, NULL, &e), 0);
	{
		char *p3 = tpath(state, "madr/0003-use-argo-cd-instead-of-flux.md");
		char *pr = tpath(state, "madr/README.md");
		char *pt = tpath(state, "madr/template.md");

		s = get_file(p3);
		assert_true(str_startswith(s, "# Use Argo CD instead of Flux\n\n- Status: accepted\n- Date: 2024-05-20\n"));
		free(s);
		s = get_file(pr);
		assert_non_null(strstr(s, "| 1 | [Use Flux for GitOps](0001-use-flux-for-gitops.md) | Superseded by ADR 3 |"));
		free(s);
		free(get_file(pt));
		free(p3);
		free(pr);
		free(pt);
	}

	strv_free(&written);
	free(dir);
	free(f1);
	free(f2);
	free(ours3);
	free(ours5);
	free(readme);
	wsdata_free(&d);
}

/* A README of the team's own: left as it is when it lists no record; its
 * list of records gets a line for each new one, written like the others. */
static void test_adr_foreign_readme(void **state)
{
	struct workshop_data *d = rich_workshop();
	char *dir = tpath(state, "adr");
	char *readme = tpath(state, "adr/README.md");
	char *f1 = tpath(state, "adr/0001-record-architecture-decisions.md");
	struct error e;
	char *s;

	assert_int_equal(mkdir(dir, 0777), 0);
	put_file(readme, "# Our decisions\n\nHand written.\n");
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, NULL, &e), 0);
	assert_int_equal(count_files(dir), 4);
	s = get_file(readme);
	assert_string_equal(s, "# Our decisions\n\nHand written.\n");
	free(s);

	free(dir);
	dir = tpath(state, "adr2");
	assert_int_equal(mkdir(dir, 0777), 0);
	free(readme);
	readme = tpath(state, "adr2/README.md");
	free(f1);
	f1 = tpath(state, "adr2/0001-record-architecture-decisions.md");
	put_file(f1, existing_1);
	put_file(readme, "# Decisions\n\n"
		 "* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
		 "\nKept by hand.\n");
	assert_int_equal(export_run(d, &test_k, "adr", dir, 0, NULL, &e), 0);
	s = get_file(readme);
	assert_string_equal(s, "# Decisions\n\n"
			    "* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
			    "* [2. Use Flux for GitOps](0002-use-flux-for-gitops.md)\n"
			    "* [3. Adopt GitHub Actions for CI](0003-adopt-github-actions-for-ci.md)\n"
			    "* [4. Use Argo CD instead of Flux](0004-use-argo-cd-instead-of-flux.md)\n"
			    "\nKept by hand.\n");
	free(s);
	free(dir);
	free(readme);
	free(f1);
	wsdata_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_golden_rich),
		cmocka_unit_test(test_golden_rich_no_content),
		cmocka_unit_test(test_golden_hostile),
		cmocka_unit_test(test_golden_imported),
		cmocka_unit_test(test_golden_empty),
		cmocka_unit_test(test_ahp_weights),
		cmocka_unit_test_setup_teardown(test_run_file, tmp_setup,
						tmp_teardown),
		cmocka_unit_test_setup_teardown(test_run_symlink, tmp_setup,
						tmp_teardown),
		cmocka_unit_test_setup_teardown(test_run_unwritable, tmp_setup,
						tmp_teardown),
		cmocka_unit_test_setup_teardown(test_adr_numbering, tmp_setup,
						tmp_teardown),
		cmocka_unit_test_setup_teardown(test_adr_foreign_readme,
						tmp_setup, tmp_teardown),
	};

	setenv("CHARRETTE_NOW", FIXED_NOW, 1);
	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

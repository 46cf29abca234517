/*
 * test_content: the content loader.  The shipped data/ folder must load
 * without a single problem (so `make check` validates it), and every class
 * of error must be reported at its exact file:line:col.  Error fixtures are
 * written into temporary folders so each expected place can be read off
 * the text right beside the assertion.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "content/content.h"
#include "model/knowledge.h"
#include "util/path.h"
#include "util/str.h"

/* ---- helpers ---------------------------------------------------------- */

static char *shipped_dir(void)
{
	const char *top = getenv("top_srcdir");

	if (top && *top)
		return path_join(top, "data");
	return str_dup(SRCDATADIR);
}

static char *fixture_dir(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *base, *dir;

	base = path_join(top && *top ? top : SRCDATADIR "/..",
			 "tests/data/content");
	assert_non_null(base);
	dir = path_join(base, name);
	free(base);
	assert_non_null(dir);
	return dir;
}

/* A temporary folder of YAML files. */
struct tmp {
	char dir[64];
	struct strv files;
};

static void tmp_make(struct tmp *t)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "/tmp/charrette-content-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
}

/* Write name in t; returns the path as the loader names it. */
static const char *tmp_write_n(struct tmp *t, const char *name,
			       const char *text, size_t len)
{
	char *path = path_join(t->dir, name);
	FILE *f;

	assert_non_null(path);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(strv_push(&t->files, path), 0);
	free(path);
	return t->files.v[t->files.n - 1];
}

static const char *tmp_write(struct tmp *t, const char *name,
			     const char *text)
{
	return tmp_write_n(t, name, text, strlen(text));
}

static void tmp_remove(struct tmp *t)
{
	for (size_t i = 0; i < t->files.n; i++)
		unlink(t->files.v[i]);
	rmdir(t->dir);
	strv_free(&t->files);
}

static int load(const char *shipped, const char *extra, struct knowledge **k,
		struct diag *d)
{
	const char *extras[1] = { extra };

	memset(d, 0, sizeof(*d));
	return content_load(k, shipped, extras, extra ? 1 : 0, d);
}

/* Is there a problem at exactly file:line:col whose message has `part`? */
static bool has_error(const struct diag *d, const char *file, int line,
		      int col, const char *part)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct error *e = &d->v[i];

		if (strcmp(e->file, file) == 0 && e->line == line &&
		    e->col == col && strstr(e->msg, part))
			return true;
	}
	return false;
}

static void dump(const struct diag *d)
{
	char buf[2048];

	for (size_t i = 0; i < d->n; i++)
		print_message("  diag: %s\n",
			      err_format(&d->v[i], buf, sizeof(buf)));
}

static void expect_error(const struct diag *d, const char *file, int line,
			 int col, const char *part)
{
	if (!has_error(d, file, line, col, part)) {
		print_message("expected %s:%d:%d: ...%s...\n", file, line, col,
			      part);
		dump(d);
		fail();
	}
}

/* Load one file as the whole shipped folder; expect exactly one problem. */
static void expect_only(const char *name, const char *text, int line,
			int col, const char *part)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	tmp_make(&t);
	path = tmp_write(&t, name, text);
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	assert_non_null(k);
	expect_error(&d, path, line, col, part);
	if (d.n != 1) {
		dump(&d);
		fail_msg("expected one problem, got %zu", d.n);
	}
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

/* A small interview other fixtures can refer to. */
static const char mini_interview[] =
	"kind: interview\n"
	"version: 1\n"
	"sections:\n"
	"  - id: s\n"
	"    title: S\n"
	"    questions:\n"
	"      - { id: size, prompt: Size?, kind: number, unit: people }\n"
	"      - id: stage\n"
	"        prompt: Stage?\n"
	"        kind: choice\n"
	"        options: [{ id: a, label: A }, { id: b, label: B }]\n"
	"      - id: tools\n"
	"        prompt: Tools?\n"
	"        kind: multichoice\n"
	"        options: [{ id: x, label: X }, { id: y, label: Y }]\n"
	"      - { id: notes, prompt: Notes?, kind: text }\n";

/* ---- the shipped content ---------------------------------------------- */

static void test_shipped_loads_clean(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	char *dir = shipped_dir();
	int rc;

	(void)state;
	rc = load(dir, NULL, &k, &d);
	if (rc != ST_OK)
		dump(&d);
	assert_int_equal(rc, ST_OK);
	assert_int_equal(d.n, 0);
	assert_non_null(k);
	assert_int_equal(k->n_sections, 10);
	assert_int_equal(k->n_questions, 46);
	assert_int_equal(k->n_criteria, 13);
	assert_int_equal(k->n_categories, 13);
	assert_int_equal(k->n_techs, 71);
	assert_int_equal(k->n_patterns, 4);
	assert_int_equal(k->n_rules, 14);
	assert_int_equal(k->n_antipatterns, 14);
	assert_int_equal(k->n_metrics, 4);
	assert_int_equal(k->n_templates, 2);
	knowledge_free(&k);
	assert_null(k);
	diag_clear(&d);
	free(dir);
}

/* Ids other modules depend on, with their kinds and options. */
static void test_shipped_interview_ids(void **state)
{
	static const struct {
		const char *id, *section;
		enum question_kind kind;
		const char *options;   /* comma-separated, in order */
	} want[] = {
		{ "deploy_frequency", "delivery", Q_CHOICE,
		  "monthly,weekly,daily,multiple_daily,on_demand" },
		{ "lead_time_target", "delivery", Q_NUMBER, NULL },
		{ "change_fail_target", "delivery", Q_NUMBER, NULL },
		{ "rollback", "delivery", Q_CHOICE, "manual,automated,none" },
		{ "team_size", "team", Q_NUMBER, NULL },
		{ "team_structure", "team", Q_CHOICE,
		  "central_platform,embedded_sre,full_ownership,separate_ops" },
		{ "maturity", "team", Q_CHOICE, "manual,automated,self_service" },
		{ "compliance", "compliance", Q_MULTICHOICE,
		  "soc2,pci_dss,hipaa,fedramp,iso27001,none" },
		{ "audit_trail", "compliance", Q_CHOICE, "yes,no" },
		{ "change_approval", "compliance", Q_CHOICE,
		  "none,peer_review,cab" },
		{ "slsa_target", "compliance", Q_CHOICE, "none,l1,l2,l3,l4" },
		{ "clouds", "infrastructure", Q_MULTICHOICE,
		  "aws,azure,gcp,on_prem,other" },
		{ "existing_tools", "infrastructure", Q_MULTICHOICE, NULL },
		{ "company_stage", "infrastructure", Q_CHOICE,
		  "startup,scale_up,enterprise" },
		{ "services", "scale", Q_NUMBER, NULL },
		{ "request_volume", "scale", Q_NUMBER, NULL },
		{ "regions", "scale", Q_NUMBER, NULL },
		{ "sla", "scale", Q_CHOICE, "99,99_5,99_9,99_95,99_99" },
		{ "zero_downtime", "scale", Q_CHOICE, "yes,no" },
		{ "distributed", "scale", Q_SCALE, NULL },
		{ "pain_points", "pain", Q_MULTICHOICE,
		  "slow_deploys,frequent_rollbacks,poor_observability,"
		  "manual_steps,flaky_tests,config_drift,secret_sprawl,"
		  "high_costs,alert_fatigue" },
		{ "pain_detail", "pain", Q_LONGTEXT, NULL },
		{ "current_state", "pain", Q_LONGTEXT, NULL },
	};
	static const char *const tools[] = {
		"github", "gitlab", "jenkins", "jira", "slack", "pagerduty",
		"kubernetes", "terraform"
	};
	struct knowledge *k = NULL;
	struct diag d;
	char *dir = shipped_dir();
	const struct question *q;

	(void)state;
	assert_int_equal(load(dir, NULL, &k, &d), ST_OK);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		q = knowledge_question(k, want[i].id);
		if (!q)
			fail_msg("no question %s", want[i].id);
		assert_string_equal(q->section, want[i].section);
		assert_int_equal(q->kind, want[i].kind);
		if (want[i].options) {
			struct strv ids = { 0 };
			char *got;

			for (size_t j = 0; j < q->n_options; j++)
				assert_int_equal(strv_push(&ids,
						 q->options[j].id), 0);
			got = strv_join(&ids, ",");
			assert_string_equal(got, want[i].options);
			free(got);
			strv_free(&ids);
		}
	}
	q = knowledge_question(k, "existing_tools");
	for (size_t i = 0; i < sizeof(tools) / sizeof(tools[0]); i++) {
		bool found = false;

		for (size_t j = 0; j < q->n_options; j++)
			found |= strcmp(q->options[j].id, tools[i]) == 0;
		if (!found)
			fail_msg("existing_tools lacks %s", tools[i]);
	}
	q = knowledge_question(k, "lead_time_target");
	assert_string_equal(q->unit, "hours");
	q = knowledge_question(k, "change_fail_target");
	assert_string_equal(q->unit, "%");
	assert_true(q->has_min && q->has_max);
	assert_true(q->min == 0 && q->max == 100);
	/* audit_trail is asked only once compliance has an answer. */
	q = knowledge_question(k, "audit_trail");
	assert_non_null(q->show_if);
	assert_int_equal(q->show_if->op, COND_ANSWERED);
	assert_string_equal(q->show_if->question, "compliance");
	q = knowledge_question(k, "pain_detail");
	assert_non_null(q->show_if);
	assert_string_equal(q->show_if->question, "pain_points");
	knowledge_free(&k);
	diag_clear(&d);
	free(dir);
}

static void test_shipped_library(void **state)
{
	static const char *const crit[] = {
		"dx", "ops", "security", "scale", "cost", "lockin", "ttv", "obs"
	};
	static const char *const pats[] = {
		"gha-argocd-eks", "gitlab-flux-aks", "jenkins-helm-terraform",
		"serverless"
	};
	static const char *const mets[] = {
		"deploy_freq", "lead_time", "change_fail", "restore_time"
	};
	struct knowledge *k = NULL;
	struct diag d;
	char *dir = shipped_dir();
	const struct template_def *t;

	(void)state;
	assert_int_equal(load(dir, NULL, &k, &d), ST_OK);
	t = knowledge_template(k, "devops");
	assert_non_null(t);
	assert_int_equal(t->criteria.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(t->criteria.v[i], crit[i]);
		assert_non_null(knowledge_criterion(k, crit[i]));
	}
	/* all_patterns lists every loaded pattern, rule and anti-pattern. */
	assert_true(t->all_patterns);
	assert_int_equal(t->patterns.n, k->n_patterns);
	assert_int_equal(t->rules.n, k->n_rules);
	assert_int_equal(t->antipatterns.n, k->n_antipatterns);
	assert_int_equal(t->metrics.n, 4);
	for (size_t i = 0; i < 4; i++) {
		const struct pattern *p = knowledge_pattern(k, pats[i]);
		const struct metric_def *m = knowledge_metric(k, mets[i]);

		assert_non_null(p);
		assert_non_null(p->fits);
		assert_true(p->stages.n >= 4);
		assert_true(p->tradeoffs.n >= 3);
		assert_non_null(m);
		assert_int_equal(m->n_bands, 4);
		assert_string_equal(t->metrics.v[i], mets[i]);
		/* Every component names a catalogue entry of its category. */
		for (size_t j = 0; j < p->n_components; j++) {
			bool found = false;

			for (size_t n = 0; n < k->n_techs; n++)
				found |= strcmp(k->techs[n].name,
						p->components[j].name) == 0 &&
					 strcmp(k->techs[n].category,
						p->components[j].category) == 0;
			if (!found)
				fail_msg("%s: component %s/%s not in catalogue",
					 p->id, p->components[j].category,
					 p->components[j].name);
		}
	}
	/* Bands read better from low to elite in the metric's direction. */
	for (size_t i = 0; i < 4; i++) {
		const struct metric_def *m = knowledge_metric(k, mets[i]);
		double elite = 0, low = 0;

		for (size_t j = 0; j < m->n_bands; j++) {
			const struct band_def *b = &m->bands[j];
			double mid = b->has_min ? b->min : b->max;

			if (b->band == BAND_ELITE)
				elite = mid;
			if (b->band == BAND_LOW)
				low = mid;
		}
		assert_true(m->higher_is_better ? elite > low : elite < low);
	}
	assert_true(knowledge_metric(k, "deploy_freq")->higher_is_better);
	assert_string_equal(knowledge_metric(k, "lead_time")->unit, "hours");
	t = knowledge_template(k, "generic");
	assert_non_null(t);
	assert_false(t->all_patterns);
	assert_int_equal(t->patterns.n, 0);
	assert_int_equal(t->rules.n, 0);
	assert_int_equal(t->criteria.n, 5);
	assert_non_null(knowledge_section(k, t->sections.v[0]));
	assert_non_null(knowledge_tech(k, "argocd"));
	assert_null(knowledge_tech(k, "no-such-tool"));
	assert_null(knowledge_pattern(k, "nope"));
	assert_null(knowledge_template(k, NULL));
	knowledge_free(&k);
	diag_clear(&d);
	free(dir);
}

/* ---- one fixture per class of error ----------------------------------- */

static void test_malformed_yaml(void **state)
{
	(void)state;
	/* The flow mapping opened on line 3 is never closed: libyaml gives
	 * up at the colon of line 4, where a ',' or '}' should be. */
	expect_only("bad.yaml",
		    "kind: criteria\n"
		    "version: 1\n"
		    "criteria: [ { id: a\n"
		    "oops: 1\n",
		    4, 5, "did not find expected ',' or '}'");
	/* A key indented one space less than its siblings. */
	expect_only("bad.yaml",
		    "kind: criteria\n"
		    "version: 1\n"
		    "criteria:\n"
		    "  - id: a\n"
		    "   name: x\n",
		    5, 4, "did not find expected '-' indicator");
	expect_only("bad.yaml",
		    "kind: criteria\n"
		    "version: 1\n"
		    "criteria: *nope\n",
		    3, 11, "found undefined alias");
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_only("c.yaml",
		    "kind: criteria\n"
		    "version: 1\n"
		    "criteria:\n"
		    "  - id: a\n"
		    "    name: A\n"
		    "    description: d\n"
		    "    low: l\n"
		    "    high: h\n"
		    "    colour: red\n",
		    9, 5, "unknown key 'colour' in criterion 'a'");
}

static void test_wrong_types(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	path = tmp_write(&t, "c.yaml",
			 "kind: criteria\n"
			 "version: 1\n"
			 "criteria:\n"
			 "  - id: a\n"
			 "    name: { first: A }\n"
			 "    description: d\n"
			 "    low: l\n"
			 "    high: h\n"
			 "  - id: b\n"
			 "    name: B\n"
			 "    description: d\n"
			 "    low: l\n"
			 "    high: h\n"
			 "    weight: heavy\n"
			 "  - id: c\n"
			 "    name: C\n"
			 "    description: [d]\n"
			 "    low: l\n"
			 "    high: h\n"
			 "    weight: 2.5\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 5, 11, "'name' must be a string, not a mapping");
	expect_error(&d, path, 14, 13, "'weight' must be a number, not 'heavy'");
	expect_error(&d, path, 17, 18,
		     "'description' must be a string, not a list");
	assert_int_equal(d.n, 3);
	/* The broken entries are left out, nothing else is. */
	assert_int_equal(k->n_criteria, 0);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_missing_key(void **state)
{
	(void)state;
	expect_only("c.yaml",
		    "kind: criteria\n"
		    "version: 1\n"
		    "criteria:\n"
		    "  - id: a\n"
		    "    name: A\n"
		    "    low: l\n"
		    "    high: h\n",
		    4, 5, "criterion 'a' is missing required key 'description'");
}

static void test_duplicate_ids(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *one, *two;

	(void)state;
	tmp_make(&t);
	one = tmp_write(&t, "a.yaml",
			"kind: catalogue\n"
			"version: 1\n"
			"categories:\n"
			"  - { id: cicd, name: CI }\n"
			"  - { id: cicd, name: Again }\n");
	two = tmp_write(&t, "b.yaml",
			"kind: catalogue\n"
			"version: 1\n"
			"categories:\n"
			"  - { id: iac, name: IaC }\n"
			"  - { id: cicd, name: Third }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, one, 5, 5, "duplicate category id 'cicd'");
	expect_error(&d, two, 5, 5, "duplicate category id 'cicd'");
	assert_int_equal(d.n, 2);
	/* The first definition stays. */
	assert_int_equal(k->n_categories, 2);
	assert_string_equal(k->categories[0].name, "CI");
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_unknown_question_in_condition(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "interview.yaml", mini_interview);
	path = tmp_write(&t, "rules.yaml",
			 "kind: rules\n"
			 "version: 1\n"
			 "rules:\n"
			 "  - id: r\n"
			 "    title: R\n"
			 "    goal: cost\n"
			 "    when: { question: budget, lt: 20 }\n"
			 "    recommendation: Do it.\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 7, 23,
		     "rule 'r' names unknown question 'budget'");
	assert_int_equal(d.n, 1);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_unknown_option(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "interview.yaml", mini_interview);
	path = tmp_write(&t, "z.yaml",
			 "kind: antipatterns\n"
			 "version: 1\n"
			 "antipatterns:\n"
			 "  - id: ap\n"
			 "    name: AP\n"
			 "    description: D\n"
			 "    remedy: R\n"
			 "    when:\n"
			 "      any:\n"
			 "        - { question: stage, eq: c }\n"
			 "        - { question: stage, in: [a, d] }\n"
			 "        - { question: tools, contains: z }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 10, 34,
		     "'c' is not an option of question 'stage'");
	expect_error(&d, path, 11, 38,
		     "'d' is not an option of question 'stage'");
	expect_error(&d, path, 12, 40,
		     "'z' is not an option of question 'tools'");
	assert_int_equal(d.n, 3);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_operator_kind_mismatch(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "interview.yaml", mini_interview);
	path = tmp_write(&t, "z.yaml",
			 "kind: antipatterns\n"
			 "version: 1\n"
			 "antipatterns:\n"
			 "  - id: ap\n"
			 "    name: AP\n"
			 "    description: D\n"
			 "    remedy: R\n"
			 "    when:\n"
			 "      all:\n"
			 "        - { question: stage, lt: 3 }\n"
			 "        - { question: tools, eq: x }\n"
			 "        - { question: size, eq: many }\n"
			 "        - { question: stage, contains: a }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 10, 34, "'lt' compares numbers");
	expect_error(&d, path, 11, 34, "use 'contains' rather than 'eq'");
	expect_error(&d, path, 12, 33, "takes a number, not 'many'");
	expect_error(&d, path, 13, 40, "'contains' needs a multichoice");
	assert_int_equal(d.n, 4);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_unknown_criterion_in_nudge(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "interview.yaml", mini_interview);
	path = tmp_write(&t, "rules.yaml",
			 "kind: rules\n"
			 "version: 1\n"
			 "rules:\n"
			 "  - id: r\n"
			 "    title: R\n"
			 "    goal: velocity\n"
			 "    when: { answered: size }\n"
			 "    recommendation: Do it.\n"
			 "    nudges:\n"
			 "      - { criterion: speed, delta: 1 }\n"
			 "    patterns: [nowhere]\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 10, 22,
		     "rule 'r' names unknown criterion 'speed'");
	expect_error(&d, path, 11, 16,
		     "rule 'r' names unknown pattern 'nowhere'");
	assert_int_equal(d.n, 2);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_unknown_template_member(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "interview.yaml", mini_interview);
	path = tmp_write(&t, "templates.yaml",
			 "kind: templates\n"
			 "version: 1\n"
			 "templates:\n"
			 "  - id: mine\n"
			 "    name: Mine\n"
			 "    sections: [s, q]\n"
			 "    criteria: []\n"
			 "    metrics:\n"
			 "      - lead_time\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 6, 19,
		     "template 'mine' names unknown section 'q'");
	expect_error(&d, path, 9, 9,
		     "template 'mine' names unknown metric 'lead_time'");
	assert_int_equal(d.n, 2);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

/* A template's agenda: stages from interview to roadmap, each once, with
 * whole minutes; the shipped templates' timeboxes and what a new workshop
 * takes from them. */
static void test_template_agenda(void **state)
{
	struct knowledge *k = NULL;
	struct workshop_data *w = NULL;
	const struct template_def *t;
	struct diag d;
	struct tmp tm;
	struct error e;
	const char *path;
	long total = 0;

	(void)state;
	tmp_make(&tm);
	tmp_write(&tm, "interview.yaml", mini_interview);
	path = tmp_write(&tm, "templates.yaml",
			 "kind: templates\n"
			 "version: 1\n"
			 "templates:\n"
			 "  - id: mine\n"
			 "    name: Mine\n"
			 "    sections: [s]\n"
			 "    criteria: []\n"
			 "    agenda:\n"
			 "      - { stage: done, minutes: 5 }\n"
			 "      - { stage: risks, minutes: 5 }\n"
			 "      - { stage: risks, minutes: 3 }\n"
			 "      - { stage: roadmap, minutes: 2.5 }\n"
			 "      - { stage: roadmap }\n"
			 "      - { minutes: 4, when: later }\n");
	assert_int_equal(load(tm.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 9, 18, "unknown stage 'done' in the agenda");
	expect_error(&d, path, 11, 18, "stage 'risks' is in the agenda of");
	expect_error(&d, path, 12, 36, "'minutes' must be a whole number from 0 to 1440");
	expect_error(&d, path, 13, 9, "is missing required key 'minutes'");
	expect_error(&d, path, 14, 9, "is missing required key 'stage'");
	expect_error(&d, path, 14, 23, "unknown key 'when'");
	assert_int_equal(d.n, 6);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&tm);

	assert_int_equal(load(SRCDATADIR, NULL, &k, &d), ST_OK);
	t = knowledge_template(k, "devops");
	assert_int_equal(t->n_agenda, 8);
	assert_int_equal(t->agenda[0].stage, STAGE_INTERVIEW);
	assert_int_equal(t->agenda[7].stage, STAGE_ROADMAP);
	for (size_t i = 0; i < t->n_agenda; i++)
		total += t->agenda[i].minutes;
	assert_int_equal(total, 150);
	err_clear(&e);
	assert_int_equal(content_workshop_from_template(k, "generic", "G", &w,
							&e), ST_OK);
	assert_int_equal(w->n_agenda, 6);
	assert_int_equal(w->agenda[2].stage, STAGE_TRADEOFFS);
	assert_int_equal(w->agenda[2].planned, 25);
	assert_int_equal(w->agenda[2].pos, 2);
	wsdata_free(&w);
	knowledge_free(&k);
	diag_clear(&d);
}

static void test_unknown_kind(void **state)
{
	(void)state;
	expect_only("x.yaml",
		    "version: 1\n"
		    "kind: recipes\n",
		    2, 7, "unknown kind 'recipes'");
}

static void test_unsupported_version(void **state)
{
	(void)state;
	expect_only("x.yaml",
		    "kind: criteria\n"
		    "version: 2\n"
		    "criteria: []\n",
		    2, 10, "unsupported version '2'");
}

static void test_invalid_utf8(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;
	/* Line 4: "  - { id: a, name: " is 19 characters, "Café " is 5
	 * more (é is two bytes, one column), then a stray 0xFF. */
	static const char text[] =
		"kind: catalogue\n"
		"version: 1\n"
		"categories:\n"
		"  - { id: a, name: Caf\xc3\xa9 \xff }\n";

	(void)state;
	tmp_make(&t);
	path = tmp_write_n(&t, "u.yaml", text, sizeof(text) - 1);
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 4, 25, "invalid UTF-8 (byte 0xFF)");
	assert_int_equal(d.n, 1);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_empty_and_multi_document(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *empty, *two;

	(void)state;
	tmp_make(&t);
	empty = tmp_write(&t, "a.yaml", "# nothing here\n");
	two = tmp_write(&t, "b.yaml",
			"kind: criteria\n"
			"version: 1\n"
			"criteria: []\n"
			"---\n"
			"kind: criteria\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, empty, 1, 1, "the file is empty");
	expect_error(&d, two, 5, 1, "one YAML document");
	assert_int_equal(d.n, 2);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

/* Loading goes on after a problem: every problem is listed and every good
 * entry is loaded. */
static void test_collects_all_errors(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *a, *b;

	(void)state;
	tmp_make(&t);
	a = tmp_write(&t, "a.yaml",
		      "kind: catalogue\n"
		      "version: 1\n"
		      "categories:\n"
		      "  - { id: ok, name: Fine }\n"
		      "  - { id: bad id, name: Spaces }\n"
		      "  - { id: x, name: X, extra: 1 }\n"
		      "technologies:\n"
		      "  - { id: t, category: nope, name: T, best_for: B }\n");
	b = tmp_write(&t, "b.yaml", "kind: [\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, a, 5, 11, "'bad id' is not a valid identifier");
	expect_error(&d, a, 6, 23, "unknown key 'extra'");
	expect_error(&d, a, 8, 24,
		     "technology 't' names unknown category 'nope'");
	expect_error(&d, b, 2, 1, "");
	assert_int_equal(d.n, 4);
	assert_int_equal(k->n_categories, 2);
	assert_string_equal(k->categories[1].id, "x");
	assert_int_equal(k->n_techs, 1);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_missing_folders(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	char *dir = shipped_dir();

	(void)state;
	/* A missing extra folder is simply skipped. */
	assert_int_equal(load(dir, "/nonexistent/charrette", &k, &d), ST_OK);
	assert_int_equal(d.n, 0);
	knowledge_free(&k);
	diag_clear(&d);
	/* A missing shipped folder is a (runtime) failure with its name. */
	assert_int_equal(load("/nonexistent/charrette", NULL, &k, &d),
			 ST_ERROR);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "/nonexistent/charrette");
	assert_non_null(strstr(d.v[0].msg, "cannot read content folder"));
	knowledge_free(&k);
	diag_clear(&d);
	free(dir);
}

/* A workshop file among content and the shipped demo.yaml are skipped. */
static void test_skips_workshops(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "demo.yaml", "this: [is not even content\n");
	tmp_write(&t, "mine.yaml", "charrette: 1\ntitle: A workshop\n");
	tmp_write(&t, "notes.txt", "not yaml at all: [\n");
	tmp_write(&t, "c.yaml", "kind: criteria\nversion: 1\ncriteria: []\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_OK);
	assert_int_equal(d.n, 0);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

/* ---- overrides -------------------------------------------------------- */

static void test_override_by_id(void **state)
{
	struct knowledge *k = NULL, *base = NULL;
	struct diag d;
	char *dir = shipped_dir();
	char *over = fixture_dir("override");
	const struct criterion_def *c;
	const struct question *q;

	(void)state;
	assert_int_equal(load(dir, NULL, &base, &d), ST_OK);
	diag_clear(&d);
	if (load(dir, over, &k, &d) != ST_OK) {
		dump(&d);
		fail();
	}
	/* Same ids, so the same counts, plus the one new question. */
	assert_int_equal(k->n_criteria, base->n_criteria);
	assert_int_equal(k->n_questions, base->n_questions + 1);
	c = knowledge_criterion(k, "security");
	assert_true(c->weight == 5);
	assert_string_equal(c->name, "Security and audit");
	assert_non_null(strstr(c->at.file, "tests/data/content/override"));
	/* Replaced in place: the order of the criteria is kept. */
	assert_string_equal(k->criteria[2].id, "security");
	q = knowledge_question(k, "team_size");
	assert_string_equal(q->prompt, "How many engineers work here?");
	assert_true(q->has_max && q->max == 5000);
	q = knowledge_question(k, "on_call");
	assert_non_null(q);
	assert_string_equal(q->section, "team");
	/* The user's rule nudges a shipped criterion by a shipped question. */
	assert_non_null(strstr(k->rules[k->n_rules - 1].id, "local-"));
	knowledge_free(&k);
	knowledge_free(&base);
	diag_clear(&d);
	free(over);
	free(dir);
}

/* Within one extra folder, the same id twice is still an error. */
static void test_duplicate_in_extra_folder(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	char *dir = shipped_dir();
	const char *two;
	static const char crit[] =
		"kind: criteria\n"
		"version: 1\n"
		"criteria:\n"
		"  - { id: dx, name: DX, description: D, low: L, high: H }\n";

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "a.yaml", crit);
	two = tmp_write(&t, "b.yaml", crit);
	assert_int_equal(load(dir, t.dir, &k, &d), ST_INPUT);
	expect_error(&d, two, 4, 5, "duplicate criterion id 'dx'");
	assert_int_equal(d.n, 1);
	assert_string_equal(knowledge_criterion(k, "dx")->name, "DX");
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
	free(dir);
}

/* ---- parsing details -------------------------------------------------- */

static void test_question_kinds(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const struct question *q;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "i.yaml",
		  "kind: interview\n"
		  "version: 1\n"
		  "sections:\n"
		  "  - id: all\n"
		  "    title: All kinds\n"
		  "    intro: Every kind once.\n"
		  "    questions:\n"
		  "      - { id: t, prompt: T?, kind: text, help: Short. }\n"
		  "      - { id: l, prompt: L?, kind: longtext }\n"
		  "      - { id: n, prompt: N?, kind: number, unit: ms,\n"
		  "          min: -1.5, max: 2e3 }\n"
		  "      - id: c\n"
		  "        prompt: C?\n"
		  "        kind: choice\n"
		  "        options:\n"
		  "          - { id: \"1\", label: One }\n"
		  "          - { id: two, label: Two }\n"
		  "      - id: m\n"
		  "        prompt: M?\n"
		  "        kind: multichoice\n"
		  "        options: [{ id: a, label: A }, { id: b, label: B },\n"
		  "                  { id: c, label: C }]\n"
		  "      - { id: s, prompt: S?, kind: scale }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_OK);
	assert_int_equal(k->n_sections, 1);
	assert_string_equal(k->sections[0].intro, "Every kind once.");
	assert_int_equal(k->n_questions, 6);
	q = knowledge_question(k, "t");
	assert_int_equal(q->kind, Q_TEXT);
	assert_string_equal(q->help, "Short.");
	assert_null(q->show_if);
	assert_int_equal(knowledge_question(k, "l")->kind, Q_LONGTEXT);
	assert_null(knowledge_question(k, "l")->help);
	q = knowledge_question(k, "n");
	assert_int_equal(q->kind, Q_NUMBER);
	assert_string_equal(q->unit, "ms");
	assert_true(q->has_min && q->min == -1.5);
	assert_true(q->has_max && q->max == 2000);
	q = knowledge_question(k, "c");
	assert_int_equal(q->kind, Q_CHOICE);
	assert_int_equal(q->n_options, 2);
	assert_string_equal(q->options[0].id, "1");
	assert_string_equal(q->options[1].label, "Two");
	q = knowledge_question(k, "m");
	assert_int_equal(q->kind, Q_MULTICHOICE);
	assert_int_equal(q->n_options, 3);
	assert_string_equal(q->options[2].id, "c");
	q = knowledge_question(k, "s");
	assert_int_equal(q->kind, Q_SCALE);
	assert_true(q->has_min && q->min == 1 && q->has_max && q->max == 5);
	assert_int_equal(q->at.line, 23);
	assert_int_equal(q->at.col, 9);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_question_errors(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	path = tmp_write(&t, "i.yaml",
			 "kind: interview\n"
			 "version: 1\n"
			 "sections:\n"
			 "  - id: s\n"
			 "    title: S\n"
			 "    questions:\n"
			 "      - { id: a, prompt: A?, kind: essay }\n"
			 "      - { id: b, prompt: B?, kind: choice }\n"
			 "      - { id: c, prompt: C?, kind: text, unit: m }\n"
			 "      - id: d\n"
			 "        prompt: D?\n"
			 "        kind: choice\n"
			 "        options: [{ id: x, label: X }, "
			 "{ id: x, label: Y }]\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 7, 36, "unknown question kind 'essay'");
	expect_error(&d, path, 8, 9, "question 'b' is a choice question "
		     "and needs 'options'");
	expect_error(&d, path, 9, 48, "only number questions take 'unit'");
	expect_error(&d, path, 13, 46, "question 'd' has option 'x' twice");
	assert_int_equal(k->n_questions, 0);
	assert_int_equal(k->n_sections, 1);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_show_if_tree(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const struct question *q;
	const struct cond *c;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "a.yaml", mini_interview);
	tmp_write(&t, "b.yaml",
		  "kind: interview\n"
		  "version: 1\n"
		  "sections:\n"
		  "  - id: more\n"
		  "    title: More\n"
		  "    questions:\n"
		  "      - id: why\n"
		  "        prompt: Why?\n"
		  "        kind: longtext\n"
		  "        show_if:\n"
		  "          all:\n"
		  "            - { question: size, between: [20, 100] }\n"
		  "            - any:\n"
		  "                - { question: stage, eq: a }\n"
		  "                - { question: tools, contains: y }\n"
		  "                - { question: stage, in: [a, b] }\n"
		  "            - not: { question: size, ge: 50 }\n"
		  "            - { answered: notes }\n"
		  "            - { question: size, ne: 42 }\n"
		  "            - { question: notes, eq: \"42\" }\n");
	if (load(t.dir, NULL, &k, &d) != ST_OK) {
		dump(&d);
		fail();
	}
	q = knowledge_question(k, "why");
	c = q->show_if;
	assert_non_null(c);
	assert_int_equal(c->op, COND_ALL);
	assert_int_equal(c->n_sub, 6);
	assert_int_equal(c->at.line, 11);
	assert_int_equal(c->at.col, 11);
	assert_int_equal(c->sub[0].op, COND_BETWEEN);
	assert_string_equal(c->sub[0].question, "size");
	assert_true(c->sub[0].lo == 20 && c->sub[0].hi == 100);
	assert_int_equal(c->sub[0].at.line, 12);
	assert_int_equal(c->sub[0].at.col, 15);
	assert_int_equal(c->sub[1].op, COND_ANY);
	assert_int_equal(c->sub[1].n_sub, 3);
	assert_int_equal(c->sub[1].sub[0].op, COND_EQ);
	assert_int_equal(c->sub[1].sub[0].arg.kind, VAL_TEXT);
	assert_string_equal(c->sub[1].sub[0].arg.text, "a");
	assert_int_equal(c->sub[1].sub[1].op, COND_CONTAINS);
	assert_string_equal(c->sub[1].sub[1].arg.text, "y");
	assert_int_equal(c->sub[1].sub[2].op, COND_IN);
	assert_int_equal(c->sub[1].sub[2].arg.kind, VAL_LIST);
	assert_int_equal(c->sub[1].sub[2].arg.list.n, 2);
	assert_string_equal(c->sub[1].sub[2].arg.list.v[1], "b");
	assert_int_equal(c->sub[2].op, COND_NOT);
	assert_int_equal(c->sub[2].n_sub, 1);
	assert_int_equal(c->sub[2].sub[0].op, COND_GE);
	assert_true(c->sub[2].sub[0].lo == 50);
	assert_int_equal(c->sub[3].op, COND_ANSWERED);
	assert_string_equal(c->sub[3].question, "notes");
	/* Equality on a number question compares numbers... */
	assert_int_equal(c->sub[4].op, COND_NE);
	assert_int_equal(c->sub[4].arg.kind, VAL_NUMBER);
	assert_true(c->sub[4].arg.number == 42);
	/* ... and on a text question, text. */
	assert_int_equal(c->sub[5].arg.kind, VAL_TEXT);
	assert_string_equal(c->sub[5].arg.text, "42");
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_condition_syntax_errors(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "a.yaml", mini_interview);
	path = tmp_write(&t, "b.yaml",
			 "kind: antipatterns\n"
			 "version: 1\n"
			 "antipatterns:\n"
			 "  - { id: a1, name: N, description: D, remedy: R,\n"
			 "      when: { question: size } }\n"
			 "  - { id: a2, name: N, description: D, remedy: R,\n"
			 "      when: { question: size, lt: 1, gt: 2 } }\n"
			 "  - { id: a3, name: N, description: D, remedy: R,\n"
			 "      when: { all: [], any: [] } }\n"
			 "  - { id: a4, name: N, description: D, remedy: R,\n"
			 "      when: { all: [] } }\n"
			 "  - { id: a5, name: N, description: D, remedy: R,\n"
			 "      when: { question: size, between: [5, 1] } }\n"
			 "  - { id: a6, name: N, description: D, remedy: R,\n"
			 "      when: { nope: size } }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 5, 13, "needs an operator");
	expect_error(&d, path, 7, 42, "not both 'lt' and 'gt'");
	expect_error(&d, path, 9, 29, "'any' cannot be combined with 'all'");
	expect_error(&d, path, 11, 20, "'all' needs at least one condition");
	expect_error(&d, path, 13, 40, "'between' needs the low end first");
	expect_error(&d, path, 15, 15, "unknown key 'nope' in a condition");
	expect_error(&d, path, 15, 13, "a condition needs one of");
	assert_int_equal(d.n, 7);
	assert_int_equal(k->n_antipatterns, 0);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static const struct rule *rule_by_id(const struct knowledge *k,
				     const char *id)
{
	for (size_t i = 0; i < k->n_rules; i++)
		if (strcmp(k->rules[i].id, id) == 0)
			return &k->rules[i];
	fail_msg("no rule %s", id);
	return NULL;
}

/* Aliases let a few lines expand into a huge condition tree: refused. */
static void test_condition_limits(void **state)
{
	struct knowledge *k = NULL;
	struct buf deep;
	struct diag d;
	struct tmp t;
	const char *path;

	(void)state;
	tmp_make(&t);
	tmp_write(&t, "a.yaml", mini_interview);
	/* Each level uses the previous one ten times: a5 alone would have
	 * over 50,000 parts. */
	path = tmp_write(&t, "b.yaml",
			 "kind: antipatterns\n"
			 "version: 1\n"
			 "antipatterns:\n"
			 "  - { id: a1, name: N, description: D, remedy: R, when: &x1\n"
			 "      { any: [{ answered: size }, { answered: size }] } }\n"
			 "  - { id: a2, name: N, description: D, remedy: R, when: &x2\n"
			 "      { all: [*x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1, *x1] } }\n"
			 "  - { id: a3, name: N, description: D, remedy: R, when: &x3\n"
			 "      { all: [*x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2, *x2] } }\n"
			 "  - { id: a4, name: N, description: D, remedy: R, when: &x4\n"
			 "      { all: [*x3, *x3, *x3, *x3, *x3, *x3, *x3, *x3, *x3, *x3] } }\n"
			 "  - id: a5\n"
			 "    name: N\n"
			 "    description: D\n"
			 "    remedy: R\n"
			 "    when: { all: [*x4, *x4, *x4, *x4, *x4, *x4, *x4, *x4] }\n");
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 16, 11, "conditions of this file are too large");
	assert_int_equal(d.n, 1);
	assert_int_equal(k->n_antipatterns, 4);
	knowledge_free(&k);
	diag_clear(&d);

	buf_init(&deep);
	buf_puts(&deep, "kind: antipatterns\nversion: 1\nantipatterns:\n"
		 "  - { id: deep, name: N, description: D, remedy: R,\n"
		 "      when: ");
	for (int i = 0; i < 40; i++)
		buf_puts(&deep, "{ not: ");
	buf_puts(&deep, "{ answered: size }");
	for (int i = 0; i < 40; i++)
		buf_puts(&deep, " }");
	buf_puts(&deep, " }\n");
	assert_false(deep.oom);
	path = tmp_write(&t, "b.yaml", buf_str(&deep));
	assert_int_equal(load(t.dir, NULL, &k, &d), ST_INPUT);
	expect_error(&d, path, 5, 13 + 7 * 32, "nested more than 32 deep");
	assert_int_equal(d.n, 1);
	buf_free(&deep);
	knowledge_free(&k);
	diag_clear(&d);
	tmp_remove(&t);
}

static void test_rules_and_metrics_parsed(void **state)
{
	struct knowledge *k = NULL;
	struct diag d;
	const struct rule *r;
	const struct metric_def *m;
	char *dir = shipped_dir();

	(void)state;
	assert_int_equal(load(dir, NULL, &k, &d), ST_OK);
	r = rule_by_id(k, "velocity-mid-team");
	assert_string_equal(r->goal, "velocity");
	assert_int_equal(r->when->op, COND_BETWEEN);
	assert_true(r->when->lo == 20 && r->when->hi == 100);
	r = rule_by_id(k, "reliability-high-sla");
	assert_string_equal(r->goal, "reliability");
	assert_int_equal(r->when->op, COND_IN);
	assert_true(strv_contains(&r->when->arg.list, "99_99"));
	assert_int_equal(r->n_nudges, 3);
	assert_string_equal(r->nudges[2].criterion, "cost");
	assert_true(r->nudges[2].delta == -1);
	assert_int_equal(r->n_risks, 1);
	assert_int_equal(r->risks[0].probability, 3);
	assert_int_equal(r->risks[0].impact, 5);
	assert_non_null(r->risks[0].mitigation);
	assert_int_equal(r->controls.n, 3);
	assert_true(strv_contains(&r->patterns, "gha-argocd-eks"));
	r = rule_by_id(k, "compliance-slsa3");
	assert_int_equal(r->when->op, COND_IN);
	/* Every goal of the framework is covered. */
	assert_string_equal(rule_by_id(k, "cost-startup")->goal, "cost");
	assert_string_equal(rule_by_id(k, "compliance-pci")->goal,
			    "compliance");
	m = knowledge_metric(k, "change_fail");
	assert_string_equal(m->unit, "%");
	assert_false(m->higher_is_better);
	assert_int_equal(m->bands[0].band, BAND_ELITE);
	assert_true(m->bands[0].has_min && m->bands[0].has_max);
	assert_true(m->bands[0].max == 7.5);
	m = knowledge_metric(k, "lead_time");
	assert_int_equal(m->bands[3].band, BAND_LOW);
	assert_true(m->bands[3].has_min && m->bands[3].min == 720);
	assert_false(m->bands[3].has_max);
	knowledge_free(&k);
	diag_clear(&d);
	free(dir);
}

/* ---- templates -------------------------------------------------------- */

static void test_workshop_from_template(void **state)
{
	struct knowledge *k = NULL;
	struct workshop_data *w = NULL;
	struct diag d;
	struct error e;
	char *dir = shipped_dir();

	(void)state;
	assert_int_equal(load(dir, NULL, &k, &d), ST_OK);
	assert_int_equal(content_workshop_from_template(k, "devops",
							"Platform 2026", &w,
							&e), ST_OK);
	assert_non_null(w);
	assert_string_equal(w->ws.title, "Platform 2026");
	assert_string_equal(w->ws.template_name, "devops");
	assert_int_equal(w->ws.stage, STAGE_INTERVIEW);
	assert_int_equal(w->ws.weighting, WEIGHTING_DIRECT);
	assert_true(w->ws.scale_min == 1 && w->ws.scale_max == 5);
	assert_int_equal(w->n_criteria, 8);
	assert_string_equal(w->criteria[0].key, "dx");
	assert_string_equal(w->criteria[0].name, "Developer experience");
	assert_non_null(w->criteria[0].description);
	assert_true(w->criteria[0].weight ==
		    knowledge_criterion(k, "dx")->weight);
	assert_int_equal(w->criteria[7].pos, 7);
	assert_string_equal(w->criteria[7].key, "obs");
	assert_int_equal(w->n_metrics, 4);
	assert_string_equal(w->metrics[3].key, "restore_time");
	assert_string_equal(w->metrics[3].unit, "hours");
	assert_false(w->metrics[0].has_current);
	assert_false(w->metrics[0].has_target_3m);
	assert_false(w->metrics[0].has_target_6m);
	assert_int_equal(w->n_approaches, 0);
	assert_int_equal(w->n_answers, 0);
	wsdata_free(&w);

	assert_int_equal(content_workshop_from_template(k, "generic", "ADR",
							&w, &e), ST_OK);
	assert_int_equal(w->n_criteria, 5);
	assert_string_equal(w->criteria[0].key, "fit");
	assert_int_equal(w->n_metrics, 0);
	wsdata_free(&w);

	assert_int_equal(content_workshop_from_template(k, "kitchen", "X",
							&w, &e),
			 ST_NOTFOUND);
	assert_null(w);
	assert_int_equal(e.code, ST_NOTFOUND);
	assert_non_null(strstr(e.msg, "kitchen"));
	assert_non_null(strstr(e.msg, "devops, generic"));
	knowledge_free(&k);
	diag_clear(&d);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_loads_clean),
		cmocka_unit_test(test_shipped_interview_ids),
		cmocka_unit_test(test_shipped_library),
		cmocka_unit_test(test_malformed_yaml),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_missing_key),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_unknown_question_in_condition),
		cmocka_unit_test(test_unknown_option),
		cmocka_unit_test(test_operator_kind_mismatch),
		cmocka_unit_test(test_unknown_criterion_in_nudge),
		cmocka_unit_test(test_unknown_template_member),
		cmocka_unit_test(test_template_agenda),
		cmocka_unit_test(test_unknown_kind),
		cmocka_unit_test(test_unsupported_version),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_empty_and_multi_document),
		cmocka_unit_test(test_collects_all_errors),
		cmocka_unit_test(test_missing_folders),
		cmocka_unit_test(test_skips_workshops),
		cmocka_unit_test(test_override_by_id),
		cmocka_unit_test(test_duplicate_in_extra_folder),
		cmocka_unit_test(test_question_kinds),
		cmocka_unit_test(test_question_errors),
		cmocka_unit_test(test_show_if_tree),
		cmocka_unit_test(test_condition_syntax_errors),
		cmocka_unit_test(test_condition_limits),
		cmocka_unit_test(test_rules_and_metrics_parsed),
		cmocka_unit_test(test_workshop_from_template),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

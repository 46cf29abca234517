/*
 * content/library: the deployment patterns, decision rules, anti-patterns,
 * metric definitions with their performance bands, and templates.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- patterns --------------------------------------------------------- */

static int parse_component(struct rd *r, yaml_node_t *n, struct pattern *p,
			   const char *what)
{
	enum { CATEGORY, TECHNOLOGY, N };
	static const struct key keys[N] = { { "category", true },
					    { "technology", true } };
	yaml_node_t *v[N];
	struct component c = { 0 };
	struct component *nv;
	int bad = 0;

	bad |= rd_map(r, n, _("a component"), keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return -1;
	bad |= rd_id(r, v[CATEGORY], "category", &c.category) < 0;
	bad |= rd_str(r, v[TECHNOLOGY], "technology", &c.name) < 0;
	if (c.category)
		rd_ref(r, REF_ID, COLL_CATEGORY, COND_EQ, c.category, NULL,
		       what, v[CATEGORY]);
	if (bad || !c.category || !c.name) {
		component_clear(&c);
		return -1;
	}
	nv = realloc(p->components, (p->n_components + 1) * sizeof(*nv));
	if (!nv) {
		component_clear(&c);
		rd_oom(r);
		return -1;
	}
	p->components = nv;
	p->components[p->n_components++] = c;
	return 0;
}

static void parse_pattern(struct rd *r, yaml_node_t *n)
{
	enum {
		ID, NAME, SUMMARY, FITS, FIT_REASONS, COMPONENTS, DEPLOYMENT,
		OBSERVABILITY, SECURITY, COMPLEXITY, COST, STAGES, DECISIONS,
		TRADEOFFS, PROS, CONS, N
	};
	static const struct key keys[N] = {
		{ "id", true }, { "name", true }, { "summary", true },
		{ "fits", false }, { "fit_reasons", false },
		{ "components", true }, { "deployment", false },
		{ "observability", false }, { "security", false },
		{ "complexity", false }, { "cost", false },
		{ "stages", false }, { "decisions", false },
		{ "tradeoffs", false }, { "pros", false }, { "cons", false }
	};
	yaml_node_t *v[N];
	struct pattern p = { 0 };
	yaml_node_item_t *it;
	size_t count;
	char what[96];
	int bad = 0;

	rd_what(r, n, _("pattern"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &p.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &p.name) < 0;
	bad |= rd_str(r, v[SUMMARY], "summary", &p.summary) < 0;
	bad |= cond_parse(r, v[FITS], what, &p.fits) < 0;
	bad |= rd_strv(r, v[FIT_REASONS], "fit_reasons", &p.fit_reasons) < 0;
	it = rd_seq(r, v[COMPONENTS], "components", &count);
	if (v[COMPONENTS] && v[COMPONENTS]->type != YAML_SEQUENCE_NODE)
		bad = 1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e || parse_component(r, e, &p, what) < 0)
			bad = 1;
	}
	bad |= rd_str(r, v[DEPLOYMENT], "deployment", &p.deployment) < 0;
	bad |= rd_str(r, v[OBSERVABILITY], "observability",
		      &p.observability) < 0;
	bad |= rd_str(r, v[SECURITY], "security", &p.security) < 0;
	bad |= rd_str(r, v[COMPLEXITY], "complexity", &p.complexity) < 0;
	bad |= rd_str(r, v[COST], "cost", &p.cost) < 0;
	bad |= rd_strv(r, v[STAGES], "stages", &p.stages) < 0;
	bad |= rd_strv(r, v[DECISIONS], "decisions", &p.decisions) < 0;
	bad |= rd_strv(r, v[TRADEOFFS], "tradeoffs", &p.tradeoffs) < 0;
	bad |= rd_strv(r, v[PROS], "pros", &p.pros) < 0;
	bad |= rd_strv(r, v[CONS], "cons", &p.cons) < 0;
	if (bad || !p.id || rd_origin(r, n, &p.at) < 0) {
		rd_broken(r, COLL_PATTERN, p.id);
		kn_pattern_clear(&p);
		return;
	}
	put_pattern(r->ld, &p);
}

void parse_patterns(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "patterns", parse_pattern);
}

/* ---- rules ------------------------------------------------------------ */

static const char *const goals[] = {
	"velocity", "compliance", "cost", "reliability"
};

static int parse_nudge(struct rd *r, yaml_node_t *n, struct rule *ru,
		       const char *what)
{
	enum { CRITERION, DELTA, N };
	static const struct key keys[N] = { { "criterion", true },
					    { "delta", true } };
	yaml_node_t *v[N];
	struct nudge g = { 0 };
	struct nudge *nv;
	int bad = 0;

	bad |= rd_map(r, n, _("a nudge"), keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return -1;
	bad |= rd_id(r, v[CRITERION], "criterion", &g.criterion) < 0;
	bad |= rd_num(r, v[DELTA], "delta", &g.delta) < 0;
	if (g.criterion)
		rd_ref(r, REF_ID, COLL_CRITERION, COND_EQ, g.criterion, NULL,
		       what, v[CRITERION]);
	if (bad || !g.criterion) {
		free(g.criterion);
		return -1;
	}
	nv = realloc(ru->nudges, (ru->n_nudges + 1) * sizeof(*nv));
	if (!nv) {
		free(g.criterion);
		rd_oom(r);
		return -1;
	}
	ru->nudges = nv;
	ru->nudges[ru->n_nudges++] = g;
	return 0;
}

static int parse_risk(struct rd *r, yaml_node_t *n, struct rule *ru)
{
	enum { DESC, PROB, IMPACT, MITIGATION, N };
	static const struct key keys[N] = {
		{ "description", true }, { "probability", true },
		{ "impact", true }, { "mitigation", true }
	};
	yaml_node_t *v[N];
	struct suggested_risk k = { 0 };
	struct suggested_risk *nv;
	int bad = 0;

	bad |= rd_map(r, n, _("a risk"), keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return -1;
	bad |= rd_str(r, v[DESC], "description", &k.description) < 0;
	bad |= rd_int(r, v[PROB], "probability", 1, 5, &k.probability) < 0;
	bad |= rd_int(r, v[IMPACT], "impact", 1, 5, &k.impact) < 0;
	bad |= rd_str(r, v[MITIGATION], "mitigation", &k.mitigation) < 0;
	if (bad) {
		free(k.description);
		free(k.mitigation);
		return -1;
	}
	nv = realloc(ru->risks, (ru->n_risks + 1) * sizeof(*nv));
	if (!nv) {
		free(k.description);
		free(k.mitigation);
		rd_oom(r);
		return -1;
	}
	ru->risks = nv;
	ru->risks[ru->n_risks++] = k;
	return 0;
}

static void parse_rule(struct rd *r, yaml_node_t *n)
{
	enum {
		ID, TITLE, GOAL, WHEN, RECOMMENDATION, CONTROLS, NUDGES,
		RISKS, PATTERNS, N
	};
	static const struct key keys[N] = {
		{ "id", true }, { "title", true }, { "goal", true },
		{ "when", true }, { "recommendation", true },
		{ "controls", false }, { "nudges", false },
		{ "risks", false }, { "patterns", false }
	};
	yaml_node_t *v[N];
	struct rule ru = { 0 };
	yaml_node_item_t *it;
	size_t count;
	char what[96];
	int bad = 0;

	rd_what(r, n, _("rule"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &ru.id) < 0;
	bad |= rd_str(r, v[TITLE], "title", &ru.title) < 0;
	if (rd_id(r, v[GOAL], "goal", &ru.goal) < 0) {
		bad = 1;
	} else if (ru.goal) {
		size_t i;

		for (i = 0; i < sizeof(goals) / sizeof(goals[0]); i++)
			if (strcmp(ru.goal, goals[i]) == 0)
				break;
		if (i == sizeof(goals) / sizeof(goals[0])) {
			rd_error(r, v[GOAL], _("unknown goal '%s' (velocity, "
					       "compliance, cost or "
					       "reliability)"), ru.goal);
			bad = 1;
		}
	}
	bad |= cond_parse(r, v[WHEN], what, &ru.when) < 0;
	bad |= rd_str(r, v[RECOMMENDATION], "recommendation",
		      &ru.recommendation) < 0;
	bad |= rd_strv(r, v[CONTROLS], "controls", &ru.controls) < 0;
	it = rd_seq(r, v[NUDGES], "nudges", &count);
	if (v[NUDGES] && v[NUDGES]->type != YAML_SEQUENCE_NODE)
		bad = 1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e || parse_nudge(r, e, &ru, what) < 0)
			bad = 1;
	}
	it = rd_seq(r, v[RISKS], "risks", &count);
	if (v[RISKS] && v[RISKS]->type != YAML_SEQUENCE_NODE)
		bad = 1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e || parse_risk(r, e, &ru) < 0)
			bad = 1;
	}
	bad |= rd_idv(r, v[PATTERNS], "patterns", COLL_PATTERN, what,
		      &ru.patterns) < 0;
	if (bad || !ru.id || rd_origin(r, n, &ru.at) < 0) {
		rd_broken(r, COLL_RULE, ru.id);
		kn_rule_clear(&ru);
		return;
	}
	put_rule(r->ld, &ru);
}

void parse_rules(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "rules", parse_rule);
}

/* ---- anti-patterns ---------------------------------------------------- */

static void parse_antipattern(struct rd *r, yaml_node_t *n)
{
	enum { ID, NAME, DESC, WHEN, REMEDY, N };
	static const struct key keys[N] = {
		{ "id", true }, { "name", true }, { "description", true },
		{ "when", true }, { "remedy", true }
	};
	yaml_node_t *v[N];
	struct antipattern a = { 0 };
	char what[96];
	int bad = 0;

	rd_what(r, n, _("anti-pattern"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &a.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &a.name) < 0;
	bad |= rd_str(r, v[DESC], "description", &a.description) < 0;
	bad |= cond_parse(r, v[WHEN], what, &a.when) < 0;
	bad |= rd_str(r, v[REMEDY], "remedy", &a.remedy) < 0;
	if (bad || !a.id || rd_origin(r, n, &a.at) < 0) {
		rd_broken(r, COLL_ANTIPATTERN, a.id);
		kn_antipattern_clear(&a);
		return;
	}
	put_antipattern(r->ld, &a);
}

void parse_antipatterns(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "antipatterns", parse_antipattern);
}

/* ---- metrics ---------------------------------------------------------- */

static const char *const band_ids[] = { "low", "medium", "high", "elite" };

static int parse_band(struct rd *r, yaml_node_t *n, struct metric_def *m)
{
	enum { BAND, MIN, MAX, N };
	static const struct key keys[N] = {
		{ "band", true }, { "min", false }, { "max", false }
	};
	yaml_node_t *v[N];
	struct band_def b = { 0 };
	char *id = NULL;
	int bad = 0;

	bad |= rd_map(r, n, _("a band"), keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return -1;
	if (rd_id(r, v[BAND], "band", &id) < 0) {
		bad = 1;
	} else if (id) {
		for (int i = 0; i < 4; i++)
			if (strcmp(id, band_ids[i]) == 0)
				b.band = (enum band)(BAND_LOW + i);
		if (b.band == BAND_NONE) {
			rd_error(r, v[BAND], _("unknown band '%s' (low, "
					       "medium, high or elite)"), id);
			bad = 1;
		}
		for (size_t i = 0; !bad && i < m->n_bands; i++) {
			if (m->bands[i].band == b.band) {
				rd_error(r, v[BAND], _("band '%s' is given "
						       "twice"), id);
				bad = 1;
			}
		}
	}
	free(id);
	if (v[MIN] && !rd_is_null(v[MIN])) {
		bad |= rd_num(r, v[MIN], "min", &b.min) < 0;
		b.has_min = true;
	}
	if (v[MAX] && !rd_is_null(v[MAX])) {
		bad |= rd_num(r, v[MAX], "max", &b.max) < 0;
		b.has_max = true;
	}
	if (!bad && b.has_min && b.has_max && b.min > b.max) {
		rd_error(r, v[MIN], _("'min' is above 'max'"));
		bad = 1;
	}
	if (bad || b.band == BAND_NONE)
		return -1;
	m->bands[m->n_bands++] = b;
	return 0;
}

static void parse_metric(struct rd *r, yaml_node_t *n)
{
	enum { ID, NAME, UNIT, UNIT_ONE, DESC, HIGHER, BANDS, N };
	static const struct key keys[N] = {
		{ "id", true }, { "name", true }, { "unit", true },
		{ "unit_one", false }, { "description", false },
		{ "higher_is_better", true }, { "bands", false }
	};
	yaml_node_t *v[N];
	struct metric_def m = { 0 };
	yaml_node_item_t *it;
	size_t count;
	char what[96];
	int bad = 0;

	rd_what(r, n, _("metric"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &m.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &m.name) < 0;
	bad |= rd_str(r, v[UNIT], "unit", &m.unit) < 0;
	bad |= rd_str(r, v[UNIT_ONE], "unit_one", &m.unit_one) < 0;
	bad |= rd_str(r, v[DESC], "description", &m.description) < 0;
	bad |= rd_bool(r, v[HIGHER], "higher_is_better",
		       &m.higher_is_better) < 0;
	it = rd_seq(r, v[BANDS], "bands", &count);
	if (v[BANDS] && v[BANDS]->type != YAML_SEQUENCE_NODE)
		bad = 1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		/* Four band names, each at most once, so four fit. */
		if (!e || parse_band(r, e, &m) < 0)
			bad = 1;
	}
	if (bad || !m.id || rd_origin(r, n, &m.at) < 0) {
		rd_broken(r, COLL_METRIC, m.id);
		kn_metric_clear(&m);
		return;
	}
	put_metric(r->ld, &m);
}

void parse_metrics(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "metrics", parse_metric);
}

/* ---- templates -------------------------------------------------------- */

/* agenda: [{stage: interview, minutes: 30}, ...]: each stage once. */
static int parse_agenda(struct rd *r, yaml_node_t *n, const char *what,
			struct template_def *t)
{
	enum { STAGE, MINUTES, N };
	static const struct key keys[N] = {
		{ "stage", true }, { "minutes", true }
	};
	size_t count;
	yaml_node_item_t *it = rd_seq(r, n, "agenda", &count);
	int bad = 0;

	if (n && !rd_is_null(n) && n->type != YAML_SEQUENCE_NODE)
		return -1;
	if (count && !(t->agenda = calloc(count, sizeof(*t->agenda)))) {
		rd_oom(r);
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]), *v[N];
		struct agenda_def *a = &t->agenda[t->n_agenda];
		char *id = NULL;

		if (!e || rd_map(r, e, _("an agenda stage"), keys, N, v) < 0) {
			bad = 1;
			continue;
		}
		if (rd_id(r, v[STAGE], "stage", &id) < 0 || !id ||
		    stage_from_id(id, &a->stage) < 0 || a->stage == STAGE_DONE) {
			if (id)
				rd_error(r, v[STAGE], _("unknown stage '%s' in the agenda of %s (expected interview, findings, approaches, tradeoffs, decision, risks, metrics or roadmap)"),
					 id, what);
			free(id);
			bad = 1;
			continue;
		}
		free(id);
		for (size_t k = 0; k < t->n_agenda; k++) {
			if (t->agenda[k].stage == a->stage) {
				rd_error(r, v[STAGE], _("stage '%s' is in the agenda of %s twice"),
					 stage_id(a->stage), what);
				bad = 1;
			}
		}
		if (rd_int(r, v[MINUTES], "minutes", 0, 24 * 60, &a->minutes) < 0) {
			bad = 1;
			continue;
		}
		t->n_agenda++;
	}
	return bad ? -1 : 0;
}

static void parse_template(struct rd *r, yaml_node_t *n)
{
	enum {
		ID, NAME, DESC, SECTIONS, CRITERIA, ALL, PATTERNS, RULES,
		ANTIPATTERNS, METRICS, AGENDA, N
	};
	static const struct key keys[N] = {
		{ "id", true }, { "name", true }, { "description", false },
		{ "sections", true }, { "criteria", true },
		{ "all_patterns", false }, { "patterns", false },
		{ "rules", false }, { "antipatterns", false },
		{ "metrics", false }, { "agenda", false }
	};
	yaml_node_t *v[N];
	struct template_def t = { 0 };
	char what[96];
	int bad = 0;

	rd_what(r, n, _("template"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &t.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &t.name) < 0;
	bad |= rd_str(r, v[DESC], "description", &t.description) < 0;
	bad |= rd_idv(r, v[SECTIONS], "sections", COLL_SECTION, what,
		      &t.sections) < 0;
	bad |= rd_idv(r, v[CRITERIA], "criteria", COLL_CRITERION, what,
		      &t.criteria) < 0;
	bad |= rd_bool(r, v[ALL], "all_patterns", &t.all_patterns) < 0;
	if (t.all_patterns) {
		for (int k = PATTERNS; k <= ANTIPATTERNS; k++) {
			if (v[k]) {
				rd_error(r, v[k], _("'%s' cannot be listed "
						    "when 'all_patterns' is "
						    "true"), keys[k].name);
				bad = 1;
			}
		}
	}
	bad |= rd_idv(r, v[PATTERNS], "patterns", COLL_PATTERN, what,
		      &t.patterns) < 0;
	bad |= rd_idv(r, v[RULES], "rules", COLL_RULE, what, &t.rules) < 0;
	bad |= rd_idv(r, v[ANTIPATTERNS], "antipatterns", COLL_ANTIPATTERN,
		      what, &t.antipatterns) < 0;
	bad |= rd_idv(r, v[METRICS], "metrics", COLL_METRIC, what,
		      &t.metrics) < 0;
	bad |= parse_agenda(r, v[AGENDA], what, &t) < 0;
	if (bad || !t.id || rd_origin(r, n, &t.at) < 0) {
		rd_broken(r, COLL_TEMPLATE, t.id);
		kn_template_clear(&t);
		return;
	}
	put_template(r->ld, &t);
}

void parse_templates(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "templates", parse_template);
}

#include "config.h"
/*
 * Unit tests of the YAML/JSON interchange: exact round trips of a rich
 * workshop full of hostile text, JSON input, the demo workshop, and one
 * fixture per validation error with its file:line:col.
 */

#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/interchange.h"
#include "model/model.h"
#include "util/error.h"
#include "util/path.h"
#include "util/str.h"
#include "util/utf8.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

static char *srcpath(const char *rel)
{
	const char *top = getenv("top_srcdir");
	char *p = path_join(top && *top ? top : TOP_SRCDIR, rel);

	assert_non_null(p);
	return p;
}

/* ---- a rich workshop full of hostile text ----------------------------- */

static const char *const hostile[] = {
	"plain words", "", " leading space", "trailing space ", "yes", "No",
	"null", "~", "123", "-1.5", "0x1F", "1e3", "2026-11-26", "12:30",
	"key: value", "a #not a comment", "#hash", "- dash", "? question",
	"'single'", "\"double\"", "back\\slash", "line1\nline2",
	"line1\nline2\n", "trail\n\n\n", "\nleading newline",
	"  indented\nmulti", "tab\there", "CJK 漢字テスト", "emoji 🚀🎉 ok",
	"café déjà", "[flow]", "{map}", "a, b", "%percent", "@at", "`tick",
	"!tag", "&anchor", "*alias", "|pipe", ">gt", "ends with colon:",
	"multi\n  indented line\n\nblank above", "crlf\r\nline",
	"nel\xc2\x85x", "ls\xe2\x80\xa8x", "bom\xef\xbb\xbfx",
	"ctrl\x01\x7f", "c1\xc2\x80", "true", "ON", "=", "<<", ".inf",
	".nan", "--- doc", "...", "trailing space on a line \nnext",
	"quote \" and 'apostrophe'", "percent %s %n", "y", "Off",
	"{\"json\": [1, 2]}", "1/3", "tab\tat\tend\t", "a: b: c",
	"#", "-", "- ", ":", "?"
};
#define N_HOSTILE (sizeof(hostile) / sizeof(hostile[0]))

struct gen {
	size_t i;
};

static const char *next(struct gen *g)
{
	return hostile[g->i++ % N_HOSTILE];
}

static char *dup_or_fail(const char *text)
{
	char *s = str_dup(text);

	assert_non_null(s);
	return s;
}

static char *dup_next(struct gen *g)
{
	return dup_or_fail(next(g));
}

/* For titles, names and ids, which the reader wants on one line without
 * control characters: the next hostile string that is one. */
static char *line_next(struct gen *g)
{
	const char *s;

	do {
		s = next(g);
	} while (!utf8_one_line(s, NULL));
	return dup_or_fail(s);
}

static void push_some(struct strv *sv, struct gen *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strv_push(sv, next(g)), 0);
}

static struct workshop_data *rich(void)
{
	static const char *const ckeys[] = { "dx", "123", "yes", "a b", "x:y" };
	static const char *const akeys[] = { "gha-argo", "null", "日本" };
	struct workshop_data *d = wsdata_new();
	struct gen g = { 0 };

	assert_non_null(d);
	d->ws.title = line_next(&g);
	d->ws.template_name = str_dup("devops");
	d->ws.stage = STAGE_DECISION;
	d->ws.facilitator = line_next(&g);
	d->ws.archived = true;
	d->ws.weighting = WEIGHTING_AHP;
	d->ws.scale_min = 0;
	d->ws.scale_max = 10;

	/* Answers of every kind, with and without notes. */
	for (size_t i = 0; i < 12; i++) {
		struct answer *a = wsdata_add_answer(d);

		assert_non_null(a);
		a->question = str_printf("q%zu", i);
		switch (i % 4) {
		case 0:
			a->value.kind = VAL_NUMBER;
			a->value.number = i == 0 ? 0.1 + 0.2 : i * 1e-7 + 35;
			break;
		case 1:
			a->value.kind = VAL_TEXT;
			a->value.text = dup_next(&g);
			break;
		case 2:
			a->value.kind = VAL_LIST;
			push_some(&a->value.list, &g, i % 3);
			break;
		case 3:
			a->value.kind = VAL_NONE;
			break;
		}
		if (i % 3 == 0)
			a->note = dup_next(&g);
	}
	/* Hostile question ids too. */
	{
		struct answer *a = wsdata_add_answer(d);

		a->question = str_dup("yes");
		a->value.kind = VAL_TEXT;
		a->value.text = str_dup("35");
	}
	for (size_t i = 0; i < 5; i++) {
		struct criterion *c = wsdata_add_criterion(d);

		c->key = str_dup(ckeys[i]);
		c->pos = (int)i;
		c->name = line_next(&g);
		if (i % 2)
			c->description = dup_next(&g);
		c->weight = i == 0 ? 1.0 / 3.0 : i == 1 ? 1e20 : i * 0.1;
	}
	{
		static const double v[] = { 3, 1.0 / 3, 0.2, 9, 1.0 / 9, 2.5 };

		for (size_t i = 0; i < 6; i++) {
			struct judgement *j = wsdata_add_judgement(d);

			j->a = str_dup(ckeys[i % 4]);
			j->b = str_dup(ckeys[4]);
			j->value = v[i];
			if (i >= 4)
				j->participant = str_dup(i == 4 ? "alice" : "yes");
		}
	}
	for (size_t i = 0; i < 3; i++) {
		struct approach *a = wsdata_add_approach(d);

		a->key = str_dup(akeys[i]);
		a->pos = (int)i;
		a->name = line_next(&g);
		a->summary = dup_next(&g);
		if (i != 1)
			a->pattern = str_dup("gha-argocd-eks");
		for (size_t c = 0; c < i + 1; c++) {
			struct component *k = approach_add_component(a);

			k->category = str_dup(c ? "cicd" : "observability");
			k->name = line_next(&g);
		}
		a->deployment = dup_next(&g);
		a->observability = dup_next(&g);
		if (i != 2)
			a->security = dup_next(&g);
		a->complexity = dup_next(&g);
		a->cost = dup_next(&g);
		push_some(&a->pros, &g, 3);
		push_some(&a->cons, &g, i);
		push_some(&a->stages, &g, 2);
	}
	/* Score rows: value + rationale, value only, rationale only, neither
	 * (a cleared cell), empty rationale. */
	for (size_t a = 0; a < 3; a++) {
		for (size_t c = 0; c < 5; c++) {
			struct score *s;

			if ((a + c) % 5 == 4)
				continue;
			s = wsdata_add_score(d);
			s->approach = str_dup(akeys[a]);
			s->criterion = str_dup(ckeys[c]);
			s->has_value = (a + c) % 5 != 2;
			s->value = (double)(a * 5 + c) * 0.625;
			if (s->value > 10)
				s->value = 10;
			if ((a + c) % 5 == 3)
				s->rationale = str_dup("");
			else if ((a + c) % 5 != 1)
				s->rationale = dup_next(&g);
		}
	}
	for (size_t i = 0; i < 4; i++) {
		struct vote *v = wsdata_add_vote(d);

		v->participant = str_dup(i % 2 ? "bob" : "no");
		v->approach = str_dup(akeys[i % 3]);
		v->criterion = str_dup(ckeys[i]);
		v->value = i * 2.5;
	}
	for (int i = 0; i < 3; i++) {
		struct decision *x = wsdata_add_decision(d);

		x->number = i + 1;
		x->title = line_next(&g);
		x->status = i == 1 ? ADR_SUPERSEDED : ADR_ACCEPTED;
		x->superseded_by = i == 1 ? 3 : 0;
		x->date = str_dup("2026-11-26");
		push_some(&x->deciders, &g, 2);
		push_some(&x->consulted, &g, (size_t)i);
		push_some(&x->informed, &g, 1);
		x->context = dup_next(&g);
		x->decision = dup_next(&g);
		if (i)
			x->rationale = dup_next(&g);
		push_some(&x->positive, &g, 2);
		push_some(&x->negative, &g, (size_t)i);
		push_some(&x->risks, &g, 1);
		if (i != 1)
			x->chosen = str_dup(akeys[i]);
		if (i == 2) {
			x->supersedes = malloc(sizeof(int));
			x->supersedes[0] = 2;
			x->n_supersedes = 1;
			x->alternatives = dup_next(&g);
			/* A relation that YAML must quote, and a plain one. */
			assert_int_equal(decision_link_add(x, "Relates to: see", 1),
					 0);
			assert_int_equal(decision_link_add(x, "Amends", 2), 0);
		}
		x->markdown = i == 1;
	}
	for (int i = 0; i < 4; i++) {
		struct risk *r = wsdata_add_risk(d);

		r->key = str_printf("R%d", i + 1);
		r->description = dup_next(&g);
		r->probability = i + 1;
		r->impact = 5 - i;
		if (i)
			r->owner = line_next(&g);
		r->mitigation = dup_next(&g);
		r->status = (enum risk_status)i;
	}
	for (int i = 0; i < 3; i++) {
		struct metric *m = wsdata_add_metric(d);

		m->key = str_printf("m%d", i);
		m->name = line_next(&g);
		m->unit = line_next(&g);
		m->has_current = i != 1;
		m->current = 123456789.123;
		m->has_target_3m = true;
		m->target_3m = -0.000125;
		m->has_target_6m = i == 2;
		m->target_6m = 7;
	}
	for (int i = 0; i < 3; i++) {
		struct phase *p = wsdata_add_phase(d);

		p->pos = i;
		p->name = line_next(&g);
		p->weeks = i * 1.5;
		push_some(&p->items, &g, (size_t)i + 1);
	}
	push_some(&d->next_steps, &g, N_HOSTILE);
	return d;
}

/* ---- field-by-field comparison ---------------------------------------- */

#define STR_EQ(a, b) str_eq_at(a, b, #a, __LINE__)
static void str_eq_at(const char *a, const char *b, const char *what,
		      int line)
{
	if (str_eq(a, b))
		return;
	fail_msg("line %d: %s: [%s] != [%s]", line, what, a ? a : "(null)",
		 b ? b : "(null)");
}

static void strv_eq(const struct strv *a, const struct strv *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		STR_EQ(a->v[i], b->v[i]);
}

static void assert_same(const struct workshop_data *a,
			const struct workshop_data *b)
{
	STR_EQ(a->ws.title, b->ws.title);
	STR_EQ(a->ws.template_name, b->ws.template_name);
	STR_EQ(a->ws.facilitator, b->ws.facilitator);
	assert_int_equal(a->ws.stage, b->ws.stage);
	assert_int_equal(a->ws.archived, b->ws.archived);
	assert_int_equal(a->ws.weighting, b->ws.weighting);
	assert_true(a->ws.scale_min == b->ws.scale_min);
	assert_true(a->ws.scale_max == b->ws.scale_max);

	assert_int_equal(a->n_answers, b->n_answers);
	for (size_t i = 0; i < a->n_answers; i++) {
		STR_EQ(a->answers[i].question, b->answers[i].question);
		assert_true(value_equal(&a->answers[i].value,
					&b->answers[i].value));
		STR_EQ(a->answers[i].note, b->answers[i].note);
	}
	assert_int_equal(a->n_criteria, b->n_criteria);
	for (size_t i = 0; i < a->n_criteria; i++) {
		const struct criterion *x = &a->criteria[i], *y = &b->criteria[i];

		STR_EQ(x->key, y->key);
		assert_int_equal(x->pos, y->pos);
		STR_EQ(x->name, y->name);
		STR_EQ(x->description, y->description);
		assert_true(x->weight == y->weight);
	}
	assert_int_equal(a->n_pairwise, b->n_pairwise);
	for (size_t i = 0; i < a->n_pairwise; i++) {
		STR_EQ(a->pairwise[i].a, b->pairwise[i].a);
		STR_EQ(a->pairwise[i].b, b->pairwise[i].b);
		assert_true(a->pairwise[i].value == b->pairwise[i].value);
		STR_EQ(a->pairwise[i].participant, b->pairwise[i].participant);
	}
	assert_int_equal(a->n_approaches, b->n_approaches);
	for (size_t i = 0; i < a->n_approaches; i++) {
		const struct approach *x = &a->approaches[i];
		const struct approach *y = &b->approaches[i];

		STR_EQ(x->key, y->key);
		assert_int_equal(x->pos, y->pos);
		STR_EQ(x->name, y->name);
		STR_EQ(x->summary, y->summary);
		STR_EQ(x->pattern, y->pattern);
		assert_int_equal(x->n_components, y->n_components);
		for (size_t c = 0; c < x->n_components; c++) {
			STR_EQ(x->components[c].category,
			       y->components[c].category);
			STR_EQ(x->components[c].name, y->components[c].name);
		}
		STR_EQ(x->deployment, y->deployment);
		STR_EQ(x->observability, y->observability);
		STR_EQ(x->security, y->security);
		STR_EQ(x->complexity, y->complexity);
		STR_EQ(x->cost, y->cost);
		strv_eq(&x->pros, &y->pros);
		strv_eq(&x->cons, &y->cons);
		strv_eq(&x->stages, &y->stages);
	}
	/* Score rows compared as a set of cells. */
	assert_int_equal(a->n_scores, b->n_scores);
	for (size_t i = 0; i < a->n_scores; i++) {
		const struct score *x = &a->scores[i];
		const struct score *y = wsdata_score(b, x->approach,
						     x->criterion);

		assert_non_null(y);
		assert_int_equal(x->has_value, y->has_value);
		if (x->has_value)
			assert_true(x->value == y->value);
		STR_EQ(x->rationale, y->rationale);
	}
	assert_int_equal(a->n_votes, b->n_votes);
	for (size_t i = 0; i < a->n_votes; i++) {
		STR_EQ(a->votes[i].participant, b->votes[i].participant);
		STR_EQ(a->votes[i].approach, b->votes[i].approach);
		STR_EQ(a->votes[i].criterion, b->votes[i].criterion);
		assert_true(a->votes[i].value == b->votes[i].value);
	}
	assert_int_equal(a->n_decisions, b->n_decisions);
	for (size_t i = 0; i < a->n_decisions; i++) {
		const struct decision *x = &a->decisions[i];
		const struct decision *y = &b->decisions[i];

		assert_int_equal(x->number, y->number);
		STR_EQ(x->title, y->title);
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->superseded_by, y->superseded_by);
		STR_EQ(x->date, y->date);
		strv_eq(&x->deciders, &y->deciders);
		strv_eq(&x->consulted, &y->consulted);
		strv_eq(&x->informed, &y->informed);
		STR_EQ(x->context, y->context);
		STR_EQ(x->decision, y->decision);
		STR_EQ(x->rationale, y->rationale);
		strv_eq(&x->positive, &y->positive);
		strv_eq(&x->negative, &y->negative);
		strv_eq(&x->risks, &y->risks);
		STR_EQ(x->chosen, y->chosen);
		assert_int_equal(x->n_supersedes, y->n_supersedes);
		for (size_t k = 0; k < x->n_supersedes; k++)
			assert_int_equal(x->supersedes[k], y->supersedes[k]);
		STR_EQ(x->alternatives, y->alternatives);
		strv_eq(&x->links, &y->links);
		assert_int_equal(x->markdown, y->markdown);
	}
	assert_int_equal(a->n_risks, b->n_risks);
	for (size_t i = 0; i < a->n_risks; i++) {
		const struct risk *x = &a->risks[i], *y = &b->risks[i];

		STR_EQ(x->key, y->key);
		STR_EQ(x->description, y->description);
		assert_int_equal(x->probability, y->probability);
		assert_int_equal(x->impact, y->impact);
		STR_EQ(x->owner, y->owner);
		STR_EQ(x->mitigation, y->mitigation);
		assert_int_equal(x->status, y->status);
	}
	assert_int_equal(a->n_metrics, b->n_metrics);
	for (size_t i = 0; i < a->n_metrics; i++) {
		const struct metric *x = &a->metrics[i], *y = &b->metrics[i];

		STR_EQ(x->key, y->key);
		STR_EQ(x->name, y->name);
		STR_EQ(x->unit, y->unit);
		assert_int_equal(x->has_current, y->has_current);
		assert_int_equal(x->has_target_3m, y->has_target_3m);
		assert_int_equal(x->has_target_6m, y->has_target_6m);
		if (x->has_current)
			assert_true(x->current == y->current);
		if (x->has_target_3m)
			assert_true(x->target_3m == y->target_3m);
		if (x->has_target_6m)
			assert_true(x->target_6m == y->target_6m);
	}
	assert_int_equal(a->n_roadmap, b->n_roadmap);
	for (size_t i = 0; i < a->n_roadmap; i++) {
		STR_EQ(a->roadmap[i].name, b->roadmap[i].name);
		assert_int_equal(a->roadmap[i].pos, b->roadmap[i].pos);
		assert_true(a->roadmap[i].weeks == b->roadmap[i].weeks);
		strv_eq(&a->roadmap[i].items, &b->roadmap[i].items);
	}
	strv_eq(&a->next_steps, &b->next_steps);
}

static struct workshop_data *reread(const struct buf *b, const char *name)
{
	struct workshop_data *d = NULL;
	struct error e;
	char msg[2048];

	err_clear(&e);
	if (interchange_read_buffer(name, b->data, b->len, &d, &e) < 0) {
		fprintf(stderr, "----\n%s----\n", buf_str(b));
		fail_msg("%s", err_format(&e, msg, sizeof(msg)));
	}
	return d;
}

typedef int (*writer_fn)(const struct workshop_data *, struct buf *,
			 struct error *);

static void round_trip(writer_fn w, const char *name)
{
	struct workshop_data *d = rich(), *back;
	struct buf a, b;
	struct error e;

	buf_init(&a);
	buf_init(&b);
	err_clear(&e);
	assert_int_equal(w(d, &a, &e), 0);
	back = reread(&a, name);
	/* INTERCHANGE_DUMP=DIR keeps the text for a look with other tools. */
	if (getenv("INTERCHANGE_DUMP")) {
		char *p = path_join(getenv("INTERCHANGE_DUMP"), name);
		FILE *f = p ? fopen(p, "w") : NULL;

		if (f) {
			fputs(buf_str(&a), f);
			fclose(f);
		}
		free(p);
	}
	assert_same(d, back);
	/* Writing what was read gives the same text again. */
	assert_int_equal(w(back, &b, &e), 0);
	assert_string_equal(buf_str(&a), buf_str(&b));
	wsdata_free(&back);
	wsdata_free(&d);
	buf_free(&a);
	buf_free(&b);
}

static void test_yaml_round_trip(void **state)
{
	(void)state;
	round_trip(interchange_write_yaml, "rich.yaml");
}

static void test_json_round_trip(void **state)
{
	(void)state;
	round_trip(interchange_write_json, "rich.json");
}

/* Spot checks of how the YAML reads to a person and to other readers. */
static void test_yaml_text(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct criterion *c;
	struct answer *a;
	struct buf b;
	struct error e;
	const char *s;

	(void)state;
	buf_init(&b);
	d->ws.title = str_dup("Choose a platform");
	a = wsdata_add_answer(d);
	a->question = str_dup("audit_trail");
	a->value.kind = VAL_TEXT;
	a->value.text = str_dup("yes");
	a = wsdata_add_answer(d);
	a->question = str_dup("team_size");
	a->value.kind = VAL_NUMBER;
	a->value.number = 35;
	a = wsdata_add_answer(d);
	a->question = str_dup("current_state");
	a->value.kind = VAL_TEXT;
	a->value.text = str_dup("Two lines\nof text\n");
	c = wsdata_add_criterion(d);
	c->key = str_dup("dx");
	c->name = str_dup("Developer experience");
	c->weight = 0.25;
	assert_int_equal(interchange_write_yaml(d, &b, &e), 0);
	s = buf_str(&b);
	assert_non_null(strstr(s, "charrette: 1\ntitle: Choose a platform\n"));
	assert_non_null(strstr(s, "  audit_trail: \"yes\"\n"));
	assert_non_null(strstr(s, "  team_size: 35\n"));
	assert_non_null(strstr(s, "  current_state: |\n    Two lines\n    of text\n"));
	assert_non_null(strstr(s, "criteria:\n  - id: dx\n    name: Developer experience\n    weight: 0.25\n"));
	assert_non_null(strstr(s, "score_scale: [1, 5]\n"));
	wsdata_free(&d);
	buf_free(&b);

	/* Decision links and the markdown flag. */
	d = wsdata_new();
	buf_init(&b);
	d->ws.title = str_dup("Links");
	for (int i = 1; i <= 2; i++) {
		struct decision *x = wsdata_add_decision(d);

		x->number = i;
		x->title = str_printf("ADR %d", i);
	}
	assert_int_equal(decision_link_add(&d->decisions[1], "Amends", 1), 0);
	assert_int_equal(decision_link_add(&d->decisions[0], "Amended by", 2),
			 0);
	d->decisions[1].markdown = true;
	assert_int_equal(interchange_write_yaml(d, &b, &e), 0);
	s = buf_str(&b);
	assert_non_null(strstr(s, "    title: ADR 1\n    status: proposed\n"
			       "    links: [{relation: Amended by, target: 2}]\n"
			       "  - number: 2\n"));
	assert_non_null(strstr(s, "    links: [{relation: Amends, target: 1}]\n"
			       "    markdown: true\n"));
	/* Only a Markdown decision says so. */
	assert_null(strstr(s, "markdown: false"));
	assert_null(strstr(strstr(s, "markdown:") + 1, "markdown:"));
	wsdata_free(&d);
	buf_free(&b);
}

/* ---- JSON and YAML input ---------------------------------------------- */

static struct workshop_data *load(const char *rel)
{
	char *p = srcpath(rel), msg[2048];
	struct workshop_data *d = NULL;
	struct error e;

	err_clear(&e);
	if (interchange_read_file(p, &d, &e) < 0)
		fail_msg("%s", err_format(&e, msg, sizeof(msg)));
	free(p);
	return d;
}

static void test_json_input(void **state)
{
	struct workshop_data *d = load("tests/data/interchange/input.json");
	const struct answer *a;
	const struct score *s;

	(void)state;
	assert_string_equal(d->ws.title,
			    "Café / déjà vu \xf0\x9f\x9a\x80");
	assert_int_equal(d->ws.weighting, WEIGHTING_DIRECT);
	assert_int_equal(d->n_answers, 4);
	a = wsdata_answer(d, "team_size");
	assert_int_equal(a->value.kind, VAL_NUMBER);
	assert_true(a->value.number == 12);
	a = wsdata_answer(d, "clouds");
	assert_int_equal(a->value.kind, VAL_LIST);
	assert_int_equal(a->value.list.n, 2);
	assert_string_equal(a->value.list.v[1], "gcp");
	a = wsdata_answer(d, "note_only");
	assert_int_equal(a->value.kind, VAL_NONE);
	assert_string_equal(a->note, "line\nbreak");
	assert_int_equal(wsdata_answer(d, "empty")->value.kind, VAL_NONE);
	assert_true(d->criteria[0].weight == 2.5);
	assert_string_equal(d->approaches[0].name, "A \"quoted\"");
	s = wsdata_score(d, "a", "dx");
	assert_true(s->has_value && s->value == 4);
	assert_string_equal(s->rationale, "tab\there");
	wsdata_free(&d);
}

static void test_ahp_example(void **state)
{
	struct workshop_data *d = load("tests/data/interchange/ahp.yaml");

	(void)state;
	assert_int_equal(d->ws.weighting, WEIGHTING_AHP);
	assert_int_equal(d->ws.stage, STAGE_TRADEOFFS);
	assert_int_equal(d->n_criteria, 3);
	assert_int_equal(d->n_pairwise, 4);
	assert_true(d->pairwise[1].value == 5);
	assert_null(d->pairwise[2].participant);
	assert_true(d->pairwise[3].value == 0.5);
	assert_string_equal(d->pairwise[3].participant, "dana");
	assert_int_equal(d->n_scores, 6);
	wsdata_free(&d);
}

static void test_demo(void **state)
{
	struct workshop_data *d = load("data/demo.yaml");
	static const char *const crit[] = {
		"dx", "ops", "security", "scale", "cost", "lockin", "ttv", "obs"
	};
	static const char *const dora[] = {
		"deploy_freq", "lead_time", "change_fail", "restore_time"
	};
	size_t unscored = 0;

	(void)state;
	assert_int_equal(d->ws.weighting, WEIGHTING_DIRECT);
	assert_true(d->n_answers >= 20);
	assert_int_equal(d->n_criteria, 8);
	for (size_t i = 0; i < 8; i++)
		assert_string_equal(d->criteria[i].key, crit[i]);
	assert_int_equal(d->n_approaches, 3);
	assert_string_equal(d->approaches[0].pattern, "gha-argocd-eks");
	assert_string_equal(d->approaches[1].pattern, "gitlab-flux-aks");
	assert_string_equal(d->approaches[2].pattern, "jenkins-helm-terraform");
	for (size_t i = 0; i < 3; i++)
		assert_true(d->approaches[i].n_components >= 8);
	/* Every cell but the one left to the votes has an agreed score. */
	for (size_t a = 0; a < 3; a++)
		for (size_t c = 0; c < 8; c++) {
			const struct score *s = wsdata_score(
				d, d->approaches[a].key, crit[c]);

			if (!s || !s->has_value)
				unscored++;
			else
				assert_non_null(s->rationale);
		}
	assert_int_equal(unscored, 1);
	assert_true(d->n_votes >= 9);
	assert_int_equal(d->n_decisions, 3);
	assert_int_equal(d->decisions[0].status, ADR_ACCEPTED);
	assert_int_equal(d->decisions[1].status, ADR_SUPERSEDED);
	assert_int_equal(d->decisions[1].superseded_by, 3);
	assert_int_equal(d->decisions[2].n_supersedes, 1);
	assert_int_equal(d->decisions[2].supersedes[0], 2);
	assert_true(d->n_risks >= 6);
	assert_int_equal(d->n_metrics, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(d->metrics[i].key, dora[i]);
		assert_true(d->metrics[i].has_current &&
			    d->metrics[i].has_target_3m &&
			    d->metrics[i].has_target_6m);
	}
	assert_int_equal(d->n_roadmap, 4);
	assert_true(d->next_steps.n >= 3);
	wsdata_free(&d);
}

/* ---- validation: one fixture per error -------------------------------- */

struct bad {
	const char *file;
	int line, col;
	const char *msg;
};

static const struct bad bads[] = {
	{ "bad-syntax.yaml", 5, 1, "malformed YAML: found unexpected end of stream" },
	{ "bad-syntax.json", 3, 2, "malformed YAML: did not find expected ',' or '}'" },
	{ "bad-not-mapping.yaml", 1, 1, "a workshop file must be a mapping, not a list" },
	{ "bad-no-version.yaml", 1, 1, "'charrette: 1' is missing" },
	{ "bad-version-2.yaml", 1, 12, "unsupported charrette file version 2" },
	{ "bad-version-text.yaml", 1, 12, "'charrette' must be a number, not text" },
	{ "bad-unknown-top.yaml", 9, 1, "unknown key 'colour' in a workshop file" },
	{ "bad-unknown-entry-key.yaml", 9, 5, "unknown key 'summery' in an approach" },
	{ "bad-wrong-type.yaml", 5, 36, "'weight' must be a number, not text" },
	{ "bad-wrong-list.yaml", 9, 11, "'pros' must be a list, not text" },
	{ "bad-missing-title.yaml", 1, 1, "'title' is missing" },
	{ "bad-duplicate-key.yaml", 9, 5, "duplicate key 'name' in an approach" },
	{ "bad-dup-criterion.yaml", 5, 10, "duplicate criterion id 'dx'" },
	{ "bad-dup-approach.yaml", 9, 9, "duplicate approach id 'a'" },
	{ "bad-dup-risk.yaml", 11, 10, "duplicate risk id 'R1'" },
	{ "bad-dup-metric.yaml", 11, 10, "duplicate metric id 'lead_time'" },
	{ "bad-dup-decision.yaml", 11, 14, "duplicate decision number 1" },
	{ "bad-score-criterion.yaml", 9, 21, "score for unknown criterion 'speed'" },
	{ "bad-score-range.yaml", 9, 27, "score 6 is outside the scale [1, 5]" },
	{ "bad-score-scale.yaml", 10, 28, "score -0.5 is outside the scale [0, 10]" },
	{ "bad-vote-approach.yaml", 10, 36, "names an unknown approach 'b'" },
	{ "bad-vote-criterion.yaml", 10, 50, "names an unknown criterion 'speed'" },
	{ "bad-pair-range.yaml", 13, 15, "must be between 1/9 and 9" },
	{ "bad-pair-zero.yaml", 11, 16, "must be greater than 0" },
	{ "bad-pair-criterion.yaml", 10, 10, "names an unknown criterion 'speed'" },
	{ "bad-pair-both.yaml", 11, 5, "the pair cost/dx is given in both orders" },
	{ "bad-chosen.yaml", 12, 13, "'chosen' names an unknown approach 'b'" },
	{ "bad-supersedes.yaml", 11, 45, "there is no decision number 3" },
	{ "bad-link-target.yaml", 11, 64, "there is no decision number 7" },
	{ "bad-link-self.yaml", 11, 64, "decision 2 refers to itself" },
	{ "bad-link-relation.yaml", 11, 48, "'relation' must be one line without control characters" },
	{ "bad-link-empty.yaml", 11, 48, "'relation' must not be empty" },
	{ "bad-link-no-target.yaml", 11, 37, "'target' is missing" },
	{ "bad-link-key.yaml", 11, 56, "unknown key 'kind' in a link" },
	{ "bad-links-type.yaml", 11, 36, "'links' must be a list, not text" },
	{ "bad-markdown.yaml", 11, 39, "'markdown' must be true or false" },
	{ "bad-probability.yaml", 10, 48, "'probability' must be a whole number from 1 to 5" },
	{ "bad-impact.yaml", 10, 59, "'impact' must be a whole number from 1 to 5" },
	{ "bad-adr-status.yaml", 10, 37, "unknown decision status 'approved'" },
	{ "bad-risk-status.yaml", 10, 49, "unknown risk status 'done'" },
	{ "bad-stage.yaml", 3, 8, "unknown stage 'brainstorm'" },
	{ "bad-empty.yaml", 1, 1, "the file is empty" },
	{ "bad-two-docs.yaml", 3, 1, "a second YAML document" },
	{ "bad-utf8.yaml", 4, 22, "invalid UTF-8 (byte 0xff)" },
};

static void test_validation(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		char rel[256], msg[2048];
		struct workshop_data *d = (struct workshop_data *)1;
		struct error e;
		char *p;

		snprintf(rel, sizeof(rel), "tests/data/interchange/%s",
			 bads[i].file);
		p = srcpath(rel);
		err_clear(&e);
		assert_int_equal(interchange_read_file(p, &d, &e), ST_INPUT);
		assert_null(d);
		err_format(&e, msg, sizeof(msg));
		if (strcmp(e.file, p) != 0 || e.line != bads[i].line ||
		    e.col != bads[i].col || !strstr(e.msg, bads[i].msg))
			fail_msg("%s: expected %d:%d: ...%s...", msg,
				 bads[i].line, bads[i].col, bads[i].msg);
		free(p);
	}
}

static void test_invalid_utf8_buffer(void **state)
{
	/* The bad byte is the third character of line 2 (after "é"). */
	static const char text[] = "charrette: 1\ntitle: \xc3\xa9\xc3(\n";
	struct workshop_data *d = NULL;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(interchange_read_buffer("mem", text, sizeof(text) - 1,
						 &d, &e), ST_INPUT);
	assert_null(d);
	assert_string_equal(e.file, "mem");
	assert_int_equal(e.line, 2);
	assert_int_equal(e.col, 9);
	assert_non_null(strstr(e.msg, "invalid UTF-8"));
}

static void test_missing_file(void **state)
{
	struct workshop_data *d = NULL;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_true(interchange_read_file("/nonexistent/x.yaml", &d, &e) < 0);
	assert_null(d);
}

/* A NUL inside a scalar cannot be held by the model: refused, not cut. */
static void test_nul_escape(void **state)
{
	static const char text[] = "charrette: 1\ntitle: \"a\\0b\"\n";
	struct workshop_data *d = NULL;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(interchange_read_buffer("mem", text, sizeof(text) - 1,
						 &d, &e), ST_INPUT);
	assert_null(d);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "NUL"));
}

/* Defaults: an entry may leave out everything but its id. */
static void test_defaults(void **state)
{
	static const char text[] =
		"charrette: 1\ntitle: Minimal\ncriteria:\n  - id: dx\n"
		"decisions:\n  - number: 4\nrisks:\n"
		"  - {id: R1, probability: 1, impact: 1}\n"
		"roadmap:\n  - phase: Start\n";
	struct workshop_data *d = NULL;
	struct error e;

	(void)state;
	err_clear(&e);
	assert_int_equal(interchange_read_buffer("mem", text, sizeof(text) - 1,
						 &d, &e), 0);
	assert_true(d->ws.scale_min == 1 && d->ws.scale_max == 5);
	assert_int_equal(d->ws.weighting, WEIGHTING_DIRECT);
	assert_int_equal(d->ws.stage, STAGE_INTERVIEW);
	assert_true(d->criteria[0].weight == 1);
	assert_null(d->criteria[0].name);
	assert_int_equal(d->decisions[0].status, ADR_PROPOSED);
	assert_int_equal(d->risks[0].status, RISK_OPEN);
	assert_true(d->roadmap[0].weeks == 0);
	wsdata_free(&d);
}

/* Files use '.' for decimals even when LC_NUMERIC uses ','. */
static void test_comma_locale(void **state)
{
	static const char *const names[] = {
		"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", NULL
	};
	static const char text[] = "charrette: 1\ntitle: x\n"
		"criteria:\n  - {id: dx, weight: 0.25}\n";
	struct workshop_data *d = NULL;
	struct error e;
	struct buf b;
	size_t i;

	(void)state;
	for (i = 0; names[i]; i++)
		if (setlocale(LC_NUMERIC, names[i]))
			break;
	if (!names[i])
		skip();
	err_clear(&e);
	buf_init(&b);
	assert_int_equal(interchange_read_buffer("mem", text, sizeof(text) - 1,
						 &d, &e), 0);
	assert_true(d->criteria[0].weight == 0.25);
	assert_int_equal(interchange_write_json(d, &b, &e), 0);
	assert_non_null(strstr(buf_str(&b), "\"weight\": 0.25\n"));
	setlocale(LC_NUMERIC, "C");
	wsdata_free(&d);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_round_trip),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_yaml_text),
		cmocka_unit_test(test_json_input),
		cmocka_unit_test(test_ahp_example),
		cmocka_unit_test(test_demo),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_invalid_utf8_buffer),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_comma_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

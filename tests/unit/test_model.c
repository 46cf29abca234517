/* Unit tests for src/model: enum names, values, copies, the aggregate. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/knowledge.h"
#include "model/model.h"
#include "util/error.h"

static void test_enum_ids(void **state)
{
	enum stage st;
	enum adr_status as;
	enum risk_status rs;
	enum weighting w;
	enum question_kind k;

	(void)state;
	for (int i = 0; i < STAGE_COUNT; i++) {
		assert_int_equal(stage_from_id(stage_id((enum stage)i), &st), 0);
		assert_int_equal(st, i);
	}
	assert_int_equal(stage_from_id("nope", &st), ST_INPUT);
	assert_int_equal(stage_from_id(NULL, &st), ST_INPUT);
	for (int i = 0; i < ADR_STATUS_COUNT; i++) {
		assert_int_equal(adr_status_from_id(adr_status_id((enum adr_status)i), &as), 0);
		assert_int_equal(as, i);
	}
	/* Status words in ADR files come in any case. */
	assert_int_equal(adr_status_from_id("Accepted", &as), 0);
	assert_int_equal(as, ADR_ACCEPTED);
	assert_string_equal(adr_status_label(ADR_SUPERSEDED), "Superseded");
	for (int i = 0; i < RISK_STATUS_COUNT; i++) {
		assert_int_equal(risk_status_from_id(risk_status_id((enum risk_status)i), &rs), 0);
		assert_int_equal(rs, i);
	}
	assert_int_equal(weighting_from_id("ahp", &w), 0);
	assert_int_equal(w, WEIGHTING_AHP);
	assert_string_equal(weighting_id(WEIGHTING_DIRECT), "direct");
	assert_int_equal(weighting_from_id("weird", &w), ST_INPUT);
	for (int i = 0; i < Q_KIND_COUNT; i++) {
		assert_int_equal(question_kind_from_id(question_kind_id((enum question_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_int_equal(question_kind_from_id("slider", &k), ST_INPUT);
	assert_string_equal(band_label(BAND_ELITE), "Elite");
	assert_string_equal(band_label(BAND_NONE), "-");
}

static void test_values(void **state)
{
	struct value a = { 0 }, b = { 0 };
	char *t;

	(void)state;
	a.kind = VAL_LIST;
	strv_push(&a.list, "soc2");
	strv_push(&a.list, "hipaa");
	t = value_to_text(&a);
	assert_string_equal(t, "soc2, hipaa");
	free(t);
	assert_int_equal(value_copy(&b, &a), 0);
	assert_true(value_equal(&a, &b));
	strv_push(&b.list, "pci_dss");
	assert_false(value_equal(&a, &b));
	value_clear(&a);
	value_clear(&b);
	a.kind = VAL_NUMBER;
	a.number = 35;
	t = value_to_text(&a);
	assert_string_equal(t, "35");
	free(t);
	b.kind = VAL_TEXT;
	b.text = strdup("35");
	assert_false(value_equal(&a, &b));  /* kinds differ */
	value_clear(&b);
	assert_int_equal(b.kind, VAL_NONE);
	t = value_to_text(&b);
	assert_string_equal(t, "");
	free(t);
}

static void test_decision_links(void **state)
{
	struct decision x;
	const char *rel;
	size_t n;
	int num;

	(void)state;
	memset(&x, 0, sizeof(x));
	assert_int_equal(decision_link_parse("Amended by\t14", &rel, &n, &num),
			 0);
	assert_int_equal(n, 10);
	assert_memory_equal(rel, "Amended by", 10);
	assert_int_equal(num, 14);
	/* Malformed entries. */
	assert_int_equal(decision_link_parse("Amends 2", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("\t2", &rel, &n, &num), ST_INPUT);
	assert_int_equal(decision_link_parse("  \t2", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t0", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t02", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t2x", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Am\nends\t2", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t2\t3", &rel, &n, &num),
			 ST_INPUT);
	assert_int_equal(decision_link_parse("Amends\t99999999999", &rel, &n,
					     &num), ST_INPUT);
	assert_int_equal(decision_link_parse(NULL, &rel, &n, &num), ST_INPUT);

	assert_int_equal(decision_link_add(&x, "Amends", 2), 0);
	assert_int_equal(decision_link_add(&x, "Amends", 2), 0);  /* no twin */
	assert_int_equal(decision_link_add(&x, "Clarifies", 2), 0);
	assert_int_equal(decision_link_add(&x, "Bad\trel", 2), ST_INPUT);
	assert_int_equal(decision_link_add(&x, "Bad\nrel", 2), ST_INPUT);
	assert_int_equal(decision_link_add(&x, "", 2), ST_INPUT);
	assert_int_equal(decision_link_add(&x, "Amends", 0), ST_INPUT);
	assert_int_equal(decision_link_add(&x, NULL, 3), ST_INPUT);
	assert_int_equal(x.links.n, 2);
	assert_string_equal(x.links.v[0], "Amends\t2");
	assert_string_equal(x.links.v[1], "Clarifies\t2");
	decision_clear(&x);
}

static void test_aggregate(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct approach *a, copy;
	struct decision *x, xcopy;
	struct component *c;
	struct score *s;
	struct risk *r;

	(void)state;
	assert_non_null(d);
	assert_true(d->ws.scale_min == 1 && d->ws.scale_max == 5);
	a = wsdata_add_approach(d);
	a->key = strdup("gha");
	a->name = strdup("GitHub Actions");
	strv_push(&a->pros, "simple");
	c = approach_add_component(a);
	c->category = strdup("cicd");
	c->name = strdup("GitHub Actions");
	a = wsdata_add_approach(d);
	a->key = strdup("gl");
	assert_int_equal(d->n_approaches, 2);
	assert_int_equal(wsdata_approach_index(d, "gl"), 1);
	assert_int_equal(wsdata_approach_index(d, "nope"), -1);

	memset(&copy, 0, sizeof(copy));
	assert_int_equal(approach_copy(&copy, &d->approaches[0]), 0);
	assert_string_equal(copy.components[0].category, "cicd");
	assert_ptr_not_equal(copy.components, d->approaches[0].components);
	assert_true(strv_equal(&copy.pros, &d->approaches[0].pros));
	approach_clear(&copy);

	s = wsdata_add_score(d);
	s->approach = strdup("gha");
	s->criterion = strdup("dx");
	s->has_value = true;
	s->value = 4;
	assert_non_null(wsdata_score(d, "gha", "dx"));
	assert_null(wsdata_score(d, "gl", "dx"));

	x = wsdata_add_decision(d);
	x->number = 7;
	x->title = strdup("Use GitOps");
	x->supersedes = malloc(sizeof(int));
	x->supersedes[0] = 3;
	x->n_supersedes = 1;
	x->markdown = true;
	assert_int_equal(decision_link_add(x, "Amends", 2), 0);
	memset(&xcopy, 0, sizeof(xcopy));
	assert_int_equal(decision_copy(&xcopy, x), 0);
	assert_int_equal(xcopy.supersedes[0], 3);
	assert_ptr_not_equal(xcopy.supersedes, x->supersedes);
	assert_true(xcopy.markdown);
	assert_int_equal(xcopy.links.n, 1);
	assert_string_equal(xcopy.links.v[0], "Amends\t2");
	assert_ptr_not_equal(xcopy.links.v, x->links.v);
	assert_ptr_not_equal(xcopy.links.v[0], x->links.v[0]);
	decision_clear(&xcopy);
	assert_int_equal(xcopy.links.n, 0);
	assert_false(xcopy.markdown);
	assert_ptr_equal(wsdata_decision(d, 7), x);
	assert_null(wsdata_decision(d, 8));

	r = wsdata_add_risk(d);
	r->probability = 4;
	r->impact = 5;
	assert_int_equal(risk_score(r), 20);
	wsdata_free(&d);
	assert_null(d);
	wsdata_free(&d);   /* freeing NULL is harmless */
}

static void test_cond_clear(void **state)
{
	struct cond c = { 0 };

	(void)state;
	c.op = COND_ALL;
	c.sub = calloc(2, sizeof(*c.sub));
	c.n_sub = 2;
	c.sub[0].op = COND_EQ;
	c.sub[0].question = strdup("team_size");
	c.sub[0].arg.kind = VAL_NUMBER;
	c.sub[1].op = COND_IN;
	c.sub[1].question = strdup("clouds");
	c.sub[1].arg.kind = VAL_LIST;
	strv_push(&c.sub[1].arg.list, "aws");
	c.at.file = strdup("rules.yaml");
	cond_clear(&c);
	assert_null(c.sub);
	assert_int_equal(c.n_sub, 0);
	assert_null(c.at.file);
}

/* Keyed lookups: rows appended after a lookup, keys filled in after the
 * add, duplicates (the first row wins), an array that moved, NULL keys,
 * and a key changed in place once the index is dropped. */
static char *dupstr(const char *s)
{
	char *c = malloc(strlen(s) + 1);

	assert_non_null(c);
	return strcpy(c, s);
}

static void test_keyed_lookups(void **state)
{
	struct workshop_data *d = wsdata_new();
	char key[32];
	struct score *s;
	struct approach *a;
	struct decision *x;

	(void)state;
	assert_non_null(d);
	assert_null(wsdata_score(d, "a0", "c0"));
	assert_int_equal(wsdata_approach_index(d, "a0"), -1);
	/* Enough rows for the tables to grow several times. */
	for (int i = 0; i < 300; i++) {
		assert_non_null(a = wsdata_add_approach(d));
		/* Looked up between the add and the key: seen afterwards. */
		assert_int_equal(wsdata_approach_index(d, "a299"), -1);
		snprintf(key, sizeof(key), "a%d", i);
		a->key = dupstr(key);
		for (int c = 0; c < 3; c++) {
			assert_non_null(s = wsdata_add_score(d));
			s->approach = dupstr(key);
			snprintf(key + 16, 16, "c%d", c);
			s->criterion = dupstr(key + 16);
			s->value = i * 10 + c;
		}
		assert_non_null(x = wsdata_add_decision(d));
		x->number = 1000 - i;
	}
	for (int i = 0; i < 300; i += 7) {
		snprintf(key, sizeof(key), "a%d", i);
		assert_int_equal(wsdata_approach_index(d, key), i);
		assert_non_null(s = (struct score *)wsdata_score(d, key, "c2"));
		assert_true(s->value == i * 10 + 2);
		assert_ptr_equal(wsdata_decision(d, 1000 - i), &d->decisions[i]);
	}
	assert_null(wsdata_score(d, "a1", "c3"));
	assert_null(wsdata_score(d, "a1c", "2"));   /* no mixing of the two */
	assert_null(wsdata_score(d, NULL, "c1"));
	assert_int_equal(wsdata_approach_index(d, NULL), -1);
	assert_null(wsdata_decision(d, 1));

	/* A duplicate appended later does not shadow the first. */
	assert_non_null(a = wsdata_add_approach(d));
	a->key = dupstr("a5");
	assert_int_equal(wsdata_approach_index(d, "a5"), 5);
	/* A row without a key yet, earlier than a later duplicate. */
	assert_non_null(a = wsdata_add_approach(d));
	assert_non_null(a = wsdata_add_approach(d));
	a->key = dupstr("late");
	assert_int_equal(wsdata_approach_index(d, "late"), 302);
	d->approaches[301].key = dupstr("late");
	assert_int_equal(wsdata_approach_index(d, "late"), 301);

	/* A key changed in place: seen once the index is dropped. */
	free(d->approaches[7].key);
	d->approaches[7].key = dupstr("renamed");
	assert_int_equal(wsdata_approach_index(d, "a7"), -1);  /* never wrong */
	wsdata_index_reset(d);
	assert_int_equal(wsdata_approach_index(d, "renamed"), 7);

	/* Answers: the array shrinks and grows again. */
	for (int i = 0; i < 40; i++) {
		struct answer *an = wsdata_add_answer(d);

		assert_non_null(an);
		snprintf(key, sizeof(key), "q%d", i);
		an->question = dupstr(key);
	}
	assert_ptr_equal(wsdata_answer(d, "q39"), &d->answers[39]);
	answer_clear(&d->answers[39]);
	d->n_answers = 39;
	assert_null(wsdata_answer(d, "q39"));
	assert_ptr_equal(wsdata_answer(d, "q0"), &d->answers[0]);
	wsdata_free(&d);
	assert_null(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum_ids),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_aggregate),
		cmocka_unit_test(test_decision_links),
		cmocka_unit_test(test_cond_clear),
		cmocka_unit_test(test_keyed_lookups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

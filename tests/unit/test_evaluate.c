/* Unit tests for src/engine/evaluate.c: scoring a whole workshop. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/evaluate.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

#define assert_near(a, b, eps)                                          \
	do {                                                            \
		double a_ = (a), b_ = (b);                              \
		if (!(fabs(a_ - b_) <= (eps))) {                        \
			print_error("%.17g != %.17g (eps %g)\n", a_, b_, \
				    (double)(eps));                     \
			fail();                                         \
		}                                                       \
	} while (0)

static char *dup(const char *s)
{
	char *p = str_dup(s);

	if (s)
		assert_non_null(p);
	return p;
}

static void criterion(struct workshop_data *d, const char *key, double w)
{
	struct criterion *c = wsdata_add_criterion(d);

	assert_non_null(c);
	c->key = dup(key);
	c->name = dup(key);
	c->weight = w;
}

static void approach(struct workshop_data *d, const char *key)
{
	struct approach *a = wsdata_add_approach(d);

	assert_non_null(a);
	a->key = dup(key);
	a->name = dup(key);
}

static void score(struct workshop_data *d, const char *app,
		  const char *crit, bool has, double v)
{
	struct score *s = wsdata_add_score(d);

	assert_non_null(s);
	s->approach = dup(app);
	s->criterion = dup(crit);
	s->has_value = has;
	s->value = v;
}

static void vote(struct workshop_data *d, const char *who, const char *app,
		 const char *crit, double v)
{
	struct vote *x = wsdata_add_vote(d);

	assert_non_null(x);
	x->participant = dup(who);
	x->approach = dup(app);
	x->criterion = dup(crit);
	x->value = v;
}

static void judge(struct workshop_data *d, const char *a, const char *b,
		  double v, const char *who)
{
	struct judgement *j = wsdata_add_judgement(d);

	assert_non_null(j);
	j->a = dup(a);
	j->b = dup(b);
	j->value = v;
	j->participant = dup(who);
}

/*
 * Published example again (Wikipedia, "Weighted sum model", section
 * "Example"): weights 0.20 0.15 0.40 0.25, here typed as raw weights
 * 20 15 40 25; A1 = 25 20 15 30 -> 21.50, A2 = 10 30 20 30 -> 22.00,
 * A3 = 30 10 30 10 -> 22.00.
 */
static void test_direct_wikipedia(void **state)
{
	static const double v[3][4] = {
		{ 25, 20, 15, 30 }, { 10, 30, 20, 30 }, { 30, 10, 30, 10 },
	};
	static const char *const crit[] = { "c1", "c2", "c3", "c4" };
	static const char *const app[] = { "a1", "a2", "a3" };
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	criterion(d, "c1", 20);
	criterion(d, "c2", 15);
	criterion(d, "c3", 40);
	criterion(d, "c4", 25);
	for (int a = 0; a < 3; a++) {
		approach(d, app[a]);
		for (int c = 0; c < 4; c++)
			score(d, app[a], crit[c], true, v[a][c]);
	}
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_OK);
	assert_int_equal(s.n_app, 3);
	assert_int_equal(s.n_crit, 4);
	assert_false(s.has_ahp);
	assert_near(s.weights[0], 0.20, 1e-15);
	assert_near(s.weights[1], 0.15, 1e-15);
	assert_near(s.weights[2], 0.40, 1e-15);
	assert_near(s.weights[3], 0.25, 1e-15);
	assert_near(s.totals[0], 21.50, 1e-12);
	assert_near(s.totals[1], 22.00, 1e-12);
	assert_near(s.totals[2], 22.00, 1e-12);
	assert_int_equal(s.rank[0], 3);
	assert_int_equal(s.rank[1], 1);
	assert_int_equal(s.rank[2], 1);
	assert_int_equal(s.order[0], 1);
	assert_int_equal(s.order[1], 2);
	assert_int_equal(s.order[2], 0);
	for (int i = 0; i < 12; i++) {
		assert_true(s.set[i]);
		assert_int_equal(s.source[i], CELL_AGREED);
	}
	assert_near(s.cells[1 * 4 + 2], 20, 0);
	assert_true(s.complete[0] && s.complete[1] && s.complete[2]);
	assert_null(s.sens);
	ws_scores_clear(&s);
	assert_null(s.weights);
	assert_int_equal(s.n_app, 0);
	ws_scores_clear(NULL);
	wsdata_free(&d);
}

/* Agreed score first, else the mean of the votes, else unscored. */
static void test_cell_sources(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	criterion(d, "dx", 1);
	criterion(d, "cost", 1);
	approach(d, "gha");
	approach(d, "jenkins");
	score(d, "gha", "dx", true, 5);
	vote(d, "alice", "gha", "dx", 1);         /* ignored: agreed wins */
	score(d, "gha", "cost", false, 0);        /* no value yet */
	vote(d, "alice", "gha", "cost", 2);
	vote(d, "bob", "gha", "cost", 4);
	vote(d, "carol", "gha", "cost", 4);
	vote(d, "bob", "jenkins", "dx", 3);
	vote(d, "carol", "jenkins", "dx", NAN);  /* not a number: ignored */
	/* jenkins/cost: nothing usable at all */
	score(d, "jenkins", "cost", true, INFINITY);

	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_OK);
	assert_int_equal(s.source[0], CELL_AGREED);
	assert_near(s.cells[0], 5, 0);
	assert_int_equal(s.source[1], CELL_VOTES);
	assert_near(s.cells[1], 10.0 / 3, 1e-15);
	assert_int_equal(s.source[2], CELL_VOTES);
	assert_near(s.cells[2], 3, 0);
	assert_int_equal(s.source[3], CELL_NONE);
	assert_false(s.set[3]);
	assert_true(s.set[2]);
	assert_true(s.complete[0]);
	assert_false(s.complete[1]);
	/* 0.5 * 5 + 0.5 * 10/3, and 0.5 * 3 + 0 */
	assert_near(s.totals[0], 2.5 + 5.0 / 3, 1e-12);
	assert_near(s.totals[1], 1.5, 1e-12);
	assert_int_equal(s.rank[0], 1);
	assert_int_equal(s.rank[1], 2);
	ws_scores_clear(&s);
	wsdata_free(&d);
}

/* AHP weights from the agreed judgements; a participant's own judgements
 * do not count.  The judgements come from weights 0.5, 0.3, 0.2, so they
 * are consistent and the weights come back. */
static void test_ahp_weights(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	d->ws.weighting = WEIGHTING_AHP;
	criterion(d, "dx", 0);      /* direct weights are ignored */
	criterion(d, "ops", 0);
	criterion(d, "cost", 0);
	judge(d, "dx", "ops", 5.0 / 3, NULL);
	judge(d, "cost", "dx", 0.4, NULL);        /* dx/cost = 2.5 */
	judge(d, "ops", "cost", 1.5, NULL);
	judge(d, "ops", "cost", 9, "alice");
	approach(d, "a");
	approach(d, "b");
	score(d, "a", "dx", true, 4);
	score(d, "a", "ops", true, 1);
	score(d, "a", "cost", true, 1);
	score(d, "b", "dx", true, 1);
	score(d, "b", "ops", true, 5);
	score(d, "b", "cost", true, 5);

	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, true, &s, &e), ST_OK);
	assert_true(s.has_ahp);
	assert_near(s.weights[0], 0.5, 1e-9);
	assert_near(s.weights[1], 0.3, 1e-9);
	assert_near(s.weights[2], 0.2, 1e-9);
	assert_near(s.ahp.cr, 0, 1e-9);
	assert_false(s.ahp.inconsistent);
	/* a = 2 + 0.3 + 0.2 = 2.5, b = 0.5 + 1.5 + 1 = 3 */
	assert_near(s.totals[0], 2.5, 1e-9);
	assert_near(s.totals[1], 3.0, 1e-9);
	assert_int_equal(s.order[0], 1);
	/* sensitivity on dx: a(t) = 4t + (1 - t) = 1 + 3t, b(t) = t + 5(1 - t)
	 * = 5 - 4t; equal at t = 4/7, above it a leads. */
	assert_non_null(s.sens);
	assert_near(s.sens[0].weight, 0.5, 1e-9);
	assert_true(s.sens[0].flips);
	assert_near(s.sens[0].flip_at, 4.0 / 7, 1e-9);
	assert_int_equal(s.sens[0].new_leader, 0);
	ws_scores_clear(&s);
	assert_null(s.sens);
	wsdata_free(&d);
}

static void test_ahp_missing_judgement(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	d->ws.weighting = WEIGHTING_AHP;
	criterion(d, "dx", 1);
	criterion(d, "ops", 1);
	criterion(d, "cost", 1);
	judge(d, "dx", "ops", 3, NULL);
	judge(d, "dx", "cost", 3, NULL);
	judge(d, "ops", "cost", 3, "alice");
	approach(d, "a");
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_string_equal(e.msg, "missing judgement: ops vs cost");
	/* nothing left allocated */
	assert_null(s.weights);
	assert_null(s.totals);
	wsdata_free(&d);
}

static void test_errors(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	approach(d, "a");
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_string_equal(e.msg, "no criteria to score against");
	assert_null(s.weights);

	criterion(d, "dx", 0);
	criterion(d, "ops", 0);
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_string_equal(e.msg, "all criterion weights are zero");
	assert_null(s.cells);

	d->criteria[1].weight = -2;
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "criterion ops"));

	d->criteria[1].weight = NAN;
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "criterion ops"));

	/* a criterion without a key is named by its name */
	free(d->criteria[1].key);
	d->criteria[1].key = NULL;
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "criterion ops"));
	free(d->criteria[1].name);
	d->criteria[1].name = NULL;
	assert_int_equal(ws_scores_compute(d, false, &s, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "criterion ?"));
	wsdata_free(&d);
}

/* Zero approaches: an empty but valid result; one approach ranks first
 * and cannot be overtaken; sensitivity is comparable only once two
 * approaches have a score. */
static void test_no_and_one_approach(void **state)
{
	struct workshop_data *d = wsdata_new();
	struct ws_scores s;
	struct error e;

	(void)state;
	assert_non_null(d);
	criterion(d, "dx", 3);
	criterion(d, "ops", 1);
	err_clear(&e);
	assert_int_equal(ws_scores_compute(d, true, &s, &e), ST_OK);
	assert_int_equal(s.n_app, 0);
	assert_int_equal(s.n_crit, 2);
	assert_near(s.weights[0], 0.75, 0);
	assert_non_null(s.sens);
	assert_false(s.sens[0].flips);
	assert_int_equal(s.n_scored, 0);
	assert_false(ws_scores_comparable(&s));
	ws_scores_clear(&s);

	approach(d, "solo");
	score(d, "solo", "dx", true, 2);
	assert_int_equal(ws_scores_compute(d, true, &s, &e), ST_OK);
	assert_int_equal(s.rank[0], 1);
	assert_int_equal(s.order[0], 0);
	assert_false(s.complete[0]);
	assert_near(s.totals[0], 1.5, 1e-15);
	assert_false(s.sens[0].flips);
	assert_false(s.sens[1].flips);
	/* Nothing competes with it: not comparable, whatever the weights. */
	assert_int_equal(s.n_scored, 1);
	assert_false(ws_scores_comparable(&s));
	ws_scores_clear(&s);

	/* A second approach without a score changes nothing; one vote on
	 * it makes two scored approaches. */
	approach(d, "rival");
	assert_int_equal(ws_scores_compute(d, true, &s, &e), ST_OK);
	assert_int_equal(s.n_scored, 1);
	assert_false(ws_scores_comparable(&s));
	ws_scores_clear(&s);
	vote(d, "bob", "rival", "ops", 4);
	assert_int_equal(ws_scores_compute(d, true, &s, &e), ST_OK);
	assert_int_equal(s.n_scored, 2);
	assert_true(ws_scores_comparable(&s));
	ws_scores_clear(&s);
	wsdata_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direct_wikipedia),
		cmocka_unit_test(test_cell_sources),
		cmocka_unit_test(test_ahp_weights),
		cmocka_unit_test(test_ahp_missing_judgement),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_no_and_one_approach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

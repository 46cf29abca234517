/* Unit tests for src/engine/rules.c: every condition operator on every
 * kind of answer, fit, visibility, and findings from rules, anti-patterns
 * and patterns. */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/rules.h"
#include "model/knowledge.h"
#include "model/model.h"
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

/* ---- building answers and conditions ------------------------------- */

static struct answer *answer(struct workshop_data *d, const char *q)
{
	struct answer *a = wsdata_add_answer(d);

	assert_non_null(a);
	a->question = str_dup(q);
	assert_non_null(a->question);
	return a;
}

static void answer_text(struct workshop_data *d, const char *q,
			const char *text)
{
	struct answer *a = answer(d, q);

	a->value.kind = VAL_TEXT;
	a->value.text = str_dup(text);
	assert_non_null(a->value.text);
}

static void answer_number(struct workshop_data *d, const char *q, double v)
{
	struct answer *a = answer(d, q);

	a->value.kind = VAL_NUMBER;
	a->value.number = v;
}

/* A list answer; the items end with NULL. */
static void answer_list(struct workshop_data *d, const char *q, ...)
{
	struct answer *a = answer(d, q);
	const char *s;
	va_list ap;

	a->value.kind = VAL_LIST;
	va_start(ap, q);
	while ((s = va_arg(ap, const char *)))
		assert_int_equal(strv_push(&a->value.list, s), 0);
	va_end(ap);
}

/* The answers every condition test runs against. */
static struct workshop_data *sample(void)
{
	struct workshop_data *d = wsdata_new();

	assert_non_null(d);
	answer_number(d, "team_size", 35);
	answer_text(d, "sla", "99.9");
	answer_text(d, "cloud", "aws");
	answer_list(d, "compliance", "soc2", "hipaa", (const char *)NULL);
	answer_list(d, "single", "gitops", (const char *)NULL);
	answer_list(d, "versions", "1", "2", (const char *)NULL);
	answer_text(d, "pain", "Our Jenkins builds are slow");
	answer_text(d, "empty_text", "");
	answer_list(d, "empty_list", (const char *)NULL);
	answer(d, "none");                       /* VAL_NONE */
	answer_number(d, "nan", NAN);
	answer_text(d, "spaced", "  42 ");
	answer_text(d, "exp", "1e3");
	answer_text(d, "neg", "-2.5");
	answer_text(d, "trail_dot", "3.");
	answer_text(d, "lead_dot", ".5");
	answer_text(d, "huge", "123456789012345678901234");
	answer_text(d, "long_frac", "0.1234567890123456789012");
	answer_text(d, "exp_neg", "25E-1");
	answer_text(d, "exp_plus", "2e+2");
	return d;
}

static struct cond leaf(enum cond_op op, const char *q)
{
	struct cond c;

	memset(&c, 0, sizeof(c));
	c.op = op;
	c.question = str_dup(q);
	assert_non_null(c.question);
	return c;
}

static struct cond text_leaf(enum cond_op op, const char *q, const char *v)
{
	struct cond c = leaf(op, q);

	c.arg.kind = VAL_TEXT;
	c.arg.text = str_dup(v);
	assert_non_null(c.arg.text);
	return c;
}

static struct cond num_leaf(enum cond_op op, const char *q, double v)
{
	struct cond c = leaf(op, q);

	c.arg.kind = VAL_NUMBER;
	c.arg.number = v;
	return c;
}

/* IN: the items end with NULL. */
static struct cond list_leaf(enum cond_op op, const char *q, ...)
{
	struct cond c = leaf(op, q);
	const char *s;
	va_list ap;

	c.arg.kind = VAL_LIST;
	va_start(ap, q);
	while ((s = va_arg(ap, const char *)))
		assert_int_equal(strv_push(&c.arg.list, s), 0);
	va_end(ap);
	return c;
}

static struct cond range_leaf(enum cond_op op, const char *q, double lo,
			      double hi)
{
	struct cond c = leaf(op, q);

	c.lo = lo;
	c.hi = hi;
	return c;
}

/* A group taking ownership of n conditions. */
static struct cond group(enum cond_op op, size_t n, ...)
{
	struct cond c;
	va_list ap;

	memset(&c, 0, sizeof(c));
	c.op = op;
	c.n_sub = n;
	if (n) {
		c.sub = calloc(n, sizeof(*c.sub));
		assert_non_null(c.sub);
	}
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		c.sub[i] = va_arg(ap, struct cond);
	va_end(ap);
	return c;
}

/* Evaluate and free in one go. */
static bool ev(struct cond c, const struct workshop_data *d)
{
	bool r = cond_eval(&c, d);

	cond_clear(&c);
	return r;
}

static double fit(struct cond c, const struct workshop_data *d)
{
	double r = cond_fit(&c, d);

	cond_clear(&c);
	return r;
}

static void push(struct strv *sv, const char *s)
{
	assert_int_equal(strv_push(sv, s), 0);
}

static struct cond *heap(struct cond c)
{
	struct cond *p = malloc(sizeof(*p));

	assert_non_null(p);
	*p = c;
	return p;
}

static void heap_free(struct cond *c)
{
	cond_clear(c);
	free(c);
}

/* ---- operators ------------------------------------------------------ */

static void test_eq_ne(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_true(ev(text_leaf(COND_EQ, "cloud", "aws"), d));
	assert_false(ev(text_leaf(COND_EQ, "cloud", "gcp"), d));
	assert_true(ev(num_leaf(COND_EQ, "team_size", 35), d));
	assert_false(ev(num_leaf(COND_EQ, "team_size", 36), d));
	/* number answer vs text argument: numerically when it parses */
	assert_true(ev(text_leaf(COND_EQ, "team_size", "35"), d));
	assert_true(ev(text_leaf(COND_EQ, "team_size", "35.0"), d));
	assert_false(ev(text_leaf(COND_EQ, "team_size", "thirty"), d));
	assert_false(ev(text_leaf(COND_NE, "team_size", "thirty"), d));
	assert_true(ev(text_leaf(COND_NE, "team_size", "34"), d));
	/* text answer that is a number vs number argument */
	assert_true(ev(num_leaf(COND_EQ, "sla", 99.9), d));
	assert_false(ev(num_leaf(COND_EQ, "cloud", 3), d));
	assert_false(ev(num_leaf(COND_NE, "cloud", 3), d));
	/* two texts that are the same number */
	assert_true(ev(text_leaf(COND_EQ, "sla", "99.90"), d));
	/* lists: same set, or a single element */
	assert_true(ev(list_leaf(COND_EQ, "compliance", "hipaa", "soc2",
				 (const char *)NULL), d));
	assert_false(ev(list_leaf(COND_EQ, "compliance", "soc2",
				  (const char *)NULL), d));
	assert_false(ev(list_leaf(COND_EQ, "compliance", "soc2", "hipaa",
				  "pci", (const char *)NULL), d));
	assert_false(ev(text_leaf(COND_EQ, "compliance", "soc2"), d));
	assert_true(ev(text_leaf(COND_EQ, "single", "gitops"), d));
	assert_true(ev(text_leaf(COND_NE, "compliance", "soc2"), d));
	assert_false(ev(leaf(COND_EQ, "single"), d));   /* no argument */
	assert_false(ev(leaf(COND_NE, "single"), d));
	assert_false(ev(leaf(COND_EQ, "cloud"), d));
	assert_false(ev(list_leaf(COND_EQ, "cloud", "aws",
				  (const char *)NULL), d));
	/* NE */
	assert_true(ev(text_leaf(COND_NE, "cloud", "gcp"), d));
	assert_false(ev(text_leaf(COND_NE, "cloud", "aws"), d));
	wsdata_free(&d);
}

static void test_in(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_true(ev(list_leaf(COND_IN, "cloud", "gcp", "aws",
				 (const char *)NULL), d));
	assert_false(ev(list_leaf(COND_IN, "cloud", "gcp", "azure",
				  (const char *)NULL), d));
	/* a number answer as text, compared as numbers */
	assert_true(ev(list_leaf(COND_IN, "team_size", "10", "35.0",
				 (const char *)NULL), d));
	assert_false(ev(list_leaf(COND_IN, "team_size", "10", "x",
				  (const char *)NULL), d));
	/* a list answer: any element */
	assert_true(ev(list_leaf(COND_IN, "compliance", "pci", "hipaa",
				 (const char *)NULL), d));
	assert_false(ev(list_leaf(COND_IN, "compliance", "pci", "fedramp",
				  (const char *)NULL), d));
	/* a single value written without brackets */
	assert_true(ev(text_leaf(COND_IN, "cloud", "aws"), d));
	assert_false(ev(text_leaf(COND_IN, "cloud", "gcp"), d));
	assert_true(ev(text_leaf(COND_IN, "compliance", "soc2"), d));
	assert_false(ev(text_leaf(COND_IN, "compliance", "pci"), d));
	assert_true(ev(num_leaf(COND_IN, "team_size", 35), d));
	assert_false(ev(leaf(COND_IN, "cloud"), d));   /* no argument */
	wsdata_free(&d);
}

static void test_contains(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_true(ev(text_leaf(COND_CONTAINS, "compliance", "soc2"), d));
	assert_false(ev(text_leaf(COND_CONTAINS, "compliance", "pci"), d));
	/* substring of a text answer, ignoring case */
	assert_true(ev(text_leaf(COND_CONTAINS, "pain", "jenkins"), d));
	assert_true(ev(text_leaf(COND_CONTAINS, "pain", "SLOW"), d));
	assert_false(ev(text_leaf(COND_CONTAINS, "pain", "gitlab"), d));
	assert_false(ev(text_leaf(COND_CONTAINS, "pain", "slower"), d));
	assert_true(ev(text_leaf(COND_CONTAINS, "pain", ""), d));
	/* numbers */
	assert_true(ev(num_leaf(COND_CONTAINS, "versions", 2), d));
	assert_false(ev(num_leaf(COND_CONTAINS, "versions", 3), d));
	assert_true(ev(num_leaf(COND_CONTAINS, "sla", 99), d));
	assert_false(ev(text_leaf(COND_CONTAINS, "team_size", "3"), d));
	assert_false(ev(leaf(COND_CONTAINS, "pain"), d));
	wsdata_free(&d);
}

static void test_numeric(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_true(ev(range_leaf(COND_LT, "team_size", 50, 0), d));
	assert_false(ev(range_leaf(COND_LT, "team_size", 35, 0), d));
	assert_true(ev(range_leaf(COND_LE, "team_size", 35, 0), d));
	assert_false(ev(range_leaf(COND_LE, "team_size", 34, 0), d));
	assert_false(ev(range_leaf(COND_GT, "team_size", 35, 0), d));
	assert_true(ev(range_leaf(COND_GT, "team_size", 10, 0), d));
	assert_true(ev(range_leaf(COND_GE, "team_size", 35, 0), d));
	assert_false(ev(range_leaf(COND_GE, "team_size", 36, 0), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "team_size", 10, 50), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "team_size", 35, 35), d));
	assert_false(ev(range_leaf(COND_BETWEEN, "team_size", 36, 50), d));
	assert_false(ev(range_leaf(COND_BETWEEN, "team_size", 1, 34), d));
	/* a text answer that is a number counts */
	assert_true(ev(range_leaf(COND_GE, "sla", 99.9, 0), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "sla", 99, 100), d));
	/* not numbers */
	assert_false(ev(range_leaf(COND_GT, "cloud", 1, 0), d));
	assert_false(ev(range_leaf(COND_LT, "cloud", 1, 0), d));
	assert_false(ev(range_leaf(COND_GT, "compliance", 0, 0), d));
	assert_false(ev(range_leaf(COND_LE, "cloud", 1, 0), d));
	assert_false(ev(range_leaf(COND_GE, "cloud", 1, 0), d));
	assert_false(ev(range_leaf(COND_BETWEEN, "cloud", 0, 1), d));
	wsdata_free(&d);
}

/* Number reading: blanks around, exponents, signs, long digit runs. */
static void test_number_text(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_true(ev(range_leaf(COND_BETWEEN, "spaced", 42, 42), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "exp", 1000, 1000), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "neg", -2.5, -2.5), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "trail_dot", 3, 3), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "lead_dot", 0.5, 0.5), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "exp_neg", 2.5, 2.5), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "exp_plus", 200, 200), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "huge", 1.2345678901e23,
				  1.2345678902e23), d));
	assert_true(ev(range_leaf(COND_BETWEEN, "long_frac", 0.123456789,
				  0.12345679), d));
	/* not numbers */
	{
		static const char *const bad[] = {
			"abc", "1e", "+", "12abc", "nan", "inf", "1e99999",
			"- 3", "."
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			struct workshop_data *b = wsdata_new();

			assert_non_null(b);
			answer_text(b, "q", bad[i]);
			if (ev(range_leaf(COND_GT, "q", -1e300, 0), b) ||
			    ev(range_leaf(COND_LT, "q", 1e300, 0), b)) {
				print_error("\"%s\" read as a number\n",
					    bad[i]);
				fail();
			}
			wsdata_free(&b);
		}
	}
	wsdata_free(&d);
}

static void test_answered_and_unanswered(void **state)
{
	struct workshop_data *d = sample();
	static const char *const unanswered[] = {
		"missing", "empty_text", "empty_list", "none", "nan"
	};

	(void)state;
	assert_true(ev(leaf(COND_ANSWERED, "team_size"), d));
	assert_true(ev(leaf(COND_ANSWERED, "compliance"), d));
	for (size_t i = 0; i < 5; i++) {
		const char *q = unanswered[i];

		/* every leaf on an unanswered question is false ... */
		assert_false(ev(leaf(COND_ANSWERED, q), d));
		assert_false(ev(text_leaf(COND_EQ, q, "x"), d));
		assert_false(ev(text_leaf(COND_NE, q, "x"), d));
		assert_false(ev(list_leaf(COND_IN, q, "x",
					  (const char *)NULL), d));
		assert_false(ev(text_leaf(COND_CONTAINS, q, ""), d));
		assert_false(ev(range_leaf(COND_LT, q, 1e300, 0), d));
		assert_false(ev(range_leaf(COND_BETWEEN, q, -1e300, 1e300),
				d));
		/* ... and NOT of it true */
		assert_true(ev(group(COND_NOT, 1,
				     text_leaf(COND_NE, q, "x")), d));
	}
	/* no workshop at all: nothing is answered */
	assert_false(ev(leaf(COND_ANSWERED, "team_size"), NULL));
	wsdata_free(&d);
}

static void test_groups(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	/* team > 10 and (gcp or hipaa) and not answered(missing) */
	assert_true(ev(group(COND_ALL, 3,
			     range_leaf(COND_GT, "team_size", 10, 0),
			     group(COND_ANY, 2,
				   text_leaf(COND_EQ, "cloud", "gcp"),
				   text_leaf(COND_CONTAINS, "compliance",
					     "hipaa")),
			     group(COND_NOT, 1,
				   leaf(COND_ANSWERED, "missing"))), d));
	/* the ANY fails */
	assert_false(ev(group(COND_ALL, 2,
			      range_leaf(COND_GT, "team_size", 10, 0),
			      group(COND_ANY, 2,
				    text_leaf(COND_EQ, "cloud", "gcp"),
				    text_leaf(COND_CONTAINS, "compliance",
					      "pci"))), d));
	/* the NOT fails */
	assert_false(ev(group(COND_ALL, 2,
			      range_leaf(COND_GT, "team_size", 10, 0),
			      group(COND_NOT, 1,
				    leaf(COND_ANSWERED, "cloud"))), d));
	/* NOT(ALL(...)) and ANY of NOTs */
	assert_true(ev(group(COND_NOT, 1,
			     group(COND_ALL, 2,
				   text_leaf(COND_EQ, "cloud", "aws"),
				   text_leaf(COND_EQ, "cloud", "gcp"))), d));
	assert_true(ev(group(COND_ANY, 2,
			     text_leaf(COND_EQ, "cloud", "gcp"),
			     group(COND_NOT, 1,
				   text_leaf(COND_EQ, "cloud", "gcp"))), d));
	/* empty groups */
	assert_true(ev(group(COND_ALL, 0), d));
	assert_false(ev(group(COND_ANY, 0), d));
	assert_false(ev(group(COND_NOT, 0), d));
	assert_true(cond_eval(NULL, d));
	wsdata_free(&d);
}

static void test_fit(void **state)
{
	struct workshop_data *d = sample();

	(void)state;
	assert_near(cond_fit(NULL, d), 1, 0);
	/* 2 of 3 leaves hold; a leaf under NOT holds when it is false */
	assert_near(fit(group(COND_ALL, 3,
			      text_leaf(COND_EQ, "cloud", "aws"),
			      range_leaf(COND_GT, "team_size", 100, 0),
			      group(COND_NOT, 1,
				    leaf(COND_ANSWERED, "missing"))), d),
		    2.0 / 3, 1e-15);
	/* ANY counts leaves too: 1 of 4 */
	assert_near(fit(group(COND_ANY, 2,
			      text_leaf(COND_EQ, "cloud", "aws"),
			      group(COND_ALL, 3,
				    text_leaf(COND_EQ, "cloud", "gcp"),
				    range_leaf(COND_LT, "team_size", 5, 0),
				    leaf(COND_ANSWERED, "none"))), d),
		    0.25, 1e-15);
	/* double negation */
	assert_near(fit(group(COND_NOT, 1,
			      group(COND_NOT, 1,
				    text_leaf(COND_EQ, "cloud", "aws"))), d),
		    1, 0);
	/* a single leaf */
	assert_near(fit(text_leaf(COND_EQ, "cloud", "gcp"), d), 0, 0);
	/* no leaves: whether the group holds */
	assert_near(fit(group(COND_ALL, 0), d), 1, 0);
	assert_near(fit(group(COND_ANY, 0), d), 0, 0);
	assert_near(fit(group(COND_NOT, 0), d), 0, 0);
	wsdata_free(&d);
}

static void test_question_visible(void **state)
{
	struct workshop_data *d = sample();
	struct question q;

	(void)state;
	memset(&q, 0, sizeof(q));
	assert_true(question_visible(&q, d));
	q.show_if = heap(text_leaf(COND_EQ, "cloud", "aws"));
	assert_true(question_visible(&q, d));
	heap_free(q.show_if);
	q.show_if = heap(leaf(COND_ANSWERED, "missing"));
	assert_false(question_visible(&q, d));
	heap_free(q.show_if);
	assert_false(question_visible(NULL, d));
	wsdata_free(&d);
}

/* ---- findings -------------------------------------------------------- */

struct fixture {
	struct workshop_data *d;
	struct knowledge k;
	struct rule rules[4];
	struct antipattern anti[3];
	struct pattern pats[5];
};

static struct nudge small_nudges[] = {
	{ (char *)"dx", 1 }, { (char *)"ops", 0.5 },
};
static struct nudge compliance_nudges[] = {
	{ (char *)"security", 2 }, { (char *)"dx", 0.5 },
};
static struct nudge huge_nudges[] = {
	{ (char *)"dx", 10 },
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->d = sample();

	f->rules[0].id = (char *)"small-team";
	f->rules[0].when = heap(range_leaf(COND_LT, "team_size", 50, 0));
	f->rules[0].nudges = small_nudges;
	f->rules[0].n_nudges = 2;
	push(&f->rules[0].patterns, "p-managed");

	f->rules[1].id = (char *)"compliance";
	f->rules[1].when = heap(text_leaf(COND_CONTAINS, "compliance",
					  "hipaa"));
	f->rules[1].nudges = compliance_nudges;
	f->rules[1].n_nudges = 2;
	push(&f->rules[1].patterns, "p-managed");
	push(&f->rules[1].patterns, "p-gitops");

	f->rules[2].id = (char *)"huge";
	f->rules[2].when = heap(range_leaf(COND_GT, "team_size", 500, 0));
	f->rules[2].nudges = huge_nudges;
	f->rules[2].n_nudges = 1;
	push(&f->rules[2].patterns, "p-k8s");

	f->rules[3].id = (char *)"no-when";   /* never fires */
	f->rules[3].nudges = huge_nudges;
	f->rules[3].n_nudges = 1;

	f->anti[0].id = (char *)"snowflake";
	f->anti[0].when = heap(text_leaf(COND_EQ, "cloud", "aws"));
	f->anti[1].id = (char *)"unknown";
	f->anti[1].when = heap(leaf(COND_ANSWERED, "missing"));
	f->anti[2].id = (char *)"no-when";

	f->pats[0].id = (char *)"p-k8s";         /* fit 1/2 */
	f->pats[0].fits = heap(group(COND_ALL, 2,
				     range_leaf(COND_GT, "team_size", 100, 0),
				     text_leaf(COND_EQ, "cloud", "aws")));
	f->pats[1].id = (char *)"p-managed";     /* 1/2 + 2 x 0.1 */
	f->pats[1].fits = heap(group(COND_ALL, 2,
				     range_leaf(COND_LT, "team_size", 50, 0),
				     text_leaf(COND_EQ, "cloud", "gcp")));
	f->pats[2].id = (char *)"p-gitops";      /* 1 (neutral) + 0.1, capped */
	f->pats[3].id = (char *)"p-serverless";  /* 0 */
	f->pats[3].fits = heap(text_leaf(COND_EQ, "cloud", "gcp"));
	f->pats[4].id = (char *)"p-vm";          /* 1/2, after p-k8s */
	f->pats[4].fits = heap(group(COND_ANY, 2,
				     range_leaf(COND_GT, "team_size", 100, 0),
				     text_leaf(COND_EQ, "cloud", "aws")));

	f->k.rules = f->rules;
	f->k.n_rules = 4;
	f->k.antipatterns = f->anti;
	f->k.n_antipatterns = 3;
	f->k.patterns = f->pats;
	f->k.n_patterns = 5;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	for (int i = 0; i < 4; i++) {
		if (f->rules[i].when)
			heap_free(f->rules[i].when);
		strv_free(&f->rules[i].patterns);
	}
	for (int i = 0; i < 3; i++)
		if (f->anti[i].when)
			heap_free(f->anti[i].when);
	for (int i = 0; i < 5; i++)
		if (f->pats[i].fits)
			heap_free(f->pats[i].fits);
	wsdata_free(&f->d);
	free(f);
	return 0;
}

static void check_everything(const struct fixture *f, const struct findings *r)
{
	/* rules: small-team and compliance match, in content order */
	assert_int_equal(r->n_rules, 2);
	assert_int_equal(r->rules[0], 0);
	assert_int_equal(r->rules[1], 1);
	/* anti-patterns: only snowflake */
	assert_int_equal(r->n_antipatterns, 1);
	assert_int_equal(r->antipatterns[0], 0);
	/* patterns, best first, ties in content order */
	assert_int_equal(r->n_patterns, 5);
	assert_string_equal(f->pats[r->patterns[0].pattern].id, "p-gitops");
	assert_near(r->patterns[0].fit, 1, 0);
	assert_int_equal(r->patterns[0].favoured_by, 1);
	assert_string_equal(f->pats[r->patterns[1].pattern].id, "p-managed");
	assert_near(r->patterns[1].fit, 0.7, 1e-12);
	assert_int_equal(r->patterns[1].favoured_by, 2);
	assert_string_equal(f->pats[r->patterns[2].pattern].id, "p-k8s");
	assert_near(r->patterns[2].fit, 0.5, 1e-12);
	assert_int_equal(r->patterns[2].favoured_by, 0);
	assert_string_equal(f->pats[r->patterns[3].pattern].id, "p-vm");
	assert_near(r->patterns[3].fit, 0.5, 1e-12);
	assert_string_equal(f->pats[r->patterns[4].pattern].id,
			    "p-serverless");
	assert_near(r->patterns[4].fit, 0, 0);
	/* nudges summed per criterion, first appearance order */
	assert_int_equal(r->n_nudges, 3);
	assert_string_equal(r->nudges[0].criterion, "dx");
	assert_near(r->nudges[0].delta, 1.5, 1e-15);
	assert_string_equal(r->nudges[1].criterion, "ops");
	assert_near(r->nudges[1].delta, 0.5, 1e-15);
	assert_string_equal(r->nudges[2].criterion, "security");
	assert_near(r->nudges[2].delta, 2, 1e-15);
}

static void test_findings_everything(void **state)
{
	struct fixture *f = *state;
	struct findings r;
	struct template_def t;

	assert_int_equal(rules_evaluate(&f->k, NULL, f->d, &r), 0);
	check_everything(f, &r);
	findings_clear(&r);
	assert_null(r.rules);
	assert_int_equal(r.n_patterns, 0);

	/* a template using every pattern and rule gives the same */
	memset(&t, 0, sizeof(t));
	t.all_patterns = true;
	assert_int_equal(rules_evaluate(&f->k, &t, f->d, &r), 0);
	check_everything(f, &r);
	findings_clear(&r);
	findings_clear(NULL);
}

static void test_findings_template(void **state)
{
	struct fixture *f = *state;
	struct findings r;
	struct template_def t;

	memset(&t, 0, sizeof(t));
	push(&t.rules, "small-team");
	push(&t.rules, "huge");
	push(&t.patterns, "p-k8s");
	push(&t.patterns, "p-managed");
	push(&t.antipatterns, "unknown");
	assert_int_equal(rules_evaluate(&f->k, &t, f->d, &r), 0);

	assert_int_equal(r.n_rules, 1);
	assert_int_equal(r.rules[0], 0);
	assert_int_equal(r.n_antipatterns, 0);
	assert_int_equal(r.n_patterns, 2);
	/* p-managed now has only small-team favouring it: 0.5 + 0.1 */
	assert_int_equal(r.patterns[0].pattern, 1);
	assert_near(r.patterns[0].fit, 0.6, 1e-12);
	assert_int_equal(r.patterns[0].favoured_by, 1);
	assert_int_equal(r.patterns[1].pattern, 0);
	assert_near(r.patterns[1].fit, 0.5, 1e-12);
	assert_int_equal(r.n_nudges, 2);
	assert_string_equal(r.nudges[0].criterion, "dx");
	assert_near(r.nudges[0].delta, 1, 0);
	findings_clear(&r);

	strv_free(&t.rules);
	strv_free(&t.patterns);
	strv_free(&t.antipatterns);
}

static void test_findings_empty(void **state)
{
	struct knowledge k;
	struct findings r;
	struct workshop_data *d = wsdata_new();

	(void)state;
	assert_non_null(d);
	memset(&k, 0, sizeof(k));
	assert_int_equal(rules_evaluate(&k, NULL, d, &r), 0);
	assert_int_equal(r.n_rules, 0);
	assert_int_equal(r.n_antipatterns, 0);
	assert_int_equal(r.n_patterns, 0);
	assert_int_equal(r.n_nudges, 0);
	findings_clear(&r);
	wsdata_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eq_ne),
		cmocka_unit_test(test_in),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_answered_and_unanswered),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_question_visible),
		cmocka_unit_test_setup_teardown(test_findings_everything,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_findings_template,
						setup, teardown),
		cmocka_unit_test(test_findings_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

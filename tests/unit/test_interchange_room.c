#include "config.h"
/*
 * Unit tests of the room's part of the YAML/JSON interchange: the agenda
 * (planned and spent), the countdown, voting rounds of every scope with
 * their votes kept per round (and the votes cast before a round covered
 * their cell), ready marks and the parking lot survive a write and read
 * back exactly, in both formats, and through a database (import, load,
 * write gives the same text); and the reader's checks, each with its
 * line:col.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "export/interchange.h"
#include "model/model.h"
#include "store/store.h"
#include "util/error.h"
#include "util/str.h"

static char *xdup(const char *s)
{
	char *d = str_dup(s);

	assert_non_null(d);
	return d;
}

static void add_vote(struct vote *v, const char *who, const char *a,
		     const char *c, double value, int round)
{
	v->participant = xdup(who);
	v->approach = xdup(a);
	v->criterion = xdup(c);
	v->value = value;
	v->round = round;
}

static void cover(struct vote_round *r, const char *a, const char *c)
{
	struct round_cell *rc = round_add_cover(r);

	assert_non_null(rc);
	rc->approach = xdup(a);
	rc->criterion = xdup(c);
}

static struct vote_round *round_(struct workshop_data *d, int n,
				 enum round_scope scope, const char *key,
				 enum round_state st)
{
	struct vote_round *r = wsdata_add_round(d);

	assert_non_null(r);
	r->number = n;
	r->scope = scope;
	r->scope_key = key ? xdup(key) : NULL;
	r->state = st;
	r->opened_by = xdup("alice");
	r->opened_at = 1795694400 + n * 600;
	if (st == ROUND_REVEALED) {
		r->revealed_by = xdup("alice");
		r->revealed_at = r->opened_at + 300;
	}
	return r;
}

static void rvote(struct vote_round *r, const char *who, const char *a,
		  const char *c, double v)
{
	struct vote *x = round_add_vote(r);
	struct ballot *b = round_add_ballot(r);

	assert_non_null(x);
	assert_non_null(b);
	add_vote(x, who, a, c, v, r->number);
	b->participant = xdup(who);
	b->approach = xdup(a);
	b->criterion = xdup(c);
}

/*
 * Two approaches (sqs, kafka) by two criteria (dx, cost).  Rounds: 1 all
 * cells (revealed), 2 the spread cell sqs/dx of round 1 (revealed), 3 the
 * criterion cost (revealed), 4 the approach kafka (open).  Votes outside
 * rounds come before round 1; all its cells were covered since.  In the
 * order the store loads them.
 */
static struct workshop_data *roomy(void)
{
	struct workshop_data *d = wsdata_new();
	static const char *const ak[] = { "sqs", "kafka" };
	static const char *const ck[] = { "dx", "cost" };
	static const enum stage stages[] = {
		STAGE_INTERVIEW, STAGE_TRADEOFFS, STAGE_DECISION
	};
	struct vote_round *r;
	struct park_item *p;
	struct ready_mark *m;

	assert_non_null(d);
	d->ws.title = xdup("Room");
	d->ws.template_name = xdup("devops");
	for (int i = 0; i < 2; i++) {
		struct approach *a = wsdata_add_approach(d);
		struct criterion *c = wsdata_add_criterion(d);

		a->key = xdup(ak[i]);
		a->name = xdup(ak[i]);
		a->pos = i;
		c->key = xdup(ck[i]);
		c->name = xdup(ck[i]);
		c->weight = 1;
		c->pos = i;
	}
	for (size_t i = 0; i < 3; i++) {
		struct agenda_item *a = wsdata_add_agenda(d);

		a->stage = stages[i];
		a->pos = (int)i;
		a->planned = (int)(10 * (i + 1));
		a->spent = i == 1 ? 905 : 0;
	}
	d->timer.set = true;
	d->timer.stage = STAGE_TRADEOFFS;
	d->timer.state = TIMER_PAUSED;
	d->timer.remaining = -35;
	d->timer.duration = 900;
	/* Before any round: bob on sqs/dx, cast outside rounds. */
	add_vote(wsdata_add_earlier_vote(d), "bob", "sqs", "dx", 2, 0);
	r = round_(d, 1, ROUND_ALL, NULL, ROUND_REVEALED);
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 2; k++)
			cover(r, ak[i], ck[k]);
	rvote(r, "bob", "sqs", "dx", 1);
	rvote(r, "bob", "kafka", "dx", 4);
	rvote(r, "carol", "sqs", "dx", 5);
	rvote(r, "carol", "kafka", "dx", 4);
	r = round_(d, 2, ROUND_CELLS, NULL, ROUND_REVEALED);
	r->follows = 1;
	{
		struct round_cell *c = round_add_cell(r);

		c->approach = xdup("sqs");
		c->criterion = xdup("dx");
	}
	cover(r, "sqs", "dx");
	rvote(r, "bob", "sqs", "dx", 3);
	rvote(r, "carol", "sqs", "dx", 4.5);
	r = round_(d, 3, ROUND_CRITERION, "cost", ROUND_REVEALED);
	cover(r, "sqs", "cost");
	cover(r, "kafka", "cost");
	rvote(r, "carol", "sqs", "cost", 2);
	r = round_(d, 4, ROUND_APPROACH, "kafka", ROUND_OPEN);
	cover(r, "kafka", "dx");
	cover(r, "kafka", "cost");
	rvote(r, "bob", "kafka", "cost", 3.25);
	rvote(r, "carol", "kafka", "dx", 1);
	/* The cells count the newest round's votes now (by participant,
	 * approach, criterion). */
	add_vote(wsdata_add_vote(d), "bob", "sqs", "dx", 3, 2);
	add_vote(wsdata_add_vote(d), "bob", "kafka", "cost", 3.25, 4);
	add_vote(wsdata_add_vote(d), "carol", "sqs", "dx", 4.5, 2);
	add_vote(wsdata_add_vote(d), "carol", "sqs", "cost", 2, 3);
	add_vote(wsdata_add_vote(d), "carol", "kafka", "dx", 1, 4);
	m = wsdata_add_ready(d);
	m->participant = xdup("bob");
	m->stage = STAGE_TRADEOFFS;
	m->at = 1795695000;
	m = wsdata_add_ready(d);
	m->participant = xdup("carol");
	m->stage = STAGE_TRADEOFFS;
	m->at = 1795695001;
	p = wsdata_add_park(d);
	p->text = xdup("Who pays for staging?");
	p->added_by = xdup("bob");
	p->added_at = 1795694500;
	p->status = PARK_ROADMAP;
	p->next_step = xdup("Who pays for staging?");
	p = wsdata_add_park(d);
	p->text = xdup("yes: a # that looks like YAML");
	p->added_by = xdup("carol");
	p->added_at = 1795694600;
	p->status = PARK_OPEN;
	assert_int_equal(strv_push(&d->next_steps, "Who pays for staging?"), 0);
	return d;
}

typedef int (*writer_fn)(const struct workshop_data *, struct buf *,
			 struct error *);

static char *emit(writer_fn w, const struct workshop_data *d)
{
	struct buf b;
	struct error e;

	buf_init(&b);
	err_clear(&e);
	if (w(d, &b, &e) < 0)
		fail_msg("write: %s", e.msg);
	return buf_detach(&b);
}

static struct workshop_data *read_text(const char *text)
{
	struct workshop_data *d = NULL;
	struct error e;

	err_clear(&e);
	if (interchange_read_buffer("mem", text, strlen(text), &d, &e) < 0)
		fail_msg("read: %d:%d: %s\n%s", e.line, e.col, e.msg, text);
	return d;
}

static void votes_same(const struct vote *a, size_t na, const struct vote *b,
		       size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(a[i].participant, b[i].participant);
		assert_string_equal(a[i].approach, b[i].approach);
		assert_string_equal(a[i].criterion, b[i].criterion);
		assert_true(a[i].value == b[i].value);
		assert_int_equal(a[i].round, b[i].round);
	}
}

static void assert_room_same(const struct workshop_data *a,
			     const struct workshop_data *b)
{
	assert_int_equal(a->n_agenda, b->n_agenda);
	for (size_t i = 0; i < a->n_agenda; i++) {
		assert_int_equal(a->agenda[i].stage, b->agenda[i].stage);
		assert_int_equal(a->agenda[i].planned, b->agenda[i].planned);
		assert_int_equal(a->agenda[i].spent, b->agenda[i].spent);
	}
	assert_int_equal(a->timer.set, b->timer.set);
	assert_int_equal(a->timer.stage, b->timer.stage);
	assert_int_equal(a->timer.state, b->timer.state);
	assert_int_equal(a->timer.remaining, b->timer.remaining);
	assert_int_equal(a->timer.duration, b->timer.duration);
	assert_int_equal(a->n_rounds, b->n_rounds);
	for (size_t i = 0; i < a->n_rounds; i++) {
		const struct vote_round *x = &a->rounds[i], *y = &b->rounds[i];

		assert_int_equal(x->number, y->number);
		assert_int_equal(x->scope, y->scope);
		assert_true(str_eq(x->scope_key, y->scope_key));
		assert_int_equal(x->follows, y->follows);
		assert_int_equal(x->state, y->state);
		assert_true(str_eq(x->opened_by, y->opened_by));
		assert_int_equal(x->opened_at, y->opened_at);
		assert_true(str_eq(x->revealed_by, y->revealed_by));
		assert_int_equal(x->revealed_at, y->revealed_at);
		assert_int_equal(x->n_cells, y->n_cells);
		assert_int_equal(x->n_covers, y->n_covers);
		for (size_t k = 0; k < x->n_covers; k++) {
			assert_string_equal(x->covers[k].approach,
					    y->covers[k].approach);
			assert_string_equal(x->covers[k].criterion,
					    y->covers[k].criterion);
		}
		votes_same(x->votes, x->n_votes, y->votes, y->n_votes);
		assert_int_equal(x->n_ballots, y->n_ballots);
	}
	votes_same(a->earlier_votes, a->n_earlier_votes, b->earlier_votes,
		   b->n_earlier_votes);
	assert_int_equal(a->n_ready, b->n_ready);
	for (size_t i = 0; i < a->n_ready; i++) {
		assert_string_equal(a->ready[i].participant,
				    b->ready[i].participant);
		assert_int_equal(a->ready[i].stage, b->ready[i].stage);
		assert_int_equal(a->ready[i].at, b->ready[i].at);
	}
	assert_int_equal(a->n_parking, b->n_parking);
	for (size_t i = 0; i < a->n_parking; i++) {
		assert_string_equal(a->parking[i].text, b->parking[i].text);
		assert_true(str_eq(a->parking[i].added_by,
				   b->parking[i].added_by));
		assert_int_equal(a->parking[i].added_at, b->parking[i].added_at);
		assert_int_equal(a->parking[i].status, b->parking[i].status);
		assert_true(str_eq(a->parking[i].next_step,
				   b->parking[i].next_step));
	}
}

static void file_round_trip(writer_fn w)
{
	struct workshop_data *d = roomy(), *back;
	char *one = emit(w, d), *two;

	back = read_text(one);
	assert_room_same(d, back);
	/* The reader settles which votes each cell counts, as a load does. */
	votes_same(d->votes, d->n_votes, back->votes, back->n_votes);
	two = emit(w, back);
	assert_string_equal(one, two);
	free(one);
	free(two);
	wsdata_free(&d);
	wsdata_free(&back);
}

static void test_yaml_round_trip(void **state)
{
	(void)state;
	file_round_trip(interchange_write_yaml);
}

static void test_json_round_trip(void **state)
{
	(void)state;
	file_round_trip(interchange_write_json);
}

/* A file imported into a database and loaded back writes the same text:
 * the store keeps the rounds' votes apart and counts the newest round's. */
static void test_database_round_trip(void **state)
{
	char dir[] = "/tmp/charrette-ix-room-XXXXXX", *db;
	struct workshop_data *d = roomy(), *back = NULL;
	struct store *s = NULL;
	struct error e;
	int64_t id = 0;
	char *one, *two;

	(void)state;
	assert_non_null(mkdtemp(dir));
	db = str_printf("%s/t.db", dir);
	err_clear(&e);
	assert_int_equal(store_open(&s, db, 0, "alice", &e), ST_OK);
	one = emit(interchange_write_yaml, d);
	assert_int_equal(store_workshop_import(s, d, &id, &e), ST_OK);
	assert_int_equal(store_workshop_load(s, id, &back, &e), ST_OK);
	assert_room_same(d, back);
	votes_same(d->votes, d->n_votes, back->votes, back->n_votes);
	two = emit(interchange_write_yaml, back);
	assert_string_equal(one, two);
	free(one);
	free(two);
	wsdata_free(&back);
	/* And the copy a duplicate makes. */
	{
		int64_t copy = 0;

		assert_int_equal(store_workshop_duplicate(s, id, "Room", &copy,
							  &e), ST_OK);
		assert_int_equal(store_workshop_load(s, copy, &back, &e), ST_OK);
		assert_room_same(d, back);
		wsdata_free(&back);
	}
	wsdata_free(&d);
	store_close(&s);
	{
		static const char *const ext[] = { "", "-wal", "-shm" };

		for (size_t i = 0; i < 3; i++) {
			char *p = str_printf("%s%s", db, ext[i]);

			unlink(p);
			free(p);
		}
	}
	rmdir(dir);
	free(db);
}

static void test_yaml_reads_well(void **state)
{
	struct workshop_data *d = roomy();
	char *y = emit(interchange_write_yaml, d);

	(void)state;
	assert_non_null(strstr(y, "agenda:\n  - {stage: interview, minutes: 10}\n"
			       "  - {stage: tradeoffs, minutes: 20, "
			       "spent_seconds: 905}\n"));
	assert_non_null(strstr(y, "timer:\n  stage: tradeoffs\n  state: paused\n"
			       "  remaining: -35\n  duration: 900\n"));
	assert_non_null(strstr(y, "  - number: 2\n    scope: cells\n    cells:\n"
			       "      - {approach: sqs, criterion: dx}\n"
			       "    follows: 1\n"));
	assert_non_null(strstr(y, "    scope: approach\n    approach: kafka\n"
			       "    state: open\n"));
	assert_non_null(strstr(y, "votes:\n  - {participant: bob, approach: sqs, "
			       "criterion: dx, score: 2}\n"));
	assert_non_null(strstr(y, "  - text: \"yes: a # that looks like YAML\"\n"));
	free(y);
	wsdata_free(&d);
}

static const char head[] =
	"charrette: 1\n"
	"title: T\n"
	"criteria:\n"
	"  - {id: dx}\n"
	"approaches:\n"
	"  - {id: sqs}\n";

static const struct {
	const char *tail;
	int line, col;
	const char *msg;
} bads[] = {
	{ "agenda:\n  - {stage: done, minutes: 5}\n", 8, 13,
	  "'stage' must be a stage from interview to roadmap, not 'done'" },
	{ "agenda:\n  - {stage: risks}\n  - {stage: risks}\n", 9, 13,
	  "stage 'risks' is in the agenda twice" },
	{ "agenda:\n  - {stage: risks, minutes: 2000}\n", 8, 29,
	  "'minutes' must be a whole number from 0 to 1440" },
	{ "timer: {stage: risks, state: running}\n", 7, 8,
	  "a running timer needs 'ends_at' and 'started_at'" },
	{ "timer: {stage: risks, state: ticking}\n", 7, 30,
	  "unknown timer state 'ticking'" },
	{ "rounds:\n  - {number: 1, scope: criterion}\n", 8, 5,
	  "a round on a criterion names it" },
	{ "rounds:\n  - {number: 1, scope: criterion, criterion: cost}\n", 8,
	  46, "names an unknown criterion 'cost'" },
	{ "rounds:\n  - {number: 1, state: open}\n  - {number: 2, state: open}\n",
	  9, 5, "rounds 1 and 2 are both open" },
	{ "rounds:\n  - {number: 1}\n  - {number: 1}\n", 9, 14,
	  "duplicate round number 1" },
	{ "rounds:\n  - {number: 2, follows: 1}\n", 8, 5,
	  "round 2 follows round 1, which is not in the file" },
	{ "rounds:\n  - {number: 1, scope: all, cells: []}\n", 8, 36,
	  "this key does not go with scope 'all'" },
	{ "rounds:\n  - {number: 1, state: open, revealed_by: x}\n", 8, 43,
	  "an open round has not been revealed" },
	{ "rounds:\n  - number: 1\n    votes:\n"
	  "      - {participant: b, approach: sqs, criterion: dx, score: 9}\n",
	  10, 63, "score 9 is outside the scale" },
	{ "rounds:\n  - number: 1\n    votes:\n"
	  "      - {participant: b, approach: sqs, criterion: dx, score: 2}\n"
	  "      - {participant: b, approach: sqs, criterion: dx, score: 3}\n",
	  11, 9, "b votes twice on sqs/dx in round 1" },
	{ "rounds:\n  - number: 1\n    scope: criterion\n    criterion: dx\n"
	  "    votes:\n"
	  "      - {participant: b, approach: sqs, criterion: zz, score: 2}\n",
	  12, 52, "names an unknown criterion 'zz'" },
	{ "criteria2: 1\n", 7, 1, "unknown key 'criteria2'" },
	{ "rounds:\n  - number: 1\n    scope: cells\n    cells: []\n", 10, 12,
	  "a round on cells needs at least one cell" },
	{ "ready:\n  - {participant: bob}\n", 8, 5, "'stage' is missing" },
	{ "parking_lot:\n  - {text: \"  \"}\n", 8, 12, "'text' must not be blank" },
	{ "parking_lot:\n  - {text: x, status: later}\n", 8, 23,
	  "unknown parking-lot status 'later'" },
	{ "parking_lot:\n  - {added_by: bob}\n", 8, 5, "'text' is missing" },
};

static void test_validation(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		char *text = str_printf("%s%s", head, bads[i].tail);
		struct workshop_data *d = NULL;
		struct error e;

		assert_non_null(text);
		err_clear(&e);
		assert_int_equal(interchange_read_buffer("mem", text,
							 strlen(text), &d, &e),
				 ST_INPUT);
		assert_null(d);
		if (e.line != bads[i].line || e.col != bads[i].col ||
		    !strstr(e.msg, bads[i].msg))
			fail_msg("case %zu: got %d:%d: %s; expected %d:%d: ...%s...",
				 i, e.line, e.col, e.msg, bads[i].line,
				 bads[i].col, bads[i].msg);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_round_trip),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_database_round_trip),
		cmocka_unit_test(test_yaml_reads_well),
		cmocka_unit_test(test_validation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

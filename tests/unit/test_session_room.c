/*
 * Unit tests of running the room in the session, with three sessions on
 * one database: alice facilitates, bob and carol vote.  Blind rounds (each
 * sees only their own values and who voted until the reveal, on the data,
 * the cell statistics, the scoring, the history and a CLI-style load;
 * after it, everyone sees everything), round 2 on the spread cells with
 * round 1's figures and votes kept, `:vote` by ids and its errors, the
 * countdown and its parser (with the clock moved by CHARRETTE_NOW), time
 * spent per stage, ready counts, the parking lot and the wrap-up.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/num.h"
#include "util/str.h"

#define T0 1700000000L

struct fx {
	char dir[64];
	char *db;
	struct knowledge *k;
	struct store *st[3];
	struct session *s[3];   /* alice, bob, carol */
	int64_t ws;
};

enum { ALICE, BOB, CAROL };
static const char *const names[] = { "alice", "bob", "carol" };

static void at(long t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", t);
	setenv("CHARRETTE_NOW", buf, 1);
}

static void ok(int rc, struct sess_result *r)
{
	if (rc != ST_OK || !sess_ok(r))
		fail_msg("not saved: %s", r->msg);
	sess_result_clear(r);
}

static void sync_all(struct fx *f)
{
	for (int i = 0; i < 3; i++) {
		session_sync(f->s[i]);
		session_poll(f->s[i]);
	}
}

static void add_approach(struct session *s, const char *key,
			 const char *name)
{
	struct approach ap = { .key = (char *)key, .name = (char *)name };
	struct sess_result r = { 0 };

	ok(session_add_approach(s, &ap, &r), &r);
	session_sync(s);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct sess_result r = { 0 };
	struct diag dg = { 0 };
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-room-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	at(T0);
	assert_int_equal(content_load(&f->k, TOP_SRCDIR "/data", NULL, 0, &dg),
			 ST_OK);
	diag_clear(&dg);
	for (int i = 0; i < 3; i++) {
		err_clear(&e);
		assert_int_equal(store_open(&f->st[i], f->db, 0, names[i], &e),
				 ST_OK);
		/* Three people, three Unix accounts: the role is an account's. */
		assert_int_equal(store_testing_account(f->st[i], names[i]),
				 ST_OK);
		assert_int_equal(session_new(&f->s[i], &(struct session_opts){
			.store = f->st[i], .k = f->k }, &e), ST_OK);
	}
	assert_int_equal(session_workshop_create(f->s[ALICE], "Queue choice",
						 "devops", &r), ST_OK);
	f->ws = r.id;
	sess_result_clear(&r);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(session_open(f->s[i], f->ws, &e), ST_OK);
		session_publish(f->s[i], "tradeoffs", NULL, true);
	}
	/* The creator facilitates. */
	assert_true(session_claim_new(f->s[ALICE]));
	session_sync(f->s[ALICE]);
	add_approach(f->s[ALICE], "sqs", "Managed queue");
	add_approach(f->s[ALICE], "kafka", "Self-run Kafka");
	sync_all(f);
	/* Everyone has beaten by now: reopening reads who is here. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(session_open(f->s[i], f->ws, &e), ST_OK);
	assert_int_equal(session_others(f->s[ALICE])->n, 2);
	assert_true(session_is_facilitator(f->s[ALICE]));
	assert_false(session_is_facilitator(f->s[BOB]));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	for (int i = 0; i < 3; i++) {
		session_free(&f->s[i]);
		store_close(&f->st[i]);
	}
	knowledge_free(&f->k);
	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s%s", f->db, ext[i]);

		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

static void vote(struct fx *f, int who, const char *ak, const char *ck,
		 const char *score)
{
	struct sess_result r = { 0 };

	ok(session_vote_by_ids(f->s[who], ak, ck, score, &r), &r);
}

/* Values of the votes on a cell that a session's data holds, as text. */
static char *values(struct session *s, const char *ak, const char *ck)
{
	const struct workshop_data *d = session_data(s);
	struct buf b;
	char num[NUM_BUF];

	buf_init(&b);
	for (size_t i = 0; i < d->n_votes; i++) {
		const struct vote *v = &d->votes[i];

		if (!str_eq(v->approach, ak) || !str_eq(v->criterion, ck))
			continue;
		str_number(num, sizeof(num), v->value);
		buf_printf(&b, "%s%s=%s", b.len ? " " : "", v->participant, num);
	}
	return buf_detach(&b);
}

static void assert_values(struct session *s, const char *ak, const char *ck,
			  const char *want)
{
	char *got = values(s, ak, ck);

	assert_string_equal(got ? got : "", want);
	free(got);
}

static size_t crit(struct session *s, const char *key)
{
	int i = wsdata_criterion_index(session_data(s), key);

	assert_true(i >= 0);
	return (size_t)i;
}

static void test_blind_until_reveal(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct sess_room_cell *rc;
	const struct sess_cell *c;
	struct workshop_data *d = NULL;
	struct audit_entry *hist = NULL;
	size_t n_hist = 0, dx;
	struct strv voted = { 0 }, not_voted = { 0 };
	struct error e;

	/* Only the facilitator opens a round. */
	assert_true(session_round_open(f->s[BOB], ROUND_ALL, NULL, &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "only the facilitator (alice)"));
	sess_result_clear(&r);
	ok(session_round_command(f->s[ALICE], "open", &r), &r);
	sync_all(f);
	assert_int_equal(session_round_number(f->s[BOB]), 1);
	assert_non_null(session_round_current(f->s[CAROL]));

	vote(f, BOB, "sqs", "dx", "2");
	vote(f, CAROL, "sqs", "dx", "5");
	vote(f, ALICE, "sqs", "dx", "3");
	vote(f, BOB, "sqs", "cost", "4");
	sync_all(f);
	dx = crit(f->s[BOB], "dx");

	/* Each sees their own value only... */
	assert_values(f->s[ALICE], "sqs", "dx", "alice=3");
	assert_values(f->s[BOB], "sqs", "dx", "bob=2");
	assert_values(f->s[CAROL], "sqs", "dx", "carol=5");
	assert_values(f->s[ALICE], "sqs", "cost", "");
	/* ...and who voted. */
	rc = session_room_cell(f->s[ALICE], 0, dx);
	assert_non_null(rc);
	assert_true(rc->blind);
	assert_int_equal(rc->round, 1);
	assert_int_equal(rc->voted.n, 3);
	assert_true(rc->i_voted);
	assert_int_equal(session_cell_voters(f->s[ALICE], 0,
					     crit(f->s[ALICE], "cost"), &voted,
					     &not_voted), ST_OK);
	assert_int_equal(voted.n, 1);
	assert_string_equal(voted.v[0], "bob");
	assert_int_equal(not_voted.n, 2);   /* alice and carol are here */
	strv_free(&voted);
	strv_free(&not_voted);
	/* The round's own lists: values mine, ballots everyone's. */
	assert_int_equal(session_data(f->s[BOB])->rounds[0].n_votes, 2);
	assert_int_equal(session_data(f->s[BOB])->rounds[0].n_ballots, 4);
	assert_true(session_data(f->s[BOB])->rounds[0].masked);
	/* Derived results come from what is visible. */
	c = session_cell(f->s[CAROL], 0, dx);
	assert_int_equal(c->st.n, 1);
	assert_true(c->st.median == 5);
	assert_false(c->spread);
	assert_true(session_view(f->s[BOB])->scored);
	assert_true(session_view(f->s[BOB])->sc.cells[dx] == 2);
	assert_true(session_view(f->s[CAROL])->sc.cells[dx] == 5);
	/* The CLI's load keeps the rule too. */
	err_clear(&e);
	assert_int_equal(session_load_visible(f->s[ALICE], f->ws, &d, &e),
			 ST_OK);
	for (size_t i = 0; i < d->n_votes; i++)
		assert_string_equal(d->votes[i].participant, "alice");
	for (size_t i = 0; i < d->rounds[0].n_votes; i++)
		assert_string_equal(d->rounds[0].votes[i].participant, "alice");
	wsdata_free(&d);
	/* The history says bob voted, not what. */
	assert_int_equal(session_history(f->s[ALICE], 50, &hist, &n_hist, &e),
			 ST_OK);
	for (size_t i = 0; i < n_hist; i++) {
		if (!str_eq(hist[i].tbl, "vote") || str_eq(hist[i].who, "alice"))
			continue;
		assert_non_null(hist[i].new_value);
		assert_non_null(strstr(hist[i].new_value, "hidden"));
	}
	session_history_free(&hist, n_hist);
	/* Adopting a median now would adopt the one vote I see. */
	assert_true(session_adopt_median(f->s[ALICE], 0, dx, &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	sess_result_clear(&r);

	/* Only the facilitator reveals. */
	assert_true(session_round_reveal(f->s[CAROL], &r) < 0);
	sess_result_clear(&r);
	ok(session_round_command(f->s[ALICE], "reveal", &r), &r);
	sync_all(f);
	for (int i = 0; i < 3; i++) {
		assert_values(f->s[i], "sqs", "dx", "alice=3 bob=2 carol=5");
		assert_values(f->s[i], "sqs", "cost", "bob=4");
		c = session_cell(f->s[i], 0, dx);
		assert_int_equal(c->st.n, 3);
		assert_true(c->st.median == 3);
		assert_true(c->spread);
		assert_false(session_room_cell(f->s[i], 0, dx)->blind);
		assert_false(session_data(f->s[i])->rounds[0].masked);
	}
	assert_true(session_view(f->s[BOB])->sc.cells[dx] ==
		    session_view(f->s[CAROL])->sc.cells[dx]);
	assert_true(session_round_reveal(f->s[ALICE], &r) < 0);
	assert_non_null(strstr(r.msg, "no voting round is open"));
	sess_result_clear(&r);
}

static void test_round_two_on_spread(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct sess_room_cell *rc;
	const struct vote_round *r1;
	size_t dx, ops;

	/* Round 2 needs a revealed round 1 with a spread cell. */
	assert_true(session_round_open_spread(f->s[ALICE], &r) < 0);
	sess_result_clear(&r);
	ok(session_round_open(f->s[ALICE], ROUND_CRITERION, "dx", &r), &r);
	sync_all(f);
	/* A cell of another criterion is not in the round. */
	vote(f, BOB, "sqs", "ops", "4");
	vote(f, CAROL, "sqs", "ops", "3");
	vote(f, BOB, "sqs", "dx", "1");
	vote(f, CAROL, "sqs", "dx", "5");
	vote(f, BOB, "kafka", "dx", "4");
	vote(f, CAROL, "kafka", "dx", "4");
	sync_all(f);
	assert_values(f->s[ALICE], "sqs", "ops", "bob=4 carol=3");
	assert_values(f->s[ALICE], "sqs", "dx", "");
	assert_true(session_round_open(f->s[ALICE], ROUND_ALL, NULL, &r) < 0);
	assert_non_null(strstr(r.msg, "round 1 is still open"));
	sess_result_clear(&r);
	assert_true(session_round_open_spread(f->s[ALICE], &r) < 0);
	sess_result_clear(&r);
	ok(session_round_reveal(f->s[ALICE], &r), &r);
	sync_all(f);
	ok(session_round_command(f->s[ALICE], "open spread", &r), &r);
	sync_all(f);
	dx = crit(f->s[BOB], "dx");
	ops = crit(f->s[BOB], "ops");

	/* Only sqs/dx (1 and 5) is spread; kafka/dx (4, 4) stays in round 1. */
	rc = session_room_cell(f->s[BOB], 0, dx);
	assert_int_equal(rc->round, 2);
	assert_true(rc->blind);
	assert_int_equal(rc->voted.n, 0);
	assert_int_equal(rc->prev_round, 1);
	assert_true(rc->prev.median == 3);
	assert_true(rc->prev.min == 1 && rc->prev.max == 5);
	rc = session_room_cell(f->s[BOB], 1, dx);
	assert_int_equal(rc->round, 1);
	assert_false(rc->blind);
	assert_int_equal(session_room_cell(f->s[BOB], 0, ops)->round, 0);
	assert_values(f->s[BOB], "kafka", "dx", "bob=4 carol=4");
	/* Round 2 starts empty: round 1's votes are not its votes. */
	assert_values(f->s[BOB], "sqs", "dx", "");

	vote(f, BOB, "sqs", "dx", "3");
	vote(f, CAROL, "sqs", "dx", "4");
	sync_all(f);
	assert_values(f->s[CAROL], "sqs", "dx", "carol=4");
	assert_values(f->s[ALICE], "sqs", "dx", "");
	/* Round 1 keeps its votes, visible: it was revealed. */
	r1 = wsdata_round(session_data(f->s[ALICE]), 1);
	assert_non_null(r1);
	assert_int_equal(r1->n_votes, 4);
	{
		struct sess_round_progress p;

		assert_int_equal(session_round_progress(f->s[ALICE], &p), ST_OK);
		assert_int_equal(p.number, 2);
		assert_int_equal(p.n_cells, 1);
		assert_int_equal(p.n_done, 2);   /* bob and carol */
		assert_int_equal(p.names.n, 3);
		sess_round_progress_clear(&p);
	}
	ok(session_round_reveal(f->s[ALICE], &r), &r);
	sync_all(f);
	assert_values(f->s[ALICE], "sqs", "dx", "bob=3 carol=4");
	r1 = wsdata_round(session_data(f->s[ALICE]), 1);
	assert_int_equal(r1->n_votes, 4);
	assert_int_equal(wsdata_round(session_data(f->s[ALICE]), 2)->n_votes, 2);
	assert_int_equal(wsdata_round(session_data(f->s[ALICE]), 2)->follows, 1);
	assert_false(session_cell(f->s[ALICE], 0, dx)->spread);
}

static void test_vote_by_ids_errors(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };

	assert_true(session_vote_by_ids(f->s[BOB], "nope", "dx", "3", &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "no approach 'nope' (approaches: sqs, kafka)"));
	sess_result_clear(&r);
	assert_true(session_vote_by_ids(f->s[BOB], "sqs", "speed", "3", &r) < 0);
	assert_non_null(strstr(r.msg, "no criterion 'speed' (criteria: dx, "));
	sess_result_clear(&r);
	assert_true(session_vote_by_ids(f->s[BOB], "sqs", "dx", "six", &r) < 0);
	assert_non_null(strstr(r.msg, "'six' is not a score"));
	sess_result_clear(&r);
	assert_true(session_vote_by_ids(f->s[BOB], "sqs", "dx", "7", &r) < 0);
	assert_non_null(strstr(r.msg, "7 is outside the scale 1 to 5"));
	sess_result_clear(&r);
	ok(session_vote_by_ids(f->s[BOB], "sqs", "dx", "4,5", &r), &r);
	session_sync(f->s[BOB]);
	assert_values(f->s[BOB], "sqs", "dx", "bob=4.5");
	ok(session_vote_by_ids(f->s[BOB], "sqs", "dx", "-", &r), &r);
	session_sync(f->s[BOB]);
	assert_values(f->s[BOB], "sqs", "dx", "");
}

static void test_timer_parse(void **state)
{
	static const struct {
		const char *arg;
		enum sess_timer_verb verb;
		long seconds;
	} good[] = {
		{ "10m", SESS_TIMER_START, 600 },
		{ "1h15m", SESS_TIMER_START, 4500 },
		{ "1h 15m", SESS_TIMER_START, 4500 },
		{ "90s", SESS_TIMER_START, 90 },
		{ "25", SESS_TIMER_START, 1500 },
		{ "4:30", SESS_TIMER_START, 270 },
		{ "2 min", SESS_TIMER_START, 120 },
		{ "+5m", SESS_TIMER_EXTEND, 300 },
		{ "-2m", SESS_TIMER_EXTEND, -120 },
		{ " pause ", SESS_TIMER_PAUSE, 0 },
		{ "resume", SESS_TIMER_RESUME, 0 },
		{ "STOP", SESS_TIMER_STOP, 0 },
		{ "", SESS_TIMER_START, 0 },
		{ "start", SESS_TIMER_START, 0 },
	};
	static const char *const bad[] = {
		"10x", "m", "1m1h", "10m10m", "0m", "25h", "4:75", "+", "1h 2",
		"soon", "5 5",
	};
	struct sess_timer_cmd cmd;
	struct error e;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		err_clear(&e);
		if (session_timer_parse(good[i].arg, &cmd, &e) != ST_OK)
			fail_msg("'%s': %s", good[i].arg, e.msg);
		assert_int_equal(cmd.verb, good[i].verb);
		assert_int_equal(cmd.seconds, good[i].seconds);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		if (session_timer_parse(bad[i], &cmd, &e) != ST_INPUT)
			fail_msg("'%s' was taken", bad[i]);
		assert_true(e.msg[0] != '\0');
	}
	err_clear(&e);
	session_timer_parse("10x", &cmd, &e);
	assert_non_null(strstr(e.msg, "'10x' is not a duration"));
	session_timer_parse("soon", &cmd, &e);
	assert_non_null(strstr(e.msg, "'soon' is not a timer command"));
}

static char *text(struct session *s)
{
	static char buf[32];

	return session_timer_text(s, buf, sizeof(buf));
}

static void test_timer_and_spent(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	struct room_agenda ag;
	long left;

	/* Defaults from the template: the devops agenda. */
	assert_int_equal(session_agenda(f->s[BOB], &ag), ST_OK);
	assert_int_equal(ag.n, 8);
	assert_false(ag.defaults);   /* a new workshop stores its own */
	assert_int_equal(ag.planned_total, 150);
	assert_int_equal(ag.spent_total, 0);
	room_agenda_clear(&ag);

	assert_string_equal(text(f->s[BOB]), "");
	assert_false(session_timer_left(f->s[BOB], &left));
	assert_true(session_timer_command(f->s[BOB], STAGE_TRADEOFFS, "10m",
					  &r) < 0);
	assert_non_null(strstr(r.msg, "only the facilitator (alice) runs the timer"));
	sess_result_clear(&r);
	assert_true(session_timer_command(f->s[ALICE], STAGE_TRADEOFFS, "soon",
					  &r) < 0);
	assert_int_equal(r.status, SESS_REFUSED);
	sess_result_clear(&r);
	ok(session_timer_command(f->s[ALICE], STAGE_TRADEOFFS, "10m", &r), &r);
	sync_all(f);
	assert_string_equal(text(f->s[BOB]), "10:00");
	assert_int_equal(session_room_stage(f->s[CAROL]), STAGE_TRADEOFFS);
	at(T0 + 65);
	assert_string_equal(text(f->s[BOB]), "8:55");
	ok(session_timer_pause(f->s[ALICE], &r), &r);
	sync_all(f);
	at(T0 + 200);   /* paused: nothing moves */
	assert_string_equal(text(f->s[CAROL]), "8:55");
	assert_int_equal(session_timer(f->s[CAROL])->state, TIMER_PAUSED);
	assert_true(session_timer_pause(f->s[ALICE], &r) < 0);
	assert_non_null(strstr(r.msg, "not running"));
	sess_result_clear(&r);
	ok(session_timer_command(f->s[ALICE], STAGE_TRADEOFFS, "+5m", &r), &r);
	sync_all(f);
	assert_string_equal(text(f->s[BOB]), "13:55");
	ok(session_timer_command(f->s[ALICE], STAGE_TRADEOFFS, "resume", &r),
	   &r);
	sync_all(f);
	at(T0 + 200 + 835 + 7);   /* 7 s past the end */
	assert_true(session_timer_left(f->s[BOB], &left));
	assert_int_equal(left, -7);
	assert_string_equal(text(f->s[BOB]), "+0:07");
	/* Spent so far: 65 s before the pause, 842 s since the resume. */
	assert_int_equal(session_stage_spent(f->s[BOB], STAGE_TRADEOFFS),
			 65 + 842);
	/* Starting on another stage ends this one. */
	ok(session_timer_start(f->s[ALICE], STAGE_DECISION, 0, &r), &r);
	sync_all(f);
	assert_string_equal(text(f->s[BOB]), "20:00");   /* its timebox */
	at(T0 + 200 + 842 + 60);
	ok(session_timer_command(f->s[ALICE], STAGE_DECISION, "stop", &r), &r);
	sync_all(f);
	assert_string_equal(text(f->s[BOB]), "");
	assert_int_equal(session_agenda(f->s[BOB], &ag), ST_OK);
	for (size_t i = 0; i < ag.n; i++) {
		if (ag.rows[i].stage == STAGE_TRADEOFFS)
			assert_int_equal(ag.rows[i].spent, 907);
		else if (ag.rows[i].stage == STAGE_DECISION)
			assert_int_equal(ag.rows[i].spent, 60);
		else
			assert_int_equal(ag.rows[i].spent, 0);
	}
	assert_int_equal(ag.spent_total, 967);
	room_agenda_clear(&ag);
	assert_true(session_timer_stop(f->s[ALICE], &r) < 0);
	sess_result_clear(&r);
	assert_true(session_timer_start(f->s[ALICE], STAGE_DONE, 60, &r) < 0);
	sess_result_clear(&r);
	at(T0);
}

static void test_agenda_edits(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;

	assert_true(session_agenda_plan(f->s[BOB], STAGE_RISKS, 5, &r) < 0);
	sess_result_clear(&r);
	ok(session_agenda_plan(f->s[ALICE], STAGE_RISKS, 25, &r), &r);
	ok(session_agenda_move(f->s[ALICE], STAGE_RISKS, -1, &r), &r);
	ok(session_agenda_remove(f->s[ALICE], STAGE_METRICS, &r), &r);
	assert_true(session_agenda_plan(f->s[ALICE], STAGE_RISKS, 2000, &r) < 0);
	sess_result_clear(&r);
	sync_all(f);
	d = session_data(f->s[CAROL]);
	assert_int_equal(d->n_agenda, 7);
	assert_int_equal(d->agenda[4].stage, STAGE_RISKS);
	assert_int_equal(d->agenda[4].planned, 25);
	assert_int_equal(d->agenda[5].stage, STAGE_DECISION);
	assert_null(wsdata_agenda(d, STAGE_METRICS));
	/* Time spent keeps a stage on the agenda. */
	ok(session_timer_start(f->s[ALICE], STAGE_ROADMAP, 60, &r), &r);
	at(T0 + 30);
	ok(session_timer_stop(f->s[ALICE], &r), &r);
	assert_true(session_agenda_remove(f->s[ALICE], STAGE_ROADMAP, &r) < 0);
	assert_non_null(strstr(r.msg, "time was spent on it"));
	sess_result_clear(&r);
	at(T0);
}

static void test_ready(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	char buf[32];

	ok(session_timer_start(f->s[ALICE], STAGE_TRADEOFFS, 600, &r), &r);
	sync_all(f);
	assert_string_equal(session_ready_text(f->s[ALICE], buf, sizeof(buf)),
			    "0/3 ready");
	ok(session_ready_toggle(f->s[BOB], &r), &r);
	ok(session_ready_toggle(f->s[CAROL], &r), &r);
	sync_all(f);
	assert_true(session_ready_mine(f->s[BOB]));
	assert_false(session_ready_mine(f->s[ALICE]));
	assert_string_equal(session_ready_text(f->s[ALICE], buf, sizeof(buf)),
			    "2/3 ready");
	ok(session_ready_toggle(f->s[CAROL], &r), &r);
	sync_all(f);
	assert_string_equal(session_ready_text(f->s[BOB], buf, sizeof(buf)),
			    "1/3 ready");
	/* Ready marks are per stage. */
	ok(session_timer_start(f->s[ALICE], STAGE_DECISION, 600, &r), &r);
	sync_all(f);
	assert_string_equal(session_ready_text(f->s[BOB], buf, sizeof(buf)),
			    "0/3 ready");
	assert_true(session_ready_clear(f->s[BOB], &r) < 0);
	sess_result_clear(&r);
}

static void test_parking_and_wrapup(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	const struct park_item *p;
	struct risk rk = { .key = "", .description = "Broker outage",
			   .probability = 4, .impact = 4, .owner = "bob" };
	struct risk rk2 = { .key = "", .description = "Cost creep",
			    .probability = 2, .impact = 2 };
	struct decision dc = { .title = "Use a managed queue",
			       .status = ADR_ACCEPTED };
	struct wrapup w;
	int64_t a, b, version;

	assert_true(session_park_add(f->s[BOB], "  ", &r) < 0);
	sess_result_clear(&r);
	assert_true(session_park_add(f->s[BOB], "two\nlines", &r) < 0);
	sess_result_clear(&r);
	ok(session_park_add(f->s[BOB], "Who pays for the staging cluster?", &r),
	   &r);
	ok(session_park_add(f->s[CAROL], "Rename the team channel", &r), &r);
	sync_all(f);
	d = session_data(f->s[ALICE]);
	assert_int_equal(d->n_parking, 2);
	a = d->parking[0].id;
	b = d->parking[1].id;
	assert_string_equal(d->parking[0].added_by, "bob");
	version = d->parking[0].version;
	/* Carol edits; bob's edit from the old version conflicts. */
	ok(session_park_edit(f->s[CAROL], a, version,
			     "Who pays for staging?", NULL, &r), &r);
	assert_int_equal(session_park_edit(f->s[BOB], a, version,
					   "Who pays for the cluster?",
					   "park:1", &r), ST_CONFLICT);
	assert_string_equal(r.theirs, "Who pays for staging?");
	assert_true(r.draft_kept);
	sess_result_clear(&r);
	sync_all(f);
	ok(session_park_take(f->s[ALICE], a, &r), &r);
	ok(session_park_done(f->s[CAROL], b, &r), &r);
	sync_all(f);
	d = session_data(f->s[BOB]);
	p = wsdata_park(d, a);
	assert_int_equal(p->status, PARK_ROADMAP);
	assert_string_equal(p->next_step, "Who pays for staging?");
	assert_true(strv_contains(&d->next_steps, "Who pays for staging?"));
	assert_int_equal(wsdata_park(d, b)->status, PARK_DONE);
	ok(session_park_take(f->s[ALICE], a, &r), &r);   /* unchanged */
	ok(session_park_reopen(f->s[CAROL], b, &r), &r);
	sync_all(f);

	ok(session_add_risk(f->s[BOB], &rk, &r), &r);
	ok(session_add_risk(f->s[BOB], &rk2, &r), &r);
	ok(session_add_decision(f->s[ALICE], &dc, &r), &r);
	sync_all(f);
	assert_int_equal(session_wrapup(f->s[CAROL], &w), ST_OK);
	assert_int_equal(w.n_decided, 1);
	assert_string_equal(w.decided[0]->title, "Use a managed queue");
	assert_int_equal(w.n_parked, 1);
	assert_string_equal(w.parked[0]->text, "Rename the team channel");
	assert_true(w.n_questions > 10);   /* nothing answered */
	assert_int_equal(w.n_risks, 2);
	assert_string_equal(w.risks[0]->description, "Broker outage");
	assert_int_equal(w.n_without_owner, 1);
	assert_int_equal(w.next_steps->n, 1);
	assert_int_equal(w.agenda.planned_total, 150);
	wrapup_clear(&w);
}

/* A workshop older than agendas shows its template's timeboxes and takes
 * them as its own with the first countdown. */
static void test_agenda_defaults(void **state)
{
	struct fx *f = *state;
	struct workshop_data *d = NULL;
	struct sess_result r = { 0 };
	struct room_agenda ag;
	struct error e;
	int64_t old;

	err_clear(&e);
	assert_int_equal(session_load_visible(f->s[ALICE], f->ws, &d, &e),
			 ST_OK);
	/* The same workshop without an agenda, as an import makes it. */
	free(d->agenda);
	d->agenda = NULL;
	d->n_agenda = 0;
	free(d->ws.title);
	d->ws.title = str_dup("Older");
	assert_int_equal(session_workshop_import(f->s[ALICE], d, &r), ST_OK);
	wsdata_free(&d);
	old = r.id;
	sess_result_clear(&r);
	assert_int_equal(session_open(f->s[ALICE], old, &e), ST_OK);
	/* Its importer takes the role it has no holder for. */
	assert_true(session_claim_new(f->s[ALICE]));
	assert_int_equal(session_agenda(f->s[ALICE], &ag), ST_OK);
	assert_true(ag.defaults);
	assert_int_equal(ag.n, 8);
	assert_int_equal(ag.planned_total, 150);
	room_agenda_clear(&ag);
	ok(session_timer_start(f->s[ALICE], STAGE_FINDINGS, 0, &r), &r);
	session_sync(f->s[ALICE]);
	assert_string_equal(text(f->s[ALICE]), "10:00");
	assert_int_equal(session_data(f->s[ALICE])->n_agenda, 8);
	assert_int_equal(session_agenda(f->s[ALICE], &ag), ST_OK);
	assert_false(ag.defaults);
	room_agenda_clear(&ag);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_blind_until_reveal, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_round_two_on_spread, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_vote_by_ids_errors, setup,
						teardown),
		cmocka_unit_test(test_timer_parse),
		cmocka_unit_test_setup_teardown(test_timer_and_spent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_agenda_edits, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ready, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parking_and_wrapup, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_agenda_defaults, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

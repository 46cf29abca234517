/*
 * Unit tests of the session's shared-box calls, without a terminal: two
 * participants (two accounts, alice and bob) on one database.  The trash
 * (who may delete, restore, purge); conflicts per field on edits that
 * name no starting value (a key, a picker), on a score against its
 * rationale and on an answer against its note; what the others are
 * editing, a row deleted under an edit offered back as a new row; follow
 * mode waiting while the follower is busy.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content/content.h"
#include "session/session.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/str.h"

struct fx {
	char dir[64];
	char *db;
	struct knowledge *k;
	struct store *st_a, *st_b;
	struct session *a, *b;
	int64_t ws;
};

static struct session *open_as(struct fx *f, struct store **st,
			       const char *who)
{
	struct session *s = NULL;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_open(st, f->db, 0, who, &e), ST_OK);
	/* One account per participant, whoever runs the test. */
	assert_int_equal(store_testing_account(*st, who), ST_OK);
	assert_int_equal(session_new(&s, &(struct session_opts){
		.store = *st, .k = f->k }, &e), ST_OK);
	return s;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct sess_result r = { 0 };
	struct diag dg = { 0 };
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-share-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	assert_int_equal(content_load(&f->k, TOP_SRCDIR "/data", NULL, 0, &dg),
			 ST_OK);
	diag_clear(&dg);
	f->a = open_as(f, &f->st_a, "alice");
	f->b = open_as(f, &f->st_b, "bob");
	assert_int_equal(session_workshop_create(f->a, "Queue choice", "devops",
						 &r), ST_OK);
	f->ws = r.id;
	sess_result_clear(&r);
	err_clear(&e);
	assert_int_equal(session_open(f->a, f->ws, &e), ST_OK);
	assert_int_equal(session_open(f->b, f->ws, &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	session_free(&f->a);
	session_free(&f->b);
	store_close(&f->st_a);
	store_close(&f->st_b);
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

static int64_t add_risk(struct session *s, const char *what)
{
	struct risk rk = { .key = "", .description = (char *)what,
			   .probability = 3, .impact = 4 };
	struct sess_result r = { 0 };
	int64_t id;

	assert_int_equal(session_add_risk(s, &rk, &r), ST_OK);
	id = r.id;
	sess_result_clear(&r);
	session_sync(s);
	return id;
}

static const struct risk *risk_of(struct session *s, int64_t id)
{
	const struct workshop_data *d = session_data(s);

	for (size_t i = 0; d && i < d->n_risks; i++)
		if (d->risks[i].id == id)
			return &d->risks[i];
	return NULL;
}

/* ---- the trash ------------------------------------------------------------ */
static void test_trash(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	struct sess_trashed *bin = NULL;
	struct error e;
	size_t n = 0;

	/* Bob neither created nor facilitates it: he is told who may. */
	assert_int_equal(session_workshop_may_delete(f->b, f->ws, &r),
			 ST_DENIED);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_non_null(strstr(r.msg, "only alice (its creator) may delete it; you are bob"));
	assert_int_equal(session_workshop_delete(f->b, f->ws, &r), ST_DENIED);
	assert_int_equal(r.status, SESS_REFUSED);
	/* Alice may; it goes to the trash, with who and when. */
	assert_int_equal(session_workshop_may_delete(f->a, f->ws, &r), ST_OK);
	assert_int_equal(session_workshop_delete(f->a, f->ws, &r), ST_OK);
	err_clear(&e);
	assert_int_equal(session_trash_list(f->b, &bin, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(bin[0].id, f->ws);
	assert_string_equal(bin[0].title, "Queue choice");
	assert_string_equal(bin[0].deleted_by, "alice");
	assert_int_equal(bin[0].deleted, 1700000000);
	assert_false(bin[0].may_purge);
	assert_non_null(strstr(bin[0].refusal, "only alice (its creator) may purge it; you are bob"));
	session_trash_list_free(&bin, n);
	/* Bob may not purge it, but may bring it back. */
	assert_int_equal(session_trash_purge(f->b, f->ws, &r), ST_DENIED);
	assert_int_equal(session_trash_restore(f->b, f->ws, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	assert_int_equal(session_trash_list(f->a, &bin, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	session_trash_list_free(&bin, n);
	/* Deleted again, alice purges it for good. */
	assert_int_equal(session_workshop_delete(f->a, f->ws, &r), ST_OK);
	assert_int_equal(session_trash_purge(f->a, f->ws, &r), ST_OK);
	assert_int_equal(session_trash_restore(f->a, f->ws, &r), ST_NOTFOUND);
	assert_int_equal(session_trash_list(f->a, &bin, &n, &e), ST_OK);
	assert_int_equal(n, 0);
	session_trash_list_free(&bin, n);
	sess_result_clear(&r);
}

/* ---- conflicts per field --------------------------------------------------- */
/* A key or a picker names no starting value: its edit started from the
 * data loaded now, and only a change of its own field since is a
 * conflict. */
static void test_field_without_base(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	int64_t id = add_risk(f->a, "Broker outage"), va;

	session_poll(f->b);
	va = risk_of(f->a, id)->version;
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "risk", .field = "owner", .id = id,
		.version = risk_of(f->b, id)->version, .base = "",
		.value = "bob" }, &r), ST_OK);
	/* Alice has not reloaded: her status change, from what she has,
	 * is not about the owner. */
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "risk", .field = "status", .id = id, .version = va,
		.value = "mitigating" }, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Her owner change from the same data is a conflict. */
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "risk", .field = "owner", .id = id, .version = va,
		.value = "alice" }, &r), ST_CONFLICT);
	assert_string_equal(r.theirs, "bob");
	sess_result_clear(&r);
	session_sync(f->a);
	assert_string_equal(risk_of(f->a, id)->owner, "bob");
	assert_int_equal((int)risk_of(f->a, id)->status, (int)RISK_MITIGATING);
	/* The workshop's own row too: bob renames it, alice's key switches
	 * the weighting from what she has. */
	session_poll(f->b);
	va = session_data(f->a)->ws.version;
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "workshop", .field = "title", .id = f->ws,
		.version = session_data(f->b)->ws.version,
		.base = "Queue choice", .value = "Queues" }, &r), ST_OK);
	assert_int_equal(session_set_field(f->a, &(struct sess_edit){
		.table = "workshop", .field = "weighting", .id = f->ws,
		.version = va, .value = "ahp" }, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	session_sync(f->a);
	assert_string_equal(session_data(f->a)->ws.title, "Queues");
	assert_int_equal((int)session_data(f->a)->ws.weighting,
			 (int)WEIGHTING_AHP);
	sess_result_clear(&r);
}

static void add_approach(struct session *s, const char *name)
{
	struct approach ap = { .key = "", .name = (char *)name };
	struct sess_result r = { 0 };

	assert_int_equal(session_add_approach(s, &ap, &r), ST_OK);
	sess_result_clear(&r);
	session_sync(s);
}

/* A rationale saved meanwhile makes no score conflict, nor a score a
 * rationale conflict. */
static void test_score_and_rationale(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	const struct workshop_data *d;
	const struct sess_cell *c;
	char *ak, *ck;
	double three = 3, four = 4, two = 2, five = 5;
	int64_t v, va;

	add_approach(f->a, "Managed queue");
	d = session_data(f->a);
	ak = str_dup(d->approaches[0].key);
	ck = str_dup(d->criteria[0].key);
	assert_int_equal(session_set_score(f->a, ak, ck, &three, 0, &r), ST_OK);
	session_sync(f->a);
	session_poll(f->b);
	c = session_cell(f->a, 0, 0);
	v = va = c->score->version;
	/* Bob writes a rationale; alice, not reloaded, scores the cell. */
	assert_int_equal(session_set_rationale(f->b, ak, ck, "Managed",
			 session_cell(f->b, 0, 0)->score->version, NULL, &r),
			 ST_OK);
	assert_int_equal(session_set_score(f->a, ak, ck, &four, v, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Bob, not reloaded, changes his rationale again. */
	assert_int_equal(session_sync(f->b), SP_DATA);
	v = session_cell(f->b, 0, 0)->score->version;
	assert_int_equal(session_set_rationale(f->b, ak, ck, "Managed, cheap",
					       v, NULL, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* His score from the cell as he has it (4) is no conflict either. */
	assert_int_equal(session_set_score(f->b, ak, ck, &two, v, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Alice's from the cell as she loaded it (3) is one: the score
	 * changed since. */
	assert_int_equal(session_set_score(f->a, ak, ck, &five, va, &r),
			 ST_CONFLICT);
	assert_string_equal(r.theirs, "2");
	assert_string_equal(r.who, "bob");
	sess_result_clear(&r);
	session_sync(f->a);
	c = session_cell(f->a, 0, 0);
	assert_true(c->score->value == 2);
	assert_string_equal(c->score->rationale, "Managed, cheap");
	free(ak);
	free(ck);
}

/* An answer's note saved meanwhile makes no answer conflict. */
static void test_answer_and_note(void **state)
{
	struct fx *f = *state;
	struct value v1 = { .kind = VAL_TEXT, .text = "Kafka" };
	struct value v2 = { .kind = VAL_TEXT, .text = "NATS" };
	struct sess_result r = { 0 };
	const struct answer *an;
	const char *q = f->k->questions[0].id;
	int64_t ver;

	assert_int_equal(session_set_answer(f->a, q, &v1, 0, NULL, &r), ST_OK);
	session_sync(f->a);
	session_poll(f->b);
	an = wsdata_answer(session_data(f->a), q);
	ver = an->version;
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "answer", .field = "note", .id = an->id,
		.version = ver, .base = "", .value = "ask ops" }, &r), ST_OK);
	/* Alice's editor started from "Kafka"; her data reloads meanwhile. */
	session_poll(f->a);
	assert_int_equal(session_set_answer_from(f->a, q, "Kafka", &v2, ver,
						 NULL, &r), ST_OK);
	assert_int_equal(r.status, SESS_SAVED);
	/* Bob's answer from his old "Kafka" is a conflict: it changed. */
	assert_int_equal(session_set_answer_from(f->b, q, "Kafka", &v1, ver,
						 NULL, &r), ST_CONFLICT);
	sess_result_clear(&r);
	session_sync(f->a);
	an = wsdata_answer(session_data(f->a), q);
	assert_string_equal(an->value.text, "NATS");
	assert_string_equal(an->note, "ask ops");
}

/* ---- what the others edit; a row deleted under an edit ----------------------- */
static void test_editing_and_orphan(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	int64_t id = add_risk(f->a, "Broker outage"), nid, v;
	char where[64], *field = NULL, *who;

	session_poll(f->b);
	v = risk_of(f->b, id)->version;
	snprintf(where, sizeof(where), "risk:%lld:mitigation", (long long)id);
	/* Bob's editor is on the mitigation: alice sees it, he does not see
	 * himself. */
	session_publish(f->b, "risks", "r:R1", true);
	session_publish_editing(f->b, where);
	who = session_editing_row(f->a, "risk", id, &field);
	assert_string_equal(who, "bob");
	assert_string_equal(field, "mitigation");
	free(who);
	free(field);
	assert_null(session_editing_row(f->b, "risk", id, &field));
	assert_null(session_editing_row(f->a, "risk", id + 1, &field));
	/* Alice deletes it anyway; bob's data reloads under his editor. */
	session_publish(f->a, "risks", "r:R1", true);
	assert_int_equal(session_delete_risk(f->a, id, risk_of(f->a, id)->version,
					     &r), ST_OK);
	assert_true(session_poll(f->b) & SP_DATA);
	assert_null(risk_of(f->b, id));
	assert_true(session_orphan(f->b, "risk", id));
	/* His save says who deleted it; his text becomes a new risk. */
	assert_int_equal(session_set_field(f->b, &(struct sess_edit){
		.table = "risk", .field = "mitigation", .id = id, .version = v,
		.base = "", .value = "Two brokers", .where = where }, &r),
		ST_NOTFOUND);
	assert_int_equal(r.status, SESS_REFUSED);
	assert_true(r.gone);
	assert_string_equal(r.who, "alice");
	assert_int_equal(session_orphan_add(f->b, "Two brokers", &r), ST_OK);
	nid = r.id;
	assert_false(session_orphan(f->b, "risk", id));
	session_sync(f->b);
	assert_string_equal(risk_of(f->b, nid)->description, "Broker outage");
	assert_string_equal(risk_of(f->b, nid)->mitigation, "Two brokers");
	/* A risk key is the next free one: R1 is free again. */
	assert_string_equal(risk_of(f->b, nid)->key, "R1");
	assert_int_equal(risk_of(f->b, nid)->impact, 4);
	/* His editor closed; one undo takes the new risk back whole. */
	session_publish_editing(f->b, NULL);
	assert_int_equal(session_undo(f->b, &r), ST_OK);
	session_sync(f->b);
	assert_null(risk_of(f->b, nid));
	/* Nothing to add back any more. */
	assert_int_equal(session_orphan_add(f->b, "x", &r), ST_INPUT);
	assert_null(session_editing_row(f->a, "risk", id, &field));
	sess_result_clear(&r);
}

/* ---- what the others edit, in words (:who) ---------------------------------- */
static void test_editing_words(void **state)
{
	struct fx *f = *state;
	struct sess_presence *ps = NULL;
	int64_t id = add_risk(f->a, "Broker outage");
	char where[64], *w;
	size_t n = 0;
	bool seen = false;
	struct error e;

	session_poll(f->b);
	snprintf(where, sizeof(where), "risk:%lld:mitigation", (long long)id);
	w = session_editing_words(f->a, where);
	assert_string_equal(w, "R1 · mitigation");
	free(w);
	snprintf(where, sizeof(where), "risk:%lld:target_3m", (long long)id);
	w = session_editing_words(f->a, where);
	assert_string_equal(w, "R1 · target 3m");
	free(w);
	add_approach(f->a, "Kafka");
	snprintf(where, sizeof(where), "approach:%lld:summary",
		 (long long)session_data(f->a)->approaches[0].id);
	w = session_editing_words(f->a, where);
	assert_string_equal(w, "“Kafka” · summary");
	free(w);
	w = session_editing_words(f->a, "answer:deploy_freq");
	assert_string_equal(w, "the answer to deploy_freq");
	free(w);
	/* A row not loaded, or a key this version does not know. */
	snprintf(where, sizeof(where), "risk:%lld:mitigation",
		 (long long)id + 99);
	w = session_editing_words(f->a, where);
	assert_string_equal(w, "something");
	free(w);
	w = session_editing_words(f->a, "risk:");
	assert_string_equal(w, "something");
	free(w);
	assert_null(session_editing_words(f->a, NULL));
	assert_null(session_editing_words(f->a, ""));

	/* Bob's open editor reaches alice's presence list in those words. */
	snprintf(where, sizeof(where), "risk:%lld:mitigation", (long long)id);
	session_publish(f->b, "risks", "r:R1", true);
	session_publish_editing(f->b, where);
	session_publish(f->a, "risks", "r:R1", true);
	err_clear(&e);
	assert_int_equal(session_presence(f->a, &ps, &n, &e), ST_OK);
	for (size_t i = 0; i < n; i++) {
		if (str_eq(ps[i].who, "bob")) {
			assert_string_equal(ps[i].editing, "R1 · mitigation");
			seen = true;
		} else {
			assert_null(ps[i].editing);
		}
	}
	assert_true(seen);
	session_presence_free(&ps, n);
	session_publish_editing(f->b, NULL);
}

/* ---- follow mode while busy ------------------------------------------------- */
static void test_follow_waiting(void **state)
{
	struct fx *f = *state;
	struct sess_result r = { 0 };
	char *screen = NULL, *sel = NULL;

	assert_int_equal(session_take_role(f->a, &r), ST_OK);
	session_publish(f->a, "interview", "q:deploy_frequency", true);
	session_poll(f->b);
	assert_int_equal(session_follow_start(f->b, &r), ST_OK);
	assert_true(session_follow_next(f->b, &screen, &sel));
	free(screen);
	free(sel);
	/* She moves while his editor is open: he is told once. */
	session_publish(f->a, "risks", "r:R1", true);
	assert_true(session_follow_waiting(f->b, &screen));
	assert_string_equal(screen, "risks");
	free(screen);
	assert_false(session_follow_waiting(f->b, &screen));
	assert_null(screen);
	/* Free again, he gets the move, which he was told of. */
	assert_true(session_follow_next(f->b, &screen, &sel));
	assert_string_equal(screen, "risks");
	assert_string_equal(sel, "r:R1");
	assert_true(session_follow_told(f->b, screen, sel));
	free(screen);
	free(sel);
	assert_false(session_follow_waiting(f->b, &screen));
	sess_result_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_trash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_field_without_base, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_score_and_rationale, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_answer_and_note, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_editing_and_orphan, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_editing_words, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_follow_waiting, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

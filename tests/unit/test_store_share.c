/*
 * Unit tests of store_share: the content stamp moves with edits and not
 * with heartbeats or drafts, the facilitator's position (by plain name and
 * by "name (via account)", and not when stale or in another workshop), the
 * creator of a workshop, and an answer's current text.
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

#include "model/model.h"
#include "store/store.h"
#include "store/store_share.h"
#include "util/str.h"

struct fx {
	char dir[64];
	char *db;
	struct store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct error e;

	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "/tmp/charrette-share-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = str_printf("%s/t.db", f->dir);
	assert_non_null(f->db);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	err_clear(&e);
	assert_int_equal(store_open(&f->s, f->db, 0, "alice", &e), ST_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	static const char *const ext[] = { "", "-wal", "-shm" };

	store_close(&f->s);
	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s%s", f->db, ext[i]);

		if (p)
			unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

static struct store *open_as(struct fx *f, const char *who)
{
	struct store *s = NULL;
	struct error e;

	err_clear(&e);
	assert_int_equal(store_open(&s, f->db, 0, who, &e), ST_OK);
	return s;
}

static void test_stamp_moves_with_edits_only(void **state)
{
	struct fx *f = *state;
	struct error e;
	int64_t s0, s1, s2, ws, v;
	char *title = NULL;

	err_clear(&e);
	assert_int_equal(store_share_stamp(f->s, &s0, &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Stamp", NULL, &ws, &e), ST_OK);
	assert_int_equal(store_share_stamp(f->s, &s1, &e), ST_OK);
	assert_true(s1 > s0);
	/* Heartbeats and drafts are not edits. */
	assert_int_equal(store_presence_beat(f->s, ws, "interview", "#3", &e), ST_OK);
	assert_int_equal(store_draft_save(f->s, ws, "answer:q", "x", &e), ST_OK);
	assert_int_equal(store_share_stamp(f->s, &s2, &e), ST_OK);
	assert_int_equal(s2, s1);
	assert_int_equal(store_get_field(f->s, "workshop", ws, "title", &title,
					 &v, &e), ST_OK);
	free(title);
	assert_int_equal(store_update(f->s, "workshop", ws, "title", "Stamp 2",
				      v, NULL, &e), ST_OK);
	assert_int_equal(store_share_stamp(f->s, &s2, &e), ST_OK);
	assert_true(s2 > s1);
}

static void test_position_by_name_and_via(void **state)
{
	struct fx *f = *state;
	struct store *maya = open_as(f, "maya (via root)");
	struct store *mayan = open_as(f, "mayan");
	struct share_pos p;
	struct error e;
	int64_t ws, other;

	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "Pos", NULL, &ws, &e), ST_OK);
	assert_int_equal(store_workshop_create(f->s, "Other", NULL, &other, &e), ST_OK);
	assert_int_equal(store_share_position(f->s, ws, "maya", 15, &p, &e),
			 ST_NOTFOUND);
	/* "mayan" is not "maya", and a beat elsewhere does not count. */
	assert_int_equal(store_presence_beat(mayan, ws, "risks", "#1", &e), ST_OK);
	assert_int_equal(store_presence_beat(maya, other, "metrics", NULL, &e), ST_OK);
	assert_int_equal(store_share_position(f->s, ws, "maya", 15, &p, &e),
			 ST_NOTFOUND);
	assert_int_equal(store_presence_beat(maya, ws, "interview", "#7", &e), ST_OK);
	assert_int_equal(store_share_position(f->s, ws, "maya", 15, &p, &e), ST_OK);
	assert_string_equal(p.who, "maya (via root)");
	assert_string_equal(p.screen, "interview");
	assert_string_equal(p.selection, "#7");
	assert_int_equal(p.last_seen, 1700000000);
	share_pos_clear(&p);
	/* The exact recorded name works too. */
	assert_int_equal(store_share_position(f->s, ws, "maya (via root)", 15,
					      &p, &e), ST_OK);
	share_pos_clear(&p);
	/* Twenty seconds later the heartbeat is stale. */
	setenv("CHARRETTE_NOW", "1700000020", 1);
	assert_int_equal(store_share_position(f->s, ws, "maya", 15, &p, &e),
			 ST_NOTFOUND);
	assert_null(p.screen);
	setenv("CHARRETTE_NOW", "1700000000", 1);
	store_close(&maya);
	store_close(&mayan);
}

static void test_same_person(void **state)
{
	(void)state;
	assert_true(share_same_person("maya", "maya"));
	assert_true(share_same_person("maya (via root)", "maya"));
	assert_false(share_same_person("mayan", "maya"));
	assert_false(share_same_person("maya (via root)", ""));
	assert_false(share_same_person(NULL, "maya"));
	assert_false(share_same_person("maya", NULL));
}

static void test_creator(void **state)
{
	struct fx *f = *state;
	struct store *bob = open_as(f, "bob");
	struct error e;
	int64_t ws;
	char *who = NULL;

	err_clear(&e);
	assert_int_equal(store_workshop_create(bob, "Bob's", NULL, &ws, &e), ST_OK);
	/* alice edits it afterwards: bob is still the creator. */
	assert_int_equal(store_update(f->s, "workshop", ws, "title", "Renamed",
				      1, NULL, &e), ST_OK);
	assert_int_equal(store_share_creator(f->s, ws, &who, &e), ST_OK);
	assert_non_null(who);
	assert_string_equal(who, "bob");
	free(who);
	assert_int_equal(store_share_creator(f->s, 999, &who, &e), ST_OK);
	assert_null(who);
	store_close(&bob);
}

static void test_answer_text(void **state)
{
	struct fx *f = *state;
	struct value v = { .kind = VAL_TEXT, .text = (char *)"GitHub" };
	struct value l = { .kind = VAL_LIST };
	struct value n = { .kind = VAL_NUMBER, .number = 2.5 };
	struct error e;
	int64_t ws, ver, nv;
	char *t = NULL;

	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "Ans", NULL, &ws, &e), ST_OK);
	assert_int_equal(store_share_answer(f->s, ws, "q", &t, &ver, &e), ST_OK);
	assert_null(t);
	assert_int_equal(ver, 0);
	assert_int_equal(store_answer_set(f->s, ws, "q", &v, 0, &nv, &e), ST_OK);
	assert_int_equal(store_share_answer(f->s, ws, "q", &t, &ver, &e), ST_OK);
	assert_string_equal(t, "GitHub");
	assert_int_equal(ver, nv);
	free(t);
	assert_int_equal(store_answer_set(f->s, ws, "n", &n, 0, NULL, &e), ST_OK);
	assert_int_equal(store_share_answer(f->s, ws, "n", &t, &ver, &e), ST_OK);
	assert_string_equal(t, "2.5");
	free(t);
	assert_int_equal(strv_push(&l.list, "aws"), 0);
	assert_int_equal(strv_push(&l.list, "gcp"), 0);
	assert_int_equal(store_answer_set(f->s, ws, "l", &l, 0, NULL, &e), ST_OK);
	assert_int_equal(store_share_answer(f->s, ws, "l", &t, &ver, &e), ST_OK);
	/* The same text as the audit row's new value. */
	assert_string_equal(t, "aws, gcp");
	free(t);
	strv_free(&l.list);
	{
		struct audit_entry *au = NULL;
		size_t na = 0;

		assert_int_equal(store_audit_list(f->s, ws, NULL, 1, &au, &na,
						  &e), ST_OK);
		assert_int_equal(na, 1);
		assert_string_equal(au[0].new_value, "aws, gcp");
		store_audit_list_free(&au, na);
	}
}

static void test_readonly_reads(void **state)
{
	struct fx *f = *state;
	struct store *ro = NULL;
	struct share_pos p;
	struct error e;
	int64_t ws, stamp;

	err_clear(&e);
	assert_int_equal(store_workshop_create(f->s, "RO", NULL, &ws, &e), ST_OK);
	assert_int_equal(store_presence_beat(f->s, ws, "risks", "#2", &e), ST_OK);
	assert_int_equal(store_open(&ro, f->db, STORE_READONLY, "obs", &e), ST_OK);
	assert_int_equal(store_share_stamp(ro, &stamp, &e), ST_OK);
	assert_true(stamp > 0);
	assert_int_equal(store_share_position(ro, ws, "alice", 15, &p, &e), ST_OK);
	assert_string_equal(p.screen, "risks");
	share_pos_clear(&p);
	store_close(&ro);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stamp_moves_with_edits_only,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_position_by_name_and_via,
						setup, teardown),
		cmocka_unit_test(test_same_person),
		cmocka_unit_test_setup_teardown(test_creator, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_reads, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

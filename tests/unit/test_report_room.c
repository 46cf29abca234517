#include "config.h"
/*
 * Golden tests of the report's room sections (export/report_room.c): the
 * agenda with planned and spent per stage and the totals (a countdown
 * running when the report is written counts so far), the parking lot with
 * what became of each item, and the wrap-up; a workshop with none of it;
 * a workshop without an agenda, which shows its template's timeboxes.
 * The golden files under tests/golden/room/ are whole Markdown documents
 * (markdownlint.sh lints them); UPDATE_GOLDEN=1 rewrites them.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content/content.h"
#include "export/md.h"
#include "export/report_room.h"
#include "model/model.h"
#include "util/error.h"
#include "util/path.h"
#include "util/str.h"

#define NOW 1795694400   /* 2026-11-26 12:00 UTC */

static char *xdup(const char *s)
{
	char *d = str_dup(s);

	assert_non_null(d);
	return d;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

static void golden(const char *name, const char *text)
{
	char *rel = str_printf("tests/golden/room/%s", name);
	char *path = path_join(TOP_SRCDIR, rel);
	char *want;

	assert_non_null(path);
	if (getenv("UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");

		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	want = slurp(path);
	if (!want)
		fail_msg("cannot read %s (UPDATE_GOLDEN=1 writes it)", path);
	if (strcmp(want, text) != 0) {
		fprintf(stderr, "---- %s differs; got:\n%s----\n", rel, text);
		fail_msg("%s differs from its golden file", rel);
	}
	free(want);
	free(path);
	free(rel);
}

static char *render(const struct workshop_data *d, const struct knowledge *k,
		    const struct template_def *t)
{
	struct buf b;

	buf_init(&b);
	md_heading(&b, 1, "Running the room");
	assert_int_equal(report_agenda(&b, d, t, NOW, 2), ST_OK);
	assert_int_equal(report_parking(&b, d, 2, X_NAMES_RECORDED), ST_OK);
	assert_int_equal(report_wrapup(&b, d, k, t, NOW, 2, X_NAMES_RECORDED),
			 ST_OK);
	md_end(&b);
	assert_false(b.oom);
	return buf_detach(&b);
}

static struct knowledge *content(void)
{
	struct knowledge *k = NULL;
	struct diag dg = { 0 };

	assert_int_equal(content_load(&k, TOP_SRCDIR "/data", NULL, 0, &dg),
			 ST_OK);
	diag_clear(&dg);
	return k;
}

static void add_stage(struct workshop_data *d, enum stage st, int planned,
		      int64_t spent)
{
	struct agenda_item *a = wsdata_add_agenda(d);

	assert_non_null(a);
	a->stage = st;
	a->pos = (int)d->n_agenda - 1;
	a->planned = planned;
	a->spent = spent;
}

static struct workshop_data *room(void)
{
	struct workshop_data *d = wsdata_new();
	struct value team = { .kind = VAL_NUMBER, .number = 12 };
	struct answer *an;
	struct decision *dc;
	struct risk *rk;
	struct park_item *p;

	assert_non_null(d);
	d->ws.title = xdup("Queue choice");
	d->ws.template_name = xdup("devops");
	add_stage(d, STAGE_INTERVIEW, 30, 41 * 60 + 20);   /* 41 min */
	add_stage(d, STAGE_APPROACHES, 25, 19 * 60 + 50);  /* 20 min */
	add_stage(d, STAGE_TRADEOFFS, 45, 30 * 60);        /* + running */
	add_stage(d, STAGE_ROADMAP, 10, 0);
	add_stage(d, STAGE_RISKS, 0, 7 * 60);              /* no timebox */
	/* Running on Trade-offs for 12 minutes more. */
	d->timer.set = true;
	d->timer.stage = STAGE_TRADEOFFS;
	d->timer.state = TIMER_RUNNING;
	d->timer.started_at = NOW - 12 * 60;
	d->timer.ends_at = NOW + 3 * 60;
	d->timer.duration = 15 * 60;
	an = wsdata_add_answer(d);
	an->question = xdup("team_size");
	assert_int_equal(value_copy(&an->value, &team), ST_OK);
	dc = wsdata_add_decision(d);
	dc->number = 2;
	dc->title = xdup("Run Kafka ourselves");
	dc->status = ADR_SUPERSEDED;
	dc->superseded_by = 3;
	dc = wsdata_add_decision(d);
	dc->number = 3;
	dc->title = xdup("Use a managed queue | not *Kafka*");
	dc->status = ADR_ACCEPTED;
	rk = wsdata_add_risk(d);
	rk->id = 1;
	rk->key = xdup("R1");
	rk->description = xdup("Vendor lock-in on the queue API");
	rk->probability = 3;
	rk->impact = 4;
	rk->owner = xdup("bob");
	rk = wsdata_add_risk(d);
	rk->id = 2;
	rk->key = xdup("R2");
	rk->description = xdup("Cost creep");
	rk->probability = 4;
	rk->impact = 4;
	rk->status = RISK_MITIGATING;
	rk = wsdata_add_risk(d);
	rk->id = 3;
	rk->key = xdup("R3");
	rk->description = xdup("Closed already");
	rk->probability = 5;
	rk->impact = 5;
	rk->status = RISK_CLOSED;
	assert_int_equal(strv_push(&d->next_steps, "Who pays for staging?"), 0);
	p = wsdata_add_park(d);
	p->text = xdup("Who pays for staging?");
	p->added_by = xdup("bob");
	p->status = PARK_ROADMAP;
	p->next_step = xdup("Who pays for staging?");
	p = wsdata_add_park(d);
	p->text = xdup("Rename the *team* channel");
	p->added_by = xdup("carol (via ops)");
	p->status = PARK_DONE;
	p = wsdata_add_park(d);
	p->text = xdup("Is PCI DSS in scope for refunds?");
	p->added_by = xdup("alice");
	return d;
}

static void test_room_sections(void **state)
{
	struct knowledge *k = content();
	struct workshop_data *d = room();
	char *text;

	(void)state;
	text = render(d, k, knowledge_template(k, "devops"));
	golden("room.md", text);
	/* The figures a reader looks for, whatever the golden says. */
	assert_non_null(strstr(text, "| Trade-offs (running) | 45 min | 42 min | -3 min |"));
	assert_non_null(strstr(text, "| Interview | 30 min | 41 min | +11 min |"));
	assert_non_null(strstr(text, "| Risks | no timebox | 7 min | – |"));
	assert_non_null(strstr(text, "| **Total** | **1 h 50 min** | **1 h 50 min** | **on time** |"));
	/* People as the rest of the report names them: "carol (via ops)"
	 * is carol. */
	assert_non_null(strstr(text, "| Rename the \\*team\\* channel | carol | Done |"));
	assert_null(strstr(text, "(via"));
	free(text);
	wsdata_free(&d);
	knowledge_free(&k);
}

static void test_nothing_yet(void **state)
{
	struct workshop_data *d = wsdata_new();
	char *text;

	(void)state;
	d->ws.title = xdup("Empty");
	text = render(d, NULL, NULL);
	golden("empty.md", text);
	free(text);
	wsdata_free(&d);
}

/* No agenda of its own: the template's timeboxes, nothing spent. */
static void test_template_agenda(void **state)
{
	struct knowledge *k = content();
	struct workshop_data *d = wsdata_new();
	struct buf b;

	(void)state;
	buf_init(&b);
	md_heading(&b, 1, "Generic");
	assert_int_equal(report_agenda(&b, d, knowledge_template(k, "generic"),
				       NOW, 2), ST_OK);
	md_end(&b);
	golden("template-agenda.md", buf_str(&b));
	assert_non_null(strstr(buf_str(&b), "template"));
	assert_non_null(strstr(buf_str(&b), "| **Total** | **1 h 40 min** | **0 min** | **-1 h 40 min** |"));
	buf_free(&b);
	wsdata_free(&d);
	knowledge_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_room_sections),
		cmocka_unit_test(test_nothing_yet),
		cmocka_unit_test(test_template_agenda),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

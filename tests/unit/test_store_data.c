/*
 * Unit tests of the store's rows and aggregates: CRUD of every entity,
 * keys, positions, decision numbers, scoring cells, judgements, the
 * generic field edit, load/import round trip, duplicate, find, cascading
 * delete, presence and drafts.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_store.h"
#include "store/store_trash.h"
#include "util/str.h"

static int64_t new_ws(struct store *s, const char *title)
{
	struct error e;
	int64_t id = 0;

	err_clear(&e);
	if (store_workshop_create(s, title, "devops", &id, &e) != ST_OK)
		fail_msg("create: %s", e.msg);
	return id;
}

static void push(struct strv *sv, const char *s)
{
	assert_int_equal(strv_push(sv, s), ST_OK);
}

static char *dup(const char *s)
{
	char *p = str_dup(s);

	assert_non_null(p);
	return p;
}

/* ---- a rich workshop and a field-by-field comparison -------------------- */

static struct workshop_data *rich(void)
{
	struct workshop_data *d = wsdata_new();
	struct answer *an;
	struct criterion *c;
	struct judgement *j;
	struct approach *a;
	struct component *co;
	struct score *sc;
	struct vote *v;
	struct decision *x;
	struct risk *r;
	struct metric *m;
	struct phase *p;
	static const char *const ckeys[] = { "dx", "ops", "cost" };
	static const char *const akeys[] = { "gha-argo", "gitlab", "jenkins" };

	assert_non_null(d);
	d->ws.title = dup("Payments platform — CI/CD");
	d->ws.template_name = dup("devops");
	d->ws.stage = STAGE_DECISION;
	d->ws.created = 1600000000;
	d->ws.updated = 1600000500;
	d->ws.archived = false;
	d->ws.facilitator = dup("alice");
	d->ws.weighting = WEIGHTING_AHP;
	d->ws.scale_min = 1;
	d->ws.scale_max = 10;

	an = wsdata_add_answer(d);
	an->question = dup("team_size");
	an->value.kind = VAL_NUMBER;
	an->value.number = 35;
	an->note = dup("two squads");
	an = wsdata_add_answer(d);
	an->question = dup("compliance");
	an->value.kind = VAL_LIST;
	push(&an->value.list, "soc2");
	push(&an->value.list, "pci");
	an = wsdata_add_answer(d);
	an->question = dup("cloud");
	an->value.kind = VAL_TEXT;
	an->value.text = dup("aws");
	an = wsdata_add_answer(d);
	an->question = dup("pain");
	an->value.kind = VAL_NONE;

	for (int i = 0; i < 3; i++) {
		c = wsdata_add_criterion(d);
		c->key = dup(ckeys[i]);
		c->pos = i;
		c->name = str_printf("Criterion %d", i);
		c->description = i == 1 ? NULL : dup("what it means");
		c->weight = 0.5 * (i + 1);
	}
	/* canonical order (a created before b) so the load matches */
	j = wsdata_add_judgement(d);
	j->a = dup("dx");
	j->b = dup("ops");
	j->value = 3;
	j = wsdata_add_judgement(d);
	j->a = dup("dx");
	j->b = dup("cost");
	j->value = 0.2;
	j = wsdata_add_judgement(d);
	j->a = dup("dx");
	j->b = dup("ops");
	j->value = 5;
	j->participant = dup("bob");

	for (int i = 0; i < 3; i++) {
		a = wsdata_add_approach(d);
		a->key = dup(akeys[i]);
		a->pos = i;
		a->name = str_printf("Approach %d", i);
		a->summary = dup("multi\nline summary");
		a->pattern = i ? NULL : dup("gitops-pull");
		co = approach_add_component(a);
		co->category = dup("cicd");
		co->name = dup("GitHub Actions");
		co = approach_add_component(a);
		co->category = dup("gitops");
		co->name = dup("Argo CD");
		a->deployment = dup("pull-based GitOps");
		a->observability = dup("Prometheus");
		a->security = dup("OIDC");
		a->complexity = dup("medium");
		a->cost = i == 2 ? NULL : dup("low");
		push(&a->pros, "fast");
		push(&a->pros, "familiar");
		push(&a->cons, "lock-in");
		push(&a->stages, "build");
		push(&a->stages, "test");
		push(&a->stages, "deploy");
	}
	for (int i = 0; i < 3; i++) {
		for (int k = 0; k < 3; k++) {
			if (i == 2 && k == 2)
				continue;
			sc = wsdata_add_score(d);
			sc->approach = dup(akeys[i]);
			sc->criterion = dup(ckeys[k]);
			sc->has_value = !(i == 1 && k == 1);
			sc->value = sc->has_value ? 1 + i + k * 2.5 : 0;
			sc->rationale = k == 0 ? dup("because") : NULL;
		}
	}
	v = wsdata_add_vote(d);
	v->participant = dup("alice");
	v->approach = dup("gha-argo");
	v->criterion = dup("dx");
	v->value = 4;
	v = wsdata_add_vote(d);
	v->participant = dup("bob");
	v->approach = dup("gitlab");
	v->criterion = dup("cost");
	v->value = 2.5;

	x = wsdata_add_decision(d);
	x->number = 3;
	x->title = dup("Use GitOps");
	x->status = ADR_SUPERSEDED;
	x->superseded_by = 7;
	x->date = dup("2024-05-01");
	push(&x->deciders, "alice");
	push(&x->deciders, "bob");
	push(&x->consulted, "sec");
	push(&x->informed, "all");
	x->context = dup("ctx");
	x->decision = dup("we do it");
	x->rationale = dup("because");
	push(&x->positive, "fast");
	push(&x->negative, "learning");
	push(&x->risks, "drift");
	x->chosen = dup("gha-argo");
	x->alternatives = NULL;
	x = wsdata_add_decision(d);
	x->number = 7;
	x->title = dup("Replace it");
	x->status = ADR_ACCEPTED;
	x->supersedes = malloc(2 * sizeof(int));
	assert_non_null(x->supersedes);
	x->supersedes[0] = 3;
	x->supersedes[1] = 5;
	x->n_supersedes = 2;
	x->alternatives = dup("none really");
	push(&x->links, "Amends\t3");
	push(&x->links, "Clarified by\t12");
	x->markdown = true;

	r = wsdata_add_risk(d);
	r->key = dup("R1");
	r->description = dup("Drift");
	r->probability = 2;
	r->impact = 5;
	r->owner = dup("ops");
	r->mitigation = dup("alerts");
	r->status = RISK_MITIGATING;
	r = wsdata_add_risk(d);
	r->key = dup("R4");
	r->description = dup("Cost");
	r->probability = 1;
	r->impact = 1;
	r->status = RISK_CLOSED;

	m = wsdata_add_metric(d);
	m->key = dup("deploy_freq");
	m->name = dup("Deployment frequency");
	m->unit = dup("per day");
	m->has_current = true;
	m->current = 0.5;
	m->has_target_6m = true;
	m->target_6m = 3;
	m = wsdata_add_metric(d);
	m->key = dup("lead_time");
	m->name = dup("Lead time");
	m->unit = dup("hours");

	p = wsdata_add_phase(d);
	p->pos = 0;
	p->name = dup("Foundations");
	p->weeks = 2.5;
	push(&p->items, "cluster");
	push(&p->items, "pipelines");
	p = wsdata_add_phase(d);
	p->pos = 1;
	p->name = dup("Rollout");
	p->weeks = 6;

	push(&d->next_steps, "book the review");
	push(&d->next_steps, "write ADR 8");
	return d;
}

static void same_str(const char *a, const char *b, const char *what)
{
	if (!str_eq(a, b))
		fail_msg("%s: '%s' != '%s'", what, a ? a : "(null)",
			 b ? b : "(null)");
}

static void same_strv(const struct strv *a, const struct strv *b,
		      const char *what)
{
	if (!strv_equal(a, b))
		fail_msg("%s differs (%zu vs %zu items)", what, a->n, b->n);
}

static void same_data(const struct workshop_data *a,
		      const struct workshop_data *b, bool times)
{
	same_str(a->ws.title, b->ws.title, "title");
	same_str(a->ws.template_name, b->ws.template_name, "template");
	assert_int_equal(a->ws.stage, b->ws.stage);
	if (times) {
		assert_int_equal(a->ws.created, b->ws.created);
		assert_int_equal(a->ws.updated, b->ws.updated);
	}
	assert_int_equal(a->ws.archived, b->ws.archived);
	same_str(a->ws.facilitator, b->ws.facilitator, "facilitator");
	assert_int_equal(a->ws.weighting, b->ws.weighting);
	assert_true(a->ws.scale_min == b->ws.scale_min);
	assert_true(a->ws.scale_max == b->ws.scale_max);

	assert_int_equal(a->n_answers, b->n_answers);
	for (size_t i = 0; i < a->n_answers; i++) {
		same_str(a->answers[i].question, b->answers[i].question, "q");
		assert_true(value_equal(&a->answers[i].value,
					&b->answers[i].value));
		same_str(a->answers[i].note, b->answers[i].note, "note");
	}
	assert_int_equal(a->n_criteria, b->n_criteria);
	for (size_t i = 0; i < a->n_criteria; i++) {
		const struct criterion *x = &a->criteria[i], *y = &b->criteria[i];

		same_str(x->key, y->key, "criterion key");
		assert_int_equal(x->pos, y->pos);
		same_str(x->name, y->name, "criterion name");
		same_str(x->description, y->description, "description");
		assert_true(x->weight == y->weight);
	}
	assert_int_equal(a->n_pairwise, b->n_pairwise);
	for (size_t i = 0; i < a->n_pairwise; i++) {
		const struct judgement *x = &a->pairwise[i], *y = &b->pairwise[i];

		same_str(x->a, y->a, "judgement a");
		same_str(x->b, y->b, "judgement b");
		assert_true(fabs(x->value - y->value) < 1e-12);
		same_str(x->participant, y->participant, "participant");
	}
	assert_int_equal(a->n_approaches, b->n_approaches);
	for (size_t i = 0; i < a->n_approaches; i++) {
		const struct approach *x = &a->approaches[i];
		const struct approach *y = &b->approaches[i];

		same_str(x->key, y->key, "approach key");
		assert_int_equal(x->pos, y->pos);
		same_str(x->name, y->name, "name");
		same_str(x->summary, y->summary, "summary");
		same_str(x->pattern, y->pattern, "pattern");
		assert_int_equal(x->n_components, y->n_components);
		for (size_t k = 0; k < x->n_components; k++) {
			same_str(x->components[k].category,
				 y->components[k].category, "category");
			same_str(x->components[k].name, y->components[k].name,
				 "component");
		}
		same_str(x->deployment, y->deployment, "deployment");
		same_str(x->observability, y->observability, "observability");
		same_str(x->security, y->security, "security");
		same_str(x->complexity, y->complexity, "complexity");
		same_str(x->cost, y->cost, "cost");
		same_strv(&x->pros, &y->pros, "pros");
		same_strv(&x->cons, &y->cons, "cons");
		same_strv(&x->stages, &y->stages, "stages");
	}
	assert_int_equal(a->n_scores, b->n_scores);
	for (size_t i = 0; i < a->n_scores; i++) {
		const struct score *x = &a->scores[i], *y = &b->scores[i];

		same_str(x->approach, y->approach, "score approach");
		same_str(x->criterion, y->criterion, "score criterion");
		assert_int_equal(x->has_value, y->has_value);
		assert_true(x->value == y->value);
		same_str(x->rationale, y->rationale, "rationale");
	}
	assert_int_equal(a->n_votes, b->n_votes);
	for (size_t i = 0; i < a->n_votes; i++) {
		same_str(a->votes[i].participant, b->votes[i].participant, "p");
		same_str(a->votes[i].approach, b->votes[i].approach, "va");
		same_str(a->votes[i].criterion, b->votes[i].criterion, "vc");
		assert_true(a->votes[i].value == b->votes[i].value);
	}
	assert_int_equal(a->n_decisions, b->n_decisions);
	for (size_t i = 0; i < a->n_decisions; i++) {
		const struct decision *x = &a->decisions[i], *y = &b->decisions[i];

		assert_int_equal(x->number, y->number);
		same_str(x->title, y->title, "decision title");
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->superseded_by, y->superseded_by);
		same_str(x->date, y->date, "date");
		same_strv(&x->deciders, &y->deciders, "deciders");
		same_strv(&x->consulted, &y->consulted, "consulted");
		same_strv(&x->informed, &y->informed, "informed");
		same_str(x->context, y->context, "context");
		same_str(x->decision, y->decision, "decision");
		same_str(x->rationale, y->rationale, "rationale");
		same_strv(&x->positive, &y->positive, "positive");
		same_strv(&x->negative, &y->negative, "negative");
		same_strv(&x->risks, &y->risks, "risks");
		same_str(x->chosen, y->chosen, "chosen");
		assert_int_equal(x->n_supersedes, y->n_supersedes);
		for (size_t k = 0; k < x->n_supersedes; k++)
			assert_int_equal(x->supersedes[k], y->supersedes[k]);
		same_str(x->alternatives, y->alternatives, "alternatives");
		same_strv(&x->links, &y->links, "links");
		assert_int_equal(x->markdown, y->markdown);
	}
	assert_int_equal(a->n_risks, b->n_risks);
	for (size_t i = 0; i < a->n_risks; i++) {
		const struct risk *x = &a->risks[i], *y = &b->risks[i];

		same_str(x->key, y->key, "risk key");
		same_str(x->description, y->description, "risk description");
		assert_int_equal(x->probability, y->probability);
		assert_int_equal(x->impact, y->impact);
		same_str(x->owner, y->owner, "owner");
		same_str(x->mitigation, y->mitigation, "mitigation");
		assert_int_equal(x->status, y->status);
	}
	assert_int_equal(a->n_metrics, b->n_metrics);
	for (size_t i = 0; i < a->n_metrics; i++) {
		const struct metric *x = &a->metrics[i], *y = &b->metrics[i];

		same_str(x->key, y->key, "metric key");
		same_str(x->name, y->name, "metric name");
		same_str(x->unit, y->unit, "unit");
		assert_int_equal(x->has_current, y->has_current);
		assert_int_equal(x->has_target_3m, y->has_target_3m);
		assert_int_equal(x->has_target_6m, y->has_target_6m);
		assert_true(x->current == y->current);
		assert_true(x->target_3m == y->target_3m);
		assert_true(x->target_6m == y->target_6m);
	}
	assert_int_equal(a->n_roadmap, b->n_roadmap);
	for (size_t i = 0; i < a->n_roadmap; i++) {
		same_str(a->roadmap[i].name, b->roadmap[i].name, "phase");
		assert_int_equal(a->roadmap[i].pos, b->roadmap[i].pos);
		assert_true(a->roadmap[i].weeks == b->roadmap[i].weeks);
		same_strv(&a->roadmap[i].items, &b->roadmap[i].items, "items");
	}
	same_strv(&a->next_steps, &b->next_steps, "next steps");
}

/* ---- tests --------------------------------------------------------------- */

static void test_import_load_round_trip(void **state)
{
	struct fixture *f = *state;
	struct workshop_data *d = rich(), *back = NULL;
	struct error e;
	int64_t id = 0;
	int number = 0;
	struct decision x = { 0 };

	err_clear(&e);
	assert_int_equal(store_workshop_import(f->s, d, &id, &e), ST_OK);
	assert_true(id > 0);
	assert_int_equal(store_workshop_load(f->s, id, &back, &e), ST_OK);
	same_data(d, back, true);
	/* ids and versions are filled */
	assert_true(back->approaches[0].id > 0);
	assert_int_equal(back->approaches[0].version, 1);
	assert_true(back->scores[0].id > 0);
	/* one audit row for the whole import */
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl <> 'schema'"), 1);
	wsdata_free(&back);
	assert_null(back);

	/* the counter continues after the highest imported number */
	x.title = "Next";
	assert_int_equal(store_decision_add(f->s, id, &x, &id, &number, &e),
			 ST_OK);
	assert_int_equal(number, 8);
	wsdata_free(&d);
}

static void test_import_is_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct workshop_data *d = rich();
	struct error e;
	int64_t id = 0;

	/* a score that refers to an approach that is not there */
	free(d->scores[d->n_scores - 1].approach);
	d->scores[d->n_scores - 1].approach = dup("nope");
	err_clear(&e);
	assert_int_equal(store_workshop_import(f->s, d, &id, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "nope"));
	assert_int_equal(id, 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM approach"), 0);
	wsdata_free(&d);

	/* a risk with an impossible probability */
	d = rich();
	d->risks[0].probability = 9;
	assert_int_equal(store_workshop_import(f->s, d, &id, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "probability"));
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM workshop"), 0);
	wsdata_free(&d);
}

static void test_duplicate_and_cascade(void **state)
{
	struct fixture *f = *state;
	struct workshop_data *d = rich(), *a = NULL, *b = NULL;
	struct error e;
	int64_t id, copy;
	static const char *const tbls[] = {
		"answer", "criterion", "approach", "judgement", "score", "vote",
		"decision", "risk", "metric", "phase"
	};

	err_clear(&e);
	assert_int_equal(store_workshop_import(f->s, d, &id, &e), ST_OK);
	assert_int_equal(store_workshop_duplicate(f->s, id, "Copy", &copy, &e),
			 ST_OK);
	assert_true(copy != id);
	assert_int_equal(store_workshop_load(f->s, id, &a, &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, copy, &b, &e), ST_OK);
	assert_string_equal(b->ws.title, "Copy");
	free(b->ws.title);
	b->ws.title = dup(a->ws.title);
	same_data(a, b, false);
	assert_int_equal(b->ws.created, 1700000000);
	wsdata_free(&a);
	wsdata_free(&b);

	assert_int_equal(store_presence_beat(f->s, id, "risks", "R1", &e), ST_OK);
	assert_int_equal(store_draft_save(f->s, id, "risk.R1.mitigation",
					  "half typed", &e), ST_OK);
	/* Deleting moves it to the trash, every row kept but the presence;
	 * purging deletes it all, drafts too. */
	assert_int_equal(store_workshop_delete(f->s, id, &e), ST_OK);
	assert_int_equal(count_rows(f->db, "presence", id), 0);
	assert_int_equal(count_rows(f->db, "draft", id), 1);
	for (size_t i = 0; i < sizeof(tbls) / sizeof(tbls[0]); i++)
		assert_true(count_rows(f->db, tbls[i], id) > 0);
	assert_int_equal(store_workshop_load(f->s, id, &a, &e), ST_NOTFOUND);
	assert_non_null(strstr(e.msg, "in the trash"));
	assert_int_equal(store_trash_purge(f->s, id, &e), ST_OK);
	for (size_t i = 0; i < sizeof(tbls) / sizeof(tbls[0]); i++) {
		assert_int_equal(count_rows(f->db, tbls[i], id), 0);
		assert_true(count_rows(f->db, tbls[i], copy) > 0);
	}
	assert_int_equal(count_rows(f->db, "draft", id), 0);
	assert_int_equal(store_workshop_load(f->s, id, &a, &e), ST_NOTFOUND);
	assert_null(a);
	assert_int_equal(store_workshop_delete(f->s, id, &e), ST_NOTFOUND);
	/* the audit log remembers the deletion */
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl = 'workshop' AND new_value IS NULL"), 1);
	wsdata_free(&d);
}

static void test_find(void **state)
{
	struct fixture *f = *state;
	struct error e;
	int64_t a = new_ws(f->s, "Payments");
	int64_t b = new_ws(f->s, "Payments platform");
	int64_t c = new_ws(f->s, "Search");
	int64_t id = 0;
	char ref[32];

	err_clear(&e);
	snprintf(ref, sizeof(ref), "%lld", (long long)c);
	assert_int_equal(store_workshop_find(f->s, ref, &id, &e), ST_OK);
	assert_int_equal(id, c);
	assert_int_equal(store_workshop_find(f->s, "sea", &id, &e), ST_OK);
	assert_int_equal(id, c);
	/* an exact title wins over the longer one it prefixes */
	assert_int_equal(store_workshop_find(f->s, "payments", &id, &e), ST_OK);
	assert_int_equal(id, a);
	assert_int_equal(store_workshop_find(f->s, "Payments p", &id, &e),
			 ST_OK);
	assert_int_equal(id, b);
	assert_int_equal(store_workshop_find(f->s, "Pay", &id, &e), ST_INPUT);
	snprintf(ref, sizeof(ref), "%lld", (long long)a);
	{
		char want[256];

		snprintf(want, sizeof(want), "'Pay' matches several workshops:\n"
			 "  %lld  Payments\n  %lld  Payments platform",
			 (long long)a, (long long)b);
		assert_string_equal(e.msg, want);
	}
	assert_int_equal(store_workshop_find(f->s, "Zebra", &id, &e),
			 ST_NOTFOUND);
	assert_string_equal(e.msg, "no workshop matches 'Zebra'");
	assert_int_equal(store_workshop_find(f->s, "999", &id, &e), ST_NOTFOUND);
	assert_int_equal(store_workshop_find(f->s, "", &id, &e), ST_INPUT);
}

static void test_list_get_archive(void **state)
{
	struct fixture *f = *state;
	struct workshop *list = NULL, w;
	struct error e;
	size_t n;
	int64_t a = new_ws(f->s, "One"), b = new_ws(f->s, "Two");

	err_clear(&e);
	assert_int_equal(store_update(f->s, "workshop", a, "archived", "yes", 1,
				      NULL, &e), ST_OK);
	assert_int_equal(store_workshop_list(f->s, false, &list, &n, &e), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, b);
	assert_string_equal(list[0].template_name, "devops");
	store_workshop_list_free(&list, n);
	assert_int_equal(store_workshop_list(f->s, true, &list, &n, &e), ST_OK);
	assert_int_equal(n, 2);
	assert_true(list[0].archived);
	store_workshop_list_free(&list, n);
	assert_int_equal(store_workshop_get(f->s, b, &w, &e), ST_OK);
	assert_string_equal(w.title, "Two");
	assert_int_equal(w.stage, STAGE_INTERVIEW);
	assert_true(w.scale_min == 1 && w.scale_max == 5);
	assert_int_equal(w.created, 1700000000);
	workshop_clear(&w);
	assert_int_equal(store_workshop_get(f->s, 99, &w, &e), ST_NOTFOUND);
	assert_int_equal(store_workshop_create(f->s, "  ", NULL, &a, &e),
			 ST_INPUT);
}

static void test_approach_crud_keys_moves(void **state)
{
	struct fixture *f = *state;
	struct approach a = { 0 };
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ws = new_ws(f->s, "Keys"), id1, id2, id3, id4, dupl, ver;
	double five = 5;
	char *val = NULL;

	err_clear(&e);
	a.key = "gha";
	a.name = "GitHub Actions";
	assert_int_equal(store_approach_add(f->s, ws, &a, &id1, &e), ST_OK);
	assert_int_equal(store_approach_add(f->s, ws, &a, &id2, &e), ST_OK);
	a.key = NULL;
	a.name = "GitLab CI + Argo CD!";
	assert_int_equal(store_approach_add(f->s, ws, &a, &id3, &e), ST_OK);
	a.key = "";
	a.name = "€€€";
	assert_int_equal(store_approach_add(f->s, ws, &a, &id4, &e), ST_OK);

	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_approaches, 4);
	assert_string_equal(d->approaches[0].key, "gha");
	assert_string_equal(d->approaches[1].key, "gha-2");
	assert_string_equal(d->approaches[2].key, "gitlab-ci-argo-cd");
	assert_string_equal(d->approaches[3].key, "approach");
	for (int i = 0; i < 4; i++)
		assert_int_equal(d->approaches[i].pos, i);
	wsdata_free(&d);

	/* move the third up, the first up (no-op), bad delta */
	assert_int_equal(store_approach_move(f->s, id3, -1, &e), ST_OK);
	assert_int_equal(store_approach_move(f->s, id1, -1, &e), ST_OK);
	assert_int_equal(store_approach_move(f->s, id4, +1, &e), ST_OK);
	assert_int_equal(store_approach_move(f->s, id1, 2, &e), ST_INPUT);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->approaches[0].id, id1);
	assert_int_equal(d->approaches[1].id, id3);
	assert_int_equal(d->approaches[2].id, id2);
	assert_int_equal(d->approaches[3].id, id4);
	/* moving does not bump versions */
	assert_int_equal(d->approaches[1].version, 1);
	wsdata_free(&d);
	assert_int_equal(store_approach_move(f->s, id1, +1, &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->approaches[0].id, id3);
	assert_int_equal(d->approaches[1].id, id1);
	wsdata_free(&d);

	/* edit fields */
	assert_int_equal(store_update(f->s, "approach", id1, "pros",
				      "fast\nfamiliar", 1, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "approach", id1, "components",
				      "cicd\tGitHub Actions\ngitops\tArgo CD",
				      ver, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "approach", id1, "components",
				      "no tab here", ver, &ver, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "components"));
	assert_int_equal(store_update(f->s, "approach", id1, "pattern", "", ver,
				      &ver, &e), ST_OK);
	assert_int_equal(ver, 3);
	assert_int_equal(store_get_field(f->s, "approach", id1, "components",
					 &val, &ver, &e), ST_OK);
	assert_string_equal(val, "cicd\tGitHub Actions\ngitops\tArgo CD");
	free(val);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->approaches[1].n_components, 2);
	assert_string_equal(d->approaches[1].components[1].name, "Argo CD");
	assert_int_equal(d->approaches[1].pros.n, 2);
	assert_string_equal(d->approaches[1].pros.v[1], "familiar");
	assert_null(d->approaches[1].pattern);
	wsdata_free(&d);

	/* duplicate copies fields and scores, with a unique key */
	{
		struct criterion c = { 0 };
		int64_t cid;

		c.key = "dx";
		c.name = "DX";
		assert_int_equal(store_criterion_add(f->s, ws, &c, &cid, &e),
				 ST_OK);
		assert_int_equal(store_score_set(f->s, ws, "gha", "dx", &five, 0,
						 NULL, &e), ST_OK);
	}
	assert_int_equal(store_approach_duplicate(f->s, id1, &dupl, &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_approaches, 5);
	assert_string_equal(d->approaches[4].key, "gha-3");
	assert_string_equal(d->approaches[4].name, "GitHub Actions (copy)");
	assert_int_equal(d->approaches[4].n_components, 2);
	assert_non_null(wsdata_score(d, "gha-3", "dx"));
	assert_true(wsdata_score(d, "gha-3", "dx")->value == 5);
	wsdata_free(&d);

	/* delete closes the gap in positions */
	assert_int_equal(store_approach_delete(f->s, id3, 1, &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_approaches, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(d->approaches[i].pos, i);
	wsdata_free(&d);
	assert_int_equal(store_approach_delete(f->s, id3, 1, &e), ST_CONFLICT);
	assert_int_equal(store_approach_delete(f->s, 12345, 1, &e),
			 ST_NOTFOUND);
	assert_int_equal(store_approach_add(f->s, 999, &a, &id1, &e),
			 ST_NOTFOUND);
}

static void test_criteria_scores_votes(void **state)
{
	struct fixture *f = *state;
	struct approach a = { 0 };
	struct criterion c = { 0 };
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ws = new_ws(f->s, "Scores"), aid, aid2, cid, cid2, ver, vv;
	double four = 4, three = 3, nine = 9;

	err_clear(&e);
	a.key = "argo";
	assert_int_equal(store_approach_add(f->s, ws, &a, &aid, &e), ST_OK);
	a.key = "flux";
	assert_int_equal(store_approach_add(f->s, ws, &a, &aid2, &e), ST_OK);
	c.key = "dx";
	c.weight = 2;
	assert_int_equal(store_criterion_add(f->s, ws, &c, &cid, &e), ST_OK);
	c.key = "dx";
	c.name = "Cost efficiency";
	assert_int_equal(store_criterion_add(f->s, ws, &c, &cid2, &e), ST_OK);
	assert_int_equal(store_criterion_move(f->s, cid2, -1, &e), ST_OK);

	assert_int_equal(store_score_set(f->s, ws, "argo", "dx", &four, 0, &ver,
					 &e), ST_OK);
	assert_int_equal(ver, 1);
	/* someone else's version 0 is now stale */
	assert_int_equal(store_score_set(f->s, ws, "argo", "dx", &three, 0,
					 NULL, &e), ST_CONFLICT);
	assert_int_equal(store_score_rationale(f->s, ws, "argo", "dx",
					       "good docs", 1, &ver, &e), ST_OK);
	assert_int_equal(ver, 2);
	assert_int_equal(store_score_set(f->s, ws, "argo", "dx", &nine, 2, NULL,
					 &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "outside the scale"));
	assert_int_equal(store_score_set(f->s, ws, "argo", "nope", &four, 0,
					 NULL, &e), ST_NOTFOUND);
	assert_int_equal(store_score_rationale(f->s, ws, "flux", "dx-2", "meh",
					       0, NULL, &e), ST_OK);
	assert_int_equal(store_vote_set(f->s, ws, "argo", "dx", &three, 0, &vv,
					&e), ST_OK);
	assert_int_equal(store_vote_set(f->s, ws, "flux", "dx", &four, 0, NULL,
					&e), ST_OK);

	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_criteria, 2);
	assert_string_equal(d->criteria[0].key, "dx-2");
	assert_string_equal(d->criteria[0].name, "Cost efficiency");
	assert_int_equal(d->n_scores, 2);
	assert_string_equal(d->scores[0].approach, "argo");
	assert_true(d->scores[0].has_value);
	assert_true(d->scores[0].value == 4);
	assert_string_equal(d->scores[0].rationale, "good docs");
	assert_false(d->scores[1].has_value);
	assert_string_equal(d->scores[1].rationale, "meh");
	assert_int_equal(d->n_votes, 2);
	assert_string_equal(d->votes[0].participant, "alice");
	wsdata_free(&d);

	/* clear a score and a vote */
	assert_int_equal(store_score_set(f->s, ws, "argo", "dx", NULL, 2, &ver,
					 &e), ST_OK);
	assert_int_equal(store_vote_set(f->s, ws, "argo", "dx", NULL, vv, NULL,
					&e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_false(d->scores[0].has_value);
	assert_int_equal(d->n_votes, 1);
	wsdata_free(&d);

	/* deleting an approach removes its scores and votes */
	assert_int_equal(store_approach_delete(f->s, aid2, 1, &e), ST_OK);
	assert_int_equal(count_rows(f->db, "score", ws), 1);
	assert_int_equal(count_rows(f->db, "vote", ws), 0);
	/* and a criterion its scores */
	assert_int_equal(store_criterion_delete(f->s, cid, 1, &e), ST_OK);
	assert_int_equal(count_rows(f->db, "score", ws), 0);
	assert_int_equal(count_rows(f->db, "criterion", ws), 1);

	/* weights, names */
	assert_int_equal(store_update(f->s, "criterion", cid2, "weight", "abc",
				      1, NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "weight"));
	assert_int_equal(store_update(f->s, "criterion", cid2, "weight", "0.25",
				      1, &ver, &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT weight * 100 FROM criterion"),
			 25);
}

static void test_judgements(void **state)
{
	struct fixture *f = *state;
	struct criterion c = { 0 };
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ws = new_ws(f->s, "AHP"), id;

	err_clear(&e);
	c.key = "dx";
	assert_int_equal(store_criterion_add(f->s, ws, &c, &id, &e), ST_OK);
	c.key = "cost";
	assert_int_equal(store_criterion_add(f->s, ws, &c, &id, &e), ST_OK);

	/* "cost over dx = 4" is stored as "dx over cost = 1/4" */
	assert_int_equal(store_judgement_set(f->s, ws, "cost", "dx", 4, NULL, &e),
			 ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_pairwise, 1);
	assert_string_equal(d->pairwise[0].a, "dx");
	assert_string_equal(d->pairwise[0].b, "cost");
	assert_true(fabs(d->pairwise[0].value - 0.25) < 1e-12);
	assert_null(d->pairwise[0].participant);
	wsdata_free(&d);

	/* the same judgement the other way round replaces it */
	assert_int_equal(store_judgement_set(f->s, ws, "dx", "cost", 3, NULL, &e),
			 ST_OK);
	/* a participant's own judgement is separate */
	assert_int_equal(store_judgement_set(f->s, ws, "cost", "dx", 2, "bob",
					     &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_pairwise, 2);
	assert_null(d->pairwise[0].participant);
	assert_true(d->pairwise[0].value == 3);
	assert_int_equal(d->pairwise[0].version, 2);
	assert_string_equal(d->pairwise[1].participant, "bob");
	assert_true(d->pairwise[1].value == 0.5);
	wsdata_free(&d);
	assert_int_equal(count_rows(f->db, "judgement", ws), 2);

	assert_int_equal(store_judgement_set(f->s, ws, "dx", "dx", 3, NULL, &e),
			 ST_INPUT);
	assert_int_equal(store_judgement_set(f->s, ws, "dx", "cost", 0, NULL, &e),
			 ST_INPUT);
	assert_int_equal(store_judgement_set(f->s, ws, "dx", "zz", 2, NULL, &e),
			 ST_NOTFOUND);
	/* deleting a criterion removes its judgements */
	assert_int_equal(store_criterion_delete(f->s, id, 1, &e), ST_OK);
	assert_int_equal(count_rows(f->db, "judgement", ws), 0);
}

static void test_decisions(void **state)
{
	struct fixture *f = *state;
	struct decision x = { 0 };
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ws = new_ws(f->s, "ADRs"), id1, id2, id3, ver;
	int n1, n2, n3;
	char *val = NULL;

	err_clear(&e);
	x.title = "First";
	assert_int_equal(store_decision_add(f->s, ws, &x, &id1, &n1, &e), ST_OK);
	x.title = "Second";
	assert_int_equal(store_decision_add(f->s, ws, &x, &id2, &n2, &e), ST_OK);
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 2);
	assert_int_equal(store_decision_delete(f->s, id2, 1, &e), ST_OK);
	x.title = "Third";
	assert_int_equal(store_decision_add(f->s, ws, &x, &id3, &n3, &e), ST_OK);
	assert_int_equal(n3, 3);   /* 2 is never reused */

	assert_int_equal(store_update(f->s, "decision", id1, "status",
				      "Superseded", 1, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "decision", id1, "status", "maybe",
				      ver, &ver, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "status"));
	assert_int_equal(store_update(f->s, "decision", id1, "superseded_by",
				      "3", ver, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "decision", id3, "supersedes",
				      "1, 2", 1, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "decision", id3, "supersedes",
				      "1, x", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "decision", id3, "date",
				      "2024-13-01", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "decision", id3, "date",
				      "2024-06-30", ver, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "decision", id3, "deciders",
				      "alice\nbob", ver, &ver, &e), ST_OK);
	assert_int_equal(store_get_field(f->s, "decision", id3, "supersedes",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "1,2");
	free(val);
	assert_int_equal(store_get_field(f->s, "decision", id1, "status", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "superseded");
	free(val);
	assert_int_equal(store_get_field(f->s, "decision", id3, "superseded_by",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "");
	free(val);

	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_decisions, 2);
	assert_int_equal(d->decisions[0].number, 1);
	assert_int_equal(d->decisions[0].status, ADR_SUPERSEDED);
	assert_int_equal(d->decisions[0].superseded_by, 3);
	assert_int_equal(d->decisions[1].number, 3);
	assert_int_equal(d->decisions[1].n_supersedes, 2);
	assert_int_equal(d->decisions[1].supersedes[1], 2);
	assert_string_equal(d->decisions[1].date, "2024-06-30");
	assert_int_equal(d->decisions[1].deciders.n, 2);
	wsdata_free(&d);
	/* deleting every decision still never reuses a number */
	assert_int_equal(store_decision_delete(f->s, id3, 4, &e), ST_OK);
	assert_int_equal(store_decision_add(f->s, ws, &x, &id3, &n3, &e), ST_OK);
	assert_int_equal(n3, 4);
}

static void test_decision_links_markdown(void **state)
{
	struct fixture *f = *state;
	struct decision x = { 0 };
	struct workshop_data *d = NULL;
	struct error e;
	int64_t ws = new_ws(f->s, "Links"), id1, id2, ver = 1, bad;
	int n1, n2, bad_n = 0;
	char *val = NULL;

	err_clear(&e);
	x.title = "Imported";
	x.markdown = true;
	push(&x.links, "Amended by\t2");
	assert_int_equal(store_decision_add(f->s, ws, &x, &id1, &n1, &e), ST_OK);
	strv_free(&x.links);
	x.markdown = false;
	x.title = "Typed";
	assert_int_equal(store_decision_add(f->s, ws, &x, &id2, &n2, &e), ST_OK);
	/* A malformed link is refused and nothing is added. */
	push(&x.links, "Amends two");
	assert_int_equal(store_decision_add(f->s, ws, &x, &bad, &bad_n, &e),
			 ST_INPUT);
	assert_non_null(strstr(e.msg, "Amends two"));
	strv_free(&x.links);
	assert_int_equal(count_rows(f->db, "decision", ws), 2);

	assert_int_equal(store_get_field(f->s, "decision", id1, "links", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "Amended by\t2");
	free(val);
	assert_int_equal(store_get_field(f->s, "decision", id1, "markdown",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "1");
	free(val);
	assert_int_equal(store_get_field(f->s, "decision", id2, "markdown",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "0");
	free(val);
	assert_int_equal(store_get_field(f->s, "decision", id2, "links", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "");
	free(val);

	/* Edits: lines of "RELATION<TAB>NUMBER", blank lines dropped. */
	assert_int_equal(store_update(f->s, "decision", id2, "links",
				      "Amends\t1\n\nRelates to\t1\n", ver, &ver,
				      &e), ST_OK);
	assert_int_equal(store_update(f->s, "decision", id2, "links",
				      "Amends 1", ver, NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "links"));
	assert_int_equal(store_update(f->s, "decision", id2, "links",
				      "\t1", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "decision", id2, "links",
				      "Amends\t0", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "decision", id2, "markdown",
				      "maybe", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "decision", id2, "markdown", "yes",
				      ver, &ver, &e), ST_OK);
	assert_int_equal(store_get_field(f->s, "decision", id2, "links", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "Amends\t1\nRelates to\t1");
	free(val);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "field = 'links' AND new_value = "
				 "'Amends' || char(9) || '1' || char(10) || "
				 "'Relates to' || char(9) || '1'"), 1);
	/* Clearing the links stores '' (the column is NOT NULL). */
	assert_int_equal(store_update(f->s, "decision", id1, "links", "", 1,
				      NULL, &e), ST_OK);

	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_decisions, 2);
	assert_int_equal(d->decisions[0].links.n, 0);
	assert_true(d->decisions[0].markdown);
	assert_int_equal(d->decisions[1].links.n, 2);
	assert_string_equal(d->decisions[1].links.v[1], "Relates to\t1");
	assert_true(d->decisions[1].markdown);
	wsdata_free(&d);
}

static void test_risks_metrics_phases(void **state)
{
	struct fixture *f = *state;
	struct risk r = { 0 };
	struct metric m = { 0 };
	struct phase p = { 0 };
	struct workshop_data *d = NULL;
	struct strv steps = { 0 };
	struct error e;
	int64_t ws = new_ws(f->s, "Register"), r1, r2, r3, m1, m2, p1, p2, ver;
	char *val = NULL;

	err_clear(&e);
	r.probability = 2;
	r.impact = 3;
	assert_int_equal(store_risk_add(f->s, ws, &r, &r1, &e), ST_OK);
	r.key = "R7";
	assert_int_equal(store_risk_add(f->s, ws, &r, &r2, &e), ST_OK);
	r.key = NULL;
	assert_int_equal(store_risk_add(f->s, ws, &r, &r3, &e), ST_OK);
	r.probability = 0;
	assert_int_equal(store_risk_add(f->s, ws, &r, &r3, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "probability"));
	assert_int_equal(store_update(f->s, "risk", r1, "probability", "6", 1,
				      NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "probability"));
	assert_int_equal(store_update(f->s, "risk", r1, "status", "closed", 1,
				      &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "risk", r1, "status", "gone", ver,
				      NULL, &e), ST_INPUT);
	assert_int_equal(store_risk_delete(f->s, r2, 1, &e), ST_OK);

	m.key = "deploy_freq";
	m.name = "Deployment frequency";
	assert_int_equal(store_metric_add(f->s, ws, &m, &m1, &e), ST_OK);
	m.key = NULL;
	m.name = "Change failure rate";
	assert_int_equal(store_metric_add(f->s, ws, &m, &m2, &e), ST_OK);
	assert_int_equal(store_update(f->s, "metric", m1, "current", "4.5", 1,
				      &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "metric", m1, "target_3m", "x", ver,
				      NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "metric", m1, "current", "", ver,
				      &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "metric", m1, "target_6m", "10",
				      ver, &ver, &e), ST_OK);
	assert_int_equal(store_metric_delete(f->s, m2, 1, &e), ST_OK);

	p.name = "Pilot";
	p.weeks = 2;
	assert_int_equal(store_phase_add(f->s, ws, &p, &p1, &e), ST_OK);
	p.name = "Rollout";
	assert_int_equal(store_phase_add(f->s, ws, &p, &p2, &e), ST_OK);
	assert_int_equal(store_phase_move(f->s, p2, -1, &e), ST_OK);
	assert_int_equal(store_update(f->s, "phase", p1, "items", "a\nb", 1,
				      &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "phase", p1, "weeks", "3.5", ver,
				      &ver, &e), ST_OK);

	push(&steps, "one");
	push(&steps, "two");
	assert_int_equal(store_next_steps_set(f->s, ws, &steps, &e), ST_OK);
	strv_free(&steps);

	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->n_risks, 2);
	assert_string_equal(d->risks[0].key, "R1");
	assert_int_equal(d->risks[0].status, RISK_CLOSED);
	assert_string_equal(d->risks[1].key, "R8");
	assert_int_equal(d->n_metrics, 1);
	assert_false(d->metrics[0].has_current);
	assert_true(d->metrics[0].has_target_6m);
	assert_true(d->metrics[0].target_6m == 10);
	assert_int_equal(d->n_roadmap, 2);
	assert_string_equal(d->roadmap[0].name, "Rollout");
	assert_string_equal(d->roadmap[1].name, "Pilot");
	assert_true(d->roadmap[1].weeks == 3.5);
	assert_int_equal(d->roadmap[1].items.n, 2);
	assert_int_equal(d->next_steps.n, 2);
	assert_string_equal(d->next_steps.v[1], "two");
	wsdata_free(&d);

	assert_int_equal(store_get_field(f->s, "metric", m1, "current", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "");
	free(val);
	assert_int_equal(store_get_field(f->s, "phase", p1, "weeks", &val,
					 NULL, &e), ST_OK);
	assert_string_equal(val, "3.5");
	free(val);
	assert_int_equal(store_phase_delete(f->s, p2, 1, &e), ST_OK);
	assert_int_equal(raw_int(f->db, "SELECT pos FROM phase"), 0);
}

static void test_workshop_fields_and_answers(void **state)
{
	struct fixture *f = *state;
	struct workshop_data *d = NULL;
	struct value v = { 0 };
	struct error e;
	int64_t ws = new_ws(f->s, "Fields"), ver, aver;
	char *val = NULL;

	err_clear(&e);
	assert_int_equal(store_update(f->s, "workshop", ws, "stage", "risks", 1,
				      &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "workshop", ws, "stage", "nowhere",
				      ver, NULL, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "stage"));
	assert_int_equal(store_update(f->s, "workshop", ws, "weighting", "AHP",
				      ver, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "workshop", ws, "title", " ", ver,
				      NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "workshop", ws, "scale_max", "",
				      ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "workshop", ws, "scale_max", "10",
				      ver, &ver, &e), ST_OK);
	/* same value again: no new version, no audit row */
	assert_int_equal(store_update(f->s, "workshop", ws, "scale_max", "10",
				      ver, &aver, &e), ST_OK);
	assert_int_equal(aver, ver);
	/* The role is taken as oneself, never handed to a name. */
	assert_int_equal(store_update(f->s, "workshop", ws, "facilitator",
				      "carol", ver, &ver, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "workshop", ws, "facilitator",
				      "alice", ver, &ver, &e), ST_OK);
	assert_int_equal(store_update(f->s, "workshop", ws, "next_steps", "x",
				      ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_update(f->s, "workshop; DROP TABLE x", ws,
				      "title", "x", ver, NULL, &e), ST_INPUT);
	assert_int_equal(store_get_field(f->s, "workshop", ws, "weighting",
					 &val, NULL, &e), ST_OK);
	assert_string_equal(val, "ahp");
	free(val);

	/* answers: upsert by question, versioned */
	v.kind = VAL_LIST;
	push(&v.list, "soc2");
	push(&v.list, "hipaa");
	assert_int_equal(store_answer_set(f->s, ws, "compliance", &v, 0, &aver,
					  &e), ST_OK);
	assert_int_equal(aver, 1);
	value_clear(&v);
	v.kind = VAL_NUMBER;
	v.number = 12;
	assert_int_equal(store_answer_set(f->s, ws, "team_size", &v, 0, &aver,
					  &e), ST_OK);
	v.number = 14;
	assert_int_equal(store_answer_set(f->s, ws, "team_size", &v, 0, NULL,
					  &e), ST_CONFLICT);
	assert_int_equal(store_answer_set(f->s, ws, "team_size", &v, 1, &aver,
					  &e), ST_OK);
	assert_int_equal(aver, 2);
	assert_int_equal(store_answer_clear(f->s, ws, "compliance", &e), ST_OK);
	assert_int_equal(store_workshop_load(f->s, ws, &d, &e), ST_OK);
	assert_int_equal(d->ws.stage, STAGE_RISKS);
	assert_int_equal(d->ws.weighting, WEIGHTING_AHP);
	assert_true(d->ws.scale_max == 10);
	assert_string_equal(d->ws.facilitator, "alice");
	assert_int_equal(d->n_answers, 1);
	assert_string_equal(d->answers[0].question, "team_size");
	assert_true(d->answers[0].value.number == 14);
	assert_int_equal(store_update(f->s, "answer", d->answers[0].id, "note",
				      "rough guess", 2, &aver, &e), ST_OK);
	wsdata_free(&d);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit WHERE "
				 "tbl = 'answer' AND new_value IS NULL"), 1);
}

static void test_updated_is_bumped(void **state)
{
	struct fixture *f = *state;
	struct risk r = { 0 };
	struct workshop w;
	struct error e;
	int64_t ws = new_ws(f->s, "Clock"), rid;

	err_clear(&e);
	r.probability = 1;
	r.impact = 1;
	assert_int_equal(store_risk_add(f->s, ws, &r, &rid, &e), ST_OK);
	setenv("CHARRETTE_NOW", "1700001234", 1);
	assert_int_equal(store_update(f->s, "risk", rid, "owner", "dan", 1, NULL,
				      &e), ST_OK);
	assert_int_equal(store_workshop_get(f->s, ws, &w, &e), ST_OK);
	assert_int_equal(w.updated, 1700001234);
	assert_int_equal(w.created, 1700000000);
	/* a row edit does not bump the workshop's own version */
	assert_int_equal(w.version, 1);
	workshop_clear(&w);
}

static void test_presence_and_drafts(void **state)
{
	struct fixture *f = *state;
	struct store *b = NULL;
	struct participant *list = NULL;
	struct error e;
	size_t n;
	int64_t ws = new_ws(f->s, "Live"), other = new_ws(f->s, "Other");
	int64_t audits = raw_int(f->db, "SELECT count(*) FROM audit");
	char *text = NULL;

	err_clear(&e);
	assert_int_equal(store_open(&b, f->db, 0, "bob", &e), ST_OK);
	assert_int_equal(store_presence_beat(f->s, ws, "approaches", "gha", &e),
			 ST_OK);
	assert_int_equal(store_presence_beat(b, ws, "risks", NULL, &e), ST_OK);
	assert_int_equal(store_presence_list(f->s, ws, 30, &list, &n, &e),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "alice");
	assert_string_equal(list[0].screen, "approaches");
	assert_string_equal(list[1].name, "bob");
	assert_int_equal(list[1].last_seen, 1700000000);
	store_presence_list_free(&list, n);
	assert_null(list);

	/* bob moves on; an old heartbeat ages out */
	assert_int_equal(store_presence_beat(b, other, "interview", NULL, &e),
			 ST_OK);
	setenv("CHARRETTE_NOW", "1700000100", 1);
	assert_int_equal(store_presence_beat(f->s, ws, "scores", NULL, &e),
			 ST_OK);
	assert_int_equal(store_presence_list(f->s, ws, 30, &list, &n, &e),
			 ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].screen, "scores");
	store_presence_list_free(&list, n);
	assert_int_equal(store_presence_list(f->s, 0, 1000, &list, &n, &e),
			 ST_OK);
	assert_int_equal(n, 2);
	store_presence_list_free(&list, n);
	assert_int_equal(store_presence_leave(f->s, &e), ST_OK);
	assert_int_equal(store_presence_list(f->s, 0, 1000, &list, &n, &e),
			 ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "bob");
	store_presence_list_free(&list, n);

	/* drafts are per user */
	assert_int_equal(store_draft_get(f->s, ws, "risk.R1.mitigation", &text,
					 &e), ST_OK);
	assert_null(text);
	assert_int_equal(store_draft_save(f->s, ws, "risk.R1.mitigation",
					  "first", &e), ST_OK);
	assert_int_equal(store_draft_save(f->s, ws, "risk.R1.mitigation",
					  "second", &e), ST_OK);
	assert_int_equal(store_draft_get(f->s, ws, "risk.R1.mitigation", &text,
					 &e), ST_OK);
	assert_string_equal(text, "second");
	free(text);
	assert_int_equal(store_draft_get(b, ws, "risk.R1.mitigation", &text,
					 &e), ST_OK);
	assert_null(text);
	assert_int_equal(store_draft_delete(f->s, ws, "risk.R1.mitigation", &e),
			 ST_OK);
	assert_int_equal(store_draft_get(f->s, ws, "risk.R1.mitigation", &text,
					 &e), ST_OK);
	assert_null(text);
	/* none of this is an audited edit */
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"), audits);
	store_close(&b);
}

static void test_memory_database(void **state)
{
	struct store *s = NULL;
	struct error e;
	int64_t ws;

	(void)state;
	err_clear(&e);
	assert_int_equal(store_open(&s, ":memory:", 0, NULL, &e), ST_OK);
	assert_string_equal(store_who(s), "unknown");
	assert_int_equal(store_workshop_create(s, "In memory", NULL, &ws, &e),
			 ST_OK);
	assert_int_equal(ws, 1);
	store_close(&s);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_open, teardown_dir)

const struct CMUnitTest store_data_tests[] = {
	T(test_import_load_round_trip),
	T(test_import_is_all_or_nothing),
	T(test_duplicate_and_cascade),
	T(test_find),
	T(test_list_get_archive),
	T(test_approach_crud_keys_moves),
	T(test_criteria_scores_votes),
	T(test_judgements),
	T(test_decisions),
	T(test_decision_links_markdown),
	T(test_risks_metrics_phases),
	T(test_workshop_fields_and_answers),
	T(test_updated_is_bumped),
	T(test_presence_and_drafts),
	cmocka_unit_test(test_memory_database),
};
const size_t store_data_tests_n =
	sizeof(store_data_tests) / sizeof(store_data_tests[0]);

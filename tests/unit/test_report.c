#include "config.h"
/*
 * Unit tests of the architecture report on a workshop written for it
 * (tests/data/report/workshop.yaml) and the shipped content (data/): its
 * golden files, every finding of screen 3 (rules_evaluate, as the screen
 * calls it) with the answers that fired it and its controls or remedy,
 * every approach text and score rationale, text that reads as typed, the
 * section order, the pipeline stages, people by name, CSV formulas
 * neutralised.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <unistd.h>

#include <cmocka.h>

#include "content/content.h"
#include "engine/rules.h"
#include "export/export.h"
#include "export/helpers.h"
#include "export/interchange.h"
#include "export/md.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

#include "golden.h"

/* 2024-06-01 12:00:00 UTC */
#define FIXED_NOW "1717243200"

struct fixture {
	struct knowledge *k;
	struct workshop_data *d;
	struct buf report;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char *data = srcpath("data"), *ws = srcpath("tests/data/report/workshop.yaml");
	struct diag diags = { 0 };
	struct error e;

	assert_non_null(f);
	setenv("CHARRETTE_NOW", FIXED_NOW, 1);
	if (content_load(&f->k, data, NULL, 0, &diags) != ST_OK)
		fail_msg("data/: %s", diags.n ? diags.v[0].msg : "?");
	if (interchange_read_file(ws, &f->d, &e) != ST_OK)
		fail_msg("%s", e.msg);
	buf_init(&f->report);
	assert_int_equal(export_report_with(f->d, f->k, EXPORT_RECORDED_NAMES,
					    &f->report, &e), 0);
	assert_false(f->report.oom);
	diag_clear(&diags);
	free(data);
	free(ws);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	buf_free(&f->report);
	wsdata_free(&f->d);
	knowledge_free(&f->k);
	free(f);
	return 0;
}

/* How a text is written where the report puts it. */
enum place { INLINE, TEXT, CELL };

static void assert_shows(const struct buf *report, enum place p,
			 const char *s)
{
	struct buf want;

	if (!x_or(s, NULL))
		return;
	buf_init(&want);
	if (p == INLINE)
		md_inline(&want, s);
	else if (p == TEXT)
		md_text(&want, s, NULL, 0);
	else
		md_cell(&want, s);
	assert_false(want.oom);
	if (!strstr(buf_str(report), buf_str(&want)))
		fail_msg("the report does not show \"%s\" (as \"%s\")", s,
			 buf_str(&want));
	buf_free(&want);
}

static void test_golden_clinic(void **state)
{
	struct fixture *f = *state;
	struct error e;
	struct buf b;

	golden("clinic/report.md", &f->report);
	buf_init(&b);
	assert_int_equal(export_render_with(f->d, f->k, EXPORT_RISKS,
					    EXPORT_RECORDED_NAMES, &b, &e), 0);
	golden("clinic/risks.md", &b);
	b.len = 0;
	assert_int_equal(export_metrics_md(f->d, f->k, &b, &e), 0);
	golden("clinic/metrics.md", &b);
	b.len = 0;
	assert_int_equal(export_risks_csv(f->d, &b, &e), 0);
	golden("clinic/risks.csv", &b);
	/* A description that is a formula reaches a spreadsheet as text; a
	 * number we wrote stays a number. */
	assert_non_null(strstr(buf_str(&b), ",\"'=HYPERLINK(\"\"http://x\"\")"));
	assert_non_null(strstr(buf_str(&b), ",\"'-1 is not a formula\","));
	assert_non_null(strstr(buf_str(&b), ",\"'@ops\","));
	b.len = 0;
	assert_int_equal(export_metrics_csv(f->d, f->k, &b, &e), 0);
	golden("clinic/metrics.csv", &b);
	buf_free(&b);
}

/* Every finding screen 3 shows is in the report, with what fired it. */
static void test_findings(void **state)
{
	struct fixture *f = *state;
	const struct knowledge *k = f->k;
	const struct template_def *t = knowledge_template(k,
							  f->d->ws.template_name);
	const char *rep = buf_str(&f->report);
	struct findings fi;

	assert_non_null(t);
	assert_int_equal(rules_evaluate(k, t, f->d, &fi), 0);
	/* The workshop is written to fire several of each. */
	assert_true(fi.n_rules >= 5);
	assert_true(fi.n_antipatterns >= 8);
	for (size_t i = 0; i < fi.n_rules; i++) {
		const struct rule *r = &k->rules[fi.rules[i]];

		assert_shows(&f->report, INLINE, r->title);
		assert_shows(&f->report, TEXT, r->recommendation);
		for (size_t c = 0; c < r->controls.n; c++)
			assert_shows(&f->report, TEXT, r->controls.v[c]);
	}
	for (size_t i = 0; i < fi.n_antipatterns; i++) {
		const struct antipattern *a = &k->antipatterns[fi.antipatterns[i]];

		assert_shows(&f->report, INLINE, a->name);
		assert_shows(&f->report, TEXT, a->description);
		assert_shows(&f->report, TEXT, a->remedy);
	}
	for (size_t i = 0; i < fi.n_patterns; i++)
		assert_shows(&f->report, CELL,
			     k->patterns[fi.patterns[i].pattern].name);
	assert_true(fi.n_nudges > 0);
	/* The answers that fired them, with units and labels. */
	assert_non_null(strstr(rep, "How many engineers ship code through this platform? — 12 engineers"));
	assert_non_null(strstr(rep, "What approval does a production change need? — A change advisory board signs it off"));
	/* A "not" condition names the answer its inner condition fails on. */
	assert_non_null(strstr(rep, "When is code and its dependencies scanned for vulnerabilities? — Now and then, or after incidents; Which frameworks or regulations apply? — SOC 2 and HIPAA"));
	findings_clear(&fi);
}

/* Every approach text and every score rationale is in the report. */
static void test_texts(void **state)
{
	struct fixture *f = *state;
	const struct workshop_data *d = f->d;

	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *a = &d->approaches[i];

		assert_shows(&f->report, INLINE, a->name);
		assert_shows(&f->report, TEXT, a->summary);
		assert_shows(&f->report, TEXT, a->deployment);
		assert_shows(&f->report, TEXT, a->observability);
		assert_shows(&f->report, TEXT, a->security);
		assert_shows(&f->report, TEXT, a->complexity);
		assert_shows(&f->report, TEXT, a->cost);
		for (size_t c = 0; c < a->n_components; c++)
			assert_shows(&f->report, TEXT, a->components[c].name);
		for (size_t s = 0; s < a->pros.n; s++)
			assert_shows(&f->report, TEXT, a->pros.v[s]);
		for (size_t s = 0; s < a->cons.n; s++)
			assert_shows(&f->report, TEXT, a->cons.v[s]);
		for (size_t s = 0; s < a->stages.n; s++)
			assert_shows(&f->report, TEXT, a->stages.v[s]);
	}
	assert_true(d->n_scores >= 15);
	for (size_t i = 0; i < d->n_scores; i++)
		assert_shows(&f->report, CELL, d->scores[i].rationale);
	for (size_t i = 0; i < d->n_decisions; i++) {
		assert_shows(&f->report, CELL, d->decisions[i].rationale);
		for (size_t n = 0; n < d->decisions[i].negative.n; n++)
			assert_shows(&f->report, CELL,
				     d->decisions[i].negative.v[n]);
	}
}

/* Text reads as typed; nothing is escaped that needs no escape. */
static void test_as_typed(void **state)
{
	struct fixture *f = *state;
	const char *rep = buf_str(&f->report);

	assert_null(strstr(rep, "&gt;"));
	assert_null(strstr(rep, "&amp;"));
	assert_null(strstr(rep, "&lt;"));
	assert_null(strstr(rep, "\\~"));
	assert_null(strstr(rep, "\\."));
	assert_null(strstr(rep, "<br>"));
	assert_non_null(strstr(rep, "Dev opens PR -> 1 review -> merge; a rollback is a revert & a redeploy."));
	assert_non_null(strstr(rep, "| Security & Compliance | 29.4% |"));
	assert_non_null(strstr(rep, "lost ~€40k of appointments.  Uptime was 99.95% before"));
	/* Numbers at their stated precision, units by number. */
	assert_non_null(strstr(rep, "| Time to value | 11.8% | 5 | 2 | 2.67 (v) |"));
	assert_non_null(strstr(rep, "| **Weighted total** | 100% | **4.53** | 3.06 | 3.84 |"));
	assert_non_null(strstr(rep, "within 1 hour."));
	assert_non_null(strstr(rep, "1 deploy per week (High)"));
	assert_non_null(strstr(rep, "Week 1 (1 week)."));
	assert_non_null(strstr(rep, "Weeks 2–3 (2 weeks)."));
	assert_null(strstr(rep, "1 deploys"));
	assert_null(strstr(rep, "1 hours"));
	assert_null(strstr(rep, "1 weeks"));
}

/* The playbook's order, the charts beside their tables, and no heading
 * for the agenda, the parking lot or the wrap-up: this workshop was not
 * run with the room's tools (see test_facilitated). */
static void test_sections(void **state)
{
	static const char *const order[] = {
		"\n## Current state assessment\n",
		"\n**Deployment process.** ", "\n**Deployment frequency.** ",
		"\n**Pain points.** ", "\n**Tools in use.** ",
		"\n**Team maturity.** ",
		"\n## Requirements summary\n", "\n**Functional.** ",
		"\n**Non-functional.** ", "\n**Constraints.** ",
		"\n## Findings\n", "\n### Decision rules that apply\n",
		"\n### Anti-pattern warnings\n",
		"\n## Approaches explored\n",
		"\n## Trade-off analysis\n", "\n```mermaid\nxychart-beta\n",
		"\n### Score rationales\n", "\n### Sensitivity\n",
		"\n## Recommended architecture\n", "\n### Overview\n",
		"\n### Architecture diagram\n", "\n```mermaid\ngraph LR\n",
		"\n### Technology stack\n", "\n### Pipeline stages\n",
		"\n## Alternatives considered\n", "\n## Key decisions\n",
		"\n## Implementation roadmap\n",
		"\n## Risks and mitigations\n", "\n```mermaid\nquadrantChart\n",
		"\n## Success metrics\n", "\n## Next steps\n",
	};
	struct fixture *f = *state;
	const char *rep = buf_str(&f->report), *at = rep;

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *p = strstr(at, order[i]);

		if (!p)
			fail_msg("\"%s\" missing or out of order", order[i] + 1);
		at = p + 1;
	}
	assert_null(strstr(rep, "## Agenda"));
	assert_null(strstr(rep, "## Parking lot"));
	assert_null(strstr(rep, "## Wrap-up"));
	/* The recommended approach's components, connected. */
	assert_non_null(strstr(rep, "    n1[\"Source control: GitHub\"]\n"));
	assert_non_null(strstr(rep, "    dev -->|\"git push\"| n1\n    n1 -->|\"triggers\"| n2\n"));
	assert_non_null(strstr(rep, "    n2 -->|\"deploys\"| n3\n"));
	/* Totals, best first, and the risks in their quadrants. */
	assert_non_null(strstr(rep, "    bar [4.53, 3.84, 3.06]\n"));
	assert_non_null(strstr(rep, "    \"R2\": [0.50, 0.90]\n"));
}

static void test_stages_and_stack(void **state)
{
	struct fixture *f = *state;
	const char *rep = buf_str(&f->report);

	assert_non_null(strstr(rep, "| 1 | Build and test | pull request opened or updated | lint, unit tests, build the image | all checks green |\n"));
	assert_non_null(strstr(rep, "| 2 | Scan | After stage 1 passes | Trivy image scan, secret scan | no high or critical finding |\n"));
	assert_non_null(strstr(rep, "| 4 | Production | merge to main | deploy, database migration with Flyway | CAB approval recorded in the change ticket |\n"));
	/* A rationale per component: the catalogue's, or the approach's own
	 * words where the catalogue does not know the technology. */
	assert_non_null(strstr(rep, "| CI/CD | GitHub Actions | Best for: Teams already on GitHub"));
	assert_non_null(strstr(rep, "| Secrets management | Doppler | Security model: SOC 2 evidence from Render and GitHub"));
	/* Why not chosen gives the criteria and their rationale. */
	assert_non_null(strstr(rep, "Trails by 1.47 (3.06 against 4.53); weaker on Operational complexity (2 against 5: Clusters, Flux and Terraform state all become ours.)"));
}

/* People by name: "bob (via root)" is bob; root is nobody's name. */
static void test_people(void **state)
{
	struct fixture *f = *state;
	const char *rep = buf_str(&f->report);
	char buf[256];

	assert_non_null(strstr(rep, "Facilitator: dana."));
	assert_non_null(strstr(rep, "| dana, bob |"));
	assert_null(strstr(rep, "root"));
	assert_null(strstr(rep, "(via"));
	assert_string_equal(x_person("bob (via root)", X_NAMES_RECORDED, NULL,
				     buf, sizeof(buf)), "bob");
	assert_string_equal(x_person("Ann (via x) Lead", X_NAMES_RECORDED,
				     NULL, buf, sizeof(buf)),
			    "Ann (via x) Lead");
	assert_null(x_person("root", X_NAMES_RECORDED, NULL, buf, sizeof(buf)));
	assert_null(x_person("root", X_NAMES_REAL, NULL, buf, sizeof(buf)));
	assert_null(x_person("  ", X_NAMES_REAL, NULL, buf, sizeof(buf)));
	assert_null(x_person(NULL, X_NAMES_REAL, NULL, buf, sizeof(buf)));
	/* The account running the test: its full name where it has one. */
	{
		struct passwd *pw = getpwuid(getuid());

		if (pw && pw->pw_uid != 0) {
			size_t n = pw->pw_gecos ? strcspn(pw->pw_gecos, ",") : 0;
			char want[256];

			while (n > 0 && pw->pw_gecos[n - 1] == ' ')
				n--;
			snprintf(want, sizeof(want), "%.*s", (int)n,
				 n && n < sizeof(want) ? pw->pw_gecos : "");
			assert_string_equal(x_person(pw->pw_name, X_NAMES_REAL,
						     NULL, buf, sizeof(buf)),
					    *want ? want : pw->pw_name);
		}
	}
	/* No such account: the name as recorded. */
	assert_string_equal(x_person("nobody-here-zz9 (via root)", X_NAMES_REAL,
				     NULL, buf, sizeof(buf)), "nobody-here-zz9");
}

/* A document looks each account up once: the memo gives the same names
 * as the passwd database, the second time and past its size. */
static void test_people_memo(void **state)
{
	struct x_names_memo memo = { 0 };
	struct passwd *pw = getpwuid(getuid());
	char buf[256], want[256], name[32];

	(void)state;
	for (int round = 0; round < 2; round++) {
		if (pw && pw->pw_uid != 0) {
			snprintf(want, sizeof(want), "%s",
				 x_person(pw->pw_name, X_NAMES_REAL, NULL, buf,
					  sizeof(buf)));
			assert_string_equal(x_person(pw->pw_name, X_NAMES_REAL,
						     &memo, buf, sizeof(buf)),
					    want);
		}
		/* uid 0 is nobody, by any name. */
		assert_null(x_person("root (via x)", X_NAMES_REAL, &memo, buf,
				     sizeof(buf)));
		assert_string_equal(x_person("nobody-here-zz9", X_NAMES_REAL,
					     &memo, buf, sizeof(buf)),
				    "nobody-here-zz9");
	}
	for (int i = 0; i < X_NAMES_MEMO + 8; i++) {
		snprintf(name, sizeof(name), "nobody-zz9-%d", i);
		assert_string_equal(x_person(name, X_NAMES_REAL, &memo, buf,
					     sizeof(buf)), name);
	}
	assert_int_equal(memo.n, X_NAMES_MEMO);
	snprintf(name, sizeof(name), "nobody-zz9-%d", X_NAMES_MEMO + 7);
	assert_string_equal(x_person(name, X_NAMES_REAL, &memo, buf,
				     sizeof(buf)), name);
	x_names_memo_clear(&memo);
	assert_int_equal(memo.n, 0);
}

/* 2026-01-01 00:00 UTC: the countdown of room.yaml has 3 minutes left. */
#define ROOM_NOW "1767225600"

static char *room_report(struct workshop_data *d, const struct knowledge *k)
{
	struct error e;
	struct buf b;

	buf_init(&b);
	assert_int_equal(export_report_with(d, k, EXPORT_RECORDED_NAMES, &b,
					    &e), 0);
	assert_false(b.oom);
	return buf_detach(&b);
}

static const char *after(const char *rep, const char *at, const char *s)
{
	const char *p = strstr(at, s);

	if (!p)
		fail_msg("\"%s\" missing or out of order", s);
	(void)rep;
	return p + 1;
}

/*
 * A workshop run with the room's tools (tests/data/report/room.yaml): the
 * Agenda, Parking lot and Wrap-up sections after the next steps, with the
 * running countdown counted to now; the golden is the whole report.  The
 * same workshop with only a parking lot gets the lot and the wrap-up, with
 * no agenda nobody ran; with neither, none of the three.
 */
static void test_facilitated(void **state)
{
	struct fixture *f = *state;
	char *ws = srcpath("tests/data/report/room.yaml"), *rep;
	struct workshop_data *d = NULL;
	const char *at;
	struct error e;
	struct buf b;

	setenv("CHARRETTE_NOW", ROOM_NOW, 1);
	if (interchange_read_file(ws, &d, &e) != ST_OK)
		fail_msg("%s", e.msg);
	rep = room_report(d, f->k);
	buf_init(&b);
	buf_puts(&b, rep);
	golden("facilitated/report.md", &b);
	buf_free(&b);
	at = after(rep, rep, "\n## Next steps\n");
	at = after(rep, at, "\n## Agenda\n");
	at = after(rep, at, "| Trade-offs (running) | 25 min | 22 min | -3 min |\n");
	at = after(rep, at, "| **Total** | **1 h 40 min** | **1 h 6 min** | **-34 min** |\n");
	at = after(rep, at, "\n## Parking lot\n");
	at = after(rep, at, "| Who pays for the staging cluster? | bob | Next step: Who pays for the staging cluster? |\n");
	at = after(rep, at, "| Rename the #orders channel | carol | Done |\n");
	at = after(rep, at, "\n## Wrap-up\n");
	at = after(rep, at, "- ADR 1: Use a managed queue for the order events (Accepted)\n");
	at = after(rep, at, "Still in the parking lot:\n\n- Is PCI DSS in scope for refunds?\n");
	at = after(rep, at, "| Risk R2 (score 12, Open): Messages arrive twice after a retry | nobody yet |\n");
	after(rep, at, "Planned 1 h 40 min, spent 1 h 6 min (-34 min).\n");
	free(rep);

	/* Parked, never timed: no agenda section, and the wrap-up says no
	 * time was recorded. */
	d->timer.set = false;
	for (size_t i = 0; i < d->n_agenda; i++)
		d->agenda[i].spent = 0;
	rep = room_report(d, f->k);
	assert_null(strstr(rep, "## Agenda"));
	assert_non_null(strstr(rep, "\n## Parking lot\n"));
	assert_non_null(strstr(rep, "\n## Wrap-up\n"));
	assert_non_null(strstr(rep, "Planned 1 h 40 min; the countdown was not run, so no time was recorded.\n"));
	free(rep);

	/* Neither: an agenda nobody ran (a new workshop's) is no section. */
	for (size_t i = 0; i < d->n_parking; i++)
		park_item_clear(&d->parking[i]);
	d->n_parking = 0;
	rep = room_report(d, f->k);
	assert_null(strstr(rep, "## Agenda"));
	assert_null(strstr(rep, "## Parking lot"));
	assert_null(strstr(rep, "## Wrap-up"));
	assert_non_null(strstr(rep, "\n## Next steps\n"));
	free(rep);
	wsdata_free(&d);
	free(ws);
	setenv("CHARRETTE_NOW", FIXED_NOW, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_clinic),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_people_memo),
		cmocka_unit_test(test_as_typed),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_stages_and_stack),
		cmocka_unit_test(test_people),
		cmocka_unit_test(test_facilitated),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

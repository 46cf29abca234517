/* test_adr_import: reading the ADR folders under tests/data/adr and single files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "adr/adr_import.h"
#include "model/model.h"
#include "util/str.h"

#ifndef ADR_FIXTURES
#define ADR_FIXTURES "tests/data/adr"
#endif

static char *fixture(const char *sub)
{
	const char *top = getenv("top_srcdir");
	char *p;

	if (top && *top)
		p = str_printf("%s/tests/data/adr/%s", top, sub);
	else
		p = str_printf("%s/%s", ADR_FIXTURES, sub);
	assert_non_null(p);
	return p;
}

/* Import tests/data/adr/<sub>; the caller frees both. */
static struct workshop_data *import(const char *sub,
				    struct adr_import_report *rep, int want)
{
	struct workshop_data *d = wsdata_new();
	char *dir = fixture(sub);
	struct error e;

	assert_non_null(d);
	memset(rep, 0, sizeof(*rep));
	err_clear(&e);
	assert_int_equal(adr_import_dir(dir, d, rep, &e), want);
	free(dir);
	return d;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void assert_strv(const struct strv *sv, size_t n, ...)
{
	va_list ap;

	assert_int_equal(sv->n, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(sv->v[i], va_arg(ap, const char *));
	va_end(ap);
}

/* The message about file `name` at index i: its place and a word in it. */
static void assert_msg(const struct adr_import_report *rep, size_t i,
		       const char *name, int line, int col, int code,
		       const char *word)
{
	const struct error *m;

	assert_true(i < rep->msgs.n);
	m = &rep->msgs.v[i];
	if (!ends_with(m->file, name))
		fail_msg("message %zu is about %s, not %s (%s)", i, m->file,
			 name, m->msg);
	assert_int_equal(m->line, line);
	assert_int_equal(m->col, col);
	assert_int_equal(m->code, code);
	if (!strstr(m->msg, word))
		fail_msg("message %zu '%s' lacks '%s'", i, m->msg, word);
}

/* ---- adr-tools --------------------------------------------------------- */

static void test_adr_tools_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("adr-tools", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	/* README.md and template.md are not records. */
	assert_int_equal(rep.n_files, 6);
	assert_int_equal(rep.n_imported, 6);
	assert_int_equal(rep.n_skipped, 0);
	assert_int_equal(rep.n_renumbered, 0);
	assert_int_equal(rep.n_assigned, 0);
	assert_int_equal(rep.msgs.n, 0);
	assert_int_equal(d->n_decisions, 6);
	assert_int_equal(rep.n_origins, 6);

	x = &d->decisions[0];
	assert_int_equal(x->number, 1);
	assert_string_equal(x->title, "Record architecture decisions");
	/* adr-tools' "Superceded by" with the status word removed; the
	 * status as written is kept (its link reduced to its text). */
	assert_int_equal(x->status, ADR_SUPERSEDED);
	assert_string_equal(x->status_text,
			    "Superceded by 3. Keep decision records in MADR-like sections");
	assert_int_equal(x->superseded_by, 3);
	assert_int_equal(x->n_supersedes, 0);
	assert_string_equal(x->date, "2023-02-06");
	assert_string_equal(x->context,
			    "The platform team keeps changing its mind without a trace of why.");
	assert_string_equal(x->decision,
			    "We write down every significant architecture decision as a short record.");
	/* Nygard consequences are not sorted into kinds they do not say. */
	assert_string_equal(x->consequences,
			    "See the adr-tools project for the layout we follow.");
	assert_int_equal(x->positive.n, 0);
	assert_int_equal(x->negative.n, 0);
	assert_int_equal(x->risks.n, 0);
	assert_null(x->rationale);
	assert_null(x->alternatives);
	assert_int_equal(x->deciders.n, 0);
	assert_true(ends_with(rep.origins[0].file,
			      "/0001-record-architecture-decisions.md"));
	/* The file goes with it: name, folder, bytes. */
	assert_string_equal(x->file, "0001-record-architecture-decisions.md");
	assert_non_null(x->file_dir);
	assert_true(x->file_dir[0] == '/');
	assert_true(str_startswith(x->source, "# 1. Record architecture decisions\n"));
	assert_int_equal(rep.origins[0].file_number, 1);
	assert_int_equal(rep.origins[0].number, 1);

	x = &d->decisions[1];
	assert_int_equal(x->number, 2);
	assert_string_equal(x->title, "Deploy with GitHub Actions");
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_int_equal(x->superseded_by, 0);
	assert_string_equal(x->context,
			    "Builds run on a self-hosted Jenkins that nobody wants to patch.\n"
			    "Every upgrade breaks one plugin or another.");
	/* Other links are links, not text. */
	assert_strv(&x->links, 1, "Amended by\t4");
	assert_null(x->rationale);

	x = &d->decisions[2];
	assert_int_equal(x->number, 3);
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_int_equal(x->n_supersedes, 1);
	assert_int_equal(x->supersedes[0], 1);
	assert_strv(&x->positive, 2, "Rejected options are visible.",
		    "Reviews are quicker.");
	assert_strv(&x->negative, 1, "Records get longer.");
	assert_strv(&x->risks, 1, "People skip the new section when in a hurry.");
	assert_null(x->rationale);
	assert_int_equal(x->links.n, 0);

	x = &d->decisions[3];
	assert_int_equal(x->number, 4);
	assert_string_equal(x->title, "Cache build artifacts between jobs");
	/* A heading inside fenced code is text. */
	assert_string_equal(x->decision,
			    "Jobs share a cache keyed by the lock file hash:\n\n"
			    "```yaml\n"
			    "## not a heading: this sits in a code block\n"
			    "key: deps-${{ hashFiles('**/package-lock.json') }}\n"
			    "```");
	/* Unstructured consequences: kept as written. */
	assert_int_equal(x->positive.n, 0);
	assert_string_equal(x->consequences,
			    "Pipelines finish in about 9 minutes.\n\n"
			    "A poisoned cache can spread; the key includes the runner image.");
	assert_strv(&x->links, 1, "Amends\t2");
	/* Extra sections keep their headings. */
	assert_string_equal(x->rationale,
			    "## Compliance\n\n"
			    "The cache holds no secrets, so it needs no extra review.\n\n"
			    "## Notes\n\nMeasured over two weeks in June.");

	x = &d->decisions[4];
	assert_int_equal(x->number, 5);
	assert_int_equal(x->status, ADR_SUPERSEDED);
	assert_int_equal(x->superseded_by, 6);
	x = &d->decisions[5];
	assert_int_equal(x->number, 6);
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_int_equal(x->n_supersedes, 1);
	assert_int_equal(x->supersedes[0], 5);
	assert_string_equal(x->date, "2024-01-15");
	/* Imported text is Markdown source. */
	for (size_t i = 0; i < d->n_decisions; i++)
		assert_true(d->decisions[i].markdown);

	adr_import_report_clear(&rep);
	wsdata_free(&d);
	assert_null(d);
}

/* ---- MADR ----------------------------------------------------------- */

static void test_madr3_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("madr3", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	assert_int_equal(rep.n_files, 2);
	assert_int_equal(rep.n_imported, 2);
	assert_int_equal(rep.msgs.n, 0);

	x = &d->decisions[0];
	assert_int_equal(x->number, 1);
	assert_string_equal(x->title, "Use PostgreSQL for the orders service");
	assert_int_equal(x->status, ADR_SUPERSEDED);
	assert_int_equal(x->superseded_by, 2);
	assert_string_equal(x->date, "2022-11-03");
	assert_strv(&x->deciders, 2, "Priya Raman", "Tomás Ortega");
	assert_strv(&x->consulted, 2, "DBA guild", "Security");
	assert_strv(&x->informed, 2, "Support", "Finance");
	assert_string_equal(x->context,
			    "The orders service needs transactions across line items and payments.\n"
			    "Which database should hold them?");
	assert_string_equal(x->alternatives,
			    "* PostgreSQL\n* MongoDB\n* DynamoDB");
	assert_string_equal(x->decision,
			    "Chosen option: \"PostgreSQL\", because it is the only one we "
			    "already operate with point-in-time recovery.");
	assert_strv(&x->positive, 2, "the team knows how to tune it.",
		    "backups reuse the existing tooling.");
	assert_strv(&x->negative, 1, "a single primary limits write throughput.");
	assert_int_equal(x->risks.n, 0);
	/* The neutral item stays with the consequences, as written. */
	assert_string_equal(x->consequences,
			    "* Neutral, because the schema has to be migrated with each release.");
	assert_string_equal(x->status_text, "superseded by ADR-0002");
	/* Sections without a field are kept. */
	assert_string_equal(x->rationale,
			    "## Decision Drivers\n\n"
			    "* strong consistency\n* an operator we already run\n\n"
			    "## Validation\n\n"
			    "A load test at twice the peak of last December.\n\n"
			    "## Pros and Cons of the Options\n\n"
			    "### MongoDB\n\n"
			    "* Good, because documents match the order shape.\n"
			    "* Bad, because multi-document transactions are newer to us.\n\n"
			    "## More Information\n\n"
			    "Revisit when order volume triples.");

	x = &d->decisions[1];
	assert_int_equal(x->number, 2);
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_string_equal(x->date, "2024-04-22");
	assert_strv(&x->deciders, 1, "Priya Raman");
	assert_int_equal(x->consulted.n, 0);
	assert_strv(&x->positive, 1, "each region scales on its own.");
	assert_strv(&x->negative, 1, "reports need a cross-region query layer.");
	/* An unknown front matter key stays in the file, not in the text. */
	assert_null(x->rationale);
	assert_non_null(strstr(x->source, "tags: [database, orders]"));

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

static void test_madr4_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("madr4", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	assert_int_equal(rep.n_imported, 2);
	assert_int_equal(rep.msgs.n, 0);
	x = &d->decisions[0];
	assert_string_equal(x->title, "Adopt OpenTelemetry for tracing");
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_string_equal(x->date, "2024-06-10");
	assert_strv(&x->deciders, 2, "Lena Fischer", "Omar Haddad");
	assert_strv(&x->consulted, 1, "SRE chapter");
	assert_strv(&x->informed, 1, "all engineering");
	/* Confirmation stays with the outcome; consequences are taken out. */
	assert_string_equal(x->decision,
			    "Chosen option: \"OpenTelemetry SDKs and collector\", "
			    "because it meets both drivers.\n\n"
			    "### Confirmation\n\n"
			    "The platform review checks new services for the SDK.");
	assert_strv(&x->positive, 1, "backends can be swapped at the collector.");
	assert_strv(&x->negative, 1,
		    "auto-instrumentation covers fewer libraries.");
	assert_string_equal(x->alternatives,
			    "* OpenTelemetry SDKs and collector\n* Vendor agents everywhere");
	assert_string_equal(x->rationale,
			    "## Decision Drivers\n\n"
			    "* one trace across team boundaries\n"
			    "* no lock-in to a single backend\n\n"
			    "## More Information\n\n"
			    "Pilot with checkout and search first.");

	x = &d->decisions[1];
	assert_int_equal(x->number, 2);
	assert_int_equal(x->status, ADR_REJECTED);
	assert_strv(&x->deciders, 1, "Lena Fischer");
	assert_string_equal(x->decision, "Not chosen; see ADR 1.");
	assert_int_equal(x->positive.n, 0);

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

static void test_madr2_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("madr2", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	assert_int_equal(rep.n_imported, 3);
	assert_int_equal(rep.msgs.n, 0);

	x = &d->decisions[0];
	assert_int_equal(x->number, 1);
	assert_string_equal(x->title,
			    "Use Markdown Architectural Decision Records");
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_string_equal(x->date, "2019-05-02");
	assert_strv(&x->deciders, 3, "Ana Souza", "Ben Carter", "Chloé Martin");
	assert_strv(&x->positive, 2, "Options are kept with the decision.",
		    "Files render on the code host.");
	assert_strv(&x->negative, 1, "A longer template to fill in.");
	assert_string_equal(x->decision,
			    "Chosen option: \"MADR 2\", because it lists the options "
			    "and their trade-offs.");
	assert_string_equal(x->alternatives,
			    "* MADR 2\n* Plain Nygard records\n* Wiki pages");
	/* A Links section's list of links. */
	assert_string_equal(x->rationale,
			    "Technical Story: decisions were scattered over wiki pages and chat.");
	assert_strv(&x->links, 1, "Refined by\t2");

	/* "superseded by [ADR-0003](...)" in the status bullet. */
	x = &d->decisions[1];
	assert_int_equal(x->status, ADR_SUPERSEDED);
	assert_int_equal(x->superseded_by, 3);
	assert_strv(&x->deciders, 1, "Ana Souza");

	/* CRLF file; its Links section held only the supersede link. */
	x = &d->decisions[2];
	assert_int_equal(x->number, 3);
	assert_string_equal(x->title, "Name records by date");
	assert_int_equal(x->status, ADR_ACCEPTED);
	assert_int_equal(x->n_supersedes, 1);
	assert_int_equal(x->supersedes[0], 2);
	assert_string_equal(x->context,
			    "Two branches took the same number twice this year.");
	assert_null(x->rationale);

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

/* ---- numbering ------------------------------------------------------- */

static void test_dated_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("dated", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	assert_int_equal(rep.n_files, 4);
	assert_int_equal(rep.n_imported, 4);
	assert_int_equal(rep.n_assigned, 2);
	assert_int_equal(rep.first_assigned, 3);
	assert_int_equal(rep.last_assigned, 4);
	assert_int_equal(rep.msgs.n, 0);
	assert_int_equal(d->n_decisions, 4);
	assert_string_equal(d->decisions[0].title, "Record decisions");
	assert_string_equal(d->decisions[1].title, "Use a monorepo");

	/* Date order, not name order ("2024-02-20-..." sorts first). */
	x = &d->decisions[2];
	assert_int_equal(x->number, 3);
	assert_string_equal(x->title, "Use MySQL");
	assert_string_equal(x->date, "2024-01-05");
	assert_int_equal(x->status, ADR_SUPERSEDED);
	assert_int_equal(x->superseded_by, 4);
	assert_true(ends_with(rep.origins[2].file, "/20240105-use-mysql.md"));
	assert_int_equal(rep.origins[2].file_number, 0);

	x = &d->decisions[3];
	assert_int_equal(x->number, 4);
	assert_string_equal(x->title, "Use PostgreSQL");
	/* No Date line: the date of the file name. */
	assert_string_equal(x->date, "2024-02-20");
	assert_int_equal(x->n_supersedes, 1);
	assert_int_equal(x->supersedes[0], 3);

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

static void test_dupes_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("dupes", &rep, ST_OK);
	const struct decision *x;

	(void)state;
	assert_int_equal(rep.n_imported, 4);
	assert_int_equal(rep.n_renumbered, 1);
	assert_int_equal(rep.msgs.n, 1);
	assert_msg(&rep, 0, "/0004-use-nats.md", 1, 0, ST_OK, "ADR 6 in the workshop");
	assert_non_null(strstr(rep.msgs.v[0].msg, "0004-use-kafka.md"));

	assert_int_equal(d->n_decisions, 4);
	assert_string_equal(d->decisions[1].title, "Use Kafka");
	assert_int_equal(d->decisions[1].number, 4);
	assert_int_equal(d->decisions[1].superseded_by, 5);

	x = &d->decisions[2];
	assert_int_equal(x->number, 5);
	/* Links follow the file, so the renumbered record is still found. */
	assert_int_equal(x->n_supersedes, 2);
	assert_int_equal(x->supersedes[0], 4);
	assert_int_equal(x->supersedes[1], 6);

	x = &d->decisions[3];
	assert_int_equal(x->number, 6);
	assert_string_equal(x->title, "Use NATS");
	assert_int_equal(x->status, ADR_PROPOSED);
	assert_true(ends_with(rep.origins[3].file, "/0004-use-nats.md"));
	assert_int_equal(rep.origins[3].file_number, 4);
	assert_int_equal(rep.origins[3].number, 6);

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

/* Other links across a folder: resolved by file name (following a
 * renumbered file), or put back as text when they point nowhere. */
static void test_other_links_folder(void **state)
{
	static const struct {
		const char *name, *text;
	} files[] = {
		{ "0001-a.md", "# 1. A\n\n## Status\n\nAccepted\n\n"
		  "Amended by [2. B](0002-b.md)\n\n"
		  "Clarified by [9. Gone](0009-gone.md)\n\n"
		  "See [the wiki](https://wiki.example.org/a)\n\n"
		  "## Context\n\nA.\n" },
		{ "0002-b.md", "# 2. B\n\n## Status\n\nAccepted\n\n"
		  "Amends [1. A](0001-a.md)\n\n"
		  "Relates to [2. C](0002-c.md)\n\n"
		  "## Notes\n\nSome.\n" },
		{ "0002-c.md", "# 2. C\n\n## Status\n\nProposed\n\n"
		  "Relates to [2. B](0002-b.md)\n" },
	};
	char dir[] = "/tmp/test-adr-links-XXXXXX";
	struct adr_import_report rep;
	struct workshop_data *d = wsdata_new();
	struct error e;

	(void)state;
	assert_non_null(d);
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s/%s", dir, files[i].name);
		FILE *f = p ? fopen(p, "w") : NULL;

		assert_non_null(f);
		assert_true(fputs(files[i].text, f) >= 0);
		assert_int_equal(fclose(f), 0);
		free(p);
	}
	memset(&rep, 0, sizeof(rep));
	err_clear(&e);
	assert_int_equal(adr_import_dir(dir, d, &rep, &e), ST_OK);
	assert_int_equal(d->n_decisions, 3);
	assert_int_equal(rep.n_renumbered, 1);
	assert_int_equal(rep.msgs.n, 2);
	assert_msg(&rep, 0, "/0002-c.md", 1, 0, ST_OK, "ADR 3 in the workshop");
	assert_msg(&rep, 1, "/0001-a.md", 9, 0, ST_OK, "not in the folder");

	/* The unresolved link is text again, beside the other kept line. */
	assert_strv(&d->decisions[0].links, 1, "Amended by\t2");
	assert_string_equal(d->decisions[0].rationale,
			    "## Links\n\n"
			    "Clarified by [9. Gone](0009-gone.md)\n\n"
			    "See [the wiki](https://wiki.example.org/a)");
	/* 0002-c.md became ADR 3; the link to it follows the file. */
	assert_strv(&d->decisions[1].links, 2, "Amends\t1", "Relates to\t3");
	assert_string_equal(d->decisions[1].rationale, "## Notes\n\nSome.");
	assert_int_equal(d->decisions[2].number, 3);
	assert_strv(&d->decisions[2].links, 1, "Relates to\t2");
	assert_null(d->decisions[2].rationale);

	for (size_t i = 0; i < 3; i++) {
		char *p = str_printf("%s/%s", dir, files[i].name);

		assert_int_equal(unlink(p), 0);
		free(p);
	}
	assert_int_equal(rmdir(dir), 0);
	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

/* ---- damaged files ---------------------------------------------------- */

static void test_broken_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = import("broken", &rep, ST_OK);

	(void)state;
	/* README.md, diagram.png, notes.txt and drafts/ are not candidates. */
	assert_int_equal(rep.n_files, 7);
	assert_int_equal(rep.n_imported, 2);
	assert_int_equal(rep.n_skipped, 5);
	assert_int_equal(rep.msgs.n, 6);
	assert_msg(&rep, 0, "/0002-empty.md", 1, 0, ST_INPUT, "empty");
	assert_msg(&rep, 1, "/0003-no-title.md", 2, 0, ST_INPUT, "no title");
	assert_msg(&rep, 2, "/0004-latin1.md", 7, 4, ST_INPUT, "UTF-8");
	assert_non_null(strstr(rep.msgs.v[2].msg, "0xE9"));
	assert_msg(&rep, 3, "/0005-diagram.md", 3, 0, ST_INPUT, "binary");
	/* A word nobody uses for a status: kept as written, and said. */
	assert_msg(&rep, 4, "/0006-agreed.md", 7, 0, ST_OK, "'Tabled'");
	assert_msg(&rep, 5, "/0007-unclosed.md", 1, 0, ST_INPUT, "never closed");

	assert_int_equal(d->n_decisions, 2);
	assert_int_equal(d->decisions[0].number, 1);
	assert_int_equal(d->decisions[0].status, ADR_ACCEPTED);
	assert_int_equal(d->decisions[1].number, 6);
	assert_string_equal(d->decisions[1].title,
			    "Write runbooks next to the code");
	assert_int_equal(d->decisions[1].status, ADR_PROPOSED);
	assert_string_equal(d->decisions[1].status_text, "Tabled");
	assert_string_equal(decision_status_shown(&d->decisions[1]), "Tabled");
	assert_string_equal(decision_status_words(&d->decisions[1]), "Tabled");

	adr_import_report_clear(&rep);
	wsdata_free(&d);
}

/* The status words put beside the category: only those that say more. */
static void test_status_words(void **state)
{
	static const struct {
		enum adr_status status;
		const char *text, *words;
	} cases[] = {
		{ ADR_ACCEPTED, "Approved", "Approved" },
		{ ADR_ACCEPTED, "Partially Implemented", "Partially Implemented" },
		{ ADR_ACCEPTED, "accepted", NULL },
		{ ADR_ACCEPTED, "Accepted; supersedes ADR-0045", NULL },
		{ ADR_SUPERSEDED, "superseded by ADR-0057", NULL },
		{ ADR_SUPERSEDED, "Superceded by [3. Use ISO dates](0003.md)", NULL },
		/* The workshop rejected what the file approved: the file's
		 * word no longer names the status. */
		{ ADR_REJECTED, "Approved", NULL },
		{ ADR_PROPOSED, "", NULL },
		{ ADR_PROPOSED, NULL, NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct decision dc = { .status = cases[i].status,
				       .status_text = (char *)cases[i].text };
		const char *w = decision_status_words(&dc);

		if (cases[i].words)
			assert_string_equal(w, cases[i].words);
		else
			assert_null(w);
	}
}

static void test_not_a_folder(void **state)
{
	struct adr_import_report rep;
	struct workshop_data *d = wsdata_new();
	char *missing = fixture("no-such-folder");
	char *file = fixture("adr-tools/0001-record-architecture-decisions.md");
	char tmpl[] = "/tmp/test-adr-import-XXXXXX";
	struct error e;

	(void)state;
	assert_non_null(d);
	memset(&rep, 0, sizeof(rep));
	assert_int_equal(adr_import_dir(missing, d, &rep, &e), ST_INPUT);
	assert_string_equal(e.file, missing);
	assert_int_equal(adr_import_dir(file, d, &rep, &e), ST_INPUT);
	assert_non_null(strstr(e.msg, "not a folder"));

	/* An empty folder imports nothing: an input error, not a crash. */
	assert_non_null(mkdtemp(tmpl));
	assert_int_equal(adr_import_dir(tmpl, d, &rep, &e), ST_INPUT);
	assert_int_equal(rep.n_files, 0);
	assert_int_equal(rep.n_imported, 0);
	assert_non_null(strstr(e.msg, "no ADR"));
	assert_int_equal(rmdir(tmpl), 0);
	assert_int_equal(d->n_decisions, 0);

	adr_import_report_clear(&rep);
	free(missing);
	free(file);
	wsdata_free(&d);
}

/* ---- single files ----------------------------------------------------- */

static int parse(const char *path, const char *text, struct adr_record *r,
		 struct adr_msgs *m, struct error *e)
{
	memset(r, 0, sizeof(*r));
	memset(m, 0, sizeof(*m));
	err_clear(e);
	return adr_parse(path, text, strlen(text), r, m, e);
}

static void test_parse_formats(void **state)
{
	struct adr_record r;
	struct adr_msgs m;
	struct error e;

	(void)state;
	assert_int_equal(parse("d/0001-a.md", "# 1. A\n\nDate: 2024-01-01\n\n"
			       "## Status\n\nAccepted\n", &r, &m, &e), ST_OK);
	assert_int_equal(r.format, ADR_FORMAT_NYGARD);
	assert_int_equal(r.file_number, 1);
	assert_int_equal(r.title_number, 1);
	assert_int_equal(m.n, 0);
	adr_record_clear(&r);

	assert_int_equal(parse("0002-b.md", "# B\n\n* Status: proposed\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(r.format, ADR_FORMAT_MADR2);
	assert_int_equal(r.d.number, 2);
	assert_int_equal(r.title_number, 0);
	adr_record_clear(&r);

	assert_int_equal(parse("0003-c.md", "---\nstatus: deprecated\n---\n# C\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(r.format, ADR_FORMAT_MADR3);
	assert_int_equal(r.d.status, ADR_DEPRECATED);
	adr_record_clear(&r);

	assert_int_equal(parse("0004-d.md", "---\nstatus: accepted\n"
			       "decision-makers: x\n---\n# D\n", &r, &m, &e),
			 ST_OK);
	assert_int_equal(r.format, ADR_FORMAT_MADR4);
	assert_strv(&r.d.deciders, 1, "x");
	adr_record_clear(&r);

	/* A block scalar in a list field still gives one-line items. */
	assert_int_equal(parse("0005-e.md", "---\nconsulted: |\n  a\n  b, c\n"
			       "informed:\n  - |\n    d\n    e\n---\n# E\n",
			       &r, &m, &e), ST_OK);
	assert_strv(&r.d.consulted, 2, "a b", "c");
	assert_strv(&r.d.informed, 1, "d e");
	/* No status: nothing is made up, nothing to warn about. */
	assert_int_equal(m.n, 0);
	assert_int_equal(r.d.status, ADR_PROPOSED);
	assert_string_equal(r.d.status_text, "");
	adr_msgs_clear(&m);
	adr_record_clear(&r);

	/* Bold metadata, "ADR-0005:" titles, a UTF-8 BOM. */
	assert_int_equal(parse("x.md", "\xEF\xBB\xBF# ADR-0005: Use E\n\n"
			       "**Status:** Accepted\n**Date**: 2024-02-02\n",
			       &r, &m, &e), ST_OK);
	assert_string_equal(r.d.title, "Use E");
	assert_int_equal(r.title_number, 5);
	assert_int_equal(r.d.number, 5);
	assert_int_equal(r.d.status, ADR_ACCEPTED);
	assert_string_equal(r.d.date, "2024-02-02");
	assert_int_equal(m.n, 0);
	adr_record_clear(&r);
}

static void test_parse_warnings(void **state)
{
	struct adr_record r;
	struct adr_msgs m;
	struct error e;

	(void)state;
	/* No status at all; a date in another format; number mismatch. */
	assert_int_equal(parse("dir/0007-g.md", "# 8. G\n\nDate: 3 March 2024\n\n"
			       "## Context\n\nc\n", &r, &m, &e), ST_OK);
	assert_int_equal(r.d.number, 7);
	assert_int_equal(r.d.status, ADR_PROPOSED);
	assert_string_equal(r.d.date, "3 March 2024");
	assert_int_equal(m.n, 2);
	assert_string_equal(m.v[0].file, "dir/0007-g.md");
	assert_int_equal(m.v[0].line, 3);
	assert_non_null(strstr(m.v[0].msg, "kept as written"));
	assert_non_null(strstr(m.v[1].msg, "title says ADR 8"));
	adr_record_clear(&r);
	adr_msgs_clear(&m);

	/* Broken YAML front matter: a warning at its line, the rest read. */
	assert_int_equal(parse("0001-y.md", "---\nstatus: accepted\n"
			       "deciders: [a, b\n---\n# Y\n\n## Status\n\nAccepted\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(r.d.status, ADR_ACCEPTED);
	assert_int_equal(m.n, 1);
	assert_true(m.v[0].line >= 3);
	assert_non_null(strstr(m.v[0].msg, "YAML"));
	adr_record_clear(&r);
	adr_msgs_clear(&m);

	/* A supersede link to a file outside any folder keeps its number. */
	assert_int_equal(parse("0009-z.md", "# 9. Z\n\n## Status\n\nAccepted\n\n"
			       "Supersedes [2. Old](0002-old.md)\n\n"
			       "Supersedes [ADR 7](../other/0007-x.md#status)\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(r.n_links, 2);
	assert_string_equal(r.links[1].target, "0007-x.md");
	assert_int_equal(r.links[1].line, 9);
	assert_int_equal(r.d.n_supersedes, 2);
	assert_int_equal(r.d.supersedes[0], 2);
	assert_int_equal(r.d.supersedes[1], 7);
	adr_record_clear(&r);
	adr_msgs_clear(&m);

	/* Other links: to a record (by file or by number) they are links;
	 * a link elsewhere, or to no number, stays text. */
	assert_int_equal(parse("0012-o.md", "# 12. O\n\n## Status\n\nAccepted\n\n"
			       "Amends [2. Old](0002-old.md)\n\n"
			       "* Clarified by [ADR 14](#adr-14)\n\n"
			       "Relates to [RFC 7231](https://example.org/rfc7231)\n\n"
			       "Relates to [the notes](notes.md)\n\n"
			       "Refines [12. Me](0012-o.md)\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(m.n, 0);
	assert_int_equal(r.n_links, 3);
	assert_string_equal(r.links[0].relation, "Amends");
	assert_string_equal(r.links[0].text, "Amends [2. Old](0002-old.md)");
	assert_string_equal(r.links[0].target, "0002-old.md");
	assert_int_equal(r.links[0].line, 7);
	assert_string_equal(r.links[1].relation, "Clarified by");
	assert_int_equal(r.links[1].number, 14);
	/* A link to itself is not a link. */
	assert_strv(&r.d.links, 2, "Amends\t2", "Clarified by\t14");
	assert_int_equal(r.d.n_supersedes, 0);
	assert_string_equal(r.d.rationale,
			    "## Links\n\n"
			    "Relates to [RFC 7231](https://example.org/rfc7231)\n\n"
			    "Relates to [the notes](notes.md)");
	assert_true(r.d.markdown);
	adr_record_clear(&r);
	adr_msgs_clear(&m);

	/* Items never hold a newline: soft breaks become spaces. */
	assert_int_equal(parse("0011-i.md", "# 11. I\n\n## Status\n\nAccepted\n\n"
			       "## Consequences\n\n### Negative\n\n"
			       "* slower builds,\n  at first\n* more\n\n  to learn\n"
			       "  * nested\n\nA closing\nparagraph.\n",
			       &r, &m, &e), ST_OK);
	/* A nested item belongs to the item above it. */
	assert_strv(&r.d.negative, 3, "slower builds, at first",
		    "more to learn nested", "A closing paragraph.");
	assert_null(r.d.rationale);
	adr_record_clear(&r);

	/* A status word that carries a link is still the status. */
	assert_int_equal(parse("0010-s.md", "# 10. S\n\n## Status\n\n"
			       "Accepted [in the review](https://example.org/r/1)\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(r.d.status, ADR_ACCEPTED);
	assert_int_equal(m.n, 0);
	assert_string_equal(r.d.rationale,
			    "## Links\n\nAccepted [in the review](https://example.org/r/1)");
	adr_record_clear(&r);

	/* Only blank lines, or headings without a title first. */
	assert_int_equal(parse("a.md", " \n\t\n", &r, &m, &e), ST_INPUT);
	assert_int_equal(e.line, 1);
	assert_int_equal(parse("b.md", "intro\n## Context\n", &r, &m, &e),
			 ST_INPUT);
	assert_int_equal(e.line, 1);
	assert_string_equal(e.file, "b.md");
	assert_int_equal(parse("c.md", "# 12.\n", &r, &m, &e), ST_INPUT);
	assert_null(r.d.title);
}

/* Text before the first section and an unstructured Good/Bad mix. */
static void test_parse_kept_text(void **state)
{
	struct adr_record r;
	struct adr_msgs m;
	struct error e;

	(void)state;
	assert_int_equal(parse("0001-k.md",
			       "# 1. K\n\nDate: 2024-01-01\n\nA note under the title.\n\n"
			       "## Status\n\nAccepted\n\n"
			       "## Rationale\n\nBecause.\n\n"
			       "## Consequences\n\n* easier\n* harder\n\n"
			       "## Context\n\nfirst\n\n"
			       "## Context\n\nsecond\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(m.n, 0);
	assert_int_equal(r.d.positive.n, 0);
	assert_string_equal(r.d.consequences, "* easier\n* harder");
	assert_string_equal(r.d.context, "first");
	/* The Rationale section comes first, then what had no field. */
	assert_string_equal(r.d.rationale,
			    "Because.\n\nA note under the title.\n\n## Context\n\nsecond");
	adr_record_clear(&r);
}

/* MADR's More Information: link lines are links, except in code. */
static void test_parse_more_information(void **state)
{
	struct adr_record r;
	struct adr_msgs m;
	struct error e;

	(void)state;
	assert_int_equal(parse("0005-m.md", "---\nstatus: accepted\n---\n"
			       "# M\n\n## Context and Problem Statement\n\nc\n\n"
			       "## More Information\n\n"
			       "This decision supersedes [ADR-0002](0002-old.md).\n\n"
			       "* Amends [ADR-0003](0003-x.md)\n"
			       "* Read [the docs](https://example.org/docs)\n\n"
			       "```md\nAmends [ADR-0004](0004-y.md)\n```\n",
			       &r, &m, &e), ST_OK);
	assert_int_equal(m.n, 0);
	assert_int_equal(r.d.n_supersedes, 1);
	assert_int_equal(r.d.supersedes[0], 2);
	assert_strv(&r.d.links, 1, "Amends\t3");
	assert_string_equal(r.d.rationale,
			    "## More Information\n\n"
			    "* Read [the docs](https://example.org/docs)\n\n"
			    "```md\nAmends [ADR-0004](0004-y.md)\n```");
	adr_record_clear(&r);
}

static void test_renumber_links(void **state)
{
	struct decision d[2];
	int old_num[] = { 1, 3 }, new_num[] = { 11, 12 };

	(void)state;
	memset(d, 0, sizeof(d));
	d[0].superseded_by = 3;
	d[1].supersedes = malloc(2 * sizeof(int));
	assert_non_null(d[1].supersedes);
	d[1].supersedes[0] = 1;
	d[1].supersedes[1] = 9;   /* not imported: dropped */
	d[1].n_supersedes = 2;
	assert_int_equal(decision_link_add(&d[0], "Amended by", 3), 0);
	assert_int_equal(decision_link_add(&d[0], "Clarifies", 9), 0);
	assert_int_equal(decision_link_add(&d[0], "Relates to", 3), 0);
	assert_int_equal(decision_link_add(&d[1], "Amends", 1), 0);
	assert_int_equal(adr_renumber_links(d, 2, old_num, new_num, 2), 2);
	assert_int_equal(d[0].superseded_by, 12);
	assert_int_equal(d[1].n_supersedes, 1);
	assert_int_equal(d[1].supersedes[0], 11);
	/* Links follow too; the one outside the map is dropped. */
	assert_strv(&d[0].links, 2, "Amended by\t12", "Relates to\t12");
	assert_strv(&d[1].links, 1, "Amends\t11");
	decision_clear(&d[0]);
	decision_clear(&d[1]);
}

static void test_title(void **state)
{
	char *t;

	(void)state;
	t = adr_import_title("doc/adr/");
	assert_string_equal(t, "ADRs from doc/adr");
	free(t);
	t = adr_import_title("/");
	assert_string_equal(t, "ADRs from /");
	free(t);
	t = adr_import_title(".");
	assert_non_null(t);
	assert_string_not_equal(t, "ADRs from .");
	assert_true(str_startswith(t, "ADRs from /"));
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_adr_tools_folder),
		cmocka_unit_test(test_madr3_folder),
		cmocka_unit_test(test_madr4_folder),
		cmocka_unit_test(test_madr2_folder),
		cmocka_unit_test(test_dated_folder),
		cmocka_unit_test(test_dupes_folder),
		cmocka_unit_test(test_broken_folder),
		cmocka_unit_test(test_status_words),
		cmocka_unit_test(test_not_a_folder),
		cmocka_unit_test(test_parse_formats),
		cmocka_unit_test(test_parse_warnings),
		cmocka_unit_test(test_parse_kept_text),
		cmocka_unit_test(test_parse_more_information),
		cmocka_unit_test(test_renumber_links),
		cmocka_unit_test(test_other_links_folder),
		cmocka_unit_test(test_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

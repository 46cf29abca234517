/*
 * test_adr_patch: a record's file rewritten where a field changed, on
 * every ADR file under tests/data/adr (ours and the real collections): for
 * each file and each field, the field is given a new value and the file
 * patched; read again, the file must have the new value in that field and
 * the old values in every other, and nothing but the field's places may
 * have moved.  With no change the bytes are the same.
 */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "adr/adr_import.h"
#include "adr/adr_patch.h"
#include "model/model.h"
#include "util/atomic.h"
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

/* One folder read as import-adr reads it: its decisions with their files,
 * and the refs their links go through. */
struct folder {
	struct workshop_data *d;
	struct adr_ref *v;
	struct adr_refs refs;
};

static void folder_open(struct folder *f, const char *sub)
{
	struct adr_import_report rep;
	struct error e;
	char *dir = fixture(sub);

	memset(f, 0, sizeof(*f));
	memset(&rep, 0, sizeof(rep));
	f->d = wsdata_new();
	assert_non_null(f->d);
	if (adr_import_dir(dir, f->d, &rep, &e) != ST_OK)
		fail_msg("%s: %s", sub, e.msg);
	f->v = calloc(f->d->n_decisions + 1, sizeof(*f->v));
	assert_non_null(f->v);
	for (size_t i = 0; i < f->d->n_decisions; i++) {
		const struct decision *x = &f->d->decisions[i];
		char date[11];

		f->v[i].number = x->number;
		f->v[i].file = x->file;
		f->v[i].title = x->title;
		adr_name_info(x->file, &f->v[i].file_number, date);
	}
	assert_int_equal(adr_refs_init(&f->refs, f->v, f->d->n_decisions), 0);
	adr_import_report_clear(&rep);
	free(dir);
}

static void folder_close(struct folder *f)
{
	adr_refs_clear(&f->refs);
	free(f->v);
	wsdata_free(&f->d);
}

static void read_back(const struct folder *f, const char *name,
		      const char *text, size_t len, struct adr_record *r)
{
	struct error e;

	if (adr_parse(name, text, len, r, NULL, &e) != ST_OK)
		fail_msg("%s: %s", name, e.msg);
	assert_int_equal(adr_resolve_links(r, &f->refs, NULL), 0);
}

static void strv_set(struct strv *sv, size_t n, ...)
{
	va_list ap;

	strv_free(sv);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strv_push(sv, va_arg(ap, const char *)), 0);
	va_end(ap);
}

static void append(char **s, const char *more)
{
	char *t = str_printf("%s%s%s", *s ? *s : "", *s ? "\n\n" : "", more);

	assert_non_null(t);
	free(*s);
	*s = t;
}

/* Give field f of x a new value; false when there is none to give. */
static bool change(struct decision *x, int f, const struct folder *fo)
{
	switch (f) {
	case ADR_F_TITLE:
		str_set(&x->title, "A title the workshop gave it");
		return true;
	case ADR_F_STATUS:
		if (x->status == ADR_SUPERSEDED)
			return false;
		x->status = x->status == ADR_DEPRECATED ? ADR_ACCEPTED :
			    ADR_DEPRECATED;
		return true;
	case ADR_F_DATE:
		str_set(&x->date, "2031-02-03");
		return true;
	case ADR_F_DECIDERS:
		strv_set(&x->deciders, 2, "Zoë Example", "Sam Other");
		return true;
	case ADR_F_CONTEXT:
		str_set(&x->context, "A context the workshop wrote.\n\nIn two paragraphs.");
		return true;
	case ADR_F_DECISION:
		append(&x->decision, "And one more paragraph from the workshop.");
		return true;
	case ADR_F_RATIONALE:
		append(&x->rationale, "## Added in the workshop\n\nWith a reason.");
		return true;
	case ADR_F_CONSEQUENCES:
		append(&x->consequences, "Something else follows.");
		return true;
	case ADR_F_POSITIVE:
		assert_int_equal(strv_push(&x->positive, "An item the workshop added"), 0);
		return true;
	case ADR_F_NEGATIVE:
		if (!x->negative.n)
			return false;
		free(x->negative.v[--x->negative.n]);
		return true;
	case ADR_F_LINKS:
		for (size_t i = 0; i < fo->d->n_decisions; i++) {
			int num = fo->d->decisions[i].number;

			if (num != x->number &&
			    decision_link_add(x, "Relates to", num) == 0)
				return true;
		}
		return false;
	default:
		return false;
	}
}

static const int fields[] = {
	ADR_F_TITLE, ADR_F_STATUS, ADR_F_DATE, ADR_F_DECIDERS, ADR_F_CONTEXT,
	ADR_F_DECISION, ADR_F_RATIONALE, ADR_F_CONSEQUENCES, ADR_F_POSITIVE,
	ADR_F_NEGATIVE, ADR_F_LINKS
};

static void check_record(const struct folder *fo, const struct decision *x,
			 size_t *checked)
{
	struct adr_record r0;
	size_t len = strlen(x->source);
	struct buf out;

	read_back(fo, x->file, x->source, len, &r0);
	/* Nothing changed: the same bytes. */
	buf_init(&out);
	assert_int_equal(adr_patch(x->source, len, &r0, x, 0, &fo->refs, &out), 0);
	if (out.len != len || memcmp(buf_str(&out), x->source, len) != 0)
		fail_msg("%s: changed with nothing to change", x->file);
	buf_free(&out);

	for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
		int f = fields[k];
		struct decision now;
		struct adr_record r1;
		unsigned bad;
		struct buf names;

		memset(&now, 0, sizeof(now));
		assert_int_equal(decision_copy(&now, &r0.d), 0);
		if (!change(&now, f, fo)) {
			decision_clear(&now);
			continue;
		}
		buf_init(&out);
		assert_int_equal(adr_patch(x->source, len, &r0, &now, 1u << f,
					   &fo->refs, &out), 0);
		read_back(fo, x->file, buf_str(&out), out.len, &r1);
		bad = adr_fields_diff(&r1.d, &now);
		if (bad) {
			buf_init(&names);
			adr_fields_names(&names, bad);
			fail_msg("%s, field %d changed: read back, %s differ\n"
				 "----\n%s----", x->file, f, buf_str(&names),
				 buf_str(&out));
		}
		(*checked)++;
		adr_record_clear(&r1);
		decision_clear(&now);
		buf_free(&out);
	}
	/* All of them at once. */
	{
		struct decision now;
		struct adr_record r1;
		unsigned all = 0, bad;

		memset(&now, 0, sizeof(now));
		assert_int_equal(decision_copy(&now, &r0.d), 0);
		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			if (change(&now, fields[k], fo))
				all |= 1u << fields[k];
		buf_init(&out);
		assert_int_equal(adr_patch(x->source, len, &r0, &now, all,
					   &fo->refs, &out), 0);
		read_back(fo, x->file, buf_str(&out), out.len, &r1);
		if ((bad = adr_fields_diff(&r1.d, &now))) {
			struct buf names;

			buf_init(&names);
			adr_fields_names(&names, bad);
			fail_msg("%s, every field changed: %s differ\n----\n%s----",
				 x->file, buf_str(&names), buf_str(&out));
		}
		(*checked)++;
		adr_record_clear(&r1);
		decision_clear(&now);
		buf_free(&out);
	}
	adr_record_clear(&r0);
}

static void check_folder(const char *sub, size_t *checked)
{
	struct folder fo;

	folder_open(&fo, sub);
	for (size_t i = 0; i < fo.d->n_decisions; i++)
		check_record(&fo, &fo.d->decisions[i], checked);
	folder_close(&fo);
}

static void test_fields_real(void **state)
{
	static const char *const dirs[] = {
		"real/adr-tools", "real/madr", "real/log4brains", "real/nats",
		"real/brighter", "real/jabref",
	};
	size_t checked = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		check_folder(dirs[i], &checked);
	assert_true(checked > 200);
}

static void test_fields_ours(void **state)
{
	static const char *const dirs[] = {
		"adr-tools", "madr2", "madr3", "madr4", "dated", "dupes", "dotted",
	};
	size_t checked = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		check_folder(dirs[i], &checked);
	assert_true(checked > 100);
}

/* A field changed: only its place moves (a small, exact example). */
static void test_only_the_place(void **state)
{
	static const char text[] =
		"---\nnav_order: 3\nstatus: \"accepted\"\n---\n# Use X\r\n";
	static const char nats[] =
		"# T\n\n|Metadata|Value|\n|--------|-----|\n"
		"|Date    |2020-04-30|\n|Status  |Implemented|\n"
		"|Tags    |a, b|\n\n## Context\n\nc\n";
	struct adr_refs refs = { 0 };
	struct adr_record r;
	struct decision now;
	struct error e;
	struct buf out;

	(void)state;
	assert_int_equal(adr_refs_init(&refs, NULL, 0), 0);
	/* Front matter: the quotes kept, nav_order untouched. */
	assert_int_equal(adr_parse("0003-x.md", text, strlen(text), &r, NULL, &e), 0);
	memset(&now, 0, sizeof(now));
	assert_int_equal(decision_copy(&now, &r.d), 0);
	now.status = ADR_DEPRECATED;
	buf_init(&out);
	assert_int_equal(adr_patch(text, strlen(text), &r, &now,
				   1u << ADR_F_STATUS, &refs, &out), 0);
	assert_string_equal(buf_str(&out),
			    "---\nnav_order: 3\nstatus: \"deprecated\"\n---\n# Use X\r\n");
	buf_free(&out);
	/* A title in a CRLF file keeps the file's line ends. */
	str_set(&now.title, "Use Y");
	now.status = ADR_ACCEPTED;
	buf_init(&out);
	assert_int_equal(adr_patch(text, strlen(text), &r, &now,
				   1u << ADR_F_TITLE, &refs, &out), 0);
	assert_string_equal(buf_str(&out),
			    "---\nnav_order: 3\nstatus: \"accepted\"\n---\n# Use Y\r\n");
	buf_free(&out);
	decision_clear(&now);
	adr_record_clear(&r);

	/* A metadata table: the cell's width kept, the other rows as they
	 * were. */
	assert_int_equal(adr_parse("ADR-1.md", nats, strlen(nats), &r, NULL, &e), 0);
	assert_string_equal(r.d.status_text, "Implemented");
	memset(&now, 0, sizeof(now));
	assert_int_equal(decision_copy(&now, &r.d), 0);
	now.status = ADR_DEPRECATED;
	buf_init(&out);
	assert_int_equal(adr_patch(nats, strlen(nats), &r, &now,
				   1u << ADR_F_STATUS, &refs, &out), 0);
	assert_non_null(strstr(buf_str(&out), "|Status  |Deprecated|\n"));
	assert_non_null(strstr(buf_str(&out), "|Tags    |a, b|\n"));
	buf_free(&out);
	decision_clear(&now);
	adr_record_clear(&r);
	adr_refs_clear(&refs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_real),
		cmocka_unit_test(test_fields_ours),
		cmocka_unit_test(test_only_the_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

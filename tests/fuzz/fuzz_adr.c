#include "config.h"
/*
 * fuzz_adr: libFuzzer harness of the ADR reader (adr_parse, one record from
 * a buffer).  An input holding a NUL byte within its first 128 bytes is
 * "NAME\0TEXT", so that file names (numbers, dates) are fuzzed too; any
 * other input is the text of "0001-fuzz.md".  A record that reads must hold
 * valid UTF-8 everywhere, one line per list item, a title and a known
 * status, and places inside the text; patched with nothing changed it
 * must give the same bytes, and patched with its title, status and lists
 * changed it must still read, with the new title.  One that does not read
 * must be left cleared with a located message.
 */

#include <string.h>

#include "adr/adr_import.h"
#include "adr/adr_patch.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"
#include "util/utf8.h"
#include "fuzz.h"

#define NAME_MAX_LEN 128

static void check_text(const char *what, const char *s)
{
	size_t bad;

	if (!s)
		return;
	FUZZ_CHECK(utf8_valid(s, strlen(s), &bad),
		   "%s: invalid UTF-8 at byte %zu", what, bad);
}

static void check_items(const char *what, const struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++) {
		FUZZ_CHECK(sv->v[i] != NULL, "%s[%zu] is NULL", what, i);
		check_text(what, sv->v[i]);
		FUZZ_CHECK(strchr(sv->v[i], '\n') == NULL,
			   "%s[%zu] spans lines: '%s'", what, i, sv->v[i]);
	}
}

static void check_record(const struct adr_record *r, const char *path)
{
	const struct decision *d = &r->d;

	FUZZ_CHECK(r->path && strcmp(r->path, path) == 0, "path not kept");
	FUZZ_CHECK(d->title != NULL, "a record without a title");
	FUZZ_CHECK(strchr(d->title, '\n') == NULL, "title spans lines: '%s'",
		   d->title);
	FUZZ_CHECK((unsigned)d->status < ADR_STATUS_COUNT, "status %d",
		   (int)d->status);
	FUZZ_CHECK(r->file_number >= 0 && r->title_number >= 0,
		   "negative number %d / %d", r->file_number, r->title_number);
	FUZZ_CHECK(r->file_date[0] == '\0' || strlen(r->file_date) == 10,
		   "file date '%s'", r->file_date);
	check_text("title", d->title);
	check_text("date", d->date);
	check_text("context", d->context);
	check_text("decision", d->decision);
	check_text("rationale", d->rationale);
	check_text("alternatives", d->alternatives);
	check_items("deciders", &d->deciders);
	check_items("consulted", &d->consulted);
	check_items("informed", &d->informed);
	check_items("positive", &d->positive);
	check_items("negative", &d->negative);
	check_items("risks", &d->risks);
	FUZZ_CHECK(d->n_supersedes == 0 || d->supersedes != NULL,
		   "supersedes count without numbers");
	for (size_t i = 0; i < r->n_links; i++) {
		const struct adr_link *l = &r->links[i];

		FUZZ_CHECK(l->number >= 0, "link number %d", l->number);
		FUZZ_CHECK(l->line >= 1, "link line %d", l->line);
		FUZZ_CHECK(!l->target || !strchr(l->target, '/'),
			   "link target '%s' is not a base name", l->target);
		check_text("link target", l->target);
	}
}

static void check_places(const struct adr_record *r, size_t size)
{
	for (int f = 0; f < ADR_F_COUNT; f++) {
		for (size_t i = 0; i < r->at[f].n; i++) {
			const struct adr_at *a = &r->at[f].v[i];

			FUZZ_CHECK(a->from <= a->start && a->start <= a->end &&
				   a->end <= a->to && a->to <= size,
				   "field %d place %zu: [%zu,%zu) in [%zu,%zu) of %zu",
				   f, i, a->start, a->end, a->from, a->to, size);
		}
	}
}

/* Patched: unchanged, the same bytes; changed, still a record. */
static void check_patch(const struct adr_record *r, const char *path,
			const char *text, size_t size)
{
	struct adr_refs refs = { 0 };
	struct adr_record again;
	struct decision now;
	struct error e;
	struct buf out;

	FUZZ_CHECK(adr_refs_init(&refs, NULL, 0) == 0, "refs");
	buf_init(&out);
	FUZZ_CHECK(adr_patch(text, size, r, &r->d, 0, &refs, &out) == 0,
		   "patch with no change failed");
	FUZZ_CHECK(out.len == size && memcmp(buf_str(&out), text, size) == 0,
		   "patch with no change changed the bytes");
	buf_free(&out);
	memset(&now, 0, sizeof(now));
	FUZZ_CHECK(decision_copy(&now, &r->d) == 0, "copy");
	str_set(&now.title, "Fuzzed title");
	now.status = now.status == ADR_ACCEPTED ? ADR_REJECTED : ADR_ACCEPTED;
	strv_push(&now.positive, "one more");
	strv_push(&now.deciders, "Someone");
	buf_init(&out);
	FUZZ_CHECK(adr_patch(text, size, r, &now, ~0u, &refs, &out) == 0,
		   "patch failed");
	memset(&again, 0, sizeof(again));
	if (adr_parse(path, buf_str(&out), out.len, &again, NULL, &e) == ST_OK)
		FUZZ_CHECK(strcmp(again.d.title, "Fuzzed title") == 0,
			   "patched title reads '%s'", again.d.title);
	adr_record_clear(&again);
	buf_free(&out);
	decision_clear(&now);
	adr_refs_clear(&refs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const void *nul = memchr(data, '\0',
				 size < NAME_MAX_LEN ? size : NAME_MAX_LEN);
	char path[NAME_MAX_LEN + 1] = "0001-fuzz.md";
	struct adr_record rec;
	struct adr_msgs msgs = { 0 };
	struct error e;
	char msg[2048];
	int rc;

	if (nul) {
		size_t n = (size_t)((const uint8_t *)nul - data);

		memcpy(path, data, n);
		path[n] = '\0';
		text += n + 1;
		size -= n + 1;
	}
	memset(&rec, 0, sizeof(rec));
	err_clear(&e);
	rc = adr_parse(path, text, size, &rec, &msgs, &e);
	/* FUZZ_VERBOSE=1: show what an input does, for triage. */
	if (getenv("FUZZ_VERBOSE")) {
		fprintf(stderr, "adr_parse(%s): %d%s%s, %zu messages\n", path,
			rc, rc ? ": " : "",
			rc ? err_format(&e, msg, sizeof(msg)) : "", msgs.n);
		for (size_t i = 0; i < msgs.n; i++)
			fprintf(stderr, "  %s\n",
				err_format(&msgs.v[i], msg, sizeof(msg)));
		if (rc == ST_OK)
			fprintf(stderr, "  #%d '%s' status %d, %zu links\n",
				rec.file_number ? rec.file_number :
				rec.title_number, rec.d.title,
				(int)rec.d.status, rec.n_links);
	}
	if (rc == ST_OK) {
		check_record(&rec, path);
		check_places(&rec, size);
		check_patch(&rec, path, text, size);
	} else {
		FUZZ_CHECK(rc == ST_INPUT, "status %d: %s", rc,
			   err_format(&e, msg, sizeof(msg)));
		FUZZ_CHECK(e.msg[0] != '\0', "an error without a message");
		FUZZ_CHECK(strcmp(e.file, path) == 0 && e.line >= 1,
			   "error not located: %s",
			   err_format(&e, msg, sizeof(msg)));
		FUZZ_CHECK(!rec.path && !rec.d.title && !rec.links &&
			   !rec.d.context && !rec.d.rationale,
			   "a failed parse left a record behind");
	}
	for (size_t i = 0; i < msgs.n; i++) {
		FUZZ_CHECK(msgs.v[i].msg[0] != '\0', "a message without text");
		FUZZ_CHECK(strcmp(msgs.v[i].file, path) == 0 &&
			   msgs.v[i].line >= 1, "message not located: %s",
			   err_format(&msgs.v[i], msg, sizeof(msg)));
	}
	adr_record_clear(&rec);
	adr_msgs_clear(&msgs);
	return 0;
}

#include "config.h"
/*
 * fuzz_content: libFuzzer harness of the content loader.  content_load
 * reads folders only, so the input is written out as files of a fresh
 * temporary folder: a line "#%file" starts the next file (content files
 * hold one kind each, and cross references span kinds), a line "#%extra"
 * starts the next file in a second folder passed as user content, whose
 * entries replace those of the first.  Both markers are YAML comments, so
 * a plain content file is its own seed.
 *
 * Invariants: the status agrees with the problems listed, every problem has
 * a message and a place in one of the files, every loaded entry is found by
 * its id, and every template of content that loads cleanly gives a
 * workshop that the interchange writer and reader accept.
 */

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "export/interchange.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/error.h"
#include "util/path.h"
#include "util/str.h"
#include "fuzz.h"

/* More files add nothing a fuzzer could not find with fewer. */
#define MAX_FILES 12

struct tree {
	char root[256];       /* the temporary folder */
	char *dir[2];         /* root/base, root/extra */
	char *files[MAX_FILES];
	size_t n_files;
};

static void tree_remove(struct tree *t)
{
	for (size_t i = 0; i < t->n_files; i++) {
		FUZZ_CHECK(unlink(t->files[i]) == 0, "unlink %s: %s",
			   t->files[i], strerror(errno));
		free(t->files[i]);
	}
	for (int i = 0; i < 2; i++) {
		if (t->dir[i])
			FUZZ_CHECK(rmdir(t->dir[i]) == 0, "rmdir %s: %s",
				   t->dir[i], strerror(errno));
		free(t->dir[i]);
	}
	FUZZ_CHECK(rmdir(t->root) == 0, "rmdir %s: %s", t->root,
		   strerror(errno));
}

static void tree_add(struct tree *t, int layer, const uint8_t *data,
		     size_t len)
{
	char name[32];
	char *path;
	FILE *f;

	snprintf(name, sizeof(name), "%02zu.yaml", t->n_files);
	path = path_join(t->dir[layer], name);
	FUZZ_CHECK(path != NULL, "out of memory");
	f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL, "create %s: %s", path, strerror(errno));
	FUZZ_CHECK(fwrite(data, 1, len, f) == len && fclose(f) == 0,
		   "write %s: %s", path, strerror(errno));
	t->files[t->n_files++] = path;
}

/* Length of a marker line ("#%file\n") at p, or 0. */
static size_t marker(const uint8_t *p, size_t left, int *layer)
{
	static const char file[] = "#%file\n", extra[] = "#%extra\n";

	if (left >= sizeof(file) - 1 && memcmp(p, file, sizeof(file) - 1) == 0)
		return sizeof(file) - 1;
	if (left >= sizeof(extra) - 1 &&
	    memcmp(p, extra, sizeof(extra) - 1) == 0) {
		*layer = 1;
		return sizeof(extra) - 1;
	}
	return 0;
}

static void tree_make(struct tree *t, const uint8_t *data, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	size_t start = 0, i = 0;
	int layer = 0;

	memset(t, 0, sizeof(*t));
	snprintf(t->root, sizeof(t->root), "%s/charrette-fuzz-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(t->root) != NULL, "mkdtemp %s: %s", t->root,
		   strerror(errno));
	t->dir[0] = path_join(t->root, "base");
	t->dir[1] = path_join(t->root, "extra");
	FUZZ_CHECK(t->dir[0] && t->dir[1], "out of memory");
	for (int j = 0; j < 2; j++)
		FUZZ_CHECK(mkdir(t->dir[j], 0700) == 0, "mkdir %s: %s",
			   t->dir[j], strerror(errno));
	/* Split at marker lines; the last file takes the rest. */
	while (i <= size) {
		int next = layer;
		size_t m = 0;

		if ((i == 0 || data[i - 1] == '\n') && i < size &&
		    t->n_files < MAX_FILES - 1)
			m = marker(data + i, size - i, &next);
		if (i == size || m) {
			if (i > start || (i == size && t->n_files == 0))
				tree_add(t, layer, data + start, i - start);
			if (i == size)
				break;
			layer = next;
			i += m;
			start = i;
			continue;
		}
		i++;
	}
}

static bool in_tree(const struct tree *t, const char *file)
{
	for (size_t i = 0; i < t->n_files; i++)
		if (strcmp(t->files[i], file) == 0)
			return true;
	return false;
}

#define CHECK_LOOKUP(k, arr, n, fn, what) \
	for (size_t i_ = 0; i_ < (k)->n; i_++) { \
		FUZZ_CHECK((k)->arr[i_].id != NULL, "%s %zu has no id", \
			   what, i_); \
		FUZZ_CHECK(fn((k), (k)->arr[i_].id) == &(k)->arr[i_], \
			   "%s '%s' is not found by its id (or twice)", what, \
			   (k)->arr[i_].id); \
	}

static void check_knowledge(const struct knowledge *k)
{
	CHECK_LOOKUP(k, sections, n_sections, knowledge_section, "section");
	CHECK_LOOKUP(k, questions, n_questions, knowledge_question,
		     "question");
	CHECK_LOOKUP(k, criteria, n_criteria, knowledge_criterion,
		     "criterion");
	CHECK_LOOKUP(k, patterns, n_patterns, knowledge_pattern, "pattern");
	CHECK_LOOKUP(k, metrics, n_metrics, knowledge_metric, "metric");
	CHECK_LOOKUP(k, techs, n_techs, knowledge_tech, "technology");
	CHECK_LOOKUP(k, templates, n_templates, knowledge_template,
		     "template");
}

/* A clean template makes a workshop that exports and imports. */
static void check_template(const struct knowledge *k, const char *id)
{
	struct workshop_data *d = NULL, *back = NULL;
	struct buf text;
	struct error e;
	char msg[2048];
	int rc;

	err_clear(&e);
	rc = content_workshop_from_template(k, id, "Fuzz", &d, &e);
	FUZZ_CHECK(rc == ST_OK && d, "template '%s': %s", id,
		   err_format(&e, msg, sizeof(msg)));
	buf_init(&text);
	rc = interchange_write_yaml(d, &text, &e);
	FUZZ_CHECK(rc == ST_OK, "template '%s' does not export: %s", id,
		   err_format(&e, msg, sizeof(msg)));
	rc = interchange_read_buffer("template.yaml",
				     text.data ? text.data : "", text.len,
				     &back, &e);
	FUZZ_CHECK(rc == ST_OK, "template '%s' exports what does not "
		   "import: %s\n%s", id, err_format(&e, msg, sizeof(msg)),
		   buf_str(&text));
	wsdata_free(&back);
	wsdata_free(&d);
	buf_free(&text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *extra[1];
	struct knowledge *k = NULL;
	struct diag diags = { 0 };
	struct tree t;
	char msg[2048];
	int rc;

	tree_make(&t, data, size);
	extra[0] = t.dir[1];
	rc = content_load(&k, t.dir[0], extra, 1, &diags);
	FUZZ_CHECK(rc == ST_OK || rc == ST_INPUT, "status %d%s%s", rc,
		   diags.n ? ": " : "",
		   diags.n ? err_format(&diags.v[0], msg, sizeof(msg)) : "");
	FUZZ_CHECK(k != NULL, "no knowledge returned");
	FUZZ_CHECK((rc == ST_OK) == (diags.n == 0),
		   "status %d with %zu problems", rc, diags.n);
	for (size_t i = 0; i < diags.n; i++) {
		const struct error *e = &diags.v[i];

		FUZZ_CHECK(e->msg[0] != '\0', "a problem without a message");
		FUZZ_CHECK(in_tree(&t, e->file) && e->line >= 1 &&
			   e->col >= 1, "a problem without its place: %s",
			   err_format(e, msg, sizeof(msg)));
	}
	/* FUZZ_VERBOSE=1: show what an input does, for triage. */
	if (getenv("FUZZ_VERBOSE")) {
		fprintf(stderr, "content_load: %d, %zu files, %zu problems, "
			"%zu templates\n", rc, t.n_files, diags.n,
			k->n_templates);
		for (size_t i = 0; i < diags.n; i++)
			fprintf(stderr, "  %s\n",
				err_format(&diags.v[i], msg, sizeof(msg)));
	}
	check_knowledge(k);
	if (rc == ST_OK)
		for (size_t i = 0; i < k->n_templates; i++)
			check_template(k, k->templates[i].id);
	knowledge_free(&k);
	diag_clear(&diags);
	tree_remove(&t);
	return 0;
}

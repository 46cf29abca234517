/*
 * content/load: reading content folders.  Every *.yaml file of a folder is
 * read in name order; its `kind:` says which lists it holds.  The shipped
 * folder comes first, then each extra folder, whose entries replace shipped
 * ones with the same id.  Files are checked to be valid UTF-8 before libyaml
 * sees them, so a bad byte is reported at its own line and column.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/internal.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"
#include "util/utf8.h"
#include "util/yaml_depth.h"

#define CONTENT_VERSION 1

/* A kind of content file and the lists it may hold (up to two). */
struct kind {
	const char *id;
	const char *keys[2];
	void (*parse[2])(struct rd *r, yaml_node_t *n);
};

static const struct kind kinds[] = {
	{ "interview", { "sections", NULL }, { parse_sections, NULL } },
	{ "criteria", { "criteria", NULL }, { parse_criteria, NULL } },
	{ "catalogue", { "categories", "technologies" },
	  { parse_categories, parse_techs } },
	{ "patterns", { "patterns", NULL }, { parse_patterns, NULL } },
	{ "rules", { "rules", NULL }, { parse_rules, NULL } },
	{ "antipatterns", { "antipatterns", NULL },
	  { parse_antipatterns, NULL } },
	{ "metrics", { "metrics", NULL }, { parse_metrics, NULL } },
	{ "templates", { "templates", NULL }, { parse_templates, NULL } },
};

#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static void io_error(struct loader *ld, const char *file, const char *fmt,
		     const char *detail)
{
	struct error e;

	err_setloc(&e, ST_ERROR, file, 0, 0, fmt, detail);
	if (diag_add(ld->diags, &e) < 0)
		ld->oom = true;
	ld->io_error = true;
}

/* The value of a top-level scalar key, or NULL. */
static yaml_node_t *top_key(struct rd *r, yaml_node_t *root, const char *key)
{
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = rd_node(r, p->key);

		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return rd_node(r, p->value);
	}
	return NULL;
}

static void load_root(struct rd *r, yaml_node_t *root)
{
	struct key keys[4] = { { "kind", true }, { "version", true } };
	yaml_node_t *v[4], *kn, *vn;
	const struct kind *kd = NULL;
	const char *id;
	double version;
	size_t nkeys = 2;

	if (root->type != YAML_MAPPING_NODE) {
		rd_error(r, root, _("a content file must be a mapping with "
				    "'kind' and 'version', not %s"),
			 rd_type(root));
		return;
	}
	/* A workshop (data/demo.yaml, an export) is not content. */
	if (top_key(r, root, "charrette"))
		return;
	kn = top_key(r, root, "kind");
	if (!kn) {
		rd_error(r, root, _("content file is missing required key "
				    "'kind'"));
		return;
	}
	if (kn->type != YAML_SCALAR_NODE) {
		rd_error(r, kn, _("'kind' must be a string, not %s"),
			 rd_type(kn));
		return;
	}
	id = (const char *)kn->data.scalar.value;
	for (size_t i = 0; i < N_KINDS; i++)
		if (strcmp(id, kinds[i].id) == 0)
			kd = &kinds[i];
	if (!kd) {
		rd_error(r, kn, _("unknown kind '%s' (interview, criteria, "
				  "catalogue, patterns, rules, antipatterns, "
				  "metrics or templates)"), id);
		return;
	}
	vn = top_key(r, root, "version");
	if (!vn) {
		rd_error(r, root, _("content file is missing required key "
				    "'version'"));
		return;
	}
	if (vn->type != YAML_SCALAR_NODE ||
	    !content_parse_number((const char *)vn->data.scalar.value,
				  &version) ||
	    version != CONTENT_VERSION) {
		rd_error(r, vn, _("unsupported version '%s' (this charrette "
				  "reads version %d)"),
			 vn->type == YAML_SCALAR_NODE ?
			 (const char *)vn->data.scalar.value : rd_type(vn),
			 CONTENT_VERSION);
		return;
	}
	for (size_t i = 0; i < 2 && kd->keys[i]; i++)
		keys[nkeys++] = (struct key){ kd->keys[i], false };
	rd_map(r, root, _("a content file"), keys, nkeys, v);
	for (size_t i = 2; i < nkeys; i++)
		if (v[i])
			kd->parse[i - 2](r, v[i]);
}

/* Line and column (1-based, in characters) of byte offset off. */
static void place_of(const char *s, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static char *slurp(FILE *f, size_t *len)
{
	struct buf b;
	char chunk[8192];
	size_t n;

	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&b, chunk, n) < 0)
			break;
	if (ferror(f) || b.oom) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (!b.data)
		return str_dup("");
	return buf_detach(&b);
}

/* libyaml's words for what it could not load, at its place. */
static void yaml_problem(struct loader *ld, const char *path,
			 const yaml_parser_t *parser)
{
	ld_error(ld, path, (int)parser->problem_mark.line + 1,
		 (int)parser->problem_mark.column + 1, "%s%s%s",
		 parser->problem ? parser->problem : _("malformed YAML"),
		 parser->context ? ", " : "",
		 parser->context ? parser->context : "");
}

/* A file that cannot be opened: the installation's fault for shipped
 * content (exit 1), bad input for a folder the user named (exit 2). */
static void open_error(struct loader *ld, const char *path, bool shipped,
		       const char *detail)
{
	if (shipped)
		io_error(ld, path, _("cannot open: %s"), detail);
	else
		ld_error(ld, path, 0, 0, _("cannot open: %s"), detail);
}

/* Nesting libyaml would take minutes over, or aliases that make a file
 * too large, are reported, not loaded. */
static bool too_deep(struct loader *ld, const char *path, const char *text,
		     size_t len)
{
	struct error e;

	err_clear(&e);
	if (yaml_limits_check(path, text, len, YAML_CONTENT_MAX_BYTES, &e) ==
	    ST_OK)
		return false;
	if (e.code == ST_ERROR || diag_add(ld->diags, &e) < 0)
		ld->oom = true;
	return true;
}

static void load_file(struct loader *ld, const char *path, bool shipped)
{
	struct stat st;
	yaml_parser_t parser;
	yaml_document_t doc;
	struct rd r = { .ld = ld, .file = path, .doc = &doc };
	size_t len = 0, bad;
	yaml_node_t *root;
	char *text;
	FILE *f;
	int line, col;

	f = fopen(path, "rb");
	if (!f) {
		open_error(ld, path, shipped, strerror(errno));
		return;
	}
	if (fstat(fileno(f), &st) != 0)
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		fclose(f);
		ld_error(ld, path, 0, 0, "%s", _("is a folder, not a file"));
		return;
	}
	if (S_ISREG(st.st_mode) && st.st_size > (off_t)YAML_CONTENT_MAX_BYTES) {
		fclose(f);
		ld_error(ld, path, 0, 0, _("too large for a content file (%lld "
					   "bytes; at most %u MiB)"),
			 (long long)st.st_size, YAML_CONTENT_MAX_BYTES >> 20);
		return;
	}
	text = slurp(f, &len);
	fclose(f);
	if (!text) {
		io_error(ld, path, _("cannot read: %s"),
			 errno ? strerror(errno) : _("out of memory"));
		return;
	}
	if (!utf8_valid(text, len, &bad)) {
		place_of(text, bad, &line, &col);
		ld_error(ld, path, line, col, _("invalid UTF-8 (byte 0x%02X)"),
			 (unsigned char)text[bad]);
		free(text);
		return;
	}
	if (too_deep(ld, path, text, len)) {
		free(text);
		return;
	}
	if (!yaml_parser_initialize(&parser)) {
		free(text);
		ld->oom = true;
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
				     len);
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_problem(ld, path, &parser);
		goto out;
	}
	root = yaml_document_get_root_node(&doc);
	if (!root) {
		ld_error(ld, path, 1, 1, _("the file is empty"));
		yaml_document_delete(&doc);
		goto out;
	}
	load_root(&r, root);
	yaml_document_delete(&doc);
	/* One document per file: a second one would be silently lost. */
	if (!yaml_parser_load(&parser, &doc)) {
		yaml_problem(ld, path, &parser);
		goto out;
	}
	root = yaml_document_get_root_node(&doc);
	if (root)
		ld_error(ld, path, (int)root->start_mark.line + 1,
			 (int)root->start_mark.column + 1,
			 _("a content file holds one YAML document"));
	yaml_document_delete(&doc);
out:
	yaml_parser_delete(&parser);
	free(text);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool wanted(const char *dir, const char *name, bool shipped)
{
	size_t n = strlen(name);
	struct stat st;
	char *path;
	bool ok;

	if (name[0] == '.' || n <= 5 || strcmp(name + n - 5, ".yaml") != 0)
		return false;
	/* The bundled demo workshop lives beside the shipped content. */
	if (shipped && strcmp(name, "demo.yaml") == 0)
		return false;
	/* Anything else named *.yaml is loaded, so that a folder or a
	 * dangling link by that name is reported, not skipped. */
	path = path_join(dir, name);
	ok = path && (lstat(path, &st) != 0 || S_ISREG(st.st_mode) ||
		      S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode));
	free(path);
	return ok;
}

int content_files(const char *dir, bool shipped, struct strv *names)
{
	struct dirent *de;
	DIR *d;
	int rc = 0;

	names->v = NULL;
	names->n = 0;
	d = opendir(dir);
	if (!d)
		return errno ? -errno : -EIO;
	while ((de = readdir(d)) != NULL) {
		if (wanted(dir, de->d_name, shipped) &&
		    strv_push(names, de->d_name) < 0) {
			rc = -ENOMEM;
			break;
		}
	}
	closedir(d);
	if (rc < 0)
		strv_free(names);
	else if (names->n)
		qsort(names->v, names->n, sizeof(names->v[0]), cmp_names);
	return rc;
}

static void load_dir(struct loader *ld, const char *dir, bool shipped)
{
	struct strv names = { 0 };
	int rc = content_files(dir, shipped, &names);

	if (rc == -ENOMEM) {
		ld->oom = true;
		return;
	}
	if (rc < 0) {
		if (shipped || rc != -ENOENT)
			io_error(ld, dir, _("cannot read content folder: %s"),
				 strerror(-rc));
		return;
	}
	for (size_t i = 0; i < names.n && !ld->oom; i++) {
		char *path = path_join(dir, names.v[i]);

		if (!path) {
			ld->oom = true;
			break;
		}
		load_file(ld, path, shipped);
		free(path);
	}
	strv_free(&names);
}

static void loader_free(struct loader *ld)
{
	for (int c = 0; c < COLL_COUNT; c++) {
		free(ld->layer[c]);
		strv_free(&ld->broken[c]);
	}
	for (size_t i = 0; i < ld->n_refs; i++) {
		free(ld->refs[i].id);
		free(ld->refs[i].question);
		free(ld->refs[i].context);
		free(ld->refs[i].at.file);
	}
	free(ld->refs);
}

int content_load(struct knowledge **out, const char *shipped_dir,
		 const char *const *extra_dirs, size_t n_extra,
		 struct diag *diags)
{
	struct loader ld = { 0 };
	size_t before = diags->n;

	*out = NULL;
	ld.diags = diags;
	ld.k = calloc(1, sizeof(*ld.k));
	if (!ld.k)
		goto oom;
	load_dir(&ld, shipped_dir, true);
	for (size_t i = 0; i < n_extra && !ld.oom; i++) {
		if (!extra_dirs[i])
			continue;
		ld.cur_layer = i + 1;
		load_dir(&ld, extra_dirs[i], false);
	}
	if (!ld.oom)
		check_refs(&ld);
	if (!ld.oom)
		finish_knowledge(&ld);
	loader_free(&ld);
	if (ld.oom)
		goto oom;
	*out = ld.k;
	if (ld.io_error)
		return ST_ERROR;
	return diags->n > before ? ST_INPUT : ST_OK;
oom:
	knowledge_free(&ld.k);
	{
		struct error e;

		err_set(&e, ST_ERROR, "%s", _("out of memory"));
		diag_add(diags, &e);
	}
	return ST_ERROR;
}

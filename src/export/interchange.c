#include "config.h"
/*
 * interchange: reading a whole workshop from one YAML document (JSON is read
 * through the same parser, JSON's syntax being YAML's flow style).  The text
 * is parsed with libyaml's document API and walked node by node; every value
 * is checked (types, ranges, ids, cross references) and the first problem is
 * reported with the file:line:col of the node at fault.  Nothing is returned
 * on error.  The writers live in interchange_write.c.
 *
 * Scalars are typed the way YAML 1.2's core schema does it, but only where a
 * field wants a type: a plain `35` is a number, `null`, `~` and an empty
 * plain scalar are "missing", anything quoted is text.  Text fields accept a
 * plain number as its literal text, so `name: 2024` is the name "2024".
 */

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <yaml.h>

#include "export/interchange.h"
#include "export/interchange_int.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/yaml_depth.h"

enum top {
	T_VERSION, T_TITLE, T_TEMPLATE, T_STAGE, T_FACILITATOR, T_ARCHIVED,
	T_SCALE, T_ANSWERS, T_WEIGHTING, T_CRITERIA, T_PAIRWISE, T_APPROACHES,
	T_VOTES, T_DECISIONS, T_RISKS, T_METRICS, T_ROADMAP, T_NEXT,
	T_AGENDA, T_TIMER, T_ROUNDS, T_READY, T_PARKING, T_COUNT
};

static int read_root(struct rd *r, const node_t *root)
{
	static const char *const keys[T_COUNT + 1] = {
		"charrette", "title", "template", "stage", "facilitator",
		"archived", "score_scale", "answers", "weighting", "criteria",
		"pairwise", "approaches", "votes", "decisions", "risks",
		"metrics", "roadmap", "next_steps", "agenda", "timer", "rounds",
		"ready", "parking_lot", NULL
	};
	node_t *f[T_COUNT], *ver = NULL;
	struct workshop *w = &r->d->ws;
	int version;

	if (root->type != YAML_MAPPING_NODE)
		return ix_fail(r, root, _("a workshop file must be a mapping, not %s"),
			    ix_kind_name(root));
	/* The version first: a newer file's keys are not "unknown keys". */
	FOR_PAIRS(p, root) {
		node_t *k = ix_nd(r, p->key);

		if (k->type == YAML_SCALAR_NODE &&
		    strcmp(ix_sval(k), "charrette") == 0) {
			ver = ix_nd(r, p->value);
			break;
		}
	}
	if (!ver)
		return ix_fail(r, root, "%s",
			    _("'charrette: 1' is missing: is this a charrette workshop file?"));
	if (ix_get_int(r, ver, "charrette", 1, 1000000000, &version) < 0)
		return -1;
	if (version != INTERCHANGE_VERSION)
		return ix_fail(r, ver, _("unsupported charrette file version %d (this build reads version %d)"),
			    version, INTERCHANGE_VERSION);
	if (ix_fields(r, root, _("a workshop file"), keys, f) < 0)
		return -1;
	if (!f[T_TITLE] || ix_is_null(f[T_TITLE]))
		return ix_fail(r, f[T_TITLE] ? f[T_TITLE] : root, "%s",
			    _("'title' is missing"));
	if (ix_get_line(r, f[T_TITLE], "title", &w->title) < 0 ||
	    ix_get_line(r, f[T_TEMPLATE], "template", &w->template_name) < 0 ||
	    ix_get_line(r, f[T_FACILITATOR], "facilitator", &w->facilitator) < 0)
		return -1;
	if (f[T_STAGE] && (f[T_STAGE]->type != YAML_SCALAR_NODE ||
			   stage_from_id(ix_sval(f[T_STAGE]), &w->stage) < 0))
		return ix_fail(r, f[T_STAGE], _("unknown stage '%s'"),
			    f[T_STAGE]->type == YAML_SCALAR_NODE ?
			    ix_sval(f[T_STAGE]) : "");
	if (f[T_ARCHIVED] && ix_get_bool(r, f[T_ARCHIVED], "archived",
				      &w->archived) < 0)
		return -1;
	if (f[T_WEIGHTING] && (f[T_WEIGHTING]->type != YAML_SCALAR_NODE ||
			       weighting_from_id(ix_sval(f[T_WEIGHTING]),
						 &w->weighting) < 0))
		return ix_fail(r, f[T_WEIGHTING], _("unknown weighting '%s' (expected direct or ahp)"),
			    f[T_WEIGHTING]->type == YAML_SCALAR_NODE ?
			    ix_sval(f[T_WEIGHTING]) : "");
	if ((f[T_SCALE] && ix_read_scale(r, f[T_SCALE]) < 0) ||
	    (f[T_ANSWERS] && !ix_is_null(f[T_ANSWERS]) &&
	     ix_read_answers(r, f[T_ANSWERS]) < 0) ||
	    (f[T_CRITERIA] && !ix_is_null(f[T_CRITERIA]) &&
	     ix_read_criteria(r, f[T_CRITERIA]) < 0) ||
	    (f[T_PAIRWISE] && !ix_is_null(f[T_PAIRWISE]) &&
	     ix_read_pairwise(r, f[T_PAIRWISE]) < 0) ||
	    (f[T_APPROACHES] && !ix_is_null(f[T_APPROACHES]) &&
	     ix_read_approaches(r, f[T_APPROACHES]) < 0) ||
	    (f[T_VOTES] && !ix_is_null(f[T_VOTES]) &&
	     ix_read_votes(r, f[T_VOTES]) < 0) ||
	    (f[T_DECISIONS] && !ix_is_null(f[T_DECISIONS]) &&
	     ix_read_decisions(r, f[T_DECISIONS]) < 0) ||
	    (f[T_RISKS] && !ix_is_null(f[T_RISKS]) &&
	     ix_read_risks(r, f[T_RISKS]) < 0) ||
	    (f[T_METRICS] && !ix_is_null(f[T_METRICS]) &&
	     ix_read_metrics(r, f[T_METRICS]) < 0) ||
	    (f[T_ROADMAP] && !ix_is_null(f[T_ROADMAP]) &&
	     ix_read_roadmap(r, f[T_ROADMAP]) < 0) ||
	    ix_get_strv(r, f[T_NEXT], "next_steps", &r->d->next_steps) < 0 ||
	    ix_read_room(r, f[T_AGENDA], f[T_TIMER], f[T_ROUNDS], f[T_READY],
		      f[T_PARKING]) < 0)
		return -1;
	return 0;
}

/* ---- text-level checks before libyaml sees the buffer ------------------ */

/* 1-based line and column (in code points) of byte offset off. */
static void locate(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off && i < len; i++)
		if (s[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = 1;
	for (size_t i = start; i < off && i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			(*col)++;
}

static int hexval(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/*
 * JSON writes characters beyond the BMP as UTF-16 surrogate pairs
 * ("\ud83d\ude00"), which YAML's double-quoted strings refuse.  In a JSON
 * document (it starts with '{' or '[') rewrite each pair inside a string
 * as YAML's "\U0001F600".  *out stays NULL when nothing needed rewriting.
 * The rewrite shortens a line by 2 columns per pair: later error columns
 * on that line are off by as much.
 */
static int json_surrogates(const char *s, size_t len, char **out,
			   size_t *out_len)
{
	size_t i = 0;
	bool in_str = false, changed = false;
	struct buf b;

	*out = NULL;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (i >= len || (s[i] != '{' && s[i] != '['))
		return 0;
	buf_init(&b);
	for (i = 0; i < len; i++) {
		char c = s[i];
		int hi, lo;

		if (!in_str) {
			in_str = c == '"';
			buf_putc(&b, c);
			continue;
		}
		if (c == '"') {
			in_str = false;
			buf_putc(&b, c);
			continue;
		}
		if (c != '\\' || i + 1 >= len) {
			buf_putc(&b, c);
			continue;
		}
		if (i + 12 <= len && s[i + 1] == 'u' && s[i + 6] == '\\' &&
		    s[i + 7] == 'u' && (hi = hexval(s + i + 2)) >= 0xD800 &&
		    hi <= 0xDBFF && (lo = hexval(s + i + 8)) >= 0xDC00 &&
		    lo <= 0xDFFF) {
			long cp = 0x10000 + ((long)(hi - 0xD800) << 10) +
				  (lo - 0xDC00);

			buf_printf(&b, "\\U%08lX", cp);
			changed = true;
			i += 11;
			continue;
		}
		buf_add(&b, s + i, 2);
		i++;
	}
	if (b.oom) {
		buf_free(&b);
		return ST_ERROR;
	}
	if (!changed) {
		buf_free(&b);
		return 0;
	}
	*out_len = b.len;
	*out = buf_detach(&b);
	return *out ? 0 : ST_ERROR;
}

static int yaml_problem(struct rd *r, yaml_parser_t *p, const char *data,
			size_t len)
{
	int line, col;
	char ctx[200] = "";

	if (p->error == YAML_MEMORY_ERROR)
		return ix_oom(r);
	if (p->error == YAML_READER_ERROR) {
		locate(data, len, p->problem_offset, &line, &col);
		return err_setloc(r->e, ST_INPUT, r->name, line, col,
				  _("malformed YAML: %s"),
				  p->problem ? p->problem : "?");
	}
	if (p->context)
		snprintf(ctx, sizeof(ctx), _(" (%s at line %d)"), p->context,
			 (int)p->context_mark.line + 1);
	return err_setloc(r->e, ST_INPUT, r->name,
			  (int)p->problem_mark.line + 1,
			  (int)p->problem_mark.column + 1,
			  _("malformed YAML: %s%s"),
			  p->problem ? p->problem : "?", ctx);
}

static int too_large(const char *name, size_t len, struct error *e)
{
	return err_setloc(e, ST_INPUT, name, 0, 0,
			  _("too large for a workshop file (%zu bytes; at most "
			    "%d MiB)"), len, INTERCHANGE_MAX_BYTES >> 20);
}

int interchange_read_buffer(const char *name, const char *data, size_t len,
			    struct workshop_data **out, struct error *e)
{
	yaml_parser_t parser;
	yaml_document_t doc, extra;
	struct rd r = { name ? name : "-", &doc, e, NULL };
	char *fixed = NULL;
	size_t fixed_len = 0, bad;
	node_t *root;
	int rc = ST_INPUT;

	*out = NULL;
	if (len > INTERCHANGE_MAX_BYTES)
		return too_large(r.name, len, e);
	if (!utf8_valid(data, len, &bad)) {
		int line, col;

		locate(data, len, bad, &line, &col);
		return err_setloc(e, ST_INPUT, r.name, line, col,
				  _("invalid UTF-8 (byte 0x%02x)"),
				  (unsigned char)data[bad]);
	}
	if (json_surrogates(data, len, &fixed, &fixed_len) < 0)
		return ix_oom(&r);
	if (fixed) {
		data = fixed;
		len = fixed_len;
	}
	/* Aliases count: the limit is on the text as the reader sees it. */
	if ((rc = yaml_limits_check(r.name, data, len, INTERCHANGE_MAX_BYTES,
				    e)) < 0) {
		free(fixed);
		return rc;
	}
	rc = ST_INPUT;
	if (!yaml_parser_initialize(&parser)) {
		free(fixed);
		return ix_oom(&r);
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = yaml_problem(&r, &parser, data, len);
		goto out_parser;
	}
	root = yaml_document_get_root_node(&doc);
	if (!root) {
		rc = err_setloc(e, ST_INPUT, r.name, 1, 1, "%s",
				_("the file is empty"));
		goto out_doc;
	}
	if (!yaml_parser_load(&parser, &extra)) {
		rc = yaml_problem(&r, &parser, data, len);
		goto out_doc;
	}
	if (yaml_document_get_root_node(&extra)) {
		rc = err_setloc(e, ST_INPUT, r.name,
				(int)extra.start_mark.line + 1,
				(int)extra.start_mark.column + 1, "%s",
				_("a second YAML document: a file holds one workshop"));
		yaml_document_delete(&extra);
		goto out_doc;
	}
	yaml_document_delete(&extra);
	if (!(r.d = wsdata_new())) {
		rc = ix_oom(&r);
		goto out_doc;
	}
	if (read_root(&r, root) < 0) {
		rc = e->code;
		wsdata_free(&r.d);
		goto out_doc;
	}
	*out = r.d;
	rc = ST_OK;
out_doc:
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
	free(fixed);
	return rc;
}

int interchange_read_file(const char *path, struct workshop_data **out,
			  struct error *e)
{
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	/* Refuse a huge file before reading it into memory. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > INTERCHANGE_MAX_BYTES)
		return too_large(path, (size_t)st.st_size, e);
	rc = file_read_all(path, &data, &len, e);
	if (rc < 0)
		return rc;
	rc = interchange_read_buffer(path, data, len, out, e);
	free(data);
	return rc;
}

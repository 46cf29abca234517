#include "config.h"
/*
 * yaml_depth: the limits checked on libyaml's event stream before a
 * document is built: nesting depth, and the size of the text once every
 * alias is expanded.
 *
 * libyaml's document API does not copy an aliased node, but everything
 * that walks the document does (the interchange reader copies every text
 * it meets, the content loader reports every problem it meets), so nine
 * aliases of nine aliases of ... cost what the expanded text costs: a 1 MB
 * "billion laughs" file became a 316 MB database.  The expanded size is
 * counted exactly: an anchored node's size is the span of its text plus
 * what the aliases inside it add; each alias adds its anchor's size less
 * its own length.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/i18n.h"
#include "util/str.h"
#include "util/yaml_depth.h"

/* One anchor: its name, and its expanded size once its node has ended. */
struct anchor {
	char *name;
	uint64_t size;
	bool open;            /* its collection has not ended yet */
	size_t next;          /* the next anchor of the same hash, + 1 */
};

struct anchors {
	struct anchor *v;
	size_t n, cap;
	size_t buckets[256];  /* index + 1 of the newest anchor of a hash */
};

/* An open collection: where it started, and the extra size then. */
struct open_node {
	size_t anchor;        /* index + 1 in anchors, 0 = none */
	size_t start;         /* byte offset of its first character */
	uint64_t extra;
};

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h & 255;
}

/* The newest anchor called `name` (index + 1, 0 = none). */
static size_t anchor_find(const struct anchors *a, const char *name)
{
	for (size_t i = a->buckets[hash(name)]; i; i = a->v[i - 1].next)
		if (strcmp(a->v[i - 1].name, name) == 0)
			return i;
	return 0;
}

/* A new anchor (index + 1; 0 when out of memory).  A later anchor of the
 * same name hides the earlier one, as YAML says. */
static size_t anchor_add(struct anchors *a, const char *name)
{
	unsigned h = hash(name);
	struct anchor *p;

	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;

		if (!(p = realloc(a->v, cap * sizeof(*p))))
			return 0;
		a->v = p;
		a->cap = cap;
	}
	p = &a->v[a->n];
	if (!(p->name = str_dup(name)))
		return 0;
	p->size = 0;
	p->open = true;
	p->next = a->buckets[h];
	a->buckets[h] = ++a->n;
	return a->n;
}

static void anchors_free(struct anchors *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].name);
	free(a->v);
}

static int refuse(struct error *e, const char *name, const yaml_event_t *ev,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int refuse(struct error *e, const char *name, const yaml_event_t *ev,
		  const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_setloc(e, ST_INPUT, name, (int)ev->start_mark.line + 1,
			  (int)ev->start_mark.column + 1, "%s", msg);
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

int yaml_limits_check(const char *name, const char *data, size_t len,
		      size_t max_bytes, struct error *e)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct anchors anchors;
	struct open_node stack[YAML_MAX_DEPTH + 1];
	uint64_t extra = 0;    /* what the aliases add to len so far */
	int depth = 0, rc = ST_OK;
	bool done = false;

	memset(&anchors, 0, sizeof(anchors));
	if (!yaml_parser_initialize(&parser))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		const char *anchor = NULL;
		size_t at;

		if (!yaml_parser_parse(&parser, &ev))
			break;  /* a syntax error: the loader says it */
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			anchor = (const char *)(ev.type == YAML_SEQUENCE_START_EVENT
				 ? ev.data.sequence_start.anchor
				 : ev.data.mapping_start.anchor);
			if (++depth > YAML_MAX_DEPTH) {
				rc = refuse(e, name, &ev,
					    _("nested more than %d levels deep"),
					    YAML_MAX_DEPTH);
				done = true;
				break;
			}
			at = anchor ? anchor_add(&anchors, anchor) : 0;
			if (anchor && !at) {
				rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
				done = true;
				break;
			}
			stack[depth].anchor = at;
			stack[depth].start = ev.start_mark.index;
			stack[depth].extra = extra;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0 && stack[depth].anchor) {
				struct anchor *a = &anchors.v[stack[depth].anchor - 1];

				a->size = add_sat(ev.end_mark.index -
						  stack[depth].start,
						  extra - stack[depth].extra);
				a->open = false;
			}
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			anchor = (const char *)ev.data.scalar.anchor;
			if (!anchor)
				break;
			if (!(at = anchor_add(&anchors, anchor))) {
				rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
				done = true;
				break;
			}
			anchors.v[at - 1].size = ev.end_mark.index -
						 ev.start_mark.index;
			anchors.v[at - 1].open = false;
			break;
		case YAML_ALIAS_EVENT: {
			uint64_t size, own = ev.end_mark.index -
					     ev.start_mark.index;

			at = anchor_find(&anchors,
					 (const char *)ev.data.alias.anchor);
			if (!at)
				break;  /* undefined: the loader says it */
			if (anchors.v[at - 1].open) {
				rc = refuse(e, name, &ev,
					    _("the alias *%s is inside the node "
					      "it names (a loop)"),
					    (const char *)ev.data.alias.anchor);
				done = true;
				break;
			}
			/* The alias stands for a copy of what it names. */
			size = anchors.v[at - 1].size;
			if (size > own)
				extra = add_sat(extra, size - own);
			if (add_sat(len, extra) > max_bytes) {
				rc = refuse(e, name, &ev,
					    _("the aliases expand this file past "
					      "%zu MiB (each use of an alias "
					      "counts as a copy of what it "
					      "names)"), max_bytes >> 20);
				done = true;
			}
			break;
		}
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	anchors_free(&anchors);
	return rc;
}

int yaml_depth_check(const char *name, const char *data, size_t len,
		     struct error *e)
{
	return yaml_limits_check(name, data, len, SIZE_MAX, e);
}

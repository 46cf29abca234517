/*
 * yaml_depth: refuse YAML nested too deeply, or growing too large through
 * its aliases, before libyaml builds a document of it.  libyaml's scanner keeps one entry per open flow level
 * and walks them all at every token, so 100,000 nested '[' take it half a
 * minute; no content or workshop file needs more than a handful of levels.
 */
#ifndef CHARRETTE_UTIL_YAML_DEPTH_H
#define CHARRETTE_UTIL_YAML_DEPTH_H

#include <stddef.h>

#include "util/error.h"

/* Deeper than this is refused: far beyond any file we read. */
#define YAML_MAX_DEPTH 64

/*
 * Walk the events of data[0..len) until STREAM_END.  Returns ST_OK when no
 * collection is nested more than YAML_MAX_DEPTH deep, or when libyaml
 * reports a syntax error (the caller's loader reports that one in its own
 * words); else ST_INPUT with name:line:col of the collection too deep.
 * ST_ERROR when out of memory.
 */
int yaml_depth_check(const char *name, const char *data, size_t len,
		     struct error *e);

/* What a content file may weigh, read or with its aliases expanded. */
#define YAML_CONTENT_MAX_BYTES (16u << 20)

/*
 * As yaml_depth_check, and also ST_INPUT at the alias that makes the text
 * longer than max_bytes once every alias is replaced by a copy of what it
 * names (a "billion laughs" file), or at an alias inside the node it names
 * (a loop).
 */
int yaml_limits_check(const char *name, const char *data, size_t len,
		      size_t max_bytes, struct error *e);

#endif

/*
 * content: loading the data/ YAML files (and a user's content folder) into a
 * struct knowledge with libyaml.  Every error names file:line:col.  Loading
 * goes on after an error so that `charrette check-data` can list them all.
 */
#ifndef CHARRETTE_CONTENT_H
#define CHARRETTE_CONTENT_H

#include <stddef.h>

#include "model/knowledge.h"
#include "util/error.h"

/*
 * A list of errors, each with its place, each told once: the same error at
 * the same place again (an alias used a thousand times repeats its
 * node's problems a thousand times) only counts in times[].  Past
 * DIAG_MAX different errors the rest are only counted (dropped), so a
 * hostile file cannot make the list, or what prints it, unbounded.
 */
#define DIAG_MAX 1000

struct diag {
	struct error *v;
	size_t n;
	size_t *times;     /* how often v[i] was reported (>= 1) */
	size_t dropped;    /* different errors past DIAG_MAX, not kept */
	size_t *slots;     /* hash of v: index + 1, 0 = empty */
	size_t n_slots;
};

void diag_clear(struct diag *d);
int diag_add(struct diag *d, const struct error *e);
/* v[i] as "FILE:LINE:COL: message", with " (reported N times)" when it
 * was; into buf. */
const char *diag_format(const struct diag *d, size_t i, char *buf,
			size_t size);

/*
 * Load every *.yaml file of the shipped folder (sorted by name), then of
 * each extra folder (user content: adds files, and an entry whose id exists
 * replaces it).  Cross references (show_if questions and options, rule
 * criteria, template members, pattern categories) are checked after all
 * files are read.  Returns ST_OK, or ST_INPUT with every problem in *diags
 * (*out is then still filled with what could be loaded, or NULL on OOM).
 * A missing extra folder is not an error; a missing shipped folder is.
 */
int content_load(struct knowledge **out, const char *shipped_dir,
		 const char *const *extra_dirs, size_t n_extra,
		 struct diag *diags);
void knowledge_free(struct knowledge **k);

/*
 * content_load through a cache in cache_dir (created if missing; NULL: no
 * cache): when the content files and the program are exactly as when the
 * cache was written, the knowledge comes from it without parsing anything;
 * otherwise the files are loaded and, if that found no problem at all, the
 * cache is rewritten.  Problems are reported exactly as by content_load.
 */
int content_load_cached(struct knowledge **out, const char *shipped_dir,
			const char *const *extra_dirs, size_t n_extra,
			const char *cache_dir, struct diag *diags);

const struct template_def *knowledge_template(const struct knowledge *k,
					      const char *id);
const struct question *knowledge_question(const struct knowledge *k,
					  const char *id);
const struct section *knowledge_section(const struct knowledge *k,
					const char *id);
const struct criterion_def *knowledge_criterion(const struct knowledge *k,
						const char *id);
const struct pattern *knowledge_pattern(const struct knowledge *k,
					const char *id);
const struct metric_def *knowledge_metric(const struct knowledge *k,
					  const char *id);
const struct tech *knowledge_tech(const struct knowledge *k, const char *id);

/*
 * A new workshop built from a template, ready for store_workshop_import():
 * title, template name, the template's criteria (ids, names, descriptions,
 * default weights) and metrics (ids, names, units, no values yet).
 * ST_NOTFOUND when there is no such template (e names the known ones).
 */
int content_workshop_from_template(const struct knowledge *k,
				   const char *template_id, const char *title,
				   struct workshop_data **out,
				   struct error *e);

#endif

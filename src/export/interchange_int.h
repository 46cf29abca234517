/*
 * interchange_int: what the parts of the interchange reader share (the
 * reader's state, the YAML node helpers and typed getters, the section
 * readers).  interchange_get.c has the getters, interchange_sections.c the
 * workshop's sections, interchange_room.c the room's keys, interchange.c
 * the document and its top level.  Internal to src/export.
 */
#ifndef CHARRETTE_EXPORT_INTERCHANGE_INT_H
#define CHARRETTE_EXPORT_INTERCHANGE_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#include "model/model.h"
#include "util/error.h"
#include "util/str.h"

#define INTERCHANGE_VERSION 1
#define SAATY_MIN (1.0 / 9.0)
#define SAATY_MAX 9.0
/* Far beyond any workshop (the demo has a dozen of each); keeps the checks
 * for duplicates, which compare every pair, quick. */
#define MAX_ENTRIES 10000

struct rd {
	const char *name;
	yaml_document_t *doc;
	struct error *e;
	struct workshop_data *d;
};

typedef yaml_node_t node_t;

int ix_fail(struct rd *r, const node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int ix_oom(struct rd *r);
node_t *ix_nd(struct rd *r, int i);
const char *ix_sval(const node_t *n);
bool ix_is_null(const node_t *n);
bool ix_is_number(const node_t *n, double *v);
const char *ix_kind_name(const node_t *n);
int ix_get_text(struct rd *r, const node_t *n, const char *field,
		char **dst);
int ix_get_line(struct rd *r, const node_t *n, const char *field,
		char **dst);
int ix_get_id(struct rd *r, const node_t *entry, const node_t *n,
	      const char *field, char **dst);
int ix_get_number(struct rd *r, const node_t *n, const char *field,
		  double *out);
int ix_get_int(struct rd *r, const node_t *n, const char *field,
	       int lo, int hi, int *out);
int ix_get_bool(struct rd *r, const node_t *n, const char *field,
		bool *out);
int ix_get_strv(struct rd *r, const node_t *n, const char *field,
		struct strv *sv);
int ix_expect_seq(struct rd *r, const node_t *n, const char *field);
int ix_fields(struct rd *r, const node_t *n, const char *what,
	      const char *const *keys, node_t **vals);
int ix_free_keys(struct rd *r, const node_t *n, const char *what);
int ix_read_scale(struct rd *r, const node_t *n);
int ix_read_answers(struct rd *r, const node_t *n);
int ix_read_criteria(struct rd *r, const node_t *n);
int ix_known_criterion(struct rd *r, const node_t *n, const char *what,
		       char **dst);
int ix_known_approach(struct rd *r, const node_t *n, const char *what,
		      char **dst);
int ix_read_pairwise(struct rd *r, const node_t *n);
int ix_in_scale(struct rd *r, const node_t *n, double v);
int ix_read_approaches(struct rd *r, const node_t *n);
int ix_read_votes(struct rd *r, const node_t *n);
int ix_read_decisions(struct rd *r, const node_t *n);
int ix_read_risks(struct rd *r, const node_t *n);
int ix_read_metrics(struct rd *r, const node_t *n);
int ix_read_roadmap(struct rd *r, const node_t *n);
int ix_read_room(struct rd *r, node_t *agenda, node_t *timer,
		 node_t *rounds, node_t *ready, node_t *parking);

#define FOR_PAIRS(p, n) \
	for (yaml_node_pair_t *p = (n)->data.mapping.pairs.start; \
	     p < (n)->data.mapping.pairs.top; p++)
#define FOR_ITEMS(it, n) \
	for (yaml_node_item_t *it = (n)->data.sequence.items.start; \
	     it < (n)->data.sequence.items.top; it++)
#define N_ITEMS(n) \
	((size_t)((n)->data.sequence.items.top - (n)->data.sequence.items.start))

#endif

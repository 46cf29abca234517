/*
 * content/internal.h: what the loader's files share and nobody else sees:
 * the loader state (the knowledge being built, which folder each entry came
 * from, references still to be checked), the per-file reader over a libyaml
 * document, and the typed getters that report file:line:col.
 */
#ifndef CHARRETTE_CONTENT_INTERNAL_H
#define CHARRETTE_CONTENT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "content/content.h"
#include "model/knowledge.h"

/* The collections of a struct knowledge, for references and overrides. */
enum coll {
	COLL_SECTION, COLL_QUESTION, COLL_CRITERION, COLL_CATEGORY,
	COLL_TECH, COLL_PATTERN, COLL_RULE, COLL_ANTIPATTERN, COLL_METRIC,
	COLL_TEMPLATE, COLL_COUNT
};

/* A reference made in some file, checked once every file is read (the
 * target may come from a later file or folder). */
enum ref_kind {
	REF_ID,     /* id must exist in collection `target` */
	REF_COND    /* operator `op` (with value `id`, may be NULL) must suit
		       the kind and options of question `question` */
};

struct ref {
	enum ref_kind kind;
	enum coll target;
	enum cond_op op;
	char *id;
	char *question;
	char *context;      /* "rule 'x'": who makes the reference */
	struct origin at;
};

struct loader {
	struct knowledge *k;
	struct diag *diags;
	size_t *layer[COLL_COUNT];   /* folder index of every entry */
	size_t cur_layer;            /* 0 = shipped, 1.. = extra folders */
	struct strv broken[COLL_COUNT]; /* ids of entries dropped for errors:
					   references to them are not
					   reported a second time */
	struct ref *refs;
	size_t n_refs;
	bool oom;
	bool io_error;
};

/* One file being read. */
struct rd {
	struct loader *ld;
	const char *file;
	yaml_document_t *doc;
	size_t cond_nodes;   /* condition nodes read so far: aliases can make
				a small file expand into a huge tree */
};

/* A key a mapping may have. */
struct key {
	const char *name;
	bool required;
};

/* ---- reader.c --------------------------------------------------------- */
const char *coll_what(enum coll c);
void ld_error(struct loader *ld, const char *file, int line, int col,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void rd_error(struct rd *r, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void rd_oom(struct rd *r);
/* "question 'team_size'" (or just "question" without a readable id). */
void rd_what(struct rd *r, yaml_node_t *m, const char *what, char *buf,
	     size_t size);
/* An entry could not be loaded: remember its id (may be NULL). */
void rd_broken(struct rd *r, enum coll c, const char *id);
int rd_origin(struct rd *r, const yaml_node_t *n, struct origin *o);
yaml_node_t *rd_node(struct rd *r, int index);
const char *rd_type(const yaml_node_t *n);
bool rd_is_null(const yaml_node_t *n);
/* Check mapping m against keys; vals[i] gets the value of keys[i] or NULL.
 * Reports a non-mapping, unknown and duplicate keys, and missing required
 * ones.  Returns 0 when m is a mapping with every required key, else -1. */
int rd_map(struct rd *r, yaml_node_t *m, const char *what,
	   const struct key *keys, size_t n, yaml_node_t **vals);
/* Typed getters: report the problem at n and return -1 when n is not of
 * the wanted type.  n NULL (key absent): the out value is left alone, 0. */
int rd_str(struct rd *r, yaml_node_t *n, const char *key, char **out);
int rd_id(struct rd *r, yaml_node_t *n, const char *key, char **out);
int rd_num(struct rd *r, yaml_node_t *n, const char *key, double *out);
int rd_int(struct rd *r, yaml_node_t *n, const char *key, int lo, int hi,
	   int *out);
int rd_bool(struct rd *r, yaml_node_t *n, const char *key, bool *out);
int rd_strv(struct rd *r, yaml_node_t *n, const char *key, struct strv *out);
/* A list of ids, each remembered as a reference into collection c. */
int rd_idv(struct rd *r, yaml_node_t *n, const char *key, enum coll c,
	   const char *context, struct strv *out);
/* Items of a sequence (NULL, 0 when n is not one: reported). */
yaml_node_item_t *rd_seq(struct rd *r, yaml_node_t *n, const char *key,
			 size_t *count);
/* fn on every item of the sequence n (a top-level list called `key`). */
typedef void (*rd_item_fn)(struct rd *r, yaml_node_t *n);
void rd_each(struct rd *r, yaml_node_t *n, const char *key, rd_item_fn fn);
void rd_ref(struct rd *r, enum ref_kind kind, enum coll target,
	    enum cond_op op, const char *id, const char *question,
	    const char *context, const yaml_node_t *at);
/* Locale-independent number syntax: [-+]digits[.digits][e[-+]digits]. */
bool content_parse_number(const char *s, double *out);

/* ---- cond.c ----------------------------------------------------------- */
/* Parse a condition; *out is a new tree or NULL (after an error). */
int cond_parse(struct rd *r, yaml_node_t *n, const char *context,
	       struct cond **out);
void cond_free(struct cond **c);
const char *cond_op_id(enum cond_op op);

/* ---- parse.c / library.c: one function per top-level list ------------- */
void parse_sections(struct rd *r, yaml_node_t *n);
void parse_criteria(struct rd *r, yaml_node_t *n);
void parse_categories(struct rd *r, yaml_node_t *n);
void parse_techs(struct rd *r, yaml_node_t *n);
void parse_patterns(struct rd *r, yaml_node_t *n);
void parse_rules(struct rd *r, yaml_node_t *n);
void parse_antipatterns(struct rd *r, yaml_node_t *n);
void parse_metrics(struct rd *r, yaml_node_t *n);
void parse_templates(struct rd *r, yaml_node_t *n);

/* ---- store.c: adding entries, overrides, freeing ---------------------- */
int put_section(struct loader *ld, struct section *item);
int put_question(struct loader *ld, struct question *item);
int put_criterion(struct loader *ld, struct criterion_def *item);
int put_category(struct loader *ld, struct category *item);
int put_tech(struct loader *ld, struct tech *item);
int put_pattern(struct loader *ld, struct pattern *item);
int put_rule(struct loader *ld, struct rule *item);
int put_antipattern(struct loader *ld, struct antipattern *item);
int put_metric(struct loader *ld, struct metric_def *item);
int put_template(struct loader *ld, struct template_def *item);

void kn_origin_clear(struct origin *o);
void kn_section_clear(struct section *s);
void kn_question_clear(struct question *q);
void kn_criterion_clear(struct criterion_def *c);
void kn_category_clear(struct category *c);
void kn_tech_clear(struct tech *t);
void kn_pattern_clear(struct pattern *p);
void kn_rule_clear(struct rule *r);
void kn_antipattern_clear(struct antipattern *a);
void kn_metric_clear(struct metric_def *m);
void kn_template_clear(struct template_def *t);
/* Index of id in collection c, or -1. */
long kn_find(const struct knowledge *k, enum coll c, const char *id);

/* ---- check.c: after every file is read -------------------------------- */
void check_refs(struct loader *ld);
void finish_knowledge(struct loader *ld);

/* ---- load.c: the files of a folder ------------------------------------- */
/* The names of the files content_load reads from dir, in the order it
 * reads them; 0, or -errno (-ENOENT: no such folder, -ENOMEM). */
int content_files(const char *dir, bool shipped, struct strv *names);

/* ---- cache.c ------------------------------------------------------------ */
/* The cache's encoding of k (for tests: equal encodings, equal content). */
int content_cache_encode(struct knowledge *k, struct buf *out);

#endif

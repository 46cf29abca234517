/*
 * content/cond: conditions on interview answers, as written in the YAML
 * files, parsed into struct cond trees.  A leaf names one question and one
 * operator ({question: team_size, lt: 20}); {answered: q} needs no
 * operator; all/any/not combine conditions.  Whether the question exists
 * and the operator and values suit its kind is checked once every file is
 * read (see check.c), from references remembered here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/i18n.h"
#include "util/str.h"

enum {
	K_QUESTION, K_EQ, K_NE, K_IN, K_CONTAINS, K_LT, K_LE, K_GT, K_GE,
	K_BETWEEN, K_ANSWERED, K_ALL, K_ANY, K_NOT, K_COUNT
};

static const struct key cond_keys[K_COUNT] = {
	{ "question", false }, { "eq", false }, { "ne", false },
	{ "in", false }, { "contains", false }, { "lt", false },
	{ "le", false }, { "gt", false }, { "ge", false },
	{ "between", false }, { "answered", false }, { "all", false },
	{ "any", false }, { "not", false }
};

/* The leaf operators in key order, K_EQ .. K_BETWEEN. */
static const enum cond_op leaf_ops[] = {
	COND_EQ, COND_NE, COND_IN, COND_CONTAINS, COND_LT, COND_LE, COND_GT,
	COND_GE, COND_BETWEEN
};

const char *cond_op_id(enum cond_op op)
{
	switch (op) {
	case COND_EQ: return "eq";
	case COND_NE: return "ne";
	case COND_IN: return "in";
	case COND_CONTAINS: return "contains";
	case COND_LT: return "lt";
	case COND_LE: return "le";
	case COND_GT: return "gt";
	case COND_GE: return "ge";
	case COND_BETWEEN: return "between";
	case COND_ANSWERED: return "answered";
	case COND_ALL: return "all";
	case COND_ANY: return "any";
	case COND_NOT: return "not";
	}
	return "?";
}

void cond_free(struct cond **c)
{
	if (!c || !*c)
		return;
	cond_clear(*c);
	free(*c);
	*c = NULL;
}

/* Far beyond any hand-written condition; stops runaway alias expansion and
 * deep recursion. */
#define MAX_DEPTH 32
#define MAX_NODES 10000

static int parse_into(struct rd *r, yaml_node_t *n, const char *context,
		      struct cond *c, int depth);

/* all: / any: lists of sub-conditions. */
static int parse_list(struct rd *r, yaml_node_t *n, const char *key,
		      const char *context, struct cond *c, int depth)
{
	yaml_node_item_t *it;
	size_t count;
	int rc = 0;

	it = rd_seq(r, n, key, &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	if (!count) {
		rd_error(r, n, _("'%s' needs at least one condition"), key);
		return -1;
	}
	c->sub = calloc(count, sizeof(*c->sub));
	if (!c->sub) {
		rd_oom(r);
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		/* Count it even when it fails, so cond_clear frees it. */
		c->n_sub++;
		if (!e || parse_into(r, e, context, &c->sub[i], depth) < 0)
			rc = -1;
	}
	return rc;
}

/* The scalar value of eq/ne/contains, kept as text: whether it must be a
 * number or an option id depends on the question, known only later. */
static int parse_value(struct rd *r, yaml_node_t *n, const char *key,
		       struct cond *c, const char *context)
{
	if (n->type != YAML_SCALAR_NODE || rd_is_null(n)) {
		rd_error(r, n, _("'%s' needs a single value, not %s"), key,
			 rd_is_null(n) ? _("nothing") : rd_type(n));
		return -1;
	}
	c->arg.kind = VAL_TEXT;
	if (rd_str(r, n, key, &c->arg.text) < 0)
		return -1;
	rd_ref(r, REF_COND, COLL_QUESTION, c->op, c->arg.text, c->question,
	       context, n);
	return 0;
}

static int parse_in(struct rd *r, yaml_node_t *n, struct cond *c,
		    const char *context)
{
	yaml_node_item_t *it;
	size_t count;

	it = rd_seq(r, n, "in", &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	if (!count) {
		rd_error(r, n, _("'in' needs at least one value"));
		return -1;
	}
	c->arg.kind = VAL_LIST;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e)
			continue;
		if (e->type != YAML_SCALAR_NODE || rd_is_null(e)) {
			rd_error(r, e, _("values of 'in' must be strings, "
					 "not %s"),
				 rd_is_null(e) ? _("nothing") : rd_type(e));
			return -1;
		}
		if (strv_push(&c->arg.list,
			      (const char *)e->data.scalar.value) < 0) {
			rd_oom(r);
			return -1;
		}
		rd_ref(r, REF_COND, COLL_QUESTION, COND_IN,
		       (const char *)e->data.scalar.value, c->question,
		       context, e);
	}
	return 0;
}

static int parse_between(struct rd *r, yaml_node_t *n, struct cond *c)
{
	yaml_node_item_t *it;
	size_t count;

	it = rd_seq(r, n, "between", &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	if (count != 2) {
		rd_error(r, n, _("'between' needs two numbers, [low, high]"));
		return -1;
	}
	if (rd_num(r, rd_node(r, it[0]), "between", &c->lo) < 0 ||
	    rd_num(r, rd_node(r, it[1]), "between", &c->hi) < 0)
		return -1;
	if (c->lo > c->hi) {
		rd_error(r, n, _("'between' needs the low end first"));
		return -1;
	}
	return 0;
}

static int parse_leaf(struct rd *r, yaml_node_t *m, yaml_node_t **v,
		      const char *context, struct cond *c)
{
	yaml_node_t *opnode = NULL;
	int opkey = -1;

	if (rd_id(r, v[K_QUESTION], "question", &c->question) < 0)
		return -1;
	if (!c->question) {
		rd_error(r, v[K_QUESTION], _("'question' needs a question id"));
		return -1;
	}
	rd_ref(r, REF_ID, COLL_QUESTION, COND_EQ, c->question, NULL, context,
	       v[K_QUESTION]);
	for (int k = K_EQ; k <= K_BETWEEN; k++) {
		if (!v[k])
			continue;
		if (opnode) {
			rd_error(r, v[k], _("a condition takes one operator, "
					    "not both '%s' and '%s'"),
				 cond_keys[opkey].name, cond_keys[k].name);
			return -1;
		}
		opnode = v[k];
		opkey = k;
	}
	if (!opnode) {
		rd_error(r, m, _("the condition on '%s' needs an operator: "
				 "eq, ne, in, contains, lt, le, gt, ge or "
				 "between"), c->question);
		return -1;
	}
	c->op = leaf_ops[opkey - K_EQ];
	switch (c->op) {
	case COND_EQ:
	case COND_NE:
	case COND_CONTAINS:
		return parse_value(r, opnode, cond_keys[opkey].name, c,
				   context);
	case COND_IN:
		return parse_in(r, opnode, c, context);
	case COND_BETWEEN:
		if (parse_between(r, opnode, c) < 0)
			return -1;
		break;
	default:
		if (rd_num(r, opnode, cond_keys[opkey].name, &c->lo) < 0)
			return -1;
		if (rd_is_null(opnode)) {
			rd_error(r, opnode, _("'%s' needs a number"),
				 cond_keys[opkey].name);
			return -1;
		}
		break;
	}
	rd_ref(r, REF_COND, COLL_QUESTION, c->op, NULL, c->question, context,
	       opnode);
	return 0;
}

static int parse_into(struct rd *r, yaml_node_t *n, const char *context,
		      struct cond *c, int depth)
{
	yaml_node_t *v[K_COUNT];
	int forms = 0, first = -1, second = -1;
	static const int form_keys[] = {
		K_QUESTION, K_ANSWERED, K_ALL, K_ANY, K_NOT
	};

	if (++depth > MAX_DEPTH) {
		rd_error(r, n, _("condition is nested more than %d deep"),
			 MAX_DEPTH);
		return -1;
	}
	if (++r->cond_nodes > MAX_NODES)
		return -1;    /* reported once, at the root, by cond_parse */
	if (rd_map(r, n, _("a condition"), cond_keys, K_COUNT, v) < 0)
		return -1;
	if (rd_origin(r, n, &c->at) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(form_keys) / sizeof(form_keys[0]); i++) {
		if (!v[form_keys[i]])
			continue;
		if (forms++ == 0)
			first = form_keys[i];
		else if (second < 0)
			second = form_keys[i];
	}
	if (!forms) {
		rd_error(r, n, _("a condition needs one of 'question', "
				 "'answered', 'all', 'any' or 'not'"));
		return -1;
	}
	if (forms > 1) {
		rd_error(r, v[second], _("'%s' cannot be combined with '%s' "
					 "in one condition"),
			 cond_keys[second].name, cond_keys[first].name);
		return -1;
	}
	if (first != K_QUESTION) {
		for (int k = K_EQ; k <= K_BETWEEN; k++) {
			if (v[k]) {
				rd_error(r, v[k], _("'%s' belongs with "
						    "'question', not '%s'"),
					 cond_keys[k].name,
					 cond_keys[first].name);
				return -1;
			}
		}
	}
	switch (first) {
	case K_QUESTION:
		return parse_leaf(r, n, v, context, c);
	case K_ANSWERED:
		c->op = COND_ANSWERED;
		if (rd_id(r, v[K_ANSWERED], "answered", &c->question) < 0)
			return -1;
		if (!c->question) {
			rd_error(r, v[K_ANSWERED],
				 _("'answered' needs a question id"));
			return -1;
		}
		rd_ref(r, REF_ID, COLL_QUESTION, COND_EQ, c->question, NULL,
		       context, v[K_ANSWERED]);
		return 0;
	case K_ALL:
		c->op = COND_ALL;
		return parse_list(r, v[K_ALL], "all", context, c, depth);
	case K_ANY:
		c->op = COND_ANY;
		return parse_list(r, v[K_ANY], "any", context, c, depth);
	default:
		c->op = COND_NOT;
		c->sub = calloc(1, sizeof(*c->sub));
		if (!c->sub) {
			rd_oom(r);
			return -1;
		}
		c->n_sub = 1;
		return parse_into(r, v[K_NOT], context, c->sub, depth);
	}
}

int cond_parse(struct rd *r, yaml_node_t *n, const char *context,
	       struct cond **out)
{
	struct cond *c;

	*out = NULL;
	if (!n || rd_is_null(n))
		return 0;
	c = calloc(1, sizeof(*c));
	if (!c) {
		rd_oom(r);
		return -1;
	}
	if (parse_into(r, n, context, c, 0) < 0) {
		if (r->cond_nodes > MAX_NODES)
			rd_error(r, n, _("conditions of this file are too "
					 "large (more than %d parts, counting "
					 "each use of an alias)"), MAX_NODES);
		cond_free(&c);
		return -1;
	}
	*out = c;
	return 0;
}

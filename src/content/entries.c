/*
 * content/entries: owning the loaded entries: adding them to the knowledge
 * (an entry whose id is already there replaces it when it comes from a later
 * folder, and is a duplicate error within the same folder), freeing them,
 * and the public lookups by id.  (The diag list is in diag.c.)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- freeing ---------------------------------------------------------- */

void kn_origin_clear(struct origin *o)
{
	free(o->file);
	o->file = NULL;
}

void kn_section_clear(struct section *s)
{
	free(s->id);
	free(s->title);
	free(s->intro);
	kn_origin_clear(&s->at);
	memset(s, 0, sizeof(*s));
}

void kn_question_clear(struct question *q)
{
	free(q->id);
	free(q->section);
	free(q->prompt);
	free(q->help);
	free(q->unit);
	free(q->unit_one);
	for (size_t i = 0; i < q->n_options; i++) {
		free(q->options[i].id);
		free(q->options[i].label);
	}
	free(q->options);
	cond_free(&q->show_if);
	kn_origin_clear(&q->at);
	memset(q, 0, sizeof(*q));
}

void kn_criterion_clear(struct criterion_def *c)
{
	free(c->id);
	free(c->name);
	free(c->description);
	free(c->low);
	free(c->high);
	kn_origin_clear(&c->at);
	memset(c, 0, sizeof(*c));
}

void kn_category_clear(struct category *c)
{
	free(c->id);
	free(c->name);
	kn_origin_clear(&c->at);
	memset(c, 0, sizeof(*c));
}

void kn_tech_clear(struct tech *t)
{
	free(t->id);
	free(t->category);
	free(t->name);
	free(t->best_for);
	kn_origin_clear(&t->at);
	memset(t, 0, sizeof(*t));
}

void kn_pattern_clear(struct pattern *p)
{
	free(p->id);
	free(p->name);
	free(p->summary);
	cond_free(&p->fits);
	strv_free(&p->fit_reasons);
	for (size_t i = 0; i < p->n_components; i++)
		component_clear(&p->components[i]);
	free(p->components);
	free(p->deployment);
	free(p->observability);
	free(p->security);
	free(p->complexity);
	free(p->cost);
	strv_free(&p->stages);
	strv_free(&p->decisions);
	strv_free(&p->tradeoffs);
	strv_free(&p->pros);
	strv_free(&p->cons);
	kn_origin_clear(&p->at);
	memset(p, 0, sizeof(*p));
}

void kn_rule_clear(struct rule *r)
{
	free(r->id);
	free(r->title);
	free(r->goal);
	cond_free(&r->when);
	free(r->recommendation);
	strv_free(&r->controls);
	for (size_t i = 0; i < r->n_nudges; i++)
		free(r->nudges[i].criterion);
	free(r->nudges);
	for (size_t i = 0; i < r->n_risks; i++) {
		free(r->risks[i].description);
		free(r->risks[i].mitigation);
	}
	free(r->risks);
	strv_free(&r->patterns);
	kn_origin_clear(&r->at);
	memset(r, 0, sizeof(*r));
}

void kn_antipattern_clear(struct antipattern *a)
{
	free(a->id);
	free(a->name);
	free(a->description);
	cond_free(&a->when);
	free(a->remedy);
	kn_origin_clear(&a->at);
	memset(a, 0, sizeof(*a));
}

void kn_metric_clear(struct metric_def *m)
{
	free(m->id);
	free(m->name);
	free(m->unit);
	free(m->unit_one);
	free(m->description);
	kn_origin_clear(&m->at);
	memset(m, 0, sizeof(*m));
}

void kn_template_clear(struct template_def *t)
{
	free(t->id);
	free(t->name);
	free(t->description);
	strv_free(&t->sections);
	strv_free(&t->criteria);
	strv_free(&t->patterns);
	strv_free(&t->rules);
	strv_free(&t->antipatterns);
	strv_free(&t->metrics);
	kn_origin_clear(&t->at);
	free(t->agenda);
	memset(t, 0, sizeof(*t));
}

void knowledge_free(struct knowledge **kp)
{
	struct knowledge *k;

	if (!kp || !*kp)
		return;
	k = *kp;
#define FREE_ALL(field, clearfn)                                       \
	do {                                                           \
		for (size_t i_ = 0; i_ < k->n_##field; i_++)           \
			clearfn(&k->field[i_]);                        \
		free(k->field);                                        \
	} while (0)
	FREE_ALL(sections, kn_section_clear);
	FREE_ALL(questions, kn_question_clear);
	FREE_ALL(criteria, kn_criterion_clear);
	FREE_ALL(categories, kn_category_clear);
	FREE_ALL(techs, kn_tech_clear);
	FREE_ALL(patterns, kn_pattern_clear);
	FREE_ALL(rules, kn_rule_clear);
	FREE_ALL(antipatterns, kn_antipattern_clear);
	FREE_ALL(metrics, kn_metric_clear);
	FREE_ALL(templates, kn_template_clear);
#undef FREE_ALL
	free(k);
	*kp = NULL;
}

/* ---- adding ----------------------------------------------------------- */

/*
 * Where an entry with this id goes: the index of the entry it replaces
 * (a later folder overrides), n to append, or -1 when it is a duplicate
 * within one folder (reported; the first one stays).
 */
static long slot(struct loader *ld, enum coll c, size_t n, long found,
		 const char *id, const struct origin *at,
		 const struct origin *first)
{
	size_t *nv;

	if (found >= 0) {
		if (ld->layer[c][found] != ld->cur_layer)
			return found;
		ld_error(ld, at->file, at->line, at->col,
			 _("duplicate %s id '%s' (first defined at %s:%d:%d)"),
			 coll_what(c), id, first->file, first->line,
			 first->col);
		return -1;
	}
	nv = realloc(ld->layer[c], (n + 1) * sizeof(*nv));
	if (!nv) {
		ld->oom = true;
		return -1;
	}
	ld->layer[c] = nv;
	return (long)n;
}

#define DEFINE_PUT(fn, type, field, c, clearfn)                        \
int fn(struct loader *ld, type *item)                                  \
{                                                                      \
	struct knowledge *k = ld->k;                                   \
	long found = kn_find(k, c, item->id);                          \
	long s = slot(ld, c, k->n_##field, found, item->id, &item->at, \
		      found >= 0 ? &k->field[found].at : NULL);        \
	type *nv;                                                      \
                                                                       \
	if (s < 0) {                                                   \
		clearfn(item);                                         \
		return -1;                                             \
	}                                                              \
	if (s == found) {                                              \
		clearfn(&k->field[s]);                                 \
	} else {                                                       \
		nv = realloc(k->field, (k->n_##field + 1) * sizeof(*nv)); \
		if (!nv) {                                             \
			ld->oom = true;                                \
			clearfn(item);                                 \
			return -1;                                     \
		}                                                      \
		k->field = nv;                                         \
		k->n_##field++;                                        \
	}                                                              \
	k->field[s] = *item;                                           \
	ld->layer[c][s] = ld->cur_layer;                               \
	memset(item, 0, sizeof(*item));                                \
	return 0;                                                      \
}

DEFINE_PUT(put_section, struct section, sections, COLL_SECTION,
	   kn_section_clear)
DEFINE_PUT(put_question, struct question, questions, COLL_QUESTION,
	   kn_question_clear)
DEFINE_PUT(put_criterion, struct criterion_def, criteria, COLL_CRITERION,
	   kn_criterion_clear)
DEFINE_PUT(put_category, struct category, categories, COLL_CATEGORY,
	   kn_category_clear)
DEFINE_PUT(put_tech, struct tech, techs, COLL_TECH, kn_tech_clear)
DEFINE_PUT(put_pattern, struct pattern, patterns, COLL_PATTERN,
	   kn_pattern_clear)
DEFINE_PUT(put_rule, struct rule, rules, COLL_RULE, kn_rule_clear)
DEFINE_PUT(put_antipattern, struct antipattern, antipatterns,
	   COLL_ANTIPATTERN, kn_antipattern_clear)
DEFINE_PUT(put_metric, struct metric_def, metrics, COLL_METRIC,
	   kn_metric_clear)
DEFINE_PUT(put_template, struct template_def, templates, COLL_TEMPLATE,
	   kn_template_clear)

/* ---- lookups ---------------------------------------------------------- */

#define FIND_IN(field)                                                 \
	do {                                                           \
		for (size_t i_ = 0; i_ < k->n_##field; i_++)           \
			if (strcmp(k->field[i_].id, id) == 0)          \
				return (long)i_;                       \
		return -1;                                             \
	} while (0)

long kn_find(const struct knowledge *k, enum coll c, const char *id)
{
	if (!k || !id)
		return -1;
	switch (c) {
	case COLL_SECTION: FIND_IN(sections);
	case COLL_QUESTION: FIND_IN(questions);
	case COLL_CRITERION: FIND_IN(criteria);
	case COLL_CATEGORY: FIND_IN(categories);
	case COLL_TECH: FIND_IN(techs);
	case COLL_PATTERN: FIND_IN(patterns);
	case COLL_RULE: FIND_IN(rules);
	case COLL_ANTIPATTERN: FIND_IN(antipatterns);
	case COLL_METRIC: FIND_IN(metrics);
	case COLL_TEMPLATE: FIND_IN(templates);
	case COLL_COUNT: break;
	}
	return -1;
}
#undef FIND_IN

#define LOOKUP(fn, type, field, c)                                     \
const type *fn(const struct knowledge *k, const char *id)              \
{                                                                      \
	long i = kn_find(k, c, id);                                    \
                                                                       \
	return i < 0 ? NULL : &k->field[i];                            \
}

LOOKUP(knowledge_template, struct template_def, templates, COLL_TEMPLATE)
LOOKUP(knowledge_question, struct question, questions, COLL_QUESTION)
LOOKUP(knowledge_section, struct section, sections, COLL_SECTION)
LOOKUP(knowledge_criterion, struct criterion_def, criteria, COLL_CRITERION)
LOOKUP(knowledge_pattern, struct pattern, patterns, COLL_PATTERN)
LOOKUP(knowledge_metric, struct metric_def, metrics, COLL_METRIC)
LOOKUP(knowledge_tech, struct tech, techs, COLL_TECH)

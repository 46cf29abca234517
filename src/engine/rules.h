/*
 * rules: evaluating content conditions on a workshop's answers, and turning
 * rules, anti-patterns and patterns into findings.
 */
#ifndef CHARRETTE_ENGINE_RULES_H
#define CHARRETTE_ENGINE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/knowledge.h"
#include "model/model.h"

/* Unanswered questions make leaf conditions false (NOT of them true). */
bool cond_eval(const struct cond *c, const struct workshop_data *d);
/* Fraction of leaf conditions that hold, in [0, 1] (1 for NULL). */
double cond_fit(const struct cond *c, const struct workshop_data *d);

struct pattern_fit {
	size_t pattern;      /* index into knowledge.patterns */
	double fit;          /* 0..1 */
	size_t favoured_by;  /* rules that matched and favour it */
};

struct findings {
	size_t *rules;        size_t n_rules;        /* matched, content order */
	size_t *antipatterns; size_t n_antipatterns; /* detected */
	struct pattern_fit *patterns; size_t n_patterns; /* best fit first */
	struct nudge *nudges; size_t n_nudges;       /* summed per criterion */
};

/* Evaluate the rules, anti-patterns and patterns a template uses (t NULL:
 * everything in k) on d's answers. */
int rules_evaluate(const struct knowledge *k, const struct template_def *t,
		   const struct workshop_data *d, struct findings *out);
void findings_clear(struct findings *f);
/* Is question q shown given the answers (its show_if)? */
bool question_visible(const struct question *q, const struct workshop_data *d);

#endif

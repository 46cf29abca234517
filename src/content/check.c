/*
 * content/check: what can only be judged once every file of every folder is
 * read: references by id (a rule nudging a criterion, a template listing a
 * pattern, a condition naming a question) and whether a condition's
 * operator and values suit the question it names.  Then the final touches:
 * comparison values of number questions become numbers, and a template with
 * all_patterns lists every pattern, rule and anti-pattern by id.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/i18n.h"
#include "util/str.h"

static bool has_option(const struct question *q, const char *id)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (strcmp(q->options[i].id, id) == 0)
			return true;
	return false;
}

static bool numeric(const struct question *q)
{
	return q->kind == Q_NUMBER || q->kind == Q_SCALE;
}

static void check_cond_ref(struct loader *ld, const struct ref *r)
{
	const struct question *q = knowledge_question(ld->k, r->question);
	const struct origin *at = &r->at;
	const char *op = cond_op_id(r->op);
	double num;

	if (!q)
		return;    /* unknown question: reported on its own */
	switch (r->op) {
	case COND_LT:
	case COND_LE:
	case COND_GT:
	case COND_GE:
	case COND_BETWEEN:
		if (!numeric(q))
			ld_error(ld, at->file, at->line, at->col,
				 _("'%s' compares numbers, but question '%s' "
				   "is a %s question"), op, q->id,
				 question_kind_id(q->kind));
		return;
	case COND_EQ:
	case COND_NE:
	case COND_IN:
		if (q->kind == Q_MULTICHOICE) {
			ld_error(ld, at->file, at->line, at->col,
				 _("question '%s' takes several answers: use "
				   "'contains' rather than '%s'"), q->id, op);
			return;
		}
		if (r->op == COND_IN && numeric(q)) {
			ld_error(ld, at->file, at->line, at->col,
				 _("'in' needs a choice or text question; "
				   "use 'between' for number question '%s'"),
				 q->id);
			return;
		}
		break;
	case COND_CONTAINS:
		if (q->kind == Q_CHOICE || numeric(q)) {
			ld_error(ld, at->file, at->line, at->col,
				 _("'contains' needs a multichoice or text "
				   "question; '%s' is a %s question"), q->id,
				 question_kind_id(q->kind));
			return;
		}
		break;
	default:
		return;
	}
	if (!r->id)
		return;
	if ((q->kind == Q_CHOICE || q->kind == Q_MULTICHOICE) &&
	    !has_option(q, r->id))
		ld_error(ld, at->file, at->line, at->col,
			 _("'%s' is not an option of question '%s'"), r->id,
			 q->id);
	else if (numeric(q) && !content_parse_number(r->id, &num))
		ld_error(ld, at->file, at->line, at->col,
			 _("question '%s' takes a number, not '%s'"), q->id,
			 r->id);
}

void check_refs(struct loader *ld)
{
	for (size_t i = 0; i < ld->n_refs; i++) {
		const struct ref *r = &ld->refs[i];

		if (r->kind == REF_COND) {
			check_cond_ref(ld, r);
			continue;
		}
		if (kn_find(ld->k, r->target, r->id) >= 0 ||
		    strv_contains(&ld->broken[r->target], r->id))
			continue;
		ld_error(ld, r->at.file, r->at.line, r->at.col,
			 _("%s names unknown %s '%s'"),
			 r->context ? r->context : _("an entry"),
			 coll_what(r->target), r->id);
	}
}

/* Comparison values of number and scale questions were kept as text. */
static void settle_cond(struct loader *ld, struct cond *c)
{
	const struct question *q;
	double num;

	if (!c)
		return;
	for (size_t i = 0; i < c->n_sub; i++)
		settle_cond(ld, &c->sub[i]);
	if (c->arg.kind != VAL_TEXT)
		return;
	q = knowledge_question(ld->k, c->question);
	if (q && numeric(q) && content_parse_number(c->arg.text, &num)) {
		value_clear(&c->arg);
		c->arg.kind = VAL_NUMBER;
		c->arg.number = num;
	}
}

static void list_all(struct loader *ld, struct strv *sv, enum coll c)
{
	const struct knowledge *k = ld->k;
	size_t n = 0;

	strv_free(sv);
	switch (c) {
	case COLL_PATTERN: n = k->n_patterns; break;
	case COLL_RULE: n = k->n_rules; break;
	default: n = k->n_antipatterns; break;
	}
	for (size_t i = 0; i < n; i++) {
		const char *id = c == COLL_PATTERN ? k->patterns[i].id :
				 c == COLL_RULE ? k->rules[i].id :
				 k->antipatterns[i].id;

		if (strv_push(sv, id) < 0) {
			ld->oom = true;
			return;
		}
	}
}

void finish_knowledge(struct loader *ld)
{
	struct knowledge *k = ld->k;

	for (size_t i = 0; i < k->n_questions; i++)
		settle_cond(ld, k->questions[i].show_if);
	for (size_t i = 0; i < k->n_patterns; i++)
		settle_cond(ld, k->patterns[i].fits);
	for (size_t i = 0; i < k->n_rules; i++)
		settle_cond(ld, k->rules[i].when);
	for (size_t i = 0; i < k->n_antipatterns; i++)
		settle_cond(ld, k->antipatterns[i].when);
	for (size_t i = 0; i < k->n_templates; i++) {
		struct template_def *t = &k->templates[i];

		if (!t->all_patterns)
			continue;
		list_all(ld, &t->patterns, COLL_PATTERN);
		list_all(ld, &t->rules, COLL_RULE);
		list_all(ld, &t->antipatterns, COLL_ANTIPATTERN);
	}
}

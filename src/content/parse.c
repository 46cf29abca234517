/*
 * content/parse: the interview (sections with their questions), the
 * evaluation criteria and the technology catalogue.  Each entry is checked
 * on its own here; an entry with a problem is reported and left out, and
 * every other entry is still loaded.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/internal.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- questions -------------------------------------------------------- */

static int parse_option(struct rd *r, yaml_node_t *n, struct question *q,
			const char *what)
{
	enum { ID, LABEL, N };
	static const struct key keys[N] = { { "id", true },
					     { "label", true } };
	yaml_node_t *v[N];
	struct q_option o = { 0 };
	struct q_option *nv;
	int bad = 0;

	bad |= rd_map(r, n, _("an option"), keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return -1;
	bad |= rd_id(r, v[ID], "id", &o.id) < 0;
	bad |= rd_str(r, v[LABEL], "label", &o.label) < 0;
	if (!bad && o.id) {
		for (size_t i = 0; i < q->n_options; i++) {
			if (strcmp(q->options[i].id, o.id) == 0) {
				rd_error(r, v[ID], _("%s has option '%s' twice"),
					 what, o.id);
				bad = 1;
				break;
			}
		}
	}
	if (bad || !o.id || !o.label) {
		free(o.id);
		free(o.label);
		return -1;
	}
	nv = realloc(q->options, (q->n_options + 1) * sizeof(*nv));
	if (!nv) {
		free(o.id);
		free(o.label);
		rd_oom(r);
		return -1;
	}
	q->options = nv;
	q->options[q->n_options++] = o;
	return 0;
}

static int parse_options(struct rd *r, yaml_node_t *n, struct question *q,
			 const char *what)
{
	yaml_node_item_t *it;
	size_t count;
	int rc = 0;

	it = rd_seq(r, n, "options", &count);
	if (n->type != YAML_SEQUENCE_NODE)
		return -1;
	for (size_t i = 0; i < count; i++) {
		yaml_node_t *e = rd_node(r, it[i]);

		if (!e || parse_option(r, e, q, what) < 0)
			rc = -1;
	}
	if (!rc && q->n_options < 2) {
		rd_error(r, n, _("%s needs at least two options"), what);
		rc = -1;
	}
	return rc;
}

static void parse_question(struct rd *r, yaml_node_t *n, const char *section)
{
	enum { ID, PROMPT, HELP, KIND, UNIT, UNIT_ONE, MIN, MAX, OPTIONS,
	       SHOW_IF, N };
	static const struct key keys[N] = {
		{ "id", true }, { "prompt", true }, { "help", false },
		{ "kind", true }, { "unit", false }, { "unit_one", false },
		{ "min", false }, { "max", false }, { "options", false },
		{ "show_if", false }
	};
	yaml_node_t *v[N];
	struct question q = { 0 };
	char what[96], *kind = NULL;
	bool choice;
	int bad = 0;

	rd_what(r, n, _("question"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &q.id) < 0;
	bad |= rd_str(r, v[PROMPT], "prompt", &q.prompt) < 0;
	bad |= rd_str(r, v[HELP], "help", &q.help) < 0;
	if (rd_str(r, v[KIND], "kind", &kind) < 0) {
		bad = 1;
	} else if (kind && question_kind_from_id(kind, &q.kind) < 0) {
		rd_error(r, v[KIND], _("unknown question kind '%s' (text, "
				       "longtext, number, choice, "
				       "multichoice or scale)"), kind);
		bad = 1;
	}
	if (!kind)
		bad = 1;
	free(kind);
	if (bad) {
		/* Without a kind the remaining keys cannot be judged. */
		rd_broken(r, COLL_QUESTION, q.id);
		kn_question_clear(&q);
		return;
	}
	choice = q.kind == Q_CHOICE || q.kind == Q_MULTICHOICE;
	if (q.kind != Q_NUMBER) {
		for (int k = UNIT; k <= MAX; k++) {
			if (v[k]) {
				rd_error(r, v[k], _("only number questions "
						    "take '%s'"),
					 keys[k].name);
				bad = 1;
			}
		}
	}
	bad |= rd_str(r, v[UNIT], "unit", &q.unit) < 0;
	bad |= rd_str(r, v[UNIT_ONE], "unit_one", &q.unit_one) < 0;
	if (v[UNIT_ONE] && !v[UNIT]) {
		rd_error(r, v[UNIT_ONE], "%s",
			 _("'unit_one' is the singular of 'unit', which is missing"));
		bad = 1;
	}
	if (v[MIN] && !rd_is_null(v[MIN])) {
		bad |= rd_num(r, v[MIN], "min", &q.min) < 0;
		q.has_min = true;
	}
	if (v[MAX] && !rd_is_null(v[MAX])) {
		bad |= rd_num(r, v[MAX], "max", &q.max) < 0;
		q.has_max = true;
	}
	if (!bad && q.has_min && q.has_max && q.min > q.max) {
		rd_error(r, v[MIN], _("'min' is above 'max'"));
		bad = 1;
	}
	if (q.kind == Q_SCALE) {
		q.has_min = q.has_max = true;
		q.min = 1;
		q.max = 5;
	}
	if (choice && !v[OPTIONS]) {
		rd_error(r, n, _("%s is a %s question and needs 'options'"),
			 what, question_kind_id(q.kind));
		bad = 1;
	} else if (!choice && v[OPTIONS]) {
		rd_error(r, v[OPTIONS], _("only choice and multichoice "
					  "questions take 'options'"));
		bad = 1;
	} else if (choice) {
		bad |= parse_options(r, v[OPTIONS], &q, what) < 0;
	}
	bad |= cond_parse(r, v[SHOW_IF], what, &q.show_if) < 0;
	q.section = str_dup(section);
	if (!q.section)
		rd_oom(r);
	if (bad || !q.section || rd_origin(r, n, &q.at) < 0) {
		rd_broken(r, COLL_QUESTION, q.id);
		kn_question_clear(&q);
		return;
	}
	put_question(r->ld, &q);
}

static void parse_section(struct rd *r, yaml_node_t *n)
{
	enum { ID, TITLE, INTRO, QUESTIONS, N };
	static const struct key keys[N] = {
		{ "id", true }, { "title", true }, { "intro", false },
		{ "questions", false }
	};
	yaml_node_t *v[N];
	struct section s = { 0 };
	yaml_node_item_t *it;
	size_t count;
	char what[96];
	int bad = 0;

	rd_what(r, n, _("section"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &s.id) < 0;
	bad |= rd_str(r, v[TITLE], "title", &s.title) < 0;
	bad |= rd_str(r, v[INTRO], "intro", &s.intro) < 0;
	if (s.id) {
		it = rd_seq(r, v[QUESTIONS], "questions", &count);
		for (size_t i = 0; i < count; i++) {
			yaml_node_t *e = rd_node(r, it[i]);

			if (e)
				parse_question(r, e, s.id);
		}
	}
	if (bad || !s.id || rd_origin(r, n, &s.at) < 0) {
		rd_broken(r, COLL_SECTION, s.id);
		kn_section_clear(&s);
		return;
	}
	put_section(r->ld, &s);
}

void parse_sections(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "sections", parse_section);
}

/* ---- criteria --------------------------------------------------------- */

static void parse_criterion(struct rd *r, yaml_node_t *n)
{
	enum { ID, NAME, DESC, LOW, HIGH, WEIGHT, N };
	static const struct key keys[N] = {
		{ "id", true }, { "name", true }, { "description", true },
		{ "low", true }, { "high", true }, { "weight", false }
	};
	yaml_node_t *v[N];
	struct criterion_def c = { 0 };
	char what[96];
	int bad = 0;

	rd_what(r, n, _("criterion"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	c.weight = 1;
	bad |= rd_id(r, v[ID], "id", &c.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &c.name) < 0;
	bad |= rd_str(r, v[DESC], "description", &c.description) < 0;
	bad |= rd_str(r, v[LOW], "low", &c.low) < 0;
	bad |= rd_str(r, v[HIGH], "high", &c.high) < 0;
	if (rd_num(r, v[WEIGHT], "weight", &c.weight) < 0) {
		bad = 1;
	} else if (c.weight < 0) {
		rd_error(r, v[WEIGHT], _("'weight' must not be negative"));
		bad = 1;
	}
	if (bad || !c.id || rd_origin(r, n, &c.at) < 0) {
		rd_broken(r, COLL_CRITERION, c.id);
		kn_criterion_clear(&c);
		return;
	}
	put_criterion(r->ld, &c);
}

void parse_criteria(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "criteria", parse_criterion);
}

/* ---- catalogue -------------------------------------------------------- */

static void parse_category(struct rd *r, yaml_node_t *n)
{
	enum { ID, NAME, N };
	static const struct key keys[N] = { { "id", true },
					     { "name", true } };
	yaml_node_t *v[N];
	struct category c = { 0 };
	char what[96];
	int bad = 0;

	rd_what(r, n, _("category"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &c.id) < 0;
	bad |= rd_str(r, v[NAME], "name", &c.name) < 0;
	if (bad || !c.id || rd_origin(r, n, &c.at) < 0) {
		rd_broken(r, COLL_CATEGORY, c.id);
		kn_category_clear(&c);
		return;
	}
	put_category(r->ld, &c);
}

static void parse_tech(struct rd *r, yaml_node_t *n)
{
	enum { ID, CATEGORY, NAME, BEST_FOR, N };
	static const struct key keys[N] = {
		{ "id", true }, { "category", true }, { "name", true },
		{ "best_for", true }
	};
	yaml_node_t *v[N];
	struct tech t = { 0 };
	char what[96];
	int bad = 0;

	rd_what(r, n, _("technology"), what, sizeof(what));
	bad |= rd_map(r, n, what, keys, N, v) < 0;
	if (n->type != YAML_MAPPING_NODE)
		return;
	bad |= rd_id(r, v[ID], "id", &t.id) < 0;
	bad |= rd_id(r, v[CATEGORY], "category", &t.category) < 0;
	bad |= rd_str(r, v[NAME], "name", &t.name) < 0;
	bad |= rd_str(r, v[BEST_FOR], "best_for", &t.best_for) < 0;
	if (t.category)
		rd_ref(r, REF_ID, COLL_CATEGORY, COND_EQ, t.category, NULL,
		       what, v[CATEGORY]);
	if (bad || !t.id || rd_origin(r, n, &t.at) < 0) {
		rd_broken(r, COLL_TECH, t.id);
		kn_tech_clear(&t);
		return;
	}
	put_tech(r->ld, &t);
}

void parse_categories(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "categories", parse_category);
}

void parse_techs(struct rd *r, yaml_node_t *n)
{
	rd_each(r, n, "technologies", parse_tech);
}

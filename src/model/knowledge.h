/*
 * knowledge: what charrette knows before a workshop starts, as loaded from
 * the data/ YAML files by src/content/: the interview, criteria, patterns, the
 * technology catalogue, decision rules, anti-patterns, metric definitions
 * with performance bands, and templates.  Plain structs, no I/O.
 *
 * Every loaded item remembers where it came from (`struct origin`) so that
 * errors found later (a rule naming an unknown question) can name the place.
 */
#ifndef CHARRETTE_MODEL_KNOWLEDGE_H
#define CHARRETTE_MODEL_KNOWLEDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/str.h"

struct origin {
	char *file;
	int line;   /* 1-based */
	int col;    /* 1-based */
};

/* ---- conditions on answers ------------------------------------------- */
enum cond_op {
	COND_EQ,        /* answer == value (text, choice id or number) */
	COND_NE,
	COND_IN,        /* answer is one of values (list) */
	COND_CONTAINS,  /* multi-choice answer contains value; text contains */
	COND_LT, COND_LE, COND_GT, COND_GE,   /* numeric */
	COND_BETWEEN,   /* lo <= answer <= hi */
	COND_ANSWERED,  /* the question has any answer */
	COND_ALL,       /* every sub-condition */
	COND_ANY,       /* at least one */
	COND_NOT        /* sub[0] is false */
};

struct cond {
	enum cond_op op;
	char *question;        /* leaf ops */
	struct value arg;      /* EQ/NE/CONTAINS: text or number; IN: list */
	double lo, hi;         /* LT..GE use lo; BETWEEN uses both */
	struct cond *sub;      /* ALL/ANY/NOT */
	size_t n_sub;
	struct origin at;
};

void cond_clear(struct cond *c);

/* ---- interview -------------------------------------------------------- */
enum question_kind {
	Q_TEXT, Q_LONGTEXT, Q_NUMBER, Q_CHOICE, Q_MULTICHOICE, Q_SCALE,
	Q_KIND_COUNT
};

struct q_option {
	char *id;
	char *label;
};

struct question {
	char *id;
	char *section;         /* id of the section it belongs to */
	char *prompt;
	char *help;            /* may be NULL */
	enum question_kind kind;
	char *unit;            /* Q_NUMBER, may be NULL */
	char *unit_one;        /* its singular ("hour"), may be NULL */
	bool has_min, has_max;
	double min, max;       /* Q_NUMBER bounds; Q_SCALE is 1..5 */
	struct q_option *options;
	size_t n_options;
	struct cond *show_if;  /* NULL = always shown */
	struct origin at;
};

struct section {
	char *id;
	char *title;
	char *intro;           /* may be NULL */
	struct origin at;
};

/* ---- criteria --------------------------------------------------------- */
struct criterion_def {
	char *id;
	char *name;
	char *description;
	char *low;             /* what a score at the bottom of the scale means */
	char *high;            /* ... and at the top */
	double weight;         /* default raw weight */
	struct origin at;
};

/* ---- catalogue -------------------------------------------------------- */
struct tech {
	char *id;
	char *category;        /* "cicd", "iac", "gitops", ... */
	char *name;
	char *best_for;
	struct origin at;
};

struct category {
	char *id;
	char *name;
	struct origin at;
};

/* ---- patterns --------------------------------------------------------- */
struct pattern {
	char *id;
	char *name;
	char *summary;
	struct cond *fits;     /* when it fits; NULL = neutral */
	struct strv fit_reasons;
	struct component *components;  /* category + technology name */
	size_t n_components;
	char *deployment;
	char *observability;
	char *security;
	char *complexity;
	char *cost;
	struct strv stages;
	struct strv decisions;  /* key decisions */
	struct strv tradeoffs;  /* trade-offs it accepts */
	struct strv pros;
	struct strv cons;
	struct origin at;
};

/* ---- rules and anti-patterns ------------------------------------------ */
struct nudge {
	char *criterion;       /* criterion id */
	double delta;          /* added to the raw weight */
};

struct suggested_risk {
	char *description;
	int probability;
	int impact;
	char *mitigation;
};

struct rule {
	char *id;
	char *title;
	char *goal;            /* "velocity", "compliance", "cost", "reliability" */
	struct cond *when;
	char *recommendation;
	struct strv controls;  /* required controls to put in place */
	struct nudge *nudges;
	size_t n_nudges;
	struct suggested_risk *risks;
	size_t n_risks;
	struct strv patterns;  /* pattern ids it favours */
	struct origin at;
};

struct antipattern {
	char *id;
	char *name;
	char *description;
	struct cond *when;
	char *remedy;
	struct origin at;
};

/* ---- metrics ---------------------------------------------------------- */
enum band { BAND_NONE = 0, BAND_LOW, BAND_MEDIUM, BAND_HIGH, BAND_ELITE };

/* A band holds when the value lies in [min, max]; either end may be open.
 * `higher_is_better` tells which way targets should move. */
struct band_def {
	enum band band;
	bool has_min, has_max;
	double min, max;
};

struct metric_def {
	char *id;              /* deploy_freq, lead_time, change_fail, restore */
	char *name;
	char *unit;
	char *unit_one;        /* singular of unit ("deploy per week"), or NULL */
	char *description;
	bool higher_is_better;
	struct band_def bands[4];
	size_t n_bands;
	struct origin at;
};

/* ---- templates -------------------------------------------------------- */
/* One stage of a template's agenda: the default timebox of a workshop. */
struct agenda_def {
	enum stage stage;
	int minutes;
};

struct template_def {
	char *id;              /* "devops", "generic" */
	char *name;
	char *description;
	struct strv sections;  /* interview section ids, in order */
	struct strv criteria;  /* criterion ids */
	bool all_patterns;     /* use every pattern and rule */
	struct strv patterns;
	struct strv rules;
	struct strv antipatterns;
	struct strv metrics;   /* metric ids created with the workshop */
	struct origin at;
	struct agenda_def *agenda;   /* the stages it uses, in order, with */
	size_t n_agenda;             /* their planned minutes */
};

/* Everything loaded, shipped content first, user overrides by id after. */
struct knowledge {
	struct section *sections;        size_t n_sections;
	struct question *questions;      size_t n_questions;
	struct criterion_def *criteria;  size_t n_criteria;
	struct category *categories;     size_t n_categories;
	struct tech *techs;              size_t n_techs;
	struct pattern *patterns;        size_t n_patterns;
	struct rule *rules;              size_t n_rules;
	struct antipattern *antipatterns; size_t n_antipatterns;
	struct metric_def *metrics;      size_t n_metrics;
	struct template_def *templates;  size_t n_templates;
};

const char *question_kind_id(enum question_kind k);  /* "text", ... */
int question_kind_from_id(const char *s, enum question_kind *out);
const char *band_label(enum band b);                 /* "Elite", ... */
/* The same in English whatever the language, for files programs read (CSV). */
const char *band_label_c(enum band b);

#endif

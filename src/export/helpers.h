/*
 * helpers: what every document writer of src/export (and the ADR writers of
 * src/adr) shares, below the documents and above the Markdown primitives:
 * the scored view of a workshop, display names that never come out empty,
 * lookups in the knowledge that accept NULL, numbers and units for people,
 * people's names, orders, and the folder and marker helpers of file sets.
 *
 * Nothing here writes Markdown structure (that is md.h) or a whole table
 * (tables.h); nothing here includes export.h, so the formats can sit on
 * top of it without a circle.
 */
#ifndef CHARRETTE_EXPORT_HELPERS_H
#define CHARRETTE_EXPORT_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/evaluate.h"
#include "model/knowledge.h"
#include "model/model.h"
#include "util/num.h"
#include "util/str.h"

struct error;

/* How people are named in a document (see x_person). */
enum x_names {
	X_NAMES_REAL = 0,   /* the account's full name where it has one */
	X_NAMES_RECORDED,   /* as recorded, less "(via account)": tests */
};

/* Full names read from the passwd database, kept for one document: each
 * account is looked up once, not once a row (a lookup reads the passwd
 * file and asks systemd: 65,000 instructions).  Zeroed to start;
 * x_names_memo_clear ends it.  Accounts past the first X_NAMES_MEMO are
 * looked up each time. */
#define X_NAMES_MEMO 32
struct x_names_memo {
	size_t n;
	char *account[X_NAMES_MEMO];
	char *full[X_NAMES_MEMO];      /* NULL: no full name */
	bool root[X_NAMES_MEMO];
};
void x_names_memo_clear(struct x_names_memo *m);

/* A workshop with its scores computed once for a whole document. */
struct xctx {
	const struct workshop_data *d;
	const struct knowledge *k;
	struct ws_scores sc;
	bool scored;            /* sc is valid */
	char why[1024];         /* why not, when !scored */
	enum x_names names;
	struct x_names_memo memo;  /* for x_person */
};

int xctx_init(struct xctx *x, const struct workshop_data *d,
	      const struct knowledge *k, struct error *e);
void xctx_clear(struct xctx *x);

/* If b ran out of memory, say so in e; returns ST_ERROR or 0. */
int x_out_of_memory(struct buf *b, struct error *e);

/* ---- names ------------------------------------------------------------- */
/* s, or fallback when s is NULL or blank (nothing printable). */
const char *x_or(const char *s, const char *fallback);
/* Display names that never come out empty ("Approach 2"); tmp holds the
 * generated ones. */
const char *x_approach_name(const struct workshop_data *d, size_t i,
			    char *tmp, size_t size);
const char *x_criterion_name(const struct xctx *x, size_t i, char *tmp,
			     size_t size);
const char *x_decision_title(const struct decision *dec);
const char *x_risk_status_label(enum risk_status s);

/*
 * A person as a document names them: "bob (via root)", as --as records
 * it, is bob; with X_NAMES_REAL an account of that name with a full name
 * in its passwd entry (the GECOS field up to the first comma) is shown by
 * that full name.  The superuser is an account, not a person: "root" (and
 * any uid 0 account) gives NULL, as does blank text.  The result is in
 * buf (size bytes) or is `recorded` itself.  memo (may be NULL) keeps
 * the accounts looked up.
 */
const char *x_person(const char *recorded, enum x_names names,
		     struct x_names_memo *memo, char *buf, size_t size);
/* People of a list (deciders), by x_person, joined with ", " into out;
 * returns how many were written. */
size_t x_people(struct buf *out, const struct strv *sv, enum x_names names,
		struct x_names_memo *memo,
		void (*put)(struct buf *, const char *));

/* ---- knowledge lookups (k may be NULL) ---------------------------------- */
const struct question *x_question(const struct knowledge *k, const char *id);
const struct section *x_section(const struct knowledge *k, const char *id);
const struct criterion_def *x_criterion_def(const struct knowledge *k,
					    const char *id);
const struct metric_def *x_metric_def(const struct knowledge *k,
				      const char *id);
const struct category *x_category(const struct knowledge *k,
				  const char *id);
/* A catalogue technology by name or id (any case), the same category
 * preferred; NULL when the name matches none. */
const struct tech *x_tech(const struct knowledge *k, const char *category,
			  const char *name);
/* The label of option `id` of question q (id itself when unknown). */
const char *x_option_label(const struct question *q, const char *id);

/* ---- orders ------------------------------------------------------------- */
/* Index of the approach a decision chose, or -1. */
int x_chosen(const struct workshop_data *d, const struct decision *dec);
/* Decision indices sorted by number (ties in stored order); risk indices
 * by score, highest first (ties in register order).  New arrays of n
 * entries (at least one allocated), NULL on OOM. */
size_t *x_decision_order(const struct workshop_data *d);
size_t *x_risk_order(const struct workshop_data *d);

/* ---- numbers ------------------------------------------------------------ */
/*
 * Numbers for people, by num_fmt's precision per kind, with "." as the
 * decimal point in any locale so that a document does not depend on who
 * exported it: any kind (x_fmt), a value ("3.33"), a total ("3.85"), a
 * share as a percentage with one decimal ("18.2%").
 */
void x_num(char *buf, size_t size, double v);
void x_fmt(char *buf, size_t size, enum num_kind kind, double v);
void x_fmt_total(char *buf, size_t size, double v);
void x_fmt_percent(char *buf, size_t size, double v);
/* "1 hour", "2 hours", "25%": the number and its unit, singular where the
 * value is exactly 1 and a singular form is known (one may be NULL). */
void x_quantity(struct buf *out, double v, const char *one,
		const char *other);

/* ---- file sets ---------------------------------------------------------- */
/* Create dir (and its parents) and check that it is a folder. */
int x_ensure_dir(const char *dir, struct error *e);
/* The marker comment that ends every ADR file we write, so that a later
 * export recognises its own files: "<!-- charrette: SLUG decision N -->". */
char *x_marker(const struct workshop_data *d, int number);
#define X_MARKER_PREFIX "<!-- charrette: "
#define X_INDEX_MARKER "<!-- charrette: index -->"

#endif

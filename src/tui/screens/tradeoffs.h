/*
 * tradeoffs: the private interface between the three files of screen 5
 * (screen_tradeoffs.c: the screen, criteria, weights and sensitivity;
 * tradeoffs_ahp.c: the pairwise comparison; tradeoffs_matrix.c: the scoring
 * matrix, the votes and the bar chart).  Everything numeric comes from the
 * engine and is recomputed on every reload.
 */
#ifndef CHARRETTE_TUI_TRADEOFFS_H
#define CHARRETTE_TUI_TRADEOFFS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/app.h"
#include "tui/widgets/list.h"
#include "util/str.h"

enum to_view { TV_MATRIX = 0, TV_CRITERIA, TV_PAIRWISE, TV_SENSITIVITY };

/* What the matrix cells show. */
enum mx_show { MS_AGREED = 0, MS_MEAN, MS_MEDIAN, MS_PERSON, MS_COUNT };

/* A pair of criteria (indexes into d->criteria, a < b). */
struct to_pair {
	size_t a, b;
};

struct tscreen {
	enum to_view view;

	/* The session's scoring (totals, ranks, sensitivity, the agreed
	 * pairwise matrix's AHP result); score_err says why there is none. */
	const struct sess_view *v;

	/* Criteria and sensitivity views share the criteria list. */
	struct list crit;
	int64_t want_crit;         /* select this criterion once reloaded */

	/* Pairwise view: every pair of criteria. */
	struct list pairs;
	struct to_pair *pair;
	size_t n_pairs;
	char *judged;              /* what the last judgement said, until the
				    * reload shows its consistency */

	/* Matrix view: rows are approaches, col is the criterion, col0 the
	 * first criterion shown when they do not all fit. */
	struct list rows;
	size_t col, col0;
	enum mx_show show;
	bool mine;                 /* digits set my vote */
	char *person;              /* whose votes MS_PERSON shows */

	/* The keys of the rows at the last refresh, so that the selection
	 * stays on the same criterion, pair and approach after a reload. */
	struct strv ckeys, akeys;

	/* What the last full frame of the matrix drew where, for a frame
	 * that redraws only the rows and the detail a move changed. */
	struct {
		bool valid;
		int y, x, h, w;            /* the body rectangle */
		size_t sel, col, top, col0;
		enum mx_show show;
		bool mine;
		int rows_y, rows, mw;      /* the approach rows */
		int detail_y, detail_h;
	} drawn;
};

/* ---- screen_tradeoffs.c -------------------------------------------------- */
/* Draw a horizontal bar of `cols` cells filled to frac (0..1). */
void to_bar(struct buf *b, double frac, int cols);
/* "Security posture" or the key when the name is empty. */
const char *to_crit_name(const struct criterion *c);
/* Pad or cut s to cols columns into b. */
void to_cell(struct buf *b, const char *s, int cols, bool right);
/* Draw wrapped text in a rectangle; returns the rows used. */
int to_wrap(int y, int x, int h, int w, const char *s);
/* Index of a key in a strv of keys, or -1. */
int to_key_index(const struct strv *keys, const char *key);
/* The approaches' names cut to `cols` columns so that no two look alike
 * (names_fit_each; NULL when out of memory; names_drop frees them). */
char **to_names_fit(const struct workshop_data *d, int cols);
/* The sensitivity panel (its own view, and beside a wide matrix). */
void to_sens_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		  int w, bool cursor);

/* ---- tradeoffs_ahp.c ----------------------------------------------------- */
/* Rebuild the pairs; old_keys are the criterion keys before the reload. */
void to_ahp_refresh(struct app *a, struct tscreen *s,
		    const struct strv *old_keys);
void to_ahp_free(struct tscreen *s);
void to_ahp_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		 int w);
enum reaction to_ahp_key(struct app *a, struct tscreen *s, enum action act);
/* The agreed judgement of criteria i over k (1/v when stored the other
 * way round); false when missing. */
bool to_judgement(const struct workshop_data *d, size_t i, size_t k,
		  double *v);
/* "Security posture is 3× as important as Cost efficiency" (new string). */
char *to_judgement_text(const struct workshop_data *d, size_t i, size_t k,
			double v);

/* ---- tradeoffs_matrix.c -------------------------------------------------- */
void to_matrix_refresh(struct app *a, struct tscreen *s,
		       const struct strv *old_ckeys);
void to_matrix_free(struct tscreen *s);
void to_matrix_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		    int w);
enum reaction to_matrix_key(struct app *a, struct tscreen *s, enum action act);
/* Redraw only what a move of the cursor cell changed (see screen_ops's
 * draw_light); false: draw the full frame. */
bool to_matrix_draw_light(struct app *a, struct tscreen *s, int y, int x,
			  int h, int w);
/* "agreed scores", "median of the votes", ... (new string). */
char *to_matrix_mode(struct app *a, const struct tscreen *s);

#endif

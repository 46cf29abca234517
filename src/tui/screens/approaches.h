/*
 * approaches: what screen 4's files share.  screen_approaches.c owns the
 * list and the fields pane, approach_fields.c the fields (how they show,
 * how they are edited), screen_compare.c the side-by-side view.
 */
#ifndef CHARRETTE_TUI_APPROACHES_H
#define CHARRETTE_TUI_APPROACHES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/knowledge.h"
#include "model/model.h"
#include "tui/app.h"
#include "util/str.h"

/* The product compares two to five approaches. */
#define AP_MIN 2
#define AP_MAX 5

enum ap_field {
	F_NAME = 0, F_SUMMARY, F_PATTERN, F_COMPONENTS, F_DEPLOYMENT,
	F_OBSERVABILITY, F_SECURITY, F_COMPLEXITY, F_COST, F_PROS, F_CONS,
	F_STAGES, F_COUNT
};

/* The side-by-side view's place; kept in the screen's state so that it
 * survives the data being reloaded under it. */
struct cmp_layout;

struct cmpview {
	bool on;
	int top;          /* first body line shown */
	size_t left;      /* first approach column shown */
	int page;         /* body lines at the last draw */
	int lines;        /* body lines in all at the last draw */
	struct cmp_layout *layout;   /* the body laid out (screen_compare.c) */
	/* What the last full frame drew, for a light one that scrolls. */
	bool drawn;
	int drawn_top, drawn_y, drawn_h, drawn_w, drawn_hh;
};

/* The field's label (translated). */
const char *ap_field_label(enum ap_field f);
/* Pros and cons are shown one bullet per entry. */
bool ap_field_bulleted(enum ap_field f);
/*
 * The field's value as display items (out must be empty): one item for a
 * text field (none when empty), one per entry for pros and cons, the
 * stages joined by arrows.  Components: the number of them.
 */
void ap_field_items(const struct knowledge *k, const struct approach *ap,
		    enum ap_field f, struct strv *out);
/* A catalogue category's display name (its id when unknown). */
const char *ap_category_name(const struct knowledge *k, const char *id);
/* Position of a category in the catalogue (unknown ones sort last). */
size_t ap_category_rank(const struct knowledge *k, const char *id);
/*
 * Wrap items into display lines of at most cols columns (appended to out).
 * With a bullet, each item's first line starts with it and continuation
 * lines are indented to match.
 */
void ap_wrap(struct strv *out, const struct strv *items, const char *bullet,
	     int cols);

/* ---- editing (approach_fields.c) ---- */
/* Edit a field of ap (comp: the component under the cursor, or -1). */
void ap_edit_field(struct app *a, const struct approach *ap, enum ap_field f,
		   int comp);
/* Catalogue pickers: a category, then a technology; idx -1 adds one, else
 * replaces component idx. */
void ap_pick_component(struct app *a, const struct approach *ap, int idx);
/* Save the components with idx replaced by cat/name, removed (name NULL)
 * or cat/name added (idx -1), through app_save_field (its statuses: a
 * conflict opens the keep mine / take theirs dialog). */
int ap_save_component(struct app *a, int64_t id, int64_t version, int idx,
		      const char *cat, const char *name);
/* A new approach: blank or from a pattern (refused beyond AP_MAX). */
void ap_add(struct app *a);

/* ---- the screen (screen_approaches.c) ---- */
/* Select approach id on the list at the next reload. */
void approaches_select(struct app *a, int64_t id);
/* The side-by-side state of the open approaches screen (NULL if none). */
struct cmpview *approaches_cmpview(struct app *a);
/* Turn the side-by-side view on: a modal in SC_COMPARE takes the keys
 * while the screen draws the view. */
void compare_start(struct app *a, struct cmpview *cv);
/* Free the view's layout (the screen closes). */
void compare_free(struct cmpview *cv);
/* Scroll the last frame of the view instead of drawing it anew; false:
 * draw a full frame. */
bool compare_draw_light(struct app *a, struct cmpview *cv, int y, int x,
			int h, int w);
void compare_draw(struct app *a, struct cmpview *cv, int y, int x, int h,
		  int w);

#endif

/*
 * list: a cursor over rows (selection, scrolling, skipping rows that cannot
 * be selected such as headings) with incremental search.  It draws nothing:
 * the screen draws rows top..top+height and asks the list where it is.
 */
#ifndef CHARRETTE_TUI_WIDGETS_LIST_H
#define CHARRETTE_TUI_WIDGETS_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/keys.h"

struct list {
	size_t n;          /* rows */
	size_t sel;        /* selected row (< n unless n == 0) */
	size_t top;        /* first row shown */
	int height;        /* rows shown, set by the last draw */
	char *search;      /* active search, NULL when none */
	void *ctx;
	/* Row text for search; NULL entries never match. */
	const char *(*text)(void *ctx, size_t i);
	/* Can the cursor rest on this row? NULL = every row. */
	bool (*selectable)(void *ctx, size_t i);
	/* The screen row row `top` was last drawn at, one row a line, for a
	 * mouse click (0: not placed; the title bar is never a list). */
	int y0;
};

void list_init(struct list *l, void *ctx,
	       const char *(*text)(void *, size_t),
	       bool (*selectable)(void *, size_t));
void list_free(struct list *l);
/* The row count changed: keep sel in range and on a selectable row. */
void list_set_count(struct list *l, size_t n);
/* Select row i (nearest selectable one) and scroll it into view. */
void list_select(struct list *l, size_t i);
/* Apply a navigation action; true when it was one. */
bool list_nav(struct list *l, enum action act);
/* Scroll so that sel is visible in `height` rows. */
void list_scroll(struct list *l, int height);
/* Set the search (NULL ends it) and go to the first match from sel
 * (inclusive); returns false when nothing matches. */
bool list_search_set(struct list *l, const char *pattern);
/* Next (dir 1) or previous (-1) match; false when none. */
bool list_search_step(struct list *l, int dir);
bool list_row_matches(const struct list *l, size_t i);
/* Rows matching the search (selectable ones), and which of them is the
 * selected row (1-based; 0 when it is none). */
size_t list_search_count(const struct list *l, size_t *pos);
/* The list is drawn from screen row y on, `height` rows (list_scroll's). */
void list_place(struct list *l, int y);
/* The row shown at screen row y, or -1 (not placed, not a row of it). */
long list_at(const struct list *l, int y);

#endif

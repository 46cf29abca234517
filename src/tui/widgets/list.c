#include "config.h"
/*
 * list: selection, scrolling and incremental search over rows, independent
 * of what the rows are (workshops, questions, findings, lines of a view).
 */

#include <stdlib.h>
#include <string.h>

#include "tui/widgets/list.h"
#include "util/str.h"

void list_init(struct list *l, void *ctx,
	       const char *(*text)(void *, size_t),
	       bool (*selectable)(void *, size_t))
{
	memset(l, 0, sizeof(*l));
	l->ctx = ctx;
	l->text = text;
	l->selectable = selectable;
	l->height = 10;
}

void list_free(struct list *l)
{
	free(l->search);
	l->search = NULL;
}

static bool can_select(const struct list *l, size_t i)
{
	return i < l->n && (!l->selectable || l->selectable(l->ctx, i));
}

/* The nearest selectable row from i going dir first, then the other way. */
static size_t nearest(const struct list *l, size_t i, int dir)
{
	if (l->n == 0)
		return 0;
	if (i >= l->n)
		i = l->n - 1;
	for (size_t j = i; j < l->n; j = dir > 0 ? j + 1 : j - 1) {
		if (can_select(l, j))
			return j;
		if (dir < 0 && j == 0)
			break;
	}
	for (size_t j = i; j < l->n; j = dir > 0 ? j - 1 : j + 1) {
		if (can_select(l, j))
			return j;
		if (dir > 0 && j == 0)
			break;
	}
	return i;
}

void list_scroll(struct list *l, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	l->height = (int)h;
	if (l->n <= h) {
		l->top = 0;
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	/* Show the heading above the first selectable row. */
	if (l->top > 0 && l->sel == l->top && !can_select(l, l->top - 1))
		l->top--;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top + h > l->n)
		l->top = l->n - h;
}

void list_set_count(struct list *l, size_t n)
{
	l->n = n;
	if (n == 0) {
		l->sel = l->top = 0;
		return;
	}
	l->sel = nearest(l, l->sel, 1);
	list_scroll(l, l->height);
}

void list_select(struct list *l, size_t i)
{
	l->sel = nearest(l, i, 1);
	list_scroll(l, l->height);
}

static void move_by(struct list *l, long delta)
{
	long target = (long)l->sel + delta;

	if (l->n == 0)
		return;
	if (target < 0)
		target = 0;
	if (target >= (long)l->n)
		target = (long)l->n - 1;
	l->sel = nearest(l, (size_t)target, delta < 0 ? -1 : 1);
	list_scroll(l, l->height);
}

bool list_nav(struct list *l, enum action act)
{
	long page = l->height > 1 ? l->height - 1 : 1;

	switch (act) {
	case A_UP:
		if (l->sel > 0) {
			size_t j = l->sel;

			/* Skip headings; stay put at the first selectable. */
			while (j > 0) {
				j--;
				if (can_select(l, j)) {
					l->sel = j;
					break;
				}
			}
			list_scroll(l, l->height);
			if (l->top > 0 && l->sel == 0)
				l->top = 0;
		}
		return true;
	case A_DOWN:
		for (size_t j = l->sel + 1; j < l->n; j++) {
			if (can_select(l, j)) {
				l->sel = j;
				break;
			}
		}
		list_scroll(l, l->height);
		return true;
	case A_PAGE_UP:
		move_by(l, -page);
		return true;
	case A_PAGE_DOWN:
		move_by(l, page);
		return true;
	case A_FIRST:
		l->sel = nearest(l, 0, 1);
		l->top = 0;
		list_scroll(l, l->height);
		return true;
	case A_LAST:
		if (l->n)
			l->sel = nearest(l, l->n - 1, -1);
		list_scroll(l, l->height);
		return true;
	default:
		return false;
	}
}

bool list_row_matches(const struct list *l, size_t i)
{
	const char *t;

	if (!l->search || !*l->search || !l->text || i >= l->n)
		return false;
	t = l->text(l->ctx, i);
	return t && strcasestr(t, l->search) != NULL;
}

bool list_search_set(struct list *l, const char *pattern)
{
	free(l->search);
	l->search = NULL;
	if (!pattern || !*pattern)
		return true;
	l->search = str_dup(pattern);
	if (!l->search)
		return false;
	for (size_t k = 0; k < l->n; k++) {
		size_t i = (l->sel + k) % l->n;

		if (list_row_matches(l, i) && can_select(l, i)) {
			l->sel = i;
			list_scroll(l, l->height);
			return true;
		}
	}
	return false;
}

bool list_search_step(struct list *l, int dir)
{
	if (!l->search || l->n == 0)
		return false;
	for (size_t k = 1; k <= l->n; k++) {
		size_t i = dir > 0 ? (l->sel + k) % l->n
				   : (l->sel + l->n - (k % l->n)) % l->n;

		if (list_row_matches(l, i) && can_select(l, i)) {
			l->sel = i;
			list_scroll(l, l->height);
			return true;
		}
	}
	return false;
}

size_t list_search_count(const struct list *l, size_t *pos)
{
	size_t n = 0;

	if (pos)
		*pos = 0;
	for (size_t i = 0; l->search && i < l->n; i++) {
		if (!list_row_matches(l, i) || !can_select(l, i))
			continue;
		n++;
		if (i == l->sel && pos)
			*pos = n;
	}
	return n;
}

void list_place(struct list *l, int y)
{
	l->y0 = y;
}

long list_at(const struct list *l, int y)
{
	size_t i;

	if (l->y0 <= 0 || y < l->y0 || y >= l->y0 + l->height)
		return -1;
	i = l->top + (size_t)(y - l->y0);
	return i < l->n ? (long)i : -1;
}

#include "config.h"
/*
 * textview: styled, wrapped lines with a scrolling cursor.  The lines are
 * rebuilt when the data changes or the width does.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/widgets/textview.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"

struct textview {
	struct list list;
	struct tlines t;
	textview_build_fn build;
	bool dirty;
};

static void tl_push(struct tlines *t, enum role r, char *s)
{
	if (!s)
		return;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **tx = realloc(t->text, cap * sizeof(*tx));
		enum role *ro;

		if (!tx) {
			free(s);
			return;
		}
		t->text = tx;
		ro = realloc(t->role, cap * sizeof(*ro));
		if (!ro) {
			free(s);
			return;
		}
		t->role = ro;
		t->cap = cap;
	}
	t->text[t->n] = s;
	t->role[t->n] = r;
	t->n++;
}

void tl_add(struct tlines *t, enum role r, int indent, const char *fmt, ...)
{
	va_list ap;
	char *s;
	struct buf b;
	size_t st[256], ln[256], n;
	int w = t->width > 4 ? t->width : 80;

	buf_init(&b);
	va_start(ap, fmt);
	{
		char tmp[4096];

		vsnprintf(tmp, sizeof(tmp), fmt, ap);
		s = str_dup(tmp);
	}
	va_end(ap);
	if (!s)
		return;
	/* Prose from YAML keeps its line breaks: a single newline is a space,
	 * an empty line a paragraph break. */
	for (size_t i = 0; s[i]; i++)
		if (s[i] == '\n' && s[i + 1] != '\n' && (i == 0 || s[i - 1] != '\n'))
			s[i] = ' ';
	n = draw_wrap(s, w - 1, st, ln, 1);
	if (n == 0 || ln[0] >= strlen(s)) {
		tl_push(t, r, s);
		return;
	}
	/* First line at full width, the rest indented. */
	tl_push(t, r, str_ndup(s, ln[0]));
	{
		const char *rest = s + st[0] + ln[0];
		size_t m;

		while (*rest == ' ' || *rest == '\n')
			rest++;
		m = draw_wrap(rest, w - 1 - indent, st, ln, 256);
		for (size_t i = 0; i < m; i++) {
			buf_printf(&b, "%*s%.*s", indent, "", (int)ln[i],
				   rest + st[i]);
			tl_push(t, r, buf_detach(&b));
		}
	}
	buf_free(&b);
	free(s);
}

void tl_blank(struct tlines *t)
{
	tl_push(t, CR_NORMAL, str_dup(""));
}

static void tl_clear(struct tlines *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->text[i]);
	free(t->text);
	free(t->role);
	memset(t, 0, sizeof(*t));
}

static const char *line_text(void *ctx, size_t i)
{
	struct textview *v = ctx;

	return i < v->t.n ? v->t.text[i] : NULL;
}

int textview_open(struct app *a, void **state, textview_build_fn build)
{
	struct textview *v = calloc(1, sizeof(*v));

	(void)a;
	if (!v)
		return ST_ERROR;
	list_init(&v->list, v, line_text, NULL);
	v->build = build;
	v->dirty = true;
	*state = v;
	return ST_OK;
}

void textview_close(struct app *a, void *state)
{
	struct textview *v = state;

	(void)a;
	tl_clear(&v->t);
	list_free(&v->list);
	free(v);
}

static void rebuild(struct app *a, struct textview *v, int w)
{
	size_t sel = v->list.sel;

	tl_clear(&v->t);
	v->t.width = w;
	if (app_data(a))
		v->build(a, &v->t);
	list_set_count(&v->list, v->t.n);
	list_select(&v->list, sel);
	v->dirty = false;
}

void textview_refresh(struct app *a, void *state)
{
	struct textview *v = state;

	(void)a;
	v->dirty = true;
}

void textview_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct textview *v = state;

	if (v->dirty || v->t.width != w - 2)
		rebuild(a, v, w - 2);
	list_scroll(&v->list, h);
	list_place(&v->list, y);
	for (int r = 0; r < h; r++) {
		size_t i = v->list.top + (size_t)r;

		if (i >= v->t.n)
			break;
		draw_role(i == v->list.sel ? CR_SELECTED : v->t.role[i]);
		draw_line(y + r, x, i == v->list.sel ? "›" : " ", 1);
		draw_line(y + r, x + 1, v->t.text[i], w - 2);
	}
	draw_role(CR_NORMAL);
}

struct list *textview_list(struct app *a, void *state)
{
	struct textview *v = state;

	if (v->dirty)
		rebuild(a, v, v->t.width ? v->t.width : a->t.cols - 2);
	return &v->list;
}

void textview_status(struct app *a, void *state, char *buf, size_t size)
{
	struct textview *v = state;

	(void)a;
	snprintf(buf, size, _("read-only view · line %zu/%zu"),
		 v->t.n ? v->list.sel + 1 : 0, v->t.n);
}

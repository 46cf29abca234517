/*
 * textview: a read-only screen made of styled lines built from the
 * workshop data, with the list's scrolling and search.  Screens 4-9 start
 * as text views; each supplies only a build function.
 */
#ifndef CHARRETTE_TUI_TEXTVIEW_H
#define CHARRETTE_TUI_TEXTVIEW_H

#include <stddef.h>

#include "tui/app.h"
#include "tui/draw.h"

struct tlines {
	char **text;
	enum role *role;
	size_t n, cap;
	int width;          /* columns the lines were built for */
};

/* Append a line (printf-style); long lines are wrapped to the width with
 * `indent` spaces before continuation lines. */
void tl_add(struct tlines *t, enum role r, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tl_blank(struct tlines *t);

typedef void (*textview_build_fn)(struct app *a, struct tlines *t);

int textview_open(struct app *a, void **state, textview_build_fn build);
void textview_close(struct app *a, void *state);
void textview_draw(struct app *a, void *state, int y, int x, int h, int w);
void textview_refresh(struct app *a, void *state);
struct list *textview_list(struct app *a, void *state);
void textview_status(struct app *a, void *state, char *buf, size_t size);

/* A screen_ops for a text view with this build function. */
#define TEXTVIEW_SCREEN(name, build)                                    \
	static int name##_open(struct app *a, void **state)             \
	{                                                               \
		return textview_open(a, state, build);                  \
	}                                                               \
	const struct screen_ops name = {                                \
		.open = name##_open,                                    \
		.close = textview_close,                                \
		.draw = textview_draw,                                  \
		.refresh = textview_refresh,                            \
		.list = textview_list,                                  \
		.status = textview_status,                              \
	}

#endif

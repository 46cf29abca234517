#include "config.h"
/*
 * dialog: confirmation and text overlay modals.
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/widgets/dialog.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct confirm {
	struct modal m;
	char *title;
	char *question;
};

static void confirm_free(struct modal *m)
{
	struct confirm *c = (struct confirm *)m;

	free(c->title);
	free(c->question);
}

static void confirm_draw(struct modal *m, struct app *a, int h, int w)
{
	struct confirm *c = (struct confirm *)m;
	int bw = w - 4 < 64 ? w - 4 : 64, fw = bw - 4;
	size_t st[8], ln[8], n = draw_wrap(c->question, fw, st, ln, 8);
	int bh = (int)n + 4, by = (h - bh) / 2, bx = (w - bw) / 2;

	(void)a;
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, c->title);
	for (size_t i = 0; i < n; i++) {
		char *t = str_ndup(c->question + st[i], ln[i]);

		draw_line(by + 1 + (int)i, bx + 2, t ? t : "", fw);
		free(t);
	}
	draw_role(CR_WARNING);
	draw_line(by + bh - 2, bx + 2, _("y yes · n no"), fw);
	draw_role(CR_NORMAL);
}

static enum modal_result confirm_key(struct modal *m, struct app *a, int key)
{
	enum action act = keys_lookup(SC_DIALOG, key);

	(void)m;
	(void)a;
	if (act == A_DLG_YES)
		return MODAL_OK;
	if (act == A_DLG_NO)
		return MODAL_CANCEL;
	return MODAL_CONTINUE;
}

static const struct modal_ops confirm_ops = {
	confirm_draw, confirm_key, NULL, confirm_free
};

struct modal *confirm_new(const char *title, const char *question,
			  modal_done_fn done)
{
	struct confirm *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->m.ops = &confirm_ops;
	c->m.done = done;
	c->title = str_dup(title);
	c->question = str_dup(question);
	if (!c->title || !c->question) {
		confirm_free(&c->m);
		free(c);
		return NULL;
	}
	return &c->m;
}

/* ---- overlay ---------------------------------------------------------- */
struct overlay {
	struct modal m;
	char *title;
	struct strv lines;
	size_t top;
	int rows;
};

static void overlay_free(struct modal *m)
{
	struct overlay *o = (struct overlay *)m;

	free(o->title);
	strv_free(&o->lines);
}

static void overlay_draw(struct modal *m, struct app *a, int h, int w)
{
	struct overlay *o = (struct overlay *)m;
	int bw = w, bh = h - 2, by = 1, bx = 0, rows = bh - 3;
	char foot[128];

	(void)a;
	if (rows < 1)
		rows = 1;
	o->rows = rows;
	if (o->lines.n <= (size_t)rows)
		o->top = 0;
	else if (o->top > o->lines.n - (size_t)rows)
		o->top = o->lines.n - (size_t)rows;
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, o->title);
	for (int r = 0; r < rows; r++) {
		size_t i = o->top + (size_t)r;
		const char *t = i < o->lines.n ? o->lines.v[i] : "";
		bool head = t[0] == '\x01';

		draw_role(head ? CR_HEADING : CR_DIALOG);
		draw_line(by + 1 + r, bx + 2, head ? t + 1 : t, bw - 4);
	}
	draw_role(CR_DIALOG);
	if (o->lines.n > (size_t)rows)
		snprintf(foot, sizeof(foot), _("%zu-%zu of %zu · j/k PgUp/PgDn scroll · Esc or q close"),
			 o->top + 1,
			 o->top + (size_t)rows < o->lines.n ? o->top + (size_t)rows : o->lines.n,
			 o->lines.n);
	else
		snprintf(foot, sizeof(foot), "%s", _("Esc or q close"));
	draw_line(by + bh - 2, bx + 2, foot, bw - 4);
	draw_role(CR_NORMAL);
}

static enum modal_result overlay_key(struct modal *m, struct app *a, int key)
{
	struct overlay *o = (struct overlay *)m;
	enum action act = keys_lookup(SC_NAV, key);
	size_t page = o->rows > 1 ? (size_t)o->rows - 1 : 1;

	(void)a;
	if (key == 'q' || key == TK_ESC || keys_lookup(SC_GLOBAL, key) == A_HELP)
		return MODAL_CANCEL;
	switch (act) {
	case A_UP:
		if (o->top > 0)
			o->top--;
		break;
	case A_DOWN:
		o->top++;
		break;
	case A_PAGE_UP:
		o->top = o->top > page ? o->top - page : 0;
		break;
	case A_PAGE_DOWN:
		o->top += page;
		break;
	case A_FIRST:
		o->top = 0;
		break;
	case A_LAST:
		o->top = o->lines.n;
		break;
	default:
		if (key == ' ')
			o->top += page;
		break;
	}
	return MODAL_CONTINUE;
}

static const struct modal_ops overlay_ops = {
	overlay_draw, overlay_key, NULL, overlay_free
};

struct modal *overlay_new(const char *title, struct strv *lines)
{
	struct overlay *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->m.ops = &overlay_ops;
	o->title = str_dup(title);
	o->lines = *lines;
	memset(lines, 0, sizeof(*lines));
	o->rows = 10;
	return &o->m;
}

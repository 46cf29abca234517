#include "config.h"
/*
 * picker: a centred box listing options with a cursor; for multiple choice a
 * check box per option.
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/names.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct picker {
	struct modal m;
	enum picker_mode mode;
	char *title;
	char **labels;
	bool *checked;
	size_t n, sel, top;
};

static void picker_free(struct modal *m)
{
	struct picker *p = (struct picker *)m;

	for (size_t i = 0; i < p->n; i++)
		free(p->labels[i]);
	free(p->labels);
	free(p->checked);
	free(p->title);
}

static void picker_draw(struct modal *m, struct app *a, int h, int w)
{
	struct picker *p = (struct picker *)m;
	int lw = utf8_width(p->title) + 6, bw, bh, by, bx, rows;
	const char *hint;
	char **fit;

	(void)a;
	for (size_t i = 0; i < p->n; i++) {
		int lab = utf8_width(p->labels[i]) + 10;

		if (lab > lw)
			lw = lab;
	}
	hint = p->mode == PICK_MANY ? _("Space toggle · Enter confirm · Esc cancel")
	       : p->mode == PICK_SCALE ? _("1-5 or Enter pick · Esc cancel")
				       : _("Enter pick · Esc cancel");
	if (utf8_width(hint) + 4 > lw)
		lw = utf8_width(hint) + 4;
	bw = lw < w - 4 ? lw : w - 4;
	rows = (int)p->n;
	if (rows > h - 8)
		rows = h - 8;
	if (rows < 1)
		rows = 1;
	bh = rows + 4;
	by = (h - bh) / 2;
	bx = (w - bw) / 2;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)rows)
		p->top = p->sel - (size_t)rows + 1;
	/* Labels too wide for the frame are cut where they differ, so two
	 * long names with the same start never read alike (names.h). */
	fit = p->n ? calloc(p->n, sizeof(*fit)) : NULL;
	if (fit)
		names_fit((const char *const *)p->labels, p->n,
			  bw - 4 - (p->mode == PICK_MANY ? 5 : 1), fit);
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, p->title);
	for (int r = 0; r < rows; r++) {
		size_t i = p->top + (size_t)r;
		const char *label;
		char line[512];

		if (i >= p->n)
			break;
		label = fit && fit[i] ? fit[i] : p->labels[i];
		/* The marker shows the cursor without colour (NO_COLOR). */
		if (p->mode == PICK_MANY)
			snprintf(line, sizeof(line), "%s[%s] %s",
				 i == p->sel ? "›" : " ",
				 p->checked[i] ? "x" : " ", label);
		else
			snprintf(line, sizeof(line), "%s%s",
				 i == p->sel ? "›" : " ", label);
		/* A label still cut at the frame ends with "…". */
		draw_role(i == p->sel ? CR_SELECTED : CR_DIALOG);
		draw_fill(by + 1 + r, bx + 2, 1, bw - 4);
		draw_clip(by + 1 + r, bx + 2, line, bw - 4);
	}
	if (fit) {
		names_free(fit, p->n);
		free(fit);
	}
	draw_role(CR_DIALOG);
	draw_line(by + bh - 2, bx + 2, hint, bw - 4);
	draw_role(CR_NORMAL);
}

static enum modal_result picker_key(struct modal *m, struct app *a, int key)
{
	struct picker *p = (struct picker *)m;
	enum action act = keys_lookup(SC_PICKER, key);

	(void)a;
	if (p->mode == PICK_SCALE && key >= '1' && key <= '9') {
		size_t i = (size_t)(key - '1');

		if (i < p->n) {
			p->sel = i;
			return MODAL_OK;
		}
		return MODAL_CONTINUE;
	}
	switch (act) {
	case A_UP:
		if (p->sel > 0)
			p->sel--;
		break;
	case A_DOWN:
		if (p->sel + 1 < p->n)
			p->sel++;
		break;
	case A_FIRST:
		p->sel = 0;
		break;
	case A_LAST:
		if (p->n)
			p->sel = p->n - 1;
		break;
	case A_PK_TOGGLE:
		if (p->mode == PICK_MANY && p->n)
			p->checked[p->sel] = !p->checked[p->sel];
		else if (p->n)
			return MODAL_OK;
		break;
	case A_PK_CONFIRM:
		return p->n ? MODAL_OK : MODAL_CANCEL;
	case A_CANCEL:
		return MODAL_CANCEL;
	default:
		break;
	}
	return MODAL_CONTINUE;
}

static const struct modal_ops picker_ops = {
	picker_draw, picker_key, NULL, picker_free
};

struct modal *picker_new(enum picker_mode mode, const char *title,
			 const char *const *labels, size_t n, size_t sel,
			 modal_done_fn done)
{
	struct picker *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->m.ops = &picker_ops;
	p->m.done = done;
	p->mode = mode;
	p->title = str_dup(title);
	p->labels = calloc(n ? n : 1, sizeof(*p->labels));
	p->checked = calloc(n ? n : 1, sizeof(*p->checked));
	if (!p->title || !p->labels || !p->checked)
		goto oom;
	for (size_t i = 0; i < n; i++) {
		p->labels[i] = str_dup(labels[i] ? labels[i] : "");
		if (!p->labels[i])
			goto oom;
		p->n = i + 1;
	}
	p->n = n;
	p->sel = sel < n ? sel : 0;
	return &p->m;
oom:
	picker_free(&p->m);
	free(p);
	return NULL;
}

void picker_check(struct modal *m, size_t i, bool on)
{
	struct picker *p = (struct picker *)m;

	if (i < p->n)
		p->checked[i] = on;
}

size_t picker_selected(struct modal *m)
{
	return ((struct picker *)m)->sel;
}

bool picker_checked(struct modal *m, size_t i)
{
	struct picker *p = (struct picker *)m;

	return i < p->n && p->checked[i];
}

size_t picker_count(struct modal *m)
{
	return ((struct picker *)m)->n;
}

bool picker_is_many(const struct modal *m)
{
	return m && m->ops == &picker_ops &&
	       ((const struct picker *)m)->mode == PICK_MANY;
}

#include "config.h"
/*
 * screen 4's side-by-side view: one column per approach, one row per
 * field (summary, components by catalogue category, deployment,
 * observability, security model, complexity, cost, pros, cons, pipeline
 * stages).  Columns share the width and wrap their text; when they would be
 * narrower than COL_MIN the view scrolls sideways, keeping the labels.  The
 * column headers stay while the rows scroll.  A row whose values differ
 * between approaches is marked "≠" and its label coloured; identical values
 * are dimmed, so the eye goes to what actually distinguishes them.
 *
 * The view is drawn by the screen (in its body rectangle); a modal in the
 * SC_COMPARE scope takes the keys while it is on, passing the global ones
 * (help, screens, the prompt) through.
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "tui/app.h"
#include "tui/screens/approaches.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/widgets/edit.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

#define COL_MIN 24

enum rkind { RK_FIELD, RK_SECTION, RK_CATEGORY };

struct crow {
	enum rkind kind;
	char *label;
	bool bulleted;
	bool differ;
	struct strv *cells;   /* one per approach: the items */
};

static void rows_free(struct crow *rows, size_t n, size_t napp)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].label);
		for (size_t j = 0; rows[i].cells && j < napp; j++)
			strv_free(&rows[i].cells[j]);
		free(rows[i].cells);
	}
	free(rows);
}

static bool cells_differ(const struct strv *cells, size_t n)
{
	for (size_t j = 1; j < n; j++)
		if (!strv_equal(&cells[0], &cells[j]))
			return true;
	return false;
}

static struct crow *add_row(struct crow **rows, size_t *n, size_t napp,
			    enum rkind kind, const char *label)
{
	struct crow *p = realloc(*rows, (*n + 1) * sizeof(*p)), *r;

	if (!p)
		return NULL;
	*rows = p;
	r = &p[*n];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->label = str_dup(label);
	r->cells = calloc(napp ? napp : 1, sizeof(*r->cells));
	(*n)++;
	if (!r->label || !r->cells)
		return NULL;
	return r;
}

/* The categories any approach uses, in catalogue order. */
static void categories(const struct app *a, struct strv *out)
{
	const struct workshop_data *d = app_data(a);

	for (size_t i = 0; i < d->n_approaches; i++)
		for (size_t c = 0; c < d->approaches[i].n_components; c++) {
			const char *cat = d->approaches[i].components[c].category;

			if (!strv_contains(out, cat ? cat : ""))
				strv_push(out, cat ? cat : "");
		}
	for (size_t i = 1; i < out->n; i++) {
		char *t = out->v[i];
		size_t r = ap_category_rank(app_k(a), t), j = i;

		while (j > 0 && ap_category_rank(app_k(a), out->v[j - 1]) > r) {
			out->v[j] = out->v[j - 1];
			j--;
		}
		out->v[j] = t;
	}
}

static void field_row(const struct app *a, struct crow **rows, size_t *n,
		      enum ap_field f)
{
	const struct workshop_data *d = app_data(a);
	struct crow *r = add_row(rows, n, d->n_approaches, RK_FIELD,
				 ap_field_label(f));

	if (!r)
		return;
	r->bulleted = ap_field_bulleted(f);
	for (size_t j = 0; j < d->n_approaches; j++)
		ap_field_items(app_k(a), &d->approaches[j], f, &r->cells[j]);
	r->differ = cells_differ(r->cells, d->n_approaches);
}

static struct crow *build_rows(const struct app *a, size_t *n)
{
	static const enum ap_field after[] = {
		F_DEPLOYMENT, F_OBSERVABILITY, F_SECURITY, F_COMPLEXITY,
		F_COST, F_PROS, F_CONS, F_STAGES
	};
	const struct workshop_data *d = app_data(a);
	struct crow *rows = NULL, *r;
	struct strv cats = { 0 };

	*n = 0;
	field_row(a, &rows, n, F_SUMMARY);
	categories(a, &cats);
	if (cats.n)
		add_row(&rows, n, d->n_approaches, RK_SECTION,
			ap_field_label(F_COMPONENTS));
	for (size_t c = 0; c < cats.n; c++) {
		r = add_row(&rows, n, d->n_approaches, RK_CATEGORY,
			    ap_category_name(app_k(a), cats.v[c]));
		if (!r)
			continue;
		for (size_t j = 0; j < d->n_approaches; j++) {
			const struct approach *ap = &d->approaches[j];

			for (size_t k = 0; k < ap->n_components; k++)
				if (str_eq(ap->components[k].category,
					   cats.v[c]))
					strv_push(&r->cells[j],
						  ap->components[k].name);
		}
		r->differ = cells_differ(r->cells, d->n_approaches);
	}
	strv_free(&cats);
	for (size_t i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		field_row(a, &rows, n, after[i]);
	return rows;
}

void compare_draw(struct app *a, struct cmpview *cv, int y, int x, int h,
		  int w)
{
	const struct workshop_data *d = app_data(a);
	size_t napp = d ? d->n_approaches : 0, nrows = 0, vis, left;
	int labw = w >= 120 ? 18 : 17, avail = w - labw, colw, bh = h - 2, hh = 1;
	int line = 0;
	struct crow *rows;
	char buf[96];

	if (!napp || h < 4 || avail < 10)
		return;
	vis = (size_t)(avail / COL_MIN);
	if (vis < 1)
		vis = 1;
	if (vis > napp)
		vis = napp;
	colw = avail / (int)vis;
	if (cv->left + vis > napp)
		cv->left = napp - vis;
	left = cv->left;
	rows = build_rows(a, &nrows);

	/* Headers: where we are sideways, then the approaches' names, whole:
	 * wrapped on up to three rows when they do not fit one. */
	for (size_t j = 0; j < vis; j++) {
		int cw = j + 1 == vis ? w - labw - (int)j * colw : colw;
		char *t = str_printf("%zu. %s", left + j + 1,
				     d->approaches[left + j].name);
		size_t st[8], ln[8], nl = t ? draw_wrap(t, cw - 3, st, ln, 8) : 1;

		if ((int)nl > hh)
			hh = nl > 3 ? 3 : (int)nl;
		free(t);
	}
	if (hh > h - 4)
		hh = h - 4 < 1 ? 1 : h - 4;
	bh = h - 1 - hh;
	draw_role(CR_HEADING);
	draw_fill(y, x, hh, w);
	if (vis < napp) {
		snprintf(buf, sizeof(buf), "%s %zu-%zu/%zu %s",
			 left > 0 ? "◀" : " ", left + 1, left + vis, napp,
			 left + vis < napp ? "▶" : " ");
		draw_text(y, x + 1, buf, labw - 1);
	} else {
		draw_text(y, x + 1, _("Approach"), labw - 1);
	}
	for (size_t j = 0; j < vis; j++) {
		int cx = x + labw + (int)j * colw,
		    cw = j + 1 == vis ? w - labw - (int)j * colw : colw;
		char *t = str_printf("%zu. %s", left + j + 1,
				     d->approaches[left + j].name);

		draw_role(CR_DIM);
		draw_vline(y, cx, hh);
		draw_role(CR_HEADING);
		draw_wrapped(y, cx + 2, hh, cw - 3, t);
		free(t);
	}
	draw_role(CR_DIM);
	draw_hline(y + hh, x, w);
	y += hh - 1;

	/* The rows, scrolled: first count the lines, then draw the window. */
	for (int pass = 0; pass < 2; pass++) {
		line = 0;
		for (size_t i = 0; i < nrows; i++) {
			const struct crow *r = &rows[i];
			struct strv lab = { 0 }, labl = { 0 }, *cl;
			size_t height = 1;

			if (!r->cells || !r->label)
				continue;
			if (r->kind == RK_SECTION) {
				int ly = line - cv->top;

				if (pass == 1 && ly >= 0 && ly < bh) {
					draw_role(CR_HEADING);
					draw_fill(y + 2 + ly, x, 1, w);
					draw_text(y + 2 + ly, x + 1, r->label,
						  w - 1);
				}
				line++;
				continue;
			}
			cl = calloc(vis, sizeof(*cl));
			if (!cl)
				break;
			strv_push(&lab, r->label);
			ap_wrap(&labl, &lab, NULL, labw - 3);
			if (labl.n > height)
				height = labl.n;
			for (size_t j = 0; j < vis; j++) {
				int cw = j + 1 == vis ? w - labw - (int)j * colw
						      : colw;

				ap_wrap(&cl[j], &r->cells[left + j],
					r->bulleted ? "• " : NULL, cw - 3);
				if (cl[j].n > height)
					height = cl[j].n;
			}
			for (size_t k = 0; pass == 1 && k < height; k++) {
				int ly = line + (int)k - cv->top, yy = y + 2 + ly;

				if (ly < 0 || ly >= bh)
					continue;
				draw_role(r->differ ? CR_MARK : CR_NORMAL);
				if (k == 0 && r->differ)
					draw_text(yy, x, "≠", 1);
				if (k < labl.n)
					draw_text(yy, x + 2, labl.v[k], labw - 3);
				for (size_t j = 0; j < vis; j++) {
					int cx = x + labw + (int)j * colw,
					    cw = j + 1 == vis
						 ? w - labw - (int)j * colw : colw;
					bool empty = !r->cells[left + j].n;

					draw_role(CR_DIM);
					draw_vline(yy, cx, 1);
					if (empty && k == 0) {
						draw_text(yy, cx + 2, "—", 1);
						continue;
					}
					draw_role(r->differ ? CR_NORMAL : CR_DIM);
					if (k < cl[j].n)
						draw_text(yy, cx + 2, cl[j].v[k],
							  cw - 3);
				}
			}
			line += (int)height;
			/* A blank line between fields; categories run on. */
			if (r->kind == RK_FIELD ||
			    (i + 1 < nrows && rows[i + 1].kind != RK_CATEGORY)) {
				int ly = line - cv->top;

				for (size_t j = 0; pass == 1 && j < vis &&
				     ly >= 0 && ly < bh; j++) {
					draw_role(CR_DIM);
					draw_vline(y + 2 + ly, x + labw + (int)j * colw, 1);
				}
				line++;
			}
			for (size_t j = 0; j < vis; j++)
				strv_free(&cl[j]);
			free(cl);
			strv_free(&lab);
			strv_free(&labl);
		}
		if (pass == 0) {
			/* Clamp the scroll before drawing. */
			if (cv->top > line - bh)
				cv->top = line - bh;
			if (cv->top < 0)
				cv->top = 0;
		}
	}
	cv->lines = line;
	cv->page = bh;
	if (line > bh) {
		snprintf(buf, sizeof(buf), " %d-%d/%d ", cv->top + 1,
			 cv->top + bh < line ? cv->top + bh : line, line);
		draw_role(CR_DIM);
		draw_text(y + 1, x + w - utf8_width(buf) - 1, buf,
			  utf8_width(buf));
	}
	draw_role(CR_NORMAL);
	rows_free(rows, nrows, napp);
}

/* ---- the keys ------------------------------------------------------------ */
static bool prompt_done(struct app *a, struct modal *m, bool ok)
{
	char *line;

	if (!ok)
		return true;
	line = str_dup(edit_text(m));
	if (line)
		app_command(a, line);
	free(line);
	return true;
}

/* The message shown while the view is on. */
static const char *cmp_hint(const struct app *a)
{
	return app_data(a) && app_data(a)->n_approaches < 2
		? _("side by side: one approach only; add another (n) to compare")
		: _("side by side: ≠ marks what differs, the same is dimmed · v or Esc back");
}

static bool cmp_done(struct app *a, struct modal *m, bool ok)
{
	struct cmpview *cv = approaches_cmpview(a);

	(void)m;
	(void)ok;
	if (cv)
		cv->on = false;
	if (strcmp(a->msg, cmp_hint(a)) == 0)
		a->msg[0] = '\0';
	return true;
}

static void cmp_mdraw(struct modal *m, struct app *a, int h, int w)
{
	/* The screen draws the view; nothing floats above it. */
	(void)m;
	(void)a;
	(void)h;
	(void)w;
}

static enum modal_result cmp_mkey(struct modal *m, struct app *a, int key)
{
	struct cmpview *cv = approaches_cmpview(a);
	size_t napp = app_data(a) ? app_data(a)->n_approaches : 0;
	int page = cv && cv->page > 1 ? cv->page - 1 : 1;
	struct modal *p;
	enum action act;
	char nm[32];

	(void)m;
	/* Gone (workshop closed under us, screen switched): close. */
	if (!cv || !cv->on || !napp ||
	    tui_screens[a->cur].ops != &screen_approaches_ops)
		return MODAL_CANCEL;
	switch (keys_lookup(SC_COMPARE, key)) {
	case A_CMP_CLOSE:
		return MODAL_CANCEL;
	case A_CMP_LEFT:
		if (cv->left > 0)
			cv->left--;
		return MODAL_CONTINUE;
	case A_CMP_RIGHT:
		/* The draw clamps it to the last screenful. */
		if (cv->left + 1 < napp)
			cv->left++;
		return MODAL_CONTINUE;
	case A_UP:
		cv->top--;
		return MODAL_CONTINUE;
	case A_DOWN:
		cv->top++;
		return MODAL_CONTINUE;
	case A_PAGE_UP:
		cv->top -= page;
		return MODAL_CONTINUE;
	case A_PAGE_DOWN:
		cv->top += page;
		return MODAL_CONTINUE;
	case A_FIRST:
		cv->top = 0;
		return MODAL_CONTINUE;
	case A_LAST:
		cv->top = cv->lines;
		return MODAL_CONTINUE;
	default:
		break;
	}
	act = keys_lookup(SC_GLOBAL, key);
	switch (act) {
	case A_HELP:
		app_help(a);
		return MODAL_CONTINUE;
	case A_QUIT:
		a->quit = true;
		return MODAL_CONTINUE;
	case A_GOTO:
		cv->on = false;
		app_goto(a, key - '0');
		return MODAL_CANCEL;
	case A_NEXT_SCREEN:
	case A_PREV_SCREEN:
		cv->on = false;
		app_goto(a, tui_screens[(a->cur + (act == A_NEXT_SCREEN ? 1
					: tui_n_screens - 1)) % tui_n_screens].number);
		return MODAL_CANCEL;
	case A_PROMPT:
		/* A command may switch screens: leave the view first, so
		 * that it never holds the keys of another screen. */
		cv->on = false;
		p = lineedit_new(":", "", _("quit · goto N · save-display FILE · who · help"),
				 prompt_done);
		if (p) {
			p->scope = SC_EDIT;
			edit_set_scratch(p);
		}
		app_push(a, p);
		return MODAL_CANCEL;
	case A_REDRAW:
		clearok(curscr, TRUE);
		return MODAL_CONTINUE;
	default:
		break;
	}
	key_describe(key, nm, sizeof(nm));
	app_msg(a, MSG_WARN, _("%s does nothing here (? shows the keys)"), nm);
	return MODAL_CONTINUE;
}

static const struct modal_ops cmp_ops = {
	cmp_mdraw, cmp_mkey, NULL, NULL
};

void compare_start(struct app *a, struct cmpview *cv)
{
	struct modal *m = calloc(1, sizeof(*m));

	if (!m) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->ops = &cmp_ops;
	m->done = cmp_done;
	m->scope = SC_COMPARE;
	cv->on = true;
	cv->top = 0;
	app_push(a, m);
	app_msg(a, MSG_INFO, "%s", cmp_hint(a));
}

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

/*
 * The view's body, laid out once per data version, width and first
 * column: one entry a screen line (a section heading, a line of a field
 * with its label and each column's line, or the gap between fields).
 * Drawing a frame then draws lines from it; scrolling re-wraps nothing.
 */
enum cline_kind { CL_GAP = 0, CL_SECTION, CL_TEXT };

struct cline {
	enum cline_kind kind;
	bool differ, first;        /* the row's values differ; its 1st line */
	char *label;               /* section title or label line; may be NULL */
	char **cell;               /* vis entries, NULL: nothing on this line */
	bool *dash;                /* vis entries: the column has no value */
};

struct cmp_layout {
	unsigned gen;
	int w;
	size_t left, vis;
	int labw, colw;
	struct cline *lines;
	size_t n;
};

static void layout_free(struct cmp_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->lines[i].label);
		for (size_t j = 0; l->lines[i].cell && j < l->vis; j++)
			free(l->lines[i].cell[j]);
		free(l->lines[i].cell);
		free(l->lines[i].dash);
	}
	free(l->lines);
	free(l);
}

void compare_free(struct cmpview *cv)
{
	layout_free(cv->layout);
	cv->layout = NULL;
}

static struct cline *add_line(struct cmp_layout *l, enum cline_kind kind)
{
	struct cline *n = realloc(l->lines, (l->n + 1) * sizeof(*n)), *c;

	if (!n)
		return NULL;
	l->lines = n;
	c = &n[l->n];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	if (kind != CL_SECTION) {
		c->cell = calloc(l->vis, sizeof(*c->cell));
		c->dash = calloc(l->vis, sizeof(*c->dash));
		if (!c->cell || !c->dash) {
			free(c->cell);
			free(c->dash);
			return NULL;
		}
	}
	l->n++;
	return c;
}

/* The lines of one field row: its label and the columns, wrapped. */
static bool lay_row(struct cmp_layout *l, const struct crow *r, int w)
{
	struct strv lab = { 0 }, labl = { 0 }, *cl = calloc(l->vis, sizeof(*cl));
	size_t height = 1;
	bool ok = cl != NULL;

	if (ok && strv_push(&lab, r->label) == ST_OK)
		ap_wrap(&labl, &lab, NULL, l->labw - 3);
	for (size_t j = 0; ok && j < l->vis; j++) {
		int cw = j + 1 == l->vis ? w - l->labw - (int)j * l->colw
					 : l->colw;

		ap_wrap(&cl[j], &r->cells[l->left + j],
			r->bulleted ? "• " : NULL, cw - 3);
		if (cl[j].n > height)
			height = cl[j].n;
	}
	if (labl.n > height)
		height = labl.n;
	for (size_t k = 0; ok && k < height; k++) {
		struct cline *c = add_line(l, CL_TEXT);

		if (!c) {
			ok = false;
			break;
		}
		c->differ = r->differ;
		c->first = k == 0;
		if (k < labl.n)
			c->label = str_dup(labl.v[k]);
		for (size_t j = 0; j < l->vis; j++) {
			c->dash[j] = !r->cells[l->left + j].n && k == 0;
			if (k < cl[j].n)
				c->cell[j] = str_dup(cl[j].v[k]);
		}
	}
	for (size_t j = 0; cl && j < l->vis; j++)
		strv_free(&cl[j]);
	free(cl);
	strv_free(&lab);
	strv_free(&labl);
	return ok;
}

static struct cmp_layout *lay_out_view(const struct app *a, int w,
				       size_t left, size_t vis, int labw,
				       int colw)
{
	struct cmp_layout *l = calloc(1, sizeof(*l));
	size_t nrows = 0;
	struct crow *rows;

	if (!l)
		return NULL;
	l->w = w;
	l->left = left;
	l->vis = vis;
	l->labw = labw;
	l->colw = colw;
	rows = build_rows(a, &nrows);
	for (size_t i = 0; i < nrows; i++) {
		const struct crow *r = &rows[i];
		struct cline *c;

		if (!r->cells || !r->label)
			continue;
		if (r->kind == RK_SECTION) {
			if (!(c = add_line(l, CL_SECTION)) ||
			    !(c->label = str_dup(r->label)))
				break;
			continue;
		}
		if (!lay_row(l, r, w))
			break;
		/* A blank line between fields; categories run on. */
		if ((r->kind == RK_FIELD ||
		     (i + 1 < nrows && rows[i + 1].kind != RK_CATEGORY)) &&
		    !add_line(l, CL_GAP))
			break;
	}
	rows_free(rows, nrows, app_data(a)->n_approaches);
	return l;
}

/* Body line `line` of the layout on screen row yy. */
static void draw_cline(const struct cmp_layout *l, size_t line, int yy,
		       int x, int w)
{
	const struct cline *c = &l->lines[line];

	if (c->kind == CL_SECTION) {
		draw_role(CR_HEADING);
		draw_fill(yy, x, 1, w);
		draw_text(yy, x + 1, c->label, w - 1);
		return;
	}
	draw_role(c->differ ? CR_MARK : CR_NORMAL);
	if (c->first && c->differ)
		draw_text(yy, x, "≠", 1);
	if (c->label)
		draw_text(yy, x + 2, c->label, l->labw - 3);
	for (size_t j = 0; j < l->vis; j++) {
		int cx = x + l->labw + (int)j * l->colw,
		    cw = j + 1 == l->vis ? w - l->labw - (int)j * l->colw
					 : l->colw;

		draw_role(CR_DIM);
		draw_vline(yy, cx, 1);
		if (c->kind == CL_GAP)
			continue;
		if (c->dash[j]) {
			draw_text(yy, cx + 2, "—", 1);
			continue;
		}
		draw_role(c->differ ? CR_NORMAL : CR_DIM);
		if (c->cell[j])
			draw_text(yy, cx + 2, c->cell[j], cw - 3);
	}
}

/* " 3-45/120 ": where the body is, when it does not all fit. */
static void draw_position(const struct cmpview *cv, int y, int x, int w)
{
	char buf[96];

	if (cv->lines <= cv->page)
		return;
	snprintf(buf, sizeof(buf), " %d-%d/%d ", cv->top + 1,
		 cv->top + cv->page < cv->lines ? cv->top + cv->page : cv->lines,
		 cv->lines);
	draw_role(CR_DIM);
	draw_text(y + 1, x + w - utf8_width(buf) - 1, buf, utf8_width(buf));
}

/* The layout for this frame: the cached one while nothing it depends on
 * changed. */
static struct cmp_layout *current_layout(const struct app *a,
					 struct cmpview *cv, int w,
					 size_t vis, int labw, int colw)
{
	struct cmp_layout *l = cv->layout;
	unsigned gen = a->shown_gen;

	if (l && l->gen == gen && l->w == w && l->left == cv->left &&
	    l->vis == vis)
		return l;
	compare_free(cv);
	l = lay_out_view(a, w, cv->left, vis, labw, colw);
	if (l)
		l->gen = gen;
	cv->layout = l;
	return l;
}

void compare_draw(struct app *a, struct cmpview *cv, int y, int x, int h,
		  int w)
{
	const struct workshop_data *d = app_data(a);
	size_t napp = d ? d->n_approaches : 0, vis, left;
	int labw = w >= 120 ? 18 : 17, avail = w - labw, colw, bh = h - 2,
	    hh = 1, y0 = y;
	struct cmp_layout *l;
	char buf[96];

	cv->drawn = false;
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

	l = current_layout(a, cv, w, vis, labw, colw);
	cv->lines = l ? (int)l->n : 0;
	cv->page = bh;
	if (cv->top > cv->lines - bh)
		cv->top = cv->lines - bh;
	if (cv->top < 0)
		cv->top = 0;
	for (int r = 0; l && r < bh && (size_t)(cv->top + r) < l->n; r++)
		draw_cline(l, (size_t)(cv->top + r), y + 2 + r, x, w);
	draw_position(cv, y, x, w);
	draw_role(CR_NORMAL);
	cv->drawn = l != NULL;
	cv->drawn_top = cv->top;
	cv->drawn_y = y0;
	cv->drawn_h = h;
	cv->drawn_w = w;
	cv->drawn_hh = hh;
}

/*
 * A scroll of a few lines on the last frame: the body's lines move up or
 * down in the window (curses scrolls them, as tig does on a terminal
 * that can) and only the lines that came in are drawn.
 */
bool compare_draw_light(struct app *a, struct cmpview *cv, int y, int x,
			int h, int w)
{
	struct cmp_layout *l = cv->layout;
	int hh = cv->drawn_hh, bh = h - 1 - hh, by = y + 1 + hh, delta;

	if (!cv->drawn || !l || l->gen != a->shown_gen || cv->drawn_y != y ||
	    cv->drawn_h != h || cv->drawn_w != w || l->left != cv->left ||
	    x != 0)
		return false;
	if (cv->top > cv->lines - bh)
		cv->top = cv->lines - bh;
	if (cv->top < 0)
		cv->top = 0;
	delta = cv->top - cv->drawn_top;
	if (delta == 0)
		return true;
	if (delta >= bh / 2 || -delta >= bh / 2)
		return false;
	scrollok(stdscr, TRUE);
	if (wsetscrreg(stdscr, by, by + bh - 1) == ERR ||
	    wscrl(stdscr, delta) == ERR) {
		wsetscrreg(stdscr, 0, LINES - 1);
		scrollok(stdscr, FALSE);
		return false;
	}
	wsetscrreg(stdscr, 0, LINES - 1);
	scrollok(stdscr, FALSE);
	for (int r = delta > 0 ? bh - delta : 0;
	     r < (delta > 0 ? bh : -delta); r++) {
		draw_role(CR_NORMAL);
		draw_fill(by + r, x, 1, w);
		if ((size_t)(cv->top + r) < l->n)
			draw_cline(l, (size_t)(cv->top + r), by + r, x, w);
	}
	/* The position sits on the rule above the body. */
	draw_role(CR_DIM);
	draw_hline(y + hh, x, w);
	draw_position(cv, y + hh - 1, x, w);
	draw_role(CR_NORMAL);
	cv->drawn_top = cv->top;
	return true;
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
	m->transparent = true;
	cv->on = true;
	cv->top = 0;
	app_push(a, m);
	app_msg(a, MSG_INFO, "%s", cmp_hint(a));
}

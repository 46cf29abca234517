#include "config.h"
/*
 * dialog: confirmation and text overlay modals.
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
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
	/* "/" searches the lines (the help, :who): the text, the line of
	 * the match shown now (NONE: none). */
	char *search;
	size_t hit;
};

#define NONE ((size_t)-1)

static const struct modal_ops overlay_ops;

bool overlay_is(const struct modal *m)
{
	return m && m->ops == &overlay_ops;
}

static void overlay_free(struct modal *m)
{
	struct overlay *o = (struct overlay *)m;

	free(o->title);
	free(o->search);
	strv_free(&o->lines);
}

static bool line_matches(const struct overlay *o, size_t i)
{
	const char *t = o->lines.v[i];

	if (*t == '\x01')
		t++;
	return o->search && *o->search && strcasestr(t, o->search);
}

/* Matches in all, and which one the hit is (1-based). */
static size_t overlay_count(const struct overlay *o, size_t *pos)
{
	size_t n = 0;

	*pos = 0;
	for (size_t i = 0; i < o->lines.n; i++)
		if (line_matches(o, i)) {
			n++;
			if (i == o->hit)
				*pos = n;
		}
	return n;
}

/* The next match from line `from` on (dir 1) or back (-1), round the
 * end; *wrapped when it went round.  NONE when none matches. */
static size_t overlay_find(const struct overlay *o, size_t from, int dir,
			   bool *wrapped)
{
	size_t n = o->lines.n;

	*wrapped = false;
	for (size_t k = 0; k < n; k++) {
		size_t i = dir > 0 ? (from + k) % n : (from + n - k) % n;

		if (line_matches(o, i)) {
			*wrapped = dir > 0 ? i < from : i > from;
			return i;
		}
	}
	return NONE;
}

/* Show the hit: a few lines of context above it. */
static void overlay_show_hit(struct overlay *o)
{
	if (o->hit == NONE)
		return;
	if (o->hit < o->top || o->hit >= o->top + (size_t)o->rows)
		o->top = o->hit > 2 ? o->hit - 2 : 0;
}

static void overlay_say(struct overlay *o, struct app *a, bool wrapped,
			int dir)
{
	size_t pos, n = overlay_count(o, &pos);

	if (!n)
		app_msg(a, MSG_WARN, _("no match for “%s”"), o->search);
	else if (wrapped)
		app_msg(a, MSG_INFO, _("“%s”: match %zu of %zu · %s"), o->search,
			pos, n, dir > 0 ? _("past the last one: from the top again")
			: _("before the first one: from the bottom again"));
	else
		app_msg(a, MSG_INFO, _("“%s”: match %zu of %zu · n next, N previous"),
			o->search, pos, n);
}

static struct overlay *search_target(struct app *a, struct modal *ed)
{
	/* The overlay is the modal under the search line. */
	for (size_t i = a->n_modals; i-- > 1; )
		if (a->modals[i] == ed && overlay_is(a->modals[i - 1]))
			return (struct overlay *)a->modals[i - 1];
	return NULL;
}

static void search_typed(struct app *a, struct modal *ed)
{
	struct overlay *o = search_target(a, ed);
	bool wrapped;

	if (!o)
		return;
	free(o->search);
	o->search = *edit_text(ed) ? str_dup(edit_text(ed)) : NULL;
	o->hit = o->search ? overlay_find(o, o->top, 1, &wrapped) : NONE;
	overlay_show_hit(o);
	if (o->search)
		overlay_say(o, a, false, 1);
	else
		a->msg[0] = '\0';
}

static bool search_closed(struct app *a, struct modal *ed, bool ok)
{
	struct overlay *o = search_target(a, ed);

	if (o && !ok) {
		free(o->search);
		o->search = NULL;
		o->hit = NONE;
		a->msg[0] = '\0';
	}
	return true;
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

		draw_role(i == o->hit ? CR_SELECTED
			  : i < o->lines.n && line_matches(o, i) ? CR_MARK
			  : head ? CR_HEADING : CR_DIALOG);
		draw_line(by + 1 + r, bx + 2, head ? t + 1 : t, bw - 4);
		if (i == o->hit)
			draw_text(by + 1 + r, bx + 1, "›", 1);
	}
	draw_role(CR_DIALOG);
	if (o->search) {
		size_t pos, n = overlay_count(o, &pos);

		snprintf(foot, sizeof(foot), n
			 ? _("/%s · match %zu of %zu · n next, N previous · Esc ends the search")
			 : _("/%s · no match · / searches again · Esc ends the search"),
			 o->search, pos, n);
	} else if (o->lines.n > (size_t)rows)
		snprintf(foot, sizeof(foot), _("%zu-%zu of %zu · j/k PgUp/PgDn scroll · / search · Esc or q close"),
			 o->top + 1,
			 o->top + (size_t)rows < o->lines.n ? o->top + (size_t)rows : o->lines.n,
			 o->lines.n);
	else
		snprintf(foot, sizeof(foot), "%s", _("/ search · Esc or q close"));
	draw_line(by + bh - 2, bx + 2, foot, bw - 4);
	draw_role(CR_NORMAL);
}

static enum modal_result overlay_key(struct modal *m, struct app *a, int key)
{
	struct overlay *o = (struct overlay *)m;
	enum action act = keys_lookup(SC_NAV, key);
	size_t page = o->rows > 1 ? (size_t)o->rows - 1 : 1;

	if (key == TK_FN(KEY_MOUSE)) {
		/* The wheel scrolls, three lines a turn. */
		if (a->t.mouse_button == 4)
			o->top = o->top > 3 ? o->top - 3 : 0;
		else if (a->t.mouse_button == 5)
			o->top += 3;
		return MODAL_CONTINUE;
	}
	if (key == TK_ESC && o->search) {
		free(o->search);
		o->search = NULL;
		o->hit = NONE;
		a->msg[0] = '\0';
		return MODAL_CONTINUE;
	}
	if (key == 'q' || key == TK_ESC || keys_lookup(SC_GLOBAL, key) == A_HELP)
		return MODAL_CANCEL;
	if (o->search && (keys_lookup(SC_SEARCH, key) == A_SEARCH_NEXT ||
			  keys_lookup(SC_SEARCH, key) == A_SEARCH_PREV)) {
		int dir = keys_lookup(SC_SEARCH, key) == A_SEARCH_NEXT ? 1 : -1;
		size_t from = o->hit == NONE ? o->top
			      : dir > 0 ? o->hit + 1 : (o->hit ? o->hit - 1
							    : o->lines.n - 1);
		bool wrapped;

		if (from >= o->lines.n)
			from = 0;
		o->hit = overlay_find(o, from, dir, &wrapped);
		/* Going round from the first line back is going round too. */
		if (o->hit != NONE && dir < 0 && from == o->lines.n - 1)
			wrapped = true;
		overlay_show_hit(o);
		overlay_say(o, a, wrapped, dir);
		return MODAL_CONTINUE;
	}
	if (act == A_SEARCH) {
		struct modal *ed = lineedit_new(_("Search"), o->search ? o->search : "",
						_("type to search · Enter keep · Esc cancel"),
						search_closed);

		if (ed) {
			ed->scope = SC_EDIT;
			edit_set_scratch(ed);
			ed->changed = search_typed;
		}
		app_push(a, ed);
		return MODAL_CONTINUE;
	}
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
	o->hit = NONE;
	return &o->m;
}

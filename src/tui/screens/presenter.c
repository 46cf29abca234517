#include "config.h"
/*
 * presenter: the presenter view, drawn over the whole terminal instead of
 * the bars and the screen's body, for a projector at the back of a room.
 *
 *   row 0..      the screen and the workshop, and on the right the
 *                countdown in block digits (the warning colour once it
 *                runs over), with the ready count and, on Trade-offs, an
 *                open round's progress beside it;
 *   the body     the screen's essence in block letters: the ranking with
 *                big totals and bars (Trade-offs), the selected question
 *                (Interview), the heat map (Risks), else the screen's name,
 *                the workshop's title and the screen's one key figure;
 *   last row     the message, else how to leave.
 *
 * Every size is chosen by measuring (bigtext_fit): the biggest that fits,
 * normal bold text when none does.  The view shows what the session gives:
 * while a blind round is open its totals are already without the others'
 * votes.
 */

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/screens/presenter.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/bigtext.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- keys ------------------------------------------------------------------ */
void presenter_toggle(struct app *a)
{
	a->presenting = !a->presenting;
	a->msg[0] = '\0';
	a->presented_timer[0] = '\0';
}

static bool screen_shown(struct app *a)
{
	return a->opened[a->cur] &&
	       (!tui_screens[a->cur].needs_workshop || app_data(a));
}

bool presenter_key(struct app *a, int key)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	void *st = a->state[a->cur];
	struct list *l = screen_shown(a) && sd->ops->list ? sd->ops->list(a, st)
			 : NULL;
	enum action act = keys_lookup(SC_GLOBAL, key);
	enum scope scs[4];
	size_t n = 0;

	/* A message lasts until the next key: a projector shows no stale
	 * warnings. */
	a->msg[0] = '\0';
	/* Nothing on the projector is there to be clicked. */
	if (key == TK_FN(KEY_MOUSE))
		return true;
	/* A search in progress keeps its keys (n, N, Esc ends it). */
	if (l && l->search &&
	    (key == TK_ESC || keys_lookup(SC_SEARCH, key) != A_NONE))
		return false;
	if (act == A_PRESENTER || act == A_QUIT || act == A_CANCEL) {
		presenter_toggle(a);
		return true;
	}
	/* The scopes the loop looks the key up in, in its order: the first
	 * that binds the key says whether it edits. */
	if (screen_shown(a) && sd->ops->scope)
		scs[n++] = sd->ops->scope(a, st);
	if (screen_shown(a))
		scs[n++] = sd->scope;
	scs[n++] = SC_NAV;
	scs[n++] = SC_GLOBAL;
	for (size_t i = 0; i < n; i++) {
		enum action ac = keys_lookup(scs[i], key);
		const struct keydef *kd;

		if (ac == A_NONE)
			continue;
		kd = keys_def(scs[i], ac);
		/* Enter on an approach's field edits it (a picker, an
		 * editor) though on the list it only moves to the fields. */
		if ((kd && kd->edits) || ac == A_AP_EDIT) {
			app_msg(a, MSG_WARN, "%s", _(PRESENTER_REFUSED));
			return true;
		}
		return false;
	}
	return false;
}

void presenter_tick(struct app *a)
{
	char t[sizeof(a->presented_timer)];

	if (!a->presenting)
		return;
	session_timer_text(a->s, t, sizeof(t));
	if (strcmp(t, a->presented_timer) != 0)
		a->dirty = true;
}

/* ---- text at the biggest size that fits ------------------------------------ */
static int imin(int a, int b)
{
	return a < b ? a : b;
}

static int imax(int a, int b)
{
	return a > b ? a : b;
}

/* Normal text wrapped into h rows; a text cut short ends with "…".
 * Returns the rows used. */
static int pv_para(int y, int x, int h, int w, const char *s)
{
	struct bigtext_line *lines;
	size_t n, max = h > 0 ? (size_t)h : 0;
	int row = 0;

	if (!s || !*s || h <= 0 || w <= 0)
		return 0;
	lines = calloc(max, sizeof(*lines));
	if (!lines)
		return 0;
	n = bigtext_wrap(s, BIG_NORMAL, w, lines, max, NULL);
	for (size_t i = 0; i < n && i < max; i++, row++) {
		if (i + 1 == max && n > max) {
			/* The rest on the last row, marked as cut. */
			char *t = str_printf("%s…", s + lines[i].start);

			draw_clip(y + row, x, t ? t : "", w);
			free(t);
			row++;
			break;
		} else {
			char *t = str_ndup(s + lines[i].start, lines[i].len);

			draw_text(y + row, x, t ? t : "", w);
			free(t);
		}
	}
	free(lines);
	return row;
}

/* s in the biggest size up to max that fits (y, x, h, w), in bold normal
 * text when none does; returns the rows used. */
static int pv_big(int y, int x, int h, int w, const char *s,
		  enum bigtext_size max, enum role role, enum bigtext_align al)
{
	enum bigtext_size sz = bigtext_fit(s, h, w, max);
	int used;

	attrset(draw_attr(role) | (sz == BIG_NORMAL ? A_BOLD : 0));
	used = sz == BIG_NORMAL ? pv_para(y, x, h, w, s)
	       : bigtext_draw(y, x, h, w, s, sz, al);
	draw_role(CR_NORMAL);
	return used;
}

/* A figure: lines shown together at one size. */
struct fig {
	char *text[24];
	enum role role[24];
	size_t n;
};

static void fig_add(struct fig *f, enum role role, char *text)
{
	if (!text)
		return;
	if (f->n == sizeof(f->text) / sizeof(f->text[0])) {
		free(text);
		return;
	}
	f->role[f->n] = role;
	f->text[f->n++] = text;
}

static void fig_free(struct fig *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->text[i]);
	f->n = 0;
}

/* The lines at the biggest size up to max in which all of them fit, one
 * row apart; else in normal text as far as they go. */
static int fig_draw(const struct fig *f, int y, int x, int h, int w,
		    enum bigtext_size max)
{
	int row = 0;

	for (int sz = (int)max; sz > BIG_NORMAL && f->n; sz--) {
		int need = -1;

		for (size_t i = 0; i < f->n; i++) {
			int lh = bigtext_height(f->text[i], (enum bigtext_size)sz, w);

			if (lh < 0 || bigtext_fit(f->text[i], lh, w,
						  (enum bigtext_size)sz) != (enum bigtext_size)sz) {
				need = -1;
				break;
			}
			need += lh + 1;
		}
		if (need < 0 || need > h)
			continue;
		for (size_t i = 0; i < f->n; i++) {
			attrset(draw_attr(f->role[i]));
			row += bigtext_draw(y + row, x, h - row, w, f->text[i],
					    (enum bigtext_size)sz, BIG_LEFT) + 1;
		}
		draw_role(CR_NORMAL);
		return row - 1;
	}
	for (size_t i = 0; i < f->n && row < h; i++) {
		attrset(draw_attr(f->role[i]) | A_BOLD);
		row += pv_para(y + row, x, h - row, w, f->text[i]);
	}
	draw_role(CR_NORMAL);
	return row;
}

/* ---- the frame: title, countdown, ready count, message ---------------------- */
/* The open round's progress on Trade-offs, "" when none. */
static void round_text(struct app *a, char *buf, size_t size)
{
	struct sess_round_progress p;

	buf[0] = '\0';
	if (!session_round_current(a->s) ||
	    session_round_progress(a->s, &p) < 0)
		return;
	snprintf(buf, size, _("round %d open: %zu of %zu voted"), p.number,
		 p.n_done, p.names.n);
	sess_round_progress_clear(&p);
}

/* Draws the top band; returns its height. */
static int draw_header(struct app *a, const struct screen_def *sd)
{
	const struct room_timer *t = session_timer(a->s);
	char tt[sizeof(a->presented_timer)], ready[64] = "", round[128] = "";
	char *head;
	long left = 0;
	bool running = session_timer_left(a->s, &left);
	bool paused = running && t && t->state == TIMER_PAUSED;
	enum bigtext_size tsz = BIG_NORMAL;
	int cols = a->t.cols, band = 1, tw = 0, lw;
	size_t nr = 0, np = 0;
	struct buf info;

	session_timer_text(a->s, tt, sizeof(tt));
	snprintf(a->presented_timer, sizeof(a->presented_timer), "%s", tt);
	if (app_data(a)) {
		session_ready_count(a->s, &nr, &np);
		if (nr > 0)
			session_ready_text(a->s, ready, sizeof(ready));
		if (str_eq(sd->id, "tradeoffs"))
			round_text(a, round, sizeof(round));
	}
	if (*tt) {
		tsz = a->t.rows >= 40 && cols >= 120 ? BIG_MEDIUM : BIG_SMALL;
		tw = bigtext_width(tt, tsz);
		if (tw > cols / 2) {
			tsz = BIG_NORMAL;
			tw = utf8_width(tt);
		}
		band = bigtext_rows(tsz);
		/* Plain while there is time, the warning colour once over. */
		attrset(left < 0 ? draw_attr(CR_WARNING)
			: paused ? draw_attr(CR_DIM) : (int)A_BOLD);
		bigtext_draw(0, cols - 1 - tw, band, tw, tt, tsz, BIG_LEFT);
	}
	lw = cols - 2 - (tw ? tw + 3 : 0);
	buf_init(&info);
	if (*round)
		buf_printf(&info, "%s", round);
	if (*ready)
		buf_printf(&info, "%s%s", info.len ? " · " : "", ready);
	if (paused)
		buf_printf(&info, "%s%s", info.len ? " · " : "",
			   _("countdown paused"));
	else if (running && left < 0)
		buf_printf(&info, "%s%s", info.len ? " · " : "", _("over time"));
	head = app_data(a) ? str_printf("%s · %s", _(sd->title),
					 app_data(a)->ws.title)
			   : str_dup(_(sd->title));
	if (band == 1) {
		/* One row: the title, what the room does on the right. */
		int iw = imin(utf8_width(buf_str(&info)), lw / 2);

		if (iw > 0) {
			draw_role(*round || (running && left < 0) ? CR_WARNING
				  : CR_DIM);
			draw_clip(0, 1 + lw - iw, buf_str(&info), iw);
		}
		attrset(A_BOLD);
		draw_clip(0, 1, head ? head : "", lw - (iw ? iw + 2 : 0));
	} else {
		attrset(A_BOLD);
		draw_clip(0, 1, head ? head : "", lw);
		draw_role(*round || (running && left < 0) ? CR_WARNING : CR_DIM);
		pv_para(1, 1, band - 1, lw, buf_str(&info));
	}
	draw_role(CR_NORMAL);
	free(head);
	buf_free(&info);
	return band;
}

static void draw_footer(struct app *a)
{
	static const enum role roles[] = { CR_NORMAL, CR_OK, CR_WARNING,
					   CR_ERROR };
	int y = a->t.rows - 1;

	if (*a->msg) {
		draw_role(roles[a->msg_kind]);
		draw_clip(y, 1, a->msg, a->t.cols - 2);
	} else {
		draw_role(CR_DIM);
		draw_clip(y, 1, _("presenter view · P, q or Esc back · j k next · : command"),
			  a->t.cols - 2);
	}
	draw_role(CR_NORMAL);
}

/* ---- Trade-offs: the ranking ------------------------------------------------ */
static void pv_ranking_normal(struct app *a, int y, int x, int h, int w,
			      char (*tot)[NUM_BUF], double top)
{
	const struct workshop_data *d = app_data(a);
	const struct sess_view *v = app_view(a);
	int nw = imin(36, w / 3), bw = w - 4 - nw - 8;
	struct buf b;

	buf_init(&b);
	for (size_t r = 0; r < d->n_approaches && (int)r < h; r++) {
		size_t i = v->sc.order[r];

		b.len = 0;
		buf_printf(&b, "%d. ", v->sc.rank[i]);
		to_cell(&b, d->approaches[i].name, nw, false);
		buf_printf(&b, " %6s ", tot[i]);
		to_bar(&b, top > 0 ? v->sc.totals[i] / top : 0, imax(bw, 1));
		attrset(draw_attr(r == 0 ? CR_OK : v->sc.complete[i] ? CR_NORMAL
				  : CR_DIM) | A_BOLD);
		draw_text(y + (int)r, x, buf_str(&b), w);
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static void pv_tradeoffs(struct app *a, int y, int x, int h, int w)
{
	const struct workshop_data *d = app_data(a);
	const struct sess_view *v = app_view(a);
	size_t n = d->n_approaches;
	char (*tot)[NUM_BUF], lo[NUM_BUF], hi[NUM_BUF], rank[24];
	enum bigtext_size sz = BIG_NORMAL;
	int rw = 0, tw = 0, sep = 3, avail = h - 2, used;
	double top;
	char *cap;

	if (!v->scored || n == 0) {
		used = pv_big(y, x, imax(3, h / 2), w,
			      n ? _("No ranking yet") : _("No approaches yet"),
			      BIG_LARGE, CR_HEADING, BIG_LEFT);
		draw_role(CR_DIM);
		pv_para(y + used + 1, x, h - used - 1, w, v->score_err);
		draw_role(CR_NORMAL);
		return;
	}
	tot = calloc(n, sizeof(*tot));
	if (!tot)
		return;
	for (size_t i = 0; i < n; i++)
		num_fmt(tot[i], NUM_BUF, NUM_TOTAL, v->sc.totals[i]);
	snprintf(rank, sizeof(rank), "%zu", n);
	for (int s = BIG_LARGE; s > BIG_NORMAL; s--) {
		int rows = bigtext_rows((enum bigtext_size)s);

		sep = s == BIG_LARGE ? 5 : 3;
		rw = bigtext_width(rank, (enum bigtext_size)s);
		tw = 0;
		for (size_t i = 0; i < n; i++)
			tw = imax(tw, bigtext_width(tot[i], (enum bigtext_size)s));
		if ((int)n * (rows + 1) - 1 <= avail &&
		    w - rw - tw - 2 * sep >= 16) {
			sz = (enum bigtext_size)s;
			break;
		}
	}
	top = v->sc.totals[v->sc.order[0]];
	if (sz == BIG_NORMAL) {
		pv_ranking_normal(a, y, x, avail, w, tot, top);
		used = imin((int)n, avail);
	} else {
		int rows = bigtext_rows(sz), nx = x + rw + tw + 2 * sep;
		int nw = w - (nx - x), bar0 = sz == BIG_LARGE ? 2 : 1;
		int bar1 = sz == BIG_LARGE ? rows - 1 : rows;
		struct buf b;

		buf_init(&b);
		for (size_t r = 0; r < n; r++) {
			size_t i = v->sc.order[r];
			int yy = y + (int)r * (rows + 1), iw = 0;
			enum role role = v->sc.rank[i] == 1 ? CR_OK
					 : v->sc.complete[i] ? CR_NORMAL : CR_DIM;

			snprintf(rank, sizeof(rank), "%d", v->sc.rank[i]);
			attrset(draw_attr(role));
			bigtext_draw(yy, x, rows, rw, rank, sz, BIG_RIGHT);
			bigtext_draw(yy, x + rw + sep, rows, tw, tot[i], sz,
				     BIG_RIGHT);
			if (!v->sc.complete[i]) {
				const char *inc = _("incomplete");

				iw = utf8_width(inc) + 3;
				draw_role(CR_DIM);
				draw_text(yy, nx + nw - iw + 3, inc, iw - 3);
			}
			attrset(draw_attr(role) | A_BOLD);
			draw_clip(yy, nx, d->approaches[i].name, nw - iw);
			b.len = 0;
			to_bar(&b, top > 0 ? v->sc.totals[i] / top : 0, nw);
			attrset(draw_attr(role));
			for (int k = bar0; k < bar1; k++)
				draw_text(yy + k, nx, buf_str(&b), nw);
		}
		buf_free(&b);
		used = (int)n * (rows + 1) - 1;
	}
	num_fmt(lo, sizeof(lo), NUM_VALUE, d->ws.scale_min);
	num_fmt(hi, sizeof(hi), NUM_VALUE, d->ws.scale_max);
	cap = str_printf(_("weighted totals on the %s–%s scale; the bars measure each against the leader"),
			 lo, hi);
	draw_role(CR_DIM);
	if (used + 1 < h)
		draw_clip(y + used + 1, x, cap ? cap : "", w);
	draw_role(CR_NORMAL);
	free(cap);
	free(tot);
}

/* ---- Interview: the selected question --------------------------------------- */
static void pv_interview(struct app *a, int y, int x, int h, int w)
{
	const struct knowledge *k = app_k(a);
	const struct sess_view *v = app_view(a);
	char *answer = NULL, *atext, prog[64];
	const struct question *q = interview_selected(a, &answer);
	const char *section = NULL;
	int pw, ah, used;
	bool has;

	if (!q) {
		free(answer);
		pv_big(y, x, h, w, _("No questions to ask"), BIG_LARGE,
		       CR_HEADING, BIG_LEFT);
		return;
	}
	for (size_t i = 0; k && i < k->n_sections; i++)
		if (str_eq(k->sections[i].id, q->section))
			section = k->sections[i].title;
	snprintf(prog, sizeof(prog), _("%zu/%zu answered"),
		 v->n_questions_answered, v->n_questions_shown);
	pw = utf8_width(prog);
	draw_role(CR_DIM);
	draw_text(y, x + w - pw, prog, pw);
	draw_role(CR_HEADING);
	draw_clip(y, x, section ? section : "", w - pw - 2);
	has = answer && *answer;
	atext = has ? str_printf(_("Answer: %s"), answer)
		: str_dup(_("not answered yet"));
	ah = imin(3, (int)bigtext_wrap(atext, BIG_NORMAL, w, NULL, 0, NULL));
	used = pv_big(y + 2, x, h - 2 - ah - 1, w, q->prompt, BIG_LARGE,
		      CR_NORMAL, BIG_LEFT);
	draw_role(has ? CR_OK : CR_MARK);
	pv_para(y + 2 + used + 1, x, ah, w, atext);
	draw_role(CR_NORMAL);
	free(atext);
	free(answer);
}

/* ---- Risks: the heat map ------------------------------------------------------ */
struct heat {
	char *keys[5][5];         /* "R2 R5" per cell, NULL when empty */
	int count[5][5];
	bool as_count[5][5];      /* the cell shows its count, not its keys */
};

static void heat_free(struct heat *hm)
{
	for (int p = 0; p < 5; p++)
		for (int i = 0; i < 5; i++)
			free(hm->keys[p][i]);
}

/* Does the cell's label fit (cw × ch) in size sz, the keys unless only
 * the count is allowed? */
static bool label_fits(const char *s, enum bigtext_size sz, int cw, int ch)
{
	int lh = bigtext_height(s, sz, cw);

	return lh >= 0 && lh <= ch;
}

/* The one size of every cell's label, the keys where they fit, else the
 * count; BIG_NORMAL when even the counts do not fit big. */
static enum bigtext_size heat_size(struct heat *hm, int cw, int ch)
{
	for (int pass = 0; pass < 2; pass++) {
		for (int sz = BIG_LARGE; sz > BIG_NORMAL; sz--) {
			bool ok = true;

			for (int p = 0; p < 5 && ok; p++)
				for (int i = 0; i < 5 && ok; i++) {
					char num[16];

					if (!hm->count[p][i])
						continue;
					snprintf(num, sizeof(num), "%d",
						 hm->count[p][i]);
					hm->as_count[p][i] = !label_fits(hm->keys[p][i],
									 (enum bigtext_size)sz, cw, ch);
					ok = !hm->as_count[p][i] ||
					     (pass == 1 && label_fits(num, (enum bigtext_size)sz, cw, ch));
				}
			if (ok)
				return (enum bigtext_size)sz;
		}
	}
	for (int p = 0; p < 5; p++)
		for (int i = 0; i < 5; i++)
			hm->as_count[p][i] = hm->count[p][i] &&
				utf8_width(hm->keys[p][i]) > cw * ch;
	return BIG_NORMAL;
}

static void pv_risks(struct app *a, int y, int x, int h, int w)
{
	const struct workshop_data *d = app_data(a);
	const struct risk *sel = risks_selected(a);
	struct heat hm;
	enum bigtext_size sz;
	int detail, lab = 4, ch, cw, gy;
	struct buf crowd;
	char *leg, *line;

	if (d->n_risks == 0) {
		pv_big(y, x, h, w, _("No risks yet"), BIG_LARGE, CR_HEADING,
		       BIG_LEFT);
		return;
	}
	memset(&hm, 0, sizeof(hm));
	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *r = &d->risks[i];
		char **k;

		if (r->probability < 1 || r->probability > 5 || r->impact < 1 ||
		    r->impact > 5)
			continue;
		k = &hm.keys[r->probability - 1][r->impact - 1];
		line = *k ? str_printf("%s %s", *k, r->key) : str_dup(r->key);
		if (line) {
			free(*k);
			*k = line;
		}
		hm.count[r->probability - 1][r->impact - 1]++;
	}
	/* Impact numbers above, the legend below, the selected risk under
	 * it after a blank row: cells as high as the rest leaves, 3 rows at
	 * least if the selected risk can make do with one line, or with no
	 * blank row before it. */
	for (detail = 3; detail > 1 && (h - 2 - detail) / 5 < 3; detail--)
		;
	ch = imax(1, imin((h - 2 - detail) / 5, 9));
	cw = imax(4, imin((w - lab) / 5, 32));
	/* A label leaves a column either side for the selection's marks. */
	sz = heat_size(&hm, cw - 3, ch);
	draw_role(CR_DIM);
	draw_text(y, x, _("P\\I"), lab);
	for (int i = 1; i <= 5; i++) {
		char t[16];

		snprintf(t, sizeof(t), "I%d", i);
		draw_text(y, x + lab + (i - 1) * cw + (cw - 1 - 2) / 2, t, 2);
	}
	buf_init(&crowd);
	gy = y + 1;
	for (int p = 5; p >= 1; p--) {
		int ry = gy + (5 - p) * ch;
		char t[16];

		snprintf(t, sizeof(t), "P%d", p);
		draw_role(CR_DIM);
		draw_text(ry + (ch - 1) / 2, x, t, lab);
		for (int i = 1; i <= 5; i++) {
			int n = hm.count[p - 1][i - 1], cx = x + lab + (i - 1) * cw;
			int attr = draw_attr(risks_band_role(p * i)) | (n ? A_REVERSE : 0);
			bool mark = sel && sel->probability == p && sel->impact == i;
			char num[16];
			const char *s = hm.keys[p - 1][i - 1];

			attrset(attr);
			draw_fill(ry, cx, ch, cw - 1);
			if (!n) {
				draw_text(ry + (ch - 1) / 2, cx + (cw - 1) / 2, "·", 1);
				continue;
			}
			snprintf(num, sizeof(num), "%d", n);
			if (hm.as_count[p - 1][i - 1]) {
				buf_printf(&crowd, "%sP%d×I%d: %s", crowd.len ? " · " : "",
					   p, i, s);
				s = num;
			}
			{
				int lh = sz == BIG_NORMAL ? imin(ch, (int)bigtext_wrap(s, sz, cw - 3, NULL, 0, NULL))
					 : bigtext_height(s, sz, cw - 3);

				bigtext_draw(ry + (ch - lh) / 2, cx + 1, ch, cw - 3, s, sz,
					     BIG_CENTRE);
			}
			if (mark) {
				draw_text(ry + (ch - 1) / 2, cx, "▸", 1);
				draw_text(ry + (ch - 1) / 2, cx + cw - 2, "◂", 1);
			}
		}
	}
	draw_role(CR_DIM);
	leg = str_printf(_("probability × impact · ≥%d high · %d–%d medium · low"),
			 RISK_HIGH_MIN, RISK_MEDIUM_MIN, RISK_HIGH_MIN - 1);
	line = crowd.len ? str_printf("%s · %s", buf_str(&crowd), leg ? leg : "")
	       : str_dup(leg ? leg : "");
	draw_clip(gy + 5 * ch, x, line ? line : "", w);
	free(line);
	free(leg);
	buf_free(&crowd);
	if (sel) {
		int dy = gy + 5 * ch + (detail > 1 ? 2 : 1), dh = y + h - dy;
		char *t = str_printf(_("%s · P%d × I%d = %d (%s) · %s · %s"),
				     sel->key, sel->probability, sel->impact,
				     risk_score(sel),
				     risk_band_label(risk_band(risk_score(sel))),
				     risk_status_label(sel->status),
				     sel->description ? sel->description : "");

		attrset(draw_attr(risks_band_role(risk_score(sel))) | A_BOLD);
		pv_para(dy, x, dh, w, t ? t : "");
		draw_role(CR_NORMAL);
		free(t);
	}
	heat_free(&hm);
}

/* ---- every other screen: its name, the workshop, one key figure -------------- */
/* "4 → 20 → 60 deploys per week": now and the targets, "–" where a
 * value is missing, the unit once after the last one there is. */
static char *metric_text(struct app *a, const struct metric *m)
{
	const struct metric_def *def = app_k(a) ? knowledge_metric(app_k(a), m->key)
				       : NULL;
	const bool has[3] = { m->has_current, m->has_target_3m, m->has_target_6m };
	const double val[3] = { m->current, m->target_3m, m->target_6m };
	struct buf b;
	double last = 0;
	bool any = false;

	buf_init(&b);
	buf_printf(&b, "%s: ", m->name ? m->name : m->key);
	for (int i = 0; i < 3; i++) {
		char num[NUM_BUF];

		buf_printf(&b, "%s%s", i ? " → " : "",
			   has[i] ? num_fmt(num, sizeof(num), NUM_VALUE, val[i]) : "–");
		if (has[i]) {
			last = val[i];
			any = true;
		}
	}
	if (any && !str_empty(m->unit))
		buf_printf(&b, " %s", num_unit(last, def ? def->unit_one : NULL,
					       m->unit));
	return buf_detach(&b);
}

static void figure_of(struct app *a, const struct screen_def *sd,
		      struct fig *f)
{
	const struct workshop_data *d = app_data(a);
	const struct sess_view *v = app_view(a);
	const struct knowledge *k = app_k(a);

	if (!d)
		return;
	if (str_eq(sd->id, "findings")) {
		if (!v->have_findings)
			return;
		fig_add(f, CR_NORMAL,
			str_printf(_("%zu rules apply · %zu anti-patterns"),
				   v->f.n_rules, v->f.n_antipatterns));
		if (v->f.n_patterns && k &&
		    v->f.patterns[0].pattern < k->n_patterns)
			fig_add(f, CR_OK, str_printf(_("best fit: %s"),
				k->patterns[v->f.patterns[0].pattern].name));
	} else if (str_eq(sd->id, "approaches")) {
		for (size_t i = 0; i < d->n_approaches; i++)
			fig_add(f, CR_NORMAL, str_printf("%zu. %s", i + 1,
							 d->approaches[i].name));
		if (!d->n_approaches)
			fig_add(f, CR_DIM, str_dup(_("No approaches yet")));
	} else if (str_eq(sd->id, "decision")) {
		const struct decision *dc = decision_selected(a);

		if (!dc) {
			fig_add(f, CR_DIM, str_dup(_("No ADR yet")));
			return;
		}
		if (dc->status == ADR_SUPERSEDED && dc->superseded_by)
			fig_add(f, CR_DIM, str_printf(_("ADR-%04d · superseded by ADR-%04d"),
						      dc->number, dc->superseded_by));
		else
			fig_add(f, dc->status == ADR_ACCEPTED ? CR_OK : CR_WARNING,
				str_printf("ADR-%04d · %s", dc->number,
					   adr_status_label(dc->status)));
		fig_add(f, CR_NORMAL, str_dup(dc->title ? dc->title : ""));
	} else if (str_eq(sd->id, "metrics")) {
		if (d->n_metrics)
			fig_add(f, CR_DIM, str_dup(_("now → in 3 months → in 6 months")));
		for (size_t i = 0; i < d->n_metrics; i++)
			fig_add(f, CR_NORMAL, metric_text(a, &d->metrics[i]));
		if (!d->n_metrics)
			fig_add(f, CR_DIM, str_dup(_("No metrics yet")));
	} else if (str_eq(sd->id, "roadmap")) {
		double total = 0;
		char wk[NUM_BUF];

		for (size_t i = 0; i < d->n_roadmap; i++) {
			const struct phase *ph = &d->roadmap[i];

			num_fmt(wk, sizeof(wk), NUM_VALUE, ph->weeks);
			fig_add(f, CR_NORMAL,
				str_printf(ngettext("%zu. %s · %s week", "%zu. %s · %s weeks",
						    ph->weeks == 1 ? 1 : 2),
					   i + 1, ph->name, wk));
			total += ph->weeks;
		}
		num_fmt(wk, sizeof(wk), NUM_VALUE, total);
		if (d->n_roadmap)
			fig_add(f, CR_OK, str_printf(ngettext("%s week in all", "%s weeks in all",
							      total == 1 ? 1 : 2), wk));
		else
			fig_add(f, CR_DIM, str_dup(_("No phases yet")));
	}
}

/* Rows the figure takes in normal text (at most h). */
static int fig_rows(const struct fig *f, int w, int h)
{
	int rows = 0;

	for (size_t i = 0; i < f->n; i++)
		rows += (int)bigtext_wrap(f->text[i], BIG_NORMAL, w, NULL, 0, NULL);
	return imin(rows, h);
}

static void pv_other(struct app *a, const struct screen_def *sd, int y,
		     int x, int h, int w)
{
	const char *title = app_data(a) ? app_data(a)->ws.title : NULL;
	struct fig f = { 0 };
	int used;

	used = pv_big(y, x, imax(3, h / 3), w, _(sd->title), BIG_LARGE,
		      CR_HEADING, BIG_LEFT);
	y += used + 1;
	h -= used + 1;
	if (str_eq(sd->id, "workshops")) {
		/* The list's selected workshop is the figure. */
		const struct workshop *ws = workshops_selected(a);

		if (!ws) {
			pv_big(y, x, h, w, _("No workshops yet"), BIG_MEDIUM,
			       CR_DIM, BIG_LEFT);
			return;
		}
		used = pv_big(y, x, h - 2, w, ws->title, BIG_LARGE, CR_NORMAL,
			      BIG_LEFT);
		draw_role(CR_DIM);
		draw_clip(y + used + 1, x, stage_label(ws->stage), w);
		draw_role(CR_NORMAL);
		return;
	}
	if (screen_shown(a))
		figure_of(a, sd, &f);
	if (title) {
		/* The title as large as the figure in normal text leaves. */
		int fr = f.n ? fig_rows(&f, w, h / 2) + 1 : 0;

		used = pv_big(y, x, imax(1, h - fr), w, title, BIG_MEDIUM,
			      CR_NORMAL, BIG_LEFT);
		y += used + 1;
		h -= used + 1;
	}
	fig_draw(&f, y, x, h, w, BIG_MEDIUM);
	fig_free(&f);
}

void presenter_draw(struct app *a)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	int band = draw_header(a, sd), y = band + 1;
	int h = a->t.rows - 1 - y, x = 2, w = a->t.cols - 4;

	if (screen_shown(a) && str_eq(sd->id, "tradeoffs"))
		pv_tradeoffs(a, y, x, h, w);
	else if (screen_shown(a) && str_eq(sd->id, "interview"))
		pv_interview(a, y, x, h, w);
	else if (screen_shown(a) && str_eq(sd->id, "risks"))
		pv_risks(a, y, x, h, w);
	else
		pv_other(a, sd, y, x, h, w);
	draw_footer(a);
}

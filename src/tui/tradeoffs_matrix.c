#include "config.h"
/*
 * tradeoffs_matrix: the scoring matrix of screen 5 (approaches down,
 * criteria across), the weighted totals and ranks, the ranking as a bar
 * chart scaled to the leader, the selected cell's votes and rationale, and
 * the participants' own votes: the grid shows the agreed scores, the votes'
 * mean or median, or one participant's votes, and in "my votes" mode the
 * digits set your own vote.  Cells whose votes spread (two or more votes
 * at least 2 points apart) are marked "!" and coloured.  Totals, ranks and
 * sensitivity come from the engine (ws_scores_compute), vote statistics
 * from agg_stats.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/aggregate.h"
#include "store/store.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/tradeoffs.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/utf8.h"

/* Votes this far apart (max - min) are a disagreement worth talking about. */
#define SPREAD_RANGE 2.0

/* What one cell shows. */
struct cellview {
	bool set;
	double value;
	char mark;          /* ' ', '~' (from the votes' mean), '!' (spread) */
	struct stats st;    /* of the votes */
};

static const char *app_text(void *ctx, size_t i)
{
	struct app *a = ctx;

	return a->d && i < a->d->n_approaches ? a->d->approaches[i].name : NULL;
}

static void undo_clear(struct mx_undo *u)
{
	free(u->ak);
	free(u->ck);
	memset(u, 0, sizeof(*u));
}

void to_matrix_free(struct tscreen *s)
{
	for (size_t i = 0; i < s->n_undo; i++)
		undo_clear(&s->undo[i]);
	s->n_undo = 0;
	list_free(&s->rows);
	free(s->person);
	s->person = NULL;
}

void to_matrix_refresh(struct app *a, struct tscreen *s,
		       const struct strv *old_ckeys)
{
	const struct workshop_data *d = a->d;
	int i;

	if (!s->rows.ctx)
		list_init(&s->rows, a, app_text, NULL);
	if (s->rows.sel < s->akeys.n &&
	    (i = wsdata_approach_index(d, s->akeys.v[s->rows.sel])) >= 0)
		s->rows.sel = (size_t)i;
	list_set_count(&s->rows, d->n_approaches);
	if (s->col < old_ckeys->n &&
	    (i = wsdata_criterion_index(d, old_ckeys->v[s->col])) >= 0)
		s->col = (size_t)i;
	if (s->col >= d->n_criteria)
		s->col = d->n_criteria ? d->n_criteria - 1 : 0;
}

static const char *me(struct app *a)
{
	return store_who(a->store);
}

/* The votes on a cell into vals (room for d->n_votes); returns how many. */
static size_t cell_votes(const struct workshop_data *d, size_t ai, size_t ci,
			 double *vals, const char *who, double *theirs,
			 bool *have_theirs)
{
	const char *ak = d->approaches[ai].key, *ck = d->criteria[ci].key;
	size_t n = 0;

	if (have_theirs)
		*have_theirs = false;
	for (size_t i = 0; i < d->n_votes; i++) {
		const struct vote *v = &d->votes[i];

		if (!str_eq(v->approach, ak) || !str_eq(v->criterion, ck))
			continue;
		if (vals)
			vals[n] = v->value;
		n++;
		if (who && str_eq(v->participant, who) && have_theirs) {
			*theirs = v->value;
			*have_theirs = true;
		}
	}
	return n;
}

static const struct vote *my_vote(struct app *a, size_t ai, size_t ci)
{
	const struct workshop_data *d = a->d;

	for (size_t i = 0; i < d->n_votes; i++) {
		const struct vote *v = &d->votes[i];

		if (str_eq(v->approach, d->approaches[ai].key) &&
		    str_eq(v->criterion, d->criteria[ci].key) &&
		    str_eq(v->participant, me(a)))
			return v;
	}
	return NULL;
}

static bool spread(const struct stats *st)
{
	return st->n >= 2 && st->max - st->min >= SPREAD_RANGE - 1e-9;
}

static void cell_view(struct app *a, struct tscreen *s, size_t ai, size_t ci,
		      double *vals, struct cellview *cv)
{
	const struct workshop_data *d = a->d;
	const char *who = s->mine ? me(a)
			  : s->show == MS_PERSON ? s->person : NULL;
	double theirs = 0;
	bool have_theirs = false;
	size_t n = cell_votes(d, ai, ci, vals, who, &theirs, &have_theirs);

	memset(cv, 0, sizeof(*cv));
	cv->mark = ' ';
	agg_stats(vals, n, &cv->st);
	if (s->mine || s->show == MS_PERSON) {
		cv->set = have_theirs;
		cv->value = theirs;
	} else if (s->show == MS_MEAN || s->show == MS_MEDIAN) {
		cv->set = n > 0;
		cv->value = s->show == MS_MEAN ? cv->st.mean : cv->st.median;
	} else if (s->have_sc) {
		size_t k = ai * s->sc.n_crit + ci;

		cv->set = s->sc.set[k];
		cv->value = s->sc.cells[k];
		if (s->sc.source[k] == CELL_VOTES)
			cv->mark = '~';
	} else {
		const struct score *sc = wsdata_score(d, d->approaches[ai].key,
						      d->criteria[ci].key);

		cv->set = sc && sc->has_value;
		cv->value = cv->set ? sc->value : 0;
	}
	if (spread(&cv->st))
		cv->mark = '!';
}

/* "4", "3.5", "3.67": scores are small numbers. */
static void num(char *buf, size_t size, double v)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(buf, size, "%.0f", v);
	else if (fabs(v * 10 - round(v * 10)) < 1e-9)
		snprintf(buf, size, "%.1f", v);
	else
		snprintf(buf, size, "%.2f", v);
}

char *to_matrix_mode(struct app *a, const struct tscreen *s)
{
	if (s->mine)
		return str_printf(_("my votes (%s)"), me(a));
	switch (s->show) {
	case MS_MEAN:
		return str_dup(_("mean of the votes"));
	case MS_MEDIAN:
		return str_dup(_("median of the votes"));
	case MS_PERSON:
		return str_printf(_("votes of %s"), s->person ? s->person : "?");
	default:
		return str_dup(_("agreed scores"));
	}
}

/* Column layout for a width: name, cell and tail widths, columns shown. */
struct layout {
	int nw, cw, tail;
	size_t first, shown;
};

static void lay_out(struct tscreen *s, size_t ncrit, int w, struct layout *l)
{
	int avail;

	l->tail = 11;
	avail = w - 1 - l->tail;
	l->first = 0;
	if (ncrit == 0) {
		l->nw = avail;
		l->cw = 5;
		l->shown = 0;
		return;
	}
	if (avail - 16 >= (int)ncrit * 5) {
		l->cw = (avail - 20) / (int)ncrit;
		if (l->cw > 9)
			l->cw = 9;
		if (l->cw < 5)
			l->cw = 5;
		l->nw = avail - (int)ncrit * l->cw;
		if (l->nw > 40)
			l->nw = 40;
		l->shown = ncrit;
		s->col0 = 0;
		return;
	}
	/* Too many criteria: scroll them sideways around the cursor. */
	l->cw = 5;
	l->nw = 16;
	l->shown = (size_t)((avail - l->nw) / l->cw);
	if (l->shown < 1)
		l->shown = 1;
	if (s->col < s->col0)
		s->col0 = s->col;
	if (s->col >= s->col0 + l->shown)
		s->col0 = s->col - l->shown + 1;
	if (s->col0 + l->shown > ncrit)
		s->col0 = ncrit - l->shown;
	l->first = s->col0;
}

static void draw_header(struct app *a, struct tscreen *s,
			const struct layout *l, int y, int x, int w)
{
	const struct workshop_data *d = a->d;
	struct buf b;
	char *mode = to_matrix_mode(a, s);
	char lo[32], hi[32];
	char *t;

	str_number(lo, sizeof(lo), d->ws.scale_min);
	str_number(hi, sizeof(hi), d->ws.scale_max);
	t = s->mine ? str_printf(_("MY VOTES as %s: digits %s-%s set your vote · V back"),
				 me(a), lo, hi)
		    : s->show == MS_AGREED
		    ? str_printf(_("Agreed scores: digits %s-%s set them · v mean, median, a person · V my votes"),
				 lo, hi)
		    : str_printf(_("Showing the %s · v cycles (totals: agreed, else votes' mean)"),
				 mode ? mode : "");
	draw_role(s->mine ? CR_MARK : CR_DIM);
	draw_clip(y, x + 1, t ? t : "", w - 1);
	free(t);
	free(mode);
	buf_init(&b);
	buf_puts(&b, " ");
	to_cell(&b, l->first ? "«" : "", l->nw, false);
	for (size_t c = l->first; c < l->first + l->shown; c++) {
		to_cell(&b, d->criteria[c].key, l->cw - 1, true);
		buf_putc(&b, ' ');
	}
	to_cell(&b, l->first + l->shown < d->n_criteria ? "»" : "", 1, false);
	to_cell(&b, _("Total"), 6, true);
	buf_puts(&b, "  #");
	draw_role(CR_HEADING);
	draw_line(y + 1, x, buf_str(&b), w);
	b.len = 0;
	buf_puts(&b, " ");
	to_cell(&b, _("weight"), l->nw, false);
	for (size_t c = l->first; c < l->first + l->shown; c++) {
		char pc[16];

		if (s->have_sc)
			snprintf(pc, sizeof(pc), "%.0f%%", s->sc.weights[c] * 100);
		else
			snprintf(pc, sizeof(pc), "—");
		to_cell(&b, pc, l->cw - 1, true);
		buf_putc(&b, ' ');
	}
	draw_role(CR_DIM);
	draw_line(y + 2, x, buf_str(&b), w);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static void draw_row(struct app *a, struct tscreen *s, const struct layout *l,
		     size_t ai, double *vals, int y, int x, int w)
{
	const struct workshop_data *d = a->d;
	bool sel = ai == s->rows.sel;
	struct buf b;
	int cx;

	buf_init(&b);
	buf_puts(&b, sel ? "›" : " ");
	to_cell(&b, d->approaches[ai].name, l->nw, false);
	draw_role(sel ? CR_HEADING : CR_NORMAL);
	draw_line(y, x, buf_str(&b), w);
	cx = x + 1 + l->nw;
	for (size_t c = l->first; c < l->first + l->shown && cx < x + w; c++) {
		struct cellview cv;
		char v[32], m[2] = { 0, 0 };
		enum role r;

		cell_view(a, s, ai, c, vals, &cv);
		if (cv.set)
			num(v, sizeof(v), cv.value);
		else
			snprintf(v, sizeof(v), "·");
		m[0] = cv.mark;
		b.len = 0;
		to_cell(&b, v, l->cw - 1, true);
		buf_puts(&b, m);
		r = sel && c == s->col ? CR_SELECTED
		    : cv.mark == '!' ? CR_WARNING
		    : !cv.set ? CR_DIM
		    : cv.mark == '~' ? CR_DIM : CR_NORMAL;
		draw_role(r);
		/* The cursor cell is highlighted without its trailing gap. */
		draw_text(y, cx, buf_str(&b), x + w - cx < l->cw
			  ? x + w - cx : l->cw);
		draw_role(CR_NORMAL);
		cx += l->cw;
	}
	b.len = 0;
	cx = x + 1 + l->nw + (int)l->shown * l->cw + 1;
	if (s->have_sc && cx < x + w) {
		char tot[32];

		snprintf(tot, sizeof(tot), "%6.2f", s->sc.totals[ai]);
		buf_puts(&b, tot);
		buf_printf(&b, " %2d%s", s->sc.rank[ai],
			   s->sc.complete[ai] ? " " : "*");
		draw_role(s->sc.rank[ai] == 1 ? CR_OK : CR_NORMAL);
		draw_text(y, cx, buf_str(&b), x + w - cx);
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* The ranking as bars scaled to the leader's total. */
static int draw_ranking(struct app *a, struct tscreen *s, int y, int x,
			int h, int w)
{
	const struct workshop_data *d = a->d;
	double top;
	int nw = w >= 100 ? 36 : 24, bw;
	struct buf b;

	if (!s->have_sc || d->n_approaches == 0 || h <= 0)
		return 0;
	top = s->sc.totals[s->sc.order[0]];
	bw = w - 4 - nw - 8 - 13;
	if (bw < 4)
		bw = 4;
	buf_init(&b);
	for (size_t r = 0; r < d->n_approaches && (int)r < h; r++) {
		size_t i = s->sc.order[r];

		buf_printf(&b, " %d. ", s->sc.rank[i]);
		to_cell(&b, d->approaches[i].name, nw, false);
		buf_printf(&b, " %6.2f ", s->sc.totals[i]);
		to_bar(&b, top > 0 ? s->sc.totals[i] / top : 0, bw);
		if (!s->sc.complete[i])
			buf_printf(&b, " %s", _("incomplete"));
		draw_role(r == 0 ? CR_OK : s->sc.complete[i] ? CR_NORMAL
							      : CR_DIM);
		draw_line(y + (int)r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
	return (int)d->n_approaches < h ? (int)d->n_approaches : h;
}

/* The selected cell: names, votes and rationale. */
static void draw_detail(struct app *a, struct tscreen *s, double *vals,
			int y, int x, int h, int w)
{
	const struct workshop_data *d = a->d;
	size_t ai = s->rows.sel, ci = s->col;
	const struct score *sc;
	struct cellview cv;
	struct buf b;
	int used;
	char *t;

	if (h <= 0 || ai >= d->n_approaches || ci >= d->n_criteria)
		return;
	cell_view(a, s, ai, ci, vals, &cv);
	sc = wsdata_score(d, d->approaches[ai].key, d->criteria[ci].key);
	t = str_printf("%s · %s (%s %.1f%%)", d->approaches[ai].name,
		       to_crit_name(&d->criteria[ci]), _("weight"),
		       s->have_sc ? s->sc.weights[ci] * 100 : 0.0);
	draw_role(CR_HEADING);
	draw_clip(y, x, t ? t : "", w);
	free(t);
	if (h < 2)
		return;
	buf_init(&b);
	if (sc && sc->has_value) {
		char v[32];

		num(v, sizeof(v), sc->value);
		buf_printf(&b, "%s %s", _("agreed"), v);
	} else {
		buf_puts(&b, _("no agreed score"));
	}
	if (cv.st.n) {
		char v[32];
		bool first = true;

		buf_printf(&b, " · %s: ", _("votes"));
		for (size_t i = 0; i < d->n_votes; i++) {
			const struct vote *vo = &d->votes[i];

			if (!str_eq(vo->approach, d->approaches[ai].key) ||
			    !str_eq(vo->criterion, d->criteria[ci].key))
				continue;
			num(v, sizeof(v), vo->value);
			buf_printf(&b, "%s%s %s", first ? "" : ", ",
				   vo->participant, v);
			first = false;
		}
		num(v, sizeof(v), cv.st.mean);
		buf_printf(&b, " · %s %s", _("mean"), v);
		num(v, sizeof(v), cv.st.median);
		buf_printf(&b, " · %s %s", _("median"), v);
		if (spread(&cv.st)) {
			num(v, sizeof(v), cv.st.max - cv.st.min);
			buf_printf(&b, " · ! %s %s (%s)", _("spread"), v,
				   _("M adopts the median"));
		}
	} else {
		buf_printf(&b, " · %s", _("no votes (V: my votes)"));
	}
	draw_role(spread(&cv.st) ? CR_WARNING : CR_NORMAL);
	/* Two rows for the votes when there is room for the rationale too. */
	used = 1 + to_wrap(y + 1, x, h >= 4 ? 2 : 1, w, buf_str(&b));
	buf_free(&b);
	if (h <= used)
		return;
	if (sc && !str_empty(sc->rationale)) {
		t = str_printf("%s: %s", _("Why"), sc->rationale);
		draw_role(CR_NORMAL);
		to_wrap(y + used, x, h - used, w, t ? t : "");
		free(t);
	} else {
		draw_role(CR_DIM);
		draw_clip(y + used, x, _("No rationale yet (r writes one)."), w);
	}
	draw_role(CR_NORMAL);
}

void to_matrix_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		    int w)
{
	const struct workshop_data *d = a->d;
	struct layout l;
	double *vals;
	int mw = w, sw = 0, rows, used, rank_h, detail_h;

	if (h < 4)
		return;
	if (d->n_approaches == 0 || d->n_criteria == 0) {
		draw_role(CR_DIM);
		draw_clip(y + 1, x + 1, d->n_criteria == 0
			  ? _("No criteria yet: c shows the criteria, n adds one.")
			  : _("No approaches yet: add them on screen 4."), w - 2);
		draw_role(CR_NORMAL);
		return;
	}
	vals = calloc(d->n_votes ? d->n_votes : 1, sizeof(*vals));
	if (!vals)
		return;
	/* Wide terminals get the sensitivity beside the matrix. */
	if (w >= 130) {
		sw = w - (1 + 24 + (int)d->n_criteria * 7 + 12);
		if (sw > 72)
			sw = 72;
		if (sw < w / 4)
			sw = w / 4;
		mw = w - sw - 1;
		draw_role(CR_DIM);
		draw_vline(y, x + mw, h);
		to_sens_draw(a, s, y, x + mw + 2, h, sw - 1, false);
	}
	lay_out(s, d->n_criteria, mw, &l);
	draw_header(a, s, &l, y, x, mw);
	/* Top down: rows, legend, the ranking, then the selected cell with
	 * whatever room is left (at least 3 rows; the ranking gives way on a
	 * short terminal, then rows scroll). */
	detail_h = 3;
	rank_h = (int)d->n_approaches + 1;
	rows = h - 3 - 1 - rank_h - 1 - detail_h;
	if (rows < (int)d->n_approaches) {
		rank_h = 0;
		rows = h - 3 - 1 - 1 - detail_h;
	}
	if (rows > (int)d->n_approaches)
		rows = (int)d->n_approaches;
	if (rows < 1)
		rows = 1;
	list_scroll(&s->rows, rows);
	for (int r = 0; r < rows; r++) {
		size_t ai = s->rows.top + (size_t)r;

		if (ai >= d->n_approaches)
			break;
		draw_row(a, s, &l, ai, vals, y + 3 + r, x, mw);
	}
	used = 3 + rows;
	draw_role(!s->have_sc ? CR_WARNING : CR_DIM);
	draw_clip(y + used, x + 1, !s->have_sc ? s->err
		  : _("· unscored  ~ votes' mean  ! votes spread (≥2 apart)  * incomplete"),
		  mw - 1);
	used++;
	if (rank_h && s->have_sc)
		used += draw_ranking(a, s, y + used + 1, x,
				     h - used - 2 - detail_h, mw) + 1;
	detail_h = h - used - 1;
	draw_role(CR_NORMAL);
	if (detail_h >= 1) {
		draw_hline(y + used, x, mw);
		used++;
	} else {
		detail_h = h - used;
	}
	draw_detail(a, s, vals, y + used, x + 1, detail_h, mw - 2);
	draw_role(CR_NORMAL);
	free(vals);
}

/* ---- keys ------------------------------------------------------------------ */
static bool cell_ok(struct app *a, struct tscreen *s)
{
	if (s->rows.sel < a->d->n_approaches && s->col < a->d->n_criteria)
		return true;
	app_msg(a, MSG_WARN, "%s", _("no cell: the matrix needs approaches and criteria"));
	return false;
}

/* The cell's value as it is now (the agreed score, or my vote) and the
 * row holding it (0: none). */
static bool cell_now(struct app *a, const char *ak, const char *ck, bool mine,
		     double *v, int64_t *version, int64_t *row)
{
	const struct workshop_data *d = a->d;
	int ai = wsdata_approach_index(d, ak), ci = wsdata_criterion_index(d, ck);

	*version = 0;
	if (row)
		*row = 0;
	if (ai < 0 || ci < 0)
		return false;
	if (mine) {
		const struct vote *mv = my_vote(a, (size_t)ai, (size_t)ci);

		if (!mv)
			return false;
		*version = mv->version;
		*v = mv->value;
		if (row)
			*row = mv->id;
		return true;
	} else {
		const struct score *sc = wsdata_score(d, ak, ck);

		if (!sc)
			return false;
		*version = sc->version;
		*v = sc->value;
		if (row)
			*row = sc->id;
		return sc->has_value;
	}
}

/*
 * Someone else set the cell since the value on screen was read: the store
 * said so (ST_CONFLICT) and wrote nothing.  A score is one number, so a
 * keep-mine / take-theirs / merge dialog would only ask which digit to
 * keep: the message says who set it to what (short enough for the message
 * line), the screen shows theirs, and the cursor stays on the cell for
 * the next digit, which replaces it.
 */
static void cell_conflict(struct app *a, const struct error *e,
			  const char *ak, const char *ck, bool mine,
			  const double *typed)
{
	char now[32], yours[32];
	int64_t version, row;
	char *who = NULL;
	double v = 0;

	app_reload(a);
	if (cell_now(a, ak, ck, mine, &v, &version, &row))
		num(now, sizeof(now), v);
	else
		snprintf(now, sizeof(now), "%s", _("no score"));
	if (typed)
		num(yours, sizeof(yours), *typed);
	else
		snprintf(yours, sizeof(yours), "%s", _("cleared"));
	if (row)
		who = to_changed_by(a, mine ? "vote" : "score", row);
	if (who)
		app_msg(a, MSG_WARN, _("not saved: %s set it to %s (yours: %s) · type again to replace"),
			who, now, yours);
	else
		app_msg(a, MSG_WARN, "%s", e->msg);
	free(who);
}

/* One cell (agreed score, or my vote when `mine`) set from the version
 * the edit started from; v NULL clears it. */
static int write_cell(struct app *a, const char *ak, const char *ck,
		      const double *v, int64_t expect, bool mine)
{
	struct mx_undo *pending_undo = NULL;
	int ai = wsdata_approach_index(a->d, ak);
	int ci = wsdata_criterion_index(a->d, ck);
	char *what, *akc = str_dup(ak), *ckc = str_dup(ck);
	struct error e;
	char vs[32] = "";
	int rc;

	/* The keys and names point into the data the save reloads. */
	what = ai >= 0 && ci >= 0
		? str_printf("%s · %s", a->d->approaches[ai].name,
			     to_crit_name(&a->d->criteria[ci]))
		: str_printf("%s · %s", ak, ck);
	if (!akc || !ckc || !what) {
		free(akc);
		free(ckc);
		free(what);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return ST_ERROR;
	}
	err_clear(&e);
	if (v)
		num(vs, sizeof(vs), *v);
	/* What the cell held, so that u can put it back (a digit pressed by
	 * mistake must not cost the room its score). */
	{
		struct tscreen *ts = tui_screen_state(a, &screen_tradeoffs_ops);
		struct mx_undo u = { 0 };
		int64_t ver;

		u.had = cell_now(a, akc, ckc, mine, &u.prev, &ver, NULL);
		u.mine = mine;
		u.ak = str_dup(akc);
		u.ck = str_dup(ckc);
		if (ts && u.ak && u.ck && !ts->undoing) {
			if (ts->n_undo == MX_UNDO_MAX) {
				undo_clear(&ts->undo[0]);
				memmove(ts->undo, ts->undo + 1,
					(MX_UNDO_MAX - 1) * sizeof(ts->undo[0]));
				ts->n_undo--;
			}
			ts->undo[ts->n_undo] = u;
			pending_undo = &ts->undo[ts->n_undo];
		} else {
			undo_clear(&u);
		}
	}
	rc = mine ? store_vote_set(a->store, a->ws, akc, ckc, v, expect, NULL,
				   &e)
		  : store_score_set(a->store, a->ws, akc, ckc, v, expect, NULL,
				    &e);
	if (pending_undo) {
		struct tscreen *ts = tui_screen_state(a, &screen_tradeoffs_ops);

		/* Only a saved change can be undone. */
		if (rc == ST_OK)
			ts->n_undo++;
		else
			undo_clear(pending_undo);
	}
	if (rc == ST_CONFLICT) {
		cell_conflict(a, &e, akc, ckc, mine, v);
	} else if (rc < 0) {
		app_error(a, &e);
	} else {
		app_reload(a);
		if (v)
			app_msg(a, MSG_OK, mine ? _("your vote on %s: %s")
				: _("%s scored %s"), what, vs);
		else
			app_msg(a, MSG_OK, mine ? _("your vote on %s cleared")
				: _("%s: score cleared"), what);
	}
	free(akc);
	free(ckc);
	free(what);
	return rc;
}

/* Put back what the last change made here replaced: a new edit of its
 * own, against the cell's current version, so a change by someone else
 * since is reported as a conflict, not overwritten. */
static void undo_last(struct app *a, struct tscreen *s)
{
	struct mx_undo u;
	int64_t version;
	double now;

	if (s->n_undo == 0) {
		app_msg(a, MSG_INFO, "%s", _("nothing to undo on the matrix in this session"));
		return;
	}
	u = s->undo[--s->n_undo];
	cell_now(a, u.ak, u.ck, u.mine, &now, &version, NULL);
	s->undoing = true;
	write_cell(a, u.ak, u.ck, u.had ? &u.prev : NULL, version, u.mine);
	s->undoing = false;
	undo_clear(&u);
}

static void set_cell(struct app *a, struct tscreen *s, const double *v)
{
	const struct workshop_data *d = a->d;
	const char *ak = d->approaches[s->rows.sel].key;
	const char *ck = d->criteria[s->col].key;
	int64_t version;
	double now;

	cell_now(a, ak, ck, s->mine, &now, &version, NULL);
	write_cell(a, ak, ck, v, version, s->mine);
}

/* The typed score: a number on the scale (decimals too), empty clears. */
static bool type_done(struct app *a, struct modal *m, bool ok)
{
	const struct workshop_data *d = a->d;
	char *t, *ck, *end, hint[160];
	double v;
	int rc;

	if (!ok || !m->key || !(ck = strchr(m->key, '\t')))
		return true;
	if (!(t = edit_text_trimmed(m, NULL)))
		return true;
	v = strtod(t, &end);
	if (*t && (*end || !isfinite(v) || v < d->ws.scale_min ||
		   v > d->ws.scale_max)) {
		char lo[32], hi[32];

		num(lo, sizeof(lo), d->ws.scale_min);
		num(hi, sizeof(hi), d->ws.scale_max);
		snprintf(hint, sizeof(hint), _("a number from %s to %s (empty clears) · Esc cancels"),
			 lo, hi);
		edit_set_hint(m, hint);
		free(t);
		return false;
	}
	*ck = '\0';
	rc = write_cell(a, m->key, ck + 1, *t ? &v : NULL, m->version,
			m->kind != 0);
	*ck = '\t';
	free(t);
	/* Saved, or the conflict was said (theirs is on screen): close.
	 * A busy database keeps the editor with the number typed. */
	return rc == ST_OK || rc == ST_CONFLICT;
}

static void type_score(struct app *a, struct tscreen *s)
{
	const struct workshop_data *d = a->d;
	const struct approach *ap = &d->approaches[s->rows.sel];
	const struct criterion *c = &d->criteria[s->col];
	char now[32] = "", lo[32], hi[32], *title, *hint;
	int64_t version;
	double v;
	struct modal *m;

	if (cell_now(a, ap->key, c->key, s->mine, &v, &version, NULL))
		num(now, sizeof(now), v);
	num(lo, sizeof(lo), d->ws.scale_min);
	num(hi, sizeof(hi), d->ws.scale_max);
	title = str_printf(s->mine ? _("Your vote: %s on %s")
			   : _("Score of %s on %s"), ap->name, to_crit_name(c));
	hint = str_printf(_("%s to %s, decimals too · empty clears · Enter save · Esc cancel"),
			  lo, hi);
	m = lineedit_new(title ? title : "", now, hint ? hint : "", type_done);
	free(title);
	free(hint);
	if (m) {
		m->scope = SC_EDIT;
		m->version = version;
		m->kind = s->mine;
		m->key = str_printf("%s\t%s", ap->key, c->key);
	}
	app_push(a, m);
}

/* Adopt the votes' median as the agreed score of one cell; 1 if it did,
 * 0 when the cell has no votes, negative on a store error. */
static int adopt(struct app *a, size_t ai, size_t ci, double *median)
{
	const struct workshop_data *d = a->d;
	const char *ak = d->approaches[ai].key, *ck = d->criteria[ci].key;
	const struct score *sc = wsdata_score(d, ak, ck);
	double *vals = calloc(d->n_votes ? d->n_votes : 1, sizeof(*vals));
	struct stats st;
	struct error e;
	size_t n;
	int rc;

	if (!vals)
		return ST_ERROR;
	n = cell_votes(d, ai, ci, vals, NULL, NULL, NULL);
	agg_stats(vals, n, &st);
	free(vals);
	if (n == 0)
		return 0;
	*median = st.median;
	if (sc && sc->has_value && fabs(sc->value - st.median) < 1e-12)
		return 1;
	err_clear(&e);
	rc = store_score_set(a->store, a->ws, ak, ck, &st.median,
			     sc ? sc->version : 0, NULL, &e);
	if (rc == ST_CONFLICT) {
		char *akc = str_dup(ak), *ckc = str_dup(ck);

		if (akc && ckc)
			cell_conflict(a, &e, akc, ckc, false, &st.median);
		free(akc);
		free(ckc);
		return rc;
	}
	if (rc < 0) {
		app_error(a, &e);
		return rc;
	}
	return 1;
}

static bool person_done(struct app *a, struct modal *m, bool ok)
{
	struct tscreen *s;
	struct strv names = { 0 };

	if (!ok)
		return true;
	s = tui_screen_state(a, &screen_tradeoffs_ops);
	if (!s || !a->d)
		return true;
	for (size_t i = 0; i < a->d->n_votes; i++)
		if (!strv_contains(&names, a->d->votes[i].participant))
			strv_push(&names, a->d->votes[i].participant);
	if (picker_selected(m) < names.n) {
		str_set(&s->person, names.v[picker_selected(m)]);
		s->show = MS_PERSON;
		s->mine = false;
		app_msg(a, MSG_INFO, _("showing the votes of %s"), s->person);
	}
	strv_free(&names);
	return true;
}

static void pick_person(struct app *a, struct tscreen *s)
{
	struct strv names = { 0 };
	const char **labels;
	struct modal *m;
	size_t sel = 0;

	for (size_t i = 0; i < a->d->n_votes; i++)
		if (!strv_contains(&names, a->d->votes[i].participant))
			strv_push(&names, a->d->votes[i].participant);
	if (names.n == 0) {
		app_msg(a, MSG_INFO, "%s", _("nobody has voted yet (V: my votes mode)"));
		return;
	}
	labels = calloc(names.n, sizeof(*labels));
	if (!labels) {
		strv_free(&names);
		return;
	}
	for (size_t i = 0; i < names.n; i++) {
		labels[i] = names.v[i];
		if (str_eq(names.v[i], s->person))
			sel = i;
	}
	m = picker_new(PICK_ONE, _("Whose votes?"), labels, names.n, sel,
		       person_done);
	if (m)
		m->scope = SC_PICKER;
	app_push(a, m);
	free(labels);
	strv_free(&names);
}

static void cycle_show(struct app *a, struct tscreen *s)
{
	s->mine = false;
	s->show = (enum mx_show)((s->show + 1) % MS_COUNT);
	if (s->show == MS_PERSON) {
		if (!s->person && a->d->n_votes)
			s->person = str_dup(a->d->votes[0].participant);
		if (!s->person)
			s->show = MS_AGREED;
	}
}

/*
 * The rationale is a score's text column, not a store_update field, so
 * app_save_field's dialog cannot take it.  On a conflict the editor stays
 * open with mine, theirs is shown, and the editor now counts from their
 * version: saving again writes mine (edited into a merge or not) over
 * theirs; Esc keeps theirs.  Nothing is written without the user seeing
 * both.
 */
static void rationale_conflict(struct app *a, struct modal *m,
			       const struct error *e, const char *ak,
			       const char *ck)
{
	const struct score *sc;
	char *who;

	app_reload(a);
	sc = wsdata_score(a->d, ak, ck);
	m->version = sc ? sc->version : 0;
	who = sc ? to_changed_by(a, "score", sc->id) : NULL;
	edit_set_hint(m, _("theirs changed: C-s writes yours over theirs · Esc keeps theirs"));
	conflict_show_both(a, who, sc ? sc->rationale : NULL, edit_text(m));
	if (who)
		app_msg(a, MSG_WARN, _("not saved: %s changed this rationale meanwhile; both are shown"),
			who);
	else
		app_msg(a, MSG_WARN, "%s", e->msg);
	free(who);
}

static bool rationale_done(struct app *a, struct modal *m, bool ok)
{
	struct error e;
	char *ck, *t;
	int rc;

	if (!ok || !m->key)
		return true;
	/* m->key is "approach\tcriterion". */
	if (!(ck = strchr(m->key, '\t')))
		return true;
	*ck++ = '\0';
	t = str_dup(edit_text(m));
	if (t)
		str_trim(t);
	err_clear(&e);
	rc = store_score_rationale(a->store, a->ws, m->key, ck, t ? t : "",
				   m->version, NULL, &e);
	if (rc == ST_CONFLICT) {
		rationale_conflict(a, m, &e, m->key, ck);
	} else if (rc < 0) {
		app_error(a, &e);
	} else {
		app_draft_done(a, m->draft_where);
		app_msg(a, MSG_OK, "%s", _("rationale saved"));
		app_reload(a);
	}
	ck[-1] = '\t';
	free(t);
	/* Open on a conflict (mine stays) or a busy database. */
	return rc == ST_OK || (rc < 0 && rc != ST_CONFLICT && rc != ST_BUSY);
}

static void edit_rationale(struct app *a, struct tscreen *s)
{
	const struct workshop_data *d = a->d;
	const struct approach *ap = &d->approaches[s->rows.sel];
	const struct criterion *c = &d->criteria[s->col];
	const struct score *sc = wsdata_score(d, ap->key, c->key);
	char *where = str_printf("score-rationale:%s/%s", ap->key, c->key);
	char *key = str_printf("%s\t%s", ap->key, c->key);
	char *title = str_printf(_("Why %s scores so on %s"), ap->name,
				 to_crit_name(c));

	if (where && key && title)
		app_edit(a, &(struct edit_req){
			.where = where, .title = title,
			.init = sc ? sc->rationale : NULL,
			.hint = _("C-s save · Esc cancel"), .multi = true,
			.done = rationale_done,
			.version = sc ? sc->version : 0, .key = key });
	free(where);
	free(key);
	free(title);
}

bool to_matrix_key(struct app *a, struct tscreen *s, enum action act)
{
	const struct workshop_data *d = a->d;
	double v, median = 0;
	size_t n = 0;
	int rc;

	switch (act) {
	case A_MX_LEFT:
		if (s->col > 0)
			s->col--;
		return true;
	case A_MX_RIGHT:
		if (s->col + 1 < d->n_criteria)
			s->col++;
		return true;
	case A_MX_SHOW:
		cycle_show(a, s);
		return true;
	case A_MX_PERSON:
		pick_person(a, s);
		return true;
	case A_MX_MINE:
		s->mine = !s->mine;
		if (s->mine)
			app_msg(a, MSG_INFO, _("my votes: digits now set your own vote as %s (V goes back)"),
				me(a));
		else
			app_msg(a, MSG_INFO, "%s", _("agreed scores: digits set the agreed score"));
		return true;
	case A_MX_SCORE:
		/* On the matrix every digit means a score, so that a digit
		 * never scores a cell here and jumps to a screen there; an
		 * observer, who cannot score, keeps digits for screens. */
		if (a->read_only || a->key < '0' || a->key > '9')
			return false;
		v = (double)(a->key - '0');
		if (v < d->ws.scale_min || v > d->ws.scale_max) {
			char lo[32], hi[32];

			str_number(lo, sizeof(lo), d->ws.scale_min);
			str_number(hi, sizeof(hi), d->ws.scale_max);
			app_msg(a, MSG_WARN,
				_("%c is off the score scale %s-%s (Tab or :goto N changes screens)"),
				a->key, lo, hi);
			return true;
		}
		if (cell_ok(a, s))
			set_cell(a, s, &v);
		return true;
	case A_MX_CLEAR:
		if (cell_ok(a, s))
			set_cell(a, s, NULL);
		return true;
	case A_MX_UNDO:
		undo_last(a, s);
		return true;
	case A_MX_TYPE:
		if (cell_ok(a, s))
			type_score(a, s);
		return true;
	case A_MX_RATIONALE:
		if (cell_ok(a, s))
			edit_rationale(a, s);
		return true;
	case A_MX_ADOPT:
		if (!cell_ok(a, s))
			return true;
		rc = adopt(a, s->rows.sel, s->col, &median);
		if (rc == 0) {
			app_msg(a, MSG_INFO, "%s", _("no votes on this cell to adopt"));
		} else if (rc > 0) {
			char mv[32];

			num(mv, sizeof(mv), median);
			app_reload(a);
			app_msg(a, MSG_OK, _("adopted the median %s as the agreed score"),
				mv);
		}
		return true;
	case A_MX_ADOPT_ALL:
		for (size_t ai = 0; a->d && ai < a->d->n_approaches; ai++) {
			for (size_t ci = 0; ci < a->d->n_criteria; ci++) {
				rc = adopt(a, ai, ci, &median);
				if (rc < 0)
					return true;
				if (rc > 0) {
					n++;
					/* Fresh versions for the next cell. */
					app_reload(a);
				}
			}
		}
		app_msg(a, n ? MSG_OK : MSG_INFO,
			_("adopted the median in %zu cells with votes"), n);
		return true;
	default:
		return false;
	}
}

#include "config.h"
/*
 * tradeoffs_matrix: the scoring matrix of screen 5 (approaches down,
 * criteria across), the weighted totals and ranks, the ranking as a bar
 * chart scaled to the leader, the selected cell's votes and rationale, and
 * the participants' own votes: the grid shows the agreed scores, the votes'
 * mean or median, or one participant's votes, and in "my votes" mode the
 * digits set your own vote.  Cells whose votes spread (two or more votes
 * at least 2 points apart) are marked "!" and coloured.  Totals, ranks and
 * sensitivity, and each cell's votes with their statistics, come from the
 * session's view.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/room.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/entry.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/utf8.h"

/* What one cell shows. */
struct cellview {
	bool set;
	double value;
	char mark;          /* ' ', '~' (from the votes' mean), '!' (spread),
			       '?' (in an open blind round) */
	char text[16];      /* instead of the value: a blind cell's ballots */
	const struct sess_cell *c;   /* the session's cell: votes, stats */
};

static const char *app_text(void *ctx, size_t i)
{
	struct app *a = ctx;

	return app_data(a) && i < app_data(a)->n_approaches ? app_data(a)->approaches[i].name : NULL;
}

void to_matrix_free(struct tscreen *s)
{
	list_free(&s->rows);
	free(s->person);
	s->person = NULL;
}

void to_matrix_refresh(struct app *a, struct tscreen *s,
		       const struct strv *old_ckeys)
{
	const struct workshop_data *d = app_data(a);
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
	return session_who(a->s);
}

/* The vote of `who` on a cell (NULL: none). */
static const struct vote *vote_of(const struct sess_cell *c, const char *who)
{
	for (size_t i = 0; c && who && i < c->n_votes; i++)
		if (str_eq(c->votes[i]->participant, who))
			return c->votes[i];
	return NULL;
}

/*
 * A cell of an open blind round, marked "?": the session has already
 * taken the others' values out, so what is left would read as "the votes'
 * mean" of one's own vote.  Show no value instead ("?"; a person's view
 * shows whether they voted, ✓), except one's own vote in my-votes mode
 * and an agreed score (not a vote).  The detail line says who voted.
 */
static void blind_view(struct app *a, const struct tscreen *s, size_t ai,
		       size_t ci, struct cellview *cv)
{
	const struct sess_room_cell *rc = session_room_cell(a->s, ai, ci);
	bool agreed = cv->c->score && cv->c->score->has_value;

	if (!rc || !rc->blind)
		return;
	cv->mark = '?';
	if (s->mine || (s->show == MS_AGREED && agreed) ||
	    (s->show == MS_PERSON && str_eq(s->person, me(a))))
		return;
	if (s->show == MS_PERSON) {
		bool voted = false;

		for (size_t i = 0; i < rc->voted.n; i++)
			voted = voted || str_eq(rc->voted.v[i], s->person);
		snprintf(cv->text, sizeof(cv->text), "%s", voted ? "✓" : "·");
	} else {
		snprintf(cv->text, sizeof(cv->text), "?");
	}
	cv->set = false;
}

static void cell_view(struct app *a, struct tscreen *s, size_t ai, size_t ci,
		      struct cellview *cv)
{
	const struct sess_cell *c = session_cell(a->s, ai, ci);
	const char *who = s->mine ? me(a)
			  : s->show == MS_PERSON ? s->person : NULL;
	const struct vote *theirs = vote_of(c, who);

	memset(cv, 0, sizeof(*cv));
	cv->mark = ' ';
	cv->c = c;
	if (!c)
		return;
	if (s->mine || s->show == MS_PERSON) {
		cv->set = theirs != NULL;
		cv->value = theirs ? theirs->value : 0;
	} else if (s->show == MS_MEAN || s->show == MS_MEDIAN) {
		cv->set = c->n_votes > 0;
		cv->value = s->show == MS_MEAN ? c->st.mean : c->st.median;
	} else if (s->v->scored) {
		size_t k = ai * s->v->sc.n_crit + ci;

		cv->set = s->v->sc.set[k];
		cv->value = s->v->sc.cells[k];
		if (s->v->sc.source[k] == CELL_VOTES)
			cv->mark = '~';
	} else {
		cv->set = c->score && c->score->has_value;
		cv->value = cv->set ? c->score->value : 0;
	}
	if (c->spread)
		cv->mark = '!';
	blind_view(a, s, ai, ci, cv);
}

/* "4", "3.5", "3.67": scores are small numbers. */
static void num(char *buf, size_t size, double v)
{
	num_fmt(buf, size, NUM_VALUE, v);
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

/* Column layout for a width: name, cell and tail widths, columns shown;
 * the approaches' names cut to the name column and the criteria's
 * headers (NULL entries: drawn as they are). */
struct layout {
	int nw, cw, tail;
	size_t first, shown;
	char **names, **heads;
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

/*
 * A criterion's header in `cols` columns: the widest form that fits, its
 * name, else its key, else its name cut (where it differs from the other
 * cut names).  New strings, NULL when out of memory.
 */
static const char *crit_name(const void *ctx, size_t i)
{
	return to_crit_name(&((const struct workshop_data *)ctx)->criteria[i]);
}

static char **crit_heads(const struct workshop_data *d, int cols)
{
	char **cut = names_fit_each(d->n_criteria, cols, crit_name, d);

	for (size_t c = 0; cut && c < d->n_criteria; c++) {
		const char *key = d->criteria[c].key;

		if (utf8_width(to_crit_name(&d->criteria[c])) > cols && key &&
		    *key && utf8_width(key) <= cols) {
			free(cut[c]);
			cut[c] = str_dup(key);
		}
	}
	return cut;
}

/* Is the scoring mode open (Enter on the matrix)? */
static bool scoring(const struct app *a)
{
	return a->n_modals && a->modals[a->n_modals - 1]->scope == SC_SCORING;
}

static void draw_header(struct app *a, struct tscreen *s,
			const struct layout *l, int y, int x, int w)
{
	const struct workshop_data *d = app_data(a);
	struct buf b;
	char *mode = to_matrix_mode(a, s);
	const struct vote_round *round = session_round_current(a->s);
	struct sess_round_progress rp = { 0 };
	char lo[32], hi[32];
	char *t;

	if (round)
		session_round_progress(a->s, &rp);
	num_fmt(lo, sizeof(lo), NUM_VALUE, d->ws.scale_min);
	num_fmt(hi, sizeof(hi), NUM_VALUE, d->ws.scale_max);
	t = scoring(a) ? str_printf(s->mine
			? _("SCORING your votes as %s: digits %s-%s score and move on · Esc done")
			: _("SCORING%s: digits %s-%s score and move on · Esc done"),
			s->mine ? me(a) : "", lo, hi)
	    : round && s->mine
	    ? str_printf(_("ROUND %d, blind · MY VOTES as %s: Enter to vote %s-%s · %zu of %zu done"),
			 round->number, me(a), lo, hi, rp.n_done, rp.names.n)
	    : round ? str_printf(_("ROUND %d OPEN, blind: %zu of %zu voted on every cell · V to vote%s"),
				 round->number, rp.n_done, rp.names.n,
				 session_is_facilitator(a->s) ? _(" · B reveals") : "")
	    : s->mine ? str_printf(_("MY VOTES as %s: Enter to vote %s-%s · V back"),
				 me(a), lo, hi)
		    : s->show == MS_AGREED
		    ? str_printf(_("Agreed scores: Enter to score %s-%s · v mean, median, person · V my votes"),
				 lo, hi)
		    : str_printf(_("Showing the %s · v cycles (totals: agreed, else votes' mean)"),
				 mode ? mode : "");
	draw_role(s->mine || scoring(a) || round ? CR_MARK : CR_DIM);
	draw_clip(y, x + 1, t ? t : "", w - 1);
	free(t);
	sess_round_progress_clear(&rp);
	free(mode);
	buf_init(&b);
	buf_puts(&b, " ");
	to_cell(&b, l->first ? "«" : "", l->nw, false);
	for (size_t c = l->first; c < l->first + l->shown; c++) {
		to_cell(&b, l->heads && l->heads[c] ? l->heads[c]
			: d->criteria[c].key, l->cw - 1, true);
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

		if (s->v->scored)
			num_fmt(pc, sizeof(pc), NUM_PERCENT, s->v->sc.weights[c]);
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
		     size_t ai, int y, int x, int w)
{
	char t2[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	bool sel = ai == s->rows.sel;
	struct buf b;
	int cx;

	buf_init(&b);
	buf_puts(&b, sel ? "›" : " ");
	to_cell(&b, l->names && l->names[ai] ? l->names[ai]
		: d->approaches[ai].name, l->nw, false);
	draw_role(sel ? CR_HEADING : CR_NORMAL);
	draw_line(y, x, buf_str(&b), w);
	cx = x + 1 + l->nw;
	for (size_t c = l->first; c < l->first + l->shown && cx < x + w; c++) {
		struct cellview cv;
		char v[32], m[2] = { 0, 0 };
		enum role r;

		cell_view(a, s, ai, c, &cv);
		if (cv.text[0])
			snprintf(v, sizeof(v), "%s", cv.text);
		else if (cv.set)
			num(v, sizeof(v), cv.value);
		else
			snprintf(v, sizeof(v), "·");
		m[0] = cv.mark;
		b.len = 0;
		to_cell(&b, v, l->cw - 1, true);
		buf_puts(&b, m);
		r = sel && c == s->col ? CR_SELECTED
		    : cv.mark == '?' ? CR_MARK
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
	if (s->v->scored && cx < x + w) {
		num_fmt(t2, sizeof(t2), NUM_TOTAL, s->v->sc.totals[ai]);
		buf_printf(&b, "%6s %2d%s", t2, s->v->sc.rank[ai],
			   s->v->sc.complete[ai] ? " " : "*");
		draw_role(s->v->sc.rank[ai] == 1 ? CR_OK : CR_NORMAL);
		draw_text(y, cx, buf_str(&b), x + w - cx);
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* The ranking as bars scaled to the leader's total. */
static int draw_ranking(struct app *a, struct tscreen *s, int y, int x,
			int h, int w)
{
	char t2[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	double top;
	int nw = w >= 100 ? 36 : 24, bw;
	char **names;
	struct buf b;

	if (!s->v->scored || d->n_approaches == 0 || h <= 0)
		return 0;
	top = s->v->sc.totals[s->v->sc.order[0]];
	bw = w - 4 - nw - 8 - 13;
	if (bw < 4)
		bw = 4;
	names = to_names_fit(d, nw);
	buf_init(&b);
	for (size_t r = 0; r < d->n_approaches && (int)r < h; r++) {
		size_t i = s->v->sc.order[r];

		buf_printf(&b, " %d. ", s->v->sc.rank[i]);
		to_cell(&b, names && names[i] ? names[i] : d->approaches[i].name,
			nw, false);
		buf_printf(&b, " %6s ", num_fmt(t2, sizeof(t2), NUM_TOTAL,
						   s->v->sc.totals[i]));
		to_bar(&b, top > 0 ? s->v->sc.totals[i] / top : 0, bw);
		if (!s->v->sc.complete[i])
			buf_printf(&b, " %s", _("incomplete"));
		draw_role(r == 0 ? CR_OK : s->v->sc.complete[i] ? CR_NORMAL
							      : CR_DIM);
		draw_line(y + (int)r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
	names_drop(&names, d->n_approaches);
	return (int)d->n_approaches < h ? (int)d->n_approaches : h;
}

/* A blind cell's votes: who voted in the round and who not yet, one's
 * own vote; and, from a second round on, the last revealed round's
 * median and range (Delphi: seen before voting again). */
static void room_detail(struct app *a, size_t ai, size_t ci, struct buf *b)
{
	const struct sess_room_cell *rc = session_room_cell(a->s, ai, ci);
	const struct sess_cell *c = session_cell(a->s, ai, ci);
	const struct vote *mine = vote_of(c, me(a));
	struct strv voted = { 0 }, not_voted = { 0 };
	char v[32], lo[32], hi[32];

	if (rc->blind) {
		session_cell_voters(a->s, ai, ci, &voted, &not_voted);
		buf_printf(b, " · %s", _("blind round"));
		buf_printf(b, " %d", rc->round);
		if (voted.n) {
			char *t = strv_join(&voted, ", ");

			buf_printf(b, " · %s: %s", _("voted"), t ? t : "");
			free(t);
		}
		if (not_voted.n) {
			char *t = strv_join(&not_voted, ", ");

			buf_printf(b, " · %s: %s", _("not yet"), t ? t : "");
			free(t);
		}
		if (mine) {
			num(v, sizeof(v), mine->value);
			buf_printf(b, " · %s %s", _("your vote"), v);
		}
		strv_free(&voted);
		strv_free(&not_voted);
	}
	if (rc->prev_round && rc->prev.n) {
		num(v, sizeof(v), rc->prev.median);
		num(lo, sizeof(lo), rc->prev.min);
		num(hi, sizeof(hi), rc->prev.max);
		buf_printf(b, " · ");
		buf_printf(b, _("round %d: median %s, range %s–%s"),
			   rc->prev_round, v, lo, hi);
	}
}

/* The selected cell: names, votes and rationale. */
static void draw_detail(struct app *a, struct tscreen *s, int y, int x,
			int h, int w)
{
	char pc[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	size_t ai = s->rows.sel, ci = s->col;
	const struct score *sc;
	struct cellview cv;
	struct buf b;
	int used;
	char *t;

	if (h <= 0 || ai >= d->n_approaches || ci >= d->n_criteria)
		return;
	cell_view(a, s, ai, ci, &cv);
	sc = wsdata_score(d, d->approaches[ai].key, d->criteria[ci].key);
	t = str_printf("%s · %s (%s %s)", d->approaches[ai].name,
		       to_crit_name(&d->criteria[ci]), _("weight"),
		       num_fmt(pc, sizeof(pc), NUM_PERCENT1,
			       s->v->scored ? s->v->sc.weights[ci] : 0.0));
	draw_role(CR_HEADING);
	/* The full names, on two rows when they need them. */
	used = to_wrap(y, x, h >= 4 ? 2 : 1, w, t ? t : "");
	free(t);
	if (used < 1)
		used = 1;
	y += used - 1;
	h -= used - 1;
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
	if (session_room_cell(a->s, ai, ci)->blind) {
		room_detail(a, ai, ci, &b);
	} else if (cv.c->st.n) {
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
		num(v, sizeof(v), cv.c->st.mean);
		buf_printf(&b, " · %s %s", _("mean"), v);
		num(v, sizeof(v), cv.c->st.median);
		buf_printf(&b, " · %s %s", _("median"), v);
		if (cv.c->spread) {
			num(v, sizeof(v), cv.c->st.max - cv.c->st.min);
			buf_printf(&b, " · ! %s %s (%s)", _("spread"), v,
				   _("M adopts the median"));
		}
		room_detail(a, ai, ci, &b);
	} else {
		buf_printf(&b, " · %s", _("no votes (V: my votes)"));
	}
	draw_role(cv.c->spread ? CR_WARNING : CR_NORMAL);
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
	const struct workshop_data *d = app_data(a);
	struct layout l;
	int mw = w, sw = 0, rows, used, rank_h, detail_h;

	s->drawn.valid = false;
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
	l.names = to_names_fit(d, l.nw);
	l.heads = crit_heads(d, l.cw - 1);
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
	list_place(&s->rows, y + 3);
	for (int r = 0; r < rows; r++) {
		size_t ai = s->rows.top + (size_t)r;

		if (ai >= d->n_approaches)
			break;
		draw_row(a, s, &l, ai, y + 3 + r, x, mw);
	}
	used = 3 + rows;
	draw_role(!s->v->scored ? CR_WARNING : CR_DIM);
	draw_clip(y + used, x + 1, !s->v->scored ? s->v->score_err
		  : session_round_current(a->s)
		  ? _("· unscored  ? blind round: votes hidden (below: who voted)  * incomplete")
		  : _("· unscored  ~ votes' mean  ! votes spread (≥2 apart)  * incomplete"),
		  mw - 1);
	used++;
	if (rank_h && s->v->scored)
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
	draw_detail(a, s, y + used, x + 1, detail_h, mw - 2);
	draw_role(CR_NORMAL);
	names_drop(&l.names, d->n_approaches);
	names_drop(&l.heads, d->n_criteria);
	s->drawn.valid = true;
	s->drawn.y = y;
	s->drawn.x = x;
	s->drawn.h = h;
	s->drawn.w = w;
	s->drawn.sel = s->rows.sel;
	s->drawn.col = s->col;
	s->drawn.top = s->rows.top;
	s->drawn.col0 = l.first;
	s->drawn.show = s->show;
	s->drawn.mine = s->mine;
	s->drawn.rows_y = y + 3;
	s->drawn.rows = rows;
	s->drawn.mw = mw;
	s->drawn.detail_y = y + used;
	s->drawn.detail_h = detail_h;
}

/*
 * A move of the cursor cell on the last frame: the row it left, the row
 * it entered and the detail of the new cell, nothing else (the header,
 * the ranking and the sensitivity beside do not follow the cursor).
 * Anything else that changed wants the full frame.
 */
bool to_matrix_draw_light(struct app *a, struct tscreen *s, int y, int x,
			  int h, int w)
{
	const struct workshop_data *d = app_data(a);
	struct layout l;
	size_t old = s->drawn.sel;

	if (!s->drawn.valid || s->drawn.y != y || s->drawn.x != x ||
	    s->drawn.h != h || s->drawn.w != w ||
	    s->drawn.show != s->show || s->drawn.mine != s->mine ||
	    s->rows.sel >= d->n_approaches || s->col >= d->n_criteria)
		return false;
	lay_out(s, d->n_criteria, s->drawn.mw, &l);
	list_scroll(&s->rows, s->drawn.rows);
	if (s->rows.top != s->drawn.top || l.first != s->drawn.col0)
		return false;
	l.names = to_names_fit(d, l.nw);
	l.heads = NULL;
	if (old != s->rows.sel || s->drawn.col != s->col) {
		if (old >= s->rows.top &&
		    old < s->rows.top + (size_t)s->drawn.rows &&
		    old < d->n_approaches)
			draw_row(a, s, &l, old, s->drawn.rows_y +
				 (int)(old - s->rows.top), x, s->drawn.mw);
		draw_row(a, s, &l, s->rows.sel, s->drawn.rows_y +
			 (int)(s->rows.sel - s->rows.top), x, s->drawn.mw);
		draw_role(CR_NORMAL);
		draw_fill(s->drawn.detail_y, x, s->drawn.detail_h,
			  s->drawn.mw);
		draw_detail(a, s, s->drawn.detail_y, x + 1, s->drawn.detail_h,
			    s->drawn.mw - 2);
		draw_role(CR_NORMAL);
	}
	names_drop(&l.names, d->n_approaches);
	s->drawn.sel = s->rows.sel;
	s->drawn.col = s->col;
	return true;
}

/* ---- keys ------------------------------------------------------------------ */
static bool cell_ok(struct app *a, struct tscreen *s)
{
	if (s->rows.sel < app_data(a)->n_approaches && s->col < app_data(a)->n_criteria)
		return true;
	app_msg(a, MSG_WARN, "%s", _("no cell: the matrix needs approaches and criteria"));
	return false;
}

/* The cell's value as it is now (the agreed score, or my vote) and the
 * version of the row holding it (0: none). */
static bool cell_now(struct app *a, size_t ai, size_t ci, bool mine,
		     double *v, int64_t *version)
{
	const struct sess_cell *c = session_cell(a->s, ai, ci);
	const struct vote *mv = c ? c->mine : NULL;
	const struct score *sc = c ? c->score : NULL;

	*version = 0;
	*v = 0;
	if (mine && mv) {
		*version = mv->version;
		*v = mv->value;
		return true;
	}
	if (!mine && sc) {
		*version = sc->version;
		*v = sc->value;
		return sc->has_value;
	}
	return false;
}

/* The typed or struck cell: the approach and criterion keys. */
struct cell_ref {
	char *ak, *ck;
};

static void cell_ref_free(void *p)
{
	struct cell_ref *c = p;

	if (!c)
		return;
	free(c->ak);
	free(c->ck);
	free(c);
}

static struct cell_ref *cell_ref_new(const char *ak, const char *ck)
{
	struct cell_ref *c = calloc(1, sizeof(*c));

	if (c && (!(c->ak = str_dup(ak)) || !(c->ck = str_dup(ck)))) {
		cell_ref_free(c);
		c = NULL;
	}
	return c;
}

/*
 * Someone else set the cell since the value on screen was read: nothing
 * was written.  The same dialog as a text conflict shows theirs and mine
 * (keep mine / take theirs); ak NULL (every median at once) says so in
 * the message line.
 */
static void cell_conflict(struct app *a, const struct sess_result *r,
			  const double *typed, const char *ak, const char *ck,
			  bool mine)
{
	app_score_conflict(a, ak, ck, mine, typed, r);
}

/* One cell (agreed score, or my vote when `mine`) set from the version
 * the edit started from; v NULL clears it. */
static int write_cell(struct app *a, const char *ak, const char *ck,
		      const double *v, int64_t expect, bool mine)
{
	int ai = wsdata_approach_index(app_data(a), ak);
	int ci = wsdata_criterion_index(app_data(a), ck);
	struct sess_result r = { 0 };
	char *what;
	char vs[32] = "";
	int rc;

	what = ai >= 0 && ci >= 0
		? str_printf("%s · %s", app_data(a)->approaches[ai].name,
			     to_crit_name(&app_data(a)->criteria[ci]))
		: str_printf("%s · %s", ak, ck);
	if (v)
		num(vs, sizeof(vs), *v);
	rc = mine ? session_set_vote(a->s, ak, ck, v, expect, &r)
		  : session_set_score(a->s, ak, ck, v, expect, &r);
	if (r.status == SESS_CONFLICT)
		cell_conflict(a, &r, v, ak, ck, mine);
	else if (!sess_ok(&r))
		app_result(a, &r, NULL);
	else if (v)
		app_msg(a, MSG_OK, mine ? _("your vote on %s: %s")
			: _("%s scored %s"), what ? what : "", vs);
	else
		app_msg(a, MSG_OK, mine ? _("your vote on %s cleared")
			: _("%s: score cleared"), what ? what : "");
	sess_result_clear(&r);
	free(what);
	return rc;
}

/* Take back my last change (a mistaken digit must not cost the room its
 * score): a new edit of its own, refused when someone changed the cell
 * since. */
static void set_cell(struct app *a, struct tscreen *s, const double *v)
{
	const struct workshop_data *d = app_data(a);
	int64_t version;
	double now;

	cell_now(a, s->rows.sel, s->col, s->mine, &now, &version);
	write_cell(a, d->approaches[s->rows.sel].key, d->criteria[s->col].key,
		   v, version, s->mine);
}

/* The typed score: a number on the scale (decimals too), empty clears. */
static bool type_done(struct app *a, struct modal *m, bool ok)
{
	const struct workshop_data *d = app_data(a);
	const struct cell_ref *c = m->ctx;
	char *t, hint[160];
	double v = 0;
	int rc;

	if (!ok || !c)
		return true;
	if (!(t = edit_text_trimmed(m, NULL)))
		return true;
	if (*t && (num_parse(t, &v) < 0 || v < d->ws.scale_min ||
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
	rc = write_cell(a, c->ak, c->ck, *t ? &v : NULL, m->version,
			m->kind != 0);
	free(t);
	/* Saved, or the conflict was said (theirs is on screen): close.
	 * A busy database keeps the editor with the number typed. */
	return rc == ST_OK || rc == ST_CONFLICT;
}

static void type_score(struct app *a, struct tscreen *s)
{
	const struct workshop_data *d = app_data(a);
	const struct approach *ap = &d->approaches[s->rows.sel];
	const struct criterion *c = &d->criteria[s->col];
	char now[32] = "", lo[32], hi[32], *title, *hint;
	int64_t version;
	double v;
	struct modal *m;

	if (cell_now(a, s->rows.sel, s->col, s->mine, &v, &version))
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
		m->ctx = cell_ref_new(ap->key, c->key);
		m->ctx_free = cell_ref_free;
	}
	app_push(a, m);
}

static bool person_done(struct app *a, struct modal *m, bool ok)
{
	struct tscreen *s;
	struct strv names = { 0 };

	if (!ok)
		return true;
	s = tui_screen_state(a, &screen_tradeoffs_ops);
	if (!s || !app_data(a))
		return true;
	for (size_t i = 0; i < app_data(a)->n_votes; i++)
		if (!strv_contains(&names, app_data(a)->votes[i].participant))
			strv_push(&names, app_data(a)->votes[i].participant);
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

	for (size_t i = 0; i < app_data(a)->n_votes; i++)
		if (!strv_contains(&names, app_data(a)->votes[i].participant))
			strv_push(&names, app_data(a)->votes[i].participant);
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
		if (!s->person && app_data(a)->n_votes)
			s->person = str_dup(app_data(a)->votes[0].participant);
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
static bool rationale_done(struct app *a, struct modal *m, bool ok)
{
	const struct cell_ref *c = m->ctx;
	struct sess_result r = { 0 };
	char *t;
	int rc;

	if (!ok || !c)
		return true;
	t = str_dup(edit_text(m));
	if (t)
		str_trim(t);
	rc = session_set_rationale(a->s, c->ak, c->ck, t ? t : "", m->version,
				   m->draft_where, &r);
	if (r.status == SESS_CONFLICT) {
		/* Mine stays in the open editor: no draft needed. */
		app_draft_done(a, m->draft_where);
		m->version = r.their_version;
		edit_set_hint(m, _("theirs changed: C-s writes yours over theirs · Esc keeps theirs"));
		conflict_show_both(a, r.who, r.theirs, edit_text(m));
		if (r.who)
			app_msg(a, MSG_WARN, _("not saved: %s changed this rationale meanwhile; both are shown"),
				r.who);
		else
			app_msg(a, MSG_WARN, "%s", r.msg);
	} else if (sess_ok(&r)) {
		app_msg(a, MSG_OK, "%s", _("rationale saved"));
	} else {
		app_result(a, &r, NULL);
	}
	sess_result_clear(&r);
	free(t);
	/* Open on a conflict (mine stays) or a busy database. */
	return rc == ST_OK || (rc < 0 && rc != ST_CONFLICT && rc != ST_BUSY);
}

static void edit_rationale(struct app *a, struct tscreen *s)
{
	const struct workshop_data *d = app_data(a);
	const struct approach *ap = &d->approaches[s->rows.sel];
	const struct criterion *c = &d->criteria[s->col];
	const struct score *sc = session_cell(a->s, s->rows.sel, s->col)->score;
	char *where = str_printf("score-rationale:%s/%s", ap->key, c->key);
	char *title = str_printf(_("Why %s scores so on %s"), ap->name,
				 to_crit_name(c));

	if (where && title)
		app_edit(a, &(struct edit_req){
			.where = where, .title = title,
			.init = sc ? sc->rationale : NULL,
			.hint = _("C-s save · Esc cancel"), .multi = true,
			.done = rationale_done,
			.version = sc ? sc->version : 0,
			.ctx = cell_ref_new(ap->key, c->key),
			.ctx_free = cell_ref_free });
	free(where);
	free(title);
}

/* A digit scores the cell: on the scale, then the cursor moves on to the
 * next criterion (and on to the next approach at the end of a row). */
static void score_digit(struct app *a, struct tscreen *s, int key)
{
	const struct workshop_data *d = app_data(a);
	double v = (double)(key - '0');
	int64_t version;
	double now;

	if (v < d->ws.scale_min || v > d->ws.scale_max) {
		char lo[32], hi[32];

		num_fmt(lo, sizeof(lo), NUM_VALUE, d->ws.scale_min);
		num_fmt(hi, sizeof(hi), NUM_VALUE, d->ws.scale_max);
		app_msg(a, MSG_WARN, _("%c is off the score scale %s-%s"), key, lo,
			hi);
		return;
	}
	cell_now(a, s->rows.sel, s->col, s->mine, &now, &version);
	if (write_cell(a, d->approaches[s->rows.sel].key,
		       d->criteria[s->col].key, &v, version, s->mine) != ST_OK)
		return;
	if (s->col + 1 < d->n_criteria) {
		s->col++;
	} else if (s->rows.sel + 1 < d->n_approaches) {
		s->col = 0;
		list_select(&s->rows, s->rows.sel + 1);
	}
}

/* The scoring mode's keys (Enter on the matrix; Esc leaves). */
static enum modal_result scoring_key(struct app *a, enum action act, int key)
{
	struct tscreen *s = tui_screen_state(a, &screen_tradeoffs_ops);
	const struct workshop_data *d = app_data(a);

	if (!s || !d || !cell_ok(a, s))
		return MODAL_OK;
	switch (act) {
	case A_MX_SCORE:
		if (!app_refuse_readonly(a))
			score_digit(a, s, key);
		break;
	case A_MX_CLEAR:
		if (!app_refuse_readonly(a))
			set_cell(a, s, NULL);
		break;
	case A_UNDO:
		app_undo(a);
		break;
	case A_MX_LEFT:
		if (s->col > 0)
			s->col--;
		break;
	case A_MX_RIGHT:
		if (s->col + 1 < d->n_criteria)
			s->col++;
		break;
	case A_UP:
	case A_DOWN:
		list_nav(&s->rows, act);
		break;
	default:
		break;
	}
	return MODAL_CONTINUE;
}

enum reaction to_matrix_key(struct app *a, struct tscreen *s, enum action act)
{
	const struct workshop_data *d = app_data(a);
	struct sess_result r = { 0 };
	double median = 0;

	switch (act) {
	case A_MX_LEFT:
		if (s->col > 0)
			s->col--;
		return R_DONE;
	case A_MX_RIGHT:
		if (s->col + 1 < d->n_criteria)
			s->col++;
		return R_DONE;
	case A_MX_SHOW:
		cycle_show(a, s);
		return R_DONE;
	case A_MX_PERSON:
		pick_person(a, s);
		return R_DONE;
	case A_MX_MINE:
		s->mine = !s->mine;
		if (s->mine)
			app_msg(a, MSG_INFO, _("my votes: scoring (Enter) now sets your own vote as %s (V goes back)"),
				me(a));
		else
			app_msg(a, MSG_INFO, "%s", _("agreed scores: scoring (Enter) sets the agreed score"));
		return R_DONE;
	case A_MX_ENTER:
		if (!cell_ok(a, s))
			return R_DONE;
		app_push(a, entry_new(SC_SCORING, _("scoring"), scoring_key));
		return R_DONE;
	case A_MX_CLEAR:
		if (cell_ok(a, s))
			set_cell(a, s, NULL);
		return R_DONE;
	case A_MX_TYPE:
		if (cell_ok(a, s))
			type_score(a, s);
		return R_DONE;
	case A_MX_RATIONALE:
		if (cell_ok(a, s))
			edit_rationale(a, s);
		return R_DONE;
	case A_MX_ADOPT:
		if (!cell_ok(a, s))
			return R_DONE;
		median = session_cell(a->s, s->rows.sel, s->col)->st.median;
		session_adopt_median(a->s, s->rows.sel, s->col, &r);
		if (r.status == SESS_CONFLICT) {
			cell_conflict(a, &r, &median,
				      app_data(a)->approaches[s->rows.sel].key,
				      app_data(a)->criteria[s->col].key, false);
		} else if (!sess_ok(&r)) {
			app_result(a, &r, NULL);
		} else if (!session_cell(a->s, s->rows.sel, s->col)->n_votes) {
			app_msg(a, MSG_INFO, "%s", _("no votes on this cell to adopt"));
		} else if (r.count == 0) {
			app_msg(a, MSG_INFO, "%s",
				_("the agreed score is already the votes' median"));
		} else {
			char mv[32];

			num(mv, sizeof(mv), median);
			app_msg(a, MSG_OK, _("adopted the median %s as the agreed score"),
				mv);
		}
		sess_result_clear(&r);
		return R_DONE;
	case A_MX_ROUND:
		room_key_round(a, s->rows.sel, s->col);
		return R_DONE;
	case A_MX_ADOPT_ALL:
		session_adopt_medians(a->s, &r);
		if (r.status == SESS_CONFLICT)
			cell_conflict(a, &r, NULL, NULL, NULL, false);
		else if (!sess_ok(&r))
			app_result(a, &r, NULL);
		else if (r.count == 0)
			app_msg(a, MSG_INFO, "%s",
				_("every cell with votes already has their median"));
		else
			app_msg(a, MSG_OK,
				ngettext("adopted the median in %zu cell (u undoes it)",
					 "adopted the median in %zu cells (u undoes them)",
					 r.count),
				r.count);
		sess_result_clear(&r);
		return R_DONE;
	default:
		return R_PASS;
	}
}

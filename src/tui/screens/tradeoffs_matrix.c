#include "config.h"
/*
 * tradeoffs_matrix: the scoring matrix of screen 5 as it is drawn
 * (tradeoffs_matrix_keys.c: what its keys do): approaches down,
 * criteria across, the weighted totals and ranks, the ranking as a bar
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

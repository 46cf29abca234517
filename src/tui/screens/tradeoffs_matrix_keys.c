#include "config.h"
/*
 * tradeoffs_matrix_keys: what the keys of the scoring matrix do (screen 5):
 * scoring a cell (the scoring mode after Enter, a typed score, x clears),
 * one's own votes, the rationale, which votes are shown, adopting the
 * median, the blind rounds (B), and a score set by two people at once.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/room.h"
#include "tui/screens.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/entry.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/utf8.h"

static const char *me(struct app *a)
{
	return session_who(a->s);
}

/* "4", "3.5", "3.67": scores are small numbers. */
static void num(char *buf, size_t size, double v)
{
	num_fmt(buf, size, NUM_VALUE, v);
}

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

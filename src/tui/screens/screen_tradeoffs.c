#include "config.h"
/*
 * screen 5, Trade-offs: where the room scores the approaches side by side
 * and argues about weights.  This file owns the screen itself (its views:
 * matrix, criteria, pairwise and sensitivity, switched with m, c, p and s
 * from anywhere on the screen), the criteria list with raw and normalised
 * weights (add, rename, describe, weigh, nudge, remove, reorder, apply the
 * findings' nudges, switch direct and AHP weighting) and the sensitivity
 * panel.  The pairwise view is tradeoffs_ahp.c, the matrix and the votes
 * tradeoffs_matrix.c.  Every number comes from the engine.
 */

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/utf8.h"

/* ---- small helpers shared by the three files ------------------------------ */
void to_bar(struct buf *b, double frac, int cols)
{
	static const char *const part[8] = {
		"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"
	};
	int eighths, used = 0;

	if (!(frac > 0))
		frac = 0;
	if (frac > 1)
		frac = 1;
	eighths = (int)lround(frac * cols * 8);
	for (; eighths >= 8 && used < cols; eighths -= 8, used++)
		buf_puts(b, "█");
	if (eighths > 0 && used < cols) {
		buf_puts(b, part[eighths]);
		used++;
	}
	for (; used < cols; used++)
		buf_putc(b, ' ');
}

const char *to_crit_name(const struct criterion *c)
{
	return !str_empty(c->name) ? c->name : c->key ? c->key : "?";
}

void to_cell(struct buf *b, const char *s, int cols, bool right)
{
	if (cols > 0)
		draw_cell(b, s ? s : "", cols, right);
}

int to_wrap(int y, int x, int h, int w, const char *s)
{
	return draw_wrapped(y, x, h, w, s);
}

int to_key_index(const struct strv *keys, const char *key)
{
	for (size_t i = 0; key && i < keys->n; i++)
		if (str_eq(keys->v[i], key))
			return (int)i;
	return -1;
}

static void keys_snapshot(struct strv *out, const struct workshop_data *d,
			  bool criteria)
{
	size_t n = criteria ? d->n_criteria : d->n_approaches;

	strv_free(out);
	for (size_t i = 0; i < n; i++)
		strv_push(out, criteria ? d->criteria[i].key
				       : d->approaches[i].key);
}

/* ---- the screen ----------------------------------------------------------- */
static const char *crit_text(void *ctx, size_t i)
{
	struct app *a = ctx;

	return app_data(a) && i < app_data(a)->n_criteria ? to_crit_name(&app_data(a)->criteria[i])
					    : NULL;
}

static void to_refresh(struct app *a, void *state)
{
	struct tscreen *s = state;
	const struct workshop_data *d = app_data(a);
	struct strv old = { 0 };
	int keep = -1;

	if (!d)
		return;
	if (s->crit.sel < s->ckeys.n)
		keep = (int)s->crit.sel;
	/* The old keys survive until every part has found its row again. */
	old = s->ckeys;
	memset(&s->ckeys, 0, sizeof(s->ckeys));
	s->v = app_view(a);
	list_set_count(&s->crit, d->n_criteria);
	if (keep >= 0) {
		int i = wsdata_criterion_index(d, old.v[keep]);

		list_select(&s->crit, i >= 0 ? (size_t)i
			    : (size_t)keep < d->n_criteria ? (size_t)keep
			    : d->n_criteria ? d->n_criteria - 1 : 0);
	}
	for (size_t i = 0; s->want_crit && i < d->n_criteria; i++)
		if (d->criteria[i].id == s->want_crit)
			list_select(&s->crit, i);
	s->want_crit = 0;
	to_ahp_refresh(a, s, &old);
	to_matrix_refresh(a, s, &old);
	keys_snapshot(&s->ckeys, d, true);
	keys_snapshot(&s->akeys, d, false);
	strv_free(&old);
}

static int to_open(struct app *a, void **state)
{
	struct tscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	list_init(&s->crit, a, crit_text, NULL);
	s->view = TV_MATRIX;
	*state = s;
	to_refresh(a, s);
	return ST_OK;
}

static void to_close(struct app *a, void *state)
{
	struct tscreen *s = state;

	(void)a;
	to_ahp_free(s);
	to_matrix_free(s);
	list_free(&s->crit);
	strv_free(&s->ckeys);
	strv_free(&s->akeys);
	free(s);
}

static struct list *to_list(struct app *a, void *state)
{
	struct tscreen *s = state;

	(void)a;
	switch (s->view) {
	case TV_PAIRWISE:
		return &s->pairs;
	case TV_MATRIX:
		return &s->rows;
	default:
		return &s->crit;
	}
}

static enum scope to_scope(struct app *a, void *state)
{
	struct tscreen *s = state;

	(void)a;
	return s->view == TV_PAIRWISE ? SC_AHP
	       : s->view == TV_MATRIX ? SC_MATRIX : SC_TRADEOFFS;
}

static const char *view_name(enum to_view v)
{
	switch (v) {
	case TV_MATRIX:
		return _("matrix");
	case TV_CRITERIA:
		return _("criteria");
	case TV_PAIRWISE:
		return _("pairwise");
	default:
		return _("sensitivity");
	}
}

static void to_status(struct app *a, void *state, char *buf, size_t size)
{
	struct tscreen *s = state;
	char *mode = NULL;

	if (s->view == TV_MATRIX)
		mode = to_matrix_mode(a, s);
	snprintf(buf, size, "%s · %s", view_name(s->view),
		 mode ? mode : app_data(a)->ws.weighting == WEIGHTING_AHP
		 ? _("AHP weights") : _("direct weights"));
	free(mode);
}

/* The line of view "tabs" at the top: which part is shown, and the keys. */
static void draw_views(struct tscreen *s, int y, int x, int w)
{
	static const enum to_view order[] = {
		TV_MATRIX, TV_CRITERIA, TV_PAIRWISE, TV_SENSITIVITY
	};
	static const char keych[] = { 'm', 'c', 'p', 's' };
	int used = 0;

	draw_role(CR_NORMAL);
	draw_fill(y, x, 1, w);
	for (size_t i = 0; i < 4 && used < w; i++) {
		char lab[64];

		snprintf(lab, sizeof(lab), " %c %s ", keych[i],
			 view_name(order[i]));
		draw_role(s->view == order[i] ? CR_TAB_ACTIVE : CR_TAB);
		used += draw_text(y, x + used, lab, w - used);
		draw_role(CR_NORMAL);
		if (used < w)
			used += draw_text(y, x + used, " ", w - used);
	}
	draw_role(CR_NORMAL);
}

/* ---- criteria view -------------------------------------------------------- */
static void draw_criteria(struct app *a, struct tscreen *s, int y, int x,
			  int h, int w)
{
	const struct workshop_data *d = app_data(a);
	bool ahp = d->ws.weighting == WEIGHTING_AHP;
	int craw = 6, cnorm = 7, cbar = w >= 120 ? 40 : w >= 76 ? 20 : 10;
	int cname = w - 2 - craw - cnorm - cbar - 3, rows, desc_h;
	double top = 0;
	struct buf b;
	char *t;

	if (cname < 8)
		cname = 8;
	buf_init(&b);
	t = ahp ? str_printf(_("Criteria (%zu) · AHP weights from the pairwise judgements (p)"),
			     d->n_criteria)
		: str_printf(_("Criteria (%zu) · direct weights (a switches to AHP)"),
			     d->n_criteria);
	draw_role(CR_HEADING);
	draw_clip(y, x, t ? t : "", w);
	free(t);
	buf_puts(&b, "  ");
	to_cell(&b, _("Criterion"), cname, false);
	buf_putc(&b, ' ');
	to_cell(&b, _("Raw"), craw, true);
	buf_putc(&b, ' ');
	to_cell(&b, _("Weight"), cnorm, true);
	buf_putc(&b, ' ');
	draw_role(CR_DIM);
	draw_line(y + 1, x, buf_str(&b), w);
	b.len = 0;
	if (d->n_criteria == 0) {
		draw_role(CR_DIM);
		draw_line(y + 3, x + 2, _("No criteria yet: n adds one."), w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	for (size_t i = 0; s->v->scored && i < d->n_criteria; i++)
		if (s->v->sc.weights[i] > top)
			top = s->v->sc.weights[i];
	desc_h = h >= 16 ? 4 : h >= 12 ? 2 : 0;
	rows = h - 2 - desc_h;
	if (rows < 1)
		rows = 1;
	list_scroll(&s->crit, rows);
	list_place(&s->crit, y + 2);
	for (int r = 0; r < rows; r++) {
		size_t i = s->crit.top + (size_t)r;
		const struct criterion *c;
		char raw[32], norm[32];

		if (i >= d->n_criteria)
			break;
		c = &d->criteria[i];
		num_fmt(raw, sizeof(raw), NUM_VALUE, c->weight);
		if (s->v->scored)
			num_fmt(norm, sizeof(norm), NUM_PERCENT1,
				s->v->sc.weights[i]);
		else
			snprintf(norm, sizeof(norm), "—");
		buf_puts(&b, i == s->crit.sel ? "›" : " ");
		buf_putc(&b, ' ');
		to_cell(&b, to_crit_name(c), cname, false);
		buf_putc(&b, ' ');
		to_cell(&b, raw, craw, true);
		buf_putc(&b, ' ');
		to_cell(&b, norm, cnorm, true);
		buf_putc(&b, ' ');
		to_bar(&b, s->v->scored && top > 0 ? s->v->sc.weights[i] / top : 0,
		       cbar);
		draw_role(i == s->crit.sel ? CR_SELECTED : CR_NORMAL);
		draw_line(y + 2 + r, x, buf_str(&b), w);
		/* Raw weights are not what counts under AHP: dim them. */
		if (ahp && i != s->crit.sel) {
			draw_role(CR_DIM);
			b.len = 0;
			to_cell(&b, raw, craw, true);
			draw_text(y + 2 + r, x + 2 + cname + 1, buf_str(&b), craw);
		}
		b.len = 0;
	}
	if (desc_h && s->crit.sel < d->n_criteria) {
		const struct criterion *c = &d->criteria[s->crit.sel];
		int dy = y + h - desc_h;

		draw_role(CR_NORMAL);
		draw_hline(dy, x, w);
		if (!s->v->scored || (ahp && s->v->ahp_missing)) {
			char *m = ahp && s->v->ahp_missing
				? str_printf(_("AHP weights need every pairwise judgement: %zu of %zu missing (p)"),
					     s->v->ahp_missing, s->n_pairs)
				: NULL;

			draw_role(CR_WARNING);
			draw_clip(dy + 1, x + 1, m ? m : s->v->score_err, w - 2);
			free(m);
			dy++;
		}
		draw_role(str_empty(c->description) ? CR_DIM : CR_NORMAL);
		to_wrap(dy + 1, x + 1, y + h - dy - 1, w - 2,
			str_empty(c->description)
			? _("No description (E writes one).") : c->description);
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static const char *approach_name(const void *ctx, size_t i)
{
	return ((const struct workshop_data *)ctx)->approaches[i].name;
}

char **to_names_fit(const struct workshop_data *d, int cols)
{
	return names_fit_each(d->n_approaches, cols, approach_name, d);
}

/* ---- sensitivity ---------------------------------------------------------- */
void to_sens_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		  int w, bool cursor)
{
	const struct workshop_data *d = app_data(a);
	int cname = (w - 10) * 2 / 5 < 12 ? 12
		    : (w - 10) * 2 / 5 > 26 ? 26 : (w - 10) * 2 / 5;
	char **names;
	struct buf b;
	char *t;

	if (h <= 0 || w <= 10)
		return;
	if (!s->v->scored || !s->v->sc.sens ||
	    s->v->sc.n_scored < 2) {
		draw_role(CR_HEADING);
		draw_clip(y, x, _("Sensitivity"), w);
		draw_role(CR_DIM);
		to_wrap(y + 1, x, h - 1, w, !s->v->scored || !s->v->sc.sens
			? (*s->v->score_err ? s->v->score_err : _("no scores yet"))
			: d->n_approaches == 0 ? _("No approaches to rank yet.")
			: _("nothing to compare yet: score the matrix first"));
		draw_role(CR_NORMAL);
		return;
	}
	/* The names after the arrows share what is left of a row: cut where
	 * two of them differ ("↑ 56.8% → " and the like take 10 columns). */
	names = to_names_fit(d, w - 2 - cname - 1 - 6 - 2 - 10);
	t = str_printf(_("Sensitivity · leader: %s"),
		       d->approaches[s->v->sc.order[0]].name);
	draw_role(CR_HEADING);
	draw_clip(y, x, t ? t : "", w);
	free(t);
	buf_init(&b);
	buf_puts(&b, "  ");
	to_cell(&b, _("Criterion"), cname, false);
	buf_putc(&b, ' ');
	to_cell(&b, _("now"), 6, true);
	buf_puts(&b, "  ");
	buf_puts(&b, _("winner changes at"));
	draw_role(CR_DIM);
	draw_clip(y + 1, x, buf_str(&b), w);
	b.len = 0;
	if (cursor) {
		list_scroll(&s->crit, h - 2);
		list_place(&s->crit, y + 2);
	}
	for (int r = 0; r < h - 2; r++) {
		size_t i = (cursor ? s->crit.top : 0) + (size_t)r;
		const struct sensitivity *se;
		char now[32];

		if (i >= d->n_criteria)
			break;
		se = &s->v->sc.sens[i];
		num_fmt(now, sizeof(now), NUM_PERCENT1, se->weight);
		buf_puts(&b, cursor && i == s->crit.sel ? "›" : " ");
		buf_putc(&b, ' ');
		to_cell(&b, to_crit_name(&d->criteria[i]), cname, false);
		buf_putc(&b, ' ');
		to_cell(&b, now, 6, true);
		buf_puts(&b, "  ");
		if (se->flips && se->new_leader < d->n_approaches) {
			char at[NUM_BUF];

			buf_printf(&b, "%s %s → %s",
				   se->flip_at > se->weight ? "↑" : "↓",
				   num_fmt(at, sizeof(at), NUM_PERCENT1,
					   se->flip_at),
				   names && names[se->new_leader]
				   ? names[se->new_leader]
				   : d->approaches[se->new_leader].name);
		}
		else
			buf_puts(&b, _("robust"));
		draw_role(cursor && i == s->crit.sel ? CR_SELECTED
			  : se->flips ? CR_WARNING : CR_OK);
		draw_fill(y + 2 + r, x, 1, w);
		draw_clip(y + 2 + r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
	names_drop(&names, d->n_approaches);
}

static void to_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct tscreen *s = state;

	if (h < 2)
		return;
	draw_views(s, y, x, w);
	switch (s->view) {
	case TV_MATRIX:
		to_matrix_draw(a, s, y + 1, x, h - 1, w);
		break;
	case TV_CRITERIA:
		draw_criteria(a, s, y + 1, x, h - 1, w);
		break;
	case TV_PAIRWISE:
		to_ahp_draw(a, s, y + 1, x, h - 1, w);
		break;
	case TV_SENSITIVITY:
		to_sens_draw(a, s, y + 1, x, h - 2, w, true);
		draw_role(CR_DIM);
		draw_clip(y + h - 1, x + 1,
			  _("↑/↓: the weight must rise/fall to that share (the others rescaled) before the winner changes"),
			  w - 2);
		draw_role(CR_NORMAL);
		break;
	}
}

static bool to_draw_light(struct app *a, void *state, int y, int x, int h,
			  int w)
{
	struct tscreen *s = state;

	return h >= 2 && s->view == TV_MATRIX &&
	       to_matrix_draw_light(a, s, y + 1, x, h - 1, w);
}

/* ---- criteria edits --------------------------------------------------------- */
static const struct criterion *sel_crit(struct app *a, struct tscreen *s)
{
	return app_data(a) && s->crit.sel < app_data(a)->n_criteria
	       ? &app_data(a)->criteria[s->crit.sel] : NULL;
}

static struct tscreen *screen_state(struct app *a)
{
	return tui_screen_state(a, &screen_tradeoffs_ops);
}

/* A key from a name: "Compliance evidence" -> "compliance-evidence". */
static void make_key(const char *name, char *out, size_t size)
{
	size_t n = 0;

	for (const char *p = name; *p && n + 1 < size && n < 20; p++) {
		unsigned char ch = (unsigned char)*p;

		if (isalnum(ch) && ch < 128)
			out[n++] = (char)tolower(ch);
		else if (n && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (!n)
		snprintf(out, size, "criterion");
}

/* The trimmed text of an editor, or NULL after telling the user. */
static char *edited(struct modal *m, bool required)
{
	return edit_text_trimmed(m, required
				 ? _("a name is required (Esc cancels)") : NULL);
}

static bool add_done(struct app *a, struct modal *m, bool ok)
{
	struct criterion c;
	struct tscreen *s = screen_state(a);
	struct sess_result r = { 0 };
	char key[32];
	char *name;

	if (!ok)
		return true;
	if (!(name = edited(m, true)))
		return false;
	memset(&c, 0, sizeof(c));
	make_key(name, key, sizeof(key));
	c.key = key;
	c.name = name;
	c.weight = 1;
	if (session_add_criterion(a->s, &c, &r) == ST_OK && s)
		s->want_crit = r.id;
	app_result(a, &r, _("added the criterion “%s” (weight 1; w changes it)"),
		   name);
	sess_result_clear(&r);
	free(name);
	return true;
}

static bool field_done(struct app *a, struct modal *m, bool ok)
{
	bool is_name = m->kind == 0;
	char *t;
	int rc;

	if (!ok)
		return true;
	if (!(t = edited(m, is_name)))
		return !is_name;
	/* A conflict opens the keep mine / take theirs dialog; other
	 * failures keep the editor open with what was typed. */
	rc = app_save_field(a, "criterion", m->id,
			    is_name ? "name" : "description", t, m->version);
	if (rc == ST_OK)
		app_msg(a, MSG_OK, is_name ? _("renamed to “%s”")
			: _("description of “%s” saved"),
			is_name ? t : m->key ? m->key : "");
	free(t);
	return rc == ST_OK || rc == ST_CONFLICT;
}

/* Save a raw weight (text already checked) with the version the edit
 * started from; one store call through app_save_field. */
static int save_weight(struct app *a, const struct criterion *c, double w)
{
	char w0[32], w1[32];
	char *name = str_dup(to_crit_name(c));
	int rc;

	num_fmt(w0, sizeof(w0), NUM_VALUE, c->weight);
	str_number(w1, sizeof(w1), w);
	rc = app_save_field(a, "criterion", c->id, "weight", w1, c->version);
	if (rc == ST_OK)
		app_msg(a, MSG_OK, _("%s: raw weight %s → %s"), name ? name : "",
			w0, w1);
	free(name);
	return rc;
}

static bool parse_weight(const char *t, double *out)
{
	char *end;
	double v;

	if (str_empty(t))
		return false;
	v = strtod(t, &end);
	while (*end == ' ')
		end++;
	if (*end || !isfinite(v) || v < 0)
		return false;
	*out = v;
	return true;
}

static bool weight_done(struct app *a, struct modal *m, bool ok)
{
	double w;
	char *t;

	if (!ok)
		return true;
	if (!(t = edited(m, false)))
		return true;
	if (!parse_weight(t, &w)) {
		free(t);
		edit_set_hint(m, _("a number, 0 or more (e.g. 3 or 2.5) · Esc cancels"));
		return false;
	}
	free(t);
	for (size_t i = 0; app_data(a) && i < app_data(a)->n_criteria; i++) {
		const struct criterion *c = &app_data(a)->criteria[i];

		if (c->id == m->id) {
			struct criterion copy = *c;

			int rc;

			/* The version the edit started from, not today's. */
			copy.version = m->version;
			rc = save_weight(a, &copy, w);
			return rc == ST_OK || rc == ST_CONFLICT;
		}
	}
	app_msg(a, MSG_WARN, "%s", _("the criterion was removed meanwhile; nothing saved"));
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing removed"));
		return true;
	}
	session_delete_criterion(a->s, m->id, m->version, &r);
	app_result(a, &r, _("removed the criterion “%s” and its scores (u brings it back)"),
		   m->key ? m->key : "");
	sess_result_clear(&r);
	return true;
}

static void ask_delete(struct app *a, const struct criterion *c)
{
	size_t ns = 0, nv = 0;
	char *q;

	for (size_t i = 0; i < app_data(a)->n_scores; i++)
		if (str_eq(app_data(a)->scores[i].criterion, c->key) &&
		    (app_data(a)->scores[i].has_value ||
		     !str_empty(app_data(a)->scores[i].rationale)))
			ns++;
	for (size_t i = 0; i < app_data(a)->n_votes; i++)
		if (str_eq(app_data(a)->votes[i].criterion, c->key))
			nv++;
	q = str_printf(_("Remove the criterion “%s”? Its %zu scores and %zu votes go with it."),
		       to_crit_name(c), ns, nv);
	app_confirm_delete(a, "criterion", c->id, &(struct confirm_req){
		.title = _("Remove criterion"), .question = q,
		.done = delete_done, .id = c->id, .version = c->version,
		.key = to_crit_name(c) });
	free(q);
}

/* ---- the findings' weight nudges -------------------------------------------- */
/* The session's nudge index of a criterion key now (n_nudges: none). */
static size_t nudge_index(struct app *a, const char *key)
{
	const struct sess_view *v = app_view(a);
	size_t i;

	for (i = 0; i < v->n_nudges; i++)
		if (str_eq(app_data(a)->criteria[v->nudges[i].criterion].key, key))
			break;
	return i;
}

/* The picker lists the nudges by criterion key (ctx): the data may be
 * reloaded under it. */
static bool nudges_done(struct app *a, struct modal *m, bool ok)
{
	const struct strv *keys = m->ctx;
	const struct sess_view *v = app_view(a);
	struct sess_result r = { 0 };
	struct buf said;
	size_t *which, n = 0;

	if (!ok || !keys || !app_data(a))
		return true;
	which = calloc(keys->n ? keys->n : 1, sizeof(*which));
	if (!which)
		return true;
	buf_init(&said);
	for (size_t i = 0; i < keys->n && i < picker_count(m); i++) {
		size_t k = nudge_index(a, keys->v[i]);
		char w0[32], w1[32];

		if (!picker_checked(m, i) || k == v->n_nudges ||
		    v->nudges[k].applied)
			continue;
		/* Keys keep the message on one line: the list shows names. */
		num_fmt(w0, sizeof(w0), NUM_VALUE, v->nudges[k].from);
		num_fmt(w1, sizeof(w1), NUM_VALUE, v->nudges[k].to);
		buf_printf(&said, "%s%s %s→%s", n ? ", " : "", keys->v[i], w0, w1);
		which[n++] = k;
	}
	session_apply_nudges(a->s, which, n, &r);
	if (r.status == SESS_SAVED)
		app_msg(a, MSG_OK, _("applied %zu nudges: %s"), r.count,
			buf_str(&said));
	else if (sess_ok(&r))
		app_msg(a, MSG_INFO, "%s", _("no nudge applied"));
	else
		app_result(a, &r, NULL);
	sess_result_clear(&r);
	buf_free(&said);
	free(which);
	return true;
}

static void keys_free(void *p)
{
	strv_free(p);
	free(p);
}

static void show_nudges(struct app *a)
{
	const struct sess_view *v = app_view(a);
	const struct workshop_data *d = app_data(a);
	const char **labels;
	struct strv texts = { 0 }, *keys;
	struct modal *m;

	if (!app_k(a) || !v->have_findings) {
		app_msg(a, MSG_WARN, "%s", _("the findings could not be evaluated"));
		return;
	}
	if (v->n_nudges == 0) {
		app_msg(a, MSG_INFO, "%s", _("the findings suggest no weight nudges for these criteria"));
		return;
	}
	keys = calloc(1, sizeof(*keys));
	labels = calloc(v->n_nudges, sizeof(*labels));
	if (!keys || !labels) {
		free(keys);
		free(labels);
		return;
	}
	for (size_t i = 0; i < v->n_nudges; i++) {
		const struct sess_nudge *nd = &v->nudges[i];
		const struct criterion *c = &d->criteria[nd->criterion];
		char dl[32], w0[32], w1[32];
		char *t;

		num_fmt(dl, sizeof(dl), NUM_VALUE, nd->delta);
		num_fmt(w0, sizeof(w0), NUM_VALUE, nd->from);
		num_fmt(w1, sizeof(w1), NUM_VALUE, nd->to);
		t = str_printf("%s %s%s  (%s → %s)%s", to_crit_name(c),
			       nd->delta > 0 ? "+" : "", dl, w0, w1,
			       nd->applied ? _("  applied already") : "");
		strv_push(&texts, t ? t : "");
		strv_push(keys, c->key);
		free(t);
	}
	for (size_t i = 0; i < v->n_nudges; i++)
		labels[i] = texts.v[i];
	m = picker_new(PICK_MANY, _("Weight nudges from the findings: Space toggles, Enter applies"),
		       labels, v->n_nudges, 0, nudges_done);
	if (m) {
		m->scope = SC_PICKER;
		m->ctx = keys;
		m->ctx_free = keys_free;
		for (size_t i = 0; i < v->n_nudges; i++)
			picker_check(m, i, !v->nudges[i].applied);
	} else {
		keys_free(keys);
	}
	app_push(a, m);
	free(labels);
	strv_free(&texts);
}

static void toggle_weighting(struct app *a)
{
	bool to_ahp = app_data(a)->ws.weighting != WEIGHTING_AHP;

	if (app_save_field(a, "workshop", app_ws(a), "weighting",
			   to_ahp ? "ahp" : "direct", app_data(a)->ws.version) != ST_OK)
		return;
	app_msg(a, MSG_OK, "%s", to_ahp
		? _("weights now come from the pairwise judgements (AHP): p shows them")
		: _("weights now come from the raw weights (direct)"));
}

static enum reaction criteria_key(struct app *a, struct tscreen *s, enum action act)
{
	const struct criterion *c = sel_crit(a, s);
	char where[64];
	struct modal *m;

	if (act == A_TO_ADD) {
		m = lineedit_new(_("New criterion: name"), "",
				 _("Enter add · Esc cancel"), add_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	}
	if (act == A_TO_NUDGES) {
		show_nudges(a);
		return R_DONE;
	}
	if (!c) {
		app_msg(a, MSG_WARN, "%s", _("no criterion selected (n adds one)"));
		return R_DONE;
	}
	/* With AHP the weights come from the judgements: a raw weight typed
	 * now would change nothing the room sees. */
	if ((act == A_TO_WEIGHT || act == A_TO_MORE || act == A_TO_LESS) &&
	    app_data(a)->ws.weighting == WEIGHTING_AHP) {
		app_msg(a, MSG_WARN, "%s",
			_("AHP: weights come from the judgements (p); a switches to direct weights"));
		return R_DONE;
	}
	switch (act) {
	case A_TO_EDIT:
	case A_TO_DESCRIBE:
		snprintf(where, sizeof(where), "criterion-%s:%lld",
			 act == A_TO_EDIT ? "name" : "description",
			 (long long)c->id);
		app_edit(a, &(struct edit_req){
			.where = where,
			.title = act == A_TO_EDIT ? _("Criterion name")
						  : _("Criterion description"),
			.init = act == A_TO_EDIT ? c->name : c->description,
			.hint = act == A_TO_EDIT ? _("Enter save · Esc cancel")
				: _("C-s save · Esc cancel"),
			.multi = act == A_TO_DESCRIBE,
			.done = field_done, .id = c->id, .version = c->version,
			.key = to_crit_name(c),
			.kind = act == A_TO_EDIT ? 0 : 1 });
		return R_DONE;
	case A_TO_WEIGHT: {
		char w0[32], *title;

		str_number(w0, sizeof(w0), c->weight);
		title = str_printf(_("Raw weight of %s"), to_crit_name(c));
		m = lineedit_new(title ? title : "", w0,
				 _("a number, 0 or more · Enter save · Esc cancel"),
				 weight_done);
		free(title);
		if (m) {
			m->scope = SC_EDIT;
			m->id = c->id;
			m->version = c->version;
			m->base = str_dup(w0);
		}
		app_push(a, m);
		return R_DONE;
	}
	case A_TO_MORE:
		save_weight(a, c, c->weight + 1);
		return R_DONE;
	case A_TO_LESS:
		if (c->weight <= 0) {
			app_msg(a, MSG_WARN, _("%s already weighs 0"), to_crit_name(c));
			return R_DONE;
		}
		save_weight(a, c, c->weight >= 1 ? c->weight - 1 : 0);
		return R_DONE;
	case A_TO_DELETE:
		ask_delete(a, c);
		return R_DONE;
	case A_TO_MOVE_DOWN:
	case A_TO_MOVE_UP: {
		struct sess_result r = { 0 };
		int delta = act == A_TO_MOVE_DOWN ? 1 : -1;

		if ((delta < 0 && s->crit.sel == 0) ||
		    (delta > 0 && s->crit.sel + 1 >= app_data(a)->n_criteria))
			return R_DONE;
		if (session_move_criterion(a->s, c->id, delta, &r) == ST_OK)
			s->want_crit = c->id;
		else
			app_result(a, &r, NULL);
		sess_result_clear(&r);
		return R_DONE;
	}
	default:
		return R_PASS;
	}
}

static enum reaction to_key(struct app *a, void *state, enum action act)
{
	struct tscreen *s = state;

	switch (act) {
	case A_TO_VIEW_MATRIX:
		s->view = TV_MATRIX;
		return R_DONE;
	case A_TO_VIEW_CRITERIA:
		s->view = TV_CRITERIA;
		return R_DONE;
	case A_TO_VIEW_PAIRWISE:
		s->view = TV_PAIRWISE;
		return R_DONE;
	case A_TO_VIEW_SENSITIVITY:
		s->view = TV_SENSITIVITY;
		return R_DONE;
	case A_TO_WEIGHTING:
		toggle_weighting(a);
		return R_DONE;
	default:
		break;
	}
	switch (s->view) {
	case TV_PAIRWISE:
		return to_ahp_key(a, s, act);
	case TV_MATRIX:
		return to_matrix_key(a, s, act);
	default:
		return criteria_key(a, s, act);
	}
}

/* Follow mode by item: an approach of the matrix or a criterion by its
 * key (the pairwise view follows by row). */
static void to_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct tscreen *s = state;
	const struct workshop_data *d = app_data(a);

	if (!d)
		return;
	if (s->view == TV_MATRIX && row < d->n_approaches)
		snprintf(buf, size, "a:%s", d->approaches[row].key);
	else if (s->view != TV_MATRIX && s->view != TV_PAIRWISE &&
		 row < d->n_criteria)
		snprintf(buf, size, "c:%s", d->criteria[row].key);
}

const struct screen_ops screen_tradeoffs_ops = {
	.open = to_open,
	.close = to_close,
	.draw = to_draw,
	.key = to_key,
	.refresh = to_refresh,
	.list = to_list,
	.status = to_status,
	.item = to_item,
	.scope = to_scope,
	.draw_light = to_draw_light,
};

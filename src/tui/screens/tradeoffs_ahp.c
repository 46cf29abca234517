#include "config.h"
/*
 * tradeoffs_ahp: the pairwise view of screen 5.  Every pair of criteria gets
 * a judgement on Saaty's scale, shown as a 9…1…9 slider and as a sentence
 * ("Security posture is 3× more important than Cost efficiency"), set with
 * digits, the slider keys or a picker.  The weights and the consistency
 * ratio come from the engine (ahp_matrix, ahp_weights) on the agreed
 * judgements after every change; an inconsistent matrix names its worst
 * judgement and `w` goes there.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/entry.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/utf8.h"

/* Slider positions: 0 = left 9×, 8 = equal, 16 = right 9×. */
#define SLIDER 17
#define MID 8

bool to_judgement(const struct workshop_data *d, size_t i, size_t k,
		  double *v)
{
	const char *ka = d->criteria[i].key, *kb = d->criteria[k].key;

	for (size_t n = 0; n < d->n_pairwise; n++) {
		const struct judgement *j = &d->pairwise[n];

		if (!str_empty(j->participant) || !(j->value > 0))
			continue;
		if (str_eq(j->a, ka) && str_eq(j->b, kb)) {
			*v = j->value;
			return true;
		}
		if (str_eq(j->a, kb) && str_eq(j->b, ka)) {
			*v = 1.0 / j->value;
			return true;
		}
	}
	return false;
}

/* 3 -> "3", 2.5 -> "2.5": Saaty values read best without decimals. */
static void factor(char *buf, size_t size, double v)
{
	if (fabs(v - round(v)) < 1e-6)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%.2g", v);
}

char *to_judgement_text(const struct workshop_data *d, size_t i, size_t k,
			double v)
{
	const char *a = to_crit_name(&d->criteria[i]);
	const char *b = to_crit_name(&d->criteria[k]);
	char f[32];

	if (fabs(v - 1) < 1e-9)
		return str_printf(_("%s and %s are equally important"), a, b);
	if (v > 1) {
		factor(f, sizeof(f), v);
		return str_printf(_("%s is %s× more important than %s"), a, f, b);
	}
	factor(f, sizeof(f), 1.0 / v);
	return str_printf(_("%s is %s× more important than %s"), b, f, a);
}

static int slider_pos(double v)
{
	long p;

	if (v >= 1) {
		p = MID - (lround(v) - 1);
		return p < 0 ? 0 : (int)p;
	}
	p = MID + (lround(1.0 / v) - 1);
	return p > SLIDER - 1 ? SLIDER - 1 : (int)p;
}

static double slider_value(int p)
{
	if (p <= MID)
		return (double)(MID - p + 1);
	return 1.0 / (double)(p - MID + 1);
}

static const char *pair_text(void *ctx, size_t i)
{
	(void)ctx;
	(void)i;
	return NULL;
}

void to_ahp_free(struct tscreen *s)
{
	free(s->pair);
	free(s->judged);
	s->pair = NULL;
	s->judged = NULL;
	s->n_pairs = 0;
	list_free(&s->pairs);
}

void to_ahp_refresh(struct app *a, struct tscreen *s,
		    const struct strv *old_keys)
{
	char cr[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	size_t n = d->n_criteria, np = n > 1 ? n * (n - 1) / 2 : 0;
	const char *ka = NULL, *kb = NULL;

	if (!s->pairs.ctx)
		list_init(&s->pairs, s, pair_text, NULL);
	if (s->pairs.sel < s->n_pairs) {
		const struct to_pair *p = &s->pair[s->pairs.sel];

		if (p->a < old_keys->n && p->b < old_keys->n) {
			ka = old_keys->v[p->a];
			kb = old_keys->v[p->b];
		}
	}
	free(s->pair);
	s->pair = calloc(np ? np : 1, sizeof(*s->pair));
	s->n_pairs = 0;
	if (!s->pair) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		list_set_count(&s->pairs, 0);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = i + 1; k < n; k++) {
			s->pair[s->n_pairs].a = i;
			s->pair[s->n_pairs].b = k;
			/* Back on the same pair, either way round. */
			if (ka && ((str_eq(d->criteria[i].key, ka) &&
				    str_eq(d->criteria[k].key, kb)) ||
				   (str_eq(d->criteria[i].key, kb) &&
				    str_eq(d->criteria[k].key, ka))))
				s->pairs.sel = s->n_pairs;
			s->n_pairs++;
		}
	}
	list_set_count(&s->pairs, s->n_pairs);
	if (s->judged) {
		/* The judgement just saved, with what it did to the
		 * consistency. */
		const struct sess_view *v = s->v;

		if (v->ahp_missing)
			app_msg(a, MSG_OK, _("%s · %zu judgements to go"),
				s->judged, v->ahp_missing);
		else if (v->ahp_ok)
			app_msg(a, v->ahp.inconsistent ? MSG_WARN : MSG_OK,
				_("%s · CR %s"), s->judged,
				num_fmt(cr, sizeof(cr), NUM_RATIO, v->ahp.cr));
		else
			app_msg(a, MSG_OK, "%s", s->judged);
		free(s->judged);
		s->judged = NULL;
	}
}

/* The lines under the view tabs: progress, CR, or the warning (which
 * may take two rows so that the judgement it names shows whole).
 * Returns the rows used; h 0 only measures. */
static int draw_summary(struct app *a, struct tscreen *s, int y, int x,
			int w, int h)
{
	char cr[NUM_BUF], lim[NUM_BUF], lam[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	char *t = NULL;
	enum role r = CR_OK;
	int rows;

	if (*s->v->ahp_err) {
		t = str_dup(s->v->ahp_err);
		r = CR_WARNING;
	} else if (s->v->ahp_missing) {
		t = str_printf(_("%zu of %zu judgements missing (?): weights need every pair · ] finds one"),
			       s->v->ahp_missing, s->n_pairs);
		r = CR_WARNING;
	} else if (s->v->ahp_ok && s->v->ahp.inconsistent) {
		char *pair = str_printf(_("%s vs %s"),
					to_crit_name(&d->criteria[s->v->ahp.worst_a]),
					to_crit_name(&d->criteria[s->v->ahp.worst_b]));

		t = str_printf(_("CR %s > %s: inconsistent · the most inconsistent judgement is %s (w goes there)"),
			       num_fmt(cr, sizeof(cr), NUM_RATIO, s->v->ahp.cr),
			       num_fmt(lim, sizeof(lim), NUM_TOTAL, AHP_CR_LIMIT),
			       pair ? pair : "");
		free(pair);
		r = CR_WARNING;
	} else if (s->v->ahp_ok) {
		t = str_printf(_("CR %s ≤ %s: consistent · λmax %s%s"),
			       num_fmt(cr, sizeof(cr), NUM_RATIO, s->v->ahp.cr),
			       num_fmt(lim, sizeof(lim), NUM_TOTAL, AHP_CR_LIMIT),
			       num_fmt(lam, sizeof(lam), NUM_RATIO,
				       s->v->ahp.lambda_max),
			       d->ws.weighting == WEIGHTING_AHP ? ""
			       : _(" · direct weights are in use (a switches)"));
	}
	rows = t && utf8_width(t) > w - 1 ? 2 : 1;
	if (h > 0) {
		draw_role(r);
		to_wrap(y, x + 1, rows < h ? rows : h, w - 1, t ? t : "");
		draw_role(CR_NORMAL);
	}
	free(t);
	return rows;
}

/* The weights, several to a row ("Coffee 0.177"); returns rows used. */
static int draw_weights(struct app *a, struct tscreen *s, int y, int x,
			int h, int w)
{
	const struct workshop_data *d = app_data(a);
	int cellw = 24, per, rows;
	struct buf b;

	if (h <= 0 || d->n_criteria == 0)
		return 0;
	per = w / cellw;
	if (per < 1)
		per = 1;
	rows = (int)((d->n_criteria + (size_t)per - 1) / (size_t)per);
	if (rows > h)
		rows = h;
	buf_init(&b);
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < per; c++) {
			size_t i = (size_t)r * (size_t)per + (size_t)c;
			char num[32];
			int nw;

			if (i >= d->n_criteria)
				break;
			if (s->v->ahp_ok)
				num_fmt(num, sizeof(num), NUM_RATIO,
					s->v->ahp_w[i]);
			else
				snprintf(num, sizeof(num), "  —  ");
			nw = utf8_width(num);
			to_cell(&b, to_crit_name(&d->criteria[i]),
				cellw - nw - 3, false);
			buf_printf(&b, " %s  ", num);
		}
		draw_role(s->v->ahp_ok ? CR_NORMAL : CR_DIM);
		draw_line(y + r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
	return rows;
}

void to_ahp_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		 int w)
{
	const struct workshop_data *d = app_data(a);
	int cval = 9, cname = (w - 2 - SLIDER - 2 - cval - 1) / 2, list_h,
	    wrows, per, sh;
	struct buf b;

	if (h < 4)
		return;
	if (cname < 6)
		cname = 6;
	sh = draw_summary(a, s, y, x, w, h >= 12 ? 2 : 1);
	if (h < 12)
		sh = 1;
	y += sh - 1;
	h -= sh - 1;
	buf_init(&b);
	buf_puts(&b, "  ");
	to_cell(&b, _("more important ←"), cname, false);
	buf_putc(&b, ' ');
	buf_puts(&b, "9   5   1   5   9");
	buf_putc(&b, ' ');
	to_cell(&b, _("→ more important"), cname, true);
	draw_role(CR_DIM);
	draw_line(y + 1, x, buf_str(&b), w);
	b.len = 0;
	per = w / 24 > 0 ? w / 24 : 1;
	wrows = (int)((d->n_criteria + (size_t)per - 1) / (size_t)per);
	if (wrows > (h >= 16 ? 4 : 2))
		wrows = h >= 16 ? 4 : 2;
	/* Pairs, then the prompt, a heading and the weights. */
	list_h = h - 2 - 3 - wrows;
	if (list_h < 1) {
		list_h = 1;
		wrows = h - 2 - 3 - list_h;
	}
	list_scroll(&s->pairs, list_h);
	list_place(&s->pairs, y + 2);
	for (int r = 0; r < list_h; r++) {
		size_t i = s->pairs.top + (size_t)r;
		const struct to_pair *p;
		bool have, sel, worst;
		double v = 1;
		int pos;
		char val[48], num[32];

		if (i >= s->n_pairs)
			break;
		p = &s->pair[i];
		sel = i == s->pairs.sel;
		have = to_judgement(d, p->a, p->b, &v);
		pos = have ? slider_pos(v) : -1;
		buf_puts(&b, sel ? "›" : " ");
		worst = s->v->ahp_ok && s->v->ahp.inconsistent &&
			p->a == s->v->ahp.worst_a && p->b == s->v->ahp.worst_b;
		buf_puts(&b, !have ? "?" : worst ? "!" : " ");
		to_cell(&b, to_crit_name(&d->criteria[p->a]), cname, false);
		buf_putc(&b, ' ');
		for (int k = 0; k < SLIDER; k++)
			buf_puts(&b, k == pos ? "●" : k == MID ? "┼" : "─");
		buf_putc(&b, ' ');
		to_cell(&b, to_crit_name(&d->criteria[p->b]), cname, true);
		buf_putc(&b, ' ');
		if (!have)
			snprintf(val, sizeof(val), "%s", _("missing"));
		else if (fabs(v - 1) < 1e-9)
			snprintf(val, sizeof(val), "%s", _("equal"));
		else if (v > 1) {
			factor(num, sizeof(num), v);
			snprintf(val, sizeof(val), "← %s×", num);
		} else {
			factor(num, sizeof(num), 1.0 / v);
			snprintf(val, sizeof(val), "%s× →", num);
		}
		to_cell(&b, val, cval, false);
		draw_role(sel ? CR_SELECTED
			  : !have ? CR_MARK
			  : worst ? CR_WARNING : CR_NORMAL);
		draw_line(y + 2 + r, x, buf_str(&b), w);
		b.len = 0;
	}
	/* The selected pair as a sentence. */
	if (s->pairs.sel < s->n_pairs) {
		const struct to_pair *p = &s->pair[s->pairs.sel];
		double v;
		char *t;

		if (to_judgement(d, p->a, p->b, &v))
			t = to_judgement_text(d, p->a, p->b, v);
		else
			t = str_printf(_("%s or %s: which matters more, and how many times? (1-9, h/l, Enter)"),
				       to_crit_name(&d->criteria[p->a]),
				       to_crit_name(&d->criteria[p->b]));
		draw_role(CR_HEADING);
		draw_clip(y + 2 + list_h, x + 1, t ? t : "", w - 1);
		free(t);
	}
	draw_role(CR_DIM);
	draw_clip(y + 3 + list_h, x + 1,
		  s->v->ahp_ok ? _("AHP weights (principal eigenvector):")
			    : _("AHP weights: not until every pair is judged"),
		  w - 1);
	draw_weights(a, s, y + 4 + list_h, x + 1, wrows, w - 1);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* Store the selected pair's judgement (left over right) and report it. */
static void judge(struct app *a, struct tscreen *s, double v)
{
	const struct workshop_data *d = app_data(a);
	const struct to_pair *p = &s->pair[s->pairs.sel];
	struct sess_result r = { 0 };

	if (session_set_judgement(a->s, d->criteria[p->a].key,
				  d->criteria[p->b].key, v, &r) == ST_OK) {
		/* The reload tells the consistency (to_ahp_refresh). */
		free(s->judged);
		s->judged = to_judgement_text(d, p->a, p->b, v);
	} else {
		app_result(a, &r, NULL);
	}
	sess_result_clear(&r);
}

/* The agreed judgement row of criteria i and k (either order), or NULL. */
static const struct judgement *pair_row(const struct workshop_data *d,
					size_t i, size_t k)
{
	const char *ka = d->criteria[i].key, *kb = d->criteria[k].key;

	for (size_t n = 0; n < d->n_pairwise; n++) {
		const struct judgement *j = &d->pairwise[n];

		if (str_empty(j->participant) &&
		    ((str_eq(j->a, ka) && str_eq(j->b, kb)) ||
		     (str_eq(j->a, kb) && str_eq(j->b, ka))))
			return j;
	}
	return NULL;
}

/*
 * The picker takes a while; someone may judge the same pair meanwhile.
 * store_judgement_set takes no expected version, so the picker remembers
 * the row's version when it opened and compares it with the one the live
 * refresh loaded since: changed means nothing is written, the message
 * says who and what it is now, and the cursor stays on the pair.  (Like
 * a score, a judgement is one number: no merge dialog.)  The digits and
 * h/l act at once on what is on screen.
 */
static bool pick_done(struct app *a, struct modal *m, bool ok)
{
	const struct judgement *j;
	struct tscreen *s;
	const struct to_pair *p;

	if (!ok)
		return true;
	s = tui_screen_state(a, &screen_tradeoffs_ops);
	if (!s || s->pairs.sel >= s->n_pairs || (size_t)m->id != s->pairs.sel)
		return true;
	p = &s->pair[s->pairs.sel];
	j = pair_row(app_data(a), p->a, p->b);
	if ((j ? j->version : 0) != m->version) {
		char *who = j ? session_changed_by(a->s, "judgement", j->id, NULL) : NULL;
		char *now = NULL;
		double v;

		if (to_judgement(app_data(a), p->a, p->b, &v))
			now = to_judgement_text(app_data(a), p->a, p->b, v);
		app_msg(a, MSG_WARN, _("%s changed this judgement while you chose; it is now: %s. Nothing saved: pick again to replace it"),
			who ? who : _("someone else"), now ? now : _("not judged"));
		free(who);
		free(now);
		return true;
	}
	judge(a, s, slider_value((int)picker_selected(m)));
	return true;
}

static void pick(struct app *a, struct tscreen *s, int pos)
{
	const struct to_pair *p = &s->pair[s->pairs.sel];
	const char *labels[SLIDER];
	struct strv texts = { 0 };
	struct modal *m;

	for (int k = 0; k < SLIDER; k++) {
		char *t = to_judgement_text(app_data(a), p->a, p->b, slider_value(k));

		strv_push(&texts, t ? t : "?");
		free(t);
	}
	for (int k = 0; k < SLIDER; k++)
		labels[k] = k < (int)texts.n ? texts.v[k] : "?";
	m = picker_new(PICK_ONE, _("Which matters more?"), labels, SLIDER,
		       (size_t)(pos < 0 ? MID : pos), pick_done);
	if (m) {
		const struct judgement *j = pair_row(app_data(a), p->a, p->b);

		m->scope = SC_PICKER;
		m->id = (int64_t)s->pairs.sel;
		m->version = j ? j->version : 0;
	}
	app_push(a, m);
	strv_free(&texts);
}

static enum reaction ahp_act(struct app *a, struct tscreen *s,
			     enum action act, int key);

/* The judging mode's keys (Enter on the pairs; Esc leaves). */
static enum modal_result judging_key(struct app *a, enum action act, int key)
{
	struct tscreen *s = tui_screen_state(a, &screen_tradeoffs_ops);

	if (!s || !s->n_pairs)
		return MODAL_OK;
	if (act == A_UP || act == A_DOWN)
		list_nav(&s->pairs, act);
	else if (!app_refuse_readonly(a))
		ahp_act(a, s, act, key);
	return MODAL_CONTINUE;
}

enum reaction to_ahp_key(struct app *a, struct tscreen *s, enum action act)
{
	if (act == A_AHP_ENTER) {
		if (s->pairs.sel >= s->n_pairs) {
			app_msg(a, MSG_WARN, "%s", _("no pair to judge: add criteria first (c, then n)"));
			return R_DONE;
		}
		app_push(a, entry_new(SC_JUDGING, _("judging"), judging_key));
		return R_DONE;
	}
	return ahp_act(a, s, act, a->t.key);
}

static enum reaction ahp_act(struct app *a, struct tscreen *s,
			     enum action act, int key)
{
	const struct workshop_data *d = app_data(a);
	const struct to_pair *p;
	double v = 1;
	bool have;
	int pos;

	if (act == A_AHP_WORST) {
		if (!s->v->ahp_ok) {
			app_msg(a, MSG_INFO, "%s", _("no consistency ratio until every pair is judged"));
		} else if (!s->v->ahp.inconsistent) {
			char cr[NUM_BUF];

			app_msg(a, MSG_OK, _("the judgements are consistent (CR %s)"),
				num_fmt(cr, sizeof(cr), NUM_RATIO, s->v->ahp.cr));
		} else {
			for (size_t i = 0; i < s->n_pairs; i++)
				if (s->pair[i].a == s->v->ahp.worst_a &&
				    s->pair[i].b == s->v->ahp.worst_b)
					list_select(&s->pairs, i);
			app_msg(a, MSG_WARN, "%s", _("the most inconsistent judgement: revisit it (Enter, then digits; h/l; r)"));
		}
		return R_DONE;
	}
	if (act == A_AHP_MISSING) {
		for (size_t k = 1; k <= s->n_pairs; k++) {
			size_t i = (s->pairs.sel + k) % s->n_pairs;

			if (!to_judgement(d, s->pair[i].a, s->pair[i].b, &v)) {
				list_select(&s->pairs, i);
				return R_DONE;
			}
		}
		app_msg(a, MSG_OK, "%s", _("every pair is judged"));
		return R_DONE;
	}
	if (act != A_AHP_SET && act != A_AHP_LEFT && act != A_AHP_RIGHT &&
	    act != A_AHP_REVERSE && act != A_AHP_PICK)
		return R_PASS;
	if (s->pairs.sel >= s->n_pairs) {
		app_msg(a, MSG_WARN, "%s", _("no pair to judge: add criteria first (c, then n)"));
		return R_DONE;
	}
	p = &s->pair[s->pairs.sel];
	have = to_judgement(d, p->a, p->b, &v);
	pos = have ? slider_pos(v) : -1;
	switch (act) {
	case A_AHP_SET:
		if (key < '1' || key > '9')
			return R_PASS;
		judge(a, s, (double)(key - '0'));
		return R_DONE;
	case A_AHP_LEFT:
	case A_AHP_RIGHT:
		if (pos < 0)
			pos = MID;
		pos += act == A_AHP_LEFT ? -1 : 1;
		if (pos < 0 || pos >= SLIDER) {
			app_msg(a, MSG_INFO, "%s", _("9× is the end of Saaty's scale"));
			return R_DONE;
		}
		judge(a, s, slider_value(pos));
		return R_DONE;
	case A_AHP_REVERSE:
		if (!have) {
			app_msg(a, MSG_WARN, "%s", _("no judgement to reverse yet: type 1-9 first"));
			return R_DONE;
		}
		judge(a, s, 1.0 / v);
		return R_DONE;
	default:
		pick(a, s, pos);
		return R_DONE;
	}
}

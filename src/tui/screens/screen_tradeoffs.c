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

#include "engine/rules.h"
#include "store/store.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/tradeoffs.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
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

char *to_changed_by(struct app *a, const char *tbl, int64_t row)
{
	struct audit_entry *list = NULL;
	struct error e;
	char *who = NULL;
	size_t n = 0;

	err_clear(&e);
	if (store_audit_list(a->store, a->ws, NULL, 200, &list, &n, &e) < 0)
		return NULL;
	for (size_t i = 0; i < n && !who; i++)
		if (str_eq(list[i].tbl, tbl) && list[i].row == row)
			who = str_dup(list[i].who);
	store_audit_list_free(&list, n);
	return who;
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
	size_t starts[32], lens[32], n;
	int r = 0;

	if (h <= 0 || w <= 0 || str_empty(s))
		return 0;
	n = draw_wrap(s, w, starts, lens, 32);
	for (size_t i = 0; i < n && r < h; i++, r++) {
		char *line = str_ndup(s + starts[i], lens[i]);

		if (!line)
			break;
		/* The last row that fits ends with "…" when text remains. */
		if (r == h - 1 && i + 1 < n) {
			struct buf b;

			buf_init(&b);
			buf_puts(&b, line);
			buf_puts(&b, " …");
			draw_clip(y + r, x, buf_str(&b), w);
			buf_free(&b);
		} else {
			draw_line(y + r, x, line, w);
		}
		free(line);
	}
	return r;
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

	return a->d && i < a->d->n_criteria ? to_crit_name(&a->d->criteria[i])
					    : NULL;
}

static void to_refresh(struct app *a, void *state)
{
	struct tscreen *s = state;
	const struct workshop_data *d = a->d;
	struct strv old = { 0 };
	struct error e;
	int keep = -1;

	if (!d)
		return;
	if (s->crit.sel < s->ckeys.n)
		keep = (int)s->crit.sel;
	/* The old keys survive until every part has found its row again. */
	old = s->ckeys;
	memset(&s->ckeys, 0, sizeof(s->ckeys));
	if (s->have_sc)
		ws_scores_clear(&s->sc);
	s->have_sc = false;
	s->err[0] = '\0';
	err_clear(&e);
	if (ws_scores_compute(d, true, &s->sc, &e) == 0) {
		s->have_sc = true;
	} else {
		snprintf(s->err, sizeof(s->err), "%s", e.msg);
		/* Totals without the sensitivity are better than nothing. */
		err_clear(&e);
		if (d->n_criteria && ws_scores_compute(d, false, &s->sc, &e) == 0)
			s->have_sc = true;
	}
	list_set_count(&s->crit, d->n_criteria);
	if (keep >= 0) {
		int i = wsdata_criterion_index(d, old.v[keep]);

		list_select(&s->crit, i >= 0 ? (size_t)i
			    : (size_t)keep < d->n_criteria ? (size_t)keep
			    : d->n_criteria ? d->n_criteria - 1 : 0);
	}
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
	if (s->have_sc)
		ws_scores_clear(&s->sc);
	to_ahp_free(s);
	to_matrix_free(s);
	list_free(&s->crit);
	strv_free(&s->applied);
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
		 mode ? mode : a->d->ws.weighting == WEIGHTING_AHP
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
	const struct workshop_data *d = a->d;
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
	for (size_t i = 0; s->have_sc && i < d->n_criteria; i++)
		if (s->sc.weights[i] > top)
			top = s->sc.weights[i];
	desc_h = h >= 16 ? 4 : h >= 12 ? 2 : 0;
	rows = h - 2 - desc_h;
	if (rows < 1)
		rows = 1;
	list_scroll(&s->crit, rows);
	for (int r = 0; r < rows; r++) {
		size_t i = s->crit.top + (size_t)r;
		const struct criterion *c;
		char raw[32], norm[32];

		if (i >= d->n_criteria)
			break;
		c = &d->criteria[i];
		str_number(raw, sizeof(raw), c->weight);
		if (s->have_sc)
			snprintf(norm, sizeof(norm), "%.1f%%",
				 s->sc.weights[i] * 100.0);
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
		to_bar(&b, s->have_sc && top > 0 ? s->sc.weights[i] / top : 0,
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
		if (!s->have_sc || (ahp && s->missing)) {
			char *m = ahp && s->missing
				? str_printf(_("AHP weights need every pairwise judgement: %zu of %zu missing (p)"),
					     s->missing, s->n_pairs)
				: NULL;

			draw_role(CR_WARNING);
			draw_clip(dy + 1, x + 1, m ? m : s->err, w - 2);
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

/* ---- sensitivity ---------------------------------------------------------- */
void to_sens_draw(struct app *a, struct tscreen *s, int y, int x, int h,
		  int w, bool cursor)
{
	const struct workshop_data *d = a->d;
	int cname = (w - 10) * 2 / 5 < 12 ? 12
		    : (w - 10) * 2 / 5 > 26 ? 26 : (w - 10) * 2 / 5;
	struct buf b;
	char *t;

	if (h <= 0 || w <= 10)
		return;
	if (!s->have_sc || !s->sc.sens || d->n_approaches == 0) {
		draw_role(CR_HEADING);
		draw_clip(y, x, _("Sensitivity"), w);
		draw_role(CR_DIM);
		to_wrap(y + 1, x, h - 1, w, !s->have_sc || !s->sc.sens
			? (*s->err ? s->err : _("no scores yet"))
			: _("No approaches to rank yet."));
		draw_role(CR_NORMAL);
		return;
	}
	t = str_printf(_("Sensitivity · leader: %s"),
		       d->approaches[s->sc.order[0]].name);
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
	if (cursor)
		list_scroll(&s->crit, h - 2);
	for (int r = 0; r < h - 2; r++) {
		size_t i = (cursor ? s->crit.top : 0) + (size_t)r;
		const struct sensitivity *se;
		char now[32];

		if (i >= d->n_criteria)
			break;
		se = &s->sc.sens[i];
		snprintf(now, sizeof(now), "%.1f%%", se->weight * 100.0);
		buf_puts(&b, cursor && i == s->crit.sel ? "›" : " ");
		buf_putc(&b, ' ');
		to_cell(&b, to_crit_name(&d->criteria[i]), cname, false);
		buf_putc(&b, ' ');
		to_cell(&b, now, 6, true);
		buf_puts(&b, "  ");
		if (se->flips && se->new_leader < d->n_approaches)
			buf_printf(&b, "%s %.1f%% → %s",
				   se->flip_at > se->weight ? "↑" : "↓",
				   se->flip_at * 100.0,
				   d->approaches[se->new_leader].name);
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

/* ---- criteria edits --------------------------------------------------------- */
static const struct criterion *sel_crit(struct app *a, struct tscreen *s)
{
	return a->d && s->crit.sel < a->d->n_criteria
	       ? &a->d->criteria[s->crit.sel] : NULL;
}

static void select_crit_id(struct app *a, struct tscreen *s, int64_t id)
{
	for (size_t i = 0; a->d && i < a->d->n_criteria; i++)
		if (a->d->criteria[i].id == id)
			list_select(&s->crit, i);
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
	struct tscreen *s;
	struct error e;
	char key[32];
	int64_t id = 0;
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
	err_clear(&e);
	if (store_criterion_add(a->store, a->ws, &c, &id, &e) < 0) {
		app_error(a, &e);
	} else {
		app_msg(a, MSG_OK, _("added the criterion “%s” (weight 1; w changes it)"),
			name);
		app_reload(a);
		if ((s = screen_state(a)))
			select_crit_id(a, s, id);
	}
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

	str_number(w0, sizeof(w0), c->weight);
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
	for (size_t i = 0; a->d && i < a->d->n_criteria; i++) {
		const struct criterion *c = &a->d->criteria[i];

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
	struct error e;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing removed"));
		return true;
	}
	err_clear(&e);
	if (store_criterion_delete(a->store, m->id, m->version, &e) < 0) {
		app_error(a, &e);
		return true;
	}
	app_msg(a, MSG_OK, _("removed the criterion “%s” with its scores and votes"),
		m->key ? m->key : "");
	app_reload(a);
	return true;
}

static void ask_delete(struct app *a, const struct criterion *c)
{
	size_t ns = 0, nv = 0;
	char *q;

	for (size_t i = 0; i < a->d->n_scores; i++)
		if (str_eq(a->d->scores[i].criterion, c->key) &&
		    (a->d->scores[i].has_value ||
		     !str_empty(a->d->scores[i].rationale)))
			ns++;
	for (size_t i = 0; i < a->d->n_votes; i++)
		if (str_eq(a->d->votes[i].criterion, c->key))
			nv++;
	q = str_printf(_("Remove the criterion “%s”? Its %zu scores and %zu votes go with it."),
		       to_crit_name(c), ns, nv);
	app_confirm(a, &(struct confirm_req){
		.title = _("Remove criterion"), .question = q,
		.done = delete_done, .id = c->id, .version = c->version,
		.key = to_crit_name(c) });
	free(q);
}

/* ---- the findings' weight nudges -------------------------------------------- */
/* The nudges that name a criterion of this workshop, in findings order. */
static size_t usable_nudges(struct app *a, const struct findings *f,
			    size_t *idx)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n_nudges; i++)
		if (wsdata_criterion_index(a->d, f->nudges[i].criterion) >= 0 &&
		    f->nudges[i].delta != 0)
			idx[n++] = i;
	return n;
}

static double nudged(const struct criterion *c, double delta)
{
	double w = c->weight + delta;

	return w < 0 ? 0 : w;
}

static bool nudges_done(struct app *a, struct modal *m, bool ok)
{
	struct tscreen *s = screen_state(a);
	struct findings f;
	struct buf said;
	size_t *idx, n, done = 0;

	if (!ok || !s || !a->d)
		return true;
	memset(&f, 0, sizeof(f));
	if (rules_evaluate(a->k, a->tpl, a->d, &f) < 0)
		return true;
	idx = calloc(f.n_nudges ? f.n_nudges : 1, sizeof(*idx));
	n = idx ? usable_nudges(a, &f, idx) : 0;
	buf_init(&said);
	/* The findings did not change under the picker: same order. */
	for (size_t i = 0; i < n && i < picker_count(m); i++) {
		const struct nudge *nd = &f.nudges[idx[i]];
		int ci = wsdata_criterion_index(a->d, nd->criterion);
		const struct criterion *c;
		char w0[32], w1[32], *key;

		if (!picker_checked(m, i) || ci < 0)
			continue;
		c = &a->d->criteria[ci];
		str_number(w0, sizeof(w0), c->weight);
		str_number(w1, sizeof(w1), nudged(c, nd->delta));
		/* Keys keep the message on one line: the list shows names.
		 * Copied first: the save reloads (fresh versions for the next
		 * nudge) and c goes with the old data. */
		key = str_dup(c->key);
		if (!key || app_save_field(a, "criterion", c->id, "weight", w1,
					   c->version) != ST_OK) {
			free(key);
			break;
		}
		strv_push(&s->applied, key);
		buf_printf(&said, "%s%s %s→%s", done ? ", " : "", key, w0, w1);
		free(key);
		done++;
	}
	if (done)
		app_msg(a, MSG_OK, _("applied %zu nudges: %s"), done,
			buf_str(&said));
	else if (a->msg_kind != MSG_ERROR && a->msg_kind != MSG_WARN)
		app_msg(a, MSG_INFO, "%s", _("no nudge applied"));
	buf_free(&said);
	free(idx);
	findings_clear(&f);
	return true;
}

static void show_nudges(struct app *a, struct tscreen *s)
{
	struct findings f;
	const char **labels;
	struct strv texts = { 0 };
	size_t *idx, n;
	struct modal *m;

	memset(&f, 0, sizeof(f));
	if (!a->k || rules_evaluate(a->k, a->tpl, a->d, &f) < 0) {
		app_msg(a, MSG_WARN, "%s", _("the findings could not be evaluated"));
		return;
	}
	idx = calloc(f.n_nudges ? f.n_nudges : 1, sizeof(*idx));
	n = idx ? usable_nudges(a, &f, idx) : 0;
	if (n == 0) {
		app_msg(a, MSG_INFO, "%s", _("the findings suggest no weight nudges for these criteria"));
		free(idx);
		findings_clear(&f);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct nudge *nd = &f.nudges[idx[i]];
		const struct criterion *c =
			&a->d->criteria[wsdata_criterion_index(a->d, nd->criterion)];
		char d[32], w0[32], w1[32];
		char *t;

		str_number(d, sizeof(d), nd->delta);
		str_number(w0, sizeof(w0), c->weight);
		str_number(w1, sizeof(w1), nudged(c, nd->delta));
		t = str_printf("%s %s%s  (%s → %s)%s", to_crit_name(c),
			       nd->delta > 0 ? "+" : "", d, w0, w1,
			       strv_contains(&s->applied, c->key)
			       ? _("  applied already") : "");
		strv_push(&texts, t ? t : "");
		free(t);
	}
	labels = calloc(n, sizeof(*labels));
	if (!labels) {
		strv_free(&texts);
		free(idx);
		findings_clear(&f);
		return;
	}
	for (size_t i = 0; i < n; i++)
		labels[i] = texts.v[i];
	m = picker_new(PICK_MANY, _("Weight nudges from the findings: Space toggles, Enter applies"),
		       labels, n, 0, nudges_done);
	if (m) {
		m->scope = SC_PICKER;
		for (size_t i = 0; i < n; i++) {
			const struct nudge *nd = &f.nudges[idx[i]];

			picker_check(m, i, !strv_contains(&s->applied,
							  nd->criterion));
		}
	}
	app_push(a, m);
	free(labels);
	strv_free(&texts);
	free(idx);
	findings_clear(&f);
}

static void toggle_weighting(struct app *a)
{
	bool to_ahp = a->d->ws.weighting != WEIGHTING_AHP;

	if (app_save_field(a, "workshop", a->ws, "weighting",
			   to_ahp ? "ahp" : "direct", a->d->ws.version) != ST_OK)
		return;
	app_msg(a, MSG_OK, "%s", to_ahp
		? _("weights now come from the pairwise judgements (AHP): p shows them")
		: _("weights now come from the raw weights (direct)"));
}

static bool criteria_key(struct app *a, struct tscreen *s, enum action act)
{
	const struct criterion *c = sel_crit(a, s);
	char where[64];
	struct modal *m;
	int64_t id;

	if (act == A_TO_ADD) {
		m = lineedit_new(_("New criterion: name"), "",
				 _("Enter add · Esc cancel"), add_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return true;
	}
	if (act == A_TO_NUDGES) {
		show_nudges(a, s);
		return true;
	}
	if (!c) {
		app_msg(a, MSG_WARN, "%s", _("no criterion selected (n adds one)"));
		return true;
	}
	/* With AHP the weights come from the judgements: a raw weight typed
	 * now would change nothing the room sees. */
	if ((act == A_TO_WEIGHT || act == A_TO_MORE || act == A_TO_LESS) &&
	    a->d->ws.weighting == WEIGHTING_AHP) {
		app_msg(a, MSG_WARN, "%s",
			_("AHP: weights come from the judgements (p); a switches to direct weights"));
		return true;
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
		return true;
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
		}
		app_push(a, m);
		return true;
	}
	case A_TO_MORE:
		save_weight(a, c, c->weight + 1);
		return true;
	case A_TO_LESS:
		if (c->weight <= 0) {
			app_msg(a, MSG_WARN, _("%s already weighs 0"), to_crit_name(c));
			return true;
		}
		save_weight(a, c, c->weight >= 1 ? c->weight - 1 : 0);
		return true;
	case A_TO_DELETE:
		ask_delete(a, c);
		return true;
	case A_TO_MOVE_DOWN:
	case A_TO_MOVE_UP: {
		struct error e;
		int delta = act == A_TO_MOVE_DOWN ? 1 : -1;

		if ((delta < 0 && s->crit.sel == 0) ||
		    (delta > 0 && s->crit.sel + 1 >= a->d->n_criteria))
			return true;
		id = c->id;
		err_clear(&e);
		if (store_criterion_move(a->store, id, delta, &e) < 0) {
			app_error(a, &e);
			return true;
		}
		app_reload(a);
		select_crit_id(a, s, id);
		return true;
	}
	default:
		return false;
	}
}

static bool to_key(struct app *a, void *state, enum action act)
{
	struct tscreen *s = state;

	switch (act) {
	case A_TO_VIEW_MATRIX:
		s->view = TV_MATRIX;
		return true;
	case A_TO_VIEW_CRITERIA:
		s->view = TV_CRITERIA;
		return true;
	case A_TO_VIEW_PAIRWISE:
		s->view = TV_PAIRWISE;
		return true;
	case A_TO_VIEW_SENSITIVITY:
		s->view = TV_SENSITIVITY;
		return true;
	case A_TO_WEIGHTING:
		toggle_weighting(a);
		return true;
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

const struct screen_ops screen_tradeoffs_ops = {
	.open = to_open,
	.close = to_close,
	.draw = to_draw,
	.key = to_key,
	.refresh = to_refresh,
	.list = to_list,
	.status = to_status,
	.scope = to_scope,
};

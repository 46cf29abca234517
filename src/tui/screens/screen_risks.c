#include "config.h"
/*
 * screen 7, Risks: the risk register (id, score, probability × impact,
 * status, owner, description) sorted by score or by id and coloured by
 * score band; a 5×5 probability × impact heat map with the count of risks
 * in each cell and the selected risk's cell marked; the selected risk's
 * mitigation; add, edit every field, delete, and add the risks that the
 * matched Findings rules suggest.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct rscreen {
	struct app *a;
	struct list list;
	const size_t *order;   /* the session's display order (indices) */
	size_t n;
	bool by_id;            /* sorted by id rather than by score */
	int64_t sel_id;        /* the selected risk, kept across reloads */
	bool announce;         /* say which risk sel_id is once it shows */
	/* Where the last full frame drew the parts a move changes. */
	struct {
		bool valid;
		int y, x, h, w;            /* the body rectangle */
		size_t sel, top;
		bool by_id;
		int list_y, list_h, list_w;
		int heat_y, heat_x, heat_h, heat_cw;
		int detail_y, detail_x, detail_h, detail_w;
	} drawn;
};

static const char *const prob_labels[5] = {
	N_("1  rare"), N_("2  unlikely"), N_("3  possible"), N_("4  likely"),
	N_("5  almost certain")
};
static const char *const impact_labels[5] = {
	N_("1  negligible"), N_("2  minor"), N_("3  moderate"), N_("4  major"),
	N_("5  severe")
};

enum rfield {
	RF_DESCRIPTION = 0, RF_PROBABILITY, RF_IMPACT, RF_OWNER, RF_MITIGATION,
	RF_STATUS, RF_COUNT
};

static const char *const rfield_ids[RF_COUNT] = {
	"description", "probability", "impact", "owner", "mitigation", "status"
};
static const char *const rfield_names[RF_COUNT] = {
	N_("Description"), N_("Probability"), N_("Impact"), N_("Owner"),
	N_("Mitigation"), N_("Status")
};

static enum role band_role(int score)
{
	static const enum role roles[] = {
		[RISK_BAND_LOW] = CR_OK, [RISK_BAND_MEDIUM] = CR_WARNING,
		[RISK_BAND_HIGH] = CR_ERROR
	};

	return roles[risk_band(score)];
}

static struct rscreen *self(struct app *a)
{
	return tui_screen_state(a, &screen_risks_ops);
}

static const struct risk *row_risk(const struct rscreen *s, size_t i)
{
	const struct workshop_data *d = app_data(s->a);

	return d && i < s->n && s->order[i] < d->n_risks ? &d->risks[s->order[i]]
							 : NULL;
}

static const struct risk *sel_risk(const struct rscreen *s)
{
	return s->n ? row_risk(s, s->list.sel) : NULL;
}

static const char *row_text(void *ctx, size_t i)
{
	const struct risk *r = row_risk(ctx, i);

	return r ? r->description : NULL;
}

static void rk_refresh(struct app *a, void *state)
{
	struct rscreen *s = state;
	const struct sess_view *v = app_view(a);
	int64_t keep = s->sel_id;

	s->n = app_data(a) ? app_data(a)->n_risks : 0;
	s->order = s->by_id ? v->risks_by_id : v->risks_by_score;
	list_set_count(&s->list, s->n);
	for (size_t i = 0; keep && i < s->n; i++)
		if (app_data(a)->risks[s->order[i]].id == keep)
			list_select(&s->list, i);
	if (s->announce && sel_risk(s) && sel_risk(s)->id == keep) {
		const struct risk *r = sel_risk(s);

		app_msg(a, MSG_OK, _("added %s (P%d×I%d = %d): e sets the owner and mitigation"),
			r->key, r->probability, r->impact, risk_score(r));
		s->announce = false;
	}
}

static int rk_open(struct app *a, void **state)
{
	struct rscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	rk_refresh(a, s);
	return ST_OK;
}

static void rk_close(struct app *a, void *state)
{
	struct rscreen *s = state;

	(void)a;
	list_free(&s->list);
	free(s);
}

static struct list *rk_list(struct app *a, void *state)
{
	(void)a;
	return &((struct rscreen *)state)->list;
}

/* ---- drawing ------------------------------------------------------------- */
struct cols {
	int key, score, pi, status, owner, desc;
};

static void layout_cols(struct cols *c, int w)
{
	c->key = 5;
	c->score = 5;
	c->pi = 6;
	c->status = 11;
	c->owner = w >= 100 ? 14 : 9;
	c->desc = w - 2 - c->key - c->score - c->pi - c->status - c->owner - 5;
	if (c->desc < 8)
		c->desc = 8;
}

/* Row i of the register at screen row y; false past the last. */
static bool draw_row(struct rscreen *s, size_t i, int y, int x, int w,
		     struct buf *b)
{
	const struct risk *rk = row_risk(s, i);
	char num[16], pi[16];
	struct cols c;

	if (!rk)
		return false;
	layout_cols(&c, w);
	b->len = 0;
	snprintf(num, sizeof(num), "%d", risk_score(rk));
	snprintf(pi, sizeof(pi), _("P%d×I%d"), rk->probability, rk->impact);
	buf_puts(b, i == s->list.sel ? "› " : "  ");
	draw_cell(b, rk->key, c.key, false);
	buf_putc(b, ' ');
	draw_cell(b, num, c.score, true);
	buf_putc(b, ' ');
	draw_cell(b, pi, c.pi, false);
	buf_putc(b, ' ');
	draw_cell(b, risk_status_label(rk->status), c.status, false);
	buf_putc(b, ' ');
	draw_cell(b, str_empty(rk->owner) ? "—" : rk->owner, c.owner, false);
	buf_putc(b, ' ');
	draw_cell(b, rk->description, c.desc, false);
	draw_role(i == s->list.sel ? CR_SELECTED
		  : rk->status == RISK_CLOSED ? CR_DIM
		  : band_role(risk_score(rk)));
	draw_line(y, x, buf_str(b), w);
	return true;
}

static void draw_list(struct rscreen *s, int y, int x, int h, int w)
{
	struct cols c;
	struct buf b;

	layout_cols(&c, w);
	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, _("ID"), c.key, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Score"), c.score, true);
	buf_putc(&b, ' ');
	draw_cell(&b, _("P×I"), c.pi, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Status"), c.status, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Owner"), c.owner, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Description"), c.desc, false);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (s->n == 0) {
		draw_role(CR_DIM);
		draw_line(y + 2, x + 2, _("No risks recorded yet."), w - 2);
		draw_line(y + 3, x + 2,
			  _("n adds one; f adds those the findings suggest."),
			  w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 1);
	list_place(&s->list, y + 1);
	for (int r = 0; r < h - 1; r++)
		if (!draw_row(s, s->list.top + (size_t)r, y + 1 + r, x, w, &b))
			break;
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* Width the heat map needs with cells of `cw` columns. */
static int heat_width(int cw)
{
	return 4 + 5 * cw;
}

/*
 * The 5×5 heat map: probability 5 at the top, impact 1 at the left, the
 * count in each cell (a dot for none), the selected risk's cell in
 * brackets.  Cells take the colour of their score band; counts make it
 * read without colour.  Returns the rows drawn.
 */
static int draw_heat(struct rscreen *s, int y, int x, int h, int cw)
{
	const struct workshop_data *d = app_data(s->a);
	const struct risk *cur = sel_risk(s);
	int count[5][5] = { { 0 } };
	int row = 0;
	char t[32];

	for (size_t i = 0; i < d->n_risks; i++) {
		const struct risk *r = &d->risks[i];

		if (r->probability >= 1 && r->probability <= 5 &&
		    r->impact >= 1 && r->impact <= 5)
			count[r->probability - 1][r->impact - 1]++;
	}
	if (h < 1)
		return 0;
	draw_role(CR_HEADING);
	draw_line(y + row++, x, _("Probability × impact"), heat_width(cw));
	if (row < h) {
		draw_role(CR_DIM);
		draw_text(y + row, x, _("P\\I"), 4);
		for (int c = 0; c < 5; c++) {
			snprintf(t, sizeof(t), "%*s%d", (cw - 1) / 2, "", c + 1);
			draw_text(y + row, x + 4 + c * cw, t, cw);
		}
		row++;
	}
	for (int p = 5; p >= 1 && row < h; p--, row++) {
		draw_role(CR_DIM);
		snprintf(t, sizeof(t), " %d", p);
		draw_line(y + row, x, t, 4);
		for (int i = 1; i <= 5; i++) {
			int n = count[p - 1][i - 1], pad;
			bool mark = cur && cur->probability == p &&
				    cur->impact == i;
			char cell[64];

			if (mark)
				snprintf(t, sizeof(t), "[%d]", n);
			else if (n)
				snprintf(t, sizeof(t), "%d", n);
			else
				snprintf(t, sizeof(t), "·");
			/* Centre the text in the cell. */
			pad = (cw - utf8_width(t)) / 2;
			if (pad < 0 || pad > 8)
				pad = 0;
			snprintf(cell, sizeof(cell), "%*s%s", pad, "", t);
			attrset(draw_attr(band_role(p * i)) |
				(n ? A_REVERSE : 0));
			draw_line(y + row, x + 4 + (i - 1) * cw, cell, cw - 1);
			draw_role(CR_NORMAL);
		}
	}
	if (row < h) {
		draw_role(CR_DIM);
		{
			char *leg = str_printf(_("≥%d high · %d–%d med · low"),
					       RISK_HIGH_MIN, RISK_MEDIUM_MIN,
					       RISK_HIGH_MIN - 1);

			draw_clip(y + row, x, leg ? leg : "", heat_width(cw) + 2);
			free(leg);
		}
		row++;
	}
	draw_role(CR_NORMAL);
	return row;
}

/* Wrapped text under a label; returns the rows used. */
static int draw_para(int y, int x, int h, int w, enum role role,
		     const char *text)
{
	size_t st[32], ln[32], n = draw_wrap(text, w, st, ln, 32);
	int r = 0;

	draw_role(role);
	for (size_t i = 0; i < n && r < h; i++, r++) {
		char *t = str_ndup(text + st[i], ln[i]);

		draw_line(y + r, x, t ? t : "", w);
		free(t);
	}
	draw_role(CR_NORMAL);
	return r;
}

static void draw_detail(struct rscreen *s, int y, int x, int h, int w)
{
	const struct risk *r = sel_risk(s);
	char *t;
	int row = 0;

	if (!r || h < 1 || w < 4)
		return;
	t = str_printf(_("%s · score %d (%s) · %s · owner %s"), r->key,
		       risk_score(r), risk_band_label(risk_band(risk_score(r))),
		       risk_status_label(r->status),
		       str_empty(r->owner) ? "—" : r->owner);
	draw_role(CR_HEADING);
	draw_clip(y + row++, x, t ? t : "", w);
	free(t);
	row += draw_para(y + row, x, h - row, w, CR_NORMAL, r->description);
	if (row >= h)
		return;
	t = str_printf("%s: %s", _("Mitigation"),
		       str_empty(r->mitigation) ? "—" : r->mitigation);
	row += draw_para(y + row, x, h - row, w, CR_DIM, t ? t : "");
	free(t);
}

static void rk_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct rscreen *s = state;
	int lh, hx, hy, hh, cw, dy, dx, dh, dw, lw;

	(void)a;
	s->sel_id = sel_risk(s) ? sel_risk(s)->id : 0;
	if (w >= 120) {
		/* Register on the left, heat map and detail on the right. */
		int pw = heat_width(6) + 14;

		lw = w - pw - 1;
		lh = h;
		hy = y;
		hx = x + lw + 3;
		hh = h;
		cw = 6;
		draw_list(s, y, x, lh, lw);
		draw_role(CR_DIM);
		draw_vline(y, x + lw, h);
		hh = draw_heat(s, hy, hx, hh, cw);
		dy = y + hh + 1;
		dx = x + lw + 2;
		dh = h - hh - 1;
		dw = pw - 3;
	} else {
		/* Register on top; heat map and detail below it. */
		int bh = h >= 18 ? 9 : 8, hw = heat_width(4) + 1;

		lh = h - bh;
		if (lh < 3) {
			lh = 3;
			bh = h - lh;
		}
		lw = w;
		hy = y + lh + 1;
		hx = x + 1;
		hh = bh - 1;
		cw = 4;
		draw_list(s, y, x, lh, w);
		draw_role(CR_DIM);
		draw_hline(y + lh, x, w);
		draw_heat(s, hy, hx, hh, cw);
		draw_role(CR_DIM);
		draw_vline(y + lh + 1, x + hw + 2, bh - 1);
		dy = y + lh + 1;
		dx = x + hw + 4;
		dh = bh - 1;
		dw = w - hw - 4;
	}
	draw_detail(s, dy, dx, dh, dw);
	s->drawn.valid = s->n > 0;
	s->drawn.y = y;
	s->drawn.x = x;
	s->drawn.h = h;
	s->drawn.w = w;
	s->drawn.sel = s->list.sel;
	s->drawn.top = s->list.top;
	s->drawn.by_id = s->by_id;
	s->drawn.list_y = y;
	s->drawn.list_h = lh;
	s->drawn.list_w = lw;
	s->drawn.heat_y = hy;
	s->drawn.heat_x = hx;
	s->drawn.heat_h = w >= 120 ? h : hh;
	s->drawn.heat_cw = cw;
	s->drawn.detail_y = dy;
	s->drawn.detail_x = dx;
	s->drawn.detail_h = dh;
	s->drawn.detail_w = dw;
}

/* A move in the register on the last frame: the rows left and entered,
 * the heat map's bracketed cell and the detail; else a full frame. */
static bool rk_draw_light(struct app *a, void *state, int y, int x, int h,
			  int w)
{
	struct rscreen *s = state;
	struct buf b;

	(void)a;
	if (!s->drawn.valid || s->drawn.y != y || s->drawn.x != x ||
	    s->drawn.h != h || s->drawn.w != w || s->drawn.by_id != s->by_id)
		return false;
	list_scroll(&s->list, s->drawn.list_h - 1);
	if (s->list.top != s->drawn.top)
		return false;
	s->sel_id = sel_risk(s) ? sel_risk(s)->id : 0;
	if (s->list.sel == s->drawn.sel)
		return true;
	buf_init(&b);
	draw_row(s, s->drawn.sel, s->drawn.list_y + 1 +
		 (int)(s->drawn.sel - s->list.top), x, s->drawn.list_w, &b);
	draw_row(s, s->list.sel, s->drawn.list_y + 1 +
		 (int)(s->list.sel - s->list.top), x, s->drawn.list_w, &b);
	buf_free(&b);
	draw_heat(s, s->drawn.heat_y, s->drawn.heat_x, s->drawn.heat_h,
		  s->drawn.heat_cw);
	draw_role(CR_NORMAL);
	draw_fill(s->drawn.detail_y, s->drawn.detail_x, s->drawn.detail_h,
		  s->drawn.detail_w);
	draw_detail(s, s->drawn.detail_y, s->drawn.detail_x,
		    s->drawn.detail_h, s->drawn.detail_w);
	draw_role(CR_NORMAL);
	s->drawn.sel = s->list.sel;
	return true;
}

/* ---- saving -------------------------------------------------------------- */
/*
 * One field through app_save_field: ST_OK saved; ST_CONFLICT the keep
 * mine / take theirs dialog took over; anything else was said and the
 * editor stays open.  `key` may point into the data the save reloads.
 */
static int save_field(struct app *a, int64_t id, int64_t version,
		      const char *field, const char *value, const char *key)
{
	char *k = str_dup(key ? key : "");
	int rc = app_save_field(a, "risk", id, field, value, version);

	if (rc == ST_OK)
		app_msg(a, MSG_OK, _("%s: %s saved"), k ? k : "", field);
	free(k);
	return rc;
}

/* Text of an editor without outer blank lines and spaces (new string). */
static char *edited_text(struct modal *m, bool multi)
{
	char *t = str_dup(edit_text(m));
	size_t l;

	if (!t)
		return NULL;
	if (!multi)
		return str_trim(t);
	l = strlen(t);
	while (l > 0 && (t[l - 1] == '\n' || t[l - 1] == ' '))
		t[--l] = '\0';
	return t;
}

static bool text_done(struct app *a, struct modal *m, bool ok)
{
	enum rfield f = (enum rfield)m->kind;
	const struct risk *r = NULL;
	char *t;
	int rc;

	if (!ok)
		return true;
	t = edited_text(m, f == RF_MITIGATION);
	if (!t)
		return true;
	if (f == RF_DESCRIPTION && !*t) {
		free(t);
		edit_set_hint(m, _("a description is required (Esc cancels)"));
		return false;
	}
	for (size_t i = 0; app_data(a) && i < app_data(a)->n_risks; i++)
		if (app_data(a)->risks[i].id == m->id)
			r = &app_data(a)->risks[i];
	rc = save_field(a, m->id, m->version, rfield_ids[f], t,
			r ? r->key : m->key);
	free(t);
	return rc == ST_OK || rc == ST_CONFLICT;
}

static bool level_done(struct app *a, struct modal *m, bool ok)
{
	char v[8];

	if (!ok)
		return true;
	snprintf(v, sizeof(v), "%zu", picker_selected(m) + 1);
	save_field(a, m->id, m->version, rfield_ids[m->kind], v, m->key);
	return true;
}

static bool status_done(struct app *a, struct modal *m, bool ok)
{
	if (!ok || picker_selected(m) >= RISK_STATUS_COUNT)
		return true;
	save_field(a, m->id, m->version, "status",
		   risk_status_id((enum risk_status)picker_selected(m)),
		   m->key);
	return true;
}

static void push_picker(struct app *a, struct modal *m, const struct risk *r,
			int kind)
{
	if (m) {
		m->scope = SC_PICKER;
		m->id = r ? r->id : 0;
		m->version = r ? r->version : 0;
		m->key = str_dup(r ? r->key : NULL);
		m->kind = kind;
		/* What the choice started from: a change of another field
		 * meanwhile is no conflict. */
		if (r && (kind == RF_PROBABILITY || kind == RF_IMPACT))
			m->base = str_printf("%d", kind == RF_IMPACT
					     ? r->impact : r->probability);
		else if (r && kind == RF_STATUS)
			m->base = str_dup(risk_status_id(r->status));
	}
	app_push(a, m);
}

static void level_picker(struct app *a, const char *title,
			 const char *const *labels, int cur,
			 modal_done_fn done, const struct risk *r, int kind)
{
	const char *lab[5];

	for (size_t i = 0; i < 5; i++)
		lab[i] = _(labels[i]);
	push_picker(a, picker_new(PICK_SCALE, title, lab, 5,
				  cur >= 1 && cur <= 5 ? (size_t)cur - 1 : 2,
				  done), r, kind);
}

static void status_picker(struct app *a, const struct risk *r)
{
	const char *lab[RISK_STATUS_COUNT];

	for (size_t i = 0; i < RISK_STATUS_COUNT; i++)
		lab[i] = risk_status_label((enum risk_status)i);
	push_picker(a, picker_new(PICK_ONE, _("Risk status"), lab,
				  RISK_STATUS_COUNT, (size_t)r->status,
				  status_done), r, RF_STATUS);
}

static void edit_field(struct app *a, const struct risk *r, enum rfield f)
{
	char where[96];
	const char *init;

	switch (f) {
	case RF_PROBABILITY:
		level_picker(a, _("Probability"), prob_labels, r->probability,
			     level_done, r, f);
		return;
	case RF_IMPACT:
		level_picker(a, _("Impact"), impact_labels, r->impact,
			     level_done, r, f);
		return;
	case RF_STATUS:
		status_picker(a, r);
		return;
	default:
		break;
	}
	init = f == RF_DESCRIPTION ? r->description
	       : f == RF_OWNER ? r->owner : r->mitigation;
	snprintf(where, sizeof(where), "risk:%lld:%s", (long long)r->id,
		 rfield_ids[f]);
	app_edit(a, &(struct edit_req){
		.where = where, .title = _(rfield_names[f]),
		.init = init ? init : "",
		.hint = f == RF_MITIGATION ? NULL
			: _("Enter save · Esc cancel"),
		.multi = f == RF_MITIGATION, .done = text_done, .id = r->id,
		.version = r->version, .key = r->key, .kind = (int)f });
}

static bool field_done(struct app *a, struct modal *m, bool ok)
{
	struct rscreen *s = self(a);
	const struct risk *r = s ? sel_risk(s) : NULL;

	if (!ok || !r || r->id != m->id || picker_selected(m) >= RF_COUNT)
		return true;
	edit_field(a, r, (enum rfield)picker_selected(m));
	return true;
}

static void field_picker(struct app *a, const struct risk *r)
{
	char *lab[RF_COUNT];
	char num[8];

	for (size_t f = 0; f < RF_COUNT; f++) {
		const char *v = "";

		switch ((enum rfield)f) {
		case RF_DESCRIPTION: v = r->description; break;
		case RF_OWNER: v = r->owner; break;
		case RF_MITIGATION: v = r->mitigation; break;
		case RF_STATUS: v = risk_status_label(r->status); break;
		case RF_PROBABILITY:
		case RF_IMPACT:
			snprintf(num, sizeof(num), "%d", f == RF_IMPACT
				 ? r->impact : r->probability);
			v = num;
			break;
		default: break;
		}
		lab[f] = str_printf("%-12s %s", _(rfield_names[f]),
				    str_empty(v) ? "—" : v);
	}
	push_picker(a, picker_new(PICK_ONE, _("Edit which field?"),
				  (const char *const *)lab, RF_COUNT, 0,
				  field_done), r, 0);
	for (size_t f = 0; f < RF_COUNT; f++)
		free(lab[f]);
}

/* ---- adding -------------------------------------------------------------- */
static bool add_impact_done(struct app *a, struct modal *m, bool ok)
{
	struct rscreen *s = self(a);
	struct sess_result res = { 0 };
	struct risk r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("no risk added"));
		return true;
	}
	r.key = "";
	r.description = m->key;
	r.probability = (int)m->version;
	r.impact = (int)picker_selected(m) + 1;
	r.status = RISK_OPEN;
	if (session_add_risk(a->s, &r, &res) == ST_OK && s) {
		s->sel_id = res.id;
		s->announce = true;
	} else {
		app_result(a, &res, NULL);
	}
	sess_result_clear(&res);
	return true;
}

static bool add_prob_done(struct app *a, struct modal *m, bool ok)
{
	const char *lab[5];
	struct modal *p;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("no risk added"));
		return true;
	}
	for (size_t i = 0; i < 5; i++)
		lab[i] = _(impact_labels[i]);
	p = picker_new(PICK_SCALE, _("Impact"), lab, 5, 2, add_impact_done);
	if (p) {
		p->scope = SC_PICKER;
		p->key = str_dup(m->key);
		/* The probability rides along in the version slot. */
		p->version = (int64_t)picker_selected(m) + 1;
	}
	app_push(a, p);
	return true;
}

static bool add_desc_done(struct app *a, struct modal *m, bool ok)
{
	const char *lab[5];
	struct modal *p;
	char *t;

	if (!ok)
		return true;
	t = edited_text(m, false);
	if (!t)
		return true;
	if (!*t) {
		free(t);
		edit_set_hint(m, _("a description is required (Esc cancels)"));
		return false;
	}
	for (size_t i = 0; i < 5; i++)
		lab[i] = _(prob_labels[i]);
	p = picker_new(PICK_SCALE, _("Probability"), lab, 5, 2, add_prob_done);
	if (p) {
		p->scope = SC_PICKER;
		p->key = t;
	} else {
		free(t);
	}
	app_push(a, p);
	return true;
}

/* ---- suggestions from the findings --------------------------------------- */
static bool suggest_done(struct app *a, struct modal *m, bool ok)
{
	struct rscreen *s = self(a);
	/* The suggestions as the picker showed them (a reload meanwhile may
	 * have changed the session's list). */
	const struct suggested_risk **sugg = m->ctx;
	struct sess_result res = { 0 };
	size_t n = 0, checked = 0, count = picker_count(m);

	if (!ok || !s || !sugg) {
		app_msg(a, MSG_INFO, "%s", _("no risk added"));
		return true;
	}
	for (size_t i = 0; i < count; i++)
		if (picker_checked(m, i))
			checked++;
	for (size_t i = 0; i < count; i++) {
		const struct suggested_risk *sr = sugg[i];
		struct risk r = { 0 };

		/* Nothing ticked: Enter adds the one under the cursor. */
		if (checked ? !picker_checked(m, i) : i != picker_selected(m))
			continue;
		r.key = "";
		r.description = sr->description;
		r.probability = sr->probability >= 1 && sr->probability <= 5
				? sr->probability : 3;
		r.impact = sr->impact >= 1 && sr->impact <= 5 ? sr->impact : 3;
		r.mitigation = sr->mitigation;
		r.status = RISK_OPEN;
		if (session_add_risk(a->s, &r, &res) < 0)
			break;
		s->sel_id = res.id;
		n++;
	}
	if (res.status != SESS_SAVED)
		app_result(a, &res, NULL);
	else
		app_msg(a, MSG_OK, n == 1 ? _("added %zu risk suggested by the findings")
			: _("added %zu risks suggested by the findings"), n);
	sess_result_clear(&res);
	return true;
}

static void suggest(struct app *a)
{
	const struct sess_view *v = app_view(a);
	char **lab;
	struct modal *m;

	if (!app_k(a)) {
		app_msg(a, MSG_WARN, "%s", _("no content loaded: no findings to take risks from"));
		return;
	}
	if (!v->n_risk_suggestions) {
		app_msg(a, MSG_INFO, "%s", _("the findings suggest no risk that is not already in the register"));
		return;
	}
	lab = calloc(v->n_risk_suggestions, sizeof(*lab));
	if (!lab) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	for (size_t i = 0; i < v->n_risk_suggestions; i++)
		lab[i] = str_printf(_("P%d×I%d  %s"),
				    v->risk_suggestions[i]->probability,
				    v->risk_suggestions[i]->impact,
				    v->risk_suggestions[i]->description);
	m = picker_new(PICK_MANY, _("Risks suggested by the findings"),
		       (const char *const *)lab, v->n_risk_suggestions, 0,
		       suggest_done);
	for (size_t i = 0; i < v->n_risk_suggestions; i++)
		free(lab[i]);
	free(lab);
	if (m) {
		m->scope = SC_PICKER;
		m->ctx = malloc(v->n_risk_suggestions * sizeof(*v->risk_suggestions));
		m->ctx_free = free;
		if (m->ctx)
			memcpy(m->ctx, v->risk_suggestions,
			       v->n_risk_suggestions * sizeof(*v->risk_suggestions));
	}
	app_push(a, m);
	app_msg(a, MSG_INFO, "%s", _("Space ticks several; Enter adds the ticked ones (or the one under the cursor)"));
}

/* ---- delete -------------------------------------------------------------- */
static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_delete_risk(a->s, m->id, m->version, &r);
	app_result(a, &r, _("deleted risk %s (u brings it back)"), m->key);
	sess_result_clear(&r);
	return true;
}

static enum reaction rk_key(struct app *a, void *state, enum action act)
{
	struct rscreen *s = state;
	const struct risk *r = sel_risk(s);
	struct modal *m;
	char *q;

	switch (act) {
	case A_RK_NEW:
		m = lineedit_new(_("New risk: description"), "",
				 _("Enter next (probability, impact) · Esc cancel"),
				 add_desc_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	case A_RK_SORT:
		s->sel_id = r ? r->id : 0;
		s->by_id = !s->by_id;
		rk_refresh(a, s);
		app_msg(a, MSG_INFO, "%s", s->by_id ? _("sorted by id")
			: _("sorted by score, highest first"));
		return R_DONE;
	case A_RK_SUGGEST:
		suggest(a);
		return R_DONE;
	default:
		break;
	}
	if (!r) {
		if (act == A_RK_EDIT || act == A_RK_STATUS || act == A_RK_DELETE) {
			app_msg(a, MSG_WARN, "%s", _("no risk selected (n adds one)"));
			return R_DONE;
		}
		return R_PASS;
	}
	switch (act) {
	case A_RK_EDIT:
		field_picker(a, r);
		return R_DONE;
	case A_RK_STATUS:
		status_picker(a, r);
		return R_DONE;
	case A_RK_DELETE:
		q = str_printf(_("Delete risk %s “%s”? (u brings it back)"),
			       r->key, r->description ? r->description : "");
		app_confirm_delete(a, "risk", r->id, &(struct confirm_req){
			.title = _("Delete risk"), .question = q,
			.done = delete_done, .id = r->id,
			.version = r->version, .key = r->key });
		free(q);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void rk_status(struct app *a, void *state, char *buf, size_t size)
{
	struct rscreen *s = state;
	const struct sess_view *v = app_view(a);

	snprintf(buf, size, _("%zu risks · %zu open · %zu high · by %s"),
		 s->n, v->n_risks_open, v->n_risks_high,
		 s->by_id ? _("id") : _("score"));
}

/* Follow mode by item: a risk by its key, whatever the sort. */
static void rk_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct risk *r = row_risk(state, row);

	(void)a;
	if (r)
		snprintf(buf, size, "r:%s", r->key);
}

const struct screen_ops screen_risks_ops = {
	.open = rk_open,
	.close = rk_close,
	.draw = rk_draw,
	.key = rk_key,
	.refresh = rk_refresh,
	.list = rk_list,
	.status = rk_status,
	.draw_light = rk_draw_light,
	.item = rk_item,
};

const struct risk *risks_selected(struct app *a)
{
	struct rscreen *s = self(a);

	return s && app_data(a) ? sel_risk(s) : NULL;
}

enum role risks_band_role(int score)
{
	return band_role(score);
}

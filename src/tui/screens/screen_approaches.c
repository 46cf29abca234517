#include "config.h"
/*
 * screen 4, Approaches: the workshop's two to five candidate approaches in
 * a list (name, pattern, components, how complete their scores are) over a
 * pane with every field of the selected one.  Focus is on the list or on
 * the fields (l / Enter go in, h / Esc come back); Enter on a field edits
 * it: a line or text editor, one line per entry for pros, cons and stages,
 * catalogue pickers for components, a picker for the pattern.  New
 * approaches start blank or from a library pattern (best fit first);
 * approaches move, duplicate and delete.  The fields and their editors are
 * in approach_fields.c; `v` opens the side-by-side view (screen_compare.c).
 */

#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "tui/app.h"
#include "tui/screens/approaches.h"
#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- state ---------------------------------------------------------------- */
enum focus { FOCUS_LIST = 0, FOCUS_FIELDS };

/* A row of the fields pane: a field, or one component (comp >= 0). */
struct drow {
	enum ap_field f;
	int comp;
};

struct ascreen {
	struct app *a;
	struct list list;          /* the approaches */
	struct list flist;         /* the fields of the selected one */
	struct drow *rows;
	struct strv rtext;         /* search text of each field row */
	size_t n_rows;
	int64_t rows_for;          /* approach id the rows were built for */
	bool stale;
	int64_t sel_id;            /* selected approach, kept over reloads */
	int64_t want;              /* select this id at the next refresh */
	enum focus focus;
	int dtop;                  /* first line of the fields pane shown */
	struct cmpview cv;
};

static const struct approach *cur_ap(struct ascreen *s)
{
	const struct workshop_data *d = app_data(s->a);

	return d && s->list.sel < d->n_approaches ? &d->approaches[s->list.sel]
						 : NULL;
}

static const char *ap_row_text(void *ctx, size_t i)
{
	struct ascreen *s = ctx;
	const struct workshop_data *d = app_data(s->a);

	return d && i < d->n_approaches ? d->approaches[i].name : NULL;
}

static const char *field_row_text(void *ctx, size_t i)
{
	struct ascreen *s = ctx;

	return i < s->rtext.n ? s->rtext.v[i] : NULL;
}

static int add_drow(struct ascreen *s, size_t *cap, enum ap_field f, int comp)
{
	const struct approach *ap = cur_ap(s);
	struct strv items = { 0 };
	char *t, *j;

	if (s->n_rows == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct drow *p = realloc(s->rows, nc * sizeof(*p));

		if (!p)
			return ST_ERROR;
		s->rows = p;
		*cap = nc;
	}
	s->rows[s->n_rows].f = f;
	s->rows[s->n_rows].comp = comp;
	s->n_rows++;
	if (comp >= 0) {
		t = str_printf("%s %s",
			       ap_category_name(app_k(s->a), ap->components[comp].category),
			       ap->components[comp].name);
	} else {
		ap_field_items(app_k(s->a), ap, f, &items);
		j = strv_join(&items, " ");
		t = str_printf("%s %s", ap_field_label(f), j ? j : "");
		free(j);
		strv_free(&items);
	}
	strv_push(&s->rtext, t ? t : "");
	free(t);
	return ST_OK;
}

/* Rebuild the field rows when the selection or the data changed. */
static void fields_sync(struct ascreen *s)
{
	const struct approach *ap = cur_ap(s);
	struct drow keep = { F_NAME, -1 };
	size_t cap = 0, *order = NULL, old = s->flist.sel, pick = 0;

	if (!s->stale && ap && ap->id == s->rows_for)
		return;
	if (!s->stale && !ap && !s->rows_for)
		return;
	if (s->n_rows && s->flist.sel < s->n_rows && ap &&
	    ap->id == s->rows_for)
		keep = s->rows[s->flist.sel];
	free(s->rows);
	s->rows = NULL;
	s->n_rows = 0;
	strv_free(&s->rtext);
	s->stale = false;
	s->rows_for = ap ? ap->id : 0;
	s->sel_id = s->rows_for;
	if (!ap) {
		list_set_count(&s->flist, 0);
		s->focus = FOCUS_LIST;
		return;
	}
	if (ap->n_components)
		order = calloc(ap->n_components, sizeof(*order));
	for (size_t i = 0; order && i < ap->n_components; i++) {
		/* Components shown by catalogue category, stable. */
		size_t r = ap_category_rank(app_k(s->a), ap->components[i].category),
		       j = i;

		while (j > 0 && ap_category_rank(app_k(s->a),
				ap->components[order[j - 1]].category) > r) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (int f = 0; f < F_COUNT; f++) {
		if (add_drow(s, &cap, (enum ap_field)f, -1) < 0)
			break;
		if (f == F_COMPONENTS && order)
			for (size_t i = 0; i < ap->n_components; i++)
				add_drow(s, &cap, F_COMPONENTS, (int)order[i]);
	}
	free(order);
	list_set_count(&s->flist, s->n_rows);
	/* The same row again; for a component that is gone, whatever now
	 * stands where it stood among the components, else the field. */
	for (size_t i = 0; i < s->n_rows; i++) {
		if (s->rows[i].f != keep.f)
			continue;
		if (s->rows[i].comp == keep.comp) {
			pick = i;
			break;
		}
		if (s->rows[i].comp < 0 || i <= old)
			pick = i;
	}
	list_select(&s->flist, pick);
}

static void ap_refresh(struct app *a, void *state)
{
	struct ascreen *s = state;
	const struct workshop_data *d = app_data(a);
	int64_t target = s->want ? s->want : s->sel_id;
	size_t n = d ? d->n_approaches : 0;

	s->a = a;
	s->want = 0;
	list_set_count(&s->list, n);
	for (size_t i = 0; target && i < n; i++)
		if (d->approaches[i].id == target)
			list_select(&s->list, i);
	s->stale = true;
	fields_sync(s);
	if (!n)
		s->cv.on = false;
}

static int ap_open(struct app *a, void **state)
{
	struct ascreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, ap_row_text, NULL);
	list_init(&s->flist, s, field_row_text, NULL);
	*state = s;
	ap_refresh(a, s);
	return ST_OK;
}

static void ap_close(struct app *a, void *state)
{
	struct ascreen *s = state;

	(void)a;
	compare_free(&s->cv);
	free(s->rows);
	strv_free(&s->rtext);
	list_free(&s->list);
	list_free(&s->flist);
	free(s);
}

static struct list *ap_list(struct app *a, void *state)
{
	struct ascreen *s = state;

	s->a = a;
	fields_sync(s);
	return s->focus == FOCUS_FIELDS && s->n_rows ? &s->flist : &s->list;
}

static struct ascreen *screen_state(struct app *a)
{
	return tui_screen_state(a, &screen_approaches_ops);
}

void approaches_select(struct app *a, int64_t id)
{
	struct ascreen *s = screen_state(a);

	if (s) {
		s->want = id;
		s->focus = FOCUS_LIST;
	}
}

struct cmpview *approaches_cmpview(struct app *a)
{
	struct ascreen *s = screen_state(a);

	return s ? &s->cv : NULL;
}

/* ---- drawing ---------------------------------------------------------------- */
/* "6/8" scored criteria, or "—" when the workshop has no criteria. */
static void score_text(const struct workshop_data *d, const struct approach *ap,
		       char *buf, size_t size)
{
	size_t done = 0;

	if (!d->n_criteria) {
		snprintf(buf, size, "—");
		return;
	}
	for (size_t c = 0; c < d->n_criteria; c++) {
		const struct score *sc = wsdata_score(d, ap->key,
						      d->criteria[c].key);

		if (sc && sc->has_value)
			done++;
	}
	snprintf(buf, size, "%zu/%zu", done, d->n_criteria);
}

static const char *approach_name(const void *ctx, size_t i)
{
	return ((const struct workshop_data *)ctx)->approaches[i].name;
}

static int draw_table(struct app *a, struct ascreen *s, int y, int x, int h,
		      int w)
{
	const struct workshop_data *d = app_data(a);
	int cn = 3, cc = 5, cs = 7, rest = w - 1 - cn - cc - cs - 4;
	int cname, cpat;
	int rows = (int)d->n_approaches, r;
	char **cut;
	struct buf b;

	if (rows > h - 1)
		rows = h - 1;
	if (rows < 1)
		rows = 1;
	/* Beyond ~100 columns wider cells only push the numbers away. */
	if (rest > 100)
		rest = 100;
	cname = rest * 3 / 5;
	cpat = rest - cname;
	buf_init(&b);
	buf_puts(&b, " ");
	draw_cell(&b, "#", cn, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Approach"), cname, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Pattern"), cpat, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Comp."), cc, true);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Scores"), cs, true);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	list_scroll(&s->list, rows);
	list_place(&s->list, y + 1);
	/* Two names that share a long start are cut where they differ. */
	cut = names_fit_each(d->n_approaches, cname, approach_name, d);
	for (r = 0; r < rows; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct approach *ap;
		const struct pattern *p;
		char num[32], comp[32], sc[48];
		bool sel;

		if (i >= d->n_approaches)
			break;
		ap = &d->approaches[i];
		sel = i == s->list.sel;
		p = ap->pattern && app_k(a) ? knowledge_pattern(app_k(a), ap->pattern)
					: NULL;
		b.len = 0;
		buf_puts(&b, sel ? "›" : " ");
		snprintf(num, sizeof(num), "%zu.", i + 1);
		draw_cell(&b, num, cn, false);
		buf_putc(&b, ' ');
		draw_cell(&b, cut && cut[i] ? cut[i] : ap->name, cname, false);
		buf_putc(&b, ' ');
		draw_cell(&b, ap->pattern ? (p && p->name ? p->name : ap->pattern)
			  : _("(blank)"), cpat, false);
		buf_putc(&b, ' ');
		snprintf(comp, sizeof(comp), "%zu", ap->n_components);
		draw_cell(&b, comp, cc, true);
		buf_putc(&b, ' ');
		score_text(d, ap, sc, sizeof(sc));
		draw_cell(&b, sc, cs, true);
		draw_role(sel && s->focus == FOCUS_LIST ? CR_SELECTED : CR_NORMAL);
		draw_line(y + 1 + r, x, buf_str(&b), w);
	}
	names_drop(&cut, d->n_approaches);
	buf_free(&b);
	draw_role(CR_NORMAL);
	return 1 + r;
}

/* One line of the fields pane. */
struct dline {
	size_t row;
	bool first;
	char *text;
};

static void draw_fields(struct app *a, struct ascreen *s, int y, int x,
			int h, int w)
{
	const struct approach *ap = cur_ap(s);
	int lw = w >= 100 ? 18 : 16, vw = w - 1 - lw;
	struct dline *dl = NULL;
	size_t n = 0, cap = 0, first = 0, last = 0;
	bool focus = s->focus == FOCUS_FIELDS;

	if (!ap || h < 1 || vw < 8)
		return;
	for (size_t i = 0; i < s->n_rows; i++) {
		const struct drow *r = &s->rows[i];
		struct strv items = { 0 }, lines = { 0 };

		if (r->comp >= 0) {
			char *t = str_printf("%s: %s",
				ap_category_name(app_k(a), ap->components[r->comp].category),
				ap->components[r->comp].name);

			if (t)
				strv_push(&items, t);
			free(t);
		} else {
			ap_field_items(app_k(a), ap, r->f, &items);
		}
		ap_wrap(&lines, &items, ap_field_bulleted(r->f) ? "• "
					: r->comp >= 0 ? "  " : NULL, vw - 1);
		if (!lines.n)
			strv_push(&lines, "");
		if (i == s->flist.sel)
			first = n;
		for (size_t j = 0; j < lines.n; j++) {
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 64;
				struct dline *p = realloc(dl, nc * sizeof(*p));

				if (!p)
					break;
				dl = p;
				cap = nc;
			}
			dl[n].row = i;
			dl[n].first = j == 0;
			dl[n].text = lines.v[j];
			lines.v[j] = NULL;
			n++;
		}
		if (i == s->flist.sel)
			last = n;
		strv_free(&items);
		strv_free(&lines);
	}
	/* Keep the field under the cursor in view (its start if taller). */
	if (!focus) {
		s->dtop = 0;
	} else {
		if ((int)first < s->dtop)
			s->dtop = (int)first;
		if ((int)last > s->dtop + h)
			s->dtop = (int)last - h > (int)first ? (int)first
							    : (int)last - h;
	}
	if (s->dtop > (int)n - 1)
		s->dtop = n ? (int)n - 1 : 0;
	for (int r = 0; r < h; r++) {
		size_t i = (size_t)(s->dtop + r);
		const struct drow *row;
		bool sel, empty;

		if (i >= n)
			break;
		row = &s->rows[dl[i].row];
		sel = focus && dl[i].row == s->flist.sel;
		empty = !*dl[i].text;
		draw_role(sel ? CR_SELECTED : CR_NORMAL);
		draw_fill(y + r, x, 1, w);
		if (sel && dl[i].first)
			draw_text(y + r, x, "›", 1);
		if (dl[i].first && row->comp < 0) {
			if (!sel)
				draw_role(CR_HEADING);
			draw_clip(y + r, x + 1, ap_field_label(row->f), lw - 1);
		}
		draw_role(sel ? CR_SELECTED : empty ? CR_DIM : CR_NORMAL);
		draw_text(y + r, x + 1 + lw, empty ? "—" : dl[i].text, vw - 1);
	}
	if (s->dtop + h < (int)n && w > 10) {
		draw_role(CR_DIM);
		draw_text(y + h - 1, x + w - 2, "↓", 1);
	}
	draw_role(CR_NORMAL);
	for (size_t i = 0; i < n; i++)
		free(dl[i].text);
	free(dl);
}

/* Only the side-by-side view scrolls a light frame. */
static bool ap_draw_light(struct app *a, void *state, int y, int x, int h,
			  int w)
{
	struct ascreen *s = state;

	return s->cv.on && compare_draw_light(a, &s->cv, y, x, h, w);
}

static void ap_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct ascreen *s = state;
	const struct workshop_data *d = app_data(a);
	const struct approach *ap;
	int used;
	char *t;

	s->a = a;
	fields_sync(s);
	if (s->cv.on) {
		compare_draw(a, &s->cv, y, x, h, w);
		return;
	}
	if (!d->n_approaches) {
		draw_role(CR_HEADING);
		draw_line(y, x, _(" Approaches"), w);
		draw_role(CR_DIM);
		draw_line(y + 2, x + 2, _("No approaches yet. Press n to add one, blank or from a library pattern;"), w - 2);
		draw_line(y + 3, x + 2, _("the Findings screen (3) ranks the patterns that fit the answers."), w - 2);
		draw_role(CR_NORMAL);
		return;
	}
	used = draw_table(a, s, y, x, h / 2, w);
	if (d->n_approaches < AP_MIN) {
		draw_role(CR_WARNING);
		draw_line(y + used, x + 1, _("Only one approach: add at least one more (n) to compare them."), w - 1);
	} else {
		draw_role(CR_DIM);
		draw_line(y + used, x + 1, s->focus == FOCUS_LIST
			  ? _("l or Enter: its fields · v: side by side")
			  : _("Enter edits the field · a adds a component · h back to the list"),
			  w - 1);
	}
	used++;
	ap = cur_ap(s);
	draw_role(CR_DIM);
	draw_hline(y + used, x, w);
	if (ap) {
		t = str_printf(" %s ", ap->name);
		draw_role(s->focus == FOCUS_FIELDS ? CR_HEADING : CR_DIM);
		draw_clip(y + used, x + 2, t ? t : "", w - 4);
		free(t);
	}
	used++;
	draw_fields(a, s, y + used, x, h - used, w);
}

static void ap_status(struct app *a, void *state, char *buf, size_t size)
{
	struct ascreen *s = state;
	size_t n = app_data(a) ? app_data(a)->n_approaches : 0;

	snprintf(buf, size, ngettext("%zu approach", "%zu approaches", n), n);
	if (s->focus == FOCUS_FIELDS && s->n_rows && strlen(buf) + 1 < size)
		snprintf(buf + strlen(buf), size - strlen(buf), " · %s",
			 _("fields"));
}


/* ---- duplicate, move, delete --------------------------------------------- */
static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };
	size_t left = app_data(a) ? app_data(a)->n_approaches - 1 : 0;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	if (session_delete_approach(a->s, m->id, m->version, &r) < 0)
		app_result(a, &r, NULL);
	else if (left < AP_MIN)
		app_msg(a, MSG_WARN, _("deleted “%s”: fewer than 2 approaches left, add one (n) to compare"),
			m->key);
	else
		app_msg(a, MSG_OK, _("deleted “%s” (u brings it back)"), m->key);
	sess_result_clear(&r);
	return true;
}

static void ask_delete(struct app *a, const struct approach *ap)
{
	const struct workshop_data *d = app_data(a);
	size_t ns = 0, nv = 0;
	char *q, *sc, *vo;

	for (size_t i = 0; i < d->n_scores; i++)
		if (str_eq(d->scores[i].approach, ap->key) &&
		    (d->scores[i].has_value || !str_empty(d->scores[i].rationale)))
			ns++;
	for (size_t i = 0; i < d->n_votes; i++)
		if (str_eq(d->votes[i].approach, ap->key))
			nv++;
	sc = str_printf(ngettext("%zu score", "%zu scores", ns), ns);
	vo = str_printf(ngettext("%zu vote", "%zu votes", nv), nv);
	q = str_printf(_("Delete the approach “%s”? Its %s and %s go with it (u brings them back)."),
		       ap->name, sc ? sc : "", vo ? vo : "");
	app_confirm_delete(a, "approach", ap->id, &(struct confirm_req){
		.title = _("Delete approach"), .question = q,
		.done = delete_done, .id = ap->id, .version = ap->version,
		.key = ap->name });
	free(q);
	free(sc);
	free(vo);
}

static void move(struct app *a, struct ascreen *s, const struct approach *ap,
		 int delta)
{
	struct sess_result r = { 0 };
	size_t i = s->list.sel;

	if ((delta < 0 && i == 0) ||
	    (delta > 0 && i + 1 >= app_data(a)->n_approaches)) {
		app_msg(a, MSG_INFO, "%s", delta < 0 ? _("already the first")
			: _("already the last"));
		return;
	}
	if (session_move_approach(a->s, ap->id, delta, &r) == ST_OK)
		s->want = ap->id;
	app_result(a, &r, _("moved to position %zu"),
		   (size_t)((long)i + delta + 1));
	sess_result_clear(&r);
}

static void duplicate(struct app *a, struct ascreen *s,
		      const struct approach *ap)
{
	struct sess_result r = { 0 };

	if (app_data(a)->n_approaches >= AP_MAX) {
		app_msg(a, MSG_ERROR, _("a workshop compares at most %d approaches: delete one (d) before duplicating"),
			AP_MAX);
		return;
	}
	if (session_duplicate_approach(a->s, ap->id, &r) == ST_OK) {
		s->want = r.id;
		s->focus = FOCUS_LIST;
	}
	app_result(a, &r, _("duplicated “%s”: rename the copy with l, then Enter"),
		   ap->name);
	sess_result_clear(&r);
}

static enum reaction ap_key(struct app *a, void *state, enum action act)
{
	struct ascreen *s = state;
	const struct approach *ap;
	const struct drow *r;

	s->a = a;
	fields_sync(s);
	ap = cur_ap(s);
	switch (act) {
	case A_AP_NEW:
		ap_add(a);
		return R_DONE;
	case A_AP_COMPARE:
		if (!app_data(a)->n_approaches) {
			app_msg(a, MSG_WARN, "%s", _("nothing to compare yet: n adds an approach"));
			return R_DONE;
		}
		compare_start(a, &s->cv);
		return R_DONE;
	case A_AP_LIST:
		if (s->focus == FOCUS_LIST)
			return R_PASS;
		s->focus = FOCUS_LIST;
		return R_DONE;
	default:
		break;
	}
	if (!ap) {
		app_msg(a, MSG_WARN, "%s", _("no approach yet: n adds one"));
		return R_DONE;
	}
	r = s->focus == FOCUS_FIELDS && s->flist.sel < s->n_rows
	    ? &s->rows[s->flist.sel] : NULL;
	switch (act) {
	case A_AP_FIELDS:
		s->focus = FOCUS_FIELDS;
		return R_DONE;
	case A_AP_EDIT:
		if (s->focus == FOCUS_LIST)
			s->focus = FOCUS_FIELDS;
		else if (r)
			ap_edit_field(a, ap, r->f, r->comp);
		return R_DONE;
	case A_AP_COMPONENT:
		s->focus = FOCUS_FIELDS;
		for (size_t i = 0; i < s->n_rows; i++)
			if (s->rows[i].f == F_COMPONENTS) {
				list_select(&s->flist, i);
				break;
			}
		ap_pick_component(a, ap, -1);
		return R_DONE;
	case A_AP_REMOVE:
		if (!r || r->comp < 0) {
			app_msg(a, MSG_WARN, "%s", _("x removes a component: put the cursor on one in the fields"));
			return R_DONE;
		}
		ap_save_component(a, ap->id, ap->version, r->comp,
			       ap->components[r->comp].category, NULL);
		return R_DONE;
	case A_AP_MOVE_UP:
	case A_AP_MOVE_DOWN:
		move(a, s, ap, act == A_AP_MOVE_UP ? -1 : 1);
		return R_DONE;
	case A_AP_DUPLICATE:
		duplicate(a, s, ap);
		return R_DONE;
	case A_AP_DELETE:
		ask_delete(a, ap);
		return R_DONE;
	default:
		return R_PASS;
	}
}

/* Follow mode by item: an approach by its key; a field row by its field
 * (and component). */
static void ap_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	struct ascreen *s = state;
	const struct workshop_data *d = app_data(a);

	if (s->focus == FOCUS_FIELDS && s->n_rows) {
		if (row < s->n_rows)
			snprintf(buf, size, "f:%d:%d", (int)s->rows[row].f,
				 s->rows[row].comp);
	} else if (d && row < d->n_approaches) {
		snprintf(buf, size, "a:%s", d->approaches[row].key);
	}
}

/* A click on the approach list selects that approach, from the fields
 * too (the fields are not one row a line: no click there). */
static bool ap_click(struct app *a, void *state, int y, int x)
{
	struct ascreen *s = state;
	long i = list_at(&s->list, y);

	(void)a;
	(void)x;
	if (i < 0 || s->cv.on)
		return false;
	list_select(&s->list, (size_t)i);
	s->focus = FOCUS_LIST;
	return true;
}

const struct screen_ops screen_approaches_ops = {
	.click = ap_click,
	.open = ap_open,
	.close = ap_close,
	.draw = ap_draw,
	.key = ap_key,
	.refresh = ap_refresh,
	.list = ap_list,
	.status = ap_status,
	.draw_light = ap_draw_light,
	.item = ap_item,
};

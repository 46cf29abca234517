#include "config.h"
/*
 * screen 8, Metrics: the DORA keys and custom metrics with their current
 * value and 3- and 6-month targets.  Each value of a metric the content
 * defines shows its DORA performance band, and a target that moves the
 * wrong way is flagged; the detail pane shows the selected metric's band
 * thresholds so the room sees what "elite" means.  Add a custom metric or
 * a missing DORA one, edit every value, delete.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

struct mscreen {
	struct app *a;
	struct list list;
	int64_t sel_id;        /* the selected row, kept across reloads */
	/* Content metrics offered by the open "add DORA" picker. */
	size_t *offer;
	size_t n_offer;
};

enum mfield {
	MF_CURRENT = 0, MF_TARGET_3M, MF_TARGET_6M, MF_NAME, MF_UNIT, MF_COUNT
};

static const char *const mfield_ids[MF_COUNT] = {
	"current", "target_3m", "target_6m", "name", "unit"
};
static const char *const mfield_names[MF_COUNT] = {
	N_("Current value"), N_("3-month target"), N_("6-month target"),
	N_("Name"), N_("Unit")
};

static struct mscreen *self(struct app *a)
{
	return tui_screen_state(a, &screen_metrics_ops);
}

static const struct metric *row_metric(const struct mscreen *s, size_t i)
{
	const struct workshop_data *d = app_data(s->a);

	return d && i < d->n_metrics ? &d->metrics[i] : NULL;
}

static const struct metric *sel_metric(const struct mscreen *s)
{
	return row_metric(s, s->list.sel);
}

static const char *row_text(void *ctx, size_t i)
{
	const struct metric *m = row_metric(ctx, i);

	return m ? (m->name ? m->name : m->key) : NULL;
}

/* The content's definition, or NULL for a custom metric. */
static const struct metric_def *def_of(struct app *a, const struct metric *m)
{
	return app_k(a) && m ? knowledge_metric(app_k(a), m->key) : NULL;
}

static void value_of(const struct metric *m, enum mfield f, bool *has,
		     double *v)
{
	switch (f) {
	case MF_CURRENT:
		*has = m->has_current;
		*v = m->current;
		break;
	case MF_TARGET_3M:
		*has = m->has_target_3m;
		*v = m->target_3m;
		break;
	case MF_TARGET_6M:
		*has = m->has_target_6m;
		*v = m->target_6m;
		break;
	default:
		*has = false;
		*v = 0;
		break;
	}
}

/* The session's bands of a metric of the data. */
static const struct sess_metric *sm_of(struct app *a, const struct metric *m)
{
	return &app_view(a)->metrics[m - app_data(a)->metrics];
}

static enum band band_of(struct app *a, const struct metric *m,
			 enum mfield f)
{
	return f <= MF_TARGET_6M ? sm_of(a, m)->band[f] : BAND_NONE;
}

/* Is this target worse than the current value? */
static bool worse(struct app *a, const struct metric *m, enum mfield f)
{
	return f <= MF_TARGET_6M && sm_of(a, m)->worse[f];
}

static void ms_refresh(struct app *a, void *state)
{
	struct mscreen *s = state;

	list_set_count(&s->list, app_data(a) ? app_data(a)->n_metrics : 0);
	for (size_t i = 0; s->sel_id && app_data(a) && i < app_data(a)->n_metrics; i++)
		if (app_data(a)->metrics[i].id == s->sel_id)
			list_select(&s->list, i);
}

static int ms_open(struct app *a, void **state)
{
	struct mscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	ms_refresh(a, s);
	return ST_OK;
}

static void ms_close(struct app *a, void *state)
{
	struct mscreen *s = state;

	(void)a;
	free(s->offer);
	list_free(&s->list);
	free(s);
}

static struct list *ms_list(struct app *a, void *state)
{
	(void)a;
	return &((struct mscreen *)state)->list;
}

/* ---- drawing ------------------------------------------------------------- */
#define BANDW 7

/* Value columns: narrower on the smallest terminals. */
static int valw(int w)
{
	return w < 72 ? 6 : 8;
}

static int name_width(int w, int unitw)
{
	int nw = w - 2 - 3 * (valw(w) + 2 + BANDW + 1) - unitw;

	return nw < 8 ? 8 : nw;
}

/* The interview's answer for an empty field f of m (false: none, or
 * someone typed a value there). */
static bool suggested(struct app *a, const struct metric *m, enum mfield f,
		      struct sess_from_interview *fi)
{
	return m && session_metric_from_interview(a->s, m, fi) &&
	       !fi->typed && fi->when == (int)f;
}

/* A value, a '!' when the target is worse than now (an 'ⁱ' when it is
 * the interview's answer, not saved yet), and its band. */
static void value_cells(struct buf *b, struct app *a, const struct metric *m,
			enum mfield f, int vw)
{
	enum band bd = band_of(a, m, f);
	struct sess_from_interview fi;
	bool has, from = false;
	double v;
	char num[32];

	value_of(m, f, &has, &v);
	if (!has && suggested(a, m, f, &fi)) {
		from = has = true;
		v = fi.value;
		bd = fi.band;
	}
	if (has)
		num_fmt(num, sizeof(num), NUM_VALUE, v);
	else
		snprintf(num, sizeof(num), "—");
	draw_cell(b, num, vw, true);
	buf_puts(b, from ? "ⁱ" : worse(a, m, f) ? "!" : " ");
	buf_putc(b, ' ');
	draw_cell(b, bd == BAND_NONE ? "" : band_label(bd), BANDW, false);
	buf_putc(b, ' ');
}

static void draw_table(struct app *a, struct mscreen *s, int y, int x, int h,
		       int w)
{
	const struct workshop_data *d = app_data(a);
	int unitw = w >= 120 ? 18 : 0, nw = name_width(w, unitw), rows = 0;
	struct sess_from_interview fi;
	bool any = false;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, _("Metric"), nw, false);
	if (unitw)
		draw_cell(&b, _("Unit"), unitw, false);
	draw_cell(&b, _("Now"), valw(w), true);
	buf_puts(&b, "  ");
	draw_cell(&b, _("band"), BANDW, false);
	buf_putc(&b, ' ');
	draw_cell(&b, valw(w) < 8 ? _("3 mo") : _("3 months"), valw(w), true);
	buf_puts(&b, "  ");
	draw_cell(&b, _("band"), BANDW, false);
	buf_putc(&b, ' ');
	draw_cell(&b, valw(w) < 8 ? _("6 mo") : _("6 months"), valw(w), true);
	buf_puts(&b, "  ");
	draw_cell(&b, _("band"), BANDW, false);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!d->n_metrics) {
		draw_role(CR_DIM);
		draw_line(y + 2, x + 2, _("No metrics yet."), w - 2);
		draw_line(y + 3, x + 2,
			  _("a adds a DORA metric, n a custom one."), w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 1);
	list_place(&s->list, y + 1);
	for (int r = 0; r < h - 1; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct metric *m = row_metric(s, i);
		bool warn;

		if (!m)
			break;
		b.len = 0;
		buf_puts(&b, i == s->list.sel ? "› " : "  ");
		draw_cell(&b, m->name ? m->name : m->key, nw, false);
		if (unitw)
			draw_cell(&b, m->unit, unitw, false);
		for (int f = MF_CURRENT; f <= MF_TARGET_6M; f++)
			value_cells(&b, a, m, (enum mfield)f, valw(w));
		warn = worse(a, m, MF_TARGET_3M) ||
		       worse(a, m, MF_TARGET_6M);
		draw_role(i == s->list.sel ? CR_SELECTED
			  : warn ? CR_WARNING : CR_NORMAL);
		draw_line(y + 1 + r, x, buf_str(&b), w);
		any = any || suggested(a, m, MF_TARGET_6M, &fi);
		rows = r + 1;
	}
	if (any && rows + 1 < h) {
		draw_role(CR_DIM);
		draw_clip(y + 1 + rows, x + 2,
			  _("ⁱ the interview's answer, not saved yet: i takes them in, Enter edits"),
			  w - 2);
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

/* "0–24", "≥ 7", "≤ 1" */
static void range_text(const struct band_def *bd, char *buf, size_t size)
{
	char lo[32], hi[32];

	num_fmt(lo, sizeof(lo), NUM_VALUE, bd->min);
	num_fmt(hi, sizeof(hi), NUM_VALUE, bd->max);
	if (bd->has_min && bd->has_max)
		snprintf(buf, size, "%s–%s", lo, hi);
	else if (bd->has_min)
		snprintf(buf, size, "≥ %s", lo);
	else if (bd->has_max)
		snprintf(buf, size, "≤ %s", hi);
	else
		snprintf(buf, size, "%s", _("any value"));
}

static int detail_line(int y, int x, int w, enum role role, const char *t)
{
	draw_role(role);
	draw_clip(y, x, t ? t : "", w);
	draw_role(CR_NORMAL);
	return 1;
}

/* Where the interview answered this metric: the answer, and whether it
 * is shown in the table (ⁱ) or someone's typed target stands. */
static int interview_line(struct app *a, const struct metric *m, int y,
			  int x, int w)
{
	struct sess_from_interview fi;
	char v[32], *ans = NULL, *t;
	const struct question *q;

	if (!session_metric_from_interview(a->s, m, &fi))
		return 0;
	q = fi.question;
	num_fmt(v, sizeof(v), NUM_VALUE, fi.value);
	if (q && fi.answer && fi.answer->value.kind == VAL_TEXT) {
		for (size_t i = 0; i < q->n_options; i++)
			if (str_eq(q->options[i].id, fi.answer->value.text))
				ans = str_dup(q->options[i].label);
	}
	if (!ans && q && !str_empty(q->unit))
		ans = str_printf("%s %s", v, q->unit);
	if (!ans)
		ans = str_dup(v);
	t = str_printf(fi.typed
		       ? _("Interview: %s, a 6-month target of %s (the one typed here stands)")
		       : _("ⁱ Interview: %s, a 6-month target of %s (i takes it in)"),
		       ans ? ans : "", v);
	detail_line(y, x, w, fi.typed ? CR_DIM : CR_MARK, t);
	free(t);
	free(ans);
	return 1;
}

static void draw_detail(struct app *a, struct mscreen *s, int y, int x,
			int h, int w)
{
	const struct metric *m = sel_metric(s);
	const struct metric_def *md = def_of(a, m);
	int row = 0, rangew = 0;
	char *t;

	if (!m || h < 1)
		return;
	t = str_printf("%s (%s)%s%s%s%s", m->name ? m->name : m->key, m->key,
		       str_empty(m->unit) ? "" : " · ",
		       str_empty(m->unit) ? "" : m->unit, md ? " · " : "",
		       !md ? "" : md->higher_is_better ? _("higher is better")
						       : _("lower is better"));
	/* The whole name, on two rows when it needs them (the unit and the
	 * direction after it may be cut). */
	draw_role(CR_HEADING);
	if (utf8_width(m->name ? m->name : m->key) + utf8_width(m->key) + 3 <= w)
		row += detail_line(y + row, x, w, CR_HEADING, t);
	else
		row += draw_wrapped(y + row, x, h > 3 ? 2 : 1, w, t ? t : "");
	draw_role(CR_NORMAL);
	free(t);
	if (!md) {
		if (row < h)
			row += detail_line(y + row, x, w, CR_DIM,
					   _("Custom metric: the content defines no DORA bands for it."));
		return;
	}
	if (row < h && !str_empty(md->description))
		row += detail_line(y + row, x, w, CR_DIM, md->description);
	if (row < h)
		row += interview_line(a, m, y + row, x, w);
	/* The ranges line up so the arrows form a column. */
	for (size_t i = 0; i < md->n_bands && i < 4; i++) {
		char range[80];
		int rw;

		range_text(&md->bands[i], range, sizeof(range));
		rw = utf8_width(range) + (str_empty(m->unit) ? 0 : 1 + utf8_width(m->unit));
		if (rw > rangew)
			rangew = rw;
	}
	for (size_t i = 0; i < md->n_bands && i < 4 && row < h; i++) {
		const struct band_def *bd = &md->bands[i];
		struct sess_from_interview fi;
		struct buf b;
		char range[80];
		bool first = true;
		char *ru;

		range_text(bd, range, sizeof(range));
		ru = str_printf("%s%s%s", range, str_empty(m->unit) ? "" : " ",
				str_empty(m->unit) ? "" : m->unit);
		buf_init(&b);
		buf_puts(&b, "  ");
		draw_cell(&b, band_label(bd->band), BANDW, false);
		buf_putc(&b, ' ');
		draw_cell(&b, ru ? ru : "", rangew, false);
		free(ru);
		/* Which of the values fall in this band. */
		for (int f = MF_CURRENT; f <= MF_TARGET_6M; f++) {
			bool has;
			double v;
			char num[32];

			if (band_of(a, m, (enum mfield)f) != bd->band &&
			    !(suggested(a, m, (enum mfield)f, &fi) &&
			      fi.band == bd->band))
				continue;
			value_of(m, (enum mfield)f, &has, &v);
			if (!has && suggested(a, m, (enum mfield)f, &fi))
				v = fi.value;
			num_fmt(num, sizeof(num), NUM_VALUE, v);
			buf_printf(&b, "%s%s %s", first ? "  ← " : ", ",
				   f == MF_CURRENT ? _("now")
				   : f == MF_TARGET_3M ? _("3 months")
				   : _("6 months"), num);
			first = false;
		}
		row += detail_line(y + row, x, w,
				   bd->band == BAND_ELITE || bd->band == BAND_HIGH
				   ? CR_OK : CR_NORMAL, buf_str(&b));
		buf_free(&b);
	}
	for (int f = MF_TARGET_3M; f <= MF_TARGET_6M && row < h; f++) {
		char now[32], tg[32];
		bool has;
		double v;

		if (!worse(a, m, (enum mfield)f))
			continue;
		value_of(m, (enum mfield)f, &has, &v);
		num_fmt(now, sizeof(now), NUM_VALUE, m->current);
		num_fmt(tg, sizeof(tg), NUM_VALUE, v);
		t = str_printf(_("! The %s %s is worse than the current %s (%s)."),
			       f == MF_TARGET_3M ? _("3-month target")
						 : _("6-month target"),
			       tg, now, md->higher_is_better
			       ? _("higher is better") : _("lower is better"));
		row += detail_line(y + row, x, w, CR_WARNING, t);
		free(t);
	}
}

/* Rows for the interview's legend under the table: 1 when it shows. */
static int legend(struct app *a)
{
	struct sess_from_interview fi;

	for (size_t i = 0; i < app_data(a)->n_metrics; i++)
		if (suggested(a, &app_data(a)->metrics[i], MF_TARGET_6M, &fi))
			return 1;
	return 0;
}

static void ms_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct mscreen *s = state;
	size_t n = app_data(a)->n_metrics;
	int dh = h >= 18 ? 8 : 6, th = h - dh;

	s->sel_id = sel_metric(s) ? sel_metric(s)->id : 0;

	/* The table takes what its rows need (and a legend line); the
	 * detail the rest. */
	if ((int)n + 2 + legend(a) < th) {
		th = (int)n + 2 + legend(a);
		dh = h - th;
	}
	if (th < 3)
		th = 3;
	draw_table(a, s, y, x, th, w);
	if (!n)
		return;
	draw_role(CR_DIM);
	draw_hline(y + th, x, w);
	draw_detail(a, s, y + th + 1, x + 1, h - th - 1, w - 2);
}

/* ---- editing ------------------------------------------------------------- */
static bool value_done(struct app *a, struct modal *m, bool ok)
{
	enum mfield f = (enum mfield)m->kind;
	char *t, *end, msg[160];
	int rc;

	if (!ok)
		return true;
	t = edit_text_trimmed(m, f == MF_NAME
			      ? _("a name is required (Esc cancels)") : NULL);
	if (!t)
		return f != MF_NAME;
	if (f <= MF_TARGET_6M && *t) {
		double v;

		errno = 0;
		v = strtod(t, &end);
		if (errno || *end || end == t || !isfinite(v)) {
			snprintf(msg, sizeof(msg), _("“%s” is not a number (empty clears)"), t);
			free(t);
			edit_set_hint(m, msg);
			return false;
		}
	}
	/* A conflict opens the keep mine / take theirs dialog; other
	 * failures keep the editor open with what was typed. */
	rc = app_save_field(a, "metric", m->id, mfield_ids[f], t, m->version);
	if (rc == ST_OK && f <= MF_TARGET_6M && !*t)
		app_msg(a, MSG_OK, _("%s: %s cleared"), m->key,
			_(mfield_names[f]));
	else if (rc == ST_OK)
		app_msg(a, MSG_OK, _("%s: %s set to %s"), m->key,
			_(mfield_names[f]), t);
	free(t);
	return rc == ST_OK || rc == ST_CONFLICT;
}

static void edit_field(struct app *a, const struct metric *m, enum mfield f)
{
	char where[96], init[64] = "", *title;
	const char *it = init;
	bool has;
	double v;

	if (f <= MF_TARGET_6M) {
		struct sess_from_interview fi;

		value_of(m, f, &has, &v);
		if (has)
			str_number(init, sizeof(init), v);
		else if (suggested(a, m, f, &fi))
			str_number(init, sizeof(init), fi.value);
	} else {
		it = f == MF_NAME ? m->name : m->unit;
	}
	snprintf(where, sizeof(where), "metric:%lld:%s", (long long)m->id,
		 mfield_ids[f]);
	title = str_printf("%s: %s", m->name ? m->name : m->key,
			   _(mfield_names[f]));
	app_edit(a, &(struct edit_req){
		.where = where, .title = title ? title : _(mfield_names[f]),
		.init = it ? it : "",
		.hint = f <= MF_TARGET_6M
			? _("a number · Enter save · empty clears · Esc cancel")
			: _("Enter save · Esc cancel"),
		.done = value_done, .id = m->id, .version = m->version,
		.key = m->key, .kind = (int)f });
	free(title);
}

static bool field_done(struct app *a, struct modal *m, bool ok)
{
	struct mscreen *s = self(a);
	const struct metric *mt = s ? sel_metric(s) : NULL;

	if (!ok || !mt || mt->id != m->id || picker_selected(m) >= MF_COUNT)
		return true;
	edit_field(a, mt, (enum mfield)picker_selected(m));
	return true;
}

static void field_picker(struct app *a, const struct metric *mt)
{
	char *lab[MF_COUNT];
	struct modal *m;

	for (size_t f = 0; f < MF_COUNT; f++) {
		char num[32] = "—";
		const char *v = num;
		bool has;
		double x;

		if (f <= MF_TARGET_6M) {
			struct sess_from_interview fi;

			value_of(mt, (enum mfield)f, &has, &x);
			if (has)
				num_fmt(num, sizeof(num), NUM_VALUE, x);
			else if (suggested(a, mt, (enum mfield)f, &fi)) {
				char iv[24];

				num_fmt(iv, sizeof(iv), NUM_VALUE, fi.value);
				snprintf(num, sizeof(num), _("— (interview: %s)"), iv);
			}
		} else {
			v = f == MF_NAME ? mt->name : mt->unit;
		}
		lab[f] = str_printf("%-15s %s", _(mfield_names[f]),
				    str_empty(v) ? "—" : v);
	}
	m = picker_new(PICK_ONE, _("Edit which field?"),
		       (const char *const *)lab, MF_COUNT, 0, field_done);
	for (size_t f = 0; f < MF_COUNT; f++)
		free(lab[f]);
	if (m) {
		m->scope = SC_PICKER;
		m->id = mt->id;
	}
	app_push(a, m);
}

/* ---- adding -------------------------------------------------------------- */
static void add_metric(struct app *a, const struct metric *mt)
{
	struct mscreen *s = self(a);
	struct sess_result r = { 0 };

	if (session_add_metric(a->s, mt, &r) == ST_OK && s)
		s->sel_id = r.id;
	app_result(a, &r, _("added %s: e sets the current value and the targets"),
		   mt->name);
	sess_result_clear(&r);
}

static bool unit_done(struct app *a, struct modal *m, bool ok)
{
	struct metric mt = { 0 };
	char *unit;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("no metric added"));
		return true;
	}
	unit = edit_text_trimmed(m, NULL);
	if (!unit)
		return true;
	/* An empty key lets the store derive it from the name. */
	mt.key = "";
	mt.name = m->key;
	mt.unit = unit;
	add_metric(a, &mt);
	free(unit);
	return true;
}

static bool name_done(struct app *a, struct modal *m, bool ok)
{
	struct modal *u;
	char *name;

	if (!ok)
		return true;
	name = edit_text_trimmed(m, _("a name is required (Esc cancels)"));
	if (!name)
		return false;
	u = lineedit_new(_("New metric: unit"), "",
			 _("e.g. %, hours, pages per week · Enter add · Esc cancel"),
			 unit_done);
	if (u) {
		u->scope = SC_EDIT;
		u->key = name;
	} else {
		free(name);
	}
	app_push(a, u);
	return true;
}

static bool dora_done(struct app *a, struct modal *m, bool ok)
{
	struct mscreen *s = self(a);
	const struct metric_def *md;
	struct metric mt = { 0 };

	if (!ok || !s || picker_selected(m) >= s->n_offer)
		return true;
	md = &app_k(a)->metrics[s->offer[picker_selected(m)]];
	mt.key = md->id;
	mt.name = md->name ? md->name : md->id;
	mt.unit = md->unit;
	add_metric(a, &mt);
	return true;
}

static bool present(const struct workshop_data *d, const char *key)
{
	for (size_t i = 0; i < d->n_metrics; i++)
		if (str_eq(d->metrics[i].key, key))
			return true;
	return false;
}

static void add_dora(struct app *a, struct mscreen *s)
{
	const char **lab;
	struct modal *m;
	size_t n = 0;

	free(s->offer);
	s->offer = NULL;
	s->n_offer = 0;
	if (!app_k(a) || !app_k(a)->n_metrics) {
		app_msg(a, MSG_WARN, "%s", _("the content defines no DORA metrics"));
		return;
	}
	s->offer = calloc(app_k(a)->n_metrics, sizeof(*s->offer));
	lab = calloc(app_k(a)->n_metrics, sizeof(*lab));
	if (!s->offer || !lab) {
		free(lab);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	for (size_t i = 0; i < app_k(a)->n_metrics; i++) {
		if (present(app_data(a), app_k(a)->metrics[i].id))
			continue;
		s->offer[n] = i;
		lab[n++] = app_k(a)->metrics[i].name ? app_k(a)->metrics[i].name
						 : app_k(a)->metrics[i].id;
	}
	s->n_offer = n;
	if (!n) {
		free(lab);
		app_msg(a, MSG_INFO, "%s", _("every DORA metric the content defines is already here"));
		return;
	}
	m = picker_new(PICK_ONE, _("Add a DORA metric"), lab, n, 0, dora_done);
	free(lab);
	if (m)
		m->scope = SC_PICKER;
	app_push(a, m);
}

/* ---- delete -------------------------------------------------------------- */
static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_delete_metric(a->s, m->id, m->version, &r);
	app_result(a, &r, _("deleted the metric “%s” (u brings it back)"), m->key);
	sess_result_clear(&r);
	return true;
}

/* i: the interview's answers into the empty targets, one undo step. */
static void take_interview(struct app *a)
{
	struct sess_result r = { 0 };

	session_metrics_take_interview(a->s, &r);
	if (!sess_ok(&r))
		app_result(a, &r, NULL);
	else if (!r.count)
		app_msg(a, MSG_INFO, "%s", _("nothing to take: the interview answers no empty target here"));
	else
		app_msg(a, MSG_OK, ngettext("took %zu 6-month target from the interview (u takes it back)",
					    "took %zu 6-month targets from the interview (u takes them back)",
					    r.count), r.count);
	sess_result_clear(&r);
}

static enum reaction ms_key(struct app *a, void *state, enum action act)
{
	struct mscreen *s = state;
	const struct metric *mt = sel_metric(s);
	struct modal *m;
	char *q;

	switch (act) {
	case A_MT_NEW:
		m = lineedit_new(_("New custom metric: name"), "",
				 _("Enter next (unit) · Esc cancel"), name_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	case A_MT_DORA:
		add_dora(a, s);
		return R_DONE;
	case A_MT_INTERVIEW:
		take_interview(a);
		return R_DONE;
	default:
		break;
	}
	if (!mt) {
		if (act == A_MT_EDIT || act == A_MT_DELETE) {
			app_msg(a, MSG_WARN, "%s", _("no metric selected (n or a adds one)"));
			return R_DONE;
		}
		return R_PASS;
	}
	switch (act) {
	case A_MT_EDIT:
		field_picker(a, mt);
		return R_DONE;
	case A_MT_DELETE:
		q = str_printf(_("Delete the metric “%s” with its values and targets?"),
			       mt->name ? mt->name : mt->key);
		app_confirm_delete(a, "metric", mt->id, &(struct confirm_req){
			.title = _("Delete metric"), .question = q,
			.done = delete_done, .id = mt->id,
			.version = mt->version,
			.key = mt->name ? mt->name : mt->key });
		free(q);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void ms_status(struct app *a, void *state, char *buf, size_t size)
{
	size_t n = app_data(a) ? app_data(a)->n_metrics : 0;
	size_t warn = app_view(a)->n_metrics_worse;

	(void)state;
	if (warn)
		snprintf(buf, size, _("%zu metrics · %zu target worse"), n, warn);
	else
		snprintf(buf, size, _("%zu metrics"), n);
}

/* Follow mode by item: a metric by its key. */
static void ms_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct metric *m = row_metric(state, row);

	(void)a;
	if (m)
		snprintf(buf, size, "m:%s", m->key);
}

const struct screen_ops screen_metrics_ops = {
	.open = ms_open,
	.close = ms_close,
	.draw = ms_draw,
	.key = ms_key,
	.refresh = ms_refresh,
	.list = ms_list,
	.status = ms_status,
	.item = ms_item,
};

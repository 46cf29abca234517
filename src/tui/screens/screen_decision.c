#include "config.h"
/*
 * screen 6, Decision: the workshop's ADRs (number, status, date, title) and
 * a scrolling detail pane of the selected one: status and links, deciders,
 * chosen approach, context, decision, rationale, consequences and the
 * alternatives considered -- generated from the other approaches' weighted
 * totals, ranks and main pros and cons until someone edits them.  New ADRs
 * are numbered by the store (never reused), start proposed and dated
 * today, and may be based on the top-ranked approach.  Every field can be
 * edited (a conflict with someone else's edit opens the keep mine / take
 * theirs dialog); "superseded by N" links both records in one store call.
 */

#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/screens/decision.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

const char *const dc_field_ids[DF_COUNT] = {
	"title", "status", "date", "deciders", "consulted", "informed",
	"context", "decision", "rationale", "positive", "negative", "risks",
	"chosen", "supersedes", "alternatives"
};
const char *const dc_field_names[DF_COUNT] = {
	N_("Title"), N_("Status"), N_("Date"), N_("Deciders"),
	N_("Consulted"), N_("Informed"), N_("Context"), N_("Decision"),
	N_("Rationale"), N_("Positive consequences"),
	N_("Negative consequences"), N_("Risks"), N_("Chosen approach"),
	N_("Supersedes"), N_("Alternatives considered")
};

bool dc_is_list(enum dfield f)
{
	return f == DF_DECIDERS || f == DF_CONSULTED || f == DF_INFORMED ||
	       f == DF_POSITIVE || f == DF_NEGATIVE || f == DF_RISKS;
}

struct dscreen *dc_self(struct app *a)
{
	return tui_screen_state(a, &screen_decision_ops);
}

static const struct decision *row_adr(const struct dscreen *s, size_t i)
{
	const struct workshop_data *d = app_data(s->a);

	return d && i < d->n_decisions ? &d->decisions[i] : NULL;
}

static const struct decision *sel_adr(const struct dscreen *s)
{
	return row_adr(s, s->list.sel);
}

const struct decision *dc_adr_by_id(struct app *a, int64_t id)
{
	for (size_t i = 0; app_data(a) && i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].id == id)
			return &app_data(a)->decisions[i];
	return NULL;
}

static const char *row_text(void *ctx, size_t i)
{
	const struct decision *dc = row_adr(ctx, i);

	return dc ? dc->title : NULL;
}

static void dc_refresh(struct app *a, void *state)
{
	struct dscreen *s = state;

	list_set_count(&s->list, app_data(a) ? app_data(a)->n_decisions : 0);
	for (size_t i = 0; s->sel_id && app_data(a) && i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].id == s->sel_id)
			list_select(&s->list, i);
}

static int dc_open(struct app *a, void **state)
{
	struct dscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	s->a = a;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	dc_refresh(a, s);
	return ST_OK;
}

static void lines_clear(struct dscreen *s)
{
	for (size_t i = 0; i < s->n_lines; i++)
		free(s->lines[i].text);
	s->n_lines = 0;
}

static void dc_close(struct app *a, void *state)
{
	struct dscreen *s = state;

	(void)a;
	lines_clear(s);
	free(s->lines);
	list_free(&s->list);
	free(s);
}

static struct list *dc_list(struct app *a, void *state)
{
	(void)a;
	return &((struct dscreen *)state)->list;
}

/* ---- the generated alternatives ---------------------------------------- */
/* "a; b" from the first `max` items of a list (new string). */
/* ---- the detail pane ----------------------------------------------------- */
static void add_line(struct dscreen *s, enum role role, const char *t,
		     size_t n)
{
	char *copy;

	if (s->n_lines == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 64;
		struct dline *p = realloc(s->lines, nc * sizeof(*p));

		if (!p)
			return;
		s->lines = p;
		s->cap = nc;
	}
	copy = str_ndup(t, n);
	if (!copy)
		return;
	s->lines[s->n_lines].role = role;
	s->lines[s->n_lines].text = copy;
	s->n_lines++;
}

/* Wrap text to w columns; every line after the first gets `indent`. */
static void add_para(struct dscreen *s, enum role role, const char *prefix,
		     const char *text, int w, int indent)
{
	char *full = str_printf("%s%s", prefix ? prefix : "", text ? text : "");
	size_t st[256], ln[256], n;

	if (!full)
		return;
	n = draw_wrap(full, w - indent, st, ln, 256);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || !indent) {
			add_line(s, role, full + st[i], ln[i]);
		} else {
			char *t = str_printf("%*s%.*s", indent, "", (int)ln[i],
					     full + st[i]);

			if (t)
				add_line(s, role, t, strlen(t));
			free(t);
		}
	}
	free(full);
}

static void add_field(struct dscreen *s, const char *label, const char *text,
		      int w)
{
	char *p = str_printf("%s: ", label);

	add_para(s, str_empty(text) ? CR_DIM : CR_NORMAL, p,
		 str_empty(text) ? "—" : text, w, 2);
	free(p);
}

/*
 * Prose as Markdown shows it: a single line break inside a paragraph
 * becomes a space, a blank line still separates paragraphs (new string).
 */
static char *reflow(const char *t)
{
	struct buf b;

	buf_init(&b);
	for (const char *p = t ? t : ""; *p; p++) {
		if (*p == '\n' && p[1] && p[1] != '\n' && p > t && p[-1] != '\n')
			buf_putc(&b, ' ');
		else
			buf_putc(&b, *p);
	}
	return buf_detach(&b);
}

static void add_prose(struct dscreen *s, const char *label, const char *text,
		      int w)
{
	char *t = reflow(text);

	add_field(s, label, t, w);
	free(t);
}

static void add_items(struct dscreen *s, const char *bullet,
		      const struct strv *v, enum role role, int w)
{
	for (size_t i = 0; i < v->n; i++)
		add_para(s, role, bullet, v->v[i], w, 4);
}

static void build_detail(struct app *a, struct dscreen *s,
			 const struct decision *dc, int w)
{
	const struct workshop_data *d = app_data(a);
	struct buf b;
	char *t, *alt;
	int ci;

	lines_clear(s);
	if (!dc)
		return;
	t = str_printf("ADR-%04d  %s", dc->number, dc->title ? dc->title : "");
	add_para(s, CR_HEADING, NULL, t, w, 10);
	free(t);

	buf_init(&b);
	buf_printf(&b, "%s: %s", _("Status"), adr_status_label(dc->status));
	/* An imported record's own word ("Approved"), as its file says. */
	if (decision_status_words(dc))
		buf_printf(&b, " (\"%s\")", decision_status_words(dc));
	if (dc->superseded_by)
		buf_printf(&b, _(" by ADR %d"), dc->superseded_by);
	buf_printf(&b, " · %s: %s", _("Date"), str_empty(dc->date) ? "—" : dc->date);
	for (size_t i = 0; i < dc->n_supersedes; i++)
		buf_printf(&b, i ? ", %d" : _(" · supersedes ADR %d"),
			   dc->supersedes[i]);
	add_para(s, dc->status == ADR_ACCEPTED ? CR_OK
		 : dc->status == ADR_PROPOSED ? CR_WARNING : CR_DIM,
		 NULL, buf_str(&b), w, 2);
	buf_free(&b);
	/* The file it came from: an export writes it back there. */
	if (!str_empty(dc->file)) {
		t = str_printf("%s: %s", _("File"), dc->file);
		add_para(s, CR_DIM, NULL, t, w, 2);
		free(t);
	}

	t = strv_join(&dc->deciders, ", ");
	add_field(s, _("Deciders"), t, w);
	free(t);
	if (dc->consulted.n || dc->informed.n) {
		char *c = strv_join(&dc->consulted, ", ");
		char *i = strv_join(&dc->informed, ", ");

		t = str_printf("%s: %s · %s: %s", _("consulted"),
			       str_empty(c) ? "—" : c, _("informed"),
			       str_empty(i) ? "—" : i);
		add_para(s, CR_DIM, "  ", t, w, 4);
		free(t);
		free(c);
		free(i);
	}
	ci = dc->chosen ? wsdata_approach_index(d, dc->chosen) : -1;
	add_field(s, _("Chosen approach"), ci >= 0 ? d->approaches[ci].name
		  : dc->chosen, w);
	add_prose(s, _("Context"), dc->context, w);
	add_prose(s, _("Decision"), dc->decision, w);
	add_prose(s, _("Rationale"), dc->rationale, w);
	if (dc->positive.n || dc->negative.n || dc->risks.n ||
	    !str_empty(dc->consequences)) {
		add_para(s, CR_HEADING, NULL, _("Consequences"), w, 0);
		add_items(s, "  + ", &dc->positive, CR_NORMAL, w);
		add_items(s, "  − ", &dc->negative, CR_NORMAL, w);
		add_items(s, "  ! ", &dc->risks, CR_WARNING, w);
		/* What an imported record does not sort into kinds (Nygard's
		 * prose), as written. */
		if (!str_empty(dc->consequences)) {
			t = reflow(dc->consequences);
			add_para(s, CR_NORMAL, "  ", t, w, 2);
			free(t);
		}
	} else {
		add_field(s, _("Consequences"), NULL, w);
	}
	if (!str_empty(dc->alternatives)) {
		add_para(s, CR_HEADING, NULL,
			 _("Alternatives considered (edited; x resets to generated)"),
			 w, 0);
		add_para(s, CR_NORMAL, "  ", dc->alternatives, w, 2);
		return;
	}
	alt = session_alternatives_text(a->s, dc);
	add_para(s, CR_HEADING, NULL,
		 _("Alternatives considered (generated; a edits them)"), w, 0);
	if (alt && *alt)
		add_para(s, CR_NORMAL, "  ", alt, w, 2);
	else
		add_para(s, CR_DIM, "  ", ci < 0
			 ? _("Choose the approach this ADR adopts (c): the others become its alternatives.")
			 : _("No other approach was considered."), w, 2);
	free(alt);
}

static void draw_detail(struct app *a, struct dscreen *s, int y, int x,
			int h, int w)
{
	const struct decision *dc = sel_adr(s);
	int rows = h;

	if (dc && dc->id != s->shown_id) {
		s->shown_id = dc->id;
		s->scroll = 0;
	}
	build_detail(a, s, dc, w);
	if ((int)s->n_lines > h && h > 1)
		rows = h - 1;
	if (s->scroll > (int)s->n_lines - rows)
		s->scroll = (int)s->n_lines - rows;
	if (s->scroll < 0)
		s->scroll = 0;
	s->page = rows;
	for (int r = 0; r < rows; r++) {
		size_t i = (size_t)(s->scroll + r);

		if (i >= s->n_lines)
			break;
		draw_role(s->lines[i].role);
		draw_line(y + r, x, s->lines[i].text, w);
	}
	if (rows < h) {
		char *t = str_printf(_("lines %d–%d of %zu · ] or Space more, [ back"),
				     s->scroll + 1, s->scroll + rows, s->n_lines);

		draw_role(CR_DIM);
		draw_line(y + rows, x, t ? t : "", w);
		free(t);
	}
	draw_role(CR_NORMAL);
}

static void status_cell(const struct decision *dc, char *buf, size_t size)
{
	if (dc->status == ADR_SUPERSEDED && dc->superseded_by)
		snprintf(buf, size, _("Superseded by %d"), dc->superseded_by);
	else
		snprintf(buf, size, "%s", adr_status_label(dc->status));
}

static const char *adr_title(const void *ctx, size_t i)
{
	return ((const struct workshop_data *)ctx)->decisions[i].title;
}

static void draw_list(struct dscreen *s, int y, int x, int h, int w)
{
	int cn = 8, cs = 16, cd = 10, ct = w - 2 - cn - cs - cd - 3;
	char **cut;
	size_t n;
	struct buf b;

	if (ct < 8)
		ct = 8;
	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, _("ADR"), cn, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Status"), cs, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Date"), cd, false);
	buf_putc(&b, ' ');
	draw_cell(&b, _("Title"), ct, false);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	if (!app_data(s->a)->n_decisions) {
		draw_role(CR_DIM);
		draw_line(y + 1, x + 2, _("No decision recorded yet: n starts an ADR."), w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 1);
	list_place(&s->list, y + 1);
	/* Titles that share a long start are cut where they differ. */
	n = app_data(s->a)->n_decisions;
	cut = names_fit_each(n, ct, adr_title, app_data(s->a));
	for (int r = 0; r < h - 1; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct decision *dc = row_adr(s, i);
		char num[16], st[64];

		if (!dc)
			break;
		b.len = 0;
		snprintf(num, sizeof(num), "ADR-%04d", dc->number);
		status_cell(dc, st, sizeof(st));
		buf_puts(&b, i == s->list.sel ? "› " : "  ");
		draw_cell(&b, num, cn, false);
		buf_putc(&b, ' ');
		draw_cell(&b, st, cs, false);
		buf_putc(&b, ' ');
		draw_cell(&b, dc->date ? dc->date : "—", cd, false);
		buf_putc(&b, ' ');
		draw_cell(&b, cut && cut[i] ? cut[i] : dc->title, ct, false);
		draw_role(i == s->list.sel ? CR_SELECTED
			  : dc->status == ADR_ACCEPTED ? CR_OK
			  : dc->status == ADR_PROPOSED ? CR_NORMAL : CR_DIM);
		draw_line(y + 1 + r, x, buf_str(&b), w);
	}
	names_drop(&cut, n);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static void dc_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct dscreen *s = state;
	size_t n = app_data(a)->n_decisions;

	s->sel_id = sel_adr(s) ? sel_adr(s)->id : 0;
	if (w >= 120) {
		int lw = w * 2 / 5;

		draw_list(s, y, x, h, lw);
		draw_role(CR_DIM);
		draw_vline(y, x + lw, h);
		draw_detail(a, s, y, x + lw + 2, h, w - lw - 3);
		return;
	}
	{
		int lh = (int)n + 1;

		if (lh < 2)
			lh = 2;
		if (lh > h / 3)
			lh = h / 3 < 3 ? 3 : h / 3;
		draw_list(s, y, x, lh, w);
		draw_role(CR_DIM);
		draw_hline(y + lh, x, w);
		draw_detail(a, s, y + lh + 1, x + 1, h - lh - 1, w - 2);
	}
}

/* ---- reset, delete --------------------------------------------------------- */
static bool reset_done(struct app *a, struct modal *m, bool ok)
{
	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("the edited alternatives stay"));
		return true;
	}
	if (dc_save(a, NULL, m->id, m->version, "alternatives", "") != ST_OK)
		return true;
	app_msg(a, MSG_OK, "%s", _("alternatives reset: they are generated from the approaches again"));
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	session_delete_decision(a->s, m->id, m->version, &r);
	app_result(a, &r, _("deleted ADR %d (u brings it back; otherwise its number is not used again)"),
		   m->kind);
	sess_result_clear(&r);
	return true;
}

static void confirm(struct app *a, const struct decision *dc,
		    const char *title, const char *q, modal_done_fn done)
{
	app_confirm(a, &(struct confirm_req){ .title = title, .question = q,
		    .done = done, .id = dc->id, .version = dc->version,
		    .kind = dc->number });
}

static enum reaction dc_key(struct app *a, void *state, enum action act)
{
	struct dscreen *s = state;
	const struct decision *dc = sel_adr(s);
	struct modal *m;
	char *q;

	switch (act) {
	case A_DC_NEW:
		m = lineedit_new(_("New ADR: title"), "",
				 _("Enter create · Esc cancel"), dc_new_title_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	case A_DC_SCROLL_DOWN:
		s->scroll += s->page > 2 ? s->page - 2 : 1;
		return R_DONE;
	case A_DC_SCROLL_UP:
		s->scroll -= s->page > 2 ? s->page - 2 : 1;
		if (s->scroll < 0)
			s->scroll = 0;
		return R_DONE;
	default:
		break;
	}
	if (!dc) {
		app_msg(a, MSG_WARN, "%s", _("no ADR selected (n starts one)"));
		return R_DONE;
	}
	switch (act) {
	case A_DC_EDIT:
		dc_field_picker(a, dc);
		return R_DONE;
	case A_DC_STATUS:
		dc_status_picker(a, dc);
		return R_DONE;
	case A_DC_CHOSEN:
		dc_chosen_picker(a, dc);
		return R_DONE;
	case A_DC_ALT_EDIT:
		dc_edit_alternatives(a, dc);
		return R_DONE;
	case A_DC_ALT_RESET:
		if (str_empty(dc->alternatives)) {
			app_msg(a, MSG_INFO, "%s", _("the alternatives are already generated"));
			return R_DONE;
		}
		q = str_printf(_("Drop the edited alternatives of ADR %d and generate them from the approaches again?"),
			       dc->number);
		confirm(a, dc, _("Reset alternatives"), q, reset_done);
		free(q);
		return R_DONE;
	case A_DC_DELETE:
		q = str_printf(_("Delete ADR %d “%s”? The number %d will not be reused."),
			       dc->number, dc->title ? dc->title : "", dc->number);
		app_confirm_delete(a, "decision", dc->id, &(struct confirm_req){
			.title = _("Delete ADR"), .question = q,
			.done = delete_done, .id = dc->id,
			.version = dc->version, .kind = dc->number });
		free(q);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void dc_status(struct app *a, void *state, char *buf, size_t size)
{
	size_t acc = 0;

	(void)state;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++)
		if (app_data(a)->decisions[i].status == ADR_ACCEPTED)
			acc++;
	snprintf(buf, size, ngettext("%zu ADR · %zu accepted", "%zu ADRs · %zu accepted",
				       app_data(a)->n_decisions), app_data(a)->n_decisions, acc);
}

/* Follow mode by item: an ADR by its number. */
static void dc_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct decision *dc = row_adr(state, row);

	(void)a;
	if (dc)
		snprintf(buf, size, "adr:%d", dc->number);
}

const struct screen_ops screen_decision_ops = {
	.open = dc_open,
	.close = dc_close,
	.draw = dc_draw,
	.key = dc_key,
	.refresh = dc_refresh,
	.list = dc_list,
	.status = dc_status,
	.item = dc_item,
};

const struct decision *decision_selected(struct app *a)
{
	struct dscreen *s = dc_self(a);

	return s && app_data(a) ? sel_adr(s) : NULL;
}

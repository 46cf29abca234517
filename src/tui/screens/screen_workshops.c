#include "config.h"
/*
 * screen 1, Workshops: the workshops in the database with their stage, last
 * change, answered questions and who is in them; create (from a template),
 * open, rename, duplicate, archive and delete.
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct wscreen {
	struct list list;
	struct sess_workshop_row *rows;
	size_t n;
	bool archived;     /* archived workshops shown */
	int64_t want;      /* select this workshop at the next refresh */
};

static const char *row_text(void *ctx, size_t i)
{
	struct wscreen *s = ctx;

	return i < s->n ? s->rows[i].w.title : NULL;
}

static void rows_free(struct wscreen *s)
{
	session_workshop_rows_free(&s->rows, s->n);
	s->n = 0;
}

static void ws_refresh(struct app *a, void *state)
{
	struct wscreen *s = state;
	struct sess_workshop_row *rows = NULL;
	struct error e;
	size_t n = 0;
	int64_t keep = s->want ? s->want
		       : s->n && s->list.sel < s->n ? s->rows[s->list.sel].w.id
		       : app_ws(a);

	err_clear(&e);
	if (session_workshop_rows(a->s, s->archived, SESS_COUNT_ANSWERS, &rows,
				  &n, &e) < 0) {
		app_error(a, &e);
		return;
	}
	rows_free(s);
	s->rows = rows;
	s->n = n;
	s->want = 0;
	list_set_count(&s->list, s->n);
	for (size_t i = 0; i < s->n; i++)
		if (s->rows[i].w.id == keep)
			list_select(&s->list, i);
}

static int ws_open(struct app *a, void **state)
{
	struct wscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	list_init(&s->list, s, row_text, NULL);
	*state = s;
	ws_refresh(a, s);
	return ST_OK;
}

static void ws_close(struct app *a, void *state)
{
	struct wscreen *s = state;

	(void)a;
	rows_free(s);
	list_free(&s->list);
	free(s);
}

static struct list *ws_list(struct app *a, void *state)
{
	(void)a;
	return &((struct wscreen *)state)->list;
}

static void cell(struct buf *b, const char *s, int cols)
{
	draw_cell(b, s, cols, false);
}

static void ws_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct wscreen *s = state;
	bool wide = w >= 100;
	int cstage = 12, cupd = 17, cans = 9, chere = wide ? 24 : 0;
	int ctitle = w - 2 - cstage - cupd - cans - chere - 4;
	struct buf b;

	if (ctitle < 10)
		ctitle = 10;
	buf_init(&b);
	buf_puts(&b, "  ");
	cell(&b, _("Workshop"), ctitle);
	buf_putc(&b, ' ');
	cell(&b, _("Stage"), cstage);
	buf_putc(&b, ' ');
	cell(&b, _("Updated"), cupd);
	buf_putc(&b, ' ');
	cell(&b, _("Answered"), cans);
	if (wide) {
		buf_putc(&b, ' ');
		cell(&b, _("Here now"), chere);
	}
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	b.len = 0;
	if (s->n == 0) {
		draw_role(CR_DIM);
		draw_line(y + 2, x + 2, s->archived
			  ? _("No workshops in this database yet.")
			  : _("No workshops yet (A shows archived ones)."), w - 2);
		draw_line(y + 3, x + 2, _("Press n to create one from a template."),
			  w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 1);
	list_place(&s->list, y + 1);
	for (int r = 0; r < h - 1; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct sess_workshop_row *row;
		char upd[32] = "", ans[16], title[600];
		struct tm tm;
		time_t t;

		if (i >= s->n)
			break;
		row = &s->rows[i];
		t = (time_t)row->w.updated;
		if (localtime_r(&t, &tm))
			strftime(upd, sizeof(upd), "%Y-%m-%d %H:%M", &tm);
		snprintf(ans, sizeof(ans), "%zu", row->answered);
		snprintf(title, sizeof(title), "%s%s", row->w.title,
			 row->w.archived ? _(" [archived]") : "");
		/* A cursor mark that survives without colour, and a dot on
		 * the workshop that is open. */
		buf_puts(&b, i == s->list.sel ? "›" : " ");
		buf_puts(&b, row->w.id == app_ws(a) ? "●" : " ");
		cell(&b, title, ctitle);
		buf_putc(&b, ' ');
		cell(&b, stage_label(row->w.stage), cstage);
		buf_putc(&b, ' ');
		cell(&b, upd, cupd);
		buf_putc(&b, ' ');
		cell(&b, ans, cans);
		if (wide) {
			buf_putc(&b, ' ');
			cell(&b, row->here ? row->here : "", chere);
		}
		draw_role(i == s->list.sel ? CR_SELECTED
			  : row->w.archived ? CR_DIM : CR_NORMAL);
		draw_line(y + 1 + r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static struct sess_workshop_row *selected(struct wscreen *s)
{
	return s->n && s->list.sel < s->n ? &s->rows[s->list.sel] : NULL;
}

/* ---- new ---------------------------------------------------------------- */
static bool new_template_done(struct app *a, struct modal *m, bool ok)
{
	const struct template_def *t;
	struct sess_result r = { 0 };
	int64_t id;

	if (!ok)
		return true;
	t = &app_k(a)->templates[picker_selected(m)];
	if (session_workshop_create(a->s, m->key, t->id, &r) < 0) {
		app_result(a, &r, NULL);
		sess_result_clear(&r);
		return true;
	}
	id = r.id;
	sess_result_clear(&r);
	{
		struct wscreen *s = tui_screen_state(a, &screen_workshops_ops);

		if (s)
			s->want = id;
	}
	/* A new workshop starts with its interview: go straight there. */
	if (app_open_workshop(a, id, 2) < 0)
		return true;
	app_msg(a, MSG_OK, _("created “%s” from the %s template"),
		m->key, t->name ? t->name : t->id);
	return true;
}

static bool new_title_done(struct app *a, struct modal *m, bool ok)
{
	const char **labels;
	struct modal *p;
	char *title;

	if (!ok)
		return true;
	title = edit_text_trimmed(m, _("a title is required (Esc cancels)"));
	if (!title)
		return false;
	if (!app_k(a) || app_k(a)->n_templates == 0) {
		free(title);
		app_msg(a, MSG_ERROR, "%s", _("no templates in the content (see charrette check-data)"));
		return true;
	}
	labels = calloc(app_k(a)->n_templates, sizeof(*labels));
	if (!labels) {
		free(title);
		return true;
	}
	for (size_t i = 0; i < app_k(a)->n_templates; i++)
		labels[i] = app_k(a)->templates[i].name ? app_k(a)->templates[i].name
						     : app_k(a)->templates[i].id;
	p = picker_new(PICK_ONE, _("Template"), labels, app_k(a)->n_templates, 0,
		       new_template_done);
	free(labels);
	if (p) {
		p->scope = SC_PICKER;
		p->key = title;
	} else {
		free(title);
	}
	app_push(a, p);
	return true;
}

/* ---- rename, duplicate, archive, delete --------------------------------- */
static bool rename_done(struct app *a, struct modal *m, bool ok)
{
	char *title;
	int rc;

	if (!ok)
		return true;
	title = edit_text_trimmed(m, _("a title is required (Esc cancels)"));
	if (!title)
		return false;
	/* A conflict opens the keep-mine / take-theirs dialog; any other
	 * failure keeps the editor open with what was typed. */
	rc = app_save_field(a, "workshop", m->id, "title", title, m->version);
	if (rc == ST_OK)
		app_msg(a, MSG_OK, _("renamed to “%s”"), title);
	free(title);
	return rc == ST_OK || rc == ST_CONFLICT;
}

static bool duplicate_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };
	char *title;

	if (!ok)
		return true;
	title = edit_text_trimmed(m, _("a title is required (Esc cancels)"));
	if (!title)
		return false;
	session_workshop_duplicate(a->s, m->id, title, &r);
	app_result(a, &r, _("duplicated as “%s”"), title);
	sess_result_clear(&r);
	free(title);
	return true;
}

static bool delete_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };
	bool open = app_ws(a) == m->id;

	if (!ok) {
		app_msg(a, MSG_INFO, "%s", _("nothing deleted"));
		return true;
	}
	if (session_workshop_delete(a->s, m->id, &r) == ST_OK && open)
		app_close_workshop(a);
	app_result(a, &r, _("deleted “%s”"), m->key);
	sess_result_clear(&r);
	return true;
}

static enum reaction ws_key(struct app *a, void *state, enum action act)
{
	struct wscreen *s = state;
	struct sess_workshop_row *row = selected(s);
	struct sess_result r = { 0 };
	struct modal *m;
	char where[64], *text;

	switch (act) {
	case A_WS_OPEN:
		if (row) {
			/* Opening refreshes this list: keep the title. */
			char *title = str_dup(row->w.title);

			if (app_open_workshop(a, row->w.id, 0) == 0)
				app_msg(a, MSG_OK, _("opened “%s”"),
					title ? title : "");
			free(title);
		}
		return R_DONE;
	case A_WS_NEW:
		m = lineedit_new(_("New workshop: title"), "",
				 _("Enter next (choose a template) · Esc cancel"),
				 new_title_done);
		if (m)
			m->scope = SC_EDIT;
		app_push(a, m);
		return R_DONE;
	case A_WS_SHOW_ARCHIVED:
		s->archived = !s->archived;
		ws_refresh(a, s);
		app_msg(a, MSG_INFO, "%s", s->archived
			? _("showing archived workshops")
			: _("archived workshops hidden"));
		return R_DONE;
	default:
		break;
	}
	if (!row) {
		app_msg(a, MSG_WARN, "%s", _("no workshop selected"));
		return R_DONE;
	}
	switch (act) {
	case A_WS_RENAME:
		snprintf(where, sizeof(where), "workshop-title:%lld",
			 (long long)row->w.id);
		app_edit(a, &(struct edit_req){
			.where = where, .title = _("Rename workshop"),
			.init = row->w.title, .hint = _("Enter save · Esc cancel"),
			.done = rename_done, .id = row->w.id,
			.version = row->w.version });
		return R_DONE;
	case A_WS_DUPLICATE:
		text = str_printf(_("%s (copy)"), row->w.title);
		m = lineedit_new(_("Duplicate as"), text ? text : "",
				 _("Enter duplicate · Esc cancel"), duplicate_done);
		free(text);
		if (m) {
			m->scope = SC_EDIT;
			m->id = row->w.id;
		}
		app_push(a, m);
		return R_DONE;
	case A_WS_ARCHIVE:
		session_set_field(a->s, &(struct sess_edit){
			.table = "workshop", .field = "archived",
			.id = row->w.id, .version = row->w.version,
			.value = row->w.archived ? "0" : "1" }, &r);
		app_result(a, &r, row->w.archived ? _("unarchived “%s”")
			   : _("archived “%s” (A shows archived workshops)"),
			   row->w.title);
		sess_result_clear(&r);
		return R_DONE;
	case A_WS_DELETE:
		text = str_printf(_("Delete the workshop “%s” and everything in it? This cannot be undone."),
				  row->w.title);
		app_confirm(a, &(struct confirm_req){
			.title = _("Delete workshop"), .question = text,
			.done = delete_done, .id = row->w.id,
			.key = row->w.title });
		free(text);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void ws_status(struct app *a, void *state, char *buf, size_t size)
{
	struct wscreen *s = state;

	(void)a;
	snprintf(buf, size, ngettext("%zu workshop", "%zu workshops", s->n),
		 s->n);
}

const struct screen_ops screen_workshops_ops = {
	.open = ws_open,
	.close = ws_close,
	.draw = ws_draw,
	.key = ws_key,
	.refresh = ws_refresh,
	.list = ws_list,
	.status = ws_status,
};

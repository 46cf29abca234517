#include "config.h"
/*
 * screen 1, Workshops: the workshops in the database with their stage, last
 * change, answered questions and who is in them; create (from a template),
 * open, rename, duplicate, archive and delete.  Deleting moves a workshop
 * to the trash (its facilitator or creator only); T shows the trash, where
 * r brings one back and X purges it for good.
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

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

struct wscreen {
	struct list list;
	struct sess_workshop_row *rows;
	size_t n;
	bool archived;     /* archived workshops shown */
	int64_t want;      /* select this workshop at the next refresh */
	/* The trash, shown instead of the list after T. */
	bool trash;
	struct sess_trashed *bin;
	size_t n_bin;
};

static const char *row_text(void *ctx, size_t i)
{
	struct wscreen *s = ctx;

	if (s->trash)
		return i < s->n_bin ? s->bin[i].title : NULL;
	return i < s->n ? s->rows[i].w.title : NULL;
}

static void rows_free(struct wscreen *s)
{
	session_workshop_rows_free(&s->rows, s->n);
	s->n = 0;
	session_trash_list_free(&s->bin, s->n_bin);
	s->n_bin = 0;
}

/* The id of the selected row of what is shown (0: none). */
static int64_t shown_id(const struct wscreen *s)
{
	if (s->trash)
		return s->n_bin && s->list.sel < s->n_bin
		       ? s->bin[s->list.sel].id : 0;
	return s->n && s->list.sel < s->n ? s->rows[s->list.sel].w.id : 0;
}

static void ws_refresh(struct app *a, void *state)
{
	struct wscreen *s = state;
	struct sess_workshop_row *rows = NULL;
	struct sess_trashed *bin = NULL;
	struct error e;
	size_t n = 0, n_bin = 0;
	int64_t keep = s->want ? s->want : shown_id(s) ? shown_id(s)
		       : app_ws(a);

	err_clear(&e);
	if (session_workshop_rows(a->s, s->archived, SESS_COUNT_ANSWERS, &rows,
				  &n, &e) < 0 ||
	    (s->trash && session_trash_list(a->s, &bin, &n_bin, &e) < 0)) {
		session_workshop_rows_free(&rows, n);
		app_error(a, &e);
		return;
	}
	rows_free(s);
	s->rows = rows;
	s->n = n;
	s->bin = bin;
	s->n_bin = n_bin;
	s->want = 0;
	list_set_count(&s->list, s->trash ? s->n_bin : s->n);
	for (size_t i = 0; i < s->list.n; i++)
		if ((s->trash ? s->bin[i].id : s->rows[i].w.id) == keep)
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

static void fmt_time(char *buf, size_t size, int64_t when)
{
	time_t t = (time_t)when;
	struct tm tm;

	buf[0] = '\0';
	if (when > 0 && localtime_r(&t, &tm))
		strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

/* The trash: each deleted workshop with who deleted it and when. */
static void draw_trash(struct wscreen *s, int y, int x, int h, int w)
{
	int cwhen = 17, cby = w >= 100 ? 30 : 18;
	int ctitle = w - 2 - cwhen - cby - 2;
	struct buf b;

	if (ctitle < 10)
		ctitle = 10;
	buf_init(&b);
	buf_puts(&b, "  ");
	cell(&b, _("In the trash"), ctitle);
	buf_putc(&b, ' ');
	cell(&b, _("Deleted"), cwhen);
	buf_putc(&b, ' ');
	cell(&b, _("Deleted by"), cby);
	draw_role(CR_HEADING);
	draw_line(y, x, buf_str(&b), w);
	b.len = 0;
	if (s->n_bin == 0) {
		draw_role(CR_DIM);
		draw_line(y + 2, x + 2, _("The trash is empty."), w - 2);
		draw_line(y + 3, x + 2, _("d on a workshop moves it here; T goes back to the workshops."),
			  w - 2);
		draw_role(CR_NORMAL);
		buf_free(&b);
		return;
	}
	list_scroll(&s->list, h - 3);
	for (int r = 0; r < h - 3; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct sess_trashed *t;
		char when[32];

		if (i >= s->n_bin)
			break;
		t = &s->bin[i];
		fmt_time(when, sizeof(when), t->deleted);
		buf_puts(&b, i == s->list.sel ? "› " : "  ");
		cell(&b, t->title, ctitle);
		buf_putc(&b, ' ');
		cell(&b, when, cwhen);
		buf_putc(&b, ' ');
		cell(&b, t->deleted_by ? t->deleted_by : "?", cby);
		draw_role(i == s->list.sel ? CR_SELECTED : CR_NORMAL);
		draw_line(y + 1 + r, x, buf_str(&b), w);
		b.len = 0;
	}
	draw_role(CR_DIM);
	draw_line(y + h - 1, x + 2, _("A workshop in the trash keeps everything in it until it is purged."),
		  w - 2);
	draw_role(CR_NORMAL);
	buf_free(&b);
}

static void ws_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct wscreen *s = state;
	bool wide = w >= 100;
	int cstage = 12, cupd = 17, cans = 9, chere = wide ? 24 : 0;
	int ctitle = w - 2 - cstage - cupd - cans - chere - 4;
	struct buf b;

	if (s->trash) {
		draw_trash(s, y, x, h, w);
		return;
	}
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
	return !s->trash && s->n && s->list.sel < s->n ? &s->rows[s->list.sel]
						       : NULL;
}

static struct sess_trashed *selected_bin(struct wscreen *s)
{
	return s->trash && s->n_bin && s->list.sel < s->n_bin
	       ? &s->bin[s->list.sel] : NULL;
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
	app_result(a, &r, _("moved “%s” to the trash · T shows the trash, r restores"),
		   m->key);
	sess_result_clear(&r);
	return true;
}

/* d: only its facilitator or creator may; others are told who may. */
static void delete_ask(struct app *a, const struct sess_workshop_row *row)
{
	struct sess_result r = { 0 };
	char *text;

	if (session_workshop_may_delete(a->s, row->w.id, &r) < 0) {
		app_result(a, &r, NULL);
		sess_result_clear(&r);
		return;
	}
	sess_result_clear(&r);
	text = row->here
		? str_printf(_("Move “%s” to the trash? Everything in it is kept: T shows the trash, where r brings it back. In it now: %s."),
			     row->w.title, row->here)
		: str_printf(_("Move “%s” to the trash? Everything in it is kept: T shows the trash, where r brings it back."),
			     row->w.title);
	app_confirm(a, &(struct confirm_req){
		.title = _("Move to the trash"), .question = text,
		.done = delete_done, .id = row->w.id, .key = row->w.title });
	free(text);
}

/* ---- the trash ----------------------------------------------------------- */
static void show_trash(struct app *a, struct wscreen *s, bool on)
{
	s->want = 0;
	s->trash = on;
	list_select(&s->list, 0);
	ws_refresh(a, s);
	if (on)
		app_msg(a, MSG_INFO, "%s", s->n_bin
			? _("the trash: r restores the workshop, X purges it for good, T goes back")
			: _("the trash is empty"));
	else
		a->msg[0] = '\0';
}

static void restore(struct app *a, struct wscreen *s,
		    const struct sess_trashed *t)
{
	struct sess_result r = { 0 };
	char *title = str_dup(t->title);
	int64_t id = t->id;

	if (session_trash_restore(a->s, id, &r) == ST_OK) {
		/* Back on the list, on the workshop that came back. */
		s->trash = false;
		s->want = id;
		ws_refresh(a, s);
	}
	app_result(a, &r, _("restored “%s” with everything in it · Enter opens it"),
		   title ? title : "");
	sess_result_clear(&r);
	free(title);
}

static bool purge_done(struct app *a, struct modal *m, bool ok)
{
	struct sess_result r = { 0 };

	if (!ok) {
		app_msg(a, MSG_INFO, _("nothing purged: “%s” stays in the trash"),
			m->key);
		return true;
	}
	session_trash_purge(a->s, m->id, &r);
	app_result(a, &r, _("purged “%s” for good"), m->key);
	sess_result_clear(&r);
	return true;
}

static void purge_ask(struct app *a, const struct sess_trashed *t)
{
	char *text;

	if (app_refuse_readonly(a))
		return;
	if (!t->may_purge) {
		app_msg(a, MSG_WARN, _("%s · anyone may restore it (r)"),
			t->refusal ? t->refusal : "");
		return;
	}
	text = str_printf(_("Purge “%s” for good? Its answers, scores, ADRs, risks and history cannot be brought back."),
			  t->title);
	app_confirm(a, &(struct confirm_req){
		.title = _("Purge from the trash"), .question = text,
		.done = purge_done, .id = t->id, .key = t->title });
	free(text);
}

static enum reaction trash_key(struct app *a, struct wscreen *s,
			       enum action act)
{
	struct sess_trashed *t = selected_bin(s);

	switch (act) {
	case A_WS_TRASH:
		show_trash(a, s, false);
		return R_DONE;
	case A_TR_RESTORE:
	case A_TR_PURGE:
		if (!t) {
			app_msg(a, MSG_WARN, "%s", _("the trash is empty"));
			return R_DONE;
		}
		if (act == A_TR_RESTORE)
			restore(a, s, t);
		else
			purge_ask(a, t);
		return R_DONE;
	case A_WS_NEW:
	case A_WS_SHOW_ARCHIVED:
		return R_PASS;
	default:
		/* The workshop list's keys do not reach a workshop in the
		 * trash: say what does. */
		app_msg(a, MSG_WARN, "%s", _("this is the trash: r restores the workshop, X purges it, T goes back"));
		return R_DONE;
	}
}

static enum reaction ws_key(struct app *a, void *state, enum action act)
{
	struct wscreen *s = state;
	struct sess_workshop_row *row = selected(s);
	struct sess_result r = { 0 };
	struct modal *m;
	char where[64], *text;

	if (s->trash) {
		enum reaction re = trash_key(a, s, act);

		if (re != R_PASS)
			return re;
		show_trash(a, s, false);
	}
	switch (act) {
	case A_WS_TRASH:
		show_trash(a, s, true);
		return R_DONE;
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
		delete_ask(a, row);
		return R_DONE;
	default:
		return R_PASS;
	}
}

static void ws_status(struct app *a, void *state, char *buf, size_t size)
{
	struct wscreen *s = state;

	(void)a;
	if (s->trash)
		snprintf(buf, size, ngettext("%zu in the trash",
					     "%zu in the trash", s->n_bin),
			 s->n_bin);
	else
		snprintf(buf, size, ngettext("%zu workshop", "%zu workshops",
					     s->n), s->n);
}

static enum scope ws_scope(struct app *a, void *state)
{
	(void)a;
	return ((struct wscreen *)state)->trash ? SC_TRASH : SC_WORKSHOPS;
}

/* Follow mode by item: a workshop by its id (in the list, not the
 * trash). */
static void ws_item(struct app *a, void *state, size_t row, char *buf,
		    size_t size)
{
	const struct wscreen *s = state;

	(void)a;
	if (!s->trash && row < s->n)
		snprintf(buf, size, "w:%lld", (long long)s->rows[row].w.id);
}

const struct screen_ops screen_workshops_ops = {
	.open = ws_open,
	.close = ws_close,
	.draw = ws_draw,
	.key = ws_key,
	.refresh = ws_refresh,
	.list = ws_list,
	.status = ws_status,
	.item = ws_item,
	.scope = ws_scope,
};

const struct workshop *workshops_selected(struct app *a)
{
	struct wscreen *s = tui_screen_state(a, &screen_workshops_ops);

	return s && s->list.sel < s->n ? &s->rows[s->list.sel].w : NULL;
}

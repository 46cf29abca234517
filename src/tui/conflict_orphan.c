#include "config.h"
/*
 * conflict_orphan: deleting a row someone else is editing says so first,
 * and a save that finds its row deleted keeps the text and offers to add
 * it back as a new row (n), as one step undo takes back.
 */

#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/conflict_int.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "util/i18n.h"
#include "util/str.h"

/* ---- a row deleted while someone edits it ----------------------------------- */
/* What is said about a row of each table (whole sentences, so that a
 * translation can agree with the noun). */
static const struct row_words {
	const char *table;
	const char *editing;    /* %s who, %s which field; the question
				 * follows */
	const char *deleted_by; /* %s who */
	const char *deleted;
	const char *added;
} row_words[] = {
	{ "risk",
	  N_("%s is editing this risk's %s (they can add their text back as a new risk)."),
	  N_("The risk was deleted by %s while you edited it; your text is kept — n adds it as a new risk."),
	  N_("The risk was deleted while you edited it; your text is kept — n adds it as a new risk."),
	  N_("added a new risk with your text (u takes it back)") },
	{ "approach",
	  N_("%s is editing this approach's %s (they can add their text back as a new approach)."),
	  N_("The approach was deleted by %s while you edited it; your text is kept — n adds it as a new approach."),
	  N_("The approach was deleted while you edited it; your text is kept — n adds it as a new approach."),
	  N_("added a new approach with your text (u takes it back)") },
	{ "criterion",
	  N_("%s is editing this criterion's %s (they can add their text back as a new criterion)."),
	  N_("The criterion was deleted by %s while you edited it; your text is kept — n adds it as a new criterion."),
	  N_("The criterion was deleted while you edited it; your text is kept — n adds it as a new criterion."),
	  N_("added a new criterion with your text (u takes it back)") },
	{ "metric",
	  N_("%s is editing this metric's %s (they can add their text back as a new metric)."),
	  N_("The metric was deleted by %s while you edited it; your text is kept — n adds it as a new metric."),
	  N_("The metric was deleted while you edited it; your text is kept — n adds it as a new metric."),
	  N_("added a new metric with your text (u takes it back)") },
	{ "phase",
	  N_("%s is editing this phase's %s (they can add their text back as a new phase)."),
	  N_("The phase was deleted by %s while you edited it; your text is kept — n adds it as a new phase."),
	  N_("The phase was deleted while you edited it; your text is kept — n adds it as a new phase."),
	  N_("added a new phase with your text (u takes it back)") },
	{ "decision",
	  N_("%s is editing this ADR's %s (they can add their text back as a new ADR)."),
	  N_("The ADR was deleted by %s while you edited it; your text is kept — n adds it as a new ADR."),
	  N_("The ADR was deleted while you edited it; your text is kept — n adds it as a new ADR."),
	  N_("added a new ADR with your text (u takes it back)") },
};

static const struct row_words *words_of(const char *table)
{
	for (size_t i = 0; i < sizeof(row_words) / sizeof(row_words[0]); i++)
		if (str_eq(row_words[i].table, table))
			return &row_words[i];
	return NULL;
}

void app_confirm_delete(struct app *a, const char *table, int64_t id,
			const struct confirm_req *r)
{
	const struct row_words *w = words_of(table);
	struct confirm_req q = *r;
	char *field = NULL, *who, *text = NULL;

	who = w ? session_editing_row(a->s, table, id, &field) : NULL;
	if (who) {
		/* "target_3m" reads "target 3m". */
		for (char *p = field; p && *p; p++)
			if (*p == '_')
				*p = ' ';
		text = str_printf(_(w->editing), who, field ? field : "");
		if (text && r->question) {
			char *both = str_printf("%s %s", text, r->question);

			free(text);
			text = both;
		}
		if (text)
			q.question = text;
	}
	app_confirm(a, &q);
	free(text);
	free(who);
	free(field);
}

/* My save found the row deleted: the dialog offers it back as a new row
 * with my text, over the editor (which keeps my text meanwhile). */
void conflict_orphaned(struct app *a, const char *table, int64_t id,
		       const char *field, const char *value,
		       const struct sess_result *r, const char *where)
{
	const struct row_words *w = words_of(table);
	struct conflict *c = calloc(1, sizeof(*c));

	if (!c || !w) {
		free(c);
		conflict_not_saved(a, r);
		return;
	}
	c->orphan = c->gone = true;
	c->table = str_dup(table);
	c->field = str_dup(field);
	c->row = id;
	c->mine = str_dup(value ? value : "");
	c->label = str_printf("%s %s", table, field);
	c->who = str_dup(r->who);
	c->m.draft_where = str_dup(where);
	c->explain = r->who ? str_printf(_(w->deleted_by), r->who)
			    : str_dup(_(w->deleted));
	if (!conflict_push(a, c, c->table && c->field && c->mine && c->label &&
			 c->explain))
		return;
	if (r->who)
		app_msg(a, MSG_WARN, _("deleted by %s while you edited it: n adds yours as a new row"),
			r->who);
	else
		app_msg(a, MSG_WARN, "%s", _("deleted while you edited it: n adds yours as a new row"));
}

/* The editor right under the dialog, if it edits the same field. */
static struct modal *editor_under(struct app *a, struct conflict *c)
{
	for (size_t i = 1; i < a->n_modals; i++)
		if (a->modals[i] == &c->m && edit_is_editor(a->modals[i - 1]) &&
		    str_eq(a->modals[i - 1]->draft_where, c->m.draft_where))
			return a->modals[i - 1];
	return NULL;
}

enum modal_result conflict_orphan_key(struct conflict *c, struct app *a,
				      enum action act)
{
	const struct row_words *w = words_of(c->table);
	struct sess_result r = { 0 };
	struct modal *ed;
	char *name;

	switch (act) {
	case A_CF_READD:
		if (app_refuse_readonly(a))
			return MODAL_CONTINUE;
		if (session_orphan_add(a->s, c->mine, &r) < 0) {
			app_result(a, &r, NULL);
			sess_result_clear(&r);
			return MODAL_CONTINUE;
		}
		app_draft_done(a, c->m.draft_where);
		if ((ed = editor_under(a, c)))
			app_remove_modal(a, ed);
		/* Read it back now, to say which row it became. */
		if (session_sync(a->s) & SP_DATA)
			app_refresh(a);
		name = session_row_name(a->s, c->table, r.id);
		if (name)
			app_msg(a, MSG_OK, _("added %s with your text (u takes it back)"),
				name);
		else
			app_msg(a, MSG_OK, "%s", w ? _(w->added) : "");
		free(name);
		sess_result_clear(&r);
		return MODAL_OK;
	case A_CF_THEIRS:
		session_orphan_drop(a->s);
		app_draft_done(a, c->m.draft_where);
		if ((ed = editor_under(a, c)))
			app_remove_modal(a, ed);
		app_msg(a, MSG_OK, "%s", _("dropped your text: the row stays deleted"));
		return MODAL_OK;
	case A_CANCEL:
		app_msg(a, MSG_INFO, "%s", editor_under(a, c)
			? _("your text is still in the editor (saving it asks again)")
			: _("the row stays deleted; yours was not saved"));
		return MODAL_CANCEL;
	default:
		return MODAL_CONTINUE;
	}
}

/* Publish what my open editor edits (the topmost modal on a field). */
void app_publish_editing(struct app *a)
{
	const char *where = NULL;

	for (size_t i = a->n_modals; i-- > 0 && !where; )
		where = a->modals[i]->draft_where;
	if (!app_read_only(a))
		session_publish_editing(a->s, where);
}

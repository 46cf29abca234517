#include "config.h"
/*
 * search: `/` on a list, incremental as it is typed, with "match N of M"
 * on the status line, and n / N stepping through the matches.
 */

#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/keys.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/str.h"

/* "match 2 of 5" for the active search (false: no match). */
bool app_search_say(struct app *a, struct list *l, const char *how)
{
	size_t pos, n = list_search_count(l, &pos);

	if (!n || !pos) {
		app_msg(a, MSG_WARN, _("no match for “%s”"), l->search ? l->search : "");
		return false;
	}
	if (how)
		app_msg(a, MSG_INFO, _("“%s”: match %zu of %zu · %s"), l->search,
			pos, n, how);
	else
		app_msg(a, MSG_INFO, _("“%s”: match %zu of %zu"), l->search, pos, n);
	return true;
}

static void search_changed(struct app *a, struct modal *m)
{
	struct list *l = app_cur_list(a);

	if (!l)
		return;
	l->sel = (size_t)m->id;
	if (!*edit_text(m)) {
		list_search_set(l, NULL);
		a->msg[0] = '\0';
		return;
	}
	list_search_set(l, edit_text(m));
	app_search_say(a, l, NULL);
}

static bool search_done(struct app *a, struct modal *m, bool ok)
{
	struct list *l = app_cur_list(a);

	if (!l)
		return true;
	if (!ok || !*edit_text(m)) {
		l->sel = (size_t)m->id;
		list_search_set(l, NULL);
		list_scroll(l, l->height);
		a->msg[0] = '\0';
		return true;
	}
	if (list_search_set(l, edit_text(m)))
		app_search_say(a, l, _("n next, N previous, Esc ends"));
	return true;
}

void app_start_search(struct app *a, struct list *l)
{
	struct modal *m = lineedit_new(_("Search"), l->search ? l->search : "",
				       _("type to search · Enter keep · Esc cancel"),
				       search_done);

	if (!m)
		return;
	m->scope = SC_EDIT;
	edit_set_scratch(m);
	m->id = (int64_t)l->sel;
	m->changed = search_changed;
	app_push(a, m);
}

#include "config.h"
/*
 * Wrap-up: what the workshop came to, read-only, for the end of the
 * session (:wrap-up, or w on the Room): what was decided (every ADR with
 * its status), the open questions (interview questions not answered,
 * parking-lot items still open), the actions with their owners (open
 * risks, next steps) and the agenda's planned against spent.  A scrolling
 * text view (widgets/textview.c) built from session_wrapup; q or Esc goes
 * back.  The report's Wrap-up section says the same in Markdown.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/screens/room.h"
#include "tui/widgets/list.h"
#include "tui/widgets/textview.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"

static void decided(struct tlines *t, const struct wrapup *w)
{
	tl_add(t, CR_HEADING, 0, _("What was decided (%zu)"), w->n_decided);
	if (!w->n_decided)
		tl_add(t, CR_DIM, 4, "  %s", _("No decision recorded yet (screen 6)."));
	for (size_t i = 0; i < w->n_decided; i++) {
		const struct decision *dc = w->decided[i];
		char by[48] = "";

		if (dc->superseded_by > 0)
			snprintf(by, sizeof(by), _(" by ADR %d"),
				 dc->superseded_by);
		tl_add(t, dc->status == ADR_ACCEPTED ? CR_NORMAL : CR_DIM, 4,
		       "  ADR %d: %s — %s%s", dc->number,
		       str_empty(dc->title) ? _("untitled") : dc->title,
		       adr_status_label(dc->status), by);
	}
	tl_blank(t);
}

static void open_items(struct tlines *t, const struct wrapup *w)
{
	tl_add(t, CR_HEADING, 0, _("Open questions (%zu)"), w->n_questions);
	if (!w->n_questions)
		tl_add(t, CR_DIM, 4, "  %s",
		       _("Every question the interview shows is answered."));
	for (size_t i = 0; i < w->n_questions; i++)
		tl_add(t, CR_NORMAL, 4, "  • %s",
		       str_empty(w->questions[i]->prompt) ? w->questions[i]->id
		       : w->questions[i]->prompt);
	tl_blank(t);
	tl_add(t, CR_HEADING, 0, _("Parking lot: still open (%zu)"),
	       w->n_parked);
	if (!w->n_parked)
		tl_add(t, CR_DIM, 4, "  %s", _("Nothing left open in the parking lot."));
	for (size_t i = 0; i < w->n_parked; i++)
		tl_add(t, CR_NORMAL, 4, _("  • %s — raised by %s"),
		       w->parked[i]->text, str_empty(w->parked[i]->added_by)
		       ? "?" : w->parked[i]->added_by);
	tl_blank(t);
}

static void actions(struct tlines *t, const struct wrapup *w)
{
	tl_add(t, CR_HEADING, 0, "%s", _("Actions and their owners"));
	if (!w->n_risks && !w->next_steps->n)
		tl_add(t, CR_DIM, 4, "  %s", _("No open risk and no next step."));
	for (size_t i = 0; i < w->n_risks; i++) {
		const struct risk *r = w->risks[i];

		tl_add(t, CR_NORMAL, 4,
		       _("  • Risk %s (score %d, %s): %s — owner: %s"),
		       str_empty(r->key) ? "?" : r->key, risk_score(r),
		       risk_status_label(r->status),
		       str_empty(r->description) ? "" : r->description,
		       str_empty(r->owner) ? _("nobody yet") : r->owner);
	}
	for (size_t i = 0; i < w->next_steps->n; i++)
		tl_add(t, CR_NORMAL, 4, _("  • Next step %zu: %s"), i + 1,
		       w->next_steps->v[i]);
	if (w->n_without_owner)
		tl_add(t, CR_WARNING, 4, ngettext("  %zu open risk has no owner yet.",
						  "  %zu open risks have no owner yet.",
						  w->n_without_owner),
		       w->n_without_owner);
	tl_blank(t);
}

/* "  Stage   Planned   Spent   Difference", columns by display width. */
static void agenda_line(struct tlines *t, enum role role, const char *stage,
			const char *planned, const char *spent,
			const char *diff)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "  ");
	draw_cell(&b, stage, 22, false);
	buf_putc(&b, ' ');
	draw_cell(&b, planned, 12, true);
	buf_putc(&b, ' ');
	draw_cell(&b, spent, 12, true);
	buf_putc(&b, ' ');
	draw_cell(&b, diff, 12, true);
	tl_add(t, role, 0, "%s", buf_str(&b));
	buf_free(&b);
}

static void agenda(struct app *a, struct tlines *t, const struct wrapup *w)
{
	const struct room_agenda *ag = &w->agenda;
	const struct room_timer *tm = session_timer(a->s);
	char p[NUM_BUF], s[NUM_BUF], d[NUM_BUF * 2], name[96];

	tl_add(t, CR_HEADING, 0, "%s%s", _("Time: planned and spent"),
	       ag->defaults ? _(" (the template's timeboxes)") : "");
	if (!ag->n) {
		tl_add(t, CR_DIM, 4, "  %s", _("No agenda was set."));
		return;
	}
	agenda_line(t, CR_DIM, _("Stage"), _("Planned"), _("Spent"),
		    _("Difference"));
	for (size_t i = 0; i < ag->n; i++) {
		const struct room_agenda_row *r = &ag->rows[i];

		snprintf(name, sizeof(name), "%s%s", stage_label(r->stage),
			 r->current && tm && tm->set &&
			 tm->state == TIMER_RUNNING ? _(" (running)") : "");
		agenda_line(t, CR_NORMAL, name,
			    r->planned ? num_duration(p, sizeof(p), r->planned)
			    : _("no timebox"),
			    session_spent_text(s, sizeof(s), r->spent),
			    r->planned ? session_diff_text(d, sizeof(d), r->spent,
							r->planned) : "–");
	}
	agenda_line(t, CR_HEADING, _("Total"),
		    num_duration(p, sizeof(p), ag->planned_total),
		    session_spent_text(s, sizeof(s), ag->spent_total),
		    session_diff_text(d, sizeof(d), ag->spent_total,
				   (int)ag->planned_total));
}

static void build(struct app *a, struct tlines *t)
{
	struct wrapup w;

	if (session_wrapup(a->s, &w) < 0) {
		tl_add(t, CR_ERROR, 0, "%s", _("the wrap-up could not be built (out of memory?)"));
		return;
	}
	tl_add(t, CR_HEADING, 0, _("Wrap-up: %s"), app_data(a)->ws.title);
	tl_add(t, CR_DIM, 0, "%s", _("What the workshop came to, as it stands now (export report writes it too)."));
	tl_blank(t);
	decided(t, &w);
	open_items(t, &w);
	actions(t, &w);
	agenda(a, t, &w);
	session_wrapup_clear(&w);
}

static int wrapup_open(struct app *a, void **state)
{
	return textview_open(a, state, build);
}

/* Opened again, it starts at the top, built from the data as it is. */
static void wrapup_entered(struct app *a, void *state)
{
	struct list *l = textview_list(a, state);

	textview_refresh(a, state);
	l->sel = 0;
	l->top = 0;
}

const struct screen_ops screen_wrapup_ops = {
	.open = wrapup_open,
	.close = textview_close,
	.draw = textview_draw,
	.refresh = textview_refresh,
	.entered = wrapup_entered,
	.list = textview_list,
	.status = textview_status,
};

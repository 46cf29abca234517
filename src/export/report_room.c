#include "config.h"
/*
 * report_room: the Agenda, Parking lot and Wrap-up sections of the report
 * (see report_room.h).  The figures come from engine/room (agenda rows,
 * wrap-up), the Markdown from export/md.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/room.h"
#include "export/helpers.h"
#include "export/md.h"
#include "export/report_room.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/num.h"

static int done(struct buf *out)
{
	return out->oom ? ST_ERROR : ST_OK;
}

/* "10 min" of a number of minutes. */
static const char *minutes(char *buf, size_t size, long m)
{
	return num_duration(buf, size, m);
}

/* Spent against planned: "+5 min", "-3 min", "on time". */
static const char *difference(char *buf, size_t size, long spent,
			      long planned)
{
	char d[NUM_BUF];

	if (spent == planned)
		snprintf(buf, size, "%s", _("on time"));
	else
		snprintf(buf, size, "%s%s", spent > planned ? "+" : "",
			 num_duration(d, sizeof(d), spent - planned));
	return buf;
}

static void agenda_table(struct buf *out, const struct room_agenda *ag,
			 const struct workshop_data *d)
{
	const char *head[] = {
		_("Stage"), _("Planned"), _("Spent"), _("Difference")
	};
	char p[NUM_BUF], s[NUM_BUF], x[NUM_BUF * 2];
	long spent_total = room_minutes(ag->spent_total);

	md_table_head(out, head, 4, "lrrr");
	for (size_t i = 0; i < ag->n; i++) {
		const struct room_agenda_row *r = &ag->rows[i];
		long spent = room_minutes(r->spent);
		char name[160];

		snprintf(name, sizeof(name), "%s%s", stage_label(r->stage),
			 r->current && d->timer.set &&
			 d->timer.state == TIMER_RUNNING ? _(" (running)") : "");
		buf_putc(out, '|');
		md_table_cell(out, name);
		md_table_cell(out, r->planned ? minutes(p, sizeof(p), r->planned)
					      : _("no timebox"));
		md_table_cell(out, minutes(s, sizeof(s), spent));
		md_table_cell(out, r->planned ? difference(x, sizeof(x), spent,
							   r->planned) : "–");
		buf_putc(out, '\n');
	}
	buf_printf(out, "| **%s** | **%s** | **%s** | **%s** |\n\n",
		   _("Total"), minutes(p, sizeof(p), ag->planned_total),
		   minutes(s, sizeof(s), spent_total),
		   difference(x, sizeof(x), spent_total, ag->planned_total));
}

int report_agenda(struct buf *out, const struct workshop_data *d,
		  const struct template_def *t, int64_t now, int level)
{
	struct room_agenda ag;

	md_heading(out, level, _("Agenda"));
	if (room_agenda_build(d, t, now, &ag) < 0) {
		out->oom = true;
		return ST_ERROR;
	}
	if (!ag.n) {
		buf_printf(out, "%s\n\n", _("No agenda was set."));
		room_agenda_clear(&ag);
		return done(out);
	}
	if (ag.defaults)
		buf_printf(out, "%s\n\n",
			   _("The timeboxes of the workshop's template: no agenda of its own was set."));
	buf_printf(out, "%s\n\n",
		   _("Time spent is the time the countdown ran on each stage."));
	agenda_table(out, &ag, d);
	room_agenda_clear(&ag);
	return done(out);
}

/* What became of an item, in words (the next step quoted). */
static void became(struct buf *out, const struct park_item *p)
{
	struct buf b;

	if (p->status != PARK_ROADMAP || str_empty(p->next_step)) {
		md_table_cell(out, park_status_label(p->status));
		return;
	}
	buf_init(&b);
	buf_printf(&b, _("Next step: %s"), p->next_step);
	md_table_cell(out, b.oom ? "" : buf_str(&b));
	out->oom |= b.oom;
	buf_free(&b);
}

int report_parking(struct buf *out, const struct workshop_data *d,
		   int level, enum x_names names)
{
	char who[256];
	const char *by;

	const char *head[] = { _("Item"), _("Raised by"), _("What became of it") };

	md_heading(out, level, _("Parking lot"));
	if (!d->n_parking) {
		buf_printf(out, "%s\n\n", _("Nothing was parked."));
		return done(out);
	}
	md_table_head(out, head, 3, NULL);
	for (size_t i = 0; i < d->n_parking; i++) {
		const struct park_item *p = &d->parking[i];

		buf_putc(out, '|');
		md_table_cell(out, p->text);
		by = x_person(p->added_by, names, NULL, who, sizeof(who));
		md_table_cell(out, by ? by : "–");
		became(out, p);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	return done(out);
}

static void decided(struct buf *out, const struct wrapup *w, int level)
{
	md_heading(out, level, _("What was decided"));
	if (!w->n_decided) {
		buf_printf(out, "%s\n\n", _("No decision was recorded."));
		return;
	}
	for (size_t i = 0; i < w->n_decided; i++) {
		const struct decision *dc = w->decided[i];
		struct buf b;

		buf_init(&b);
		buf_printf(&b, _("ADR %d: %s (%s"), dc->number,
			   str_empty(dc->title) ? _("untitled") : dc->title,
			   adr_status_label(dc->status));
		if (dc->superseded_by > 0)
			buf_printf(&b, _(" by ADR %d"), dc->superseded_by);
		buf_putc(&b, ')');
		md_item(out, "-", buf_str(&b));
		out->oom |= b.oom;
		buf_free(&b);
	}
	buf_putc(out, '\n');
}

static void open_questions(struct buf *out, const struct wrapup *w,
			   int level)
{
	md_heading(out, level, _("Open questions"));
	if (!w->n_questions && !w->n_parked) {
		buf_printf(out, "%s\n\n", _("No question left open and nothing in the parking lot."));
		return;
	}
	if (w->n_questions) {
		buf_printf(out, w->n_questions == 1
			   ? _("%zu interview question is not answered:")
			   : _("%zu interview questions are not answered:"),
			   w->n_questions);
		buf_puts(out, "\n\n");
		for (size_t i = 0; i < w->n_questions; i++)
			md_item(out, "-", str_empty(w->questions[i]->prompt)
				? w->questions[i]->id : w->questions[i]->prompt);
		buf_putc(out, '\n');
	}
	if (w->n_parked) {
		buf_printf(out, "%s\n\n", _("Still in the parking lot:"));
		for (size_t i = 0; i < w->n_parked; i++)
			md_item(out, "-", w->parked[i]->text);
		buf_putc(out, '\n');
	}
}

static void actions(struct buf *out, const struct wrapup *w, int level,
		    enum x_names names)
{
	const char *head[] = { _("Action"), _("Owner") };
	char what[512], who[256];
	const char *owner;

	md_heading(out, level, _("Actions"));
	if (!w->n_risks && !w->next_steps->n) {
		buf_printf(out, "%s\n\n", _("No open risk and no next step."));
		return;
	}
	md_table_head(out, head, 2, NULL);
	for (size_t i = 0; i < w->n_risks; i++) {
		const struct risk *r = w->risks[i];

		snprintf(what, sizeof(what), _("Risk %s (score %d, %s): %s"),
			 str_empty(r->key) ? "?" : r->key, risk_score(r),
			 risk_status_label(r->status),
			 str_empty(r->description) ? "" : r->description);
		buf_putc(out, '|');
		md_table_cell(out, what);
		owner = x_person(r->owner, names, NULL, who, sizeof(who));
		md_table_cell(out, owner ? owner : _("nobody yet"));
		buf_putc(out, '\n');
	}
	for (size_t i = 0; i < w->next_steps->n; i++) {
		snprintf(what, sizeof(what), _("Next step: %s"),
			 w->next_steps->v[i]);
		buf_putc(out, '|');
		md_table_cell(out, what);
		md_table_cell(out, "–");
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
	if (w->n_without_owner)
		buf_printf(out, w->n_without_owner == 1
			   ? _("%zu open risk has no owner yet.\n\n")
			   : _("%zu open risks have no owner yet.\n\n"),
			   w->n_without_owner);
}

static void planned_spent(struct buf *out, const struct wrapup *w,
			  int level)
{
	char p[NUM_BUF], s[NUM_BUF], x[NUM_BUF * 2];
	long spent = room_minutes(w->agenda.spent_total);

	md_heading(out, level, _("Time: planned and spent"));
	if (!w->agenda.n) {
		buf_printf(out, "%s\n\n", _("No agenda was set."));
		return;
	}
	if (!w->agenda.spent_total) {
		buf_printf(out, _("Planned %s; the countdown was not run, so no time was recorded."),
			   minutes(p, sizeof(p), w->agenda.planned_total));
		buf_puts(out, "\n\n");
		return;
	}
	buf_printf(out, _("Planned %s, spent %s (%s)."),
		   minutes(p, sizeof(p), w->agenda.planned_total),
		   minutes(s, sizeof(s), spent),
		   difference(x, sizeof(x), spent, w->agenda.planned_total));
	buf_puts(out, "\n\n");
}

int report_wrapup(struct buf *out, const struct workshop_data *d,
		  const struct knowledge *k, const struct template_def *t,
		  int64_t now, int level, enum x_names names)
{
	struct wrapup w;

	md_heading(out, level, _("Wrap-up"));
	if (wrapup_build(d, k, t, now, &w) < 0) {
		out->oom = true;
		return ST_ERROR;
	}
	decided(out, &w, level + 1);
	open_questions(out, &w, level + 1);
	actions(out, &w, level + 1, names);
	planned_spent(out, &w, level + 1);
	wrapup_clear(&w);
	return done(out);
}

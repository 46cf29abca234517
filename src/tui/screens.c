#include "config.h"
/*
 * screens: the ONE table of workflow screens.  A new screen is one file
 * with its screen_ops and one row here.
 */

#include "tui/app.h"
#include "tui/screens.h"
#include "util/i18n.h"

const struct screen_def tui_screens[] = {
	{ 1, "workshops", N_("Workshops"), N_("List"), SC_WORKSHOPS, false,
	  &screen_workshops_ops },
	{ 2, "interview", N_("Interview"), N_("Ask"), SC_INTERVIEW, true,
	  &screen_interview_ops },
	{ 3, "findings", N_("Findings"), N_("Find"), SC_FINDINGS, true,
	  &screen_findings_ops },
	{ 4, "approaches", N_("Approaches"), N_("Appr"), SC_APPROACHES, true,
	  &screen_approaches_ops },
	{ 5, "tradeoffs", N_("Trade-offs"), N_("Trade"), SC_TRADEOFFS, true,
	  &screen_tradeoffs_ops },
	{ 6, "decision", N_("Decision"), N_("ADR"), SC_DECISION, true,
	  &screen_decision_ops },
	{ 7, "risks", N_("Risks"), N_("Risk"), SC_RISKS, true,
	  &screen_risks_ops },
	{ 8, "metrics", N_("Metrics"), N_("Metr"), SC_METRICS, true,
	  &screen_metrics_ops },
	{ 9, "roadmap", N_("Roadmap"), N_("Road"), SC_ROADMAP, true,
	  &screen_roadmap_ops },
	/* Not a numbered tab: H or :history opens it. */
	{ 0, "history", N_("History"), N_("History"), SC_HISTORY, true,
	  &screen_history_ops },
	/* Nor these: R or :room, :wrap-up (or w on the Room). */
	{ 0, "room", N_("Room"), N_("Room"), SC_ROOM, true, &screen_room_ops },
	{ 0, "wrapup", N_("Wrap-up"), N_("Wrap-up"), SC_VIEW, true,
	  &screen_wrapup_ops },
};
const size_t tui_n_screens = sizeof(tui_screens) / sizeof(tui_screens[0]);

void *tui_screen_state(struct app *a, const struct screen_ops *ops)
{
	for (size_t i = 0; i < tui_n_screens; i++)
		if (tui_screens[i].ops == ops && a->opened[i])
			return a->state[i];
	return NULL;
}

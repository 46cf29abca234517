#include "config.h"
/*
 * screen 6, Decision (read-only view): the workshop's ADRs with status,
 * date, chosen approach and the start of their context and decision.
 */

#include <stdlib.h>

#include "model/model.h"
#include "tui/screens.h"
#include "tui/textview.h"
#include "util/i18n.h"
#include "util/str.h"

static void build(struct app *a, struct tlines *t)
{
	const struct workshop_data *d = a->d;

	tl_add(t, CR_HEADING, 0, _("Decisions (%zu)"), d->n_decisions);
	if (!d->n_decisions)
		tl_add(t, CR_DIM, 2, "  %s", _("No decision recorded yet."));
	for (size_t i = 0; i < d->n_decisions; i++) {
		const struct decision *dc = &d->decisions[i];
		int ai = dc->chosen ? wsdata_approach_index(d, dc->chosen) : -1;

		tl_blank(t);
		tl_add(t, dc->status == ADR_ACCEPTED ? CR_OK : CR_HEADING, 4,
		       "ADR-%04d  %s", dc->number, dc->title ? dc->title : "");
		if (dc->status == ADR_SUPERSEDED && dc->superseded_by)
			tl_add(t, CR_NORMAL, 4, "    %s: %s %s ADR-%04d · %s", _("Status"),
			       adr_status_label(dc->status), _("by"), dc->superseded_by,
			       dc->date ? dc->date : "—");
		else
			tl_add(t, CR_NORMAL, 4, "    %s: %s · %s", _("Status"),
			       adr_status_label(dc->status), dc->date ? dc->date : "—");
		if (ai >= 0)
			tl_add(t, CR_NORMAL, 4, "    %s: %s", _("Chosen"),
			       d->approaches[ai].name);
		if (dc->deciders.n) {
			char *j = strv_join(&dc->deciders, ", ");

			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Deciders"), j ? j : "");
			free(j);
		}
		if (!str_empty(dc->context))
			tl_add(t, CR_DIM, 6, "    %s: %s", _("Context"), dc->context);
		if (!str_empty(dc->decision))
			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Decision"), dc->decision);
	}
}

TEXTVIEW_SCREEN(screen_decision_ops, build);

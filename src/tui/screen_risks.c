#include "config.h"
/*
 * screen 7, Risks (read-only view): the risk register, highest score
 * first, with owner, status and mitigation.
 */

#include <stdlib.h>

#include "model/model.h"
#include "tui/screens.h"
#include "tui/textview.h"
#include "util/i18n.h"
#include "util/str.h"

/* Risk indices by score, highest first (stable: few rows, insertion). */
static void sort_by_score(const struct workshop_data *d, size_t *order)
{
	for (size_t i = 0; i < d->n_risks; i++)
		order[i] = i;
	for (size_t i = 1; i < d->n_risks; i++) {
		size_t v = order[i], j = i;

		while (j > 0 && risk_score(&d->risks[order[j - 1]]) <
				risk_score(&d->risks[v])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
}

static void build(struct app *a, struct tlines *t)
{
	const struct workshop_data *d = a->d;
	size_t *order = calloc(d->n_risks ? d->n_risks : 1, sizeof(*order));

	tl_add(t, CR_HEADING, 0, _("Risks (%zu), highest score first"), d->n_risks);
	if (!order)
		return;
	if (!d->n_risks)
		tl_add(t, CR_DIM, 2, "  %s", _("No risks recorded yet."));
	sort_by_score(d, order);
	for (size_t k = 0; k < d->n_risks; k++) {
		const struct risk *r = &d->risks[order[k]];
		int s = risk_score(r);

		tl_blank(t);
		tl_add(t, s >= 15 ? CR_ERROR : s >= 8 ? CR_WARNING : CR_NORMAL, 4,
		       "%-4s %s %2d (P%d × I%d)  %-10s  %s: %s", r->key, _("score"), s,
		       r->probability, r->impact, risk_status_id(r->status),
		       _("owner"), str_empty(r->owner) ? "—" : r->owner);
		tl_add(t, CR_NORMAL, 5, "     %s", r->description ? r->description : "");
		if (!str_empty(r->mitigation))
			tl_add(t, CR_DIM, 7, "     %s: %s", _("Mitigation"), r->mitigation);
	}
	free(order);
}

TEXTVIEW_SCREEN(screen_risks_ops, build);

#include "config.h"
/*
 * screen 9, Roadmap (read-only view): phases with their duration and
 * items, then the next steps.
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
	double total = 0;

	for (size_t i = 0; i < d->n_roadmap; i++)
		total += d->roadmap[i].weeks;
	{
		char w[32];

		str_number(w, sizeof(w), total);
		tl_add(t, CR_HEADING, 0, _("Roadmap (%zu phases, %s weeks)"),
		       d->n_roadmap, w);
	}
	if (!d->n_roadmap)
		tl_add(t, CR_DIM, 2, "  %s", _("No phases planned yet."));
	for (size_t i = 0; i < d->n_roadmap; i++) {
		const struct phase *p = &d->roadmap[i];
		char w[32];

		str_number(w, sizeof(w), p->weeks);
		tl_blank(t);
		tl_add(t, CR_HEADING, 4, "%zu. %s  (%s %s)", i + 1, p->name, w,
		       _("weeks"));
		for (size_t k = 0; k < p->items.n; k++)
			tl_add(t, CR_NORMAL, 6, "    • %s", p->items.v[k]);
	}
	tl_blank(t);
	tl_add(t, CR_HEADING, 0, _("Next steps (%zu)"), d->next_steps.n);
	for (size_t k = 0; k < d->next_steps.n; k++)
		tl_add(t, CR_NORMAL, 4, "  %zu. %s", k + 1, d->next_steps.v[k]);
}

TEXTVIEW_SCREEN(screen_roadmap_ops, build);

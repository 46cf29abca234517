#include "config.h"
/*
 * screen 5, Trade-offs (read-only view): criteria with their weights and
 * the weighted ranking of the approaches, as the engine computes it.
 */

#include <stdlib.h>

#include "engine/evaluate.h"
#include "model/model.h"
#include "tui/screens.h"
#include "tui/textview.h"
#include "util/i18n.h"
#include "util/str.h"

static void build(struct app *a, struct tlines *t)
{
	const struct workshop_data *d = a->d;
	struct ws_scores sc;
	struct error e;
	bool ok;
	double sum = 0;

	err_clear(&e);
	ok = ws_scores_compute(d, false, &sc, &e) == 0;
	tl_add(t, CR_HEADING, 0, _("Criteria (%zu, %s weighting)"), d->n_criteria,
	       d->ws.weighting == WEIGHTING_AHP ? _("AHP") : _("direct"));
	for (size_t i = 0; i < d->n_criteria; i++)
		sum += d->criteria[i].weight;
	for (size_t i = 0; i < d->n_criteria; i++) {
		const struct criterion *c = &d->criteria[i];
		char w[32];

		str_number(w, sizeof(w), c->weight);
		struct buf b;

		buf_init(&b);
		draw_cell(&b, c->name, 32, false);
		tl_add(t, CR_NORMAL, 4, "  %s %s %6s   %s %5.1f%%", buf_str(&b),
		       _("weight"), w, _("share"),
		       ok ? sc.weights[i] * 100.0
			  : (sum > 0 ? c->weight * 100.0 / sum : 0.0));
		buf_free(&b);
	}
	if (ok && sc.has_ahp)
		tl_add(t, sc.ahp.inconsistent ? CR_WARNING : CR_DIM, 2,
		       "  %s %.3f%s", _("AHP consistency ratio"), sc.ahp.cr,
		       sc.ahp.inconsistent ? _(" (inconsistent: revisit the judgements)") : "");
	tl_blank(t);
	tl_add(t, CR_HEADING, 0, _("Ranking of %zu approaches"), d->n_approaches);
	if (!ok) {
		tl_add(t, CR_WARNING, 2, "  %s", e.msg);
	} else if (d->n_approaches == 0) {
		tl_add(t, CR_DIM, 2, "  %s", _("No approaches to score yet."));
	} else {
		for (size_t r = 0; r < sc.n_app; r++) {
			size_t i = sc.order[r];
			struct buf b;

			buf_init(&b);
			draw_cell(&b, d->approaches[i].name, 40, false);
			tl_add(t, r == 0 ? CR_OK : CR_NORMAL, 4,
			       "  %d. %s %6.2f   %s", sc.rank[i], buf_str(&b),
			       sc.totals[i],
			       sc.complete[i] ? "" : _("(incomplete)"));
			buf_free(&b);
		}
	}
	if (ok)
		ws_scores_clear(&sc);
}

TEXTVIEW_SCREEN(screen_tradeoffs_ops, build);

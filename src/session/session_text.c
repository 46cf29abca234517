#include "config.h"
/*
 * session_text: words the session writes for the participant from the
 * data and its scoring — the alternatives an ADR considered, generated
 * from the workshop's other approaches when nobody edited them.  Plain
 * text; the exporters and the screens format it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "util/i18n.h"
#include "util/num.h"

/* The first `max` entries joined by "; ", "…" when there are more. */
static char *first_items(const struct strv *v, size_t max)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < v->n && i < max; i++)
		buf_printf(&b, "%s%s", i ? "; " : "", v->v[i]);
	if (v->n > max)
		buf_puts(&b, "; …");
	return buf_detach(&b);
}

char *session_alternatives_text(const struct session *s,
				const struct decision *dc)
{
	const struct workshop_data *d = s->d;
	const struct sess_view *v = &s->view;
	int chosen = d && dc->chosen ? wsdata_approach_index(d, dc->chosen) : -1;
	bool scored = v->scored;
	struct buf b;
	char tot[NUM_BUF], ctot[NUM_BUF];

	if (chosen < 0 || d->n_approaches < 2)
		return NULL;
	buf_init(&b);
	if (scored)
		num_fmt(ctot, sizeof(ctot), NUM_TOTAL, v->sc.totals[chosen]);
	for (size_t r = 0; r < d->n_approaches; r++) {
		size_t i = scored ? v->sc.order[r] : r;
		const struct approach *ap = &d->approaches[i];
		char *pros, *cons;

		if ((int)i == chosen)
			continue;
		if (b.len)
			buf_puts(&b, "\n\n");
		if (scored) {
			num_fmt(tot, sizeof(tot), NUM_TOTAL, v->sc.totals[i]);
			buf_printf(&b, _("%s: weighted total %s, rank %d of %zu (%s: %s)."),
				   ap->name, tot, v->sc.rank[i], d->n_approaches,
				   d->approaches[chosen].name, ctot);
		} else {
			buf_printf(&b, _("%s: not scored yet."), ap->name);
		}
		pros = first_items(&ap->pros, 2);
		cons = first_items(&ap->cons, 2);
		if (!str_empty(pros))
			buf_printf(&b, "\n%s: %s", _("Pros"), pros);
		if (!str_empty(cons))
			buf_printf(&b, "\n%s: %s", _("Cons"), cons);
		free(pros);
		free(cons);
	}
	return buf_detach(&b);
}

#include "config.h"
/*
 * screen 4, Approaches (read-only view): the candidate approaches with
 * the library pattern each started from, components and characteristics.
 */

#include <stdlib.h>

#include "content/content.h"
#include "model/model.h"
#include "tui/screens.h"
#include "tui/textview.h"
#include "util/i18n.h"
#include "util/str.h"

static void list_line(struct tlines *t, const char *label,
		      const struct strv *v)
{
	char *j;

	if (!v->n)
		return;
	j = strv_join(v, "; ");
	tl_add(t, CR_NORMAL, 6, "    %s: %s", label, j ? j : "");
	free(j);
}

static void build(struct app *a, struct tlines *t)
{
	const struct workshop_data *d = a->d;

	tl_add(t, CR_HEADING, 0, _("Approaches (%zu)"), d->n_approaches);
	if (!d->n_approaches) {
		tl_add(t, CR_DIM, 2, "  %s", _("No approaches yet: the Findings screen (3) ranks the library patterns that fit."));
		return;
	}
	for (size_t i = 0; i < d->n_approaches; i++) {
		const struct approach *ap = &d->approaches[i];
		const struct pattern *p = ap->pattern && a->k
			? knowledge_pattern(a->k, ap->pattern) : NULL;
		struct buf b;

		tl_blank(t);
		if (ap->pattern)
			tl_add(t, CR_HEADING, 4, "%zu. %s  (%s: %s)", i + 1, ap->name,
			       _("pattern"), p && p->name ? p->name : ap->pattern);
		else
			tl_add(t, CR_HEADING, 4, "%zu. %s  (%s)", i + 1, ap->name,
			       _("blank"));
		if (!str_empty(ap->summary))
			tl_add(t, CR_NORMAL, 4, "    %s", ap->summary);
		buf_init(&b);
		for (size_t c = 0; c < ap->n_components; c++)
			buf_printf(&b, "%s%s: %s", c ? ", " : "",
				   ap->components[c].category,
				   ap->components[c].name);
		if (b.len)
			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Components"),
			       buf_str(&b));
		buf_free(&b);
		if (!str_empty(ap->deployment))
			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Deployment"), ap->deployment);
		if (!str_empty(ap->observability))
			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Observability"), ap->observability);
		if (!str_empty(ap->security))
			tl_add(t, CR_NORMAL, 6, "    %s: %s", _("Security"), ap->security);
		if (!str_empty(ap->complexity) || !str_empty(ap->cost))
			tl_add(t, CR_NORMAL, 6, "    %s: %s · %s: %s",
			       _("Complexity"), ap->complexity ? ap->complexity : "—",
			       _("Cost"), ap->cost ? ap->cost : "—");
		list_line(t, _("Pros"), &ap->pros);
		list_line(t, _("Cons"), &ap->cons);
		if (ap->stages.n) {
			char *j = strv_join(&ap->stages, " → ");

			tl_add(t, CR_DIM, 6, "    %s: %s", _("Pipeline"), j ? j : "");
			free(j);
		}
	}
}

TEXTVIEW_SCREEN(screen_approaches_ops, build);

#include "config.h"
/*
 * screen 8, Metrics (read-only view): the DORA keys and custom metrics
 * with current value, 3- and 6-month targets and the performance band.
 */

#include <stdlib.h>

#include "content/content.h"
#include "engine/dora.h"
#include "model/model.h"
#include "tui/screens.h"
#include "tui/textview.h"
#include "util/i18n.h"
#include "util/str.h"

static void num(char *buf, size_t size, bool has, double v)
{
	if (has)
		str_number(buf, size, v);
	else
		snprintf(buf, size, "—");
}

static void build(struct app *a, struct tlines *t)
{
	const struct workshop_data *d = a->d;
	/* The name takes what the numbers and the band leave. */
	int namew = t->width - 2 - 3 * 9 - 2 - 8 - 1;

	if (namew > 44)
		namew = 44;
	if (namew < 12)
		namew = 12;
	tl_add(t, CR_HEADING, 0, _("Metrics (%zu)"), d->n_metrics);
	if (!d->n_metrics) {
		tl_add(t, CR_DIM, 2, "  %s", _("No metrics yet."));
		return;
	}
	{
		struct buf b;

		buf_init(&b);
		draw_cell(&b, _("metric"), namew, false);
		buf_putc(&b, ' ');
		draw_cell(&b, _("now"), 8, true);
		buf_putc(&b, ' ');
		draw_cell(&b, _("3 months"), 8, true);
		buf_putc(&b, ' ');
		draw_cell(&b, _("6 months"), 8, true);
		buf_printf(&b, "  %s", _("band now"));
		tl_add(t, CR_DIM, 0, "  %s", buf_str(&b));
		buf_free(&b);
	}
	for (size_t i = 0; i < d->n_metrics; i++) {
		const struct metric *m = &d->metrics[i];
		const struct metric_def *md = a->k ? knowledge_metric(a->k, m->key) : NULL;
		char c[32], t3[32], t6[32], name[160];
		enum band b = md && m->has_current ? dora_band(md, m->current) : BAND_NONE;

		num(c, sizeof(c), m->has_current, m->current);
		num(t3, sizeof(t3), m->has_target_3m, m->target_3m);
		num(t6, sizeof(t6), m->has_target_6m, m->target_6m);
		snprintf(name, sizeof(name), "%s%s%s%s", m->name ? m->name : m->key,
			 str_empty(m->unit) ? "" : " (", str_empty(m->unit) ? "" : m->unit,
			 str_empty(m->unit) ? "" : ")");
		struct buf row;

		buf_init(&row);
		draw_cell(&row, name, namew, false);
		buf_putc(&row, ' ');
		draw_cell(&row, c, 8, true);
		buf_putc(&row, ' ');
		draw_cell(&row, t3, 8, true);
		buf_putc(&row, ' ');
		draw_cell(&row, t6, 8, true);
		buf_printf(&row, "  %s", b == BAND_NONE ? "" : band_label(b));
		tl_add(t, b == BAND_ELITE || b == BAND_HIGH ? CR_OK
		       : b == BAND_LOW ? CR_WARNING : CR_NORMAL, 4, "  %s",
		       buf_str(&row));
		buf_free(&row);
	}
}

TEXTVIEW_SCREEN(screen_metrics_ops, build);

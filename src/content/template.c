/*
 * content/template: a new workshop built from a template: its criteria with
 * their default weights, its metrics without values and its agenda (the
 * stages with their timeboxes), ready to be stored.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "util/i18n.h"
#include "util/str.h"

static int add_criteria(const struct knowledge *k, const struct template_def *t,
			struct workshop_data *d, struct error *e)
{
	for (size_t i = 0; i < t->criteria.n; i++) {
		const struct criterion_def *cd =
			knowledge_criterion(k, t->criteria.v[i]);
		struct criterion *c;

		if (!cd)
			return err_set(e, ST_INPUT, _("template '%s' names "
						      "unknown criterion '%s'"),
				       t->id, t->criteria.v[i]);
		c = wsdata_add_criterion(d);
		if (!c)
			return err_set(e, ST_ERROR, _("out of memory"));
		c->pos = (int)i;
		c->weight = cd->weight;
		if (str_set(&c->key, cd->id) < 0 ||
		    str_set(&c->name, cd->name) < 0 ||
		    str_set(&c->description, cd->description) < 0)
			return err_set(e, ST_ERROR, _("out of memory"));
	}
	return ST_OK;
}

static int add_metrics(const struct knowledge *k, const struct template_def *t,
		       struct workshop_data *d, struct error *e)
{
	for (size_t i = 0; i < t->metrics.n; i++) {
		const struct metric_def *md =
			knowledge_metric(k, t->metrics.v[i]);
		struct metric *m;

		if (!md)
			return err_set(e, ST_INPUT, _("template '%s' names "
						      "unknown metric '%s'"),
				       t->id, t->metrics.v[i]);
		m = wsdata_add_metric(d);
		if (!m)
			return err_set(e, ST_ERROR, _("out of memory"));
		if (str_set(&m->key, md->id) < 0 ||
		    str_set(&m->name, md->name) < 0 ||
		    str_set(&m->unit, md->unit) < 0)
			return err_set(e, ST_ERROR, _("out of memory"));
	}
	return ST_OK;
}

/* The template's timeboxes become the workshop's agenda. */
static int add_agenda(const struct template_def *t, struct workshop_data *d,
		      struct error *e)
{
	for (size_t i = 0; i < t->n_agenda; i++) {
		struct agenda_item *a = wsdata_add_agenda(d);

		if (!a)
			return err_set(e, ST_ERROR, _("out of memory"));
		a->stage = t->agenda[i].stage;
		a->pos = (int)i;
		a->planned = t->agenda[i].minutes;
	}
	return ST_OK;
}

int content_workshop_from_template(const struct knowledge *k,
				   const char *template_id, const char *title,
				   struct workshop_data **out,
				   struct error *e)
{
	const struct template_def *t = knowledge_template(k, template_id);
	struct workshop_data *d;
	int rc;

	*out = NULL;
	if (!t) {
		struct strv ids = { 0 };
		char *known;

		for (size_t i = 0; k && i < k->n_templates; i++)
			if (strv_push(&ids, k->templates[i].id) < 0)
				break;
		known = strv_join(&ids, ", ");
		strv_free(&ids);
		err_set(e, ST_NOTFOUND, _("no template '%s' (known: %s)"),
			template_id ? template_id : "",
			known && *known ? known : _("none"));
		free(known);
		return ST_NOTFOUND;
	}
	d = wsdata_new();
	if (!d)
		return err_set(e, ST_ERROR, _("out of memory"));
	d->ws.stage = STAGE_INTERVIEW;
	d->ws.weighting = WEIGHTING_DIRECT;
	d->ws.scale_min = 1;
	d->ws.scale_max = 5;
	if (str_set(&d->ws.title, title ? title : t->name) < 0 ||
	    str_set(&d->ws.template_name, t->id) < 0) {
		rc = err_set(e, ST_ERROR, _("out of memory"));
		goto fail;
	}
	rc = add_criteria(k, t, d, e);
	if (rc == ST_OK)
		rc = add_metrics(k, t, d, e);
	if (rc == ST_OK)
		rc = add_agenda(t, d, e);
	if (rc != ST_OK)
		goto fail;
	*out = d;
	return ST_OK;
fail:
	wsdata_free(&d);
	return rc;
}

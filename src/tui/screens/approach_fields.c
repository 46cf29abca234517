#include "config.h"
/*
 * approach_fields: the fields of an approach as screen 4 shows and edits
 * them, shared by the list's fields pane and the side-by-side view: labels,
 * display items and wrapping, and every editor: a line or text editor per
 * field (one entry per line for lists), the pattern picker, the component
 * pickers over the technology catalogue, and a new approach started blank
 * or from a library pattern ranked by fit.  Each edit is one store call
 * with the version the edit started from.
 */

#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "tui/app.h"
#include "tui/screens.h"
#include "tui/screens/approaches.h"
#include "tui/draw.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/picker.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- the fields ---------------------------------------------------------- */
enum editor { ED_LINE, ED_TEXT, ED_LIST, ED_PATTERN, ED_COMPONENTS };

static const struct {
	const char *label;
	const char *column;      /* store_update's field name */
	enum editor ed;
} fields[F_COUNT] = {
	[F_NAME] = { N_("Name"), "name", ED_LINE },
	[F_SUMMARY] = { N_("Summary"), "summary", ED_TEXT },
	[F_PATTERN] = { N_("Pattern"), "pattern", ED_PATTERN },
	[F_COMPONENTS] = { N_("Components"), "components", ED_COMPONENTS },
	[F_DEPLOYMENT] = { N_("Deployment"), "deployment", ED_LINE },
	[F_OBSERVABILITY] = { N_("Observability"), "observability", ED_TEXT },
	[F_SECURITY] = { N_("Security model"), "security", ED_TEXT },
	[F_COMPLEXITY] = { N_("Complexity"), "complexity", ED_TEXT },
	[F_COST] = { N_("Cost"), "cost", ED_TEXT },
	[F_PROS] = { N_("Pros"), "pros", ED_LIST },
	[F_CONS] = { N_("Cons"), "cons", ED_LIST },
	[F_STAGES] = { N_("Pipeline stages"), "stages", ED_LIST },
};

const char *ap_field_label(enum ap_field f)
{
	return (unsigned)f < F_COUNT ? _(fields[f].label) : "?";
}

bool ap_field_bulleted(enum ap_field f)
{
	return f == F_PROS || f == F_CONS;
}

const char *ap_category_name(const struct knowledge *k, const char *id)
{
	for (size_t i = 0; k && i < k->n_categories; i++)
		if (str_eq(k->categories[i].id, id))
			return k->categories[i].name ? k->categories[i].name
						     : id;
	return id ? id : "";
}

size_t ap_category_rank(const struct knowledge *k, const char *id)
{
	for (size_t i = 0; k && i < k->n_categories; i++)
		if (str_eq(k->categories[i].id, id))
			return i;
	return k ? k->n_categories : 0;
}

static const char *text_of(const struct approach *ap, enum ap_field f)
{
	switch (f) {
	case F_NAME: return ap->name;
	case F_SUMMARY: return ap->summary;
	case F_PATTERN: return ap->pattern;
	case F_DEPLOYMENT: return ap->deployment;
	case F_OBSERVABILITY: return ap->observability;
	case F_SECURITY: return ap->security;
	case F_COMPLEXITY: return ap->complexity;
	case F_COST: return ap->cost;
	default: return NULL;
	}
}

static const struct strv *list_of(const struct approach *ap, enum ap_field f)
{
	switch (f) {
	case F_PROS: return &ap->pros;
	case F_CONS: return &ap->cons;
	case F_STAGES: return &ap->stages;
	default: return NULL;
	}
}

void ap_field_items(const struct knowledge *k, const struct approach *ap,
		    enum ap_field f, struct strv *out)
{
	const struct strv *l = list_of(ap, f);
	const struct pattern *p;
	char *t;

	if (f == F_COMPONENTS) {
		if (!ap->n_components)
			return;
		t = str_printf(ngettext("%zu component", "%zu components",
					ap->n_components), ap->n_components);
		if (t)
			strv_push(out, t);
		free(t);
	} else if (f == F_PATTERN) {
		if (str_empty(ap->pattern))
			return;
		p = k ? knowledge_pattern(k, ap->pattern) : NULL;
		strv_push(out, p && p->name ? p->name : ap->pattern);
	} else if (f == F_STAGES) {
		if (!l->n)
			return;
		t = strv_join(l, " → ");
		if (t)
			strv_push(out, t);
		free(t);
	} else if (l) {
		for (size_t i = 0; i < l->n; i++)
			strv_push(out, l->v[i]);
	} else if (!str_empty(text_of(ap, f))) {
		strv_push(out, text_of(ap, f));
	}
}

void ap_wrap(struct strv *out, const struct strv *items, const char *bullet,
	     int cols)
{
	int bw = bullet ? utf8_width(bullet) : 0;
	size_t st[256], ln[256];

	if (cols - bw < 4)
		bw = 0;
	for (size_t i = 0; i < items->n; i++) {
		size_t n = draw_wrap(items->v[i], cols - bw, st, ln, 256);

		for (size_t j = 0; j < n; j++) {
			struct buf b;

			buf_init(&b);
			if (bw) {
				if (j == 0)
					buf_puts(&b, bullet);
				else
					for (int c = 0; c < bw; c++)
						buf_putc(&b, ' ');
			}
			buf_add(&b, items->v[i] + st[j], ln[j]);
			strv_push(out, buf_str(&b));
			buf_free(&b);
		}
	}
}

/* ---- saving ----------------------------------------------------------------- */
static const struct approach *ap_by_id(struct app *a, int64_t id)
{
	for (size_t i = 0; app_data(a) && i < app_data(a)->n_approaches; i++)
		if (app_data(a)->approaches[i].id == id)
			return &app_data(a)->approaches[i];
	return NULL;
}

/* One field through app_save_field: ST_OK saved; ST_CONFLICT the keep
 * mine / take theirs dialog took over; anything else was said (the editor
 * stays open with what was typed). */
static int save_field(struct app *a, int64_t id, enum ap_field f,
		      const char *value, int64_t version)
{
	int rc = app_save_field(a, "approach", id, fields[f].column, value,
				version);

	if (rc == ST_OK)
		app_msg(a, MSG_OK, _("saved: %s"), ap_field_label(f));
	return rc;
}

static bool text_done(struct app *a, struct modal *m, bool ok)
{
	enum ap_field f = (enum ap_field)m->kind;
	char *t;
	int rc;

	if (!ok)
		return true;
	t = fields[f].ed == ED_LIST ? edit_text_lines(m)
				    : edit_text_trimmed(m, NULL);
	if (!t)
		return true;
	if (f == F_NAME && !*t) {
		free(t);
		edit_set_hint(m, _("an approach needs a name (Esc cancels)"));
		return false;
	}
	rc = save_field(a, m->id, f, t, m->version);
	free(t);
	return rc == ST_OK || rc == ST_CONFLICT;
}

static bool pattern_done(struct app *a, struct modal *m, bool ok)
{
	size_t i;

	if (!ok)
		return true;
	i = picker_selected(m);
	save_field(a, m->id, F_PATTERN,
		   i < app_k(a)->n_patterns ? app_k(a)->patterns[i].id : "",
		   m->version);
	return true;
}

/* "category\tname" lines with component `drop` left out (-1: none) and
 * `cat`/`name` put in its place (replace) or at the end (drop -1). */
static char *components_text(const struct approach *ap, int drop,
			     const char *cat, const char *name)
{
	struct buf b;
	bool any = false;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < ap->n_components; i++) {
		const char *c = ap->components[i].category,
			   *n = ap->components[i].name;

		if ((int)i == drop) {
			if (!name)
				continue;
			c = cat;
			n = name;
		}
		buf_printf(&b, "%s%s\t%s", any ? "\n" : "", c ? c : "",
			   n ? n : "");
		any = true;
	}
	if (drop < 0 && name)
		buf_printf(&b, "%s%s\t%s", any ? "\n" : "", cat, name);
	if (b.oom) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int ap_save_component(struct app *a, int64_t id, int64_t version, int idx,
		      const char *cat, const char *name)
{
	const struct approach *ap = ap_by_id(a, id);
	char *t, *clean, *said = NULL, *base;
	int rc;

	if (!ap) {
		app_msg(a, MSG_WARN, "%s", _("the approach is gone (deleted meanwhile)"));
		return ST_NOTFOUND;
	}
	if (idx >= (int)ap->n_components) {
		app_msg(a, MSG_WARN, "%s", _("the components changed meanwhile: try again"));
		return ST_CONFLICT;
	}
	clean = name ? str_dup(name) : NULL;
	if (clean) {
		/* Tabs and newlines are the encoding's separators. */
		for (char *p = clean; *p; p++)
			if (*p == '\t' || *p == '\n')
				*p = ' ';
		str_trim(clean);
	}
	for (size_t i = 0; clean && i < ap->n_components; i++)
		if ((int)i != idx && str_eq(ap->components[i].category, cat) &&
		    str_eq(ap->components[i].name, clean)) {
			app_msg(a, MSG_WARN, _("“%s” is already a component"), clean);
			free(clean);
			return ST_INPUT;
		}
	t = components_text(ap, idx, cat, clean);
	/* Said after the save, which reloads (ap goes): worded now. */
	if (!clean)
		said = str_printf(_("removed %s: %s"),
				  ap_category_name(app_k(a), ap->components[idx].category),
				  ap->components[idx].name);
	else if (idx < 0)
		said = str_printf(_("added %s: %s"), ap_category_name(app_k(a), cat),
				  clean);
	else
		said = str_printf(_("replaced by %s: %s"),
				  ap_category_name(app_k(a), cat), clean);
	if (!t || !said) {
		free(t);
		free(said);
		free(clean);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return ST_ERROR;
	}
	/* The new list is worked out from the components loaded now: the
	 * save conflicts only when they changed since (not when another
	 * field of the approach did, nor with the version the picker saw). */
	base = components_text(ap, -1, NULL, NULL);
	rc = base ? app_save_field_from(a, "approach", id, "components", t,
					ap->version, base)
		  : app_save_field(a, "approach", id, "components", t,
				   version);
	if (rc == ST_OK)
		app_msg(a, MSG_OK, "%s", said);
	free(base);
	free(said);
	free(t);
	free(clean);
	return rc;
}

static bool other_done(struct app *a, struct modal *m, bool ok)
{
	char *t;
	int rc;

	if (!ok)
		return true;
	t = edit_text_trimmed(m, _("type the technology's name (Esc cancels)"));
	if (!t)
		return false;
	rc = ap_save_component(a, m->id, m->version, m->kind, m->key, t);
	free(t);
	/* Keep the editor (and the name typed) unless saved or handed to
	 * the conflict dialog; a duplicate name asks for another. */
	return rc == ST_OK || rc == ST_CONFLICT || rc == ST_NOTFOUND;
}

/* The catalogue's technologies of a category, in catalogue order. */
static size_t techs_of(const struct knowledge *k, const char *cat,
		       size_t *idx, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < k->n_techs && n < max; i++)
		if (str_eq(k->techs[i].category, cat))
			idx[n++] = i;
	return n;
}

static bool tech_done(struct app *a, struct modal *m, bool ok)
{
	size_t idx[256], n, sel;
	struct modal *ed;

	if (!ok)
		return true;
	n = techs_of(app_k(a), m->key, idx, 256);
	sel = picker_selected(m);
	if (sel < n) {
		ap_save_component(a, m->id, m->version, m->kind, m->key,
			       app_k(a)->techs[idx[sel]].name);
		return true;
	}
	ed = lineedit_new(_("Other technology"), "",
			  _("Enter save · Esc cancel"), other_done);
	if (ed) {
		ed->scope = SC_EDIT;
		ed->id = m->id;
		ed->version = m->version;
		ed->kind = m->kind;
		ed->key = str_dup(m->key);
	}
	app_push(a, ed);
	return true;
}

static void pick_tech(struct app *a, int64_t id, int64_t version, int idx,
		      const char *cat, const char *current)
{
	size_t ti[256], n = techs_of(app_k(a), cat, ti, 256), sel = 0;
	const char **labels = calloc(n + 1, sizeof(*labels));
	char **owned = calloc(n + 1, sizeof(*owned));
	struct modal *m = NULL;
	char *title;

	if (!labels || !owned) {
		free(labels);
		free(owned);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct tech *t = &app_k(a)->techs[ti[i]];

		owned[i] = str_empty(t->best_for) ? str_dup(t->name)
			   : str_printf("%s — %s", t->name, t->best_for);
		labels[i] = owned[i] ? owned[i] : t->name;
		if (str_eq(t->name, current))
			sel = i;
	}
	labels[n] = _("Other (type a name)");
	if (current && n && sel == 0 && !str_eq(app_k(a)->techs[ti[0]].name, current))
		sel = n;
	title = str_printf(idx < 0 ? _("Add: %s") : _("Replace with: %s"),
			   ap_category_name(app_k(a), cat));
	m = picker_new(PICK_ONE, title ? title : "", labels, n + 1, sel,
		       tech_done);
	free(title);
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	if (m) {
		m->scope = SC_PICKER;
		m->id = id;
		m->version = version;
		m->kind = idx;
		m->key = str_dup(cat);
	}
	app_push(a, m);
}

static bool category_done(struct app *a, struct modal *m, bool ok)
{
	const struct approach *ap;
	size_t i;

	if (!ok)
		return true;
	i = picker_selected(m);
	ap = ap_by_id(a, m->id);
	if (i >= app_k(a)->n_categories || !ap)
		return true;
	pick_tech(a, m->id, m->version, m->kind, app_k(a)->categories[i].id,
		  m->kind >= 0 && (size_t)m->kind < ap->n_components
		  ? ap->components[m->kind].name : NULL);
	return true;
}

/* A category picker, then a technology picker; idx -1 adds. */
void ap_pick_component(struct app *a, const struct approach *ap, int idx)
{
	const char **labels;
	struct modal *m;
	size_t sel = 0;

	if (!app_k(a) || !app_k(a)->n_categories) {
		app_msg(a, MSG_ERROR, "%s", _("the technology catalogue is empty (see charrette check-data)"));
		return;
	}
	labels = calloc(app_k(a)->n_categories, sizeof(*labels));
	if (!labels)
		return;
	for (size_t i = 0; i < app_k(a)->n_categories; i++) {
		labels[i] = app_k(a)->categories[i].name ? app_k(a)->categories[i].name
						      : app_k(a)->categories[i].id;
		if (idx >= 0 && str_eq(app_k(a)->categories[i].id,
				       ap->components[idx].category))
			sel = i;
	}
	m = picker_new(PICK_ONE, idx < 0 ? _("Add a component: category")
			: _("Replace the component: category"),
		       labels, app_k(a)->n_categories, sel, category_done);
	free(labels);
	if (m) {
		m->scope = SC_PICKER;
		m->id = ap->id;
		m->version = ap->version;
		m->kind = idx;
	}
	app_push(a, m);
}

static void pick_pattern(struct app *a, const struct approach *ap)
{
	const char **labels;
	struct modal *m;
	size_t sel, n = app_k(a) ? app_k(a)->n_patterns : 0;

	labels = calloc(n + 1, sizeof(*labels));
	if (!labels)
		return;
	sel = n;
	for (size_t i = 0; i < n; i++) {
		labels[i] = app_k(a)->patterns[i].name ? app_k(a)->patterns[i].name
						    : app_k(a)->patterns[i].id;
		if (str_eq(app_k(a)->patterns[i].id, ap->pattern))
			sel = i;
	}
	labels[n] = _("None (a blank approach)");
	m = picker_new(PICK_ONE, _("Pattern it started from"), labels, n + 1,
		       sel, pattern_done);
	free(labels);
	if (m) {
		m->scope = SC_PICKER;
		m->id = ap->id;
		m->version = ap->version;
		m->base = str_dup(ap->pattern ? ap->pattern : "");
	}
	app_push(a, m);
}

void ap_edit_field(struct app *a, const struct approach *ap, enum ap_field f,
		   int comp)
{
	char where[96], *init = NULL;

	if (app_refuse_readonly(a))
		return;
	switch (fields[f].ed) {
	case ED_PATTERN:
		pick_pattern(a, ap);
		return;
	case ED_COMPONENTS:
		ap_pick_component(a, ap, comp);
		return;
	case ED_LIST:
		init = strv_join(list_of(ap, f), "\n");
		break;
	default:
		init = str_dup(text_of(ap, f) ? text_of(ap, f) : "");
		break;
	}
	snprintf(where, sizeof(where), "approach:%lld:%s", (long long)ap->id,
		 fields[f].column);
	app_edit(a, &(struct edit_req){
		.where = where, .title = ap_field_label(f),
		.init = init ? init : "",
		.hint = fields[f].ed == ED_LINE ? _("Enter save · Esc cancel")
			: fields[f].ed == ED_LIST
			? _("one entry per line · C-s save · Esc cancel")
			: NULL,
		.multi = fields[f].ed != ED_LINE, .done = text_done,
		.id = ap->id, .version = ap->version, .kind = (int)f });
	free(init);
}

/* ---- adding ----------------------------------------------------------------- */
/* Add an approach named `name`, filled from pattern p (NULL: blank);
 * its id, or 0 when it was not added (the message says why). */
static int64_t add_approach(struct app *a, const char *name,
			    const struct pattern *p)
{
	struct approach ap;
	struct sess_result r = { 0 };
	int64_t id;

	memset(&ap, 0, sizeof(ap));
	ap.name = (char *)name;
	if (p) {
		/* Shallow: the store copies what it is given. */
		ap.pattern = p->id;
		ap.summary = p->summary;
		ap.components = p->components;
		ap.n_components = p->n_components;
		ap.deployment = p->deployment;
		ap.observability = p->observability;
		ap.security = p->security;
		ap.complexity = p->complexity;
		ap.cost = p->cost;
		ap.pros = p->pros;
		ap.cons = p->cons;
		ap.stages = p->stages;
	}
	if (session_add_approach(a->s, &ap, &r) < 0) {
		app_result(a, &r, NULL);
		sess_result_clear(&r);
		return 0;
	}
	id = r.id;
	sess_result_clear(&r);
	return id;
}

void ap_add_pattern(struct app *a, const struct pattern *p)
{
	const char *name = p->name ? p->name : p->id;
	int64_t id;

	if (app_data(a)->n_approaches >= AP_MAX) {
		app_msg(a, MSG_ERROR, _("a workshop compares at most %d approaches: delete one on screen 4 before adding another"),
			AP_MAX);
		return;
	}
	id = add_approach(a, name, p);
	if (!id)
		return;
	follow_stop(a, NULL);
	app_goto(a, 4);
	approaches_select(a, id);
	app_msg(a, MSG_OK, _("added “%s” from the library (u takes it back)"),
		name);
}

static bool new_name_done(struct app *a, struct modal *m, bool ok)
{
	const struct pattern *p = NULL;
	int64_t id;
	char *name;

	if (!ok)
		return true;
	name = edit_text_trimmed(m, _("an approach needs a name (Esc cancels)"));
	if (!name)
		return false;
	if (m->key && app_k(a))
		p = knowledge_pattern(app_k(a), m->key);
	id = add_approach(a, name, p);
	if (!id) {
		free(name);
		return true;
	}
	approaches_select(a, id);
	/* Short enough for 80 columns with a long name: the pattern is named
	 * only when the approach was renamed from it. */
	if (app_data(a) && app_data(a)->n_approaches + 1 < AP_MIN)
		app_msg(a, MSG_WARN, _("added “%s”: add one more (n) to compare"),
			name);
	else if (p && strcmp(name, p->name ? p->name : p->id) == 0)
		app_msg(a, MSG_OK, _("added “%s” from its pattern: l shows its fields"),
			name);
	else if (p)
		app_msg(a, MSG_OK, _("added “%s” from the pattern %s: l shows its fields"),
			name, p->name ? p->name : p->id);
	else
		app_msg(a, MSG_OK, _("added “%s”: l goes to its fields to fill them in"),
			name);
	free(name);
	return true;
}

/* Library patterns, best fit first (by the findings' ranking); their
 * fit in *fit (-1: not ranked). */
static size_t *patterns_ranked(struct app *a, double **fit)
{
	const struct findings *f = &app_view(a)->f;
	size_t n = app_k(a)->n_patterns, k = 0, *order = calloc(n + 1, sizeof(*order));
	bool *seen = calloc(n + 1, sizeof(*seen));

	*fit = calloc(n + 1, sizeof(**fit));
	if (!order || !seen || !*fit) {
		free(order);
		free(seen);
		free(*fit);
		*fit = NULL;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		(*fit)[i] = -1;
	for (size_t i = 0; app_view(a)->have_findings && i < f->n_patterns; i++) {
		size_t p = f->patterns[i].pattern;

		if (p < n && !seen[p]) {
			seen[p] = true;
			order[k++] = p;
			(*fit)[p] = f->patterns[i].fit;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!seen[i])
			order[k++] = i;
	free(seen);
	return order;
}

static bool new_source_done(struct app *a, struct modal *m, bool ok)
{
	const struct pattern *p = NULL;
	struct modal *ed;
	size_t i;

	if (!ok)
		return true;
	i = picker_selected(m);
	if (i > 0 && m->ctx) {
		/* ctx holds the ranked pattern indexes, in the picker's order. */
		size_t pi = ((const size_t *)m->ctx)[i - 1];

		if (pi < app_k(a)->n_patterns)
			p = &app_k(a)->patterns[pi];
	}
	ed = lineedit_new(p ? _("New approach from the pattern: name")
			  : _("New blank approach: name"),
			  p && p->name ? p->name : "",
			  _("Enter add · Esc cancel"), new_name_done);
	if (ed) {
		ed->scope = SC_EDIT;
		ed->key = p ? str_dup(p->id) : NULL;
	}
	app_push(a, ed);
	return true;
}

void ap_add(struct app *a)
{
	char pc[NUM_BUF];
	size_t n = app_k(a) ? app_k(a)->n_patterns : 0, *order = NULL;
	const char **labels;
	double *fit = NULL;
	char **owned;
	struct modal *m;

	if (app_data(a)->n_approaches >= AP_MAX) {
		app_msg(a, MSG_ERROR, _("a workshop compares at most %d approaches: delete one (d) before adding another"),
			AP_MAX);
		return;
	}
	labels = calloc(n + 1, sizeof(*labels));
	owned = calloc(n + 1, sizeof(*owned));
	if (n)
		order = patterns_ranked(a, &fit);
	if (!labels || !owned || (n && !order)) {
		free(labels);
		free(owned);
		free(order);
		free(fit);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	labels[0] = _("Blank approach");
	for (size_t i = 0; i < n; i++) {
		const struct pattern *p = &app_k(a)->patterns[order[i]];
		const char *nm = p->name ? p->name : p->id;

		owned[i] = fit[order[i]] >= 0
			   ? str_printf(_("%s  (fit %s)"), nm,
					num_fmt(pc, sizeof(pc), NUM_PERCENT,
						fit[order[i]]))
			   : str_dup(nm);
		labels[i + 1] = owned[i] ? owned[i] : nm;
	}
	m = picker_new(PICK_ONE, _("New approach: start from"), labels, n + 1,
		       n ? 1 : 0, new_source_done);
	if (m) {
		m->scope = SC_PICKER;
		m->ctx = order;
		m->ctx_free = free;
		order = NULL;
	}
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	free(order);
	free(fit);
	app_push(a, m);
}

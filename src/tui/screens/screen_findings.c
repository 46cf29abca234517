#include "config.h"
/*
 * screen 3, Findings: what the engine concludes from the answers, live:
 * matched decision rules with their recommendation and required controls,
 * anti-pattern warnings with remedies, library patterns ranked by fit with
 * the reasons, and the suggested criterion weight nudges, which `a`
 * applies to the workshop's criteria.
 */

#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/widgets/list.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"

enum fkind { F_HEAD, F_RULE, F_ANTI, F_PATTERN, F_NUDGE, F_TEXT };

struct frow {
	enum fkind kind;
	size_t item;          /* index into the findings array of its kind */
	bool first;           /* first line of an item: the cursor stops here */
	enum role role;
	char *text;
};

struct fscreen {
	struct list list;
	const struct findings *f;   /* the session's */
	struct frow *rows;
	size_t n, cap;
	int width;
	bool dirty;
	enum fkind keep_kind;
	size_t keep_item;
};

static const char *row_text(void *ctx, size_t i)
{
	struct fscreen *s = ctx;

	return i < s->n ? s->rows[i].text : NULL;
}

static bool row_selectable(void *ctx, size_t i)
{
	struct fscreen *s = ctx;

	return i < s->n && s->rows[i].first;
}

static void rows_free(struct fscreen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->rows[i].text);
	free(s->rows);
	s->rows = NULL;
	s->n = s->cap = 0;
}

static void push(struct fscreen *s, enum fkind k, size_t item, bool first,
		 enum role r, char *text)
{
	if (!text)
		return;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct frow *p = realloc(s->rows, cap * sizeof(*p));

		if (!p) {
			free(text);
			return;
		}
		s->rows = p;
		s->cap = cap;
	}
	s->rows[s->n++] = (struct frow){ k, item, first, r, text };
}

/* Add text wrapped to the width: the first line as given, the rest
 * indented by `indent` columns. */
static void add(struct fscreen *s, enum fkind k, size_t item, bool first,
		enum role r, int indent, const char *text)
{
	size_t st[128], ln[128], n;
	int w = s->width - indent;

	if (w < 10)
		w = 10;
	n = draw_wrap(text, w, st, ln, 128);
	for (size_t i = 0; i < n; i++)
		push(s, k, item, first && i == 0, r,
		     str_printf("%*s%.*s", indent, "", (int)ln[i], text + st[i]));
	if (n == 0)
		push(s, k, item, first, r, str_printf("%*s", indent, ""));
}

/* The session's nudge of a criterion (NULL: none). */
static const struct sess_nudge *nudge_of(struct app *a,
					 const struct criterion *c)
{
	const struct sess_view *v = app_view(a);

	for (size_t i = 0; i < v->n_nudges; i++)
		if (&app_data(a)->criteria[v->nudges[i].criterion] == c)
			return &v->nudges[i];
	return NULL;
}

static bool nudge_applied(struct app *a, const struct criterion *c)
{
	return nudge_of(a, c) && nudge_of(a, c)->applied;
}

static const struct criterion *nudge_criterion(struct app *a,
					       const struct nudge *nd)
{
	int ci = wsdata_criterion_index(app_data(a), nd->criterion);

	return ci >= 0 ? &app_data(a)->criteria[ci] : NULL;
}


/*
 * The reasons a pattern fits, each marked with whether it holds on the
 * answers: "✓" holds, "✗" does not, "?" not answered yet (the legend is
 * in the findings heading).  Content lists
 * one reason per member of the pattern's `all` condition, in order; when
 * the two do not line up the reasons are shown unmarked.
 */
static char *fit_reasons(struct app *a, size_t pi)
{
	const struct pattern *p = &app_k(a)->patterns[pi];
	const char *marks = app_view(a)->fit_marks
			    ? app_view(a)->fit_marks[pi] : NULL;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	for (size_t i = 0; i < p->fit_reasons.n; i++) {
		if (i)
			buf_putc(&b, ' ');
		/* A no-break space keeps the mark with its reason when
		 * the line wraps. */
		if (marks)
			buf_puts(&b, marks[i] == '+' ? "✓\xc2\xa0"
				 : marks[i] == '-' ? "✗\xc2\xa0" : "?\xc2\xa0");
		buf_puts(&b, p->fit_reasons.v[i]);
	}
	return buf_detach(&b);
}

/* The rules the answers match, with their recommendations and controls. */
static void build_rules(struct app *a, struct fscreen *s)
{
	const struct knowledge *k = app_k(a);
	char *t;

	t = str_printf(_("Matched rules (%zu)"), s->f->n_rules);
	add(s, F_HEAD, 0, false, CR_HEADING, 0, t ? t : "");
	free(t);
	if (!s->f->n_rules)
		add(s, F_TEXT, 0, false, CR_DIM, 2,
		    _("No rule matches the answers yet; answer more of the interview (2)."));
	for (size_t i = 0; i < s->f->n_rules; i++) {
		const struct rule *r = &k->rules[s->f->rules[i]];

		t = str_printf("▸ %s%s%s%s", r->title ? r->title : r->id,
			       r->goal ? "  [" : "", r->goal ? r->goal : "",
			       r->goal ? "]" : "");
		add(s, F_RULE, i, true, CR_NORMAL, 0, t ? t : "");
		free(t);
		if (!str_empty(r->recommendation))
			add(s, F_RULE, i, false, CR_DIM, 4, r->recommendation);
		if (r->controls.n) {
			char *j = strv_join(&r->controls, "; ");

			t = str_printf("%s: %s", _("Required controls"), j ? j : "");
			add(s, F_RULE, i, false, CR_NORMAL, 4, t ? t : "");
			free(t);
			free(j);
		}
	}
}

/* The anti-patterns detected, with their remedies. */
static void build_antipatterns(struct app *a, struct fscreen *s)
{
	const struct knowledge *k = app_k(a);
	char *t;

	t = str_printf(_("Anti-pattern warnings (%zu)"), s->f->n_antipatterns);
	add(s, F_HEAD, 0, false, CR_HEADING, 0, t ? t : "");
	free(t);
	if (!s->f->n_antipatterns)
		add(s, F_TEXT, 0, false, CR_DIM, 2, _("None detected."));
	for (size_t i = 0; i < s->f->n_antipatterns; i++) {
		const struct antipattern *ap = &k->antipatterns[s->f->antipatterns[i]];

		t = str_printf("⚠ %s", ap->name ? ap->name : ap->id);
		add(s, F_ANTI, i, true, CR_WARNING, 0, t ? t : "");
		free(t);
		if (!str_empty(ap->description))
			add(s, F_ANTI, i, false, CR_DIM, 4, ap->description);
		if (!str_empty(ap->remedy)) {
			t = str_printf("%s: %s", _("Remedy"), ap->remedy);
			add(s, F_ANTI, i, false, CR_NORMAL, 4, t ? t : "");
			free(t);
		}
	}
}

/* The library's patterns by how well they fit (Enter starts an approach). */
static void build_patterns(struct app *a, struct fscreen *s)
{
	const struct knowledge *k = app_k(a);
	char *t;

	t = str_printf(_("Library patterns by fit (%zu): ✓ holds, ✗ does not, ? not answered"), s->f->n_patterns);
	add(s, F_HEAD, 0, false, CR_HEADING, 0, t ? t : "");
	free(t);
	for (size_t i = 0; i < s->f->n_patterns; i++) {
		const struct pattern_fit *pf = &s->f->patterns[i];
		const struct pattern *p = &k->patterns[pf->pattern];

		if (pf->favoured_by)
			t = str_printf("%3.0f%%  %s  (%s %zu)", pf->fit * 100.0,
				       p->name ? p->name : p->id,
				       _("favoured by rules:"), pf->favoured_by);
		else
			t = str_printf("%3.0f%%  %s", pf->fit * 100.0,
				       p->name ? p->name : p->id);
		add(s, F_PATTERN, i, true, i == 0 ? CR_OK : CR_NORMAL, 0, t ? t : "");
		free(t);
		if (p->fit_reasons.n) {
			char *j = fit_reasons(a, pf->pattern);

			add(s, F_PATTERN, i, false, CR_DIM, 6, j ? j : "");
			free(j);
		}
	}
}

/* The weight nudges the rules suggest, and which are applied. */
static void build_nudges(struct app *a, struct fscreen *s)
{
	char *t;

	t = str_printf(_("Suggested weight nudges (%zu) — a applies the selected one"),
		       s->f->n_nudges);
	add(s, F_HEAD, 0, false, CR_HEADING, 0, t ? t : "");
	free(t);
	if (!s->f->n_nudges)
		add(s, F_TEXT, 0, false, CR_DIM, 2, _("None."));
	for (size_t i = 0; i < s->f->n_nudges; i++) {
		const struct nudge *nd = &s->f->nudges[i];
		const struct criterion *c = nudge_criterion(a, nd);
		char d[32], w0[32], w1[32];
		double nw;

		num_fmt(d, sizeof(d), NUM_VALUE, nd->delta);
		if (!c) {
			t = str_printf("%s %s%s  (%s)", nd->criterion,
				       nd->delta >= 0 ? "+" : "", d,
				       _("not a criterion of this workshop"));
			add(s, F_NUDGE, i, true, CR_DIM, 4, t ? t : "");
			free(t);
			continue;
		}
		nw = nudge_of(a, c) ? nudge_of(a, c)->to : c->weight;
		num_fmt(w0, sizeof(w0), NUM_VALUE, c->weight);
		num_fmt(w1, sizeof(w1), NUM_VALUE, nw);
		if (nudge_applied(a, c))
			t = str_printf("%s %s%s  (%s, %s %s)", c->name,
				       nd->delta >= 0 ? "+" : "", d, _("applied"),
				       _("weight now"), w0);
		else
			t = str_printf("%s %s%s  (%s %s → %s)", c->name,
				       nd->delta >= 0 ? "+" : "", d, _("weight"),
				       w0, w1);
		add(s, F_NUDGE, i, true,
		    nudge_applied(a, c) ? CR_DIM : CR_NORMAL, 4,
		    t ? t : "");
		free(t);
	}
}

static void build(struct app *a, struct fscreen *s)
{
	rows_free(s);
	build_rules(a, s);
	add(s, F_TEXT, 0, false, CR_NORMAL, 0, "");
	build_antipatterns(a, s);
	add(s, F_TEXT, 0, false, CR_NORMAL, 0, "");
	build_patterns(a, s);
	add(s, F_TEXT, 0, false, CR_NORMAL, 0, "");
	build_nudges(a, s);
	list_set_count(&s->list, s->n);
	/* Back on the same finding. */
	for (size_t i = 0; i < s->n; i++)
		if (s->rows[i].first && s->rows[i].kind == s->keep_kind &&
		    s->rows[i].item == s->keep_item) {
			list_select(&s->list, i);
			break;
		}
	s->dirty = false;
}

static void evaluate(struct app *a, struct fscreen *s)
{
	s->f = &app_view(a)->f;
	s->dirty = true;
}

static void fi_refresh(struct app *a, void *state)
{
	struct fscreen *s = state;

	if (s->n && s->list.sel < s->n) {
		s->keep_kind = s->rows[s->list.sel].kind;
		s->keep_item = s->rows[s->list.sel].item;
	}
	evaluate(a, s);
}

static int fi_open(struct app *a, void **state)
{
	struct fscreen *s = calloc(1, sizeof(*s));

	if (!s)
		return ST_ERROR;
	list_init(&s->list, s, row_text, row_selectable);
	s->keep_kind = F_RULE;
	s->width = a->t.cols - 2;
	*state = s;
	evaluate(a, s);
	return ST_OK;
}

static void fi_close(struct app *a, void *state)
{
	struct fscreen *s = state;

	(void)a;
	rows_free(s);
	list_free(&s->list);
	free(s);
}

static struct list *fi_list(struct app *a, void *state)
{
	struct fscreen *s = state;

	if (s->dirty)
		build(a, s);
	return &s->list;
}

static void fi_draw(struct app *a, void *state, int y, int x, int h, int w)
{
	struct fscreen *s = state;

	if (s->dirty || s->width != w - 2) {
		s->width = w - 2;
		build(a, s);
	}
	list_scroll(&s->list, h);
	list_place(&s->list, y);
	for (int r = 0; r < h; r++) {
		size_t i = s->list.top + (size_t)r;
		bool sel;

		if (i >= s->n)
			break;
		/* The whole selected item is highlighted, not just its line. */
		sel = s->list.sel < s->n && s->rows[i].kind != F_HEAD &&
		      s->rows[i].kind != F_TEXT &&
		      s->rows[i].kind == s->rows[s->list.sel].kind &&
		      s->rows[i].item == s->rows[s->list.sel].item;
		draw_role(sel ? CR_SELECTED : s->rows[i].role);
		draw_line(y + r, x, i == s->list.sel ? "›" : " ", 1);
		draw_line(y + r, x + 1, s->rows[i].text, w - 2);
	}
	draw_role(CR_NORMAL);
}

static void apply_nudge(struct app *a, struct fscreen *s)
{
	const struct frow *r = s->list.sel < s->n ? &s->rows[s->list.sel] : NULL;
	const struct sess_view *v = app_view(a);
	struct sess_result res = { 0 };
	const struct nudge *nd;
	const struct criterion *c;
	char w0[32], w1[32];
	size_t which;

	if (!r || r->kind != F_NUDGE) {
		app_msg(a, MSG_WARN, "%s", _("select a weight nudge first (at the end of the list)"));
		return;
	}
	nd = &s->f->nudges[r->item];
	c = nudge_criterion(a, nd);
	if (!c) {
		app_msg(a, MSG_WARN, _("“%s” is not a criterion of this workshop"),
			nd->criterion);
		return;
	}
	for (which = 0; which < v->n_nudges; which++)
		if (&app_data(a)->criteria[v->nudges[which].criterion] == c)
			break;
	if (which == v->n_nudges || v->nudges[which].applied) {
		app_msg(a, MSG_INFO, _("already applied to %s in this session"), c->name);
		return;
	}
	num_fmt(w0, sizeof(w0), NUM_VALUE, v->nudges[which].from);
	num_fmt(w1, sizeof(w1), NUM_VALUE, v->nudges[which].to);
	session_apply_nudges(a->s, &which, 1, &res);
	app_result(a, &res, _("%s weight %s → %s"), c->name, w0, w1);
	sess_result_clear(&res);
}

/* Enter on a library pattern: an approach from it, on screen 4. */
static void start_approach(struct app *a, struct fscreen *s)
{
	const struct frow *r = s->list.sel < s->n ? &s->rows[s->list.sel] : NULL;

	if (!r || r->kind != F_PATTERN || r->item >= s->f->n_patterns) {
		app_msg(a, MSG_WARN, "%s", _("Enter starts an approach from a library pattern: select one under “Library patterns by fit”"));
		return;
	}
	ap_add_pattern(a, &app_k(a)->patterns[s->f->patterns[r->item].pattern]);
}

static enum reaction fi_key(struct app *a, void *state, enum action act)
{
	if (act == A_FI_APPLY) {
		apply_nudge(a, state);
		return R_DONE;
	}
	if (act == A_FI_START) {
		start_approach(a, state);
		return R_DONE;
	}
	return R_PASS;
}

static void fi_status(struct app *a, void *state, char *buf, size_t size)
{
	struct fscreen *s = state;

	(void)a;
	snprintf(buf, size, _("%zu rules · %zu warnings"), s->f->n_rules,
		 s->f->n_antipatterns);
}

const struct screen_ops screen_findings_ops = {
	.open = fi_open,
	.close = fi_close,
	.draw = fi_draw,
	.key = fi_key,
	.refresh = fi_refresh,
	.list = fi_list,
	.status = fi_status,
};

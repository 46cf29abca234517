#include "config.h"
/*
 * decision_edit: editing an ADR on screen 6: a field (a conflict with
 * someone else's edit opens the keep mine / take theirs dialog), its
 * status (superseded asks by which ADR and links both), the Supersedes
 * list (checked: no self-link, no unknown number, no loop; both sides
 * change), the chosen approach, and a new ADR based on the top-ranked
 * approach.
 */

#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/names.h"
#include "tui/screens.h"
#include "tui/screens/decision.h"
#include "tui/screens/presenter.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "tui/widgets/list.h"
#include "tui/widgets/picker.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- saving -------------------------------------------------------------- */
/*
 * One field of one ADR through app_save_field: a conflict opens the keep
 * mine / take theirs dialog; bad input (a date, numbers) keeps the editor
 * open with the store's explanation as its hint.
 */
int dc_save(struct app *a, struct modal *m, int64_t id, int64_t version,
	    const char *field, const char *value)
{
	int rc = app_save_field(a, "decision", id, field, value, version);

	if (rc == ST_INPUT && m && m->ops && m->draft_where)
		edit_set_hint(m, a->msg);
	return rc;
}

/* Editor text cleaned for its field: lists lose blank items and outer
 * spaces, texts trailing blank lines, one-liners outer spaces. */
static char *clean_text(const char *in, enum dfield f)
{
	struct strv v = { 0 };
	char *t;
	size_t l;

	if (dc_is_list(f)) {
		char *out;

		if (strv_split(&v, in, '\n') < 0)
			return NULL;
		{
			struct strv keep = { 0 };

			for (size_t i = 0; i < v.n; i++) {
				str_trim(v.v[i]);
				if (*v.v[i] && strv_push(&keep, v.v[i]) < 0)
					break;
			}
			out = strv_join(&keep, "\n");
			strv_free(&keep);
		}
		strv_free(&v);
		return out ? out : str_dup("");
	}
	t = str_dup(in);
	if (!t)
		return NULL;
	if (f == DF_TITLE || f == DF_DATE || f == DF_SUPERSEDES)
		return str_trim(t);
	l = strlen(t);
	while (l > 0 && (t[l - 1] == '\n' || t[l - 1] == ' '))
		t[--l] = '\0';
	return t;
}

/*
 * "3, 5", "3 5", "ADR-0003" or "#3": the ADR numbers of the Supersedes
 * field into *nums (new array; *n of them).  False, with the word that is
 * no number in `bad`, when one is not.
 */
static bool parse_numbers(const char *t, int **nums, size_t *n, char *bad,
			  size_t size)
{
	const char *p = t;

	*nums = NULL;
	*n = 0;
	while (*p) {
		const char *w = p;
		long v = 0;
		int *grown;

		if (*p == ',' || *p == ' ' || *p == ';') {
			p++;
			continue;
		}
		if (strncasecmp(p, "ADR", 3) == 0)
			p += 3;
		if (*p == '-' || *p == '#')
			p++;
		if (*p < '0' || *p > '9') {
			while (*p && *p != ',' && *p != ' ' && *p != ';')
				p++;
			snprintf(bad, size, "%.*s", (int)(p - w), w);
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		while (*p >= '0' && *p <= '9' && v < 100000000)
			v = v * 10 + (*p++ - '0');
		if (*p && *p != ',' && *p != ' ' && *p != ';') {
			while (*p && *p != ',' && *p != ' ' && *p != ';')
				p++;
			snprintf(bad, size, "%.*s", (int)(p - w), w);
			free(*nums);
			*nums = NULL;
			*n = 0;
			return false;
		}
		grown = realloc(*nums, (*n + 1) * sizeof(**nums));
		if (!grown) {
			snprintf(bad, size, "%s", _("out of memory"));
			return false;
		}
		*nums = grown;
		(*nums)[(*n)++] = (int)v;
	}
	return true;
}

/* The Supersedes field: every link through the session, both records at
 * once; a refusal (the ADR itself, an unknown number) keeps the editor
 * open with the reason. */
static bool supersedes_done(struct app *a, struct modal *m, const char *t)
{
	const struct decision *dc = dc_adr_by_id(a, m->id);
	struct sess_result r = { 0 };
	struct buf list;
	char bad[64], hint[200];
	int *nums = NULL, number;
	size_t n = 0;
	bool close;

	if (!dc)
		return true;
	number = dc->number;
	if (!parse_numbers(t, &nums, &n, bad, sizeof(bad))) {
		snprintf(hint, sizeof(hint), _("“%s” is not an ADR number: numbers separated by commas · Esc cancels"),
			 bad);
		edit_set_hint(m, hint);
		app_msg(a, MSG_ERROR, "%s", hint);
		return false;
	}
	buf_init(&list);
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%d", i ? ", " : "", nums[i]);
	session_set_supersedes(a->s, number, nums, n, &r);
	free(nums);
	close = sess_ok(&r);
	if (!close) {
		edit_set_hint(m, r.msg);
		app_result(a, &r, NULL);
	} else if (r.status == SESS_UNCHANGED) {
		app_msg(a, MSG_INFO, _("ADR %d: the links are already so"), number);
	} else if (n == 0) {
		app_msg(a, MSG_OK, _("ADR %d supersedes none now: those ADRs have their old status back"),
			number);
	} else {
		app_msg(a, MSG_OK, ngettext("ADR %d supersedes ADR %s: it is marked superseded by ADR %d (u undoes both)",
					    "ADR %d supersedes ADRs %s: they are marked superseded by ADR %d (u undoes it all)",
					    n), number, buf_str(&list), number);
	}
	buf_free(&list);
	sess_result_clear(&r);
	if (close)
		app_draft_done(a, m->draft_where);
	return close;
}

static bool text_done(struct app *a, struct modal *m, bool ok)
{
	enum dfield f = (enum dfield)m->kind;
	const struct decision *dc;
	char *t;
	int rc;

	if (!ok)
		return true;
	if (f == DF_SUPERSEDES) {
		bool close;

		t = clean_text(edit_text(m), f);
		close = supersedes_done(a, m, t ? t : "");
		free(t);
		return close;
	}
	t = clean_text(edit_text(m), f);
	if (!t)
		return true;
	if (f == DF_TITLE && !*t) {
		free(t);
		edit_set_hint(m, _("a title is required (Esc cancels)"));
		return false;
	}
	rc = dc_save(a, m, m->id, m->version, dc_field_ids[f], t);
	if (rc == ST_OK) {
		dc = dc_adr_by_id(a, m->id);
		if (f == DF_ALTERNATIVES)
			app_msg(a, MSG_OK, *t
				? _("ADR %d: alternatives saved as edited text (x resets them to generated)")
				: _("ADR %d: alternatives generated again"),
				dc ? dc->number : 0);
		else
			app_msg(a, MSG_OK, _("ADR %d: %s saved"), dc ? dc->number : 0,
				_(dc_field_names[f]));
	}
	free(t);
	/* Other failures keep the editor open with what was typed. */
	return rc == ST_OK || rc == ST_CONFLICT;
}

/* ---- status ---------------------------------------------------------------- */
/*
 * The ADR changed since the picker opened (someone else's edit came in):
 * say so and let the user choose again on what is there now.  Plain status
 * changes go through app_save_field, which has its own conflict dialog;
 * the supersede link is one store call without a version, so this is its
 * guard.
 */
static bool changed_meanwhile(struct app *a, const struct decision *dc,
			      int64_t version)
{
	if (dc->version == version)
		return false;
	app_msg(a, MSG_WARN, _("ADR %d was changed by someone else while you chose (it is %s now): nothing saved, choose again"),
		dc->number, adr_status_label(dc->status));
	return true;
}

static void set_status(struct app *a, int64_t id, int64_t version,
		       enum adr_status st)
{
	const struct decision *dc = dc_adr_by_id(a, id);
	struct sess_result r = { 0 };
	int number, old_by;

	if (!dc)
		return;
	number = dc->number;
	old_by = dc->superseded_by;
	if (!old_by) {
		if (app_save_field(a, "decision", id, "status",
				   adr_status_id(st), version) == ST_OK)
			app_msg(a, MSG_OK, _("ADR %d is now %s"), number,
				adr_status_label(st));
		return;
	}
	if (changed_meanwhile(a, dc, version))
		return;
	/* Leaving "superseded": the link goes on both sides, at once. */
	session_unsupersede(a->s, number, st, &r);
	app_result(a, &r, _("ADR %d is now %s, no longer superseded by ADR %d (2 records)"),
		   number, adr_status_label(st), old_by);
	sess_result_clear(&r);
}

static bool superseder_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = dc_adr_by_id(a, m->id), *o = NULL;
	struct sess_result r = { 0 };
	size_t k = 0;
	int number, by, old_by;

	if (!ok || !dc)
		return true;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++) {
		if (app_data(a)->decisions[i].id == dc->id)
			continue;
		if (k++ == picker_selected(m))
			o = &app_data(a)->decisions[i];
	}
	if (!o || changed_meanwhile(a, dc, m->version))
		return true;
	number = dc->number;
	by = o->number;
	old_by = dc->superseded_by;
	/* Both records (and a former superseder) in one transaction. */
	if (session_supersede(a->s, number, by, &r) < 0) {
		app_result(a, &r, NULL);
		sess_result_clear(&r);
		return true;
	}
	sess_result_clear(&r);
	if (old_by && old_by != by)
		app_msg(a, MSG_OK, _("ADR %d is superseded by ADR %d (no longer by ADR %d); ADR %d now supersedes %d"),
			number, by, old_by, by, number);
	else
		app_msg(a, MSG_OK, _("ADR %d is superseded by ADR %d; ADR %d now supersedes %d (2 records)"),
			number, by, by, number);
	return true;
}

static bool status_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = dc_adr_by_id(a, m->id);
	enum adr_status st = (enum adr_status)picker_selected(m);
	const char **lab;
	struct modal *p;
	size_t n = 0;

	if (!ok || !dc || st >= ADR_STATUS_COUNT)
		return true;
	if (st != ADR_SUPERSEDED) {
		set_status(a, m->id, m->version, st);
		return true;
	}
	if (app_data(a)->n_decisions < 2) {
		app_msg(a, MSG_WARN, "%s", _("there is no other ADR that could supersede this one"));
		return true;
	}
	lab = calloc(app_data(a)->n_decisions, sizeof(*lab));
	if (!lab)
		return true;
	for (size_t i = 0; i < app_data(a)->n_decisions; i++) {
		const struct decision *o = &app_data(a)->decisions[i];

		if (o->id == dc->id)
			continue;
		lab[n++] = str_printf("ADR-%04d  %s", o->number,
				      o->title ? o->title : "");
	}
	{
		char *title = str_printf(_("ADR %d is superseded by which ADR?"),
					 dc->number);

		p = picker_new(PICK_ONE, title ? title : "", lab, n, 0,
			       superseder_done);
		free(title);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)lab[i]);
	free(lab);
	if (p) {
		p->scope = SC_PICKER;
		p->id = m->id;
		p->version = m->version;
	}
	app_push(a, p);
	return true;
}

void dc_status_picker(struct app *a, const struct decision *dc)
{
	const char *lab[ADR_STATUS_COUNT];
	char *sup = NULL;
	struct modal *m;

	for (size_t i = 0; i < ADR_STATUS_COUNT; i++)
		lab[i] = adr_status_label((enum adr_status)i);
	sup = str_printf("%s…", adr_status_label(ADR_SUPERSEDED));
	if (sup)
		lab[ADR_SUPERSEDED] = sup;
	m = picker_new(PICK_ONE, _("Status"), lab, ADR_STATUS_COUNT,
		       (size_t)dc->status, status_done);
	free(sup);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
		m->version = dc->version;
		/* What the choice started from (per-field conflicts). */
		m->base = str_dup(adr_status_id(dc->status));
	}
	app_push(a, m);
}

/* ---- chosen approach ------------------------------------------------------- */
static bool chosen_done(struct app *a, struct modal *m, bool ok)
{
	size_t i = picker_selected(m);
	const struct decision *dc;
	char *key, *name = NULL;

	if (!ok)
		return true;
	if (i < app_data(a)->n_approaches) {
		key = str_dup(app_data(a)->approaches[i].key);
		name = str_dup(app_data(a)->approaches[i].name);
	} else {
		key = str_dup("");
	}
	/* The reload inside frees the approaches: copies above. */
	if (key && dc_save(a, NULL, m->id, m->version, "chosen", key) == ST_OK) {
		dc = dc_adr_by_id(a, m->id);
		if (*key)
			app_msg(a, MSG_OK, _("ADR %d adopts “%s”; the other approaches are its alternatives"),
				dc ? dc->number : 0, name ? name : key);
		else
			app_msg(a, MSG_OK, _("ADR %d adopts no approach of the workshop"),
				dc ? dc->number : 0);
	}
	free(key);
	free(name);
	return true;
}

void dc_chosen_picker(struct app *a, const struct decision *dc)
{
	char tot[NUM_BUF];
	const struct workshop_data *d = app_data(a);
	const struct sess_view *v = app_view(a);
	char **lab = calloc(d->n_approaches + 1, sizeof(*lab));
	bool scored = d->n_approaches && v->scored;
	size_t sel;
	struct modal *m;

	if (!lab)
		return;
	for (size_t i = 0; i < d->n_approaches; i++)
		lab[i] = scored
			? str_printf(_("%s  (rank %d, %s)"), d->approaches[i].name,
				     v->sc.rank[i],
				     num_fmt(tot, sizeof(tot), NUM_TOTAL,
					     v->sc.totals[i]))
			: str_dup(d->approaches[i].name);
	lab[d->n_approaches] = str_dup(_("(none of the workshop's approaches)"));
	sel = dc->chosen && wsdata_approach_index(d, dc->chosen) >= 0
	      ? (size_t)wsdata_approach_index(d, dc->chosen) : d->n_approaches;
	m = picker_new(PICK_ONE, _("Chosen approach"), (const char *const *)lab,
		       d->n_approaches + 1, sel, chosen_done);
	for (size_t i = 0; i <= d->n_approaches; i++)
		free(lab[i]);
	free(lab);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
		m->version = dc->version;
		m->base = str_dup(dc->chosen ? dc->chosen : "");
	}
	app_push(a, m);
}

/* ---- editing fields -------------------------------------------------------- */
void dc_edit_alternatives(struct app *a, const struct decision *dc)
{
	char where[64], *gen = NULL;

	if (str_empty(dc->alternatives))
		gen = session_alternatives_text(a->s, dc);
	snprintf(where, sizeof(where), "decision:%lld:alternatives",
		 (long long)dc->id);
	app_edit(a, &(struct edit_req){
		.where = where, .title = _("Alternatives considered"),
		.init = !str_empty(dc->alternatives) ? dc->alternatives
			: gen ? gen : "",
		.multi = true, .done = text_done, .id = dc->id,
		.version = dc->version, .kind = DF_ALTERNATIVES });
	free(gen);
}

static void edit_field(struct app *a, const struct decision *dc,
		       enum dfield f)
{
	char where[64], *init = NULL, *title;
	const char *it = NULL, *hint = NULL;

	switch (f) {
	case DF_STATUS:
		dc_status_picker(a, dc);
		return;
	case DF_CHOSEN:
		dc_chosen_picker(a, dc);
		return;
	case DF_ALTERNATIVES:
		dc_edit_alternatives(a, dc);
		return;
	case DF_TITLE: it = dc->title; break;
	case DF_DATE:
		it = dc->date;
		hint = _("YYYY-MM-DD · Enter save · Esc cancel");
		break;
	case DF_CONTEXT: it = dc->context; break;
	case DF_DECISION: it = dc->decision; break;
	case DF_RATIONALE: it = dc->rationale; break;
	case DF_DECIDERS: init = strv_join(&dc->deciders, "\n"); break;
	case DF_CONSULTED: init = strv_join(&dc->consulted, "\n"); break;
	case DF_INFORMED: init = strv_join(&dc->informed, "\n"); break;
	case DF_POSITIVE: init = strv_join(&dc->positive, "\n"); break;
	case DF_NEGATIVE: init = strv_join(&dc->negative, "\n"); break;
	case DF_RISKS: init = strv_join(&dc->risks, "\n"); break;
	case DF_SUPERSEDES: {
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < dc->n_supersedes; i++)
			buf_printf(&b, "%s%d", i ? ", " : "", dc->supersedes[i]);
		init = buf_detach(&b);
		hint = _("ADR numbers separated by commas · Enter save");
		break;
	}
	default:
		return;
	}
	snprintf(where, sizeof(where), "decision:%lld:%s", (long long)dc->id,
		 dc_field_ids[f]);
	title = str_printf("ADR %d: %s%s", dc->number, _(dc_field_names[f]),
			   dc_is_list(f) ? _(" (one per line)") : "");
	app_edit(a, &(struct edit_req){
		.where = where, .title = title ? title : _(dc_field_names[f]),
		.init = init ? init : it ? it : "",
		.hint = hint ? hint : f == DF_TITLE ? _("Enter save · Esc cancel")
			: NULL,
		.multi = !(f == DF_TITLE || f == DF_DATE || f == DF_SUPERSEDES),
		.done = text_done, .id = dc->id, .version = dc->version,
		.kind = (int)f });
	free(title);
	free(init);
}

static bool field_done(struct app *a, struct modal *m, bool ok)
{
	const struct decision *dc = dc_adr_by_id(a, m->id);

	if (!ok || !dc || picker_selected(m) >= DF_COUNT)
		return true;
	edit_field(a, dc, (enum dfield)picker_selected(m));
	return true;
}

void dc_field_picker(struct app *a, const struct decision *dc)
{
	const char *lab[DF_COUNT];
	struct modal *m;

	for (size_t f = 0; f < DF_COUNT; f++)
		lab[f] = _(dc_field_names[f]);
	m = picker_new(PICK_ONE, _("Edit which field?"), lab, DF_COUNT, 0,
		       field_done);
	if (m) {
		m->scope = SC_PICKER;
		m->id = dc->id;
	}
	app_push(a, m);
}

/* ---- new ADR ------------------------------------------------------------- */
/* The people present and the current user, once each. */
static void deciders_now(struct app *a, struct strv *out)
{
	const struct strv *others = session_others(a->s);
	const char *me = session_who(a->s);

	if (me)
		strv_push(out, me);
	for (size_t i = 0; i < others->n; i++)
		if (!strv_contains(out, others->v[i]))
			strv_push(out, others->v[i]);
}

/* Index of the top-ranked approach and its total; -1 when none. */
static int top_approach(struct app *a, double *total)
{
	const struct sess_view *v = app_view(a);
	int top;

	if (!app_data(a)->n_approaches || !v->scored || !v->sc.n_app)
		return -1;
	top = (int)v->sc.order[0];
	*total = v->sc.totals[top];
	return top;
}

static void create_adr(struct app *a, const char *title, int base)
{
	struct decision dc;
	struct sess_result r = { 0 };
	struct dscreen *s = dc_self(a);
	char today[16];
	char *text = NULL;

	memset(&dc, 0, sizeof(dc));
	clock_today(today, sizeof(today));
	dc.title = (char *)title;
	dc.status = ADR_PROPOSED;
	dc.date = today;
	deciders_now(a, &dc.deciders);
	if (base >= 0 && (size_t)base < app_data(a)->n_approaches) {
		const struct approach *ap = &app_data(a)->approaches[base];

		dc.chosen = ap->key;
		text = str_printf(_("We will adopt %s.%s%s"), ap->name,
				  str_empty(ap->summary) ? "" : " ",
				  str_empty(ap->summary) ? "" : ap->summary);
		dc.decision = text;
	}
	if (session_add_decision(a->s, &dc, &r) == ST_OK && s)
		s->sel_id = r.id;
	app_result(a, &r, _("created ADR %d (proposed, %s): e edits a field, s sets the status"),
		   r.number, today);
	sess_result_clear(&r);
	strv_free(&dc.deciders);
	free(text);
}

static bool base_done(struct app *a, struct modal *m, bool ok)
{
	create_adr(a, m->key, ok ? m->kind : -1);
	return true;
}

bool dc_new_title_done(struct app *a, struct modal *m, bool ok)
{
	char tot[NUM_BUF];
	double total = 0;
	char *title, *text;
	int top;

	if (!ok)
		return true;
	title = edit_text_trimmed(m, _("a title is required (Esc cancels)"));
	if (!title)
		return false;
	top = top_approach(a, &total);
	if (top < 0) {
		create_adr(a, title, -1);
		free(title);
		return true;
	}
	text = str_printf(_("Base the ADR on the top-ranked approach “%s” (weighted total %s)? y makes it the chosen approach and writes the decision text from it; n leaves both empty."),
			  app_data(a)->approaches[top].name,
			  num_fmt(tot, sizeof(tot), NUM_TOTAL, total));
	app_confirm(a, &(struct confirm_req){ .title = _("New ADR"),
		    .question = text, .done = base_done, .key = title,
		    .kind = top });
	free(text);
	free(title);
	return true;
}

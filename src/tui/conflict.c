#include "config.h"
/*
 * conflict: saving an edit so that nothing is lost.  app_save_field and
 * app_save_answer write with the version the edit started from; when
 * someone else changed the row meanwhile (ST_CONFLICT) a dialog shows
 * their value (read back from the database) and mine, and offers: keep
 * mine (write it over the new version), take theirs (drop mine), or edit a
 * merge (an editor prefilled with mine, theirs shown beside it, saved
 * against the new version); app_save_text does the same for a text with a
 * session write of its own (a parking-lot item).  Esc decides later: mine is kept as a draft
 * that the next edit of the field offers back.  A locked database
 * (ST_BUSY) never shows SQLite's words, and the editor stays open.  A
 * score set by two people at once gets the same dialog (one number: keep
 * mine or take theirs).  A row deleted while someone edits it is
 * conflict_orphan.c's.
 */

#include <curses.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/conflict_int.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "util/i18n.h"
#include "util/num.h"
#include "util/str.h"
#include "util/utf8.h"


static int save_answer_ex(struct app *a, const char *question,
			  const struct value *v, int64_t version,
			  const char *label, const char *where,
			  const char *base);
static int save_field_ex(struct app *a, const char *table, int64_t id,
			 const char *field, const char *value,
			 int64_t version, const char *base, const char *where);
static int save_text_ex(struct app *a, app_text_save_fn save, int64_t id,
			const char *text, int64_t version, const char *label,
			const char *where);

/* The editor (if any) whose done callback is saving: its draft key. */
static const char *finishing_where(struct app *a)
{
	return a->finishing ? a->finishing->draft_where : NULL;
}

static void keep_draft(struct app *a, const char *where, const char *text)
{
	session_draft_keep(a->s, where, text);
}

/* ---- the dialog ----------------------------------------------------------- */
static void conflict_free(struct modal *m)
{
	struct conflict *c = (struct conflict *)m;

	free(c->table);
	free(c->field);
	free(c->question);
	value_clear(&c->mine_v);
	free(c->label);
	free(c->explain);
	free(c->mine);
	free(c->theirs);
	free(c->ak);
	free(c->ck);
	free(c->who);
	strv_free(&c->bar);
}

/* The keys of a score's and of a deleted row's dialog (the scope's are
 * those of a text conflict). */
static char *conflict_draft(struct modal *m);

const struct strv *conflict_bar(struct modal *m)
{
	struct conflict *c = (struct conflict *)m;

	if (!m || !m->ops || m->ops->draft != conflict_draft)
		return NULL;
	if (!c->bar.n && c->score) {
		strv_push(&c->bar, "m");
		strv_push(&c->bar, _("keep mine"));
		strv_push(&c->bar, "t");
		strv_push(&c->bar, _("take theirs"));
		strv_push(&c->bar, "e");
		strv_push(&c->bar, _("type another"));
		strv_push(&c->bar, "Esc");
		strv_push(&c->bar, _("later"));
	} else if (!c->bar.n && c->orphan) {
		strv_push(&c->bar, "n");
		strv_push(&c->bar, _("add as a new row"));
		strv_push(&c->bar, "t");
		strv_push(&c->bar, _("drop mine"));
		strv_push(&c->bar, "Esc");
		strv_push(&c->bar, _("back"));
	}
	return c->bar.n ? &c->bar : NULL;
}

static char *conflict_draft(struct modal *m)
{
	return str_dup(((struct conflict *)m)->mine);
}

/* Wrapped text in rows y..y+max-1; returns the rows used. */
static int draw_block(const char *s, int y, int x, int w, int max)
{
	size_t st[64], ln[64], n;
	int r = 0;

	if (max <= 0)
		return 0;
	n = draw_wrap(s, w, st, ln, 64);
	for (size_t i = 0; i < n && r < max; i++, r++) {
		char *t = str_ndup(s + st[i], ln[i]);

		if (r == max - 1 && i + 1 < n)
			draw_clip(y + r, x, "…", w);
		else
			draw_line(y + r, x, t ? t : "", w);
		free(t);
	}
	if (n == 0) {
		draw_line(y, x, "", w);
		r = 1;
	}
	return r;
}

static void conflict_draw(struct modal *m, struct app *a, int h, int w)
{
	struct conflict *c = (struct conflict *)m;
	int bw = w - 4 < 100 ? w - 4 : 100, bh = h - 4, by = 2;
	int bx = (w - bw) / 2, fw = bw - 4, y, room, half;
	char head[256];

	(void)a;
	draw_role(CR_DIALOG);
	draw_box(by, bx, bh, bw, c->orphan ? _("Deleted while you edited")
		 : _("Edit conflict"));
	y = by + 1;
	draw_role(CR_HEADING);
	draw_clip(y++, bx + 2, c->label, fw);
	draw_role(CR_WARNING);
	y += draw_block(c->explain, y, bx + 2, fw, 3);
	room = by + bh - 3 - y;       /* rows for both values and headings */
	half = (room - 2) / 2;
	draw_role(CR_HEADING);
	snprintf(head, sizeof(head), "%s", c->gone
		 ? _("Theirs: deleted") : c->theirs
		 ? _("Theirs (saved now):") : _("Theirs: no answer (cleared)"));
	draw_line(y++, bx + 2, head, fw);
	draw_role(CR_NORMAL);
	if (c->theirs && !c->gone)
		y += draw_block(*c->theirs ? c->theirs : _("(empty)"), y,
				bx + 4, fw - 2, half);
	draw_role(CR_HEADING);
	draw_line(y++, bx + 2, _("Mine (not saved yet):"), fw);
	draw_role(CR_NORMAL);
	draw_block(*c->mine ? c->mine : _("(empty)"), y, bx + 4, fw - 2,
		   by + bh - 3 - y);
	draw_role(CR_KEY);
	draw_line(by + bh - 2, bx + 2, c->score
		  ? _("m keep mine · t take theirs · e type another · Esc later")
		  : c->orphan
		  ? _("n add as a new row · t drop mine · Esc back")
		  : c->gone
		  ? _("t drop mine · Esc keep mine as a draft")
		  : _("m keep mine · t take theirs · e edit a merge · Esc later"),
		  fw);
	draw_role(CR_NORMAL);
}

static int write_mine(struct app *a, struct conflict *c, const char *text,
		      int64_t version)
{
	struct value v = { .kind = c->vkind };

	if (c->save)
		return save_text_ex(a, c->save, c->row, text, version,
				    c->label, c->m.draft_where);
	if (!c->answer)
		return save_field_ex(a, c->table, c->row, c->field, text,
				     version, c->theirs, c->m.draft_where);
	if (text == c->mine)
		return save_answer_ex(a, c->question, &c->mine_v, version,
				      c->label, c->m.draft_where, NULL);
	/* A merge: text, or a number checked by merge_done. */
	if (c->vkind == VAL_NUMBER)
		v.number = strtod(text, NULL);
	else
		v.text = (char *)text;
	return save_answer_ex(a, c->question, &v, version, c->label,
			      c->m.draft_where, NULL);
}

/* The merge editor: key "t" names the conflict's save context. */
static bool merge_done(struct app *a, struct modal *m, bool ok);

static void open_merge(struct app *a, struct conflict *c)
{
	struct modal *m;
	char *head;

	m = c->multi
		? textedit_new(_("Merge: edit mine, theirs is below"), c->mine,
			       _("C-s save · PgUp/PgDn scroll theirs · Esc back to the choice"),
			       merge_done)
		: lineedit_new(_("Merge: edit mine, theirs is below"), c->mine,
			       _("Enter save · PgUp/PgDn scroll theirs · Esc back to the choice"),
			       merge_done);
	/* Theirs whole, under mine: nothing of it is cut to a line. */
	head = c->who
		? str_printf(_("Theirs, saved by %s:"), c->who)
		: str_dup(_("Theirs (saved now):"));
	if (!m || !head || edit_set_aside(m, head, c->theirs ? c->theirs
					  : "") < 0) {
		free(head);
		if (m)
			modal_free(m);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	free(head);
	m->scope = c->multi ? SC_TEXT : SC_EDIT;
	m->draft_where = str_dup(c->m.draft_where);
	/* The conflict stays under the editor with its context. */
	m->id = c->row;
	m->version = c->their_version;
	app_push(a, m);
	a->msg[0] = '\0';
}

struct conflict *conflict_under(struct app *a, struct modal *m)
{
	for (size_t i = 1; i < a->n_modals; i++)
		if (a->modals[i] == m && a->modals[i - 1]->ops &&
		    a->modals[i - 1]->ops->draft == conflict_draft)
			return (struct conflict *)a->modals[i - 1];
	return NULL;
}

static bool merge_done(struct app *a, struct modal *m, bool ok)
{
	struct conflict *c = conflict_under(a, m);
	char *text;
	int rc;

	if (!c)
		return true;
	if (!ok)
		return true;   /* back to the dialog */
	text = str_dup(edit_text(m));
	if (!text)
		return false;
	if (c->answer && c->vkind == VAL_NUMBER) {
		char *end;
		double x;

		str_trim(text);
		errno = 0;
		x = strtod(text, &end);
		if (!*text || errno || *end || !isfinite(x)) {
			edit_set_hint(m, _("not a number: this answer takes a number"));
			free(text);
			return false;
		}
	}
	if (!c->multi)
		str_trim(text);
	/* The dialog goes first: a new conflict opens a new dialog. */
	a->finishing = NULL;
	rc = write_mine(a, c, text, c->their_version);
	free(text);
	if (rc == ST_OK || rc == ST_CONFLICT) {
		if (rc == ST_OK)
			app_msg(a, MSG_OK, _("merged version of %s saved"), c->label);
		app_remove_modal(a, &c->m);
		return true;
	}
	return false;
}

static enum modal_result score_key(struct conflict *c, struct app *a,
				    enum action act);

static enum modal_result conflict_key(struct modal *m, struct app *a, int key)
{
	struct conflict *c = (struct conflict *)m;
	enum action act = keys_lookup(SC_CONFLICT, key);
	int rc;

	if (c->score)
		return score_key(c, a, act);
	if (c->orphan)
		return conflict_orphan_key(c, a, act);
	switch (act) {
	case A_CF_MINE:
		if (c->gone) {
			app_msg(a, MSG_WARN, "%s", _("it was deleted: there is nothing to write yours into (Esc keeps it as a draft)"));
			return MODAL_CONTINUE;
		}
		rc = write_mine(a, c, c->mine, c->their_version);
		if (rc == ST_OK)
			app_msg(a, MSG_OK, _("your version of %s saved over theirs"),
				c->label);
		/* A new conflict has its own dialog; an error keeps this one. */
		return rc == ST_OK || rc == ST_CONFLICT ? MODAL_OK
							: MODAL_CONTINUE;
	case A_CF_THEIRS:
		app_draft_done(a, c->m.draft_where);
		app_msg(a, MSG_OK, _("kept theirs; yours was dropped (%s)"),
			c->label);
		return MODAL_OK;
	case A_CF_MERGE:
		if (c->gone) {
			app_msg(a, MSG_WARN, "%s", _("it was deleted: there is nothing to merge with"));
			return MODAL_CONTINUE;
		}
		if (c->answer && c->vkind == VAL_LIST) {
			app_msg(a, MSG_WARN, "%s", _("a choice cannot be merged as text: keep mine or take theirs"));
			return MODAL_CONTINUE;
		}
		open_merge(a, c);
		return MODAL_CONTINUE;
	case A_CANCEL:
		if (!c->m.draft_where) {
			app_msg(a, MSG_WARN, "%s", _("choose: m keeps mine, t takes theirs"));
			return MODAL_CONTINUE;
		}
		keep_draft(a, c->m.draft_where, c->mine);
		app_msg(a, MSG_INFO, "%s", _("decided later: yours is kept as a draft, offered when you edit it again"));
		return MODAL_CANCEL;
	default:
		return MODAL_CONTINUE;
	}
}

static const struct modal_ops conflict_ops = {
	conflict_draw, conflict_key, conflict_draft, conflict_free
};

/* Show the dialog c, whose strings were all copied (ok), else drop it
 * (out of memory); true when it is shown. */
bool conflict_push(struct app *a, struct conflict *c, bool ok)
{
	c->m.ops = &conflict_ops;
	c->m.scope = SC_CONFLICT;
	if (!ok) {
		conflict_free(&c->m);
		free(c->m.draft_where);
		free(c);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return false;
	}
	app_push(a, &c->m);
	return true;
}

static void open_conflict(struct app *a, struct conflict *c,
			  const struct sess_result *r, const char *where)
{
	c->m.draft_where = str_dup(where);
	c->explain = str_dup(r->msg);
	/* Merge in the same kind of editor as the edit that conflicted. */
	c->multi = (a->finishing && a->finishing->scope == SC_TEXT) ||
		   (c->mine && strchr(c->mine, '\n')) ||
		   (c->theirs && strchr(c->theirs, '\n'));
	/* Mine survives a hang-up while the dialog is open (the session kept
	 * it as a draft); the screens show theirs underneath. */
	conflict_push(a, c, c->explain && c->mine && c->label);
}

/* ---- errors that are not conflicts ------------------------------------------ */
int conflict_not_saved(struct app *a, const struct sess_result *r)
{
	switch (r->status) {
	case SESS_BUSY:
		app_msg(a, MSG_WARN, "%s", _("not saved yet: the database is busy (someone else is saving); your text is still here, save again"));
		break;
	case SESS_FAILED:
		app_msg(a, MSG_ERROR, _("not saved: %s — your text is still here%s"),
			r->msg, r->draft_kept ? _(" and kept as a draft") : "");
		break;
	default:
		app_msg(a, MSG_ERROR, "%s", r->msg);
		break;
	}
	return r->code < 0 ? r->code : ST_ERROR;
}

/* ---- saving ---------------------------------------------------------------- */
/* A save that conflicted: the dialog takes over (the result's theirs). */
static int conflicted(struct app *a, struct conflict *c,
		      struct sess_result *r, const char *where)
{
	c->theirs = r->theirs;
	r->theirs = NULL;
	c->who = r->who;
	r->who = NULL;
	c->gone = r->gone;
	c->their_version = r->their_version;
	open_conflict(a, c, r, where);
	sess_result_clear(r);
	return ST_CONFLICT;
}


static int save_field_ex(struct app *a, const char *table, int64_t id,
			 const char *field, const char *value,
			 int64_t version, const char *base, const char *where)
{
	struct sess_result r = { 0 };
	struct conflict *c;
	int rc;

	if (app_refuse_readonly(a))
		return ST_READONLY;
	session_set_field(a->s, &(struct sess_edit){
		.table = table, .field = field, .id = id, .version = version,
		.base = base, .value = value, .where = where }, &r);
	if (sess_ok(&r)) {
		sess_result_clear(&r);
		return ST_OK;
	}
	if (r.gone && r.status == SESS_REFUSED &&
	    session_orphan(a->s, table, id)) {
		/* Deleted while I typed: my text can become a new row. */
		conflict_orphaned(a, table, id, field, value, &r, where);
		sess_result_clear(&r);
		return ST_NOTFOUND;
	}
	if (r.status != SESS_CONFLICT || !(c = calloc(1, sizeof(*c)))) {
		rc = conflict_not_saved(a, &r);
		sess_result_clear(&r);
		return rc;
	}
	c->table = str_dup(table);
	c->field = str_dup(field);
	c->row = id;
	c->mine = str_dup(value ? value : "");
	c->label = str_printf("%s %s", table, field);
	return conflicted(a, c, &r, where);
}

int app_save_field(struct app *a, const char *table, int64_t id,
		   const char *field, const char *value, int64_t version)
{
	return save_field_ex(a, table, id, field, value, version,
			     a->finishing ? a->finishing->base : NULL,
			     finishing_where(a));
}

static int save_text_ex(struct app *a, app_text_save_fn save, int64_t id,
			const char *text, int64_t version, const char *label,
			const char *where)
{
	struct sess_result r = { 0 };
	struct conflict *c;
	int rc;

	if (app_refuse_readonly(a))
		return ST_READONLY;
	save(a->s, id, version, text, where, &r);
	if (sess_ok(&r)) {
		sess_result_clear(&r);
		return ST_OK;
	}
	if (r.status != SESS_CONFLICT || !(c = calloc(1, sizeof(*c)))) {
		rc = conflict_not_saved(a, &r);
		sess_result_clear(&r);
		return rc;
	}
	c->save = save;
	c->row = id;
	c->mine = str_dup(text ? text : "");
	c->label = str_dup(label);
	return conflicted(a, c, &r, where);
}

int app_save_text(struct app *a, app_text_save_fn save, int64_t id,
		  const char *text, int64_t version, const char *label)
{
	return save_text_ex(a, save, id, text, version, label,
			    finishing_where(a));
}

int app_save_field_from(struct app *a, const char *table, int64_t id,
			const char *field, const char *value, int64_t version,
			const char *base)
{
	return save_field_ex(a, table, id, field, value, version, base,
			     finishing_where(a));
}

static int save_answer_ex(struct app *a, const char *question,
			  const struct value *v, int64_t version,
			  const char *label, const char *where,
			  const char *base)
{
	struct sess_result r = { 0 };
	struct conflict *c;
	int rc;

	if (app_refuse_readonly(a))
		return ST_READONLY;
	session_set_answer_from(a->s, question, base, v, version, where, &r);
	if (sess_ok(&r)) {
		sess_result_clear(&r);
		return ST_OK;
	}
	if (r.status != SESS_CONFLICT || !(c = calloc(1, sizeof(*c)))) {
		rc = conflict_not_saved(a, &r);
		sess_result_clear(&r);
		return rc;
	}
	if (value_copy(&c->mine_v, v) < 0) {
		free(c);
		sess_result_clear(&r);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return ST_ERROR;
	}
	c->answer = true;
	c->question = str_dup(question);
	c->vkind = v->kind;
	c->mine = value_to_text(v);
	c->label = str_dup(label ? label : question);
	return conflicted(a, c, &r, where);
}

int app_save_answer(struct app *a, const char *question,
		    const struct value *v, int64_t version, const char *label)
{
	return save_answer_ex(a, question, v, version, label,
			      finishing_where(a),
			      a->finishing ? a->finishing->base : NULL);
}

/*
 * Theirs and mine in full, in a scrolling overlay over the editor that
 * keeps mine (the message line is too short for two texts).  For the
 * texts that app_save_field cannot take (a score's rationale, the
 * roadmap's next steps): their editor stays open with mine.
 */
void conflict_show_both(struct app *a, const char *who, const char *theirs,
			const char *mine)
{
	const char *part[2] = { theirs, mine };
	struct strv lines = { 0 }, paras = { 0 };
	int w = a->t.cols - 8 > 20 ? a->t.cols - 8 : 20;
	char *head[2];

	head[1] = str_printf(_("Theirs, saved by %s meanwhile:"),
			     who ? who : _("someone else"));
	/* "\x01" makes a heading line of the overlay. */
	head[0] = str_printf("\x01%s", head[1] ? head[1] : "");
	free(head[1]);
	head[1] = str_printf("\x01%s", _("Yours, still in the editor (not saved):"));
	for (int k = 0; k < 2; k++) {
		strv_push(&lines, head[k] ? head[k] : "");
		strv_free(&paras);
		if (strv_split(&paras, str_empty(part[k]) ? _("(empty)")
			       : part[k], '\n') < 0)
			continue;
		for (size_t i = 0; i < paras.n; i++) {
			size_t st[64], ln[64], n = draw_wrap(paras.v[i], w, st,
							    ln, 64);

			if (!n)
				strv_push(&lines, "");
			for (size_t j = 0; j < n; j++) {
				char *t = str_printf("  %.*s", (int)ln[j],
						     paras.v[i] + st[j]);

				strv_push(&lines, t ? t : "");
				free(t);
			}
		}
		strv_push(&lines, "");
		free(head[k]);
	}
	strv_push(&lines, _("Esc closes this; then C-s writes yours over theirs (edit"));
	strv_push(&lines, _("it into a merge first if you like), Esc keeps theirs."));
	strv_free(&paras);
	app_push(a, overlay_new(_("Changed while you edited"), &lines));
	if (a->n_modals)
		a->modals[a->n_modals - 1]->scope = SC_NAV;
	strv_free(&lines);
}

/* ---- a score set by two people at once ------------------------------------- */
static char *score_text(bool has, double v)
{
	char buf[NUM_BUF];

	return has ? str_dup(num_fmt(buf, sizeof(buf), NUM_VALUE, v))
		   : str_dup(_("no score (cleared)"));
}

/* The cell in words: "GitHub Actions · Cost". */
static char *cell_words(struct app *a, const char *ak, const char *ck,
			bool vote)
{
	const struct workshop_data *d = app_data(a);
	int ai = d ? wsdata_approach_index(d, ak) : -1;
	int ci = d ? wsdata_criterion_index(d, ck) : -1;
	const char *an = ai >= 0 ? d->approaches[ai].name : ak;
	const char *cn = ci >= 0 ? d->criteria[ci].name : ck;

	return str_printf(vote ? _("your vote: %s · %s") : _("score: %s · %s"),
			  an, cn);
}

void app_score_conflict(struct app *a, const char *ak, const char *ck,
			bool vote, const double *mine,
			const struct sess_result *r)
{
	struct conflict *c;
	double v;

	if (!ak || !ck) {
		/* Several cells at once (every median): say it, no dialog. */
		app_msg(a, MSG_WARN, "%s", r->msg);
		return;
	}
	if (!(c = calloc(1, sizeof(*c)))) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	c->score = true;
	c->vote = vote;
	c->ak = str_dup(ak);
	c->ck = str_dup(ck);
	c->has_mine = mine != NULL;
	c->mine_num = mine ? *mine : 0;
	c->mine = score_text(mine != NULL, c->mine_num);
	c->theirs = r->theirs && num_parse(r->theirs, &v) == 0
		? score_text(true, v) : score_text(false, 0);
	c->their_version = r->their_version;
	c->who = str_dup(r->who);
	c->label = cell_words(a, ak, ck, vote);
	c->explain = r->who
		? str_printf(_("%s set this score to %s while you were typing %s: yours is not saved yet."),
			     r->who, c->theirs ? c->theirs : "", c->mine ? c->mine : "")
		: str_dup(r->msg);
	if (!conflict_push(a, c, c->ak && c->ck && c->mine && c->theirs &&
			 c->label && c->explain))
		return;
	app_msg(a, MSG_WARN, _("%s set it to %s meanwhile · m keeps yours (%s), t takes theirs"),
		r->who ? r->who : _("someone else"), c->theirs, c->mine);
}

/* Write v (NULL clears) into the conflict's cell over their version. */
static int score_write(struct app *a, struct conflict *c, const double *v)
{
	struct sess_result r = { 0 };
	const char *who = c->who ? c->who : _("someone else");
	char *text = score_text(v != NULL, v ? *v : 0);
	int rc;

	if (c->vote)
		session_set_vote(a->s, c->ak, c->ck, v, c->their_version, &r);
	else
		session_set_score(a->s, c->ak, c->ck, v, c->their_version, &r);
	rc = r.status == SESS_CONFLICT ? ST_CONFLICT : r.code;
	if (r.status == SESS_CONFLICT)
		/* Changed again meanwhile: a new dialog with theirs now. */
		app_score_conflict(a, c->ak, c->ck, c->vote, v, &r);
	else if (sess_ok(&r))
		app_msg(a, MSG_OK, _("yours (%s) saved over %s's %s"),
			text ? text : "", who, c->theirs);
	else
		app_result(a, &r, NULL);
	sess_result_clear(&r);
	free(text);
	return rc;
}

/* e: type another number, the one the room agrees on. */
static bool score_merge_done(struct app *a, struct modal *m, bool ok)
{
	struct conflict *c = conflict_under(a, m);
	const struct workshop_data *d = app_data(a);
	char *t, hint[200], lo[NUM_BUF], hi[NUM_BUF];
	double v = 0;
	int rc;

	if (!c || !ok)
		return true;   /* back to the dialog */
	if (!(t = edit_text_trimmed(m, NULL)))
		return false;
	if (*t && (num_parse(t, &v) < 0 || (d && (v < d->ws.scale_min ||
						   v > d->ws.scale_max)))) {
		num_fmt(lo, sizeof(lo), NUM_VALUE, d ? d->ws.scale_min : 0);
		num_fmt(hi, sizeof(hi), NUM_VALUE, d ? d->ws.scale_max : 0);
		snprintf(hint, sizeof(hint), _("a number from %s to %s (empty clears) · Esc back"),
			 lo, hi);
		edit_set_hint(m, hint);
		free(t);
		return false;
	}
	a->finishing = NULL;
	rc = score_write(a, c, *t ? &v : NULL);
	free(t);
	if (rc == ST_OK || rc == ST_CONFLICT) {
		app_remove_modal(a, &c->m);
		return true;
	}
	return false;
}

static void score_merge(struct app *a, struct conflict *c)
{
	char *hint = str_printf(_("%s's: %s · yours: %s · Enter save · Esc back"),
				c->who ? c->who : _("theirs"), c->theirs,
				c->mine);
	struct modal *m = lineedit_new(_("Type the score you agree on"),
				       c->has_mine ? c->mine : "",
				       hint ? hint : "", score_merge_done);

	free(hint);
	if (!m) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	m->scope = SC_EDIT;
	edit_set_scratch(m);
	app_push(a, m);
}

static enum modal_result score_key(struct conflict *c, struct app *a,
				   enum action act)
{
	const char *who = c->who ? c->who : _("someone else");
	int rc;

	switch (act) {
	case A_CF_MINE:
		rc = score_write(a, c, c->has_mine ? &c->mine_num : NULL);
		/* A new conflict has its own dialog; an error keeps this. */
		return rc == ST_OK || rc == ST_CONFLICT ? MODAL_OK
							: MODAL_CONTINUE;
	case A_CF_THEIRS:
		app_msg(a, MSG_OK, _("kept %s's %s; yours (%s) was dropped"),
			who, c->theirs, c->mine);
		return MODAL_OK;
	case A_CANCEL:
		app_msg(a, MSG_INFO, _("decided later: the cell keeps %s's %s; score it again to replace it"),
			who, c->theirs);
		return MODAL_CANCEL;
	case A_CF_MERGE:
		score_merge(a, c);
		return MODAL_CONTINUE;
	default:
		return MODAL_CONTINUE;
	}
}


#include "config.h"
/*
 * commands: the ':' prompt's commands, in one table, and the help overlay,
 * which is generated from the key table and this table.
 */

#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "export/interchange.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/room.h"
#include "tui/screens/presenter.h"
#include "tui/screens.h"
#include "tui/widgets/dialog.h"
#include "tui/widgets/edit.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/utf8.h"

struct command {
	const char *name;
	const char *args;
	const char *help;
	void (*run)(struct app *a, const char *arg);
};

static void cmd_quit(struct app *a, const char *arg)
{
	(void)arg;
	a->quit = true;
}

static void cmd_save_display(struct app *a, const char *arg)
{
	struct error e;

	err_clear(&e);
	if (!*arg) {
		app_msg(a, MSG_ERROR, "%s", _("usage: :save-display FILE"));
		return;
	}
	if (app_save_display(a, arg, &e) < 0)
		app_error(a, &e);
}

static void cmd_save_attrs(struct app *a, const char *arg)
{
	struct error e;

	err_clear(&e);
	if (!*arg) {
		app_msg(a, MSG_ERROR, "%s", _("usage: :save-attrs FILE"));
		return;
	}
	app_draw(a);
	if (draw_save_attrs(arg, &e) < 0)
		app_error(a, &e);
}

static void export_cmd(struct app *a, const char *arg, int flags)
{
	enum export_format f;
	struct strv written = { 0 };
	struct sess_result r = { 0 };
	char fmt[32], *path = NULL;
	size_t n = 0;
	bool inter;

	while (arg[n] && arg[n] != ' ' && n + 1 < sizeof(fmt)) {
		fmt[n] = arg[n];
		n++;
	}
	fmt[n] = '\0';
	if (!app_data(a)) {
		app_msg(a, MSG_ERROR, "%s", _("open a workshop first"));
		return;
	}
	inter = str_eq(fmt, "yaml") || str_eq(fmt, "json");
	if (!*fmt || (!inter && export_format_from_id(fmt, &f) < 0)) {
		app_msg(a, MSG_ERROR, "%s",
			_("usage: :export FORMAT [PATH] (Tab after “:export ” lists the formats)"));
		return;
	}
	arg += n;
	while (*arg == ' ')
		arg++;
	/* In the terminal there is no standard output to write to: a
	 * single file goes to its default name in the current folder. */
	path = str_dup(*arg ? arg
		       : inter ? interchange_default_name(fmt[0] == 'j')
		       : export_format_is_dir(f) ? EXPORT_ADR_DIR
		       : export_default_name(f));
	if (!path)
		return;
	if (session_export(a->s, fmt, path, flags, &written, &r) < 0) {
		if (r.code == ST_INPUT && !(flags & EXPORT_FORCE))
			app_msg(a, MSG_ERROR, _("not exported (:export! replaces files): %s"), r.msg);
		else
			app_msg(a, MSG_ERROR, "%s", r.msg);
	} else if (written.n == 1) {
		app_msg(a, MSG_OK, _("exported %s to %s"), fmt, written.v[0]);
	} else {
		app_msg(a, MSG_OK, _("exported %s: %zu files in %s"), fmt,
			written.n, path);
	}
	strv_free(&written);
	sess_result_clear(&r);
	free(path);
}

static void cmd_export(struct app *a, const char *arg)
{
	export_cmd(a, arg, 0);
}

static void cmd_export_force(struct app *a, const char *arg)
{
	export_cmd(a, arg, EXPORT_FORCE);
}

static void cmd_goto(struct app *a, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg && *end == '\0') {
		if (n < 1 || n > 9) {
			app_msg(a, MSG_ERROR, _("no screen %s (1-9)"), arg);
			return;
		}
		follow_stop(a, NULL);
		app_goto(a, (int)n);
		return;
	}
	for (size_t i = 0; i < tui_n_screens; i++) {
		if (strcasecmp(arg, tui_screens[i].id) == 0 ||
		    strcasecmp(arg, _(tui_screens[i].title)) == 0) {
			follow_stop(a, NULL);
			app_goto_id(a, tui_screens[i].id);
			return;
		}
	}
	app_msg(a, MSG_ERROR, _("no screen “%s” (1-9 or a name)"), arg);
}

static void cmd_help(struct app *a, const char *arg)
{
	(void)arg;
	app_help(a);
}

static const char *screen_name(const char *id)
{
	for (size_t i = 0; id && i < tui_n_screens; i++)
		if (strcmp(tui_screens[i].id, id) == 0)
			return _(tui_screens[i].title);
	return id ? id : "";
}

static void push_line(struct strv *lines, char *l)
{
	if (l)
		strv_push(lines, l);
	free(l);
}

/* Who is in the workshop, on which screen, seen how long ago; a process
 * that stopped beating (crashed, disconnected) drops out after the
 * presence timeout. */
static void cmd_who(struct app *a, const char *arg)
{
	struct sess_presence *ps = NULL;
	struct strv lines = { 0 };
	struct error e;
	const char *me = session_who(a->s);
	int64_t now = clock_now();
	size_t n = 0;
	bool me_listed = false;

	(void)arg;
	err_clear(&e);
	if (!app_ws(a)) {
		app_msg(a, MSG_INFO, _("you are %s; open a workshop to see who else is in it"),
			me);
		return;
	}
	if (session_presence(a->s, &ps, &n, &e) < 0) {
		app_error(a, &e);
		return;
	}
	push_line(&lines, str_printf("\x01%s", _("In this workshop now")));
	for (size_t i = 0; i < n; i++) {
		char ago[32], name[160];
		int64_t d = now - ps[i].last_seen;
		struct buf b;

		me_listed = me_listed || ps[i].mine;
		snprintf(ago, sizeof(ago), d <= 0 ? _("seen now")
			 : _("seen %llds ago"), (long long)(d > 0 ? d : 0));
		snprintf(name, sizeof(name), "%s%s%s%s", ps[i].who,
			 ps[i].facilitator ? _(" (facilitator)") : "",
			 ps[i].read_only ? _(" (observing)") : "",
			 ps[i].mine ? _(" (you)") : "");
		/* Columns by display width: names may be wide. */
		buf_init(&b);
		buf_puts(&b, "  ");
		draw_cell(&b, name, 34, false);
		buf_putc(&b, ' ');
		draw_cell(&b, screen_name(ps[i].screen), 12, false);
		buf_printf(&b, " %s", ago);
		push_line(&lines, buf_detach(&b));
		buf_free(&b);
		/* Before moving the room on: who is still typing, and where. */
		if (ps[i].editing && !ps[i].mine)
			push_line(&lines, str_printf(_("    editing %s"),
						     ps[i].editing));
	}
	if (!me_listed)
		push_line(&lines, str_printf("  %s%s  %s", me, _(" (you)"),
					     app_read_only(a)
					     ? _("observing read-only (the others cannot see you: the file is not writable)")
					     : ""));
	strv_push(&lines, "");
	push_line(&lines, str_printf(_("Listed: a heartbeat in the last %d s (every %d s while running)."),
				     session_presence_max_age(a->s),
				     session_beat_seconds(a->s)));
	session_presence_free(&ps, n);
	app_push(a, overlay_new(_("Who is here"), &lines));
	if (a->n_modals)
		a->modals[a->n_modals - 1]->scope = SC_NAV;
	strv_free(&lines);
}

static void cmd_history(struct app *a, const char *arg)
{
	(void)arg;
	follow_stop(a, NULL);
	app_goto(a, 0);
}

static void cmd_room(struct app *a, const char *arg)
{
	(void)arg;
	a->msg[0] = '\0';
	follow_stop(a, NULL);
	app_goto_id(a, "room");
}

static void cmd_wrapup(struct app *a, const char *arg)
{
	(void)arg;
	a->msg[0] = '\0';
	follow_stop(a, NULL);
	app_goto_id(a, "wrapup");
}

static void cmd_park(struct app *a, const char *arg)
{
	if (!*arg) {
		app_msg(a, MSG_ERROR, "%s", _("nothing to park: :park TEXT, or L to type it"));
		return;
	}
	room_park(a, arg);
}

static void cmd_facilitate(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };

	if (!*arg) {
		follow_take_role(a);
		return;
	}
	if (str_eq(arg, "yes") || str_eq(arg, "no"))
		session_answer_role(a->s, str_eq(arg, "yes"), &r);
	else if (str_eq(arg, "withdraw"))
		session_withdraw_role(a->s, &r);
	else if (str_eq(arg, "release"))
		session_release_role(a->s, &r);
	else {
		app_msg(a, MSG_ERROR, "%s", _("usage: :facilitate [yes|no|withdraw|release]"));
		return;
	}
	app_result(a, &r, NULL);
	sess_result_clear(&r);
}

static void cmd_handover(struct app *a, const char *arg)
{
	struct sess_result r = { 0 };

	if (!*arg) {
		app_msg(a, MSG_ERROR, "%s", _("usage: :handover NAME (someone in :who)"));
		return;
	}
	session_hand_role(a->s, arg, &r);
	app_result(a, &r, NULL);
	sess_result_clear(&r);
}

static void cmd_follow(struct app *a, const char *arg)
{
	(void)arg;
	follow_toggle(a);
}

static void cmd_warnings(struct app *a, const char *arg)
{
	struct strv lines = { 0 };

	(void)arg;
	if (!a->warnings.n) {
		app_msg(a, MSG_OK, "%s", _("no problem found with the database's folder"));
		return;
	}
	push_line(&lines, str_printf("\x01%s", _("The shared folder")));
	for (size_t i = 0; i < a->warnings.n; i++)
		push_line(&lines, str_printf("• %s", a->warnings.v[i]));
	app_push(a, overlay_new(_("Warnings"), &lines));
	if (a->n_modals)
		a->modals[a->n_modals - 1]->scope = SC_NAV;
	strv_free(&lines);
}

static void cmd_present(struct app *a, const char *arg)
{
	(void)arg;
	presenter_toggle(a);
}

static const struct command commands[] = {
	{ "quit", "", N_("quit charrette"), cmd_quit },
	{ "q", "", N_("quit charrette"), cmd_quit },
	{ "goto", "N", N_("go to screen N (1-9) or by name"), cmd_goto },
	{ "save-display", "FILE", N_("write the screen as plain text to FILE"),
	  cmd_save_display },
	{ "save-attrs", "FILE", N_("write the screen's attributes as letters (tests)"),
	  cmd_save_attrs },
	{ "export", "FORMAT [PATH]",
	  N_("export the workshop (report, adr, madr, risks, metrics, risks-csv, metrics-csv, yaml, json)"),
	  cmd_export },
	{ "export!", "FORMAT [PATH]", N_("export, replacing files that differ"),
	  cmd_export_force },
	{ "who", "", N_("who is here: screen, last seen, editing what"), cmd_who },
	{ "history", "", N_("the history of changes, with undo (also H)"),
	  cmd_history },
	{ "follow", "", N_("follow the facilitator, or stop (also F)"),
	  cmd_follow },
	{ "present", "", N_("the presenter view for a projector, or back (also P)"),
	  cmd_present },
	{ "facilitate", "[ANSWER]",
	  N_("take the facilitator role (its holder, if here, is asked); yes or no answers a request, withdraw drops yours, release gives it up"),
	  cmd_facilitate },
	{ "handover", "NAME", N_("hand the facilitator role to someone here"),
	  cmd_handover },
	{ "warnings", "", N_("problems found with the shared folder"),
	  cmd_warnings },
	{ "timer", "[DURATION|+MIN|-MIN|pause|resume|stop]",
	  N_("facilitator: count this stage down (10m, 1h15m, 4:30; nothing = its timebox), extend, pause, resume or stop it"),
	  room_cmd_timer },
	{ "round", "open [all|spread|criterion KEY|approach KEY]|reveal",
	  N_("facilitator: open a blind voting round on the matrix, or reveal it"),
	  room_cmd_round },
	{ "vote", "APPROACH CRITERION SCORE",
	  N_("cast your own vote on a cell by ids (- takes it back)"),
	  room_cmd_vote },
	{ "ready", "[clear]",
	  N_("mark yourself ready with this stage, or not (clear: the facilitator clears every mark)"),
	  room_cmd_ready },
	{ "room", "", N_("the Room: the agenda and the parking lot (also R)"),
	  cmd_room },
	{ "park", "TEXT", N_("park an item in the parking lot (L types one)"),
	  cmd_park },
	{ "wrap-up", "", N_("what the workshop came to: decided, open, actions, time"),
	  cmd_wrapup },
	{ "help", "", N_("the keys and commands"), cmd_help },
};

void app_command(struct app *a, const char *line)
{
	char name[64];
	size_t n = 0;
	const char *arg;

	while (*line == ' ' || *line == ':')
		line++;
	while (line[n] && line[n] != ' ' && n + 1 < sizeof(name)) {
		name[n] = line[n];
		n++;
	}
	name[n] = '\0';
	arg = line + n;
	while (*arg == ' ')
		arg++;
	if (!*name)
		return;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(name, commands[i].name) == 0) {
			char *a2 = str_dup(arg);

			if (a2) {
				str_trim(a2);
				commands[i].run(a, a2);
			}
			free(a2);
			return;
		}
	}
	app_msg(a, MSG_ERROR, _("unknown command :%s (:help lists them)"), name);
}

/* ---- Tab on the ':' line ---------------------------------------------- */
/* The values the argument of a command can take (none: not completed). */
static void arg_candidates(struct app *a, const char *cmd, struct strv *out)
{
	static const char *const facilitate[] = {
		"yes", "no", "withdraw", "release"
	};

	if (str_eq(cmd, "goto")) {
		for (size_t i = 0; i < tui_n_screens; i++)
			if (tui_screens[i].number > 0)
				strv_push(out, tui_screens[i].id);
	} else if (str_eq(cmd, "export") || str_eq(cmd, "export!")) {
		for (int f = 0; f < EXPORT_FORMAT_COUNT; f++)
			strv_push(out, export_format_id((enum export_format)f));
		strv_push(out, "yaml");
		strv_push(out, "json");
	} else if (str_eq(cmd, "facilitate")) {
		for (size_t i = 0; i < sizeof(facilitate) / sizeof(facilitate[0]); i++)
			strv_push(out, facilitate[i]);
	} else if (str_eq(cmd, "handover")) {
		const struct strv *o = session_others(a->s);

		for (size_t i = 0; i < o->n; i++)
			if (!strv_contains(out, o->v[i]))
				strv_push(out, o->v[i]);
	}
}

static bool takes_args(const char *cmd)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (str_eq(commands[i].name, cmd))
			return *commands[i].args != '\0';
	return false;
}

void app_complete(struct app *a, struct modal *m, int tabs)
{
	const char *t = edit_text(m), *sp, *word;
	struct strv cand = { 0 }, match = { 0 };
	char cmd[64];
	size_t lcp = 0, wl;

	while (*t == ' ')
		t++;
	sp = strchr(t, ' ');
	if (!sp) {
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			strv_push(&cand, commands[i].name);
		word = t;
	} else {
		snprintf(cmd, sizeof(cmd), "%.*s", (int)(sp - t), t);
		word = sp;
		while (*word == ' ')
			word++;
		/* Only the first argument is completed (a name may hold
		 * spaces: :handover takes the rest of the line). */
		if (!str_eq(cmd, "handover") && strchr(word, ' ')) {
			app_msg(a, MSG_INFO, "%s", _("nothing to complete here"));
			return;
		}
		arg_candidates(a, cmd, &cand);
		if (!cand.n && str_eq(cmd, "handover")) {
			app_msg(a, MSG_INFO, "%s", _("nobody else is here to hand the role to (:who lists who is)"));
			return;
		}
		if (!cand.n) {
			app_msg(a, MSG_INFO, takes_args(cmd)
				? _(":%s: its argument is not completed")
				: _(":%s takes no argument"), cmd);
			strv_free(&cand);
			return;
		}
	}
	wl = strlen(word);
	for (size_t i = 0; i < cand.n; i++)
		if (strncmp(cand.v[i], word, wl) == 0 &&
		    !strv_contains(&match, cand.v[i]))
			strv_push(&match, cand.v[i]);
	strv_free(&cand);
	if (!match.n) {
		if (sp)
			app_msg(a, MSG_WARN, _("no value of :%s starts with “%s”"),
				cmd, word);
		else
			app_msg(a, MSG_WARN, _("no command starts with “%s”"), word);
		return;
	}
	/* The longest start they share. */
	lcp = strlen(match.v[0]);
	for (size_t i = 1; i < match.n; i++) {
		size_t k = 0;

		while (k < lcp && match.v[i][k] == match.v[0][k])
			k++;
		lcp = k;
	}
	if (match.n == 1 || lcp > wl) {
		struct buf b;

		buf_init(&b);
		buf_add(&b, t, (size_t)(word - t));
		buf_add(&b, match.v[0], lcp);
		/* A whole command that takes an argument gets its space. */
		if (match.n == 1 && !sp && takes_args(match.v[0]))
			buf_putc(&b, ' ');
		edit_set_text(m, buf_str(&b));
		buf_free(&b);
		if (match.n == 1)
			a->msg[0] = '\0';
		else
			app_msg(a, MSG_INFO, _("%zu candidates: Tab again lists them"),
				match.n);
	} else if (tabs < 2) {
		app_msg(a, MSG_INFO, _("%zu candidates: Tab again lists them"),
			match.n);
	} else {
		char *j = strv_join(&match, "  ");

		app_msg(a, MSG_INFO, "%s", j ? j : "");
		free(j);
	}
	strv_free(&match);
}

/* "label" padded with spaces to `cols` columns. */
static void pad(struct buf *b, const char *s, int cols)
{
	int w = utf8_width(s);

	buf_puts(b, s);
	do
		buf_putc(b, ' ');
	while (++w < cols);
}

/* The help's label column, and the fewest columns its text wraps at. */
#define HELP_LABEL 24
#define HELP_MIN_TEXT 16

/*
 * One help entry: "  label   text", the text wrapped to the overlay
 * (`cols` wide, its frame and margins taken off) with continuation lines
 * under the text, so that nothing is cut at 80 or 60 columns.
 */
static void help_entry(struct strv *lines, struct buf *b, const char *label,
		       const char *text, int cols)
{
	int room = cols - 4 - 2 - HELP_LABEL;
	size_t st[16], ln[16], n;

	if (room < HELP_MIN_TEXT)
		room = HELP_MIN_TEXT;
	n = draw_wrap(text, room, st, ln, sizeof(st) / sizeof(st[0]));
	if (n == 0) {
		st[0] = 0;
		ln[0] = 0;
		n = 1;
	}
	for (size_t k = 0; k < n && k < sizeof(st) / sizeof(st[0]); k++) {
		b->len = 0;
		buf_puts(b, "  ");
		pad(b, k == 0 ? label : "", HELP_LABEL);
		buf_add(b, text + st[k], ln[k]);
		strv_push(lines, buf_str(b));
	}
}

/* One scope's keys, under its title, into lines. */
static void help_scope(struct strv *lines, struct buf *b, enum scope sc,
		       bool here, int cols)
{
	b->len = 0;
	if (here)
		buf_printf(b, "\x01%s — %s", scope_title(sc), _("keys here"));
	else
		buf_printf(b, "\x01%s", scope_title(sc));
	strv_push(lines, buf_str(b));
	for (size_t i = 0; i < tui_n_keys; i++) {
		char lab[128];

		if (tui_keys[i].scope != sc)
			continue;
		keys_label(&tui_keys[i], lab, sizeof(lab));
		help_entry(lines, b, lab, _(tui_keys[i].help), cols);
	}
	strv_push(lines, "");
}

static bool scope_listed(const enum scope *v, size_t n, enum scope sc)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == sc)
			return true;
	return false;
}

/*
 * The scopes whose keys act here, most specific first, the way the
 * dispatcher looks them up: a sub-view that opened the help (the
 * side-by-side comparison), the screen's part shown now (the trade-offs
 * matrix), the screen itself.
 */
static size_t here_scopes(struct app *a, enum scope *out)
{
	const struct screen_def *sd = &tui_screens[a->cur];
	enum scope cand[3];
	size_t nc = 0, n = 0;

	if (a->n_modals)
		cand[nc++] = a->modals[a->n_modals - 1]->scope;
	if (a->opened[a->cur] && (!sd->needs_workshop || app_data(a))) {
		if (sd->ops->scope)
			cand[nc++] = sd->ops->scope(a, a->state[a->cur]);
		cand[nc++] = sd->scope;
	}
	for (size_t i = 0; i < nc; i++) {
		enum scope sc = cand[i];

		if (sc == SC_GLOBAL || sc == SC_NAV || sc == SC_SEARCH ||
		    (unsigned)sc >= SC_COUNT || !keys_scope_has_keys(sc) ||
		    scope_listed(out, n, sc))
			continue;
		out[n++] = sc;
	}
	return n;
}

/*
 * Like htop's contextual help: the keys of the current screen (and of the
 * part of it shown) first, then the keys that work everywhere and in
 * lists, then every other scope of the key table, then the commands.
 */
void app_help(struct app *a)
{
	static const enum scope common[] = { SC_GLOBAL, SC_NAV, SC_SEARCH };
	enum scope shown[SC_COUNT];
	struct strv lines = { 0 };
	size_t n;
	struct buf b;

	buf_init(&b);
	n = here_scopes(a, shown);
	/* Only the most specific is "here": the screen's own scope behind a
	 * sub-view (the criteria keys behind the matrix) partly applies. */
	for (size_t i = 0; i < n; i++)
		help_scope(&lines, &b, shown[i], i == 0, a->t.cols);
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++) {
		if (keys_scope_has_keys(common[i]))
			help_scope(&lines, &b, common[i], false, a->t.cols);
		shown[n++] = common[i];
	}
	for (int sc = 0; sc < SC_COUNT; sc++)
		if (!scope_listed(shown, n, (enum scope)sc) &&
		    keys_scope_has_keys((enum scope)sc))
			help_scope(&lines, &b, (enum scope)sc, false,
				   a->t.cols);
	b.len = 0;
	buf_printf(&b, "\x01%s", _("Commands (after :)"));
	strv_push(&lines, buf_str(&b));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		char lab[64];

		snprintf(lab, sizeof(lab), ":%s%s%s", commands[i].name,
			 *commands[i].args ? " " : "", commands[i].args);
		help_entry(&lines, &b, lab, _(commands[i].help), a->t.cols);
	}
	buf_free(&b);
	app_push(a, overlay_new(_("Help: keys and commands"), &lines));
	if (a->n_modals)
		a->modals[a->n_modals - 1]->scope = SC_NAV;
	strv_free(&lines);
}

void app_dump_keys(FILE *f, bool roff)
{
	keys_dump(f, roff);
	if (roff)
		fputs(".SS Commands (after :)\n", f);
	else
		fputs("[Commands (after :)]\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		char lab[64];

		snprintf(lab, sizeof(lab), ":%s%s%s", commands[i].name,
			 *commands[i].args ? " " : "", commands[i].args);
		if (roff) {
			fputs(".TP\n.B ", f);
			keys_roff_puts(f, lab);
			fputc('\n', f);
			keys_roff_puts(f, _(commands[i].help));
			fputc('\n', f);
		} else {
			fprintf(f, "%s\t%s\n", lab, _(commands[i].help));
		}
	}
}

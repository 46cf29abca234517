#include "config.h"
/*
 * keys: key names and the key table.  Scopes are searched by the dispatcher
 * in a fixed order (a screen's own scope, then navigation, then global), so
 * a screen may reuse a key the list would otherwise take.
 */

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/keys.h"
#include "util/i18n.h"
#include "util/utf8.h"

struct keyname {
	const char *name;
	int key;
};

static const struct keyname keynames[] = {
	{ "Enter", TK_ENTER },
	{ "Esc", TK_ESC },
	{ "Tab", TK_TAB },
	{ "S-Tab", TK_FN(KEY_BTAB) },
	{ "Space", ' ' },
	{ "Backspace", TK_BACKSPACE },
	{ "Delete", TK_FN(KEY_DC) },
	{ "Insert", TK_FN(KEY_IC) },
	{ "Up", TK_FN(KEY_UP) },
	{ "Down", TK_FN(KEY_DOWN) },
	{ "Left", TK_FN(KEY_LEFT) },
	{ "Right", TK_FN(KEY_RIGHT) },
	{ "PgUp", TK_FN(KEY_PPAGE) },
	{ "PgDn", TK_FN(KEY_NPAGE) },
	{ "Home", TK_FN(KEY_HOME) },
	{ "End", TK_FN(KEY_END) },
	{ "F1", TK_FN(KEY_F(1)) },
	{ "F2", TK_FN(KEY_F(2)) },
	{ "F10", TK_FN(KEY_F(10)) },
	{ "Resize", TK_FN(KEY_RESIZE) },
	{ "Mouse", TK_FN(KEY_MOUSE) },
	{ "lt", '<' },
	{ "PasteBegin", TK_PASTE_BEGIN },
	{ "PasteEnd", TK_PASTE_END },
	{ "Unknown", TK_SEQ },
};

int key_parse(const char *name)
{
	size_t len = strlen(name);
	uint32_t cp;

	if (len >= 3 && name[0] == '<' && name[len - 1] == '>') {
		char inner[32];

		if (len - 2 >= sizeof(inner))
			return -1;
		memcpy(inner, name + 1, len - 2);
		inner[len - 2] = '\0';
		for (size_t i = 0; i < sizeof(keynames) / sizeof(keynames[0]); i++)
			if (strcmp(inner, keynames[i].name) == 0)
				return keynames[i].key;
		if (inner[0] == 'M' && inner[1] == '-' && inner[2]) {
			uint32_t c;
			size_t n = strlen(inner + 2);

			if (utf8_decode(inner + 2, n, &c) == n && c >= 32)
				return TK_ALT((int)c);
			return -1;
		}
		if ((inner[0] == 'C' || inner[0] == 'c') && inner[1] == '-' &&
		    inner[2] && !inner[3]) {
			char c = inner[2];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || c == '[' || c == ']' ||
			    c == '\\' || c == '_')
				return TK_CTRL(c);
		}
		return -1;
	}
	if (len == 0 || utf8_decode(name, len, &cp) != len)
		return -1;
	return (int)cp;
}

void key_describe(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof(keynames) / sizeof(keynames[0]); i++) {
		if (keynames[i].key == key && strcmp(keynames[i].name, "lt")) {
			snprintf(buf, size, "%s", keynames[i].name);
			return;
		}
	}
	if (TK_IS_ALT(key)) {
		char u[5];
		size_t n = utf8_encode((uint32_t)(key - TK_ALT_BASE), u);

		u[n] = '\0';
		snprintf(buf, size, "M-%s", u);
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "C-%c", (char)(key + 'a' - 1));
	} else if (!TK_IS_FN(key) && key >= 32) {
		char u[5];
		size_t n = utf8_encode((uint32_t)key, u);

		u[n] = '\0';
		snprintf(buf, size, "%s", u);
	} else {
		snprintf(buf, size, "key-%d", key);
	}
}

/*
 * The key table.  Order within a scope is the order of the help overlay and
 * of the man page.
 */
const struct keydef tui_keys[] = {
	/* global */
	{ SC_GLOBAL, A_QUIT, { "q", "<C-c>" }, NULL, N_("quit"),
	  N_("Quit (everything is already saved); in History, Room or Wrap-up, back to the screen before"),
	  false },
	{ SC_GLOBAL, A_HELP, { "?", "<F1>" }, NULL, N_("help"),
	  N_("Show this help"), false },
	{ SC_GLOBAL, A_PROMPT, { ":" }, NULL, NULL,
	  N_("Command prompt (:help lists the commands)"), false },
	{ SC_GLOBAL, A_NEXT_SCREEN, { "<Tab>" }, NULL, NULL,
	  N_("Next screen"), false },
	{ SC_GLOBAL, A_PREV_SCREEN, { "<S-Tab>" }, NULL, NULL,
	  N_("Previous screen"), false },
	{ SC_GLOBAL, A_GOTO,
	  { "1", "2", "3", "4", "5", "6", "7", "8", "9" }, "1-9", NULL,
	  N_("Go to screen 1 to 9 (a click on a tab too)"), false },
	{ SC_GLOBAL, A_REDRAW, { "<C-l>" }, NULL, NULL,
	  N_("Redraw the screen"), false },
	{ SC_GLOBAL, A_UNDO, { "u" }, NULL, NULL,
	  N_("Undo your last change of this session (a deleted row comes back with what it held); H undoes older ones"),
	  true },
	{ SC_GLOBAL, A_CANCEL, { "<Esc>" }, NULL, NULL,
	  N_("Cancel the edit, dialog or search; leave History, Room or Wrap-up"), false },

	/* lists */
	{ SC_NAV, A_UP, { "k", "<Up>" }, NULL, NULL,
	  N_("Move up"), false },
	{ SC_NAV, A_DOWN, { "j", "<Down>" }, NULL, NULL,
	  N_("Move down"), false },
	{ SC_NAV, A_PAGE_UP, { "<PgUp>", "<C-b>" }, NULL, NULL,
	  N_("Page up"), false },
	{ SC_NAV, A_PAGE_DOWN, { "<PgDn>", "<C-f>" }, NULL, NULL,
	  N_("Page down"), false },
	{ SC_NAV, A_FIRST, { "g", "<Home>" }, NULL, NULL,
	  N_("First row"), false },
	{ SC_NAV, A_LAST, { "G", "<End>" }, NULL, NULL,
	  N_("Last row"), false },
	{ SC_NAV, A_SEARCH, { "/" }, NULL, NULL,
	  N_("Search the list, or the help in the help (the status line shows the text and \"match N of M\")"),
	  false },
	{ SC_NAV, A_MOUSE, { "<Mouse>" }, N_("click, wheel"), NULL,
	  N_("A click selects the row under it, the wheel moves the selection (where the terminal sends the mouse)"),
	  false },
	{ SC_SEARCH, A_SEARCH_NEXT, { "n" }, NULL, NULL,
	  N_("Next match (while a search is active; past the last one it says so and goes on from the top)"),
	  false },
	{ SC_SEARCH, A_SEARCH_PREV, { "N" }, NULL, NULL,
	  N_("Previous match (while a search is active)"), false },

	/* 1 workshops */
	{ SC_WORKSHOPS, A_WS_OPEN, { "<Enter>", "l", "<Right>" }, NULL,
	  N_("open"), N_("Open the workshop"), false },
	{ SC_WORKSHOPS, A_WS_NEW, { "n" }, NULL, N_("new"),
	  N_("New workshop from a template"), true },
	{ SC_WORKSHOPS, A_WS_RENAME, { "r" }, NULL, N_("rename"),
	  N_("Rename the workshop"), true },
	{ SC_WORKSHOPS, A_WS_DUPLICATE, { "D" }, NULL, N_("duplicate"),
	  N_("Duplicate the workshop"), true },
	{ SC_WORKSHOPS, A_WS_ARCHIVE, { "a" }, NULL, N_("archive"),
	  N_("Archive or unarchive the workshop"), true },
	{ SC_WORKSHOPS, A_WS_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Move the workshop to the trash (asks first; its facilitator or creator only)"),
	  true },
	{ SC_WORKSHOPS, A_WS_SHOW_ARCHIVED, { "A" }, NULL, N_("archived"),
	  N_("Show or hide archived workshops"), false },
	{ SC_WORKSHOPS, A_WS_TRASH, { "T" }, NULL, N_("trash"),
	  N_("Show the trash: deleted workshops, who deleted them and when"),
	  false },
	{ SC_TRASH, A_TR_RESTORE, { "r", "<Enter>" }, NULL, N_("restore"),
	  N_("Bring the workshop back with everything in it"), true },
	{ SC_TRASH, A_TR_PURGE, { "X" }, NULL, N_("purge"),
	  N_("Delete it for good (asks first; its facilitator or creator only)"),
	  true },
	{ SC_TRASH, A_WS_TRASH, { "T", "<Esc>" }, NULL, N_("back"),
	  N_("Back to the workshops"), false },

	/* 2 interview */
	{ SC_INTERVIEW, A_IV_EDIT, { "<Enter>", "e" }, NULL, N_("answer"),
	  N_("Answer the question"), true },
	{ SC_INTERVIEW, A_IV_NOTE, { "N" }, NULL, N_("note"),
	  N_("Note on the question"), true },
	{ SC_INTERVIEW, A_IV_SKIP, { "s" }, NULL, N_("next open"),
	  N_("Skip to the next unanswered question"), false },
	{ SC_INTERVIEW, A_IV_CLEAR, { "x" }, NULL, N_("clear"),
	  N_("Clear the answer"), true },
	{ SC_INTERVIEW, A_UNDO, { "u" }, NULL, N_("undo"),
	  N_("Undo your last change, as everywhere"), true },
	{ SC_INTERVIEW, A_IV_SECTION_NEXT, { "]" }, NULL, NULL,
	  N_("Next section"), false },
	{ SC_INTERVIEW, A_IV_SECTION_PREV, { "[" }, NULL, NULL,
	  N_("Previous section"), false },

	/* 3 findings */
	{ SC_FINDINGS, A_FI_APPLY, { "a" }, NULL, N_("apply nudge"),
	  N_("Apply the selected weight nudge to its criterion"), true },
	{ SC_FINDINGS, A_FI_START, { "<Enter>" }, NULL, N_("start approach"),
	  N_("Start a new approach from the selected library pattern (screen 4; u takes it back)"),
	  true },

	/* -- screens 4 and 9: approaches, roadmap -- */
	{ SC_APPROACHES, A_AP_EDIT, { "<Enter>", "e" }, NULL, N_("edit"),
	  N_("Edit the field under the cursor (on the list: go to the fields)"),
	  false },
	{ SC_APPROACHES, A_AP_FIELDS, { "l", "<Right>" }, NULL, NULL,
	  N_("Go to the fields of the selected approach"), false },
	{ SC_APPROACHES, A_AP_LIST, { "h", "<Left>", "<Esc>" }, NULL, NULL,
	  N_("Back from the fields to the approach list"), false },
	{ SC_APPROACHES, A_AP_NEW, { "n" }, NULL, N_("add"),
	  N_("Add an approach: blank or from a library pattern"), true },
	{ SC_APPROACHES, A_AP_COMPONENT, { "a" }, NULL, NULL,
	  N_("Add a component from the technology catalogue"), true },
	{ SC_APPROACHES, A_AP_REMOVE, { "x" }, NULL, NULL,
	  N_("Remove the component under the cursor"), true },
	{ SC_APPROACHES, A_AP_MOVE_UP, { "K" }, NULL, NULL,
	  N_("Move the approach up"), true },
	{ SC_APPROACHES, A_AP_MOVE_DOWN, { "J" }, NULL, NULL,
	  N_("Move the approach down"), true },
	{ SC_APPROACHES, A_AP_DUPLICATE, { "D" }, NULL, NULL,
	  N_("Duplicate the approach"), true },
	{ SC_APPROACHES, A_AP_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Delete the approach with its scores and votes (asks first)"),
	  true },
	{ SC_APPROACHES, A_AP_COMPARE, { "v" }, NULL, N_("compare"),
	  N_("Compare the approaches side by side"), false },
	{ SC_COMPARE, A_CMP_LEFT, { "h", "<Left>" }, NULL, NULL,
	  N_("Scroll one approach to the left"), false },
	{ SC_COMPARE, A_CMP_RIGHT, { "l", "<Right>" }, NULL, N_("columns"),
	  N_("Scroll one approach to the right"), false },
	{ SC_COMPARE, A_UP, { "k", "<Up>" }, NULL, NULL,
	  N_("Scroll up"), false },
	{ SC_COMPARE, A_DOWN, { "j", "<Down>" }, NULL, NULL,
	  N_("Scroll down"), false },
	{ SC_COMPARE, A_PAGE_UP, { "<PgUp>", "<C-b>" }, NULL, NULL,
	  N_("Page up"), false },
	{ SC_COMPARE, A_PAGE_DOWN, { "<PgDn>", "<C-f>", "<Space>" }, NULL, NULL,
	  N_("Page down"), false },
	{ SC_COMPARE, A_FIRST, { "g", "<Home>" }, NULL, NULL,
	  N_("Top"), false },
	{ SC_COMPARE, A_LAST, { "G", "<End>" }, NULL, NULL,
	  N_("Bottom"), false },
	{ SC_COMPARE, A_CMP_CLOSE, { "v", "<Esc>", "q" }, NULL, N_("back"),
	  N_("Back to the approach list"), false },
	/* n first: "n add" leads the status bar as on the other screens
	 * (an empty roadmap otherwise hinted only at keys that need a
	 * phase). */
	{ SC_ROADMAP, A_RM_NEW, { "n" }, NULL, N_("add"),
	  N_("Add a phase at the end"), true },
	{ SC_ROADMAP, A_RM_EDIT, { "<Enter>", "e" }, NULL, N_("rename"),
	  N_("Rename the phase"), true },
	{ SC_ROADMAP, A_RM_WEEKS, { "w" }, NULL, N_("weeks"),
	  N_("Change the phase's duration in weeks"), true },
	{ SC_ROADMAP, A_RM_ITEMS, { "i" }, NULL, N_("items"),
	  N_("Edit the phase's items, one per line"), true },
	{ SC_ROADMAP, A_RM_MOVE_UP, { "K" }, NULL, NULL,
	  N_("Move the phase earlier"), true },
	{ SC_ROADMAP, A_RM_MOVE_DOWN, { "J" }, NULL, NULL,
	  N_("Move the phase later"), true },
	{ SC_ROADMAP, A_RM_DELETE, { "d" }, NULL, NULL,
	  N_("Delete the phase (asks first)"), true },
	{ SC_ROADMAP, A_RM_STEPS, { "s" }, NULL, N_("steps"),
	  N_("Edit the workshop's next steps, one per line"), true },
	{ SC_ROADMAP, A_RM_PARKED, { "p" }, NULL, N_("from the lot"),
	  N_("Take open parking-lot items into the next steps (pick them)"),
	  true },


	/* -- screen 5: trade-offs -- */
	{ SC_TRADEOFFS, A_TO_VIEW_MATRIX, { "m" }, NULL, NULL,
	  N_("Show the scoring matrix (from any view)"), false },
	{ SC_TRADEOFFS, A_TO_VIEW_CRITERIA, { "c" }, NULL, NULL,
	  N_("Show the criteria and their weights"), false },
	{ SC_TRADEOFFS, A_TO_VIEW_PAIRWISE, { "p" }, NULL, NULL,
	  N_("Show the pairwise (AHP) comparison of the criteria"), false },
	{ SC_TRADEOFFS, A_TO_VIEW_SENSITIVITY, { "s" }, NULL, NULL,
	  N_("Show the sensitivity of the ranking to each weight"), false },
	{ SC_TRADEOFFS, A_TO_ADD, { "n" }, NULL, N_("add"),
	  N_("Add a criterion"), true },
	{ SC_TRADEOFFS, A_TO_EDIT, { "e", "<Enter>" }, NULL, NULL,
	  N_("Rename the criterion"), true },
	{ SC_TRADEOFFS, A_TO_DESCRIBE, { "E" }, NULL, NULL,
	  N_("Edit the criterion's description"), true },
	{ SC_TRADEOFFS, A_TO_WEIGHT, { "w" }, NULL, N_("weight"),
	  N_("Type the raw weight (a number, 0 or more)"), true },
	{ SC_TRADEOFFS, A_TO_MORE, { "+", "=" }, NULL, N_("+1"),
	  N_("Raise the raw weight by 1"), true },
	{ SC_TRADEOFFS, A_TO_LESS, { "-" }, NULL, N_("-1"),
	  N_("Lower the raw weight by 1 (not below 0)"), true },
	{ SC_TRADEOFFS, A_TO_DELETE, { "d" }, NULL, NULL,
	  N_("Remove the criterion, its scores and votes (asks)"),
	  true },
	{ SC_TRADEOFFS, A_TO_MOVE_DOWN, { "J" }, NULL, NULL,
	  N_("Move the criterion down"), true },
	{ SC_TRADEOFFS, A_TO_MOVE_UP, { "K" }, NULL, NULL,
	  N_("Move the criterion up"), true },
	{ SC_TRADEOFFS, A_TO_NUDGES, { "f" }, NULL, N_("nudges"),
	  N_("Apply the weight nudges suggested by the findings"), true },
	{ SC_TRADEOFFS, A_TO_WEIGHTING, { "a" }, NULL, N_("AHP/direct"),
	  N_("Switch between direct weights and AHP weights"), true },

	{ SC_AHP, A_AHP_ENTER, { "<Enter>" }, NULL, N_("judge"),
	  N_("Judge the pairs: digits set them until Esc (digits elsewhere switch screens)"),
	  true },
	{ SC_AHP, A_AHP_LEFT, { "h", "<Left>" }, NULL, NULL,
	  N_("Slide left: the left criterion matters more"), true },
	{ SC_AHP, A_AHP_RIGHT, { "l", "<Right>" }, NULL, NULL,
	  N_("Slide right: the right criterion matters more"), true },
	{ SC_AHP, A_AHP_REVERSE, { "r" }, NULL, N_("reverse"),
	  N_("Reverse: the right one matters N times more"),
	  true },
	{ SC_AHP, A_AHP_PICK, { "e" }, NULL, N_("pick"),
	  N_("Pick the judgement on Saaty's 9…1…9 scale"), true },
	{ SC_AHP, A_AHP_WORST, { "w" }, NULL, N_("worst"),
	  N_("Go to the most inconsistent judgement"), false },
	{ SC_AHP, A_AHP_MISSING, { "]" }, NULL, NULL,
	  N_("Go to the next missing judgement"), false },

	{ SC_MATRIX, A_MX_ENTER, { "<Enter>" }, NULL, N_("score"),
	  N_("Score the cells: digits score and move on until Esc (your own votes in my-votes mode); digits elsewhere switch screens"),
	  true },
	{ SC_MATRIX, A_MX_LEFT, { "h", "<Left>" }, NULL, NULL,
	  N_("Previous criterion"), false },
	{ SC_MATRIX, A_MX_RIGHT, { "l", "<Right>" }, NULL, NULL,
	  N_("Next criterion"), false },
	{ SC_MATRIX, A_MX_TYPE, { "e" }, NULL, NULL,
	  N_("Type the cell's score (decimals too, e.g. 3.5)"), true },
	{ SC_MATRIX, A_MX_CLEAR, { "x", "<Delete>" }, NULL, N_("clear"),
	  N_("Clear the cell's score (or your vote)"), true },
	{ SC_MATRIX, A_UNDO, { "u" }, NULL, N_("undo"),
	  N_("Undo your last change, as everywhere (A's cells go back together)"),
	  true },
	{ SC_MATRIX, A_MX_RATIONALE, { "r" }, NULL, N_("why"),
	  N_("Edit the cell's rationale"), true },
	{ SC_MATRIX, A_MX_SHOW, { "v" }, NULL, N_("show"),
	  N_("Show agreed, votes' mean, median or one person"),
	  false },
	{ SC_MATRIX, A_MX_PERSON, { "w" }, NULL, NULL,
	  N_("Whose votes: pick the participant whose votes are shown"),
	  false },
	{ SC_MATRIX, A_MX_MINE, { "V" }, NULL, N_("my votes"),
	  N_("My-votes mode: digits set your own vote"),
	  false },
	{ SC_MATRIX, A_MX_ADOPT, { "M" }, NULL, NULL,
	  N_("Adopt the votes' median as the cell's agreed score"), true },
	{ SC_MATRIX, A_MX_ADOPT_ALL, { "A" }, NULL, NULL,
	  N_("Adopt the median in every cell with votes"),
	  true },
	{ SC_MATRIX, A_MX_ROUND, { "B" }, NULL, NULL,
	  N_("Facilitator: open a blind voting round (all cells, this criterion, this approach, the last round's spread cells), or reveal the open one"),
	  true },

	/* Entry modes: every key belongs to the mode until Esc. */
	{ SC_SCORING, A_MX_SCORE,
	  { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" }, "0-9",
	  N_("score"), N_("Score the cell and move to the next one"), true },
	{ SC_SCORING, A_MX_CLEAR, { "x", "<Delete>" }, NULL, N_("clear"),
	  N_("Clear the cell's score (or your vote)"), true },
	{ SC_SCORING, A_MX_LEFT, { "h", "<Left>" }, NULL, NULL,
	  N_("Previous criterion"), false },
	{ SC_SCORING, A_MX_RIGHT, { "l", "<Right>", "<Tab>" }, NULL, NULL,
	  N_("Next criterion"), false },
	{ SC_SCORING, A_UP, { "k", "<Up>" }, NULL, NULL,
	  N_("Previous approach"), false },
	{ SC_SCORING, A_DOWN, { "j", "<Down>" }, NULL, NULL,
	  N_("Next approach"), false },
	{ SC_SCORING, A_UNDO, { "u" }, NULL, N_("undo"),
	  N_("Undo your last change"), true },
	{ SC_SCORING, A_CANCEL, { "<Esc>", "<Enter>", "q" }, NULL, N_("done"),
	  N_("Leave scoring"), false },
	{ SC_JUDGING, A_AHP_SET, { "1", "2", "3", "4", "5", "6", "7", "8", "9" },
	  "1-9", N_("judge"),
	  N_("The left criterion matters N times more (1: equal)"), true },
	{ SC_JUDGING, A_AHP_REVERSE, { "r" }, NULL, N_("reverse"),
	  N_("Reverse: the right one matters N times more"), true },
	{ SC_JUDGING, A_AHP_LEFT, { "h", "<Left>" }, NULL, NULL,
	  N_("Slide left: the left criterion matters more"), true },
	{ SC_JUDGING, A_AHP_RIGHT, { "l", "<Right>" }, NULL, NULL,
	  N_("Slide right: the right criterion matters more"), true },
	{ SC_JUDGING, A_UP, { "k", "<Up>" }, NULL, NULL,
	  N_("Previous pair"), false },
	{ SC_JUDGING, A_DOWN, { "j", "<Down>" }, NULL, NULL,
	  N_("Next pair"), false },
	{ SC_JUDGING, A_CANCEL, { "<Esc>", "<Enter>", "q" }, NULL, N_("done"),
	  N_("Leave judging"), false },

	/* -- screens 6-8: decision, risks, metrics -- */
	{ SC_DECISION, A_DC_NEW, { "n" }, NULL, N_("new ADR"),
	  N_("New ADR (numbered by the store, never reused)"), true },
	{ SC_DECISION, A_DC_EDIT, { "<Enter>", "e" }, NULL, N_("edit"),
	  N_("Edit a field of the ADR (choose which)"), true },
	{ SC_DECISION, A_DC_STATUS, { "s" }, NULL, N_("status"),
	  N_("Change the status (superseded asks by which ADR)"),
	  true },
	{ SC_DECISION, A_DC_CHOSEN, { "c" }, NULL, N_("chosen"),
	  N_("Choose the approach the ADR adopts"), true },
	{ SC_DECISION, A_DC_ALT_EDIT, { "a" }, NULL, N_("alternatives"),
	  N_("Edit the alternatives, from the generated text"),
	  true },
	{ SC_DECISION, A_DC_ALT_RESET, { "x" }, NULL, NULL,
	  N_("Reset the alternatives to generated (asks first)"),
	  true },
	{ SC_DECISION, A_DC_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Delete the ADR (asks; its number is not reused)"), true },
	{ SC_DECISION, A_DC_SCROLL_DOWN, { "]", "<Space>" }, NULL, NULL,
	  N_("Scroll the detail pane down"), false },
	{ SC_DECISION, A_DC_SCROLL_UP, { "[", "b" }, NULL, NULL,
	  N_("Scroll the detail pane up"), false },

	{ SC_RISKS, A_RK_NEW, { "n" }, NULL, N_("add"),
	  N_("Add a risk: description, probability, impact"), true },
	{ SC_RISKS, A_RK_EDIT, { "<Enter>", "e" }, NULL, N_("edit"),
	  N_("Edit a field of the risk (choose which)"), true },
	{ SC_RISKS, A_RK_STATUS, { "s" }, NULL, NULL,
	  N_("Status: open, mitigating, accepted or closed"), true },
	{ SC_RISKS, A_RK_SORT, { "o" }, NULL, N_("sort"),
	  N_("Sort by score (highest first) or by id"), false },
	{ SC_RISKS, A_RK_SUGGEST, { "f" }, NULL, N_("from findings"),
	  N_("Add risks suggested by the findings"), true },
	{ SC_RISKS, A_RK_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Delete the risk (asks first)"), true },

	{ SC_METRICS, A_MT_NEW, { "n" }, NULL, N_("custom"),
	  N_("Add a custom metric: name, then unit"), true },
	{ SC_METRICS, A_MT_DORA, { "a" }, NULL, N_("add DORA"),
	  N_("Add a DORA metric that is not in the list yet"), true },
	{ SC_METRICS, A_MT_EDIT, { "<Enter>", "e" }, NULL, N_("edit"),
	  N_("Edit a value or the name or unit (choose which)"), true },
	{ SC_METRICS, A_MT_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Delete the metric (asks first)"), true },
	{ SC_METRICS, A_MT_INTERVIEW, { "i" }, NULL, NULL,
	  N_("Take the interview's answers (marked ⁱ) into the empty 6-month targets, as one step for u"),
	  true },

	/* -- shared box: history, follow, conflicts -- */
	{ SC_GLOBAL, A_TIMER, { "T" }, NULL, NULL,
	  N_("Facilitator: start this stage's timebox, pause or resume the countdown (:timer for more)"),
	  true },
	{ SC_GLOBAL, A_READY, { "." }, NULL, NULL,
	  N_("Mark yourself ready with this stage, or not ready (:ready)"),
	  true },
	{ SC_GLOBAL, A_FOLLOW, { "F" }, NULL, NULL,
	  N_("Follow the facilitator's screen (F again stops)"),
	  false },
	{ SC_GLOBAL, A_HISTORY, { "H" }, NULL, NULL,
	  N_("History: who changed what, with undo"), false },
	{ SC_GLOBAL, A_PRESENTER, { "P" }, NULL, NULL,
	  N_("Presenter view for a projector: the screen's essence in large type, with the countdown (P, q or Esc leave; j, k still step)"),
	  false },
	{ SC_HISTORY, A_HI_SHOW, { "<Enter>" }, NULL, N_("show"),
	  N_("Show the whole change (old and new value)"), false },
	{ SC_HISTORY, A_HI_PERSON, { "p" }, NULL, N_("person"),
	  N_("Only one person's changes (cycles through everyone)"), false },
	{ SC_HISTORY, A_HI_SCREEN, { "s" }, NULL, N_("screen"),
	  N_("Only one screen's changes (cycles through the screens)"), false },
	{ SC_HISTORY, A_HI_ALL, { "a" }, NULL, NULL,
	  N_("Show all changes again (no filter)"), false },
	{ SC_HISTORY, A_HI_UNDO, { "u" }, NULL, N_("undo mine"),
	  N_("Undo one of your own changes (written back as a new change)"),
	  true },
	/* -- the room: the Room screen, the parking lot, the wrap-up -- */
	{ SC_GLOBAL, A_ROOM, { "R" }, NULL, NULL,
	  N_("Room: the agenda with its timeboxes and the parking lot"),
	  false },
	{ SC_GLOBAL, A_PARK, { "L" }, NULL, NULL,
	  N_("Park an item in the parking lot (type it; :park TEXT too)"),
	  true },
	{ SC_ROOM, A_RO_SWITCH, { "<Tab>", "<S-Tab>" }, NULL, N_("agenda/lot"),
	  N_("Switch between the agenda and the parking lot"), false },
	{ SC_ROOM, A_RO_WRAPUP, { "w" }, NULL, N_("wrap-up"),
	  N_("The wrap-up: decided, open, actions, time (also :wrap-up)"),
	  false },
	{ SC_AGENDA, A_AG_PLAN, { "<Enter>", "e" }, NULL, N_("plan"),
	  N_("Set the stage's planned time (25, 25m, 1h15m; 0: no timebox); facilitator only"),
	  true },
	{ SC_AGENDA, A_AG_ADD, { "n" }, NULL, N_("add"),
	  N_("Add a stage that is not on the agenda"), true },
	{ SC_AGENDA, A_AG_REMOVE, { "d" }, NULL, N_("take off"),
	  N_("Take the stage off the agenda (asks; not one with time spent)"),
	  true },
	{ SC_AGENDA, A_AG_MOVE_UP, { "K" }, NULL, NULL,
	  N_("Move the stage earlier"), true },
	{ SC_AGENDA, A_AG_MOVE_DOWN, { "J" }, NULL, NULL,
	  N_("Move the stage later"), true },
	{ SC_PARKING, A_PL_NEW, { "n" }, NULL, N_("add"),
	  N_("Park an item"), true },
	{ SC_PARKING, A_PL_EDIT, { "<Enter>", "e" }, NULL, N_("edit"),
	  N_("Edit the item's text"), true },
	{ SC_PARKING, A_PL_DONE, { "x" }, NULL, N_("done/open"),
	  N_("Mark the item done, or open again"), true },
	{ SC_PARKING, A_PL_TAKE, { "t" }, NULL, N_("to roadmap"),
	  N_("Take the item into the roadmap's next steps"), true },
	{ SC_PARKING, A_PL_DELETE, { "d" }, NULL, N_("delete"),
	  N_("Delete the item (asks; u brings it back)"), true },
	{ SC_CONFLICT, A_CF_MINE, { "m" }, NULL, N_("keep mine"),
	  N_("Keep mine: write it over their new version"), false },
	{ SC_CONFLICT, A_CF_THEIRS, { "t" }, NULL, N_("take theirs"),
	  N_("Take theirs: drop mine"), false },
	{ SC_CONFLICT, A_CF_MERGE, { "e" }, NULL, N_("merge"),
	  N_("Edit a merge: mine in the editor, theirs shown"), false },
	{ SC_CONFLICT, A_CANCEL, { "<Esc>" }, NULL, N_("later"),
	  N_("Decide later: mine is kept as a draft of the field"), false },
	{ SC_CONFLICT, A_CF_READD, { "n" }, NULL, NULL,
	  N_("The row was deleted while you edited it: add it again as a new row with your text"),
	  true },

	/* -- end of screen keys -- */

	/* editors: an open editor takes every key (one it does not use says
	 * so and does nothing), so typing never runs a command */
	{ SC_EDIT, A_ED_SAVE, { "<Enter>", "<C-s>" }, NULL, N_("save"),
	  N_("Save: C-s in every editor, Enter too in a one-line editor"),
	  false },
	{ SC_EDIT, A_CANCEL, { "<Esc>" }, NULL, N_("cancel"),
	  N_("Close: unchanged text just closes; changed text is kept as a draft of the field (edit the field again to get it back), or, for something new, asks \"Discard what you typed?\" first"),
	  false },
	{ SC_EDIT, A_ED_DROP, { "<C-c>" }, NULL, NULL,
	  N_("Cancel and drop what you typed (the message line says so)"),
	  false },
	{ SC_EDIT, A_ED_COMPLETE, { "<Tab>" }, NULL, NULL,
	  N_("On the : line: complete the command or its argument (screens, formats, people); Tab again lists the candidates"),
	  false },
	{ SC_EDIT, A_ED_LEFT, { "<Left>", "<C-b>" }, NULL, NULL,
	  N_("Character left (a letter with its accents, a whole emoji)"),
	  false },
	{ SC_EDIT, A_ED_RIGHT, { "<Right>", "<C-f>" }, NULL, NULL,
	  N_("Character right"), false },
	{ SC_EDIT, A_ED_HOME, { "<Home>", "<C-a>" }, NULL, NULL,
	  N_("Start of line"), false },
	{ SC_EDIT, A_ED_END, { "<End>", "<C-e>" }, NULL, NULL,
	  N_("End of line"), false },
	{ SC_EDIT, A_ED_BACKSPACE, { "<Backspace>", "<C-h>" }, NULL, NULL,
	  N_("Delete the character before the cursor"), false },
	{ SC_EDIT, A_ED_DELETE, { "<Delete>" }, NULL, NULL,
	  N_("Delete the character under the cursor"), false },
	{ SC_EDIT, A_ED_KILL_WORD, { "<C-w>" }, NULL, NULL,
	  N_("Delete the word before the cursor"), false },
	{ SC_EDIT, A_ED_KILL_START, { "<C-u>" }, NULL, NULL,
	  N_("Delete to the start of the line"), false },
	{ SC_EDIT, A_ED_KILL_END, { "<C-k>" }, NULL, NULL,
	  N_("Delete to the end of the line"), false },
	{ SC_EDIT, A_ED_ASIDE_UP, { "<PgUp>" }, NULL, NULL,
	  N_("In a merge: scroll theirs, shown whole under yours, up"),
	  false },
	{ SC_EDIT, A_ED_ASIDE_DOWN, { "<PgDn>" }, NULL, NULL,
	  N_("In a merge: scroll theirs down"), false },

	/* the multi-line editor: these win over the line-editing keys */
	{ SC_TEXT, A_ED_NEWLINE, { "<Enter>" }, NULL, NULL,
	  N_("New line"), false },
	{ SC_TEXT, A_ED_SAVE, { "<C-s>", "<C-d>" }, NULL, N_("save"),
	  N_("Save the text"), false },
	{ SC_TEXT, A_ED_EXTERNAL, { "<C-e>" }, NULL, N_("$EDITOR"),
	  N_("Edit the text in $EDITOR"), false },
	{ SC_TEXT, A_ED_UP, { "<Up>" }, NULL, NULL,
	  N_("Line up"), false },
	{ SC_TEXT, A_ED_DOWN, { "<Down>" }, NULL, NULL,
	  N_("Line down"), false },

	/* pickers */
	{ SC_PICKER, A_UP, { "k", "<Up>" }, NULL, NULL,
	  N_("Previous option"), false },
	{ SC_PICKER, A_DOWN, { "j", "<Down>" }, NULL, NULL,
	  N_("Next option"), false },
	{ SC_PICKER, A_FIRST, { "g", "<Home>" }, NULL, NULL,
	  N_("First option"), false },
	{ SC_PICKER, A_LAST, { "G", "<End>" }, NULL, NULL,
	  N_("Last option"), false },
	{ SC_PICKER, A_PK_TOGGLE, { "<Space>" }, NULL, N_("toggle"),
	  N_("Toggle the option (multiple choice)"), false },
	{ SC_PICKER, A_PK_CONFIRM, { "<Enter>" }, NULL, N_("confirm"),
	  N_("Confirm the choice (digits pick a scale value)"), false },
	{ SC_PICKER, A_CANCEL, { "<Esc>", "q" }, NULL, N_("cancel"),
	  N_("Cancel"), false },

	/* dialogs */
	{ SC_DIALOG, A_DLG_YES, { "y", "Y" }, NULL, N_("yes"),
	  N_("Yes"), false },
	{ SC_DIALOG, A_DLG_NO, { "n", "N", "<Esc>" }, NULL, N_("no"),
	  N_("No"), false },
};
const size_t tui_n_keys = sizeof(tui_keys) / sizeof(tui_keys[0]);

static const char *const scope_titles[SC_COUNT] = {
	[SC_GLOBAL] = N_("Everywhere"),
	[SC_NAV] = N_("Lists"),
	[SC_SEARCH] = N_("Search"),
	[SC_WORKSHOPS] = N_("1 Workshops"),
	[SC_TRASH] = N_("1 Workshops: the trash (after T)"),
	[SC_INTERVIEW] = N_("2 Interview"),
	[SC_FINDINGS] = N_("3 Findings"),
	[SC_VIEW] = N_("Views"),
	[SC_APPROACHES] = N_("4 Approaches"),
	[SC_COMPARE] = N_("4 Approaches side by side"),
	[SC_TRADEOFFS] = N_("5 Trade-offs: criteria"),
	[SC_AHP] = N_("5 Trade-offs: pairwise comparison"),
	[SC_MATRIX] = N_("5 Trade-offs: scoring matrix"),
	[SC_SCORING] = N_("5 Trade-offs: scoring (after Enter on the matrix)"),
	[SC_JUDGING] = N_("5 Trade-offs: judging pairs (after Enter)"),
	[SC_DECISION] = N_("6 Decision"),
	[SC_RISKS] = N_("7 Risks"),
	[SC_METRICS] = N_("8 Metrics"),
	[SC_ROADMAP] = N_("9 Roadmap"),
	[SC_HISTORY] = N_("History"),
	[SC_ROOM] = N_("Room"),
	[SC_AGENDA] = N_("Room: the agenda"),
	[SC_PARKING] = N_("Room: the parking lot"),
	[SC_CONFLICT] = N_("Edit conflicts"),
	[SC_EDIT] = N_("Editing (every editor)"),
	[SC_TEXT] = N_("Editing a text (these first)"),
	[SC_PICKER] = N_("Choosing"),
	[SC_DIALOG] = N_("Questions (y/n)"),
};

const char *scope_title(enum scope sc)
{
	return (unsigned)sc < SC_COUNT ? _(scope_titles[sc]) : "?";
}

enum action keys_lookup(enum scope sc, int key)
{
	/* Enter comes as CR, LF or KEY_ENTER; Backspace as DEL, BS or
	 * KEY_BACKSPACE: one code each. */
	if (key == '\r' || key == TK_FN(KEY_ENTER))
		key = TK_ENTER;
	if (key == TK_FN(KEY_BACKSPACE))
		key = TK_BACKSPACE;
	for (size_t i = 0; i < tui_n_keys; i++) {
		if (tui_keys[i].scope != sc)
			continue;
		for (size_t j = 0; j < 10 && tui_keys[i].keys[j]; j++)
			if (key_parse(tui_keys[i].keys[j]) == key)
				return tui_keys[i].action;
	}
	return A_NONE;
}

const struct keydef *keys_def(enum scope sc, enum action act)
{
	for (size_t i = 0; i < tui_n_keys; i++)
		if (tui_keys[i].scope == sc && tui_keys[i].action == act)
			return &tui_keys[i];
	return NULL;
}

void keys_label(const struct keydef *kd, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (kd->label) {
		snprintf(buf, size, "%s", kd->label);
		return;
	}
	for (size_t j = 0; j < 10 && kd->keys[j]; j++) {
		char nm[32];
		int k = key_parse(kd->keys[j]);

		key_describe(k, nm, sizeof(nm));
		if (len + strlen(nm) + 3 >= size)
			break;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					j ? ", " : "", nm);
	}
}

/* roff needs a backslash before a leading dot or any backslash/hyphen. */
void keys_roff_puts(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

bool keys_scope_has_keys(enum scope sc)
{
	for (size_t i = 0; i < tui_n_keys; i++)
		if (tui_keys[i].scope == sc)
			return true;
	return false;
}

void keys_dump(FILE *f, int roff)
{
	for (int sc = 0; sc < SC_COUNT; sc++) {
		if (!keys_scope_has_keys((enum scope)sc))
			continue;
		if (roff) {
			fputs(".SS ", f);
			keys_roff_puts(f, scope_title((enum scope)sc));
			fputc('\n', f);
		} else {
			fprintf(f, "[%s]\n", scope_title((enum scope)sc));
		}
		for (size_t i = 0; i < tui_n_keys; i++) {
			char lab[128];

			if (tui_keys[i].scope != (enum scope)sc)
				continue;
			keys_label(&tui_keys[i], lab, sizeof(lab));
			if (roff) {
				fputs(".TP\n.B ", f);
				keys_roff_puts(f, lab);
				fputc('\n', f);
				keys_roff_puts(f, _(tui_keys[i].help));
				fputc('\n', f);
			} else {
				fprintf(f, "%s\t%s\n", lab,
					_(tui_keys[i].help));
			}
		}
	}
}

int keys_after_esc(int (*next)(void *ctx), void *ctx)
{
	char param[16];
	size_t n = 0;
	int c = next(ctx);

	if (c < 0)
		return TK_ESC;
	if (c == 'O')
		return next(ctx) < 0 ? TK_ALT('O') : TK_SEQ;
	if (c != '[')
		return c >= 32 && !TK_IS_FN(c) ? TK_ALT(c) : TK_SEQ;
	/* CSI: parameter and intermediate bytes, then one final byte. */
	for (;;) {
		c = next(ctx);
		if (c < 0)
			return n ? TK_SEQ : TK_ALT('[');
		if (c >= 0x40 && c <= 0x7E)
			break;
		if (c < 0x20 || c > 0x3F)
			return TK_SEQ;
		if (n + 1 < sizeof(param))
			param[n++] = (char)c;
	}
	param[n] = '\0';
	if (c == '~' && strcmp(param, "200") == 0)
		return TK_PASTE_BEGIN;
	if (c == '~' && strcmp(param, "201") == 0)
		return TK_PASTE_END;
	return TK_SEQ;
}

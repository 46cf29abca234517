/*
 * decision: what the parts of screen 6 share (screen_decision.c: the list,
 * the detail pane and the keys; decision_edit.c: editing an ADR's fields,
 * its status and links, its chosen approach, a new ADR).  Internal to
 * src/tui/screens.
 */
#ifndef CHARRETTE_TUI_SCREENS_DECISION_H
#define CHARRETTE_TUI_SCREENS_DECISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/widgets/list.h"

/* One wrapped line of the detail pane. */
struct dline {
	enum role role;
	char *text;
};

struct dscreen {
	struct app *a;
	struct list list;
	int64_t sel_id;        /* selected ADR, kept across reloads */
	int64_t shown_id;      /* the ADR the scroll offset belongs to */
	int scroll;            /* first detail line shown */
	int page;              /* detail rows shown by the last draw */
	struct dline *lines;
	size_t n_lines, cap;
};

enum dfield {
	DF_TITLE = 0, DF_STATUS, DF_DATE, DF_DECIDERS, DF_CONSULTED,
	DF_INFORMED, DF_CONTEXT, DF_DECISION, DF_RATIONALE, DF_POSITIVE,
	DF_NEGATIVE, DF_RISKS, DF_CHOSEN, DF_SUPERSEDES, DF_ALTERNATIVES,
	DF_COUNT
};

/* The fields' stable ids (store field names) and names (translated at
 * use). */
extern const char *const dc_field_ids[DF_COUNT];
extern const char *const dc_field_names[DF_COUNT];

/* screen_decision.c */
bool dc_is_list(enum dfield f);
const struct decision *dc_adr_by_id(struct app *a, int64_t id);
struct dscreen *dc_self(struct app *a);

/* decision_edit.c: the editors and pickers the keys open. */
void dc_chosen_picker(struct app *a, const struct decision *dc);
void dc_edit_alternatives(struct app *a, const struct decision *dc);
void dc_field_picker(struct app *a, const struct decision *dc);
bool dc_new_title_done(struct app *a, struct modal *m, bool ok);
int dc_save(struct app *a, struct modal *m, int64_t id, int64_t version,
	    const char *field, const char *value);
void dc_status_picker(struct app *a, const struct decision *dc);

#endif

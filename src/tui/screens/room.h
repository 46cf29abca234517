/*
 * room: the private interface between the files of the Room screen
 * (screen_room.c: the screen and its two parts; room_agenda.c: the agenda;
 * room_park.c: the parking lot, parking from anywhere and the roadmap's
 * picker).  Every figure comes from the session (session_room.h).
 */
#ifndef CHARRETTE_TUI_ROOM_H
#define CHARRETTE_TUI_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app.h"
#include "tui/widgets/list.h"

enum room_part { RP_AGENDA = 0, RP_PARKING, RP_COUNT };

struct room {
	struct app *a;            /* for the lists' search text */
	enum room_part part;
	/* The agenda's rows as last drawn (the time spent moves while the
	 * countdown runs, so they are built again at every draw). */
	struct list agenda;
	struct room_agenda ag;
	int sel_stage;            /* selected stage, kept over reloads; -1 */
	int want_stage;           /* select this stage once reloaded; -1 */
	/* The parking lot, in the data's order. */
	struct list lot;
	int64_t sel_item;         /* selected item, kept over reloads */
	int64_t want_item;        /* select this one once reloaded */
};

/* The Room's state (NULL when it was never opened). */
struct room *room_state(struct app *a);
/* Text wrapped in rows y.. (at most max, the last ending with "…" when
 * it is cut) in the current role; returns the rows used. */
int room_wrapped(const char *text, int y, int x, int w, int max);

/* ---- room_agenda.c ------------------------------------------------------ */
/* Build the agenda's rows again and keep the selection on its stage. */
void agenda_rebuild(struct app *a, struct room *r);
void agenda_draw(struct app *a, struct room *r, int y, int x, int h, int w);
enum reaction agenda_key(struct app *a, struct room *r, enum action act);
void agenda_status(struct app *a, struct room *r, char *buf, size_t size);

/* ---- room_park.c -------------------------------------------------------- */
void park_rebuild(struct app *a, struct room *r);
void park_draw(struct app *a, struct room *r, int y, int x, int h, int w);
enum reaction park_key(struct app *a, struct room *r, enum action act);
void park_status(struct app *a, struct room *r, char *buf, size_t size);
/* The selected item (NULL when the lot is empty). */
const struct park_item *park_selected(struct app *a, struct room *r);

#endif

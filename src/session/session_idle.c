#include "config.h"
/*
 * session_idle: how long an idle terminal may sleep before the session has
 * work to do, so that it wakes up for that (or for a key, or a change of
 * the database it watches) instead of four times a second.
 */

#include "session/session_int.h"
#include "util/clock.h"

/* A retry (drafts the database refused, a heartbeat it did not take) waits
 * this long: no sooner, or a locked database would spin the loop. */
#define RETRY_MS 250

long session_idle_ms(const struct session *s)
{
	double due;
	long ms;

	if (s->stale || s->presence_moved)
		return 0;
	if (s->mem_where.n)
		return RETRY_MS;
	/* The next heartbeat: it also sees who has gone quiet. */
	due = s->last_beat + s->beat_seconds - clock_mono();
	ms = due > 0 ? (long)(due * 1000.0) + 1 : 0;
	return ms < RETRY_MS ? RETRY_MS : ms;
}

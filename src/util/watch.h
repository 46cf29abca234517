/*
 * watch: wake up when a database file changes, instead of asking it four
 * times a second.  Another process's commit writes the database's -wal file
 * (or, outside WAL mode, the database itself or its -journal); an inotify
 * watch on those files turns that into a readable descriptor that the idle
 * loop can poll(2) beside the terminal.  Where inotify is missing (not
 * Linux) or the files cannot be watched, watch_open fails and the caller
 * polls as before.  A wake-up only says "look": PRAGMA data_version still
 * decides whether anything was committed.
 */
#ifndef CHARRETTE_UTIL_WATCH_H
#define CHARRETTE_UTIL_WATCH_H

#include <stdbool.h>

struct watch;

/* Watch the database `path` (its -wal and -journal too, as far as they
 * exist now; watch_rearm adds them later).  0, or -1 (nothing watched,
 * *out NULL). */
int watch_open(struct watch **out, const char *path);
void watch_free(struct watch **w);
/* The descriptor to poll for POLLIN; -1 without a watch. */
int watch_fd(const struct watch *w);
/* Read what is pending without blocking: true when one of the files was
 * written to (or went away) since the last call. */
bool watch_read(struct watch *w);
/* Try again to watch the files that did not exist (or went away). */
void watch_rearm(struct watch *w);
/*
 * A commit's last write to the -wal comes a moment before SQLite makes it
 * visible (in the -shm, which is mapped memory and tells inotify nothing),
 * so a look at once can come too early.  After the files were written the
 * caller looks again, twice: watch_next_ms is the wait until the next look
 * is due (-1: none); watch_looked says the caller has just looked.
 */
long watch_next_ms(const struct watch *w);
void watch_looked(struct watch *w);

#endif

#include "config.h"
/*
 * watch: an inotify watch on a database and its -wal file (see watch.h).
 * Only writes and the files' going away are asked for: reads, and the
 * -shm file that every reader maps, wake nobody.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "util/clock.h"
#include "util/str.h"
#include "util/watch.h"

#define WATCH_FILES 2   /* the database and its -wal */

/* The looks again after a write, in seconds after it: the first catches
 * a commit published a moment after its last write; the second one whose
 * writer was held up (a busy machine), and bounds the delay. */
static const double look_again[] = { 0.05, 0.5 };
#define LOOKS (sizeof(look_again) / sizeof(look_again[0]))

struct watch {
	int fd;
	char *path[WATCH_FILES];
	int wd[WATCH_FILES];   /* -1: not watched (yet) */
	double written;        /* clock_mono() of the last write seen */
	size_t looked;         /* looks again done since (LOOKS: all) */
};

#ifdef __linux__
#define WATCH_MASK (IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)

static void arm(struct watch *w)
{
	for (size_t i = 0; i < WATCH_FILES; i++)
		if (w->wd[i] < 0)
			w->wd[i] = inotify_add_watch(w->fd, w->path[i],
						     WATCH_MASK);
}

int watch_open(struct watch **out, const char *path)
{
	struct watch *w;

	*out = NULL;
	if (!path || !*path || strcmp(path, ":memory:") == 0)
		return -1;
	if (!(w = calloc(1, sizeof(*w))))
		return -1;
	w->path[0] = str_dup(path);
	w->path[1] = str_printf("%s-wal", path);
	for (size_t i = 0; i < WATCH_FILES; i++)
		w->wd[i] = -1;
	w->looked = LOOKS;
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd >= 0 && w->path[0] && w->path[1])
		arm(w);
	/* Without the database itself watched there is nothing to lean on. */
	if (w->fd < 0 || w->wd[0] < 0) {
		watch_free(&w);
		return -1;
	}
	*out = w;
	return 0;
}

bool watch_read(struct watch *w)
{
	/* As inotify(7) asks: aligned for the events. */
	_Alignas(struct inotify_event) char buf[4096];
	bool changed = false;
	ssize_t n;

	if (!w)
		return false;
	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n; ) {
			const struct inotify_event *ev = (const void *)p;

			for (size_t i = 0; i < WATCH_FILES; i++) {
				if (ev->wd != w->wd[i])
					continue;
				changed = true;
				/* Gone (deleted, renamed away): watch the
				 * name again when it is back. */
				if (ev->mask & (IN_IGNORED | IN_DELETE_SELF |
						IN_MOVE_SELF)) {
					if (!(ev->mask & IN_IGNORED))
						inotify_rm_watch(w->fd, w->wd[i]);
					w->wd[i] = -1;
				}
			}
			p += sizeof(*ev) + ev->len;
		}
	}
	if (changed) {
		w->written = clock_mono();
		w->looked = 0;
	}
	return changed;
}

void watch_rearm(struct watch *w)
{
	if (w)
		arm(w);
}
#else
int watch_open(struct watch **out, const char *path)
{
	(void)path;
	*out = NULL;
	return -1;
}

bool watch_read(struct watch *w)
{
	(void)w;
	return false;
}

void watch_rearm(struct watch *w)
{
	(void)w;
}
#endif

long watch_next_ms(const struct watch *w)
{
	double due;

	if (!w || w->looked >= LOOKS)
		return -1;
	due = w->written + look_again[w->looked] - clock_mono();
	return due > 0 ? (long)(due * 1000.0) + 1 : 0;
}

void watch_looked(struct watch *w)
{
	if (w && w->looked < LOOKS && watch_next_ms(w) == 0)
		w->looked++;
}

int watch_fd(const struct watch *w)
{
	return w ? w->fd : -1;
}

void watch_free(struct watch **wp)
{
	struct watch *w = wp ? *wp : NULL;

	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	for (size_t i = 0; i < WATCH_FILES; i++)
		free(w->path[i]);
	free(w);
	*wp = NULL;
}

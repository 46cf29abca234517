/*
 * atomic: write a whole file or nothing.  Data goes to a temporary file in
 * the target's folder, is flushed, and is renamed over the target, so a
 * reader never sees half a file and a crash leaves the old one.
 */
#ifndef CHARRETTE_UTIL_ATOMIC_H
#define CHARRETTE_UTIL_ATOMIC_H

#include <stddef.h>

struct error;

enum atomic_flags {
	ATOMIC_OVERWRITE = 1 << 0,  /* replace a file with different content */
};

/*
 * Write data to path.  A symlink at path is refused (never followed).  An
 * existing file with identical content is left alone (returns 0); one with
 * different content is refused with ST_INPUT unless ATOMIC_OVERWRITE.
 */
int atomic_write(const char *path, const char *data, size_t len, int flags,
		 struct error *e);
/* Read a whole file into a new NUL-terminated buffer. */
int file_read_all(const char *path, char **out, size_t *len, struct error *e);

#endif

/*
 * ioerr: a full disk named as such.  "No space left on device" deep in a
 * message reads like any I/O error; on a shared box people need to know
 * it is the disk, and which file could not be written.
 */
#ifndef CHARRETTE_UTIL_IOERR_H
#define CHARRETTE_UTIL_IOERR_H

#include <stdbool.h>

struct error;

/* ENOSPC, or EDQUOT (a quota is a full disk for whoever hits it). */
bool ioerr_is_full(int err);
/* When e's message says a write failed for lack of space (strerror of
 * ENOSPC or EDQUOT, as the file writers put it) and does not say so
 * already, start it with "disk full: ".  The rest, which names the file,
 * is kept. */
void ioerr_name_full(struct error *e);

#endif

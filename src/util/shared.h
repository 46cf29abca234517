/*
 * shared: making a database usable by a whole Unix group on a shared box,
 * and noticing when it is not.  SQLite gives the -wal and -shm files the
 * mode of the database file, so getting the database's own mode right is
 * what matters.
 */
#ifndef CHARRETTE_UTIL_SHARED_H
#define CHARRETTE_UTIL_SHARED_H

#include "util/str.h"

struct error;

/*
 * Before opening `path`: when it does not exist yet and its folder is
 * shared with a group (group-writable or setgid), create it empty with mode
 * 0660 whatever the umask.  Then append to `warnings` (one sentence each)
 * what would stop other group members from writing: a database or WAL file
 * that is not group-writable in a group folder, a group folder without the
 * setgid bit, a network filesystem (where WAL is unsafe).
 */
int shared_prepare_db(const char *path, struct strv *warnings,
		      struct error *e);

#endif

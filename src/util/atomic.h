/*
 * atomic: write a whole file or nothing.  Data goes to a temporary file in
 * the target's folder, is flushed, and is renamed over the target, so a
 * reader never sees half a file and a crash leaves the old one.
 */
#ifndef CHARRETTE_UTIL_ATOMIC_H
#define CHARRETTE_UTIL_ATOMIC_H

#include <stdbool.h>
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

/*
 * fileset: several files of one folder replaced together, all or nothing,
 * with a handful of syncs whatever their number:
 *
 *   1. every file is written to a temporary file in the folder
 *      (".charrette-tmp-NAME.XXXXXX"), and the list of renames to come to a
 *      journal beside them (".charrette-journal"), not yet in place;
 *   2. one sync of the file system makes all of it durable (syncfs; an
 *      fsync per file where the system has no syncfs);
 *   3. the journal is renamed into place and the folder synced: from here
 *      on the new set is the committed one;
 *   4. the temporary files are renamed over their targets, the folder is
 *      synced, the journal removed.
 *
 * A crash before 3 leaves the old files (and stray temporary files, which
 * the next commit or fileset_recover removes); a crash after it is rolled
 * forward by fileset_recover, which every reader and writer of the folder
 * calls first.  A set of one file needs no journal: its rename is atomic.
 * Symbolic links and other non-regular files at a target are refused before
 * anything is written.  Deciding whether a target may be replaced (it is
 * ours, it is unchanged, --force) is the caller's business.
 */
struct fileset;

/* A set for files in dir (base names only); NULL when out of memory. */
struct fileset *fileset_new(const char *dir);
void fileset_free(struct fileset **fs);
/* Add a file (data is copied); a second add of the same name replaces the
 * first.  ST_INPUT for a name with a '/' or a leading '.'. */
int fileset_add(struct fileset *fs, const char *name, const char *data,
		size_t len, struct error *e);
size_t fileset_count(const struct fileset *fs);
/* Write the set as described above; nothing of it on failure. */
int fileset_commit(struct fileset *fs, struct error *e);
/*
 * Finish or undo what a crashed commit left in dir: renames named by a
 * journal are completed, stray temporary files removed.  *recovered (may
 * be NULL) tells whether there was anything to do.  ST_OK when dir does not
 * exist.
 */
int fileset_recover(const char *dir, bool *recovered, struct error *e);

/* For crash tests: with CHARRETTE_TEST_CRASH=WHERE:N in the environment,
 * the process stops here as kill -9 would, the N-th time (from 0) it
 * passes the point `where` ("fileset-staged": a set written, its journal
 * not yet in place; "fileset": before the N-th rename of a set;
 * "import": before the N-th record of import-adr --into). */
void atomic_crash_point(const char *where, size_t i);

#endif

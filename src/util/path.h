/*
 * path: where charrette keeps its files (XDG base directories), creating
 * folders, and joining paths.
 */
#ifndef CHARRETTE_UTIL_PATH_H
#define CHARRETTE_UTIL_PATH_H

#include <sys/types.h>

struct error;

/* New string "a/b" (no doubled slash). */
char *path_join(const char *a, const char *b);
/* $XDG_DATA_HOME/charrette/charrette.db (or ~/.local/share/...). */
char *path_default_db(struct error *e);
/* $XDG_CONFIG_HOME/charrette/data (or ~/.config/...). */
char *path_user_data_dir(struct error *e);
/* $XDG_CACHE_HOME/charrette (or ~/.cache/charrette). */
char *path_user_cache_dir(struct error *e);
/* Shipped content: $CHARRETTE_DATADIR, the installed data, else the
 * source tree's data/ (so an uninstalled build finds its content). */
const char *path_data_dir(void);
/* mkdir -p with the given mode for every created component. */
int path_mkdir_p(const char *dir, mode_t mode, struct error *e);
/* Folder part of a path as a new string ("." when there is none). */
char *path_dirname(const char *path);
/* Last component of a path (a pointer into path). */
const char *path_basename(const char *path);

#endif

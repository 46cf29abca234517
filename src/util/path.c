/* path: XDG locations and folder creation. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"

char *path_join(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n && a[n - 1] == '/')
		return str_printf("%s%s", a, b);
	return str_printf("%s/%s", a, b);
}

static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home && *home)
		return home;
	pw = getpwuid(getuid());
	return pw && pw->pw_dir ? pw->pw_dir : NULL;
}

static char *xdg_dir(const char *var, const char *fallback, const char *tail,
		     struct error *e)
{
	const char *base = getenv(var);
	const char *home;

	/* The spec says relative values are invalid and must be ignored. */
	if (base && base[0] == '/')
		return path_join(base, tail);
	home = home_dir();
	if (!home) {
		err_set(e, ST_ERROR, _("cannot find a home folder: set $HOME or $%s"),
			var);
		return NULL;
	}
	return str_printf("%s/%s/%s", home, fallback, tail);
}

char *path_default_db(struct error *e)
{
	char *p = xdg_dir("XDG_DATA_HOME", ".local/share",
			  "charrette/charrette.db", e);

	if (!p && e && e->code == ST_OK)
		err_set(e, ST_ERROR, "%s", _("out of memory"));
	return p;
}

char *path_user_data_dir(struct error *e)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config", "charrette/data", e);
}

char *path_user_cache_dir(struct error *e)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache", "charrette", e);
}

static int has_content(const char *dir)
{
	char *probe = path_join(dir, "templates.yaml");
	int ok = probe && access(probe, R_OK) == 0;

	free(probe);
	return ok;
}

const char *path_data_dir(void)
{
	const char *env = getenv("CHARRETTE_DATADIR");

	if (env && *env)
		return env;
	if (has_content(PKGDATADIR))
		return PKGDATADIR;
	return SRCDATADIR;
}

int path_mkdir_p(const char *dir, mode_t mode, struct error *e)
{
	char *copy = str_dup(dir);
	char *p;

	if (!copy)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	for (p = copy + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;

			*p = '\0';
			if (mkdir(copy, mode) != 0 && errno != EEXIST) {
				err_set(e, ST_ERROR, _("cannot create folder %s: %s"),
					copy, strerror(errno));
				free(copy);
				return ST_ERROR;
			}
			*p = saved;
			if (!saved)
				break;
		}
	}
	free(copy);
	return ST_OK;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return str_dup(".");
	if (slash == path)
		return str_dup("/");
	return str_ndup(path, (size_t)(slash - path));
}

const char *path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

#include "config.h"
/*
 * interchange_file: the workshop as an interchange file, for `charrette
 * export --format yaml|json -o PATH` and the terminal's `:export yaml`
 * alike: the same writer, the same file name in a folder, the same
 * refusal to replace a file with other content unless forced.
 */

#include <stdlib.h>
#include <sys/stat.h>

#include "export/interchange.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"

const char *interchange_default_name(bool json)
{
	return json ? "workshop.json" : "workshop.yaml";
}

int interchange_render(const struct workshop_data *d, bool json,
		       struct buf *out, struct error *e)
{
	int rc;

	buf_puts(out, "");
	rc = json ? interchange_write_json(d, out, e)
		  : interchange_write_yaml(d, out, e);
	if (rc == ST_OK && out->oom)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	return rc;
}

int interchange_export(const struct workshop_data *d, bool json,
		       const char *path, bool force, char **written,
		       struct error *e)
{
	struct stat st;
	struct buf b;
	char *target, *dir = NULL;
	int rc;

	*written = NULL;
	buf_init(&b);
	rc = interchange_render(d, json, &b, e);
	if (rc < 0) {
		buf_free(&b);
		return rc;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		target = path_join(path, interchange_default_name(json));
	else
		target = str_dup(path);
	dir = target ? path_dirname(target) : NULL;
	if (!dir)
		rc = err_set(e, ST_ERROR, "%s", _("out of memory"));
	else if ((rc = path_mkdir_p(dir, 0777, e)) == ST_OK)
		rc = atomic_write(target, buf_str(&b), b.len,
				  force ? ATOMIC_OVERWRITE : 0, e);
	if (rc == ST_OK)
		*written = target;
	else
		free(target);
	free(dir);
	buf_free(&b);
	return rc;
}

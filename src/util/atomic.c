/* atomic: temp file + fsync + rename. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/str.h"

/* A file the caller named that is missing, in the way or not ours to read
 * is bad input (exit 2); only the system running short fails at run time. */
static enum status open_status(int err)
{
	switch (err) {
	case ENOENT:
		return ST_NOTFOUND;
	case ENOMEM:
	case EMFILE:
	case ENFILE:
	case EIO:
		return ST_ERROR;
	default:
		return ST_INPUT;
	}
}

int file_read_all(const char *path, char **out, size_t *len, struct error *e)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[8192];
	size_t n;
	struct stat st;

	*out = NULL;
	if (len)
		*len = 0;
	if (!f)
		return err_set(e, open_status(errno), "%s: %s", path,
			       strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return err_set(e, ST_INPUT, _("%s: is a folder, not a file"), path);
	}
	buf_init(&b);
	buf_puts(&b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		int saved = errno;

		fclose(f);
		buf_free(&b);
		return err_set(e, ST_ERROR, _("%s: read error: %s"), path,
			       strerror(saved));
	}
	fclose(f);
	if (b.oom) {
		buf_free(&b);
		return err_set(e, ST_ERROR, _("%s: out of memory"), path);
	}
	if (len)
		*len = b.len;
	*out = buf_detach(&b);
	return ST_OK;
}

static int same_content(const char *path, const char *data, size_t len)
{
	char *old = NULL;
	size_t oldlen = 0;
	int same;

	if (file_read_all(path, &old, &oldlen, NULL) < 0)
		return 0;
	same = oldlen == len && memcmp(old, data, len) == 0;
	free(old);
	return same;
}

int atomic_write(const char *path, const char *data, size_t len, int flags,
		 struct error *e)
{
	struct stat st;
	char *dir, *tmp;
	int fd;
	size_t off = 0;

	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode))
			return err_set(e, ST_INPUT,
				       _("%s is a symbolic link; refusing to write through it"),
				       path);
		if (!S_ISREG(st.st_mode))
			return err_set(e, ST_INPUT, _("%s exists and is not a regular file"),
				       path);
		if (same_content(path, data, len))
			return ST_OK;
		if (!(flags & ATOMIC_OVERWRITE))
			return err_set(e, ST_INPUT,
				       _("%s already exists with different content (use --force to replace it)"),
				       path);
	} else if (errno != ENOENT) {
		return err_set(e, ST_ERROR, "%s: %s", path, strerror(errno));
	}

	dir = path_dirname(path);
	tmp = dir ? str_printf("%s/.%s.XXXXXX", dir, path_basename(path)) : NULL;
	free(dir);
	if (!tmp)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, ST_ERROR, _("cannot write in the folder of %s: %s"), path,
			strerror(errno));
		free(tmp);
		return ST_ERROR;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			err_set(e, ST_ERROR, _("%s: write error: %s"), path,
				strerror(errno));
			goto fail;
		}
		off += (size_t)w;
	}
	/* mkstemp creates 0600; give the file the usual umask-based mode. */
	{
		mode_t um = umask(0);

		umask(um);
		if (fchmod(fd, 0666 & ~um) != 0) {
			err_set(e, ST_ERROR, "%s: %s", path, strerror(errno));
			goto fail;
		}
	}
	if (fsync(fd) != 0) {
		err_set(e, ST_ERROR, _("%s: cannot flush: %s"), path, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		err_set(e, ST_ERROR, _("%s: close: %s"), path, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		err_set(e, ST_ERROR, _("cannot rename into %s: %s"), path,
			strerror(errno));
		goto fail;
	}
	free(tmp);
	return ST_OK;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return ST_ERROR;
}

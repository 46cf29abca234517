/* atomic: temp file + fsync + rename, for one file or a set of them. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

/* ---- a set of files, all or nothing ----------------------------------- */

#define FS_TMP_PREFIX ".charrette-tmp-"
#define FS_JOURNAL ".charrette-journal"

struct fs_file {
	char *name;
	char *data;
	size_t len;
	size_t seq;     /* order of adding */
	char *tmp;      /* base name of its temporary file, once written */
};

struct fileset {
	char *dir;
	struct fs_file *v;
	size_t n, cap;
};

struct fileset *fileset_new(const char *dir)
{
	struct fileset *fs = calloc(1, sizeof(*fs));

	if (fs && !(fs->dir = str_dup(dir))) {
		free(fs);
		fs = NULL;
	}
	return fs;
}

void fileset_free(struct fileset **p)
{
	struct fileset *fs = p ? *p : NULL;

	if (!fs)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].name);
		free(fs->v[i].data);
		free(fs->v[i].tmp);
	}
	free(fs->v);
	free(fs->dir);
	free(fs);
	*p = NULL;
}

size_t fileset_count(const struct fileset *fs)
{
	size_t n = 0;

	/* Names added twice count once. */
	for (size_t i = 0; fs && i < fs->n; i++) {
		bool again = false;

		for (size_t j = i + 1; j < fs->n && !again; j++)
			again = strcmp(fs->v[i].name, fs->v[j].name) == 0;
		n += !again;
	}
	return n;
}

int fileset_add(struct fileset *fs, const char *name, const char *data,
		size_t len, struct error *e)
{
	struct fs_file *f;
	char *copy;

	if (!*name || name[0] == '.' || strpbrk(name, "/\t\n\r"))
		return err_set(e, ST_INPUT, "%s: not a file name this export can write",
			       name);
	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? 2 * fs->cap : 16;
		struct fs_file *v = realloc(fs->v, cap * sizeof(*v));

		if (!v)
			return err_set(e, ST_ERROR, "%s", _("out of memory"));
		fs->v = v;
		fs->cap = cap;
	}
	if (!(copy = malloc(len ? len : 1)))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (len)
		memcpy(copy, data, len);
	f = &fs->v[fs->n];
	memset(f, 0, sizeof(*f));
	if (!(f->name = str_dup(name))) {
		free(copy);
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	}
	f->data = copy;
	f->len = len;
	f->seq = fs->n++;
	return ST_OK;
}

static int cmp_name(const void *a, const void *b)
{
	const struct fs_file *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* In name order, and of a name added twice only the last. */
static void dedupe(struct fileset *fs)
{
	size_t k = 0;

	qsort(fs->v, fs->n, sizeof(*fs->v), cmp_name);
	for (size_t i = 0; i < fs->n; i++) {
		if (i + 1 < fs->n && strcmp(fs->v[i].name, fs->v[i + 1].name) == 0) {
			free(fs->v[i].name);
			free(fs->v[i].data);
			continue;
		}
		fs->v[k++] = fs->v[i];
	}
	fs->n = k;
}

/* A name of ours in dir: "DIR/NAME" (new string). */
static char *in_dir(const char *dir, const char *name)
{
	return path_join(dir, name);
}

static int write_fd(int fd, const char *data, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* An error writing `what` in dir, a full disk said as such. */
static int fs_io_err(struct error *e, const char *dir, const char *what,
		     int err)
{
	if (err == ENOSPC || err == EDQUOT)
		return err_set(e, ST_ERROR,
			       "%s/%s: %s: the disk is full (nothing of this export was written)",
			       dir, what, strerror(err));
	return err_set(e, ST_ERROR, "%s/%s: %s (nothing of this export was written)",
		       dir, what, strerror(err));
}

void atomic_crash_point(const char *where, size_t i)
{
	const char *s = getenv("CHARRETTE_TEST_CRASH");
	size_t k = strlen(where);

	if (s && strncmp(s, where, k) == 0 && s[k] == ':' &&
	    strtoul(s + k + 1, NULL, 10) == i)
		raise(SIGKILL);
}

/* Replay the journal of dir (held locked by the caller), then remove our
 * stray temporary files.  *did tells whether anything was done. */
static int recover_locked(const char *dir, int dfd, bool *did,
			  struct error *e)
{
	char *journal = in_dir(dir, FS_JOURNAL), *text = NULL;
	DIR *dp;
	struct dirent *de;
	size_t len;
	int rc = ST_OK;

	if (!journal)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (file_read_all(journal, &text, &len, NULL) == ST_OK) {
		*did = true;
		for (char *line = text; line && *line;) {
			char *nl = strchr(line, '\n'), *tab = strchr(line, '\t');

			if (nl)
				*nl = '\0';
			if (tab && !strchr(tab + 1, '/') && !strchr(line, '/')) {
				*tab = '\0';
				if (renameat(dfd, line, dfd, tab + 1) != 0 &&
				    errno != ENOENT) {
					rc = err_set(e, ST_ERROR,
						     "%s: cannot finish the interrupted export: %s",
						     dir, strerror(errno));
					break;
				}
			}
			line = nl ? nl + 1 : NULL;
		}
		free(text);
		if (rc == ST_OK && fsync(dfd) != 0 && errno != EINVAL)
			rc = err_set(e, ST_ERROR, "%s: cannot flush: %s", dir,
				     strerror(errno));
		if (rc == ST_OK && unlink(journal) != 0)
			rc = err_set(e, ST_ERROR, "%s: %s", journal,
				     strerror(errno));
	}
	free(journal);
	if (rc < 0)
		return rc;
	if (!(dp = fdopendir(dup(dfd))))
		return ST_OK;
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, FS_TMP_PREFIX,
			    sizeof(FS_TMP_PREFIX) - 1) != 0)
			continue;
		if (unlinkat(dfd, de->d_name, 0) == 0)
			*did = true;
	}
	closedir(dp);
	return ST_OK;
}

static int open_dir_locked(const char *dir, int *dfd, struct error *e)
{
	*dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*dfd < 0)
		return err_set(e, errno == ENOENT ? ST_NOTFOUND : ST_ERROR,
			       "%s: %s", dir, strerror(errno));
	/* Two exports into one folder take turns. */
	while (flock(*dfd, LOCK_EX) != 0) {
		if (errno == EINTR)
			continue;
		if (errno == ENOLCK || errno == EOPNOTSUPP)
			break;
		err_set(e, ST_ERROR, "%s: cannot lock: %s", dir, strerror(errno));
		close(*dfd);
		*dfd = -1;
		return ST_ERROR;
	}
	return ST_OK;
}

int fileset_recover(const char *dir, bool *recovered, struct error *e)
{
	bool did = false;
	int dfd, rc;

	if (recovered)
		*recovered = false;
	rc = open_dir_locked(dir, &dfd, e);
	if (rc == ST_NOTFOUND)
		return ST_OK;
	if (rc < 0)
		return rc;
	rc = recover_locked(dir, dfd, &did, e);
	close(dfd);
	if (recovered)
		*recovered = did;
	return rc;
}

/* Refuse, before anything is written, a target that is not a regular
 * file (a symlink is never written through). */
static int check_targets(const struct fileset *fs, int dfd, struct error *e)
{
	for (size_t i = 0; i < fs->n; i++) {
		struct stat st;

		if (fstatat(dfd, fs->v[i].name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			if (errno == ENOENT)
				continue;
			return err_set(e, ST_ERROR, "%s/%s: %s", fs->dir,
				       fs->v[i].name, strerror(errno));
		}
		if (S_ISLNK(st.st_mode))
			return err_set(e, ST_INPUT,
				       "%s/%s is a symbolic link; refusing to write through it (nothing was written)",
				       fs->dir, fs->v[i].name);
		if (!S_ISREG(st.st_mode))
			return err_set(e, ST_INPUT,
				       "%s/%s exists and is not a regular file (nothing was written)",
				       fs->dir, fs->v[i].name);
	}
	return ST_OK;
}

/* A new temporary file in dfd holding data; its base name in *tmp. */
static int write_temp(int dfd, const char *name, const char *data,
		      size_t len, mode_t mode, bool sync_each, char **tmp)
{
	char *base;
	int fd = -1, err;

	for (unsigned attempt = 0; attempt < 100; attempt++) {
		base = str_printf(FS_TMP_PREFIX "%s.%06lx", name,
				  (unsigned long)((unsigned)rand() ^
						  ((unsigned)getpid() << 8) ^
						  attempt) & 0xFFFFFFUL);
		if (!base)
			return ENOMEM;
		fd = openat(dfd, base, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			    mode);
		if (fd >= 0)
			break;
		err = errno;
		free(base);
		base = NULL;
		if (err != EEXIST)
			return err;
	}
	if (fd < 0)
		return EEXIST;
	*tmp = base;
	if (write_fd(fd, data, len) != 0 || fchmod(fd, mode) != 0 ||
	    (sync_each && fsync(fd) != 0)) {
		err = errno;
		close(fd);
		return err;
	}
	if (close(fd) != 0)
		return errno;
	return 0;
}

/* Every byte written so far on its way to the disk: one syncfs, or an
 * fsync per temporary file where there is none. */
static int sync_all(int dfd)
{
#ifdef __linux__
	return syncfs(dfd);
#else
	(void)dfd;
	return 0;
#endif
}

static void drop_temps(struct fileset *fs, int dfd)
{
	for (size_t i = 0; i < fs->n; i++) {
		if (fs->v[i].tmp)
			unlinkat(dfd, fs->v[i].tmp, 0);
		free(fs->v[i].tmp);
		fs->v[i].tmp = NULL;
	}
}

/* Write the temporary files and the journal (not yet in place). */
static int stage(struct fileset *fs, int dfd, char **jtmp, struct error *e)
{
	mode_t um = umask(0), mode;
	struct buf j;
#ifdef __linux__
	const bool sync_each = false;
#else
	const bool sync_each = true;
#endif
	int err;

	umask(um);
	mode = 0666 & ~um;
	*jtmp = NULL;
	for (size_t i = 0; i < fs->n; i++) {
		err = write_temp(dfd, fs->v[i].name, fs->v[i].data,
				 fs->v[i].len, mode, sync_each, &fs->v[i].tmp);
		if (err)
			return fs_io_err(e, fs->dir, fs->v[i].name, err);
	}
	if (fs->n < 2)
		return ST_OK;
	buf_init(&j);
	for (size_t i = 0; i < fs->n; i++)
		buf_printf(&j, "%s\t%s\n", fs->v[i].tmp, fs->v[i].name);
	err = j.oom ? ENOMEM :
		write_temp(dfd, "journal", buf_str(&j), j.len, mode, sync_each,
			   jtmp);
	buf_free(&j);
	if (err)
		return fs_io_err(e, fs->dir, FS_JOURNAL, err);
	return ST_OK;
}

int fileset_commit(struct fileset *fs, struct error *e)
{
	char *jtmp = NULL;
	bool did = false;
	int dfd, rc;

	if (!fs->n)
		return ST_OK;
	dedupe(fs);
	if ((rc = open_dir_locked(fs->dir, &dfd, e)) < 0)
		return rc == ST_NOTFOUND ? ST_INPUT : rc;
	if ((rc = recover_locked(fs->dir, dfd, &did, e)) < 0 ||
	    (rc = check_targets(fs, dfd, e)) < 0)
		goto out;
	if ((rc = stage(fs, dfd, &jtmp, e)) < 0)
		goto undo;
	if (sync_all(dfd) != 0) {
		rc = fs_io_err(e, fs->dir, ".", errno);
		goto undo;
	}
	/* The commit point: the journal in place and on disk. */
	atomic_crash_point("fileset-staged", 0);
	if (jtmp && (renameat(dfd, jtmp, dfd, FS_JOURNAL) != 0 ||
		     fsync(dfd) != 0)) {
		rc = fs_io_err(e, fs->dir, FS_JOURNAL, errno);
		unlinkat(dfd, FS_JOURNAL, 0);
		goto undo;
	}
	free(jtmp);
	jtmp = NULL;
	for (size_t i = 0; i < fs->n; i++) {
		atomic_crash_point("fileset", i);
		if (renameat(dfd, fs->v[i].tmp, dfd, fs->v[i].name) != 0) {
			/* The journal stays: the next recovery finishes. */
			rc = err_set(e, ST_ERROR,
				     "%s/%s: cannot rename into place: %s (the next export finishes the set)",
				     fs->dir, fs->v[i].name, strerror(errno));
			goto out;
		}
		free(fs->v[i].tmp);
		fs->v[i].tmp = NULL;
	}
	if (fsync(dfd) != 0 && errno != EINVAL) {
		rc = err_set(e, ST_ERROR, "%s: cannot flush: %s", fs->dir,
			     strerror(errno));
		goto out;
	}
	if (fs->n > 1)
		unlinkat(dfd, FS_JOURNAL, 0);
	rc = ST_OK;
	goto out;
undo:
	if (jtmp)
		unlinkat(dfd, jtmp, 0);
	drop_temps(fs, dfd);
out:
	free(jtmp);
	close(dfd);
	return rc;
}

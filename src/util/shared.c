/* shared: group permissions and filesystem checks for a database file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/shared.h"
#include "util/str.h"

/* Filesystem magic numbers (statfs(2)) where SQLite's WAL is unsafe: the
 * shared-memory index needs all processes on one host. */
static const struct {
	unsigned long magic;
	const char *name;
} netfs[] = {
	{ 0x6969, "NFS" },
	{ 0x517B, "SMB" },
	{ 0xFF534D42UL, "CIFS" },
	{ 0xFE534D42UL, "SMB2" },
	{ 0x65735546, N_("FUSE (sshfs or similar)") },
	{ 0x564c, "NCP" },
	{ 0x6B414653, "AFS" },
	{ 0x47504653, "GPFS" },
	{ 0x00C36400, "CephFS" },
	{ 0x0BD00BD0, "Lustre" },
};

static void warn(struct strv *w, char *msg)
{
	if (msg) {
		strv_push(w, msg);
		free(msg);
	}
}

static const char *group_name(gid_t gid, char *buf, size_t size)
{
	struct group *g = getgrgid(gid);

	if (g && g->gr_name)
		return g->gr_name;
	snprintf(buf, size, "%ld", (long)gid);
	return buf;
}

static void check_file(const char *file, const struct stat *dst,
		       struct strv *w)
{
	struct stat st;
	char gbuf[32];

	if (stat(file, &st) != 0)
		return;
	if (!(st.st_mode & S_IWGRP))
		warn(w, str_printf(_("%s is not group-writable, so other members of "
				     "group %s cannot save; run: chmod g+w %s"),
				   file, group_name(dst->st_gid, gbuf, sizeof(gbuf)),
				   file));
	else if (st.st_gid != dst->st_gid)
		warn(w, str_printf(_("%s belongs to group %s, not to the folder's "
				     "group %s; run: chgrp %s %s"), file,
				   group_name(st.st_gid, gbuf, sizeof(gbuf)),
				   group_name(dst->st_gid, gbuf, sizeof(gbuf)),
				   group_name(dst->st_gid, gbuf, sizeof(gbuf)),
				   file));
}

int shared_prepare_db(const char *path, struct strv *warnings,
		      struct error *e)
{
	char *dir = path_dirname(path);
	struct stat dst, st;
	struct statfs fs;
	bool group_dir;

	if (!dir)
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	if (stat(dir, &dst) != 0) {
		free(dir);
		return ST_OK;   /* the store reports a missing folder */
	}
	/* A world-writable folder (/tmp) is nobody's group folder. */
	group_dir = ((dst.st_mode & S_IWGRP) || (dst.st_mode & S_ISGID)) &&
		    !(dst.st_mode & S_IWOTH);
	if (group_dir && stat(path, &st) != 0 && errno == ENOENT) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);

		if (fd >= 0) {
			/* The umask has masked the mode; set it as meant. */
			if (fchmod(fd, 0660) != 0 || close(fd) != 0) {
				int saved = errno;

				unlink(path);
				free(dir);
				return err_set(e, ST_ERROR, "%s: %s", path,
					       strerror(saved));
			}
		}
	}
	if (group_dir) {
		char *wal = str_printf("%s-wal", path);
		char *shm = str_printf("%s-shm", path);

		if (!(dst.st_mode & S_ISGID) && (dst.st_mode & S_IWGRP))
			warn(warnings, str_printf(
				_("folder %s is group-writable but has no setgid bit, "
				  "so files others create may get the wrong group; "
				  "run: chmod g+s %s"), dir, dir));
		check_file(path, &dst, warnings);
		if (wal)
			check_file(wal, &dst, warnings);
		if (shm)
			check_file(shm, &dst, warnings);
		free(wal);
		free(shm);
	}
	if (statfs(dir, &fs) == 0) {
		for (size_t i = 0; i < sizeof(netfs) / sizeof(netfs[0]); i++) {
			if ((unsigned long)fs.f_type == netfs[i].magic) {
				warn(warnings, str_printf(
					_("%s is on a network filesystem (%s): SQLite's "
					  "write-ahead log is not safe there when people "
					  "work from several machines; keep the database "
					  "on a local disk of the shared box"), path,
					_(netfs[i].name)));
				break;
			}
		}
	}
	free(dir);
	return ST_OK;
}

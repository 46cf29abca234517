/* ioerr: naming a full disk. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/ioerr.h"

bool ioerr_is_full(int err)
{
	return err == ENOSPC || err == EDQUOT;
}

void ioerr_name_full(struct error *e)
{
	const char *prefix = _("disk full: ");
	char msg[sizeof(e->msg)];

	if (!e || !e->msg[0] || strncmp(e->msg, prefix, strlen(prefix)) == 0)
		return;
	if (!strstr(e->msg, strerror(ENOSPC)) && !strstr(e->msg, strerror(EDQUOT)))
		return;
	snprintf(msg, sizeof(msg), "%s%s", prefix, e->msg);
	memcpy(e->msg, msg, sizeof(msg));
}

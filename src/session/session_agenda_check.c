#include "config.h"
/*
 * session_agenda_check: may this participant change the agenda?  The Room
 * screen asks before it opens an editor, so that nobody types a timebox
 * only to be refused when saving; the reason is the one the agenda's
 * writes give (sess_room_refuse_role).
 */

#include "session/session_int.h"
#include "util/i18n.h"

int session_agenda_check(struct session *s, struct sess_result *r)
{
	sess_result_clear(r);
	if (sess_room_refuse_role(s, _("changes the agenda"), r))
		return r->code;
	return ST_OK;
}

#include "config.h"
/*
 * session_follow: follow mode while the participant is busy.  Following
 * never moves someone whose editor or dialog is open: the facilitator's
 * newest position waits (session_follow_next hands it over once they
 * close it), and they are told once per move where the facilitator went.
 */

#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"

bool session_follow_waiting(struct session *s, char **screen)
{
	char *scr = NULL, *sel = NULL, *pos;
	bool news;

	*screen = NULL;
	if (!s->following || !session_facilitator_position(s, &scr, &sel))
		return false;
	pos = str_printf("%s|%s", scr, sel);
	free(sel);
	news = pos && !str_eq(pos, s->followed) && !str_eq(pos, s->follow_told);
	if (news) {
		free(s->follow_told);
		s->follow_told = pos;
		*screen = scr;
		return true;
	}
	free(pos);
	free(scr);
	return false;
}

bool session_follow_told(const struct session *s, const char *screen,
			 const char *selection)
{
	char *pos = str_printf("%s|%s", screen ? screen : "",
			       selection ? selection : "");
	bool told = pos && str_eq(pos, s->follow_told);

	free(pos);
	return told;
}

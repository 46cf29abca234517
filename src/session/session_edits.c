#include "config.h"
/*
 * session_edits: what a participant's edits need to know about the others'
 * on a shared box.  Conflicts go per field: an edit that names no starting
 * value still conflicts only when its own field changed since the data it
 * started from was loaded (the audit log says which fields changed).
 */

#include <stdlib.h>
#include <string.h>

#include "session/session_int.h"
#include "store/store.h"
#include "util/i18n.h"

/* How far back the history is read for it; beyond, assume it changed. */
#define SINCE_LIMIT 500

bool sess_field_changed_since_load(struct session *s, const char *table,
				   int64_t id, const char *field)
{
	struct audit_entry *list = NULL;
	struct error e;
	size_t n = 0, i;
	bool changed = false;

	err_clear(&e);
	if (store_audit_list(s->store, s->ws, NULL, SINCE_LIMIT, &list, &n,
			     &e) < 0)
		return true;
	for (i = 0; i < n && list[i].id > s->stamp && !changed; i++)
		changed = str_eq(list[i].tbl, table) && list[i].row == id &&
			  (!list[i].field || str_eq(list[i].field, field));
	/* Every row read is newer than the load: there may be more. */
	if (!changed && i == SINCE_LIMIT)
		changed = true;
	store_audit_list_free(&list, n);
	return changed;
}

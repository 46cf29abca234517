#include "config.h"
/* entry: an explicit entry mode over a screen (see entry.h). */

#include <stdlib.h>

#include "tui/widgets/entry.h"
#include "util/i18n.h"
#include "util/str.h"

struct entry {
	struct modal m;
	char *title;
	entry_fn fn;
};

/* Nothing over the screen: it shows its cursor and says it is in the
 * mode; the status bar lists the mode's keys. */
static void entry_draw(struct modal *m, struct app *a, int h, int w)
{
	(void)m;
	(void)a;
	(void)h;
	(void)w;
}

static enum modal_result entry_key(struct modal *m, struct app *a, int key)
{
	struct entry *en = (struct entry *)m;
	enum action act = keys_lookup(m->scope, key);
	char nm[32];

	if (act == A_CANCEL)
		return MODAL_OK;
	if (act == A_NONE) {
		key_describe(key, nm, sizeof(nm));
		app_msg(a, MSG_WARN, _("%s does nothing here: Esc leaves %s"), nm,
			en->title);
		return MODAL_CONTINUE;
	}
	return en->fn(a, act, key);
}

static void entry_free(struct modal *m)
{
	free(((struct entry *)m)->title);
}

static const struct modal_ops entry_ops = {
	entry_draw, entry_key, NULL, entry_free
};

struct modal *entry_new(enum scope sc, const char *title, entry_fn fn)
{
	struct entry *en = calloc(1, sizeof(*en));

	if (!en)
		return NULL;
	en->m.ops = &entry_ops;
	en->m.scope = sc;
	en->fn = fn;
	en->title = str_dup(title);
	if (!en->title) {
		free(en);
		return NULL;
	}
	return &en->m;
}

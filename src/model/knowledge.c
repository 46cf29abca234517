/* knowledge: freeing conditions and the names of knowledge enums. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/knowledge.h"
#include "util/error.h"
#include "util/i18n.h"

void cond_clear(struct cond *c)
{
	if (!c)
		return;
	free(c->question);
	value_clear(&c->arg);
	for (size_t i = 0; i < c->n_sub; i++)
		cond_clear(&c->sub[i]);
	free(c->sub);
	free(c->at.file);
	memset(c, 0, sizeof(*c));
}

static const char *const kind_ids[Q_KIND_COUNT] = {
	"text", "longtext", "number", "choice", "multichoice", "scale"
};

const char *question_kind_id(enum question_kind k)
{
	return (unsigned)k < Q_KIND_COUNT ? kind_ids[k] : "text";
}

int question_kind_from_id(const char *s, enum question_kind *out)
{
	for (int i = 0; s && i < Q_KIND_COUNT; i++) {
		if (strcmp(s, kind_ids[i]) == 0) {
			*out = (enum question_kind)i;
			return ST_OK;
		}
	}
	return ST_INPUT;
}

static const char *const band_labels_c[] = {
	[BAND_NONE] = "-", [BAND_LOW] = N_("Low"), [BAND_MEDIUM] = N_("Medium"),
	[BAND_HIGH] = N_("High"), [BAND_ELITE] = N_("Elite")
};

const char *band_label_c(enum band b)
{
	return (unsigned)b < sizeof(band_labels_c) / sizeof(band_labels_c[0])
	       ? band_labels_c[b] : "-";
}

const char *band_label(enum band b)
{
	return b == BAND_NONE ? "-" : _(band_label_c(b));
}

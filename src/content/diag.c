/*
 * content/diag: the list of problems found while loading content, each
 * different one kept once with a count of how often it came (see
 * content.h), looked up through a small hash table.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "util/i18n.h"

void diag_clear(struct diag *d)
{
	if (!d)
		return;
	free(d->v);
	free(d->times);
	free(d->slots);
	memset(d, 0, sizeof(*d));
}

static size_t diag_hash(const struct error *e)
{
	size_t h = 1469598103934665603u;

	for (const char *p = e->file; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (const char *p = e->msg; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	return h ^ ((size_t)e->line * 31u + (size_t)e->col) ^ (size_t)e->code;
}

static bool same(const struct error *a, const struct error *b)
{
	return a->code == b->code && a->line == b->line && a->col == b->col &&
	       strcmp(a->file, b->file) == 0 && strcmp(a->msg, b->msg) == 0;
}

/* The slot of e: where it is, or the empty one where it would go. */
static size_t *slot_of(const struct diag *d, const struct error *e)
{
	size_t mask = d->n_slots - 1, i = diag_hash(e) & mask;

	while (d->slots[i] && !same(&d->v[d->slots[i] - 1], e))
		i = (i + 1) & mask;
	return &d->slots[i];
}

/* Keep the table at most half full. */
static int grow_slots(struct diag *d)
{
	size_t n = d->n_slots ? d->n_slots * 2 : 64;
	size_t *old = d->slots, old_n = d->n_slots;

	if (d->n_slots && (d->n + 1) * 2 <= d->n_slots)
		return ST_OK;
	if (!(d->slots = calloc(n, sizeof(*d->slots)))) {
		d->slots = old;
		return ST_ERROR;
	}
	d->n_slots = n;
	for (size_t i = 0; i < old_n; i++)
		if (old[i])
			*slot_of(d, &d->v[old[i] - 1]) = old[i];
	free(old);
	return ST_OK;
}

int diag_add(struct diag *d, const struct error *e)
{
	struct error *nv;
	size_t *nt, *slot;

	if (d->n_slots && *(slot = slot_of(d, e))) {
		d->times[*slot - 1]++;
		return ST_OK;
	}
	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return ST_OK;
	}
	if (grow_slots(d) < 0)
		return ST_ERROR;
	if (!(nv = realloc(d->v, (d->n + 1) * sizeof(*nv))))
		return ST_ERROR;
	d->v = nv;
	if (!(nt = realloc(d->times, (d->n + 1) * sizeof(*nt))))
		return ST_ERROR;
	d->times = nt;
	d->v[d->n] = *e;
	d->times[d->n] = 1;
	*slot_of(d, e) = ++d->n;
	return ST_OK;
}

const char *diag_format(const struct diag *d, size_t i, char *buf,
			size_t size)
{
	size_t len;

	err_format(&d->v[i], buf, size);
	len = strlen(buf);
	if (d->times && d->times[i] > 1 && len < size)
		snprintf(buf + len, size - len, _(" (reported %zu times)"),
			 d->times[i]);
	return buf;
}

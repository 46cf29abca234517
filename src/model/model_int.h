/*
 * model_int: what the parts of the model share (model.c, model_index.c,
 * model_room.c): enum name lookup, optional string copies, growing arrays.
 * Internal to src/model.
 */
#ifndef CHARRETTE_MODEL_INT_H
#define CHARRETTE_MODEL_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

/* Index of s in names (any case), -1 when absent or s is NULL. */
int model_lookup(const char *const *names, int n, const char *s);
/* Copy an optional string; false on OOM. */
bool model_dup_opt(char **dst, const char *src);
/* Grow an array by one zeroed element; NULL on OOM. */
void *model_grow(void **arr, size_t *n, size_t size);

#define CLEAR_ARRAY(arr, n, fn)                         \
	do {                                            \
		for (size_t i_ = 0; i_ < (n); i_++)     \
			fn(&(arr)[i_]);                 \
		free(arr);                              \
	} while (0)

#define ADDER(fn, type, field, count)                                   \
	type *fn(struct workshop_data *d)                               \
	{                                                               \
		return model_grow((void **)&d->field, &d->count, sizeof(type)); \
	}

#endif

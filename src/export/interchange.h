/*
 * interchange: a whole workshop as one YAML document (JSON accepted on
 * input), the format of `charrette import` and `export --format yaml|json`
 * and of data/demo.yaml.  Reading validates everything and reports the
 * first problem as file:line:col; nothing is returned on error.
 */
#ifndef CHARRETTE_EXPORT_INTERCHANGE_H
#define CHARRETTE_EXPORT_INTERCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/str.h"

struct error;

int interchange_read_file(const char *path, struct workshop_data **out,
			  struct error *e);
/* name is used in error messages as the file. */
int interchange_read_buffer(const char *name, const char *data, size_t len,
			    struct workshop_data **out, struct error *e);
int interchange_write_yaml(const struct workshop_data *d, struct buf *out,
			   struct error *e);
int interchange_write_json(const struct workshop_data *d, struct buf *out,
			   struct error *e);

/* Helpers for other JSON/YAML writers (score --format json):
 * v as the shortest text that reads back to the same double, always with
 * '.' (an exponent gets one too: "1.0e+20"); s as a JSON string literal,
 * quotes included, control characters escaped, UTF-8 kept. */
void interchange_number(char *buf, size_t size, double v);
int interchange_json_string(struct buf *out, const char *s);

/* The workshop as YAML (json false) or JSON into out
 * (interchange_file.c). */
int interchange_render(const struct workshop_data *d, bool json,
		       struct buf *out, struct error *e);
/* ... written to path, or to interchange_default_name() in it when path
 * is a folder: folders created, atomically; a file with other content is
 * refused (ST_INPUT) unless force.  *written: the file (new string). */
int interchange_export(const struct workshop_data *d, bool json,
		       const char *path, bool force, char **written,
		       struct error *e);
const char *interchange_default_name(bool json);

/* The largest workshop file read (16 MiB): a real one is a few dozen KiB. */
#define INTERCHANGE_MAX_BYTES (16 << 20)

#endif

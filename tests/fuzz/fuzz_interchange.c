#include "config.h"
/*
 * fuzz_interchange: libFuzzer harness of the workshop interchange reader
 * (interchange_read_buffer).  Whatever reads must be a fixed point of the
 * writers: its YAML, read back and written again, gives the same text byte
 * for byte, and so does its JSON read back and written as YAML.  Whatever
 * does not read must say why, and return nothing.
 */

#include <string.h>

#include "export/interchange.h"
#include "model/model.h"
#include "util/error.h"
#include "util/str.h"
#include "fuzz.h"

typedef int (*writer_fn)(const struct workshop_data *, struct buf *,
			 struct error *);

/* Write d with w, read that back and write it as YAML into *yaml. */
static void rewrite(const struct workshop_data *d, writer_fn w,
		    const char *name, struct buf *yaml)
{
	struct workshop_data *back = NULL;
	struct buf text;
	struct error e;
	char msg[2048];
	int rc;

	buf_init(&text);
	err_clear(&e);
	rc = w(d, &text, &e);
	FUZZ_CHECK(rc == ST_OK, "%s writer: %s", name,
		   err_format(&e, msg, sizeof(msg)));
	rc = interchange_read_buffer(name, text.data ? text.data : "",
				     text.len, &back, &e);
	FUZZ_CHECK(rc == ST_OK && back, "own %s output does not read: %s\n%s",
		   name, err_format(&e, msg, sizeof(msg)), buf_str(&text));
	rc = interchange_write_yaml(back, yaml, &e);
	FUZZ_CHECK(rc == ST_OK, "yaml writer after %s: %s", name,
		   err_format(&e, msg, sizeof(msg)));
	wsdata_free(&back);
	buf_free(&text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct workshop_data *d = NULL;
	struct buf first, again, via_json;
	struct error e;
	char msg[2048];
	int rc;

	err_clear(&e);
	rc = interchange_read_buffer("fuzz.yaml", (const char *)data, size,
				     &d, &e);
	/* FUZZ_VERBOSE=1: show what an input does, for triage. */
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "interchange_read_buffer: %d%s%s\n", rc,
			rc ? ": " : "",
			rc ? err_format(&e, msg, sizeof(msg)) : "");
	if (rc != ST_OK) {
		FUZZ_CHECK(rc == ST_INPUT, "status %d: %s", rc,
			   err_format(&e, msg, sizeof(msg)));
		FUZZ_CHECK(d == NULL, "a failed read returned a workshop");
		FUZZ_CHECK(e.msg[0] != '\0', "an error without a message");
		return 0;
	}
	FUZZ_CHECK(d != NULL, "a successful read returned nothing");
	buf_init(&first);
	buf_init(&again);
	buf_init(&via_json);
	rc = interchange_write_yaml(d, &first, &e);
	FUZZ_CHECK(rc == ST_OK, "yaml writer: %s",
		   err_format(&e, msg, sizeof(msg)));
	rewrite(d, interchange_write_yaml, "again.yaml", &again);
	FUZZ_CHECK(strcmp(buf_str(&first), buf_str(&again)) == 0,
		   "yaml round trip differs:\n--- first\n%s--- again\n%s",
		   buf_str(&first), buf_str(&again));
	rewrite(d, interchange_write_json, "again.json", &via_json);
	FUZZ_CHECK(strcmp(buf_str(&first), buf_str(&via_json)) == 0,
		   "json round trip differs:\n--- yaml\n%s--- via json\n%s",
		   buf_str(&first), buf_str(&via_json));
	buf_free(&first);
	buf_free(&again);
	buf_free(&via_json);
	wsdata_free(&d);
	return 0;
}

#include "config.h"
/* yaml_depth: the nesting limit checked on libyaml's event stream. */

#include <stdbool.h>
#include <yaml.h>

#include "util/i18n.h"
#include "util/yaml_depth.h"

int yaml_depth_check(const char *name, const char *data, size_t len,
		     struct error *e)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, rc = ST_OK;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return err_set(e, ST_ERROR, "%s", _("out of memory"));
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev))
			break;  /* a syntax error: the loader says it */
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > YAML_MAX_DEPTH) {
				rc = err_setloc(e, ST_INPUT, name,
						(int)ev.start_mark.line + 1,
						(int)ev.start_mark.column + 1,
						_("nested more than %d levels deep"),
						YAML_MAX_DEPTH);
				done = true;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc;
}

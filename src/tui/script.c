#include "config.h"
/*
 * script: parse a key script into events up front, so a typo in a test
 * script fails before anything is drawn.
 */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/keys.h"
#include "tui/script.h"
#include "util/atomic.h"
#include "util/error.h"
#include "util/str.h"
#include "util/utf8.h"

static struct sevent *add(struct script *s)
{
	struct sevent *p = realloc(s->ev, (s->n + 1) * sizeof(*p));

	if (!p)
		return NULL;
	s->ev = p;
	memset(&p[s->n], 0, sizeof(*p));
	return &p[s->n++];
}

static int add_key(struct script *s, int key, int line, struct error *e)
{
	struct sevent *ev = add(s);

	if (!ev)
		return err_set(e, ST_ERROR, "out of memory");
	ev->kind = SEV_KEY;
	ev->key = key;
	ev->line = line;
	return ST_OK;
}

static int type_text(struct script *s, const char *t, int line,
		     struct error *e)
{
	size_t len = strlen(t), off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(t + off, len - off, &cp);

		if (n == 0)
			return err_setloc(e, ST_INPUT, s->path, line,
					  (int)off + 1, "invalid UTF-8");
		if (add_key(s, (int)cp, line, e) < 0)
			return ST_ERROR;
		off += n;
	}
	return ST_OK;
}

/* A mouse event at column x, row y: button 1, or the wheel (4, 5). */
static int add_mouse(struct script *s, int x, int y, int button, int line,
		     struct error *e)
{
	struct sevent *ev = add(s);

	if (!ev)
		return err_set(e, ST_ERROR, "out of memory");
	ev->kind = SEV_CLICK;
	ev->a = x;
	ev->b = y;
	ev->c = button;
	ev->line = line;
	return ST_OK;
}

static int parse_line(struct script *s, char *l, int line, struct error *e)
{
	struct sevent *ev;
	int a, b;
	char sig[16];

	if (l[0] == ':') {
		ev = add(s);
		if (!ev || !(ev->command = str_dup(str_trim(l + 1))))
			return err_set(e, ST_ERROR, "out of memory");
		ev->kind = SEV_COMMAND;
		ev->line = line;
		return ST_OK;
	}
	if (strncmp(l, "type:", 5) == 0)
		return type_text(s, l[5] == ' ' ? l + 6 : l + 5, line, e);
	if (sscanf(l, "<Resize %dx%d>", &a, &b) == 2) {
		ev = add(s);
		if (!ev)
			return err_set(e, ST_ERROR, "out of memory");
		ev->kind = SEV_RESIZE;
		ev->a = a;
		ev->b = b;
		ev->line = line;
		if (a < 1 || b < 1 || a > 1000 || b > 1000)
			return err_setloc(e, ST_INPUT, s->path, line, 1,
					  "bad size in %s", l);
		return ST_OK;
	}
	if (sscanf(l, "<Click %d,%d>", &a, &b) == 2)
		return add_mouse(s, a, b, 1, line, e);
	if (strncmp(l, "<Mouse:", 7) == 0) {
		int c, end = 0;

		if (sscanf(l, "<Mouse:%d,%d,%d>%n", &a, &b, &c, &end) != 3 ||
		    !end || l[end] || (c != 1 && c != 4 && c != 5) || a < 0 ||
		    b < 0)
			return err_setloc(e, ST_INPUT, s->path, line, 1,
					  "bad mouse event %s (<Mouse:X,Y,B>: B 1 press, 4 wheel up, 5 wheel down)",
					  l);
		return add_mouse(s, a, b, c, line, e);
	}
	if (sscanf(l, "<Signal %15[A-Z]>", sig) == 1) {
		ev = add(s);
		if (!ev)
			return err_set(e, ST_ERROR, "out of memory");
		ev->kind = SEV_SIGNAL;
		ev->line = line;
		if (strcmp(sig, "HUP") == 0)
			ev->a = SIGHUP;
		else if (strcmp(sig, "TERM") == 0)
			ev->a = SIGTERM;
		else
			return err_setloc(e, ST_INPUT, s->path, line, 1,
					  "unknown signal %s (HUP or TERM)", sig);
		return ST_OK;
	}
	/* Keys: <Name> tokens and plain characters. */
	for (char *p = l; *p; ) {
		if (*p == '<') {
			char *end = strchr(p, '>');
			int key;

			if (!end)
				return err_setloc(e, ST_INPUT, s->path, line,
						  (int)(p - l) + 1,
						  "unterminated key name (use <lt> for '<')");
			{
				char save = end[1];

				end[1] = '\0';
				key = key_parse(p);
				end[1] = save;
			}
			if (key < 0)
				return err_setloc(e, ST_INPUT, s->path, line,
						  (int)(p - l) + 1,
						  "unknown key %.*s",
						  (int)(end - p + 1), p);
			if (add_key(s, key, line, e) < 0)
				return ST_ERROR;
			p = end + 1;
		} else {
			uint32_t cp;
			size_t n = utf8_decode(p, strlen(p), &cp);

			if (n == 0)
				return err_setloc(e, ST_INPUT, s->path, line,
						  (int)(p - l) + 1,
						  "invalid UTF-8");
			if (add_key(s, (int)cp, line, e) < 0)
				return ST_ERROR;
			p += n;
		}
	}
	return ST_OK;
}

int script_load(const char *path, struct script **out, struct error *e)
{
	struct script *s;
	char *data = NULL, *p, *nl;
	size_t len = 0;
	int line = 0, rc = ST_OK;

	*out = NULL;
	if (file_read_all(path, &data, &len, e) < 0)
		return e->code ? e->code : ST_ERROR;
	s = calloc(1, sizeof(*s));
	if (!s || !(s->path = str_dup(path))) {
		free(s);
		free(data);
		return err_set(e, ST_ERROR, "out of memory");
	}
	for (p = data; p && *p; p = nl ? nl + 1 : NULL) {
		char *t;
		size_t tl;

		line++;
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		/* Keep leading spaces of "type:" text but drop CR and the
		 * trailing blanks editors leave. */
		tl = strlen(p);
		while (tl > 0 && (p[tl - 1] == '\r' || p[tl - 1] == ' ' ||
				  p[tl - 1] == '\t'))
			p[--tl] = '\0';
		t = p;
		while (*t == ' ' || *t == '\t')
			t++;
		if (*t == '\0' || *t == '#')
			continue;
		rc = parse_line(s, t, line, e);
		if (rc < 0)
			break;
	}
	free(data);
	if (rc < 0) {
		script_free(&s);
		return rc;
	}
	*out = s;
	return ST_OK;
}

void script_free(struct script **sp)
{
	struct script *s = *sp;

	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->ev[i].command);
	free(s->ev);
	free(s->path);
	free(s);
	*sp = NULL;
}

const struct sevent *script_next(struct script *s)
{
	return s->next < s->n ? &s->ev[s->next++] : NULL;
}

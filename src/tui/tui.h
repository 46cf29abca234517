/*
 * tui: the full-screen terminal application.  main() hands it the parsed
 * options; it owns the terminal until it returns an exit code.
 */
#ifndef CHARRETTE_TUI_H
#define CHARRETTE_TUI_H

#include <stdbool.h>
#include <stdint.h>

struct store;
struct knowledge;

struct tui_opts {
	struct store *store;          /* open database */
	struct knowledge *k;          /* loaded content */
	int64_t workshop;             /* 0 = start on the workshop list */
	const char *who;              /* participant name */
	bool read_only;
	bool demo;                    /* opened with --demo */
};

/* Returns the process exit code. */
int tui_run(const struct tui_opts *o);

#endif

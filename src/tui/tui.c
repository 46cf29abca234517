/* tui: placeholder until the terminal issue lands. */
#include "config.h"

#include <stdio.h>

#include "tui/tui.h"

int tui_run(const struct tui_opts *o)
{
	(void)o;
	fprintf(stderr, "charrette: the terminal interface is not built yet; use the verbs (charrette --help)\n");
	return 1;
}

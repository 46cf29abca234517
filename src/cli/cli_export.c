/* cli_export: placeholder until its issue lands. */
#include "config.h"
#include "cli/cli.h"

int cli_export(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return cli_usage(ctx, "%s: not available in this build", argv[0]);
}

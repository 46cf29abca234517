/* cli_import: placeholder until its issue lands. */
#include "config.h"
#include "cli/cli.h"

int cli_import(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)argc;
	return cli_usage(ctx, "%s: not available in this build", argv[0]);
}

int cli_demo_load(struct cli_ctx *ctx, long long *id, struct error *e)
{
	(void)ctx;
	*id = 0;
	return err_set(e, ST_ERROR, "the demo workshop is not available in this build");
}

/*
 * role-probe: the facilitator role of one workshop, as the Unix account
 * that runs it, for tests/perm/two-accounts.sh (the terminal app is the
 * only other way to reach these store calls).  Identity is made exactly
 * as main.c makes it: the account from getpwuid(getuid()), --as NAME
 * recorded as "NAME (via account)".
 *
 *   role-probe DB WORKSHOP [--as NAME] COMMAND [ACCOUNT]
 *     beat      a presence heartbeat in the workshop
 *     get       print the role: holder, name, request, declined, mine
 *     take | request | withdraw | yes | no | release | hand ACCOUNT
 *
 * Exit status as charrette's (0 ok, 1 refused or failed, 2 bad input);
 * the store's message goes to standard error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/store_roles.h"
#include "util/account.h"
#include "util/error.h"

static int run(struct store *s, int64_t ws, const char *cmd,
	       const char *arg, struct error *e)
{
	struct store_role r;
	int rc;

	if (strcmp(cmd, "beat") == 0)
		return store_presence_beat(s, ws, "tradeoffs", NULL, e);
	if ((rc = store_role_get(s, ws, 0, &r, e)) < 0)
		return rc;
	if (strcmp(cmd, "get") == 0) {
		printf("holder=%s name=%s request=%s declined=%d mine=%d "
		       "present=%d\n", r.account ? r.account : "-",
		       r.name ? r.name : "-",
		       r.request_account ? r.request_account : "-", r.declined,
		       r.mine, r.present);
		rc = ST_OK;
	} else if (strcmp(cmd, "take") == 0) {
		rc = store_role_take(s, ws, r.version, 0, e);
	} else if (strcmp(cmd, "request") == 0) {
		rc = store_role_request(s, ws, r.version, e);
	} else if (strcmp(cmd, "withdraw") == 0) {
		rc = store_role_withdraw(s, ws, r.version, e);
	} else if (strcmp(cmd, "yes") == 0 || strcmp(cmd, "no") == 0) {
		rc = store_role_answer(s, ws, r.version, cmd[0] == 'y', e);
	} else if (strcmp(cmd, "release") == 0) {
		rc = store_role_release(s, ws, r.version, e);
	} else if (strcmp(cmd, "hand") == 0 && arg) {
		rc = store_role_hand(s, ws, r.version, arg, 0, e);
	} else {
		rc = err_set(e, ST_INPUT, "unknown command '%s'", cmd);
	}
	store_role_clear(&r);
	return rc;
}

int main(int argc, char **argv)
{
	const char *as = NULL, *cmd, *arg;
	struct store *s = NULL;
	struct error e;
	char *account, *who, line[2048];
	int i = 3, rc;

	if (argc > 4 && strcmp(argv[3], "--as") == 0) {
		as = argv[4];
		i = 5;
	}
	if (argc < i + 1) {
		fprintf(stderr, "usage: role-probe DB WORKSHOP [--as NAME] "
			"COMMAND [ACCOUNT]\n");
		return 2;
	}
	cmd = argv[i];
	arg = i + 1 < argc ? argv[i + 1] : NULL;
	account = account_current();
	who = account ? account_display(as, account) : NULL;
	if (!who)
		return 1;
	err_clear(&e);
	rc = store_open(&s, argv[1], 0, who, &e);
	if (rc == ST_OK)
		rc = run(s, strtoll(argv[2], NULL, 10), cmd, arg, &e);
	if (rc < 0)
		fprintf(stderr, "role-probe: %s\n",
			err_format(&e, line, sizeof(line)));
	store_close(&s);
	free(who);
	free(account);
	return err_exit_code(rc);
}

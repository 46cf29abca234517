/* account: the Unix account, and names recorded as "NAME (via account)". */
#include "config.h"

#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "util/account.h"
#include "util/error.h"
#include "util/str.h"

char *account_current(void)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw && pw->pw_name && *pw->pw_name)
		return str_dup(pw->pw_name);
	return str_printf("uid%ld", (long)getuid());
}

char *account_display(const char *as, const char *account)
{
	if (str_empty(as) || str_eq(as, account))
		return str_dup(account);
	return str_printf("%s (via %s)", as, account);
}

int account_of_name(const char *who, char **out)
{
	static const char via[] = " (via ";
	const char *p, *last = NULL;
	size_t len;

	*out = NULL;
	if (str_empty(who))
		return ST_OK;
	/* The last " (via " names the account: a display name may hold the
	 * words itself. */
	for (p = who; (p = strstr(p, via)); p++)
		last = p;
	len = strlen(who);
	if (last && who[len - 1] == ')') {
		const char *acct = last + strlen(via);
		size_t n = (size_t)(who + len - 1 - acct);

		if (n && !(*out = str_ndup(acct, n)))
			return ST_ERROR;
		return ST_OK;
	}
	if (getpwnam(who) && !(*out = str_dup(who)))
		return ST_ERROR;
	return ST_OK;
}

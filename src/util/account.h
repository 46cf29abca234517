/*
 * account: who is at the keyboard.  Identity on a shared box is the Unix
 * account (getpwuid(getuid()), never $USER, which anyone can set); --as
 * NAME only changes the name shown and recorded, as "NAME (via account)".
 */
#ifndef CHARRETTE_UTIL_ACCOUNT_H
#define CHARRETTE_UTIL_ACCOUNT_H

/* The account this process runs as ("uid1234" when it has no name); a
 * new string, NULL when out of memory. */
char *account_current(void);
/* The name recorded for the account with --as `as` (NULL or "" = none):
 * the account itself, or "as (via account)"; a new string. */
char *account_display(const char *as, const char *account);
/*
 * The account a recorded participant name stands for: "X (via acct)" is
 * acct, a plain "X" is X when X is an account on this machine; anything
 * else is no account (*out NULL).  *out is a new string; returns 0, or
 * ST_ERROR when out of memory.
 */
int account_of_name(const char *who, char **out);

#endif

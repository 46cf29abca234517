/*
 * fakeid: a preload for the screen tests that pins the identity.  The app
 * names its participant after the Unix account (getpwuid(getuid())), and
 * that name is on most screens; with this library preloaded the account
 * is CHARRETTE_TEST_ACCOUNT (default "dana") whoever runs the suite, so
 * the expected screens hold for root and for anyone else alike.  Nothing
 * else changes: the real uid, files and permissions are untouched.
 */
#define _GNU_SOURCE
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct passwd fake;

static struct passwd *pinned(uid_t uid)
{
	const char *name = getenv("CHARRETTE_TEST_ACCOUNT");
	const char *home = getenv("HOME");

	fake.pw_name = (char *)(name && *name ? name : "dana");
	fake.pw_passwd = (char *)"x";
	fake.pw_uid = uid;
	fake.pw_gid = getgid();
	fake.pw_gecos = (char *)"Dana Test";
	fake.pw_dir = (char *)(home ? home : "/");
	fake.pw_shell = (char *)"/bin/sh";
	return &fake;
}

struct passwd *getpwuid(uid_t uid)
{
	return uid == getuid() ? pinned(uid) : NULL;
}

struct passwd *getpwnam(const char *name)
{
	const char *acct = getenv("CHARRETTE_TEST_ACCOUNT");

	return strcmp(name, acct && *acct ? acct : "dana") == 0
	       ? pinned(getuid()) : NULL;
}

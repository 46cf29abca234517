# Shell-driven CLI tests, and the valgrind run of the unit tests.
TESTS += tests/cli/basic.sh tests/cli/adr-roundtrip.sh tests/cli/tui-export.sh
EXTRA_DIST += tests/cli/basic.sh tests/cli/lib.sh tests/cli/tui-export.sh tests/cli/adr-roundtrip.sh

# Unit tests under valgrind: every test program without an extension.
VALGRIND_CMD = valgrind --quiet --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect
check-valgrind: check-valgrind-ui check-fuzz-valgrind
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(filter tests/unit/%,$(TESTS))' \
		LOG_COMPILER='$(VALGRIND_CMD)'
# The screen scenarios, each app process under valgrind.
check-valgrind-ui:
	CHARRETTE_UI_WRAPPER='$(VALGRIND_CMD)' $(MAKE) $(AM_MAKEFLAGS) check \
		TESTS='tests/ui/run.sh tests/ui/shared.sh'
.PHONY: check-valgrind check-valgrind-ui
# Bad input verb by verb: messages, exit codes, nothing lost.
TESTS += tests/cli/bad-input.sh
EXTRA_DIST += tests/cli/bad-input.sh
# The shared box is safe (issue 11): stored text shown harmlessly by every
# verb.
TESTS += tests/cli/hostile-text.sh tests/cli/trash.sh tests/cli/disk-full.sh
EXTRA_DIST += tests/cli/hostile-text.sh tests/cli/trash.sh \
	tests/cli/disk-full.sh
# ... and the helpers below the store: safetext, the alias limit, diag,
# accounts.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_safety
TESTS += tests/unit/test_safety
tests_unit_test_safety_SOURCES = tests/unit/test_safety.c
tests_unit_test_safety_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_safety_LDADD = $(UNIT_LDADD)
endif
# Two Unix accounts on one database: roles and the trash go by account
# (root only); role-probe reaches the role's store calls as its account.
check_PROGRAMS += tests/perm/role-probe
tests_perm_role_probe_SOURCES = tests/perm/role-probe.c
tests_perm_role_probe_LDADD = $(LIBCHARRETTE_LIBS)
TESTS += tests/perm/two-accounts.sh
EXTRA_DIST += tests/perm/two-accounts.sh

# Shell-driven CLI tests, and the valgrind run of the unit tests.
TESTS += tests/cli/basic.sh tests/cli/adr-roundtrip.sh
EXTRA_DIST += tests/cli/basic.sh tests/cli/lib.sh tests/cli/adr-roundtrip.sh

# Unit tests under valgrind: every test program without an extension.
VALGRIND_CMD = valgrind --quiet --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect
check-valgrind:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(filter tests/unit/%,$(TESTS))' \
		LOG_COMPILER='$(VALGRIND_CMD)'
.PHONY: check-valgrind

# Shared-box guarantees: several writer processes on one database, two live
# connections, Unix group permissions; a benchmark built on demand.
check_PROGRAMS += tests/stress/stress
TESTS += tests/stress/stress
tests_stress_stress_SOURCES = tests/stress/stress.c
tests_stress_stress_LDADD = $(LIBCHARRETTE_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/stress/test_live
TESTS += tests/stress/test_live
tests_stress_test_live_SOURCES = tests/stress/test_live.c
tests_stress_test_live_CFLAGS = $(UNIT_CFLAGS)
tests_stress_test_live_LDADD = $(UNIT_LDADD)
endif

# The multi-process tests under valgrind too (children included: valgrind
# follows fork, and a child's error makes it exit non-zero).
MULTIUSER_VALGRIND_TESTS = tests/stress/stress
if HAVE_CMOCKA
MULTIUSER_VALGRIND_TESTS += tests/stress/test_live
endif
check-valgrind: check-valgrind-multiuser
check-valgrind-multiuser:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(MULTIUSER_VALGRIND_TESTS)' \
		LOG_COMPILER='$(VALGRIND_CMD)'
.PHONY: check-valgrind-multiuser

# Unix accounts and group permissions on a shared folder (root only).
TESTS += tests/perm/shared-box.sh
EXTRA_DIST += tests/perm/shared-box.sh
# the folder setup script the permission test runs
EXTRA_DIST += contrib/shared-box-setup.sh

# Edits per second and edit latency with 1-8 writers; built on demand:
#   make tests/stress/bench && tests/stress/bench
EXTRA_PROGRAMS = tests/stress/bench
tests_stress_bench_SOURCES = tests/stress/bench.c
tests_stress_bench_LDADD = $(LIBCHARRETTE_LIBS)
CLEANFILES += tests/stress/bench
# every figure of issue 16, printed (contrib/bench.sh --help)
EXTRA_DIST += contrib/bench.sh

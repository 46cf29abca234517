# Shared-box guarantees: several writer processes on one database, two live
# connections, Unix group permissions; a benchmark built on demand.
check_PROGRAMS += tests/stress/stress
TESTS += tests/stress/stress
tests_stress_stress_SOURCES = tests/stress/stress.c
tests_stress_stress_LDADD = $(LIBCHARRETTE_LIBS)

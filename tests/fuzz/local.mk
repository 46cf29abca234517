# Fuzz harnesses (libFuzzer entry points) of the three parsers of untrusted
# input.  `make check` replays each committed corpus through its harness
# with a plain main() (replay.c); real fuzzing is contrib/fuzz.sh's job.
FUZZ_REPLAYS = tests/fuzz/replay_content tests/fuzz/replay_interchange \
	tests/fuzz/replay_adr
check_PROGRAMS += $(FUZZ_REPLAYS)

tests_fuzz_replay_content_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_content.c tests/fuzz/fuzz.h
tests_fuzz_replay_content_CFLAGS = $(AM_CFLAGS)
tests_fuzz_replay_content_LDADD = $(LIBCHARRETTE_LIBS)

tests_fuzz_replay_interchange_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_interchange.c tests/fuzz/fuzz.h
tests_fuzz_replay_interchange_CFLAGS = $(AM_CFLAGS)
tests_fuzz_replay_interchange_LDADD = $(LIBCHARRETTE_LIBS)

tests_fuzz_replay_adr_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz_adr.c tests/fuzz/fuzz.h
tests_fuzz_replay_adr_CFLAGS = $(AM_CFLAGS)
tests_fuzz_replay_adr_LDADD = $(LIBCHARRETTE_LIBS)

FUZZ_TESTS = tests/fuzz/replay-content.sh tests/fuzz/replay-interchange.sh \
	tests/fuzz/replay-adr.sh
TESTS += $(FUZZ_TESTS)
EXTRA_DIST += $(FUZZ_TESTS) tests/fuzz/corpus tests/fuzz/README \
	tests/fuzz/content.dict tests/fuzz/interchange.dict tests/fuzz/adr.dict \
	contrib/fuzz.sh

# The replays under valgrind (check-valgrind covers tests/unit only).
check-fuzz-valgrind:
	REPLAY_RUNNER='$(VALGRIND_CMD)' $(MAKE) $(AM_MAKEFLAGS) check \
		TESTS='$(FUZZ_TESTS)'
.PHONY: check-fuzz-valgrind

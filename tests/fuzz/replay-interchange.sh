#!/bin/sh
# Replays the interchange fuzz corpus (seeds and past findings) through its harness;
# REPLAY_RUNNER (e.g. valgrind) is put in front of the program when set.
exec ${REPLAY_RUNNER-} "${top_builddir:-.}/tests/fuzz/replay_interchange" \
	"${top_srcdir:-.}/tests/fuzz/corpus/interchange"

#!/bin/sh
# Replays the content fuzz corpus (seeds and past findings) through its harness;
# REPLAY_RUNNER (e.g. valgrind) is put in front of the program when set.
exec ${REPLAY_RUNNER-} "${top_builddir:-.}/tests/fuzz/replay_content" \
	"${top_srcdir:-.}/tests/fuzz/corpus/content"

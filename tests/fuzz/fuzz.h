/*
 * fuzz.h: what the fuzz harnesses and the corpus replay share: the libFuzzer
 * entry point every harness defines, and the check that turns a broken
 * invariant into an abort() a fuzzer reports as a crash.
 */
#ifndef CHARRETTE_FUZZ_H
#define CHARRETTE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An oracle: say which invariant broke, then abort. */
#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s: ", \
				__FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
			abort(); \
		} \
	} while (0)

#endif

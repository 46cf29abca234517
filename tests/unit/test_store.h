/* Shared helpers of the store's unit tests: a temporary folder per test,
 * raw SQLite access to check what the store really wrote. */
#ifndef CHARRETTE_TEST_STORE_H
#define CHARRETTE_TEST_STORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/store.h"

struct fixture {
	char dir[64];
	char *db;            /* dir/t.db */
	struct store *s;     /* opened by setup_open, closed by teardown */
};

int setup_dir(void **state);
int setup_open(void **state);
int teardown_dir(void **state);

/* The file's bytes (NULL when missing). */
unsigned char *slurp(const char *path, size_t *len);
void write_bytes(const char *path, const void *data, size_t len);
/* Run SQL on the file through a separate plain connection. */
void raw_exec(const char *path, const char *sql);
int64_t raw_int(const char *path, const char *sql);
/* Count rows of `tbl` with workshop_id = ws. */
int64_t count_rows(const char *path, const char *tbl, int64_t ws);

/* The file at path holds exactly a[0..na). */
void assert_same_bytes(const unsigned char *a, size_t na, const char *path);

/* Tests of the rows and aggregates (test_store_data.c). */
extern const struct CMUnitTest store_data_tests[];
extern const size_t store_data_tests_n;
/* Tests of safety on a shared box (test_store_safety.c). */
extern const struct CMUnitTest store_safety_tests[];
extern const size_t store_safety_tests_n;

#endif

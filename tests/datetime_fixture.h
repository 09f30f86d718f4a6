/* Shared helpers for the datetime CUnit tests: reading the NumPy fixtures written by
 * tests/data/datetime/gen.py (tab-separated lines, dtype names, integer lists). */
#ifndef NUMC_TESTS_DATETIME_FIXTURE_H
#define NUMC_TESTS_DATETIME_FIXTURE_H

#include <numc/numc.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define DATA NUMC_TEST_DATA "/datetime/"

/* Open the fixture file `name` under tests/data/datetime (fatal assertion if missing). */
static inline FILE *open_fixture(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, DATA "%s", name);
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    return f;
}

/* Split a line at tabs in place (the newline removed); returns the field count. */
static inline int split_tabs(char *line, char **fields, int max)
{
    line[strcspn(line, "\n")] = '\0';
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

/* The dtype named `name` (fatal assertion if unknown). */
static inline nd_dtype dtype_of(const char *name)
{
    int t = nd_dtype_from_name(name);
    if (t < 0) printf("\n  bad dtype '%s'", name);
    CU_ASSERT_FATAL(t >= 0);
    return (nd_dtype)t;
}

/* Read the whitespace-separated integers of `text` into v (at most max); returns the count. */
static inline ptrdiff_t parse_i64s(const char *text, int64_t *v, ptrdiff_t max)
{
    ptrdiff_t k = 0;
    char *p = (char *)text, *end;
    while (k < max) {
        long long x = strtoll(p, &end, 10);
        if (end == p) break;
        v[k++] = x;
        p = end;
    }
    return k;
}

#endif

/* repr / str of datetime64 and timedelta64 arrays exactly as NumPy 1.24 prints them
 * (tests/data/datetime/gen.py, print.txt). */
#include <numc/numc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static void test_print_matches_numpy(void)
{
    FILE *f = open_fixture("print.txt");
    static char line[65536];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[5];
        CU_ASSERT_FATAL(split_tabs(line, fl, 5) == 5);
        unescape(fl[3]);
        unescape(fl[4]);
        int t = nd_dtype_from_name(fl[0]);
        CU_ASSERT_FATAL(t >= 0);
        ptrdiff_t shape[8], ndim = 0;
        char *p = fl[2], *end;
        if (strcmp(p, "-") != 0)
            for (;;) {
                long v = strtol(p, &end, 10);
                if (end == p) break;
                shape[ndim++] = v;
                p = end;
            }
        nd_array *a = nd_empty((int)ndim, shape, (nd_dtype)t);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        int64_t *d = nd_data(a);
        p = fl[1];
        for (ptrdiff_t i = 0; i < nd_size(a); i++) d[i] = strtoll(p, &p, 10);
        char *r = nd_repr(a), *s = nd_str(a);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        if (strcmp(r, fl[3]) != 0) printf("\n  repr %s: want\n%s\n  got\n%s", fl[0], fl[3], r);
        if (strcmp(s, fl[4]) != 0) printf("\n  str %s: want\n%s\n  got\n%s", fl[0], fl[4], s);
        CU_ASSERT_STRING_EQUAL(r, fl[3]);
        CU_ASSERT_STRING_EQUAL(s, fl[4]);
        nd_free_mem(r);
        nd_free_mem(s);
        nd_free(a);
        rows++;
    }
    fclose(f);
    CU_ASSERT(rows >= 16);
}

static const ND_TEST tests[] = {
    ND_T(test_print_matches_numpy),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_print", tests)

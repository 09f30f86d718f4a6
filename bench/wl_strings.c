/* String workloads (strings.h): numpy.char.upper and sort on 1M 'U16' strings. */
#include "bench.h"

#include <numc/numc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct texts {
    nd_array *a;
} texts;

static void texts_teardown(void *st)
{
    texts *s = st;
    if (!s) return;
    nd_free(s->a);
    free(s);
}

/* String i: 8 + i % 9 letters, mixed case, from an integer hash that bench/peer_strings.py
 * computes the same way. */
static int texts_setup(void **st)
{
    enum { N = 1000000, W = 16 };
    texts *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N;
    s->a = nd_zeros(1, &n, ND_STR_OF(W));
    if (!s->a) return -1;
    uint32_t *d = nd_data(s->a);
    for (uint64_t i = 0; i < N; i++) {
        uint64_t len = 8 + i % 9;
        for (uint64_t j = 0; j < len; j++) {
            uint64_t h = (i * 2654435761u + j * 40503u) >> 3;
            d[i * W + j] = (uint32_t)((h & 1 ? 'A' : 'a') + (h >> 1) % 26);
        }
    }
    return 0;
}

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_upper(void *st) { return done(nd_char_upper(((texts *)st)->a)); }
static int run_sort(void *st) { return done(nd_sort(((texts *)st)->a, 0, ND_SORT_QUICK)); }

BENCH_WORKLOAD("char_upper_U16_1M", texts_setup, run_upper, texts_teardown);
BENCH_WORKLOAD("sort_U16_1M", texts_setup, run_sort, texts_teardown);

// The library-floor peer of bench/wl_sort.c: Highway's vqsort called directly, as a C
// program would (through this one C++ file), on a copy of the same input.
#include <hwy/contrib/sort/vqsort.h>

#include <cstring>

extern "C" {
void bench_vqsort_f64(double *dst, const double *src, size_t n)
{
    std::memcpy(dst, src, n * sizeof *src);
    hwy::Sorter()(dst, n, hwy::SortAscending());
}

void bench_vqsort_f32(float *dst, const float *src, size_t n)
{
    std::memcpy(dst, src, n * sizeof *src);
    hwy::Sorter()(dst, n, hwy::SortAscending());
}

void bench_vqsort_i64(int64_t *dst, const int64_t *src, size_t n)
{
    std::memcpy(dst, src, n * sizeof *src);
    hwy::Sorter()(dst, n, hwy::SortAscending());
}

// argsort with vqsort's own key-value sort: (order-preserving key of x[i], i) pairs,
// sorted by key, indices read back. pairs holds n K64V64 (16-byte aligned).
void bench_vqsort_argsort_f64(int64_t *ix, const double *src, void *pairs, size_t n)
{
    hwy::K64V64 *p = static_cast<hwy::K64V64 *>(pairs);
    for (size_t i = 0; i < n; i++) {
        uint64_t u;
        std::memcpy(&u, &src[i], 8);
        p[i].key = (u >> 63) ? ~u : (u | 0x8000000000000000u);
        p[i].value = i;
    }
    hwy::Sorter()(p, n, hwy::SortAscending());
    for (size_t i = 0; i < n; i++) ix[i] = static_cast<int64_t>(p[i].value);
}
}

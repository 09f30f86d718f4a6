// Highway's vqsort behind numc's internal C API (vqsort_glue.h). The one C++ file of
// libnumc: no exceptions, no RTTI, no operator new, so the library links as C.
#include "vqsort_glue.h"

#include <hwy/contrib/sort/vqsort.h>

namespace {
// A Sorter is stateless in Highway 1.0.x (constructor and destructor do nothing), so one
// per call costs nothing and is safe from any thread.
template <typename T>
void vq(T *keys, size_t n)
{
    if (n < 2) return;
    hwy::Sorter sorter;
    sorter(keys, n, hwy::SortAscending());
}
}  // namespace

extern "C" {
void nd__vqsort_f32(float *keys, size_t n) { vq(keys, n); }
void nd__vqsort_f64(double *keys, size_t n) { vq(keys, n); }
void nd__vqsort_i16(int16_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_i32(int32_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_i64(int64_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_u16(uint16_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_u32(uint32_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_u64(uint64_t *keys, size_t n) { vq(keys, n); }
void nd__vqsort_u128(uint64_t *pairs, size_t n)
{
    static_assert(sizeof(hwy::uint128_t) == 16, "uint128_t is two uint64");
    vq(reinterpret_cast<hwy::uint128_t *>(pairs), n);
}
void nd__vqsort_k64v64(uint64_t *pairs, size_t n)
{
    static_assert(sizeof(hwy::K64V64) == 16, "K64V64 is (value, key) as two uint64");
    vq(reinterpret_cast<hwy::K64V64 *>(pairs), n);
}
}

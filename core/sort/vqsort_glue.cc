// Highway's vqsort behind numc's internal C API (vqsort_glue.h). The one C++ file of
// libnumc: no exceptions, no RTTI, no operator new, so the library links as C.
//
// libnumc does not link Highway: loading libhwy runs its constructor, a timer calibration
// (hwy::platform::TimerResolution) that cost every process using numc -- nplot --version
// included -- ~3-5 ms before main. The first sort that wants vqsort loads libhwy_contrib
// (dlopen, NUMC_HWY_CONTRIB_SONAME from CMake) and looks up hwy::Sorter's members by their
// Itanium C++ ABI names; the header gives the types only, so no Highway symbol is linked.
// When the library or a symbol is missing, nd__vqsort_available() is false and sort.c
// keeps its own kernels.
#include "vqsort_glue.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include <hwy/contrib/sort/vqsort.h>

#ifndef NUMC_HWY_CONTRIB_SONAME
#define NUMC_HWY_CONTRIB_SONAME "libhwy_contrib.so.1"
#endif

namespace {
// A member function called through a plain function pointer: `this` is the first
// argument, the empty SortAscending takes no register (Itanium C++ ABI).
template <typename T>
using SortFn = void (*)(const hwy::Sorter *, T *, size_t, hwy::SortAscending);
using SelfFn = void (*)(hwy::Sorter *);

struct Api {
    SelfFn ctor, del;
    SortFn<float> f32;
    SortFn<double> f64;
    SortFn<int16_t> i16;
    SortFn<int32_t> i32;
    SortFn<int64_t> i64;
    SortFn<uint16_t> u16;
    SortFn<uint32_t> u32;
    SortFn<uint64_t> u64;
    SortFn<hwy::uint128_t> u128;
    SortFn<hwy::K64V64> k64v64;
    bool ok;
};
Api api;
pthread_once_t api_once = PTHREAD_ONCE_INIT;

template <typename F>
bool find(void *lib, const char *name, F *fn)
{
    void *p = dlsym(lib, name);
    static_assert(sizeof p == sizeof *fn, "function and object pointers have one size");
    memcpy(fn, &p, sizeof p);
    return p != nullptr;
}

void load()
{
    void *lib = dlopen(NUMC_HWY_CONTRIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    Api a;
    bool ok = find(lib, "_ZN3hwy6SorterC1Ev", &a.ctor) && find(lib, "_ZN3hwy6Sorter6DeleteEv", &a.del) &&
              find(lib, "_ZNK3hwy6SorterclEPfmNS_13SortAscendingE", &a.f32) &&
              find(lib, "_ZNK3hwy6SorterclEPdmNS_13SortAscendingE", &a.f64) &&
              find(lib, "_ZNK3hwy6SorterclEPsmNS_13SortAscendingE", &a.i16) &&
              find(lib, "_ZNK3hwy6SorterclEPimNS_13SortAscendingE", &a.i32) &&
              find(lib, "_ZNK3hwy6SorterclEPlmNS_13SortAscendingE", &a.i64) &&
              find(lib, "_ZNK3hwy6SorterclEPtmNS_13SortAscendingE", &a.u16) &&
              find(lib, "_ZNK3hwy6SorterclEPjmNS_13SortAscendingE", &a.u32) &&
              find(lib, "_ZNK3hwy6SorterclEPmmNS_13SortAscendingE", &a.u64) &&
              find(lib, "_ZNK3hwy6SorterclEPNS_9uint128_tEmNS_13SortAscendingE", &a.u128) &&
              find(lib, "_ZNK3hwy6SorterclEPNS_6K64V64EmNS_13SortAscendingE", &a.k64v64);
    if (!ok) {
        dlclose(lib);
        return;
    }
    a.ok = true;
    api = a; // the library stays loaded for the process
}

// A Sorter per call (Highway 1.0.x: constructing and deleting one does nothing), built
// in place by the library's own constructor; safe from any thread.
template <typename T>
void vq(SortFn<T> fn, T *keys, size_t n)
{
    if (n < 2) return;
    alignas(hwy::Sorter) unsigned char mem[sizeof(hwy::Sorter)];
    hwy::Sorter *s = reinterpret_cast<hwy::Sorter *>(mem);
    api.ctor(s);
    fn(s, keys, n, hwy::SortAscending());
    api.del(s);
}
}  // namespace

extern "C" {
bool nd__vqsort_available(void)
{
    pthread_once(&api_once, load);
    return api.ok;
}
void nd__vqsort_f32(float *keys, size_t n) { vq(api.f32, keys, n); }
void nd__vqsort_f64(double *keys, size_t n) { vq(api.f64, keys, n); }
void nd__vqsort_i16(int16_t *keys, size_t n) { vq(api.i16, keys, n); }
void nd__vqsort_i32(int32_t *keys, size_t n) { vq(api.i32, keys, n); }
void nd__vqsort_i64(int64_t *keys, size_t n) { vq(api.i64, keys, n); }
void nd__vqsort_u16(uint16_t *keys, size_t n) { vq(api.u16, keys, n); }
void nd__vqsort_u32(uint32_t *keys, size_t n) { vq(api.u32, keys, n); }
void nd__vqsort_u64(uint64_t *keys, size_t n) { vq(api.u64, keys, n); }
void nd__vqsort_u128(uint64_t *pairs, size_t n)
{
    static_assert(sizeof(hwy::uint128_t) == 16, "uint128_t is two uint64");
    vq(api.u128, reinterpret_cast<hwy::uint128_t *>(pairs), n);
}
void nd__vqsort_k64v64(uint64_t *pairs, size_t n)
{
    static_assert(sizeof(hwy::K64V64) == 16, "K64V64 is (value, key) as two uint64");
    vq(api.k64v64, reinterpret_cast<hwy::K64V64 *>(pairs), n);
}
}

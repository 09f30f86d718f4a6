/* Per-dtype sort kernels: comparison sorts from sort_template.h for every dtype and
 * LSD radix sorts for integers and floats (stable, O(n)), behind one dispatch table. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "sort_kernels.h"

typedef struct { float re, im; } cplx64;
typedef struct { double re, im; } cplx128;

#define LT_NUM(a, b) ((a) < (b))
/* NaNs sort last, as in NumPy. */
#define LT_FLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
/* Complex: lexicographic on (re, im), NaN parts last (NumPy's order). */
#define LT_CPX(a, b)                                                                        \
    ((a).re < (b).re || ((a).re == (b).re && LT_FLT((a).im, (b).im)) ||                     \
     ((b).re != (b).re && ((a).re == (a).re || LT_FLT((a).im, (b).im))))

#define SORT_T uint8_t
#define SORT_NAME b
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T int8_t
#define SORT_NAME i8
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T int16_t
#define SORT_NAME i16
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T int32_t
#define SORT_NAME i32
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T int64_t
#define SORT_NAME i64
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T uint16_t
#define SORT_NAME u16
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T uint32_t
#define SORT_NAME u32
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T uint64_t
#define SORT_NAME u64
#define SORT_LT LT_NUM
#include "sort_template.h"
#define SORT_T float
#define SORT_NAME f32
#define SORT_LT LT_FLT
#include "sort_template.h"
#define SORT_T double
#define SORT_NAME f64
#define SORT_LT LT_FLT
#include "sort_template.h"
#define SORT_T cplx64
#define SORT_NAME c64
#define SORT_LT LT_CPX
#include "sort_template.h"
#define SORT_T cplx128
#define SORT_NAME c128
#define SORT_LT LT_CPX
#include "sort_template.h"

#define ENTRY(name) { sort_entry_##name, argsort_entry_##name, select_entry_##name, aselect_entry_##name, less_entry_##name }
const nd_sort_kernels nd__sort_kernels[ND_NTYPES] = {
    [ND_BOOL] = ENTRY(b),      [ND_INT8] = ENTRY(i8),     [ND_INT16] = ENTRY(i16),
    [ND_INT32] = ENTRY(i32),   [ND_INT64] = ENTRY(i64),   [ND_UINT8] = ENTRY(b),
    [ND_UINT16] = ENTRY(u16),  [ND_UINT32] = ENTRY(u32),  [ND_UINT64] = ENTRY(u64),
    [ND_FLOAT32] = ENTRY(f32), [ND_FLOAT64] = ENTRY(f64), [ND_COMPLEX64] = ENTRY(c64),
    [ND_COMPLEX128] = ENTRY(c128),
};

/* ---- radix sorts ---------------------------------------------------------------------- */

/* Order-preserving unsigned keys: flip the sign bit of signed integers; for floats
 * flip all bits of negatives and the sign bit of positives. */
static uint64_t key_of(const char *p, nd_dtype t)
{
    switch (t) {
    case ND_BOOL:
    case ND_UINT8: return *(const uint8_t *)p;
    case ND_INT8: return (uint8_t)(*(const int8_t *)p) ^ 0x80u;
    case ND_INT16: { int16_t x; memcpy(&x, p, 2); return (uint16_t)x ^ 0x8000u; }
    case ND_UINT16: { uint16_t x; memcpy(&x, p, 2); return x; }
    case ND_INT32: { int32_t x; memcpy(&x, p, 4); return (uint32_t)x ^ 0x80000000u; }
    case ND_UINT32: { uint32_t x; memcpy(&x, p, 4); return x; }
    case ND_INT64: { int64_t x; memcpy(&x, p, 8); return (uint64_t)x ^ 0x8000000000000000u; }
    case ND_UINT64: { uint64_t x; memcpy(&x, p, 8); return x; }
    case ND_FLOAT32: {
        uint32_t u;
        memcpy(&u, p, 4);
        if (!(u << 1)) u = 0; /* -0.0 and 0.0 are equal: one key, so the sort keeps their order */
        return (u >> 31) ? (uint32_t)~u : (u | 0x80000000u);
    }
    case ND_FLOAT64: {
        uint64_t u;
        memcpy(&u, p, 8);
        if (!(u << 1)) u = 0;
        return (u >> 63) ? ~u : (u | 0x8000000000000000u);
    }
    default: return 0;
    }
}

static bool is_negative_zero(const char *p, nd_dtype t)
{
    if (t == ND_FLOAT64) { uint64_t u; memcpy(&u, p, 8); return u == 0x8000000000000000u; }
    if (t == ND_FLOAT32) { uint32_t u; memcpy(&u, p, 4); return u == 0x80000000u; }
    return false;
}

bool nd__radix_ok(nd_dtype t) { return t <= ND_FLOAT64; }

/* The key of +0.0 (and -0.0); no integer key equals it where it matters (integers have
 * no negative zeros to note). */
static uint64_t zero_key(nd_dtype t)
{
    if (t == ND_FLOAT64) return 0x8000000000000000u;
    if (t == ND_FLOAT32) return 0x80000000u;
    return UINT64_MAX;
}

static bool is_nan(const char *p, nd_dtype t)
{
    if (t == ND_FLOAT64) { double x; memcpy(&x, p, 8); return x != x; }
    if (t == ND_FLOAT32) { float x; memcpy(&x, p, 4); return x != x; }
    return false;
}

/* Inverse of key_of: write the value of key k as dtype t at p. */
static void value_of(char *p, nd_dtype t, uint64_t k)
{
    switch (t) {
    case ND_BOOL:
    case ND_UINT8: *(uint8_t *)p = (uint8_t)k; break;
    case ND_INT8: *(uint8_t *)p = (uint8_t)(k ^ 0x80u); break;
    case ND_INT16: { uint16_t x = (uint16_t)(k ^ 0x8000u); memcpy(p, &x, 2); break; }
    case ND_UINT16: { uint16_t x = (uint16_t)k; memcpy(p, &x, 2); break; }
    case ND_INT32: { uint32_t x = (uint32_t)(k ^ 0x80000000u); memcpy(p, &x, 4); break; }
    case ND_UINT32: { uint32_t x = (uint32_t)k; memcpy(p, &x, 4); break; }
    case ND_INT64: { uint64_t x = k ^ 0x8000000000000000u; memcpy(p, &x, 8); break; }
    case ND_UINT64: memcpy(p, &k, 8); break;
    case ND_FLOAT32: {
        uint32_t u = (uint32_t)k;
        u = (u >> 31) ? (u & 0x7fffffffu) : ~u;
        memcpy(p, &u, 4);
        break;
    }
    case ND_FLOAT64: {
        uint64_t u = (k >> 63) ? (k & 0x7fffffffffffffffu) : ~k;
        memcpy(p, &u, 8);
        break;
    }
    default: break;
    }
}

/* Stable LSD radix sort of keys (and, if ix is non-NULL, the indices riding along) by
 * 8-bit digits, skipping digits on which every key agrees. kt/it are scratch of n. */
static void radix_pairs(uint64_t *keys, int64_t *ix, uint64_t *kt, int64_t *it, ptrdiff_t n, int bytes)
{
    if (n < 2) return;
    static _Thread_local ptrdiff_t count[8][256];
    memset(count, 0, sizeof count);
    for (ptrdiff_t i = 0; i < n; i++) {
        uint64_t k = keys[i];
        for (int b = 0; b < bytes; b++) count[b][(k >> (8 * b)) & 255]++;
    }
    uint64_t *k0 = keys;
    int64_t *i0 = ix;
    for (int b = 0; b < bytes; b++) {
        if (count[b][(keys[0] >> (8 * b)) & 255] == n) continue;
        ptrdiff_t sum = 0;
        for (int d = 0; d < 256; d++) {
            ptrdiff_t c = count[b][d];
            count[b][d] = sum;
            sum += c;
        }
        int shift = 8 * b;
        if (ix) {
            for (ptrdiff_t i = 0; i < n; i++) {
                ptrdiff_t dst = count[b][(keys[i] >> shift) & 255]++;
                kt[dst] = keys[i];
                it[dst] = ix[i];
            }
            int64_t *ti = ix;
            ix = it;
            it = ti;
        } else {
            for (ptrdiff_t i = 0; i < n; i++) kt[count[b][(keys[i] >> shift) & 255]++] = keys[i];
        }
        uint64_t *tk = keys;
        keys = kt;
        kt = tk;
    }
    if (keys != k0) memcpy(k0, keys, (size_t)n * sizeof *keys);
    if (ix && ix != i0) memcpy(i0, ix, (size_t)n * sizeof *ix);
}

nd_status nd__radix_sort(void *data, nd_dtype t, ptrdiff_t n)
{
    size_t isz = nd_dtype_size(t);
    char *v = data;
    /* 8-byte types become their keys in place; smaller ones get a key array. */
    uint64_t *keys = isz == 8 ? (uint64_t *)data : nd__malloc_n(n, 8, "nd_sort");
    uint64_t *tmp = keys ? nd__malloc_n(n, 8, "nd_sort") : NULL;
    if (!tmp) {
        if (keys != data) nd_free_mem(keys);
        return ND_ENOMEM;
    }
    /* NaNs leave the key range and go to the end, in their original order. -0.0 shares
     * 0.0's key; which of the zeros (counted in order) were negative is noted, so that the
     * sorted run of zeros gets its signs back in their original order, as a stable
     * comparison sort leaves them. */
    ptrdiff_t m = 0, nnan = 0, nzero = 0, nneg = 0;
    size_t negcap = 0;
    ptrdiff_t *neg = NULL;
    bool failed = false;
    char *nanbuf = (char *)tmp; /* scratch for NaN payloads (before the sort uses tmp) */
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *p = v + (size_t)i * isz;
        if (is_nan(p, t)) {
            memcpy(nanbuf + (size_t)nnan++ * isz, p, isz);
            continue;
        }
        uint64_t k = key_of(p, t);
        if (k == zero_key(t)) {
            if (is_negative_zero(p, t) && !failed) {
                failed = nd__buf_reserve(&neg, (size_t)nneg * sizeof *neg, &negcap,
                                         (size_t)(nneg + 1) * sizeof *neg, 64 * sizeof *neg,
                                         "nd_sort") < 0;
                if (!failed) neg[nneg++] = nzero;
            }
            nzero++;
        }
        keys[m++] = k;
    }
    char nans_small[16 * 8];
    char *nans = failed ? NULL : nnan <= 8 ? nans_small : nd__malloc_n(nnan, isz, "nd_sort");
    if (!nans) {
        nd_free_mem(neg);
        nd_free_mem(tmp);
        if (keys != data) nd_free_mem(keys);
        return ND_ENOMEM;
    }
    memcpy(nans, nanbuf, (size_t)nnan * isz);
    radix_pairs(keys, NULL, tmp, NULL, m, (int)isz);
    ptrdiff_t lo = 0, hi = nneg ? m : 0; /* the first zero key (keys may alias v: look first) */
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < zero_key(t)) lo = mid + 1;
        else hi = mid;
    }
    for (ptrdiff_t i = 0; i < m; i++) value_of(v + (size_t)i * isz, t, keys[i]);
    if (nneg) {
        for (ptrdiff_t j = 0; j < nneg; j++) {
            char *p = v + (size_t)(lo + neg[j]) * isz;
            if (t == ND_FLOAT64) memcpy(p, &(double){ -0.0 }, 8);
            else memcpy(p, &(float){ -0.0f }, 4);
        }
    }
    memcpy(v + (size_t)m * isz, nans, (size_t)nnan * isz);
    if (nans != nans_small) nd_free_mem(nans);
    nd_free_mem(neg);
    nd_free_mem(tmp);
    if (keys != data) nd_free_mem(keys);
    return ND_OK;
}

nd_status nd__radix_argsort(const void *data, nd_dtype t, ptrdiff_t n, int64_t *ix)
{
    size_t isz = nd_dtype_size(t);
    const char *v = data;
    uint64_t *keys = nd__malloc_n(n, 16, "nd_argsort");
    int64_t *itmp = keys ? nd__malloc_n(n, 8, "nd_argsort") : NULL;
    if (!itmp) {
        nd_free_mem(keys);
        return ND_ENOMEM;
    }
    uint64_t *ktmp = keys + n;
    ptrdiff_t m = 0, nnan = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *p = v + (size_t)i * isz;
        if (is_nan(p, t)) itmp[nnan++] = i;
        else {
            keys[m] = key_of(p, t);
            ix[m++] = i;
        }
    }
    memcpy(ix + m, itmp, (size_t)nnan * sizeof *ix);
    radix_pairs(keys, ix, ktmp, itmp, m, (int)isz);
    nd_free_mem(itmp);
    nd_free_mem(keys);
    return ND_OK;
}

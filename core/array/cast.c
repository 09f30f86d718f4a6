/* Element conversion between the 13 dtypes (NumPy's unsafe astype) and the scalar
 * helpers built on it. One kernel template, instantiated for all 169 pairs. */
#include "internal.h"

#include <stdint.h>
#include <string.h>

/* ---- per-dtype properties -------------------------------------------------------
 * T_<name>_C: storage type; T_<name>_R: component type (complex) or the type itself;
 * T_<name>_K: conversion class — B bool, N integer (signed or unsigned), F float,
 * C complex. Bools are stored as bytes and read as "nonzero" so that a buffer
 * holding 2 or 255 (from nd_from_buffer) is a valid True, not undefined behaviour. */
typedef struct { float re, im; } nd__c64;
typedef struct { double re, im; } nd__c128;

#define T_BOOL_C uint8_t
#define T_BOOL_R uint8_t
#define T_BOOL_K B
#define T_INT8_C int8_t
#define T_INT8_R int8_t
#define T_INT8_K N
#define T_INT16_C int16_t
#define T_INT16_R int16_t
#define T_INT16_K N
#define T_INT32_C int32_t
#define T_INT32_R int32_t
#define T_INT32_K N
#define T_INT64_C int64_t
#define T_INT64_R int64_t
#define T_INT64_K N
#define T_UINT8_C uint8_t
#define T_UINT8_R uint8_t
#define T_UINT8_K N
#define T_UINT16_C uint16_t
#define T_UINT16_R uint16_t
#define T_UINT16_K N
#define T_UINT32_C uint32_t
#define T_UINT32_R uint32_t
#define T_UINT32_K N
#define T_UINT64_C uint64_t
#define T_UINT64_R uint64_t
#define T_UINT64_K N
#define T_FLOAT32_C float
#define T_FLOAT32_R float
#define T_FLOAT32_K F
#define T_FLOAT64_C double
#define T_FLOAT64_R double
#define T_FLOAT64_K F
#define T_COMPLEX64_C nd__c64
#define T_COMPLEX64_R float
#define T_COMPLEX64_K C
#define T_COMPLEX128_C nd__c128
#define T_COMPLEX128_R double
#define T_COMPLEX128_K C

/* The dtype list, twice: a macro cannot expand itself, and the 13x13 table nests. */
#define ND__TYPES(X)                                                               \
    X(BOOL) X(INT8) X(INT16) X(INT32) X(INT64) X(UINT8) X(UINT16) X(UINT32) X(UINT64) \
    X(FLOAT32) X(FLOAT64) X(COMPLEX64) X(COMPLEX128)
#define ND__TYPES_WITH(X, S)                                                       \
    X(S, BOOL) X(S, INT8) X(S, INT16) X(S, INT32) X(S, INT64) X(S, UINT8)          \
    X(S, UINT16) X(S, UINT32) X(S, UINT64) X(S, FLOAT32) X(S, FLOAT64)             \
    X(S, COMPLEX64) X(S, COMPLEX128)

/* ---- float -> integer -------------------------------------------------------------
 * C leaves out-of-range and NaN conversions undefined. NumPy's result there is
 * whatever the hardware gives; numc fixes it to what x86-64 gives for the plain C
 * cast (NumPy's strided loop on x86-64), so the value is defined everywhere:
 *   - int32 and int64 targets: NaN or out of range -> INT32_MIN / INT64_MIN;
 *   - int8, int16, uint8, uint16: through int32, keeping the low bits (300 -> 44);
 *   - uint32: through int64, keeping the low 32 bits (-1 -> 4294967295);
 *   - uint64: values in [2^63, 2^64) convert exactly, negatives wrap (-1 -> 2^64-1),
 *     NaN and x < -2^63 give 2^63, x >= 2^64 gives 0.
 * Narrowing integer conversions wrap modulo 2^N (the GCC/Clang definition of C's
 * implementation-defined signed narrowing, and NumPy's behaviour). */
static inline int32_t f2i32(double x)
{
    return (x > -2147483649.0 && x < 2147483648.0) ? (int32_t)x : INT32_MIN;
}

static inline int64_t f2i64(double x)
{
    return (x >= -9223372036854775808.0 && x < 9223372036854775808.0) ? (int64_t)x
                                                                        : INT64_MIN;
}

static inline int8_t f2i_INT8(double x) { return (int8_t)f2i32(x); }
static inline int16_t f2i_INT16(double x) { return (int16_t)f2i32(x); }
static inline int32_t f2i_INT32(double x) { return f2i32(x); }
static inline int64_t f2i_INT64(double x) { return f2i64(x); }
static inline uint8_t f2i_UINT8(double x) { return (uint8_t)f2i32(x); }
static inline uint16_t f2i_UINT16(double x) { return (uint16_t)f2i32(x); }
static inline uint32_t f2i_UINT32(double x) { return (uint32_t)f2i64(x); }

static inline uint64_t f2i_UINT64(double x)
{
    if (x >= 9223372036854775808.0)
        return (uint64_t)f2i64(x - 9223372036854775808.0) ^ UINT64_C(0x8000000000000000);
    return (uint64_t)f2i64(x);
}

/* ---- one conversion per class pair ------------------------------------------------
 * CONV(S, D, x) converts the value x of dtype S to dtype D. */
#define CONV(S, D, x) CONV_K(T_##S##_K, T_##D##_K, D, x)
#define CONV_K(SK, DK, D, x) CONV_K2(SK, DK, D, x)
#define CONV_K2(SK, DK, D, x) CONV_##SK##DK(D, x)

#define NZ(x) ((x) != 0)
#define CNZ(x) ((x).re != 0 || (x).im != 0)
#define CPLX(D, re, im) ((T_##D##_C){ (T_##D##_R)(re), (T_##D##_R)(im) })

#define CONV_BB(D, x) ((uint8_t)NZ(x))
#define CONV_BN(D, x) ((T_##D##_C)NZ(x))
#define CONV_BF(D, x) ((T_##D##_C)NZ(x))
#define CONV_BC(D, x) CPLX(D, NZ(x), 0)
#define CONV_NB(D, x) ((uint8_t)NZ(x))
#define CONV_NN(D, x) ((T_##D##_C)(x))
#define CONV_NF(D, x) ((T_##D##_C)(x))
#define CONV_NC(D, x) CPLX(D, x, 0)
#define CONV_FB(D, x) ((uint8_t)NZ(x))
#define CONV_FN(D, x) f2i_##D((double)(x))
#define CONV_FF(D, x) ((T_##D##_C)(x))
#define CONV_FC(D, x) CPLX(D, x, 0)
#define CONV_CB(D, x) ((uint8_t)CNZ(x))
#define CONV_CN(D, x) f2i_##D((double)(x).re)
#define CONV_CF(D, x) ((T_##D##_C)(x).re)
#define CONV_CC(D, x) CPLX(D, (x).re, (x).im)

typedef void (*cast_fn)(char *dst, ptrdiff_t ds, const char *src, ptrdiff_t ss,
                        ptrdiff_t n);

#define ALIGNED(p, T) ((uintptr_t)(p) % _Alignof(T) == 0)

/* Contiguous and aligned: a plain indexed loop the compiler vectorises.
 * Otherwise memcpy per element, which stays defined for unaligned strided views. */
#define CAST_KERNEL(S, D)                                                           \
    static void cast_##S##_##D(char *dst, ptrdiff_t ds, const char *src,            \
                               ptrdiff_t ss, ptrdiff_t n)                           \
    {                                                                               \
        typedef T_##S##_C st;                                                       \
        typedef T_##D##_C dt;                                                       \
        if (ss == (ptrdiff_t)sizeof(st) && ds == (ptrdiff_t)sizeof(dt) &&           \
            ALIGNED(src, st) && ALIGNED(dst, dt)) {                                 \
            const st *sp = (const st *)(const void *)src;                           \
            dt *dp = (dt *)(void *)dst;                                             \
            for (ptrdiff_t i = 0; i < n; i++) dp[i] = CONV(S, D, sp[i]);            \
            return;                                                                 \
        }                                                                           \
        for (ptrdiff_t i = 0; i < n; i++, src += ss, dst += ds) {                   \
            st x;                                                                   \
            memcpy(&x, src, sizeof x);                                              \
            dt y = CONV(S, D, x);                                                   \
            memcpy(dst, &y, sizeof y);                                              \
        }                                                                           \
    }

#define CAST_ROW(S) ND__TYPES_WITH(CAST_KERNEL, S)
ND__TYPES(CAST_ROW)

#define CAST_ENTRY(S, D) [ND_##S][ND_##D] = cast_##S##_##D,
#define CAST_TABLE_ROW(S) ND__TYPES_WITH(CAST_ENTRY, S)
static const cast_fn cast_table[ND_NTYPES][ND_NTYPES] = { ND__TYPES(CAST_TABLE_ROW) };

/* Same dtype: a byte copy, so bit patterns (NaN payloads, bool bytes) survive. */
#define COPY_KERNEL(SIZE)                                                           \
    static void copy_##SIZE(char *dst, ptrdiff_t ds, const char *src, ptrdiff_t ss, \
                            ptrdiff_t n)                                            \
    {                                                                               \
        for (ptrdiff_t i = 0; i < n; i++, src += ss, dst += ds) memcpy(dst, src, SIZE); \
    }
COPY_KERNEL(1)
COPY_KERNEL(2)
COPY_KERNEL(4)
COPY_KERNEL(8)
COPY_KERNEL(16)

static cast_fn copy_fn(size_t size)
{
    switch (size) {
    case 1: return copy_1;
    case 2: return copy_2;
    case 4: return copy_4;
    case 8: return copy_8;
    default: return copy_16;
    }
}

nd__flex_cast_fn nd__flex_cast_for(nd_dtype st, nd_dtype dt)
{
    if (nd__str_claims_cast(st, dt)) return nd__str_cast;            /* core/strings */
    if (nd__dt_text_cast_applies(st, dt)) return nd__dt_text_cast;   /* core/datetime/dt_text.c */
    if (st != dt && nd__dt_cast_applies(st, dt)) return nd__dt_cast; /* core/datetime/dt_cast.c */
    return NULL;
}

void nd_cast_strided(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src, nd_dtype st,
                     ptrdiff_t ss, ptrdiff_t n)
{
    /* strings, dates, dates <-> text: the family's errors are left set for the caller */
    nd__flex_cast_fn flex = nd__flex_cast_for(st, dt);
    if (flex) {
        if (flex(dst, dt, ds, src, st, ss, n, "nd_cast_strided") < 0) { /* reported */ }
        return;
    }
    bool same_flexible = st == dt && nd_dtype_is_flexible((int)dt) && nd_dtype_size(dt) > 0;
    if (!same_flexible && (!nd_dtype_is_numeric((int)dt) || !nd_dtype_is_numeric((int)st))) {
        nd_set_error(ND_EDTYPE, "nd_cast_strided: no cast from %s to %s", nd_dtype_name(st),
                     nd_dtype_name(dt));
        return;
    }
    if (n <= 0) return;
    if (st == dt) {
        size_t size = nd_dtype_size(dt);
        if (ss == (ptrdiff_t)size && ds == (ptrdiff_t)size) {
            /* memmove: an in-place "cast" to the same type is harmless */
            memmove(dst, src, (size_t)n * size);
            return;
        }
        if (size == 1 || size == 2 || size == 4 || size == 8 || size == 16) {
            copy_fn(size)(dst, ds, src, ss, n);
            return;
        }
        const char *s = src;
        char *d = dst;
        for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) memmove(d, s, size);
        return;
    }
    cast_table[st][dt](dst, ds, src, ss, n);
}

/* ---- scalars ------------------------------------------------------------------------ */

/* A scalar keeps its value in the widest member of its kind; this is that member's
 * dtype, so a scalar converts like an element of that dtype. */
static nd_dtype scalar_home(nd_dtype t)
{
    switch (nd_dtype_kind(t)) {
    case 'b': return ND_BOOL;
    case 'i': return ND_INT64;
    case 'u': return ND_UINT64;
    case 'f': return ND_FLOAT64;
    case 'M':
    case 'm': return ND_INT64; /* a date scalar holds its int64 tick count in v.i */
    default: return ND_COMPLEX128;
    }
}

/* A date element from a scalar: dates and integers by value, floats truncated (NaN is NaT,
 * as NumPy's unsafe cast), complex by its real part. */
static int64_t date_value(nd_scalar s)
{
    if (nd_dtype_is_datetime(s.dtype) || nd_dtype_is_timedelta(s.dtype)) return s.v.i;
    if (nd_dtype_kind(s.dtype) == 'f' || nd_dtype_kind(s.dtype) == 'c') {
        double f = nd_dtype_kind(s.dtype) == 'f' ? s.v.f : s.v.c[0];
        return f != f || f >= 0x1p63 || f < -0x1p63 ? ND_NAT : (int64_t)f;
    }
    return nd_scalar_as_i64(s);
}

nd_status nd__scalar_fits(nd_dtype dt, const char *who)
{
    if (nd_dtype_is_string(dt))
        return nd_set_error(ND_EDTYPE, "%s: an nd_scalar cannot be stored in a %s array "
                            "(strings are set with the nd_str_* functions)", who, nd_dtype_name(dt));
    return ND_OK;
}

void nd__scalar_store(void *dst, nd_dtype dt, nd_scalar s)
{
    bool date_src = nd_dtype_is_datetime(s.dtype) || nd_dtype_is_timedelta(s.dtype);
    if (nd_dtype_is_datetime(dt) || nd_dtype_is_timedelta(dt)) {
        if (!date_src && !nd_dtype_is_numeric((int)s.dtype)) {
            nd_set_error(ND_EDTYPE, "nd__scalar_store: invalid scalar dtype %d", (int)s.dtype);
            s = ND_I64(ND_NAT);
        }
        int64_t v = date_value(s);
        memcpy(dst, &v, sizeof v);
        return;
    }
    if (!nd_dtype_is_numeric((int)dt)) {
        nd_set_error(ND_EDTYPE, "nd__scalar_store: cannot store a scalar into %s", nd_dtype_name(dt));
        return; /* callers check nd__scalar_fits first: a string element may be any size */
    }
    if (date_src) s = ND_I64(s.v.i);
    if (!nd_dtype_is_numeric((int)s.dtype)) {
        nd_set_error(ND_EDTYPE, "nd__scalar_store: invalid scalar dtype %d", (int)s.dtype);
        memset(dst, 0, nd_dtype_size(dt));
        return;
    }
    nd_dtype home = scalar_home(s.dtype);
    unsigned char tmp[16];
    switch (home) {
    case ND_BOOL: tmp[0] = s.v.b ? 1 : 0; break;
    case ND_INT64: memcpy(tmp, &s.v.i, sizeof s.v.i); break;
    case ND_UINT64: memcpy(tmp, &s.v.u, sizeof s.v.u); break;
    case ND_FLOAT64: memcpy(tmp, &s.v.f, sizeof s.v.f); break;
    default: memcpy(tmp, s.v.c, sizeof s.v.c); break;
    }
    nd_cast_strided(dst, dt, 0, tmp, home, 0, 1);
}

/* The native dtypes' elements, read directly: nd_get / a[i] from Python pay for one
 * element what a cast loop's set-up costs otherwise. The values are the cast's. */
static bool load_native(const void *src, nd_dtype dt, nd_scalar *s)
{
#define LOAD(T, field)                                                                        \
    {                                                                                         \
        T x;                                                                                  \
        memcpy(&x, src, sizeof x);                                                            \
        s->v.field = x;                                                                       \
        return true;                                                                          \
    }
    switch ((int)dt) {
    case ND_BOOL: s->v.b = *(const unsigned char *)src != 0; return true;
    case ND_INT8: LOAD(int8_t, i)
    case ND_INT16: LOAD(int16_t, i)
    case ND_INT32: LOAD(int32_t, i)
    case ND_INT64: LOAD(int64_t, i)
    case ND_UINT8: LOAD(uint8_t, u)
    case ND_UINT16: LOAD(uint16_t, u)
    case ND_UINT32: LOAD(uint32_t, u)
    case ND_UINT64: LOAD(uint64_t, u)
    case ND_FLOAT32: LOAD(float, f)
    case ND_FLOAT64: LOAD(double, f)
    case ND_COMPLEX64: {
        float c[2];
        memcpy(c, src, sizeof c);
        s->v.c[0] = c[0], s->v.c[1] = c[1];
        return true;
    }
    case ND_COMPLEX128: memcpy(s->v.c, src, sizeof s->v.c); return true;
    default: return false;
    }
#undef LOAD
}

nd_scalar nd__scalar_load(const void *src, nd_dtype dt)
{
    nd_scalar s = { .dtype = dt };
    if (load_native(src, dt, &s)) return s;
    if (nd_dtype_is_datetime(dt) || nd_dtype_is_timedelta(dt)) {
        memcpy(&s.v.i, src, sizeof s.v.i);
        return s;
    }
    if (!nd_dtype_is_numeric((int)dt)) {
        nd_set_error(ND_EDTYPE, "nd__scalar_load: invalid dtype %d", (int)dt);
        s.dtype = ND_FLOAT64;
        return s;
    }
    nd_dtype home = scalar_home(dt);
    unsigned char tmp[16];
    nd_cast_strided(tmp, home, 0, src, dt, 0, 1);
    switch (home) {
    case ND_BOOL: s.v.b = tmp[0] != 0; break;
    case ND_INT64: memcpy(&s.v.i, tmp, sizeof s.v.i); break;
    case ND_UINT64: memcpy(&s.v.u, tmp, sizeof s.v.u); break;
    case ND_FLOAT64: memcpy(&s.v.f, tmp, sizeof s.v.f); break;
    default: memcpy(s.v.c, tmp, sizeof s.v.c); break;
    }
    return s;
}

double nd_scalar_as_f64(nd_scalar s)
{
    double r = 0;
    nd__scalar_store(&r, ND_FLOAT64, s);
    return r;
}

int64_t nd_scalar_as_i64(nd_scalar s)
{
    int64_t r = 0;
    nd__scalar_store(&r, ND_INT64, s);
    return r;
}

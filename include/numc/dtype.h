/* numc — data types, promotion and casting (NumPy's rules). */
#ifndef NUMC_DTYPE_H
#define NUMC_DTYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A dtype is one int. The numeric dtypes are the enumerators below ND_NTYPES. The flexible
 * dtypes carry a parameter: their base code (ND_DATETIME64, ND_TIMEDELTA64, ND_BYTES,
 * ND_STR) sits in the low 8 bits and the parameter above it, so a whole dtype still passes
 * by value everywhere an nd_dtype goes:
 *   ND_DATETIME64_OF(ND_DT_D)       datetime64[D]      (8 bytes, int64 count of days)
 *   ND_TIMEDELTA64_OF(ND_DT_s)      timedelta64[s]
 *   nd_dtype_datetime(ND_DATETIME64, ND_DT_s, 25)      datetime64[25s]
 *   ND_BYTES_OF(10)                 'S10' (|S10: 10 bytes, zero-padded)
 *   ND_STR_OF(10)                   'U10' (<U10: 10 UCS-4 code points, 40 bytes)
 * Parameters: a unit (nd_dtunit) and a count 1..ND_DT_MAXCOUNT for the date types, a width
 * 0..ND_STR_MAXWIDTH for the string types (width 0 is NumPy's unsized 'S' / 'U', which
 * creation functions size to their data). */
typedef enum nd_dtype {
    ND_BOOL,
    ND_INT8, ND_INT16, ND_INT32, ND_INT64,
    ND_UINT8, ND_UINT16, ND_UINT32, ND_UINT64,
    ND_FLOAT32, ND_FLOAT64,
    ND_COMPLEX64, ND_COMPLEX128,
    ND_NTYPES,               /* the number of numeric dtypes (the flexible ones are not counted) */
    ND_DATETIME64 = 0x20,    /* base codes of the flexible dtypes */
    ND_TIMEDELTA64 = 0x21,
    ND_BYTES = 0x22,         /* NumPy's 'S' (numpy.bytes_) */
    ND_STR = 0x23,           /* NumPy's 'U' (numpy.str_) */
    ND__DTYPE_INT = 0x7fffffff /* the enum spans int: parameters live in the high bits */
} nd_dtype;

/* Units of datetime64/timedelta64, in NumPy's order (NPY_DATETIMEUNIT without the
 * deprecated 'B'); ND_DT_GENERIC is the unit of a bare 'datetime64'. */
typedef enum nd_dtunit {
    ND_DT_Y, ND_DT_M, ND_DT_W, ND_DT_D, ND_DT_h, ND_DT_m, ND_DT_s,
    ND_DT_ms, ND_DT_us, ND_DT_ns, ND_DT_ps, ND_DT_fs, ND_DT_as,
    ND_DT_GENERIC,
    ND_DT_NUNITS
} nd_dtunit;

#define ND_DT_MAXCOUNT (1 << 19)
#define ND_STR_MAXWIDTH ((1 << 23) - 1)
#define ND_DATETIME64_OF(unit) ((nd_dtype)((int)ND_DATETIME64 | (int)(unit) << 8))
#define ND_TIMEDELTA64_OF(unit) ((nd_dtype)((int)ND_TIMEDELTA64 | (int)(unit) << 8))
#define ND_BYTES_OF(width) ((nd_dtype)((int)ND_BYTES | (int)(width) << 8))
#define ND_STR_OF(width) ((nd_dtype)((int)ND_STR | (int)(width) << 8))
/* NaT, the "not a time" value of both date types (INT64_MIN, as NumPy's). */
#define ND_NAT INT64_MIN

/* The base code of a dtype: t itself for a numeric dtype, ND_DATETIME64 / ND_TIMEDELTA64 /
 * ND_BYTES / ND_STR for a flexible one (whatever its parameter), -1 for an invalid value. */
ND_API int nd_dtype_base(nd_dtype t);
/* datetime64 or timedelta64 (`base`) with `unit` and a count of units per tick
 * (datetime64[25s] is count 25; ND_DT_GENERIC takes count 1 only). ND_EDTYPE and
 * ND_NTYPES for a base that is no date type, a bad unit or a count out of 1..ND_DT_MAXCOUNT. */
ND_API nd_dtype nd_dtype_datetime(nd_dtype base, nd_dtunit unit, int count);
/* The unit and count of a date dtype; ND_DT_NUNITS and 0 for any other dtype. */
ND_API nd_dtunit nd_dtype_unit(nd_dtype t);
ND_API int nd_dtype_unit_count(nd_dtype t);
/* The width of a string dtype in characters (bytes for 'S', code points for 'U');
 * 0 for any other dtype. */
ND_API size_t nd_dtype_width(nd_dtype t);
/* One of the ND_NTYPES numeric dtypes (bool, integers, floats, complex). */
ND_API bool nd_dtype_is_numeric(int t);
/* datetime64/timedelta64 or a string dtype, well formed. */
ND_API bool nd_dtype_is_flexible(int t);
ND_API bool nd_dtype_is_datetime(nd_dtype t);  /* datetime64 of any unit */
ND_API bool nd_dtype_is_timedelta(nd_dtype t); /* timedelta64 of any unit */
ND_API bool nd_dtype_is_string(nd_dtype t);    /* 'S' or 'U' of any width */

/* Casting levels as NumPy names them. Zero (ND_CAST_DEFAULT) means "the
 * function's default", which is same_kind for ufunc outputs and unsafe for astype. */
typedef enum nd_casting {
    ND_CAST_DEFAULT = 0,
    ND_CAST_NO,
    ND_CAST_EQUIV,
    ND_CAST_SAFE,
    ND_CAST_SAME_KIND,
    ND_CAST_UNSAFE
} nd_casting;

/* NumPy's name as str(dtype) spells it: "float64", "complex128", "bool",
 * "datetime64[D]", "timedelta64[25s]", "datetime64" (generic), "<U10", "|S10"; "?" for an
 * invalid value. Numeric and date names are static strings; a string dtype's name lives in
 * one of 16 per-thread buffers, valid until 16 more string names are made in that thread. */
ND_API const char *nd_dtype_name(nd_dtype t);
/* Parse a name: NumPy names ("int32", "float", "f8", "<f8", "c16", "?", "b1",
 * "datetime64[ns]", "M8[D]", "<m8[25s]", "timedelta64", "U10", "<U10", "S5", "|S5",
 * "str" / "U" (unsized 'U'), "bytes" / "S"). Returns -1 (and sets ND_EDTYPE) when unknown. */
ND_API int nd_dtype_from_name(const char *name);
/* Item size in bytes: 8 for the date types, the width for 'S', 4 × width for 'U';
 * 0 for an invalid value. */
ND_API size_t nd_dtype_size(nd_dtype t);
/* NumPy's kind character: 'b', 'i', 'u', 'f', 'c', 'M', 'm', 'S', 'U'; '?' if invalid. */
ND_API char nd_dtype_kind(nd_dtype t);
/* A numeric dtype or a well-formed flexible one. */
ND_API bool nd_dtype_is_valid(int t);
ND_API bool nd_dtype_is_integer(nd_dtype t);  /* signed or unsigned, not bool */
ND_API bool nd_dtype_is_float(nd_dtype t);    /* float32/64 */
ND_API bool nd_dtype_is_complex(nd_dtype t);

/* numpy.result_type / promote_types for two dtypes (e.g. int64 + uint64 -> float64,
 * int8 + uint8 -> int16, float32 + int32 -> float64). */
ND_API nd_dtype nd_result_type(nd_dtype a, nd_dtype b);
/* numpy.can_cast(from, to, casting). ND_CAST_DEFAULT means safe. */
ND_API bool nd_can_cast(nd_dtype from, nd_dtype to, nd_casting casting);
/* "no", "equiv", "safe", "same_kind", "unsafe". */
ND_API const char *nd_casting_name(nd_casting c);

/* A typed scalar, used for fill values, scalar operands and element access.
 * Build one with ND_BOOL_S(x), ND_I64(x), ND_U64(x), ND_F64(x), ND_C128(re, im). */
typedef struct nd_scalar {
    nd_dtype dtype;  /* ND_BOOL, ND_INT64, ND_UINT64, ND_FLOAT64 or ND_COMPLEX128
                        (any dtype is accepted; the value lives in the widest member
                        of its kind) */
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double f;
        double c[2];  /* real, imaginary */
    } v;
} nd_scalar;

#define ND_BOOL_S(x) ((nd_scalar){ .dtype = ND_BOOL, .v.b = (x) })
#define ND_I64(x) ((nd_scalar){ .dtype = ND_INT64, .v.i = (x) })
#define ND_U64(x) ((nd_scalar){ .dtype = ND_UINT64, .v.u = (x) })
#define ND_F64(x) ((nd_scalar){ .dtype = ND_FLOAT64, .v.f = (x) })
#define ND_C128(re, im) ((nd_scalar){ .dtype = ND_COMPLEX128, .v.c = { (re), (im) } })

/* Scalar conversions (C casting semantics, like NumPy's unsafe cast). */
ND_API double nd_scalar_as_f64(nd_scalar s);
ND_API int64_t nd_scalar_as_i64(nd_scalar s);

/* ---- machine limits (numpy.finfo / numpy.iinfo) ------------------------------------- */
/* numpy.finfo: every field NumPy reports, as doubles/ints. For complex64/complex128 the
 * fields are those of the component float and `dtype` is that float type. */
typedef struct nd_finfo {
    nd_dtype dtype;            /* float32 or float64 */
    int bits;                  /* bits in the type */
    double eps;                /* 2**machep: gap between 1.0 and the next float */
    double epsneg;             /* 2**negep: gap between 1.0 and the previous float */
    double max, min;           /* largest finite value and its negative */
    double tiny;               /* smallest positive normal (same as smallest_normal) */
    double smallest_normal;
    double smallest_subnormal; /* smallest positive subnormal */
    double resolution;         /* 10**-precision, rounded to the type */
    int precision;             /* approximate decimal digits */
    int iexp, nexp;            /* exponent bits */
    int machep, negep;         /* exponents of eps and epsneg */
    int maxexp, minexp;        /* smallest power of 2 that overflows; of the smallest normal */
    int nmant;                 /* mantissa bits (without the implicit one) */
} nd_finfo;
/* Fills *out for a floating or complex dtype; ND_EDTYPE ("not inexact") for bool and
 * integers, ND_EVALUE for a NULL out. */
ND_API nd_status nd_finfo_of(nd_dtype t, nd_finfo *out);
/* numpy.iinfo: bits and range of an integer dtype (min as int64, max as uint64). */
typedef struct nd_iinfo {
    nd_dtype dtype;
    int bits;
    int64_t min;
    uint64_t max;
} nd_iinfo;
/* Fills *out for an integer dtype; ND_EDTYPE for bool, floats and complex. */
ND_API nd_status nd_iinfo_of(nd_dtype t, nd_iinfo *out);

/* numpy.promote_types(a, b): the smallest dtype both cast to safely (nd_result_type). */
ND_API nd_dtype nd_promote_types(nd_dtype a, nd_dtype b);
/* numpy.find_common_type(array_types, scalar_types) (NumPy 1.24): the smallest of
 * bool, int8, uint8, ..., uint64, float32, float64, complex64, complex128 that every array
 * type casts to safely; the scalar types count only when their kind (b < u < i < f < c)
 * is higher, then the result holds both. Returns the dtype, or a negative nd_status:
 * ND_EVALUE when both lists are empty (NumPy's None) or a count is negative, ND_EDTYPE
 * for an invalid dtype. */
ND_API int nd_find_common_type(int narray, const int *array_types, int nscalar,
                               const int *scalar_types);
/* numpy.min_scalar_type: the smallest dtype holding the value of s (integers by value,
 * unsigned when non-negative; floats by range). numc has no float16, so a float that
 * NumPy would call float16 gives float32. Returns -1 (ND_EDTYPE set) for a bad dtype. */
ND_API int nd_min_scalar_type(nd_scalar s);
/* numpy.common_type(*arrays): the inexact dtype of highest precision among n arrays
 * (integers count as float64). Returns the dtype, or a negative nd_status: ND_EDTYPE for
 * a bool array, ND_EVALUE for n < 1 or a NULL array. */
struct nd_array;
ND_API int nd_common_type(int n, const struct nd_array *const *arrays);

/* Convert `n` elements from `src` (type `st`, byte stride `ss`) to `dst` (type `dt`,
 * stride `ds`) with unsafe (C) semantics; complex→real drops the imaginary part. */
ND_API void nd_cast_strided(void *dst, nd_dtype dt, ptrdiff_t ds,
                            const void *src, nd_dtype st, ptrdiff_t ss, ptrdiff_t n);

/* ---- abstract scalar types: issubdtype, mintypecode ----------------------------------------- */
/* NumPy's abstract scalar types. Their values follow the nd_dtype ones, so one int argument
 * can hold either: generic > number > integer > signed/unsignedinteger, number > inexact >
 * floating / complexfloating; ND_KIND_BOOL is NumPy's bool_ (the same as ND_BOOL). */
typedef enum nd_kind {
    ND_KIND_GENERIC = 64,
    ND_KIND_NUMBER,
    ND_KIND_INTEGER,
    ND_KIND_SIGNEDINTEGER,
    ND_KIND_UNSIGNEDINTEGER,
    ND_KIND_INEXACT,
    ND_KIND_FLOATING,
    ND_KIND_COMPLEXFLOATING,
    ND_KIND_BOOL,
    ND_KIND_FLEXIBLE,       /* above the string types; datetime64 sits under generic, */
    ND_KIND_CHARACTER       /* timedelta64 under signedinteger, as in NumPy */
} nd_kind;
/* numpy.issubdtype(arg1, arg2): arg1 (an nd_dtype or nd_kind) is arg2 or below it in
 * NumPy's type hierarchy. A value that is neither sets ND_EDTYPE and returns false. */
ND_API bool nd_issubdtype(int arg1, int arg2);
/* NumPy's name of an nd_kind ("floating", "signedinteger"); "?" for other values. */
ND_API const char *nd_kind_name(int kind);
/* NumPy's dtype.char ('?', 'b', 'h', 'i', 'l', 'B', 'H', 'I', 'L', 'f', 'd', 'F', 'D',
 * 'M', 'm', 'S', 'U'); '\0' for an invalid value. */
ND_API char nd_dtype_char(nd_dtype t);
/* numpy.mintypecode(typechars, typeset="GDFgdf", default='d'): the type character of the
 * smallest-size type in typeset that the characters of typechars appear in ('D' when 'F'
 * and 'd' both do), `default_` when none does. NULL typeset / 0 default are NumPy's.
 * A character of typeset that is no type code ('e', 'x'): ND_EVALUE and '\0'.
 * nd_mintypecode("fdF") == 'D', nd_mintypecode("ii") == 'd'. */
ND_API char nd_mintypecode(const char *typechars, const char *typeset, char default_);
#define nd_mintypecode(...) ND__MINTYPECODE_N(__VA_ARGS__, 3, 2, 1, 0)(__VA_ARGS__)
#define ND__MINTYPECODE_N(a, b, c, n, ...) ND__MINTYPECODE_##n
#define ND__MINTYPECODE_1(t) (nd_mintypecode)((t), NULL, '\0')
#define ND__MINTYPECODE_2(t, set) (nd_mintypecode)((t), (set), '\0')
#define ND__MINTYPECODE_3(t, set, d) (nd_mintypecode)((t), (set), (d))

#ifdef __cplusplus
}
#endif
#endif

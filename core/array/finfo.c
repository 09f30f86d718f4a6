/* numpy.finfo / iinfo, min_scalar_type, common_type, promote_types. */
#include <numc/array.h>

#include <float.h>
#include <math.h>

#include "internal.h"

nd_status nd_finfo_of(nd_dtype t, nd_finfo *out)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_finfo_of: out is NULL");
    if (!nd_dtype_is_numeric((int)t)) return nd_set_error(ND_EDTYPE, "nd_finfo_of: invalid dtype %d", (int)t);
    if (t == ND_FLOAT32 || t == ND_COMPLEX64) {
        *out = (nd_finfo){ .dtype = ND_FLOAT32, .bits = 32, .eps = FLT_EPSILON, .epsneg = FLT_EPSILON / 2,
                           .max = FLT_MAX, .min = -FLT_MAX, .tiny = FLT_MIN, .smallest_normal = FLT_MIN,
                           .smallest_subnormal = 0x1p-149, .resolution = (double)1e-6f, .precision = 6,
                           .iexp = 8, .nexp = 8, .machep = -23, .negep = -24, .maxexp = 128,
                           .minexp = -126, .nmant = 23 };
        return ND_OK;
    }
    if (t == ND_FLOAT64 || t == ND_COMPLEX128) {
        *out = (nd_finfo){ .dtype = ND_FLOAT64, .bits = 64, .eps = DBL_EPSILON, .epsneg = DBL_EPSILON / 2,
                           .max = DBL_MAX, .min = -DBL_MAX, .tiny = DBL_MIN, .smallest_normal = DBL_MIN,
                           .smallest_subnormal = 0x1p-1074, .resolution = 1e-15, .precision = 15,
                           .iexp = 11, .nexp = 11, .machep = -52, .negep = -53, .maxexp = 1024,
                           .minexp = -1022, .nmant = 52 };
        return ND_OK;
    }
    return nd_set_error(ND_EDTYPE, "nd_finfo_of: data type %s not inexact", nd_dtype_name(t));
}

nd_status nd_iinfo_of(nd_dtype t, nd_iinfo *out)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_iinfo_of: out is NULL");
    if (!nd_dtype_is_numeric((int)t) || !nd_dtype_is_integer(t))
        return nd_set_error(ND_EDTYPE, "nd_iinfo_of: invalid integer data type %s",
                            nd_dtype_is_numeric((int)t) ? nd_dtype_name(t) : "?");
    int bits = (int)nd_dtype_size(t) * 8;
    bool sgn = nd_dtype_kind(t) == 'i';
    out->dtype = t;
    out->bits = bits;
    if (sgn) {
        out->max = bits == 64 ? (uint64_t)INT64_MAX : ((uint64_t)1 << (bits - 1)) - 1;
        out->min = -(int64_t)out->max - 1;
    } else {
        out->min = 0;
        out->max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    }
    return ND_OK;
}

nd_dtype nd_promote_types(nd_dtype a, nd_dtype b) { return nd_result_type(a, b); }

/* Smallest float type whose finite range holds |x| (NaN and inf fit any). */
static nd_dtype float_for(double x) { return !isfinite(x) || fabs(x) <= FLT_MAX ? ND_FLOAT32 : ND_FLOAT64; }

int nd_min_scalar_type(nd_scalar s)
{
    switch (s.dtype) {
    case ND_BOOL: return ND_BOOL;
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64: {
        int64_t v = s.v.i;
        if (v >= 0) return nd_min_scalar_type(ND_U64((uint64_t)v));
        return v >= INT8_MIN ? ND_INT8 : v >= INT16_MIN ? ND_INT16 : v >= INT32_MIN ? ND_INT32 : ND_INT64;
    }
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64: {
        uint64_t v = s.v.u;
        return v <= UINT8_MAX ? ND_UINT8 : v <= UINT16_MAX ? ND_UINT16 : v <= UINT32_MAX ? ND_UINT32 : ND_UINT64;
    }
    case ND_FLOAT32: case ND_FLOAT64: return float_for(s.v.f);
    case ND_COMPLEX64: case ND_COMPLEX128:
        return float_for(s.v.c[0]) == ND_FLOAT32 && float_for(s.v.c[1]) == ND_FLOAT32 ? ND_COMPLEX64 : ND_COMPLEX128;
    default: return nd_set_error(ND_EDTYPE, "nd_min_scalar_type: invalid scalar dtype %d", (int)s.dtype);
    }
}

int nd_common_type(int n, const nd_array *const *arrays)
{
    if (n < 1) return nd_set_error(ND_EVALUE, "nd_common_type: needs at least one array (got %d)", n);
    nd_status st = nd__check_list(n, arrays, "nd_common_type");
    if (st < 0) return st;
    bool cplx = false;
    int prec = 0; /* 32 or 64: the float precision */
    for (int i = 0; i < n; i++) {
        nd_dtype t = arrays[i]->dtype;
        if (t == ND_BOOL)
            return nd_set_error(ND_EDTYPE, "nd_common_type: can't get common type for non-numeric array %d (bool)", i);
        int p = t == ND_FLOAT32 || t == ND_COMPLEX64 ? 32 : 64;
        cplx = cplx || nd_dtype_is_complex(t);
        if (p > prec) prec = p;
    }
    return cplx ? (prec == 32 ? ND_COMPLEX64 : ND_COMPLEX128) : (prec == 32 ? ND_FLOAT32 : ND_FLOAT64);
}

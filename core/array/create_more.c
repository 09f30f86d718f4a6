/* numpy.asarray, frombuffer, fromiter and fastCopyAndTranspose. */
#include <numc/array.h>

#include <stdint.h>
#include <string.h>

#include "internal.h"

nd_array *(nd_asarray)(const nd_array *a, int dtype, nd_order order)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_asarray: array is NULL");
    if (dtype != -1 && !nd_dtype_is_numeric(dtype))
        return ND_FAIL(ND_EDTYPE, "nd_asarray: invalid dtype %d (-1 keeps the array's)", dtype);
    if (order < ND_ORDER_C || order > ND_ORDER_K) return ND_FAIL(ND_EVALUE, "nd_asarray: invalid order %d", (int)order);
    nd_dtype dt = dtype == -1 ? a->dtype : (nd_dtype)dtype;
    bool fits = order == ND_ORDER_C   ? nd_is_c_contiguous(a)
                : order == ND_ORDER_F ? nd_is_f_contiguous(a)
                : order == ND_ORDER_A ? nd_is_c_contiguous(a) || nd_is_f_contiguous(a)
                                      : true;
    if (dt == a->dtype && fits) return nd_ref(a);
    if (order == ND_ORDER_K && dt != a->dtype) return nd_astype(a, dt, ND_CAST_UNSAFE);
    /* order A: Fortran when a is Fortran-contiguous and not C, like NumPy's copy. */
    bool fortran = order == ND_ORDER_F || (order == ND_ORDER_A && nd_is_f_contiguous(a) && !nd_is_c_contiguous(a));
    nd_array *out = nd__alloc(a->ndim, a->shape, dt, fortran, "nd_asarray");
    if (out && nd__copy_into(out, a) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *(nd_frombuffer)(void *buffer, size_t nbytes, nd_dtype dtype, ptrdiff_t count, ptrdiff_t offset)
{
    if (!buffer && nbytes) return ND_FAIL(ND_EVALUE, "nd_frombuffer: buffer is NULL");
    if (!nd_dtype_is_numeric((int)dtype)) return ND_FAIL(ND_EDTYPE, "nd_frombuffer: invalid dtype %d", (int)dtype);
    if (nbytes > (size_t)PTRDIFF_MAX) return ND_FAIL(ND_EVALUE, "nd_frombuffer: buffer of %zu bytes is too large", nbytes);
    ptrdiff_t len = (ptrdiff_t)nbytes, isz = (ptrdiff_t)nd_dtype_size(dtype);
    if (offset < 0 || offset > len)
        return ND_FAIL(ND_EVALUE, "nd_frombuffer: offset must be non-negative and no greater than buffer length (%td), got %td",
                       len, offset);
    ptrdiff_t avail = len - offset, n;
    if (count < 0) {
        if (avail % isz)
            return ND_FAIL(ND_EVALUE, "nd_frombuffer: buffer size must be a multiple of element size (%td bytes left, %s is %td)",
                           avail, nd_dtype_name(dtype), isz);
        n = avail / isz;
    } else {
        if (count > avail / isz)
            return ND_FAIL(ND_EVALUE, "nd_frombuffer: buffer is smaller than requested size (%td %s need %td bytes, %td left)",
                           count, nd_dtype_name(dtype), count * isz, avail);
        n = count;
    }
    if (!n) return nd_empty(1, &n, dtype);
    return nd_wrap((char *)buffer + offset, 1, &n, NULL, dtype, NULL, NULL);
}

nd_array *(nd_fromiter)(bool (*next)(void *ctx, nd_scalar *out), void *ctx, nd_dtype dtype, ptrdiff_t count)
{
    if (!next) return ND_FAIL(ND_EVALUE, "nd_fromiter: next is NULL");
    if (!nd_dtype_is_numeric((int)dtype)) return ND_FAIL(ND_EDTYPE, "nd_fromiter: invalid dtype %d", (int)dtype);
    size_t isz = nd_dtype_size(dtype), cap = 0, used = 0;
    char *buf = NULL;
    ptrdiff_t n = 0;
    nd_scalar s;
    while ((count < 0 || n < count) && next(ctx, &s)) {
        if (nd__buf_reserve(&buf, used, &cap, used + isz, 64 * isz, "nd_fromiter") < 0) {
            nd_free_mem(buf);
            return NULL;
        }
        nd__scalar_store(buf + used, dtype, s);
        used += isz;
        n++;
    }
    if (count >= 0 && n < count) {
        nd_free_mem(buf);
        return ND_FAIL(ND_EVALUE, "nd_fromiter: iterator too short: Expected %td but iterator had only %td items.", count, n);
    }
    nd_array *out = nd__alloc(1, &n, dtype, false, "nd_fromiter");
    if (out && used) memcpy(out->data, buf, used);
    nd_free_mem(buf);
    return out;
}

nd_array *nd_fastCopyAndTranspose(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_fastCopyAndTranspose: array is NULL");
    nd_array *t = nd_transpose(a, NULL);
    nd_array *out = t ? nd_copy(t, ND_ORDER_C) : NULL;
    nd_free(t);
    return out;
}

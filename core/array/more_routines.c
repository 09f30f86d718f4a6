/* Smaller NumPy routines over views and layouts: hsplit / vsplit / dsplit, rollaxis,
 * asfortranarray, isfortran, require, shares_memory, asfarray. */
#include <numc/manip.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- hsplit / vsplit / dsplit ---------------------------------------------------------- */

/* The axis each of them splits along, or -1 (error set) when a has too few dimensions. */
static int split_axis(const nd_array *a, int which, const char *who)
{
    if (!a) return (nd_set_error(ND_EVALUE, "%s: array is NULL", who), -1);
    static const char *const names[] = { "hsplit", "vsplit", "dsplit" };
    static const int min_ndim[] = { 1, 2, 3 };
    if (a->ndim < min_ndim[which])
        return (nd_set_error(ND_EVALUE, "%s: %s only works on arrays of %d or more dimensions (got %d)", who,
                             names[which], min_ndim[which], a->ndim),
                -1);
    if (which == 0) return a->ndim > 1 ? 1 : 0;
    return which == 1 ? 0 : 2;
}

static nd_status split_sections(const nd_array *a, ptrdiff_t sections, nd_array **out, int which, const char *who)
{
    int axis = split_axis(a, which, who);
    if (axis < 0) return nd_last_error();
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    if (sections <= 0)
        return nd_set_error(ND_EVALUE, "%s: number sections must be larger than 0 (got %td)", who, sections);
    if (a->shape[axis] % sections)
        return nd_set_error(ND_EVALUE, "%s: array split does not result in an equal division (axis %d of length %td into %td sections)",
                            who, axis, a->shape[axis], sections);
    return nd_array_split(a, sections, axis, out);
}

static nd_status split_indices(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out, int which,
                               const char *who)
{
    int axis = split_axis(a, which, who);
    if (axis < 0) return nd_last_error();
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    if (n < 0 || (n > 0 && !indices)) return nd_set_error(ND_EVALUE, "%s: bad index count %d", who, n);
    return nd_split_at(a, n, indices, axis, out);
}

nd_status nd_hsplit(const nd_array *a, ptrdiff_t sections, nd_array **out) { return split_sections(a, sections, out, 0, "nd_hsplit"); }
nd_status nd_vsplit(const nd_array *a, ptrdiff_t sections, nd_array **out) { return split_sections(a, sections, out, 1, "nd_vsplit"); }
nd_status nd_dsplit(const nd_array *a, ptrdiff_t sections, nd_array **out) { return split_sections(a, sections, out, 2, "nd_dsplit"); }

nd_status nd_hsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out)
{
    return split_indices(a, n, indices, out, 0, "nd_hsplit_at");
}
nd_status nd_vsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out)
{
    return split_indices(a, n, indices, out, 1, "nd_vsplit_at");
}
nd_status nd_dsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out)
{
    return split_indices(a, n, indices, out, 2, "nd_dsplit_at");
}

/* ---- rollaxis --------------------------------------------------------------------------- */

nd_array *(nd_rollaxis)(const nd_array *a, int axis, int start)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_rollaxis: array is NULL");
    int n = a->ndim;
    if (nd__norm_axis(&axis, n, "nd_rollaxis") < 0) return NULL;
    int s = start < 0 ? start + n : start;
    if (s < 0 || s > n)
        return ND_FAIL(ND_EAXIS, "nd_rollaxis: 'start' arg requires %d <= start < %d, but %d was passed in", -n, n + 1,
                       start);
    if (axis < s) s--;
    int perm[ND_MAXDIMS], k = 0;
    for (int i = 0; i < n; i++) {
        if (k == s) perm[k++] = axis;
        if (i != axis) perm[k++] = i;
    }
    if (k == s) perm[k++] = axis;
    return nd_transpose(a, perm);
}

/* ---- layouts: isfortran, asfortranarray, require ---------------------------------------- */

bool nd_isfortran(const nd_array *a)
{
    if (!a) return (nd_set_error(ND_EVALUE, "nd_isfortran: array is NULL"), false);
    return nd_is_f_contiguous(a) && !nd_is_c_contiguous(a);
}

/* A new array of a's values as dtype dt in C or F order. */
static nd_array *convert(const nd_array *a, nd_dtype dt, bool fortran, const char *who)
{
    nd_array *out = nd__alloc(a->ndim, a->shape, dt, fortran, who);
    if (out && nd__copy_into(out, a) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *nd_asfortranarray(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_asfortranarray: array is NULL");
    if (a->ndim == 0) { /* NumPy gives at least one dimension (ndmin=1) */
        ptrdiff_t one = 1;
        nd_array *v = nd__view_of(a, 1, &one, (ptrdiff_t[]){ 0 }, a->data, a->dtype);
        if (!v) return NULL;
        nd_array *out = convert(v, a->dtype, true, "nd_asfortranarray");
        nd_free(v);
        return out;
    }
    if (nd_is_f_contiguous(a)) return nd_ref(a);
    return convert(a, a->dtype, true, "nd_asfortranarray");
}

nd_array *(nd_require)(const nd_array *a, int dtype, unsigned int requirements)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_require: array is NULL");
    if (dtype != -1 && !nd_dtype_is_numeric(dtype))
        return ND_FAIL(ND_EDTYPE, "nd_require: invalid dtype %d (-1 keeps the array's)", dtype);
    const unsigned known = ND_REQ_C | ND_REQ_F | ND_REQ_A | ND_REQ_W | ND_REQ_O | ND_REQ_E;
    if (requirements & ~known)
        return ND_FAIL(ND_EVALUE, "nd_require: unknown requirement bits 0x%x", requirements & ~known);
    if ((requirements & ND_REQ_C) && (requirements & ND_REQ_F))
        return ND_FAIL(ND_EVALUE, "nd_require: Cannot specify both \"C\" and \"F\" order");
    nd_dtype dt = dtype == -1 ? a->dtype : (nd_dtype)dtype;
    /* np.array(a, dtype, order, copy=False): order A keeps a Fortran array Fortran. */
    bool want_c = requirements & ND_REQ_C, want_f = requirements & ND_REQ_F;
    bool fortran = want_f || (!want_c && nd_isfortran(a));
    nd_array *arr;
    bool converted = dt != a->dtype || (want_c && !nd_is_c_contiguous(a)) || (want_f && !nd_is_f_contiguous(a));
    if (converted)
        arr = convert(a, dt, fortran, "nd_require");
    else
        arr = nd_ref(a);
    if (!arr) return NULL;
    /* Every other flag asked for that the array lacks: a copy (which has them all). The
     * flags are a's when arr is a new handle on it (a handle never owns the data). */
    unsigned flags = converted ? arr->flags : a->flags;
    bool lacks = ((requirements & ND_REQ_W) && !(flags & ND_WRITEABLE)) ||
                 ((requirements & ND_REQ_O) && !(flags & ND_OWNDATA)) ||
                 ((requirements & ND_REQ_A) && !(flags & ND_ALIGNED));
    if (lacks) {
        nd_array *c = convert(arr, dt, want_f || (!want_c && nd_isfortran(arr)), "nd_require");
        nd_free(arr);
        arr = c;
    }
    return arr;
}

/* ---- shares_memory ----------------------------------------------------------------------- */

/* Is there x with 0 <= x[d] < n[d] and lo <= sum c[d] x[d] <= hi? Dimensions come sorted by
 * decreasing |c|; rlo[d] / rhi[d] bound what dimensions d.. can add. *work counts the
 * candidates tried and stops the search at max_work (> 0) with -1. */
typedef struct span_problem {
    int nd;
    ptrdiff_t c[2 * ND_MAXDIMS], n[2 * ND_MAXDIMS], rlo[2 * ND_MAXDIMS + 1], rhi[2 * ND_MAXDIMS + 1];
    long long work, max_work;
} span_problem;

static ptrdiff_t floor_div(ptrdiff_t a, ptrdiff_t b)
{
    ptrdiff_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static int span_search(span_problem *p, int d, ptrdiff_t lo, ptrdiff_t hi)
{
    if (lo > hi) return 0;
    if (d == p->nd) return lo <= 0 && 0 <= hi;
    if (hi < p->rlo[d] || lo > p->rhi[d]) return 0;
    /* c x must land in [lo - rhi[d+1], hi - rlo[d+1]] */
    ptrdiff_t c = p->c[d], a = lo - p->rhi[d + 1], b = hi - p->rlo[d + 1], x0, x1;
    if (c > 0) {
        x0 = -floor_div(-a, c);
        x1 = floor_div(b, c);
    } else {
        x0 = -floor_div(b, -c);
        x1 = floor_div(-a, -c);
    }
    if (x0 < 0) x0 = 0;
    if (x1 > p->n[d] - 1) x1 = p->n[d] - 1;
    for (ptrdiff_t x = x0; x <= x1; x++) {
        if (p->max_work > 0 && ++p->work > p->max_work) return -1;
        int r = span_search(p, d + 1, lo - c * x, hi - c * x);
        if (r) return r;
    }
    return 0;
}

static int cmp_abs_desc(const void *x, const void *y)
{
    const ptrdiff_t *u = x, *v = y;
    ptrdiff_t a = u[0] < 0 ? -u[0] : u[0], b = v[0] < 0 ? -v[0] : v[0];
    return (a < b) - (a > b);
}

int nd_shares_memory_(const nd_array *a, const nd_array *b, long long max_work)
{
    if (!a || !b) return nd_set_error(ND_EVALUE, "nd_shares_memory: array is NULL");
    if (!a->size || !b->size) return 0;
    char *al, *ah, *bl, *bh;
    nd__extent(a, &al, &ah);
    nd__extent(b, &bl, &bh);
    if (!(al < bh && bl < ah)) return 0;
    if (max_work == 0) return 1; /* NumPy's max_work=0: the bounds check alone */
    /* Byte addresses: A = da + sum sa_i x_i (itemsize ia), B = db + sum sb_j y_j (ib). They
     * overlap when -(ia - 1) <= (db + sum sb y) - (da + sum sa x) <= ib - 1 ... i.e.
     * sum sa x - sum sb y in [db - da - (ib - 1), db - da + (ia - 1)]. */
    ptrdiff_t pairs[2 * ND_MAXDIMS][2];
    int k = 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] > 1 && a->strides[i]) pairs[k][0] = a->strides[i], pairs[k++][1] = a->shape[i];
    for (int i = 0; i < b->ndim; i++)
        if (b->shape[i] > 1 && b->strides[i]) pairs[k][0] = -b->strides[i], pairs[k++][1] = b->shape[i];
    qsort(pairs, (size_t)k, sizeof pairs[0], cmp_abs_desc);
    span_problem p = { .nd = k, .max_work = max_work };
    for (int d = 0; d < k; d++) p.c[d] = pairs[d][0], p.n[d] = pairs[d][1];
    p.rlo[k] = p.rhi[k] = 0;
    for (int d = k - 1; d >= 0; d--) {
        ptrdiff_t far = p.c[d] * (p.n[d] - 1);
        p.rlo[d] = p.rlo[d + 1] + (far < 0 ? far : 0);
        p.rhi[d] = p.rhi[d + 1] + (far > 0 ? far : 0);
    }
    ptrdiff_t delta = b->data - a->data;
    ptrdiff_t ia = (ptrdiff_t)nd_dtype_size(a->dtype), ib = (ptrdiff_t)nd_dtype_size(b->dtype);
    int r = span_search(&p, 0, delta - (ib - 1), delta + (ia - 1));
    if (r < 0)
        return nd_set_error(ND_EVALUE, "nd_shares_memory: Exceeded max_work (%lld) deciding the overlap", max_work);
    return r;
}

/* ---- asfarray ------------------------------------------------------------------------------ */

nd_array *(nd_asfarray)(const nd_array *a, int dtype)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_asfarray: array is NULL");
    if (dtype != -1 && !nd_dtype_is_numeric(dtype))
        return ND_FAIL(ND_EDTYPE, "nd_asfarray: invalid dtype %d (-1 means float64)", dtype);
    nd_dtype dt = dtype == -1 ? ND_FLOAT64 : (nd_dtype)dtype;
    if (!nd_dtype_is_float(dt) && !nd_dtype_is_complex(dt)) dt = ND_FLOAT64; /* not inexact */
    if (a->dtype == dt) return nd_ref(a);
    return nd_astype(a, dt, ND_CAST_UNSAFE);
}

/* ---- disp ---------------------------------------------------------------------------------- */

nd_status (nd_disp)(const nd_array *a, FILE *device, bool linefeed)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_disp: array is NULL");
    char *s = nd_str(a);
    if (!s) return nd_last_error();
    if (!device) device = stdout;
    int rc = fputs(s, device);
    if (rc >= 0 && linefeed) rc = fputc('\n', device);
    if (rc >= 0) rc = fflush(device) == 0 ? 0 : -1;
    nd_free_mem(s);
    return rc < 0 ? nd_set_error(ND_EIO, "nd_disp: cannot write to the device") : ND_OK;
}

/* numpy.fft's transforms on FFTW's guru interface.
 *
 * One geometry per call: the transformed axes are the plan's dimensions and every other
 * axis a vector (howmany) dimension, all with the arrays' own strides, so strided and
 * transposed inputs need no copy. A copy is made only when the input must change anyway
 * (zero-padding or truncation to n/s, a dtype conversion such as real → complex) or
 * FFTW cannot describe its strides (negative or zero); the copy is made straight into the
 * output array, which is then transformed in place. */
#include "fft_internal.h"

#include <math.h>
#include <string.h>

enum { MODE_1D, MODE_2D, MODE_ND };

static bool is_single(nd_dtype t) { return t == ND_FLOAT32 || t == ND_COMPLEX64; }

/* ---- options ------------------------------------------------------------------------------ */

/* Axes and logical lengths of a transform. `c2r`: default length of the last axis is
 * 2*(m-1) (the output length of an inverse real transform). */
static nd_status resolve(const nd_fft_opts *o, int mode, bool c2r, int *naxes, int *axes,
                         ptrdiff_t *sizes, const char *who)
{
    if (!o || !o->a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    const nd_array *x = o->a;
    if ((unsigned)o->norm > ND_FFT_FORWARD)
        return nd_set_error(ND_EVALUE, "%s: invalid norm %d", who, (int)o->norm);
    if (mode == MODE_1D) {
        if (o->s.n || o->axes.n)
            return nd_set_error(ND_EVALUE, "%s: one-dimensional transforms take .n and .axis, not .s / .axes", who);
        axes[0] = o->axis != ND_AXIS_NONE ? o->axis : -1;
        if (nd__norm_axis(&axes[0], x->ndim, who) < 0) return nd_last_error();
        *naxes = 1;
        if (o->n < 0) return nd_set_error(ND_EVALUE, "%s: invalid number of FFT data points (%td) specified", who, o->n);
        sizes[0] = o->n ? o->n : c2r ? 2 * (x->shape[axes[0]] - 1) : x->shape[axes[0]];
    } else {
        if (o->n || o->axis != ND_AXIS_NONE)
            return nd_set_error(ND_EVALUE, "%s: multi-dimensional transforms take .s and .axes, not .n / .axis", who);
        if (o->s.n < 0 || o->s.n > ND_MAXDIMS || o->axes.n < 0 || o->axes.n > ND_MAXDIMS)
            return nd_set_error(ND_EVALUE, "%s: invalid .s / .axes", who);
        if (o->axes.n) {
            if (o->s.n && o->s.n != o->axes.n)
                return nd_set_error(ND_ESHAPE, "%s: shape and axes have different lengths (%d and %d)", who,
                                 o->s.n, o->axes.n);
            *naxes = o->axes.n;
            for (int i = 0; i < *naxes; i++) axes[i] = o->axes.ax[i];
        } else {
            *naxes = o->s.n ? o->s.n : mode == MODE_2D ? 2 : x->ndim;
            if (*naxes > x->ndim)
                return nd_set_error(ND_EAXIS, "%s: %d axes requested of an array of dimension %d", who, *naxes, x->ndim);
            for (int i = 0; i < *naxes; i++) axes[i] = x->ndim - *naxes + i;
        }
        if (*naxes == 0) return nd_set_error(ND_EVALUE, "%s: no axes to transform", who);
        for (int i = 0; i < *naxes; i++) {
            if (nd__norm_axis(&axes[i], x->ndim, who) < 0) return nd_last_error();
            sizes[i] = o->s.n ? o->s.v[i] : x->shape[axes[i]];
        }
        if (c2r && !o->s.n) sizes[*naxes - 1] = 2 * (x->shape[axes[*naxes - 1]] - 1);
    }
    for (int i = 0; i < *naxes; i++)
        if (sizes[i] < 1)
            return nd_set_error(ND_EVALUE, "%s: invalid number of FFT data points (%td) specified", who, sizes[i]);
    return ND_OK;
}

static bool has_duplicates(int n, const int *axes)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (axes[i] == axes[j]) return true;
    return false;
}

/* ---- arrays -------------------------------------------------------------------------------- */

/* Whether FFTW can read x in place: positive element-multiple strides on every axis of
 * extent > 1, data aligned to its real component. */
static bool fftw_readable(const nd_array *x)
{
    ptrdiff_t esz = (ptrdiff_t)nd_dtype_size(x->dtype);
    ptrdiff_t real = nd_dtype_is_complex(x->dtype) ? esz / 2 : esz;
    if ((uintptr_t)x->data % (uintptr_t)real) return false;
    for (int d = 0; d < x->ndim; d++)
        if (x->shape[d] > 1 && (x->strides[d] <= 0 || x->strides[d] % esz)) return false;
    return true;
}

/* x's shape with the transformed axes set to sizes. */
static void shape_with(const nd_array *x, int naxes, const int *axes, const ptrdiff_t *sizes,
                       ptrdiff_t *shape)
{
    memcpy(shape, x->shape, sizeof(ptrdiff_t) * (size_t)x->ndim);
    for (int i = 0; i < naxes; i++) shape[axes[i]] = sizes[i];
}

/* dst (fresh, C-ordered) = x zero-padded / truncated to dst's shape, converted. */
static nd_status resize_into(nd_array *dst, const nd_array *x)
{
    ptrdiff_t shape[ND_MAXDIMS];
    bool pad = false;
    for (int d = 0; d < x->ndim; d++) {
        shape[d] = x->shape[d] < dst->shape[d] ? x->shape[d] : dst->shape[d];
        pad |= dst->shape[d] > x->shape[d];
    }
    if (pad) memset(dst->data, 0, (size_t)dst->size * nd_dtype_size(dst->dtype));
    nd_array *xv = nd__view_of(x, x->ndim, shape, x->strides, x->data, x->dtype);
    nd_array *dv = xv ? nd__view_of(dst, dst->ndim, shape, dst->strides, dst->data, dst->dtype) : NULL;
    nd_status s = dv ? nd__copy_into(dv, xv) : nd_last_error();
    nd_free(xv);
    nd_free(dv);
    return s;
}

/* The two sides of a real transform over `axes`: rshape, x's shape with the transformed
 * axes at their logical lengths (the real array); hshape, the same with the last of them
 * n/2 + 1 long (the half spectrum). */
static void real_sides(const nd_array *x, int naxes, const int *axes, const ptrdiff_t *sizes,
                       ptrdiff_t *rshape, ptrdiff_t *hshape)
{
    shape_with(x, naxes, axes, sizes, rshape);
    memcpy(hshape, rshape, sizeof(ptrdiff_t) * (size_t)x->ndim);
    hshape[axes[naxes - 1]] = sizes[naxes - 1] / 2 + 1;
}

/* Multiply every real component of a contiguous array by f. */
static void scale(nd_array *a, double f)
{
    if (f == 1.0) return;
    ptrdiff_t n = a->size * (nd_dtype_is_complex(a->dtype) ? 2 : 1);
    if (is_single(a->dtype)) {
        float *p = (float *)a->data, g = (float)f;
        for (ptrdiff_t i = 0; i < n; i++) p[i] *= g;
    } else {
        double *p = (double *)a->data;
        for (ptrdiff_t i = 0; i < n; i++) p[i] *= f;
    }
}

static double norm_factor(nd_fft_norm norm, bool inverse, int naxes, const ptrdiff_t *sizes)
{
    double n = 1;
    for (int i = 0; i < naxes; i++) n *= (double)sizes[i];
    if (norm == ND_FFT_ORTHO) return 1.0 / sqrt(n);
    if ((norm == ND_FFT_BACKWARD) == inverse) return 1.0 / n;
    return 1.0;
}

static void conjugate(nd_array *a)
{
    ptrdiff_t n = a->size;
    if (a->dtype == ND_COMPLEX64)
        for (ptrdiff_t i = 0; i < n; i++) ((float *)a->data)[2 * i + 1] *= -1.0f;
    else
        for (ptrdiff_t i = 0; i < n; i++) ((double *)a->data)[2 * i + 1] *= -1.0;
}

/* ---- the three kinds ------------------------------------------------------------------------- */

static nd_array *c2c(const nd_array *x, int naxes, const int *axes, const ptrdiff_t *sizes, bool inverse,
                     nd_fft_norm norm, nd_fft_planner rigor, const char *who)
{
    if (has_duplicates(naxes, axes)) {
        /* numpy's _raw_fftnd: one axis at a time, last listed first. */
        nd_array *cur = nd_ref(x);
        for (int i = naxes - 1; i >= 0 && cur; i--) {
            nd_array *next = c2c(cur, 1, &axes[i], &sizes[i], inverse, norm, rigor, who);
            nd_free(cur);
            cur = next;
        }
        return cur;
    }
    bool single = is_single(x->dtype);
    nd_dtype ct = single ? ND_COMPLEX64 : ND_COMPLEX128;
    ptrdiff_t shape[ND_MAXDIMS];
    shape_with(x, naxes, axes, sizes, shape);
    nd_array *out = nd__alloc(x->ndim, shape, ct, false, who);
    if (!out || out->size == 0) return out;
    bool resized = false;
    for (int i = 0; i < naxes; i++) resized |= sizes[i] != x->shape[axes[i]];
    const nd_array *in = x;
    if (x->dtype != ct || resized || !fftw_readable(x)) {
        if (resize_into(out, x) < 0) goto fail;
        in = out;
    }
    int sign = inverse ? FFT_SIGN_INVERSE : FFT_SIGN_FORWARD;
    if (fft_use_passes(rigor, nd_nbytes(out))) {
        /* One axis at a time, the last (usually contiguous) first, from the input into out. */
        for (int i = naxes - 1; i >= 0; i--) {
            const nd_array *src = i == naxes - 1 ? in : out;
            if (fft_axis(FFT_C2C, single, sign, x->ndim, shape, axes[i], src->data, src->strides,
                         out->data, out->strides, rigor, who) < 0)
                goto fail;
        }
    } else {
        fft_key k;
        fft_make_key(&k, FFT_C2C, single, sign, x->ndim, shape, in->strides, (ptrdiff_t)nd_dtype_size(ct),
                     out->strides, (ptrdiff_t)nd_dtype_size(ct), naxes, axes);
        if (fft_run(&k, in->data, out->data, rigor, who) < 0) goto fail;
    }
    scale(out, norm_factor(norm, inverse, naxes, sizes));
    return out;
fail:
    nd_free(out);
    return NULL;
}

static nd_array *r2c(const nd_array *x, int naxes, const int *axes, const ptrdiff_t *sizes,
                     nd_fft_norm norm, nd_fft_planner rigor, const char *who)
{
    if (has_duplicates(naxes, axes)) {
        /* numpy's rfftn: rfft over the last axis, then complex transforms over the rest. */
        nd_array *cur = r2c(x, 1, &axes[naxes - 1], &sizes[naxes - 1], norm, rigor, who);
        for (int i = 0; i < naxes - 1 && cur; i++) {
            nd_array *next = c2c(cur, 1, &axes[i], &sizes[i], false, norm, rigor, who);
            nd_free(cur);
            cur = next;
        }
        return cur;
    }
    bool single = is_single(x->dtype);
    nd_dtype rt = single ? ND_FLOAT32 : ND_FLOAT64, ct = single ? ND_COMPLEX64 : ND_COMPLEX128;
    ptrdiff_t lshape[ND_MAXDIMS], oshape[ND_MAXDIMS];
    real_sides(x, naxes, axes, sizes, lshape, oshape);
    nd_array *out = nd__alloc(x->ndim, oshape, ct, false, who), *tmp = NULL;
    if (!out || out->size == 0) return out;
    bool resized = false;
    for (int i = 0; i < naxes; i++) resized |= sizes[i] != x->shape[axes[i]];
    const nd_array *in = x;
    if (x->dtype != rt || resized || !fftw_readable(x)) {
        /* Complex input: the conversion keeps the real part, as NumPy does. */
        if (!(tmp = nd__alloc(x->ndim, lshape, rt, false, who)) || resize_into(tmp, x) < 0) goto fail;
        in = tmp;
    }
    if (fft_use_passes(rigor, nd_nbytes(out))) {
        /* The real transform over the last axis, then complex ones in place over the rest. */
        if (fft_axis(FFT_R2C, single, FFT_SIGN_FORWARD, x->ndim, lshape, axes[naxes - 1], in->data,
                     in->strides, out->data, out->strides, rigor, who) < 0)
            goto fail;
        for (int i = naxes - 2; i >= 0; i--)
            if (fft_axis(FFT_C2C, single, FFT_SIGN_FORWARD, x->ndim, oshape, axes[i], out->data,
                         out->strides, out->data, out->strides, rigor, who) < 0)
                goto fail;
    } else {
        fft_key k;
        fft_make_key(&k, FFT_R2C, single, FFT_SIGN_FORWARD, x->ndim, lshape, in->strides,
                     (ptrdiff_t)nd_dtype_size(rt), out->strides, (ptrdiff_t)nd_dtype_size(ct), naxes, axes);
        if (fft_run(&k, in->data, out->data, rigor, who) < 0) goto fail;
    }
    scale(out, norm_factor(norm, false, naxes, sizes));
    nd_free(tmp);
    return out;
fail:
    nd_free(tmp);
    nd_free(out);
    return NULL;
}

static nd_array *c2r(const nd_array *x, int naxes, const int *axes, const ptrdiff_t *sizes,
                     nd_fft_norm norm, bool conj_in, nd_fft_planner rigor, const char *who)
{
    int last = axes[naxes - 1];
    if (has_duplicates(naxes, axes)) {
        /* numpy's irfftn: inverse complex transforms over all but the last axis, then irfft. */
        nd_array *cur = nd_ref(x);
        for (int i = 0; i < naxes - 1 && cur; i++) {
            nd_array *next = c2c(cur, 1, &axes[i], &sizes[i], true, norm, rigor, who);
            nd_free(cur);
            cur = next;
        }
        nd_array *r = cur ? c2r(cur, 1, &last, &sizes[naxes - 1], norm, conj_in, rigor, who) : NULL;
        nd_free(cur);
        return r;
    }
    bool single = is_single(x->dtype);
    nd_dtype rt = single ? ND_FLOAT32 : ND_FLOAT64, ct = single ? ND_COMPLEX64 : ND_COMPLEX128;
    ptrdiff_t tshape[ND_MAXDIMS], oshape[ND_MAXDIMS];
    real_sides(x, naxes, axes, sizes, oshape, tshape);
    /* FFTW's c2r destroys its input, so the half-spectrum always goes to a scratch copy;
     * the complex transforms over the other axes run in place on it first (NumPy's
     * order, which defines the result for inputs that are not Hermitian). */
    nd_array *t = nd__alloc(x->ndim, tshape, ct, false, who);
    nd_array *out = nd__alloc(x->ndim, oshape, rt, false, who);
    if (!t || !out) goto fail;
    if (out->size == 0) {
        nd_free(t);
        return out;
    }
    if (resize_into(t, x) < 0) goto fail;
    if (conj_in) conjugate(t);
    if (fft_use_passes(rigor, nd_nbytes(t))) {
        for (int i = naxes - 2; i >= 0; i--)
            if (fft_axis(FFT_C2C, single, FFT_SIGN_INVERSE, x->ndim, tshape, axes[i], t->data, t->strides,
                         t->data, t->strides, rigor, who) < 0)
                goto fail;
    } else if (naxes > 1) {
        fft_key k;
        fft_make_key(&k, FFT_C2C, single, FFT_SIGN_INVERSE, x->ndim, tshape, t->strides,
                     (ptrdiff_t)nd_dtype_size(ct), t->strides, (ptrdiff_t)nd_dtype_size(ct), naxes - 1, axes);
        if (fft_run(&k, t->data, t->data, rigor, who) < 0) goto fail;
    }
    if (fft_axis(FFT_C2R, single, FFT_SIGN_INVERSE, x->ndim, oshape, last, t->data, t->strides, out->data,
                 out->strides, rigor, who) < 0)
        goto fail;
    scale(out, norm_factor(norm, true, naxes, sizes));
    nd_free(t);
    return out;
fail:
    nd_free(t);
    nd_free(out);
    return NULL;
}

/* ---- public entry points ----------------------------------------------------------------------- */

static nd_fft_norm swap_norm(nd_fft_norm n)
{
    return n == ND_FFT_BACKWARD ? ND_FFT_FORWARD : n == ND_FFT_FORWARD ? ND_FFT_BACKWARD : n;
}

#define C2C_ENTRY(fname, mode, inverse, who)                                                 \
    nd_array *fname(const nd_fft_opts *o)                                                    \
    {                                                                                        \
        int naxes = 0, axes[ND_MAXDIMS];                                                       \
        ptrdiff_t sizes[ND_MAXDIMS];                                                         \
        if (resolve(o, mode, false, &naxes, axes, sizes, who) < 0) return NULL;              \
        return c2c(o->a, naxes, axes, sizes, inverse, o->norm, o->planner, who);             \
    }
C2C_ENTRY(nd_fft_, MODE_1D, false, "nd_fft")
C2C_ENTRY(nd_ifft_, MODE_1D, true, "nd_ifft")
C2C_ENTRY(nd_fft2_, MODE_2D, false, "nd_fft2")
C2C_ENTRY(nd_ifft2_, MODE_2D, true, "nd_ifft2")
C2C_ENTRY(nd_fftn_, MODE_ND, false, "nd_fftn")
C2C_ENTRY(nd_ifftn_, MODE_ND, true, "nd_ifftn")

#define R2C_ENTRY(fname, mode, who)                                                          \
    nd_array *fname(const nd_fft_opts *o)                                                    \
    {                                                                                        \
        int naxes = 0, axes[ND_MAXDIMS];                                                       \
        ptrdiff_t sizes[ND_MAXDIMS];                                                         \
        if (resolve(o, mode, false, &naxes, axes, sizes, who) < 0) return NULL;              \
        return r2c(o->a, naxes, axes, sizes, o->norm, o->planner, who);                      \
    }
R2C_ENTRY(nd_rfft_, MODE_1D, "nd_rfft")
R2C_ENTRY(nd_rfft2_, MODE_2D, "nd_rfft2")
R2C_ENTRY(nd_rfftn_, MODE_ND, "nd_rfftn")

#define C2R_ENTRY(fname, mode, who)                                                          \
    nd_array *fname(const nd_fft_opts *o)                                                    \
    {                                                                                        \
        int naxes = 0, axes[ND_MAXDIMS];                                                       \
        ptrdiff_t sizes[ND_MAXDIMS];                                                         \
        if (resolve(o, mode, true, &naxes, axes, sizes, who) < 0) return NULL;               \
        return c2r(o->a, naxes, axes, sizes, o->norm, false, o->planner, who);               \
    }
C2R_ENTRY(nd_irfft_, MODE_1D, "nd_irfft")
C2R_ENTRY(nd_irfft2_, MODE_2D, "nd_irfft2")
C2R_ENTRY(nd_irfftn_, MODE_ND, "nd_irfftn")

/* numpy: hfft(a, n) = irfft(conj(a), n) with the norm's direction swapped. */
nd_array *nd_hfft_(const nd_fft_opts *o)
{
    int naxes = 0, axes[ND_MAXDIMS];
    ptrdiff_t sizes[ND_MAXDIMS];
    if (resolve(o, MODE_1D, true, &naxes, axes, sizes, "nd_hfft") < 0) return NULL;
    return c2r(o->a, 1, axes, sizes, swap_norm(o->norm), true, o->planner, "nd_hfft");
}

/* numpy: ihfft(a, n) = conj(rfft(a, n)) with the norm's direction swapped. */
nd_array *nd_ihfft_(const nd_fft_opts *o)
{
    int naxes = 0, axes[ND_MAXDIMS];
    ptrdiff_t sizes[ND_MAXDIMS];
    if (resolve(o, MODE_1D, false, &naxes, axes, sizes, "nd_ihfft") < 0) return NULL;
    nd_array *r = r2c(o->a, 1, axes, sizes, swap_norm(o->norm), o->planner, "nd_ihfft");
    if (r) conjugate(r);
    return r;
}

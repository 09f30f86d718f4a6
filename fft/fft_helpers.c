/* fftfreq, rfftfreq, fftshift, ifftshift. */
#include "fft_internal.h"

#include <string.h>

static nd_array *freqs(ptrdiff_t n, double d, bool half, const char *who)
{
    if (n < 1) return ND_FAIL(ND_EVALUE, "%s: n must be positive (got %td)", who, n);
    if (d == 0) d = 1.0;
    /* NumPy multiplies the integer ramp by 1/(n*d): same rounding as it. */
    double val = 1.0 / ((double)n * d);
    ptrdiff_t len = half ? n / 2 + 1 : n, pos = half ? len : (n - 1) / 2 + 1;
    nd_array *r = nd__alloc(1, &len, ND_FLOAT64, false, who);
    if (!r) return NULL;
    double *p = (double *)r->data;
    for (ptrdiff_t i = 0; i < pos; i++) p[i] = (double)i * val;
    for (ptrdiff_t i = pos; i < len; i++) p[i] = (double)(i - n) * val;
    return r;
}

nd_array *(nd_fftfreq)(ptrdiff_t n, double d) { return freqs(n, d, false, "nd_fftfreq"); }
nd_array *(nd_rfftfreq)(ptrdiff_t n, double d) { return freqs(n, d, true, "nd_rfftfreq"); }

/* Roll x along `axes` by n/2 (forward) or -(n/2) (inverse): every combination of the
 * two segments per axis is one block copy. */
static nd_array *shift(const nd_array *x, nd_axes axes, bool inverse, const char *who)
{
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    bool on[ND_MAXDIMS] = { false };
    if (axes.n < 0 || axes.n > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "%s: invalid axes", who);
    if (axes.n == 0)
        for (int d = 0; d < x->ndim; d++) on[d] = true;
    for (int i = 0; i < axes.n; i++) {
        int ax = axes.ax[i];
        if (nd__norm_axis(&ax, x->ndim, who) < 0) return NULL;
        on[ax] = true;
    }
    nd_array *out = nd__alloc(x->ndim, x->shape, x->dtype, false, who);
    if (!out || out->size == 0) return out;
    int moving[ND_MAXDIMS], nm = 0;
    ptrdiff_t s[ND_MAXDIMS];
    for (int d = 0; d < x->ndim; d++) {
        ptrdiff_t n = x->shape[d];
        s[d] = on[d] ? (inverse ? n - n / 2 : n / 2) % (n ? n : 1) : 0;
        if (s[d]) moving[nm++] = d;
    }
    for (unsigned long combo = 0; combo < (1UL << nm); combo++) {
        ptrdiff_t shape[ND_MAXDIMS];
        char *src = x->data, *dst = out->data;
        memcpy(shape, x->shape, sizeof(ptrdiff_t) * (size_t)x->ndim);
        for (int j = 0; j < nm; j++) {
            int d = moving[j];
            ptrdiff_t n = x->shape[d];
            if (combo >> j & 1UL) { /* source tail [n-s, n) goes to the front */
                shape[d] = s[d];
                src += (n - s[d]) * x->strides[d];
            } else { /* source head [0, n-s) goes behind it */
                shape[d] = n - s[d];
                dst += s[d] * out->strides[d];
            }
        }
        nd_array *sv = nd__view_of(x, x->ndim, shape, x->strides, src, x->dtype);
        nd_array *dv = sv ? nd__view_of(out, x->ndim, shape, out->strides, dst, x->dtype) : NULL;
        nd_status st = dv ? nd__copy_into(dv, sv) : ND_ENOMEM;
        nd_free(sv);
        nd_free(dv);
        if (st < 0) {
            nd_free(out);
            return NULL;
        }
    }
    return out;
}

nd_array *nd_fftshift(const nd_array *x, nd_axes axes) { return shift(x, axes, false, "nd_fftshift"); }
nd_array *nd_ifftshift(const nd_array *x, nd_axes axes) { return shift(x, axes, true, "nd_ifftshift"); }

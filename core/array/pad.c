/* numpy.pad: constant, edge, reflect, symmetric and wrap modes, one axis at a time. */
#include <numc/manip.h>

#include <string.h>

#include "internal.h"

/* Source position along an axis of length n for padded position j (before = b). */
static ptrdiff_t source_index(ptrdiff_t j, ptrdiff_t b, ptrdiff_t n, nd_pad_mode mode)
{
    ptrdiff_t i = j - b;
    if (i >= 0 && i < n) return i;
    switch (mode) {
    case ND_PAD_EDGE: return i < 0 ? 0 : n - 1;
    case ND_PAD_WRAP: return ((i % n) + n) % n;
    case ND_PAD_SYMMETRIC: {
        ptrdiff_t p = 2 * n, m = ((i % p) + p) % p;
        return m < n ? m : p - 1 - m;
    }
    case ND_PAD_REFLECT: {
        if (n == 1) return 0;
        ptrdiff_t p = 2 * (n - 1), m = ((i % p) + p) % p;
        return m < n ? m : p - m;
    }
    default: return -1;
    }
}

static nd_array *pad_axis(const nd_array *a, int axis, ptrdiff_t before, ptrdiff_t after, nd_pad_mode mode,
                          nd_scalar constant)
{
    ptrdiff_t n = a->shape[axis], shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    shape[axis] = n + before + after;
    nd_array *out = mode == ND_PAD_CONSTANT ? nd_full(a->ndim, shape, a->dtype, constant)
                                            : nd_empty(a->ndim, shape, a->dtype);
    if (!out) return NULL;
    nd_index ox[ND_MAXDIMS], ix[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) ox[d] = ix[d] = ND_ALL;
    /* The original block in one copy, then each padded slice from its source slice. */
    ox[axis] = ND_SLICE(before, before + n, 1);
    nd_array *dst = nd_slice(out, a->ndim, ox);
    nd_status st = dst ? nd__copy_into(dst, a) : nd_last_error();
    nd_free(dst);
    for (ptrdiff_t j = 0; st == ND_OK && mode != ND_PAD_CONSTANT && j < shape[axis]; j++) {
        if (j == before) j += n;
        if (j >= shape[axis]) break;
        ox[axis] = ND_SLICE(j, j + 1, 1);
        ix[axis] = ND_SLICE(source_index(j, before, n, mode), source_index(j, before, n, mode) + 1, 1);
        nd_array *d = nd_slice(out, a->ndim, ox), *s = nd_slice(a, a->ndim, ix);
        st = d && s ? nd__copy_into(d, s) : nd_last_error();
        nd_free(d);
        nd_free(s);
    }
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *nd_pad(const nd_array *a, int nwidths, const ptrdiff_t *widths, nd_pad_mode mode, nd_scalar constant)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_pad: array is NULL");
    if (nwidths != 2 && nwidths != 2 * a->ndim)
        return ND_FAIL(ND_EVALUE, "nd_pad: %d pad widths for a %d-d array (need 2 or %d)", nwidths, a->ndim, 2 * a->ndim);
    if ((unsigned)mode > ND_PAD_WRAP) return ND_FAIL(ND_EVALUE, "nd_pad: unknown mode %d", (int)mode);
    for (int i = 0; i < nwidths; i++)
        if (widths[i] < 0) return ND_FAIL(ND_EVALUE, "nd_pad: index can't contain negative values (%td)", widths[i]);
    nd_array *cur = nd_ref(a);
    for (int d = 0; cur && d < a->ndim; d++) {
        ptrdiff_t b = widths[nwidths == 2 ? 0 : 2 * d], e = widths[nwidths == 2 ? 1 : 2 * d + 1];
        if (b == 0 && e == 0) continue;
        if (mode != ND_PAD_CONSTANT && cur->shape[d] == 0) {
            nd_free(cur);
            return ND_FAIL(ND_EVALUE, "nd_pad: can't extend empty axis %d using modes other than 'constant'", d);
        }
        nd_array *next = pad_axis(cur, d, b, e, mode, constant);
        nd_free(cur);
        cur = next;
    }
    if (!cur) return NULL;
    if (nd_is_view(cur)) { /* nothing was padded: return a copy, never the input's memory */
        nd_array *c = nd_copy(cur, ND_ORDER_C);
        nd_free(cur);
        return c;
    }
    return cur;
}

/* The broadcasting multi-operand iterator: broadcast, coalesce, walk inner loops. */
#include "internal.h"

#include <string.h>

/* Should axis a be walked outside axis b? Decided by the first operand that strides
 * both; undecided pairs keep C order (NumPy's "K" iteration order). */
static int outer_first(const nd_iter *it, int a, int b)
{
    for (int i = 0; i < it->nop; i++) {
        ptrdiff_t sa = it->strides[i][a], sb = it->strides[i][b];
        if (sa == 0 || sb == 0) continue;
        sa = sa < 0 ? -sa : sa;
        sb = sb < 0 ? -sb : sb;
        if (sa != sb) return sa > sb ? 1 : -1;
    }
    return 0;
}

/* Order the axes so memory is walked forward (an F-ordered operand then gets a
 * contiguous inner loop); a stable insertion sort over the nd kept axes. */
static void reorder_axes(nd_iter *it, int nd)
{
    for (int k = 1; k < nd; k++) {
        int j = k;
        while (j > 0 && outer_first(it, j, j - 1) > 0) {
            nd__swap_loop_axes(it->shape, it->strides, it->nop, j);
            j--;
        }
    }
}

nd_status nd_iter_init(nd_iter *it, int nop, nd_array *const *ops, int ndim, const ptrdiff_t *shape)
{
    if (nop < 1 || nop > ND_ITER_MAXOP)
        return nd_set_error(ND_EVALUE, "nd_iter_init: %d operands (1..%d allowed)", nop, ND_ITER_MAXOP);
    int ndims[ND_ITER_MAXOP + 1];
    const ptrdiff_t *shapes[ND_ITER_MAXOP + 1];
    int n = 0;
    for (int i = 0; i < nop; i++) {
        if (!ops[i]) return nd_set_error(ND_EVALUE, "nd_iter_init: operand %d is NULL", i);
        ndims[n] = ops[i]->ndim;
        shapes[n++] = ops[i]->shape;
    }
    if (ndim > 0) {
        ndims[n] = ndim;
        shapes[n++] = shape;
    }
    memset(it, 0, sizeof *it);
    nd_status st = nd__broadcast(n, ndims, shapes, &it->bc_ndim, it->bc_shape, "nd_iter_init");
    if (st < 0) return st;
    if (ndim > 0 && it->bc_ndim != ndim)
        return nd_set_error(ND_ESHAPE, "nd_iter_init: operands have more dimensions than the output (%d > %d)",
                         it->bc_ndim, ndim);
    for (int d = 0; d < ndim; d++)
        if (it->bc_shape[d] != shape[d]) {
            char sa[ND_SHAPE_STRLEN], sb[ND_SHAPE_STRLEN];
            return nd_set_error(ND_ESHAPE, "nd_iter_init: non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                             nd__shape_str(sa, sizeof sa, ndim, shape),
                             nd__shape_str(sb, sizeof sb, it->bc_ndim, it->bc_shape));
        }
    it->nop = nop;
    it->size = 1;
    for (int d = 0; d < it->bc_ndim; d++) it->size *= it->bc_shape[d];

    /* Per-operand strides over the broadcast shape, dropping extent-1 axes. */
    int nd = 0;
    for (int d = 0; d < it->bc_ndim; d++) {
        if (it->bc_shape[d] == 1) continue;
        it->shape[nd] = it->bc_shape[d];
        for (int i = 0; i < nop; i++) {
            int k = d - (it->bc_ndim - ops[i]->ndim);
            it->strides[i][nd] = (k < 0 || ops[i]->shape[k] == 1) ? 0 : ops[i]->strides[k];
        }
        nd++;
    }
    reorder_axes(it, nd);
    /* Coalesce neighbours that every operand walks as one run. */
    int out = 0;
    for (int d = 0; d < nd; d++) {
        if (out > 0) {
            bool merge = true;
            for (int i = 0; i < nop && merge; i++)
                merge = it->strides[i][out - 1] == it->strides[i][d] * it->shape[d];
            if (merge) {
                it->shape[out - 1] *= it->shape[d];
                for (int i = 0; i < nop; i++) it->strides[i][out - 1] = it->strides[i][d];
                continue;
            }
        }
        it->shape[out] = it->shape[d];
        for (int i = 0; i < nop; i++) it->strides[i][out] = it->strides[i][d];
        out++;
    }
    if (out == 0) {
        it->shape[0] = it->size ? 1 : 0;
        for (int i = 0; i < nop; i++) it->strides[i][0] = 0;
        out = 1;
    }
    it->ndim = out;
    for (int i = 0; i < nop; i++) {
        it->base[i] = it->ptrs[i] = ops[i]->data;
        it->inner_strides[i] = it->strides[i][out - 1];
    }
    it->inner_size = it->size ? it->shape[out - 1] : 0;
    return ND_OK;
}

bool nd_iter_next(nd_iter *it)
{
    for (int d = it->ndim - 2; d >= 0; d--) {
        if (++it->index[d] < it->shape[d]) {
            for (int i = 0; i < it->nop; i++) it->ptrs[i] += it->strides[i][d];
            return true;
        }
        it->index[d] = 0;
        for (int i = 0; i < it->nop; i++) it->ptrs[i] -= it->strides[i][d] * (it->shape[d] - 1);
    }
    return false;
}

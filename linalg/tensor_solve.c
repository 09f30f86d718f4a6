/* numpy.linalg.tensorinv and tensorsolve: reshapes around inv and solve. */
#include <numc/linalg.h>
#include <numc/manip.h>

#include "internal.h"

nd_array *(nd_tensorinv)(const nd_array *a, int ind)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_tensorinv: array is NULL");
    if (ind <= 0) return ND_FAIL(ND_EVALUE, "nd_tensorinv: Invalid ind argument (%d; it must be positive).", ind);
    int n = a->ndim, cut = ind < n ? ind : n;
    ptrdiff_t prod = 1, invshape[ND_MAXDIMS];
    int k = 0;
    for (int i = cut; i < n; i++) prod *= a->shape[i], invshape[k++] = a->shape[i];
    for (int i = 0; i < cut; i++) invshape[k++] = a->shape[i];
    if (prod == 0)
        return ND_FAIL(ND_ESHAPE, "nd_tensorinv: cannot reshape array of size %td into shape (0, -1)", a->size);
    nd_array *m = nd_reshape(a, 2, (ptrdiff_t[]){ prod, -1 });
    nd_array *ia = m ? nd_inv(m) : NULL;
    nd_array *out = ia ? nd_reshape(ia, n, invshape) : NULL;
    nd_free(m);
    nd_free(ia);
    return out;
}

nd_array *(nd_tensorsolve)(const nd_array *a, const nd_array *b, nd_axes ax)
{
    if (!a || !b) return ND_FAIL(ND_EVALUE, "nd_tensorsolve: array is NULL");
    if (ax.n < 0 || ax.n > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "nd_tensorsolve: bad axes count %d", ax.n);
    int naxes = ax.n;
    const int *axes = ax.ax;
    int an = a->ndim, order[ND_MAXDIMS];
    for (int i = 0; i < an; i++) order[i] = i;
    /* NumPy's list walk: each axis in turn is removed from the order and appended. */
    for (int j = 0; j < naxes; j++) {
        int at = -1;
        for (int i = 0; i < an; i++)
            if (order[i] == axes[j]) at = i;
        if (at < 0)
            return ND_FAIL(ND_EAXIS, "nd_tensorsolve: axis %d is not one of the %d axes of a (list.remove(x): x not in list)",
                           axes[j], an);
        for (int i = at; i + 1 < an; i++) order[i] = order[i + 1];
        order[an - 1] = axes[j];
    }
    nd_array *t = nd_transpose(a, order);
    if (!t) return NULL;
    /* oldshape = a.shape[-(an - b.ndim):], Python's slice rules. */
    int s = b->ndim - an;
    if (s < 0) s += an;
    if (s < 0) s = 0;
    if (s > an) s = an;
    ptrdiff_t prod = 1;
    for (int i = s; i < an; i++) prod *= t->shape[i];
    nd_array *out = NULL, *m = NULL, *bv = NULL, *x = NULL;
    if (t->size != prod * prod) {
        nd_set_error(ND_ELINALG, "nd_tensorsolve: Input arrays must satisfy the requirement "
                                 "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim]) (a has %td elements, the "
                                 "solution %td)", t->size, prod);
        goto done;
    }
    if (!(m = nd_reshape(t, 2, (ptrdiff_t[]){ prod, prod })) || !(bv = nd_ravel(b)) || !(x = nd_solve(m, bv)))
        goto done;
    out = nd_reshape(x, an - s, t->shape + s);
done:
    nd_free(t);
    nd_free(m);
    nd_free(bv);
    nd_free(x);
    return out;
}

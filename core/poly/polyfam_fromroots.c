/* numpy.polynomial.polynomial.polyvalfromroots: prod(x - r, axis=0), r reshaped to
 * r.shape + (1,) * x.ndim with tensor=True (one product per column of r per x). */
#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>
#include <numc/ufunc.h>

nd_array *nd_polynomial_valfromroots_(nd_operand x, const nd_array *r,
                                      const nd_valfromroots_opts *o)
{
    const char *who = "nd_polynomial_valfromroots";
    nd_valfromroots_opts d = ND_VALFROMROOTS_DEFAULTS;
    if (!o) o = &d;
    if (!r || (x.kind == ND_OPK_ARRAY && !x.array))
        return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (x.kind != ND_OPK_ARRAY && x.kind != ND_OPK_SCALAR)
        return nd_set_error(ND_EVALUE, "%s: missing operand x", who), NULL;
    nd_array *rr = NULL, *diff = NULL, *out = NULL;
    /* r = np.array(r, ndmin=1); booleans and integers become float64 */
    char k = nd_dtype_kind(nd_dtype_of(r));
    int rnd = nd_ndim(r);
    ptrdiff_t shape[ND_MAXDIMS];
    for (int i = 0; i < rnd; i++) shape[i] = nd_shape(r)[i];
    if (rnd == 0) shape[rnd++] = 1;
    if (x.kind == ND_OPK_ARRAY) {
        int xnd = nd_ndim(x.array);
        if (o->tensor) {
            if (rnd + xnd > ND_MAXDIMS)
                return nd_set_error(ND_EVALUE, "%s: r.ndim + x.ndim = %d is more than %d "
                                    "dimensions", who, rnd + xnd, ND_MAXDIMS), NULL;
            for (int i = 0; i < xnd; i++) shape[rnd++] = 1;
        } else if (xnd >= rnd) {
            return nd_set_error(ND_EVALUE, "%s: x.ndim must be < r.ndim when tensor == False "
                                "(x.ndim %d, r.ndim %d)", who, xnd, rnd), NULL;
        }
    }
    rr = (k == 'b' || k == 'i' || k == 'u') ? nd_astype(r, ND_FLOAT64, ND_CAST_UNSAFE)
                                            : nd_copy(r, ND_ORDER_C);
    nd_array *rv = rr ? nd_reshape(rr, rnd, shape) : NULL;
    nd_free(rr);
    if (!rv) return NULL;
    diff = nd_subtract(x, nd_op_array(rv));
    nd_free(rv);
    if (!diff) return NULL;
    out = nd_prod(diff, .axis = 0);
    nd_free(diff);
    return out;
}

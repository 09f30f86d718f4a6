/* numpy.gradient: second-order central differences inside, first- or second-order
 * one-sided differences at the ends, with uniform or coordinate spacing (NumPy's
 * formulas for uneven grids). Computed in float64 (complex128 for complex input) lane
 * by lane along each axis. */
#include "reduce_internal.h"

typedef struct grad_ctx {
    ptrdiff_t n;          /* lane length */
    ptrdiff_t si, so;     /* byte strides along the lane */
    double h;             /* uniform spacing, when xs is NULL */
    const double *xs;     /* coordinates (n values) */
    int order;
    bool cplx;
} grad_ctx;

/* One component (real or imaginary part) of one lane. */
static void lane(const grad_ctx *c, const char *in, char *out)
{
    const ptrdiff_t n = c->n;
#define F(i) (*(const double *)(in + (i) * c->si))
#define O(i) (*(double *)(out + (i) * c->so))
    if (!c->xs) {
        const double h = c->h;
        for (ptrdiff_t i = 1; i < n - 1; i++) O(i) = (F(i + 1) - F(i - 1)) / (2.0 * h);
        if (c->order == 1) {
            O(0) = (F(1) - F(0)) / h;
            O(n - 1) = (F(n - 1) - F(n - 2)) / h;
        } else {
            O(0) = (-1.5 / h) * F(0) + (2.0 / h) * F(1) + (-0.5 / h) * F(2);
            O(n - 1) = (0.5 / h) * F(n - 3) + (-2.0 / h) * F(n - 2) + (1.5 / h) * F(n - 1);
        }
        return;
    }
    const double *x = c->xs;
    for (ptrdiff_t i = 1; i < n - 1; i++) {
        double d1 = x[i] - x[i - 1], d2 = x[i + 1] - x[i];
        double a = -d2 / (d1 * (d1 + d2)), b = (d2 - d1) / (d1 * d2), cc = d1 / (d2 * (d1 + d2));
        O(i) = a * F(i - 1) + b * F(i) + cc * F(i + 1);
    }
    if (c->order == 1) {
        O(0) = (F(1) - F(0)) / (x[1] - x[0]);
        O(n - 1) = (F(n - 1) - F(n - 2)) / (x[n - 1] - x[n - 2]);
    } else {
        double d1 = x[1] - x[0], d2 = x[2] - x[1];
        double a = -(2.0 * d1 + d2) / (d1 * (d1 + d2)), b = (d1 + d2) / (d1 * d2),
               cc = -d1 / (d2 * (d1 + d2));
        O(0) = a * F(0) + b * F(1) + cc * F(2);
        d1 = x[n - 2] - x[n - 3];
        d2 = x[n - 1] - x[n - 2];
        a = d2 / (d1 * (d1 + d2));
        b = -(d2 + d1) / (d1 * d2);
        cc = (2.0 * d2 + d1) / (d2 * (d1 + d2));
        O(n - 1) = a * F(n - 3) + b * F(n - 2) + cc * F(n - 1);
    }
#undef F
#undef O
}

static void grad_inner(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    const grad_ctx *c = ud;
    for (ptrdiff_t i = 0; i < len; i++) {
        const char *in = ptrs[0] + i * strides[0];
        char *out = ptrs[1] + i * strides[1];
        lane(c, in, out);
        if (c->cplx) lane(c, in + sizeof(double), out + sizeof(double));
    }
}

nd_status nd_gradient_(const nd_array *f, nd_array **out, const nd_gradient_opts *o)
{
    static const char *who = "nd_gradient";
    const nd_gradient_opts opts = o ? *o : ND_GRADIENT_DEFAULTS;
    if (!f || !out) return nd_set_error(ND_EVALUE, "%s: f and out must not be NULL", who);
    if (f->ndim == 0) return nd_set_error(ND_EVALUE, "%s: f must be at least 1-D", who);
    const int order = opts.edge_order ? opts.edge_order : 1;
    if (order != 1 && order != 2)
        return nd_set_error(ND_EVALUE, "%s: edge_order %d is not 1 or 2", who, opts.edge_order);
    bool mask[ND_MAXDIMS];
    int axes[ND_MAXDIMS], nax = 0;
    nd_axes given = { 0 };
    if (nd__opt_axes(opts.axis, &opts.axes, &given, who) < 0) return nd_last_error();
    if (nd__reduce_axes(f, ND_AXIS_NONE, &given, mask, who) < 0) return nd_last_error();
    if (given.n == 0) {
        for (int d = 0; d < f->ndim; d++) axes[nax++] = d;
    } else {
        for (int i = 0; i < given.n; i++) {
            int ax = given.ax[i];
            if (nd__norm_axis(&ax, f->ndim, who) < 0) return nd_last_error();
            axes[nax++] = ax;
        }
    }
    const bool cplx = nd_dtype_is_complex(f->dtype);
    const nd_dtype wt = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    const nd_dtype rt = (f->dtype == ND_FLOAT32 || f->dtype == ND_COMPLEX64) ? f->dtype : wt;
    nd_array *w = nd__alloc(f->ndim, f->shape, wt, false, who);
    double *xs = NULL;
    nd_status rc = ND_OK;
    int made = 0;
    if (!w || nd__copy_into(w, f) < 0) {
        rc = nd_last_error();
        goto done;
    }
    for (int i = 0; i < nax; i++) {
        const int ax = axes[i];
        const ptrdiff_t n = f->shape[ax];
        if (n < order + 1) {
            rc = nd_set_error(ND_EVALUE,
                           "%s: shape of axis %d is %td; it needs at least %d elements for "
                           "edge_order %d", who, ax, n, order + 1, order);
            goto done;
        }
        grad_ctx c = { n, w->strides[ax], 0, 1.0, NULL, order, cplx };
        if (opts.x && opts.x[i]) {
            const nd_array *x = opts.x[i];
            if (x->ndim != 1 || x->shape[0] != n) {
                rc = nd_set_error(ND_ESHAPE, "%s: coordinates for axis %d must be 1-D of length %td",
                               who, ax, n);
                goto done;
            }
            nd_free_mem(xs);
            xs = nd__malloc_n(n, sizeof(double), who);
            if (!xs || nd_to_f64(x, xs) < 0) {
                rc = nd_last_error();
                goto done;
            }
            c.xs = xs;
            /* evenly spaced coordinates use the uniform formulas, as NumPy does */
            bool even = true;
            for (ptrdiff_t k = 2; k < n && even; k++) even = xs[k] - xs[k - 1] == xs[1] - xs[0];
            if (even) {
                c.h = xs[1] - xs[0];
                c.xs = NULL;
            }
        } else if (opts.dx) {
            c.h = opts.dx[i];
        }
        nd_array *g = nd__alloc(f->ndim, f->shape, wt, false, who);
        if (!g) {
            rc = nd_last_error();
            goto done;
        }
        c.so = g->strides[ax];
        nd__nest nest;
        nest.nop = 2;
        nest.ndim = 0;
        for (int d = 0; d < f->ndim; d++) {
            if (d == ax) continue;
            nest.shape[nest.ndim] = f->shape[d];
            nest.strides[0][nest.ndim] = w->strides[d];
            nest.strides[1][nest.ndim] = g->strides[d];
            nest.ndim++;
        }
        if (nest.ndim == 0) {
            nest.ndim = 1;
            nest.shape[0] = 1;
            nest.strides[0][0] = nest.strides[1][0] = 0;
        }
        nest.base[0] = w->data;
        nest.base[1] = g->data;
        nd__nest_optimize(&nest, 0);
        nd__fpe_clear();
        nd__nest_run(&nest, grad_inner, &c);
        if (rt != wt) {
            nd_array *g2 = nd_astype(g, rt, ND_CAST_UNSAFE);
            nd_free(g);
            g = g2;
        }
        if (!g || (rc = nd__fpe_check(who)) < 0) {
            if (rc == ND_OK) rc = nd_last_error();
            nd_free(g);
            goto done;
        }
        out[made++] = g;
    }
done:
    if (rc < 0)
        for (int i = 0; i < made; i++) {
            nd_free(out[i]);
            out[i] = NULL;
        }
    nd_free_mem(xs);
    nd_free(w);
    return rc;
}

/* Plotting from a distributed array: M4 decimation (first, lowest, highest and last point
 * of each pixel column) computed by every rank over its own slab, merged on the root:
 * O(width) numbers per rank cross the network, never the data. */
#include <math.h>
#include <string.h>

#include "dist_internal.h"
#ifdef NUMC_MPI_HAVE_PLOT
#include <numc/plot.h>
#endif

/* One bucket's summary as one rank sees it (indices are global; first < 0: empty). */
typedef struct m4_rec {
    int64_t first, last, imin, imax;
    double vfirst, vlast, vmin, vmax;
    int64_t gap; /* the bucket holds a non-finite value */
} m4_rec;

#define M4_MAX_WIDTH (1 << 22)

static double elem(const char *p, nd_dtype dt)
{
    switch (dt) {
    case ND_BOOL: return *(const bool *)p ? 1.0 : 0.0;
    case ND_INT8: return *(const int8_t *)p;
    case ND_INT16: return *(const int16_t *)p;
    case ND_INT32: return *(const int32_t *)p;
    case ND_INT64: return (double)*(const int64_t *)p;
    case ND_UINT8: return *(const uint8_t *)p;
    case ND_UINT16: return *(const uint16_t *)p;
    case ND_UINT32: return *(const uint32_t *)p;
    case ND_UINT64: return (double)*(const uint64_t *)p;
    case ND_FLOAT32: return *(const float *)p;
    default: return *(const double *)p;
    }
}

/* Add element (g, v) to the bucket record r (elements arrive in increasing g). */
static void m4_add(m4_rec *r, int64_t g, double v)
{
    if (!isfinite(v)) {
        r->gap = 1;
        return;
    }
    if (r->first < 0) {
        r->first = r->last = r->imin = r->imax = g;
        r->vfirst = r->vlast = r->vmin = r->vmax = v;
        return;
    }
    r->last = g;
    r->vlast = v;
    if (v < r->vmin) r->vmin = v, r->imin = g;
    if (v > r->vmax) r->vmax = v, r->imax = g;
}

/* Merge b (a later slab) into a. */
static void m4_merge(m4_rec *a, const m4_rec *b)
{
    a->gap |= b->gap;
    if (b->first < 0) return;
    if (a->first < 0) {
        int64_t gap = a->gap;
        *a = *b;
        a->gap = gap;
        return;
    }
    a->last = b->last;
    a->vlast = b->vlast;
    if (b->vmin < a->vmin) a->vmin = b->vmin, a->imin = b->imin;
    if (b->vmax > a->vmax) a->vmax = b->vmax, a->imax = b->imax;
}

nd_status nd_dist_decimate_m4(const nd_dist *y, int width, double x0, double x1, int root, nd_array **ox,
                              nd_array **oy, nd_array **oidx)
{
    const char *who = "nd_dist_decimate_m4";
    if (ox) *ox = NULL;
    if (oy) *oy = NULL;
    if (oidx) *oidx = NULL;
    if (!y) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    MPI_Comm c = y->comm;
    nd_status st = ND_OK;
    if (y->ndim != 1)
        st = nd_set_error(ND_ESHAPE, "%s: the series must be 1-D, not %d-D", who, y->ndim);
    else if (y->dtype == ND_COMPLEX64 || y->dtype == ND_COMPLEX128)
        st = nd_set_error(ND_EDTYPE, "%s: complex series cannot be plotted", who);
    else if (width < 1 || width > M4_MAX_WIDTH)
        st = nd_set_error(ND_EVALUE, "%s: width must be in [1, %d], not %d", who, M4_MAX_WIDTH, width);
    else if (root < 0 || root >= y->nprocs)
        st = nd_set_error(ND_EVALUE, "%s: root %d is not a rank of the %d-rank communicator", who, root,
                          y->nprocs);
    else if (!isfinite(x0) || !isfinite(x1))
        st = nd_set_error(ND_EVALUE, "%s: the x range must be finite", who);
    else if (y->rank == root && (!ox || !oy))
        st = nd_set_error(ND_EVALUE, "%s: ox and oy must not be NULL on the root", who);
    if ((st = nd__dist_agree(c, st)) != ND_OK) return st;
    {
        struct {
            int w, root;
            double x0, x1;
        } same = { width, root, x0, x1 };
        st = nd__dist_check_same(c, &same, sizeof same, who, "width, root or the x range");
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) return st;

    m4_rec *loc = nd_malloc(sizeof(m4_rec) * (size_t)width, who), *all = NULL;
    st = loc ? ND_OK : ND_ENOMEM;
    if (st == ND_OK && y->rank == root) {
        all = nd_malloc(sizeof(m4_rec) * (size_t)width * (size_t)y->nprocs, who);
        if (!all) st = ND_ENOMEM;
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    for (int b = 0; b < width; b++) {
        memset(&loc[b], 0, sizeof loc[b]);
        loc[b].first = loc[b].last = loc[b].imin = loc[b].imax = -1;
    }
    int64_t n = (int64_t)y->shape[0];
    {
        /* This rank's slab: a BLOCK piece, or for a REPLICATED array its share of ceil(n/P). */
        int64_t lo, hi;
        const char *base = nd_data(y->local);
        if (y->dist.kind == ND_DIST_BLOCK) {
            lo = (int64_t)y->offset[0];
            hi = lo + (int64_t)nd_shape(y->local)[0];
        } else {
            ptrdiff_t l, h, bsz = (y->shape[0] + y->nprocs - 1) / y->nprocs;
            nd__dist_block_range(y->shape[0], bsz > 0 ? bsz : 1, y->rank, &l, &h);
            lo = l;
            hi = h;
            base += (size_t)lo * nd_dtype_size(y->dtype);
        }
        ptrdiff_t stride = nd_strides(y->local)[0];
        for (int64_t g = lo; g < hi; g++) {
            int b = (int)((__extension__(__int128) g * width) / n);
            m4_add(&loc[b], g, elem(base + (g - lo) * stride, y->dtype));
        }
    }
    {
        int cnt = (int)(sizeof(m4_rec) * (size_t)width); /* width <= 2^22: fits */
        st = nd__mpi_status(MPI_Gather(loc, cnt, MPI_BYTE, all, cnt, MPI_BYTE, root, c), who, "MPI_Gather");
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    if (y->rank == root) {
        for (int r = 1; r < y->nprocs; r++)
            for (int b = 0; b < width; b++) m4_merge(&all[b], &all[(size_t)r * (size_t)width + (size_t)b]);
        size_t m = 0;
        for (int b = 0; b < width; b++) {
            const m4_rec *r = &all[b];
            if (r->first >= 0) {
                int64_t k[4] = { r->first, r->imin < r->imax ? r->imin : r->imax,
                                 r->imin < r->imax ? r->imax : r->imin, r->last };
                for (int j = 0; j < 4; j++)
                    if (j == 0 || k[j] != k[j - 1]) m++;
            }
            m += r->gap ? 1 : 0;
        }
        ptrdiff_t shp[1] = { (ptrdiff_t)m };
        nd_array *X = nd_empty(1, shp, ND_FLOAT64), *Y = nd_empty(1, shp, ND_FLOAT64);
        nd_array *I = oidx ? nd_empty(1, shp, ND_INT64) : NULL;
        if (!X || !Y || (oidx && !I)) {
            st = nd_last_error();
            nd_free(X);
            nd_free(Y);
            nd_free(I);
        } else {
            double *xs = nd_data(X), *ys = nd_data(Y);
            int64_t *is = I ? nd_data(I) : NULL;
            double dx = n > 1 ? (x1 - x0) / (double)(n - 1) : 0;
            size_t w = 0;
            for (int b = 0; b < width; b++) {
                const m4_rec *r = &all[b];
                if (r->first >= 0) {
                    bool minfirst = r->imin < r->imax;
                    int64_t k[4] = { r->first, minfirst ? r->imin : r->imax, minfirst ? r->imax : r->imin, r->last };
                    double v[4] = { r->vfirst, minfirst ? r->vmin : r->vmax, minfirst ? r->vmax : r->vmin, r->vlast };
                    for (int j = 0; j < 4; j++)
                        if (j == 0 || k[j] != k[j - 1]) {
                            xs[w] = x0 + dx * (double)k[j];
                            ys[w] = v[j];
                            if (is) is[w] = k[j];
                            w++;
                        }
                }
                if (r->gap) {
                    xs[w] = NAN;
                    ys[w] = NAN;
                    if (is) is[w] = -1;
                    w++;
                }
            }
            *ox = X;
            *oy = Y;
            if (oidx) *oidx = I;
        }
    }
    st = nd__dist_agree(c, st);
    if (st != ND_OK && y->rank == root) {
        nd_free(*ox);
        nd_free(*oy);
        *ox = *oy = NULL;
        if (oidx) {
            nd_free(*oidx);
            *oidx = NULL;
        }
    }
done:
    nd_free_mem(loc);
    nd_free_mem(all);
    return st;
}

nd_status nd_dist_plot_line(nplot_axes *ax, const nd_dist *y, double x0, double x1, int width, const char *fmt)
{
    const char *who = "nd_dist_plot_line";
    if (!y) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    nd_status st = ND_OK;
#ifndef NUMC_MPI_HAVE_PLOT
    (void)ax;
    (void)x0;
    (void)x1;
    (void)width;
    (void)fmt;
    st = nd_set_error(ND_EVALUE, "%s: libnumc_mpi was built without libnumc_plot", who);
    return nd__dist_agree(y->comm, st);
#else
    if (y->rank == 0 && !ax) st = nd_set_error(ND_EVALUE, "%s: the axes is NULL on rank 0", who);
    if ((st = nd__dist_agree(y->comm, st)) != ND_OK) return st;
    nd_array *X = NULL, *Y = NULL;
    st = nd_dist_decimate_m4(y, width, x0, x1, 0, &X, &Y, NULL);
    if (st != ND_OK) return st;
    if (y->rank == 0) st = nplot_plot(ax, X, Y, .fmt = fmt);
    nd_free(X);
    nd_free(Y);
    return nd__dist_agree(y->comm, st);
#endif
}

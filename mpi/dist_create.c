/* Creating distributed arrays: empty / zeros / ones / full, the *_like forms and copies. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dist_internal.h"

nd_dist *nd_dist_empty(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    nd_dist *d = NULL;
    if (nd__dist_new(comm, ndim, shape, dt, dist, &d, "nd_dist_empty") != ND_OK) return NULL;
    return d;
}

/* Fill the piece with `value`; errors agree. */
static nd_dist *filled(nd_dist *d, nd_scalar value, const char *who)
{
    if (!d) return NULL;
    nd_status st = nd_size(d->local) > 0 ? nd_fill(d->local, value) : ND_OK;
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    (void)who;
    return d;
}

static nd_dist *make_filled(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_scalar value,
                            const nd_distribution *dist, const char *who)
{
    nd_dist *d = NULL;
    if (nd__dist_new(comm, ndim, shape, dt, dist, &d, who) != ND_OK) return NULL;
    return filled(d, value, who);
}

nd_dist *nd_dist_zeros(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    return make_filled(comm, ndim, shape, dt, ND_I64(0), dist, "nd_dist_zeros");
}

nd_dist *nd_dist_ones(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    return make_filled(comm, ndim, shape, dt, ND_I64(1), dist, "nd_dist_ones");
}

nd_dist *nd_dist_full(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_scalar value,
                      const nd_distribution *dist)
{
    return make_filled(comm, ndim, shape, dt, value, dist, "nd_dist_full");
}

static nd_dist *like(const nd_dist *a, int dt, const char *who)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_dtype t = dt < 0 ? a->dtype : (nd_dtype)dt;
    nd_dist *d = NULL;
    if (nd__dist_new_like(a, t, &d, who) != ND_OK) return NULL;
    return d;
}

nd_dist *nd_dist_empty_like(const nd_dist *a, int dt) { return like(a, dt, "nd_dist_empty_like"); }

nd_dist *nd_dist_zeros_like(const nd_dist *a, int dt)
{
    return filled(like(a, dt, "nd_dist_zeros_like"), ND_I64(0), "nd_dist_zeros_like");
}

nd_dist *nd_dist_copy(const nd_dist *a)
{
    nd_dist *d = like(a, -1, "nd_dist_copy");
    if (!d) return NULL;
    nd_status st = nd_size(d->local) > 0 ? nd_assign(d->local, a->local, ND_CAST_NO) : ND_OK;
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}

/* ---- ranges, grids and functions of the index ------------------------------------------- */

/* A 1-D distributed array of n elements whose element i is computed by fill(i) into a
 * double (or int64 when `integer`), then cast to dt exactly as nd_arange / nd_linspace
 * store theirs. */
typedef struct seq {
    double start, step, stop;
    int64_t s0, st;
    ptrdiff_t num, div;
    bool integer, endpoint, scaled, floor_ints;
} seq;

static nd_dist *sequence(MPI_Comm comm, nd_status pre, ptrdiff_t n, nd_dtype dt, const nd_distribution *dist,
                         const seq *q, const char *who)
{
    nd_dist *d = NULL;
    if (nd__dist_new_checked(comm, pre, 1, &n, dt, dist, &d, who) != ND_OK) return NULL;
    ptrdiff_t lo = d->offset[0], m = nd_shape(d->local)[0];
    nd_status st = ND_OK;
    void *tmp = m > 0 ? nd_malloc((size_t)m * 8, who) : NULL;
    if (m > 0 && !tmp) st = ND_ENOMEM;
    if (st == ND_OK && m > 0) {
        if (q->integer) {
            int64_t *v = tmp;
            for (ptrdiff_t i = 0; i < m; i++) v[i] = q->s0 + (int64_t)(lo + i) * q->st;
            nd_cast_strided(nd_data(d->local), dt, nd_strides(d->local)[0], v, ND_INT64, 8, m);
        } else {
            double *v = tmp;
            for (ptrdiff_t i = 0; i < m; i++) {
                ptrdiff_t g = lo + i;
                if (q->scaled) v[i] = q->start + (double)g / (double)q->div * (q->stop - q->start);
                else v[i] = q->start + (double)g * q->step;
                if (q->endpoint && q->num > 1 && g == q->num - 1) v[i] = q->stop;
                if (q->floor_ints) v[i] = floor(v[i]);
            }
            nd_cast_strided(nd_data(d->local), dt, nd_strides(d->local)[0], v, ND_FLOAT64, 8, m);
        }
    }
    nd_free_mem(tmp);
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}

nd_dist *nd_dist_arange(MPI_Comm comm, double start, double stop, double step, nd_dtype dt,
                        const nd_distribution *dist)
{
    const char *who = "nd_dist_arange";
    nd_status st = ND_OK;
    ptrdiff_t n = 0;
    if (step == 0 || isnan(step) || isnan(start) || isnan(stop)) {
        st = nd_set_error(ND_EVALUE, "%s: step must be finite and nonzero (start %g, stop %g, step %g)", who,
                          start, stop, step);
    } else {
        double len = ceil((stop - start) / step);
        if (!(len < 9.2e18)) st = nd_set_error(ND_EVALUE, "%s: length %g is too big", who, len);
        else n = len > 0 ? (ptrdiff_t)len : 0;
    }
    seq q = { 0 };
    q.start = start;
    q.step = step;
    q.integer = nd_dtype_is_integer(dt) || dt == ND_BOOL;
    q.s0 = (int64_t)start;
    q.st = (int64_t)step;
    if (q.st == 0) q.st = step > 0 ? 1 : -1;
    return sequence(comm, st, n, dt, dist, &q, who);
}

nd_dist *nd_dist_linspace(MPI_Comm comm, double start, double stop, ptrdiff_t num, bool endpoint, nd_dtype dt,
                          const nd_distribution *dist)
{
    const char *who = "nd_dist_linspace";
    nd_status st = ND_OK;
    if (num < 0) st = nd_set_error(ND_EVALUE, "%s: number of samples, %td, must be non-negative", who, num);
    seq q = { 0 };
    q.start = start;
    q.stop = stop;
    q.num = num;
    q.endpoint = endpoint;
    q.div = endpoint ? num - 1 : num;
    double delta = stop - start;
    double step = q.div > 0 ? delta / (double)q.div : NAN;
    q.scaled = q.div > 0 && step == 0; /* step underflowed: NumPy scales i/div instead */
    q.step = q.div > 0 ? step : delta;
    q.floor_ints = nd_dtype_is_integer(dt) || dt == ND_BOOL;
    return sequence(comm, st, num, dt, dist, &q, who);
}

nd_dist *nd_dist_fromfunction(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                              const nd_distribution *dist, nd_index_fn fn, void *ctx)
{
    const char *who = "nd_dist_fromfunction";
    nd_status pre = fn ? ND_OK : nd_set_error(ND_EVALUE, "%s: the function is NULL", who);
    nd_dist *d = NULL;
    if (nd__dist_new_checked(comm, pre, ndim, shape, dt, dist, &d, who) != ND_OK) return NULL;
    nd_array *mine = d->local;
    const ptrdiff_t *ls = nd_shape(mine);
    ptrdiff_t n = nd_size(mine), l[ND_MAXDIMS] = { 0 }, g[ND_MAXDIMS];
    nd_status st = ND_OK;
    for (ptrdiff_t f = 0; f < n && st == ND_OK; f++) {
        st = nd_dist_local_to_global(d, l, g);
        if (st == ND_OK) st = nd_set(mine, ndim, l, fn(g, ndim, ctx));
        for (int k = ndim - 1; k >= 0; k--) { /* next local index, C order */
            if (++l[k] < ls[k]) break;
            l[k] = 0;
        }
    }
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}

nd_status nd_dist_fill(nd_dist *d, nd_scalar value)
{
    if (!d) return nd_set_error(ND_EVALUE, "nd_dist_fill: the distributed array is NULL");
    return nd__dist_agree(d->comm, nd_size(d->local) > 0 ? nd_fill(d->local, value) : ND_OK);
}

nd_dist *nd_dist_astype(const nd_dist *a, nd_dtype dt, nd_casting casting)
{
    const char *who = "nd_dist_astype";
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_status pre = ND_OK;
    if (!nd_dtype_is_valid((int)dt)) pre = nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, (int)dt);
    else if (!nd_can_cast(a->dtype, dt, casting == ND_CAST_DEFAULT ? ND_CAST_UNSAFE : casting))
        pre = nd_set_error(ND_EDTYPE, "%s: cannot cast %s to %s with casting rule '%s'", who,
                           nd_dtype_name(a->dtype), nd_dtype_name(dt), nd_casting_name(casting));
    nd_dist *d = NULL;
    if (nd__dist_new_checked(a->comm, pre, a->ndim, a->shape, pre == ND_OK ? dt : a->dtype, &a->dist, &d, who) !=
        ND_OK)
        return NULL;
    nd_status st = nd_size(d->local) > 0 ? nd_assign(d->local, a->local, ND_CAST_UNSAFE) : ND_OK;
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}

/* ---- one element ------------------------------------------------------------------------ */

nd_status nd_dist_get(const nd_dist *d, const ptrdiff_t *gidx, nd_scalar *out)
{
    const char *who = "nd_dist_get";
    if (!d) return nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
    nd_status st = out ? ND_OK : nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    int owner = st == ND_OK ? nd_dist_owner(d, gidx) : -1;
    if (st == ND_OK && owner < 0) st = nd_last_error();
    nd_scalar v;
    memset(&v, 0, sizeof v);
    if (st == ND_OK && (owner == d->rank || d->dist.kind == ND_DIST_REPLICATED)) {
        ptrdiff_t l[ND_MAXDIMS];
        if (nd_dist_global_to_local(d, gidx, l)) st = nd_get(d->local, d->ndim, l, &v);
    }
    if (d->dist.kind == ND_DIST_REPLICATED) owner = 0;
    if ((st = nd__dist_agree(d->comm, st)) != ND_OK) return st;
    st = nd__mpi_status(MPI_Bcast(&v, (int)sizeof v, MPI_BYTE, owner, d->comm), who, "MPI_Bcast");
    if ((st = nd__dist_agree(d->comm, st)) == ND_OK) *out = v;
    return st;
}

nd_status nd_dist_set(nd_dist *d, const ptrdiff_t *gidx, nd_scalar value)
{
    const char *who = "nd_dist_set";
    if (!d) return nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
    nd_status st = ND_OK;
    int owner = nd_dist_owner(d, gidx);
    if (owner < 0) st = nd_last_error();
    ptrdiff_t l[ND_MAXDIMS];
    if (st == ND_OK && nd_dist_global_to_local(d, gidx, l)) st = nd_set(d->local, d->ndim, l, value);
    return nd__dist_agree(d->comm, st);
}

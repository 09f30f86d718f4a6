/* Creating distributed arrays: empty / zeros / ones / full, the *_like forms and copies. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/random.h>

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
    if (!nd_dtype_is_numeric((int)dt)) pre = nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, (int)dt);
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

/* ---- random arrays ------------------------------------------------------------------------
 * The global array, flattened in C order, is cut into blocks of ND_DIST_RANDOM_BLOCK
 * elements; block j is drawn (whole, in order) by a PCG64 generator seeded with child j of
 * SeedSequence(seed), i.e. NumPy's
 *     np.random.default_rng(np.random.SeedSequence(seed).spawn(j + 1)[j])
 * So the global array does not depend on the number of ranks or on the distribution.
 * Child j >= 1 is built directly: SeedSequence(seed).spawn(...)[j] has the assembled
 * entropy [seed words, zero-padded to the pool size 4, j's words], which SeedSequence over
 * that word list also has (j's last word is not zero, so the list is not shortened). */

enum { RND_RANDOM, RND_UNIFORM, RND_NORMAL, RND_INTEGERS };

typedef struct rnd_spec {
    int kind;
    double p1, p2;
    int64_t lo, hi;
    bool endpoint;
} rnd_spec;

static nd_rng *block_rng(uint64_t seed, uint64_t j)
{
    if (j == 0) {
        /* spawn key (0,): its word is a trailing zero, which the integer form of the entropy
         * list would drop; spawn the first child for real */
        nd_rng *root = nd_rng_new(seed), *child = NULL;
        if (root && nd_rng_spawn(root, 1, &child) != ND_OK) child = NULL;
        nd_rng_free(root);
        return child;
    }
    uint32_t w[6];
    size_t n = 0;
    w[n++] = (uint32_t)seed;
    if (seed >> 32) w[n++] = (uint32_t)(seed >> 32);
    while (n < 4) w[n++] = 0;
    w[n++] = (uint32_t)j;
    if (j >> 32) w[n++] = (uint32_t)(j >> 32);
    return nd_rng_from_entropy(ND_PCG64, w, n);
}

static nd_status draw(nd_rng *r, const rnd_spec *s, nd_array *out)
{
    switch (s->kind) {
    case RND_RANDOM: return nd_rng_random_into(r, out);
    case RND_UNIFORM: return nd_rng_uniform_into(r, s->p1, s->p2, out);
    case RND_NORMAL: return nd_rng_normal_into(r, s->p1, s->p2, out);
    default: return nd_rng_integers_into(r, s->lo, s->hi, s->endpoint, out);
    }
}

/* Fill `local`, which holds the global flat range [lo, hi), block by block. */
static nd_status fill_range(uint64_t seed, const rnd_spec *s, nd_array *flat, ptrdiff_t lo, ptrdiff_t hi,
                            const char *who)
{
    nd_status st = ND_OK;
    const ptrdiff_t B = ND_DIST_RANDOM_BLOCK;
    nd_array *buf = NULL;
    for (ptrdiff_t j = lo / B; j * B < hi && st == ND_OK; j++) {
        ptrdiff_t b0 = j * B, b1 = b0 + B; /* the block; its last one may be short */
        ptrdiff_t a = lo > b0 ? lo : b0, z = hi < b1 ? hi : b1;
        nd_rng *r = block_rng(seed, (uint64_t)j);
        if (!r) {
            st = nd_last_error();
            break;
        }
        nd_index dst = ND_SLICE(a - lo, z - lo, 1);
        nd_array *dv = nd_slice(flat, 1, &dst);
        if (!dv) st = nd_last_error();
        else if (a == b0) {
            /* the rank holds the block from its start: draw its prefix straight into place
             * (a generator's first k draws do not depend on how many follow) */
            st = draw(r, s, dv);
        } else {
            /* draw the block's prefix up to z, keep [a, z) */
            ptrdiff_t len = z - b0;
            nd_free(buf);
            buf = (nd_empty)(1, &len, nd_dtype_of(flat));
            if (!buf) st = nd_last_error();
            if (st == ND_OK) st = draw(r, s, buf);
            nd_index src = ND_SLICE(a - b0, len, 1);
            nd_array *sv = st == ND_OK ? nd_slice(buf, 1, &src) : NULL;
            if (st == ND_OK) st = sv ? nd_assign(dv, sv, ND_CAST_NO) : nd_last_error();
            nd_free(sv);
        }
        nd_free(dv);
        nd_rng_free(r);
    }
    nd_free(buf);
    (void)who;
    return st;
}

static nd_dist *random_dist(MPI_Comm comm, uint64_t seed, const rnd_spec *s, int ndim, const ptrdiff_t *shape,
                            nd_dtype dt, const nd_distribution *dist, const char *who)
{
    nd_status pre = ND_OK;
    if (s->kind != RND_INTEGERS && dt != ND_FLOAT64 && dt != ND_FLOAT32)
        pre = nd_set_error(ND_EDTYPE, "%s: dtype %s: float32 or float64 only", who,
                           nd_dtype_is_numeric((int)dt) ? nd_dtype_name(dt) : "?");
    /* Drawn as BLOCK along axis 0 (each rank one flat range), then moved if asked. */
    nd_distribution target = dist ? *dist : nd_dist_block(0), gen = nd_dist_block(0);
    bool direct = ndim == 0 || target.kind == ND_DIST_REPLICATED ||
                  (target.kind == ND_DIST_BLOCK && (target.axis == 0 || target.axis == -ndim) && target.block == 0);
    nd_dist *d = NULL;
    if (nd__dist_new_checked(comm, pre, ndim, shape, dt, direct ? dist : &gen, &d, who) != ND_OK) return NULL;
    nd_status st = ND_OK;
    ptrdiff_t n = nd_size(d->local), inner = 1;
    for (int k = 1; k < ndim; k++) inner *= shape[k];
    ptrdiff_t lo = d->dist.kind == ND_DIST_REPLICATED ? 0 : d->offset[0] * inner;
    nd_array *flat = n > 0 ? nd_reshape(d->local, 1, &n) : NULL;
    if (n > 0 && !flat) st = nd_last_error();
    if (st == ND_OK && n > 0) st = fill_range(seed, s, flat, lo, lo + n, who);
    if (st == ND_OK && n > 0 && nd_data(flat) != nd_data(d->local)) st = nd_set_error(ND_EVALUE, "%s: piece not contiguous", who);
    nd_free(flat);
    if (nd__dist_agree(d->comm, st) != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    if (direct) return d;
    nd_dist *moved = nd_dist_redistribute(d, &target);
    nd_dist_free(d);
    return moved;
}

nd_dist *nd_dist_random(MPI_Comm comm, uint64_t seed, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                        const nd_distribution *dist)
{
    rnd_spec s = { RND_RANDOM, 0, 0, 0, 0, false };
    return random_dist(comm, seed, &s, ndim, shape, dt, dist, "nd_dist_random");
}

nd_dist *nd_dist_random_uniform(MPI_Comm comm, uint64_t seed, double low, double high, int ndim,
                                const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    rnd_spec s = { RND_UNIFORM, low, high, 0, 0, false };
    return random_dist(comm, seed, &s, ndim, shape, dt, dist, "nd_dist_random_uniform");
}

nd_dist *nd_dist_random_normal(MPI_Comm comm, uint64_t seed, double loc, double scale, int ndim,
                               const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    rnd_spec s = { RND_NORMAL, loc, scale, 0, 0, false };
    return random_dist(comm, seed, &s, ndim, shape, dt, dist, "nd_dist_random_normal");
}

nd_dist *nd_dist_random_integers(MPI_Comm comm, uint64_t seed, int64_t low, int64_t high, bool endpoint, int ndim,
                                 const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    rnd_spec s = { RND_INTEGERS, 0, 0, low, high, endpoint };
    return random_dist(comm, seed, &s, ndim, shape, dt, dist, "nd_dist_random_integers");
}

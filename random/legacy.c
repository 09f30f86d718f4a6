/* NumPy's legacy RandomState over MT19937: init_genrand / init_by_array seeding and the
 * legacy samplers (numpy/random/src/legacy/legacy-distributions.c, _bounded_integers):
 * random_sample from 53 bits, the polar-method gauss with its cached second value,
 * masked-rejection randint. */
#include <math.h>

#include "dist_internal.h"

static nd_rng *mt_alloc(const char *who)
{
    nd_rng *r = nd_calloc(1, sizeof *r, who);
    if (r) r->kind = ND_MT19937;
    return r;
}

nd_rng *nd_random_state_new(uint32_t seed)
{
    nd_rng *r = mt_alloc("nd_random_state_new");
    if (r) nd__mt19937_seed32(r, seed);
    return r;
}

nd_rng *nd_random_state_from_array(const uint32_t *key, size_t n)
{
    const char *who = "nd_random_state_from_array";
    if (!key) return ND_FAIL(ND_EVALUE, "%s: NULL key", who);
    if (n == 0 || n > (size_t)INT32_MAX)
        return ND_FAIL(ND_EVALUE, "%s: key length %zu (must be in [1, 2^31))", who, n);
    nd_rng *r = mt_alloc(who);
    if (r) nd__mt19937_seed_array(r, key, (int)n);
    return r;
}

nd_status nd_random_seed(nd_rng *r, uint32_t seed)
{
    if (!r) return nd_set_error(ND_EVALUE, "nd_random_seed: NULL generator");
    if (r->kind != ND_MT19937)
        return nd_set_error(ND_EVALUE, "nd_random_seed: generator is %s, not MT19937",
                            nd_bitgen_name(r->kind));
    nd__mt19937_seed32(r, seed);
    r->has_gauss = 0;
    r->gauss = 0;
    r->has_uint32 = 0;
    r->uinteger = 0;
    return ND_OK;
}

double nd_legacy_gauss(nd_rng *r)
{
    if (r->has_gauss) {
        double t = r->gauss;
        r->has_gauss = 0;
        r->gauss = 0.0;
        return t;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * nd__next_double(r) - 1.0;
        x2 = 2.0 * nd__next_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

static nd_array *legacy_out(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                            const char *who)
{
    if (!r) return ND_FAIL(ND_EVALUE, "%s: NULL generator", who);
    return nd__rng_out(ndim, shape, dt, who);
}

nd_array *nd_legacy_random_sample(nd_rng *r, int ndim, const ptrdiff_t *shape)
{
    nd_array *out = legacy_out(r, ndim, shape, ND_FLOAT64, "nd_legacy_random_sample");
    if (!out) return NULL;
    double *d = (double *)out->data;
    for (ptrdiff_t i = 0; i < out->size; i++) d[i] = nd__next_double(r);
    return out;
}

nd_array *nd_legacy_standard_normal(nd_rng *r, int ndim, const ptrdiff_t *shape)
{
    return nd_legacy_normal(r, 0.0, 1.0, ndim, shape);
}

nd_array *nd_legacy_normal(nd_rng *r, double loc, double scale, int ndim, const ptrdiff_t *shape)
{
    const char *who = "nd_legacy_normal";
    if (!(scale >= 0)) return ND_FAIL(ND_EVALUE, "%s: scale = %g < 0", who, scale);
    nd_array *out = legacy_out(r, ndim, shape, ND_FLOAT64, who);
    if (!out) return NULL;
    double *d = (double *)out->data;
    for (ptrdiff_t i = 0; i < out->size; i++) d[i] = loc + scale * nd_legacy_gauss(r);
    return out;
}

nd_array *nd_legacy_uniform(nd_rng *r, double low, double high, int ndim, const ptrdiff_t *shape)
{
    const char *who = "nd_legacy_uniform";
    double range = high - low;
    if (!isfinite(range))
        return ND_FAIL(ND_EVALUE, "%s: range high - low = %g - %g exceeds valid bounds", who,
                       high, low);
    nd_array *out = legacy_out(r, ndim, shape, ND_FLOAT64, who);
    if (!out) return NULL;
    double *d = (double *)out->data;
    for (ptrdiff_t i = 0; i < out->size; i++) d[i] = low + range * nd__next_double(r);
    return out;
}

nd_array *nd_legacy_randint(nd_rng *r, int64_t low, int64_t high, int ndim, const ptrdiff_t *shape)
{
    const char *who = "nd_legacy_randint";
    if (low >= high)
        return ND_FAIL(ND_EVALUE, "%s: low >= high (%lld >= %lld)", who, (long long)low,
                       (long long)high);
    nd_array *out = legacy_out(r, ndim, shape, ND_INT64, who);
    if (!out) return NULL;
    uint64_t rng = (uint64_t)high - (uint64_t)low - 1u, off = (uint64_t)low;
    int64_t *d = (int64_t *)out->data;
    uint64_t mask = rng;
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    for (ptrdiff_t i = 0; i < out->size; i++) {
        uint64_t v;
        if (rng == 0)
            v = 0;
        else if (rng == 0xffffffffu)
            v = nd__next32(r);
        else if (rng < 0xffffffffu)
            while ((v = (nd__next32(r) & mask)) > rng) {
            }
        else
            while ((v = (nd__next64(r) & mask)) > rng) {
            }
        d[i] = (int64_t)(off + v);
    }
    return out;
}

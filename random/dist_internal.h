/* numc random: scalar samplers (NumPy's Generator algorithms) and the array fillers
 * that every public distribution goes through (internal). */
#ifndef NUMC_DIST_INTERNAL_H
#define NUMC_DIST_INTERNAL_H

#include "rng_internal.h"

/* scalar samplers (dist_basic.c) */
ND_INTERNAL double nd__std_normal(nd_rng *r);
ND_INTERNAL float nd__std_normal_f(nd_rng *r);
ND_INTERNAL double nd__std_exponential(nd_rng *r);
ND_INTERNAL float nd__std_exponential_f(nd_rng *r);
ND_INTERNAL double nd__std_gamma(nd_rng *r, double shape);
ND_INTERNAL float nd__std_gamma_f(nd_rng *r, float shape);
/* Uniform integer in [0, rng] (rng inclusive), NumPy's random_bounded_uint64. */
ND_INTERNAL uint64_t nd__bounded_u64(nd_rng *r, uint64_t rng);
/* NumPy's random_interval: [0, max] by masked rejection (used by shuffle). */
ND_INTERNAL uint64_t nd__interval(nd_rng *r, uint64_t max);
ND_INTERNAL double nd__beta(nd_rng *r, double a, double b);
ND_INTERNAL int64_t nd__poisson(nd_rng *r, double lam);
/* NumPy's random_hypergeometric (HRUA for 10 <= sample <= total - 10), dist_disc.c. */
ND_INTERNAL int64_t nd__hypergeometric(nd_rng *r, int64_t good, int64_t bad, int64_t sample);

/* Binomial sampler with NumPy's per-(n, p) set-up cache. */
typedef struct nd__binom {
    int has;
    int64_t nsave, m;
    double psave, r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
} nd__binom;
ND_INTERNAL int64_t nd__binomial(nd_rng *r, double p, int64_t n, nd__binom *cache);

/* Array fillers. A continuous sampler gets the parameter vector; fill_cont fills a
 * float32 / float64 output (ff, when non-NULL, is NumPy's float32 algorithm). */
typedef double (*nd__cont_fn)(nd_rng *r, const double *p);
typedef float (*nd__cont_fn_f)(nd_rng *r, const double *p);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__fill_cont(nd_rng *r, nd_array *out, nd__cont_fn f, nd__cont_fn_f ff,
                        const double *p, const char *who);
typedef int64_t (*nd__disc_fn)(nd_rng *r, const double *p, void *ctx);
/* Fill any integer / float output with int64 draws converted to its dtype. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__fill_disc(nd_rng *r, nd_array *out, nd__disc_fn f, const double *p, void *ctx,
                        const char *who);
/* New output of `dt` and the given shape for the array-returning forms. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__rng_out(int ndim, const ptrdiff_t *shape, nd_dtype dt, const char *who);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__rng_check(const nd_rng *r, const nd_array *out, const char *who);

#endif

/* numc — random sampling (numpy.random.Generator).
 *
 * An nd_rng is a generator over one of six bit generators. Seeding goes through
 * NumPy's SeedSequence, so nd_rng_new(42) draws exactly the stream of
 * numpy.random.default_rng(42), and the distributions use NumPy's Generator
 * algorithms (ziggurat normal / exponential, Lemire bounded integers, ...): the same
 * seed gives the same variates as NumPy wherever the header says "NumPy's stream".
 *
 * Ownership: every nd_rng* and nd_array* returned is the caller's (nd_rng_free /
 * nd_free). An nd_rng is not thread-safe: give each thread its own (nd_rng_spawn).
 * Errors: NULL / negative nd_status with nd_errmsg() naming the function and the
 * offending values (ND_EVALUE for bad parameters such as a negative scale or p
 * outside [0, 1], ND_EDTYPE for an output dtype the distribution cannot fill). */
#ifndef NUMC_RANDOM_H
#define NUMC_RANDOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nd_rng nd_rng;

typedef enum nd_bitgen_kind {
    ND_PCG64 = 0,    /* NumPy's default (PCG XSL-RR 128/64) */
    ND_PCG64DXSM,    /* PCG64 with the DXSM output and cheap multiplier */
    ND_PHILOX,       /* Philox4x64-10, counter based */
    ND_SFC64,        /* Chris Doty-Humphrey's Small Fast Chaotic; no jump */
    ND_XOSHIRO256,   /* xoshiro256** (Blackman & Vigna); not in NumPy */
    ND_MT19937       /* Mersenne Twister, NumPy's MT19937 (and legacy RandomState) */
} nd_bitgen_kind;

/* ---- construction ------------------------------------------------------------------ */
/* numpy.random.default_rng(seed): PCG64 seeded through SeedSequence(seed). */
ND_API nd_rng *nd_rng_new(uint64_t seed);
/* Bit generator `kind` seeded through SeedSequence(seed) (NumPy's PCG64(seed) etc.). */
ND_API nd_rng *nd_rng_new_kind(nd_bitgen_kind kind, uint64_t seed);
/* SeedSequence over arbitrary entropy given as 32-bit words, least significant first
 * (NumPy's SeedSequence(int) splits a big integer the same way). n <= 32. */
ND_API nd_rng *nd_rng_from_entropy(nd_bitgen_kind kind, const uint32_t *words, size_t n);
/* Fresh entropy from the operating system (128 bits, like default_rng()). */
ND_API nd_rng *nd_rng_from_os(nd_bitgen_kind kind);
/* Free a generator; NULL is a no-op. */
ND_API void nd_rng_free(nd_rng *r);
/* An independent copy with the same state (draws the same stream). */
ND_API nd_rng *nd_rng_copy(const nd_rng *r);
ND_API nd_bitgen_kind nd_rng_kind(const nd_rng *r);
/* "PCG64", "PCG64DXSM", "Philox", "SFC64", "Xoshiro256**". */
ND_API const char *nd_bitgen_name(nd_bitgen_kind kind);

/* ---- independent streams ----------------------------------------------------------- */
/* NumPy's SeedSequence.spawn: n children of r's seed sequence, each a new generator of
 * r's kind writtten to children[0..n-1]. Repeated calls give new children. */
ND_API nd_status nd_rng_spawn(nd_rng *r, int n, nd_rng **children);
/* A copy advanced as if by `jumps` × 2^127·φ draws (PCG64/DXSM, NumPy's jumped()), by
 * jumps × 2^128 blocks (Philox), or by jumps × 2^128 draws (xoshiro256**).
 * SFC64 and MT19937 have no jump here: ND_EVALUE (use nd_rng_spawn). */
ND_API nd_rng *nd_rng_jumped(const nd_rng *r, uint64_t jumps);
/* Advance the stream by delta = delta_hi·2^64 + delta_lo steps (PCG64/DXSM: draws;
 * Philox: counter blocks), as NumPy's advance(). Other kinds: ND_EVALUE. */
ND_API nd_status nd_rng_advance(nd_rng *r, uint64_t delta_hi, uint64_t delta_lo);

/* ---- state save / restore ------------------------------------------------------------ */
/* Plain data: copy it, write it to a file, set it back later.
 *   PCG64 / DXSM: w[0..3] = state_hi, state_lo, inc_hi, inc_lo
 *   Philox:       w[0..3] counter, w[4..5] key, w[6..9] buffer, w[10] buffer position
 *   SFC64:        w[0..3] = a, b, c, counter
 *   xoshiro256**: w[0..3] = s0..s3 (not all zero)
 *   MT19937:      mt_key[624], mt_pos (0..624) as NumPy's state['state'] key / pos
 * has_uint32 / uinteger are the half-word buffer NumPy keeps for 32-bit draws;
 * has_gauss / gauss the legacy RandomState's cached normal (get_state()[3:5]). */
typedef struct nd_rng_state {
    nd_bitgen_kind kind;
    uint64_t w[11];
    int has_uint32;
    uint32_t uinteger;
    uint32_t mt_key[624];
    int mt_pos;
    int has_gauss;
    double gauss;
} nd_rng_state;
ND_API nd_status nd_rng_get_state(const nd_rng *r, nd_rng_state *out);
/* Set the bit generator's state; the kind must match (ND_EVALUE otherwise). */
ND_API nd_status nd_rng_set_state(nd_rng *r, const nd_rng_state *st);

/* ---- raw draws (NumPy's stream) ---------------------------------------------------------- */
ND_API uint64_t nd_rng_next_u64(nd_rng *r);
ND_API uint32_t nd_rng_next_u32(nd_rng *r);     /* halves of a 64-bit draw, low half first */
ND_API double nd_rng_next_double(nd_rng *r);    /* (u64 >> 11) · 2^-53, in [0, 1) */
ND_API float nd_rng_next_float(nd_rng *r);      /* (u32 >> 8) · 2^-24, in [0, 1) */
/* bit_generator.random_raw(n): a 1-D uint64 array. */
ND_API nd_array *nd_rng_random_raw(nd_rng *r, ptrdiff_t n);

/* ---- distributions ----------------------------------------------------------------------
 * Each distribution comes as
 *     nd_array *nd_rng_NAME(nd_rng *r, params..., int ndim, const ptrdiff_t *shape)
 *     nd_status nd_rng_NAME_into(nd_rng *r, params..., nd_array *out)
 * The first returns a new float64 (continuous) or int64 (discrete) array of the given
 * shape: nd_rng_normal(r, 0, 1, ND_SHAPE(3, 4)). The second fills an existing writeable
 * array in C order: continuous ones take float32 or float64 outputs, discrete ones any
 * integer or float dtype. random, standard_normal, standard_exponential and
 * standard_gamma use NumPy's float32 algorithms for float32 outputs (NumPy's
 * dtype=np.float32); the others compute in double and round. */
#define ND__RNG_CONT0(name)                                                         \
    ND_API nd_array *nd_rng_##name(nd_rng *r, int ndim, const ptrdiff_t *shape);    \
    ND_API nd_status nd_rng_##name##_into(nd_rng *r, nd_array *out)
#define ND__RNG_CONT1(name, p1)                                                     \
    ND_API nd_array *nd_rng_##name(nd_rng *r, double p1, int ndim, const ptrdiff_t *shape); \
    ND_API nd_status nd_rng_##name##_into(nd_rng *r, double p1, nd_array *out)
#define ND__RNG_CONT2(name, p1, p2)                                                 \
    ND_API nd_array *nd_rng_##name(nd_rng *r, double p1, double p2, int ndim,       \
                            const ptrdiff_t *shape);                                \
    ND_API nd_status nd_rng_##name##_into(nd_rng *r, double p1, double p2, nd_array *out)
#define ND__RNG_CONT3(name, p1, p2, p3)                                             \
    ND_API nd_array *nd_rng_##name(nd_rng *r, double p1, double p2, double p3, int ndim, \
                            const ptrdiff_t *shape);                                \
    ND_API nd_status nd_rng_##name##_into(nd_rng *r, double p1, double p2, double p3, \
                                   nd_array *out)

/* Generator.random / standard_normal / standard_exponential with a dtype
 * (ND_FLOAT64 or ND_FLOAT32; NumPy's stream for both). */
ND_API nd_array *nd_rng_random(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt);
ND_API nd_status nd_rng_random_into(nd_rng *r, nd_array *out);
ND_API nd_array *nd_rng_standard_normal(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt);
ND_API nd_status nd_rng_standard_normal_into(nd_rng *r, nd_array *out);
ND_API nd_array *nd_rng_standard_exponential(nd_rng *r, int ndim, const ptrdiff_t *shape,
                                             nd_dtype dt);
ND_API nd_status nd_rng_standard_exponential_into(nd_rng *r, nd_array *out);
ND_API nd_array *nd_rng_standard_gamma(nd_rng *r, double shape_k, int ndim, const ptrdiff_t *shape,
                                       nd_dtype dt);
ND_API nd_status nd_rng_standard_gamma_into(nd_rng *r, double shape_k, nd_array *out);

/* nd_array *nd_rng_uniform(nd_rng *r, double low, double high, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_uniform_into(nd_rng *r, double low, double high, nd_array *out); */
ND__RNG_CONT2(uniform, low, high);        /* [low, high); high - low must be finite */
/* nd_array *nd_rng_normal(nd_rng *r, double loc, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_normal_into(nd_rng *r, double loc, double scale, nd_array *out); */
ND__RNG_CONT2(normal, loc, scale);        /* scale >= 0 */
/* NumPy's defaults for the draws that return a new array: uniform's low = 0, high = 1
 * and normal's loc = 0, scale = 1 may be left out from the end, before the shape:
 *     nd_rng_uniform(r, ND_SHAPE(3))        rng.uniform(size=3)
 *     nd_rng_uniform(r, -1, ND_SHAPE(3))    rng.uniform(-1, size=3)   (high 1)
 *     nd_rng_normal(r, ND_SHAPE(2, 2))      rng.normal(size=(2, 2))
 *     nd_rng_normal(r, 5, ND_SHAPE(4))      rng.normal(5, size=4)     (scale 1) */
#define nd_rng_uniform(...) ND__OVERLOAD(nd_rng_uniform, __VA_ARGS__)
#define nd_rng_uniform_with_3_args(r, ndim, shape) (nd_rng_uniform)((r), 0.0, 1.0, (ndim), (shape))
#define nd_rng_uniform_with_4_args(r, low, ndim, shape) (nd_rng_uniform)((r), (low), 1.0, (ndim), (shape))
#define nd_rng_uniform_with_5_args(r, low, high, ndim, shape) \
    (nd_rng_uniform)((r), (low), (high), (ndim), (shape))
#define nd_rng_normal(...) ND__OVERLOAD(nd_rng_normal, __VA_ARGS__)
#define nd_rng_normal_with_3_args(r, ndim, shape) (nd_rng_normal)((r), 0.0, 1.0, (ndim), (shape))
#define nd_rng_normal_with_4_args(r, loc, ndim, shape) (nd_rng_normal)((r), (loc), 1.0, (ndim), (shape))
#define nd_rng_normal_with_5_args(r, loc, scale, ndim, shape) \
    (nd_rng_normal)((r), (loc), (scale), (ndim), (shape))
/* nd_array *nd_rng_exponential(nd_rng *r, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_exponential_into(nd_rng *r, double scale, nd_array *out); */
ND__RNG_CONT1(exponential, scale);        /* scale >= 0 */
/* nd_array *nd_rng_gamma(nd_rng *r, double shape_k, double scale,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_gamma_into(nd_rng *r, double shape_k, double scale, nd_array *out); */
ND__RNG_CONT2(gamma, shape_k, scale);     /* shape_k >= 0, scale >= 0 */
/* nd_array *nd_rng_beta(nd_rng *r, double a, double b, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_beta_into(nd_rng *r, double a, double b, nd_array *out); */
ND__RNG_CONT2(beta, a, b);                /* a > 0, b > 0 */
/* nd_array *nd_rng_chisquare(nd_rng *r, double df, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_chisquare_into(nd_rng *r, double df, nd_array *out); */
ND__RNG_CONT1(chisquare, df);             /* df > 0 */
/* nd_array *nd_rng_f(nd_rng *r, double dfnum, double dfden, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_f_into(nd_rng *r, double dfnum, double dfden, nd_array *out); */
ND__RNG_CONT2(f, dfnum, dfden);           /* both > 0 */
/* nd_array *nd_rng_standard_t(nd_rng *r, double df, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_standard_t_into(nd_rng *r, double df, nd_array *out); */
ND__RNG_CONT1(standard_t, df);            /* df > 0 */
/* nd_array *nd_rng_standard_cauchy(nd_rng *r, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_standard_cauchy_into(nd_rng *r, nd_array *out); */
ND__RNG_CONT0(standard_cauchy);
/* nd_array *nd_rng_lognormal(nd_rng *r, double mean, double sigma,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_lognormal_into(nd_rng *r, double mean, double sigma, nd_array *out); */
ND__RNG_CONT2(lognormal, mean, sigma);    /* sigma >= 0 */
/* nd_array *nd_rng_laplace(nd_rng *r, double loc, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_laplace_into(nd_rng *r, double loc, double scale, nd_array *out); */
ND__RNG_CONT2(laplace, loc, scale);       /* scale >= 0 */
/* nd_array *nd_rng_logistic(nd_rng *r, double loc, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_logistic_into(nd_rng *r, double loc, double scale, nd_array *out); */
ND__RNG_CONT2(logistic, loc, scale);      /* scale >= 0 */
/* nd_array *nd_rng_gumbel(nd_rng *r, double loc, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_gumbel_into(nd_rng *r, double loc, double scale, nd_array *out); */
ND__RNG_CONT2(gumbel, loc, scale);        /* scale >= 0 */
/* nd_array *nd_rng_weibull(nd_rng *r, double a, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_weibull_into(nd_rng *r, double a, nd_array *out); */
ND__RNG_CONT1(weibull, a);                /* a >= 0 */
/* nd_array *nd_rng_pareto(nd_rng *r, double a, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_pareto_into(nd_rng *r, double a, nd_array *out); */
ND__RNG_CONT1(pareto, a);                 /* a > 0 (Lomax / Pareto II, as NumPy) */
/* nd_array *nd_rng_power(nd_rng *r, double a, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_power_into(nd_rng *r, double a, nd_array *out); */
ND__RNG_CONT1(power, a);                  /* a > 0 */
/* nd_array *nd_rng_rayleigh(nd_rng *r, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_rayleigh_into(nd_rng *r, double scale, nd_array *out); */
ND__RNG_CONT1(rayleigh, scale);           /* scale >= 0 */
/* nd_array *nd_rng_vonmises(nd_rng *r, double mu, double kappa, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_vonmises_into(nd_rng *r, double mu, double kappa, nd_array *out); */
ND__RNG_CONT2(vonmises, mu, kappa);       /* kappa >= 0; result in [-pi, pi] */
/* nd_array *nd_rng_triangular(nd_rng *r, double left, double mode, double right,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_triangular_into(nd_rng *r, double left, double mode, double right,
                 nd_array *out); */
ND__RNG_CONT3(triangular, left, mode, right); /* left <= mode <= right, left < right */
/* nd_array *nd_rng_wald(nd_rng *r, double mean, double scale, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_wald_into(nd_rng *r, double mean, double scale, nd_array *out); */
ND__RNG_CONT2(wald, mean, scale);         /* both > 0 */

/* Generator.integers(low, high, size, dtype, endpoint): uniform integers in
 * [low, high) — or [low, high] with endpoint — unbiased (Lemire's method, NumPy's
 * stream for every dtype). dt is any integer dtype or ND_BOOL; low and high must lie
 * in its range. Errors: ND_EVALUE (empty range, bounds outside dt), ND_EDTYPE. */
ND_API nd_array *nd_rng_integers(nd_rng *r, int64_t low, int64_t high, int ndim,
                                 const ptrdiff_t *shape, nd_dtype dt, bool endpoint);
ND_API nd_status nd_rng_integers_into(nd_rng *r, int64_t low, int64_t high, bool endpoint,
                                      nd_array *out);
/* NumPy's defaults low = 0 (when only high is given), dtype int64, endpoint false:
 *     nd_rng_integers(r, 10, ND_SHAPE(5))              rng.integers(10, size=5)
 *     nd_rng_integers(r, -5, 5, ND_SHAPE(2, 3))        rng.integers(-5, 5, size=(2, 3))
 *     nd_rng_integers(r, 0, 256, ND_SHAPE(4), ND_UINT8) rng.integers(256, size=4, dtype=np.uint8)
 * The shape is required (a bare count reads "too few arguments to function
 * 'nd_shape_is_ND_SHAPE_of_the_extents'"). */
#define nd_rng_integers(...) ND__OVERLOAD(nd_rng_integers, __VA_ARGS__)
#define nd_rng_integers_with_1_args(r) \
    (nd_rng_integers)((r), 0, 0, nd_shape_is_ND_SHAPE_of_the_extents(), NULL, ND_INT64, false)
#define nd_rng_integers_with_2_args(r, high) \
    (nd_rng_integers)((r), 0, (high), nd_shape_is_ND_SHAPE_of_the_extents(), NULL, ND_INT64, false)
#define nd_rng_integers_with_3_args(r, high, size) \
    (nd_rng_integers)((r), 0, (high), nd_shape_is_ND_SHAPE_of_the_extents(size), NULL, ND_INT64, false)
#define nd_rng_integers_with_4_args(r, high, ndim, shape) \
    (nd_rng_integers)((r), 0, (high), (ndim), (shape), ND_INT64, false)
#define nd_rng_integers_with_5_args(r, low, high, ndim, shape) \
    (nd_rng_integers)((r), (low), (high), (ndim), (shape), ND_INT64, false)
#define nd_rng_integers_with_6_args(r, low, high, ndim, shape, dt) \
    (nd_rng_integers)((r), (low), (high), (ndim), (shape), (dt), false)
#define nd_rng_integers_with_7_args(r, low, high, ndim, shape, dt, endpoint) \
    (nd_rng_integers)((r), (low), (high), (ndim), (shape), (dt), (endpoint))

/* Discrete distributions: int64 arrays (or any integer / float dtype with _into). */
#define ND__RNG_DISC(name, params)                                                  \
    ND_API nd_array *nd_rng_##name(nd_rng *r, ND__RNG_EXPAND params, int ndim,      \
                            const ptrdiff_t *shape);                                \
    ND_API nd_status nd_rng_##name##_into(nd_rng *r, ND__RNG_EXPAND params, nd_array *out)
#define ND__RNG_EXPAND(...) __VA_ARGS__
/* nd_array *nd_rng_binomial(nd_rng *r, int64_t n, double p, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_binomial_into(nd_rng *r, int64_t n, double p, nd_array *out); */
ND__RNG_DISC(binomial, (int64_t n, double p));            /* n >= 0, 0 <= p <= 1 */
/* nd_array *nd_rng_negative_binomial(nd_rng *r, double n, double p,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_negative_binomial_into(nd_rng *r, double n, double p, nd_array *out); */
ND__RNG_DISC(negative_binomial, (double n, double p));    /* n > 0, 0 < p <= 1 */
/* nd_array *nd_rng_poisson(nd_rng *r, double lam, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_poisson_into(nd_rng *r, double lam, nd_array *out); */
ND__RNG_DISC(poisson, (double lam));                      /* 0 <= lam < ~9.2e18 */
/* nd_array *nd_rng_geometric(nd_rng *r, double p, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_geometric_into(nd_rng *r, double p, nd_array *out); */
ND__RNG_DISC(geometric, (double p));                      /* 0 < p <= 1 */
/* nd_array *nd_rng_hypergeometric(nd_rng *r, int64_t ngood, int64_t nbad, int64_t nsample,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_hypergeometric_into(nd_rng *r, int64_t ngood, int64_t nbad, int64_t nsample,
                 nd_array *out); */
ND__RNG_DISC(hypergeometric, (int64_t ngood, int64_t nbad, int64_t nsample));
                                          /* all >= 0, nsample <= ngood + nbad < 1e9 */
/* nd_array *nd_rng_zipf(nd_rng *r, double a, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_zipf_into(nd_rng *r, double a, nd_array *out); */
ND__RNG_DISC(zipf, (double a));                           /* a > 1 */
/* nd_array *nd_rng_logseries(nd_rng *r, double p, int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_logseries_into(nd_rng *r, double p, nd_array *out); */
ND__RNG_DISC(logseries, (double p));                      /* 0 <= p < 1 */

/* ---- multivariate ------------------------------------------------------------------- */
/* Generator.multinomial(n, pvals, size): shape (size..., k) int64, k = number of
 * pvals. pvals must be in [0, 1] with sum(pvals[:-1]) <= 1 + 1e-12. */
ND_API nd_array *nd_rng_multinomial(nd_rng *r, int64_t n, const nd_array *pvals, int ndim,
                                    const ptrdiff_t *shape);
/* Generator.dirichlet(alpha, size): shape (size..., k) float64; alpha > 0. */
ND_API nd_array *nd_rng_dirichlet(nd_rng *r, const nd_array *alpha, int ndim,
                                  const ptrdiff_t *shape);

typedef enum nd_mvn_method {
    ND_MVN_SVD = 0,      /* cov = U diag(s) Vᵀ (svd); NumPy's default */
    ND_MVN_CHOLESKY,     /* L Lᵀ = cov; fastest; cov must be positive definite */
    ND_MVN_EIGH          /* cov = U diag(s) Uᵀ (eigh); handles singular PSD matrices */
} nd_mvn_method;
typedef enum nd_mvn_check {
    ND_MVN_WARN = 0,     /* NumPy's default: a non-PSD cov warns (stderr) and samples */
    ND_MVN_RAISE,        /* ND_ELINALG for a non-PSD cov */
    ND_MVN_IGNORE
} nd_mvn_check;
typedef struct nd_mvn_opts {
    int ndim;                  /* size: ndim extents in shape (0: one sample) */
    const ptrdiff_t *shape;
    nd_mvn_method method;
    nd_mvn_check check_valid;
    double tol;                /* PSD check tolerance; 0 → 1e-8 (NumPy's) */
} nd_mvn_opts;
/* Generator.multivariate_normal(mean, cov, size): shape (size..., k) float64 where
 * mean is 1-D of length k and cov is k×k symmetric. Draws standard normals of shape
 * (size..., k) and maps them by NumPy's factor of cov (computed with linalg.h's LAPACK
 * decompositions), so values match NumPy's for every method up to rounding in the final
 * product. check_valid applies to EIGH / SVD as in NumPy. Errors: ND_ESHAPE,
 * ND_ELINALG (cov not positive definite for CHOLESKY; not PSD with ND_MVN_RAISE). */
ND_API nd_array *nd_rng_multivariate_normal_(nd_rng *r, const nd_array *mean, const nd_array *cov,
                                             const nd_mvn_opts *o);
#define nd_rng_multivariate_normal(r, mean, cov, ...) \
    nd_rng_multivariate_normal_((r), (mean), (cov), &(nd_mvn_opts){ .ndim = __VA_ARGS__ })

/* Generator.noncentral_chisquare(df, nonc) and noncentral_f(dfnum, dfden, nonc): float64
 * (NumPy's stream). df, dfnum, dfden > 0 and nonc >= 0, else ND_EVALUE. */
/* nd_array *nd_rng_noncentral_chisquare(nd_rng *r, double df, double nonc,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_noncentral_chisquare_into(nd_rng *r, double df, double nonc, nd_array *out); */
ND__RNG_CONT2(noncentral_chisquare, df, nonc);
/* nd_array *nd_rng_noncentral_f(nd_rng *r, double dfnum, double dfden, double nonc,
                 int ndim, const ptrdiff_t *shape);
   nd_status nd_rng_noncentral_f_into(nd_rng *r, double dfnum, double dfden, double nonc,
                 nd_array *out); */
ND__RNG_CONT3(noncentral_f, dfnum, dfden, nonc);

typedef enum nd_mvhg_method {
    ND_MVHG_MARGINALS = 0, /* NumPy's default: one hypergeometric draw per color */
    ND_MVHG_COUNT          /* partial shuffle of sum(colors) items; memory O(sum(colors)) */
} nd_mvhg_method;
typedef struct nd_mvhg_opts {
    int ndim;                  /* size: ndim extents in shape (0: one sample) */
    const ptrdiff_t *shape;
    nd_mvhg_method method;
} nd_mvhg_opts;
/* Generator.multivariate_hypergeometric(colors, nsample, size, method): shape
 * (size..., len(colors)) int64 (NumPy's stream). colors: 1-D integer array of counts >= 0.
 * Errors (ND_EVALUE): colors not 1-D integer or negative, nsample < 0 or > sum(colors),
 * sum(colors) >= 1e9 with MARGINALS. nd_rng_multivariate_hypergeometric(r, colors, 6,
 * ND_SHAPE(4), .method = ND_MVHG_COUNT) */
ND_API nd_array *nd_rng_multivariate_hypergeometric_(nd_rng *r, const nd_array *colors,
                                                     int64_t nsample, const nd_mvhg_opts *o);
#define nd_rng_multivariate_hypergeometric(r, colors, nsample, ...)            \
    nd_rng_multivariate_hypergeometric_((r), (colors), (nsample),              \
                                        &(nd_mvhg_opts){ .ndim = __VA_ARGS__ })

/* Generator.bytes(length): `length` random bytes into out (NumPy's stream: 32-bit draws
 * stored little-endian). ND_EVALUE for a NULL generator or buffer. */
ND_API nd_status nd_rng_bytes(nd_rng *r, void *out, size_t length);

/* ---- legacy RandomState (np.random.seed / np.random.rand ...) -------------------------
 * An nd_rng of kind ND_MT19937 seeded as NumPy's legacy RandomState: the nd_legacy_*
 * draws below then give np.random.seed(s); np.random.rand(...) etc. bit for bit. Such a
 * generator also works with every nd_rng_* draw (Generator methods on its MT19937). */
/* RandomState(seed) / np.random.seed(seed): init_genrand(seed). Caller frees. */
ND_API nd_rng *nd_random_state_new(uint32_t seed);
/* RandomState(key) for a 1-D seed array: init_by_array(key, n); n >= 1 (ND_EVALUE). */
ND_API nd_rng *nd_random_state_from_array(const uint32_t *key, size_t n);
/* np.random.seed(seed) on an existing MT19937 generator (ND_EVALUE for other kinds);
 * clears the cached normal. */
ND_API nd_status nd_random_seed(nd_rng *r, uint32_t seed);
/* RandomState.random_sample / rand: float64 in [0, 1) from 53 bits (a>>5, b>>6). */
ND_API nd_array *nd_legacy_random_sample(nd_rng *r, int ndim, const ptrdiff_t *shape);
/* RandomState.standard_normal / randn: the polar method, one normal cached per pair. */
ND_API nd_array *nd_legacy_standard_normal(nd_rng *r, int ndim, const ptrdiff_t *shape);
/* One legacy gauss draw (uses and refills the cache). */
ND_API double nd_legacy_gauss(nd_rng *r);
/* RandomState.normal(loc, scale) (scale >= 0) and uniform(low, high) (high - low finite). */
ND_API nd_array *nd_legacy_normal(nd_rng *r, double loc, double scale, int ndim,
                                  const ptrdiff_t *shape);
ND_API nd_array *nd_legacy_uniform(nd_rng *r, double low, double high, int ndim,
                                   const ptrdiff_t *shape);
/* RandomState.randint(low, high, size) with dtype int64: masked rejection sampling as
 * NumPy's legacy path. low < high, else ND_EVALUE. */
ND_API nd_array *nd_legacy_randint(nd_rng *r, int64_t low, int64_t high, int ndim,
                                   const ptrdiff_t *shape);

/* ---- permutations and choice --------------------------------------------------------- */
/* Generator.shuffle(x, axis): shuffle `x` in place along `axis` (NumPy's stream). */
ND_API nd_status nd_rng_shuffle(nd_rng *r, nd_array *x, int axis);
/* Generator.permutation(n): a shuffled arange(n) (int64). */
ND_API nd_array *nd_rng_permutation_n(nd_rng *r, int64_t n);
/* Generator.permutation(x, axis): a shuffled copy of x along axis. */
ND_API nd_array *nd_rng_permutation(nd_rng *r, const nd_array *x, int axis);
/* Generator.permuted(x, axis): a copy with each 1-D slice along axis shuffled
 * independently (axis_none: the flattened array shuffled, same shape). */
ND_API nd_array *nd_rng_permuted(nd_rng *r, const nd_array *x, int axis, bool axis_none);

typedef struct nd_choice_opts {
    int ndim;                /* size: ndim extents in shape (0: one draw, 0-d result) */
    const ptrdiff_t *shape;
    bool no_replace;         /* NumPy's replace=False */
    const nd_array *p;       /* probabilities (1-D, length = population, sum 1) */
    bool no_shuffle;         /* without replacement: NumPy's shuffle=False */
    int axis;                /* axis of `a` to choose along (array form) */
} nd_choice_opts;
/* Generator.choice(n, size, replace, p): int64 indices in [0, n). */
ND_API nd_array *nd_rng_choice_n_(nd_rng *r, int64_t n, const nd_choice_opts *o);
/* Generator.choice(a, size, replace, p, axis): elements (sub-arrays) of a. */
ND_API nd_array *nd_rng_choice_(nd_rng *r, const nd_array *a, const nd_choice_opts *o);
#define nd_rng_choice_n(r, n, ...) \
    nd_rng_choice_n_((r), (n), &(nd_choice_opts){ .ndim = __VA_ARGS__ })
#define nd_rng_choice(r, a, ...) \
    nd_rng_choice_((r), (a), &(nd_choice_opts){ .ndim = __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif

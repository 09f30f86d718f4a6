/* Statistical quality at fixed seeds: Kolmogorov–Smirnov against the exact CDF for the
 * continuous distributions, chi-square against the pmf for the discrete ones, and
 * sample moments for all (tolerances are ~5 standard errors, so a correct sampler
 * passes and the fixed seeds keep the tests deterministic). */
#include <numc/random.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define N 200000
#define SZ(n) 1, (const ptrdiff_t[]){ n }
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static double xs[N];

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* KS statistic of xs[0..n) against cdf; n·D² tail bound: reject when
 * sqrt(n)·D > 1.95 (α ≈ 0.001). */
static double ks(nd_array *a, double (*cdf)(double, const double *), const double *p)
{
    ptrdiff_t n = nd_size(a);
    nd_to_f64(a, xs);
    qsort(xs, (size_t)n, sizeof *xs, cmp_d);
    double d = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double f = cdf(xs[i], p);
        double lo = f - (double)i / n, hi = (double)(i + 1) / n - f;
        if (lo > d) d = lo;
        if (hi > d) d = hi;
    }
    return sqrt((double)n) * d;
}

static void moments(nd_array *a, double *mean, double *var)
{
    ptrdiff_t n = nd_size(a);
    nd_to_f64(a, xs);
    double s = 0, s2 = 0;
    for (ptrdiff_t i = 0; i < n; i++) s += xs[i];
    *mean = s / n;
    for (ptrdiff_t i = 0; i < n; i++) s2 += (xs[i] - *mean) * (xs[i] - *mean);
    *var = s2 / (n - 1);
}

/* mean within 5 standard errors, variance within 6% */
#define CHECK_MOMENTS(a, mu, sigma2)                                               \
    do {                                                                           \
        double m_, v_;                                                             \
        moments((a), &m_, &v_);                                                    \
        CU_ASSERT(fabs(m_ - (mu)) < 5 * sqrt((double)(sigma2) / (double)nd_size(a)));              \
        CU_ASSERT(fabs(v_ / (double)(sigma2) - 1) < 0.06);                                 \
        if (!(fabs(m_ - (mu)) < 5 * sqrt((double)(sigma2) / (double)nd_size(a))) ||                \
            !(fabs(v_ / (double)(sigma2) - 1) < 0.06))                                     \
            printf("\n  line %d: mean %g (want %g) var %g (want %g)\n", __LINE__, m_, \
                   (double)(mu), v_, (double)(sigma2));                            \
    } while (0)

/* regularised lower incomplete gamma P(a, x): series below a + 1, Lentz's continued
 * fraction above */
static double gammainc(double a, double x)
{
    if (x <= 0) return 0;
    double lg = lgamma(a);
    if (x < a + 1) {
        double term = 1 / a, sum = term;
        for (int k = 1; k < 1000; k++) {
            term *= x / (a + k);
            sum += term;
            if (term < sum * 1e-16) break;
        }
        return sum * exp(-x + a * log(x) - lg);
    }
    double b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
    for (int k = 1; k < 1000; k++) {
        double an = -k * (k - a);
        b += 2;
        d = an * d + b;
        if (fabs(d) < 1e-300) d = 1e-300;
        c = b + an / c;
        if (fabs(c) < 1e-300) c = 1e-300;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-16) break;
    }
    return 1 - exp(-x + a * log(x) - lg) * h;
}

static double cdf_uniform(double x, const double *p) { return (x - p[0]) / (p[1] - p[0]); }
static double cdf_normal(double x, const double *p)
{
    return 0.5 * erfc(-(x - p[0]) / (p[1] * sqrt(2)));
}
static double cdf_expon(double x, const double *p) { return -expm1(-x / p[0]); }
static double cdf_gamma(double x, const double *p) { return gammainc(p[0], x / p[1]); }
static double cdf_chi2(double x, const double *p) { return gammainc(p[0] / 2, x / 2); }
static double cdf_laplace(double x, const double *p)
{
    double z = (x - p[0]) / p[1];
    return z < 0 ? 0.5 * exp(z) : 1 - 0.5 * exp(-z);
}
static double cdf_logistic(double x, const double *p) { return 1 / (1 + exp(-(x - p[0]) / p[1])); }
static double cdf_gumbel(double x, const double *p) { return exp(-exp(-(x - p[0]) / p[1])); }
static double cdf_weibull(double x, const double *p) { return -expm1(-pow(x, p[0])); }
static double cdf_pareto(double x, const double *p) { return 1 - pow(1 + x, -p[0]); }
static double cdf_power(double x, const double *p) { return pow(x, p[0]); }
static double cdf_rayleigh(double x, const double *p) { return -expm1(-x * x / (2 * p[0] * p[0])); }
static double cdf_cauchy(double x, const double *p) { (void)p; return 0.5 + atan(x) / M_PI; }
static double cdf_lognormal(double x, const double *p)
{
    return x <= 0 ? 0 : 0.5 * erfc(-(log(x) - p[0]) / (p[1] * sqrt(2)));
}
static double cdf_triangular(double x, const double *p)
{
    double a = p[0], c = p[1], b = p[2];
    if (x <= c) return (x - a) * (x - a) / ((b - a) * (c - a));
    return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
}
static double cdf_wald(double x, const double *p)
{
    double mu = p[0], l = p[1], s = sqrt(l / x);
    return 0.5 * erfc(-s * (x / mu - 1) / sqrt(2)) +
           exp(2 * l / mu) * 0.5 * erfc(s * (x / mu + 1) / sqrt(2));
}

#define KS(a, cdf, ...)                                                            \
    do {                                                                           \
        const double p_[] = { __VA_ARGS__ };                                       \
        double k_ = ks((a), (cdf), p_);                                            \
        CU_ASSERT(k_ < 1.95);                                                      \
        if (!(k_ < 1.95)) printf("\n  line %d: KS sqrt(n)D = %g\n", __LINE__, k_); \
    } while (0)

static void test_ks_continuous(void)
{
    nd_rng *r = nd_rng_new(2024);
    nd_array *a;
    a = nd_rng_uniform(r, -1, 3, SZ(N)); KS(a, cdf_uniform, -1, 3); CHECK_MOMENTS(a, 1, 16.0 / 12); nd_free(a);
    a = nd_rng_normal(r, 2, 3, SZ(N)); KS(a, cdf_normal, 2, 3); CHECK_MOMENTS(a, 2, 9); nd_free(a);
    a = nd_rng_standard_normal(r, SZ(N), ND_FLOAT32); KS(a, cdf_normal, 0, 1); CHECK_MOMENTS(a, 0, 1); nd_free(a);
    a = nd_rng_exponential(r, 2, SZ(N)); KS(a, cdf_expon, 2); CHECK_MOMENTS(a, 2, 4); nd_free(a);
    a = nd_rng_standard_exponential(r, SZ(N), ND_FLOAT32); KS(a, cdf_expon, 1); nd_free(a);
    a = nd_rng_gamma(r, 0.4, 2, SZ(N)); KS(a, cdf_gamma, 0.4, 2); CHECK_MOMENTS(a, 0.8, 1.6); nd_free(a);
    a = nd_rng_gamma(r, 7.5, 0.5, SZ(N)); KS(a, cdf_gamma, 7.5, 0.5); CHECK_MOMENTS(a, 3.75, 1.875); nd_free(a);
    a = nd_rng_standard_gamma(r, 3, SZ(N), ND_FLOAT32); KS(a, cdf_gamma, 3, 1); nd_free(a);
    a = nd_rng_chisquare(r, 5, SZ(N)); KS(a, cdf_chi2, 5); CHECK_MOMENTS(a, 5, 10); nd_free(a);
    a = nd_rng_laplace(r, 1, 2, SZ(N)); KS(a, cdf_laplace, 1, 2); CHECK_MOMENTS(a, 1, 8); nd_free(a);
    a = nd_rng_logistic(r, 1, 2, SZ(N)); KS(a, cdf_logistic, 1, 2); CHECK_MOMENTS(a, 1, 4 * M_PI * M_PI / 3); nd_free(a);
    a = nd_rng_gumbel(r, 1, 2, SZ(N)); KS(a, cdf_gumbel, 1, 2);
    CHECK_MOMENTS(a, 1 + 2 * 0.5772156649015329, M_PI * M_PI / 6 * 4); nd_free(a);
    a = nd_rng_weibull(r, 1.5, SZ(N)); KS(a, cdf_weibull, 1.5); nd_free(a);
    a = nd_rng_pareto(r, 5, SZ(N)); KS(a, cdf_pareto, 5); CHECK_MOMENTS(a, 0.25, 5.0 / (16 * 3)); nd_free(a);
    a = nd_rng_power(r, 3, SZ(N)); KS(a, cdf_power, 3); CHECK_MOMENTS(a, 0.75, 3.0 / (16 * 5)); nd_free(a);
    a = nd_rng_rayleigh(r, 2, SZ(N)); KS(a, cdf_rayleigh, 2); CHECK_MOMENTS(a, 2 * sqrt(M_PI / 2), (4 - M_PI) / 2 * 4); nd_free(a);
    a = nd_rng_standard_cauchy(r, SZ(N)); KS(a, cdf_cauchy, 0); nd_free(a);
    a = nd_rng_lognormal(r, 0.5, 0.4, SZ(N)); KS(a, cdf_lognormal, 0.5, 0.4);
    CHECK_MOMENTS(a, exp(0.5 + 0.08), (exp(0.16) - 1) * exp(1 + 0.16)); nd_free(a);
    a = nd_rng_triangular(r, -1, 0.5, 3, SZ(N)); KS(a, cdf_triangular, -1, 0.5, 3);
    CHECK_MOMENTS(a, 2.5 / 3, (1 + 0.25 + 9 + 0.5 + 3 - 1.5) / 18); nd_free(a);
    a = nd_rng_wald(r, 1.5, 2, SZ(N)); KS(a, cdf_wald, 1.5, 2); CHECK_MOMENTS(a, 1.5, 1.5 * 1.5 * 1.5 / 2); nd_free(a);
    nd_rng_free(r);
}

static void test_moments_of_composite_distributions(void)
{
    nd_rng *r = nd_rng_new(77);
    nd_array *a;
    a = nd_rng_beta(r, 2, 5, SZ(N)); CHECK_MOMENTS(a, 2.0 / 7, 10.0 / (49 * 8)); nd_free(a);
    a = nd_rng_beta(r, 0.3, 0.6, SZ(N)); CHECK_MOMENTS(a, 1.0 / 3, 0.18 / (0.81 * 1.9)); nd_free(a);
    a = nd_rng_f(r, 5, 10, SZ(N)); CHECK_MOMENTS(a, 10.0 / 8, 2 * 100.0 * 13 / (5 * 64 * 6)); nd_free(a);
    a = nd_rng_standard_t(r, 6, SZ(N)); CHECK_MOMENTS(a, 0, 1.5); nd_free(a);
    a = nd_rng_vonmises(r, 0.5, 4, SZ(N));
    {
        /* circular mean direction mu, mean resultant length I1(k)/I0(k) */
        nd_to_f64(a, xs);
        double c = 0, s = 0;
        for (int i = 0; i < N; i++) {
            c += cos(xs[i]);
            s += sin(xs[i]);
            CU_ASSERT(xs[i] >= -M_PI && xs[i] <= M_PI);
        }
        ND_ASSERT_CLOSE(atan2(s, c), 0.5, 0.01);
        ND_ASSERT_CLOSE(hypot(c, s) / N, 0.8635141, 0.005); /* I1(4)/I0(4) */
    }
    nd_free(a);
    nd_rng_free(r);
}

/* chi-square goodness of fit over the cells with expected count >= 5 (the rest pooled);
 * accept below the 0.999 quantile, approximated by Wilson–Hilferty. */
static void chi2_test(nd_array *a, double (*pmf)(int64_t, const double *), const double *p,
                      int64_t lo, int64_t hi, int line)
{
    ptrdiff_t n = nd_size(a);
    int64_t ncell = hi - lo + 1;
    double *obs = calloc((size_t)ncell + 1, sizeof *obs);
    nd_to_f64(a, xs);
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t k = (int64_t)xs[i];
        obs[k >= lo && k <= hi ? k - lo : ncell]++;
    }
    double stat = 0, pool_o = obs[ncell], pool_e = 0, total_e = 0;
    int df = -1;
    for (int64_t k = lo; k <= hi; k++) {
        double e = n * pmf(k, p);
        total_e += e;
        if (e >= 5) {
            stat += (obs[k - lo] - e) * (obs[k - lo] - e) / e;
            df++;
        } else {
            pool_o += obs[k - lo];
            pool_e += e;
        }
    }
    pool_e += n - total_e;
    if (pool_e >= 5) {
        stat += (pool_o - pool_e) * (pool_o - pool_e) / pool_e;
        df++;
    }
    double z = 3.09, h = 2.0 / (9 * df);
    double crit = df * pow(1 - h + z * sqrt(h), 3);
    CU_ASSERT(stat < crit);
    if (!(stat < crit)) printf("\n  line %d: chi2 %g >= %g (df %d)\n", line, stat, crit, df);
    free(obs);
}

static double lchoose(double n, double k) { return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1); }
static double pmf_binom(int64_t k, const double *p)
{
    return exp(lchoose(p[0], (double)k) + k * log(p[1]) + (p[0] - k) * log1p(-p[1]));
}
static double pmf_poisson(int64_t k, const double *p)
{
    return exp(k * log(p[0]) - p[0] - lgamma(k + 1.0));
}
static double pmf_geom(int64_t k, const double *p) { return k < 1 ? 0 : p[0] * pow(1 - p[0], (double)(k - 1)); }
static double pmf_nbinom(int64_t k, const double *p)
{
    return exp(lgamma(k + p[0]) - lgamma(p[0]) - lgamma(k + 1.0) + p[0] * log(p[1]) + k * log1p(-p[1]));
}
static double pmf_hyper(int64_t k, const double *p)
{
    double g = p[0], b = p[1], s = p[2];
    if (k < 0 || k > g || s - k > b || s - k < 0) return 0;
    return exp(lchoose(g, (double)k) + lchoose(b, s - k) - lchoose(g + b, s));
}
static double pmf_logseries(int64_t k, const double *p)
{
    return k < 1 ? 0 : -pow(p[0], (double)k) / (k * log1p(-p[0]));
}
static double pmf_zipf(int64_t k, const double *p)
{
    (void)p; /* a = 3: zeta(3) */
    return k < 1 ? 0 : 1 / (pow((double)k, 3) * 1.2020569031595942);
}

#define CHI2(a, pmf, lo, hi, ...)                        \
    do {                                                 \
        const double p_[] = { __VA_ARGS__ };             \
        chi2_test((a), (pmf), p_, (lo), (hi), __LINE__); \
    } while (0)

static void test_chi_square_discrete(void)
{
    nd_rng *r = nd_rng_new(31337);
    nd_array *a;
    a = nd_rng_binomial(r, 20, 0.3, SZ(N)); CHI2(a, pmf_binom, 0, 20, 20, 0.3); CHECK_MOMENTS(a, 6, 4.2); nd_free(a);
    a = nd_rng_binomial(r, 500, 0.35, SZ(N)); CHI2(a, pmf_binom, 100, 250, 500, 0.35); CHECK_MOMENTS(a, 175, 113.75); nd_free(a);
    a = nd_rng_binomial(r, 500, 0.8, SZ(N)); CHI2(a, pmf_binom, 330, 470, 500, 0.8); nd_free(a);
    a = nd_rng_poisson(r, 4.5, SZ(N)); CHI2(a, pmf_poisson, 0, 30, 4.5); CHECK_MOMENTS(a, 4.5, 4.5); nd_free(a);
    a = nd_rng_poisson(r, 80, SZ(N)); CHI2(a, pmf_poisson, 30, 140, 80); CHECK_MOMENTS(a, 80, 80); nd_free(a);
    a = nd_rng_geometric(r, 0.6, SZ(N)); CHI2(a, pmf_geom, 1, 30, 0.6); nd_free(a);
    a = nd_rng_geometric(r, 0.1, SZ(N)); CHI2(a, pmf_geom, 1, 150, 0.1); CHECK_MOMENTS(a, 10, 90); nd_free(a);
    a = nd_rng_negative_binomial(r, 3.5, 0.4, SZ(N)); CHI2(a, pmf_nbinom, 0, 60, 3.5, 0.4);
    CHECK_MOMENTS(a, 3.5 * 0.6 / 0.4, 3.5 * 0.6 / 0.16); nd_free(a);
    a = nd_rng_hypergeometric(r, 15, 25, 8, SZ(N)); CHI2(a, pmf_hyper, 0, 8, 15, 25, 8); nd_free(a);
    a = nd_rng_hypergeometric(r, 400, 600, 200, SZ(N)); CHI2(a, pmf_hyper, 40, 120, 400, 600, 200);
    CHECK_MOMENTS(a, 80, 200 * 0.4 * 0.6 * 800.0 / 999); nd_free(a);
    a = nd_rng_logseries(r, 0.6, SZ(N)); CHI2(a, pmf_logseries, 1, 40, 0.6); nd_free(a);
    a = nd_rng_zipf(r, 3.0, SZ(N)); CHI2(a, pmf_zipf, 1, 60, 3.0); nd_free(a);
    a = nd_rng_integers(r, -3, 7, SZ(N), ND_INT16, true);
    {
        const double q[2] = { 11, 0 };
        (void)q;
        CHECK_MOMENTS(a, 2, (121.0 - 1) / 12);
    }
    nd_free(a);
    nd_rng_free(r);
}

static void test_multinomial_and_dirichlet_moments(void)
{
    nd_rng *r = nd_rng_new(8);
    const double pv[3] = { 0.2, 0.5, 0.3 }, al[3] = { 2, 3, 5 };
    nd_array *p = nd_from_f64(pv, 3), *alpha = nd_from_f64(al, 3);
    nd_array *m = nd_rng_multinomial(r, 50, p, SZ(20000));
    CU_ASSERT_EQUAL(nd_shape(m)[1], 3);
    double mean[3] = { 0 };
    for (int i = 0; i < 20000; i++) {
        int64_t s = 0;
        for (int j = 0; j < 3; j++) {
            int64_t v = nd_get_i64(m, ND_IDX(i, j));
            s += v;
            mean[j] += v / 20000.0;
        }
        CU_ASSERT_EQUAL(s, 50);
    }
    for (int j = 0; j < 3; j++) ND_ASSERT_CLOSE(mean[j], 50 * pv[j], 0.01);
    nd_array *d = nd_rng_dirichlet(r, alpha, SZ(20000));
    double dm[3] = { 0 };
    for (int i = 0; i < 20000; i++) {
        double s = 0;
        for (int j = 0; j < 3; j++) {
            double v = nd_get_f64(d, ND_IDX(i, j));
            s += v;
            dm[j] += v / 20000.0;
        }
        ND_ASSERT_CLOSE(s, 1.0, 1e-12);
    }
    for (int j = 0; j < 3; j++) ND_ASSERT_CLOSE(dm[j], al[j] / 10, 0.02);
    nd_free(m);
    nd_free(d);
    nd_free(p);
    nd_free(alpha);
    nd_rng_free(r);
}

static void test_multivariate_normal_sample_covariance(void)
{
    nd_rng *r = nd_rng_new(11);
    const double mu[2] = { 1, -1 }, cv[4] = { 2.0, 0.8, 0.8, 1.0 };
    nd_array *m = nd_from_f64(mu, 2), *c = nd_from_buffer(cv, ND_SHAPE(2, 2), ND_FLOAT64);
    for (int method = 0; method < 3; method++) {
        nd_array *x = nd_rng_multivariate_normal(r, m, c, SZ(N), .method = (nd_mvn_method)method);
        CU_ASSERT_PTR_NOT_NULL_FATAL(x);
        double s[2] = { 0 }, ss[3] = { 0 };
        for (int i = 0; i < N; i++) {
            double a = nd_get_f64(x, ND_IDX(i, 0)), b = nd_get_f64(x, ND_IDX(i, 1));
            s[0] += a;
            s[1] += b;
        }
        s[0] /= N;
        s[1] /= N;
        for (int i = 0; i < N; i++) {
            double a = nd_get_f64(x, ND_IDX(i, 0)) - s[0], b = nd_get_f64(x, ND_IDX(i, 1)) - s[1];
            ss[0] += a * a / N;
            ss[1] += a * b / N;
            ss[2] += b * b / N;
        }
        ND_ASSERT_CLOSE(s[0], 1, 0.01);
        ND_ASSERT_CLOSE(s[1], -1, 0.01);
        ND_ASSERT_CLOSE(ss[0], 2.0, 0.02);
        ND_ASSERT_CLOSE(ss[1], 0.8, 0.02);
        ND_ASSERT_CLOSE(ss[2], 1.0, 0.02);
        nd_free(x);
    }
    nd_free(m);
    nd_free(c);
    nd_rng_free(r);
}

/* Every bit generator's doubles are uniform (KS) and its integers unbiased (chi2). */
static void test_every_bit_generator_is_uniform(void)
{
    for (int k = 0; k <= ND_XOSHIRO256; k++) {
        nd_rng *r = nd_rng_new_kind((nd_bitgen_kind)k, 123);
        nd_array *a = nd_rng_random(r, SZ(N), ND_FLOAT64);
        KS(a, cdf_uniform, 0, 1);
        nd_free(a);
        a = nd_rng_integers(r, 0, 7, SZ(N), ND_INT64, false);
        nd_to_f64(a, xs);
        double cnt[7] = { 0 }, stat = 0;
        for (int i = 0; i < N; i++) cnt[(int)xs[i]]++;
        for (int i = 0; i < 7; i++) stat += (cnt[i] - N / 7.0) * (cnt[i] - N / 7.0) / (N / 7.0);
        CU_ASSERT(stat < 22.46); /* chi2(6) 0.999 quantile */
        nd_free(a);
        nd_rng_free(r);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_ks_continuous),
    ND_T(test_moments_of_composite_distributions),
    ND_T(test_chi_square_discrete),
    ND_T(test_multinomial_and_dirichlet_moments),
    ND_T(test_multivariate_normal_sample_covariance),
    ND_T(test_every_bit_generator_is_uniform),
    { 0 },
};
ND_TEST_MAIN("random_stats", tests)

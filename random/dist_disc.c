/* Discrete distributions with NumPy's Generator algorithms: binomial (inversion for
 * small n·p, BTPE otherwise), Poisson (multiplication for small λ, PTRS otherwise),
 * geometric, negative binomial, hypergeometric (HRUA for large samples), zipf,
 * logseries. */
#include <math.h>
#include <string.h>

#include "dist_internal.h"
#include "ziggurat.h"

/* ---- binomial ---------------------------------------------------------------------- */
static int64_t binomial_inversion(nd_rng *r, int64_t n, double p, nd__binom *b)
{
    double q, qn, np_;
    int64_t bound;
    if (!b->has || b->nsave != n || b->psave != p) {
        b->nsave = n;
        b->psave = p;
        b->has = 1;
        b->q = q = 1.0 - p;
        b->r = qn = exp(n * log(q));
        b->c = np_ = n * p;
        double lim = np_ + 10.0 * sqrt(np_ * q + 1);
        b->m = bound = (int64_t)((double)n < lim ? (double)n : lim);
    } else {
        q = b->q;
        qn = b->r;
        bound = b->m;
    }
    int64_t x = 0;
    double px = qn, u = nd__next_double(r);
    while (u > px) {
        x++;
        if (x > bound) {
            x = 0;
            px = qn;
            u = nd__next_double(r);
        } else {
            u -= px;
            px = ((n - x + 1) * p * px) / (x * q);
        }
    }
    return x;
}

/* Kachitvichyanukul & Schmeiser (1988), "Binomial random variate generation", BTPE:
 * a triangle / parallelogram / exponential-tails hat with squeezes. */
static int64_t binomial_btpe(nd_rng *rg, int64_t n, double p, nd__binom *b)
{
    if (!b->has || b->nsave != n || b->psave != p) {
        b->nsave = n;
        b->psave = p;
        b->has = 1;
        b->r = fmin(p, 1.0 - p);
        b->q = 1.0 - b->r;
        b->fm = n * b->r + b->r;
        b->m = (int64_t)floor(b->fm);
        b->p1 = floor(2.195 * sqrt(n * b->r * b->q) - 4.6 * b->q) + 0.5;
        b->xm = b->m + 0.5;
        b->xl = b->xm - b->p1;
        b->xr = b->xm + b->p1;
        b->c = 0.134 + 20.5 / (15.3 + b->m);
        double a = (b->fm - b->xl) / (b->fm - b->xl * b->r);
        b->laml = a * (1.0 + a / 2.0);
        a = (b->xr - b->fm) / (b->xr * b->q);
        b->lamr = a * (1.0 + a / 2.0);
        b->p2 = b->p1 * (1.0 + 2.0 * b->c);
        b->p3 = b->p2 + b->c / b->laml;
        b->p4 = b->p3 + b->c / b->lamr;
    }
    const double r = b->r, q = b->q, p1 = b->p1, xm = b->xm, xl = b->xl, xr = b->xr;
    const double c = b->c, laml = b->laml, lamr = b->lamr, p2 = b->p2, p3 = b->p3, p4 = b->p4;
    const int64_t m = b->m;
    const double nrq = n * r * q;
    int64_t y;
    for (;;) {
        double u = nd__next_double(rg) * p4, v = nd__next_double(rg);
        if (u <= p1) { /* triangular region: accept at once */
            y = (int64_t)floor(xm - p1 * v + u);
            break;
        }
        if (u <= p2) { /* parallelogram */
            double x = xl + (u - p1) / c;
            v = v * c + 1.0 - fabs(m - x + 0.5) / p1;
            if (v > 1.0) continue;
            y = (int64_t)floor(x);
        } else if (u <= p3) { /* left exponential tail */
            y = (int64_t)floor(xl + log(v) / laml);
            if (y < 0 || v == 0.0) continue;
            v = v * (u - p2) * laml;
        } else { /* right exponential tail */
            y = (int64_t)floor(xr - log(v) / lamr);
            if (y > n || v == 0.0) continue;
            v = v * (u - p3) * lamr;
        }
        int64_t k = y > m ? y - m : m - y;
        if (k <= 20 || k >= nrq / 2.0 - 1) {
            /* explicit evaluation of f(y) / f(m) by recursion */
            double s = r / q, a = s * (n + 1), f = 1.0;
            if (m < y)
                for (int64_t i = m + 1; i <= y; i++) f *= a / i - s;
            else if (m > y)
                for (int64_t i = y + 1; i <= m; i++) f /= a / i - s;
            if (v > f) continue;
            break;
        }
        /* squeeze on log f(y) / f(m), then the Stirling-series bound */
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq), A = log(v);
        if (A < t - rho) break;
        if (A > t + rho) continue;
        double x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
        double x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
        double bound = xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) +
                       (y - m) * log(w * r / (x1 * q)) +
                       (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
                       (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. +
                       (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. +
                       (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.;
        if (A > bound) continue;
        break;
    }
    if (p > 0.5) y = n - y;
    return y;
}

int64_t nd__binomial(nd_rng *r, double p, int64_t n, nd__binom *cache)
{
    if (n == 0 || p == 0.0) return 0;
    if (p <= 0.5) {
        if (p * n <= 30.0) return binomial_inversion(r, n, p, cache);
        return binomial_btpe(r, n, p, cache);
    }
    double q = 1.0 - p;
    if (q * n <= 30.0) return n - binomial_inversion(r, n, q, cache);
    return n - binomial_btpe(r, n, q, cache);
}

/* ---- Poisson ----------------------------------------------------------------------- */
/* log Γ(x) by the Stirling series, shifted up to x >= 7 (NumPy's random_loggam). */
static double loggam(double x)
{
    static const double a[10] = { 8.333333333333333e-02, -2.777777777777778e-03,
                                  7.936507936507937e-04, -5.952380952380952e-04,
                                  8.417508417508418e-04, -1.917526917526918e-03,
                                  6.410256410256410e-03, -2.955065359477124e-02,
                                  1.796443723688307e-01, -1.39243221690590e+00 };
    if (x == 1.0 || x == 2.0) return 0.0;
    int64_t n = x < 7.0 ? (int64_t)(7 - x) : 0;
    double x0 = x + n, x2 = (1.0 / x0) * (1.0 / x0), gl0 = a[9];
    for (int k = 8; k >= 0; k--) gl0 = gl0 * x2 + a[k];
    double gl = gl0 / x0 + 0.5 * 1.8378770664093453e+00 + (x0 - 0.5) * log(x0) - x0;
    if (x < 7.0)
        for (int64_t k = 1; k <= n; k++) {
            gl -= log(x0 - 1.0);
            x0 -= 1.0;
        }
    return gl;
}

/* Hörmann (1993), "The transformed rejection method for generating Poisson random
 * variables" (PTRS). */
static int64_t poisson_ptrs(nd_rng *r, double lam)
{
    double slam = sqrt(lam), loglam = log(lam);
    double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
        double u = nd__next_double(r) - 0.5, v = nd__next_double(r), us = 0.5 - fabs(u);
        int64_t k = (int64_t)floor((2 * a / us + b) * u + lam + 0.43);
        if (us >= 0.07 && v <= vr) return k;
        if (k < 0 || (us < 0.013 && v > us)) continue;
        if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1))
            return k;
    }
}

int64_t nd__poisson(nd_rng *r, double lam)
{
    if (lam >= 10) return poisson_ptrs(r, lam);
    if (lam == 0) return 0;
    double enlam = exp(-lam), prod = 1.0;
    int64_t x = 0;
    for (;;) {
        prod *= nd__next_double(r);
        if (prod > enlam)
            x++;
        else
            return x;
    }
}

/* ---- hypergeometric ---------------------------------------------------------------- */
/* log(k!) from a table for k < 126, beyond by Stirling with two correction terms. */
static double logfactorial(int64_t k)
{
    if (k < 126) return nd__logfact[k];
    const double halfln2pi = 0.9189385332046728;
    return (k + 0.5) * log((double)k) - k + (halfln2pi + (1.0 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

static int64_t hypergeometric_sample(nd_rng *r, int64_t good, int64_t bad, int64_t sample)
{
    int64_t total = good + bad;
    int64_t computed = sample > total / 2 ? total - sample : sample;
    int64_t remaining_total = total, remaining_good = good;
    while (computed > 0 && remaining_good > 0 && remaining_total > remaining_good) {
        --remaining_total;
        if ((int64_t)nd__interval(r, (uint64_t)remaining_total) < remaining_good) --remaining_good;
        --computed;
    }
    if (remaining_total == remaining_good) remaining_good -= computed;
    return sample > total / 2 ? remaining_good : good - remaining_good;
}

/* Stadlober (1989/1990) ratio-of-uniforms with a "table mountain" hat (HRUA). */
static int64_t hypergeometric_hrua(nd_rng *r, int64_t good, int64_t bad, int64_t sample)
{
    const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
    int64_t popsize = good + bad;
    int64_t computed = sample < popsize - sample ? sample : popsize - sample;
    int64_t mingb = good < bad ? good : bad, maxgb = good < bad ? bad : good;
    double p = (double)mingb / popsize, q = (double)maxgb / popsize;
    double mu = computed * p, a = mu + 0.5;
    double var = (double)(popsize - computed) * computed * p * q / (popsize - 1);
    double c = sqrt(var + 0.5), h = D1 * c + D2;
    int64_t m = (int64_t)floor((double)(computed + 1) * (mingb + 1) / (popsize + 2));
    double g = logfactorial(m) + logfactorial(mingb - m) + logfactorial(computed - m) +
               logfactorial(maxgb - computed + m);
    double lim = (double)((computed < mingb ? computed : mingb) + 1);
    double b = fmin(lim, floor(a + 16 * c));
    int64_t k;
    for (;;) {
        double u = nd__next_double(r), v = nd__next_double(r);
        double x = a + h * (v - 0.5) / u;
        if (x < 0.0 || x >= b) continue;
        k = (int64_t)floor(x);
        double gp = logfactorial(k) + logfactorial(mingb - k) + logfactorial(computed - k) +
                    logfactorial(maxgb - computed + k);
        double t = g - gp;
        if (u * (4.0 - u) - 3.0 <= t) break;
        if (u * (u - t) >= 1) continue;
        if (2.0 * log(u) <= t) break;
    }
    if (good > bad) k = computed - k;
    if (computed < sample) k = good - k;
    return k;
}

/* ---- samplers over the parameter vector ---------------------------------------------- */
static int64_t s_binomial(nd_rng *r, const double *p, void *ctx)
{
    return nd__binomial(r, p[1], (int64_t)p[0], ctx);
}
static int64_t s_negbin(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    double y = nd__std_gamma(r, p[0]) * ((1 - p[1]) / p[1]);
    return nd__poisson(r, y);
}
static int64_t s_poisson(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    return nd__poisson(r, p[0]);
}
static int64_t s_geometric(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    double pr = p[0];
    if (pr >= 0.333333333333333333333333) {
        /* search: few steps when p is large */
        double u = nd__next_double(r), sum = pr, prod = pr, q = 1.0 - pr;
        int64_t x = 1;
        while (u > sum) {
            prod *= q;
            sum += prod;
            x++;
        }
        return x;
    }
    double z = ceil(-nd__std_exponential(r) / log1p(-pr));
    return z >= 9.223372036854776e+18 ? INT64_MAX : (int64_t)z;
}
static int64_t s_hypergeometric(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    int64_t good = (int64_t)p[0], bad = (int64_t)p[1], sample = (int64_t)p[2];
    if (sample >= 10 && sample <= good + bad - 10) return hypergeometric_hrua(r, good, bad, sample);
    return hypergeometric_sample(r, good, bad, sample);
}
int64_t nd__hypergeometric(nd_rng *r, int64_t good, int64_t bad, int64_t sample)
{
    if (sample >= 10 && sample <= good + bad - 10) return hypergeometric_hrua(r, good, bad, sample);
    return hypergeometric_sample(r, good, bad, sample);
}
static int64_t s_zipf(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    double am1 = p[0] - 1.0, b = pow(2.0, am1);
    for (;;) {
        double u = 1.0 - nd__next_double(r), v = nd__next_double(r);
        double x = floor(pow(u, -1.0 / am1));
        /* values beyond int64 are rejected: zipf truncated to INT64_MAX, as NumPy */
        if (x > (double)INT64_MAX || x < 1.0) continue;
        double t = pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b) return (int64_t)x;
    }
}
static int64_t s_logseries(nd_rng *r, const double *p, void *ctx)
{
    (void)ctx;
    double pr = p[0], lr = log1p(-pr);
    for (;;) {
        double v = nd__next_double(r);
        if (v >= pr) return 1;
        double u = nd__next_double(r), q = -expm1(lr * u);
        if (v <= q * q) {
            int64_t res = (int64_t)floor(1 + log(v) / log(q));
            if (res < 1 || v == 0.0) continue;
            return res;
        }
        return v >= q ? 1 : 2;
    }
}

/* ---- public forms ------------------------------------------------------------------- */
#define FAIL_IF(cond, ...) \
    do { if (cond) return nd_set_error(ND_EVALUE, __VA_ARGS__); } while (0)

#define NEW_FORM(name, DECL, ARGS)                                                       \
    nd_array *nd_rng_##name(nd_rng *r, DECL, int ndim, const ptrdiff_t *shape)           \
    {                                                                                    \
        nd_array *out = nd__rng_out(ndim, shape, ND_INT64, "nd_rng_" #name);             \
        if (out && nd_rng_##name##_into(r, ARGS, out) < 0) {                             \
            nd_free(out);                                                                \
            return NULL;                                                                 \
        }                                                                                \
        return out;                                                                      \
    }
#define COMMA ,

nd_status nd_rng_binomial_into(nd_rng *r, int64_t n, double p, nd_array *out)
{
    FAIL_IF(n < 0, "nd_rng_binomial: n = %lld < 0", (long long)n);
    FAIL_IF(!(p >= 0 && p <= 1), "nd_rng_binomial: p = %g outside [0, 1]", p);
    const double par[2] = { (double)n, p };
    nd__binom cache;
    memset(&cache, 0, sizeof cache);
    if ((int64_t)par[0] != n)
        return nd_set_error(ND_EVALUE, "nd_rng_binomial: n = %lld too large", (long long)n);
    return nd__fill_disc(r, out, s_binomial, par, &cache, "nd_rng_binomial");
}
NEW_FORM(binomial, int64_t n COMMA double p, n COMMA p)

nd_status nd_rng_negative_binomial_into(nd_rng *r, double n, double p, nd_array *out)
{
    FAIL_IF(!(n > 0), "nd_rng_negative_binomial: n = %g <= 0", n);
    FAIL_IF(!(p > 0 && p <= 1), "nd_rng_negative_binomial: p = %g outside (0, 1]", p);
    const double par[2] = { n, p };
    return nd__fill_disc(r, out, s_negbin, par, NULL, "nd_rng_negative_binomial");
}
NEW_FORM(negative_binomial, double n COMMA double p, n COMMA p)

/* NumPy's largest λ: beyond it PTRS's int64 arithmetic overflows. */
#define POISSON_LAM_MAX (9.223372036854775807e18 - 10 * sqrt(9.223372036854775807e18))

nd_status nd_rng_poisson_into(nd_rng *r, double lam, nd_array *out)
{
    FAIL_IF(!(lam >= 0), "nd_rng_poisson: lam = %g < 0", lam);
    FAIL_IF(lam > POISSON_LAM_MAX, "nd_rng_poisson: lam = %g too large", lam);
    const double par[1] = { lam };
    return nd__fill_disc(r, out, s_poisson, par, NULL, "nd_rng_poisson");
}
NEW_FORM(poisson, double lam, lam)

nd_status nd_rng_geometric_into(nd_rng *r, double p, nd_array *out)
{
    FAIL_IF(!(p > 0 && p <= 1), "nd_rng_geometric: p = %g outside (0, 1]", p);
    const double par[1] = { p };
    return nd__fill_disc(r, out, s_geometric, par, NULL, "nd_rng_geometric");
}
NEW_FORM(geometric, double p, p)

nd_status nd_rng_hypergeometric_into(nd_rng *r, int64_t ngood, int64_t nbad, int64_t nsample,
                                     nd_array *out)
{
    FAIL_IF(ngood < 0 || nbad < 0 || nsample < 0,
            "nd_rng_hypergeometric: ngood = %lld, nbad = %lld, nsample = %lld must be >= 0",
            (long long)ngood, (long long)nbad, (long long)nsample);
    FAIL_IF(ngood >= 1000000000 || nbad >= 1000000000 || ngood + nbad >= 1000000000,
            "nd_rng_hypergeometric: ngood + nbad = %lld must be < 1e9",
            (long long)(ngood + nbad));
    FAIL_IF(nsample > ngood + nbad, "nd_rng_hypergeometric: nsample %lld > ngood + nbad %lld",
            (long long)nsample, (long long)(ngood + nbad));
    const double par[3] = { (double)ngood, (double)nbad, (double)nsample };
    return nd__fill_disc(r, out, s_hypergeometric, par, NULL, "nd_rng_hypergeometric");
}
NEW_FORM(hypergeometric, int64_t ngood COMMA int64_t nbad COMMA int64_t nsample,
         ngood COMMA nbad COMMA nsample)

nd_status nd_rng_zipf_into(nd_rng *r, double a, nd_array *out)
{
    FAIL_IF(!(a > 1), "nd_rng_zipf: a = %g <= 1", a);
    const double par[1] = { a };
    return nd__fill_disc(r, out, s_zipf, par, NULL, "nd_rng_zipf");
}
NEW_FORM(zipf, double a, a)

nd_status nd_rng_logseries_into(nd_rng *r, double p, nd_array *out)
{
    FAIL_IF(!(p >= 0 && p < 1), "nd_rng_logseries: p = %g outside [0, 1)", p);
    const double par[1] = { p };
    return nd__fill_disc(r, out, s_logseries, par, NULL, "nd_rng_logseries");
}
NEW_FORM(logseries, double p, p)

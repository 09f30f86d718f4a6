/* Continuous distributions built on the basic samplers, with NumPy's Generator
 * algorithms and parameter checks. */
#include <math.h>

#include "dist_internal.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Each distribution: a sampler s_NAME(r, p) over the parameter vector p, a check of
 * the parameters, and the two public forms (new array / fill an array). */
#define NEW_FORM(name, DECL, ARGS)                                                        \
    nd_array *(nd_rng_##name)(nd_rng *r, DECL int ndim, const ptrdiff_t *shape)           \
    {                                                                                     \
        nd_array *out = nd__rng_out(ndim, shape, ND_FLOAT64, "nd_rng_" #name);            \
        if (out && nd_rng_##name##_into(r, ARGS out) < 0) {                               \
            nd_free(out);                                                                 \
            return NULL;                                                                  \
        }                                                                                 \
        return out;                                                                       \
    }
#define FORMS0(name, FN)                                                                  \
    nd_status nd_rng_##name##_into(nd_rng *r, nd_array *out)                              \
    {                                                                                     \
        return nd__fill_cont(r, out, FN, NULL, NULL, "nd_rng_" #name);                    \
    }                                                                                     \
    NEW_FORM(name, , )
#define FORMS1(name, a, CHECK, FN)                                                        \
    nd_status nd_rng_##name##_into(nd_rng *r, double a, nd_array *out)                    \
    {                                                                                     \
        const double p[1] = { a };                                                        \
        CHECK;                                                                            \
        return nd__fill_cont(r, out, FN, NULL, p, "nd_rng_" #name);                       \
    }                                                                                     \
    NEW_FORM(name, double a COMMA, a COMMA)
#define FORMS2(name, a, b, CHECK, FN)                                                     \
    nd_status nd_rng_##name##_into(nd_rng *r, double a, double b, nd_array *out)          \
    {                                                                                     \
        const double p[2] = { a, b };                                                     \
        CHECK;                                                                            \
        return nd__fill_cont(r, out, FN, NULL, p, "nd_rng_" #name);                       \
    }                                                                                     \
    NEW_FORM(name, double a COMMA double b COMMA, a COMMA b COMMA)
#define FORMS3(name, a, b, c, CHECK, FN)                                                  \
    nd_status nd_rng_##name##_into(nd_rng *r, double a, double b, double c, nd_array *out) \
    {                                                                                     \
        const double p[3] = { a, b, c };                                                  \
        CHECK;                                                                            \
        return nd__fill_cont(r, out, FN, NULL, p, "nd_rng_" #name);                       \
    }                                                                                     \
    NEW_FORM(name, double a COMMA double b COMMA double c COMMA, a COMMA b COMMA c COMMA)
#define COMMA ,

#define FAIL_IF(cond, ...) \
    do { if (cond) return nd_set_error(ND_EVALUE, __VA_ARGS__); } while (0)
#define NONNEG(name, v) FAIL_IF(!((v) >= 0), "nd_rng_" #name ": " #v " = %g < 0", (v))
#define POSITIVE(name, v) FAIL_IF(!((v) > 0), "nd_rng_" #name ": " #v " = %g <= 0", (v))

/* ---- samplers ---------------------------------------------------------------------- */
static double s_uniform(nd_rng *r, const double *p) { return p[0] + p[1] * nd__next_double(r); }
static double s_normal(nd_rng *r, const double *p) { return p[0] + p[1] * nd__std_normal(r); }
static double s_exponential(nd_rng *r, const double *p) { return p[0] * nd__std_exponential(r); }
static double s_gamma(nd_rng *r, const double *p) { return p[1] * nd__std_gamma(r, p[0]); }

double nd__beta(nd_rng *r, double a, double b)
{
    if (a <= 1.0 && b <= 1.0) {
        /* Johnk's algorithm, with a log-space fallback when both powers underflow */
        for (;;) {
            double u = nd__next_double(r), v = nd__next_double(r);
            double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b), xpy = x + y;
            if (xpy <= 1.0 && u + v > 0.0) {
                if (xpy > 0) return x / xpy;
                double lx = log(u) / a, ly = log(v) / b, lm = lx > ly ? lx : ly;
                lx -= lm;
                ly -= lm;
                return exp(lx - log(exp(lx) + exp(ly)));
            }
        }
    }
    double ga = nd__std_gamma(r, a), gb = nd__std_gamma(r, b);
    return ga / (ga + gb);
}
static double s_beta(nd_rng *r, const double *p) { return nd__beta(r, p[0], p[1]); }
static double chisq(nd_rng *r, double df) { return 2.0 * nd__std_gamma(r, df / 2.0); }
static double s_chisquare(nd_rng *r, const double *p) { return chisq(r, p[0]); }
static double s_f(nd_rng *r, const double *p)
{
    return (chisq(r, p[0]) * p[1]) / (chisq(r, p[1]) * p[0]);
}
static double s_standard_t(nd_rng *r, const double *p)
{
    double num = nd__std_normal(r), denom = nd__std_gamma(r, p[0] / 2);
    return sqrt(p[0] / 2) * num / sqrt(denom);
}
static double s_cauchy(nd_rng *r, const double *p)
{
    (void)p;
    double n = nd__std_normal(r);
    return n / nd__std_normal(r);
}
static double s_lognormal(nd_rng *r, const double *p) { return exp(s_normal(r, p)); }
static double s_laplace(nd_rng *r, const double *p)
{
    for (;;) {
        double u = nd__next_double(r);
        if (u >= 0.5) return p[0] - p[1] * log(2.0 - u - u);
        if (u > 0.0) return p[0] + p[1] * log(u + u);
    }
}
static double s_logistic(nd_rng *r, const double *p)
{
    double u;
    while ((u = nd__next_double(r)) <= 0.0) {
    }
    return p[0] + p[1] * log(u / (1.0 - u));
}
static double s_gumbel(nd_rng *r, const double *p)
{
    for (;;) {
        double u = 1.0 - nd__next_double(r);
        if (u < 1.0) return p[0] - p[1] * log(-log(u));
    }
}
static double s_weibull(nd_rng *r, const double *p)
{
    if (p[0] == 0.0) return 0.0;
    return pow(nd__std_exponential(r), 1. / p[0]);
}
static double s_pareto(nd_rng *r, const double *p) { return expm1(nd__std_exponential(r) / p[0]); }
static double s_power(nd_rng *r, const double *p)
{
    return pow(-expm1(-nd__std_exponential(r)), 1. / p[0]);
}
static double s_rayleigh(nd_rng *r, const double *p)
{
    return p[0] * sqrt(2.0 * nd__std_exponential(r));
}

/* Best & Fisher (1979) rejection, with NumPy's limits: uniform below kappa 1e-8, a
 * second-order expansion of s below 1e-5, a wrapped normal above 1e6. */
static double s_vonmises(nd_rng *r, const double *p)
{
    double mu = p[0], kappa = p[1], s, w;
    if (isnan(kappa)) return NAN;
    if (kappa < 1e-8) return M_PI * (2 * nd__next_double(r) - 1);
    if (kappa < 1e-5) {
        s = 1. / kappa + kappa;
    } else if (kappa <= 1e6) {
        double rr = 1 + sqrt(1 + 4 * kappa * kappa);
        double rho = (rr - sqrt(2 * rr)) / (2 * kappa);
        s = (1 + rho * rho) / (2 * rho);
    } else {
        double res = mu + sqrt(1. / kappa) * nd__std_normal(r);
        if (res < -M_PI) res += 2 * M_PI;
        if (res > M_PI) res -= 2 * M_PI;
        return res;
    }
    for (;;) {
        double u = nd__next_double(r), z = cos(M_PI * u);
        w = (1 + s * z) / (s + z);
        double y = kappa * (s - w), v = nd__next_double(r);
        if (y * (2 - y) - v >= 0 || log(y / v) + 1 - y >= 0) break;
    }
    double u = nd__next_double(r), res = acos(w);
    if (u < 0.5) res = -res;
    res += mu;
    int neg = res < 0;
    double mod = fmod(fabs(res) + M_PI, 2 * M_PI) - M_PI;
    return neg ? -mod : mod;
}

static double s_triangular(nd_rng *r, const double *p)
{
    double left = p[0], mode = p[1], right = p[2];
    double base = right - left, leftbase = mode - left, ratio = leftbase / base;
    double leftprod = leftbase * base, rightprod = (right - mode) * base;
    double u = nd__next_double(r);
    if (u <= ratio) return left + sqrt(u * leftprod);
    return right - sqrt((1.0 - u) * rightprod);
}

/* Michael, Schucany & Haas (1976) transformation with one uniform. */
static double s_wald(nd_rng *r, const double *p)
{
    double mean = p[0], scale = p[1], mu_2l = mean / (2 * scale);
    double y = nd__std_normal(r);
    y = mean * y * y;
    double x = mean + mu_2l * (y - sqrt(4 * scale * y + y * y));
    double u = nd__next_double(r);
    return u <= mean / (mean + x) ? x : mean * mean / x;
}

/* ---- public forms ------------------------------------------------------------------ */
nd_status nd_rng_uniform_into(nd_rng *r, double low, double high, nd_array *out)
{
    const double p[2] = { low, high - low };
    FAIL_IF(isinf(p[1]), "nd_rng_uniform: range high - low overflows (low = %g, high = %g)",
            low, high);
    return nd__fill_cont(r, out, s_uniform, NULL, p, "nd_rng_uniform");
}
NEW_FORM(uniform, double low COMMA double high COMMA, low COMMA high COMMA)

FORMS2(normal, loc, scale, NONNEG(normal, scale), s_normal)
FORMS1(exponential, scale, NONNEG(exponential, scale), s_exponential)
FORMS2(gamma, shape_k, scale, NONNEG(gamma, shape_k); NONNEG(gamma, scale), s_gamma)
FORMS2(beta, a, b, POSITIVE(beta, a); POSITIVE(beta, b), s_beta)
FORMS1(chisquare, df, POSITIVE(chisquare, df), s_chisquare)
FORMS2(f, dfnum, dfden, POSITIVE(f, dfnum); POSITIVE(f, dfden), s_f)
FORMS1(standard_t, df, POSITIVE(standard_t, df), s_standard_t)
FORMS0(standard_cauchy, s_cauchy)
FORMS2(lognormal, mean, sigma, NONNEG(lognormal, sigma), s_lognormal)
FORMS2(laplace, loc, scale, NONNEG(laplace, scale), s_laplace)
FORMS2(logistic, loc, scale, NONNEG(logistic, scale), s_logistic)
FORMS2(gumbel, loc, scale, NONNEG(gumbel, scale), s_gumbel)
FORMS1(weibull, a, NONNEG(weibull, a), s_weibull)
FORMS1(pareto, a, POSITIVE(pareto, a), s_pareto)
FORMS1(power, a, POSITIVE(power, a), s_power)
FORMS1(rayleigh, scale, NONNEG(rayleigh, scale), s_rayleigh)
FORMS2(vonmises, mu, kappa, NONNEG(vonmises, kappa), s_vonmises)
FORMS2(wald, mean, scale, POSITIVE(wald, mean); POSITIVE(wald, scale), s_wald)
FORMS3(triangular, left, mode, right,
       FAIL_IF(!(left <= mode), "nd_rng_triangular: left > mode (%g > %g)", left, mode);
       FAIL_IF(!(mode <= right), "nd_rng_triangular: mode > right (%g > %g)", mode, right);
       FAIL_IF(left == right, "nd_rng_triangular: left == right (%g)", left),
       s_triangular)

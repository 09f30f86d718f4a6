/* Generator.bytes, noncentral_chisquare, noncentral_f and multivariate_hypergeometric
 * with NumPy's algorithms (numpy/random/src/distributions: distributions.c,
 * random_mvhg_count.c, random_mvhg_marginals.c), so a seed gives NumPy's variates. */
#include <math.h>
#include <string.h>

#include "dist_internal.h"

/* ---- bytes ------------------------------------------------------------------------- */
nd_status nd_rng_bytes(nd_rng *r, void *out, size_t length)
{
    if (!r || (!out && length)) return nd_set_error(ND_EVALUE, "nd_rng_bytes: NULL argument");
    /* NumPy: integers(0, 2**32, n_uint32, uint32) as little-endian bytes, cut to length */
    unsigned char *p = (unsigned char *)out;
    for (size_t i = 0; i < length; i += 4) {
        uint32_t v = nd__next32(r);
        for (size_t b = 0; b < 4 && i + b < length; b++) p[i + b] = (unsigned char)(v >> (8 * b));
    }
    return ND_OK;
}

/* ---- noncentral chi-square and F --------------------------------------------------- */
static double chisq(nd_rng *r, double df) { return 2.0 * nd__std_gamma(r, df / 2.0); }

static double noncentral_chisq(nd_rng *r, double df, double nonc)
{
    if (isnan(nonc)) return NAN;
    if (nonc == 0) return chisq(r, df);
    if (1 < df) {
        const double c = chisq(r, df - 1);
        const double n = nd__std_normal(r) + sqrt(nonc);
        return c + n * n;
    }
    const int64_t i = nd__poisson(r, nonc / 2.0);
    return chisq(r, df + 2.0 * (double)i);
}
static double s_noncentral_chisquare(nd_rng *r, const double *p)
{
    return noncentral_chisq(r, p[0], p[1]);
}
static double s_noncentral_f(nd_rng *r, const double *p)
{
    double t = noncentral_chisq(r, p[0], p[2]) * p[1];
    return t / (chisq(r, p[1]) * p[0]);
}

#define CHECK_POS(who, name, v)                                                           \
    do {                                                                                  \
        if (!((v) > 0))                                                                   \
            return nd_set_error(ND_EVALUE, "%s: %s = %g <= 0", who, name, (v));           \
    } while (0)
#define CHECK_NONNEG(who, name, v)                                                        \
    do {                                                                                  \
        if (!((v) >= 0))                                                                  \
            return nd_set_error(ND_EVALUE, "%s: %s = %g < 0", who, name, (v));            \
    } while (0)

nd_status nd_rng_noncentral_chisquare_into(nd_rng *r, double df, double nonc, nd_array *out)
{
    const char *who = "nd_rng_noncentral_chisquare";
    CHECK_POS(who, "df", df);
    CHECK_NONNEG(who, "nonc", nonc);
    const double p[2] = { df, nonc };
    return nd__fill_cont(r, out, s_noncentral_chisquare, NULL, p, who);
}

nd_array *(nd_rng_noncentral_chisquare)(nd_rng *r, double df, double nonc, int ndim,
                                        const ptrdiff_t *shape)
{
    nd_array *out = nd__rng_out(ndim, shape, ND_FLOAT64, "nd_rng_noncentral_chisquare");
    if (out && nd_rng_noncentral_chisquare_into(r, df, nonc, out) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_status nd_rng_noncentral_f_into(nd_rng *r, double dfnum, double dfden, double nonc,
                                   nd_array *out)
{
    const char *who = "nd_rng_noncentral_f";
    CHECK_POS(who, "dfnum", dfnum);
    CHECK_POS(who, "dfden", dfden);
    CHECK_NONNEG(who, "nonc", nonc);
    const double p[3] = { dfnum, dfden, nonc };
    return nd__fill_cont(r, out, s_noncentral_f, NULL, p, who);
}

nd_array *(nd_rng_noncentral_f)(nd_rng *r, double dfnum, double dfden, double nonc, int ndim,
                                const ptrdiff_t *shape)
{
    nd_array *out = nd__rng_out(ndim, shape, ND_FLOAT64, "nd_rng_noncentral_f");
    if (out && nd_rng_noncentral_f_into(r, dfnum, dfden, nonc, out) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* ---- multivariate hypergeometric ----------------------------------------------------- */
static void mvhg_marginals(nd_rng *r, int64_t total, ptrdiff_t nc, const int64_t *colors,
                           int64_t nsample, ptrdiff_t nvar, int64_t *v)
{
    if (total == 0 || nsample == 0 || nvar == 0) return;
    bool more_than_half = nsample > total / 2;
    if (more_than_half) nsample = total - nsample;
    for (ptrdiff_t i = 0; i < nvar * nc; i += nc) {
        int64_t left = nsample, remaining = total;
        for (ptrdiff_t j = 0; left > 0 && j + 1 < nc; j++) {
            remaining -= colors[j];
            int64_t x = nd__hypergeometric(r, colors[j], remaining, left);
            v[i + j] = x;
            left -= x;
        }
        if (left > 0) v[i + nc - 1] = left;
        if (more_than_half)
            for (ptrdiff_t k = 0; k < nc; k++) v[i + k] = colors[k] - v[i + k];
    }
}

static nd_status mvhg_count(nd_rng *r, int64_t total, ptrdiff_t nc, const int64_t *colors,
                            int64_t nsample, ptrdiff_t nvar, int64_t *v, const char *who)
{
    if (total == 0 || nsample == 0 || nvar == 0) return ND_OK;
    size_t *choices = nd__malloc_n(total, sizeof *choices, who);
    if (!choices) return nd_last_error();
    for (ptrdiff_t i = 0, k = 0; i < nc; i++)
        for (int64_t j = 0; j < colors[i]; j++) choices[k++] = (size_t)i;
    bool more_than_half = nsample > total / 2;
    if (more_than_half) nsample = total - nsample;
    for (ptrdiff_t i = 0; i < nvar * nc; i += nc) {
        /* partial Fisher-Yates over the first nsample entries */
        for (size_t j = 0; j < (size_t)nsample; j++) {
            size_t k = j + (size_t)nd__interval(r, (uint64_t)total - j - 1);
            size_t t = choices[k];
            choices[k] = choices[j];
            choices[j] = t;
        }
        for (size_t j = 0; j < (size_t)nsample; j++) v[i + (ptrdiff_t)choices[j]] += 1;
        if (more_than_half)
            for (ptrdiff_t k = 0; k < nc; k++) v[i + k] = colors[k] - v[i + k];
    }
    nd_free_mem(choices);
    return ND_OK;
}

nd_array *nd_rng_multivariate_hypergeometric_(nd_rng *r, const nd_array *colors, int64_t nsample,
                                              const nd_mvhg_opts *o)
{
    const char *who = "nd_rng_multivariate_hypergeometric";
    if (!r || !colors || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if ((unsigned)o->method > ND_MVHG_COUNT)
        return ND_FAIL(ND_EVALUE, "%s: method must be ND_MVHG_MARGINALS or ND_MVHG_COUNT (got %d)",
                       who, (int)o->method);
    if (nsample < 0) return ND_FAIL(ND_EVALUE, "%s: nsample = %lld must be nonnegative", who,
                                    (long long)nsample);
    if (colors->ndim != 1 || (colors->size > 0 && !nd_dtype_is_integer(colors->dtype)))
        return ND_FAIL(ND_EVALUE, "%s: colors must be a one-dimensional sequence of nonnegative "
                                  "integers not exceeding %lld", who, (long long)INT64_MAX);
    nd_array *c64 = nd_astype(colors, ND_INT64, ND_CAST_UNSAFE);
    if (!c64) return NULL;
    nd_array *out = NULL;
    const int64_t *c = (const int64_t *)c64->data;
    ptrdiff_t nc = c64->size;
    int64_t total = 0;
    for (ptrdiff_t i = 0; i < nc; i++) {
        /* unsigned colors above INT64_MAX wrap negative in the cast */
        if (c[i] < 0) {
            nd_set_error(ND_EVALUE, "%s: colors must be a one-dimensional sequence of nonnegative "
                                    "integers not exceeding %lld (colors[%td] = %lld)",
                         who, (long long)INT64_MAX, i, (long long)c[i]);
            goto done;
        }
        if (c[i] > INT64_MAX - total) {
            nd_set_error(ND_EVALUE, "%s: sum(colors) must not exceed the maximum value of a 64 "
                                    "bit signed integer (%lld)", who, (long long)INT64_MAX);
            goto done;
        }
        total += c[i];
    }
    if (o->method == ND_MVHG_MARGINALS && total >= 1000000000) {
        nd_set_error(ND_EVALUE, "%s: when method is marginals, sum(colors) = %lld must be less "
                                "than 1000000000", who, (long long)total);
        goto done;
    }
    if (o->method == ND_MVHG_COUNT && total > (int64_t)(INT64_MAX / sizeof(size_t))) {
        nd_set_error(ND_EVALUE, "%s: when method is count, sum(colors) = %lld must not exceed %lld",
                     who, (long long)total, (long long)(INT64_MAX / sizeof(size_t)));
        goto done;
    }
    if (nsample > total) {
        nd_set_error(ND_EVALUE, "%s: nsample > sum(colors) (%lld > %lld)", who,
                     (long long)nsample, (long long)total);
        goto done;
    }
    if (o->ndim < 0 || o->ndim >= ND_MAXDIMS || (o->ndim > 0 && !o->shape)) {
        nd_set_error(ND_EVALUE, "%s: size has %d dimensions", who, o->ndim);
        goto done;
    }
    ptrdiff_t full[ND_MAXDIMS];
    for (int i = 0; i < o->ndim; i++) full[i] = o->shape[i];
    full[o->ndim] = nc;
    out = nd__rng_out(o->ndim + 1, full, ND_INT64, who);
    if (!out) goto done;
    int64_t *v = (int64_t *)out->data;
    if (out->size) memset(v, 0, (size_t)out->size * sizeof *v);
    if (nc == 0) goto done;
    ptrdiff_t nvar = out->size / nc;
    if (o->method == ND_MVHG_COUNT) {
        if (mvhg_count(r, total, nc, c, nsample, nvar, v, who) < 0) {
            nd_free(out);
            out = NULL;
        }
    } else {
        mvhg_marginals(r, total, nc, c, nsample, nvar, v);
    }
done:
    nd_free(c64);
    return out;
}

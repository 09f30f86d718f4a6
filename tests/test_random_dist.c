/* Every distribution against NumPy's Generator (tests/data/random/dist_more.txt: case i
 * is drawn from default_rng(1000 + i)). Exact equality except where noted. */
#include <numc/random.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

static double want[4096];

#define FX NUMC_TEST_DATA "/random/dist_more.txt"

static int fixture(const char *name, double *out, int cap) { return fixture_values(FX, name, out, cap); }

#define SZ(n) 1, (const ptrdiff_t[]){ n }

static nd_array *pvec(int n, const double *v) { return nd_from_f64(v, n); }

/* Build case `i` (the fixture's order) with a generator seeded 1000 + i. */
static nd_array *make_case(int i, nd_rng *r)
{
    static const double pv3[3] = { 0.2, 0.3, 0.5 }, pv4[4] = { 0.1, 0.6, 0.05, 0.25 };
    static const double ab[3] = { 1.0, 2.5, 0.5 }, as[3] = { 0.05, 0.02, 0.08 };
    static const double mean[3] = { 1.0, -2.0, 0.5 };
    static const double cov[9] = { 2.0, 0.3, 0.1, 0.3, 1.0, -0.2, 0.1, -0.2, 0.5 };
    double p10[10];
    for (int k = 0; k < 10; k++) p10[k] = k / 45.0;
    nd_array *t = NULL, *res = NULL;
    switch (i) {
    case 0: return nd_rng_gamma(r, 0.5, 2.0, SZ(200));
    case 1: return nd_rng_gamma(r, 3.0, 1.0, SZ(200));
    case 2: return nd_rng_standard_gamma(r, 2.5, SZ(200), ND_FLOAT32);
    case 3: return nd_rng_standard_gamma(r, 0.3, SZ(200), ND_FLOAT32);
    case 4: return nd_rng_beta(r, 0.5, 0.7, SZ(200));
    case 5: return nd_rng_beta(r, 2.0, 5.0, SZ(200));
    case 6: return nd_rng_chisquare(r, 3.0, SZ(200));
    case 7: return nd_rng_f(r, 4.0, 7.0, SZ(200));
    case 8: return nd_rng_standard_t(r, 5.0, SZ(200));
    case 9: return nd_rng_standard_cauchy(r, SZ(200));
    case 10: return nd_rng_lognormal(r, 0.5, 0.3, SZ(200));
    case 11: return nd_rng_laplace(r, 1.0, 2.0, SZ(200));
    case 12: return nd_rng_logistic(r, 1.0, 2.0, SZ(200));
    case 13: return nd_rng_gumbel(r, 1.0, 2.0, SZ(200));
    case 14: return nd_rng_weibull(r, 1.5, SZ(200));
    case 15: return nd_rng_pareto(r, 3.0, SZ(200));
    case 16: return nd_rng_power(r, 2.0, SZ(200));
    case 17: return nd_rng_rayleigh(r, 2.0, SZ(200));
    case 18: return nd_rng_vonmises(r, 0.5, 2.0, SZ(200));
    case 19: return nd_rng_vonmises(r, 0.0, 1e-6, SZ(200));
    case 20: return nd_rng_triangular(r, 0.0, 1.0, 3.0, SZ(200));
    case 21: return nd_rng_wald(r, 1.0, 2.0, SZ(200));
    case 22: return nd_rng_binomial(r, 10, 0.3, SZ(200));
    case 23: return nd_rng_binomial(r, 1000, 0.4, SZ(200));
    case 24: return nd_rng_binomial(r, 1000, 0.9, SZ(200));
    case 25: return nd_rng_binomial(r, 50, 0.95, SZ(200));
    case 26: return nd_rng_negative_binomial(r, 5, 0.3, SZ(200));
    case 27: return nd_rng_poisson(r, 3.0, SZ(200));
    case 28: return nd_rng_poisson(r, 250.0, SZ(200));
    case 29: return nd_rng_geometric(r, 0.5, SZ(200));
    case 30: return nd_rng_geometric(r, 0.05, SZ(200));
    case 31: return nd_rng_hypergeometric(r, 10, 20, 5, SZ(200));
    case 32: return nd_rng_hypergeometric(r, 100, 200, 50, SZ(200));
    case 33: return nd_rng_hypergeometric(r, 300, 20, 290, SZ(200));
    case 34: return nd_rng_zipf(r, 2.0, SZ(200));
    case 35: return nd_rng_logseries(r, 0.7, SZ(200));
    case 36: t = pvec(3, pv3); res = nd_rng_multinomial(r, 20, t, SZ(50)); break;
    case 37: t = pvec(4, pv4); res = nd_rng_multinomial(r, 1000, t, SZ(50)); break;
    case 38: t = pvec(3, ab); res = nd_rng_dirichlet(r, t, SZ(50)); break;
    case 39: t = pvec(3, as); res = nd_rng_dirichlet(r, t, SZ(50)); break;
    case 40: {
        nd_array *m = pvec(3, mean), *c = nd_from_buffer(cov, ND_SHAPE(3, 3), ND_FLOAT64);
        res = nd_rng_multivariate_normal(r, m, c, SZ(100), .method = ND_MVN_CHOLESKY);
        nd_free(m);
        nd_free(c);
        break;
    }
    case 41: return nd_rng_permutation_n(r, 10);
    case 42: return nd_rng_permutation_n(r, 1000);
    case 43: {
        nd_array *a = nd_arange(0, 12, 1, ND_INT64), *b = nd_reshape(a, ND_SHAPE(3, 4));
        res = nd_rng_permutation(r, b, 1);
        nd_free(a);
        nd_free(b);
        break;
    }
    case 44: {
        nd_array *a = nd_arange(0, 15, 1, ND_FLOAT64);
        res = nd_reshape(a, ND_SHAPE(5, 3));
        nd_free(a);
        if (nd_rng_shuffle(r, res, 0) < 0) {
            nd_free(res);
            res = NULL;
        }
        break;
    }
    case 45: case 46: case 47: {
        nd_array *a = nd_arange(0, 12, 1, ND_INT64), *b = nd_reshape(a, ND_SHAPE(3, 4));
        res = nd_rng_permuted(r, b, i == 45 ? 1 : 0, i == 47);
        nd_free(a);
        nd_free(b);
        break;
    }
    case 48: return nd_rng_choice_n(r, 10, SZ(30));
    case 49: t = pvec(10, p10); res = nd_rng_choice_n(r, 10, SZ(30), .p = t); break;
    case 50: return nd_rng_choice_n(r, 100, SZ(20), .no_replace = true);
    case 51: return nd_rng_choice_n(r, 100, SZ(20), .no_replace = true, .no_shuffle = true);
    case 52: return nd_rng_choice_n(r, 20000, SZ(1000), .no_replace = true);
    case 53:
        t = pvec(10, p10);
        res = nd_rng_choice_n(r, 10, SZ(6), .no_replace = true, .p = t);
        break;
    case 54: {
        nd_array *a = nd_arange(0, 12, 1, ND_FLOAT64), *b = nd_reshape(a, ND_SHAPE(3, 4));
        res = nd_rng_choice(r, b, SZ(5), .axis = 1);
        nd_free(a);
        nd_free(b);
        break;
    }
    case 55: case 56: {
        const double c2[4] = { 1.0, 1.0, 1.0, 1.0 }, m2[2] = { 0.0, 1.0 };
        nd_array *m = i == 55 ? pvec(3, mean) : pvec(2, m2);
        nd_array *c = i == 55 ? nd_from_buffer(cov, ND_SHAPE(3, 3), ND_FLOAT64)
                              : nd_from_buffer(c2, ND_SHAPE(2, 2), ND_FLOAT64);
        res = i == 55 ? nd_rng_multivariate_normal(r, m, c, SZ(100), .method = ND_MVN_SVD)
                      : nd_rng_multivariate_normal(r, m, c, SZ(50), .method = ND_MVN_EIGH);
        nd_free(m);
        nd_free(c);
        break;
    }
    default: return NULL;
    }
    nd_free(t);
    return res;
}

static const char *names[] = {
    "gamma_0.5_2", "gamma_3_1", "standard_gamma_f32_2.5", "standard_gamma_f32_0.3",
    "beta_0.5_0.7", "beta_2_5", "chisquare_3", "f_4_7", "standard_t_5", "standard_cauchy",
    "lognormal_0.5_0.3", "laplace_1_2", "logistic_1_2", "gumbel_1_2", "weibull_1.5",
    "pareto_3", "power_2", "rayleigh_2", "vonmises_0.5_2", "vonmises_0_1e-6",
    "triangular_0_1_3", "wald_1_2", "binomial_10_0.3", "binomial_1000_0.4",
    "binomial_1000_0.9", "binomial_50_0.95", "negative_binomial_5_0.3", "poisson_3",
    "poisson_250", "geometric_0.5", "geometric_0.05", "hypergeometric_10_20_5",
    "hypergeometric_100_200_50", "hypergeometric_300_20_290", "zipf_2", "logseries_0.7",
    "multinomial_20", "multinomial_1000", "dirichlet_big", "dirichlet_small", "mvn_cholesky",
    "permutation_10", "permutation_1000", "permutation_2d_axis1", "shuffle_2d_axis0",
    "permuted_axis1", "permuted_axis0", "permuted_none", "choice_10_replace", "choice_10_p",
    "choice_100_noreplace", "choice_100_noreplace_noshuffle", "choice_20000_noreplace_tail",
    "choice_10_p_noreplace", "choice_array_axis1", "mvn_svd", "mvn_eigh",
};

static int run_range(int lo, int hi)
{
    int failures = 0;
    for (int i = lo; i < hi; i++) {
        nd_rng *r = nd_rng_new(1000 + (uint64_t)i);
        nd_array *a = make_case(i, r);
        int n = fixture(names[i], want, 4096);
        if (!a || n != nd_size(a)) {
            printf("\n  %s: %s (size %td vs %d)\n", names[i], a ? "size" : nd_errmsg(),
                   a ? nd_size(a) : (ptrdiff_t)-1, n);
            failures++;
        } else {
            double got[4096];
            nd_to_f64(a, got);
            /* the multivariate normal goes through a matrix product: last-bit freedom */
            double tol = i == 40 || i >= 55 ? 1e-13 : 0;
            int bad = 0, first = -1;
            for (int k = 0; k < n; k++)
                if (!(fabs(got[k] - want[k]) <= tol * (1 + fabs(want[k])))) {
                    if (first < 0) first = k;
                    bad++;
                }
            if (bad) {
                printf("\n  %s: %d of %d differ (first at %d: %.17g vs %.17g)\n", names[i], bad,
                       n, first, got[first], want[first]);
                failures++;
            }
        }
        nd_free(a);
        nd_rng_free(r);
    }
    return failures;
}

static void test_continuous_match_numpy(void) { CU_ASSERT_EQUAL(run_range(0, 22), 0); }
static void test_discrete_match_numpy(void) { CU_ASSERT_EQUAL(run_range(22, 36), 0); }
static void test_multivariate_match_numpy(void)
{
    CU_ASSERT_EQUAL(run_range(36, 41), 0);
    CU_ASSERT_EQUAL(run_range(55, 57), 0); /* svd and eigh factors */
}
static void test_permutations_match_numpy(void) { CU_ASSERT_EQUAL(run_range(41, 48), 0); }
static void test_choice_matches_numpy(void) { CU_ASSERT_EQUAL(run_range(48, 55), 0); }

static void test_parameter_errors_name_function_and_value(void)
{
    nd_rng *r = nd_rng_new(3);
    struct { nd_array *a; const char *needle; } c[] = {
        { nd_rng_binomial(r, 10, 1.5, SZ(2)), "nd_rng_binomial: p = 1.5" },
        { nd_rng_binomial(r, -1, 0.5, SZ(2)), "n = -1" },
        { nd_rng_poisson(r, -1, SZ(2)), "nd_rng_poisson: lam = -1" },
        { nd_rng_geometric(r, 0, SZ(2)), "nd_rng_geometric" },
        { nd_rng_beta(r, 0, 1, SZ(2)), "nd_rng_beta: a = 0" },
        { nd_rng_gamma(r, 1, -2, SZ(2)), "scale = -2 < 0" },
        { nd_rng_triangular(r, 2, 1, 3, SZ(2)), "left > mode" },
        { nd_rng_hypergeometric(r, 2, 3, 6, SZ(2)), "nsample 6 > ngood + nbad 5" },
        { nd_rng_zipf(r, 1.0, SZ(2)), "nd_rng_zipf: a = 1" },
        { nd_rng_vonmises(r, 0, -1, SZ(2)), "kappa = -1" },
        { nd_rng_negative_binomial(r, 1, 0, SZ(2)), "p = 0" },
        { nd_rng_logseries(r, 1.0, SZ(2)), "p = 1" },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        CU_ASSERT_PTR_NULL(c[i].a);
        nd_free(c[i].a);
    }
    /* messages: re-run each to read its own message */
    CU_ASSERT_PTR_NULL(nd_rng_binomial(r, 10, 1.5, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_rng_binomial: p = 1.5"));
    CU_ASSERT_PTR_NULL(nd_rng_hypergeometric(r, 2, 3, 6, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nsample 6 > ngood + nbad 5"));

    const double bad_p[3] = { 0.7, 0.6, -0.3 }, over[3] = { 0.7, 0.6, 0.0 };
    nd_array *p = nd_from_f64(bad_p, 3), *q = nd_from_f64(over, 3);
    CU_ASSERT_PTR_NULL(nd_rng_multinomial(r, 5, p, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "pvals[2] = -0.3"));
    CU_ASSERT_PTR_NULL(nd_rng_multinomial(r, 5, q, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "sum(pvals[:-1])"));
    CU_ASSERT_PTR_NULL(nd_rng_choice_n(r, 3, SZ(2), .p = q));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "do not sum to 1"));
    CU_ASSERT_PTR_NULL(nd_rng_choice_n(r, 4, SZ(2), .p = p));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "same size"));
    CU_ASSERT_PTR_NULL(nd_rng_choice_n(r, 3, SZ(5), .no_replace = true));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "larger sample"));
    CU_ASSERT_PTR_NULL(nd_rng_dirichlet(r, q, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "alpha[2] = 0"));
    nd_free(p);
    nd_free(q);
    nd_rng_free(r);
}

static void test_multivariate_normal_checks_covariance(void)
{
    nd_rng *r = nd_rng_new(5);
    const double mean[2] = { 0, 0 }, notpsd[4] = { 1, 2, 2, 1 }, singular[4] = { 1, 1, 1, 1 };
    nd_array *m = nd_from_f64(mean, 2);
    nd_array *c1 = nd_from_buffer(notpsd, ND_SHAPE(2, 2), ND_FLOAT64);
    nd_array *c2 = nd_from_buffer(singular, ND_SHAPE(2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_normal(r, m, c1, SZ(3), .method = ND_MVN_CHOLESKY));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not positive definite"));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_normal(r, m, c1, SZ(3), .method = ND_MVN_SVD,
                                                  .check_valid = ND_MVN_RAISE));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "positive-semidefinite"));
    /* a singular PSD cov works with eigh: both coordinates equal */
    nd_array *x = nd_rng_multivariate_normal(r, m, c2, SZ(100), .method = ND_MVN_EIGH,
                                             .check_valid = ND_MVN_RAISE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(nd_shape(x)[1], 2);
    for (int i = 0; i < 100; i++)
        ND_ASSERT_CLOSE(nd_get_f64(x, ND_IDX(i, 0)), nd_get_f64(x, ND_IDX(i, 1)), 1e-12);
    nd_array *one = nd_rng_multivariate_normal(r, m, c2, 0, .method = ND_MVN_EIGH);
    CU_ASSERT_EQUAL(nd_ndim(one), 1);
    nd_array *m3 = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_normal(r, m3, c2, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_free(x);
    nd_free(one);
    nd_free(m3);
    nd_free(m);
    nd_free(c1);
    nd_free(c2);
    nd_rng_free(r);
}

static void test_shuffle_keeps_elements_and_rejects_readonly(void)
{
    nd_rng *r = nd_rng_new(9);
    nd_array *a = nd_arange(0, 100, 1, ND_INT32);
    CU_ASSERT_EQUAL(nd_rng_shuffle(r, a, 0), ND_OK);
    int seen[100] = { 0 }, moved = 0;
    for (int i = 0; i < 100; i++) {
        int64_t v = nd_get_i64(a, ND_IDX(i));
        seen[v]++;
        moved += v != i;
    }
    for (int i = 0; i < 100; i++) CU_ASSERT_EQUAL(seen[i], 1);
    CU_ASSERT(moved > 50);
    nd_set_readonly(a);
    CU_ASSERT_EQUAL(nd_rng_shuffle(r, a, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_rng_shuffle(r, NULL, 0), ND_EVALUE);
    nd_free(a);
    nd_rng_free(r);
}

static const ND_TEST tests[] = {
    ND_T(test_continuous_match_numpy),
    ND_T(test_discrete_match_numpy),
    ND_T(test_multivariate_match_numpy),
    ND_T(test_permutations_match_numpy),
    ND_T(test_choice_matches_numpy),
    ND_T(test_parameter_errors_name_function_and_value),
    ND_T(test_multivariate_normal_checks_covariance),
    ND_T(test_shuffle_keeps_elements_and_rejects_readonly),
    { 0 },
};
ND_TEST_MAIN("random_dist", tests)

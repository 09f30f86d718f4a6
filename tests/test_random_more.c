/* MT19937 (SeedSequence and legacy RandomState seeding), legacy draws, Generator.bytes,
 * noncentral chi-square / F, multivariate hypergeometric and the SVD default of
 * multivariate_normal, against NumPy (tests/data/iorand/random.txt, written by
 * scripts/gen_iorand_fixtures.py). Exact equality except where noted. */
#include <numc/random.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/iorand/random.txt"
#define SZ(n) 1, (const ptrdiff_t[]){ n }

static double want[4096];
static long long iwant[4096];

static int fx(const char *name) { return fixture_values(FX, name, want, 4096); }

/* Integer fixture values read exactly (beyond 2^53). */
static int fx_int(const char *name)
{
    char *line = fixture_line(FX, name);
    if (!line) return -1;
    char *p = line + strlen(name), *end;
    int n = 0;
    for (long long v; n < 4096 && (v = strtoll(p, &end, 10), end != p); p = end) iwant[n++] = v;
    free(line);
    return n;
}

static void expect_f64(nd_array *a, const char *name, double rtol)
{
    int n = fx(name);
    CU_ASSERT_FATAL(a != NULL);
    CU_ASSERT_EQUAL_FATAL(n, nd_size(a));
    double *d = malloc((size_t)(n > 0 ? n : 1) * sizeof *d);
    CU_ASSERT_FATAL(d != NULL);
    CU_ASSERT_EQUAL(nd_to_f64(a, d), ND_OK);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        bool ok = rtol == 0 ? d[i] == want[i]
                            : fabs(d[i] - want[i]) <= rtol * fabs(want[i]) + 1e-300;
        if (!ok && bad++ < 3)
            fprintf(stderr, "%s[%d]: got %.17g want %.17g\n", name, i, d[i], want[i]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    free(d);
    nd_free(a);
}

static void expect_i64(nd_array *a, const char *name)
{
    int n = fx_int(name);
    CU_ASSERT_FATAL(a != NULL);
    CU_ASSERT_EQUAL_FATAL(nd_dtype_of(a), ND_INT64);
    CU_ASSERT_EQUAL_FATAL(n, nd_size(a));
    const int64_t *d = (const int64_t *)nd_data(a);
    int bad = 0;
    for (int i = 0; i < n; i++)
        if (d[i] != iwant[i] && bad++ < 3)
            fprintf(stderr, "%s[%d]: got %lld want %lld\n", name, i, (long long)d[i], iwant[i]);
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(a);
}

static void test_mt19937_seedseq_raw_matches_numpy(void)
{
    nd_rng *r = nd_rng_new_kind(ND_MT19937, 42);
    CU_ASSERT_STRING_EQUAL(nd_bitgen_name(nd_rng_kind(r)), "MT19937");
    nd_array *a = nd_rng_random_raw(r, 1300);   /* crosses two state regenerations */
    int n = fx_int("mt_seq_raw_42");
    CU_ASSERT_EQUAL_FATAL(n, 1300);
    const uint64_t *d = (const uint64_t *)nd_data(a);
    for (int i = 0; i < n; i++) CU_ASSERT_EQUAL(d[i], (uint64_t)iwant[i]);
    nd_free(a);
    nd_rng_free(r);
    r = nd_rng_new_kind(ND_MT19937, (1ull << 40) + 7);
    a = nd_rng_random_raw(r, 5);
    fx_int("mt_seq_raw_big");
    d = (const uint64_t *)nd_data(a);
    for (int i = 0; i < 5; i++) CU_ASSERT_EQUAL(d[i], (uint64_t)iwant[i]);
    nd_free(a);
    nd_rng_free(r);
}

static void test_generator_over_mt19937_matches_numpy(void)
{
    nd_rng *r = nd_rng_new_kind(ND_MT19937, 42);
    expect_f64(nd_rng_random(r, SZ(10), ND_FLOAT64), "mt_gen_random_42", 0);
    nd_rng_free(r);
    r = nd_rng_new_kind(ND_MT19937, 7);
    expect_f64(nd_rng_standard_normal(r, SZ(20), ND_FLOAT64), "mt_gen_normal_7", 0);
    nd_rng_free(r);
    r = nd_rng_new_kind(ND_MT19937, 7);
    expect_i64(nd_rng_integers(r, 0, 1000, SZ(20)), "mt_gen_integers_7");
    nd_rng_free(r);
    r = nd_rng_new_kind(ND_MT19937, 9);
    expect_f64(nd_rng_random(r, SZ(7), ND_FLOAT32), "mt_gen_float32_9", 0);
    nd_rng_free(r);
}

static void test_legacy_seed_rand_matches_numpy(void)
{
    nd_rng *r = nd_random_state_new(0);
    nd_array *a = nd_rng_random_raw(r, 700);
    int n = fx_int("legacy_raw_0");
    CU_ASSERT_EQUAL_FATAL(n, 700);
    for (int i = 0; i < n; i++) CU_ASSERT_EQUAL(((const uint64_t *)nd_data(a))[i], (uint64_t)iwant[i]);
    nd_free(a);
    /* np.random.seed(0); np.random.rand(1000) */
    CU_ASSERT_EQUAL(nd_random_seed(r, 0), ND_OK);
    expect_f64(nd_legacy_random_sample(r, SZ(1000)), "legacy_rand_0", 0);
    CU_ASSERT_EQUAL(nd_random_seed(r, 12345), ND_OK);
    expect_f64(nd_legacy_random_sample(r, SZ(5)), "legacy_rand_12345", 0);
    CU_ASSERT_EQUAL(nd_random_seed(r, 4294967295u), ND_OK);
    expect_f64(nd_legacy_random_sample(r, SZ(3)), "legacy_rand_max", 0);
    nd_rng_free(r);
}

static void test_legacy_gauss_caches_second_value(void)
{
    nd_rng *r = nd_random_state_new(1);
    nd_array *a = nd_legacy_standard_normal(r, SZ(11));   /* odd: one normal stays cached */
    nd_array *b = nd_legacy_standard_normal(r, SZ(3));
    CU_ASSERT_EQUAL(fx("legacy_randn_1"), 14);
    for (int i = 0; i < 11; i++) CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(i)), want[i]);
    for (int i = 0; i < 3; i++) CU_ASSERT_EQUAL(nd_get_f64(b, ND_IDX(i)), want[11 + i]);
    nd_free(a);
    nd_free(b);
    /* the cache is part of the state, as RandomState.get_state()[2:5] */
    CU_ASSERT_EQUAL(nd_random_seed(r, 1), ND_OK);
    CU_ASSERT(isfinite(nd_legacy_gauss(r)));
    static nd_rng_state st;
    CU_ASSERT_EQUAL(nd_rng_get_state(r, &st), ND_OK);
    CU_ASSERT_EQUAL(fx("legacy_state_after_1"), 3);
    CU_ASSERT_EQUAL(st.mt_pos, (int)want[0]);
    CU_ASSERT_EQUAL(st.has_gauss, (int)want[1]);
    CU_ASSERT_EQUAL(st.gauss, want[2]);
    double next = nd_legacy_gauss(r);
    CU_ASSERT_EQUAL(next, want[2]);
    /* restoring the state restores the cache */
    CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_OK);
    CU_ASSERT_EQUAL(nd_legacy_gauss(r), next);
    /* a reseed drops it */
    CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_OK);
    CU_ASSERT_EQUAL(nd_random_seed(r, 1), ND_OK);
    fx("legacy_randn_1");
    CU_ASSERT_EQUAL(nd_legacy_gauss(r), want[0]);
    nd_rng_free(r);
}

static void test_legacy_distributions_match_numpy(void)
{
    nd_rng *r = nd_random_state_new(2);
    expect_f64(nd_legacy_normal(r, 3, 2, SZ(7)), "legacy_normal_2", 0);
    nd_rng_free(r);
    r = nd_random_state_new(3);
    expect_f64(nd_legacy_uniform(r, -2, 5, SZ(6)), "legacy_uniform_3", 0);
    nd_rng_free(r);
    r = nd_random_state_new(4);
    expect_i64(nd_legacy_randint(r, 0, 10, SZ(50)), "legacy_randint_4");
    expect_i64(nd_legacy_randint(r, INT64_MIN, INT64_MAX, SZ(5)), "legacy_randint_4b");
    expect_i64(nd_legacy_randint(r, -5, 4294967291ll, SZ(5)), "legacy_randint_4c");
    expect_i64(nd_legacy_randint(r, 7, 1ll << 40, SZ(5)), "legacy_randint_4d");
    nd_rng_free(r);
}

static void test_legacy_array_seed_matches_numpy(void)
{
    const uint32_t k3[3] = { 1, 2, 3 };
    nd_rng *r = nd_random_state_from_array(k3, 3);
    expect_f64(nd_legacy_random_sample(r, SZ(5)), "legacy_array_123", 0);
    nd_rng_free(r);
    uint32_t k700[700];
    for (uint32_t i = 0; i < 700; i++) k700[i] = (uint32_t)(i * 2654435761u);
    r = nd_random_state_from_array(k700, 700);
    expect_f64(nd_legacy_random_sample(r, SZ(4)), "legacy_array_long", 0);
    nd_rng_free(r);
}

static void test_legacy_errors(void)
{
    nd_rng *r = nd_random_state_new(0), *p = nd_rng_new(0);
    CU_ASSERT_PTR_NULL(nd_legacy_randint(r, 5, 5, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "low >= high"));
    CU_ASSERT_PTR_NULL(nd_legacy_normal(r, 0, -1, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "scale"));
    CU_ASSERT_PTR_NULL(nd_legacy_uniform(r, -1e308, 1e308, SZ(2)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_random_state_from_array(NULL, 3));
    const uint32_t k = 1;
    CU_ASSERT_PTR_NULL(nd_random_state_from_array(&k, 0));
    CU_ASSERT_EQUAL(nd_random_seed(p, 1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "PCG64"));
    CU_ASSERT_PTR_NULL(nd_rng_jumped(r, 1));
    static nd_rng_state st;
    CU_ASSERT_EQUAL(nd_rng_get_state(r, &st), ND_OK);
    st.mt_pos = 625;
    CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_EVALUE);
    nd_rng_free(r);
    nd_rng_free(p);
}

static void test_bytes_match_numpy(void)
{
    unsigned char b[16];
    nd_rng *r = nd_rng_new(5);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, b, 13), ND_OK);
    CU_ASSERT_EQUAL(fx("bytes_pcg_5"), 13);
    for (int i = 0; i < 13; i++) CU_ASSERT_EQUAL(b[i], (unsigned)want[i]);
    nd_rng_free(r);
    r = nd_rng_new_kind(ND_MT19937, 5);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, b, 7), ND_OK);
    CU_ASSERT_EQUAL(fx("bytes_mt_5"), 7);
    for (int i = 0; i < 7; i++) CU_ASSERT_EQUAL(b[i], (unsigned)want[i]);
    nd_rng_free(r);
    r = nd_rng_new(6);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, b, 3), ND_OK);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, b + 3, 5), ND_OK);
    CU_ASSERT_EQUAL(fx("bytes_pcg_6_twice"), 8);
    for (int i = 0; i < 8; i++) CU_ASSERT_EQUAL(b[i], (unsigned)want[i]);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, NULL, 0), ND_OK);
    CU_ASSERT_EQUAL(nd_rng_bytes(r, NULL, 4), ND_EVALUE);
    nd_rng_free(r);
}

static void test_noncentral_match_numpy(void)
{
    nd_rng *r = nd_rng_new(10);
    expect_f64(nd_rng_noncentral_chisquare(r, 3, 2, SZ(50)), "ncx2_3_2", 0);
    nd_rng_free(r);
    r = nd_rng_new(11);
    expect_f64(nd_rng_noncentral_chisquare(r, 0.5, 2, SZ(50)), "ncx2_05_2", 0);
    nd_rng_free(r);
    r = nd_rng_new(12);
    expect_f64(nd_rng_noncentral_chisquare(r, 4, 0, SZ(20)), "ncx2_4_0", 0);
    nd_rng_free(r);
    r = nd_rng_new(13);
    expect_f64(nd_rng_noncentral_f(r, 3, 5, 1.5, SZ(50)), "ncf_3_5_15", 0);
    nd_rng_free(r);
    r = nd_rng_new(14);
    expect_f64(nd_rng_noncentral_f(r, 0.7, 2, 3, SZ(30)), "ncf_07_2_3", 0);
    CU_ASSERT_PTR_NULL(nd_rng_noncentral_chisquare(r, 0, 1, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "df = 0 <= 0"));
    CU_ASSERT_PTR_NULL(nd_rng_noncentral_chisquare(r, 1, -1, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nonc = -1 < 0"));
    CU_ASSERT_PTR_NULL(nd_rng_noncentral_chisquare(r, 1, NAN, SZ(2)));
    CU_ASSERT_PTR_NULL(nd_rng_noncentral_f(r, 1, -2, 1, SZ(2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "dfden"));
    nd_array *o32 = nd_zeros(ND_SHAPE(4), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_rng_noncentral_f_into(r, 2, 3, 1, o32), ND_OK);
    CU_ASSERT(nd_get_f64(o32, ND_IDX(0)) > 0);
    nd_free(o32);
    nd_rng_free(r);
}

static nd_array *colors_of(int n, const int64_t *c)
{
    return nd_from_buffer(c, ND_SHAPE(n), ND_INT64);
}

static void test_multivariate_hypergeometric_matches_numpy(void)
{
    const int64_t c3[3] = { 5, 10, 15 }, c5[5] = { 100, 200, 50, 0, 30 };
    nd_array *a3 = colors_of(3, c3), *a5 = colors_of(5, c5);
    struct { int seed; nd_array *c; int64_t ns; int ndim; ptrdiff_t sh[2]; nd_mvhg_method m;
             const char *name; } cs[] = {
        { 20, a3, 12, 1, { 20 }, ND_MVHG_MARGINALS, "mvhg_marg" },
        { 21, a3, 12, 1, { 20 }, ND_MVHG_COUNT, "mvhg_count" },
        { 22, a3, 20, 2, { 4, 5 }, ND_MVHG_MARGINALS, "mvhg_marg_half" },
        { 23, a3, 20, 2, { 4, 5 }, ND_MVHG_COUNT, "mvhg_count_half" },
        { 24, a5, 150, 1, { 10 }, ND_MVHG_MARGINALS, "mvhg_marg_big" },
        { 25, a5, 150, 1, { 10 }, ND_MVHG_COUNT, "mvhg_count_big" },
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        nd_rng *r = nd_rng_new((uint64_t)cs[i].seed);
        nd_array *x = nd_rng_multivariate_hypergeometric(r, cs[i].c, cs[i].ns, cs[i].ndim,
                                                         cs[i].sh, .method = cs[i].m);
        CU_ASSERT_EQUAL(nd_ndim(x), cs[i].ndim + 1);
        expect_i64(x, cs[i].name);
        nd_rng_free(r);
    }
    /* size=None with unsigned colors: shape (3,) */
    const uint8_t u[3] = { 3, 0, 4 };
    nd_array *au = nd_from_buffer(u, ND_SHAPE(3), ND_UINT8);
    nd_rng *r = nd_rng_new(26);
    nd_array *one = nd_rng_multivariate_hypergeometric(r, au, 5, 0);
    CU_ASSERT_EQUAL(nd_ndim(one), 1);
    expect_i64(one, "mvhg_one");
    nd_free(au);
    nd_free(a3);
    nd_free(a5);
    nd_rng_free(r);
}

static void test_multivariate_hypergeometric_errors(void)
{
    nd_rng *r = nd_rng_new(1);
    const int64_t c3[3] = { 5, 10, 15 }, neg[2] = { 3, -1 }, huge[2] = { 600000000, 500000000 };
    nd_array *a3 = colors_of(3, c3), *an = colors_of(2, neg), *ah = colors_of(2, huge);
    nd_array *f = nd_zeros(ND_SHAPE(3), ND_FLOAT64), *m2 = nd_zeros(ND_SHAPE(2, 2), ND_INT64);
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, a3, 31, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nsample > sum(colors)"));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, a3, -1, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nonnegative"));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, an, 1, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "colors must be"));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, f, 1, 0));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, m2, 1, 0));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, ah, 1, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "1000000000"));
    CU_ASSERT_PTR_NULL(nd_rng_multivariate_hypergeometric(r, a3, 1, 0, .method = (nd_mvhg_method)7));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* empty colors: zeros of shape (size..., 0) */
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_INT64);
    nd_array *x = nd_rng_multivariate_hypergeometric(r, e, 0, SZ(4));
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(nd_shape(x)[0], 4);
    CU_ASSERT_EQUAL(nd_shape(x)[1], 0);
    nd_free(x);
    nd_free(e);
    nd_free(a3);
    nd_free(an);
    nd_free(ah);
    nd_free(f);
    nd_free(m2);
    nd_rng_free(r);
}

static void test_multivariate_normal_defaults_to_svd(void)
{
    const double mean[3] = { 1.0, -2.0, 0.5 };
    const double cov[9] = { 2.0, 0.3, 0.1, 0.3, 1.0, -0.2, 0.1, -0.2, 0.5 };
    nd_array *m = nd_from_f64(mean, 3), *c = nd_from_buffer(cov, ND_SHAPE(3, 3), ND_FLOAT64);
    nd_rng *r = nd_rng_new(30);
    expect_f64(nd_rng_multivariate_normal(r, m, c, SZ(10)), "mvn_svd_default", 1e-12);
    nd_rng_free(r);
    /* a singular PSD cov works with the default (Cholesky would fail) */
    const double z[2] = { 0, 0 }, sg[4] = { 1, 1, 1, 1 };
    nd_array *m2 = nd_from_f64(z, 2), *c2 = nd_from_buffer(sg, ND_SHAPE(2, 2), ND_FLOAT64);
    r = nd_rng_new(31);
    /* the zero singular value comes out of the SVD as roundoff (~1e-17, its sign and size
     * depend on the BLAS kernel and thread split), and its square root (~1e-8) scales a
     * normal draw: NumPy's own result carries that noise, so agreement is to ~1e-8 */
    expect_f64(nd_rng_multivariate_normal(r, m2, c2, SZ(6)), "mvn_svd_singular", 1e-7);
    nd_rng_free(r);
    nd_free(m);
    nd_free(c);
    nd_free(m2);
    nd_free(c2);
}

static const ND_TEST tests[] = {
    ND_T(test_mt19937_seedseq_raw_matches_numpy),
    ND_T(test_generator_over_mt19937_matches_numpy),
    ND_T(test_legacy_seed_rand_matches_numpy),
    ND_T(test_legacy_gauss_caches_second_value),
    ND_T(test_legacy_distributions_match_numpy),
    ND_T(test_legacy_array_seed_matches_numpy),
    ND_T(test_legacy_errors),
    ND_T(test_bytes_match_numpy),
    ND_T(test_noncentral_match_numpy),
    ND_T(test_multivariate_hypergeometric_matches_numpy),
    ND_T(test_multivariate_hypergeometric_errors),
    ND_T(test_multivariate_normal_defaults_to_svd),
    { 0 },
};
ND_TEST_MAIN("random_more", tests)

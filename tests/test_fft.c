/* numpy.fft semantics against NumPy fixtures, round-trip and Parseval identities, strided
 * inputs, the plan cache (reuse, concurrency), planner effort and wisdom files. */
#include <numc/fft.h>
/* POSIX threads, not C11 <threads.h>: GCC 12's ThreadSanitizer runtime does not intercept
 * thrd_create, so a TSan build (make tsan) crashes in threads started that way. */
#include <pthread.h>

#include "test_linalg_fixture.h"

#define FILE_FFT NUMC_TEST_DATA "/fft/fft.txt"
#define FX(name) fx_load(FILE_FFT, name)
/* numpy.fft computes float32 in double precision (numpy 1.x): compare values only there. */
#define CHECK(got, name, tol) fx_check_file((got), FILE_FFT, (name), (tol), true)
#define CHECK_VALUES(got, name, tol) fx_check_file((got), FILE_FFT, (name), (tol), false)

static void test_fft_ifft_1d(void)
{
    nd_array *x = FX("x16"), *x7 = FX("x7");
    CHECK(nd_fft(x), "fft_x16", 1e-14);
    CHECK(nd_ifft(x), "ifft_x16", 1e-14);
    CHECK(nd_fft(x, .n = 10), "fft_x16_n10", 1e-14);
    CHECK(nd_fft(x, .n = 20), "fft_x16_n20", 1e-14);
    CHECK(nd_fft(x, .norm = ND_FFT_ORTHO), "fft_x16_ortho", 1e-14);
    CHECK(nd_fft(x, .norm = ND_FFT_FORWARD), "fft_x16_forward", 1e-14);
    CHECK(nd_ifft(x, .norm = ND_FFT_ORTHO), "ifft_x16_ortho", 1e-14);
    CHECK(nd_ifft(x, .norm = ND_FFT_FORWARD), "ifft_x16_forward", 1e-14);
    CHECK(nd_fft(x7), "fft_x7", 1e-14);
    nd_free(x), nd_free(x7);
}

static void test_real_transforms_1d(void)
{
    nd_array *r15 = FX("r15"), *r16 = FX("r16"), *h9 = FX("h9");
    CHECK(nd_rfft(r15), "rfft_r15", 1e-14);
    CHECK(nd_rfft(r16), "rfft_r16", 1e-14);
    CHECK(nd_rfft(r16, .n = 11), "rfft_r16_n11", 1e-14);
    CHECK(nd_rfft(r16, .norm = ND_FFT_ORTHO), "rfft_r16_ortho", 1e-14);
    CHECK(nd_fft(r16), "fft_r16", 1e-14);
    CHECK(nd_irfft(h9), "irfft_h9", 1e-14);
    CHECK(nd_irfft(h9, .n = 17), "irfft_h9_n17", 1e-14);
    CHECK(nd_irfft(h9, .n = 10), "irfft_h9_n10", 1e-14);
    CHECK(nd_irfft(h9, .norm = ND_FFT_FORWARD), "irfft_h9_forward", 1e-14);
    CHECK(nd_hfft(h9), "hfft_h9", 1e-14);
    CHECK(nd_hfft(h9, .n = 15), "hfft_h9_n15", 1e-14);
    CHECK(nd_hfft(h9, .norm = ND_FFT_ORTHO), "hfft_h9_ortho", 1e-14);
    CHECK(nd_ihfft(r16), "ihfft_r16", 1e-14);
    CHECK(nd_ihfft(r15, .norm = ND_FFT_ORTHO), "ihfft_r15_ortho", 1e-14);
    nd_free(r15), nd_free(r16), nd_free(h9);
}

static void test_multi_dimensional(void)
{
    nd_array *x = FX("X68"), *r = FX("R68"), *h = FX("H65"), *y = FX("Y345");
    CHECK(nd_fft2(x), "fft2_X", 1e-14);
    CHECK(nd_ifft2(x), "ifft2_X", 1e-14);
    CHECK(nd_fft(x, .axis = 0), "fft_X_ax0", 1e-14);
    CHECK(nd_fft(x, .n = 4, .axis = 0), "fft_X_ax0_n4", 1e-14);
    CHECK(nd_fft2(x, .s = ND_SIZES(4, 10)), "fft2_X_s410", 1e-14);
    CHECK(nd_fft2(x, .norm = ND_FFT_ORTHO), "fft2_X_ortho", 1e-14);
    CHECK(nd_fftn(x, .axes = ND_AXES(0)), "fftn_X_ax0", 1e-14);
    CHECK(nd_rfft2(r), "rfft2_R", 1e-14);
    CHECK(nd_rfft(r, .axis = 0), "rfft_R_ax0", 1e-14);
    CHECK(nd_fft2(r), "fft2_R", 1e-14);
    nd_array *rf = nd_rfft2(r);
    CHECK(nd_irfft2(rf, .s = ND_SIZES(6, 8)), "irfft2_rfft2_R", 1e-14);
    CHECK(nd_irfft2(h), "irfft2_H", 1e-14);
    CHECK(nd_irfftn(h, .s = ND_SIZES(5, 7)), "irfftn_H_s", 1e-14);
    CHECK(nd_irfftn(h, .axes = ND_AXES(0)), "irfftn_H_ax0", 1e-14);
    CHECK(nd_rfftn(r, .axes = ND_AXES(1, 0)), "rfftn_R_ax10", 1e-14);
    CHECK(nd_fftn(y), "fftn_Y", 1e-14);
    CHECK(nd_ifftn(y), "ifftn_Y", 1e-14);
    CHECK(nd_fftn(y, .axes = ND_AXES(0, 2)), "fftn_Y_ax02", 1e-14);
    CHECK(nd_fftn(y, .s = ND_SIZES(2, 3)), "fftn_Y_s23", 1e-14);
    CHECK(nd_fftn(y, .s = ND_SIZES(6, 3), .axes = ND_AXES(2, 0)), "fftn_Y_s_ax", 1e-14);
    CHECK(nd_fftn(y, .axes = ND_AXES(1, 1)), "fftn_Y_dup", 1e-14);
    nd_array *yr = nd_real(y);
    CHECK(nd_rfftn(yr), "rfftn_Y_real", 1e-14); /* a strided real view of complex data */
    CHECK(nd_irfftn(y), "irfftn_Y", 1e-14);
    nd_free(x), nd_free(r), nd_free(h), nd_free(y), nd_free(rf), nd_free(yr);
}

static void test_dtypes(void)
{
    nd_array *f = FX("F16"), *i = FX("I10");
    nd_array *ff = nd_fft(f), *rf = nd_rfft(f), *back = nd_irfft(rf, .n = 16);
    CU_ASSERT_EQUAL(nd_dtype_of(ff), ND_COMPLEX64);
    CU_ASSERT_EQUAL(nd_dtype_of(back), ND_FLOAT32);
    CHECK_VALUES(ff, "fft_F16", 2e-6);
    CHECK_VALUES(rf, "rfft_F16", 2e-6);
    CU_ASSERT(fx_relerr(back, f) < 2e-6);
    CHECK(nd_fft(i), "fft_I10", 1e-14);
    nd_free(f), nd_free(i), nd_free(back);
}

static void test_helpers(void)
{
    CHECK(nd_fftfreq(8, 0.1), "fftfreq_8_0.1", 0);
    CHECK(nd_fftfreq(7, 0), "fftfreq_7", 0);
    CHECK(nd_rfftfreq(8, 0.5), "rfftfreq_8_0.5", 0);
    CHECK(nd_rfftfreq(9, 0), "rfftfreq_9", 0);
    nd_array *a10 = FX("a10"), *a9 = FX("a9"), *b = FX("B35");
    nd_axes all = { 0 };
    CHECK(nd_fftshift(a10, all), "fftshift_a10", 0);
    CHECK(nd_ifftshift(a10, all), "ifftshift_a10", 0);
    CHECK(nd_fftshift(a9, all), "fftshift_a9", 0);
    CHECK(nd_ifftshift(a9, all), "ifftshift_a9", 0);
    CHECK(nd_fftshift(b, all), "fftshift_B", 0);
    CHECK(nd_ifftshift(b, all), "ifftshift_B", 0);
    CHECK(nd_fftshift(b, ND_AXES(1)), "fftshift_B_ax1", 0);
    nd_array *s = nd_fftshift(b, all), *back = nd_ifftshift(s, all);
    CU_ASSERT(fx_relerr(back, b) == 0);
    CU_ASSERT_PTR_NULL(nd_fftfreq(0, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(a10), nd_free(a9), nd_free(b), nd_free(s), nd_free(back);
}

/* Deterministic pseudo-random complex data. */
static nd_array *noise(ptrdiff_t n, nd_dtype t, unsigned seed)
{
    nd_array *a = nd_empty(ND_SHAPE(n), ND_COMPLEX128);
    double *p = nd_data(a);
    unsigned s = seed;
    for (ptrdiff_t i = 0; i < 2 * n; i++) {
        s = s * 1103515245u + 12345u;
        p[i] = (double)(s >> 8) / (double)(1u << 24) - 0.5;
    }
    nd_array *r = nd_astype(a, t, ND_CAST_UNSAFE);
    nd_free(a);
    return r;
}

static double sum_abs2(const nd_array *a)
{
    nd_array *c = nd_astype(a, ND_COMPLEX128, ND_CAST_UNSAFE);
    const double *p = nd_data(c);
    double s = 0;
    for (ptrdiff_t i = 0; i < 2 * nd_size(c); i++) s += p[i] * p[i];
    nd_free(c);
    return s;
}

static void test_round_trip_and_parseval(void)
{
    const ptrdiff_t sizes[] = { 1, 2, 1009, 4096, 3000 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        ptrdiff_t n = sizes[k];
        nd_array *x = noise(n, ND_COMPLEX128, (unsigned)k + 1), *X = nd_fft(x), *back = nd_ifft(X);
        CU_ASSERT(fx_relerr(back, x) < 1e-12);
        double ex = sum_abs2(x), eX = sum_abs2(X) / (double)n;
        CU_ASSERT(fabs(ex - eX) <= 1e-12 * ex);
        nd_array *r = nd_real(x), *R = nd_rfft(r), *rb = nd_irfft(R, .n = n);
        CU_ASSERT(fx_relerr(rb, r) < 1e-12);
        nd_array *xs = noise(n, ND_COMPLEX64, (unsigned)k + 7), *Xs = nd_fft(xs), *bs = nd_ifft(Xs);
        CU_ASSERT(fx_relerr(bs, xs) < 1e-5);
        nd_free(x), nd_free(X), nd_free(back), nd_free(r), nd_free(R), nd_free(rb);
        nd_free(xs), nd_free(Xs), nd_free(bs);
    }
}

static void test_strided_inputs(void)
{
    nd_array *x = FX("X68");
    /* A transposed view: fft over its axis 1 is fft over x's axis 0. */
    nd_array *xt = nd_transpose(x, NULL), *ft = nd_fft(xt), *ftt = nd_transpose(ft, NULL);
    CHECK(nd_copy(ftt, ND_ORDER_C), "fft_X_ax0", 1e-14);
    /* Reversed rows (negative stride) equal the fft of a reversed copy. */
    nd_array *rev = nd_view(x, "::-1"), *revc = nd_copy(rev, ND_ORDER_C);
    nd_array *f1 = nd_fft2(rev), *f2 = nd_fft2(revc);
    CU_ASSERT(fx_relerr(f1, f2) < 1e-15);
    /* Every other column of a wider array. */
    nd_array *wide = nd_zeros(ND_SHAPE(6, 16), ND_COMPLEX128), *cols = nd_view(wide, ":, ::2");
    nd_assign(cols, x, ND_CAST_DEFAULT);
    CHECK(nd_fft2(cols), "fft2_X", 1e-14);
    nd_free(x), nd_free(xt), nd_free(ft), nd_free(ftt), nd_free(rev), nd_free(revc), nd_free(f1);
    nd_free(f2), nd_free(wide), nd_free(cols);
}

static void test_input_is_not_modified(void)
{
    nd_array *h = FX("H65"), *copy = nd_copy(h, ND_ORDER_C), *r = nd_irfft2(h);
    CU_ASSERT(fx_relerr(h, copy) == 0);
    nd_free(h), nd_free(copy), nd_free(r);
}

static void test_plan_cache_reuse(void)
{
    nd_fft_cache_clear();
    CU_ASSERT_EQUAL(nd_fft_cache_size(), 0);
    nd_array *x = noise(256, ND_COMPLEX128, 3);
    for (int i = 0; i < 5; i++) nd_free(nd_fft(x));
    CU_ASSERT_EQUAL(nd_fft_cache_size(), 1);
    nd_free(nd_ifft(x));
    CU_ASSERT_EQUAL(nd_fft_cache_size(), 2);
    nd_fft_cache_clear();
    CU_ASSERT_EQUAL(nd_fft_cache_size(), 0);
    nd_free(x);
}

static void test_measure_planner_and_wisdom(void)
{
    nd_array *x = noise(512, ND_COMPLEX128, 5), *a = nd_fft(x), *b = nd_fft(x, .planner = ND_FFT_MEASURE);
    CU_ASSERT(fx_relerr(b, a) < 1e-14);
    const char *path = "test_fft_wisdom.txt";
    CU_ASSERT_EQUAL(nd_fft_wisdom_save(path), ND_OK);
    CU_ASSERT_EQUAL(nd_fft_wisdom_load(path), ND_OK);
    FILE *f = fopen(path, "w");
    fputs("not wisdom\n", f);
    fclose(f);
    CU_ASSERT_EQUAL(nd_fft_wisdom_load(path), ND_EPARSE);
    remove(path);
    CU_ASSERT_EQUAL(nd_fft_wisdom_load("/nonexistent/dir/w.txt"), ND_EIO);
    CU_ASSERT_EQUAL(nd_fft_wisdom_save("/nonexistent/dir/w.txt"), ND_EIO);
    nd_fft_set_planner(ND_FFT_MEASURE);
    nd_array *c = nd_fft(x, .n = 300);
    nd_fft_set_planner(ND_FFT_PLANNER_DEFAULT);
    nd_array *d = nd_fft(x, .n = 300);
    CU_ASSERT(fx_relerr(d, c) < 1e-14);
    nd_free(x), nd_free(a), nd_free(b), nd_free(c), nd_free(d);
}

typedef struct job {
    ptrdiff_t n;
    nd_array *x, *want;
    int ok;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    j->ok = 1;
    for (int i = 0; i < 20; i++) {
        nd_array *y = nd_fft(j->x);
        if (!y || fx_relerr(y, j->want) > 0) j->ok = 0;
        nd_free(y);
        nd_free(nd_rfft(j->x, .n = j->n + i)); /* new geometries: planning under the lock */
    }
    return NULL;
}

static void test_concurrent_transforms(void)
{
    job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].n = 100 + 37 * i;
        jobs[i].x = noise(jobs[i].n, ND_COMPLEX128, (unsigned)i + 11);
        jobs[i].want = nd_fft(jobs[i].x);
    }
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CU_ASSERT(jobs[i].ok);
        nd_free(jobs[i].x);
        nd_free(jobs[i].want);
    }
}

static void test_threads_setting(void)
{
    CU_ASSERT_EQUAL(nd_fft_set_threads(0), ND_EVALUE);
    nd_status s = nd_fft_set_threads(2);
    CU_ASSERT(s == ND_OK || s == ND_EVALUE);
    nd_array *x = noise(4096, ND_COMPLEX128, 9), *y = nd_fft(x), *z = nd_ifft(y);
    CU_ASSERT(fx_relerr(z, x) < 1e-12);
    CU_ASSERT_EQUAL(nd_fft_set_threads(1), ND_OK);
    nd_free(x), nd_free(y), nd_free(z);
}

static void test_errors(void)
{
    nd_array *x = FX("x16"), *one = nd_ones(ND_SHAPE(1), ND_COMPLEX128), *y = FX("Y345");
    CU_ASSERT_PTR_NULL(nd_fft(x, .n = -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_irfft(one)); /* default n = 2*(1-1) = 0 */
    CU_ASSERT(strstr(nd_errmsg(), "invalid number of FFT data points (0)") != NULL);
    CU_ASSERT_PTR_NULL(nd_fft(x, .axis = 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_fftn(y, .s = ND_SIZES(2, 3), .axes = ND_AXES(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_fft(x, .s = ND_SIZES(4)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_fft2(x));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_free(x), nd_free(one), nd_free(y);
}

static void test_empty_batch(void)
{
    nd_array *e = nd_zeros(ND_SHAPE(0, 8), ND_FLOAT64), *f = nd_fft(e), *r = nd_rfft(e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_shape(f)[1], 8);
    CU_ASSERT_EQUAL(nd_shape(r)[1], 5);
    nd_free(e), nd_free(f), nd_free(r);
}

/* The formula of gen.py's big(): sin(sum j_d (0.37 + 0.11 d)) + i cos(sum j_d (0.05 - 0.3 d)). */
static nd_array *big(int ndim, const ptrdiff_t *shape)
{
    nd_array *a = nd_empty(ndim, shape, ND_COMPLEX128);
    double *p = nd_data(a);
    ptrdiff_t idx[ND_MAXDIMS] = { 0 };
    for (ptrdiff_t i = 0; i < nd_size(a); i++) {
        double lin = 0, alt = 0;
        for (int d = 0; d < ndim; d++) {
            lin += (double)idx[d] * (0.37 + 0.11 * d);
            alt += (double)idx[d] * (0.05 - 0.3 * d);
        }
        p[2 * i] = sin(lin);
        p[2 * i + 1] = cos(alt);
        for (int d = ndim - 1; d >= 0 && ++idx[d] == shape[d]; d--) idx[d] = 0;
    }
    return a;
}

/* Compare res at the sampled positions of fixture <name>_idx with <name>_val. */
static void check_samples(nd_array *res, const char *name, double tol)
{
    char in[64], vn[64];
    snprintf(in, sizeof in, "%s_idx", name);
    snprintf(vn, sizeof vn, "%s_val", name);
    nd_array *idx = FX(in), *val = FX(vn);
    CU_ASSERT_PTR_NOT_NULL_FATAL(res);
    CU_ASSERT_PTR_NOT_NULL_FATAL(idx);
    ptrdiff_t k = nd_shape(idx)[0], nd = nd_shape(idx)[1];
    CU_ASSERT_EQUAL_FATAL(nd, nd_ndim(res));
    double scale = 0, err = 0;
    for (ptrdiff_t i = 0; i < k; i++) {
        ptrdiff_t pos[ND_MAXDIMS];
        for (ptrdiff_t d = 0; d < nd; d++) pos[d] = (ptrdiff_t)nd_get_i64(idx, ND_IDX(i, d));
        double gr, gi, wr, wi;
        nd_get_c128(res, (int)nd, pos, &gr, &gi);
        nd_get_c128(val, ND_IDX(i), &wr, &wi);
        err = fmax(err, hypot(gr - wr, gi - wi));
        scale = fmax(scale, hypot(wr, wi));
    }
    if (!(err <= tol * scale)) printf("\n%s: error %.3g (scale %.3g)\n", name, err, scale);
    CU_ASSERT(err <= tol * scale);
    nd_free(idx), nd_free(val), nd_free(res);
}

/* Arrays above the pass threshold: per-axis, cache-blocked transforms. */
static void test_large_blocked_passes(void)
{
    nd_array *b2 = big(ND_SHAPE(300, 520)), *b3 = big(ND_SHAPE(40, 30, 50));
    check_samples(nd_fft2(b2), "big_fft2", 1e-12);
    check_samples(nd_ifft2(b2), "big_ifft2", 1e-12);
    check_samples(nd_fft(b2, .axis = 0), "big_fft_ax0", 1e-12);
    nd_array *re = nd_real(b2), *t = nd_transpose(b2, NULL);
    check_samples(nd_rfft2(re), "big_rfft2", 1e-12);
    check_samples(nd_irfft2(b2), "big_irfft2", 1e-12);
    check_samples(nd_fft2(t), "big_fft2_T", 1e-12);
    nd_array *re3 = nd_real(b3);
    check_samples(nd_fftn(b3, .axes = ND_AXES(0, 2)), "big_fftn_ax02", 1e-12);
    check_samples(nd_rfftn(re3, .axes = ND_AXES(2, 0)), "big_rfftn_ax20", 1e-12);
    check_samples(nd_irfftn(b3, .axes = ND_AXES(1, 0)), "big_irfftn", 1e-12);
    /* Round trip through both layouts. */
    nd_array *f = nd_fft2(t), *back = nd_ifft2(f);
    CU_ASSERT(fx_relerr(back, t) < 1e-13);
    nd_free(b2), nd_free(b3), nd_free(re), nd_free(t), nd_free(re3), nd_free(f), nd_free(back);
}

static const ND_TEST tests[] = {
    ND_T(test_large_blocked_passes),
    ND_T(test_fft_ifft_1d),
    ND_T(test_real_transforms_1d),
    ND_T(test_multi_dimensional),
    ND_T(test_dtypes),
    ND_T(test_helpers),
    ND_T(test_round_trip_and_parseval),
    ND_T(test_strided_inputs),
    ND_T(test_input_is_not_modified),
    ND_T(test_plan_cache_reuse),
    ND_T(test_measure_planner_and_wisdom),
    ND_T(test_concurrent_transforms),
    ND_T(test_threads_setting),
    ND_T(test_errors),
    ND_T(test_empty_batch),
    { 0 },
};
ND_TEST_MAIN("fft", tests)

/* Distributed FFTs through FFTW-MPI (mpi/dist_fft.c): fft2 / ifft2 / fftn / ifftn / rfft2 /
 * irfft2 / rfftn / irfftn equal single-process numc's nd_fftn / nd_ifftn / nd_rfftn /
 * nd_irfftn on the gathered arrays to 1e-12 relative, for 2-D and 3-D odd shapes (some
 * with fewer rows than ranks), inputs in every distribution, the three norms and the
 * transposed-out layout, on 1..4 ranks. */
#include "test_mpi_util.h"

#define TOL 1e-12

/* A deterministic global array (the same on every rank): entries in [-1, 1);
 * complex when cx. */
static nd_array *arr(int nd, const ptrdiff_t *shape, bool cx, unsigned seed)
{
    nd_array *a = nd_empty(nd, shape, cx ? ND_COMPLEX128 : ND_FLOAT64);
    mpi_fill_uniform(nd_data(a), nd_nbytes(a) / sizeof(double), seed);
    return a;
}

/* max |x - ref| / max |ref| over the real and imaginary parts (1e300 for other shapes or
 * dtypes). */
static double rel_err(const nd_array *x, const nd_array *ref)
{
    if (!x || !ref || nd_ndim(x) != nd_ndim(ref) || nd_dtype_of(x) != nd_dtype_of(ref)) return 1e300;
    for (int k = 0; k < nd_ndim(x); k++)
        if (nd_shape(x)[k] != nd_shape(ref)[k]) return 1e300;
    nd_array *ca = nd_ascontiguousarray(x), *cb = nd_ascontiguousarray(ref);
    size_t n = nd_nbytes(ca) / sizeof(double);
    const double *pa = nd_data(ca), *pb = nd_data(cb);
    double d = 0.0, r = 0.0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(pa[i] - pb[i]);
        if (isnan(e)) e = 1e300;
        if (e > d) d = e;
        if (fabs(pb[i]) > r) r = fabs(pb[i]);
    }
    nd_free(ca);
    nd_free(cb);
    return n == 0 ? 0.0 : d / (r > 0 ? r : 1.0);
}

/* The input distributions: FFTW's own, along axis 1 (read transposed in), others. */
static int n_layouts(int nd) { return nd == 2 ? 5 : 4; }
static nd_distribution layout(int nd, int i)
{
    switch (i) {
    case 0: return nd_dist_block(0);
    case 1: return nd_dist_block(1);
    case 2: return nd_dist_replicated();
    case 3: return nd == 2 ? nd_dist_cyclic2d(0, 0, 2, 3) : nd_dist_block(2);
    default: {
        nd_distribution d = nd_dist_block(0);
        d.block = 40; /* one rank holds everything: not FFTW's block */
        return d;
    }
    }
}

typedef enum { K_FFT, K_IFFT, K_RFFT, K_IRFFT } kind;

static nd_dist *run(kind k, bool two_d, const nd_dist *a, const nd_dist_fft_opts *o)
{
    switch (k) {
    case K_FFT: return two_d ? nd_dist_fft2(a, o) : nd_dist_fftn(a, o);
    case K_IFFT: return two_d ? nd_dist_ifft2(a, o) : nd_dist_ifftn(a, o);
    case K_RFFT: return two_d ? nd_dist_rfft2(a, o) : nd_dist_rfftn(a, o);
    default: return two_d ? nd_dist_irfft2(a, o) : nd_dist_irfftn(a, o);
    }
}

static nd_array *reference(kind k, const nd_array *x, nd_fft_norm norm, ptrdiff_t last)
{
    int nd = nd_ndim(x);
    nd_sizes s = { 0 };
    s.n = nd;
    for (int i = 0; i < nd; i++) s.v[i] = nd_shape(x)[i];
    switch (k) {
    case K_FFT: return nd_fftn(x, .norm = norm);
    case K_IFFT: return nd_ifftn(x, .norm = norm);
    case K_RFFT: return nd_rfftn(x, .norm = norm);
    default:
        s.v[nd - 1] = last ? last : 2 * (nd_shape(x)[nd - 1] - 1);
        return nd_irfftn(x, .s = s, .norm = norm);
    }
}

/* One transform of x over every input layout and output layout, against numc; the norms
 * (and for 2-D arrays the 2-D and n-D entry points) take turns, each used several times. */
static void check(kind k, const nd_array *x, ptrdiff_t last)
{
    int nd = nd_ndim(x);
    nd_array *refs[3];
    for (int norm = ND_FFT_BACKWARD; norm <= ND_FFT_FORWARD; norm++) {
        refs[norm] = reference(k, x, (nd_fft_norm)norm, last);
        CU_ASSERT_PTR_NOT_NULL(refs[norm]);
    }
    int turn = 0;
    for (int l = 0; l < n_layouts(nd); l++) {
        for (int t = 0; t < (k == K_IRFFT ? 1 : 2); t++, turn++) {
            int norm = turn % 3;
            bool two = nd == 2 && (turn / 3) % 2 == 1;
            nd_distribution d = layout(nd, l);
            nd_dist *da = mpi_scatter0(x, &d);
            nd_dist_fft_opts o = { (nd_fft_norm)norm, t == 1, k == K_IRFFT ? last : 0, ND_FFT_ESTIMATE };
            nd_dist *r = run(k, two, da, &o);
            CU_ASSERT_PTR_NOT_NULL(r);
            if (r) {
                nd_distribution rd = nd_dist_distribution(r);
                CU_ASSERT_EQUAL(rd.kind, ND_DIST_BLOCK);
                CU_ASSERT_EQUAL(rd.axis, t == 1 ? 1 : 0);
                CU_ASSERT(nd_is_c_contiguous(nd_dist_local(r)));
            }
            nd_array *g = mpi_all(r);
            double e = rel_err(g, refs[norm]);
            CU_ASSERT(e <= TOL);
            if (!(e <= TOL) && mpi_rank == 0)
                printf("\n  kind %d nd %d norm %d layout %d transposed %d: rel err %g\n", (int)k, nd, norm, l, t, e);
            nd_free(g);
            nd_dist_free(r);
            nd_dist_free(da);
        }
    }
    for (int norm = 0; norm < 3; norm++) nd_free(refs[norm]);
}

static void test_fft_2d(void)
{
    ptrdiff_t sh[][2] = { { 37, 23 }, { 3, 5 }, { 6, 8 } };
    for (int i = 0; i < 3; i++) {
        nd_array *x = arr(2, sh[i], true, (unsigned)i);
        check(K_FFT, x, 0);
        check(K_IFFT, x, 0);
        nd_free(x);
    }
}

static void test_fft_3d(void)
{
    ptrdiff_t sh[][3] = { { 9, 7, 5 }, { 2, 5, 3 } };
    for (int i = 0; i < 2; i++) {
        nd_array *x = arr(3, sh[i], true, 10 + (unsigned)i);
        check(K_FFT, x, 0);
        check(K_IFFT, x, 0);
        nd_free(x);
    }
}

static void test_rfft(void)
{
    ptrdiff_t s2[2] = { 37, 23 }, s3[3] = { 9, 7, 6 }, s4[2] = { 3, 8 };
    nd_array *x = arr(2, s2, false, 20), *y = arr(3, s3, false, 21), *z = arr(2, s4, false, 22);
    check(K_RFFT, x, 0);
    check(K_RFFT, y, 0);
    check(K_RFFT, z, 0);
    nd_free(x);
    nd_free(y);
    nd_free(z);
}

static void test_irfft(void)
{
    ptrdiff_t s2[2] = { 37, 12 }, s3[3] = { 9, 7, 4 };
    nd_array *x = arr(2, s2, true, 30), *y = arr(3, s3, true, 31);
    check(K_IRFFT, x, 0);  /* default: 2 (m - 1) = 22 */
    check(K_IRFFT, x, 23); /* odd: 23 / 2 + 1 = 12 entries used */
    check(K_IRFFT, x, 15); /* shorter: the last axis is cut to 8 */
    check(K_IRFFT, x, 29); /* longer: zero-padded to 15 */
    check(K_IRFFT, y, 0);
    check(K_IRFFT, y, 7);
    nd_free(x);
    nd_free(y);
}

/* forward transposed out, then the inverse reads it transposed in: the original back. */
static void test_round_trip(void)
{
    ptrdiff_t s2[2] = { 37, 23 }, s3[3] = { 9, 7, 6 };
    for (int i = 0; i < 2; i++) {
        nd_array *x = i == 0 ? arr(2, s2, true, 40) : arr(3, s3, true, 41);
        nd_dist *da = mpi_scatter0(x, NULL);
        nd_dist_fft_opts o = { ND_FFT_ORTHO, true, 0, ND_FFT_ESTIMATE };
        nd_dist *f = nd_dist_fftn(da, &o);
        CU_ASSERT(f && nd_dist_distribution(f).axis == 1);
        o.transposed_out = false;
        nd_dist *b = nd_dist_ifftn(f, &o);
        CU_ASSERT(b && nd_dist_distribution(b).axis == 0);
        nd_array *g = mpi_all(b);
        CU_ASSERT(rel_err(g, x) <= TOL);
        nd_free(g);
        nd_dist_free(b);
        nd_dist_free(f);
        nd_dist_free(da);
        nd_free(x);
    }
    /* real: rfft transposed out, irfft transposed in */
    nd_array *x = arr(2, s2, false, 42);
    nd_dist *da = mpi_scatter0(x, NULL);
    nd_dist_fft_opts o = { ND_FFT_BACKWARD, true, 0, ND_FFT_ESTIMATE };
    nd_dist *f = nd_dist_rfft2(da, &o);
    CU_ASSERT(f && nd_dist_distribution(f).axis == 1 && nd_dist_shape(f)[1] == 12);
    o.transposed_out = false;
    o.last = 23;
    nd_dist *b = nd_dist_irfft2(f, &o);
    nd_array *g = mpi_all(b);
    CU_ASSERT(rel_err(g, x) <= TOL);
    nd_free(g);
    nd_dist_free(b);
    nd_dist_free(f);
    nd_dist_free(da);
    nd_free(x);
}

/* Other input dtypes are transformed in double precision. */
static void test_dtypes(void)
{
    ptrdiff_t s2[2] = { 7, 9 };
    nd_array *x = arr(2, s2, false, 50), *x32 = nd_astype(x, ND_FLOAT32, ND_CAST_UNSAFE);
    nd_array *back = nd_astype(x32, ND_FLOAT64, ND_CAST_UNSAFE), *ref = nd_fftn(back);
    nd_dist *da = mpi_scatter0(x32, NULL), *f = nd_dist_fft2(da, NULL);
    CU_ASSERT(f && nd_dist_dtype(f) == ND_COMPLEX128);
    nd_array *g = mpi_all(f);
    CU_ASSERT(rel_err(g, ref) <= TOL);
    nd_free(g);
    nd_dist_free(f);
    nd_dist_free(da);
    nd_array *xi = nd_astype(x, ND_INT64, ND_CAST_UNSAFE), *ri = nd_rfftn(xi);
    da = mpi_scatter0(xi, NULL);
    f = nd_dist_rfftn(da, NULL);
    g = mpi_all(f);
    CU_ASSERT(rel_err(g, ri) <= TOL);
    nd_free(g);
    nd_dist_free(f);
    nd_dist_free(da);
    nd_free(xi);
    nd_free(ri);
    nd_free(x);
    nd_free(x32);
    nd_free(back);
    nd_free(ref);
}

static void test_errors(void)
{
    nd_dist *v = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(8), ND_COMPLEX128, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_fftn(v, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_dist *c3 = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 3, 2), ND_COMPLEX128, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_fft2(c3, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "2-D") != NULL);
    CU_ASSERT_PTR_NULL(nd_dist_rfftn(c3, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_dist_fft_opts o = { ND_FFT_BACKWARD, true, 0, ND_FFT_ESTIMATE };
    CU_ASSERT_PTR_NULL(nd_dist_irfftn(c3, &o));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_dist *z = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 0), ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_fft2(z, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "invalid number of data points") != NULL);
    nd_dist *one = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 1), ND_COMPLEX128, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_irfft2(one, NULL)); /* 2 (1 - 1) = 0 points */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* an option or an array that differs on the last rank: the same error everywhere */
    if (mpi_size > 1) {
        char want[32];
        snprintf(want, sizeof want, "rank %d: ", mpi_size - 1);
        nd_dist_fft_opts p = { mpi_rank == mpi_size - 1 ? ND_FFT_ORTHO : ND_FFT_BACKWARD, false, 0, ND_FFT_ESTIMATE };
        nd_dist *c2 = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 3), ND_COMPLEX128, NULL);
        CU_ASSERT_PTR_NULL(nd_dist_fft2(c2, &p));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT(strncmp(nd_errmsg(), want, strlen(want)) == 0);
        CU_ASSERT(strstr(nd_errmsg(), "differs from rank 0's") != NULL);
        /* irfft2's output length on the last rank only */
        nd_dist_fft_opts q = { ND_FFT_BACKWARD, false, mpi_rank == mpi_size - 1 ? 5 : 4, ND_FFT_ESTIMATE };
        CU_ASSERT_PTR_NULL(nd_dist_irfft2(c2, &q));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT(strncmp(nd_errmsg(), want, strlen(want)) == 0);
        nd_dist_free(c2);
    }
    nd_dist_free(one);
    nd_dist_free(z);
    nd_dist_free(c3);
    nd_dist_free(v);
}

static const ND_TEST tests[] = { ND_T(test_fft_2d), ND_T(test_fft_3d), ND_T(test_rfft), ND_T(test_irfft),
                                 ND_T(test_round_trip), ND_T(test_dtypes), ND_T(test_errors), { NULL, NULL } };

ND_MPI_TEST_MAIN("mpi_fft", tests)

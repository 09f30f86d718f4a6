/* Spectral and correlation plots (psd, csd, cohere, specgram, *_spectrum, acorr, xcorr,
 * spy) against matplotlib 3.6's returned arrays (scripts/gen_spectral_fixtures.py writes
 * tests/data/spectral.txt), their errors, and a golden image of examples/plot_spectral.c. */
#define SPECTRAL_NO_MAIN
#include "../examples/plot_spectral.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FX NUMC_TEST_DATA "/spectral.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"
#define CAP 300000

static double *buf(void) { return malloc(sizeof(double) * CAP); }

/* the fixture `name` as a 1-D float64 (or complex128 when complex) array */
static nd_array *load(const char *name, bool cplx)
{
    double *v = buf();
    int n = fixture_values(FX, name, v, CAP);
    CU_ASSERT_FATAL(n > 0);
    ptrdiff_t sh = cplx ? n / 2 : n;
    nd_array *a = nd_from_buffer(v, 1, &sh, cplx ? ND_COMPLEX128 : ND_FLOAT64);
    free(v);
    return a;
}

/* got (float64 or complex128, any shape) equals fixture `name` within rtol relative to the
 * largest magnitude (atol = rtol * max|want|) */
static bool same_(const char *name, const nd_array *got, double rtol, bool angle)
{
    double *want = buf();
    int n = fixture_values(FX, name, want, CAP);
    bool ok = got && n > 0;
    int m = got ? (int)nd_size(got) * (nd_dtype_of(got) == ND_COMPLEX128 ? 2 : 1) : -1;
    if (ok && m != n) {
        printf("\n  %s: %d values, want %d\n", name, m, n);
        ok = false;
    }
    double big = 0;
    for (int i = 0; ok && i < n; i++) big = fmax(big, fabs(want[i]));
    const double *g = ok ? nd_data(got) : NULL;
    for (int i = 0; ok && i < n; i++)
        if (!(fabs(angle ? remainder(g[i] - want[i], 6.283185307179586476925) : g[i] - want[i]) <= rtol * big)) {
            printf("\n  %s[%d]: got %.17g want %.17g\n", name, i, g[i], want[i]);
            ok = false;
        }
    free(want);
    return ok;
}

/* Angles at the Nyquist bin of real data sit at +-pi by the sign of the FFT's rounding noise
 * (numpy's pocketfft and FFTW differ there; unwrapped phases then differ by 2 pi per column):
 * angle and phase fixtures compare modulo 2 pi. */
static bool same(const char *name, const nd_array *got, double rtol)
{
    return same_(name, got, rtol, strstr(name, "angle") || strstr(name, "phase"));
}

static nplot_figure *fig_ax(nplot_axes **ax)
{
    nplot_figure *fig = nplot_figure_new();
    *ax = nplot_subplot(fig, 1, 1, 1);
    return fig;
}

static void test_psd_matches_mlab(void)
{
    struct { const char *name, *data; int nfft; double fs; const char *det, *win; int nov, pad; const char *sides; bool sbf; } c[] = {
        { "psd_default", "x", 256, 2, "none", "hanning", 0, 0, "default", true },
        { "psd_mean_ovl", "x", 128, 10, "mean", "hanning", 64, 0, "default", true },
        { "psd_linear_pad_two", "x", 100, 2, "linear", "hamming", 30, 301, "twosided", true },
        { "psd_odd_nosbf", "x", 101, 5, "mean", "blackman", 50, 128, "onesided", false },
        { "psd_short", "short", 256, 2, "none", "hanning", 0, 0, "default", true },
        { "psd_complex", "xc", 128, 1, "none", "hanning", 64, 0, "default", true },
        { "psd_complex_lin_one", "xc", 64, 1, "linear", "bartlett", 0, 90, "onesided", true },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        nplot_axes *ax;
        nplot_figure *fig = fig_ax(&ax);
        nd_array *x = load(c[i].data, !strcmp(c[i].data, "xc")), *P = NULL, *f = NULL;
        char name[64];
        CU_ASSERT_EQUAL(nplot_psd(ax, x, .NFFT = c[i].nfft, .Fs = c[i].fs, .detrend = c[i].det,
                                  .window_name = c[i].win, .noverlap = c[i].nov, .pad_to = c[i].pad,
                                  .sides = c[i].sides, .scale_by_freq = c[i].sbf ? 0 : NPLOT_OFF,
                                  .result = &P, .freqs = &f), ND_OK);
        snprintf(name, sizeof name, "%s_P", c[i].name);
        if (!same(name, P, 1e-12)) { printf("  (case %s)\n", c[i].name); CU_FAIL("psd values"); }
        snprintf(name, sizeof name, "%s_f", c[i].name);
        CU_ASSERT(same(name, f, 1e-14));
        nd_free(x), nd_free(P), nd_free(f);
        nplot_figure_free(fig);
    }
}

static void test_csd_cohere_match_mlab(void)
{
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    nd_array *x = load("x", false), *y = load("y", false), *P = NULL, *f = NULL;
    CU_ASSERT_EQUAL(nplot_csd(ax, x, y, .result = &P, .freqs = &f), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(P), ND_COMPLEX128);
    CU_ASSERT(same("csd_default_P", P, 1e-12));
    CU_ASSERT(same("csd_default_f", f, 1e-14));
    nd_free(P), nd_free(f);
    CU_ASSERT_EQUAL(nplot_csd(ax, x, y, .NFFT = 128, .detrend = "mean", .noverlap = 64, .pad_to = 200,
                              .sides = "twosided", .result = &P, .freqs = &f), ND_OK);
    CU_ASSERT(same("csd_mean_P", P, 1e-12));
    CU_ASSERT(same("csd_mean_f", f, 1e-14));
    nd_free(P), nd_free(f);
    CU_ASSERT_EQUAL(nplot_cohere(ax, x, y, .NFFT = 128, .noverlap = 64, .result = &P, .freqs = &f), ND_OK);
    CU_ASSERT(same("cohere_C", P, 1e-10));
    CU_ASSERT(same("cohere_f", f, 1e-14));
    nd_free(P), nd_free(f), nd_free(x), nd_free(y);
    nplot_figure_free(fig);
}

static void test_specgram_matches_mlab(void)
{
    struct { const char *name, *data; int nfft, nov; const char *mode; int pad; const char *sides, *det; } c[] = {
        { "spec_default", "x", 256, 128, "psd", 0, "default", "none" },
        { "spec_mag", "x", 64, 32, "magnitude", 0, "default", "mean" },
        { "spec_angle", "x", 64, NPLOT_OFF, "angle", 0, "default", "none" },
        { "spec_phase_two", "x", 50, 10, "phase", 80, "twosided", "none" },
        { "spec_complex", "xc", 128, 64, "psd", 0, "default", "linear" },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        nplot_axes *ax;
        nplot_figure *fig = fig_ax(&ax);
        nd_array *x = load(c[i].data, !strcmp(c[i].data, "xc")), *S = NULL, *f = NULL, *t = NULL;
        char name[64];
        double shape[2] = { -1, -1 };
        CU_ASSERT_EQUAL(nplot_specgram(ax, x, .NFFT = c[i].nfft, .noverlap = c[i].nov, .mode = c[i].mode,
                                       .pad_to = c[i].pad, .sides = c[i].sides, .detrend = c[i].det,
                                       .result = &S, .freqs = &f, .t = &t), ND_OK);
        snprintf(name, sizeof name, "%s_shape", c[i].name);
        CU_ASSERT_EQUAL(fixture_values(FX, name, shape, 2), 2);
        CU_ASSERT(S && nd_ndim(S) == 2 && nd_shape(S)[0] == shape[0] && nd_shape(S)[1] == shape[1]);
        snprintf(name, sizeof name, "%s_S", c[i].name);
        if (!same(name, S, 1e-11)) { printf("  (case %s)\n", c[i].name); CU_FAIL("specgram values"); }
        snprintf(name, sizeof name, "%s_f", c[i].name);
        CU_ASSERT(same(name, f, 1e-14));
        snprintf(name, sizeof name, "%s_t", c[i].name);
        CU_ASSERT(same(name, t, 1e-14));
        /* the image spans the segment centres widened by (NFFT - noverlap) / Fs / 2 */
        double lo, hi, step = c[i].nfft - (c[i].nov == NPLOT_OFF ? 0 : c[i].nov);
        nplot_get_xlim(ax, &lo, &hi);
        const double *tv = nd_data(t);
        CU_ASSERT_DOUBLE_EQUAL(lo, tv[0] - step / 4, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(hi, tv[nd_size(t) - 1] + step / 4, 1e-12);
        nd_free(x), nd_free(S), nd_free(f), nd_free(t);
        nplot_figure_free(fig);
    }
}

/* specgram of x (n samples) with NFFT 64, noverlap 32, detrend mean: the (33, nseg) result */
static nd_array *long_specgram(const double *x, ptrdiff_t n)
{
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    nd_array *a = nd_from_buffer(x, 1, &n, ND_FLOAT64), *S = NULL;
    CU_ASSERT_EQUAL(nplot_specgram(ax, a, .NFFT = 64, .noverlap = 32, .detrend = "mean", .result = &S), ND_OK);
    nd_free(a);
    nplot_figure_free(fig);
    return S;
}

/* A long signal is transformed in blocks of segments shared out between threads: every
 * column is the spectrum of its own segment alone (segments at the block and chunk
 * edges), and one or two threads give the same bits. */
static void test_specgram_blocks_are_segments(void)
{
    enum { N = 40000, NFFT = 64, STEP = 32, NSEG = (N - NFFT) / STEP + 1, NF = NFFT / 2 + 1 };
    double *x = malloc(sizeof(double) * N);
    for (int i = 0; i < N; i++) x[i] = sin(0.05 * i + 1e-5 * (double)i * i) + 0.3 * cos(1.7 * i);
    int nt = nd_get_num_threads();
    nd_set_num_threads(2);
    nd_array *S2 = long_specgram(x, N);
    nd_set_num_threads(1);
    nd_array *S1 = long_specgram(x, N);
    nd_set_num_threads(nt);
    CU_ASSERT_FATAL(S1 && S2 && nd_shape(S1)[0] == NF && nd_shape(S1)[1] == NSEG);
    CU_ASSERT(memcmp(nd_data(S1), nd_data(S2), sizeof(double) * NF * NSEG) == 0);
    const double *v = nd_data(S1);
    const int segs[] = { 0, 1, 63, 64, 65, 511, 512, 513, 1023, 1024, NSEG - 1 };
    for (size_t k = 0; k < sizeof segs / sizeof *segs; k++) {
        int s = segs[k];
        /* one segment (the last one ends at the signal's end) */
        ptrdiff_t len = N - s * STEP < NFFT + STEP - 1 ? N - s * STEP : NFFT + STEP - 1;
        nd_array *one = long_specgram(x + s * STEP, len);
        CU_ASSERT_FATAL(one && nd_shape(one)[0] == NF && nd_shape(one)[1] == 1);
        const double *w = nd_data(one);
        double big = 0; /* FFTW's rounding differs with the number of transforms at a time */
        for (int f = 0; f < NF; f++) big = fmax(big, w[f]);
        for (int f = 0; f < NF; f++)
            if (!(fabs(v[f * NSEG + s] - w[f]) <= 1e-13 * big)) {
                printf("\n  segment %d bin %d: got %.17g want %.17g\n", s, f, v[f * NSEG + s], w[f]);
                CU_FAIL("a column is not its segment's spectrum");
                break;
            }
        nd_free(one);
    }
    nd_free(S1), nd_free(S2);
    free(x);
}

static void test_single_spectra_match_mlab(void)
{
    nd_array *x = load("s64", false);
    const char *kinds[3] = { "magnitude", "angle", "phase" };
    for (int k = 0; k < 3; k++)
        for (int v = 0; v < 2; v++) {
            nplot_axes *ax;
            nplot_figure *fig = fig_ax(&ax);
            nd_array *S = NULL, *f = NULL;
            int pad = v ? 100 : 0;
            const char *sides = v ? "twosided" : NULL;
            nd_status st = k == 0 ? nplot_magnitude_spectrum(ax, x, .Fs = 3, .pad_to = pad, .sides = sides, .result = &S, .freqs = &f)
                         : k == 1 ? nplot_angle_spectrum(ax, x, .Fs = 3, .pad_to = pad, .sides = sides, .result = &S, .freqs = &f)
                                  : nplot_phase_spectrum(ax, x, .Fs = 3, .pad_to = pad, .sides = sides, .result = &S, .freqs = &f);
            CU_ASSERT_EQUAL(st, ND_OK);
            char name[64];
            snprintf(name, sizeof name, "%s%s_S", kinds[k], v ? "_pad_two" : "");
            if (!same(name, S, 1e-12)) { printf("  (%s)\n", name); CU_FAIL("single spectrum"); }
            snprintf(name, sizeof name, "%s%s_f", kinds[k], v ? "_pad_two" : "");
            CU_ASSERT(same(name, f, 1e-14));
            nd_free(S), nd_free(f);
            nplot_figure_free(fig);
        }
    nd_free(x);
}

static void test_acorr_xcorr_match_matplotlib(void)
{
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    nd_array *x = load("x", false), *y = load("y", false), *lags = NULL, *c = NULL;
    CU_ASSERT_EQUAL(nplot_acorr(ax, x, .lags = &lags, .correls = &c), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(lags), ND_INT64);
    CU_ASSERT_EQUAL(nd_size(lags), 21);
    CU_ASSERT_EQUAL(((long long *)nd_data(lags))[0], -10);
    CU_ASSERT(same("acorr_c", c, 1e-13));
    /* vlines then the line at 0 */
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(nplot_get_artist(ax, -2)), "segments");
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(nplot_get_artist(ax, -1)), "line");
    nd_free(lags), nd_free(c);
    CU_ASSERT_EQUAL(nplot_xcorr(ax, x, y, .maxlags = 20, .normed = NPLOT_OFF, .detrend = "mean", .correls = &c), ND_OK);
    CU_ASSERT(same("xcorr_mean_raw_c", c, 1e-12));
    nd_free(c);
    nd_array *x50 = nd_from_buffer(nd_data(x), 1, (ptrdiff_t[]){ 50 }, ND_FLOAT64);
    nd_array *y50 = nd_from_buffer(nd_data(y), 1, (ptrdiff_t[]){ 50 }, ND_FLOAT64);
    ptrdiff_t before = nplot_artist_count(ax);
    CU_ASSERT_EQUAL(nplot_xcorr(ax, x50, y50, .maxlags = -1, .usevlines = NPLOT_OFF, .detrend = "linear",
                                .correls = &c), ND_OK);
    CU_ASSERT(same("xcorr_linear_all_c", c, 1e-12));
    CU_ASSERT_EQUAL(nplot_artist_count(ax), before + 1); /* markers only */
    nd_free(c), nd_free(x50), nd_free(y50), nd_free(x), nd_free(y);
    nplot_figure_free(fig);
}

static void test_axes_psd_ticks_labels_fc(void)
{
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    nd_array *x = load("x", false), *f = NULL;
    CU_ASSERT_EQUAL(nplot_psd(ax, x, .NFFT = 128, .Fs = 10, .Fc = 3, .freqs = &f), ND_OK);
    CU_ASSERT(same("axes_psd_f", f, 1e-14));
    double want[16], got[16], lim[2] = { NAN, NAN }, lo, hi;
    int n = fixture_values(FX, "axes_psd_yticks", want, 16);
    CU_ASSERT_EQUAL(nplot_get_yticks(ax, got, 16), n);
    for (int i = 0; i < n; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-9);
    fixture_values(FX, "axes_psd_ylim", lim, 2);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, lim[0], 1e-6 * fabs(lim[0]));
    CU_ASSERT_DOUBLE_EQUAL(hi, lim[1], 1e-6 * fabs(lim[1]));
    nd_free(f), nd_free(x);
    nplot_figure_free(fig);
}

#define EXPECT_ERR(call, code, msg)                                              \
    do {                                                                         \
        nplot_axes *ax_;                                                         \
        nplot_figure *f_ = fig_ax(&ax_);                                         \
        nplot_axes *ax = ax_;                                                    \
        CU_ASSERT_EQUAL(call, code);                                             \
        if (!strstr(nd_errmsg(), msg)) printf("\n  message: %s\n", nd_errmsg()); \
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), msg));                        \
        nplot_figure_free(f_);                                                   \
    } while (0)

static void test_bad_input(void)
{
    nd_array *x = load("x", false), *s = load("short", false), *P = NULL;
    EXPECT_ERR(nplot_psd(ax, x, .NFFT = 64, .noverlap = 64), ND_EVALUE, "noverlap must be less than NFFT");
    EXPECT_ERR(nplot_csd(ax, x, s), ND_ESHAPE, "same length, got 1000 and 100");
    EXPECT_ERR(nplot_cohere(ax, s, s, .NFFT = 64), ND_EVALUE, "too short");
    EXPECT_ERR(nplot_xcorr(ax, x, s), ND_ESHAPE, "equal length");
    EXPECT_ERR(nplot_acorr(ax, s, .maxlags = 100), ND_EVALUE, "strictly positive < 100");
    EXPECT_ERR(nplot_psd(ax, x, .detrend = "cubic"), ND_EVALUE, "'cubic'");
    EXPECT_ERR(nplot_psd(ax, x, .window_name = "kaiser"), ND_EVALUE, "'kaiser'");
    EXPECT_ERR(nplot_psd(ax, x, .window = s), ND_EVALUE, "window length");
    EXPECT_ERR(nplot_psd(ax, x, .sides = "both"), ND_EVALUE, "'both'");
    EXPECT_ERR(nplot_psd(ax, x, .NFFT = 64, .pad_to = 32), ND_EVALUE, "pad_to");
    EXPECT_ERR(nplot_specgram(ax, x, .mode = "complex"), ND_EVALUE, "complex specgram");
    EXPECT_ERR(nplot_specgram(ax, x, .mode = "angle", .scale = "dB"), ND_EVALUE, "dB scale");
    EXPECT_ERR(nplot_spy(ax, x), ND_ESHAPE, "2-D");
    EXPECT_ERR(nplot_psd(ax, NULL), ND_EVALUE, "x is required");
    /* NFFT > len: zero-filled to NFFT as matplotlib (one segment); specgram warns */
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    CU_ASSERT_EQUAL(nplot_psd(ax, s, .result = &P), ND_OK);
    CU_ASSERT(same("psd_short_P", P, 1e-12));
    nd_free(P);
    CU_ASSERT_EQUAL(nplot_specgram(ax, s, .result = &P), ND_OK);
    CU_ASSERT(P && nd_shape(P)[1] == 1);
    nd_free(P);
    nplot_figure_free(fig);
    nd_free(x), nd_free(s);
}

static void test_spy_modes(void)
{
    double z[12] = { 1, 0, 0, 2, 0, 0.05, 3, 0, 0, 0, 0, 4 };
    nd_array *za = nd_from_buffer(z, 2, (ptrdiff_t[]){ 3, 4 }, ND_FLOAT64);
    nplot_axes *ax;
    nplot_figure *fig = fig_ax(&ax);
    CU_ASSERT_EQUAL(nplot_spy(ax, za, .precision = 0.1, .markersize = 4), ND_OK);
    double lo, hi, xs[16], ys[16];
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 3.5, 1e-12);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 2.5, 1e-12); /* origin upper: inverted */
    CU_ASSERT_DOUBLE_EQUAL(hi, -0.5, 1e-12);
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, xs, 16), 4);
    CU_ASSERT_EQUAL(nplot_get_yticks(ax, ys, 16), 3);
    nplot_figure_free(fig);
    /* image mode: entries black, zeros white */
    fig = nplot_figure_new(.width = 4, .height = 3);
    ax = bare_axes(fig, -0.5, 3.5, 2.5, -0.5);
    CU_ASSERT_EQUAL(nplot_spy(ax, za), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0, 0), 0, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, 1, 1), 0, 0, 0, 8)); /* 0.05 > precision 0 */
    CU_ASSERT(near(at_data(&m, ax, 1, 0), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 3, 2), 0, 0, 0, 8));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(za);
}

static void test_golden_spectral(void)
{
    nplot_figure *fig = spectral_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    /* structure: the specgram panel is mostly colormapped (not white) pixels */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int colored = 0, total = 0;
    for (int y = (int)(m.h * 0.12); y < (int)(m.h * 0.42); y += 3)
        for (int x = (int)(m.w * 0.62); x < (int)(m.w * 0.92); x += 3, total++)
            colored += !near(at(&m, x, y), 255, 255, 255, 10);
    CU_ASSERT(colored > total * 9 / 10);
    free(m.px);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "spectral");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/spectral.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden spectral: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_psd_matches_mlab),
    ND_T(test_csd_cohere_match_mlab),
    ND_T(test_specgram_matches_mlab),
    ND_T(test_specgram_blocks_are_segments),
    ND_T(test_single_spectra_match_mlab),
    ND_T(test_acorr_xcorr_match_matplotlib),
    ND_T(test_axes_psd_ticks_labels_fc),
    ND_T(test_bad_input),
    ND_T(test_spy_modes),
    ND_T(test_golden_spectral),
    { 0 },
};

ND_TEST_MAIN("plot_spectral", tests)

/* violinplot: the KDE densities, statistics lines and quantiles against matplotlib 3.6's
 * cbook.violin_stats / mlab.GaussianKDE (tests/data/violin.txt from
 * scripts/gen_violin_fixtures.py), the body's extent (widest point widths / 2 from the
 * position) through the data limits and pixels, the line positions, and bad input. */
#define VIOLIN_NO_MAIN
#include "../examples/violin.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "plot_image.h"
#include "testutil.h"

#define FX NUMC_TEST_DATA "/violin.txt"
#define GOLDEN NUMC_TEST_DATA "/plot"

static bool close_all(const double *got, const double *want, int n, double rtol)
{
    for (int i = 0; i < n; i++)
        if (!(fabs(got[i] - want[i]) <= rtol * fabs(want[i]) + 1e-300)) {
            printf("\n  [%d] got %.17g want %.17g\n", i, got[i], want[i]);
            return false;
        }
    return true;
}

static void check_kde(const char *set, const char *tag, const char *bw, double factor)
{
    char name[64];
    double data[256], coords[128], want[128], got[128];
    snprintf(name, sizeof name, "data_%s", set);
    int n = fixture_values(FX, name, data, 256);
    snprintf(name, sizeof name, "%s_%s_coords", set, tag);
    int m = fixture_values(FX, name, coords, 128);
    snprintf(name, sizeof name, "%s_%s_vals", set, tag);
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, want, 128), m);
    CU_ASSERT_FATAL(n > 10 && m > 10);
    CU_ASSERT_EQUAL(nplot_violin_kde(data, (size_t)n, bw, factor, coords, (size_t)m, got), ND_OK);
    CU_ASSERT(close_all(got, want, m, 1e-12));
    /* the same points in reverse order (not an increasing linspace: the direct sum) */
    double rc[128], rw[128];
    for (int j = 0; j < m; j++) rc[j] = coords[m - 1 - j], rw[j] = want[m - 1 - j];
    CU_ASSERT_EQUAL(nplot_violin_kde(data, (size_t)n, bw, factor, rc, (size_t)m, got), ND_OK);
    CU_ASSERT(close_all(got, rw, m, 1e-12));
    /* the evaluation points are np.linspace(min, max, points) */
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) lo = fmin(lo, data[i]), hi = fmax(hi, data[i]);
    CU_ASSERT_EQUAL(coords[0], lo);
    CU_ASSERT_EQUAL(coords[m - 1], hi);
    CU_ASSERT(fabs(coords[1] - (lo + (hi - lo) / (m - 1))) < 1e-12);
}

static void test_kde_matches_matplotlib(void)
{
    const char *sets[2] = { "a", "b" };
    for (int i = 0; i < 2; i++) {
        check_kde(sets[i], "scott", NULL, 0);
        check_kde(sets[i], "scott", "scott", 0);
        check_kde(sets[i], "silverman", "silverman", 0);
        check_kde(sets[i], "scalar", NULL, 0.3);
    }
}

static void test_kde_equal_values_and_errors(void)
{
    double v[3] = { 2, 2, 2 }, c[3] = { 1, 2, 3 }, out[3];
    CU_ASSERT_EQUAL(nplot_violin_kde(v, 3, NULL, 0, c, 3, out), ND_OK);
    CU_ASSERT(out[0] == 0 && out[1] == 1 && out[2] == 0);
    CU_ASSERT_EQUAL(nplot_violin_kde(v, 0, NULL, 0, c, 3, out), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "empty"));
    double w[3] = { 1, NAN, 2 };
    CU_ASSERT_EQUAL(nplot_violin_kde(w, 3, NULL, 0, c, 3, out), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "NaN"));
    CU_ASSERT_EQUAL(nplot_violin_kde(c, 3, "foo", 0, c, 3, out), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'foo'"));
    CU_ASSERT_EQUAL(nplot_violin_kde(c, 3, "scott", 0.5, c, 3, out), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_violin_kde(c, 3, NULL, INFINITY, c, 3, out), ND_EVALUE);
}

/* the two fixture datasets as violins 1 and 2: lines and body extents by pixels */
static void test_violin_lines_and_body(void)
{
    double a[256], b[256], la[4], lb[4], qa[3];
    int na = fixture_values(FX, "data_a", a, 256), nb = fixture_values(FX, "data_b", b, 256);
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, "a_scott_lines", la, 4), 4);
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, "b_scott_lines", lb, 4), 4);
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, "a_scott_quantiles", qa, 3), 3);
    const double *d[2] = { a, b };
    size_t lens[2] = { (size_t)na, (size_t)nb };
    nplot_f64s qs[2] = { NPLOT_F64_ARRAY(((double[]){ 0.1, 0.5, 0.9 }), 3), { 0 } };
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 6);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    CU_ASSERT_EQUAL_FATAL(nplot_violinplot_xy(ax, d, lens, 2, .showmeans = true, .showmedians = true,
                                              .quantiles = qs), ND_OK);
    /* autoscaled: the bodies reach 1 - 0.25 and 2 + 0.25 exactly (5 % margins) */
    double x0, x1, y0, y1;
    nplot_get_xlim(ax, &x0, &x1);
    nplot_get_ylim(ax, &y0, &y1);
    CU_ASSERT(fabs(x0 - (0.75 - 0.05 * 1.5)) < 1e-9 && fabs(x1 - (2.25 + 0.05 * 1.5)) < 1e-9);
    double lo = fmin(la[2], lb[2]), hi = fmax(la[3], lb[3]);
    CU_ASSERT(fabs(y0 - (lo - 0.05 * (hi - lo))) < 1e-9 && fabs(y1 - (hi + 0.05 * (hi - lo))) < 1e-9);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* C0 lines: the max / min caps and the median span pos ± 0.125; the bar at pos */
    CU_ASSERT(near(at_data(&m, ax, 1.1, la[3]), 31, 119, 180, 40));
    CU_ASSERT(near(at_data(&m, ax, 0.9, la[2]), 31, 119, 180, 40));
    CU_ASSERT(near(at_data(&m, ax, 1.15, la[2]), 255, 255, 255, 8)); /* beyond the cap */
    CU_ASSERT(near(at_data(&m, ax, 2.1, lb[3]), 31, 119, 180, 40));
    CU_ASSERT(near(at_data(&m, ax, 1.0, 0.5 * (la[3] + qa[2])), 31, 119, 180, 40)); /* the bar */
    CU_ASSERT(near(at_data(&m, ax, 1.1, qa[0]), 31, 119, 180, 40));  /* quantile 0.1 */
    CU_ASSERT(near(at_data(&m, ax, 1.1, qa[2]), 31, 119, 180, 40));  /* quantile 0.9 */
    /* the body near its widest: C0 at alpha 0.3 over white, none past pos ± 0.25 */
    double pa = 1.0, pb = la[1];
    const unsigned char *p = at_data(&m, ax, pa + 0.2, pb);
    CU_ASSERT(near(p, 188, 213, 232, 20));
    CU_ASSERT(near(at_data(&m, ax, pa + 0.27, pb), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, pa - 0.27, pb), 255, 255, 255, 8));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_violin_array_horizontal_and_errors(void)
{
    /* 2-D (n, 2): one violin per column, horizontal: the value axis is x */
    nd_array *d = nd_arange(0, 40, 1, ND_FLOAT64);
    nd_array *r = nd_reshape(d, 2, (ptrdiff_t[]){ 20, 2 });
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_violinplot(ax, r, .vert = NPLOT_OFF, .widths = 0.8,
                                     .bw_method = "silverman"), ND_OK);
    double x0, x1, y0, y1;
    nplot_get_xlim(ax, &x0, &x1);
    nplot_get_ylim(ax, &y0, &y1);
    CU_ASSERT(fabs(x0 - (0 - 0.05 * 39)) < 1e-9 && fabs(x1 - (39 + 0.05 * 39)) < 1e-9);
    CU_ASSERT(fabs(y0 - (0.6 - 0.05 * 1.8)) < 1e-9 && fabs(y1 - (2.4 + 0.05 * 1.8)) < 1e-9);
    nplot_figure_free(fig);
    /* bad input: each on a fresh figure (a figure keeps its first error) */
#define BAD(call, code, msg)                                           \
    do {                                                               \
        fig = nplot_figure_new();                                      \
        ax = nplot_subplot(fig, 1, 1, 1);                              \
        CU_ASSERT_EQUAL(call, code);                                   \
        if (msg) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), msg ? msg : "")); \
        nplot_figure_free(fig);                                        \
    } while (0)
    static const char *none = NULL;
    BAD(nplot_violinplot(ax, r, .bw_method = "bad"), ND_EVALUE, "'bad'");
    nplot_f64s bq[2] = { NPLOT_F64_ARRAY(((double[]){ 1.5 }), 1), { 0 } };
    BAD(nplot_violinplot(ax, r, .quantiles = bq), ND_EVALUE, "1.5");
    BAD(nplot_violinplot(ax, r, .widths = -1), ND_EVALUE, "widths");
    BAD(nplot_violinplot(ax, r, .positions = NPLOT_F64_ARRAY(((double[]){ 1 }), 1)), ND_EVALUE, "positions");
    nd_array *cube = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    BAD(nplot_violinplot(ax, cube), ND_ESHAPE, "3 dimensions");
    BAD(nplot_violinplot(ax, NULL), ND_EVALUE, "NULL");
    double v[2] = { 1, NAN };
    const double *dd[2] = { v, v };
    size_t ln[2] = { 1, 0 };
    BAD(nplot_violinplot_xy(ax, dd, ln, 2), ND_EVALUE, "dataset 1 is empty");
    ln[1] = 2;
    BAD(nplot_violinplot_xy(ax, dd, ln, 2), ND_EVALUE, "NaN");
    BAD(nplot_violinplot_xy(ax, dd, ln, 0), ND_OK, none);
#undef BAD
    nd_free(cube);
    nd_free(r);
    nd_free(d);
}

/* notched boxes against the outline vertices of matplotlib's ax.boxplot(notch=True) */
static void test_boxplot_notch_matches_matplotlib(void)
{
    double a[256], b[256];
    int na = fixture_values(FX, "data_a", a, 256), nb = fixture_values(FX, "data_b", b, 256);
    const double *d[2] = { a, b };
    size_t lens[2] = { (size_t)na, (size_t)nb };
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 6);
    nplot_axes *ax = bare_axes(fig, 0.5, 2.5, 0.8, 3.0);
    CU_ASSERT_EQUAL_FATAL(nplot_boxplot_xy(ax, d, lens, 2, .notch = true, .color = "blue",
                                           .mediancolor = "red",
                                           .widths_each = NPLOT_F64_ARRAY(((double[]){ 0.4, 0.6 }), 2)),
                          ND_OK);
    nplot_set_xlim(ax, 0.5, 2.5);
    nplot_set_ylim(ax, 0.8, 3.0);
    nplot_set_xticks(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    const char *sets[2] = { "a", "b" };
    for (int i = 0; i < 2; i++) {
        char name[64];
        double x[11] = { 0 }, y[11] = { 0 }, mx[2] = { 0 };
        snprintf(name, sizeof name, "%s_notch_x", sets[i]);
        CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, x, 11), 11);
        snprintf(name, sizeof name, "%s_notch_y", sets[i]);
        CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, y, 11), 11);
        snprintf(name, sizeof name, "%s_notch_median_x", sets[i]);
        CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, mx, 2), 2);
        /* every outline edge's midpoint is blue (the median line covers the notch tips) */
        for (int j = 0; j < 10; j++) {
            if (y[j] == y[j + 1] && (j == 0 || j == 5)) continue; /* q1 / q3 edges: whiskers cross */
            const unsigned char *pe = at_data(&m, ax, 0.5 * (x[j] + x[j + 1]), 0.5 * (y[j] + y[j + 1]));
            /* a 1-pixel antialiased line: blue-dominant, far from white */
            CU_ASSERT(near(pe, 0, 0, 255, 110));
        }
        /* the median spans the notch only: red at its centre, white between notch and side */
        double pos = 0.5 * (mx[0] + mx[1]);
        CU_ASSERT(near(at_data(&m, ax, pos - 0.02, y[3]), 255, 0, 0, 60));
        CU_ASSERT(near(at_data(&m, ax, 0.5 * (mx[1] + x[2]), y[3]), 255, 255, 255, 8));
        CU_ASSERT(near(at_data(&m, ax, 0.5 * (mx[0] + x[7]), y[3]), 255, 255, 255, 8));
    }
    free(m.px);
    nplot_figure_free(fig);
    /* usermedians / conf_intervals move the median and the notch; lengths are checked */
    fig = nplot_figure_new(.width = 6, .height = 6);
    ax = bare_axes(fig, 0.5, 2.5, 0.8, 3.0);
    double ci[4] = { 1.2, 2.5, NAN, NAN };
    CU_ASSERT_EQUAL_FATAL(nplot_boxplot_xy(ax, d, lens, 2, .notch = true, .color = "blue",
                                           .mediancolor = "red", .widths = 0.4,
                                           .usermedians = NPLOT_F64_ARRAY(((double[]){ 2.2, NAN }), 2),
                                           .conf_intervals = NPLOT_F64_ARRAY(ci, 4)), ND_OK);
    nplot_set_xlim(ax, 0.5, 2.5);
    nplot_set_ylim(ax, 0.8, 3.0);
    nplot_set_xticks(ax, NULL, 0);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.98, 2.2), 255, 0, 0, 60));   /* the user's median */
    CU_ASSERT(near(at_data(&m, ax, 1.15, 1.7), 0, 0, 255, 60));   /* notch edge (1.2,1.2)-(1.1,2.2) */
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot_xy(ax, d, lens, 2, .conf_intervals = NPLOT_F64_ARRAY(ci, 2)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "conf_intervals"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot_xy(ax, d, lens, 2, .widths_each = NPLOT_F64_ARRAY(((double[]){ 1, -1 }), 2)),
                    ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "widths_each[1]"));
    nplot_figure_free(fig);
}

/* examples/violin.c's figure against its reviewed rendering (tests/data/plot/violin.png,
 * checked next to scripts/mpl_violin_reference.py's matplotlib output) */
static void test_golden_violin(void)
{
    nd_array *data = violin_data();
    CU_ASSERT_PTR_NOT_NULL_FATAL(data);
    nplot_figure *fig = violin_figure(data);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "violin");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    nd_free(data);
    if (regen) return;
    double rms = image_rms(GOLDEN "/violin.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden violin: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

/* bootstrap: the notch at the 2.5 / 97.5 percentiles of resampled medians, drawn by numc's
 * generator; the same figure as conf_intervals given the interval computed here */
static img notch_image(const double *a, size_t n, int boot, const double *ci)
{
    const double *d[1] = { a };
    size_t lens[1] = { n };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0.5, 1.5, -1, 5);
    nplot_boxplot_xy(ax, d, lens, 1, .notch = true, .bootstrap = boot, .bootstrap_seed = 11,
                     .conf_intervals = NPLOT_F64_ARRAY(ci, ci ? 2 : 0));
    nplot_set_xlim(ax, 0.5, 1.5);
    nplot_set_ylim(ax, -1, 5);
    nplot_set_xticks(ax, NULL, 0);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    img m = render(fig);
    nplot_figure_free(fig);
    return m;
}

static void test_boxplot_bootstrap_notch(void)
{
    double a[256];
    int n = fixture_values(FX, "data_a", a, 256);
    CU_ASSERT_FATAL(n == 200);
    enum { NB = 500 };
    nd_rng *rng = nd_rng_new(11);
    nd_array *idx = nd_empty(ND_SHAPE(200), ND_INT64);
    nd_array *row = nd_empty(ND_SHAPE(200), ND_FLOAT64), *meds = nd_empty(ND_SHAPE(NB), ND_FLOAT64);
    CU_ASSERT_FATAL(rng && idx && row && meds);
    double *md = nd_data(meds), *rw = nd_data(row);
    for (int b = 0; b < NB; b++) {
        CU_ASSERT_EQUAL_FATAL(nd_rng_integers_into(rng, 0, 200, false, idx), ND_OK);
        const int64_t *ix = nd_data(idx);
        for (int i = 0; i < 200; i++) rw[i] = a[ix[i]];
        nd_array *med = nd_median(row);
        md[b] = nd_get_f64(med, 0, NULL);
        nd_free(med);
    }
    nd_array *qa = nd_from_f64((double[]){ 2.5, 97.5 }, 2);
    nd_array *ci = nd_percentile_(meds, &(nd_quantile_opts){ .qs = qa });
    nd_free(qa);
    double c[2] = { 0, 0 };
    if (ci) nd_to_f64(ci, c);
    CU_ASSERT(c[0] < c[1] && c[0] > 1.0 && c[1] < 2.7);
    img m1 = notch_image(a, 200, NB, NULL), m2 = notch_image(a, 200, 0, c), m3 = notch_image(a, 200, 0, NULL);
    CU_ASSERT_FATAL(m1.px && m2.px && m3.px);
    size_t bytes = (size_t)m1.w * (size_t)m1.h * 4;
    CU_ASSERT(memcmp(m1.px, m2.px, bytes) == 0);
    CU_ASSERT(memcmp(m1.px, m3.px, bytes) != 0); /* not the 1.57 IQR / sqrt(n) notch */
    free(m1.px);
    free(m2.px);
    free(m3.px);
    nd_free(ci);
    nd_free(meds);
    nd_free(row);
    nd_free(idx);
    nd_rng_free(rng);
}

static const ND_TEST tests[] = {
    ND_T(test_kde_matches_matplotlib),
    ND_T(test_kde_equal_values_and_errors),
    ND_T(test_violin_lines_and_body),
    ND_T(test_violin_array_horizontal_and_errors),
    ND_T(test_boxplot_notch_matches_matplotlib),
    ND_T(test_boxplot_bootstrap_notch),
    ND_T(test_golden_violin),
    { 0 },
};

ND_TEST_MAIN("plot_violin", tests)

/* The rest of matplotlib's marker chart: '$...$' mathtext markers, custom vertex markers,
 * (numsides, style, angle) tuples and the fill styles with markerfacecoloralt, against
 * matplotlib 3.6's MarkerStyle paths (tests/markers2_expect.h, written by
 * scripts/mpl_markers2_reference.py), on PNG (stamped and cairo), SVG and PDF, in legend
 * handles and scatter, and examples/plot_markers.c's second chart against its golden and
 * matplotlib's rendering. */
#define MARKERS_NO_MAIN
#include "../examples/plot_markers.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markers2_expect.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot/markers"
#define SIZE_PX (40 * 100 / 72.0)

/* one marker, markersize 40 pt, no edge, at device (100, 100) of a 200 x 200 px figure */
static img one(const char *m, const double *verts, int nverts, const char *fs, const char *alt,
               double mew)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 2);
    nplot_set_ylim(ax, 0, 2);
    nplot_axis(ax, "off");
    double x = 1, y = 1;
    nd_status st = nplot_plot_xy(ax, &x, &y, 1, .marker = m, .marker_verts = { 2 * (size_t)nverts, verts }, .markersize = 40, .color = "C0",
                                 .markeredgewidth = mew, .fillstyle = fs,
                                 .markerfacecoloralt = alt);
    CU_ASSERT_EQUAL(st, ND_OK);
    if (st) fprintf(stderr, "%s\n", nd_errmsg());
    img r = render(fig);
    nplot_figure_free(fig);
    return r;
}

/* the box of pixels darker than half way (x0, y0, x1, y1 as pixel edges) */
static void ink_box(const img *m, double b[4])
{
    int x0 = m->w, y0 = m->h, x1 = -1, y1 = -1;
    for (int y = 0; y < m->h; y++)
        for (int x = 0; x < m->w; x++) {
            const unsigned char *p = at(m, x, y);
            if (p[0] + p[1] + p[2] < 3 * 200) {
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            }
        }
    b[0] = x0, b[1] = y0, b[2] = x1 + 1, b[3] = y1 + 1;
}

static void test_extents(void)
{
    for (size_t i = 0; i < sizeof M2_EXT / sizeof *M2_EXT; i++) {
        const m2_ext *e = &M2_EXT[i];
        bool unfilled = e->marker && strcmp(e->marker, "(4, 2)") == 0; /* an asterisk: lines alone */
        img m = one(e->marker, e->verts, e->nverts, NULL, NULL, unfilled ? 1.0 : 0.0001);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        double b[4], want[4] = { 100 + e->e[0], 100 - e->e[3], 100 + e->e[2], 100 - e->e[1] };
        ink_box(&m, b);
        /* glyph outlines (pango's DejaVu against matplotlib's mathtext) get a little more room */
        double tol = e->marker && e->marker[0] == '$' ? 2.5 : unfilled ? 2.4 : 1.6;
        bool ok = true;
        for (int k = 0; k < 4; k++) ok = ok && fabs(b[k] - want[k]) <= tol;
        if (!ok)
            fprintf(stderr, "marker %s: ink (%g %g %g %g), matplotlib (%.1f %.1f %.1f %.1f)\n", e->name,
                    b[0], b[1], b[2], b[3], want[0], want[1], want[2], want[3]);
        CU_ASSERT(ok);
        free(m.px);
    }
}

static bool is_c0(const unsigned char *p) { return near_rgb(p, 0x1f77b4, 40); }
static bool is_c1(const unsigned char *p) { return near_rgb(p, 0xff7f0e, 40); }

static void test_half_split(void)
{
    for (size_t i = 0; i < sizeof M2_HALF / sizeof *M2_HALF; i++) {
        const m2_half *h = &M2_HALF[i];
        img m = one(h->marker, NULL, 0, h->fillstyle, "C1", 0.0001);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        bool horiz = h->fillstyle[0] == 'l' || h->fillstyle[0] == 'r';
        /* scan across the split through the centre: where the face colour meets the alt */
        double want = horiz ? 100 + h->split * SIZE_PX : 100 - h->split * SIZE_PX;
        bool face_first = h->fillstyle[0] == 'l' || h->fillstyle[0] == 't';
        double got = -1;
        int nface = 0, nalt = 0;
        for (int t = 60; t < 140; t++) {
            const unsigned char *p = horiz ? at(&m, t, 100) : at(&m, 100, t);
            const unsigned char *q = horiz ? at(&m, t + 1, 100) : at(&m, 100, t + 1);
            nface += is_c0(p), nalt += is_c1(p);
            if (got < 0 && (face_first ? is_c0(p) && is_c1(q) : is_c1(p) && is_c0(q))) got = t + 1;
            /* antialiased: one blended pixel between */
            if (got < 0 && t + 2 < 140) {
                const unsigned char *r = horiz ? at(&m, t + 2, 100) : at(&m, 100, t + 2);
                if (face_first ? is_c0(p) && !is_c0(q) && !is_c1(q) && is_c1(r)
                               : is_c1(p) && !is_c0(q) && !is_c1(q) && is_c0(r))
                    got = t + 1.5;
            }
        }
        bool ok = got >= 0 && fabs(got - want) <= 1.5 && nface > 5 && nalt > 5;
        if (!ok)
            fprintf(stderr, "half %s %s: split at %g, matplotlib %.2f (face %d alt %d px)\n", h->marker,
                    h->fillstyle, got, want, nface, nalt);
        CU_ASSERT(ok);
        free(m.px);
    }
    /* fillstyle 'none': only the edge, the inside stays white */
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 2);
    nplot_set_ylim(ax, 0, 2);
    nplot_axis(ax, "off");
    double x = 1;
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, &x, &x, 1, .marker = "s", .markersize = 40, .fillstyle = "none",
                                  .color = "C0"), ND_OK);
    img m = render(fig);
    CU_ASSERT(near_rgb(at(&m, 100, 100), 0xffffff, 2));
    CU_ASSERT(is_c0(at(&m, 100 - SIZE_PX / 2, 100)));
    free(m.px);
    nplot_figure_free(fig);
}

/* count pixels of each colour */
static void count(const img *m, int *c0, int *c1)
{
    *c0 = *c1 = 0;
    for (int y = 0; y < m->h; y++)
        for (int x = 0; x < m->w; x++) *c0 += is_c0(at(m, x, y)), *c1 += is_c1(at(m, x, y));
}

static void test_legend_and_scatter(void)
{
    /* the legend handle of a half-filled line marker shows both halves */
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_axis(ax, "off");
    double far = 5;
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, &far, &far, 1, .marker = "o", .markersize = 20, .fillstyle = "left",
                                  .markerfacecoloralt = "C1", .label = "half", .linestyle = "None"),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_legend(ax, .loc = "center"), ND_OK);
    img m = render(fig);
    int c0, c1;
    count(&m, &c0, &c1);
    if (!(c0 > 100 && c1 > 100)) fprintf(stderr, "legend handle: %d C0, %d C1 px\n", c0, c1);
    CU_ASSERT(c0 > 100 && c1 > 100);
    free(m.px);
    nplot_figure_free(fig);
    /* scatter draws the face half alone (matplotlib's MarkerStyle path) */
    fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 2);
    nplot_set_ylim(ax, 0, 2);
    nplot_axis(ax, "off");
    double one_ = 1;
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, &one_, &one_, 1, .s = 1600, .marker = "o", .fillstyle = "left",
                                     .color = "C0", .linewidths = 0.0001), ND_OK);
    m = render(fig);
    CU_ASSERT(is_c0(at(&m, 100 - 10, 100)));
    CU_ASSERT(near_rgb(at(&m, 100 + 10, 100), 0xffffff, 2));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_vector(void)
{
    /* SVG: one definition for the mathtext marker, placed at each point, round joins */
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double xs[] = { 0, 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, xs, xs, 4, .marker = "$\\alpha$", .markersize = 12), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, xs, xs, 4, .marker = "o", .fillstyle = "top",
                                  .markerfacecoloralt = "C1", .linestyle = "None"), ND_OK);
    char path[256];
    snprintf(path, sizeof path, "plot_test_markers2.svg");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    size_t len;
    char *svg = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    int ndefs = 0;
    for (const char *p = svg; (p = strstr(p, "<path id=\"nm")); p++) ndefs++;
    CU_ASSERT(ndefs >= 1 && ndefs <= 2);
    CU_ASSERT(strstr(svg, "stroke-linejoin:round") != NULL);
    /* the half-filled markers carry both colours (rgb(100%,49.8%,5.49%) is C1) */
    CU_ASSERT(strstr(svg, "rgb(100%, 49.8") != NULL || strstr(svg, "rgb(100%,49.8") != NULL);
    free(svg);
    remove(path);
    snprintf(path, sizeof path, "plot_test_markers2.pdf");
    CU_ASSERT_EQUAL(nplot_savefig(fig, path), ND_OK);
    remove(path);
    nplot_figure_free(fig);
}

/* a fresh figure's plot call with marker options, for the error cases */
#define TRY(...)                                                                                   \
    do {                                                                                           \
        nplot_figure *f_ = nplot_figure_new();                                                     \
        st = nplot_plot_xy(nplot_subplot(f_, 1, 1, 1), &x, &x, 1, __VA_ARGS__);                   \
        nplot_figure_free(f_);                                                                     \
    } while (0)

static void test_errors(void)
{
    double x = 0, v[] = { 0, 0, 0, 0 };
    nd_status st;
    TRY(.marker = "o", .fillstyle = "half");
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "half") != NULL);
    TRY(.marker = "(5, 7)");
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "(5, 7") != NULL);
    TRY(.marker = "(5, 1");
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    TRY(.marker = "$\\nosuchsymbol$");
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nosuchsymbol") != NULL);
    TRY(.marker = "o", .marker_verts = { 4, v });
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    TRY(.marker_verts = { 4, v });
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "(0, 0)") != NULL);
    TRY(.marker_verts = { 3, v });
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "even count") != NULL);
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_scatter_xy(nplot_subplot(fig, 1, 1, 1), &x, &x, 1, .fillstyle = "x"), ND_EVALUE);
    nplot_figure_free(fig);
    /* spaces inside a tuple are allowed */
    TRY(.marker = "( 5,1,10 )");
    CU_ASSERT_EQUAL(st, ND_OK);
}

static void test_golden_chart2(void)
{
    nplot_figure *fig = markers2_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "plot_markers2");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    /* structure: every row's markers are there (coloured pixels around each position) */
    img m = render(fig);
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    static const int per_row[] = { 5, 9, 6, 9, 6 }; /* row 1 column 6 is empty */
    for (int row = 0; row < 5; row++)
        for (int k = 0; k < per_row[row]; k++) {
            if (row == 1 && k == 6) continue;
            int cx = (int)((k + 0.5) * 60), cy = (int)((row + 0.5) * 60), ink = 0;
            for (int dy = -12; dy <= 12; dy++)
                for (int dx = -12; dx <= 12; dx++) {
                    const unsigned char *p = at(&m, cx + dx, cy + dy);
                    ink += p[0] + p[1] + p[2] < 600;
                }
            if (!(ink > 15)) fprintf(stderr, "chart2 row %d col %d: %d ink px\n", row, k, ink);
            CU_ASSERT(ink > 15);
        }
    free(m.px);
    if (regen) return;
    double rms = image_rms(GOLDEN "/plot_markers2.png", out);
    if (!(rms >= 0 && rms <= 1.0)) fprintf(stderr, "golden plot_markers2: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 1.0);
    double mrms = image_rms(GOLDEN "/mpl_plot_markers2.png", out);
    fprintf(stderr, "plot_markers2 vs matplotlib: RMS %g\n", mrms);
    CU_ASSERT(mrms >= 0 && mrms <= 7.0); /* 6.1: antialiasing and the glyphs' hinting */
    if (rms >= 0 && rms <= 1.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_extents),
    ND_T(test_half_split),
    ND_T(test_legend_and_scatter),
    ND_T(test_vector),
    ND_T(test_errors),
    ND_T(test_golden_chart2),
    { 0 },
};

ND_TEST_MAIN("plot_markers2", tests)

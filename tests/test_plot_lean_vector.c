/* Lean vector output (plot/vector_lean.c): SVG markers defined once and placed by
 * reference, coordinates rounded to 0.01 pt, nothing written for markers outside the axes
 * clip, PDF markers as one form XObject placed by relative translations (cross-reference
 * table rewritten); file sizes for fixed inputs; the PNG of the same
 * figure is unchanged (golden image). */
#define _GNU_SOURCE
#include <numc/numc.h>
#include <numc/plot.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"
static char tmpdir[64];

/* Deterministic points: a 64-bit LCG mapped to [lo, hi). */
static void fill_uniform(double *v, size_t n, double lo, double hi, uint64_t seed)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        v[i] = lo + (hi - lo) * (double)(s >> 11) / 9007199254740992.0;
    }
}

/* Tags balance: every <name ...> is closed by </name> in order or is self-closing
 * (declarations, comments and processing instructions are skipped). Returns the number
 * of elements, -1 when unbalanced. */
static long xml_balance(const char *s)
{
    enum { DEPTH = 256 };
    char stack[DEPTH][32];
    int depth = 0;
    long elems = 0;
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        if (p[1] == '?' || p[1] == '!') {
            const char *e = strstr(p, p[1] == '!' && p[2] == '-' ? "-->" : ">");
            if (!e) return -1;
            p = e;
            continue;
        }
        const char *e = strchr(p, '>');
        if (!e) return -1;
        bool closing = p[1] == '/';
        const char *n0 = p + 1 + closing, *n1 = n0;
        while (n1 < e && !isspace((unsigned char)*n1) && *n1 != '/' && *n1 != '>') n1++;
        size_t len = (size_t)(n1 - n0);
        if (len == 0 || len >= 32) return -1;
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) != len || memcmp(stack[depth - 1], n0, len))
                return -1;
            depth--;
        } else {
            elems++;
            if (e[-1] != '/') {
                if (depth == DEPTH) return -1;
                memcpy(stack[depth], n0, len);
                stack[depth][len] = '\0';
                depth++;
            }
        }
        p = e;
    }
    return depth == 0 ? elems : -1;
}

/* Marker placements in an SVG: the vertices of the marker-carrying paths plus the
 * <use> elements referencing a marker shape; *bad_num counts coordinates with more than
 * two decimals. */
static long svg_placements(const char *svg, long *bad_num)
{
    long n = 0;
    *bad_num = 0;
    for (const char *p = strstr(svg, "marker-mid:url(#nk"); p; p = strstr(p + 1, "marker-mid:url(#nk")) {
        const char *d = strstr(p, "d=\"M");
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        d += 4;
        long nums = 0;
        while (*d != '"') {
            char *e;
            strtod(d, &e);
            CU_ASSERT_FATAL(e != d);
            const char *dot = memchr(d, '.', (size_t)(e - d));
            if (dot && e - dot > 3) (*bad_num)++;
            nums++;
            d = e;
            while (*d == ' ') d++;
        }
        CU_ASSERT_EQUAL(nums % 2, 0);
        n += nums / 2;
    }
    for (const char *p = strstr(svg, "<use xlink:href=\"#nm"); p; p = strstr(p + 1, "<use xlink:href=\"#nm")) {
        const char *e = strchr(p, '>');
        const char *x = strstr(p, " x=\"");
        if (x && x < e) n++; /* not the one inside a <marker> */
    }
    return n;
}

/* Occurrences of needle in the binary s of len bytes. */
static int count_bytes(const char *s, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    int n = 0;
    for (size_t i = 0; i + m <= len; i++)
        if (memcmp(s + i, needle, m) == 0) n++;
    return n;
}

/* The PDF's cross-reference table is right: startxref points at "xref", every in-use
 * entry at "<id> 0 obj", and the stream of every "/Length L 0 R" object is L bytes long. */
static bool pdf_xref_ok(const char *pdf, size_t len)
{
    const char *sx = NULL;
    for (size_t i = 0; i + 10 <= len; i++)
        if (!memcmp(pdf + i, "startxref\n", 10)) sx = pdf + i;
    if (!sx) return false;
    size_t x = strtoul(sx + 10, NULL, 10);
    if (x + 7 > len || memcmp(pdf + x, "xref\n0 ", 7)) return false;
    char *e;
    size_t n = strtoul(pdf + x + 7, &e, 10);
    const char *ent = e + 1;
    for (size_t i = 1; i < n; i++) {
        if (ent[20 * i + 17] != 'n') continue;
        size_t o = strtoul(ent + 20 * i, NULL, 10);
        char head[32];
        int hl = snprintf(head, sizeof head, "%zu 0 obj\n", i);
        if (o + (size_t)hl > len || memcmp(pdf + o, head, (size_t)hl)) return false;
        const char *lr = strstr(pdf + o, "<< /Length ");
        if (lr != pdf + o + hl) continue;
        size_t lobj = strtoul(lr + 11, &e, 10);
        if (strncmp(e, " 0 R", 4)) continue;
        const char *st = strstr(e, "stream\n");
        if (!st || lobj >= n) return false;
        size_t lo = strtoul(ent + 20 * lobj, NULL, 10);
        const char *lv = strstr(pdf + lo, " 0 obj\n");
        if (!lv) return false;
        size_t slen = strtoul(lv + 7, NULL, 10);
        size_t data = (size_t)(st + 7 - pdf);
        if (data + slen + 10 > len || memcmp(pdf + data + slen, "\nendstream", 10)) return false;
    }
    return true;
}

static nplot_axes *last_axes;

static nplot_figure *scatter_figure(const double *x, const double *y, size_t n)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    last_axes = ax;
    nplot_scatter_xy(ax, x, y, n, .s = 4);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_set_title(ax, "lean");
    return fig;
}

/* 1000 points inside the view, 500 far outside: one marker definition, 1000
 * placements, nothing for the others. */
static void test_svg_markers_by_reference(void)
{
    enum { IN = 1000, OUT = 500 };
    double x[IN + OUT], y[IN + OUT];
    fill_uniform(x, IN, 0.02, 0.98, 1);
    fill_uniform(y, IN, 0.02, 0.98, 2);
    fill_uniform(x + IN, OUT, 1.5, 9, 3); /* right of the view */
    fill_uniform(y + IN, OUT, -5, 5, 4);
    nplot_figure *fig = scatter_figure(x, y, IN + OUT);
    char path[128];
    snprintf(path, sizeof path, "%s/scatter.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(xml_balance(svg) > 0);
    CU_ASSERT_EQUAL(count_substr(svg, "<marker id="), 1);
    CU_ASSERT_EQUAL(count_substr(svg, "<path id=\"nm"), 1);
    long bad = 0;
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), IN);
    CU_ASSERT_EQUAL(bad, 0);
    /* the first point, rounded to 0.01 pt, is the first placement */
    double px, py;
    CU_ASSERT_EQUAL(nplot_data_to_pixel(last_axes, x[0], y[0], &px, &py), ND_OK);
    double got = 0;
    const char *d = strstr(svg, "marker-end:url(#nk0)\" d=\"M");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    got = strtod(d + strlen("marker-end:url(#nk0)\" d=\"M"), NULL);
    ND_ASSERT_CLOSE(got, round(px * 100) / 100, 1e-9);
    /* the markers sit inside the axes clip group */
    const char *clip = strstr(svg, "<g clip-path=");
    CU_ASSERT(clip && clip < strstr(svg, "<marker id="));
    free(svg);
    nplot_figure_free(fig);
}

/* Per-point colours: one definition per colour, runs keep the drawing order. */
static void test_svg_classes_keep_order(void)
{
    enum { N = 9 };
    double x[N], y[N], c[N];
    for (int i = 0; i < N; i++) {
        x[i] = 0.1 + 0.1 * i;
        y[i] = 0.5;
        c[i] = i < 3 ? 0 : i < 6 ? 1 : 0; /* runs 3, 3, 3: classes A, B, A */
    }
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, N, .c_f64 = NPLOT_F64_ARRAY(c, N), .s = 30), ND_OK);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    char path[128];
    snprintf(path, sizeof path, "%s/classes.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(xml_balance(svg) > 0);
    CU_ASSERT_EQUAL(count_substr(svg, "<marker id="), 2);
    long bad;
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), N);
    const char *r0 = strstr(svg, "marker-mid:url(#nk0)");
    const char *r1 = strstr(svg, "marker-mid:url(#nk1)");
    const char *r2 = r0 ? strstr(r0 + 1, "marker-mid:url(#nk0)") : NULL;
    CU_ASSERT(r0 && r1 && r2 && r0 < r1 && r1 < r2);
    free(svg);
    nplot_figure_free(fig);
}

/* A lone point is one <use>; a line's markers go by reference too. */
static void test_svg_single_and_line_markers(void)
{
    double x[] = { 0.5 }, y[] = { 0.5 }, lx[] = { 0.1, 0.2, 0.3, 0.4, 2.0 },
           ly[] = { 0.1, 0.2, 0.3, 0.4, 0.5 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_scatter_xy(ax, x, y, 1, .s = 30);
    nplot_plot_xy(ax, lx, ly, 5, .marker = "s");
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    char path[128];
    snprintf(path, sizeof path, "%s/single.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(xml_balance(svg) > 0);
    CU_ASSERT_EQUAL(count_substr(svg, "<use xlink:href=\"#nm"), 1 + 2); /* + in 2 markers */
    long bad;
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), 1 + 4); /* x = 2 is outside */
    free(svg);
    nplot_figure_free(fig);
}

/* 100k points: SVG well under a third of matplotlib 3.6's 10.7 MB for the bench's
 * 8 x 6 in figure (here 4 x 3 in, all points inside); PDF: one form XObject, smaller
 * when the points are outside. */
static void test_sizes_and_pdf_xobject(void)
{
    enum { N = 100000 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    fill_uniform(x, N, 0.01, 0.99, 5);
    fill_uniform(y, N, 0.01, 0.99, 6);
    nplot_figure *fig = scatter_figure(x, y, N);
    char path[128];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/big.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(len < 1400000);
    long bad;
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), N);
    free(svg);
    snprintf(path, sizeof path, "%s/big.pdf", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *pdf = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    size_t len_in = len;
    CU_ASSERT(!memcmp(pdf, "%PDF", 4));
    CU_ASSERT_EQUAL(count_bytes(pdf, len, "/Subtype /Form"), 1);
    CU_ASSERT(pdf_xref_ok(pdf, len));
    CU_ASSERT(len_in < 400000); /* cairo alone: 1.7 MB */
    free(pdf);
    nplot_figure_free(fig);
    for (size_t i = 0; i < N; i++) x[i] += 5; /* all outside the view: nothing written */
    fig = scatter_figure(x, y, N);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    pdf = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    CU_ASSERT(len < 40000);
    CU_ASSERT(len * 10 < len_in);
    CU_ASSERT(pdf_xref_ok(pdf, len));
    free(pdf);
    snprintf(path, sizeof path, "%s/out.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    svg = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), 0);
    CU_ASSERT(len < 40000);
    free(svg);
    nplot_figure_free(fig);
    free(x);
    free(y);
}

/* A user's filled shape that looks like a placeholder (black, fill-opacity 0.987654) is
 * kept: placeholders are recognised by their corner too. */
static void test_svg_lookalike_fill_kept(void)
{
    double x[] = { 0.2, 0.4 }, y[] = { 0.5, 0.5 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, 2, .s = 30), ND_OK);
    CU_ASSERT_EQUAL(nplot_axvspan(ax, 0.6, 0.8, .facecolor = "black", .alpha = 0.987654), ND_OK);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    char path[128];
    snprintf(path, sizeof path, "%s/lookalike.svg", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    char *svg = read_file(path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_EQUAL(count_substr(svg, "fill-opacity:0.987654;"), 1); /* the span */
    long bad;
    CU_ASSERT_EQUAL(svg_placements(svg, &bad), 2);
    CU_ASSERT(xml_balance(svg) > 0);
    free(svg);
    nplot_figure_free(fig);
}

/* PDF with two marker classes in three runs and alpha: one XObject per class, a valid
 * cross-reference table. */
static void test_pdf_classes(void)
{
    enum { N = 9 };
    double x[N], y[N], c[N];
    for (int i = 0; i < N; i++) {
        x[i] = 0.1 + 0.1 * i;
        y[i] = 0.5;
        c[i] = i < 3 ? 0 : i < 6 ? 1 : 0;
    }
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, N, .c_f64 = NPLOT_F64_ARRAY(c, N), .s = 30,
                                     .alpha = 0.5), ND_OK);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    char path[128];
    snprintf(path, sizeof path, "%s/classes.pdf", tmpdir);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path), ND_OK);
    size_t len;
    char *pdf = read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    CU_ASSERT_EQUAL(count_bytes(pdf, len, "/Subtype /Form"), 2);
    CU_ASSERT(pdf_xref_ok(pdf, len));
    free(pdf);
    nplot_figure_free(fig);
}

/* Allocation failures while writing a lean SVG or PDF give ND_ENOMEM and leak nothing. */
typedef struct oom_scene {
    double x[200], y[200];
    char path[128], pdf[128];
} oom_scene;

static nd_status oom_body(void *ctx)
{
    oom_scene *sc = ctx;
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 72);
    if (!fig) return nd_last_error();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_status st = ax ? ND_OK : nd_last_error();
    if (st == ND_OK) st = nplot_scatter_xy(ax, sc->x, sc->y, 200, .s = 4);
    if (st == ND_OK) st = nplot_savefig(fig, sc->path);
    if (st == ND_OK) st = nplot_savefig(fig, sc->pdf);
    nplot_figure_free(fig);
    return st;
}

static void test_allocation_failures(void)
{
    oom_scene sc;
    fill_uniform(sc.x, 200, 0.05, 0.95, 7);
    fill_uniform(sc.y, 200, 0.05, 0.95, 8);
    snprintf(sc.path, sizeof sc.path, "%s/oom.svg", tmpdir);
    snprintf(sc.pdf, sizeof sc.pdf, "%s/oom.pdf", tmpdir);
    faultsim_report r = faultsim_run("lean svg", oom_body, &sc);
    if (!r.ok) fprintf(stderr, "%s\n", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 10);
}

/* The PNG path is untouched: the same figure as a reviewed golden image. */
static void test_png_unchanged(void)
{
    double x[300], y[300];
    fill_uniform(x, 300, -0.1, 1.1, 9);
    fill_uniform(y, 300, -0.1, 1.1, 10);
    nplot_figure *fig = scatter_figure(x, y, 300);
    char ref[256], out[256];
    snprintf(ref, sizeof ref, GOLDEN "/lean_scatter.png");
    bool regen = golden_output(out, sizeof out, GOLDEN, tmpdir, "lean_scatter");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (!regen) CU_ASSERT_EQUAL(image_rms(ref, out), 0);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_svg_markers_by_reference),
    ND_T(test_svg_classes_keep_order),
    ND_T(test_svg_single_and_line_markers),
    ND_T(test_sizes_and_pdf_xobject),
    ND_T(test_svg_lookalike_fill_kept),
    ND_T(test_pdf_classes),
    ND_T(test_allocation_failures),
    ND_T(test_png_unchanged),
    { 0 },
};

ND_TEST_MAIN_TMPDIR("plot_lean_vector", tests, tmpdir, "plot-lean")

/* Annotations as matplotlib 3.6: the vertices and codes of every ArrowStyle, ConnectionStyle
 * and BoxStyle path against matplotlib's own (tests/data/plot/annot2/paths.txt from
 * scripts/mpl_annot_reference.py, same case lists in the same order), style-string errors,
 * then golden images of the arrow styles, connection styles and box styles of
 * examples/plot_annotations2.c (reviewed next to matplotlib's rendering of the same figures:
 * scripts/mpl_annot_reference.py figures OUTDIR). */
#define ANNOT2_NO_MAIN
#include "../examples/plot_annotations2.c"

#include <numc/numc.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fancy.h"
#include "fixture.h"
#include "plot_image.h"
#include "plot_render.h"
#include "testutil.h"

#define FX NUMC_TEST_DATA "/plot/annot2/paths.txt"
#define GOLDEN NUMC_TEST_DATA "/plot/annot2"

typedef struct conn_case {
    const char *cs;
    double ax, ay, bx, by, sa, sb;
    const char *patch;
} conn_case;

static const conn_case CONN[] = {
    { "arc3", 40, 50, 260, 170, 0, 0, NULL },
    { "arc3,rad=0.3", 40, 50, 260, 170, 2, 2, NULL },
    { "arc3,rad=-0.5", 40, 50, 260, 170, 5, 8, "rect" },
    { "angle3", 40, 50, 260, 170, 2, 2, NULL },
    { "angle3,angleA=0,angleB=-90", 40, 50, 260, 170, 2, 2, "rect" },
    { "angle", 40, 50, 260, 170, 2, 2, NULL },
    { "angle,angleA=-90,angleB=180,rad=5", 40, 50, 260, 170, 2, 2, "rect" },
    { "angle,angleA=0,angleB=90,rad=20", 40, 50, 260, 170, 0, 4, NULL },
    { "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=0", 40, 50, 260, 170, 2, 2, NULL },
    { "arc,angleA=-90,angleB=0,armA=0,armB=40,rad=0", 40, 50, 260, 170, 2, 2, NULL },
    { "arc,angleA=0,angleB=90,armA=50,armB=0,rad=10", 40, 50, 260, 170, 2, 2, "rect" },
    { "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=10", 40, 50, 260, 170, 2, 2, NULL },
    { "bar,fraction=0.3", 40, 50, 260, 170, 2, 2, NULL },
    { "bar,fraction=-0.3", 40, 50, 260, 170, 2, 2, NULL },
    { "bar,angle=180,fraction=-0.2", 40, 50, 260, 170, 2, 2, "rect" },
    { "bar,armA=20,armB=10,fraction=0.1", 40, 50, 260, 170, 0, 0, NULL },
    { "arc3,rad=0.2", 40, 50, 260, 170, 2, 2, "round" },
};

static const char *ARROWS[][2] = {
    { "-", "arc3,rad=0.2" }, { "<-", "arc3,rad=0.2" }, { "->", "arc3,rad=0.2" },
    { "<->", "arc3,rad=0.2" }, { "<|-", "arc3,rad=0.2" }, { "-|>", "arc3,rad=0.2" },
    { "<|-|>", "arc3,rad=0.2" }, { "]-", "arc3,rad=0.2" }, { "-[", "arc3,rad=0.2" },
    { "]-[", "arc3,rad=0.2" }, { "|-|", "arc3,rad=0.2" }, { "]->", "arc3,rad=0.2" },
    { "<-[", "arc3,rad=0.2" }, { "simple", "arc3,rad=0.2" }, { "fancy", "arc3,rad=0.2" },
    { "wedge", "arc3,rad=0.2" },
    { "->,head_length=0.8,head_width=0.4", "angle,angleA=0,angleB=90,rad=10" },
    { "-[,widthB=2.0,lengthB=1.0,angleB=0", "arc3" },
    { "]-[,widthA=0.5,lengthA=0.3,angleA=30,widthB=1.5,lengthB=0.1,angleB=-20", "arc3,rad=-0.3" },
    { "|-|,widthA=0.5,widthB=0.8", "bar,fraction=0.2" },
    { "]->,angleA=45", "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=10" },
    { "simple,tail_width=0.5", "arc3,rad=-0.3" },
    { "simple,head_length=0.3,head_width=0.8,tail_width=0.1", "angle3" },
    { "fancy,head_length=0.6,head_width=0.5,tail_width=0.3", "arc3,rad=0.4" },
    { "wedge,tail_width=0.8,shrink_factor=0.2", "angle3,angleA=0,angleB=-90" },
    { "<|-|>,head_length=0.2,head_width=0.6,scaleA=5", "arc3" },
    { "fancy", "arc3,rad=0.0" },
};

static const char *BOXES[] = {
    "square", "square,pad=0.6", "circle", "circle,pad=0.1", "larrow", "rarrow", "darrow",
    "darrow,pad=0.5", "round", "round,pad=0.5,rounding_size=0.8", "round4",
    "round4,pad=0.4,rounding_size=0.3", "sawtooth", "sawtooth,pad=0.5,tooth_size=0.2",
    "roundtooth", "roundtooth,pad=0.4,tooth_size=0.3",
};

#define NCASE(a) ((int)(sizeof a / sizeof *a))

/* the text patch of the reference: rectangle (20, 38, 50, 26) (a Rectangle has no edge
 * by default: contains radius 0), or a round FancyBboxPatch of pad 0.3 at mutation scale
 * 10 (edged: radius = linewidth 1) */
static void make_patch(const char *kind, fpath *p, fpatch *fp)
{
    fstyle bs;
    CU_ASSERT_EQUAL_FATAL(nplot__boxstyle_parse(!strcmp(kind, "rect") ? "square,pad=0" : "round,pad=0.3",
                                                &bs, "t"), ND_OK);
    *p = (fpath){ 0 };
    nplot__box_path(&bs, 20, 38, 50, 26, 10, p);
    *fp = (fpatch){ p, !strcmp(kind, "rect") ? 0.0 : 1.0 };
}

/* compare paths (concatenated) with the fixture line: codes exact, vertices within tol */
static bool same_paths(const char *name, const fpath *ps, int np, double tol)
{
    static double want[3 * 4096];
    int n = fixture_values(FX, name, want, 3 * 4096);
    int k = 0;
    bool ok = n > 0;
    for (int i = 0; i < np && ok; i++)
        for (size_t j = 0; j < ps[i].n && ok; j++, k += 3) {
            if (k + 3 > n) {
                ok = false;
                break;
            }
            if (ps[i].c[j] != (int)want[k] || !(fabs(ps[i].x[j] - want[k + 1]) <= tol) ||
                !(fabs(ps[i].y[j] - want[k + 2]) <= tol)) {
                printf("\n  %s path %d vertex %zu: got %d (%.6f, %.6f) want %d (%.6f, %.6f)\n", name, i,
                       j, ps[i].c[j], ps[i].x[j], ps[i].y[j], (int)want[k], want[k + 1], want[k + 2]);
                ok = false;
            }
        }
    if (ok && k != n) {
        printf("\n  %s: %d values, matplotlib has %d\n", name, k, n);
        ok = false;
    }
    return ok;
}

static void test_connection_styles_match_matplotlib(void)
{
    for (int i = 0; i < NCASE(CONN); i++) {
        const conn_case *c = &CONN[i];
        fstyle cs;
        CU_ASSERT_EQUAL_FATAL(nplot__connstyle_parse(c->cs, &cs, "t"), ND_OK);
        fpath pp = { 0 }, out;
        fpatch pa;
        if (c->patch) make_patch(c->patch, &pp, &pa);
        CU_ASSERT_EQUAL_FATAL(nplot__connect(&cs, c->ax, c->ay, c->bx, c->by, c->patch ? &pa : NULL,
                                             NULL, c->sa, c->sb, &out), ND_OK);
        char name[32];
        snprintf(name, sizeof name, "conn%02d", i);
        if (!same_paths(name, &out, 1, 1e-6)) printf("  (connectionstyle '%s')\n", c->cs);
        CU_ASSERT(same_paths(name, &out, 1, 1e-6));
        nplot__fp_free(&out);
        nplot__fp_free(&pp);
    }
}

static void test_arrow_styles_match_matplotlib(void)
{
    fpath pp;
    fpatch pa;
    make_patch("rect", &pp, &pa);
    for (int i = 0; i < NCASE(ARROWS); i++) {
        fstyle as, cs;
        CU_ASSERT_EQUAL_FATAL(nplot__arrowstyle_parse(ARROWS[i][0], &as, "t"), ND_OK);
        CU_ASSERT_EQUAL_FATAL(nplot__connstyle_parse(ARROWS[i][1], &cs, "t"), ND_OK);
        fpath path, out[3];
        bool fill[3];
        CU_ASSERT_EQUAL_FATAL(nplot__connect(&cs, 40, 50, 260, 170, &pa, NULL, 2, 2, &path), ND_OK);
        int m = nplot__arrow_transmute(&as, &path, 20.0, 1.5, out, fill);
        char name[32];
        snprintf(name, sizeof name, "arrow%02d", i);
        bool ok = m > 0 && same_paths(name, out, m, 1e-6);
        if (!ok) printf("  (arrowstyle '%s' along '%s')\n", ARROWS[i][0], ARROWS[i][1]);
        CU_ASSERT(ok);
        double wf[3];
        snprintf(name, sizeof name, "arrowfill%02d", i);
        CU_ASSERT_EQUAL(fixture_values(FX, name, wf, 3), m);
        for (int j = 0; j < m; j++) CU_ASSERT_EQUAL((int)wf[j], (int)fill[j]);
        for (int j = 0; j < m; j++) nplot__fp_free(&out[j]);
        nplot__fp_free(&path);
    }
    nplot__fp_free(&pp);
}

static void test_box_styles_match_matplotlib(void)
{
    for (int i = 0; i < NCASE(BOXES); i++) {
        fstyle bs;
        CU_ASSERT_EQUAL_FATAL(nplot__boxstyle_parse(BOXES[i], &bs, "t"), ND_OK);
        fpath p = { 0 };
        nplot__box_path(&bs, 100, 50, 80, 20, 12, &p);
        char name[32];
        snprintf(name, sizeof name, "box%02d", i);
        bool ok = same_paths(name, &p, 1, 1e-9);
        if (!ok) printf("  (boxstyle '%s')\n", BOXES[i]);
        CU_ASSERT(ok);
        nplot__fp_free(&p);
    }
}

static void test_style_strings(void)
{
    fstyle st;
    /* spaces dropped and names case-insensitive, as matplotlib */
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse(" Fancy , head_length = 0.7", &st, "t"), ND_OK);
    CU_ASSERT_EQUAL(st.kind, ARS_FANCY);
    CU_ASSERT_DOUBLE_EQUAL(st.p[0], 0.7, 0);
    CU_ASSERT_DOUBLE_EQUAL(st.p[2], 0.4, 0);
    CU_ASSERT_EQUAL(nplot__connstyle_parse("Arc3,rad=.5", &st, "t"), ND_OK);
    CU_ASSERT_EQUAL(st.kind, CNS_ARC3);
    CU_ASSERT_EQUAL(nplot__boxstyle_parse("ROUND4", &st, "t"), ND_OK);
    CU_ASSERT_EQUAL(st.kind, BXS_ROUND4);
    /* unknown names list the valid styles; unknown parameters the valid ones */
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse("=>", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'-|>'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'wedge'"));
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse("-[,width=2", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "widthB, lengthB, angleB"));
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse("-,head_length=1", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "none"));
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse("->,head_length=abc", &st, "f"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot__arrowstyle_parse("->,head_length", &st, "f"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot__connstyle_parse("arc4", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'angle3'"));
    CU_ASSERT_EQUAL(nplot__connstyle_parse("bar,angle=nan", &st, "f"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot__boxstyle_parse("round,tooth_size=1", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "pad, rounding_size"));
    CU_ASSERT_EQUAL(nplot__boxstyle_parse("ellipse", &st, "f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'roundtooth'"));
}


/* annotate's own checks: style strings, the quadratic-only styles, textcoords, options */
static void test_annotate_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "=>"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_annotate: unknown arrowstyle '=>'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "']-['"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "->,head_size=3"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "head_length, head_width"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "->", .connectionstyle = "zigzag"),
                    ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'arc3', 'angle3', 'angle', 'arc', 'bar'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "fancy", .connectionstyle = "bar"),
                    ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'arc3' or 'angle3'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .textcoords = "offset inches"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'offset fontsize'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "->", .shrinkA = -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .relpos = NPLOT_F64S(0.5)), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_text(ax, 1, 1, "x", .bbox = "round,pad=x"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_text: boxstyle 'round,pad=x': pad must be"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_text(ax, 1, 1, "x", .bbox = "oval"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'sawtooth'"));
    nplot_figure_free(fig);
    const nplot_text_opts bad[] = { { .rotation_mode = "center" }, { .multialignment = "top" },
                                    { .bbox = "square", .bbox_linestyle = "~~" },
                                    { .bbox = "square", .bbox_alpha = 2 },
                                    { .bbox = "square", .bbox_edgecolor = "notacolor" } };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fig = nplot_figure_new();
        ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_text_(ax, 1, 1, "x", &bad[i]), ND_EVALUE);
        nplot_figure_free(fig);
    }
}

/* the arrow starts at the text box's edge (matplotlib clips at the bbox patch, then
 * shrinks by shrinkA): with a box, no arrow pixel lies inside it and the arrowhead at the
 * text end is visible just outside it */
static void test_arrow_clipped_at_text_box(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "WWW", 8, 5, .xytext = NPLOT_F64S(3, 5), .arrowstyle = "<|-",
                                   .arrowcolor = "red", .mutation_scale = 30,
                                   .text = { .bbox = "square,pad=0.5", .bbox_color = "white", .ha = "center",
                                             .va = "center", .fontsize = 20 }),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* scan the row of the arrow from the text centre rightwards: the first red pixel is the
     * head's tip, outside the box edge (the box is white, its edge black) */
    int first_red = -1, last_black = -1;
    for (int x = 0; x < m.w && first_red < 0; x++) {
        int reddish = 0, blackish = 0;
        for (int dy = -2; dy <= 2; dy++) { /* a few rows about the arrow's axis */
            const unsigned char *p = at(&m, x, m.h / 2.0 + dy);
            if (p[0] > 150 && p[1] < 120 && p[2] < 120) reddish = 1;
            if (p[0] < 80 && p[1] < 80 && p[2] < 80) blackish = 1;
        }
        if (blackish) last_black = x;
        if (reddish && last_black > 0) first_red = x;
    }
    printf("\n  box edge at x=%d, arrow tip at x=%d", last_black, first_red);
    CU_ASSERT(last_black > 0);
    CU_ASSERT(first_red > last_black);
    /* shrinkA = 2 pt = 2.8 px from the box edge (plus the head tip's linewidth pad) */
    CU_ASSERT(first_red - last_black >= 2 && first_red - last_black <= 6);
    free(m.px);
    nplot_figure_free(fig);
}


/* textcoords "offset pixels" and "offset fontsize": a red-boxed "X" centred at the offset */
static void test_offset_units(void)
{
    const char *tc[3] = { "offset pixels", "offset fontsize", "offset points" };
    const double off[3] = { 100, 10, 100 }; /* 100 px; 10 x 10 pt = 139 px; 100 pt = 139 px */
    const double want[3] = { 300, 200 + 100 * 100 / 72.0, 200 + 100 * 100 / 72.0 };
    for (int k = 0; k < 3; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
        CU_ASSERT_EQUAL(nplot_annotate(ax, "X", 5, 5, .xytext = NPLOT_F64_ARRAY(((const double[2]){ off[k], 0 }), 2),
                                       .textcoords = tc[k],
                                       .text = { .ha = "center", .va = "center", .fontsize = 10,
                                                 .bbox = "square", .bbox_color = "red", .bbox_edgecolor = "none" }),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* the box's left and right edges: red pixels of the middle row, at most 1 px off
         * symmetric about the wanted centre */
        int lo = -1, hi = -1;
        for (int x = 0; x < m.w; x++)
            if (near(at(&m, x, 150 - 6), 255, 0, 0, 40)) {
                if (lo < 0) lo = x;
                hi = x;
            }
        double centre = (lo + hi + 1) / 2.0;
        if (!(fabs(centre - want[k]) <= 1.5)) printf("\n  %s: box centre %g, want %g", tc[k], centre, want[k]);
        CU_ASSERT(lo > 0 && fabs(centre - want[k]) <= 1.5);
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* rotation_mode: rotated 90 degrees with ha left, va bottom, the default mode puts the
 * rotated text's bounding box right of and above the point; "anchor" rotates the text
 * aligned at the point about it, so it lies left of the point */
static void test_rotation_mode_anchor(void)
{
    for (int anchor = 0; anchor < 2; anchor++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
        nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
        CU_ASSERT_EQUAL(nplot_text(ax, 5, 5, "Label", .rotation = 90, .ha = "left", .va = "bottom",
                                   .rotation_mode = anchor ? "anchor" : NULL, .bbox = "square,pad=0",
                                   .bbox_color = "blue", .bbox_edgecolor = "none"),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* the point is at (200, 150); the text runs upward from it */
        /* box or glyph: anything but the white background */
        bool right = !near(at(&m, 204, 130), 255, 255, 255, 30), left = !near(at(&m, 196, 130), 255, 255, 255, 30);
        CU_ASSERT_EQUAL(right, !anchor);
        CU_ASSERT_EQUAL(left, anchor);
        free(m.px);
        nplot_figure_free(fig);
    }
}

static void golden(nplot_figure *fig, const char *name, double tol)
{
    golden_compare(fig, GOLDEN, name, tol);
    nplot_figure_free(fig);
}

static void test_golden_arrowstyles(void) { golden(arrowstyles_figure(), "annot_arrowstyles", 1.0); }
static void test_golden_connectionstyles(void)
{
    golden(connectionstyles_figure(), "annot_connectionstyles", 1.0);
}
static void test_golden_boxstyles(void) { golden(boxstyles_figure(), "annot_boxstyles", 1.0); }


/* ax.table: after drawing, every cell's rectangle (axes fractions) and the automatic font
 * size as matplotlib's Table for the same figure (table_demo) */
static void test_table_cells_match_matplotlib(void)
{
    nplot_figure *fig = table_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    free(m.px);
    artist *t = NULL;
    for (artist *a = fig->axes->artists; a; a = a->next)
        if (a->kind == ART_TABLE) t = a;
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    double want[6 * 64], got[6 * 64], fs = 0, wfs = 0;
    int n = fixture_values(FX, "table_cells", want, 6 * 64);
    CU_ASSERT_EQUAL_FATAL(n, 6 * 29); /* 4 x 5 cells, 5 column labels, 4 row labels */
    CU_ASSERT_EQUAL(nplot__table_cells(t, got, 64, &fs), 29);
    CU_ASSERT_EQUAL(fixture_values(FX, "table_fontsize", &wfs, 1), 1);
    CU_ASSERT_DOUBLE_EQUAL(fs, wfs, 0);
    for (int i = 0; i < n; i++) {
        /* row, col exact; x, y, width, height exact but for the row label column's width,
         * which is its widest label's width (font metrics): 2 % */
        bool label_w = i % 6 == 4 && got[i - 3] == -1;
        bool label_x = i % 6 == 2 && got[i - 1] == -1;
        double tol = label_w || label_x ? 0.02 * 0.2 : 1e-12;
        if (!(fabs(got[i] - want[i]) <= tol))
            printf("\n  cell value %d (cell %d, field %d): got %.9g want %.9g", i, i / 6, i % 6, got[i], want[i]);
        CU_ASSERT(fabs(got[i] - want[i]) <= tol);
    }
    nplot_figure_free(fig);
}


/* more tables against matplotlib: loc variants, colWidths, rowColours alone (empty labels
 * as wide as the first column), bbox scaling, automatic font size */
static void test_table_variants_match_matplotlib(void)
{
    static const char *t0[6] = { "1", "22", "333", "4", "5", "6" };
    static const char *t1[8] = { "a rather long text", "b", "c", "d", "e", "f", "g", "h" };
    static const char *t2[6] = { "1", "2", "3", "4", "5", "6" };
    static const char *t3[1] = { "x" };
    static const char *t4[2] = { "x", "y" };
    struct {
        int rows, cols;
        nplot_table_opts o;
    } cases[6] = {
        { 3, 2, { .cellText = NPLOT_STR_ARRAY(t0, 6), .colWidths = NPLOT_F64S(0.2, 0.3),
                  .rowColours = NPLOT_STRS("r", "g", "b"), .loc = "upper left" } },
        { 2, 4, { .cellText = NPLOT_STR_ARRAY(t1, 8), .colLabels = NPLOT_STRS("one", "two", "three", "four"),
                  .loc = "center" } },
        { 2, 3, { .cellText = NPLOT_STR_ARRAY(t2, 6), .rowLabels = NPLOT_STRS("first row", "second"),
                  .colLabels = NPLOT_STRS("A", "B", "C"), .bbox = NPLOT_F64S(0.1, 0.2, 0.6, 0.3) } },
        { 1, 1, { .cellText = NPLOT_STR_ARRAY(t3, 1), .rowLabels = NPLOT_STRS("r"), .loc = "top left" } },
        { 1, 2, { .cellText = NPLOT_STR_ARRAY(t4, 2), .colLabels = NPLOT_STRS("p", "q"), .loc = "right" } },
        { 1, 2, { .cellText = NPLOT_STR_ARRAY(t4, 2), .loc = "lower right", .cellLoc = "center" } },
    };
    for (int k = 0; k < 6; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL_FATAL(nplot_table_(ax, cases[k].rows, cases[k].cols, &cases[k].o), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        free(m.px);
        artist *t = NULL;
        for (artist *a = fig->axes->artists; a; a = a->next)
            if (a->kind == ART_TABLE) t = a;
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        char name[32];
        double want[6 * 32], got[6 * 32], fs = 0, wfs = 0;
        snprintf(name, sizeof name, "table%d_cells", k);
        int n = fixture_values(FX, name, want, 6 * 32);
        CU_ASSERT_FATAL(n > 0);
        CU_ASSERT_EQUAL(6 * nplot__table_cells(t, got, 32, &fs), n);
        snprintf(name, sizeof name, "table%d_fontsize", k);
        CU_ASSERT_EQUAL(fixture_values(FX, name, &wfs, 1), 1);
        if (fs != wfs) printf("\n  table %d: font size %g, matplotlib %g", k, fs, wfs);
        CU_ASSERT_DOUBLE_EQUAL(fs, wfs, 0);
        /* the auto-width row label column depends on font metrics: 2 % of its width, and
         * the cells placed after it by as much */
        double slack = 0;
        for (int i = 0; i < n; i += 6)
            if (want[i + 1] == -1 && k != 0) slack = fmax(slack, 0.02 * want[i + 4]);
        for (int i = 0; i < n; i++) {
            double tol = i % 6 == 2 || i % 6 == 4 ? slack + 1e-12 : 1e-12;
            if (!(fabs(got[i] - want[i]) <= tol))
                printf("\n  table %d cell %d field %d: got %.9g want %.9g", k, i / 6, i % 6, got[i], want[i]);
            CU_ASSERT(fabs(got[i] - want[i]) <= tol);
        }
        nplot_figure_free(fig);
    }
}

static void test_table_bad_input(void)
{
    static const char *txt[4] = { "a", "b", "c", "d" };
    struct {
        int rows, cols;
        nplot_table_opts o;
        const char *msg;
    } bad[] = {
        { 0, 2, { .cellText = NPLOT_STR_ARRAY(txt, 0) }, "rows and cols" },
        { 2, 2, { .loc = "bottom" }, "cellColours" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 3) }, "'cellText' has 3 values" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .rowLabels = NPLOT_STR_ARRAY(txt, 3) }, "rowLabels" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .colWidths = NPLOT_F64S(0.5) }, "colWidths" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .colWidths = NPLOT_F64S(0.5, -1) }, "colWidths[1]" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .loc = "under" }, "'upper right'" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .cellLoc = "middle" }, "cellLoc" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .edges = "BX" }, "BRTL" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .bbox = NPLOT_F64S(0, 0, 1) }, "bbox" },
        { 2, 2, { .cellText = NPLOT_STR_ARRAY(txt, 4), .bbox = NPLOT_F64S(0, 0, 1, 0) }, "bbox" },
        { 2, 2, { .cellColours = NPLOT_STRS("red", "blue", "nocolor", "k") }, "nocolor" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_table_(ax, bad[i].rows, bad[i].cols, &bad[i].o), ND_EVALUE);
        if (!strstr(nd_errmsg(), bad[i].msg)) printf("\n  case %zu: %s", i, nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), bad[i].msg));
        nplot_figure_free(fig);
    }
    /* cellColours alone, bbox and open edges draw */
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_table(ax, 2, 2, .cellColours = NPLOT_STRS("red", "blue", "green", "k"),
                                .bbox = NPLOT_F64S(0.1, 0.1, 0.8, 0.8), .edges = "open"),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* the four quarters of the bbox: red, blue / green, black (rows top-down) */
    double x0 = 0.125 * m.w, x1 = 0.9 * m.w, y0 = 0.12 * m.h, y1 = 0.88 * m.h;
    double ax0 = x0 + 0.1 * (x1 - x0), ay0 = y1 - 0.1 * (y1 - y0); /* left, bottom (device) */
    double aw = 0.8 * (x1 - x0), ah = 0.8 * (y1 - y0);
    CU_ASSERT(near(at(&m, ax0 + aw * 0.25, ay0 - ah * 0.75), 255, 0, 0, 10));
    CU_ASSERT(near(at(&m, ax0 + aw * 0.75, ay0 - ah * 0.75), 0, 0, 255, 10));
    CU_ASSERT(near(at(&m, ax0 + aw * 0.25, ay0 - ah * 0.25), 0, 128, 0, 10));
    CU_ASSERT(near(at(&m, ax0 + aw * 0.75, ay0 - ah * 0.25), 0, 0, 0, 10));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_golden_table(void) { golden(table_figure(), "annot_table", 1.0); }

static const ND_TEST tests[] = {
    ND_T(test_connection_styles_match_matplotlib),
    ND_T(test_arrow_styles_match_matplotlib),
    ND_T(test_box_styles_match_matplotlib),
    ND_T(test_style_strings),
    ND_T(test_annotate_bad_input),
    ND_T(test_arrow_clipped_at_text_box),
    ND_T(test_offset_units),
    ND_T(test_rotation_mode_anchor),
    ND_T(test_golden_arrowstyles),
    ND_T(test_golden_connectionstyles),
    ND_T(test_golden_boxstyles),
    ND_T(test_table_cells_match_matplotlib),
    ND_T(test_table_variants_match_matplotlib),
    ND_T(test_table_bad_input),
    ND_T(test_golden_table),
    { 0 },
};

ND_TEST_MAIN("plot_annot2", tests)

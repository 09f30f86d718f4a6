/* libnumc_plot: Axes3D's state calls (set_aspect's equal modes, sharez, z ticks, tick_params
 * on z, margins, autoscale, auto_scale_xyz, get_axis_position, clear, Axes3D.set) against
 * matplotlib 3.6's numbers (tests/data/plot/ax3db/ax3db_ref.txt, written by
 * scripts/mpl_ax3db_reference.py), and a golden image next to matplotlib's rendering. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define DIR NUMC_TEST_DATA "/plot/ax3db"
#define REF DIR "/ax3db_ref.txt"

static int ref(const char *name, double *out, int cap)
{
    int n = test_ref_values(REF, name, out, cap);
    CU_ASSERT_FATAL(n > 0);
    return n;
}

static void lims(nplot_axes *ax, double l[6])
{
    CU_ASSERT_EQUAL(nplot_get_xlim(ax, &l[0], &l[1]), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_ylim(ax, &l[2], &l[3]), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_zlim(ax, &l[4], &l[5]), ND_OK);
}

static void assert_lims(nplot_axes *ax, const char *name)
{
    double want[6], got[6];
    CU_ASSERT_EQUAL_FATAL(ref(name, want, 6), 6);
    lims(ax, got);
    for (int i = 0; i < 6; i++) {
        if (fabs(got[i] - want[i]) > 1e-9) printf("\n  %s[%d]: %.17g, matplotlib %.17g\n", name, i, got[i], want[i]);
        ND_ASSERT_CLOSE(got[i], want[i], 1e-9);
    }
}

/* a 3-D axes with the line (0, 0, 0) – (4, 1, 10) */
static nplot_axes *line_axes(nplot_figure **fig)
{
    *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(*fig, 1, 1, 1);
    nd_array *x = nd_from_f64((double[]){ 0, 4 }, 2), *y = nd_from_f64((double[]){ 0, 1 }, 2),
             *z = nd_from_f64((double[]){ 0, 10 }, 2);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, x, y, z), ND_OK);
    nd_free(x), nd_free(y), nd_free(z);
    return ax;
}

static void test_set_aspect_modes_match_matplotlib(void)
{
    static const char *modes[] = { "auto", "equal", "equalxy", "equalxz", "equalyz" };
    for (int m = 0; m < 5; m++) {
        nplot_figure *fig;
        nplot_axes *ax = line_axes(&fig);
        CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, modes[m], NULL), ND_OK);
        CU_ASSERT_STRING_EQUAL(nplot_get_aspect3d(ax), modes[m]);
        char name[64];
        snprintf(name, sizeof name, "aspect_%s", modes[m]);
        assert_lims(ax, name);
        nplot_figure_free(fig);
    }
    nplot_figure *fig;
    nplot_axes *ax = line_axes(&fig);
    CU_ASSERT_EQUAL(nplot_set_box_aspect3d(ax, 1, 2, 1, 0.8), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "equal", "datalim"), ND_OK);
    assert_lims(ax, "aspect_equal_box121");
    nplot_figure_free(fig);
}

static void test_set_aspect_box_changes_the_box(void)
{
    nplot_figure *fig;
    nplot_axes *ax = line_axes(&fig);
    double before[6], after[6], M0[16], M1[16];
    lims(ax, before);
    CU_ASSERT_EQUAL(nplot_get_proj(ax, M0), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "equal", "box"), ND_OK);
    lims(ax, after);
    for (int i = 0; i < 6; i++) CU_ASSERT_DOUBLE_EQUAL(after[i], before[i], 0); /* limits stay */
    /* the box is now 4.4 : 1.1 : 10 at matplotlib's diagonal: a data unit projects to the
     * same length on each axis, which the projection of unit steps from the centre shows */
    CU_ASSERT_EQUAL(nplot_get_proj(ax, M1), ND_OK);
    CU_ASSERT(memcmp(M0, M1, sizeof M0) != 0);
    double b[3] = { 4.4, 1.1, 10 }, n = sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
    /* world transform scale per axis: M (without perspective) maps data to box units; compare
     * the equal-aspect box with set_box_aspect3d of the ranges */
    nplot_figure *fig2;
    nplot_axes *ax2 = line_axes(&fig2);
    CU_ASSERT_EQUAL(nplot_set_box_aspect3d(ax2, b[0] / n, b[1] / n, b[2] / n, 1), ND_OK);
    double M2[16];
    CU_ASSERT_EQUAL(nplot_get_proj(ax2, M2), ND_OK);
    for (int i = 0; i < 16; i++) ND_ASSERT_CLOSE(M1[i], M2[i], 1e-12);
    /* equalxy: x and y take their ranges; z keeps its length relative to their diagonal */
    nplot_figure_free(fig2);
    ax2 = line_axes(&fig2);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax2, "equalxy", "box"), ND_OK);
    double s = sqrt(4.4 * 4.4 + 1.1 * 1.1) / sqrt(32.0), e[3] = { 4.4, 1.1, 3 * s };
    nplot_figure *fig3;
    nplot_axes *ax3 = line_axes(&fig3);
    CU_ASSERT_EQUAL(nplot_set_box_aspect3d(ax3, e[0], e[1], e[2], 1), ND_OK);
    double M3[16];
    nplot_get_proj(ax2, M2);
    nplot_get_proj(ax3, M3);
    for (int i = 0; i < 16; i++) ND_ASSERT_CLOSE(M2[i], M3[i], 1e-12);
    nplot_figure_free(fig);
    nplot_figure_free(fig2);
    nplot_figure_free(fig3);
}

static void test_margins3d_match_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nd_array *x = nd_from_f64((double[]){ 1, 3, 2 }, 3), *y = nd_from_f64((double[]){ -1, 4, 0 }, 3),
             *z = nd_from_f64((double[]){ 10, 20, 15 }, 3);
    CU_ASSERT_EQUAL(nplot_scatter3d(ax, x, y, z), ND_OK);
    double m[3], want[3];
    CU_ASSERT_EQUAL(nplot_get_margins3d(ax, m), ND_OK);
    ref("margins_default", want, 3);
    for (int i = 0; i < 3; i++) ND_ASSERT_CLOSE(m[i], want[i], 1e-15);
    CU_ASSERT_EQUAL(nplot_margins3d(ax, 0.1, 0.2, 0.3), ND_OK);
    assert_lims(ax, "margins_set");
    CU_ASSERT_EQUAL(nplot_margins3d(ax, NAN, NAN, 0), ND_OK);
    assert_lims(ax, "margins_z0");
    nd_free(x), nd_free(y), nd_free(z);
    nplot_figure_free(fig);
}

static void test_auto_scale_xyz_matches_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_auto_scale_xyz(ax, (double[]){ 0, 2 }, 2, (double[]){ 1, 5 }, 2, (double[]){ -1, 3 }, 2, false),
                    ND_OK);
    assert_lims(ax, "asxyz_first");
    CU_ASSERT_EQUAL(nplot_auto_scale_xyz(ax, (double[]){ -4, 1 }, 2, (double[]){ 2, 3 }, 2, (double[]){ 0, 7 }, 2, true),
                    ND_OK);
    assert_lims(ax, "asxyz_grow");
    CU_ASSERT_EQUAL(nplot_auto_scale_xyz(ax, (double[]){ 1, 2 }, 2, (double[]){ 1, 2 }, 2, (double[]){ 1, 2 }, 2, false),
                    ND_OK);
    assert_lims(ax, "asxyz_replace");
    nplot_figure_free(fig);
}

static void test_autoscale3d_freezes_one_axis(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nd_array *a = nd_from_f64((double[]){ 0, 1 }, 2), *b = nd_from_f64((double[]){ 0, 5 }, 2);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, a, a, a), ND_OK);
    CU_ASSERT_EQUAL(nplot_autoscale3d(ax, false, "z"), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, b, b, b), ND_OK);
    assert_lims(ax, "autoscale_z_off");
    double on[3];
    ref("autoscale_on", on, 3);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscalex_on(ax), on[0] != 0);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscaley_on(ax), on[1] != 0);
    CU_ASSERT_EQUAL(nplot_get_autoscalez_on(ax), on[2] != 0);
    CU_ASSERT_EQUAL(nplot_autoscale3d(ax, true, NULL), ND_OK);
    CU_ASSERT(nplot_get_autoscalez_on(ax));
    double zl, zh;
    nplot_get_zlim(ax, &zl, &zh);
    CU_ASSERT_DOUBLE_EQUAL(zh, 5, 1e-12);
    nd_free(a), nd_free(b);
    nplot_figure_free(fig);
}

static void test_get_axis_position_for_views(void)
{
    for (int i = 0; i < 7; i++) {
        char name[32];
        snprintf(name, sizeof name, "axpos_%d", i);
        double v[6];
        CU_ASSERT_EQUAL_FATAL(ref(name, v, 6), 6);
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_view_init_roll(ax, v[0], v[1], v[2]), ND_OK);
        bool high[3];
        CU_ASSERT_EQUAL(nplot_get_axis_position(ax, high), ND_OK);
        for (int k = 0; k < 3; k++) {
            if (high[k] != (v[3 + k] != 0)) printf("\n  view %d axis %d: %d, matplotlib %g\n", i, k, high[k], v[3 + k]);
            CU_ASSERT_EQUAL(high[k], v[3 + k] != 0);
        }
        nplot_figure_free(fig);
    }
}

/* ax's z ticks and labels against matplotlib's `ticks_name` / `labels_name` rows (only the
 * ticks inside [lo, hi]: matplotlib's get_zticks also lists those just outside) */
static void assert_zticks(nplot_axes *ax, const char *ticks_name, const char *labels_name, double lo, double hi)
{
    double want[32], got[32];
    int nw = ref(ticks_name, want, 32);
    int n = nplot_get_zticks(ax, got, 32);
    int k = 0, first = -1;
    for (int i = 0; i < nw; i++)
        if (want[i] >= lo - 1e-9 && want[i] <= hi + 1e-9) {
            if (first < 0) first = i;
            want[k++] = want[i];
        }
    CU_ASSERT_EQUAL_FATAL(n, k);
    for (int i = 0; i < n; i++) ND_ASSERT_CLOSE(got[i], want[i], 1e-12);
    char line[1024] = "";
    FILE *f = fopen(REF, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    size_t len0 = strlen(labels_name);
    while (fgets(line, sizeof line, f) && !(strncmp(line, labels_name, len0) == 0 && line[len0] == ' ')) {}
    fclose(f);
    char *p = line + len0 + 1;
    p[strcspn(p, "\n")] = 0;
    for (int i = 0; i < first; i++) p = strchr(p, '|') + 1;
    for (int i = 0; i < n; i++) {
        size_t len = strcspn(p, "|");
        const char *lab = nplot_get_zticklabel(ax, i);
        CU_ASSERT_PTR_NOT_NULL_FATAL(lab);
        if (strlen(lab) != len || strncmp(lab, p, len)) printf("\n  z label %d: '%s', matplotlib '%.*s'\n", i, lab, (int)len, p);
        CU_ASSERT(strlen(lab) == len && !strncmp(lab, p, len));
        p += len + 1;
    }
}

static void test_z_ticks_match_matplotlib(void)
{
    static const double zl[3][2] = { { 0, 1 }, { -3.7, 12.2 }, { 1000, 1003 } };
    for (int c = 0; c < 3; c++) {
        nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_zlim(ax, zl[c][0], zl[c][1]), ND_OK);
        char tn[32], ln[32];
        snprintf(tn, sizeof tn, "zticks_%d", c);
        snprintf(ln, sizeof ln, "zlabels_%d", c);
        assert_zticks(ax, tn, ln, zl[c][0], zl[c][1]);
        double got[32];
        int n = nplot_get_zticks(ax, got, 32);
        CU_ASSERT_PTR_NULL(nplot_get_zticklabel(ax, n));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
        CU_ASSERT_EQUAL(nplot_get_zminorticks(ax, got, 32), 0); /* NullLocator */
        nplot_figure_free(fig);
    }
    /* fixed z ticks and minor ticks are reported as set (inside the limits) */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_zticks(ax, ((double[]){ 0.25, 0.5, 2 }), 3, .labels = NPLOT_STRS("a", "b", "c")), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zticks(ax, ((double[]){ 0.1, 0.3, 5 }), 3, .minor = true), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_zticks(ax, t, 8), 2);
    CU_ASSERT_STRING_EQUAL(nplot_get_zticklabel(ax, 1), "b");
    CU_ASSERT_EQUAL(nplot_get_zminorticks(ax, t, 8), 2);
    CU_ASSERT_DOUBLE_EQUAL(t[1], 0.3, 0);
    nplot_figure_free(fig);
}

static void test_zaxis_date_matches_matplotlib(void)
{
    static const double zl[2][2] = { { 19000, 19100 }, { 19000, 19003 } };
    for (int c = 0; c < 2; c++) {
        nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
        nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_zlim(ax, zl[c][0], zl[c][1]), ND_OK);
        CU_ASSERT_EQUAL(nplot_axis_date(ax, "z"), ND_OK);
        char tn[32], ln[32];
        snprintf(tn, sizeof tn, "zdate_%d", c);
        snprintf(ln, sizeof ln, "zdatelabels_%d", c);
        assert_zticks(ax, tn, ln, zl[c][0], zl[c][1]);
        nplot_figure_free(fig);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axis_date(flat, "z"), ND_EVALUE); /* 2-D: no z */
    nplot_figure_free(fig);
}

static void test_sharez_limits(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a1 = nplot_subplot_3d(fig, 1, 2, 1), *a2 = nplot_subplot_3d(fig, 1, 2, 2);
    nd_array *a = nd_from_f64((double[]){ 0, 1 }, 2), *z1 = nd_from_f64((double[]){ 0, 5 }, 2),
             *z2 = nd_from_f64((double[]){ -2, 1 }, 2);
    CU_ASSERT_EQUAL(nplot_plot3d(a1, a, a, z1), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot3d(a2, a, a, z2), ND_OK);
    CU_ASSERT_EQUAL(nplot_sharez(a2, a1), ND_OK);
    CU_ASSERT_EQUAL(nplot_sharez(a2, a1), ND_OK); /* joining the same group again is fine */
    /* automatic: both axes show the group's data */
    double l1, h1, l2, h2;
    nplot_get_zlim(a1, &l1, &h1);
    nplot_get_zlim(a2, &l2, &h2);
    CU_ASSERT(l1 == l2 && h1 == h2 && l1 == -2 && h1 == 5);
    /* fixed on one member: matplotlib's numbers */
    CU_ASSERT_EQUAL(nplot_set_zlim(a1, -1, 7), ND_OK);
    double want[4];
    ref("sharez_fixed", want, 4);
    nplot_get_zlim(a1, &l1, &h1);
    nplot_get_zlim(a2, &l2, &h2);
    CU_ASSERT(l1 == want[0] && h1 == want[1] && l2 == want[2] && h2 == want[3]);
    CU_ASSERT_EQUAL(nplot_invert_zaxis(a2), ND_OK);
    CU_ASSERT(nplot_zaxis_inverted(a1));
    /* a third axes whose z is already shared cannot join another group */
    nplot_axes *a3 = nplot_subplot_3d(fig, 2, 2, 4);
    nplot_figure *fig2 = nplot_figure_new();
    nplot_axes *b1 = nplot_subplot_3d(fig2, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_sharez(a3, b1), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "another figure") != NULL);
    nplot_figure_free(fig2);
    nd_free(a), nd_free(z1), nd_free(z2);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a1 = nplot_subplot_3d(fig, 1, 3, 1), a2 = nplot_subplot_3d(fig, 1, 3, 2), a3 = nplot_subplot_3d(fig, 1, 3, 3);
    CU_ASSERT_EQUAL(nplot_sharez(a3, a1), ND_OK);
    CU_ASSERT_EQUAL(nplot_sharez(a3, a2), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "already shared") != NULL);
    nplot_figure_free(fig);
}

static void test_tick_params_z_and_scales(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1), *flat = nplot_subplot(fig, 2, 2, 1);
    CU_ASSERT_EQUAL(nplot_tick_params(ax, .axis = "z", .labelsize = 5, .colors = "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_tick_params(flat, .axis = "z"), ND_EVALUE); /* 2-D: no z */
    CU_ASSERT(strstr(nd_errmsg(), "x, y or both") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xscale(ax, "linear"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_yscale(ax, "log"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "only the 'linear' scale") != NULL);
    nplot_figure_free(fig);
    /* update_datalim widens x and y of a 3-D axes, not z (matplotlib 3.6 ignores the points) */
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    double zlo0, zhi0, lo, hi;
    nplot_get_zlim(ax, &zlo0, &zhi0);
    CU_ASSERT_EQUAL(nplot_axes_update_datalim(ax, (double[]){ 50, -10, NAN }, (double[]){ 60, 20, 1e9 }, 3), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(lo <= -10 && lo > -15 && hi >= 50 && hi < 55);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(lo <= 20 && lo > 17 && hi >= 60 && hi < 63); /* the NaN pair is skipped */
    nplot_get_zlim(ax, &lo, &hi);
    CU_ASSERT(lo == zlo0 && hi == zhi0);
    nplot_figure_free(fig);
}

static void test_clear_resets_3d_state(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_margins3d(ax, 0.3, 0.3, 0.3), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes3d_grid(ax, false), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "equalxy", NULL), ND_OK);
    CU_ASSERT_EQUAL(nplot_cla(ax), ND_OK);
    double m[3], want[3];
    nplot_get_margins3d(ax, m);
    ref("clear_margins", want, 3);
    for (int i = 0; i < 3; i++) ND_ASSERT_CLOSE(m[i], want[i], 1e-15);
    CU_ASSERT_STRING_EQUAL(nplot_get_aspect3d(ax), "auto");
    nplot_figure_free(fig);
}

static void test_set3d_applies_in_order(void)
{
    nplot_figure *fig;
    nplot_axes *ax = line_axes(&fig);
    CU_ASSERT_EQUAL(nplot_set3d(ax, .zlim = NPLOT_F64S(0, 20), .zlabel = "height", .zmargin = NPLOT_ZERO,
                                .view = NPLOT_F64S(20, 30), .proj_type = "ortho", .aspect = "equalxz"),
                    ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_zlabel(ax), "height");
    CU_ASSERT_STRING_EQUAL(nplot_get_aspect3d(ax), "equalxz");
    double l[6];
    lims(ax, l);
    /* equalxz after zlim (0, 20): x widens to 20 * 4 / 3 about its centre 2 */
    ND_ASSERT_CLOSE(l[4], 0, 1e-12);
    ND_ASSERT_CLOSE(l[5], 20, 1e-12);
    ND_ASSERT_CLOSE(l[1] - l[0], 80.0 / 3, 1e-9);
    ND_ASSERT_CLOSE((l[0] + l[1]) / 2, 2, 1e-9);
    CU_ASSERT_EQUAL(nplot_set3d(ax, .zlim = NPLOT_F64S(1, 2, 3)), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "zlim") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set3d(ax, .zscale = "log"), ND_EVALUE);
    nplot_figure_free(fig);
}

/* apply_aspect: the drawn box is square (Axes3D.apply_aspect); get_tightbbox holds it and the
 * tick labels around it; set_frame_on keeps the panes (matplotlib draws them regardless) */
static void test_box_square_tightbbox_frame(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    double pos[4], bb[4];
    CU_ASSERT_EQUAL(nplot_axes_get_active_position(ax, pos), ND_OK);
    ND_ASSERT_CLOSE(pos[2] * 6.4, pos[3] * 4.8, 1e-9);
    double want[4];
    ref("active_position", want, 4);
    for (int i = 0; i < 4; i++) ND_ASSERT_CLOSE(pos[i], want[i], 2e-3); /* whole pixels in numc */
    CU_ASSERT_EQUAL(nplot_get_tightbbox(ax, bb), ND_OK);
    double x0, y0, x1, y1;
    CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
    CU_ASSERT(bb[0] <= x0 && bb[2] >= x1 && bb[2] > bb[0] && bb[3] > bb[1]);
    img a = render(fig);
    CU_ASSERT_EQUAL(nplot_axes_set_frame_on(ax, false), ND_OK);
    CU_ASSERT(!nplot_axes_get_frame_on(ax));
    img b = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a.px);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b.px);
    CU_ASSERT(a.w == b.w && a.h == b.h && !memcmp(a.px, b.px, (size_t)a.w * (size_t)a.h * 4));
    free(a.px), free(b.px);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *flat = nplot_subplot(fig, 1, 2, 1), *ax = nplot_subplot_3d(fig, 1, 2, 2);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(flat, "equal", NULL), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "not 3-D") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "square", NULL), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'square'") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "equal", "both"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_margins3d(ax, 0, -0.5, 0), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_autoscale3d(ax, true, "w"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_auto_scale_xyz(ax, NULL, 2, NULL, 0, NULL, 0, false), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_get_axis_position(NULL, NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_get_zticks(NULL, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_sharez(NULL, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nplot_get_aspect3d(NULL));
}

static void test_golden_equal_helix(void)
{
    enum { N = 200 };
    double x[N], y[N], z[N];
    for (int i = 0; i < N; i++) {
        double t = 4 * 3.14159265358979323846 * i / (N - 1);
        x[i] = cos(t), y[i] = 2 * sin(t), z[i] = t / 2;
    }
    nd_array *X = nd_from_f64(x, N), *Y = nd_from_f64(y, N), *Z = nd_from_f64(z, N);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot3d(ax, X, Y, Z), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_aspect3d(ax, "equal", NULL), ND_OK);
    CU_ASSERT_EQUAL(nplot_tick_params(ax, .axis = "z", .colors = "red", .labelsize = 8), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_zlabel(ax, "z"), ND_OK);
    char out[256];
    bool regen = golden_output(out, sizeof out, DIR, ".", "ax3db_equal_helix");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (!regen) {
        double rms = image_rms(DIR "/ax3db_equal_helix.png", out);
        if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden ax3db_equal_helix: RMS %g\n", rms);
        CU_ASSERT(rms >= 0 && rms <= 2.0);
        if (rms >= 0 && rms <= 2.0) remove(out);
    }
    /* structural: red z tick labels (tick_params reached z), and none on x / y */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    size_t red = 0;
    for (int i = 0; i < m.w * m.h; i++) {
        const unsigned char *p = m.px + 4 * (size_t)i;
        red += p[0] > 200 && p[1] < 80 && p[2] < 80;
    }
    CU_ASSERT(red > 30);
    free(m.px);
    nd_free(X), nd_free(Y), nd_free(Z);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_set_aspect_modes_match_matplotlib),
    ND_T(test_set_aspect_box_changes_the_box),
    ND_T(test_margins3d_match_matplotlib),
    ND_T(test_auto_scale_xyz_matches_matplotlib),
    ND_T(test_autoscale3d_freezes_one_axis),
    ND_T(test_get_axis_position_for_views),
    ND_T(test_z_ticks_match_matplotlib),
    ND_T(test_zaxis_date_matches_matplotlib),
    ND_T(test_sharez_limits),
    ND_T(test_tick_params_z_and_scales),
    ND_T(test_clear_resets_3d_state),
    ND_T(test_set3d_applies_in_order),
    ND_T(test_box_square_tightbbox_frame),
    ND_T(test_bad_input),
    ND_T(test_golden_equal_helix),
    { 0 },
};

ND_TEST_MAIN("plot_ax3db", tests)

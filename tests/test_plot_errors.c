/* Plotting errors a person meets at once: a failed call says so through numc's warning
 * channel naming the function; savefig without an extension appends ".png" as
 * matplotlib does; a label nested 200,000 braces deep is an error, not a stack
 * overflow; a Latin-1 title is decoded with a note instead of pango warnings; an allocation
 * that fails while laying out text reaches the figure status. */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "faultsim.h"
#include "testutil.h"

typedef struct seen { int n; char last[512]; } seen;
static void record(const char *msg, unsigned bits, void *ctx)
{
    (void)bits;
    seen *s = ctx;
    s->n++;
    snprintf(s->last, sizeof s->last, "%s", msg);
}

static nplot_axes *one_axes(nplot_figure **fig)
{
    *fig = nplot_figure_new(.width = 2, .height = 1.5, .dpi = 40);
    return nplot_subplot(*fig, 1, 1, 1);
}

static void test_failed_call_warns_at_once(void)
{
    seen s = { 0, "" };
    nd_seterrcall(record, &s);
    nplot_figure *fig;
    nplot_axes *ax = one_axes(&fig);
    double y[3] = { 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, NULL, y, 3, .fmt = "q-"), ND_EVALUE);
    CU_ASSERT_EQUAL(s.n, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "nplot_plot"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "q-"));
    /* the figure keeps the sticky status as before */
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
}

static void test_savefig_without_extension_appends_png(void)
{
    char dir[] = "/tmp/numc-noext.XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char path[64], png[64];
    snprintf(path, sizeof path, "%s/noext", dir);
    snprintf(png, sizeof png, "%s/noext.png", dir);
    nplot_figure *fig;
    one_axes(&fig);
    CU_ASSERT_EQUAL(nplot_savefig(fig, path), ND_OK);
    struct stat st;
    CU_ASSERT_EQUAL(stat(png, &st), 0);
    CU_ASSERT(st.st_size > 100);
    CU_ASSERT_NOT_EQUAL(stat(path, &st), 0);
    /* an explicit format keeps the path as given */
    CU_ASSERT_EQUAL(nplot_savefig(fig, path, .format = "svg"), ND_OK);
    CU_ASSERT_EQUAL(stat(path, &st), 0);
    FILE *f = fopen(path, "rb");
    char head[6] = "";
    CU_ASSERT(f && fread(head, 1, 5, f) == 5 && memcmp(head, "<?xml", 5) == 0);
    if (f) fclose(f);
    unlink(png);
    unlink(path);
    rmdir(dir);
    nplot_figure_free(fig);
}

static void test_deep_mathtext_is_an_error(void)
{
    size_t n = 200000;
    char *label = malloc(n + 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(label);
    label[0] = '$';
    memset(label + 1, '{', n);
    label[n + 1] = '$';
    label[n + 2] = '\0';
    nd_seterrcall(record, &(seen){ 0, "" });
    nplot_figure *fig;
    nplot_axes *ax = one_axes(&fig);
    nplot_set_xlabel(ax, label);
    nd_array *img = nplot_figure_to_array(fig); /* labels are laid out when painted */
    CU_ASSERT_PTR_NULL(img);
    nd_free(img);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "nested deeper than"));
    nplot_figure_free(fig);
    /* moderate nesting still renders */
    nplot_figure *ok;
    ax = one_axes(&ok);
    nplot_set_xlabel(ax, "$x^{y^{z^{w}}}_{{{{{i}}}}}$");
    img = nplot_figure_to_array(ok);
    CU_ASSERT_PTR_NOT_NULL(img);
    nd_free(img);
    nplot_figure_free(ok);
    nd_seterrcall(NULL, NULL);
    free(label);
}

static void test_latin1_title_is_decoded_with_a_note(void)
{
    seen s = { 0, "" };
    nd_seterrcall(record, &s);
    nplot_figure *fig;
    nplot_axes *ax = one_axes(&fig);
    nplot_set_title(ax, "Temp\xe9rature (\xb0" "C)"); /* Latin-1 bytes */
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL(img);
    nd_free(img);
    CU_ASSERT_EQUAL(s.n, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "not valid UTF-8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "Temp\xc3\xa9rature")); /* decoded text */
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
}

/* Limits near ±DBL_MAX: the span overflows, the ticks must not (matplotlib 3.6 raises
 * IndexError there); every label is finite and the axis is not blank. */
static void test_extreme_limits_get_ticks(void)
{
    const double lims[][2] = { { -1e308, 1e308 }, { -1.7e308, 1.7e308 }, { 0, 1e308 },
                               { -5e15, 5e15 } };
    for (size_t k = 0; k < sizeof lims / sizeof *lims; k++) {
        nplot_figure *fig;
        nplot_axes *ax = one_axes(&fig);
        CU_ASSERT_EQUAL(nplot_set_xlim(ax, lims[k][0], lims[k][1]), ND_OK);
        CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
        double t[32];
        int n = nplot_get_xticks(ax, t, 32);
        int visible = 0;
        for (int i = 0; i < n && i < 32; i++) {
            CU_ASSERT(isfinite(t[i]));
            if (t[i] >= lims[k][0] && t[i] <= lims[k][1]) visible++;
        }
        CU_ASSERT(visible >= 3);
        /* and the ticks land where they belong: the limits at the axes' edges, the
         * midpoint in the middle (a span of inf put every point at the left edge) */
        double x0, y0, x1, y1, pl, ph, pm, py;
        CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
        nplot_data_to_pixel(ax, lims[k][0], 0, &pl, &py);
        nplot_data_to_pixel(ax, lims[k][1], 0, &ph, &py);
        nplot_data_to_pixel(ax, lims[k][0] / 2 + lims[k][1] / 2, 0, &pm, &py);
        CU_ASSERT_DOUBLE_EQUAL(pl, x0, 1e-6);
        CU_ASSERT_DOUBLE_EQUAL(ph, x1, 1e-6);
        CU_ASSERT_DOUBLE_EQUAL(pm, (x0 + x1) / 2, 1e-6);
        /* the same on y */
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, lims[k][0], lims[k][1]), ND_OK);
        CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
        CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1), ND_OK);
        double qx, ql, qh;
        nplot_data_to_pixel(ax, 0, lims[k][0], &qx, &ql);
        nplot_data_to_pixel(ax, 0, lims[k][1], &qx, &qh);
        CU_ASSERT_DOUBLE_EQUAL(ql, y1, 1e-6); /* the low limit at the bottom */
        CU_ASSERT_DOUBLE_EQUAL(qh, y0, 1e-6);
        nplot_figure_free(fig);
    }
}

/* matplotlib widens identical limits with a warning, and limits whose span is too small
 * to resolve (subnormals) silently: never a blank axis or a poisoned figure. */
static void test_singular_limits_are_widened(void)
{
    seen s = { 0, "" };
    nd_seterrcall(record, &s);
    nplot_figure *fig;
    nplot_axes *ax = one_axes(&fig);
    CU_ASSERT_EQUAL(nplot_set_xlim(ax, 2, 2), ND_OK);
    CU_ASSERT_EQUAL(s.n, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "identical low and high xlims"));
    CU_ASSERT_EQUAL(nplot_set_ylim(ax, 1e-320, 2e-320), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 1.9, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2.1, 1e-15);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -0.05, 1e-15); /* matplotlib: (-0.05, 0.05) */
    CU_ASSERT_DOUBLE_EQUAL(hi, 0.05, 1e-15);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    CU_ASSERT(nplot_get_yticks(ax, NULL, 0) >= 3);
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
}

/* Every allocation of a render that fails (text layout: the Latin-1 copy of a label, its
 * mathtext markup; ticks, layout) reaches the figure: the render returns ND_ENOMEM and so
 * does the figure status. Before, a failed layout dropped the text and the status stayed
 * ND_OK. Each allocation of the render fails once, in turn. */
static void test_text_allocation_failure_reaches_status(void)
{
    seen s = { 0, "" };
    nd_seterrcall(record, &s);
    nd_set_allocator(&(nd_allocator){ faultsim_alloc, faultsim_free, NULL });
    long failed = 0, text_failed = 0;
    for (long k = 1; k < 5000; k++) {
        nplot_figure *fig;
        nplot_axes *ax = one_axes(&fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
        nplot_set_title(ax, "caf\xe9 $x^{2}$");       /* Latin-1: decoded into a copy */
        nplot_set_xlabel(ax, "$\\alpha_{i}^{2}$"); /* mathtext markup */
        int w, h;
        nplot_figure_pixel_size(fig, &w, &h);
        unsigned char *rgba = malloc((size_t)w * h * 4); /* not through the hooks */
        CU_ASSERT_PTR_NOT_NULL_FATAL(rgba);
        atomic_store(&faultsim_calls, 0);
        atomic_store(&faultsim_hit, 0);
        faultsim_fail_at = k;
        nd_status st = nplot_figure_render_rgba(fig, rgba, w, h, 4 * w);
        faultsim_fail_at = 0;
        free(rgba);
        int hit = atomic_load(&faultsim_hit);
        if (!hit) { /* fewer than k allocations: every one was failed once */
            CU_ASSERT_EQUAL(st, ND_OK);
            CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
            nplot_figure_free(fig);
            break;
        }
        failed++;
        if (strstr(nplot_figure_errmsg(fig), "text") || strstr(nplot_figure_errmsg(fig), "mathtext"))
            text_failed++;
        if (st != ND_ENOMEM || nplot_figure_status(fig) != ND_ENOMEM)
            printf("\n  allocation %ld of the render failed: render %d, status %d (%s)", k, (int)st,
                   (int)nplot_figure_status(fig), nplot_figure_errmsg(fig));
        CU_ASSERT_EQUAL(st, ND_ENOMEM);
        CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_ENOMEM);
        nplot_figure_free(fig);
    }
    nd_set_allocator(NULL);
    nd_seterrcall(NULL, NULL);
    CU_ASSERT(failed >= 3);
    CU_ASSERT(text_failed >= 2); /* the Latin-1 copy and the markup at least */
}

/* A megabyte label is laid out cut to 16384 bytes (at a character boundary, with an
 * ellipsis and a note): pango keeps ~100 bytes per character, so a 10 MB column name
 * used to take a gigabyte. */
static void test_huge_text_is_cut_for_layout(void)
{
    size_t n = 1 << 20;
    char *title = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(title);
    title[0] = 'x'; /* then é (2 bytes): byte 16384 is inside a character */
    for (size_t i = 1; i + 1 < n; i += 2) memcpy(title + i, "\xc3\xa9", 2);
    title[n - 1] = 'y';
    title[n] = '\0';
    seen s = { 0, "" };
    nd_seterrcall(record, &s);
    nplot_figure *fig;
    nplot_axes *ax = one_axes(&fig);
    nplot_set_title(ax, title);
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL(img);
    nd_free(img);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    CU_ASSERT(s.n >= 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(s.last, "a text of 1048576 bytes is cut to 16383 for layout"));
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
    free(title);
}

static const ND_TEST tests[] = {
    ND_T(test_extreme_limits_get_ticks),
    ND_T(test_singular_limits_are_widened),
    ND_T(test_failed_call_warns_at_once),
    ND_T(test_savefig_without_extension_appends_png),
    ND_T(test_deep_mathtext_is_an_error),
    ND_T(test_latin1_title_is_decoded_with_a_note),
    ND_T(test_text_allocation_failure_reaches_status),
    ND_T(test_huge_text_is_cut_for_layout),
    { 0 },
};
ND_TEST_MAIN("plot_errors", tests)

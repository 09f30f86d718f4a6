/* The Artist protocol on Axes and Figure (plot/artist_protocol.c) against matplotlib 3.6
 * (scripts/mpl_axgeneric_reference.py writes tests/data/plot/axgeneric/ref.txt): ax.set,
 * ax.update, update_from and fig.set / update read back through getp / properties() as
 * matplotlib prints them, units of category and date axes, the axes locator, clip box and
 * path, findobj and the default extra artists, execute_constrained_layout, bad input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numc/numc.h"
#include "numc/plot.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/axgeneric/ref.txt"

/* matplotlib's str() of case.prop, or NULL */
static const char *ref_str(const char *key)
{
    static char val[1024];
    FILE *f = fopen(REF, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[1200];
    const char *found = NULL;
    size_t kl = strlen(key);
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, kl) || line[kl] != '\t') continue;
        line[strcspn(line, "\n")] = 0;
        snprintf(val, sizeof val, "%s", line + kl + 1);
        found = val;
    }
    fclose(f);
    return found;
}

/* The numbers of s in order, and its text with them taken out (and blanks dropped), so
 * "(0.0, 10.0)" matches "(0, 10)" and "[5.  4.8]" matches "[5.0 4.8]". */
static int split_numbers(const char *s, double *num, int cap, char *skel)
{
    int n = 0;
    while (*s) {
        char *end;
        bool start = (*s >= '0' && *s <= '9') || ((*s == '-' || *s == '.') && s[1] >= '0' && s[1] <= '9');
        double v = start ? strtod(s, &end) : 0;
        if (start && end != s) {
            if (n < cap) num[n] = v;
            n++;
            s = end;
            *skel++ = '#';
        } else {
            if (*s != ' ') *skel++ = *s;
            s++;
        }
    }
    *skel = 0;
    return n;
}

static void check_same(const char *key, const char *got, double tol)
{
    const char *want = ref_str(key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    double a[16], b[16];
    char sa[1024], sb[1024];
    int na = split_numbers(got, a, 16, sa), nb = split_numbers(want, b, 16, sb);
    bool ok = na == nb && !strcmp(sa, sb);
    for (int i = 0; ok && i < na && i < 16; i++) ok = fabs(a[i] - b[i]) <= tol;
    if (!ok) fprintf(stderr, "%s: numc '%s', matplotlib '%s'\n", key, got, want);
    CU_ASSERT(ok);
}

/* every property the case's lines name, through nplot_axes_get_prop */
static void check_axes_case(nplot_axes *ax, const char *cas)
{
    FILE *f = fopen(REF, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[1200];
    int checked = 0;
    size_t cl = strlen(cas);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, cas, cl) || line[cl] != '.') continue;
        char key[128], prop[128], got[1024];
        snprintf(key, sizeof key, "%.*s", (int)strcspn(line, "\t"), line);
        snprintf(prop, sizeof prop, "%s", key + cl + 1);
        ptrdiff_t n = nplot_axes_get_prop(ax, prop, got, sizeof got);
        CU_ASSERT(n >= 0);
        if (n < 0) fprintf(stderr, "%s: %s\n", key, nd_errmsg());
        else check_same(key, got, !strcmp(prop, "position") ? 1e-3 : 1e-9);
        checked++;
    }
    fclose(f);
    CU_ASSERT(checked > 5);
}

static void check_figure_case(nplot_figure *fig, const char *cas)
{
    FILE *f = fopen(REF, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[1200];
    size_t cl = strlen(cas);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, cas, cl) || line[cl] != '.') continue;
        char key[128], got[1024];
        snprintf(key, sizeof key, "%.*s", (int)strcspn(line, "\t"), line);
        ptrdiff_t n = nplot_figure_get_prop(fig, key + cl + 1, got, sizeof got);
        CU_ASSERT(n >= 0);
        if (n >= 0) check_same(key, got, 1e-4); /* matplotlib rounds the pads to 0.04167 */
    }
    fclose(f);
}

static void test_set_reads_back_as_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set(ax, "title='T', xlim=(0, 10), alpha=0.5, label='L', zorder=3"),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    check_axes_case(ax, "set");
    /* properties(): sorted "name = value" lines, the same values as getp */
    char buf[8192];
    ptrdiff_t n = nplot_axes_properties(ax, buf, sizeof buf);
    CU_ASSERT(n > 0 && (size_t)n < sizeof buf);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "adjustable = box\nalpha = 0.5\nanchor = C\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\nxlim = (0.0, 10.0)\n"));
    CU_ASSERT_EQUAL(nplot_axes_properties(ax, NULL, 0), n); /* the length alone */
    char small[16];
    CU_ASSERT_EQUAL(nplot_axes_properties(ax, small, sizeof small), n);
    CU_ASSERT_EQUAL(strlen(small), sizeof small - 1);
    /* a value with commas in quotes and a tuple in brackets */
    CU_ASSERT_EQUAL(nplot_axes_set(ax, "title=\"a, b\", ylim=[-2, 2.5]"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_title(ax, NULL), "a, b");
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -2, 0);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2.5, 0);
    nplot_figure_free(fig);
}

/* numbers print as Python's repr(float) */
static void test_numbers_print_as_python_repr(void)
{
    static const struct { const char *in, *out; } cases[] = {
        { "0.1", "0.1" }, { "1e-05", "1e-05" }, { "0.0001", "0.0001" }, { "1e16", "1e+16" },
        { "123456", "123456.0" }, { "2.5e-7", "2.5e-07" }, { "-3", "-3.0" },
        { "1e15", "1000000000000000.0" }, { "0.30000000000000004", "0.30000000000000004" },
        { "None", "None" },
    };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char got[64];
        CU_ASSERT_EQUAL(nplot_axes_set_prop(ax, "rasterization_zorder", cases[i].in), ND_OK);
        nplot_axes_get_prop(ax, "rasterization_zorder", got, sizeof got);
        if (strcmp(got, cases[i].out)) fprintf(stderr, "%s: '%s', want '%s'\n", cases[i].in, got, cases[i].out);
        CU_ASSERT_STRING_EQUAL(got, cases[i].out);
    }
    nplot_figure_free(fig);
}

static void test_update_reads_back_as_matplotlib(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    const char *names[] = { "xlabel", "ylim", "fc", "axisbelow", "anchor", "snap", "visible",
                            "gid", "url", "rasterization_zorder", "box_aspect", "yscale",
                            "clip_on", "in_layout", "frame_on" };
    const char *values[] = { "time (s)", "(-1, 1)", "(0.5, 0.25, 0.0, 1.0)", "True", "'SW'",
                             "False", "False", "g1", "https://numc.org", "1.5", "0.5",
                             "symlog", "False", "False", "False" };
    CU_ASSERT_EQUAL(nplot_axes_update(ax, names, values, 15), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    check_axes_case(ax, "update");
    nplot_figure_free(fig);
}

static void test_update_from_copies_artist_properties(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 2, 2, 1), *b = nplot_subplot(fig, 2, 2, 2);
    CU_ASSERT_EQUAL(nplot_axes_set(a, "alpha=0.3, visible=False, label=src, zorder=5, "
                                      "clip_on=False, title=kept"), ND_OK);
    const double box[4] = { 1, 2, 30, 40 }, path[6] = { 0, 0, 10, 0, 5, 8 };
    CU_ASSERT_EQUAL(nplot_axes_set_clip_box(a, box), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_set_clip_path(a, path, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_update_from(b, a), ND_OK);
    check_axes_case(b, "update_from");
    double got[4], gp[6];
    CU_ASSERT(nplot_axes_get_clip_box(b, got));
    CU_ASSERT_DOUBLE_EQUAL(got[2], 30, 0);
    CU_ASSERT_EQUAL(nplot_axes_get_clip_path(b, gp, 3), 3);
    CU_ASSERT_DOUBLE_EQUAL(gp[5], 8, 0);
    char s[128];
    nplot_axes_get_prop(b, "clip_box", s, sizeof s);
    CU_ASSERT_STRING_EQUAL(s, "Bbox(x0=1.0, y0=2.0, x1=30.0, y1=40.0)");
    CU_ASSERT_EQUAL(nplot_axes_set_clip_box(b, NULL), ND_OK);
    CU_ASSERT_FALSE(nplot_axes_get_clip_box(b, got));
    CU_ASSERT_EQUAL(nplot_axes_set_clip_path(b, NULL, 0), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_clip_path(b, NULL, 0), 0);
    nplot_figure_free(fig);
}

static void test_figure_set_update_properties(void)
{
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set(fig, "dpi=50, facecolor='0.8', edgecolor=red, linewidth=2, "
                                          "label=main, frameon=False"), ND_OK);
    const char *names[] = { "figwidth", "gid", "alpha", "zorder" };
    const char *values[] = { "5", "fig1", "0.75", "2" };
    CU_ASSERT_EQUAL(nplot_figure_update(fig, names, values, 4), ND_OK);
    check_figure_case(fig, "figset");
    char buf[4096];
    CU_ASSERT(nplot_figure_properties(fig, buf, sizeof buf) > 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "alpha = 0.75\nclip_box = None\n"));
    nplot_figure *cl = nplot_figure_new(.layout = "constrained");
    check_figure_case(cl, "figcl");
    /* update_from: visible, alpha, clip_on, label, clip box */
    CU_ASSERT_EQUAL(nplot_figure_update_from(cl, fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_label(cl), "main");
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_alpha(cl), 0.75, 0);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_zorder(cl), 0, 0); /* not copied, as matplotlib */
    nplot_figure_free(cl);
    nplot_figure_free(fig);
}

static void test_unknown_names_list_close_matches(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    char buf[64];
    /* a getter's typo leaves the figure usable */
    CU_ASSERT_EQUAL(nplot_axes_get_prop(ax, "xlimm", buf, sizeof buf), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(did you mean 'xlim'"));
    CU_ASSERT_EQUAL(nplot_figure_get_prop(fig, "dpix", buf, sizeof buf), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'dpi'"));
    CU_ASSERT_EQUAL(nplot_axes_set_prop(ax, "title", "ok"), ND_OK);
    /* read-only properties and bad values */
    CU_ASSERT_EQUAL(nplot_axes_set_prop(ax, "data_ratio", "2"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_prop(ax, "visible", "maybe"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "True or False"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set(ax, "title=x, xlimm=(0, 1)"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Axes.set() got an unexpected keyword argument 'xlimm'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set(ax, "title"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set(fig, "dpix=3"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Figure.set() got an unexpected keyword argument 'dpix'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_prop(ax, "xlim", "(1, 2, 3)"), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_axes_set(NULL, "a=1"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_properties(NULL, buf, sizeof buf), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_axes_update(NULL, NULL, NULL, 0), ND_EVALUE);
}

static double ref_num(const char *key)
{
    const char *s = ref_str(key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    return strtod(s, NULL);
}

static void test_units_categories_and_dates(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *c1 = nplot_subplot(fig, 1, 2, 1), *c2 = nplot_subplot(fig, 1, 2, 2);
    const char *fruit[] = { "apple", "banana", "cherry" };
    const double y[] = { 1, 2, 3 };
    CU_ASSERT_FALSE(nplot_axes_have_units(c1));
    CU_ASSERT_EQUAL(nplot_plot_cat(c1, fruit, y, 3), ND_OK);
    double v;
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(c1, "banana", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, ref_num("units.banana"), 0);
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(c1, "kiwi", &v), ND_OK); /* a new category */
    CU_ASSERT_DOUBLE_EQUAL(v, ref_num("units.kiwi"), 0);
    CU_ASSERT_EQUAL(nplot_axes_convert_yunits(c1, "2.5", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, ref_num("units.y"), 0);
    CU_ASSERT(nplot_axes_have_units(c1));
    CU_ASSERT_STRING_EQUAL(ref_str("units.have"), "True");
    /* a date axis: an ISO date becomes its date number */
    static const char *const days[] = { "2020-01-01", "2020-03-01" };
    nd_array *d = nd_datetime64_from_strings(2, days, ND_DATETIME64_OF(ND_DT_D));
    nd_array *dy = nd_arange(1, 3, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(nplot_plot(c2, d, dy), ND_OK);
    CU_ASSERT(nplot_axes_have_units(c2));
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(c2, "2020-02-01", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, ref_num("units.date"), 0);
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(c2, "2020-13-45", &v), ND_EVALUE);
    nd_free(d);
    nd_free(dy);
    nplot_figure_free(fig);
}

static void test_units_strings_on_plain_axis_fail(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double v;
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(ax, "zz", &v), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Failed to convert value(s) to axis units: 'zz'"));
    CU_ASSERT_EQUAL(nplot_axes_convert_xunits(ax, "3.5", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, 3.5, 0);
    CU_ASSERT_FALSE(nplot_axes_have_units(ax));
    CU_ASSERT_STRING_EQUAL(ref_str("units.have_none"), "False");
    nplot_figure_free(fig);
}

/* Axes3D.convert_zunits: a date number on a z date axis, a number as itself; 3-D only */
static void test_units_z(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a3 = nplot_subplot_3d(fig, 1, 2, 1), *a2 = nplot_subplot(fig, 1, 2, 2);
    double v;
    CU_ASSERT_EQUAL(nplot_axes_convert_zunits(a3, "2020-02-01", &v), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "the z axis has no categories or dates"));
    CU_ASSERT_EQUAL(nplot_axes_convert_zunits(a3, "-4.25", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, -4.25, 0);
    CU_ASSERT_EQUAL_FATAL(nplot_axis_date(a3, "z"), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_convert_zunits(a3, "2020-02-01", &v), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(v, ref_num("units.date"), 0);
    CU_ASSERT_EQUAL(nplot_axes_convert_zunits(NULL, "1", &v), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    a2 = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_convert_zunits(a2, "1", &v), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not 3-D"));
    nplot_figure_free(fig);
}

static void test_figure_of_axes(void)
{
    nplot_figure *fig = nplot_figure_new(), *other = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_EQUAL(nplot_axes_get_figure(ax), fig);
    CU_ASSERT_EQUAL(nplot_axes_set_figure(ax, fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_set_figure(ax, other), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Can not put single artist in more than one figure"));
    CU_ASSERT_PTR_NULL(nplot_axes_get_figure(NULL));
    nplot_figure_free(other);
    nplot_figure_free(fig);
}

static nd_status place_fixed(nplot_axes *ax, double rect[4], void *ctx)
{
    (void)ax;
    int *calls = ctx;
    (*calls)++;
    rect[0] = 0.2, rect[1] = 0.3, rect[2] = 0.4, rect[3] = 0.5;
    return ND_OK;
}

static nd_status place_bad(nplot_axes *ax, double rect[4], void *ctx)
{
    (void)ax, (void)ctx;
    rect[2] = NAN;
    return ND_OK;
}

static void test_axes_locator_places_the_axes(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    int calls = 0;
    void *ctx = NULL;
    CU_ASSERT_PTR_NULL(nplot_axes_get_axes_locator(ax, &ctx));
    CU_ASSERT_EQUAL(nplot_axes_set_axes_locator(ax, place_fixed, &calls), ND_OK);
    CU_ASSERT(nplot_axes_get_axes_locator(ax, &ctx) == place_fixed);
    CU_ASSERT_PTR_EQUAL(ctx, &calls);
    double b[4];
    CU_ASSERT_EQUAL(nplot_axes_get_active_position(ax, b), ND_OK);
    CU_ASSERT(calls > 0);
    /* matplotlib: ax.get_position() is the locator's box (pixel-rounded here: 1/480) */
    CU_ASSERT_DOUBLE_EQUAL(b[0], 0.2, 2e-3);
    CU_ASSERT_DOUBLE_EQUAL(b[1], 0.3, 2e-3);
    CU_ASSERT_DOUBLE_EQUAL(b[2], 0.4, 2e-3);
    CU_ASSERT_DOUBLE_EQUAL(b[3], 0.5, 2e-3);
    char s[64];
    nplot_axes_get_prop(ax, "axes_locator", s, sizeof s);
    CU_ASSERT_STRING_EQUAL(s, "<C function>");
    CU_ASSERT_EQUAL(nplot_axes_set_axes_locator(ax, place_bad, NULL), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_findobj_and_extra_artists(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *x = nd_linspace(0, 1, 5);
    nplot_plot(ax, x, x);
    nplot_plot(ax, x, x);
    nplot_text(ax, 0.5, 0.5, "hi");
    nplot_artist *arts[8];
    CU_ASSERT_EQUAL(nplot_axes_findobj(ax, NULL, arts, 8), 3);
    CU_ASSERT_EQUAL(nplot_axes_findobj(ax, nplot_artist_kind(arts[0]), NULL, 0), 2);
    CU_ASSERT_EQUAL(nplot_artist_set_visible(arts[1], false), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_default_bbox_extra_artists(ax, arts, 8), 2);
    CU_ASSERT_EQUAL(nplot_figure_get_default_bbox_extra_artists(fig, NULL, 0), 2);
    CU_ASSERT_EQUAL(nplot_axes_set_visible(ax, false), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_default_bbox_extra_artists(fig, NULL, 0), 0);
    CU_ASSERT_EQUAL(nplot_axes_findobj(NULL, NULL, NULL, 0), -1);
    nd_free(x);
    nplot_figure_free(fig);
}

static void test_execute_constrained_layout(void)
{
    nplot_figure *fig = nplot_figure_new(.layout = "constrained");
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_xlabel(ax, "x");
    CU_ASSERT_EQUAL(nplot_figure_execute_constrained_layout(fig), ND_OK);
    double b[4], b2[4];
    CU_ASSERT_EQUAL(nplot_axes_get_active_position(ax, b), ND_OK);
    CU_ASSERT(b[0] < 0.125); /* constrained: wider than the default subplot params */
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_active_position(ax, b2), ND_OK);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(b[i], b2[i], 1e-12);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_execute_constrained_layout(fig), ND_OK); /* no engine: nothing */
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_set_reads_back_as_matplotlib),
    ND_T(test_numbers_print_as_python_repr),
    ND_T(test_update_reads_back_as_matplotlib),
    ND_T(test_update_from_copies_artist_properties),
    ND_T(test_figure_set_update_properties),
    ND_T(test_unknown_names_list_close_matches),
    ND_T(test_units_categories_and_dates),
    ND_T(test_units_strings_on_plain_axis_fail),
    ND_T(test_units_z),
    ND_T(test_figure_of_axes),
    ND_T(test_axes_locator_places_the_axes),
    ND_T(test_findobj_and_extra_artists),
    ND_T(test_execute_constrained_layout),
    { NULL, NULL },
};

ND_TEST_MAIN("plot_axgeneric", tests)

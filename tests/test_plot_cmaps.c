/* Colormaps against matplotlib (tests/data/cmaps.txt from scripts/gen_cmap_fixtures.py):
 * every built-in map and its _r at 11 values plus the under / over / bad colors and over
 * every entry of its lookup table, the same
 * maps resampled ("name:N"), maps made from colors (ListedColormap, from_list) with their
 * extremes, reversed and resampled; registering a map and using it by name in a plot;
 * unknown names and bad input; the object functions under fault injection. */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "fixture.h"
#include "testutil.h"

#define CMAPS NUMC_TEST_DATA "/cmaps.txt"
enum { NS = 14, MAXV = 4 * NS };
/* numc evaluates each map as matplotlib does; the built-in listed colors (viridis, tab10)
 * are kept in 8 bits, half a step from matplotlib's floats at most. The fixture rounds to
 * 4 decimals. */
#define TOL (0.5 / 255 + 6e-5)

static double samples[NS];

static void load_samples(void)
{
    static bool done;
    if (done) return;
    CU_ASSERT_EQUAL_FATAL(fixture_values(CMAPS, "samples", samples, NS), NS);
    done = true;
}

typedef nd_status (*color_fn)(const void *map, double v, nplot_rgba *out);

static nd_status by_name(const void *map, double v, nplot_rgba *out)
{
    return nplot_cmap_color(map, v, out);
}

static nd_status by_object(const void *map, double v, nplot_rgba *out)
{
    return nplot_colormap_color(map, v, out);
}

/* The colors of `map` at the samples equal the fixture `key`; false (after printing the
 * first difference) when they do not. */
static bool matches(const char *key, color_fn fn, const void *map)
{
    load_samples();
    double want[MAXV];
    int m = fixture_values(CMAPS, key, want, MAXV);
    if (m != MAXV) {
        printf("\n  %s: fixture has %d values\n", key, m);
        return false;
    }
    for (int i = 0; i < NS; i++) {
        nplot_rgba c = { -1, -1, -1, -1 };
        if (fn(map, samples[i], &c) != ND_OK) {
            printf("\n  %s: %s\n", key, nd_errmsg());
            return false;
        }
        double got[4] = { c.r, c.g, c.b, c.a };
        for (int k = 0; k < 4; k++)
            if (!(fabs(got[k] - want[4 * i + k]) <= TOL)) {
                printf("\n  %s at %g channel %d: %.5f, matplotlib %.5f\n", key, samples[i], k,
                       got[k], want[4 * i + k]);
                return false;
            }
    }
    return true;
}

/* The fixture's entry count for key. */
static int fixture_n(const char *key)
{
    char nkey[128];
    double n = -1;
    snprintf(nkey, sizeof nkey, "%s.n", key);
    CU_ASSERT_EQUAL(fixture_values(CMAPS, nkey, &n, 1), 1);
    return (int)n;
}

/* Every entry of the map's table against the fixture's sums (see gen_cmap_fixtures.py):
 * sum(c) and sum((i + 1) / n * c) per channel. */
static bool lut_matches(const char *key, const nplot_colormap *cm)
{
    char lkey[128];
    double want[8], got[8] = { 0 };
    snprintf(lkey, sizeof lkey, "%s.lut", key);
    if (fixture_values(CMAPS, lkey, want, 8) != 8) {
        printf("\n  %s: no table sums in the fixture\n", key);
        return false;
    }
    int n = nplot_colormap_n(cm);
    for (int i = 0; i < n; i++) {
        nplot_rgba c;
        nplot_colormap_color(cm, (i + 0.5) / n, &c);
        double v[4] = { c.r, c.g, c.b, c.a }, w = (i + 1.0) / n;
        for (int k = 0; k < 4; k++) got[k] += v[k], got[4 + k] += w * v[k];
    }
    for (int k = 0; k < 8; k++)
        if (!(fabs(got[k] - want[k]) <= 1e-9 * n)) {
            printf("\n  %s: table sum %d is %.12g, matplotlib's %.12g\n", key, k, got[k], want[k]);
            return false;
        }
    return true;
}

/* The names matplotlib lists; the caller frees the line that *names point into. */
static char *fixture_names(const char **names, int cap, int *count)
{
    char *line = fixture_line(CMAPS, "names");
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    *count = 0;
    for (char *t = strtok(line + 6, " \n"); t && *count < cap; t = strtok(NULL, " \n"))
        names[(*count)++] = t;
    return line;
}

/* One name and its resampled forms, by name and through an object copy: the samples and
 * every entry of the table. */
static int check_name(const char *name)
{
    static const int resampled[] = { 0, 1, 5, 300 };
    int bad = 0;
    for (size_t r = 0; r < sizeof resampled / sizeof *resampled; r++) {
        char key[96];
        if (resampled[r]) snprintf(key, sizeof key, "%s:%d", name, resampled[r]);
        else snprintf(key, sizeof key, "%s", name);
        nplot_colormap *cm = nplot_colormap_get(key);
        bool ok = matches(key, by_name, key) && cm && matches(key, by_object, cm) &&
                  nplot_colormap_n(cm) == fixture_n(key) && lut_matches(key, cm) &&
                  !strcmp(nplot_colormap_name(cm), name);
        if (!ok) printf("  (%s)\n", key);
        bad += !ok;
        nplot_colormap_free(cm);
    }
    return bad;
}

static void test_every_matplotlib_colormap(void)
{
    const char *names[400];
    int n;
    char *line = fixture_names(names, 400, &n);
    CU_ASSERT_EQUAL(n, 166); /* matplotlib 3.6: 83 maps and their _r */
    int bad = 0;
    for (int i = 0; i < n; i++) bad += check_name(names[i]);
    CU_ASSERT_EQUAL(bad, 0);
    /* nplot_colormap_builtin lists the same maps, without the _r forms, in the same order */
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (len > 2 && !strcmp(names[i] + len - 2, "_r")) continue;
        const char *b = nplot_colormap_builtin(k++);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        CU_ASSERT_STRING_EQUAL(b, names[i]);
    }
    CU_ASSERT_EQUAL(k, 83);
    CU_ASSERT_PTR_NULL(nplot_colormap_builtin(k));
    free(line);
}

/* The brief's list, spelled out, so a missing one is named here too. */
static void test_named_maps_exist(void)
{
    static const char *const want[] = {
        "YlGn", "YlOrBr", "OrRd", "PuRd", "RdPu", "BuPu", "GnBu", "PuBu", "PuBuGn", "BuGn",
        "RdGy", "Wistia", "afmhot", "gist_heat", "gist_yarg", "gist_gray", "twilight_shifted",
        "Pastel2", "tab20b", "tab20c", "cubehelix", "CMRmap", "gnuplot", "gnuplot2",
        "nipy_spectral", "gist_earth", "gist_stern", "gist_rainbow", "gist_ncar", "brg",
        "flag", "prism", "grey",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        nplot_rgba c;
        CU_ASSERT_EQUAL(nplot_cmap_color(want[i], 0.5, &c), ND_OK);
        char r[64];
        snprintf(r, sizeof r, "%s_r", want[i]);
        CU_ASSERT_EQUAL(nplot_cmap_color(r, 0.5, &c), ND_OK);
    }
    /* the spellings later matplotlib versions accept; NULL is viridis */
    static const char *const alias[][2] = { { "grey", "gray" }, { "gist_grey_r", "gist_gray_r" },
                                            { "gist_yerg:7", "gist_yarg:7" }, { "Grays", "Greys" } };
    nplot_rgba a, b;
    for (size_t i = 0; i < sizeof alias / sizeof *alias; i++) {
        CU_ASSERT_EQUAL(nplot_cmap_color(alias[i][0], 0.3, &a), ND_OK);
        CU_ASSERT_EQUAL(nplot_cmap_color(alias[i][1], 0.3, &b), ND_OK);
        CU_ASSERT(a.r == b.r && a.g == b.g && a.b == b.b);
    }
    CU_ASSERT_EQUAL(nplot_cmap_color(NULL, 0.3, &a), ND_OK);
    CU_ASSERT_EQUAL(nplot_cmap_color("viridis", 0.3, &b), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(a.g, b.g, 0);
}

static const char *const three[] = { "red", "#00ff0080", "C1" };

static void test_listed_colormaps(void)
{
    nplot_colormap *cm = nplot_colormap_listed("three", .colors = NPLOT_STR_ARRAY(three, 3));
    CU_ASSERT_PTR_NOT_NULL_FATAL(cm);
    CU_ASSERT(matches("user_listed", by_object, cm));
    CU_ASSERT_EQUAL(nplot_colormap_n(cm), 3);
    CU_ASSERT_STRING_EQUAL(nplot_colormap_name(cm), "three");
    nplot_colormap_free(cm);

    cm = nplot_colormap_listed("five", .colors = NPLOT_STR_ARRAY(three, 3), .n = 5);
    CU_ASSERT(cm && matches("user_listed_n5", by_object, cm));
    CU_ASSERT_EQUAL(nplot_colormap_n(cm), 5);
    nplot_colormap_free(cm);

    const nplot_rgba values[] = { { 0.1, 0.2, 0.3, 1.0 }, { 0.9, 0.8, 0.7, 0.5 } };
    cm = nplot_colormap_listed(NULL, .rgba = values, .nrgba = 2);
    CU_ASSERT(cm && matches("user_listed_rgba", by_object, cm));
    CU_ASSERT_STRING_EQUAL(nplot_colormap_name(cm), "from_list");
    nplot_colormap_free(cm);

    /* under / over kept by resampled, swapped by reversed */
    cm = nplot_colormap_listed("lx", .colors = NPLOT_STRS("red", "green", "blue", "yellow"));
    CU_ASSERT_EQUAL(nplot_colormap_set_under(cm, "cyan"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_over(cm, "0.25"), ND_OK);
    nplot_colormap *rs = nplot_colormap_resampled(cm, 7);
    nplot_colormap *rr = nplot_colormap_reversed(rs);
    CU_ASSERT(rr && matches("user_listed_extremes_resampled_r", by_object, rr));
    CU_ASSERT_STRING_EQUAL(nplot_colormap_name(rr), "lx_r");
    nplot_colormap_free(rr);
    nplot_colormap_free(rs);
    /* reversed first, then resampled: by objects and by a registered name */
    rr = nplot_colormap_reversed(cm);
    rs = nplot_colormap_resampled(rr, 7);
    CU_ASSERT(rs && matches("user_listed_extremes_r_resampled", by_object, rs));
    CU_ASSERT_EQUAL(nplot_colormap_register(cm, "test_lx"), ND_OK);
    CU_ASSERT(matches("user_listed_extremes_r_resampled", by_name, "test_lx_r:7"));
    nplot_colormap_free(rs);
    nplot_colormap_free(rr);
    nplot_colormap_free(cm);

    cm = nplot_colormap_listed(NULL, .colors = NPLOT_STR_ARRAY(three, 3), .n = 2);
    CU_ASSERT(cm && matches("user_listed_n2", by_object, cm));
    nplot_colormap_free(cm);

    /* a built-in listed map resampled then reversed, and "name:N" past the 256 of the kinds */
    cm = nplot_colormap_get("viridis");
    rs = nplot_colormap_resampled(cm, 5);
    rr = nplot_colormap_reversed(rs);
    CU_ASSERT(rr && matches("viridis_resampled_reversed", by_object, rr));
    nplot_colormap_free(rr);
    nplot_colormap_free(rs);
    nplot_colormap_free(cm);
    CU_ASSERT_EQUAL(fixture_n("twilight"), 510);
    CU_ASSERT(matches("twilight_256", by_name, "twilight:256"));
}

static void test_from_list_colormaps(void)
{
    nplot_colormap *cm = nplot_colormap_from_list("rwb", .colors = NPLOT_STRS("red", "white", "blue"));
    CU_ASSERT(cm && matches("user_from_list", by_object, cm));
    CU_ASSERT_EQUAL(nplot_colormap_n(cm), 256);
    nplot_colormap_free(cm);

    cm = nplot_colormap_from_list("pairs", .colors = NPLOT_STRS("navy", "gold", "#ff000040"),
                                  .values = NPLOT_F64S(0, 0.3, 1), .n = 7);
    CU_ASSERT(cm && matches("user_from_list_values", by_object, cm));
    nplot_colormap_free(cm);

    cm = nplot_colormap_from_list("ext", .colors = NPLOT_STRS("black", "tab:orange"), .n = 16);
    CU_ASSERT_EQUAL(nplot_colormap_set_under(cm, "k"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_over(cm, "white,0.5"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_bad(cm, "magenta"), ND_OK);
    CU_ASSERT(matches("user_extremes", by_object, cm));
    nplot_colormap *r = nplot_colormap_reversed(cm);
    CU_ASSERT(r && matches("user_extremes_r", by_object, r));
    nplot_colormap_free(r);
    r = nplot_colormap_resampled(cm, 4);
    CU_ASSERT(r && matches("user_extremes_resampled", by_object, r));
    CU_ASSERT_EQUAL(nplot_colormap_n(r), 4);
    nplot_colormap_free(r);
    nplot_colormap_free(cm);
}

static void expect_error(nd_status st, const char *part)
{
    CU_ASSERT_EQUAL(st, ND_EVALUE);
    if (!strstr(nd_errmsg(), part)) printf("\n  message '%s' lacks '%s'\n", nd_errmsg(), part);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), part));
}

static void quiet(const char *msg, unsigned bits, void *ctx)
{
    (void)msg, (void)bits, (void)ctx;
}

static void test_register_and_use_by_name(void)
{
    nplot_colormap *cm = nplot_colormap_from_list("ext", .colors = NPLOT_STRS("black", "tab:orange"), .n = 16);
    CU_ASSERT_EQUAL(nplot_colormap_set_under(cm, "k"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_over(cm, "white,0.5"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_set_bad(cm, "magenta"), ND_OK);
    CU_ASSERT_EQUAL(nplot_colormap_register(cm, "test_ext"), ND_OK);
    nplot_colormap_free(cm); /* the registry keeps its own copy */
    CU_ASSERT(matches("user_extremes", by_name, "test_ext"));
    CU_ASSERT(matches("user_extremes_r", by_name, "test_ext_r"));
    CU_ASSERT(matches("user_extremes_resampled", by_name, "test_ext:4"));
    nplot_colormap *got = nplot_colormap_get("test_ext_r");
    CU_ASSERT(got && matches("user_extremes_r", by_object, got));
    nplot_colormap_free(got);

    /* names are never replaced */
    nplot_colormap *v = nplot_colormap_get("viridis");
    CU_ASSERT_EQUAL(nplot_colormap_register(v, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'viridis' is already known"));
    CU_ASSERT_EQUAL(nplot_colormap_register(v, "test_ext"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_colormap_register(v, "jet_r"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_colormap_register(v, "a:b"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_colormap_register(v, ""), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_colormap_register(NULL, "x"), ND_EVALUE);
    nplot_colormap_free(v);

    /* every cmap option takes the name: imshow, its colorbar, scatter */
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 1.5, .dpi = 40);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double z[6] = { 0, 1, 2, 3, NAN, 5 };
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 3, .cmap = "test_ext_r"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    double x[3] = { 0, 1, 2 };
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, x, 3, .c_f64 = NPLOT_F64_ARRAY(x, 3), .cmap = "test_ext:4"), ND_OK);
    /* maps longer than the 256-entry tables of the kinds */
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 3, .cmap = "twilight"), ND_OK);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 3, .cmap = "viridis:1000"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL(img);
    nd_free(img);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    /* an unknown name in an option is the figure's error, with the close matches (the
     * warning it also sends is kept off the test's output) */
    nd_seterrcall(quiet, NULL);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 3, .cmap = "test_exr"), ND_EVALUE);
    nd_seterrcall(NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "close matches: test_ext"));
    nplot_rgba c;
    expect_error(nplot_cmap_color("tst_ext_r", 0.5, &c), "close matches: test_ext_r");
    nplot_figure_free(fig);
}

static nd_status null_status(const void *p) { return p ? ND_OK : nd_last_error(); }

static void test_unknown_names_and_bad_input(void)
{
    nplot_rgba c;
    expect_error(nplot_cmap_color("virdis", 0.5, &c),
                 "nplot_cmap_color: 'virdis' is not a known colormap; close matches: viridis");
    expect_error(nplot_cmap_color("Jet", 0.5, &c), "close matches: jet");
    expect_error(nplot_cmap_color("coolwarm_R", 0.5, &c), "close matches: coolwarm_r");
    expect_error(nplot_cmap_color("blues:5", 0.5, &c), "'blues:5' is not a known colormap; close matches: Blues");
    expect_error(nplot_cmap_color("qqqqqqqq", 0.5, &c), "'qqqqqqqq' is not a known colormap (docs/plot.md");
    expect_error(nplot_cmap_color("viridis:0", 0.5, &c), "count after ':'");
    expect_error(nplot_cmap_color("viridis:", 0.5, &c), "count after ':'");
    expect_error(nplot_cmap_color("viridis:-3", 0.5, &c), "count after ':'");
    expect_error(nplot_cmap_color("viridis:5x", 0.5, &c), "count after ':'");
    expect_error(nplot_cmap_color("viridis:99999999999999999999", 0.5, &c), "count after ':'");
    expect_error(null_status(nplot_colormap_get("magama")), "nplot_colormap_get: 'magama' is not a known colormap; close matches: magma");

    expect_error(null_status(nplot_colormap_listed("x")), "0 colors given");
    expect_error(null_status(nplot_colormap_listed("x", .colors = NPLOT_STRS("red", "bluish"))),
                 "'bluish' is not a valid color");
    const nplot_rgba bad[] = { { 0, 0, 1.5, 1 } };
    expect_error(null_status(nplot_colormap_listed("x", .rgba = bad, .nrgba = 1)), "outside 0..1");
    expect_error(null_status(nplot_colormap_listed("x", .colors = NPLOT_STRS("red"), .rgba = bad, .nrgba = 1)),
                 "not both");
    expect_error(null_status(nplot_colormap_listed("x", .nrgba = 2)), "count without colors");
    expect_error(null_status(nplot_colormap_listed("x", .colors = NPLOT_STRS("red"), .n = -1)), ".n -1");
    expect_error(null_status(nplot_colormap_listed("x", .colors = NPLOT_STRS("red"), .values = NPLOT_F64S(0))),
                 "from_list only");
    expect_error(null_status(nplot_colormap_from_list("x", .colors = NPLOT_STRS("red"))),
                 "1 colors given; it needs at least 2");
    expect_error(null_status(nplot_colormap_from_list("x", .colors = NPLOT_STRS("red", "blue"),
                                                      .values = NPLOT_F64S(0, 0.5, 1))),
                 "3 values for 2 colors");
    expect_error(null_status(nplot_colormap_from_list("x", .colors = NPLOT_STRS("red", "blue"),
                                                      .values = NPLOT_F64S(0.1, 1))),
                 "start at 0 and end at 1");
    expect_error(null_status(nplot_colormap_from_list("x", .colors = NPLOT_STRS("red", "w", "blue"),
                                                      .values = NPLOT_F64S(0, 0.6, 0.4, 1))),
                 "4 values for 3 colors");
    expect_error(null_status(nplot_colormap_from_list("x", .colors = NPLOT_STRS("red", "w", "w", "blue"),
                                                      .values = NPLOT_F64S(0, 0.6, 0.4, 1))),
                 "value 2 is 0.4 after 0.6");

    nplot_colormap *cm = nplot_colormap_get("jet");
    expect_error(null_status(nplot_colormap_resampled(cm, 0)), "0 entries");
    expect_error(nplot_colormap_set_under(cm, "reddish"), "nplot_colormap_set_under: 'reddish'");
    expect_error(nplot_colormap_set_over(cm, NULL), "nplot_colormap_set_over: color is NULL");
    expect_error(nplot_colormap_set_bad(NULL, "red"), "colormap is NULL");
    expect_error(null_status(nplot_colormap_resampled(NULL, 3)), "colormap is NULL");
    expect_error(null_status(nplot_colormap_reversed(NULL)), "colormap is NULL");
    expect_error(nplot_colormap_color(NULL, 0.5, &c), "colormap is NULL");
    /* a failed set leaves the color as it was */
    CU_ASSERT_EQUAL(nplot_colormap_color(cm, -1, &c), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(c.b, 0.5, 1e-12); /* jet's first entry */
    CU_ASSERT_PTR_NULL(nplot_colormap_name(NULL));
    CU_ASSERT_EQUAL(nplot_colormap_n(NULL), 0);
    nplot_colormap_free(cm);
    nplot_colormap_free(NULL);
}

/* Every constructor frees what it made on the way when an allocation fails. */
static nd_status build_all(void *ctx)
{
    (void)ctx;
    nd_status st = ND_OK;
    nplot_colormap *a = nplot_colormap_get("RdBu_r:9");
    nplot_colormap *b = nplot_colormap_listed("t", .colors = NPLOT_STR_ARRAY(three, 3), .n = 4);
    nplot_colormap *c = nplot_colormap_from_list("f", .colors = NPLOT_STR_ARRAY(three, 3));
    nplot_colormap *d = b ? nplot_colormap_resampled(b, 9) : NULL;
    nplot_colormap *e = c ? nplot_colormap_resampled(c, 9) : NULL;
    nplot_colormap *f = a ? nplot_colormap_reversed(a) : NULL;
    if (!a || !b || !c || !d || !e || !f) st = nd_last_error();
    else if (nplot_colormap_n(d) != 9 || strcmp(nplot_colormap_name(f), "RdBu_r_r")) st = ND_EVALUE;
    nplot_colormap_free(a);
    nplot_colormap_free(b);
    nplot_colormap_free(c);
    nplot_colormap_free(d);
    nplot_colormap_free(e);
    nplot_colormap_free(f);
    return st;
}

static void test_fault_injection(void)
{
    faultsim_report r = faultsim_run("colormaps", build_all, NULL);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs >= 6);
}

static const ND_TEST tests[] = {
    ND_T(test_every_matplotlib_colormap),
    ND_T(test_named_maps_exist),
    ND_T(test_listed_colormaps),
    ND_T(test_from_list_colormaps),
    ND_T(test_register_and_use_by_name),
    ND_T(test_unknown_names_and_bad_input),
    ND_T(test_fault_injection),
    { 0 },
};
ND_TEST_MAIN("plot_cmaps", tests)

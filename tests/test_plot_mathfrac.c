/* Stacked mathtext against matplotlib 3.6 (numbers from scripts/mpl_mathfrac_reference.py):
 * \frac, \binom, \sum limits and \int scripts drawn alone at 12 pt / 100 dpi, their ink
 * boxes and the fraction rule's row; the numerator above the rule and the denominator below; the text's
 * extent (what layout aligns) the stacked box; PNG, SVG and PDF; a reviewed golden. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/mathfrac/mpl_ref.txt"

static const struct { const char *name, *tex; } cases[] = {
    { "half", "$\\frac{1}{2}$" },
    { "xeq", "$x = \\frac{a+b}{c}$" },
    { "nested", "$\\frac{1}{1+\\frac{1}{x}}$" },
    { "binom", "$\\binom{n}{k}$" },
    { "sum", "$\\sum_{i=0}^{n} i$" },
    { "int", "$\\int_0^1 f(x)\\,dx$" }, /* \int's scripts beside it, dropped */
};
enum { NCASES = sizeof cases / sizeof *cases };

/* The ink (pixels darker than mid grey) of a rendering: its box and the row with the
 * longest dark run (a fraction's rule), from the ink's top. */
typedef struct ink {
    int x0, y0, x1, y1, rule;
} ink;

static bool dark(const img *m, int x, int y) { return at(m, x, y)[0] < 128; }

static ink measure(const img *m)
{
    ink k = { m->w, m->h, -1, -1, -1 };
    for (int y = 0; y < m->h; y++)
        for (int x = 0; x < m->w; x++)
            if (dark(m, x, y)) {
                k.x0 = x < k.x0 ? x : k.x0;
                k.x1 = x > k.x1 ? x : k.x1;
                k.y0 = y < k.y0 ? y : k.y0;
                k.y1 = y > k.y1 ? y : k.y1;
            }
    int best = 0;
    for (int y = k.y0; y <= k.y1; y++) {
        int run = 0;
        for (int x = k.x0; x <= k.x1; x++) {
            run = dark(m, x, y) ? run + 1 : 0;
            if (run > best) best = run, k.rule = y - k.y0;
        }
    }
    return k;
}

static nplot_figure *one(const char *tex, const char *va, double y)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 1.2, .dpi = 100);
    nplot_fig_text(fig, 0.5, y, tex, .fontsize = 12, .ha = "center", .va = va, .color = "black");
    return fig;
}

static void test_ink_boxes_match_matplotlib(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        double want[3];
        CU_ASSERT_EQUAL_FATAL(test_ref_values(REF, cases[i].name, want, 3), 3);
        nplot_figure *fig = one(cases[i].tex, "center", 0.5);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        ink k = measure(&m);
        int w = k.x1 - k.x0 + 1, h = k.y1 - k.y0 + 1;
        printf("\n%-7s numc %3d x %3d rule %3d   matplotlib %3.0f x %3.0f rule %3.0f", cases[i].name,
               w, h, k.rule, want[0], want[1], want[2]);
        CU_ASSERT(fabs(w - want[0]) <= 2);
        CU_ASSERT(fabs(h - want[1]) <= 2);
        if (want[2] >= 0) CU_ASSERT(fabs(k.rule - want[2]) <= 2);
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* \frac{1}{2}: ink above the rule (the numerator) and below it (the denominator), with a
 * blank row between each and the rule; the rule spans the digits' width. */
static void test_numerator_over_rule_over_denominator(void)
{
    nplot_figure *fig = one("$\\frac{1}{2}$", "center", 0.5);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    ink k = measure(&m);
    int rule = k.y0 + k.rule, above = 0, below = 0;
    for (int y = k.y0; y <= k.y1; y++)
        for (int x = k.x0; x <= k.x1; x++)
            if (dark(&m, x, y)) above += y < rule - 1, below += y > rule + 1;
    CU_ASSERT(above > 5 && below > 5);
    bool gap_up = true, gap_down = true;
    for (int x = k.x0; x <= k.x1; x++) {
        gap_up = gap_up && !dark(&m, x, rule - 2);
        gap_down = gap_down && !dark(&m, x, rule + 2);
    }
    CU_ASSERT(gap_up && gap_down);
    int run = 0;
    for (int x = k.x0; x <= k.x1; x++) run += dark(&m, x, rule);
    CU_ASSERT(run >= k.x1 - k.x0 - 1);
    free(m.px);
    nplot_figure_free(fig);
}

/* Layout aligns the stacked box: va top / bottom put the ink's top / bottom at the point,
 * as matplotlib's mathtext extent is the box of the ink. */
static void test_extent_is_the_stack(void)
{
    const char *va[2] = { "top", "bottom" };
    for (int j = 0; j < 2; j++) {
        nplot_figure *fig = one("$\\frac{1}{1+\\frac{1}{x}}$", va[j], 0.5);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        ink k = measure(&m);
        int edge = j == 0 ? k.y0 : k.y1 + 1;
        CU_ASSERT(abs(edge - 60) <= 2);
        if (abs(edge - 60) > 2) printf("\nva %s: ink edge at %d, want 60", va[j], edge);
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* Every case in one figure: the golden next to matplotlib's mpl_*.png, and SVG and PDF
 * output of the same (the rule is a filled path there). */
static void test_golden_and_vector_outputs(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 7.2, .height = 1.2, .dpi = 100);
    for (size_t i = 0; i < NCASES; i++)
        nplot_fig_text(fig, (i + 0.5) / NCASES, 0.5, cases[i].tex, .fontsize = 12, .ha = "center",
                       .va = "center", .color = "black");
    char out[512];
    bool regen = golden_output(out, sizeof out, NUMC_TEST_DATA "/plot/mathfrac", ".", "stacked");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    if (!regen) {
        double rms = image_rms(NUMC_TEST_DATA "/plot/mathfrac/stacked.png", out);
        CU_ASSERT(rms >= 0 && rms < 2);
        if (rms >= 0 && rms < 2) remove(out);
    }
    const char *vec[2] = { "mathfrac_out.svg", "mathfrac_out.pdf" };
    for (int j = 0; j < 2; j++) {
        CU_ASSERT_EQUAL(nplot_savefig(fig, vec[j]), ND_OK);
        size_t len;
        char *b = read_file(vec[j], &len);
        CU_ASSERT(b && len > 1000);
        /* the rules of \frac{1}{2}, x = \frac{a+b}{c} and both of the nested fraction */
        if (j == 0 && b) CU_ASSERT(count_substr(b, "fill-rule:nonzero;fill:rgb(0%,0%,0%)") >= 4);
        free(b);
        remove(vec[j]);
    }
    nplot_figure_free(fig);
}

/* Path effects draw the stack's outline (parts and rule) as a path: a red Stroke alone
 * covers the rule's row across the digits and both parts. */
static void test_path_effects_outline_the_stack(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 1.2, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 1, 0, 1);
    nplot_text(ax, 0.5, 0.5, "$\\frac{1}{2}$", .fontsize = 12, .ha = "center", .va = "center",
               .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_STROKE, .linewidth = 2,
                                                    .foreground = "red" }));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int y0 = m.h, y1 = -1, x0 = m.w, x1 = -1;
    for (int y = 0; y < m.h; y++)
        for (int x = 0; x < m.w; x++)
            if (near(at(&m, x, y), 255, 0, 0, 100)) {
                y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
                x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
            }
    /* the plain fraction's ink is 8 x 23 px; the 2 pt stroke adds about a pixel around it */
    CU_ASSERT(y1 - y0 + 1 >= 23 && y1 - y0 + 1 <= 28);
    CU_ASSERT(x1 - x0 + 1 >= 8 && x1 - x0 + 1 <= 13);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_errors_and_inline_markup_kept(void)
{
    nplot_figure *fig = one("$\\frac{1}{\\nosuch}$", "center", 0.5);
    CU_ASSERT_NOT_EQUAL(nplot_savefig(fig, "mathfrac_bad.png"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "\\nosuch"));
    nplot_figure_free(fig);
    /* deep nesting fails cleanly */
    char deep[1400] = "$"; /* 120 x 10 bytes and the dollars */
    for (int i = 0; i < 120; i++) strcat(deep, "\\frac{1}{");
    strcat(deep, "x");
    for (int i = 0; i < 120; i++) strcat(deep, "}");
    strcat(deep, "$");
    fig = one(deep, "center", 0.5);
    CU_ASSERT_NOT_EQUAL(nplot_savefig(fig, "mathfrac_bad.png"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "nested deeper"));
    remove("mathfrac_bad.png");
    nplot_figure_free(fig);
    /* the limits of \int stay scripts (matplotlib); \lim takes them under */
    fig = one("$\\int_a^b f + \\lim_{x \\to 0} g + \\genfrac{[}{]}{0}{1}{a}{b} + \\tfrac{1}{2} + \\dfrac{1}{2}$",
              "center", 0.5);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    free(m.px);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_ink_boxes_match_matplotlib),
    ND_T(test_numerator_over_rule_over_denominator),
    ND_T(test_extent_is_the_stack),
    ND_T(test_golden_and_vector_outputs),
    ND_T(test_path_effects_outline_the_stack),
    ND_T(test_errors_and_inline_markup_kept),
    { 0 },
};
ND_TEST_MAIN("plot_mathfrac", tests)

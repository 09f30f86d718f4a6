/* Tick locators and formatters against matplotlib's (fixtures from
 * tests/data/plot/gen_ticks.py). */
#include <numc/plot.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot/"

static int parse_doubles(char *s, double *out, int cap)
{
    int n = 0;
    char *tok = strtok(s, " \n");
    while (tok && n < cap) {
        out[n++] = strtod(tok, NULL);
        tok = strtok(NULL, " \n");
    }
    return n;
}

static bool close_rel(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + 1e-300;
}

static void test_maxn_ticks_match_matplotlib(void)
{
    FILE *f = fopen(DATA "maxn_ticks.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        double lo, hi;
        int nbins;
        char *bar = strchr(line, '|');
        CU_ASSERT_PTR_NOT_NULL_FATAL(bar);
        *bar = '\0';
        CU_ASSERT_EQUAL_FATAL(sscanf(line, "%lf %lf %d", &lo, &hi, &nbins), 3);
        double want[64], got[64];
        int nw = parse_doubles(bar + 1, want, 64);
        int ng = nplot_maxn_ticks(lo, hi, nbins, got, 64);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_rel(got[i], want[i]) || fabs(got[i] - want[i]) < 1e-12 * fabs(hi - lo);
        if (!ok) {
            bad++;
            printf("\nmaxn(%g, %g, %d): got %d ticks, want %d\n", lo, hi, nbins, ng, nw);
        }
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases > 200);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_log_ticks_match_matplotlib(void)
{
    FILE *f = fopen(DATA "log_ticks.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[8192];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        double lo, hi;
        int numticks, minor;
        char *bar = strchr(line, '|');
        CU_ASSERT_PTR_NOT_NULL_FATAL(bar);
        *bar = '\0';
        CU_ASSERT_EQUAL_FATAL(sscanf(line, "%lf %lf %d %d", &lo, &hi, &numticks, &minor), 4);
        static double want[2048], got[2048];
        int nw = parse_doubles(bar + 1, want, 2048);
        int ng = nplot_log_ticks(lo, hi, 10, numticks, minor, got, 2048);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_rel(got[i], want[i]) || (isinf(want[i]) && got[i] > 1e300);
        if (!ok) {
            bad++;
            printf("\nlog(%g, %g, %d, %d): got %d ticks, want %d\n", lo, hi, numticks, minor, ng, nw);
        }
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases > 60);
    CU_ASSERT_EQUAL(bad, 0);
}

/* Whole pipeline: a default figure with set_ylim shows the ticks, labels and offset text
 * that matplotlib shows. */
static void test_axis_tick_labels_match_matplotlib(void)
{
    FILE *f = fopen(DATA "axis_labels.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096];
    int cases = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *p1 = strstr(line, " | ");
        char *p2 = p1 ? strstr(p1 + 3, " | ") : NULL;
        char *p3 = p2 ? strstr(p2 + 3, " | ") : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(p3);
        *p1 = *p2 = *p3 = '\0';
        double lo, hi;
        CU_ASSERT_EQUAL_FATAL(sscanf(line, "%lf %lf", &lo, &hi), 2);
        double want[64];
        int nw = parse_doubles(p1 + 3, want, 64);
        const char *labels = p2 + 3, *offset = p3 + 3;
        nplot_figure *fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_EQUAL(nplot_set_ylim(ax, lo, hi), ND_OK);
        double got[64];
        int ng = nplot_get_yticks(ax, got, 64);
        bool ok = ng == nw;
        for (int i = 0; ok && i < nw; i++) ok = close_rel(got[i], want[i]) || fabs(got[i] - want[i]) < 1e-9 * (hi - lo);
        /* labels are tab separated */
        const char *q = labels;
        for (int i = 0; ok && i < ng; i++) {
            size_t len = strcspn(q, "\t");
            const char *l = nplot_get_yticklabel(ax, i);
            ok = l && strlen(l) == len && strncmp(l, q, len) == 0;
            if (!ok) printf("\nrange (%g, %g) label %d: got '%s' want '%.*s'\n", lo, hi, i, l ? l : "(null)", (int)len, q);
            q += len + (q[len] == '\t');
        }
        const char *off = nplot_get_yoffset_text(ax);
        if (ok && (!off || strcmp(off, offset) != 0)) {
            ok = false;
            printf("\nrange (%g, %g): offset '%s' want '%s'\n", lo, hi, off ? off : "(null)", offset);
        }
        if (!ok) {
            bad++;
            printf("\nrange (%g, %g): %d ticks, want %d\n", lo, hi, ng, nw);
        }
        nplot_figure_free(fig);
        cases++;
    }
    fclose(f);
    CU_ASSERT(cases >= 16);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_maxn_bad_input(void)
{
    double t[8];
    CU_ASSERT(nplot_maxn_ticks(0, 1, 0, t, 8) < 0);
    CU_ASSERT(strstr(nd_errmsg(), "nbins") != NULL);
    CU_ASSERT(nplot_maxn_ticks(NAN, 1, 5, t, 8) < 0);
    CU_ASSERT(nplot_log_ticks(-1, 10, 10, 5, false, t, 8) < 0);
    CU_ASSERT(strstr(nd_errmsg(), "positive") != NULL);
    /* equal limits are expanded, not an error */
    CU_ASSERT(nplot_maxn_ticks(3, 3, 5, t, 8) >= 2);
}

static const ND_TEST tests[] = {
    ND_T(test_maxn_ticks_match_matplotlib),
    ND_T(test_log_ticks_match_matplotlib),
    ND_T(test_axis_tick_labels_match_matplotlib),
    ND_T(test_maxn_bad_input),
    { 0 },
};
ND_TEST_MAIN("plot_ticks", tests)

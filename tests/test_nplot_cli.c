/* nplot's pure pieces: command line, column specs and suggestions, dates and date ticks,
 * European-number detection, monotonic columns, from the nplot_cli library that the
 * nplot executable links. */
#define _GNU_SOURCE
#include "render.h"

#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- columns ---------------------------------------------------------------------------- */
static const char *const sun[] = { "YEAR", "SUNACTIVITY" };
static const char *const macro[] = { "year", "quarter", "realgdp", "realcons", "realinv",
                                     "realgovt", "realdpi", "cpi", "m1", "tbilrate" };

static void test_edit_distance_known_values(void)
{
    CU_ASSERT_EQUAL(cli_edit_distance("kitten", "sitting"), 3);
    CU_ASSERT_EQUAL(cli_edit_distance("", "abc"), 3);
    CU_ASSERT_EQUAL(cli_edit_distance("abc", ""), 3);
    CU_ASSERT_EQUAL(cli_edit_distance("ab", "ba"), 1); /* one transposition */
    CU_ASSERT_EQUAL(cli_edit_distance("Year", "YEAR"), 0);
    CU_ASSERT_EQUAL(cli_edit_distance("sunactivty", "SUNACTIVITY"), 1);
    CU_ASSERT_EQUAL(cli_edit_distance("realgpd", "realgdp"), 1);
}

static void test_suggest_ranks_closest_first(void)
{
    int s[3];
    CU_ASSERT_EQUAL(cli_suggest("sunactivty", sun, 2, s, 3), 1);
    CU_ASSERT_EQUAL(s[0], 1);
    int n = cli_suggest("realgd", macro, 10, s, 3);
    CU_ASSERT(n >= 1);
    CU_ASSERT_EQUAL(s[0], 2); /* realgdp: one edit; realgovt/realdpi further */
    CU_ASSERT_EQUAL(cli_suggest("zzzzzz", macro, 10, s, 3), 0);
    /* Containment counts: "gdp" is in "realgdp". */
    n = cli_suggest("gdp", macro, 10, s, 3);
    CU_ASSERT(n >= 1);
    bool has = false;
    for (int i = 0; i < n; i++) has |= s[i] == 2;
    CU_ASSERT(has);
}

static void test_column_find_name_index_negative_case(void)
{
    char err[512];
    CU_ASSERT_EQUAL(cli_column_find("SUNACTIVITY", sun, 2, "f.csv", err, sizeof err), 1);
    CU_ASSERT_EQUAL(cli_column_find("1", sun, 2, "f.csv", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cli_column_find("-1", sun, 2, "f.csv", err, sizeof err), 1);
    CU_ASSERT_EQUAL(cli_column_find(" year ", sun, 2, "f.csv", err, sizeof err), 0);
    CU_ASSERT_EQUAL(cli_column_find("3", sun, 2, "f.csv", err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "column 3 is out of range"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "2 columns"));
}

static void test_unknown_column_message_suggests(void)
{
    char err[512];
    CU_ASSERT_EQUAL(cli_column_find("sunactivty", sun, 2, "sunspots.csv", err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "sunspots.csv: no column 'sunactivty'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "did you mean 'SUNACTIVITY'?"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "1=YEAR 2=SUNACTIVITY"));
    CU_ASSERT_EQUAL(cli_column_find("qwerty", sun, 2, "s.csv", err, sizeof err), -1);
    CU_ASSERT_PTR_NULL(strstr(err, "did you mean"));
}

/* A column whose name is an integer: index when in range, else the name. */
static void test_column_find_numeric_names(void)
{
    const char *const yrs[] = { "city", "1990", "2000" };
    char err[256];
    CU_ASSERT_EQUAL(cli_column_find("2000", yrs, 3, "f", err, sizeof err), 2);
    CU_ASSERT_EQUAL(cli_column_find("2", yrs, 3, "f", err, sizeof err), 1);
}

static void test_columns_parse_lists_and_ranges(void)
{
    int out[16];
    char err[512];
    CU_ASSERT_EQUAL(cli_columns_parse("2:4", macro, 10, "m", out, 16, err, sizeof err), 3);
    CU_ASSERT(out[0] == 1 && out[1] == 2 && out[2] == 3);
    CU_ASSERT_EQUAL(cli_columns_parse("realgdp,cpi", macro, 10, "m", out, 16, err, sizeof err), 2);
    CU_ASSERT(out[0] == 2 && out[1] == 7);
    CU_ASSERT_EQUAL(cli_columns_parse("year:realgdp", macro, 10, "m", out, 16, err, sizeof err), 3);
    CU_ASSERT(out[0] == 0 && out[2] == 2);
    CU_ASSERT_EQUAL(cli_columns_parse("4:2", macro, 10, "m", out, 16, err, sizeof err), 3);
    CU_ASSERT(out[0] == 3 && out[1] == 2 && out[2] == 1);
    CU_ASSERT_EQUAL(cli_columns_parse("8:", macro, 10, "m", out, 16, err, sizeof err), 3);
    CU_ASSERT(out[0] == 7 && out[2] == 9);
    CU_ASSERT_EQUAL(cli_columns_parse(":2", macro, 10, "m", out, 16, err, sizeof err), 2);
    CU_ASSERT_EQUAL(cli_columns_parse("3, -1", macro, 10, "m", out, 16, err, sizeof err), 2);
    CU_ASSERT(out[0] == 2 && out[1] == 9);
    CU_ASSERT_EQUAL(cli_columns_parse("1:10", macro, 10, "m", out, 4, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "too many"));
    CU_ASSERT_EQUAL(cli_columns_parse("a,,b", macro, 10, "m", out, 16, err, sizeof err), -1);
    CU_ASSERT_EQUAL(cli_columns_parse("realgdp,cpl", macro, 10, "m", out, 16, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "did you mean 'cpi'"));
}

static void test_columns_parse_names_with_separators(void)
{
    const char *const odd[] = { "t", "a,b", "time:utc" };
    int out[4];
    char err[256];
    CU_ASSERT_EQUAL(cli_columns_parse("a,b", odd, 3, "f", out, 4, err, sizeof err), 1);
    CU_ASSERT_EQUAL(out[0], 1);
    CU_ASSERT_EQUAL(cli_columns_parse("t,time:utc", odd, 3, "f", out, 4, err, sizeof err), 2);
    CU_ASSERT(out[0] == 0 && out[1] == 2);
}

/* ---- dates ------------------------------------------------------------------------------- */
static void test_civil_days_known_dates_and_round_trip(void)
{
    CU_ASSERT_EQUAL(cli_days_from_civil(1970, 1, 1), 0);
    CU_ASSERT_EQUAL(cli_days_from_civil(1958, 3, 29), -4296);
    CU_ASSERT_EQUAL(cli_days_from_civil(2000, 3, 1), 11017);
    CU_ASSERT_EQUAL(cli_days_from_civil(2000, 2, 29), 11016);
    CU_ASSERT_EQUAL(cli_days_from_civil(1, 1, 1), -719162);
    CU_ASSERT_EQUAL(cli_days_from_civil(9999, 12, 31), 2932896);
    CU_ASSERT_EQUAL(cli_days_from_civil(1600, 12, 31), -134775);
    for (int64_t z = -800000; z <= 3000000; z += 997) {
        int64_t y;
        int m, d;
        cli_civil_from_days(z, &y, &m, &d);
        CU_ASSERT_EQUAL_FATAL(cli_days_from_civil(y, m, d), z);
    }
}

static double pd(const char *s, int *what)
{
    double v = NAN;
    if (!cli_parse_datetime(s, strlen(s), &v, what)) return NAN;
    return v;
}

static void test_parse_datetime_formats(void)
{
    int w = 0;
    CU_ASSERT_EQUAL(pd("1958-03-29", &w), -4296);
    CU_ASSERT_EQUAL(w, CLI_DT_DATE);
    CU_ASSERT_EQUAL(pd("1958/3/29", &w), -4296);
    CU_ASSERT_EQUAL(pd("19580329", &w), -4296);
    CU_ASSERT_EQUAL(pd(" 2000-03-01 ", &w), 11017);
    CU_ASSERT_EQUAL(pd("2000-03", &w), 11017); /* 2000-03-01 */
    ND_ASSERT_CLOSE(pd("2001-02-03T04:05:06", &w), 11356.170208333333, 1e-12);
    CU_ASSERT_EQUAL(w, CLI_DT_DATE | CLI_DT_TIME);
    ND_ASSERT_CLOSE(pd("2001-02-03 04:05:06", &w), 11356.170208333333, 1e-12);
    ND_ASSERT_CLOSE(pd("2001-02-03T04:05:06Z", &w), 11356.170208333333, 1e-12);
    /* 06:05:06+02:00 is 04:05:06 UTC. */
    ND_ASSERT_CLOSE(pd("2001-02-03T06:05:06+02:00", &w), 11356.170208333333, 1e-12);
    ND_ASSERT_CLOSE(pd("2001-02-03T04:05:06.5", &w), 11356.170208333333 + 0.5 / 86400, 1e-12);
    ND_ASSERT_CLOSE(pd("2001-02-03T04:05", &w), 11356 + (4 * 60 + 5) / 1440.0, 1e-12);
    ND_ASSERT_CLOSE(pd("12:30", &w), 0.5 + 30 / 1440.0, 1e-12);
    CU_ASSERT_EQUAL(w, CLI_DT_TIME);
    ND_ASSERT_CLOSE(pd("23:59:59", &w), 86399 / 86400.0, 1e-12);
}

static void test_parse_datetime_rejects(void)
{
    const char *bad[] = { "",        "1958",        "2001-02-30",       "2001-13-01",
                          "2001/12", "abc",         "2001-02-03T25:00", "12:60",
                          "1.5",     "2001-02-03x", "195803290",        "2001-02-03T04:05+25",
                          "-5" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v;
        int w;
        CU_ASSERT_FALSE(cli_parse_datetime(bad[i], strlen(bad[i]), &v, &w));
    }
    double v;
    int w;
    CU_ASSERT_TRUE(cli_parse_datetime("2000-02-29", 10, &v, &w)); /* leap */
    CU_ASSERT_FALSE(cli_parse_datetime("1900-02-29", 10, &v, &w)); /* not leap */
}

static void test_yyyymmdd_numbers(void)
{
    double d;
    CU_ASSERT_TRUE(cli_yyyymmdd(19580329, &d));
    CU_ASSERT_EQUAL(d, -4296);
    CU_ASSERT_FALSE(cli_yyyymmdd(19581329, &d));
    CU_ASSERT_FALSE(cli_yyyymmdd(19580229.5, &d));
    CU_ASSERT_FALSE(cli_yyyymmdd(1958, &d));
    CU_ASSERT_FALSE(cli_yyyymmdd(NAN, &d));
    CU_ASSERT_FALSE(cli_yyyymmdd(19000229, &d));
}

static void test_format_date(void)
{
    char b[64];
    cli_format_date(-4296, "%Y-%m-%d", b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "1958-03-29");
    cli_format_date(11356.170208333333, "%d %b %Y %H:%M:%S", b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "03 Feb 2001 04:05:06");
    cli_format_date(11016, "%B %j %%", b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "February 060 %");
    /* 23:59:59.9999 rounds to the next day, not to the previous day at 23:59:59 */
    cli_format_date(1 - 1e-9, "%Y-%m-%d %H:%M", b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "1970-01-02 00:00");
    CU_ASSERT_EQUAL(cli_format_date(0, "%Y-%m-%d", b, 5), 4);
    CU_ASSERT_STRING_EQUAL(b, "1970");
}

/* Date ticks come from the library (matplotlib's AutoDateLocator; tests/test_plot_dates.c
 * checks them against matplotlib): what nplot's date axes rely on. */
static void test_date_ticks_years_months_hours(void)
{
    double t[64];
    char l[64][NPLOT_DATE_LABEL];
    /* co2.csv: 1958-03-29 .. 2001-12-29 → 1 January of every 5 years (YearLocator(5)). */
    int n = nplot_date_ticks(-4296, 11685, NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 9);
    for (int i = 0; i < n; i++) {
        char b[32];
        cli_format_date(t[i], "%m-%d", b, sizeof b);
        CU_ASSERT_STRING_EQUAL(b, "01-01");
        CU_ASSERT_EQUAL(strlen(l[i]), 4);
        if (i) CU_ASSERT(t[i] > t[i - 1]);
    }
    CU_ASSERT_EQUAL(t[0], cli_days_from_civil(1960, 1, 1));
    /* Eight months → monthly ticks on the 1st, "%Y-%m". */
    double lo = (double)cli_days_from_civil(2020, 1, 15), hi = (double)cli_days_from_civil(2020, 9, 10);
    n = nplot_date_ticks(lo, hi, NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 8);
    CU_ASSERT_STRING_EQUAL(l[0], "2020-02");
    for (int i = 0; i < n; i++) {
        char b[8];
        cli_format_date(t[i], "%d", b, sizeof b);
        CU_ASSERT_STRING_EQUAL(b, "01");
        CU_ASSERT(t[i] >= lo && t[i] <= hi);
    }
    /* Ten hours within one day → whole hours ("%m-%d %H", AutoDateFormatter's hourly). */
    n = nplot_date_ticks(100 + 1 / 24.0, 100 + 11 / 24.0, NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 11);
    CU_ASSERT_STRING_EQUAL(l[0], "04-11 01");
    for (int i = 0; i < n; i++) {
        double h = (t[i] - 100) * 24;
        ND_ASSERT_CLOSE(h, floor(h + 0.5), 1e-9);
    }
    /* Two weeks → every other day, "%Y-%m-%d". */
    n = nplot_date_ticks(1000, 1014, NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 8);
    CU_ASSERT_STRING_EQUAL(l[0], "1972-09-27");
    /* Sunspot years as dates: 1700..2008 → 40-year ticks 1720 .. 2000 (matplotlib's). */
    n = nplot_date_ticks((double)cli_days_from_civil(1700, 1, 1), (double)cli_days_from_civil(2008, 1, 1),
                         NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 8);
    CU_ASSERT_STRING_EQUAL(l[0], "1720");
    /* A degenerate range gives the tick at its position. */
    n = nplot_date_ticks(0, 0, NULL, t, l, 64, NULL, 0);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_EQUAL(t[0], 0);
}

/* ---- sniffing ----------------------------------------------------------------------------- */
static void test_sniff_european(void)
{
    const char eu[] = "Datum;Temperatur;Regen\n2020-01-01;1,5;0\n2020-01-02;-2,25;1.234,5\n";
    char d;
    bool dc;
    cli_sniff(eu, sizeof eu - 1, &d, &dc);
    CU_ASSERT_EQUAL(d, ';');
    CU_ASSERT_TRUE(dc);
    char buf[sizeof eu];
    memcpy(buf, eu, sizeof eu);
    size_t n = cli_decimal_comma_to_dot(buf, sizeof eu - 1, ';');
    buf[n] = '\0';
    CU_ASSERT_STRING_EQUAL(buf, "Datum;Temperatur;Regen\n2020-01-01;1.5;0\n2020-01-02;-2.25;1234.5\n");
}

static void test_sniff_plain_files(void)
{
    char d;
    bool dc;
    const char csv[] = "\"YEAR\",\"SUNACTIVITY\"\n1700,5\n1701,11\n";
    cli_sniff(csv, sizeof csv - 1, &d, &dc);
    CU_ASSERT_EQUAL(d, 0); /* left to the reader */
    CU_ASSERT_FALSE(dc);
    const char semi_dot[] = "a;b\n1.5;2.5\n3.25;4\n";
    cli_sniff(semi_dot, sizeof semi_dot - 1, &d, &dc);
    CU_ASSERT_EQUAL(d, ';');
    CU_ASSERT_FALSE(dc);
    const char tabs[] = "# comment\nx\ty\n1\t2,5\n2\t3,75\n";
    cli_sniff(tabs, sizeof tabs - 1, &d, &dc);
    CU_ASSERT_EQUAL(d, '\t');
    CU_ASSERT_TRUE(dc);
    /* Quoted fields keep their commas and are not converted. */
    char q[] = "name;v\n\"a;1,5\";2,5\n";
    size_t n = cli_decimal_comma_to_dot(q, sizeof q - 1, ';');
    q[n] = '\0';
    CU_ASSERT_STRING_EQUAL(q, "name;v\n\"a;1,5\";2.5\n");
    cli_sniff("", 0, &d, &dc);
    CU_ASSERT_EQUAL(d, 0);
}

static void test_monotonic(void)
{
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ 1, 2, 2, 5 }, 4), 1);
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ 5, NAN, 3, 1 }, 4), -1);
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ 1, 3, 2 }, 3), 0);
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ 2, 2, 2 }, 3), 0);
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ 1 }, 1), 0);
    CU_ASSERT_EQUAL(cli_monotonic((double[]){ NAN, 1, NAN, 4 }, 4), 1);
}

/* The element-by-element definition cli_monotonic's blocks must agree with. */
static int monotonic_ref(const double *v, size_t n)
{
    bool up = true, down = true;
    size_t valid = 0;
    double prev = NAN, first = NAN;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) continue;
        if (valid++) {
            up &= !(v[i] < prev);
            down &= !(v[i] > prev);
        } else {
            first = v[i];
        }
        prev = v[i];
    }
    return valid < 2 || prev == first ? 0 : up ? 1 : down ? -1 : 0;
}

/* Long columns (the blocked path): rising, falling, flat runs, NaN gaps, one step the
 * wrong way at a block edge or inside a block, all NaN but a few. */
static void test_monotonic_long_columns(void)
{
    enum { N = 5000 };
    double *v = malloc(N * sizeof *v);
    const size_t spots[] = { 0, 1, 511, 512, 513, 1024, 2047, 4095, 4999 };
    long bad = 0;
    for (int dir = -1; dir <= 1; dir += 2)
        for (int gaps = 0; gaps < 3; gaps++)
            for (size_t s = 0; s <= sizeof spots / sizeof spots[0]; s++) {
                for (size_t i = 0; i < N; i++) v[i] = dir * (double)(i / 3); /* flat runs */
                if (gaps == 1)
                    for (size_t i = 7; i < N; i += 97) v[i] = NAN;
                if (gaps == 2)
                    for (size_t i = 0; i < N; i++)
                        if (i % 1000 != 3) v[i] = NAN;
                if (s < sizeof spots / sizeof spots[0]) v[spots[s]] = -dir * 1e9; /* wrong way */
                bad += cli_monotonic(v, N) != monotonic_ref(v, N);
                bad += cli_monotonic(v, N - 17) != monotonic_ref(v, N - 17);
            }
    CU_ASSERT_EQUAL(bad, 0);
    for (size_t i = 0; i < N; i++) v[i] = (double)i;
    CU_ASSERT_EQUAL(cli_monotonic(v, N), 1);
    v[3000] = 2998.5;
    CU_ASSERT_EQUAL(cli_monotonic(v, N), 0);
    v[3000] = NAN;
    CU_ASSERT_EQUAL(cli_monotonic(v, N), 1);
    free(v);
}

/* ---- command line ------------------------------------------------------------------------- */
static int run_args(cli_opts *o, const char *line, char *errbuf, size_t cap)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", line);
    char *argv[32];
    int argc = 0;
    argv[argc++] = "nplot";
    for (char *t = strtok(copy, " "); t && argc < 31; t = strtok(NULL, " ")) argv[argc++] = t;
    argv[argc] = NULL;
    FILE *out = tmpfile(), *err = tmpfile();
    int rc = cli_parse_args(argc, argv, o, out, err);
    rewind(err);
    size_t n = fread(errbuf, 1, cap - 1, err);
    errbuf[n] = '\0';
    fclose(out);
    fclose(err);
    return rc;
}

static void test_args_defaults_and_flags(void)
{
    cli_opts o;
    char e[1024];
    CU_ASSERT_EQUAL(run_args(&o, "data.csv", e, sizeof e), CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(o.input, "data.csv");
    CU_ASSERT_EQUAL(o.kind, CLI_LINE);
    CU_ASSERT_FALSE(o.kind_set);
    CU_ASSERT_PTR_NULL(o.output);
    CU_ASSERT_STRING_EQUAL(o.format, "png");
    CU_ASSERT(isnan(o.xlim[0]) && isnan(o.ylim[1]));
    CU_ASSERT_EQUAL(run_args(&o, "-x year -y 2:4 -k barh -o out.SVG -d tab --no-header "
                                 "--logy --grid --bins 30 --density --size 1000x500 --dpi 150 "
                                 "--xlim 1990:2000 --ylim :5 -f %.1f%% --theme dark in.csv",
                             e, sizeof e),
                    CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(o.xcol, "year");
    CU_ASSERT_STRING_EQUAL(o.ycols, "2:4");
    CU_ASSERT_EQUAL(o.kind, CLI_BARH);
    CU_ASSERT_STRING_EQUAL(o.format, "svg");
    CU_ASSERT_EQUAL(o.delimiter, '\t');
    CU_ASSERT_EQUAL(o.header, -1);
    CU_ASSERT_TRUE(o.logy && !o.logx && o.grid && o.density);
    CU_ASSERT_EQUAL(o.bins, 30);
    CU_ASSERT(o.width == 1000 && o.height == 500 && o.dpi == 150);
    CU_ASSERT(o.xlim[0] == 1990 && o.xlim[1] == 2000);
    CU_ASSERT(isnan(o.ylim[0]) && o.ylim[1] == 5);
    CU_ASSERT_STRING_EQUAL(o.yfmt, "%.1f%%");
    CU_ASSERT_STRING_EQUAL(o.theme, "dark_background");
    CU_ASSERT_EQUAL(run_args(&o, "--kind=histogram --size 8x6in --xlim 2001-01-01,2001-06-30T12:00 f.csv",
                             e, sizeof e), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(o.kind, CLI_HIST);
    CU_ASSERT(o.inch_w == 8 && o.inch_h == 6 && o.width == 0);
    CU_ASSERT_EQUAL(o.xlim[0], cli_days_from_civil(2001, 1, 1));
    CU_ASSERT_EQUAL(o.xlim[1], cli_days_from_civil(2001, 6, 30) + 0.5);
    CU_ASSERT_EQUAL(run_args(&o, "-y -1 -", e, sizeof e), CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(o.ycols, "-1");
    CU_ASSERT_STRING_EQUAL(o.input, "-");
}

static void test_args_usage_errors(void)
{
    cli_opts o;
    char e[1024];
    const char *bad[] = { "-k pies f.csv",      "--size 800 f.csv",     "--size 0x10 f.csv",
                          "--dpi 0 f.csv",      "--xlim 5 f.csv",       "--xlim 3:3 f.csv",
                          "-f %d f.csv",        "-f %f%f f.csv",        "--bins 2.5 f.csv",
                          "--decimal ; f.csv",  "-o out.jpg f.csv",     "--theme blue f.csv",
                          "--bogus f.csv",      "a.csv b.csv",          "-d ab f.csv",
                          "--alpha 2 f.csv",    "--to gif f.csv",       "f.csv -x",
                          "--legend middle f.csv", "--marker Q f.csv" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = run_args(&o, bad[i], e, sizeof e);
        CU_ASSERT_EQUAL(rc, CLI_EXIT_USAGE);
        if (rc != CLI_EXIT_USAGE) fprintf(stderr, "accepted: %s\n", bad[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(e, "nplot: "));
        CU_ASSERT_PTR_NOT_NULL(strstr(e, "--help"));
    }
    run_args(&o, "-k pies f.csv", e, sizeof e);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "unknown kind 'pies'"));
    run_args(&o, "f.csv -x", e, sizeof e);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "-x needs a value"));
    run_args(&o, "--bogus f.csv", e, sizeof e);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "'--bogus'"));
}

static void test_args_help_and_version(void)
{
    cli_opts o;
    char e[64];
    CU_ASSERT_EQUAL(run_args(&o, "--help", e, sizeof e), CLI_EXIT_HELP);
    CU_ASSERT_EQUAL(run_args(&o, "-V", e, sizeof e), CLI_EXIT_HELP);
    /* The help names every kind and has examples. */
    FILE *f = tmpfile();
    cli_print_help(f);
    long n = ftell(f);
    rewind(f);
    char *h = calloc(1, (size_t)n + 1);
    CU_ASSERT_EQUAL(fread(h, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    for (int k = 0; k < CLI_NKINDS; k++) CU_ASSERT_PTR_NOT_NULL(strstr(h, cli_kind_name(k)));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "Examples:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(h, "Exit status"));
    free(h);
    for (int k = 0; k < CLI_NKINDS; k++) CU_ASSERT_EQUAL(cli_kind_parse(cli_kind_name(k)), k);
    CU_ASSERT_EQUAL(cli_kind_parse("nope"), -1);
}

static void test_format_check_bounds_width_and_precision(void)
{
    CU_ASSERT_PTR_NULL(cli_format_check("%.2f"));
    CU_ASSERT_PTR_NULL(cli_format_check("%64.64g km"));
    CU_ASSERT_PTR_NULL(cli_format_check("%.1f%%"));
    const char *why = cli_format_check("%999999999.0f");
    CU_ASSERT_PTR_NOT_NULL_FATAL(why);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "at most 64"));
    CU_ASSERT_PTR_NOT_NULL(cli_format_check("%.65f"));
    CU_ASSERT_PTR_NOT_NULL(cli_format_check("%99999999999999999999999d"));
    CU_ASSERT_PTR_NOT_NULL(cli_format_check("%f %f"));
    CU_ASSERT_PTR_NOT_NULL(cli_format_check("%s"));
    CU_ASSERT_PTR_NOT_NULL(cli_format_check("plain"));
}

static void nplot_quiet(const char *m, unsigned k, void *c) { (void)m, (void)k, (void)c; }

static void test_date_ticks_refuse_absurd_range_quickly(void)
{
    double t[64];
    char l[64][NPLOT_DATE_LABEL];
    clock_t c0 = clock();
    nd_seterrcall(nplot_quiet, NULL);
    CU_ASSERT_EQUAL(nplot_date_ticks(-1e16, 1e16, NULL, t, l, 64, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_date_ticks(1e16, 2e16, NULL, t, l, 64, NULL, 0), ND_EVALUE);
    /* The widest allowed range still gives a handful of ticks at once. */
    int n = nplot_date_ticks(-CLI_DATE_MAX_DAYS, CLI_DATE_MAX_DAYS, NULL, t, l, 64, NULL, 0);
    CU_ASSERT(n >= 2 && n <= 400);
    /* Limits past any integer (float-cast-overflow under UBSan before the bound) */
    static const double far[] = { 1e300, -1e300, 9.3e18, -9.3e18, INFINITY, -INFINITY, NAN };
    for (size_t i = 0; i < sizeof far / sizeof *far; i++) {
        CU_ASSERT_EQUAL(nplot_date_ticks(far[i], 0, NULL, t, l, 64, NULL, 0), ND_EVALUE);
        CU_ASSERT_EQUAL(nplot_date_ticks(0, far[i], NULL, t, l, 64, NULL, 0), ND_EVALUE);
        char b[64];
        CU_ASSERT(cli_format_date(far[i], "%Y-%m-%d %H:%M:%S %j %b", b, sizeof b) < sizeof b);
    }
    nd_seterrcall(NULL, NULL);
    CU_ASSERT((double)(clock() - c0) / CLOCKS_PER_SEC < 1.0);
}

static void test_args_size_limits(void)
{
    cli_opts o;
    char e[1024];
    CU_ASSERT_EQUAL(run_args(&o, "--size 100000x100000 d.csv", e, sizeof e), CLI_EXIT_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "100000x100000 pixels at 100 dpi"));
    CU_ASSERT_EQUAL(run_args(&o, "--size 0.001x0.001in d.csv", e, sizeof e), CLI_EXIT_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "too small"));
    CU_ASSERT_EQUAL(run_args(&o, "--dpi 2400 --size 20x20in d.csv", e, sizeof e), CLI_EXIT_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "48000x48000 pixels at 2400 dpi"));
    CU_ASSERT_EQUAL(run_args(&o, "--size 32767x16 d.csv", e, sizeof e), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(run_args(&o, "--size 6.4x4.8in --dpi 300 d.csv", e, sizeof e), CLI_EXIT_OK);
}

static void test_same_file_through_links(void)
{
    char dir[] = "/tmp/nplot-same-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char a[128], b[128], l[128];
    snprintf(a, sizeof a, "%s/a.csv", dir);
    snprintf(b, sizeof b, "%s/b.png", dir);
    snprintf(l, sizeof l, "%s/l.png", dir);
    FILE *f = fopen(a, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("1\n", f);
    fclose(f);
    CU_ASSERT_EQUAL(symlink(a, l), 0);
    CU_ASSERT(cli_same_file(a, a));
    CU_ASSERT(cli_same_file(a, l));
    CU_ASSERT(!cli_same_file(a, b)); /* does not exist yet */
    CU_ASSERT(!cli_same_file("-", a));
    remove(l);
    remove(a);
    rmdir(dir);
}

static void test_encodings_nul_utf8_latin1_utf16(void)
{
    size_t line = 0, col = 0, n = 0;
    CU_ASSERT(cli_find_nul("a,b\nc\0d\n", 8, &line, &col));
    CU_ASSERT_EQUAL(line, 2);
    CU_ASSERT_EQUAL(col, 2);
    CU_ASSERT(!cli_find_nul("a,b\n", 4, &line, &col));
    CU_ASSERT_EQUAL(cli_utf8_invalid("x \xce\xbc \xe4\xb8\x89", 8), (size_t)-1);
    CU_ASSERT_EQUAL(cli_utf8_invalid("caf\xe9", 4), 3);
    CU_ASSERT_EQUAL(cli_utf8_invalid("\xc0\xaf", 2), 0);         /* overlong */
    CU_ASSERT_EQUAL(cli_utf8_invalid("a\xed\xa0\x80", 4), 1);    /* surrogate */
    CU_ASSERT_EQUAL(cli_utf8_invalid("ab\xe4\xb8", 4), 2);       /* cut short */
    char *u = cli_latin1_to_utf8("caf\xe9", 4, &n);
    CU_ASSERT_STRING_EQUAL(u, "caf\xc3\xa9");
    CU_ASSERT_EQUAL(n, 5);
    free(u);
    CU_ASSERT_EQUAL(cli_utf16_bom("\xff\xfe", 2), 1);
    CU_ASSERT_EQUAL(cli_utf16_bom("\xfe\xff", 2), 2);
    CU_ASSERT_EQUAL(cli_utf16_bom("ab", 2), 0);
    /* "a", U+03BC, U+1F600 (a surrogate pair), an unpaired high surrogate. */
    const char le[] = { 'a', 0, (char)0xBC, 0x03, 0x3D, (char)0xD8, 0x00, (char)0xDE,
                        0x3D, (char)0xD8 };
    u = cli_utf16_to_utf8(le, sizeof le, false, &n);
    CU_ASSERT_STRING_EQUAL(u, "a\xce\xbc\xf0\x9f\x98\x80\xef\xbf\xbd");
    free(u);
    const char be[] = { 0, 'x', 0x03, (char)0xBC };
    u = cli_utf16_to_utf8(be, sizeof be, true, &n);
    CU_ASSERT_STRING_EQUAL(u, "x\xce\xbc");
    free(u);
}

static void test_max_fields_counts_outside_quotes(void)
{
    size_t line = 0;
    CU_ASSERT_EQUAL(cli_max_fields("a,b\n1,2,3\n", 10, 0, &line), 3);
    CU_ASSERT_EQUAL(line, 2);
    CU_ASSERT_EQUAL(cli_max_fields("\"a,b,c\",d\n", 10, ',', &line), 2);
    CU_ASSERT_EQUAL(cli_max_fields("a;b;c;d\n", 8, 0, &line), 4);
    CU_ASSERT_EQUAL(cli_max_fields("  1   2 3\n", 10, ' ', &line), 3);
    CU_ASSERT_EQUAL(cli_max_fields("1,2", 3, ',', &line), 2); /* no final newline */
}

static void test_preamble_detection(void)
{
    const char *iris = "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"
                       "4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n";
    CU_ASSERT_EQUAL(cli_preamble(iris, strlen(iris), 0), 34);
    const char *title = "my data\na,b\n1,2\n3,4\n";
    CU_ASSERT_EQUAL(cli_preamble(title, strlen(title), ','), 8);
    const char *hdr = "a,b\n1,2\n3,4\n5,6\n";
    CU_ASSERT_EQUAL(cli_preamble(hdr, strlen(hdr), 0), 0);
    const char *nohdr = "1,2\n3,4\n5,6\n7,8\n";
    CU_ASSERT_EQUAL(cli_preamble(nohdr, strlen(nohdr), 0), 0);
    const char *ragged = "1\n1,2\n1,2,3\n1,2\n";
    CU_ASSERT_EQUAL(cli_preamble(ragged, strlen(ragged), 0), 0);
}

static void test_linestyles_cycle_after_ten_colors(void)
{
    cli_opts o;
    memset(&o, 0, sizeof o);
    cli_plot p = { .o = &o };
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 0), "-");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 9), "-");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 10), "--");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 25), "-.");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 35), ":");
    double a[] = { 1, 2, NAN }, b[] = { -20000, 3, 1 }, z[] = { 0, 0, 0 };
    cli_series s[3] = { { .y = a, .n = 3 }, { .y = b, .n = 3 }, { .y = z, .n = 3 } };
    CU_ASSERT_EQUAL(cli_scale_decades(s, 3), 4);
    CU_ASSERT_EQUAL(cli_scale_decades(s, 1), 0);
}

/* The format, date and colour parsers are loops, not recursions: a megabyte of '%', digits,
 * flags or date fields is refused (or formats into the bounded buffer), never a stack
 * overflow or a hang. */
static char *repeat_unit(const char *unit, size_t times)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    return s;
}

static void test_string_parsers_long_inputs(void)
{
    static const char *const units[] = { "%", "%%", "9", "-", "%-", "%.", "2000-01-01 ", "%Y", ":", "(" };
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        char *s = repeat_unit(units[i], 1 << 20);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        size_t n = strlen(s);
        CU_ASSERT_PTR_NOT_NULL(cli_format_check(s)); /* none is one number format */
        double days;
        int what;
        CU_ASSERT_FALSE(cli_parse_datetime(s, n, &days, &what));
        char buf[96];
        CU_ASSERT(cli_format_date(1000.5, s, buf, sizeof buf) < sizeof buf);
        nplot_rgba c;
        CU_ASSERT_NOT_EQUAL(nplot_color_parse(s, &c), ND_OK);
        free(s);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_preamble_detection),
    ND_T(test_linestyles_cycle_after_ten_colors),
    ND_T(test_encodings_nul_utf8_latin1_utf16),
    ND_T(test_max_fields_counts_outside_quotes),
    ND_T(test_format_check_bounds_width_and_precision),
    ND_T(test_string_parsers_long_inputs),
    ND_T(test_date_ticks_refuse_absurd_range_quickly),
    ND_T(test_args_size_limits),
    ND_T(test_same_file_through_links),
    ND_T(test_edit_distance_known_values),
    ND_T(test_suggest_ranks_closest_first),
    ND_T(test_column_find_name_index_negative_case),
    ND_T(test_unknown_column_message_suggests),
    ND_T(test_column_find_numeric_names),
    ND_T(test_columns_parse_lists_and_ranges),
    ND_T(test_columns_parse_names_with_separators),
    ND_T(test_civil_days_known_dates_and_round_trip),
    ND_T(test_parse_datetime_formats),
    ND_T(test_parse_datetime_rejects),
    ND_T(test_yyyymmdd_numbers),
    ND_T(test_format_date),
    ND_T(test_date_ticks_years_months_hours),
    ND_T(test_sniff_european),
    ND_T(test_sniff_plain_files),
    ND_T(test_monotonic),
    ND_T(test_monotonic_long_columns),
    ND_T(test_args_defaults_and_flags),
    ND_T(test_args_usage_errors),
    ND_T(test_args_help_and_version),
    { 0 },
};

ND_TEST_MAIN("nplot_cli", tests)

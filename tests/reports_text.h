/* NumPy's texts for the report tests (test_testing, test_rest): a file of cases, each
 * "=== name\n" followed by the text NumPy printed. Include once per suite. */
#ifndef NUMC_TESTS_REPORTS_TEXT_H
#define NUMC_TESTS_REPORTS_TEXT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *reports; /* the whole file */

static int reports_load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    reports = calloc(1, (size_t)n + 1);
    size_t got = reports ? fread(reports, 1, (size_t)n, f) : 0;
    fclose(f);
    return got == (size_t)n ? 0 : 1;
}

static int free_reports(void)
{
    free(reports);
    return 0;
}

/* The text of case `name` (malloc'd): between "=== name\n" and the next "\n=== " (or the
 * final newline). */
static char *expected(const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "=== %s\n", name);
    const char *p = reports;
    while ((p = strstr(p, key)) && p != reports && p[-1] != '\n') p++;
    if (!p) return NULL;
    p += strlen(key);
    const char *e = strstr(p, "\n=== ");
    if (!e) e = p + strlen(p) - 1;
    char *s = malloc((size_t)(e - p) + 1);
    if (!s) return NULL;
    memcpy(s, p, (size_t)(e - p));
    s[e - p] = '\0';
    return s;
}

#endif

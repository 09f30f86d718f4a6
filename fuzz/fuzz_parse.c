/* libFuzzer target: the small string parsers: nd_view's slice strings, nplot's printf tick
 * formats (a format that passes the check must format a number into a bounded label),
 * colour specs, date/time texts and date formats, column specs. The first byte chooses
 * the parser; the rest is the string. */
#include "nplot_cli.h"

#include "fuzz_input.h"

#include <numc/numc.h>
#include <numc/plot.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t how;
    char *s = fuzz_string(data, size, &how);
    if (!s) return 0;
    switch (how % 6) {
    case 0: { /* a (2, 3, 4, 5) array viewed through the spec, then read back */
        static nd_array *a;
        if (!a) a = nd_arange(0, 120, 1, ND_INT32);
        nd_array *r = a ? nd_reshape(a, ND_SHAPE(2, 3, 4, 5)) : NULL;
        nd_array *v = r ? nd_view(r, s) : NULL;
        if (v) nd_free(nd_copy(v, ND_ORDER_C));
        nd_free(v);
        nd_free(r);
        break;
    }
    case 1: { /* a tick format nplot accepts formats any double into a short label */
        if (!cli_format_check(s)) {
            char buf[512];
            static const double vals[] = { 0, -1.5e308, 1e-300, 123456.789 };
            for (int i = 0; i < 4; i++) {
                int n = snprintf(buf, sizeof buf, s, vals[i]);
                if (n < 0 || n > 256 * 2 + 64 * 2 + 400) abort(); /* the bound failed */
            }
        }
        break;
    }
    case 2: {
        nplot_rgba c;
        (void)nplot_color_parse(s, &c);
        break;
    }
    case 3: {
        double days;
        int what;
        if (cli_parse_datetime(s, strlen(s), &days, &what)) {
            char buf[64];
            cli_format_date(days, "%Y-%m-%d %H:%M:%S %b %B %j", buf, sizeof buf);
        }
        break;
    }
    case 4: { /* a date format over a few dates, including far ones */
        char buf[96];
        static const double days[] = { 0, -719468, 2932896, 1e8, -1e8, 0.5 };
        for (int i = 0; i < 6; i++) cli_format_date(days[i], s, buf, sizeof buf);
        break;
    }
    case 5: {
        static const char *const names[] = { "year", "a,b", "2:3", "x", "-1", "Zeta" };
        int cols[16];
        char err[512];
        (void)cli_columns_parse(s, names, 6, "f.csv", cols, 16, err, sizeof err);
        (void)cli_column_find(s, names, 6, "f.csv", err, sizeof err);
        break;
    }
    }
    free(s);
    return 0;
}

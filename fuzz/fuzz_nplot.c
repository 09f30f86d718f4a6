/* libFuzzer target: nplot's whole pipeline in process: encoding checks, dialect sniffing,
 * the CSV reader, dates, x/y/group choice, the figure of every kind, rendered to memory.
 * The first 4 bytes choose the options (kind, delimiter, header, decimal mark, scales,
 * panels, limits, formats); the rest is the file. */
#include "render.h"

#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4) return 0;
    uint8_t a = data[0], b = data[1], c = data[2], e = data[3];
    data += 4;
    size -= 4;
    static const char delims[] = { 0, ',', ';', '\t', ' ', '|' };
    static const char *const fmts[] = { NULL, "%.2f", "%g km", "%64.64e%%" };
    cli_opts o;
    memset(&o, 0, sizeof o);
    o.input = "fuzz.csv";
    o.format = "png";
    o.quiet = true;
    o.kind = (cli_kind)(a % CLI_NKINDS);
    o.kind_set = (a >> 4) & 1;
    o.delimiter = delims[b % 6];
    o.header = (int)((b >> 3) % 3) - 1;
    o.decimal = (b >> 5) & 1 ? ',' : 0;
    o.logx = (b >> 6) & 1;
    o.logy = (b >> 7) & 1;
    o.subplots = c & 1;
    o.no_dates = (c >> 1) & 1;
    o.density = (c >> 2) & 1;
    o.grid = (c >> 3) & 1;
    o.yfmt = fmts[(c >> 4) & 3];
    o.xfmt = fmts[(c >> 6) & 3];
    o.xlim[0] = o.xlim[1] = o.ylim[0] = o.ylim[1] = NAN;
    if (e & 1) { /* limits from the last byte: small, huge, dates */
        static const double lims[][2] = { { 0, 10 }, { -1e308, 1e308 }, { 1e16, 2e16 },
                                          { 10957, 11322 }, { NAN, 5 }, { -3, NAN } };
        int k = (e >> 1) % 6;
        o.xlim[0] = lims[k][0];
        o.xlim[1] = lims[k][1];
        o.has_xlim = true;
        if ((e >> 4) & 1) {
            o.ylim[0] = lims[(k + 1) % 6][0];
            o.ylim[1] = lims[(k + 1) % 6][1];
            o.has_ylim = true;
        }
    }
    o.ycols = (e >> 5) & 1 ? "2:" : NULL;
    o.sepcol = (e >> 6) & 1 ? "-1" : NULL;
    o.bins = (e >> 7) & 1 ? 7 : 0;
    o.width = 96; /* small: rendering cost should not dominate the parsing paths */
    o.height = 72;
    cli_data d;
    int rc = cli_data_load_buffer(&o, "fuzz.csv", (const char *)data, size, &d);
    if (rc == CLI_EXIT_OK) {
        if (!o.kind_set && d.xtype == CLI_X_CATEGORY) o.kind = CLI_BAR;
        char err[2048];
        nplot_figure *fig = NULL;
        nplot_axes *ax = NULL;
        if (cli_figure_build(&o, &d, &fig, &ax, err, sizeof err) == CLI_EXIT_OK) {
            nd_free(nplot_figure_to_array(fig));
            nplot_figure_free(fig);
        }
    }
    cli_data_free(&d);
    return 0;
}

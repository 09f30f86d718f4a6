/* nplot: any CSV to a chart.  nplot data.csv -o plot.png  (see nplot --help). */
#include "render.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    cli_opts o;
    int rc = cli_parse_args(argc, argv, &o, stdout, stderr);
    if (rc == CLI_EXIT_HELP) return CLI_EXIT_OK;
    if (rc != CLI_EXIT_OK) return rc;
    nplot_prewarm(); /* fonts load on another thread while the data is read */
    cli_data d;
    rc = cli_data_load(&o, &d);
    if (rc == CLI_EXIT_OK) {
        /* Text labels on x have no order to draw a line through: bars by default. */
        if (!o.kind_set && d.xtype == CLI_X_CATEGORY) o.kind = CLI_BAR;
        char err[2048] = "";
        rc = cli_render(&o, &d, err, sizeof err);
        if (rc != CLI_EXIT_OK) fprintf(stderr, "nplot: %s\n", err);
    } else {
        fprintf(stderr, "nplot: %s\n", d.err);
    }
    cli_data_free(&d);
    return rc;
}

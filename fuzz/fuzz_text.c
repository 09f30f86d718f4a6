/* libFuzzer target: the text layout path (mathtext parser, pango layout, font fallback)
 * through the public calls that take text: a title, axis labels, a legend entry and a
 * tick label, rendered to a memory surface. The first byte chooses where the text goes. */
#include "fuzz_input.h"

#include <numc/numc.h>
#include <numc/plot.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t how;
    char *s = fuzz_string(data, size, &how);
    if (!s) return 0;
    nplot_figure *fig = nplot_figure_new(.width = 1.2, .height = 0.9, .dpi = 60);
    nplot_axes *ax = fig ? nplot_subplot(fig, 1, 1, 1) : NULL;
    if (ax) {
        switch (how % 5) {
        case 0: nplot_set_title(ax, s); break;
        case 1: nplot_set_xlabel(ax, s); break;
        case 2: nplot_set_ylabel(ax, s); break;
        case 3: {
            const double x[] = { 0, 1 }, y[] = { 1, 0 };
            nplot_plot_xy(ax, x, y, 2, .label = s);
            nplot_legend(ax);
            break;
        }
        case 4: {
            const double t[] = { 0.5 };
            const char *l[] = { s };
            nplot_set_xticks(ax, t, 1, .labels = NPLOT_STR_ARRAY(l, 1),
                             .rotation = (how >> 3) * 11.0);
            break;
        }
        }
        nd_free(nplot_figure_to_array(fig));
    }
    nplot_figure_free(fig);
    free(s);
    return 0;
}

/* Series against x: line, scatter, step, area (each filled to zero) and stack. */
#include "render.h"

#include <math.h>
#include <stdlib.h>

/* Marker area for n points: matplotlib's 36 pt² hides structure past a few thousand. */
static double scatter_size(size_t n)
{
    if (n <= 2000) return 0; /* the default */
    if (n <= 20000) return 12;
    if (n <= 200000) return 4;
    return 1;
}

static int stack(cli_plot *p, nplot_axes *ax, int first, int count)
{
    size_t n = p->series[first].n;
    for (int i = 1; i < count; i++)
        if (p->series[first + i].n != n)
            return cli_plot_fail(p, CLI_EXIT_DATA,
                                 "%s: --kind stack needs series of equal length (not with --sep "
                                 "groups of different sizes)", p->d->file);
    double *base = calloc(n ? n : 1, sizeof *base), *top = malloc((n ? n : 1) * sizeof *top);
    if (!base || !top) {
        free(base);
        free(top);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        /* Missing cells add nothing to the stack. */
        for (size_t r = 0; r < n; r++) top[r] = base[r] + (isnan(s->y[r]) ? 0 : s->y[r]);
        nplot_fill_between_xy(ax, s->x, top, base, n, .color = cli_series_color(p, s->color, cb),
                              .label = s->label, .alpha = p->o->alpha);
        double *t = base;
        base = top;
        top = t;
    }
    free(base);
    free(top);
    return cli_plot_status(p);
}

/* fill_between stands on zero (matplotlib's sticky edge) when nothing goes below it. */
static int sticky_zero(cli_plot *p, nplot_axes *ax, int first, int count)
{
    if (p->o->logy || p->o->has_ylim) return CLI_EXIT_OK;
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        for (size_t r = 0; r < s->n; r++)
            if (s->y[r] < 0) return CLI_EXIT_OK;
    }
    nplot_set_ylim(ax, 0, NAN);
    return cli_plot_status(p);
}

int cli_kind_xy(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const cli_opts *o = p->o;
    if (o->kind == CLI_STACK) {
        int rc = stack(p, ax, first, count);
        return rc ? rc : sticky_zero(p, ax, first, count);
    }
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        const char *color = cli_series_color(p, s->color, cb);
        switch (o->kind) {
        case CLI_SCATTER:
            nplot_scatter_xy(ax, s->x, s->y, s->n, .color = color, .label = s->label,
                             .s = scatter_size(s->n), .marker = o->marker, .alpha = o->alpha);
            break;
        case CLI_STEP:
            nplot_step_xy(ax, s->x, s->y, s->n, .color = color, .label = s->label,
                          .linewidth = o->linewidth, .marker = o->marker, .alpha = o->alpha);
            break;
        case CLI_AREA:
            nplot_fill_between_xy(ax, s->x, s->y, NULL, s->n, .color = color,
                                  .alpha = o->alpha > 0 ? o->alpha : 0.35, .label = s->label);
            nplot_plot_xy(ax, s->x, s->y, s->n, .color = color, .linewidth = o->linewidth);
            break;
        default:
            nplot_plot_xy(ax, s->x, s->y, s->n, .color = color, .label = s->label,
                          .linewidth = o->linewidth, .marker = o->marker, .alpha = o->alpha);
            break;
        }
        int rc = cli_plot_status(p);
        if (rc) return rc;
    }
    return o->kind == CLI_AREA ? sticky_zero(p, ax, first, count) : CLI_EXIT_OK;
}

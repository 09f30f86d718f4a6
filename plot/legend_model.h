/* Legends as data (legend.c, the model layer): what nplot_legend, nplot_legend_add_artist
 * and nplot_fig_legend store, and draw_legend.c draws. */
#ifndef NUMC_PLOT_LEGEND_MODEL_H
#define NUMC_PLOT_LEGEND_MODEL_H

#include "plot_model.h"

/* One legend: the options as given (their pointers replaced by the copies below) and its
 * entries. An axes owns its current legend and the kept ones, a figure its figure legends. */
struct legend_spec {
    nplot_legend_opts o;  /* loc and mode point at static names; the arrays are cleared */
    int loc;              /* matplotlib's code: 0 best, 1 upper right, 2 upper left, 3 lower
                             left, 4 lower right, 5 right, 6 center left, 7 center right,
                             8 lower center, 9 upper center, 10 center */
    bool expand;          /* mode 'expand' */
    int nanchor;          /* 0, 2 or 4 values in anchor */
    double anchor[4];
    char *title;
    /* explicit entries: n of them, artist idx[i] of the axes hax[i], labelled labels[i];
     * n == 0: the labelled artists of the owner (all axes for a figure legend) */
    size_t n;
    nplot_axes **hax;
    int *idx;
    char **labels;
    rgba fc, ec;
    bool has_fc, has_ec;
    bool kept;            /* an axes' current legend that is in its kept list too */
    struct legend_spec *next;
    const struct nplot_subfigure *sf; /* a subfigure's legend (its axes, its box); NULL */
};
typedef struct legend_spec legend_spec;

/* An artist with a label that makes an entry (not empty, not starting with '_'). */
bool nplot__legend_has_entry(const artist *a);
/* ax is one of fig's axes (handles keep axes pointers; an axes may leave its figure). */
bool nplot__legend_in_figure(const nplot_figure *fig, const nplot_axes *ax);
/* The subfigure whose grid holds ax (through nested grids); NULL on the figure's own grids
 * and for axes placed without a grid. */
const struct nplot_subfigure *nplot__axes_subfig(const nplot_axes *ax);

#endif

/* matplotlib's gallery example "Creating annotated heatmaps" (3.6,
 * images_contours_and_fields/image_annotated_heatmap.py) in C: a simple categorical
 * heatmap with a text per cell, the same through two reusable helpers heatmap() and
 * annotate_heatmap(), and a 2 x 2 figure applying them to other data, norms and
 * formatters. The random panels draw from nd_rng_new(19680801), which is NumPy's
 * default_rng(19680801) bit for bit, so scripts/mpl_annotated_heatmap.py renders the
 * same images with matplotlib.
 *     annotated_heatmap [output-directory]
 * writes heatmap_simple.png, heatmap_helper.png and heatmap_more.png. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *vegetables[] = { "cucumber", "tomato", "lettuce", "asparagus",
                                    "potato", "wheat", "barley" };
static const char *farmers[] = { "Farmer Joe", "Upland Bros.", "Smith Gardening", "Agrifun",
                                 "Organiculture", "BioGoods Ltd.", "Cornylee Corp." };
static const double harvest[7 * 7] = {
    0.8, 2.4, 2.5, 3.9, 0.0, 4.0, 0.0, /**/ 2.4, 0.0, 4.0, 1.0, 2.7, 0.0, 0.0,
    1.1, 2.4, 0.8, 4.3, 1.9, 4.4, 0.0, /**/ 0.6, 0.0, 0.3, 0.0, 3.1, 0.0, 0.0,
    0.7, 1.7, 0.6, 2.6, 2.2, 6.2, 0.0, /**/ 1.3, 1.2, 0.0, 0.0, 0.0, 3.2, 5.1,
    0.1, 2.0, 0.0, 1.4, 0.0, 1.9, 6.3,
};

/* heatmap(data, row_labels, col_labels, ax, cbar_kw, cbarlabel, **kwargs): imshow of the
 * (rows, cols) data with its colorbar (cbar_kw: NULL or the colorbar's options), the
 * columns labelled on top, spines off and a white grid between the cells.
 * Returns the colorbar's axes, or NULL on error (nd_errmsg says why). */
static nplot_axes *heatmap(nplot_axes *ax, const double *data, int rows, int cols,
                           const char *const *row_labels, const char *const *col_labels,
                           const nplot_imshow_opts *imshow_kw, const nplot_colorbar_opts *cbar_kw,
                           const char *cbarlabel)
{
    double pos[64];
    if (rows >= 64 || cols >= 64) {
        nd_set_error(ND_EVALUE, "heatmap: %d x %d cells, at most 63 x 63", rows, cols);
        return NULL;
    }
    if (nplot_imshow_data_(ax, data, rows, cols, imshow_kw)) return NULL;
    nplot_axes *cax = nplot_colorbar_(ax, cbar_kw);
    if (!cax) return NULL;
    nplot_set_ylabel(cax, cbarlabel, .rotation = -90, .va = "bottom");

    for (int i = 0; i <= (rows > cols ? rows : cols); i++) pos[i] = i;
    nplot_set_xticks(ax, pos, cols, .labels = { (size_t)cols, col_labels }, .rotation = -30,
                     .ha = "right", .rotation_mode = "anchor");
    nplot_set_yticks(ax, pos, rows, .labels = { (size_t)rows, row_labels });
    /* the column labels on top */
    nplot_tick_params(ax, .top = NPLOT_ON, .bottom = NPLOT_OFF, .labeltop = NPLOT_ON,
                      .labelbottom = NPLOT_OFF);
    nplot_spines_set_visible(ax, "all", false);

    /* minor ticks at the cell edges carry a white grid between the cells */
    for (int i = 0; i <= (rows > cols ? rows : cols); i++) pos[i] = i - 0.5;
    nplot_set_xticks(ax, pos, cols + 1, .minor = true);
    nplot_set_yticks(ax, pos, rows + 1, .minor = true);
    nplot_grid(ax, .which = "minor", .color = "w", .linestyle = "-", .linewidth = 3);
    nplot_tick_params(ax, .which = "minor", .bottom = NPLOT_OFF, .left = NPLOT_OFF);
    return cax;
}

/* norm with its unset limits taken from the data (matplotlib's autoscale_None), so that
 * single values (the threshold) map as the image maps its cells. */
static nplot_norm resolved_norm(const nplot_imshow_opts *imshow_kw, const double *data, size_t n)
{
    nplot_norm norm = imshow_kw->norm ? *imshow_kw->norm
                                      : (nplot_norm){ .vmin = imshow_kw->vmin, .vmax = imshow_kw->vmax };
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) lo = fmin(lo, data[i]), hi = fmax(hi, data[i]);
    if (norm.vmin == norm.vmax) norm.vmin = lo, norm.vmax = hi;
    if (isnan(norm.vmin)) norm.vmin = lo;
    if (isnan(norm.vmax)) norm.vmax = hi;
    return norm;
}

/* annotate_heatmap(im, data, valfmt, textcolors, threshold, **textkw): one text per cell,
 * formatted by valfmt, centred, colored textcolors[1] where the normalized value exceeds
 * the normalized threshold (NaN → half the normalized maximum), else textcolors[0].
 * imshow_kw must be the options the image was drawn with (its norm). */
static nd_status annotate_heatmap(nplot_axes *ax, const double *data, int rows, int cols,
                                  const nplot_imshow_opts *imshow_kw, nplot_tick_format_fn valfmt,
                                  void *ctx, const char *const textcolors[2], double threshold,
                                  nplot_text_opts textkw)
{
    size_t n = (size_t)rows * (size_t)cols;
    nplot_norm norm = resolved_norm(imshow_kw, data, n);
    double normed[64 * 64], t, hi = -INFINITY;
    if (n > sizeof normed / sizeof *normed)
        return nd_set_error(ND_EVALUE, "annotate_heatmap: %d x %d cells, at most 4096", rows, cols);
    nd_status st = nplot_norm_apply(&norm, data, n, normed);
    for (size_t i = 0; i < n; i++) hi = fmax(hi, data[i]);
    if (!st) st = nplot_norm_apply(&norm, isnan(threshold) ? &hi : &threshold, 1, &t);
    if (st) return st;
    if (isnan(threshold)) t /= 2;
    if (!textkw.ha) textkw.ha = "center";
    if (!textkw.va) textkw.va = "center";
    for (int i = 0; i < rows && !st; i++)
        for (int j = 0; j < cols && !st; j++) {
            char buf[64];
            valfmt(data[i * cols + j], -1, buf, sizeof buf, ctx);
            textkw.color = textcolors[normed[i * cols + j] > t];
            st = nplot_text_(ax, j, i, buf, &textkw);
        }
    return st;
}

static size_t fmt_1f(double x, int pos, char *buf, size_t cap, void *ctx)
{
    return (size_t)snprintf(buf, cap, "%.1f", x);
}

static size_t fmt_int(double x, int pos, char *buf, size_t cap, void *ctx)
{
    return (size_t)snprintf(buf, cap, "%.0f", x);
}

/* The quality classes: qrates[::-1][norm(x)] for the BoundaryNorm in ctx. */
static size_t fmt_quality(double x, int pos, char *buf, size_t cap, void *ctx)
{
    double k;
    if (nplot_norm_apply(ctx, &x, 1, &k) || !(k >= 0 && k < 7)) return (size_t)snprintf(buf, cap, "?");
    return (size_t)snprintf(buf, cap, "%c", "GFEDCBA"[(int)k]);
}

/* "{:.2f}".format(x).replace("0.", ".").replace("1.00", ""): no leading zeros, the
 * diagonal's 1.00 hidden. */
static size_t fmt_corr(double x, int pos, char *buf, size_t cap, void *ctx)
{
    char s[64], out[64];
    snprintf(s, sizeof s, "%.2f", x);
    size_t k = 0;
    for (const char *p = s; *p;) {
        if (p[0] == '0' && p[1] == '.') out[k++] = '.', p += 2;
        else out[k++] = *p++;
    }
    out[k] = 0;
    if (!strcmp(out, "1.00") || !strcmp(out, "-1.00")) out[strcmp(out, "1.00") ? 1 : 0] = 0;
    return (size_t)snprintf(buf, cap, "%s", out);
}

/* The 2 x 2 "more complex" figure (tests/test_plot_heatmap.c includes this file to check
 * it); ax and cax (4 each, may be NULL) get the heatmaps' axes and their colorbars'. NULL
 * with nd_errmsg on error. */
static nplot_figure *more_complex(nplot_axes **ax_out, nplot_axes **cax_out)
{
    static const char *books[] = { "Book 1", "Book 2", "Book 3", "Book 4", "Book 5", "Book 6", "Book 7" };
    static const char *stores[] = { "Store A", "Store B", "Store C", "Store D",
                                    "Store E", "Store F", "Store G" };
    static const char *prods[] = { "Prod. 10", "Prod. 20", "Prod. 30", "Prod. 40", "Prod. 50", "Prod. 60" };
    static const char *cycles[] = { "Cycle 1", "Cycle 2", "Cycle 3", "Cycle 4", "Cycle 5", "Cycle 6" };
    double sold[7 * 7], quality[6 * 6], corr[7 * 7];

    /* rng.integers(2, 100, size=(7, 7)), then rng.standard_normal((6, 6)) */
    nd_rng *rng = nd_rng_new(19680801);
    nd_array *a = rng ? nd_rng_integers(rng, 2, 100, ND_SHAPE(7, 7)) : NULL;
    nd_array *b = a ? nd_rng_standard_normal(rng, ND_SHAPE(6, 6), ND_FLOAT64) : NULL;
    nd_array *h = nd_from_buffer((void *)harvest, 2, (ptrdiff_t[]){ 7, 7 }, ND_FLOAT64);
    nd_array *c = h ? nd_corrcoef(h, NULL) : NULL;
    nd_rng_free(rng);
    nd_status st = a && b && c ? ND_OK : nd_last_error();
    if (!st) {
        const int64_t *ai = nd_data(a);
        for (int i = 0; i < 49; i++) sold[i] = (double)ai[i];
        memcpy(quality, nd_data(b), sizeof quality);
        memcpy(corr, nd_data(c), sizeof corr);
    }
    nd_free(a);
    nd_free(b);
    nd_free(c);
    nd_free(h);
    if (st) return NULL;

    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6);
    nplot_axes *ax[4] = { NULL, NULL, NULL, NULL }, *cax[4];
    nplot_subplots(fig, 2, 2, ax);

    /* the example above with another font size and colormap */
    const nplot_imshow_opts *kw0 = &(nplot_imshow_opts){ .cmap = "Wistia" };
    cax[0] = heatmap(ax[0], harvest, 7, 7, vegetables, farmers, kw0, NULL, "harvest [t/year]");
    annotate_heatmap(ax[0], harvest, 7, 7, kw0, fmt_1f, NULL,
                     (const char *[]){ "black", "white" }, NAN, (nplot_text_opts){ .fontsize = 7 });

    /* integers, vmin 0, an integer format and other colors */
    const nplot_imshow_opts *kw1 =
        &(nplot_imshow_opts){ .cmap = "magma_r", .norm = NPLOT_NORMALIZE(.vmin = 0, .vmax = NAN) };
    cax[1] = heatmap(ax[1], sold, 7, 7, books, stores, kw1, NULL, "weekly sold copies");
    annotate_heatmap(ax[1], sold, 7, 7, kw1, fmt_int, NULL, (const char *[]){ "red", "white" }, 20,
                     (nplot_text_opts){ .fontsize = 7 });

    /* categorical data: a BoundaryNorm into 7 classes labelled A..G */
    const nplot_norm *classes = NPLOT_BOUNDARYNORM(
        .boundaries = NPLOT_F64S(-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5), .ncolors = 7);
    const nplot_imshow_opts *kw2 = &(nplot_imshow_opts){ .cmap = "PiYG:7", .norm = classes };
    cax[2] = heatmap(ax[2], quality, 6, 6, prods, cycles, kw2,
            &(nplot_colorbar_opts){ .ticks = NPLOT_F64S(-3, -2, -1, 0, 1, 2, 3),
                                    .format_fn = fmt_quality, .format_ctx = (void *)classes },
            "Quality Rating");
    annotate_heatmap(ax[2], quality, 6, 6, kw2, fmt_quality, (void *)classes,
                     (const char *[]){ "red", "black" }, -1,
                     (nplot_text_opts){ .fontsize = 9, .weight = "bold" });

    /* a correlation matrix, bound by -1 and 1 */
    const nplot_imshow_opts *kw3 = &(nplot_imshow_opts){ .cmap = "PuOr", .vmin = -1, .vmax = 1 };
    cax[3] = heatmap(ax[3], corr, 7, 7, vegetables, vegetables, kw3, NULL, "correlation coeff.");
    annotate_heatmap(ax[3], corr, 7, 7, kw3, fmt_corr, NULL, (const char *[]){ "black", "white" },
                     NAN, (nplot_text_opts){ .fontsize = 7 });
    for (int i = 0; i < 4; i++) {
        if (ax_out) ax_out[i] = ax[i];
        if (cax_out) cax_out[i] = cax[i];
    }
    nplot_tight_layout(fig);
    if (nplot_figure_status(fig)) {
        nd_set_error(nplot_figure_status(fig), "%s", nplot_figure_errmsg(fig));
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef ANNOTATED_HEATMAP_NO_MAIN
static size_t fmt_tons(double x, int pos, char *buf, size_t cap, void *ctx)
{
    return (size_t)snprintf(buf, cap, "%.1f t", x);
}

static nd_status save(nplot_figure *fig, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    nplot_tight_layout(fig);
    nd_status st = nplot_savefig(fig, path);
    nplot_figure_free(fig);
    return st;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : NULL;

    /* a simple categorical heatmap: imshow, labelled ticks and a text per cell */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, harvest, 7, 7);
    double pos[7] = { 0, 1, 2, 3, 4, 5, 6 };
    nplot_set_xticks(ax, pos, 7, .labels = { 7, farmers }, .rotation = 45, .ha = "right",
                     .rotation_mode = "anchor");
    nplot_set_yticks(ax, pos, 7, .labels = { 7, vegetables });
    for (int i = 0; i < 7; i++)
        for (int j = 0; j < 7; j++) {
            char s[16];
            snprintf(s, sizeof s, "%.1f", harvest[i * 7 + j]);
            nplot_text(ax, j, i, s, .ha = "center", .va = "center", .color = "w");
        }
    nplot_set_title(ax, "Harvest of local farmers (in tons/year)");
    nd_status st = save(fig, dir, "heatmap_simple.png");

    /* the same through the helpers, with a colorbar and colored annotations */
    if (!st) {
        fig = nplot_figure_new();
        ax = nplot_subplot(fig, 1, 1, 1);
        const nplot_imshow_opts *kw = &(nplot_imshow_opts){ .cmap = "YlGn" };
        heatmap(ax, harvest, 7, 7, vegetables, farmers, kw, NULL, "harvest [t/year]");
        annotate_heatmap(ax, harvest, 7, 7, kw, fmt_tons, NULL, (const char *[]){ "black", "white" },
                         NAN, (nplot_text_opts){ 0 });
        st = save(fig, dir, "heatmap_helper.png");
    }
    if (!st) {
        fig = more_complex(NULL, NULL);
        st = fig ? save(fig, dir, "heatmap_more.png") : nd_last_error();
    }
    if (st) fprintf(stderr, "annotated_heatmap: %s\n", nd_errmsg());
    return st ? 1 : 0;
}
#endif

/* numc._core._plot: the function table behind _plot.call. Every plotting function is
 * one row of `funcs` (its Python name, the kinds of its positional arguments, a one-line
 * wrapper and the keyword table of its options struct); npp_call parses the arguments
 * by the row's signature, fills the options and runs the wrapper. */
#include "ns_plot_common.h"

/* ---- the function table ------------------------------------------------------------------ */
/* Positional arguments after the handle, by sig character:
 *   A array-like (None → NULL)   d float (None → NaN)   i int   s str (None → NULL)
 *   T sequence of floats (pointer + count)   L sequence of strings (pointer + count)
 *   b bool
 * Handles (first char): f figure, a axes, g gridspec, S subfigure, - none. */
#define NPP_MANY 64
typedef struct npp_args {
    nplot_figure *fig;
    nplot_axes *ax;
    nplot_gridspec *gs;
    nplot_subfigure *sf;
    const nd_array *a[6];
    double d[5];
    int i[4];
    const char *s[3];
    nplot_f64s t;
    nplot_strs l;
    bool b;
    /* results */
    nd_status st;
    nplot_axes *rax;
    nplot_subfigure *rsf;         /* ret 'S' */
    nplot_gridspec *rgs;          /* ret 'g' */
    void *many[NPP_MANY];         /* ret 'M' (subfigures) / 'X' (axes): i[0] * i[1] of them */
} npp_args;
typedef void (*npp_wrap)(npp_args *x, const void *o);

#define W(name, call) \
    static void w_##name(npp_args *x, const void *o) { (void)o; call; }
#define O(T) ((const T *)o)

/* plotting on an axes */
W(plot, x->st = nplot_plot_(x->ax, x->a[0], x->a[1], O(nplot_line_opts)))
W(step, x->st = nplot_step_(x->ax, x->a[0], x->a[1], O(nplot_line_opts)))
W(scatter, x->st = nplot_scatter_(x->ax, x->a[0], x->a[1], O(nplot_scatter_opts)))
W(fill, x->st = nplot_fill_(x->ax, x->a[0], x->a[1], O(nplot_fill_opts)))
W(errorbar, x->st = nplot_errorbar_(x->ax, x->a[0], x->a[1], O(nplot_errorbar_opts)))
W(stem, x->st = nplot_stem_(x->ax, x->a[0], x->a[1], O(nplot_stem_opts)))
W(bar, x->st = nplot_bar_(x->ax, x->a[0], x->a[1], O(nplot_bar_opts)))
W(barh, x->st = nplot_barh_(x->ax, x->a[0], x->a[1], O(nplot_bar_opts)))
W(bar_cat, x->st = nplot_bar_cat_(x->ax, x->l.v, x->t.v, x->t.n < x->l.n ? x->t.n : x->l.n, O(nplot_bar_opts)))
W(barh_cat, x->st = nplot_barh_cat_(x->ax, x->l.v, x->t.v, x->t.n < x->l.n ? x->t.n : x->l.n, O(nplot_bar_opts)))
W(hexbin, x->st = nplot_hexbin_(x->ax, x->a[0], x->a[1], O(nplot_hexbin_opts)))
W(hist2d, x->st = nplot_hist2d_(x->ax, x->a[0], x->a[1], O(nplot_hist2d_opts)))
W(quiver, x->st = nplot_quiver_(x->ax, x->a[0], x->a[1], O(nplot_quiver_opts)))
W(barbs, x->st = nplot_barbs_(x->ax, x->a[0], x->a[1], O(nplot_barbs_opts)))
W(stackplot, x->st = nplot_stackplot_(x->ax, x->a[0], x->a[1], O(nplot_stackplot_opts)))
W(hist, x->st = nplot_hist_(x->ax, x->a[0], O(nplot_hist_opts)))
W(imshow, x->st = nplot_imshow_(x->ax, x->a[0], O(nplot_imshow_opts)))
W(matshow, x->st = nplot_matshow_(x->ax, x->a[0], O(nplot_imshow_opts)))
W(pie, x->st = nplot_pie_(x->ax, x->a[0], O(nplot_pie_opts)))
W(boxplot, x->st = nplot_boxplot_(x->ax, x->a[0], O(nplot_boxplot_opts)))
W(violinplot, x->st = nplot_violinplot_(x->ax, x->a[0], O(nplot_violin_opts)))
W(pcolormesh, x->st = nplot_pcolormesh_(x->ax, x->a[0], O(nplot_pcolormesh_opts)))
W(stairs, x->st = nplot_stairs_(x->ax, x->a[0], O(nplot_stairs_opts)))
W(ecdf, x->st = nplot_ecdf_(x->ax, x->a[0], O(nplot_ecdf_opts)))
W(eventplot, x->st = nplot_eventplot_(x->ax, x->a[0], O(nplot_eventplot_opts)))
W(fill_between, x->st = nplot_fill_between_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_fill_opts)))
W(fill_betweenx, x->st = nplot_fill_betweenx_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_fill_opts)))
W(contour, x->st = nplot_contour_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contourf, x->st = nplot_contourf_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contour3d, x->st = nplot_contour3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contourf3d, x->st = nplot_contourf3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(plot_surface, x->st = nplot_plot_surface_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_surface_opts)))
W(plot_wireframe, x->st = nplot_plot_wireframe_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_surface_opts)))
W(plot3d, x->st = nplot_plot3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_line_opts)))
W(scatter3d, x->st = nplot_scatter3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_scatter_opts)))
W(hlines, x->st = nplot_hlines_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_lines_opts)))
W(vlines, x->st = nplot_vlines_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_lines_opts)))
W(streamplot, x->st = nplot_streamplot_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], O(nplot_streamplot_opts)))
W(broken_barh, x->st = nplot_broken_barh_(x->ax, x->a[0], x->d[0], x->d[1], O(nplot_broken_barh_opts)))
/* text and decorations */
W(set_title, x->st = nplot_set_title_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_xlabel, x->st = nplot_set_xlabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_ylabel, x->st = nplot_set_ylabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_zlabel, x->st = nplot_set_zlabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_xscale, x->st = nplot_set_xscale_(x->ax, x->s[0], O(nplot_scale_opts)))
W(set_yscale, x->st = nplot_set_yscale_(x->ax, x->s[0], O(nplot_scale_opts)))
W(text, x->st = nplot_text_(x->ax, x->d[0], x->d[1], x->s[0], O(nplot_text_opts)))
W(annotate, x->st = nplot_annotate_(x->ax, x->s[0], x->d[0], x->d[1], O(nplot_annotate_opts)))
W(legend, x->st = nplot_legend_(x->ax, O(nplot_legend_opts)))
/* figure labels and legends, sharing with any axes (plot.h "subplot mosaic, sharing ...") */
W(supxlabel, x->st = nplot_supxlabel_(x->fig, x->s[0], O(nplot_text_opts)))
W(supylabel, x->st = nplot_supylabel_(x->fig, x->s[0], O(nplot_text_opts)))
W(fig_legend, x->st = nplot_fig_legend_(x->fig, O(nplot_legend_opts)))
W(legend_add_artist, x->st = nplot_legend_add_artist(x->ax))
W(sharex, x->st = nplot_sharex(x->ax, O(nplot_add_subplot_opts)->sharex))
W(sharey, x->st = nplot_sharey(x->ax, O(nplot_add_subplot_opts)->sharey))
W(add_subplot_share, x->rax = nplot_add_subplot_(x->fig, x->i[0], x->i[1], x->i[2], O(nplot_add_subplot_opts)))
W(gridspec_add_subplot, x->rax = nplot_gridspec_add_subplot_(x->gs, x->s[0], O(nplot_add_subplot_opts)))
W(grid, x->st = nplot_grid_(x->ax, O(nplot_grid_opts)))
W(tick_params, x->st = nplot_tick_params_(x->ax, O(nplot_tick_params)))
W(clabel, x->st = nplot_clabel_(x->ax, O(nplot_clabel_opts)))
W(set_xformatter, x->st = nplot_set_xformatter_(x->ax, O(nplot_formatter_opts)))
W(set_yformatter, x->st = nplot_set_yformatter_(x->ax, O(nplot_formatter_opts)))
W(colorbar, x->rax = nplot_colorbar_(x->ax, O(nplot_colorbar_opts)))
W(axhline, x->st = nplot_axhline_(x->ax, x->d[0], O(nplot_refline_opts)))
W(axvline, x->st = nplot_axvline_(x->ax, x->d[0], O(nplot_refline_opts)))
W(axhspan, x->st = nplot_axhspan_(x->ax, x->d[0], x->d[1], O(nplot_refline_opts)))
W(axvspan, x->st = nplot_axvspan_(x->ax, x->d[0], x->d[1], O(nplot_refline_opts)))
W(axline, x->st = nplot_axline_(x->ax, x->d[0], x->d[1], x->d[2], x->d[3], O(nplot_axline_opts)))
W(axline_slope, x->st = nplot_axline_slope_(x->ax, x->d[0], x->d[1], x->d[2], O(nplot_axline_opts)))
W(quiverkey, x->st = nplot_quiverkey_(x->ax, x->d[0], x->d[1], x->d[2], x->s[0], O(nplot_quiverkey_opts)))
W(set_xticks, x->st = nplot_set_xticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_yticks, x->st = nplot_set_yticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_xticklabels, x->st = nplot_set_xticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
W(set_yticklabels, x->st = nplot_set_yticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
/* axes state without options */
W(set_xlim, x->st = nplot_set_xlim(x->ax, x->d[0], x->d[1]))
W(set_ylim, x->st = nplot_set_ylim(x->ax, x->d[0], x->d[1]))
W(set_zlim, x->st = nplot_set_zlim(x->ax, x->d[0], x->d[1]))
W(margins, x->st = nplot_margins(x->ax, x->d[0], x->d[1]))
W(view_init, x->st = nplot_view_init(x->ax, x->d[0], x->d[1]))
W(invert_xaxis, x->st = nplot_invert_xaxis(x->ax))
W(invert_yaxis, x->st = nplot_invert_yaxis(x->ax))
W(minorticks_on, x->st = nplot_minorticks_on(x->ax))
W(minorticks_off, x->st = nplot_minorticks_off(x->ax))
W(axis, x->st = nplot_axis(x->ax, x->s[0]))
W(set_facecolor, x->st = nplot_set_facecolor(x->ax, x->s[0]))
W(set_aspect, x->st = nplot_set_aspect(x->ax, x->d[0]))
W(spines_set_visible, x->st = nplot_spines_set_visible(x->ax, x->s[0], x->b))
W(twinx, x->rax = nplot_twinx(x->ax))
W(twiny, x->rax = nplot_twiny(x->ax))
/* figures */
W(subplot, x->rax = nplot_subplot(x->fig, x->i[0], x->i[1], x->i[2]))
W(subplot_3d, x->rax = nplot_subplot_3d(x->fig, x->i[0], x->i[1], x->i[2]))
W(add_axes, x->rax = nplot_add_axes(x->fig, x->d[0], x->d[1], x->d[2], x->d[3]))
W(gridspec_subplot, x->rax = nplot_gridspec_subplot(x->gs, x->s[0]))
W(tight_layout, x->st = nplot_tight_layout_(x->fig, O(nplot_tight_opts)))
W(subplots_adjust, x->st = nplot_subplots_adjust_(x->fig, O(nplot_adjust_opts)))
W(suptitle, x->st = nplot_suptitle_(x->fig, x->s[0], O(nplot_text_opts)))
W(fig_text, x->st = nplot_fig_text_(x->fig, x->d[0], x->d[1], x->s[0], O(nplot_text_opts)))
W(savefig, x->st = nplot_savefig_(x->fig, x->s[0], O(nplot_save_opts)))
W(set_size_inches, x->st = nplot_figure_set_size_inches(x->fig, x->d[0], x->d[1]))
W(set_dpi, x->st = nplot_figure_set_dpi(x->fig, x->d[0]))
W(set_layout_engine, x->st = nplot_figure_set_layout_engine(x->fig, x->s[0]))
W(set_constrained_layout_pads,
  x->st = nplot_figure_set_constrained_layout_pads(x->fig, x->d[0], x->d[1], x->d[2], x->d[3]))
W(figure_draw, x->st = nplot_figure_draw(x->fig))
W(style_use, x->st = nplot_style_use(x->s[0]))

/* numc.pyplot's spectral plots, 3-D bars / quivers / projection state, path effects and
 * sketch (python/numc/_pyplot_pyspec.py) */
W(psd, x->st = nplot_psd_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(csd, x->st = nplot_csd_(x->ax, x->a[0], x->a[1], O(nplot_spectral_opts)))
W(cohere, x->st = nplot_cohere_(x->ax, x->a[0], x->a[1], O(nplot_spectral_opts)))
W(specgram, x->st = nplot_specgram_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(magnitude_spectrum, x->st = nplot_magnitude_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(angle_spectrum, x->st = nplot_angle_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(phase_spectrum, x->st = nplot_phase_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(xcorr, x->st = nplot_xcorr_(x->ax, x->a[0], x->a[1], O(nplot_xcorr_opts)))
W(acorr, x->st = nplot_acorr_(x->ax, x->a[0], O(nplot_xcorr_opts)))
W(spy, x->st = nplot_spy_(x->ax, x->a[0], O(nplot_spy_opts)))
W(bar3d, x->st = nplot_bar3d_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], x->a[4], x->a[5], O(nplot_bar3d_opts)))
W(quiver3d, x->st = nplot_quiver3d_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], x->a[4], x->a[5], O(nplot_quiver3d_opts)))
W(set_proj_type, x->st = nplot_set_proj_type(x->ax, x->s[0], x->d[0]))
W(set_box_aspect3d, x->st = nplot_set_box_aspect3d(x->ax, x->d[0], x->d[1], x->d[2], x->d[3]))
W(view_init_roll, x->st = nplot_view_init_roll(x->ax, x->d[0], x->d[1], x->d[2]))
W(invert_zaxis, x->st = nplot_invert_zaxis(x->ax))
W(set_zbound, x->st = nplot_set_zbound(x->ax, x->d[0], x->d[1]))
W(set_zmargin, x->st = nplot_set_zmargin(x->ax, x->d[0]))

/* issue 21's Python names: artists after the fact (by index on their axes), tables, imsave,
 * date axes, subfigures */
static nplot_artist *art_at(npp_args *x) { return nplot_get_artist(x->ax, x->i[0]); }
#define ART(call) { nplot_artist *a_ = art_at(x); x->st = a_ ? (call) : nd_last_error(); }
static const double *f64_data(const nd_array *a)
{
    return a && nd_dtype_of(a) == ND_FLOAT64 && nd_is_c_contiguous(a) ? nd_data(a) : NULL;
}
static void w_artist_set_data(npp_args *x, const void *o)
{
    (void)o;
    nplot_artist *a = art_at(x);
    if (!a) {
        x->st = nd_last_error();
        return;
    }
    const nd_array *ax = x->a[0], *ay = x->a[1];
    size_t n = (size_t)(ax ? nd_size(ax) : ay ? nd_size(ay) : 0);
    const double *px = f64_data(ax), *py = f64_data(ay);
    if ((ax && !px) || (ay && !py) || (ax && ay && nd_size(ay) != (ptrdiff_t)n)) n = (size_t)-1; /* refused below */
    x->st = nplot_artist_set_data(a, px, py, n == (size_t)-1 ? 0 : n);
}
W(artist_set_color, ART(nplot_artist_set_color(a_, x->s[0])))
W(artist_set_linewidth, ART(nplot_artist_set_linewidth(a_, x->d[0])))
W(artist_set_alpha, ART(nplot_artist_set_alpha(a_, x->d[0])))
W(artist_set_visible, ART(nplot_artist_set_visible(a_, x->b)))
W(artist_set_zorder, ART(nplot_artist_set_zorder(a_, x->d[0])))
W(artist_set_label, ART(nplot_artist_set_label(a_, x->s[0])))
W(artist_set_text, ART(nplot_artist_set_text(a_, x->s[0])))
W(artist_set_sketch_params, ART(nplot_artist_set_sketch_params(a_, x->d[0], x->d[1], x->d[2])))
/* path effects: T holds 9 numbers per effect (kind, linewidth, alpha, rho, offset x, offset y,
 * spacing, angle, length), L one foreground per effect ("" for none) */
static void w_artist_set_path_effects(npp_args *x, const void *o)
{
    (void)o;
    nplot_path_effect fx[8];
    size_t n = x->t.n / 9;
    if (n > 8 || x->t.n % 9 || x->l.n != n) {
        x->st = nd_set_error(ND_EVALUE, "set_path_effects: at most 8 effects, got %zu", n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const double *v = x->t.v + 9 * i;
        fx[i] = (nplot_path_effect){ .kind = (nplot_effect_kind)(int)v[0], .linewidth = v[1],
                                     .foreground = x->l.v[i][0] ? x->l.v[i] : NULL,
                                     .alpha = v[2], .rho = v[3], .offset = { v[4], v[5] },
                                     .spacing = v[6], .angle = v[7], .length = v[8] };
    }
    ART(nplot_artist_set_path_effects(a_, fx, n));
}
W(artist_remove, ART(nplot_artist_remove(a_)))
W(relim, x->st = nplot_relim(x->ax))
W(cla, x->st = nplot_cla(x->ax))
W(fig_delaxes, x->st = nplot_fig_delaxes(x->fig, x->ax))
W(table, x->st = nplot_table_(x->ax, x->i[0], x->i[1], O(nplot_table_opts)))
W(imsave, x->st = nplot_imsave_(x->s[0], x->a[0], O(nplot_imsave_opts)))
W(axis_date, x->st = nplot_axis_date(x->ax, x->s[0]))
W(set_date_formatter, x->st = nplot_set_date_formatter(x->ax, x->s[0], x->s[1]))
W(set_xlim_dates, x->st = nplot_set_xlim_dates(x->ax, x->s[0], x->s[1]))
W(set_ylim_dates, x->st = nplot_set_ylim_dates(x->ax, x->s[0], x->s[1]))
static bool many_ok(npp_args *x)
{
    return x->i[0] >= 1 && x->i[1] >= 1 && x->i[0] <= NPP_MANY / x->i[1];
}
/* more than NPP_MANY results: numc.pyplot refuses those first; a direct call gets the
 * library's ND_EVALUE for a NULL figure instead of writing past x->many */
#define MANY(call) { x->st = many_ok(x) ? (call) : (nplot_subfigures_(NULL, 0, 0, NULL, NULL)); }
W(subfigures, MANY(nplot_subfigures_(x->fig, x->i[0], x->i[1], (nplot_subfigure **)x->many, O(nplot_subfigure_opts))))
W(subfig_subfigures, MANY(nplot_subfig_subfigures_(x->sf, x->i[0], x->i[1], (nplot_subfigure **)x->many, O(nplot_subfigure_opts))))
W(subfig_subplots, MANY(nplot_subfig_subplots_(x->sf, x->i[0], x->i[1], (nplot_axes **)x->many, O(nplot_subplots_opts))))
W(add_subfigure, x->rsf = nplot_add_subfigure_(x->gs, x->s[0], O(nplot_subfigure_opts)))
W(subfig_add_subplot, x->rax = nplot_subfig_add_subplot(x->sf, x->i[0], x->i[1], x->i[2]))
W(subfig_suptitle, x->st = nplot_subfig_suptitle_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_supxlabel, x->st = nplot_subfig_supxlabel_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_supylabel, x->st = nplot_subfig_supylabel_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_set_facecolor, x->st = nplot_subfig_set_facecolor(x->sf, x->s[0]))
W(subfig_set_edgecolor, x->st = nplot_subfig_set_edgecolor(x->sf, x->s[0]))
W(subfig_set_linewidth, x->st = nplot_subfig_set_linewidth(x->sf, x->d[0]))
W(subfig_set_frameon, x->st = nplot_subfig_set_frameon(x->sf, x->b))
W(subfig_subplots_adjust, x->st = nplot_subfig_subplots_adjust_(x->sf, O(nplot_adjust_opts)))
/* savefig(metadata=dict): the pairs as a NULL-terminated list (at most 32 pairs) */
static void w_savefig_meta(npp_args *x, const void *o)
{
    const char *md[NPP_MANY + 1];
    size_t n = x->l.n < NPP_MANY ? x->l.n : NPP_MANY;
    for (size_t i = 0; i < n; i++) md[i] = x->l.v[i];
    md[n] = NULL;
    nplot_save_opts so = *O(nplot_save_opts);
    so.metadata = md;
    x->st = nplot_savefig_(x->fig, x->s[0], &so);
}
/* numc.pyplot's names for the triangulation plots, z ticks, polar grids and indicate_inset
 * (numc/_pyplot_names*.py): a[0..3] are x, y, triangles, mask (None: Delaunay, none) */
static void tri_call(npp_args *x, const void *o, int which)
{
    nplot_triangulation *t = nplot_triangulation_new(x->a[0], x->a[1], x->a[2], x->a[3]);
    if (!t) {
        x->st = nd_last_error();
        return;
    }
    switch (which) {
    case 0: x->st = nplot_triplot_(x->ax, t, O(nplot_line_opts)); break;
    case 1: x->st = nplot_tripcolor_(x->ax, t, x->a[4], O(nplot_tripcolor_opts)); break;
    case 2: x->st = nplot_tricontour_(x->ax, t, x->a[4], O(nplot_tricontour_opts)); break;
    case 3: x->st = nplot_tricontourf_(x->ax, t, x->a[4], O(nplot_tricontour_opts)); break;
    default: x->st = nplot_plot_trisurf_(x->ax, t, x->a[4], O(nplot_trisurf_opts)); break;
    }
    nplot_triangulation_free(t);
}
W(triplot, tri_call(x, o, 0))
W(tripcolor, tri_call(x, o, 1))
W(tricontour, tri_call(x, o, 2))
W(tricontourf, tri_call(x, o, 3))
W(plot_trisurf, tri_call(x, o, 4))
W(set_zticks, x->st = nplot_set_zticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_zticklabels, x->st = nplot_set_zticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
W(rgrids, x->st = nplot_rgrids_(x->ax, x->t.v, (int)x->t.n, O(nplot_rgrids_opts)))
W(thetagrids, x->st = nplot_thetagrids_(x->ax, x->t.v, (int)x->t.n, O(nplot_thetagrids_opts)))
W(subplot_polar, x->rax = nplot_subplot_polar(x->fig, x->i[0], x->i[1], x->i[2]))
W(indicate_inset, x->st = nplot_indicate_inset_(x->ax, x->d[0], x->d[1], x->d[2], x->d[3], O(nplot_indicate_inset_opts)))
W(subfig_gridspec, x->rgs = nplot_subfig_gridspec_new_(x->sf, x->i[0], x->i[1], O(nplot_gridspec_opts)))
W(subfig_legend, x->st = nplot_subfig_legend_(x->sf, O(nplot_legend_opts)))

typedef struct npp_func {
    const char *name;
    const char *sig;  /* first char: f figure, a axes, g gridspec, - none; then the args */
    char ret;         /* s status, a axes */
    npp_wrap fn;
    const npp_kw *kw; /* NULL: no keyword arguments */
    size_t opts_size;
} npp_func;

#define F(name, sig, ret, T) { #name, sig, ret, w_##name, kw_##T, sizeof(T) }
#define N(name, sig, ret) { #name, sig, ret, w_##name, NULL, 0 }
static const npp_func funcs[] = {
    F(plot, "aAA", 's', nplot_line_opts),
    F(step, "aAA", 's', nplot_line_opts),
    F(scatter, "aAA", 's', nplot_scatter_opts),
    F(fill, "aAA", 's', nplot_fill_opts),
    F(errorbar, "aAA", 's', nplot_errorbar_opts),
    F(stem, "aAA", 's', nplot_stem_opts),
    F(bar, "aAA", 's', nplot_bar_opts),
    F(barh, "aAA", 's', nplot_bar_opts),
    F(bar_cat, "aLT", 's', nplot_bar_opts),
    F(barh_cat, "aLT", 's', nplot_bar_opts),
    F(hexbin, "aAA", 's', nplot_hexbin_opts),
    F(hist2d, "aAA", 's', nplot_hist2d_opts),
    F(quiver, "aAA", 's', nplot_quiver_opts),
    F(barbs, "aAA", 's', nplot_barbs_opts),
    F(stackplot, "aAA", 's', nplot_stackplot_opts),
    F(hist, "aA", 's', nplot_hist_opts),
    F(imshow, "aA", 's', nplot_imshow_opts),
    F(matshow, "aA", 's', nplot_imshow_opts),
    F(pie, "aA", 's', nplot_pie_opts),
    F(boxplot, "aA", 's', nplot_boxplot_opts),
    F(violinplot, "aA", 's', nplot_violin_opts),
    F(pcolormesh, "aA", 's', nplot_pcolormesh_opts),
    F(stairs, "aA", 's', nplot_stairs_opts),
    F(ecdf, "aA", 's', nplot_ecdf_opts),
    F(eventplot, "aA", 's', nplot_eventplot_opts),
    F(fill_between, "aAAA", 's', nplot_fill_opts),
    F(fill_betweenx, "aAAA", 's', nplot_fill_opts),
    F(contour, "aAAA", 's', nplot_contour_opts),
    F(contourf, "aAAA", 's', nplot_contour_opts),
    F(contour3d, "aAAA", 's', nplot_contour_opts),
    F(contourf3d, "aAAA", 's', nplot_contour_opts),
    F(plot_surface, "aAAA", 's', nplot_surface_opts),
    F(plot_wireframe, "aAAA", 's', nplot_surface_opts),
    F(plot3d, "aAAA", 's', nplot_line_opts),
    F(scatter3d, "aAAA", 's', nplot_scatter_opts),
    F(hlines, "aAAA", 's', nplot_lines_opts),
    F(vlines, "aAAA", 's', nplot_lines_opts),
    F(streamplot, "aAAAA", 's', nplot_streamplot_opts),
    F(broken_barh, "aAdd", 's', nplot_broken_barh_opts),
    F(set_title, "as", 's', nplot_text_opts),
    F(set_xlabel, "as", 's', nplot_text_opts),
    F(set_ylabel, "as", 's', nplot_text_opts),
    F(set_zlabel, "as", 's', nplot_text_opts),
    F(set_xscale, "as", 's', nplot_scale_opts),
    F(set_yscale, "as", 's', nplot_scale_opts),
    F(text, "adds", 's', nplot_text_opts),
    F(annotate, "asdd", 's', nplot_annotate_opts),
    F(legend, "a", 's', nplot_legend_opts),
    F(grid, "a", 's', nplot_grid_opts),
    F(tick_params, "a", 's', nplot_tick_params),
    F(clabel, "a", 's', nplot_clabel_opts),
    F(set_xformatter, "a", 's', nplot_formatter_opts),
    F(set_yformatter, "a", 's', nplot_formatter_opts),
    F(colorbar, "a", 'a', nplot_colorbar_opts),
    F(axhline, "ad", 's', nplot_refline_opts),
    F(axvline, "ad", 's', nplot_refline_opts),
    F(axhspan, "add", 's', nplot_refline_opts),
    F(axvspan, "add", 's', nplot_refline_opts),
    F(axline, "adddd", 's', nplot_axline_opts),
    F(axline_slope, "addd", 's', nplot_axline_opts),
    F(quiverkey, "addds", 's', nplot_quiverkey_opts),
    F(set_xticks, "aT", 's', nplot_ticks_opts),
    F(set_yticks, "aT", 's', nplot_ticks_opts),
    F(set_xticklabels, "aL", 's', nplot_ticks_opts),
    F(set_yticklabels, "aL", 's', nplot_ticks_opts),
    N(set_xlim, "add", 's'),
    N(set_ylim, "add", 's'),
    N(set_zlim, "add", 's'),
    N(margins, "add", 's'),
    N(view_init, "add", 's'),
    N(invert_xaxis, "a", 's'),
    N(invert_yaxis, "a", 's'),
    N(minorticks_on, "a", 's'),
    N(minorticks_off, "a", 's'),
    N(axis, "as", 's'),
    N(set_facecolor, "as", 's'),
    N(set_aspect, "ad", 's'),
    N(spines_set_visible, "asb", 's'),
    N(twinx, "a", 'a'),
    N(twiny, "a", 'a'),
    N(subplot, "fiii", 'a'),
    N(subplot_3d, "fiii", 'a'),
    N(add_axes, "fdddd", 'a'),
    N(gridspec_subplot, "gs", 'a'),
    F(tight_layout, "f", 's', nplot_tight_opts),
    F(subplots_adjust, "f", 's', nplot_adjust_opts),
    F(suptitle, "fs", 's', nplot_text_opts),
    F(fig_text, "fdds", 's', nplot_text_opts),
    F(savefig, "fs", 's', nplot_save_opts),
    N(set_size_inches, "fdd", 's'),
    N(set_dpi, "fd", 's'),
    N(set_layout_engine, "fs", 's'),
    N(set_constrained_layout_pads, "fdddd", 's'),
    N(figure_draw, "f", 's'),
    N(style_use, "-s", 's'),
    F(supxlabel, "fs", 's', nplot_text_opts),
    F(supylabel, "fs", 's', nplot_text_opts),
    F(fig_legend, "f", 's', nplot_legend_opts),
    N(legend_add_artist, "a", 's'),
    F(sharex, "a", 's', nplot_add_subplot_opts),     /* sharex=other */
    F(sharey, "a", 's', nplot_add_subplot_opts),     /* sharey=other */
    F(add_subplot_share, "fiii", 'a', nplot_add_subplot_opts),
    F(gridspec_add_subplot, "gs", 'a', nplot_add_subplot_opts),
    /* issue 21 */
    F(psd, "aA", 's', nplot_spectral_opts),
    F(csd, "aAA", 's', nplot_spectral_opts),
    F(cohere, "aAA", 's', nplot_spectral_opts),
    F(specgram, "aA", 's', nplot_spectral_opts),
    F(magnitude_spectrum, "aA", 's', nplot_spectral_opts),
    F(angle_spectrum, "aA", 's', nplot_spectral_opts),
    F(phase_spectrum, "aA", 's', nplot_spectral_opts),
    F(xcorr, "aAA", 's', nplot_xcorr_opts),
    F(acorr, "aA", 's', nplot_xcorr_opts),
    F(spy, "aA", 's', nplot_spy_opts),
    F(bar3d, "aAAAAAA", 's', nplot_bar3d_opts),
    F(quiver3d, "aAAAAAA", 's', nplot_quiver3d_opts),
    N(set_proj_type, "asd", 's'),
    N(set_box_aspect3d, "adddd", 's'),
    N(view_init_roll, "addd", 's'),
    N(invert_zaxis, "a", 's'),
    N(set_zbound, "add", 's'),
    N(set_zmargin, "ad", 's'),
    N(artist_set_sketch_params, "aiddd", 's'),
    N(artist_set_path_effects, "aiTL", 's'),
    N(artist_set_data, "aiAA", 's'),
    N(artist_set_color, "ais", 's'),
    N(artist_set_linewidth, "aid", 's'),
    N(artist_set_alpha, "aid", 's'),
    N(artist_set_visible, "aib", 's'),
    N(artist_set_zorder, "aid", 's'),
    N(artist_set_label, "ais", 's'),
    N(artist_set_text, "ais", 's'),
    N(artist_remove, "ai", 's'),
    N(relim, "a", 's'),
    N(cla, "a", 's'),
    N(fig_delaxes, "fa", 's'),
    F(table, "aii", 's', nplot_table_opts),
    F(imsave, "-sA", 's', nplot_imsave_opts),
    N(axis_date, "as", 's'),
    N(set_date_formatter, "ass", 's'),
    N(set_xlim_dates, "ass", 's'),
    N(set_ylim_dates, "ass", 's'),
    F(subfigures, "fii", 'M', nplot_subfigure_opts),
    F(subfig_subfigures, "Sii", 'M', nplot_subfigure_opts),
    F(subfig_subplots, "Sii", 'X', nplot_subplots_opts),
    F(add_subfigure, "gs", 'S', nplot_subfigure_opts),
    N(subfig_add_subplot, "Siii", 'a'),
    F(subfig_suptitle, "Ss", 's', nplot_text_opts),
    F(subfig_supxlabel, "Ss", 's', nplot_text_opts),
    F(subfig_supylabel, "Ss", 's', nplot_text_opts),
    N(subfig_set_facecolor, "Ss", 's'),
    N(subfig_set_edgecolor, "Ss", 's'),
    N(subfig_set_linewidth, "Sd", 's'),
    N(subfig_set_frameon, "Sb", 's'),
    F(subfig_subplots_adjust, "S", 's', nplot_adjust_opts),
    F(subfig_gridspec, "Sii", 'g', nplot_gridspec_opts),
    F(savefig_meta, "fsL", 's', nplot_save_opts),
    F(subfig_legend, "S", 's', nplot_legend_opts),
    F(triplot, "aAAAA", 's', nplot_line_opts),
    F(tripcolor, "aAAAAA", 's', nplot_tripcolor_opts),
    F(tricontour, "aAAAAA", 's', nplot_tricontour_opts),
    F(tricontourf, "aAAAAA", 's', nplot_tricontour_opts),
    F(plot_trisurf, "aAAAAA", 's', nplot_trisurf_opts),
    F(set_zticks, "aT", 's', nplot_ticks_opts),
    F(set_zticklabels, "aL", 's', nplot_ticks_opts),
    F(rgrids, "aT", 's', nplot_rgrids_opts),
    F(thetagrids, "aT", 's', nplot_thetagrids_opts),
    N(subplot_polar, "fiii", 'a'),
    F(indicate_inset, "adddd", 's', nplot_indicate_inset_opts),
};
#define NFUNCS (sizeof funcs / sizeof funcs[0])


/* The output arrays (K_OUT fields) of an options struct: set to receive, then returned as
 * a tuple in table order (an empty tuple when the struct has none). */
static PyObject *collect_outs(const npp_kw *kw, char *opts, nd_array **slots, int n, int ok)
{
    PyObject *t = PyTuple_New(n);
    int j = 0;
    for (const npp_kw *k = kw; k && k->name && j < n; k++) {
        if (k->kind != K_OUT) continue;
        nd_array *a = slots[j];
        (void)opts;
        PyObject *v = ok && a ? npy_wrap(a) : (nd_free(a), Py_NewRef(Py_None));
        if (!v || !t) {
            Py_XDECREF(v);
            for (j++; j < n; j++) nd_free(slots[j]);
            Py_XDECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, j++, v);
    }
    return t;
}


/* _plot.call(name, handle, *args, **kwargs) */
PyObject *npp_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    Py_ssize_t nargs = PyTuple_Size(args);
    if (nargs < 1 || !PyUnicode_Check(PyTuple_GetItem(args, 0))) {
        PyErr_SetString(PyExc_TypeError, "_plot.call(name, handle, *args, **kwargs)");
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8AndSize(PyTuple_GetItem(args, 0), NULL);
    const npp_func *fn = NULL;
    for (size_t i = 0; i < NFUNCS; i++)
        if (strcmp(funcs[i].name, name) == 0) fn = &funcs[i];
    if (!fn) {
        PyErr_Format(PyExc_AttributeError, "numc.pyplot: no plot function '%s'", name);
        return NULL;
    }
    Py_ssize_t want = (Py_ssize_t)strlen(fn->sig) + (fn->sig[0] == '-' ? 0 : 1);
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments (%zd given)", name,
                     want - 1, nargs - 1);
        return NULL;
    }
    npp_arena A;
    A.narrs = A.nmem = A.nobjs = 0;
    A.elems = 0;
    npp_args x;
    memset(&x, 0, sizeof x);
    int na = 0, nd = 0, ni = 0, ns = 0;
    PyObject *res = NULL;
    Py_ssize_t pos = 0;
    for (const char *c = fn->sig; *c; c++) {
        if (*c == '-') continue; /* no handle */
        PyObject *v = PyTuple_GetItem(args, ++pos); /* nargs was checked above */
        if (!v) goto done;
        switch (*c) {
        case 'f': if (!(x.fig = PyCapsule_GetPointer(v, FIG_CAP))) goto done; break;
        case 'a': if (!(x.ax = PyCapsule_GetPointer(v, AX_CAP))) goto done; break;
        case 'g': if (!(x.gs = PyCapsule_GetPointer(v, GS_CAP))) goto done; break;
        case 'S': if (!(x.sf = PyCapsule_GetPointer(v, SF_CAP))) goto done; break;
        case 'A':
            if (v != Py_None && !(x.a[na] = npp_arena_array(&A, v))) goto done;
            na++;
            break;
        case 'd':
            x.d[nd] = v == Py_None ? NAN : PyFloat_AsDouble(v);
            if (x.d[nd] == -1.0 && PyErr_Occurred()) goto done;
            nd++;
            break;
        case 'i':
            x.i[ni] = (int)PyLong_AsLong(v);
            if (x.i[ni] == -1 && PyErr_Occurred()) goto done;
            ni++;
            break;
        case 'b': {
            int t = PyObject_IsTrue(v);
            if (t < 0) goto done;
            x.b = t;
            break;
        }
        case 's':
            if (v != Py_None && npp_get_str(&A, v, &x.s[ns], name) < 0) goto done;
            ns++;
            break;
        case 'T': if (npp_get_f64s(&A, v, &x.t) < 0) goto done; break;
        case 'L': if (npp_get_strs(&A, v, &x.l, name) < 0) goto done; break;
        default: break;
        }
    }
    /* the options struct (every one is well below 1 KiB) */
    union {
        max_align_t align;
        char bytes[1024];
    } opts;
    memset(&opts, 0, sizeof opts);
    nd_array *outs[4] = { NULL, NULL, NULL, NULL };
    int nout = 0;
    if (!fn->kw) {
        if (kwargs && PyDict_Size(kwargs) > 0) {
            PyObject *key, *val;
            Py_ssize_t p = 0;
            PyDict_Next(kwargs, &p, &key, &val);
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", name, key);
            goto done;
        }
    } else {
        if (npp_fill_opts(&A, fn->kw, opts.bytes, kwargs, name) < 0) goto done;
        for (const npp_kw *k = fn->kw; k->name; k++)
            if (k->kind == K_OUT && nout < 4) {
                nd_array **slot = &outs[nout++];
                memcpy(opts.bytes + k->off, &slot, sizeof slot);
            }
    }
    if (fn->opts_size > sizeof opts) {
        PyErr_SetString(PyExc_SystemError, "numc.pyplot: options struct too large");
        goto done;
    }
    nd_clear_error();
    /* drawing and big data run without the GIL (callbacks take it back) */
    int nogil = A.elems > NPY_NOGIL_SIZE || strncmp(name, "savefig", 7) == 0;
    if (nogil) {
        PyThreadState *ts = PyEval_SaveThread();
        fn->fn(&x, opts.bytes);
        PyEval_RestoreThread(ts);
    } else {
        fn->fn(&x, opts.bytes);
    }
    if (PyErr_Occurred()) goto done;
    if (fn->ret == 'a' || fn->ret == 'S' || fn->ret == 'g') {
        void *h = fn->ret == 'a' ? (void *)x.rax : fn->ret == 'S' ? (void *)x.rsf : (void *)x.rgs;
        res = h ? PyCapsule_New(h, fn->ret == 'a' ? AX_CAP : fn->ret == 'S' ? SF_CAP : GS_CAP, NULL)
                : npy_raise();
        if (!res) npp_drop_warnings();
    } else if ((fn->ret == 'M' || fn->ret == 'X') && x.st == ND_OK) {
        int n = x.i[0] * x.i[1];
        res = PyList_New(n);
        for (int j = 0; res && j < n; j++) {
            PyObject *c = PyCapsule_New(x.many[j], fn->ret == 'M' ? SF_CAP : AX_CAP, NULL);
            if (!c) Py_CLEAR(res);
            else PyList_SetItem(res, j, c);
        }
    } else if (x.st != ND_OK) {
        for (int j = 0; j < nout; j++) nd_free(outs[j]);
        nout = 0;
        npy_raise();
        npp_drop_warnings();
    } else if (nout) {
        res = collect_outs(fn->kw, opts.bytes, outs, nout, 1);
    } else {
        res = Py_NewRef(Py_None);
    }
    if (res && npy_flush_warnings() < 0) Py_CLEAR(res);
done:
    npp_arena_free(&A);
    return res;
}

/* keywords(name) → the keyword names of a function (for docs and tests) */
PyObject *npp_keywords(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *name = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (!name) return NULL;
    for (size_t i = 0; i < NFUNCS; i++) {
        if (strcmp(funcs[i].name, name) != 0) continue;
        PyObject *l = PyList_New(0);
        for (const npp_kw *k = funcs[i].kw; l && k && k->name; k++) {
            if (k->kind == K_OUT) continue;
            PyObject *u = PyUnicode_FromString(k->name);
            if (!u || PyList_Append(l, u) < 0) Py_CLEAR(l);
            Py_XDECREF(u);
        }
        return l;
    }
    PyErr_Format(PyExc_KeyError, "%s", name);
    return NULL;
}

PyObject *npp_functions(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    PyObject *l = PyList_New((Py_ssize_t)NFUNCS);
    for (size_t i = 0; l && i < NFUNCS; i++) {
        PyObject *u = PyUnicode_FromString(funcs[i].name);
        if (!u) Py_CLEAR(l);
        else PyList_SetItem(l, (Py_ssize_t)i, u);
    }
    return l;
}

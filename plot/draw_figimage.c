/* The figure's own patch (face, frame line, frameon, visible) and its figure images
 * (figprops.c's model; matplotlib's Figure.patch and FigureImage). */
#include "plot_render.h"

#include <math.h>
#include <stdint.h>

/* fx_style's painter of the figure patch: the current path filled and stroked */
static void paint_fig_patch(render_ctx *rc, void *ctx)
{
    const fx_style *st = ctx;
    cairo_t *cr = rc->cr;
    cairo_set_source_rgba(cr, st->face.r, st->face.g, st->face.b, st->face.a);
    if (st->lw > 0 && st->edge.a > 0) {
        cairo_fill_preserve(cr);
        cairo_set_source_rgba(cr, st->edge.r, st->edge.g, st->edge.b, st->edge.a);
        cairo_set_line_width(cr, st->lw);
        cairo_stroke(cr);
    } else {
        cairo_fill(cr);
    }
}

void nplot__draw_fig_patch(render_ctx *rc, bool transparent, const rgba *face)
{
    const nplot_figure *fig = rc->fig;
    cairo_t *cr = rc->cr;
    if (fig->frameoff || transparent) return; /* matplotlib: no patch, or face and edge 'none' */
    rgba f = face ? *face : fig->face;
    struct nplot__fx rc_fx[1];
    double sk[3];
    fx_style st = { .has_face = true, .face = f, .edge = fig->edge, .alpha = 1,
                    .lw = fig->linewidth * rc->scale, .join = CAIRO_LINE_JOIN_MITER,
                    .normal = paint_fig_patch, .ctx = &st };
    st.nfx = nplot__fx_list_of(fig, &fig->patch_fx, rc_fx, &st.fx);
    if (nplot_figure_get_sketch_params(fig, sk)) st.sketch = sk;
    if (st.nfx > 1 || (st.nfx == 1 && st.fx[0].kind != NPLOT_PE_WITH_STROKE) || st.sketch) {
        /* Figure.set_path_effects / set_sketch_params: the Rectangle (0, 0, 1, 1) drawn
         * through them, face and frame (a rc withStroke alone only strokes the edge,
         * outside the canvas) */
        cairo_rectangle(cr, 0, 0, rc->W, rc->H);
        nplot__fx_paint(rc, &st);
        cairo_new_path(cr);
        return;
    }
    cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    if (fig->linewidth > 0 && fig->edge.a > 0 && rc->raster) {
        /* Agg snaps the Rectangle (0, 0, 1, 1): its corners to pixel centres when the
         * rounded width is odd (else to pixel edges), and every pixel the line touches is
         * painted whole (measured on matplotlib 3.6 for 1 to 10 px): the line covers
         * [0, ceil(s + w/2)) at the top / left and [floor(W + s - w/2), W) at the bottom /
         * right */
        double w = fig->linewidth * rc->scale, sn = lround(w) % 2 ? 0.5 : 0;
        double in0 = fmin(ceil(sn + w / 2), fmin(rc->W, rc->H));
        double x1 = fmax(floor(rc->W + sn - w / 2), 0), y1 = fmax(floor(rc->H + sn - w / 2), 0);
        cairo_save(cr);
        cairo_set_source_rgba(cr, fig->edge.r, fig->edge.g, fig->edge.b, fig->edge.a);
        cairo_rectangle(cr, 0, 0, rc->W, in0);                   /* top */
        cairo_rectangle(cr, 0, in0, in0, rc->H - in0);           /* left */
        if (y1 < rc->H) cairo_rectangle(cr, in0, y1, rc->W - in0, rc->H - y1); /* bottom */
        if (x1 < rc->W) cairo_rectangle(cr, x1, in0, rc->W - x1, fmax(y1 - in0, 0)); /* right */
        cairo_fill(cr);
        cairo_restore(cr);
    } else if (fig->linewidth > 0 && fig->edge.a > 0) {
        /* vector output: the Rectangle (0, 0, 1, 1) stroked, half of the line outside */
        cairo_save(cr);
        cairo_rectangle(cr, 0, 0, rc->W, rc->H);
        cairo_set_source_rgba(cr, fig->edge.r, fig->edge.g, fig->edge.b, fig->edge.a);
        cairo_set_line_width(cr, fig->linewidth * rc->scale);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_stroke(cr);
        cairo_restore(cr);
    }
}

void nplot__draw_figimages(render_ctx *rc)
{
    const nplot_figure *fig = rc->fig;
    cairo_t *cr = rc->cr;
    /* one data pixel per figure pixel at the figure's dpi, scaled with the output */
    double k = rc->scale * 72 / fig->dpi;
    for (const fig_image *im = fig->figimages; im; im = im->next) {
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, im->w, im->h);
        if (cairo_surface_status(s)) {
            cairo_surface_destroy(s);
            nplot__fail(rc->fig, ND_ENOMEM, "nplot_figimage: cannot allocate a %d x %d image",
                        im->h, im->w);
            return;
        }
        cairo_surface_flush(s);
        unsigned char *dst = cairo_image_surface_get_data(s);
        int stride = cairo_image_surface_get_stride(s);
        for (int r = 0; r < im->h; r++) {
            const unsigned char *src = im->rgba8 + (size_t)(im->origin_upper ? r : im->h - 1 - r)
                                                       * im->w * 4;
            uint32_t *row = (uint32_t *)(void *)(dst + (size_t)r * stride);
            for (int c = 0; c < im->w; c++) {
                unsigned a = src[4 * c + 3];
                unsigned pr = (src[4 * c] * a + 127) / 255, pg = (src[4 * c + 1] * a + 127) / 255;
                unsigned pb = (src[4 * c + 2] * a + 127) / 255;
                row[c] = (uint32_t)a << 24 | pr << 16 | pg << 8 | pb;
            }
        }
        cairo_surface_mark_dirty(s);
        cairo_save(cr);
        /* pixel (0, 0) of the image's bottom row sits at (xo, yo) from the bottom left */
        cairo_translate(cr, im->xo * k, rc->H - (im->yo + im->h) * k);
        cairo_scale(cr, k, k);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
        cairo_rectangle(cr, 0, 0, im->w, im->h);
        cairo_fill(cr);
        cairo_restore(cr);
        if (rc->raster) cairo_surface_destroy(s);
        else nplot__defer_destroy(rc, s); /* a vector target references it until finished */
    }
}

/* The subfigures' patches (subfigure.c's model): face and frame over the figure background,
 * under every axes. */
#include "plot_render.h"

void nplot__draw_subfigs(render_ctx *rc, bool transparent)
{
    cairo_t *cr = rc->cr;
    for (const nplot_subfigure *s = rc->fig->subfigs; s; s = s->next) {
        if (!s->frameon) continue;
        double x0 = s->box[0] * rc->W, x1 = (s->box[0] + s->box[2]) * rc->W;
        double y0 = (1 - s->box[1] - s->box[3]) * rc->H, y1 = (1 - s->box[1]) * rc->H;
        cairo_save(cr);
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
        if (!transparent) {
            cairo_set_source_rgba(cr, s->face.r, s->face.g, s->face.b, s->face.a);
            cairo_fill_preserve(cr);
        }
        if (s->linewidth > 0) {
            cairo_set_source_rgba(cr, s->edge.r, s->edge.g, s->edge.b, s->edge.a);
            cairo_set_line_width(cr, s->linewidth * rc->scale);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
        cairo_restore(cr);
    }
}

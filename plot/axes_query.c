/* Axes queries that need a layout (issue 20): the active position, display-point hit test,
 * coordinate conversion between data, axes, figure and display coordinates, minor ticks. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* The figure laid out (drawn now if it changed), its size in pixels and ax's pixel box. */
static nd_status laid_out(nplot_axes *ax, double *W, double *H, double box[4], const char *who)
{
    CHECK_AX(ax, who);
    if (ax->is3d || ax->polar)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: only for rectilinear 2-D axes", who);
    nd_status st = nplot_axes_pixel_box(ax, &box[0], &box[1], &box[2], &box[3]);
    if (st) return st;
    int w, h;
    nplot_figure_pixel_size(ax->fig, &w, &h);
    *W = w;
    *H = h;
    return ND_OK;
}

nd_status nplot_axes_get_active_position(nplot_axes *ax, double bounds[4])
{
    static const char *who = "nplot_axes_get_active_position";
    double W = 1, H = 1, b[4] = { 0 };
    nd_status st;
    if (ax && ax->is3d) { /* Axes3D.apply_aspect: the cell shrunk to a square, anchored 'C' */
        CHECK_AX(ax, who);
        int w, h;
        if ((st = nplot_axes_pixel_box(ax, &b[0], &b[1], &b[2], &b[3]))) return st;
        nplot_figure_pixel_size(ax->fig, &w, &h);
        W = w, H = h;
        double side = fmin(b[2] - b[0], b[3] - b[1]), cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
        b[0] = cx - side / 2, b[2] = cx + side / 2, b[1] = cy - side / 2, b[3] = cy + side / 2;
    } else if ((st = laid_out(ax, &W, &H, b, who))) {
        return st;
    }
    if (!bounds) return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds is NULL", who);
    bounds[0] = b[0] / W;
    bounds[1] = 1 - b[3] / H;
    bounds[2] = (b[2] - b[0]) / W;
    bounds[3] = (b[3] - b[1]) / H;
    return ND_OK;
}

bool nplot_axes_contains_point(nplot_axes *ax, double x, double y)
{
    double W = 1, H = 1, b[4] = { 0 };
    if (laid_out(ax, &W, &H, b, "nplot_axes_contains_point")) return false;
    double py = H - y; /* display y counts up from the bottom */
    return x >= b[0] && x <= b[2] && py >= b[1] && py <= b[3];
}

enum { CS_DATA, CS_AXES, CS_FIGURE, CS_DISPLAY, CS_XAXIS, CS_YAXIS };

static int coord_system(const char *s)
{
    static const char *const names[] = { "data", "axes", "figure", "display", "xaxis", "yaxis" };
    for (int i = 0; s && i < 6; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

/* One coordinate: data ↔ axes fraction along an axis (scaled space, inversion included). */
static double data_to_frac(const axis_state *a, double v)
{
    double l = nplot__scale_fwd(a, a->lo), h = nplot__scale_fwd(a, a->hi);
    return (nplot__scale_fwd(a, v) - l) / (h - l);
}

static double frac_to_data(const axis_state *a, double f)
{
    double l = nplot__scale_fwd(a, a->lo), h = nplot__scale_fwd(a, a->hi);
    return nplot__scale_inv(a, l + f * (h - l));
}

nd_status nplot_axes_transform(nplot_axes *ax, const char *from, const char *to, double x,
                               double y, double *ox, double *oy)
{
    static const char *who = "nplot_axes_transform";
    double W = 1, H = 1, b[4] = { 0 };
    nd_status st = laid_out(ax, &W, &H, b, who);
    if (st) return st;
    int f = coord_system(from), t = coord_system(to);
    if (f < 0 || t < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown coordinate system '%s' (data, axes, "
                                               "figure, display, xaxis, yaxis)",
                           who, f < 0 ? (from ? from : "NULL") : (to ? to : "NULL"));
    /* to display pixels (origin bottom-left) */
    double fx, fy; /* axes fractions */
    double dx, dy;
    switch (f) {
    case CS_FIGURE:
        dx = x * W;
        dy = y * H;
        break;
    case CS_DISPLAY:
        dx = x;
        dy = y;
        break;
    default:
        fx = f == CS_DATA || f == CS_XAXIS ? data_to_frac(&ax->xa, x) : x;
        fy = f == CS_DATA || f == CS_YAXIS ? data_to_frac(&ax->ya, y) : y;
        dx = b[0] + fx * (b[2] - b[0]);
        dy = (H - b[3]) + fy * (b[3] - b[1]);
        break;
    }
    double rx, ry;
    switch (t) {
    case CS_FIGURE:
        rx = dx / W;
        ry = dy / H;
        break;
    case CS_DISPLAY:
        rx = dx;
        ry = dy;
        break;
    default:
        fx = (dx - b[0]) / (b[2] - b[0]);
        fy = (dy - (H - b[3])) / (b[3] - b[1]);
        rx = t == CS_DATA || t == CS_XAXIS ? frac_to_data(&ax->xa, fx) : fx;
        ry = t == CS_DATA || t == CS_YAXIS ? frac_to_data(&ax->ya, fy) : fy;
        break;
    }
    if (ox) *ox = rx;
    if (oy) *oy = ry;
    return ND_OK;
}

static int minor_ticks(nplot_axes *ax, bool x, double *out, int cap, const char *who)
{
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    const axis_state *a = x ? &ax->xa : &ax->ya;
    for (int i = 0; out && i < a->nminor && i < cap; i++) out[i] = a->minor_ticks[i];
    return a->nminor;
}

int nplot_get_xminorticks(nplot_axes *ax, double *out, int cap)
{
    return minor_ticks(ax, true, out, cap, "nplot_get_xminorticks");
}

int nplot_get_yminorticks(nplot_axes *ax, double *out, int cap)
{
    return minor_ticks(ax, false, out, cap, "nplot_get_yminorticks");
}

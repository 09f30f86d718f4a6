/* imshow / matshow (a raster painted through a cairo image surface) and colorbars. */
#include "plot_render.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* cairo's ARGB32: native-endian words, premultiplied alpha */
static uint32_t argb(double r, double g, double b, double a)
{
    r = nplot__clampd(r, 0, 1), g = nplot__clampd(g, 0, 1), b = nplot__clampd(b, 0, 1);
    a = nplot__clampd(a, 0, 1);
    uint32_t A = (uint32_t)lround(a * 255);
    uint32_t R = (uint32_t)lround(r * a * 255), G = (uint32_t)lround(g * a * 255),
             B = (uint32_t)lround(b * a * 255);
    return A << 24 | R << 16 | G << 8 | B;
}

/* The colormap as ARGB words, one per entry, so a million pixels cost a table lookup. */
static void cmap_lut(const cmap_ref *cm, double alpha, uint32_t *lut)
{
    for (int i = 0; i < cm->n; i++) {
        rgba c = nplot__cmap_at(cm, (i + 0.5) / cm->n);
        lut[i] = argb(c.r, c.g, c.b, alpha);
    }
}

typedef struct img_opts {
    cmap_ref cm;
    bool upper;
    int interp;
    bool equal;
    double ext[4];
    bool has_ext;
} img_opts;

static nd_status parse_opts(nplot_axes *ax, const nplot_imshow_opts *o, img_opts *io, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (nplot__cmap_find(o->cmap, &io->cm, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    io->upper = true;
    if (o->origin) {
        if (!strcmp(o->origin, "lower")) io->upper = false;
        else if (strcmp(o->origin, "upper"))
            return nplot__fail(fig, ND_EVALUE, "%s: origin must be 'upper' or 'lower', got '%s'", who, o->origin);
    }
    io->equal = true;
    if (o->aspect) {
        if (!strcmp(o->aspect, "auto")) io->equal = false;
        else if (strcmp(o->aspect, "equal"))
            return nplot__fail(fig, ND_EVALUE, "%s: aspect must be 'equal' or 'auto', got '%s'", who, o->aspect);
    }
    io->interp = INTERP_AUTO;
    if (o->interpolation) {
        if (!strcmp(o->interpolation, "nearest") || !strcmp(o->interpolation, "none"))
            io->interp = INTERP_NEAREST;
        else if (!strcmp(o->interpolation, "bilinear")) io->interp = INTERP_BILINEAR;
        else if (strcmp(o->interpolation, "antialiased"))
            return nplot__fail(fig, ND_EVALUE, "%s: interpolation must be 'antialiased', 'nearest' "
                                               "or 'bilinear', got '%s'", who, o->interpolation);
    }
    if (NPLOT__CHECK_LEN(fig, who, "extent", o->extent, 4, "it takes")) return fig->status;
    io->has_ext = o->extent.v != NULL;
    if (o->extent.v) {
        memcpy(io->ext, o->extent.v, sizeof io->ext);
        for (int i = 0; i < 4; i++)
            if (!isfinite(io->ext[i]))
                return nplot__fail(fig, ND_EVALUE, "%s: extent values must be finite", who);
        if (io->ext[0] == io->ext[1] || io->ext[2] == io->ext[3])
            return nplot__fail(fig, ND_EVALUE, "%s: extent (%g, %g, %g, %g) is empty", who,
                               io->ext[0], io->ext[1], io->ext[2], io->ext[3]);
    }
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    return ND_OK;
}

/* z: h * w * nch values, row-major; nch 1 is color-mapped, 3/4 are RGB(A) in [0, 1]. */
static nd_status image_add(nplot_axes *ax, const double *z, int h, int w, int nch,
                           const nplot_imshow_opts *o, artist **out, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (h <= 0 || w <= 0)
        return nplot__fail(fig, ND_ESHAPE, "%s: the image is empty (%d x %d)", who, h, w);
    if (!z) return nplot__fail(fig, ND_EVALUE, "%s: data is NULL", who);
    img_opts io;
    nd_status st = parse_opts(ax, o, &io, who);
    if (st) return st;
    double alpha = NPLOT_OPT(o->alpha, 1);
    size_t np = (size_t)h * (size_t)w;
    uint32_t *pix = nd_malloc(np * 4, who);
    if (!pix) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for a %d x %d image", who, h, w);
    mappable m = { 0 };
    if (nch == 1) {
        double lo = o->vmin, hi = o->vmax;
        if (lo == hi) {
            /* plain comparisons: fmin/fmax are library calls at -O2 */
            lo = INFINITY, hi = -INFINITY;
            for (size_t i = 0; i < np; i++) {
                double v = z[i];
                if (v < lo && v > -INFINITY) lo = v;
                if (v > hi && v < INFINITY) hi = v;
            }
            if (!(lo <= hi)) lo = 0, hi = 1;
        } else if (!isfinite(lo) || !isfinite(hi)) {
            nd_free_mem(pix);
            return nplot__fail(fig, ND_EVALUE, "%s: vmin and vmax must be finite", who);
        }
        m = (mappable){ true, io.cm, lo, hi };
        uint32_t lut[256];
        cmap_lut(&io.cm, alpha, lut);
        /* matplotlib's index floor(t * N), the top value in the last entry */
        int nc = io.cm.n;
        double scale = hi > lo ? nc / (hi - lo) : 0, mid = hi > lo ? 0 : nc / 2;
        for (size_t i = 0; i < np; i++) {
            double v = z[i];
            if (v != v) {
                pix[i] = 0;
                continue;
            }
            double t = scale ? (v - lo) * scale : mid;
            int k = t <= 0 ? 0 : t >= nc ? nc - 1 : (int)t;
            pix[i] = lut[k];
        }
    } else {
        for (size_t i = 0; i < np; i++) {
            const double *p = z + i * (size_t)nch;
            double a = nch == 4 ? p[3] : 1;
            pix[i] = isfinite(p[0] + p[1] + p[2] + a) ? argb(p[0], p[1], p[2], a * alpha) : 0;
        }
    }
    artist *a = nplot__artist_add(ax, ART_IMAGE, who);
    if (!a) {
        nd_free_mem(pix);
        return fig->status;
    }
    a->pix = (unsigned char *)pix;
    a->iw = w;
    a->ih = h;
    a->origin_upper = io.upper;
    a->interp = io.interp;
    a->map = m;
    a->alpha = 1; /* already in the pixels */
    a->zorder = o->zorder;
    double l = -0.5, r = w - 0.5, b = io.upper ? h - 0.5 : -0.5, t = io.upper ? -0.5 : h - 0.5;
    if (io.has_ext) l = io.ext[0], r = io.ext[1], b = io.ext[2], t = io.ext[3];
    double xs[2] = { l, r }, ys[2] = { b, t };
    a->n = 2;
    if (!(a->x = nplot__copy_or_index(fig, xs, 2, who)) || !(a->y = nplot__copy_or_index(fig, ys, 2, who)))
        return fig->status;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    /* the image fills the view: sticky edges at the extent, no margins */
    if ((st = nplot__add_sticky(ax, true, l, who)) || (st = nplot__add_sticky(ax, true, r, who)) ||
        (st = nplot__add_sticky(ax, false, b, who)) || (st = nplot__add_sticky(ax, false, t, who)))
        return st;
    nplot__update_datalim(ax, a);
    if (l > r) ax->xa.inverted = true;
    if (b > t) ax->ya.inverted = true;
    if (io.equal) {
        ax->aspect = 1;
        ax->aspect_datalim = false;
    }
    if (out) *out = a;
    return ND_OK;
}

nd_status nplot_imshow_data_(nplot_axes *ax, const double *z, int h, int w,
                                  const nplot_imshow_opts *o)
{
    static const char *who = "nplot_imshow";
    static const nplot_imshow_opts d = { 0 };
    CHECK_AX(ax, who);
    return image_add(ax, z, h, w, 1, o ? o : &d, NULL, who);
}

static nd_status imshow_array(nplot_axes *ax, const nd_array *img, const nplot_imshow_opts *o,
                              artist **out, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_imshow_opts);
    if (!img) return nplot__fail(ax->fig, ND_EVALUE, "%s: image is NULL", who);
    int nd = nd_ndim(img);
    const ptrdiff_t *sh = nd_shape(img);
    int nch = nd == 3 ? (int)sh[2] : 1;
    if (nd < 2 || nd > 3 || (nd == 3 && nch != 3 && nch != 4))
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: image must be (h, w), (h, w, 3) or (h, w, 4), "
                                               "got %d dimensions%s", who, nd,
                           nd == 3 ? " with a last axis other than 3 or 4" : "");
    if (sh[0] > 1 << 15 || sh[1] > 1 << 15)
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: image of %td x %td is too large (32768 max)",
                           who, sh[0], sh[1]);
    double *z = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(ax->fig, img, &z, &n, "image", who);
    if (st) return st;
    if (nch > 1 && nd_dtype_of(img) == ND_UINT8)
        for (size_t i = 0; i < n; i++) z[i] /= 255.0;
    st = image_add(ax, z, (int)sh[0], (int)sh[1], nch, o, out, who);
    nd_free_mem(z);
    return st;
}

nd_status nplot_imshow_(nplot_axes *ax, const nd_array *img, const nplot_imshow_opts *o)
{
    return imshow_array(ax, img, o, NULL, "nplot_imshow");
}

nd_status nplot_matshow_(nplot_axes *ax, const nd_array *z, const nplot_imshow_opts *o)
{
    static const char *who = "nplot_matshow";
    nplot_imshow_opts mo = { 0 };
    if (o) mo = *o;
    if (!mo.interpolation) mo.interpolation = "nearest";
    nd_status st = imshow_array(ax, z, &mo, NULL, who);
    if (st) return st;
    /* matplotlib: MaxNLocator(nbins=9, steps=[1, 2, 5, 10], integer=True) on both axes */
    const ptrdiff_t *sh = nd_shape(z);
    for (int k = 0; k < 2; k++) {
        double n = (double)sh[k == 0 ? 1 : 0], step = 1;
        for (double dec = 1; step * 9 < n; dec *= 10)
            for (int s = 0; s < 4 && step * 9 < n; s++) step = (double[]){ 1, 2, 5, 10 }[s] * dec;
        double t[64];
        int m = 0;
        for (double v = 0; v <= n - 1 && m < 64; v += step) t[m++] = v;
        nplot_ticks_opts to = { 0 };
        st = k == 0 ? nplot_set_xticks_(ax, t, m, &to) : nplot_set_yticks_(ax, t, m, &to);
        if (st) return st;
    }
    /* x ticks on both sides, labels on top */
    ax->xa.ticks_side[0] = ax->xa.ticks_side[1] = true;
    ax->xa.labels_side[0] = false;
    ax->xa.labels_side[1] = true;
    return ND_OK;
}

/* ---- drawing ---------------------------------------------------------------------------------- */
/* Area-average (box filter) the premultiplied image down to ow x oh: what a minified image
 * should show, and far cheaper than cairo's GOOD filter doing the same at paint time. */
static cairo_surface_t *box_reduce(const artist *a, int ow, int oh)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, ow, oh);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    const uint32_t *src = (const uint32_t *)a->pix;
    int iw = a->iw, ih = a->ih;
    uint32_t *acc = nd_calloc((size_t)ow * 4, sizeof *acc, "nplot");
    int *x0 = nd_malloc(sizeof(int) * (size_t)(ow + 1), "nplot");
    if (!acc || !x0) {
        nd_free_mem(acc);
        nd_free_mem(x0);
        cairo_surface_destroy(s);
        return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
    }
    for (int i = 0; i <= ow; i++) x0[i] = (int)((long long)i * iw / ow);
    for (int oy = 0; oy < oh; oy++) {
        int y0 = (int)((long long)oy * ih / oh), y1 = (int)((long long)(oy + 1) * ih / oh);
        if (y1 <= y0) y1 = y0 + 1;
        memset(acc, 0, sizeof *acc * (size_t)ow * 4);
        for (int y = y0; y < y1 && y < ih; y++) {
            const uint32_t *row = src + (size_t)y * (size_t)iw;
            for (int ox = 0; ox < ow; ox++) {
                int xa = x0[ox], xb = x0[ox + 1] > xa ? x0[ox + 1] : xa + 1;
                uint32_t *c = acc + 4 * ox;
                for (int x = xa; x < xb && x < iw; x++) {
                    uint32_t p = row[x];
                    c[0] += p >> 24, c[1] += (p >> 16) & 255, c[2] += (p >> 8) & 255, c[3] += p & 255;
                }
            }
        }
        uint32_t *out = (uint32_t *)(dst + (size_t)oy * ds);
        for (int ox = 0; ox < ow; ox++) {
            int xa = x0[ox], xb = x0[ox + 1] > xa ? x0[ox + 1] : xa + 1;
            uint32_t n = (uint32_t)((xb - xa) * (y1 - y0)), h = n / 2;
            const uint32_t *c = acc + 4 * ox;
            out[ox] = (c[0] + h) / n << 24 | (c[1] + h) / n << 16 | (c[2] + h) / n << 8 | (c[3] + h) / n;
        }
    }
    nd_free_mem(acc);
    nd_free_mem(x0);
    cairo_surface_mark_dirty(s);
    return s;
}

void nplot__draw_image(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    if (!a->pix || a->iw <= 0 || a->ih <= 0) return;
    xform tf = nplot__xform(ax);
    double l = a->x[0], r = a->x[1], b = a->y[0], t = a->y[1];
    double y_row0 = a->origin_upper ? t : b, y_rowh = a->origin_upper ? b : t;
    double X0, Y0, X1, Y1;
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, l, y_row0, &X0, &Y0);
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, r, y_rowh, &X1, &Y1);
    if (!isfinite(X0 + Y0 + X1 + Y1) || X0 == X1 || Y0 == Y1) return;
    int stride = a->iw * 4;
    int iw = a->iw, ih = a->ih, interp = a->interp;
    double up = fmin(fabs(X1 - X0) / a->iw, fabs(Y1 - Y0) / a->ih);
    if (interp == INTERP_AUTO) {
        /* matplotlib's 'antialiased': nearest when magnifying 3x or more, else smoothed */
        interp = up >= 3 ? INTERP_NEAREST : INTERP_AUTO;
    }
    cairo_surface_t *img;
    int ow = (int)ceil(fabs(X1 - X0)), oh = (int)ceil(fabs(Y1 - Y0));
    if (rc->raster && interp == INTERP_AUTO && (ow < a->iw || oh < a->ih)) {
        /* minified: average down to the device pixels first, then a bilinear paint */
        img = box_reduce(a, ow < a->iw ? ow : a->iw, oh < a->ih ? oh : a->ih);
        iw = cairo_image_surface_get_width(img);
        ih = cairo_image_surface_get_height(img);
        interp = INTERP_BILINEAR;
    } else if (rc->raster) {
        img = cairo_image_surface_create_for_data(a->pix, CAIRO_FORMAT_ARGB32, a->iw, a->ih, stride);
    } else {
        /* vector targets keep the source until they are finished: give them a copy */
        img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, a->iw, a->ih);
        if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
            cairo_surface_flush(img);
            unsigned char *dst = cairo_image_surface_get_data(img);
            int ds = cairo_image_surface_get_stride(img);
            for (int i = 0; i < a->ih; i++) memcpy(dst + (size_t)i * ds, a->pix + (size_t)i * stride, (size_t)stride);
            cairo_surface_mark_dirty(img);
        }
    }
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: cannot create a %d x %d image surface", iw, ih);
        return;
    }
    cairo_pattern_t *pat = cairo_pattern_create_for_surface(img);
    double sx = iw / (X1 - X0), sy = ih / (Y1 - Y0);
    cairo_matrix_t m;
    cairo_matrix_init(&m, sx, 0, 0, sy, -X0 * sx, -Y0 * sy);
    cairo_pattern_set_matrix(pat, &m);
    cairo_pattern_set_filter(pat, interp == INTERP_NEAREST ? CAIRO_FILTER_NEAREST
                                  : interp == INTERP_BILINEAR ? CAIRO_FILTER_BILINEAR
                                                              : CAIRO_FILTER_GOOD);
    cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_rectangle(cr, fmin(X0, X1), fmin(Y0, Y1), fabs(X1 - X0), fabs(Y1 - Y0));
    cairo_clip(cr);
    cairo_set_source(cr, pat);
    cairo_paint_with_alpha(cr, a->alpha);
    cairo_restore(cr);
    cairo_pattern_destroy(pat);
    if (rc->raster) cairo_surface_destroy(img);
    else nplot__defer_destroy(rc, img);
}

/* ---- colorbar --------------------------------------------------------------------------------- */
nplot_axes *nplot_colorbar_(nplot_axes *ax, const nplot_colorbar_opts *o)
{
    static const char *who = "nplot_colorbar";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    nplot_figure *fig = ax->fig;
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_colorbar_opts);
    const mappable *m = NULL;
    int cset = 0; /* the mappable is a contour set: levels, not a gradient */
    for (artist *a = ax->artists; a; a = a->next)
        if (a->map.on) m = &a->map, cset = a->cset;
    if (!m) {
        nplot__fail(fig, ND_EVALUE, "%s: the axes has no color-mapped artist (imshow, hexbin, "
                                    "pcolormesh, scatter with c ...)", who);
        return NULL;
    }
    bool vertical = true;
    if (o->orientation) {
        if (!strcmp(o->orientation, "horizontal")) vertical = false;
        else if (strcmp(o->orientation, "vertical")) {
            nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', got '%s'",
                        who, o->orientation);
            return NULL;
        }
    }
    if (o->fraction < 0 || o->fraction >= 1 || o->pad < 0 || o->pad >= 1 || o->shrink < 0 ||
        o->shrink > 1 || o->aspect < 0 || !isfinite(o->aspect)) {
        nplot__fail(fig, ND_EVALUE, "%s: fraction and pad must be in [0, 1), shrink in (0, 1] and "
                                    "aspect positive", who);
        return NULL;
    }
    if (ax->cbar_parent) {
        nplot__fail(fig, ND_EVALUE, "%s: a colorbar cannot have a colorbar", who);
        return NULL;
    }
    mappable map = *m;
    nplot_axes *cax = nplot__axes_new(fig, who);
    if (!cax) return NULL;
    cax->cbar_parent = ax;
    cax->cbar_vertical = vertical;
    cax->cbar_fraction = NPLOT_OPT(o->fraction, 0.15);
    cax->cbar_pad = NPLOT_OPT(o->pad, vertical ? 0.05 : 0.15);
    cax->cbar_shrink = NPLOT_OPT(o->shrink, 1);
    cax->cbar_aspect = NPLOT_OPT(o->aspect, 20);
    axis_state *lng = vertical ? &cax->ya : &cax->xa, *sht = vertical ? &cax->xa : &cax->ya;
    double lo = map.vmin, hi = map.vmax;
    if (!(hi > lo)) lo -= 0.5, hi = lo + 1;
    lng->set_lo = lng->set_hi = true;
    lng->lo_fixed = lo;
    lng->hi_fixed = hi;
    sht->set_lo = sht->set_hi = true;
    sht->lo_fixed = 0;
    sht->hi_fixed = 1;
    sht->fixed_set = true;
    sht->nfixed = 0;
    cax->xa.grid_major = cax->ya.grid_major = false;
    if (vertical) {
        cax->ya.ticks_side[0] = cax->ya.labels_side[0] = false;
        cax->ya.ticks_side[1] = cax->ya.labels_side[1] = true;
    }
    if (cset) {
        if (nplot__contour_colorbar(cax, ax, cset, vertical, who)) return NULL;
        goto label;
    }
    /* the gradient: one pixel per colormap entry along the long side */
    int n = map.cm.n;
    uint32_t *pix = nd_malloc(sizeof(uint32_t) * (size_t)n, who);
    if (!pix) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    uint32_t lut[256];
    cmap_lut(&map.cm, 1, lut);
    for (int i = 0; i < n; i++) pix[i] = lut[i];
    artist *g = nplot__artist_add(cax, ART_IMAGE, who);
    if (!g) {
        nd_free_mem(pix);
        return NULL;
    }
    g->pix = (unsigned char *)pix;
    g->iw = vertical ? 1 : n;
    g->ih = vertical ? n : 1;
    g->origin_upper = false;
    g->interp = INTERP_NEAREST;
    g->autoscale = false;
    double xs[2] = { vertical ? 0 : lo, vertical ? 1 : hi }, ys[2] = { vertical ? lo : 0, vertical ? hi : 1 };
    g->n = 2;
    if (!(g->x = nplot__copy_or_index(fig, xs, 2, who)) || !(g->y = nplot__copy_or_index(fig, ys, 2, who)))
        return NULL;
label:
    if (o->label) {
        nplot_text_opts to = { 0 };
        if ((vertical ? nplot_set_ylabel_(cax, o->label, &to) : nplot_set_xlabel_(cax, o->label, &to)))
            return NULL;
        if (vertical) cax->ya.labels_side[1] = true;
    }
    /* the parent gives up room beside it; a fixed-aspect parent hugs the colorbar */
    if (vertical) ax->anchor[0] = 1.0;
    else ax->anchor[1] = 0.0;
    nplot__mark_dirty(fig);
    return cax;
}

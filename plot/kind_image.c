/* imshow / matshow (a raster painted through a cairo image surface) and colorbars. */
#include "plot_render.h"
#include "stamp.h"

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

/* Every entry nplot__map_index can give for the mappable (under, the colormap, over, bad)
 * as ARGB words in alpha, entry k at [k + 1]: a million pixels cost a table lookup after
 * the norm. NULL when out of memory. */
static uint32_t *map_lut(const mappable *m, double alpha, const char *who)
{
    int nc = m->cm.n;
    uint32_t *lut = nd_malloc(sizeof(uint32_t) * (size_t)(nc + 3), who);
    if (!lut) return NULL;
    for (int k = MAP_UNDER; k <= nc + 1; k++) {
        rgba c = nplot__map_entry(m, k);
        lut[k + 1] = argb(c.r, c.g, c.b, c.a * alpha);
    }
    return lut;
}

/* The premultiplied word p with its alpha scaled by a. */
static uint32_t argb_scale(uint32_t p, double a)
{
    if (a >= 1) return p;
    uint32_t out = 0;
    for (int s = 0; s < 32; s += 8) out |= (uint32_t)lround(((p >> s) & 255) * nplot__clampd(a, 0, 1)) << s;
    return out;
}

/* Single-channel images of at least this many values are colour-mapped when drawn. */
#define LAZY_MIN_PIXELS 65536

/* A colour-mapped image coloured when drawn (image_add): its pixels, when made, are a cache. */
static bool image_lazy(const artist *a)
{
    return a->z && a->nch == 1 && !a->alpha_px && a->interp == INTERP_AUTO &&
           (size_t)a->iw * (size_t)a->ih >= LAZY_MIN_PIXELS;
}

/* The pixels of a colour-mapped image from its kept values (and per-pixel alphas). */
static void image_color(const artist *a, const uint32_t *lut, uint32_t *pix)
{
    size_t np = (size_t)a->iw * (size_t)a->ih;
    for (size_t i = 0; i < np; i++) pix[i] = lut[nplot__map_index(&a->map, a->z[i]) + 1];
    if (a->alpha_px)
        for (size_t i = 0; i < np; i++) pix[i] = argb_scale(pix[i], a->z[np + i]);
}

/* The per-pixel alpha option: h x w values in [0, 1] (*out NULL when not given). */
static nd_status alpha_array_read(nplot_figure *fig, const nd_array *al, int h, int w, double **out,
                                  const char *who)
{
    *out = NULL;
    if (!al) return ND_OK;
    if (nd_ndim(al) != 2 || nd_shape(al)[0] != h || nd_shape(al)[1] != w)
        return nplot__fail(fig, ND_ESHAPE, "%s: alpha_array must have the image's shape (%d, %d), got "
                                           "%d dimensions%s", who, h, w, nd_ndim(al),
                           nd_ndim(al) == 2 ? " of another size" : "");
    size_t n = 0;
    nd_status st = nplot__to_f64(fig, al, out, &n, "alpha_array", who);
    if (st) return st;
    for (size_t i = 0; i < n; i++)
        if (!((*out)[i] >= 0 && (*out)[i] <= 1)) {
            double bad = (*out)[i];
            nd_free_mem(*out);
            *out = NULL;
            return nplot__fail(fig, ND_EVALUE, "%s: alpha_array values must be in [0, 1], element "
                                               "%zu is %g", who, i, bad);
        }
    return ND_OK;
}

typedef struct img_opts {
    cmap_ref cm;
    bool upper;
    int interp;
    bool equal;
    double ext[4];
    bool has_ext;
    rgba bad; /* NaN / masked cells of a color-mapped image (cmap.set_bad) */
} img_opts;

static nd_status parse_opts(nplot_axes *ax, const nplot_imshow_opts *o, img_opts *io, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (nplot__cmap_find(o->cmap ? o->cmap : fig->style->image_cmap, &io->cm, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
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
        else if (!strcmp(o->interpolation, "bicubic")) io->interp = INTERP_BICUBIC;
        else if (strcmp(o->interpolation, "antialiased"))
            return nplot__fail(fig, ND_EVALUE, "%s: interpolation must be 'antialiased', 'nearest', "
                                               "'none', 'bilinear' or 'bicubic', got '%s'", who,
                               o->interpolation);
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
    /* the colormap's bad color (transparent unless set_bad), or .bad, which the mappable
     * then carries for the resampled path too */
    io->bad = io->cm.bad;
    if (o->bad && nplot__color(o->bad, fig->style, &io->bad, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    io->cm.bad = io->bad;
    return ND_OK;
}

/* z: h * w * nch values, row-major; nch 1 is color-mapped, 3/4 are RGB(A) in [0, 1].
 * own, when not NULL, is the caller's nd_malloc'd buffer z: the image keeps it instead of
 * a copy when it keeps the values (*own becomes NULL then). */
static nd_status image_add(nplot_axes *ax, const double *z, int h, int w, int nch,
                           const nplot_imshow_opts *o, artist **out, double **own, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (h <= 0 || w <= 0)
        return nplot__fail(fig, ND_ESHAPE, "%s: the image is empty (%d x %d)", who, h, w);
    if (!z) return nplot__fail(fig, ND_EVALUE, "%s: data is NULL", who);
    img_opts io;
    nd_status st = parse_opts(ax, o, &io, who);
    if (st) return st;
    double alpha = NPLOT_OPT(o->alpha, 1), *apx = NULL;
    if ((st = alpha_array_read(fig, o->alpha_array, h, w, &apx, who))) return st;
    if (apx) alpha = 1; /* matplotlib: an array alpha replaces the scalar one */
    size_t np = (size_t)h * (size_t)w;
    /* a large colour-mapped image with the default interpolation keeps its values and is
     * coloured when drawn (image_pixels): minified, only the output pixels are mapped */
    bool lazy = nch == 1 && !apx && io.interp == INTERP_AUTO && np >= LAZY_MIN_PIXELS;
    uint32_t *pix = lazy ? NULL : nd_malloc(np * 4, who);
    if (!lazy && !pix) {
        nd_free_mem(apx);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for a %d x %d image", who, h, w);
    }
    mappable m = { 0 };
    if (nch == 1) {
        if ((st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, z, np, who))) {
            nd_free_mem(pix);
            nd_free_mem(apx);
            return st;
        }
        /* .bad (or the colormap's own bad color) for NaN / masked cells, here and in the
         * resampled path, which colors through the same mappable */
        m.cm.bad = io.bad;
        m.alpha = alpha;
        if (!lazy) {
            uint32_t *lut = map_lut(&m, alpha, who);
            if (!lut) {
                nd_free_mem(pix);
                nd_free_mem(apx);
                return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            }
            for (size_t i = 0; i < np; i++) pix[i] = lut[nplot__map_index(&m, z[i]) + 1];
            nd_free_mem(lut);
        }
    } else {
        for (size_t i = 0; i < np; i++) {
            const double *p = z + i * (size_t)nch;
            double a = nch == 4 ? p[3] : 1;
            pix[i] = isfinite(p[0] + p[1] + p[2] + a) ? argb(p[0], p[1], p[2], a * alpha) : 0;
        }
    }
    if (apx)
        for (size_t i = 0; i < np; i++) pix[i] = argb_scale(pix[i], apx[i]);
    /* bilinear and bicubic resample the values themselves when drawn, and a colour-mapped
     * image is coloured again after set_clim: keep them */
    double *keep = NULL;
    size_t nz = np * (size_t)nch, nkeep = nz + (apx ? np : 0);
    bool kept = nch == 1 || io.interp == INTERP_BILINEAR || io.interp == INTERP_BICUBIC;
    if (kept && !apx && own && *own == z) {
        keep = *own; /* the caller's float64 copy: the values are copied once */
        *own = NULL;
    } else if (kept) {
        if (!(keep = nd_malloc(sizeof(double) * nkeep, who))) {
            nd_free_mem(pix);
            nd_free_mem(apx);
            return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for a %d x %d image", who, h, w);
        }
        memcpy(keep, z, sizeof(double) * nz);
        if (apx) memcpy(keep + nz, apx, sizeof(double) * np);
    }
    nd_free_mem(apx);
    artist *a = nplot__artist_add(ax, ART_IMAGE, who);
    if (!a) {
        nd_free_mem(pix);
        nd_free_mem(keep);
        return fig->status;
    }
    a->pix = (unsigned char *)pix;
    a->z = keep;
    a->nch = nch;
    a->alpha_px = o->alpha_array != NULL;
    a->img_alpha = alpha;
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
    return image_add(ax, z, h, w, 1, o ? o : &d, NULL, NULL, who);
}

nd_status nplot__imshow_take(nplot_axes *ax, double **own, int h, int w, const nplot_imshow_opts *o)
{
    static const char *who = "nplot_imshow";
    CHECK_AX(ax, who);
    return image_add(ax, *own, h, w, 1, o, NULL, own, who);
}

/* bytes: the RGB(A) values are 0..255 (the image, or the masked array it was filled from,
 * is uint8) */
static nd_status imshow_array(nplot_axes *ax, const nd_array *img, bool bytes,
                              const nplot_imshow_opts *o, artist **out, const char *who)
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
    if (nch > 1 && bytes)
        for (size_t i = 0; i < n; i++) z[i] /= 255.0;
    st = image_add(ax, z, (int)sh[0], (int)sh[1], nch, o, out, &z, who);
    nd_free_mem(z);
    return st;
}

nd_status nplot_imshow_(nplot_axes *ax, const nd_array *img, const nplot_imshow_opts *o)
{
    return imshow_array(ax, img, img && nd_dtype_of(img) == ND_UINT8, o, NULL, "nplot_imshow");
}

/* masked form: masked cells are NaN, painted in .bad (transparent by default) and left out
 * of the automatic vmin/vmax, as NaN cells are */
nd_status nplot_imshow_ma_(nplot_axes *ax, const nd_marray *img, const nplot_imshow_opts *o)
{
    static const char *who = "nplot_imshow_ma";
    CHECK_AX(ax, who);
    nd_array *z;
    nd_status st = nplot__ma_nan(ax->fig, img, &z, "image", who);
    if (!st) st = imshow_array(ax, z, img && nd_ma_dtype(img) == ND_UINT8, o, NULL, who);
    nd_free(z);
    return st;
}

nd_status nplot_matshow_(nplot_axes *ax, const nd_array *z, const nplot_imshow_opts *o)
{
    static const char *who = "nplot_matshow";
    nplot_imshow_opts mo = { 0 };
    if (o) mo = *o;
    if (!mo.interpolation) mo.interpolation = "nearest";
    nd_status st = imshow_array(ax, z, z && nd_dtype_of(z) == ND_UINT8, &mo, NULL, who);
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
    ax->xa.minor_side[0] = ax->xa.minor_side[1] = true;
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

/* ---- data-space resampling (matplotlib's Agg filters) ---------------------------------------- */
/* Agg's image_filter_bilinear (radius 1) and image_filter_bicubic (radius 2: the cubic
 * B-spline, smoother than Catmull-Rom), as functions of the distance x >= 0. */
static double kernel_bilinear(double x)
{
    return x < 1 ? 1 - x : 0;
}

static double pow3(double x)
{
    return x <= 0 ? 0 : x * x * x;
}

static double kernel_bicubic(double x)
{
    return (pow3(x + 2) - 4 * pow3(x + 1) + 6 * pow3(x) - 4 * pow3(x - 1)) / 6;
}

/* Agg's wrap_mode_reflect: -1 → 0, n → n - 1. */
static int reflect(long i, int n)
{
    long n2 = 2L * n, v = ((i % n2) + n2) % n2;
    return (int)(v >= n ? n2 - v - 1 : v);
}

/* The filter taps of one output axis: output index o samples input index coordinate
 * off + (o + 0.5) * step - 0.5 with nw normalised weights (w[o * nw + k] on input idx[...]).
 * Minifying widens the filter by the step, as Agg's resampling spans do. */
typedef struct taps {
    int *idx;
    double *w;
    int nw;
} taps;

static bool taps_make(taps *t, int nout, int nin, double off, double step, int interp)
{
    double (*k)(double) = interp == INTERP_BICUBIC ? kernel_bicubic : kernel_bilinear;
    double radius = interp == INTERP_BICUBIC ? 2 : 1, widen = fmax(1, fabs(step));
    double support = radius * widen;
    t->nw = 2 * (int)ceil(support) + 1;
    t->idx = nd_malloc(sizeof(int) * (size_t)nout * (size_t)t->nw, "nplot");
    t->w = nd_malloc(sizeof(double) * (size_t)nout * (size_t)t->nw, "nplot");
    if (!t->idx || !t->w) return false;
    for (int o = 0; o < nout; o++) {
        double s = off + (o + 0.5) * step - 0.5, sum = 0;
        long i0 = (long)floor(s - support) + 1;
        int *ix = t->idx + (size_t)o * (size_t)t->nw;
        double *w = t->w + (size_t)o * (size_t)t->nw;
        for (int m = 0; m < t->nw; m++) {
            double d = fabs((double)(i0 + m) - s) / widen;
            w[m] = d < radius ? k(d) : 0;
            ix[m] = reflect(i0 + m, nin);
            sum += w[m];
        }
        for (int m = 0; m < t->nw; m++) w[m] = sum > 0 ? w[m] / sum : 0;
    }
    return true;
}

static void taps_free(taps *t)
{
    nd_free_mem(t->idx);
    nd_free_mem(t->w);
}

/* The image's kept values (nch channels, then the alpha array when there is one)
 * resampled onto ow x oh output pixels (separably: along rows, then columns) and colored:
 * data first, then the norm and the colormap, as matplotlib's _make_image. A NaN under a
 * non-zero weight makes the pixel the bad color (transparent unless .bad or set_bad). */
static cairo_surface_t *resample_image(const artist *a, const taps *tx, const taps *ty, int ow, int oh)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, ow, oh);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
    int iw = a->iw, ih = a->ih, nch = a->nch, nc = nch + (a->alpha_px ? 1 : 0);
    const double *z = a->z, *apx = a->alpha_px ? a->z + (size_t)iw * ih * nch : NULL;
    double *row = nd_malloc(sizeof(double) * (size_t)ih * (size_t)ow * (size_t)nc, "nplot");
    if (!row) {
        cairo_surface_destroy(s);
        return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
    }
    /* along the rows: ih x ow x nc */
    for (int i = 0; i < ih; i++)
        for (int o = 0; o < ow; o++) {
            double *acc = row + ((size_t)i * ow + o) * nc;
            for (int ch = 0; ch < nc; ch++) acc[ch] = 0;
            for (int m = 0; m < tx->nw; m++) {
                double w = tx->w[(size_t)o * tx->nw + m];
                if (w == 0) continue;
                size_t p = (size_t)i * iw + (size_t)tx->idx[(size_t)o * tx->nw + m];
                for (int ch = 0; ch < nch; ch++) acc[ch] += w * z[p * nch + ch];
                if (apx) acc[nch] += w * apx[p];
            }
        }
    /* the norm after the resampling: the colormap entry of each resampled value */
    const mappable *mp = &a->map;
    uint32_t *lut = NULL;
    if (nch == 1 && !(lut = map_lut(mp, 1, "nplot"))) {
        nd_free_mem(row);
        cairo_surface_destroy(s);
        return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
    }
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    double v[5];
    for (int q = 0; q < oh; q++) {
        uint32_t *out = (uint32_t *)(dst + (size_t)q * ds);
        for (int o = 0; o < ow; o++) {
            for (int ch = 0; ch < nc; ch++) v[ch] = 0;
            for (int m = 0; m < ty->nw; m++) {
                double w = ty->w[(size_t)q * ty->nw + m];
                if (w == 0) continue;
                const double *r = row + ((size_t)ty->idx[(size_t)q * ty->nw + m] * ow + o) * nc;
                for (int ch = 0; ch < nc; ch++) v[ch] += w * r[ch];
            }
            double al = a->img_alpha * (apx ? v[nch] : 1);
            if (nch == 1)
                out[o] = argb_scale(lut[nplot__map_index(mp, v[0]) + 1], al);
            else
                out[o] = isfinite(v[0] + v[1] + v[2] + al) ? argb(v[0], v[1], v[2], (nch == 4 ? v[3] : 1) * al) : 0;
        }
    }
    nd_free_mem(row);
    nd_free_mem(lut);
    cairo_surface_mark_dirty(s);
    return s;
}

/* Paint pat (img's pattern, placed on the device rectangle X0..X1 x Y0..Y1) clipped to
 * both the axes and that rectangle, then release them: raster targets are done with img,
 * vector targets read it when they are finished. (cairo paints an opaque alpha exactly
 * as cairo_paint.) */
static void paint_clipped(render_ctx *rc, nplot_axes *ax, cairo_surface_t *img, cairo_pattern_t *pat,
                          double X0, double Y0, double X1, double Y1, double alpha)
{
    cairo_t *cr = rc->cr;
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_rectangle(cr, fmin(X0, X1), fmin(Y0, Y1), fabs(X1 - X0), fabs(Y1 - Y0));
    cairo_clip(cr);
    cairo_set_source(cr, pat);
    cairo_paint_with_alpha(cr, alpha);
    cairo_restore(cr);
    cairo_pattern_destroy(pat);
    if (rc->raster) cairo_surface_destroy(img);
    else nplot__defer_destroy(rc, img);
}

/* Paint the image resampled in data space onto the device pixels it covers inside the
 * axes (vector targets: at the figure's dpi, as matplotlib's image magnification). */
static void draw_resampled(render_ctx *rc, nplot_axes *ax, const artist *a, double X0, double Y0,
                           double X1, double Y1)
{
    double mag = rc->raster ? 1 : fmax(1, ax->fig->dpi / 72);
    double lx = fmax(fmin(X0, X1), ax->dev[0]), rx = fmin(fmax(X0, X1), ax->dev[2]);
    double ty_ = fmax(fmin(Y0, Y1), ax->dev[1]), by = fmin(fmax(Y0, Y1), ax->dev[3]);
    if (!(rx > lx && by > ty_)) return;
    double ox = floor(lx), oy = floor(ty_);
    int ow = (int)ceil((ceil(rx) - ox) * mag), oh = (int)ceil((ceil(by) - oy) * mag);
    if (ow <= 0 || oh <= 0) return;
    taps tx = { 0 }, ty = { 0 };
    cairo_surface_t *img = NULL;
    /* output pixel o's centre ox + (o + 0.5) / mag in input pixel units */
    double sx = a->iw / (X1 - X0), sy = a->ih / (Y1 - Y0);
    if (taps_make(&tx, ow, a->iw, (ox - X0) * sx, sx / mag, a->interp) &&
        taps_make(&ty, oh, a->ih, (oy - Y0) * sy, sy / mag, a->interp))
        img = resample_image(a, &tx, &ty, ow, oh);
    taps_free(&tx);
    taps_free(&ty);
    if (!img || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        if (img) cairo_surface_destroy(img);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: cannot resample a %d x %d image", ow, oh);
        return;
    }
    cairo_pattern_t *pat = cairo_pattern_create_for_surface(img);
    cairo_matrix_t m;
    cairo_matrix_init(&m, mag, 0, 0, mag, -ox * mag, -oy * mag);
    cairo_pattern_set_matrix(pat, &m);
    cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
    paint_clipped(rc, ax, img, pat, X0, Y0, X1, Y1, 1);
}

/* A colorbar's decorations around its gradient (matplotlib's Colorbar._do_extends and
 * outline spine): the extend triangles from the bar's ends to the axes edges in the under
 * and over colors, dividers between the colors, and one outline around it all. Not
 * clipped: the outline straddles the axes edge like a spine. X0..Y1 is the bar in device
 * units. */
static void draw_cbar_decor(render_ctx *rc, nplot_axes *ax, const artist *a, double X0, double Y0,
                            double X1, double Y1)
{
    cairo_t *cr = rc->cr;
    bool vert = a->map.cbar_vertical;
    int ext = a->map.cbar_extend;
    /* along the bar: s0 at the low end, s1 at the high end; the axes ends e0, e1 */
    double s0 = vert ? Y0 : X0, s1 = vert ? Y1 : X1;
    double e0 = vert ? (s0 > s1 ? ax->dev[3] : ax->dev[1]) : (s0 < s1 ? ax->dev[0] : ax->dev[2]);
    double e1 = vert ? (s0 > s1 ? ax->dev[1] : ax->dev[3]) : (s0 < s1 ? ax->dev[2] : ax->dev[0]);
    double c0 = vert ? ax->dev[0] : ax->dev[1], c1 = vert ? ax->dev[2] : ax->dev[3], cm = (c0 + c1) / 2;
    /* the triangles start half a pixel inside the bar: abutting antialiased edges would
     * leave a light seam */
    double b0 = s0 + (s0 < e0 ? -0.5 : 0.5), b1 = s1 + (s1 < e1 ? -0.5 : 0.5);
    if (rc->raster) {
        /* on pixel centres, as the spines it replaces (crisp one-pixel lines) */
        double *v[7] = { &s0, &s1, &e0, &e1, &c0, &c1, &cm };
        for (int i = 0; i < 7; i++) *v[i] = floor(*v[i]) + 0.5;
    }
    /* points given as (along, across) */
#define CB_PT(along, across) (vert ? cairo_line_to(cr, (across), (along)) : cairo_line_to(cr, (along), (across)))
    cairo_save(cr);
    cairo_new_path(cr);
    for (int end = 0; end < 2; end++) {
        if (!(ext & (end ? EXTEND_MAX : EXTEND_MIN))) continue;
        rgba c = a->colors[end];
        double s = end ? b1 : b0, e = end ? e1 : e0;
        CB_PT(s, c0);
        CB_PT(e, cm);
        CB_PT(s, c1);
        cairo_close_path(cr);
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
        cairo_fill(cr);
    }
    cairo_set_line_width(cr, a->edge_lw * rc->scale);
    cairo_set_source_rgba(cr, a->edge.r, a->edge.g, a->edge.b, a->edge.a);
    if (a->map.cbar_edges) {
        /* matplotlib: dividers at half the axes line width, also where triangles start */
        int n = vert ? a->ih : a->iw;
        for (int i = (ext & EXTEND_MIN) ? 0 : 1; i <= ((ext & EXTEND_MAX) ? n : n - 1); i++) {
            double s = s0 + (s1 - s0) * i / n;
            cairo_move_to(cr, vert ? c0 : s, vert ? s : c0);
            CB_PT(s, c1);
        }
        cairo_save(cr);
        cairo_set_line_width(cr, a->edge_lw * rc->scale / 2);
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    cairo_new_path(cr);
    cairo_move_to(cr, vert ? c0 : s0, vert ? s0 : c0);
    if (ext & EXTEND_MIN) CB_PT(e0, cm);
    CB_PT(s0, c1);
    CB_PT(s1, c1);
    if (ext & EXTEND_MAX) CB_PT(e1, cm);
    CB_PT(s1, c0);
    cairo_close_path(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
    cairo_restore(cr);
#undef CB_PT
}

/* A lazily coloured image (image_add) averaged in data space down to ow x oh, then
 * colour-mapped: matplotlib's order (resample, then norm and colormap). */
static cairo_surface_t *data_reduce(const artist *a, int ow, int oh)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, ow, oh);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
    double *v = nd_malloc(sizeof(double) * (size_t)ow * (size_t)oh, "nplot");
    uint32_t *lut = v ? map_lut(&a->map, a->map.alpha, "nplot") : NULL;
    if (!lut || !nplot__box_mean(a->z, a->iw, a->ih, v, ow, oh)) {
        nd_free_mem(v);
        nd_free_mem(lut);
        cairo_surface_destroy(s);
        return cairo_image_surface_create(CAIRO_FORMAT_INVALID, 0, 0);
    }
    cairo_surface_flush(s);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int ds = cairo_image_surface_get_stride(s);
    for (int y = 0; y < oh; y++) {
        uint32_t *out = (uint32_t *)(dst + (size_t)y * ds);
        const double *row = v + (size_t)y * (size_t)ow;
        for (int x = 0; x < ow; x++) out[x] = lut[nplot__map_index(&a->map, row[x]) + 1];
    }
    nd_free_mem(v);
    nd_free_mem(lut);
    cairo_surface_mark_dirty(s);
    return s;
}

/* The full-resolution pixels of a lazily coloured image, made on first need. */
static bool image_pixels(artist *a)
{
    if (a->pix) return true;
    size_t np = (size_t)a->iw * (size_t)a->ih;
    uint32_t *pix = nd_malloc(np * 4, "nplot"), *lut = pix ? map_lut(&a->map, a->map.alpha, "nplot") : NULL;
    if (!lut) {
        nd_free_mem(pix);
        return false;
    }
    image_color(a, lut, pix);
    nd_free_mem(lut);
    a->pix = (unsigned char *)pix;
    return true;
}

nd_status nplot__image_recolor(artist *a, const char *who)
{
    if (!a->z || a->nch != 1 || !a->map.on) return ND_OK;
    if (image_lazy(a) || !a->pix) { /* coloured again when next drawn */
        nd_free_mem(a->pix);
        a->pix = NULL;
        return ND_OK;
    }
    uint32_t *lut = map_lut(&a->map, a->map.alpha, who);
    if (!lut) return nplot__fail(a->ax->fig, ND_ENOMEM, "%s: out of memory", who);
    image_color(a, lut, (uint32_t *)(void *)a->pix);
    nd_free_mem(lut);
    return ND_OK;
}

void nplot__draw_image(render_ctx *rc, nplot_axes *ax, artist *a)
{
    /* kept values and the default interpolation: coloured here (image_add) */
    bool lazy = image_lazy(a);
    if ((!a->pix && !lazy) || a->iw <= 0 || a->ih <= 0) return;
    xform tf = nplot__xform(ax);
    double l = a->x[0], r = a->x[1], b = a->y[0], t = a->y[1];
    double y_row0 = a->origin_upper ? t : b, y_rowh = a->origin_upper ? b : t;
    double X0, Y0, X1, Y1;
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, l, y_row0, &X0, &Y0);
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, r, y_rowh, &X1, &Y1);
    if (!isfinite(X0 + Y0 + X1 + Y1) || X0 == X1 || Y0 == Y1) return;
    if (a->z && (a->interp == INTERP_BILINEAR || a->interp == INTERP_BICUBIC)) {
        draw_resampled(rc, ax, a, X0, Y0, X1, Y1);
        return;
    }
    int stride = a->iw * 4;
    int iw = a->iw, ih = a->ih, interp = a->interp;
    if (interp == INTERP_AUTO) {
        /* matplotlib's _resample rule for 'antialiased': nearest when both axes are
         * magnified more than 3x or exactly 1x or 2x, else smoothed */
        double dx = fabs(X1 - X0), dy = fabs(Y1 - Y0), w = a->iw, h = a->ih;
        bool bx = dx > 3 * w || dx == w || dx == 2 * w, by = dy > 3 * h || dy == h || dy == 2 * h;
        interp = bx && by ? INTERP_NEAREST : INTERP_AUTO;
    }
    cairo_surface_t *img;
    int ow = (int)ceil(fabs(X1 - X0)), oh = (int)ceil(fabs(Y1 - Y0));
    if (rc->raster && interp == INTERP_AUTO && (ow < a->iw || oh < a->ih)) {
        /* minified: average down to the device pixels first (the values themselves when
         * they are kept), then a bilinear paint */
        int rw = ow < a->iw ? ow : a->iw, rh = oh < a->ih ? oh : a->ih;
        img = lazy ? data_reduce(a, rw, rh) : box_reduce(a, rw, rh);
        iw = cairo_image_surface_get_width(img);
        ih = cairo_image_surface_get_height(img);
        interp = INTERP_BILINEAR;
    } else if (lazy && !image_pixels(a)) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory colouring a %d x %d image", a->iw, a->ih);
        return;
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
    paint_clipped(rc, ax, img, pat, X0, Y0, X1, Y1, a->alpha);
    if (a->map.cbar_gradient) draw_cbar_decor(rc, ax, a, X0, Y0, X1, Y1);
}

/* ---- colorbar --------------------------------------------------------------------------------- */
/* How the long axis of a colorbar relates to the norm (matplotlib's
 * Colorbar._reset_locator_formatter_scale): in data units on a linear axis (Normalize,
 * CenteredNorm, NoNorm), on the norm's own log / symlog axis, on an axis transformed by
 * the norm itself (matplotlib's 'function' scale: PowerNorm, TwoSlopeNorm, AsinhNorm), or
 * (BoundaryNorm, spacing 'uniform') in boundary-index units so that every region gets the
 * same length. */
enum { CB_DATA = 0, CB_SCALE, CB_NORM, CB_INDEX };

typedef struct cbar_plan {
    bool vertical;
    int side;                /* 0 right / bottom, 1 left / top */
    int extend;              /* EXTEND_* bits */
    double extendfrac;
    int mode;                /* CB_* */
    double lo, hi;           /* the bar's ends on the long axis */
} cbar_plan;

static nd_status cbar_options(nplot_axes *ax, const nplot_colorbar_opts *o, const mappable *m,
                              cbar_plan *p, const char *who)
{
    nplot_figure *fig = ax->fig;
    static const char *const locs[] = { "right", "left", "bottom", "top" };
    int loc = -1;
    for (int i = 0; o->location && i < 4; i++)
        if (!strcmp(o->location, locs[i])) loc = i;
    if (o->location && loc < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: location must be 'right', 'left', 'top' or 'bottom', "
                                           "got '%s'", who, o->location);
    int orient = -1; /* 0 vertical, 1 horizontal */
    if (o->orientation) {
        if (!strcmp(o->orientation, "vertical")) orient = 0;
        else if (!strcmp(o->orientation, "horizontal")) orient = 1;
        else
            return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', "
                                               "got '%s'", who, o->orientation);
    }
    if (loc >= 0 && orient >= 0 && orient != loc / 2)
        return nplot__fail(fig, ND_EVALUE, "%s: location and orientation are mutually exclusive "
                                           "(location '%s', orientation '%s')", who, o->location,
                           o->orientation);
    if (loc < 0) loc = orient == 1 ? 2 : 0;
    p->vertical = loc < 2;
    p->side = loc % 2;
    if (o->fraction < 0 || o->fraction >= 1 || o->pad < 0 || o->pad >= 1 || o->shrink < 0 ||
        o->shrink > 1 || o->aspect < 0 || !isfinite(o->aspect))
        return nplot__fail(fig, ND_EVALUE, "%s: fraction and pad must be in [0, 1), shrink in (0, 1] "
                                           "and aspect positive", who);
    if (!(o->extendfrac >= 0 && o->extendfrac < 1))
        return nplot__fail(fig, ND_EVALUE, "%s: extendfrac must be in [0, 1), got %g", who, o->extendfrac);
    p->extendfrac = NPLOT_OPT(o->extendfrac, 0.05);
    static const char *const exts[] = { "neither", "min", "max", "both" };
    p->extend = m->norm.kind == NPLOT_NORM_BOUNDARY ? m->norm.extend : 0;
    if (o->extend) {
        p->extend = -1;
        for (int i = 0; i < 4; i++)
            if (!strcmp(o->extend, exts[i])) p->extend = i;
        if (p->extend < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: extend must be 'neither', 'both', 'min' or 'max', "
                                               "got '%s'", who, o->extend);
    }
    if (o->cax && (o->cax->fig != fig || o->cax == ax))
        return nplot__fail(fig, ND_EVALUE, "%s: cax must be another axes of the same figure", who);
    if (o->cax && (o->cax->is3d || o->cax->cbar_parent))
        return nplot__fail(fig, ND_EVALUE, "%s: cax must be a 2-D axes that is not a colorbar already",
                           who);
    return ND_OK;
}

/* The bar's ends on the long axis for the mappable's limits (not a BoundaryNorm's): vmin to
 * vmax widened as mtransforms.nonsingular(vmin, vmax, expander=0.1); NoNorm one block per
 * colormap entry, centred on the integers. */
static void cbar_ends(const mappable *m, cbar_plan *p)
{
    p->lo = m->vmin, p->hi = m->vmax;
    if (m->norm.kind == NPLOT_NORM_NONE) p->lo = -0.5, p->hi = m->cm.n - 0.5;
    nplot__nonsingular(&p->lo, &p->hi, 0.1, 1e-15);
}

/* The colorbar axes: a new one placed beside ax (the layout takes the room from ax) or the
 * caller's cax, with its long axis scaled for the norm and fixed to the bar (and the
 * triangles), the short one to [0, 1] without ticks. */
static nplot_axes *cbar_axes(nplot_axes *ax, const nplot_colorbar_opts *o, const mappable *m,
                             cbar_plan *p, const char *who)
{
    nplot_figure *fig = ax->fig;
    nplot_axes *cax = o->cax;
    if (!cax) {
        if (!(cax = nplot__axes_new(fig, who))) return NULL;
        cax->cbar_parent = ax;
        cax->cbar_vertical = p->vertical;
        cax->cbar_flip = p->side == 1;
        cax->cbar_fraction = NPLOT_OPT(o->fraction, 0.15);
        /* matplotlib's pads per location: right 0.05, left 0.10 (the parent's tick labels
         * sit in it), top 0.05, bottom 0.15 */
        cax->cbar_pad = NPLOT_OPT(o->pad, p->vertical ? (p->side ? 0.10 : 0.05) : (p->side ? 0.05 : 0.15));
        cax->cbar_shrink = NPLOT_OPT(o->shrink, 1);
        cax->cbar_aspect = NPLOT_OPT(o->aspect, 20);
        /* the parent gives up room beside it; a fixed-aspect parent hugs the colorbar */
        if (p->vertical) ax->anchor[0] = p->side ? 0.0 : 1.0;
        else ax->anchor[1] = p->side ? 1.0 : 0.0;
    }
    axis_state *lng = p->vertical ? &cax->ya : &cax->xa, *sht = p->vertical ? &cax->xa : &cax->ya;
    const norm_state *ns = &m->norm;
    p->mode = CB_DATA;
    cbar_ends(m, p);
    if (ns->kind == NPLOT_NORM_BOUNDARY) {
        p->mode = CB_INDEX;
        p->lo = 0, p->hi = ns->nb - 1;
    } else if (ns->kind == NPLOT_NORM_LOG || ns->kind == NPLOT_NORM_SYMLOG) {
        p->mode = CB_SCALE;
        nplot_scale_opts so = { .base = ns->base, .linthresh = ns->linthresh, .linscale = ns->linscale };
        const char *sc = ns->kind == NPLOT_NORM_LOG ? "log" : "symlog";
        if ((p->vertical ? nplot_set_yscale_(cax, sc, &so) : nplot_set_xscale_(cax, sc, &so))) return NULL;
    } else if (ns->kind != NPLOT_NORM_LINEAR && ns->kind != NPLOT_NORM_CENTERED) {
        p->mode = CB_NORM; /* the axis gets the gradient's norm in cbar_limits */
    }
    sht->set_lo = sht->set_hi = true;
    sht->lo_fixed = 0;
    sht->hi_fixed = 1;
    sht->fixed_set = true;
    sht->nfixed = 0;
    cax->xa.grid_major = cax->ya.grid_major = false;
    /* the gradient's painter draws the outline around bar and triangles */
    for (int i = 0; i < 4; i++) cax->spine[i] = false;
    cax->face.a = 0;
    lng->ticks_side[0] = lng->labels_side[0] = p->vertical ? p->side == 1 : p->side == 0;
    lng->ticks_side[1] = lng->labels_side[1] = !lng->ticks_side[0];
    memcpy(lng->minor_side, lng->ticks_side, sizeof lng->minor_side);
    return cax;
}

/* The bar's ends on the long axis, then the triangles: extendfrac of the bar's length (in
 * the axis' scale) beyond them. */
static void cbar_limits(nplot_axes *cax, const cbar_plan *p, const artist *g)
{
    axis_state *lng = p->vertical ? &cax->ya : &cax->xa;
    if (p->mode == CB_NORM) {
        lng->scale = SCALE_NORM;
        lng->norm_map = &g->map;
    }
    double t0 = nplot__scale_fwd(lng, p->lo), t1 = nplot__scale_fwd(lng, p->hi), e = p->extendfrac * (t1 - t0);
    lng->set_lo = lng->set_hi = true;
    lng->tick_lo = p->lo, lng->tick_hi = p->hi; /* matplotlib ticks the bar, not the triangles */
    lng->lo_fixed = p->extend & EXTEND_MIN ? nplot__scale_inv(lng, t0 - e) : p->lo;
    lng->hi_fixed = p->extend & EXTEND_MAX ? nplot__scale_inv(lng, t1 + e) : p->hi;
}

/* The gradient: an image along the bar, one pixel per colormap entry in norm space (one
 * per region for a BoundaryNorm), in the mappable's alpha; it carries the mappable (with
 * the bar's limits) for a SCALE_NORM axis, and its painter adds outline and triangles. */
static artist *cbar_gradient(nplot_axes *cax, const mappable *m, double alpha, const cbar_plan *p,
                             bool drawedges, const char *who)
{
    nplot_figure *fig = cax->fig;
    const norm_state *ns = &m->norm;
    int n = p->mode == CB_INDEX ? ns->nb - 1 : m->cm.n;
    uint32_t *pix = nd_malloc(sizeof(uint32_t) * (size_t)n, who);
    rgba *ends = nd_malloc(sizeof(rgba) * 2, who);
    if (!pix || !ends) {
        nd_free_mem(pix);
        nd_free_mem(ends);
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        rgba c;
        if (p->mode == CB_INDEX) c = nplot__map_color(m, (ns->bounds[i] + ns->bounds[i + 1]) / 2);
        else c = nplot__map_entry(m, i);
        pix[i] = argb(c.r, c.g, c.b, c.a * alpha);
    }
    ends[0] = nplot__map_entry(m, MAP_UNDER);
    ends[1] = nplot__map_entry(m, m->cm.n);
    ends[0].a *= alpha;
    ends[1].a *= alpha;
    artist *g = nplot__artist_add(cax, ART_IMAGE, who);
    if (!g) {
        nd_free_mem(pix);
        nd_free_mem(ends);
        return NULL;
    }
    g->pix = (unsigned char *)pix;
    g->colors = ends;
    g->iw = p->vertical ? 1 : n;
    g->ih = p->vertical ? n : 1;
    g->origin_upper = false;
    g->interp = INTERP_NEAREST;
    g->autoscale = false;
    g->map = *m;
    g->map.on = false;
    if (p->mode != CB_INDEX) g->map.vmin = p->lo, g->map.vmax = p->hi;
    g->map.cbar_gradient = true;
    g->map.cbar_vertical = p->vertical;
    g->map.cbar_extend = p->extend;
    g->map.cbar_edges = drawedges;
    g->edge = fig->style->axes_edge;
    g->edge_lw = fig->style->axes_linewidth;
    double xs[2] = { p->vertical ? 0 : p->lo, p->vertical ? 1 : p->hi };
    double ys[2] = { p->vertical ? p->lo : 0, p->vertical ? p->hi : 1 };
    g->n = 2;
    if (!(g->x = nplot__copy_or_index(fig, xs, 2, who)) || !(g->y = nplot__copy_or_index(fig, ys, 2, who)))
        return NULL;
    return g;
}

/* matplotlib's FixedLocator(boundaries, nbins=10): every step-th edge, the phase whose
 * smallest magnitude is smallest. Returns the count written to idx. */
static int fixed_locator(const double *b, int nb, int *idx)
{
    int step = (nb + 9) / 10, best = 0;
    double best_min = INFINITY;
    for (int ph = 0; ph < step; ph++) {
        double mn = INFINITY;
        for (int i = ph; i < nb; i += step) mn = fmin(mn, fabs(b[i]));
        if (mn < best_min) best_min = mn, best = ph; /* later phases win only when smaller */
    }
    int n = 0;
    for (int i = best; i < nb; i += step) idx[n++] = i;
    return n;
}

/* The user's formatter of the colorbar's ticks: the callback, else the printf format
 * (kind FMT_SCALAR when there is neither). */
static formatter cbar_user_formatter(const nplot_colorbar_opts *o)
{
    if (o->format_fn) return (formatter){ .kind = FMT_CALLBACK, .fn = o->format_fn, .ctx = o->format_ctx };
    return (formatter){ .kind = o->format ? FMT_PRINTF : FMT_SCALAR, .fmt = (char *)o->format };
}

/* Fixed ticks at pos (n) on the long axis, labelled with val formatted by the user's
 * callback or printf format or, without one, as the axis' scale formats them (scalar:
 * plain labels when it would want an offset, which a fixed axis cannot show). */
static nd_status cbar_labelled_ticks(nplot_axes *cax, bool vertical, const double *pos,
                                     const double *val, int n, const nplot_colorbar_opts *o,
                                     int scale, const char *who)
{
    nplot_figure *fig = cax->fig;
    char **labels = nd_calloc((size_t)n + 1, sizeof(char *), who);
    char *offset = NULL;
    if (!labels) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) lo = fmin(lo, val[i]), hi = fmax(hi, val[i]);
    formatter f = cbar_user_formatter(o);
    nd_status st = nplot__format_ticks(&f, scale, 10, val, n, lo, hi, labels, &offset);
    if (!st && offset && *offset) {
        for (int i = 0; i < n; i++) nd_free_mem(labels[i]), labels[i] = NULL;
        nd_free_mem(offset);
        offset = NULL;
        f.kind = FMT_PLAIN;
        st = nplot__format_ticks(&f, scale, 10, val, n, lo, hi, labels, &offset);
    }
    if (!st) {
        nplot_ticks_opts to = { .labels = NPLOT_STR_ARRAY((const char *const *)labels, n) };
        st = vertical ? nplot_set_yticks_(cax, pos, n, &to) : nplot_set_xticks_(cax, pos, n, &to);
    }
    for (int i = 0; i < n; i++) nd_free_mem(labels[i]);
    nd_free_mem(labels);
    nd_free_mem(offset);
    if (st && !fig->status) nplot__fail(fig, st, "%s", nd_errmsg());
    return st;
}

/* Ticks of a BoundaryNorm bar: at the boundaries (or the given values), placed by their
 * boundary index and labelled with their values. */
static nd_status cbar_index_ticks(nplot_axes *cax, const mappable *m, const cbar_plan *p,
                                  const nplot_colorbar_opts *o, const char *who)
{
    const norm_state *ns = &m->norm;
    int cap = o->ticks.v ? (int)o->ticks.n : ns->nb;
    double *val = nd_malloc(sizeof(double) * (size_t)(2 * cap + 1), who), *pos = val + cap;
    int *idx = nd_malloc(sizeof(int) * (size_t)(cap + 1), who);
    if (!val || !idx) {
        nd_free_mem(val);
        nd_free_mem(idx);
        return nplot__fail(cax->fig, ND_ENOMEM, "%s: out of memory", who);
    }
    int n = 0;
    if (o->ticks.v) {
        for (size_t i = 0; i < o->ticks.n; i++) {
            double v = o->ticks.v[i];
            if (!(v >= ns->bounds[0] && v <= ns->bounds[ns->nb - 1])) continue;
            int k = 0; /* _forward_boundaries: the edge index, linear between edges */
            while (k + 2 < ns->nb && ns->bounds[k + 1] <= v) k++;
            val[n] = v;
            pos[n++] = k + (v - ns->bounds[k]) / (ns->bounds[k + 1] - ns->bounds[k]);
        }
    } else {
        n = fixed_locator(ns->bounds, ns->nb, idx);
        for (int i = 0; i < n; i++) val[i] = ns->bounds[idx[i]], pos[i] = idx[i];
    }
    nd_status st = cbar_labelled_ticks(cax, p->vertical, pos, val, n, o, SCALE_LINEAR, who);
    if (!st && !o->ticks.v) {
        /* minor ticks: FixedLocator(boundaries), every edge the majors skipped */
        for (int i = 0; i < ns->nb; i++) pos[i] = i;
        nplot_ticks_opts to = { .minor = true };
        st = p->vertical ? nplot_set_yticks_(cax, pos, ns->nb, &to) : nplot_set_xticks_(cax, pos, ns->nb, &to);
    }
    nd_free_mem(val);
    nd_free_mem(idx);
    return st;
}

/* A NoNorm bar: matplotlib's IndexLocator(base=1 + N // 10, offset=0.5) from the bar's
 * start -0.5, i.e. the entries 0, base, 2 base, ... */
static nd_status cbar_index_locator(nplot_axes *cax, const mappable *m, bool vertical)
{
    int n = m->cm.n, base = 1 + n / 10, k = 0;
    double t[256 + 1];
    for (int v = 0; v < n && k < 256; v += base) t[k++] = v;
    return vertical ? nplot_set_yticks_(cax, t, k, NULL) : nplot_set_xticks_(cax, t, k, NULL);
}

/* matplotlib's AsinhLocator(linear_width, numticks=11, base=10, subs).tick_values over
 * the bar (with its __call__'s rounding of an almost symmetric range): 0 and signed
 * powers of 10 (times each of subs) near 11 evenly spaced points of the asinh scale.
 * Writes at most 12 values per sub (11 without subs); returns the count. */
static int asinh_ticks(double lw, double vmin, double vmax, const double *subs, int nsubs, double *out)
{
    if (vmin * vmax < 0 && fabs(1 + vmax / vmin) < 0.2) {
        double bound = fmax(fabs(vmin), fabs(vmax));
        vmin = -bound, vmax = bound;
    }
    enum { NT = 11 };
    double ymin = lw * asinh(vmin / lw), ymax = lw * asinh(vmax / lw), ys[NT + 1];
    int ny = 0;
    for (int i = 0; i < NT; i++) {
        /* np.linspace: start + i * step, the last point exactly the end */
        double y = i == NT - 1 ? ymax : ymin + i * ((ymax - ymin) / (NT - 1));
        if (ymin * ymax < 0 && !(fabs(y / (ymax - ymin)) > 0.5 / NT)) continue;
        ys[ny++] = y;
    }
    if (ymin * ymax < 0) ys[ny++] = 0.0;
    int n = 0;
    for (int i = 0; i < ny; i++) {
        double x = lw * sinh(ys[i] / lw);
        double pw = ys[i] == 0 ? 0 : (x > 0 ? 1 : x < 0 ? -1 : 0) * pow(10, floor(log(fabs(x)) / log(10.0)));
        for (int k = 0; k < (nsubs ? nsubs : 1); k++) {
            double q = nsubs ? pw * subs[k] : pw;
            int j = n;
            while (j > 0 && out[j - 1] > q) j--; /* sorted, without repeats */
            if (j > 0 && out[j - 1] == q) continue;
            memmove(out + j + 1, out + j, sizeof(double) * (size_t)(n - j));
            out[j] = q;
            n++;
        }
    }
    if (n < 2) {
        for (int i = 0; i < NT; i++) out[i] = i == NT - 1 ? vmax : vmin + i * ((vmax - vmin) / (NT - 1));
        n = NT;
    }
    return n;
}

/* An AsinhNorm bar: matplotlib's asinh scale ticks it with AsinhLocator (majors labelled
 * 10^k like a log axis, minors at 2 and 5 times the powers). */
static nd_status cbar_asinh_ticks(nplot_axes *cax, const mappable *m, const cbar_plan *p,
                                  const nplot_colorbar_opts *o, const char *who)
{
    double major[2 * 12], minor[6 * 12];
    static const double subs[2] = { 2, 5 };
    double lw = m->norm.linear_width;
    int n = asinh_ticks(lw, p->lo, p->hi, NULL, 0, major);
    int nm = asinh_ticks(lw, p->lo, p->hi, subs, 2, minor);
    nd_status st = cbar_labelled_ticks(cax, p->vertical, major, major, n, o, SCALE_SYMLOG, who);
    nplot_ticks_opts to = { .minor = true };
    if (!st) st = p->vertical ? nplot_set_yticks_(cax, minor, nm, &to) : nplot_set_xticks_(cax, minor, nm, &to);
    return st;
}

/* The long axis' ticks: the norm's own locator where matplotlib's colorbar has one
 * (BoundaryNorm, AsinhNorm, NoNorm), the caller's ticks and formatter over it. */
static nd_status cbar_ticks(nplot_axes *cax, const mappable *m, const cbar_plan *p,
                            const nplot_colorbar_opts *o, const char *who)
{
    if (p->mode == CB_INDEX) return cbar_index_ticks(cax, m, p, o, who);
    if (m->norm.kind == NPLOT_NORM_ASINH && !o->ticks.v) return cbar_asinh_ticks(cax, m, p, o, who);
    nd_status st = ND_OK;
    if (o->ticks.v)
        st = p->vertical ? nplot_set_yticks_(cax, o->ticks.v, (int)o->ticks.n, NULL)
                         : nplot_set_xticks_(cax, o->ticks.v, (int)o->ticks.n, NULL);
    else if (m->norm.kind == NPLOT_NORM_NONE)
        st = cbar_index_locator(cax, m, p->vertical);
    nplot_formatter_opts fo = { .kind = o->format_fn ? "callback" : "printf", .fmt = o->format,
                                .fn = o->format_fn, .ctx = o->format_ctx };
    if (!st && (o->format || o->format_fn))
        st = p->vertical ? nplot_set_yformatter_(cax, &fo) : nplot_set_xformatter_(cax, &fo);
    return st;
}

nplot_axes *nplot_colorbar_(nplot_axes *ax, const nplot_colorbar_opts *o)
{
    static const char *who = "nplot_colorbar";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    nplot_figure *fig = ax->fig;
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_colorbar_opts);
    const artist *src = NULL;
    for (artist *a = ax->artists; a; a = a->next)
        if (a->map.on) src = a;
    if (!src) {
        nplot__fail(fig, ND_EVALUE, "%s: the axes has no color-mapped artist (imshow, hexbin, "
                                    "pcolormesh, scatter with c ...)", who);
        return NULL;
    }
    if (ax->cbar_parent) {
        nplot__fail(fig, ND_EVALUE, "%s: a colorbar cannot have a colorbar", who);
        return NULL;
    }
    mappable map = src->map;
    cbar_plan p = { 0 };
    if (cbar_options(ax, o, &map, &p, who)) return NULL;
    nplot_axes *cax = cbar_axes(ax, o, &map, &p, who);
    if (!cax) return NULL;
    /* the mappable's alpha: baked into an image's pixels, else the artist's */
    if (src->cset) {
        /* a contour set: its levels as bands (contourf) or lines (contour) on the bar, with
         * the limits and ticks at the levels, not a gradient */
        if (nplot__contour_colorbar(cax, ax, src->cset, p.vertical, who)) return NULL;
    } else {
        double alpha = map.alpha > 0 ? map.alpha : src->alpha;
        artist *g = cbar_gradient(cax, &map, alpha, &p, o->drawedges, who);
        if (!g) return NULL;
        cbar_limits(cax, &p, g);
        if (cbar_ticks(cax, &map, &p, o, who)) return NULL;
        /* matplotlib's Colorbar.update_normal: the bar follows the mappable's set_clim */
        cax->cbar_link = (struct nplot__cbar_link){ (artist *)src, g, p.mode, p.extend, p.extendfrac,
                                                    p.vertical };
    }
    if (o->label) {
        nplot_text_opts to = { 0 };
        if ((p.vertical ? nplot_set_ylabel_(cax, o->label, &to) : nplot_set_xlabel_(cax, o->label, &to)))
            return NULL;
    }
    nplot__mark_dirty(fig);
    return cax;
}

nd_status nplot__colorbar_follow(nplot_axes *cax)
{
    const struct nplot__cbar_link *l = &cax->cbar_link;
    artist *g = l->grad;
    if (!l->src || !g || l->src->removed || g->removed || l->mode == CB_INDEX) return ND_OK;
    cbar_plan p = { .vertical = l->vertical, .extend = l->extend, .extendfrac = l->extendfrac,
                    .mode = l->mode };
    cbar_ends(&l->src->map, &p);
    g->map.vmin = p.lo, g->map.vmax = p.hi;
    double *lng = p.vertical ? g->y : g->x;
    lng[0] = p.lo, lng[1] = p.hi;
    cbar_limits(cax, &p, g);
    nplot__mark_dirty(cax->fig);
    return ND_OK;
}

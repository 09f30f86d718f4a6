/* matplotlib.pyplot.imsave: an array written as an image file, one pixel per element. 2-D
 * data goes through Normalize(vmin, vmax) and a colormap (to_rgba(bytes=True): matplotlib
 * truncates its float table times 255; numc's tables are bytes, so a channel may be one more); (h, w, 3) and (h, w, 4) arrays are colors (uint8 as they are,
 * other dtypes in 0..1 times 255, truncated). PNG keeps the alpha; JPEG is flattened on
 * white (savefig.facecolor), as matplotlib. */
#include "plot_render.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

nd_status nplot__write_jpeg(const unsigned char *rgb, int w, int h, int quality, double dpi,
                            const char *path, const char *who);

nd_status nplot_imsave_(const char *path, const nd_array *arr, const nplot_imsave_opts *o)
{
    static const char *who = "nplot_imsave";
    o = NPLOT__OPTS(o, nplot_imsave_opts);
    if (!path) return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    if (!arr) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    const char *fmt = o->format;
    if (!fmt) {
        const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
        fmt = dot && (!slash || dot > slash) ? dot + 1 : "png";
    }
    bool jpeg = !strcasecmp(fmt, "jpg") || !strcasecmp(fmt, "jpeg");
    if (!jpeg && strcasecmp(fmt, "png"))
        return nd_set_error(ND_EVALUE, "%s: unknown format '%s' for '%s' (png, jpg, jpeg)", who, fmt, path);
    bool lower = false;
    if (o->origin) {
        if (!strcmp(o->origin, "lower")) lower = true;
        else if (strcmp(o->origin, "upper"))
            return nd_set_error(ND_EVALUE, "%s: origin must be \"upper\" or \"lower\", got '%s'", who, o->origin);
    }
    if (o->quality && (!jpeg || o->quality < 1 || o->quality > 100))
        return nd_set_error(ND_EVALUE, !jpeg ? "%s: quality applies to JPEG output only, got %d"
                                             : "%s: JPEG quality %d must be in 1..100", who, o->quality);
    if (o->dpi < 0 || !isfinite(o->dpi)) return nd_set_error(ND_EVALUE, "%s: dpi %g must be positive", who, o->dpi);
    int nd = nd_ndim(arr);
    const ptrdiff_t *sh = nd_shape(arr);
    int nch = nd == 3 ? (int)sh[2] : 1;
    if (nd < 2 || nd > 3 || (nd == 3 && nch != 3 && nch != 4))
        return nd_set_error(ND_ESHAPE, "%s: array must be (h, w), (h, w, 3) or (h, w, 4), got %d dimensions%s",
                            who, nd, nd == 3 ? " with a last axis other than 3 or 4" : "");
    if (sh[0] < 1 || sh[1] < 1 || sh[0] > 32767 || sh[1] > 32767)
        return nd_set_error(ND_ESHAPE, "%s: an image of %td x %td pixels cannot be written (1 to 32767 each way)",
                            who, sh[0], sh[1]);
    int h = (int)sh[0], w = (int)sh[1];
    cmap_ref cm;
    if (nch == 1 && nplot__cmap_find(o->cmap, &cm, who)) return nd_last_error();
    if (nch > 1 && o->cmap)
        return nd_set_error(ND_EVALUE, "%s: cmap applies to 2-D data only, got a (h, w, %d) array", who, nch);
    double *z = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(NULL, arr, &z, &n, "array", who);
    if (st) return st;
    bool bytes = nd_dtype_of(arr) == ND_UINT8;
    double vmin = o->vmin, vmax = o->vmax;
    if (nch == 1) {
        bool both_auto = o->vmin == 0 && o->vmax == 0;
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < n; i++)
            if (isfinite(z[i])) lo = fmin(lo, z[i]), hi = fmax(hi, z[i]);
        if (both_auto || isnan(vmin)) vmin = lo;
        if (both_auto || isnan(vmax)) vmax = hi;
        if (vmin > vmax) {
            nd_free_mem(z);
            return nd_set_error(ND_EVALUE, "%s: vmin %g must be less than or equal to vmax %g", who, vmin, vmax);
        }
    } else if (!bytes) {
        for (size_t i = 0; i < n; i++)
            if (!(z[i] >= 0 && z[i] <= 1)) {
                double bad = z[i];
                nd_free_mem(z);
                return nd_set_error(ND_EVALUE, "%s: floating point image RGB values must be in the 0..1 range, got %g",
                                    who, bad);
            }
    }
    /* RGBA bytes, rows top to bottom */
    unsigned char *px = nd_malloc((size_t)w * (size_t)h * 4, who);
    if (!px) {
        nd_free_mem(z);
        return ND_ENOMEM;
    }
    for (int y = 0; y < h; y++) {
        int sy = lower ? h - 1 - y : y;
        for (int x = 0; x < w; x++) {
            unsigned char *o4 = px + ((size_t)y * (size_t)w + (size_t)x) * 4;
            const double *v = z + ((size_t)sy * (size_t)w + (size_t)x) * (size_t)nch;
            if (nch == 1) {
                double t = v[0];
                /* Normalize: (v - vmin) / (vmax - vmin); a flat range maps to 0 */
                if (isfinite(t)) t = vmax > vmin ? (t - vmin) / (vmax - vmin) : 0;
                else if (!isnan(t)) t = t > 0 ? INFINITY : -INFINITY;
                rgba c = nplot__cmap_at(&cm, t);
                /* numc's tables hold 8-bit colors: their bytes (matplotlib truncates its
                   float table, which gives these or one less) */
                o4[0] = (unsigned char)lround(c.r * 255), o4[1] = (unsigned char)lround(c.g * 255);
                o4[2] = (unsigned char)lround(c.b * 255), o4[3] = (unsigned char)lround(c.a * 255);
            } else {
                for (int k = 0; k < 4; k++)
                    o4[k] = k < nch ? (unsigned char)(bytes ? v[k] : v[k] * 255) : 255;
            }
        }
    }
    nd_free_mem(z);
    if (jpeg) {
        unsigned char *rgb = nd_malloc((size_t)w * (size_t)h * 3, who);
        if (!rgb) st = ND_ENOMEM;
        /* PIL's paste with the image as its own mask over a white background */
        for (size_t i = 0; rgb && i < (size_t)w * (size_t)h; i++)
            for (int k = 0; k < 3; k++) {
                unsigned a = px[4 * i + 3], c = px[4 * i + k];
                rgb[3 * i + k] = (unsigned char)((c * a + 255 * (255 - a) + 127) / 255);
            }
        if (rgb) st = nplot__write_jpeg(rgb, w, h, o->quality ? o->quality : 75, o->dpi > 0 ? o->dpi : 100, path, who);
        nd_free_mem(rgb);
        nd_free_mem(px);
        return st;
    }
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(s)) {
        cairo_surface_destroy(s);
        nd_free_mem(px);
        return nd_set_error(ND_ENOMEM, "%s: cannot allocate a %dx%d image", who, w, h);
    }
    cairo_surface_flush(s);
    unsigned char *d = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(d + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            const unsigned char *p = px + ((size_t)y * (size_t)w + (size_t)x) * 4;
            unsigned a = p[3];
            unsigned r = (p[0] * a + 127) / 255, g = (p[1] * a + 127) / 255, b = (p[2] * a + 127) / 255;
            row[x] = (uint32_t)a << 24 | r << 16 | g << 8 | b;
        }
    }
    cairo_surface_mark_dirty(s);
    nd_free_mem(px);
    st = nplot__write_png(s, path, who);
    cairo_surface_destroy(s);
    return st;
}

/* Rendering a figure onto a cairo surface, savefig (PNG by png_write.c, SVG, PDF), RGBA
 * buffers, PNG reading and image comparison, and layout getters. */
#include "plot_render.h"
#include "vector_lean.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <numc/io.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void draw_fig_texts(render_ctx *rc)
{
    nplot_figure *fig = rc->fig;
    if (fig->suptitle && fig->suptitle[0]) {
        text_box tb = nplot__text_layout(rc, fig->suptitle, &fig->suptitle_ts);
        /* matplotlib: x=0.5, y=0.98, va='top': the top of its text box, which is its first
         * baseline less the larger ink ascent of the text and of "lp" (not the font's
         * ascent, which set the ink ~2 px lower); constrained layout may move it */
        double asc = nplot__text_ascent(rc, &tb, &fig->suptitle_ts);
        double y = fig->constrained && fig->suptitle_y > 0 ? fig->suptitle_y : 0.02;
        nplot__text_place(rc, &tb, rc->W / 2, y * rc->H + asc, HA_CENTER, VA_BASELINE, 0,
                          &fig->suptitle_ts.color, true);
        nplot__text_free(&tb);
    }
    for (fig_text *t = fig->texts; t; t = t->next) {
        text_box tb = nplot__text_layout(rc, t->text, &t->ts);
        nplot__text_place(rc, &tb, t->x * rc->W, (1 - t->y) * rc->H, t->ha, t->va, t->rotation,
                          &t->ts.color, true);
        nplot__text_free(&tb);
    }
}

/* Lay out and (when draw) paint the figure onto `surface`. */
static nd_status render_locked(nplot_figure *fig, cairo_surface_t *surface, bool raster,
                               double scale, bool transparent, const rgba *face, bool draw);

static nd_status render(nplot_figure *fig, cairo_surface_t *surface, bool raster, double scale,
                        bool transparent, const rgba *face, bool draw)
{
    nplot__render_lock();
    nd_status st = render_locked(fig, surface, raster, scale, transparent, face, draw);
    nplot__render_unlock();
    return st;
}

/* One axes: hidden ones draw nothing; a gid makes an SVG group (matplotlib's open_group);
 * set_rasterized draws it as one image in vector output. */
static void draw_one_axes(render_ctx *rc, nplot_axes *ax, bool transparent)
{
    if (ax->pr.hidden) return;
    rgba saved = ax->face;
    if (transparent) ax->face.a = 0;
    bool group = ax->pr.gid && rc->svg && nplot__lean_svg_active();
    if (group) {
        char open[300];
        snprintf(open, sizeof open, "<g id=\"%s\">\n", ax->pr.gid);
        nplot__lean_svg_raw(rc, open);
    }
    raster_group rg;
    bool rast = ax->pr.rasterized && !rc->raster && nplot__raster_begin(rc, &rg);
    nplot__draw_axes(rc, ax);
    if (rast) nplot__raster_end(rc, &rg);
    if (group) nplot__lean_svg_raw(rc, "</g>\n");
    ax->face = saved;
}

/* The axes in increasing zorder, equal ones in creation order (matplotlib sorts the
 * figure's children by zorder, stably). */
static void draw_all_axes(render_ctx *rc, bool transparent)
{
    nplot_figure *fig = rc->fig;
    bool sorted = true;
    for (nplot_axes *ax = fig->axes; ax && ax->next; ax = ax->next)
        sorted &= ax->next->pr.zorder >= ax->pr.zorder;
    nplot_axes **list = sorted ? NULL : nd_malloc(sizeof *list * (size_t)fig->naxes, "nplot");
    if (!list) {
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) draw_one_axes(rc, ax, transparent);
        return;
    }
    int n = 0;
    for (nplot_axes *ax = fig->axes; ax && n < fig->naxes; ax = ax->next) {
        int j = n++;
        while (j > 0 && list[j - 1]->pr.zorder > ax->pr.zorder) {
            list[j] = list[j - 1];
            j--;
        }
        list[j] = ax;
    }
    for (int i = 0; i < n; i++) draw_one_axes(rc, list[i], transparent);
    nd_free_mem(list);
}

static nd_status render_locked(nplot_figure *fig, cairo_surface_t *surface, bool raster,
                               double scale, bool transparent, const rgba *face, bool draw)
{
    render_ctx rc = { 0 };
    rc.fig = fig;
    rc.surface = surface;
    rc.raster = raster;
    rc.svg = cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_SVG;
    rc.scale = scale;
    rc.W = fig->width * 72 * scale;
    rc.H = fig->height * 72 * scale;
    if (raster) {
        rc.W = cairo_image_surface_get_width(surface);
        rc.H = cairo_image_surface_get_height(surface);
    }
    rc.cr = cairo_create(surface);
    if (cairo_status(rc.cr))
        return nplot__fail(fig, ND_ENOMEM, "nplot: cannot create a cairo context: %s",
                           cairo_status_to_string(cairo_status(rc.cr)));
    rc.pctx = nplot__pango_context();
    pango_cairo_update_context(rc.cr, rc.pctx);
    cairo_set_antialias(rc.cr, CAIRO_ANTIALIAS_DEFAULT);
    nd_status st = nplot__layout(&rc);
    if (st == ND_OK && !draw) /* nplot_figure_draw: the decorations' boxes for the getters */
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) (void)nplot__axes_tight_bbox(&rc, ax);
    if (st == ND_OK && draw && !fig->hidden) { /* set_visible(False): nothing is drawn */
        nplot__draw_fig_patch(&rc, transparent, face);
        nplot__draw_subfigs(&rc, transparent);
        draw_all_axes(&rc, transparent);
        nplot__draw_figimages(&rc); /* zorder 0, after the axes (matplotlib's children order) */
        draw_fig_texts(&rc);
        nplot__draw_fig_legends(&rc); /* zorder 5: over the figure texts */
        st = fig->status;
    }
    g_object_unref(rc.pctx);
    cairo_status_t cs = cairo_status(rc.cr);
    cairo_destroy(rc.cr);
    /* vector surfaces reference the deferred sources until finished; finishing an image
     * surface would free the pixels savefig is about to write */
    if (rc.ndeferred && !raster) cairo_surface_finish(surface);
    for (size_t i = 0; i < rc.ndeferred; i++) cairo_surface_destroy(rc.deferred[i]);
    nd_free_mem(rc.deferred);
    if (st == ND_OK && cs != CAIRO_STATUS_SUCCESS)
        st = nplot__fail(fig, ND_EIO, "nplot: cairo failed while drawing: %s", cairo_status_to_string(cs));
    if (st == ND_OK) fig->laid_out = true;
    return st;
}

nd_status nplot_figure_draw(nplot_figure *fig)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    int w, h;
    nplot_figure_pixel_size(fig, &w, &h);
    /* layout needs a context for text metrics; nothing is painted */
    cairo_surface_t *rs = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    st = render(fig, rs, true, fig->dpi / 72, false, NULL, false);
    cairo_surface_destroy(rs);
    return st;
}

/* ---- PNG reading: libpng; writing is png_write.c's ----------------------------------------- */
typedef struct png_err {
    char msg[200];
} png_err;

static void png_error_fn(png_structp p, png_const_charp msg)
{
    png_err *e = png_get_error_ptr(p);
    if (e) snprintf(e->msg, sizeof e->msg, "%s", msg);
    png_longjmp(p, 1);
}

static void png_warn_fn(png_structp p, png_const_charp msg)
{
    (void)p;
    (void)msg;
}

/* Un-premultiply one ARGB32 pixel into RGBA bytes. */
static void unpremul(uint32_t px, unsigned char *o)
{
    unsigned a = px >> 24, r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
    if (a == 255) {
        o[0] = (unsigned char)r, o[1] = (unsigned char)g, o[2] = (unsigned char)b, o[3] = 255;
    } else if (a == 0) {
        o[0] = o[1] = o[2] = o[3] = 0;
    } else {
        o[0] = (unsigned char)((r * 255 + a / 2) / a);
        o[1] = (unsigned char)((g * 255 + a / 2) / a);
        o[2] = (unsigned char)((b * 255 + a / 2) / a);
        o[3] = (unsigned char)a;
    }
}

/* cairo's stream callback for SVG and PDF: a failed write is kept by the writer and
 * reported by cairo_surface_status after finishing. */
static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    return nd_file_writer_write(closure, data, len) == ND_OK ? CAIRO_STATUS_SUCCESS
                                                              : CAIRO_STATUS_WRITE_ERROR;
}

/* savefig_more.c (JPEG, PS/EPS, bbox_inches, metadata) renders through this */
static nd_status render_for_save(nplot_figure *fig, cairo_surface_t *s, bool raster, double scale,
                                 bool transparent, const rgba *face)
{
    return render(fig, s, raster, scale, transparent, face, true);
}

/* savefig once the path and format are known. */
static nd_status save_as(nplot_figure *fig, const char *path, const char *fmt,
                         const nplot_save_opts *o, const char *who)
{
    if (nplot__savefig_more_wants(fmt, o)) return nplot__savefig_more(fig, path, fmt, o, render_for_save, who);
    nd_status st;
    int kind = !strcasecmp(fmt, "png") ? 0 : !strcasecmp(fmt, "svg") ? 1 : !strcasecmp(fmt, "pdf") ? 2 : -1;
    if (kind < 0) return nd_set_error(ND_EVALUE, "%s: unknown format '%s' for '%s' (png, svg, pdf)", who, fmt, path);
    double dpi = NPLOT_OPT(o->dpi, fig->style->savefig_dpi > 0 ? fig->style->savefig_dpi : fig->dpi);
    if (o->dpi < 0 || !isfinite(o->dpi) || fig->width * dpi > 32767 || fig->height * dpi > 32767)
        return nd_set_error(ND_EVALUE, "%s: dpi %g is out of range", who, o->dpi < 0 || !isfinite(o->dpi) ? o->dpi : dpi);
    rgba face = fig->style->savefig_face_set ? fig->style->savefig_face : fig->face; /* savefig.facecolor */
    if (o->facecolor && nplot__color(o->facecolor, fig->style, &face, who)) return nd_last_error();
    if (kind == 0) {
        int w = (int)lround(fig->width * dpi), h = (int)lround(fig->height * dpi);
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        if (cairo_surface_status(s)) {
            cairo_surface_destroy(s);
            return nd_set_error(ND_ENOMEM, "%s: cannot allocate a %dx%d image", who, w, h);
        }
        st = render(fig, s, true, dpi / 72, o->transparent, &face, true);
        if (st == ND_OK) st = nplot__write_png(s, path, who);
        cairo_surface_destroy(s);
        return st;
    }
    nd_file_writer *out = nd_file_writer_open(path, who);
    if (!out) return nd_last_error();
    double wpt = fig->width * 72, hpt = fig->height * 72;
    /* lean SVG (vector_lean.c): cairo's stream is buffered and its marker placeholders
     * are replaced by markers placed by reference */
    lean_svg *lean = kind == 1 ? nplot__lean_svg_begin(who) : NULL;
    lean_pdf *lpdf = kind == 2 && nplot__lean_pdf_enabled() ? nplot__lean_pdf_begin(who) : NULL;
    if ((kind == 1 && !lean) || (kind == 2 && nplot__lean_pdf_enabled() && !lpdf)) {
        nd_file_writer_abort(out);
        return nd_last_error();
    }
    cairo_surface_t *s = kind == 1 ? cairo_svg_surface_create_for_stream(nplot__lean_svg_stream, lean, wpt, hpt)
                         : lpdf    ? cairo_pdf_surface_create_for_stream(nplot__lean_pdf_stream, lpdf, wpt, hpt)
                                   : cairo_pdf_surface_create_for_stream(write_stream, out, wpt, hpt);
    if (kind == 1) cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    if (kind == 2) {
        /* no CreationDate: identical input gives identical files */
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "numc plot");
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    }
    st = render(fig, s, false, 1.0, o->transparent, &face, true);
    cairo_surface_finish(s);
    cairo_status_t cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (lean) {
        nd_status ls = nplot__lean_svg_end(lean, st == ND_OK && cs == CAIRO_STATUS_SUCCESS ? out : NULL, who);
        if (st == ND_OK) st = ls;
    }
    bool complete = true;
    if (lpdf) {
        nd_status ls = nplot__lean_pdf_end(lpdf, st == ND_OK && cs == CAIRO_STATUS_SUCCESS ? out : NULL,
                                           &complete, who);
        if (st == ND_OK) st = ls;
    }
    if (st == ND_OK && !complete) { /* a placeholder went missing: plain cairo PDF */
        nd_file_writer_abort(out);
        nplot__lean_pdf_disable(true);
        st = save_as(fig, path, fmt, o, who);
        nplot__lean_pdf_disable(false);
        return st;
    }
    if (st == ND_OK) st = nd_file_writer_write(out, NULL, 0); /* a failed write's status */
    if (st == ND_OK && cs != CAIRO_STATUS_SUCCESS)
        st = nd_set_error(ND_EIO, "%s: writing '%s' failed: %s", who, path, cairo_status_to_string(cs));
    if (st != ND_OK) {
        nd_file_writer_abort(out);
        return st;
    }
    return nd_file_writer_commit(out);
}

nd_status nplot_savefig_(nplot_figure *fig, const char *path, const nplot_save_opts *o)
{
    static const char *who = "nplot_savefig";
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_save_opts);
    if (!path) return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    const char *fmt = o->format;
    char *with_ext = NULL;
    if (!fmt) {
        const char *dot = strrchr(path, '.');
        const char *slash = strrchr(path, '/');
        if (dot && (!slash || dot > slash)) {
            fmt = dot + 1;
        } else { /* matplotlib: no extension and no format → savefig.format, appended */
            fmt = "png";
            size_t n = strlen(path);
            with_ext = nd_malloc(n + 5, who);
            if (!with_ext) return ND_ENOMEM;
            memcpy(with_ext, path, n);
            memcpy(with_ext + n, ".png", 5);
            path = with_ext;
        }
    }
    st = save_as(fig, path, fmt, o, who);
    nd_free_mem(with_ext);
    return st;
}

nd_status nplot_figure_render_rgba(nplot_figure *fig, unsigned char *rgba_out, int width,
                                   int height, int stride)
{
    static const char *who = "nplot_figure_render_rgba";
    nd_status st = nplot__check(fig);
    if (st) return st;
    int w, h;
    nplot_figure_pixel_size(fig, &w, &h);
    if (!rgba_out) return nd_set_error(ND_EVALUE, "%s: buffer is NULL", who);
    if (width != w || height != h)
        return nd_set_error(ND_ESHAPE, "%s: buffer is %dx%d but the figure renders %dx%d pixels", who,
                         width, height, w, h);
    if (stride < 4 * w) return nd_set_error(ND_EVALUE, "%s: stride %d < 4 * width (%d)", who, stride, 4 * w);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(s)) {
        cairo_surface_destroy(s);
        return nd_set_error(ND_ENOMEM, "%s: cannot allocate a %dx%d image", who, w, h);
    }
    st = render(fig, s, true, fig->dpi / 72, false, NULL, true);
    if (st == ND_OK) {
        cairo_surface_flush(s);
        const unsigned char *data = cairo_image_surface_get_data(s);
        int ss = cairo_image_surface_get_stride(s);
        for (int y = 0; y < h; y++) {
            const uint32_t *src = (const uint32_t *)(data + (size_t)y * ss);
            unsigned char *dst = rgba_out + (size_t)y * stride;
            for (int x = 0; x < w; x++) unpremul(src[x], dst + 4 * x);
        }
    }
    cairo_surface_destroy(s);
    return st;
}

/* ---- reading PNGs and comparing ---------------------------------------------------------------- */
/* Read a PNG into malloc'd RGBA8 (w*h*4). */
nd_status nplot__read_png(const char *path, unsigned char **out, int *w, int *h, const char *who)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return nd_set_error(ND_EIO, "%s: cannot open '%s': %s", who, path, strerror(errno));
    png_err err = { "" };
    png_structp p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &err, png_error_fn, png_warn_fn);
    png_infop info = p ? png_create_info_struct(p) : NULL;
    unsigned char *volatile buf = NULL;
    if (!p || !info) {
        if (p) png_destroy_read_struct(&p, NULL, NULL);
        fclose(f);
        return nd_set_error(ND_ENOMEM, "%s: out of memory reading '%s'", who, path);
    }
    if (setjmp(png_jmpbuf(p))) {
        png_destroy_read_struct(&p, &info, NULL);
        nd_free_mem(buf);
        fclose(f);
        return nd_set_error(ND_EIO, "%s: '%s' is not a readable PNG: %s", who, path, err.msg);
    }
    png_init_io(p, f);
    png_read_info(p, info);
    png_uint_32 W = png_get_image_width(p, info), H = png_get_image_height(p, info);
    int ct = png_get_color_type(p, info), bd = png_get_bit_depth(p, info);
    if (bd == 16) png_set_strip_16(p);
    if (ct == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(p);
    if (ct == PNG_COLOR_TYPE_GRAY && bd < 8) png_set_expand_gray_1_2_4_to_8(p);
    if (png_get_valid(p, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(p);
    if (ct == PNG_COLOR_TYPE_GRAY || ct == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(p);
    if (!(ct & PNG_COLOR_MASK_ALPHA)) png_set_filler(p, 0xff, PNG_FILLER_AFTER);
    png_read_update_info(p, info);
    if (W == 0 || H == 0 || W > 100000 || H > 100000) png_error(p, "bad image size");
    buf = nd_malloc((size_t)W * H * 4, who);
    if (!buf) png_error(p, "out of memory");
    for (png_uint_32 y = 0; y < H; y++) png_read_row(p, buf + (size_t)y * W * 4, NULL);
    png_read_end(p, NULL);
    png_destroy_read_struct(&p, &info, NULL);
    fclose(f);
    *out = buf;
    *w = (int)W;
    *h = (int)H;
    return ND_OK;
}

nd_status nplot_compare_images(const char *expected, const char *actual, double *rms)
{
    static const char *who = "nplot_compare_images";
    if (!expected || !actual) return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    unsigned char *a, *b;
    int wa, ha, wb, hb;
    nd_status st = nplot__read_png(expected, &a, &wa, &ha, who);
    if (st) return st;
    st = nplot__read_png(actual, &b, &wb, &hb, who);
    if (st) {
        nd_free_mem(a);
        return st;
    }
    if (wa != wb || ha != hb) {
        nd_free_mem(a);
        nd_free_mem(b);
        return nd_set_error(ND_ESHAPE, "%s: image sizes differ: '%s' is %dx%d, '%s' is %dx%d", who,
                         expected, wa, ha, actual, wb, hb);
    }
    /* matplotlib's calculate_rms over RGB (alpha composited on white first) */
    double sum = 0;
    size_t n = (size_t)wa * ha;
    for (size_t i = 0; i < n; i++) {
        for (int c = 0; c < 3; c++) {
            double va = a[4 * i + c] * a[4 * i + 3] / 255.0 + 255 - a[4 * i + 3];
            double vb = b[4 * i + c] * b[4 * i + 3] / 255.0 + 255 - b[4 * i + 3];
            sum += (va - vb) * (va - vb);
        }
    }
    nd_free_mem(a);
    nd_free_mem(b);
    if (rms) *rms = sqrt(sum / (3.0 * n));
    return ND_OK;
}

/* ---- getters ------------------------------------------------------------------------------------ */
static int get_ticks(nplot_axes *ax, bool x, double *out, int cap, const char *who)
{
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    axis_state *a = x ? &ax->xa : &ax->ya;
    for (int i = 0; i < a->nticks && i < cap; i++) out[i] = a->ticks[i];
    return a->nticks;
}

int nplot_get_xticks(nplot_axes *ax, double *out, int cap) { return get_ticks(ax, true, out, cap, "nplot_get_xticks"); }
int nplot_get_yticks(nplot_axes *ax, double *out, int cap) { return get_ticks(ax, false, out, cap, "nplot_get_yticks"); }

static const char *get_label(nplot_axes *ax, bool x, int i, const char *who)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
        return NULL;
    }
    if (!ax->fig->laid_out && nplot_figure_draw(ax->fig)) return NULL;
    axis_state *a = x ? &ax->xa : &ax->ya;
    if (i < 0 || i >= a->nticks) {
        nd_set_error(ND_EINDEX, "%s: index %d out of range (%d ticks)", who, i, a->nticks);
        return NULL;
    }
    return a->ticklabels[i];
}

const char *nplot_get_xticklabel(nplot_axes *ax, int i) { return get_label(ax, true, i, "nplot_get_xticklabel"); }
const char *nplot_get_yticklabel(nplot_axes *ax, int i) { return get_label(ax, false, i, "nplot_get_yticklabel"); }

static const char *get_offset(nplot_axes *ax, bool x, const char *who)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
        return NULL;
    }
    if (!ax->fig->laid_out && nplot_figure_draw(ax->fig)) return NULL;
    axis_state *a = x ? &ax->xa : &ax->ya;
    return a->offset_text ? a->offset_text : "";
}

const char *nplot_get_xoffset_text(nplot_axes *ax) { return get_offset(ax, true, "nplot_get_xoffset_text"); }
const char *nplot_get_yoffset_text(nplot_axes *ax) { return get_offset(ax, false, "nplot_get_yoffset_text"); }

nd_status nplot_axes_pixel_box(nplot_axes *ax, double *x0, double *y0, double *x1, double *y1)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_pixel_box: axes is NULL");
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    if (x0) *x0 = ax->dev[0];
    if (y0) *y0 = ax->dev[1];
    if (x1) *x1 = ax->dev[2];
    if (y1) *y1 = ax->dev[3];
    return ND_OK;
}

nd_status nplot_data_to_pixel(nplot_axes *ax, double x, double y, double *px, double *py)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_data_to_pixel: axes is NULL");
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    if (ax->polar) { /* (theta, r) */
        double ddx, ddy;
        nplot__polar_to_dev(ax, x, y, &ddx, &ddy);
        if (px) *px = ddx;
        if (py) *py = ddy;
        return ND_OK;
    }
    xform t = nplot__xform(ax);
    double dx = t.ax * nplot__scale_fwd(&ax->xa, x) + t.bx, dy = t.ay * nplot__scale_fwd(&ax->ya, y) + t.by;
    if (px) *px = dx;
    if (py) *py = dy;
    return ND_OK;
}

nd_array *nplot_figure_to_array(nplot_figure *fig)
{
    if (nplot__check(fig)) return NULL;
    int w, h;
    nplot_figure_pixel_size(fig, &w, &h);
    nd_array *a = nd_empty(ND_SHAPE(h, w, 4), ND_UINT8);
    if (!a) return NULL;
    if (nplot_figure_render_rgba(fig, nd_data(a), w, h, 4 * w)) {
        nd_free(a);
        return NULL;
    }
    return a;
}

nd_array *nplot_imread(const char *path)
{
    if (!path) return ND_FAIL(ND_EVALUE, "nplot_imread: path is NULL");
    unsigned char *buf;
    int w, h;
    if (nplot__read_png(path, &buf, &w, &h, "nplot_imread")) return NULL;
    nd_array *a = nd_from_buffer(buf, ND_SHAPE(h, w, 4), ND_UINT8);
    nd_free_mem(buf);
    return a;
}

nd_status nplot_data_to_pixel_3d(nplot_axes *ax, double x, double y, double z, double *px, double *py)
{
    static const char *who = "nplot_data_to_pixel_3d";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    if (!ax->is3d) return nd_set_error(ND_EVALUE, "%s: the axes is not 3-D", who);
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    double sx, sy;
    nplot__project3d(ax, x, y, z, &sx, &sy);
    if (px) *px = sx;
    if (py) *py = sy;
    return ND_OK;
}

/* ---- nplot_axes_get_position (issue 20, with subplot_mosaic) ---------------------------- */
nd_status nplot_axes_get_position(nplot_axes *ax, double bounds[4])
{
    static const char *who = "nplot_axes_get_position";
    CHECK_AX(ax, who);
    if (!bounds) return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds is NULL", who);
    if (!ax->fig->laid_out) {
        nd_status st = nplot_figure_draw(ax->fig);
        if (st) return st;
    }
    if (ax->cbar_parent)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: a colorbar axes has no position of its own "
                                               "(it takes part of its parent's)", who);
    memcpy(bounds, ax->rect, sizeof ax->rect);
    return ND_OK;
}

/* savefig's other formats and options: JPEG (libjpeg), PS and EPS (cairo), bbox_inches
 * 'tight' with pad_inches, metadata (PNG tEXt, PDF info, PS DSC comments), and imsave.
 * output.c hands a save over here (nplot__savefig_more) when one of these is asked for.
 * Every file is written through nd_file_writer: a temporary file renamed over the target,
 * so a failed write leaves an existing file as it was. */
#include "plot_render.h"

#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <math.h>
#include <numc/io.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
/* jpeglib.h needs size_t and FILE first */
#include <jpeglib.h>


enum { F_PNG, F_SVG, F_PDF, F_JPEG, F_PS, F_EPS };

static int format_kind(const char *fmt)
{
    static const struct { const char *n; int k; } t[] = {
        { "png", F_PNG }, { "svg", F_SVG }, { "pdf", F_PDF }, { "jpg", F_JPEG },
        { "jpeg", F_JPEG }, { "ps", F_PS }, { "eps", F_EPS },
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcasecmp(fmt, t[i].n)) return t[i].k;
    return -1;
}

bool nplot__savefig_more_wants(const char *fmt, const nplot_save_opts *o)
{
    int k = format_kind(fmt);
    return (k != F_PNG && k != F_SVG && k != F_PDF) || o->bbox_inches || o->metadata || o->quality;
}

/* ---- the tight bounding box ------------------------------------------------------------------ */
static void bb_union(bbox *a, bbox b, bool *any)
{
    if (!(b.x1 > b.x0) && !(b.y1 > b.y0)) return;
    if (!isfinite(b.x0) || !isfinite(b.y0) || !isfinite(b.x1) || !isfinite(b.y1)) return;
    if (!*any) {
        *a = b;
        *any = true;
        return;
    }
    a->x0 = fmin(a->x0, b.x0), a->y0 = fmin(a->y0, b.y0);
    a->x1 = fmax(a->x1, b.x1), a->y1 = fmax(a->y1, b.y1);
}

/* matplotlib's fig.get_tightbbox at `scale` device units per point, in device units (origin
 * top-left): every axes with its decorations, the legends, the figure texts. Lays the figure
 * out as savefig does. Without anything drawn, the whole figure. */
nd_status nplot__tight_bbox(nplot_figure *fig, double scale, bbox *out)
{
    nplot__render_lock();
    render_ctx rc = { 0 };
    rc.fig = fig;
    rc.scale = scale;
    rc.W = fig->width * 72 * scale;
    rc.H = fig->height * 72 * scale;
    /* the legends are drawn onto a recording surface and measured by their ink */
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    rc.surface = rec;
    rc.cr = cairo_create(rec);
    nd_status st = ND_OK;
    if (cairo_status(rc.cr))
        st = nplot__fail(fig, ND_ENOMEM, "nplot_savefig: cannot create a cairo context");
    bbox bb = { 0, 0, rc.W, rc.H };
    bool any = false;
    if (st == ND_OK) {
        rc.pctx = nplot__pango_context();
        pango_cairo_update_context(rc.cr, rc.pctx);
        st = nplot__layout(&rc);
        for (nplot_axes *ax = fig->axes; ax && st == ND_OK; ax = ax->next) {
            bb_union(&bb, nplot__axes_tight_bbox(&rc, ax), &any);
            nplot__draw_legend(&rc, ax);
        }
        if (st == ND_OK) nplot__draw_fig_legends(&rc);
        if (fig->suptitle && fig->suptitle[0]) {
            text_box tb = nplot__text_layout(&rc, fig->suptitle, &fig->suptitle_ts);
            bb_union(&bb, nplot__text_place(&rc, &tb, rc.W / 2, 0.02 * rc.H, HA_CENTER, VA_TOP, 0,
                                            &fig->suptitle_ts.color, false), &any);
            nplot__text_free(&tb);
        }
        for (fig_text *t = fig->texts; t; t = t->next) {
            text_box tb = nplot__text_layout(&rc, t->text, &t->ts);
            bb_union(&bb, nplot__text_place(&rc, &tb, t->x * rc.W, (1 - t->y) * rc.H, t->ha, t->va,
                                            t->rotation, &t->ts.color, false), &any);
            nplot__text_free(&tb);
        }
        double x, y, w, h;
        cairo_surface_flush(rec);
        cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
        if (w > 0 && h > 0) bb_union(&bb, (bbox){ x, y, x + w, y + h }, &any);
        g_object_unref(rc.pctx);
        if (st == ND_OK) st = fig->status;
    }
    cairo_destroy(rc.cr);
    cairo_surface_destroy(rec);
    nplot__render_unlock();
    *out = bb;
    return st;
}

/* ---- writers ------------------------------------------------------------------------------- */
static cairo_status_t write_stream(void *closure, const unsigned char *data, unsigned int len)
{
    return nd_file_writer_write(closure, data, len) == ND_OK ? CAIRO_STATUS_SUCCESS
                                                              : CAIRO_STATUS_WRITE_ERROR;
}

/* PNG text chunks: the file nplot__write_png wrote, with a tEXt chunk per metadata pair
 * behind IHDR, written again (atomically). */
static nd_status png_add_text(const char *path, const char *const *md, const char *who)
{
    size_t n = 0;
    unsigned char *buf = NULL;
    FILE *f = fopen(path, "rb");
    long len = -1;
    if (f && fseek(f, 0, SEEK_END) == 0) len = ftell(f);
    if (f && len > 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = nd_malloc((size_t)len, who)))
        n = fread(buf, 1, (size_t)len, f);
    if (f) fclose(f);
    if (!buf || n != (size_t)len) {
        nd_free_mem(buf);
        return nd_set_error(ND_EIO, "%s: cannot read back '%s'", who, path);
    }
    nd_status st;
    if (n < 33 || memcmp(buf + 12, "IHDR", 4)) {
        nd_free_mem(buf);
        return nd_set_error(ND_EIO, "%s: '%s' is not the PNG just written", who, path);
    }
    nd_file_writer *out = nd_file_writer_open(path, who);
    if (!out) {
        nd_free_mem(buf);
        return nd_last_error();
    }
    st = nd_file_writer_write(out, buf, 33); /* signature and IHDR */
    for (size_t i = 0; md[i] && st == ND_OK; i += 2) {
        size_t kl = strlen(md[i]), vl = strlen(md[i + 1]);
        unsigned char head[8], tail[4];
        uint32_t len = (uint32_t)(kl + 1 + vl);
        head[0] = (unsigned char)(len >> 24), head[1] = (unsigned char)(len >> 16);
        head[2] = (unsigned char)(len >> 8), head[3] = (unsigned char)len;
        memcpy(head + 4, "tEXt", 4);
        uLong crc = crc32(crc32(0, NULL, 0), head + 4, 4);
        crc = crc32(crc, (const Bytef *)md[i], (uInt)kl + 1); /* with its NUL separator */
        crc = crc32(crc, (const Bytef *)md[i + 1], (uInt)vl);
        tail[0] = (unsigned char)(crc >> 24), tail[1] = (unsigned char)(crc >> 16);
        tail[2] = (unsigned char)(crc >> 8), tail[3] = (unsigned char)crc;
        st = nd_file_writer_write(out, head, 8);
        if (!st) st = nd_file_writer_write(out, md[i], kl + 1);
        if (!st) st = nd_file_writer_write(out, md[i + 1], vl);
        if (!st) st = nd_file_writer_write(out, tail, 4);
    }
    if (!st) st = nd_file_writer_write(out, buf + 33, n - 33);
    nd_free_mem(buf);
    if (st) {
        nd_file_writer_abort(out);
        return st;
    }
    return nd_file_writer_commit(out);
}

typedef struct jpeg_err {
    struct jpeg_error_mgr mgr;
    jmp_buf jb;
    char msg[JMSG_LENGTH_MAX];
} jpeg_err;

static void jpeg_fail(j_common_ptr c)
{
    jpeg_err *e = (jpeg_err *)c->err;
    (*c->err->format_message)(c, e->msg);
    longjmp(e->jb, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
    (void)c;
    (void)level;
}

/* w × h RGB rows (3 bytes a pixel, tightly packed) as a baseline JPEG with a JFIF density of
 * dpi (matplotlib passes its dpi to Pillow), quality 1..100. */
nd_status nplot__write_jpeg(const unsigned char *rgb, int w, int h, int quality, double dpi,
                            const char *path, const char *who);
nd_status nplot__write_jpeg(const unsigned char *rgb, int w, int h, int quality, double dpi,
                            const char *path, const char *who)
{
    struct jpeg_compress_struct c;
    jpeg_err err;
    memset(&c, 0, sizeof c);
    c.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.emit_message = jpeg_quiet;
    unsigned char *volatile mem = NULL;
    unsigned long volatile nmem = 0;
    if (setjmp(err.jb)) {
        jpeg_destroy_compress(&c);
        free(mem); /* libjpeg's memory destination allocates with malloc */
        return nd_set_error(ND_EIO, "%s: JPEG encoding of '%s' failed: %s", who, path, err.msg);
    }
    jpeg_create_compress(&c);
    unsigned char *m = NULL;
    unsigned long nm = 0;
    jpeg_mem_dest(&c, &m, &nm);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    c.density_unit = 1; /* dots per inch */
    c.X_density = c.Y_density = (UINT16)lround(fmin(fmax(dpi, 1), 65535));
    c.write_JFIF_header = TRUE;
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = (JSAMPROW)(rgb + (size_t)c.next_scanline * (size_t)w * 3);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    mem = m;
    nmem = nm;
    jpeg_destroy_compress(&c);
    nd_file_writer *out = nd_file_writer_open(path, who);
    nd_status st = out ? nd_file_writer_write(out, mem, nmem) : nd_last_error();
    if (out) {
        if (st) nd_file_writer_abort(out);
        else st = nd_file_writer_commit(out);
    }
    free(mem);
    return st;
}

/* An ARGB32 (premultiplied) surface composited over an opaque color → packed RGB. */
static unsigned char *flatten_rgb(cairo_surface_t *s, rgba bg, const char *who)
{
    cairo_surface_flush(s);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
    unsigned char *rgb = nd_malloc((size_t)w * (size_t)h * 3 + 1, who);
    if (!rgb || !d) return rgb;
    double bc[3] = { bg.r * 255, bg.g * 255, bg.b * 255 };
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(d + (size_t)y * (size_t)stride);
        unsigned char *o = rgb + (size_t)y * (size_t)w * 3;
        for (int x = 0; x < w; x++) {
            uint32_t px = row[x];
            double a = (px >> 24) / 255.0;
            unsigned c[3] = { (px >> 16) & 255, (px >> 8) & 255, px & 255 };
            for (int k = 0; k < 3; k++) o[3 * x + k] = (unsigned char)lround(fmin(255, c[k] + (1 - a) * bc[k]));
        }
    }
    return rgb;
}

/* ---- savefig -------------------------------------------------------------------------------- */
static nd_status check_metadata(const char *const *md, int kind, const char *who)
{
    if (!md) return ND_OK;
    if (kind == F_JPEG || kind == F_SVG)
        return nd_set_error(ND_EVALUE, "%s: metadata is not supported for %s output (png, pdf, ps, eps)",
                            who, kind == F_JPEG ? "JPEG" : "SVG");
    for (size_t i = 0; md[i]; i += 2) {
        if (!md[i + 1]) return nd_set_error(ND_EVALUE, "%s: metadata key '%s' has no value", who, md[i]);
        size_t kl = strlen(md[i]);
        if (kl == 0 || kl > 79)
            return nd_set_error(ND_EVALUE, "%s: metadata key '%s' must have 1 to 79 characters", who, md[i]);
        if (kind == F_PS || kind == F_EPS)
            for (const char *p = md[i]; *p; p++)
                if (*p == ':' || *p == ' ' || *p == '\n')
                    return nd_set_error(ND_EVALUE, "%s: metadata key '%s' holds a space or ':'", who, md[i]);
        if (strchr(md[i + 1], '\n') && kind != F_PNG)
            return nd_set_error(ND_EVALUE, "%s: metadata value of '%s' holds a line break", who, md[i]);
    }
    return ND_OK;
}

static void pdf_metadata(cairo_surface_t *s, const char *const *md)
{
    static const struct { const char *k; cairo_pdf_metadata_t m; } known[] = {
        { "Title", CAIRO_PDF_METADATA_TITLE }, { "Author", CAIRO_PDF_METADATA_AUTHOR },
        { "Subject", CAIRO_PDF_METADATA_SUBJECT }, { "Keywords", CAIRO_PDF_METADATA_KEYWORDS },
        { "Creator", CAIRO_PDF_METADATA_CREATOR }, { "CreationDate", CAIRO_PDF_METADATA_CREATE_DATE },
        { "ModDate", CAIRO_PDF_METADATA_MOD_DATE },
    };
    /* no CreationDate: identical input gives identical files (as output.c) */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "numc plot");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    for (size_t i = 0; md && md[i]; i += 2) {
        size_t j = 0;
        while (j < sizeof known / sizeof *known && strcmp(known[j].k, md[i])) j++;
        if (j < sizeof known / sizeof *known) cairo_pdf_surface_set_metadata(s, known[j].m, md[i + 1]);
        else nd_warn("nplot_savefig: unknown PDF metadata key '%s' is left out (cairo writes the standard "
                     "keys only)", md[i]);
    }
}

/* The figure rendered at `scale` onto a w × h ARGB surface whose origin is the figure's
 * device point (dx, dy). A plain raster render when the box lies inside the figure (then
 * cropped: the pixels are those of the untrimmed PNG); else drawn with cairo's paths onto a
 * larger canvas. */
static cairo_surface_t *raster_box(nplot_figure *fig, nplot__save_render_fn render, double scale,
                                   bool transparent, const rgba *face,
                                   int dx, int dy, int w, int h, unsigned char **keep, nd_status *st,
                                   const char *who)
{
    int W = (int)lround(fig->width * 72 * scale), H = (int)lround(fig->height * 72 * scale);
    *keep = NULL;
    cairo_surface_t *out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(out)) {
        cairo_surface_destroy(out);
        *st = nd_set_error(ND_ENOMEM, "%s: cannot allocate a %dx%d image", who, w, h);
        return NULL;
    }
    if (dx >= 0 && dy >= 0 && dx + w <= W && dy + h <= H) {
        cairo_surface_t *full = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
        if (cairo_surface_status(full)) {
            cairo_surface_destroy(full);
            cairo_surface_destroy(out);
            *st = nd_set_error(ND_ENOMEM, "%s: cannot allocate a %dx%d image", who, W, H);
            return NULL;
        }
        *st = render(fig, full, true, scale, transparent, face);
        if (*st == ND_OK) {
            cairo_surface_flush(full);
            cairo_surface_flush(out);
            const unsigned char *src = cairo_image_surface_get_data(full);
            unsigned char *dst = cairo_image_surface_get_data(out);
            int ss = cairo_image_surface_get_stride(full), ds = cairo_image_surface_get_stride(out);
            for (int y = 0; y < h; y++)
                memcpy(dst + (size_t)y * ds, src + (size_t)(y + dy) * ss + (size_t)dx * 4, (size_t)w * 4);
            cairo_surface_mark_dirty(out);
        }
        cairo_surface_destroy(full);
    } else {
        /* our own pixels, so that finishing the surface (vector-style renders finish their
         * target) leaves them in place */
        cairo_surface_destroy(out);
        int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
        unsigned char *px = nd_calloc((size_t)stride * (size_t)h + 4, 1, who);
        if (!px) {
            *st = ND_ENOMEM;
            return NULL;
        }
        cairo_surface_t *s = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_ARGB32, w, h, stride);
        cairo_surface_set_device_offset(s, -dx, -dy);
        /* the background covers the whole canvas, beyond the figure too (not without the
         * figure's patch: set_frameon(False), set_visible(False)) */
        if (!transparent && !fig->frameoff && !fig->hidden) {
            cairo_t *cr = cairo_create(s);
            rgba f = face ? *face : fig->face;
            cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a);
            cairo_paint(cr);
            cairo_destroy(cr);
        }
        *st = render(fig, s, false, scale, transparent, face);
        cairo_surface_flush(s);
        out = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_ARGB32, w, h, stride);
        cairo_surface_destroy(s);
        *keep = px;
    }
    if (*st) {
        cairo_surface_destroy(out);
        nd_free_mem(*keep);
        *keep = NULL;
        return NULL;
    }
    return out;
}

nd_status nplot__savefig_more(nplot_figure *fig, const char *path, const char *fmt,
                              const nplot_save_opts *o, nplot__save_render_fn render, const char *who)
{
    int kind = format_kind(fmt);
    if (kind < 0)
        return nd_set_error(ND_EVALUE, "%s: unknown format '%s' for '%s' (png, svg, pdf, jpg, jpeg, ps, eps)",
                            who, fmt, path);
    double dpi = NPLOT_OPT(o->dpi, fig->style->savefig_dpi > 0 ? fig->style->savefig_dpi : fig->dpi);
    if (o->dpi < 0 || !isfinite(o->dpi) || fig->width * dpi > 32767 || fig->height * dpi > 32767)
        return nd_set_error(ND_EVALUE, "%s: dpi %g is out of range", who, o->dpi < 0 || !isfinite(o->dpi) ? o->dpi : dpi);
    rgba face = fig->style->savefig_face_set ? fig->style->savefig_face : fig->face;
    if (o->facecolor && nplot__color(o->facecolor, fig->style, &face, who)) return nd_last_error();
    bool tight = false;
    if (o->bbox_inches) {
        if (strcmp(o->bbox_inches, "tight"))
            return nd_set_error(ND_EVALUE, "%s: bbox_inches must be \"tight\" or NULL, got '%s'", who, o->bbox_inches);
        tight = true;
    }
    double pad = o->pad_inches == 0 ? 0.1 : o->pad_inches == NPLOT_ZERO ? 0 : o->pad_inches;
    if (!isfinite(pad) || pad < 0 || pad > 100)
        return nd_set_error(ND_EVALUE, "%s: pad_inches %g must be in [0, 100]", who, o->pad_inches);
    if (o->quality && (kind != F_JPEG || o->quality < 1 || o->quality > 100))
        return nd_set_error(ND_EVALUE, kind != F_JPEG ? "%s: quality applies to JPEG output only, got %d"
                                                      : "%s: JPEG quality %d must be in 1..100", who, o->quality);
    if (check_metadata(o->metadata, kind, who)) return nd_last_error();
    bool raster = kind == F_PNG || kind == F_JPEG;
    double scale = raster ? dpi / 72 : 1.0;
    /* the page or canvas in device units, and the figure's point at its origin */
    double x0 = 0, y0 = 0, bw = fig->width * 72 * scale, bh = fig->height * 72 * scale;
    if (tight) {
        bbox bb;
        nd_status st = nplot__tight_bbox(fig, scale, &bb);
        if (st) return st;
        double p = pad * 72 * scale;
        x0 = bb.x0 - p, y0 = bb.y0 - p, bw = bb.x1 - bb.x0 + 2 * p, bh = bb.y1 - bb.y0 + 2 * p;
        if (raster && (bw > 32767 || bh > 32767))
            return nd_set_error(ND_EVALUE, "%s: the tight box of %gx%g pixels is too large", who, bw, bh);
    }
    if (raster) {
        /* matplotlib: a canvas of int(width) x int(height), the box's top-left at the origin */
        int w = tight ? (int)bw : (int)lround(bw), h = tight ? (int)bh : (int)lround(bh);
        if (w < 1) w = 1;
        if (h < 1) h = 1;
        unsigned char *keep = NULL;
        nd_status st = ND_OK;
        /* JPEG has no alpha: a transparent figure is flattened on white (matplotlib) */
        cairo_surface_t *s = raster_box(fig, render, scale, o->transparent, &face, (int)lround(x0), (int)lround(y0), w, h,
                                        &keep, &st, who);
        if (!s) return st;
        if (kind == F_PNG) {
            st = nplot__write_png(s, path, who);
            if (!st && o->metadata && o->metadata[0]) st = png_add_text(path, o->metadata, who);
        } else {
            unsigned char *rgb = flatten_rgb(s, (rgba){ 1, 1, 1, 1 }, who);
            st = rgb ? nplot__write_jpeg(rgb, w, h, o->quality ? o->quality : 75, dpi, path, who) : ND_ENOMEM;
            nd_free_mem(rgb);
        }
        cairo_surface_destroy(s);
        nd_free_mem(keep);
        return st;
    }
    nd_file_writer *out = nd_file_writer_open(path, who);
    if (!out) return nd_last_error();
    cairo_surface_t *s;
    if (kind == F_SVG) {
        s = cairo_svg_surface_create_for_stream(write_stream, out, bw, bh);
        cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    } else if (kind == F_PDF) {
        s = cairo_pdf_surface_create_for_stream(write_stream, out, bw, bh);
        pdf_metadata(s, o->metadata);
    } else {
        s = cairo_ps_surface_create_for_stream(write_stream, out, bw, bh);
        cairo_ps_surface_restrict_to_level(s, CAIRO_PS_LEVEL_3);
        if (kind == F_EPS) cairo_ps_surface_set_eps(s, 1);
        char line[400];
        bool title = false;
        for (size_t i = 0; o->metadata && o->metadata[i]; i += 2) {
            snprintf(line, sizeof line, "%%%%%s: %s", o->metadata[i], o->metadata[i + 1]);
            title |= !strcmp(o->metadata[i], "Title");
            cairo_ps_surface_dsc_comment(s, line);
        }
        if (!title) { /* matplotlib titles a PS file with its name */
            const char *slash = strrchr(path, '/');
            snprintf(line, sizeof line, "%%%%Title: %s", slash ? slash + 1 : path);
            cairo_ps_surface_dsc_comment(s, line);
        }
    }
    cairo_surface_set_device_offset(s, -x0, -y0);
    nd_status st = render(fig, s, false, 1.0, o->transparent, &face);
    cairo_surface_finish(s);
    cairo_status_t cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st == ND_OK) st = nd_file_writer_write(out, NULL, 0);
    if (st == ND_OK && cs != CAIRO_STATUS_SUCCESS)
        st = nd_set_error(ND_EIO, "%s: writing '%s' failed: %s", who, path, cairo_status_to_string(cs));
    if (st != ND_OK) {
        nd_file_writer_abort(out);
        return st;
    }
    return nd_file_writer_commit(out);
}

/* fig.get_tightbbox(): tight_bbox at 72 points per inch, in inches from the bottom left */
nd_status nplot_figure_get_tightbbox(nplot_figure *fig, double box[4])
{
    static const char *who = "nplot_figure_get_tightbbox";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!box) return nd_set_error(ND_EVALUE, "%s: box is NULL", who);
    bbox bb;
    double scale = fig->dpi / 72; /* the figure's own pixels: text measured as savefig does */
    st = nplot__tight_bbox(fig, scale, &bb);
    if (st) return st;
    double px = fig->dpi;
    box[0] = bb.x0 / px, box[1] = fig->height - bb.y1 / px;
    box[2] = bb.x1 / px, box[3] = fig->height - bb.y0 / px;
    return ND_OK;
}

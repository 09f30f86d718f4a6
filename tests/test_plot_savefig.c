/* savefig's options and formats of issue 20 (plot/savefig_more.c, plot/imsave.c):
 * bbox_inches='tight' sizes against matplotlib 3.6 (scripts/mpl_savefig_reference.py),
 * JPEG (SOI/EOI, decodes with libjpeg to the figure's colors), EPS/PS (%%BoundingBox),
 * PNG tEXt metadata, PNG rows longer than deflate's 32 KiB window, failed writes leaving the old file, imsave's pixels against
 * matplotlib's imsave, and bad input. */
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

#include "plot_image.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/savefig"

static const double X4[] = { 0, 1, 2, 3 }, Y4[] = { 1, 3, 2, 4 };

/* the figures of scripts/mpl_savefig_reference.py */
static nplot_figure *fig_a(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, X4, Y4, 4, .label = "line");
    nplot_set_title(ax, "Title");
    nplot_set_xlabel(ax, "x label");
    nplot_set_ylabel(ax, "y label");
    return fig;
}

static nplot_figure *fig_b(void)
{
    static const double x[] = { 0, 1, 2 }, y[] = { 0, 1, 4 };
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, x, y, 3, .label = "quadratic growth");
    nplot_legend(ax, .loc = "upper left", .bbox_to_anchor = NPLOT_F64S(1.02, 1));
    return fig;
}

static nplot_figure *fig_c(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 5, .dpi = 100);
    nplot_axes *axs[4];
    nplot_subplots(fig, 2, 2, axs);
    for (int i = 0; i < 4; i++) {
        double x[10], y[10];
        for (int k = 0; k < 10; k++) x[k] = k, y[k] = pow(k, i + 1);
        nplot_plot_xy(axs[i], x, y, 10);
        char t[32];
        snprintf(t, sizeof t, "panel %d", i);
        nplot_set_title(axs[i], t);
    }
    nplot_tight_layout(fig);
    return fig;
}

static bool png_size(const char *path, int *w, int *h)
{
    nd_array *a = nplot_imread(path);
    if (!a) return false;
    *h = (int)nd_shape(a)[0];
    *w = (int)nd_shape(a)[1];
    nd_free(a);
    return true;
}

static void test_tight_bbox_sizes(void)
{
    /* matplotlib 3.6: savefig(bbox_inches='tight') canvases (mpl_savefig_reference.py) */
    static const int want[3][2] = { { 536, 391 }, { 623, 351 }, { 590, 490 } };
    nplot_figure *(*make[3])(void) = { fig_a, fig_b, fig_c };
    for (int i = 0; i < 3; i++) {
        nplot_figure *fig = make[i]();
        char path[64];
        snprintf(path, sizeof path, "savefig_tight_%c.png", 'a' + i);
        CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path, .bbox_inches = "tight"), ND_OK);
        int w = 0, h = 0;
        CU_ASSERT_FATAL(png_size(path, &w, &h));
        /* heights: numc's text boxes are pango's logical extents, about 3 px taller at
         * 12 pt than Agg's (ink of "lp"); figure a has a title and an x label at the top and
         * bottom edges of its box, so it comes out 8 px taller than matplotlib's */
        int htol = i == 0 ? 9 : 4;
        if (abs(w - want[i][0]) > 4 || abs(h - want[i][1]) > htol)
            fprintf(stderr, "tight %c: %dx%d, matplotlib %dx%d\n", 'a' + i, w, h, want[i][0], want[i][1]);
        CU_ASSERT(abs(w - want[i][0]) <= 4);
        CU_ASSERT(abs(h - want[i][1]) <= htol);
        /* no padding: smaller by 2 * 0.1 in * 100 dpi = 20 px each way */
        CU_ASSERT_EQUAL(nplot_savefig(fig, path, .bbox_inches = "tight", .pad_inches = NPLOT_ZERO), ND_OK);
        int w0 = 0, h0 = 0;
        CU_ASSERT(png_size(path, &w0, &h0));
        CU_ASSERT(abs(w - w0 - 20) <= 1 && abs(h - h0 - 20) <= 1);
        /* a vector page of the same box in points */
        snprintf(path, sizeof path, "savefig_tight_%c.eps", 'a' + i);
        CU_ASSERT_EQUAL(nplot_savefig(fig, path, .bbox_inches = "tight"), ND_OK);
        size_t n;
        char *s = read_file(path, &n);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        const char *b = strstr(s, "%%BoundingBox:");
        int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
        CU_ASSERT_FATAL(b && sscanf(b, "%%%%BoundingBox: %d %d %d %d", &bx0, &by0, &bx1, &by1) == 4);
        /* points = pixels * 72 / 100 */
        CU_ASSERT(abs(bx1 - bx0 - (int)lround(w * 0.72)) <= 2);
        CU_ASSERT(abs(by1 - by0 - (int)lround(h * 0.72)) <= 2);
        free(s);
        remove(path);
        snprintf(path, sizeof path, "savefig_tight_%c.png", 'a' + i);
        remove(path);
        nplot_figure_free(fig);
    }
}

/* the legend beyond the right edge stays in the tight image: its frame's right end */
static void test_tight_keeps_spilled_legend(void)
{
    nplot_figure *fig = fig_b();
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, "savefig_spill.png", .bbox_inches = "tight"), ND_OK);
    nd_array *a = nplot_imread("savefig_spill.png");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    int h = (int)nd_shape(a)[0], w = (int)nd_shape(a)[1];
    const unsigned char *px = nd_data(a);
    /* some non-white pixel (the legend text / frame) in the last 110 columns before the pad */
    int dark = 0;
    for (int y = 0; y < h; y++)
        for (int x = w - 120; x < w - 10; x++) {
            const unsigned char *p = px + ((size_t)y * w + x) * 4;
            dark += p[0] < 128 && p[1] < 128 && p[2] < 128;
        }
    CU_ASSERT(dark > 50);
    /* the pad is background */
    const unsigned char *p = px + ((size_t)(h / 2) * w + (w - 2)) * 4;
    CU_ASSERT(p[0] == 255 && p[1] == 255 && p[2] == 255);
    nd_free(a);
    remove("savefig_spill.png");
    nplot_figure_free(fig);
}

typedef struct jerr {
    struct jpeg_error_mgr m;
    jmp_buf jb;
} jerr;
static void jerr_exit(j_common_ptr c) { longjmp(((jerr *)c->err)->jb, 1); }

/* decode a JPEG file into RGB (malloc'd), NULL when libjpeg rejects it */
static unsigned char *jpeg_decode(const char *path, int *w, int *h)
{
    size_t n;
    char *buf = read_file(path, &n);
    if (!buf) return NULL;
    struct jpeg_decompress_struct d;
    jerr e;
    d.err = jpeg_std_error(&e.m);
    e.m.error_exit = jerr_exit;
    unsigned char *volatile rgb = NULL;
    if (setjmp(e.jb)) {
        jpeg_destroy_decompress(&d);
        free(buf);
        free(rgb);
        return NULL;
    }
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, (unsigned char *)buf, (unsigned long)n);
    jpeg_read_header(&d, TRUE);
    d.out_color_space = JCS_RGB;
    jpeg_start_decompress(&d);
    *w = (int)d.output_width, *h = (int)d.output_height;
    rgb = malloc((size_t)*w * *h * 3);
    while (d.output_scanline < d.output_height) {
        JSAMPROW row = rgb + (size_t)d.output_scanline * *w * 3;
        jpeg_read_scanlines(&d, &row, 1);
    }
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    free(buf);
    return rgb;
}

static void test_jpeg(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_facecolor(ax, "#ff0000");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, "savefig_out.jpg"), ND_OK);
    size_t n;
    unsigned char *s = (unsigned char *)read_file("savefig_out.jpg", &n);
    CU_ASSERT_FATAL(s && n > 4);
    CU_ASSERT(s[0] == 0xFF && s[1] == 0xD8);          /* SOI */
    CU_ASSERT(s[n - 2] == 0xFF && s[n - 1] == 0xD9);  /* EOI */
    free(s);
    int w, h;
    unsigned char *rgb = jpeg_decode("savefig_out.jpg", &w, &h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rgb);
    CU_ASSERT(w == 300 && h == 200);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    const unsigned char *mid = rgb + ((size_t)((y0 + y1) / 2) * w + (size_t)((x0 + x1) / 2)) * 3;
    CU_ASSERT(mid[0] > 240 && mid[1] < 15 && mid[2] < 15);
    const unsigned char *corner = rgb + (2 * (size_t)w + 2) * 3;
    CU_ASSERT(corner[0] > 245 && corner[1] > 245 && corner[2] > 245);
    free(rgb);
    /* quality: a smaller file at 10 than at 95 */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_q10.jpeg", .quality = 10), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_q95.jpeg", .quality = 95), ND_OK);
    size_t n10, n95;
    char *a = read_file("savefig_q10.jpeg", &n10), *b = read_file("savefig_q95.jpeg", &n95);
    CU_ASSERT(a && b && n10 < n95);
    free(a);
    free(b);
    /* transparent: flattened on white, the axes too */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_out.jpg", .transparent = true), ND_OK);
    rgb = jpeg_decode("savefig_out.jpg", &w, &h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rgb);
    mid = rgb + ((size_t)((y0 + y1) / 2) * w + (size_t)((x0 + x1) / 2)) * 3;
    CU_ASSERT(mid[0] > 245 && mid[1] > 245 && mid[2] > 245);
    free(rgb);
    remove("savefig_out.jpg");
    remove("savefig_q10.jpeg");
    remove("savefig_q95.jpeg");
    nplot_figure_free(fig);
}

static void test_ps_eps(void)
{
    nplot_figure *fig = fig_a();
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, "savefig_out.eps"), ND_OK);
    size_t n;
    char *s = read_file("savefig_out.eps", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT(strncmp(s, "%!PS-Adobe-3.0 EPSF-3.0", 23) == 0);
    int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
    const char *b = strstr(s, "%%BoundingBox:");
    CU_ASSERT_FATAL(b && sscanf(b, "%%%%BoundingBox: %d %d %d %d", &bx0, &by0, &bx1, &by1) == 4);
    /* the whole 6 x 4 in page: 432 x 288 points */
    CU_ASSERT(bx0 == 0 && by0 == 0 && bx1 == 432 && by1 == 288);
    CU_ASSERT(strstr(s, "%%Title: savefig_out.eps") != NULL);
    CU_ASSERT(strstr(s, "%%EOF") != NULL);
    free(s);
    static const char *const md[] = { "Title", "A test", "Creator", "numc tests", NULL };
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_out.ps", .metadata = md), ND_OK);
    s = read_file("savefig_out.ps", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT(strncmp(s, "%!PS-Adobe-3.0\n", 15) == 0);
    CU_ASSERT(strstr(s, "%%Title: A test") != NULL);
    CU_ASSERT(strstr(s, "%%DocumentMedia: 432x288") != NULL || strstr(s, "%%BoundingBox: 0 0 432 288") != NULL);
    free(s);
    remove("savefig_out.eps");
    remove("savefig_out.ps");
    nplot_figure_free(fig);
}

static void test_png_metadata_and_pdf(void)
{
    nplot_figure *fig = fig_a();
    static const char *const md[] = { "Title", "Ramp", "Author", "numc", NULL };
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, "savefig_md.png", .metadata = md), ND_OK);
    size_t n;
    char *s = read_file("savefig_md.png", &n);
    CU_ASSERT_FATAL(s && n > 60);
    /* tEXt chunks right behind IHDR: length 10 = "Title\0Ramp" */
    CU_ASSERT(memcmp(s + 33, "\0\0\0\x0atEXtTitle\0Ramp", 18) == 0);
    bool author = false;
    for (size_t i = 0; i + 15 <= n; i++) author |= memcmp(s + i, "tEXtAuthor\0numc", 15) == 0;
    CU_ASSERT(author);
    free(s);
    /* the image is the same as without metadata */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_nomd.png"), ND_OK);
    CU_ASSERT(image_rms("savefig_nomd.png", "savefig_md.png") == 0);
    static const char *const pmd[] = { "Title", "Ramp title", NULL };
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_md.pdf", .metadata = pmd), ND_OK);
    s = read_file("savefig_md.pdf", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    bool title = false;
    for (size_t i = 0; i + 19 <= n; i++) title |= memcmp(s + i, "/Title (Ramp title)", 19) == 0;
    CU_ASSERT(title);
    free(s);
    remove("savefig_md.png");
    remove("savefig_nomd.png");
    remove("savefig_md.pdf");
    nplot_figure_free(fig);
}

static void test_failed_write_keeps_file(void)
{
    nplot_figure *fig = fig_a();
    FILE *f = fopen("savefig_keep.jpg", "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("old", f);
    fclose(f);
    /* a bad option fails before anything is written */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "savefig_keep.jpg", .quality = 101), ND_EVALUE);
    size_t n;
    char *s = read_file("savefig_keep.jpg", &n);
    CU_ASSERT(s && n == 3 && !memcmp(s, "old", 3));
    free(s);
    remove("savefig_keep.jpg");
    /* a directory that does not exist: ND_EIO naming the path, for every new format */
    const char *paths[] = { "no_such_dir/x.jpg", "no_such_dir/x.eps", "no_such_dir/x.ps" };
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(nplot_savefig(fig, paths[i]), ND_EIO);
        CU_ASSERT(strstr(nd_errmsg(), "no_such_dir") != NULL);
    }
    CU_ASSERT_EQUAL(nplot_savefig(fig, "no_such_dir/x.png", .bbox_inches = "tight"), ND_EIO);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = fig_a();
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.tiff"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "jpg") != NULL);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.png", .bbox_inches = "loose"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.png", .bbox_inches = "tight", .pad_inches = -1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.png", .quality = 50), ND_EVALUE);
    static const char *const md[] = { "Title", "t", NULL };
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.jpg", .metadata = md), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.svg", .metadata = md), ND_EVALUE);
    static const char *const nokey[] = { "", "t", NULL };
    CU_ASSERT_EQUAL(nplot_savefig(fig, "x.png", .metadata = nokey), ND_EVALUE);
    /* the figure stays usable */
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

/* imsave: a 6 x 8 ramp with a NaN through plasma, vmin -0.5, vmax 1.5, origin lower: every
 * pixel equals matplotlib's imsave of the same array */
static void test_imsave_matches_matplotlib(void)
{
    double z[48];
    for (int i = 0; i < 48; i++) z[i] = i / 47.0 * 3 - 1;
    z[2 * 8 + 3] = NAN;
    nd_array *a = nd_from_buffer(z, 2, (ptrdiff_t[]){ 6, 8 }, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL_FATAL(nplot_imsave("imsave_out.png", a, .cmap = "plasma", .vmin = -0.5, .vmax = 1.5,
                                       .origin = "lower"), ND_OK);
    nd_array *ours = nplot_imread("imsave_out.png"), *ref = nplot_imread(REF "/imsave_ref.png");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ours);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
    CU_ASSERT_EQUAL_FATAL(nd_shape(ours)[0], 6);
    CU_ASSERT_EQUAL_FATAL(nd_shape(ours)[1], 8);
    CU_ASSERT_EQUAL_FATAL(nd_shape(ref)[0], 6);
    const unsigned char *p = nd_data(ours), *q = nd_data(ref);
    /* numc's colormap tables hold matplotlib's colors rounded to bytes, matplotlib
     * truncates its floats: a channel is equal or one more, never otherwise */
    int diff = 0, equal = 0;
    for (int i = 0; i < 6 * 8 * 4; i++) {
        diff += !(p[i] == q[i] || p[i] == q[i] + 1);
        equal += p[i] == q[i];
    }
    CU_ASSERT_EQUAL(diff, 0);
    CU_ASSERT(equal > 6 * 8 * 4 / 2);
    if (diff) remove("imsave_out.png");
    /* the NaN cell (row 2 from the bottom) is transparent */
    CU_ASSERT_EQUAL(p[((6 - 1 - 2) * 8 + 3) * 4 + 3], 0);
    /* JPEG of the same, opaque on white */
    CU_ASSERT_EQUAL(nplot_imsave("imsave_out.jpg", a, .cmap = "plasma", .quality = 95), ND_OK);
    int w, h;
    unsigned char *rgb = jpeg_decode("imsave_out.jpg", &w, &h);
    CU_ASSERT(rgb && w == 8 && h == 6);
    free(rgb);
    /* bad input */
    CU_ASSERT_EQUAL(nplot_imsave("x.png", a, .origin = "middle"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_imsave("x.gif", a), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_imsave("x.png", a, .cmap = "nope"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_imsave("x.png", a, .vmin = 2, .vmax = 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_imsave("x.png", NULL), ND_EVALUE);
    nd_array *v = nd_from_buffer(z, 1, (ptrdiff_t[]){ 48 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_imsave("x.png", v), ND_ESHAPE);
    nd_free(v);
    /* RGB floats outside 0..1 */
    nd_array *c = nd_from_buffer(z, 3, (ptrdiff_t[]){ 4, 4, 3 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_imsave("x.png", c), ND_EVALUE);
    nd_free(c);
    nd_free(ours);
    nd_free(ref);
    nd_free(a);
    remove("imsave_out.png");
    remove("imsave_out.jpg");
}

/* PNG rows longer than deflate's window (12,000 px: 36,001 bytes a row, so no match
 * reaches the row above): read back, the pixels are the rendered ones, opaque and
 * transparent; and a picture whose rows repeat (flat bands) round-trips too. */
static void test_png_long_rows(void)
{
    for (int wide = 0; wide < 2; wide++) {
        nplot_figure *fig = nplot_figure_new(.width = wide ? 120 : 4, .height = 0.4, .dpi = 100);
        nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
        double x[50], y[50];
        for (int i = 0; i < 50; i++) x[i] = i, y[i] = sin(i * 0.7);
        CU_ASSERT_EQUAL(nplot_fill_between_xy(ax, x, y, NULL, 50, .y2 = -1, .alpha = 0.5), ND_OK);
        CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, y, 50, .color = "k"), ND_OK);
        nd_array *want = nplot_figure_to_array(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(want);
        for (int t = 0; t < 2; t++) {
            const char *path = "savefig_test_long_rows.png";
            CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, path, .transparent = t == 1), ND_OK);
            nd_array *got = nplot_imread(path);
            CU_ASSERT_PTR_NOT_NULL_FATAL(got);
            CU_ASSERT_EQUAL(nd_shape(got)[1], wide ? 12000 : 400);
            if (t == 0 && nd_size(got) == nd_size(want) && nd_dtype_of(got) == ND_UINT8)
                CU_ASSERT_EQUAL(memcmp(nd_data(got), nd_data(want), (size_t)nd_size(want)), 0);
            if (t == 1) {
                const unsigned char *g = nd_data(got);
                size_t clear = 0;
                for (ptrdiff_t i = 3; i < nd_size(got); i += 4) clear += g[i] == 0;
                CU_ASSERT(clear > 0 && clear < (size_t)nd_size(got) / 4);
            }
            nd_free(got);
            remove(path);
        }
        nd_free(want);
        nplot_figure_free(fig);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_tight_bbox_sizes),
    ND_T(test_tight_keeps_spilled_legend),
    ND_T(test_jpeg),
    ND_T(test_ps_eps),
    ND_T(test_png_metadata_and_pdf),
    ND_T(test_png_long_rows),
    ND_T(test_failed_write_keeps_file),
    ND_T(test_bad_input),
    ND_T(test_imsave_matches_matplotlib),
    { 0 },
};

ND_TEST_MAIN("plot_savefig", tests)

/* Image-test helpers shared by the plot and nplot suites: render a figure to RGBA, read
 * pixels by device or data position, compare colors, read output files, compare with a
 * reviewed reference PNG by RMS, and the golden-image regeneration switch.
 * Header-only (static inline): each suite uses what it needs. */
#ifndef NUMC_TESTS_PLOT_IMAGE_H
#define NUMC_TESTS_PLOT_IMAGE_H

#include <numc/plot.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A rendered figure: w x h RGBA pixels, rows top to bottom. px is NULL when rendering
 * failed; free it with free(). */
typedef struct img {
    unsigned char *px;
    int w, h;
} img;

static inline img render(nplot_figure *fig)
{
    img m = { 0 };
    nplot_figure_pixel_size(fig, &m.w, &m.h);
    m.px = malloc((size_t)m.w * m.h * 4);
    if (m.px && nplot_figure_render_rgba(fig, m.px, m.w, m.h, m.w * 4) != ND_OK) {
        free(m.px);
        m.px = NULL;
    }
    return m;
}

/* The pixel at device position (x, y), clamped to the image. */
static inline const unsigned char *at(const img *m, double x, double y)
{
    int ix = (int)x, iy = (int)y;
    ix = ix < 0 ? 0 : ix >= m->w ? m->w - 1 : ix;
    iy = iy < 0 ? 0 : iy >= m->h ? m->h - 1 : iy;
    return m->px + ((size_t)iy * m->w + ix) * 4;
}

/* Each channel of p within tol of (r, g, b). */
static inline bool near(const unsigned char *p, int r, int g, int b, int tol)
{
    return abs(p[0] - r) <= tol && abs(p[1] - g) <= tol && abs(p[2] - b) <= tol;
}

/* The same with the color packed as 0xRRGGBB. */
static inline bool near_rgb(const unsigned char *p, unsigned rgb, int tol)
{
    return near(p, (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, tol);
}

/* The pixel where the data point (x, y) of ax lands. */
static inline const unsigned char *at_data(const img *m, nplot_axes *ax, double x, double y)
{
    double px, py;
    nplot_data_to_pixel(ax, x, y, &px, &py);
    return at(m, px, py);
}

/* A bare axes filling most of the figure, no ticks, fixed limits. */
static inline nplot_axes *bare_axes(nplot_figure *fig, double x0, double x1, double y0,
                                    double y1)
{
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    nplot_set_xlim(ax, x0, x1);
    nplot_set_ylim(ax, y0, y1);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    return ax;
}

/* The whole file, NUL-terminated (binary safe: *len gets its size); NULL when it cannot be
 * read. Free with free(). */
static inline char *read_file(const char *path, size_t *len)
{
    if (len) *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    if (b) b[n] = '\0';
    fclose(f);
    if (len && b) *len = (size_t)n;
    return b;
}

static inline int count_substr(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

/* RMS difference (0-255 scale, matplotlib's compare_images) between a reviewed reference
 * PNG and an output PNG; asserts the comparison ran and returns -1 when it did not. */
static inline double image_rms(const char *ref, const char *out)
{
    double rms = -1;
    CU_ASSERT_EQUAL(nplot_compare_images(ref, out, &rms), ND_OK);
    return rms;
}

/* Golden images: with NPLOT_REGEN set in the environment a test writes its output over
 * the reference in golden_dir (after a reviewed change) instead of into scratch_dir.
 * Puts the output path of `name`.png into out and returns whether this is a regeneration. */
static inline bool golden_output(char *out, size_t cap, const char *golden_dir,
                                 const char *scratch_dir, const char *name)
{
    bool regen = getenv("NPLOT_REGEN") != NULL;
    snprintf(out, cap, "%s/%s.png", regen ? golden_dir : scratch_dir, name);
    return regen;
}

/* Save fig as `name`.png and compare it with golden_dir's reviewed reference: RMS <= tol
 * (printed when not; the output is kept in the working directory for a look). Under
 * NPLOT_REGEN it writes the reference instead. fig is not freed. */
static inline void golden_compare(nplot_figure *fig, const char *golden_dir, const char *name,
                                  double tol)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256], ref[256];
    bool regen = golden_output(out, sizeof out, golden_dir, ".", name);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    if (regen) return;
    snprintf(ref, sizeof ref, "%s/%s.png", golden_dir, name);
    double rms = image_rms(ref, out);
    if (!(rms >= 0 && rms <= tol)) fprintf(stderr, "golden %s: RMS %g\n", name, rms);
    CU_ASSERT(rms >= 0 && rms <= tol);
    if (rms >= 0 && rms <= tol) remove(out);
}

#endif

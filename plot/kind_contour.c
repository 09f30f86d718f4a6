/* contour / contourf (2-D and 3-D), clabel, and the colorbar of a contour set.
 *
 * A contour set is the run of artists one call creates, numbered per axes (artist.cset):
 * one ART_LINE per level (contour) or one ART_PATCHES per band (contourf), each a mappable
 * with the set's cmap and limits, so nplot_colorbar finds it like an image. A 2-D set
 * also gets an ART_CONTOUR artist, its painter: for lines it strokes the levels' lines
 * simplified in device space (a 1000 x 1000 grid gives lines of sub-pixel segments), and
 * the labels clabel asks for, placed at draw time when the pixel geometry is known, with
 * the lines broken under them; for bands it fills them, in stripes of rows on several
 * threads when they are big. */
#include "plot_render.h"
#include "workers.h"

#include <math.h>
#include <numc/threads.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the grid ------------------------------------------------------------------------- */
typedef struct cgrid_buf {
    nplot__cgrid g;
    double *z, *x, *y;
    bool *mask;
    double zmin, zmax;       /* over the unmasked finite values; zmin > zmax when none */
    double xmin, xmax, ymin, ymax;
} cgrid_buf;

static void grid_free(cgrid_buf *b)
{
    nd_free_mem(b->z);
    nd_free_mem(b->x);
    nd_free_mem(b->y);
    nd_free_mem(b->mask);
}

/* Coordinates from origin / extent when X and Y are not given (matplotlib's
 * _initialize_x_y): indices, linspace over the extent, or imshow's pixel centres. */
static nd_status implicit_xy(nplot_figure *fig, const nplot_contour_opts *o, cgrid_buf *b,
                             const char *who)
{
    size_t ny = b->g.ny, nx = b->g.nx;
    int origin = 0; /* 0 none, 1 lower, 2 upper */
    if (o->origin) {
        if (!strcmp(o->origin, "lower")) origin = 1;
        else if (!strcmp(o->origin, "upper") || !strcmp(o->origin, "image")) origin = 2;
        else
            return nplot__fail(fig, ND_EVALUE, "%s: origin must be 'lower', 'upper' or 'image', got '%s'",
                               who, o->origin);
    }
    if (NPLOT__CHECK_LEN(fig, who, "extent", o->extent, 4, "it takes")) return fig->status;
    const double *e = o->extent.v;
    if (e && !isfinite(e[0] + e[1] + e[2] + e[3]))
        return nplot__fail(fig, ND_EVALUE, "%s: extent values must be finite", who);
    if (!origin && !e) return ND_OK; /* indices: the algorithm's default */
    b->x = nd_malloc(sizeof(double) * nx, who);
    b->y = nd_malloc(sizeof(double) * ny, who);
    if (!b->x || !b->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double x0 = e ? e[0] : 0, x1 = e ? e[1] : (double)nx, y0 = e ? e[2] : 0, y1 = e ? e[3] : (double)ny;
    for (size_t j = 0; j < nx; j++)
        b->x[j] = origin ? x0 + (j + 0.5) * (x1 - x0) / nx : x0 + (x1 - x0) * j / (nx - 1);
    for (size_t i = 0; i < ny; i++) {
        size_t r = origin == 2 ? ny - 1 - i : i;
        b->y[i] = origin ? y0 + (r + 0.5) * (y1 - y0) / ny : y0 + (y1 - y0) * i / (ny - 1);
    }
    b->g.x = b->x;
    b->g.y = b->y;
    return ND_OK;
}

static nd_status coord_of(nplot_figure *fig, const nd_array *a, size_t want1, size_t ny, size_t nx,
                          double **out, bool *two_d, const char *name, const char *dimname,
                          const char *who)
{
    size_t n = 0;
    nd_status st = nplot__to_f64(fig, a, out, &n, name, who);
    if (st) return st;
    int nd = nd_ndim(a);
    if (nd == 1 && n == want1) {
        *two_d = false;
        return ND_OK;
    }
    if (nd == 2 && (size_t)nd_shape(a)[0] == ny && (size_t)nd_shape(a)[1] == nx) {
        *two_d = true;
        return ND_OK;
    }
    if (nd == 1)
        return nplot__fail(fig, ND_ESHAPE, "%s: length of %s (%zu) must match the number of %s in Z (%zu)",
                           who, name, n, dimname, want1);
    if (nd == 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: shapes of %s (%td, %td) and Z (%zu, %zu) do not match",
                           who, name, nd_shape(a)[0], nd_shape(a)[1], ny, nx);
    return nplot__fail(fig, ND_ESHAPE, "%s: %s must be 1-D or 2-D, got %d dimensions", who, name, nd);
}

/* The finite range of n values (plain comparisons: fmin / fmax are calls), or of the
 * indices 0..nidx-1 when v is NULL. */
static void range_of(const double *v, size_t n, size_t nidx, double *lo, double *hi)
{
    *lo = INFINITY, *hi = -INFINITY;
    if (!v) {
        *lo = 0, *hi = (double)nidx - 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (x < *lo && x > -INFINITY) *lo = x;
        if (x > *hi && x < INFINITY) *hi = x;
    }
}

/* The range of the unmasked finite z (and of the coordinates where a 3-D rotation made
 * them values); zmin > zmax when there are none. A million points are read in two halves
 * at once. */
typedef struct zrange_job {
    const double *z;
    const bool *mask;
    size_t v0, v1;
    double lo, hi;
} zrange_job;

static void zrange_part(void *p, int part)
{
    zrange_job *j = (zrange_job *)p + part;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t v = j->v0; v < j->v1; v++) {
        double z = j->z[v];
        if (j->mask && j->mask[v]) continue;
        if (z < lo && z > -INFINITY) lo = z;
        if (z > hi && z < INFINITY) hi = z;
    }
    j->lo = lo, j->hi = hi;
}

static void z_range(cgrid_buf *b)
{
    size_t n = b->g.ny * b->g.nx;
    zrange_job j[2] = { { b->g.z, b->mask, 0, n / 2, 0, 0 }, { b->g.z, b->mask, n / 2, n, 0, 0 } };
    if (n >= ((size_t)1 << 18)) nplot__parallel(2, zrange_part, j);
    else zrange_part(j, 0), zrange_part(j, 1);
    b->zmin = j[0].lo < j[1].lo ? j[0].lo : j[1].lo;
    b->zmax = j[0].hi > j[1].hi ? j[0].hi : j[1].hi;
}

static nd_status grid_read(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                           const nplot_contour_opts *o, cgrid_buf *b, const char *who)
{
    nplot_figure *fig = ax->fig;
    memset(b, 0, sizeof *b);
    if (!Z) return nplot__fail(fig, ND_EVALUE, "%s: Z is NULL", who);
    if (!X != !Y) return nplot__fail(fig, ND_EVALUE, "%s: give both X and Y or neither", who);
    if (nd_ndim(Z) != 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: Z must be 2-D, got %d dimensions", who, nd_ndim(Z));
    size_t ny = (size_t)nd_shape(Z)[0], nx = (size_t)nd_shape(Z)[1], n = 0;
    if (ny < 2 || nx < 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: Z must be at least (2, 2), got (%zu, %zu)", who, ny, nx);
    if (ny * nx > UINT32_MAX)
        return nplot__fail(fig, ND_ESHAPE, "%s: Z of (%zu, %zu) is too large", who, ny, nx);
    b->g.ny = ny;
    b->g.nx = nx;
    b->g.corner_mask = o->corner_mask != NPLOT_OFF;
    nd_status st = ND_OK;
    if (nd_dtype_of(Z) == ND_FLOAT64 && nd_is_c_contiguous(Z)) {
        b->g.z = nd_data(Z); /* read in place: a million points need no copy */
    } else {
        if ((st = nplot__to_f64(fig, Z, &b->z, &n, "Z", who))) return st;
        b->g.z = b->z;
    }
    if (o->mask) {
        double *m = NULL;
        if ((st = nplot__to_f64(fig, o->mask, &m, &n, "mask", who))) return st;
        if (nd_ndim(o->mask) != 2 || (size_t)nd_shape(o->mask)[0] != ny || (size_t)nd_shape(o->mask)[1] != nx) {
            nd_free_mem(m);
            return nplot__fail(fig, ND_ESHAPE, "%s: mask must have Z's shape (%zu, %zu)", who, ny, nx);
        }
        b->mask = nd_malloc(n, who);
        if (!b->mask) {
            nd_free_mem(m);
            return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        }
        for (size_t i = 0; i < n; i++) b->mask[i] = m[i] != 0;
        nd_free_mem(m);
        b->g.mask = b->mask;
    }
    if (X) {
        if ((st = coord_of(fig, X, nx, ny, nx, &b->x, &b->g.x2d, "X", "columns", who)) ||
            (st = coord_of(fig, Y, ny, ny, nx, &b->y, &b->g.y2d, "Y", "rows", who)))
            return st;
        b->g.x = b->x;
        b->g.y = b->y;
    } else if ((st = implicit_xy(fig, o, b, who))) {
        return st;
    }
    range_of(b->g.x, b->g.x ? (b->g.x2d ? ny * nx : nx) : 0, nx, &b->xmin, &b->xmax);
    range_of(b->g.y, b->g.y ? (b->g.y2d ? ny * nx : ny) : 0, ny, &b->ymin, &b->ymax);
    z_range(b);
    return ND_OK;
}

/* matplotlib's _contour_args under a LogNorm: the values <= 0 are masked ("Log scale:
 * values of z <= 0 have been masked"), and the range is that of the rest. */
static nd_status mask_nonpositive(nplot_figure *fig, cgrid_buf *b, const char *who)
{
    size_t n = b->g.ny * b->g.nx;
    if (!b->mask) {
        if (!(b->mask = nd_calloc(n, 1, who))) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        b->g.mask = b->mask;
    }
    for (size_t v = 0; v < n; v++) b->mask[v] = b->mask[v] || b->g.z[v] <= 0;
    z_range(b);
    return ND_OK;
}

/* ---- levels ----------------------------------------------------------------------------- */
enum { EXT_NEITHER = 0, EXT_MIN = 1, EXT_MAX = 2, EXT_BOTH = 3 };

/* matplotlib's ContourSet._autolev: MaxNLocator(N + 1) over the data range (LogLocator()
 * when the set is in log scale), trimmed to one level outside it on each side (none where
 * the set extends). *out is nd_malloc'd. */
static int autolev(double zmin, double zmax, int n, int extend, bool logscale, double **out,
                   const char *who)
{
    double buf[256];
    int m = logscale ? nplot_log_ticks(zmin, zmax, 10, 9, false, buf, 256)
                     : nplot__contour_levels(zmin, zmax, n + 1, buf, 256);
    if (m < 0) return m;
    if (m > 256) m = 256;
    int i0 = 0, i1 = m;
    for (int i = 0; i < m; i++)
        if (buf[i] < zmin) i0 = i;
    for (int i = m - 1; i >= 0; i--)
        if (buf[i] > zmax) i1 = i + 1;
    if (extend & EXT_MIN) i0++;
    if (extend & EXT_MAX) i1--;
    if (i1 - i0 < 3) i0 = 0, i1 = m;
    *out = nd_malloc(sizeof(double) * (size_t)(i1 - i0), who);
    if (!*out) return ND_ENOMEM;
    memcpy(*out, buf + i0, sizeof(double) * (size_t)(i1 - i0));
    return i1 - i0;
}

/* ---- colors and styles ------------------------------------------------------------------ */
typedef struct cset_style {
    mappable map;
    rgba *colors;             /* per item (level or band), NULL → from the map */
    double alpha;
    bool monochrome;
} cset_style;

static nd_status parse_extend(nplot_figure *fig, const char *s, int *ext, const char *who)
{
    static const char *names[] = { "neither", "min", "max", "both" };
    *ext = EXT_NEITHER;
    if (!s) return ND_OK;
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) {
            *ext = i;
            return ND_OK;
        }
    return nplot__fail(fig, ND_EVALUE, "%s: extend must be 'neither', 'both', 'min' or 'max', got '%s'", who, s);
}

/* ---- building the set ------------------------------------------------------------------ */
static int emin_of(bool filled, int ext) { return filled && (ext & EXT_MIN); }
static int emax_of(bool filled, int ext) { return filled && (ext & EXT_MAX); }

static int next_cset(nplot_axes *ax)
{
    int c = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (a->cset > c) c = a->cset;
    return c + 1;
}

/* The item colors: given colors (cycled, matplotlib's ListedColormap with under/over taken
 * from the extra colors when there are exactly enough), else the cmap at each value. */
static nd_status item_colors(nplot_figure *fig, const nplot_contour_opts *o, const double *vals,
                             int nitems, int nbase, int ext, bool filled, cset_style *cs, const char *who)
{
    cs->colors = nd_malloc(sizeof(rgba) * (size_t)nitems, who);
    if (!cs->colors) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if (!o->colors.n) {
        for (int i = 0; i < nitems; i++) cs->colors[i] = nplot__map_color(&cs->map, vals[i]);
        return ND_OK;
    }
    size_t nc = o->colors.n;
    rgba *given = nd_malloc(sizeof(rgba) * nc, who);
    if (!given) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    cs->monochrome = true;
    for (size_t i = 0; i < nc; i++) {
        if (nplot__color(o->colors.v[i], fig->style, &given[i], who)) {
            nd_free_mem(given);
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        }
        if (memcmp(&given[i], &given[0], sizeof(rgba))) cs->monochrome = false;
    }
    bool emin = emin_of(filled, ext), emax = emax_of(filled, ext);
    bool under_over = (emin || emax) && nc == (size_t)(nbase + emin + emax);
    size_t i0 = under_over && emin ? 1 : 0;
    for (int i = 0; i < nitems; i++) {
        int k = i - (int)emin; /* the index into the ListedColormap; -1 under, nbase over */
        size_t pick;
        if (k < 0) pick = under_over ? 0 : i0;
        else if (k >= nbase) pick = under_over ? nc - 1 : i0 + (size_t)(nbase - 1) % (nc - i0);
        else pick = i0 + (size_t)k % (nc - i0);
        cs->colors[i] = given[pick];
    }
    nd_free_mem(given);
    return ND_OK;
}

/* A new artist of the set holding path p (its arrays move into the artist). */
static artist *set_artist(nplot_axes *ax, artist_kind kind, nplot__cpath *p, const mappable *m,
                          const char *who)
{
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return NULL;
    a->n = p->n;
    a->x = p->x, a->y = p->y;
    *p = (nplot__cpath){ 0 };
    a->map = *m;
    a->autoscale = false;
    return a;
}

/* ---- 3-D ------------------------------------------------------------------------------ */
/* A contour path (u, v) at height h placed in 3-D: zdir z puts it at z = h, x at x = h
 * (u, v being y, z) and y at y = h (u, v being z, x), as mpl_toolkits' juggle_axes. */
static void place3d(int zdir, double u, double v, double h, double *x, double *y, double *z)
{
    if (zdir == 0) *x = h, *y = u, *z = v;
    else if (zdir == 1) *x = v, *y = h, *z = u;
    else *x = u, *y = v, *z = h;
}

/* One level's lines (ART_LINE3D) or one band's polygons (ART_SURFACE3D: each polygon a fan
 * of triangles, a triangle being a quad with a repeated corner and a NaN row after it so
 * that the grid's in-between quads are skipped), at the level, the band's middle, or the
 * offset. The data limits grow by the vertices. */
static artist *item3d(nplot_axes *ax, const nplot__cpath *p, double lo, double hi, int zdir,
                      double offset, bool filled, rgba color, const char *who)
{
    double h = offset ? offset : !filled ? lo : !isfinite(lo) ? hi : !isfinite(hi) ? lo : (lo + hi) / 2;
    size_t nv = p->n;
    if (filled) { /* fan triangles: 3 rows of 2 per triangle */
        nv = 0;
        for (size_t i = 0, k = 0; i < p->n; i++, k++)
            if (!isfinite(p->x[i])) nv += k >= 3 ? 6 * (k - 2) : 0, k = (size_t)-1;
    }
    artist *a = nplot__artist_add(ax, filled ? ART_SURFACE3D : ART_LINE3D, who);
    if (!a) return NULL;
    a->x = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    a->y = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    a->z = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    if (filled) a->colors = nd_malloc(sizeof(rgba) * (nv ? nv : 1), who);
    if (!a->x || !a->y || !a->z || (filled && !a->colors)) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    a->autoscale = false;
    size_t m = 0;
#define PUT(u, v, hh) (place3d(zdir, (u), (v), (hh), &a->x[m], &a->y[m], &a->z[m]), m++)
    if (!filled) {
        for (size_t i = 0; i < p->n; i++) PUT(p->x[i], p->y[i], isfinite(p->x[i]) ? h : NAN);
    } else {
        size_t start = 0;
        for (size_t i = 0; i < p->n; i++) {
            if (isfinite(p->x[i])) continue;
            for (size_t t = start + 1; t + 1 < i; t++) {
                PUT(p->x[start], p->y[start], h);
                PUT(p->x[t], p->y[t], h);
                PUT(p->x[t + 1], p->y[t + 1], h);
                PUT(p->x[t + 1], p->y[t + 1], h);
                PUT(NAN, NAN, NAN);
                PUT(NAN, NAN, NAN);
            }
            start = i + 1;
        }
        for (size_t q = 0; q < m; q++) a->colors[q] = color;
        a->iw = 2;
        a->ih = (int)(m / 2);
        /* the triangles of a band meet along many edges: a thin stroke in the face color
         * closes the antialiasing seams (growing them is not enough for thin triangles) */
        a->has_edge = true;
        a->edge_is_face = true;
        a->edge_lw = 0.5;
    }
#undef PUT
    a->n = m;
    axis_state *za = &ax->za;
    for (size_t i = 0; i < m; i++) {
        if (!isfinite(a->x[i] + a->y[i] + a->z[i])) continue;
        nplot__datalim_point(ax, a->x[i], a->y[i]);
        za->dmin = fmin(za->dmin, a->z[i]);
        za->dmax = fmax(za->dmax, a->z[i]);
        za->has_data = true;
    }
    return a;
}

/* 3-D contours along x (y): the levels are of X (Y) over the grid of (Y, Z) ((Z, X)), as
 * mpl_toolkits' rotate_axes; every coordinate becomes a full (ny, nx) array. */
static nd_status rotate3d(nplot_figure *fig, cgrid_buf *b, int zdir, const char *who)
{
    b->g.convex = true; /* 3-D bands are cut into triangle fans */
    if (zdir == 2) return ND_OK;
    size_t ny = b->g.ny, nx = b->g.nx, n = ny * nx;
    double *X = nd_malloc(sizeof(double) * n, who), *Y = nd_malloc(sizeof(double) * n, who);
    if (!X || !Y) {
        nd_free_mem(X);
        nd_free_mem(Y);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (size_t v = 0; v < n; v++) {
        X[v] = b->g.x ? (b->g.x2d ? b->g.x[v] : b->g.x[v % nx]) : (double)(v % nx);
        Y[v] = b->g.y ? (b->g.y2d ? b->g.y[v] : b->g.y[v / nx]) : (double)(v / nx);
    }
    double *Zv = b->z;
    if (!Zv && (Zv = nd_malloc(sizeof(double) * n, who))) memcpy(Zv, b->g.z, sizeof(double) * n);
    if (!Zv) {
        nd_free_mem(X);
        nd_free_mem(Y);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    nd_free_mem(b->x);
    nd_free_mem(b->y);
    if (zdir == 0) b->x = Y, b->y = Zv, b->z = X;
    else b->x = Zv, b->y = X, b->z = Y;
    b->g.x = b->x, b->g.y = b->y, b->g.z = b->z;
    b->g.x2d = b->g.y2d = true;
    z_range(b);
    return ND_OK;
}

/* The common body of contour and contourf (2-D), and of their 3-D forms (is3d). */
static nd_status contour_impl(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                              const nplot_contour_opts *o, bool filled, const char *who)
{
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_contour_opts);
    int ext;
    nd_status st = parse_extend(fig, o->extend, &ext, who);
    if (st) return st;
    if (o->nlevels < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: nlevels must be >= 0 and alpha in [0, 1]", who);
    if (o->nlevels > 250) return nplot__fail(fig, ND_EVALUE, "%s: nlevels %d is above 250", who, o->nlevels);
    cset_style cs = { .alpha = NPLOT_OPT(o->alpha, 1) };
    /* matplotlib's ContourSet.logscale: levels from a LogLocator, bands' values and the
     * extended ends in log space */
    bool logscale = o->norm && o->norm->kind == NPLOT_NORM_LOG;
    int neg_ls = LS_DASHED;
    if (o->negative_linestyle && (neg_ls = nplot__linestyle_parse(o->negative_linestyle)) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown negative_linestyle '%s'", who, o->negative_linestyle);
    for (size_t i = 0; i < o->linestyles.n; i++)
        if (!o->linestyles.v || nplot__linestyle_parse(o->linestyles.v[i]) < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: unknown linestyle '%s'", who,
                               o->linestyles.v ? o->linestyles.v[i] : "(null)");
    for (size_t i = 0; i < o->linewidths.n; i++)
        if (!o->linewidths.v || !(o->linewidths.v[i] >= 0) || !isfinite(o->linewidths.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be finite and >= 0", who);
    if ((o->colors.n && !o->colors.v) || (o->levels.n && !o->levels.v))
        return nplot__fail(fig, ND_EVALUE, "%s: an array option has a count but no values", who);
    /* explicit levels: increasing, and two at least to fill between */
    for (size_t i = 0; i < o->levels.n; i++) {
        if (!isfinite(o->levels.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: levels must be finite, got %g", who, o->levels.v[i]);
        if (i && !(o->levels.v[i] > o->levels.v[i - 1]))
            return nplot__fail(fig, ND_EVALUE, "%s: contour levels must be increasing, got %g after %g",
                               who, o->levels.v[i], o->levels.v[i - 1]);
    }
    if (o->levels.n > 1000) return nplot__fail(fig, ND_EVALUE, "%s: more than 1000 levels", who);
    if (filled && o->levels.n == 1)
        return nplot__fail(fig, ND_EVALUE, "%s: filled contours require at least 2 levels", who);
    int zdir = 2;
    if (o->zdir) {
        zdir = !strcmp(o->zdir, "x") ? 0 : !strcmp(o->zdir, "y") ? 1 : !strcmp(o->zdir, "z") ? 2 : -1;
        if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir must be 'x', 'y' or 'z', got '%s'", who, o->zdir);
    }
    cgrid_buf b;
    if ((st = grid_read(ax, X, Y, Z, o, &b, who)) || (ax->is3d && (st = rotate3d(fig, &b, zdir, who))) ||
        (logscale && b.zmin <= 0 && (st = mask_nonpositive(fig, &b, who)))) {
        grid_free(&b);
        return st;
    }
    double *lev = NULL, *vals = NULL, *all = NULL;
    nplot__cpath *paths = NULL;
    int nlev = 0, nitems = 0;
    if (!(b.zmin <= b.zmax)) goto done; /* all masked: nothing to draw (matplotlib warns) */
    if (o->levels.n) {
        nlev = (int)o->levels.n;
        if (!(lev = nd_malloc(sizeof(double) * (size_t)nlev, who))) goto oom;
        memcpy(lev, o->levels.v, sizeof(double) * (size_t)nlev);
    } else if ((nlev = autolev(b.zmin, b.zmax, NPLOT_OPT(o->nlevels, 7), ext, logscale, &lev, who)) < 0) {
        st = nplot__fail(fig, nlev, "%s: %s", who, nd_errmsg());
        goto done;
    }
    if (!filled) {
        /* matplotlib: no level strictly inside the data range draws the level zmin */
        int inside = 0;
        for (int i = 0; i < nlev; i++) inside += lev[i] > b.zmin && lev[i] < b.zmax;
        if (!inside) lev[0] = b.zmin, nlev = 1;
    }
    if (filled && nlev + emin_of(filled, ext) + emax_of(filled, ext) < 2) goto done; /* no band */
    /* the norm autoscales over the levels (_process_colors); an extended set does not clip */
    if ((st = nplot__mappable_init(fig, &cs.map, o->cmap, o->norm, o->vmin, o->vmax, lev, (size_t)nlev, who)))
        goto done;
    if (ext) cs.map.norm.clip = false;
    /* the items: one per level, or one per band of the levels (matplotlib's _levels: ±1e250
     * added where the set extends) with its value the band's middle */
    int emin = emin_of(filled, ext), emax = emax_of(filled, ext);
    int nall = nlev + emin + emax;
    nitems = filled ? nall - 1 : nlev;
    all = nd_malloc(sizeof(double) * (size_t)nall, who);
    vals = nd_malloc(sizeof(double) * (size_t)nitems, who);
    paths = nd_calloc((size_t)nitems, sizeof(nplot__cpath), who);
    if (!all || !vals || !paths) goto oom;
    all[0] = logscale ? 1e-250 : -1e250;
    memcpy(all + emin, lev, sizeof(double) * (size_t)nlev);
    all[nall - 1] = emax ? 1e250 : all[nall - 1];
    for (int i = 0; i < nitems; i++)
        vals[i] = !filled ? all[i] : logscale ? sqrt(all[i]) * sqrt(all[i + 1]) : 0.5 * (all[i] + all[i + 1]);
    st = filled ? nplot__contour_bands(&b.g, all, nall, paths, who)
                : nplot__contour_lines(&b.g, all, nall, paths, who);
    if (st) goto oom; /* the algorithm fails only for memory */
    if ((st = item_colors(fig, o, vals, nitems, filled ? nlev - 1 : nlev, ext, filled, &cs, who)))
        goto done;
    int cset = next_cset(ax);
    bool is3d = ax->is3d;
    double zoff = o->offset;
    for (int i = 0; i < nitems; i++) {
        rgba c = cs.colors[i];
        c.a *= cs.alpha;
        /* a band's edges, infinite where the set extends */
        double lo = filled && i == 0 && emin ? -INFINITY : all[i];
        double hi = filled ? (i == nitems - 1 && emax ? INFINITY : all[i + 1]) : all[i];
        artist *a;
        a = is3d ? item3d(ax, &paths[i], lo, hi, zdir, zoff, filled, c, who)
                 : set_artist(ax, filled ? ART_PATCHES : ART_LINE, &paths[i], &cs.map, who);
        if (!a) {
            st = fig->status;
            goto done;
        }
        a->cset = cset;
        a->map = cs.map;
        a->cfixed = o->colors.n > 0;
        a->cfilled = filled;
        a->clev[0] = lo;
        a->clev[1] = hi;
        if (filled) {
            /* one fill per band: alpha in the color, so the band is filled in one go */
            a->face = c;
            a->has_face = true;
            a->alpha = 1;
            a->aliased = o->antialiased != NPLOT_ON;
            a->zorder = o->zorder ? o->zorder : 1;
            a->legend_kind = LEGEND_PATCH;
            const char *h = o->hatches.n && o->hatches.v ? o->hatches.v[(size_t)i % o->hatches.n] : NULL;
            if (h && (st = nplot__hatch_set(fig, a, h, 0, who))) goto done;
        } else {
            a->lp.color = c;
            a->lp.marker = MK_NONE;
            a->lp.lw = o->linewidths.n ? o->linewidths.v[(size_t)i % o->linewidths.n] : 1.5;
            a->lp.ls = o->linestyles.n ? nplot__linestyle_parse(o->linestyles.v[(size_t)i % o->linestyles.n])
                       : cs.monochrome && all[i] < 0 ? neg_ls : LS_SOLID;
            a->alpha = 1;
            a->zorder = o->zorder ? o->zorder : 2;
            a->legend_kind = LEGEND_LINE;
        }
    }
    if (!is3d) {
        /* the set's painter draws its lines (simplified, labelled) or bands (in stripes) */
        artist *p = nplot__artist_add(ax, ART_CONTOUR, who);
        if (!p) {
            st = fig->status;
            goto done;
        }
        p->cset = cset;
        p->cfilled = filled;
        p->autoscale = false;
        p->zorder = o->zorder ? o->zorder : filled ? 1 : 2;
        artist_kind item = filled ? ART_PATCHES : ART_LINE;
        for (artist *a = ax->artists; a; a = a->next) a->chidden = a->chidden || (a->cset == cset && a->kind == item);
    }
    /* matplotlib: the data limits are the grid's, autoscaled tight */
    if (!is3d) {
        nplot__datalim_point(ax, b.xmin, b.ymin);
        nplot__datalim_point(ax, b.xmax, b.ymax);
        ax->xa.tight = ax->ya.tight = true;
    }
    nplot__mark_dirty(fig);
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    nplot__cpath_free(paths, paths ? nitems : 0);
    nd_free_mem(paths);
    nd_free_mem(all);
    nd_free_mem(lev);
    nd_free_mem(vals);
    nd_free_mem(cs.colors);
    grid_free(&b);
    return st;
}

nd_status nplot_contour_(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                         const nplot_contour_opts *o)
{
    CHECK_AX(ax, "nplot_contour");
    return contour_impl(ax, X, Y, Z, o, false, "nplot_contour");
}

nd_status nplot_contourf_(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                          const nplot_contour_opts *o)
{
    CHECK_AX(ax, "nplot_contourf");
    return contour_impl(ax, X, Y, Z, o, true, "nplot_contourf");
}

static nd_status check3d(nplot_axes *ax, const char *who)
{
    CHECK_AX(ax, who);
    if (!ax->is3d)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not 3-D (use nplot_subplot_3d)", who);
    return ND_OK;
}

nd_status nplot_contour3d_(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                           const nplot_contour_opts *o)
{
    nd_status st = check3d(ax, "nplot_contour3d");
    return st ? st : contour_impl(ax, X, Y, Z, o, false, "nplot_contour3d");
}

nd_status nplot_contourf3d_(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                            const nplot_contour_opts *o)
{
    nd_status st = check3d(ax, "nplot_contourf3d");
    return st ? st : contour_impl(ax, X, Y, Z, o, true, "nplot_contourf3d");
}

/* ---- the last contour set of an axes ------------------------------------------------------ */
static int last_cset(const nplot_axes *ax)
{
    int c = 0;
    for (const artist *a = ax->artists; a; a = a->next)
        if (a->cset && a->kind != ART_CONTOUR) c = a->cset;
    return c;
}

/* The i-th item artist of set c (levels or bands in order), or NULL. */
static artist *cset_item(const nplot_axes *ax, int c, int i)
{
    for (artist *a = ax->artists; a; a = a->next)
        if (a->cset == c && a->kind != ART_CONTOUR && i-- == 0) return a;
    return NULL;
}

static int cset_count(const nplot_axes *ax, int c)
{
    int n = 0;
    for (const artist *a = ax->artists; a; a = a->next) n += a->cset == c && a->kind != ART_CONTOUR;
    return n;
}

int nplot_contour_levels(nplot_axes *ax, double *out, int cap)
{
    static const char *who = "nplot_contour_levels";
    CHECK_AX(ax, who);
    int c = last_cset(ax);
    /* a getter: its errors do not fail the figure */
    if (!c) return nd_set_error(ND_EVALUE, "%s: the axes has no contour set", who);
    /* lines: each level; bands: the finite lower edges, then the last finite upper edge */
    int n = 0, k = cset_count(ax, c);
    for (int i = 0; i < k; i++) {
        const artist *a = cset_item(ax, c, i);
        double v[2] = { a->clev[0], a->clev[1] };
        for (int e = 0; e < (a->cfilled && i == k - 1 ? 2 : 1); e++) {
            if (!isfinite(v[e])) continue;
            if (out && n < cap) out[n] = v[e];
            n++;
        }
    }
    return n;
}

int nplot_contour_path(nplot_axes *ax, int i, double *x, double *y, int cap)
{
    static const char *who = "nplot_contour_path";
    CHECK_AX(ax, who);
    int c = last_cset(ax);
    if (!c) return nd_set_error(ND_EVALUE, "%s: the axes has no contour set", who);
    int n = cset_count(ax, c);
    if (i < 0 || i >= n)
        return nd_set_error(ND_EINDEX, "%s: index %d is out of range for %d items", who, i, n);
    artist *a = cset_item(ax, c, i);
    if (a->kind == ART_SURFACE3D || a->kind == ART_LINE3D)
        return nd_set_error(ND_EVALUE, "%s: a 3-D contour set has no 2-D paths", who);
    /* lines broken by clabel keep their whole path here (the labeller draws the pieces) */
    for (size_t k = 0; k < a->n && (x || y); k++) {
        if ((int)k >= cap) break;
        if (x) x[k] = a->x[k];
        if (y) y[k] = a->y[k];
    }
    return a->n > INT32_MAX ? INT32_MAX : (int)a->n;
}

/* ---- clabel --------------------------------------------------------------------------------- */
/* The labels live in the set's ART_CONTOUR artist: sizes[0..npoly-1] the labelled levels;
 * text their labels, '\n'-separated; colors one per level or NULL (the lines' colors); x/y
 * (n) the manual positions in data coordinates; ts the font; edge_lw the inline spacing
 * (pixels); has_edge: inline (the labelled lines are broken under the labels). */
nd_status nplot_clabel_(nplot_axes *ax, const nplot_clabel_opts *o)
{
    static const char *who = "nplot_clabel";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_clabel_opts);
    int c = last_cset(ax);
    if (!c) return nplot__fail(fig, ND_EVALUE, "%s: the axes has no contour set (call nplot_contour first)", who);
    int nitems = cset_count(ax, c);
    artist *first = cset_item(ax, c, 0);
    if (first->cfilled) return nplot__fail(fig, ND_EVALUE, "%s: the last contour set is filled: label a contour (lines) set", who);
    if (o->fontsize < 0 || !isfinite(o->fontsize) || o->inline_spacing < 0 || !isfinite(o->inline_spacing))
        return nplot__fail(fig, ND_EVALUE, "%s: fontsize and inline_spacing must be finite and >= 0", who);
    if ((o->levels.n && !o->levels.v) || (o->colors.n && !o->colors.v) || (o->manual.n && !o->manual.v))
        return nplot__fail(fig, ND_EVALUE, "%s: an array option has a count but no values", who);
    if (o->manual.n % 2)
        return nplot__fail(fig, ND_EVALUE, "%s: manual takes x, y pairs, got %zu values", who, o->manual.n);
    if (o->manual.n && ax->is3d)
        return nplot__fail(fig, ND_EVALUE, "%s: manual positions are 2-D data coordinates: a 3-D axes places "
                           "its labels itself", who);
    /* the labelled levels: all, or those asked for (each must be one of the set's) */
    size_t nl = o->levels.n ? o->levels.n : (size_t)nitems;
    double *lv = nd_malloc(sizeof(double) * nl, who);
    rgba *cols = o->colors.n ? nd_malloc(sizeof(rgba) * nl, who) : NULL;
    char **lab = nd_calloc(nl, sizeof(char *), who);
    char *off = NULL, *joined = NULL;
    nd_status st = ND_OK;
    if (!lv || !lab || (o->colors.n && !cols)) goto oom;
    for (size_t i = 0; i < nl; i++) {
        lv[i] = o->levels.n ? o->levels.v[i] : cset_item(ax, c, (int)i)->clev[0];
        bool found = false;
        for (int k = 0; k < nitems && !found; k++) found = cset_item(ax, c, k)->clev[0] == lv[i];
        if (!found) {
            st = nplot__fail(fig, ND_EVALUE, "%s: %g is not a level of the contour set", who, lv[i]);
            goto done;
        }
        if (cols && nplot__color(o->colors.v[i % o->colors.n], fig->style, &cols[i], who)) {
            st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
            goto done;
        }
    }
    /* the label texts: printf, a callback, or matplotlib's ScalarFormatter(useOffset=False)
     * over the labelled levels */
    if (o->fn || o->fmt) {
        for (size_t i = 0; i < nl; i++) {
            char buf[128];
            if (o->fn) o->fn(lv[i], (int)i, buf, sizeof buf, o->ctx);
            else snprintf(buf, sizeof buf, o->fmt, lv[i]);
            buf[sizeof buf - 1] = 0;
            if (!(lab[i] = nplot__strdup(fig, buf, who))) goto done_status;
        }
    } else {
        formatter f = { .kind = FMT_PLAIN };
        double lo = lv[0], hi = lv[0];
        for (size_t i = 0; i < nl; i++) lo = fmin(lo, lv[i]), hi = fmax(hi, lv[i]);
        if (nplot__format_ticks(&f, SCALE_LINEAR, 10, lv, (int)nl, lo, hi, lab, &off)) goto oom;
    }
    size_t len = 1;
    for (size_t i = 0; i < nl; i++) len += strlen(lab[i]) + 1;
    if (!(joined = nd_malloc(len, who))) goto oom;
    joined[0] = 0;
    for (size_t i = 0, p = 0; i < nl; i++) {
        size_t l = strlen(lab[i]);
        memcpy(joined + p, lab[i], l);
        p += l;
        joined[p++] = i + 1 < nl ? '\n' : 0;
    }
    nplot_text_opts to = { .fontsize = o->fontsize };
    text_style ts;
    if ((st = nplot__text_style_from(fig, &to, 10, &ts, who))) goto done;
    artist *a = NULL;
    for (artist *p = ax->artists; p; p = p->next)
        if (p->kind == ART_CONTOUR && p->cset == c) a = p;
    if (!a && ax->is3d) {
        /* a 3-D set's lines are depth-sorted with the other 3-D artists; its painter only
         * carries the labels (draw_axes3d.c places them on the projected lines) */
        if (!(a = nplot__artist_add(ax, ART_CONTOUR, who))) goto done_status;
        a->cset = c;
        a->autoscale = false;
        a->zorder = 2;
    }
    if (!a) {
        st = nplot__fail(fig, ND_EVALUE, "%s: the contour set has no painter", who);
        goto done;
    }
    /* a second clabel replaces the first one's labels */
    nd_free_mem(a->sizes);
    nd_free_mem(a->text);
    nd_free_mem(a->colors);
    nd_free_mem(a->x);
    nd_free_mem(a->y);
    a->sizes = lv, lv = NULL;
    a->npoly = nl;
    a->text = joined, joined = NULL;
    a->colors = cols, cols = NULL;
    a->ts = ts;
    a->edge_lw = o->inline_spacing ? o->inline_spacing : 5;
    a->has_edge = o->inline_labels != NPLOT_OFF;
    a->x = a->y = NULL;
    a->n = o->manual.n / 2;
    if (a->n) {
        double *mx = nd_malloc(sizeof(double) * a->n, who), *my = nd_malloc(sizeof(double) * a->n, who);
        a->x = mx, a->y = my;
        if (!mx || !my) goto oom;
        for (size_t i = 0; i < a->n; i++) mx[i] = o->manual.v[2 * i], my[i] = o->manual.v[2 * i + 1];
    }
    nplot__mark_dirty(fig);
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    goto done;
done_status:
    st = fig->status;
done:
    for (size_t i = 0; lab && i < nl; i++) nd_free_mem(lab[i]);
    nd_free_mem(lab);
    nd_free_mem(off);
    nd_free_mem(lv);
    nd_free_mem(cols);
    nd_free_mem(joined);
    return st;
}

/* A polyline in device units. */
typedef struct pline {
    double *x, *y;
    size_t n;
} pline;

typedef struct plines {
    pline *p;
    size_t n, cap;
    bool oom;
} plines;

static void plines_add(plines *L, const double *x, const double *y, size_t n)
{
    if (L->oom || n == 0) return;
    if (L->n == L->cap) {
        pline *np = nplot__grow(L->p, &L->cap, L->n, L->n ? 2 * L->n : 16, sizeof(pline), "nplot");
        if (!np) {
            L->oom = true;
            return;
        }
        L->p = np;
    }
    pline *p = &L->p[L->n];
    p->x = nd_malloc(sizeof(double) * n, "nplot");
    p->y = nd_malloc(sizeof(double) * n, "nplot");
    if (!p->x || !p->y) {
        nd_free_mem(p->x);
        nd_free_mem(p->y);
        L->oom = true;
        return;
    }
    memcpy(p->x, x, sizeof(double) * n);
    memcpy(p->y, y, sizeof(double) * n);
    p->n = n;
    L->n++;
}

static void plines_free(plines *L)
{
    for (size_t i = 0; i < L->n; i++) {
        nd_free_mem(L->p[i].x);
        nd_free_mem(L->p[i].y);
    }
    nd_free_mem(L->p);
}

/* np.interp(v, xp, fp) with xp non-decreasing; left / right outside (NaN: clamp). */
static double interp(double v, const double *xp, const double *fp, size_t n, double left, double right)
{
    if (v < xp[0]) return isnan(left) ? fp[0] : left;
    if (v > xp[n - 1]) return isnan(right) ? fp[n - 1] : right;
    size_t lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (xp[mid] <= v) lo = mid;
        else hi = mid;
    }
    double d = xp[hi] - xp[lo];
    return d > 0 ? fp[lo] + (v - xp[lo]) / d * (fp[hi] - fp[lo]) : fp[hi];
}

/* matplotlib's ContourLabeler.calc_label_rot_and_inline on polyline p (device units) with
 * the label at vertex ind: the text rotation (degrees counter-clockwise, never upside down)
 * and, when inline, the pieces of p left beside the label (added to out). */
static double rot_and_break(const pline *p0, size_t ind, double lw, double spacing, bool brk,
                            plines *out)
{
    size_t n = p0->n;
    double *x = nd_malloc(sizeof(double) * n * 4, "nplot");
    if (!x) {
        out->oom = true;
        return 0;
    }
    double *y = x + n, *pl = y + n, *ix = pl + n;
    bool closed = n > 2 && p0->x[0] == p0->x[n - 1] && p0->y[0] == p0->y[n - 1];
    if (closed) { /* start the loop at the label */
        size_t k = 0;
        for (size_t i = ind; i + 1 < n; i++, k++) x[k] = p0->x[i], y[k] = p0->y[i];
        for (size_t i = 0; i <= ind; i++, k++) x[k] = p0->x[i], y[k] = p0->y[i];
        ind = 0;
    } else {
        memcpy(x, p0->x, sizeof(double) * n);
        memcpy(y, p0->y, sizeof(double) * n);
    }
    pl[0] = 0;
    for (size_t i = 1; i < n; i++) pl[i] = pl[i - 1] + hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    double base = pl[ind];
    for (size_t i = 0; i < n; i++) pl[i] -= base, ix[i] = (double)i;
    double hlw = lw / 2, d0 = closed ? pl[n - 1] : 0;
    double xa = interp(d0 - hlw, pl, x, n, NAN, NAN), xb = interp(hlw, pl, x, n, NAN, NAN);
    double ya = interp(d0 - hlw, pl, y, n, NAN, NAN), yb = interp(hlw, pl, y, n, NAN, NAN);
    double rot = atan2(-(yb - ya), xb - xa) * 180 / M_PI; /* device y grows downwards */
    rot = fmod(fmod(rot + 90, 180) + 180, 180) - 90;
    if (brk) {
        double s0 = d0 - hlw - spacing, s1 = hlw + spacing;
        double i0 = interp(s0, pl, ix, n, -1, -1), i1 = interp(s1, pl, ix, n, -1, -1);
        long I0 = i0 == -1 ? -1 : (long)floor(i0), I1 = i1 == -1 ? -1 : (long)ceil(i1);
        double x1 = interp(s0, pl, x, n, NAN, NAN), y1 = interp(s0, pl, y, n, NAN, NAN);
        double x2 = interp(s1, pl, x, n, NAN, NAN), y2 = interp(s1, pl, y, n, NAN, NAN);
        double *bx = nd_malloc(sizeof(double) * (n + 2) * 2, "nplot");
        if (!bx) {
            out->oom = true;
        } else {
            double *by = bx + n + 2;
            size_t m = 0;
            if (closed) {
                if (I0 != -1 && I1 != -1) {
                    bx[m] = x2, by[m++] = y2;
                    for (long i = I1; i <= I0; i++) bx[m] = x[i], by[m++] = y[i];
                    bx[m] = x1, by[m++] = y1;
                    if (m > 1) plines_add(out, bx, by, m);
                }
            } else {
                if (I0 != -1) {
                    for (long i = 0; i <= I0; i++) bx[m] = x[i], by[m++] = y[i];
                    bx[m] = x1, by[m++] = y1;
                    if (m > 1) plines_add(out, bx, by, m);
                }
                m = 0;
                if (I1 != -1) {
                    bx[m] = x2, by[m++] = y2;
                    for (long i = I1; i < (long)n; i++) bx[m] = x[i], by[m++] = y[i];
                    if (m > 1) plines_add(out, bx, by, m);
                }
            }
            nd_free_mem(bx);
        }
    }
    nd_free_mem(x);
    return rot;
}

typedef struct placed {
    double x, y, rot;
    int level;     /* index into the labelled levels */
} placed;

typedef struct placed_list {
    placed *p;
    size_t n, cap;
    bool oom;
} placed_list;

static void place_add(placed_list *L, double x, double y, double rot, int level)
{
    if (L->oom) return;
    if (L->n == L->cap) {
        placed *np = nplot__grow(L->p, &L->cap, L->n, L->n ? 2 * L->n : 16, sizeof(placed), "nplot");
        if (!np) {
            L->oom = true;
            return;
        }
        L->p = np;
    }
    L->p[L->n++] = (placed){ x, y, rot, level };
}

static bool too_close(const placed_list *L, double x, double y, double lw)
{
    double t = (1.2 * lw) * (1.2 * lw);
    for (size_t i = 0; i < L->n; i++) {
        double dx = x - L->p[i].x, dy = y - L->p[i].y;
        if (dx * dx + dy * dy < t) return true;
    }
    return false;
}

/* matplotlib's locate_label: cut the line into blocks of `lw` vertices (its label width
 * in pixels used as a vertex count, as matplotlib does), take the middle of the straightest
 * block that is not too close to a label already placed. */
static size_t locate_label(const pline *p, double lw, const placed_list *done)
{
    size_t n = p->n;
    size_t nb = lw > 1 ? (size_t)ceil((double)n / lw) : 1;
    size_t bs = nb == 1 ? n : (size_t)lw;
    double *dist = nd_malloc(sizeof(double) * nb, "nplot");
    size_t *order = nd_malloc(sizeof(size_t) * nb, "nplot");
    size_t best = 0;
    if (!dist || !order) goto out;
    for (size_t b = 0; b < nb; b++) {
        /* np.resize cycles the vertices to fill the last block */
        size_t f = (b * bs) % n, l = (b * bs + bs - 1) % n;
        double xf = p->x[f], yf = p->y[f], xl = p->x[l], yl = p->y[l], len = hypot(xl - xf, yl - yf);
        double d = 0;
        for (size_t k = 0; k < bs; k++) {
            size_t v = (b * bs + k) % n;
            d += fabs((yf - p->y[v]) * (xl - xf) - (xf - p->x[v]) * (yl - yf)) / len;
        }
        dist[b] = isnan(d) ? INFINITY : d;
        order[b] = b;
    }
    /* a stable argsort (insertion: blocks are few) */
    for (size_t i = 1; i < nb; i++) {
        size_t k = order[i], j = i;
        while (j > 0 && dist[order[j - 1]] > dist[k]) order[j] = order[j - 1], j--;
        order[j] = k;
    }
    size_t hb = bs / 2, pick = order[0];
    for (size_t i = 0; i < nb; i++) {
        size_t v = (order[i] * bs + hb) % n;
        if (!too_close(done, p->x[v], p->y[v], lw)) {
            pick = order[i];
            break;
        }
    }
    best = (pick * bs + hb) % n;
out:
    nd_free_mem(dist);
    nd_free_mem(order);
    return best;
}

/* matplotlib's print_label: a polyline takes a label lw wide when it has more than 10 lw
 * vertices or spans more than 1.2 lw either way. */
static bool label_fits(const pline *p, double lw)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t k = 0; k < p->n; k++)
        x0 = fmin(x0, p->x[k]), x1 = fmax(x1, p->x[k]), y0 = fmin(y0, p->y[k]), y1 = fmax(y1, p->y[k]);
    return (double)p->n > 10 * lw || x1 - x0 > 1.2 * lw || y1 - y0 > 1.2 * lw;
}

/* The layout of the next of painter a's '\n'-separated label texts (*s moves past it). */
static text_box next_label(render_ctx *rc, const artist *a, const char **s)
{
    const char *e = strchr(*s, '\n');
    size_t len = e ? (size_t)(e - *s) : strlen(*s);
    char buf[256];
    len = len < sizeof buf - 1 ? len : sizeof buf - 1;
    memcpy(buf, *s, len);
    buf[len] = 0;
    *s = e ? e + 1 : *s + len;
    return nplot__text_layout(rc, buf, &a->ts);
}

/* The vertices of line artist l in device units (NaN where it breaks), n of them;
 * nd_malloc'd, NULL when out of memory. */
static double *to_device(render_ctx *rc, nplot_axes *ax, const artist *l, double **dy)
{
    size_t n = l->n ? l->n : 1;
    double *dx = nd_malloc(sizeof(double) * n * 2, "nplot");
    if (!dx) return NULL;
    *dy = dx + n;
    xform tf = nplot__xform(ax);
    for (size_t i = 0; i < l->n; i++)
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, l->x[i], l->y[i], &dx[i], &(*dy)[i]);
    return dx;
}

/* The device polylines of a line artist (NaN breaks it), as separate pieces. */
static void device_lines(render_ctx *rc, nplot_axes *ax, const artist *l, plines *out)
{
    double *dy, *dx = to_device(rc, ax, l, &dy);
    if (!dx) {
        out->oom = true;
        return;
    }
    size_t m = 0;
    for (size_t i = 0; i <= l->n; i++) {
        if (i < l->n && isfinite(dx[i]) && isfinite(dy[i])) {
            m++;
            continue;
        }
        if (m) plines_add(out, dx + i - m, dy + i - m, m);
        m = 0;
    }
    nd_free_mem(dx);
}

static void trace_simplified(cairo_t *cr, const double *x, const double *y, size_t n)
{
    nplot__pt_sink s = { cr, NULL, NULL, 0 };
    nplot__simplify(&s, x, y, n, 1.0 / 9);
}

/* Set up cr to stroke line artist l; false when there is nothing to stroke. */
static bool line_style(cairo_t *cr, double scale, const artist *l)
{
    rgba c = l->lp.color;
    double lw = l->lp.lw * scale;
    if (lw <= 0 || l->lp.ls == LS_NONE) return false;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * l->alpha);
    cairo_set_line_width(cr, lw);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    nplot__set_dash(cr, l->lp.ls, l->lp.dashes, l->lp.ndashes, lw, scale);
    cairo_new_path(cr);
    return true;
}

/* One level's stroke: its polylines as pieces (pl, the labelled levels broken under their
 * labels) or its device vertices with NaN breaks (dx, dy, n of them). */
typedef struct level_stroke {
    const artist *l;
    const plines *pl;
    double *dx, *dy;
    size_t n;
} level_stroke;

/* Stroke the levels on cr: one path per level, each polyline a subpath (its dash pattern
 * started afresh). */
static void stroke_levels(cairo_t *cr, double scale, const level_stroke *ls, size_t nls)
{
    for (size_t k = 0; k < nls; k++) {
        const level_stroke *s = &ls[k];
        if (!line_style(cr, scale, s->l)) continue;
        if (s->pl) {
            for (size_t i = 0; i < s->pl->n; i++) trace_simplified(cr, s->pl->p[i].x, s->pl->p[i].y, s->pl->p[i].n);
        } else {
            size_t m = 0;
            for (size_t i = 0; i <= s->n; i++) {
                if (i < s->n && isfinite(s->dx[i]) && isfinite(s->dy[i])) {
                    m++;
                    continue;
                }
                if (m) trace_simplified(cr, s->dx + i - m, s->dy + i - m, m);
                m = 0;
            }
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
}

/* ---- stroking in horizontal stripes, several at once ------------------------------------ */
/* Antialiased stroking of a thousand-point grid's lines is most of a contour plot's time,
 * and cairo rasterizes row by row: on an image surface the rows of the axes are cut into
 * stripes (two per thread, taken in turn, so a late thread leaves its share to the
 * others; more cost more cairo set-up than they gain), each a cairo surface over the same pixels, stroked on the plot helpers
 * (workers.h) with the same clip, antialiasing and tolerance. The lines are simplified
 * once; a stripe strokes the runs of their segments that come within a margin of its rows
 * (dashed lines: the whole polylines that do, their dashes unchanged), so each stripe's
 * work is its share. The margin (twice the line width and eight pixels) keeps the ends of
 * the runs, where a butt cap replaces a join, far from the stripe's rows, which see the
 * same edges as one stroke of everything. cairo's rasterizer still picks exact-area or
 * sub-sampled coverage per row from state that depends on where its surface starts: a rare
 * edge pixel can differ by one level from a single stroke (none in bench's contour_1000
 * with four stripes, one in 480,000 with eight; tests/test_plot_contour.c bounds it). */
enum { MAX_STRIPES = 32, STRIPES_PER_THREAD = 2, STRIPE_MIN_POINTS = 20000 };

typedef struct stripe_job {
    unsigned char *data;
    cairo_format_t format;
    int width, stride;
    int y0, y1;                    /* the stripe's rows */
    const cairo_rectangle_list_t *clip;
    double ax0, ay0, ax1, ay1;     /* the axes' clip box */
    cairo_antialias_t aa;
    double tolerance, scale;
    const level_stroke *ls;
    const nplot__cpath *simp;      /* per level: its polylines simplified, NaN-separated */
    size_t nls;
    bool ok;
} stripe_job;

static bool dashed(const artist *l)
{
    return l->lp.ls != LS_SOLID || (l->lp.dashes && l->lp.ndashes > 0);
}

/* Add to cr's path the parts of polyline x, y (m vertices) within rows [lo, hi]: the runs
 * of segments meeting them, or the whole polyline when `whole` and it meets them. */
static void trace_rows(cairo_t *cr, const double *x, const double *y, size_t m, double lo, double hi,
                       bool whole)
{
    if (whole) {
        double a = INFINITY, b = -INFINITY;
        for (size_t k = 0; k < m; k++) a = y[k] < a ? y[k] : a, b = y[k] > b ? y[k] : b;
        if (b < lo || a > hi) return;
        cairo_move_to(cr, x[0], y[0]);
        for (size_t k = 1; k < m; k++) cairo_line_to(cr, x[k], y[k]);
        return;
    }
    bool open = false;
    for (size_t k = 0; k + 1 < m; k++) {
        double a = y[k], b = y[k + 1];
        if ((a < lo && b < lo) || (a > hi && b > hi)) {
            open = false;
            continue;
        }
        if (!open) cairo_move_to(cr, x[k], y[k]);
        cairo_line_to(cr, x[k + 1], y[k + 1]);
        open = true;
    }
}

static void stripe_main(void *p, int t)
{
    stripe_job *j = (stripe_job *)p + t;
    cairo_surface_t *s = cairo_image_surface_create_for_data(j->data + (size_t)j->y0 * j->stride, j->format,
                                                             j->width, j->y1 - j->y0, j->stride);
    cairo_t *cr = cairo_create(s);
    if (cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
        cairo_translate(cr, 0, -j->y0);
        for (int i = 0; i < j->clip->num_rectangles; i++) {
            const cairo_rectangle_t *r = &j->clip->rectangles[i];
            cairo_rectangle(cr, r->x, r->y, r->width, r->height);
        }
        cairo_clip(cr);
        cairo_rectangle(cr, j->ax0, j->ay0, j->ax1 - j->ax0, j->ay1 - j->ay0);
        cairo_clip(cr);
        cairo_set_antialias(cr, j->aa);
        cairo_set_tolerance(cr, j->tolerance);
        for (size_t k = 0; k < j->nls; k++) {
            const artist *l = j->ls[k].l;
            if (!line_style(cr, j->scale, l)) continue;
            double margin = 2 * l->lp.lw * j->scale + 8, lo = j->y0 - margin, hi = j->y1 + margin;
            const nplot__cpath *q = &j->simp[k];
            size_t i = 0;
            while (i < q->n) {
                size_t e = i;
                while (e < q->n && !isnan(q->x[e])) e++;
                if (e > i) trace_rows(cr, q->x + i, q->y + i, e - i, lo, hi, dashed(l));
                i = e + 1;
            }
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
        }
    }
    j->ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

/* The polylines of level stroke ls simplified into q (NaN after each; q->x, q->y hold
 * enough room). */
static void simplify_level(const level_stroke *ls, nplot__cpath *q)
{
    nplot__pt_sink sk = { NULL, q->x, q->y, 0 };
    if (ls->pl) {
        for (size_t i = 0; i < ls->pl->n; i++) {
            nplot__simplify(&sk, ls->pl->p[i].x, ls->pl->p[i].y, ls->pl->p[i].n, 1.0 / 9);
            nplot__sink_put(&sk, NAN, NAN, false);
        }
    } else {
        size_t m = 0;
        for (size_t i = 0; i <= ls->n; i++) {
            if (i < ls->n && isfinite(ls->dx[i]) && isfinite(ls->dy[i])) {
                m++;
                continue;
            }
            if (m) {
                nplot__simplify(&sk, ls->dx + i - m, ls->dy + i - m, m, 1.0 / 9);
                nplot__sink_put(&sk, NAN, NAN, false);
            }
            m = 0;
        }
    }
    q->n = sk.n;
}

typedef struct simplify_job {
    const level_stroke *ls;
    nplot__cpath *simp;
} simplify_job;

static void simplify_chunk(void *p, int k)
{
    simplify_job *j = p;
    simplify_level(&j->ls[k], &j->simp[k]);
}

/* Stroke the levels in stripes when the target is a plain image surface, there are enough
 * points to gain and numc may use threads; false when not done (then stroke them on rc->cr). */
static bool stroke_striped(render_ctx *rc, nplot_axes *ax, const level_stroke *ls, size_t nls)
{
    cairo_t *cr = rc->cr;
    size_t npts = 0, room = 0;
    for (size_t k = 0; k < nls; k++) {
        npts += ls[k].n;
        room += 2 * ls[k].n + 1; /* a run of m points gives at most m + 1 and a NaN */
        for (size_t i = 0; ls[k].pl && i < ls[k].pl->n; i++) npts += ls[k].pl->p[i].n, room += ls[k].pl->p[i].n + 2;
    }
    int nt = nd_get_num_threads();
    cairo_surface_t *target = cairo_get_group_target(cr);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    double ox, oy;
    cairo_surface_get_device_offset(target, &ox, &oy);
    if (!rc->raster || nt < 2 || npts < STRIPE_MIN_POINTS || cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE ||
        ox != 0 || oy != 0 || m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 || m.x0 != 0 || m.y0 != 0)
        return false;
    cairo_format_t fmt = cairo_image_surface_get_format(target);
    int W = cairo_image_surface_get_width(target), H = cairo_image_surface_get_height(target);
    /* the rows the strokes can touch: the axes box within the image */
    int r0 = (int)floor(ax->dev[1]), r1 = (int)ceil(ax->dev[3]);
    r0 = r0 < 0 ? 0 : r0;
    r1 = r1 > H ? H : r1;
    int nst = nt > MAX_STRIPES / STRIPES_PER_THREAD ? MAX_STRIPES : nt * STRIPES_PER_THREAD;
    nst = nst < (r1 - r0) / 8 ? nst : (r1 - r0) / 8;
    if (fmt != CAIRO_FORMAT_ARGB32 || nst < 2) return false;
    cairo_rectangle_list_t *clip = cairo_copy_clip_rectangle_list(cr);
    nplot__cpath *simp = nd_calloc(nls ? nls : 1, sizeof(nplot__cpath), "nplot");
    double *buf = nd_malloc(sizeof(double) * 2 * (room ? room : 1), "nplot");
    if (clip->status != CAIRO_STATUS_SUCCESS || !simp || !buf) {
        cairo_rectangle_list_destroy(clip);
        nd_free_mem(simp);
        nd_free_mem(buf);
        return false; /* drawn in one piece: out of memory is reported there */
    }
    /* each level's room (as counted above) is its own: the levels simplify at once */
    size_t off = 0;
    for (size_t k = 0; k < nls; k++) {
        simp[k].x = buf + off;
        simp[k].y = buf + room + off;
        size_t rk = 2 * ls[k].n + 1;
        for (size_t i = 0; ls[k].pl && i < ls[k].pl->n; i++) rk += ls[k].pl->p[i].n + 2;
        off += rk;
    }
    simplify_job sj = { ls, simp };
    nplot__parallel((int)nls, simplify_chunk, &sj);
    cairo_surface_flush(target);
    stripe_job job[MAX_STRIPES];
    for (int t = 0; t < nst; t++) {
        job[t] = (stripe_job){ cairo_image_surface_get_data(target), fmt, W, cairo_image_surface_get_stride(target),
                               r0 + (r1 - r0) * t / nst, r0 + (r1 - r0) * (t + 1) / nst, clip,
                               ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3], cairo_get_antialias(cr),
                               cairo_get_tolerance(cr), rc->scale, ls, simp, nls, false };
    }
    nplot__parallel(nst, stripe_main, job);
    cairo_surface_mark_dirty_rectangle(target, 0, r0, W, r1 - r0);
    cairo_rectangle_list_destroy(clip);
    nd_free_mem(simp);
    nd_free_mem(buf);
    bool ok = true;
    for (int t = 0; t < nst; t++) ok = ok && job[t].ok;
    if (!ok) nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing contours");
    return true;
}

/* The nearest point to (px, py) on the polylines of lines[0..nl-1]: which level, which
 * polyline, and the vertex index it is inserted before (matplotlib's find_nearest_contour
 * in screen space). */
static bool nearest_on(plines *lines, size_t nl, double px, double py, size_t *lvl, size_t *pi,
                       size_t *ins, double *qx, double *qy)
{
    double best = INFINITY;
    for (size_t l = 0; l < nl; l++)
        for (size_t i = 0; i < lines[l].n; i++) {
            const pline *p = &lines[l].p[i];
            for (size_t k = 0; k + 1 < p->n; k++) {
                double ax0 = p->x[k], ay0 = p->y[k], vx = p->x[k + 1] - ax0, vy = p->y[k + 1] - ay0;
                double vv = vx * vx + vy * vy, t = vv > 0 ? ((px - ax0) * vx + (py - ay0) * vy) / vv : 0;
                t = nplot__clampd(t, 0, 1);
                double cx = ax0 + t * vx, cy = ay0 + t * vy, d = (cx - px) * (cx - px) + (cy - py) * (cy - py);
                if (d < best) best = d, *lvl = l, *pi = i, *ins = k + 1, *qx = cx, *qy = cy;
            }
        }
    return isfinite(best);
}

/* ---- filled sets: the bands filled in stripes ---------------------------------------------- */
/* A contourf of a big grid fills bands of tens of thousands of vertices. On an image
 * surface the bands are filled in stripes of rows like the lines above, each stripe with
 * the edges of the polygons that come within two pixels of it (trace_slab), in order,
 * with the colors, antialiasing and fill rule nplot__draw_patches uses;
 * elsewhere (vector output, small sets, bands with edges or per-polygon colors) the bands
 * are drawn by nplot__draw_patches itself. */
typedef struct band_poly {
    size_t off, n;
    double y0, y1; /* its rows */
} band_poly;

typedef struct band_dev {
    artist *a;
    double *x, *y; /* device vertices, polygon after polygon */
    band_poly *poly;
    size_t npoly;
    bool oom;
} band_dev;

typedef struct bands_job {
    render_ctx *rc;
    const nplot_axes *ax;
    xform tf;
    band_dev *b;
} bands_job;

/* Band k's polygons in device units (draw_patches' log clipping and clamping). */
static void band_to_dev(void *p, int k)
{
    bands_job *j = p;
    band_dev *b = &j->b[k];
    const artist *a = b->a;
    size_t n = a->n;
    b->x = nd_malloc(sizeof(double) * 2 * (n ? n : 1), "nplot");
    b->poly = nd_malloc(sizeof(band_poly) * (n / 2 + 1), "nplot");
    if (!b->x || !b->poly) {
        b->oom = true;
        return;
    }
    b->y = b->x + n;
    const double lim = 1e6;
    bool xlog = j->ax->xa.scale == SCALE_LOG && a->xcoord == COORD_DATA;
    bool ylog = j->ax->ya.scale == SCALE_LOG && a->ycoord == COORD_DATA;
    size_t i = 0, o = 0;
    while (i < n) {
        while (i < n && !(isfinite(a->x[i]) && isfinite(a->y[i]))) i++;
        if (i >= n) break;
        size_t e = i;
        double lo = INFINITY, hi = -INFINITY;
        for (; e < n && isfinite(a->x[e]) && isfinite(a->y[e]); e++) {
            double xv = xlog && a->x[e] <= 0 ? 1e-300 : a->x[e], yv = ylog && a->y[e] <= 0 ? 1e-300 : a->y[e];
            double px, py;
            nplot__to_dev(j->rc, j->ax, &j->tf, a->xcoord, a->ycoord, xv, yv, &px, &py);
            px = nplot__clampd(px, -lim, lim);
            py = nplot__clampd(py, -lim, lim);
            b->x[o + e - i] = px, b->y[o + e - i] = py;
            lo = py < lo ? py : lo;
            hi = py > hi ? py : hi;
        }
        b->poly[b->npoly++] = (band_poly){ o, e - i, lo, hi };
        o += e - i;
        i = e;
    }
}

typedef struct band_stripe {
    unsigned char *data;
    cairo_format_t format;
    int width, stride;
    int y0, y1;
    const cairo_rectangle_list_t *clip;
    double ax0, ay0, ax1, ay1;
    cairo_antialias_t aa;
    double tolerance;
    const band_dev *b;
    size_t nb;
    bool ok;
} band_stripe;

/* Add to cr's path the edges of closed polygon x, y (n vertices) that reach rows [lo, hi],
 * with their own end points; the stretches between them lie wholly above or wholly below
 * (where a polygon leaves the rows it comes back on the same side), so they are replaced
 * by one edge on that side, and the winding inside the rows is the polygon's. False when
 * no edge reaches the rows. */
static bool trace_slab(cairo_t *cr, const double *x, const double *y, size_t n, double lo, double hi)
{
    size_t last = SIZE_MAX;
    bool started = false;
    for (size_t a = 0; a < n; a++) {
        size_t b = a + 1 < n ? a + 1 : 0;
        int sa = y[a] < lo ? -1 : y[a] > hi, sb = y[b] < lo ? -1 : y[b] > hi;
        if (sa == sb && sa != 0) continue;
        if (last != a) {
            if (started) cairo_line_to(cr, x[a], y[a]);
            else cairo_move_to(cr, x[a], y[a]);
            started = true;
        }
        cairo_line_to(cr, x[b], y[b]);
        last = b;
    }
    if (started) cairo_close_path(cr);
    return started;
}

static void band_stripe_main(void *p, int t)
{
    band_stripe *j = (band_stripe *)p + t;
    cairo_surface_t *s = cairo_image_surface_create_for_data(j->data + (size_t)j->y0 * j->stride, j->format,
                                                             j->width, j->y1 - j->y0, j->stride);
    cairo_t *cr = cairo_create(s);
    if (cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
        cairo_translate(cr, 0, -j->y0);
        for (int i = 0; i < j->clip->num_rectangles; i++) {
            const cairo_rectangle_t *r = &j->clip->rectangles[i];
            cairo_rectangle(cr, r->x, r->y, r->width, r->height);
        }
        cairo_clip(cr);
        cairo_rectangle(cr, j->ax0, j->ay0, j->ax1 - j->ax0, j->ay1 - j->ay0);
        cairo_clip(cr);
        cairo_set_tolerance(cr, j->tolerance);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        double lo = j->y0 - 2, hi = j->y1 + 2;
        for (size_t k = 0; k < j->nb; k++) {
            const band_dev *b = &j->b[k];
            const artist *a = b->a;
            if (a->n < 2) continue; /* as nplot__draw_patches: nothing to fill */
            cairo_new_path(cr);
            bool any = false;
            for (size_t q = 0; q < b->npoly; q++) {
                const band_poly *g = &b->poly[q];
                if (g->y1 < lo || g->y0 > hi) continue;
                any = trace_slab(cr, b->x + g->off, b->y + g->off, g->n, lo, hi) || any;
            }
            if (!any) continue;
            cairo_set_antialias(cr, a->aliased ? CAIRO_ANTIALIAS_NONE : j->aa);
            cairo_set_source_rgba(cr, a->face.r, a->face.g, a->face.b, a->face.a * a->alpha);
            cairo_fill(cr);
        }
    }
    j->ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

/* Fill the bands of filled set p's items (list order) in stripes; false when not done. */
static bool fill_striped(render_ctx *rc, nplot_axes *ax, artist **items, size_t nb)
{
    cairo_t *cr = rc->cr;
    size_t npts = 0;
    for (size_t k = 0; k < nb; k++) {
        const artist *a = items[k];
        /* draw_patches' other cases: edges, per-polygon colors, translucent or snapped
         * polygons filled one by one */
        if (a->has_edge || a->colors || a->alpha < 1 || a->snap) return false;
        npts += a->n;
    }
    int nt = nd_get_num_threads();
    cairo_surface_t *target = cairo_get_group_target(cr);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    double ox, oy;
    cairo_surface_get_device_offset(target, &ox, &oy);
    if (!rc->raster || nt < 2 || npts < STRIPE_MIN_POINTS || cairo_surface_get_type(target) != CAIRO_SURFACE_TYPE_IMAGE ||
        ox != 0 || oy != 0 || m.xx != 1 || m.yy != 1 || m.xy != 0 || m.yx != 0 || m.x0 != 0 || m.y0 != 0)
        return false;
    cairo_format_t fmt = cairo_image_surface_get_format(target);
    int W = cairo_image_surface_get_width(target), H = cairo_image_surface_get_height(target);
    int r0 = (int)floor(ax->dev[1]), r1 = (int)ceil(ax->dev[3]);
    r0 = r0 < 0 ? 0 : r0;
    r1 = r1 > H ? H : r1;
    int nst = nt > MAX_STRIPES / STRIPES_PER_THREAD ? MAX_STRIPES : nt * STRIPES_PER_THREAD;
    nst = nst < (r1 - r0) / 8 ? nst : (r1 - r0) / 8;
    if (fmt != CAIRO_FORMAT_ARGB32 || nst < 2) return false;
    band_dev *b = nd_calloc(nb, sizeof(band_dev), "nplot");
    if (!b) return false;
    bands_job bj = { rc, ax, nplot__xform(ax), b };
    for (size_t k = 0; k < nb; k++) b[k].a = items[k];
    nplot__parallel((int)nb, band_to_dev, &bj);
    bool ok = true;
    for (size_t k = 0; k < nb; k++) ok = ok && !b[k].oom;
    cairo_rectangle_list_t *clip = ok ? cairo_copy_clip_rectangle_list(cr) : NULL;
    if (clip && clip->status == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(target);
        band_stripe job[MAX_STRIPES];
        for (int t = 0; t < nst; t++)
            job[t] = (band_stripe){ cairo_image_surface_get_data(target), fmt, W, cairo_image_surface_get_stride(target),
                                    r0 + (r1 - r0) * t / nst, r0 + (r1 - r0) * (t + 1) / nst, clip,
                                    ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3], cairo_get_antialias(cr),
                                    cairo_get_tolerance(cr), b, nb, false };
        nplot__parallel(nst, band_stripe_main, job);
        cairo_surface_mark_dirty_rectangle(target, 0, r0, W, r1 - r0);
        for (int t = 0; t < nst; t++) ok = ok && job[t].ok;
        if (!ok) nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory filling contour bands");
        ok = true; /* done, well or not */
    } else {
        ok = false; /* drawn in one piece: out of memory is reported there */
    }
    if (clip) cairo_rectangle_list_destroy(clip);
    for (size_t k = 0; k < nb; k++) {
        nd_free_mem(b[k].x);
        nd_free_mem(b[k].poly);
    }
    nd_free_mem(b);
    return ok;
}

/* The painter of a filled set: its bands in stripes, or each by nplot__draw_patches. */
static void draw_bands(render_ctx *rc, nplot_axes *ax, const artist *p)
{
    size_t nb = 0;
    for (artist *a = ax->artists; a; a = a->next) nb += a->cset == p->cset && a->kind == ART_PATCHES;
    artist **items = nd_malloc(sizeof(artist *) * (nb ? nb : 1), "nplot");
    if (!items) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory filling contour bands");
        return;
    }
    size_t k = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (a->cset == p->cset && a->kind == ART_PATCHES) items[k++] = a;
    if (!fill_striped(rc, ax, items, nb))
        for (size_t i = 0; i < nb; i++) nplot__draw_patches(rc, ax, items[i]);
    nd_free_mem(items);
}

void nplot__draw_contour(render_ctx *rc, nplot_axes *ax, artist *a)
{
    if (a->cfilled) {
        draw_bands(rc, ax, a);
        return;
    }
    size_t nl = a->npoly;
    cairo_t *cr = rc->cr;
    plines *lines = nd_calloc(nl ? nl : 1, sizeof(plines), "nplot");
    const artist **src = nd_calloc(nl ? nl : 1, sizeof(artist *), "nplot");
    text_box *tb = nd_calloc(nl ? nl : 1, sizeof(text_box), "nplot");
    placed_list done = { 0 };
    bool oom = !lines || !src || !tb;
    /* the lines and label sizes of the labelled levels */
    const char *s = a->text;
    for (size_t i = 0; !oom && i < nl; i++) {
        for (artist *l = ax->artists; l; l = l->next)
            if (l->cset == a->cset && l->kind == ART_LINE && l->clev[0] == a->sizes[i]) src[i] = l;
        tb[i] = next_label(rc, a, &s);
        if (src[i]) device_lines(rc, ax, src[i], &lines[i]);
    }
    double spacing = a->edge_lw * (rc->raster ? 1 : rc->scale * 72 / ax->fig->dpi);
    if (a->n) {
        /* manual: a label at the contour point nearest each position */
        xform tf = nplot__xform(ax);
        for (size_t m = 0; !oom && m < a->n; m++) {
            double px, py, qx = 0, qy = 0;
            size_t l = 0, pi = 0, ins = 0;
            nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[m], a->y[m], &px, &py);
            if (!isfinite(px + py) || !nearest_on(lines, nl, px, py, &l, &pi, &ins, &qx, &qy)) continue;
            pline *p = &lines[l].p[pi];
            /* make the point a vertex of its polyline */
            double *nx = nd_malloc(sizeof(double) * (p->n + 1) * 2, "nplot");
            if (!nx) {
                oom = true;
                break;
            }
            double *ny = nx + p->n + 1;
            memcpy(nx, p->x, sizeof(double) * ins);
            memcpy(ny, p->y, sizeof(double) * ins);
            nx[ins] = qx, ny[ins] = qy;
            memcpy(nx + ins + 1, p->x + ins, sizeof(double) * (p->n - ins));
            memcpy(ny + ins + 1, p->y + ins, sizeof(double) * (p->n - ins));
            pline q = { nx, ny, p->n + 1 };
            double rot = rot_and_break(&q, ins, tb[l].w, spacing, a->has_edge, &lines[l]);
            nd_free_mem(nx);
            place_add(&done, qx, qy, rot, (int)l);
            if (a->has_edge && !lines[l].oom) {
                /* the pieces (appended) replace the polyline */
                p = &lines[l].p[pi];
                nd_free_mem(p->x);
                nd_free_mem(p->y);
                *p = lines[l].p[--lines[l].n];
            }
        }
    } else {
        for (size_t l = 0; !oom && l < nl; l++) {
            double lw = tb[l].w;
            plines kept = { 0 };
            for (size_t i = 0; i < lines[l].n; i++) {
                const pline *p = &lines[l].p[i];
                if (!label_fits(p, lw)) {
                    plines_add(&kept, p->x, p->y, p->n);
                    continue;
                }
                size_t ind = locate_label(p, lw, &done);
                double rot = rot_and_break(p, ind, lw, spacing, a->has_edge, &kept);
                place_add(&done, p->x[ind], p->y[ind], rot, (int)l);
            }
            oom = oom || kept.oom;
            plines_free(&lines[l]);
            lines[l] = kept;
        }
    }
    oom = oom || done.oom;
    for (size_t l = 0; lines && l < nl; l++) oom = oom || lines[l].oom;
    if (oom) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory placing contour labels");
    } else {
        /* the lines: a labelled level broken under its labels (inline), the others whole */
        size_t nls = 0;
        for (artist *l = ax->artists; l; l = l->next) nls += l->cset == a->cset && l->kind == ART_LINE;
        level_stroke *ls = nd_calloc(nls ? nls : 1, sizeof(level_stroke), "nplot");
        bool ok = ls != NULL;
        size_t k = 0;
        for (artist *l = ax->artists; ok && l; l = l->next) {
            if (l->cset != a->cset || l->kind != ART_LINE) continue;
            size_t i = 0;
            while (i < nl && src[i] != l) i++;
            ls[k].l = l;
            if (i < nl && a->has_edge) ls[k].pl = &lines[i];
            else if (l->n && !(ls[k].dx = to_device(rc, ax, l, &ls[k].dy))) ok = false;
            else ls[k].n = l->n;
            k++;
        }
        if (!ok) {
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing contours");
        } else if (!stroke_striped(rc, ax, ls, nls)) {
            cairo_save(cr);
            cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
            cairo_clip(cr);
            stroke_levels(cr, rc->scale, ls, nls);
            cairo_restore(cr);
        }
        for (size_t q = 0; ls && q < nls; q++) nd_free_mem(ls[q].dx);
        nd_free_mem(ls);
        for (size_t i = 0; i < done.n; i++) {
            const placed *p = &done.p[i];
            const artist *l = src[p->level];
            rgba c = a->colors ? a->colors[p->level] : l ? l->lp.color : a->ts.color;
            if (!a->colors && l) c.a *= l->alpha;
            nplot__text_place(rc, &tb[p->level], p->x, p->y, HA_CENTER, VA_CENTER, p->rot, &c, true);
        }
    }
    for (size_t l = 0; lines && l < nl; l++) plines_free(&lines[l]);
    for (size_t i = 0; tb && i < nl; i++) nplot__text_free(&tb[i]);
    nd_free_mem(lines);
    nd_free_mem(src);
    nd_free_mem(tb);
    nd_free_mem(done.p);
}

/* ---- 3-D labels ------------------------------------------------------------------------------ */
/* One labelled 3-D set: its labels as placed, their layouts and colors (one per level). */
typedef struct labels3d {
    struct labels3d *next;
    placed_list done;
    text_box *tb;
    rgba *color;
    size_t nl;
} labels3d;

static bool gap_add(nplot__clabels3d *L, size_t *cap, const artist *line, double lo, double hi)
{
    if (!(hi > lo)) return true;
    if (L->ngap == *cap) {
        nplot__clabel_gap *ng = nplot__grow(L->gap, cap, L->ngap, L->ngap ? 2 * L->ngap : 16, sizeof *ng, "nplot");
        if (!ng) return false;
        L->gap = ng;
    }
    L->gap[L->ngap++] = (nplot__clabel_gap){ line, lo, hi };
    return true;
}

/* The part of polyline p (vertices base, base + 1, ... of line) under a label lw wide at its
 * vertex ind, with spacing beside it, as vertex ranges of line: what rot_and_break leaves
 * out, two ranges when the label sits across the start of a closed line. */
static bool label_gaps(nplot__clabels3d *L, size_t *cap, const artist *line, size_t base, const pline *p,
                       size_t ind, double lw, double spacing)
{
    size_t n = p->n;
    double *pl = nd_malloc(sizeof(double) * n * 2, "nplot");
    if (!pl) return false;
    double *ix = pl + n;
    pl[0] = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) pl[i] = pl[i - 1] + hypot(p->x[i] - p->x[i - 1], p->y[i] - p->y[i - 1]);
        ix[i] = (double)(base + i);
    }
    double len = pl[n - 1], a = pl[ind] - lw / 2 - spacing, b = pl[ind] + lw / 2 + spacing;
    bool closed = n > 2 && p->x[0] == p->x[n - 1] && p->y[0] == p->y[n - 1];
    double r[2][2] = { { fmax(a, 0), fmin(b, len) }, { 0, 0 } };
    if (closed && b - a >= len) r[0][0] = 0, r[0][1] = len;
    else if (closed && a < 0) r[0][0] = a + len, r[1][1] = b;
    else if (closed && b > len) r[1][1] = b - len;
    bool ok = true;
    for (int k = 0; k < 2 && ok; k++)
        ok = gap_add(L, cap, line, interp(r[k][0], pl, ix, n, NAN, NAN), interp(r[k][1], pl, ix, n, NAN, NAN));
    nd_free_mem(pl);
    return ok;
}

static int cmp_gap(const void *pa, const void *pb)
{
    const nplot__clabel_gap *a = pa, *b = pb;
    uintptr_t la = (uintptr_t)a->line, lb = (uintptr_t)b->line;
    if (la != lb) return la < lb ? -1 : 1;
    return a->lo < b->lo ? -1 : a->lo > b->lo ? 1 : 0;
}

static void labels3d_free(labels3d *s)
{
    for (size_t i = 0; s->tb && i < s->nl; i++) nplot__text_free(&s->tb[i]);
    nd_free_mem(s->tb);
    nd_free_mem(s->color);
    nd_free_mem(s->done.p);
    nd_free_mem(s);
}

bool nplot__clabels3d_place(render_ctx *rc, nplot_axes *ax, const artist *a, const artist *const *lines,
                            const double *const *sx, const double *const *sy, size_t nlines, nplot__clabels3d *L)
{
    size_t nl = a->npoly, cap = L->ngap;
    labels3d *s = nd_calloc(1, sizeof *s, "nplot");
    bool ok = s && (s->tb = nd_calloc(nl ? nl : 1, sizeof(text_box), "nplot")) &&
              (s->color = nd_malloc(sizeof(rgba) * (nl ? nl : 1), "nplot"));
    double spacing = a->edge_lw * (rc->raster ? 1 : rc->scale * 72 / ax->fig->dpi);
    const char *txt = a->text;
    for (size_t i = 0; ok && i < nl; i++, s->nl++) {
        s->tb[i] = next_label(rc, a, &txt);
        size_t li = nlines;
        for (size_t k = 0; k < nlines; k++)
            if (lines[k]->clev[0] == a->sizes[i]) li = k;
        const artist *l = li < nlines ? lines[li] : NULL;
        s->color[i] = a->colors ? a->colors[i] : l ? l->lp.color : a->ts.color;
        if (!a->colors && l) s->color[i].a *= l->alpha;
        double lw = s->tb[i].w;
        for (size_t j = 0, m = 0; ok && l && j <= l->n; j++) {
            if (j < l->n && isfinite(sx[li][j]) && isfinite(sy[li][j])) {
                m++;
                continue;
            }
            pline p = { (double *)(uintptr_t)(sx[li] + j - m), (double *)(uintptr_t)(sy[li] + j - m), m };
            if (m && label_fits(&p, lw)) {
                size_t ind = locate_label(&p, lw, &s->done);
                plines none = { 0 };
                double rot = rot_and_break(&p, ind, lw, spacing, false, &none);
                place_add(&s->done, p.x[ind], p.y[ind], rot, (int)i);
                ok = !none.oom && !s->done.oom &&
                     (!a->has_edge || label_gaps(L, &cap, l, j - m, &p, ind, lw, spacing));
            }
            m = 0;
        }
    }
    if (!ok) {
        if (s) labels3d_free(s);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory placing contour labels");
        return false;
    }
    if (L->ngap) qsort(L->gap, L->ngap, sizeof *L->gap, cmp_gap);
    s->next = L->labels;
    L->labels = s;
    return true;
}

void nplot__clabels3d_draw(render_ctx *rc, const nplot__clabels3d *L)
{
    for (const labels3d *s = L->labels; s; s = s->next)
        for (size_t i = 0; i < s->done.n; i++) {
            const placed *p = &s->done.p[i];
            nplot__text_place(rc, &s->tb[p->level], p->x, p->y, HA_CENTER, VA_CENTER, p->rot, &s->color[p->level],
                              true);
        }
}

void nplot__clabels3d_free(nplot__clabels3d *L)
{
    for (labels3d *s = L->labels, *nx; s; s = nx) {
        nx = s->next;
        labels3d_free(s);
    }
    nd_free_mem(L->gap);
    *L = (nplot__clabels3d){ 0 };
}

/* ---- colorbar --------------------------------------------------------------------------------- */
/* The outline and extend triangles of a contourf colorbar whose set extends: the colorbar
 * gradient's painter (a transparent one-pixel image over the bar, carrying the under /
 * over colors, kind_image.c's draw_cbar_decor), the long axis reaching extendfrac 0.05 of
 * the bar (in its scale) beyond each extended end. */
static nd_status cbar_extends(nplot_axes *cax, bool vertical, double lo, double hi, int ext, rgba under,
                              rgba over, const char *who)
{
    nplot_figure *fig = cax->fig;
    axis_state *lng = vertical ? &cax->ya : &cax->xa;
    double t0 = nplot__scale_fwd(lng, lo), t1 = nplot__scale_fwd(lng, hi), e = 0.05 * (t1 - t0);
    if (ext & EXT_MIN) lng->lo_fixed = nplot__scale_inv(lng, t0 - e);
    if (ext & EXT_MAX) lng->hi_fixed = nplot__scale_inv(lng, t1 + e);
    artist *g = nplot__artist_add(cax, ART_IMAGE, who);
    if (!g) return fig->status;
    g->pix = nd_calloc(1, sizeof(uint32_t), who); /* transparent */
    g->colors = nd_malloc(sizeof(rgba) * 2, who);
    double xs[2] = { vertical ? 0 : lo, vertical ? 1 : hi }, ys[2] = { vertical ? lo : 0, vertical ? hi : 1 };
    if (!g->pix || !g->colors) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if (!(g->x = nplot__copy_or_index(fig, xs, 2, who)) || !(g->y = nplot__copy_or_index(fig, ys, 2, who)))
        return fig->status;
    g->n = 2;
    g->colors[0] = under;
    g->colors[1] = over;
    g->iw = g->ih = 1;
    g->interp = INTERP_NEAREST;
    g->autoscale = false;
    g->zorder = 2.5; /* the outline over the bands */
    g->map.cbar_gradient = true;
    g->map.cbar_vertical = vertical;
    g->map.cbar_extend = ext;
    g->edge = fig->style->axes_edge;
    g->edge_lw = fig->style->axes_linewidth;
    return ND_OK;
}

/* matplotlib's colorbar of a ContourSet: the bar spans the levels; contourf's bands are
 * solid rectangles in the band colors, contour's levels are lines across the bar in the
 * line colors and widths. Ticks at the levels (FixedLocator(levels, nbins=10)). The long
 * axis is logarithmic under a LogNorm (matplotlib: "if contours have lognorm, give them a
 * log scale"), else linear; an extended contourf set gets the extend triangles in its
 * extended bands' colors. */
nd_status nplot__contour_colorbar(nplot_axes *cax, nplot_axes *ax, int c, bool vertical, const char *who)
{
    nplot_figure *fig = ax->fig;
    int n = cset_count(ax, c);
    artist *first = cset_item(ax, c, 0), *last = cset_item(ax, c, n - 1);
    bool filled = first->cfilled;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++) {
        const artist *a = cset_item(ax, c, i);
        for (int e = 0; e < 2; e++)
            if (isfinite(a->clev[e])) lo = fmin(lo, a->clev[e]), hi = fmax(hi, a->clev[e]);
    }
    if (!(lo < hi)) hi = lo + 1;
    bool logscale = first->map.norm.kind == NPLOT_NORM_LOG;
    if (!logscale && (vertical ? nplot_set_yscale_(cax, "linear", NULL) : nplot_set_xscale_(cax, "linear", NULL)))
        return fig->status;
    axis_state *lng = vertical ? &cax->ya : &cax->xa;
    lng->set_lo = lng->set_hi = true;
    lng->lo_fixed = lo;
    lng->hi_fixed = hi;
    lng->tick_lo = lo, lng->tick_hi = hi;
    int ext = filled ? (first->clev[0] == -INFINITY ? EXT_MIN : 0) | (last->clev[1] == INFINITY ? EXT_MAX : 0) : 0;
    /* the outline: the triangles' painter draws it around bar and triangles, else spines */
    for (int i = 0; i < 4; i++) cax->spine[i] = !ext;
    if (ext && cbar_extends(cax, vertical, lo, hi, ext, first->face, last->face, who)) return fig->status;
    /* one rectangle per band, or a line per level */
    double *x = nd_malloc(sizeof(double) * 5 * (size_t)n, who), *y = nd_malloc(sizeof(double) * 5 * (size_t)n, who);
    rgba *cols = nd_malloc(sizeof(rgba) * (size_t)n, who);
    nd_status st = ND_OK;
    if (!x || !y || !cols) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    double ticks[64];
    int nt = 0;
    for (int i = 0; i < n; i++) {
        const artist *a = cset_item(ax, c, i);
        if (nt < 63 && (!filled || isfinite(a->clev[0]))) ticks[nt++] = a->clev[0];
        if (filled && i == n - 1 && isfinite(a->clev[1]) && nt < 64) ticks[nt++] = a->clev[1];
        if (filled) {
            double b0 = fmax(a->clev[0], lo), b1 = fmin(a->clev[1], hi);
            double u[5] = { 0, 1, 1, 0, NAN }, v[5] = { b0, b0, b1, b1, NAN };
            for (int k = 0; k < 5; k++) {
                x[5 * i + k] = vertical ? u[k] : v[k];
                y[5 * i + k] = vertical ? v[k] : u[k];
            }
            cols[i] = a->face;
            continue;
        }
        double u[2] = { 0, 1 }, v[2] = { a->clev[0], a->clev[0] };
        artist *l = nplot__artist_add(cax, ART_LINE, who);
        if (!l || !(l->x = nplot__copy_or_index(fig, vertical ? u : v, 2, who)) ||
            !(l->y = nplot__copy_or_index(fig, vertical ? v : u, 2, who))) {
            st = fig->status;
            goto done;
        }
        l->n = 2;
        l->lp = a->lp;
        l->lp.dashes = NULL;
        l->lp.ndashes = 0;
        l->lp.ls = LS_SOLID; /* matplotlib's colorbar lines are solid */
        l->alpha = a->alpha;
        l->autoscale = false;
        l->zorder = 2;
    }
    if (filled) {
        artist *p = nplot__patches_new(cax, x, y, 5 * (size_t)n, (size_t)n, cols, who);
        if (!p) {
            st = fig->status;
            goto done;
        }
        p->autoscale = false;
        p->aliased = true;
        p->zorder = 0.5;
    }
    /* FixedLocator(levels, nbins=10): every step-th level, the phase nearest zero */
    int step = nt > 10 ? (nt + 9) / 10 : 1;
    double pick[64];
    int np = 0, best = 0;
    double bestabs = INFINITY;
    for (int ph = 0; ph < step; ph++) {
        double m = INFINITY;
        for (int i = ph; i < nt; i += step) m = fmin(m, fabs(ticks[i]));
        if (m < bestabs) bestabs = m, best = ph;
    }
    for (int i = best; i < nt; i += step) pick[np++] = ticks[i];
    nplot_ticks_opts to = { 0 };
    st = vertical ? nplot_set_yticks_(cax, pick, np, &to) : nplot_set_xticks_(cax, pick, np, &to);
done:
    nd_free_mem(x);
    nd_free_mem(y);
    nd_free_mem(cols);
    return st;
}

/* Axes: creation, artists list, data limits, autoscaling with margins, shared axes. */
#include "plot_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void axis_init(axis_state *a, const nplot__style *st, bool is_x)
{
    const nplot__tick_style *tk = &st->tick[is_x ? 0 : 1];
    /* members not named are zero */
    *a = (axis_state){
        .scale = SCALE_LINEAR, .base = 10, .linthresh = 2, .linscale = 1,
        .lo = 0, .hi = 1, .margin = is_x ? st->xmargin : st->ymargin,
        .dmin = INFINITY, .dmax = -INFINITY, .minpos = INFINITY,
        .major = { tk->major_size, tk->major_width, tk->major_pad, tk->label_size, 0,
                   tk->color, tk->color, tk->dir },
        .minor = { tk->minor_size, tk->minor_width, tk->minor_pad, tk->label_size, 0,
                   tk->color, tk->color, tk->dir },
        .label_ha = -1, .ticks_side = { tk->side[0], tk->side[1] },
        .minor_side = { tk->side[0], tk->side[1] },
        .labels_side = { tk->label_side[0], tk->label_side[1] }, .axlabel_va = -1,
        .grid_major = st->grid_on,
        .grid = { { st->grid_color, st->grid_linewidth, st->grid_alpha, st->grid_dash },
                  { st->grid_color, st->grid_linewidth, st->grid_alpha, st->grid_dash } },
        .label_ts = { st->label_size, st->label_color, TW_NORMAL, TS_NORMAL, st->font_family },
        .labelpad = st->label_pad,
    };
}

void nplot__axis_init_z(nplot_axes *ax)
{
    axis_init(&ax->za, ax->fig->style, false);
}

void nplot__axis_init(nplot_axes *ax, axis_state *a, bool is_x)
{
    axis_init(a, ax->fig->style, is_x);
}

nplot_axes *nplot__axes_new(nplot_figure *fig, const char *who)
{
    nplot_axes *ax = nd_calloc(1, sizeof *ax, who);
    if (!ax) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    const nplot__style *st = fig->style;
    ax->fig = fig;
    axis_init(&ax->xa, st, true);
    axis_init(&ax->ya, st, false);
    ax->face = st->axes_face;
    ax->frame_on = true;
    ax->spine[0] = st->spine_left;
    ax->spine[1] = st->spine_bottom;
    ax->spine[2] = st->spine_right;
    ax->spine[3] = st->spine_top;
    ax->title_pad = st->title_pad;
    ax->anchor[0] = ax->anchor[1] = 0.5;
    ax->pr.anchor_code[0] = 'C';
    for (int i = 0; i < 3; i++)
        ax->title_ts[i] = (text_style){ st->title_size, st->text_color, st->title_weight,
                                        TS_NORMAL, st->font_family };
    if (!fig->axes) fig->axes = ax;
    else fig->last_axes->next = ax;
    fig->last_axes = ax;
    fig->naxes++;
    nplot__mark_dirty(fig);
    return ax;
}

void nplot__artist_free(artist *a)
{
    nd_free_mem(a->label);
    nd_free_mem(a->x);
    nd_free_mem(a->y);
    nd_free_mem(a->sizes);
    nd_free_mem(a->colors);
    nd_free_mem(a->edge_colors);
    nd_free_mem(a->text);
    nd_free_mem(a->lp.dashes);
    nd_free_mem(a->pix);
    nd_free_mem(a->z);
    nd_free_mem(a->vec);
    nd_free_mem(a->table);
    nd_free_mem(a);
}

void nplot__axis_free(axis_state *a)
{
    nd_free_mem(a->fixed);
    for (int i = 0; i < a->nfixed_labels; i++) nd_free_mem(a->fixed_labels[i]);
    nd_free_mem(a->fixed_labels);
    nd_free_mem(a->fixed_minor);
    nd_free_mem(a->fmt.fmt);
    nd_free_mem(a->fmt.symbol);
    nd_free_mem(a->minor_fmt.fmt);
    nd_free_mem(a->minor_fmt.symbol);
    nd_free_mem(a->label);
    for (int i = 0; i < a->nticks; i++) nd_free_mem(a->ticklabels[i]);
    nd_free_mem(a->ticklabels);
    nd_free_mem(a->ticks);
    nd_free_mem(a->offset_text);
    nd_free_mem(a->minor_ticks);
    nd_free_mem(a->sticky);
    for (int i = 0; i < a->ncats; i++) nd_free_mem(a->cats[i]);
    nd_free_mem(a->cats);
}

void nplot__axes_free(nplot_axes *ax)
{
    for (artist *a = ax->artists, *n; a; a = n) {
        n = a->next;
        nplot__artist_free(a);
    }
    nplot__axis_free(&ax->xa);
    nplot__axis_free(&ax->ya);
    nplot__axis_free(&ax->za);
    for (int i = 0; i < 3; i++) nd_free_mem(ax->title[i]);
    nplot__axes_legends_free(ax);
    nd_free_mem(ax->polar);
    nd_free_mem(ax->secondary);
    nd_free_mem(ax->pr.label);
    nd_free_mem(ax->pr.gid);
    nd_free_mem(ax->pr.url);
    nd_free_mem(ax->pr.clip_path);
    nplot__pcycle_free(ax);
    nplot__containers_free(ax);
    nd_free_mem(ax);
}

artist *nplot__artist_add(nplot_axes *ax, artist_kind kind, const char *who)
{
    artist *a = nd_calloc(1, sizeof *a, who);
    if (!a) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    a->kind = kind;
    a->ax = ax;
    a->alpha = 1;
    a->autoscale = true;
    if (!ax->artists) ax->artists = a;
    else ax->last_artist->next = a;
    ax->last_artist = a;
    ax->nartists++;
    nplot__mark_dirty(ax->fig);
    return a;
}

nd_status nplot__container_add(nplot_axes *ax, artist **parts, size_t n, int kind, const char *who)
{
    size_t m = (size_t)ax->ncontainers;
    struct nplot__container *c = nd_malloc(sizeof *c * (m + 1), who);
    artist **p = nd_malloc(sizeof *p * (n ? n : 1), who);
    if (!c || !p) {
        nd_free_mem(c);
        nd_free_mem(p);
        return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (m) memcpy(c, ax->containers, sizeof *c * m);
    nd_free_mem(ax->containers);
    ax->containers = c;
    memcpy(p, parts, sizeof *p * n);
    c[ax->ncontainers++] = (struct nplot__container){ kind, n, p };
    return ND_OK;
}

nd_status nplot__container_note(nplot_axes *ax, artist *before, int kind, const char *who)
{
    artist *first = before ? before->next : ax->artists;
    size_t n = 0;
    for (artist *a = first; a; a = a->next) n++;
    if (!n) return ND_OK;
    artist **parts = nd_malloc(sizeof *parts * n, who);
    if (!parts) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    n = 0;
    for (artist *a = first; a; a = a->next) parts[n++] = a;
    nd_status st = nplot__container_add(ax, parts, n, kind, who);
    nd_free_mem(parts);
    return st;
}

void nplot__containers_free(nplot_axes *ax)
{
    for (int i = 0; i < ax->ncontainers; i++) nd_free_mem(ax->containers[i].parts);
    nd_free_mem(ax->containers);
    ax->containers = NULL;
    ax->ncontainers = 0;
}

/* An axes' own cycle (set_prop_cycle) first; one without colors gives black, as
 * matplotlib's get_next_color ('k' when the cycler has no color). */
rgba nplot__next_line_color(nplot_axes *ax)
{
    const nplot__style *st = ax->fig->style;
    rgba c;
    int i = ax->line_cycle++;
    if (nplot__pcycle_color(ax, i, &c)) return c;
    return ax->pcycle ? (rgba){ 0, 0, 0, 1 } : st->cycle[i % st->ncycle];
}

rgba nplot__next_patch_color(nplot_axes *ax)
{
    const nplot__style *st = ax->fig->style;
    rgba c;
    int i = ax->patch_cycle++;
    if (nplot__pcycle_color(ax, i, &c)) return c;
    return ax->pcycle ? (rgba){ 0, 0, 0, 1 } : st->cycle[i % st->ncycle];
}

static void extend(axis_state *a, double v)
{
    if (!isfinite(v)) return;
    if (v < a->dmin) a->dmin = v;
    if (v > a->dmax) a->dmax = v;
    if (v > 0 && v < a->minpos) a->minpos = v;
    a->has_data = true;
}

void nplot__datalim_point(nplot_axes *ax, double x, double y)
{
    if (!isfinite(x) || !isfinite(y)) return;
    extend(&ax->xa, x);
    extend(&ax->ya, y);
}

/* The extent of one coordinate's finite values (nplot__extent, plot_model.h): locals
 * instead of the axis fields, so the loop keeps them in registers (a 10M-point scatter
 * spent a third of its time here storing through the axis on every point). */
static void extent_merge(axis_state *a, const nplot__extent *e)
{
    if (!e->any) return;
    if (e->lo < a->dmin) a->dmin = e->lo;
    if (e->hi > a->dmax) a->dmax = e->hi;
    if (e->minpos < a->minpos) a->minpos = e->minpos;
    a->has_data = true;
}

/* nplot__copy_extent: two lanes of two values at a time, branch-free (GCC's vector
 * extension, also in clang), as the per-point loop below is one chain of compares and
 * branches (1.9 ms for a million-point line, 1.5 ms this way, and nothing more when it
 * rides on the copy that a line makes anyway). */
#ifdef NPLOT__V2
typedef nplot__v2d v2d;

static double first_zero(const double *v, size_t n)
{
    size_t i = 0;
    while (i < n && v[i] != 0) i++;
    return i < n ? v[i] : 0;
}

bool nplot__copy_extent(double *dst, const double *src, size_t n, nplot__extent *e)
{
    enum { BLOCK = 4096 };
    const v2d inf = { INFINITY, INFINITY }, zero = { 0, 0 };
    v2d lo[2] = { inf, inf }, hi[2] = { -inf, -inf }, mp[2] = { inf, inf }, nan[2] = { zero, zero };
    size_t i = 0;
    while (i + 4 <= n) {
        size_t end = n - i > BLOCK ? i + BLOCK : n - (n - i) % 4;
        for (; i < end; i += 4)
            for (int k = 0; k < 2; k++) {
                v2d x;
                memcpy(&x, src + i + 2 * k, sizeof x);
                if (dst) memcpy(dst + i + 2 * k, &x, sizeof x);
                v2d p = NPLOT__SEL(x > zero, x, inf);
                nan[k] += x - x; /* NaN once a value is not finite */
                lo[k] = NPLOT__SEL(x < lo[k], x, lo[k]);
                hi[k] = NPLOT__SEL(x > hi[k], x, hi[k]);
                mp[k] = NPLOT__SEL(p < mp[k], p, mp[k]);
            }
        v2d z = nan[0] + nan[1];
        if (!(z[0] + z[1] == 0)) break;
    }
    if (dst) memcpy(dst + i, src + i, sizeof(double) * (n - i));
    v2d z = nan[0] + nan[1];
    if (!(z[0] + z[1] == 0)) return false;
    *e = (nplot__extent){ INFINITY, -INFINITY, INFINITY, n > 0 };
    for (; i < n; i++) {
        double x = src[i], p = x > 0 ? x : INFINITY;
        if (!isfinite(x)) return false;
        e->lo = x < e->lo ? x : e->lo;
        e->hi = x > e->hi ? x : e->hi;
        e->minpos = p < e->minpos ? p : e->minpos;
    }
    for (int k = 0; k < 4; k++) {
        double l = lo[k / 2][k % 2], h = hi[k / 2][k % 2], m = mp[k / 2][k % 2];
        e->lo = l < e->lo ? l : e->lo;
        e->hi = h > e->hi ? h : e->hi;
        e->minpos = m < e->minpos ? m : e->minpos;
    }
    /* the per-point loop keeps the first of equal values: lanes merged out of order could
     * give -0.0 for 0.0 or the reverse, so a zero end is the first zero's sign */
    if (e->lo == 0) e->lo = first_zero(src, n);
    if (e->hi == 0) e->hi = first_zero(src, n);
    return true;
}
#else
bool nplot__copy_extent(double *dst, const double *src, size_t n, nplot__extent *e)
{
    (void)e;
    if (dst) memcpy(dst, src, sizeof(double) * n);
    return false;
}
#endif

/* A line or scatter of finite data in data coordinates (the common case): its limits from
 * the lane-parallel pass. */
static bool datalim_finite(nplot_axes *ax, const artist *a)
{
    nplot__extent ex, ey;
    if (a->xcoord != COORD_DATA || a->ycoord != COORD_DATA || a->n < 64 ||
        !nplot__copy_extent(NULL, a->x, a->n, &ex) || !nplot__copy_extent(NULL, a->y, a->n, &ey))
        return false;
    nplot__datalim_extent(ax, a, &ex, &ey);
    return true;
}

void nplot__datalim_extent(nplot_axes *ax, const artist *a, const nplot__extent *ex, const nplot__extent *ey)
{
    if (!a->autoscale || !nplot__class_of(a->kind)->datalim) return;
    extent_merge(&ax->xa, ex);
    extent_merge(&ax->ya, ey);
}

void nplot__update_datalim(nplot_axes *ax, artist *a)
{
    if (!a->autoscale) return;
    if (!nplot__class_of(a->kind)->datalim) return;
    if (datalim_finite(ax, a)) return;
    /* a point only counts when both coordinates are finite (matplotlib ignores NaN
     * vertices), except for one-dimensional artists such as axhline. */
    bool xd = a->xcoord == COORD_DATA, yd = a->ycoord == COORD_DATA, both = xd && yd;
    nplot__extent ex = { INFINITY, -INFINITY, INFINITY, false }, ey = ex;
    const double *xs = a->x, *ys = a->y;
    for (size_t i = 0, n = a->n; i < n; i++) {
        double x = xs[i], y = ys[i];
        bool fx = isfinite(x), fy = isfinite(y);
        if (both && !(fx && fy)) continue;
        if (xd && fx) {
            ex.lo = x < ex.lo ? x : ex.lo;
            ex.hi = x > ex.hi ? x : ex.hi;
            double px = x > 0 ? x : INFINITY;
            ex.minpos = px < ex.minpos ? px : ex.minpos;
            ex.any = true;
        }
        if (yd && fy) {
            ey.lo = y < ey.lo ? y : ey.lo;
            ey.hi = y > ey.hi ? y : ey.hi;
            double py = y > 0 ? y : INFINITY;
            ey.minpos = py < ey.minpos ? py : ey.minpos;
            ey.any = true;
        }
    }
    extent_merge(&ax->xa, &ex);
    extent_merge(&ax->ya, &ey);
}

nd_status nplot__add_sticky(nplot_axes *ax, bool x, double v, const char *who)
{
    axis_state *a = x ? &ax->xa : &ax->ya;
    if (!isfinite(v)) return ND_OK;
    for (int i = 0; i < a->nsticky; i++)
        if (a->sticky[i] == v) return ND_OK;
    size_t n = (size_t)a->nsticky;
    double *s = nplot__grow(a->sticky, &a->cap_sticky, n, n + 1, sizeof *s, who);
    if (!s) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    a->sticky = s;
    a->sticky[a->nsticky++] = v;
    return ND_OK;
}

double nplot__category(nplot_axes *ax, bool x, const char *label, const char *who)
{
    axis_state *a = x ? &ax->xa : &ax->ya;
    if (!label) return nplot__fail(ax->fig, ND_EVALUE, "%s: category label is NULL", who);
    if (a->date) /* matplotlib's ConversionError: strings on a date axis (issue 17) */
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: category \"%s\" on the %s axis, which is a date axis", who,
                           label, x ? "x" : "y");
    for (int i = 0; i < a->ncats; i++)
        if (!strcmp(a->cats[i], label)) return i;
    size_t n = (size_t)a->ncats;
    char **cats = nplot__grow(a->cats, &a->cap_cats, n, n + 1, sizeof *cats, who);
    if (!cats) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    a->cats = cats;
    char *c = nplot__strdup(ax->fig, label, who);
    if (!c) return ax->fig->status;
    a->cats[a->ncats] = c;
    nplot__mark_dirty(ax->fig);
    return a->ncats++;
}

/* ---- autoscale ------------------------------------------------------------------------------------ */
static axis_state *root_axis(nplot_axes *ax, bool x)
{
    axis_state *a = x ? &ax->xa : &ax->ya;
    int guard = 0;
    while (a->share_root && guard++ < 64) {
        nplot_axes *r = a->share_root;
        a = x ? &r->xa : &r->ya;
    }
    return a;
}

static void decade_expand(double *lo, double *hi, double base)
{
    double l = floor(log(*lo) / log(base) + 1e-12), h = ceil(log(*hi) / log(base) - 1e-12);
    if (h <= l) h = l + 1;
    *lo = pow(base, l);
    *hi = pow(base, h);
}

static void autoscale_axis(nplot_figure *fig, nplot_axes *ax, bool x)
{
    axis_state *self = x ? &ax->xa : &ax->ya;
    axis_state *root = root_axis(ax, x);
    /* union of the data limits over the sharing group */
    double dmin = INFINITY, dmax = -INFINITY, minpos = INFINITY;
    bool has = false, tight = root->tight;
    for (nplot_axes *o = fig->axes; o; o = o->next) {
        if (root_axis(o, x) != root) continue;
        axis_state *s = x ? &o->xa : &o->ya;
        if (s->has_data) {
            has = true;
            dmin = fmin(dmin, s->dmin);
            dmax = fmax(dmax, s->dmax);
            minpos = fmin(minpos, s->minpos);
        }
    }
    const axis_state *sc = root;
    double lo, hi;
    /* matplotlib compares the sticky edges with the data limits before a log scale
     * replaces a non-positive minimum by minpos (bars from 0 keep their margin) */
    double raw_min = dmin;
    /* logit: LogitLocator.nonsingular and limit_range_for_scale (matplotlib 3.6) */
    double lmin = isfinite(minpos) && minpos > 0 && minpos < 1 ? minpos : 1e-7;
    if (sc->scale == SCALE_LOGIT) {
        if (!has || !isfinite(dmin) || !isfinite(dmax) || dmax <= 0 || dmin >= 1) {
            if (has) nd_warn("nplot: data has no values between 0 and 1, and therefore cannot be logit-scaled");
            lo = 1e-7;
            hi = 1 - 1e-7;
            has = false;
        } else {
            lo = dmin <= 0 ? lmin : dmin;
            hi = dmax >= 1 ? 1 - lmin : dmax;
            if (lo == hi) lo *= 0.1, hi = 1 - (1 - hi) * 0.1;
        }
    } else if (sc->scale == SCALE_LOG) {
        if (has && dmin <= 0) dmin = minpos;
        if (!has || !isfinite(dmin) || !isfinite(dmax) || dmax <= 0) {
            lo = 1;
            hi = 10;
            has = false;
        } else {
            lo = dmin;
            hi = dmax;
            if (lo == hi) decade_expand(&lo, &hi, sc->base);
        }
    } else if (!has) {
        lo = 0;
        hi = 1;
    } else {
        lo = dmin;
        hi = dmax;
        if (sc->date && lo == hi) { /* AutoDateLocator.nonsingular: two years either side */
            lo -= 730;
            hi += 730;
        } else if (hi - lo <= fmax(fabs(lo), fabs(hi)) * 1e-15) {
            if (lo == 0 && hi == 0) {
                lo = -0.05;
                hi = 0.05;
            } else {
                lo -= 0.05 * fabs(lo);
                hi += 0.05 * fabs(hi);
            }
        }
    }
    double m = tight ? 0 : sc->margin;
    if (has && m > 0) {
        double tl = nplot__scale_fwd(sc, lo), th = nplot__scale_fwd(sc, hi);
        double d = (th - tl) * m;
        double dlo = fmin(lo, raw_min), dhi = hi;
        lo = nplot__scale_inv(sc, tl - d);
        hi = nplot__scale_inv(sc, th + d);
        /* matplotlib's sticky edges: the margin stops at the nearest sticky value at or
         * below the data minimum (above the maximum) — bars start at 0, images fill */
        double tol = 1e-5 * fabs(dhi - dlo), b0 = -INFINITY, b1 = INFINITY;
        for (nplot_axes *o = fig->axes; o; o = o->next) {
            if (root_axis(o, x) != root) continue;
            const axis_state *s = x ? &o->xa : &o->ya;
            for (int i = 0; i < s->nsticky; i++) {
                double v = s->sticky[i];
                if (sc->scale == SCALE_LOG && !(v > 0)) continue;
                if (v < dlo + tol && v > b0) b0 = v;
                if (v > dhi - tol && v < b1) b1 = v;
            }
        }
        lo = fmax(lo, b0);
        hi = fmin(hi, b1);
    }
    if (root->set_lo) lo = root->lo_fixed;
    if (root->set_hi) hi = root->hi_fixed;
    if (sc->scale == SCALE_LOGIT) {
        if (!(lo > 0 && lo < 1)) lo = lo >= 1 ? 1 - lmin : lmin;
        if (!(hi > 0 && hi < 1)) hi = hi <= 0 ? lmin : 1 - lmin;
    }
    if (sc->scale == SCALE_LOG) {
        if (!(hi > 0)) hi = lo * 10;
    }
    if (lo == hi) {
        double e = lo == 0 ? 0.05 : 0.05 * fabs(lo);
        lo -= e;
        hi += e;
    }
    bool inv = root->inverted;
    if (root->set_lo && root->set_hi) inv = false; /* explicit order wins */
    if (inv) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    self->lo = lo;
    self->hi = hi;
    if (self != root) {
        self->scale = root->scale;
        self->base = root->base;
        self->linthresh = root->linthresh;
        self->linscale = root->linscale;
        self->linear_width = root->linear_width;
        self->fn_fwd = root->fn_fwd;
        self->fn_inv = root->fn_inv;
        self->fn_ctx = root->fn_ctx;
    }
}

void nplot__autoscale(nplot_figure *fig)
{
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        autoscale_axis(fig, ax, true);
        autoscale_axis(fig, ax, false);
        if (ax->polar) nplot__polar_limits(ax); /* theta: the sector; r: from 0 (polar.c) */
    }
}

nd_status nplot__text_style_from(nplot_figure *fig, const nplot_text_opts *o, double defsize,
                                 text_style *ts, const char *who)
{
    const nplot__style *st = fig->style;
    ts->size = NPLOT_OPT(o->fontsize, defsize);
    if (o->fontsize < 0 || !isfinite(o->fontsize))
        return nplot__fail(fig, ND_EVALUE, "%s: fontsize must be positive, got %g", who,
                           o->fontsize);
    ts->color = st->text_color;
    if (o->color && nplot__color(o->color, st, &ts->color, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->alpha > 0) ts->color.a *= nplot__clampd(o->alpha, 0, 1);
    ts->weight = TW_NORMAL;
    if (o->weight) {
        static const struct { const char *n; int w; } wt[] = {
            { "normal", TW_NORMAL }, { "regular", TW_NORMAL },
            { "bold", TW_BOLD }, { "light", TW_LIGHT },
            { "heavy", TW_HEAVY }, { "semibold", TW_SEMIBOLD },
            { "ultralight", TW_ULTRALIGHT }, { "black", TW_HEAVY },
            { "medium", TW_MEDIUM }, { "extra bold", TW_ULTRABOLD },
        };
        int w = -1;
        for (size_t i = 0; i < sizeof wt / sizeof *wt; i++)
            if (strcmp(o->weight, wt[i].n) == 0) w = wt[i].w;
        if (w < 0) {
            char *end;
            long v = strtol(o->weight, &end, 10);
            if (*end == '\0' && v >= 100 && v <= 1000) w = (int)v;
        }
        if (w < 0) return nplot__fail(fig, ND_EVALUE, "%s: unknown font weight '%s'", who, o->weight);
        ts->weight = w;
    }
    ts->style = TS_NORMAL;
    if (o->style) {
        if (!strcmp(o->style, "italic")) ts->style = TS_ITALIC;
        else if (!strcmp(o->style, "oblique")) ts->style = TS_OBLIQUE;
        else if (strcmp(o->style, "normal"))
            return nplot__fail(fig, ND_EVALUE, "%s: unknown font style '%s'", who, o->style);
    }
    ts->family = NULL;
    if (o->family) {
        /* family names must outlive the call: keep the common ones as literals */
        static const char *const fam[] = { "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono",
                                           "sans-serif", "serif", "monospace",
                                           "WenQuanYi Micro Hei" };
        for (size_t i = 0; i < sizeof fam / sizeof *fam; i++)
            if (!strcmp(o->family, fam[i])) ts->family = fam[i];
        if (!ts->family)
            return nplot__fail(fig, ND_EVALUE, "%s: font family '%s' is not one of DejaVu Sans, "
                                               "DejaVu Serif, DejaVu Sans Mono, sans-serif, "
                                               "serif, monospace", who, o->family);
    } else {
        ts->family = st->font_family;
    }
    return ND_OK;
}

axis_state *nplot__zaxis_root(nplot_axes *ax)
{
    axis_state *a = &ax->za;
    int guard = 0;
    while (a->share_root && guard++ < 64) a = &a->share_root->za;
    return a;
}

void nplot__zlimits(nplot_axes *ax, double *lo, double *hi)
{
    /* sharez: the data of the whole group, the fixed limits and inversion of its root */
    axis_state *a = &ax->za, *r = nplot__zaxis_root(ax);
    bool has = false;
    double l = 0, h = 1;
    for (nplot_axes *o = ax->fig->axes; o; o = o->next) {
        if (!o->is3d || !o->za.has_data || (o != ax && nplot__zaxis_root(o) != r)) continue;
        l = has ? fmin(l, o->za.dmin) : o->za.dmin;
        h = has ? fmax(h, o->za.dmax) : o->za.dmax;
        has = true;
    }
    if (h - l <= 1e-15 * fmax(fabs(l), fabs(h))) {
        double e = l == 0 ? 0.05 : 0.05 * fabs(l);
        l -= e, h += e;
    } else if (has) {
        double d = (h - l) * a->margin;
        l -= d, h += d;
    }
    if (r->inverted) { /* invert_zaxis on automatic limits */
        double t = l;
        l = h, h = t;
    }
    if (r->set_lo) l = r->lo_fixed;
    if (r->set_hi) h = r->hi_fixed;
    a->lo = l, a->hi = h;
    *lo = l, *hi = h;
}

/* Norms (matplotlib.colors: Normalize, LogNorm, SymLogNorm, PowerNorm, TwoSlopeNorm,
 * CenteredNorm, AsinhNorm, BoundaryNorm, NoNorm) and the mappable that carries one: a
 * norm is validated and autoscaled once, when an artist is created, and every colour of
 * a color-mapped artist then comes from nplot__map_color / nplot__map_index. The
 * formulas are matplotlib 3.6's (colors.py, scale.py), operation for operation. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* ---- validation ---------------------------------------------------------------------- */
static int parse_extend(const char *s)
{
    if (!s || !strcmp(s, "neither")) return 0;
    if (!strcmp(s, "min")) return EXTEND_MIN;
    if (!strcmp(s, "max")) return EXTEND_MAX;
    if (!strcmp(s, "both")) return EXTEND_MIN | EXTEND_MAX;
    return -1;
}

static const char *const norm_names[] = {
    [NPLOT_NORM_LINEAR] = "Normalize",       [NPLOT_NORM_LOG] = "LogNorm",
    [NPLOT_NORM_SYMLOG] = "SymLogNorm",      [NPLOT_NORM_POWER] = "PowerNorm",
    [NPLOT_NORM_TWOSLOPE] = "TwoSlopeNorm",  [NPLOT_NORM_CENTERED] = "CenteredNorm",
    [NPLOT_NORM_ASINH] = "AsinhNorm",        [NPLOT_NORM_BOUNDARY] = "BoundaryNorm",
    [NPLOT_NORM_NONE] = "NoNorm",
};

/* The BoundaryNorm part of norm_init: matplotlib's __init__ checks, plus increasing
 * edges (which matplotlib assumes without checking). */
static nd_status boundary_init(const nplot_norm *u, norm_state *ns, const char *who)
{
    const char *nm = "BoundaryNorm";
    size_t nb = u->boundaries.n;
    if (nb < 2 || !u->boundaries.v)
        return nd_set_error(ND_EVALUE, "%s: %s: You must provide at least 2 boundaries (1 region) "
                                       "but you passed in %zu", who, nm, u->boundaries.v ? nb : 0);
    if (nb > NORM_MAX_BOUNDS)
        return nd_set_error(ND_EVALUE, "%s: %s: at most %d boundaries, got %zu", who, nm,
                            NORM_MAX_BOUNDS, nb);
    for (size_t i = 0; i < nb; i++) {
        if (!isfinite(u->boundaries.v[i]))
            return nd_set_error(ND_EVALUE, "%s: %s: boundary %zu is not finite (%g)", who, nm, i,
                                u->boundaries.v[i]);
        if (i && !(u->boundaries.v[i] > u->boundaries.v[i - 1]))
            return nd_set_error(ND_EVALUE, "%s: %s: boundaries must be monotonically increasing, "
                                           "but boundary %zu (%g) follows %g", who, nm, i,
                                u->boundaries.v[i], u->boundaries.v[i - 1]);
    }
    int ext = parse_extend(u->extend);
    if (ext < 0)
        return nd_set_error(ND_EVALUE, "%s: %s: extend must be 'neither', 'both', 'min' or 'max', "
                                       "got '%s'", who, nm, u->extend);
    if (u->clip && ext)
        return nd_set_error(ND_EVALUE, "%s: %s: 'clip=True' is not compatible with 'extend'", who, nm);
    ns->nb = (int)nb;
    memcpy(ns->bounds, u->boundaries.v, sizeof(double) * nb);
    ns->extend = ext;
    ns->nregions = ns->nb - 1 + !!(ext & EXTEND_MIN) + !!(ext & EXTEND_MAX);
    ns->offset = !!(ext & EXTEND_MIN);
    ns->ncolors = u->ncolors;
    if (u->ncolors < ns->nregions)
        return nd_set_error(ND_EVALUE, "%s: %s: There are %d color bins including extensions, but "
                                       "ncolors = %d; ncolors must equal or exceed the number of bins",
                            who, nm, ns->nregions, u->ncolors);
    return ND_OK;
}

/* The parameters of u (NULL: Normalize) into ns, checked as matplotlib's constructors
 * and scale transforms check them. */
static nd_status norm_init(const nplot_norm *u, norm_state *ns, const char *who)
{
    memset(ns, 0, sizeof *ns);
    if (!u) return ND_OK;
    if ((unsigned)u->kind > NPLOT_NORM_NONE)
        return nd_set_error(ND_EVALUE, "%s: unknown norm kind %d", who, (int)u->kind);
    const char *nm = norm_names[u->kind];
    ns->kind = u->kind;
    ns->clip = u->clip;
    ns->vcenter = u->vcenter;
    switch (u->kind) {
    case NPLOT_NORM_SYMLOG:
        ns->base = u->base != 0 ? u->base : 10;
        ns->linscale = u->linscale != 0 ? u->linscale : 1;
        ns->linthresh = u->linthresh;
        if (!(ns->base > 1)) return nd_set_error(ND_EVALUE, "%s: %s: 'base' must be larger than 1, got %g", who, nm, ns->base);
        if (!(ns->linthresh > 0))
            return nd_set_error(ND_EVALUE, "%s: %s: 'linthresh' must be positive, got %g", who, nm, ns->linthresh);
        if (!(ns->linscale > 0))
            return nd_set_error(ND_EVALUE, "%s: %s: 'linscale' must be positive, got %g", who, nm, ns->linscale);
        break;
    case NPLOT_NORM_ASINH:
        ns->linear_width = u->linear_width != 0 ? u->linear_width : 1;
        if (!(ns->linear_width > 0))
            return nd_set_error(ND_EVALUE, "%s: %s: Scale parameter 'linear_width' must be strictly "
                                           "positive, got %g", who, nm, ns->linear_width);
        break;
    case NPLOT_NORM_POWER:
        ns->gamma = u->gamma;
        if (!(u->gamma > 0) || !isfinite(u->gamma))
            return nd_set_error(ND_EVALUE, "%s: %s: gamma must be positive, got %g", who, nm, u->gamma);
        break;
    case NPLOT_NORM_TWOSLOPE:
        if (!isfinite(u->vcenter))
            return nd_set_error(ND_EVALUE, "%s: %s: vcenter must be finite, got %g", who, nm, u->vcenter);
        break;
    case NPLOT_NORM_CENTERED:
        if (!isfinite(u->vcenter) || !isfinite(u->halfrange))
            return nd_set_error(ND_EVALUE, "%s: %s: vcenter and halfrange must be finite", who, nm);
        break;
    case NPLOT_NORM_BOUNDARY:
        return boundary_init(u, ns, who);
    default:
        break;
    }
    return ND_OK;
}

/* ---- the transforms of the scale-based norms (matplotlib.scale) ----------------------- */
static double symlog_adj(const norm_state *ns)
{
    return ns->linscale / (1.0 - pow(ns->base, -1));
}

/* LogTransform (nonpositive='mask'), SymmetricalLogTransform, AsinhTransform */
static double scale_fwd(const norm_state *ns, double a)
{
    switch (ns->kind) {
    case NPLOT_NORM_LOG:
        return log10(a); /* <= 0: NaN / -inf, masked by the caller */
    case NPLOT_NORM_SYMLOG: {
        double abs_a = fabs(a), adj = symlog_adj(ns);
        if (abs_a <= ns->linthresh) return a * adj;
        double sign = a > 0 ? 1 : a < 0 ? -1 : a;
        return sign * ns->linthresh * (adj + log(abs_a / ns->linthresh) / log(ns->base));
    }
    case NPLOT_NORM_ASINH:
        return ns->linear_width * asinh(a / ns->linear_width);
    default:
        return a;
    }
}

static double scale_inv(const norm_state *ns, double a)
{
    switch (ns->kind) {
    case NPLOT_NORM_LOG:
        return pow(10, a);
    case NPLOT_NORM_SYMLOG: {
        double abs_a = fabs(a), adj = symlog_adj(ns);
        if (abs_a <= scale_fwd(ns, ns->linthresh)) return a / adj;
        double sign = a > 0 ? 1 : a < 0 ? -1 : a;
        return sign * ns->linthresh * pow(ns->base, abs_a / ns->linthresh - adj);
    }
    case NPLOT_NORM_ASINH:
        return ns->linear_width * sinh(a / ns->linear_width);
    default:
        return a;
    }
}

static bool scale_based(nplot_norm_kind k)
{
    return k == NPLOT_NORM_LOG || k == NPLOT_NORM_SYMLOG || k == NPLOT_NORM_ASINH;
}

/* ---- autoscale (autoscale_None) and the limit checks ----------------------------------- */
/* The range of the values the norm can take (finite, and in the transform's domain for
 * the scale-based norms: LogNorm autoscales from the positive values only). */
static bool data_range(const norm_state *ns, const double *v, size_t n, double *lo, double *hi)
{
    double a = INFINITY, b = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        if (!(x > -INFINITY && x < INFINITY)) continue;
        if (ns->kind == NPLOT_NORM_LOG && !(x > 0)) continue;
        if (x < a) a = x;
        if (x > b) b = x;
    }
    *lo = a, *hi = b;
    return a <= b;
}

/* vmin/vmax of m from the requested limits (NaN: from the data) and the data. */
static nd_status autoscale(mappable *m, double vmin, double vmax, const double *data, size_t n,
                           const char *who)
{
    const norm_state *ns = &m->norm;
    const char *nm = norm_names[ns->kind];
    double lo = 0, hi = 0;
    bool have = data_range(ns, data, n, &lo, &hi);
    if (!have) {
        /* nothing to scale from: matplotlib leaves the norm unscaled; show a unit range */
        lo = ns->kind == NPLOT_NORM_LOG ? 1 : 0;
        hi = ns->kind == NPLOT_NORM_LOG ? 10 : 1;
    }
    switch (ns->kind) {
    case NPLOT_NORM_BOUNDARY:
        m->vmin = ns->bounds[0];
        m->vmax = ns->bounds[ns->nb - 1];
        return ND_OK;
    case NPLOT_NORM_CENTERED: {
        double hr = fabs(m->norm.halfrange_req);
        if (hr == 0 && have) hr = fmax(ns->vcenter - lo, hi - ns->vcenter);
        m->vmin = ns->vcenter - hr;
        m->vmax = ns->vcenter + hr;
        return ND_OK;
    }
    default:
        break;
    }
    m->vmin = isnan(vmin) ? lo : vmin;
    m->vmax = isnan(vmax) ? hi : vmax;
    if (ns->kind == NPLOT_NORM_TWOSLOPE) {
        if (!isnan(vmax) && ns->vcenter >= vmax)
            return nd_set_error(ND_EVALUE, "%s: %s: vmin, vcenter, and vmax must be in ascending order "
                                           "(vcenter %g, vmax %g)", who, nm, ns->vcenter, vmax);
        if (!isnan(vmin) && ns->vcenter <= vmin)
            return nd_set_error(ND_EVALUE, "%s: %s: vmin, vcenter, and vmax must be in ascending order "
                                           "(vmin %g, vcenter %g)", who, nm, vmin, ns->vcenter);
        if (m->vmin > ns->vcenter) m->vmin = ns->vcenter;
        if (m->vmax < ns->vcenter) m->vmax = ns->vcenter;
    }
    if (!isfinite(m->vmin) || !isfinite(m->vmax))
        return nd_set_error(ND_EVALUE, "%s: %s: vmin and vmax must be finite, got %g and %g", who, nm,
                            m->vmin, m->vmax);
    if (m->vmin > m->vmax)
        return nd_set_error(ND_EVALUE, "%s: %s: %s (vmin %g, vmax %g)", who, nm,
                            scale_based(ns->kind) ? "vmin must be less or equal to vmax"
                                                  : "minvalue must be less than or equal to maxvalue",
                            m->vmin, m->vmax);
    if (scale_based(ns->kind) && (!isfinite(scale_fwd(ns, m->vmin)) || !isfinite(scale_fwd(ns, m->vmax))))
        return nd_set_error(ND_EVALUE, "%s: %s: Invalid vmin or vmax (vmin %g, vmax %g)", who, nm,
                            m->vmin, m->vmax);
    return ND_OK;
}

/* The whole resolution without a figure: shared by nplot__mappable_init and the public
 * nplot_norm_apply / nplot_norm_inverse. */
static nd_status resolve(mappable *m, const nplot_norm *norm, double vmin, double vmax,
                         const double *data, size_t n, const char *who)
{
    nd_status st = norm_init(norm, &m->norm, who);
    if (st) return st;
    double lo = NAN, hi = NAN;
    if (norm) {
        m->norm.halfrange_req = norm->halfrange;
        if (norm->vmin != norm->vmax || isnan(norm->vmin) || isnan(norm->vmax))
            lo = norm->vmin, hi = norm->vmax;
    } else if (vmin != vmax) {
        lo = vmin, hi = vmax;
    }
    return autoscale(m, lo, hi, data, n, who);
}

nd_status nplot__mappable_init(nplot_figure *fig, mappable *m, const char *cmap,
                               const nplot_norm *norm, double vmin, double vmax,
                               const double *data, size_t n, const char *who)
{
    memset(m, 0, sizeof *m);
    if (nplot__cmap_find(cmap ? cmap : fig->style->image_cmap, &m->cm, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (norm && vmin != vmax)
        return nplot__fail(fig, ND_EVALUE, "%s: Passing a Normalize instance simultaneously with "
                                           "vmin/vmax is not supported.  Please pass vmin/vmax "
                                           "directly to the norm when creating it.", who);
    if (resolve(m, norm, vmin, vmax, data, n, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    m->on = true;
    return ND_OK;
}

/* ---- forward and inverse ------------------------------------------------------------------ */
/* BoundaryNorm.__call__ for one unmasked value */
static double boundary_index(const norm_state *ns, double x)
{
    double vmin = ns->bounds[0], vmax = ns->bounds[ns->nb - 1];
    int max_col = ns->ncolors;
    if (ns->clip) {
        x = nplot__clampd(x, vmin, vmax);
        max_col = ns->ncolors - 1;
    }
    if (x < vmin) return -1;
    if (x >= vmax) return max_col;
    int k = 0; /* np.digitize: how many edges are <= x */
    while (k < ns->nb && ns->bounds[k] <= x) k++;
    double iret = k - 1 + ns->offset;
    if (ns->ncolors > ns->nregions) {
        if (ns->nregions == 1) iret = iret == 0 ? (ns->ncolors - 1) / 2 : iret;
        else iret = (double)(ns->ncolors - 1) / (ns->nregions - 1) * iret;
    }
    return trunc(iret); /* astype(np.int16) */
}

double nplot__norm_fwd(const mappable *m, double v)
{
    const norm_state *ns = &m->norm;
    double vmin = m->vmin, vmax = m->vmax;
    if (!isfinite(v)) return NAN; /* masked_invalid, as the color-mapped kinds mask data */
    switch (ns->kind) {
    case NPLOT_NORM_NONE:
        return v;
    case NPLOT_NORM_BOUNDARY:
        return boundary_index(ns, v);
    case NPLOT_NORM_TWOSLOPE: {
        /* np.interp(v, [vmin, vcenter, vmax], [0, 0.5, 1], left=-inf, right=inf) */
        double vc = ns->vcenter;
        if (v < vmin) return -INFINITY;
        if (v > vmax) return INFINITY;
        if (v == vmax) return 1;
        if (v >= vc) return 0.5 / (vmax - vc) * (v - vc) + 0.5;
        return 0.5 / (vc - vmin) * (v - vmin);
    }
    default:
        break;
    }
    if (vmin == vmax) return 0;
    if (ns->clip) v = nplot__clampd(v, vmin, vmax);
    if (ns->kind == NPLOT_NORM_POWER) {
        double r = v - vmin;
        if (r < 0) r = 0;
        return pow(r, ns->gamma) / pow(vmax - vmin, ns->gamma);
    }
    if (scale_based(ns->kind)) {
        double t = scale_fwd(ns, v), t0 = scale_fwd(ns, vmin), t1 = scale_fwd(ns, vmax);
        t = (t - t0) / (t1 - t0);
        return isfinite(t) ? t : NAN; /* masked_invalid */
    }
    return (v - vmin) / (vmax - vmin);
}

double nplot__norm_inv(const mappable *m, double t)
{
    const norm_state *ns = &m->norm;
    double vmin = m->vmin, vmax = m->vmax;
    switch (ns->kind) {
    case NPLOT_NORM_NONE:
        return t;
    case NPLOT_NORM_BOUNDARY:
        return NAN;
    case NPLOT_NORM_TWOSLOPE: {
        /* np.interp(t, [0, 0.5, 1], [vmin, vcenter, vmax], left=-inf, right=inf) */
        double vc = ns->vcenter;
        if (isnan(t)) return NAN;
        if (t < 0) return -INFINITY;
        if (t > 1) return INFINITY;
        if (t == 1) return vmax;
        if (t >= 0.5) return (vmax - vc) / 0.5 * (t - 0.5) + vc;
        return (vc - vmin) / 0.5 * t + vmin;
    }
    case NPLOT_NORM_POWER:
        return pow(t, 1. / ns->gamma) * (vmax - vmin) + vmin;
    default:
        break;
    }
    if (scale_based(ns->kind)) {
        double t0 = scale_fwd(ns, vmin), t1 = scale_fwd(ns, vmax);
        double r = t * (t1 - t0);
        r += t0;
        return scale_inv(ns, r);
    }
    return vmin + t * (vmax - vmin);
}

double nplot__norm_axis_fwd(const mappable *m, double v)
{
    if (!m) return v; /* an axis that took the scale without the norm (a shared copy) */
    double w = m->vmax - m->vmin;
    if (v < m->vmin) return (v - m->vmin) / w;
    if (v > m->vmax) return 1 + (v - m->vmax) / w;
    return nplot__norm_fwd(m, v);
}

double nplot__norm_axis_inv(const mappable *m, double t)
{
    if (!m) return t;
    double w = m->vmax - m->vmin;
    if (t < 0) return m->vmin + t * w;
    if (t > 1) return m->vmax + (t - 1) * w;
    return nplot__norm_inv(m, t);
}

/* ---- colors ------------------------------------------------------------------------------- */
int nplot__map_index(const mappable *m, double v)
{
    int n = m->cm.n;
    double x = nplot__norm_fwd(m, v);
    if (isnan(x)) return n + 1;
    if (m->norm.kind == NPLOT_NORM_BOUNDARY || m->norm.kind == NPLOT_NORM_NONE) {
        /* integer indices go to the colormap as they are */
        x = floor(x);
        return x < 0 ? MAP_UNDER : x > n - 1 ? n : (int)x;
    }
    /* Colormap.__call__: xa = x * N; N → N - 1; clip to [-1, N]; truncate; then the
     * under / over entries */
    x *= n;
    if (x == n) x = n - 1;
    x = nplot__clampd(x, -1, n);
    int k = (int)x;
    return k > n - 1 ? n : k < 0 ? MAP_UNDER : k;
}

rgba nplot__map_entry(const mappable *m, int k)
{
    int n = m->cm.n;
    /* the colormap's own under / over / bad colors sit beyond [0, 1] and at NaN */
    double t = k == MAP_UNDER ? -1.0 : k == n ? 2.0 : k > n ? NAN : (k + 0.5) / n;
    return nplot__cmap_at(&m->cm, t);
}

rgba nplot__map_color(const mappable *m, double v)
{
    return nplot__map_entry(m, nplot__map_index(m, v));
}

/* ---- the public norm(values) / norm.inverse ------------------------------------------------- */
nd_status nplot_norm_apply(const nplot_norm *norm, const double *values, size_t n, double *out)
{
    static const char *who = "nplot_norm_apply";
    if (n && (!values || !out)) return nd_set_error(ND_EVALUE, "%s: values and out are required", who);
    mappable m = { 0 };
    nd_status st = resolve(&m, norm, 0, 0, values, n, who);
    if (st) return st;
    for (size_t i = 0; i < n; i++) out[i] = nplot__norm_fwd(&m, values[i]);
    return ND_OK;
}

nd_status nplot_norm_inverse(const nplot_norm *norm, const double *values, size_t nvalues,
                             const double *t, size_t n, double *out)
{
    static const char *who = "nplot_norm_inverse";
    if ((nvalues && !values) || (n && (!t || !out)))
        return nd_set_error(ND_EVALUE, "%s: values, t and out are required", who);
    if (norm && norm->kind == NPLOT_NORM_BOUNDARY)
        return nd_set_error(ND_EVALUE, "%s: BoundaryNorm is not invertible", who);
    mappable m = { 0 };
    nd_status st = resolve(&m, norm, 0, 0, values, nvalues, who);
    if (st) return st;
    for (size_t i = 0; i < n; i++) out[i] = nplot__norm_inv(&m, t[i]);
    return ND_OK;
}

/* matplotlib 3.6's ArrowStyle, ConnectionStyle and BoxStyle geometry, rewritten in C from
 * the algorithms of patches.py and bezier.py (bisection to 0.01 display units, de Casteljau
 * splits, wedged Bezier offsets), so the vertices agree with matplotlib's. */
#include "fancy.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEG (M_PI / 180.0)

/* ---- paths ------------------------------------------------------------------------------ */
void nplot__fp_free(fpath *p)
{
    nd_free_mem(p->x);
    nd_free_mem(p->y);
    nd_free_mem(p->c);
    *p = (fpath){ 0 };
}

void nplot__fp_add(fpath *p, int code, double x, double y)
{
    if (p->oom) return;
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 16;
        double *nx = nd_malloc(cap * sizeof *nx, "nplot"), *ny = nd_malloc(cap * sizeof *ny, "nplot");
        unsigned char *nc = nd_malloc(cap, "nplot");
        if (!nx || !ny || !nc) {
            nd_free_mem(nx);
            nd_free_mem(ny);
            nd_free_mem(nc);
            p->oom = true;
            return;
        }
        if (p->n) {
            memcpy(nx, p->x, p->n * sizeof *nx);
            memcpy(ny, p->y, p->n * sizeof *ny);
            memcpy(nc, p->c, p->n);
        }
        nd_free_mem(p->x);
        nd_free_mem(p->y);
        nd_free_mem(p->c);
        p->x = nx, p->y = ny, p->c = nc, p->cap = cap;
    }
    p->x[p->n] = x, p->y[p->n] = y, p->c[p->n] = (unsigned char)code;
    p->n++;
}

/* ---- style strings ------------------------------------------------------------------------ */
typedef struct style_def {
    const char *name;
    const char *params[FSTYLE_NP]; /* NULL-terminated */
    double defs[FSTYLE_NP];
} style_def;

#define NONE NAN
static const style_def arrow_defs[ARS_N] = {
    [ARS_CURVE] = { "-", { NULL }, { 0 } },
    [ARS_CURVE_A] = { "<-", { "head_length", "head_width", "widthA", "widthB", "lengthA", "lengthB",
                              "angleA", "angleB", "scaleA", "scaleB" },
                      { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_CURVE_B] = { "->", { "head_length", "head_width", "widthA", "widthB", "lengthA", "lengthB",
                              "angleA", "angleB", "scaleA", "scaleB" },
                      { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_CURVE_AB] = { "<->", { "head_length", "head_width", "widthA", "widthB", "lengthA",
                                "lengthB", "angleA", "angleB", "scaleA", "scaleB" },
                       { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_FILLED_A] = { "<|-", { "head_length", "head_width", "widthA", "widthB", "lengthA",
                                "lengthB", "angleA", "angleB", "scaleA", "scaleB" },
                       { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_FILLED_B] = { "-|>", { "head_length", "head_width", "widthA", "widthB", "lengthA",
                                "lengthB", "angleA", "angleB", "scaleA", "scaleB" },
                       { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_FILLED_AB] = { "<|-|>", { "head_length", "head_width", "widthA", "widthB", "lengthA",
                                   "lengthB", "angleA", "angleB", "scaleA", "scaleB" },
                        { .4, .2, 1, 1, .2, .2, 0, 0, NONE, NONE } },
    [ARS_BRACKET_A] = { "]-", { "widthA", "lengthA", "angleA" }, { 1, .2, 0 } },
    [ARS_BRACKET_B] = { "-[", { "widthB", "lengthB", "angleB" }, { 1, .2, 0 } },
    [ARS_BRACKET_AB] = { "]-[", { "widthA", "lengthA", "angleA", "widthB", "lengthB", "angleB" },
                         { 1, .2, 0, 1, .2, 0 } },
    [ARS_BAR_AB] = { "|-|", { "widthA", "angleA", "widthB", "angleB" }, { 1, 0, 1, 0 } },
    [ARS_BRACKET_CURVE] = { "]->", { "widthA", "lengthA", "angleA" }, { 1, .2, NONE } },
    [ARS_CURVE_BRACKET] = { "<-[", { "widthB", "lengthB", "angleB" }, { 1, .2, NONE } },
    [ARS_SIMPLE] = { "simple", { "head_length", "head_width", "tail_width" }, { .5, .5, .2 } },
    [ARS_FANCY] = { "fancy", { "head_length", "head_width", "tail_width" }, { .4, .4, .4 } },
    [ARS_WEDGE] = { "wedge", { "tail_width", "shrink_factor" }, { .3, .5 } },
};
static const style_def conn_defs[CNS_N] = {
    [CNS_ARC3] = { "arc3", { "rad" }, { 0 } },
    [CNS_ANGLE3] = { "angle3", { "angleA", "angleB" }, { 90, 0 } },
    [CNS_ANGLE] = { "angle", { "angleA", "angleB", "rad" }, { 90, 0, 0 } },
    [CNS_ARC] = { "arc", { "angleA", "angleB", "armA", "armB", "rad" }, { 0, 0, NONE, NONE, 0 } },
    [CNS_BAR] = { "bar", { "armA", "armB", "fraction", "angle" }, { 0, 0, .3, NONE } },
};
static const style_def box_defs[BXS_N] = {
    [BXS_SQUARE] = { "square", { "pad" }, { .3 } },
    [BXS_CIRCLE] = { "circle", { "pad" }, { .3 } },
    [BXS_LARROW] = { "larrow", { "pad" }, { .3 } },
    [BXS_RARROW] = { "rarrow", { "pad" }, { .3 } },
    [BXS_DARROW] = { "darrow", { "pad" }, { .3 } },
    [BXS_ROUND] = { "round", { "pad", "rounding_size" }, { .3, NONE } },
    [BXS_ROUND4] = { "round4", { "pad", "rounding_size" }, { .3, NONE } },
    [BXS_SAWTOOTH] = { "sawtooth", { "pad", "tooth_size" }, { .3, NONE } },
    [BXS_ROUNDTOOTH] = { "roundtooth", { "pad", "tooth_size" }, { .3, NONE } },
};

static void list_names(char *buf, size_t cap, const style_def *d, int n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s'%s'", i ? ", " : "", d[i].name);
}

static void list_params(char *buf, size_t cap, const style_def *d)
{
    size_t k = 0;
    buf[0] = '\0';
    if (!d->params[0]) {
        snprintf(buf, cap, "none");
        return;
    }
    for (int i = 0; i < FSTYLE_NP && d->params[i] && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? ", " : "", d->params[i]);
}

static nd_status parse_style(const char *s, fstyle *st, const style_def *d, int n, bool fold,
                             const char *family, const char *who)
{
    char buf[256], names[400];
    if (!s) return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, family);
    size_t k = 0;
    for (const char *p = s; *p; p++) { /* matplotlib drops every space */
        if (*p == ' ') continue;
        if (k + 1 >= sizeof buf)
            return nd_set_error(ND_EVALUE, "%s: %s '%.60s...' is too long", who, family, s);
        buf[k++] = *p;
    }
    buf[k] = '\0';
    char *comma = strchr(buf, ',');
    if (comma) *comma = '\0';
    int kind = -1;
    for (int i = 0; i < n && kind < 0; i++) {
        const char *a = buf, *b = d[i].name;
        while (*a && *b && (fold ? tolower((unsigned char)*a) == *b : *a == *b)) a++, b++;
        if (!*a && !*b) kind = i;
    }
    if (kind < 0) {
        list_names(names, sizeof names, d, n);
        return nd_set_error(ND_EVALUE, "%s: unknown %s '%s' (valid: %s)", who, family, s, names);
    }
    st->kind = kind;
    for (int i = 0; i < FSTYLE_NP; i++) st->p[i] = d[kind].defs[i];
    char *arg = comma ? comma + 1 : NULL;
    while (arg) {
        char *next = strchr(arg, ',');
        if (next) *next++ = '\0';
        char *eq = strchr(arg, '=');
        int pi = -1;
        if (eq) {
            *eq = '\0';
            for (int i = 0; i < FSTYLE_NP && d[kind].params[i] && pi < 0; i++)
                if (!strcmp(arg, d[kind].params[i])) pi = i;
        }
        if (pi < 0) {
            list_params(names, sizeof names, &d[kind]);
            return nd_set_error(ND_EVALUE, "%s: %s '%s': unknown parameter '%s' (valid for '%s': %s)",
                                who, family, s, arg, d[kind].name, names);
        }
        char *end;
        double v = strtod(eq + 1, &end);
        if (end == eq + 1 || *end || !isfinite(v))
            return nd_set_error(ND_EVALUE, "%s: %s '%s': %s must be a finite number, got '%s'", who,
                                family, s, arg, eq + 1);
        st->p[pi] = v;
        arg = next;
    }
    return ND_OK;
}

nd_status nplot__arrowstyle_parse(const char *s, fstyle *st, const char *who)
{
    return parse_style(s, st, arrow_defs, ARS_N, true, "arrowstyle", who);
}
nd_status nplot__connstyle_parse(const char *s, fstyle *st, const char *who)
{
    return parse_style(s, st, conn_defs, CNS_N, true, "connectionstyle", who);
}
nd_status nplot__boxstyle_parse(const char *s, fstyle *st, const char *who)
{
    return parse_style(s, st, box_defs, BXS_N, true, "boxstyle", who);
}
bool nplot__arrowstyle_needs_quad(const fstyle *as)
{
    return as->kind == ARS_SIMPLE || as->kind == ARS_FANCY || as->kind == ARS_WEDGE;
}

/* ---- bezier.py ------------------------------------------------------------------------------ */
typedef struct pt {
    double x, y;
} pt;

typedef bool (*inside_fn)(const void *ctx, double x, double y);

typedef struct circle {
    double cx, cy, r2;
} circle;
static bool inside_circle(const void *ctx, double x, double y)
{
    const circle *c = ctx;
    return (x - c->cx) * (x - c->cx) + (y - c->cy) * (y - c->cy) < c->r2;
}
static bool inside_patch(const void *ctx, double x, double y)
{
    return nplot__fpatch_contains(ctx, x, y);
}

static pt bezier_at(const pt *b, int n, double t)
{
    /* BezierSegment.__call__: sum C(n-1, i) (1-t)^(n-1-i) t^i P_i */
    static const double comb[4][4] = { { 1 }, { 1, 1 }, { 1, 2, 1 }, { 1, 3, 3, 1 } };
    pt r = { 0, 0 };
    for (int i = 0; i < n; i++) {
        double w = comb[n - 1][i] * pow(1 - t, n - 1 - i) * pow(t, i);
        r.x += w * b[i].x;
        r.y += w * b[i].y;
    }
    return r;
}

/* split_de_casteljau: left[0..n-1], right[0..n-1] */
static void de_casteljau(const pt *b, int n, double t, pt *left, pt *right)
{
    pt beta[4];
    memcpy(beta, b, (size_t)n * sizeof *b);
    left[0] = beta[0];
    right[n - 1] = beta[n - 1];
    for (int m = n - 1, k = 1; m >= 1; m--, k++) {
        for (int i = 0; i < m; i++) {
            beta[i].x = beta[i].x * (1 - t) + beta[i + 1].x * t;
            beta[i].y = beta[i].y * (1 - t) + beta[i + 1].y * t;
        }
        left[k] = beta[0];
        right[n - 1 - k] = beta[m - 1];
    }
}

/* split_bezier_intersecting_with_closedpath: false when both ends are on the same side. */
static bool split_bezier(const pt *b, int n, inside_fn in, const void *ctx, double tol, pt *left,
                         pt *right)
{
    double t0 = 0, t1 = 1;
    pt start = bezier_at(b, n, t0), end = bezier_at(b, n, t1);
    bool si = in(ctx, start.x, start.y), ei = in(ctx, end.x, end.y);
    if (si == ei && (start.x != end.x || start.y != end.y)) return false;
    for (int it = 0; it < 200; it++) {
        if (hypot(start.x - end.x, start.y - end.y) < tol) break;
        double mt = 0.5 * (t0 + t1);
        pt mid = bezier_at(b, n, mt);
        bool mi = in(ctx, mid.x, mid.y);
        if (si ^ mi) {
            t1 = mt;
            end = mid;
        } else {
            t0 = mt;
            start = mid;
            si = mi;
        }
    }
    de_casteljau(b, n, 0.5 * (t0 + t1), left, right);
    return true;
}

static int seg_npts(int code) { return code == FP_CURVE3 ? 2 : code == FP_CURVE4 ? 3 : 1; }

/* split_path_inout: path_in / path_out; false (outputs untouched) when the path never
 * changes side. */
static bool split_path(const fpath *p, inside_fn in, const void *ctx, fpath *pin, fpath *pout)
{
    if (p->n < 2) return false;
    bool begin = in(ctx, p->x[0], p->y[0]);
    size_t iold = 0, i = 1;
    bool found = false;
    while (i < p->n) {
        int code = p->c[i];
        int k = seg_npts(code);
        if (i + (size_t)k > p->n) break;
        iold = i;
        i += (size_t)k;
        if (in(ctx, p->x[i - 1], p->y[i - 1]) != begin) {
            found = true;
            break;
        }
    }
    if (!found) return false;
    int nb = (int)(i - iold) + 1;
    pt b[4], l[4], r[4];
    for (int j = 0; j < nb; j++) b[j] = (pt){ p->x[iold - 1 + (size_t)j], p->y[iold - 1 + (size_t)j] };
    if (!split_bezier(b, nb, in, ctx, 0.01, l, r)) return false;
    int code = nb == 2 ? FP_LINETO : nb == 3 ? FP_CURVE3 : FP_CURVE4;
    for (size_t j = 0; j < iold; j++) nplot__fp_add(pin, p->c[j], p->x[j], p->y[j]);
    for (int j = 1; j < nb; j++) nplot__fp_add(pin, code, l[j].x, l[j].y);
    nplot__fp_add(pout, FP_MOVETO, r[0].x, r[0].y);
    for (int j = 1; j < nb; j++) nplot__fp_add(pout, code, r[j].x, r[j].y);
    for (size_t j = i; j < p->n; j++) nplot__fp_add(pout, p->c[j], p->x[j], p->y[j]);
    return true;
}

/* split p, keeping the `out` (true) or `in` part in *p */
static void split_keep(fpath *p, inside_fn in, const void *ctx, bool keep_out)
{
    fpath a = { 0 }, b = { 0 };
    if (split_path(p, in, ctx, &a, &b) && !a.oom && !b.oom) {
        nplot__fp_free(p);
        if (keep_out) {
            *p = b;
            nplot__fp_free(&a);
        } else {
            *p = a;
            nplot__fp_free(&b);
        }
    } else {
        if (a.oom || b.oom) p->oom = true;
        nplot__fp_free(&a);
        nplot__fp_free(&b);
    }
}

static bool get_intersection(double cx1, double cy1, double c1, double s1, double cx2, double cy2,
                             double c2, double s2, double *x, double *y)
{
    double r1 = s1 * cx1 - c1 * cy1, r2 = s2 * cx2 - c2 * cy2;
    double a = s1, b = -c1, c = s2, d = -c2;
    double ad_bc = a * d - b * c;
    if (fabs(ad_bc) < 1e-12) return false;
    double a_ = d / ad_bc, b_ = -b / ad_bc, c_ = -c / ad_bc, d_ = a / ad_bc;
    *x = a_ * r1 + b_ * r2;
    *y = c_ * r1 + d_ * r2;
    return true;
}

static void normal_points(double cx, double cy, double cos_t, double sin_t, double len, pt *l, pt *r)
{
    if (len == 0.) {
        *l = *r = (pt){ cx, cy };
        return;
    }
    *l = (pt){ len * sin_t + cx, len * -cos_t + cy };
    *r = (pt){ len * -sin_t + cx, len * cos_t + cy };
}

static void cos_sin(double x0, double y0, double x1, double y1, double *c, double *s)
{
    double dx = x1 - x0, dy = y1 - y0, d = sqrt(dx * dx + dy * dy);
    if (d == 0) {
        *c = *s = 0;
        return;
    }
    *c = dx / d;
    *s = dy / d;
}

static void get_parallels(const pt *b, double w, pt *left, pt *right)
{
    double th1 = atan2(b[0].x - b[1].x, b[0].y - b[1].y), th2 = atan2(b[1].x - b[2].x, b[1].y - b[2].y);
    double dth = fabs(th1 - th2);
    double c1, s1, c2, s2;
    if (fabs(dth - M_PI) < 1e-5 && !(dth < 1e-5)) {
        cos_sin(b[0].x, b[0].y, b[2].x, b[2].y, &c1, &s1);
        c2 = c1, s2 = s1;
    } else {
        cos_sin(b[0].x, b[0].y, b[1].x, b[1].y, &c1, &s1);
        cos_sin(b[1].x, b[1].y, b[2].x, b[2].y, &c2, &s2);
    }
    pt l1, r1, l2, r2;
    normal_points(b[0].x, b[0].y, c1, s1, w, &l1, &r1);
    normal_points(b[2].x, b[2].y, c2, s2, w, &l2, &r2);
    pt ml, mr;
    if (!get_intersection(l1.x, l1.y, c1, s1, l2.x, l2.y, c2, s2, &ml.x, &ml.y) ||
        !get_intersection(r1.x, r1.y, c1, s1, r2.x, r2.y, c2, s2, &mr.x, &mr.y)) {
        ml = (pt){ 0.5 * (l1.x + l2.x), 0.5 * (l1.y + l2.y) };
        mr = (pt){ 0.5 * (r1.x + r2.x), 0.5 * (r1.y + r2.y) };
    }
    left[0] = l1, left[1] = ml, left[2] = l2;
    right[0] = r1, right[1] = mr, right[2] = r2;
}

static void control_points(pt c1, pt mm, pt c2, pt *out)
{
    out[0] = c1;
    out[1] = (pt){ .5 * (4 * mm.x - (c1.x + c2.x)), .5 * (4 * mm.y - (c1.y + c2.y)) };
    out[2] = c2;
}

static void wedged_bezier2(const pt *b, double w, double w1, double wm, double w2, pt *left, pt *right)
{
    double c1, s1, c2, s2, c3, s3;
    cos_sin(b[0].x, b[0].y, b[1].x, b[1].y, &c1, &s1);
    cos_sin(b[1].x, b[1].y, b[2].x, b[2].y, &c2, &s2);
    pt l1, r1, l3, r3, l2, r2;
    normal_points(b[0].x, b[0].y, c1, s1, w * w1, &l1, &r1);
    normal_points(b[2].x, b[2].y, c2, s2, w * w2, &l3, &r3);
    pt c12 = { (b[0].x + b[1].x) * .5, (b[0].y + b[1].y) * .5 };
    pt c23 = { (b[1].x + b[2].x) * .5, (b[1].y + b[2].y) * .5 };
    pt c123 = { (c12.x + c23.x) * .5, (c12.y + c23.y) * .5 };
    cos_sin(c12.x, c12.y, c23.x, c23.y, &c3, &s3);
    normal_points(c123.x, c123.y, c3, s3, w * wm, &l2, &r2);
    control_points(l1, l2, l3, left);
    control_points(r1, r2, r3, right);
}

/* ---- patch containment ------------------------------------------------------------------ */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by)
{
    double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    double t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(px - ax - t * dx, py - ay - t * dy);
}

bool nplot__fpatch_contains(const fpatch *p, double x, double y)
{
    const fpath *f = p->path;
    if (!f || f->n < 2) return false;
    /* flatten into a polygon (curves by 16 samples), even-odd test, and the radius band */
    double px = f->x[0], py = f->y[0], sx = px, sy = py, dmin = INFINITY;
    bool inside = false;
    size_t i = 1;
    while (i <= f->n) {
        int code = i < f->n ? f->c[i] : FP_CLOSE;
        pt b[4] = { { px, py } };
        int nb = 2, steps = 1;
        if (code == FP_MOVETO || code == FP_CLOSE || i == f->n) {
            b[1] = (pt){ sx, sy };
        } else if (code == FP_LINETO) {
            b[1] = (pt){ f->x[i], f->y[i] };
        } else {
            nb = code == FP_CURVE3 ? 3 : 4;
            if (i + (size_t)nb - 1 > f->n) break;
            for (int j = 1; j < nb; j++) b[j] = (pt){ f->x[i + (size_t)j - 1], f->y[i + (size_t)j - 1] };
            steps = 16;
        }
        double ax = px, ay = py;
        for (int s = 1; s <= steps; s++) {
            pt q = nb == 2 ? b[1] : bezier_at(b, nb, (double)s / steps);
            if ((ay > y) != (q.y > y) && x < ax + (y - ay) * (q.x - ax) / (q.y - ay)) inside = !inside;
            dmin = fmin(dmin, seg_dist(x, y, ax, ay, q.x, q.y));
            ax = q.x, ay = q.y;
        }
        if (i == f->n) break;
        if (code == FP_MOVETO) {
            sx = f->x[i], sy = f->y[i];
            px = sx, py = sy;
            i++;
        } else if (code == FP_CLOSE) {
            px = sx, py = sy;
            i++;
        } else {
            px = ax, py = ay;
            i += (size_t)(nb - 1);
        }
    }
    return inside || dmin <= p->radius / 2;
}

/* ---- ConnectionStyle -------------------------------------------------------------------------- */
static void line_path(fpath *o, double x1, double y1, double x2, double y2)
{
    nplot__fp_add(o, FP_MOVETO, x1, y1);
    nplot__fp_add(o, FP_LINETO, x2, y2);
}

static void connect_raw(const fstyle *cs, double x1, double y1, double x2, double y2, fpath *o)
{
    const double *p = cs->p;
    switch (cs->kind) {
    case CNS_ARC3: {
        double x12 = (x1 + x2) / 2., y12 = (y1 + y2) / 2., dx = x2 - x1, dy = y2 - y1, f = p[0];
        nplot__fp_add(o, FP_MOVETO, x1, y1);
        nplot__fp_add(o, FP_CURVE3, x12 + f * dy, y12 - f * dx);
        nplot__fp_add(o, FP_CURVE3, x2, y2);
        return;
    }
    case CNS_ANGLE3:
    case CNS_ANGLE: {
        double cx, cy;
        if (!get_intersection(x1, y1, cos(p[0] * DEG), sin(p[0] * DEG), x2, y2, cos(p[1] * DEG),
                              sin(p[1] * DEG), &cx, &cy)) {
            line_path(o, x1, y1, x2, y2); /* matplotlib raises at draw time: a straight line */
            return;
        }
        nplot__fp_add(o, FP_MOVETO, x1, y1);
        if (cs->kind == CNS_ANGLE3) {
            nplot__fp_add(o, FP_CURVE3, cx, cy);
            nplot__fp_add(o, FP_CURVE3, x2, y2);
            return;
        }
        double rad = p[2];
        if (rad == 0.) {
            nplot__fp_add(o, FP_LINETO, cx, cy);
        } else {
            double dx1 = x1 - cx, dy1 = y1 - cy, f1 = rad / hypot(dx1, dy1);
            double dx2 = x2 - cx, dy2 = y2 - cy, f2 = rad / hypot(dx2, dy2);
            nplot__fp_add(o, FP_LINETO, cx + dx1 * f1, cy + dy1 * f1);
            nplot__fp_add(o, FP_CURVE3, cx, cy);
            nplot__fp_add(o, FP_CURVE3, cx + dx2 * f2, cy + dy2 * f2);
        }
        nplot__fp_add(o, FP_LINETO, x2, y2);
        return;
    }
    case CNS_ARC: {
        double angleA = p[0], angleB = p[1], armA = p[2], armB = p[3], rad = p[4];
        bool hasA = !isnan(armA) && armA != 0, hasB = !isnan(armB) && armB != 0;
        pt rounded[3];
        int nr = 0;
        nplot__fp_add(o, FP_MOVETO, x1, y1);
        if (hasA) {
            double c = cos(angleA * DEG), s = sin(angleA * DEG), d = armA - rad;
            rounded[nr++] = (pt){ x1 + d * c, y1 + d * s };
            rounded[nr++] = (pt){ x1 + armA * c, y1 + armA * s };
        }
        if (hasB) {
            double c = cos(angleB * DEG), s = sin(angleB * DEG);
            double xb = x2 + armB * c, yb = y2 + armB * s, xp, yp, dx, dy, dd;
            if (nr) {
                xp = rounded[nr - 1].x, yp = rounded[nr - 1].y;
                dx = xb - xp, dy = yb - yp, dd = sqrt(dx * dx + dy * dy);
                rounded[nr++] = (pt){ xp + rad * dx / dd, yp + rad * dy / dd };
                nplot__fp_add(o, FP_LINETO, rounded[0].x, rounded[0].y);
                nplot__fp_add(o, FP_CURVE3, rounded[1].x, rounded[1].y);
                nplot__fp_add(o, FP_CURVE3, rounded[2].x, rounded[2].y);
            } else {
                xp = x1, yp = y1;
                dx = xb - xp, dy = yb - yp, dd = sqrt(dx * dx + dy * dy);
            }
            double d = dd - rad;
            nr = 0;
            rounded[nr++] = (pt){ xp + d * dx / dd, yp + d * dy / dd };
            rounded[nr++] = (pt){ xb, yb };
        }
        if (nr) {
            double xp = rounded[nr - 1].x, yp = rounded[nr - 1].y;
            double dx = x2 - xp, dy = y2 - yp, dd = sqrt(dx * dx + dy * dy);
            rounded[nr++] = (pt){ xp + rad * dx / dd, yp + rad * dy / dd };
            nplot__fp_add(o, FP_LINETO, rounded[0].x, rounded[0].y);
            nplot__fp_add(o, FP_CURVE3, rounded[1].x, rounded[1].y);
            nplot__fp_add(o, FP_CURVE3, rounded[2].x, rounded[2].y);
        }
        nplot__fp_add(o, FP_LINETO, x2, y2);
        return;
    }
    default: { /* bar */
        double x20 = x2, y20 = y2, dx = x2 - x1, dy = y2 - y1;
        double theta1 = atan2(dy, dx), dd = sqrt(dx * dx + dy * dy);
        if (dd == 0) {
            line_path(o, x1, y1, x2, y2);
            return;
        }
        double ddx = dx / dd, ddy = dy / dd, armA = p[0], armB = p[1];
        if (!isnan(p[3])) {
            double theta0 = p[3] * DEG, dth = theta1 - theta0;
            double dl = dd * sin(dth), dL = dd * cos(dth);
            x2 = x1 + dL * cos(theta0), y2 = y1 + dL * sin(theta0);
            armB = armB - dl;
            dx = x2 - x1, dy = y2 - y1;
            double dd2 = sqrt(dx * dx + dy * dy);
            ddx = dx / dd2, ddy = dy / dd2;
        }
        double f = p[2] * dd + fmax(armA, armB);
        nplot__fp_add(o, FP_MOVETO, x1, y1);
        nplot__fp_add(o, FP_LINETO, x1 + f * ddy, y1 - f * ddx);
        nplot__fp_add(o, FP_LINETO, x2 + f * ddy, y2 - f * ddx);
        nplot__fp_add(o, FP_LINETO, x20, y20);
        return;
    }
    }
}

nd_status nplot__connect(const fstyle *cs, double xa, double ya, double xb, double yb,
                         const fpatch *pa, const fpatch *pb, double shrinkA, double shrinkB,
                         fpath *out)
{
    *out = (fpath){ 0 };
    connect_raw(cs, xa, ya, xb, yb, out);
    if (pa && pa->path) split_keep(out, inside_patch, pa, true);
    if (pb && pb->path) split_keep(out, inside_patch, pb, false);
    if (shrinkA && out->n) {
        circle c = { out->x[0], out->y[0], shrinkA * shrinkA };
        split_keep(out, inside_circle, &c, true);
    }
    if (shrinkB && out->n) {
        circle c = { out->x[out->n - 1], out->y[out->n - 1], shrinkB * shrinkB };
        split_keep(out, inside_circle, &c, false);
    }
    if (out->oom) {
        nplot__fp_free(out);
        return nd_set_error(ND_ENOMEM, "nplot: out of memory for an arrow path");
    }
    return ND_OK;
}

/* ---- ArrowStyle ---------------------------------------------------------------------------- */
static void arrow_wedge(double x0, double y0, double x1, double y1, double head_dist, double cos_t,
                        double sin_t, double lw, pt *v, double *ddx, double *ddy)
{
    double dx = x0 - x1, dy = y0 - y1, cp = hypot(dx, dy);
    double pad = .5 * lw / sin_t;
    if (cp == 0) cp = 1;
    *ddx = pad * dx / cp;
    *ddy = pad * dy / cp;
    dx = dx / cp * head_dist;
    dy = dy / cp * head_dist;
    double dx1 = cos_t * dx + sin_t * dy, dy1 = -sin_t * dx + cos_t * dy;
    double dx2 = cos_t * dx - sin_t * dy, dy2 = sin_t * dx + cos_t * dy;
    v[0] = (pt){ x1 + *ddx + dx1, y1 + *ddy + dy1 };
    v[1] = (pt){ x1 + *ddx, y1 + *ddy };
    v[2] = (pt){ x1 + *ddx + dx2, y1 + *ddy + dy2 };
}

static void bracket(fpath *o, double x0, double y0, double x1, double y1, double width, double length,
                    double angle)
{
    double c, s;
    cos_sin(x1, y1, x0, y0, &c, &s);
    pt l, r;
    normal_points(x0, y0, c, s, width, &l, &r);
    double dx = length * c, dy = length * s;
    pt v[4] = { { l.x + dx, l.y + dy }, l, r, { r.x + dx, r.y + dy } };
    if (!isnan(angle) && angle != 0) {
        double ca = cos(angle * DEG), sa = sin(angle * DEG);
        for (int i = 0; i < 4; i++) {
            double ux = v[i].x - x0, uy = v[i].y - y0;
            v[i] = (pt){ x0 + ca * ux - sa * uy, y0 + sa * ux + ca * uy };
        }
    }
    for (int i = 0; i < 4; i++) nplot__fp_add(o, i ? FP_LINETO : FP_MOVETO, v[i].x, v[i].y);
}

/* One end of a bracket/arrow path: the head wedge v (closed and filled when fill) as
 * out[m], its fill flag in fill[m]; returns m + 1. */
static int head_path(fpath *out, bool *fill, int m, const pt v[3], bool filled)
{
    out[m] = (fpath){ 0 };
    for (int i = 0; i < 3; i++) nplot__fp_add(&out[m], i ? FP_LINETO : FP_MOVETO, v[i].x, v[i].y);
    if (filled) {
        nplot__fp_add(&out[m], FP_LINETO, v[0].x, v[0].y);
        nplot__fp_add(&out[m], FP_CLOSE, v[0].x, v[0].y);
    }
    fill[m] = filled;
    return m + 1;
}

/* The same for a bracket at (xe, ye) facing (xn, yn); unfilled. */
static int bracket_path(fpath *out, bool *fill, int m, double xe, double ye, double xn, double yn,
                        double width, double length, double angle)
{
    out[m] = (fpath){ 0 };
    bracket(&out[m], xe, ye, xn, yn, width, length, angle);
    fill[m] = false;
    return m + 1;
}

static int curve_transmute(const fstyle *as, const fpath *path, double ms, double lw, fpath *out,
                           bool *fill)
{
    const double *p = as->p;
    int k = as->kind;
    bool begin_head = k == ARS_CURVE_A || k == ARS_CURVE_AB || k == ARS_FILLED_A ||
                      k == ARS_FILLED_AB || k == ARS_CURVE_BRACKET;
    bool end_head = k == ARS_CURVE_B || k == ARS_CURVE_AB || k == ARS_FILLED_B ||
                    k == ARS_FILLED_AB || k == ARS_BRACKET_CURVE;
    bool fill_begin = k == ARS_FILLED_A || k == ARS_FILLED_AB;
    bool fill_end = k == ARS_FILLED_B || k == ARS_FILLED_AB;
    bool begin_br = k == ARS_BRACKET_A || k == ARS_BRACKET_AB || k == ARS_BAR_AB || k == ARS_BRACKET_CURVE;
    bool end_br = k == ARS_BRACKET_B || k == ARS_BRACKET_AB || k == ARS_BAR_AB || k == ARS_CURVE_BRACKET;
    /* every style's own parameters mapped onto _Curve's */
    double head_length = .4, head_width = .2, widthA = 1, widthB = 1, lengthA = .2, lengthB = .2;
    double angleA = 0, angleB = 0, scaleA = NAN, scaleB = NAN;
    switch (k) {
    case ARS_CURVE: head_length = .2, head_width = .1; break;
    case ARS_BRACKET_A: case ARS_BRACKET_CURVE: widthA = p[0], lengthA = p[1], angleA = p[2]; break;
    case ARS_BRACKET_B: case ARS_CURVE_BRACKET: widthB = p[0], lengthB = p[1], angleB = p[2]; break;
    case ARS_BRACKET_AB:
        widthA = p[0], lengthA = p[1], angleA = p[2], widthB = p[3], lengthB = p[4], angleB = p[5];
        break;
    case ARS_BAR_AB: widthA = p[0], angleA = p[1], widthB = p[2], angleB = p[3], lengthA = lengthB = 0; break;
    default:
        head_length = p[0], head_width = p[1], widthA = p[2], widthB = p[3], lengthA = p[4];
        lengthB = p[5], angleA = p[6], angleB = p[7], scaleA = p[8], scaleB = p[9];
    }
    double hd = 0, cos_t = 0, sin_t = 0;
    if (begin_head || end_head) {
        double hl = head_length * ms, hw = head_width * ms;
        hd = hypot(hl, hw);
        cos_t = hl / hd, sin_t = hw / hd;
    }
    double sA = isnan(scaleA) ? ms : scaleA, sB = isnan(scaleB) ? ms : scaleB;
    size_t n = path->n;
    double x0 = path->x[0], y0 = path->y[0], x1 = path->x[1], y1 = path->y[1];
    bool has_begin = begin_head && (x0 != x1 || y0 != y1);
    pt vA[3], vB[3];
    double ddxA = 0, ddyA = 0, ddxB = 0, ddyB = 0;
    if (has_begin) arrow_wedge(x1, y1, x0, y0, hd, cos_t, sin_t, lw, vA, &ddxA, &ddyA);
    double x2 = path->x[n - 2], y2 = path->y[n - 2], x3 = path->x[n - 1], y3 = path->y[n - 1];
    bool has_end = end_head && (x2 != x3 || y2 != y3);
    if (has_end) arrow_wedge(x2, y2, x3, y3, hd, cos_t, sin_t, lw, vB, &ddxB, &ddyB);
    int m = 0;
    out[m] = (fpath){ 0 };
    for (size_t i = 0; i < n; i++) {
        double x = path->x[i], y = path->y[i];
        if (i == 0) x = x0 + ddxA, y = y0 + ddyA;
        if (i == n - 1) x = x3 + ddxB, y = y3 + ddyB;
        nplot__fp_add(&out[m], path->c[i], x, y);
    }
    fill[m++] = false;
    if (has_begin) m = head_path(out, fill, m, vA, fill_begin);
    else if (begin_br) m = bracket_path(out, fill, m, x0, y0, x1, y1, widthA * sA, lengthA * sA, angleA);
    if (has_end) m = head_path(out, fill, m, vB, fill_end);
    else if (end_br) m = bracket_path(out, fill, m, x3, y3, x2, y2, widthB * sB, lengthB * sB, angleB);
    return m;
}

static pt along_line(double x0, double y0, double x1, double y1, double d)
{
    double dx = x0 - x1, dy = y0 - y1, ff = d / sqrt(dx * dx + dy * dy);
    return (pt){ x0 - ff * dx, y0 - ff * dy };
}

static void add_pts(fpath *o, int code, const pt *v, int n)
{
    for (int i = 0; i < n; i++) nplot__fp_add(o, code, v[i].x, v[i].y);
}

int nplot__arrow_transmute(const fstyle *as, const fpath *path, double ms, double lw, fpath out[3],
                           bool fill[3])
{
    if (!path || path->n < 2) return 0;
    if (!nplot__arrowstyle_needs_quad(as)) {
        int m = curve_transmute(as, path, ms, lw, out, fill);
        bool oom = false;
        for (int i = 0; i < m; i++) oom |= out[i].oom;
        if (oom) {
            for (int i = 0; i < m; i++) nplot__fp_free(&out[i]);
            out[0].oom = true;
            return 0;
        }
        return m;
    }
    if (path->n != 3 || path->c[0] != FP_MOVETO || path->c[1] != FP_CURVE3 || path->c[2] != FP_CURVE3)
        return 0;
    const double *p = as->p;
    pt ap[3] = { { path->x[0], path->y[0] }, { path->x[1], path->y[1] }, { path->x[2], path->y[2] } };
    double x0 = ap[0].x, y0 = ap[0].y, x1 = ap[1].x, y1 = ap[1].y, x2 = ap[2].x, y2 = ap[2].y;
    fpath *o = &out[0];
    *o = (fpath){ 0 };
    fill[0] = true;
    if (as->kind == ARS_WEDGE) {
        pt bp[3], bm[3];
        wedged_bezier2(ap, p[0] * ms / 2., 1., p[1], 0., bp, bm);
        nplot__fp_add(o, FP_MOVETO, bp[0].x, bp[0].y);
        add_pts(o, FP_CURVE3, bp + 1, 2);
        nplot__fp_add(o, FP_LINETO, bm[2].x, bm[2].y);
        nplot__fp_add(o, FP_CURVE3, bm[1].x, bm[1].y);
        nplot__fp_add(o, FP_CURVE3, bm[0].x, bm[0].y);
        nplot__fp_add(o, FP_CLOSE, bm[0].x, bm[0].y);
    } else if (as->kind == ARS_SIMPLE) {
        double hl = p[0] * ms;
        circle in = { x2, y2, hl * hl };
        pt aout[3], ain[3];
        bool has_out = split_bezier(ap, 3, inside_circle, &in, 0.01, aout, ain);
        if (!has_out) {
            pt q = along_line(x2, y2, x1, y1, hl);
            ain[0] = q;
            ain[1] = (pt){ 0.5 * (q.x + x2), 0.5 * (q.y + y2) };
            ain[2] = (pt){ x2, y2 };
        }
        pt hl_[3], hr[3];
        wedged_bezier2(ain, p[1] * ms / 2., 1., .5, 0., hl_, hr);
        if (has_out) {
            pt tl[3], tr[3];
            get_parallels(aout, p[2] * ms / 2., tl, tr);
            nplot__fp_add(o, FP_MOVETO, tr[0].x, tr[0].y);
            add_pts(o, FP_CURVE3, tr + 1, 2);
            nplot__fp_add(o, FP_LINETO, hr[0].x, hr[0].y);
            add_pts(o, FP_CURVE3, hr + 1, 2);
            nplot__fp_add(o, FP_CURVE3, hl_[1].x, hl_[1].y);
            nplot__fp_add(o, FP_CURVE3, hl_[0].x, hl_[0].y);
            nplot__fp_add(o, FP_LINETO, tl[2].x, tl[2].y);
            nplot__fp_add(o, FP_CURVE3, tl[1].x, tl[1].y);
            nplot__fp_add(o, FP_CURVE3, tl[0].x, tl[0].y);
            nplot__fp_add(o, FP_LINETO, tr[0].x, tr[0].y);
            nplot__fp_add(o, FP_CLOSE, tr[0].x, tr[0].y);
        } else {
            nplot__fp_add(o, FP_MOVETO, hr[0].x, hr[0].y);
            add_pts(o, FP_CURVE3, hr + 1, 2);
            nplot__fp_add(o, FP_CURVE3, hl_[1].x, hl_[1].y);
            nplot__fp_add(o, FP_CURVE3, hl_[0].x, hl_[0].y);
            nplot__fp_add(o, FP_CLOSE, hl_[0].x, hl_[0].y);
        }
    } else { /* fancy */
        double hl = p[0] * ms;
        circle in = { x2, y2, hl * hl };
        pt pout[3], pin[3], head[3];
        if (split_bezier(ap, 3, inside_circle, &in, 0.01, pout, pin)) {
            memcpy(head, pin, sizeof head);
        } else {
            pt q = along_line(x2, y2, x1, y1, hl);
            x0 = q.x, y0 = q.y;
            ap[0] = q;
            ap[1] = (pt){ 0.5 * (q.x + x2), 0.5 * (q.y + y2) };
            ap[2] = (pt){ x2, y2 };
            memcpy(head, ap, sizeof head);
        }
        circle in8 = { x2, y2, (hl * .8) * (hl * .8) };
        pt tail[3];
        if (!split_bezier(ap, 3, inside_circle, &in8, 0.01, tail, pin)) return 0;
        pt hl_[3], hr[3], tl[3], tr[3];
        wedged_bezier2(head, p[1] * ms / 2., 1., .6, 0., hl_, hr);
        double tw = p[2] * ms;
        wedged_bezier2(tail, tw * .5, 1., .6, .3, tl, tr);
        circle in0 = { x0, y0, (tw * .3) * (tw * .3) };
        pt sin_[3], sout[3];
        if (!split_bezier(ap, 3, inside_circle, &in0, 0.01, sin_, sout)) return 0;
        pt ts = sin_[2];
        nplot__fp_add(o, FP_MOVETO, ts.x, ts.y);
        nplot__fp_add(o, FP_LINETO, tr[0].x, tr[0].y);
        add_pts(o, FP_CURVE3, tr + 1, 2);
        nplot__fp_add(o, FP_LINETO, hr[0].x, hr[0].y);
        add_pts(o, FP_CURVE3, hr + 1, 2);
        nplot__fp_add(o, FP_CURVE3, hl_[1].x, hl_[1].y);
        nplot__fp_add(o, FP_CURVE3, hl_[0].x, hl_[0].y);
        nplot__fp_add(o, FP_LINETO, tl[2].x, tl[2].y);
        nplot__fp_add(o, FP_CURVE3, tl[1].x, tl[1].y);
        nplot__fp_add(o, FP_CURVE3, tl[0].x, tl[0].y);
        nplot__fp_add(o, FP_LINETO, ts.x, ts.y);
        nplot__fp_add(o, FP_CLOSE, ts.x, ts.y);
    }
    if (o->oom) {
        nplot__fp_free(o);
        o->oom = true;
        return 0;
    }
    return 1;
}

/* ---- BoxStyle --------------------------------------------------------------------------------- */
static void closed(fpath *o, const pt *v, int n)
{
    for (int i = 0; i < n; i++) nplot__fp_add(o, i ? FP_LINETO : FP_MOVETO, v[i].x, v[i].y);
    nplot__fp_add(o, FP_CLOSE, v[0].x, v[0].y);
}

static void larrow(double pad, double x0, double y0, double w, double h, bool darrow, fpath *o)
{
    if (!darrow) w = w + 2 * pad;
    h = h + 2 * pad;
    x0 = x0 - pad, y0 = y0 - pad;
    double x1 = x0 + w, y1 = y0 + h, dx = (y1 - y0) / 2, dxx = dx / 2;
    x0 = x0 + pad / 1.4;
    if (!darrow) {
        pt v[] = { { x0 + dxx, y0 }, { x1, y0 }, { x1, y1 }, { x0 + dxx, y1 }, { x0 + dxx, y1 + dxx },
                   { x0 - dx, y0 + dx }, { x0 + dxx, y0 - dxx }, { x0 + dxx, y0 } };
        closed(o, v, 8);
    } else {
        pt v[] = { { x0 + dxx, y0 }, { x1, y0 }, { x1, y0 - dxx }, { x1 + dx + dxx, y0 + dx },
                   { x1, y1 + dxx }, { x1, y1 }, { x0 + dxx, y1 }, { x0 + dxx, y1 + dxx },
                   { x0 - dx, y0 + dx }, { x0 + dxx, y0 - dxx }, { x0 + dxx, y0 } };
        closed(o, v, 11);
    }
}

/* matplotlib's sawtooth sides zip an x list and a y list of different lengths: a ramp
 * (first, start + step * i for i < n, last) or teeth (first, base + ts2 * pat[i % 4] for
 * i < n, last); the pairs stop at the shorter list. */
static double *saw_list(bool ramp, double first, double a, double b, const double *pat, long n,
                        double last)
{
    double *l = nd_malloc((size_t)(n + 2) * sizeof *l, "nplot");
    if (!l) return NULL;
    l[0] = first;
    for (long i = 0; i < n; i++) l[i + 1] = ramp ? a + b * (double)i : a + b * pat[i % 4];
    l[n + 1] = last;
    return l;
}

static void saw_zip(fpath *v, double *X, long lx, double *Y, long ly)
{
    if (!X || !Y) v->oom = true;
    else
        for (long i = 0; i < (lx < ly ? lx : ly); i++) nplot__fp_add(v, 0, X[i], Y[i]);
    nd_free_mem(X);
    nd_free_mem(Y);
}
static void sawtooth(const double *p, double ms, double x0, double y0, double w, double h, bool round,
                     fpath *o)
{
    double pad = ms * p[0];
    double ts = isnan(p[1]) ? p[0] * .5 * ms : p[1] * ms, ts2 = ts / 2;
    w = w + 2 * pad - ts;
    h = h + 2 * pad - ts;
    long nx = lround((w - ts) / (ts * 2)) * 2, ny = lround((h - ts) / (ts * 2)) * 2;
    if (!(ts > 0) || nx <= 0 || ny <= 0 || nx > 100000 || ny > 100000) { /* matplotlib divides by 0 */
        pt v[] = { { x0 - pad, y0 - pad }, { x0 + w + ts - pad, y0 - pad },
                   { x0 + w + ts - pad, y0 + h + ts - pad }, { x0 - pad, y0 + h + ts - pad } };
        closed(o, v, 4);
        return;
    }
    double dsx = (w - ts) / (double)nx, dsy = (h - ts) / (double)ny;
    x0 = x0 - pad + ts2, y0 = y0 - pad + ts2;
    double x1 = x0 + w, y1 = y0 + h;
    fpath v = { 0 };
    static const double pb[4] = { -1, 0, 1, 0 }, pr[4] = { 1, 0, -1, 0 };
    /* bottom, right, top, left */
    saw_zip(&v, saw_list(true, x0, x0 + ts2, dsx * .5, NULL, 2 * nx, x1 - ts2), 2 * nx + 2,
            saw_list(false, y0, y0, ts2, pb, 4 * nx, y0 - ts2), 4 * nx + 2);
    saw_zip(&v, saw_list(false, x1, x1, ts2, pr, 4 * nx, x1 + ts2), 4 * nx + 2,
            saw_list(true, y0, y0 + ts2, dsy * .5, NULL, 2 * ny, y1 - ts2), 2 * ny + 2);
    saw_zip(&v, saw_list(true, x1, x1 - ts2, -dsx * .5, NULL, 2 * nx, x0 + ts2), 2 * nx + 2,
            saw_list(false, y1, y1, ts2, pr, 4 * nx, y1 + ts2), 4 * nx + 2);
    saw_zip(&v, saw_list(false, x0, x0, ts2, pb, 4 * ny, x0 - ts2), 4 * ny + 2,
            saw_list(true, y1, y1 - ts2, -dsy * .5, NULL, 2 * ny, y0 + ts2), 2 * ny + 2);
    nplot__fp_add(&v, 0, x0, y0);
    if (v.oom) {
        o->oom = true;
        nplot__fp_free(&v);
        return;
    }
    if (!round) {
        /* Path(closed=True): the last vertex becomes CLOSEPOLY */
        for (size_t i = 0; i < v.n; i++)
            nplot__fp_add(o, i == 0 ? FP_MOVETO : i + 1 == v.n ? FP_CLOSE : FP_LINETO, v.x[i], v.y[i]);
    } else {
        nplot__fp_add(&v, 0, v.x[0], v.y[0]);
        size_t nc = (v.n - 1) / 2 * 2;
        for (size_t i = 0; i < v.n; i++)
            nplot__fp_add(o, i == 0 ? FP_MOVETO : i <= nc ? FP_CURVE3 : FP_CLOSE, v.x[i], v.y[i]);
    }
    nplot__fp_free(&v);
}

void nplot__box_path(const fstyle *bs, double x0, double y0, double w, double h, double ms, fpath *o)
{
    const double *p = bs->p;
    double pad = ms * p[0];
    switch (bs->kind) {
    case BXS_SQUARE: {
        double X0 = x0 - pad, Y0 = y0 - pad, X1 = X0 + w + 2 * pad, Y1 = Y0 + h + 2 * pad;
        pt v[] = { { X0, Y0 }, { X1, Y0 }, { X1, Y1 }, { X0, Y1 } };
        closed(o, v, 4);
        return;
    }
    case BXS_CIRCLE: {
        /* Path.circle: 8 cubic arcs (matplotlib's unit circle, magic = 0.2652031) */
        double W = w + 2 * pad, H = h + 2 * pad, cx = x0 - pad + W / 2, cy = y0 - pad + H / 2;
        double r = fmax(W, H) / 2;
        static const double MAGIC = 0.2652031, SQRTHALF = 0.70710678118654757;
        const double MH = MAGIC * SQRTHALF;
        const double v[26][2] = {
            { 0.0, -1.0 }, { MAGIC, -1.0 }, { SQRTHALF - MH, -SQRTHALF - MH }, { SQRTHALF, -SQRTHALF },
            { SQRTHALF + MH, -SQRTHALF + MH }, { 1.0, -MAGIC }, { 1.0, 0.0 }, { 1.0, MAGIC },
            { SQRTHALF + MH, SQRTHALF - MH }, { SQRTHALF, SQRTHALF }, { SQRTHALF - MH, SQRTHALF + MH },
            { MAGIC, 1.0 }, { 0.0, 1.0 }, { -MAGIC, 1.0 }, { -SQRTHALF + MH, SQRTHALF + MH },
            { -SQRTHALF, SQRTHALF }, { -SQRTHALF - MH, SQRTHALF - MH }, { -1.0, MAGIC }, { -1.0, 0.0 },
            { -1.0, -MAGIC }, { -SQRTHALF - MH, -SQRTHALF + MH }, { -SQRTHALF, -SQRTHALF },
            { -SQRTHALF + MH, -SQRTHALF - MH }, { -MAGIC, -1.0 }, { 0.0, -1.0 }, { 0.0, -1.0 } };
        for (int i = 0; i < 26; i++)
            nplot__fp_add(o, i == 0 ? FP_MOVETO : i == 25 ? FP_CLOSE : FP_CURVE4, cx + r * v[i][0],
                          cy + r * v[i][1]);
        return;
    }
    case BXS_LARROW:
    case BXS_RARROW: {
        larrow(pad, x0, y0, w, h, false, o);
        if (bs->kind == BXS_RARROW)
            for (size_t i = 0; i < o->n; i++) o->x[i] = 2 * x0 + w - o->x[i];
        return;
    }
    case BXS_DARROW: larrow(pad, x0, y0, w, h, true, o); return;
    case BXS_ROUND: {
        double dr = !isnan(p[1]) && p[1] != 0 ? ms * p[1] : pad;
        double X0 = x0 - pad, Y0 = y0 - pad, X1 = X0 + w + 2 * pad, Y1 = Y0 + h + 2 * pad;
        const double v[14][2] = { { X0 + dr, Y0 }, { X1 - dr, Y0 }, { X1, Y0 }, { X1, Y0 + dr },
                                  { X1, Y1 - dr }, { X1, Y1 }, { X1 - dr, Y1 }, { X0 + dr, Y1 },
                                  { X0, Y1 }, { X0, Y1 - dr }, { X0, Y0 + dr }, { X0, Y0 },
                                  { X0 + dr, Y0 }, { X0 + dr, Y0 } };
        static const int c[14] = { FP_MOVETO, FP_LINETO, FP_CURVE3, FP_CURVE3, FP_LINETO, FP_CURVE3,
                                   FP_CURVE3, FP_LINETO, FP_CURVE3, FP_CURVE3, FP_LINETO, FP_CURVE3,
                                   FP_CURVE3, FP_CLOSE };
        for (int i = 0; i < 14; i++) nplot__fp_add(o, c[i], v[i][0], v[i][1]);
        return;
    }
    case BXS_ROUND4: {
        double dr = !isnan(p[1]) && p[1] != 0 ? ms * p[1] : pad / 2.;
        double W = w + 2 * pad - 2 * dr, H = h + 2 * pad - 2 * dr;
        double X0 = x0 - pad + dr, Y0 = y0 - pad + dr, X1 = X0 + W, Y1 = Y0 + H;
        const double v[14][2] = { { X0, Y0 }, { X0 + dr, Y0 - dr }, { X1 - dr, Y0 - dr }, { X1, Y0 },
                                  { X1 + dr, Y0 + dr }, { X1 + dr, Y1 - dr }, { X1, Y1 },
                                  { X1 - dr, Y1 + dr }, { X0 + dr, Y1 + dr }, { X0, Y1 },
                                  { X0 - dr, Y1 - dr }, { X0 - dr, Y0 + dr }, { X0, Y0 }, { X0, Y0 } };
        for (int i = 0; i < 14; i++)
            nplot__fp_add(o, i == 0 ? FP_MOVETO : i == 13 ? FP_CLOSE : FP_CURVE4, v[i][0], v[i][1]);
        return;
    }
    default: sawtooth(p, ms, x0, y0, w, h, bs->kind == BXS_ROUNDTOOTH, o); return;
    }
}

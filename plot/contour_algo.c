/* Marching squares on a regular grid (base layer): the contour lines of a level and the
 * filled bands between two levels, as NaN-separated runs of vertices.
 *
 * Each cell is walked counter-clockwise around its corners. Along every edge the crossings
 * of the levels are found by linear interpolation (computed from the edge's lower-numbered
 * vertex, so the two cells sharing an edge get bit-identical points). Inside the cell the
 * crossings are joined by straight chords; where a level crosses the perimeter four times
 * (a saddle) the mean of the four corners decides which corners are joined, as contourpy's
 * default (mpl2014) does. A cell with one masked corner is the triangle of the other three
 * when corner_mask is on (matplotlib's default); cells with more masked corners are left out.
 *
 * Filled bands are unions of per-cell polygons, all wound the same way: a fill with the
 * nonzero rule gives the band with its holes, and the shared edges of neighbouring cells
 * cancel inside one fill (no seams). Runs of whole cells of one band along a row are merged
 * into one polygon, so the vertex count grows with the contour length, not the grid. Lines
 * are per-cell segments chained into polylines through the edge crossings they share. */
#include "plot_model.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A vertex's class against the levels: how many levels lie below it, NOIDX when masked. */
#define NOIDX UINT16_MAX

static double gx(const nplot__cgrid *g, size_t v)
{
    return g->x ? (g->x2d ? g->x[v] : g->x[v % g->nx]) : (double)(v % g->nx);
}

static double gy(const nplot__cgrid *g, size_t v)
{
    return g->y ? (g->y2d ? g->y[v] : g->y[v / g->nx]) : (double)(v / g->nx);
}

void nplot__cpath_free(nplot__cpath *p, int n)
{
    for (int i = 0; p && i < n; i++) {
        nd_free_mem(p[i].x);
        nd_free_mem(p[i].y);
        p[i] = (nplot__cpath){ 0 };
    }
}

static bool cpath_reserve(nplot__cpath *p, size_t more, const char *who)
{
    if (p->n + more <= p->cap) return true;
    size_t cap = p->cap, want = p->n + more;
    if (want < 2 * cap) want = 2 * cap;
    if (want < 64) want = 64;
    double *x = nplot__grow(p->x, &cap, p->n, want, sizeof(double), who);
    if (!x) return false;
    p->x = x;
    cap = p->cap;
    double *y = nplot__grow(p->y, &cap, p->n, want, sizeof(double), who);
    if (!y) return false;
    p->y = y;
    p->cap = cap;
    return true;
}

static inline void cpath_put(nplot__cpath *p, double x, double y)
{
    p->x[p->n] = x;
    p->y[p->n] = y;
    p->n++;
}

/* ---- vertex classes ------------------------------------------------------------------- */
/* idx[v] = the number of levels strictly below z[v] (z == lev[0] counts as above lev[0]
 * when close_low: the lowest band is closed on both sides, as matplotlib's); NOIDX for
 * masked or non-finite values. */
static uint16_t *classify(const nplot__cgrid *g, const double *lev, int nlev, bool close_low,
                          const char *who)
{
    size_t nv = g->ny * g->nx;
    uint16_t *idx = nd_malloc(sizeof(uint16_t) * nv, who);
    if (!idx) return NULL;
    for (size_t v = 0; v < nv; v++) {
        double z = g->z[v];
        if (!isfinite(z) || (g->mask && g->mask[v])) {
            idx[v] = NOIDX;
            continue;
        }
        int lo = 0, hi = nlev; /* first level >= z */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (lev[mid] < z) lo = mid + 1;
            else hi = mid;
        }
        if (close_low && lo == 0 && z == lev[0]) lo = 1;
        idx[v] = (uint16_t)lo;
    }
    return idx;
}

/* ---- one cell ---------------------------------------------------------------------------- */
enum { EV_CORNER = 0, EV_ENTRY, EV_EXIT };

typedef struct cev {
    double x, y;
    int type;     /* EV_* */
    int lev;      /* crossings: 0 the band's lower level, 1 its upper */
    size_t key;   /* crossings: the edge crossed (line chaining) */
} cev;

/* A cell: k corners (3 or 4) in counter-clockwise order, the edge leaving each corner. */
typedef struct cell {
    size_t v[4], e[4];
    int k;
    double mean;  /* of the four corners (saddles) */
} cell;

static void crossing(const nplot__cgrid *g, size_t a, size_t b, double level, cev *ev)
{
    size_t p = a < b ? a : b, q = a < b ? b : a;
    double zp = g->z[p], t = (level - zp) / (g->z[q] - zp);
    double xp = gx(g, p), yp = gy(g, p);
    ev->x = xp + t * (gx(g, q) - xp);
    ev->y = yp + t * (gy(g, q) - yp);
}

/* The perimeter events of cell c for the band whose corner states are st[] (0 below, 1 in,
 * 2 above) and whose levels are lo and hi. */
static int cell_events(const nplot__cgrid *g, const cell *c, const int *st, double lo, double hi,
                       cev *ev)
{
    int n = 0;
    for (int m = 0; m < c->k; m++) {
        size_t a = c->v[m], b = c->v[(m + 1) % c->k];
        int sa = st[m], sb = st[(m + 1) % c->k];
        if (sa == 1) ev[n++] = (cev){ gx(g, a), gy(g, a), EV_CORNER, 0, 0 };
        if (sa == sb) continue;
        /* the levels crossed between a and b, in walking order */
        int step = sb > sa ? 1 : -1;
        for (int s = sa; s != sb; s += step) {
            int lvl = step > 0 ? s : s - 1;        /* 0: lo, 1: hi */
            bool into = (step > 0) == (lvl == 0);   /* into the band */
            cev *e = &ev[n++];
            crossing(g, a, b, lvl ? hi : lo, e);
            e->type = into ? EV_ENTRY : EV_EXIT;
            e->lev = lvl;
            e->key = c->e[m];
        }
    }
    return n;
}

/* partner[i] of every exit: the entry of the same level its chord goes to. Where a level
 * crosses four times the mean decides: a centre inside the band joins each exit to the
 * next entry (cutting off the corners outside), else to the previous one. */
static void cell_pairs(const cev *ev, int n, double mean, double lo, double hi, bool lo_closed,
                       int *partner)
{
    for (int i = 0; i < n; i++) {
        if (ev[i].type != EV_EXIT) continue;
        int lvl = ev[i].lev;
        bool centre_in = lvl == 0 ? (lo_closed ? mean >= lo : mean > lo) : mean <= hi;
        int step = centre_in ? 1 : n - 1;
        int j = (i + step) % n;
        while (!(ev[j].type == EV_ENTRY && ev[j].lev == lvl)) j = (j + step) % n;
        partner[i] = j;
    }
}

static int states_of(const uint16_t *idx, const cell *c, int band, int *st)
{
    int inside = 0;
    for (int m = 0; m < c->k; m++) {
        int v = idx[c->v[m]];
        st[m] = v < band + 1 ? 0 : v == band + 1 ? 1 : 2;
        inside += st[m] == 1;
    }
    return inside;
}

/* Append the polygons of band `band` (levels lev[band], lev[band + 1]) in cell c to p. */
static bool cell_band(const nplot__cgrid *g, const uint16_t *idx, const cell *c, const double *lev,
                      int band, nplot__cpath *p, const char *who)
{
    int st[4];
    int inside = states_of(idx, c, band, st);
    cev ev[16];
    double lo = lev[band], hi = lev[band + 1];
    int n = cell_events(g, c, st, lo, hi, ev);
    if (!cpath_reserve(p, (size_t)n + 8, who)) return false;
    bool any_cross = n > inside;
    if (!any_cross) {
        if (inside == c->k) {
            for (int i = 0; i < n; i++) cpath_put(p, ev[i].x, ev[i].y);
            cpath_put(p, NAN, NAN);
        }
        return true;
    }
    int partner[16];
    bool seen[16] = { false };
    cell_pairs(ev, n, c->mean, lo, hi, band == 0, partner);
    for (int s = 0; s < n; s++) {
        if (ev[s].type != EV_ENTRY || seen[s]) continue;
        int i = s;
        for (;;) {
            seen[i] = true;
            cpath_put(p, ev[i].x, ev[i].y);
            if (ev[i].type == EV_EXIT) {
                i = partner[i];
                if (i == s) break;
            } else {
                i = (i + 1) % n;
            }
        }
        cpath_put(p, NAN, NAN);
    }
    return true;
}

/* The cell whose lower-left vertex is (i, j): a quad, the triangle left by one masked
 * corner (corner_mask), or nothing (false). */
static bool cell_at(const nplot__cgrid *g, const uint16_t *idx, size_t i, size_t j, cell *c)
{
    size_t nx = g->nx, v0 = i * nx + j;
    size_t nh = g->ny * (nx - 1), nvert = (g->ny - 1) * nx;
    size_t v[4] = { v0, v0 + 1, v0 + nx + 1, v0 + nx };
    size_t e[4] = { i * (nx - 1) + j, nh + i * nx + j + 1, (i + 1) * (nx - 1) + j, nh + i * nx + j };
    int bad = -1, nbad = 0;
    for (int m = 0; m < 4; m++)
        if (idx[v[m]] == NOIDX) bad = m, nbad++;
    if (nbad == 0) {
        memcpy(c->v, v, sizeof v);
        memcpy(c->e, e, sizeof e);
        c->k = 4;
        c->mean = (g->z[v[0]] + g->z[v[1]] + g->z[v[2]] + g->z[v[3]]) / 4;
        return true;
    }
    if (nbad > 1 || !g->corner_mask) return false;
    /* the triangle of the other three corners; its diagonal is an edge of this cell only */
    c->k = 3;
    for (int m = 0; m < 3; m++) {
        int src = (bad + 1 + m) % 4;
        c->v[m] = v[src];
        c->e[m] = m < 2 ? e[src] : nh + nvert + i * (nx - 1) + j;
    }
    c->mean = NAN;
    return true;
}

/* A run of whole cells of one band along row i, columns j0..j1 (inclusive). */
static bool put_run(const nplot__cgrid *g, size_t i, size_t j0, size_t j1, nplot__cpath *p,
                    const char *who)
{
    size_t nx = g->nx, b = i * nx, t = b + nx;
    bool straight = !g->x2d && !g->y2d; /* a rectangle: four corners say it all */
    size_t nside = straight ? 2 : j1 - j0 + 2;
    if (!cpath_reserve(p, 2 * nside + 1, who)) return false;
    for (size_t k = 0; k < nside; k++) {
        size_t j = straight ? (k ? j1 + 1 : j0) : j0 + k;
        cpath_put(p, gx(g, b + j), gy(g, b + j));
    }
    for (size_t k = 0; k < nside; k++) {
        size_t j = straight ? (k ? j0 : j1 + 1) : j1 + 1 - k;
        cpath_put(p, gx(g, t + j), gy(g, t + j));
    }
    cpath_put(p, NAN, NAN);
    return true;
}

nd_status nplot__contour_bands(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who)
{
    if (nlev < 2 || g->ny < 2 || g->nx < 2) return ND_OK;
    uint16_t *idx = classify(g, lev, nlev, true, who);
    if (!idx) return ND_ENOMEM;
    size_t nx = g->nx;
    for (size_t i = 0; i + 1 < g->ny; i++) {
        int run_band = -1;
        size_t run0 = 0;
        for (size_t j = 0; j + 1 < nx; j++) {
            size_t v0 = i * nx + j;
            uint16_t a = idx[v0], b = idx[v0 + 1], c2 = idx[v0 + nx + 1], d = idx[v0 + nx];
            /* whole cells of one band extend the row's run */
            int whole = !g->no_runs && a == b && a == c2 && a == d && a != NOIDX && a >= 1 && a < nlev
                            ? a - 1 : -1;
            if (whole >= 0 && whole == run_band) continue;
            if (run_band >= 0 && !put_run(g, i, run0, j - 1, &out[run_band], who)) goto oom;
            run_band = whole;
            run0 = j;
            if (whole >= 0) continue;
            cell c;
            if (!cell_at(g, idx, i, j, &c)) continue;
            int lo = NOIDX, hi = 0;
            for (int m = 0; m < c.k; m++) {
                int v = idx[c.v[m]];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
            }
            /* the bands this cell touches: band k holds idx k + 1 */
            int k0 = lo > 1 ? lo - 1 : 0, k1 = hi - 1 < nlev - 2 ? hi - 1 : nlev - 2;
            for (int k = k0; k <= k1; k++)
                if (!cell_band(g, idx, &c, lev, k, &out[k], who)) goto oom;
        }
        if (run_band >= 0 && !put_run(g, i, run0, nx - 2, &out[run_band], who)) goto oom;
    }
    nd_free_mem(idx);
    return ND_OK;
oom:
    nd_free_mem(idx);
    return ND_ENOMEM;
}

/* ---- lines ------------------------------------------------------------------------------- */
typedef struct seg {
    size_t k0, k1;       /* the edges of its start and end */
    double x0, y0, x1, y1;
} seg;

typedef struct segs {
    seg *s;
    size_t n, cap;
} segs;

static int by_k0(const void *a, const void *b)
{
    size_t x = ((const seg *)a)->k0, y = ((const seg *)b)->k0;
    return x < y ? -1 : x > y;
}

/* The segment starting on edge key (segments sorted by k0), or -1. */
static ptrdiff_t find_k0(const segs *s, size_t key)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->s[mid].k0 < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->n && s->s[lo].k0 == key ? (ptrdiff_t)lo : -1;
}

/* Chain the segments of one level into polylines: every crossing ends one segment and
 * starts the next (the walk keeps the region above the level on the same side), except
 * where a line meets the boundary or a masked area. */
static bool chain(segs *s, nplot__cpath *p, const char *who)
{
    if (!s->n) return true;
    qsort(s->s, s->n, sizeof(seg), by_k0);
    bool *used = nd_calloc(s->n, sizeof(bool), who);
    bool *has_pred = nd_calloc(s->n, sizeof(bool), who);
    if (!used || !has_pred) goto oom;
    for (size_t i = 0; i < s->n; i++) {
        ptrdiff_t nxt = find_k0(s, s->s[i].k1);
        if (nxt >= 0) has_pred[nxt] = true;
    }
    /* open lines from their first segment, then the closed loops */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < s->n; i++) {
            if (used[i] || (pass == 0 && has_pred[i])) continue;
            if (!cpath_reserve(p, 2, who)) goto oom;
            cpath_put(p, s->s[i].x0, s->s[i].y0);
            ptrdiff_t cur = (ptrdiff_t)i;
            while (cur >= 0 && !used[cur]) {
                used[cur] = true;
                if (!cpath_reserve(p, 2, who)) goto oom;
                cpath_put(p, s->s[cur].x1, s->s[cur].y1);
                cur = find_k0(s, s->s[cur].k1);
            }
            cpath_put(p, NAN, NAN);
        }
    nd_free_mem(used);
    nd_free_mem(has_pred);
    return true;
oom:
    nd_free_mem(used);
    nd_free_mem(has_pred);
    return false;
}

nd_status nplot__contour_lines(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who)
{
    if (nlev < 1 || g->ny < 2 || g->nx < 2) return ND_OK;
    uint16_t *idx = classify(g, lev, nlev, false, who);
    segs *ls = nd_calloc((size_t)nlev, sizeof(segs), who);
    nd_status st = ND_ENOMEM;
    if (!idx || !ls) goto done;
    /* a line at lev[k] is the lower edge of the band (lev[k], +inf): vertices with
     * idx <= k are below it */
    for (size_t i = 0; i + 1 < g->ny; i++)
        for (size_t j = 0; j + 1 < g->nx; j++) {
            cell c;
            if (!cell_at(g, idx, i, j, &c)) continue;
            int lo = NOIDX, hi = 0;
            for (int m = 0; m < c.k; m++) {
                int v = idx[c.v[m]];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
            }
            for (int k = lo; k < hi && k < nlev; k++) {
                int stt[4];
                for (int m = 0; m < c.k; m++) stt[m] = idx[c.v[m]] > k;
                cev ev[16];
                int n = cell_events(g, &c, stt, lev[k], INFINITY, ev), partner[16];
                cell_pairs(ev, n, c.mean, lev[k], INFINITY, false, partner);
                for (int e = 0; e < n; e++) {
                    if (ev[e].type != EV_EXIT) continue;
                    segs *s = &ls[k];
                    if (s->n == s->cap) {
                        seg *ns = nplot__grow(s->s, &s->cap, s->n, s->n < 32 ? 64 : 2 * s->n,
                                              sizeof(seg), who);
                        if (!ns) goto done;
                        s->s = ns;
                    }
                    const cev *a = &ev[e], *b = &ev[partner[e]];
                    s->s[s->n++] = (seg){ a->key, b->key, a->x, a->y, b->x, b->y };
                }
            }
        }
    for (int k = 0; k < nlev; k++)
        if (!chain(&ls[k], &out[k], who)) goto done;
    st = ND_OK;
done:
    for (int k = 0; ls && k < nlev; k++) nd_free_mem(ls[k].s);
    nd_free_mem(ls);
    nd_free_mem(idx);
    return st;
}

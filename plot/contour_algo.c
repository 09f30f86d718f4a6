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
#include "workers.h"

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

/* nplot__grow without zeroing: only the pages written are touched (a million-point grid's
 * segment lists and lines are megabytes of fresh memory each call). */
static void *grow_raw(void *p, size_t *cap, size_t len, size_t need, size_t elem, const char *who)
{
    if (need <= *cap) return p;
    size_t c = *cap > 8 ? *cap : 8;
    while (c < need) c *= 2;
    if (c > SIZE_MAX / elem) {
        nd_set_error(ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    char *q = nd_malloc(c * elem, who);
    if (!q) return NULL;
    if (len) memcpy(q, p, len * elem);
    nd_free_mem(p);
    *cap = c;
    return q;
}

static bool cpath_reserve(nplot__cpath *p, size_t more, const char *who)
{
    if (p->n + more <= p->cap) return true;
    size_t cap = p->cap, want = p->n + more;
    if (want < 2 * cap) want = 2 * cap;
    if (want < 64) want = 64;
    double *x = grow_raw(p->x, &cap, p->n, want, sizeof(double), who);
    if (!x) return false;
    p->x = x;
    cap = p->cap;
    double *y = grow_raw(p->y, &cap, p->n, want, sizeof(double), who);
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
 * masked or non-finite values. Vertices v0 <= v < v1; true when one is masked. */
static bool classify_range(const nplot__cgrid *g, const double *lev, int nlev, bool close_low, size_t v0,
                           size_t v1, uint16_t *idx)
{
    /* levels are mostly evenly spaced: guess from the inner levels (the outer ones may be
     * matplotlib's +-1e250 extensions), then step to the exact count */
    int a = nlev >= 4 ? 1 : 0, b = nlev >= 4 ? nlev - 2 : nlev - 1;
    double base = lev[a], inv = b > a && lev[b] > lev[a] ? (b - a) / (lev[b] - lev[a]) : 0;
    const double *zs = g->z;
    const bool *mask = g->mask;
    bool masked = false;
    for (size_t v = v0; v < v1; v++) {
        double z = zs[v];
        if (!(z - z == 0) || (mask && mask[v])) { /* NaN or inf */
            idx[v] = NOIDX;
            masked = true;
            continue;
        }
        double t = (z - base) * inv + a + 1;
        int k = t <= 0 ? 0 : t >= nlev ? nlev : (int)t;
        while (k > 0 && !(lev[k - 1] < z)) k--;
        while (k < nlev && lev[k] < z) k++; /* k: the first level >= z */
        if (close_low && k == 0 && z == lev[0]) k = 1;
        idx[v] = (uint16_t)k;
    }
    return masked;
}

static uint16_t *classify(const nplot__cgrid *g, const double *lev, int nlev, bool close_low,
                          bool *any_masked, const char *who);

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
    double x[4], y[4]; /* the corners' coordinates */
    int k;
    double mean;  /* of the four corners (saddles) */
} cell;

/* The crossing of `level` on the edge from corner ma to corner mb of c, interpolated from
 * the edge's lower-numbered vertex so both cells sharing it get the same point. */
static void crossing(const nplot__cgrid *g, const cell *c, int ma, int mb, double level, cev *ev)
{
    int mp = c->v[ma] < c->v[mb] ? ma : mb, mq = mp == ma ? mb : ma;
    double zp = g->z[c->v[mp]], t = (level - zp) / (g->z[c->v[mq]] - zp);
    ev->x = c->x[mp] + t * (c->x[mq] - c->x[mp]);
    ev->y = c->y[mp] + t * (c->y[mq] - c->y[mp]);
}

/* The perimeter events of cell c for the band whose corner states are st[] (0 below, 1 in,
 * 2 above) and whose levels are lo and hi; the corners inside the band too when asked. */
static int cell_events(const nplot__cgrid *g, const cell *c, const int *st, double lo, double hi,
                       bool corners, cev *ev)
{
    int n = 0;
    for (int m = 0; m < c->k; m++) {
        int m1 = m + 1 < c->k ? m + 1 : 0;
        int sa = st[m], sb = st[m1];
        if (sa == 1 && corners) ev[n++] = (cev){ c->x[m], c->y[m], EV_CORNER, 0, 0 };
        if (sa == sb) continue;
        /* the levels crossed between a and b, in walking order */
        int step = sb > sa ? 1 : -1;
        for (int s = sa; s != sb; s += step) {
            int lvl = step > 0 ? s : s - 1;        /* 0: lo, 1: hi */
            bool into = (step > 0) == (lvl == 0);   /* into the band */
            cev *e = &ev[n++];
            crossing(g, c, m, m1, lvl ? hi : lo, e);
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
    int n = cell_events(g, c, st, lo, hi, true, ev);
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

/* The lowest and highest level class among c's corners: the levels (lines) or bands
 * (fills) the cell can touch lie between them. */
static void class_span(const uint16_t *idx, const cell *c, int *lo, int *hi)
{
    *lo = NOIDX;
    *hi = 0;
    for (int m = 0; m < c->k; m++) {
        int v = idx[c->v[m]];
        *lo = v < *lo ? v : *lo;
        *hi = v > *hi ? v : *hi;
    }
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
    /* the corners' coordinates without dividing vertex numbers back into rows and columns */
    size_t row[4] = { i, i, i + 1, i + 1 }, col[4] = { j, j + 1, j + 1, j };
    double x[4], y[4];
    for (int m = 0; m < 4; m++) {
        x[m] = g->x ? (g->x2d ? g->x[v[m]] : g->x[col[m]]) : (double)col[m];
        y[m] = g->y ? (g->y2d ? g->y[v[m]] : g->y[row[m]]) : (double)row[m];
    }
    if (nbad == 0) {
        memcpy(c->v, v, sizeof v);
        memcpy(c->e, e, sizeof e);
        memcpy(c->x, x, sizeof x);
        memcpy(c->y, y, sizeof y);
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
        c->x[m] = x[src], c->y[m] = y[src];
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

static nd_status bands_by_rings(const nplot__cgrid *g, const uint16_t *idx, const double *lev,
                                int nlev, nplot__cpath *out, const char *who);

nd_status nplot__contour_bands(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who)
{
    if (nlev < 2 || g->ny < 2 || g->nx < 2) return ND_OK;
    bool masked = false;
    uint16_t *idx = classify(g, lev, nlev, true, &masked, who);
    if (!idx) return ND_ENOMEM;
    if (!masked && !g->convex) {
        nd_status st = bands_by_rings(g, idx, lev, nlev, out, who);
        nd_free_mem(idx);
        return st;
    }
    size_t nx = g->nx;
    for (size_t i = 0; i + 1 < g->ny; i++) {
        int run_band = -1;
        size_t run0 = 0;
        for (size_t j = 0; j + 1 < nx; j++) {
            size_t v0 = i * nx + j;
            uint16_t a = idx[v0], b = idx[v0 + 1], c2 = idx[v0 + nx + 1], d = idx[v0 + nx];
            /* whole cells of one band extend the row's run */
            int whole = !(g->convex && (g->x2d || g->y2d)) && a == b && a == c2 && a == d && a != NOIDX && a >= 1 && a < nlev
                            ? a - 1 : -1;
            if (whole >= 0 && whole == run_band) continue;
            if (run_band >= 0 && !put_run(g, i, run0, j - 1, &out[run_band], who)) goto oom;
            run_band = whole;
            run0 = j;
            if (whole >= 0) continue;
            cell c;
            if (!cell_at(g, idx, i, j, &c)) continue;
            int lo, hi;
            class_span(idx, &c, &lo, &hi);
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

/* An open polyline of a chained level: its vertices p->x/y[off .. off + n - 1] and the
 * boundary edges it starts and ends on. */
typedef struct openline {
    size_t off, n;
    size_t k0, k1;
} openline;

typedef struct openlines {
    openline *l;
    size_t n, cap;
} openlines;

/* Chain the segments of one level into polylines: every crossing ends one segment and
 * starts the next (the walk keeps the region above the level on the same side), except
 * where a line meets the boundary or a masked area. Open lines are listed in ol when given;
 * closed loops repeat their first vertex at the end. */
/* An open-addressing table from edge key to the segment starting on it: small next to
 * the grid, so chaining costs no page faults and few cache misses. */
typedef struct keymap {
    size_t *key;
    uint32_t *val;   /* segment + 1; 0: empty */
    size_t mask;
} keymap;

static size_t key_hash(size_t k)
{
    k ^= k >> 17;
    k *= (size_t)0x9E3779B97F4A7C15ull;
    return k ^ (k >> 29);
}

static ptrdiff_t keymap_find(const keymap *m, size_t k)
{
    for (size_t h = key_hash(k) & m->mask;; h = (h + 1) & m->mask) {
        if (!m->val[h]) return -1;
        if (m->key[h] == k) return (ptrdiff_t)m->val[h] - 1;
    }
}

/* The segments are those of a followed by those of b (the two halves of the grid). */
static bool chain(const segs *a, const segs *b, nplot__cpath *p, openlines *ol, const char *who)
{
#define SEG(i) ((size_t)(i) < a->n ? &a->s[(size_t)(i)] : &b->s[(size_t)(i) - a->n])
    size_t n = a->n + (b ? b->n : 0);
    if (!n) return true;
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    keymap map = { nd_malloc(sizeof(size_t) * cap, who), nd_calloc(cap, sizeof(uint32_t), who), cap - 1 };
    bool *used = nd_calloc(n, sizeof(bool), who);
    bool *has_pred = nd_calloc(n, sizeof(bool), who);
    if (!used || !has_pred || !map.key || !map.val) goto oom;
    for (size_t i = 0; i < n; i++) {
        size_t h = key_hash(SEG(i)->k0) & map.mask;
        while (map.val[h]) h = (h + 1) & map.mask;
        map.key[h] = SEG(i)->k0;
        map.val[h] = (uint32_t)(i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        ptrdiff_t nxt = keymap_find(&map, SEG(i)->k1);
        if (nxt >= 0) has_pred[nxt] = true;
    }
    /* open lines from their first segment, then the closed loops */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            if (used[i] || (pass == 0 && has_pred[i])) continue;
            if (!cpath_reserve(p, 2, who)) goto oom;
            size_t off = p->n, last = i;
            cpath_put(p, SEG(i)->x0, SEG(i)->y0);
            ptrdiff_t cur = (ptrdiff_t)i;
            while (cur >= 0 && !used[cur]) {
                used[cur] = true;
                last = (size_t)cur;
                if (!cpath_reserve(p, 2, who)) goto oom;
                cpath_put(p, SEG(cur)->x1, SEG(cur)->y1);
                cur = keymap_find(&map, SEG(cur)->k1);
            }
            if (pass == 0 && ol) {
                if (ol->n == ol->cap) {
                    openline *nl = nplot__grow(ol->l, &ol->cap, ol->n, ol->n ? 2 * ol->n : 16,
                                               sizeof(openline), who);
                    if (!nl) goto oom;
                    ol->l = nl;
                }
                ol->l[ol->n++] = (openline){ off, p->n - off, SEG(i)->k0, SEG(last)->k1 };
            }
            cpath_put(p, NAN, NAN);
        }
    nd_free_mem(map.key);
    nd_free_mem(map.val);
    nd_free_mem(used);
    nd_free_mem(has_pred);
    return true;
oom:
    nd_free_mem(map.key);
    nd_free_mem(map.val);
    nd_free_mem(used);
    nd_free_mem(has_pred);
    return false;
#undef SEG
}

/* The segments of every level crossing each cell of rows i0 <= i < i1: level k separates
 * idx <= k (below) from idx > k (above). */
static bool collect_rows(const nplot__cgrid *g, const uint16_t *idx, const double *lev, int nlev,
                         size_t i0, size_t i1, segs *ls, const char *who)
{
    size_t nx = g->nx;
    for (size_t i = i0; i < i1; i++)
        for (size_t j = 0; j + 1 < nx; j++) {
            /* most cells cross no level: all four corners in one class; four cells at a
             * time where the next five vertices of both rows are one class */
            const uint16_t *r0 = idx + i * nx + j, *r1 = r0 + nx;
            while (j + 5 < nx && r0[0] != NOIDX) {
                uint64_t a, as, b, bs;
                memcpy(&a, r0, 8), memcpy(&as, r0 + 1, 8), memcpy(&b, r1, 8), memcpy(&bs, r1 + 1, 8);
                if ((a ^ as) | (a ^ b) | (a ^ bs)) break;
                j += 4, r0 += 4, r1 += 4;
            }
            if (r0[0] == r0[1] && r0[0] == r1[0] && r0[0] == r1[1] && r0[0] != NOIDX) continue;
            cell c;
            if (!cell_at(g, idx, i, j, &c)) continue;
            int lo, hi;
            class_span(idx, &c, &lo, &hi);
            for (int k = lo; k < hi && k < nlev; k++) {
                int stt[4], nchg = 0, mx = 0, me = 0;
                for (int m = 0; m < c.k; m++) stt[m] = idx[c.v[m]] > k;
                /* the common cell: the level crosses the perimeter twice, one segment from
                 * the crossing leaving the region above (edge mx) to the one entering it
                 * (edge me), as the general walk below pairs them */
                for (int m = 0; m < c.k; m++) {
                    int m1 = m + 1 < c.k ? m + 1 : 0;
                    if (stt[m] != stt[m1]) {
                        nchg++;
                        if (stt[m]) mx = m;
                        else me = m;
                    }
                }
                cev ev[16];
                int n = 0, partner[16];
                if (nchg == 2) {
                    crossing(g, &c, mx, mx + 1 < c.k ? mx + 1 : 0, lev[k], &ev[0]);
                    crossing(g, &c, me, me + 1 < c.k ? me + 1 : 0, lev[k], &ev[1]);
                    ev[0].type = EV_EXIT, ev[0].key = c.e[mx];
                    ev[1].type = EV_ENTRY, ev[1].key = c.e[me];
                    partner[0] = 1;
                    n = 2;
                } else {
                    /* lines need the crossings only, not the corners between them */
                    n = cell_events(g, &c, stt, lev[k], INFINITY, false, ev);
                    cell_pairs(ev, n, c.mean, lev[k], INFINITY, false, partner);
                }
                for (int e = 0; e < n; e++) {
                    if (ev[e].type != EV_EXIT) continue;
                    segs *s = &ls[k];
                    if (s->n == s->cap) {
                        seg *ns = grow_raw(s->s, &s->cap, s->n, s->n < 32 ? 64 : 2 * s->n,
                                              sizeof(seg), who);
                        if (!ns) return false;
                        s->s = ns;
                    }
                    const cev *a = &ev[e], *b = &ev[partner[e]];
                    s->s[s->n++] = (seg){ a->key, b->key, a->x, a->y, b->x, b->y };
                }
            }
        }
    return true;
}

/* ---- two parts at once for big grids ----------------------------------------------------- */
/* Work in two parts, each writing only its own outputs, so the result is the same however
 * it runs: on the plot helpers (workers.h) when the grid is big, else both here in order.
 * A part returns false when out of memory; the error is then set on this thread (a
 * helper's error state is its own). */
typedef bool (*part_fn)(void *arg, int part);
typedef struct part_job {
    part_fn fn;
    void *arg;
    bool ok[2];
} part_job;

static void part_chunk(void *p, int part)
{
    part_job *j = p;
    j->ok[part] = j->fn(j->arg, part);
}

static bool run_parts(part_fn fn, void *arg, size_t cells, const char *who)
{
    part_job j = { fn, arg, { false, false } };
    if (cells >= ((size_t)1 << 16)) nplot__parallel(2, part_chunk, &j);
    else part_chunk(&j, 0), part_chunk(&j, 1);
    bool ok = j.ok[0] && j.ok[1];
    if (!ok) nd_set_error(ND_ENOMEM, "%s: out of memory tracing the contours", who);
    return ok;
}

/* classify: the vertices in two halves */
typedef struct classify_job {
    const nplot__cgrid *g;
    const double *lev;
    int nlev;
    bool close_low;
    uint16_t *idx;
    bool masked[2];
} classify_job;

static bool classify_part(void *p, int part)
{
    classify_job *j = p;
    size_t nv = j->g->ny * j->g->nx, mid = nv / 2;
    j->masked[part] = classify_range(j->g, j->lev, j->nlev, j->close_low, part ? mid : 0, part ? nv : mid, j->idx);
    return true;
}

static uint16_t *classify(const nplot__cgrid *g, const double *lev, int nlev, bool close_low,
                          bool *any_masked, const char *who)
{
    uint16_t *idx = nd_malloc(sizeof(uint16_t) * g->ny * g->nx, who);
    if (!idx) return NULL;
    classify_job j = { g, lev, nlev, close_low, idx, { false, false } };
    run_parts(classify_part, &j, (g->ny - 1) * (g->nx - 1), who);
    if (any_masked && (j.masked[0] || j.masked[1])) *any_masked = true;
    return idx;
}

typedef struct level_job {
    const nplot__cgrid *g;
    const uint16_t *idx;
    const double *lev;
    int nlev;
    segs *ls;          /* the segments of each level: ls[k] from the first half of the rows,
                          ls[nlev + k] from the second (chained as one list, not copied) */
    nplot__cpath *out; /* per level: chained lines (chain) or rings (level_rings) */
    const char *who;
} level_job;

/* collect: rows split in two halves, each into its own segment lists */
static bool collect_part(void *p, int part)
{
    level_job *j = p;
    size_t rows = j->g->ny - 1, mid = rows / 2;
    return collect_rows(j->g, j->idx, j->lev, j->nlev, part ? mid : 0, part ? rows : mid,
                        part ? j->ls + j->nlev : j->ls, j->who);
}

/* The segments of every level, row by row (the order of a single pass), into ls[0..2 nlev). */
static bool collect_segments(const nplot__cgrid *g, const uint16_t *idx, const double *lev,
                             int nlev, segs *ls, const char *who)
{
    level_job j = { g, idx, lev, nlev, ls, NULL, who };
    return run_parts(collect_part, &j, (g->ny - 1) * (g->nx - 1), who);
}

/* chain: the levels of one parity each */
static bool chain_part(void *p, int part)
{
    level_job *j = p;
    for (int k = part; k < j->nlev; k += 2)
        if (!chain(&j->ls[k], &j->ls[j->nlev + k], &j->out[k], NULL, j->who)) return false;
    return true;
}

/* Free the 2 n segment lists of ls. */
static void segs_free(segs *ls, int n)
{
    for (int k = 0; ls && k < 2 * n; k++) nd_free_mem(ls[k].s);
    nd_free_mem(ls);
}

nd_status nplot__contour_lines(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who)
{
    if (nlev < 1 || g->ny < 2 || g->nx < 2) return ND_OK;
    uint16_t *idx = classify(g, lev, nlev, false, NULL, who);
    segs *ls = nd_calloc(2 * (size_t)nlev, sizeof(segs), who);
    nd_status st = ND_ENOMEM;
    if (!idx || !ls || !collect_segments(g, idx, lev, nlev, ls, who)) goto done;
    level_job j = { g, idx, lev, nlev, ls, out, who };
    if (!run_parts(chain_part, &j, (g->ny - 1) * (g->nx - 1), who)) goto done;
    st = ND_OK;
done:
    segs_free(ls, nlev);
    nd_free_mem(idx);
    return st;
}

/* ---- bands as rings (grids without masked points) ------------------------------------------ */
/* The perimeter of the grid, counter-clockwise in index space: position q in [0, P) runs
 * along the bottom row (j = q), up the right column, back along the top row and down the
 * left column. */
typedef struct perim {
    size_t ny, nx, P;
} perim;

static size_t perim_vertex(const perim *pm, size_t q)
{
    size_t nx = pm->nx, ny = pm->ny, w = nx - 1, h = ny - 1;
    q %= pm->P;
    if (q < w) return q;
    if (q < w + h) return (q - w) * nx + nx - 1;
    if (q < 2 * w + h) return (ny - 1) * nx + (nx - 1 - (q - w - h));
    return (ny - 1 - (q - 2 * w - h)) * nx;
}

/* The perimeter position of the crossing of level L on boundary edge key: the edge's
 * index along the perimeter plus half its t. */
static double perim_pos(const nplot__cgrid *g, const perim *pm, size_t key, double L)
{
    size_t nx = g->nx, ny = g->ny, w = nx - 1, h = ny - 1, nh = ny * w;
    size_t a, b; /* the edge's vertices in counter-clockwise order, base its position */
    double base;
    if (key < nh) { /* horizontal: bottom row forwards, top row backwards */
        size_t i = key / w, j = key % w;
        if (i == 0) a = j, b = j + 1, base = (double)j;
        else a = i * nx + j + 1, b = i * nx + j, base = (double)(w + h + (w - 1 - j));
    } else { /* vertical: right column upwards, left column downwards */
        size_t r = key - nh, i = r / nx, j = r % nx;
        if (j == nx - 1) a = i * nx + j, b = a + nx, base = (double)(w + i);
        else a = (i + 1) * nx, b = i * nx, base = (double)(2 * w + h + (h - 1 - i));
    }
    double za = g->z[a], t = (L - za) / (g->z[b] - za);
    /* half an edge per unit of t: a crossing at the end of one edge (t = 1) stays before a
     * crossing at the start of the next (t = 0) although they are the same vertex, so a
     * line touching the border at a vertex on the level is never joined to itself */
    return base + 0.5 * nplot__clampd(t, 0, 1);
}

typedef struct lend {
    double pos;
    size_t line;
} lend;

static int by_pos(const void *pa, const void *pb)
{
    double a = ((const lend *)pa)->pos, b = ((const lend *)pb)->pos;
    return a < b ? -1 : a > b;
}

/* The rings bounding {above level k} (idx > k), counter-clockwise around it: the closed
 * loops as they are, the open lines joined along the grid's perimeter. Appended to out. */
static bool level_rings(const nplot__cgrid *g, const uint16_t *idx, int k, double L, const segs *s0,
                        const segs *s1, nplot__cpath *out, const char *who)
{
    nplot__cpath lines = { 0 };
    openlines ol = { 0 };
    lend *starts = NULL;
    bool *done = NULL, ok = false;
    perim pm = { g->ny, g->nx, 2 * (g->nx - 1) + 2 * (g->ny - 1) };
    if (!chain(s0, s1, &lines, &ol, who)) goto out;
    /* the closed loops: every run of `lines` that is not an open line */
    {
        size_t li = 0, i = 0;
        while (i < lines.n) {
            size_t j = i;
            while (j < lines.n && isfinite(lines.x[j])) j++;
            bool open = li < ol.n && ol.l[li].off == i;
            if (open) li++;
            else {
                if (!cpath_reserve(out, j - i + 1, who)) goto out;
                for (size_t q = i; q < j; q++) cpath_put(out, lines.x[q], lines.y[q]);
                cpath_put(out, NAN, NAN);
            }
            i = j + 1;
        }
    }
    if (!ol.n) {
        /* no line reaches the boundary: the whole perimeter is one ring, or none */
        if (idx[0] > k) {
            if (!cpath_reserve(out, pm.P + 1, who)) goto out;
            for (size_t q = 0; q < pm.P; q++) {
                size_t v = perim_vertex(&pm, q);
                cpath_put(out, gx(g, v), gy(g, v));
            }
            cpath_put(out, NAN, NAN);
        }
        ok = true;
        goto out;
    }
    starts = nd_malloc(sizeof(lend) * ol.n, who);
    done = nd_calloc(ol.n, sizeof(bool), who);
    if (!starts || !done) goto out;
    for (size_t i = 0; i < ol.n; i++) starts[i] = (lend){ perim_pos(g, &pm, ol.l[i].k0, L), i };
    qsort(starts, ol.n, sizeof(lend), by_pos);
    for (size_t first = 0; first < ol.n; first++) {
        if (done[first]) continue;
        size_t cur = first;
        while (!done[cur]) {
            done[cur] = true;
            const openline *o = &ol.l[cur];
            if (!cpath_reserve(out, o->n, who)) goto out;
            for (size_t q = o->off; q < o->off + o->n; q++) cpath_put(out, lines.x[q], lines.y[q]);
            /* along the perimeter from its end to the next start */
            double pe = perim_pos(g, &pm, o->k1, L);
            size_t lo = 0, hi = ol.n;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (starts[mid].pos < pe) lo = mid + 1;
                else hi = mid;
            }
            const lend *nx = &starts[lo % ol.n];
            double ps = nx->pos < pe ? nx->pos + (double)pm.P : nx->pos;
            size_t q0 = (size_t)floor(pe) + 1, q1 = (size_t)ceil(ps); /* vertices strictly between */
            if (q1 > q0 && !cpath_reserve(out, q1 - q0, who)) goto out;
            for (size_t q = q0; q < q1 && (double)q < ps; q++) {
                size_t v = perim_vertex(&pm, q);
                cpath_put(out, gx(g, v), gy(g, v));
            }
            cur = nx->line;
        }
        if (!cpath_reserve(out, 1, who)) goto out;
        cpath_put(out, NAN, NAN);
    }
    ok = true;
out:
    nd_free_mem(lines.x);
    nd_free_mem(lines.y);
    nd_free_mem(ol.l);
    nd_free_mem(starts);
    nd_free_mem(done);
    return ok;
}

/* Append the rings of r reversed (each ring's vertices backwards) to p. */
static bool put_reversed(nplot__cpath *p, const nplot__cpath *r, const char *who)
{
    if (!cpath_reserve(p, r->n, who)) return false;
    size_t i = 0;
    while (i < r->n) {
        size_t j = i;
        while (j < r->n && isfinite(r->x[j])) j++;
        for (size_t q = j; q > i; q--) cpath_put(p, r->x[q - 1], r->y[q - 1]);
        cpath_put(p, NAN, NAN);
        i = j + 1;
    }
    return true;
}

/* Bands of a grid without masked points: band b is {above level b} minus {above level
 * b + 1}, the rings of the first counter-clockwise and of the second reversed, so that a
 * nonzero fill gives the band, holes and all, from the contour lines and the perimeter
 * only. */
/* level_rings: the levels of one parity each */
static bool rings_part(void *p, int part)
{
    level_job *j = p;
    for (int k = part; k < j->nlev; k += 2)
        if (!level_rings(j->g, j->idx, k, j->lev[k], &j->ls[k], &j->ls[j->nlev + k], &j->out[k], j->who))
            return false;
    return true;
}

static nd_status bands_by_rings(const nplot__cgrid *g, const uint16_t *idx, const double *lev,
                                int nlev, nplot__cpath *out, const char *who)
{
    segs *ls = nd_calloc(2 * (size_t)nlev, sizeof(segs), who);
    nplot__cpath *rings = nd_calloc((size_t)nlev, sizeof(nplot__cpath), who);
    nd_status st = ND_ENOMEM;
    if (!ls || !rings || !collect_segments(g, idx, lev, nlev, ls, who)) goto done;
    level_job j = { g, idx, lev, nlev, ls, rings, who };
    if (!run_parts(rings_part, &j, (g->ny - 1) * (g->nx - 1), who)) goto done;
    for (int b = 0; b + 1 < nlev; b++) {
        nplot__cpath *p = &out[b];
        if (!p->n && rings[b].n) { /* the usual case: take the rings over, no copy */
            nplot__cpath empty = *p;
            *p = rings[b];
            rings[b] = empty;
        } else if (rings[b].n) {
            if (!cpath_reserve(p, rings[b].n, who)) goto done;
            memcpy(p->x + p->n, rings[b].x, sizeof(double) * rings[b].n);
            memcpy(p->y + p->n, rings[b].y, sizeof(double) * rings[b].n);
            p->n += rings[b].n;
        }
        if (!put_reversed(p, &rings[b + 1], who)) goto done;
    }
    st = ND_OK;
done:
    segs_free(ls, nlev);
    nplot__cpath_free(rings, rings ? nlev : 0);
    nd_free_mem(rings);
    return st;
}

/* Triangulation algorithms of the base layer, free of figures and axes: the Delaunay
 * triangulation through qhull (what matplotlib's _qhull wrapper does), the neighbors of a
 * triangle set, and marching triangles (iso-lines joined into polylines, and the band
 * between two levels clipped out of every triangle). The contour code can reuse the last
 * two on any triangle mesh. */
#include "plot_model.h"

#include <libqhull_r/qhull_ra.h>

#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Delaunay ----------------------------------------------------------------------------- */
/* matplotlib's check: at least 3 points of which 3 are distinct. */
static bool three_unique(const double *x, const double *y, size_t n)
{
    size_t second = 0;
    for (size_t i = 1; i < n; i++) {
        bool new0 = x[i] != x[0] || y[i] != y[0];
        if (!second) {
            if (new0) second = i;
        } else if (new0 && (x[i] != x[second] || y[i] != y[second])) {
            return true;
        }
    }
    return false;
}

/* The first "QHnnnn ..." line qhull wrote (its error code and reason), cut at the end of
 * its first sentence, into out; "" when there is none. */
static void qhull_reason(const char *log, char *out, size_t cap)
{
    out[0] = '\0';
    const char *p = log ? strstr(log, "QH") : NULL;
    if (!p) return;
    size_t k = strcspn(p, "\n");
    const char *dot = memchr(p, '.', k);
    if (dot && dot > p + 6) k = (size_t)(dot - p);
    if (k >= cap) k = cap - 1;
    memcpy(out, p, k);
    out[k] = '\0';
}

static const char *qhull_exit_name(int code)
{
    static const char *names[] = { "", "input inconsistency", "singular input data",
                                   "precision error", "insufficient memory", "internal error" };
    return code > 0 && code < 6 ? names[code] : "error";
}

/* Copy qhull's lower-Delaunay facets into counter-clockwise triangles. */
static nd_status collect_triangles(qhT *qh, const double *x, const double *y, int **tri, size_t *ntri,
                                   const char *who)
{
    facetT *facet;
    size_t nt = 0;
    FORALLfacets
        if (!facet->upperdelaunay) nt++;
    int *t = nd_malloc(sizeof(int) * 3 * (nt ? nt : 1), who);
    if (!t) return nd_set_error(ND_ENOMEM, "%s: out of memory for %zu triangles", who, nt);
    size_t k = 0;
    FORALLfacets {
        if (facet->upperdelaunay) continue;
        int v[3], m = 0;
        vertexT *vertex, **vertexp;
        FOREACHvertex_(facet->vertices)
            if (m < 3) v[m++] = qh_pointid(qh, vertex->point);
        /* matplotlib's order: toporient facets as listed, the others reversed */
        int *o = t + 3 * k++;
        o[0] = facet->toporient ? v[0] : v[2];
        o[1] = v[1];
        o[2] = facet->toporient ? v[2] : v[0];
        /* and counter-clockwise whatever qhull's orientation convention */
        double cross = (x[o[1]] - x[o[0]]) * (y[o[2]] - y[o[0]]) -
                       (y[o[1]] - y[o[0]]) * (x[o[2]] - x[o[0]]);
        if (cross < 0) {
            int s = o[1];
            o[1] = o[2];
            o[2] = s;
        }
    }
    *tri = t;
    *ntri = nt;
    return ND_OK;
}

nd_status nplot__tri_delaunay(const double *x, const double *y, size_t n, int **tri, size_t *ntri,
                              const char *who)
{
    *tri = NULL;
    *ntri = 0;
    if (n < 3)
        return nd_set_error(ND_EVALUE, "%s: a Delaunay triangulation needs at least 3 points, got %zu",
                            who, n);
    if (n > (size_t)INT32_MAX / 2)
        return nd_set_error(ND_EVALUE, "%s: %zu points are more than qhull takes", who, n);
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return nd_set_error(ND_EVALUE, "%s: point %zu is not finite (%g, %g)", who, i, x[i], y[i]);
        mx += x[i];
        my += y[i];
    }
    if (!three_unique(x, y, n))
        return nd_set_error(ND_EVALUE, "%s: x and y must hold at least 3 distinct points", who);
    /* qhull works on coordinates centred on their mean, as matplotlib passes them */
    mx /= (double)n;
    my /= (double)n;
    coordT *pts = nd_malloc(sizeof(coordT) * 2 * n, who);
    if (!pts) return nd_set_error(ND_ENOMEM, "%s: out of memory for %zu points", who, n);
    for (size_t i = 0; i < n; i++) {
        pts[2 * i] = x[i] - mx;
        pts[2 * i + 1] = y[i] - my;
    }
    /* qhull prints its reasons to a FILE: keep them in memory for the error message */
    char *log = NULL;
    size_t loglen = 0;
    FILE *err = open_memstream(&log, &loglen);
    if (!err) {
        nd_free_mem(pts);
        return nd_set_error(ND_ENOMEM, "%s: cannot open a buffer for qhull's messages", who);
    }
    qhT qh_qh;
    qhT *qh = &qh_qh;
    qh_zero(qh, err);
    /* qh_new_qhull catches qhull's own longjmp and returns its exit code */
    int code = qh_new_qhull(qh, 2, (int)n, pts, False, (char *)"qhull d Qt Qbb Qc Qz", NULL, err);
    nd_status st = ND_OK;
    if (code == qh_ERRnone) {
        /* qh_triangulate reports errors by longjmp to qh->errexit too: catch it here */
        qh->NOerrexit = False;
        if (!setjmp(qh->errexit)) {
            qh_triangulate(qh);
            qh->NOerrexit = True;
        } else {
            qh->NOerrexit = True;
            code = qh_ERRqhull;
        }
    }
    fflush(err);
    if (code == qh_ERRnone) {
        st = collect_triangles(qh, x, y, tri, ntri, who);
    } else {
        char reason[160];
        qhull_reason(log, reason, sizeof reason);
        const char *what = code == qh_ERRsingular || code == qh_ERRprec
                               ? "the points are collinear or too close to a line"
                               : qhull_exit_name(code);
        st = nd_set_error(code == qh_ERRmem ? ND_ENOMEM : ND_EVALUE,
                          "%s: %s (qhull %s, exit code %d: %s)", who, what,
                          reason[0] ? reason : "no message", code, qhull_exit_name(code));
    }
    qh_freeqhull(qh, !qh_ALL);
    int curlong, totlong;
    qh_memfreeshort(qh, &curlong, &totlong);
    fclose(err);
    free(log); /* open_memstream's buffer comes from the C library */
    nd_free_mem(pts);
    return st;
}

/* ---- neighbors ------------------------------------------------------------------------------ */
typedef struct edge_rec {
    uint64_t key; /* (min vertex, max vertex) */
    size_t at;    /* 3 * triangle + edge */
} edge_rec;

static int cmp_edge(const void *pa, const void *pb)
{
    const edge_rec *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

static uint64_t edge_key(int a, int b)
{
    uint32_t lo = (uint32_t)(a < b ? a : b), hi = (uint32_t)(a < b ? b : a);
    return (uint64_t)lo << 32 | hi;
}

nd_status nplot__tri_neighbors(const int *tri, const bool *mask, size_t ntri, int *nbr, const char *who)
{
    for (size_t i = 0; i < 3 * ntri; i++) nbr[i] = -1;
    edge_rec *e = nd_malloc(sizeof *e * 3 * (ntri ? ntri : 1), who);
    if (!e) return nd_set_error(ND_ENOMEM, "%s: out of memory for %zu triangles", who, ntri);
    size_t ne = 0;
    for (size_t t = 0; t < ntri; t++) {
        if (mask && mask[t]) continue;
        for (int k = 0; k < 3; k++)
            e[ne++] = (edge_rec){ edge_key(tri[3 * t + k], tri[3 * t + (k + 1) % 3]), 3 * t + (size_t)k };
    }
    qsort(e, ne, sizeof *e, cmp_edge);
    /* an edge shared by exactly two triangles makes them neighbors across it */
    for (size_t i = 0; i + 1 < ne; i++)
        if (e[i].key == e[i + 1].key && (i + 2 >= ne || e[i + 2].key != e[i].key) &&
            (i == 0 || e[i - 1].key != e[i].key)) {
            nbr[e[i].at] = (int)(e[i + 1].at / 3);
            nbr[e[i + 1].at] = (int)(e[i].at / 3);
        }
    nd_free_mem(e);
    return ND_OK;
}

/* ---- marching triangles ---------------------------------------------------------------------- */
/* The point where z crosses level on the edge (a, b), computed from the lower vertex index
 * so that the two triangles sharing the edge produce the same bits. */
static void edge_point(const nplot__trimesh *m, const double *z, int a, int b, double level,
                       double *px, double *py)
{
    if (a > b) {
        int s = a;
        a = b;
        b = s;
    }
    double t = (level - z[a]) / (z[b] - z[a]);
    *px = m->x[a] + t * (m->x[b] - m->x[a]);
    *py = m->y[a] + t * (m->y[b] - m->y[a]);
}

/* A growable list of vertices (NaN-separated runs). */
typedef struct vlist {
    double *x, *y;
    size_t n, cap;
} vlist;

static bool vl_push(vlist *v, double x, double y, const char *who)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 64;
        double *nx = nd_malloc(sizeof(double) * cap, who), *ny = nd_malloc(sizeof(double) * cap, who);
        if (!nx || !ny) {
            nd_free_mem(nx);
            nd_free_mem(ny);
            return false;
        }
        if (v->n) {
            memcpy(nx, v->x, sizeof(double) * v->n);
            memcpy(ny, v->y, sizeof(double) * v->n);
        }
        nd_free_mem(v->x);
        nd_free_mem(v->y);
        v->x = nx, v->y = ny, v->cap = cap;
    }
    v->x[v->n] = x;
    v->y[v->n++] = y;
    return true;
}

static void vl_free(vlist *v)
{
    nd_free_mem(v->x);
    nd_free_mem(v->y);
    memset(v, 0, sizeof *v);
}

/* Hand the vertices over to the caller (the list is left empty). */
static void vl_take(vlist *v, double **px, double **py, size_t *n)
{
    *px = v->x;
    *py = v->y;
    *n = v->n;
    memset(v, 0, sizeof *v);
}

/* The two edges of triangle v that the level crosses (a vertex is above when z > level,
 * matplotlib's rule; an edge is crossed when its ends differ); false when none is. */
static bool crossed_edges(const double *z, const int *v, double level, int k[2])
{
    int n = 0;
    for (int e = 0; e < 3; e++)
        if ((z[v[e]] > level) != (z[v[(e + 1) % 3]] > level)) k[n++] = e;
    return n == 2;
}

nd_status nplot__tri_isolines(const nplot__trimesh *m, const double *z, double level, double **px,
                              double **py, size_t *np, const char *who)
{
    *px = *py = NULL;
    *np = 0;
    size_t nt = m->ntri;
    int *own = NULL;
    const int *nb = m->nbr;
    bool *used = nd_calloc(nt ? nt : 1, sizeof *used, who);
    vlist out = { 0 };
    if (!used) goto oom;
    if (!nb) {
        if (!(own = nd_malloc(sizeof(int) * 3 * (nt ? nt : 1), who))) goto oom;
        if (nplot__tri_neighbors(m->tri, m->mask, nt, own, who)) {
            nd_free_mem(used);
            nd_free_mem(own);
            return nd_last_error();
        }
        nb = own;
    }
    /* each crossed triangle holds one segment; a line goes on into the neighbor across its
     * exit edge. Open lines start where an entry edge has no neighbor (the boundary or a
     * masked triangle), closed loops anywhere. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t t0 = 0; t0 < nt; t0++) {
            int k[2];
            if (used[t0] || (m->mask && m->mask[t0]) || !crossed_edges(z, m->tri + 3 * t0, level, k)) continue;
            int entry = pass == 1 ? k[0] : nb[3 * t0 + (size_t)k[0]] < 0 ? k[0] : nb[3 * t0 + (size_t)k[1]] < 0 ? k[1] : -1;
            if (entry < 0) continue;
            if (out.n && !vl_push(&out, NAN, NAN, who)) goto oom;
            size_t t = t0;
            const int *v = m->tri + 3 * t;
            double x, y;
            edge_point(m, z, v[entry], v[(entry + 1) % 3], level, &x, &y);
            if (!vl_push(&out, x, y, who)) goto oom;
            for (;;) {
                used[t] = true;
                v = m->tri + 3 * t;
                crossed_edges(z, v, level, k);
                int exit = k[0] == entry ? k[1] : k[0];
                int a = v[exit], b = v[(exit + 1) % 3];
                edge_point(m, z, a, b, level, &x, &y);
                if (!vl_push(&out, x, y, who)) goto oom;
                int u = nb[3 * t + (size_t)exit];
                if (u < 0 || used[u]) break;
                /* the same edge seen from u runs b -> a */
                const int *w = m->tri + 3 * (size_t)u;
                entry = w[0] == b && w[1] == a ? 0 : w[1] == b && w[2] == a ? 1 : 2;
                t = (size_t)u;
            }
        }
    vl_take(&out, px, py, np);
    nd_free_mem(used);
    nd_free_mem(own);
    return ND_OK;
oom:
    vl_free(&out);
    nd_free_mem(used);
    nd_free_mem(own);
    return nd_set_error(ND_ENOMEM, "%s: out of memory tracing the level %g", who, level);
}

/* A directed edge of a band piece: from vertex key `from` at (x, y) to vertex key `to`.
 * Keys name vertices topologically, so the two triangles beside an edge agree on them: a
 * triangulation point is its index; a level crossing is flagged in bit 63 and holds the
 * edge's two point indices and which level (lo 0, hi 1). */
typedef struct bedge {
    uint64_t from, to;
    double x, y;
    bool gone;
} bedge;

static uint64_t crossing_key(int a, int b, int side)
{
    uint64_t lo = (uint64_t)(a < b ? a : b), hi = (uint64_t)(a < b ? b : a);
    return 1ULL << 63 | lo << 32 | hi << 1 | (uint64_t)side;
}

static int cmp_undirected(const void *pa, const void *pb)
{
    const bedge *a = pa, *b = pb;
    uint64_t a0 = a->from < a->to ? a->from : a->to, a1 = a->from < a->to ? a->to : a->from;
    uint64_t b0 = b->from < b->to ? b->from : b->to, b1 = b->from < b->to ? b->to : b->from;
    if (a0 != b0) return a0 < b0 ? -1 : 1;
    if (a1 != b1) return a1 < b1 ? -1 : 1;
    return (a->from < a->to) - (b->from < b->to);
}

static int cmp_from(const void *pa, const void *pb)
{
    const bedge *a = pa, *b = pb;
    return a->from < b->from ? -1 : a->from > b->from;
}

/* The piece of triangle t between the levels (convex: z is linear there), walked round
 * the triangle's edges: the corners inside [lo, hi] and the level crossings between, as
 * directed edges appended to e (counter-clockwise like the triangle). */
static size_t band_piece(const nplot__trimesh *m, const double *z, const int *v, double lo, double hi,
                         bedge *e)
{
    uint64_t key[9];
    double bx[9], by[9];
    int k = 0;
    for (int c = 0; c < 3; c++) {
        int a = v[c], b = v[(c + 1) % 3];
        double za = z[a], zb = z[b];
        if (za >= lo && za <= hi) key[k] = (uint64_t)a, bx[k] = m->x[a], by[k] = m->y[a], k++;
        /* crossings strictly inside the edge, in the order met from a to b */
        int first = zb < za; /* falling: hi is met before lo */
        for (int j = 0; j < 2; j++) {
            int side = j ^ first;
            double L = side ? hi : lo;
            if ((za < L && L < zb) || (zb < L && L < za)) {
                edge_point(m, z, a, b, L, &bx[k], &by[k]);
                key[k++] = crossing_key(a, b, side);
            }
        }
    }
    if (k < 3) return 0;
    for (int i = 0; i < k; i++) e[i] = (bedge){ key[i], key[(i + 1) % k], bx[i], by[i], false };
    return (size_t)k;
}

nd_status nplot__tri_band(const nplot__trimesh *m, const double *z, double lo, double hi, double **px,
                          double **py, size_t *np, size_t *npoly, const char *who)
{
    *px = *py = NULL;
    *np = *npoly = 0;
    vlist out = { 0 };
    size_t ne = 0, count = 0;
    bedge *e = nd_malloc(sizeof *e * 9 * (m->ntri ? m->ntri : 1), who);
    if (!e) goto oom;
    for (size_t t = 0; t < m->ntri; t++)
        if (!(m->mask && m->mask[t])) ne += band_piece(m, z, m->tri + 3 * t, lo, hi, e + ne);
    /* an edge two pieces share is walked once each way: both go, the boundary stays */
    qsort(e, ne, sizeof *e, cmp_undirected);
    for (size_t i = 0; i < ne;) {
        size_t j = i;
        uint64_t a0 = e[i].from < e[i].to ? e[i].from : e[i].to, a1 = e[i].from ^ e[i].to ^ a0;
        while (j < ne && (e[j].from < e[j].to ? e[j].from : e[j].to) == a0 &&
               (e[j].from ^ e[j].to ^ a0) == a1)
            j++;
        /* [i, j): one undirected edge, backward ones (from > to) first */
        size_t back = i;
        while (back < j && e[back].from > e[back].to) back++;
        for (size_t b = i, f = back; b < back && f < j; b++, f++) e[b].gone = e[f].gone = true;
        i = j;
    }
    size_t keep = 0;
    for (size_t i = 0; i < ne; i++)
        if (!e[i].gone) e[keep++] = e[i];
    /* what stays is closed loops (every vertex has as many edges in as out): follow them */
    qsort(e, keep, sizeof *e, cmp_from);
    for (size_t i = 0; i < keep; i++) {
        if (e[i].gone) continue;
        if (count && !vl_push(&out, NAN, NAN, who)) goto oom;
        uint64_t start = e[i].from;
        size_t cur = i;
        for (;;) {
            e[cur].gone = true;
            if (!vl_push(&out, e[cur].x, e[cur].y, who)) goto oom;
            uint64_t to = e[cur].to;
            if (to == start) break;
            /* the first unused edge leaving `to` */
            size_t lo_i = 0, hi_i = keep;
            while (lo_i < hi_i) {
                size_t mid = lo_i + (hi_i - lo_i) / 2;
                if (e[mid].from < to) lo_i = mid + 1;
                else hi_i = mid;
            }
            while (lo_i < keep && e[lo_i].from == to && e[lo_i].gone) lo_i++;
            if (lo_i >= keep || e[lo_i].from != to) break; /* cannot happen on a closed chain */
            cur = lo_i;
        }
        count++;
    }
    nd_free_mem(e);
    *npoly = count;
    vl_take(&out, px, py, np);
    return ND_OK;
oom:
    nd_free_mem(e);
    vl_free(&out);
    return nd_set_error(ND_ENOMEM, "%s: out of memory filling the band %g..%g", who, lo, hi);
}


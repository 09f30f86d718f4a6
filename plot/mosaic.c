/* subplot_mosaic (string and nested-list layouts), sharing an axis with any axes, nested
 * grids (GridSpecFromSubplotSpec) and the figure-level axis labels supxlabel / supylabel,
 * as matplotlib 3.6. Placement itself is layout.c's (grid_edges reads gs->parent). */
#include "plot_model.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sharing ------------------------------------------------------------------------------ */
static nplot_axes *share_root_of(nplot_axes *ax, bool x)
{
    int guard = 0;
    for (;;) {
        nplot_axes *r = x ? ax->xa.share_root : ax->ya.share_root;
        if (!r || guard++ > 1000) return ax;
        ax = r;
    }
}

static nd_status check_shareable(nplot_axes *ax, const char *role, const char *who)
{
    if (ax->polar || ax->is3d || ax->cbar_parent)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %s is a %s axes; only rectilinear axes "
                                               "share an axis", who, role,
                           ax->polar ? "polar" : ax->is3d ? "3-D" : "colorbar");
    return ND_OK;
}

/* ax.sharex(other) / ax.sharey(other): ax joins other's group (limits, scale, ticks). */
static nd_status share(nplot_axes *ax, nplot_axes *other, bool x, const char *who)
{
    CHECK_AX(ax, who);
    if (!other) return nplot__fail(ax->fig, ND_EVALUE, "%s: other axes is NULL", who);
    if (other->fig != ax->fig)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the other axes belongs to another figure", who);
    nd_status st;
    if ((st = check_shareable(ax, "the axes", who)) || (st = check_shareable(other, "other", who)))
        return st;
    axis_state *a = x ? &ax->xa : &ax->ya;
    nplot_axes *root = share_root_of(other, x);
    if (a->share_root && a->share_root != other && a->share_root != root)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the %c-axis is already shared", who,
                           x ? 'x' : 'y');
    /* already one group (other shares ax's axis, or ax == other): nothing to join */
    if (root == share_root_of(ax, x)) return ND_OK;
    a->share_root = root;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_sharex(nplot_axes *ax, nplot_axes *other)
{
    return share(ax, other, true, "nplot_sharex");
}

nd_status nplot_sharey(nplot_axes *ax, nplot_axes *other)
{
    return share(ax, other, false, "nplot_sharey");
}

static nd_status check_share_opts(nplot_figure *fig, const nplot_add_subplot_opts *o,
                                  const char *who)
{
    const nplot_axes *s[2] = { o->sharex, o->sharey };
    for (int i = 0; i < 2; i++) {
        if (!s[i]) continue;
        if (s[i]->fig != fig)
            return nplot__fail(fig, ND_EVALUE, "%s: share%c names an axes of another figure", who,
                               i ? 'y' : 'x');
        if (s[i]->polar || s[i]->is3d || s[i]->cbar_parent)
            return nplot__fail(fig, ND_EVALUE, "%s: share%c names a %s axes; only rectilinear "
                                               "axes share an axis", who, i ? 'y' : 'x',
                               s[i]->polar ? "polar" : s[i]->is3d ? "3-D" : "colorbar");
    }
    return ND_OK;
}

static nplot_axes *apply_share_opts(nplot_axes *ax, const nplot_add_subplot_opts *o,
                                    const char *who)
{
    if (!ax) return NULL;
    if (o->sharex && share(ax, o->sharex, true, who)) return NULL;
    if (o->sharey && share(ax, o->sharey, false, who)) return NULL;
    return ax;
}

nplot_axes *nplot_add_subplot_(nplot_figure *fig, int nrows, int ncols, int index,
                               const nplot_add_subplot_opts *o)
{
    static const char *who = "nplot_add_subplot";
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_add_subplot_opts);
    if (nrows < 1 || ncols < 1 || nrows > 1000 || ncols > 1000 || index < 1 ||
        index > nrows * ncols) {
        nplot__fail(fig, ND_EVALUE, "%s: index %d is out of range for a %dx%d grid (1..%d)", who,
                    index, nrows, ncols, nrows > 0 && ncols > 0 ? nrows * ncols : 0);
        return NULL;
    }
    if (check_share_opts(fig, o, who)) return NULL;
    return apply_share_opts(nplot_subplot(fig, nrows, ncols, index), o, who);
}

/* The cells r0..r1 x c0..c1 of gs named by spec ("0:2,1", ...); false with the error set
 * (and the figure's error state) when gs is NULL, its figure failed, or spec is not a span. */
static bool gridspec_span(nplot_gridspec *gs, const char *spec, int *r0, int *r1, int *c0,
                          int *c1, const char *who)
{
    if (!gs) {
        nd_set_error(ND_EVALUE, "%s: gridspec is NULL", who);
        return false;
    }
    if (nplot__check(gs->fig)) return false;
    if (!spec || !nplot__parse_cells(gs, spec, r0, r1, c0, c1)) {
        nplot__fail(gs->fig, spec ? ND_EINDEX : ND_EPARSE, "%s: '%s' is not a valid span of a "
                                                          "%dx%d grid", who,
                    spec ? spec : "(null)", gs->nrows, gs->ncols);
        return false;
    }
    return true;
}

nplot_axes *nplot_gridspec_add_subplot_(nplot_gridspec *gs, const char *spec,
                                        const nplot_add_subplot_opts *o)
{
    static const char *who = "nplot_gridspec_add_subplot";
    int r0, r1, c0, c1;
    if (!gridspec_span(gs, spec, &r0, &r1, &c0, &c1, who)) return NULL;
    o = NPLOT__OPTS(o, nplot_add_subplot_opts);
    if (check_share_opts(gs->fig, o, who)) return NULL;
    return apply_share_opts(nplot__place(gs, r0, r1, c0, c1, who), o, who);
}

/* ---- nested grids ------------------------------------------------------------------------------ */
static bool set_ratios(nplot_figure *fig, nplot_f64s v, int n, double **dst, const char *name,
                       const char *who)
{
    if (!v.v) return true;
    if (v.n != (size_t)n) {
        nplot__fail(fig, ND_EVALUE, "%s: '%s' has %zu values, but the grid has %d %s", who, name,
                    v.n, n, name[0] == 'w' ? "columns" : "rows");
        return false;
    }
    for (int i = 0; i < n; i++)
        if (!(v.v[i] > 0) || !isfinite(v.v[i])) {
            nplot__fail(fig, ND_EVALUE, "%s: %s[%d] = %g must be positive", who, name, i, v.v[i]);
            return false;
        }
    *dst = nd_malloc(sizeof(double) * (size_t)n, who);
    if (!*dst) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return false;
    }
    memcpy(*dst, v.v, sizeof(double) * (size_t)n);
    return true;
}

/* A grid with the given ratios and spacing (0: unset), nested in cells of parent when
 * parent is not NULL (then left/right/bottom/top must be unset). */
static nplot_gridspec *make_grid(nplot_figure *fig, nplot_gridspec *parent, int pr0, int pr1,
                                 int pc0, int pc1, int nrows, int ncols,
                                 const nplot_gridspec_opts *o, const char *who)
{
    double edge[4] = { o->left, o->right, o->bottom, o->top };
    for (int i = 0; i < 4; i++)
        if (edge[i] != 0 && (parent || !(edge[i] >= 0 && edge[i] <= 1))) {
            static const char *nm[4] = { "left", "right", "bottom", "top" };
            nplot__fail(fig, ND_EVALUE, parent ? "%s: a nested grid fills its cell: '%s' cannot "
                                                 "be given (%g)"
                                               : "%s: '%s' = %g must be in [0, 1]",
                        who, nm[i], edge[i]);
            return NULL;
        }
    if ((o->left && o->right && !(o->left < o->right)) ||
        (o->bottom && o->top && !(o->bottom < o->top))) {
        nplot__fail(fig, ND_EVALUE, "%s: need left < right and bottom < top, got left=%g "
                                    "right=%g bottom=%g top=%g", who, o->left, o->right,
                    o->bottom, o->top);
        return NULL;
    }
    if (!(o->wspace >= 0) || !(o->hspace >= 0) || !isfinite(o->wspace) || !isfinite(o->hspace)) {
        nplot__fail(fig, ND_EVALUE, "%s: wspace and hspace must be >= 0, got %g and %g", who,
                    o->wspace, o->hspace);
        return NULL;
    }
    nplot_gridspec *g = nplot__gridspec_make(fig, nrows, ncols, who);
    if (!g) return NULL;
    g->parent = parent;
    g->pr0 = pr0, g->pr1 = pr1, g->pc0 = pc0, g->pc1 = pc1;
    if (!set_ratios(fig, o->width_ratios, ncols, &g->wr, "width_ratios", who) ||
        !set_ratios(fig, o->height_ratios, nrows, &g->hr, "height_ratios", who))
        return NULL;
    if (o->left) g->left = o->left;
    if (o->right) g->right = o->right;
    if (o->bottom) g->bottom = o->bottom;
    if (o->top) g->top = o->top;
    if (o->wspace) g->wspace = o->wspace;
    if (o->hspace) g->hspace = o->hspace;
    return g;
}

nplot_gridspec *nplot_gridspec_subgridspec_(nplot_gridspec *gs, const char *spec, int nrows,
                                            int ncols, const nplot_gridspec_opts *o)
{
    static const char *who = "nplot_gridspec_subgridspec";
    int r0, r1, c0, c1;
    if (!gridspec_span(gs, spec, &r0, &r1, &c0, &c1, who)) return NULL;
    o = NPLOT__OPTS(o, nplot_gridspec_opts);
    return make_grid(gs->fig, gs, r0, r1, c0, c1, nrows, ncols, o, who);
}

/* ---- mosaic layouts ------------------------------------------------------------------------- */
static void mosaic_free(nplot_mosaic *m)
{
    for (int i = 0; i < m->n; i++) nd_free_mem(m->labels[i]);
    nd_free_mem(m->labels);
    nd_free_mem(m->axes);
    nd_free_mem(m);
}

/* Cells of one layout grid at most (the label checks are quadratic in them). */
#define MAX_CELLS 10000

/* A parsed layout: a 2-D array of cells, each a label or a nested layout. */
typedef struct mgrid mgrid;
typedef struct mcell {
    char *label; /* NULL for a nested layout */
    mgrid *sub;
} mcell;
struct mgrid {
    int nr, nc;
    mcell *cells; /* nr * nc, row-major */
};

static void mgrid_free(mgrid *g)
{
    if (!g) return;
    for (int i = 0; i < g->nr * g->nc; i++) {
        nd_free_mem(g->cells[i].label);
        mgrid_free(g->cells[i].sub);
    }
    nd_free_mem(g->cells);
    nd_free_mem(g);
}

typedef struct mparse {
    nplot_figure *fig;
    const char *who;
    const char *layout; /* for messages */
} mparse;

static mgrid *mgrid_new(mparse *P, int nr, int nc)
{
    mgrid *g = nd_calloc(1, sizeof *g, P->who);
    if (g) g->cells = nd_calloc((size_t)(nr * nc > 0 ? nr * nc : 1), sizeof(mcell), P->who);
    if (!g || !g->cells) {
        nd_free_mem(g);
        nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
        return NULL;
    }
    g->nr = nr;
    g->nc = nc;
    return g;
}

static char *str_n(mparse *P, const char *s, size_t n)
{
    char *c = nd_malloc(n + 1, P->who);
    if (!c) {
        nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* The string form: rows split at ';' (one line) or at newlines after inspect.cleandoc (a
 * multi-line string); every character is a label. */
static mgrid *parse_string(mparse *P, const char *s)
{
    size_t len = strlen(s);
    /* rows as [start, end) pairs into a working copy */
    char *w = NULL;
    size_t nrows = 0, cap = 0;
    size_t *rs = NULL;
    mgrid *g = NULL;
    bool multi = strchr(s, '\n') != NULL;
    /* cleandoc: expand tabs (8 columns), strip the common indentation of the lines after the
     * first and all of the first's, drop leading and trailing empty lines */
    size_t wcap = len * 8 + 1;
    w = nd_malloc(wcap, P->who);
    if (!w) goto oom;
    size_t wl = 0;
    if (multi) {
        size_t col = 0;
        for (const char *p = s; *p; p++) {
            if (*p == '\t') {
                do w[wl++] = ' ', col++;
                while (col % 8);
            } else {
                w[wl++] = *p;
                col = *p == '\n' ? 0 : col + 1;
            }
        }
    } else {
        memcpy(w, s, len);
        wl = len;
    }
    w[wl] = '\0';
    char sep = multi ? '\n' : ';';
    /* split */
    for (size_t i = 0, st = 0;; i++)
        if (i == wl || w[i] == sep) {
            if (nrows + 1 > cap / 2) {
                size_t *n = nplot__grow(rs, &cap, nrows * 2, nrows * 2 + 2 + cap, sizeof *rs, P->who);
                if (!n) goto oom;
                rs = n;
            }
            rs[2 * nrows] = st;
            rs[2 * nrows + 1] = i;
            nrows++;
            st = i + 1;
            if (i == wl) break;
        }
    size_t first = 0, last = nrows;
    if (multi) {
        size_t margin = (size_t)-1;
        for (size_t r = 1; r < nrows; r++) {
            size_t a = rs[2 * r], b = rs[2 * r + 1], k = a;
            while (k < b && isspace((unsigned char)w[k])) k++;
            if (k < b) margin = k - a < margin ? k - a : margin;
        }
        while (rs[0] < rs[1] && isspace((unsigned char)w[rs[0]])) rs[0]++;
        for (size_t r = 1; r < nrows && margin != (size_t)-1; r++) {
            size_t lenr = rs[2 * r + 1] - rs[2 * r];
            rs[2 * r] += margin < lenr ? margin : lenr;
        }
        while (last > first && rs[2 * (last - 1)] == rs[2 * (last - 1) + 1]) last--;
        while (first < last && rs[2 * first] == rs[2 * first + 1]) first++;
    }
    if (last == first || (last - first == 1 && rs[2 * first] == rs[2 * first + 1])) {
        nplot__fail(P->fig, ND_EVALUE, "%s: the layout \"%.200s\" is empty", P->who, P->layout);
        goto fail;
    }
    size_t nc = rs[2 * first + 1] - rs[2 * first];
    for (size_t r = first + 1; r < last; r++)
        if (rs[2 * r + 1] - rs[2 * r] != nc) {
            nplot__fail(P->fig, ND_EVALUE, "%s: all of the rows must be the same length, however "
                                           "the first row (\"%.*s\") has length %zu and row %zu "
                                           "(\"%.*s\") has length %zu", P->who,
                        (int)nc, w + rs[2 * first], nc, r - first,
                        (int)(rs[2 * r + 1] - rs[2 * r]), w + rs[2 * r], rs[2 * r + 1] - rs[2 * r]);
            goto fail;
        }
    if ((last - first) * nc > MAX_CELLS) {
        nplot__fail(P->fig, ND_EVALUE, "%s: a layout of %zux%zu cells exceeds %d cells", P->who,
                    last - first, nc, MAX_CELLS);
        goto fail;
    }
    g = mgrid_new(P, (int)(last - first), (int)nc);
    if (!g) goto fail;
    for (int r = 0; r < g->nr; r++)
        for (int c = 0; c < g->nc; c++)
            if (!(g->cells[r * g->nc + c].label = str_n(P, w + rs[2 * (first + (size_t)r)] + c, 1)))
                goto fail;
    nd_free_mem(w);
    nd_free_mem(rs);
    return g;
oom:
    nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
fail:
    nd_free_mem(w);
    nd_free_mem(rs);
    mgrid_free(g);
    return NULL;
}

/* The nested-list form, Python's literal syntax: [["A", "B"], ["C", [["D"], ["E"]]]].
 * Labels are quoted strings (' or ") or bare words of letters, digits, '_' and '.'. */
typedef struct lnode lnode;
struct lnode {
    char *label; /* a string item */
    lnode **items; /* a list */
    int n;
    size_t cap;
    bool is_list;
};

static void lnode_free(lnode *l)
{
    if (!l) return;
    for (int i = 0; i < l->n; i++) lnode_free(l->items[i]);
    nd_free_mem(l->items);
    nd_free_mem(l->label);
    nd_free_mem(l);
}

static void skip_ws(const char **p)
{
    while (isspace((unsigned char)**p)) (*p)++;
}

static lnode *parse_item(mparse *P, const char **p, int depth);

static lnode *parse_fail(mparse *P, const char *at, const char *what)
{
    nplot__fail(P->fig, ND_EPARSE, "%s: %s at offset %td of the layout \"%.200s\"", P->who, what,
                at - P->layout, P->layout);
    return NULL;
}

static lnode *parse_item(mparse *P, const char **p, int depth)
{
    skip_ws(p);
    lnode *l = nd_calloc(1, sizeof *l, P->who);
    if (!l) {
        nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
        return NULL;
    }
    const char *s = *p;
    if (*s == '[') {
        if (depth > 32) {
            lnode_free(l);
            return parse_fail(P, s, "lists nested deeper than 32 levels");
        }
        l->is_list = true;
        (*p)++;
        skip_ws(p);
        if (**p == ']') {
            lnode_free(l);
            return parse_fail(P, *p, "an empty list");
        }
        for (;;) {
            lnode *it = parse_item(P, p, depth + 1);
            if (!it) {
                lnode_free(l);
                return NULL;
            }
            lnode **items = nplot__grow(l->items, &l->cap, (size_t)l->n, (size_t)l->n + 1,
                                        sizeof *items, P->who);
            if (!items) {
                lnode_free(it);
                lnode_free(l);
                nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
                return NULL;
            }
            l->items = items;
            l->items[l->n++] = it;
            skip_ws(p);
            if (**p == ',') {
                (*p)++;
                skip_ws(p);
                if (**p == ']') { /* trailing comma */
                    (*p)++;
                    return l;
                }
                continue;
            }
            if (**p == ']') {
                (*p)++;
                return l;
            }
            lnode_free(l);
            return parse_fail(P, *p, "expected ',' or ']'");
        }
    }
    if (*s == '\'' || *s == '"') {
        const char *e = strchr(s + 1, *s);
        if (!e) {
            lnode_free(l);
            return parse_fail(P, s, "an unterminated string");
        }
        if (!(l->label = str_n(P, s + 1, (size_t)(e - s - 1)))) {
            lnode_free(l);
            return NULL;
        }
        *p = e + 1;
        return l;
    }
    const char *e = s;
    while (isalnum((unsigned char)*e) || *e == '_' || *e == '.') e++;
    if (e == s) {
        lnode_free(l);
        return parse_fail(P, s, *s ? "expected a label or '['" : "unexpected end");
    }
    if (!(l->label = str_n(P, s, (size_t)(e - s)))) {
        lnode_free(l);
        return NULL;
    }
    *p = e;
    return l;
}

/* A list node → a 2-D grid (matplotlib's _make_array): a list of equally long lists. */
static mgrid *to_grid(mparse *P, const lnode *l)
{
    if (!l->is_list || l->items[0]->is_list == false) {
        nplot__fail(P->fig, ND_EVALUE, "%s: list mosaic specification must be 2D (\"%.200s\")",
                    P->who, P->layout);
        return NULL;
    }
    int nr = l->n, nc = l->items[0]->n;
    for (int j = 1; j < nr; j++) {
        if (!l->items[j]->is_list) {
            nplot__fail(P->fig, ND_EVALUE, "%s: list mosaic specification must be 2D "
                                           "(\"%.200s\")", P->who, P->layout);
            return NULL;
        }
        if (l->items[j]->n != nc) {
            nplot__fail(P->fig, ND_EVALUE, "%s: all of the rows must be the same length, however "
                                           "the first row has length %d and row %d has length "
                                           "%d (\"%.200s\")", P->who, nc, j, l->items[j]->n,
                        P->layout);
            return NULL;
        }
    }
    if ((long)nr * nc > MAX_CELLS) {
        nplot__fail(P->fig, ND_EVALUE, "%s: a layout of %dx%d cells exceeds %d cells", P->who,
                    nr, nc, MAX_CELLS);
        return NULL;
    }
    mgrid *g = mgrid_new(P, nr, nc);
    if (!g) return NULL;
    for (int j = 0; j < nr; j++)
        for (int k = 0; k < nc; k++) {
            const lnode *it = l->items[j]->items[k];
            mcell *c = &g->cells[j * nc + k];
            if (it->is_list) c->sub = to_grid(P, it);
            else c->label = str_n(P, it->label, strlen(it->label));
            if (!c->sub && !c->label) {
                mgrid_free(g);
                return NULL;
            }
        }
    return g;
}

static mgrid *parse_layout(mparse *P, const char *s)
{
    const char *p = s;
    skip_ws(&p);
    if (*p != '[') return parse_string(P, s);
    lnode *l = parse_item(P, &p, 0);
    if (!l) return NULL;
    skip_ws(&p);
    mgrid *g = NULL;
    if (*p) parse_fail(P, p, "trailing characters");
    else g = to_grid(P, l);
    lnode_free(l);
    return g;
}

typedef struct mitem {
    int r0, c0, r1, c1;
    int cell; /* index of the first cell: its label or nested grid */
} mitem;

static int item_cmp(const void *a, const void *b)
{
    const mitem *x = a, *y = b;
    if (x->r0 != y->r0) return x->r0 < y->r0 ? -1 : 1;
    return (x->c0 > y->c0) - (x->c0 < y->c0);
}

static bool mosaic_add(mparse *P, nplot_mosaic *m, const char *label, nplot_axes *ax)
{
    if (m->n == m->cap) {
        int nc = m->cap ? 2 * m->cap : 8;
        char **l = nd_calloc((size_t)nc, sizeof *l, P->who);
        nplot_axes **a = nd_calloc((size_t)nc, sizeof *a, P->who);
        if (!l || !a) {
            nd_free_mem(l);
            nd_free_mem(a);
            nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
            return false;
        }
        if (m->n) {
            memcpy(l, m->labels, sizeof *l * (size_t)m->n);
            memcpy(a, m->axes, sizeof *a * (size_t)m->n);
        }
        nd_free_mem(m->labels);
        nd_free_mem(m->axes);
        m->labels = l;
        m->axes = a;
        m->cap = nc;
    }
    if (!(m->labels[m->n] = str_n(P, label, strlen(label)))) return false;
    m->axes[m->n++] = ax;
    return true;
}

/* matplotlib's _do_layout: every label's cells must form one rectangle; axes (and nested
 * layouts) are created in the order of their upper-left cell, row-major. */
static bool do_layout(mparse *P, nplot_gridspec *gs, const mgrid *g, nplot_mosaic *m,
                      const char *empty, const nplot_gridspec_opts *sub_opts)
{
    int n = g->nr * g->nc;
    mitem *items = nd_malloc(sizeof *items * (size_t)n, P->who);
    if (!items) {
        nplot__fail(P->fig, ND_ENOMEM, "%s: out of memory", P->who);
        return false;
    }
    int ni = 0;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        const mcell *c = &g->cells[i];
        if (c->sub) {
            items[ni++] = (mitem){ i / g->nc, i % g->nc, i / g->nc + 1, i % g->nc + 1, i };
            continue;
        }
        if (!strcmp(c->label, empty)) continue;
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = g->cells[j].label && !strcmp(g->cells[j].label, c->label);
        if (seen) continue;
        int r0 = g->nr, r1 = -1, c0 = g->nc, c1 = -1;
        for (int j = i; j < n; j++)
            if (g->cells[j].label && !strcmp(g->cells[j].label, c->label)) {
                int r = j / g->nc, k = j % g->nc;
                r0 = r < r0 ? r : r0, r1 = r > r1 ? r : r1;
                c0 = k < c0 ? k : c0, c1 = k > c1 ? k : c1;
            }
        for (int r = r0; r <= r1 && ok; r++)
            for (int k = c0; k <= c1 && ok; k++) {
                const mcell *o = &g->cells[r * g->nc + k];
                if (!o->label || strcmp(o->label, c->label)) {
                    nplot__fail(P->fig, ND_EVALUE, "%s: the label '%s' specifies a "
                                                   "non-rectangular or non-contiguous area in "
                                                   "the layout \"%.200s\"", P->who, c->label,
                                P->layout);
                    ok = false;
                }
            }
        items[ni++] = (mitem){ r0, c0, r1 + 1, c1 + 1, i };
    }
    if (ok) qsort(items, (size_t)ni, sizeof *items, item_cmp);
    for (int t = 0; t < ni && ok; t++) {
        const mitem *it = &items[t];
        const mcell *c = &g->cells[it->cell];
        if (c->sub) {
            nplot_gridspec *sg = make_grid(P->fig, gs, it->r0, it->r1, it->c0, it->c1, c->sub->nr,
                                           c->sub->nc, sub_opts, P->who);
            ok = sg && do_layout(P, sg, c->sub, m, empty, sub_opts);
            continue;
        }
        for (int j = 0; j < m->n; j++)
            if (!strcmp(m->labels[j], c->label)) {
                nplot__fail(P->fig, ND_EVALUE, "%s: there are duplicate labels '%s' in the layout "
                                               "\"%.200s\" (outer and nested)", P->who, c->label,
                            P->layout);
                ok = false;
                break;
            }
        if (!ok) break;
        nplot_axes *ax = nplot__place(gs, it->r0, it->r1, it->c0, it->c1, P->who);
        ok = ax && mosaic_add(P, m, c->label, ax);
    }
    nd_free_mem(items);
    return ok;
}

static nplot_mosaic *mosaic_make(nplot_figure *fig, nplot_subfigure *sf, const char *layout,
                                 const nplot_mosaic_opts *o, const char *who);

nplot_mosaic *nplot_subplot_mosaic_(nplot_figure *fig, const char *layout,
                                    const nplot_mosaic_opts *o)
{
    return mosaic_make(fig, NULL, layout, o, "nplot_subplot_mosaic");
}

nplot_mosaic *nplot_subfig_subplot_mosaic_(nplot_subfigure *sf, const char *layout,
                                           const nplot_mosaic_opts *o)
{
    if (!sf) {
        nd_set_error(ND_EVALUE, "nplot_subfig_subplot_mosaic: subfigure is NULL");
        return NULL;
    }
    return mosaic_make(sf->fig, sf, layout, o, "nplot_subfig_subplot_mosaic");
}

/* fig.subplot_mosaic, or sf.subplot_mosaic when sf is given (its top grid is the
 * subfigure's, so the layout maps into the subfigure's box with its params) */
static nplot_mosaic *mosaic_make(nplot_figure *fig, nplot_subfigure *sf, const char *layout,
                                 const nplot_mosaic_opts *o, const char *who)
{
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_mosaic_opts);
    if (!layout) {
        nplot__fail(fig, ND_EVALUE, "%s: layout is NULL", who);
        return NULL;
    }
    mparse P = { fig, who, layout };
    mgrid *g = parse_layout(&P, layout);
    if (!g) return NULL;
    nplot_mosaic *m = nd_calloc(1, sizeof *m, who);
    if (!m) {
        mgrid_free(g);
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    nplot_gridspec_opts go = { .width_ratios = o->width_ratios, .height_ratios = o->height_ratios,
                               .left = o->left, .right = o->right, .bottom = o->bottom,
                               .top = o->top, .wspace = o->wspace, .hspace = o->hspace };
    /* matplotlib hands gridspec_kw (ratios and spacing) to nested layouts too */
    nplot_gridspec_opts so = go;
    so.left = so.right = so.bottom = so.top = 0;
    const char *empty = o->empty ? o->empty : ".";
    nplot_gridspec *gs = make_grid(fig, NULL, 0, 0, 0, 0, g->nr, g->nc, &go, who);
    if (gs) gs->sf = sf;
    bool ok = gs && do_layout(&P, gs, g, m, empty, &so);
    mgrid_free(g);
    if (ok && m->n == 0) {
        nplot__fail(fig, ND_EVALUE, "%s: the layout \"%.200s\" has no axes (only '%s')", who,
                    layout, empty);
        ok = false;
    }
    if (!ok) {
        mosaic_free(m);
        return NULL;
    }
    /* sharex/sharey: every axes shares with the first, tick labels only on the outer ones
     * of each grid (matplotlib's _label_outer_xaxis / _label_outer_yaxis) */
    nplot_axes *ax0 = m->axes[0];
    for (int i = 0; i < m->n; i++) {
        nplot_axes *ax = m->axes[i];
        if (o->sharex) {
            if (ax != ax0) ax->xa.share_root = ax0;
            if (ax->r1 != ax->gs->nrows) ax->xa.hide_ticklabels = true;
        }
        if (o->sharey) {
            if (ax != ax0) ax->ya.share_root = ax0;
            if (ax->c0 != 0) ax->ya.hide_ticklabels = true;
        }
    }
    m->next = fig->mosaics;
    fig->mosaics = m;
    return m;
}

nplot_axes *nplot_mosaic_get(const nplot_mosaic *m, const char *label)
{
    static const char *who = "nplot_mosaic_get";
    if (!m || !m->n) {
        nd_set_error(ND_EVALUE, "%s: mosaic is NULL", who);
        return NULL;
    }
    nplot_figure *fig = m->axes[0]->fig;
    if (nplot__check(fig)) return NULL;
    if (!label) {
        nplot__fail(fig, ND_EVALUE, "%s: label is NULL", who);
        return NULL;
    }
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->labels[i], label)) return m->axes[i];
    nplot__fail(fig, ND_EVALUE, "%s: the mosaic has no axes labelled '%s'", who, label);
    return NULL;
}

int nplot_mosaic_count(const nplot_mosaic *m)
{
    if (!m) return nd_set_error(ND_EVALUE, "nplot_mosaic_count: mosaic is NULL");
    return m->n;
}

const char *nplot_mosaic_label(const nplot_mosaic *m, int i)
{
    if (!m || i < 0 || i >= m->n) {
        nd_set_error(m ? ND_EINDEX : ND_EVALUE, "nplot_mosaic_label: %s", m ? "index out of range"
                                                                          : "mosaic is NULL");
        return NULL;
    }
    return m->labels[i];
}

nplot_axes *nplot_mosaic_axes(const nplot_mosaic *m, int i)
{
    if (!m || i < 0 || i >= m->n) {
        nd_set_error(m ? ND_EINDEX : ND_EVALUE, "nplot_mosaic_axes: %s", m ? "index out of range"
                                                                        : "mosaic is NULL");
        return NULL;
    }
    return m->axes[i];
}

/* ---- supxlabel / supylabel ------------------------------------------------------------------- */
static nd_status suplabel(nplot_figure *fig, const char *s, const nplot_text_opts *o, bool x,
                          const char *who)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_text_opts);
    if (!s) return nplot__fail(fig, ND_EVALUE, "%s: text is NULL", who);
    fig_text *t = nd_calloc(1, sizeof *t, who);
    if (!t) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    /* figure.labelsize is 'large' = 12 pt, figure.labelweight 'normal' */
    if ((st = nplot__text_style_from(fig, o, 12, &t->ts, who))) {
        nd_free_mem(t);
        return st;
    }
    /* matplotlib: supxlabel at (0.5, 0.01) ha center va bottom; supylabel at (0.02, 0.5)
     * ha left va center rotated 90° */
    t->ha = o->ha ? nplot__parse_ha(o->ha) : x ? HA_CENTER : HA_LEFT;
    t->va = o->va ? nplot__parse_va(o->va) : x ? VA_BOTTOM : VA_CENTER;
    if (t->ha < 0 || t->va < 0) {
        nd_free_mem(t);
        return nplot__fail(fig, ND_EVALUE, "%s: bad alignment ha='%s' va='%s'", who,
                           o->ha ? o->ha : "", o->va ? o->va : "");
    }
    if (!(t->text = nplot__strdup(fig, s, who))) {
        nd_free_mem(t);
        return fig->status;
    }
    t->x = x ? 0.5 : 0.02;
    t->y = x ? 0.01 : 0.5;
    t->rotation = NPLOT_OPT(o->rotation, x ? 0.0 : 90.0);
    fig_text **slot = x ? &fig->supxlabel : &fig->supylabel;
    /* a second call replaces the label in place (matplotlib keeps one per figure) */
    fig_text **pp = &fig->texts;
    while (*pp && *pp != *slot) pp = &(*pp)->next;
    if (*pp) {
        fig_text *old = *pp;
        t->next = old->next;
        nd_free_mem(old->text);
        nd_free_mem(old);
    }
    *pp = t;
    *slot = t;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_supxlabel_(nplot_figure *fig, const char *s, const nplot_text_opts *o)
{
    return suplabel(fig, s, o, true, "nplot_supxlabel");
}

nd_status nplot_supylabel_(nplot_figure *fig, const char *s, const nplot_text_opts *o)
{
    return suplabel(fig, s, o, false, "nplot_supylabel");
}

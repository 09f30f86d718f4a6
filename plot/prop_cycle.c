/* Axes.set_prop_cycle: an axes' own property cycle (color, linestyle, marker, linewidth,
 * markersize), replacing the rc axes.prop_cycle for the lines and patches made after it. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

enum { PC_COLOR = 0, PC_LS, PC_MARKER, PC_LW, PC_MS, PC_NKEYS };

/* One nd_malloc block: the header, then n entries. */
struct nplot__pcycle {
    int n;
    bool has[PC_NKEYS];
    struct pc_entry {
        rgba color;
        int ls, marker;
        double lw, ms;
    } e[];
};

void nplot__pcycle_free(nplot_axes *ax)
{
    nd_free_mem(ax->pcycle);
    ax->pcycle = NULL;
}

bool nplot__pcycle_color(const nplot_axes *ax, int i, rgba *out)
{
    const struct nplot__pcycle *c = ax->pcycle;
    if (!c || !c->has[PC_COLOR]) return false;
    *out = c->e[i % c->n].color;
    return true;
}

void nplot__pcycle_line(nplot_axes *ax, int ci, line_props *lp, const bool given[5])
{
    const struct nplot__pcycle *c = ax->pcycle;
    if (!c) return;
    /* matplotlib's _getdefaults: the cycle advances when it has a property not given */
    bool need = false;
    for (int k = 0; k < PC_NKEYS; k++) need = need || (c->has[k] && !given[k]);
    if (!need) return;
    if (ci < 0) ci = ax->line_cycle++;
    const struct pc_entry *e = &c->e[ci % c->n];
    if (c->has[PC_COLOR] && !given[PC_COLOR]) lp->color = lp->mfc = lp->mec = e->color;
    if (c->has[PC_LS] && !given[PC_LS]) lp->ls = e->ls;
    if (c->has[PC_MARKER] && !given[PC_MARKER]) lp->marker = e->marker;
    if (c->has[PC_LW] && !given[PC_LW]) lp->lw = e->lw;
    if (c->has[PC_MS] && !given[PC_MS]) lp->ms = e->ms;
}

nd_status nplot_set_prop_cycle_(nplot_axes *ax, const nplot_prop_cycle_opts *o)
{
    static const char *who = "nplot_set_prop_cycle";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_prop_cycle_opts);
    const size_t lens[PC_NKEYS] = { o->color.n, o->linestyle.n, o->marker.n, o->linewidth.n,
                                    o->markersize.n };
    const void *vals[PC_NKEYS] = { o->color.v, o->linestyle.v, o->marker.v, o->linewidth.v,
                                   o->markersize.v };
    static const char *const names[PC_NKEYS] = { "color", "linestyle", "marker", "linewidth",
                                                 "markersize" };
    size_t n = 0;
    int first = -1;
    for (int k = 0; k < PC_NKEYS; k++) {
        if (lens[k] && !vals[k])
            return nplot__fail(fig, ND_EVALUE, "%s: '%s' has a count but no values", who, names[k]);
        if (!lens[k]) continue;
        if (n && lens[k] != n)
            return nplot__fail(fig, ND_EVALUE, "%s: Can only add equal length cycles, not %zu ('%s') "
                                               "and %zu ('%s')", who, n, names[first], lens[k], names[k]);
        if (lens[k] > 4096) return nplot__fail(fig, ND_EVALUE, "%s: more than 4096 entries", who);
        n = lens[k];
        if (first < 0) first = k;
    }
    /* set_prop_cycle(None): back to rcParams['axes.prop_cycle'] */
    if (!n) {
        nplot__pcycle_free(ax);
        ax->line_cycle = ax->patch_cycle = 0;
        return ND_OK;
    }
    struct nplot__pcycle *c = nd_calloc(1, sizeof *c + n * sizeof c->e[0], who);
    if (!c) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    c->n = (int)n;
    for (int k = 0; k < PC_NKEYS; k++) c->has[k] = lens[k] > 0;
    nd_status st = ND_OK;
    for (size_t i = 0; i < n && !st; i++) {
        struct pc_entry *e = &c->e[i];
        if (c->has[PC_COLOR] && nplot__color(o->color.v[i], fig->style, &e->color, who))
            st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        if (!st && c->has[PC_LS] && (!o->linestyle.v[i] || (e->ls = nplot__linestyle_parse(o->linestyle.v[i])) < 0))
            st = nplot__fail(fig, ND_EVALUE, "%s: unknown linestyle '%s'", who,
                             o->linestyle.v[i] ? o->linestyle.v[i] : "(null)");
        if (!st && c->has[PC_MARKER] &&
            (e->marker = nplot__marker_resolve(o->marker.v[i], NULL, 0, FS_FULL, (rgba){ 0 }, false,
                                               MK_NONE, who)) < 0)
            st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        if (!st && c->has[PC_LW] && !(isfinite(e->lw = o->linewidth.v[i]) && e->lw >= 0))
            st = nplot__fail(fig, ND_EVALUE, "%s: linewidth must be finite and >= 0, got %g", who, e->lw);
        if (!st && c->has[PC_MS] && !(isfinite(e->ms = o->markersize.v[i]) && e->ms >= 0))
            st = nplot__fail(fig, ND_EVALUE, "%s: markersize must be finite and >= 0, got %g", who, e->ms);
    }
    if (st) {
        nd_free_mem(c);
        return st;
    }
    nplot__pcycle_free(ax);
    ax->pcycle = c;
    ax->line_cycle = ax->patch_cycle = 0;
    return ND_OK;
}

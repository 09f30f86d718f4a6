/* Tick locators chosen per axis (issue 20): MultipleLocator, FixedLocator, NullLocator and
 * AutoMinorLocator(n) through nplot_set_xlocator / nplot_set_ylocator. The tick positions
 * themselves come from ticks.c (nplot__locator_ticks) when layout.c computes the ticks. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

static nd_status set_locator(nplot_axes *ax, bool x, const nplot_locator_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_locator_opts);
    const char *kind = o->kind ? o->kind : "auto";
    axis_state *a = x ? &ax->xa : &ax->ya;
    struct tick_locator *l = o->minor ? &a->mloc : &a->loc;
    bool fixed = !strcmp(kind, "fixed"), null = !strcmp(kind, "null");
    if (fixed || null) {
        if (fixed && (o->nticks < 0 || (o->nticks > 0 && !o->ticks)))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: kind 'fixed' needs .ticks and .nticks >= 0 "
                                                   "(got %d)", who, o->nticks);
        nplot_ticks_opts to = { .minor = o->minor };
        const double *t = fixed ? o->ticks : NULL;
        int n = fixed ? o->nticks : 0;
        nd_status st = x ? nplot_set_xticks_(ax, t, n, &to) : nplot_set_yticks_(ax, t, n, &to);
        if (st) return st;
        *l = (struct tick_locator){ LOC_AUTO, 0, 0, 0 };
        return ND_OK;
    }
    struct tick_locator nl = { LOC_AUTO, 0, 0, 0 };
    if (!strcmp(kind, "multiple")) {
        double base = o->base == 0 ? 1 : o->base;
        if (!(base > 0) || !isfinite(base) || !isfinite(o->offset))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: kind 'multiple' needs a finite base > 0 "
                                                   "and a finite offset (got %g, %g)",
                               who, o->base, o->offset);
        nl = (struct tick_locator){ LOC_MULTIPLE, base, o->offset, 0 };
    } else if (!strcmp(kind, "autominor")) {
        if (!o->minor)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: kind 'autominor' is a minor locator "
                                                   "(set .minor = true)", who);
        if (o->n < 0)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: autominor needs n >= 0 (got %d)", who, o->n);
        nl = (struct tick_locator){ LOC_AUTOMINOR, 0, 0, o->n };
    } else if (strcmp(kind, "auto")) {
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown locator kind '%s' (use \"auto\", "
                                               "\"multiple\", \"fixed\", \"null\" or "
                                               "\"autominor\")", who, kind);
    }
    *l = nl;
    if (o->minor) a->minor_fixed_set = false;
    else a->fixed_set = false;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xlocator_(nplot_axes *ax, const nplot_locator_opts *o)
{
    return set_locator(ax, true, o, "nplot_set_xlocator");
}

nd_status nplot_set_ylocator_(nplot_axes *ax, const nplot_locator_opts *o)
{
    return set_locator(ax, false, o, "nplot_set_ylocator");
}

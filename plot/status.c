/* The figure's sticky status (cairo's cairo_status idea): the first error sticks and every
 * later call re-raises it; the figure's dirty flag; nplot__grow, the
 * growable buffer (nd_calloc + copy: every allocation goes through the hooks). */
#include "plot_model.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

nd_status nplot__fail(nplot_figure *fig, nd_status code, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (fig && fig->status == ND_OK) {
        fig->status = code;
        snprintf(fig->errmsg, sizeof fig->errmsg, "%s", msg);
    }
    /* Said at once through numc's warning channel (nd_seterrcall redirects or silences
     * it), so a typo is seen at the call that made it, not later as "no file". */
    nd_warn("%s", msg);
    return nd_set_error(code, "%s", msg);
}

nd_status nplot__check_len(nplot_figure *fig, const char *who, const char *name, const void *v,
                           size_t n, size_t want, const char *against)
{
    if (!v && n == 0) return ND_OK; /* not given */
    if (!v)
        return nplot__fail(fig, ND_EVALUE, "%s: '%s' has %zu values but no data (v is NULL)", who,
                           name, n);
    if (n == want) return ND_OK;
    return nplot__fail(fig, ND_EVALUE, "%s: '%s' has %zu value%s, but %s %zu", who, name, n,
                       n == 1 ? "" : "s", against, want);
}

nd_status nplot__check(nplot_figure *fig)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot: figure is NULL");
    if (fig->status != ND_OK) return nd_set_error(fig->status, "%s", fig->errmsg);
    return ND_OK;
}

char *nplot__strdup(nplot_figure *fig, const char *s, const char *who)
{
    char *r = nd_strdup(s ? s : "", who);
    if (!r) nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    return r;
}

void nplot__mark_dirty(nplot_figure *fig)
{
    if (fig) fig->laid_out = false;
}

void *nplot__grow(void *p, size_t *cap, size_t len, size_t need, size_t elem, const char *who)
{
    assert(len <= *cap && elem > 0);
    if (need <= *cap) return p;
    size_t c = *cap > 8 ? *cap : 8;
    while (c < need) c *= 2;
    char *q = nd_calloc(c, elem, who);
    if (!q) return NULL;
    if (len) memcpy(q, p, len * elem);
    nd_free_mem(p);
    *cap = c;
    return q;
}

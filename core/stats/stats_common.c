/* Shared pieces of the statistics files: the warning bits and the
 * slice layout of a reduction over several axes. */
#include <string.h>

#include "stats_internal.h"

static _Thread_local unsigned stats_warnings;

void nd__stats_warn(unsigned bits) { stats_warnings |= bits; }

unsigned nd_stats_warnings(void)
{
    unsigned w = stats_warnings;
    stats_warnings = 0;
    return w;
}

nd_status nd__slices_init(nd__slices *s, const nd_array *a, nd_axes axes, bool keepdims,
                          const char *who)
{
    memset(s, 0, sizeof *s);
    if (!a) return nd_set_error(ND_EVALUE, "%s: NULL array", who);
    if (nd_dtype_is_complex(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: complex input (%s) is not supported", who,
                         nd_dtype_name(a->dtype));
    bool red[ND_MAXDIMS] = { false };
    if (axes.n == 0) {
        for (int d = 0; d < a->ndim; d++) red[d] = true;
    } else {
        if (axes.n > a->ndim && !(a->ndim == 0 && axes.n == 1))
            return nd_set_error(ND_EAXIS, "%s: %d axes for an array of %d dimensions", who, axes.n,
                             a->ndim);
        for (int i = 0; i < axes.n; i++) {
            int ax = axes.ax[i];
            if (nd__norm_axis(&ax, a->ndim, who) < 0) return nd_last_error();
            if (red[ax]) return nd_set_error(ND_EAXIS, "%s: repeated axis %d", who, axes.ax[i]);
            red[ax] = true;
        }
    }
    int perm[ND_MAXDIMS], np_ = 0;
    s->nslices = 1;
    s->m = 1;
    for (int d = 0; d < a->ndim; d++)
        if (!red[d]) {
            perm[np_++] = d;
            s->nslices *= a->shape[d];
            s->out_shape[s->out_ndim++] = a->shape[d];
        } else if (keepdims) {
            s->out_shape[s->out_ndim++] = 1;
        }
    if (keepdims) { /* keepdims keeps the original axis order */
        s->out_ndim = 0;
        for (int d = 0; d < a->ndim; d++) s->out_shape[s->out_ndim++] = red[d] ? 1 : a->shape[d];
    }
    for (int d = 0; d < a->ndim; d++)
        if (red[d]) {
            perm[np_++] = d;
            s->m *= a->shape[d];
        }
    nd_array *t = a->ndim ? nd_transpose(a, perm) : nd_ref(a);
    if (!t) return nd_last_error();
    ptrdiff_t total = s->nslices * s->m;
    s->data = nd__malloc_n((total > 0 ? total : 1), sizeof(double), who);
    nd_status st = s->data ? nd_to_f64(t, s->data) : nd_last_error();
    nd_free(t);
    if (st < 0) nd__slices_free(s);
    return st;
}

void nd__slices_free(nd__slices *s)
{
    nd_free_mem(s->data);
    s->data = NULL;
}

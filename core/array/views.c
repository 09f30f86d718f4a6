/* Views: basic indexing, reshape, axis permutations, broadcasting, diagonals. */
#include "internal.h"

#include <string.h>

/* Resolve a slice against an extent the way Python's slice.indices does. */
static nd_status slice_indices(const nd_index *ix, ptrdiff_t n, ptrdiff_t *start, ptrdiff_t *len,
                               ptrdiff_t *step)
{
    ptrdiff_t st = ix->step ? ix->step : 1;
    if (st == PTRDIFF_MIN) return nd_set_error(ND_EVALUE, "nd_slice: slice step is too small");
    ptrdiff_t lo, hi;
    if (st > 0) {
        lo = ix->start == ND_NONE ? 0 : ix->start;
        hi = ix->stop == ND_NONE ? n : ix->stop;
        if (lo < 0) lo = lo + n < 0 ? 0 : lo + n;
        else if (lo > n) lo = n;
        if (hi < 0) hi = hi + n < 0 ? 0 : hi + n;
        else if (hi > n) hi = n;
        *len = hi > lo ? (hi - lo - 1) / st + 1 : 0;
    } else {
        lo = ix->start == ND_NONE ? n - 1 : ix->start;
        hi = ix->stop == ND_NONE ? -1 : ix->stop;
        if (lo < 0) lo = lo + n < 0 ? -1 : lo + n;
        else if (lo >= n) lo = n - 1;
        if (ix->stop != ND_NONE) {
            if (hi < 0) hi = hi + n < 0 ? -1 : hi + n;
            else if (hi >= n) hi = n - 1;
        }
        *len = lo > hi ? (lo - hi - 1) / (-st) + 1 : 0;
    }
    *start = lo;
    *step = st;
    return ND_OK;
}

nd_array *nd_slice(const nd_array *a, int n, const nd_index *idx)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_slice: array is NULL");
    if (n < 0 || (n > 0 && !idx)) return ND_FAIL(ND_EVALUE, "nd_slice: bad index count %d", n);
    int consumed = 0, ellipses = 0, newaxes = 0;
    for (int i = 0; i < n; i++) {
        if (idx[i].kind == ND_IX_ELLIPSIS) ellipses++;
        else if (idx[i].kind == ND_IX_NEWAXIS) newaxes++;
        else if (idx[i].kind == ND_IX_SLICE || idx[i].kind == ND_IX_INT) consumed++;
        else if (idx[i].kind == ND_IX_ARRAY)
            return ND_FAIL(ND_EINDEX, "nd_slice: index item %d is an index array (ND_ARR / ND_MASK): "
                                      "advanced indexing makes a copy, use nd_getitem", i);
        else return ND_FAIL(ND_EVALUE, "nd_slice: index item %d has unknown kind %d", i, (int)idx[i].kind);
    }
    if (ellipses > 1) return ND_FAIL(ND_EINDEX, "nd_slice: an index can only have a single ellipsis ('...')");
    if (consumed > a->ndim)
        return ND_FAIL(ND_EINDEX, "nd_slice: too many indices for array: array is %d-dimensional, but %d were indexed",
                       a->ndim, consumed);
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int out = 0, dim = 0;
    char *data = a->data;
    bool seen_ellipsis = false;
    for (int i = 0; i <= n; i++) {
        bool at_end = i == n;
        if (at_end || idx[i].kind == ND_IX_ELLIPSIS) {
            if (at_end && seen_ellipsis) break;
            /* The ellipsis (or the implicit trailing one) takes the unindexed dimensions. */
            int take = at_end ? a->ndim - dim : a->ndim - consumed;
            for (int k = 0; k < take; k++, dim++) {
                if (out >= ND_MAXDIMS) goto toomany;
                shape[out] = a->shape[dim];
                strides[out++] = a->strides[dim];
            }
            seen_ellipsis = true;
            continue;
        }
        const nd_index *ix = &idx[i];
        if (ix->kind == ND_IX_NEWAXIS) {
            if (out >= ND_MAXDIMS) goto toomany;
            shape[out] = 1;
            strides[out++] = 0;
        } else if (ix->kind == ND_IX_INT) {
            ptrdiff_t k = ix->start, ext = a->shape[dim];
            if (k < -ext || k >= ext)
                return ND_FAIL(ND_EINDEX, "nd_slice: index %td is out of bounds for axis %d with size %td",
                               k, dim, ext);
            if (k < 0) k += ext;
            data += k * a->strides[dim];
            dim++;
        } else {
            ptrdiff_t start = 0, len = 0, step = 1;
            if (slice_indices(ix, a->shape[dim], &start, &len, &step) < 0) return NULL;
            if (out >= ND_MAXDIMS) goto toomany;
            if (len > 0) data += start * a->strides[dim];
            shape[out] = len;
            /* With fewer than two elements the step is never taken (and step * stride
             * may not even fit: a step near PTRDIFF_MAX); otherwise it is < extent. */
            strides[out++] = len > 1 ? a->strides[dim] * step : a->strides[dim];
            dim++;
        }
    }
    return nd__view_of(a, out, shape, strides, data, a->dtype);
toomany:
    return ND_FAIL(ND_EINDEX, "nd_slice: result would have more than %d dimensions", ND_MAXDIMS);
}

/* ---- NumPy index syntax in a string ------------------------------------------- */

typedef struct parser {
    const char *s, *p;
} parser;

static void skip_ws(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t') ps->p++;
}

static nd_status parse_error(const parser *ps, const char *what)
{
    int pos = (int)(ps->p - ps->s);
    return nd_set_error(ND_EPARSE, "nd_view: %s at position %d in \"%s\" (near '%.8s')", what, pos, ps->s,
                     *ps->p ? ps->p : "<end>");
}

int nd__view_scan_int(const char **p, ptrdiff_t *v, const char **why)
{
    const char *q = *p;
    bool neg = false;
    if (*q == '-' || *q == '+') neg = *q++ == '-';
    while (*q == ' ') q++;
    if (*q < '0' || *q > '9') {
        if (q != *p) return *why = "expected a digit after the sign", -1;
        return 0;
    }
    ptrdiff_t x = 0;
    while (*q >= '0' && *q <= '9') {
        int d = *q - '0';
        if (x > (PTRDIFF_MAX - d) / 10) return *why = "integer too large", -1;
        x = x * 10 + d;
        q++;
    }
    *v = neg ? -x : x;
    *p = q;
    return 1;
}

bool nd__view_scan_word(const char **p, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(*p, w, n) != 0) return false;
    char c = (*p)[n];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') return false;
    *p += n;
    return true;
}

int nd__view_scan_slice(const char **p, const char *ws, ptrdiff_t v[3], const char **why)
{
    int parts = 0;
    for (;;) {
        *p += strspn(*p, ws);
        if (!nd__view_scan_word(p, "None") && nd__view_scan_int(p, &v[parts], why) < 0) return -1;
        *p += strspn(*p, ws); /* an explicit None leaves the part omitted */
        if (**p != ':' || parts == 2) return parts;
        (*p)++;
        parts++;
    }
}

static bool take_word(parser *ps, const char *w) { return nd__view_scan_word(&ps->p, w); }

static nd_status parse_item(parser *ps, nd_index *ix)
{
    skip_ws(ps);
    if (strncmp(ps->p, "...", 3) == 0) {
        ps->p += 3;
        *ix = ND_ELLIPSIS;
        return ND_OK;
    }
    const char *save = ps->p;
    if (take_word(ps, "None") || take_word(ps, "newaxis") || take_word(ps, "np.newaxis")) {
        skip_ws(ps);
        if (*ps->p != ':') {
            *ix = ND_NEWAXIS;
            return ND_OK;
        }
        ps->p = save; /* "None:..." is a slice with an omitted start */
    }
    ptrdiff_t v[3] = { ND_NONE, ND_NONE, ND_NONE };
    const char *why;
    int parts = nd__view_scan_slice(&ps->p, " \t", v, &why);
    if (parts < 0) return parse_error(ps, why);
    if (parts == 0) {
        if (v[0] == ND_NONE) return parse_error(ps, "expected an index, slice, None or ...");
        *ix = ND_AT(v[0]);
        return ND_OK;
    }
    if (parts == 2 && v[2] == 0) return parse_error(ps, "slice step cannot be zero");
    *ix = ND_SLICE(v[0], v[1], v[2] == ND_NONE ? 1 : v[2]);
    return ND_OK;
}

nd_array *nd_view(const nd_array *a, const char *spec)
{
    if (!a || !spec) return ND_FAIL(ND_EVALUE, "nd_view: array or index string is NULL");
    nd_index items[2 * ND_MAXDIMS + 1];
    int n = 0;
    parser ps = { spec, spec };
    skip_ws(&ps);
    if (*ps.p == '\0') return nd_slice(a, 0, NULL); /* "" is a[()] → the whole array */
    for (;;) {
        if (n == (int)(sizeof items / sizeof items[0])) {
            parse_error(&ps, "too many index items");
            return NULL;
        }
        if (parse_item(&ps, &items[n++]) < 0) return NULL;
        skip_ws(&ps);
        if (*ps.p == ',') {
            ps.p++;
            skip_ws(&ps);
            if (*ps.p == '\0') break; /* trailing comma, as in Python */
            continue;
        }
        if (*ps.p == '\0') break;
        parse_error(&ps, "unexpected character");
        return NULL;
    }
    return nd_slice(a, n, items);
}

/* ---- reshape ------------------------------------------------------------------- */

/* Strides for viewing `a` with a new shape without copying, or false if impossible.
 * Walks groups of old and new axes whose products match (as NumPy's _attempt_nocopy_reshape). */
static bool reshape_strides(const nd_array *a, int nd, const ptrdiff_t *ns, ptrdiff_t *nstr)
{
    ptrdiff_t os[ND_MAXDIMS], ost[ND_MAXDIMS];
    int ond = 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != 1) {
            os[ond] = a->shape[i];
            ost[ond++] = a->strides[i];
        }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < nd && oi < ond) {
        ptrdiff_t np = ns[ni], op = os[oi];
        while (np != op) {
            if (np < op) np *= ns[nj++];
            else op *= os[oj++];
        }
        for (int k = oi; k < oj - 1; k++)
            if (ost[k] != os[k + 1] * ost[k + 1]) return false;
        nstr[nj - 1] = ost[oj - 1];
        for (int k = nj - 1; k > ni; k--) nstr[k - 1] = nstr[k] * ns[k];
        ni = nj++;
        oi = oj++;
    }
    ptrdiff_t last = ni > 0 ? nstr[ni - 1] : (ptrdiff_t)nd_dtype_size(a->dtype);
    for (int k = ni; k < nd; k++) nstr[k] = last;
    return true;
}

nd_array *nd_reshape(const nd_array *a, int ndim, const ptrdiff_t *shape)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_reshape: array is NULL");
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "nd_reshape: ndim %d is outside 0..%d", ndim, ND_MAXDIMS);
    ptrdiff_t ns[ND_MAXDIMS];
    int unknown = -1;
    ptrdiff_t known = 1;
    char sa[ND_SHAPE_STRLEN], sb[ND_SHAPE_STRLEN];
    for (int i = 0; i < ndim; i++) {
        ns[i] = shape[i];
        if (shape[i] == -1) {
            if (unknown >= 0) return ND_FAIL(ND_EVALUE, "nd_reshape: can only specify one unknown dimension");
            unknown = i;
        } else if (shape[i] < 0) {
            return ND_FAIL(ND_EVALUE, "nd_reshape: negative dimension %td in new shape %s", shape[i],
                           nd__shape_str(sb, sizeof sb, ndim, shape));
        } else if (shape[i] && known > PTRDIFF_MAX / shape[i]) {
            return ND_FAIL(ND_EVALUE, "nd_reshape: new shape %s is too big", nd__shape_str(sb, sizeof sb, ndim, shape));
        } else {
            known *= shape[i];
        }
    }
    if (unknown >= 0) {
        if (known == 0 || a->size % known)
            return ND_FAIL(ND_ESHAPE, "nd_reshape: cannot reshape array of size %td into shape %s", a->size,
                           nd__shape_str(sb, sizeof sb, ndim, shape));
        ns[unknown] = a->size / known;
        known = a->size;
    }
    if (known != a->size)
        return ND_FAIL(ND_ESHAPE, "nd_reshape: cannot reshape array of size %td (shape %s) into shape %s",
                       a->size, nd__shape_str(sa, sizeof sa, a->ndim, a->shape),
                       nd__shape_str(sb, sizeof sb, ndim, shape));
    ptrdiff_t nstr[ND_MAXDIMS];
    if (a->size == 0 || a->size == 1 || !reshape_strides(a, ndim, ns, nstr)) {
        if (a->size <= 1 || nd_is_c_contiguous(a)) {
            /* Trivially contiguous: C strides. */
            ptrdiff_t s = (ptrdiff_t)nd_dtype_size(a->dtype);
            for (int i = ndim - 1; i >= 0; i--) {
                nstr[i] = s;
                s *= ns[i] ? ns[i] : 1;
            }
        } else {
            nd_array *c = nd_copy(a, ND_ORDER_C);
            if (!c) return NULL;
            nd_array *r = nd_reshape(c, ndim, ns);
            nd_free(c);
            return r;
        }
    }
    return nd__view_of(a, ndim, ns, nstr, a->data, a->dtype);
}

nd_array *nd_ravel(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_ravel: array is NULL");
    ptrdiff_t n = a->size;
    return nd_reshape(a, 1, &n);
}

nd_array *nd_flatten(const nd_array *a)
{
    nd_array *c = nd_copy(a, ND_ORDER_C);
    if (!c) return NULL;
    ptrdiff_t n = a->size;
    nd_array *r = nd_reshape(c, 1, &n);
    nd_free(c);
    return r;
}

/* ---- axis permutations ------------------------------------------------------------ */

nd_array *(nd_transpose)(const nd_array *a, const int *axes)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_transpose: array is NULL");
    int perm[ND_MAXDIMS];
    bool seen[ND_MAXDIMS] = { false };
    for (int i = 0; i < a->ndim; i++) {
        int ax = axes ? axes[i] : a->ndim - 1 - i;
        if (nd__norm_axis(&ax, a->ndim, "nd_transpose") < 0) return NULL;
        if (seen[ax]) return ND_FAIL(ND_EAXIS, "nd_transpose: repeated axis %d in transpose", ax);
        seen[ax] = true;
        perm[i] = ax;
    }
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) {
        shape[i] = a->shape[perm[i]];
        strides[i] = a->strides[perm[i]];
    }
    return nd__view_of(a, a->ndim, shape, strides, a->data, a->dtype);
}

nd_array *nd_swapaxes(const nd_array *a, int axis1, int axis2)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_swapaxes: array is NULL");
    if (nd__norm_axis(&axis1, a->ndim, "nd_swapaxes") < 0 || nd__norm_axis(&axis2, a->ndim, "nd_swapaxes") < 0)
        return NULL;
    int perm[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) perm[i] = i;
    perm[axis1] = axis2;
    perm[axis2] = axis1;
    return nd_transpose(a, perm);
}

nd_array *nd_moveaxis(const nd_array *a, int n, const int *source, const int *destination)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_moveaxis: array is NULL");
    if (n < 0 || n > a->ndim) return ND_FAIL(ND_EVALUE, "nd_moveaxis: %d axes for a %d-d array", n, a->ndim);
    int src[ND_MAXDIMS], dst[ND_MAXDIMS];
    bool used_s[ND_MAXDIMS] = { false }, used_d[ND_MAXDIMS] = { false };
    for (int i = 0; i < n; i++) {
        src[i] = source[i];
        dst[i] = destination[i];
        if (nd__norm_axis(&src[i], a->ndim, "nd_moveaxis") < 0 || nd__norm_axis(&dst[i], a->ndim, "nd_moveaxis") < 0)
            return NULL;
        if (used_s[src[i]] || used_d[dst[i]])
            return ND_FAIL(ND_EAXIS, "nd_moveaxis: repeated axis in `%s` argument", used_s[src[i]] ? "source" : "destination");
        used_s[src[i]] = used_d[dst[i]] = true;
    }
    int order[ND_MAXDIMS], rest = 0, perm[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++)
        if (!used_s[i]) order[rest++] = i;
    for (int i = 0; i < a->ndim; i++) perm[i] = -1;
    for (int i = 0; i < n; i++) perm[dst[i]] = src[i];
    for (int i = 0, r = 0; i < a->ndim; i++)
        if (perm[i] < 0) perm[i] = order[r++];
    return nd_transpose(a, perm);
}

nd_array *nd_squeeze(const nd_array *a, int n, const int *axes)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_squeeze: array is NULL");
    bool drop[ND_MAXDIMS] = { false };
    if (n == 0) {
        for (int i = 0; i < a->ndim; i++) drop[i] = a->shape[i] == 1;
    } else {
        for (int i = 0; i < n; i++) {
            int ax = axes[i];
            if (nd__norm_axis(&ax, a->ndim, "nd_squeeze") < 0) return NULL;
            if (a->shape[ax] != 1)
                return ND_FAIL(ND_EVALUE, "nd_squeeze: cannot select an axis to squeeze out which has size not equal to one (axis %d has size %td)",
                               ax, a->shape[ax]);
            drop[ax] = true;
        }
    }
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = 0;
    for (int i = 0; i < a->ndim; i++)
        if (!drop[i]) {
            shape[nd] = a->shape[i];
            strides[nd++] = a->strides[i];
        }
    return nd__view_of(a, nd, shape, strides, a->data, a->dtype);
}

nd_array *nd_expand_dims(const nd_array *a, int axis)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_expand_dims: array is NULL");
    if (a->ndim >= ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "nd_expand_dims: array already has %d dimensions", a->ndim);
    if (nd__norm_axis(&axis, a->ndim + 1, "nd_expand_dims") < 0) return NULL;
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int i = 0, j = 0; i <= a->ndim; i++) {
        if (i == axis) {
            shape[i] = 1;
            strides[i] = 0;
        } else {
            shape[i] = a->shape[j];
            strides[i] = a->strides[j++];
        }
    }
    return nd__view_of(a, a->ndim + 1, shape, strides, a->data, a->dtype);
}

/* ---- broadcasting ----------------------------------------------------------------- */

static nd_status broadcast_error(int n, const int *ndims, const ptrdiff_t *const *shapes, const char *who)
{
    char msg[512] = "", sb[ND_SHAPE_STRLEN];
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof msg - 1; i++)
        len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s", i ? " " : "",
                                nd__shape_str(sb, sizeof sb, ndims[i], shapes[i]));
    return nd_set_error(ND_ESHAPE, "%s: operands could not be broadcast together with shapes %s", who, msg);
}

nd_status nd__broadcast(int n, const int *ndims, const ptrdiff_t *const *shapes, int *out_ndim,
                        ptrdiff_t *out_shape, const char *who)
{
    int nd = 0;
    for (int i = 0; i < n; i++) {
        if (ndims[i] < 0 || ndims[i] > ND_MAXDIMS)
            return nd_set_error(ND_EVALUE, "%s: operand %d has ndim %d", who, i, ndims[i]);
        if (ndims[i] > nd) nd = ndims[i];
    }
    for (int d = 0; d < nd; d++) out_shape[d] = 1;
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < ndims[i]; k++) {
            int d = nd - ndims[i] + k;
            ptrdiff_t e = shapes[i][k];
            if (e == out_shape[d] || e == 1) continue;
            if (out_shape[d] == 1) out_shape[d] = e;
            else return broadcast_error(n, ndims, shapes, who);
        }
    }
    *out_ndim = nd;
    return ND_OK;
}

nd_status nd_broadcast_shapes(int n, const int *ndims, const ptrdiff_t *const *shapes, int *out_ndim,
                              ptrdiff_t *out_shape)
{
    return nd__broadcast(n, ndims, shapes, out_ndim, out_shape, "nd_broadcast_shapes");
}

/* View of a broadcast to (ndim, shape): zero strides on stretched axes. */
nd_array *nd__broadcast_view(const nd_array *a, int ndim, const ptrdiff_t *shape, const char *who)
{
    int nds[2] = { a->ndim, ndim };
    const ptrdiff_t *shp[2] = { a->shape, shape };
    if (ndim < a->ndim) return broadcast_error(2, nds, shp, who), NULL;
    ptrdiff_t strides[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) {
        int k = d - (ndim - a->ndim);
        if (k < 0) strides[d] = 0;
        else if (a->shape[k] == shape[d]) strides[d] = a->strides[k];
        else if (a->shape[k] == 1) strides[d] = 0;
        else return broadcast_error(2, nds, shp, who), NULL;
    }
    return nd__view_of(a, ndim, shape, strides, a->data, a->dtype);
}

nd_array *nd_broadcast_to(const nd_array *a, int ndim, const ptrdiff_t *shape)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_broadcast_to: array is NULL");
    if (nd__shape_size(ndim, shape, "nd_broadcast_to") < 0) return NULL;
    nd_array *v = nd__broadcast_view(a, ndim, shape, "nd_broadcast_to");
    if (v) v->flags &= ~(unsigned)ND_WRITEABLE;
    return v;
}

nd_status nd_broadcast_arrays(int n, const nd_array *const *in, nd_array **out)
{
    if (n < 1 || n > 64) return nd_set_error(ND_EVALUE, "nd_broadcast_arrays: %d operands", n);
    if (nd__check_list(n, in, "nd_broadcast_arrays") < 0) return nd_last_error();
    int ndims[64];
    const ptrdiff_t *shapes[64];
    for (int i = 0; i < n; i++) {
        ndims[i] = in[i]->ndim;
        shapes[i] = in[i]->shape;
        out[i] = NULL;
    }
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    nd_status st = nd__broadcast(n, ndims, shapes, &nd, shape, "nd_broadcast_arrays");
    if (st < 0) return st;
    for (int i = 0; i < n; i++) {
        out[i] = nd__broadcast_view(in[i], nd, shape, "nd_broadcast_arrays");
        if (!out[i]) return nd__free_n(out, i);
    }
    return ND_OK;
}

/* ---- diagonal, real, imag ------------------------------------------------------------ */

nd_array *nd_diagonal(const nd_array *a, ptrdiff_t offset, int axis1, int axis2)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_diagonal: array is NULL");
    if (a->ndim < 2) return ND_FAIL(ND_EVALUE, "nd_diagonal: array must be at least 2-d, got %d-d", a->ndim);
    if (nd__norm_axis(&axis1, a->ndim, "nd_diagonal") < 0 || nd__norm_axis(&axis2, a->ndim, "nd_diagonal") < 0)
        return NULL;
    if (axis1 == axis2) return ND_FAIL(ND_EVALUE, "nd_diagonal: axis1 and axis2 cannot be the same (%d)", axis1);
    ptrdiff_t n1 = a->shape[axis1], n2 = a->shape[axis2];
    char *data = a->data;
    ptrdiff_t len;
    if (offset >= 0) {
        len = n2 - offset < n1 ? n2 - offset : n1;
        if (len > 0) data += offset * a->strides[axis2];
    } else {
        len = n1 + offset < n2 ? n1 + offset : n2;
        if (len > 0) data -= offset * a->strides[axis1];
    }
    if (len < 0) len = 0;
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = 0;
    for (int i = 0; i < a->ndim; i++)
        if (i != axis1 && i != axis2) {
            shape[nd] = a->shape[i];
            strides[nd++] = a->strides[i];
        }
    shape[nd] = len;
    strides[nd++] = a->strides[axis1] + a->strides[axis2];
    nd_array *v = nd__view_of(a, nd, shape, strides, data, a->dtype);
    if (v) v->flags &= ~(unsigned)ND_WRITEABLE; /* NumPy's diagonal is read-only */
    return v;
}

static nd_array *complex_part(const nd_array *a, int part, const char *who)
{
    if (nd_dtype_is_complex(a->dtype)) {
        nd_dtype rt = a->dtype == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
        char *data = a->data + (part ? nd_dtype_size(rt) : 0);
        return nd__view_of(a, a->ndim, a->shape, a->strides, data, rt);
    }
    if (part == 0) return nd__view_of(a, a->ndim, a->shape, a->strides, a->data, a->dtype);
    nd_array *z = nd_zeros(a->ndim, a->shape, a->dtype);
    if (z) z->flags &= ~(unsigned)ND_WRITEABLE;
    (void)who;
    return z;
}

nd_array *nd_real(const nd_array *a) 
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_real: array is NULL");
    return complex_part(a, 0, "nd_real");
}
nd_array *nd_imag(const nd_array *a) 
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_imag: array is NULL");
    return complex_part(a, 1, "nd_imag");
}

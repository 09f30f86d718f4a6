/* einsum: subscripts are parsed into labels; each operand becomes a set of strides per label
 * (a repeated label sums its axes' strides, which is the diagonal view). A two-operand
 * float/complex contraction becomes one batched matmul (batch labels, kept labels, summed
 * labels grouped and reshaped to (B, M, K) @ (B, K, N)); anything else runs through a
 * generic product-sum loop over all labels. */
#include "la_internal.h"

#include <string.h>

#define NLETTERS 52
#define NLABELS (NLETTERS + ND_MAXDIMS) /* letters, then ellipsis dims counted from the right */
#define MAXOPS ND_ITER_MAXOP

typedef struct term {
    int n;                  /* labels of the operand's axes, in axis order */
    int lab[ND_MAXDIMS];
} term;

typedef struct spec {
    int nops;
    term in[MAXOPS];
    term out;
    ptrdiff_t dim[NLABELS];
    bool used[NLABELS];
    int count[NLABELS];     /* number of inputs a label appears in (once per operand) */
} spec;

static int letter_code(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return 26 + (c - 'a');
    return -1;
}

/* Parse one term up to ',' / '-' / end; *ell is the position of "..." in lab (or -1). */
static nd_status parse_term(const char **ps, int *lab, int *n, int *ell, const char *full)
{
    const char *s = *ps;
    *n = 0;
    *ell = -1;
    while (*s && *s != ',' && *s != '-') {
        if (*s == ' ') {
            s++;
            continue;
        }
        if (*s == '.') {
            if (strncmp(s, "...", 3) || *ell >= 0)
                return nd_set_error(ND_EPARSE, "nd_einsum: invalid ellipsis at position %td of \"%s\"",
                                 s - full, full);
            *ell = *n;
            s += 3;
            continue;
        }
        int c = letter_code(*s);
        if (c < 0)
            return nd_set_error(ND_EPARSE, "nd_einsum: invalid subscript '%c' at position %td of \"%s\"",
                             *s, s - full, full);
        if (*n >= ND_MAXDIMS) return nd_set_error(ND_EPARSE, "nd_einsum: too many subscripts in \"%s\"", full);
        lab[(*n)++] = c;
        s++;
    }
    *ps = s;
    return ND_OK;
}

static nd_status parse(const char *sub, int nops, const nd_array *const *ops, spec *sp)
{
    const char *who = "nd_einsum";
    memset(sp, 0, sizeof *sp);
    sp->nops = nops;
    for (int l = 0; l < NLABELS; l++) sp->dim[l] = 1;
    const char *s = sub;
    int nell = 0;
    for (int i = 0; i < nops; i++) {
        int lab[ND_MAXDIMS], n, ell;
        if (parse_term(&s, lab, &n, &ell, sub) < 0) return nd_last_error();
        if (i < nops - 1) {
            if (*s != ',')
                return nd_set_error(ND_EVALUE, "%s: \"%s\" has fewer operands than the %d given", who, sub, nops);
            s++;
        }
        const nd_array *a = ops[i];
        int extra = a->ndim - n;
        if (extra < 0 || (ell < 0 && extra != 0))
            return nd_set_error(ND_EVALUE, "%s: operand %d has %d dimensions but its subscripts name %d", who,
                             i, a->ndim, n);
        if (extra > nell) nell = extra;
        term *t = &sp->in[i];
        t->n = 0;
        for (int j = 0; j < n; j++) {
            if (j == ell)
                for (int e = extra - 1; e >= 0; e--) t->lab[t->n++] = NLETTERS + e;
            t->lab[t->n++] = lab[j];
        }
        if (ell == n)
            for (int e = extra - 1; e >= 0; e--) t->lab[t->n++] = NLETTERS + e;
        bool seen[NLABELS] = { false };
        for (int ax = 0; ax < t->n; ax++) {
            int l = t->lab[ax];
            ptrdiff_t d = a->shape[ax];
            if (seen[l] && l < NLETTERS && sp->dim[l] != d) {
                return nd_set_error(ND_ESHAPE, "%s: dimensions in operand %d for collapsing index '%c' don't match (%td != %td)",
                                 who, i, l < 26 ? 'A' + l : 'a' + l - 26, sp->dim[l], d);
            }
            if (sp->used[l] && !seen[l] && sp->dim[l] != d && sp->dim[l] != 1 && d != 1)
                return nd_set_error(ND_ESHAPE, "%s: operands could not be broadcast together: label size %td vs %td",
                                 who, sp->dim[l], d);
            if (!sp->used[l] || sp->dim[l] == 1) sp->dim[l] = d;
            if (!seen[l]) sp->count[l]++;
            seen[l] = sp->used[l] = true;
        }
    }
    if (*s == ',') return nd_set_error(ND_EVALUE, "%s: \"%s\" has more operands than the %d given", who, sub, nops);
    term *o = &sp->out;
    if (*s == '-') {
        if (s[1] != '>') return nd_set_error(ND_EPARSE, "%s: expected \"->\" in \"%s\"", who, sub);
        s += 2;
        int lab[ND_MAXDIMS], n, ell;
        if (parse_term(&s, lab, &n, &ell, sub) < 0) return nd_last_error();
        if (*s) return nd_set_error(ND_EPARSE, "%s: unexpected '%c' in the output of \"%s\"", who, *s, sub);
        bool seen[NLABELS] = { false };
        for (int j = 0; j <= n; j++) {
            if (j == ell)
                for (int e = nell - 1; e >= 0; e--) o->lab[o->n++] = NLETTERS + e;
            if (j == n) break;
            int l = lab[j];
            if (seen[l] || !sp->used[l])
                return nd_set_error(ND_EVALUE, "%s: output subscript '%c' %s", who,
                                 l < 26 ? 'A' + l : 'a' + l - 26,
                                 seen[l] ? "appears more than once" : "does not appear in the inputs");
            seen[l] = true;
            o->lab[o->n++] = l;
        }
    } else {
        /* Implicit output: broadcast dims, then the labels used exactly once, sorted. */
        for (int e = nell - 1; e >= 0; e--) o->lab[o->n++] = NLETTERS + e;
        for (int l = 0; l < NLETTERS; l++) {
            int total = 0;
            for (int i = 0; i < nops; i++)
                for (int ax = 0; ax < sp->in[i].n; ax++) total += sp->in[i].lab[ax] == l;
            if (total == 1) o->lab[o->n++] = l;
        }
    }
    return ND_OK;
}

/* Byte strides of operand a per label (0 where absent or broadcast). */
static void label_strides(const nd_array *a, const term *t, const spec *sp, ptrdiff_t *str)
{
    memset(str, 0, sizeof(ptrdiff_t) * NLABELS);
    for (int ax = 0; ax < t->n; ax++)
        if (a->shape[ax] != 1 || sp->dim[t->lab[ax]] == 1) str[t->lab[ax]] += a->strides[ax];
}

static bool in_term(const term *t, int l)
{
    for (int i = 0; i < t->n; i++)
        if (t->lab[i] == l) return true;
    return false;
}

/* ---- generic loop ---------------------------------------------------------------------- */

#define EIN_LOOP(name, T)                                                                      \
    static void name(int nops, char *const *base, ptrdiff_t (*str)[NLABELS], char *obase,     \
                     const ptrdiff_t *ostr, int nl, const int *lab, const ptrdiff_t *dim)       \
    {                                                                                          \
        ptrdiff_t idx[NLABELS] = { 0 };                                                        \
        int in = lab[nl - 1];                                                                  \
        ptrdiff_t n = dim[in];                                                                 \
        for (;;) {                                                                             \
            char *p[MAXOPS], *po = obase;                                                      \
            for (int i = 0; i < nops; i++) p[i] = base[i];                                     \
            for (int k = 0; k < nl - 1; k++) {                                                 \
                for (int i = 0; i < nops; i++) p[i] += idx[k] * str[i][lab[k]];               \
                po += idx[k] * ostr[lab[k]];                                                   \
            }                                                                                  \
            T acc = 0;                                                                         \
            for (ptrdiff_t j = 0; j < n; j++) {                                                \
                T v = *(const T *)(p[0] + j * str[0][in]);                                     \
                for (int i = 1; i < nops; i++) v *= *(const T *)(p[i] + j * str[i][in]);       \
                if (ostr[in]) *(T *)(po + j * ostr[in]) += v;                                  \
                else acc += v;                                                                 \
            }                                                                                  \
            if (!ostr[in]) *(T *)po += acc;                                                    \
            int k = nl - 2;                                                                    \
            while (k >= 0 && ++idx[k] == dim[lab[k]]) idx[k--] = 0;                            \
            if (k < 0) break;                                                                  \
        }                                                                                      \
    }
EIN_LOOP(ein_f32, float)
EIN_LOOP(ein_f64, double)
EIN_LOOP(ein_c64, la_c64)
EIN_LOOP(ein_c128, la_c128)
EIN_LOOP(ein_u64, uint64_t)

static nd_dtype compute_type(nd_dtype rt)
{
    return (nd_dtype_is_float(rt) || nd_dtype_is_complex(rt)) ? rt : ND_UINT64;
}

static nd_array *generic(const spec *sp, const nd_array *const *ops, nd_dtype rt)
{
    const char *who = "nd_einsum";
    nd_dtype ct = compute_type(rt);
    nd_array *conv[MAXOPS] = { NULL }, *out = NULL, *res = NULL;
    ptrdiff_t str[MAXOPS][NLABELS], ostr[NLABELS] = { 0 }, oshape[ND_MAXDIMS];
    char *base[MAXOPS];
    for (int i = 0; i < sp->nops; i++) {
        conv[i] = ops[i]->dtype == ct ? nd_ref(ops[i]) : nd_astype(ops[i], ct, ND_CAST_UNSAFE);
        if (!conv[i]) goto done;
        label_strides(conv[i], &sp->in[i], sp, str[i]);
        base[i] = conv[i]->data;
    }
    for (int j = 0; j < sp->out.n; j++) oshape[j] = sp->dim[sp->out.lab[j]];
    if (!(out = nd_zeros(sp->out.n, oshape, ct))) goto done;
    for (int j = 0; j < sp->out.n; j++) ostr[sp->out.lab[j]] = out->strides[j];
    /* Loop order: output labels outside, summed labels inside (so the innermost loop
     * accumulates into a register when anything is summed). */
    int lab[NLABELS], nl = 0;
    bool empty = false;
    for (int j = 0; j < sp->out.n; j++) lab[nl++] = sp->out.lab[j];
    for (int l = 0; l < NLABELS; l++)
        if (sp->used[l] && !in_term(&sp->out, l)) lab[nl++] = l;
    for (int k = 0; k < nl; k++) empty |= sp->dim[lab[k]] == 0;
    ptrdiff_t dim[NLABELS];
    memcpy(dim, sp->dim, sizeof dim);
    if (nl == 0) {
        /* Every operand is 0-d: one product. Use a spare label of extent 1. */
        lab[nl++] = 0;
        dim[0] = 1;
        for (int i = 0; i < sp->nops; i++) str[i][0] = 0;
        ostr[0] = 0;
    }
    if (!empty) {
        switch (ct) {
        case ND_FLOAT32: ein_f32(sp->nops, base, str, out->data, ostr, nl, lab, dim); break;
        case ND_FLOAT64: ein_f64(sp->nops, base, str, out->data, ostr, nl, lab, dim); break;
        case ND_COMPLEX64: ein_c64(sp->nops, base, str, out->data, ostr, nl, lab, dim); break;
        case ND_COMPLEX128: ein_c128(sp->nops, base, str, out->data, ostr, nl, lab, dim); break;
        default: ein_u64(sp->nops, base, str, out->data, ostr, nl, lab, dim); break;
        }
    }
    res = ct == rt ? nd_ref(out) : la_ccopy(out, rt, who);
done:
    for (int i = 0; i < sp->nops; i++) nd_free(conv[i]);
    nd_free(out);
    return res;
}

/* ---- two operands through BLAS ----------------------------------------------------------- */

/* View of a with the given labels as axes (shape from sp->dim, label strides). */
static nd_array *label_view(const nd_array *a, const ptrdiff_t *str, const spec *sp, const int *lab,
                            int n)
{
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int i = 0; i < n; i++) {
        shape[i] = sp->dim[lab[i]];
        strides[i] = str[lab[i]];
    }
    return nd__view_of(a, n, shape, strides, a->data, a->dtype);
}

static nd_array *via_matmul(const spec *sp, const nd_array *const *ops, nd_dtype rt, bool *handled)
{
    const char *who = "nd_einsum";
    const term *ta = &sp->in[0], *tb = &sp->in[1], *to = &sp->out;
    int batch[NLABELS], keep_a[NLABELS], keep_b[NLABELS], con[NLABELS];
    int nb = 0, na = 0, nk = 0, nc = 0;
    *handled = false;
    for (int l = 0; l < NLABELS; l++) {
        if (!sp->used[l]) continue;
        bool A = in_term(ta, l), B = in_term(tb, l), O = in_term(to, l);
        if (A && B && O) batch[nb++] = l;
        else if (A && B) con[nc++] = l;
        else if (A && O) keep_a[na++] = l;
        else if (B && O) keep_b[nk++] = l;
        else return NULL; /* summed over a single operand: the generic loop does it */
    }
    if (nb + na + nk > ND_MAXDIMS) return NULL;
    *handled = true;
    nd_array *ca = NULL, *cb = NULL, *va = NULL, *vb = NULL, *a3 = NULL, *b3 = NULL, *p = NULL;
    nd_array *pr = NULL, *pt = NULL, *res = NULL;
    ca = ops[0]->dtype == rt ? nd_ref(ops[0]) : nd_astype(ops[0], rt, ND_CAST_UNSAFE);
    cb = ops[1]->dtype == rt ? nd_ref(ops[1]) : nd_astype(ops[1], rt, ND_CAST_UNSAFE);
    if (!ca || !cb) goto done;
    ptrdiff_t sa[NLABELS], sb[NLABELS];
    label_strides(ca, ta, sp, sa);
    label_strides(cb, tb, sp, sb);
    int la[NLABELS], lb[NLABELS], lp[NLABELS], n = 0;
    ptrdiff_t B = 1, M = 1, N = 1, K = 1;
    for (int i = 0; i < nb; i++) B *= sp->dim[batch[i]];
    for (int i = 0; i < na; i++) M *= sp->dim[keep_a[i]];
    for (int i = 0; i < nk; i++) N *= sp->dim[keep_b[i]];
    for (int i = 0; i < nc; i++) K *= sp->dim[con[i]];
    for (int i = 0; i < nb; i++) la[n++] = batch[i];
    for (int i = 0; i < na; i++) la[n++] = keep_a[i];
    for (int i = 0; i < nc; i++) la[n++] = con[i];
    n = 0;
    for (int i = 0; i < nb; i++) lb[n++] = batch[i];
    for (int i = 0; i < nc; i++) lb[n++] = con[i];
    for (int i = 0; i < nk; i++) lb[n++] = keep_b[i];
    if (!(va = label_view(ca, sa, sp, la, nb + na + nc)) || !(vb = label_view(cb, sb, sp, lb, nb + nc + nk)))
        goto done;
    if (!(a3 = nd_reshape(va, 3, (const ptrdiff_t[]){ B, M, K })) ||
        !(b3 = nd_reshape(vb, 3, (const ptrdiff_t[]){ B, K, N })) || !(p = la_matmul(a3, b3, who)))
        goto done;
    /* p is (batch..., keep_a..., keep_b...) flattened; restore the labels, then permute to
     * the requested output order. */
    ptrdiff_t shape[ND_MAXDIMS];
    n = 0;
    for (int i = 0; i < nb; i++) lp[n] = batch[i], shape[n++] = sp->dim[batch[i]];
    for (int i = 0; i < na; i++) lp[n] = keep_a[i], shape[n++] = sp->dim[keep_a[i]];
    for (int i = 0; i < nk; i++) lp[n] = keep_b[i], shape[n++] = sp->dim[keep_b[i]];
    if (!(pr = nd_reshape(p, n, shape))) goto done;
    int perm[ND_MAXDIMS];
    for (int j = 0; j < to->n; j++)
        for (int i = 0; i < n; i++)
            if (lp[i] == to->lab[j]) perm[j] = i;
    if (!(pt = nd_transpose(pr, perm))) goto done;
    res = la_ccopy(pt, rt, who);
done:
    nd_free(ca);
    nd_free(cb);
    nd_free(va);
    nd_free(vb);
    nd_free(a3);
    nd_free(b3);
    nd_free(p);
    nd_free(pr);
    nd_free(pt);
    return res;
}

nd_array *nd_einsum_n(const char *subscripts, int n, const nd_array *const *operands)
{
    const char *who = "nd_einsum";
    if (!subscripts) return ND_FAIL(ND_EVALUE, "%s: subscripts is NULL", who);
    if (n < 1 || n > MAXOPS) return ND_FAIL(ND_EVALUE, "%s: %d operands (1..%d supported)", who, n, MAXOPS);
    for (int i = 0; i < n; i++)
        if (!operands[i]) return ND_FAIL(ND_EVALUE, "%s: operand %d is NULL", who, i);
    spec sp;
    if (parse(subscripts, n, operands, &sp) < 0) return NULL;
    nd_dtype rt = operands[0]->dtype;
    for (int i = 1; i < n; i++) rt = nd_result_type(rt, operands[i]->dtype);
    if (n == 2 && (nd_dtype_is_float(rt) || nd_dtype_is_complex(rt))) {
        bool handled;
        nd_array *r = via_matmul(&sp, operands, rt, &handled);
        if (handled) return r;
    }
    return generic(&sp, operands, rt);
}

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
static nd_status parse_term(const char **ps, int *lab, int *n, int *ell, const char *full,
                            const char *who)
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
                return nd_set_error(ND_EPARSE, "%s: invalid ellipsis at position %td of \"%s\"",
                                 who, s - full, full);
            *ell = *n;
            s += 3;
            continue;
        }
        int c = letter_code(*s);
        if (c < 0)
            return nd_set_error(ND_EPARSE, "%s: invalid subscript '%c' at position %td of \"%s\"",
                             who, *s, s - full, full);
        if (*n >= ND_MAXDIMS) return nd_set_error(ND_EPARSE, "%s: too many subscripts in \"%s\"", who, full);
        lab[(*n)++] = c;
        s++;
    }
    *ps = s;
    return ND_OK;
}

static nd_status parse(const char *sub, int nops, const nd_array *const *ops, spec *sp,
                       const char *who)
{
    memset(sp, 0, sizeof *sp);
    sp->nops = nops;
    for (int l = 0; l < NLABELS; l++) sp->dim[l] = 1;
    const char *s = sub;
    int nell = 0;
    for (int i = 0; i < nops; i++) {
        int lab[ND_MAXDIMS], n, ell;
        if (parse_term(&s, lab, &n, &ell, sub, who) < 0) return nd_last_error();
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
        if (parse_term(&s, lab, &n, &ell, sub, who) < 0) return nd_last_error();
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
    if (parse(subscripts, n, operands, &sp, who) < 0) return NULL;
    nd_dtype rt = operands[0]->dtype;
    for (int i = 1; i < n; i++) rt = nd_result_type(rt, operands[i]->dtype);
    if (n == 2 && (nd_dtype_is_float(rt) || nd_dtype_is_complex(rt))) {
        bool handled;
        nd_array *r = via_matmul(&sp, operands, rt, &handled);
        if (handled) return r;
    }
    return generic(&sp, operands, rt);
}

/* ---- einsum_path: NumPy 1.24's einsumfunc.py (_greedy_path, _optimal_path, the report) ---
 * Label sets are bit masks over the 52 letters; sizes and FLOP counts are doubles (exact
 * below 2**53, where NumPy's Python integers are). */
typedef uint64_t lset;
_Static_assert(ND_EINSUM_MAXOP == MAXOPS, "nd_einsum_path's arrays hold every operand");

static int popcount(lset s)
{
    int n = 0;
    for (; s; s &= s - 1) n++;
    return n;
}

static double set_size(lset s, const ptrdiff_t *dim)
{
    double r = 1;
    for (int l = 0; l < NLETTERS; l++)
        if (s >> l & 1) r *= (double)dim[l];
    return r;
}

static double flop_count(lset contract, bool inner, int nterms, const ptrdiff_t *dim)
{
    int f = nterms - 1 > 1 ? nterms - 1 : 1;
    return set_size(contract, dim) * (f + (inner ? 1 : 0));
}

static bool has_pos(const int *pos, int npos, int i)
{
    for (int k = 0; k < npos; k++)
        if (pos[k] == i) return true;
    return false;
}

/* _find_contraction: rem gets the sets not contracted, then the new one (nin - npos + 1). */
static void find_contraction(const int *pos, int npos, const lset *in, int nin, lset out,
                             lset *result, lset *rem, lset *removed, lset *contract)
{
    lset c = 0, keep = out;
    int r = 0;
    for (int i = 0; i < nin; i++) {
        if (has_pos(pos, npos, i)) {
            c |= in[i];
        } else {
            rem[r++] = in[i];
            keep |= in[i];
        }
    }
    *result = keep & c;
    rem[r] = *result;
    *removed = c & ~*result;
    *contract = c;
}

typedef struct pstep {
    int n;
    int pos[MAXOPS];
} pstep;

typedef struct known {
    double sort0, sort1; /* (-removed_size, cost) */
    int x, y;
    lset sets[MAXOPS];
    int nsets;
} known;

/* _parse_possible_contraction: false when sieved out. */
static bool possible(int x, int y, const lset *in, int nin, lset out, const ptrdiff_t *dim,
                     double memory_limit, double path_cost, double naive_cost, known *k)
{
    int pos[2] = { x, y };
    lset result, removed, contract;
    find_contraction(pos, 2, in, nin, out, &result, k->sets, &removed, &contract);
    double new_size = set_size(result, dim);
    if (new_size > memory_limit) return false;
    double removed_size = set_size(in[x], dim) + set_size(in[y], dim) - new_size;
    double cost = flop_count(contract, removed != 0, 2, dim);
    if (path_cost + cost > naive_cost) return false;
    k->sort0 = -removed_size;
    k->sort1 = cost;
    k->x = x;
    k->y = y;
    k->nsets = nin - 1;
    return true;
}

static int greedy_path(const lset *in0, int n, lset out, const ptrdiff_t *dim, double memory_limit,
                       pstep *path)
{
    lset in[MAXOPS];
    memcpy(in, in0, sizeof *in * (size_t)n);
    int nin = n, np = 0;
    lset result, removed, contract, rem[MAXOPS + 1];
    int all[MAXOPS];
    for (int i = 0; i < n; i++) all[i] = i;
    find_contraction(all, n, in, n, out, &result, rem, &removed, &contract);
    double naive_cost = flop_count(contract, removed != 0, n, dim), path_cost = 0;
    known kc[64], nk;
    int nkc = 0, newpos = -1; /* newpos < 0: every pair (the first step) */
    for (int it = 0; it < n - 1; it++) {
        for (int x = 0; x < nin; x++)
            for (int y = x + 1; y < nin; y++) {
                if (newpos >= 0 && y != newpos) continue;
                if (!(in[x] & in[y])) continue; /* outer products are left for later */
                if (nkc < 64 && possible(x, y, in, nin, out, dim, memory_limit, path_cost, naive_cost, &nk))
                    kc[nkc++] = nk;
            }
        if (nkc == 0) {
            for (int x = 0; x < nin; x++)
                for (int y = x + 1; y < nin; y++)
                    if (nkc < 64 && possible(x, y, in, nin, out, dim, memory_limit, path_cost, naive_cost, &nk))
                        kc[nkc++] = nk;
            if (nkc == 0) {
                path[np].n = nin;
                for (int i = 0; i < nin; i++) path[np].pos[i] = i;
                np++;
                break;
            }
        }
        int b = 0;
        for (int k = 1; k < nkc; k++)
            if (kc[k].sort0 < kc[b].sort0 || (kc[k].sort0 == kc[b].sort0 && kc[k].sort1 < kc[b].sort1))
                b = k;
        known best = kc[b];
        /* _update_other_results */
        int bx = best.x, by = best.y, m = 0;
        for (int k = 0; k < nkc; k++) {
            known c = kc[k];
            if (c.x == bx || c.x == by || c.y == bx || c.y == by) continue;
            int d1 = by - (by > c.x) - (by > c.y), d2 = bx - (bx > c.x) - (bx > c.y);
            for (int t = d1; t < c.nsets - 1; t++) c.sets[t] = c.sets[t + 1];
            c.nsets--;
            for (int t = d2; t < c.nsets - 1; t++) c.sets[t] = c.sets[t + 1];
            c.nsets--;
            /* insert(-1, best's new tensor) */
            c.sets[c.nsets] = c.sets[c.nsets - 1];
            c.sets[c.nsets - 1] = best.sets[best.nsets - 1];
            c.nsets++;
            int x = c.x, y = c.y;
            c.x = x - (x > bx) - (x > by);
            c.y = y - (y > bx) - (y > by);
            kc[m++] = c;
        }
        nkc = m;
        nin = best.nsets;
        memcpy(in, best.sets, sizeof *in * (size_t)nin);
        newpos = nin - 1;
        path[np].n = 2;
        path[np].pos[0] = bx;
        path[np].pos[1] = by;
        np++;
        path_cost += best.sort1;
    }
    return np;
}

/* _optimal_path by depth-first search in the order NumPy's breadth-first lists are built,
 * keeping the first cheapest path of each depth. */
typedef struct optimal {
    int n;
    lset out;
    const ptrdiff_t *dim;
    double memory_limit;
    int deepest;
    double best_cost[MAXOPS];
    bool have[MAXOPS];
    pstep best[MAXOPS][MAXOPS], cur[MAXOPS];
} optimal;

static void optimal_dfs(optimal *o, const lset *in, int nin, int depth, double cost)
{
    if (depth > o->deepest) o->deepest = depth;
    if (!o->have[depth] || cost < o->best_cost[depth]) {
        o->have[depth] = true;
        o->best_cost[depth] = cost;
        memcpy(o->best[depth], o->cur, sizeof o->cur);
    }
    if (depth == o->n - 1) return;
    for (int x = 0; x < nin; x++)
        for (int y = x + 1; y < nin; y++) {
            int pos[2] = { x, y };
            lset result, removed, contract, rem[MAXOPS + 1];
            find_contraction(pos, 2, in, nin, o->out, &result, rem, &removed, &contract);
            if (set_size(result, o->dim) > o->memory_limit) continue;
            o->cur[depth].n = 2;
            o->cur[depth].pos[0] = x;
            o->cur[depth].pos[1] = y;
            optimal_dfs(o, rem, nin - 1, depth + 1,
                        cost + flop_count(contract, removed != 0, 2, o->dim));
        }
}

static int optimal_path(const lset *in, int n, lset out, const ptrdiff_t *dim, double memory_limit,
                        pstep *path)
{
    optimal *o = nd_calloc(1, sizeof *o, "nd_einsum_path");
    if (!o) return -1;
    o->n = n;
    o->out = out;
    o->dim = dim;
    o->memory_limit = memory_limit;
    optimal_dfs(o, in, n, 0, 0);
    int d = o->deepest;
    memcpy(path, o->best[d], sizeof *path * (size_t)d);
    if (d < n - 1) {
        path[d].n = n - d;
        for (int i = 0; i < n - d; i++) path[d].pos[i] = i;
        d++;
    }
    nd_free_mem(o);
    return d;
}

static char label_char(int l) { return (char)(l < 26 ? 'A' + l : 'a' + l - 26); }

static void put_labels(nd__strbuf *b, const int *lab, int n)
{
    for (int i = 0; i < n; i++) nd__sb_putc(b, label_char(lab[i]));
}

nd_status nd_einsum_path_n(const char *subscripts, int n, const nd_array *const *operands,
                           const nd_einsum_path_opts *o, nd_einsum_path *out)
{
    const char *who = "nd_einsum_path";
    char **report = o ? o->report : NULL;
    if (report) *report = NULL;
    if (!subscripts || !out)
        return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, subscripts ? "out" : "subscripts");
    if (n < 1 || n > MAXOPS || !operands)
        return nd_set_error(ND_EVALUE, "%s: %d operands (1..%d supported)", who, n, MAXOPS);
    for (int i = 0; i < n; i++)
        if (!operands[i]) return nd_set_error(ND_EVALUE, "%s: operand %d is NULL", who, i);
    const char *kind = o && o->optimize ? o->optimize : "greedy";
    bool greedy = !strcmp(kind, "greedy"), opt = !strcmp(kind, "optimal");
    if (!greedy && !opt)
        return nd_set_error(ND_EVALUE, "%s: Path name %s not found (\"greedy\" or \"optimal\")",
                            who, kind);
    if (strstr(subscripts, "..."))
        return nd_set_error(ND_EVALUE, "%s: \"%s\": name broadcast axes with letters here "
                            "('...' is taken by nd_einsum only)", who, subscripts);
    spec *sp = nd_malloc(sizeof *sp, who);
    if (!sp) return ND_ENOMEM;
    nd_status st = parse(subscripts, n, operands, sp, who);
    nd__strbuf b = { .who = who };
    if (st < 0) goto done;
    /* the terms as NumPy keeps them: strings (repeated labels included) and their sets */
    int lab[MAXOPS + 1][ND_MAXDIMS], nlab[MAXOPS + 1];
    lset in[MAXOPS + 1], bcast[MAXOPS + 1], outset = 0, indices = 0;
    double max_size = 0;
    int sumlen = 0;
    for (int i = 0; i <= n; i++) {
        const term *t = i < n ? &sp->in[i] : &sp->out;
        nlab[i] = t->n;
        lset s = 0, bc = 0;
        for (int k = 0; k < t->n; k++) {
            lab[i][k] = t->lab[k];
            s |= (lset)1 << t->lab[k];
            if (i < n && operands[i]->shape[k] == 1) bc |= (lset)1 << t->lab[k];
        }
        double size = 1;
        for (int k = 0; k < t->n; k++) size *= (double)sp->dim[t->lab[k]];
        if (size > max_size) max_size = size;
        if (i < n) {
            in[i] = s;
            bcast[i] = bc;
            indices |= s;
            sumlen += popcount(s);
        } else {
            outset = s;
        }
    }
    int nidx = popcount(indices);
    double naive = flop_count(indices, sumlen - nidx > 0, n, sp->dim);
    pstep path[MAXOPS];
    int np;
    if (n <= 2 || indices == outset) {
        np = 1;
        path[0].n = n;
        for (int i = 0; i < n; i++) path[0].pos[i] = i;
    } else {
        np = greedy ? greedy_path(in, n, outset, sp->dim, max_size, path)
                    : optimal_path(in, n, outset, sp->dim, max_size, path);
        if (np < 0) {
            st = ND_ENOMEM;
            goto done;
        }
    }
    /* the contraction list: costs, scalings, intermediate sizes and the printed steps */
    memset(out, 0, sizeof *out);
    out->ncontract = np;
    int nin = n, max_scale = 0;
    double opt_cost = 1, max_inter = 0;
    nd__strbuf steps = { .who = who };
    for (int c = 0; c < np; c++) {
        int ci[MAXOPS], nci = path[c].n;
        out->npos[c] = nci;
        for (int k = 0; k < nci; k++) out->pos[c][k] = path[c].pos[k];
        /* positions sorted from right to left */
        for (int k = 0; k < nci; k++) ci[k] = path[c].pos[k];
        for (int k = 0; k < nci; k++)
            for (int m = k + 1; m < nci; m++)
                if (ci[m] > ci[k]) {
                    int t = ci[k];
                    ci[k] = ci[m];
                    ci[m] = t;
                }
        lset result, removed, contract, rem[MAXOPS + 1];
        find_contraction(ci, nci, in, nin, outset, &result, rem, &removed, &contract);
        opt_cost += flop_count(contract, removed != 0, nci, sp->dim);
        int scale = popcount(contract);
        if (scale > max_scale) max_scale = scale;
        double isz = set_size(result, sp->dim);
        if (isz > max_inter) max_inter = isz;
        /* pop the contracted terms (in ci's order), append the result */
        nd__sb_puts(&steps, "\n");
        char head[16];
        snprintf(head, sizeof head, "%4d    ", scale);
        nd__sb_puts(&steps, head);
        nd__strbuf cur = { .who = who };
        lset bc = 0;
        for (int k = 0; k < nci; k++) {
            int x = ci[k];
            if (k) nd__sb_putc(&cur, ',');
            put_labels(&cur, lab[x], nlab[x]);
            bc |= bcast[x];
            for (int m = x; m < nin - 1; m++) {
                memcpy(lab[m], lab[m + 1], sizeof lab[m]);
                nlab[m] = nlab[m + 1];
                bcast[m] = bcast[m + 1];
            }
            nin--;
        }
        int *res = lab[nin];
        int nres = 0;
        if (c == np - 1) {
            for (int k = 0; k < sp->out.n; k++) res[nres++] = sp->out.lab[k];
        } else { /* sorted by (dimension, letter) */
            for (int l = 0; l < NLETTERS; l++)
                if (result >> l & 1) res[nres++] = l;
            for (int k = 0; k < nres; k++)
                for (int m = k + 1; m < nres; m++)
                    if (sp->dim[res[m]] < sp->dim[res[k]] ||
                        (sp->dim[res[m]] == sp->dim[res[k]] && label_char(res[m]) < label_char(res[k]))) {
                        int t = res[k];
                        res[k] = res[m];
                        res[m] = t;
                    }
        }
        nlab[nin] = nres;
        bcast[nin] = bc & ~removed;
        nin++;
        for (int k = 0; k < nin; k++) in[k] = rem[k];
        nd__sb_puts(&cur, "->");
        put_labels(&cur, res, nres);
        nd__sb_spaces(&steps, cur.p ? 24 - (ptrdiff_t)cur.len : 24);
        if (cur.p) nd__sb_puts(&steps, cur.p);
        nd__sb_release(&cur);
        nd__strbuf remaining = { .who = who };
        for (int k = 0; k < nin; k++) {
            if (k) nd__sb_putc(&remaining, ',');
            put_labels(&remaining, lab[k], nlab[k]);
        }
        nd__sb_puts(&remaining, "->");
        put_labels(&remaining, sp->out.lab, sp->out.n);
        nd__sb_putc(&steps, ' ');
        nd__sb_spaces(&steps, remaining.p ? 40 - (ptrdiff_t)remaining.len : 40);
        if (remaining.p) nd__sb_puts(&steps, remaining.p);
        if (remaining.failed) steps.failed = true;
        nd__sb_release(&remaining);
    }
    out->naive_flops = naive;
    out->optimized_flops = opt_cost;
    out->naive_scaling = nidx;
    out->optimized_scaling = max_scale;
    out->largest_intermediate = max_inter;
    if (report) {
        char line[160];
        nd__sb_puts(&b, "  Complete contraction:  ");
        for (int i = 0; i < n; i++) {
            if (i) nd__sb_putc(&b, ',');
            put_labels(&b, sp->in[i].lab, sp->in[i].n);
        }
        nd__sb_puts(&b, "->");
        put_labels(&b, sp->out.lab, sp->out.n);
        snprintf(line, sizeof line, "\n         Naive scaling:  %d\n     Optimized scaling:  %d\n"
                 "      Naive FLOP count:  %.3e\n  Optimized FLOP count:  %.3e\n"
                 "   Theoretical speedup:  %3.3f\n", nidx, max_scale, naive, opt_cost,
                 naive / opt_cost);
        nd__sb_puts(&b, line);
        snprintf(line, sizeof line, "  Largest intermediate:  %.3e elements\n", max_inter);
        nd__sb_puts(&b, line);
        for (int i = 0; i < 74; i++) nd__sb_putc(&b, '-');
        snprintf(line, sizeof line, "\n%6s %24s %40s\n", "scaling", "current", "remaining");
        nd__sb_puts(&b, line);
        for (int i = 0; i < 74; i++) nd__sb_putc(&b, '-');
        if (steps.p) nd__sb_puts(&b, steps.p);
        if (steps.failed || b.failed) {
            st = nd_set_error(ND_ENOMEM, "%s: out of memory writing the report", who);
        } else {
            *report = b.p;
            b.p = NULL;
        }
    }
    nd__sb_release(&steps);
done:
    nd__sb_release(&b);
    nd_free_mem(sp);
    if (st == ND_OK) nd_clear_error();
    return st;
}

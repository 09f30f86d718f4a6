/* Window functions (numpy.bartlett, blackman, hamming, hanning, kaiser), numpy.i0 and
 * numpy.unwrap, with NumPy's formulas and order of operations. */
#include "special_internal.h"

static const double PI = 3.141592653589793238462643383279502884;

/* ---- i0 ---------------------------------------------------------------------------------- */
/* Cephes' Chebyshev coefficients as in numpy/lib/function_base.py: _i0A for |x| <= 8
 * (argument x/2 - 2), _i0B for |x| > 8 (argument 32/x - 2). */
static const double I0A[30] = {
    -4.4153416464793395e-18, 3.3307945188222384e-17, -2.431279846547955e-16,
    1.715391285555133e-15,   -1.1685332877993451e-14, 7.676185498604936e-14,
    -4.856446783111929e-13,  2.95505266312964e-12,   -1.726826291441556e-11,
    9.675809035373237e-11,   -5.189795601635263e-10, 2.6598237246823866e-09,
    -1.300025009986248e-08,  6.046995022541919e-08,  -2.670793853940612e-07,
    1.1173875391201037e-06,  -4.4167383584587505e-06, 1.6448448070728896e-05,
    -5.754195010082104e-05,  0.00018850288509584165, -0.0005763755745385824,
    0.0016394756169413357,   -0.004324309995050576,  0.010546460394594998,
    -0.02373741480589947,    0.04930528423967071,    -0.09490109704804764,
    0.17162090152220877,     -0.3046826723431984,    0.6767952744094761,
};
static const double I0B[25] = {
    -7.233180487874754e-18,  -4.830504485944182e-18, 4.46562142029676e-17,
    3.461222867697461e-17,   -2.8276239805165836e-16, -3.425485619677219e-16,
    1.7725601330565263e-15,  3.8116806693526224e-15, -9.554846698828307e-15,
    -4.150569347287222e-14,  1.54008621752141e-14,   3.8527783827421426e-13,
    7.180124451383666e-13,   -1.7941785315068062e-12, -1.3215811840447713e-11,
    -3.1499165279632416e-11, 1.1889147107846439e-11, 4.94060238822497e-10,
    3.3962320257083865e-09,  2.266668990498178e-08,  2.0489185894690638e-07,
    2.8913705208347567e-06,  6.889758346916825e-05,  0.0033691164782556943,
    0.8044904110141088,
};

/* NumPy's _chbevl on m arguments at once (y in, r out; b holds 2m scratch): the same
 * recurrence b0 = y*b1 - b2 + c[i], element by element, so the loop over elements
 * vectorises and every result equals the scalar recurrence. */
static void chbevl_block(const double *y, double *r, ptrdiff_t m, const double *c, int nc,
                         double *b)
{
    double *b1 = b, *b2 = b + m;
    for (ptrdiff_t k = 0; k < m; k++) {
        r[k] = c[0]; /* r is b0 */
        b1[k] = 0.0;
        b2[k] = 0.0;
    }
    for (int i = 1; i < nc; i++) {
        const double ci = c[i];
        for (ptrdiff_t k = 0; k < m; k++) {
            const double t2 = b1[k], t1 = r[k];
            b2[k] = t2;
            b1[k] = t1;
            r[k] = y[k] * t1 - t2 + ci;
        }
    }
    for (ptrdiff_t k = 0; k < m; k++) r[k] = 0.5 * (r[k] - b2[k]);
}

enum { I0_BLOCK = 256 };

/* i0 of n doubles, in place allowed: NumPy's piecewise(|x|, [|x| <= 8], [_i0_1, _i0_2]),
 * _i0_1 = exp(x) * chbevl(x/2 - 2, A), _i0_2 = exp(x) * chbevl(32/x - 2, B) / sqrt(x).
 * Per block, the two branches' arguments are gathered so each runs as a straight loop. */
static void i0_run(const double *x, double *out, ptrdiff_t n)
{
    double t[2][I0_BLOCK], y[I0_BLOCK], e[I0_BLOCK], r[I0_BLOCK], b[2 * I0_BLOCK];
    int idx[2][I0_BLOCK];
    const ptrdiff_t steps[2] = { sizeof(double), sizeof(double) };
    for (ptrdiff_t s = 0; s < n; s += I0_BLOCK) {
        const int m = (int)(n - s < I0_BLOCK ? n - s : I0_BLOCK);
        int cnt[2] = { 0, 0 };
        for (int k = 0; k < m; k++) {
            const double v = fabs(x[s + k]);
            const int br = islessequal(v, 8.0) ? 0 : 1; /* NaN: the second branch, as NumPy */
            t[br][cnt[br]] = v;
            idx[br][cnt[br]++] = k;
        }
        for (int br = 0; br < 2; br++) {
            const ptrdiff_t c = cnt[br];
            if (!c) continue;
            const double *tv = t[br];
            if (br == 0)
                for (ptrdiff_t k = 0; k < c; k++) y[k] = tv[k] / 2.0 - 2;
            else
                for (ptrdiff_t k = 0; k < c; k++) y[k] = 32.0 / tv[k] - 2.0;
            chbevl_block(y, r, c, br == 0 ? I0A : I0B, br == 0 ? 30 : 25, b);
            char *args[2] = { (char *)(uintptr_t)tv, (char *)e };
            const ptrdiff_t dims[1] = { c };
            nd__vm_exp_f64(args, dims, steps, NULL);
            if (br == 0)
                for (ptrdiff_t k = 0; k < c; k++) out[s + idx[0][k]] = e[k] * r[k];
            else
                for (ptrdiff_t k = 0; k < c; k++)
                    out[s + idx[1][k]] = e[k] * r[k] / sqrt(tv[k]);
        }
    }
}

nd_array *nd_i0(const nd_array *x)
{
    static const char *who = "nd_i0";
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (nd_dtype_is_complex(x->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: i0 not supported for complex values", who);
    nd_array *d = nd__special_convert(x, ND_FLOAT64, who);
    if (!d) return NULL;
    nd__fpe_clear();
    i0_run((const double *)d->data, (double *)d->data, d->size);
    if (nd__fpe_check(who) < 0) {
        nd_free(d);
        return NULL;
    }
    if (x->dtype != ND_FLOAT32) return d;
    nd_array *f = nd__special_convert(d, ND_FLOAT32, who);
    nd_free(d);
    return f;
}

/* ---- windows ------------------------------------------------------------------------------- */
/* A new float64 array of M points (none for M < 1, NumPy's empty window); the M == 1
 * window [1.] is filled in, larger ones are the caller's to fill. */
static nd_array *window_alloc(ptrdiff_t M, const char *who)
{
    const ptrdiff_t n = M < 1 ? 0 : M;
    nd_array *w = nd__alloc(1, &n, ND_FLOAT64, false, who);
    if (w && M == 1) ((double *)w->data)[0] = 1.0;
    return w;
}

/* The first h = ceil(M/2) angles c * n / (M-1), n = 1-M, 3-M, ... (NumPy: c*n first, then
 * the division), into a[]. */
static void window_angles(double *a, ptrdiff_t M, double c)
{
    const ptrdiff_t h = (M + 1) / 2;
    const double den = (double)(M - 1);
    for (ptrdiff_t i = 0; i < h; i++) a[i] = c * (double)(1 - M + 2 * i) / den;
}

/* cos of m doubles in place, on the vector math loops. */
static void cos_inplace(double *a, ptrdiff_t m)
{
    char *args[2] = { (char *)a, (char *)a };
    const ptrdiff_t dims[1] = { m }, steps[2] = { sizeof(double), sizeof(double) };
    nd__vm_cos_f64(args, dims, steps, NULL);
}

/* w[M-1-i] = w[i]: NumPy's n is symmetric and cos even, so its windows are too. */
static void window_mirror(double *w, ptrdiff_t M)
{
    for (ptrdiff_t i = 0; i < M / 2; i++) w[M - 1 - i] = w[i];
}

/* a0 + a1 cos(pi n/(M-1)): hanning (0.5, 0.5) and hamming (0.54, 0.46). */
static nd_array *cos_window(ptrdiff_t M, double a0, double a1, const char *who)
{
    nd_array *out = window_alloc(M, who);
    if (!out || M < 2) return out;
    double *w = (double *)out->data;
    const ptrdiff_t h = (M + 1) / 2;
    window_angles(w, M, PI);
    cos_inplace(w, h);
    for (ptrdiff_t i = 0; i < h; i++) w[i] = a0 + a1 * w[i];
    window_mirror(w, M);
    return out;
}

nd_array *nd_hanning(ptrdiff_t M) { return cos_window(M, 0.5, 0.5, "nd_hanning"); }
nd_array *nd_hamming(ptrdiff_t M) { return cos_window(M, 0.54, 0.46, "nd_hamming"); }

nd_array *nd_blackman(ptrdiff_t M)
{
    static const char *who = "nd_blackman";
    nd_array *out = window_alloc(M, who);
    if (!out || M < 2) return out;
    const ptrdiff_t h = (M + 1) / 2;
    double *w = (double *)out->data;
    double *c2 = nd__malloc_n(h, sizeof(double), who);
    if (!c2) {
        nd_free(out);
        return NULL;
    }
    window_angles(w, M, PI);
    window_angles(c2, M, 2.0 * PI);
    cos_inplace(w, h);
    cos_inplace(c2, h);
    for (ptrdiff_t i = 0; i < h; i++) w[i] = 0.42 + 0.5 * w[i] + 0.08 * c2[i];
    nd_free_mem(c2);
    window_mirror(w, M);
    return out;
}

nd_array *nd_bartlett(ptrdiff_t M)
{
    nd_array *out = window_alloc(M, "nd_bartlett");
    if (!out || M < 2) return out;
    double *w = (double *)out->data;
    const double den = (double)(M - 1);
    for (ptrdiff_t i = 0; i < M; i++) {
        const double n = (double)(1 - M + 2 * i);
        w[i] = n <= 0 ? 1 + n / den : 1 - n / den;
    }
    return out;
}

nd_array *nd_kaiser(ptrdiff_t M, double beta)
{
    static const char *who = "nd_kaiser";
    nd_array *out = window_alloc(M, who);
    if (!out || M < 2) return out;
    double *w = (double *)out->data;
    const ptrdiff_t h = (M + 1) / 2;
    const double alpha = (double)(M - 1) / 2.0;
    for (ptrdiff_t i = 0; i < h; i++) {
        const double q = ((double)i - alpha) / alpha;
        w[i] = beta * sqrt(1 - q * q);
    }
    double den = beta;
    nd__fpe_clear();
    i0_run(w, w, h);
    i0_run(&den, &den, 1);
    for (ptrdiff_t i = 0; i < h; i++) w[i] = w[i] / den;
    window_mirror(w, M);
    if (nd__fpe_check(who) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* ---- unwrap -------------------------------------------------------------------------------- */
/* NumPy's float remainder (npy_remainder): the result has the divisor's sign. Quiet
 * comparisons (isless ...) throughout: a NaN phase raises no "invalid", as in NumPy. */
#define UNWRAP_KERNEL(T, sfx, FMOD)                                                          \
    static inline T rem_##sfx(T a, T b)                                                     \
    {                                                                                       \
        T mod = FMOD(a, b);                                                                 \
        if (!b) return mod;                                                                 \
        if (mod) {                                                                          \
            if (isless(b, (T)0) != isless(mod, (T)0)) mod += b;                             \
        } else {                                                                            \
            mod = copysign((T)0, b);                                                        \
        }                                                                                   \
        return mod;                                                                         \
    }                                                                                       \
    /* One lane of len elements at stride s (elements) of u, in place. abs_dd: bool   \
     * input, whose numpy.diff is not_equal (|difference|). */                              \
    static void unwrap_##sfx(T *u, ptrdiff_t len, ptrdiff_t s, T per, T ih, T il, T disc,  \
                             bool abs_dd)                                                   \
    {                                                                                       \
        T prev = u[0], cum = 0;                                                             \
        for (ptrdiff_t k = 1; k < len; k++) {                                               \
            const T cur = u[k * s];                                                         \
            T dd = cur - prev;                                                              \
            if (abs_dd) dd = (T)fabs(dd);                                                   \
            T ddmod = rem_##sfx(dd - il, per) + il;                                         \
            if (ddmod == il && isgreater(dd, (T)0)) ddmod = ih;                             \
            T ph = ddmod - dd;                                                              \
            if (isless((T)fabs(dd), disc)) ph = 0;                                          \
            cum = cum + ph;                                                                 \
            u[k * s] = cur + cum;                                                           \
            prev = cur;                                                                     \
        }                                                                                   \
    }
UNWRAP_KERNEL(double, f64, fmod)
UNWRAP_KERNEL(float, f32, fmodf)

nd_array *nd_unwrap_(const nd_array *p, const nd_unwrap_opts *o)
{
    static const char *who = "nd_unwrap";
    const nd_unwrap_opts opts = o ? *o : ND_UNWRAP_DEFAULTS;
    if (!p) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (opts.period_is_keyword_only_write_dot_period)
        return ND_FAIL(ND_EVALUE, "%s: period is keyword-only: write .period = ...", who);
    if (nd_dtype_is_complex(p->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: not supported for complex input (%s)", who,
                       nd_dtype_name(p->dtype));
    if (p->ndim == 0)
        return ND_FAIL(ND_EVALUE, "%s: diff requires input that is at least one dimensional",
                       who);
    int axis = opts.axis;
    if (nd__norm_axis(&axis, p->ndim, who) < 0) return NULL;
    const nd_dtype t = p->dtype == ND_FLOAT32 ? ND_FLOAT32 : ND_FLOAT64;
    nd_array *u = nd__special_convert(p, t, who);
    if (!u) return NULL;
    const double period = opts.period != 0 ? opts.period : 2 * PI;
    const double ih = period / 2, il = -ih;
    const double disc = opts.discont != 0 ? opts.discont : period / 2;
    const bool abs_dd = p->dtype == ND_BOOL;
    ptrdiff_t outer = 1, inner = 1;
    for (int d = 0; d < axis; d++) outer *= p->shape[d];
    for (int d = axis + 1; d < p->ndim; d++) inner *= p->shape[d];
    const ptrdiff_t len = p->shape[axis];
    /* No floating-point conditions are reported: NumPy's unwrap warns about none for NaN
     * phases, and clang may compile the quiet comparisons above to signalling ones, so
     * the flags are put back as they were. */
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    if (len > 1) {
        for (ptrdiff_t a = 0; a < outer; a++) {
            for (ptrdiff_t j = 0; j < inner; j++) {
                const ptrdiff_t off = a * len * inner + j;
                if (t == ND_FLOAT32)
                    unwrap_f32((float *)u->data + off, len, inner, (float)period, (float)ih,
                               (float)il, (float)disc, abs_dd);
                else
                    unwrap_f64((double *)u->data + off, len, inner, period, ih, il, disc,
                               abs_dd);
            }
        }
    }
    fesetexceptflag(&saved, FE_ALL_EXCEPT);
    return u;
}

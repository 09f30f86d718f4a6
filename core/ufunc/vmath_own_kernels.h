/* Template of numc's own float64 kernels of one instruction set (vmath_own.h), included
 * by vmath_own_<isa>.c after it defines:
 *   VO_ISA        numc's name of the set (avx2, avx512), VO_W its lanes of double;
 *   vo_vd, vo_vi, vo_vu  the vector types of double, int64 and uint64 (GCC/clang vector
 *                 extensions, the same width as the set's registers);
 *   vo_fma        fused a * b + c; vo_gather: base[idx[l]] in each lane l (without
 *                 VO_TABLE16, or with VO_WITH_LOG);
 *   vo_any/vo_all some / every lane of a mask (lanes 0 or all ones) set;
 *   VO_TABLE16    (optional) vo_table16(t, idx): t[idx & 15] from registers, which
 *                 selects exp's 16-entry table in place of the 128-entry gather;
 *   VO_WITH_LOG   (optional) define the log kernel.
 * The techniques (tables, Cody-Waite reduction, double-double sums) are the standard
 * ones; the error bounds quoted are those of the test suite's measurement
 * (tests/test_ulp_f64.c). */
#include <float.h>
#include <math.h>
#include <string.h>

#include "vmath_own_tables.h"

#define VO_CAT_(a, b) a##b
#define VO_CAT(a, b) VO_CAT_(a, b)
#define VO_NAME(f) VO_CAT(VO_CAT(nd__vo_, VO_ISA), VO_CAT(_, VO_CAT(f, _f64)))

#define VO_ABS_MASK 0x7fffffffffffffffULL
static inline vo_vd vo_abs(vo_vd x) { return (vo_vd)((vo_vu)x & VO_ABS_MASK); }

/* ---- exp ----------------------------------------------------------------------------------
 * x = k ln2/128 + r, |r| <= ln2/256 (k = round(x 128/ln2) by the 1.5 * 2^52 shift, r by a
 * two-part ln2/128); exp(x) = 2^(k>>7) 2^(j/128) exp(r), j = k & 127, with 2^(j/128) =
 * hi (1 + tail) from the table and exp(r) - 1 - r a degree-5 minimax polynomial (the
 * coefficients of ARM's optimized-routines / musl, abs. error 1.6 2^-66 on the interval);
 * the scale 2^(k>>7) hi is built from the exponent bits. Main range |x| <= 708, where the
 * result is a normal number. */
#ifndef VO_TABLE16
static inline vo_vd vo_exp_parts(vo_vd x, vo_vi *special, vo_vd *tail_, vo_vd *r_, vo_vd *rerr_,
                                 vo_vd *p_)
{
    const double inv_ln2n = 0x1.71547652b82fep0 * 128, shift = 0x1.8p52;
    const double neg_ln2hi_n = -0x1.62e42fefa0000p-8, neg_ln2lo_n = -0x1.cf79abc9e3b3ap-47;
    const double c2 = 0x1.ffffffffffdbdp-2, c3 = 0x1.555555555543cp-3;
    const double c4 = 0x1.55555cf172b91p-5, c5 = 0x1.1111167a4d017p-7;
    *special = ~(vo_vi)(vo_abs(x) <= 708.0); /* also NaN */
    vo_vd kd = x * inv_ln2n + shift;
    const vo_vu ki = (vo_vu)kd;
    kd = kd - shift;
    const vo_vd r1 = vo_fma(kd, (vo_vd){ 0 } + neg_ln2hi_n, x); /* exact */
    const vo_vd rc = kd * neg_ln2lo_n, r = r1 + rc;
    *rerr_ = (r1 - r) + rc; /* r's rounding error (vo_tanh) */
    const vo_vu idx = (ki & 127) << 1;
    const vo_vd tail = vo_gather((const double *)vo_exp_tab, idx);
    const vo_vd scale = (vo_vd)((vo_vu)vo_gather((const double *)vo_exp_tab, idx + 1) + (ki << 45));
    const vo_vd r2 = r * r;
    const vo_vd p = vo_fma(r2, vo_fma(r, (vo_vd){ 0 } + c3, (vo_vd){ 0 } + c2),
                           r2 * r2 * vo_fma(r, (vo_vd){ 0 } + c5, (vo_vd){ 0 } + c4));
    *tail_ = tail;
    *r_ = r;
    *p_ = p;
    return scale;
}
#else
/* The same with 16 subintervals, the table in registers (vo_table16: a permute instead
 * of a gather): |r| <= ln2/32, exp(r) - 1 - r its Taylor polynomial to degree 7
 * (truncation 2^-59.5). */
static inline vo_vd vo_exp_parts(vo_vd x, vo_vi *special, vo_vd *tail_, vo_vd *r_, vo_vd *rerr_,
                                 vo_vd *p_)
{
    const double inv_ln2n = 0x1.71547652b82fep+4, shift = 0x1.8p52;
    const double ln2hi_n = 0x1.62e42fefa39efp-5, ln2lo_n = 0x1.abc9e3b39803fp-60;
    *special = ~(vo_vi)(vo_abs(x) <= 708.0); /* also NaN */
    vo_vd kd = x * inv_ln2n + shift;
    const vo_vu ki = (vo_vu)kd;
    kd = kd - shift;
    const vo_vd r1 = vo_fma(-kd, (vo_vd){ 0 } + ln2hi_n, x); /* exact where k is small */
    const vo_vd rc = -kd * ln2lo_n, r = r1 + rc;
    *rerr_ = (r1 - r) + rc; /* r's rounding error (vo_tanh) */
    const vo_vd tail = vo_table16(vo_exp16_tail, ki);
    const vo_vd scale = (vo_vd)((vo_vu)vo_table16((const double *)vo_exp16_bits, ki) + (ki << 48));
    const vo_vd r2 = r * r, r4 = r2 * r2;
    const vo_vd p23 = vo_fma(r, (vo_vd){ 0 } + 0x1.5555555555555p-3, (vo_vd){ 0 } + 0.5);
    const vo_vd p45 = vo_fma(r, (vo_vd){ 0 } + 0x1.1111111111111p-7, (vo_vd){ 0 } + 0x1.5555555555555p-5);
    const vo_vd p67 = vo_fma(r, (vo_vd){ 0 } + 0x1.a01a01a01a01ap-13, (vo_vd){ 0 } + 0x1.6c16c16c16c17p-10);
    const vo_vd p = r2 * vo_fma(r4, p67, vo_fma(r2, p45, p23));
    *tail_ = tail;
    *r_ = r;
    *p_ = p;
    return scale;
}
#endif

/* exp(x) = scale (1 + t) unrounded, t = tail + r + p of vo_exp_parts: the hyperbolic
 * kernels below add to it before the one rounding */
static inline vo_vd vo_exp_st(vo_vd x, vo_vi *special, vo_vd *t)
{
    vo_vd tail, r, rerr, p;
    const vo_vd scale = vo_exp_parts(x, special, &tail, &r, &rerr, &p);
    *t = tail + r + p;
    return scale;
}
static inline vo_vd vo_exp(vo_vd x, vo_vi *special)
{
    vo_vd t;
    const vo_vd scale = vo_exp_st(x, special, &t);
    return vo_fma(scale, t, scale);
}

/* ---- cosh, sinh ---------------------------------------------------------------------------
 * From E = exp(|x|) = scale (1 + t) (vo_exp_st, scale >= 1) and 1/E = q (1 + e), the
 * reciprocal of E as a double-double (Eh + El) refined by one Newton step (2^-100
 * relative): cosh, sinh = scale/2 + scale t/2 +- (q/2 + q e/2). The two large terms
 * scale/2 >= q/2 are summed exactly (s + err, a fast two-sum) and the small ones added
 * to err, so the error stays near the final rounding's 0.5 ULP (rounding 1/E and the
 * sum separately cost up to 0.5 ULP more near x = 0, where both terms are about 1/2).
 * For |x| < 1/4, where the absolute error of t (about 2^-61) would be a sizeable part of
 * sinh's ULP, sinh is x + x^3 Q(x^2), Q the Taylor series to x^13/13! (truncation below
 * 2^-67 of the result). Main range |x| <= 708 (exp's). */
static inline vo_vd vo_sel(vo_vi m, vo_vd a, vo_vd b) /* a where m, else b */
{
    return (vo_vd)(((vo_vi)a & m) | ((vo_vi)b & ~m));
}
/* exp(|x|)/2 +- exp(-|x|)/2 with sign sg = +-1 */
static inline vo_vd vo_hyp(vo_vd ax, vo_vi *special, double sg)
{
    vo_vd t;
    const vo_vd scale = vo_exp_st(ax, special, &t);
    const vo_vd eh = vo_fma(scale, t, scale);
    const vo_vd el = vo_fma(scale, t, scale - eh); /* scale - eh exact: Sterbenz */
    const vo_vd q = 1.0 / eh;
    const vo_vd e = vo_fma(-q, eh, (vo_vd){ 0 } + 1.0) - q * el;
    const vo_vd half = 0.5 * scale, hq = sg * 0.5 * q;
    const vo_vd s = half + hq;
    const vo_vd err = (half - s) + hq;
    return s + (err + vo_fma(hq, e, half * t));
}
static inline vo_vd vo_cosh(vo_vd x, vo_vi *special) { return vo_hyp(vo_abs(x), special, 1.0); }
static inline vo_vd vo_sinh(vo_vd x, vo_vi *special)
{
    const vo_vd ax = vo_abs(x);
    const vo_vd big = vo_hyp(ax, special, -1.0);
    const vo_vd x2 = x * x, x4 = x2 * x2;
    /* Q = sum x^(2k) / (2k+3)!, k = 0..5, in Estrin's scheme on x2, x4 */
    const vo_vd q01 = vo_fma(x2, (vo_vd){ 0 } + 0x1.1111111111111p-7, (vo_vd){ 0 } + 0x1.5555555555555p-3);
    const vo_vd q23 = vo_fma(x2, (vo_vd){ 0 } + 0x1.71de3a556c734p-19, (vo_vd){ 0 } + 0x1.a01a01a01a01ap-13);
    const vo_vd q45 = vo_fma(x2, (vo_vd){ 0 } + 0x1.6124613a86d09p-33, (vo_vd){ 0 } + 0x1.ae64567f544e4p-26);
    const vo_vd q = vo_fma(x4, vo_fma(x4, q45, q23), q01);
    const vo_vd small = vo_fma(x * x2, q, x);
    const vo_vi is_small = (vo_vi)(ax < 0.25);
    /* the sign of x on the large lanes */
    const vo_vd sbig = (vo_vd)((vo_vu)big | ((vo_vu)x & ~(vo_vu){ 0 } << 63));
    return vo_sel(is_small, small, sbig);
}

/* ---- expm1, tanh -------------------------------------------------------------------------
 * expm1(x) = (scale - 1) + scale (tail + r) + scale p from vo_exp_parts as a normalised
 * double-double mh + ml: scale - 1, scale (tail + r) by exact two-sums and products, the
 * small terms added to the error, with what vo_exp drops (tail (r + p), r's rounding
 * error: each up to 2^-54 of a small result). So mh is expm1 within the final rounding
 * (and the polynomials' truncation), without cancellation near 0: there scale = 1 and
 * m = r + p. tanh |x| = m / (m + 2), m = expm1(2|x|), with one reciprocal and a
 * residual correction (the reciprocal of the normalised dh is that of d to 2^-53).
 * Main range |x| <= 708 (exp's; tanh: |x| <= 354, it is +-1 beyond). */
static inline vo_vd vo_two_sum(vo_vd a, vo_vd b, vo_vd *err)
{
    const vo_vd s = a + b, bb = s - a;
    *err = (a - (s - bb)) + (b - bb);
    return s;
}
static inline vo_vd vo_expm1_dd(vo_vd x, vo_vi *special, vo_vd *ml)
{
    vo_vd tail, r, rerr, p, e0, e1, e2;
    const vo_vd scale = vo_exp_parts(x, special, &tail, &r, &rerr, &p);
    const vo_vd a = vo_two_sum(tail, r, &e0);
    const vo_vd ph = scale * a, pl = vo_fma(scale, a, -ph);
    const vo_vd sm1 = vo_two_sum(scale, (vo_vd){ 0 } - 1.0, &e1); /* exact unless scale < 1/2 */
    const vo_vd m1 = vo_two_sum(sm1, ph, &e2);
    const vo_vd lo = vo_fma(tail, r + p, e0 + p + rerr);
    return vo_two_sum(m1, (e1 + e2) + vo_fma(scale, lo, pl), ml);
}
static inline vo_vd vo_expm1(vo_vd x, vo_vi *special)
{
    vo_vd ml;
    return vo_expm1_dd(x, special, &ml);
}
static inline vo_vd vo_tanh(vo_vd x, vo_vi *special)
{
    vo_vd ml, e;
    const vo_vd mh = vo_expm1_dd(2.0 * vo_abs(x), special, &ml);
    const vo_vd dh = vo_two_sum(mh, (vo_vd){ 0 } + 2.0, &e), dl = e + ml;
    const vo_vd inv = 1.0 / dh;
    const vo_vd qh = mh * inv;
    const vo_vd rr = vo_fma(-qh, dh, mh) + (ml - qh * dl); /* m - qh d */
    const vo_vd q = vo_fma(rr, inv, qh);
    return (vo_vd)((vo_vu)q | ((vo_vu)x & ~(vo_vu){ 0 } << 63));
}

/* ---- cbrt ---------------------------------------------------------------------------------
 * |x| = 2^(3q) m with q = round(e/3) (e the exponent, an exact double; q by the shift
 * trick), m in [1/2, 4); y ~ m^(-1/3) by a degree-6 fit (2^-9 relative) and two
 * division-free Newton steps y += y (1 - m y^3)/3 (2^-35); c = m y^2, then one Newton
 * step on c with the residual m - c^3 computed exactly (double-double c^2, c^3):
 * cbrt(m) = c + (m - c^3) y^2/3 with an error of about 2^-68 before the final rounding.
 * cbrt(x) = sign(x) 2^q cbrt(m), the scaling by the exponent bits (exact: the result is
 * normal). Main range: normal finite x. */
static inline vo_vd vo_cbrt(vo_vd x, vo_vi *special)
{
    const double shift = 0x1.8p52;
    const vo_vd ax = vo_abs(x);
    const vo_vu ix = (vo_vu)ax;
    *special = ~((vo_vi)(ax >= DBL_MIN) & (vo_vi)(ax <= DBL_MAX)); /* also NaN */
    const vo_vd ed = (vo_vd)((ix >> 52) | 0x4330000000000000ULL) - (0x1p52 + 1023);
    const vo_vd qd = (ed * (1.0 / 3) + shift) - shift; /* e/3 is never near a half */
    const vo_vu q = (vo_vu)(qd + shift), q3 = (vo_vu)(3 * qd + shift);
    const vo_vd m = (vo_vd)(ix - (q3 << 52)); /* the shifts drop the shift's bits */
    const vo_vd m2 = m * m;
    const vo_vd c01 = vo_fma(m, (vo_vd){ 0 } - 0x1.d3bf5824e59c3p+0, (vo_vd){ 0 } + 0x1.dea8a5d9d2b9dp+0);
    const vo_vd c23 = vo_fma(m, (vo_vd){ 0 } - 0x1.91243ed25fff5p-1, (vo_vd){ 0 } + 0x1.8b63fde8c96dap+0);
    const vo_vd c45 = vo_fma(m, (vo_vd){ 0 } - 0x1.206b3add2b8cbp-5, (vo_vd){ 0 } + 0x1.d39924beebf74p-3);
    vo_vd y = vo_fma(m2, vo_fma(m2, vo_fma(m2, (vo_vd){ 0 } + 0x1.23484d6195e40p-9, c45), c23), c01);
    for (int k = 0; k < 2; k++) {
        const vo_vd e = vo_fma(-m, y * y * y, (vo_vd){ 0 } + 1.0);
        y = vo_fma(y * e, (vo_vd){ 0 } + 1.0 / 3, y);
    }
    const vo_vd yy = y * y, c = m * yy;
    const vo_vd c2h = c * c, c2l = vo_fma(c, c, -c2h);
    const vo_vd c3h = c2h * c, c3l = vo_fma(c2h, c, -c3h) + c2l * c;
    const vo_vd res = (m - c3h) - c3l; /* m - c3h exact: Sterbenz */
    const vo_vd r = vo_fma(res, yy * (1.0 / 3), c);
    return (vo_vd)(((vo_vu)r + (q << 52)) | ((vo_vu)x & ~(vo_vu){ 0 } << 63));
}

#ifdef VO_WITH_LOG
/* ---- log ----------------------------------------------------------------------------------
 * x = 2^k z with z in [0x1.6p-1, 0x1.6p0) (offset 0x3fe6000000000000); the top 7 bits of
 * z's mantissa pick c (the table's invc = 1/c, log c as a double-double); r = z/c - 1
 * exactly as a double-double (|r| <= 2^-8); log x = k ln2 + log c + log1p(r), summed
 * with two fast two-sums and log1p(r) - r as its Taylor polynomial to degree 8. The
 * subintervals around 1 have c = 1 (r = x - 1 exactly, |r| < 2^-7), so there is no
 * cancellation near x = 1. Main range: positive normal finite x. */
/* log(x + err), |err| <= ulp(x)/2 (log1p): log x + err/x added before the final
 * rounding; err/x = err invc 2^-k / (1 + r) taken as err invc 2^-k (1 - r), relative
 * error r^2 <= 2^-16 of a term at most 2^-52 of the result. 2^-k is built from the
 * exponent bits as 2^(1-k) / 2: 0 for k = 1024 (x near DBL_MAX, z < 1), where err/x is
 * far below the result's ULP. */
static inline vo_vd vo_log_err(vo_vd x, vo_vd err, vo_vi *special)
{
    const unsigned long long off = 0x3fe6000000000000ULL;
    const double ln2hi = 0x1.62e42fefa3800p-1, ln2lo = 0x1.ef35793c76730p-45;
    const vo_vu ix = (vo_vu)x;
    *special = (vo_vi)(ix - 0x0010000000000000ULL >= 0x7fe0000000000000ULL);
    const vo_vu t = ix - off;
    const vo_vu i = (t >> 45) & 127;
    const vo_vi k = (vo_vi)t >> 52;
    const vo_vd z = (vo_vd)(ix - (t & 0xfff0000000000000ULL));
    const vo_vd kd = (vo_vd)((vo_vu)k + 0x4338000000000000ULL) - 0x1.8p52;
    const vo_vd invc = vo_gather(vo_log_invc, i);
    const vo_vd logc_hi = vo_gather(vo_log_hi, i), logc_lo = vo_gather(vo_log_lo, i);
    /* r = z invc - 1 exactly as r + rl: ph - 1 is exact (ph in [1/2, 2]), rl is the
     * product's rounding error, which adds rl / (1 + r) = rl - r rl to log1p(r) */
    const vo_vd ph = z * invc;
    const vo_vd rl = vo_fma(z, invc, -ph);
    const vo_vd r = ph - 1.0;
    /* hi + e1 + e2 = k ln2hi + logc_hi + r exactly: |k ln2hi| > |logc_hi| unless k = 0,
     * and |k ln2hi + logc_hi| > |r| unless both are 0 */
    const vo_vd a = kd * ln2hi; /* exact, |k| < 2^11 */
    const vo_vd s = a + logc_hi;
    const vo_vd e1 = logc_hi - (s - a);
    const vo_vd hi = s + r;
    const vo_vd e2 = r - (hi - s);
    const vo_vd r2 = r * r, r4 = r2 * r2;
    /* log1p(r) - r = r^2 (-1/2 + r/3 - r^2/4 + r^3/5 - r^4/6 + r^5/7 - r^6/8) */
    const vo_vd p01 = vo_fma(r, (vo_vd){ 0 } + 0x1.5555555555555p-2, (vo_vd){ 0 } - 0.5);
    const vo_vd p23 = vo_fma(r, (vo_vd){ 0 } + 0.2, (vo_vd){ 0 } - 0.25);
    const vo_vd p45 = vo_fma(r, (vo_vd){ 0 } + 0x1.2492492492492p-3, (vo_vd){ 0 } - 0x1.5555555555555p-3);
    const vo_vd p = vo_fma(r4, vo_fma(r2, (vo_vd){ 0 } - 0.125, p45), vo_fma(r2, p23, p01));
    const vo_vd lo = vo_fma(r2, p, vo_fma(kd, (vo_vd){ 0 } + ln2lo, logc_lo) + ((e1 + e2) + vo_fma(-r, rl, rl)));
    const vo_vd two_mk = 0.5 * (vo_vd)((vo_vu)((vo_vi){ 0 } + 1024 - k) << 52);
    const vo_vd cr = err * invc * two_mk;
    return hi + (lo + vo_fma(-cr, r, cr));
}
static inline vo_vd vo_log(vo_vd x, vo_vi *special)
{
    return vo_log_err(x, (vo_vd){ 0 }, special);
}

/* ---- log1p --------------------------------------------------------------------------------
 * log1p x = log(u + err), u + err = 1 + x exactly (a two-sum): vo_log_err. Main range: u a
 * positive normal number. */
static inline vo_vd vo_log1p(vo_vd x, vo_vi *special)
{
    vo_vd err;
    const vo_vd u = vo_two_sum((vo_vd){ 0 } + 1.0, x, &err);
    return vo_log_err(u, err, special);
}
#endif

/* ---- the array kernels ------------------------------------------------------------------ */
/* The special lanes' scalar functions: libm's exp and log (< 0.52 ULP). */
static inline double vo_slow_exp(double x) { return exp(x); }
/* libm's cosh and sinh are up to 2 ULP off near the overflow threshold: long double */
static inline double vo_slow_cosh(double x) { return (double)coshl(x); }
static inline double vo_slow_sinh(double x) { return (double)sinhl(x); }
/* (subnormal x: libm's cbrt is within 1 ULP, long double is as cheap here) */
static inline double vo_slow_cbrt(double x) { return (double)cbrtl(x); }
static inline double vo_slow_tanh(double x) { return (double)tanhl(x); }
static inline double vo_slow_expm1(double x) { return (double)expm1l(x); }
#ifdef VO_WITH_LOG
static inline double vo_slow_log(double x) { return log(x); }
static inline double vo_slow_log1p(double x) { return (double)log1pl(x); }
#endif

/* One vector: the main path, then (out of line, rare) the scalar function on the special
 * lanes; the lanes are addressed in a separate function so that the hot loop keeps its
 * vectors in registers. */
#define VO_KERNEL(f)                                                                      \
    __attribute__((noinline)) static vo_vd VO_CAT(vo_fix_, f)(vo_vd x, vo_vd y, vo_vi sp) \
    {                                                                                     \
        double xs[VO_W], ys[VO_W];                                                        \
        long long ss[VO_W];                                                               \
        memcpy(xs, &x, sizeof xs);                                                        \
        memcpy(ys, &y, sizeof ys);                                                        \
        memcpy(ss, &sp, sizeof ss);                                                       \
        for (int l = 0; l < VO_W; l++)                                                    \
            if (ss[l]) ys[l] = VO_CAT(vo_slow_, f)(xs[l]);                                \
        memcpy(&y, ys, sizeof y);                                                         \
        return y;                                                                         \
    }                                                                                     \
    static inline vo_vd VO_CAT(vo_one_, f)(vo_vd x)                                       \
    {                                                                                     \
        vo_vi sp;                                                                         \
        const vo_vd y = VO_CAT(vo_, f)(x, &sp);                                           \
        return vo_any(sp) ? VO_CAT(vo_fix_, f)(x, y, sp) : y;                             \
    }                                                                                     \
    int VO_NAME(f)(const double *in, double *out, ptrdiff_t n, double lo)                 \
    {                                                                                     \
        vo_vi ok = ~(vo_vi){ 0 };                                                         \
        ptrdiff_t i = 0;                                                                  \
        for (; i + VO_W <= n; i += VO_W) {                                                \
            vo_vd x;                                                                      \
            memcpy(&x, in + i, sizeof x);                                                 \
            const vo_vd y = VO_CAT(vo_one_, f)(x), ay = vo_abs(y);                        \
            ok &= (vo_vi)(ay >= lo) & (vo_vi)(ay <= DBL_MAX);                             \
            memcpy(out + i, &y, sizeof y);                                                \
        }                                                                                 \
        if (i < n) {                                                                      \
            double t[VO_W];                                                               \
            const ptrdiff_t r = n - i;                                                    \
            for (ptrdiff_t k = 0; k < VO_W; k++) t[k] = in[i + (k < r ? k : r - 1)];      \
            vo_vd x;                                                                      \
            memcpy(&x, t, sizeof x);                                                      \
            const vo_vd y = VO_CAT(vo_one_, f)(x), ay = vo_abs(y);                        \
            ok &= (vo_vi)(ay >= lo) & (vo_vi)(ay <= DBL_MAX);                             \
            memcpy(t, &y, sizeof y);                                                      \
            memcpy(out + i, t, (size_t)r * sizeof(double));                               \
        }                                                                                 \
        return !vo_all(ok);                                                               \
    }
VO_KERNEL(exp)
VO_KERNEL(cosh)
VO_KERNEL(sinh)
VO_KERNEL(cbrt)
VO_KERNEL(tanh)
VO_KERNEL(expm1)
#ifdef VO_WITH_LOG
VO_KERNEL(log)
VO_KERNEL(log1p)
#endif

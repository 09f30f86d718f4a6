/* Tick locators and formatters, following matplotlib's ticker.py behaviour:
 * MaxNLocator with steps [1, 2, 2.5, 5, 10], LogLocator, a symlog locator, AutoMinorLocator,
 * and ScalarFormatter (offset and scientific notation), LogFormatterSciNotation,
 * PercentFormatter, printf and callback formatters. */
#include "plot_model.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Python's divmod for floats: floor division and a remainder with the divisor's sign. */
static void py_divmod(double x, double y, double *d, double *m)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0))) {
        mod += y;
        div -= 1.0;
    }
    double fl;
    if (div != 0) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, x / y);
    }
    *d = fl;
    *m = mod;
}

static double py_floordiv(double x, double y)
{
    double d, m;
    py_divmod(x, y, &d, &m);
    return d;
}

/* floor(log10(x)) as an int, clamped to [-400, 400] (beyond any double's decade, so a
 * range that overflowed to inf or a NaN cannot make the cast undefined). */
static int floor_log10(double x)
{
    double l = floor(log10(x));
    if (!(l > -400)) return -400;
    return l > 400 ? 400 : (int)l;
}

/* matplotlib.transforms.nonsingular */
void nplot__nonsingular(double *vmin, double *vmax, double expander, double tiny)
{
    if (!isfinite(*vmin) || !isfinite(*vmax)) {
        *vmin = -expander;
        *vmax = expander;
        return;
    }
    bool swapped = false;
    if (*vmax < *vmin) {
        double t = *vmin;
        *vmin = *vmax;
        *vmax = t;
        swapped = true;
    }
    double maxabs = fmax(fabs(*vmin), fabs(*vmax));
    if (maxabs < (1e6 / tiny) * DBL_MIN) {
        *vmin = -expander;
        *vmax = expander;
    } else if (*vmax - *vmin <= maxabs * tiny) {
        if (*vmax == 0 && *vmin == 0) {
            *vmin = -expander;
            *vmax = expander;
        } else {
            *vmin -= expander * fabs(*vmin);
            *vmax += expander * fabs(*vmax);
        }
    }
    if (swapped) {
        double t = *vmin;
        *vmin = *vmax;
        *vmax = t;
    }
}

typedef struct edge_int {
    double step, offset;
} edge_int;

static bool edge_closeto(const edge_int *e, double ms, double edge)
{
    double tol;
    if (e->offset > 0) {
        double digits = log10(e->offset / e->step);
        tol = fmax(1e-10, pow(10, digits - 12));
        tol = fmin(0.4999, tol);
    } else {
        tol = 1e-10;
    }
    return fabs(ms - edge) < tol;
}

static double edge_le(const edge_int *e, double x)
{
    double d, m;
    py_divmod(x, e->step, &d, &m);
    if (edge_closeto(e, m / e->step, 1)) return d + 1;
    return d;
}

static double edge_ge(const edge_int *e, double x)
{
    double d, m;
    py_divmod(x, e->step, &d, &m);
    if (edge_closeto(e, m / e->step, 0)) return d;
    return d + 1;
}

int nplot_maxn_ticks(double vmin, double vmax, int nbins, double *out, int cap)
{
    static const double steps[] = { 1, 2, 2.5, 5, 10 };
    return nplot__maxn_ticks_steps(vmin, vmax, nbins, steps, 5, 2, out, cap);
}

int nplot__contour_levels(double vmin, double vmax, int nbins, double *out, int cap)
{
    /* MaxNLocator's default steps, not the axis ticks' [1, 2, 2.5, 5, 10] */
    static const double steps[] = { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 };
    return nplot__maxn_ticks_steps(vmin, vmax, nbins, steps, 10, 1, out, cap);
}

int nplot__maxn_ticks_steps(double vmin, double vmax, int nbins, const double *base_steps,
                            int nsteps, int min_n_ticks, double *out, int cap)
{
    if (nbins < 1)
        return nd_set_error(ND_EVALUE, "nplot_maxn_ticks: nbins must be >= 1, got %d", nbins);
    if (!isfinite(vmin) || !isfinite(vmax))
        return nd_set_error(ND_EVALUE, "nplot_maxn_ticks: limits must be finite, got %g, %g",
                         vmin, vmax);
    nplot__nonsingular(&vmin, &vmax, 1e-13, 1e-14);
    if (vmax < vmin) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    if (!isfinite(vmax - vmin)) {
        /* limits near ±DBL_MAX: their span overflows. Ticks of the range a decade down,
         * scaled back up, are the same 1-2-2.5-5 staircase. */
        int n = nplot__maxn_ticks_steps(vmin / 10, vmax / 10, nbins, base_steps, nsteps,
                                        min_n_ticks, out, cap);
        for (int i = 0; i < n && i < cap; i++) out[i] *= 10;
        return n;
    }
    /* scale_range */
    double dv = fabs(vmax - vmin), meanv = (vmax + vmin) / 2, offset = 0;
    if (!(fabs(meanv) / dv < 100)) offset = copysign(pow(10, floor(log10(fabs(meanv)))), meanv);
    double scale = pow(10, floor(log10(dv / nbins)));
    double _vmin = vmin - offset, _vmax = vmax - offset;
    /* the extended staircase: 0.1*steps[:-1], steps, 10*steps[1] */
    double steps[2 * NPLOT__MAXN_STEPS];
    int ns = 0;
    nsteps = nsteps < NPLOT__MAXN_STEPS ? nsteps : NPLOT__MAXN_STEPS;
    for (int i = 0; i < nsteps - 1; i++) steps[ns++] = 0.1 * base_steps[i] * scale;
    for (int i = 0; i < nsteps; i++) steps[ns++] = base_steps[i] * scale;
    steps[ns++] = 10 * base_steps[1] * scale;
    double raw_step = (_vmax - _vmin) / nbins;
    int istep = ns - 1;
    for (int i = 0; i < ns; i++)
        if (steps[i] >= raw_step) {
            istep = i;
            break;
        }
    edge_int e = { 0, fabs(offset) };
    double low = 0, high = -1, step = steps[istep], best_vmin = 0;
    for (int i = istep; i >= 0; i--) {
        step = steps[i];
        best_vmin = py_floordiv(_vmin, step) * step;
        e.step = step;
        low = edge_le(&e, _vmin - best_vmin);
        high = edge_ge(&e, _vmax - best_vmin);
        int nvis = 0;
        for (double k = low; k <= high; k++) {
            double t = k * step + best_vmin;
            if (t <= _vmax && t >= _vmin) nvis++;
        }
        if (nvis >= min_n_ticks) break;
    }
    int n = 0;
    for (double k = low; k <= high; k++, n++)
        if (n < cap) out[n] = k * step + best_vmin + offset;
    return n;
}

int nplot_log_ticks(double vmin, double vmax, double base, int numticks, bool minor,
                    double *out, int cap)
{
    if (!(base > 1)) return nd_set_error(ND_EVALUE, "nplot_log_ticks: base must be > 1, got %g", base);
    if (!(vmin > 0) || !(vmax > 0) || !isfinite(vmin) || !isfinite(vmax))
        return nd_set_error(ND_EVALUE, "nplot_log_ticks: limits must be positive and finite, got "
                                    "%g, %g", vmin, vmax);
    if (vmax < vmin) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    if (numticks < 2) numticks = 2;
    double lb = log(base);
    double log_vmin = log(vmin) / lb, log_vmax = log(vmax) / lb;
    double numdec = floor(log_vmax) - ceil(log_vmin);
    double subs[64];
    int nsubs = 0;
    if (minor) {
        if (numdec > 10 || base < 3) return 0;
        for (double s = 2; s < base && nsubs < 64; s++) subs[nsubs++] = s;
    } else {
        subs[nsubs++] = 1.0;
    }
    double stride = floor((numdec + 1) / numticks) + 1;
    if (stride >= numdec) stride = fmax(1, numdec - 1);
    if (minor && stride != 1) return 0;
    int n = 0, nvis = 0;
    for (double d = floor(log_vmin) - stride; d < ceil(log_vmax) + 2 * stride; d += stride) {
        double p = pow(base, d);
        for (int i = 0; i < nsubs; i++, n++) {
            double t = subs[i] * p;
            if (n < cap) out[n] = t;
            if (t >= vmin && t <= vmax) nvis++;
        }
    }
    /* A minor locator that would show at most one tick gives way to AutoLocator. */
    if (minor && nvis <= 1) return nplot_maxn_ticks(vmin, vmax, 9, out, cap);
    return n;
}

int nplot__symlog_ticks(double vmin, double vmax, double base, double linthresh, double *out,
                        int cap)
{
    /* matplotlib's SymmetricalLogLocator: decades on each side of the linear region plus
     * 0, thinned out when there are too many. */
    if (vmax < vmin) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    double lb = log(base);
    double lo_dec = floor(log(linthresh) / lb + 1e-12);
    double decs[128];
    int nd = 0;
    /* negative side: -base^k for k from high to low */
    if (vmin < -linthresh) {
        double kmax = ceil(log(-vmin) / lb - 1e-12);
        for (double k = kmax; k >= lo_dec && nd < 60; k--) decs[nd++] = -pow(base, k);
    }
    if (vmin <= 0 && vmax >= 0) decs[nd++] = 0;
    if (vmax > linthresh) {
        double kmax = ceil(log(vmax) / lb - 1e-12);
        for (double k = lo_dec; k <= kmax && nd < 127; k++) decs[nd++] = pow(base, k);
    }
    /* too many: keep every stride-th decade, always keeping 0 */
    int stride = 1;
    while (nd / stride > 9) stride++;
    int n = 0;
    for (int i = 0; i < nd; i++) {
        if (decs[i] != 0 && (i % stride) != 0) continue;
        if (n < cap) out[n] = decs[i];
        n++;
    }
    return n;
}

int nplot__auto_minor_ticks(const double *major, int nmajor, double vmin, double vmax,
                            double *out, int cap)
{
    /* AutoMinorLocator: 4 subdivisions when the major step is 1, 2.5 or 5 x 10^k
     * (5 intervals), 4 for 2 x 10^k... matplotlib uses 5 unless the mantissa is 2.5/0.25
     * style (4) — with steps 1, 2, 2.5, 5: 1 → 5, 2 → 4, 2.5 → 5, 5 → 5. */
    if (nmajor < 2) return 0;
    double step = major[1] - major[0];
    double mant = step / pow(10, floor(log10(fabs(step))));
    int ndivs = (fabs(mant - 2) < 1e-6 || fabs(mant - 4) < 1e-6 || fabs(mant - 8) < 1e-6) ? 4 : 5;
    if (fabs(mant - 2.5) < 1e-6) ndivs = 5;
    double minor = step / ndivs;
    if (vmax < vmin) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    double t0 = major[0];
    double kstart = ceil((vmin - t0) / minor - 1e-9), kend = floor((vmax - t0) / minor + 1e-9);
    int n = 0;
    for (double k = kstart; k <= kend; k++) {
        if (fmod(fabs(k), ndivs) == 0) continue;
        if (n < cap) out[n] = t0 + k * minor;
        n++;
    }
    return n;
}

/* ---- MultipleLocator, AutoMinorLocator (issue 20) ---------------------------------------- */
int nplot_multiple_ticks(double vmin, double vmax, double base, double offset, double *out,
                         int cap)
{
    if (!(base > 0) || !isfinite(base) || !isfinite(offset) || !isfinite(vmin) ||
        !isfinite(vmax) || cap < 0 || (cap > 0 && !out)) {
        return nd_set_error(ND_EVALUE, "nplot_multiple_ticks: need finite limits, base > 0 "
                                       "(got %g) and an output array", base);
    }
    if (vmax < vmin) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    /* matplotlib: vmin = _Edge_integer(base, 0).ge(vmin - offset) * base;
     * n = (vmax - vmin + 0.001 * base) // base; locs = vmin - base + arange(n + 3) * base + offset */
    edge_int e = { base, 0 };
    vmin -= offset;
    vmax -= offset;
    double lo = edge_ge(&e, vmin) * base;
    double n = py_floordiv(vmax - lo + 0.001 * base, base);
    if (!(n >= 0) || n > 1e6) {
        return nd_set_error(ND_EVALUE, "nplot_multiple_ticks: %g ticks of %g over [%g, %g] is "
                                       "too many", n, base, vmin + offset, vmax + offset);
    }
    int cnt = (int)n + 3;
    for (int k = 0; k < cnt && k < cap; k++) out[k] = lo - base + k * base + offset;
    return cnt;
}

int nplot_autominor_ticks(const double *major, int nmajor, double vmin, double vmax, int n,
                          double *out, int cap)
{
    if (n < 0 || nmajor < 0 || (nmajor > 0 && !major) || cap < 0 || (cap > 0 && !out)) {
        return nd_set_error(ND_EVALUE, "nplot_autominor_ticks: need n >= 0 (got %d), a major "
                                       "tick array and an output array", n);
    }
    if (nmajor < 2) return 0;
    double step = major[1] - major[0];
    int ndivs = n;
    if (ndivs == 0) {
        /* 10 ** (log10(step) % 1) isclose to 1, 2.5, 5 or 10 → 5, else 4 */
        double l = log10(step);
        double frac = l - floor(l);
        double m = pow(10, frac);
        static const double five[] = { 1.0, 2.5, 5.0, 10.0 };
        ndivs = 4;
        for (int i = 0; i < 4; i++)
            if (fabs(m - five[i]) <= 1e-8 + 1e-5 * fabs(five[i])) ndivs = 5;
    }
    double minor = step / ndivs;
    if (!(minor > 0) || !isfinite(minor)) return 0;
    if (vmin > vmax) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    double t0 = major[0];
    double tmin = (py_floordiv(vmin - t0, minor) + 1) * minor;
    double tmax = (py_floordiv(vmax - t0, minor) + 1) * minor;
    /* np.arange(tmin, tmax, minor): ceil((tmax - tmin) / minor) values */
    double cntd = ceil((tmax - tmin) / minor);
    if (!(cntd > 0)) return 0;
    if (cntd > 1e6) cntd = 1e6;
    /* Axis.get_minorticklocs drops minor ticks within (hi - lo) * 1e-5 of a major one */
    double tol = (vmax - vmin) * 1e-5;
    int cnt = 0;
    for (long k = 0; k < (long)cntd; k++) {
        double v = tmin + (double)k * minor + t0;
        bool on_major = false;
        for (int j = 0; j < nmajor && !on_major; j++) on_major = fabs(v - major[j]) <= tol;
        if (on_major) continue;
        if (cnt < cap) out[cnt] = v;
        cnt++;
    }
    return cnt;
}

int nplot__locator_ticks(const axis_state *a, bool minor, const double *major, int nmajor,
                         double lo, double hi, double *out, int cap)
{
    const struct tick_locator *l = minor ? &a->mloc : &a->loc;
    if (l->kind == LOC_MULTIPLE) return nplot_multiple_ticks(lo, hi, l->base, l->offset, out, cap);
    /* AutoMinorLocator on a non-linear axis: matplotlib warns and shows none */
    if (l->kind == LOC_AUTOMINOR && a->scale == SCALE_LINEAR)
        return nplot_autominor_ticks(major, nmajor, lo, hi, l->ndivs, out, cap);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* AsinhLocator(lw, numticks=11, symthresh=0.2, base, subs)(): every power times each of
 * subs[0..nsubs) (the powers themselves without subs); base is AsinhScale's int(base). */
static int asinh_locator(double vmin, double vmax, double lw, double base, const double *subs, int nsubs,
                         double *out, int cap)
{
    enum { NT = 11 };
    if (vmin * vmax < 0 && fabs(1 + vmax / vmin) < 0.2) { /* nearly symmetric: round up */
        double bound = fmax(fabs(vmin), fabs(vmax));
        vmin = -bound;
        vmax = bound;
    }
    double ymin = lw * asinh(vmin / lw), ymax = lw * asinh(vmax / lw);
    double ys[NT + 1];
    int ny = 0;
    for (int i = 0; i < NT; i++) {
        /* np.linspace: start + i * step, the last one exactly stop */
        double step = (ymax - ymin) / (NT - 1);
        double y = i == NT - 1 ? ymax : ymin + i * step;
        if (ymin * ymax < 0 && !(fabs(y / (ymax - ymin)) > 0.5 / NT)) continue;
        ys[ny++] = y;
    }
    if (ymin * ymax < 0) ys[ny++] = 0.0;
    enum { SUBS_CAP = 4 };
    double q[(NT + 1) * SUBS_CAP];
    double lb = log(base);
    int nq = 0, ns = nsubs > 0 ? (nsubs < SUBS_CAP ? nsubs : SUBS_CAP) : 0;
    for (int i = 0; i < ny; i++) {
        double x = lw * sinh(ys[i] / lw);
        bool zero = ys[i] == 0;
        double sg = zero ? 0 : (x > 0) - (x < 0);
        double pw = sg * pow(base, zero ? 0.0 : floor(log(fabs(x)) / lb));
        if (!ns) q[nq++] = pw;
        for (int k = 0; k < ns; k++) q[nq++] = pw * subs[k]; /* np.outer(powers, subs) */
    }
    qsort(q, (size_t)nq, sizeof *q, cmp_double);
    int n = 0; /* sorted(set(qs)) */
    for (int i = 0; i < nq; i++)
        if (n == 0 || q[i] != q[n - 1]) q[n++] = q[i];
    for (int i = 0; i < n && i < cap; i++) out[i] = q[i];
    if (n >= 2) return n;
    for (int i = 0; i < NT; i++) /* np.linspace(vmin, vmax, numticks) */
        if (i < cap) out[i] = i == NT - 1 ? vmax : vmin + i * ((vmax - vmin) / (NT - 1));
    return NT;
}

int nplot__asinh_ticks(double vmin, double vmax, double lw, double base, double *out, int cap)
{
    return asinh_locator(vmin, vmax, lw, base, NULL, 0, out, cap);
}

int nplot__asinh_minor_ticks(double vmin, double vmax, double lw, double base, double *out, int cap)
{
    /* AsinhScale.auto_tick_multipliers by int(base); other bases have no subs, so the
     * minor locator gives the majors (all dropped as duplicates by the caller) */
    static const struct { int base, n; double subs[3]; } mult[] = {
        { 3, 1, { 2 } },     { 4, 1, { 2 } },         { 5, 1, { 2 } },       { 8, 2, { 2, 4 } },
        { 10, 2, { 2, 5 } }, { 16, 3, { 2, 4, 8 } }, { 64, 2, { 4, 16 } }, { 1024, 2, { 256, 512 } },
    };
    double b = floor(base);
    for (size_t i = 0; i < sizeof mult / sizeof mult[0]; i++)
        if (b == mult[i].base) return asinh_locator(vmin, vmax, lw, b, mult[i].subs, mult[i].n, out, cap);
    return asinh_locator(vmin, vmax, lw, b, NULL, 0, out, cap);
}

/* ---- EngFormatter -------------------------------------------------------------------------- */
nd_status nplot_eng_format(double v, const char *unit, int places, const char *sep, char *buf,
                           size_t cap)
{
    if (!buf || cap == 0) {
        nd_set_error(ND_EVALUE, "nplot_eng_format: need an output buffer");
        return ND_EVALUE;
    }
    buf[0] = '\0';
    static const char *const prefix[] = { "y", "z", "a", "f", "p", "n", "\xc2\xb5", "m", "",
                                          "k", "M", "G", "T", "P", "E", "Z", "Y" };
    if (!unit) unit = "";
    if (!sep) sep = " ";
    double sign = 1, num = v;
    if (num < 0) {
        sign = -1;
        num = -num;
    }
    int pow10 = 0;
    if (num != 0) {
        /* math.floor(log10(num) / 3) * 3 */
        if (isfinite(num)) pow10 = (int)floor(log10(num) / 3) * 3;
    } else {
        num = 0.0;
    }
    if (pow10 < -24) pow10 = -24;
    if (pow10 > 24) pow10 = 24;
    double mant = sign * num / pow(10.0, pow10);
    char m[64];
    if (places < 0) snprintf(m, sizeof m, "%g", mant);
    else snprintf(m, sizeof m, "%.*f", places > 30 ? 30 : places, mant);
    if (fabs(strtod(m, NULL)) >= 1000 && pow10 < 24) {
        mant /= 1000;
        pow10 += 3;
        if (places < 0) snprintf(m, sizeof m, "%g", mant);
        else snprintf(m, sizeof m, "%.*f", places > 30 ? 30 : places, mant);
    }
    const char *pre = prefix[(pow10 + 24) / 3];
    char s[256];
    int len = snprintf(s, sizeof s, "%s%s%s%s", m, sep, pre, unit);
    if (len < 0 || (size_t)len >= sizeof s) {
        nd_set_error(ND_EVALUE, "nplot_eng_format: unit or separator too long");
        return ND_EVALUE;
    }
    /* drop a trailing separator when there is neither prefix nor unit */
    size_t sl = strlen(sep);
    if (sl && (size_t)len >= sl && !strcmp(s + len - sl, sep)) s[len - sl] = '\0';
    /* fix_minus: '-' → U+2212 */
    size_t o = 0;
    for (const char *p = s; *p; p++) {
        const char *rep = *p == '-' ? "\xe2\x88\x92" : NULL;
        size_t k = rep ? 3 : 1;
        if (o + k >= cap) {
            buf[0] = '\0';
            nd_set_error(ND_EVALUE, "nplot_eng_format: buffer of %zu bytes too small", cap);
            return ND_EVALUE;
        }
        memcpy(buf + o, rep ? rep : p, k);
        o += k;
    }
    buf[o] = '\0';
    return ND_OK;
}

/* ---- formatting ----------------------------------------------------------------------------------- */
/* Replace '-' by U+2212 (axes.unicode_minus). Returns a new string. */
static char *fix_minus(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) n += *p == '-' ? 3 : 1;
    char *o = nd_malloc(n + 1, "nplot ticks");
    if (!o) return NULL;
    char *q = o;
    for (const char *p = s; *p; p++) {
        if (*p == '-') {
            memcpy(q, "\xe2\x88\x92", 3);
            q += 3;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return o;
}

/* "1.0000000000e+06" → "1e6", "-2.5e-03" → "-2.5e-3" (ScalarFormatter._formatSciNotation) */
static void sci_compact(double v, char *buf, size_t cap)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%1.10e", v);
    char *e = strchr(tmp, 'e');
    if (!e) {
        snprintf(buf, cap, "%s", tmp);
        return;
    }
    *e = '\0';
    char *mant = tmp;
    /* strip zeros and a trailing point */
    char *end = mant + strlen(mant);
    if (strchr(mant, '.')) {
        while (end > mant && end[-1] == '0') *--end = '\0';
        if (end > mant && end[-1] == '.') *--end = '\0';
    }
    int ex = atoi(e + 1);
    if (strcmp(mant, "1") == 0) snprintf(buf, cap, "1e%d", ex);
    else if (strcmp(mant, "-1") == 0) snprintf(buf, cap, "-1e%d", ex);
    else snprintf(buf, cap, "%se%d", mant, ex);
}

/* ScalarFormatter.format_data with useMathText: "10^{6}", "2.5 \\times 10^{3}", "1234" */
static void math_data(double v, char *buf, size_t cap)
{
    int e = (int)floor(log10(fabs(v)));
    double s = round(v / pow(10, e) * 1e10) / 1e10;
    char sig[48];
    if (s == floor(s)) snprintf(sig, sizeof sig, "%d", (int)s);
    else snprintf(sig, sizeof sig, "%1.10f", s);
    if (e == 0) snprintf(buf, cap, "%s", sig);
    else if (s == 1) snprintf(buf, cap, "10^{%d}", e);
    else snprintf(buf, cap, "%s \\times 10^{%d}", sig, e);
}

static void scalar_offset_oom(const double *locs, int n, double vmin, double vmax, bool use_offset,
                              bool scientific, const formatter *f, double *offset, int *oom)
{
    *offset = 0;
    *oom = 0;
    /* ticklabel_format: useOffset=value fixes the offset; False drops it */
    if (f->use_offset == 2) *offset = f->offset_value;
    if (f->use_offset) use_offset = false;
    if (f->sci_off) scientific = false;
    int plo = f->limits_set ? f->lim_lo : -5, phi = f->limits_set ? f->lim_hi : 6;
    if (scientific && plo == phi && plo != 0) { /* fixed scaling */
        *oom = plo;
        scientific = false;
    }
    if (vmin > vmax) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    double lmin = INFINITY, lmax = -INFINITY, amax = 0;
    int nvis = 0;
    for (int i = 0; i < n; i++)
        if (locs[i] >= vmin && locs[i] <= vmax) {
            lmin = fmin(lmin, locs[i]);
            lmax = fmax(lmax, locs[i]);
            amax = fmax(amax, fabs(locs[i]));
            nvis++;
        }
    if (!nvis) return;
    /* _compute_offset */
    if (use_offset && lmin != lmax && !(lmin <= 0 && 0 <= lmax)) {
        double abs_min = fmin(fabs(lmin), fabs(lmax)), abs_max = fmax(fabs(lmin), fabs(lmax));
        double sign = copysign(1, lmin);
        double oom_max = ceil(log10(abs_max)), o = oom_max;
        while (py_floordiv(abs_min, pow(10, o)) == py_floordiv(abs_max, pow(10, o)) && o > -400) o--;
        double oo = o + 1;
        if ((abs_max - abs_min) / pow(10, oo) <= 1e-2) {
            o = oom_max;
            while (!(py_floordiv(abs_max, pow(10, o)) - py_floordiv(abs_min, pow(10, o)) > 1) &&
                   o > -400)
                o--;
            oo = o + 1;
        }
        const double n_thr = 4 - 1; /* axes.formatter.offset_threshold = 4 */
        if (py_floordiv(abs_max, pow(10, oo)) >= pow(10, n_thr))
            *offset = sign * py_floordiv(abs_max, pow(10, oo)) * pow(10, oo);
    }
    /* _set_order_of_magnitude with powerlimits (plo, phi), (-5, 6) by default */
    if (!scientific) return;
    int o;
    if (*offset != 0) o = floor_log10(vmax - vmin);
    else o = amax == 0 ? 0 : floor_log10(amax);
    if (o <= plo || o >= phi) *oom = o;
}

static int scalar_sigfigs(const double *locs, int n, double offset, int oom, double vmin,
                          double vmax)
{
    double buf[2];
    const double *l = locs;
    int m = n;
    if (n < 2) {
        buf[0] = vmin;
        buf[1] = vmax;
        l = buf;
        m = 2;
    }
    double lo = INFINITY, hi = -INFINITY, amax = 0;
    double p = pow(10, oom);
    for (int i = 0; i < m; i++) {
        double v = (l[i] - offset) / p;
        lo = fmin(lo, v);
        hi = fmax(hi, v);
        amax = fmax(amax, fabs(v));
    }
    double range = hi - lo;
    if (range == 0) range = amax;
    if (range == 0) range = 1;
    int range_oom = floor_log10(range);
    int sig = 3 - range_oom > 0 ? 3 - range_oom : 0;
    double thresh = 1e-3 * pow(10, range_oom);
    while (sig >= 0) {
        double worst = 0, q = pow(10, sig);
        for (int i = 0; i < n; i++) {
            double v = (locs[i] - offset) / p;
            /* numpy.round: round half to even at `sig` decimals */
            double r = nearbyint(v * q) / q;
            worst = fmax(worst, fabs(v - r));
        }
        if (worst < thresh) sig--;
        else break;
    }
    return sig + 1;
}

static char *dup_or_null(const char *s) { return nd_strdup(s, "nplot ticks"); }

static char *fmt_log_label(double v, double base)
{
    char buf[96];
    double lb = log(base);
    double e = log(fabs(v)) / lb;
    double er = round(e);
    const char *bs = base == 10 ? "10" : base == 2 ? "2" : fabs(base - M_E) < 1e-12 ? "e" : NULL;
    char bbuf[32];
    if (!bs) {
        snprintf(bbuf, sizeof bbuf, "%g", base);
        bs = bbuf;
    }
    if (v == 0) return dup_or_null("$\\mathdefault{0}$");
    const char *sign = v < 0 ? "-" : "";
    if (fabs(e - er) < 1e-9) {
        snprintf(buf, sizeof buf, "$\\mathdefault{%s%s^{%d}}$", sign, bs, (int)er);
    } else {
        /* a non-decade (minor) label: coeff x base^k */
        double k = floor(e + 1e-9);
        double coeff = fabs(v) / pow(base, k);
        snprintf(buf, sizeof buf, "$\\mathdefault{%s%g\\times%s^{%d}}$", sign, round(coeff * 1e6) / 1e6,
                 bs, (int)k);
    }
    return dup_or_null(buf);
}

nd_status nplot__format_ticks(const formatter *f, int scale, double base, const double *locs,
                              int n, double vmin, double vmax, char **labels,
                              char **offset_text)
{
    *offset_text = NULL;
    for (int i = 0; i < n; i++) labels[i] = NULL;
    char buf[256];
    int kind = f->kind;
    if (kind == FMT_SCALAR && scale == SCALE_LOG) kind = FMT_LOG;
    if (kind == FMT_SCALAR && scale == SCALE_SYMLOG) kind = FMT_LOG;
    if (kind == FMT_SCALAR && scale == SCALE_ASINH) kind = FMT_LOG;
    double offset = 0;
    int oom = 0;
    int sig = 0;
    if (kind == FMT_SCALAR || kind == FMT_PLAIN || kind == FMT_SCI) {
        scalar_offset_oom(locs, n, vmin, vmax, kind == FMT_SCALAR, kind != FMT_PLAIN, f, &offset,
                          &oom);
        if (kind == FMT_SCI) {
            double amax = 0;
            for (int i = 0; i < n; i++) amax = fmax(amax, fabs(locs[i]));
            oom = amax == 0 ? 0 : floor_log10(amax);
        }
        sig = scalar_sigfigs(locs, n, offset, oom, vmin, vmax);
    }
    for (int i = 0; i < n; i++) {
        double v = locs[i];
        char *lab = NULL;
        switch (kind) {
        case FMT_NONE:
            lab = dup_or_null("");
            break;
        case FMT_SCALAR: case FMT_PLAIN: case FMT_SCI: {
            double xp = (v - offset) / pow(10, oom);
            if (fabs(xp) < 1e-8) xp = 0;
            if (f->mathtext) snprintf(buf, sizeof buf, "$\\mathdefault{%1.*f}$", sig, xp);
            else snprintf(buf, sizeof buf, "%1.*f", sig, xp);
            lab = fix_minus(buf);
            break;
        }
        case FMT_PERCENT: {
            double xmax = NPLOT_OPT(f->xmax, 100);
            double x = v / xmax * 100;
            int dec = f->decimals;
            if (dec == NPLOT_OFF) dec = 0;
            else if (dec == 0) {
                /* PercentFormatter(decimals=None): ceil(2 - log10(2 * range)) in [0, 5] */
                double dr = fabs(vmax - vmin) / xmax * 100;
                dec = dr <= 0 ? 0 : (int)ceil(2.0 - log10(2.0 * dr));
                if (dec > 5) dec = 5;
                if (dec < 0) dec = 0;
            }
            snprintf(buf, sizeof buf, "%0.*f%s", dec, x, f->symbol ? f->symbol : "%");
            lab = fix_minus(buf);
            break;
        }
        case FMT_ENG: {
            int pl = f->decimals == 0 ? -1 : f->decimals == NPLOT_OFF ? 0 : f->decimals;
            if (nplot_eng_format(v, f->symbol, pl, f->fmt, buf, sizeof buf)) buf[0] = '\0';
            lab = dup_or_null(buf);
            break;
        }
        case FMT_PRINTF:
            snprintf(buf, sizeof buf, f->fmt ? f->fmt : "%g", v);
            lab = fix_minus(buf);
            break;
        case FMT_CALLBACK:
            buf[0] = '\0';
            if (f->fn) f->fn(v, i, buf, sizeof buf, f->ctx);
            buf[sizeof buf - 1] = '\0';
            lab = dup_or_null(buf);
            break;
        case FMT_LOG:
            if (scale == SCALE_SYMLOG && v == 0) lab = dup_or_null("$\\mathdefault{0}$");
            else if (scale == SCALE_LINEAR) {
                snprintf(buf, sizeof buf, "%g", v);
                lab = fix_minus(buf);
            } else lab = fmt_log_label(v, base);
            break;
        }
        if (!lab) goto fail;
        labels[i] = lab;
    }
    if ((offset != 0 || oom != 0) && f->mathtext && n > 0) {
        char ob[96] = "", sb[96] = "", full[240];
        if (oom) {
            char t[64];
            math_data(pow(10, oom), t, sizeof t);
            snprintf(sb, sizeof sb, "\\times\\mathdefault{%s}", t);
        }
        if (offset) {
            math_data(offset, ob + 1, sizeof ob - 1);
            if (offset > 0) ob[0] = '+';
            else memmove(ob, ob + 1, strlen(ob + 1) + 1);
        }
        snprintf(full, sizeof full, "$%s\\mathdefault{%s}$", sb, ob);
        *offset_text = fix_minus(full);
    } else if (offset != 0 || oom != 0) {
        char ob[64] = "", sb[32] = "", full[100];
        if (oom) snprintf(sb, sizeof sb, "1e%d", oom);
        if (offset) {
            sci_compact(offset, ob, sizeof ob);
            if (offset > 0) {
                memmove(ob + 1, ob, strlen(ob) + 1);
                ob[0] = '+';
            }
        }
        snprintf(full, sizeof full, "%s%s", sb, ob);
        *offset_text = fix_minus(full);
    } else {
        *offset_text = dup_or_null("");
    }
    if (!*offset_text) goto fail;
    return ND_OK;
fail:
    for (int i = 0; i < n; i++) {
        nd_free_mem(labels[i]);
        labels[i] = NULL;
    }
    return ND_ENOMEM;
}

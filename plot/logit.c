/* The 'logit' scale (matplotlib 3.6's LogitScale): its transform's masking or clipping,
 * LogitLocator's major and minor ticks and LogitFormatter's major labels. */
#include "plot_model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double nplot__logit_fwd(double v, bool clip)
{
    if (!(v > 0) || !(v < 1)) {
        if (!clip || isnan(v)) return NAN;
        return v <= 0 ? -1000 : 1000; /* LogitTransform(nonpositive='clip') */
    }
    return log10(v / (1 - v));
}

double nplot__logit_inv(double t) { return 1 / (1 + pow(10, -t)); }

static double ideal(int b) { return b < 0 ? pow(10, b) : b > 0 ? 1 - pow(10, -b) : 0.5; }

/* LogitLocator.nonsingular, then its tick_values (minor or major, nbins the axis' tick
 * space, at least 2); the count or -1 without room. */
int nplot__logit_ticks(double vmin, double vmax, double minpos, int nbins, bool minor, double *out, int cap)
{
    if (vmin > vmax) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    if (!isfinite(vmin) || !isfinite(vmax) || vmax <= 0 || vmin >= 1) {
        vmin = 1e-7;
        vmax = 1 - 1e-7;
    } else {
        if (!isfinite(minpos) || !(minpos > 0)) minpos = 1e-7;
        if (vmin <= 0) vmin = minpos;
        if (vmax >= 1) vmax = 1 - minpos;
        if (vmin == vmax) vmin *= 0.1, vmax = 1 - (1 - vmax) * 0.1;
    }
    if (nbins < 2) nbins = 2;
    int binf = vmin < 0.5 ? (int)floor(log10(vmin)) : vmin < 0.9 ? 0 : (int)-ceil(log10(1 - vmin));
    int bsup = vmax <= 0.5 ? (int)ceil(log10(vmax)) : vmax <= 0.9 ? 1 : (int)-floor(log10(1 - vmax));
    int numideal = bsup - binf - 1, n = 0;
#define PUT(v) do { if (n < cap) out[n] = (v); n++; } while (0)
    if (numideal >= 2) {
        if (numideal > nbins) {
            int f = (numideal + nbins - 1) / nbins;
            for (int b = binf; b <= bsup; b++) {
                int r = ((b % f) + f) % f; /* Python's modulo */
                if ((r != 0) == minor) PUT(ideal(b));
            }
            return n;
        }
        if (minor) {
            for (int b = binf; b < bsup; b++) {
                if (b < -1)
                    for (int k = 2; k < 10; k++) PUT(k * pow(10, b));
                else if (b == -1)
                    for (int k = 2; k < 5; k++) PUT(k / 10.0);
                else if (b == 0)
                    for (int k = 6; k < 9; k++) PUT(k / 10.0);
                else
                    for (int k = 9; k >= 2; k--) PUT(1 - k * pow(10, -b - 1));
            }
            return n;
        }
        for (int b = binf; b <= bsup; b++) PUT(ideal(b));
        return n;
    }
#undef PUT
    if (minor) return 0;
    /* zoomed in: MaxNLocator(steps=[1, 2, 5, 10]) */
    static const double steps[] = { 1, 2, 5, 10 };
    return nplot__maxn_ticks_steps(vmin, vmax, nbins, steps, 4, 2, out, cap);
}

static bool close_to_int(double x) { return fabs(x - round(x)) < 1e-10; }

static bool is_decade(double x)
{
    if (!(x > 0)) return false;
    double l = log10(x);
    return fabs(x - pow(10, round(l))) <= 1e-7 * fabs(x);
}

/* LogitFormatter._format_value */
static void format_value(char *buf, size_t cap, double x, const double *locs, int n, bool one_minus, bool sci)
{
    int exponent = sci ? (int)floor(log10(x)) : 0, min_prec = sci ? 0 : 1;
    double value = x * pow(10, -exponent);
    int precision = min_prec;
    if (n >= 2) {
        /* the second smallest distance to the locations (the first is x itself) */
        double d1 = INFINITY, d2 = INFINITY;
        for (int i = 0; i < n; i++) {
            double d = fabs((one_minus ? 1 - locs[i] : locs[i]) - x);
            if (d < d1) d2 = d1, d1 = d;
            else if (d < d2) d2 = d;
        }
        double p = -log10(d2) + exponent;
        precision = close_to_int(p) ? (int)round(p) : (int)ceil(p);
        if (precision < min_prec) precision = min_prec;
    }
    if (sci) snprintf(buf, cap, "%.*f\\cdot10^{%d}", precision, value, exponent);
    else snprintf(buf, cap, "%.*f", precision, value);
}

/* LogitFormatter()(x) for a major tick among locs[0..n): mathtext, "" outside (0, 1). */
void nplot__logit_label(double x, const double *locs, int n, char *out, size_t cap)
{
    char s[128];
    if (!(x > 0) || !(x < 1)) {
        out[0] = '\0';
        return;
    }
    if (close_to_int(2 * x) && round(2 * x) == 1) snprintf(s, sizeof s, "\\frac{1}{2}");
    else if (x < 0.5 && is_decade(x)) snprintf(s, sizeof s, "10^{%d}", (int)round(log10(x)));
    else if (x > 0.5 && is_decade(1 - x)) snprintf(s, sizeof s, "1-10^{%d}", (int)round(log10(1 - x)));
    else if (x < 0.1) format_value(s, sizeof s, x, locs, n, false, true);
    else if (x > 0.9) {
        char v[100];
        format_value(v, sizeof v, 1 - x, locs, n, true, true);
        snprintf(s, sizeof s, "1-%s", v);
    } else format_value(s, sizeof s, x, locs, n, false, false);
    snprintf(out, cap, "$\\mathdefault{%s}$", s);
}

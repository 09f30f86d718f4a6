/* matplotlib's spectral and correlation plots: Axes.psd, csd, cohere, specgram,
 * magnitude_spectrum, angle_spectrum, phase_spectrum (numbers from spectral.c, as
 * matplotlib.mlab's), acorr / xcorr and spy, built from existing plot kinds (lines,
 * vlines, axhline, images) as matplotlib builds them. */
#include "plot_model.h"
#include "spectral.h"
#include "workers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A 1-D signal as float64 or (complex) interleaved complex128, nd_malloc'd. */
static nd_status signal_of(nplot_figure *fig, const nd_array *a, double **out, size_t *n, bool *cplx,
                           const char *what, const char *who)
{
    *out = NULL;
    *n = 0;
    *cplx = false;
    if (!a) return nplot__fail(fig, ND_EVALUE, "%s: %s is required", who, what);
    if (nd_ndim(a) != 1 || nd_size(a) < 1)
        return nplot__fail(fig, ND_ESHAPE, "%s: %s must be a non-empty 1-D array, got %d-D with %td values",
                           who, what, nd_ndim(a), nd_size(a));
    nd_dtype dt = nd_dtype_of(a);
    if (dt != ND_COMPLEX64 && dt != ND_COMPLEX128) return nplot__to_f64(fig, a, out, n, what, who);
    nd_array *c = nd_astype(a, ND_COMPLEX128, ND_CAST_UNSAFE), *cc = c ? nd_ascontiguousarray(c) : NULL;
    nd_free(c);
    if (!cc) return nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
    size_t m = (size_t)nd_size(cc);
    double *v = nd_malloc(sizeof(double) * 2 * m, who);
    if (v) memcpy(v, nd_data(cc), sizeof(double) * 2 * m);
    nd_free(cc);
    if (!v) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    *out = v;
    *n = m;
    *cplx = true;
    return ND_OK;
}

/* A new 1-D (or 2-D) array from a buffer into *dst when the caller asked for it. */
static nd_status give(nplot_figure *fig, nd_array **dst, const void *v, int ndim, const ptrdiff_t *sh,
                      nd_dtype dt)
{
    if (!dst) return ND_OK;
    *dst = nd_from_buffer(v, ndim, sh, dt);
    return *dst ? ND_OK : nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
}

/* On failure, the arrays already given to the caller (up to three slots, NULL ones
 * skipped) are freed again and their slots cleared. */
static void take_back(nd_status st, nd_array **a, nd_array **b, nd_array **c)
{
    if (!st) return;
    nd_array **slots[3] = { a, b, c };
    for (int i = 0; i < 3; i++)
        if (slots[i]) nd_free(*slots[i]), *slots[i] = NULL;
}

typedef enum { K_PSD, K_CSD, K_COHERE, K_SPECGRAM, K_MAG, K_ANGLE, K_PHASE } spec_kind;

/* The request of an options struct (window allocated into *win). */
static nd_status request(nplot_figure *fig, spec_kind k, const nplot_spectral_opts *o, size_t n,
                         bool xc, spec_req *r, double **win, const char *who)
{
    memset(r, 0, sizeof *r);
    *win = NULL;
    bool single = k == K_MAG || k == K_ANGLE || k == K_PHASE;
    if (o->NFFT < 0 && !single) return nplot__fail(fig, ND_EVALUE, "%s: NFFT must be positive, got %d", who, o->NFFT);
    r->nfft = single ? (int)n : o->NFFT ? o->NFFT : 256;
    r->noverlap = single ? 0 : o->noverlap == NPLOT_OFF ? 0 : o->noverlap ? o->noverlap : k == K_SPECGRAM ? 128 : 0;
    if (o->noverlap < -1) return nplot__fail(fig, ND_EVALUE, "%s: noverlap must be >= 0, got %d", who, o->noverlap);
    r->pad_to = o->pad_to ? o->pad_to : r->nfft;
    r->fs = o->Fs ? o->Fs : 2;
    if (!isfinite(r->fs) || r->fs <= 0) return nplot__fail(fig, ND_EVALUE, "%s: Fs must be positive, got %g", who, r->fs);
    r->detrend = single ? 0 : nplot__spectral_detrend_mode(o->detrend);
    if (r->detrend < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: detrend must be 'none', 'mean' or 'linear', got '%s'", who, o->detrend);
    if (!o->sides || !strcmp(o->sides, "default")) r->twosided = xc;
    else if (!strcmp(o->sides, "onesided")) r->twosided = false;
    else if (!strcmp(o->sides, "twosided")) r->twosided = true;
    else return nplot__fail(fig, ND_EVALUE, "%s: sides must be 'default', 'onesided' or 'twosided', got '%s'", who, o->sides);
    r->mode = k == K_MAG ? SPEC_MAGNITUDE : k == K_ANGLE ? SPEC_ANGLE : k == K_PHASE ? SPEC_PHASE : SPEC_PSD;
    if (k == K_SPECGRAM && o->mode && strcmp(o->mode, "psd") && strcmp(o->mode, "default")) {
        if (!strcmp(o->mode, "magnitude")) r->mode = SPEC_MAGNITUDE;
        else if (!strcmp(o->mode, "angle")) r->mode = SPEC_ANGLE;
        else if (!strcmp(o->mode, "phase")) r->mode = SPEC_PHASE;
        else if (!strcmp(o->mode, "complex"))
            return nplot__fail(fig, ND_EVALUE, "%s: Cannot plot a complex specgram", who);
        else
            return nplot__fail(fig, ND_EVALUE, "%s: mode must be 'psd', 'magnitude', 'angle' or 'phase', got '%s'",
                               who, o->mode);
    }
    r->scale_by_freq = r->mode == SPEC_PSD && o->scale_by_freq != NPLOT_OFF;
    nd_status st = nplot__spectral_window(o->window, o->window_name, r->nfft, win, who);
    if (st) return nplot__fail(fig, st, "%s", nd_errmsg());
    r->window = *win;
    return ND_OK;
}

static nd_status line_of(nplot_axes *ax, const nplot_spectral_opts *o, const double *x, const double *y,
                         size_t n)
{
    nplot_line_opts lo = { 0 };
    lo.fmt = o->fmt;
    lo.color = o->color;
    lo.label = o->label;
    lo.linewidth = o->linewidth;
    lo.linestyle = o->linestyle;
    nd_status st = nplot_plot_xy_(ax, x, y, n, &lo);
    if (!st && o->line) *o->line = nplot_get_artist(ax, -1);
    return st;
}

/* Axes.psd / csd's y ticks: arange(floor(vmin), ceil(vmax) + 1, max(10 int(log10(range)), 1)) */
static nd_status db_ticks(nplot_axes *ax)
{
    double lo, hi;
    nd_status st = nplot_get_ylim(ax, &lo, &hi);
    if (st || !isfinite(lo) || !isfinite(hi)) return st;
    double step = 10 * (double)(long)log10(hi - lo);
    if (step < 1) step = 1;
    double t[256];
    int m = 0;
    for (double v = floor(lo); v < ceil(hi) + 1 && m < 256; v = floor(lo) + step * ++m) t[m] = v;
    st = nplot_set_yticks_(ax, t, m, &(nplot_ticks_opts){ 0 });
    /* Axis.set_ticks widens the view to take in every tick (set_view_interval) */
    if (!st && m > 0 && (t[0] < lo || t[m - 1] > hi)) st = nplot_set_ylim(ax, fmin(lo, t[0]), fmax(hi, t[m - 1]));
    return st;
}

static nd_status labels(nplot_axes *ax, const char *ylabel, bool grid)
{
    nd_status st = nplot_set_xlabel_(ax, "Frequency", NULL);
    if (!st) st = nplot_set_ylabel_(ax, ylabel, NULL);
    if (!st && grid) st = nplot_grid_(ax, &(nplot_grid_opts){ 0 });
    return st;
}

/* psd, csd, cohere and the single spectra */
static nd_status spectrum_plot(nplot_axes *ax, spec_kind k, const nd_array *xa, const nd_array *ya,
                               const nplot_spectral_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_spectral_opts);
    nplot_figure *fig = ax->fig;
    if (o->result) *o->result = NULL;
    if (o->freqs) *o->freqs = NULL;
    if (o->t) *o->t = NULL;
    double *x = NULL, *y = NULL, *win = NULL, *plot_y = NULL, *extra = NULL;
    size_t n, ny = 0;
    bool xc, yc = false;
    spec_out so = { 0 }, sa = { 0 }, sb = { 0 };
    spec_req r;
    nd_status st = signal_of(fig, xa, &x, &n, &xc, "x", who);
    if (!st && (k == K_CSD || k == K_COHERE)) {
        st = signal_of(fig, ya, &y, &ny, &yc, "y", who);
        if (!st && ny != n)
            st = nplot__fail(fig, ND_ESHAPE, "%s: x and y must have the same length, got %zu and %zu", who, n, ny);
    }
    if (!st) st = request(fig, k, o, n, xc, &r, &win, who);
    if (st) goto done;
    if (k == K_COHERE && n < 2 * (size_t)r.nfft) {
        st = nplot__fail(fig, ND_EVALUE,
                         "%s: Coherence is calculated by averaging over NFFT length segments. Your "
                         "signal is too short for your choice of NFFT (%zu samples, NFFT %d)", who, n, r.nfft);
        goto done;
    }
    r.n = n;
    r.x = x;
    r.xc = xc;
    if (k == K_CSD || k == K_COHERE) r.y = y, r.yc = yc;
    if ((st = nplot__spectral(&r, &so, who))) goto fail_numc;
    nplot__spectral_mean(&so);
    size_t nf = so.nfreq;
    for (size_t i = 0; i < nf; i++) so.freqs[i] += o->Fc;
    plot_y = nd_malloc(sizeof(double) * nf, who);
    if (!plot_y) { st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who); goto done; }
    if (k == K_COHERE) {
        spec_req rx = r, ry = r;
        rx.y = NULL;
        ry.x = y, ry.xc = yc, ry.y = NULL;
        if ((st = nplot__spectral(&rx, &sa, who)) || (st = nplot__spectral(&ry, &sb, who))) goto fail_numc;
        nplot__spectral_mean(&sa);
        nplot__spectral_mean(&sb);
        for (size_t i = 0; i < nf; i++) {
            double m2 = so.re[i] * so.re[i] + so.im[i] * so.im[i];
            plot_y[i] = m2 / (sa.re[i] * sb.re[i]);
        }
    }
    for (size_t i = 0; i < nf && k != K_COHERE; i++) {
        double v = so.im ? hypot(so.re[i], so.im[i]) : so.re[i];
        plot_y[i] = k == K_PSD || k == K_CSD ? 10 * log10(v)
                    : k == K_MAG && o->scale && !strcmp(o->scale, "dB") ? 20 * log10(v) : v;
    }
    if (k == K_MAG && o->scale && strcmp(o->scale, "dB") && strcmp(o->scale, "linear") && strcmp(o->scale, "default")) {
        st = nplot__fail(fig, ND_EVALUE, "%s: scale must be 'default', 'linear' or 'dB', got '%s'", who, o->scale);
        goto done;
    }
    if ((st = line_of(ax, o, so.freqs, plot_y, nf))) goto done;
    const char *yl = k == K_PSD ? (r.scale_by_freq ? "Power Spectral Density (dB/Hz)" : "Power Spectral Density (dB)")
                     : k == K_CSD ? "Cross Spectrum Magnitude (dB)"
                     : k == K_COHERE ? "Coherence"
                     : k == K_MAG ? (o->scale && !strcmp(o->scale, "dB") ? "Magnitude (dB)" : "Magnitude (energy)")
                     : k == K_ANGLE ? "Angle (radians)" : "Phase (radians)";
    if ((st = labels(ax, yl, k == K_PSD || k == K_CSD || k == K_COHERE))) goto done;
    if ((k == K_PSD || k == K_CSD) && (st = db_ticks(ax))) goto done;
    ptrdiff_t sh = (ptrdiff_t)nf;
    if (k == K_CSD) {
        extra = nd_malloc(sizeof(double) * 2 * nf, who);
        if (!extra) { st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who); goto done; }
        for (size_t i = 0; i < nf; i++) extra[2 * i] = so.re[i], extra[2 * i + 1] = so.im[i];
        st = give(fig, o->result, extra, 1, &sh, ND_COMPLEX128);
    } else {
        st = give(fig, o->result, k == K_COHERE ? plot_y : so.re, 1, &sh, ND_FLOAT64);
    }
    if (!st) st = give(fig, o->freqs, so.freqs, 1, &sh, ND_FLOAT64);
    goto done;
fail_numc:
    st = nplot__fail(fig, st, "%s", nd_errmsg());
done:
    take_back(st, o->result, o->freqs, NULL);
    nplot__spectral_free(&so);
    nplot__spectral_free(&sa);
    nplot__spectral_free(&sb);
    nd_free_mem(x);
    nd_free_mem(y);
    nd_free_mem(win);
    nd_free_mem(plot_y);
    nd_free_mem(extra);
    return st;
}

nd_status nplot_psd_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_PSD, x, NULL, o, "nplot_psd");
}

nd_status nplot_csd_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_CSD, x, y, o, "nplot_csd");
}

nd_status nplot_cohere_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_COHERE, x, y, o, "nplot_cohere");
}

nd_status nplot_magnitude_spectrum_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_MAG, x, NULL, o, "nplot_magnitude_spectrum");
}

nd_status nplot_angle_spectrum_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_ANGLE, x, NULL, o, "nplot_angle_spectrum");
}

nd_status nplot_phase_spectrum_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o)
{
    return spectrum_plot(ax, K_PHASE, x, NULL, o, "nplot_phase_spectrum");
}

/* np.flipud of the (nf, ns) image in place, in decibels (mul log10) when db: one pass,
 * FLIP_PAIRS pairs of rows per chunk of work shared out between the helper threads */
enum { FLIP_PAIRS = 8 };

typedef struct flip_job {
    double *img;
    size_t nf, ns;
    bool db;
    double mul;
} flip_job;

static void flip_chunk(void *p, int c)
{
    const flip_job *j = p;
    size_t ns = j->ns, f0 = (size_t)c * FLIP_PAIRS, f1 = f0 + FLIP_PAIRS;
    if (f1 > (j->nf + 1) / 2) f1 = (j->nf + 1) / 2;
    for (size_t f = f0; f < f1; f++) {
        double *a = j->img + f * ns, *b = j->img + (j->nf - 1 - f) * ns;
        for (size_t s = 0; s < ns; s++) {
            double u = a[s], v = b[s];
            if (j->db) u = j->mul * log10(u), v = j->mul * log10(v);
            a[s] = v, b[s] = u;
        }
    }
}

static void flip_db(double *img, size_t nf, size_t ns, bool db, double mul)
{
    flip_job j = { img, nf, ns, db, mul };
    size_t pairs = (nf + 1) / 2;
    nplot__parallel((int)((pairs + FLIP_PAIRS - 1) / FLIP_PAIRS), flip_chunk, &j);
}

nd_status nplot_specgram_(nplot_axes *ax, const nd_array *xa, const nplot_spectral_opts *o)
{
    static const char *who = "nplot_specgram";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_spectral_opts);
    nplot_figure *fig = ax->fig;
    if (o->result) *o->result = NULL;
    if (o->freqs) *o->freqs = NULL;
    if (o->t) *o->t = NULL;
    double *x = NULL, *win = NULL, *z = NULL;
    size_t n;
    bool xc;
    spec_out so = { 0 };
    spec_req r;
    nd_status st = signal_of(fig, xa, &x, &n, &xc, "x", who);
    if (!st) st = request(fig, K_SPECGRAM, o, n, xc, &r, &win, who);
    if (st) goto done;
    bool db;
    if (!o->scale || !strcmp(o->scale, "default")) db = r.mode == SPEC_PSD || r.mode == SPEC_MAGNITUDE;
    else if (!strcmp(o->scale, "dB")) db = true;
    else if (!strcmp(o->scale, "linear")) db = false;
    else { st = nplot__fail(fig, ND_EVALUE, "%s: Unknown scale '%s'", who, o->scale); goto done; }
    if (db && (r.mode == SPEC_ANGLE || r.mode == SPEC_PHASE)) {
        st = nplot__fail(fig, ND_EVALUE, "%s: Cannot use dB scale with angle or phase mode", who);
        goto done;
    }
    if (o->xextent.v && o->xextent.n != 2) {
        st = nplot__fail(fig, ND_EVALUE, "%s: xextent must hold 2 values, got %zu", who, o->xextent.n);
        goto done;
    }
    if (n <= (size_t)r.nfft)
        nd_warn("%s: Only one segment is calculated since parameter NFFT (=%d) >= signal length (=%zu).",
                who, r.nfft, n);
    r.n = n;
    r.x = x;
    r.xc = xc;
    if ((st = nplot__spectral(&r, &so, who))) { st = nplot__fail(fig, st, "%s", nd_errmsg()); goto done; }
    size_t nf = so.nfreq, ns = so.nseg;
    for (size_t i = 0; i < nf; i++) so.freqs[i] += o->Fc;
    /* the image: np.flipud (the highest frequency in row 0) of the scaled spectrum, in a
     * copy when the caller wants the spectrum, else in place (1M-sample signals: 8 MB less);
     * the image keeps that buffer */
    double **img = &so.re;
    if (o->result) {
        img = &z;
        if (!(z = nd_malloc(sizeof(double) * nf * ns, who))) { st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who); goto done; }
        memcpy(z, so.re, sizeof(double) * nf * ns);
    }
    flip_db(*img, nf, ns, db, r.mode == SPEC_PSD ? 10 : 20);
    double pad = (r.nfft - r.noverlap) / r.fs / 2;
    double ext[4] = { so.t[0] - pad, so.t[ns - 1] + pad, so.freqs[0], so.freqs[nf - 1] };
    if (o->xextent.v) ext[0] = o->xextent.v[0], ext[1] = o->xextent.v[1];
    nplot_imshow_opts io = { 0 };
    io.cmap = o->cmap;
    io.vmin = o->vmin;
    io.vmax = o->vmax;
    io.origin = "upper";
    io.aspect = "auto";
    io.extent = (nplot_f64s){ 4, ext };
    io.label = o->label;
    if ((st = nplot__imshow_take(ax, img, (int)nf, (int)ns, &io))) goto done;
    if (o->line) *o->line = nplot_get_artist(ax, -1);
    if ((st = nplot_axis(ax, "auto"))) goto done;
    ptrdiff_t sh[2] = { (ptrdiff_t)nf, (ptrdiff_t)ns };
    st = give(fig, o->result, so.re, 2, sh, ND_FLOAT64);
    if (!st) st = give(fig, o->freqs, so.freqs, 1, sh, ND_FLOAT64);
    if (!st) st = give(fig, o->t, so.t, 1, sh + 1, ND_FLOAT64);
done:
    take_back(st, o->result, o->freqs, o->t);
    nplot__spectral_free(&so);
    nd_free_mem(x);
    nd_free_mem(win);
    nd_free_mem(z);
    return st;
}

/* ---- acorr / xcorr ----------------------------------------------------------------------- */
nd_status nplot_xcorr_(nplot_axes *ax, const nd_array *xa, const nd_array *ya, const nplot_xcorr_opts *o)
{
    static const char *who = "nplot_xcorr";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_xcorr_opts);
    nplot_figure *fig = ax->fig;
    if (o->lags) *o->lags = NULL;
    if (o->correls) *o->correls = NULL;
    double *x = NULL, *y = NULL, *work = NULL, *lags = NULL, *c = NULL;
    size_t n, ny;
    nd_status st = nplot__to_f64(fig, xa, &x, &n, "x", who);
    if (!st) st = nplot__to_f64(fig, ya, &y, &ny, "y", who);
    if (!st && (!xa || !ya)) st = nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    if (!st && n != ny) st = nplot__fail(fig, ND_ESHAPE, "%s: x and y must be equal length, got %zu and %zu", who, n, ny);
    int det = nplot__spectral_detrend_mode(o->detrend);
    if (!st && det < 0)
        st = nplot__fail(fig, ND_EVALUE, "%s: detrend must be 'none', 'mean' or 'linear', got '%s'", who, o->detrend);
    long ml = o->maxlags < 0 ? (long)n - 1 : o->maxlags ? o->maxlags : 10;
    if (!st && (ml >= (long)n || ml < 1))
        st = nplot__fail(fig, ND_EVALUE, "%s: maxlags must be None or strictly positive < %zu, got %ld", who, n, ml);
    if (st) goto done;
    size_t m = 2 * (size_t)ml + 1;
    work = nd_malloc(sizeof(double) * 2 * n, who);
    lags = nd_malloc(sizeof(double) * m, who);
    c = nd_malloc(sizeof(double) * m, who);
    if (!work || !lags || !c) { st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who); goto done; }
    nplot__xcorr(x, y, n, det, o->normed != NPLOT_OFF, (int)ml, work, c);
    for (size_t i = 0; i < m; i++) lags[i] = (double)((long)i - ml);
    if (o->usevlines != NPLOT_OFF) {
        ptrdiff_t sh = (ptrdiff_t)m, one = 1;
        double zero = 0;
        nd_array *la = nd_from_buffer(lags, 1, &sh, ND_FLOAT64), *ca = nd_from_buffer(c, 1, &sh, ND_FLOAT64);
        nd_array *za = nd_from_buffer(&zero, 1, &one, ND_FLOAT64);
        if (!la || !ca || !za) st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        const char *col[1] = { o->color };
        nplot_lines_opts lo = { 0 };
        if (o->color) lo.colors = (nplot_strs){ 1, col };
        lo.linewidth = o->linewidth;
        lo.label = o->label;
        if (!st) st = nplot_vlines_(ax, la, za, ca, &lo);
        nd_free(la);
        nd_free(ca);
        nd_free(za);
        nplot_refline_opts ro = { 0 };
        ro.color = o->color ? o->color : "C0";
        ro.linewidth = o->linewidth;
        if (!st) st = nplot_axhline_(ax, 0, &ro);
    } else {
        nplot_line_opts lo = { 0 };
        lo.color = o->color;
        lo.label = o->label;
        lo.linewidth = o->linewidth;
        lo.marker = o->marker ? o->marker : "o";
        lo.markersize = o->markersize;
        lo.linestyle = "None";
        st = nplot_plot_xy_(ax, lags, c, m, &lo);
    }
    if (st) goto done;
    ptrdiff_t sh = (ptrdiff_t)m;
    if (o->lags) {
        long long *li = nd_malloc(sizeof(long long) * m, who);
        if (!li) { st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who); goto done; }
        for (size_t i = 0; i < m; i++) li[i] = (long long)i - ml;
        st = give(fig, o->lags, li, 1, &sh, ND_INT64);
        nd_free_mem(li);
    }
    if (!st) st = give(fig, o->correls, c, 1, &sh, ND_FLOAT64);
done:
    take_back(st, o->lags, o->correls, NULL);
    nd_free_mem(x);
    nd_free_mem(y);
    nd_free_mem(work);
    nd_free_mem(lags);
    nd_free_mem(c);
    return st;
}

nd_status nplot_acorr_(nplot_axes *ax, const nd_array *x, const nplot_xcorr_opts *o)
{
    return nplot_xcorr_(ax, x, x, o);
}

/* ---- spy ----------------------------------------------------------------------------------- */
/* MaxNLocator(nbins=9, steps=[1, 2, 5, 10], integer=True) over the cells 0..n-1 (as matshow) */
static nd_status integer_ticks(nplot_axes *ax, bool x, double n)
{
    double step = 1;
    for (double dec = 1; step * 9 < n; dec *= 10)
        for (int s = 0; s < 4 && step * 9 < n; s++) step = (double[]){ 1, 2, 5, 10 }[s] * dec;
    double t[64];
    int m = 0;
    for (double v = 0; v <= n - 1 && m < 64; v += step) t[m++] = v;
    nplot_ticks_opts to = { 0 };
    return x ? nplot_set_xticks_(ax, t, m, &to) : nplot_set_yticks_(ax, t, m, &to);
}

nd_status nplot_spy_(nplot_axes *ax, const nd_array *za, const nplot_spy_opts *o)
{
    static const char *who = "nplot_spy";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_spy_opts);
    nplot_figure *fig = ax->fig;
    if (!za) return nplot__fail(fig, ND_EVALUE, "%s: Z is required", who);
    if (nd_ndim(za) != 2 || nd_size(za) < 1)
        return nplot__fail(fig, ND_ESHAPE, "%s: Z must be a non-empty 2-D array, got %d-D with %td values", who,
                           nd_ndim(za), nd_size(za));
    bool upper = !o->origin || !strcmp(o->origin, "upper");
    if (!upper && strcmp(o->origin, "lower"))
        return nplot__fail(fig, ND_EVALUE, "%s: origin must be 'upper' or 'lower', got '%s'", who, o->origin);
    if (!(o->precision >= 0)) return nplot__fail(fig, ND_EVALUE, "%s: precision must be >= 0, got %g", who, o->precision);
    const ptrdiff_t *sh = nd_shape(za);
    int nr = (int)sh[0], nc = (int)sh[1];
    double *v = NULL, *px = NULL, *py = NULL;
    size_t n;
    nd_status st;
    /* |z| of complex data too */
    nd_dtype dt = nd_dtype_of(za);
    if (dt == ND_COMPLEX64 || dt == ND_COMPLEX128) {
        nd_array *ab = nd_absolute(za);
        if (!ab) return nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        st = nplot__to_f64(fig, ab, &v, &n, "Z", who);
        nd_free(ab);
    } else {
        st = nplot__to_f64(fig, za, &v, &n, "Z", who);
    }
    if (st) return st;
    bool markers = o->marker || o->markersize > 0;
    if (!markers) {
        for (size_t i = 0; i < n; i++) v[i] = fabs(v[i]) > o->precision;
        nplot_imshow_opts io = { 0 };
        io.cmap = o->cmap ? o->cmap : "binary";
        io.vmin = 0;
        io.vmax = 1;
        io.interpolation = "nearest";
        io.aspect = o->aspect;
        io.origin = upper ? "upper" : "lower";
        io.alpha = o->alpha;
        st = nplot_imshow_data_(ax, v, nr, nc, &io);
    } else {
        size_t k = 0;
        px = nd_malloc(sizeof(double) * (n + 1), who);
        py = nd_malloc(sizeof(double) * (n + 1), who);
        if (!px || !py) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; !st && i < n; i++)
            if (fabs(v[i]) > o->precision) px[k] = (double)(i % (size_t)nc), py[k++] = (double)(i / (size_t)nc);
        nplot_line_opts lo = { 0 };
        lo.linestyle = "None";
        lo.marker = o->marker ? o->marker : "s";
        lo.markersize = o->markersize > 0 ? o->markersize : 10;
        lo.color = o->color ? o->color : "C0";
        lo.alpha = o->alpha;
        if (!st) st = nplot_plot_xy_(ax, px, py, k, &lo);
        if (!st) st = nplot_set_xlim(ax, -0.5, nc - 0.5);
        if (!st) st = upper ? nplot_set_ylim(ax, nr - 0.5, -0.5) : nplot_set_ylim(ax, -0.5, nr - 0.5);
        if (!st && (!o->aspect || !strcmp(o->aspect, "equal"))) st = nplot_set_aspect(ax, 1);
        else if (!st && strcmp(o->aspect, "auto"))
            st = nplot__fail(fig, ND_EVALUE, "%s: aspect must be 'equal' or 'auto', got '%s'", who, o->aspect);
    }
    if (!st) st = integer_ticks(ax, true, nc);
    if (!st) st = integer_ticks(ax, false, nr);
    if (!st) { /* x ticks on both sides, labels on top for origin upper (tick_top) */
        ax->xa.ticks_side[0] = ax->xa.ticks_side[1] = true;
        ax->xa.minor_side[0] = ax->xa.minor_side[1] = true;
        ax->xa.labels_side[0] = !upper;
        ax->xa.labels_side[1] = upper;
    }
    nd_free_mem(v);
    nd_free_mem(px);
    nd_free_mem(py);
    return st;
}

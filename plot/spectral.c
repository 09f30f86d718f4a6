/* matplotlib.mlab's spectral estimates (3.6 _spectral_helper and what builds on it) and the
 * correlation of Axes.xcorr, computed on plain buffers; the transforms are numc's FFT.
 * Quirks kept on purpose, so the numbers are matplotlib's: the one-sided doubling skips the
 * last bin by NFFT's parity, not pad_to's; a one-sided even pad_to flips the sign of the
 * Nyquist frequency to positive; detrend 'linear' of complex data uses np.cov's conjugate. */
#include "spectral.h"
#include "workers.h"

#include <limits.h>
#include <math.h>
#include <stdatomic.h>
#include <string.h>

int nplot__spectral_detrend_mode(const char *s)
{
    if (!s || !strcmp(s, "none")) return SPEC_DETREND_NONE;
    if (!strcmp(s, "mean")) return SPEC_DETREND_MEAN;
    if (!strcmp(s, "linear")) return SPEC_DETREND_LINEAR;
    return -1;
}

nd_status nplot__spectral_window(const nd_array *w, const char *name, int nfft, double **out,
                                 const char *who)
{
    *out = NULL;
    nd_array *a = NULL;
    if (w) {
        if (nd_ndim(w) != 1 || nd_size(w) != nfft)
            return nd_set_error(ND_EVALUE,
                                "%s: The window length must match the data's first dimension "
                                "(window has %td values, NFFT is %d)",
                                who, nd_ndim(w) == 1 ? nd_size(w) : (ptrdiff_t)-1, nfft);
        a = nd_astype(w, ND_FLOAT64, ND_CAST_UNSAFE);
    } else if (!name || !strcmp(name, "hanning")) {
        a = nd_hanning(nfft);
    } else if (!strcmp(name, "hamming")) {
        a = nd_hamming(nfft);
    } else if (!strcmp(name, "blackman")) {
        a = nd_blackman(nfft);
    } else if (!strcmp(name, "bartlett")) {
        a = nd_bartlett(nfft);
    } else if (!strcmp(name, "none")) {
        double *v = nd_malloc(sizeof(double) * (size_t)nfft, who);
        if (!v) return ND_ENOMEM;
        for (int i = 0; i < nfft; i++) v[i] = 1;
        *out = v;
        return ND_OK;
    } else {
        return nd_set_error(ND_EVALUE,
                            "%s: window must be 'hanning', 'hamming', 'blackman', 'bartlett' or "
                            "'none', got '%s'", who, name);
    }
    if (!a) return nd_last_error();
    nd_array *c = nd_ascontiguousarray(a);
    nd_free(a);
    if (!c) return nd_last_error();
    double *v = nd_malloc(sizeof(double) * (size_t)nfft, who);
    if (v) memcpy(v, nd_data(c), sizeof(double) * (size_t)nfft);
    nd_free(c);
    if (!v) return ND_ENOMEM;
    *out = v;
    return ND_OK;
}

/* mlab.detrend_mean / detrend_linear of one segment (re, and im when complex), in place. */
static void detrend_seg(double *re, double *im, int n, int mode)
{
    if (mode == SPEC_DETREND_NONE || n < 1) return;
    double mr = 0, mi = 0;
    for (int i = 0; i < n; i++) mr += re[i];
    mr /= n;
    if (im) {
        for (int i = 0; i < n; i++) mi += im[i];
        mi /= n;
    }
    double br = 0, bi = 0, mx = (n - 1) / 2.0;
    if (mode == SPEC_DETREND_LINEAR) {
        /* np.cov(arange(n), y, bias=1): C[0,1] = mean((x - mx) conj(y - my)) */
        double vx = 0, cr = 0, ci = 0;
        for (int i = 0; i < n; i++) {
            double d = i - mx;
            vx += d * d;
            cr += d * (re[i] - mr);
            if (im) ci -= d * (im[i] - mi);
        }
        if (vx > 0) br = cr / vx, bi = ci / vx;
    }
    for (int i = 0; i < n; i++) {
        re[i] -= mr + br * (i - mx);
        if (im) im[i] -= mi + bi * (i - mx);
    }
}

/* Segments transformed at a time: a block of spectra is still in cache when its bins are
 * transposed into the (frequency, segment) result, and the (nseg, pad_to) segments and
 * spectra of a long signal never exist whole (1M samples, NFFT 256: 32 MB of fresh pages
 * less). */
static size_t block_rows(int pad_to, size_t nseg)
{
    size_t rows = (size_t)(256 * 1024) / (sizeof(double) * (size_t)pad_to);
    if (rows > 64) rows = 64;
    if (rows < 1) rows = 1;
    return rows < nseg ? rows : nseg;
}

/* The buffers of one signal's blocks: the (rows, pad_to) segments (complex128 for complex
 * data) and a 2 NFFT scratch. */
typedef struct seg_block {
    nd_array *a;
    double *re;
} seg_block;

static bool seg_block_new(seg_block *sb, const spec_req *r, bool xc, size_t rows, const char *who)
{
    ptrdiff_t sh[2] = { (ptrdiff_t)rows, r->pad_to };
    sb->a = nd_empty(2, sh, xc ? ND_COMPLEX128 : ND_FLOAT64);
    sb->re = nd_malloc(sizeof(double) * 2 * (size_t)r->nfft, who);
    return sb->a && sb->re;
}

static void seg_block_free(seg_block *sb)
{
    nd_free(sb->a);
    nd_free_mem(sb->re);
    sb->a = NULL, sb->re = NULL;
}

/* The windowed, detrended, zero-padded segments s0, s0 + 1, ... (one per row of sb->a; rows
 * past the signal are zeros) of one signal, transformed: a complex128 (rows, pad_to) array,
 * or for real data the (rows, pad_to / 2 + 1) half spectrum of rfft (*half set; the other
 * bins are the conjugates). */
static nd_array *segment_fft(const spec_req *r, const double *x, bool xc, seg_block *sb, size_t s0,
                             bool *half)
{
    int nfft = r->nfft, step = r->nfft - r->noverlap;
    size_t rows = (size_t)nd_shape(sb->a)[0];
    *half = !xc;
    double *re = sb->re, *im = re + nfft, *d = nd_data(sb->a);
    size_t width = xc ? 2 * (size_t)r->pad_to : (size_t)r->pad_to;
    for (size_t s = 0; s < rows; s++) {
        size_t off = (s0 + s) * (size_t)step;
        for (int i = 0; i < nfft; i++) {
            size_t k = off + (size_t)i;
            bool in = k < r->n; /* shorter than NFFT: zero-filled (np.resize + zeros) */
            re[i] = in ? (xc ? x[2 * k] : x[k]) : 0;
            im[i] = in && xc ? x[2 * k + 1] : 0;
        }
        detrend_seg(re, xc ? im : NULL, nfft, r->detrend);
        double *row = d + s * width;
        if (xc) {
            for (int i = 0; i < nfft; i++) {
                row[2 * i] = re[i] * r->window[i];
                row[2 * i + 1] = im[i] * r->window[i];
            }
            memset(row + 2 * nfft, 0, sizeof(double) * 2 * (size_t)(r->pad_to - nfft));
        } else {
            for (int i = 0; i < nfft; i++) row[i] = re[i] * r->window[i];
            memset(row + nfft, 0, sizeof(double) * (size_t)(r->pad_to - nfft));
        }
    }
    nd_fft_opts fo = { .a = sb->a, .axis = ND_AXIS_NONE };
    nd_array *f = xc ? nd_fft_(&fo) : nd_rfft_(&fo);
    if (!f) return NULL;
    nd_array *c = nd_ascontiguousarray(f);
    nd_free(f);
    return c;
}

/* Bin b of segment s as (re, im), from a full or a half (rfft) spectrum of width w. */
static inline void bin_of(const double *d, bool half, size_t w, size_t pad, size_t s, size_t b,
                          double *re, double *im)
{
    if (!half || b < w) {
        const double *p = d + 2 * (s * w + b);
        *re = p[0], *im = p[1];
    } else {
        const double *p = d + 2 * (s * w + (pad - b));
        *re = p[0], *im = -p[1];
    }
}

void nplot__spectral_free(spec_out *o)
{
    nd_free_mem(o->re);
    nd_free_mem(o->im);
    nd_free_mem(o->freqs);
    nd_free_mem(o->t);
    memset(o, 0, sizeof *o);
}

/* np.unwrap along the frequency axis of column s. */
static void unwrap_col(double *v, size_t nf, size_t nseg, size_t s)
{
    double corr = 0, prev = v[s];
    for (size_t f = 1; f < nf; f++) {
        double cur = v[f * nseg + s], dd = cur - prev;
        double m = fmod(dd + M_PI, 2 * M_PI);
        if (m < 0) m += 2 * M_PI;
        m -= M_PI;
        if (m == -M_PI && dd > 0) m = M_PI;
        double pc = m - dd;
        if (fabs(dd) < M_PI) pc = 0;
        corr += pc;
        prev = cur;
        v[f * nseg + s] = cur + corr;
    }
}

/* The bin row f of the result reads: after the two-sided roll, the negative frequencies first. */
static size_t bin_at(const spec_req *r, size_t f)
{
    size_t pad = (size_t)r->pad_to, center = pad % 2 ? (pad - 1) / 2 + 1 : pad / 2;
    return r->twosided ? (f + center) % pad : f;
}

/* Columns s0 .. s0 + cnt - 1 of the result from the spectra X (and Y) of those segments
 * (row i of X is segment s0 + i), in frequency order after the two-sided roll: row f reads
 * bin b. */
static void spectral_block(const spec_req *r, spec_out *o, const nd_array *X, bool xh, const nd_array *Y,
                           bool yh, size_t s0, size_t cnt, double wsum, double w2sum)
{
    int pad = r->pad_to;
    size_t nf = o->nfreq, nseg = o->nseg;
    const double *xd = nd_data(X), *yd = Y ? nd_data(Y) : NULL;
    size_t xw = (size_t)nd_shape(X)[1], yw = Y ? (size_t)nd_shape(Y)[1] : 0;
    for (size_t f = 0; f < nf; f++) {
        size_t b = bin_at(r, f);
        double scale = 1;
        if (r->mode == SPEC_PSD) {
            bool doubled = !r->twosided && b >= 1 && (r->nfft % 2 ? true : b < nf - 1);
            if (doubled) scale = 2;
            scale /= r->scale_by_freq ? r->fs * w2sum : wsum * wsum;
        }
        double *ore = o->re + f * nseg + s0, *oim = o->im ? o->im + f * nseg + s0 : NULL;
        for (size_t i = 0; i < cnt; i++) {
            double pr, pi, vr, vi = 0;
            bin_of(xd, xh, xw, (size_t)pad, i, b, &pr, &pi);
            pi += 0.0; /* -0.0 → +0.0: numpy's angle(-1-0j) is pi */
            /* real data: the DC and Nyquist bins are real; FFTW leaves rounding noise of
             * either sign there, which would flip their angle between -pi and pi */
            if (!r->xc && (b == 0 || 2 * b == (size_t)pad)) pi = 0;
            if (Y) {
                double qr, qi;
                bin_of(yd, yh, yw, (size_t)pad, i, b, &qr, &qi);
                vr = (pr * qr + pi * qi) * scale; /* conj(X) Y */
                vi = (pr * qi - pi * qr) * scale;
            } else if (r->mode == SPEC_PSD) {
                vr = (pr * pr + pi * pi) * scale;
            } else if (r->mode == SPEC_MAGNITUDE) {
                vr = hypot(pr, pi) / wsum;
            } else if (r->mode == SPEC_COMPLEX) {
                vr = pr / wsum, vi = pi / wsum;
            } else {
                vr = atan2(pi, pr);
            }
            ore[i] = vr;
            if (oim) oim[i] = vi;
        }
    }
}

/* Blocks of segments per chunk of work shared out between the helper threads (workers.h):
 * each chunk has its own block buffers. */
enum { JOB_BLOCKS = 8 };

typedef struct spec_job {
    const spec_req *r;
    spec_out *o;
    size_t rows;
    double wsum, w2sum;
    const char *who;
    atomic_int status; /* the first failure's status */
} spec_job;

/* Columns [c span, (c + 1) span) of the result, span = JOB_BLOCKS blocks of rows segments. */
static void spectral_chunk(void *p, int c)
{
    spec_job *j = p;
    const spec_req *r = j->r;
    size_t nseg = j->o->nseg, rows = j->rows, s1 = (size_t)(c + 1) * rows * JOB_BLOCKS;
    bool same = !r->y;
    seg_block bx = { 0 }, by = { 0 };
    bool ok = seg_block_new(&bx, r, r->xc, rows, j->who) && (same || seg_block_new(&by, r, r->yc, rows, j->who));
    for (size_t s0 = (size_t)c * rows * JOB_BLOCKS; ok && s0 < nseg && s0 < s1; s0 += rows) {
        bool xh = false, yh = false;
        nd_array *X = segment_fft(r, r->x, r->xc, &bx, s0, &xh), *Y = NULL;
        if (X && !same) Y = segment_fft(r, r->y, r->yc, &by, s0, &yh);
        ok = X && (same || Y);
        if (ok) spectral_block(r, j->o, X, xh, Y, yh, s0, rows < nseg - s0 ? rows : nseg - s0, j->wsum, j->w2sum);
        nd_free(X);
        nd_free(Y);
    }
    seg_block_free(&bx);
    seg_block_free(&by);
    if (!ok) {
        nd_status st = nd_last_error(), none = ND_OK;
        atomic_compare_exchange_strong(&j->status, &none, st ? st : ND_ENOMEM);
    }
}

nd_status nplot__spectral(const spec_req *r, spec_out *o, const char *who)
{
    memset(o, 0, sizeof *o);
    if (r->nfft < 1) return nd_set_error(ND_EVALUE, "%s: NFFT must be at least 1, got %d", who, r->nfft);
    if (r->noverlap >= r->nfft)
        return nd_set_error(ND_EVALUE, "%s: noverlap must be less than NFFT, got noverlap %d, NFFT %d",
                            who, r->noverlap, r->nfft);
    if (r->pad_to < r->nfft)
        return nd_set_error(ND_EVALUE, "%s: pad_to must be at least NFFT, got pad_to %d, NFFT %d", who,
                            r->pad_to, r->nfft);
    bool same = !r->y;
    size_t len = r->n < (size_t)r->nfft ? (size_t)r->nfft : r->n; /* padded to NFFT */
    int step = r->nfft - r->noverlap, pad = r->pad_to;
    size_t nseg = (len - (size_t)r->nfft) / (size_t)step + 1;
    size_t nf = r->twosided ? (size_t)pad : (size_t)(pad % 2 ? (pad + 1) / 2 : pad / 2 + 1);
    bool cplx = !same || r->mode == SPEC_COMPLEX;
    o->nfreq = nf;
    o->nseg = nseg;
    o->re = nd_malloc(sizeof(double) * nf * nseg, who);
    o->im = cplx ? nd_malloc(sizeof(double) * nf * nseg, who) : NULL;
    o->freqs = nd_malloc(sizeof(double) * nf, who);
    o->t = nd_malloc(sizeof(double) * nseg, who);
    if (!o->re || (cplx && !o->im) || !o->freqs || !o->t) {
        nplot__spectral_free(o);
        return ND_ENOMEM;
    }
    spec_job j = { .r = r, .o = o, .rows = block_rows(pad, nseg), .who = who };
    for (int i = 0; i < r->nfft; i++)
        j.wsum += fabs(r->window[i]), j.w2sum += r->window[i] * r->window[i];
    size_t span = j.rows * JOB_BLOCKS, nchunk = (nseg + span - 1) / span;
    nplot__parallel(nchunk < INT_MAX ? (int)nchunk : INT_MAX, spectral_chunk, &j);
    nd_status st = atomic_load(&j.status);
    if (st) {
        nplot__spectral_free(o);
        /* the error of a helper thread is set on that thread */
        return st == ND_ENOMEM ? nd_set_error(st, "%s: out of memory", who)
                               : nd_set_error(st, "%s: the FFT of the segments failed", who);
    }
    for (size_t f = 0; f < nf; f++) {
        size_t b = bin_at(r, f);
        double fr = (b < (size_t)(pad + 1) / 2 ? (double)b : (double)b - pad) * (1.0 / (pad * (1.0 / r->fs)));
        o->freqs[f] = !r->twosided && !(pad % 2) && f == nf - 1 ? -fr : fr;
    }
    for (size_t s = 0; s < nseg; s++) o->t[s] = (r->nfft / 2.0 + (double)(s * (size_t)step)) / r->fs;
    if (r->mode == SPEC_PHASE)
        for (size_t s = 0; s < nseg; s++) unwrap_col(o->re, nf, nseg, s);
    return ND_OK;
}

void nplot__spectral_mean(spec_out *o)
{
    if (o->nseg <= 1) return;
    for (size_t f = 0; f < o->nfreq; f++) {
        double sr = 0, si = 0;
        for (size_t s = 0; s < o->nseg; s++) {
            sr += o->re[f * o->nseg + s];
            if (o->im) si += o->im[f * o->nseg + s];
        }
        o->re[f] = sr / (double)o->nseg;
        if (o->im) o->im[f] = si / (double)o->nseg;
    }
    o->nseg = 1;
}

/* detrend of a whole signal, copied into out */
static void detrend_copy(const double *x, size_t n, int mode, double *out)
{
    memcpy(out, x, n * sizeof *out);
    if (mode == SPEC_DETREND_NONE) return;
    double m = 0, mx = (n - 1) / 2.0, vx = 0, c = 0;
    for (size_t i = 0; i < n; i++) m += x[i];
    m /= (double)n;
    if (mode == SPEC_DETREND_LINEAR)
        for (size_t i = 0; i < n; i++) {
            double d = (double)i - mx;
            vx += d * d;
            c += d * (x[i] - m);
        }
    double b = vx > 0 ? c / vx : 0;
    for (size_t i = 0; i < n; i++) out[i] = x[i] - m - b * ((double)i - mx);
}

void nplot__xcorr(const double *x, const double *y, size_t n, int detrend, bool normed, int maxlags,
                  double *work, double *out)
{
    double *dx = work, *dy = work + n;
    detrend_copy(x, n, detrend, dx);
    detrend_copy(y, n, detrend, dy);
    /* np.correlate(x, y, 'full')[n - 1 + k] = sum_i x[i + k] y[i] for lag k */
    for (int k = -maxlags; k <= maxlags; k++) {
        double s = 0;
        size_t i0 = k < 0 ? (size_t)(-k) : 0, i1 = k > 0 ? n - (size_t)k : n;
        for (size_t i = i0; i < i1; i++) s += dx[i + (size_t)k] * dy[i];
        out[k + maxlags] = s;
    }
    if (normed) {
        double sxx = 0, syy = 0;
        for (size_t i = 0; i < n; i++) sxx += dx[i] * dx[i], syy += dy[i] * dy[i];
        double d = sqrt(sxx * syy);
        for (int k = 0; k <= 2 * maxlags; k++) out[k] /= d;
    }
}

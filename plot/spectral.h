/* spectral.c (layer 1): matplotlib.mlab's spectral numbers (_spectral_helper, psd, csd,
 * cohere, specgram, the single spectra) and Axes.xcorr's correlation, on plain buffers.
 * kind_spectral.c (layer 3) draws them. Errors go through nd_set_error (no figure here). */
#ifndef NUMC_PLOT_SPECTRAL_H
#define NUMC_PLOT_SPECTRAL_H

#include <numc/numc.h>

#include <stdbool.h>
#include <stddef.h>

enum { SPEC_PSD = 0, SPEC_COMPLEX, SPEC_MAGNITUDE, SPEC_ANGLE, SPEC_PHASE };
enum { SPEC_DETREND_NONE = 0, SPEC_DETREND_MEAN, SPEC_DETREND_LINEAR };

typedef struct spec_req {
    size_t n;             /* samples of x (and of y) */
    const double *x, *y;  /* y NULL: the same data; complex data interleaved (re, im) */
    bool xc, yc;          /* x / y complex */
    int nfft, noverlap, pad_to; /* pad_to 0 → nfft */
    double fs;
    int detrend;          /* SPEC_DETREND_* */
    const double *window; /* nfft weights */
    bool twosided;
    bool scale_by_freq;   /* psd mode only */
    int mode;             /* SPEC_* */
} spec_req;

/* The (nfreq, nseg) result, row-major; im is NULL unless the result is complex (csd, complex
 * input in complex mode). freqs has nfreq values, t nseg. */
typedef struct spec_out {
    double *re, *im, *freqs, *t;
    size_t nfreq, nseg;
} spec_out;

/* mlab._spectral_helper. ND_EVALUE for noverlap >= NFFT, NFFT < 1, pad_to < NFFT. */
nd_status nplot__spectral(const spec_req *r, spec_out *o, const char *who);
void nplot__spectral_free(spec_out *o);
/* The mean over segments (mlab.psd / csd): re (and im) become nfreq values, nseg 1. */
void nplot__spectral_mean(spec_out *o);
/* The window: w (n values, checked against nfft) or the named numpy window ("hanning"
 * default, "hamming", "blackman", "bartlett", "none"). *out from nd_malloc. */
nd_status nplot__spectral_window(const nd_array *w, const char *name, int nfft, double **out,
                                 const char *who);
/* Detrend mode by name: NULL/"none" 0, "mean" 1, "linear" 2; -1 for unknown. */
int nplot__spectral_detrend_mode(const char *s);
/* Axes.xcorr's numbers: detrended x, y (n each), np.correlate 'full' restricted to lags
 * -maxlags..maxlags (2 maxlags + 1 values into out), normalised when normed. */
void nplot__xcorr(const double *x, const double *y, size_t n, int detrend, bool normed, int maxlags,
                  double *work, double *out);

#endif

/* Cookbook: spectral analysis and correlation plots, as matplotlib's psd, specgram, xcorr and
 * spy: a tone plus a rising chirp sampled at 1 kHz, its power spectral density (Welch,
 * NFFT 256), its spectrogram, the cross-correlation with a delayed copy, and the sparsity
 * pattern of a banded matrix.
 * Usage: plot_spectral [output-directory]   (scripts/mpl_spectral_reference.py draws the same) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define SPEC_N 4000

/* x: 120 Hz tone + chirp 50 → 450 Hz; y: x delayed by 7 samples; deterministic "noise" */
static void spectral_data(double *x, double *y, double *z /* 30 x 30 */)
{
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < SPEC_N; i++) {
        double t = i / 1000.0;
        x[i] = sin(2 * pi * 120 * t) + 0.6 * sin(2 * pi * (50 + 50 * t) * t) +
               0.3 * sin(i * i * 0.7071 + 0.1 * i);
    }
    for (int i = 0; i < SPEC_N; i++) y[i] = i >= 7 ? x[i - 7] : 0;
    for (int r = 0; r < 30; r++)
        for (int c = 0; c < 30; c++) z[r * 30 + c] = (abs(r - c) <= 2 || (r + c) % 11 == 0) ? r + c + 1 : 0;
}

/* the figure: psd, specgram, xcorr, spy in a 2 x 2 grid; NULL on error */
static nplot_figure *spectral_figure(void)
{
    static double x[SPEC_N], y[SPEC_N], z[900];
    spectral_data(x, y, z);
    nd_array *xa = nd_from_buffer(x, 1, (ptrdiff_t[]){ SPEC_N }, ND_FLOAT64);
    nd_array *ya = nd_from_buffer(y, 1, (ptrdiff_t[]){ SPEC_N }, ND_FLOAT64);
    nd_array *za = nd_from_buffer(z, 2, (ptrdiff_t[]){ 30, 30 }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 8);
    nplot_axes *ax[4];
    nd_status st = !xa || !ya || !za || !fig ? ND_ENOMEM : nplot_subplots(fig, 2, 2, ax);
    if (!st) st = nplot_psd(ax[0], xa, .NFFT = 256, .Fs = 1000);
    if (!st) st = nplot_set_title(ax[0], "psd");
    if (!st) st = nplot_specgram(ax[1], xa, .NFFT = 256, .Fs = 1000, .noverlap = 192);
    if (!st) st = nplot_set_title(ax[1], "specgram");
    if (!st) st = nplot_xcorr(ax[2], xa, ya, .maxlags = 20);
    if (!st) st = nplot_set_title(ax[2], "xcorr");
    if (!st) st = nplot_spy(ax[3], za, .markersize = 5);
    if (!st) st = nplot_set_title(ax[3], "spy");
    if (!st) st = nplot_tight_layout(fig);
    nd_free(xa);
    nd_free(ya);
    nd_free(za);
    if (st) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef SPECTRAL_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = spectral_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_spectral.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_spectral: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif

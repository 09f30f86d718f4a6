"""Fixtures for tests/test_plot_spectral.c: matplotlib 3.6's mlab.psd / csd / cohere /
specgram / magnitude_spectrum / angle_spectrum / phase_spectrum and Axes.acorr / xcorr /
psd return values, for several parameter sets (detrend, overlap, pad_to, sides, windows,
complex input, a signal shorter than NFFT).

Run with /usr/bin/python3; writes tests/data/spectral.txt as lines `name v0 v1 ...`
(complex arrays as re, im pairs)."""
import os
import warnings

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import mlab  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "spectral.txt")
DET = {"none": mlab.detrend_none, "mean": mlab.detrend_mean, "linear": mlab.detrend_linear}


def row(f, name, vals):
    v = np.ravel(np.asarray(vals))
    if np.iscomplexobj(v):
        v = np.column_stack([v.real, v.imag]).ravel()
    f.write(name + " " + " ".join(repr(float(a)) for a in v) + "\n")


def main():
    rng = np.random.default_rng(20)
    t = np.arange(1000) / 100.0
    x = np.sin(2 * np.pi * 7 * t) + 0.5 * rng.normal(size=1000) + 0.01 * np.arange(1000)
    y = np.cos(2 * np.pi * 7 * t + 0.3) + 0.5 * rng.normal(size=1000)
    xc = (np.exp(2j * np.pi * 0.13 * np.arange(700)) + 0.3 * (rng.normal(size=700)
          + 1j * rng.normal(size=700)))
    short = rng.normal(size=100)
    s64 = np.sin(np.arange(64) * 0.7) + 0.2 * rng.normal(size=64)
    with open(OUT, "w") as f:
        row(f, "x", x)
        row(f, "y", y)
        row(f, "xc", xc)
        row(f, "short", short)
        row(f, "s64", s64)
        # psd cases: name, data, NFFT, Fs, detrend, window (name), noverlap, pad_to, sides, sbf
        psd_cases = [
            ("psd_default", x, 256, 2, "none", "hanning", 0, None, "default", True),
            ("psd_mean_ovl", x, 128, 10, "mean", "hanning", 64, None, "default", True),
            ("psd_linear_pad_two", x, 100, 2, "linear", "hamming", 30, 301, "twosided", True),
            ("psd_odd_nosbf", x, 101, 5, "mean", "blackman", 50, 128, "onesided", False),
            ("psd_short", short, 256, 2, "none", "hanning", 0, None, "default", True),
            ("psd_complex", xc, 128, 1, "none", "hanning", 64, None, "default", True),
            ("psd_complex_lin_one", xc, 64, 1, "linear", "bartlett", 0, 90, "onesided", True),
        ]
        for name, d, nfft, fs, det, win, nov, pad, sides, sbf in psd_cases:
            w = getattr(np, win)(nfft)
            p, fr = mlab.psd(d, NFFT=nfft, Fs=fs, detrend=DET[det], window=w, noverlap=nov,
                             pad_to=pad, sides=sides, scale_by_freq=sbf)
            row(f, name + "_P", p)
            row(f, name + "_f", fr)
        for name, nfft, det, nov, pad, sides in [("csd_default", 256, "none", 0, None, "default"),
                                                 ("csd_mean", 128, "mean", 64, 200, "twosided")]:
            p, fr = mlab.csd(x, y, NFFT=nfft, Fs=2, detrend=DET[det], noverlap=nov, pad_to=pad,
                             sides=sides)
            row(f, name + "_P", p)
            row(f, name + "_f", fr)
        c, fr = mlab.cohere(x, y, NFFT=128, Fs=2, noverlap=64)
        row(f, "cohere_C", c)
        row(f, "cohere_f", fr)
        # specgram: name, data, NFFT, noverlap, mode, pad_to, sides, detrend
        spec_cases = [
            ("spec_default", x, 256, 128, "psd", None, "default", "none"),
            ("spec_mag", x, 64, 32, "magnitude", None, "default", "mean"),
            ("spec_angle", x, 64, 0, "angle", None, "default", "none"),
            ("spec_phase_two", x, 50, 10, "phase", 80, "twosided", "none"),
            ("spec_complex", xc, 128, 64, "psd", None, "default", "linear"),
        ]
        for name, d, nfft, nov, mode, pad, sides, det in spec_cases:
            s, fr, tt = mlab.specgram(d, NFFT=nfft, Fs=2, noverlap=nov, mode=mode, pad_to=pad,
                                      sides=sides, detrend=DET[det])
            row(f, name + "_S", s)
            row(f, name + "_shape", s.shape)
            row(f, name + "_f", fr)
            row(f, name + "_t", tt)
        for kind in ("magnitude", "angle", "phase"):
            for tag, pad, sides in (("", None, "default"), ("_pad_two", 100, "twosided")):
                fn = getattr(mlab, kind + "_spectrum")
                s, fr = fn(s64, Fs=3, pad_to=pad, sides=sides)
                row(f, kind + tag + "_S", s)
                row(f, kind + tag + "_f", fr)
        fig, ax = plt.subplots()
        lags, c, _, _ = ax.acorr(x, maxlags=10)
        row(f, "acorr_lags", lags)
        row(f, "acorr_c", c)
        lags, c, _, _ = ax.xcorr(x, y, maxlags=20, normed=False, detrend=mlab.detrend_mean)
        row(f, "xcorr_mean_raw_c", c)
        lags, c, _, _ = ax.xcorr(x[:50], y[:50], maxlags=None, usevlines=False,
                                 detrend=mlab.detrend_linear)
        row(f, "xcorr_linear_all_c", c)
        # Axes.psd's y ticks and Fc shift
        fig, ax = plt.subplots()
        p, fr = ax.psd(x, NFFT=128, Fs=10, Fc=3)
        row(f, "axes_psd_f", fr)
        row(f, "axes_psd_yticks", ax.get_yticks())
        row(f, "axes_psd_ylim", ax.get_ylim())
        plt.close("all")


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    main()

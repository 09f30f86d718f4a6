"""matplotlib side of bench/wl_spectral.c (same name): ax.specgram of 1,000,000 samples (a
100 Hz tone in normal noise, Fs 1000), NFFT 256, noverlap 128, Agg, 800x600 px at 100 dpi,
PNG."""
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_spectral_")


def _setup():
    x = np.random.default_rng(1).normal(0, 1, 1000000)
    x += np.sin(2 * np.pi * 100 * np.arange(1000000) / 1000.0)
    return x, os.path.join(_TMP, "specgram_1M.png")


def _run(st):
    x, path = st
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.specgram(x, NFFT=256, Fs=1000)
    fig.savefig(path)
    plt.close(fig)


WORKLOADS = {"specgram_1M": (_setup, _run)}

"""matplotlib side of bench/wl_plot_polar.c (same names): 100,000 markers (s=2) on a
polar axes, Agg, 800x600 px at 100 dpi, PNG."""
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_plot_polar_")


def _polar_setup():
    i = np.arange(100_000)
    t = np.fmod(i * 2.399963229728653, 2 * np.pi)
    r = 1 + 0.5 * np.sin(7 * t) + (i % 100) / 100.0
    return t, r, os.path.join(_TMP, "polar_scatter_100k.png")


def _polar_run(st):
    t, r, path = st
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(1, 1, 1, projection="polar")
    ax.scatter(t, r, s=2)
    ax.set_title("polar scatter")
    fig.savefig(path)
    plt.close(fig)


WORKLOADS = {
    "polar_scatter_100k": (_polar_setup, _polar_run),
}

"""matplotlib side of bench/wl_violin.c (same name): 10 datasets of 100,000 normal samples
(column j scaled by 1 + j, shifted by 2j) as violinplot(showmeans, showmedians), Agg,
800x600 px at 100 dpi, PNG."""
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_violin_")


def _setup():
    d = np.random.default_rng(1).normal(0, 1, (100000, 10))
    d = d * (1 + np.arange(10)) + 2 * np.arange(10)
    return d, os.path.join(_TMP, "violin_10x100k.png")


def _run(st):
    d, path = st
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.violinplot(d, showmeans=True, showmedians=True)
    fig.savefig(path)
    plt.close(fig)


WORKLOADS = {"violin_10x100k": (_setup, _run)}

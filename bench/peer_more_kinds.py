"""matplotlib side of bench/wl_more_kinds.c (same names): stackplot of 5 layers of 10,000
values, Agg, 800x600 px at 100 dpi, PNG."""
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_more_kinds_")


def _stack_setup():
    x = 10.0 * np.arange(10000) / 9999
    ys = np.array([1.5 + np.sin(x * (1 + 0.3 * i) + i) for i in range(5)])
    return x, ys, os.path.join(_TMP, "stackplot_5x10k.png")


def _stack_run(st):
    x, ys, path = st
    fig = plt.figure(figsize=(8, 6), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.stackplot(x, ys)
    ax.set_title("stackplot")
    fig.savefig(path)
    plt.close(fig)


WORKLOADS = {
    "stackplot_5x10k": (_stack_setup, _stack_run),
}

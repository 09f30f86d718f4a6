"""matplotlib side of bench/wl_contour.c (same names): 20 levels of a 1000x1000 field,
Agg, 800x600 px at 100 dpi, PNG with a colorbar."""
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_contour_")


def _contour(name, filled):
    def setup():
        x = -3 + 6.0 * np.arange(1000) / 999
        X, Y = np.meshgrid(x, x)
        Z = np.sin(3 * X) * np.cos(2 * Y) + 0.5 * np.exp(-(X**2 + Y**2))
        return x, Z, os.path.join(_TMP, name + ".png")

    def run(st):
        x, Z, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        cs = (ax.contourf if filled else ax.contour)(x, x, Z, 20)
        fig.colorbar(cs, ax=ax)
        ax.set_title("contourf" if filled else "contour")
        fig.savefig(path)
        plt.close(fig)

    return setup, run


WORKLOADS = {
    "contour_1000": _contour("contour_1000", False),
    "contourf_1000": _contour("contourf_1000", True),
}

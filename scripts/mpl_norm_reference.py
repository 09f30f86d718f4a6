#!/usr/bin/env python3
"""matplotlib renderings of the norm golden images of tests/test_plot_norms.c, to look at
next to tests/data/plot/norm_*.png (same data, same options).
Run: /usr/bin/python3 scripts/mpl_norm_reference.py [outdir]   (default /tmp)"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import colors  # noqa: E402


def lognorm_data():
    # matplotlib's LogNorm example: a broad bump plus a narrow spike 50 times higher
    x = np.linspace(-3, 3, 40)
    y = np.linspace(-2, 2, 30)
    X, Y = np.meshgrid(x, y)
    return np.exp(-X**2 - Y**2) + 50 * np.exp(-(X * 10)**2 - (Y * 10)**2)


def twoslope_data():
    # 12 x 16 cells from -1.5 to 3.5 (beyond the norm's -1 .. 3 on both sides)
    i, j = np.mgrid[0:12, 0:16]
    return -1.5 + 5.0 * (i * 16 + j) / (12 * 16 - 1)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
    fig, ax = plt.subplots()
    im = ax.imshow(lognorm_data(), norm=colors.LogNorm(), interpolation="nearest")
    fig.colorbar(im, ax=ax)
    fig.savefig(os.path.join(out, "mpl_norm_lognorm.png"))

    fig, ax = plt.subplots()
    m = ax.pcolormesh(twoslope_data(), cmap="RdBu_r",
                      norm=colors.TwoSlopeNorm(vmin=-1, vcenter=0, vmax=3))
    fig.colorbar(m, ax=ax, extend="both", label="anomaly")
    fig.savefig(os.path.join(out, "mpl_norm_twoslope.png"))

    fig, ax = plt.subplots()
    bounds = [-1, -0.5, 0, 0.5, 1, 2, 3]
    m = ax.pcolormesh(twoslope_data(), cmap="viridis",
                      norm=colors.BoundaryNorm(bounds, ncolors=256, extend="both"))
    fig.colorbar(m, ax=ax, drawedges=True)
    fig.savefig(os.path.join(out, "mpl_norm_boundary.png"))


if __name__ == "__main__":
    main()

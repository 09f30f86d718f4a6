#!/usr/bin/env python3
"""matplotlib's rendering of the figures of tests/test_plot_masked.c's golden images
(tests/data/plot/masked_line.png, masked_image.png), for side-by-side review of numc's
masked plotting against matplotlib's. Writes into a directory (default /tmp):
    /usr/bin/python3 scripts/mpl_masked_reference.py [outdir]
The data are built exactly as in the test (keep the two in step)."""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def masked_line(path):
    n = 50
    x = np.arange(n) * 0.25
    y = np.sin(x)
    mask = np.zeros(n, bool)
    mask[[10, 11, 12, 25, 30, 32, 41]] = True
    y[mask] = -999  # the sensor's "no reading" code under the mask
    y = np.ma.array(y, mask=mask)
    fig = plt.figure(figsize=(5, 3.5), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(x, y, label="line")
    ax.plot(x, y - 1.5, "o-", markersize=4, label="line + markers")
    ax.set_title("masked points break the line")
    ax.legend(loc="lower left")
    fig.savefig(path)
    plt.close(fig)


def masked_image(path):
    h, w = 8, 10
    i, j = np.mgrid[0:h, 0:w]
    v = np.sin(j / 2.0) * np.cos(i / 3.0)
    mask = (j - 4.5) ** 2 + (i - 3.5) ** 2 < 5  # a masked disc in the middle
    v[mask] = 1e3
    z = np.ma.array(v, mask=mask)
    fig = plt.figure(figsize=(7, 3), dpi=100)
    a1 = fig.add_subplot(1, 2, 1)
    a2 = fig.add_subplot(1, 2, 2)
    a1.imshow(z, interpolation="nearest")
    a1.set_title("imshow (bad: transparent)")
    cmap = matplotlib.colormaps["RdBu"].copy()
    cmap.set_bad("gray")  # numc: .bad = "gray"
    q = a2.pcolormesh(z, cmap=cmap)
    a2.set_title("pcolormesh (bad = gray)")
    fig.colorbar(q, ax=a2)
    fig.savefig(path)
    plt.close(fig)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
    os.makedirs(out, exist_ok=True)
    for name, fn in (("masked_line", masked_line), ("masked_image", masked_image)):
        path = os.path.join(out, "mpl_" + name + ".png")
        fn(path)
        print(path)


if __name__ == "__main__":
    main()

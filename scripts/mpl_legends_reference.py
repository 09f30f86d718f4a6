"""matplotlib's rendering of examples/legends.c and the legend boxes' window extents
(pixels, origin top left) that tests/test_plot_legend_more.c checks numc's against.
Usage: /usr/bin/python3 scripts/mpl_legends_reference.py [out.png]"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 10, 50)
fig, axs = plt.subplots(1, 2, figsize=(9, 4), dpi=100)
lines = []
for k in range(4):
    lines += axs[0].plot(x, np.sin(x + k) + 2.5 * k)
leg0 = axs[0].legend(lines[:2], ["first", "second"], loc="upper left", shadow=True,
                     facecolor="lightyellow", edgecolor="black", framealpha=1,
                     title="two of four", title_fontsize=12, borderpad=1, labelspacing=1)
sx = np.arange(8.0)
axs[1].scatter(sx, 0.5 * sx, label="rising")
axs[1].scatter(sx, 4 - 0.3 * sx, label="falling")
# reverse=True (matplotlib >= 3.7): 3.6 takes the reversed handles
h, lab = axs[1].get_legend_handles_labels()
leg1 = axs[1].legend(h[::-1], lab[::-1], loc="upper center", ncols=2, scatterpoints=3,
                     markerscale=1.5, handlelength=3, columnspacing=1)
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_legends.png")
r = fig.canvas.get_renderer()
H = fig.bbox.height
for name, leg in (("leg0", leg0), ("leg1", leg1)):
    b = leg.get_frame().get_window_extent(r)
    print(f"{name} x0={b.x0:.2f} y0={H - b.y1:.2f} w={b.width:.2f} h={b.height:.2f}")

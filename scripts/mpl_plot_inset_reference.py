#!/usr/bin/env python3
"""matplotlib 3.6's rendering of examples/plot_inset.c (to review the golden image
tests/data/plot/plot_inset.png next to): /usr/bin/python3 scripts/mpl_plot_inset_reference.py OUT.png"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

fig, (ax, bx) = plt.subplots(1, 2, figsize=(10, 4.5), dpi=72)
x = np.arange(400) * 10.0 / 399
y = np.exp(-x / 3) * np.sin(3 * x) * 1000
ax.plot(x, y)
ax.set_xlim(0, 10)
ax.set_ylim(-1000, 1500)
axin = ax.inset_axes([0.5, 0.55, 0.45, 0.4])
axin.plot(x, y)
axin.set_xlim(0.2, 1.4)
axin.set_ylim(300, 900)
ax.indicate_inset_zoom(axin, edgecolor="black")
ax.ticklabel_format(axis="y", style="sci", scilimits=(0, 0), useMathText=True)
ax.locator_params(axis="x", nbins=4)
ax.set_title("inset_axes + indicate_inset_zoom")

bx.arrow(0, 0, 3, 2, width=0.1)
bx.arrow(0, 3, 3, 0, width=0.2, head_width=0.6, shape="left", color="C1")
bx.arrow(4, 0, 0, 3, width=0.15, overhang=0.5, length_includes_head=True,
         facecolor="C2", edgecolor="black")
bx.arrow(5, 3.5, -1, -3, width=0.05, head_width=0.4, shape="right", color="C3", alpha=0.7)
bx.set_title("arrow (FancyArrow)")
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "plot_inset_mpl.png")

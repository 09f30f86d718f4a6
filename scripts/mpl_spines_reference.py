"""matplotlib's rendering of examples/spines_axis.c (spines moved/styled, axisbelow 'line') for
the golden tests/data/plot/spines_axis.png. Run with /usr/bin/python3; writes /tmp/mpl_spines_axis.png.
With --axis-modes it prints the limits and axes box (figure fractions) after ax.axis(mode) that
tests/test_plot_spines.c checks: plot([0, 10], [0, 2]) in a 6x4 figure, axes [0.1, 0.1, 0.8, 0.8]."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

x = -np.pi + 2 * np.pi * np.arange(101) / 100
fig, axs = plt.subplots(1, 2, figsize=(8, 3.5))
axs[0].plot(x, np.sin(x))
axs[0].spines[["left", "bottom"]].set_position("zero")
axs[0].spines[["right", "top"]].set_visible(False)
axs[0].set_title("set_position('zero')")
axs[1].bar([0, 1, 2, 3], [3, 4.5, 2, 3.5])
axs[1].plot([-0.5, 3.5], [1, 4], color="black", linewidth=3)
axs[1].grid(True)
axs[1].set_axisbelow("line")
axs[1].spines["left"].set_position(("outward", 10))
axs[1].spines["left"].set_color("red")
axs[1].spines["left"].set_bounds(0, 4)
axs[1].spines["bottom"].set_linewidth(2)
axs[1].set_title("outward, bounds, axisbelow='line'")
fig.tight_layout()
fig.savefig("/tmp/mpl_spines_axis.png", dpi=100)

if "--axis-modes" in sys.argv:
    for m in ["equal", "scaled", "tight", "square", "image"]:
        fig = plt.figure(figsize=(6, 4))
        ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
        ax.plot([0, 10], [0, 2])
        ax.axis(m)
        fig.canvas.draw()
        print(m, ax.get_xlim(), ax.get_ylim(), ax.get_position().bounds)

#!/usr/bin/env python3
"""NumPy / matplotlib fixtures of tests/test_plot_mesh.c (issue 19).
Writes tests/data/plot/mesh_hist2d.txt (numpy.histogram2d and matplotlib hist2d results
in tests/fixture.h's line format) and tests/data/plot/mesh_mpl_{bilinear,bicubic}{,_min}.png
(matplotlib's renderings of a magnified and a minified image whose pixels the test compares).
Run with /usr/bin/python3 (NumPy 1.24, matplotlib 3.6) from the repository root."""
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_text import fixture_line  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
outdir = os.path.join(root, "tests", "data", "plot")

# 60 points that the test makes with the same formula
k = np.arange(60, dtype=float)
x = np.sin(k * 1.3) * 2 + np.cos(k * 0.7)
y = np.cos(k * 0.9) * 1.5 + k / 40.0
w = 0.5 + (k % 7) / 3.0

lines = [fixture_line("x", x), fixture_line("y", y), fixture_line("w", w)]

h, xe, ye = np.histogram2d(x, y, bins=5)
lines += [fixture_line("b5_h", h), fixture_line("b5_xe", xe), fixture_line("b5_ye", ye)]

h, xe, ye = np.histogram2d(x, y, bins=(4, 3), range=[[-2, 2], [-1, 3]], weights=w, density=True)
lines += [fixture_line("pair_h", h), fixture_line("pair_xe", xe), fixture_line("pair_ye", ye)]

edges = np.array([-3.0, -1.0, 0.0, 0.5, 3.5])
h, xe, ye = np.histogram2d(x, y, bins=[edges, 3])
lines += [fixture_line("mixed_h", h), fixture_line("mixed_xe", xe), fixture_line("mixed_ye", ye)]

# matplotlib's hist2d: counts outside [cmin, cmax] come back as NaN
fig, ax = plt.subplots()
h, xe, ye, _ = ax.hist2d(x, y, bins=4, cmin=3, cmax=5)
lines += [fixture_line("cmin_h", h), fixture_line("cmin_xe", xe), fixture_line("cmin_ye", ye),
          fixture_line("cmin_xlim", np.array(ax.get_xlim())),
          fixture_line("cmin_ylim", np.array(ax.get_ylim()))]
plt.close(fig)

with open(os.path.join(outdir, "mesh_hist2d.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")

# the 4 x 4 image of test_imshow_interpolation_matches_matplotlib: a bare axes filling a
# 200 x 200 pixel figure, gray colormap over 0..3
# and a 300 x 300 image minified into the same 200 x 200 pixels (the filter widens)
z = np.array([[0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1], [1, 2, 3, 0]], float)
i, j = np.mgrid[0:300, 0:300]
big = ((i // 3 + j // 5) % 7) + np.sin(i * 0.37) * 2
for interp in ("bilinear", "bicubic"):
    for name, data, lo, hi in (("", z, 0, 3), ("_min", big, -2, 8)):
        fig = plt.figure(figsize=(4, 4), dpi=50)
        ax = fig.add_axes([0, 0, 1, 1])
        ax.set_axis_off()
        ax.imshow(data, interpolation=interp, cmap="gray", vmin=lo, vmax=hi, aspect="auto")
        fig.savefig(os.path.join(outdir, f"mesh_mpl_{interp}{name}.png"), dpi=50)
        plt.close(fig)

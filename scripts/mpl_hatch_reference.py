#!/usr/bin/env python3
"""matplotlib's rendering of every hatch pattern, the reference tests/test_plot_bars_more.c
compares numc's pixels with (no text, so the two renderers draw the same things):
tests/data/plot/hatch_patterns_mpl.png. Two rows of ten bars on a frameless axes filling a
6 x 3 inch, 72 dpi figure: the ten hatch characters, then denser / combined ones, and a bar
with an edge color (the hatch takes it).
Usage: mpl_hatch_reference.py [output.png]"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/plot/hatch_patterns_mpl.png"
row1 = ["/", "\\", "|", "-", "+", "x", "o", "O", ".", "*"]
row2 = ["//", "\\\\\\", "||", "--", "++", "xx", "oo", "OO", "..", "x*"]
fig = plt.figure(figsize=(6, 3), dpi=72)
ax = fig.add_axes([0, 0, 1, 1])
ax.set_axis_off()
ax.set_xlim(-0.5, 9.5)
ax.set_ylim(0, 2)
for i, h in enumerate(row1):
    ax.bar(i, 0.9, bottom=1.05, width=0.9, color="#ffffcc", hatch=h)
for i, h in enumerate(row2):
    kw = {}
    if i == 8:
        kw["edgecolor"] = "tab:blue"
    ax.bar(i, 0.9, bottom=0.05, width=0.9, color="#ccffff", hatch=h, **kw)
fig.savefig(out)

# A second reference without text: three datasets side by side (hatched), the stacked step
# outline of two of them, on a frameless axes (tests/data/plot/hist_sets_mpl.png).
import numpy as np

out2 = sys.argv[2] if len(sys.argv) > 2 else "tests/data/plot/hist_sets_mpl.png"
i = np.arange(200)
d = [np.fmod(i * 0.618034, 1) * 4 + np.fmod(i * 0.4142136 + 0.3 * k, 1) * 2 + k for k in range(3)]
fig = plt.figure(figsize=(6, 3), dpi=72)
ax = fig.add_axes([0, 0, 1, 1])
ax.set_axis_off()
ax.hist(d, bins=8, hatch="/", edgecolor="black", linewidth=0.5)
ax.hist(d[:2], bins=8, histtype="step", stacked=True, color=["C3", "C4"], linewidth=2)
ax.set_xlim(0, 8)
ax.set_ylim(0, 110)
fig.savefig(out2)

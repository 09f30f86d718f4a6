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

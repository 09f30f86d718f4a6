#!/usr/bin/env python3
"""Fixtures of tests/test_plot_bars_more.c from matplotlib 3.6 itself (the bars, polygons
and texts its hist / bar_label / pie build): tests/data/plot/bars_more.txt.
Lines are "name v0 v1 ..." (numbers, or texts without spaces for the *_texts lines)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

OUT = "tests/data/plot/bars_more.txt"
lines = []


def put(name, vals):
    lines.append(name + " " + " ".join(repr(float(v)) for v in vals))


def put_texts(name, texts):
    lines.append(name + " " + " ".join(texts))


i = np.arange(200)
d = [np.fmod(i * 0.618034, 1) * 4 + np.fmod(i * 0.4142136 + 0.3 * k, 1) * 2 + k for k in range(3)]


def rects(bcs):
    out = []
    for bc in bcs:
        for r in bc:
            out += [r.get_x(), r.get_width(), r.get_y(), r.get_height()]
    return out


# side by side: 3 datasets, 8 bins
fig, ax = plt.subplots()
n, e, p = ax.hist(d, bins=8)
put("side_counts", np.ravel(n))
put("side_edges", e)
put("side_rects", rects(p))
put("side_xlim", ax.get_xlim())
put("side_ylim", ax.get_ylim())
plt.close(fig)

# barstacked, vertical, 6 bins; density stacked
fig, ax = plt.subplots()
n, e, p = ax.hist(d, bins=6, histtype="barstacked")
put("stacked_rects", rects(p))
n, e, p = ax.hist(d, bins=6, stacked=True, density=True)
put("stacked_density_tops", np.ravel(n))
plt.close(fig)

# horizontal barstacked
fig, ax = plt.subplots()
n, e, p = ax.hist(d, bins=6, histtype="barstacked", orientation="horizontal")
put("horiz_rects", rects(p))
plt.close(fig)

# stacked step and stepfilled polygons, 2 datasets, 5 bins
for kind in ("step", "stepfilled"):
    fig, ax = plt.subplots()
    n, e, p = ax.hist(d[:2], bins=5, histtype=kind, stacked=True)
    for k, pl in enumerate(p):
        xy = pl[0].get_xy()
        put(f"{kind}_d{k}_x", xy[:, 0])
        put(f"{kind}_d{k}_y", xy[:, 1])
    plt.close(fig)

# bar_label: stacked bars with error bars, the bar_hatches example's panel
fig, ax = plt.subplots()
x = np.arange(4.0)
men, women = np.array([20, 35, 30, 35.0]), np.array([25, 32, 34, 20.0])
b1 = ax.bar(x, men, yerr=[2, 3, 4, 1], capsize=4)
b2 = ax.bar(x, women, bottom=men, yerr=[3, 5, 2, 3], capsize=4)
t1 = ax.bar_label(b1, label_type="center")
t2 = ax.bar_label(b2, fmt="%.1f", padding=3)
put_texts("label_center_texts", [t.get_text() for t in t1])
put_texts("label_edge_texts", [t.get_text() for t in t2])
put("label_edge_xy", np.ravel([t.xy for t in t2]))
put("label_edge_offset", np.ravel([t.xyann for t in t2]))
put_texts("label_edge_va", [t.get_va() for t in t2])
# negative bars, horizontal, edge
bh = ax.barh([0, 1, 2], [3, -2, 0.5])
t3 = ax.bar_label(bh, padding=4)
put_texts("label_barh_texts", [t.get_text() for t in t3])
put("label_barh_xy", np.ravel([t.xy for t in t3]))
put("label_barh_offset", np.ravel([t.xyann for t in t3]))
put_texts("label_barh_ha", [t.get_ha() for t in t3])
plt.close(fig)

# pie: autopct of fractions whose exact halves depend on numpy's pairwise sum
sizes = [0.15, 0.3, 1.1, 2.5, 0.7, 0.3, 0.1, 0.35, 2.5]
fig, ax = plt.subplots()
_, _, auto = ax.pie(sizes, autopct="%1.1f%%")
put_texts("pie_half_texts", [t.get_text() for t in auto])
put("pie_half_pos", np.ravel([t.get_position() for t in auto]))
plt.close(fig)

# log bars: limits
fig, ax = plt.subplots()
ax.bar([0, 1, 2, 3], [5, 50, 500, 5000], log=True)
put("log_bar_ylim", ax.get_ylim())
plt.close(fig)

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")

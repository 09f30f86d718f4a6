#!/usr/bin/env python3
"""matplotlib 3.6's rendering of examples/bars_hatches.c's scene (next to the golden image
tests/data/plot/bars_hatches.png, for side-by-side review): writes the PNG named on the
command line (default /tmp/mpl_bars_hatches.png). Also prints the structural facts
tests/test_plot_bars_more.c checks (bar heights and bottoms, label texts, autopct texts)."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_bars_hatches.png"
fig, axs = plt.subplots(3, 3, figsize=(12, 10), dpi=72)
ax = axs.ravel()

x = np.arange(4.0)
men, women = np.array([20, 35, 30, 35.0]), np.array([25, 32, 34, 20.0])
b1 = ax[0].bar(x, men, yerr=[2, 3, 4, 1], capsize=4, hatch="//", label="men")
b2 = ax[0].bar(x, women, bottom=men, yerr=[3, 5, 2, 3], capsize=4, hatch="x", edgecolor="black",
               label="women")
t1 = ax[0].bar_label(b1, label_type="center")
t2 = ax[0].bar_label(b2, fmt="%.1f", padding=3)
ax[0].legend(loc="upper left")
ax[0].set_title("bar: hatch, yerr, bar_label")
print("bar_label center:", [t.get_text() for t in t1])
print("bar_label edge:", [t.get_text() for t in t2])

names = ["alpha", "beta", "gamma", "delta"]
bh = ax[1].barh(names, [5, 50, 500, 5000], log=True, hatch="\\\\", color="C1", edgecolor="C3")
ax[1].bar_label(bh, fmt="%d", padding=2)
ax[1].set_title("barh: log, categories")

i = np.arange(200)
d = [np.fmod(i * 0.618034, 1) * 4 + np.fmod(i * 0.4142136 + 0.3 * k, 1) * 2 + k for k in range(3)]
n3, e3, _ = ax[2].hist(d, bins=8, hatch="/", label=["a", "b", "c"])
ax[2].legend()
ax[2].set_title("hist: 3 datasets")
print("hist3 counts:", n3.tolist())
print("hist3 edges:", e3.tolist())

ax[3].hist(d[:2], bins=10, histtype="stepfilled", stacked=True, hatch="..", alpha=0.8)
ax[3].hist(d[:2], bins=10, histtype="step", stacked=True, color=["black", "black"])
ax[3].set_title("hist: stacked stepfilled + step")

ax[4].hist(d, bins=6, histtype="barstacked", orientation="horizontal", log=True, edgecolor="white")
ax[4].set_title("hist: barstacked, horizontal, log")

_, _, auto = ax[5].pie([12.5, 25, 37.5, 25], labels=["frogs", "hogs", "dogs", "logs"], autopct="%1.0f%%",
                       pctdistance=0.8, startangle=90, counterclock=False,
                       wedgeprops=dict(width=0.4, edgecolor="white", hatch="o"),
                       textprops=dict(color="dimgray", weight="bold"))
ax[5].set_title("pie: donut, hatch, textprops")
print("autopct:", [t.get_text() for t in auto])

ax[6].plot(["mon", "tue", "wed", "thu"], [3, 1, 4, 1.5], "ko-")
ax[6].scatter(["tue", "fri"], [2, 3.5], color="C3")
ax[6].set_title("plot / scatter: categories")

u = -3 + 6.0 * np.arange(30) / 29
v = -2 + 4.0 * np.arange(30) / 29
U, V = np.meshgrid(u, v)
Z = np.exp(-U * U / 4 - V * V) - 0.5 * np.exp(-(U - 1.5) ** 2 - (V + 1) ** 2)
ax[7].contourf(Z, levels=4, cmap="Greys", hatches=["-", "/", "\\\\", "//", "x", None])
ax[7].set_title("contourf: hatches")

fx = np.arange(40) / 39.0 * 6
ax[8].fill_between(fx, 1 + np.sin(fx), hatch="++", facecolor="none", edgecolor="C2", linewidth=1)
ax[8].broken_barh([(0.5, 1.5), (3, 2)], (2.3, 0.5), facecolors="C4", hatch="*")
ax[8].set_title("fill_between, broken_barh")
fig.tight_layout()
fig.savefig(out)

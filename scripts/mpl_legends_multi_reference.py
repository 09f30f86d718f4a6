"""matplotlib 3.6's rendering of examples/legends_multi.c and the legend frames' window
extents (pixels, origin top left) that tests/test_plot_legends_multi.c checks numc's against:
two legends on one axes (ax.add_artist), the 'expand' recipe above an axes of error bars
(their handles with bars and caps), and two figure legends. A second, small figure (6 x 4 in)
checks a point anchor on an axes, 'expand' without an anchor and a figure legend's default
loc ('best' is 'upper right' for figures); a third one loc 'best' around a point anchor.
Usage: /usr/bin/python3 scripts/mpl_legends_multi_reference.py [out.png [small.png]]"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

fig, axs = plt.subplots(1, 2, figsize=(10, 5.5), dpi=100)
fig.subplots_adjust(bottom=0.24, top=0.8)
x = np.linspace(0, 10, 50)
lines = []
for k, name in enumerate(["alpha", "beta", "gamma", "delta"]):
    lines += axs[0].plot(x, np.sin(x + k) + 2.5 * k, label=name)
axs[0].set_ylim(-3, 12)
leg_a = axs[0].legend(handles=lines[:2], loc="upper left", title="first two")
axs[0].add_artist(leg_a)
leg_b = axs[0].legend(handles=lines[2:], loc="lower right")

ex = np.arange(1.0, 6.0)
eb1 = axs[1].errorbar(ex, 0.8 * ex, yerr=0.4, fmt="o-", capsize=4, label="caps")
axs[1].errorbar(ex, 0.8 * ex + 2, xerr=0.2, yerr=0.3, fmt="s--", label="x and y")
axs[1].errorbar(ex, 0.8 * ex + 4, yerr=0.5, fmt="none", capsize=3, ecolor="gray",
                label="bars only")
leg_c = axs[1].legend(loc="upper left", bbox_to_anchor=(0.0, 1.02, 1.0, 0.102), mode="expand",
                      ncols=3, borderaxespad=0.0)

fig_a = fig.legend(loc="lower center", ncols=4)
fig_b = fig.legend(handles=[lines[0], eb1], labels=["alpha again", "caps again"],
                   loc="upper left", bbox_to_anchor=(0.01, 0.99))
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_legends_multi.png")
r = fig.canvas.get_renderer()
H = fig.bbox.height
for name, leg in (("leg_a", leg_a), ("leg_b", leg_b), ("leg_c", leg_c), ("fig_a", fig_a),
                  ("fig_b", fig_b)):
    b = leg.get_frame().get_window_extent(r)
    print(f"{name} x0={b.x0:.2f} y0={H - b.y1:.2f} w={b.width:.2f} h={b.height:.2f}")

fig2, ax = plt.subplots(figsize=(6, 4), dpi=100)
ax.plot([0, 1], [0, 1], label="rising")
ax.plot([0, 1], [1, 0], label="falling")
pt = ax.legend(loc="upper right", bbox_to_anchor=(0.5, 0.5))
ax.add_artist(pt)
ex = ax.legend(loc="lower left", mode="expand", ncols=2)
fl = fig2.legend()
fig2.savefig(sys.argv[2] if len(sys.argv) > 2 else "/tmp/mpl_legends_multi_small.png")
r = fig2.canvas.get_renderer()
H = fig2.bbox.height
for name, leg in (("point", pt), ("expand", ex), ("figbest", fl)):
    b = leg.get_frame().get_window_extent(r)
    print(f"{name} x0={b.x0:.2f} y0={H - b.y1:.2f} w={b.width:.2f} h={b.height:.2f}")

fig3, ax = plt.subplots(figsize=(6, 4), dpi=100)
ax.plot([0, 1], [0, 1], label="rising")
ax.plot([0, 0.5], [1, 0.5], label="falling")
best = ax.legend(bbox_to_anchor=(0.5, 0.5))
r = fig3.canvas.get_renderer()
fig3.canvas.draw()
b = best.get_frame().get_window_extent(r)
print(f"pointbest x0={b.x0:.2f} y0={fig3.bbox.height - b.y1:.2f} w={b.width:.2f} h={b.height:.2f}")

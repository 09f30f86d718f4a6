#!/usr/bin/env python3
"""matplotlib 3.6's rendering of examples/more_kinds.c's scene (the golden image
tests/data/plot/more_kinds.png), for side-by-side review: writes /tmp/mpl_more_kinds.png.
ecdf is matplotlib 3.8's: drawn here with its own recipe (a steps-post line from 0 at the
minimum) where the installed matplotlib lacks Axes.ecdf."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

fig, axs = plt.subplots(2, 4, figsize=(12, 5.5), dpi=80)
ax = axs.ravel()

x = np.arange(10.0)
ys = np.array([[1 + 0.8 * np.sin(0.6 * j + 1.3 * i) + 0.2 * i for j in range(10)] for i in range(3)])
ax[0].stackplot(x, ys, baseline="sym", labels=["a", "b", "c"], alpha=0.9)
ax[0].legend(loc="upper left")
ax[0].set_title("stackplot (sym)")

v = np.array([1, 3, 2, 4, 2.0])
ax[1].stairs(v, linewidth=2, label="outline")
ax[1].stairs(v / 2, fill=True, alpha=0.6, label="filled")
ax[1].set_title("stairs")

yy = np.arange(50) / 49.0
ax[2].fill_betweenx(yy, np.sin(2 * np.pi * yy), alpha=0.5)
ax[2].set_title("fill_betweenx")

pos = np.array([1, 2, 3, 4.0])
ends = np.array([1, 3, 2, 4.0])
ax[3].hlines(pos, 0, ends, colors="C1", linewidth=3)
ax[3].vlines(ends, 0, pos, colors=["C0", "C2", "C3", "C4"], linestyles="--")
ax[3].set_title("hlines, vlines")

ax[4].axline((0, 0), (1, 2), label="(0,0)-(1,2)")
ax[4].axline((0, 1), slope=-0.5, color="C1", linestyle="--", label="slope -0.5")
ax[4].set_xlim(-2, 3)
ax[4].set_ylim(-1, 4)
ax[4].legend(loc="lower right")
ax[4].set_title("axline")

ev = np.array([[np.fmod(j * (1.7 + 0.9 * i) + 0.3 * i, 10) for j in range(10)] for i in range(3)])
ax[5].eventplot(ev, colors=["C0", "C1", "C2"], linelengths=0.8)
ax[5].set_title("eventplot")

ax[6].broken_barh([(1, 2), (4, 1), (6, 3)], (1, 2))
ax[6].broken_barh([(2, 3)], (4, 1.5), facecolors="tab:orange")
ax[6].set_title("broken_barh")

d = np.fmod(np.arange(20) * 7.3, 11) - 5


def ecdf(a, x, complementary=False, **kw):
    if hasattr(a, "ecdf"):
        return a.ecdf(x, complementary=complementary, **kw)
    x = np.sort(x)
    cw = (1 + np.arange(len(x))) / len(x)
    if not complementary:
        line, = a.plot([x[0], *x], [0, *cw], drawstyle="steps-post", **kw)
    else:
        line, = a.plot([*x, x[-1]], [1, *1 - cw], drawstyle="steps-pre", **kw)
    line.sticky_edges.y[:] = [0, 1]
    return line


ecdf(ax[7], d, label="ecdf")
ecdf(ax[7], d, complementary=True, label="1 - ecdf")
ax[7].legend()
ax[7].set_title("ecdf")
fig.tight_layout()
fig.savefig("/tmp/mpl_more_kinds.png")

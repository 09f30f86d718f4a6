"""matplotlib's rendering of examples/plot_3d_kinds.c (same data), to look at side by side:
/usr/bin/python3 scripts/mpl_ax3da_figure.py out.png"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.tri as mtri
from matplotlib.collections import PolyCollection
from math import gamma

fig = plt.figure(figsize=(16, 12))
ax = fig.add_subplot(3, 4, 1, projection="3d")
i, j, k = np.indices((8, 8, 8))
cube1 = (i < 3) & (j < 3) & (k < 3)
cube2 = (i >= 5) & (j >= 5) & (k >= 5)
link = abs(i - j) + abs(j - k) + abs(k - i) <= 2
filled = cube1 | cube2 | link
colors = np.empty(filled.shape, dtype=object)
colors[link] = "red"
colors[cube1] = "blue"
colors[cube2] = "green"
ax.voxels(filled, facecolors=colors, edgecolor="k")
ax.set_title("voxels")

th = np.linspace(0, 2 * np.pi, 40)
sx, sy = np.cos(th - np.pi / 2), np.sin(th - np.pi / 2)
ax = fig.add_subplot(3, 4, 2, projection="3d")
ax.stem(sx, sy, th, label="stem")
ax.legend()
ax.set_title("stem")
ax = fig.add_subplot(3, 4, 3, projection="3d")
ax.stem(sx, sy, th, bottom=-1, orientation="x", linefmt="grey", markerfmt="D", basefmt="C1-")
ax.set_title("stem, orientation='x', bottom=-1")

t = np.linspace(0, 2 * np.pi, 60)
ex, ey, ez = np.sin(t), np.cos(3 * t), np.sin(5 * t)
ax = fig.add_subplot(3, 4, 4, projection="3d")
ax.errorbar(ex, ey, ez, zerr=0.2, xerr=0.1, errorevery=5, capsize=2, ecolor="purple", fmt="o-", label="data")
ax.legend(loc="upper left")
ax.set_title("errorbar, zerr=0.2, xerr=0.1")

ax = fig.add_subplot(3, 4, 5, projection="3d")
zdirs = (None, "x", "y", "z", (1, 1, 0), (1, 1, 1))
xs = (1, 4, 4, 9, 4, 1); ys = (2, 5, 8, 10, 1, 2); zs = (10, 3, 8, 9, 1, 8)
for zdir, x, y, z in zip(zdirs, xs, ys, zs):
    d = "None" if zdir is None else zdir if isinstance(zdir, str) else "(%d,%d,%d)" % zdir
    ax.text(x, y, z, "(%g, %g, %g), dir=%s" % (x, y, z, d), zdir)
ax.text(9, 0, 0, "red", color="red")
ax.text2D(0.05, 0.95, "2D Text", transform=ax.transAxes)
ax.set_xlim(0, 10); ax.set_ylim(0, 10); ax.set_zlim(0, 10)
ax.set_title("text, zdir; text2D")

ax = fig.add_subplot(3, 4, 6, projection="3d")
for c, k in zip(["r", "g", "b", "y"], [3, 2, 1, 0]):
    bx = np.arange(20)
    bh = 0.5 + 0.5 * np.sin(0.6 * bx + k) + 0.1 * k
    ax.bar(bx, bh, zs=k, zdir="y", color=c, alpha=0.8)
ax.set_title("bar, zs=k, zdir='y'")

NA, NR = 48, 8
rad = np.linspace(0.25, 0.95, NR)
px, py, pz = [], [], []
for r in range(NR):
    for a in range(NA):
        ang = 2 * np.pi * a / NA + (r % 2) * np.pi / NA
        px.append(rad[r] * np.cos(ang)); py.append(rad[r] * np.sin(ang))
        pz.append(np.cos(rad[r]) * np.cos(3 * ang))
tri = mtri.Triangulation(np.array(px), np.array(py))
ax = fig.add_subplot(3, 4, 7, projection="3d")
ax.tricontour(tri, np.array(pz), cmap="CMRmap", levels=12)
ax.view_init(45, -60)
ax.set_title("tricontour")
ax = fig.add_subplot(3, 4, 8, projection="3d")
ax.tricontourf(tri, np.array(pz), cmap="CMRmap")
ax.view_init(45, -60)
ax.set_title("tricontourf")

ax = fig.add_subplot(3, 4, 9, projection="3d")
xv = np.linspace(0, 10, 32)
verts = [[(0, 0), *zip(xv, [l ** x * np.exp(-l) / gamma(x + 1) for x in xv]), (10, 0)] for l in [1, 2, 3, 4]]
poly = PolyCollection(verts, facecolors=["tab:blue", "tab:orange", "tab:green", "tab:red"], alpha=0.6)
ax.add_collection3d(poly, zs=[1, 2, 3, 4], zdir="y")
ax.set_xlim(0, 10); ax.set_ylim(1, 4); ax.set_zlim(0, 0.35)
ax.set_title("add_collection3d, zdir='y'")

g = np.linspace(-3, 3, 40)
GX, GY = np.meshgrid(g, g)
GZ = np.exp(-(GX ** 2 + GY ** 2) / 2) - 0.6 * np.exp(-((GX - 1) ** 2 + (GY - 1) ** 2))
a10 = fig.add_subplot(3, 4, 10)
cf = a10.contourf(g, g, GZ, levels=8, cmap="coolwarm")
a10.set_title("2-D contourf")
a11 = fig.add_subplot(3, 4, 11)
cl = a11.contour(g, g, GZ, levels=8, cmap="coolwarm")
a11.set_title("2-D contour")
ax = fig.add_subplot(3, 4, 12, projection="3d")
# matplotlib moves the collections of a set: draw the same sets again on the 3-D axes
cf3 = ax.contourf(g, g, GZ, levels=8, cmap="coolwarm", offset=-1)
cl3 = ax.contour(g, g, GZ, levels=8, cmap="coolwarm")
ax.clabel(cl3)
ax.set_zlim(-1, 1)
ax.set_title("add_contourf_set (offset -1), add_contour_set")
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "mpl_ax3da.png")

# The golden of tests/test_plot_ax3da.c (tests/data/plot/ax3da/kinds.png), matplotlib's way:
# /usr/bin/python3 scripts/mpl_ax3da_figure.py out.png golden.png
if len(sys.argv) > 2:
    fig = plt.figure(figsize=(9, 6), dpi=60)
    fig.add_subplot(2, 3, 1, projection="3d").voxels(cube1 | cube2 | link, edgecolor="k")
    fig.add_subplot(2, 3, 2, projection="3d").stem(sx, sy, th)
    fig.add_subplot(2, 3, 3, projection="3d").errorbar(sx, sy, th, zerr=0.5, errorevery=4, capsize=3)
    ax = fig.add_subplot(2, 3, 4, projection="3d")
    ax.set_xlim(0, 10); ax.set_ylim(0, 10); ax.set_zlim(0, 10)
    ax.text(1, 2, 10, "dir=None", None); ax.text(4, 5, 3, "dir=x", "x"); ax.text(9, 10, 9, "dir=z", "z")
    ax.text2D(0.05, 0.95, "2D Text", transform=ax.transAxes)
    ax = fig.add_subplot(2, 3, 5, projection="3d")
    bx = np.arange(10); bh = 1 + bx % 4
    ax.bar(bx, bh, zs=1, zdir="y", color="r", alpha=0.8)
    ax.bar(bx, bh, zs=0, zdir="y", color="b", alpha=0.8)
    fig.add_subplot(2, 3, 6, projection="3d").tricontourf(tri, np.array(pz), cmap="viridis")
    fig.savefig(sys.argv[2])

#!/usr/bin/env python3
"""matplotlib's rendering of the figures examples/contour_demo.c and tests/test_plot_contour.c
draw, for side-by-side review of numc's contour images. Writes PNGs to the directory given
(default /tmp): contour_demo_mpl.png, contour_clabel_mpl.png, contourf_colorbar_mpl.png.
Run with /usr/bin/python3 (matplotlib 3.6)."""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"


def demo_field():
    x = -3 + 0.025 * np.arange(240)
    y = -2 + 0.025 * np.arange(160)
    X, Y = np.meshgrid(x, y)
    Z = (np.exp(-X**2 - Y**2) - np.exp(-(X - 1)**2 - (Y - 1)**2)) * 2
    return x, y, X, Y, Z


x, y, X, Y, Z = demo_field()
H = np.where(np.hypot(X + 0.5, Y + 0.5) < 0.6, np.nan, Z)
x3 = -3 + 6 * np.arange(40) / 39
X3, Y3 = np.meshgrid(x3, x3)
Z3 = np.exp(-(X3**2 + Y3**2) / 3) * np.cos(X3)

fig = plt.figure(figsize=(12, 9))
a1 = fig.add_subplot(2, 2, 1)
cs = a1.contour(x, y, Z, colors="k")
a1.clabel(cs, fontsize=9)
a1.set_title("contour, colors='k' + clabel (negative levels dashed)")
a2 = fig.add_subplot(2, 2, 2)
cf = a2.contourf(x, y, Z, 10, cmap="RdBu_r", extend="both")
cl = a2.contour(x, y, Z, 10, colors="k", linewidths=0.5)
fig.colorbar(cl, ax=a2)
a2.set_title("contourf(extend='both') + contour + colorbar")
a3 = fig.add_subplot(2, 2, 3)
a3.contourf(x, y, H, levels=[-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
c3 = a3.contour(x, y, H, levels=[-1, 0, 1], colors="w")
fig.colorbar(c3, ax=a3)
a3.set_title("NaN disc left out (corner_mask)")
a4 = fig.add_subplot(2, 2, 4, projection="3d")
a4.plot_surface(X3, Y3, Z3, cmap="coolwarm", alpha=0.4)
a4.contourf(X3, Y3, Z3, cmap="coolwarm", offset=-1)
a4.contour(X3, Y3, Z3, cmap="coolwarm")
a4.set_zlim(-1, 1)
a4.set_title("contour3D + contourf3D(offset=-1)")
fig.savefig(f"{out}/contour_demo_mpl.png")

# the golden-image figures of tests/test_plot_contour.c
fig = plt.figure(figsize=(4.8, 3.6))
ax = fig.add_subplot()
cs = ax.contour(x, y, Z, levels=[-1.5, -1, -0.5, 0, 0.5, 1, 1.5])
ax.clabel(cs, fontsize=8)
fig.savefig(f"{out}/contour_clabel_mpl.png")

fig = plt.figure(figsize=(4.8, 3.6))
ax = fig.add_subplot()
cf = ax.contourf(x, y, Z, 8, cmap="viridis", extend="both")
fig.colorbar(cf, ax=ax)
fig.savefig(f"{out}/contourf_colorbar_mpl.png")

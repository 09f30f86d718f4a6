#!/usr/bin/env python3
"""matplotlib's renderings of the mesh pictures numc draws (issue 19), for review next to
numc's: examples/meshes.c as one figure, and the small images that tests/test_plot_mesh.c
reads pixels from (the golden references are numc's own output, checked against these).
Usage: /usr/bin/python3 scripts/mpl_mesh_reference.py [outdir]   (default /tmp)"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
NR, NT, NPTS = 8, 24, 4000


def meshes():
    i, j = np.mgrid[0:NR + 1, 0:NT + 1]
    r, t = 1 + i / NR, np.pi * j / NT
    X, Y, G = r * np.cos(t), r * np.sin(t), np.sin(3 * t) * r
    ic, jc = np.mgrid[0:NR, 0:NT]
    C = np.sin(3 * (np.pi * jc / NT + np.pi / NT / 2)) * (1 + ic / NR + 0.5 / NR)
    k = np.arange(1, NPTS + 1)
    u, v = np.fmod(k * 0.6180339887498949, 1), np.fmod(k * 0.7548776662466927, 1)
    rr, a = np.sqrt(-2 * np.log(u)), 2 * np.pi * v
    px = rr * np.cos(a)
    py = 0.6 * px + 0.8 * rr * np.sin(a)
    ii, jj = np.mgrid[0:6, 0:6]
    img = (ii * 7 + jj * 3) % 5 + np.where(ii == jj, 3, 0)
    alpha = 0.25 + 0.75 * jj / 5.0

    fig, axs = plt.subplots(2, 2, figsize=(10, 8))
    axs = axs.ravel()
    axs[0].pcolormesh(X, Y, C, cmap="RdBu", edgecolors="k", linewidths=0.3)
    axs[0].set_title("pcolormesh, curvilinear, flat")
    m = axs[1].pcolormesh(X, Y, G, shading="gouraud", cmap="RdBu")
    fig.colorbar(m, ax=axs[1])
    axs[1].set_title("shading='gouraud'")
    h, xe, ye, m = axs[2].hist2d(px, py, bins=30, cmin=3, cmap="viridis")
    fig.colorbar(m, ax=axs[2], label="counts")
    axs[2].set_title("hist2d, bins=30, cmin=3")
    axs[3].imshow(img.astype(float), interpolation="bicubic", alpha=alpha, cmap="magma")
    axs[3].set_title("imshow bicubic, alpha array")
    fig.tight_layout()
    fig.savefig(f"{out}/mpl_meshes.png", dpi=100)


def small_image(interp):
    """The 4 x 4 image of test_plot_mesh's interpolation checks on a bare 4 x 4 in axes
    filling the figure at dpi 50 (200 x 200 pixels)."""
    z = np.array([[0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1], [1, 2, 3, 0]], float)
    fig = plt.figure(figsize=(4, 4), dpi=50)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(z, interpolation=interp, cmap="gray", vmin=0, vmax=3, aspect="auto")
    fig.savefig(f"{out}/mpl_mesh_{interp}.png", dpi=50)


meshes()
for interp in ("bilinear", "bicubic"):
    small_image(interp)


def goldens():
    """The three golden images of test_plot_mesh.c (mesh_curvilinear, mesh_hist2d,
    mesh_imshow), for review next to tests/data/plot/mesh_*.png."""
    nr, nt = 6, 16
    i, j = np.mgrid[0:nr + 1, 0:nt + 1]
    r, t = 1 + i / nr, np.pi * j / nt
    X, Y, G = r * np.cos(t), r * np.sin(t), np.sin(3 * t) * r
    C = (np.cos(2 * t) * r)[:-1, :-1]
    fig = plt.figure(figsize=(6, 3), dpi=60)
    a0, a1 = fig.add_axes([0.02, 0.04, 0.46, 0.92]), fig.add_axes([0.52, 0.04, 0.46, 0.92])
    a0.set_axis_off()
    a1.set_axis_off()
    a0.pcolormesh(X, Y, C, cmap="RdBu", edgecolors="k", linewidths=0.5)
    a1.pcolormesh(X, Y, G, shading="gouraud", cmap="RdBu")
    fig.savefig(f"{out}/mpl_mesh_curvilinear.png", dpi=60)

    k = np.arange(60, dtype=float)
    x = np.sin(k * 1.3) * 2 + np.cos(k * 0.7)
    y = np.cos(k * 0.9) * 1.5 + k / 40.0
    fig = plt.figure(figsize=(3, 3), dpi=60)
    ax = fig.add_axes([0.04, 0.04, 0.92, 0.92])
    ax.set_axis_off()
    ax.hist2d(x, y, bins=8, cmin=1, cmap="viridis")
    fig.savefig(f"{out}/mpl_mesh_hist2d.png", dpi=60)

    z = np.array([[0, 1, 2, 3], [3, 0, 1, 2], [2, 3, 0, 1], [1, 2, 3, 0]], float)
    al = 0.25 + 0.25 * (np.arange(16) % 4).reshape(4, 4)
    fig = plt.figure(figsize=(6, 3), dpi=60)
    a0, a1 = fig.add_axes([0.02, 0.04, 0.46, 0.92]), fig.add_axes([0.52, 0.04, 0.46, 0.92])
    a0.set_axis_off()
    a1.set_axis_off()
    a0.imshow(z, interpolation="bilinear", cmap="magma")
    a1.imshow(z, interpolation="bicubic", cmap="magma", alpha=al)
    fig.savefig(f"{out}/mpl_mesh_imshow.png", dpi=60)


goldens()

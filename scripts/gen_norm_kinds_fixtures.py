#!/usr/bin/env python3
"""Fixtures for tests/test_plot_norm_kinds.c: matplotlib 3.6's contour levels and colors of
the contour, tri and vector kinds under a norm. The data are built the same way in the C
test (see the comments there). Run: /usr/bin/python3 scripts/gen_norm_kinds_fixtures.py
(writes tests/data/norm_kinds.txt)."""
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.tri as mtri
import numpy as np
from matplotlib import colors

NX, NY = 41, 11


def grid(lo, span):
    """z[i, j] = 10 ** (lo + span * j / (NX - 1)): decades along x, constant along y."""
    j = np.arange(NX)
    return np.tile(10.0 ** (lo + span * j / (NX - 1)), (NY, 1))


def fmt(vals):
    return " ".join(repr(float(v)) for v in np.ravel(vals))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "tests", "data", "norm_kinds.txt")
    lines = []
    za, zb = grid(-1, 4), grid(-3, 15)
    fig, ax = plt.subplots()
    cf = ax.contourf(za, norm=colors.LogNorm())
    lines.append("contourf_log_a " + fmt(cf.levels))
    fig.canvas.draw()
    lines.append("contourf_log_a_rgba " + fmt([c.get_facecolor()[0] for c in cf.collections]))
    lines.append("contourf_log_b " + fmt(ax.contourf(zb, norm=colors.LogNorm()).levels))
    lines.append("contour_log_a " + fmt(ax.contour(za, norm=colors.LogNorm()).levels))
    lines.append("contour_log_b " + fmt(ax.contour(zb, norm=colors.LogNorm()).levels))
    cfe = ax.contourf(za, norm=colors.LogNorm(), extend="both")
    lines.append("contourf_log_a_both " + fmt(cfe.levels))
    fig.canvas.draw()
    lines.append("contourf_log_a_both_rgba " + fmt([c.get_facecolor()[0] for c in cfe.collections]))
    # tricontourf over the grid's points: the levels depend on the z range only
    x, y = np.meshgrid(np.arange(NX, dtype=float), np.arange(NY, dtype=float))
    tcf = ax.tricontourf(mtri.Triangulation(x.ravel(), y.ravel()), zb.ravel(), norm=colors.LogNorm())
    lines.append("tricontourf_log_b " + fmt(tcf.levels))
    plt.close(fig)

    # tripcolor, flat, one value per triangle, TwoSlopeNorm(vcenter=0) autoscaled
    fig, ax = plt.subplots()
    tri = mtri.Triangulation([0, 1, 0, 1, 2, 2], [0, 0, 1, 1, 0, 1],
                             [[0, 1, 2], [1, 3, 2], [1, 4, 3], [4, 5, 3]])
    pc = ax.tripcolor(tri, facecolors=np.array([-4, -1, 0.5, 1.0]), norm=colors.TwoSlopeNorm(0),
                      cmap="RdBu")
    fig.canvas.draw()
    lines.append("tripcolor_twoslope_rgba " + fmt(pc.get_facecolor()))
    plt.close(fig)

    # quiver C through BoundaryNorm([0, 1, 2, 5, 10], 256)
    fig, ax = plt.subplots()
    q = ax.quiver([0, 1, 2, 3], [0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0], [0.5, 1.5, 3, 7],
                  norm=colors.BoundaryNorm([0, 1, 2, 5, 10], 256))
    fig.canvas.draw()
    lines.append("quiver_boundary_rgba " + fmt(q.get_facecolor()))
    plt.close(fig)

    # one value 10 under LogNorm(1, 100) (streamplot, barbs, trisurf checks)
    lines.append("viridis_log_1_100_of_10 " + fmt(plt.get_cmap("viridis")(colors.LogNorm(1, 100)(10.0))))
    with open(out, "w") as f:
        f.write("# matplotlib %s: scripts/gen_norm_kinds_fixtures.py\n" % matplotlib.__version__)
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

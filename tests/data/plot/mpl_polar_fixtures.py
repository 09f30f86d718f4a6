#!/usr/bin/env python3
"""matplotlib 3.6's polar transforms, limits and ticks for tests/test_plot_polar.c:
writes tests/data/plot/polar.txt (fixture_values format: name v0 v1 ...). Pixel rows are
counted from the top, as numc's nplot_data_to_pixel. Run with /usr/bin/python3."""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = []


def put(name, vals):
    out.append(name + " " + " ".join(repr(float(v)) for v in np.ravel(vals)))


def case(name, setup, pts):
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    ax = fig.add_subplot(projection="polar")
    setup(ax)
    fig.canvas.draw()
    H = fig.bbox.height
    xy = ax.transData.transform(np.array(pts, float))
    xy[:, 1] = H - xy[:, 1]
    put(name + "_px", xy)
    put(name + "_rlim", ax.get_ylim())
    r0, r1 = ax.get_ylim()
    rt = [t for t in ax.yaxis.get_majorticklocs() if r0 - 1e-9 <= t <= r1 + 1e-9]
    rl = [l.get_text() for l in ax.get_yticklabels()]
    # the r ticks drawn (labels of ticks the RadialLocator keeps)
    put(name + "_rticks", [t for t, l in zip(ax.yaxis.get_majorticklocs(), rl) if l and r0 - 1e-9 <= t <= r1 + 1e-9])
    tt = [t for t in ax.xaxis.get_majorticklocs()]
    put(name + "_tticks", np.rad2deg(tt))
    out.append(name + "_tlabels " + " ".join(l.get_text().replace("\u00b0", "deg") for l in ax.get_xticklabels()))
    plt.close(fig)


t = np.linspace(0, 2 * np.pi, 50)
pts = [[0, 1], [np.pi / 2, 1], [np.pi / 4, 1.5], [2.0, 0.5]]


def default(ax):
    ax.plot(t, 1 + 0.5 * np.sin(3 * t) + 0.5)


case("default", default, pts)


def north_cw(ax):
    ax.plot(t, 1 + 0.5 * np.sin(3 * t) + 0.5)
    ax.set_theta_zero_location("N")
    ax.set_theta_direction(-1)


case("northcw", north_cw, pts)


def offset(ax):
    ax.plot(t, 1 + 0.5 * np.sin(3 * t) + 0.5)
    ax.set_theta_zero_location("W", 10)
    ax.set_rmax(3)


case("offset", offset, pts)


def sector(ax):
    ax.scatter([0.3, 1, 2], [1, 2, 3])
    ax.set_thetamin(0)
    ax.set_thetamax(135)


case("sector", sector, [[0, 1], [1, 2], [2, 3], [0.5, 0]])


def annulus(ax):
    ax.plot(t, 2 + np.cos(t))
    ax.set_rmin(1)
    ax.set_rorigin(-1)


case("annulus", annulus, [[0, 1], [np.pi, 3], [1, 2]])

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "polar.txt")
with open(path, "w") as f:
    f.write("\n".join(out) + "\n")

#!/usr/bin/python3
"""Reference numbers for tests/test_plot_wrong_today.c (numc issue 20, "wrong or different
today"), from matplotlib 3.6 (Agg). Run with Debian's /usr/bin/python3:

    /usr/bin/python3 scripts/mpl_wrong_today_reference.py [section]

Sections: cbar_alpha (colorbar body pixels of viridis mappables drawn with alpha=0.5,
composited over the white figure, at 10 / 50 / 90 % of the bar), asinh_minor (AsinhScale's
major and minor tick positions), ticks3d (Axis3D tick locations after a draw)."""
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def cbar_alpha():
    z = np.array([[0.0, 1.0], [2.0, 3.0]])
    xs = [0, 1, 1, 2, 2, 2]
    for kind in ("imshow", "pcolormesh", "scatter", "contourf", "hexbin", "hist2d", "tripcolor", "surface"):
        fig = plt.figure(figsize=(4, 4), dpi=100)
        ax = fig.add_subplot(projection="3d" if kind == "surface" else None)
        if kind == "imshow":
            m = ax.imshow(z, cmap="viridis", alpha=0.5)
        elif kind == "pcolormesh":
            m = ax.pcolormesh(z, cmap="viridis", alpha=0.5)
        elif kind == "scatter":
            m = ax.scatter([0, 1, 2, 3], [0, 1, 2, 3], c=[0, 1, 2, 3], cmap="viridis", alpha=0.5)
        elif kind == "contourf":
            X, Y = np.meshgrid(np.arange(4.0), np.arange(4.0))
            m = ax.contourf(X, Y, X + Y, levels=[0, 2, 4, 6], cmap="viridis", alpha=0.5)
        elif kind == "hexbin":
            m = ax.hexbin(xs, xs, gridsize=3, cmap="viridis", alpha=0.5)
        elif kind == "hist2d":
            m = ax.hist2d(xs, xs, bins=3, cmap="viridis", alpha=0.5)[3]
        elif kind == "tripcolor":
            m = ax.tripcolor([0, 1, 0, 1], [0, 0, 1, 1], [0, 1, 2, 3], cmap="viridis", alpha=0.5)
        else:
            X, Y = np.meshgrid(np.arange(3.0), np.arange(3.0))
            m = ax.plot_surface(X, Y, X + Y, cmap="viridis", alpha=0.5)
        cb = fig.colorbar(m)
        fig.canvas.draw()
        buf = np.asarray(fig.canvas.buffer_rgba())
        bb = cb.ax.get_window_extent()
        out = []
        for fy in (0.1, 0.5, 0.9):
            x, y = bb.x0 + 0.5 * bb.width, bb.y0 + fy * bb.height
            out.append("{%d, %d, %d}" % tuple(int(v) for v in buf[int(buf.shape[0] - y), int(x)][:3]))
        print("cbar_alpha", kind, " ".join(out))
        plt.close(fig)


ASINH_CASES = [  # (lo, hi, linear_width, base)
    (-50, 1000, 1, 10), (0.5, 300, 2, 10), (-3, 3, 1, 10), (-1e4, -1, 10, 10),
    (-200, 180, 0.5, 10), (-100, 5000, 1, 2), (-300, 4000, 1, 16), (1, 900, 1, 4),
]


def asinh_minor():
    for lo, hi, lw, base in ASINH_CASES:
        fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
        ax.set_xscale("asinh", linear_width=lw, base=base)
        ax.set_xlim(lo, hi)
        fig.canvas.draw()
        fmt = lambda v: "{" + ", ".join("%.17g" % x for x in v) + "}"
        print("asinh %g %g %g %g major %d %s" % (lo, hi, lw, base, len(ax.get_xticks()), fmt(ax.get_xticks())))
        mi = ax.xaxis.get_minorticklocs()
        mi = [x for x in mi if lo <= x <= hi]
        print("asinh %g %g %g %g minor %d %s" % (lo, hi, lw, base, len(mi), fmt(mi)))
        plt.close(fig)



def ticks3d_figure(case):
    """The 3-D figures of the ticks3d section (6.4 x 4.8 in, 100 dpi)."""
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    ax = fig.add_subplot(projection="3d")
    if case == "surface":
        x = np.linspace(-3, 3, 25)
        X, Y = np.meshgrid(x, x)
        ax.plot_surface(X, Y, np.sin(np.hypot(X, Y)), cmap="viridis")
    elif case == "surface_wide":
        X, Y = np.meshgrid(np.linspace(0, 100, 21), np.linspace(-0.5, 2.5, 13))
        ax.plot_surface(X, Y, X * Y / 10.0, cmap="coolwarm")
    elif case == "scatter":
        t = np.arange(40.0)
        ax.scatter(np.cos(t / 3) * t, np.sin(t / 3) * t, t / 7)
    else:  # line
        t = np.linspace(0, 1, 50)
        ax.plot(t * 7 - 2, t * t * 1000, np.sqrt(t) * 0.9)
    return fig, ax


TICKS3D_CASES = ("surface", "surface_wide", "scatter", "line")


def ticks3d():
    for case in TICKS3D_CASES:
        fig, ax = ticks3d_figure(case)
        fig.canvas.draw()
        for name, axis, lim in (("x", ax.xaxis, ax.get_xlim()), ("y", ax.yaxis, ax.get_ylim()),
                                ("z", ax.zaxis, ax.get_zlim())):
            lo, hi = min(lim), max(lim)
            t = [v for v in axis.get_ticklocs() if lo <= v <= hi]
            print("ticks3d %s %s lim %.17g %.17g ticks %d {%s}" % (case, name, lim[0], lim[1], len(t),
                                                                 ", ".join("%.17g" % v for v in t)))
        fig.savefig("/tmp/mpl_ticks3d_%s.png" % case)
        plt.close(fig)


SECTIONS = {"cbar_alpha": cbar_alpha, "asinh_minor": asinh_minor, "ticks3d": ticks3d}

if __name__ == "__main__":
    print("# matplotlib", matplotlib.__version__)
    for name in sys.argv[1:] or list(SECTIONS):
        SECTIONS[name]()

"""matplotlib side of bench/wl_plot.c (same names): Agg, 800x600 px at 100 dpi, PNG."""
import os
import sys
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGET = 0.1  # plots: 10x faster than matplotlib
TARGETS = {"heatmap_1000x1000": 0.07}  # issue 23: imshow coloured after minification
_TMP = tempfile.mkdtemp(prefix="numc_peer_plot_")


def _line(n, name):
    def setup():
        x = np.arange(n, dtype=np.float64)
        y = np.random.default_rng(42).standard_normal(n)
        return x, y, os.path.join(_TMP, name + ".png")

    def run(st):
        x, y, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        ax.plot(x, y)
        ax.set_title("line")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        fig.savefig(path)
        plt.close(fig)

    return setup, run


def _scatter(n, name):
    def setup():
        x = np.random.default_rng(7).standard_normal(n)
        y = np.random.default_rng(42).standard_normal(n)
        return x, y, os.path.join(_TMP, name + ".png")

    def run(st):
        x, y, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        ax.scatter(x, y, s=2)
        ax.set_title("scatter")
        fig.savefig(path)
        plt.close(fig)

    return setup, run


def _normal(n, name):
    def setup():
        x = np.arange(n, dtype=np.float64)
        y = np.random.default_rng(42).standard_normal(n)
        return x, y, os.path.join(_TMP, name + ".png")

    return setup


def _hist(n, name):
    def run(st):
        _, y, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        ax.hist(y, bins=100)
        ax.set_title("hist")
        fig.savefig(path)
        plt.close(fig)

    return _normal(n, name), run


def _heatmap(n, name):
    def run(st):
        _, y, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        im = ax.imshow(y.reshape(1000, 1000), cmap="viridis")
        fig.colorbar(im, ax=ax)
        ax.set_title("heatmap")
        fig.savefig(path)
        plt.close(fig)

    return _normal(n, name), run


def _bar(n, name):
    def run(st):
        x, y, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1)
        ax.bar(x, np.abs(y))
        ax.set_title("bar")
        fig.savefig(path)
        plt.close(fig)

    return _normal(n, name), run


def _surface(name):
    def setup():
        g = np.linspace(-5, 5, 100)
        X, Y = np.meshgrid(g, g)
        return X, Y, np.sin(np.hypot(X, Y)), os.path.join(_TMP, name + ".png")

    def run(st):
        X, Y, Z, path = st
        fig = plt.figure(figsize=(8, 6), dpi=100)
        ax = fig.add_subplot(1, 1, 1, projection="3d")
        ax.plot_surface(X, Y, Z, cmap="viridis")
        ax.set_title("surface")
        fig.savefig(path)
        plt.close(fig)

    return setup, run


def _vector(kind, n, name, ext):
    """line_1M / scatter_100k saved as SVG or PDF; the file size goes to stderr."""
    setup0, run0 = (_scatter if kind == "scatter" else _line)(n, name)

    def setup():
        a, b, path = setup0()
        return a, b, os.path.splitext(path)[0] + "." + ext

    def run(st):
        run0(st)
        print(f"size: {name} matplotlib {os.path.getsize(st[2])}", file=sys.stderr)

    return setup, run


WORKLOADS = {
    "line_10k": _line(10_000, "line_10k"),
    "line_1M": _line(1_000_000, "line_1M"),
    "scatter_100k": _scatter(100_000, "scatter_100k"),
    "hist_1M_100bins": _hist(1_000_000, "hist_1M_100bins"),
    "heatmap_1000x1000": _heatmap(1_000_000, "heatmap_1000x1000"),
    "bar_50": _bar(50, "bar_50"),
    "surface_100x100": _surface("surface_100x100"),
    "scatter_100k_svg": _vector("scatter", 100_000, "scatter_100k_svg", "svg"),
    "scatter_100k_pdf": _vector("scatter", 100_000, "scatter_100k_pdf", "pdf"),
    "line_1M_svg": _vector("line", 1_000_000, "line_1M_svg", "svg"),
    "line_1M_pdf": _vector("line", 1_000_000, "line_1M_pdf", "pdf"),
}

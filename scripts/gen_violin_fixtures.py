"""Fixtures for tests/test_plot_violin.c: matplotlib 3.6's cbook.violin_stats (through
mlab.GaussianKDE, as Axes.violinplot calls it) for two datasets and three bandwidths.

Run with /usr/bin/python3; writes tests/data/violin.txt as lines `name v0 v1 ...`."""
import os

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import cbook, mlab  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "violin.txt")


def row(f, name, vals):
    f.write(name + " " + " ".join(repr(float(v)) for v in np.ravel(vals)) + "\n")


def main():
    rng = np.random.default_rng(7)
    data = {"a": rng.normal(2.0, 1.5, 200), "b": rng.gamma(2.0, 1.0, 57)}
    with open(OUT, "w") as f:
        for name, x in data.items():
            row(f, "data_" + name, x)
            for bw, tag in (("scott", "scott"), ("silverman", "silverman"), (0.3, "scalar")):
                def kde(X, coords, bw=bw):
                    return mlab.GaussianKDE(X, bw).evaluate(coords)
                st = cbook.violin_stats([x], kde, points=100 if tag != "scalar" else 37,
                                        quantiles=[[0.1, 0.5, 0.9]])[0]
                row(f, f"{name}_{tag}_coords", st["coords"])
                row(f, f"{name}_{tag}_vals", st["vals"])
                row(f, f"{name}_{tag}_lines", [st["mean"], st["median"], st["min"], st["max"]])
                row(f, f"{name}_{tag}_quantiles", st["quantiles"])
        # the notched boxes of ax.boxplot([a, b], notch=True, widths=[0.4, 0.6]): the
        # outline's 11 vertices (x then y) and the median line's x, read from the artists
        fig, ax = plt.subplots()
        r = ax.boxplot([data["a"], data["b"]], notch=True, widths=[0.4, 0.6])
        for i, name in enumerate(("a", "b")):
            xy = r["boxes"][i].get_xydata()
            row(f, f"{name}_notch_x", xy[:, 0])
            row(f, f"{name}_notch_y", xy[:, 1])
            row(f, f"{name}_notch_median_x", r["medians"][i].get_xdata())
        plt.close(fig)


if __name__ == "__main__":
    main()

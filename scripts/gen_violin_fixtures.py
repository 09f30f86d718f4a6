"""Fixtures for tests/test_plot_violin.c: matplotlib 3.6's cbook.violin_stats (through
mlab.GaussianKDE, as Axes.violinplot calls it) for two datasets and three bandwidths.

Run with /usr/bin/python3; writes tests/data/violin.txt as lines `name v0 v1 ...`."""
import os

import numpy as np
from matplotlib import cbook, mlab

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


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fixtures for tests/test_plot_more.c: matplotlib's stackplot layers, read back from the
PolyCollections its own code path builds (so the baseline formulas are matplotlib's, not a
transcription). Writes tests/data/plot/more_kinds.txt, lines "name v0 v1 ...":
  stack_x                    the x values
  stack_<baseline>_<i>       layer i's top edge then its bottom edge at each x (2n values)
Run with /usr/bin/python3 (matplotlib 3.6)."""
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data", "plot", "more_kinds.txt")

X = np.arange(8, dtype=float)
YS = np.array([[1, 2, 3, 2, 1, 2, 4, 3],
               [2, 1, 1, 3, 4, 2, 1, 2],
               [1, 3, 2, 1, 2, 3, 2, 1]], dtype=float)


def edges(coll, n):
    """The top and bottom edge of a stackplot layer at the n x values: matplotlib's
    fill_between(x, bottom, top) path is (x0, top0), bottom forward, (x_end, top_end),
    top backward, close."""
    v = coll.get_paths()[0].vertices
    bottom = v[1:n + 1, 1]
    top = v[n + 2:2 * n + 2, 1][::-1]
    assert np.allclose(v[1:n + 1, 0], X)
    return top, bottom


def main():
    lines = ["stack_x " + " ".join(repr(float(v)) for v in X)]
    for base in ("zero", "sym", "wiggle", "weighted_wiggle"):
        fig, ax = plt.subplots()
        colls = ax.stackplot(X, YS, baseline=base)
        for i, c in enumerate(colls):
            top, bottom = edges(c, len(X))
            vals = list(top) + list(bottom)
            lines.append(f"stack_{base}_{i} " + " ".join(repr(float(v)) for v in vals))
        plt.close(fig)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fixtures for tests/test_plot_tri.c from matplotlib.tri (run with /usr/bin/python3):
writes tests/data/tri.txt.

Blocks, one per case:
  case <name> <npts> <ntri>
  x <npts values>
  y <npts values>
  tri <a b c>        (ntri lines: matplotlib's triangles, counter-clockwise)
  nbr <i j k>        (ntri lines: matplotlib's neighbors)
  end
then contour levels chosen from a count, on the two triangles of the unit square with
z = (zmin, zmax, zmid, zmid):
  levels <filled 0/1> <N> <zmin> <zmax> <count> <levels...>
"""
import os

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "tri.txt")


def block(f, name, x, y, triangles=None, mask=None):
    t = mtri.Triangulation(x, y, triangles)
    if mask is not None:
        t.set_mask(mask)
    f.write(f"case {name} {len(x)} {len(t.triangles)}\n")
    f.write("x " + " ".join(repr(float(v)) for v in x) + "\n")
    f.write("y " + " ".join(repr(float(v)) for v in y) + "\n")
    if mask is not None:
        f.write("mask " + " ".join(str(int(m)) for m in mask) + "\n")
    for tr in t.triangles:
        f.write("tri %d %d %d\n" % tuple(tr))
    for nb in t.neighbors:
        f.write("nbr %d %d %d\n" % tuple(nb))
    f.write("end\n")


def main():
    rng = np.random.default_rng(19)
    with open(OUT, "w") as f:
        # a random point set (general position): Delaunay is unique
        block(f, "random30", rng.uniform(-1, 1, 30), rng.uniform(0, 2, 30))
        block(f, "random200", rng.normal(size=200) * 10, rng.normal(size=200))
        # user triangles, one given clockwise, and a mask
        x = np.array([0.0, 1.0, 2.0, 0.0, 1.0, 2.0])
        y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
        tris = [[0, 1, 4], [0, 3, 4], [1, 2, 5], [1, 5, 4]]
        block(f, "user", x, y, tris)
        block(f, "user_masked", x, y, tris, mask=[False, False, True, False])
        sq = mtri.Triangulation([0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0])
        for zmin, zmax, n in ((0, 1, 7), (0, 1, 4), (-0.968912421710645, 0.968912421710645, 8),
                              (3.2, 17.9, 7), (-1e-3, 2e-3, 5), (100, 100.5, 7), (0, 1, 20),
                              (-7.5, 2.25, 3), (0.1, 0.7, 1)):
            z = [zmin, zmax, (zmin + zmax) / 2, (zmin + zmax) / 2]
            for filled in (1, 0):
                fig = plt.figure()
                ax = fig.add_subplot()
                cs = (ax.tricontourf if filled else ax.tricontour)(sq, z, levels=n)
                lev = np.asarray(cs.levels, dtype=float)
                plt.close(fig)
                f.write("levels %d %d %r %r %d %s\n" % (filled, n, float(zmin), float(zmax), len(lev),
                                                        " ".join(repr(float(v)) for v in lev)))


if __name__ == "__main__":
    main()

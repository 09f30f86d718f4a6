"""NumPy side of the parse_floor_* rows of bench/wl_nplot.c: read + parse alone of the
nplot_csv_* files (t,walk,wave at 6 significant digits), in process. The peer is
numpy.loadtxt (NumPy >= 1.23 parses in C); numc's side is nd_read_csv, the reader nplot
uses. The rows say how close nplot's whole run is to the cost of reading its input."""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peer_nplot  # noqa: E402  (the same files)


def _setup(n, stem):
    def setup():
        path, _ = peer_nplot._setup_csv(n, stem)
        return path
    return setup


def _run(path):
    a = np.loadtxt(path, delimiter=",", skiprows=1)
    assert a.shape[1] == 3


WORKLOADS = {
    "parse_floor_1M": (_setup(1_000_000, "floor_1M"), _run),
    "parse_floor_10M": (_setup(10_000_000, "floor_10M"), _run),
}

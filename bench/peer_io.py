"""NumPy side of bench/wl_io.c (same names)."""
import os
import tempfile

import numpy as np

CSV_ROWS = 1_000_000


class _TempCSV:
    """The CSV file; removed when the harness drops the state."""

    def __init__(self):
        x = np.random.default_rng(42).standard_normal((CSV_ROWS, 3))
        fd, self.path = tempfile.mkstemp(suffix=".csv")
        os.close(fd)
        np.savetxt(self.path, x, delimiter=",", header="a,b,c", comments="")

    def __del__(self):
        os.remove(self.path)


def _csv_run(state):
    a = np.loadtxt(state.path, delimiter=",", skiprows=1)
    assert a.shape == (CSV_ROWS, 3)


WORKLOADS = {
    "csv_load_1Mx3": (_TempCSV, _csv_run),
}

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


RAW_N = 8_000_000


class _TempRaw:
    """8M float64 and its raw file (ndarray.tofile)."""

    def __init__(self):
        self.a = np.random.default_rng(7).standard_normal(RAW_N)
        fd, self.path = tempfile.mkstemp(suffix=".bin")
        os.close(fd)
        self.a.tofile(self.path)

    def __del__(self):
        os.remove(self.path)


def _tofile_run(state):
    state.a.tofile(state.path)


def _fromfile_run(state):
    a = np.fromfile(state.path)
    assert a.size == RAW_N


WORKLOADS = {
    "csv_load_1Mx3": (_TempCSV, _csv_run),
    "tofile_8M": (_TempRaw, _tofile_run),
    "fromfile_8M": (_TempRaw, _fromfile_run),
}

"""NumPy side of bench/wl_datetime.c (same names and the same values)."""
import os
import tempfile

import numpy as np

N = 1_000_000


def _texts():
    i = np.arange(N, dtype=np.uint64)
    days = ((i * np.uint64(7919)) % np.uint64(40000)).astype(np.int64)
    return days.astype('M8[D]').astype('U10')


def _seconds():
    i = np.arange(N, dtype=np.uint64)
    return ((i * np.uint64(2654435761)) % np.uint64(4000000000)).astype(np.int64).view('M8[s]')


class _DatesCSV:
    """"date,price" rows as wl_datetime.c writes them; removed with the state."""

    def __init__(self):
        i = np.arange(N, dtype=np.uint64)
        days = ((i * np.uint64(7919)) % np.uint64(40000)).astype(np.int64).astype('M8[D]')
        fd, self.path = tempfile.mkstemp(suffix=".csv")
        with os.fdopen(fd, "w") as f:
            f.write("date,price\n")
            f.writelines(f"{d},{p:g}\n" for d, p in zip(days.astype('U10'), (i % 1000) / 8))

    def __del__(self):
        os.remove(self.path)


def _csv_dates_run(state):
    a = np.loadtxt(state.path, delimiter=",", skiprows=1, dtype=[("date", "M8[D]"), ("price", "f8")])
    assert a.shape == (N,)


WORKLOADS = {
    "parse_dates_1M": (_texts, lambda a: a.astype('M8[D]')),
    "csv_dates_1M": (_DatesCSV, _csv_dates_run),
    "sort_M8_1M": (_seconds, lambda a: np.sort(a)),
}

"""NumPy side of bench/wl_datetime.c (same names and the same values)."""
import numpy as np

N = 1_000_000


def _texts():
    i = np.arange(N, dtype=np.uint64)
    days = ((i * np.uint64(7919)) % np.uint64(40000)).astype(np.int64)
    return days.astype('M8[D]').astype('U10')


def _seconds():
    i = np.arange(N, dtype=np.uint64)
    return ((i * np.uint64(2654435761)) % np.uint64(4000000000)).astype(np.int64).view('M8[s]')


WORKLOADS = {
    "parse_dates_1M": (_texts, lambda a: a.astype('M8[D]')),
    "sort_M8_1M": (_seconds, lambda a: np.sort(a)),
}

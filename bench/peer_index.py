"""NumPy side of bench/wl_index.c (same names): a[idx] with a million random int64 indices
into a million float64, and a[rows, cols] with a million random pairs into 4000x4000."""
import numpy as np


def _take():
    rng = np.random.default_rng(7)
    return rng.standard_normal(1_000_000), rng.integers(0, 1_000_000, 1_000_000, dtype=np.int64)


def _rows_cols():
    rng = np.random.default_rng(11)
    a = rng.standard_normal((4000, 4000))
    return a, rng.integers(0, 4000, 1_000_000, dtype=np.int64), rng.integers(0, 4000, 1_000_000, dtype=np.int64)


WORKLOADS = {
    # the same two under the names docs/benchmarks.md fixes for the second wave
    "fancy_index_1M": (_take, lambda s: s[0][s[1]]),
    "fancy_index_2d_4000": (_rows_cols, lambda s: s[0][s[1], s[2]]),
}

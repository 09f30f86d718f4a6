"""NumPy side of bench/wl_sort.c (same names)."""
import numpy as np


def _normal(n, dtype=np.float64):
    return np.random.default_rng(42).standard_normal(n).astype(dtype)


def _ints(n):
    return np.random.default_rng(42).integers(-2**63, 2**63 - 1, n, dtype=np.int64)


WORKLOADS = {
    "sort_f64_10M": (lambda: _normal(10_000_000), lambda a: np.sort(a)),
    "argsort_f64_1M": (lambda: _normal(1_000_000), lambda a: np.argsort(a)),
    "sort_f32_10M": (lambda: _normal(10_000_000, np.float32), lambda a: np.sort(a)),
    "sort_i64_10M": (lambda: _ints(10_000_000), lambda a: np.sort(a)),
}

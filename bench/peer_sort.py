"""NumPy side of bench/wl_sort.c (same names)."""
import numpy as np


def _normal(n):
    return np.random.default_rng(42).standard_normal(n)


WORKLOADS = {
    "sort_f64_10M": (lambda: _normal(10_000_000), lambda a: np.sort(a)),
    "argsort_f64_1M": (lambda: _normal(1_000_000), lambda a: np.argsort(a)),
}

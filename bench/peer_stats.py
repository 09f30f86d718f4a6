"""NumPy side of bench/wl_stats.c (same names)."""
import numpy as np


def _normal(shape):
    return np.random.default_rng(42).standard_normal(shape)


WORKLOADS = {
    "median_f64_10M": (lambda: _normal(10_000_000), lambda a: np.median(a)),
    "percentile_f64_10M": (lambda: _normal(10_000_000), lambda a: np.percentile(a, [5, 50, 95])),
    "histogram_f64_10M_100bins": (lambda: _normal(10_000_000),
                                  lambda a: np.histogram(a, bins=100)),
    "corrcoef_100x100000": (lambda: _normal((100, 100_000)), lambda a: np.corrcoef(a)),
}

"""NumPy side of bench/wl_poly.c (same names)."""
import numpy as np


def _inputs():
    x = np.linspace(0, 1, 1_000_000)
    y = np.sin(6 * x) + 0.1 * np.random.default_rng(42).standard_normal(1_000_000)
    return x, y, np.arange(1, 12, dtype=float) / 11.0


WORKLOADS = {
    "polyfit_1M_deg5": (_inputs, lambda a: np.polyfit(a[0], a[1], 5)),
    "polyval_1M_deg10": (_inputs, lambda a: np.polyval(a[2], a[0])),
    "chebfit_1M_deg5": (_inputs, lambda a: np.polynomial.chebyshev.chebfit(a[0], a[1], 5)),
    "legval_1M_deg10": (_inputs, lambda a: np.polynomial.legendre.legval(a[0], a[2])),
}

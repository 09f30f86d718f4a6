"""NumPy side of bench/wl_array.c (same names)."""
import numpy as np

N_10M = 10_000_000


def _normal(*shape):
    return np.random.default_rng(42).standard_normal(shape)


WORKLOADS = {
    "zeros_10M": (lambda: None, lambda s: np.zeros(N_10M)),
    "linspace_10M": (lambda: None, lambda s: np.linspace(0.0, 1.0, N_10M)),
    "copy_f64_10M": (lambda: _normal(N_10M), lambda a: a.copy()),
    "transpose_copy_4000x4000": (lambda: _normal(4000, 4000), lambda m: m.T.copy()),
}

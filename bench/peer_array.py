"""NumPy side of bench/wl_array.c (same names)."""
import numpy as np

N_10M = 10_000_000


def _normal(*shape):
    return np.random.default_rng(42).standard_normal(shape)


def _rows():
    return np.random.default_rng(42).integers(0, 10, size=(1_000_000, 3))


def _bits():
    return np.random.default_rng(42).standard_normal(8_000_000) > 0


WORKLOADS = {
    "zeros_10M": (lambda: None, lambda s: np.zeros(N_10M)),
    "linspace_10M": (lambda: None, lambda s: np.linspace(0.0, 1.0, N_10M)),
    "copy_f64_10M": (lambda: _normal(N_10M), lambda a: a.copy()),
    "transpose_copy_4000x4000": (lambda: _normal(4000, 4000), lambda m: m.T.copy()),
    "pad_reflect_2000x2000": (lambda: _normal(2000, 2000), lambda m: np.pad(m, 64, mode="reflect")),
    "unique_axis0_1Mx3": (_rows, lambda a: np.unique(a, axis=0)),
    "packbits_8M": (_bits, lambda b: np.packbits(b)),
}

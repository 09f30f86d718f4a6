"""NumPy side of bench/wl_window.c (same names)."""
import numpy as np


def _i0_input():
    return np.random.default_rng(42).standard_normal(10_000_000) * 10.0


WORKLOADS = {
    "hanning_1M": (lambda: None, lambda _: np.hanning(1_000_000)),
    "kaiser_1M_beta14": (lambda: None, lambda _: np.kaiser(1_000_000, 14.0)),
    "i0_f64_10M": (_i0_input, lambda a: np.i0(a)),
}

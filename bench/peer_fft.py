"""NumPy side of bench/wl_fft.c (same names); numpy.fft is pocketfft."""
import numpy as np


def _normal(*shape):
    return np.random.default_rng(42).standard_normal(shape)


def _complex(n):
    x = np.random.default_rng(42).standard_normal(2 * n)
    return x[0::2] + 1j * x[1::2]


WORKLOADS = {
    "fft_c128_2^20": (lambda: _complex(1 << 20), lambda x: np.fft.fft(x)),
    "rfft_f64_2^20": (lambda: _normal(1 << 20), lambda x: np.fft.rfft(x)),
    "fft2_2048x2048": (lambda: _normal(2048, 2048), lambda x: np.fft.fft2(x)),
}

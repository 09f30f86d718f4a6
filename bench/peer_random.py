"""NumPy side of bench/wl_random.c (same names)."""
import numpy as np


def _rng():
    return np.random.default_rng(42)


WORKLOADS = {
    "rng_normal_10M": (_rng, lambda g: g.standard_normal(10_000_000)),
    "rng_uniform_10M": (_rng, lambda g: g.random(10_000_000)),
    "rng_mt19937_random_1M": (lambda: np.random.Generator(np.random.MT19937(42)),
                              lambda g: g.random(1_000_000)),
}

"""NumPy side of bench/wl_linalg.c (same names)."""
import numpy as np


def _normal(*shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


def _matmul(n):
    return lambda: (_normal(n, n, seed=1), _normal(n, n, seed=2))


def _spd():
    s = _normal(500, 500, seed=3)
    return s @ s.T + 500 * np.eye(500), _normal(500, seed=4)


WORKLOADS = {
    "matmul_1000": (_matmul(1000), lambda ab: ab[0] @ ab[1]),
    "matmul_2000": (_matmul(2000), lambda ab: ab[0] @ ab[1]),
    "solve_500": (_spd, lambda ab: np.linalg.solve(ab[0], ab[1])),
    "inv_500": (_spd, lambda ab: np.linalg.inv(ab[0])),
    "eigh_500": (_spd, lambda ab: np.linalg.eigh(ab[0])),
    "svd_500": (_spd, lambda ab: np.linalg.svd(ab[0])),
}

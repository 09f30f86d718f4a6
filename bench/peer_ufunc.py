"""NumPy side of bench/wl_ufunc.c (same names)."""
import numpy as np

N_10M = 10_000_000


def _normal(*shape, seed=42):
    return np.random.default_rng(seed).standard_normal(shape)


def _ab_out():
    return _normal(N_10M), _normal(N_10M, seed=43), np.empty(N_10M)


def _m_v():
    return _normal(4000, 4000), _normal(4000, seed=43)


WORKLOADS = {
    "add_f64_10M": (_ab_out, lambda s: np.add(s[0], s[1], out=s[2])),
    "mul_scalar_f64_10M": (_ab_out, lambda s: np.multiply(s[0], 2.5, out=s[2])),
    "exp_f64_10M": (_ab_out, lambda s: np.exp(s[0], out=s[2])),
    "sin_f64_10M": (_ab_out, lambda s: np.sin(s[0], out=s[2])),
    "sqrt_abs_f64_10M": (_ab_out, lambda s: np.sqrt(np.abs(s[0]))),
    "sum_f64_10M": (_ab_out, lambda s: s[0].sum()),
    "mean_std_f64_10M": (_ab_out, lambda s: (s[0].mean(), s[0].std())),
    "sum_axis0_4000x4000": (_m_v, lambda s: s[0].sum(axis=0)),
    "sum_axis1_4000x4000": (_m_v, lambda s: s[0].sum(axis=1)),
    "broadcast_add_4000x4000": (_m_v, lambda s: s[0] + s[1][:, None]),
    "strided_add_every2nd_10M": (_ab_out, lambda s: s[0][::2] + s[1][::2]),
    "emath_sqrt_1M_mixed_sign": (lambda: _normal(1_000_000), lambda a: np.emath.sqrt(a)),
}


def _ufm():
    rng = np.random.default_rng(44)
    return (np.zeros(1000), rng.integers(0, 1000, size=1_000_000), rng.standard_normal(1_000_000),
            rng.standard_normal(1000), np.arange(0, 1_000_000, 100))


WORKLOADS.update({
    "add_at_1M": (_ufm, lambda s: np.add.at(s[0], s[1], 1.0)),
    "ufunc_add_outer_1000x1000": (_ufm, lambda s: np.add.outer(s[3], s[3])),
    "ufunc_add_reduceat_1M": (_ufm, lambda s: np.add.reduceat(s[2], s[4])),
})

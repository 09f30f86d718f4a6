"""NumPy side of bench/wl_vmath.c (same names and input domains)."""
import numpy as np

N_10M = 10_000_000


def _inputs(dom, dtype=np.float64):
    rng = np.random.default_rng(42)
    if dom == "unit":
        a = 2 * rng.random(N_10M) - 1
    else:
        a = rng.standard_normal(N_10M)
        if dom == "abs":
            a = np.abs(a)
    b = np.random.default_rng(43).standard_normal(N_10M)
    return a.astype(dtype), b.astype(dtype), np.empty(N_10M, dtype)


def _row(fn, dom, dtype=np.float64):
    return (lambda: _inputs(dom, dtype), lambda s: fn(s[0], out=s[2]))


WORKLOADS = {
    "tan_f64_10M": _row(np.tan, "normal"),
    "log_f64_10M": _row(np.log, "abs"),
    "log2_f64_10M": _row(np.log2, "abs"),
    "log10_f64_10M": _row(np.log10, "abs"),
    "log1p_f64_10M": _row(np.log1p, "abs"),
    "exp2_f64_10M": _row(np.exp2, "normal"),
    "expm1_f64_10M": _row(np.expm1, "normal"),
    "arcsin_f64_10M": _row(np.arcsin, "unit"),
    "arccos_f64_10M": _row(np.arccos, "unit"),
    "arctan_f64_10M": _row(np.arctan, "normal"),
    "sinh_f64_10M": _row(np.sinh, "normal"),
    "cosh_f64_10M": _row(np.cosh, "normal"),
    "tanh_f64_10M": _row(np.tanh, "normal"),
    "cbrt_f64_10M": _row(np.cbrt, "normal"),
    "sin_f32_10M": _row(np.sin, "normal", np.float32),
    "exp_f32_10M": _row(np.exp, "normal", np.float32),
    "arctan2_f64_10M": (lambda: _inputs("normal"), lambda s: np.arctan2(s[0], s[1], out=s[2])),
    "power_f64_10M": (lambda: _inputs("abs"), lambda s: np.power(s[0], s[1], out=s[2])),
}

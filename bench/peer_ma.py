"""numpy.ma side of bench/wl_ma.c (same names): 10M float64 standard normals, 10 % of them
masked at random (fixed seeds)."""
import numpy as np

N_10M = 10_000_000
TARGETS = {"ma_log_10M": 0.2, "ma_mean_std_10M": 0.2}  # the goal: numc >= 5x faster than numpy.ma


def _masked():
    x = np.random.default_rng(42).standard_normal(N_10M)
    mask = np.random.default_rng(7).random(N_10M) < 0.1
    return np.ma.array(x, mask=mask)


WORKLOADS = {
    "ma_mean_std_10M": (_masked, lambda a: (a.mean(), a.std())),
    "ma_log_10M": (_masked, lambda a: np.ma.log(a)),
}

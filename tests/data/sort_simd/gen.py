#!/usr/bin/python3
"""Fixtures of tests/test_sort_simd.c: inputs and NumPy's np.sort (default kind) and
np.argsort(kind='stable') for every dtype the vectorised sort takes, every input pattern
and the sizes around the thresholds of core/sort/sort_simd.c.

    /usr/bin/python3 tests/data/sort_simd/gen.py   (writes sort_simd.npz next to itself)

Member names: <dtype>_<pattern>_<n>_{in,sort,argsort}."""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = ["int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]
SIZES = [0, 1, 2, 15, 16, 17, 200, 300, 1000]


def pattern(name, dt, n, rng):
    info = np.finfo(dt) if dt.kind == "f" else np.iinfo(dt)
    if dt.kind == "f":
        base = rng.standard_normal(n) * 100
    else:
        base = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
    if name == "random":
        return base.astype(dt)
    if name == "sorted":
        return np.sort(base.astype(dt))
    if name == "reversed":
        return np.sort(base.astype(dt))[::-1].copy()
    if name == "equal":
        return np.full(n, 7, dtype=dt)
    if name == "dups":  # few distinct values, the extremes among them
        choices = np.array([info.min, info.max, 0, 1, 3], dtype=dt)
        return choices[rng.integers(0, len(choices), n)]
    x = base.astype(dt)
    if name == "nan":  # NaNs (both signs), infinities, signed zeros among numbers
        specials = np.array([np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0], dtype=dt)
        k = rng.integers(0, len(specials), n)
        mask = rng.random(n) < 0.3
        x[mask] = specials[k[mask]]
        return x
    if name == "inf":  # infinities and the finite extremes, no NaN
        specials = np.array([np.inf, -np.inf, info.max, info.min, info.tiny], dtype=dt)
        mask = rng.random(n) < 0.3
        x[mask] = specials[rng.integers(0, len(specials), n)[mask]]
        return x
    if name == "zeros":  # only -0.0 and 0.0 with a few other values
        z = np.where(rng.random(n) < 0.5, -0.0, 0.0).astype(dt)
        mask = rng.random(n) < 0.1
        z[mask] = x[mask]
        return z
    raise ValueError(name)


def main():
    rng = np.random.default_rng(20261207)
    out = {}
    for name in DTYPES:
        dt = np.dtype(name)
        pats = ["random", "sorted", "reversed", "equal", "dups"]
        if dt.kind == "f":
            pats += ["nan", "inf", "zeros"]
        for p in pats:
            for n in SIZES:
                x = pattern(p, dt, n, rng)
                key = f"{name}_{p}_{n}"
                out[key + "_in"] = x
                out[key + "_sort"] = np.sort(x)
                out[key + "_argsort"] = np.argsort(x, kind="stable").astype(np.int64)
    np.savez_compressed(os.path.join(HERE, "sort_simd.npz"), **out)


if __name__ == "__main__":
    main()

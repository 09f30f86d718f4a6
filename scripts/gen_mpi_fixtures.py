#!/usr/bin/env python3
"""Fixtures for tests/test_mpi_create.c: NumPy's values of the distributed random arrays
(mpi/dist_create.c). The global array, flattened, is cut into blocks of 65536 elements
(ND_DIST_RANDOM_BLOCK); block j is drawn by default_rng(SeedSequence(seed).spawn(nb)[j]).
Each fixture holds the values at a few flat indices around the block boundaries (the
indices are in tests/data/mpi/random_index.npy).
    /usr/bin/python3 scripts/gen_mpi_fixtures.py"""
import os
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "mpi")
B = 65536
N = 150001  # three blocks, the last one short
SEED = 20261207


def blocked(draw):
    nb = (N + B - 1) // B
    children = np.random.SeedSequence(SEED).spawn(nb)
    parts = [draw(np.random.default_rng(children[j]), min(B, N - j * B)) for j in range(nb)]
    return np.concatenate(parts)


def main():
    os.makedirs(OUT, exist_ok=True)
    idx = np.array(list(range(0, 5)) + list(range(B - 3, B + 3)) + list(range(2 * B - 3, 2 * B + 3))
                   + list(range(N - 4, N)), dtype=np.int64)
    np.save(os.path.join(OUT, "random_index.npy"), idx)
    fx = {
        "random_f64": blocked(lambda g, n: g.random(n)),
        "random_f32": blocked(lambda g, n: g.random(n, dtype=np.float32)),
        "uniform": blocked(lambda g, n: g.uniform(-2.0, 3.0, n)),
        "normal": blocked(lambda g, n: g.normal(1.0, 2.0, n)),
        "integers_i64": blocked(lambda g, n: g.integers(-5, 17, n)),
        "integers_i16": blocked(lambda g, n: g.integers(-5, 17, n, dtype=np.int16, endpoint=True)),
    }
    for name, v in fx.items():
        np.save(os.path.join(OUT, name + ".npy"), v[idx])


if __name__ == "__main__":
    main()

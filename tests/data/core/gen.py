#!/usr/bin/python3
"""Fixtures for tests/test_creation.c: NumPy's values for ranges and grids.

Run with Debian's python3 (numpy 1.24): /usr/bin/python3 gen.py > creation.txt
Each line: name count v0 v1 ... (repr of float64, which round-trips exactly)."""
import numpy as np

cases = {
    "linspace_0_1_5": np.linspace(0, 1, 5),
    "linspace_0_1_7_noend": np.linspace(0, 1, 7, endpoint=False),
    "linspace_m3_7_13": np.linspace(-3.3, 7.1, 13),
    "linspace_1_1e10_11": np.linspace(1, 1e10, 11),
    "linspace_5_m5_4": np.linspace(5, -5, 4),
    "linspace_int_0_10_4": np.linspace(0, 10, 4, dtype=np.int64).astype(float),
    "linspace_int_m5_5_4": np.linspace(-5, 5, 4, dtype=np.int64).astype(float),
    "logspace_0_3_4": np.logspace(0, 3, 4),
    "logspace_0_1_5_base2": np.logspace(0, 1, 5, base=2.0),
    "logspace_m2_2_9_noend": np.logspace(-2, 2, 9, endpoint=False),
    "geomspace_1_1000_4": np.geomspace(1, 1000, 4),
    "geomspace_m1_m1000_5": np.geomspace(-1, -1000, 5),
    "geomspace_0.5_30_7": np.geomspace(0.5, 30, 7),
    "arange_0_1_0.1": np.arange(0, 1, 0.1),
    "arange_10_m3_m1.5": np.arange(10, -3, -1.5),
    "arange_0.5_4.5_1": np.arange(0.5, 4.5, 1),
}
for name, v in cases.items():
    print(name, len(v), " ".join(repr(float(x)) for x in v))

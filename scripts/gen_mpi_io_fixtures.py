#!/usr/bin/env python3
"""Fixtures for tests/test_mpi_io.c: .npy files as NumPy writes them, which
nd_dist_load_npy (mpi/dist_io.c) must read like nd_load: big-endian data, a format 2.0
header, a 1-D Fortran-order file, a 3-D unsigned array, a 0-d array and an empty one.
    /usr/bin/python3 scripts/gen_mpi_io_fixtures.py"""
import os
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "mpi")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(22)
    np.save(os.path.join(OUT, "io_be_f8.npy"), rng.normal(size=(13, 5)).astype(">f8"))
    np.save(os.path.join(OUT, "io_be_i4.npy"), rng.integers(-1000, 1000, size=(9,)).astype(">i4"))
    with open(os.path.join(OUT, "io_v2_c16.npy"), "wb") as f:
        a = (rng.normal(size=(6, 4)) + 1j * rng.normal(size=(6, 4))).astype("<c16")
        np.lib.format.write_array(f, a, version=(2, 0))
    np.save(os.path.join(OUT, "io_fortran_1d.npy"), np.asfortranarray(np.arange(11, dtype=np.int16)))
    np.save(os.path.join(OUT, "io_u2_3d.npy"), rng.integers(0, 65535, size=(5, 3, 2)).astype("<u2"))
    np.save(os.path.join(OUT, "io_0d.npy"), np.float32(2.5))
    np.save(os.path.join(OUT, "io_empty.npy"), np.zeros((0, 3), dtype=np.float64))
    np.save(os.path.join(OUT, "io_fortran_2d.npy"), np.asfortranarray(rng.normal(size=(4, 3))))


if __name__ == "__main__":
    main()

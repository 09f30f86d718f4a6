#!/usr/bin/python3
"""Check, with NumPy, the files tests/test_io_interop.c wrote with numc.

    /usr/bin/python3 check_numc_files.py DIR

Every .npy / .npz / text file in DIR must load with NumPy and hold the values of
gen_fixtures.values() (or the arrays named in the file list below). Prints a summary;
exit status 1 on the first mismatch."""
import os
import sys

import numpy as np

sys.dont_write_bytecode = True  # tests must not write into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_fixtures import DTYPES, arr  # noqa: E402


def check(cond, what):
    if not cond:
        print("MISMATCH:", what)
        sys.exit(1)


def main(d):
    n = 0
    for name in DTYPES:
        want = arr(name)
        for order in "CF":
            for bo in ("le", "be"):
                for v in (1, 2, 3):
                    path = os.path.join(d, f"{name}_{order}_{bo}_v{v}.npy")
                    with open(path, "rb") as f:
                        version = np.lib.format.read_magic(f)
                    check(version == (v, 0), f"{path}: version {version}")
                    a = np.load(path)
                    check(a.dtype.kind == want.dtype.kind and a.dtype.itemsize == want.dtype.itemsize,
                          f"{path}: dtype {a.dtype}")
                    if want.dtype.itemsize > 1:
                        check(a.dtype.byteorder == (">" if bo == "be" else "="), f"{path}: byte order {a.dtype}")
                    check(a.flags.f_contiguous if order == "F" else a.flags.c_contiguous, f"{path}: order")
                    check(np.array_equal(a, want), f"{path}: values")
                    n += 1
    a = np.load(os.path.join(d, "scalar.npy"))
    check(a.shape == () and a == 2.5, "scalar.npy")
    a = np.load(os.path.join(d, "empty.npy"))
    check(a.shape == (0, 3) and a.dtype == np.int16, "empty.npy")
    n += 2
    for z in ("stored.npz", "deflated.npz", "zip64.npz"):
        with np.load(os.path.join(d, z)) as f:
            check(sorted(f.files) == sorted(DTYPES), f"{z}: members {f.files}")
            for name in DTYPES:
                check(np.array_equal(f[name], arr(name)), f"{z}:{name}")
        n += 1
    x = arr("float64", (50, 3))
    a = np.loadtxt(os.path.join(d, "floats.txt"))
    check(a.tobytes() == x.tobytes(), "floats.txt: not bit-exact")
    a = np.loadtxt(os.path.join(d, "floats.csv"), delimiter=",", skiprows=1)
    check(a.tobytes() == x.tobytes(), "floats.csv: not bit-exact")
    c = arr("complex128", (10, 2))
    a = np.loadtxt(os.path.join(d, "complex.txt"), dtype=complex)
    check(a.tobytes() == c.tobytes(), "complex.txt")
    i = arr("int64", (10, 4))
    a = np.loadtxt(os.path.join(d, "ints.txt"), dtype=np.int64, delimiter=";")
    check(np.array_equal(a, i), "ints.txt")
    n += 4
    print(f"numpy {np.__version__} read {n} numc-written files correctly")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Per-call overhead of small operations from Python: numc vs NumPy, in the same run.

    PYTHONPATH=build/python /usr/bin/python3 bench/py_overhead.py [--repeat 7] [--number 200000]

Prints one row per operation: the best-of-repeat time per call of each side and the ratio
numc / NumPy (the goal for `a + b` on 10 elements is <= 1.0)."""
import argparse
import timeit

import numpy as np

import numc as nc

CASES = [
    ("a + b (10 float64)", "a + b"),
    ("a * 2.5 (10 float64)", "a * 2.5"),
    ("np.sqrt(a) (10)", "m.sqrt(a)"),
    ("a.sum() (10)", "a.sum()"),
    ("a[3] (10)", "a[3]"),
    ("a[2:8] (10)", "a[2:8]"),
    ("c += b (10)", "c += b"),
    ("zeros(10)", "m.zeros(10)"),
    ("a[[1, 3]] (10)", "a[[1, 3]]"),
    ("a > 5 (10)", "a > 5"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=200000)
    ap.add_argument("--filter", default="")
    args = ap.parse_args()
    print("%-24s %12s %12s %8s" % ("operation", "numc ns", "numpy ns", "ratio"))
    for label, stmt in CASES:
        if args.filter not in label:
            continue
        row = []
        for m in (nc, np):
            setup = ("a = m.arange(10.0); b = m.arange(10.0) + 1; c = m.ones(10); "
                     "n = np.arange(10.0)")
            t = min(timeit.repeat(stmt, setup=setup, globals={"m": m, "np": np}, repeat=args.repeat,
                                  number=args.number))
            row.append(t / args.number * 1e9)
        print("%-24s %12.1f %12.1f %8.2f" % (label, row[0], row[1], row[0] / row[1]))
    # Sharing memory across the two libraries (no NumPy counterpart: informative only)
    for label, stmt in (("numc.asarray(numpy arr)", "nc.asarray(n)"),
                        ("numpy.asarray(numc arr)", "np.asarray(a)")):
        t = min(timeit.repeat(stmt, setup="a = nc.arange(10.0); n = np.arange(10.0)",
                              globals={"nc": nc, "np": np}, repeat=args.repeat, number=args.number))
        print("%-24s %12.1f %12s %8s" % (label, t / args.number * 1e9, "-", "-"))


if __name__ == "__main__":
    main()

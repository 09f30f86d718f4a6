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
            setup = "a = m.arange(10.0); b = m.arange(10.0) + 1; c = m.ones(10)"
            t = min(timeit.repeat(stmt, setup=setup, globals={"m": m}, repeat=args.repeat,
                                  number=args.number))
            row.append(t / args.number * 1e9)
        print("%-24s %12.1f %12.1f %8.2f" % (label, row[0], row[1], row[0] / row[1]))


if __name__ == "__main__":
    main()

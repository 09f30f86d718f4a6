#!/usr/bin/env python3
"""Fixtures for tests/test_ma_sort.c (NumPy 1.24): writes tests/data/ma/sort.txt.

Inputs are lines "in.<name>.data" / "in.<name>.mask" (mask line absent: nomask; complex
data is two lines .re and .im instead of .data, in results too). For
each input, every axis (and N for None) with endwith T / F gives
  sort.<name>.<axis>.<T|F>.data / .mask   numpy.ma.sort
  argsort.<name>.<axis>.<T|F>             numpy.ma.argsort
and unique.<name>.data / .mask, clump_masked.<name>, clump_unmasked.<name>,
notmasked_contiguous.<name>, edges.<name> (first last; -1 -1 for None).
A result with nomask writes no .mask line. Lanes are at most 16 long (NumPy's quicksort
insertion-sorts them, so ties keep their order), except the 'long' input, whose valid
values are distinct and which has one masked element, and the 'long_ties*' inputs, whose
masked elements tie (the test compares them as a set)."""
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from fixture_text import fixture_line  # noqa: E402

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "ma", "sort.txt")
rng = np.random.default_rng(20261206)
lines = []


def put(name, a):
    lines.append(fixture_line(name, np.asarray(a)))


def put_ma(name, m):
    d = np.ma.getdata(m)
    if d.dtype.kind == "c":  # complex data as two float lines
        put(name + ".re", d.real)
        put(name + ".im", d.imag)
    else:
        put(name + ".data", d)
    if np.ma.getmask(m) is not np.ma.nomask:
        put(name + ".mask", np.ma.getmask(m))


INPUTS = {}
INPUTS["f1"] = np.ma.array([3.0, -1.0, 2.0, 7.0, 0.5, -4.0], mask=[0, 1, 0, 0, 1, 0])
INPUTS["f2"] = np.ma.array(rng.permutation(12).reshape(3, 4) * 1.5 - 4,
                           mask=rng.random((3, 4)) < 0.3)
INPUTS["f3"] = np.ma.array(rng.permutation(16).reshape(2, 2, 4) - 10.0,
                           mask=rng.random((2, 2, 4)) < 0.3)
INPUTS["nan"] = np.ma.array([np.nan, 1.0, np.nan, 2.0, -np.inf, 3.0, np.inf, 0.0],
                            mask=[0, 1, 0, 1, 0, 0, 0, 1])
INPUTS["i8"] = np.ma.array(np.array([5, 127, -128, 3, 127, -2, 0, -128], np.int8),
                           mask=[0, 1, 0, 0, 0, 1, 0, 1])
INPUTS["u8"] = np.ma.array(np.array([[5, 255, 0], [3, 9, 1]], np.uint8), mask=[[1, 0, 0], [0, 1, 0]])
INPUTS["i64"] = np.ma.array(np.array([[4, -3, 9, 9], [1, 1, -7, 2]], np.int64),
                            mask=[[0, 0, 1, 0], [1, 0, 0, 0]])
INPUTS["f32"] = np.ma.array(np.array([0.1, -2.5, 3.25, 1e10, -0.0], np.float32), mask=[1, 0, 0, 0, 0])
INPUTS["b"] = np.ma.array(np.array([True, False, True, False, False]), mask=[0, 1, 0, 0, 1])
INPUTS["c"] = np.ma.array([1 + 2j, 1 - 1j, complex(np.nan, 0), -3 + 0j, 2j, complex(1, 5), 0.5 + 0j],
                          mask=[0, 0, 0, 1, 0, 0, 1])
INPUTS["f32nan"] = np.ma.array(np.array([np.nan, 2.5, -np.inf, 1.0, np.nan], np.float32), mask=[0, 0, 0, 1, 1])
INPUTS["i16"] = np.ma.array(np.array([32767, 5, -32768, 32767, 0, -32768], np.int16), mask=[0, 1, 0, 0, 1, 0])
INPUTS["nomask"] = np.ma.array(np.array([[2.5, -1.0, 4.0], [0.0, 9.0, -3.0]]))
INPUTS["allmasked"] = np.ma.array(np.array([[3.0, 1.0], [2.0, 0.0]]), mask=True)
INPUTS["nomask_empty"] = np.ma.array(np.zeros(0))
INPUTS["empty"] = np.ma.array(np.zeros((2, 0)), mask=np.zeros((2, 0), bool))
INPUTS["runs"] = np.ma.array(np.arange(12.0).reshape(3, 4),
                             mask=[[1, 1, 0, 0], [0, 1, 1, 1], [0, 0, 0, 1]])
INPUTS["nothing_masked"] = np.ma.array([4.0, 2.0, 3.0], mask=[0, 0, 0])
INPUTS["long"] = np.ma.array(rng.permutation(40) * 0.25 - 3, mask=np.arange(40) == 17)
# long lanes whose masked elements tie with each other: NumPy's quicksort order among them
# is its own, so the test compares the valid part exactly and the masked part as a set
INPUTS["long_ties"] = np.ma.array(rng.permutation(300) * 0.5 - 20, mask=rng.random(300) < 0.15)
INPUTS["long_ties_i"] = np.ma.array(rng.permutation(300).astype(np.int32) - 100, mask=rng.random(300) < 0.1)
INPUTS["hard"] = np.ma.array([3.0, 1.0, 2.0, 0.5], mask=[0, 1, 0, 0], hard_mask=True)
base = np.ma.array(rng.permutation(24).reshape(4, 6) * 1.0, mask=rng.random((4, 6)) < 0.35)
INPUTS["view"] = base[:, ::2].T  # the test makes it with nd_ma_view(":, ::2") + transpose

for name, m in INPUTS.items():
    put_ma("in." + name, base if name == "view" else m)
    axes = list(range(m.ndim)) + [None]
    for ax in axes:
        tag = "N" if ax is None else str(ax)
        for endwith in (True, False):
            e = "T" if endwith else "F"
            put_ma(f"sort.{name}.{tag}.{e}", np.ma.sort(m, axis=ax, endwith=endwith))
            put(f"argsort.{name}.{tag}.{e}", np.ma.argsort(m, axis=ax, endwith=endwith))
    put_ma(f"unique.{name}", np.ma.unique(m))
    for fn in ("clump_masked", "clump_unmasked"):
        if m.size == 0 and np.ma.getmask(m) is not np.ma.nomask:
            r = []  # NumPy raises IndexError here; numc returns no runs
        else:
            r = getattr(np.ma, fn)(m)
        put(f"{fn}.{name}", np.array([[s.start, s.stop] for s in r], np.int64).reshape(-1, 2))
    r = np.ma.flatnotmasked_contiguous(m)
    put(f"notmasked_contiguous.{name}", np.array([[s.start, s.stop] for s in r], np.int64).reshape(-1, 2))
    e = np.ma.flatnotmasked_edges(m)
    put(f"edges.{name}", np.array([-1, -1] if e is None else e, np.int64))

# 0-d: argsort treats it as one element; sort needs axis=None
z = np.ma.array(5.0, mask=True)
put("argsort.zero_d", np.ma.argsort(z, axis=-1))
put_ma("sort.zero_d", np.ma.sort(z, axis=None))

# polyfit: points masked in x or in y are left out
x = np.ma.array(np.linspace(-2, 3, 11), mask=[0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
y = np.ma.array(0.5 * x.data ** 3 - x.data + 2 + np.sin(7 * x.data) * 0.1,
                mask=[0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0])
y.data[5] = 1e6  # garbage under the mask must not matter
y.data[8] = np.nan
put("polyfit.x.data", x.data)
put("polyfit.x.mask", x.mask)
put("polyfit.y.data", y.data)
put("polyfit.y.mask", y.mask)
for deg in (1, 2, 3):
    put(f"polyfit.deg{deg}", np.ma.polyfit(x, y, deg))
put("polyfit.nomask", np.ma.polyfit(np.ma.array(x.data), np.ma.array(x.data ** 2 - 1), 2))

with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")

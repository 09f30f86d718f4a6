#!/usr/bin/python3
"""Expected reports of numpy.testing (NumPy 1.24) for tests/test_testing.c (issue 16).

    /usr/bin/python3 tests/data/testing/gen_reports.py

Writes reports.txt: for each case a line "=== NAME" followed by str(AssertionError),
exactly (it starts with a newline for the array comparisons). tests/test_testing.c builds
the same arrays in C and compares nd_assert_*'s report with the text.
"""
import os
import numpy as np
from numpy.testing import (assert_allclose, assert_array_equal, assert_array_less,
                           assert_array_max_ulp, assert_array_almost_equal_nulp)

x10 = np.arange(10.0)
y10 = x10.copy()
y10[[1, 4, 7]] += [1e-3, 2, -5]
long_y = np.arange(100.0)
long_y[[3, 50]] = [-1, 7.5]
f32a = np.array([1.0, 2.0, 3.0], dtype=np.float32)
f32b = np.array([1.0, 2.5, 3.0], dtype=np.float32)
two, three = np.float32(2), np.float32(3)
f32u = np.array([1, np.nextafter(np.nextafter(np.nextafter(two, three), three), three)], dtype=np.float32)

CASES = [
    ("allclose_basic", lambda: assert_allclose(x10, y10)),
    ("allclose_err_msg", lambda: assert_allclose(x10, y10, err_msg="hello")),
    ("allclose_long_err_msg", lambda: assert_allclose(x10, y10, err_msg="m" * 40)),
    ("allclose_shapes", lambda: assert_allclose(np.arange(3.0), np.arange(4.0))),
    ("allclose_nan_location", lambda: assert_allclose(np.array([1.0, np.nan]), np.array([1.0, 2.0]))),
    ("allclose_scalars", lambda: assert_allclose(np.array(1.0), 2)),
    ("allclose_complex", lambda: assert_allclose(np.array([1 + 1j, 2]), np.array([1 + 2j, 2]))),
    ("allclose_rel_inf", lambda: assert_allclose(np.array([0.0, 1.0]), np.array([0.0, 0.0]))),
    ("allclose_tolerances", lambda: assert_allclose(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.1, 3.0]), rtol=1e-3, atol=1e-5)),
    ("allclose_no_equal_nan", lambda: assert_allclose(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]), equal_nan=False)),
    ("allclose_f32", lambda: assert_allclose(f32a, f32b)),
    ("allclose_scalar_desired", lambda: assert_allclose(np.array([2.0, 2.0, 3.0]), 2.0)),
    ("equal_int", lambda: assert_array_equal(np.array([1, 2, 3]), np.array([1, 2, 4]))),
    ("equal_shapes_2d", lambda: assert_array_equal(np.array([[1, 2, 3]]), np.array([1, 2, 4]))),
    ("equal_bool", lambda: assert_array_equal(np.array([True, False]), np.array([True, True]))),
    ("equal_uint8", lambda: assert_array_equal(np.array([5, 10], dtype=np.uint8), np.array([10, 5], dtype=np.uint8))),
    ("equal_inf_location", lambda: assert_array_equal(np.array([np.inf, 1.0]), np.array([1.0, np.inf]))),
    ("equal_long", lambda: assert_array_equal(np.arange(100.0), long_y)),
    ("equal_2d", lambda: assert_array_equal(np.arange(6.0).reshape(2, 3), np.array([[0.0, 1, 2], [3, 4, 6]]))),
    ("less", lambda: assert_array_less(np.array([1, 2, 3]), np.array([2, 3, 3]))),
    ("less_float", lambda: assert_array_less(np.array([1.0, 5.0, np.nan]), np.array([2.0, 4.0, np.nan]))),
    ("max_ulp", lambda: assert_array_max_ulp(np.array([1.0, 2.0]), np.array([1.0, 2.0000001]))),
    ("max_ulp_f32", lambda: assert_array_max_ulp(np.array([1, 2], dtype=np.float32), f32u, maxulp=2)),
    ("nulp", lambda: assert_array_almost_equal_nulp(np.array([1.0, 2.0]), np.array([1.0, 2.0000001]))),
    ("nulp_complex", lambda: assert_array_almost_equal_nulp(np.array([1 + 1j]), np.array([1 + 1.1j]))),
]

out = []
for name, fn in CASES:
    try:
        fn()
    except AssertionError as e:
        out.append("=== %s\n%s" % (name, e))
        continue
    raise SystemExit("case %s did not fail" % name)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports.txt")
with open(path, "w") as f:
    f.write("\n".join(out) + "\n")
print("wrote %d reports to %s" % (len(out), path))

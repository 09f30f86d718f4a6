"""Random operator expressions (dtypes x shapes x Python scalars, broadcasting, in-place):
numc's result dtype, values and exception type are NumPy's."""
import operator
import warnings

import numpy as np
import pytest

import numc as nc

# NumPy's own assert_allclose warns on inf/NaN results (numpy/core/numeric.py isclose)
pytestmark = pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
       operator.mod, operator.pow, operator.eq, operator.lt, operator.ge, operator.and_,
       operator.or_, operator.xor, operator.lshift, operator.rshift]
IOPS = {operator.add: operator.iadd, operator.sub: operator.isub, operator.mul: operator.imul,
        operator.truediv: operator.itruediv, operator.floordiv: operator.ifloordiv,
        operator.and_: operator.iand, operator.or_: operator.ior}
SCALARS = [0, 1, 3, -2, 200, 70000, 2**40, 2.5, -0.5, True, False, 1 + 1j]


def make(rng, dt, shape):
    x = rng.integers(-5, 6, size=shape)
    if dt == "bool":
        return x > 0
    if dt.startswith("u"):
        x = np.abs(x)
    if dt.startswith("complex"):
        return (x + 1j * rng.integers(-3, 4, size=shape)).astype(dt)
    return x.astype(dt)


def outcome(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"), nc.errstate(all="ignore"):
            try:
                return "ok", fn()
            except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
                return type(e).__name__ if not isinstance(e, TypeError) else "TypeError", None


def check(got, ref, what):
    if not isinstance(got, nc.ndarray):
        # numc returns Python scalars where NumPy returns NumPy scalars (docs/python.md):
        # the value is compared, and the kind (bool / int / float / complex)
        assert np.ndim(ref) == 0, what
        kinds = {bool: "b", int: "iu", float: "f", complex: "c"}
        assert np.asarray(ref).dtype.kind in kinds[type(got)], (what, type(got), np.asarray(ref).dtype)
        if np.asarray(ref).dtype.kind in "fc":
            np.testing.assert_allclose(got, ref, rtol=1e-6, equal_nan=True, err_msg=str(what))
        else:
            assert got == ref, what
        return
    g = np.asarray(got)
    r = np.asarray(ref)
    assert g.shape == r.shape, what
    assert g.dtype == r.dtype, (what, g.dtype, r.dtype)
    if r.dtype.kind in "fc":
        np.testing.assert_allclose(g, r, rtol=1e-6, equal_nan=True, err_msg=str(what))
    else:
        np.testing.assert_array_equal(g, r, err_msg=str(what))


@pytest.mark.parametrize("seed", range(30))
def test_random_binary_operations_match_numpy(seed):
    rng = np.random.default_rng(seed)
    shapes = [((3,), (3,)), ((2, 3), (3,)), ((4, 1), (1, 5)), ((), (2,)), ((2, 1, 3), (4, 1))]
    for _ in range(40):
        op = OPS[rng.integers(len(OPS))]
        da, db = DTYPES[rng.integers(len(DTYPES))], DTYPES[rng.integers(len(DTYPES))]
        sa, sb = shapes[rng.integers(len(shapes))]
        xa, xb = make(rng, da, sa), make(rng, db, sb)
        if op in (operator.lshift, operator.rshift, operator.pow):
            xb = np.abs(xb) % 4 if xb.dtype.kind in "iu" else xb
        kind_n, ref = outcome(lambda: op(xa, xb))
        kind_a, got = outcome(lambda: op(nc.asarray(xa), nc.asarray(xb)))
        what = (op.__name__, da, db, sa, sb)
        assert kind_a == kind_n, (what, kind_a, kind_n)
        if kind_n == "ok":
            check(got, ref, what)
        # with a Python scalar on either side (NumPy 1.x value-based promotion)
        s = SCALARS[rng.integers(len(SCALARS))]
        for left in (True, False):
            f = (lambda x: op(x, s)) if left else (lambda x: op(s, x))
            kind_n, ref = outcome(lambda: f(xa))
            kind_a, got = outcome(lambda: f(nc.asarray(xa)))
            assert kind_a == kind_n, (what, s, left, kind_a, kind_n)
            if kind_n == "ok":
                check(got, ref, (what, s, left))
        # in place (NumPy's same_kind rule for the output)
        if op in IOPS and np.broadcast_shapes(sa, sb) == sa:
            n1, a1 = xa.copy(), nc.array(xa)
            kind_n, _ = outcome(lambda: IOPS[op](n1, xb))
            kind_a, _ = outcome(lambda: IOPS[op](a1, nc.asarray(xb)))
            assert kind_a == kind_n, (what, "inplace", kind_a, kind_n)
            if kind_n == "ok":
                check(a1, n1, (what, "inplace"))

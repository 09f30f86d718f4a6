"""Operators, ufuncs and reductions against NumPy: values, dtypes, broadcasting, scalars."""
import operator
import warnings

import numpy as np
import pytest

import numc as nc

BINOPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
          operator.mod, operator.pow, operator.lt, operator.le, operator.eq, operator.ne,
          operator.gt, operator.ge]
INTOPS = [operator.and_, operator.or_, operator.xor, operator.lshift, operator.rshift]


def pair(mod, dt):
    a = (mod.arange(12).reshape(3, 4) % 5 + 1).astype(dt)
    b = (mod.arange(4) % 3 + 1).astype(dt)
    return a, b


def same(got, ref):
    if isinstance(ref, np.ndarray):
        g = np.asarray(got)
        assert g.shape == ref.shape and g.dtype == ref.dtype, (g.dtype, ref.dtype)
        np.testing.assert_allclose(g, ref, rtol=1e-6) if g.dtype.kind in "fc" else \
            np.testing.assert_array_equal(g, ref)
    else:
        assert got == pytest.approx(ref)


@pytest.mark.parametrize("op", BINOPS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dt", ["int64", "int32", "uint8", "float64", "float32"])
def test_binary_operators_broadcast_like_numpy(op, dt):
    a, b = pair(nc, dt)
    an, bn = pair(np, dt)
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        same(op(a, b), op(an, bn))
        same(op(b, a[:, :1]), op(bn, an[:, :1]))


@pytest.mark.parametrize("op", BINOPS + INTOPS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("scalar", [2, True, 300])
def test_python_scalars_promote_by_value(op, scalar):
    a = nc.arange(1, 7, dtype=nc.uint8)
    an = np.arange(1, 7, dtype=np.uint8)
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        same(op(a, scalar), op(an, scalar))
        same(op(scalar, a), op(scalar, an))


@pytest.mark.parametrize("op", [operator.add, operator.mul, operator.truediv, operator.sub])
def test_float_scalars(op):
    a = nc.arange(1, 5, dtype=nc.float32)
    an = np.arange(1, 5, dtype=np.float32)
    same(op(a, 2.5), op(an, 2.5))
    same(op(nc.arange(4), 2.5), op(np.arange(4), 2.5))
    same(op(nc.arange(4), 1j), op(np.arange(4), 1j))


def test_numpy_operands_on_either_side():
    a = nc.arange(3.0)
    n = np.arange(3.0)
    r = a + n
    assert isinstance(r, nc.ndarray) and r.tolist() == [0, 2, 4]
    r2 = n + a
    assert np.asarray(r2).tolist() == [0, 2, 4]
    assert (a + [1, 1, 1]).tolist() == [1, 2, 3]


@pytest.mark.parametrize("op", [operator.iadd, operator.isub, operator.imul, operator.itruediv,
                                operator.ifloordiv, operator.imod, operator.ipow])
def test_inplace_operators(op):
    a = nc.arange(1.0, 13.0).reshape(3, 4)
    n = np.arange(1.0, 13.0).reshape(3, 4)
    keep = a
    a = op(a, nc.arange(1.0, 5.0))
    n = op(n, np.arange(1.0, 5.0))
    assert a is keep
    same(a, n)


def test_inplace_on_a_view_writes_through():
    a = nc.zeros((3, 3))
    v = a[1]
    v += 5
    assert a.tolist()[1] == [5, 5, 5]


def test_inplace_cast_rule_is_numpys():
    with pytest.raises(TypeError):
        a = nc.arange(3)
        a += 1.5
    with pytest.raises(TypeError):
        n = np.arange(3)
        n += 1.5


def test_unary_and_matmul_and_divmod():
    a = nc.arange(-3, 3).reshape(2, 3)
    an = np.arange(-3, 3).reshape(2, 3)
    same(-a, -an)
    same(+a, +an)
    same(abs(a), abs(an))
    same(~a, ~an)
    same(a @ a.T, an @ an.T)
    same((a * 1.0) @ nc.ones(3), (an * 1.0) @ np.ones(3))
    q, r = divmod(a, 2)
    qn, rn = divmod(an, 2)
    same(q, qn)
    same(r, rn)
    assert (nc.arange(3.0) @ nc.arange(3.0)) == 5.0


UNARY = ["negative", "absolute", "sqrt", "exp", "log", "log1p", "sin", "cos", "tan", "arctan",
         "sinh", "tanh", "floor", "ceil", "trunc", "rint", "square", "reciprocal", "sign",
         "isnan", "isfinite", "signbit", "cbrt", "exp2", "log2", "log10", "expm1", "deg2rad",
         "rad2deg", "logical_not", "spacing", "fix", "sinc", "conjugate"]


@pytest.mark.parametrize("name", UNARY)
def test_every_unary_ufunc(name):
    x = np.linspace(0.1, 3, 7)
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        same(getattr(nc, name)(nc.asarray(x)), getattr(np, name)(x))
        same(getattr(nc, name)(nc.asarray(x.astype(np.float32))), getattr(np, name)(x.astype(np.float32)))


BINARY = ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder",
          "mod", "fmod", "power", "float_power", "maximum", "minimum", "fmax", "fmin",
          "arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "heaviside",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
          "logical_and", "logical_or", "logical_xor"]


@pytest.mark.parametrize("name", BINARY)
def test_every_binary_ufunc(name):
    x = np.linspace(-2, 3, 12).reshape(3, 4)
    y = np.linspace(0.5, 1.5, 4)
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        same(getattr(nc, name)(nc.asarray(x), nc.asarray(y)), getattr(np, name)(x, y))


@pytest.mark.parametrize("name", ["gcd", "lcm", "bitwise_and", "bitwise_or", "bitwise_xor",
                                  "left_shift", "right_shift"])
def test_integer_ufuncs(name):
    x = np.arange(1, 13).reshape(3, 4)
    y = np.arange(1, 5)
    same(getattr(nc, name)(x, y), getattr(np, name)(x, y))
    same(nc.invert(x), np.invert(x))


def test_every_ufunc_of_the_c_library_is_bound():
    names = set(nc._core.ufuncs)
    for n in UNARY + BINARY + ["gcd", "lcm", "clip", "invert", "isinf", "angle", "arcsin",
                               "arccos", "arcsinh", "arccosh", "arctanh", "cosh", "positive"]:
        assert n in names
        assert isinstance(getattr(nc, n), (nc.ufunc, type(nc.clip)))
    assert len(names) >= 84
    assert nc.add.nin == 2 and nc.sqrt.nin == 1 and nc.add.__name__ == "add"
    assert repr(nc.add) == "<ufunc 'add'>"


def test_ufunc_keywords_out_where_dtype():
    x = nc.arange(6.0)
    out = nc.full(6, -1.0)
    r = nc.multiply(x, 2, out=out, where=x > 2)
    n = np.full(6, -1.0)
    np.multiply(np.arange(6.0), 2, out=n, where=np.arange(6.0) > 2)
    assert r is out and out.tolist() == n.tolist()
    same(nc.add(nc.arange(3), 1, dtype=nc.float32), np.add(np.arange(3), 1, dtype=np.float32))
    o2 = nc.empty(3)
    nc.sqrt(nc.arange(3.0), o2)
    assert o2.tolist() == np.sqrt(np.arange(3.0)).tolist()
    with pytest.raises(TypeError):
        nc.add(1, 2, bogus=3)
    same(nc.clip(nc.arange(10), 2, 7), np.clip(np.arange(10), 2, 7))
    same(nc.clip(nc.arange(10), None, 7), np.clip(np.arange(10), None, 7))
    assert nc.angle(1j, deg=True) == pytest.approx(90.0)


def test_ufunc_of_scalars_gives_python_scalars():
    assert nc.sqrt(4.0) == 2.0 and isinstance(nc.sqrt(4.0), float)
    assert nc.add(2, 3) == 5 and isinstance(nc.add(2, 3), int)


def test_ufunc_methods():
    a = nc.arange(12).reshape(3, 4)
    an = np.arange(12).reshape(3, 4)
    same(nc.add.reduce(a), np.add.reduce(an))
    same(nc.add.reduce(a, axis=1), np.add.reduce(an, axis=1))
    same(nc.multiply.accumulate(a, axis=1), np.multiply.accumulate(an, axis=1))
    same(nc.subtract.outer(nc.arange(3), nc.arange(4)), np.subtract.outer(np.arange(3), np.arange(4)))
    b = nc.zeros(4)
    nc.add.at(b, [0, 0, 2], 1)
    assert b.tolist() == [2, 0, 1, 0]


RED = ["sum", "prod", "min", "max", "mean", "var", "std", "all", "any", "argmin", "argmax",
       "cumsum", "cumprod", "ptp", "nansum", "nanmean", "nanmax", "count_nonzero"]


@pytest.mark.parametrize("name", RED)
@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_reductions_match_numpy(name, axis):
    x = (np.arange(24).reshape(2, 3, 4) % 7 + 1).astype(np.float64)
    got = getattr(nc, name)(nc.asarray(x), axis=axis)
    ref = getattr(np, name)(x, axis=axis)
    same(got, ref)
    if name not in ("cumsum", "cumprod", "argmin", "argmax", "count_nonzero"):
        same(getattr(nc.asarray(x), name)(axis=axis, keepdims=True) if hasattr(nc.ndarray, name)
             else getattr(nc, name)(x, axis=axis, keepdims=True),
             getattr(np, name)(x, axis=axis, keepdims=True))


def test_reduction_keywords():
    x = np.arange(24.0).reshape(2, 3, 4)
    a = nc.asarray(x)
    same(a.sum(axis=(0, 2)), x.sum(axis=(0, 2)))
    same(a.var(ddof=1, axis=1), x.var(ddof=1, axis=1))
    same(a.std(ddof=1), x.std(ddof=1))
    same(nc.arange(5, dtype=nc.int8).sum(), np.arange(5, dtype=np.int8).sum())
    same(nc.arange(5).sum(dtype=nc.float32), np.arange(5).sum(dtype=np.float32))
    same(nc.sum(x, initial=10), np.sum(x, initial=10))
    same(nc.sum(x, where=x > 5), np.sum(x, where=x > 5))
    out = nc.zeros(4)
    r = nc.sum(x, axis=(0, 1), out=out)
    assert r is out and out.tolist() == x.sum(axis=(0, 1)).tolist()
    same(a.argmax(axis=2), x.argmax(axis=2))
    assert a.max() == 23.0 and isinstance(a.max(), float)


def test_warnings_are_runtimewarnings_and_respect_filters():
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        nc.array([1.0]) / 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(RuntimeWarning):
            nc.log(nc.array([0.0]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with nc.errstate(divide="ignore"):
            nc.array([1.0]) / 0


def test_errstate_raise_and_restore():
    before = nc.geterr()
    with nc.errstate(all="raise"):
        assert nc.geterr()["over"] == "raise"
        with pytest.raises(FloatingPointError, match="divide by zero"):
            nc.divide(nc.ones(3), 0)
        with pytest.raises(FloatingPointError, match="invalid"):
            nc.sqrt(nc.array([-1.0]))
        with pytest.raises(FloatingPointError, match="overflow"):
            nc.exp(nc.array([1000.0]))
    assert nc.geterr() == before
    with pytest.raises(ValueError):
        nc.errstate(divide="loud").__enter__()
    with pytest.raises(TypeError):
        nc.errstate(bogus="raise")


# ---- the binding's small-array fast path (+ - * of same-shape contiguous float64/int64) ----
def test_fast_path_keeps_floating_point_conditions():
    big = nc.full(8, 1e308)
    with pytest.warns(RuntimeWarning, match="overflow"):
        r = big + big
    assert np.isinf(np.asarray(r)).all()
    with nc.errstate(over="raise"):
        with pytest.raises(FloatingPointError):
            big * big
        with pytest.raises(FloatingPointError):
            c = nc.full(8, 1e308)
            c += big
    inf = nc.full(4, float("inf"))
    with pytest.warns(RuntimeWarning, match="invalid"):
        inf - inf
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nan = nc.full(4, float("nan"))
        assert np.isnan(np.asarray(nan + nan)).all()       # quiet NaNs raise nothing
        tiny = nc.full(4, 1e-300)
        assert (tiny * tiny).tolist() == [0.0] * 4          # underflow ignored by default
    with nc.errstate(under="raise"):
        with pytest.raises(FloatingPointError, match="underflow"):
            tiny * tiny


def test_fast_path_values_match_numpy():
    rng = np.random.default_rng(5)
    for dt in (np.float64, np.int64):
        x = (rng.standard_normal((3, 5)) * 1e6).astype(dt)
        y = (rng.standard_normal((3, 5)) * 1e6).astype(dt)
        for op in (operator.add, operator.sub, operator.mul):
            same(op(nc.asarray(x), nc.asarray(y)), op(x, y))
            c = nc.array(x)
            c = {operator.add: operator.iadd, operator.sub: operator.isub,
                 operator.mul: operator.imul}[op](c, nc.asarray(y))
            same(c, op(x, y))
    big = np.array([2**62, -2**63], dtype=np.int64)
    same(nc.asarray(big) * nc.asarray(big), big * big)   # wraps like NumPy, no warning
    a = nc.arange(6.0)
    a += a
    assert a.tolist() == [0, 2, 4, 6, 8, 10]


def test_first_call_on_a_new_thread_warns_through_python():
    import threading
    for first in (lambda: -nc.log(nc.zeros(2)), lambda: nc.log(nc.zeros(2)),
                  lambda: nc.zeros(2) / 0.0):
        caught = []

        def run():
            try:
                first()
            except RuntimeWarning as e:
                caught.append(e)

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            t = threading.Thread(target=run)
            t.start()
            t.join()
        assert len(caught) == 1, "the warning of a thread's first numc call is lost"


def test_numpy_arrays_as_out():
    n = np.zeros(4)
    r = nc.add(nc.arange(4.0), 1, out=n)
    assert r is n and n.tolist() == [1, 2, 3, 4]
    m = np.zeros(3)
    assert nc.sum(np.ones((2, 3)), axis=0, out=m) is m and m.tolist() == [2, 2, 2]
    ro = np.zeros(2)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        nc.add(1, nc.ones(2), out=ro)
    with pytest.raises(TypeError):
        nc.add(1, 2, out=[0])


def test_fast_path_with_python_numbers_matches_numpy():
    rng = np.random.default_rng(7)
    for dt in (np.float64, np.int64):
        x = (rng.standard_normal((3, 4)) * 1000).astype(dt)
        for s in (3, -2, 2.5, -0.125, 2**62, 2**63, True, 2**53 + 1):
            for op in (operator.add, operator.sub, operator.mul):
                with np.errstate(all="ignore"), nc.errstate(all="ignore"):
                    same(op(nc.asarray(x), s), op(x, s))
                    same(op(s, nc.asarray(x)), op(s, x))
    with pytest.warns(RuntimeWarning, match="overflow"):
        nc.full(3, 1e300) * 1e300
    with nc.errstate(under="raise"), pytest.raises(FloatingPointError):
        nc.full(3, 1e-300) * 1e-300
    assert (nc.full(2, float("nan")) + 1.0).tolist().__repr__() == "[nan, nan]"
    # ints beyond 64 bits: the nearest double (NumPy makes an object array)
    big = nc.arange(3.0) + 10**20
    assert big.dtype == nc.float64 and big.tolist() == [1e20, 1e20 + 1, 1e20 + 2]

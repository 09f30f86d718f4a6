"""numc's errors as NumPy's exception types, with numc's messages."""
import numpy as np
import pytest

import numc as nc


@pytest.mark.parametrize("expr,exc,match", [
    ("nc.ones(3) + nc.ones(4)", ValueError, "broadcast"),
    ("nc.ones((2, 3)).reshape(4)", ValueError, ""),
    ("nc.arange(4.0) & 1", TypeError, ""),
    ("nc.arange(3)[7]", IndexError, "out of bounds"),
    ("nc.arange(6).reshape(2, 3)[0, 0, 0]", IndexError, "too many indices"),
    ("nc.ones((2, 3)).sum(axis=5)", nc.AxisError, "axis"),
    ("nc.ones((2, 3)).sum(axis=5)", ValueError, ""),
    ("nc.ones((2, 3)).sum(axis=5)", IndexError, ""),
    ("nc.zeros((2, 2)) @ nc.zeros((3, 3))", ValueError, ""),
    ("nc.zeros(-1)", ValueError, ""),
    ("nc.zeros(3, dtype='float16')", TypeError, "not understood"),
    ("nc.zeros(3, dtype=object)", TypeError, "not understood"),
    ("nc.array([[1, 2], [3]])", ValueError, "inhomogeneous"),
    ("nc.array('abc') + 1", TypeError, ""),
    ("nc.arange(3).astype('int8', casting='safe')", TypeError, ""),
    ("nc.empty((2**40, 2**40))", (MemoryError, ValueError), ""),
    ("nc.arange(2) ** -1", ValueError, "negative"),
    ("nc.add(nc.ones(3), 1, out=nc.ones(4))", ValueError, ""),
    ("nc.ones(0).max()", ValueError, "zero-size"),
])
def test_exception_types(expr, exc, match):
    with pytest.raises(exc, match=match):
        eval(expr, {"nc": nc, "np": np})


def test_messages_are_numcs():
    with pytest.raises(ValueError) as e:
        nc.ones(3) + nc.ones(4)
    assert str(e.value).startswith("nd_add:")


def test_readonly_assignments():
    a = nc.asarray(np.frombuffer(b"\0" * 16, dtype=np.float64))
    with pytest.raises(ValueError):
        a[0] = 1.0
    with pytest.raises(ValueError):
        a += 1
    # the read-only flag travels with the memory to NumPy
    assert not np.asarray(a).flags.writeable
    assert memoryview(a).readonly


def test_floating_point_error_under_errstate_raise():
    with nc.errstate(divide="raise"):
        with pytest.raises(FloatingPointError):
            nc.arange(3.0) / 0
        # other conditions keep their mode
        with pytest.warns(RuntimeWarning):
            nc.sqrt(nc.array([-1.0]))


def test_errors_leave_no_pending_state():
    for _ in range(3):
        with pytest.raises(ValueError):
            nc.ones(3) + nc.ones(2)
    assert (nc.ones(2) + nc.ones(2)).tolist() == [2, 2]


@pytest.mark.parametrize("expr,match", [
    ("nc.zeros()", "missing required argument 'shape'"),
    ("nc.zeros(3, bogus=1)", "unexpected keyword argument 'bogus'"),
    ("nc.zeros(3, shape=2)", "given by name"),
    ("nc.asarray([1], colour=2)", "unexpected keyword argument 'colour'"),
    ("nc.sum(nc.ones(2), axes=0)", "'axes'"),
    ("nc.add(1, 2, bogus=3)", "'bogus'"),
    ("nc.linspace(0, 1, nums=3)", "'nums'"),
])
def test_unknown_or_missing_arguments_are_typeerrors_naming_them(expr, match):
    with pytest.raises(TypeError, match=match):
        eval(expr, {"nc": nc})

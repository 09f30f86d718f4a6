"""NumPy's indexing syntax on numc arrays, get and set, compared with NumPy's results."""
import numpy as np
import pytest

import numc as nc

KEYS = [
    "1", "-1", "(1, 2)", "(1, 2, 3)", "(-1, -2, -3)", "slice(None)", "slice(1, None)",
    "slice(None, None, -1)", "slice(None, None, -2)", "slice(5, 1, -1)", "slice(-100, 100)",
    "slice(100, None)", "(slice(None), 1)", "(Ellipsis, 1)", "(1, Ellipsis)", "Ellipsis",
    "(None,)", "(None, 1, None)", "(Ellipsis, None)", "(slice(None, None, 2), None, slice(1, 3))",
    "[0, 2]", "[[0, 1], [2, 0]]", "([0, 2], [1, 3])", "([0, 2], slice(None), [1, 3])",
    "(slice(None), [0, 0, 3])", "(Ellipsis, [4, 0])", "(1, [0, 3], slice(None))",
    "([[0], [2]], [[1, 3]])", "(np.array([0, 2]), 1)", "nc.array([2, 0])",
    "[-1, -3]", "(slice(None), None, [1, 2])",
    "np.arange(60).reshape(3, 4, 5) % 3 == 0", "(np.array([True, False, True]),)",
    "(slice(None), np.array([True, False, False, True]))",
    "(np.array([True, False, True]), slice(None), 2)", "[]",
]


def data(mod):
    return mod.arange(60).reshape(3, 4, 5) * 1.5


@pytest.mark.parametrize("key", KEYS)
def test_getitem_matches_numpy(key):
    k = eval(key, {"np": np, "nc": nc})
    kn = eval(key.replace("nc.", "np."), {"np": np})
    got = data(nc)[k]
    ref = data(np)[kn]
    if isinstance(ref, np.ndarray):
        g = np.asarray(got)
        assert g.shape == ref.shape and g.dtype == ref.dtype
        np.testing.assert_array_equal(g, ref)
    else:
        assert not isinstance(got, nc.ndarray) and got == ref


@pytest.mark.parametrize("key", KEYS)
def test_setitem_matches_numpy(key):
    k = eval(key, {"np": np, "nc": nc})
    kn = eval(key.replace("nc.", "np."), {"np": np})
    a, n = data(nc), data(np)
    shape = n[kn].shape if isinstance(n[kn], np.ndarray) else ()
    val = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape) - 100
    a[k] = val
    n[kn] = val
    np.testing.assert_array_equal(np.asarray(a), n)
    # scalars broadcast
    a[k] = 7
    n[kn] = 7
    np.testing.assert_array_equal(np.asarray(a), n)


def test_basic_indexing_gives_views():
    a = nc.zeros((4, 5))
    v = a[1:3, ::2]
    v[...] = 1
    assert np.asarray(a).sum() == 6
    vv = v[:, None][::-1, 0, 1:]
    vv[0, 0] = 9
    assert a[2, 2] == 9


def test_fancy_indexing_gives_copies():
    a = nc.arange(5.0)
    c = a[[0, 1]]
    c[0] = 100
    assert a[0] == 0


def test_setitem_with_overlap_uses_the_old_values():
    a = nc.arange(6)
    a[1:] = a[:-1]
    n = np.arange(6)
    n[1:] = n[:-1]
    assert a.tolist() == n.tolist()


def test_setitem_casts_like_numpy():
    a = nc.zeros(3, dtype=nc.int32)
    a[0] = 2.7
    a[1:] = [1.9, -1.9]
    assert a.tolist() == np.array([2.7, 1.9, -1.9]).astype(np.int32).tolist()


@pytest.mark.parametrize("key,exc", [
    ("5", IndexError), ("(0, 0, 0, 0)", IndexError), ("[0, 9]", IndexError),
    ("1.5", IndexError), ("'a'", IndexError), ("np.array([0.5])", IndexError),
    ("np.array([True, False])", IndexError), ("([0, 1], [0, 1, 2])", IndexError),
])
def test_bad_indices_raise_numpys_exception(key, exc):
    a = data(nc)
    k = eval(key, {"np": np})
    with pytest.raises(exc):
        a[k]
    n = data(np)
    with pytest.raises(exc):
        n[k]


def test_setitem_shape_mismatch_is_valueerror():
    a = nc.zeros((3, 4))
    with pytest.raises(ValueError):
        a[:, 1] = [1, 2]


def test_zero_step_slice():
    with pytest.raises(ValueError):
        nc.arange(3)[::0]

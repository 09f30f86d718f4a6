"""NumPy's top-level array functions (joining, where, meshgrid, sorting, sets, tiling,
rounding, statistics) on numc, against NumPy."""
import numpy as np
import pytest

import numc as nc

X = "np.arange(24.0).reshape(4, 6) % 7 - 2"
CASES = [
    "concatenate([A, A], axis=1)", "concatenate([A, A])", "concatenate([A, A], axis=None)",
    "stack([A, A], axis=1)", "vstack([A, A])", "hstack([A, A])", "dstack([A, A])",
    "column_stack([A[0], A[1]])", "where(A > 1, A, -A)", "where(A > 1, A, 0.5)",
    "nonzero(A > 2)", "argwhere(A > 3)", "flatnonzero(A)", "atleast_2d(A[0])",
    "atleast_3d(A)", "fliplr(A)", "flipud(A)", "meshgrid(A[0], A[1, :3])",
    "meshgrid(A[0], A[1, :3], indexing='ij')", "sort(A)", "sort(A, axis=0)",
    "sort(A, axis=None)", "argsort(A[0], kind='stable')", "unique(A)",
    "unique(A, return_counts=True)", "unique(A, return_index=True, return_inverse=True)",
    "searchsorted(np.arange(10.0), [2.5, 3, 11])", "searchsorted(np.arange(10.0), 3, side='right')",
    "tile(A[0], (2, 2))", "repeat(A[0], 2)", "repeat(A, [1, 2, 0, 1], axis=0)", "flip(A)",
    "flip(A, axis=1)", "roll(A, 2)", "roll(A, -1, axis=0)", "rot90(A)", "rot90(A, 3)",
    "expand_dims(A, 1)", "broadcast_to(A[0], (3, 6))", "moveaxis(A[None], 0, -1)",
    "diag(A)", "diag(A[0], 1)", "tril(A)", "triu(A, 1)", "around(A / 3, 2)", "round(A / 3)",
    "isclose(A, A + 1e-9)", "allclose(A, A + 1e-9)", "array_equal(A, A)", "diff(A)",
    "diff(A, 2, axis=0)", "take(A, [0, 5])", "take(A, [0, 2], axis=0)", "median(A)",
    "median(A, axis=1)", "percentile(A, 30)", "percentile(A, [10, 90], axis=0)",
    "quantile(A, 0.5, method='nearest')", "histogram(A)", "histogram(A, bins=3, range=(0, 6))",
    "histogram(A, bins=[0, 1, 5, 10], density=True)", "logspace(0, 2, 5)",
    "geomspace(1, 1000, 4)", "outer(A[0], A[1])", "interp([0.5, 2.5], [0, 1, 2, 3], [0, 10, 20, 30])",
    "nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]))",
    "isin(A, [1, 3])", "isin(A, [1, 3], invert=True)", "in1d(A, [0, 4])", "setdiff1d(A, [1, 2])",
    "setxor1d(A[0], A[1])", "union1d(A[0], A[1])", "intersect1d(A[0], A[1])",
    "intersect1d(A[0], A[3], return_indices=True)", "average(A)", "average(A, axis=0, weights=[1, 2, 3, 4])",
    "average(A, axis=1, returned=True)", "cov(A)", "cov(A, rowvar=False, ddof=0)", "corrcoef(A)",
    "bincount(np.array([0, 1, 1, 3]))", "bincount(np.array([0, 1, 1, 3]), weights=[1, .5, .5, 2], minlength=6)",
    "digitize(A, [0, 1.5, 3])", "digitize(A, [0, 1.5, 3], right=True)",
    "correlate(A[0], A[1, :3])", "correlate(A[0], A[1, :3], 'full')", "convolve(A[0], A[1, :3])",
    "convolve(A[0], A[1, :3], mode='same')",
    "fabs(A)", "isposinf(np.array([np.inf, -np.inf, 1.0]))", "isneginf(np.array([np.inf, -np.inf]))",
    "iscomplex(np.array([1 + 1j, 2]))", "isreal(np.array([1 + 1j, 2]))", "i0(A[0])", "real(A * 1j + 1)",
    "imag(A * 1j + 1)", "modf(A / 4)", "frexp(A)", "ldexp(A, 3)", "ldexp(2.0, np.arange(4))",
    "cross(A[:, :3], A[::-1, :3])", "cross(A[0, :2], A[1, :2])", "trapz(A)", "trapz(A, dx=0.5, axis=0)",
    "trapz(A[0], x=A[1] * A[1])", "divmod(A, 3)", "divmod(A, 2.5)",
    "split(A, 2)", "split(A, 3, axis=1)", "split(A, [1, 3])", "array_split(A, 3)",
    "array_split(A[0], [2, 10])", "append(A, [1, 2])", "append(A, A, axis=0)",
    "pad(A, 1)", "pad(A, (1, 2), mode='edge')", "pad(A, [[1, 0], [2, 1]], constant_values=9)",
    "pad(A[0], 2, mode='reflect')", "pad(A[0], 3, mode='wrap')",
    "polyval([1, -2, 3], A)", "polyval([1.5, 2], 3)", "polyfit(A[0], A[1] * 2 + 1, 1)",
    "polyfit(np.arange(6.0), np.arange(6.0) ** 2, 2, w=np.ones(6))", "roots([1, -3, 2])",
    "poly([1, 2])", "histogram2d(A[0], A[1])", "histogram2d(A[0], A[1], bins=3)",
    "histogram2d(A[0], A[1], bins=(2, 4), range=((-2, 4), (-2, 4)))",
    "histogram2d(A[0], A[1], bins=[0, 1, 3, 5])", "gradient(A)", "gradient(A[0])",
    "gradient(A, 2.0)", "gradient(A, axis=1)", "gradient(A[0], np.arange(6.0) ** 2)",
    "gradient(A[0], edge_order=2)", "unwrap(np.array([0.0, 3.0, 6.5, 9.8]))",
    "unwrap(np.array([0.0, 170.0, 350.0]), period=360)", "broadcast_arrays(A[0], A[:, :1])",
]


def norm(x):
    if isinstance(x, (tuple, list)):
        return [norm(v) for v in x]
    return np.asarray(x)


@pytest.mark.parametrize("expr", CASES)
def test_function_matches_numpy(expr):
    An = eval(X, {"np": np})
    got = eval("nc." + expr, {"nc": nc, "np": np, "A": nc.asarray(An)})
    ref = eval("np." + expr, {"np": np, "A": An})
    g, r = norm(got), norm(ref)
    if isinstance(r, list):
        assert len(g) == len(r)
        pairs = zip(g, r)
    else:
        pairs = [(g, r)]
    for a, b in pairs:
        assert a.shape == b.shape, (a.shape, b.shape)
        assert a.dtype == b.dtype, (a.dtype, b.dtype)
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_methods_written_in_python():
    import pickle
    a = nc.arange(12.0).reshape(3, 4) / 3
    n = np.arange(12.0).reshape(3, 4) / 3
    b = pickle.loads(pickle.dumps(a))
    assert isinstance(b, nc.ndarray) and b.dtype == a.dtype and b.tolist() == a.tolist()
    e = pickle.loads(pickle.dumps(nc.zeros((2, 0), dtype=nc.int8)))
    assert e.shape == (2, 0) and e.dtype == nc.int8
    assert 2.0 in a and 2.5 not in a
    np.testing.assert_array_equal(np.asarray(a.round(1)), n.round(1))
    np.testing.assert_array_equal(np.asarray(a.clip(1, 2)), n.clip(1, 2))
    np.testing.assert_array_equal(np.asarray(a.diagonal()), n.diagonal())
    np.testing.assert_array_equal(np.asarray(nc.diagonal(a, 1)), np.diagonal(n, 1))
    assert a.trace() == pytest.approx(n.trace())
    assert a.tobytes() == n.tobytes()
    s = nc.array([3, 1, 2])
    s.sort()
    assert s.tolist() == [1, 2, 3]
    assert [x.tolist() for x in a.nonzero()] == [x.tolist() for x in n.nonzero()]


@pytest.mark.parametrize("expr,match", [
    ("median(M.zeros(0))", "empty slice"),
    ("cov(M.array([1.0]))", "Degrees of freedom"),
])
def test_statistics_warnings_are_numpys(expr, match):
    with pytest.warns(RuntimeWarning, match=match):
        got = eval("nc." + expr, {"nc": nc, "M": nc})
    with pytest.warns(RuntimeWarning):
        ref = eval("np." + expr, {"np": np, "M": np})
    np.testing.assert_array_equal(np.asarray(got), np.asarray(ref))

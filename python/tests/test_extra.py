"""numc's top-level partition / statistics / manipulation / indexing routines / polynomials
(numc/_extra.py) against NumPy on real inputs. Some checks here exercise functions that
numc._core (funcs.c) binds (set operations, cov, cross, ...): they are kept as checks of the
top-level names whichever file binds them."""
import warnings

import numpy as np
import pytest

import numc as nc
from numc.lib.stride_tricks import sliding_window_view

rng = np.random.default_rng(0)
F = rng.standard_normal((5, 6))
I = rng.integers(0, 10, size=(4, 7))
V = rng.integers(0, 20, size=30)


def same(a, b):
    if isinstance(b, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y)
        return
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_array_equal(an, bn)


def close(a, b, rtol=1e-12):
    if isinstance(b, (tuple, list)):
        for x, y in zip(a, b):
            close(x, y, rtol)
        return
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    if bn.ndim:
        assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_allclose(an, bn, rtol=rtol, atol=1e-12)


# ---- partition, sets --------------------------------------------------------------------------
@pytest.mark.parametrize("kth", [0, 3, -1, [1, 4]])
def test_partition(kth):
    for x, axis in [(V, -1), (F, 0), (F, 1), (I, None)]:
        p = np.asarray(nc.partition(x, kth, axis=axis))
        ip = np.asarray(nc.argpartition(x, kth, axis=axis))
        ref = np.sort(x, axis=axis)
        ks = kth if isinstance(kth, list) else [kth]
        flat = axis is None
        xs = x.ravel() if flat else x
        ax = 0 if flat else axis
        for k in ks:
            np.testing.assert_array_equal(np.take(p, k, axis=ax), np.take(ref, k, axis=ax))
            np.testing.assert_array_equal(np.take_along_axis(xs, ip, axis=ax).take(k, axis=ax),
                                          np.take(ref, k, axis=ax))
        assert p.shape == np.partition(x, kth, axis=axis).shape


def test_lexsort_sets():
    a, b = rng.integers(0, 3, 12), rng.integers(0, 3, 12)
    same(nc.lexsort((a, b)), np.lexsort((a, b)))
    x, y = rng.integers(0, 15, 20), rng.integers(5, 25, 18)
    same(nc.intersect1d(x, y), np.intersect1d(x, y))
    same(nc.intersect1d(x, y, return_indices=True), np.intersect1d(x, y, return_indices=True))
    same(nc.union1d(x, y.astype(np.float64)), np.union1d(x, y.astype(np.float64)))
    same(nc.setdiff1d(x, y), np.setdiff1d(x, y))
    same(nc.setxor1d(x, y), np.setxor1d(x, y))
    same(nc.in1d(x, y), np.in1d(x, y))
    same(nc.in1d(x, y, invert=True), np.in1d(x, y, invert=True))
    same(nc.isin(I, [1, 2, 3]), np.isin(I, [1, 2, 3]))
    same(nc.isin(I, [1, 2, 3], invert=True), np.isin(I, [1, 2, 3], invert=True))
    same(nc.sort_complex([3, 1 + 2j, 1 - 1j]), np.sort_complex([3, 1 + 2j, 1 - 1j]))
    same(nc.sort_complex(np.array([5, 3], dtype=np.int16)), np.sort_complex(np.array([5, 3], dtype=np.int16)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        same(nc.msort(F), np.msort(F))


# ---- statistics ---------------------------------------------------------------------------------
def test_nan_order_statistics():
    x = F.copy()
    x[1, 2] = x[3, 0] = np.nan
    close(nc.nanmedian(x), np.nanmedian(x))
    close(nc.nanmedian(x, axis=0), np.nanmedian(x, axis=0))
    close(nc.nanmedian(x, axis=1, keepdims=True), np.nanmedian(x, axis=1, keepdims=True))
    for method in ("linear", "lower", "higher", "nearest", "midpoint", "hazen", "weibull",
                   "median_unbiased", "normal_unbiased", "inverted_cdf"):
        close(nc.nanpercentile(x, 30, axis=0, method=method), np.nanpercentile(x, 30, axis=0, method=method))
        close(nc.nanquantile(x, [0.1, 0.9], axis=1, method=method),
              np.nanquantile(x, [0.1, 0.9], axis=1, method=method))
    assert nc.nanquantile(x, 0.5) == pytest.approx(np.nanquantile(x, 0.5))
    with pytest.warns(RuntimeWarning):
        r = nc.nanmedian([np.nan, np.nan])
    assert np.isnan(r)


def test_histograms():
    a = rng.standard_normal(500)
    for bins in (10, 7, "auto", "fd", "sturges", "scott", "rice", "sqrt", "doane", [-3, -1, 0, 0.5, 3]):
        close(nc.histogram_bin_edges(a, bins), np.histogram_bin_edges(a, bins))
    close(nc.histogram_bin_edges(a, 5, range=(-1, 1)), np.histogram_bin_edges(a, 5, range=(-1, 1)))
    x, y = rng.standard_normal(200), rng.standard_normal(200)
    w = rng.random(200)
    close(nc.histogram2d(x, y), np.histogram2d(x, y))
    close(nc.histogram2d(x, y, bins=(4, 6), range=[[-2, 2], [-3, 3]], density=True),
          np.histogram2d(x, y, bins=(4, 6), range=[[-2, 2], [-3, 3]], density=True))
    close(nc.histogram2d(x, y, bins=5, weights=w), np.histogram2d(x, y, bins=5, weights=w))
    edges = [-2, -1, 0, 1, 2]
    close(nc.histogram2d(x, y, bins=[edges, [-3, 0, 3]]), np.histogram2d(x, y, bins=[edges, [-3, 0, 3]]))
    s = rng.standard_normal((100, 3))
    h, e = nc.histogramdd(s, bins=(2, 3, 4))
    nh, ne = np.histogramdd(s, bins=(2, 3, 4))
    close(h, nh)
    close(e, ne)
    h, e = nc.histogramdd(s, bins=4, density=True)
    nh, ne = np.histogramdd(s, bins=4, density=True)
    close(h, nh)
    h, e = nc.histogramdd((x, y), bins=3)
    nh, ne = np.histogramdd((x, y), bins=3)
    close(h, nh)
    with pytest.raises(ValueError):
        nc.histogram_bin_edges(a, 0)
    with pytest.raises(ValueError):
        nc.histogram_bin_edges(a, "nonsense")


def test_counting():
    same(nc.bincount(V), np.bincount(V))
    same(nc.bincount(V, minlength=40), np.bincount(V, minlength=40))
    w = rng.random(30)
    close(nc.bincount(V, weights=w), np.bincount(V, weights=w))
    with pytest.raises(ValueError):
        nc.bincount([1, -1])
    bins = [0.0, 1.0, 2.5, 4.0]
    x = [-1.0, 0.0, 0.5, 1.0, 3.0, 4.0, 10.0]
    same(nc.digitize(x, bins), np.digitize(x, bins))
    same(nc.digitize(x, bins, right=True), np.digitize(x, bins, right=True))
    same(nc.digitize(x, bins[::-1]), np.digitize(x, bins[::-1]))


def test_average_cov_corrcoef():
    w = rng.random(6)
    close(nc.average(F), np.average(F))
    close(nc.average(F, axis=1, weights=w), np.average(F, axis=1, weights=w))
    close(nc.average(F, axis=1, weights=w, returned=True), np.average(F, axis=1, weights=w, returned=True))
    close(nc.average(F, axis=0, keepdims=True), np.average(F, axis=0, keepdims=True))
    close(nc.cov(F), np.cov(F))
    close(nc.cov(F, rowvar=False), np.cov(F, rowvar=False))
    close(nc.cov(F, bias=True), np.cov(F, bias=True))
    close(nc.cov(F, ddof=0), np.cov(F, ddof=0))
    fw = rng.integers(1, 4, 6)
    aw = rng.random(6)
    close(nc.cov(F, fweights=fw, aweights=aw), np.cov(F, fweights=fw, aweights=aw))
    close(nc.cov(F[0], F[1]), np.cov(F[0], F[1]))
    assert nc.cov(F[0]) == pytest.approx(np.cov(F[0]))
    close(nc.corrcoef(F), np.corrcoef(F))
    close(nc.corrcoef(F[0], F[1]), np.corrcoef(F[0], F[1]))
    with pytest.raises(ValueError):
        nc.average(F, axis=1, weights=np.zeros(6))


@pytest.mark.parametrize("mode", ["valid", "same", "full"])
def test_correlate_convolve(mode):
    a, v = rng.standard_normal(9), rng.standard_normal(4)
    close(nc.correlate(a, v, mode), np.correlate(a, v, mode))
    close(nc.convolve(a, v, mode), np.convolve(a, v, mode))
    same(nc.convolve([1, 2, 3], [0, 1], mode), np.convolve([1, 2, 3], [0, 1], mode))
    close(nc.correlate(a, v), np.correlate(a, v))
    close(nc.convolve(a, v), np.convolve(a, v))


def test_numerical_utilities():
    x = np.cumsum(rng.random(8))
    close(nc.ediff1d(x), np.ediff1d(x))
    close(nc.ediff1d(x, to_end=[9, 9], to_begin=0), np.ediff1d(x, to_end=[9, 9], to_begin=0))
    close(nc.gradient(x), np.gradient(x))
    close(nc.gradient(x, 0.5), np.gradient(x, 0.5))
    close(nc.gradient(x, x), np.gradient(x, x))
    close(nc.gradient(x, edge_order=2), np.gradient(x, edge_order=2))
    close(nc.gradient(F), np.gradient(F))
    close(nc.gradient(F, axis=1), np.gradient(F, axis=1))
    close(nc.gradient(F, 2.0, 3.0), np.gradient(F, 2.0, 3.0))
    close(nc.trapz(x), np.trapz(x))
    close(nc.trapz(x, dx=0.1), np.trapz(x, dx=0.1))
    close(nc.trapz(F, axis=0), np.trapz(F, axis=0))
    close(nc.trapz(x[::-1], x), np.trapz(x[::-1], x))
    a, b = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
    close(nc.cross(a, b), np.cross(a, b))
    close(nc.cross(a[:, :2], b[:, :2]), np.cross(a[:, :2], b[:, :2]))
    close(nc.cross(a.T, b.T, axis=0), np.cross(a.T, b.T, axis=0))


# ---- joining, splitting, rearranging -------------------------------------------------------------------
def test_join_split():
    same(nc.row_stack([F, F]), np.row_stack([F, F]))
    same(nc.append(F, F, axis=0), np.append(F, F, axis=0))
    same(nc.append(I, [1, 2]), np.append(I, [1, 2]))
    a = np.arange(24).reshape(4, 6)
    same(nc.split(a, 2), np.split(a, 2))
    same(nc.split(a, [1, 3], axis=1), np.split(a, [1, 3], axis=1))
    same(nc.array_split(np.arange(10), 3), np.array_split(np.arange(10), 3))
    same(nc.hsplit(a, 3), np.hsplit(a, 3))
    same(nc.vsplit(a, [1]), np.vsplit(a, [1]))
    b = np.arange(24).reshape(2, 3, 4)
    same(nc.dsplit(b, 2), np.dsplit(b, 2))
    with pytest.raises(ValueError):
        nc.split(np.arange(10), 3)
    with pytest.raises(ValueError):
        nc.vsplit(np.arange(4), 2)


def test_rearranging():
    same(nc.resize(np.arange(5), (3, 4)), np.resize(np.arange(5), (3, 4)))
    a = np.arange(12).reshape(3, 4)
    for mode, kw in [("constant", {}), ("constant", {"constant_values": 7}),
                     ("constant", {"constant_values": ((1, 2), (3, 4))}), ("edge", {}),
                     ("reflect", {}), ("reflect", {"reflect_type": "odd"}), ("symmetric", {}),
                     ("wrap", {}), ("linear_ramp", {"end_values": (5, -5)}), ("maximum", {}),
                     ("mean", {}), ("median", {}), ("minimum", {"stat_length": 2})]:
        for width in (1, (1, 2), ((1, 0), (2, 1))):
            ref = np.pad(a.astype(float), width, mode=mode, **kw)
            same(nc.pad(a.astype(float), width, mode=mode, **kw), ref)
    same(nc.pad(np.arange(5), 2), np.pad(np.arange(5), 2))
    with pytest.raises(ValueError):
        nc.pad(a, 1, mode="edge", constant_values=3)
    same(nc.delete(a, 1, axis=0), np.delete(a, 1, axis=0))
    same(nc.delete(a, [0, 2], axis=1), np.delete(a, [0, 2], axis=1))
    same(nc.delete(a, slice(1, None, 2), axis=1), np.delete(a, slice(1, None, 2), axis=1))
    same(nc.delete(a, 5), np.delete(a, 5))
    same(nc.insert(a, 1, 99, axis=1), np.insert(a, 1, 99, axis=1))
    same(nc.insert(a, [0, 2], [7, 8], axis=1), np.insert(a, [0, 2], [7, 8], axis=1))
    same(nc.insert(np.arange(5), 2, [10, 11]), np.insert(np.arange(5), 2, [10, 11]))
    z = np.array([0, 0, 1, 2, 0, 3, 0])
    for trim in ("fb", "f", "b"):
        same(nc.trim_zeros(z, trim), np.trim_zeros(z, trim))
    x = np.array([1, 2, 3, 5])
    same(nc.vander(x), np.vander(x))
    same(nc.vander(x, 3, increasing=True), np.vander(x, 3, increasing=True))
    bits = rng.integers(0, 2, (3, 11)).astype(np.uint8)
    same(nc.packbits(bits), np.packbits(bits))
    same(nc.packbits(bits, axis=1, bitorder="little"), np.packbits(bits, axis=1, bitorder="little"))
    p = np.packbits(bits, axis=1)
    same(nc.unpackbits(p, axis=1), np.unpackbits(p, axis=1))
    same(nc.unpackbits(p, axis=1, count=11), np.unpackbits(p, axis=1, count=11))
    c = np.zeros((2, 3, 4, 5))
    assert nc.rollaxis(c, 3, 1).shape == np.rollaxis(c, 3, 1).shape
    assert nc.rollaxis(c, 2).shape == np.rollaxis(c, 2).shape
    same(nc.broadcast_arrays([[1], [2]], [3, 4, 5]), np.broadcast_arrays([[1], [2]], [3, 4, 5]))
    same(nc.diagonal(c, 1, 2, 3), np.diagonal(c, 1, 2, 3))
    same(nc.diagonal(a), np.diagonal(a))
    same(nc.diagflat([[1, 2], [3, 4]], 1), np.diagflat([[1, 2], [3, 4]], 1))
    same(nc.tri(3, 5, 1), np.tri(3, 5, 1))
    same(nc.tri(4, dtype=int), np.tri(4, dtype=int))
    same(sliding_window_view(np.arange(6), 3), np.lib.stride_tricks.sliding_window_view(np.arange(6), 3))
    same(sliding_window_view(a, (2, 2)), np.lib.stride_tricks.sliding_window_view(a, (2, 2)))
    same(sliding_window_view(a, 2, axis=1), np.lib.stride_tricks.sliding_window_view(a, 2, axis=1))


# ---- indexing routines ------------------------------------------------------------------------------------
def test_indexing_routines():
    a = np.arange(12).reshape(3, 4) * 10
    idx = np.argsort(a, axis=1)[:, ::-1]
    same(nc.take_along_axis(a, idx, axis=1), np.take_along_axis(a, idx, axis=1))
    same(nc.compress([True, False, True], a, axis=0), np.compress([True, False, True], a, axis=0))
    same(nc.compress([0, 1], a), np.compress([0, 1], a))
    for fn, args in [("put", ([0, 5], [-1, -2])), ("place", (a > 50, [1, 2])),
                     ("putmask", (a % 20 == 0, [7, 8, 9])),
                     ("put_along_axis", (idx[:, :1], 0, 1))]:
        x, y = nc.array(a), a.copy()
        assert getattr(nc, fn)(x, *args) is None
        getattr(np, fn)(y, *args)
        same(x, y)
    shared = a.copy()                           # in place through NumPy memory
    nc.put(shared, [1], [555])
    assert shared[0, 1] == 555
    for wrap in (False, True):
        x, y = np.zeros((7, 3)), np.zeros((7, 3))
        nc.fill_diagonal(x, 5, wrap=wrap)
        np.fill_diagonal(y, 5, wrap=wrap)
        same(x, y)
    same(nc.indices((2, 3)), np.indices((2, 3)))
    same(nc.indices((2, 3), dtype=np.int32), np.indices((2, 3), dtype=np.int32))
    same(nc.indices((2, 3), sparse=True), np.indices((2, 3), sparse=True))
    same(nc.ix_([0, 2], [1, 3]), np.ix_([0, 2], [1, 3]))
    same(nc.ix_([True, False, True], [1]), np.ix_([True, False, True], [1]))
    mi = (np.array([0, 2, 1]), np.array([3, 1, 0]))
    same(nc.ravel_multi_index(mi, (3, 4)), np.ravel_multi_index(mi, (3, 4)))
    same(nc.ravel_multi_index(mi, (3, 4), order="F"), np.ravel_multi_index(mi, (3, 4), order="F"))
    same(nc.ravel_multi_index((np.array([5, -1]), np.array([1, 9])), (3, 4), mode="clip"),
         np.ravel_multi_index((np.array([5, -1]), np.array([1, 9])), (3, 4), mode="clip"))
    same(nc.ravel_multi_index((np.array([5]), np.array([1])), (3, 4), mode=("wrap", "raise")),
         np.ravel_multi_index((np.array([5]), np.array([1])), (3, 4), mode=("wrap", "raise")))
    same(nc.unravel_index([1, 7, 11], (3, 4)), np.unravel_index([1, 7, 11], (3, 4)))
    same(nc.unravel_index([1, 7], (3, 4), order="F"), np.unravel_index([1, 7], (3, 4), order="F"))
    assert nc.unravel_index(7, (3, 4)) == tuple(int(v) for v in np.unravel_index(7, (3, 4)))
    same(nc.diag_indices(3), np.diag_indices(3))
    same(nc.diag_indices(2, 3), np.diag_indices(2, 3))
    same(nc.diag_indices_from(np.zeros((4, 4))), np.diag_indices_from(np.zeros((4, 4))))
    for k in (-1, 0, 2):
        same(nc.tril_indices(4, k), np.tril_indices(4, k))
        same(nc.triu_indices(4, k, 6), np.triu_indices(4, k, 6))
        same(nc.tril_indices_from(a, k), np.tril_indices_from(a, k))
        same(nc.triu_indices_from(a, k), np.triu_indices_from(a, k))
    ch = [np.arange(4), np.arange(4) * 10, np.arange(4) * 100]
    same(nc.choose([0, 2, 1, 0], ch), np.choose([0, 2, 1, 0], ch))
    same(nc.choose([0, 5, 1, -1], ch, mode="clip"), np.choose([0, 5, 1, -1], ch, mode="clip"))
    same(nc.choose([0, 5, 1, -1], ch, mode="wrap"), np.choose([0, 5, 1, -1], ch, mode="wrap"))
    with pytest.raises(ValueError):
        nc.choose([0, 5], ch[:2])
    x = np.arange(10)
    same(nc.select([x < 3, x > 5], [x, x ** 2]), np.select([x < 3, x > 5], [x, x ** 2]))
    same(nc.select([x < 3, x > 5], [x, x ** 2], default=-1), np.select([x < 3, x > 5], [x, x ** 2], default=-1))


def test_products_at_top_level():
    a, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
    close(nc.einsum("ij,jk->ik", a, b), np.einsum("ij,jk->ik", a, b))
    close(nc.tensordot(a, b, 1), np.tensordot(a, b, 1))
    close(nc.kron(a, b), np.kron(a, b))
    close(nc.inner(a, a), np.inner(a, a))
    assert nc.vdot(a, a) == pytest.approx(np.vdot(a, a))
    close(nc.trace(a), np.trace(a))


def test_errors_map_to_numpy_types():
    with pytest.raises(nc.AxisError):
        nc.partition(F, 1, axis=5)
    with pytest.raises(ValueError):
        nc.digitize([1.0], [3.0, 1.0, 2.0])
    with pytest.raises(ValueError):
        nc.correlate([1.0], [2.0], mode="bogus")
    with pytest.raises(IndexError):
        nc.delete(np.arange(3), 7)
    with pytest.raises(TypeError):
        nc.pad(np.arange(3), 1, mode=lambda *a: None)


def test_polynomials():
    p = [2.0, -3.0, 0.5, 1.0]
    x = rng.standard_normal((2, 5))
    close(nc.polyval(p, x), np.polyval(p, x))
    assert nc.polyval([1, 2, 3], 2) == np.polyval([1, 2, 3], 2)
    same(nc.polyval([1, 2, 3], np.arange(4, dtype=np.int32)), np.polyval([1, 2, 3], np.arange(4, dtype=np.int32)))
    xs = np.linspace(-1, 1, 20)
    ys = np.polyval(p, xs) + 0.01 * rng.standard_normal(20)
    close(nc.polyfit(xs, ys, 3), np.polyfit(xs, ys, 3), rtol=1e-9)
    w = rng.random(20) + 0.5
    close(nc.polyfit(xs, ys, 2, w=w), np.polyfit(xs, ys, 2, w=w), rtol=1e-9)
    c, res, rank, sv, rc = nc.polyfit(xs, ys, 3, full=True)
    nc_, nres, nrank, nsv, nrc = np.polyfit(xs, ys, 3, full=True)
    close(c, nc_, rtol=1e-9)
    close(res, nres, rtol=1e-6)
    assert rank == nrank and rc == pytest.approx(nrc)
    close(sv, nsv, rtol=1e-9)
    for cov in (True, "unscaled"):
        c, cv = nc.polyfit(xs, ys, 2, cov=cov)
        nc_, ncv = np.polyfit(xs, ys, 2, cov=cov)
        close(cv, ncv, rtol=1e-8)
    close(nc.polyfit(xs, np.stack([ys, 2 * ys], axis=1), 1), np.polyfit(xs, np.stack([ys, 2 * ys], axis=1), 1), rtol=1e-9)
    r = np.sort_complex(np.asarray(nc.roots([1, 0, -1, 0.5])))
    close(r, np.sort_complex(np.roots([1, 0, -1, 0.5])), rtol=1e-10)
    close(nc.roots([1, -3, 2]), np.roots([1, -3, 2]))
    close(nc.poly([1, 2, 3]), np.poly([1, 2, 3]))
    close(nc.poly(np.array([[1.0, 2.0], [3.0, 4.0]])), np.poly(np.array([[1.0, 2.0], [3.0, 4.0]])))
    assert nc.poly([]) == np.poly([])
    same(nc.polyadd([1, 2], [1, 2, 3]), np.polyadd([1, 2], [1, 2, 3]))
    same(nc.polysub([1, 2], [1.0, 2, 3]), np.polysub([1, 2], [1.0, 2, 3]))
    same(nc.polymul([1, 2], [1, 2, 3]), np.polymul([1, 2], [1, 2, 3]))
    close(nc.polydiv([1.0, -3, 2, 5], [1.0, 2]), np.polydiv([1.0, -3, 2, 5], [1.0, 2]))
    same(nc.polyder([1, 2, 3, 4]), np.polyder([1, 2, 3, 4]))
    same(nc.polyder([1.0, 2, 3, 4], m=2), np.polyder([1.0, 2, 3, 4], m=2))
    close(nc.polyint([3.0, 2, 1]), np.polyint([3.0, 2, 1]))
    close(nc.polyint([3.0, 2, 1], m=2, k=[1.0, 2.0]), np.polyint([3.0, 2, 1], m=2, k=[1.0, 2.0]))
    close(nc.polyint([3.0, 2, 1], k=5.0), np.polyint([3.0, 2, 1], k=5.0))
    with pytest.raises(ValueError):
        nc.polyfit([], [], 1)
    with pytest.raises(ValueError):
        nc.polyder([1, 2], m=-1)


def test_windows_and_utilities():
    for M in (0, 1, 5, 12):
        for name in ("bartlett", "blackman", "hamming", "hanning"):
            close(getattr(nc, name)(M), getattr(np, name)(M))
        close(nc.kaiser(M, 14.0), np.kaiser(M, 14.0))
    x = rng.standard_normal((3, 4)) * 5
    close(nc.i0(x), np.i0(x))
    ph = np.cumsum(rng.standard_normal(20) * 3)
    close(nc.unwrap(ph), np.unwrap(ph))
    close(nc.unwrap(ph, discont=4.0), np.unwrap(ph, discont=4.0))
    deg = np.cumsum(rng.standard_normal((2, 10)) * 200, axis=1)
    close(nc.unwrap(deg, period=360, axis=1), np.unwrap(deg, period=360, axis=1))
    v = np.array([0.0, -2.5, 3.75, np.inf, 1e-310])
    close(nc.frexp(v), np.frexp(v))
    close(nc.modf(v), np.modf(v))
    close(nc.ldexp(np.array([1.5, -2.0]), np.array([3, -1])), np.ldexp(np.array([1.5, -2.0]), np.array([3, -1])))
    assert nc.ldexp(1.5, 3) == np.ldexp(1.5, 3)
    close(nc.fabs(v), np.fabs(v))
    w = np.array([np.inf, -np.inf, 1.0, np.nan])
    same(nc.isposinf(w), np.isposinf(w))
    same(nc.isneginf(w), np.isneginf(w))
    z = np.array([1 + 0j, 1 + 1e-20j, 2 + 1j])
    same(nc.iscomplex(z), np.iscomplex(z))
    same(nc.isreal(z), np.isreal(z))
    same(nc.isreal(x), np.isreal(x))
    close(nc.real_if_close(z[:2]), np.real_if_close(z[:2]))
    close(nc.real_if_close(z), np.real_if_close(z))
    assert nc.array_equiv([1, 2], [[1, 2], [1, 2]]) == np.array_equiv([1, 2], [[1, 2], [1, 2]])
    assert nc.array_equiv([1, 2], [1, 3]) == np.array_equiv([1, 2], [1, 3])
    f = nc.asfortranarray(x)
    assert nc.isfortran(f) and not nc.isfortran(x) and np.isfortran(np.asarray(f))
    same(f, np.asfortranarray(x))
    with pytest.raises(TypeError):
        nc.i0(z)

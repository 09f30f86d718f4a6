"""numc's top-level functions beyond numc._core's (funcs.c): partition, lexsort, the
nan-quantiles, histogramdd, numerical utilities (ediff1d, windows), array manipulation and
indexing routines, polynomial arithmetic, the products NumPy has at top level
(vdot, inner, kron, tensordot, einsum, trace) and I/O. NumPy's signatures and
defaults; numc/__init__.py re-exports __all__.
"""
import operator as _op

from . import _core
from ._core import _extra as _m
from . import linalg as _la
from ._core import _poly as _p
from ._io import (save, load, savez, savez_compressed, loadtxt, savetxt, genfromtxt, fromfile,
                  fromstring, fromregex, NpzFile)

__all__ = [
    # sorting and searching (sort, argsort, unique, searchsorted and the set operations are
    # numc._core's, funcs.c)
    "partition", "argpartition", "lexsort", "msort", "sort_complex",
    # statistics (median, percentile, quantile, histogram, average, cov, corrcoef,
    # bincount, digitize, correlate, convolve are numc._core's; histogram2d is here too
    # because funcs.c's takes no per-axis range lists)
    "nanmedian", "nanpercentile", "nanquantile", "histogram_bin_edges", "histogramdd",
    "histogram2d",
    # numerical utilities (gradient, unwrap, ... are numc._core's)
    "ediff1d", "bartlett", "blackman", "hamming", "hanning", "kaiser", "real_if_close",
    "array_equiv", "asfortranarray", "isfortran",
    # joining, splitting, rearranging (split, array_split, append, broadcast_arrays are
    # numc._core's; pad is here too: funcs.c's takes one constant and no per-axis values)
    "row_stack", "hsplit", "vsplit", "dsplit", "resize", "delete", "insert", "trim_zeros",
    "vander", "packbits", "unpackbits", "rollaxis", "diagflat", "tri", "pad",
    # indexing routines
    "take_along_axis", "compress", "put", "place", "putmask", "put_along_axis", "fill_diagonal",
    "indices", "ix_", "ravel_multi_index", "unravel_index", "diag_indices", "diag_indices_from",
    "tril_indices", "triu_indices", "tril_indices_from", "triu_indices_from", "choose", "select",
    # polynomials (polyval, roots, poly are numc._core's; polyfit is here too: funcs.c's has
    # no full= or cov=)
    "polyfit", "polyadd", "polysub", "polymul", "polydiv", "polyder", "polyint",
    # products at top level (numc.linalg's; outer and trace are numc._core's)
    "vdot", "inner", "kron", "tensordot", "einsum", "einsum_path",
    # I/O
    "save", "load", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt", "fromfile",
    "fromstring", "fromregex",
]

def _no_order(order):
    if order is not None:
        raise ValueError("numc: order= (structured dtypes) is not supported")


def _out(r, out):
    if out is None:
        return r
    out[...] = r
    return out


# ---- sorting, searching, sets ---------------------------------------------------------------
def _partition(a, kth, axis, arg):
    if isinstance(kth, (list, tuple)) or isinstance(kth, _core.ndarray):
        kths = [int(k) for k in (kth.tolist() if isinstance(kth, _core.ndarray) else kth)]
        if len(kths) == 1:
            return _m.partition(a, kths[0], axis, arg)
        a = _core.asarray(a)
        n = a.size if axis is None else a.shape[axis]
        for k in kths:
            if not -n <= k < n:
                raise ValueError("kth(=%d) out of bounds (%d)" % (k, n))
        # a full (stable) sort is a partition around every kth at once
        return _m.sort(a, axis, True, arg)
    return _m.partition(a, _op.index(kth), axis, arg)


def partition(a, kth, axis=-1, kind="introselect", order=None):
    _no_order(order)
    return _partition(a, kth, axis, False)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    _no_order(order)
    return _partition(a, kth, axis, True)


def lexsort(keys, axis=-1):
    if axis != -1:
        raise ValueError("numc: lexsort sorts along the last axis only")
    if isinstance(keys, _core.ndarray) or hasattr(keys, "__array_interface__"):
        keys = list(_core.asarray(keys))
    return _m.lexsort(list(keys))


def msort(a):
    return _m.msort(a)


def sort_complex(a):
    return _m.sort_complex(a)


# ---- statistics ---------------------------------------------------------------------------------
def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return _out(_m.median(a, axis, bool(keepdims), True), out)


def _q(kind, a, q, axis, out, method, keepdims, interpolation):
    if interpolation is not None:
        method = interpolation
    if not isinstance(q, (int, float)):
        q = _core.asarray(q, dtype="float64")
        if q.ndim == 0:
            q = q.item()
    return _out(_m.quantile(kind, a, q, axis, bool(keepdims), method), out)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=False, *, interpolation=None):
    return _q(2, a, q, axis, out, method, keepdims, interpolation)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False,
                *, interpolation=None):
    return _q(3, a, q, axis, out, method, keepdims, interpolation)


def _range(range):
    if range is None:
        return None
    lo, hi = range
    return (float(lo), float(hi))


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    e = _m.histogram(a, bins, _range(range), weights, False, True)
    if not isinstance(bins, (int, str)):
        return _core.asarray(bins)          # checked above; NumPy returns them as given
    return e


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    if not (isinstance(sample, _core.ndarray) or hasattr(sample, "__array_interface__")
            or hasattr(sample, "shape")):
        sample = _core.asarray(sample)
        sample = _core.atleast_2d(sample).T
    s = _core.asarray(sample)
    if not isinstance(bins, int) and hasattr(bins, "__index__"):
        bins = _op.index(bins)
    if not isinstance(bins, int):
        bins = [b if isinstance(b, int) else _core.asarray(b) for b in bins]
    if range is not None:
        range = [_range(r) for r in range]
    h, edges = _m.histogramdd(s, bins, range, weights, bool(density))
    if not isinstance(bins, int) and not all(isinstance(b, int) for b in bins):
        edges = list(bins)                  # NumPy returns explicit edges as given
    return h, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    try:
        n = len(bins)
    except TypeError:
        n = 1
    if n != 1 and n != 2:
        bins = [bins, bins]                  # one edges array for both
    sample = _core.column_stack([_core.asarray(x), _core.asarray(y)])
    h, edges = histogramdd(sample, bins, range, density, weights)
    return h, edges[0], edges[1]




# ---- numerical utilities ----------------------------------------------------------------------------
def ediff1d(ary, to_end=None, to_begin=None):
    return _m.ediff1d(ary, to_end, to_begin)


# ---- joining, splitting, rearranging -------------------------------------------------------------------
row_stack = _core.vstack


def _sections(s):
    if isinstance(s, int) or (hasattr(s, "__index__") and not hasattr(s, "__len__")):
        return _op.index(s)
    if isinstance(s, _core.ndarray):
        return s.tolist()
    return list(s)


def _split(ary, indices_or_sections, axis=0):
    s = _sections(indices_or_sections)
    if isinstance(s, int):
        n = _core.asarray(ary).shape[axis]
        if s > 0 and n % s:
            raise ValueError("array split does not result in an equal division")
    return _m.split(ary, s, axis, True)


def hsplit(ary, indices_or_sections):
    a = _core.asarray(ary)
    if a.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return _split(a, indices_or_sections, 1 if a.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    a = _core.asarray(ary)
    if a.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return _split(a, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    a = _core.asarray(ary)
    if a.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return _split(a, indices_or_sections, 2)


def resize(a, new_shape):
    return _m.resize(a, new_shape)


_PAD_MODES = {"constant": 0, "edge": 1, "reflect": 2, "symmetric": 3, "wrap": 4,
              "linear_ramp": 5, "maximum": 6, "mean": 7, "median": 8, "minimum": 9, "empty": 10}


def _pairs(v, ndim, name, allow_none=False):
    """NumPy's per-axis (before, after) argument forms, flattened to numc's 1, 2 or 2*ndim."""
    if v is None and allow_none:
        return [None]
    if isinstance(v, _core.ndarray):
        v = v.tolist()
    if not isinstance(v, (list, tuple)):
        return [v]
    v = list(v)
    if all(not isinstance(x, (list, tuple)) for x in v):
        if len(v) == 1:
            return v
        if len(v) == 2:
            return v
        raise ValueError("numc: %s must be a scalar, a pair or one pair per axis" % name)
    if len(v) == 1:
        inner = list(v[0])
        return inner if len(inner) == 2 else inner * 2
    if len(v) != ndim:
        raise ValueError("operands could not be broadcast together with remapped shapes "
                         "[original->remapped]: (%d,2) and requested shape (%d,2)" % (len(v), ndim))
    out = []
    for x in v:
        x = list(x) if isinstance(x, (list, tuple)) else [x]
        out.extend(x if len(x) == 2 else x * 2)
    return out


def pad(array, pad_width, mode="constant", **kwargs):
    a = _core.asarray(array)
    if callable(mode):
        raise TypeError("numc: pad with a function mode is not supported")
    if mode not in _PAD_MODES:
        raise ValueError("mode '%s' is not supported" % (mode,))
    allowed = {"constant": {"constant_values"}, "linear_ramp": {"end_values"},
               "maximum": {"stat_length"}, "mean": {"stat_length"}, "median": {"stat_length"},
               "minimum": {"stat_length"}, "reflect": {"reflect_type"},
               "symmetric": {"reflect_type"}}.get(mode, set())
    bad = set(kwargs) - allowed
    if bad:
        raise ValueError("unsupported keyword arguments for mode '%s': %s" % (mode, bad))
    widths = [_op.index(w) for w in _pairs(pad_width, a.ndim, "pad_width")]
    consts = _pairs(kwargs.get("constant_values", 0), a.ndim, "constant_values")
    ends = _pairs(kwargs.get("end_values", 0), a.ndim, "end_values")
    stat = _pairs(kwargs.get("stat_length", None), a.ndim, "stat_length", allow_none=True)
    if stat == [None]:
        stat = []
    rt = kwargs.get("reflect_type", "even")
    if rt not in ("even", "odd"):
        raise ValueError("reflect_type must be 'even' or 'odd'")
    return _m.pad(a, widths, _PAD_MODES[mode], consts if mode == "constant" else [],
                  [float(e) for e in ends] if mode == "linear_ramp" else [], stat, rt == "odd")


def delete(arr, obj, axis=None):
    if hasattr(obj, "__index__") and not isinstance(obj, (_core.ndarray, bool)) and \
            not hasattr(obj, "__len__"):
        obj = _op.index(obj)
    return _m.delete(arr, obj, axis)


def insert(arr, obj, values, axis=None):
    if hasattr(obj, "__index__") and not isinstance(obj, (_core.ndarray, bool)) and \
            not hasattr(obj, "__len__"):
        obj = _op.index(obj)
    return _m.insert(arr, obj, values, axis)


def trim_zeros(filt, trim="fb"):
    return _m.trim_zeros(filt, trim)


def vander(x, N=None, increasing=False):
    return _m.vander(x, N, bool(increasing))


def _bitorder(b):
    if b not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    return b == "little"


def packbits(a, axis=None, bitorder="big"):
    return _m.packbits(a, axis, _bitorder(bitorder), None, False)


def unpackbits(a, axis=None, count=None, bitorder="big"):
    return _m.packbits(a, axis, _bitorder(bitorder), count, True)


def rollaxis(a, axis, start=0):
    return _m.rollaxis(a, axis, start)


def diagflat(v, k=0):
    return _m.diagflat(v, k)


def tri(N, M=None, k=0, dtype=float):
    return _m.tri(N, N if M is None else M, k, dtype)


# ---- indexing routines ------------------------------------------------------------------------------------
def take_along_axis(arr, indices, axis):
    return _m.take_along_axis(arr, indices, axis)


def compress(condition, a, axis=None, out=None):
    condition = _core.asarray(condition)
    if condition.dtype != "bool":
        condition = condition.astype("bool")
    return _out(_m.compress(condition, a, axis), out)


def put(a, ind, v, mode="raise"):
    if mode != "raise":
        n = _core.asarray(a).size
        idx = _core.asarray(ind)
        ind = idx % n if mode == "wrap" else _core.ufuncs["clip"](idx, 0, n - 1)
    _m.put("put", a, ind, v, None)


def place(arr, mask, vals):
    _m.put("place", arr, mask, vals, None)


def putmask(a, mask, values):
    _m.put("putmask", a, mask, values, None)


def put_along_axis(arr, indices, values, axis):
    _m.put("put_along_axis", arr, indices, values, axis)


def fill_diagonal(a, val, wrap=False):
    _m.put("fill_diagonal", a, val, None, 1 if wrap else 0)


def indices(dimensions, dtype=int, sparse=False):
    return _m.indices(tuple(dimensions), dtype, bool(sparse))


def ix_(*args):
    return _m.ix(list(args))


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    modes = [mode] if isinstance(mode, str) else list(mode)
    return _m.ravel_multi_index(list(multi_index), dims, modes, order)


def unravel_index(indices, shape, order="C"):
    r = _m.unravel_index(indices, shape, order)
    if _core.asarray(indices).ndim == 0:
        return tuple(x.item() for x in r)
    return r


def diag_indices(n, ndim=2):
    return tuple(_m.tri_indices(2, n, ndim, 0))


def diag_indices_from(arr):
    return tuple(_m.tri_indices_from(2, arr, 0))


def tril_indices(n, k=0, m=None):
    return tuple(_m.tri_indices(0, n, k, -1 if m is None else m))


def triu_indices(n, k=0, m=None):
    return tuple(_m.tri_indices(1, n, k, -1 if m is None else m))


def tril_indices_from(arr, k=0):
    return tuple(_m.tri_indices_from(0, arr, k))


def triu_indices_from(arr, k=0):
    return tuple(_m.tri_indices_from(1, arr, k))


def choose(a, choices, out=None, mode="raise"):
    return _out(_m.choose(a, list(choices), mode), out)


def select(condlist, choicelist, default=0):
    return _m.select(list(condlist), list(choicelist), default)


# ---- window functions and other utilities (ufunc.h) ------------------------------------------------------
def bartlett(M):
    return _m.window(0, _op.index(M), 0.0)


def blackman(M):
    return _m.window(1, _op.index(M), 0.0)


def hamming(M):
    return _m.window(2, _op.index(M), 0.0)


def hanning(M):
    return _m.window(3, _op.index(M), 0.0)


def kaiser(M, beta):
    return _m.window(4, _op.index(M), float(beta))


def real_if_close(a, tol=100):
    return _m.real_if_close(a, float(tol))


def array_equiv(a1, a2):
    return _m.array_equiv(a1, a2)


def asfortranarray(a, dtype=None):
    if dtype is not None:
        a = _core.asarray(a).astype(dtype)
    return _m.asfortranarray(a)


def isfortran(a):
    return _m.isfortran(a)


# ---- polynomials (poly.h) -------------------------------------------------------------------------------
def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """numpy.polyfit: coefficients; with full=True (coefficients, residuals, rank,
    singular_values, rcond); with cov (True or "unscaled") (coefficients, cov)."""
    deg = _op.index(deg)
    covs = {False: 0, True: 1, "unscaled": 2}
    if cov not in covs:
        raise ValueError("numc: cov must be False, True or 'unscaled'")
    r = _p.polyfit(x, y, deg, 0.0 if rcond is None else float(rcond), bool(full), w,
                   0 if full else covs[cov])
    return r


def polyadd(a1, a2):
    return _p.polyadd(a1, a2)


def polysub(a1, a2):
    return _p.polysub(a1, a2)


def polymul(a1, a2):
    return _p.polymul(a1, a2)


def polydiv(u, v):
    return _p.polydiv(u, v)


def polyder(p, m=1):
    return _p.polyder(p, _op.index(m))


def polyint(p, m=1, k=None):
    return _p.polyint(p, _op.index(m), k)


# ---- products at top level (numc.linalg's) ------------------------------------------------------------------
vdot = _la.vdot
inner = _la.inner
kron = _la.kron
tensordot = _la.tensordot
einsum = _la.einsum
einsum_path = _la.einsum_path

"""numc from Python: NumPy's names on numc's C library, sharing memory with NumPy.

    import numc as np
    a = np.arange(6.0).reshape(2, 3)
    b = numpy.asarray(a)          # a NumPy view of numc's memory, no copy
    c = np.asarray(numpy_array)   # a numc view of NumPy's memory, no copy

The C extension numc._core holds the array type, the ufuncs, the reductions and every
namespace (numc.linalg, numc.fft, ... each re-exports its part of _core). docs/python.md
has the mapping and the rules.
"""
import builtins as _builtins
import os as _os

# OpenBLAS starts its worker threads when it is loaded, and each spins for 2**28 cycles
# (~0.1 s of a core) before it sleeps: more CPU than a whole numc.pyplot script. 2**20
# cycles (~0.3 ms) keeps a warm hand-off between back-to-back BLAS calls. libnumc loads
# OpenBLAS at the first call that needs it (docs/architecture.md), whenever that is, so
# the variable stays set for the process (child processes inherit it); a value the user
# chose is kept. Set here, at import, before any thread of numc's exists: putenv is not
# thread-safe, which is why libnumc does not set it itself.
_os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "20")
from . import _core
from ._core import (ndarray, ufunc, AxisError, array, asarray, zeros, ones, empty, full,
                    zeros_like, ones_like, empty_like, full_like, arange, linspace, eye,
                    identity, shares_memory)

__version__ = "0.1.0"

newaxis = None
inf = float("inf")
nan = float("nan")
pi = 3.141592653589793
e = 2.718281828459045
euler_gamma = 0.5772156649015329


class dtype:
    """A numc data type (numpy.dtype's name, itemsize, kind, char, str).

    numc.dtype(x) accepts what NumPy's does for numc's 13 types: names ("float64",
    "f8", "<i4"), Python types (float, int, bool, complex), numc or NumPy dtypes and
    NumPy's scalar types. Calling a dtype makes a Python scalar: numc.float64(2).
    """
    __slots__ = ("num", "name", "itemsize", "kind", "char", "str")
    _all = []
    _flex = {}  # the flexible dtypes made so far, by number (kept for the module's life)

    def __new__(cls, obj=None):
        if isinstance(obj, dtype):
            return obj
        return cls._get(_core._dtype_num(obj))

    @classmethod
    def _get(cls, num):
        if 0 <= num < len(cls._all):
            return cls._all[num]
        d = cls._flex.get(num)
        if d is None:
            d = cls._flex[num] = cls._make(num)
        return d

    @classmethod
    def _make(cls, num):
        self = object.__new__(cls)
        name, itemsize, kind, char = _core._dtype_info(num)
        if kind in "US":
            # NumPy: str(dtype('U5')) is '<U5', its name 'str160' (bits), 'S3' 'bytes24'
            width = itemsize // 4 if kind == "U" else itemsize
            tstr = "%s%s%d" % ("<" if kind == "U" else "|", kind, width)
            base = "str" if kind == "U" else "bytes"
            name = "%s%d" % (base, itemsize * 8) if itemsize else base
        elif kind in "Mm":
            tstr = "<%s8%s" % (kind, name[name.index("["):] if "[" in name else "")
        else:
            order = "|" if itemsize == 1 or kind == "b" else "<"
            tstr = "%s%s%d" % (order, kind, itemsize)
        object.__setattr__(self, "num", num)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "itemsize", itemsize)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "char", char)
        object.__setattr__(self, "str", tstr)
        return self

    def __setattr__(self, k, v):
        raise AttributeError("numc.dtype is immutable")

    def __repr__(self):
        if self.kind in "US":
            # NumPy: dtype('<U5'), dtype('S3'); the unsized ones dtype('<U'), dtype('S')
            t = self.str if self.kind == "U" else self.str[1:]
            return "dtype('%s')" % (t if self.itemsize else t[:-1])
        if self.kind in "Mm":
            return "dtype('%s')" % self.str
        return "dtype('%s')" % self.name

    def __str__(self):
        return self.str if self.kind in "US" else self.name

    def __eq__(self, other):
        try:
            return _core._dtype_num(other) == self.num
        except TypeError:
            return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash(self.name)

    def __reduce__(self):
        return (dtype, (self.str if self.kind in "MmUS" else self.name,))

    @property
    def type(self):
        return self

    def __call__(self, value=0):
        return asarray(value, dtype=self).item()


dtype._all = [dtype._make(i) for i in range(13)]
(bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64,
 float32, float64, complex64, complex128) = dtype._all
byte, short, intc, int_, longlong = int8, int16, int32, int64, int64
ubyte, ushort, uintc, uint, ulonglong = uint8, uint16, uint32, uint64, uint64
single, double, float_, csingle, cdouble, complex_ = float32, float64, float64, complex64, complex128, complex128
intp, uintp = int64, uint64


class _abstract:
    """NumPy's abstract scalar types for issubdtype (numc.floating, numc.integer, ...)."""
    __slots__ = ("__name__", "kinds")

    def __init__(self, name, kinds):
        self.__name__ = name
        self.kinds = kinds

    def __repr__(self):
        return "<class 'numc.%s'>" % self.__name__


generic = _abstract("generic", "biufc")
number = _abstract("number", "iufc")
integer = _abstract("integer", "iu")
signedinteger = _abstract("signedinteger", "i")
unsignedinteger = _abstract("unsignedinteger", "u")
inexact = _abstract("inexact", "fc")
floating = _abstract("floating", "f")
complexfloating = _abstract("complexfloating", "c")


def issubdtype(arg1, arg2):
    """numpy.issubdtype over numc's dtypes and the abstract types above."""
    if isinstance(arg1, _abstract):
        if isinstance(arg2, _abstract):
            return set(arg1.kinds) <= set(arg2.kinds)
        return False
    d1 = dtype(arg1)
    if isinstance(arg2, _abstract):
        return d1.kind in arg2.kinds
    return d1 == dtype(arg2)


class finfo:
    """numpy.finfo(dtype) for float32/float64 (complex types give their component's)."""

    def __init__(self, dt):
        if isinstance(dt, ndarray):
            dt = dt.dtype
        (self.bits, self.eps, self.epsneg, self.max, self.min, self.tiny, self.smallest_subnormal,
         self.resolution, self.precision, self.iexp, self.machep, self.negep, self.maxexp,
         self.minexp, self.nmant, num) = _core._finfo(dt)
        self.smallest_normal = self.tiny
        self.dtype = dtype._all[num]

    def __repr__(self):
        return "finfo(resolution=%g, min=%g, max=%g, dtype=%s)" % (
            self.resolution, self.min, self.max, self.dtype)


class iinfo:
    """numpy.iinfo(dtype): bits, min and max of an integer dtype."""

    def __init__(self, dt):
        if isinstance(dt, ndarray):
            dt = dt.dtype
        self.dtype = dtype(dt)
        self.bits, self.min, self.max = _core._iinfo(dt)
        self.kind = self.dtype.kind

    def __repr__(self):
        return "iinfo(min=%d, max=%d, dtype=%s)" % (self.min, self.max, self.dtype)


class _flagsobj:
    """ndarray.flags: attribute and item access like NumPy's flagsobj (read-only)."""
    __slots__ = ("_bits",)
    _names = {"C_CONTIGUOUS": 1, "F_CONTIGUOUS": 2, "WRITEABLE": 4, "ALIGNED": 8, "OWNDATA": 16}
    _short = {"C": "C_CONTIGUOUS", "F": "F_CONTIGUOUS", "W": "WRITEABLE", "A": "ALIGNED", "O": "OWNDATA"}

    def __init__(self, bits):
        self._bits = bits

    def __getitem__(self, key):
        key = self._short.get(key, key).upper()
        if key not in self._names:
            raise KeyError("Unknown flag")
        return bool(self._bits & self._names[key])

    def __getattr__(self, name):
        try:
            return self[name.upper()]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return "\n".join("  %s : %s" % (k, self[k]) for k in self._names)


_core._register(tuple(dtype._all), _flagsobj)

from ._core import (concatenate, stack, vstack, hstack, dstack, column_stack, where, nonzero,
                    argwhere, flatnonzero, atleast_1d, atleast_2d, atleast_3d, fliplr, flipud,
                    ascontiguousarray, meshgrid, sort, argsort, unique, searchsorted, tile,
                    repeat, flip, roll, rot90, expand_dims, broadcast_to, moveaxis, diag, tril,
                    triu, around, isclose, allclose, array_equal, diff, take, nan_to_num,
                    median, percentile, quantile, histogram, logspace, geomspace, outer, interp,
                    isin, in1d, setdiff1d, setxor1d, union1d, intersect1d, average, cov,
                    corrcoef, bincount, digitize, correlate, convolve, fabs, isposinf, isneginf,
                    iscomplex, isreal, i0, real, imag, modf, frexp, ldexp, cross, trapz, split,
                    array_split, append, pad, polyval, polyfit, roots, poly, histogram2d,
                    gradient, unwrap, broadcast_arrays, format_float_positional,
                    format_float_scientific)
from ._core import round as round_  # noqa: F811 (numpy.round_)

# every ufunc of numc (ufunc.h) under NumPy's name, and the reductions
globals().update(_core.ufuncs)
globals().update(_core.reductions)


def angle(z, deg=False):
    """numpy.angle(z, deg=False)."""
    r = _core.ufuncs["angle"](z)
    return r * (180.0 / pi) if deg else r


def clip(a, a_min, a_max, out=None, **kwargs):
    """numpy.clip(a, a_min, a_max, out=None, **ufunc_kwargs); a bound may be None."""
    return _core.ufuncs["clip"](a, a_min, a_max, out=out, **kwargs)


def divmod(x1, x2):  # noqa: A001 (numpy.divmod)
    """numpy.divmod(x1, x2): (floor_divide, remainder)."""
    return _builtins.divmod(x1 if isinstance(x1, ndarray) else asarray(x1), x2)


def reshape(a, newshape, order="C"):
    return asarray(a).reshape(newshape, order=order)


def transpose(a, axes=None):
    return asarray(a).transpose(axes)


def ravel(a):
    return asarray(a).ravel()


def squeeze(a, axis=None):
    return asarray(a).squeeze(axis=axis)


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def copy(a, order="K"):
    return asarray(a).copy(order=order)


def ndim(a):
    return asarray(a).ndim


def shape(a):
    return asarray(a).shape


def size(a):
    return asarray(a).size


def dot(a, b):
    return asarray(a).dot(b)


def matmul(a, b):
    return asarray(a) @ b


def result_type(*args):
    """numpy.result_type of dtypes and arrays (scalars count by their Python type)."""
    nums = []
    for x in args:
        if isinstance(x, ndarray):
            nums.append(x.dtype.num)
        else:
            nums.append(dtype(x).num)
    r = nums[0]
    for n in nums[1:]:
        r = _core._result_type(r, n)
    return dtype._get(r)


promote_types = result_type


def can_cast(from_, to, casting="safe"):
    levels = {"no": 1, "equiv": 2, "safe": 3, "same_kind": 4, "unsafe": 5}
    f = from_.dtype if isinstance(from_, ndarray) else dtype(from_)
    return _core._can_cast(f.num, dtype(to).num, levels[casting])


# ---- ndarray methods written over the functions above ---------------------------------------
def _rebuild(items, dtype_name, shape):
    return array(items, dtype=dtype_name).reshape(shape)


def _reduce(self):
    return (_rebuild, (self.tolist(), self.dtype.str if self.dtype.kind in "MmUS" else self.dtype.name,
                       self.shape))


def _contains(self, value):
    return bool((self == value).any())


def _sort_inplace(self, axis=-1, kind=None):
    self[...] = sort(self, axis=axis, kind=kind)


def _tobytes(self, order="C"):
    return bytes(memoryview(self.copy(order=order)))


for _name, _fn in {
    "__reduce__": _reduce,
    "__contains__": _contains,
    "round": lambda self, decimals=0, out=None: around(self, decimals, out),
    "clip": lambda self, min=None, max=None, out=None, **kw: clip(self, min, max, out=out, **kw),
    "nonzero": lambda self: nonzero(self),
    "argsort": lambda self, axis=-1, kind=None: argsort(self, axis=axis, kind=kind),
    "sort": _sort_inplace,
    "repeat": lambda self, repeats, axis=None: repeat(self, repeats, axis=axis),
    "take": lambda self, indices, axis=None: take(self, indices, axis=axis),
    "conj": lambda self: _core.ufuncs["conjugate"](self),
    "conjugate": lambda self: _core.ufuncs["conjugate"](self),
    "tobytes": _tobytes,
    "diagonal": lambda self, offset=0, axis1=0, axis2=1: _diagonal(self, offset, axis1, axis2),
    "trace": lambda self, offset=0, axis1=0, axis2=1, dtype=None: _diagonal(
        self, offset, axis1, axis2).sum(axis=-1, dtype=dtype),
}.items():
    setattr(ndarray, _name, _fn)


def _diagonal(a, offset, axis1, axis2):
    a = asarray(a)
    a = moveaxis(a, (axis1, axis2), (-2, -1))
    n, m = a.shape[-2], a.shape[-1]
    # builtins: numc's max/min (NumPy's names) shadow them in this module
    rows = arange(_builtins.max(0, -offset), _builtins.min(n, m - offset)) if n and m else arange(0)
    return a[..., rows, rows + offset]


def diagonal(a, offset=0, axis1=0, axis2=1):
    """numpy.diagonal (a copy; NumPy's is a read-only view)."""
    return _diagonal(a, offset, axis1, axis2)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    return _diagonal(a, offset, axis1, axis2).sum(axis=-1, dtype=dtype)


# ---- floating-point error handling (numpy.seterr / errstate) -------------------------------
_MODES = {"ignore": 1, "warn": 2, "raise": 3}
_NAMES = {v: k for k, v in _MODES.items()}


def _mode(v):
    if v is None:
        return 0
    if v not in _MODES:
        raise ValueError("numc: errstate mode must be one of %s, not %r" % (sorted(_MODES), v))
    return _MODES[v]


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """numpy.seterr: set this thread's floating-point error modes; returns the old ones."""
    if all is not None:
        divide = divide or all
        over = over or all
        under = under or all
        invalid = invalid or all
    old = _core._seterr(_mode(divide), _mode(over), _mode(under), _mode(invalid))
    return dict(zip(("divide", "over", "under", "invalid"), (_NAMES[m] for m in old)))


def geterr():
    return seterr()


class errstate:
    """numpy.errstate: `with numc.errstate(divide="raise"): ...` (FloatingPointError)."""

    def __init__(self, **kwargs):
        bad = set(kwargs) - {"all", "divide", "over", "under", "invalid", "call"}
        if bad:
            raise TypeError("errstate() got an unexpected keyword argument '%s'" % sorted(bad)[0])
        kwargs.pop("call", None)
        self._kw = kwargs
        self._old = None

    def __enter__(self):
        self._old = seterr(**self._kw)
        return self

    def __exit__(self, *exc):
        seterr(**self._old)
        return False

    def __call__(self, fn):
        import functools

        @functools.wraps(fn)
        def wrapped(*a, **k):
            with self:
                return fn(*a, **k)
        return wrapped


# ---- printing --------------------------------------------------------------------------------
def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None):
    old = _core._printoptions()
    _core._printoptions(precision if precision is not None else old[0],
                        threshold if threshold is not None else old[1],
                        edgeitems if edgeitems is not None else old[2],
                        linewidth if linewidth is not None else old[3],
                        bool(suppress) if suppress is not None else old[4])


def get_printoptions():
    p, t, e_, lw, s = _core._printoptions()
    return {"precision": p, "threshold": t, "edgeitems": e_, "linewidth": lw, "suppress": s}


class printoptions:
    """numpy.printoptions: `with numc.printoptions(precision=3): ...` (this thread)."""

    def __init__(self, **kwargs):
        self._kw = kwargs
        self._old = None

    def __enter__(self):
        self._old = get_printoptions()
        set_printoptions(**self._kw)
        return get_printoptions()

    def __exit__(self, *exc):
        set_printoptions(**self._old)
        return False


def array_repr(a):
    return repr(asarray(a))


def array_str(a):
    return str(asarray(a))

round = round_  # noqa: A001 (numpy.round shadows the builtin inside numc, as in NumPy)


# ---- namespaces ------------------------------------------------------------------------------
# numc.linalg, numc.fft, numc.random, ... are the files numc/<name>.py (or packages
# numc/<name>/) beside this one; they load on first use, as `import numpy` makes
# numpy.linalg available: numc.linalg.inv(a) works after a plain `import numc`, and
# dir(numc) lists them before they are loaded (PEP 562).
_submodule_names = None


def _submodules():
    global _submodule_names
    if _submodule_names is None:
        here = _os.path.dirname(__file__)
        names = set()
        for f in _os.listdir(here):
            if f.startswith("_"):
                continue
            if f.endswith(".py"):
                names.add(f[:-3])
            elif _os.path.isfile(_os.path.join(here, f, "__init__.py")):
                names.add(f)
        _submodule_names = frozenset(names)
    return _submodule_names


def __getattr__(name):
    if name in _submodules():
        import importlib
        return importlib.import_module("." + name, __name__)
    raise AttributeError("module 'numc' has no attribute '%s'" % name)


def __dir__():
    return sorted(set(globals()) | _submodules())


from ._extra import *  # noqa: E402,F401,F403 -- sorting, statistics, manipulation, I/O (numc/_extra.py)
from ._dates import (datetime64, timedelta64, datetime_data, datetime_as_string, isnat,  # noqa: E402,F401
                     busdaycalendar, is_busday, busday_offset, busday_count, str_, bytes_)
from . import _dates as _dates_mod  # noqa: E402
_dates_mod._register()

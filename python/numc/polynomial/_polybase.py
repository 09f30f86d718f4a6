"""numpy.polynomial's convenience classes (Polynomial, Chebyshev, Legendre, Laguerre, Hermite,
HermiteE) on numc's module functions, with NumPy 1.24's behaviour: a series is its
coefficients plus a domain mapped linearly onto the class's window, so that
p(x) = <family>val(off + scl*x, coef) with (off, scl) = mapparms(domain, window).
Arithmetic takes series of the same class, domain, window and symbol, or anything that is a
coefficient array (scalars included); str() writes NumPy's text (1.0 + 2.0·x + 3.0·x²)."""
import numbers as _numbers
import os as _os
import sys as _sys

import numc as _nc

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


# ---- numpy.polynomial.polyutils' helpers that the classes use ------------------------------
def as_series(alist, trim=True):
    """polyutils.as_series: each item as a 1-d coefficient array (integers as float64)."""
    out = []
    for a in alist:
        c = _nc.array(a)
        if c.ndim == 0:
            c = c.reshape(1)
        if c.ndim != 1:
            raise ValueError("Coefficient array is not 1-d")
        if c.size == 0:
            raise ValueError("Coefficient array is empty")
        if c.dtype.kind not in "fc":
            c = c.astype(_nc.float64)
        if trim:
            c = trimseq(c)
        out.append(c)
    return out


def trimseq(seq):
    """polyutils.trimseq: drop trailing zeros, keeping at least one coefficient."""
    n = len(seq)
    while n > 1 and seq[n - 1] == 0:
        n -= 1
    return seq[:n]


def getdomain(x):
    """polyutils.getdomain: the smallest interval (real) or box (complex) holding x."""
    [x] = as_series([x], trim=False)
    if x.dtype.kind == "c":
        re, im = _nc.real(x), _nc.imag(x)
        return _nc.array((complex(re.min(), im.min()), complex(re.max(), im.max())))
    return _nc.array((x.min(), x.max()))


def mapparms(old, new):
    """polyutils.mapparms: (off, scl) such that off + scl*old maps old onto new."""
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    off = (old[1] * new[0] - old[0] * new[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapdomain(x, old, new):
    """polyutils.mapdomain: x mapped linearly from the interval old onto new."""
    x = _nc.asarray(x)
    off, scl = mapparms(old, new)
    return off + scl * x


def trimcoef(c, tol=0):
    """polyutils.trimcoef: drop trailing coefficients of magnitude <= tol (one stays)."""
    if tol < 0:
        raise ValueError("tol must be non-negative")
    [c] = as_series([c], trim=False)
    keep = _nc.flatnonzero(_nc.abs(c) > tol)
    if len(keep) == 0:
        return c[:1] * 0
    return c[:int(keep[-1]) + 1].copy()


def _format_float(x, parens=False):
    """polyutils.format_float with the print options: positional, or scientific (in
    parentheses when asked) for magnitudes >= 1e8 or below 10**-((precision - 1)//2)."""
    if not isinstance(x, float):
        return str(x)
    precision = _nc.get_printoptions()["precision"]
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    a = abs(x)
    if x != 0 and (a >= 1.e8 or a < 10 ** min(0, -(precision - 1) // 2)):
        s = _nc.format_float_scientific(x, precision=precision, unique=True, trim="0")
        return "(" + s + ")" if parens else s
    return _nc.format_float_positional(x, precision=precision, unique=True, fractional=True, trim="0")


_printstyle = ["ascii" if _os.name == "nt" else "unicode"]


def set_default_printstyle(style):
    """numpy.polynomial.set_default_printstyle('unicode' | 'ascii'): how str() writes series."""
    if style not in ("unicode", "ascii"):
        raise ValueError(f"Unsupported format string '{style}'. Valid options are 'ascii' and 'unicode'")
    _printstyle[0] = style


# ---- Clenshaw / Horner on series arguments (convert evaluates a series at a series) ---------
def _clenshaw(kind, x, c):
    """<family>val(x, c) for a series x, in NumPy's order of operations."""
    if kind == "poly":
        c0 = c[-1] + x * 0
        for i in range(2, len(c) + 1):
            c0 = c[-i] + c0 * x
        return c0
    if len(c) == 1:
        c0, c1 = c[0], 0
    elif len(c) == 2:
        c0, c1 = c[0], c[1]
    else:
        nd = len(c)
        c0, c1 = c[-2], c[-1]
        x2 = 2 * x
        for i in range(3, len(c) + 1):
            tmp = c0
            nd = nd - 1
            if kind == "cheb":
                c0 = c[-i] - c1
                c1 = tmp + c1 * x2
            elif kind == "leg":
                c0 = c[-i] - (c1 * (nd - 1)) / nd
                c1 = tmp + (c1 * x * (2 * nd - 1)) / nd
            elif kind == "lag":
                c0 = c[-i] - (c1 * (nd - 1)) / nd
                c1 = tmp + (c1 * ((2 * nd - 1) - x)) / nd
            elif kind == "herm":
                c0 = c[-i] - c1 * (2 * (nd - 1))
                c1 = tmp + c1 * x2
            else:  # herme
                c0 = c[-i] - c1 * (nd - 1)
                c1 = tmp + c1 * x
    if kind == "lag":
        return c0 + c1 * (1 - x)
    if kind == "herm":
        return c0 + c1 * (2 * x)
    return c0 + c1 * x


class ABCPolyBase:
    """The common body of the six series classes (numpy.polynomial._polybase.ABCPolyBase)."""
    __hash__ = None
    __array_ufunc__ = None
    maxpower = 100
    basis_name = None
    _prefix = None  # "poly", "cheb", ...: the family module's function prefix
    _mod = None     # the family module (set by _make_class)

    # the family's module functions
    @classmethod
    def _fn(cls, name):
        return getattr(cls._mod, cls._prefix + name)

    def __init__(self, coef, domain=None, window=None, symbol="x"):
        [self.coef] = as_series([coef], trim=False)
        if domain is not None:
            [domain] = as_series([domain], trim=False)
            if len(domain) != 2:
                raise ValueError("Domain has wrong number of elements.")
            self.domain = domain
        if window is not None:
            [window] = as_series([window], trim=False)
            if len(window) != 2:
                raise ValueError("Window has wrong number of elements.")
            self.window = window
        if not isinstance(symbol, str):
            raise TypeError("Symbol must be a non-empty string")
        if not symbol.isidentifier():
            raise ValueError("Symbol string must be a valid Python identifier")
        self._symbol = symbol

    @property
    def symbol(self):
        return self._symbol

    # ---- comparisons -----------------------------------------------------------------------
    def has_samecoef(self, other):
        return len(self.coef) == len(other.coef) and bool(_nc.all(self.coef == other.coef))

    def has_samedomain(self, other):
        return bool(_nc.all(self.domain == other.domain))

    def has_samewindow(self, other):
        return bool(_nc.all(self.window == other.window))

    def has_sametype(self, other):
        return isinstance(other, self.__class__)

    def _get_coefficients(self, other):
        if isinstance(other, ABCPolyBase):
            if not isinstance(other, self.__class__):
                raise TypeError("Polynomial types differ")
            if not self.has_samedomain(other):
                raise TypeError("Domains differ")
            if not self.has_samewindow(other):
                raise TypeError("Windows differ")
            if self.symbol != other.symbol:
                raise ValueError("Polynomial symbols differ")
            return other.coef
        return other

    def __eq__(self, other):
        return (isinstance(other, self.__class__) and self.has_samedomain(other) and self.has_samewindow(other)
                and self.coef.shape == other.coef.shape and bool(_nc.all(self.coef == other.coef))
                and self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    # ---- text ------------------------------------------------------------------------------
    def __repr__(self):
        coef = repr(self.coef)[6:-1]
        domain = repr(self.domain)[6:-1]
        window = repr(self.window)[6:-1]
        return f"{self.__class__.__name__}({coef}, domain={domain}, window={window}, symbol='{self.symbol}')"

    def __format__(self, fmt_str):
        if fmt_str == "":
            return self.__str__()
        if fmt_str not in ("ascii", "unicode"):
            raise ValueError(f"Unsupported format string '{fmt_str}' passed to {self.__class__}.__format__. "
                             "Valid options are 'ascii' and 'unicode'")
        return self._generate_string(fmt_str == "unicode")

    def __str__(self):
        return self._generate_string(_printstyle[0] == "unicode")

    @classmethod
    def _term(cls, unicode, i, arg):
        if unicode:
            return f"·{cls.basis_name}{i.translate(_SUBSCRIPT)}({arg})"
        return f" {cls.basis_name}_{i}({arg})"

    def _generate_string(self, unicode):
        linewidth = max(_nc.get_printoptions().get("linewidth", 75), 1)
        coef = list(self.coef)
        out = _format_float(coef[0])
        for i, c in enumerate(coef[1:]):
            out += " "
            try:
                term = ("+ " + _format_float(c, parens=True)) if c >= 0 else ("- " + _format_float(-c, parens=True))
            except TypeError:
                term = f"+ {c}"
            term += self._term(unicode, str(i + 1), self.symbol)
            line_len = len(out.split("\n")[-1]) + len(term)
            if i < len(coef) - 2:
                line_len += 2  # the ' +' of the next term
            if line_len >= linewidth:
                term = term.replace(" ", "\n", 1)
            out += term
        return out

    # ---- evaluation and container ----------------------------------------------------------
    def __call__(self, arg):
        off, scl = self.mapparms()
        arg = off + scl * arg
        if isinstance(arg, ABCPolyBase):
            return _clenshaw(self._prefix, arg, list(self.coef))
        return self._fn("val")(arg, self.coef)

    def __iter__(self):
        return iter(self.coef)

    def __len__(self):
        return len(self.coef)

    # ---- arithmetic ------------------------------------------------------------------------
    def _new(self, coef):
        return self.__class__(coef, self.domain, self.window, self.symbol)

    def _binary(self, name, a, b):
        try:
            return self._new(self._fn(name)(a, b))
        except (TypeError, ValueError):
            return NotImplemented

    def __neg__(self):
        return self._new(-self.coef)

    def __pos__(self):
        return self

    def __add__(self, other):
        return self._binary("add", self.coef, self._get_coefficients(other))

    def __sub__(self, other):
        return self._binary("sub", self.coef, self._get_coefficients(other))

    def __mul__(self, other):
        return self._binary("mul", self.coef, self._get_coefficients(other))

    def __radd__(self, other):
        return self._binary("add", other, self.coef)

    def __rsub__(self, other):
        return self._binary("sub", other, self.coef)

    def __rmul__(self, other):
        return self._binary("mul", other, self.coef)

    def __truediv__(self, other):
        # no true division by a series: it would be an infinite one
        if not isinstance(other, _numbers.Number) or isinstance(other, bool):
            raise TypeError(f"unsupported types for true division: '{type(self)}', '{type(other)}'")
        return self.__floordiv__(other)

    def __rtruediv__(self, other):
        return NotImplemented

    def _divmod(self, a, b):
        try:
            quo, rem = self._fn("div")(a, b)
        except (TypeError, ValueError):
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __divmod__(self, other):
        return self._divmod(self.coef, self._get_coefficients(other))

    def __rdivmod__(self, other):
        return self._divmod(other, self.coef)

    def _part(self, res, k):
        return res if res is NotImplemented else res[k]

    def __floordiv__(self, other):
        return self._part(self.__divmod__(other), 0)

    def __rfloordiv__(self, other):
        return self._part(self.__rdivmod__(other), 0)

    def __mod__(self, other):
        return self._part(self.__divmod__(other), 1)

    def __rmod__(self, other):
        return self._part(self.__rdivmod__(other), 1)

    def __pow__(self, other):
        return self._new(self._fn("pow")(self.coef, other, maxpower=self.maxpower))

    # ---- methods ---------------------------------------------------------------------------
    def copy(self):
        return self._new(self.coef)

    def degree(self):
        return len(self) - 1

    def cutdeg(self, deg):
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        return self._new(trimcoef(self.coef, tol))

    def truncate(self, size):
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        return self._new(self.coef if isize >= len(self.coef) else self.coef[:isize])

    def convert(self, domain=None, kind=None, window=None):
        if kind is None:
            kind = self.__class__
        if domain is None:
            domain = kind.domain
        if window is None:
            window = kind.window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    def mapparms(self):
        return mapparms(self.domain, self.window)

    def integ(self, m=1, k=[], lbnd=None):
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        return self._new(self._fn("int")(self.coef, m, k, lbnd, 1. / scl))

    def deriv(self, m=1):
        off, scl = self.mapparms()
        return self._new(self._fn("der")(self.coef, m, scl))

    def roots(self):
        return mapdomain(self._fn("roots")(self.coef), self.window, self.domain)

    def linspace(self, n=100, domain=None):
        if domain is None:
            domain = self.domain
        x = _nc.linspace(domain[0], domain[1], n)
        return x, self(x)

    @classmethod
    def _frame(cls, domain, window, points):
        """fit / fromroots: domain None is the points' own, [] the class's; window None the class's."""
        if domain is None:
            domain = getdomain(points)
        elif type(domain) is list and len(domain) == 0:
            domain = cls.domain
        return domain, cls.window if window is None else window

    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None, symbol="x"):
        domain, window = cls._frame(domain, window, x)
        xnew = mapdomain(x, domain, window)
        res = cls._fn("fit")(xnew, y, deg, w=w, rcond=rcond, full=full)
        if full:
            coef, status = res
            return cls(coef, domain=domain, window=window, symbol=symbol), status
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):
        [roots] = as_series([roots], trim=False)
        domain, window = cls._frame(domain, window, roots)
        deg = len(roots)
        off, scl = mapparms(domain, window)
        rnew = off + scl * roots
        coef = cls._fn("fromroots")(rnew) / scl ** deg
        return cls(coef, domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = mapparms(window, domain)
        return cls(cls._fn("line")(off, scl), domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        return cls([0] * ideg + [1], domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        return series.convert(domain, cls, window)


class _PowerTerms:
    """Polynomial writes powers, not basis functions: 1.0 + 2.0·x + 3.0·x²."""

    @classmethod
    def _term(cls, unicode, i, arg):
        if unicode:
            return f"·{arg}" if i == "1" else f"·{arg}{i.translate(_SUPERSCRIPT)}"
        return f" {arg}" if i == "1" else f" {arg}**{i}"


def make_class(name, module_name, prefix, basis_name, default_domain):
    """The series class `name` of a family module (whose functions are <prefix>val, ...),
    made from that module's globals once its functions exist."""
    module = _sys.modules[module_name]
    bases = (_PowerTerms, ABCPolyBase) if prefix == "poly" else (ABCPolyBase,)
    doc = (f"numpy.polynomial.{name}(coef, domain=None, window=None, symbol='x'): a series in the "
           f"{module_name.rsplit('.', 1)[-1]} basis, default domain and window {default_domain}.")
    return type(name, bases, {
        "__doc__": doc, "__module__": module_name, "_mod": module, "_prefix": prefix, "basis_name": basis_name,
        "domain": _nc.array(default_domain), "window": _nc.array(default_domain),
    })

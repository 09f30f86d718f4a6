"""numc.polynomial's series classes against NumPy 1.24's (numpy.polynomial.Polynomial, ...):
the same coefficients, values, text and errors for the same calls."""
import numpy
import numpy.polynomial as NP
import pytest

import numc
import numc.polynomial as CP

NAMES = ["Polynomial", "Chebyshev", "Legendre", "Laguerre", "Hermite", "HermiteE"]


def same(a, b, tol=0.0):
    """numc result a equals NumPy result b (series, arrays, scalars, tuples)."""
    if isinstance(b, NP._polybase.ABCPolyBase):
        assert type(a).__name__ == type(b).__name__
        same(a.coef, b.coef, tol)
        same(a.domain, b.domain)
        same(a.window, b.window)
        assert a.symbol == b.symbol
        return
    if isinstance(b, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same(x, y, tol)
        return
    a = numpy.asarray(a)
    b = numpy.asarray(b)
    assert a.shape == b.shape, (a, b)
    if tol:
        numpy.testing.assert_allclose(a, b, rtol=tol, atol=tol)
    else:
        numpy.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", NAMES)
def test_construct_call_text(name):
    C, N = getattr(CP, name), getattr(NP, name)
    for args, kw in (([1, 2, 3], {}), ([1.5, -2.0, 0.0, 4.25], {"domain": [0, 2]}),
                     ([1e-5, -2, 1e6], {"window": [-2, 2], "symbol": "t"}), ([3], {})):
        c, n = C(args, **kw), N(args, **kw)
        same(c, n)
        assert repr(c) == repr(n)
        assert str(c) == str(n)
        assert format(c, "ascii") == format(n, "ascii")
        assert format(c, "unicode") == format(n, "unicode")
        x = [-1.0, -0.25, 0.5, 2.0]
        same(c(numc.array(x)), n(numpy.array(x)))
        same(c(0.75), n(0.75))
        assert len(c) == len(n) and c.degree() == n.degree() and list(c) == list(n)
    # the class defaults are integer arrays, as NumPy's
    assert repr(C.domain) == repr(N.domain) and repr(C.window) == repr(N.window)


def test_long_text_wraps_at_linewidth():
    c = [1.0 / 3 * (-1) ** k for k in range(12)]
    assert str(CP.Polynomial(c)) == str(NP.Polynomial(c))
    assert str(CP.Chebyshev(c)) == str(NP.Chebyshev(c))
    CP.set_default_printstyle("ascii")
    try:
        assert str(CP.Legendre(c)) == format(NP.Legendre(c), "ascii")
    finally:
        CP.set_default_printstyle("unicode")
    with pytest.raises(ValueError):
        CP.set_default_printstyle("latex")


@pytest.mark.parametrize("name", NAMES)
def test_arithmetic(name):
    C, N = getattr(CP, name), getattr(NP, name)
    a, b = [1.0, -2.0, 0.5, 3.0], [0.25, 1.0, -1.5]
    ca, cb, na, nb = C(a, domain=[0, 3]), C(b, domain=[0, 3]), N(a, domain=[0, 3]), N(b, domain=[0, 3])
    for op in (lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q, lambda p, q: p // q,
               lambda p, q: p % q, lambda p, q: p + 2.5, lambda p, q: 2.5 - p, lambda p, q: p * 3,
               lambda p, q: -p, lambda p, q: +p, lambda p, q: p ** 3, lambda p, q: p / 4.0,
               lambda p, q: divmod(p, q), lambda p, q: p + [1, 2]):
        same(op(ca, cb), op(na, nb), 1e-13)
    assert ca == C(a, domain=[0, 3]) and ca != cb and ca != C(a)
    with pytest.raises(TypeError, match="Domains differ"):
        ca + C(b)
    with pytest.raises(TypeError, match="Windows differ"):
        ca + C(b, domain=[0, 3], window=[0, 0.5])
    with pytest.raises(ValueError, match="symbols differ"):
        ca + C(b, domain=[0, 3], symbol="y")
    other = CP.Chebyshev if name != "Chebyshev" else CP.Legendre
    with pytest.raises(TypeError, match="types differ"):
        ca + other(b, domain=[0, 3])
    with pytest.raises(TypeError):
        ca / cb
    with pytest.raises(ZeroDivisionError):
        ca // 0
    with pytest.raises(ZeroDivisionError):  # the module functions raise it too, as NumPy's
        getattr(CP, name)._fn("div")([1.0, 2.0], [0.0])


@pytest.mark.parametrize("name", NAMES)
def test_calculus_roots_fit(name):
    C, N = getattr(CP, name), getattr(NP, name)
    c, n = C([2.0, -1.0, 0.5, 0.25], domain=[-2, 4]), N([2.0, -1.0, 0.5, 0.25], domain=[-2, 4])
    same(c.deriv(), n.deriv(), 1e-13)
    same(c.deriv(2), n.deriv(2), 1e-13)
    same(c.integ(), n.integ(), 1e-13)
    same(c.integ(2, k=[1, 2], lbnd=0.5), n.integ(2, k=[1, 2], lbnd=0.5), 1e-13)
    same(numpy.sort_complex(numpy.asarray(c.roots())), numpy.sort_complex(n.roots()), 1e-9)
    same(c.trim(0.3), n.trim(0.3))
    same(c.truncate(2), n.truncate(2))
    same(c.cutdeg(1), n.cutdeg(1))
    same(c.linspace(7), n.linspace(7), 1e-13)
    same(c.mapparms(), n.mapparms())
    x = numpy.linspace(-2, 4, 50)
    y = numpy.cos(x) + 0.1 * x
    same(C.fit(numc.array(x), numc.array(y), 4), N.fit(x, y, 4), 1e-9)
    cf, cs = C.fit(numc.array(x), numc.array(y), 3, full=True, domain=[-3, 5])
    nf, ns = N.fit(x, y, 3, full=True, domain=[-3, 5])
    same(cf, nf, 1e-9)
    same(cs[1], ns[1])
    same(C.fromroots([0.5, -1.0, 2.0]), N.fromroots([0.5, -1.0, 2.0]), 1e-13)
    same(C.fromroots([0.5, 3.0], domain=None), N.fromroots([0.5, 3.0], domain=None), 1e-13)
    same(C.identity([0, 2]), N.identity([0, 2]), 1e-15)
    same(C.basis(3, domain=[1, 2]), N.basis(3, domain=[1, 2]))
    with pytest.raises(ValueError):
        C.basis(-1)
    with pytest.raises(ValueError):
        c.truncate(0)


def test_convert_and_cast():
    for src in NAMES:
        for dst in NAMES:
            c = getattr(CP, src)([1.0, 2.0, -0.5, 0.25], domain=[0, 2])
            n = getattr(NP, src)([1.0, 2.0, -0.5, 0.25], domain=[0, 2])
            same(c.convert(kind=getattr(CP, dst)), n.convert(kind=getattr(NP, dst)), 1e-12)
            same(getattr(CP, dst).cast(c, domain=[-1, 3]), getattr(NP, dst).cast(n, domain=[-1, 3]), 1e-12)


def test_bad_input():
    with pytest.raises(ValueError, match="1-d"):
        CP.Polynomial([[1, 2]])
    with pytest.raises(ValueError, match="empty"):
        CP.Chebyshev([])
    with pytest.raises(ValueError, match="Domain"):
        CP.Polynomial([1], domain=[0, 1, 2])
    with pytest.raises(ValueError, match="Window"):
        CP.Polynomial([1], window=[0])
    with pytest.raises(ValueError, match="identifier"):
        CP.Polynomial([1], symbol="1x")
    with pytest.raises(TypeError, match="Symbol"):
        CP.Polynomial([1], symbol=3)
    with pytest.raises(ValueError, match="non-negative"):
        CP.Polynomial([1, 2]).trim(-1)
    with pytest.raises(ValueError):
        format(CP.Polynomial([1]), "latex")
    assert CP.Polynomial([1]).__hash__ is None


def test_format_float_functions():
    for v in (1.0, 0.1, 1 / 3, 1e6, 1e-5, 123.456, -2.5, 1e300, 5e-324, 0.0, -0.0, float("nan"), float("inf")):
        for kw in ({}, {"precision": 8, "trim": "0"}, {"precision": 2}, {"precision": 3, "unique": False},
                   {"trim": "-"}, {"sign": True, "pad_left": 5}, {"min_digits": 4}):
            assert numc.format_float_positional(v, **kw) == numpy.format_float_positional(v, **kw)
            assert numc.format_float_scientific(v, **kw) == numpy.format_float_scientific(v, **kw)
    assert numc.format_float_positional(numpy.float32(0.1)) == numpy.format_float_positional(numpy.float32(0.1))
    assert numc.format_float_positional(1.0, pad_right=3) == numpy.format_float_positional(1.0, pad_right=3)
    assert numc.format_float_scientific(1.0, exp_digits=3) == numpy.format_float_scientific(1.0, exp_digits=3)
    with pytest.raises(ValueError, match="trim"):
        numc.format_float_positional(1.0, trim="x")
    with pytest.raises(ValueError):
        numc.format_float_positional(1.0, precision=-1)

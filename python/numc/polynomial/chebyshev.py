"""numc.polynomial.chebyshev: numpy.polynomial.chebyshev's module functions (chebval, chebfit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(1, "cheb", globals())


def chebpts1(npts):
    """Chebyshev points of the first kind."""
    from .._core import _polynomial as _m
    return _m.chebpts(1, int(npts))


def chebpts2(npts):
    """Chebyshev points of the second kind."""
    from .._core import _polynomial as _m
    return _m.chebpts(2, int(npts))


__all__ += ["chebpts1", "chebpts2"]  # noqa: F821 (set by _make)

Chebyshev = _make_class("Chebyshev", __name__, "cheb", "T", [-1, 1])
__all__ += ["Chebyshev"]  # noqa: F821 (set by _make)

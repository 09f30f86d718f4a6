"""numc.polynomial.polynomial: numpy.polynomial.polynomial's module functions (polyval, polyfit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(0, "poly", globals())

Polynomial = _make_class("Polynomial", __name__, "poly", None, [-1, 1])
__all__ += ["Polynomial"]  # noqa: F821 (set by _make)

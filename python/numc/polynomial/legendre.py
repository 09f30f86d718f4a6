"""numc.polynomial.legendre: numpy.polynomial.legendre's module functions (legval, legfit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(2, "leg", globals())

Legendre = _make_class("Legendre", __name__, "leg", "P", [-1, 1])
__all__ += ["Legendre"]  # noqa: F821 (set by _make)

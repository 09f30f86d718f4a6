"""numc.polynomial.laguerre: numpy.polynomial.laguerre's module functions (lagval, lagfit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(3, "lag", globals())

Laguerre = _make_class("Laguerre", __name__, "lag", "L", [0, 1])
__all__ += ["Laguerre"]  # noqa: F821 (set by _make)

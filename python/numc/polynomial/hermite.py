"""numc.polynomial.hermite: numpy.polynomial.hermite's module functions (hermval, hermfit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(4, "herm", globals())

Hermite = _make_class("Hermite", __name__, "herm", "H", [-1, 1])
__all__ += ["Hermite"]  # noqa: F821 (set by _make)

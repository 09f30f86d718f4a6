"""numc.polynomial.hermite_e: numpy.polynomial.hermite_e's module functions (hermeval, hermefit, ...)."""
from ._family import make as _make
from ._polybase import make_class as _make_class

_make(5, "herme", globals())

HermiteE = _make_class("HermiteE", __name__, "herme", "He", [-1, 1])
__all__ += ["HermiteE"]  # noqa: F821 (set by _make)

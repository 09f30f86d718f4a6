"""numc.polynomial.legendre: numpy.polynomial.legendre's module functions (legval, legfit, ...)."""
from ._family import make as _make

_make(2, "leg", globals())

"""numc.polynomial.laguerre: numpy.polynomial.laguerre's module functions (lagval, lagfit, ...)."""
from ._family import make as _make

_make(3, "lag", globals())

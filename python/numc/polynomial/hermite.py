"""numc.polynomial.hermite: numpy.polynomial.hermite's module functions (hermval, hermfit, ...)."""
from ._family import make as _make

_make(4, "herm", globals())

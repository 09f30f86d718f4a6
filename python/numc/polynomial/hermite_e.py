"""numc.polynomial.hermite_e: numpy.polynomial.hermite_e's module functions (hermeval, hermefit, ...)."""
from ._family import make as _make

_make(5, "herme", globals())

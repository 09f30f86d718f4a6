"""numc.polynomial.polynomial: numpy.polynomial.polynomial's module functions (polyval, polyfit, ...)."""
from ._family import make as _make

_make(0, "poly", globals())

"""numc.polynomial: numpy.polynomial's six families as modules of functions
(numc.polynomial.chebyshev.chebval, legendre.legfit, ...). The convenience classes
(Polynomial, Chebyshev, ...) are not offered."""
from . import polynomial, chebyshev, legendre, laguerre, hermite, hermite_e  # noqa: F401

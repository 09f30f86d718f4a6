"""numc.polynomial: numpy.polynomial's six families as modules of functions
(numc.polynomial.chebyshev.chebval, legendre.legfit, ...) and their convenience classes
(Polynomial, Chebyshev, Legendre, Laguerre, Hermite, HermiteE) with NumPy's methods."""
from . import polynomial, chebyshev, legendre, laguerre, hermite, hermite_e  # noqa: F401
from ._polybase import set_default_printstyle
from .polynomial import Polynomial
from .chebyshev import Chebyshev
from .legendre import Legendre
from .laguerre import Laguerre
from .hermite import Hermite
from .hermite_e import HermiteE

__all__ = ["set_default_printstyle", "polynomial", "Polynomial", "chebyshev", "Chebyshev", "legendre",
           "Legendre", "laguerre", "Laguerre", "hermite", "Hermite", "hermite_e", "HermiteE"]

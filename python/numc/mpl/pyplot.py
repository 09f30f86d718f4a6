"""`import numc.mpl.pyplot as plt` is numc.pyplot (the module itself, not a copy)."""
import sys as _sys

from .. import pyplot as _pyplot

_sys.modules[__name__] = _pyplot

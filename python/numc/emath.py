"""numc.emath: numpy.emath (numpy.lib.scimath) on numc, complex results where the real
function is undefined: numc.emath.sqrt(-4) is 2j."""
from ._core import _emath as _m

sqrt = _m.sqrt
log = _m.log
log2 = _m.log2
log10 = _m.log10
logn = _m.logn
power = _m.power
arccos = _m.arccos
arcsin = _m.arcsin
arctanh = _m.arctanh

__all__ = ["sqrt", "log", "log2", "log10", "logn", "power", "arccos", "arcsin", "arctanh"]

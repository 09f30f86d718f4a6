"""numc.char: numpy.char's functions over numc's 'U' and 'S' arrays (strings.h; the C side
is _core._flex, python/src/ns_flex.c). Python's str methods element by element ('U': Unicode
rules, 'S': ASCII rules); string arguments are str for 'U' arrays and bytes for 'S' ones."""
from ._core import _flex

__all__ = ["upper", "lower", "swapcase", "capitalize", "title", "str_len", "isalpha", "isalnum",
           "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper", "istitle",
           "strip", "lstrip", "rstrip", "center", "ljust", "rjust", "zfill", "add", "multiply",
           "mod", "replace", "equal", "not_equal", "less", "less_equal", "greater",
           "greater_equal", "find", "rfind", "index", "rindex", "count", "startswith",
           "endswith", "partition", "rpartition", "expandtabs", "join", "encode", "decode"]

for _n in __all__:
    globals()[_n] = getattr(_flex, _n)
del _n

"""The fixture line tests/fixture.h reads (fixture_load / fixture_check), shared by the
gen_*_fixtures.py scripts: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (values in C order,
floats as repr(float), integers and booleans as int; single spaces, none at the end)."""
import numpy as np


def fixture_line(name, a):
    a = np.asarray(a)
    if a.dtype.kind == "f":
        vals = " ".join(repr(float(x)) for x in a.ravel())
    else:
        vals = " ".join(str(int(x)) for x in a.ravel())
    line = f"{name} {a.dtype.name} {a.ndim} {' '.join(map(str, a.shape))} {vals}"
    return " ".join(line.split())

"""The line writers shared by gen_ma_core_fixtures.py, gen_ma_ops_fixtures.py and
gen_ma_extras_fixtures.py: each appends fixture lines to `out`, which the script writes
to its tests/data/ma/<area>.txt.

A masked result `r` is four lines: r_d (the data, under the mask too), r_m (the full
mask, getmaskarray), and the flat lines r_nomask (1 when the mask is nomask) and r_fill
(the fill value). A 0-d result (NumPy's scalar or `masked`) is written as a 0-d masked
array."""
import numpy as np

from fixture_text import fixture_line

ma = np.ma
out = []


def put(name, a):
    out.append(fixture_line(name, a))


def flat(name, *values):
    out.append(name + " " + " ".join(repr(float(v)) for v in values))


def put_ma(name, m):
    if m is ma.masked:
        m = ma.array(np.float64(0.0), mask=True)
    elif not isinstance(m, ma.MaskedArray):
        m = ma.array(m)
    put(name + "_d", m.data)
    put(name + "_m", ma.getmaskarray(m))
    flat(name + "_nomask", int(m._mask is ma.nomask))
    fv = m.fill_value
    if m.dtype == bool:
        # NumPy keeps a float fill value copied from a float operand on a bool result
        # (ma.equal(a, b) with a.fill_value = -5 has fill_value -5.0); numc holds the fill
        # value in the result's dtype, so it is that value as a bool.
        fv = bool(fv)
    flat(name + "_fill", fv.real if np.iscomplexobj(fv) else fv)

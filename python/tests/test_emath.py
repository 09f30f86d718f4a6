"""numc.emath against numpy.emath (and the namespace registry: ns_emath.c + emath.py)."""
import numpy as np
import pytest

import numc as nc
import numc.emath

CASES = ["sqrt(-4.0)", "sqrt(X)", "sqrt(np.abs(X))", "log(X)", "log2(X)", "log10(X)",
         "logn(2, X)", "power(X, 2)", "power(X, 0.5)", "arccos(X)", "arcsin(X / 2)", "arctanh(X / 3)",
         "sqrt(np.arange(4, dtype=np.float32) - 2)"]


@pytest.mark.parametrize("expr", CASES)
def test_emath_matches_numpy(expr):
    X = np.array([-2.0, -0.5, 0.25, 1.0, 3.0])
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        got = eval("nc.emath." + expr, {"nc": nc, "np": np, "X": nc.asarray(X)})
        ref = eval("np.emath." + expr, {"np": np, "X": X})
    if np.ndim(ref) == 0:
        assert got == pytest.approx(complex(ref))
        return
    g = np.asarray(got)
    assert g.dtype == ref.dtype and g.shape == ref.shape
    np.testing.assert_allclose(g, ref, rtol=1e-6)


def test_registered_as_a_namespace():
    assert nc.emath is numc.emath and hasattr(nc._core, "_emath")
    assert nc.emath.sqrt(-1) == 1j

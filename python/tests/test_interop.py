"""numc arrays where NumPy code expects arrays: NumPy's own functions and matplotlib take
them through the buffer protocol (no copy), and NumPy's results come back."""
import io

import numpy as np
import pytest

import numc as nc


def test_numpy_functions_accept_numc_arrays():
    a = nc.linspace(0, 1, 11).reshape(11, 1) * nc.arange(3.0)
    assert np.sum(a) == pytest.approx(16.5)
    np.testing.assert_allclose(np.linalg.norm(a, axis=0), np.linalg.norm(np.asarray(a), axis=0))
    np.testing.assert_array_equal(np.sort(nc.array([3, 1, 2])), [1, 2, 3])
    assert np.shares_memory(np.asarray(a), np.asarray(a))
    n = np.asarray(a)
    n *= 2                     # NumPy writes into numc's memory
    assert a[10, 2] == 4.0


def test_matplotlib_plots_numc_arrays():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    x = nc.linspace(0, 2 * nc.pi, 50)
    fig, ax = plt.subplots()
    ax.plot(x, nc.sin(x))
    ax.imshow(nc.arange(12.0).reshape(3, 4))
    ax.hist(nc.arange(100.0) % 7, bins=7)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"

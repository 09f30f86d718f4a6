"""numc.fft against numpy.fft: every transform with n/axis, s/axes and norm, the helpers."""
import numpy as np
import pytest

import numc as nc
import numc.fft as nfft

rng = np.random.default_rng(3)
X = rng.standard_normal((6, 8))
Z = X + 1j * rng.standard_normal((6, 8))
X3 = rng.standard_normal((4, 5, 6))


def close(a, b, rtol=1e-9, atol=1e-9):
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_allclose(an, bn, rtol=rtol, atol=atol)


ONE = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
MANY = ["fft2", "ifft2", "rfft2", "irfft2", "fftn", "ifftn", "rfftn", "irfftn"]


@pytest.mark.parametrize("name", ONE)
@pytest.mark.parametrize("norm", [None, "backward", "ortho", "forward"])
def test_one_dimensional(name, norm):
    x = X if name in ("rfft", "ihfft") else Z
    f, g = getattr(nfft, name), getattr(np.fft, name)
    close(f(x, norm=norm), g(x, norm=norm))
    close(f(x, axis=0, norm=norm), g(x, axis=0, norm=norm))
    close(f(x, n=5, norm=norm), g(x, n=5, norm=norm))
    close(f(x, 12, 0, norm), g(x, 12, 0, norm))
    close(f(x[0].tolist()), g(x[0].tolist()))


@pytest.mark.parametrize("name", MANY)
@pytest.mark.parametrize("norm", [None, "ortho", "forward"])
def test_n_dimensional(name, norm):
    x = X3 if name.startswith("rfft") else X3 + 1j * X3[::-1]
    f, g = getattr(nfft, name), getattr(np.fft, name)
    close(f(x, norm=norm), g(x, norm=norm))
    close(f(x, axes=(0, 2), norm=norm), g(x, axes=(0, 2), norm=norm))
    close(f(x, s=(4, 6), axes=(0, 1), norm=norm), g(x, s=(4, 6), axes=(0, 1), norm=norm))
    if not name.endswith("2"):
        close(f(x, s=(3, 8)), g(x, s=(3, 8)))


def test_single_precision():
    x = X.astype(np.float32)
    r = nfft.fft(x)
    assert r.dtype == nc.complex64
    np.testing.assert_allclose(np.asarray(r), np.fft.fft(X), rtol=1e-4, atol=1e-4)
    assert nfft.irfft(nfft.rfft(x)).dtype == nc.float32


def test_round_trips():
    close(nfft.ifft(nfft.fft(Z)), Z)
    close(nfft.irfftn(nfft.rfftn(X3), s=X3.shape), X3)


def test_helpers():
    for n, d in [(8, 1.0), (9, 0.1), (1, 2.0)]:
        close(nfft.fftfreq(n, d), np.fft.fftfreq(n, d))
        close(nfft.rfftfreq(n, d), np.fft.rfftfreq(n, d))
    close(nfft.fftfreq(10), np.fft.fftfreq(10))
    for x in (np.arange(7), np.arange(24).reshape(4, 6)):
        close(nfft.fftshift(x), np.fft.fftshift(x))
        close(nfft.ifftshift(x), np.fft.ifftshift(x))
        close(nfft.fftshift(x, axes=0), np.fft.fftshift(x, axes=0))
        close(nfft.ifftshift(x, axes=(-1,)), np.fft.ifftshift(x, axes=(-1,)))


def test_errors():
    with pytest.raises(ValueError):
        nfft.fft(X, n=0)
    with pytest.raises(ValueError):
        nfft.fft(X, norm="sideways")
    with pytest.raises(nc.AxisError):
        nfft.fft(X, axis=5)
    with pytest.raises(ValueError):
        nfft.fftn(X, s=(4, 4, 4), axes=(0, 1))
    with pytest.raises(ValueError):
        nfft.fft([])


def test_large_input():
    big = rng.standard_normal(1 << 16)
    close(nfft.rfft(big), np.fft.rfft(big), rtol=1e-8, atol=1e-8)

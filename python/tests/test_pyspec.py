"""numc.pyplot's spectral plots, 3-D bars / quivers / projection and path effects against
matplotlib 3.6 (Debian's, when importable: the comparisons skip without it)."""
import math

import pytest

import numc
import numc.pyplot as plt
from numc.mpl import patheffects as pe

np = pytest.importorskip("numpy")


def _sig(n=1000):
    return np.random.default_rng(0).standard_normal(n)


def _close(a, b, tol=1e-10):
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape
    assert np.max(np.abs(a - b)) <= tol * max(1.0, np.max(np.abs(b)))


def test_psd_csd_cohere_match_mlab():
    mlab = pytest.importorskip("matplotlib.mlab")
    x, y = _sig(), _sig(1001)[1:]
    fig, ax = plt.subplots()
    P, f = ax.psd(x, NFFT=128, Fs=10, noverlap=32, detrend="mean")
    Pm, fm = mlab.psd(x, NFFT=128, Fs=10, noverlap=32, detrend="mean")
    _close(P, Pm)
    _close(f, fm)
    fig, ax = plt.subplots()
    P, f, line = ax.psd(x, NFFT=64, return_line=True, window=mlab.window_none)
    Pm, fm = mlab.psd(x, NFFT=64, window=mlab.window_none)
    _close(P, Pm)
    assert isinstance(line, plt.Line2D)
    fig, ax = plt.subplots()
    C, f = ax.cohere(x, y, NFFT=128, Fs=4)
    Cm, fm = mlab.cohere(x, y, NFFT=128, Fs=4)
    _close(C, Cm)
    S, f = ax.csd(x, y, NFFT=128)
    Sm, fm = mlab.csd(x, y, NFFT=128)
    _close(np.abs(np.asarray(S)), np.abs(Sm))
    plt.figure()
    P, f = plt.psd(x, NFFT=128)
    _close(P, mlab.psd(x, NFFT=128)[0])
    plt.close("all")


def test_specgram_and_spectra_match_mlab():
    mlab = pytest.importorskip("matplotlib.mlab")
    x = _sig()
    fig, ax = plt.subplots()
    s, f, t, im = ax.specgram(x, NFFT=128, Fs=10, noverlap=64)
    sm, fm, tm = mlab.specgram(x, NFFT=128, Fs=10, noverlap=64)
    _close(s, sm)
    _close(f, fm)
    _close(t, tm)
    assert im is not None
    fig.colorbar(im)
    fig, ax = plt.subplots()
    m, f, line = ax.magnitude_spectrum(x[:200], Fs=5)
    mm, fm = mlab.magnitude_spectrum(x[:200], Fs=5)
    _close(m, mm)
    a, f, _ = ax.angle_spectrum(x[:200])
    _close(a, mlab.angle_spectrum(x[:200])[0])
    p, f, _ = ax.phase_spectrum(x[:200])
    _close(p, mlab.phase_spectrum(x[:200])[0])


def test_xcorr_acorr_match_numpy():
    x, y = _sig(100), _sig(101)[1:]
    fig, ax = plt.subplots()
    lags, c, linecol, b = ax.xcorr(x, y, maxlags=5)
    full = np.correlate(x, y, mode="full")
    full /= math.sqrt(np.dot(x, x) * np.dot(y, y))
    assert list(np.asarray(lags)) == list(range(-5, 6))
    _close(c, full[len(x) - 1 - 5:len(x) + 5])
    assert linecol is not None and b is not None
    lags, c, line, b = ax.acorr(x, usevlines=False, maxlags=None, normed=False)
    assert b is None and len(np.asarray(lags)) == 2 * len(x) - 1
    _close(c, np.correlate(x, x, mode="full"))
    with pytest.raises(ValueError):
        ax.xcorr(x, y, maxlags=200)


def test_spy_and_unknown_keywords():
    fig, ax = plt.subplots()
    z = np.eye(5)
    ax.spy(z)
    ax.spy(z, marker="o", markersize=3)
    for call in (lambda: ax.psd(_sig(), bogus=1), lambda: ax.specgram(_sig(), bogus=1),
                 lambda: ax.xcorr(_sig(10), _sig(10), bogus=1), lambda: ax.spy(z, bogus=1)):
        with pytest.raises(TypeError, match="bogus"):
            call()
    fig.savefig(__import__("io").BytesIO(), format="png")


def _mpl_proj(elev, azim, roll, lims):
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as mplt
    fig = mplt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.set_xlim(*lims[0])
    ax.set_ylim(*lims[1])
    ax.set_zlim(*lims[2])
    ax.view_init(elev, azim, roll)
    M = ax.get_proj()
    mplt.close(fig)
    return M


def test_bar3d_quiver_get_proj():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.bar3d([0, 1, 2], [0, 1, 0], 0, 0.5, 0.5, [1, 2, 3], shade=True)
    ax.quiver([0, 1], [0, 1], [0, 1], [1, 0], [0, 1], [1, 1], length=0.5, normalize=True)
    lims = ((-1.0, 3.0), (-0.5, 2.0), (0.0, 4.0))
    ax.set_xlim(*lims[0])
    ax.set_ylim(*lims[1])
    ax.set_zlim(*lims[2])
    ax.view_init(25, -40, 15)
    _close(ax.get_proj(), _mpl_proj(25, -40, 15, lims))
    ax.set_zbound(1, 3)
    assert ax.get_zbound() == (1.0, 3.0)
    ax.invert_zaxis()
    assert ax.zaxis_inverted()
    ax.set_zmargin(0.1)
    ax.set_proj_type("ortho")
    ax.set_box_aspect((1, 1, 2), zoom=0.9)
    with pytest.raises(ValueError):
        ax.set_proj_type("persp", focal_length=-1)
    with pytest.raises(TypeError, match="bogus"):
        ax.bar3d(0, 0, 0, 1, 1, 1, bogus=2)
    fig.savefig(__import__("io").BytesIO(), format="png")


def test_path_effects_and_sketch():
    fig, ax = plt.subplots()
    fx = [pe.withStroke(linewidth=4, foreground="w"), pe.SimpleLineShadow(),
          pe.Stroke(linewidth=3, foreground=(1, 0, 0)), pe.Normal(), pe.withTickedStroke(angle=0),
          pe.SimplePatchShadow(), pe.withSimplePatchShadow(), pe.TickedStroke(spacing=5)]
    line, = ax.plot([0, 1, 2], [0, 1, 0], path_effects=fx[:2])
    assert line.get_path_effects() == fx[:2]
    line.set_path_effects(fx)
    line.set_sketch_params(1, 100, 2)
    assert line.get_sketch_params() == (1, 100, 2)
    line.set_sketch_params(None)
    line.set(path_effects=[pe.Normal()])
    with pytest.raises(TypeError, match="bogus"):
        pe.Stroke(bogus=1)
    with pytest.raises(TypeError, match="bogus"):
        ax.plot([1, 2], bogus=3)
    with pytest.raises(TypeError):
        line.set_path_effects(["not an effect"])
    fig.savefig(__import__("io").BytesIO(), format="png")


def _red_pixels(path_effects):
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.plot([0, 1], [0, 1], color="b", path_effects=path_effects)
    a = np.asarray(fig.canvas.buffer_rgba()).astype(int)
    plt.close(fig)
    return int(((a[..., 0] > 200) & (a[..., 1] < 60) & (a[..., 2] < 60)).sum())


def test_path_effects_draw():
    """withStroke(foreground='r') draws a red outline around the blue line; Normal alone
    draws none, and a sketch moves the line's pixels."""
    assert _red_pixels(None) == 0
    assert _red_pixels([pe.Normal()]) == 0
    assert _red_pixels([pe.withStroke(linewidth=8, foreground="r")]) > 100
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    line, = ax.plot([0, 1], [0, 1])
    a0 = np.asarray(fig.canvas.buffer_rgba()).copy()
    line.set_sketch_params(5, 20, 2)
    a1 = np.asarray(fig.canvas.buffer_rgba())
    assert (a0 != a1).any()

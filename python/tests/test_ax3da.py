"""numc.pyplot's Axes3D kinds (numc/_pyplot_ax3da.py) against matplotlib 3.6: the same calls
on both, then the limits (autoscaling) compared; keyword errors; the figure survives a
replay."""
import math

import pytest

import numc.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")
    mplt.close("all")


def _lims(ax):
    return [*ax.get_xlim(), *ax.get_ylim(), *ax.get_zlim()]


def _both(fn, tol=1e-9):
    """fn(ax) on a numc and a matplotlib 3-D axes; their limits agree."""
    got = _lims(fn(plt.figure().add_subplot(projection="3d")))
    want = _lims(fn(mplt.figure().add_subplot(projection="3d")))
    assert got == pytest.approx(want, abs=tol), (got, want)


def _ret(call):
    def fn(ax):
        call(ax)
        return ax
    return fn


i, j, k = np.indices((8, 8, 8))
FILLED = ((i < 3) & (j < 3) & (k < 3)) | ((i >= 5) & (j >= 5) & (k >= 5)) | (abs(i - j) + abs(j - k) + abs(k - i) <= 2)
TH = np.linspace(0, 2 * math.pi, 40)
SX, SY = np.cos(TH - math.pi / 2), np.sin(TH - math.pi / 2)


def test_voxels_limits_and_colors():
    colors = np.empty(FILLED.shape, dtype=object)
    colors[...] = "red"
    colors[:3, :3, :3] = "blue"
    _both(_ret(lambda ax: ax.voxels(FILLED, facecolors=colors, edgecolor="k")))


def test_voxels_at_corners():
    cx, cy, cz = np.meshgrid(np.linspace(0, 1, 4) ** 2, np.linspace(0, 2, 4), np.linspace(-1, 1, 4), indexing="ij")
    fill3 = np.ones((3, 3, 3), bool)
    fill3[0, 0, 0] = False
    _both(_ret(lambda ax: ax.voxels(cx, cy, cz, fill3, facecolors="C2")))


def test_stem_orientations():
    _both(_ret(lambda ax: ax.stem(SX, SY, TH)))
    _both(_ret(lambda ax: ax.stem(SX, SY, TH, bottom=-1, orientation="x", linefmt="grey", markerfmt="D")))
    _both(_ret(lambda ax: ax.stem3D(SX, SY, TH, orientation="y", bottom=2)))


def test_errorbar_limits():
    t = np.linspace(0, 2 * math.pi, 60)
    x, y, z = np.sin(t), np.cos(3 * t), np.sin(5 * t)
    _both(_ret(lambda ax: ax.errorbar(x, y, z, zerr=0.2, xerr=0.1, errorevery=5, capsize=2, ecolor="purple")))
    _both(_ret(lambda ax: ax.errorbar(x, y, z, yerr=np.vstack([0.1 + 0 * t, 0.3 + 0 * t]), fmt="o")))


def test_bar_at_zs():
    def bars(ax):
        for c, kk in zip(["r", "g", "b", "y"], [3, 2, 1, 0]):
            bx = np.arange(20)
            ax.bar(bx, 0.5 + 0.5 * np.sin(0.6 * bx + kk), zs=kk, zdir="y", color=c, alpha=0.8)
        return ax
    _both(bars)
    _both(_ret(lambda ax: ax.bar([1, 2, 3], [3, 1, 2], zs=[0, 1, 2], zdir="x", width=0.5, bottom=1)))


def test_tricontour_limits():
    rng = np.random.default_rng(3)
    x, y = rng.random(60), rng.random(60)
    z = np.sin(4 * x) * np.cos(3 * y)
    _both(_ret(lambda ax: ax.tricontour(x, y, z, levels=8)))
    _both(_ret(lambda ax: ax.tricontourf(x, y, z, cmap="viridis")))
    _both(_ret(lambda ax: ax.tricontour(x, y, z, zdir="x", offset=-1)))
    _both(_ret(lambda ax: ax.tricontour(x, y, z, levels=6, extend3d=True, stride=2)))


def test_text_and_text2d_draw(tmp_path):
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.set_xlim(0, 10), ax.set_ylim(0, 10), ax.set_zlim(0, 10)
    for zdir in (None, "x", "y", "z", (1, 1, 0)):
        ax.text(4, 5, 3, "text", zdir, color="red", fontsize=12)
    ax.text3D(1, 1, 1, "t3")
    t = ax.text2D(0.05, 0.95, "2D Text", transform=ax.transAxes)
    assert t.text == "2D Text"
    fig.savefig(tmp_path / "text.png")
    assert (tmp_path / "text.png").stat().st_size > 10000


def test_add_collection3d_and_contour_sets(tmp_path):
    fig = plt.figure()
    ax = fig.add_subplot(1, 2, 1, projection="3d")
    ax.add_collection3d([[(0, 0), (1, 0), (0.5, 1)], [(2, 0), (3, 0), (3, 1)]], zs=[1, 2], zdir="y",
                        facecolors=["r", "b"], alpha=0.5)
    ax.add_collection3d([[(0, 0), (1, 1)]], zs=3, lines=True, edgecolor="k")
    flat = fig.add_subplot(1, 2, 2)
    g = np.linspace(-2, 2, 20)
    cf = flat.contourf(g, g, np.exp(-(g[None, :] ** 2 + g[:, None] ** 2)), levels=5)
    cl = flat.contour(g, g, np.exp(-(g[None, :] ** 2 + g[:, None] ** 2)), levels=5)
    ax.add_contourf_set(cf, offset=-1)
    ax.add_contour_set(cl)
    ax.add_contour_set(cl, extend3d=True, stride=3)
    fig.savefig(tmp_path / "bare.png")
    # numc labels the projected lines (matplotlib's Axes3D.clabel draws nothing)
    assert len(ax.clabel(cl, fontsize=8)) == 1
    fig.savefig(tmp_path / "sets.png")
    assert (tmp_path / "sets.png").read_bytes() != (tmp_path / "bare.png").read_bytes()
    with pytest.raises(ValueError, match="3-D"):
        ax.clabel(cl, manual=[(0, 0)])
    with pytest.raises(TypeError):
        ax.add_contour_set(ax)


def test_unknown_keywords_raise():
    ax = plt.figure().add_subplot(projection="3d")
    for call in (lambda: ax.voxels(FILLED, bogus=1), lambda: ax.stem(SX, SY, TH, bogus=1),
                 lambda: ax.errorbar(SX, SY, TH, bogus=1), lambda: ax.text(0, 0, 0, "s", bogus=1),
                 lambda: ax.text2D(0, 0, "s", bogus=1), lambda: ax.bar([1], [1], bogus=1),
                 lambda: ax.tricontour(SX, SY, TH, bogus=1), lambda: ax.add_collection3d([[(0, 0)]], bogus=1)):
        with pytest.raises(TypeError, match="bogus"):
            call()


def test_bad_values_and_replay(tmp_path):
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.stem(SX, SY, TH)
    with pytest.raises(Exception, match="orientation"):
        ax.stem(SX, SY, TH, orientation="w")
    with pytest.raises(Exception, match="zdir"):
        ax.text(0, 0, 0, "s", "w")
    # the failed calls are gone; the figure still draws what came before
    ax.voxels(FILLED[:2, :2, :2])
    fig.savefig(tmp_path / "replay.png")
    assert ax.get_zlim()[1] >= 2 * math.pi

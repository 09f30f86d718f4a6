"""numc.pyplot's Axes3D state calls (set_aspect's equal modes, sharez, z ticks, margins,
autoscale, auto_scale_xyz, get_axis_position, set) against matplotlib 3.6 run side by side
(Debian's, when importable: the comparisons skip without it)."""
import math

import pytest

import numc.pyplot as plt

mpl_pyplot = pytest.importorskip("matplotlib.pyplot")


def _pair(fig_kw=None):
    fig_kw = fig_kw or {}
    f1 = plt.figure(**fig_kw)
    a1 = f1.add_subplot(projection="3d")
    f2 = mpl_pyplot.figure(**fig_kw)
    a2 = f2.add_subplot(projection="3d")
    return (f1, a1), (f2, a2)


def _lims(ax):
    return list(ax.get_xlim()) + list(ax.get_ylim()) + list(ax.get_zlim())


def _close(a, b, tol=1e-9):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert math.isclose(x, y, rel_tol=tol, abs_tol=tol), (a, b)


@pytest.mark.parametrize("mode", ["auto", "equal", "equalxy", "equalxz", "equalyz"])
def test_set_aspect_modes(mode):
    (f1, a1), (f2, a2) = _pair()
    for ax in (a1, a2):
        ax.plot([0, 4], [0, 1], [0, 10])
        ax.set_aspect(mode)
    _close(_lims(a1), _lims(a2))
    assert a1.get_aspect() == mode
    mpl_pyplot.close(f2)


def test_margins_autoscale_and_auto_scale_xyz():
    (f1, a1), (f2, a2) = _pair()
    for ax in (a1, a2):
        ax.scatter([1, 3, 2], [-1, 4, 0], [10, 20, 15])
    _close(a1.margins(), a2.margins())
    for ax in (a1, a2):
        ax.margins(0.1, 0.2, 0.3)
    _close(_lims(a1), _lims(a2))
    (f1, a1), (f2, a2) = _pair()
    for ax in (a1, a2):
        ax.auto_scale_xyz([0, 2], [1, 5], [-1, 3])
        ax.auto_scale_xyz([-4, 1], [2, 3], [0, 7], had_data=True)
    _close(_lims(a1), _lims(a2))
    (f1, a1), (f2, a2) = _pair()
    for ax in (a1, a2):
        ax.plot([0, 1], [0, 1], [0, 1])
        ax.autoscale(False, axis="z")
        ax.plot([0, 5], [0, 5], [0, 5])
    _close(_lims(a1), _lims(a2))
    mpl_pyplot.close("all")


def test_axis_position_and_z_ticks():
    for view in [(30, -60), (-30, -60), (30, 60), (10, 150), (-60, 200)]:
        (f1, a1), (f2, a2) = _pair()
        for ax in (a1, a2):
            ax.view_init(*view)
        f2.canvas.draw()
        assert a1.get_axis_position() == a2.get_axis_position(), view
        mpl_pyplot.close(f2)
    (f1, a1), (f2, a2) = _pair(dict(figsize=(6.4, 4.8), dpi=100))
    for ax in (a1, a2):
        ax.set_zlim(-3.7, 12.2)
    f2.canvas.draw()
    want = [(t, l.get_text()) for t, l in zip(a2.get_zticks(), a2.get_zticklabels())
            if -3.7 <= t <= 12.2]
    got = list(zip(a1.get_zticks(), a1.get_zticklabels()))
    assert got == want
    assert a1.get_zminorticklabels() == []
    assert len(a1.get_zgridlines()) == len(want)
    mpl_pyplot.close(f2)


def test_sharez_set_and_errors():
    f = plt.figure()
    a1 = f.add_subplot(1, 2, 1, projection="3d")
    a2 = f.add_subplot(1, 2, 2, projection="3d")
    a1.plot([0, 1], [0, 1], [0, 5])
    a2.sharez(a1)
    a1.set_zlim(-1, 7)
    assert a2.get_zlim() == (-1.0, 7.0)
    a1.set(zlabel="height", zlim=(0, 20), aspect="equalxz", title="t")
    assert a1.get_zlim() == (0.0, 20.0) and a2.get_zlim() == (0.0, 20.0)
    assert a1.get_aspect() == "equalxz"
    with pytest.raises(ValueError):
        a1.set_xscale("log")
    with pytest.raises(Exception, match="square"):
        a1.set_aspect("square")
    with pytest.raises(TypeError, match="anchor"):
        a1.set_aspect("equal", anchor="C")
    a1.tick_params(axis="z", colors="red")
    f.savefig("/dev/null", format="png")


def test_zaxis_date():
    (f1, a1), (f2, a2) = _pair(dict(figsize=(6.4, 4.8), dpi=100))
    for ax in (a1, a2):
        ax.set_zlim(19000, 19100)
        ax.zaxis_date()
    f2.canvas.draw()
    want = [l.get_text() for t, l in zip(a2.get_zticks(), a2.get_zticklabels()) if 19000 <= t <= 19100]
    assert a1.get_zticklabels() == want
    mpl_pyplot.close(f2)

"""Issue 21: editing artists after the fact from numc.pyplot (plot.h "artists after the
fact": nplot_artist_* by index, nplot_relim, nplot_cla, nplot_fig_delaxes), compared with
matplotlib 3.6: limits after set_data + relim, visibility, removal, legends, cla, delaxes,
and TypeError / ValueError for bad calls."""
import pytest

import numc as nc
import numc.pyplot as plt
from numc._core import _plot2

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")
    mplt.close("all")


def _both(fn):
    """Run fn(plt-module) with numc and with matplotlib: (numc result, matplotlib result)."""
    return fn(plt), fn(mplt)


def _lims(ax):
    return tuple(ax.get_xlim()) + tuple(ax.get_ylim())


@pytest.mark.parametrize("relim", [False, True])
def test_set_data_then_relim_matches_matplotlib(relim):
    def run(p):
        fig, ax = p.subplots()
        line, = ax.plot([0, 1, 2], [0, 1, 4])
        line.set_data([0, 10, 20], [5, -5, 50])
        if relim:
            ax.relim()
            ax.autoscale_view()
        fig.canvas.draw()
        return _lims(ax), list(line.get_xdata()), list(line.get_ydata())
    ours, theirs = _both(run)
    assert ours[0] == pytest.approx(theirs[0], abs=1e-9)
    assert ours[1] == theirs[1] and ours[2] == theirs[2]


def test_set_xdata_set_ydata_and_offsets():
    def run(p):
        fig, ax = p.subplots()
        line, = ax.plot([0, 1, 2], [0, 1, 4])
        line.set_xdata([1, 2, 3])
        line.set_ydata([3, 2, 1])
        ax.relim()
        ax.autoscale_view()
        fig.canvas.draw()
        return _lims(ax)
    ours, theirs = _both(run)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_set_offsets_moves_the_points():
    # matplotlib's relim skips collections ("Collection instances are not supported");
    # numc's nplot_relim counts every artist, so the view takes the new offsets in
    fig, ax = plt.subplots()
    ax.plot([1, 3], [1, 3])
    sc = ax.scatter([0, 1], [0, 1])
    sc.set_offsets([[5, 6], [7, -8], [9, 10]])
    ax.relim()
    fig.canvas.draw()
    assert _lims(ax) == pytest.approx((0.6, 9.4, -8.9, 10.9), abs=1e-9)
    with pytest.raises(ValueError):
        sc.set_offsets([[1, 2, 3]])


def test_remove_changes_relim_and_legend():
    def run(p):
        fig, ax = p.subplots()
        a, = ax.plot([0, 1], [0, 1], label="a")
        b, = ax.plot([0, 100], [0, 100], label="b")
        b.remove()
        ax.relim()
        ax.autoscale_view()
        leg = ax.legend()
        fig.canvas.draw()
        return _lims(ax), [t.get_text() for t in leg.get_texts()]
    ours, theirs = _both(run)
    assert ours[0] == pytest.approx(theirs[0], abs=1e-9)
    assert ours[1] == theirs[1] == ["a"]


def test_setters_reach_the_c_artist_and_replay():
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1], label="x")
    t = ax.text(0.5, 0.5, "before")
    assert line.get_visible() is True
    line.set_visible(False)
    assert line.get_visible() is False
    line.set_visible(True)
    line.set_color("red")
    line.set_linewidth(4)
    line.set_alpha(0.5)
    line.set_zorder(10)
    line.set_label("renamed")
    t.set_text("after")
    assert t.get_text() == "after"
    i = ax._py21_arts.index(line._toks[0])
    assert _plot2.artist_info(ax._h, i) == ("line", True)
    # a replay (forced by an old-style edit) makes the same artists with the same edits
    fig._replay()
    assert _plot2.artist_count(ax._h) == len(ax._py21_arts) == 2
    img = fig.canvas.buffer_rgba()
    assert len(img) > 0
    leg = ax.legend()
    texts = [t.get_text() if hasattr(t, "get_text") else t for t in leg.get_texts()]
    assert texts == ["renamed"]


def test_pixels_follow_set_color():
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    line, = ax.plot([0, 1], [0.5, 0.5], lw=8)
    ax.set_axis_off()
    line.set_color("red")
    a = nc.asarray(fig._to_array())
    mid = a[50, 50].tolist()
    assert mid[0] > 200 and mid[1] < 60 and mid[2] < 60
    line.set_visible(False)
    a = nc.asarray(fig._to_array())
    assert a[50, 50].tolist()[:3] == [255, 255, 255]


def test_cla_resets_like_matplotlib():
    def run(p):
        fig, (a1, a2) = p.subplots(1, 2)
        a1.plot([0, 50], [0, 50])
        a1.set_title("t")
        a1.set_xscale("log")
        a2.plot([1, 2], [3, 4])
        a1.cla()
        a1.plot([0, 2], [0, 3])
        fig.canvas.draw()
        return _lims(a1), a1.get_xscale() if hasattr(a1, "get_xscale") else "linear"
    ours, theirs = _both(run)
    assert ours[0] == pytest.approx(theirs[0], abs=1e-9)


def test_delaxes_removes_the_axes():
    def run(p):
        fig, (a1, a2) = p.subplots(1, 2)
        a1.plot([1, 2])
        fig.delaxes(a2)
        return len(fig.axes), tuple(a1.get_position().bounds)
    ours, theirs = _both(run)
    assert ours[0] == theirs[0] == 1
    assert ours[1] == pytest.approx(theirs[1], abs=1e-9)
    fig, ax = plt.subplots()
    with pytest.raises(ValueError):
        fig.delaxes(plt.subplots()[1])


def test_bad_edits_raise():
    fig, ax = plt.subplots()
    line, = ax.plot([0, 1], [0, 1])
    with pytest.raises(ValueError):
        line.set_data([1, 2, 3], [1, 2])
    with pytest.raises(ValueError):
        line.set_alpha(2.0)
    with pytest.raises(ValueError):
        line.set_color("notacolor")
    line.remove()
    with pytest.raises(ValueError):
        line.set_color("red")
    with pytest.raises(TypeError):
        ax.relim(visible_only=True)
    with pytest.raises(TypeError):
        line.set(foo=1)


@pytest.mark.parametrize("m", range(12))
def test_integer_markers(m):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2], marker=m)
    fig.canvas.draw()
    with pytest.raises(ValueError):
        ax.plot([1], [1], marker=12)

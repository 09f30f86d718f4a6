"""numc.pyplot's layout='constrained' against matplotlib 3.6's positions
(scripts/mpl_constrained_reference.py, tests/data/plot/constrained/ref.txt; 6 px at 100 dpi
as in tests/test_plot_constrained.c: numc's text lines are measured ~2.5 px taller)."""
import os

import pytest

import numc.pyplot as plt

REF = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "plot", "constrained",
                   "ref.txt")
X = [0, 1, 2, 4]
Y = [0, 3, 1, 4]


def ref(name):
    with open(REF) as f:
        for line in f:
            k, *v = line.split()
            if k == name:
                return [float(t) for t in v]
    raise KeyError(name)


def close(ax, name):
    got = ax.get_position().bounds
    want = ref(name)
    ge = [got[0], got[1], got[0] + got[2], got[1] + got[3]]
    we = [want[0], want[1], want[0] + want[2], want[1] + want[3]]
    for e in range(4):
        assert abs(ge[e] - we[e]) * (480 if e % 2 else 640) <= 6.0, (name, e, ge, we)


def test_subplots_layout_constrained():
    fig, axs = plt.subplots(2, 2, layout="constrained")
    for a in axs.ravel() if hasattr(axs, "ravel") else [a for r in axs for a in r]:
        a.plot(X, Y)
    fig.suptitle("A super title")
    fig.supxlabel("common x")
    fig.supylabel("common y")
    fig.canvas.draw()
    flat = axs.ravel() if hasattr(axs, "ravel") else [a for r in axs for a in r]
    for k, a in enumerate(flat):
        close(a, "fig5_ax%d" % k)
    assert fig.get_layout_engine() == "constrained"
    assert fig.get_constrained_layout()
    plt.close(fig)


def test_figure_constrained_layout_true_and_pads():
    fig = plt.figure(constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(X, Y)
    ax.set_xlabel("x label")
    ax.set_ylabel("y label")
    ax.set_title("title")
    fig.canvas.draw()
    close(ax, "fig1_ax0")
    w, h, ws, hs = fig.get_constrained_layout_pads()
    assert (w, h, ws, hs) == pytest.approx((3 / 72, 3 / 72, 0.02, 0.02))
    fig.set_constrained_layout_pads(w_pad=0.5)
    assert fig.get_constrained_layout_pads()[0] == 0.5
    fig.canvas.draw()
    # half an inch each side now
    assert ax.get_position().bounds[0] > 0.5 / 6.4
    fig.set_layout_engine("none")
    assert fig.get_layout_engine() is None
    fig.canvas.draw()
    assert ax.get_position().bounds[0] == pytest.approx(0.125)
    plt.close(fig)


def test_bad_layout():
    with pytest.raises(TypeError):
        plt.figure(layout="constrianed")
    fig = plt.figure()
    with pytest.raises(ValueError):
        fig.set_layout_engine("compressed!")
    plt.close(fig)

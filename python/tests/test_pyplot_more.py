"""numc.pyplot's names for plot.h's newer features, compared structurally with matplotlib
(axes positions, tick labels, legend texts, rcParams values): subplot_mosaic (string and
nested lists), fig.legend and several legends (ax.add_artist), sharex / sharey with any
axes, supxlabel / supylabel, nested gridspecs, secondary axes with Python functions,
rcParams / rc_context / style / matplotlibrc files, 'xkcd:' colors. The image comparison of
a mosaic + legends figure is the seed example mosaic_legend.py (test_pyplot_seed.py)."""
import threading

import pytest

import numc as nc
import numc.mpl as nmpl
import numc.pyplot as plt
from numc._core import _plot
from numc.mpl.gridspec import GridSpec, GridSpecFromSubplotSpec

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
from matplotlib.gridspec import GridSpec as MGridSpec, GridSpecFromSubplotSpec as MGridSub  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")
    mplt.close("all")
    plt.rcdefaults()
    mplt.rcdefaults()


def _txt(t):
    """A tick label's text: matplotlib's Text objects, numc's plain strings."""
    return t.get_text() if hasattr(t, "get_text") else t


def _bounds(ax):
    return ax.get_position().bounds


def _same_bounds(a, b, tol=1e-6):
    return all(abs(x - y) < tol for x, y in zip(a, b))


MOSAICS = [
    "AB;CC",
    "AAB\nC.B",
    """
    ABC
    DDC
    """,
    [["A", "B"], ["C", "C"]],
    [["top", "top"], ["left", "right"]],
    [["A", [["B1", "B2"], ["B3", "B4"]]], ["C", "C"]],
    [["main", [["s1"], ["s2"]]], ["bottom", "bottom"]],
]


@pytest.mark.parametrize("layout", MOSAICS, ids=[str(i) for i in range(len(MOSAICS))])
def test_mosaic_positions_match_matplotlib(layout):
    fig, axd = plt.subplot_mosaic(layout, figsize=(7, 5))
    mfig, maxd = mplt.subplot_mosaic(layout, figsize=(7, 5))
    assert set(axd) == set(maxd)
    assert isinstance(axd, dict)
    for k in axd:
        assert _same_bounds(_bounds(axd[k]), _bounds(maxd[k])), (k, _bounds(axd[k]), _bounds(maxd[k]))


def test_mosaic_options_match_matplotlib():
    kw = dict(width_ratios=[2, 1], height_ratios=[1, 3], gridspec_kw={"wspace": 0.4, "hspace": 0.1})
    fig, axd = plt.subplot_mosaic("AB;CD", figsize=(6, 6), **kw)
    mfig, maxd = mplt.subplot_mosaic("AB;CD", figsize=(6, 6), **kw)
    for k in "ABCD":
        assert _same_bounds(_bounds(axd[k]), _bounds(maxd[k]))
    fig, axd = plt.subplot_mosaic("A.;BC", empty_sentinel=".")
    assert sorted(axd) == ["A", "B", "C"]
    fig, axd = plt.subplot_mosaic("AB;CD", sharex=True, sharey=True)
    mfig, maxd = mplt.subplot_mosaic("AB;CD", sharex=True, sharey=True)
    axd["A"].plot([0, 100], [0, 1])
    maxd["A"].plot([0, 100], [0, 1])
    mfig.canvas.draw()
    assert axd["D"].get_xlim() == pytest.approx(maxd["D"].get_xlim())
    assert axd["D"].get_ylim() == pytest.approx(maxd["D"].get_ylim())
    with pytest.raises(ValueError):
        plt.subplot_mosaic("AB;BA")        # B is not one rectangle
    with pytest.raises(TypeError, match="hspacing"):
        plt.subplot_mosaic("AB", gridspec_kw={"hspacing": 1})


def _texts(leg):
    return [t.get_text() for t in leg.get_texts()]


def test_figure_legend_and_several_legends():
    def draw(p):
        fig, axd = p.subplot_mosaic("AB")
        axd["A"].plot([1, 2], label="one")
        axd["A"].plot([2, 1], label="two")
        axd["B"].scatter([1, 2], [3, 4], label="pts")
        axd["B"].plot([0, 1], label="_hidden")
        legs = [fig.legend(loc="upper left"), fig.legend(["x", "y", "z"], loc="lower right")]
        first = axd["A"].legend(loc="upper left")
        axd["A"].add_artist(first)
        axd["A"].plot([1, 1], label="three")
        legs += [first, axd["A"].legend(loc="lower right"), axd["B"].legend(["p"])]
        return fig, legs

    fig, legs = draw(plt)
    mfig, mlegs = draw(mplt)
    assert [_texts(g) for g in legs] == [_texts(g) for g in mlegs]
    fig.canvas.draw()


def test_figure_legend_handles_and_errors():
    fig, (a, b) = plt.subplots(1, 2)
    l1, = a.plot([1, 2])
    l2, = b.plot([2, 1])
    leg = fig.legend([l1, l2], ["left", "right"], loc="upper center", ncols=2)
    assert _texts(leg) == ["left", "right"]
    mfig, (ma, mb) = mplt.subplots(1, 2)
    m1, = ma.plot([1, 2])
    m2, = mb.plot([2, 1])
    assert _texts(mfig.legend([m1, m2], ["left", "right"], loc="upper center", ncols=2)) == _texts(leg)
    with pytest.raises(TypeError, match="shadowing"):
        fig.legend(shadowing=True)
    with pytest.raises(ValueError):
        plt.figure().gca().legend(["a", "b"], mode="bad")


def test_sharex_sharey_with_any_axes():
    def draw(p):
        fig = p.figure()
        a1 = fig.add_subplot(2, 2, 1)
        a2 = fig.add_subplot(2, 2, 4, sharex=a1, sharey=a1)
        a3 = fig.add_subplot(2, 2, 2)
        a3.sharex(a2)
        gs = fig.add_gridspec(2, 2)
        a4 = fig.add_subplot(gs[1, 0], sharey=a3)
        a1.plot([0, 50], [10, 20])
        a3.plot([0, 80], [-5, 5])
        a4.plot([0, 1], [0, 1])
        fig.canvas.draw()
        return [(ax.get_xlim(), ax.get_ylim()) for ax in (a1, a2, a3, a4)], \
            [_in_range_labels(ax, "x") for ax in (a1, a2, a3)]

    lims, labels = draw(plt)
    mlims, mlabels = draw(mplt)
    for (x, y), (mx, my) in zip(lims, mlims):
        assert x == pytest.approx(mx) and y == pytest.approx(my)
    assert labels == mlabels
    fig = plt.figure()
    ax = fig.add_subplot(1, 2, 1)
    other = plt.figure().add_subplot(1, 1, 1)
    with pytest.raises(ValueError):
        ax.sharex(other)                  # another figure's axes
    with pytest.raises(TypeError, match="sharez"):
        fig.add_subplot(1, 2, 2, sharez=ax)


def test_supxlabel_supylabel():
    fig, axs = plt.subplots(2, 2)
    fig.supxlabel("time", fontsize=14)
    fig.supylabel("value", color="tab:red")
    fig.supxlabel("time (s)")               # replaces
    fig.canvas.draw()
    with pytest.raises(TypeError, match="fontsizes"):
        fig.supxlabel("x", fontsizes=3)


def test_nested_gridspec_matches_matplotlib():
    def draw(p, G, Sub):
        fig = p.figure(figsize=(8, 5))
        gs = G(1, 2, figure=fig, width_ratios=[2, 1])
        inner = Sub(2, 2, subplot_spec=gs[0, 0], wspace=0.05, hspace=0.3)
        axs = [fig.add_subplot(inner[i, j]) for i in range(2) for j in range(2)]
        right = gs[0, 1].subgridspec(3, 1, hspace=0.0)
        axs += [fig.add_subplot(right[k, 0]) for k in range(3)]
        return [_bounds(a) for a in axs]

    ours = draw(plt, GridSpec, GridSpecFromSubplotSpec)
    theirs = draw(mplt, MGridSpec, MGridSub)
    for a, b in zip(ours, theirs):
        assert _same_bounds(a, b), (a, b)


def _in_range_labels(ax, which):
    lo, hi = sorted(getattr(ax, "get_%slim" % which)())
    ticks = getattr(ax, "get_%sticks" % which)()
    labels = [_txt(t) for t in getattr(ax, "get_%sticklabels" % which)()]
    eps = (hi - lo) * 1e-9
    return [lab.replace("\u2212", "-") for t, lab in zip(ticks, labels) if lo - eps <= t <= hi + eps]


@pytest.mark.parametrize("which,loc", [("x", "top"), ("x", "bottom"), ("y", "right"), ("y", 0.2)])
def test_secondary_axis_functions_match_matplotlib(which, loc):
    def draw(p):
        fig, ax = p.subplots()
        ax.plot([0, 90], [0, 300])
        fwd = lambda v: v * 3.6 + 10.0    # noqa: E731
        inv = lambda v: (v - 10.0) / 3.6  # noqa: E731
        sec = getattr(ax, "secondary_%saxis" % which)(loc, functions=(fwd, inv))
        getattr(sec, "set_%slabel" % which)("converted")
        fig.canvas.draw()
        return sec

    sec, msec = draw(plt), draw(mplt)
    assert _in_range_labels(sec, which) == _in_range_labels(msec, which)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_secondary_axis_runs_python_without_the_gil_held_by_numc(tmp_path):
    """savefig draws without the GIL; the functions take it back. Another Python thread
    keeps running meanwhile, and a failing function is reported, not a crash."""
    fig, ax = plt.subplots()
    ax.plot(nc.linspace(1, 100, 50000), nc.linspace(0, 1, 50000))
    calls = []

    def fwd(v):
        calls.append(threading.get_ident())
        return 1.0 / v

    sec = ax.secondary_xaxis("top", functions=(fwd, lambda v: 1.0 / v))
    sec.set_xlabel("period")
    ticker = []
    stop = threading.Event()
    t = threading.Thread(target=lambda: [ticker.append(1) for _ in iter(lambda: stop.is_set(), True)])
    t.start()
    try:
        fig.savefig(str(tmp_path / "sec.png"))
    finally:
        stop.set()
        t.join()
    assert calls and (tmp_path / "sec.png").stat().st_size > 1000
    fig2, ax2 = plt.subplots()
    ax2.plot([0, 1])

    def bad(v):
        raise RuntimeError("boom")
    ax2.secondary_yaxis("right", functions=(bad, bad))
    with pytest.raises(Exception):
        fig2.savefig(str(tmp_path / "bad.png"))
    with pytest.raises(ValueError):
        ax2.secondary_xaxis("top", functions=(bad,))
    with pytest.raises(TypeError, match="colour"):
        ax2.secondary_xaxis("top", colour="r")


RC_KEYS = ["figure.figsize", "figure.dpi", "font.size", "axes.grid", "axes.facecolor",
           "lines.linewidth", "grid.alpha", "legend.frameon", "xtick.direction", "axes.titlesize",
           "savefig.dpi", "image.cmap", "legend.fontsize", "axes.linewidth", "ytick.major.size"]


def _norm(v):
    if isinstance(v, (list, tuple)):
        return [float(x) for x in v]
    if isinstance(v, str):
        try:
            return float(v)      # '.8' and '0.8' are one gray
        except ValueError:
            return v.lower()
    return v


def test_rcparams_match_matplotlib():
    for k in RC_KEYS:
        assert _norm(plt.rcParams[k]) == _norm(mpl.rcParams[k]), k
    assert set(RC_KEYS) <= set(plt.rcParams.keys())
    plt.rcParams["lines.linewidth"] = 3
    plt.rcParams.update({"axes.grid": True, "figure.figsize": (3, 2)})
    assert plt.rcParams["lines.linewidth"] == 3.0 and plt.rcParams["axes.grid"] is True
    assert plt.rcParams["figure.figsize"] == [3.0, 2.0]
    assert _plot.pixel_size(plt.figure()._h) == (300, 200)
    with pytest.raises(KeyError):
        plt.rcParams["lines.linewidht"] = 2
    with pytest.raises(ValueError):
        plt.rcParams["axes.grid"] = "sometimes"
    assert plt.rcParams is nmpl.rcParams


def test_rc_context_and_rc():
    with plt.rc_context({"font.size": 14, "axes.grid": True}):
        assert plt.rcParams["font.size"] == 14.0 and plt.rcParams["axes.grid"] is True
        with plt.rc_context({"font.size": 20}):
            assert plt.rcParams["font.size"] == 20.0
        assert plt.rcParams["font.size"] == 14.0
    assert plt.rcParams["font.size"] == 10.0 and plt.rcParams["axes.grid"] is False
    with pytest.raises(RuntimeError):
        with plt.rc_context({"font.size": 30}):
            raise RuntimeError("inside")
    assert plt.rcParams["font.size"] == 10.0
    plt.rc("lines", lw=4, ls="--")
    mplt.rc("lines", lw=4, ls="--")
    assert plt.rcParams["lines.linewidth"] == mpl.rcParams["lines.linewidth"]
    assert plt.rcParams["lines.linestyle"] == mpl.rcParams["lines.linestyle"]


@pytest.mark.parametrize("name", ["ggplot", "bmh", "dark_background", "fivethirtyeight",
                                  "grayscale", "classic", "seaborn-v0_8-whitegrid", "Solarize_Light2"])
def test_style_use_matches_matplotlib(name):
    assert name in plt.style.available and name in mplt.style.available
    plt.style.use(name)
    mplt.style.use(name)
    for k in ("axes.facecolor", "axes.edgecolor", "axes.grid", "lines.linewidth", "font.size",
              "figure.facecolor", "grid.color"):
        assert _norm(plt.rcParams[k]) == _norm(mpl.rcParams[k]), (name, k)
    plt.style.use("default")
    assert plt.rcParams["axes.facecolor"] == "white"


def test_style_context_and_available():
    assert set(plt.style.available) <= set(mplt.style.available) | {"seaborn"}
    with plt.style.context("ggplot"):
        assert plt.rcParams["axes.grid"] is True
    assert plt.rcParams["axes.grid"] is False
    with pytest.raises(ValueError):
        plt.style.use("no-such-style")


def test_matplotlibrc_file(tmp_path):
    rc = tmp_path / "matplotlibrc"
    rc.write_text('# a comment\nlines.linewidth : 2.5\naxes.facecolor: "#eeeeee"  # trailing\n'
                  "font.size: 12\nfigure.figsize: 5, 3\n")
    nmpl.rc_file(rc)
    mpl.rc_file(str(rc))
    for k in ("lines.linewidth", "axes.facecolor", "font.size", "figure.figsize"):
        assert _norm(plt.rcParams[k]) == _norm(mpl.rcParams[k]), k
    bad = tmp_path / "bad.rc"
    bad.write_text("lines.linewidth: 2\nfont.size: huge-ish\n")
    with pytest.raises(ValueError):
        nmpl.rc_file(bad)
    assert plt.rcParams["lines.linewidth"] == 2.5    # all or nothing
    with pytest.raises(OSError):
        nmpl.rc_file(tmp_path / "missing")


@pytest.mark.parametrize("name", ["xkcd:sky blue", "xkcd:burnt orange", "xkcd:dark teal", "xkcd:puce"])
def test_xkcd_colors(name):
    from matplotlib.colors import to_rgba
    assert nmpl.colors.to_rgba(name) == pytest.approx(to_rgba(name), abs=1 / 255)
    fig, ax = plt.subplots()
    ax.plot([0, 1], color=name)
    ax.bar([1], [2], color=name)
    fig.canvas.draw()

"""numc.pyplot's Axes / Figure properties, inset axes, arrows, ticklabel_format,
locator_params, figure images and label alignment (issue 21, numc/_pyplot_pyprops.py),
each compared with matplotlib 3.6 run on the same calls in the same process."""
import pytest

import numc.pyplot as plt
from numc._core import _plot4

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402


pytestmark = pytest.mark.usefixtures("close_figures")


def _both(fn):
    return fn(plt), fn(mplt)


def _near(a, b, tol):
    assert len(a) == len(b), (a, b)
    for u, v in zip(a, b):
        assert abs(u - v) <= tol, (a, b)


def _draw(fig):
    if hasattr(fig, "canvas"):
        fig.canvas.draw()


@pytest.mark.parametrize("anchor", ["SW", "C", "NE", (0.25, 0.75)])
@pytest.mark.parametrize("aspect,adjustable", [(2.0, "box"), ("equal", "box"), (0.5, "box")])
def test_positions_after_set_aspect_and_anchor(anchor, aspect, adjustable):
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4))
        ax.plot([0, 1, 2], [0, 4, 2])
        ax.set_aspect(aspect, adjustable=adjustable, anchor=anchor)
        _draw(fig)
        return (ax.get_position().bounds, ax.get_position(original=True).bounds,
                ax.get_anchor(), ax.get_adjustable())
    n, m = _both(run)
    _near(n[0], m[0], 1e-6)
    _near(n[1], m[1], 1e-9)
    assert tuple(n[2]) == tuple(m[2]) if not isinstance(m[2], str) else n[2] == m[2]
    assert n[3] == m[3]


def test_box_aspect_position():
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4))
        ax.plot([0, 1], [0, 1])
        ax.set_box_aspect(0.5)
        _draw(fig)
        return ax.get_position().bounds, ax.get_box_aspect(), ax.get_adjustable()
    n, m = _both(run)
    _near(n[0], m[0], 1e-6)
    assert n[1:] == m[1:] == (0.5, "datalim")


def test_get_position_after_set_position():
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4))
        ax.plot([0, 1], [0, 1])
        ax.set_position([0.2, 0.15, 0.5, 0.6])
        a = ax.get_position(original=True).bounds
        b = ax.get_position().bounds
        ax.reset_position()
        _draw(fig)
        return a, b, ax.get_position().bounds
    n, m = _both(run)
    for u, v in zip(n, m):
        _near(u, v, 1e-9)
    assert n[0] == pytest.approx((0.2, 0.15, 0.5, 0.6))


@pytest.mark.parametrize("invert", [False, True])
def test_xbound_with_inverted_axes(invert):
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 10], [0, 5])
        if invert:
            ax.invert_xaxis()
            ax.invert_yaxis()
        b0 = ax.get_xbound()
        ax.set_xbound(2, 8)
        ax.set_ybound(upper=4)
        return (b0, ax.get_xbound(), ax.get_xlim(), ax.get_ybound(), ax.get_ylim(),
                ax.xaxis_inverted(), ax.yaxis_inverted())
    n, m = _both(run)
    for u, v in zip(n, m):
        if isinstance(u, bool):
            assert u == bool(v)
        else:
            _near(tuple(u), tuple(v), 1e-9)


def test_getters_match_matplotlib():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([1, 2, 3], [1, 10, 100], label="line")
        ax.plot([1, 2], [3, 4], label="_hidden")
        ax.scatter([1], [2], label="pts")
        ax.set_title("Centre")
        ax.set_title("L", loc="left")
        ax.set_xlabel("xx")
        ax.set_ylabel("yy")
        ax.set_yscale("log")
        ax.set_alpha(0.25)
        ax.set_zorder(3)
        ax.set_gid("g1")
        ax.set_label("the axes")
        ax.set_frame_on(False)
        ax.set_rasterization_zorder(1.5)
        ax.set_in_layout(False)
        _draw(fig)
        return (ax.get_title(), ax.get_title("left"), ax.get_title("right"), ax.get_xlabel(),
                ax.get_ylabel(), ax.get_xscale(), ax.get_yscale(), ax.get_alpha(),
                ax.get_zorder(), ax.get_gid(), ax.get_label(), ax.get_frame_on(),
                ax.get_rasterization_zorder(), ax.get_in_layout(), ax.get_autoscalex_on(), ax.get_visible(), ax.has_data(),
                ax.get_legend_handles_labels()[1], ax.get_axisbelow(),
                tuple(ax.get_facecolor()), round(ax.get_data_ratio(), 9))
    n, m = _both(run)
    assert n == m


def test_has_data_and_update_datalim():
    def run(p):
        fig, ax = p.subplots()
        h0 = ax.has_data()
        ax.text(0.5, 0.5, "t")
        h1 = ax.has_data()
        ax.plot([0, 1], [0, 1])
        ax.update_datalim([(-3, 2), (5, 7)])
        ax.autoscale_view()
        return h0, h1, ax.has_data(), ax.get_xlim(), ax.get_ylim()
    n, m = _both(run)
    assert n[:3] == m[:3] == (False, False, True)
    _near(n[3] + n[4], tuple(m[3]) + tuple(m[4]), 1e-9)


def test_contains_point():
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4), dpi=100)
        _draw(fig)
        return [ax.contains_point(pt) for pt in ((300, 200), (10, 10), (76, 45), (74, 45))]
    n, m = _both(run)
    assert n == m


@pytest.mark.parametrize("bounds,data", [((0.5, 0.5, 0.4, 0.4), False),
                                         ((0.1, 0.6, 0.3, 0.3), False),
                                         ((1, 1, 0.5, 1), True)])
def test_inset_axes_position(bounds, data):
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4))
        ax.plot([0, 2], [0, 4])
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 4)
        ins = ax.inset_axes(bounds, transform=ax.transData if data else None)
        ins.plot([0, 1], [1, 0])
        ax.indicate_inset_zoom(ins)
        _draw(fig)
        return ins.get_position().bounds, len(fig.get_axes())
    n, m = _both(run)
    _near(n[0], m[0], 1e-9)
    assert n[1] == m[1] == 1     # inset axes are child axes, not in fig.axes


@pytest.mark.parametrize("kw,lim", [
    (dict(axis="y", style="sci", scilimits=(0, 0)), (0, 40000)),
    (dict(axis="y", style="plain"), (0, 4e6)),
    (dict(axis="both", useOffset=False), (1000, 1001)),
    (dict(axis="y", useOffset=1000), (1000, 1001)),
    (dict(axis="y", scilimits=(-2, 2)), (0, 500)),
])
def test_ticklabel_format_tick_labels(kw, lim):
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 1], list(lim))
        ax.set_ylim(*lim)
        ax.ticklabel_format(**kw)
        _draw(fig)
        return [getattr(t, "get_text", lambda: t)() for t in ax.get_yticklabels()]
    n, m = _both(run)
    assert n == m


def test_locator_params_ticks():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 10], [0, 10])
        ax.locator_params(axis="x", nbins=3)
        ax.locator_params(axis="y", steps=[1, 5])
        _draw(fig)
        return _in_view(ax.get_xticks(), ax.get_xlim()), _in_view(ax.get_yticks(), ax.get_ylim())
    n, m = _both(run)
    assert n == m
    assert len(n[0]) == 3


def _in_view(ticks, lim):
    lo, hi = min(lim), max(lim)
    return [float(t) for t in ticks if lo - 1e-9 <= t <= hi + 1e-9]


def test_autoscale_on_switches():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 10], [0, 5])
        a = (ax.get_autoscale_on(), ax.get_autoscalex_on(), ax.get_autoscaley_on())
        ax.set_xlim(1, 2)
        b = (ax.get_autoscale_on(), ax.get_autoscalex_on(), ax.get_autoscaley_on())
        ax.set_autoscale_on(True)
        c = (ax.get_autoscale_on(), ax.get_autoscalex_on())
        return a, b, c
    n, m = _both(run)
    assert n == m


def test_arrow_draws_and_extends_limits():
    def run(p):
        fig, ax = p.subplots()
        ax.arrow(0, 0, 3, 2, width=0.1, fc="red", ec="black")
        ax.autoscale_view()
        return ax.get_xlim(), ax.get_ylim()
    n, m = _both(run)
    _near(tuple(n[0]) + tuple(n[1]), tuple(m[0]) + tuple(m[1]), 1e-9)
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    ax.arrow(0.1, 0.1, 0.6, 0.6, width=0.08, color="red")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    img = fig._to_array().tolist()
    red = sum(1 for row in img for px in row if px[0] > 200 and px[1] < 60 and px[2] < 60)
    assert red > 100


def test_align_labels():
    def run(p):
        fig, axs = p.subplots(2, 2, figsize=(6, 4))
        axs[0, 0].plot([0, 1], [0, 1e6])
        axs[1, 0].plot([0, 1], [0, 1])
        for a in axs.ravel():
            a.set_ylabel("Y")
            a.set_xlabel("X")
        fig.align_labels()
        _draw(fig)
        if p is plt:
            return [_plot4.ax_get("label_box", a._h, "y")[0] for a in (axs[0, 0], axs[1, 0])]
        return [a.yaxis.label.get_window_extent().x0 for a in (axs[0, 0], axs[1, 0])]
    n, m = _both(run)
    assert abs(n[0] - n[1]) < 0.5          # aligned
    assert abs(n[0] - m[0]) < 3.0          # where matplotlib puts them (its fonts differ)


def test_figimage_pixels_present():
    def run(p):
        fig = p.figure(figsize=(2, 2), dpi=100)
        X = [[[0.0, 0.0, 1.0] for _ in range(20)] for _ in range(10)]
        fig.figimage(X, xo=30, yo=40)
        if p is plt:
            img = fig._to_array().tolist()
        else:
            fig.canvas.draw()
            import numpy as np
            img = np.asarray(fig.canvas.buffer_rgba()).tolist()
        return [(r, c) for r in range(len(img)) for c in range(len(img[0]))
                if img[r][c][2] > 200 and img[r][c][0] < 50 and img[r][c][1] < 50]
    n, m = _both(run)
    assert len(n) == 200
    assert n == m
    rows = sorted({r for r, _ in n})
    cols = sorted({c for _, c in n})
    assert cols[0] == 30 and cols[-1] == 49        # xo from the left, 20 columns
    assert rows[0] == 200 - 50 and rows[-1] == 200 - 40 - 1   # yo from the bottom, 10 rows


def test_figure_properties_match_matplotlib():
    def run(p):
        fig = p.figure(figsize=(5, 3), dpi=80)
        fig.add_subplot(1, 1, 1)
        fig.set_facecolor("0.8")
        fig.set_edgecolor((1, 0, 0))
        fig.set_linewidth(2)
        fig.set_figwidth(4)
        r = (fig.get_dpi(), tuple(fig.get_facecolor()), tuple(fig.get_edgecolor()),
             fig.get_linewidth(), fig.get_frameon(), fig.get_figwidth(), fig.get_figheight(),
             tuple(fig.get_size_inches()))
        fig.set_frameon(False)
        return r + (fig.get_frameon(), len(fig.get_axes()))
    n, m = _both(run)
    assert n[0] == m[0]
    for u, v in zip(n[1:3], m[1:3]):
        _near(u, v, 1e-9)
    assert n[3:] == m[3:]


def test_clear_gca_sca():
    fig, (a, b) = plt.subplots(1, 2)
    fig.sca(a)
    assert fig.gca() is a
    plt.sca(b)
    assert plt.gca() is b
    fig.clear()
    assert fig.get_axes() == []


def test_autofmt_xdate_and_tightbbox():
    def run(p):
        fig, axs = p.subplots(2, 1, figsize=(6, 4))
        for a in axs:
            a.plot([0, 1], [0, 1])
        fig.autofmt_xdate()
        _draw(fig)
        return axs[0].get_position().bounds, axs[1].get_position().bounds, \
            fig.get_tightbbox().bounds
    n, m = _both(run)
    assert n[1][1] == pytest.approx(m[1][1]) == pytest.approx(0.2)   # bottom = 0.2
    _near(n[0], m[0], 1e-9)
    _near(n[1], m[1], 1e-9)
    _near(n[2], m[2], 0.05)     # inches: within 5 px of matplotlib's (font metrics)


@pytest.mark.parametrize("call", [
    lambda ax: ax.arrow(0, 0, 1, 1, foo=1),
    lambda ax: ax.inset_axes([0, 0, 1, 1], bogus=2),
    lambda ax: ax.ticklabel_format(nope=1),
    lambda ax: ax.locator_params(nbins=3, what=1),
    lambda ax: ax.indicate_inset_zoom(ax, zzz=1),
    lambda ax: ax.figure.figimage([[0.0]], unknown=1),
    lambda ax: ax.figure.autofmt_xdate(bad=1),
    lambda ax: ax.set_position([0, 0, 1, 1], weird=1),
])
def test_unknown_keyword_is_type_error(call):
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="foo|bogus|nope|what|zzz|unknown|bad|weird"):
        call(ax)


def test_replay_keeps_settings():
    fig, ax = plt.subplots(figsize=(6, 4))
    line, = ax.plot([0, 1], [0, 1], label="a")
    ax.set_aspect(2, anchor="NE")
    ax.set_gid("kept")
    ins = ax.inset_axes([0.1, 0.1, 0.3, 0.3])
    fig._replay()
    assert ax.get_gid() == "kept"
    assert ax.get_anchor() == "NE"
    assert ins.get_position().bounds[2] > 0


def test_bxp_matches_boxplot_limits_and_ticks():
    stats = [dict(med=2.0, q1=1.0, q3=3.0, whislo=0.0, whishi=4.0, fliers=[6.0], label="a"),
             dict(med=5.0, q1=4.0, q3=7.0, whislo=3.5, whishi=9.0, fliers=[], label="b")]

    def run(p):
        fig, ax = p.subplots()
        ax.bxp(stats)
        _draw(fig)
        return (ax.get_xlim(), ax.get_ylim(), _in_view(ax.get_xticks(), ax.get_xlim()),
                [getattr(t, "get_text", lambda: t)() for t in ax.get_xticklabels()])
    n, m = _both(run)
    _near(tuple(n[0]), tuple(m[0]), 1e-9)
    _near(tuple(n[1]), tuple(m[1]), 1e-9)
    assert n[2] == m[2] == [1.0, 2.0]
    assert n[3] == m[3] == ["a", "b"]
    with pytest.raises(TypeError, match="meanline"):
        plt.subplots()[1].bxp(stats, meanline=True)


def test_subfig_legend():
    fig = plt.figure(figsize=(6, 3))
    sfs = fig.subfigures(1, 2)
    ax = sfs[0].subplots()
    ax.plot([0, 1], [0, 1], color="red", label="one")
    leg = sfs[0].legend(loc="upper left")
    assert leg is not None
    img = fig._to_array().tolist()
    # a red legend handle in the left subfigure's upper left (the line itself runs diagonal)
    assert any(px[0] > 200 and px[1] < 60 for row in img[:60] for px in row[:120])
    with pytest.raises(TypeError, match="handles"):
        sfs[1].legend(handles=[])


def _fig_bounds(p, fig, ax):
    """An axes' box in figure fractions (matplotlib 3.6's get_position of an axes in a
    subfigure is relative to the subfigure: its window extent is used)."""
    if p is plt:
        return tuple(ax.get_position().bounds)
    bb = ax.get_window_extent()
    w, h = fig.bbox.width, fig.bbox.height
    return (bb.x0 / w, bb.y0 / h, bb.width / w, bb.height / h)


def test_subfig_subplot_mosaic_positions():
    def run(p):
        fig = p.figure(figsize=(8, 4))
        sfs = fig.subfigures(1, 2)
        axd = sfs[1].subplot_mosaic("AB;CC")
        sfs[0].subplots()
        _draw(fig)
        return {k: _fig_bounds(p, fig, a) for k, a in axd.items()}
    n, m = _both(run)
    assert sorted(n) == sorted(m) == ["A", "B", "C"]
    for k in n:
        _near(n[k], m[k], 1e-9)
    fig = plt.figure()
    sf = fig.subfigures(1, 2)[0]
    axd = sf.subplot_mosaic([["x", "y"]])
    axd["x"].plot([0, 1], [0, 1])
    before = axd["y"].get_position().bounds
    fig._replay()
    assert axd["y"].get_position().bounds == before
    with pytest.raises(TypeError, match="bogus"):
        sf.subplot_mosaic("A", gridspec_kw={"bogus": 1})

"""numc.pyplot's Artist protocol on Axes and Figure (issue 21, numc/_pyplot_axgeneric.py):
set / update / properties / update_from / getp / setp, units, execute_constrained_layout,
get_plot_commands and set_loglevel, each compared with matplotlib 3.6 run on the same calls
in the same process."""
import logging

import pytest

import numc.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402

# the properties both have whose values print the same (numbers compared as numbers)
SAME = ["adjustable", "alpha", "anchor", "aspect", "autoscale_on", "autoscalex_on",
        "autoscaley_on", "axisbelow", "box_aspect", "clip_on", "data_ratio", "facecolor",
        "frame_on", "gid", "in_layout", "label", "rasterization_zorder", "rasterized", "snap",
        "title", "url", "visible", "xbound", "xlabel", "xlim", "xscale", "ybound", "ylabel",
        "ylim", "yscale", "zorder"]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")
    mplt.close("all")


def _same(a, b):
    if isinstance(b, (int, float)) and not isinstance(b, bool):
        return isinstance(a, float) and abs(a - b) <= 1e-9 * max(1, abs(b))
    if isinstance(b, tuple):
        return isinstance(a, tuple) and len(a) == len(b) and all(_same(u, v) for u, v in zip(a, b))
    return a == b


def _check(ax_numc, ax_mpl, names=SAME):
    pn, pm = ax_numc.properties(), ax_mpl.properties()
    for k in names:
        assert _same(pn[k], pm[k]), (k, pn[k], pm[k])


def _set_both(fn):
    out = []
    for m in (plt, mplt):
        fig, ax = m.subplots()
        fn(ax)
        if m is mplt:
            fig.canvas.draw()  # numc lays out when a property is read
        out.append(ax)
    return out


def test_set_matches_matplotlib():
    a, b = _set_both(lambda ax: ax.set(title="T", xlim=(0, 10), alpha=0.5, label="L", zorder=3))
    _check(a, b)
    assert plt.getp(a, "xlim") == (0.0, 10.0) == mplt.getp(b, "xlim")
    assert plt.get(a, "title") == "T"


def test_update_matches_matplotlib():
    props = {"xlabel": "time (s)", "ylim": (-1, 1), "facecolor": (0.5, 0.25, 0.0, 1.0),
             "axisbelow": True, "anchor": "SW", "snap": False, "visible": False, "gid": "g1",
             "url": "https://numc.org", "rasterization_zorder": 1.5, "box_aspect": 0.5,
             "yscale": "symlog", "clip_on": False, "in_layout": False, "frame_on": False}
    a, b = _set_both(lambda ax: ax.update(props))
    _check(a, b)


def test_setp_reaches_properties_by_name():
    a, b = _set_both(lambda ax: (plt if isinstance(ax, plt.Axes) else mplt).setp(
        ax, ylim=(-2, 2), snap=True, rasterization_zorder=2))
    _check(a, b, ["ylim", "snap", "rasterization_zorder"])


def test_update_from_matches_matplotlib():
    out = []
    for m in (plt, mplt):
        fig = m.figure()
        x, y = fig.add_subplot(221), fig.add_subplot(222)
        x.set(alpha=0.3, visible=False, label="src", zorder=5, clip_on=False, title="kept")
        y.update_from(x)
        out.append(y)
    _check(out[0], out[1], ["alpha", "visible", "label", "zorder", "clip_on", "title"])


def test_figure_set_update_properties():
    out = []
    for m in (plt, mplt):
        fig = m.figure()
        fig.set(dpi=50, facecolor="0.8", edgecolor="red", linewidth=2, label="main")
        fig.update({"figwidth": 5, "gid": "fig1", "alpha": 0.75, "zorder": 2})
        out.append(fig)
    pn, pm = out[0].properties(), out[1].properties()
    for k in ["alpha", "dpi", "edgecolor", "facecolor", "figheight", "figwidth", "gid", "label",
              "linewidth", "zorder", "frameon", "visible", "tight_layout"]:
        assert _same(pn[k], pm[k]), (k, pn[k], pm[k])
    assert pn["figure"] == str(pm["figure"]) == "Figure(250x240)"


def test_unknown_property_is_attribute_error_with_close_names():
    fig, ax = plt.subplots()
    with pytest.raises(AttributeError, match=r"unexpected keyword argument 'xlimm'.*'xlim'"):
        ax.set(xlimm=(0, 1))
    with pytest.raises(AttributeError):
        plt.getp(ax, "xlimm")
    ax.set(title="still usable")  # the figure is made again without the failed call
    assert plt.getp(ax, "title") == "still usable"


def test_units_match_matplotlib():
    fig, ax = plt.subplots()
    mfig, max_ = mplt.subplots()
    assert ax.have_units() == max_.have_units() is False
    for a in (ax, max_):
        a.plot(["apple", "banana", "cherry"], [1, 2, 3])
    assert ax.convert_xunits("banana") == float(max_.convert_xunits("banana")[0]) == 1.0
    assert ax.convert_xunits("kiwi") == float(max_.convert_xunits("kiwi")[0]) == 3.0
    assert ax.convert_yunits(2.5) == max_.convert_yunits(2.5) == 2.5
    assert ax.have_units() and max_.have_units()


def test_convert_zunits_on_a_date_z_axis():
    import datetime
    import matplotlib.dates as mdates
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    assert ax.convert_zunits(-4.25) == -4.25
    with pytest.raises(ValueError):
        ax.convert_zunits("2020-02-01")    # not a date axis yet
    ax.zaxis_date()
    want = mdates.date2num(datetime.datetime(2020, 2, 1))
    assert ax.convert_zunits("2020-02-01") == want
    mfig = mplt.figure()
    max_ = mfig.add_subplot(projection="3d")
    max_.zaxis_date()
    assert float(max_.convert_zunits(datetime.datetime(2020, 2, 1))) == want


def test_set_figure_and_constrained_layout_now():
    fig = plt.figure(layout="constrained")
    ax = fig.add_subplot(111)
    ax.set_xlabel("x")
    ax.set_figure(fig)
    with pytest.raises(RuntimeError, match="more than one figure"):
        ax.set_figure(plt.figure())
    fig.execute_constrained_layout()
    assert ax.get_position().x0 < 0.125


def test_get_plot_commands_and_set_loglevel():
    cmds = plt.get_plot_commands()
    assert cmds == sorted(cmds)
    assert {"plot", "scatter", "bar", "hist", "imshow"} <= set(cmds)
    assert not {"connect", "get_plot_commands", "viridis"} & set(cmds)
    plt.set_loglevel("error")
    assert logging.getLogger("numc").level == logging.ERROR
    with pytest.raises(ValueError):
        plt.set_loglevel("loud")
    plt.set_loglevel("warning")


def test_clip_box_and_path_kept_and_copied():
    fig = plt.figure()
    a, b = fig.add_subplot(121), fig.add_subplot(122)
    assert a.get_clip_box() is None and a.get_clip_path() is None
    a.set_clip_box((1, 2, 30, 40))
    a.set_clip_path([(0, 0), (10, 0), (5, 8)])
    b.update_from(a)
    assert b.get_clip_box() == (1.0, 2.0, 30.0, 40.0)
    assert b.get_clip_path() == [(0.0, 0.0), (10.0, 0.0), (5.0, 8.0)]
    fig.set_clip_box(None)
    assert fig.get_clip_box() is None
    mfig = mplt.figure()
    ma, mb = mfig.add_subplot(121), mfig.add_subplot(122)
    from matplotlib.transforms import Bbox
    ma.set_clip_box(Bbox([[1, 2], [30, 40]]))
    mb.update_from(ma)
    assert tuple(mb.get_clip_box().extents) == b.get_clip_box()


def test_axes_locator_places_the_axes_as_matplotlib():
    from matplotlib.transforms import Bbox
    out = []
    for m in (plt, mplt):
        fig, ax = m.subplots()
        ax.plot([0, 1], [0, 1])
        ax.set_axes_locator(lambda a, r: Bbox.from_bounds(0.2, 0.3, 0.4, 0.5))
        fig.savefig("/dev/null", format="png")
        out.append(ax)
    assert out[0].get_axes_locator() is not None
    bn, bm = out[0].get_position().bounds, out[1].get_position().bounds
    assert all(abs(u - v) < 3e-3 for u, v in zip(bn, bm)), (bn, bm)  # numc rounds to pixels
    out[0].set_axes_locator(lambda a, r: (0.1, 0.1, 0.3, 0.3))  # a plain tuple works too
    assert abs(out[0].get_position().bounds[2] - 0.3) < 3e-3


def test_get_xaxis_is_the_axis_object():
    fig, ax = plt.subplots()
    assert ax.get_xaxis() is ax.xaxis and ax.get_yaxis() is ax.yaxis

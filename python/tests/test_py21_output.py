"""Issue 21: annotations (arrowprops, bbox dicts, textcoords), ax.table, savefig options,
plt.imsave, subfigures and date axes from numc.pyplot, compared with matplotlib 3.6:
file formats by their magic bytes, image sizes, subfigure and axes positions, date tick
labels, and TypeError naming unknown keyword arguments."""
import datetime as dt
import io

import pytest

import numc as nc
import numc.pyplot as plt
from numc.mpl import dates as ndates

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as mplt  # noqa: E402
import numpy  # noqa: E402


pytestmark = pytest.mark.usefixtures("close_figures")


def _txt(t):
    return t.get_text() if hasattr(t, "get_text") else t


MAGIC = {"png": b"\x89PNG", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "pdf": b"%PDF",
         "ps": b"%!PS", "eps": b"%!PS-Adobe-3.0 EPSF", "svg": b"<?xml"}


# ---- annotations ------------------------------------------------------------------------------
ARROWS = ["-", "<-", "->", "<->", "<|-", "-|>", "<|-|>", "]-", "-[", "]-[", "|-|", "]->", "<-[",
          "simple", "fancy", "wedge", "->,head_length=0.4,head_width=0.2",
          "simple,head_length=0.5,head_width=0.5,tail_width=0.2", "fancy,tail_width=0.6"]
CONNECTIONS = ["arc3", "arc3,rad=0.3", "angle3,angleA=90,angleB=0",
               "angle,angleA=0,angleB=90,rad=5", "arc,angleA=0,armA=20,angleB=-90,armB=10,rad=5",
               "bar,armA=10,armB=10,fraction=0.2"]
BOXES = ["square", "circle", "larrow", "rarrow", "darrow", "round", "round4", "sawtooth",
         "roundtooth", "round,pad=0.5,rounding_size=0.2", "square,pad=0.1"]


def _annotate_draws(**kw):
    fig, ax = plt.subplots(figsize=(3, 3), dpi=50)
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.annotate("label", xy=(0.2, 0.2), xytext=(0.6, 0.7), **kw)
    a = nc.asarray(fig._to_array())
    return int((a[:, :, :3].sum(axis=2) < 600).sum())


@pytest.mark.parametrize("style", ARROWS)
def test_every_arrowstyle_draws(style):
    conn = "arc3,rad=0.2" if style.split(",")[0] not in ("simple", "fancy", "wedge") else "arc3"
    no_arrow = _annotate_draws()
    with_arrow = _annotate_draws(arrowprops=dict(arrowstyle=style, connectionstyle=conn,
                                                 fc="C1", ec="k", lw=1.5))
    assert with_arrow > no_arrow + 20


@pytest.mark.parametrize("conn", CONNECTIONS)
def test_every_connectionstyle_draws(conn):
    assert _annotate_draws(arrowprops=dict(arrowstyle="->", connectionstyle=conn)) > \
        _annotate_draws() + 20


@pytest.mark.parametrize("box", BOXES)
def test_every_boxstyle_draws(box):
    assert _annotate_draws(bbox=dict(boxstyle=box, fc="0.5", ec="k")) > _annotate_draws() + 20


def test_annotation_options_and_errors():
    fig, ax = plt.subplots()
    for tc in ("offset points", "offset pixels", "offset fontsize", "axes fraction", "data"):
        ax.annotate(tc, xy=(0.5, 0.5), xytext=(1, 1), textcoords=tc,
                    arrowprops=dict(arrowstyle="->", shrinkA=0, shrinkB=3, mutation_scale=20,
                                    relpos=(0, 0)))
    ax.annotate("yaarrow", xy=(0.1, 0.1), xytext=(0.5, 0.9),
                arrowprops=dict(facecolor="black", shrink=0.05, width=2))
    ax.text(0.5, 0.5, "multi\nline", rotation=30, rotation_mode="anchor", multialignment="right",
            bbox=dict(fc="yellow", ec="red", lw=2, ls="--", alpha=0.5, pad=6))
    fig.text(0.1, 0.1, "figure", bbox=dict(boxstyle="round", fc="w"))
    fig.canvas.draw()
    with pytest.raises(ValueError):
        ax.annotate("x", xy=(0, 0), xytext=(1, 1), textcoords="offset inches")
    with pytest.raises(TypeError, match="bogus"):
        ax.annotate("x", xy=(0, 0), arrowprops=dict(arrowstyle="->", bogus=1))
    with pytest.raises(TypeError, match="bogus"):
        ax.text(0, 0, "x", bbox=dict(bogus=1))
    with pytest.raises(ValueError):
        plt.figure().add_subplot().annotate("x", xy=(0, 0), xytext=(1, 1),
                                            arrowprops=dict(arrowstyle="nonsense"))


# ---- tables -----------------------------------------------------------------------------------
def test_table_draws_below_the_axes():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.bar([0, 1, 2], [1, 2, 3])
    t = ax.table(cellText=[["1", "2", "3"], ["a", "b", "c"]], cellColours=[["r", "w", "w"]] * 2,
                 rowLabels=["n", "s"], colLabels=["A", "B", "C"], colWidths=[0.2, 0.3, 0.5],
                 cellLoc="center", rowLoc="left", colLoc="center", loc="bottom")
    t.set_fontsize(8)
    fig.canvas.draw()
    x0, y0, x1, y1 = [float(v) for v in _box(ax)]
    a = nc.asarray(fig._to_array())
    below = a[int(y1) + 2:int(y1) + 60, int(x0):int(x0) + 40, :3]
    # the first column's cells are red ("r") just under the axes
    red = (below[:, :, 0] > 200) & (below[:, :, 1] < 60)
    assert int(red.sum()) > 50
    with pytest.raises(TypeError, match="foo"):
        ax.table(cellText=[["1"]], foo=1)
    with pytest.raises(ValueError):
        ax.table()
    with pytest.raises(ValueError):
        ax.table(cellText=[["1", "2"], ["3"]])
    with pytest.raises(ValueError):
        ax.table(cellText=[["1"]], loc="nowhere")


def _box(ax):
    from numc._core import _plot
    fig = ax.figure
    fig._draw()
    b = ax.get_position().bounds
    w, h = _plot.pixel_size(fig._h)
    return b[0] * w, (1 - b[1] - b[3]) * h, (b[0] + b[2]) * w, (1 - b[1]) * h


# ---- savefig and imsave -----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["png", "jpg", "jpeg", "pdf", "svg", "ps", "eps"])
def test_savefig_formats_by_magic(fmt, tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    p = tmp_path / ("f." + fmt)
    fig.savefig(p, dpi=50, facecolor="0.9", edgecolor="k")
    assert p.read_bytes().startswith(MAGIC[fmt])
    q = tmp_path / "noext"
    fig.savefig(q, format=fmt)
    assert q.read_bytes().startswith(MAGIC[fmt])
    b = io.BytesIO()
    fig.savefig(b, format=fmt)
    assert b.getvalue().startswith(MAGIC[fmt])


def test_savefig_tight_size_close_to_matplotlib(tmp_path):
    def run(p, out):
        fig, ax = p.subplots(figsize=(6, 4), dpi=80)
        ax.plot([0, 1], [0, 16])
        ax.set_xlabel("a rather long x label")
        ax.set_title("title")
        fig.savefig(out, bbox_inches="tight", pad_inches=0.2)
    run(plt, tmp_path / "n.png")
    run(mplt, tmp_path / "m.png")
    from numc._core import _plot
    hn, wn = _plot.imread(str(tmp_path / "n.png")).shape[:2]
    hm, wm = _plot.imread(str(tmp_path / "m.png")).shape[:2]
    assert (wn, hn) != (480, 320)             # cropped, not the whole figure
    assert abs(wn - wm) <= 0.02 * wm and abs(hn - hm) <= 0.03 * hm


def test_savefig_jpeg_quality_and_metadata(tmp_path):
    fig, ax = plt.subplots()
    ax.imshow(nc.arange(10000.0).reshape(100, 100) % 7)
    lo, hi = tmp_path / "lo.jpg", tmp_path / "hi.jpg"
    fig.savefig(lo, pil_kwargs={"quality": 10})
    fig.savefig(hi, pil_kwargs={"quality": 95})
    assert lo.stat().st_size < hi.stat().st_size
    p = tmp_path / "m.png"
    fig.savefig(p, metadata={"Title": "numc title", "Author": "me"})
    data = p.read_bytes()
    assert b"tEXtTitle\x00numc title" in data and b"Author\x00me" in data
    with pytest.raises(ValueError):
        fig.savefig(tmp_path / "x.jpg", metadata={"Title": "t"})
    with pytest.raises(TypeError, match="frobnicate"):
        fig.savefig(tmp_path / "x.png", frobnicate=True)
    with pytest.raises(TypeError):
        fig.savefig(tmp_path / "x.png", bbox_inches="standard")
    with pytest.raises(ValueError):
        fig.savefig(tmp_path / "x.bmp2", format="bmp2")


def test_imsave_matches_matplotlib(tmp_path):
    z = [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    plt.imsave(tmp_path / "n.png", nc.array(z), cmap="viridis", vmin=0, vmax=5, origin="lower")
    mplt.imsave(tmp_path / "m.png", numpy.array(z), cmap="viridis", vmin=0, vmax=5, origin="lower")
    a = plt.imread(tmp_path / "n.png")
    b = mplt.imread(tmp_path / "m.png")
    assert a.shape == b.shape == (2, 3, 4)
    diff = numpy.abs(numpy.asarray(a.tolist()) - b).max()
    assert diff <= 1.5 / 255
    plt.imsave(tmp_path / "n.jpg", nc.array(z), pil_kwargs={"quality": 80})
    assert (tmp_path / "n.jpg").read_bytes().startswith(b"\xff\xd8\xff")
    with pytest.raises(TypeError, match="colormap"):
        plt.imsave(tmp_path / "x.png", nc.array(z), colormap="gray")


# ---- subfigures -------------------------------------------------------------------------------
def _fig_bounds(p, fig, ax):
    """An axes' box in figure fractions (matplotlib 3.6's get_position of an axes in a
    subfigure is relative to the subfigure: its window extent is used)."""
    if p is plt:
        return tuple(ax.get_position().bounds)
    bb = ax.get_window_extent()
    w, h = fig.bbox.width, fig.bbox.height
    return (bb.x0 / w, bb.y0 / h, bb.width / w, bb.height / h)


def test_subfigure_axes_positions_match_matplotlib():
    def run(p):
        fig = p.figure(figsize=(8, 4))
        sfs = fig.subfigures(1, 2, width_ratios=[2, 1])
        axs = sfs[0].subplots(2, 2)
        inner = sfs[1].subfigures(2, 1)
        a3 = inner[0].add_subplot(1, 1, 1)
        a4 = inner[1].add_subplot(111)
        sfs[0].suptitle("left")
        sfs[0].supxlabel("x")
        sfs[0].supylabel("y")
        sfs[0].set_facecolor("0.9")
        fig.add_gridspec(2, 2)
        fig.canvas.draw()
        return [_fig_bounds(p, fig, a) for a in list(axs.flat) + [a3, a4]]
    ours, theirs = run(plt), run(mplt)
    for o, t in zip(ours, theirs):
        assert o == pytest.approx(t, abs=1e-9)


def test_add_subfigure_on_gridspec_and_bounds():
    def run(p):
        fig = p.figure()
        gs = fig.add_gridspec(2, 3)
        sf = fig.add_subfigure(gs[0, 1:])
        ax = sf.subplots()
        fig.canvas.draw()
        return _fig_bounds(p, fig, ax)
    assert run(plt) == pytest.approx(run(mplt), abs=1e-9)
    fig = plt.figure()
    sf = fig.add_subfigure(fig.add_gridspec(2, 2)[1, 0])
    assert sf.get_position().bounds == pytest.approx((0.0, 0.0, 0.5, 0.5), abs=1e-9)
    with pytest.raises(TypeError, match="foo"):
        fig.subfigures(1, 2, foo=3)
    with pytest.raises(ValueError):
        fig.subfigures(1, 2, width_ratios=[1, 2, 3])
    with pytest.raises(ValueError):
        sf.set_facecolor("notacolor")


# ---- dates ------------------------------------------------------------------------------------
def _labels(ax):
    return [_txt(t) for t in ax.get_xticklabels()]


@pytest.mark.parametrize("kind", ["numc", "numpy", "datetime"])
def test_date_data_auto_labels_match_matplotlib(kind):
    start = dt.datetime(2021, 1, 1)
    pyd = [start + dt.timedelta(days=i) for i in range(0, 200, 3)]
    y = list(range(len(pyd)))
    if kind == "numc":
        x = nc.array([d.strftime("%Y-%m-%d") for d in pyd], dtype="datetime64[D]")
    elif kind == "numpy":
        x = numpy.array(pyd, dtype="datetime64[D]")
    else:
        x = pyd
    fig, ax = plt.subplots()
    ax.plot(x, y)
    mfig, max_ = mplt.subplots()
    max_.plot(numpy.array(pyd, dtype="datetime64[D]"), y)
    mfig.canvas.draw()
    assert _labels(ax) == [t.get_text() for t in max_.get_xticklabels()]
    assert ax.get_xlim() == pytest.approx(max_.get_xlim(), abs=1e-6)


def test_concise_and_date_formatter_and_locators_match_matplotlib():
    days = numpy.arange("2021-01-01", "2022-01-01", dtype="datetime64[D]")
    y = numpy.arange(len(days))

    def run(p, md):
        fig, axs = p.subplots(3, 1)
        for ax in axs:
            ax.plot(days, y)
        loc = md.AutoDateLocator()
        axs[0].xaxis.set_major_locator(loc)
        axs[0].xaxis.set_major_formatter(md.ConciseDateFormatter(loc))
        axs[1].xaxis.set_major_locator(md.MonthLocator(bymonth=[1, 4, 7, 10]))
        axs[1].xaxis.set_major_formatter(md.DateFormatter("%Y-%m"))
        axs[2].xaxis.set_major_locator(md.MonthLocator())
        axs[2].xaxis.set_major_formatter(md.DateFormatter("%b"))
        axs[2].set_xlim(dt.datetime(2021, 3, 10), dt.datetime(2021, 8, 20))
        fig.canvas.draw()
        return [[_txt(t) for t in ax.get_xticklabels()] for ax in axs], \
            [list(ax.get_xticks()) for ax in axs[1:]]
    ours, theirs = run(plt, ndates), run(mplt, mdates)
    assert ours[0] == theirs[0]
    for o, t in zip(ours[1], theirs[1]):
        assert o == pytest.approx(t, abs=1e-9)


@pytest.mark.parametrize("name,args,vmin,vmax", [
    ("YearLocator", (), "2001-06-01", "2009-02-01"),
    ("YearLocator", (2,), "2001-06-01", "2013-02-01"),
    ("MonthLocator", (), "2020-11-15", "2021-05-20"),
    ("MonthLocator", ([1, 7],), "2019-11-15", "2021-09-20"),
    ("DayLocator", (), "2021-02-25", "2021-03-04"),
    ("DayLocator", ([1, 15],), "2021-01-03", "2021-04-20"),
    ("WeekdayLocator", (0,), "2021-03-01", "2021-04-20"),
    ("HourLocator", (), "2021-03-01T03:30", "2021-03-01T09:10"),
    ("HourLocator", ([0, 12],), "2021-03-01", "2021-03-04"),
    ("MinuteLocator", ([0, 30],), "2021-03-01T03:10", "2021-03-01T06:50"),
])
def test_locators_tick_values_match_matplotlib(name, args, vmin, vmax):
    a = mdates.datestr2num(vmin)
    b = mdates.datestr2num(vmax)
    ours = getattr(ndates, name)(*args).tick_values(a, b)
    theirs = [t for t in getattr(mdates, name)(*args).tick_values(mdates.num2date(a),
                                                                   mdates.num2date(b))
              if a - 1e-9 <= t <= b + 1e-9]
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_auto_locator_drange_and_formatters():
    a, b = mdates.datestr2num("2021-01-01"), mdates.datestr2num("2021-12-31")
    ours = ndates.AutoDateLocator().tick_values(a, b)
    theirs = [t for t in mdates.AutoDateLocator().tick_values(mdates.num2date(a),
                                                              mdates.num2date(b)) if a <= t <= b]
    assert ours == pytest.approx(theirs, abs=1e-9)
    d1, d2, step = dt.datetime(2021, 1, 1), dt.datetime(2021, 1, 3), dt.timedelta(hours=6)
    assert ndates.drange(d1, d2, step).tolist() == pytest.approx(
        mdates.drange(d1, d2, step).tolist(), abs=1e-12)
    assert ndates.DateFormatter("%Y-%m-%d %H:%M")(a + 0.5) == \
        mdates.DateFormatter("%Y-%m-%d %H:%M")(a + 0.5)
    assert ndates.date2num(numpy.datetime64("2021-01-02T12:00")) == \
        pytest.approx(mdates.date2num(numpy.datetime64("2021-01-02T12:00")))
    with pytest.raises(TypeError):
        ndates.AutoDateLocator(maxticks=4)
    with pytest.raises(ValueError):
        ndates.DayLocator(interval=0)


def test_set_xlim_with_dates_and_logit():
    def run(p):
        fig, ax = p.subplots()
        ax.plot(numpy.array(["2021-01-01", "2021-06-01"], dtype="datetime64[D]"), [1, 2])
        ax.set_xlim(dt.datetime(2021, 2, 1), dt.datetime(2021, 4, 1))
        fig.canvas.draw()
        return tuple(ax.get_xlim())
    assert run(plt) == pytest.approx(run(mplt), abs=1e-9)

    def logit(p):
        fig, ax = p.subplots()
        ax.plot([0.01, 0.5, 0.99], [1, 2, 3])
        ax.set_xscale("logit")
        fig.canvas.draw()
        return list(ax.get_xticks())
    assert logit(plt) == pytest.approx([t for t in logit(mplt) if 0.009 < t < 0.991], rel=1e-9)


def test_subfigure_gridspec_and_replay_after_edits(tmp_path):
    """A subfigure's own GridSpec, a deleted axes, set_data + relim, and an edit that makes
    the figure again from its call log (set_linestyle): the replay keeps every handle."""
    def run(p):
        fig = p.figure(figsize=(8, 5))
        top, bottom = fig.subfigures(2, 1, height_ratios=[1, 2])
        a = top.subplots(1, 2)
        line, = a[0].plot([1, 2, 3])
        g = bottom.add_gridspec(1, 3)
        inner = bottom.add_subfigure(g[0, 1:])
        ax3 = inner.add_subplot(111)
        ax4 = bottom.add_subplot(g[0, 0])
        top.delaxes(a[1])    # matplotlib 3.6's fig.delaxes fails for a subfigure's axes
        line.set_data([0, 5], [0, 5])
        a[0].relim()
        a[0].autoscale_view()
        line.set_linestyle("--")
        fig.savefig(tmp_path / ("r%s.png" % (p is plt)))
        return [_fig_bounds(p, fig, x) for x in (a[0], ax3, ax4)], tuple(a[0].get_xlim()), \
            len(fig.axes)
    ours, theirs = run(plt), run(mplt)
    for o, t in zip(ours[0], theirs[0]):
        assert o == pytest.approx(t, abs=1e-9)
    assert ours[1] == pytest.approx(theirs[1], abs=1e-9)
    assert ours[2] == theirs[2] == 3


def test_plot_date_and_marker_constants():
    from numc.mpl import markers
    import matplotlib.markers as mmarkers
    for name in ("TICKLEFT", "CARETUP", "CARETDOWNBASE"):
        assert getattr(markers, name) == getattr(mmarkers, name)

    def run(p):
        fig, ax = p.subplots()
        ax.plot_date([18628.0, 18640.0, 18660.0], [1, 3, 2], marker=markers.CARETUP)
        fig.canvas.draw()
        return [_txt(t) for t in ax.get_xticklabels()], tuple(ax.get_xlim())
    ours, theirs = run(plt), run(mplt)
    assert ours[0] == theirs[0]
    assert ours[1] == pytest.approx(theirs[1], abs=1e-9)

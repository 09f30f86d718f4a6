"""numc.pyplot and numc.mpl: keyword handling, the state machine, the object API, output
files, show(), and the numc.mpl classes against matplotlib's values (when importable)."""
import os
import stat
import subprocess
import sys

import numpy
import pytest

import numc
import numc.pyplot as plt
from numc._core import _plot
from numc.mpl import cm, colors, dates, gridspec, patches, ticker
from numc.mpl.legend import Legend
from numc.mpl.lines import Line2D

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.colors as mcolors
    import matplotlib.ticker as mticker
    import matplotlib.dates as mdates
except ImportError:  # the comparisons below are skipped
    matplotlib = None

need_mpl = pytest.mark.skipif(matplotlib is None, reason="matplotlib is not importable")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def pixel(path, x, y):
    a = _plot.imread(str(path))
    return tuple(int(a[y, x, k]) for k in range(4))


# ---- keyword arguments -------------------------------------------------------------------
def test_unknown_keyword_names_the_argument():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        ax.plot([1, 2], [3, 4], colour="red")
    with pytest.raises(TypeError, match="'bogus'"):
        ax.scatter([1, 2], [3, 4], bogus=1)
    with pytest.raises(TypeError, match="'wat'"):
        ax.set_title("t", wat=3)
    with pytest.raises(TypeError, match="'zzz'"):
        fig.savefig("x.png", zzz=1)
    with pytest.raises(TypeError, match="'nope'"):
        ax.legend(nope=True)


def test_every_bound_function_has_its_keywords():
    names = _plot.functions()
    assert len(names) > 80
    kw = _plot.keywords("plot")
    for k in ("color", "linewidth", "lw", "ls", "marker", "ms", "label", "alpha", "zorder"):
        assert k in kw
    assert "counts_out" not in _plot.keywords("hist")   # outputs are not keywords
    total = sum(len(_plot.keywords(n)) for n in names)
    assert total > 600


def test_bad_keyword_value_is_a_type_error():
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="'linewidth'"):
        ax.plot([1, 2], [1, 2], linewidth="thick")


def test_a_failed_call_leaves_the_figure_usable(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="ok")
    with pytest.raises(ValueError):
        ax.plot([0, 1], [1, 0], color="nocolor")
    assert fig.status() == (0, "")
    ax.legend()
    fig.savefig(tmp_path / "after.png")
    assert [e[1] for e in fig._log].count("plot") == 1


def test_library_errors_are_value_errors():
    import warnings
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # the failure is the exception, not a warning too
        with pytest.raises(ValueError, match="notacolor"):
            ax.plot([1, 2], [1, 2], color="notacolor")
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="virdis"):
        ax.imshow([[1, 2], [3, 4]], cmap="virdis")


# ---- data ---------------------------------------------------------------------------------
def test_data_from_numc_numpy_lists(tmp_path):
    for data in ([0, 1, 4, 9], numpy.array([0, 1, 4, 9.0]), numc.array([0, 1, 4, 9.0]),
                 numpy.arange(4, dtype=numpy.int32) ** 2):
        fig, ax = plt.subplots()
        ax.plot(data)
        assert ax.get_xlim()[0] < 0 < 3 < ax.get_xlim()[1]
        lo, hi = ax.get_ylim()
        assert lo < 0 and 9 < hi < 10
        plt.close(fig)


def test_plot_fmt_and_pairs():
    fig, ax = plt.subplots()
    lines = ax.plot([0, 1], [0, 1], "ko-", [0, 1], [1, 0], "r--", label="x")
    assert len(lines) == 2
    with pytest.raises(ValueError):
        ax.plot([0, 1], [0, 1], "qq")


def test_hist_returns_counts_and_edges():
    n, bins, patches_ = plt.hist([1, 2, 2, 3, 3, 3], bins=3)
    assert list(n) == [1.0, 2.0, 3.0]
    assert list(bins) == pytest.approx([1, 5 / 3, 7 / 3, 3])
    ref_n, ref_b = numpy.histogram(numpy.arange(100.0) ** 0.5, bins=7)
    n, b, _ = plt.hist(numpy.arange(100.0) ** 0.5, bins=7)
    assert list(n) == list(ref_n.astype(float))
    assert list(b) == pytest.approx(list(ref_b))


def test_contour_levels():
    x = numpy.linspace(-2, 2, 41)
    Z = numpy.exp(-x[None, :] ** 2 - x[:, None] ** 2)
    cs = plt.contour(x, x, Z, levels=[0.2, 0.5, 0.8])
    assert cs.levels == pytest.approx([0.2, 0.5, 0.8])
    cs = plt.contourf(x, x, Z, 5)
    assert len(cs.levels) >= 5


# ---- figures, axes arrays, state machine --------------------------------------------------
def test_subplots_axes_array_like_numpy():
    fig, axs = plt.subplots(2, 3)
    assert axs.shape == (2, 3)
    assert axs[1, 2] is axs[1][2] is axs[-1, -1]
    assert list(axs.flat) == axs.ravel().tolist()
    assert axs[0, :].shape == (3,) and axs[:, 1].shape == (2,)
    assert len(list(axs)) == 2
    fig, axs = plt.subplots(1, 3)
    assert axs.shape == (3,)
    fig, ax = plt.subplots()
    assert isinstance(ax, plt.Axes)
    fig, axs = plt.subplots(2, 2, squeeze=False, sharex=True, sharey="row")
    assert axs.shape == (2, 2)


def test_label_outer(tmp_path):
    def dark_in_middle_band(outer):
        fig, axs = plt.subplots(2, 2, figsize=(4, 4), dpi=50)
        for ax in axs.flat:
            ax.plot([0, 1], [0, 1])
            ax.set_xlabel("x")
            if outer:
                ax.label_outer()
        p = tmp_path / ("o%d.png" % outer)
        fig.savefig(p)
        plt.close(fig)
        a = _plot.imread(str(p))
        band = a[int(0.47 * 200):int(0.58 * 200), :, 0]   # below the top row's axes
        return int((band < 100).sum())
    assert dark_in_middle_band(True) < dark_in_middle_band(False) // 2
    fig = plt.figure()
    with pytest.raises(TypeError):
        fig.add_axes([0.1, 0.1, 0.2, 0.2]).label_outer()


def test_state_machine():
    f1 = plt.figure()
    assert plt.gcf() is f1
    ax = plt.subplot(211)
    assert plt.gca() is ax
    ax2 = plt.subplot(2, 1, 2)
    assert plt.gca() is ax2
    f2 = plt.figure(figsize=(3, 2), dpi=50)
    assert plt.gcf() is f2 and plt.get_fignums() == [1, 2]
    assert _plot.pixel_size(f2._h) == (150, 100)
    plt.figure(1)
    assert plt.gcf() is f1
    plt.close(1)
    assert plt.get_fignums() == [2]
    plt.clf()
    assert plt.gcf().axes == []
    plt.close("all")
    assert plt.get_fignums() == []


def test_cla_and_clf_clear(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 100])
    ax.cla()
    ax.plot([0, 1], [0, 1])
    assert ax.get_ylim()[1] < 2


def test_savefig_formats_and_dpi(tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    fig.savefig(tmp_path / "a.png", dpi=50)
    assert _plot.imread(str(tmp_path / "a.png")).shape == (150, 200, 4)
    fig.savefig(tmp_path / "a.svg")
    assert (tmp_path / "a.svg").read_text().lstrip().startswith("<?xml")
    fig.savefig(tmp_path / "a.pdf")
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
    fig.savefig(str(tmp_path / "noext"))
    assert (tmp_path / "noext.png").exists()


def test_colors_reach_the_pixels(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    ax.axhspan(-10, 10, color=(0, 0, 1))
    ax.set_facecolor("red")
    ax.set_ylim(-1, 1)
    fig.savefig(tmp_path / "b.png")
    assert pixel(tmp_path / "b.png", 50, 50) == (0, 0, 255, 255)


def test_show_says_so_once(tmp_path):
    code = "import numc.pyplot as plt; plt.plot([1,2]); plt.show(); plt.show()"
    env = dict(os.environ)
    env.pop("NUMC_SHOW", None)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 0
    assert r.stderr.count("no GUI") == 1 and r.stdout == ""


def test_show_opens_the_viewer(tmp_path):
    log = tmp_path / "viewer.log"
    viewer = tmp_path / "viewer.sh"
    viewer.write_text("#!/bin/sh\necho \"$1\" > %s\n" % log)
    viewer.chmod(viewer.stat().st_mode | stat.S_IEXEC)
    out = tmp_path / "fig.png"
    code = ("import numc.pyplot as plt, time; plt.plot([1,2]); plt.savefig(%r); plt.show(); "
            "time.sleep(0.5)" % str(out))
    env = dict(os.environ, NUMC_SHOW=str(viewer))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    for _ in range(50):
        if log.exists() and log.read_text().strip():
            break
        import time
        time.sleep(0.1)
    assert log.read_text().strip() == str(out)


def test_text_annotate_ticks_labels(tmp_path):
    fig, ax = plt.subplots()
    ax.imshow(numpy.arange(9.0).reshape(3, 3))
    ax.set_xticks([0, 1, 2], labels=["a", "b", "c"])
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right", rotation_mode="anchor")
    ax.text(0, 0, "x", ha="center", va="center", color="w", transform=ax.transData)
    ax.text(0.5, 0.5, "y", transform=ax.transAxes)
    ax.annotate("m", xy=(1, 1), xytext=(2, 2), arrowprops=dict(arrowstyle="->"))
    assert ax.get_xticklabels() == ["a", "b", "c"]
    assert ax.get_xticks() == [0.0, 1.0, 2.0]
    with pytest.raises(TypeError, match="arrowprops"):
        ax.annotate("m", xy=(1, 1), arrowprops=dict(arrowstyle="->", hatch="x"))


def test_every_pyplot_kind_runs(tmp_path):
    x = numpy.linspace(0, 1, 50)
    fig, axs = plt.subplots(4, 5, figsize=(12, 9))
    a = axs.ravel()
    a[0].step(x, x ** 2, where="mid")
    a[1].bar([1, 2, 3], [3, 1, 2], yerr=None) if False else a[1].barh([1, 2, 3], [3, 1, 2])
    a[2].errorbar(x[::5], x[::5], yerr=0.1, xerr=x[::5] * 0.1, capsize=2)
    a[3].stem([1, 2, 3], [1, 3, 2])
    a[4].fill_between(x, x, x ** 2, where=x > 0.5, step="mid")
    a[5].hexbin(x, x ** 2, gridsize=10)
    a[6].pcolormesh(numpy.arange(12.0).reshape(3, 4))
    a[7].boxplot([x, x * 2, x[:10]])
    a[8].violinplot([x, x * 2])
    a[9].pie([1, 2, 3], labels=["a", "b", "c"], wedgeprops=dict(edgecolor="w"))
    a[10].axhline(0.5, color="k", ls="--")
    a[10].axvline(0.5)
    a[10].axvspan(0.1, 0.2, alpha=0.3)
    a[11].semilogy(x + 1, numpy.exp(x * 5))
    a[12].contourf(numpy.outer(x, x), levels=6, cmap="RdBu_r")
    a[12].contour(numpy.outer(x, x), colors="k")
    a[12].clabel(a[12]._mappable, fmt="%.1f")
    a[13].stackplot(x, x, x ** 2, labels=["a", "b"])
    a[13].legend(loc=2)
    a[14].hist2d(x, x ** 2, bins=5)
    a[15].quiver(numpy.ones((3, 3)), numpy.ones((3, 3)))
    a[16].eventplot([0.1, 0.5, 0.9])
    a[17].hlines([0.2, 0.4], 0, 1, colors="r")
    a[17].vlines([0.2, 0.4], 0, 1)
    a[18].stairs([1, 2, 1])
    a[19].scatter(x, x, c=x, cmap=cm.viridis, norm=colors.LogNorm(0.01, 1))
    a[19].twinx().plot(x, -x, "r")
    fig.colorbar(a[19]._mappable, ax=a[19])
    fig.suptitle("all kinds")
    fig.savefig(tmp_path / "all.png")
    assert fig.status() == (0, "")


def test_violin_quantiles(tmp_path):
    fig, ax = plt.subplots()
    ax.violinplot([[1, 2, 3, 4, 5, 6], [2, 3, 3, 4, 9, 1]], quantiles=[[0.25, 0.75], [0.5]])
    ax.violinplot([1.0, 2.0, 4.0], positions=[3], quantiles=[0.5])
    fig.savefig(tmp_path / "v.png")
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="quantiles"):
        ax.violinplot([[1, 2, 3], [2, 3, 4]], quantiles=[[2.0], [0.5]])


def test_3d(tmp_path):
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    x = numpy.linspace(-1, 1, 20)
    X, Y = numpy.meshgrid(x, x)
    ax.plot_surface(X, Y, X * Y, cmap="viridis")
    ax.plot_wireframe(X, Y, X * Y + 1, rstride=4, cstride=4)
    ax.scatter(x, x, x, c="r")
    ax.plot(x, x, x ** 2, "k")
    ax.set_zlabel("z")
    ax.set_zlim(-1, 2)
    ax.view_init(20, 30)
    assert ax.get_zlim() == (-1, 2)
    fig.savefig(tmp_path / "3d.png")


def test_legend_handles_and_gridspec(tmp_path):
    fig = plt.figure()
    gs = gridspec.GridSpec(2, 2, figure=fig)
    ax = fig.add_subplot(gs[0, :])
    fig.add_subplot(gs[1, 0])
    fig.add_subplot(gs[1, 1])
    ax.plot([0, 1], [0, 1])
    leg = ax.legend(handles=[patches.Patch(color="red", label="red patch"),
                             Line2D([0], [0], color="b", lw=4, label="blue line")])
    assert isinstance(leg, Legend)
    assert ax.get_xlim()[1] < 2          # the proxies do not change the limits
    ax.add_patch(patches.Rectangle((0.2, 0.2), 0.3, 0.3, facecolor="g"))
    ax.add_patch(patches.Circle((0.7, 0.5), 0.1, color="m"))
    ax.add_patch(patches.Polygon([[0, 0], [0.1, 0.5], [0.2, 0]], closed=True))
    fig.savefig(tmp_path / "g.png")


def test_clf_invalidates_old_axes_and_gridspecs(tmp_path):
    fig = plt.figure()
    gs = fig.add_gridspec(2, 1)
    ax = fig.add_subplot(gs[0, 0])
    fig.clf()
    with pytest.raises(RuntimeError, match="clf"):
        ax.plot([1, 2])
    with pytest.raises(ValueError):          # the C side checks handles too
        _plot.get_lim(plt._Dead, "x")
    ax2 = fig.add_subplot(gs[1, 0])          # a new nplot_gridspec in the new figure
    ax2.plot([1, 2])
    fig.savefig(tmp_path / "clf.png")


def _count(path, rgb, tol=30):
    a = _plot.imread(str(path)).astype("int64")
    d = numc.abs(a[:, :, 0] - rgb[0]) + numc.abs(a[:, :, 1] - rgb[1]) + numc.abs(a[:, :, 2] - rgb[2])
    return int((d < tol).sum())


def test_legend_labels_given_later(tmp_path):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=50)
    ax.plot([0, 1], [0, 1], color="#ff0000")
    ax.plot([0, 1], [1, 0], color="#0000ff")
    ax.legend(["up", "down"])
    assert [e[3]["label"] for e in fig._log if e[1] == "plot"] == ["up", "down"]
    fig.savefig(tmp_path / "l1.png")
    fig2, ax2 = plt.subplots(figsize=(4, 3), dpi=50)
    ax2.plot([0, 1], [0, 1], color="#ff0000", label="up")
    ax2.plot([0, 1], [1, 0], color="#0000ff", label="down")
    ax2.legend()
    fig2.savefig(tmp_path / "l2.png")
    assert (tmp_path / "l1.png").read_bytes() == (tmp_path / "l2.png").read_bytes()
    # handles and labels
    fig3, ax3 = plt.subplots()
    l1, = ax3.plot([0, 1])
    b = ax3.bar([0, 1], [1, 2])
    ax3.legend([b, l1], ["bars", "line"])
    assert b[0]._entry[3]["label"] == "bars" and l1._entry[3]["label"] == "line"


def test_artist_setters_remake_the_figure(tmp_path):
    fig, axs = plt.subplots(1, 2, figsize=(4, 2), dpi=50)
    line, = axs[0].plot([0, 1], [0, 1], color="#ff0000", lw=4)
    im = axs[1].imshow([[0.0, 1.0]], cmap="viridis")
    fig.colorbar(im, ax=axs[1], format=ticker.FuncFormatter(lambda v, p: "%.1f" % v))
    tw = axs[0].twinx()
    tw.plot([0, 1], [6, 5], color="#00ff00", lw=4)
    fig.savefig(tmp_path / "r0.png")
    red0 = _count(tmp_path / "r0.png", (255, 0, 0))
    assert red0 > 50
    line.set_color("#0000ff")
    fig.savefig(tmp_path / "r1.png")
    assert _count(tmp_path / "r1.png", (255, 0, 0)) < 5
    assert _count(tmp_path / "r1.png", (0, 0, 255)) > 50
    assert _count(tmp_path / "r1.png", (0, 255, 0)) > 20       # the twin survived
    line.set_visible(False)
    fig.savefig(tmp_path / "r2.png")
    assert _count(tmp_path / "r2.png", (0, 0, 255)) < 5
    line.set_visible(True)
    line.set_data([0, 1], [0.5, 0.5])
    assert line.get_ydata() == [0.5, 0.5]
    fig.savefig(tmp_path / "r3.png")
    assert _count(tmp_path / "r3.png", (0, 0, 255)) > 50
    with pytest.raises(TypeError, match="'colour'"):
        line.set(colour="k")
    assert len(fig.axes) == 4 and fig.status() == (0, "")


# ---- numc.mpl against matplotlib -----------------------------------------------------------
@need_mpl
def test_norms_match_matplotlib():
    v = [0.5, 1.0, 2.0, 10.0, 50.0]
    cases = [(colors.Normalize(1, 10), mcolors.Normalize(1, 10)),
             (colors.LogNorm(1, 100), mcolors.LogNorm(1, 100)),
             (colors.PowerNorm(0.5, 0, 50), mcolors.PowerNorm(0.5, 0, 50)),
             (colors.TwoSlopeNorm(2.0, 0.5, 50), mcolors.TwoSlopeNorm(2.0, 0.5, 50)),
             (colors.SymLogNorm(1.0, vmin=0.5, vmax=50, base=10), mcolors.SymLogNorm(1.0, vmin=0.5, vmax=50, base=10))]
    for ours, theirs in cases:
        assert list(ours(v)) == pytest.approx(list(numpy.ma.filled(theirs(v), numpy.nan)), nan_ok=True)
    b = [0, 1, 5, 20, 60]
    assert list(colors.BoundaryNorm(b, 4)(v)) == list(mcolors.BoundaryNorm(b, 4)(v))
    assert colors.Normalize(0, 10).inverse(0.25) == pytest.approx(2.5)


@need_mpl
def test_colors_and_colormaps_match_matplotlib():
    for c in ("red", "C3", "#12345678", "0.25", "tab:green", (0.1, 0.2, 0.3)):
        assert colors.to_rgba(c) == pytest.approx(mcolors.to_rgba(c))
    assert colors.to_hex("C1") == mcolors.to_hex("C1")
    assert colors.is_color_like("blue") and not colors.is_color_like("blu")
    for name in ("viridis", "RdBu_r", "tab10"):
        ours = cm.get_cmap(name)([0.0, 0.3, 1.0])
        theirs = matplotlib.colormaps[name]([0.0, 0.3, 1.0])
        assert numpy.array(ours) == pytest.approx(theirs, abs=1.5 / 255)  # 8-bit tables
    lc = colors.ListedColormap(["red", "green", "blue"])
    assert lc(0.5) == pytest.approx(mcolors.ListedColormap(["red", "green", "blue"])(0.5))
    fl = colors.LinearSegmentedColormap.from_list("rb", ["red", "blue"], N=5)
    ref = mcolors.LinearSegmentedColormap.from_list("rb", ["red", "blue"], N=5)
    assert numpy.array(fl([0.0, 0.5, 1.0])) == pytest.approx(ref([0.0, 0.5, 1.0]))
    v = cm.viridis.with_extremes(under="k", over="w")
    assert v(-1.0) == (0, 0, 0, 1) and v(2.0) == (1, 1, 1, 1)
    assert "viridis" in cm.colormaps and cm.colormaps["plasma"].name == "plasma"


def test_custom_colormap_draws(tmp_path):
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    cmap = colors.ListedColormap(["#ff0000", "#0000ff"])
    ax.imshow([[0.0, 1.0]], cmap=cmap, extent=(0, 2, 0, 2), aspect="auto")
    ax.axis("off")
    ax.set_xlim(0, 2)
    fig.subplots_adjust(0, 0, 1, 1)
    fig.savefig(tmp_path / "c.png")
    assert pixel(tmp_path / "c.png", 10, 50)[:3] == (255, 0, 0)
    assert pixel(tmp_path / "c.png", 90, 50)[:3] == (0, 0, 255)


@need_mpl
def test_tickers_match_matplotlib():
    for lo, hi, n in ((0, 1, 5), (-3.2, 17.5, 9), (1e3, 5e4, 4)):
        assert ticker.MaxNLocator(n).tick_values(lo, hi) == pytest.approx(
            list(mticker.MaxNLocator(n, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)))
        assert ticker.AutoLocator().tick_values(lo, hi) == pytest.approx(
            list(mticker.AutoLocator().tick_values(lo, hi)))
    assert ticker.MultipleLocator(0.5).tick_values(0.1, 2.2) == pytest.approx([0.5, 1.0, 1.5, 2.0])
    assert ticker.LogLocator().tick_values(1, 1000) == pytest.approx(
        list(mticker.LogLocator().tick_values(1, 1000)))
    assert ticker.FormatStrFormatter("%.2f")(3.14159) == mticker.FormatStrFormatter("%.2f")(3.14159)
    assert ticker.StrMethodFormatter("{x:,.0f}")(12345) == mticker.StrMethodFormatter("{x:,.0f}")(12345)
    assert ticker.PercentFormatter(1.0, decimals=1)(0.25) == \
        mticker.PercentFormatter(1.0, decimals=1).format_pct(0.25, 1.0)
    assert ticker.EngFormatter("Hz")(12000) == mticker.EngFormatter("Hz")(12000)
    assert ticker.NullFormatter()(5) == ""
    d = __import__("datetime").datetime(2024, 3, 5, 12)
    assert dates.date2num(d) == pytest.approx(mdates.date2num(d))
    assert dates.num2date(dates.date2num(d)).replace(tzinfo=None) == d
    assert dates.DateFormatter("%Y-%m")(dates.date2num(d)) == "2024-03"


def test_formatters_and_locators_reach_the_axis():
    fig, ax = plt.subplots()
    ax.plot([0, 10], [0, 1])
    ax.xaxis.set_major_locator(ticker.MultipleLocator(2.5))
    ax.yaxis.set_major_formatter(ticker.PercentFormatter(1.0))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, pos: "<%g>" % v))
    ticks = ax.get_xticks()
    assert ticks == pytest.approx([0, 2.5, 5, 7.5, 10])
    assert ax.get_xticklabels()[1] == "<2.5>"
    assert ax.get_yticklabels()[-1].endswith("%")


def test_bar_label_and_rcparams(tmp_path):
    import numc.mpl as mpl
    fig, ax = plt.subplots()
    bars = ax.bar(["a", "b"], [3, -2])
    labels = ax.bar_label(bars, fmt="%.1f", padding=2)
    assert len(labels) == 2 and labels[0].text == "3.0"
    hb = ax.barh([0, 1], [1, 2], left=[1, 1])
    assert [round(b[2], 3) for b in hb._bars] == [1, 2]
    ax.bar_label(hb, labels=["x", "y"], label_type="center")
    fig.savefig(tmp_path / "bl.png")
    old = mpl.rcParams["figure.figsize"]
    try:
        mpl.rcParams["figure.figsize"] = [3, 2]
        assert plt.rcParams is mpl.rcParams
        f = plt.figure()
        assert _plot.pixel_size(f._h) == (300, 200)
    finally:
        mpl.rcParams["figure.figsize"] = old


def test_mpl_package_imports():
    import numc.mpl.pyplot as plt2
    assert plt2 is plt
    assert plt.cm.viridis.name == "viridis" and plt.Normalize is colors.Normalize
    assert plt.Rectangle is patches.Rectangle and plt.MultipleLocator is ticker.MultipleLocator
    import numc.mpl as mpl
    mpl.use("Agg")
    assert mpl.ticker is ticker and mpl.colors is colors
    assert mpl.pyplot is plt
    mpl.rcParams["figure.figsize"] = [5, 4]
    with pytest.raises(ValueError):
        mpl.rcParams["axes.prop_cycle"] = None      # matplotlib: a cycler is expected
    with pytest.raises(KeyError):
        mpl.rcParams["no.such.key"] = 1


def test_keyword_tables_are_current():
    """python/src/ns_plot_kw.h is what scripts/gen_py_plot_kw.py makes of plot.h now."""
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, str(root / "scripts" / "gen_py_plot_kw.py"), "--check"])
    assert r.returncode == 0, "rerun scripts/gen_py_plot_kw.py: plot.h changed"


def test_every_function_survives_bad_arguments(tmp_path, monkeypatch):
    """Every row of the C table, given wrong handles, None, wrong types and empty data,
    raises a Python exception (never crashes): numc's NULL / empty checks reach Python."""
    monkeypatch.chdir(tmp_path)       # savefig(fig, "x") writes x.png
    fig = plt.figure()
    ax = fig.add_subplot(1, 1, 1)
    gs = fig.add_gridspec(1, 1)._handle(fig)
    garbage = [None, "x", 1.5, [], [[1, 2], [3]], numpy.zeros((0,)), object()]
    for name in _plot.functions():
        sig_len = None
        for n in range(0, 9):          # find the arity from the error message (bar3d: 7)
            try:
                _plot.call(name, *([None] * n))
            except TypeError as e:
                if "positional arguments" in str(e):
                    continue
                sig_len = n
                break
            except (ValueError, RuntimeError):
                sig_len = n
                break
            else:
                sig_len = n
                break
        assert sig_len is not None, name
        for g in garbage:
            for h in (ax._h, fig._h, gs, g):
                args = [h] + [g] * (sig_len - 1)
                if name == "style_use":
                    args = [g]
                try:
                    _plot.call(name, *args)
                except (TypeError, ValueError, IndexError, OverflowError, RuntimeError):
                    pass
        # keywords of the wrong types
        for k in _plot.keywords(name)[:40]:
            try:
                _plot.call(name, ax._h, *([None] * (sig_len - 1)), **{k: object()})
            except (TypeError, ValueError, IndexError, OverflowError, RuntimeError):
                pass


def test_figures_do_not_leak():
    """Figures are freed with their Python objects: 800 cycles of figure, plots, legend,
    colorbar, a rendering and close keep the RSS flat (keeping the figures alive grows it
    by about 19 MB here; freeing them, by 0)."""
    import gc
    import resource

    def cycle():
        fig, ax = plt.subplots(figsize=(2, 2), dpi=40)
        ax.plot([0, 1, 2], [1, 0, 1], label="l")
        im = ax.imshow([[0.0, 1.0], [1.0, 0.0]])
        fig.colorbar(im, ax=ax)
        ax.legend()
        fig.canvas.buffer_rgba()
        plt.close(fig)

    for _ in range(100):
        cycle()
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(800):
        cycle()
    gc.collect()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if os.environ.get("NUMC_PY_SANITIZED") == "1":
        pytest.skip("ASan's quarantine keeps freed memory resident; the cycles ran, RSS not judged")
    assert after - before < 4_000, "RSS grew by %d KiB" % (after - before)

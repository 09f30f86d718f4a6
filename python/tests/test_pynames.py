"""numc.pyplot's names for plot.h calls that had none (issue 21, numc/_pyplot_names.py and
_pyplot_names3d.py), each compared with matplotlib 3.6 run on the same calls in the same process: numbers where
the call returns numbers, the rendering (RMS over 0..255 with the axes off, so no text
drifts) where it draws."""
import math

import numpy as np
import pytest

import numc.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402
from mpl_toolkits.mplot3d import Axes3D  # noqa: E402,F401


pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.fixture(autouse=True)
def _rc_defaults():
    yield
    mpl.rcdefaults()
    plt.rcdefaults()


def _both(fn):
    return fn(plt), fn(mplt)


def _near(a, b, tol):
    a, b = np.ravel(np.asarray(a, dtype=float)), np.ravel(np.asarray(b, dtype=float))
    assert a.shape == b.shape, (a, b)
    assert np.all(np.abs(a - b) <= tol), (a, b)


def _draw(fig):
    if hasattr(fig, "canvas"):
        fig.canvas.draw()


def _pixels(p, fig):
    if p is plt:
        return np.asarray(fig.canvas.buffer_rgba(), dtype=float)[..., :3]
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba(), dtype=float)[..., :3]


def _rms(fn, tol):
    n, m = _both(fn)
    a, b = _pixels(plt, n), _pixels(mplt, m)
    assert a.shape == b.shape
    rms = math.sqrt(float(np.mean((a - b) ** 2)))
    assert rms < tol, rms
    return a


def _ink(a):
    """The box (rows, columns) of the non-white pixels and their fraction of the image."""
    mask = np.any(a < 250, axis=-1)
    rows, cols = np.where(mask)
    return (rows.min(), rows.max(), cols.min(), cols.max()), float(mask.mean())


def _same_ink(fn, box_px, frac_rel):
    """Structural check for drawings whose strokes differ in detail (contour lines, thin
    edges): the drawn region within box_px pixels, the inked fraction within frac_rel."""
    n, m = _both(fn)
    (bn, fn_), (bm, fm) = _ink(_pixels(plt, n)), _ink(_pixels(mplt, m))
    assert max(abs(u - v) for u, v in zip(bn, bm)) <= box_px, (bn, bm)
    assert abs(fn_ - fm) <= frac_rel * fm, (fn_, fm)


def _cells(a, k):
    """The colours at the centres of a k x k image drawn with the axes off."""
    (r0, r1, c0, c1), _ = _ink(a)
    h, w = (r1 - r0 + 1) / k, (c1 - c0 + 1) / k
    return np.array([[a[int(r0 + (i + 0.5) * h), int(c0 + (j + 0.5) * w)] for j in range(k)]
                     for i in range(k)])


# ---- the artists of an axes -----------------------------------------------------------------
def test_get_lines_images_children_counts():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 1, 2], [0, 1, 4])
        ax.plot([0, 1], [1, 0], label="b")
        ax.imshow([[0, 1], [2, 3]])
        return fig, ax
    (nf, n), (mf, m) = _both(run)
    assert len(n.get_lines()) == len(m.get_lines()) == 2
    assert len(n.get_images()) == len(m.get_images()) == 1
    assert sum(c.__class__.__name__ == "Line2D" for c in n.get_children()) == 2
    assert n.get_legend() is None and m.get_legend() is None
    n.legend()
    m.legend()
    assert n.get_legend() is not None and m.get_legend() is not None
    # an artist from get_lines is live: its setter changes the figure
    red = np.asarray(nf.canvas.buffer_rgba())[..., :3]
    assert not np.any(np.all(red == (255, 0, 0), axis=-1))
    n.get_lines()[0].set_color("red")
    red = np.asarray(nf.canvas.buffer_rgba())[..., :3]
    assert np.any(np.all(red == (255, 0, 0), axis=-1))


def test_figure_findobj_and_children():
    def run(p):
        fig, (a, b) = p.subplots(1, 2)
        a.plot([0, 1], [0, 1])
        b.plot([0, 1], [1, 0])
        b.plot([0, 1], [0.5, 0.5])
        return fig, a, b
    (nf, na, nb), (mf, ma, mb) = _both(run)
    from matplotlib.lines import Line2D
    mine = nf.findobj(plt.Line2D, include_self=False)
    theirs = [o for o in mf.findobj(Line2D) if o in ma.lines or o in mb.lines]
    assert len(mine) == len(theirs) == 3
    assert [o.axes for o in mine] == [na, nb, nb]
    assert plt.findobj(nf, "line", include_self=False)[0].axes is na
    assert nf in nf.findobj()
    assert nf in nf.findobj(type(nf)) and nf not in nf.findobj(plt.Line2D)
    assert len(nf.findobj(lambda o: getattr(o, "axes", None) is nb)) == 2
    kids, mkids = nf.get_children(), mf.get_children()
    assert [type(k).__name__ for k in kids] == ["_FigPatch", "Axes", "Axes"]
    assert [type(k).__name__ for k in mkids][1:] == ["AxesSubplot", "AxesSubplot"]
    assert kids[1] is na and kids[2] is nb


def test_shared_axes_joined():
    def run(p):
        fig, axs = p.subplots(1, 3, sharey=True)
        return axs
    n, m = _both(run)
    for i in range(3):
        for j in range(3):
            assert n[0].get_shared_y_axes().joined(n[i], n[j]) == \
                m[0].get_shared_y_axes().joined(m[i], m[j])
            assert n[0].get_shared_x_axes().joined(n[i], n[j]) == \
                m[0].get_shared_x_axes().joined(m[i], m[j])
    assert len(n[0].get_shared_y_axes().get_siblings(n[0])) == 3


# ---- axes properties --------------------------------------------------------------------------
@pytest.mark.parametrize("value", [True, False, None])
def test_clip_on_snap_url(value):
    def run(p):
        fig, ax = p.subplots()
        before = (ax.get_clip_on(), ax.get_snap(), ax.get_url())
        ax.set_clip_on(bool(value))
        ax.set_snap(value)
        ax.set_url(None if value is None else "https://x/%s" % value)
        return before, (ax.get_clip_on(), ax.get_snap(), ax.get_url())
    assert _both(run)[0] == _both(run)[1]


@pytest.mark.parametrize("below", [True, False, "line"])
def test_set_axisbelow(below):
    def run(p):
        fig, ax = p.subplots()
        ax.set_axisbelow(below)
        return ax.get_axisbelow()
    n, m = _both(run)
    assert (n == m) or (n == 2 and m == "line") or (n == 1 and m is True) or (n == -1 and m is False)


def test_set_fc_is_set_facecolor():
    def run(p):
        fig, ax = p.subplots()
        ax.set_fc("0.25")
        return tuple(ax.get_facecolor())
    n, m = _both(run)
    _near(n, m, 1e-9)


@pytest.mark.parametrize("xm,ym", [(0, 0.2), (0.3, 0), (0.1, 0.1)])
def test_set_xmargin_ymargin_limits(xm, ym):
    def run(p):
        fig, ax = p.subplots()
        ax.plot([1, 3, 2], [10, 20, 15])
        ax.set_xmargin(xm)
        ax.set_ymargin(ym)
        return ax.get_xlim(), ax.get_ylim()
    n, m = _both(run)
    _near(n, m, 1e-9)


@pytest.mark.parametrize("axis,tight", [("both", None), ("x", True), ("y", True), ("both", True)])
def test_autoscale_after_set_lim(axis, tight):
    def run(p):
        fig, ax = p.subplots()
        ax.plot([1, 3, 2], [10, 20, 15])
        ax.set_xlim(0, 100)
        ax.set_ylim(-50, 50)
        ax.autoscale(True, axis=axis, tight=tight)
        return ax.get_xlim(), ax.get_ylim()
    n, m = _both(run)
    _near(n, m, 1e-9)


def test_plt_autoscale_and_box():
    def run(p):
        p.figure()
        p.plot([0, 5], [0, 1])
        p.xlim(0, 1)
        p.autoscale()
        p.box(False)
        ax = p.gca()
        off = ax.get_frame_on()
        p.box()
        return ax.get_xlim(), off, ax.get_frame_on()
    n, m = _both(run)
    _near(n[0], m[0], 1e-9)
    assert n[1:] == m[1:] == (False, True)


def test_apply_aspect_position():
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4))
        ax.plot([0, 1], [0, 2])
        ax.set_aspect("equal")
        ax.apply_aspect()
        return ax.get_position().bounds
    n, m = _both(run)
    _near(n, m, 1e-6)


# ---- transforms and boxes ---------------------------------------------------------------------
def test_transforms_and_window_extent():
    def run(p):
        fig, ax = p.subplots(figsize=(6, 4), dpi=100)
        ax.plot([0, 10], [-1, 1])
        ax.set_xlim(0, 10)
        ax.set_ylim(-1, 1)
        _draw(fig)
        pts = [(0.25, 0.75), (1, 0)]
        out = [ax.get_transform().transform(pts),
               ax.get_xaxis_transform().transform([(5, 0.5)]),
               ax.get_yaxis_transform().transform([(0.5, 0.5)]),
               ax.get_xaxis_text1_transform(3.5)[0].transform([(5, 0)]),
               ax.get_xaxis_text2_transform(3.5)[0].transform([(5, 1)]),
               ax.get_yaxis_text1_transform(3.5)[0].transform([(0, 0.5)]),
               ax.get_yaxis_text2_transform(3.5)[0].transform([(1, 0.5)]),
               ax.get_transform().inverted().transform([(300, 200)])]
        e = ax.get_window_extent()
        aligns = [ax.get_xaxis_text1_transform(1)[1:], ax.get_xaxis_text2_transform(1)[1:],
                  ax.get_yaxis_text1_transform(1)[1:], ax.get_yaxis_text2_transform(1)[1:]]
        return out, (e.x0, e.y0, e.x1, e.y1), aligns
    n, m = _both(run)
    for u, v in zip(n[0], m[0]):
        _near(u, v, 1e-6)
    _near(n[1], m[1], 1e-6)
    assert [tuple(a) for a in n[2]] == [tuple(a) for a in m[2]]


@pytest.mark.parametrize("xy,inside", [((300, 200), True), ((10, 10), False), ((575, 421), True)])
def test_in_axes(xy, inside):
    class Ev:
        x, y = xy

    def run(p):
        fig, ax = p.subplots(figsize=(6.4, 4.8), dpi=100)
        _draw(fig)
        return ax.in_axes(Ev())
    assert _both(run) == (inside, inside)


def test_tick_lines_gridlines_labels():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 1], [0, 10])
        ax.minorticks_on()
        _draw(fig)
        return ([tuple(g.get_xdata()) for g in ax.get_xgridlines()],
                [tuple(g.get_ydata()) for g in ax.get_ygridlines()],
                len(ax.get_xticklines()), len(ax.get_yticklines()),
                [t.get_text() for t in ax.get_xmajorticklabels()],
                [t.get_position()[1] for t in ax.get_ymajorticklabels()],
                [t.get_position()[0] for t in ax.get_xminorticklabels()],
                [t.get_text() for t in ax.get_yminorticklabels()])
    n, m = _both(run)
    # matplotlib lists the locator's ticks, those just outside the view included: compare
    # the ones inside the view
    def inside(v, lim):
        return [x for x in v if lim[0] + 1e-6 < (x[0] if isinstance(x, tuple) else x) < lim[1] - 1e-6]
    xl, yl = (-0.05, 1.05), (-0.5, 10.5)
    assert inside(n[0], xl) == inside(m[0], xl)
    assert inside(n[1], yl) == inside(m[1], yl)
    assert n[2] == 2 * len(n[0]) and n[3] == 2 * len(n[1])
    assert [t.replace("\u2212", "-") for t in n[4]] == \
        [t.replace("\u2212", "-") for t in m[4]][1:-1] or n[4] == [t for t in m[4]]
    _near(inside(n[6], xl), inside(m[6], xl), 1e-9)
    assert set(n[7]) <= {""} and set(m[7]) <= {""}


# ---- adding and removing ----------------------------------------------------------------------
def test_remove_and_add_line():
    def run(p):
        fig, (a, b) = p.subplots(1, 2)
        b.remove()
        if p is plt:
            from numc.mpl.lines import Line2D
        else:
            from matplotlib.lines import Line2D
        a.add_line(Line2D([0, 2], [0, 3]))
        a.autoscale_view() if p is mplt else None
        return len(fig.axes), len(a.get_lines()), a.get_xlim(), a.get_ylim()
    n, m = _both(run)
    assert n[:2] == m[:2] == (1, 1)
    _near(n[2:], m[2:], 1e-9)


def test_add_image_and_table_copy_the_call():
    fig, (a, b) = plt.subplots(1, 2)
    im = a.imshow([[0, 1], [2, 3]])
    b.add_image(im)
    assert len(b.get_images()) == 1
    t = a.table(cellText=[["1", "2"]], loc="bottom")
    n0 = len(b.get_children())
    b.add_table(t)
    assert len(b.get_children()) > n0
    with pytest.raises(TypeError):
        b.add_image(object())


def test_add_child_axes_follows_parent():
    fig, ax = plt.subplots()
    other = fig.add_axes([0.3, 0.3, 0.2, 0.2])
    child = ax.add_child_axes(other)
    assert len(fig.axes) == 1 and child.figure is fig   # the old axes left the figure
    ax.set_position([0.1, 0.1, 0.4, 0.4])
    bb, pb = child.get_position(), ax.get_position()
    assert pb.x0 < bb.x0 < bb.x1 < pb.x1


def test_indicate_inset_rectangle_and_connectors():
    def run(p):
        fig, ax = p.subplots()
        ax.plot([0, 10], [0, 10])
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ins = ax.inset_axes([0.6, 0.1, 0.3, 0.3])
        rect, conns = ax.indicate_inset([2, 2, 2, 2], ins)
        return len(conns)
    assert _both(run) == (4, 4)
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="bogus"):
        ax.indicate_inset([0, 0, 1, 1], bogus=2)


# ---- figures ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name,value", [
    ("alpha", 0.4), ("alpha", None), ("clip_on", False), ("gid", "g1"), ("in_layout", False),
    ("label", "fig A"), ("rasterized", True), ("snap", True), ("snap", False),
    ("tight_layout", True), ("url", "https://numc"), ("visible", False), ("zorder", 3.0)])
def test_figure_properties(name, value):
    def run(p):
        fig = p.figure()
        before = getattr(fig, "get_" + name)()
        getattr(fig, "set_" + name)(value)
        return before, getattr(fig, "get_" + name)()
    n, m = _both(run)
    assert n == m


def test_figure_draw_and_window_extent():
    def run(p):
        fig, ax = p.subplots(figsize=(5, 3), dpi=80)
        ax.plot([0, 1], [0, 1])
        fig.draw_without_rendering()
        if p is plt:
            fig.draw()
        else:
            fig.draw(fig.canvas.get_renderer())
        e = fig.get_window_extent()
        return (e.x0, e.y0, e.x1, e.y1), ax.get_xlim()
    n, m = _both(run)
    _near(n[0], m[0], 1e-9)
    _near(n[1], m[1], 1e-9)


# ---- pyplot's colormap functions --------------------------------------------------------------
@pytest.mark.parametrize("name", ["autumn", "bone", "cool", "copper", "flag", "gray", "hot",
                                  "hsv", "inferno", "jet", "magma", "nipy_spectral", "pink",
                                  "plasma", "prism", "spring", "summer", "viridis", "winter"])
def test_colormap_functions_set_rc_and_current_image(name):
    def run(p):
        fig, ax = p.subplots(figsize=(2, 2), dpi=50)
        p.imshow(np.arange(16.0).reshape(4, 4))   # pyplot's imshow: the current image
        ax.set_axis_off()
        getattr(p, name)()
        return fig
    n, m = _both(run)
    _near(_cells(_pixels(plt, n), 4), _cells(_pixels(mplt, m), 4), 2)
    assert plt.rcParams["image.cmap"] == mpl.rcParams["image.cmap"] == name


def test_set_cmap_unknown_name():
    with pytest.raises(ValueError):
        plt.set_cmap("no_such_map")


def test_set_cmap_leaves_axes_images_alone():
    def run(p):
        fig, ax = p.subplots(figsize=(2, 2), dpi=50)
        ax.imshow(np.arange(16.0).reshape(4, 4))   # not made current (matplotlib's sci)
        ax.set_axis_off()
        p.set_cmap("gray")
        return fig
    n, m = _both(run)
    _near(_cells(_pixels(plt, n), 4), _cells(_pixels(mplt, m), 4), 2)
    assert plt.rcParams["image.cmap"] == "gray"


# ---- triangulations ---------------------------------------------------------------------------
_X = np.array([0.0, 1.0, 0.0, 1.0, 0.5, 0.2, 0.8])
_Y = np.array([0.0, 0.0, 1.0, 1.0, 0.5, 0.7, 0.3])
_Z = _X ** 2 + _Y
_T = [[0, 1, 4], [1, 3, 4], [3, 2, 4], [2, 0, 4]]


@pytest.mark.parametrize("shading", ["flat", "gouraud"])
def test_tripcolor_renders_as_matplotlib(shading):
    x, y, z = _X[:5], _Y[:5], _Z[:5]

    def run(p):
        fig, ax = p.subplots(figsize=(3, 3), dpi=50)
        ax.tripcolor(x, y, z, triangles=_T, shading=shading)
        ax.set_axis_off()
        return fig
    _rms(run, 10.0)
    _same_ink(run, 1, 0.03)


def test_tricontourf_and_tricontour_render_and_limits():
    def run(p):
        fig, ax = p.subplots(figsize=(3, 3), dpi=50)
        ax.tricontourf(_X, _Y, _Z, levels=[0, 0.5, 1.0, 1.5, 2.0])
        ax.tricontour(_X, _Y, _Z, [0.25, 0.75], colors="k")
        ax.set_axis_off()
        return fig
    _rms(run, 12.0)

    def lims(p):
        fig, ax = p.subplots()
        ax.tricontour(_X, _Y, _Z)
        return ax.get_xlim(), ax.get_ylim()
    n, m = _both(lims)
    _near(n, m, 1e-9)


def test_triplot_with_triangulation_object_and_mask():
    tri = mtri.Triangulation(_X[:5], _Y[:5], _T, mask=[False, True, False, False])

    def run(p):
        fig, ax = p.subplots(figsize=(3, 3), dpi=50)
        out = ax.triplot(tri, "k-")
        ax.set_axis_off()
        return fig, len(out), ax.get_xlim(), ax.get_ylim()
    n, m = _both(run)
    assert n[1] == m[1] == 2   # [edges, markers], as matplotlib
    _near(n[2:], m[2:], 1e-9)
    _same_ink(lambda p: run(p)[0], 1, 0.15)


def test_pyplot_tri_functions_use_current_axes():
    plt.figure()
    plt.triplot(_X, _Y)
    plt.tripcolor(_X, _Y, _Z)
    plt.tricontour(_X, _Y, _Z)
    plt.tricontourf(_X, _Y, _Z)
    assert len(plt.gca().get_lines()) >= 1
    edges, markers = plt.triplot(_X, _Y, "ko-")
    edges.set_color("red")
    edges, markers = plt.triplot(_X, _Y)
    markers.set_color("red")
    with pytest.raises(TypeError, match="bogus"):
        plt.tripcolor(_X, _Y, _Z, bogus=1)


# ---- Axes3D -----------------------------------------------------------------------------------
def _ax3(p):
    fig = p.figure()
    ax = fig.add_subplot(projection="3d")
    return fig, ax


def test_axes3d_limits_and_cubes():
    def run(p):
        fig, ax = _ax3(p)
        ax.plot_trisurf(_X, _Y, _Z)
        _draw(fig)
        return (ax.get_w_lims(), ax.get_xlim(), ax.get_xlim3d(), ax.get_ylim(), ax.get_ylim3d(),
                ax.get_zlim3d(), ax.unit_cube(), ax.unit_cube((0, 1, 2, 3, 4, 5)))
    n, m = _both(run)
    for u, v in zip(n, m):
        _near(u, v, 1e-9)


def test_axes3d_tunit_cube_edges():
    def run(p):
        fig, ax = _ax3(p)
        ax.plot([0, 1], [0, 2], [0, 3])
        ax.set_xlim3d(0, 1)
        ax.set_ylim3d(0, 2)
        ax.set_zlim3d(0, 3)
        _draw(fig)
        return np.asarray(ax.tunit_cube(), dtype=float), \
            np.asarray([np.asarray(e, dtype=float) for e in ax.tunit_edges()])
    n, m = _both(run)
    _near(n[0], m[0], 1e-9)
    _near(n[1], m[1], 1e-9)


def test_axes3d_z_properties():
    def run(p):
        fig, ax = _ax3(p)
        ax.plot([0, 1], [0, 1], [0, 1])
        ax.set_zlabel("height")
        ax.set_zscale("linear")
        on = ax.get_autoscalez_on()
        ax.set_autoscalez_on(False)
        ax.set_zticks([0, 0.5, 1])
        ax.set_zticklabels(["lo", "mid", "hi"])
        ax.set_title("t")
        return ax.get_zlabel(), ax.get_zscale(), on, ax.get_autoscalez_on(), ax.get_title()
    assert _both(run)[0] == _both(run)[1]
    fig, ax = _ax3(plt)
    with pytest.raises(ValueError):
        ax.set_zscale("log")
    with pytest.raises(TypeError, match="bogus"):
        ax.set_zscale("linear", bogus=1)


def test_axes3d_grid_axis_off_contour3D_render():
    xs = np.linspace(-1, 1, 20)
    X, Y = np.meshgrid(xs, xs)
    Z = X ** 2 - Y ** 2

    def run(p):
        fig = p.figure(figsize=(3, 3), dpi=50)
        ax = fig.add_subplot(projection="3d")
        ax.contourf3D(X, Y, Z)
        ax.contour3D(X, Y, Z, colors="k")
        ax.grid(False)
        ax.set_axis_off()
        ax.set_axis_on()
        ax.set_axis_off()
        return fig
    _same_ink(run, 4, 0.25)


def test_plot_trisurf_renders_as_matplotlib():
    def run(p):
        fig = p.figure(figsize=(3, 3), dpi=50)
        ax = fig.add_subplot(projection="3d")
        ax.plot_trisurf(_X, _Y, _Z, cmap="viridis")
        ax.set_axis_off()
        return fig
    _rms(run, 20.0)
    _same_ink(run, 2, 0.05)


# ---- polar ------------------------------------------------------------------------------------
def test_polar_rgrids_thetagrids_ticks():
    def run(p):
        p.figure()
        p.polar([0, 1, 2], [1, 2, 3])
        lines, labels = p.rgrids([0.5, 1.0, 2.0], angle=45)
        tl, tlab = p.thetagrids([0, 90, 180, 270], labels=["E", "N", "W", "S"])
        ax = p.gca()
        _draw(p.gcf())
        return (list(ax.get_yticks()), list(ax.get_xticks()), len(lines), len(tl),
                [t.get_text() for t in tlab], ax.name)
    n, m = _both(run)
    _near(n[0], m[0], 1e-9)
    _near(n[1], m[1], 1e-9)
    assert n[2:] == m[2:]


def test_rgrids_needs_polar_axes():
    plt.figure()
    plt.plot([0, 1])
    with pytest.raises(RuntimeError):
        plt.rgrids([1])


# ---- pyplot wrappers of Axes / Figure methods -------------------------------------------------
def test_pyplot_wrappers_on_current_axes():
    def run(p):
        fig, ax = p.subplots()
        bars = p.bar([1, 2], [3, 4])
        p.bar_label(bars)
        p.arrow(0, 0, 1, 1)
        p.locator_params(axis="y", nbins=3)
        p.ticklabel_format(axis="y", style="sci", scilimits=(0, 0))
        p.figimage(np.zeros((4, 4)))
        _draw(fig)
        lo, hi = ax.get_ylim()
        return [t for t in ax.get_yticks() if lo - 1e-9 <= t <= hi + 1e-9]
    n, m = _both(run)
    _near(n, m, 1e-9)

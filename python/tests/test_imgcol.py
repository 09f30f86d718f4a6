"""numc.pyplot's gci / sci / clim, set_clim / get_clim, pcolorfast, violin and set_prop_cycle
(numc/_pyplot_imgcol.py), each compared with matplotlib 3.6 run on the same calls in the same
process: limits, the pixels of the drawn cells, the colorbar's range."""
import pytest

import numc.pyplot as plt

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as mplt  # noqa: E402
import numpy as np  # noqa: E402
from cycler import cycler  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")
    mplt.close("all")


Z = [[float(5 * i + j) for j in range(5)] for i in range(4)]


def _pixels(fig):
    fig.canvas.draw()
    w, h = fig.canvas.get_width_height()
    return np.frombuffer(bytes(fig.canvas.buffer_rgba()), dtype=np.uint8).reshape(h, w, 4)


def _cell_px(mod, fig, ax, x, y):
    """the pixel at data point (x, y): through the drawn axes' box and limits (both libraries)"""
    px = _pixels(fig)
    h, w = px.shape[:2]
    b = ax.get_position()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fx = b.x0 + b.width * (x - x0) / (x1 - x0)
    fy = b.y0 + b.height * (y - y0) / (y1 - y0)
    return px[int(h - fy * h), int(fx * w), :3].astype(int)


def test_clim_recolours_image_and_colorbar():
    out = {}
    for mod in (plt, mplt):
        fig = mod.figure(figsize=(4, 3), dpi=100)
        im = mod.imshow(Z)
        cb = fig.colorbar(im)
        assert mod.gci() is im
        mod.clim(4, 12)
        assert tuple(im.get_clim()) == (4, 12)
        fig.canvas.draw()
        lim = cb.ax.get_ylim()
        out[mod] = (tuple(lim), [tuple(_cell_px(mod, fig, im.axes, j, i)) for i in range(4) for j in range(5)])
        im.set_clim((None, 16))
        assert tuple(im.get_clim()) == (4, 16)
    assert out[plt][0] == pytest.approx(out[mplt][0])
    for a, b in zip(out[plt][1], out[mplt][1]):
        assert max(abs(u - v) for u, v in zip(a, b)) <= 3, (a, b)


def test_gci_sci_follow_pyplot():
    for mod in (plt, mplt):
        mod.figure()
        assert mod.gci() is None
        with pytest.raises(RuntimeError, match="You must first define an image"):
            mod.clim(0, 1)
        m = mod.pcolormesh(Z)
        s = mod.scatter([0, 1, 2], [0, 1, 2], c=[1, 2, 3])
        assert mod.gci() is s
        mod.sci(m)
        assert mod.gci() is m
        lines = mod.plot([0, 1], [0, 1])
        with pytest.raises(TypeError, match="must be an instance of"):
            mod.sci(lines[0])
        mod.figure()
        mod.plot([0, 1])
        with pytest.raises(ValueError, match="Argument must be an image"):
            mod.sci(m)
        s.set_clim(0, 5)
        assert tuple(s.get_clim()) == (0, 5)


def test_set_clim_after_replay_keeps():
    fig = plt.figure()
    ax = fig.add_subplot()
    m = ax.pcolormesh(Z)
    m.set_clim(5, 15)
    ax.set_title("x")  # more calls; the figure is made again from its log when drawn
    fig._replay()
    assert tuple(m.get_clim()) == (5, 15)


def test_pcolorfast_kinds_and_limits():
    C = [[0.0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    cases = [(), ([0, 2, 4, 6, 8], [0, 1, 2, 3]), ([0, 1, 3, 6, 10], [0, 1, 3, 4])]
    for xy in cases:
        res = {}
        for mod in (plt, mplt):
            fig, ax = mod.subplots()
            r = ax.pcolorfast(*xy, C, cmap="magma")
            fig.canvas.draw()
            res[mod] = (type(r).__name__ if mod is mplt else r._kind, ax.get_xlim(), ax.get_ylim())
        assert res[plt][0] == res[mplt][0]
        assert tuple(res[plt][1]) == pytest.approx(tuple(res[mplt][1]))
        assert tuple(res[plt][2]) == pytest.approx(tuple(res[mplt][2]))
    with pytest.raises(TypeError, match="foo"):
        plt.subplots()[1].pcolorfast(C, foo=1)


def test_violin_from_stats():
    vp = [dict(coords=[0, 1, 2, 3, 4], vals=[0, 1, 2, 1, 0.5], mean=2.1, median=1.9, min=0, max=4,
               quantiles=[1.0, 3.0]),
          dict(coords=[1, 2, 3], vals=[0.2, 0.4, 0.1], mean=2.0, median=2.2, min=1, max=3)]
    lims = {}
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        r = ax.violin(vp, positions=[2, 5], widths=[0.4, 1.0], showmeans=True, showmedians=True)
        assert len(r["bodies"]) == 2
        assert "cquantiles" in r and "cmeans" in r and "cmedians" in r
        fig.canvas.draw()
        lims[mod] = (ax.get_xlim(), ax.get_ylim())
    assert tuple(lims[plt][0]) == pytest.approx(tuple(lims[mplt][0]))
    assert tuple(lims[plt][1]) == pytest.approx(tuple(lims[mplt][1]))
    with pytest.raises(ValueError, match="positions"):
        plt.subplots()[1].violin(vp, positions=[1])


def _line_props(ax, mod):
    out = []
    for l in ax.get_lines() if mod is mplt else []:
        out.append((mpl.colors.to_hex(l.get_color()), l.get_linestyle(), l.get_linewidth()))
    return out


def test_set_prop_cycle_pixels():
    """lines drawn with the axes' cycle: the colour at each line's middle as matplotlib's"""
    res = {}
    for mod in (plt, mplt):
        fig, ax = mod.subplots(figsize=(4, 3), dpi=100)
        ax.set_prop_cycle(color=["r", "g", "b"], linewidth=[3, 3, 3])
        for i in range(4):
            ax.plot([0, 1], [i, i])
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 4)
        fig.canvas.draw()
        res[mod] = [tuple(_cell_px(mod, fig, ax, 0.5, i)) for i in range(4)]
    assert res[plt] == res[mplt] or all(max(abs(u - v) for u, v in zip(a, b)) <= 40
                                        for a, b in zip(res[plt], res[mplt]))
    assert res[plt][0][0] > 200 and res[plt][3][0] > 200  # red, then red again after b


def test_set_prop_cycle_cycler_and_errors():
    fig, ax = plt.subplots()
    ax.set_prop_cycle(cycler(marker=["o", "s"]) * cycler(lw=[1, 3]))
    ax.set_prop_cycle("color", ["k", "r"])
    ax.set_prop_cycle(None)
    with pytest.raises(ValueError, match="equal length"):
        ax.set_prop_cycle(color=["r", "g"], lw=[1, 2, 3])
    with pytest.raises(TypeError, match="foo"):
        ax.set_prop_cycle(foo=[1])


def test_add_collection_lines_and_polys():
    from numc.mpl.collections import LineCollection as NLC, PolyCollection as NPC
    from matplotlib.collections import LineCollection as MLC, PolyCollection as MPC
    segs = [[(0, 0), (4, 1)], [(0, 2), (4, 2)], [(1, 3), (2, 5), (3, 3)]]
    verts = [[(0, 0), (1, 0), (1, 1)], [(2, 0), (3, 0), (3, 2), (2, 2)], [(4, 1), (5, 3), (6, 1)]]
    res = {}
    for mod, LC, PC in ((plt, NLC, NPC), (mplt, MLC, MPC)):
        fig, (a, b) = mod.subplots(1, 2, figsize=(6, 3), dpi=100)
        a.add_collection(LC(segs, colors=["r", "g", "b"], linewidths=[1, 3, 6]))
        pc = b.add_collection(PC(verts, array=[1.0, 2.0, 4.0], cmap="viridis", edgecolors="k"))
        a.autoscale_view()
        b.autoscale_view()
        fig.colorbar(pc, ax=b)
        mod.sca(b)
        mod.sci(pc)  # (matplotlib's add_collection does not make it current; numc's does)
        assert mod.gci() is pc
        pc.set_clim(2, 3)
        fig.canvas.draw()
        res[mod] = (a.get_xlim(), a.get_ylim(), b.get_xlim(), b.get_ylim(), tuple(pc.get_clim()),
                    tuple(_cell_px(mod, fig, a, 2, 2)), tuple(_cell_px(mod, fig, a, 1.5, 4)))
    for u, v in zip(res[plt][:5], res[mplt][:5]):
        assert tuple(u) == pytest.approx(tuple(v))
    for u, v in zip(res[plt][5:], res[mplt][5:]):
        assert max(abs(p - q) for p, q in zip(u, v)) <= 3, (u, v)
    with pytest.raises(TypeError, match="foo"):
        NLC(segs, foo=1)


def test_containers_registered_as_matplotlib():
    kinds = {}
    for mod in (plt, mplt):
        fig, ax = mod.subplots()
        ax.bar([1, 2], [3, 4])
        ax.errorbar([1, 2], [1, 2], yerr=[0.1, 0.2], capsize=3)
        ax.stem([1, 2], [2, 1])
        ax.hist([1, 2, 2, 3], bins=3)
        kinds[mod] = ax.get_container_kinds() if mod is plt else [type(c).__name__ for c in ax.containers]
    assert kinds[plt] == kinds[mplt]
    fig, ax = plt.subplots()
    l1 = ax.plot([0, 1], [0, 1])[0]
    l2 = ax.plot([0, 1], [1, 0])[0]
    c = ax.add_container(plt.Container([l1, l2], label="pair"))
    assert c.get_label() == "pair"
    assert ax.get_container_kinds() == ["Container"]
    fig._replay()
    assert ax.get_container_kinds() == ["Container"]
    with pytest.raises(ValueError, match="every part"):
        plt.subplots()[1].add_container(plt.Container([l1]))

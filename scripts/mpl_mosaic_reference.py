"""Reference numbers for tests/test_plot_mosaic.c from matplotlib 3.6 (issue 20: subplot_mosaic,
sharing with any axes, nested GridSpec, supxlabel / supylabel).

Run with Debian's python3 (matplotlib 3.6.3):
    /usr/bin/python3 scripts/mpl_mosaic_reference.py > tests/data/mosaic/reference.txt

With --draw OUT.png, draws examples/mosaic.c's figure instead (for looking at both).

Each line: `case label key values...`; key `pos` is ax.get_position().bounds (the original
position, figure fractions), `xt`/`yt` the major ticks inside the view, `xl`/`yl` whether the
bottom (left) tick labels are visible, `lim` the x and y view limits.
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sys  # noqa: E402


def draw_example(path):
    x = np.linspace(0, 10, 400)
    y = np.sin(2 * x) * np.exp(-x / 6) + 0.3 * np.sin(9 * x)
    fig = plt.figure(figsize=(8, 5.5))
    m = fig.subplot_mosaic([["signal", "signal", "hist"], ["zoom", [["f1", "f2"], ["f3", "f4"]], "hist"]],
                           gridspec_kw={"wspace": 0.3, "hspace": 0.35})
    m["signal"].plot(x, y)
    m["signal"].set_title("signal")
    m["zoom"].plot(x, y, color="C1")
    m["zoom"].sharey(m["signal"])
    m["zoom"].set_xlim(2, 4)
    m["zoom"].set_title("zoom (shares y)")
    m["hist"].bar([-1.25, -0.75, -0.25, 0.25, 0.75, 1.25], [14, 52, 101, 118, 75, 40],
                  width=0.45, color="C2")
    m["hist"].set_title("values")
    for k, n in enumerate(["f1", "f2", "f3", "f4"]):
        m[n].plot(x, np.sin((k + 1) * x) * (1 - 0.15 * k), color="C3", linewidth=1)
        if k:
            m[n].sharex(m["f1"])
            m[n].sharey(m["f1"])
    fig.supxlabel("time [s]")
    fig.supylabel("amplitude")
    fig.suptitle("subplot_mosaic, sharing and figure labels")
    fig.savefig(path)


if len(sys.argv) > 2 and sys.argv[1] == "--draw":
    draw_example(sys.argv[2])
    sys.exit(0)


def inview(ticks, lim):
    lo, hi = min(lim), max(lim)
    tol = (hi - lo) * 1e-10
    return [t for t in ticks if lo - tol <= t <= hi + tol]


def dump(case, axd, ticks=False):
    fig = next(iter(axd.values())).figure
    fig.canvas.draw()
    for k, ax in axd.items():
        b = ax.get_position(original=True).bounds
        print(case, k, "pos", " ".join(repr(float(v)) for v in b))
        if ticks:
            xt = inview(ax.get_xticks(), ax.get_xlim())
            yt = inview(ax.get_yticks(), ax.get_ylim())
            print(case, k, "xt", len(xt), " ".join(repr(float(v)) for v in xt))
            print(case, k, "yt", len(yt), " ".join(repr(float(v)) for v in yt))
            xl = int(ax.xaxis.get_tick_params()["labelbottom"]) if hasattr(
                ax.xaxis, "get_tick_params") else int(ax.xaxis._major_tick_kw.get("label1On", True))
            yl = int(ax.yaxis._major_tick_kw.get("label1On", True))
            print(case, k, "xl", xl)
            print(case, k, "yl", int(ax.yaxis._major_tick_kw.get("label1On", True)))
            print(case, k, "lim", " ".join(repr(float(v)) for v in (*ax.get_xlim(), *ax.get_ylim())))
    plt.close(fig)


# 1. the string layout, one line
fig = plt.figure()
dump("basic", fig.subplot_mosaic("AAB;CCB"))

# 2. multi-line with an empty cell, ratios and sharing; data differs per axes
fig = plt.figure(figsize=(8, 5), dpi=80)
axd = fig.subplot_mosaic(
    """
    AB.
    CCD
    """,
    width_ratios=[1, 2, 1.5], height_ratios=[2, 1], sharex=True, sharey=True)
axd["A"].plot([0, 3], [0, 1])
axd["B"].plot([1, 7], [-2, 0.5])
axd["C"].plot([-1, 2], [0, 4])
axd["D"].plot([0, 1], [0, 1])
dump("share", axd, ticks=True)

# 3. nested lists, gridspec spacing handed to the nested grid
fig = plt.figure()
axd = fig.subplot_mosaic([["A", [["B", "C"], ["E", "E"]]], ["D", "D"]],
                         gridspec_kw={"wspace": 0.3, "hspace": 0.4})
dump("nested", axd)

# 4. add_subplot(sharey=...) and ax.sharex(other): limits linked, labels kept
fig = plt.figure()
a = fig.add_subplot(2, 2, 1)
b = fig.add_subplot(2, 2, 2, sharey=a)
c = fig.add_subplot(2, 1, 2)
c.sharex(a)
a.plot([0, 10], [0, 1])
b.plot([0, 1], [-3, 0.5])
c.plot([-5, 2], [0, 100])
dump("addshare", {"a": a, "b": b, "c": c}, ticks=True)

# 5. nested GridSpec with its own spacing and ratios
fig = plt.figure(figsize=(7, 4), dpi=100)
gs = fig.add_gridspec(1, 2, width_ratios=[2, 1], wspace=0.3)
sub = gs[0].subgridspec(2, 3, wspace=0.05, hspace=0.5, height_ratios=[1, 2])
axd = {"s00": fig.add_subplot(sub[0, 0]), "s01": fig.add_subplot(sub[0, 1:]),
       "s1": fig.add_subplot(sub[1, :]), "r": fig.add_subplot(gs[1])}
sub2 = gs[1].subgridspec(2, 1)  # default spacing: the figure's
axd["r0"] = fig.add_subplot(sub2[0])
dump("gsnest", axd)

# 6. supxlabel / supylabel: their window extents (pixels, origin bottom-left) and what
# tight_layout leaves for them
for case, sup in (("tight", False), ("tightsup", True)):
    fig = plt.figure()
    axs = fig.subplots(2, 2)
    if sup:
        sx = fig.supxlabel("Time [s]")
        sy = fig.supylabel("Amplitude")
    fig.tight_layout()
    fig.canvas.draw()
    if sup:
        r = fig.canvas.get_renderer()
        print(case, "supx", "ext", " ".join(repr(float(v)) for v in sx.get_window_extent(r).bounds))
        print(case, "supy", "ext", " ".join(repr(float(v)) for v in sy.get_window_extent(r).bounds))
    print(case, "fig", "pars", " ".join(repr(float(v)) for v in (
        fig.subplotpars.left, fig.subplotpars.bottom, fig.subplotpars.right, fig.subplotpars.top)))
    plt.close(fig)

# 7. ticks set on one member of a shared group show on every member (one Ticker)
fig = plt.figure()
a = fig.add_subplot(1, 2, 1)
b = fig.add_subplot(1, 2, 2, sharex=a)
a.plot([0, 1], [0, 1])
b.set_xticks([0, 0.3, 0.9])
dump("memberticks", {"a": a, "b": b}, ticks=True)

# 8. sharing in a nested layout: label_outer works per grid (the nested grid's own rows)
fig = plt.figure()
axd = fig.subplot_mosaic([["A", [["B"], ["C"]]], ["D", "E"]], sharex=True, sharey=True)
for i, ax in enumerate(axd.values()):
    ax.plot([0, i + 1], [0, 2 * i + 1])
dump("nestshare", axd, ticks=True)

# 9. tight_layout over subplots of different grids (2x1 above 2x2): one grid of the most
# rows and columns, the others dividing it
fig = plt.figure(figsize=(9, 6), dpi=100)
axd = {"top": fig.add_subplot(2, 1, 1), "b": fig.add_subplot(2, 2, 3), "r": fig.add_subplot(2, 2, 4)}
for k, ax in axd.items():
    ax.plot([0, 1e6, 2e6], [1, 2, 3])
    ax.set_title(k)
fig.tight_layout()
dump("tightmixed", axd)

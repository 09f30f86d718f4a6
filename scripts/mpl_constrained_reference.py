"""matplotlib 3.6 reference positions for numc's constrained layout (tests/test_plot_constrained.c).

Run with Debian's python: /usr/bin/python3 scripts/mpl_constrained_reference.py
Writes tests/data/plot/constrained/ref.txt: one line "figN_axK l b w h" per axes (figure
fractions, ax.get_position() after fig.canvas.draw() with layout='constrained') and the
matplotlib rendering of figure 3 (colorbars) to tests/data/plot/constrained/mpl_fig3.png.
Each fig* function here has a twin of the same number in the C test.
"""
import os
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

assert matplotlib.__version__.startswith("3.6"), matplotlib.__version__
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "plot", "constrained")
os.makedirs(here, exist_ok=True)
out = []
X = [0, 1, 2, 4]
Y = [0, 3, 1, 4]
C = np.arange(12.0).reshape(3, 4)


def figpos(ax):
    """figure fractions also for the axes of subfigures"""
    root = ax.figure.figure
    return ax.get_position().transformed(ax.figure.transSubfigure).transformed(
        root.transFigure.inverted()).bounds


def fig1():  # 1x1 with labels and a title
    fig, ax = plt.subplots(layout="constrained")
    ax.plot(X, Y)
    ax.set_xlabel("x label")
    ax.set_ylabel("y label")
    ax.set_title("title")
    return fig, [ax]


def fig2():  # 2x2, long tick labels on the left column
    fig, axs = plt.subplots(2, 2, layout="constrained")
    axs = axs.ravel()
    axs[0].plot(X, [0, 100000, 40000, 90000])
    axs[1].plot(X, Y)
    axs[2].plot([0, 1000000, 2000000, 3000000], [0.001, 0.002, 0.0015, 0.003])
    axs[3].plot(X, Y)
    axs[3].set_xlabel("x3")
    axs[2].set_ylabel("y2")
    return fig, list(axs)


def fig3():  # 2x2 with colorbars on two axes
    fig, axs = plt.subplots(2, 2, layout="constrained")
    axs = axs.ravel()
    for i, a in enumerate(axs):
        if i in (0, 3):
            m = a.pcolormesh(C)
            fig.colorbar(m, ax=a)
        else:
            a.plot(X, Y)
    axs[0].set_title("mesh")
    return fig, list(axs)


def fig4():  # mosaic with spans
    fig = plt.figure(layout="constrained")
    d = fig.subplot_mosaic("AAAB;CCDD")
    for k in "ABCD":
        d[k].plot(X, Y)
    d["A"].set_ylabel("A label")
    d["D"].set_title("D")
    return fig, [d[k] for k in "ABCD"]


def fig5():  # suptitle, supxlabel, supylabel
    fig, axs = plt.subplots(2, 2, layout="constrained")
    axs = axs.ravel()
    for a in axs:
        a.plot(X, Y)
    fig.suptitle("A super title")
    fig.supxlabel("common x")
    fig.supylabel("common y")
    return fig, list(axs)


def fig6():  # width / height ratios
    fig = plt.figure(layout="constrained")
    gs = fig.add_gridspec(2, 2, width_ratios=[1, 2], height_ratios=[2, 1])
    axs = [fig.add_subplot(gs[0, 0]), fig.add_subplot(gs[0, 1]), fig.add_subplot(gs[1, :])]
    for a in axs:
        a.plot(X, Y)
    axs[2].set_xlabel("bottom")
    return fig, axs


def fig7():  # a pair of subfigures
    fig = plt.figure(layout="constrained")
    sfs = fig.subfigures(1, 2)
    axl = sfs[0].subplots(2, 1)
    axr = sfs[1].subplots(1, 1)
    for a in list(axl) + [axr]:
        a.plot(X, Y)
    sfs[0].suptitle("left")
    sfs[1].suptitle("right")
    sfs[1].supxlabel("time")
    return fig, list(axl) + [axr]


def fig8():  # different font sizes
    fig, axs = plt.subplots(1, 2, layout="constrained")
    axs[0].plot(X, Y)
    axs[1].plot(X, Y)
    axs[0].set_title("big title", fontsize=20)
    axs[0].set_xlabel("x", fontsize=16)
    axs[1].tick_params(labelsize=14)
    axs[1].set_ylabel("y", fontsize=6)
    return fig, list(axs)


def fig9():  # a nested mosaic and custom pads
    fig = plt.figure(layout="constrained")
    d = fig.subplot_mosaic([["A", [["B"], ["C"]]], ["D", "D"]])
    for k in "ABCD":
        d[k].plot(X, Y)
    fig.set_constrained_layout_pads(w_pad=0.1, h_pad=0.05, wspace=0.05, hspace=0.1)
    return fig, [d[k] for k in "ABCD"]


def fig10():  # a legend outside the axes (constrained)
    fig, ax = plt.subplots(layout="constrained")
    ax.plot(X, Y, label="a line")
    ax.plot(X, X, label="another line")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
    return fig, [ax]


def fig11():  # the same with tight_layout (its get_tightbbox includes the legend)
    fig, ax = plt.subplots()
    ax.plot(X, Y, label="a line")
    ax.plot(X, X, label="another line")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
    fig.tight_layout()
    return fig, [ax]


def fig12():  # subplot_mosaic on a subfigure, constrained
    fig = plt.figure(layout="constrained")
    sfs = fig.subfigures(1, 2)
    axl = sfs[0].subplots(1, 1)
    d = sfs[1].subplot_mosaic("AB;CC")
    for a in [axl, d["A"], d["B"], d["C"]]:
        a.plot(X, Y)
    return fig, [axl, d["A"], d["B"], d["C"]]


def sub_legend():
    """subplot_mosaic and legend on subfigures without a layout engine"""
    fig = plt.figure()
    sfs = fig.subfigures(1, 2)
    ax = sfs[0].subplots(1, 1)
    ax.plot(X, Y, label="left line")
    d = sfs[1].subplot_mosaic("AB;CC")
    d["A"].plot(X, Y, label="A line")
    d["C"].plot(X, X, label="C line")
    leg = sfs[1].legend(loc="lower left")
    fig.canvas.draw()
    for k in "ABC":
        out.append("sfmos_%s %s" % (k, " ".join(repr(float(v)) for v in figpos(d[k]))))
    bb = leg.get_window_extent(fig.canvas.get_renderer())
    out.append("sfleg_px %r %r %r %r" % (bb.x0, bb.y0, bb.x1, bb.y1))
    out.append("sfleg_n %d" % len(leg.get_texts()))
    plt.close(fig)


sub_legend()
for n, f in enumerate([fig1, fig2, fig3, fig4, fig5, fig6, fig7, fig8, fig9, fig10, fig11, fig12], 1):
    fig, axs = f()
    fig.canvas.draw()
    for k, a in enumerate(axs):
        out.append("fig%d_ax%d %s" % (n, k, " ".join(repr(float(v)) for v in figpos(a))))
    if n == 3:
        fig.savefig(os.path.join(here, "mpl_fig3.png"))
    plt.close(fig)

with open(os.path.join(here, "ref.txt"), "w") as fh:
    fh.write("\n".join(out) + "\n")

#!/usr/bin/env python3
"""matplotlib 3.6's answers for tests/test_plot_axgeneric.c (the Artist protocol on Axes and
Figure: properties by name, update, update_from, units):
    /usr/bin/python3 scripts/mpl_axgeneric_reference.py
writes tests/data/plot/axgeneric/ref.txt, one "case.property<TAB>str(value)" line each (the
text plt.getp prints)."""
import os

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "plot",
                   "axgeneric", "ref.txt")
AX_PROPS = ["adjustable", "alpha", "anchor", "aspect", "autoscale_on", "autoscalex_on",
            "autoscaley_on", "axes_locator", "axisbelow", "box_aspect", "clip_box", "clip_on",
            "clip_path", "data_ratio", "facecolor", "figure", "frame_on", "gid", "in_layout",
            "label", "position", "rasterization_zorder", "rasterized", "snap", "title", "url",
            "visible", "xbound", "xlabel", "xlim", "xscale", "ybound", "ylabel", "ylim", "yscale",
            "zorder"]
FIG_PROPS = ["alpha", "clip_box", "clip_on", "clip_path", "constrained_layout",
             "constrained_layout_pads", "dpi", "edgecolor", "facecolor", "figheight", "figure",
             "figwidth", "frameon", "gid", "in_layout", "label", "layout_engine", "linewidth",
             "rasterized", "size_inches", "snap", "tight_layout", "url", "visible", "zorder"]
lines = []


def dump(case, obj, names):
    props = obj.properties()
    for n in names:
        v = props[n]
        if n == "position":  # a Bbox: its four numbers
            v = "Bbox(x0=%r, y0=%r, x1=%r, y1=%r)" % tuple(float(t) for t in v.extents)
        elif n == "layout_engine" and v is not None:
            v = type(v).__name__.replace("LayoutEngine", "").lower()
        lines.append("%s.%s\t%s" % (case, n, str(v).replace("\n", " ")))


# 1: ax.set(...) on a default subplot
fig, ax = plt.subplots()
ax.set(title="T", xlim=(0, 10), alpha=0.5, label="L", zorder=3)
fig.canvas.draw()
dump("set", ax, AX_PROPS)

# 2: ax.update({...})
fig2, ax2 = plt.subplots()
ax2.update({"xlabel": "time (s)", "ylim": (-1, 1), "facecolor": (0.5, 0.25, 0.0, 1.0),
            "axisbelow": True, "anchor": "SW", "snap": False, "visible": False, "gid": "g1",
            "url": "https://numc.org", "rasterization_zorder": 1.5, "box_aspect": 0.5,
            "yscale": "symlog", "clip_on": False, "in_layout": False, "frame_on": False})
fig2.canvas.draw()
dump("update", ax2, [p for p in AX_PROPS if p != "position"])

# 3: update_from copies visible, alpha, clip_on, clip_box, clip_path, label (not zorder)
fig3 = plt.figure()
a, b = fig3.add_subplot(221), fig3.add_subplot(222)
a.set(alpha=0.3, visible=False, label="src", zorder=5, clip_on=False, title="kept")
b.update_from(a)
dump("update_from", b, ["alpha", "visible", "label", "zorder", "clip_on", "title"])

# 4: the figure's set / update
fig4 = plt.figure()
fig4.set(dpi=50, facecolor="0.8", edgecolor="red", linewidth=2, label="main", frameon=False)
fig4.update({"figwidth": 5, "gid": "fig1", "alpha": 0.75, "zorder": 2})
dump("figset", fig4, FIG_PROPS)
fig5 = plt.figure(layout="constrained")
dump("figcl", fig5, ["constrained_layout", "layout_engine"])
# (3.6's get_constrained_layout_pads fails: the engine's own numbers)
eng = fig5.get_layout_engine().get()
lines.append("figcl.constrained_layout_pads\t%s" % ((eng["w_pad"], eng["h_pad"], eng["wspace"],
                                                     eng["hspace"]),))

# 5: units: categories and dates
fig6, (c1, c2) = plt.subplots(1, 2)
c1.plot(["apple", "banana", "cherry"], [1, 2, 3])
lines.append("units.banana\t%r" % float(c1.convert_xunits("banana")[0]))
lines.append("units.kiwi\t%r" % float(c1.convert_xunits("kiwi")[0]))
lines.append("units.y\t%r" % float(c1.convert_yunits(2.5)))
lines.append("units.have\t%s" % c1.have_units())
c2.plot(np.array(["2020-01-01", "2020-03-01"], dtype="datetime64[D]"), [1, 2])
lines.append("units.date\t%r" % float(c2.convert_xunits(np.datetime64("2020-02-01"))))
fig7, c3 = plt.subplots()
lines.append("units.have_none\t%s" % c3.have_units())

with open(OUT, "w") as f:
    f.write("# matplotlib %s, scripts/mpl_axgeneric_reference.py\n" % matplotlib.__version__)
    f.write("\n".join(lines) + "\n")

if __name__ == "__main__" and "--png" in __import__("sys").argv:
    # examples/plot_axgeneric.c's figure, to look at next to numc's plot_axgeneric.png
    from matplotlib.transforms import Bbox
    fig = plt.figure(figsize=(8, 3.6), dpi=100)
    fig.set(facecolor="0.97", edgecolor="0.6", linewidth=1, layout_engine="tight")
    left, right = fig.add_subplot(121), fig.add_subplot(122)
    left.bar(["apple", "banana", "cherry", "date"], [3, 1.2, 2.4, 0.8], color="C2")
    left.set(title="Fruit, by weight", ylabel="kg", ylim=(0, 4), facecolor=(0.96, 0.96, 0.9),
             axisbelow=True)
    left.grid(axis="y")
    x = float(left.convert_xunits("cherry")[0])
    left.annotate("ripe", (x, 2.4), xytext=(x + 0.6, 3.4), arrowprops=dict(arrowstyle="->"))
    t = np.linspace(0, 2 * np.pi, 200)
    right.plot(t, np.sin(t), label="sin")
    right.update({"title": "update() and a locator", "xlim": (0, 6.3), "ylim": (-1.2, 1.6),
                  "xlabel": "t"})
    inset = fig.add_axes([0.73, 0.5, 0.14, 0.3])
    inset.plot(t, np.sin(t), color="C1")
    inset.set(xlim=(0, 1.6), ylim=(0, 1.05), facecolor="0.9")

    def square(ax, renderer, pos=inset.get_position()):
        top = pos.y1
        h = pos.width * 8 / 3.6
        return Bbox.from_bounds(pos.x0, top - h, pos.width, h)
    inset.set_axes_locator(square)
    inset.update_from(right)
    fig.savefig(os.path.join(os.path.dirname(OUT), "mpl_plot_axgeneric.png"))

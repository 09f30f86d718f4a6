"""matplotlib 3.6 reference numbers for numc's subfigures (tests/test_plot_subfig.c).

Run with Debian's python: /usr/bin/python3 scripts/mpl_subfig_reference.py
Writes tests/data/plot/subfig/ref.txt (one "name v0 v1 ..." line per value) and the
matplotlib rendering of the golden figure to tests/data/plot/subfig/mpl_golden.png.
"""
import os
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

assert matplotlib.__version__.startswith("3.6"), matplotlib.__version__
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "plot", "subfig")
os.makedirs(here, exist_ok=True)
out = []


def figpos(ax):
    """ax.get_position() is relative to the axes' subfigure; numc reports figure fractions."""
    root = ax.figure.figure
    return ax.get_position().transformed(ax.figure.transSubfigure).transformed(
        root.transFigure.inverted()).bounds


def put(name, vals):
    out.append(name + " " + " ".join(repr(float(v)) for v in vals))


def golden():
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    left, right = fig.subfigures(1, 2, width_ratios=[2, 1])
    left.set_facecolor("0.9")
    right.set_facecolor("#d0e0ff")
    right.set_edgecolor("k")
    right.set_linewidth(2)
    axs = left.subplots(2, 1)
    axs[0].plot([0, 1, 2], [0, 1, 4])
    axs[1].plot([0, 1, 2], [3, 1, 2])
    left.suptitle("left")
    left.supxlabel("time")
    ax = right.subplots(1, 1)
    ax.plot([1, 2, 3], [3, 1, 2], "o-")
    right.suptitle("right")
    return fig, left, right, list(axs) + [ax]


# 1. subfigures(1, 2, width_ratios=[2, 1]) with subplots(2, 1) / subplots(1, 1)
fig, left, right, axs = golden()
fig.canvas.draw()
put("sf_left_box", left.bbox_relative.bounds)
put("sf_right_box", right.bbox_relative.bounds)
for i, a in enumerate(axs):
    put("golden_ax%d" % i, figpos(a))
# suptitle positions (figure fraction of the text anchor) and pixel extents
for name, sf in (("left", left), ("right", right)):
    t = sf._suptitle
    x, y = fig.transFigure.inverted().transform(t.get_transform().transform(t.get_position()))
    put("suptitle_%s_xy" % name, (x, y))
    bb = t.get_window_extent(fig.canvas.get_renderer())
    put("suptitle_%s_px" % name, (bb.x0, bb.y0, bb.x1, bb.y1))
t = left._supxlabel
x, y = fig.transFigure.inverted().transform(t.get_transform().transform(t.get_position()))
put("supxlabel_left_xy", (x, y))
fig.savefig(os.path.join(here, "mpl_golden.png"), dpi=100)
plt.close(fig)

# 2. a 2x2 grid with height ratios, nested subfigures and add_subplot
fig = plt.figure(figsize=(8, 6), dpi=100)
sfs = fig.subfigures(2, 2, height_ratios=[1, 3])
for i, sf in enumerate(sfs.flat):
    put("grid_sf%d" % i, sf.bbox_relative.bounds)
ax = sfs[1, 0].add_subplot(2, 2, 3)
put("grid_addsub", figpos(ax))
inner = sfs[1, 1].subfigures(1, 2)
# nested: bbox_relative is relative to the parent subfigure; figure fractions via transforms
for i, sf in enumerate(inner):
    b = sf.bbox.transformed(fig.transFigure.inverted()).bounds
    put("nested_sf%d" % i, b)
axn = inner[1].subplots(1, 1)
put("nested_ax", figpos(axn))
plt.close(fig)

# 3. add_subfigure on a gridspec cell (3.6: only the ratios place it)
fig = plt.figure(figsize=(6, 4))
gs = fig.add_gridspec(2, 3, width_ratios=[1, 2, 1])
sf = fig.add_subfigure(gs[0, 1:])
put("add_sf", sf.bbox_relative.bounds)
a = sf.subplots(1, 2)
put("add_sf_ax0", figpos(a[0]))
put("add_sf_ax1", figpos(a[1]))
sf.subplots_adjust(left=0.2, right=0.95, wspace=0.5)
put("add_sf_adj_ax0", figpos(a[0]))
put("add_sf_adj_ax1", figpos(a[1]))
plt.close(fig)

# 4. spacing: numc spaces subfigures as GridSpec(left=0, right=1, bottom=0, top=1, wspace,
# hspace) would (matplotlib >= 3.8); the reference is that GridSpec's cells
fig = plt.figure()
gs = fig.add_gridspec(2, 3, left=0, right=1, bottom=0, top=1, wspace=0.3, hspace=0.1,
                      width_ratios=[1, 2, 3])
for i in (0, 4):
    put("space_cell%d" % i, gs[i // 3, i % 3].get_position(fig).bounds)
plt.close(fig)

with open(os.path.join(here, "ref.txt"), "w") as f:
    f.write("\n".join(out) + "\n")
print("\n".join(out))

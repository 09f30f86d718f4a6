#!/usr/bin/python3
"""Reference vertices for tests/test_plot_annot2.c from matplotlib 3.6's own ArrowStyle,
ConnectionStyle and BoxStyle (display units, y up), and the table cell extents of a
reference figure. Run with Debian's python3:

    /usr/bin/python3 scripts/mpl_annot_reference.py > tests/data/plot/annot2/paths.txt
    /usr/bin/python3 scripts/mpl_annot_reference.py figures OUTDIR   # matplotlib's figures

Line format (tests/fixture.h fixture_values): "name code x y code x y ...".
The case lists below are repeated in the C test, in the same order."""
import sys

import matplotlib
matplotlib.use("Agg")
from matplotlib.patches import (ArrowStyle, ConnectionStyle, BoxStyle, Rectangle,
                                FancyBboxPatch)
from matplotlib.transforms import IdentityTransform

CONN = [
    ("arc3", (40, 50), (260, 170), 0, 0, None),
    ("arc3,rad=0.3", (40, 50), (260, 170), 2, 2, None),
    ("arc3,rad=-0.5", (40, 50), (260, 170), 5, 8, "rect"),
    ("angle3", (40, 50), (260, 170), 2, 2, None),
    ("angle3,angleA=0,angleB=-90", (40, 50), (260, 170), 2, 2, "rect"),
    ("angle", (40, 50), (260, 170), 2, 2, None),
    ("angle,angleA=-90,angleB=180,rad=5", (40, 50), (260, 170), 2, 2, "rect"),
    ("angle,angleA=0,angleB=90,rad=20", (40, 50), (260, 170), 0, 4, None),
    ("arc,angleA=-90,angleB=0,armA=30,armB=30,rad=0", (40, 50), (260, 170), 2, 2, None),
    ("arc,angleA=-90,angleB=0,armA=0,armB=40,rad=0", (40, 50), (260, 170), 2, 2, None),
    ("arc,angleA=0,angleB=90,armA=50,armB=0,rad=10", (40, 50), (260, 170), 2, 2, "rect"),
    ("arc,angleA=-90,angleB=0,armA=30,armB=30,rad=10", (40, 50), (260, 170), 2, 2, None),
    ("bar,fraction=0.3", (40, 50), (260, 170), 2, 2, None),
    ("bar,fraction=-0.3", (40, 50), (260, 170), 2, 2, None),
    ("bar,angle=180,fraction=-0.2", (40, 50), (260, 170), 2, 2, "rect"),
    ("bar,armA=20,armB=10,fraction=0.1", (40, 50), (260, 170), 0, 0, None),
    ("arc3,rad=0.2", (40, 50), (260, 170), 2, 2, "round"),
]
# the text patch: a rectangle (as annotate's default patchA, radius 1) or a round box
RECT = (20, 38, 50, 26)

ARROWS = [
    ("-", "arc3,rad=0.2"), ("<-", "arc3,rad=0.2"), ("->", "arc3,rad=0.2"),
    ("<->", "arc3,rad=0.2"), ("<|-", "arc3,rad=0.2"), ("-|>", "arc3,rad=0.2"),
    ("<|-|>", "arc3,rad=0.2"), ("]-", "arc3,rad=0.2"), ("-[", "arc3,rad=0.2"),
    ("]-[", "arc3,rad=0.2"), ("|-|", "arc3,rad=0.2"), ("]->", "arc3,rad=0.2"),
    ("<-[", "arc3,rad=0.2"), ("simple", "arc3,rad=0.2"), ("fancy", "arc3,rad=0.2"),
    ("wedge", "arc3,rad=0.2"),
    ("->,head_length=0.8,head_width=0.4", "angle,angleA=0,angleB=90,rad=10"),
    ("-[,widthB=2.0,lengthB=1.0,angleB=0", "arc3"),
    ("]-[,widthA=0.5,lengthA=0.3,angleA=30,widthB=1.5,lengthB=0.1,angleB=-20", "arc3,rad=-0.3"),
    ("|-|,widthA=0.5,widthB=0.8", "bar,fraction=0.2"),
    ("]->,angleA=45", "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=10"),
    ("simple,tail_width=0.5", "arc3,rad=-0.3"),
    ("simple,head_length=0.3,head_width=0.8,tail_width=0.1", "angle3"),
    ("fancy,head_length=0.6,head_width=0.5,tail_width=0.3", "arc3,rad=0.4"),
    ("wedge,tail_width=0.8,shrink_factor=0.2", "angle3,angleA=0,angleB=-90"),
    ("<|-|>,head_length=0.2,head_width=0.6,scaleA=5", "arc3"),
    ("fancy", "arc3,rad=0.0"),
]
MS, LW = 20.0, 1.5

BOXES = [
    "square", "square,pad=0.6", "circle", "circle,pad=0.1", "larrow", "rarrow", "darrow",
    "darrow,pad=0.5", "round", "round,pad=0.5,rounding_size=0.8", "round4",
    "round4,pad=0.4,rounding_size=0.3", "sawtooth", "sawtooth,pad=0.5,tooth_size=0.2",
    "roundtooth", "roundtooth,pad=0.4,tooth_size=0.3",
]
BOX = (100.0, 50.0, 80.0, 20.0, 12.0)


def patch_for(kind):
    if kind is None:
        return None
    if kind == "rect":
        return Rectangle(RECT[:2], RECT[2], RECT[3], transform=IdentityTransform())
    return FancyBboxPatch(RECT[:2], RECT[2], RECT[3], boxstyle="round,pad=0.3",
                          mutation_scale=10, transform=IdentityTransform())


def emit(name, paths):
    vals = []
    for p in paths:
        for (x, y), c in zip(p.vertices, p.codes if p.codes is not None
                             else [1] + [2] * (len(p.vertices) - 1)):
            vals += [int(c), x, y]
    print(name, " ".join(repr(float(v)) for v in vals))


def figures(outdir):
    """The figures of examples/plot_annotations2.c, drawn by matplotlib (to look at side by
    side with numc's golden images)."""
    import matplotlib.pyplot as plt
    styles = ["-", "<-", "->", "<->", "<|-", "-|>", "<|-|>", "]-", "-[", "]-[", "|-|", "]->",
              "<-[", "simple", "fancy", "wedge"]
    fig = plt.figure(figsize=(8, 5), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    ax.axis("off")
    for i, st in enumerate(styles):
        x, y = i % 4, 3 - i // 4
        ax.annotate(st, (x + 0.2, y + 0.8), (x + 0.75, y + 0.25), fontsize=12, ha="center",
                    va="center", arrowprops=dict(arrowstyle=st, connectionstyle="arc3,rad=-0.05"))
    fig.savefig(outdir + "/annot_arrowstyles_mpl.png")

    cstyles = ["arc3,rad=0.", "arc3,rad=0.3", "angle3,angleA=90,angleB=0",
               "angle3,angleA=0,angleB=90", "angle,angleA=-90,angleB=180,rad=0",
               "angle,angleA=-90,angleB=180,rad=5",
               "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=0",
               "arc,angleA=-90,angleB=0,armA=0,armB=40,rad=0", "bar,fraction=0.3"]
    fig, axs = plt.subplots(3, 3, figsize=(8, 8), dpi=100)
    for ax, cs in zip(axs.flat, cstyles):
        ax.plot([0.3, 0.8], [0.2, 0.6], ".")
        ax.annotate("", xy=(0.3, 0.2), xytext=(0.8, 0.6),
                    arrowprops=dict(arrowstyle="->", color="0.5", shrinkA=5, shrinkB=5,
                                    connectionstyle=cs))
        ax.text(.05, .95, cs.replace(",", ",\n"), transform=ax.transAxes, ha="left", va="top",
                fontsize=9)
        ax.set(xlim=(0, 1), ylim=(0, 1.25), xticks=[], yticks=[])
    fig.tight_layout(pad=0.2)
    fig.savefig(outdir + "/annot_connectionstyles_mpl.png")

    bstyles = ["square", "circle", "larrow", "rarrow", "darrow", "round", "round4", "sawtooth",
               "roundtooth"]
    fig = plt.figure(figsize=(8, 4.5), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.axis("off")
    for i, bs in enumerate(bstyles):
        x, y = 0.18 + 0.32 * (i % 3), 0.82 - 0.3 * (i // 3)
        ax.text(x, y, bs, transform=ax.transAxes, ha="center", va="center", fontsize=14,
                 bbox=dict(boxstyle=bs, fc="#bfe0ff", ec="C0"))
    ax.text(0.5, 0.07, "round,pad=0.6,rounding_size=0.8 (rotated 10 degrees)", ha="center",
            transform=ax.transAxes,
             va="center", fontsize=11, rotation=10,
             bbox=dict(boxstyle="round,pad=0.6,rounding_size=0.8", fc="wheat", alpha=0.7, ls="--"))
    fig.savefig(outdir + "/annot_boxstyles_mpl.png")

    fig, table = table_figure()
    fig.savefig(outdir + "/annot_table_mpl.png")


def table_figure():
    """examples/plot_annotations2.c's table_figure (matplotlib's table_demo)."""
    import matplotlib.pyplot as plt
    data = [[66386, 174296, 75131, 577908, 32015], [58230, 381139, 78045, 99308, 160454],
            [89135, 80552, 152558, 497981, 603535], [78415, 81858, 150656, 193263, 69638]]
    rows = ["50 year", "20 year", "10 year", "5 year"]
    colors = ["#f7fcfd", "#d6e4f0", "#a9c4de", "#8c95c6"]
    columns = ("Freeze", "Wind", "Flood", "Quake", "Hail")
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    fig.subplots_adjust(left=0.2, bottom=0.2)
    x = [j + 0.3 for j in range(5)]
    bottom = [0.0] * 5
    text = []
    for r in range(4):
        ax.bar(x, data[r], 0.4, bottom=bottom, color=colors[r])
        bottom = [b + d for b, d in zip(bottom, data[r])]
        text.append(["%.1f" % (b / 1000.0) for b in bottom])
    table = ax.table(cellText=text[::-1], rowLabels=rows[::-1], rowColours=colors[::-1],
                     colLabels=columns, loc="bottom")
    ax.set_ylabel("Loss in $1000's")
    ax.set_yticks([0, 500000, 1000000, 1500000, 2000000], ["0", "500", "1000", "1500", "2000"])
    ax.set_xticks([])
    ax.set_title("Loss by Disaster")
    return fig, table


if len(sys.argv) > 2 and sys.argv[1] == "figures":
    figures(sys.argv[2])
    sys.exit(0)

for i, (cs, a, b, sa, sb, patch) in enumerate(CONN):
    path = ConnectionStyle(cs)(a, b, shrinkA=sa, shrinkB=sb, patchA=patch_for(patch))
    emit("conn%02d" % i, [path])

for i, (st, cs) in enumerate(ARROWS):
    path = ConnectionStyle(cs)((40, 50), (260, 170), shrinkA=2, shrinkB=2,
                               patchA=patch_for("rect"))
    paths, fill = ArrowStyle(st)(path, MS, LW)
    if not isinstance(paths, list):
        paths, fill = [paths], [fill]
    emit("arrow%02d" % i, paths)
    print("arrowfill%02d" % i, " ".join(str(int(f)) for f in fill))

for i, bs in enumerate(BOXES):
    emit("box%02d" % i, [BoxStyle(bs)(*BOX)])

# the table of table_figure after drawing: (row, col, x, y, w, h) per cell in axes
# fractions in sorted key order, and the automatic font size
fig, table = table_figure()
fig.canvas.draw()
cells = table.get_celld()
vals = []
for key in sorted(cells):
    c = cells[key]
    vals += [key[0], key[1], c.get_x(), c.get_y(), c.get_width(), c.get_height()]
print("table_cells", " ".join(repr(float(v)) for v in vals))
print("table_fontsize", float(next(iter(cells.values())).get_fontsize()))

# more tables on a default 6.4 x 4.8 in axes: loc variants, colWidths, rowColours alone,
# bbox scaling, automatic font size (cells as above)
TABLES = [
    dict(cellText=[["1", "22"], ["333", "4"], ["5", "6"]], colWidths=[0.2, 0.3],
         rowColours=["r", "g", "b"], loc="upper left"),
    dict(cellText=[["a rather long text", "b", "c", "d"], ["e", "f", "g", "h"]],
         colLabels=["one", "two", "three", "four"],
         loc="center"),
    dict(cellText=[["1", "2", "3"], ["4", "5", "6"]], rowLabels=["first row", "second"],
         colLabels=["A", "B", "C"], bbox=[0.1, 0.2, 0.6, 0.3]),
    dict(cellText=[["x"]], rowLabels=["r"], loc="top left"),
    dict(cellText=[["x", "y"]], colLabels=["p", "q"], loc="right"),
    dict(cellText=[["x", "y"]], loc="lower right", cellLoc="center"),
]
for i, kw in enumerate(TABLES):
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    table = ax.table(**kw)
    fig.canvas.draw()
    cells = table.get_celld()
    vals = []
    for key in sorted(cells):
        c = cells[key]
        vals += [key[0], key[1], c.get_x(), c.get_y(), c.get_width(), c.get_height()]
    print("table%d_cells" % i, " ".join(repr(float(v)) for v in vals))
    print("table%d_fontsize" % i, float(next(iter(cells.values())).get_fontsize()))
    plt.close(fig)

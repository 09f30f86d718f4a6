#!/usr/bin/env python3
"""matplotlib 3.6 reference values for tests/test_plot_figprops.c (Figure properties,
figimage, align_labels, autofmt_xdate, clf):
    /usr/bin/python3 scripts/mpl_figprops_reference.py
writes tests/data/plot/figprops/ref.txt ("name v..." lines; pixel boxes are x0 y0 x1 y1 with
the origin at the top left) and mpl_golden.png, matplotlib's rendering of the golden scene
(test_golden's numc scene, drawn the same way here)."""
import os
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "plot", "figprops")
lines = []


def put(name, *vals):
    lines.append(name + " " + " ".join(repr(float(v)) for v in vals))


def box(fig, artist):
    fig.canvas.draw()
    b = artist.get_window_extent(fig.canvas.get_renderer())
    H = fig.bbox.height
    return b.x0, H - b.y1, b.x1, H - b.y0


def align_scene(align):
    """2 x 2 subplots, large y tick labels top left, rotated x tick labels bottom left."""
    fig, axs = plt.subplots(2, 2, figsize=(6.4, 4.8), dpi=100)
    axs[0, 0].plot(np.arange(0, 1000, 50))
    axs[0, 1].plot([0, 1], [0, 1])
    axs[1, 0].plot([0, 1], [0, 1])
    axs[1, 1].plot([0, 1], [0, 1])
    axs[1, 0].tick_params(axis="x", labelrotation=55)
    for i in range(2):
        axs[i, 0].set_ylabel("YLabel %d" % i)
        axs[1, i].set_xlabel("XLabel %d" % i)
    if align:
        fig.align_labels()
    return fig, axs


for align in (0, 1):
    fig, axs = align_scene(align)
    put("align%d_ylabel0" % align, *box(fig, axs[0, 0].yaxis.label))
    put("align%d_ylabel1" % align, *box(fig, axs[1, 0].yaxis.label))
    put("align%d_xlabel0" % align, *box(fig, axs[1, 0].xaxis.label))
    put("align%d_xlabel1" % align, *box(fig, axs[1, 1].xaxis.label))
    put("align%d_tightbbox" % align, *fig.get_tightbbox(fig.canvas.get_renderer()).extents)
    plt.close(fig)

# autofmt_xdate: two rows of subplots, then one axes alone
fig, axs = plt.subplots(2, 1, figsize=(6.4, 4.8), dpi=100)
for ax in axs:
    ax.plot([0, 1000], [0, 1])
    ax.set_xlabel("time")
fig.autofmt_xdate()
fig.canvas.draw()
put("autofmt_bottom", fig.subplotpars.bottom)
lab = axs[1].get_xticklabels()[0]
put("autofmt_rotation", lab.get_rotation())
put("autofmt_ha_right", lab.get_ha() == "right")
put("autofmt_top_visible", any(t.get_visible() for t in axs[0].get_xticklabels()))
put("autofmt_top_xlabel_len", len(axs[0].get_xlabel()))
put("autofmt_ax1_box", *box(fig, axs[1]))
put("autofmt_xlabel1", *box(fig, axs[1].xaxis.label))
plt.close(fig)
fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
ax.plot([0, 1000], [0, 1])
fig.autofmt_xdate(bottom=0.3, rotation=45, ha="left")
put("autofmt1_bottom", fig.subplotpars.bottom)
put("autofmt1_rotation", ax.get_xticklabels()[0].get_rotation())
plt.close(fig)

# figimage: pixels of the canvas at the figure's dpi
fig = plt.figure(figsize=(2, 2), dpi=100, facecolor="white")
Z = np.arange(10 * 20, dtype=float).reshape(10, 20)
fig.figimage(Z, xo=50, yo=30, cmap="gray")
fig.figimage(Z, xo=50, yo=120, cmap="viridis", origin="lower", alpha=0.5)
rgb = np.zeros((4, 6, 3), np.uint8)
rgb[..., 0] = 200
rgb[1, 2] = (10, 20, 30)
fig.figimage(rgb, xo=150, yo=150)
fig.canvas.draw()
buf = np.asarray(fig.canvas.buffer_rgba())
pts = [(0, 0), (0, 19), (9, 0), (9, 19), (4, 7)]
for k, (r, c) in enumerate(pts):  # image row r (0 = first row), column c
    # origin upper: row 0 at the top: y from the bottom = yo + (h - 1 - r)
    y = 200 - 1 - (30 + 9 - r)
    put("figimage_gray_%d" % k, y, 50 + c, *buf[y, 50 + c])
    y = 200 - 1 - (120 + r)   # origin lower: row 0 at the bottom
    put("figimage_lower_%d" % k, y, 50 + c, *buf[y, 50 + c])
y = 200 - 1 - (150 + 4 - 1 - 1)
put("figimage_rgb", y, 152, *buf[y, 152])
put("figimage_outside", 200 - 1 - 29, 50, *buf[200 - 1 - 29, 50])
put("figimage_tightbbox", *fig.get_tightbbox(fig.canvas.get_renderer()).extents)
plt.close(fig)
fig = plt.figure(figsize=(2, 2), dpi=100)
fig.figimage(np.zeros((30, 40)), resize=True)
put("figimage_resize", *fig.get_size_inches())
plt.close(fig)

# getters after setters
fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
put("default_face", *fig.get_facecolor())
put("default_edge", *fig.get_edgecolor())
put("default_lw", fig.get_linewidth())
put("default_frameon", fig.get_frameon())
put("default_zorder", fig.get_zorder())
put("default_clip_on", fig.get_clip_on())
put("default_in_layout", fig.get_in_layout())
put("default_tight", fig.get_tight_layout())
put("default_constrained", fig.get_constrained_layout())
fig.set_facecolor("tab:orange")
fig.set_edgecolor("0.5")
fig.set_linewidth(3)
fig.set_figwidth(5)
fig.set_dpi(80)
fig.set_alpha(0.25)
fig.set_zorder(2.5)
put("set_face", *fig.get_facecolor())
put("set_edge", *fig.get_edgecolor())
put("set_lw", fig.get_linewidth())
put("set_size", *fig.get_size_inches())
put("set_dpi", fig.get_dpi())
put("set_alpha", fig.get_alpha())
put("set_zorder", fig.get_zorder())
fig.set_layout_engine("constrained")
# matplotlib 3.6's get_constrained_layout_pads (deprecated) calls the engine's missing
# get_info() and raises AttributeError: the engine's get() holds what it meant to return


def pads(relative=False):
    i = fig.get_layout_engine().get()
    w, h = i["w_pad"], i["h_pad"]
    if relative:  # the deprecated method's arithmetic: pad * dpi / renderer size
        r = fig.canvas.get_renderer()
        w, h = w * r.dpi / r.width, h * r.dpi / r.height
    return w, h, i["wspace"], i["hspace"]


put("cl_pads", *pads())
fig.canvas.draw()
put("cl_pads_rel", *pads(True))
fig.set_constrained_layout_pads(w_pad=0.1, hspace=0.05)
put("cl_pads_set", *pads())
fig.set_layout_engine("tight")
put("tight_after", fig.get_tight_layout(), fig.get_constrained_layout())
plt.close(fig)

# clf: an empty figure that can be reused
fig, axs = plt.subplots(1, 2)
fig.suptitle("t")
fig.text(0.1, 0.1, "x")
fig.clf()
put("clf_axes", len(fig.axes))
put("clf_children", len(fig.get_children()))
ax = fig.add_subplot(111)
put("clf_reuse_axes", len(fig.axes))
put("clf_reuse_box", *box(fig, ax))
plt.close(fig)


def golden():
    """test_golden's scene: frame, face, aligned labels, a figure image over the axes."""
    fig, axs = plt.subplots(2, 2, figsize=(6.4, 4.8), dpi=100)
    fig.set_facecolor("#f4f4ec")
    fig.set_edgecolor("tab:blue")
    fig.set_linewidth(6)
    axs[0, 0].plot(np.arange(0, 1000, 50))
    axs[0, 1].plot([0, 1], [1, 0], "r")
    axs[1, 0].plot([0, 1], [0, 1], "g")
    axs[1, 1].plot([0, 1], [0.5, 0.5], "k")
    axs[1, 0].tick_params(axis="x", labelrotation=55)
    for i in range(2):
        axs[i, 0].set_ylabel("YLabel %d" % i)
        axs[1, i].set_xlabel("XLabel %d" % i)
    fig.align_labels()
    Z = np.add.outer(np.arange(40.0), np.arange(60.0))
    fig.figimage(Z, xo=560, yo=420, cmap="plasma")
    return fig


fig = golden()
fig.savefig(os.path.join(OUT, "mpl_golden.png"))
plt.close(fig)
with open(os.path.join(OUT, "ref.txt"), "w") as f:
    f.write("# scripts/mpl_figprops_reference.py, matplotlib %s\n" % matplotlib.__version__)
    f.write("\n".join(lines) + "\n")

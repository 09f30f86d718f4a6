#!/usr/bin/env python3
"""matplotlib 3.6's numbers for tests/test_plot_imgcol.c and python/tests/test_imgcol.py:
    /usr/bin/python3 scripts/mpl_imgcol_reference.py
writes tests/data/plot/imgcol/ref.txt ("name v0 v1 ..." lines; colors as r g b a in 0..1);
with --png also plot_imgcol_mpl.png, matplotlib's drawing of examples/plot_imgcol.c."""
import sys
import os
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "plot", "imgcol")
rows = []

def put(name, vals):
    rows.append(name + " " + " ".join(repr(float(v)) for v in np.ravel(vals)))

Z = np.arange(20.0).reshape(4, 5)
put("img_data", Z)

# ---- set_clim on an image, its colorbar following ------------------------------------
fig, ax = plt.subplots()
im = plt.imshow(Z)  # pyplot: makes it the current image
cb = fig.colorbar(im)
im.set_clim(4, 12)
put("img_clim_rgba", im.to_rgba(Z))
fig.canvas.draw()
put("img_cbar_ylim", cb.ax.get_ylim())
put("img_cbar_ticks", cb.get_ticks())
plt.clim(vmax=16)  # plt.clim on gci(): the image
put("img_clim2", im.get_clim())
plt.close(fig)

# ---- pcolormesh, scatter, contourf ------------------------------------------------------
fig, ax = plt.subplots()
m = ax.pcolormesh(Z, cmap="plasma")
m.set_clim(5, 15)
put("mesh_clim_rgba", m.to_rgba(Z.ravel()))
sx = np.arange(6.0)
sc = plt.scatter(sx, sx, c=sx * 2, cmap="viridis")
assert plt.gci() is sc
sc.set_clim(0, 5)
put("scatter_clim_rgba", sc.to_rgba(sx * 2))
plt.sci(m)
assert plt.gci() is m
plt.close(fig)

fig, ax = plt.subplots()
X, Y = np.meshgrid(np.linspace(-2, 2, 30), np.linspace(-2, 2, 30))
C = np.exp(-(X ** 2 + Y ** 2))
cs = ax.contourf(X, Y, C, levels=[0, 0.2, 0.4, 0.6, 0.8, 1.0])
cs.set_clim(0.3, 0.7)
fig.canvas.draw()
put("contourf_clim_faces", np.array([c.get_facecolor()[0] for c in cs.collections]))
plt.close(fig)

# ---- set_prop_cycle ---------------------------------------------------------------------
LS = {"-": 0, "--": 1, "-.": 2, ":": 3, "None": 4, "": 4}
fig, ax = plt.subplots()
ax.set_prop_cycle(color=["r", "g", "b"], linestyle=["-", "--", ":"])
lines = [ax.plot([0, 1], [i, i])[0] for i in range(2)]
lines += ax.plot([0, 1], [2, 2], "k")      # a color given: the linestyle still cycles
lines += ax.plot([0, 1], [3, 3], "m-.")    # both given: the cycle does not advance
lines += ax.plot([0, 1], [4, 4])
put("cycle1_colors", [matplotlib.colors.to_rgba(l.get_color()) for l in lines])
put("cycle1_ls", [LS[l.get_linestyle()] for l in lines])
plt.close(fig)

fig, ax = plt.subplots()
from cycler import cycler
ax.set_prop_cycle(cycler(marker=["o", "s"]) * cycler(linewidth=[1.0, 3.0]))
lines = [ax.plot([0, 1], [i, i])[0] for i in range(5)]
put("cycle2_lw", [l.get_linewidth() for l in lines])
put("cycle2_colors", [matplotlib.colors.to_rgba(l.get_color()) for l in lines])
bars = ax.bar([0], [1])
put("cycle2_bar_face", bars[0].get_facecolor())
plt.close(fig)

# ---- violin from precomputed statistics -------------------------------------------------
vp = [dict(coords=np.linspace(0, 4, 5), vals=np.array([0, 1, 2, 1, 0.5]), mean=2.1, median=1.9,
           min=0, max=4, quantiles=np.array([1.0, 3.0])),
      dict(coords=np.linspace(1, 3, 3), vals=np.array([0.2, 0.4, 0.1]), mean=2.0, median=2.2,
           min=1, max=3, quantiles=np.array([]))]
for tag, vert in (("v", True), ("h", False)):
    fig, ax = plt.subplots()
    r = ax.violin(vp, positions=[2, 5], vert=vert, widths=[0.4, 1.0], showmeans=True,
                  showmedians=True)
    put("violin_%s_body0" % tag, r["bodies"][0].get_paths()[0].vertices[:10])
    put("violin_%s_body1" % tag, r["bodies"][1].get_paths()[0].vertices[:6])
    for key in ("cmeans", "cmaxes", "cmins", "cbars", "cmedians", "cquantiles"):
        put("violin_%s_%s" % (tag, key), np.array(r[key].get_segments()))
    put("violin_%s_color" % tag, r["bodies"][0].get_facecolor()[0])
    put("violin_%s_xlim" % tag, ax.get_xlim())
    put("violin_%s_ylim" % tag, ax.get_ylim())
    plt.close(fig)

# ---- pcolorfast: image, pcolorimage, quadmesh ---------------------------------------------
C = np.array([[0.0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
put("pf_C", C)
Xq, Yq = np.meshgrid(np.array([0.0, 1, 2, 3, 4]), np.array([0.0, 1, 2, 3]))
Xq = Xq + 0.3 * Yq  # a sheared grid
cases = {"plain": (), "even": (np.linspace(0, 8, 5), np.linspace(0, 3, 4)),
         "uneven": (np.array([0.0, 1, 3, 6, 10]), np.array([0.0, 1, 3, 4])),
         "quad": (Xq, Yq)}
KIND = {"AxesImage": 0, "PcolorImage": 1, "QuadMesh": 2}
for name, xy in cases.items():
    fig, ax = plt.subplots()
    r = ax.pcolorfast(*xy, C, cmap="magma")
    put("pf_%s_kind" % name, [KIND[type(r).__name__]])
    put("pf_%s_xlim" % name, ax.get_xlim())
    put("pf_%s_ylim" % name, ax.get_ylim())
    put("pf_%s_rgba" % name, r.to_rgba(C.ravel()))
    fig.savefig(os.path.join(OUT, "pcolorfast_%s_mpl.png" % name), dpi=50)
    plt.close(fig)

# ---- add_collection: LineCollection with per-item colors / widths, PolyCollection + array --
from matplotlib.collections import LineCollection, PolyCollection
fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
segs = [[(0, 0), (4, 1)], [(0, 2), (4, 2)], [(1, 3), (2, 5), (3, 3)]]
lc = LineCollection(segs, colors=["r", "g", "b"], linewidths=[1, 3, 6])
ax.add_collection(lc)
ax.autoscale_view()
put("lc_xlim", ax.get_xlim())
put("lc_ylim", ax.get_ylim())
fig.canvas.draw()
px = np.asarray(fig.canvas.buffer_rgba())
def thick(x, y, chan):
    X, Y = ax.transData.transform((x, y))
    col = px[:, int(X), :3].astype(int)
    return int(np.sum((col[:, chan] > 100) & (col.sum(axis=1) - col[:, chan] < 150)))
put("lc_green_px", [thick(1, 2, 1)])
plt.close(fig)
fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
verts = [[(0, 0), (1, 0), (1, 1)], [(2, 0), (3, 0), (3, 2), (2, 2)], [(4, 1), (5, 3), (6, 1)]]
pc = PolyCollection(verts, array=np.array([1.0, 2.0, 4.0]), cmap="viridis")
ax.add_collection(pc)
ax.autoscale_view()
put("pc_xlim", ax.get_xlim())
put("pc_ylim", ax.get_ylim())
put("pc_rgba", pc.to_rgba(np.array([1.0, 2.0, 4.0])))
pc.set_clim(2, 3)
put("pc_clim_rgba", pc.to_rgba(np.array([1.0, 2.0, 4.0])))
plt.close(fig)

# ---- containers ----------------------------------------------------------------------------
CK = {"BarContainer": 1, "ErrorbarContainer": 2, "StemContainer": 3, "Container": 4}
fig, ax = plt.subplots()
ax.bar([1, 2], [3, 4])
ax.errorbar([1, 2], [1, 2], yerr=[0.1, 0.2], capsize=3)
ax.stem([1, 2], [2, 1])
ax.bar([3, 4], [1, 2], yerr=[0.5, 0.5])
ax.hist([1, 2, 2, 3], bins=3)
put("containers_kinds", [CK[type(c).__name__] for c in ax.containers])
plt.close(fig)

with open(os.path.join(OUT, "ref.txt"), "w") as f:
    f.write("# matplotlib %s, scripts/mpl_imgcol_reference.py\n" % matplotlib.__version__)
    f.write("\n".join(rows) + "\n")

if "--png" in sys.argv:
    fig = plt.figure(figsize=(13, 7))
    a1 = fig.add_subplot(2, 3, 1)
    plt.sca(a1)
    i, j = np.mgrid[0:48, 0:64]
    plt.imshow(np.sin(j / 8.0) * np.cos(i / 6.0), cmap="RdBu_r")
    fig.colorbar(plt.gci(), ax=a1)
    plt.clim(-0.5, 0.5)
    a1.set_title("imshow, then clim(-0.5, 0.5)")
    a2 = fig.add_subplot(2, 3, 2)
    r = a2.pcolorfast([0, 1, 3, 6, 10], [0, 1, 3, 4], np.arange(12.0).reshape(3, 4), cmap="magma")
    a2.set_title(type(r).__name__)
    a3 = fig.add_subplot(2, 3, 4)
    co = -4 + 0.2 * np.arange(41)
    v1 = np.exp(-co ** 2 / 2)
    v2 = np.exp(-(co - 1) ** 2) + 0.5 * np.exp(-(co + 2) ** 2 * 2)
    a3.violin([dict(coords=co, vals=v1, mean=0, median=0, min=-4, max=4, quantiles=[-1, 1]),
               dict(coords=co, vals=v2, mean=0.4, median=0.8, min=-4, max=4, quantiles=[])],
              showmeans=True, showmedians=True)
    a3.set_title("violin(vpstats)")
    a4 = fig.add_subplot(2, 3, 5)
    a4.set_prop_cycle(color=["r", "g", "b", "y"], linestyle=["-", "--", ":", "-."])
    xs = np.linspace(0, 2 * np.pi, 50)
    for k in range(4):
        a4.plot(xs, np.sin(xs + k * np.pi / 4), linewidth=2)
    a4.set_title("set_prop_cycle(color, linestyle)")
    a5 = fig.add_subplot(2, 3, 3)
    a5.add_collection(LineCollection([[(0, 0), (4, 1)], [(0, 2), (4, 2)], [(1, 3), (2, 5), (3, 3)]],
                                     colors=["r", "g", "b"], linewidths=[1, 3, 6]))
    a5.autoscale_view()
    a5.set_title("add_collection(LineCollection)")
    a6 = fig.add_subplot(2, 3, 6)
    bc = a6.bar([1, 2, 3], [3, 1, 2])
    ln, = a6.plot([1, 2, 3], [3, 1, 2], "k.-")
    a6.legend([(bc, ln)], ["bars + line"])  # a plain Container has no legend handler: a tuple
    a6.set_title("add_container")
    fig.tight_layout()
    fig.savefig("plot_imgcol_mpl.png")

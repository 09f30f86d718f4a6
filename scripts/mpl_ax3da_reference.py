"""Reference numbers for tests/test_plot_ax3da.c from matplotlib 3.6's Axes3D:
/usr/bin/python3 scripts/mpl_ax3da_reference.py > tests/data/plot/ax3da/ref.txt
Each line: a name, then values. Figures are 6.4 x 4.8 in at dpi 100, one 3-D subplot."""
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.tri as mtri
from matplotlib.collections import PolyCollection
from mpl_toolkits.mplot3d import proj3d


def out(name, vals):
    print(name, " ".join(repr(float(v)) for v in np.ravel(vals)))


def new():
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    return fig, fig.add_subplot(projection="3d")


def lims(name, ax):
    out(name, [*ax.get_xlim3d(), *ax.get_ylim3d(), *ax.get_zlim3d()])


def pixels(ax, fig, x, y, z):
    fig.canvas.draw()
    px, py, _ = proj3d.proj_transform(np.asarray(x, float), np.asarray(y, float), np.asarray(z, float), ax.get_proj())
    p = ax.transData.transform(np.column_stack([px, py]))
    p[:, 1] = fig.bbox.height - p[:, 1]  # y down, as numc's pixels
    return p


# voxels: the gallery's two cubes and link on 8^3; a single voxel's 6 shaded faces
i, j, k = np.indices((8, 8, 8))
cube1 = (i < 3) & (j < 3) & (k < 3)
cube2 = (i >= 5) & (j >= 5) & (k >= 5)
link = abs(i - j) + abs(j - k) + abs(k - i) <= 2
fig, ax = new()
polys = ax.voxels(cube1 | cube2 | link)
out("voxels_faces", [sum(len(p._segslices) for p in polys.values())])
out("voxels_cells", [len(polys)])
lims("voxels_lims", ax)
plt.close(fig)
fig, ax = new()
polys = ax.voxels(np.ones((1, 1, 1), bool), facecolors="C0")
p = polys[(0, 0, 0)]
out("voxel1_faces", [len(p._segslices)])
out("voxel1_colors", np.sort(np.round(p._facecolor3d[:, 0], 12)))  # red channel of each face
plt.close(fig)

# voxels(x, y, z, filled): corners of a non-uniform grid; a 3 x 3 x 3 block less a corner
cx, cy, cz = np.meshgrid(np.linspace(0, 1, 4) ** 2, np.linspace(0, 2, 4), np.linspace(-1, 1, 4), indexing="ij")
fill3 = np.ones((3, 3, 3), bool)
fill3[0, 0, 0] = False
fig, ax = new()
polys = ax.voxels(cx, cy, cz, fill3)
out("voxels_xyz_faces", [sum(len(p._segslices) for p in polys.values())])
lims("voxels_xyz_lims", ax)
plt.close(fig)

# stem (stem3d_demo): limits and the pixel positions of the markers
th = np.linspace(0, 2 * np.pi, 40)
sx, sy = np.cos(th - np.pi / 2), np.sin(th - np.pi / 2)
fig, ax = new()
ax.stem(sx, sy, th)
lims("stem_lims", ax)
out("stem_px", pixels(ax, fig, sx[::8], sy[::8], th[::8]))
plt.close(fig)
fig, ax = new()
ax.stem(sx, sy, th, bottom=-1, orientation="x")
lims("stemx_lims", ax)
plt.close(fig)

# errorbar: bars' ends and the limits
t = np.linspace(0, 2 * np.pi, 60)
ex, ey, ez = np.sin(t), np.cos(3 * t), np.sin(5 * t)
fig, ax = new()
errlines, caplines, _ = ax.errorbar(ex, ey, ez, zerr=0.2, xerr=0.1, errorevery=5, capsize=2)
lims("errorbar_lims", ax)
out("errorbar_ncaps", [len(caplines)])
out("errorbar_caps_markers", [ord(c.get_marker()) for c in caplines])
out("errorbar_caps_ms", [c.get_markersize() for c in caplines])
plt.close(fig)

# text3D: the anchor pixel of a text at (4, 5, 3) in a 0..10 box, and its angle for each zdir
fig, ax = new()
ax.set_xlim(0, 10); ax.set_ylim(0, 10); ax.set_zlim(0, 10)
out("text_px", pixels(ax, fig, [4], [5], [3]))
angles = []
for zdir in [None, "x", "y", "z", (1, 1, 0), (1, 1, 1)]:
    d = np.array([0, 0, 0]) if zdir is None else np.array(
        {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1)}[zdir] if isinstance(zdir, str) else zdir)
    pos = np.array([4, 5, 3])
    proj = proj3d.proj_trans_points([pos, pos + d], ax.M)
    a = np.degrees(np.arctan2(proj[1][1] - proj[1][0], proj[0][1] - proj[0][0]))
    a = (a + 180) % 180
    angles.append(a - 180 if a > 90 else a)
out("text_angles", angles)
plt.close(fig)

# bar at zs along y (bars3d): the limits
fig, ax = new()
for c, kk in zip(["r", "g", "b", "y"], [3, 2, 1, 0]):
    bx = np.arange(20)
    ax.bar(bx, 0.5 + 0.5 * np.sin(0.6 * bx + kk) + 0.1 * kk, zs=kk, zdir="y", color=c, alpha=0.8)
lims("bar_lims", ax)
plt.close(fig)

# tricontour / tricontourf on rings of points
NA, NR = 48, 8
rad = np.linspace(0.25, 0.95, NR)
px, py, pz = [], [], []
for r in range(NR):
    for a in range(NA):
        ang = 2 * np.pi * a / NA + (r % 2) * np.pi / NA
        px.append(rad[r] * np.cos(ang)); py.append(rad[r] * np.sin(ang)); pz.append(np.cos(rad[r]) * np.cos(3 * ang))
px, py, pz = map(np.array, (px, py, pz))
tri = mtri.Triangulation(px, py)
fig, ax = new()
cs = ax.tricontour(tri, pz, levels=12)
out("tricontour_levels", cs.levels)
# the heights of the lines: one z per non-empty level
out("tricontour_z", [col._segments3d[0][0][2] for col in cs.collections if len(col._segments3d)])
lims("tricontour_lims", ax)
plt.close(fig)
fig, ax = new()
cs = ax.tricontourf(tri, pz)
out("tricontourf_levels", cs.levels)
out("tricontourf_z", [col._vec[2][0] for col in cs.collections if col._vec.shape[1]])
lims("tricontourf_lims", ax)
plt.close(fig)
fig, ax = new()
cs = ax.tricontour(tri, pz, zdir="x", offset=-1.5)
out("tricontourx_x", np.unique(np.round(np.concatenate([np.asarray(s)[:, 0] for col in cs.collections for s in col._segments3d]), 12)))
plt.close(fig)

# contour(extend3d=True, stride=5): each level's first polyline as a wall of quads
g = np.linspace(-3, 3, 30)
GX, GY = np.meshgrid(g, g)
GZ = np.exp(-(GX ** 2 + GY ** 2) / 2)
fig, ax = new()
cs = ax.contour(GX, GY, GZ, levels=[0.2, 0.5, 0.8], extend3d=True, stride=5)
polys = [c for c in ax.collections]
out("extend3d_quads", [len(c._segslices) for c in polys])
out("extend3d_first", polys[0]._vec[:3, :4].T)
plt.close(fig)

# add_collection3d: a triangle and a square placed at y = 1, 2 (zdir 'y')
fig, ax = new()
poly = PolyCollection([[(0, 0), (1, 0), (0.5, 1)], [(2, 0), (3, 0), (3, 1), (2, 1)]])
ax.add_collection3d(poly, zs=[1, 2], zdir="y")
out("collection_vec", poly._vec[:3].T)
plt.close(fig)
fig, ax = new()
poly = PolyCollection([[(0, 0), (1, 0), (0.5, 1)]])
ax.add_collection3d(poly, zs=5, zdir="x")
out("collection_x_vec", poly._vec[:3].T)
plt.close(fig)

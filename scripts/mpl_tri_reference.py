#!/usr/bin/env python3
"""matplotlib's renderings of the golden images of tests/test_plot_tri.c, for a side-by-side
look (run with /usr/bin/python3; writes /tmp/mpl_tri_<name>.png). The mesh is matplotlib's
tricontour demo: rings of points, z = cos(r) cos(3 a), the centre triangles masked."""
import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.tri as mtri


def mesh():
    n_angles, n_radii = 24, 6
    radii = np.linspace(0.25, 0.95, n_radii)
    angles = np.linspace(0, 2 * np.pi, n_angles, endpoint=False)
    angles = np.repeat(angles[..., np.newaxis], n_radii, axis=1)
    angles[:, 1::2] += np.pi / n_angles
    x = (radii * np.cos(angles)).flatten()
    y = (radii * np.sin(angles)).flatten()
    z = (np.cos(radii) * np.cos(3 * angles)).flatten()
    t = mtri.Triangulation(x, y)
    t.set_mask(np.hypot(x[t.triangles].mean(axis=1), y[t.triangles].mean(axis=1)) < 0.25)
    return t, z


def main():
    t, z = mesh()
    for name in ("triplot", "tripcolor_flat", "tripcolor_gouraud", "tricontourf", "trisurf"):
        fig = plt.figure(figsize=(4, 3), dpi=100)
        if name == "trisurf":
            ax = fig.add_subplot(projection="3d")
            ax.plot_trisurf(t, z, cmap="viridis")
        else:
            ax = fig.add_subplot()
            ax.set_aspect("equal")
            if name == "triplot":
                ax.triplot(t, "bo-", lw=1, markersize=3)
            elif name == "tripcolor_flat":
                ax.tripcolor(t, z, shading="flat")
            elif name == "tripcolor_gouraud":
                ax.tripcolor(t, z, shading="gouraud")
            else:
                ax.tricontourf(t, z, levels=8)
                ax.tricontour(t, z, levels=8, colors="k", linewidths=0.5)
        fig.savefig(f"/tmp/mpl_tri_{name}.png")
        plt.close(fig)


if __name__ == "__main__":
    main()

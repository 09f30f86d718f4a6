"""matplotlib 3.6 references for tests/test_plot_savefig.c (run with /usr/bin/python3):
the pixel size of savefig(bbox_inches='tight') for three figures, imsave of a 2-D array with
a cmap (tests/data/plot/savefig/imsave_ref.png), the logit scale's ticks and labels, and
fig.tight_layout() axes boxes. Prints the numbers the test checks; writes the PNGs given."""
import io
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"


def fig_a():
    """one axes with a title and labels"""
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.plot([0, 1, 2, 3], [1, 3, 2, 4], label="line")
    ax.set_title("Title")
    ax.set_xlabel("x label")
    ax.set_ylabel("y label")
    return fig


def fig_b():
    """a legend outside the axes (spills over the right edge)"""
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.plot([0, 1, 2], [0, 1, 4], label="quadratic growth")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
    return fig


def fig_c():
    """2 x 2 subplots with tight_layout"""
    fig, axs = plt.subplots(2, 2, figsize=(6, 5), dpi=100)
    for i, ax in enumerate(axs.flat):
        ax.plot(np.arange(10), np.arange(10) ** (i + 1))
        ax.set_title(f"panel {i}")
    fig.tight_layout()
    return fig


for name, make in (("a", fig_a), ("b", fig_b), ("c", fig_c)):
    fig = make()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    im = Image.open(io.BytesIO(buf.getvalue()))
    fig.savefig(f"{out}/mpl_savefig_tight_{name}.png", bbox_inches="tight")
    bb = fig.get_tightbbox(fig.canvas.get_renderer())
    print(f"tight_{name} {im.size[0]} {im.size[1]} bbox_in {bb.x0:.4f} {bb.y0:.4f} {bb.x1:.4f} {bb.y1:.4f}")
    plt.close(fig)

# imsave: a 2-D ramp with NaN through plasma, vmin/vmax given, origin lower
z = np.arange(48, dtype=float).reshape(6, 8) / 47.0 * 3 - 1
z[2, 3] = np.nan
plt.imsave(f"{out}/imsave_ref.png", z, cmap="plasma", vmin=-0.5, vmax=1.5, origin="lower")
print("imsave written")

# logit scale ticks and labels
for lo, hi in ((0.01, 0.99), (1e-4, 1 - 1e-4), (0.2, 0.8)):
    fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
    ax.set_yscale("logit")
    ax.set_ylim(lo, hi)
    fig.canvas.draw()
    t = ax.get_yticks()
    labels = [lb.get_text() for lb in ax.get_yticklabels()]
    vis = [(v, lb) for v, lb in zip(t, labels) if lo <= v <= hi]
    print(f"logit {lo} {hi} :", " | ".join(f"{v:.10g}={lb}" for v, lb in vis))
    plt.close(fig)

# logit minor ticks, autoscaled limits with data at 0 and 1, and clip vs mask
fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
ax.set_yscale("logit")
ax.set_ylim(0.01, 0.99)
fig.canvas.draw()
print("logit minor", " ".join(f"{v:.10g}" for v in ax.yaxis.get_minorticklocs()))
plt.close(fig)
fig, ax = plt.subplots(figsize=(4, 4), dpi=100)
ax.plot([0, 1, 2, 3], [0, 0.3, 0.6, 1])
ax.set_yscale("logit")
fig.canvas.draw()
print("logit autoscale %.10g %.10g" % ax.get_ylim())
plt.close(fig)

# tight_layout axes boxes in pixels (x0, y0 top-left, x1, y1)
for name, make in (("a", fig_a), ("c", fig_c)):
    fig = make()
    fig.tight_layout()
    fig.canvas.draw()
    H = fig.bbox.height
    for i, ax in enumerate(fig.axes):
        p = ax.get_window_extent()
        print(f"tl_{name} {i} {p.x0:.2f} {H - p.y1:.2f} {p.x1:.2f} {H - p.y0:.2f}")
    plt.close(fig)

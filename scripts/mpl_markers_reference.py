"""matplotlib 3.6's rendering of examples/plot_markers.c (the full marker chart) for the
golden tests/data/plot/markers/plot_markers.png. Run with /usr/bin/python3; writes
/tmp/mpl_plot_markers.png (or argv[1])."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FILLED = [".", ",", "o", "v", "^", "<", ">", "8", "s", "p", "P", "*", "h", "H", "D", "d", "X"]
UNFILLED = ["1", "2", "3", "4", "+", "x", "|", "_"] + list(range(12))  # TICKLEFT..CARETDOWNBASE

fig = plt.figure(figsize=(6, 3), dpi=100)
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xlim(-0.5, 9.5)
ax.set_ylim(4.5, -0.5)
ax.axis("off")
for k, m in enumerate(FILLED):
    ax.plot([k % 9], [k // 9], marker=m, markersize=12, color="C0", markeredgecolor="black")
for k, m in enumerate(UNFILLED):
    ax.plot([k % 10], [2 + k // 10], marker=m, markersize=12, color="C0", markeredgewidth=1.5)
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_plot_markers.png")

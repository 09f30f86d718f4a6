#!/usr/bin/python3
"""Draw matplotlib's colormap reference charts, the same ones examples/colormaps.c draws
with numc, to set side by side:
    /usr/bin/python3 scripts/colormaps_reference.py OUT_DIR [NUMC_DIR]
writes OUT_DIR/mpl_colormaps_<group>.png and, given the directory where the example wrote
its colormaps_<group>.png (`make demo`: out/), OUT_DIR/compare_colormaps_<group>.png with
numc's chart on the left and matplotlib's on the right.
The groups and the layout follow matplotlib's colormap reference gallery example; the
groups are read from examples/colormaps.c so that both draw the same maps."""
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "colormaps.c")


def groups():
    """(slug, title, [maps]) of each group in examples/colormaps.c."""
    text = open(SRC).read()
    pattern = re.compile(r'\{\s*"(\w+)",\s*"([^"]+)",\s*\{([^}]*)\}\s*\}', re.S)
    return [(m.group(1), m.group(2), re.findall(r'"(\w+)"', m.group(3)))
            for m in pattern.finditer(text)]


def draw(slug, title, maps, out):
    gradient = np.linspace(0, 1, 256)
    gradient = np.vstack((gradient, gradient))
    nrows = len(maps)
    figh = 0.35 + 0.15 + (nrows + (nrows - 1) * 0.1) * 0.22
    fig, axs = plt.subplots(nrows=nrows, figsize=(6.4, figh))
    fig.subplots_adjust(top=1 - .35 / figh, bottom=.15 / figh, left=0.2, right=0.99)
    axs[0].set_title(f"{title} colormaps", fontsize=14)
    for ax, name in zip(axs, maps):
        ax.imshow(gradient, aspect="auto", cmap=name)
        ax.text(-.01, .5, name, va="center", ha="right", fontsize=10, transform=ax.transAxes)
    for ax in axs:
        ax.set_axis_off()
    path = os.path.join(out, "mpl_colormaps_%s.png" % slug)
    fig.savefig(path)
    plt.close(fig)
    print("matplotlib: %d maps -> %s" % (nrows, path))
    return path


def side_by_side(numc_path, mpl_path, path):
    """numc's chart and matplotlib's in one image, a black rule between them."""
    a, b = (plt.imread(p)[..., :3] for p in (numc_path, mpl_path))
    h = max(a.shape[0], b.shape[0])
    pad = lambda im: np.vstack([im, np.ones((h - im.shape[0],) + im.shape[1:])])  # noqa: E731
    plt.imsave(path, np.hstack([pad(a), np.zeros((h, 6, 3)), pad(b)]))
    print("compare: %s" % path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    found = groups()
    assert len(found) == 7 and sum(len(m) for _, _, m in found) == 83, found
    for slug, title, maps in found:
        mpl_path = draw(slug, title, maps, out)
        if len(sys.argv) > 2:
            numc_path = os.path.join(sys.argv[2], "colormaps_%s.png" % slug)
            side_by_side(numc_path, mpl_path, os.path.join(out, "compare_colormaps_%s.png" % slug))


if __name__ == "__main__":
    main()

"""matplotlib 3.6's stacked mathtext (fractions, binomials, \\sum limits, \\int scripts) as ink.

Each expression is drawn alone, black at 12 pt on a white 300x120 px figure at 100 dpi
(DejaVu Sans, mathtext.fontset 'dejavusans'), and its ink box measured. For the fractions
the rule's row is the row with the longest run of dark pixels. Writes
tests/data/plot/mathfrac/mpl_ref.txt: name w h rule_row_from_ink_top (-1 when none).
Also saves each rendering as mpl_<name>.png beside it, and all five side by side as
mpl_stacked.png (the test's golden stacked.png draws the same), for eyeballing.
"""
import os
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

CASES = [
    ("half", r"$\frac{1}{2}$"),
    ("xeq", r"$x = \frac{a+b}{c}$"),
    ("nested", r"$\frac{1}{1+\frac{1}{x}}$"),
    ("binom", r"$\binom{n}{k}$"),
    ("sum", r"$\sum_{i=0}^{n} i$"),
    ("int", r"$\int_0^1 f(x)\,dx$"),
]
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "plot", "mathfrac")


def ink(img):
    dark = img < 0.5
    rows = np.where(dark.any(axis=1))[0]
    cols = np.where(dark.any(axis=0))[0]
    return rows[0], rows[-1], cols[0], cols[-1]


def rule_row(img, r0, r1, c0, c1, name):
    if name in ("sum", "binom", "int"):
        return -1
    dark = img[r0:r1 + 1, c0:c1 + 1] < 0.5
    # the rule: the row with the longest run of dark pixels, well inside the ink
    best, best_row = 0, -1
    for r in range(dark.shape[0]):
        row = dark[r]
        run = longest = 0
        for v in row:
            run = run + 1 if v else 0
            longest = max(longest, run)
        if longest > best:
            best, best_row = longest, r
    return best_row


def main():
    lines = []
    for name, tex in CASES:
        fig = plt.figure(figsize=(3, 1.2), dpi=100)
        fig.text(0.5, 0.5, tex, fontsize=12, ha="center", va="center", color="black")
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[:, :, :3].mean(axis=2) / 255.0
        fig.savefig(os.path.join(OUT, "mpl_%s.png" % name), dpi=100)
        plt.close(fig)
        r0, r1, c0, c1 = ink(img)
        rr = rule_row(img, r0, r1, c0, c1, name)
        lines.append("%s %d %d %d" % (name, c1 - c0 + 1, r1 - r0 + 1, rr))
    # all of them side by side, as tests/test_plot_mathfrac.c's golden stacked.png
    fig = plt.figure(figsize=(7.2, 1.2), dpi=100)
    for i, (name, tex) in enumerate(CASES):
        fig.text((i + 0.5) / len(CASES), 0.5, tex, fontsize=12, ha="center", va="center",
                 color="black")
    fig.savefig(os.path.join(OUT, "mpl_stacked.png"), dpi=100)
    plt.close(fig)
    with open(os.path.join(OUT, "mpl_ref.txt"), "w") as f:
        f.write("# name ink_w ink_h rule_row_from_ink_top (scripts/mpl_mathfrac_reference.py)\n")
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

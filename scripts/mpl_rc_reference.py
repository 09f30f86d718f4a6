#!/usr/bin/python3
"""Reference rcParams values from matplotlib 3.6 for tests/test_plot_rc.c.

    /usr/bin/python3 scripts/mpl_rc_reference.py tests/data/plot/rc

Writes <style>.txt for the defaults (matplotlib.rcParamsDefault, style 'default') and for
each style sheet after plt.style.use('default'); plt.style.use(<style>): one line per key
numc draws, "key<TAB>kind<TAB>value" where value is normalized so that C can compare it:
  num     a float (font sizes in points as drawn: 'large' is 1.2 * font.size)
  bool    1 or 0
  color   r g b a (matplotlib.colors.to_rgba)
  colors  r g b a per color of the axes.prop_cycle color cycle
  pair    width height (figure.figsize)
  text    the value as matplotlib stores it (lists joined by ', ')
"""
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.colors as mc
import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties

NUM = ["axes.labelpad", "axes.linewidth", "axes.titlepad", "axes.xmargin", "axes.ymargin",
       "figure.dpi", "font.size", "grid.alpha", "grid.linewidth", "legend.framealpha",
       "lines.linewidth", "lines.markersize"]
SIZES = ["axes.labelsize", "axes.titlesize", "legend.fontsize", "xtick.labelsize",
         "ytick.labelsize"]
BOOL = ["axes.grid", "axes.spines.bottom", "axes.spines.left", "axes.spines.right",
        "axes.spines.top", "axes.unicode_minus", "legend.frameon", "xtick.bottom",
        "xtick.labelbottom", "xtick.labeltop", "xtick.top", "ytick.labelleft",
        "ytick.labelright", "ytick.left", "ytick.right"]
COLOR = ["axes.edgecolor", "axes.facecolor", "axes.labelcolor", "figure.facecolor",
         "grid.color", "legend.edgecolor", "legend.facecolor", "patch.facecolor",
         "savefig.facecolor", "text.color", "xtick.color", "ytick.color"]
TEXT = ["axes.axisbelow", "axes.titleweight", "font.family", "font.monospace",
        "font.sans-serif", "font.serif", "grid.linestyle", "image.cmap", "lines.linestyle",
        "xtick.direction", "ytick.direction", "savefig.dpi"]
for ax in ("xtick", "ytick"):
    NUM += ["%s.%s" % (ax, k) for k in ("major.pad", "major.size", "major.width",
                                         "minor.pad", "minor.size", "minor.width")]

STYLES = ["default", "classic", "fast", "ggplot", "bmh", "dark_background", "grayscale",
          "fivethirtyeight", "Solarize_Light2", "tableau-colorblind10", "seaborn-v0_8",
          "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid", "seaborn-v0_8-paper",
          "seaborn-v0_8-colorblind"]


def color(rc, key):
    v = rc[key]
    if v == "inherit":
        v = rc["axes.facecolor" if "face" in key else "axes.edgecolor"]
    if v == "auto":  # savefig.facecolor: the figure's
        v = rc["figure.facecolor"]
    if isinstance(v, str) and len(v) == 2 and v[0] == "C":
        cyc = rc["axes.prop_cycle"].by_key()["color"]
        v = cyc[int(v[1]) % len(cyc)]
    return " ".join("%.9g" % c for c in mc.to_rgba(v))


def dump(rc):
    lines = []
    for k in NUM:
        v = rc[k]
        if k == "legend.framealpha" and v is None:
            v = 1.0  # None: the frame keeps its face color's alpha (opaque without a shadow)
        lines.append("%s\tnum\t%.17g" % (k, float(v)))
    for k in SIZES:
        with plt.rc_context({"font.size": rc["font.size"]}):
            pts = FontProperties(size=rc[k]).get_size_in_points()
        lines.append("%s\tnum\t%.17g" % (k, pts))
    for k in BOOL:
        lines.append("%s\tbool\t%d" % (k, bool(rc[k])))
    for k in COLOR:
        lines.append("%s\tcolor\t%s" % (k, color(rc, k)))
    cyc = rc["axes.prop_cycle"].by_key()["color"]
    lines.append("axes.prop_cycle\tcolors\t%s" % " ".join(
        "%.9g" % c for v in cyc for c in mc.to_rgba(v)))
    lines.append("figure.figsize\tpair\t%.17g %.17g" % tuple(rc["figure.figsize"]))
    for k in TEXT:
        v = rc[k]
        if isinstance(v, list):
            v = ", ".join(v)
        lines.append("%s\ttext\t%s" % (k, v))
    sk = rc["path.sketch"]
    lines.append("path.sketch\ttext\t%s" % ("None" if sk is None else ", ".join("%g" % v for v in sk)))
    lines.append("path.effects\ttext\t%s" % ("[]" if not rc["path.effects"] else rc["path.effects"]))
    return "\n".join(sorted(lines)) + "\n"


def main():
    assert matplotlib.__version__.startswith("3.6"), matplotlib.__version__
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "rcdefault.txt"), "w") as f:
        f.write(dump(matplotlib.rcParamsDefault))
    for s in STYLES:
        plt.style.use("default")
        plt.style.use(s)
        with open(os.path.join(out, s + ".txt"), "w") as f:
            f.write(dump(matplotlib.rcParams))


main()
